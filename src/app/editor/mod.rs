//! The editor core: everything the editor window does, without a window.
//!
//! [`Editor`] owns the open document (its session, selection and findings,
//! replaced whole when another draft comes in), the settings, the file
//! dialogs, the typesetting worker, the archive watcher, the autosave, and
//! the question being asked. The views (`crate::ui`) read it and hand it
//! [`Command`]s and [`Answer`]s; it answers with [`Effect`]s for what only
//! the views can do (scroll the preview, put the cursor in a field, show a
//! window, close the window). All file I/O, typesetting and archive reading
//! is reached from here, never from the views.
//!
//! Invariants: a question and the error message are never both acted on
//! (the error is shown first); the generation sent to the worker only
//! grows, so the preview can tell new pages from old; per-document state
//! lives in [`Document`] and goes with it.
//!
//! Known limits: it still holds an `egui` type or two (the undo snapshots
//! use `egui::util::undoer`, and page images arrive as `egui::ColorImage`),
//! but never an `egui::Context`: the threads wake the window through the
//! `repaint` callback given at start.

mod archiving;
mod command;
mod document;
mod documents;
mod figures;
mod outline;
mod paths;
mod profiling;
mod question;
mod reviewing;

pub use command::{Command, CommentAction, OutlineAction, ProblemAction};
pub use document::Document;
pub use paths::PathKind;
pub use profiling::ProfileTarget;
pub use question::{
    Answer, ChangedAnswer, Found, LockOwner, LockedAnswer, Question, RecoverAnswer, UnsavedAnswer,
};
pub use reviewing::commented_articles;

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::Receiver;

use crate::app::archive::{ArchiveView, ArchiveWatcher};
use crate::app::autosave::Autosave;
use crate::app::files::FileDialogs;
use crate::app::repeats::RepeatFinder;
use crate::app::settings::Settings;
use crate::app::worker::{Fonts, Job, PreviewWorker, Update};
use crate::app::{Selection, Session};
use crate::i18n::{Lang, S, Wording, messages};
use crate::lint::Finding;
use crate::model::{Article, ArticleId, Field, Issue};
use crate::store::recovery;
use crate::typeset::FontSet;

/// What only the views can do, asked for by the core.
#[derive(Debug)]
pub enum Effect {
    /// Close the editor window (Quit, after any question was answered).
    CloseWindow,
    /// Show a window or panel.
    Show(Window),
    /// Show it if hidden, hide it if shown.
    Toggle(Window),
    /// Scroll the preview to the article.
    Reveal(ArticleId),
    /// Select these characters of the field and give it the keyboard.
    Focus(Field, Range<usize>),
    /// Another draft (or none) is in the window: what the views kept of the
    /// old one (pages, a comparison) goes.
    DocumentReplaced,
    /// Compare the open draft with this version of it, read from `path`.
    Compare(PathBuf, Box<Issue>),
    /// Find these words of this unit in the archive window (the earlier
    /// text of a repeated paragraph).
    ShowInArchive { words: String, unit: String },
    /// Ask in the export dialog before these targets replace `existing`.
    ConfirmReplace {
        targets: Vec<crate::export::Target>,
        existing: Vec<PathBuf>,
    },
}

/// The windows and panels that commands open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Window {
    Export,
    Paste,
    Settings,
    Archive,
    Problems,
    Profiles,
}

/// How the core starts.
pub struct Setup {
    /// Where settings are kept; `None` keeps them in memory only.
    pub settings_path: Option<PathBuf>,
    /// The UI language for this run, overriding the saved setting.
    pub lang: Option<Lang>,
    pub fonts: Fonts,
    pub dialogs: Box<dyn FileDialogs>,
    /// Where unsaved work is autosaved; `None` turns autosave off.
    pub recovery_dir: Option<PathBuf>,
}

/// The pages the preview wants typeset, at what scale.
#[derive(Clone, Debug, PartialEq)]
pub struct PageRequest {
    /// Screen pixels per PDF point.
    pub scale: f32,
    /// The pages wanted as images.
    pub window: Range<usize>,
    /// What the preview holds of each page: fingerprint and scale (what
    /// it holds is not rendered again).
    pub held: Vec<Option<(u128, f32)>>,
    /// Bumped when the preview lost an image it was sent changes for:
    /// the pages are asked for again.
    pub repairs: u64,
}

/// A line in the status bar that goes away by itself.
struct Notice {
    text: String,
    /// When it was first on screen (it shows for six seconds from then).
    shown_at: Option<f64>,
}

/// What the last preview job asked for: a new one is sent when any of it
/// changes.
#[derive(Clone, Debug, PartialEq)]
struct PreviewJobKey {
    generation: u64,
    /// The render scale's bits (an `f32` compared exactly).
    scale_bits: u32,
    window: Range<usize>,
    repairs: u64,
}

/// The typesetting worker and what was last sent to it.
struct PreviewFeed {
    worker: PreviewWorker,
    /// Increases with every change of the issue sent to the worker.
    generation: u64,
    typeset: Option<Arc<Issue>>,
    last_job: Option<PreviewJobKey>,
}

/// The worker's fonts, once loaded, and which characters they cover (the
/// proofreader asks character by character).
#[derive(Default)]
struct FontCoverage {
    fonts: Option<Arc<FontSet>>,
    covers: RefCell<HashMap<char, bool>>,
}

impl FontCoverage {
    fn covers(&self, c: char) -> bool {
        match &self.fonts {
            // Until the fonts are loaded, nothing is called missing.
            None => true,
            Some(fonts) => *self
                .covers
                .borrow_mut()
                .entry(c)
                .or_insert_with(|| fonts.covers(c)),
        }
    }
}

/// The archive, read on first use.
#[derive(Default)]
struct ArchiveState {
    watcher: Option<ArchiveWatcher>,
    /// The newest snapshot, once read.
    view: Option<ArchiveView>,
    /// Files read of the folder, while it is being read.
    progress: Option<(usize, usize)>,
    /// New from latest, asked for before the archive was read.
    pending: Option<Command>,
}

/// An article being read from a file on its own thread (a Word file can be
/// slow or hostile): the article, or the message why not.
type Importing = Receiver<Result<Arrival, String>>;

/// What an import thread brings back.
#[derive(Debug)]
enum Arrival {
    /// An article read from a Word or text file.
    Article(Article),
    /// A photo for article `.0`, read and prepared.
    Photo(crate::model::ArticleId, crate::model::Image),
}

/// The editor without its window.
pub struct Editor {
    settings: Settings,
    settings_path: Option<PathBuf>,
    lang_override: Option<Lang>,
    dialogs: Box<dyn FileDialogs>,
    repaint: Arc<dyn Fn() + Send + Sync>,

    document: Option<Document>,
    question: Option<Question>,
    error: Option<String>,
    notice: Option<Notice>,

    feed: PreviewFeed,
    fonts: FontCoverage,
    archive: ArchiveState,
    autosave: Autosave,
    /// Targets written of the current (or last) export.
    export_progress: Option<(usize, usize)>,
    importing: Option<Importing>,
    /// A yearly volume being made.
    volume: Option<crate::app::volume::VolumeJob>,
    /// Whether to look for recovery files once more shortly after start:
    /// an editor still dying at start-up was skipped as running.
    recovery_second_look: bool,
    quitting: bool,
    /// Effects waiting to be handed to the views.
    outbox: Vec<Effect>,
    /// The command being carried out (to run again with a typed path).
    running: Option<Command>,
    /// A path typed where no file dialog could be shown, for the next
    /// question about a path.
    typed_path: Option<PathBuf>,
    /// The bulletin profiles, as last listed.
    profiles: Vec<crate::app::profiles::Found>,
}

/// Seconds after start when recovery files are looked for again.
const SECOND_LOOK: f64 = 3.0;
/// Seconds a notice stays in the status bar.
const NOTICE_SECONDS: f64 = 6.0;

impl Editor {
    /// Starts the core: reads the settings, starts the typesetting thread,
    /// and offers any unsaved work of an earlier run. `repaint` wakes the
    /// window when a thread has news.
    pub fn new(setup: Setup, repaint: impl Fn() + Send + Sync + 'static) -> Self {
        let settings = setup
            .settings_path
            .as_deref()
            .map(Settings::load)
            .unwrap_or_default();
        let repaint: Arc<dyn Fn() + Send + Sync> = Arc::new(repaint);
        let wake = repaint.clone();
        let worker = PreviewWorker::spawn(setup.fonts, move || wake());
        let lang = setup.lang.unwrap_or(settings.lang);
        let mut editor = Self {
            settings,
            settings_path: setup.settings_path,
            lang_override: setup.lang,
            dialogs: setup.dialogs,
            repaint,
            document: None,
            question: None,
            // Without the bundled fonts the pages fall back to the system's
            // and the window may show boxes: say why at once.
            error: crate::assets::fonts::bundled()
                .err()
                .map(|missing| messages::fonts_missing(missing, lang)),
            notice: None,
            feed: PreviewFeed {
                worker,
                generation: 0,
                typeset: None,
                last_job: None,
            },
            fonts: FontCoverage::default(),
            archive: ArchiveState::default(),
            autosave: Autosave::new(setup.recovery_dir.clone()),
            export_progress: None,
            importing: None,
            volume: None,
            recovery_second_look: setup.recovery_dir.is_some(),
            quitting: false,
            outbox: Vec::new(),
            running: None,
            typed_path: None,
            profiles: Vec::new(),
        };
        if let Some(folder) = &setup.recovery_dir {
            editor.offer_recovery(recovery::scan(folder));
        }
        editor
    }

    // ----- What the views read -----

    pub fn lang(&self) -> Lang {
        self.lang_override.unwrap_or(self.settings.lang)
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The open draft, if any.
    pub fn session(&self) -> Option<&Session> {
        self.document.as_ref().map(|d| &d.session)
    }

    /// The open draft, for the forms to edit in place (the session's undo
    /// history takes the edits at the end of the frame).
    pub fn session_mut(&mut self) -> Option<&mut Session> {
        self.document.as_mut().map(|d| &mut d.session)
    }

    /// The settings and the open issue when it may be changed, for the
    /// settings window (which edits both).
    pub fn settings_and_issue_mut(&mut self) -> (&mut Settings, Option<&mut Issue>) {
        let issue = self
            .document
            .as_mut()
            .filter(|d| d.session.can_edit())
            .map(|d| &mut d.session.issue);
        (&mut self.settings, issue)
    }

    /// The export dialog's settings, with the issue it exports.
    pub fn export_settings_mut(
        &mut self,
    ) -> Option<(&mut crate::app::settings::ExportChoices, &Issue)> {
        let document = self.document.as_ref()?;
        Some((&mut self.settings.export, &document.session.issue))
    }

    pub fn selection(&self) -> Selection {
        self.document
            .as_ref()
            .map_or(Selection::default(), |d| d.selection)
    }

    /// The proofreader's findings on the open draft.
    pub fn findings(&self) -> &[Finding] {
        self.document.as_ref().map_or(&[], |d| &d.findings)
    }

    pub fn question(&self) -> Option<&Question> {
        self.question.as_ref()
    }

    /// The question, for typing into it (a status note, the user's name).
    pub fn question_mut(&mut self) -> Option<&mut Question> {
        self.question.as_mut()
    }

    /// The error message waiting to be read, if any.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    pub fn dismiss_error(&mut self) {
        self.error = None;
    }

    pub fn notice(&self) -> Option<&str> {
        self.notice.as_ref().map(|n| n.text.as_str())
    }

    /// The generation of the issue as last sent to the typesetter.
    pub fn generation(&self) -> u64 {
        self.feed.generation
    }

    /// For each font role of the open issue, the font its pages are set in
    /// here (once the fonts are loaded).
    pub fn printed_fonts(&self) -> Option<Vec<crate::typeset::PrintedFont>> {
        self.printed_fonts_of(&self.session()?.issue.style)
    }

    /// What `style`'s fonts print in, once the fonts are known.
    pub fn printed_fonts_of(
        &self,
        style: &crate::model::Style,
    ) -> Option<Vec<crate::typeset::PrintedFont>> {
        Some(self.fonts.fonts.as_ref()?.printed(style))
    }

    pub fn export_progress(&self) -> Option<(usize, usize)> {
        self.export_progress
    }

    pub fn archive_view(&self) -> Option<&ArchiveView> {
        self.archive.view.as_ref()
    }

    pub fn archive_progress(&self) -> Option<(usize, usize)> {
        self.archive.progress
    }

    /// How far the yearly volume being made has come, if one is.
    pub fn volume_progress(&self) -> Option<crate::app::volume::Progress> {
        self.volume.as_ref().map(|job| job.progress())
    }

    /// Whether the window may close now (nothing unsaved, or Quit was
    /// answered); otherwise the "save changes?" question is asked.
    pub fn may_close(&mut self) -> bool {
        let dirty = self.session().is_some_and(Session::is_dirty);
        if !self.quitting && dirty {
            self.question = Some(Question::Unsaved(Command::Quit));
            false
        } else {
            self.autosave
                .finish(self.document.as_ref().map(|d| &d.session));
            self.save_settings();
            true
        }
    }

    /// The window's title: the draft's name, ● when unsaved, and whether
    /// it is read-only.
    pub fn title(&self) -> String {
        let lang = self.lang();
        match self.session() {
            Some(session) => {
                let dirty = if session.is_dirty() { " ●" } else { "" };
                let read_only = if session.is_read_only() {
                    format!(" {}", S::ReadOnlyMark.get(lang))
                } else {
                    String::new()
                };
                format!(
                    "{}{dirty}{read_only} — {}",
                    session.display_name(lang),
                    S::AppName.get(lang)
                )
            }
            None => S::AppName.get(lang).to_owned(),
        }
    }

    // ----- What the views ask -----

    /// Runs a command as chosen by the user: a command that would discard
    /// unsaved work, sign with a name not yet given, or export an
    /// unapproved issue asks first.
    pub fn command(&mut self, command: Command) -> Vec<Effect> {
        self.ask_or_execute(command);
        self.take_effects()
    }

    /// Acts on the answer to the question being asked.
    pub fn answer(&mut self, answer: Answer) -> Vec<Effect> {
        self.act_on(answer);
        self.take_effects()
    }

    /// The settings were changed in the settings window: they are saved,
    /// and the chosen language now rules over the command line's.
    pub fn settings_changed(&mut self) {
        self.lang_override = None;
        self.save_settings();
    }

    /// Writes the settings now (the window is going away, or eframe asks).
    pub fn save_settings_now(&mut self) {
        self.save_settings();
    }

    /// News from the threads: fonts and export progress are taken here,
    /// the archive's snapshots too, an imported article goes in; what is
    /// left (pages) is for the preview.
    pub fn poll(&mut self) -> (Vec<Update>, Vec<Effect>) {
        let pages = self.drain_worker();
        self.drain_archive();
        self.poll_import();
        self.poll_volume();
        (pages, self.take_effects())
    }

    /// The end of a frame at `now` (seconds): the undo history takes the
    /// frame's edits, the proofreader reruns if the text changed, autosave,
    /// notices and the second look for recovery files. Returns how soon
    /// (seconds) the core wants another frame, if it does.
    pub fn end_frame(&mut self, now: f64) -> (Option<f64>, Vec<Effect>) {
        let mut again = Vec::new();
        if let Some(document) = &mut self.document {
            document.session.end_frame(now);
            let (wait, failure) = self.autosave.tick(now, &document.session);
            again.extend(wait.map(|s| s.max(0.05)));
            if let Some(error) = failure {
                let text = messages::autosave_failed(&error, self.lang());
                self.notify(text);
            }
        }
        self.proofread();
        again.extend(self.expire_notice(now));
        again.extend(self.second_look_for_recovery(now));
        if self.importing.is_some() {
            again.push(0.05);
        }
        let soonest = again.into_iter().reduce(f64::min);
        (soonest, self.take_effects())
    }

    /// Sends the worker a job when the content, the scale or the pages
    /// wanted changed; a comment or a status change typesets nothing.
    /// Returns the generation of the issue sent to be typeset when its
    /// content changed since the last request (an edit to show).
    pub fn request_pages(&mut self, request: PageRequest) -> Option<u64> {
        let Some(document) = &self.document else {
            return None;
        };
        let feed = &mut self.feed;
        let unchanged = feed
            .typeset
            .as_deref()
            .is_some_and(|typeset| typeset.same_content(&document.session.issue));
        if !unchanged {
            feed.generation += 1;
            feed.typeset = Some(Arc::new(document.session.issue.clone()));
        }
        let Some(issue) = &feed.typeset else {
            return None;
        };
        let key = PreviewJobKey {
            generation: feed.generation,
            scale_bits: request.scale.to_bits(),
            window: request.window.clone(),
            repairs: request.repairs,
        };
        if feed.last_job.as_ref() != Some(&key) {
            feed.worker.submit(Job {
                generation: feed.generation,
                issue: issue.clone(),
                scale: request.scale,
                window: request.window,
                held: request.held,
            });
            feed.last_job = Some(key);
        }
        (!unchanged).then_some(feed.generation)
    }

    // ----- Inside -----

    fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.outbox)
    }

    fn effect(&mut self, effect: Effect) {
        self.outbox.push(effect);
    }

    fn ask_or_execute(&mut self, command: Command) {
        if command.discards_draft() && self.session().is_some_and(Session::is_dirty) {
            self.question = Some(Question::Unsaved(command));
            return;
        }
        if command.needs_name() && self.settings.user_name.trim().is_empty() {
            self.question = Some(Question::Name {
                // The login name is a starting point.
                name: crate::store::lock::login_name().unwrap_or_default(),
                then: command,
            });
            return;
        }
        let unapproved = self
            .document
            .as_ref()
            .is_some_and(|d| !d.session.issue.review.status.is_cleared() && !d.export_approved);
        if command.exports() && unapproved {
            self.question = Some(Question::ExportUnapproved(command));
            return;
        }
        self.execute(command);
    }

    /// Carries out a command, no questions asked (but a path, where it
    /// needs one).
    fn execute(&mut self, command: Command) {
        let outer = self.running.replace(command.clone());
        self.carry_out(command);
        self.running = outer;
    }

    fn carry_out(&mut self, command: Command) {
        match command {
            Command::New => self.set_session(Session::untitled(Issue::new(
                chrono::Local::now().date_naive(),
            ))),
            Command::Open => {
                if let Some(path) = self.choose_path(PathKind::File, "", |d, l| d.open_draft(l)) {
                    self.open_path(&path);
                }
            }
            Command::OpenPath(path) => self.open_path(&path),
            Command::OpenSample => self.set_session(Session::untitled(crate::sample::issue())),
            Command::Save => {
                self.save();
            }
            Command::SaveAs => {
                self.save_as();
            }
            Command::ExportPdf => self.export_pdf(),
            Command::Export => self.open_export_dialog(),
            Command::StartExport { targets, replace } => {
                self.save_settings();
                let existing = crate::export::existing(&targets);
                if replace || existing.is_empty() {
                    self.start_export(targets);
                } else {
                    self.effect(Effect::ConfirmReplace { targets, existing });
                }
            }
            Command::PickExportFolder => {
                if let Some(folder) =
                    self.choose_path(PathKind::Folder, "", |d, l| d.pick_folder(l))
                {
                    self.settings.export.folder = Some(folder);
                }
            }
            Command::Close => {
                self.autosave
                    .finish(self.document.as_ref().map(|d| &d.session));
                self.document = None;
                self.effect(Effect::DocumentReplaced);
            }
            Command::Quit => {
                self.quitting = true;
                self.effect(Effect::CloseWindow);
            }
            Command::Undo | Command::Redo => self.undo_or_redo(command == Command::Undo),
            Command::Settings => self.effect(Effect::Show(Window::Settings)),
            Command::ImportBulletin => self.import_bulletin(),
            Command::ImportArticle => self.import_article(),
            Command::InsertPhoto { article, path } => self.insert_photo(article, path),
            Command::PastePhoto { article, image } => self.paste_photo(article, image),
            Command::PasteArticle => {
                if self.session().is_some_and(Session::can_edit) {
                    self.effect(Effect::Show(Window::Paste));
                }
            }
            Command::AddPastedArticle(text) => self.add_pasted_article(&text),
            Command::Problems => self.effect(Effect::Toggle(Window::Problems)),
            Command::Problem(action) => self.problem_action(action),
            Command::Outline(action) => self.apply_outline(action),
            Command::PointAt(id) => {
                if let Some(document) = &mut self.document {
                    document.selection = Selection::Article(id);
                }
            }
            Command::OpenForReview => {
                if let Some(path) = self.choose_path(PathKind::File, "", |d, l| d.open_draft(l)) {
                    self.open_path(&path);
                    if let Some(session) = self.session_mut() {
                        session.set_reviewing(true);
                    }
                }
            }
            Command::ToggleReviewing => {
                if let Some(session) = self.session_mut() {
                    session.set_reviewing(!session.is_reviewing());
                }
            }
            Command::SetStatus(to) => self.ask_status(to),
            Command::Compare => self.compare_with_file(),
            Command::Comment(action) => self.apply_comment(action),
            Command::Archive => {
                self.watch_archive();
                self.effect(Effect::Toggle(Window::Archive));
            }
            Command::PickArchiveFolder => {
                let chosen =
                    self.choose_path(PathKind::Folder, "", |d, l| d.pick_archive_folder(l));
                if let Some(folder) = chosen {
                    self.set_archive_folder(folder);
                }
            }
            Command::NewFromLatest { supplement } => self.new_from_latest_when_read(supplement),
            Command::Profiles => self.show_profiles(),
            Command::NewFromProfile(profile) => self.new_from_profile(&profile),
            Command::SaveProfile { profile, to } => self.save_profile(&profile, to),
            Command::ExportYearFigures { year } => self.export_year_figures(year),
            Command::CompileVolume { year, issued_only } => self.compile_volume(year, issued_only),
            Command::OpenArticle(path, id, words) => self.open_article(&path, id, &words),
        }
    }

    fn act_on(&mut self, answer: Answer) {
        let Some(question) = self.question.take() else {
            return;
        };
        match (question, answer) {
            (Question::Unsaved(command), Answer::Unsaved(answer)) => match answer {
                UnsavedAnswer::Cancel => {}
                UnsavedAnswer::Discard => {
                    if let Some(session) = self.session_mut() {
                        // The edits are given up: nothing is left to ask about.
                        session.revert();
                    }
                    self.execute(command);
                }
                UnsavedAnswer::Save => {
                    if self.save() {
                        self.execute(command);
                    }
                }
            },
            (Question::Locked { path, owner }, Answer::Locked(answer)) => match answer {
                LockedAnswer::ReadOnly => self.open_read_only(&path),
                LockedAnswer::Break => self.question = Some(Question::BreakLock { path, owner }),
                LockedAnswer::Cancel => {}
            },
            (Question::BreakLock { path, owner }, Answer::Confirm(yes)) => {
                if yes {
                    self.break_lock_and_open(&path, &owner);
                }
            }
            (Question::Replace { path, pdf }, Answer::Confirm(yes)) => match (yes, pdf) {
                (true, true) => self.start_export(vec![crate::export::Target::pdf(path)]),
                (true, false) => {
                    self.save_to(&path);
                }
                (false, _) => {}
            },
            (Question::ChangedOnDisk, Answer::Changed(answer)) => match answer {
                ChangedAnswer::Overwrite => {
                    self.write_session();
                }
                ChangedAnswer::SaveAs => {
                    self.save_as();
                }
                ChangedAnswer::Reload => {
                    if let Some(Err(error)) = self.session_mut().map(Session::reload) {
                        self.error = Some(error.message(self.lang()));
                    }
                }
                ChangedAnswer::Cancel => {}
            },
            (Question::Status { to, note }, Answer::Confirm(yes)) => {
                if yes {
                    self.change_status(to, &note);
                }
            }
            (Question::Name { name, then }, Answer::Confirm(yes)) => {
                if yes {
                    self.settings.user_name = name.trim().to_owned();
                    self.save_settings();
                    self.ask_or_execute(then);
                }
            }
            (Question::ExportUnapproved(command), Answer::Confirm(yes)) => {
                if yes {
                    if let Some(document) = &mut self.document {
                        document.export_approved = true;
                    }
                    self.execute(command);
                }
            }
            (Question::Numbering(_) | Question::VolumeNotes(_), Answer::Confirm(_)) => {}
            (Question::TypePath { text, then, .. }, Answer::Confirm(yes)) => {
                if yes {
                    self.use_typed_path(&text, then);
                }
            }
            (Question::Recover(found), Answer::Recover(answer)) => {
                self.act_on_recovery(found, answer)
            }
            // An answer to another question: this one is still asked.
            (question, _) => self.question = Some(question),
        }
    }

    fn undo_or_redo(&mut self, undo: bool) {
        let Some(document) = self.document.as_mut().filter(|d| d.session.can_edit()) else {
            return;
        };
        let session = &mut document.session;
        let done = if undo { session.undo() } else { session.redo() };
        if done {
            document.selection = document.selection.valid_in(&session.issue);
        }
    }

    fn open_export_dialog(&mut self) {
        let Some(session) = self.session() else {
            return;
        };
        // First time: export beside the draft.
        let beside = session.path().and_then(Path::parent).map(Path::to_owned);
        if self.settings.export.folder.is_none() {
            self.settings.export.folder = beside;
        }
        // A finished export's "done" belongs to that export.
        if self
            .export_progress
            .is_some_and(|(done, total)| done >= total)
        {
            self.export_progress = None;
        }
        self.effect(Effect::Show(Window::Export));
    }

    fn ask_status(&mut self, to: crate::model::Status) {
        let allowed = self
            .session()
            .is_some_and(|s| !s.is_read_only() && s.issue.review.status.next().contains(&to));
        if allowed {
            self.question = Some(Question::Status {
                to,
                note: String::new(),
            });
        }
    }

    /// Re-proofreads when the content changed since the last time (a
    /// comment or a status change leaves the findings as they are).
    fn proofread(&mut self) {
        let Some(document) = self.document.as_mut().filter(|d| !d.is_proofread()) else {
            return;
        };
        let fonts = &self.fonts;
        // Repeated copy is looked for once an archive is read.
        let finder = self.archive.view.as_ref().map(|view| {
            let session = &document.session;
            RepeatFinder::new(&view.archive, &view.reuse, &session.issue, session.path())
        });
        let earlier = |text: &str| finder.as_ref().and_then(|f| f.find(text));
        let earlier: Option<crate::lint::FindEarlier<'_>> = finder.is_some().then_some(&earlier);
        document.proofread(&|c| fonts.covers(c), earlier);
    }

    fn problem_action(&mut self, action: ProblemAction) {
        let Some(document) = self.document.as_mut() else {
            return;
        };
        let session = &mut document.session;
        match action {
            ProblemAction::ShowEarlier(finding) => {
                if let Some(earlier) = finding.earlier {
                    // Enough of its opening words to find it again.
                    let words: String = earlier.text.chars().take(12).collect();
                    self.outbox.push(Effect::ShowInArchive {
                        words,
                        unit: earlier.unit,
                    });
                }
            }
            ProblemAction::Jump(finding) => {
                document.selection = Selection::of_field(&finding.field, &session.issue);
                self.outbox
                    .push(Effect::Focus(finding.field, finding.range));
            }
            _ if !session.can_edit() => {}
            ProblemAction::Fix(finding) => {
                session.checkpoint();
                crate::lint::apply(&mut session.issue, &[finding], false);
            }
            ProblemAction::FixAll(rule) => {
                session.checkpoint();
                let of_kind: Vec<Finding> = document
                    .findings
                    .iter()
                    .filter(|f| f.rule == rule)
                    .cloned()
                    .collect();
                crate::lint::apply(&mut session.issue, &of_kind, true);
            }
        }
    }

    fn select(&mut self, selection: Selection) {
        if let Some(document) = &mut self.document {
            document.selection = selection;
            if let Selection::Article(id) = selection {
                self.outbox.push(Effect::Reveal(id));
            }
        }
    }

    fn notify(&mut self, text: String) {
        self.notice = Some(Notice {
            text,
            shown_at: None,
        });
    }

    fn save_settings(&mut self) {
        if let Some(path) = &self.settings_path
            && let Err(error) = self.settings.save(path)
        {
            let text = messages::settings_not_saved(path, &error, self.lang());
            self.notify(text);
        }
    }

    /// The typesetter's news for the preview, waiting until `deadline`
    /// when none has come yet: the views wait a little for the pages an
    /// edit changes, to paint both in one frame (`ui::pacing`).
    pub fn pages_until(&mut self, deadline: std::time::Instant) -> Vec<Update> {
        let updates = self.feed.worker.poll_until(deadline);
        self.take_worker_news(updates)
    }

    /// Pages, fonts and export progress from the typesetting thread; the
    /// pages are returned for the preview.
    fn drain_worker(&mut self) -> Vec<Update> {
        let updates = self.feed.worker.poll();
        self.take_worker_news(updates)
    }

    /// Keeps what the core needs of `updates` and returns the preview's.
    fn take_worker_news(&mut self, updates: Vec<Update>) -> Vec<Update> {
        let lang = self.lang();
        let mut pages = Vec::new();
        for update in updates {
            match update {
                Update::Fonts(fonts) => {
                    self.fonts = FontCoverage {
                        fonts: Some(fonts),
                        covers: RefCell::default(),
                    };
                    if let Some(document) = &mut self.document {
                        document.forget_findings();
                    }
                }
                Update::ExportProgress { done, total } => {
                    self.export_progress = Some((done, total))
                }
                Update::Exported { result } => match result {
                    Ok(paths) => match paths.as_slice() {
                        [one] => self.notify(messages::exported(one, lang)),
                        many => self.notify(messages::exported_many(many.len(), lang)),
                    },
                    Err(error) => {
                        self.export_progress = None;
                        self.error = Some(error.message(lang));
                    }
                },
                other => pages.push(other),
            }
        }
        pages
    }

    /// Seconds until the notice should be looked at again.
    fn expire_notice(&mut self, now: f64) -> Option<f64> {
        let notice = self.notice.as_mut()?;
        let shown_at = *notice.shown_at.get_or_insert(now);
        if now - shown_at > NOTICE_SECONDS {
            self.notice = None;
            None
        } else {
            Some(1.0)
        }
    }

    /// Seconds until the second look, while it is still to come.
    fn second_look_for_recovery(&mut self, now: f64) -> Option<f64> {
        if !self.recovery_second_look {
            return None;
        }
        if now < SECOND_LOOK {
            return Some(SECOND_LOOK - now);
        }
        self.recovery_second_look = false;
        if let Some(folder) = self.autosave.folder() {
            let found = recovery::scan(folder);
            self.offer_recovery(found);
        }
        None
    }
}

#[cfg(test)]
mod tests;
