//! The archive in the editor: choosing its folder, reading it on first
//! use, and starting the next issue from the newest one.

use std::path::PathBuf;

use super::{JianbaoApp, Modal};
use crate::app::Session;
use crate::app::archive::ArchiveWatcher;
use crate::i18n::Wording;
use crate::i18n::{S, messages};

impl JianbaoApp {
    /// Reads and watches `folder` as the archive from now on.
    pub(super) fn set_archive_folder(&mut self, ctx: &egui::Context, folder: PathBuf) {
        self.settings.archive_folder = Some(folder.clone());
        self.save_settings();
        self.archive = None;
        match &self.archive_watcher {
            Some(watcher) => {
                self.archive_progress = Some((0, 0));
                watcher.set_folder(Some(folder));
            }
            None => self.watch_archive(ctx),
        }
    }

    /// Starts reading and watching the archive folder, the first time the
    /// archive is needed: a session that never looks at it never reads it.
    pub(super) fn watch_archive(&mut self, ctx: &egui::Context) {
        let Some(folder) = self.settings.archive_folder.clone() else {
            return;
        };
        if self.archive_watcher.is_some() {
            return;
        }
        let repaint = ctx.clone();
        let watcher = ArchiveWatcher::spawn(move || repaint.request_repaint());
        watcher.set_folder(Some(folder));
        self.archive_watcher = Some(watcher);
        self.archive_progress = Some((0, 0));
    }

    /// The issue after the newest in the archive, as a new draft; says so
    /// when the archive's numbering has gaps or repeats.
    pub(super) fn new_from_latest(&mut self, supplement: bool) {
        use crate::archive::numbering;
        let lang = self.lang();
        let Some(view) = &self.archive else {
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
            self.modal = Some(Modal::Numbering(lines));
        }
    }
}
