//! The editor window. For now a minimal window that shows the opened issue;
//! the full editor replaces it.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::i18n::{Lang, messages};
use crate::store;

/// Opens the editor window, with `file` loaded when given.
pub fn run(file: Option<PathBuf>, lang: Lang) -> ExitCode {
    let status = match &file {
        None => String::new(),
        Some(path) => match store::load(path) {
            Ok(issue) => format!("{} {}", issue.masthead.name, issue.masthead.number_text()),
            Err(error) => messages::load_error(&error, lang),
        },
    };
    let result = eframe::run_ui_native(
        "简报 Jianbao",
        eframe::NativeOptions::default(),
        move |ui, _| {
            ui.label(&status);
        },
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{error}");
            ExitCode::from(2)
        }
    }
}
