//! What the editor is showing in its form: one part of the issue.

use crate::model::{ArticleId, Field, Issue};

/// The selected part of the issue. Articles are selected by id so that the
/// selection follows an article when it moves.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Selection {
    #[default]
    Masthead,
    EditorsNote,
    Section(usize),
    Article(ArticleId),
    Footer,
    Distribution,
}

impl Selection {
    /// The same selection if it still exists in `issue`, else the nearest
    /// sensible one (after an undo or a delete).
    pub fn valid_in(self, issue: &Issue) -> Selection {
        match self {
            Selection::Section(s) if s >= issue.sections.len() => match issue.sections.len() {
                0 => Selection::Masthead,
                n => Selection::Section(n - 1),
            },
            Selection::Article(id) if issue.find_article(id).is_none() => Selection::Masthead,
            other => other,
        }
    }

    /// What to show for a field: the form it is on.
    pub fn of_field(field: &Field, issue: &Issue) -> Selection {
        match *field {
            Field::EditorsNote => Selection::EditorsNote,
            Field::SectionHeading { section } | Field::Section { section } => {
                Selection::Section(section)
            }
            Field::Article {
                section, article, ..
            } => issue
                .sections
                .get(section)
                .and_then(|s| s.articles.get(article))
                .map_or(Selection::Section(section), |a| Selection::Article(a.id)),
            Field::Editor
            | Field::Proofreader
            | Field::Phone
            | Field::Fax
            | Field::Email
            | Field::PrintCount => Selection::Footer,
            Field::ReportTo | Field::SendTo | Field::IssueTo => Selection::Distribution,
            Field::Name
            | Field::Number
            | Field::TotalNumber
            | Field::Office
            | Field::Date
            | Field::Classification
            | Field::Supplement
            | Field::CopySerial
            | Field::AttributionSuffix
            | Field::Style => Selection::Masthead,
        }
    }

    /// The section the selection is in, if any.
    pub fn section(self, issue: &Issue) -> Option<usize> {
        match self {
            Selection::Section(s) => Some(s),
            Selection::Article(id) => issue.find_article(id).map(|(s, _)| s),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deleted_article_falls_back_to_the_masthead() {
        let mut issue = crate::sample::issue();
        let id = issue.sections[0].articles[1].id;
        assert_eq!(
            Selection::Article(id).valid_in(&issue),
            Selection::Article(id)
        );
        assert_eq!(Selection::Article(id).section(&issue), Some(0));
        issue.delete_article(id);
        assert_eq!(Selection::Article(id).valid_in(&issue), Selection::Masthead);
        assert_eq!(
            Selection::Section(3).valid_in(&issue),
            Selection::Section(0)
        );
    }
}
