//! `jianbao check` and `jianbao lint`: what is wrong in drafts, a line
//! per problem with its place, or that a draft is clean.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::app::repeats::RepeatFinder;
use crate::archive::reuse::ReuseIndex;
use crate::i18n::Wording;
use crate::i18n::{Lang, S, messages};
use crate::lint::Rule;
use crate::store;
use crate::typeset::FontSet;

/// `jianbao check`: 0 clean, 1 problems, 2 unreadable.
pub(super) fn check(files: &[PathBuf], lang: Lang) -> ExitCode {
    let mut worst = 0u8;
    for path in files {
        match store::load(path) {
            Err(error) => {
                warn!("{}", error.message(lang));
                worst = 2;
            }
            Ok(issue) => {
                let problems = issue.validate();
                // Control characters break Word files: as much a problem
                // of the draft as a missing field.
                let everything = |_: char| true;
                let cx = crate::lint::Context {
                    today: chrono::Local::now().date_naive(),
                    covers: &everything,
                    earlier: None,
                    measure_mm: crate::typeset::PAGE.type_width(),
                };
                let control: Vec<String> = crate::lint::lint(&issue, &cx)
                    .into_iter()
                    .filter(|f| f.rule == Rule::ControlCharacter)
                    .map(|f| messages::finding_with_place(&f, lang))
                    .collect();
                let lines = problems
                    .iter()
                    .map(|p| messages::problem_with_place(p, lang))
                    .chain(control);
                if !report(path, lines, lang) {
                    worst = worst.max(1);
                }
            }
        }
    }
    ExitCode::from(worst)
}

/// `jianbao lint`: 0 clean, 1 findings, 2 unreadable or unsaved.
pub(super) fn lint(
    files: &[PathBuf],
    fix: bool,
    rules: &[Rule],
    archive_folder: Option<&Path>,
    lang: Lang,
) -> ExitCode {
    let fonts = FontSet::with_system();
    let covers = |c: char| fonts.covers(c);
    let cx = crate::lint::Context {
        today: chrono::Local::now().date_naive(),
        covers: &covers,
        earlier: None,
        measure_mm: crate::typeset::PAGE.type_width(),
    };
    // Past issues, for repeated copy.
    let archive = match archive_folder.map(|folder| super::archive::read(folder, lang)) {
        Some(Ok(archive)) => {
            let index = ReuseIndex::build(&archive);
            Some((archive, index))
        }
        Some(Err(code)) => return code,
        None => None,
    };
    let wanted = |f: &crate::lint::Finding| rules.is_empty() || rules.contains(&f.rule);
    let mut worst = 0u8;
    for path in files {
        let mut issue = match store::load(path) {
            Ok(issue) => issue,
            Err(error) => {
                warn!("{}", error.message(lang));
                worst = 2;
                continue;
            }
        };
        if fix {
            let fixed = crate::lint::fix_all(&mut issue, &cx, &wanted);
            if fixed > 0 {
                // The one guarded save: someone's lock, a read-only file or
                // an approved issue refuse it; an older format is kept.
                let result = store::save(path, &issue);
                if let Err(store::SaveError::ContentLocked { .. }) = &result {
                    super::draft::saved(result, lang);
                    worst = worst.max(1);
                    continue;
                }
                if !super::draft::saved(result, lang) {
                    worst = 2;
                    continue;
                }
                say!(
                    "{}",
                    messages::with_file(path, &messages::fixed(fixed, lang), lang)
                );
            }
        }
        let finder = archive
            .as_ref()
            .map(|(archive, index)| RepeatFinder::new(archive, index, &issue, Some(path)));
        let earlier = |text: &str| finder.as_ref().and_then(|f| f.find(text));
        let cx = crate::lint::Context {
            earlier: finder.is_some().then_some(&earlier as &dyn Fn(&str) -> _),
            ..cx
        };
        let findings = crate::lint::lint(&issue, &cx)
            .into_iter()
            .filter(|f| wanted(f));
        let lines = findings.map(|f| messages::finding_with_place(&f, lang));
        if !report(path, lines, lang) {
            worst = worst.max(1);
        }
    }
    ExitCode::from(worst)
}

/// Prints what was found in a file, a line each, or that it is clean.
/// Returns whether it was clean.
pub(super) fn report(path: &Path, found: impl Iterator<Item = String>, lang: Lang) -> bool {
    let mut clean = true;
    for line in found {
        clean = false;
        say!("{}", messages::with_file(path, &line, lang));
    }
    if clean {
        say!(
            "{}",
            messages::with_file(path, S::CheckClean.get(lang), lang)
        );
    }
    clean
}

pub(super) fn parse_rule(id: &str) -> Result<Rule, String> {
    Rule::from_id(id).ok_or_else(|| {
        let known: Vec<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
        format!("unknown rule “{id}” (rules: {})", known.join(", "))
    })
}
