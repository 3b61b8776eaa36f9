//! `jianbao export`: drafts to PDF, Word, HTML, text and page images,
//! by format list and name pattern or to one PDF with `-o`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use crate::export::{self, Copies, ExportError, Format, Plan, Target};
use crate::i18n::Wording;
use crate::i18n::{Lang, S, messages};
use crate::model::Issue;
use crate::store;
use crate::typeset::{Typesetter, serial_text};

/// What `jianbao export` was asked for.
pub(super) struct ExportRequest {
    pub(super) formats: Vec<Format>,
    pub(super) output: Option<PathBuf>,
    pub(super) png_dir: Option<PathBuf>,
    pub(super) pattern: String,
    pub(super) copies: Option<Copies>,
    pub(super) scale: f32,
    /// Replace files that exist (never a draft).
    pub(super) force: bool,
}

impl ExportRequest {
    /// The files to write for one draft, or why the arguments do not work.
    fn targets(
        &self,
        file: &Path,
        issue: &Issue,
        several: bool,
        lang: Lang,
    ) -> Result<Vec<Target>, String> {
        if !self.formats.is_empty() {
            let stem = file.file_stem().unwrap_or_default().to_string_lossy();
            let plan = Plan {
                formats: self.formats.clone(),
                folder: self.output.clone().unwrap_or_else(|| PathBuf::from(".")),
                pattern: self.pattern.replace("{file}", &stem),
                copies: self.copies,
                png_scale: self.scale,
            };
            return Ok(plan.targets(issue));
        }
        if several {
            return Err(S::ExportSeveralNeedsFormat.get(lang).to_owned());
        }
        let mut targets = Vec::new();
        if let Some(pdf) = &self.output {
            // `-o issue.docx` alone would write a PDF under a Word name.
            let extension = pdf
                .extension()
                .map(|e| e.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            if ["docx", "html", "htm", "txt", "png"].contains(&extension.as_str()) {
                return Err(messages::export_output_not_pdf(pdf, &extension, lang));
            }
            let stem = pdf
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            targets.extend(export::pdf_targets(self.copies, |copy| match copy {
                Some(serial) => pdf.with_file_name(format!("{stem}-{}.pdf", serial_text(serial))),
                None => pdf.clone(),
            }));
        }
        if let Some(dir) = &self.png_dir {
            let stem = file
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            targets.push(Target {
                format: Format::Png,
                path: dir.join(format!("{stem}-01.png")),
                copies: Vec::new(),
                print_count: None,
                png_scale: self.scale,
            });
        }
        if targets.is_empty() {
            return Err(S::ExportNeedsOutput.get(lang).to_owned());
        }
        Ok(targets)
    }
}

/// `jianbao export`: 0 when everything was written, 2 on any failure.
/// Every target of the batch is planned and checked before anything is
/// written: none may be a draft or a draft's companion, no two may share a
/// name, and existing files are replaced only with `--force`.
pub(super) fn export(
    files: &[PathBuf],
    request: &ExportRequest,
    bundled_fonts: bool,
    lang: Lang,
) -> ExitCode {
    let mut failed = false;
    let mut jobs: Vec<(&PathBuf, Issue, Vec<Target>)> = Vec::new();
    for file in files {
        let issue = match store::load(file) {
            Ok(issue) => issue,
            Err(error) => {
                warn!("{}", error.message(lang));
                failed = true;
                continue;
            }
        };
        if !issue.review.status.is_cleared() {
            warn!(
                "{}",
                messages::with_file(
                    file,
                    &messages::export_unapproved_note(issue.review.status, lang),
                    lang
                )
            );
        }
        match request.targets(file, &issue, files.len() > 1, lang) {
            Ok(targets) => jobs.push((file, issue, targets)),
            Err(message) => {
                warn!("{message}");
                return ExitCode::from(2);
            }
        }
    }
    let protected: Vec<PathBuf> = files.iter().flat_map(|f| store::companions(f)).collect();
    let all: Vec<Target> = jobs
        .iter()
        .flat_map(|(_, _, t)| t.iter().cloned())
        .collect();
    if let Err(problem) = export::check_targets(&all, &protected, request.force) {
        warn!("{}", messages::target_problem(&problem, lang));
        return ExitCode::from(2);
    }
    let folders: std::collections::BTreeSet<&Path> =
        all.iter().filter_map(|t| t.path.parent()).collect();
    for folder in folders.into_iter().filter(|f| !f.as_os_str().is_empty()) {
        if let Err(source) = std::fs::create_dir_all(folder) {
            let error = ExportError::Write {
                path: folder.to_owned(),
                source,
            };
            warn!("{}", error.message(lang));
            return ExitCode::from(2);
        }
    }
    let fonts = match super::font_set(bundled_fonts, lang) {
        Ok(fonts) => fonts,
        Err(code) => return code,
    };
    let mut typesetter = Typesetter::new(Arc::new(fonts));
    for (file, issue, targets) in &jobs {
        match export::run(&mut typesetter, issue, targets, &mut |_, _| {}) {
            Ok(written) => {
                for path in written {
                    say!("{}", messages::exported(&path, lang));
                }
            }
            Err(error) => {
                warn!("{}", messages::with_file(file, &error.message(lang), lang));
                failed = true;
            }
        }
        // A batch of a year's drafts must not keep every draft's layout.
        typesetter.forget_unused();
    }
    if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

pub(super) fn parse_format(name: &str) -> Result<Format, String> {
    Format::from_name(name)
        .ok_or_else(|| format!("unknown format “{name}” (pdf, docx, html, txt, png)"))
}
