//! Word (.docx) for those who must edit further, typeset as the PDF as far
//! as Word's model allows: A4 with the standard margins, the masthead at
//! the PDF's heights (the red 方正小标宋简体 name at the style's size), the
//! 仿宋_GB2312 3号 body at the PDF's exact line pitch (28.9 pt: 22 lines to
//! the page) with a two-character first-line indent, 黑体 heads, 楷体
//! attributions at the right, the red rule, the 报尾 between its rules
//! pinned to the foot of the last page, and page numbers — N — in the page
//! footer.
//!
//! Every run names its East Asian font (`w:eastAsia`) as well as the Latin
//! one, so Word and WPS use the Chinese font for Chinese text.
//!
//! Body text is spaced to the PDF's character grid (28 characters of 3号
//! to the 156 mm measure), and a short attribution closes the last
//! paragraph at the right margin as in the PDF. Photos and tables stand
//! between the paragraphs as the template places them.
//!
//! The PDF fills its lines as Word does (first fit, every mark in its own
//! cell, CJK and Latin text a quarter em apart), so the two break lines and
//! pages alike.
//!
//! Known limits: Word and WPS let a closing mark hang past the margin (their
//! default; the PDF never does), so a line there can hold a character
//! more; LibreOffice, which the tests use, does not, reading the setting
//! inverted. LibreOffice also sets a quarter em around + and other signs
//! between hanzi, which the PDF does not. A short attribution that no
//! longer fits its last line wraps inside itself in Word, where the PDF
//! moves it whole to a line of its own. Offices without the official fonts
//! see Word's substitutes.

use docx_rs::{
    AlignmentType, BorderType, Docx, Footer, LineSpacing, LineSpacingType, PageMargin, PageNum,
    Paragraph, ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, Pic, Run, RunFonts,
    SpecialIndentType, Tab, TabValueType, Table, TableAlignmentType, TableCell, TableCellBorder,
    TableCellBorderPosition, TableCellBorders, TableCellMargins, TableLayoutType,
    TablePositionProperty, TableRow, WidthType,
};

use crate::model::{
    CellAlign, Figure, Issue, PageNumbers, Photo, Style, TitleAlign, print_count_text,
};
use crate::typeset::{
    NOTE_LABEL, PAGE, attribution_closes_paragraph, attribution_line, section_heading, serial_text,
};

/// Points per millimetre.
const MM: f64 = 72.0 / 25.4;

/// A line of the masthead under the name (期号, 总期号, office and date).
const MASTHEAD_LINE: f64 = 29.0;

/// Twips per millimetre (1440 per inch).
fn mm(v: f64) -> i32 {
    (v * 1440.0 / 25.4).round() as i32
}

/// Half-points, Word's unit for font sizes.
fn half_points(pt: f64) -> usize {
    (pt * 2.0).round().max(2.0) as usize
}

/// The width of the type area.
fn text_width() -> usize {
    mm(PAGE.type_width()) as usize
}

/// Fonts of one role: the official East Asian font, with a Latin companion.
fn fonts(east_asia: &str, latin: &str) -> RunFonts {
    RunFonts::new()
        .east_asia(east_asia)
        .ascii(latin)
        .hi_ansi(latin)
        .cs(latin)
        .hint("eastAsia")
}

/// Why a Word file could not be built: a program error either way (the
/// issue's own serde form failed, or packing in memory did), never the
/// user's data.
#[derive(Debug)]
pub enum DocxError {
    Clean(serde_json::Error),
    Pack(zip::result::ZipError),
}

impl std::fmt::Display for DocxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DocxError::Clean(e) => write!(f, "cleaning the text: {e}"),
            DocxError::Pack(e) => write!(f, "packing the file: {e}"),
        }
    }
}

/// The issue with every character XML 1.0 forbids removed (control
/// characters other than tab and line break, U+FFFE, U+FFFF), from every
/// string, font names included: one of them makes `word/document.xml`
/// ill-formed and Word refuses the whole file. Every string is reached by
/// going through the serde form, so a field added later is covered too.
fn xml_safe(issue: &Issue) -> Result<Issue, DocxError> {
    fn clean(value: &mut serde_json::Value) {
        match value {
            serde_json::Value::String(text) if text.chars().any(forbidden) => {
                text.retain(|c| !forbidden(c));
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(clean),
            serde_json::Value::Object(fields) => fields.values_mut().for_each(clean),
            _ => {}
        }
    }
    fn forbidden(c: char) -> bool {
        (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{80}'..='\u{9F}'))
            || matches!(c, '\u{FFFE}' | '\u{FFFF}')
    }
    let mut value = serde_json::to_value(issue).map_err(DocxError::Clean)?;
    clean(&mut value);
    serde_json::from_value(value).map_err(DocxError::Clean)
}

/// The roles of text in a bulletin, each with its font and size.
struct Faces<'a> {
    style: &'a Style,
    /// The body's character spacing in twips: the template's tracking, to
    /// the nearest twip (−6). Word and LibreOffice add it after every
    /// character, typst between the characters of a stretch of one style,
    /// so over a line of 28 to 30 characters the two take about as much:
    /// the lines that just fit, fit in both.
    grid_spacing: i32,
}

impl<'a> Faces<'a> {
    fn new(style: &'a Style) -> Self {
        Faces {
            style,
            grid_spacing: (PAGE.grid(style.body_size).1 * 20.0).round() as i32,
        }
    }

    fn run(&self, text: &str, font: &str, size: f64) -> Run {
        Run::new()
            .add_text(text)
            .fonts(fonts(font, "Times New Roman"))
            .size(half_points(size))
    }
    fn body(&self, text: &str) -> Run {
        self.run(text, &self.style.body_font, self.style.body_size)
    }
    fn hei(&self, text: &str) -> Run {
        self.run(text, &self.style.heading_font, self.style.body_size)
    }
    /// Running text of the body's size in `font`, on the character grid.
    fn flowing(&self, text: &str, font: &str) -> Run {
        self.run(text, font, self.style.body_size)
            .character_spacing(self.grid_spacing)
    }
    fn small(&self, text: &str) -> Run {
        self.run(text, &self.style.body_font, self.style.footer_size)
    }
}

fn exact_pitch(points: f64) -> LineSpacing {
    LineSpacing::new()
        .line_rule(LineSpacingType::Exact)
        .line((points * 20.0).round() as i32)
        .before(0)
        .after(0)
}

/// A body paragraph: justified, two-character first-line indent (in twips:
/// docx-rs does not write Word's character-based `firstLineChars`).
/// An article's own title line, as the template sets it: 黑体 on one
/// line of the grid, or 小标宋 at 22 pt over two; centred or indented as
/// the text's first line; kept with the text.
fn title_paragraph(faces: &Faces, title: &str) -> Paragraph {
    let st = faces.style;
    let font = if st.article_title.title_face {
        &st.title_font
    } else {
        &st.heading_font
    };
    let run = faces.run(title, font, st.article_title_size());
    let lines = f64::from(st.article_title.grid_lines());
    let paragraph = body_paragraph(faces)
        .line_spacing(exact_pitch(st.line_pitch * lines))
        .keep_next(true);
    match st.article_title.align {
        TitleAlign::Centred => paragraph.align(AlignmentType::Center).indent(
            None,
            Some(SpecialIndentType::FirstLine(0)),
            None,
            None,
        ),
        TitleAlign::Flush => paragraph.align(AlignmentType::Left),
    }
    .add_run(run)
}

fn body_paragraph(faces: &Faces) -> Paragraph {
    let style = faces.style;
    // Two characters of the grid, as the template's.
    let indent = 2 * ((style.body_size * 20.0).round() as i32 + faces.grid_spacing);
    Paragraph::new()
        .align(AlignmentType::Both)
        .line_spacing(exact_pitch(style.line_pitch))
        .indent(None, Some(SpecialIndentType::FirstLine(indent)), None, None)
}

/// Where Word and LibreOffice set the baseline in an exact line: this many
/// em above the line's foot, whatever the line's height (LibreOffice 7.4
/// with the bundled fonts). typst sets a line's one-em glyph box in the
/// middle of its leading, so placing text as the PDF does means allowing
/// for the difference.
const EXACT_LINE_BASELINE: f64 = 0.21;

/// Where the page number's line ends above the page's bottom edge, in mm
/// (Word's footer distance): the dashes' ink 7 mm below the type area, as
/// the template sets them (a 宋体 dash's ink reaches 0.26 em above the
/// baseline). The line is exactly one em tall, so it never reaches into
/// the type area and takes a line of text from the page, as a line of the
/// font's own height did.
fn page_number_from_edge(style: &Style) -> f64 {
    const DASH_INK: f64 = 0.26;
    let em = style.footer_size / MM;
    PAGE.bottom - PAGE.footer_descent - (DASH_INK + EXACT_LINE_BASELINE) * em
}

/// The 报尾 between its rules, pinned to the foot of the last page as in
/// the PDF: a one-column table floating at the bottom of the type area
/// (`tblpPr` anchored to the margin, `tblpYSpec="bottom"`), the rules as
/// cell borders (GB/T 9704-2012 7.4: the first and last 0.35 mm, 8 eighths
/// of a point; those between 0.25 mm, 6). The text above flows around it,
/// and Word keeps it on the page of the paragraph after it.
///
/// Its rows measure what the template's do, so that it takes the PDF's
/// height: a line is 1.5 em of the footer size (its 1 em glyphs and 0.5 em
/// leading), with half the leading above the first line and below the last.
/// Credits and contacts share the first row, as in the PDF.
///
/// It is placed from the page's left edge (at the left margin) rather than
/// from the margin: LibreOffice turns a floating table as wide as the text
/// area into an ordinary one, following the text, unless it is placed
/// relative to the page (its `lcl_floatingTableConversion` heuristic).
fn footer_block(doc: Docx, issue: &Issue, faces: &Faces) -> Docx {
    let f = &issue.footer;
    let st = faces.style;
    let (outer, inner) = (8, 6);
    let line = |indent: i32, hanging: i32| {
        Paragraph::new()
            .line_spacing(exact_pitch(st.footer_size * 1.5))
            .indent(
                Some(indent),
                (hanging > 0).then_some(SpecialIndentType::Hanging(hanging)),
                None,
                None,
            )
    };
    let em = (st.footer_size * 20.0).round() as i32;
    let [credits, contacts] = f.lines();
    let mut rows: Vec<Vec<Paragraph>> = Vec::new();
    let people: Vec<Paragraph> = [(credits, "　　"), (contacts, "　")]
        .into_iter()
        .filter(|(parts, _)| !parts.is_empty())
        .map(|(parts, gap)| line(em, 0).add_run(faces.small(&parts.join(gap))))
        .collect();
    if !people.is_empty() {
        rows.push(people);
    }
    let distribution: Vec<(&str, &str)> = issue.distribution.lines().collect();
    for (i, (label, text)) in distribution.iter().enumerate() {
        let mut p = line(3 * em, 2 * em).add_run(faces.small(&format!("{label}：{}", text.trim())));
        if i + 1 == distribution.len()
            && let Some(count) = f.print_count
        {
            p = flush_right(
                p,
                faces.small("\u{3000}"),
                faces.small(&print_count_text(count)),
            );
        }
        rows.push(vec![p]);
    }
    if rows.is_empty() {
        return doc;
    }
    let rule = |position, eighths| {
        TableCellBorder::new(position)
            .border_type(BorderType::Single)
            .size(eighths)
            .color("000000")
    };
    let width = text_width();
    // Half the leading above the first line and below the last, as the
    // template pads them, less what Word sets its baseline lower in an
    // exact line than the PDF does (whose baseline stands 0.25 + 0.12 em
    // above the line's foot).
    let half_leading = st.footer_size * 0.25 * 20.0;
    let lower = (0.25 + 0.12 - EXACT_LINE_BASELINE) * st.footer_size * 20.0;
    let (above, below) = (
        (half_leading - lower).round() as usize,
        (half_leading + lower).round() as usize,
    );
    let count = rows.len();
    let rows = rows
        .into_iter()
        .enumerate()
        .map(|(i, paragraphs)| {
            let mut borders = TableCellBorders::with_empty().set(rule(
                TableCellBorderPosition::Top,
                if i == 0 { outer } else { inner },
            ));
            if i + 1 == count {
                borders = borders.set(rule(TableCellBorderPosition::Bottom, outer));
            }
            let cell = paragraphs
                .into_iter()
                .fold(TableCell::new(), TableCell::add_paragraph);
            TableRow::new(vec![cell.width(width, WidthType::Dxa).set_borders(borders)]).cant_split()
        })
        .collect();
    let table = Table::without_borders(rows)
        .set_grid(vec![width])
        .width(width, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(TableCellMargins::new().margin(above, 0, below, 0))
        .position(
            TablePositionProperty::new()
                .vertical_anchor("margin")
                .horizontal_anchor("page")
                .position_y_alignment("bottom")
                .position_x(mm(PAGE.left))
                .left_from_text(0)
                .right_from_text(0),
        );
    // The anchor: as small as a paragraph can be, so that it never takes
    // a line of its own at a page's foot.
    let anchor = Paragraph::new().line_spacing(exact_pitch(1.0)).size(2);
    doc.add_table(table).add_paragraph(anchor)
}

/// A photo (centred, its caption below in 4号 楷体) or a table (4号, full
/// grid, its title above in 黑体, its header row repeated on each page:
/// see `mend_package`) between the paragraphs, centred.
fn add_figure(doc: Docx, figure: &Figure, faces: &Faces) -> Docx {
    let st = faces.style;
    let centred = || {
        Paragraph::new().align(AlignmentType::Center).indent(
            None,
            Some(SpecialIndentType::FirstLine(0)),
            None,
            None,
        )
    };
    let caption = |text: &str| {
        centred()
            .line_spacing(exact_pitch(st.footer_size * 1.5))
            .add_run(faces.run(text, &st.kai_font, st.footer_size))
    };
    match figure {
        Figure::Photo(photo) => {
            let mut doc = doc;
            if !photo.image.bytes.is_empty() {
                let pic = Run::new().add_image(picture(photo));
                doc = doc.add_paragraph(centred().keep_next(true).add_run(pic));
            }
            if photo.caption.trim().is_empty() {
                doc
            } else {
                doc.add_paragraph(caption(photo.caption.trim()))
            }
        }
        Figure::Table(table) => {
            let mut doc = doc;
            if !table.title.trim().is_empty() {
                doc = doc.add_paragraph(
                    centred()
                        .keep_next(true)
                        .line_spacing(exact_pitch(st.footer_size * 1.5))
                        .add_run(faces.run(table.title.trim(), &st.heading_font, st.footer_size)),
                );
            }
            let columns = table.columns().max(1);
            let width = text_width() / columns;
            let align = |c: usize| match table.align_of(c) {
                CellAlign::Left => AlignmentType::Left,
                CellAlign::Centre => AlignmentType::Center,
                CellAlign::Right => AlignmentType::Right,
            };
            let rows = std::iter::once((&table.header, true))
                .chain(table.rows.iter().map(|r| (r, false)))
                .map(|(row, header)| {
                    let cells = (0..columns)
                        .map(|c| {
                            let text = row.get(c).map_or("", String::as_str);
                            let font = if header {
                                &st.heading_font
                            } else {
                                &st.body_font
                            };
                            TableCell::new().width(width, WidthType::Dxa).add_paragraph(
                                Paragraph::new().align(align(c)).add_run(faces.run(
                                    text,
                                    font,
                                    st.footer_size,
                                )),
                            )
                        })
                        .collect();
                    TableRow::new(cells).cant_split()
                })
                .collect();
            doc.add_table(
                Table::new(rows)
                    .align(TableAlignmentType::Center)
                    .set_grid(vec![width; columns])
                    .width(width * columns, WidthType::Dxa)
                    .layout(TableLayoutType::Fixed),
            )
            .add_paragraph(Paragraph::new().line_spacing(exact_pitch(st.footer_size)))
        }
    }
}

/// A photo as Word's picture at its printed width (EMU: 36,000 a
/// millimetre), its bytes as they are (see `mend_package`).
fn picture(photo: &Photo) -> Pic {
    let (w, h) = (photo.image.width.max(1), photo.image.height.max(1));
    let width_mm = PAGE.type_width() * photo.width.fraction();
    let emu = |mm: f64| (mm * 36_000.0).round() as u32;
    let height_mm = width_mm * f64::from(h) / f64::from(w);
    Pic::new_with_dimensions(photo.image.bytes.as_slice().to_vec(), w, h)
        .size(emu(width_mm), emu(height_mm))
}

fn with_border(
    mut paragraph: Paragraph,
    position: ParagraphBorderPosition,
    eighths: usize,
    color: &str,
) -> Paragraph {
    let border = ParagraphBorder::new(position)
        .val(BorderType::Single)
        .size(eighths)
        .space(1)
        .color(color);
    // docx-rs's own `set_border` starts from a box of four borders.
    let borders = paragraph
        .property
        .borders
        .clone()
        .unwrap_or_else(ParagraphBorders::with_empty)
        .set(border);
    paragraph.property = paragraph.property.set_borders(borders);
    paragraph
}

/// A right tab stop on the right margin.
fn margin_tab() -> Tab {
    Tab::new().val(TabValueType::Right).pos(text_width())
}

/// Ends `paragraph` with `body` against the right margin, as the template's
/// `flush-right` does: after `space` (a full-width space, so that it stands
/// at least a character from the text), a tab to a stop on the margin.
fn flush_right(paragraph: Paragraph, space: Run, body: Run) -> Paragraph {
    paragraph
        .add_tab(margin_tab())
        .add_run(space)
        .add_run(Run::new().add_tab())
        .add_run(body)
}

/// A line of text with a second part flush right (office | date).
fn two_ends(left: Run, right: Run) -> Paragraph {
    Paragraph::new()
        .line_spacing(exact_pitch(28.0))
        .add_tab(margin_tab())
        .add_run(left)
        .add_run(Run::new().add_tab())
        .add_run(right)
}

/// The issue as a .docx file's bytes.
pub fn to_docx(issue: &Issue) -> Result<Vec<u8>, DocxError> {
    let issue = &xml_safe(issue)?;
    let st = &issue.style;
    let faces = Faces::new(st);
    let m = &issue.masthead;
    let red = st.accent.hex().trim_start_matches('#').to_owned();
    let mut doc = Docx::new()
        .page_size(mm(PAGE.width) as u32, mm(PAGE.height) as u32)
        .page_margin(
            PageMargin::new()
                .top(mm(PAGE.top))
                .bottom(mm(PAGE.bottom))
                .left(mm(PAGE.left))
                .right(mm(PAGE.right))
                .footer(mm(page_number_from_edge(st)))
                .header(mm(PAGE.header)),
        )
        .default_fonts(fonts(&st.body_font, "Times New Roman"))
        .default_size(half_points(st.body_size));

    // 报头
    if m.classification.is_some() || m.copy_serial {
        let classification = m.classification.map_or("", |c| c.label());
        let serial = if m.copy_serial {
            serial_text(1)
        } else {
            String::new()
        };
        doc = doc.add_paragraph(two_ends(faces.hei(classification), faces.hei(&serial)));
    }
    // The masthead takes the PDF's heights (the template's 报头), so that
    // the text starts as far down page 1 and the pages break alike.
    let twips = |pt: f64| (pt * 20.0).round() as u32;
    doc = doc.add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .line_spacing(
                exact_pitch(st.title_size * 1.3)
                    .before(twips(4.0 * MM))
                    .after(twips(6.0 * MM)),
            )
            .add_run(
                Run::new()
                    .add_text(m.name.trim())
                    .fonts(fonts(&st.title_font, "Times New Roman"))
                    .size(half_points(st.title_size))
                    .bold()
                    .color(&red),
            ),
    );
    let centred = |text: &str| {
        Paragraph::new()
            .align(AlignmentType::Center)
            .line_spacing(exact_pitch(MASTHEAD_LINE))
            .add_run(faces.body(text))
    };
    doc = doc.add_paragraph(centred(&m.number_text()));
    if let Some(total) = m.total_number_text() {
        doc = doc.add_paragraph(centred(&total));
    }
    let issuer = two_ends(faces.body(m.office.trim()), faces.body(&m.date_text()))
        // The rule, 2 mm, then the paragraph spacing before the text.
        .line_spacing(
            exact_pitch(MASTHEAD_LINE)
                .before(twips(3.0 * MM))
                .after(twips(2.0 * MM + st.line_pitch - st.body_size)),
        );
    doc = doc.add_paragraph(with_border(
        issuer,
        ParagraphBorderPosition::Bottom,
        18,
        &red,
    ));

    // 报核
    if let Some(note) = issue.editors_note_text() {
        doc = doc.add_paragraph(
            body_paragraph(&faces)
                .add_run(faces.flowing(NOTE_LABEL, &st.heading_font))
                .add_run(faces.flowing(note, &st.kai_font)),
        );
    }
    for section in &issue.sections {
        if !section.heading.trim().is_empty() {
            let heading = section_heading(&section.heading);
            doc = doc.add_paragraph(
                Paragraph::new()
                    .line_spacing(exact_pitch(st.line_pitch))
                    .keep_next(true)
                    .add_run(faces.flowing(&heading, &st.heading_font)),
            );
        }
        for article in &section.articles {
            if !article.title.trim().is_empty() {
                doc = doc.add_paragraph(title_paragraph(&faces, article.title.trim()));
            }
            let paragraphs: Vec<_> = article.body.iter().filter(|p| !p.is_blank()).collect();
            // Each figure before the printed paragraph it follows, as the
            // template places it; those after the last come before the
            // attribution, which then takes its own line.
            let figures: Vec<(usize, &Figure)> = article.printed_figures().collect();
            let trailing: Vec<&Figure> = figures
                .iter()
                .filter(|(k, _)| *k >= paragraphs.len())
                .map(|(_, f)| *f)
                .collect();
            let attribution = attribution_line(&issue.attribution_of(article));
            let closes = attribution_closes_paragraph(&attribution) && trailing.is_empty();
            let count = paragraphs.len().max(1);
            for i in 0..count {
                for (_, figure) in figures
                    .iter()
                    .filter(|(k, _)| *k == i && i < paragraphs.len())
                {
                    doc = add_figure(doc, figure, &faces);
                }
                let mut paragraph = body_paragraph(&faces);
                if i == 0 && !article.lead.is_empty() {
                    paragraph = paragraph.add_run(faces.flowing(&article.lead, &st.heading_font));
                }
                if let Some(p) = paragraphs.get(i) {
                    for span in &p.spans {
                        let run = faces.flowing(&span.text, &st.body_font);
                        paragraph = paragraph.add_run(if span.bold { run.bold() } else { run });
                    }
                }
                // A short attribution closes the last paragraph at the right
                // margin, as in the PDF.
                if i + 1 == count && closes {
                    paragraph = flush_right(
                        paragraph,
                        faces.flowing("\u{3000}", &st.body_font),
                        faces.flowing(&attribution, &st.kai_font),
                    );
                }
                doc = doc.add_paragraph(paragraph);
            }
            for figure in trailing {
                doc = add_figure(doc, figure, &faces);
            }
            if !attribution.is_empty() && !closes {
                doc = doc.add_paragraph(
                    Paragraph::new()
                        .align(AlignmentType::Right)
                        .line_spacing(exact_pitch(st.line_pitch))
                        .add_run(faces.flowing(&attribution, &st.kai_font)),
                );
            }
        }
    }

    doc = footer_block(doc, issue, &faces);

    // — N — in 4号 宋体 (GB/T 9704-2012 7.5): at the right of odd pages
    // and the left of even ones, one character in from the edge; or
    // centred. The number itself is a field, set in the paragraph's face.
    let page_number = |align: AlignmentType, left: i32, right: i32| {
        let st = faces.style;
        let run = |text: &str| faces.run(text, &st.page_number_font, st.footer_size);
        Footer::new().add_paragraph(
            Paragraph::new()
                .align(align)
                .line_spacing(exact_pitch(st.footer_size))
                .indent(Some(left), None, Some(right), None)
                .fonts(fonts(&st.page_number_font, "Times New Roman"))
                .size(half_points(st.footer_size))
                .add_run(run("— "))
                .add_page_num(PageNum::new())
                .add_run(run(" —")),
        )
    };
    let one_character = (faces.style.footer_size * 20.0).round() as i32;
    doc = match faces.style.page_numbers {
        PageNumbers::Centred => doc.footer(page_number(AlignmentType::Center, 0, 0)),
        PageNumbers::Outside => doc
            .footer(page_number(AlignmentType::Right, 0, one_character))
            .even_footer(page_number(AlignmentType::Left, one_character, 0)),
    };

    let mut bytes = std::io::Cursor::new(Vec::new());
    doc.build().pack(&mut bytes).map_err(DocxError::Pack)?;
    let tables = issue
        .articles()
        .flat_map(|(_, _, a)| &a.figures)
        .any(|f| matches!(f.figure, Figure::Table(_)));
    mend_package(bytes.into_inner(), tables).map_err(DocxError::Pack)
}

/// What docx-rs cannot write, mended in its package:
/// - each JPEG picture named as one. docx-rs names every picture
///   `media/….png`; a photo is handed to it as the JPEG it is (a PNG of it
///   is four times the size), so its part is renamed `.jpeg` and its
///   relationship follows (the package already declares JPEG's type);
/// - a figure table's first row marked as its header (`w:tblHeader`), so
///   that Word repeats it on every page the table runs onto, as the PDF
///   does. The 报尾's table (the only one placed with `w:tblpPr`) is left;
/// - `w:overflowPunct` written out in the paragraphs' defaults, on, as
///   Word and WPS have it by default (a comma or full stop may hang past
///   the margin). LibreOffice reads the setting inverted (its writerfilter
///   sets hanging for `w:val="0"`), so to it this says: no hanging, as in
///   the PDF. Left out, LibreOffice hangs punctuation, and with substitute
///   fonts it did not even draw a hanging full stop.
fn mend_package(package: Vec<u8>, tables: bool) -> Result<Vec<u8>, zip::result::ZipError> {
    use std::io::{Read, Write};
    const RELS: &str = "word/_rels/document.xml.rels";
    const DOCUMENT: &str = "word/document.xml";
    const STYLES: &str = "word/styles.xml";
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&package))?;
    let mut renamed = Vec::new();
    for i in 0..archive.len() {
        let mut part = archive.by_index(i)?;
        let name = part.name().to_owned();
        let mut head = [0u8; 3];
        if name.starts_with("word/media/")
            && name.ends_with(".png")
            && part.read_exact(&mut head).is_ok()
            && head == [0xFF, 0xD8, 0xFF]
        {
            let jpeg = format!("{}.jpeg", name.trim_end_matches(".png"));
            renamed.push((name, jpeg));
        }
    }
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let name = archive.by_index_raw(i)?.name().to_owned();
        if let Some((_, jpeg)) = renamed.iter().find(|(png, _)| *png == name) {
            out.raw_copy_file_rename(archive.by_index_raw(i)?, jpeg)?;
        } else if name == RELS || (name == DOCUMENT && tables) || name == STYLES {
            let mut xml = String::new();
            archive.by_index(i)?.read_to_string(&mut xml)?;
            if name == STYLES {
                xml = xml.replacen(
                    "<w:pPrDefault><w:pPr>",
                    "<w:pPrDefault><w:pPr><w:overflowPunct w:val=\"1\" />",
                    1,
                );
            } else if name == RELS {
                for (png, jpeg) in &renamed {
                    let target =
                        |part: &str| format!("Target=\"{}\"", part.trim_start_matches("word/"));
                    xml = xml.replace(&target(png), &target(jpeg));
                }
            } else {
                xml = with_header_rows(&xml);
            }
            out.start_file(name, zip::write::SimpleFileOptions::default())?;
            out.write_all(xml.as_bytes())?;
        } else {
            out.raw_copy_file(archive.by_index_raw(i)?)?;
        }
    }
    Ok(out.finish()?.into_inner())
}

/// `document.xml` with the first row of every table not placed by
/// `w:tblpPr` (a figure's, not the 报尾's) marked as a header row.
fn with_header_rows(xml: &str) -> String {
    const TABLE: &str = "<w:tbl>";
    const FIRST_ROW: &str = "<w:trPr><w:cantSplit /></w:trPr>";
    let mut out = String::with_capacity(xml.len() + 256);
    let mut rest = xml;
    while let Some(at) = rest.find(TABLE) {
        let (before, table) = rest.split_at(at);
        out.push_str(before);
        let properties = table.find("</w:tblPr>").map_or("", |end| &table[..end]);
        match table.find(FIRST_ROW) {
            Some(row) if !properties.contains("<w:tblpPr") => {
                out.push_str(&table[..row]);
                out.push_str("<w:trPr><w:cantSplit /><w:tblHeader /></w:trPr>");
                rest = &table[row + FIRST_ROW.len()..];
            }
            _ => {
                out.push_str(TABLE);
                rest = &table[TABLE.len()..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The main document part of a .docx.
    fn document_xml(bytes: &[u8]) -> String {
        part(bytes, "word/document.xml").expect("word/document.xml")
    }

    /// A part of the package as text, if it is there.
    fn part(bytes: &[u8], name: &str) -> Option<String> {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
        let mut text = String::new();
        std::io::Read::read_to_string(&mut archive.by_name(name).ok()?, &mut text).ok()?;
        Some(text)
    }

    /// The footer parts' XML.
    fn footers(bytes: &[u8]) -> Vec<String> {
        let archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
        let names: Vec<String> = archive
            .file_names()
            .filter(|n| n.starts_with("word/footer"))
            .map(str::to_owned)
            .collect();
        names.iter().filter_map(|n| part(bytes, n)).collect()
    }

    #[test]
    fn page_numbers_follow_the_style_in_word_too() {
        let mut issue = crate::sample::issue();
        issue.style.page_numbers = PageNumbers::Outside;
        let bytes = to_docx(&issue).expect("builds");
        let settings = part(&bytes, "word/settings.xml").expect("settings");
        assert!(
            settings.contains("evenAndOddHeaders"),
            "odd and even footers differ"
        );
        let parts = footers(&bytes);
        assert_eq!(parts.len(), 2);
        let aligned = |val: &str| {
            parts
                .iter()
                .any(|f| f.contains(&format!("<w:jc w:val=\"{val}\"")))
        };
        assert!(aligned("right") && aligned("left"), "{parts:?}");
        // One character (4号, 14 pt = 280 twips) in from the edge.
        assert!(parts.iter().all(|f| f.contains("280")), "{parts:?}");
        assert!(
            parts
                .iter()
                .all(|f| f.contains("宋体") && f.contains("PAGE"))
        );

        issue.style.page_numbers = PageNumbers::Centred;
        let bytes = to_docx(&issue).expect("builds");
        let parts = footers(&bytes);
        assert_eq!(parts.len(), 1);
        assert!(parts[0].contains("<w:jc w:val=\"center\""));
        let settings = part(&bytes, "word/settings.xml").expect("settings");
        assert!(!settings.contains("evenAndOddHeaders"));
    }

    #[test]
    fn the_footer_rules_are_thick_outside_thin_between() {
        let xml = document_xml(&to_docx(&crate::sample::issue()).expect("builds"));
        let sizes: Vec<&str> = xml
            .match_indices("<w:top ")
            .chain(xml.match_indices("<w:bottom "))
            .filter_map(|(at, _)| {
                let tag = &xml[at..at + xml[at..].find("/>")?];
                let size = &tag[tag.find("w:sz=\"")? + 6..];
                (tag.contains("000000")).then(|| &size[..size.find('"').unwrap_or(0)])
            })
            .collect();
        // Above credits, 报, 送, 发; below 发.
        assert_eq!(sizes, ["8", "6", "6", "6", "8"], "{sizes:?}");
    }

    /// The 报尾 is a table floating at the foot of the type area, placed
    /// from the page's edge at the left margin, as wide as the text, and
    /// followed by the paragraph Word anchors it to.
    #[test]
    fn the_footer_floats_at_the_foot_of_the_page() {
        let xml = document_xml(&to_docx(&crate::sample::issue()).expect("builds"));
        let table = &xml[xml.find("<w:tbl>").expect("the 报尾's table")..];
        let position = &table[table.find("<w:tblpPr ").expect("floating")..];
        let position = &position[..position.find("/>").unwrap_or(0)];
        for attribute in [
            "w:vertAnchor=\"margin\"",
            "w:tblpYSpec=\"bottom\"",
            "w:horzAnchor=\"page\"",
            &format!("w:tblpX=\"{}\"", mm(PAGE.left)),
        ] {
            assert!(position.contains(attribute), "{attribute} in {position}");
        }
        assert!(table.contains(&format!("<w:tblW w:w=\"{}\"", text_width())));
        let rows = table[..table.find("</w:tbl>").unwrap_or(0)]
            .matches("<w:tr>")
            .count();
        assert_eq!(rows, 4, "credits and contacts share a row; 报, 送, 发");
        assert!(
            table.contains("</w:tbl><w:p "),
            "the anchor paragraph follows"
        );
    }

    /// Whether punctuation may hang is written out (LibreOffice reads the
    /// written "on" as "off", as in the PDF), with or without figures to
    /// mend.
    #[test]
    fn whether_punctuation_hangs_is_written_out() {
        for issue in [crate::sample::issue(), crate::sample::with_figures()] {
            let bytes = to_docx(&issue).expect("builds");
            let styles = part(&bytes, "word/styles.xml").expect("styles");
            let defaults = &styles[styles.find("<w:pPrDefault>").expect("defaults")..];
            let defaults = &defaults[..defaults.find("</w:pPrDefault>").unwrap_or(0)];
            assert!(
                defaults.contains("<w:overflowPunct w:val=\"1\" />"),
                "{defaults}"
            );
        }
    }

    /// The page number's line is exactly one em (4号, 280 twips) and ends
    /// below the type area by more than its height, so it takes no line
    /// from the page; its footer distance puts the dashes' ink 7 mm below.
    #[test]
    fn the_page_number_keeps_out_of_the_type_area() {
        let bytes = to_docx(&crate::sample::issue()).expect("builds");
        for footer in footers(&bytes) {
            assert!(
                footer.contains("w:line=\"280\" w:lineRule=\"exact\""),
                "{footer}"
            );
        }
        let xml = document_xml(&bytes);
        let distance = mm(page_number_from_edge(&crate::sample::issue().style));
        assert!(
            xml.contains(&format!("w:footer=\"{distance}\"")),
            "{distance}"
        );
        // The line's top, from the page's foot, is below the type area's.
        assert!(distance + 280 < mm(PAGE.bottom));
        assert!(distance > mm(PAGE.bottom - PAGE.footer_descent) - 280);
    }

    #[test]
    fn control_characters_never_reach_the_xml() {
        // One U+0001 used to make word/document.xml ill-formed: Word
        // refused the file.
        let mut issue = crate::sample::issue();
        issue.sections[0].articles[0].lead.insert(6, '\u{1}');
        issue.footer.phone.push('\u{0}');
        issue.distribution.report_to.push('\u{B}');
        issue.style.body_font.push('\u{1F}');
        issue.masthead.name.push('\u{FFFF}');
        let xml = document_xml(&to_docx(&issue).expect("builds"));
        let bad: Vec<char> = xml
            .chars()
            .filter(|&c| (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{FFFF}')
            .collect();
        assert!(bad.is_empty(), "{bad:?}");
        assert!(xml.contains("东城区"), "the text itself stays");
    }

    #[test]
    fn runs_declare_their_east_asian_fonts() {
        let bytes = to_docx(&crate::sample::issue()).expect("builds");
        let xml = document_xml(&bytes);
        for font in ["仿宋_GB2312", "方正小标宋简体", "黑体", "楷体_GB2312"] {
            assert!(
                xml.contains(&format!("w:eastAsia=\"{font}\"")),
                "no East Asian {font}"
            );
        }
        assert!(xml.contains("w:hint=\"eastAsia\""));
        assert!(xml.contains("东城区坚持“四全”"));
        assert!(xml.contains("（东城区文明办）"));
        let pitch = format!("w:line=\"{}\"", (28.9f64 * 20.0).round());
        assert!(
            xml.contains("w:lineRule=\"exact\"") && xml.contains(&pitch),
            "the PDF's pitch"
        );
        assert!(xml.contains("w:color=\"E60012\""), "the red name and rule");
    }

    #[test]
    fn the_page_is_a4_with_the_standard_margins() {
        let bytes = to_docx(&crate::sample::issue()).expect("builds");
        let xml = document_xml(&bytes);
        assert!(
            xml.contains("w:w=\"11906\"") && xml.contains("w:h=\"16838\""),
            "A4"
        );
        assert!(
            xml.contains("w:top=\"2098\"") && xml.contains("w:left=\"1587\""),
            "37 mm / 28 mm"
        );
    }

    /// The body's runs are spaced to the PDF's grid: 28 characters of 3号
    /// to the 156 mm measure (the template's −0.3 pt tracking, −6 twips
    /// after each character in Word), the first-line indent two of those
    /// characters.
    #[test]
    fn the_body_is_spaced_to_the_pdfs_grid() {
        let (per_line, tracking) = PAGE.grid(16.0);
        assert_eq!(per_line, 28);
        let measure = PAGE.measure();
        // The template's lines: 28 fit with eight changes of style, 29 never.
        let typst = |n: f64, changes: f64| n * 16.0 + (n - 1.0 - changes) * tracking;
        assert!(typst(28.0, 8.0) <= measure + 1e-9, "{tracking}");
        assert!(typst(29.0, 0.0) > measure, "{tracking}");
        let xml = document_xml(&to_docx(&crate::sample::issue()).expect("builds"));
        assert!(xml.contains("<w:spacing w:val=\"-6\" />"), "grid spacing");
        assert!(xml.contains("w:firstLine=\"628\""), "two grid characters");
        // Word's lines: 28 fit, 29 never.
        let word = |n: f64| n * (16.0 - 6.0 / 20.0);
        assert!(word(28.0) <= measure && word(29.0) > measure);
    }

    /// A short attribution closes its article's last paragraph at a right
    /// tab stop on the margin, as the PDF sets it; a long one is a
    /// right-aligned paragraph of its own.
    #[test]
    fn a_short_attribution_closes_the_last_paragraph() {
        let mut issue = crate::sample::issue();
        issue.sections[0].articles[1].attribution =
            Some("房山区精神文明建设委员会办公室宣传教育科".into());
        let xml = document_xml(&to_docx(&issue).expect("builds"));
        let paragraph_of = |text: &str| {
            let at = xml.find(text).expect(text);
            let start = xml[..at]
                .rfind("<w:p>")
                .or_else(|| xml[..at].rfind("<w:p "))
                .unwrap_or(0);
            xml[start..at].to_owned()
        };
        let closing = paragraph_of("（东城区文明办）");
        assert!(
            closing.contains("有效提升文明"),
            "shares the last paragraph"
        );
        assert!(
            closing.contains("<w:tab w:val=\"right\""),
            "at a right tab stop"
        );
        let own = paragraph_of("（房山区精神文明建设委员会办公室宣传教育科）");
        assert!(!own.contains("<w:tab "), "a line of its own");
        assert!(own.contains("<w:jc w:val=\"right\" />"), "at the right");
    }
}
