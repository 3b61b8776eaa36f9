//! The open draft's life: opening, saving, restoring after a crash,
//! exporting, importing — each with its questions and error messages.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{Arrival, Document, Editor, Effect, PathKind, Question, RecoverAnswer};
use crate::app::files::FileDialogs;
use crate::app::files::{sibling_name, with_extension};
use crate::app::session::{DiskState, OpenError};
use crate::app::{Selection, Session};
use crate::export::Target;
use crate::i18n::Wording;
use crate::i18n::{S, messages};
use crate::model::{Issue, Profile};
use crate::store::LoadError;
use crate::store::recovery::Found;

impl Editor {
    pub(super) fn set_session(&mut self, session: Session) {
        self.install(session, None);
    }

    /// Puts `session` in the window in place of the open one, whose
    /// autosave ends; the new one autosaves to `recovery_file` when it was
    /// restored from one, else to a fresh file. Everything that belonged to
    /// the old draft is reset.
    pub(super) fn install(&mut self, session: Session, recovery_file: Option<PathBuf>) {
        self.autosave
            .finish(self.document.as_ref().map(|d| &d.session));
        self.autosave.start(recovery_file);
        self.document = Some(Document::new(session));
        self.feed.last_job = None;
        self.effect(Effect::DocumentReplaced);
    }

    pub(super) fn open_path(&mut self, path: &Path) {
        if self.is_open(path) {
            // Already in the window: reopening would read it again over
            // unsaved edits and let go of its lock.
            return;
        }
        match Session::open(path, &self.settings.display_name()) {
            Ok(session) => {
                self.set_session(session);
                self.settings.remember(path);
                self.save_settings();
                self.offer_recovery_of(path);
            }
            Err(OpenError::Locked(owner)) => {
                self.question = Some(Question::Locked {
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

    /// Whether `path` is the open draft's file (by what it names).
    fn is_open(&self, path: &Path) -> bool {
        let open = self.session().and_then(Session::path);
        open.is_some_and(|open| crate::store::same_file(open, path))
    }

    /// Unsaved work of an earlier, ended session on this draft, offered as
    /// at start-up: a draft opened later, or a start-up that raced a dying
    /// editor, is offered its recovery too.
    pub(super) fn offer_recovery_of(&mut self, path: &Path) {
        if let Some(folder) = self.autosave.folder() {
            let found = crate::store::recovery::scan_for(folder, path);
            self.offer_recovery(found);
        }
    }

    /// Offers recovered work, beside any already on offer, never the open
    /// session's own recovery file. Start-up, the second look and opening a
    /// draft all come here.
    pub(super) fn offer_recovery(&mut self, found: Vec<Found>) {
        let own = self.autosave.file().map(Path::to_owned);
        let mut found: Vec<Found> = found
            .into_iter()
            .filter(|f| Some(&f.path) != own.as_ref())
            .collect();
        match &mut self.question {
            Some(Question::Recover(offered)) => {
                found.retain(|f| !offered.iter().any(|o| o.path == f.path));
                offered.extend(found);
            }
            None if !found.is_empty() => self.question = Some(Question::Recover(found)),
            _ => {}
        }
    }

    /// Breaks someone's lock on `path` (the user confirmed, shown `owner`)
    /// and opens the draft. A lock that changed hands meanwhile is kept.
    pub(super) fn break_lock_and_open(
        &mut self,
        path: &Path,
        owner: &crate::store::lock::LockOwner,
    ) {
        match crate::store::lock::break_lock(path, owner) {
            // Not removed (it changed hands meanwhile): opening says who
            // has it now.
            Ok(_) => self.open_path(path),
            Err(error) => self.error = Some(messages::io_error(&error, self.lang())),
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
        let Some(session) = self.session_mut() else {
            return false;
        };
        if session.is_read_only() {
            return self.save_as();
        }
        if session.disk_state() == DiskState::Changed {
            self.question = Some(Question::ChangedOnDisk);
            return false;
        }
        self.write_session()
    }

    /// Saves to the draft's own file, whatever is there now.
    pub(super) fn write_session(&mut self) -> bool {
        let lang = self.lang();
        let Some(session) = self.document.as_mut().map(|d| &mut d.session) else {
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
        let Some(session) = self.session() else {
            return false;
        };
        let suggested = sibling_name(session.path(), &suggested_stem(&session.issue), "ron");
        let ask = |d: &mut dyn FileDialogs, l| d.save_draft(l, &suggested);
        let Some(chosen) = self.choose_path(PathKind::NewFile, &suggested, ask) else {
            return false;
        };
        // The dialog asked about the name as typed; a file by the name
        // with the extension added was never asked about.
        let path = with_extension(chosen.clone(), "ron");
        if path != chosen && path.exists() && !self.is_open(&path) {
            self.question = Some(Question::Replace { path, pdf: false });
            return false;
        }
        self.save_to(&path)
    }

    /// Saves the draft to `path`, which becomes its file.
    pub(super) fn save_to(&mut self, path: &Path) -> bool {
        let lang = self.lang();
        let Some(session) = self.document.as_mut().map(|d| &mut d.session) else {
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
        let Some(session) = self.session() else {
            return;
        };
        let suggested = sibling_name(session.path(), &suggested_stem(&session.issue), "pdf");
        let ask = |d: &mut dyn FileDialogs, l| d.save_pdf(l, &suggested);
        if let Some(chosen) = self.choose_path(PathKind::NewFile, &suggested, ask) {
            let path = with_extension(chosen.clone(), "pdf");
            if path != chosen && path.exists() {
                self.question = Some(Question::Replace { path, pdf: true });
                return;
            }
            self.start_export(vec![Target::pdf(path)]);
        }
    }

    /// Hands targets to the worker, which reports progress as it writes.
    /// None may be the open draft, its companions, its recovery file or any
    /// other draft (the dialogs have already asked about existing files).
    pub(super) fn start_export(&mut self, targets: Vec<Target>) {
        let Some(session) = self.document.as_ref().map(|d| &d.session) else {
            return;
        };
        let mut protected: Vec<PathBuf> = session
            .path()
            .map(crate::store::companions)
            .unwrap_or_default();
        protected.extend(self.autosave.file().map(Path::to_owned));
        if let Err(problem) = crate::export::check_targets(&targets, &protected, true) {
            self.error = Some(messages::target_problem(&problem, self.lang()));
            return;
        }
        self.export_progress = Some((0, targets.len()));
        self.feed
            .worker
            .export(Arc::new(session.issue.clone()), targets);
        self.notify(S::Exporting.get(self.lang()).to_owned());
    }

    pub(super) fn import_bulletin(&mut self) {
        let lang = self.lang();
        let Some(path) = self.choose_path(PathKind::File, "", |d, l| d.open_import(l)) else {
            return;
        };
        // The open issue's series names the units of the one imported.
        let profile = self.session().map(|s| Profile::from_issue(&s.issue));
        let result = crate::store::read_bounded(&path)
            .map_err(|e| e.message(lang))
            .and_then(|bytes| {
                let text = crate::import::decode_text(&bytes);
                crate::import::bulletin_from_text(&text, profile.as_ref())
                    .map_err(|e| messages::with_file(&path, &e.message(lang), lang))
            });
        match result {
            Ok(issue) => {
                let count = issue.articles().count();
                self.set_session(Session::unsaved(issue));
                self.notify(messages::imported_articles(count, lang));
            }
            Err(message) => self.error = Some(message),
        }
    }

    /// Reads an article from a Word or text file on its own thread: the
    /// window stays responsive, and a hostile file (a zip bomb, a panic in
    /// the Word reader) costs a message, not the editor.
    pub(super) fn import_article(&mut self) {
        let lang = self.lang();
        let Some(issue) = self.session().map(|s| s.issue.clone()) else {
            return;
        };
        let Some(path) = self.choose_path(PathKind::File, "", |d, l| d.open_import(l)) else {
            return;
        };
        let (send, receive) = std::sync::mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("jianbao-import".into())
            .spawn(move || {
                let _ = send.send(read_article(&path, &issue, lang).map(Arrival::Article));
            });
        match spawned {
            Ok(_) => self.importing = Some(receive),
            Err(error) => self.error = Some(messages::io_error(&error, lang)),
        }
    }

    /// Takes the imported article when its thread is done.
    pub(super) fn poll_import(&mut self) {
        let Some(receive) = &self.importing else {
            return;
        };
        match receive.try_recv() {
            Ok(Ok(Arrival::Article(article))) => {
                self.importing = None;
                self.add_article(article);
            }
            Ok(Ok(Arrival::Photo(id, image))) => {
                self.importing = None;
                self.add_photo(id, image);
            }
            Ok(Err(message)) => {
                self.importing = None;
                self.error = Some(message);
            }
            // Looked at again at the next frame (`end_frame` asks for one).
            Err(std::sync::mpsc::TryRecvError::Empty) => {}
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                self.importing = None;
                self.error = Some(messages::import_error(
                    &crate::import::ImportError::Docx("the import stopped".into()),
                    self.lang(),
                ));
            }
        }
    }

    /// Puts an imported article at the end of the current section (the
    /// last one when none is selected), as one undoable step.
    pub(super) fn add_article(&mut self, article: crate::model::Article) {
        let Some(document) = self.document.as_mut().filter(|d| d.session.can_edit()) else {
            return;
        };
        document.session.checkpoint();
        let issue = &mut document.session.issue;
        if issue.sections.is_empty() {
            issue.add_section();
        }
        let section = document
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
            found.recovery.base,
            &self.settings.display_name(),
        );
        self.install(session, Some(found.path));
    }

    /// The user's choice about one piece of recovered work; the rest stay
    /// on offer (Later puts them all off until the next start).
    pub(super) fn act_on_recovery(&mut self, mut found: Vec<Found>, answer: RecoverAnswer) {
        let item = match answer {
            RecoverAnswer::Later => return,
            RecoverAnswer::Restore(i) | RecoverAnswer::Compare(i) | RecoverAnswer::Discard(i)
                if i < found.len() =>
            {
                found.remove(i)
            }
            _ => {
                self.question = Some(Question::Recover(found));
                return;
            }
        };
        match answer {
            RecoverAnswer::Compare(_) => {
                if let Some(original) = &item.recovery.original {
                    self.open_in_another_window(original);
                }
                self.restore(item);
            }
            RecoverAnswer::Discard(_) => {
                if let Err(error) = std::fs::remove_file(&item.path)
                    && error.kind() != std::io::ErrorKind::NotFound
                {
                    self.error = Some(messages::io_error(&error, self.lang()));
                }
            }
            _ => self.restore(item),
        }
        if !found.is_empty() && self.question.is_none() {
            self.question = Some(Question::Recover(found));
        }
    }

    /// An article from pasted text, into the current section.
    pub(super) fn add_pasted_article(&mut self, text: &str) {
        let Some(session) = self.session() else {
            return;
        };
        match crate::import::article_from_text(text, &session.issue) {
            Ok(article) => self.add_article(article),
            Err(error) => self.error = Some(error.message(self.lang())),
        }
    }

    /// Opens the draft at `path` with `words` of article `id` selected (a
    /// search result), when the draft opened and still has that article.
    pub(super) fn open_article(
        &mut self,
        path: &Path,
        id: crate::model::ArticleId,
        words: &crate::model::Quote,
    ) {
        self.open_path(path);
        let Some(session) = self
            .session()
            .filter(|s| s.path() == Some(path) && s.issue.find_article(id).is_some())
        else {
            return;
        };
        let place = crate::model::review::locate_in(&session.issue, id, words);
        self.select(Selection::Article(id));
        if let Some((field, range)) = place {
            self.effect(Effect::Focus(field, range));
        }
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

/// One article from a Word (`.docx`) or text file, or the message why not.
fn read_article(
    path: &Path,
    issue: &Issue,
    lang: crate::i18n::Lang,
) -> Result<crate::model::Article, String> {
    let bytes = crate::store::read_bounded(path).map_err(|e| e.message(lang))?;
    crate::import::article_from_file(path, &bytes, issue)
        .map_err(|e| messages::with_file(path, &e.message(lang), lang))
}
