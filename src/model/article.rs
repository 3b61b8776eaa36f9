//! 报核: sections (栏目) and the articles contributed by districts and units.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};

use serde::{Deserialize, Serialize};

use super::ArticlePart;
use super::count_chars;
use super::figure::{Block, Figure, Placed};

/// A 栏目: a bracketed heading such as 【文明创建】 followed by its articles.
/// `heading` holds the words only; the brackets are typography.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Section {
    pub heading: String,
    pub articles: Vec<Article>,
}

/// Identifies an article for the life of the issue and across its versions:
/// reordering, editing and copying the file keep it; comments and diffs match
/// articles by it. Zero means "never assigned" (only in hand-written files).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct ArticleId(pub u64);

impl ArticleId {
    /// A random non-zero id. 64 random bits make a clash between two issues'
    /// articles practically impossible; [`super::Issue::fresh_article_id`]
    /// still checks the issue at hand.
    pub fn generate() -> Self {
        loop {
            // RandomState is seeded from the OS per instance: std's own RNG.
            let mut hasher = RandomState::new().build_hasher();
            hasher.write_u64(0x6a69_616e_6261_6f00);
            let id = hasher.finish();
            if id != 0 {
                return ArticleId(id);
            }
        }
    }
}

/// One contributed article.
///
/// Either the lead sentence works as the headline and is printed bold at
/// the start of the first paragraph, the body continuing on the same line
/// (the seed's layout), or the article has a `title` printed on a line of
/// its own above the text (then the lead is usually empty). Both may be
/// set. `attribution`
/// is `None` while it follows the unit (see [`super::Issue::attribution_of`])
/// and `Some` once the editor has written one of their own.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Article {
    pub id: ArticleId,
    /// The contributing unit: 东城区.
    pub unit: String,
    /// A title line of its own above the text: 计算机学院举办人工智能教学
    /// 研讨会. Empty: none (and not written, as before titles existed).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// 东城区坚持“四全”，深化全国文明城区创建工作。
    pub lead: String,
    pub body: Vec<Paragraph>,
    /// Printed in parentheses under the article: 东城区文明办.
    pub attribution: Option<String>,
    /// Photos and tables between the paragraphs (see [`super::figure`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<Placed>,
}

impl Article {
    pub fn new(id: ArticleId) -> Self {
        Self {
            id,
            ..Self::default()
        }
    }

    /// The body as plain text, paragraphs separated by newlines.
    pub fn body_text(&self) -> String {
        let paragraphs: Vec<String> = self.body.iter().map(Paragraph::text).collect();
        paragraphs.join("\n")
    }

    /// Characters of title, lead and body, whitespace not counted.
    pub fn char_count(&self) -> usize {
        count_chars(&self.title)
            + count_chars(&self.lead)
            + self
                .body
                .iter()
                .map(|p| count_chars(&p.text()))
                .sum::<usize>()
    }

    /// True when there is nothing to print: no title, lead, body text or
    /// figure.
    pub fn is_empty(&self) -> bool {
        self.title.trim().is_empty()
            && self.lead.trim().is_empty()
            && self.body.iter().all(Paragraph::is_blank)
            && self.figures.is_empty()
    }

    /// The body in reading order: paragraphs, and each figure after the
    /// paragraphs it follows (figures at one place in their order).
    pub fn blocks(&self) -> Vec<Block<'_>> {
        let mut figures: Vec<(usize, usize, &Figure)> = self
            .figures
            .iter()
            .enumerate()
            .map(|(i, placed)| (placed.after.min(self.body.len()), i, &placed.figure))
            .collect();
        figures.sort_by_key(|&(after, i, _)| (after, i));
        let mut figures = figures.into_iter().peekable();
        let mut blocks = Vec::with_capacity(self.body.len() + self.figures.len());
        for (p, paragraph) in self.body.iter().enumerate() {
            while let Some((_, i, figure)) = figures.next_if(|&(after, _, _)| after <= p) {
                blocks.push(Block::Figure(i, figure));
            }
            blocks.push(Block::Paragraph(p, paragraph));
        }
        blocks.extend(figures.map(|(_, i, figure)| Block::Figure(i, figure)));
        blocks
    }

    /// The parts of the figures, in order: each figure, its caption, and a
    /// table's cells row by row (the header is row 0).
    pub fn figure_parts(&self) -> Vec<ArticlePart> {
        let mut parts = Vec::new();
        for (f, placed) in self.figures.iter().enumerate() {
            parts.extend([ArticlePart::Figure(f), ArticlePart::Caption(f)]);
            if let Figure::Table(table) = &placed.figure {
                for (row, cells) in std::iter::once(&table.header)
                    .chain(&table.rows)
                    .enumerate()
                {
                    parts.extend((0..cells.len()).map(|column| ArticlePart::Cell {
                        figure: f,
                        row,
                        column,
                    }));
                }
            }
        }
        parts
    }

    /// The text of a caption or cell part (see [`ArticlePart`]).
    pub fn figure_text(&self, part: ArticlePart) -> Option<&str> {
        match part {
            ArticlePart::Caption(f) => Some(match &self.figures.get(f)?.figure {
                Figure::Photo(photo) => &photo.caption,
                Figure::Table(table) => &table.title,
            }),
            ArticlePart::Cell {
                figure,
                row,
                column,
            } => match &self.figures.get(figure)?.figure {
                Figure::Table(table) => table.row(row)?.get(column).map(String::as_str),
                Figure::Photo(_) => None,
            },
            _ => None,
        }
    }

    /// The string behind a caption or cell part, to change it in place.
    pub fn figure_text_mut(&mut self, part: ArticlePart) -> Option<&mut String> {
        match part {
            ArticlePart::Caption(f) => Some(match &mut self.figures.get_mut(f)?.figure {
                Figure::Photo(photo) => &mut photo.caption,
                Figure::Table(table) => &mut table.title,
            }),
            ArticlePart::Cell {
                figure,
                row,
                column,
            } => match &mut self.figures.get_mut(figure)?.figure {
                Figure::Table(table) => table.row_mut(row)?.get_mut(column),
                Figure::Photo(_) => None,
            },
            _ => None,
        }
    }

    /// Caption and cell texts of the article's figures, in order.
    pub fn figure_texts(&self) -> impl Iterator<Item = &str> {
        self.figure_parts()
            .into_iter()
            .filter_map(|part| self.figure_text(part))
    }

    /// Each figure with the number of printed (not blank) paragraphs
    /// before it: where the pages and Word place it. A figure at the number
    /// of printed paragraphs or more stands after the text.
    pub fn printed_figures(&self) -> impl Iterator<Item = (usize, &Figure)> {
        self.figures.iter().map(|placed| {
            let before = self.body.iter().take(placed.after);
            (before.filter(|p| !p.is_blank()).count(), &placed.figure)
        })
    }
}

/// A paragraph of body text as a run of spans; a bold span is a run-in head
/// such as 坚持全时创建。 Stored as a bare list of spans.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Paragraph {
    pub spans: Vec<Span>,
}

impl Paragraph {
    /// A paragraph of one plain span.
    pub fn plain(text: impl Into<String>) -> Self {
        Self {
            spans: vec![Span::plain(text)],
        }
    }

    /// The paragraph's text without formatting.
    pub fn text(&self) -> String {
        self.spans.iter().map(|s| s.text.as_str()).collect()
    }

    pub fn is_blank(&self) -> bool {
        self.spans.iter().all(|s| s.text.trim().is_empty())
    }

    /// The same paragraph with empty spans dropped and neighbouring spans of
    /// equal weight merged, so equal-looking paragraphs compare equal.
    pub fn normalized(&self) -> Self {
        let mut spans: Vec<Span> = Vec::with_capacity(self.spans.len());
        for span in self.spans.iter().filter(|s| !s.text.is_empty()) {
            match spans.last_mut() {
                Some(last) if last.bold == span.bold => last.text.push_str(&span.text),
                _ => spans.push(span.clone()),
            }
        }
        Self { spans }
    }
}

/// A run of text, bold or not.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Span {
    pub text: String,
    #[serde(skip_serializing_if = "is_false")]
    pub bold: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Span {
    pub fn plain(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            bold: false,
        }
    }

    pub fn bold(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            bold: true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_ids_are_nonzero_and_differ() {
        let ids: std::collections::HashSet<ArticleId> =
            (0..1000).map(|_| ArticleId::generate()).collect();
        assert_eq!(ids.len(), 1000);
        assert!(!ids.contains(&ArticleId(0)));
    }

    #[test]
    fn normalizing_merges_runs_of_equal_weight() {
        let p = Paragraph {
            spans: vec![
                Span::bold("坚持全时"),
                Span::bold("创建。"),
                Span::plain(""),
                Span::plain("研究制定"),
                Span::plain("《实施意见》"),
            ],
        };
        assert_eq!(
            p.normalized().spans,
            vec![
                Span::bold("坚持全时创建。"),
                Span::plain("研究制定《实施意见》")
            ]
        );
        assert_eq!(p.text(), "坚持全时创建。研究制定《实施意见》");
    }

    #[test]
    fn counts_characters_without_whitespace() {
        let mut article = Article::new(ArticleId(1));
        article.lead = "东城区坚持“四全”。".into();
        article.body = vec![Paragraph::plain("坚持 全时\n创建。")];
        assert_eq!(article.char_count(), 10 + 7);
        assert!(!article.is_empty());
        assert!(Article::new(ArticleId(2)).is_empty());
    }
}

impl Paragraph {
    /// Replaces characters `range` of the paragraph's text (counted across
    /// all spans) with `with`, which takes the weight of the character where
    /// the range starts (or ends, for an insertion at the end). Out-of-range
    /// positions are clamped.
    pub fn replace_chars(&mut self, range: std::ops::Range<usize>, with: &str) {
        self.replace_many(&[(range, with)]);
    }

    /// Several [`Paragraph::replace_chars`] at once, in one pass over the
    /// text: `edits` in ascending order, not overlapping (later ones that
    /// overlap an earlier one are skipped).
    pub fn replace_many(&mut self, edits: &[(std::ops::Range<usize>, &str)]) {
        let chars: Vec<(char, bool)> = self
            .spans
            .iter()
            .flat_map(|s| s.text.chars().map(move |c| (c, s.bold)))
            .collect();
        let mut out: Vec<(char, bool)> = Vec::with_capacity(chars.len());
        let mut at = 0;
        for (range, with) in edits {
            let end = range.end.min(chars.len());
            let start = range.start.min(end);
            if start < at {
                continue;
            }
            out.extend_from_slice(&chars[at..start]);
            let bold = chars
                .get(start)
                .or_else(|| chars.get(start.wrapping_sub(1)))
                .is_some_and(|&(_, b)| b);
            out.extend(with.chars().map(|c| (c, bold)));
            at = end;
        }
        out.extend_from_slice(&chars[at..]);
        let mut spans: Vec<Span> = Vec::new();
        for (c, bold) in out {
            match spans.last_mut() {
                Some(last) if last.bold == bold => last.text.push(c),
                _ => spans.push(Span {
                    text: c.to_string(),
                    bold,
                }),
            }
        }
        self.spans = spans;
    }
}

/// Replaces characters `range` of `text` with `with` (clamped to the text).
pub fn replace_chars(text: &mut String, range: std::ops::Range<usize>, with: &str) {
    replace_chars_many(text, &[(range, with)]);
}

/// Several [`replace_chars`] in one pass: `edits` ascending, an edit that
/// overlaps an earlier one skipped.
pub fn replace_chars_many(text: &mut String, edits: &[(std::ops::Range<usize>, &str)]) {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    let mut at = 0;
    for (range, with) in edits {
        let start = range.start.max(at);
        if range.start < at {
            continue;
        }
        out.extend(chars.by_ref().take(start - at));
        out.push_str(with);
        let end = range.end.max(start);
        chars.by_ref().take(end - start).for_each(drop);
        at = end;
    }
    out.extend(chars);
    *text = out;
}

#[cfg(test)]
mod replace_tests {
    use super::*;

    #[test]
    fn replacing_keeps_run_ins_bold() {
        let mut p = Paragraph {
            spans: vec![
                Span::bold("坚持全时创建。"),
                Span::plain("研究制定,开展行动。"),
            ],
        };
        p.replace_chars(11..12, "，");
        assert_eq!(
            p.spans,
            vec![
                Span::bold("坚持全时创建。"),
                Span::plain("研究制定，开展行动。")
            ]
        );
        p.replace_chars(0..2, "坚决");
        assert_eq!(p.spans[0], Span::bold("坚决全时创建。"));
        p.replace_chars(100..200, "");
        assert_eq!(p.text(), "坚决全时创建。研究制定，开展行动。");
        let mut s = String::from("二0二一年");
        replace_chars(&mut s, 1..2, "〇");
        assert_eq!(s, "二〇二一年");
        replace_chars_many(&mut s, &[(0..1, "贰"), (0..2, "跳过"), (4..9, "年度")]);
        assert_eq!(s, "贰〇二一年度", "overlaps skipped, the end clamped");
        let mut p = Paragraph {
            spans: vec![Span::bold("一,"), Span::plain("二,三,")],
        };
        p.replace_many(&[(1..2, "，"), (3..4, "，"), (5..6, "，")]);
        assert_eq!(p.spans, vec![Span::bold("一，"), Span::plain("二，三，")]);
    }
}
