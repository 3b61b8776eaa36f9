//! The editor window (eframe): an outline on the left, the form for the
//! selected part in the middle, the live preview on the right.
//!
//! [`JianbaoApp`] owns the state (`crate::app`) and the panels, routes menu
//! items and shortcuts through one [`Command`] type, and asks before any
//! unsaved work could be lost. This file holds the app, its commands and
//! its frame; what the commands do lives beside it by subject: `menus`
//! (menu bar, shortcuts, status bar), `documents` (open, save, recover,
//! export, import), `reviewing` (status, comments, compare), `archiving`
//! (the archive folder, New from latest). Each panel is its own module.

mod archive;
mod archiving;
pub mod body_editor;
mod commands;
mod comments;
mod compare;
mod dialogs;
mod documents;
mod export_dialog;
mod focus;
pub mod fonts;
mod forms;
mod menus;
mod outline;
mod paste;
mod preview;
mod problems;
mod reviewing;
mod settings_window;
mod start;
mod widgets;

pub use outline::OutlineAction;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use egui::{Ui, ViewportCommand};

use crate::app::archive::{ArchiveUpdate, ArchiveWatcher};
use crate::app::autosave::Autosave;
use crate::app::files::{FileDialogs, NativeDialogs};
use crate::app::settings::{self, Settings, Theme};
use crate::app::worker::{Fonts, Job, PreviewWorker, Update};
use crate::app::{Selection, Session};
use crate::i18n::Wording;
use crate::i18n::{Lang, S, messages};
use crate::lint::Finding;
use crate::model::{Issue, Status};
use crate::store::lock::LockOwner;
use crate::store::recovery::{self, Found};
use crate::typeset::FontSet;
use archive::{ArchiveRequest, ArchiveView, ArchiveWindow};
use comments::{CommentAction, CommentsPanel};
use compare::CompareWindow;
use dialogs::{ChangedAnswer, LockedAnswer, RecoverAnswer, UnsavedAnswer};
use export_dialog::{ExportDialog, ExportRequest};
use focus::FieldFocus;
use forms::FormPanel;
use outline::OutlinePanel;
use paste::PasteWindow;
use preview::PreviewPanel;
use problems::{ProblemAction, ProblemsPanel};
use settings_window::SettingsWindow;
use start::{StartChoice, StartScreen};

/// How the editor starts.
pub struct Options {
    /// A draft to open at once.
    pub file: Option<PathBuf>,
    /// The UI language for this run, overriding the saved setting.
    pub lang: Option<Lang>,
    /// Where settings are kept; `None` keeps them in memory only.
    pub settings_path: Option<PathBuf>,
    pub fonts: Fonts,
    pub dialogs: Box<dyn FileDialogs>,
    /// Print the time to the first frame and quit (start-up measurement).
    pub startup_probe: Option<Instant>,
    /// Where unsaved work is autosaved; `None` turns autosave off.
    pub recovery_dir: Option<PathBuf>,
}

impl Options {
    /// What `jianbao` on the command line uses.
    pub fn native(file: Option<PathBuf>, lang: Option<Lang>) -> Self {
        Self {
            file,
            lang,
            settings_path: settings::config_dir().map(|d| d.join("settings.ron")),
            fonts: Fonts::System,
            dialogs: Box::new(NativeDialogs),
            startup_probe: None,
            recovery_dir: settings::data_dir().map(|d| d.join("recovery")),
        }
    }
}

impl Options {
    /// An editor that reads and writes no user settings and loads only the
    /// bundled fonts, in Chinese, with `dialogs` answering file questions:
    /// for tests and benchmarks.
    pub fn detached(dialogs: Box<dyn FileDialogs>) -> Self {
        Self {
            file: None,
            lang: Some(Lang::Zh),
            settings_path: None,
            fonts: Fonts::Bundled,
            dialogs,
            startup_probe: None,
            recovery_dir: None,
        }
    }
}

/// Opens the editor window and runs until it closes.
pub fn run(options: Options) -> ExitCode {
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(S::AppName.get(options.lang.unwrap_or_default()))
            .with_app_id("jianbao")
            .with_inner_size([1440.0, 900.0])
            .with_min_inner_size([720.0, 480.0]),
        persistence_path: settings::config_dir().map(|d| d.join("window.ron")),
        ..Default::default()
    };
    let result = eframe::run_native(
        "jianbao",
        native,
        Box::new(move |cc| Ok(Box::new(JianbaoApp::new(&cc.egui_ctx, options)))),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{error}");
            ExitCode::from(2)
        }
    }
}

/// A question the editor is waiting on.
enum Modal {
    /// Save changes before running this command?
    Unsaved(Command),
    /// Someone else has this draft open.
    Locked { path: PathBuf, owner: LockOwner },
    /// Break that lock? (Named, confirmed.)
    BreakLock { path: PathBuf, owner: LockOwner },
    /// Save the draft over this existing file? (The dialog did not ask:
    /// the extension was added after it.)
    Replace { path: PathBuf, pdf: bool },
    /// The file changed on disk since it was opened; save anyway?
    ChangedOnDisk,
    /// Unsaved work found at start-up.
    Recover(Vec<Found>),
    /// Confirm a status change, with a note for the history.
    Status { to: Status, note: String },
    /// The user's name, asked once, before it first goes on a comment or
    /// a status change; then the command runs.
    Name { name: String, then: Command },
    /// The issue is not approved: export anyway?
    ExportUnapproved(Command),
    /// The archive's numbering has problems (after New from latest).
    Numbering(Vec<String>),
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
    /// The pages wanted.
    window: std::ops::Range<usize>,
}

/// Everything the user can ask for from menus, shortcuts and buttons.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    New,
    Open,
    OpenPath(PathBuf),
    OpenSample,
    Save,
    SaveAs,
    ExportPdf,
    Export,
    Close,
    Quit,
    Undo,
    Redo,
    Settings,
    /// A whole bulletin from a text file, as a new issue.
    ImportBulletin,
    /// One article from a Word or text file, into the current section.
    ImportArticle,
    /// One article from pasted text.
    PasteArticle,
    /// Show or hide the problems panel.
    Problems,
    Outline(OutlineAction),
    /// Open a draft with reviewer mode on.
    OpenForReview,
    /// Reviewer mode on or off.
    ToggleReviewing,
    /// Move the review status (after confirming).
    SetStatus(Status),
    /// Compare the draft with another version of it.
    Compare,
    Comment(CommentAction),
    /// Show or hide the archive window.
    Archive,
    /// Choose the archive folder.
    PickArchiveFolder,
    /// The next issue after the newest in the archive.
    NewFromLatest {
        supplement: bool,
    },
    /// Open a draft at one of its articles, with these words selected (a
    /// search result).
    OpenArticle(PathBuf, crate::model::ArticleId, crate::model::Quote),
}

impl Command {
    /// Commands that replace or close the open draft ask about unsaved
    /// changes first.
    fn discards_draft(&self) -> bool {
        matches!(
            self,
            Command::New
                | Command::Open
                | Command::OpenPath(_)
                | Command::OpenSample
                | Command::OpenForReview
                | Command::NewFromLatest { .. }
                | Command::OpenArticle(..)
                | Command::ImportBulletin
                | Command::Close
                | Command::Quit
        )
    }

    /// Commands that sign something with the user's name.
    fn needs_name(&self) -> bool {
        matches!(
            self,
            Command::SetStatus(_)
                | Command::Comment(CommentAction::Add { .. } | CommentAction::Reply { .. })
        )
    }

    fn exports(&self) -> bool {
        matches!(self, Command::Export | Command::ExportPdf)
    }
}

/// The editor.
pub struct JianbaoApp {
    settings: Settings,
    settings_path: Option<PathBuf>,
    lang_override: Option<Lang>,
    dialogs: Box<dyn FileDialogs>,

    session: Option<Session>,
    selection: Selection,

    start: StartScreen,
    outline: OutlinePanel,
    form: FormPanel,
    preview: PreviewPanel,
    settings_window: SettingsWindow,

    worker: PreviewWorker,
    /// Increases with every change of the issue sent to the worker.
    generation: u64,
    typeset_issue: Option<Arc<Issue>>,
    last_job: Option<PreviewJobKey>,

    /// A question waiting for the user's answer.
    modal: Option<Modal>,
    error: Option<String>,
    autosave: Autosave,
    export_dialog: ExportDialog,
    /// The user said to export this unapproved issue anyway (asked once
    /// per draft and status).
    export_unapproved_ok: bool,
    comments: CommentsPanel,
    compare: CompareWindow,
    /// Started the first time the archive is needed, not at start-up.
    archive_watcher: Option<ArchiveWatcher>,
    archive_window: ArchiveWindow,
    /// The newest snapshot of the archive, once read.
    archive: Option<ArchiveView>,
    /// Files read of the archive folder, while it is being read.
    archive_progress: Option<(usize, usize)>,
    /// New from latest, asked for before the archive was read.
    pending_new: Option<Command>,
    paste: PasteWindow,
    problems: ProblemsPanel,
    focus: FieldFocus,
    /// Findings for `linted`, the issue as last proofread.
    findings: Vec<Finding>,
    linted: Option<Issue>,
    /// The worker's fonts, once loaded, and which characters they cover.
    fonts: Option<Arc<FontSet>>,
    coverage: std::cell::RefCell<std::collections::HashMap<char, bool>>,
    /// Targets written of the current (or last) export.
    export_progress: Option<(usize, usize)>,
    /// An article being read from a file on its own thread (a Word file
    /// can be slow or hostile): the article, or the message why not.
    importing: Option<std::sync::mpsc::Receiver<Result<crate::model::Article, String>>>,
    /// Whether to look for recovery files once more shortly after start:
    /// an editor still dying at start-up was skipped as running.
    recovery_second_look: bool,
    notice: Option<Notice>,
    title: String,
    quitting: bool,
    startup_probe: Option<Instant>,
}

impl JianbaoApp {
    pub fn new(ctx: &egui::Context, options: Options) -> Self {
        fonts::install(ctx);
        let settings = options
            .settings_path
            .as_deref()
            .map(Settings::load)
            .unwrap_or_default();
        apply_theme(ctx, settings.theme);
        let repaint = ctx.clone();
        let worker = PreviewWorker::spawn(options.fonts, move || repaint.request_repaint());
        let mut app = Self {
            settings,
            settings_path: options.settings_path,
            lang_override: options.lang,
            dialogs: options.dialogs,
            session: None,
            selection: Selection::default(),
            start: StartScreen,
            outline: OutlinePanel,
            form: FormPanel::default(),
            preview: PreviewPanel::default(),
            settings_window: SettingsWindow::default(),
            worker,
            generation: 0,
            typeset_issue: None,
            last_job: None,
            modal: None,
            error: None,
            autosave: Autosave::new(options.recovery_dir.clone()),
            export_dialog: ExportDialog::default(),
            export_unapproved_ok: false,
            comments: CommentsPanel::default(),
            compare: CompareWindow::default(),
            archive_watcher: None,
            archive_window: ArchiveWindow::default(),
            archive: None,
            archive_progress: None,
            pending_new: None,
            paste: PasteWindow::default(),
            problems: ProblemsPanel::default(),
            focus: FieldFocus::default(),
            findings: Vec::new(),
            linted: None,
            fonts: None,
            coverage: Default::default(),
            export_progress: None,
            importing: None,
            recovery_second_look: options.recovery_dir.is_some(),
            notice: None,
            title: String::new(),
            quitting: false,
            startup_probe: options.startup_probe,
        };
        if let Some(path) = options.file {
            app.open_path(&path);
        }
        if let Some(folder) = &options.recovery_dir {
            app.offer_recovery(recovery::scan(folder));
        }
        app
    }

    pub fn lang(&self) -> Lang {
        self.lang_override.unwrap_or(self.settings.lang)
    }

    /// The preview's zoom (screen points per PDF point).
    pub fn preview_zoom(&self) -> f32 {
        self.preview.zoom()
    }

    /// The open draft, if any.
    pub fn session(&self) -> Option<&Session> {
        self.session.as_ref()
    }

    pub fn session_mut(&mut self) -> Option<&mut Session> {
        self.session.as_mut()
    }

    pub fn selection(&self) -> Selection {
        self.selection
    }

    /// How many issues the archive holds, once it has been read.
    pub fn archive_issue_count(&self) -> Option<usize> {
        self.archive.as_ref().map(|v| v.archive.entries.len())
    }

    /// Whether the "save changes?" prompt is up.
    pub fn is_prompting(&self) -> bool {
        matches!(self.modal, Some(Modal::Unsaved(_)))
    }

    /// Whether a question (any prompt) is waiting for an answer.
    pub fn is_asking(&self) -> bool {
        self.modal.is_some()
    }

    /// The error dialog's message, if one is showing.
    pub fn error_message(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// The generation of the issue as last sent to the typesetter, and the
    /// generation of the pages on screen: equal once the preview caught up.
    pub fn preview_generations(&self) -> (u64, u64) {
        (self.generation, self.preview.generation())
    }

    /// Content fingerprints of the pages on screen.
    pub fn preview_fingerprints(&self) -> Vec<u128> {
        self.preview.fingerprints()
    }

    /// Runs a command as if chosen from the menu.
    pub fn command(&mut self, ctx: &egui::Context, command: Command) {
        if command.discards_draft() && self.session.as_ref().is_some_and(Session::is_dirty) {
            self.modal = Some(Modal::Unsaved(command));
            return;
        }
        if command.needs_name() && self.settings.user_name.trim().is_empty() {
            self.modal = Some(Modal::Name {
                // The login name is a starting point.
                name: crate::store::lock::login_name().unwrap_or_default(),
                then: command,
            });
            return;
        }
        let unapproved = self
            .session
            .as_ref()
            .is_some_and(|s| !s.issue.review.status.is_cleared());
        if command.exports() && unapproved && !self.export_unapproved_ok {
            self.modal = Some(Modal::ExportUnapproved(command));
            return;
        }
        self.execute(ctx, command);
    }

    fn execute(&mut self, ctx: &egui::Context, command: Command) {
        let lang = self.lang();
        match command {
            Command::New => self.set_session(Session::untitled(Issue::new(
                chrono::Local::now().date_naive(),
            ))),
            Command::Open => {
                if let Some(path) = self.dialogs.open_draft(lang) {
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
            Command::Export => {
                if let Some(session) = &self.session {
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
                    self.export_dialog.open = true;
                }
            }
            Command::Close => {
                self.autosave.finish(self.session.as_ref());
                self.session = None;
                self.preview.clear();
            }
            Command::Quit => {
                self.quitting = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
            Command::Undo | Command::Redo => {
                if let Some(session) = self.session.as_mut().filter(|s| s.can_edit()) {
                    let done = if command == Command::Undo {
                        session.undo()
                    } else {
                        session.redo()
                    };
                    if done {
                        self.selection = self.selection.valid_in(&session.issue);
                    }
                }
            }
            Command::Settings => self.settings_window.open = true,
            Command::ImportBulletin => self.import_bulletin(),
            Command::ImportArticle => self.import_article(),
            Command::PasteArticle => {
                self.paste.open = self.session.as_ref().is_some_and(Session::can_edit)
            }
            Command::Problems => self.problems.open = !self.problems.open,
            Command::Outline(action) => self.apply_outline(action),
            Command::OpenForReview => {
                if let Some(path) = self.dialogs.open_draft(lang) {
                    self.open_path(&path);
                    if let Some(session) = &mut self.session {
                        session.set_reviewing(true);
                    }
                }
            }
            Command::ToggleReviewing => {
                if let Some(session) = &mut self.session {
                    session.set_reviewing(!session.is_reviewing());
                }
            }
            Command::SetStatus(to) => {
                let allowed = self.session.as_ref().is_some_and(|s| {
                    !s.is_read_only() && s.issue.review.status.next().contains(&to)
                });
                if allowed {
                    self.modal = Some(Modal::Status {
                        to,
                        note: String::new(),
                    });
                }
            }
            Command::Compare => self.compare_with_file(),
            Command::Comment(action) => self.apply_comment(action),
            Command::Archive => {
                self.archive_window.open = !self.archive_window.open;
                if self.archive_window.open {
                    self.watch_archive(ctx);
                }
            }
            Command::PickArchiveFolder => {
                if let Some(folder) = self.dialogs.pick_archive_folder(lang) {
                    self.set_archive_folder(ctx, folder);
                }
            }
            Command::NewFromLatest { supplement } => {
                if self.settings.archive_folder.is_none() {
                    match self.dialogs.pick_archive_folder(lang) {
                        Some(folder) => self.set_archive_folder(ctx, folder),
                        None => return,
                    }
                }
                self.watch_archive(ctx);
                if self.archive.is_some() {
                    self.new_from_latest(supplement);
                } else {
                    self.pending_new = Some(Command::NewFromLatest { supplement });
                    self.notify(S::ArchiveReading.get(lang).to_owned());
                }
            }
            Command::OpenArticle(path, id, words) => {
                self.open_path(&path);
                let Some(session) = self.session.as_ref().filter(|s| {
                    s.path() == Some(path.as_path()) && s.issue.find_article(id).is_some()
                }) else {
                    return;
                };
                let place = crate::model::review::locate_in(&session.issue, id, &words);
                self.select(Selection::Article(id));
                if let Some((field, range)) = place {
                    self.focus.request(field, range);
                }
            }
        }
    }

    /// Re-proofreads when the content changed since the last time (a
    /// comment or a status change leaves the findings as they are).
    fn lint_if_changed(&mut self) {
        let Some(session) = &self.session else {
            self.findings.clear();
            self.linted = None;
            return;
        };
        if self
            .linted
            .as_ref()
            .is_some_and(|linted| linted.same_content(&session.issue))
        {
            return;
        }
        let covers = |c: char| match &self.fonts {
            // Until the fonts are loaded, nothing is called missing.
            None => true,
            Some(fonts) => *self
                .coverage
                .borrow_mut()
                .entry(c)
                .or_insert_with(|| fonts.covers(c)),
        };
        let cx = crate::lint::Context {
            today: chrono::Local::now().date_naive(),
            covers: &covers,
        };
        self.findings = crate::lint::lint(&session.issue, &cx);
        self.linted = Some(session.issue.clone());
    }

    fn problem_action(&mut self, action: ProblemAction) {
        let Some(session) = self.session.as_mut() else {
            return;
        };
        match action {
            ProblemAction::Jump(finding) => {
                self.selection = Selection::of_field(&finding.field, &session.issue);
                self.focus.request(finding.field, finding.range);
            }
            _ if !session.can_edit() => {}
            ProblemAction::Fix(finding) => {
                session.checkpoint();
                crate::lint::apply(&mut session.issue, &[finding], false);
            }
            ProblemAction::FixAll(rule) => {
                session.checkpoint();
                let of_kind: Vec<Finding> = self
                    .findings
                    .iter()
                    .filter(|f| f.rule == rule)
                    .cloned()
                    .collect();
                crate::lint::apply(&mut session.issue, &of_kind, true);
            }
        }
    }

    /// The current findings (as the problems panel lists them).
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    fn apply_outline(&mut self, action: OutlineAction) {
        let Some(session) = &mut self.session else {
            return;
        };
        if let OutlineAction::Select(selection) = action {
            self.select(selection);
            return;
        }
        if !session.can_edit() {
            return;
        }
        session.checkpoint();
        let issue = &mut session.issue;
        let selection = match action {
            OutlineAction::Select(selection) => Some(selection),
            OutlineAction::AddSection => Some(Selection::Section(issue.add_section())),
            OutlineAction::AddArticle { section } => {
                issue.add_article(section).map(Selection::Article)
            }
            OutlineAction::DeleteSection(s) => issue.delete_section(s).map(|_| Selection::Masthead),
            OutlineAction::DeleteArticle(id) => {
                issue.delete_article(id).map(|(s, a, _)| {
                    match issue
                        .sections
                        .get(s)
                        .and_then(|sec| sec.articles.get(a.saturating_sub(1)))
                    {
                        Some(neighbour) => Selection::Article(neighbour.id),
                        None => Selection::Section(s),
                    }
                })
            }
            OutlineAction::DuplicateSection(s) => {
                issue.duplicate_section(s).map(Selection::Section)
            }
            OutlineAction::DuplicateArticle(id) => {
                issue.duplicate_article(id).map(Selection::Article)
            }
            OutlineAction::MoveSection { section, delta } => issue
                .move_section_by(section, delta)
                .map(Selection::Section),
            OutlineAction::MoveArticle { id, delta } => issue
                .move_article_by(id, delta)
                .then_some(Selection::Article(id)),
            OutlineAction::DropArticle { id, section, index } => issue
                .move_article_to(id, section, index)
                .then_some(Selection::Article(id)),
            OutlineAction::DropSection { section, to } => {
                issue.move_section_to(section, to).map(Selection::Section)
            }
        };
        if let Some(selection) = selection {
            self.select(selection);
        }
    }

    fn select(&mut self, selection: Selection) {
        self.selection = selection;
        if let Selection::Article(id) = selection {
            self.preview.reveal(id);
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

    /// Sends the worker a job when the content, zoom or visible pages
    /// changed; a comment or a status change typesets nothing.
    fn submit_preview(&mut self, ctx: &egui::Context) {
        let Some(session) = &self.session else {
            return;
        };
        let unchanged = self
            .typeset_issue
            .as_deref()
            .is_some_and(|typeset| typeset.same_content(&session.issue));
        if !unchanged {
            self.generation += 1;
            self.typeset_issue = Some(Arc::new(session.issue.clone()));
        }
        let Some(issue) = &self.typeset_issue else {
            return;
        };
        let scale = self.preview.render_scale(ctx.pixels_per_point());
        let window = self.preview.wanted_window();
        let key = PreviewJobKey {
            generation: self.generation,
            scale_bits: scale.to_bits(),
            window: window.clone(),
        };
        if self.last_job.as_ref() != Some(&key) {
            self.worker.submit(Job {
                generation: self.generation,
                issue: issue.clone(),
                scale,
                window,
                held: self.preview.held(),
            });
            self.last_job = Some(key);
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let lang = self.lang();
        let title = match &self.session {
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
        };
        if title != self.title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// One frame of the editor; separate from `eframe::App` so tests and
    /// benchmarks can drive it with a plain egui context.
    /// One frame: what came back from the threads, the panels and their
    /// commands, the windows, then the work that follows every frame.
    pub fn frame(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        let now = ctx.input(|i| i.time);
        self.drain_worker(&ctx);
        self.poll_import(&ctx);
        self.drain_archive(&ctx);
        self.handle_close_request(&ctx);
        let mut commands = self.bars(ui);
        self.document_panels(ui, &mut commands);
        for command in commands {
            self.command(&ctx, command);
        }
        self.dialogs_ui(&ctx);
        self.windows(&ctx);
        self.after_frame(now, &ctx);
    }

    /// Pages, fonts and export progress from the typesetting thread.
    fn drain_worker(&mut self, ctx: &egui::Context) {
        let lang = self.lang();
        for update in self.worker.poll() {
            match update {
                Update::Fonts(fonts) => {
                    self.fonts = Some(fonts);
                    self.coverage.borrow_mut().clear();
                    self.linted = None;
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
                other => self.preview.apply(ctx, other),
            }
        }
    }

    /// Snapshots and progress from the archive watcher.
    fn drain_archive(&mut self, ctx: &egui::Context) {
        let archive_updates = self.archive_watcher.as_ref().map(ArchiveWatcher::poll);
        for update in archive_updates.into_iter().flatten() {
            match update {
                ArchiveUpdate::Progress { done, total } => {
                    self.archive_progress = Some((done, total))
                }
                ArchiveUpdate::Ready(archive) => {
                    let generation = self.archive.as_ref().map_or(0, |v| v.generation) + 1;
                    let problems = crate::archive::numbering::problems(&archive.entries);
                    self.archive = Some(ArchiveView {
                        archive,
                        problems,
                        generation,
                    });
                    self.archive_progress = None;
                    if let Some(command) = self.pending_new.take() {
                        self.command(ctx, command);
                    }
                }
            }
        }
    }

    fn handle_close_request(&mut self, ctx: &egui::Context) {
        // A close request with unsaved work waits for an answer.
        if ctx.input(|i| i.viewport().close_requested()) {
            if !self.quitting && self.session.as_ref().is_some_and(Session::is_dirty) {
                ctx.send_viewport_cmd(ViewportCommand::CancelClose);
                self.modal = Some(Modal::Unsaved(Command::Quit));
            } else {
                self.autosave.finish(self.session.as_ref());
                self.save_settings();
            }
        }
    }

    /// The shortcuts, the menu bar, the status bar and the problems panel;
    /// the commands they gave.
    fn bars(&mut self, ui: &mut Ui) -> Vec<Command> {
        let ctx = ui.ctx().clone();
        let lang = self.lang();
        let state = self.enabledness();
        let mut commands = if self.modal.is_none() && self.error.is_none() {
            self.shortcuts(&ctx, &state)
        } else {
            Vec::new()
        };

        egui::Panel::top("menu").show(ui, |ui| commands.extend(self.menu_bar(ui, &state)));
        self.lint_if_changed();
        egui::Panel::bottom("status").show(ui, |ui| {
            if self.status_bar(ui) {
                commands.push(Command::Problems);
            }
        });
        if self.problems.open && self.session.is_some() {
            let mut action = None;
            egui::Panel::bottom("problems")
                .resizable(true)
                .default_size(180.0)
                .min_size(80.0)
                .show(ui, |ui| action = self.problems.ui(ui, &self.findings, lang));
            if let Some(action) = action {
                self.problem_action(action);
            }
        }
        commands
    }

    /// The outline, preview, form and comments of the open draft, or the
    /// start screen.
    fn document_panels(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let lang = self.lang();
        if let Some(session) = &mut self.session {
            self.selection = self.selection.valid_in(&session.issue);
            let selection = self.selection;
            egui::Panel::left("outline")
                .resizable(true)
                .default_size(250.0)
                .min_size(180.0)
                .show(ui, |ui| {
                    let editable = session.can_edit();
                    let actions = self
                        .outline
                        .ui(ui, &session.issue, selection, lang, editable);
                    commands.extend(actions.into_iter().map(Command::Outline));
                });
            let selected_article = match selection {
                Selection::Article(id) => Some(id),
                _ => None,
            };
            let commented = reviewing::commented_articles(&session.issue);
            egui::Panel::right("preview")
                .resizable(true)
                .default_size(560.0)
                .min_size(240.0)
                .show(ui, |ui| {
                    if let Some(id) = self.preview.ui(ui, lang, selected_article, &commented) {
                        self.selection = Selection::Article(id);
                    }
                });
            let editable = session.can_edit();
            let why_locked = if session.is_read_only() {
                Some(S::ReadOnlyExplain)
            } else if session.issue.review.status.locks_content() {
                Some(S::LockedByStatus)
            } else if session.is_reviewing() {
                Some(S::ReviewingNotice)
            } else {
                None
            };
            // Comments sit beside the article they are on: always while
            // reviewing, else when there are some.
            let comments_on = selected_article.filter(|id| {
                session.is_reviewing() || session.issue.review.comments_on(*id).next().is_some()
            });
            egui::CentralPanel::default().show(ui, |ui| {
                if let Some(why) = why_locked {
                    ui.colored_label(ui.visuals().warn_fg_color, why.get(lang));
                }
                if let Some(id) = comments_on
                    && let Some((s, a)) = session.issue.find_article(id)
                {
                    let quote = self.form.selected_quote(&session.issue, id);
                    let article = &session.issue.sections[s].articles[a];
                    let user = self.settings.display_name();
                    egui::Panel::right("comments")
                        .resizable(true)
                        .default_size(300.0)
                        .min_size(200.0)
                        .show(ui, |ui| {
                            let action = self.comments.ui(
                                ui,
                                &session.issue.review,
                                article,
                                quote,
                                &user,
                                lang,
                            );
                            commands.extend(action.map(Command::Comment));
                        });
                }
                self.form.ui(
                    ui,
                    &mut session.issue,
                    self.selection,
                    editable,
                    lang,
                    &mut self.focus,
                );
            });
        } else {
            egui::CentralPanel::default().show(ui, |ui| {
                let archive = self.settings.archive_folder.is_some();
                match self.start.ui(ui, &self.settings.recent, archive, lang) {
                    Some(StartChoice::New) => commands.push(Command::New),
                    Some(StartChoice::NewFromLatest) => {
                        commands.push(Command::NewFromLatest { supplement: false })
                    }
                    Some(StartChoice::Open) => commands.push(Command::Open),
                    Some(StartChoice::OpenSample) => commands.push(Command::OpenSample),
                    Some(StartChoice::OpenRecent(path)) => commands.push(Command::OpenPath(path)),
                    None => {}
                }
            });
        }
    }

    /// The windows over the editor: export, paste, compare, settings,
    /// archive.
    fn windows(&mut self, ctx: &egui::Context) {
        let lang = self.lang();
        if let Some(session) = &self.session {
            let request = self.export_dialog.show(
                ctx,
                &mut self.settings.export,
                &session.issue,
                self.preview.page_count(),
                self.export_progress,
                lang,
            );
            match request {
                Some(ExportRequest::PickFolder) => {
                    if let Some(folder) = self.dialogs.pick_folder(lang) {
                        self.settings.export.folder = Some(folder);
                    }
                }
                Some(ExportRequest::Start(targets)) => {
                    self.save_settings();
                    self.start_export(targets);
                }
                None => {}
            }
        }

        if let Some(text) = self.paste.show(ctx, lang) {
            let article = self
                .session
                .as_ref()
                .map(|s| crate::import::article_from_text(&text, &s.issue));
            match article {
                Some(Ok(article)) => self.add_article(article),
                Some(Err(error)) => self.error = Some(error.message(lang)),
                None => {}
            }
        }

        if let Some(session) = &mut self.session
            && let Some(chosen) = self
                .compare
                .show(ctx, &session.issue, session.can_edit(), lang)
            && session.can_edit()
        {
            session.checkpoint();
            self.compare.accept(&mut session.issue, &chosen);
            self.selection = self.selection.valid_in(&session.issue);
        }

        let issue = self
            .session
            .as_mut()
            .filter(|s| s.can_edit())
            .map(|s| &mut s.issue);
        let outcome = self.settings_window.show(ctx, &mut self.settings, issue);
        if outcome.changed {
            self.lang_override = None;
            apply_theme(ctx, self.settings.theme);
            self.save_settings();
        }
        if outcome.pick_archive_folder {
            self.command(ctx, Command::PickArchiveFolder);
        }

        let request = self.archive_window.show(
            ctx,
            self.settings.archive_folder.as_deref(),
            self.archive.as_ref(),
            self.archive_progress,
            lang,
        );
        if let Some(request) = request {
            // Opening or starting an issue goes back to the editor.
            if request != ArchiveRequest::PickFolder {
                self.archive_window.open = false;
            }
            let command = match request {
                ArchiveRequest::Open(path) => Command::OpenPath(path),
                ArchiveRequest::OpenArticle(path, id, words) => {
                    Command::OpenArticle(path, id, words)
                }
                ArchiveRequest::NewFromLatest { supplement } => {
                    Command::NewFromLatest { supplement }
                }
                ArchiveRequest::PickFolder => Command::PickArchiveFolder,
            };
            self.command(ctx, command);
        }
    }

    /// Undo history, autosave, the preview job, the title, notices.
    fn after_frame(&mut self, now: f64, ctx: &egui::Context) {
        let lang = self.lang();
        if let Some(session) = &mut self.session {
            session.end_frame(now);
            let (again, failure) = self.autosave.tick(now, session);
            if let Some(seconds) = again {
                ctx.request_repaint_after(std::time::Duration::from_secs_f64(seconds.max(0.05)));
            }
            if let Some(error) = failure {
                self.notify(messages::autosave_failed(&error, lang));
            }
        }
        self.submit_preview(ctx);
        self.update_title(ctx);
        self.expire_notice(now, ctx);
        self.second_look_for_recovery(now, ctx);

        if let Some(start) = self.startup_probe.take() {
            println!(
                "first frame after {:.1} ms",
                start.elapsed().as_secs_f64() * 1000.0
            );
            self.quitting = true;
            ctx.send_viewport_cmd(ViewportCommand::Close);
        }
    }

    fn dialogs_ui(&mut self, ctx: &egui::Context) {
        let lang = self.lang();
        if let Some(error) = &self.error {
            if dialogs::error_message(ctx, error, lang) {
                self.error = None;
            }
            return;
        }
        let Some(modal) = self.modal.take() else {
            return;
        };
        let name = self
            .session
            .as_ref()
            .map(|s| s.display_name(lang))
            .unwrap_or_default();
        match modal {
            Modal::Unsaved(command) => match dialogs::unsaved_prompt(ctx, &name, lang) {
                None => self.modal = Some(Modal::Unsaved(command)),
                Some(UnsavedAnswer::Cancel) => {}
                Some(UnsavedAnswer::Discard) => {
                    if let Some(session) = &mut self.session {
                        // The edits are given up: nothing is left to ask about.
                        session.revert();
                    }
                    self.execute(ctx, command);
                }
                Some(UnsavedAnswer::Save) => {
                    if self.save() {
                        self.execute(ctx, command);
                    }
                }
            },
            Modal::Locked { path, owner } => {
                match dialogs::locked_prompt(ctx, &path, &owner, lang) {
                    None => self.modal = Some(Modal::Locked { path, owner }),
                    Some(LockedAnswer::ReadOnly) => self.open_read_only(&path),
                    Some(LockedAnswer::Break) => {
                        self.modal = Some(Modal::BreakLock { path, owner })
                    }
                    Some(LockedAnswer::Cancel) => {}
                }
            }
            Modal::BreakLock { path, owner } => {
                match dialogs::break_lock_prompt(ctx, &path, &owner, lang) {
                    None => self.modal = Some(Modal::BreakLock { path, owner }),
                    Some(true) => self.break_lock_and_open(&path, &owner),
                    Some(false) => {}
                }
            }
            Modal::Replace { path, pdf } => match dialogs::replace_prompt(ctx, &path, lang) {
                None => self.modal = Some(Modal::Replace { path, pdf }),
                Some(true) if pdf => self.start_export(vec![crate::export::Target::pdf(path)]),
                Some(true) => {
                    self.save_to(&path);
                }
                Some(false) => {}
            },
            Modal::ChangedOnDisk => match dialogs::changed_on_disk_prompt(ctx, &name, lang) {
                None => self.modal = Some(Modal::ChangedOnDisk),
                Some(ChangedAnswer::Overwrite) => {
                    self.write_session();
                }
                Some(ChangedAnswer::SaveAs) => {
                    self.save_as();
                }
                Some(ChangedAnswer::Reload) => {
                    if let Some(Err(error)) = self.session.as_mut().map(Session::reload) {
                        self.error = Some(error.message(lang));
                    }
                }
                Some(ChangedAnswer::Cancel) => {}
            },
            Modal::Status { to, mut note } => {
                let from = self
                    .session
                    .as_ref()
                    .map_or(Status::Draft, |s| s.issue.review.status);
                match dialogs::status_prompt(ctx, from, to, &mut note, lang) {
                    None => self.modal = Some(Modal::Status { to, note }),
                    Some(true) => self.change_status(to, &note),
                    Some(false) => {}
                }
            }
            Modal::Name { mut name, then } => match dialogs::name_prompt(ctx, &mut name, lang) {
                None => self.modal = Some(Modal::Name { name, then }),
                Some(true) => {
                    self.settings.user_name = name.trim().to_owned();
                    self.save_settings();
                    self.command(ctx, then);
                }
                Some(false) => {}
            },
            Modal::ExportUnapproved(command) => {
                let status = self
                    .session
                    .as_ref()
                    .map_or(Status::Draft, |s| s.issue.review.status);
                match dialogs::export_unapproved_prompt(ctx, status, lang) {
                    None => self.modal = Some(Modal::ExportUnapproved(command)),
                    Some(true) => {
                        self.export_unapproved_ok = true;
                        self.execute(ctx, command);
                    }
                    Some(false) => {}
                }
            }
            Modal::Numbering(lines) => {
                if !dialogs::notice(
                    ctx,
                    S::NumberingWarningTitle.get(lang),
                    S::NumberingWarning.get(lang),
                    &lines,
                    lang,
                ) {
                    self.modal = Some(Modal::Numbering(lines));
                }
            }
            Modal::Recover(mut found) => {
                match dialogs::recovery_prompt(ctx, &found, lang) {
                    None => {}
                    Some(RecoverAnswer::Later) => return,
                    Some(RecoverAnswer::Restore(i)) => {
                        let item = found.remove(i);
                        self.restore(item);
                    }
                    Some(RecoverAnswer::Compare(i)) => {
                        let item = found.remove(i);
                        if let Some(original) = &item.recovery.original {
                            self.open_in_another_window(original);
                        }
                        self.restore(item);
                    }
                    Some(RecoverAnswer::Discard(i)) => {
                        let item = found.remove(i);
                        let _ = std::fs::remove_file(&item.path);
                    }
                }
                if !found.is_empty() && self.modal.is_none() {
                    self.modal = Some(Modal::Recover(found));
                }
            }
        }
    }

    /// Seconds after start when recovery files are looked for again.
    const SECOND_LOOK: f64 = 3.0;

    fn second_look_for_recovery(&mut self, now: f64, ctx: &egui::Context) {
        if !self.recovery_second_look {
            return;
        }
        if now < Self::SECOND_LOOK {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(Self::SECOND_LOOK - now));
            return;
        }
        self.recovery_second_look = false;
        if let Some(folder) = self.autosave.folder() {
            let found = recovery::scan(folder);
            self.offer_recovery(found);
        }
    }

    fn expire_notice(&mut self, now: f64, ctx: &egui::Context) {
        if let Some(notice) = &mut self.notice {
            let shown_at = *notice.shown_at.get_or_insert(now);
            if now - shown_at > 6.0 {
                self.notice = None;
            } else {
                ctx.request_repaint_after(std::time::Duration::from_secs(1));
            }
        }
    }
}

fn apply_theme(ctx: &egui::Context, theme: Theme) {
    // Offices run light desktops: where the system's preference cannot be
    // read (egui would fall back to dark), light.
    ctx.options_mut(|o| o.fallback_theme = egui::Theme::Light);
    // Ctrl+−/+ zoom the pages (see `menus`), not the whole interface.
    ctx.options_mut(|o| o.zoom_with_keyboard = false);
    ctx.set_theme(match theme {
        Theme::System => egui::ThemePreference::System,
        Theme::Light => egui::ThemePreference::Light,
        Theme::Dark => egui::ThemePreference::Dark,
    });
}

impl eframe::App for JianbaoApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.frame(ui);
    }

    fn save(&mut self, _storage: &mut dyn eframe::Storage) {
        self.save_settings();
    }
}
