//! The open draft's life: opening, saving, restoring after a crash,
//! exporting, importing — each with its questions and error messages.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::compare::CompareWindow;
use super::{JianbaoApp, Modal};
use crate::app::files::sibling_name;
use crate::app::session::{DiskState, OpenError};
use crate::app::{Selection, Session};
use crate::export::Target;
use crate::i18n::{S, messages};
use crate::model::Issue;
use crate::store::LoadError;
use crate::store::recovery::Found;

impl JianbaoApp {
    pub(super) fn set_session(&mut self, session: Session) {
        self.install(session, None);
    }

    /// Puts `session` in the window in place of the open one, whose
    /// autosave ends; the new one autosaves to `recovery_file` when it was
    /// restored from one, else to a fresh file. Everything that belonged to
    /// the old draft is reset.
    pub(super) fn install(&mut self, session: Session, recovery_file: Option<PathBuf>) {
        self.autosave.finish(self.session.as_ref());
        self.autosave.start(recovery_file);
        self.session = Some(session);
        self.selection = Selection::Masthead;
        self.preview.clear();
        self.last_job = None;
        self.export_unapproved_ok = false;
        self.compare = CompareWindow::default();
    }

    pub(super) fn open_path(&mut self, path: &Path) {
        match Session::open(path, &self.settings.display_name()) {
            Ok(session) => {
                self.set_session(session);
                self.settings.remember(path);
                self.save_settings();
            }
            Err(OpenError::Locked(owner)) => {
                self.modal = Some(Modal::Locked {
                    path: path.to_owned(),
                    owner,
                });
            }
            Err(OpenError::Load(error)) => {
                if matches!(&error, LoadError::Read { source, .. } if source.kind() == std::io::ErrorKind::NotFound)
                {
                    self.settings.forget(path);
                    self.save_settings();
                }
                self.error = Some(error.message(self.lang()));
            }
        }
    }

    pub(super) fn open_read_only(&mut self, path: &Path) {
        match Session::open_read_only(path) {
            Ok(session) => self.set_session(session),
            Err(error) => self.error = Some(error.message(self.lang())),
        }
    }

    /// Saves, asking for a file name for a new draft. True when saved. A
    /// file changed by someone else since it was opened is not overwritten
    /// without asking.
    pub(super) fn save(&mut self) -> bool {
        let Some(session) = &mut self.session else {
            return false;
        };
        if session.is_read_only() {
            return self.save_as();
        }
        if session.disk_state() == DiskState::Changed {
            self.modal = Some(Modal::ChangedOnDisk);
            return false;
        }
        self.write_session()
    }

    /// Saves to the draft's own file, whatever is there now.
    pub(super) fn write_session(&mut self) -> bool {
        let lang = self.lang();
        let Some(session) = &mut self.session else {
            return false;
        };
        match session.save() {
            None => self.save_as(),
            Some(Ok(())) => {
                let name = session.display_name(lang);
                self.notify(messages::saved(&name, lang));
                true
            }
            Some(Err(error)) => {
                self.error = Some(error.message(lang));
                false
            }
        }
    }

    pub(super) fn save_as(&mut self) -> bool {
        let lang = self.lang();
        let Some(session) = &self.session else {
            return false;
        };
        let suggested = sibling_name(session.path(), &suggested_stem(&session.issue), "ron");
        let Some(path) = self.dialogs.save_draft(lang, &suggested) else {
            return false;
        };
        self.save_to(&path)
    }

    /// Saves the draft to `path`, which becomes its file.
    pub fn save_to(&mut self, path: &Path) -> bool {
        let lang = self.lang();
        let Some(session) = &mut self.session else {
            return false;
        };
        match session.save_as(path) {
            Ok(()) => {
                let name = session.display_name(lang);
                self.settings.remember(path);
                self.save_settings();
                self.notify(messages::saved(&name, lang));
                true
            }
            Err(error) => {
                self.error = Some(error.message(lang));
                false
            }
        }
    }

    pub(super) fn export_pdf(&mut self) {
        let lang = self.lang();
        let Some(session) = &self.session else {
            return;
        };
        let suggested = sibling_name(session.path(), &suggested_stem(&session.issue), "pdf");
        if let Some(path) = self.dialogs.save_pdf(lang, &suggested) {
            self.start_export(vec![Target::pdf(path)]);
        }
    }

    /// Hands targets to the worker, which reports progress as it writes.
    pub(super) fn start_export(&mut self, targets: Vec<Target>) {
        let Some(session) = &self.session else {
            return;
        };
        self.export_progress = Some((0, targets.len()));
        self.worker.export(Arc::new(session.issue.clone()), targets);
        self.notify(S::Exporting.get(self.lang()).to_owned());
    }

    pub(super) fn import_bulletin(&mut self) {
        let lang = self.lang();
        let Some(path) = self.dialogs.open_import(lang) else {
            return;
        };
        let result = crate::store::read_bounded(&path)
            .map_err(|e| e.message(lang))
            .and_then(|bytes| {
                let text = crate::import::decode_text(&bytes);
                crate::import::bulletin_from_text(&text)
                    .map_err(|e| messages::with_file(&path, &e.message(lang), lang))
            });
        match result {
            Ok(issue) => {
                let count = issue.articles().count();
                self.set_session(Session::untitled(issue));
                self.notify(messages::imported_articles(count, lang));
            }
            Err(message) => self.error = Some(message),
        }
    }

    pub(super) fn import_article(&mut self) {
        let lang = self.lang();
        let Some(session) = &self.session else {
            return;
        };
        let Some(path) = self.dialogs.open_import(lang) else {
            return;
        };
        let is_docx = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("docx"));
        let result = crate::store::read_bounded(&path)
            .map_err(|e| e.message(lang))
            .and_then(|bytes| {
                let article = if is_docx {
                    crate::import::article_from_docx(&bytes, &session.issue)
                } else {
                    let text = crate::import::decode_text(&bytes);
                    crate::import::article_from_text(&text, &session.issue)
                };
                article.map_err(|e| messages::with_file(&path, &e.message(lang), lang))
            });
        match result {
            Ok(article) => self.add_article(article),
            Err(message) => self.error = Some(message),
        }
    }

    /// Puts an imported article at the end of the current section (the
    /// last one when none is selected), as one undoable step.
    pub(super) fn add_article(&mut self, article: crate::model::Article) {
        let Some(session) = self.session.as_mut().filter(|s| s.can_edit()) else {
            return;
        };
        session.checkpoint();
        let issue = &mut session.issue;
        if issue.sections.is_empty() {
            issue.add_section();
        }
        let section = self
            .selection
            .section(issue)
            .unwrap_or(issue.sections.len() - 1);
        let id = article.id;
        issue.sections[section].articles.push(article);
        self.select(Selection::Article(id));
    }

    /// Puts recovered work in the window; its recovery file stays until the
    /// work is saved or discarded.
    pub(super) fn restore(&mut self, found: Found) {
        let original = found.recovery.original.as_deref().filter(|p| p.exists());
        let session = Session::recovered(
            found.recovery.issue,
            original,
            &self.settings.display_name(),
        );
        self.install(session, Some(found.path));
    }

    /// Starts a second editor on `path`, to compare with this window.
    pub(super) fn open_in_another_window(&mut self, path: &Path) {
        let spawned = std::env::current_exe()
            .and_then(|exe| std::process::Command::new(exe).arg(path).spawn());
        if let Err(error) = spawned {
            self.error = Some(messages::io_error(&error, self.lang()));
        }
    }
}

/// A file name for a new draft: 首都精神文明建设情况简报-第11期.
fn suggested_stem(issue: &Issue) -> String {
    let name = issue.masthead.name.trim();
    let name = if name.is_empty() { "简报" } else { name };
    let stem = format!("{name}-{}", issue.masthead.number_text().replace(' ', ""));
    stem.chars()
        .filter(|c| !"/\\:*?\"<>|".contains(*c))
        .collect()
}
