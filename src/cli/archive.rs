//! `jianbao archive DIR`: the issues of an archive folder, listed or
//! searched, with what is wrong in their numbering.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;

use crate::archive::chase::{Window, overdue, to_csv, year_figures};
use crate::archive::numbering;
use crate::archive::search::{Query, search};
use crate::archive::{Archive, Entry, relative_path};
use crate::i18n::Wording;
use crate::i18n::{Lang, messages};

/// At most this many search results are printed.
const LIMIT: usize = 200;

/// What to do with the archive.
pub enum Action {
    List,
    Search(Query),
    /// The units with nothing in the window, and the reminder for them.
    Overdue(Window),
    /// A year's figures per unit as CSV: to the file, or printed.
    Figures {
        year: i32,
        output: Option<PathBuf>,
    },
}

/// 0 when the folder was read (even with unreadable files in it, which are
/// reported), 2 when it is not a folder.
pub fn archive(folder: &Path, action: Action, lang: Lang) -> ExitCode {
    let archive = match read(folder, lang) {
        Ok(archive) => archive,
        Err(code) => return code,
    };
    let status = match action {
        Action::List => {
            list(&archive, lang);
            ExitCode::SUCCESS
        }
        Action::Search(query) => {
            find(&archive, &query, lang);
            ExitCode::SUCCESS
        }
        Action::Overdue(window) => {
            chase(&archive, window, lang);
            ExitCode::SUCCESS
        }
        Action::Figures { year, output } => figures(&archive, year, output.as_deref(), lang),
    };
    for failure in &archive.failures {
        warn!("{}", failure.error.message(lang));
    }
    status
}

/// The archive in `folder`, or exit code 2 (said) when it is not a folder.
pub(super) fn read(folder: &Path, lang: Lang) -> Result<Archive, ExitCode> {
    if !folder.is_dir() {
        warn!(
            "{}",
            messages::with_file(folder, messages::not_a_folder(lang), lang)
        );
        return Err(ExitCode::from(2));
    }
    Ok(Archive::scan(folder, &mut |_, _| {}))
}

fn chase(archive: &Archive, window: Window, lang: Lang) {
    let late = overdue(archive, &archive.expected_units(), window);
    for unit in &late {
        say!("{}", messages::overdue_line(unit, lang));
    }
    if !late.is_empty() {
        let units: Vec<&str> = late.iter().map(|o| o.unit.as_str()).collect();
        say!("\n{}", messages::chase_reminder(&units, window, lang));
    }
}

/// 0 when written, 2 when the file could not be.
fn figures(archive: &Archive, year: i32, output: Option<&Path>, lang: Lang) -> ExitCode {
    let rows = year_figures(archive, &archive.expected_units(), year);
    let csv = to_csv(&rows, messages::figures_header(lang));
    let Some(path) = output else {
        say!("{}", csv.trim_start_matches('\u{feff}').trim_end());
        return ExitCode::SUCCESS;
    };
    match crate::store::write_atomically(path, csv.as_bytes()) {
        Ok(()) => {
            say!("{}", messages::exported(path, lang));
            ExitCode::SUCCESS
        }
        Err(error) => {
            let text = messages::io_error(&error.into_io(), lang);
            warn!("{}", messages::with_file(path, &text, lang));
            ExitCode::from(2)
        }
    }
}

fn date(entry: &Entry) -> String {
    entry
        .date
        .map(|d| d.to_string())
        .unwrap_or_else(|| "----------".to_owned())
}

fn list(archive: &Archive, lang: Lang) {
    let mut entries: Vec<&Entry> = archive.entries.iter().collect();
    entries.sort_by_key(|e| (e.date, e.total_number, e.number));
    for e in &entries {
        say!(
            "{}  {}  {}  {}  {}  {}  {}",
            date(e),
            e.name,
            messages::issue_number(e.number, e.supplement, lang),
            messages::total_number(e.total_number, lang),
            messages::status_label(e.status, lang),
            messages::article_count(e.articles.len(), lang),
            relative_path(&archive.folder, &e.path)
        );
    }
    say!("{}", messages::issue_total(entries.len(), lang));
    for problem in numbering::problems(&archive.entries) {
        say!(
            "{}",
            messages::numbering_problem(&problem, &archive.folder, lang)
        );
    }
}

fn find(archive: &Archive, query: &Query, lang: Lang) {
    let (hits, total) = search(archive, query, LIMIT);
    for hit in &hits {
        let e = &archive.entries[hit.entry];
        say!(
            "{} {} · {}{}…{}[{}]{}…  {}",
            date(e),
            messages::issue_number(e.number, e.supplement, lang),
            hit.unit,
            messages::sep(lang),
            hit.before,
            hit.matched,
            hit.after,
            relative_path(&archive.folder, &e.path)
        );
    }
    say!("{}", messages::match_total(total, hits.len(), lang));
}

/// Parses a date given on the command line: 2021-02-25.
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("“{text}” is not a date like 2021-02-25"))
}
