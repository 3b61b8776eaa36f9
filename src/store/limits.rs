//! Limits that keep the work a draft can cause in proportion to a real
//! issue. A draft within [`super::MAX_FILE_BYTES`] can still describe a
//! hundred thousand empty articles, which parse into gigabytes and
//! typeset for minutes; such a file is refused while loading, with the
//! limit it exceeds named.
//!
//! Two checks: before parsing, the text's parts are counted (every `(` and
//! `[` outside strings and comments opens a struct or list), which bounds
//! the memory the parse can take; after parsing, the issue's shape is held
//! against limits a person can read (articles per issue, paragraphs per
//! article, characters per field …). The numbers are generous — the sample
//! issue has 16 articles, 60 paragraphs and 11,000 characters — and an
//! issue at every limit at once still checks in well under a second and
//! exports in seconds (`benches/` and the closing notes give numbers).

use std::path::Path;

use super::{LoadError, Position};
use crate::model::{Figure, Issue};

/// What a draft may hold at most.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
    /// Structs and lists in the file's text.
    Parts,
    Sections,
    Articles,
    ParagraphsPerArticle,
    /// Paragraphs in the whole issue.
    Paragraphs,
    /// Runs of one weight (bold or not) in the whole issue.
    Spans,
    CharactersPerField,
    Characters,
    Comments,
    HistoryEntries,
    /// Photos and tables in the whole issue.
    Figures,
    /// Table cells in the whole issue.
    TableCells,
}

impl Limit {
    pub const fn max(self) -> usize {
        match self {
            Limit::Parts => 200_000,
            Limit::Sections => 100,
            Limit::Articles => 300,
            Limit::ParagraphsPerArticle => 400,
            Limit::Paragraphs => 3_000,
            Limit::Spans => 20_000,
            Limit::CharactersPerField => 30_000,
            Limit::Characters => 200_000,
            Limit::Comments => 5_000,
            Limit::HistoryEntries => 2_000,
            Limit::Figures => 300,
            Limit::TableCells => 20_000,
        }
    }
}

/// A draft that exceeds a limit: which, by how much, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LimitExceeded {
    pub limit: Limit,
    pub found: usize,
    /// Where it was exceeded: 1-based section and article, when it is
    /// inside one.
    pub section: Option<usize>,
    pub article: Option<usize>,
}

/// Counts the text's parts before anything is built from it.
pub(super) fn check_text(text: &str, path: &Path) -> Result<(), LoadError> {
    let mut parts = 0usize;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match c {
            '"' => skip_string(&mut chars),
            '/' if chars.peek().is_some_and(|&(_, n)| n == '/') => {
                for (_, c) in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            '/' if chars.peek().is_some_and(|&(_, n)| n == '*') => {
                let mut last = ' ';
                for (_, c) in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
            }
            '(' | '[' => {
                parts += 1;
                if parts > Limit::Parts.max() {
                    return Err(LoadError::Limit {
                        path: path.into(),
                        at: Some(Position::of(text, at)),
                        exceeded: LimitExceeded {
                            limit: Limit::Parts,
                            found: parts,
                            section: None,
                            article: None,
                        },
                    });
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// Skips a quoted string (its opening quote already taken), escapes too.
fn skip_string(chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>) {
    while let Some((_, c)) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '"' => return,
            _ => {}
        }
    }
}

/// Holds a parsed issue against the limits.
pub(super) fn check_issue(issue: &Issue, path: &Path) -> Result<(), LoadError> {
    shape(issue).map_err(|exceeded| LoadError::Limit {
        path: path.into(),
        at: None,
        exceeded,
    })
}

/// The first limit `issue` exceeds, if any. Imports use it too.
pub fn shape(issue: &Issue) -> Result<(), LimitExceeded> {
    let over = |limit: Limit, found: usize, section: Option<usize>, article: Option<usize>| {
        if found > limit.max() {
            Err(LimitExceeded {
                limit,
                found,
                section,
                article,
            })
        } else {
            Ok(())
        }
    };
    over(Limit::Sections, issue.sections.len(), None, None)?;
    over(Limit::Articles, issue.articles().count(), None, None)?;
    over(Limit::Comments, issue.review.comments.len(), None, None)?;
    over(
        Limit::HistoryEntries,
        issue.review.history.len(),
        None,
        None,
    )?;
    let paragraphs = issue.articles().map(|(_, _, a)| a.body.len()).sum();
    over(Limit::Paragraphs, paragraphs, None, None)?;
    let spans = issue
        .articles()
        .flat_map(|(_, _, a)| &a.body)
        .map(|p| p.spans.len())
        .sum();
    over(Limit::Spans, spans, None, None)?;
    let figures = issue.articles().map(|(_, _, a)| a.figures.len()).sum();
    over(Limit::Figures, figures, None, None)?;
    let cells = issue
        .articles()
        .flat_map(|(_, _, a)| &a.figures)
        .map(|placed| match &placed.figure {
            Figure::Table(table) => table.cells().count(),
            Figure::Photo(_) => 0,
        })
        .sum();
    over(Limit::TableCells, cells, None, None)?;

    // Every text, with where it is: (characters, section, article).
    let chars = |text: &str| text.chars().count();
    let mut texts: Vec<(usize, Option<usize>, Option<usize>)> = Vec::new();
    let m = &issue.masthead;
    let f = &issue.footer;
    let d = &issue.distribution;
    let note = issue.editors_note.as_deref().unwrap_or_default();
    for text in [
        m.name.as_str(),
        &m.office,
        &issue.attribution_suffix,
        note,
        &f.editor,
        &f.proofreader,
        &f.phone,
        &f.fax,
        &f.email,
        &d.report_to,
        &d.send_to,
        &d.issue_to,
    ] {
        texts.push((chars(text), None, None));
    }
    for (s, section) in issue.sections.iter().enumerate() {
        let s = Some(s + 1);
        texts.push((chars(&section.heading), s, None));
        for (a, article) in section.articles.iter().enumerate() {
            let a = Some(a + 1);
            over(Limit::ParagraphsPerArticle, article.body.len(), s, a)?;
            let attribution = article.attribution.as_deref().unwrap_or_default();
            for text in [
                article.unit.as_str(),
                &article.title,
                &article.lead,
                attribution,
            ] {
                texts.push((chars(text), s, a));
            }
            for paragraph in &article.body {
                let n = paragraph.spans.iter().map(|x| chars(&x.text)).sum();
                texts.push((n, s, a));
            }
            for text in article.figure_texts() {
                texts.push((chars(text), s, a));
            }
        }
    }
    for comment in &issue.review.comments {
        texts.push((chars(&comment.text), None, None));
        if let Some(quote) = &comment.quote {
            for text in [&quote.text, &quote.before, &quote.after] {
                texts.push((chars(text), None, None));
            }
        }
    }
    let mut total = 0usize;
    for (n, section, article) in texts {
        over(Limit::CharactersPerField, n, section, article)?;
        total += n;
    }
    over(Limit::Characters, total, None, None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, ArticleId, Paragraph, Span};

    #[test]
    fn the_sample_is_far_inside_every_limit() {
        let issue = crate::sample::issue();
        assert_eq!(shape(&issue), Ok(()));
        let text = crate::assets::SAMPLE_RON;
        let parts = text.matches(['(', '[']).count();
        assert!(parts * 20 < Limit::Parts.max(), "{parts}");
    }

    #[test]
    fn a_table_of_too_many_cells_is_refused() {
        let mut issue = crate::sample::with_figures();
        assert_eq!(shape(&issue), Ok(()));
        let row = vec!["东城区".to_owned(); 100];
        let table = crate::model::Table {
            rows: vec![row; 201],
            ..Default::default()
        };
        issue.sections[0].articles[2]
            .figures
            .push(crate::model::Placed {
                after: 0,
                figure: Figure::Table(table),
            });
        let exceeded = shape(&issue).expect_err("over");
        assert_eq!(exceeded.limit, Limit::TableCells);
        assert!(exceeded.found > Limit::TableCells.max());
    }

    #[test]
    fn too_many_parts_are_refused_before_parsing_with_a_place() {
        let bomb = format!(
            "(schema: 2, sections: [(articles: [{}])])",
            "(),".repeat(Limit::Parts.max())
        );
        match check_text(&bomb, Path::new("炸弹.ron")) {
            Err(LoadError::Limit {
                at: Some(at),
                exceeded,
                ..
            }) => {
                assert_eq!(exceeded.limit, Limit::Parts);
                assert_eq!(at.line, 1);
            }
            other => panic!("expected a limit, got {other:?}"),
        }
        // Brackets inside strings and comments are text, not parts.
        let quoted = format!(
            "(a: \"{}\\\"(\", // ((((\n)",
            "(".repeat(Limit::Parts.max() + 1)
        );
        assert!(check_text(&quoted, Path::new("x.ron")).is_ok());
    }

    #[test]
    fn an_overlong_article_is_named_by_section_and_article() {
        let mut issue = crate::sample::issue();
        let paragraph = Paragraph {
            spans: vec![Span::plain("一段。")],
        };
        issue.sections[0].articles.push(Article {
            body: vec![paragraph; Limit::ParagraphsPerArticle.max() + 1],
            ..Article::new(ArticleId(9))
        });
        let exceeded = shape(&issue).expect_err("too long");
        assert_eq!(exceeded.limit, Limit::ParagraphsPerArticle);
        assert_eq!(exceeded.section, Some(1));
        assert_eq!(
            exceeded.article,
            Some(issue.sections[0].articles.len()),
            "the last article of the first section"
        );
    }
}
