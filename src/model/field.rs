//! Addresses of the fields of an issue, shared by validation, proofreading,
//! the editor (jump to a problem) and review comments.

use std::fmt;
use std::ops::Range;

use super::{Issue, article::replace_chars_many};

/// One editable field of an [`super::Issue`].
///
/// Sections and articles are addressed by position, so a `Field` is valid
/// for the issue it was computed from; recompute after structural edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Name,
    Number,
    TotalNumber,
    Office,
    Date,
    Classification,
    /// 增刊: the issue is a supplement, numbered on its own.
    Supplement,
    /// Whether copies are numbered.
    CopySerial,
    EditorsNote,
    /// The words after the unit in default attributions.
    AttributionSuffix,
    SectionHeading {
        section: usize,
    },
    /// A section as a whole (for example: it has no articles).
    Section {
        section: usize,
    },
    Article {
        section: usize,
        article: usize,
        part: ArticlePart,
    },
    Editor,
    Proofreader,
    Phone,
    Fax,
    Email,
    PrintCount,
    ReportTo,
    SendTo,
    IssueTo,
    Style,
}

/// The part of an article a [`Field`] points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ArticlePart {
    Whole,
    Unit,
    /// The article's own title line.
    Title,
    Lead,
    /// Body paragraph, counted from 0.
    Paragraph(usize),
    Attribution,
    /// Figure `n` of the article as a whole (a photo's resolution).
    Figure(usize),
    /// A photo's caption or a table's title, of figure `n`.
    Caption(usize),
    /// A table cell: row 0 is the header, body rows count from 1.
    Cell {
        figure: usize,
        row: usize,
        column: usize,
    },
}

impl Field {
    /// The fields of the issue as a whole (not of a section or article),
    /// in form order: compared one by one, and listed around the sections
    /// by [`Issue::fields`].
    pub const ISSUE_LEVEL: [Field; 19] = [
        Field::Name,
        Field::Number,
        Field::TotalNumber,
        Field::Supplement,
        Field::Office,
        Field::Date,
        Field::Classification,
        Field::CopySerial,
        Field::EditorsNote,
        Field::AttributionSuffix,
        Field::Editor,
        Field::Proofreader,
        Field::Phone,
        Field::Fax,
        Field::Email,
        Field::PrintCount,
        Field::ReportTo,
        Field::SendTo,
        Field::IssueTo,
    ];

    /// Where the sections come among [`Field::ISSUE_LEVEL`]: after the
    /// masthead and note, before the footer.
    const SECTIONS_AFTER: usize = 10;

    /// The field's path in the RON file, e.g. `sections[0].articles[2].lead`:
    /// language-neutral, for logs and machine-readable output.
    pub fn path(&self) -> String {
        match *self {
            Field::Name => "masthead.name".into(),
            Field::Number => "masthead.number".into(),
            Field::TotalNumber => "masthead.total_number".into(),
            Field::Office => "masthead.office".into(),
            Field::Date => "masthead.date".into(),
            Field::Classification => "masthead.classification".into(),
            Field::Supplement => "masthead.supplement".into(),
            Field::CopySerial => "masthead.copy_serial".into(),
            Field::EditorsNote => "editors_note".into(),
            Field::AttributionSuffix => "attribution_suffix".into(),
            Field::SectionHeading { section } => format!("sections[{section}].heading"),
            Field::Section { section } => format!("sections[{section}]"),
            Field::Article {
                section,
                article,
                part,
            } => {
                let base = format!("sections[{section}].articles[{article}]");
                match part {
                    ArticlePart::Whole => base,
                    ArticlePart::Unit => format!("{base}.unit"),
                    ArticlePart::Title => format!("{base}.title"),
                    ArticlePart::Lead => format!("{base}.lead"),
                    ArticlePart::Paragraph(p) => format!("{base}.body[{p}]"),
                    ArticlePart::Attribution => format!("{base}.attribution"),
                    ArticlePart::Figure(f) => format!("{base}.figures[{f}]"),
                    ArticlePart::Caption(f) => format!("{base}.figures[{f}].caption"),
                    ArticlePart::Cell {
                        figure,
                        row,
                        column,
                    } => format!("{base}.figures[{figure}].cells[{row}][{column}]"),
                }
            }
            Field::Editor => "footer.editor".into(),
            Field::Proofreader => "footer.proofreader".into(),
            Field::Phone => "footer.phone".into(),
            Field::Fax => "footer.fax".into(),
            Field::Email => "footer.email".into(),
            Field::PrintCount => "footer.print_count".into(),
            Field::ReportTo => "distribution.report_to".into(),
            Field::SendTo => "distribution.send_to".into(),
            Field::IssueTo => "distribution.issue_to".into(),
            Field::Style => "style".into(),
        }
    }
}

impl Issue {
    /// The text of a text field of this issue: what the proofreader reads
    /// and a comparison shows. For an attribution, the printed one (its own
    /// or the default). `None` for fields that are not text (numbers,
    /// dates, flags, the style) or not in this issue.
    pub fn field_text(&self, field: &Field) -> Option<String> {
        if let Field::Article {
            section,
            article,
            part,
        } = *field
        {
            let a = self.sections.get(section)?.articles.get(article)?;
            return match part {
                ArticlePart::Paragraph(p) => Some(a.body.get(p)?.text()),
                ArticlePart::Attribution => Some(self.attribution_of(a)),
                ArticlePart::Whole => None,
                ArticlePart::Unit => Some(a.unit.clone()),
                ArticlePart::Title => Some(a.title.clone()),
                ArticlePart::Lead => Some(a.lead.clone()),
                ArticlePart::Figure(_) => None,
                ArticlePart::Caption(_) | ArticlePart::Cell { .. } => {
                    a.figure_text(part).map(str::to_owned)
                }
            };
        }
        match *field {
            Field::EditorsNote => Some(self.editors_note.clone().unwrap_or_default()),
            Field::SectionHeading { section } => Some(self.sections.get(section)?.heading.clone()),
            _ => self.plain_text(field).cloned(),
        }
    }

    /// The string behind a text field, to change it in place. `None` for
    /// body paragraphs (spans, not one string), a note or attribution that
    /// is not set, and fields that are not text.
    pub fn field_text_mut(&mut self, field: &Field) -> Option<&mut String> {
        match *field {
            Field::EditorsNote => self.editors_note.as_mut(),
            Field::SectionHeading { section } => Some(&mut self.sections.get_mut(section)?.heading),
            Field::Article {
                section,
                article,
                part,
            } => {
                let a = self.sections.get_mut(section)?.articles.get_mut(article)?;
                match part {
                    ArticlePart::Title => Some(&mut a.title),
                    ArticlePart::Lead => Some(&mut a.lead),
                    ArticlePart::Unit => Some(&mut a.unit),
                    ArticlePart::Attribution => a.attribution.as_mut(),
                    ArticlePart::Caption(_) | ArticlePart::Cell { .. } => a.figure_text_mut(part),
                    ArticlePart::Paragraph(_) | ArticlePart::Whole | ArticlePart::Figure(_) => None,
                }
            }
            _ => PLAIN_TEXT
                .iter()
                .find(|(f, _, _)| f == field)
                .map(|(_, _, get)| get(self)),
        }
    }

    /// Replaces characters `range` of a text field. False when the field
    /// is not a text field of this issue (or an unset note or attribution).
    pub fn replace_in_field(&mut self, field: &Field, range: Range<usize>, with: &str) -> bool {
        self.replace_many_in_field(field, &[(range, with)])
    }

    /// Several replacements in one field at once, in one pass over its
    /// text (`edits` ascending; one overlapping an earlier is skipped).
    pub fn replace_many_in_field(&mut self, field: &Field, edits: &[(Range<usize>, &str)]) -> bool {
        if let Field::Article {
            section,
            article,
            part: ArticlePart::Paragraph(p),
        } = *field
        {
            let paragraph = self
                .sections
                .get_mut(section)
                .and_then(|s| s.articles.get_mut(article))
                .and_then(|a| a.body.get_mut(p));
            return match paragraph {
                Some(paragraph) => {
                    paragraph.replace_many(edits);
                    true
                }
                None => false,
            };
        }
        match self.field_text_mut(field) {
            Some(text) => {
                replace_chars_many(text, edits);
                true
            }
            None => false,
        }
    }

    /// The issue-level text fields that are plain strings.
    fn plain_text(&self, field: &Field) -> Option<&String> {
        PLAIN_TEXT
            .iter()
            .find(|(f, _, _)| f == field)
            .map(|(_, get, _)| get(self))
    }

    /// Every field of the issue in the order the forms show them: the
    /// masthead, the note, each section's heading and its articles' parts,
    /// the footer, the distribution. Proofreading, comparing and jumping
    /// all walk this one list.
    pub fn fields(&self) -> Vec<Field> {
        let (before, after) = Field::ISSUE_LEVEL.split_at(Field::SECTIONS_AFTER);
        let mut fields = before.to_vec();
        for (s, section) in self.sections.iter().enumerate() {
            fields.push(Field::SectionHeading { section: s });
            for (a, article) in section.articles.iter().enumerate() {
                let at = |part| Field::Article {
                    section: s,
                    article: a,
                    part,
                };
                fields.extend([
                    at(ArticlePart::Unit),
                    at(ArticlePart::Title),
                    at(ArticlePart::Lead),
                ]);
                fields.extend((0..article.body.len()).map(|p| at(ArticlePart::Paragraph(p))));
                fields.push(at(ArticlePart::Attribution));
                fields.extend(article.figure_parts().into_iter().map(at));
            }
        }
        fields.extend_from_slice(after);
        fields
    }
}

type Get = fn(&Issue) -> &String;
type GetMut = fn(&mut Issue) -> &mut String;

/// The issue-level fields that are one plain string, read and written
/// through one entry each.
const PLAIN_TEXT: [(Field, Get, GetMut); 11] = [
    (Field::Name, |i| &i.masthead.name, |i| &mut i.masthead.name),
    (
        Field::Office,
        |i| &i.masthead.office,
        |i| &mut i.masthead.office,
    ),
    (
        Field::AttributionSuffix,
        |i| &i.attribution_suffix,
        |i| &mut i.attribution_suffix,
    ),
    (
        Field::Editor,
        |i| &i.footer.editor,
        |i| &mut i.footer.editor,
    ),
    (
        Field::Proofreader,
        |i| &i.footer.proofreader,
        |i| &mut i.footer.proofreader,
    ),
    (Field::Phone, |i| &i.footer.phone, |i| &mut i.footer.phone),
    (Field::Fax, |i| &i.footer.fax, |i| &mut i.footer.fax),
    (Field::Email, |i| &i.footer.email, |i| &mut i.footer.email),
    (
        Field::ReportTo,
        |i| &i.distribution.report_to,
        |i| &mut i.distribution.report_to,
    ),
    (
        Field::SendTo,
        |i| &i.distribution.send_to,
        |i| &mut i.distribution.send_to,
    ),
    (
        Field::IssueTo,
        |i| &i.distribution.issue_to,
        |i| &mut i.distribution.issue_to,
    ),
];

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.path())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_walk_lists_every_field_once_in_form_order() {
        let mut issue = Issue::new(chrono::NaiveDate::from_ymd_opt(2021, 3, 25).expect("date"));
        let s = issue.add_section();
        let id = issue.add_article(s).expect("an article");
        issue.sections[s].articles[0].body = vec![
            crate::model::Paragraph::plain("东城区开展志愿服务。"),
            crate::model::Paragraph::plain("西城区举办文明讲堂。"),
        ];
        let fields = issue.fields();
        let unique: std::collections::BTreeSet<&Field> = fields.iter().collect();
        assert_eq!(unique.len(), fields.len(), "no field twice");
        for plain in PLAIN_TEXT.map(|(f, _, _)| f) {
            assert!(Field::ISSUE_LEVEL.contains(&plain), "{plain}");
        }
        // The sections come after the note and suffix, before the footer.
        let at = |f: Field| fields.iter().position(|g| *g == f).expect("listed");
        let heading = at(Field::SectionHeading { section: s });
        assert!(at(Field::AttributionSuffix) < heading && heading < at(Field::Editor));
        let (s, a) = issue.find_article(id).expect("found");
        let paragraph = Field::Article {
            section: s,
            article: a,
            part: ArticlePart::Paragraph(1),
        };
        assert_eq!(
            issue.field_text(&paragraph).as_deref(),
            Some("西城区举办文明讲堂。")
        );
        assert!(fields.contains(&paragraph));
    }

    #[test]
    fn text_fields_read_and_change_by_address() {
        let mut issue = crate::sample::issue();
        let paragraph = Field::Article {
            section: 0,
            article: 0,
            part: ArticlePart::Paragraph(0),
        };
        let attribution = Field::Article {
            section: 0,
            article: 0,
            part: ArticlePart::Attribution,
        };
        assert!(
            issue
                .field_text(&paragraph)
                .is_some_and(|t| t.starts_with("坚持全时创建。"))
        );
        assert_eq!(
            issue.field_text(&attribution).as_deref(),
            Some("东城区文明办"),
            "the default shows"
        );
        assert_eq!(
            issue.field_text(&Field::Number),
            None,
            "a number is not text"
        );

        assert!(issue.replace_in_field(&paragraph, 0..2, "始终"));
        assert!(
            issue
                .field_text(&paragraph)
                .is_some_and(|t| t.starts_with("始终全时创建。"))
        );
        assert!(issue.replace_in_field(&Field::Editor, 0..1, "李"));
        assert_eq!(issue.footer.editor, "李雪峰");
        assert!(
            !issue.replace_in_field(&attribution, 0..1, "西"),
            "no own attribution to change"
        );
        assert!(!issue.replace_in_field(&Field::Date, 0..1, "2"));
    }
}
