//! Structural edits from the outline: each one an undo step of its own,
//! after which the part it made or moved is selected.

use super::{Editor, OutlineAction};
use crate::app::Selection;

impl Editor {
    pub(super) fn apply_outline(&mut self, action: OutlineAction) {
        if let OutlineAction::Select(selection) = action {
            self.select(selection);
            return;
        }
        let Some(document) = self.document.as_mut().filter(|d| d.session.can_edit()) else {
            return;
        };
        document.session.checkpoint();
        let issue = &mut document.session.issue;
        let selection = match action {
            OutlineAction::Select(selection) => Some(selection),
            OutlineAction::AddSection => Some(Selection::Section(issue.add_section())),
            OutlineAction::AddArticle { section } => {
                issue.add_article(section).map(Selection::Article)
            }
            OutlineAction::DeleteSection(s) => issue.delete_section(s).map(|_| Selection::Masthead),
            OutlineAction::DeleteArticle(id) => issue.delete_article(id).map(|(s, a, _)| {
                // The article before it, or its section when it was first.
                match issue
                    .sections
                    .get(s)
                    .and_then(|sec| sec.articles.get(a.saturating_sub(1)))
                {
                    Some(neighbour) => Selection::Article(neighbour.id),
                    None => Selection::Section(s),
                }
            }),
            OutlineAction::DuplicateSection(s) => {
                issue.duplicate_section(s).map(Selection::Section)
            }
            OutlineAction::DuplicateArticle(id) => {
                issue.duplicate_article(id).map(Selection::Article)
            }
            OutlineAction::MoveSection { section, delta } => issue
                .move_section_by(section, delta)
                .map(Selection::Section),
            OutlineAction::MoveArticle { id, delta } => issue
                .move_article_by(id, delta)
                .then_some(Selection::Article(id)),
            OutlineAction::DropArticle { id, section, index } => issue
                .move_article_to(id, section, index)
                .then_some(Selection::Article(id)),
            OutlineAction::DropSection { section, to } => {
                issue.move_section_to(section, to).map(Selection::Section)
            }
        };
        if let Some(selection) = selection {
            self.select(selection);
        }
    }
}
