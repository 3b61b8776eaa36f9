//! Review: where an issue stands (草稿 → 送审 → 退回 / 通过 → 已签发), who
//! moved it there and why, and reviewers' comments on articles.
//!
//! Comments are anchored to an article by id — so they follow it when
//! articles are reordered — and optionally to a quoted span of its text,
//! found again by its words and a little context on either side, so that
//! edits elsewhere in the article do not lose it.

use std::ops::Range;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::{Article, ArticleId, ArticlePart, Field, Issue};

/// Where an issue stands in review.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Status {
    /// 草稿: being written.
    #[default]
    Draft,
    /// 送审: sent to reviewers.
    InReview,
    /// 退回: sent back for changes.
    Returned,
    /// 通过: approved for issue.
    Approved,
    /// 已签发: issued.
    Issued,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Draft,
        Status::InReview,
        Status::Returned,
        Status::Approved,
        Status::Issued,
    ];

    /// The statuses this one may move to. Any status but Draft may be
    /// reopened to Draft.
    pub fn next(self) -> &'static [Status] {
        match self {
            Status::Draft => &[Status::InReview],
            Status::InReview => &[Status::Returned, Status::Approved, Status::Draft],
            Status::Returned => &[Status::InReview, Status::Draft],
            Status::Approved => &[Status::Issued, Status::Draft],
            Status::Issued => &[Status::Draft],
        }
    }

    /// Approved and issued issues are locked against edits until reopened.
    pub fn locks_content(self) -> bool {
        matches!(self, Status::Approved | Status::Issued)
    }

    /// Whether an issue in this status is ready to go out.
    pub fn is_cleared(self) -> bool {
        matches!(self, Status::Approved | Status::Issued)
    }
}

/// One move of the status.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusChange {
    pub from: Status,
    pub to: Status,
    pub by: String,
    pub at: NaiveDateTime,
    #[serde(default)]
    pub note: String,
}

/// The words a comment is about, with a little of the text either side.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Quote {
    pub text: String,
    pub before: String,
    pub after: String,
}

/// How much context a quote keeps on each side, in characters.
const CONTEXT: usize = 12;

impl Quote {
    /// The quote of characters `range` of `text`, with its context.
    pub fn capture(text: &str, range: Range<usize>) -> Quote {
        let chars: Vec<char> = text.chars().collect();
        let end = range.end.min(chars.len());
        let start = range.start.min(end);
        Quote {
            text: chars[start..end].iter().collect(),
            before: chars[start.saturating_sub(CONTEXT)..start].iter().collect(),
            after: chars[end..(end + CONTEXT).min(chars.len())]
                .iter()
                .collect(),
        }
    }
}

/// A reply under a comment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reply {
    pub author: String,
    pub at: NaiveDateTime,
    pub text: String,
}

/// A reviewer's comment on an article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Comment {
    pub id: CommentId,
    pub article: ArticleId,
    #[serde(default)]
    pub quote: Option<Quote>,
    pub author: String,
    pub at: NaiveDateTime,
    pub text: String,
    #[serde(default)]
    pub replies: Vec<Reply>,
    #[serde(default)]
    pub resolved: bool,
}

/// A comment's identity within its issue: one more than the largest before
/// it, so ids are never reused while the comments they named remain.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct CommentId(pub u64);

/// An issue's review. Empty (a draft never reviewed) is not written to
/// files, so drafts without review data stay as they were.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Review {
    pub status: Status,
    pub history: Vec<StatusChange>,
    pub comments: Vec<Comment>,
}

/// A status change the workflow does not allow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotAllowed {
    pub from: Status,
    pub to: Status,
}

impl Review {
    pub fn is_empty(&self) -> bool {
        *self == Review::default()
    }

    /// Moves the status, recording who, when and why.
    pub fn change_status(
        &mut self,
        to: Status,
        by: &str,
        at: NaiveDateTime,
        note: &str,
    ) -> Result<(), NotAllowed> {
        let from = self.status;
        if !from.next().contains(&to) {
            return Err(NotAllowed { from, to });
        }
        self.status = to;
        self.history.push(StatusChange {
            from,
            to,
            by: by.to_owned(),
            at,
            note: note.trim().to_owned(),
        });
        Ok(())
    }

    /// Adds a comment and returns its id (one more than the largest yet).
    pub fn comment(
        &mut self,
        article: ArticleId,
        quote: Option<Quote>,
        author: &str,
        at: NaiveDateTime,
        text: &str,
    ) -> CommentId {
        let id = CommentId(self.comments.iter().map(|c| c.id.0).max().unwrap_or(0) + 1);
        self.comments.push(Comment {
            id,
            article,
            quote,
            author: author.to_owned(),
            at,
            text: text.trim().to_owned(),
            replies: Vec::new(),
            resolved: false,
        });
        id
    }

    /// Comments on an article, oldest first.
    pub fn comments_on(&self, article: ArticleId) -> impl Iterator<Item = &Comment> {
        self.comments.iter().filter(move |c| c.article == article)
    }

    /// Unresolved comments.
    pub fn open_comments(&self) -> impl Iterator<Item = &Comment> {
        self.comments.iter().filter(|c| !c.resolved)
    }
}

/// Where a quote is now in its article: the part (lead, a paragraph, a
/// photo's caption or a table's title or cell) and the character range. Of several places with the quoted words, the one
/// whose surroundings best match the quote's context wins. `None` when the
/// words are no longer in the article.
pub fn locate(article: &Article, quote: &Quote) -> Option<(ArticlePart, Range<usize>)> {
    if quote.text.is_empty() {
        return None;
    }
    let figures = article.figure_parts().into_iter().filter_map(|part| {
        let text = article.figure_text(part)?;
        Some((part, text.to_owned()))
    });
    let parts = std::iter::once((ArticlePart::Lead, article.lead.clone()))
        .chain(
            article
                .body
                .iter()
                .enumerate()
                .map(|(p, paragraph)| (ArticlePart::Paragraph(p), paragraph.text())),
        )
        .chain(figures);
    let wanted_chars = quote.text.chars().count();
    // Only the context next to the words counts, as much as `capture`
    // takes: a file with a long context costs no more than a real one.
    let before: Vec<char> = quote.before.chars().rev().take(CONTEXT).collect();
    let after: Vec<char> = quote.after.chars().take(CONTEXT).collect();
    let mut best: Option<(usize, ArticlePart, Range<usize>)> = None;
    for (part, text) in parts {
        // Linear: a substring search, character offsets counted as it goes.
        let (mut byte_at, mut char_at) = (0, 0);
        for (byte, _) in text.match_indices(quote.text.as_str()) {
            char_at += text[byte_at..byte].chars().count();
            byte_at = byte;
            let start = char_at;
            let end = start + wanted_chars;
            let left = text[..byte]
                .chars()
                .rev()
                .zip(&before)
                .take_while(|(a, b)| a == *b)
                .count();
            let right = text[byte + quote.text.len()..]
                .chars()
                .zip(&after)
                .take_while(|(a, b)| a == *b)
                .count();
            let score = left + right;
            if best.as_ref().is_none_or(|(s, _, _)| score > *s) {
                best = Some((score, part, start..end));
            }
        }
    }
    best.map(|(_, part, range)| (part, range))
}

/// Where the words of `quote` are now in article `id` of `issue`, as the
/// field and its character range (to select them in the editor).
pub fn locate_in(issue: &Issue, id: ArticleId, quote: &Quote) -> Option<(Field, Range<usize>)> {
    let (section, article) = issue.find_article(id)?;
    let (part, range) = locate(&issue.sections[section].articles[article], quote)?;
    let field = Field::Article {
        section,
        article,
        part,
    };
    Some((field, range))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Paragraph, Span};

    fn at() -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2021, 2, 24)
            .and_then(|d| d.and_hms_opt(9, 30, 0))
            .expect("a time")
    }

    /// A comment can quote a photo's caption or a table cell: the quote
    /// is found there, as the field to select.
    #[test]
    fn a_quote_of_a_caption_or_a_cell_is_found_there() {
        let issue = crate::sample::with_figures();
        let article = &issue.sections[0].articles[1];
        let cell = ArticlePart::Cell {
            figure: 0,
            row: 3,
            column: 1,
        };
        let text = article.figure_text(cell).expect("a cell").to_owned();
        assert_eq!(text, "区委督查室");
        let quote = Quote::capture(&text, 2..5);
        assert_eq!(locate(article, &quote), Some((cell, 2..5)));
        let east = &issue.sections[0].articles[0];
        let caption = east
            .figure_text(ArticlePart::Caption(0))
            .expect("a caption");
        let quote = Quote::capture(caption, 0..3);
        assert_eq!(locate(east, &quote), Some((ArticlePart::Caption(0), 0..3)));
    }

    #[test]
    fn the_workflow_allows_only_its_moves() {
        let mut review = Review::default();
        assert!(
            review
                .change_status(Status::Approved, "王审", at(), "")
                .is_err(),
            "a draft is not approved unseen"
        );
        for to in [
            Status::InReview,
            Status::Returned,
            Status::InReview,
            Status::Approved,
            Status::Issued,
        ] {
            review.change_status(to, "王审", at(), "").expect("allowed");
        }
        assert!(review.status.locks_content());
        review
            .change_status(Status::Draft, "李编", at(), "更正错字")
            .expect("reopen");
        assert_eq!(review.history.len(), 6);
        assert_eq!(review.history[5].note, "更正错字");
        assert!(!review.status.locks_content());
    }

    #[test]
    fn a_quote_with_a_huge_context_is_found_in_linear_time() {
        // A file's quote may carry 30,000 characters of context around a
        // word that repeats 30,000 times: this used to compare the whole
        // context at every repeat (and runs every frame in the editor).
        let text = "甲".repeat(30_000);
        let mut article = Article::new(ArticleId(1));
        article.body = vec![Paragraph {
            spans: vec![Span::plain(text.clone())],
        }];
        let quote = Quote {
            text: "甲".into(),
            before: text.clone(),
            after: text,
        };
        let (part, range) = locate(&article, &quote).expect("found");
        assert_eq!(part, ArticlePart::Paragraph(0));
        assert_eq!(range, CONTEXT..CONTEXT + 1, "the first with full context");
    }

    #[test]
    fn a_quote_is_found_again_after_edits_elsewhere() {
        let mut article = crate::sample::issue().sections[0].articles[0].clone();
        let text = article.body[0].text();
        let start = text
            .find("八大行动")
            .map(|b| text[..b].chars().count())
            .expect("there");
        let quote = Quote::capture(&text, start..start + 4);
        assert_eq!(quote.text, "八大行动");

        // Text inserted before it, and the same words added elsewhere.
        article.body[0].replace_chars(0..0, "（新增）");
        article.body.push(Paragraph {
            spans: vec![Span::plain("另开展八大行动。")],
        });
        let (part, range) = locate(&article, &quote).expect("still there");
        assert_eq!(
            part,
            ArticlePart::Paragraph(0),
            "the context picks the original place"
        );
        let chars: Vec<char> = article.body[0].text().chars().collect();
        assert_eq!(chars[range.clone()].iter().collect::<String>(), "八大行动");
        assert_eq!(range.start, start + 4);

        // Words deleted: the quote is lost, not misplaced.
        article.body[0].replace_chars(range, "各项行动");
        article.body.pop();
        assert_eq!(locate(&article, &quote), None);
    }

    #[test]
    fn an_anchored_comment_stays_on_its_words_through_edits_reordering_and_saving() {
        let mut issue = crate::sample::issue();
        let changping = issue.sections[0].articles[2].id;
        let text = issue.sections[0].articles[2].body[0].text();
        let words: String = text.chars().skip(10).take(6).collect();
        let quote = Quote::capture(&text, 10..16);
        issue
            .review
            .comment(changping, Some(quote), "王审", at(), "此处请核实");

        // Edits elsewhere in the article, then the article moved to the top.
        let article = &mut issue.sections[0].articles[2];
        article.lead.insert_str(0, "近日，");
        article.body[0].replace_chars(0..2, "");
        article.body.insert(0, Paragraph::plain("（新增段落）"));
        issue.move_article_to(changping, 0, 0);

        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("第11期.ron");
        crate::store::save(&path, &issue).expect("save");
        let issue = crate::store::load(&path).expect("load");

        let comment = &issue.review.comments[0];
        let (s, a) = issue
            .find_article(comment.article)
            .expect("the article is found by id");
        assert_eq!((s, a), (0, 0));
        let article = &issue.sections[s].articles[a];
        let quote = comment.quote.as_ref().expect("quoted");
        let (part, range) = locate(article, quote).expect("still found");
        assert_eq!(
            part,
            ArticlePart::Paragraph(1),
            "its paragraph moved down one"
        );
        let now: String = article.body[1]
            .text()
            .chars()
            .skip(range.start)
            .take(range.len())
            .collect();
        assert_eq!(now, words);
        assert_eq!(range.start, 8, "two characters before it were deleted");
    }

    #[test]
    fn the_review_is_not_part_of_the_content() {
        let original = crate::sample::issue();
        let mut reviewed = original.clone();
        let id = reviewed.sections[0].articles[0].id;
        reviewed.review.comment(id, None, "王审", at(), "请核实");
        assert!(reviewed.same_content(&original) && reviewed != original);
        reviewed.masthead.office.push('！');
        assert!(!reviewed.same_content(&original));
    }

    #[test]
    fn comments_number_themselves_and_follow_their_article() {
        let mut issue = crate::sample::issue();
        let fangshan = issue.sections[0].articles[1].id;
        let first = issue
            .review
            .comment(fangshan, None, "王审", at(), "请核实数字");
        let second = issue.review.comment(fangshan, None, "王审", at(), "标点");
        assert_eq!((first, second), (CommentId(1), CommentId(2)));
        issue.move_article_by(fangshan, -1);
        let (s, a) = issue.find_article(fangshan).expect("moved");
        assert_eq!((s, a), (0, 0));
        assert_eq!(
            issue
                .review
                .comments_on(issue.sections[0].articles[0].id)
                .count(),
            2
        );
    }
}
