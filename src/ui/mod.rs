//! The editor window (eframe): an outline on the left, the form for the
//! selected part in the middle, the live preview on the right.
//!
//! The window is views over [`Editor`], the core (`crate::app`): each
//! panel is a struct with its own state and a `ui` method that reads the
//! core and returns [`Command`]s; [`JianbaoApp::frame`] lays the panels
//! out, hands their commands to the core and does the [`Effect`]s it asks
//! for. `layout` places the panels, `menus` draws the menu bar and the
//! status bar from the one command table (`commands`), `questions` shows
//! the core's questions.

mod archive;
pub mod body_editor;
mod columns;
mod commands;
mod comments;
mod compare;
mod dialogs;
mod export_dialog;
mod focus;
pub mod fonts;
mod forms;
mod ime;
mod layout;
mod menus;
mod outline;
pub mod pacing;
mod paste;
mod preview;
mod probes;
mod problems;
mod profile_window;
mod questions;
mod settings_window;
mod start;
mod widgets;

pub use crate::app::{Command, OutlineAction};

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use egui::{Ui, ViewportCommand};

use crate::app::editor::{PageRequest, Setup};
use crate::app::files::{FileDialogs, NativeDialogs};
use crate::app::settings::{self, Theme};
use crate::app::worker::Fonts;
use crate::app::{Editor, Effect, Selection, Session, Window};
use crate::i18n::{Lang, S};
use crate::lint::Finding;
use archive::ArchiveWindow;
use comments::CommentsPanel;
use compare::CompareWindow;
use export_dialog::ExportDialog;
use focus::FieldFocus;
use forms::FormPanel;
use outline::OutlinePanel;
use paste::PasteWindow;
use preview::PreviewPanel;
use problems::ProblemsPanel;
use profile_window::ProfileWindow;
use settings_window::SettingsWindow;
use start::StartScreen;

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
    /// Print the time to the first frame and the first pages, and quit
    /// (start-up measurement, `ui::probes`).
    pub startup_probe: Option<Instant>,
    /// Print when each new set of pages is on screen (`ui::probes`).
    pub latency_probe: bool,
    /// The longest a frame that took an edit waits to paint the pages the
    /// edit changes with it (`ui::pacing`).
    pub preview_wait: std::time::Duration,
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
            latency_probe: false,
            preview_wait: pacing::BUDGET,
            recovery_dir: settings::data_dir().map(|d| d.join("recovery")),
        }
    }

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
            latency_probe: false,
            preview_wait: pacing::BUDGET,
            recovery_dir: None,
        }
    }
}

/// Opens the editor window and runs until it closes.
pub fn run(options: Options) -> ExitCode {
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(S::AppName.get(options.lang.unwrap_or_default()))
            .with_app_id(crate::assets::APP_ID)
            // eframe makes it no larger than the screen it opens on.
            .with_inner_size([1440.0, 900.0])
            .with_min_inner_size([720.0, 480.0]),
        centered: true,
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

/// The panels and windows, each owning its own view state.
#[derive(Default)]
struct Views {
    start: StartScreen,
    outline: OutlinePanel,
    form: FormPanel,
    preview: PreviewPanel,
    comments: CommentsPanel,
    problems: ProblemsPanel,
    export_dialog: ExportDialog,
    paste: PasteWindow,
    compare: CompareWindow,
    settings_window: SettingsWindow,
    profile_window: ProfileWindow,
    archive_window: ArchiveWindow,
    focus: FieldFocus,
    columns: columns::Columns,
}

/// The editor window: the core and its views.
pub struct JianbaoApp {
    editor: Editor,
    views: Views,
    /// The window title as last sent.
    title: String,
    probes: probes::Probes,
    pacing: pacing::Pacing,
}

impl JianbaoApp {
    pub fn new(ctx: &egui::Context, options: Options) -> Self {
        fonts::install(ctx);
        ctx.add_plugin(ime::KeepImeAcrossFields::default());
        let repaint = ctx.clone();
        let setup = Setup {
            settings_path: options.settings_path,
            lang: options.lang,
            fonts: options.fonts,
            dialogs: options.dialogs,
            recovery_dir: options.recovery_dir,
        };
        let editor = Editor::new(setup, move || repaint.request_repaint());
        apply_theme(ctx, editor.settings().theme);
        let mut app = Self {
            editor,
            views: Views::default(),
            title: String::new(),
            probes: probes::Probes::new(options.startup_probe, options.latency_probe),
            pacing: pacing::Pacing::new(options.preview_wait),
        };
        if let Some(path) = options.file {
            app.command(ctx, Command::OpenPath(path));
        }
        app
    }

    pub fn lang(&self) -> Lang {
        self.editor.lang()
    }

    /// The preview's zoom (screen points per PDF point).
    pub fn preview_zoom(&self) -> f32 {
        self.views.preview.zoom()
    }

    /// The open draft, if any.
    pub fn session(&self) -> Option<&Session> {
        self.editor.session()
    }

    pub fn session_mut(&mut self) -> Option<&mut Session> {
        self.editor.session_mut()
    }

    pub fn selection(&self) -> Selection {
        self.editor.selection()
    }

    /// The current findings (as the problems panel lists them).
    pub fn findings(&self) -> &[Finding] {
        self.editor.findings()
    }

    /// How many issues the archive holds, once it has been read.
    pub fn archive_issue_count(&self) -> Option<usize> {
        self.editor.archive_view().map(|v| v.archive.entries.len())
    }

    /// Whether the "save changes?" prompt is up.
    pub fn is_prompting(&self) -> bool {
        matches!(
            self.editor.question(),
            Some(crate::app::Question::Unsaved(_))
        )
    }

    /// Whether a question (any prompt) is waiting for an answer.
    pub fn is_asking(&self) -> bool {
        self.editor.question().is_some()
    }

    /// The error dialog's message, if one is showing.
    pub fn error_message(&self) -> Option<&str> {
        self.editor.error()
    }

    /// The generation of the issue as last sent to the typesetter, and the
    /// generation of the pages on screen: equal once the preview caught up.
    pub fn preview_generations(&self) -> (u64, u64) {
        (self.editor.generation(), self.views.preview.generation())
    }

    /// Content fingerprints of the pages on screen.
    pub fn preview_fingerprints(&self) -> Vec<u128> {
        self.views.preview.fingerprints()
    }

    /// What the preview holds of each page (fingerprint and scale of its
    /// image), and how many changed rows it could not lay over an image.
    pub fn preview_images(&self) -> (Vec<Option<(u128, f32)>>, u64) {
        (self.views.preview.held(), self.views.preview.repairs())
    }

    /// Runs a command as if chosen from the menu.
    pub fn command(&mut self, ctx: &egui::Context, command: Command) {
        let effects = self.editor.command(command);
        self.apply(ctx, effects);
    }

    /// One frame: news from the threads, the close request, the panels and
    /// windows with their commands, the question being asked, then what
    /// follows every frame. Separate from `eframe::App` so tests and
    /// benchmarks can drive it with a plain egui context.
    pub fn frame(&mut self, ui: &mut Ui) {
        if let Some(line) = self.probes.frame_started() {
            println!("{line}");
        }
        let ctx = ui.ctx().clone();
        let (pages, effects) = self.editor.poll();
        for update in pages {
            self.views.preview.apply(&ctx, update);
        }
        self.note_pages_shown(&ctx);
        self.apply(&ctx, effects);
        if ctx.input(|i| i.viewport().close_requested()) && !self.editor.may_close() {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
        }
        let mut commands = self.bars(ui);
        commands.extend(self.document_panels(ui));
        commands.extend(self.windows(&ctx));
        for command in commands {
            self.command(&ctx, command);
        }
        if let Some(answer) = questions::ask(&ctx, &mut self.editor) {
            let effects = self.editor.answer(answer);
            self.apply(&ctx, effects);
        }
        self.after_frame(&ctx);
    }

    /// Takes in the typesetter's answer to the edit just sent, until the
    /// pages in view show it or `deadline` passes. Page images set now are
    /// uploaded and painted with this frame.
    fn await_pages(&mut self, ctx: &egui::Context, deadline: Instant) {
        while self.pacing.pending().is_some() {
            let updates = self.editor.pages_until(deadline);
            if updates.is_empty() {
                break;
            }
            for update in updates {
                self.views.preview.apply(ctx, update);
            }
            self.note_pages_shown(ctx);
        }
    }

    /// Tells the pacing when the typesetter answered the edit it waits
    /// for: when the newest page image was sent, not when this frame saw
    /// it. A frame that did not wait paints before it looks again; counting
    /// that paint (30–40 ms on a software renderer) would keep the wait
    /// off for good once a single edit had been slow.
    fn note_pages_shown(&mut self, ctx: &egui::Context) {
        let preview = &self.views.preview;
        let scale = preview.render_scale(ctx.pixels_per_point());
        if let Some(generation) = self.pacing.pending()
            && preview.is_current(generation, scale)
        {
            let now = Instant::now();
            let answered = preview
                .newest_image_sent()
                .map_or(now, |sent| sent.min(now));
            self.pacing.shown(generation, answered);
        }
    }

    /// Does what the core asked of the views.
    fn apply(&mut self, ctx: &egui::Context, effects: Vec<Effect>) {
        let views = &mut self.views;
        for effect in effects {
            match effect {
                Effect::CloseWindow => ctx.send_viewport_cmd(ViewportCommand::Close),
                Effect::Show(window) => *views.shown(window) = true,
                Effect::Toggle(window) => {
                    let shown = views.shown(window);
                    *shown = !*shown;
                }
                Effect::Reveal(id) => views.preview.reveal(id),
                Effect::Focus(field, range) => views.focus.request(field, range),
                Effect::DocumentReplaced => {
                    views.preview.clear();
                    views.compare = CompareWindow::default();
                }
                Effect::Compare(path, issue) => views.compare.open(&path, *issue),
                Effect::ShowInArchive { words, unit } => {
                    views.archive_window.show_search(&words, &unit)
                }
                Effect::ConfirmReplace { targets, existing } => {
                    views.export_dialog.confirm(targets, existing)
                }
            }
        }
    }

    /// The core's end of frame, the preview's pages, the title, and the
    /// start-up measurement.
    fn after_frame(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        let (again, effects) = self.editor.end_frame(now);
        self.apply(ctx, effects);
        if let Some(seconds) = again {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(seconds));
        }
        let preview = &self.views.preview;
        let has_pages = preview.page_count() > 0;
        let sent = self.editor.request_pages(PageRequest {
            scale: preview.render_scale(ctx.pixels_per_point()),
            window: preview.wanted_window(),
            held: preview.held(),
            repairs: preview.repairs(),
        });
        // An edit to pages already shown: paint it with its pages when
        // they are expected soon (`ui::pacing`).
        if let Some(generation) = sent
            && has_pages
            && let Some(budget) = self.pacing.edited(generation, Instant::now())
        {
            self.await_pages(ctx, Instant::now() + budget);
        }
        let title = self.editor.title();
        if title != self.title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title = title;
        }
        let preview = &self.views.preview;
        let done = self.probes.frame_ended(
            ctx,
            preview.images_received(),
            self.editor.session().is_some(),
        );
        if done {
            self.editor.command(Command::Quit);
            ctx.send_viewport_cmd(ViewportCommand::Close);
        }
    }
}

impl Views {
    /// Whether `window` is on screen, to set.
    fn shown(&mut self, window: Window) -> &mut bool {
        match window {
            Window::Export => &mut self.export_dialog.open,
            Window::Paste => &mut self.paste.open,
            Window::Settings => &mut self.settings_window.open,
            Window::Archive => &mut self.archive_window.open,
            Window::Problems => &mut self.problems.open,
            Window::Profiles => &mut self.profile_window.open,
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
        self.editor.save_settings_now();
    }
}
