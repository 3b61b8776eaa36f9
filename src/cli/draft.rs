//! `jianbao new` and `jianbao import`: write a draft, never over an
//! existing file unless asked.

use std::path::Path;
use std::process::ExitCode;

use crate::i18n::Wording;
use crate::i18n::{Lang, S, messages};
use crate::model::Issue;
use crate::store;

/// `jianbao import FILE -o DRAFT`.
pub(super) fn import(file: &Path, output: &Path, force: bool, lang: Lang) -> ExitCode {
    if output.exists() && !force {
        warn!("{}", messages::refuse_overwrite(output, lang));
        return ExitCode::from(2);
    }
    let bytes = match store::read_bounded(file) {
        Ok(bytes) => bytes,
        Err(error) => {
            warn!("{}", error.message(lang));
            return ExitCode::from(2);
        }
    };
    let text = crate::import::decode_text(&bytes);
    let issue = match crate::import::bulletin_from_text(&text) {
        Ok(issue) => issue,
        Err(error) => {
            warn!("{}", messages::with_file(file, &error.message(lang), lang));
            return ExitCode::from(2);
        }
    };
    if saved(store::save(output, &issue), lang) {
        say!("{}", messages::imported(&issue, output, lang));
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}

/// `jianbao new -o FILE`.
pub(super) fn new(output: &Path, force: bool, lang: Lang) -> ExitCode {
    if output.exists() && !force {
        warn!("{}", messages::refuse_overwrite(output, lang));
        return ExitCode::from(2);
    }
    let issue = Issue::new(chrono::Local::now().date_naive());
    if saved(store::save(output, &issue), lang) {
        say!(
            "{}",
            messages::with_file(output, S::NewWritten.get(lang), lang)
        );
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}

/// Whether a save reached the file; says why not, or that it could not be
/// confirmed on disk.
pub(super) fn saved(result: Result<(), store::SaveError>, lang: Lang) -> bool {
    match result {
        Ok(()) => true,
        Err(error) => {
            warn!("{}", error.message(lang));
            error.saved_anyway()
        }
    }
}
