//! The archive in the editor: choosing its folder, reading it on first
//! use, and starting the next issue from the newest one.

use std::path::PathBuf;

use super::{Command, Editor, PathKind, Question};
use crate::app::Session;
use crate::app::archive::ArchiveView;
use crate::app::archive::{ArchiveUpdate, ArchiveWatcher};
use crate::i18n::Wording;
use crate::i18n::{S, messages};

impl Editor {
    /// Reads and watches `folder` as the archive from now on.
    pub(super) fn set_archive_folder(&mut self, folder: PathBuf) {
        self.settings.archive_folder = Some(folder.clone());
        self.save_settings();
        self.archive.view = None;
        match &self.archive.watcher {
            Some(watcher) => {
                self.archive.progress = Some((0, 0));
                watcher.set_folder(Some(folder));
            }
            None => self.watch_archive(),
        }
    }

    /// Starts reading and watching the archive folder, the first time the
    /// archive is needed: a session that never looks at it never reads it.
    pub(super) fn watch_archive(&mut self) {
        let Some(folder) = self.settings.archive_folder.clone() else {
            return;
        };
        if self.archive.watcher.is_some() {
            return;
        }
        let repaint = self.repaint.clone();
        let watcher = ArchiveWatcher::spawn(move || repaint());
        watcher.set_folder(Some(folder));
        self.archive.watcher = Some(watcher);
        self.archive.progress = Some((0, 0));
    }

    /// Snapshots and progress from the archive watcher; New from latest
    /// asked for before the archive was read runs once it is.
    pub(super) fn drain_archive(&mut self) {
        let updates = self.archive.watcher.as_ref().map(ArchiveWatcher::poll);
        for update in updates.into_iter().flatten() {
            match update {
                ArchiveUpdate::Progress { done, total } => {
                    self.archive.progress = Some((done, total))
                }
                ArchiveUpdate::Ready(archive, reuse) => {
                    let generation = self.archive.view.as_ref().map_or(0, |v| v.generation) + 1;
                    let problems = crate::archive::numbering::problems(&archive.entries);
                    self.archive.view = Some(ArchiveView {
                        archive,
                        reuse,
                        problems,
                        generation,
                    });
                    self.archive.progress = None;
                    // Repeated copy is now looked for too.
                    if let Some(document) = &mut self.document {
                        document.forget_findings();
                    }
                    if let Some(command) = self.archive.pending.take() {
                        self.ask_or_execute(command);
                    }
                }
            }
        }
    }

    /// New from latest: asks for the archive folder if none is set, and
    /// waits for the archive to be read if it is not yet.
    pub(super) fn new_from_latest_when_read(&mut self, supplement: bool) {
        if self.settings.archive_folder.is_none() {
            match self.choose_path(PathKind::Folder, "", |d, l| d.pick_archive_folder(l)) {
                Some(folder) => self.set_archive_folder(folder),
                None => return,
            }
        }
        self.watch_archive();
        if self.archive.view.is_some() {
            self.new_from_latest(supplement);
        } else {
            self.archive.pending = Some(Command::NewFromLatest { supplement });
            self.notify(S::ArchiveReading.get(self.lang()).to_owned());
        }
    }

    /// A yearly volume of the archive's issues, as a PDF where the user
    /// chooses; what is odd about them is said first.
    pub(super) fn compile_volume(&mut self, year: i32, issued_only: bool) {
        use crate::archive::volume;
        let lang = self.lang();
        let Some(view) = &self.archive.view else {
            return;
        };
        let archive = view.archive.clone();
        let chosen = volume::issues_of(&archive, &volume::Span::year(year, issued_only));
        let Some(newest) = chosen.last() else {
            self.error = Some(messages::volume_empty(year, lang));
            return;
        };
        let title = newest.name.clone();
        let name = format!(
            "{title}-{}.pdf",
            messages::volume_subtitle(year, lang).replace(' ', "")
        );
        let ask = |d: &mut dyn crate::app::files::FileDialogs, l| d.save_pdf(l, &name);
        let Some(chosen_path) = self.choose_path(PathKind::NewFile, &name, ask) else {
            return;
        };
        let odd = messages::volume_oddities(&chosen, &archive.folder, lang);
        if !odd.is_empty() {
            self.question = Some(Question::VolumeNotes(odd));
        }
        let fonts = self
            .fonts
            .fonts
            .clone()
            .unwrap_or_else(|| std::sync::Arc::new(crate::typeset::FontSet::bundled()));
        let order = crate::app::volume::Order {
            files: chosen.iter().map(|e| e.path.clone()).collect(),
            title,
            subtitle: messages::volume_subtitle(year, lang),
            output: crate::app::files::with_extension(chosen_path, "pdf"),
            fonts,
            lang,
        };
        let repaint = self.repaint.clone();
        match crate::app::volume::VolumeJob::start(order, move || repaint()) {
            Ok(job) => self.volume = Some(job),
            Err(error) => self.error = Some(messages::io_error(&error, lang)),
        }
    }

    /// Takes the volume's outcome when its thread is done.
    pub(super) fn poll_volume(&mut self) {
        let Some(outcome) = self.volume.as_mut().and_then(|job| job.poll()) else {
            return;
        };
        self.volume = None;
        let lang = self.lang();
        match outcome {
            Ok((count, path)) => self.notify(messages::volume_written(count, &path, lang)),
            Err(message) => self.error = Some(message),
        }
    }

    /// A year's figures per unit, as CSV where the user chooses.
    pub(super) fn export_year_figures(&mut self, year: i32) {
        use crate::archive::chase;
        let lang = self.lang();
        let Some(view) = &self.archive.view else {
            return;
        };
        let archive = view.archive.clone();
        let figures = chase::year_figures(&archive, &archive.expected_units(), year);
        let csv = chase::to_csv(&figures, messages::figures_header(lang));
        let name = messages::figures_file_name(year, lang);
        let ask = |d: &mut dyn crate::app::files::FileDialogs, l| d.save_csv(l, &name);
        let Some(chosen) = self.choose_path(PathKind::NewFile, &name, ask) else {
            return;
        };
        let path = crate::app::files::with_extension(chosen, "csv");
        match crate::store::write_atomically(&path, csv.as_bytes()) {
            Ok(()) => self.notify(messages::exported(&path, lang)),
            Err(error) => self.error = Some(messages::io_error(&error.into_io(), lang)),
        }
    }

    /// The issue after the newest in the archive, as a new draft; says so
    /// when the archive's numbering has gaps or repeats.
    fn new_from_latest(&mut self, supplement: bool) {
        use crate::archive::numbering;
        let lang = self.lang();
        let Some(view) = &self.archive.view else {
            return;
        };
        let archive = view.archive.clone();
        let Some(latest) = numbering::latest(&archive.entries) else {
            self.error = Some(S::EmptyArchive.get(lang).to_owned());
            return;
        };
        let newest = match crate::store::load(&latest.path) {
            Ok(issue) => issue,
            Err(error) => {
                self.error = Some(error.message(lang));
                return;
            }
        };
        let today = chrono::Local::now().date_naive();
        let next = numbering::next_issue(&newest, &archive.entries, today, supplement);
        let problems =
            numbering::problems_of(&view.problems, next.masthead.name.trim(), supplement);
        self.set_session(Session::unsaved(next));
        if !problems.is_empty() {
            let lines = problems
                .iter()
                .map(|p| messages::numbering_problem(p, &archive.folder, lang))
                .collect();
            self.question = Some(Question::Numbering(lines));
        }
    }
}
