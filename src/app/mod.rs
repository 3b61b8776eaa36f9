//! The editor's state apart from any widget: the open draft with its undo
//! history, what is selected, the settings, the typesetting worker, the
//! archive watcher, and the file dialogs. The `ui` module draws it.

pub mod archive;
pub mod autosave;
pub mod files;
pub mod selection;
pub mod session;
pub mod settings;
pub mod worker;

pub use selection::Selection;
pub use session::Session;
pub use settings::{Settings, Theme};
