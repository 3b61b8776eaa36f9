//! Addresses of the fields of an issue, shared by validation, proofreading,
//! the editor (jump to a problem) and review comments.

use std::fmt;

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
    Lead,
    /// Body paragraph, counted from 0.
    Paragraph(usize),
    Attribution,
}

impl Field {
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
                    ArticlePart::Lead => format!("{base}.lead"),
                    ArticlePart::Paragraph(p) => format!("{base}.body[{p}]"),
                    ArticlePart::Attribution => format!("{base}.attribution"),
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

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.path())
    }
}
