//! Bringing in what districts send: a whole bulletin as text, or one article
//! as pasted text or a Word file. Text copied out of PDFs and messages is
//! cleaned of line breaks, page breaks and stray spaces; wording is kept as
//! written for the proofreader.

mod article;
mod bulletin;
mod clean;
pub mod photo;

pub use bulletin::{read as bulletin_from_text, settle_attributions};

use crate::model::{Article, Figure, Issue, Paragraph, Photo, PhotoWidth, Placed, Span, Table};

/// Text from a file: UTF-8 (with or without a byte-order mark), else GBK /
/// GB 18030 as Chinese Windows writes it, else UTF-16 with a mark.
pub fn decode_text(bytes: &[u8]) -> String {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.to_owned();
    }
    if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(bytes) {
        return encoding.decode(bytes).0.into_owned();
    }
    encoding_rs::GB18030.decode(bytes).0.into_owned()
}

/// Why text or a file could not be imported.
#[derive(Debug)]
pub enum ImportError {
    /// No masthead and no article: this is not a bulletin.
    NotABulletin,
    /// Nothing to make an article of.
    Empty,
    /// The Word file could not be read.
    Docx(String),
    /// The Word file unpacks to more than [`MAX_DOCX_UNPACKED`] bytes (a
    /// zip bomb, or no article); refused before it is unpacked.
    DocxTooLarge { limit: u64 },
}

/// The most a Word file to import may unpack to: an article with photos is
/// a few megabytes; a zip bomb is gigabytes.
pub const MAX_DOCX_UNPACKED: u64 = 64 * 1024 * 1024;

/// Checks what a Word file unpacks to, entry by entry, reading each
/// through a cap (the sizes a zip declares can lie).
fn check_unpacked_size(bytes: &[u8]) -> Result<(), ImportError> {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| ImportError::Docx(e.to_string()))?;
    let mut left = MAX_DOCX_UNPACKED;
    for i in 0..archive.len() {
        let entry = archive
            .by_index(i)
            .map_err(|e| ImportError::Docx(e.to_string()))?;
        let read = std::io::copy(&mut entry.take(left + 1), &mut std::io::sink())
            .map_err(|e| ImportError::Docx(e.to_string()))?;
        if read > left {
            return Err(ImportError::DocxTooLarge {
                limit: MAX_DOCX_UNPACKED,
            });
        }
        left -= read;
    }
    Ok(())
}

/// Technical; the user's wording is chosen above (`i18n::Wording`).
impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "import failed: {self:?}")
    }
}

impl std::error::Error for ImportError {}

/// One article from pasted text: broken lines joined, the lead sentence
/// split off, run-in heads made bold, and the unit taken from a closing
/// attribution such as （东城区文明办）. A new paragraph starts at an indented
/// line, or after a blank line that follows the end of a sentence (a blank
/// line mid-sentence is a page break in text copied from a PDF). The
/// article gets a fresh id from `issue`.
pub fn article_from_text(text: &str, issue: &Issue) -> Result<Article, ImportError> {
    let text = clean::normalize(text);
    let mut paragraphs: Vec<String> = Vec::new();
    let mut lines: Vec<&str> = Vec::new();
    for raw in text.lines().filter(|l| !clean::is_page_number(l)) {
        let blank = raw.trim().is_empty();
        let sentence_ended = lines
            .last()
            .is_some_and(|l| l.trim_end().ends_with(|c: char| "。！？”…）)".contains(c)));
        if ((blank && sentence_ended) || clean::is_indented(raw)) && !lines.is_empty() {
            paragraphs.push(clean::join_lines(lines.drain(..)));
        }
        if !blank {
            lines.push(raw);
        }
    }
    if !lines.is_empty() {
        paragraphs.push(clean::join_lines(lines));
    }
    finish(
        paragraphs
            .into_iter()
            .map(|p| vec![Span::plain(p)])
            .collect(),
        issue,
    )
}

/// One article from a file's bytes: a Word file when `path` ends in
/// .docx, else text (UTF-8, GBK or UTF-16).
pub fn article_from_file(
    path: &std::path::Path,
    bytes: &[u8],
    issue: &Issue,
) -> Result<Article, ImportError> {
    let is_docx = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("docx"));
    if is_docx {
        article_from_docx(bytes, issue)
    } else {
        article_from_text(&decode_text(bytes), issue)
    }
}

/// One article from a Word file: each Word paragraph a paragraph, bold
/// runs kept bold; its photos (with the caption paragraph after one, when
/// it reads as a caption) and its tables (the first row the header) where
/// they stand among the paragraphs. A photo that cannot be read is left
/// out; the text is what matters most.
pub fn article_from_docx(bytes: &[u8], issue: &Issue) -> Result<Article, ImportError> {
    use docx_rs::{DocumentChild, DrawingData, ParagraphChild, RunChild};
    check_unpacked_size(bytes)?;
    // docx-rs panics on some malformed files: a panic is a refusal here.
    // Without previews it keeps every image's own bytes (with them, and
    // without its image feature, it drops all but PNGs).
    let options = docx_rs::ReadDocxOptions::default().with_image_previews(false);
    let read = std::panic::catch_unwind(|| docx_rs::read_docx_with_options(bytes, options));
    let docx = match read {
        Ok(Ok(docx)) => docx,
        Ok(Err(e)) => return Err(ImportError::Docx(e.to_string())),
        Err(_) => return Err(ImportError::Docx("malformed Word file".into())),
    };
    let bold_on = docx_rs::Bold::new();
    let mut paragraphs: Vec<Vec<Span>> = Vec::new();
    // Each figure with the number of Word paragraphs before it.
    let mut figures: Vec<(usize, Figure)> = Vec::new();
    let mut caption_wanted = false;
    for child in &docx.document.children {
        let paragraph = match child {
            DocumentChild::Paragraph(paragraph) => paragraph,
            DocumentChild::Table(table) => {
                figures.push((paragraphs.len(), Figure::Table(table_from_docx(table))));
                caption_wanted = false;
                continue;
            }
            _ => continue,
        };
        let mut spans: Vec<Span> = Vec::new();
        let mut photos = Vec::new();
        for child in &paragraph.children {
            let ParagraphChild::Run(run) = child else {
                continue;
            };
            let bold = run.run_property.bold.as_ref() == Some(&bold_on);
            let mut text = String::new();
            for c in &run.children {
                match c {
                    RunChild::Text(t) => text.push_str(&t.text),
                    RunChild::Tab(_) => text.push(' '),
                    RunChild::Drawing(drawing) => {
                        if let Some(DrawingData::Pic(pic)) = &drawing.data
                            && let Some((_, _, image, _)) =
                                docx.images.iter().find(|(id, ..)| *id == pic.id)
                            && let Ok(image) = photo::prepare(&image.0)
                        {
                            photos.push(image);
                        }
                    }
                    _ => {}
                }
            }
            spans.push(Span { text, bold });
        }
        let text: String = spans.iter().map(|s| s.text.as_str()).collect();
        if caption_wanted && photos.is_empty() && article::looks_like_caption(&text) {
            if let Some((_, Figure::Photo(photo))) = figures.last_mut() {
                photo.caption = text.trim().trim_matches('\u{3000}').to_owned();
            }
            caption_wanted = false;
            continue;
        }
        caption_wanted = !photos.is_empty();
        for image in photos {
            figures.push((
                paragraphs.len(),
                Figure::Photo(Photo {
                    image,
                    caption: String::new(),
                    width: PhotoWidth::Full,
                }),
            ));
        }
        paragraphs.push(spans);
    }
    let counted = figures
        .iter()
        .map(|(before, _)| {
            paragraphs[..*before]
                .iter()
                .filter(|p| p.iter().any(|s| !s.text.trim().is_empty()))
                .count()
        })
        .collect::<Vec<_>>();
    let mut result = finish(paragraphs, issue)?;
    // A title taken off the top is one paragraph fewer before each figure.
    let taken = usize::from(!result.title.is_empty());
    result.figures = figures
        .into_iter()
        .zip(counted)
        .map(|((_, figure), before)| Placed {
            after: before.saturating_sub(taken).min(result.body.len()),
            figure,
        })
        .collect();
    Ok(result)
}

/// A Word table's text, row by row, the first row the header; each cell's
/// paragraphs joined.
fn table_from_docx(table: &docx_rs::Table) -> Table {
    use docx_rs::{ParagraphChild, RunChild, TableCellContent, TableChild, TableRowChild};
    let rows: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|TableChild::TableRow(row)| {
            row.cells
                .iter()
                .map(|TableRowChild::TableCell(cell)| {
                    let mut text = String::new();
                    for content in &cell.children {
                        let TableCellContent::Paragraph(p) = content else {
                            continue;
                        };
                        for child in &p.children {
                            if let ParagraphChild::Run(run) = child {
                                for c in &run.children {
                                    if let RunChild::Text(t) = c {
                                        text.push_str(&t.text);
                                    }
                                }
                            }
                        }
                    }
                    clean::tidy_spaces(text.trim())
                })
                .collect()
        })
        .collect();
    let mut rows = rows.into_iter();
    let mut table = Table {
        header: rows.next().unwrap_or_default(),
        rows: rows.collect(),
        ..Table::default()
    };
    table.square();
    table
}

/// Paragraphs (as spans) to an article: attribution off the end, lead off
/// the front, run-ins found where the source had no bold.
fn finish(mut paragraphs: Vec<Vec<Span>>, issue: &Issue) -> Result<Article, ImportError> {
    for spans in &mut paragraphs {
        for span in spans.iter_mut() {
            span.text = clean::tidy_spaces(span.text.trim_matches(|c: char| c == '\u{3000}'));
        }
        let first = spans.first_mut();
        if let Some(first) = first {
            first.text = first.text.trim_start().to_owned();
        }
    }
    paragraphs.retain(|spans| spans.iter().any(|s| !s.text.trim().is_empty()));
    if paragraphs.is_empty() {
        return Err(ImportError::Empty);
    }

    // The attribution: the end of the last paragraph.
    let mut attribution = None;
    if let Some(last) = paragraphs.last_mut() {
        let text: String = last.iter().map(|s| s.text.as_str()).collect();
        if let Some((before, words)) = article::split_attribution(&text) {
            attribution = Some(words);
            let mut paragraph = Paragraph {
                spans: last.clone(),
            };
            let keep = before.chars().count();
            paragraph.replace_chars(keep..text.chars().count(), "");
            *last = paragraph.spans;
        }
    }
    paragraphs.retain(|spans| spans.iter().any(|s| !s.text.trim().is_empty()));

    let plain_text = |spans: &[Span]| -> String { spans.iter().map(|s| s.text.as_str()).collect() };
    // A district's file often opens with the article's title on a line
    // of its own.
    let title = match paragraphs.first() {
        Some(first) if paragraphs.len() > 1 && article::looks_like_title(&plain_text(first)) => {
            Some(plain_text(&paragraphs.remove(0)).trim().to_owned())
        }
        _ => None,
    };
    let had_bold = paragraphs.iter().flatten().any(|s| s.bold);
    let plain: Vec<String> = paragraphs.iter().map(|p| plain_text(p)).collect();
    let parts = article::ArticleParts {
        title,
        paragraphs: plain,
        attribution,
    };
    let mut result =
        article::article_from_paragraphs(issue.fresh_article_id(), parts, &issue.series);
    if had_bold {
        // The author's own bold wins over guessing: rebuild the body from
        // the spans, the lead taken off the first paragraph.
        let lead_chars = result.lead.chars().count();
        let mut body: Vec<Paragraph> = paragraphs
            .into_iter()
            .map(|spans| Paragraph { spans }.normalized())
            .collect();
        if let Some(first) = body.first_mut() {
            first.replace_chars(0..lead_chars, "");
        }
        body.retain(|p| !p.is_blank());
        result.body = body;
    }
    if result.attribution.as_deref() == Some(&issue.default_attribution(&result.unit)) {
        result.attribution = None;
    }
    Ok(result)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pasted_article_is_cleaned_and_attributed() {
        let issue = crate::sample::issue();
        let pasted = "\u{FEFF}海淀区推进“文明实践”，打造志愿服务品牌。坚持全域推进。组织志愿者在 12 个\r\n\r\n街道开展服务，覆盖全区。坚持全民参与。推动 30 个社区建立志愿队伍。\r\n（海淀区文明办）\r\n";
        let article = article_from_text(pasted, &issue).expect("imports");
        assert_eq!(article.unit, "海淀区");
        assert_eq!(article.attribution, None, "海淀区 + 文明办 is the default");
        assert_eq!(article.lead, "海淀区推进“文明实践”，打造志愿服务品牌。");
        assert_eq!(article.body.len(), 1);
        assert_eq!(
            article.body[0].text(),
            "坚持全域推进。组织志愿者在12个街道开展服务，覆盖全区。坚持全民参与。推动30个社区建立志愿队伍。"
        );
        let bold: Vec<&str> = article.body[0]
            .spans
            .iter()
            .filter(|s| s.bold)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(bold, ["坚持全域推进。", "坚持全民参与。"]);
    }

    #[test]
    fn a_zip_bomb_is_refused_before_it_is_unpacked() {
        use std::io::Write;
        let mut bytes = std::io::Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut bytes);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("word/document.xml", options).expect("entry");
        let zeros = vec![0u8; 1 << 20];
        for _ in 0..(MAX_DOCX_UNPACKED >> 20) + 8 {
            zip.write_all(&zeros).expect("write");
        }
        zip.finish().expect("finish");
        let bomb = bytes.into_inner();
        assert!(bomb.len() < 1 << 20, "{} bytes packed", bomb.len());
        let issue = crate::sample::issue();
        assert!(matches!(
            article_from_docx(&bomb, &issue),
            Err(ImportError::DocxTooLarge { .. })
        ));
    }

    #[test]
    fn a_word_article_keeps_its_bold() {
        use docx_rs::{Docx, Paragraph as P, Run};
        let mut bytes = std::io::Cursor::new(Vec::new());
        Docx::new()
            .add_paragraph(
                P::new()
                    .add_run(Run::new().add_text("东城区坚持“四全”，深化全国文明城区创建工作。"))
                    .add_run(Run::new().add_text("坚持全时创建。").bold())
                    .add_run(Run::new().add_text("研究制定实施意见。")),
            )
            .add_paragraph(
                P::new()
                    .add_run(Run::new().add_text("坚持全域创建。").bold())
                    .add_run(Run::new().add_text("发挥作用。")),
            )
            .add_paragraph(P::new().add_run(Run::new().add_text("（东城区委宣传部）")))
            .build()
            .pack(&mut bytes)
            .expect("packs");
        let issue = crate::sample::issue();
        let article = article_from_docx(bytes.get_ref(), &issue).expect("imports");
        assert_eq!(article.unit, "东城区");
        assert_eq!(
            article.attribution.as_deref(),
            Some("东城区委宣传部"),
            "not the default: kept"
        );
        assert_eq!(article.lead, "东城区坚持“四全”，深化全国文明城区创建工作。");
        assert_eq!(article.body.len(), 2);
        assert_eq!(
            article.body[0].spans,
            vec![
                Span::bold("坚持全时创建。"),
                Span::plain("研究制定实施意见。")
            ]
        );
        assert_eq!(article.body[1].spans[0], Span::bold("坚持全域创建。"));
        assert!(matches!(
            article_from_docx(b"not a zip", &issue),
            Err(ImportError::Docx(_))
        ));
        assert!(matches!(
            article_from_text("  \n\n", &issue),
            Err(ImportError::Empty)
        ));
    }
}
