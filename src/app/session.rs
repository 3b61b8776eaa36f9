//! One open issue: the draft being edited, where it lives on disk, what was
//! last saved, and its undo history.

use std::path::{Path, PathBuf};

use egui::util::undoer::{Settings as UndoSettings, Undoer};

use crate::i18n::{Lang, S};
use crate::model::Issue;
use crate::store::{self, LoadError, SaveError};

/// The open draft.
///
/// Invariants: `saved` is the issue as it is on disk at `path` (or the
/// issue the session started from, for a new draft), so the draft is
/// unsaved exactly when `issue != saved`. Undo works on whole snapshots of
/// the issue (egui's `Undoer`), so every edit — typing, reordering,
/// deleting — is undoable without hand-written commands.
pub struct Session {
    pub issue: Issue,
    path: Option<PathBuf>,
    saved: Issue,
    undoer: Undoer<Issue>,
}

impl Session {
    /// A new draft that has never been saved.
    pub fn untitled(issue: Issue) -> Self {
        Self {
            saved: issue.clone(),
            issue,
            path: None,
            undoer: new_undoer(),
        }
    }

    /// Opens a draft from disk. The file is only read.
    pub fn open(path: &Path) -> Result<Self, LoadError> {
        let issue = store::load(path)?;
        Ok(Self {
            saved: issue.clone(),
            issue,
            path: Some(path.to_owned()),
            undoer: new_undoer(),
        })
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Unsaved changes?
    pub fn is_dirty(&self) -> bool {
        self.issue != self.saved
    }

    /// The file name shown in the title bar, or 未命名 / Untitled.
    pub fn display_name(&self, lang: Lang) -> String {
        self.path
            .as_deref()
            .and_then(Path::file_name)
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| S::Untitled.get(lang).to_owned())
    }

    /// Saves to the draft's own file; `None` for a draft that has none yet
    /// (then ask for one and use [`Session::save_as`]).
    pub fn save(&mut self) -> Option<Result<(), SaveError>> {
        let path = self.path.clone()?;
        Some(self.save_as(&path))
    }

    /// Saves to `path`, which becomes the draft's file.
    pub fn save_as(&mut self, path: &Path) -> Result<(), SaveError> {
        store::save(path, &self.issue)?;
        self.saved = self.issue.clone();
        self.path = Some(path.to_owned());
        Ok(())
    }

    /// Gives up the edits since the last save.
    pub fn revert(&mut self) {
        self.issue = self.saved.clone();
    }

    /// Marks the current state as an undo point before a structural edit,
    /// so that the edit is undone on its own.
    pub fn checkpoint(&mut self) {
        self.undoer.add_undo(&self.issue);
    }

    /// Feeds the current state to the undo history; call once per frame.
    pub fn end_frame(&mut self, now: f64) {
        self.undoer.feed_state(now, &self.issue);
    }

    pub fn can_undo(&self) -> bool {
        self.undoer.has_undo(&self.issue)
    }

    pub fn can_redo(&self) -> bool {
        self.undoer.has_redo(&self.issue)
    }

    pub fn undo(&mut self) -> bool {
        match self.undoer.undo(&self.issue) {
            Some(previous) => {
                self.issue = previous.clone();
                true
            }
            None => false,
        }
    }

    pub fn redo(&mut self) -> bool {
        match self.undoer.redo(&self.issue) {
            Some(next) => {
                self.issue = next.clone();
                true
            }
            None => false,
        }
    }
}

fn new_undoer() -> Undoer<Issue> {
    Undoer::with_settings(UndoSettings {
        max_undos: 200,
        // A pause of this long in typing ends one undo step.
        stable_time: 0.8,
        auto_save_interval: 20.0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dirty_tracks_the_file_not_the_history() {
        let mut session = Session::untitled(crate::sample::issue());
        session.end_frame(0.0);
        assert!(!session.is_dirty());
        session.issue.masthead.name.push('！');
        assert!(session.is_dirty());
        session.issue.masthead.name.pop();
        assert!(
            !session.is_dirty(),
            "typing and erasing leaves nothing to save"
        );
    }

    #[test]
    fn a_structural_edit_undoes_on_its_own_and_redoes() {
        let mut session = Session::untitled(crate::sample::issue());
        session.end_frame(0.0);
        let id = session.issue.sections[0].articles[0].id;
        session.checkpoint();
        session.issue.delete_article(id);
        session.end_frame(0.1);
        assert!(session.undo());
        assert_eq!(session.issue, crate::sample::issue());
        assert!(session.redo());
        assert!(session.issue.find_article(id).is_none());
    }

    #[test]
    fn save_as_then_reopen_gives_the_same_issue() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("第12期.ron");
        let mut session = Session::untitled(crate::sample::issue());
        session.issue.masthead.number = 12;
        session.save_as(&path).expect("saves");
        assert!(!session.is_dirty());
        assert_eq!(session.display_name(Lang::Zh), "第12期.ron");
        let reopened = Session::open(&path).expect("opens");
        assert_eq!(reopened.issue, session.issue);
    }
}
