//! The questions the editor waits on, and the user's answers: data only.
//! The views show a [`Question`] and return an [`Answer`];
//! [`super::Editor::answer`] acts on it.

use std::path::PathBuf;

use super::Command;
use crate::model::Status;
// What the questions carry, for the views that show them.
pub use crate::store::lock::LockOwner;
pub use crate::store::recovery::Found;

/// A question the editor is waiting on. While one is asked, the
/// application shortcuts are off.
#[derive(Debug)]
pub enum Question {
    /// Save changes before running this command?
    Unsaved(Command),
    /// Someone else has this draft open.
    Locked { path: PathBuf, owner: LockOwner },
    /// Break that lock? (Named, confirmed.)
    BreakLock { path: PathBuf, owner: LockOwner },
    /// Write over this existing file? (The file dialog did not ask: the
    /// extension was added after it.) A PDF export, or a Save As.
    Replace { path: PathBuf, pdf: bool },
    /// The file changed on disk since it was opened; save anyway?
    ChangedOnDisk,
    /// Unsaved work found at start-up, or when its draft was opened.
    Recover(Vec<Found>),
    /// Confirm a status change, with a note for the history (typed into
    /// the question).
    Status { to: Status, note: String },
    /// The user's name, asked once, before it first goes on a comment or
    /// a status change; then the command runs.
    Name { name: String, then: Command },
    /// The issue is not approved: export anyway?
    ExportUnapproved(Command),
    /// The archive's numbering has problems (after New from latest).
    Numbering(Vec<String>),
    /// What is odd about the issues a volume binds (it is made anyway).
    VolumeNotes(Vec<String>),
    /// No file dialog could be shown: the path, typed; then the command
    /// that wanted it runs again.
    TypePath {
        kind: super::PathKind,
        text: String,
        then: Command,
    },
}

/// The answer to "save changes?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnsavedAnswer {
    Save,
    Discard,
    Cancel,
}

/// The answer to "someone else has it open".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LockedAnswer {
    ReadOnly,
    /// Break the lock (after a confirmation naming its owner).
    Break,
    Cancel,
}

/// The answer to "the file changed on disk since you opened it".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangedAnswer {
    Overwrite,
    SaveAs,
    Reload,
    Cancel,
}

/// What to do with one piece of recovered work (by its place in the list).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecoverAnswer {
    Restore(usize),
    Compare(usize),
    Discard(usize),
    Later,
}

/// The user's answer to the question being asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    Unsaved(UnsavedAnswer),
    Locked(LockedAnswer),
    Changed(ChangedAnswer),
    Recover(RecoverAnswer),
    /// Yes or no to a confirmation (break the lock, replace, change the
    /// status, the name, export unapproved), or OK to a notice.
    Confirm(bool),
}
