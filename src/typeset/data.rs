//! The issue as the template reads it: `/issue.json`.
//!
//! Everything that is wording rather than layout (第 11 期, the date, the
//! attribution default) is settled here, so the template only places text.
//! Strings go in as JSON strings and the template inserts them as text,
//! never as markup: no character an editor types can change the layout.

use serde::Serialize;

use super::fonts::{FontRole, FontSet};
use crate::model::{Article, Figure, ImageBytes, ImageFormat, Issue, PageNumbers, TitleAlign};

/// Per-export choices that are not part of the issue.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct PrintOptions {
    /// Numbered copies to lay out one after another, each starting on a
    /// new page with its serial (000001, 000002, …) top right. Empty: one
    /// copy, showing serial 000001 only if the issue has 编号 switched on.
    pub copies: Vec<u32>,
    /// 共印 N 份 to print instead of the issue's own count.
    pub print_count: Option<u32>,
    /// Leave out the 报尾: the issue is cut short for a quick preview of
    /// its first pages (`Typesetter::compile_prefix`), and its last page
    /// ends where the text does.
    pub prefix: bool,
}

impl PrintOptions {
    /// `count` numbered copies, 1 to `count`, with the print count set to
    /// match.
    pub fn numbered(count: u32) -> Self {
        Self {
            copies: (1..=count).collect(),
            print_count: Some(count),
            prefix: false,
        }
    }
}

/// A copy serial as printed: six digits.
pub fn serial_text(serial: u32) -> String {
    format!("{serial:06}")
}

/// The words the printed issue puts around the editor's text, settled here
/// once: the template, Word, HTML and plain text all print these.
///
/// The label before the editor's note.
pub const NOTE_LABEL: &str = "编者按：";

/// A section heading as printed: 【文明创建】; empty for a blank heading.
pub fn section_heading(heading: &str) -> String {
    let heading = heading.trim();
    if heading.is_empty() {
        String::new()
    } else {
        format!("【{heading}】")
    }
}

/// An attribution as printed: （东城区文明办）; empty when there is none.
/// Whether an article's printed attribution closes its last paragraph at
/// the right margin (when it fits there) rather than taking a right-aligned
/// line of its own: the template and Word decide alike.
pub fn attribution_closes_paragraph(line: &str) -> bool {
    !line.is_empty() && line.chars().count() <= 18
}

pub fn attribution_line(attribution: &str) -> String {
    if attribution.is_empty() {
        String::new()
    } else {
        format!("（{attribution}）")
    }
}

/// The printed page, in millimetres: every renderer lays out on this one
/// (the template through the JSON, Word directly).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct PageGeometry {
    pub width: f64,
    pub height: f64,
    pub top: f64,
    pub bottom: f64,
    pub left: f64,
    pub right: f64,
    /// How far into the bottom margin the page number's line sits.
    pub footer_descent: f64,
    /// Where Word puts its (empty) header, from the top edge.
    pub header: f64,
}

impl PageGeometry {
    /// The width of the type area.
    pub fn type_width(&self) -> f64 {
        self.width - self.left - self.right
    }

    /// The measure (the type area's width) in points.
    pub fn measure(&self) -> f64 {
        self.type_width() / 25.4 * 72.0
    }

    /// The character grid of text at `size` points: the whole number of
    /// characters that fills the measure (28 of 3号 on the standard page),
    /// and the tracking in points that fits them to it (−0.3 pt there).
    ///
    /// Lines are filled by their natural width (as Word fills them), so a
    /// full line must fit without squeezing. typst adds tracking between
    /// the characters of each differently styled stretch of text, not after
    /// its last, so a full line's tracking is counted over 27 gaps less one
    /// for each change of style it may hold (a bold phrase makes two).
    /// Twenty-nine characters never fit.
    pub fn grid(&self, size: f64) -> (u32, f64) {
        /// Changes of style a full line may hold and keep its characters.
        const STYLE_CHANGES: f64 = 8.0;
        let per_line = (self.measure() / size).round().max(1.0);
        let gaps = (per_line - 1.0 - STYLE_CHANGES).max(1.0);
        (per_line as u32, (self.measure() - per_line * size) / gaps)
    }
}

/// GB/T 9704-2012: A4, margins 37/35/28/26 mm (type area 156 × 225 mm),
/// the page number 7 mm into the bottom margin.
pub const PAGE: PageGeometry = PageGeometry {
    width: 210.0,
    height: 297.0,
    top: 37.0,
    bottom: 35.0,
    left: 28.0,
    right: 26.0,
    footer_descent: 7.0,
    header: 15.0,
};

#[derive(Serialize)]
struct Data<'a> {
    page: PageGeometry,
    /// One entry per copy: its serial, or `None` for an unnumbered copy.
    copies: Vec<Option<String>>,
    /// No 报尾: see `PrintOptions::prefix`.
    prefix: bool,
    style: StyleData<'a>,
    masthead: MastheadData<'a>,
    note_label: &'static str,
    note: Option<&'a str>,
    sections: Vec<SectionData<'a>>,
    footer: FooterData<'a>,
    distribution: Vec<LineData<'a>>,
}

#[derive(Serialize)]
struct StyleData<'a> {
    accent: String,
    title_fonts: [&'a str; 2],
    body_fonts: [&'a str; 2],
    heading_fonts: [&'a str; 2],
    kai_fonts: [&'a str; 2],
    page_number_fonts: [&'a str; 2],
    /// "outside" (odd pages right, even left) or "centred".
    page_numbers: &'static str,
    /// An article's own title line: "centred" or "flush"; whether it is
    /// in the title face (小标宋) rather than the heading face (黑体); its
    /// size in points and the grid lines it takes.
    title_align: &'static str,
    title_in_title_face: bool,
    article_title_size: f64,
    article_title_lines: u32,
    /// How far the page number's dash reaches above its baseline, in em.
    dash_top: f64,
    synthetic_bold: bool,
    title_size: f64,
    body_size: f64,
    footer_size: f64,
    line_pitch: f64,
    /// The body's tracking to its character grid, in points.
    tracking: f64,
}

#[derive(Serialize)]
struct MastheadData<'a> {
    classification: Option<&'static str>,
    name: &'a str,
    number: String,
    total: Option<String>,
    office: &'a str,
    date: String,
}

#[derive(Serialize)]
struct SectionData<'a> {
    heading: String,
    articles: Vec<ArticleData<'a>>,
}

#[derive(Serialize)]
struct ArticleData<'a> {
    /// A string: JSON numbers lose precision above 2^53.
    id: String,
    /// For the volume's 目录 and unit index.
    unit: &'a str,
    title: &'a str,
    lead: &'a str,
    paragraphs: Vec<Vec<SpanData<'a>>>,
    attribution: String,
    /// See `attribution_closes_paragraph`.
    attribution_closes: bool,
    /// Photos and tables, each after a number of `paragraphs`.
    figures: Vec<FigureData<'a>>,
}

/// A photo or a table, for the template.
#[derive(Serialize)]
struct FigureData<'a> {
    /// How many of the article's printed paragraphs stand before it.
    after: usize,
    /// "photo" or "table".
    kind: &'static str,
    /// A photo's image in the sandbox (see `images`) and its share of the
    /// measure.
    path: Option<String>,
    width: f64,
    /// A photo's caption, or a table's title.
    caption: &'a str,
    header: &'a [String],
    rows: &'a [Vec<String>],
    columns: usize,
    /// Per column: "left", "center" or "right".
    align: Vec<&'static str>,
}

/// Where the template finds a photo's image: a path in the sandbox, which
/// serves the image from memory (see `images`). Named by the address of
/// the shared bytes: the same photo keeps its path through edits, moves
/// and undo, and two photos never share one, in an issue or a volume (the
/// sandbox holds the bytes of every path it serves, so an address is not
/// reused while its path is served).
fn image_path(bytes: &ImageBytes, format: ImageFormat) -> String {
    let address = bytes.as_slice().as_ptr() as usize;
    format!(
        "/figures/{address:x}-{}.{}",
        bytes.len(),
        format.extension()
    )
}

/// Every photo's image in `issue`, under the path the data gives it.
pub fn images(issue: &Issue) -> Vec<(String, ImageBytes)> {
    issue
        .articles()
        .flat_map(|(_, _, article)| &article.figures)
        .filter_map(|placed| match &placed.figure {
            Figure::Photo(photo) => Some((
                image_path(&photo.image.bytes, photo.image.format),
                photo.image.bytes.clone(),
            )),
            Figure::Table(_) => None,
        })
        .collect()
}

fn figure_data(article: &Article) -> Vec<FigureData<'_>> {
    article
        .printed_figures()
        .map(|(after, figure)| match figure {
            Figure::Photo(photo) => FigureData {
                after,
                kind: "photo",
                path: Some(image_path(&photo.image.bytes, photo.image.format)),
                width: photo.width.fraction(),
                caption: photo.caption.trim(),
                header: &[],
                rows: &[],
                columns: 0,
                align: Vec::new(),
            },
            Figure::Table(table) => FigureData {
                after,
                kind: "table",
                path: None,
                width: 1.0,
                caption: table.title.trim(),
                header: &table.header,
                rows: &table.rows,
                columns: table.columns(),
                align: (0..table.columns())
                    .map(|c| table.align_of(c).keyword())
                    .collect(),
            },
        })
        .collect()
}

#[derive(Serialize)]
struct SpanData<'a> {
    text: &'a str,
    bold: bool,
}

#[derive(Serialize)]
struct FooterData<'a> {
    editor: &'a str,
    proofreader: &'a str,
    phone: &'a str,
    fax: &'a str,
    email: &'a str,
    print_count: Option<String>,
}

#[derive(Serialize)]
struct LineData<'a> {
    label: &'static str,
    text: &'a str,
}

/// A role's font list for the template: the issue's family, then the
/// bundled stand-in.
fn font_list(role: FontRole, style: &crate::model::Style) -> [&str; 2] {
    let (wanted, stand_in) = role.families(style);
    [wanted, stand_in]
}

/// The JSON the template reads, for `issue` printed with `options`.
pub fn to_json(issue: &Issue, options: &PrintOptions, fonts: &FontSet) -> Vec<u8> {
    json(&data(issue, options, fonts))
}

/// Serializing plain structs of strings and numbers cannot fail; a
/// non-finite size would, and validation keeps those out. An empty object
/// then lets the template report the problem instead.
fn json(value: &impl Serialize) -> Vec<u8> {
    serde_json::to_vec(value).unwrap_or_else(|_| b"{}".to_vec())
}

/// A yearly volume: its cover and every issue, in order.
#[derive(Serialize)]
struct VolumeData<'a> {
    title: &'a str,
    subtitle: &'a str,
    contents_label: &'static str,
    index_label: &'static str,
    issues: Vec<Data<'a>>,
}

/// The JSON the volume's template reads: the cover's words and each of
/// `issues` as a single issue's data.
pub fn volume_json(issues: &[Issue], title: &str, subtitle: &str, fonts: &FontSet) -> Vec<u8> {
    let options = PrintOptions::default();
    let volume = VolumeData {
        title,
        subtitle,
        contents_label: "目　录",
        index_label: "单位索引",
        issues: issues.iter().map(|i| data(i, &options, fonts)).collect(),
    };
    json(&volume)
}

fn data<'a>(issue: &'a Issue, options: &PrintOptions, fonts: &FontSet) -> Data<'a> {
    let st = &issue.style;
    let m = &issue.masthead;
    let f = &issue.footer;
    let copies = if options.copies.is_empty() {
        vec![m.copy_serial.then(|| serial_text(1))]
    } else {
        options
            .copies
            .iter()
            .map(|&n| Some(serial_text(n)))
            .collect()
    };
    let print_count = options.print_count.or(f.print_count);
    let page_number_fonts = font_list(FontRole::PageNumber, st);
    Data {
        page: PAGE,
        copies,
        prefix: options.prefix,
        style: StyleData {
            accent: st.accent.hex(),
            title_fonts: font_list(FontRole::Title, st),
            body_fonts: font_list(FontRole::Body, st),
            heading_fonts: font_list(FontRole::Heading, st),
            kai_fonts: font_list(FontRole::Kai, st),
            page_number_fonts,
            // A dash sits about a third of an em up in CJK faces.
            dash_top: fonts.ink_top(&page_number_fonts, '—').unwrap_or(0.33),
            page_numbers: match st.page_numbers {
                PageNumbers::Outside => "outside",
                PageNumbers::Centred => "centred",
            },
            title_align: match st.article_title.align {
                TitleAlign::Centred => "centred",
                TitleAlign::Flush => "flush",
            },
            title_in_title_face: st.article_title.title_face,
            article_title_size: st.article_title_size(),
            article_title_lines: st.article_title.grid_lines(),
            // 仿宋_GB2312 has no bold face; thicken its glyphs instead.
            synthetic_bold: fonts.family_has_bold(&st.body_font) == Some(false),
            title_size: st.title_size,
            body_size: st.body_size,
            footer_size: st.footer_size,
            line_pitch: st.line_pitch,
            tracking: PAGE.grid(st.body_size).1,
        },
        masthead: MastheadData {
            classification: m.classification.map(|c| c.label()),
            name: &m.name,
            number: m.number_text(),
            total: m.total_number_text(),
            office: &m.office,
            date: m.date_text(),
        },
        note_label: NOTE_LABEL,
        note: issue.editors_note_text(),
        sections: issue
            .sections
            .iter()
            .map(|section| SectionData {
                heading: section_heading(&section.heading),
                articles: section
                    .articles
                    .iter()
                    .map(|article| {
                        let attribution = attribution_line(&issue.attribution_of(article));
                        ArticleData {
                            id: article.id.0.to_string(),
                            unit: &article.unit,
                            title: article.title.trim(),
                            lead: &article.lead,
                            paragraphs: article
                                .body
                                .iter()
                                .filter(|p| !p.is_blank())
                                .map(|p| {
                                    p.spans
                                        .iter()
                                        .map(|s| SpanData {
                                            text: &s.text,
                                            bold: s.bold,
                                        })
                                        .collect()
                                })
                                .collect(),
                            attribution_closes: attribution_closes_paragraph(&attribution),
                            attribution,
                            figures: figure_data(article),
                        }
                    })
                    .collect(),
            })
            .collect(),
        footer: FooterData {
            editor: &f.editor,
            proofreader: &f.proofreader,
            phone: &f.phone,
            fax: &f.fax,
            email: &f.email,
            print_count: print_count.map(crate::model::print_count_text),
        },
        distribution: issue
            .distribution
            .lines()
            .map(|(label, text)| LineData { label, text })
            .collect(),
    }
}
