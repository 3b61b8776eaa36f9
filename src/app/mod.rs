//! The editor apart from any widget. [`Editor`] is its core: the open
//! draft with its undo history, what is selected, the settings, the
//! typesetting worker, the archive watcher, autosave and the file dialogs,
//! driven by [`Command`]s. The `ui` module draws it and hands it commands.

pub mod archive;
pub mod autosave;
pub mod editor;
pub mod files;
pub mod profiles;
pub mod repeats;
pub mod selection;
pub mod session;
pub mod settings;
pub mod volume;
pub mod worker;

pub use editor::{
    Answer, Command, CommentAction, Editor, Effect, OutlineAction, ProblemAction, Question, Window,
};
pub use selection::Selection;
pub use session::Session;
pub use settings::{Settings, Theme};
