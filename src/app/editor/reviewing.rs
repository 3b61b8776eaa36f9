//! Review in the editor: status changes signed with the user's name,
//! comments, and comparing with another version.

use super::{CommentAction, Editor, Effect, PathKind};
use crate::i18n::Wording;
use crate::model::{Issue, Status};

impl Editor {
    /// Asks for another version of the draft and opens the compare window.
    pub(super) fn compare_with_file(&mut self) {
        let lang = self.lang();
        if self.document.is_none() {
            return;
        }
        let Some(path) = self.choose_path(PathKind::File, "", |d, l| d.open_draft(l)) else {
            return;
        };
        match crate::store::load(&path) {
            Ok(other) => self.effect(Effect::Compare(path, Box::new(other))),
            Err(error) => self.error = Some(error.message(lang)),
        }
    }

    /// Moves the review status, signed with the user's name.
    pub(super) fn change_status(&mut self, to: Status, note: &str) {
        let name = self.settings.display_name();
        let Some(document) = &mut self.document else {
            return;
        };
        let session = &mut document.session;
        let now = chrono::Local::now().naive_local();
        if session
            .issue
            .review
            .change_status(to, &name, now, note)
            .is_ok()
        {
            document.export_approved = false;
            // Whoever sends it back or reopens it goes back to editing.
            if matches!(to, Status::Draft | Status::Returned) {
                session.set_reviewing(false);
            }
            // The status bar shows the new status already; a notice with
            // the same words beside it said it twice.
        }
    }

    pub(super) fn apply_comment(&mut self, action: CommentAction) {
        let name = self.settings.display_name();
        let Some(session) = self.document.as_mut().map(|d| &mut d.session) else {
            return;
        };
        let now = chrono::Local::now().naive_local();
        if let CommentAction::Show(id) = action {
            let issue = &session.issue;
            let place = issue
                .review
                .comments
                .iter()
                .find(|c| c.id == id)
                .and_then(|c| crate::model::review::locate_in(issue, c.article, c.quote.as_ref()?));
            if let Some((field, range)) = place {
                self.effect(Effect::Focus(field, range));
            }
            return;
        }
        let review = &mut session.issue.review;
        let find = |review: &mut crate::model::Review, id: crate::model::CommentId| {
            review.comments.iter().position(|c| c.id == id)
        };
        match action {
            CommentAction::Add {
                article,
                quote,
                text,
            } => {
                review.comment(article, quote, &name, now, &text);
            }
            CommentAction::Reply { id, text } => {
                if let Some(i) = find(review, id) {
                    review.comments[i]
                        .replies
                        .push(crate::model::review::Reply {
                            author: name,
                            at: now,
                            text: text.trim().to_owned(),
                        });
                }
            }
            CommentAction::Resolve { id, resolved } => {
                if let Some(i) = find(review, id) {
                    review.comments[i].resolved = resolved;
                }
            }
            CommentAction::Delete(id) => review.comments.retain(|c| c.id != id),
            CommentAction::Show(_) => {}
        }
    }
}

/// Articles with open comments, and how many.
pub fn commented_articles(issue: &Issue) -> Vec<(crate::model::ArticleId, usize)> {
    let mut counts: Vec<(crate::model::ArticleId, usize)> = Vec::new();
    for comment in issue.review.open_comments() {
        match counts.iter_mut().find(|(id, _)| *id == comment.article) {
            Some((_, n)) => *n += 1,
            None => counts.push((comment.article, 1)),
        }
    }
    counts
}
