//! `jianbao new` and `jianbao import`: write a draft, never over an
//! existing file unless asked.

use std::path::Path;
use std::process::ExitCode;

use crate::i18n::Wording;
use crate::i18n::{Lang, S, messages};
use crate::model::{Issue, Profile};
use crate::store;

/// `jianbao import FILE -o DRAFT`.
pub(super) fn import(
    file: &Path,
    output: &Path,
    profile: Option<&Path>,
    force: bool,
    lang: Lang,
) -> ExitCode {
    if output.exists() && !force {
        warn!("{}", messages::refuse_overwrite(output, lang));
        return ExitCode::from(2);
    }
    let profile = match profile.map(|p| read_profile(p, lang)).transpose() {
        Ok(profile) => profile,
        Err(code) => return code,
    };
    let profile = profile.as_ref();
    let bytes = match store::read_bounded(file) {
        Ok(bytes) => bytes,
        Err(error) => {
            warn!("{}", error.message(lang));
            return ExitCode::from(2);
        }
    };
    let text = crate::import::decode_text(&bytes);
    let issue = match crate::import::bulletin_from_text(&text, profile) {
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

/// `jianbao import FILE --into DRAFT [--section N]`: one article, from a
/// Word or text file, added to the end of section N (the last by
/// default) of the draft, through the guarded save.
pub(super) fn import_article(
    file: &Path,
    into: &Path,
    section: Option<usize>,
    lang: Lang,
) -> ExitCode {
    let mut issue = match store::load(into) {
        Ok(issue) => issue,
        Err(error) => {
            warn!("{}", error.message(lang));
            return ExitCode::from(2);
        }
    };
    let bytes = match store::read_bounded(file) {
        Ok(bytes) => bytes,
        Err(error) => {
            warn!("{}", error.message(lang));
            return ExitCode::from(2);
        }
    };
    let article = match crate::import::article_from_file(file, &bytes, &issue) {
        Ok(article) => article,
        Err(error) => {
            warn!("{}", messages::with_file(file, &error.message(lang), lang));
            return ExitCode::from(2);
        }
    };
    if issue.sections.is_empty() {
        issue.add_section();
    }
    let count = issue.sections.len();
    let index = match section {
        None => count - 1,
        Some(n) if (1..=count).contains(&n) => n - 1,
        Some(n) => {
            warn!("{}", messages::no_such_section(into, n, count, lang));
            return ExitCode::from(2);
        }
    };
    let summary = messages::article_added(&article.unit, index, lang);
    issue.sections[index].articles.push(article);
    if saved(store::save(into, &issue), lang) {
        say!("{}", messages::with_file(into, &summary, lang));
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}

/// The profile in `path`, or exit code 2 (said).
fn read_profile(path: &Path, lang: Lang) -> Result<Profile, ExitCode> {
    store::load_profile(path).map_err(|error| {
        warn!("{}", error.message(lang));
        ExitCode::from(2)
    })
}

/// `jianbao new [--profile FILE] -o FILE`. From a profile, every default
/// is filled in, and the issue is numbered after the drafts kept beside
/// the profile (its archive folder).
pub(super) fn new(output: &Path, profile: Option<&Path>, force: bool, lang: Lang) -> ExitCode {
    if output.exists() && !force {
        warn!("{}", messages::refuse_overwrite(output, lang));
        return ExitCode::from(2);
    }
    let today = chrono::Local::now().date_naive();
    let issue = match profile {
        None => Issue::new(today),
        Some(path) => {
            let profile = match read_profile(path, lang) {
                Ok(profile) => profile,
                Err(code) => return code,
            };
            let folder = path.parent().filter(|p| !p.as_os_str().is_empty());
            let archive =
                crate::archive::Archive::scan(folder.unwrap_or(Path::new(".")), &mut |_, _| {});
            crate::archive::numbering::issue_from_profile(&profile, &archive.entries, today)
        }
    };
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
