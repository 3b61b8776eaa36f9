//! Why a draft could not be read or written. Every variant names the file;
//! every problem found in the text names the line and column (1-based,
//! columns in characters), so a user can find it in any text editor.
//! The wording, in both UI languages, is chosen above this module (the
//! `i18n` module's `Wording`); `Display` here is technical.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// A place in a file's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    pub const START: Position = Position { line: 1, column: 1 };

    /// The position of byte offset `at` in `text` (clamped to the text).
    pub fn of(text: &str, at: usize) -> Position {
        let mut at = at.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let before = &text[..at];
        Position {
            line: 1 + before.matches('\n').count(),
            column: 1 + before.rsplit('\n').next().map_or(0, |l| l.chars().count()),
        }
    }
}

#[derive(Debug)]
pub enum LoadError {
    /// The file could not be read: missing, a folder, no permission, …
    Read { path: PathBuf, source: io::Error },
    /// Not a regular file (a FIFO, a device, a socket); refused unopened.
    NotAFile { path: PathBuf },
    /// Describes more than any real issue (see `store::limits`); refused
    /// before it could exhaust memory or time. `at` is known when the
    /// text itself was counted.
    Limit {
        path: PathBuf,
        at: Option<Position>,
        exceeded: super::LimitExceeded,
    },
    /// Larger than any draft could be; refused unread.
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    /// Nothing in the file but whitespace.
    Empty { path: PathBuf },
    /// UTF-16 text (from some Windows editors); drafts are UTF-8.
    Utf16 { path: PathBuf },
    /// Bytes that are not UTF-8 (GBK text, binary data) start here.
    NotUtf8 { path: PathBuf, at: Position },
    /// Not valid RON, or valid RON of the wrong shape.
    Syntax {
        path: PathBuf,
        at: Position,
        error: ron::Error,
    },
    /// Valid RON without a `schema` version: not a Jianbao draft.
    NoSchema { path: PathBuf },
    /// Written by a newer Jianbao; `at` is where the version stands.
    TooNew {
        path: PathBuf,
        at: Position,
        found: u32,
        supported: u32,
    },
}

impl LoadError {
    pub(super) fn syntax(path: &Path, error: ron::error::SpannedError) -> Self {
        LoadError::Syntax {
            path: path.into(),
            at: Position {
                line: error.span.start.line,
                column: error.span.start.col,
            },
            error: error.code,
        }
    }

    pub fn path(&self) -> &Path {
        match self {
            LoadError::Read { path, .. }
            | LoadError::NotAFile { path }
            | LoadError::Limit { path, .. }
            | LoadError::TooLarge { path, .. }
            | LoadError::Empty { path }
            | LoadError::Utf16 { path }
            | LoadError::NotUtf8 { path, .. }
            | LoadError::Syntax { path, .. }
            | LoadError::NoSchema { path }
            | LoadError::TooNew { path, .. } => path,
        }
    }

    /// Where in the text the problem is. Problems with the whole text (empty,
    /// UTF-16, no version) point at its start; only a file that could not be
    /// read at all has no place.
    pub fn position(&self) -> Option<Position> {
        match self {
            LoadError::NotUtf8 { at, .. }
            | LoadError::Syntax { at, .. }
            | LoadError::TooNew { at, .. } => Some(*at),
            LoadError::Empty { .. } | LoadError::Utf16 { .. } | LoadError::NoSchema { .. } => {
                Some(Position::START)
            }
            LoadError::Limit { at, .. } => *at,
            LoadError::Read { .. } | LoadError::NotAFile { .. } | LoadError::TooLarge { .. } => {
                None
            }
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path().display())?;
        if let Some(Position { line, column }) = self.position() {
            write!(f, ":{line}:{column}")?;
        }
        write!(f, ": {self:?}")
    }
}

impl std::error::Error for LoadError {}

#[derive(Debug)]
pub enum SaveError {
    /// The issue could not be turned into RON (a bug, not a user error).
    Serialize(ron::Error),
    /// Writing or renaming failed; the file on disk is as it was.
    Write { path: PathBuf, source: io::Error },
    /// The new file is in place, but the system could not confirm it
    /// reached the disk (flushing the folder failed). Counts as saved.
    NotDurable { path: PathBuf, source: io::Error },
    /// Someone else holds the draft's lock; nothing was written.
    Locked {
        path: PathBuf,
        owner: Box<super::lock::LockOwner>,
    },
    /// The file is read-only; nothing was written.
    ReadOnly { path: PathBuf },
    /// The issue exceeds a limit, so it could not be read back; nothing
    /// was written.
    Limit {
        path: PathBuf,
        exceeded: super::LimitExceeded,
    },
    /// The draft on disk is approved or issued and the save would change
    /// its content without reopening it; nothing was written.
    ContentLocked {
        path: PathBuf,
        status: crate::model::Status,
    },
}

impl SaveError {
    /// Whether the new version is on disk despite the error.
    pub fn saved_anyway(&self) -> bool {
        matches!(self, SaveError::NotDurable { .. })
    }
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "saving failed: {self:?}")
    }
}

impl std::error::Error for SaveError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let text = "第一行\n第二行的字";
        assert_eq!(Position::of(text, 0), Position::START);
        assert_eq!(
            Position::of(text, text.find('的').expect("there")),
            Position { line: 2, column: 4 }
        );
        // Inside a character or past the end: clamped, never a panic.
        assert_eq!(Position::of(text, 1), Position::START);
        assert_eq!(Position::of(text, 999), Position { line: 2, column: 6 });
    }
}
