//! `jianbao compile DIR --year 2021 -o 2021.pdf`: a year's issues bound
//! into one volume (合订本), with what is missing or odd said first.

use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use crate::archive::{Archive, volume};
use crate::i18n::Wording;
use crate::i18n::{Lang, messages};
use crate::store;
use crate::typeset::FontSet;

/// What goes into the volume.
pub struct Choice {
    pub year: i32,
    /// Only issues whose status is 已签发.
    pub issued_only: bool,
    pub bundled_fonts: bool,
}

/// 0 when written; 1 when the year has no issue; 2 when the folder, an
/// issue or the PDF cannot be read or written.
pub fn compile(folder: &Path, choice: &Choice, output: &Path, lang: Lang) -> ExitCode {
    if !folder.is_dir() {
        warn!(
            "{}",
            messages::with_file(folder, messages::not_a_folder(lang), lang)
        );
        return ExitCode::from(2);
    }
    let archive = Archive::scan(folder, &mut |_, _| {});
    let chosen = volume::issues_of(&archive, choice.year, choice.issued_only);
    if chosen.is_empty() {
        warn!("{}", messages::volume_empty(choice.year, lang));
        return ExitCode::from(1);
    }
    // What is odd, said before the volume is made of it.
    for line in messages::volume_oddities(&chosen, folder, lang) {
        warn!("{line}");
    }
    let mut issues = Vec::with_capacity(chosen.len());
    for entry in &chosen {
        match store::load(&entry.path) {
            Ok(issue) => issues.push(issue),
            Err(error) => {
                warn!("{}", error.message(lang));
                return ExitCode::from(2);
            }
        }
    }
    let fonts = if choice.bundled_fonts {
        FontSet::bundled()
    } else {
        FontSet::with_system()
    };
    let title = issues
        .last()
        .map(|i| i.masthead.name.trim().to_owned())
        .unwrap_or_default();
    let subtitle = messages::volume_subtitle(choice.year, lang);
    let written = crate::typeset::compile_volume(Arc::new(fonts), &issues, &title, &subtitle)
        .map_err(|e| e.message(lang))
        .and_then(|doc| crate::export::pdf(&doc, output).map_err(|e| e.message(lang)));
    match written {
        Ok(()) => {
            say!("{}", messages::volume_written(issues.len(), output, lang));
            ExitCode::SUCCESS
        }
        Err(message) => {
            warn!("{}", messages::with_file(output, &message, lang));
            ExitCode::from(2)
        }
    }
}
