//! One self-contained HTML5 page for the office website: semantic elements
//! (header, section, article, footer), inline CSS with font fallbacks and a
//! print style. Every user string goes through maud's escaping; nothing is
//! assembled by hand.

use maud::{DOCTYPE, Markup, PreEscaped, html};

use crate::model::{
    Article, Block, Figure, ImageFormat, Issue, Paragraph, Photo, PhotoWidth, Table, TitleAlign,
    print_count_text,
};
use crate::typeset::{NOTE_LABEL, attribution_line, section_heading, serial_text};

/// The page's style sheet: official fonts first, then common system fonts.
const CSS: &str = r#"
:root { --accent: ACCENT; }
body { margin: 0 auto; max-width: 46em; padding: 2em 1.5em; background: #fff; color: #111;
  font: 16px/1.9 "仿宋_GB2312", "仿宋", FangSong, STFangsong, "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, serif; }
header.masthead { text-align: center; border-bottom: 3px solid var(--accent); padding-bottom: .6em; margin-bottom: 1.2em; }
.marks { display: flex; justify-content: space-between; font-family: "黑体", SimHei, "Noto Sans CJK SC", sans-serif; }
h1.name { color: var(--accent); font: bold 2.2em/1.3 "方正小标宋简体", "方正小标宋_GBK", "Noto Serif CJK SC", "Songti SC", serif; margin: .4em 0; letter-spacing: .05em; }
.number, .total { margin: .1em 0; }
.issuer { display: flex; justify-content: space-between; margin-top: .6em; }
.note { font-family: "楷体_GB2312", "楷体", KaiTi, STKaiti, "LXGW WenKai", serif; text-indent: 2em; }
.note strong { font-family: "黑体", SimHei, "Noto Sans CJK SC", sans-serif; }
h2 { font: 1em/1.9 "黑体", SimHei, "Noto Sans CJK SC", sans-serif; margin: 1em 0 0; }
article p { text-indent: 2em; text-align: justify; margin: 0; }
h3.title { font: normal 1em/1.9 "黑体", SimHei, "Noto Sans CJK SC", sans-serif; margin: .6em 0 0; text-indent: 2em; }
h3.title.centred { text-align: center; text-indent: 0; }
.lead { font-family: "黑体", SimHei, "Noto Sans CJK SC", sans-serif; font-weight: normal; }
.attribution { text-align: right; font-family: "楷体_GB2312", "楷体", KaiTi, STKaiti, "LXGW WenKai", serif; margin: 0 0 .6em; }
footer { margin-top: 2em; font-size: .9em; border-top: 1px solid #000; }
footer p { margin: .3em 1em; }
footer .credits span + span, footer .contacts span + span { margin-left: 2em; }
footer .distribution p { border-top: 1px solid #000; margin: 0; padding: .3em 1em; padding-left: 3em; text-indent: -2em; }
footer .distribution { border-bottom: 1px solid #000; }
.count { float: right; text-indent: 0; }
figure.photo { margin: .8em auto; text-align: center; }
figure.photo img { max-width: 100%; }
figure.photo.half img { max-width: 50%; }
figcaption { font-family: "楷体_GB2312", "楷体", KaiTi, STKaiti, "LXGW WenKai", serif; font-size: .875em; }
article table { border-collapse: collapse; margin: .8em auto; font-size: .875em; }
article table caption { font-family: "黑体", SimHei, "Noto Sans CJK SC", sans-serif; }
article th, article td { border: 1px solid #000; padding: .2em .5em; }
article th { font-family: "黑体", SimHei, "Noto Sans CJK SC", sans-serif; font-weight: normal; }
@media print {
  body { max-width: none; padding: 0; font-size: 16pt; }
  @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
  article { break-inside: auto; }
  footer { break-inside: avoid; }
}
"#;

/// The issue as an HTML5 document.
pub fn to_html(issue: &Issue) -> String {
    let m = &issue.masthead;
    let css = CSS.replace("ACCENT", &issue.style.accent.hex());
    let title = format!("{} {}", m.name.trim(), m.number_text());
    let page: Markup = html! {
        (DOCTYPE)
        html lang="zh-CN" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="generator" content="Jianbao";
                title { (title) }
                style { (PreEscaped(css)) }
            }
            body {
                header class="masthead" {
                    @if m.classification.is_some() || m.copy_serial {
                        div class="marks" {
                            span class="classification" { (m.classification.map_or("", |c| c.label())) }
                            @if m.copy_serial { span class="serial" { (serial_text(1)) } }
                        }
                    }
                    h1 class="name" { (m.name.trim()) }
                    p class="number" { (m.number_text()) }
                    @if let Some(total) = m.total_number_text() {
                        p class="total" { (total) }
                    }
                    div class="issuer" {
                        span class="office" { (m.office.trim()) }
                        @if let Some(date) = m.date {
                            time class="date" datetime=(date.format("%Y-%m-%d").to_string()) { (m.date_text()) }
                        }
                    }
                }
                main {
                    @if let Some(note) = issue.editors_note_text() {
                        aside class="note" { p { strong { (NOTE_LABEL) } (note) } }
                    }
                    @for section in &issue.sections {
                        section {
                            @if !section.heading.trim().is_empty() {
                                h2 { (section_heading(&section.heading)) }
                            }
                            @for article in &section.articles {
                                (article_html(issue, article))
                            }
                        }
                    }
                }
                (footer_html(issue))
            }
        }
    };
    page.into_string()
}

fn article_html(issue: &Issue, article: &Article) -> Markup {
    let paragraphs: Vec<&Paragraph> = article.body.iter().filter(|p| !p.is_blank()).collect();
    // The lead opens the first printed paragraph.
    let first = article.body.iter().position(|p| !p.is_blank());
    let attribution = attribution_line(&issue.attribution_of(article));
    let title_class = match issue.style.article_title.align {
        TitleAlign::Centred => "title centred",
        TitleAlign::Flush => "title",
    };
    html! {
        article id=(format!("article-{}", article.id.0)) data-unit=(article.unit.trim()) {
            @if !article.title.trim().is_empty() {
                h3 class=(title_class) { (article.title.trim()) }
            }
            @if paragraphs.is_empty() {
                p { strong class="lead" { (article.lead) } }
            }
            @for block in article.blocks() {
                @match block {
                    Block::Paragraph(index, paragraph) if !paragraph.is_blank() => {
                        p {
                            @if first == Some(index) && !article.lead.is_empty() {
                                strong class="lead" { (article.lead) }
                            }
                            @for span in &paragraph.spans {
                                @if span.bold { b { (span.text) } } @else { (span.text) }
                            }
                        }
                    }
                    Block::Paragraph(..) => {}
                    Block::Figure(_, Figure::Photo(photo)) => { (photo_html(photo)) }
                    Block::Figure(_, Figure::Table(table)) => { (table_html(table)) }
                }
            }
            @if !attribution.is_empty() {
                p class="attribution" { (attribution) }
            }
        }
    }
}

/// A photo inline (its bytes as a data URL: the page is one file) with
/// its caption.
fn photo_html(photo: &Photo) -> Markup {
    use base64::Engine as _;
    let mime = match photo.image.format {
        ImageFormat::Jpeg => "image/jpeg",
        ImageFormat::Png => "image/png",
    };
    let data = base64::engine::general_purpose::STANDARD.encode(photo.image.bytes.as_slice());
    let class = match photo.width {
        PhotoWidth::Full => "photo",
        PhotoWidth::Half => "photo half",
    };
    html! {
        figure class=(class) {
            img src=(format!("data:{mime};base64,{data}")) alt=(photo.caption.trim());
            @if !photo.caption.trim().is_empty() {
                figcaption { (photo.caption.trim()) }
            }
        }
    }
}

fn table_html(table: &Table) -> Markup {
    let columns = table.columns();
    let align = |c: usize| table.align_of(c).keyword();
    let cell = |row: &[String], c: usize| row.get(c).cloned().unwrap_or_default();
    html! {
        table {
            @if !table.title.trim().is_empty() {
                caption { (table.title.trim()) }
            }
            thead { tr { @for c in 0..columns { th style=(format!("text-align: {}", align(c))) { (cell(&table.header, c)) } } } }
            tbody {
                @for row in &table.rows {
                    tr { @for c in 0..columns { td style=(format!("text-align: {}", align(c))) { (cell(row, c)) } } }
                }
            }
        }
    }
}

fn footer_html(issue: &Issue) -> Markup {
    let f = &issue.footer;
    let lines: Vec<(&str, &str)> = issue.distribution.lines().collect();
    let last = lines.len().saturating_sub(1);
    html! {
        footer {
            p class="credits" {
                @if !f.editor.trim().is_empty() { span class="editor" { "责编：" (f.editor.trim()) } }
                @if !f.proofreader.trim().is_empty() { span class="proofreader" { "核稿：" (f.proofreader.trim()) } }
            }
            p class="contacts" {
                @if !f.phone.trim().is_empty() { span class="phone" { "电话：" (f.phone.trim()) } }
                @if !f.fax.trim().is_empty() { span class="fax" { "传真：" (f.fax.trim()) } }
                @if !f.email.trim().is_empty() { span class="email" { "邮箱：" (f.email.trim()) } }
            }
            div class="distribution" {
                @for (i, (label, text)) in lines.iter().enumerate() {
                    p class="recipients" {
                        (label) "：" (text.trim())
                        @if i == last && let Some(count) = f.print_count {
                            span class="count" { (print_count_text(count)) }
                        }
                    }
                }
            }
        }
    }
}
