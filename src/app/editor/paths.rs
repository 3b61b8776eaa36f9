//! Where the core asks for a file or folder: through the system's file
//! dialogs, or, on a system that has none (no portal, no zenity), through a
//! path typed into a question of its own, after which the command that
//! wanted the path runs again and takes the typed one.

use std::path::{Path, PathBuf};

use super::{Command, Editor, Question};
use crate::app::files::FileDialogs;
use crate::i18n::{Lang, S};

/// What kind of path is wanted, for the typed fallback.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathKind {
    /// An existing file to read.
    File,
    /// A file to write (the name suggested is filled in).
    NewFile,
    Folder,
}

impl Editor {
    /// The path the user chose with `ask`, or the one typed into the
    /// fallback question for this command. When the dialog could not be
    /// shown, the question is asked and `None` returned; the command runs
    /// again once it is answered.
    pub(super) fn choose_path(
        &mut self,
        kind: PathKind,
        suggested: &str,
        ask: impl FnOnce(&mut dyn FileDialogs, Lang) -> Option<PathBuf>,
    ) -> Option<PathBuf> {
        if let Some(typed) = self.typed_path.take() {
            return Some(typed);
        }
        let lang = self.lang();
        let chosen = ask(self.dialogs.as_mut(), lang);
        if chosen.is_none() && self.dialogs.unavailable() {
            match self.running.clone() {
                Some(then) => {
                    self.question = Some(Question::TypePath {
                        kind,
                        text: self.place_for(suggested),
                        then,
                    })
                }
                None => self.error = Some(S::NoFileDialog.get(lang).to_owned()),
            }
        }
        chosen
    }

    /// The typed path, from the fallback question: the command that
    /// wanted it runs again and takes it.
    pub(super) fn use_typed_path(&mut self, text: &str, then: Command) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        self.typed_path = Some(expand_home(text));
        self.ask_or_execute(then);
        // A command that did not ask for a path leaves none behind.
        self.typed_path = None;
    }

    /// A starting point for a typed path: the draft's folder (else the
    /// home folder), with `name` when there is one.
    fn place_for(&self, name: &str) -> String {
        let folder = self
            .session()
            .and_then(|s| s.path())
            .and_then(Path::parent)
            .map(Path::to_owned)
            .or_else(|| std::env::var_os("HOME").map(PathBuf::from))
            .unwrap_or_default();
        folder.join(name).display().to_string()
    }
}

/// `~/x` as the home folder's `x`.
fn expand_home(text: &str) -> PathBuf {
    match (text.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(text),
    }
}
