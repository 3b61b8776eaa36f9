//! Why a draft could not be read or written. Every variant names the file;
//! parse errors name the line and column (1-based, columns in characters).
//! The wording, in both UI languages, is in [`crate::i18n::messages`].

use std::fmt;
use std::io;
use std::path::PathBuf;

use crate::i18n::{Lang, messages};

#[derive(Debug)]
pub enum LoadError {
    /// The file could not be read: missing, a folder, no permission, …
    Read { path: PathBuf, source: io::Error },
    /// Nothing in the file but whitespace.
    Empty { path: PathBuf },
    /// UTF-16 text (from some Windows editors); drafts are UTF-8.
    Utf16 { path: PathBuf },
    /// Bytes that are not UTF-8 (GBK text, binary data) start here.
    NotUtf8 {
        path: PathBuf,
        line: usize,
        column: usize,
    },
    /// Not valid RON, or valid RON of the wrong shape.
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        error: ron::Error,
    },
    /// Valid RON without a `schema` version: not a Jianbao draft.
    NoSchema { path: PathBuf },
    /// Written by a newer Jianbao.
    TooNew {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
}

impl LoadError {
    pub(super) fn syntax(path: &std::path::Path, error: ron::error::SpannedError) -> Self {
        LoadError::Syntax {
            path: path.into(),
            line: error.span.start.line,
            column: error.span.start.col,
            error: error.code,
        }
    }

    pub fn path(&self) -> &std::path::Path {
        match self {
            LoadError::Read { path, .. }
            | LoadError::Empty { path }
            | LoadError::Utf16 { path }
            | LoadError::NotUtf8 { path, .. }
            | LoadError::Syntax { path, .. }
            | LoadError::NoSchema { path }
            | LoadError::TooNew { path, .. } => path,
        }
    }

    /// Line and column, when the error has a place in the text.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            LoadError::NotUtf8 { line, column, .. } | LoadError::Syntax { line, column, .. } => {
                Some((*line, *column))
            }
            _ => None,
        }
    }

    /// A full sentence for the user: file, place, what is wrong.
    pub fn message(&self, lang: Lang) -> String {
        messages::load_error(self, lang)
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::default()))
    }
}

impl std::error::Error for LoadError {}

#[derive(Debug)]
pub enum SaveError {
    /// The issue could not be turned into RON (a bug, not a user error).
    Serialize(ron::Error),
    /// Writing or renaming failed; the file on disk is as it was.
    Write { path: PathBuf, source: io::Error },
}

impl SaveError {
    pub fn message(&self, lang: Lang) -> String {
        messages::save_error(self, lang)
    }
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::default()))
    }
}

impl std::error::Error for SaveError {}
