//! The menu bar, the application shortcuts and the status bar: where the
//! editor's commands are offered. Choosing one only returns a [`Command`];
//! `JianbaoApp::command` runs it.

use egui::{Key, KeyboardShortcut, Modifiers, Ui};

use super::{Command, JianbaoApp, OutlineAction};
use crate::app::{Selection, Session};
use crate::i18n::{Lang, S, messages};
use crate::model::Status;

/// Application shortcuts. Shift variants come first: egui matches
/// Ctrl+Shift+Z against Ctrl+Z too.
const SHORTCUTS: &[(Modifiers, Key, Command)] = &[
    (
        Modifiers::COMMAND.plus(Modifiers::SHIFT),
        Key::Z,
        Command::Redo,
    ),
    (Modifiers::COMMAND, Key::Z, Command::Undo),
    (Modifiers::COMMAND, Key::Y, Command::Redo),
    (
        Modifiers::COMMAND.plus(Modifiers::SHIFT),
        Key::N,
        Command::NewFromLatest { supplement: false },
    ),
    (Modifiers::COMMAND, Key::N, Command::New),
    (Modifiers::COMMAND, Key::O, Command::Open),
    (
        Modifiers::COMMAND.plus(Modifiers::SHIFT),
        Key::S,
        Command::SaveAs,
    ),
    (Modifiers::COMMAND, Key::S, Command::Save),
    (
        Modifiers::COMMAND.plus(Modifiers::SHIFT),
        Key::E,
        Command::Export,
    ),
    (Modifiers::COMMAND, Key::E, Command::ExportPdf),
    (Modifiers::COMMAND, Key::W, Command::Close),
    (Modifiers::COMMAND, Key::Q, Command::Quit),
];

impl JianbaoApp {
    /// Shortcuts are taken before any widget sees them, so that Ctrl+Z in a
    /// text field undoes in the whole draft, not just in the field.
    pub(super) fn shortcuts(&mut self, ctx: &egui::Context) -> Vec<Command> {
        let mut commands = Vec::new();
        ctx.input_mut(|input| {
            for (modifiers, key, command) in SHORTCUTS {
                if input.consume_shortcut(&KeyboardShortcut::new(*modifiers, *key)) {
                    commands.push(command.clone());
                }
            }
        });
        let editing_text = ctx.egui_wants_keyboard_input();
        let outline = |selection: Selection, up: bool| match selection {
            Selection::Article(id) => Some(OutlineAction::MoveArticle {
                id,
                delta: if up { -1 } else { 1 },
            }),
            Selection::Section(s) => Some(OutlineAction::MoveSection {
                section: s,
                delta: if up { -1 } else { 1 },
            }),
            _ => None,
        };
        ctx.input_mut(|input| {
            if input.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::D)) {
                match self.selection {
                    Selection::Article(id) => {
                        commands.push(Command::Outline(OutlineAction::DuplicateArticle(id)))
                    }
                    Selection::Section(s) => {
                        commands.push(Command::Outline(OutlineAction::DuplicateSection(s)))
                    }
                    _ => {}
                }
            }
            if editing_text {
                return;
            }
            for (key, up) in [(Key::ArrowUp, true), (Key::ArrowDown, false)] {
                if input.consume_shortcut(&KeyboardShortcut::new(Modifiers::ALT, key))
                    && let Some(action) = outline(self.selection, up)
                {
                    commands.push(Command::Outline(action));
                }
            }
            if input.consume_key(Modifiers::NONE, Key::Delete) {
                match self.selection {
                    Selection::Article(id) => {
                        commands.push(Command::Outline(OutlineAction::DeleteArticle(id)))
                    }
                    Selection::Section(s) => {
                        commands.push(Command::Outline(OutlineAction::DeleteSection(s)))
                    }
                    _ => {}
                }
            }
        });
        commands
    }

    pub(super) fn menu_bar(&mut self, ui: &mut Ui) -> Vec<Command> {
        let lang = self.lang();
        let mut commands = Vec::new();
        let has_session = self.session.is_some();
        let editable = self.session.as_ref().is_some_and(Session::can_edit);
        let (can_undo, can_redo) = self.session.as_mut().map_or((false, false), |s| {
            let editable = s.can_edit();
            (editable && s.can_undo(), editable && s.can_redo())
        });
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(S::FileMenu.get(lang), |ui| {
                menu_item(
                    ui,
                    &mut commands,
                    lang,
                    S::NewIssue,
                    "Ctrl+N",
                    true,
                    Command::New,
                );
                menu_item(
                    ui,
                    &mut commands,
                    lang,
                    S::NewFromLatest,
                    "Ctrl+Shift+N",
                    true,
                    Command::NewFromLatest { supplement: false },
                );
                menu_item(
                    ui,
                    &mut commands,
                    lang,
                    S::NewSupplement,
                    "",
                    true,
                    Command::NewFromLatest { supplement: true },
                );
                menu_item(
                    ui,
                    &mut commands,
                    lang,
                    S::OpenEllipsis,
                    "Ctrl+O",
                    true,
                    Command::Open,
                );
                menu_item(
                    ui,
                    &mut commands,
                    lang,
                    S::OpenSample,
                    "",
                    true,
                    Command::OpenSample,
                );
                menu_item(
                    ui,
                    &mut commands,
                    lang,
                    S::ImportBulletinEllipsis,
                    "",
                    true,
                    Command::ImportBulletin,
                );
                ui.menu_button(S::Recent.get(lang), |ui| {
                    if self.settings.recent.is_empty() {
                        ui.weak(S::NoRecent.get(lang));
                    }
                    for path in &self.settings.recent {
                        if ui.button(path.display().to_string()).clicked() {
                            commands.push(Command::OpenPath(path.clone()));
                        }
                    }
                });
                ui.separator();
                menu_item(
                    ui,
                    &mut commands,
                    lang,
                    S::Save,
                    "Ctrl+S",
                    has_session,
                    Command::Save,
                );
                menu_item(
                    ui,
                    &mut commands,
                    lang,
                    S::SaveAsEllipsis,
                    "Ctrl+Shift+S",
                    has_session,
                    Command::SaveAs,
                );
                menu_item(
                    ui,
                    &mut commands,
                    lang,
                    S::ExportPdfEllipsis,
                    "Ctrl+E",
                    has_session,
                    Command::ExportPdf,
                );
                menu_item(
                    ui,
                    &mut commands,
                    lang,
                    S::ExportEllipsis,
                    "Ctrl+Shift+E",
                    has_session,
                    Command::Export,
                );
                ui.separator();
                menu_item(
                    ui,
                    &mut commands,
                    lang,
                    S::CloseIssue,
                    "Ctrl+W",
                    has_session,
                    Command::Close,
                );
                menu_item(
                    ui,
                    &mut commands,
                    lang,
                    S::Quit,
                    "Ctrl+Q",
                    true,
                    Command::Quit,
                );
            });
            ui.menu_button(S::EditMenu.get(lang), |ui| {
                menu_item(
                    ui,
                    &mut commands,
                    lang,
                    S::Undo,
                    "Ctrl+Z",
                    can_undo,
                    Command::Undo,
                );
                menu_item(
                    ui,
                    &mut commands,
                    lang,
                    S::Redo,
                    "Ctrl+Y",
                    can_redo,
                    Command::Redo,
                );
                ui.separator();
                let add_section = Command::Outline(OutlineAction::AddSection);
                menu_item(
                    ui,
                    &mut commands,
                    lang,
                    S::AddSection,
                    "",
                    editable,
                    add_section,
                );
                let section = self.session.as_ref().and_then(|s| {
                    self.selection
                        .section(&s.issue)
                        .or(s.issue.sections.len().checked_sub(1))
                });
                let add_article = Command::Outline(OutlineAction::AddArticle {
                    section: section.unwrap_or(0),
                });
                menu_item(
                    ui,
                    &mut commands,
                    lang,
                    S::AddArticle,
                    "",
                    editable && section.is_some(),
                    add_article,
                );
                ui.separator();
                menu_item(
                    ui,
                    &mut commands,
                    lang,
                    S::ImportArticleEllipsis,
                    "",
                    editable,
                    Command::ImportArticle,
                );
                menu_item(
                    ui,
                    &mut commands,
                    lang,
                    S::PasteArticleEllipsis,
                    "",
                    editable,
                    Command::PasteArticle,
                );
            });
            ui.menu_button(S::ReviewMenu.get(lang), |ui| {
                self.review_menu(ui, &mut commands, lang);
            });
            ui.menu_button(S::ViewMenu.get(lang), |ui| {
                menu_item(
                    ui,
                    &mut commands,
                    lang,
                    S::ArchiveEllipsis,
                    "",
                    true,
                    Command::Archive,
                );
                menu_item(
                    ui,
                    &mut commands,
                    lang,
                    S::Settings,
                    "",
                    true,
                    Command::Settings,
                );
                menu_item(
                    ui,
                    &mut commands,
                    lang,
                    S::ProblemsMenu,
                    "",
                    has_session,
                    Command::Problems,
                );
            });
        });
        commands
    }

    fn review_menu(&self, ui: &mut Ui, commands: &mut Vec<Command>, lang: Lang) {
        let session = self.session.as_ref();
        let has_session = session.is_some();
        menu_item(
            ui,
            commands,
            lang,
            S::OpenForReviewEllipsis,
            "",
            true,
            Command::OpenForReview,
        );
        let mut reviewing = session.is_some_and(Session::is_reviewing);
        let toggle = ui
            .add_enabled(
                has_session,
                egui::Checkbox::new(&mut reviewing, S::ReviewerMode.get(lang)),
            )
            .on_hover_text(S::ReviewerModeHint.get(lang));
        if toggle.clicked() {
            commands.push(Command::ToggleReviewing);
            ui.close();
        }
        ui.separator();
        let status = session.map(|s| s.issue.review.status);
        let may_change = session.is_some_and(|s| !s.is_read_only());
        for (to, text) in [
            (Status::InReview, S::SendForReview),
            (Status::Returned, S::ReturnIssue),
            (Status::Approved, S::ApproveIssue),
            (Status::Issued, S::IssueIssue),
            (Status::Draft, S::ReopenIssue),
        ] {
            let allowed = may_change && status.is_some_and(|s| s.next().contains(&to));
            menu_item(
                ui,
                commands,
                lang,
                text,
                "",
                allowed,
                Command::SetStatus(to),
            );
        }
        ui.menu_button(S::StatusHistory.get(lang), |ui| {
            let history = session
                .map(|s| s.issue.review.history.as_slice())
                .unwrap_or_default();
            if history.is_empty() {
                ui.weak(S::NoHistory.get(lang));
            }
            for change in history.iter().rev() {
                ui.label(messages::history_line(change, lang));
            }
        });
        ui.separator();
        menu_item(
            ui,
            commands,
            lang,
            S::CompareEllipsis,
            "",
            has_session,
            Command::Compare,
        );
    }

    /// The status bar; true when its findings count was clicked.
    pub(super) fn status_bar(&self, ui: &mut Ui) -> bool {
        let lang = self.lang();
        let mut toggle = false;
        ui.horizontal(|ui| {
            if let Some(session) = &self.session {
                let findings = messages::finding_count(self.findings.len(), lang);
                let colour = if self.findings.is_empty() {
                    ui.visuals().text_color()
                } else {
                    ui.visuals().warn_fg_color
                };
                toggle = ui
                    .add(
                        egui::Button::new(egui::RichText::new(findings).color(colour)).frame(false),
                    )
                    .on_hover_text(S::ProblemsHint.get(lang))
                    .clicked();
                ui.separator();
                let status = session.issue.review.status;
                let colour = match status {
                    Status::Approved | Status::Issued => Some(egui::Color32::from_rgb(40, 150, 60)),
                    Status::Returned => Some(ui.visuals().error_fg_color),
                    Status::InReview => Some(ui.visuals().warn_fg_color),
                    Status::Draft => None,
                };
                let line = messages::status_line(status, lang);
                match colour {
                    Some(colour) => ui.colored_label(colour, line),
                    None => ui.label(line),
                };
                let open = session.issue.review.open_comments().count();
                if open > 0 {
                    ui.label(messages::open_comments(open, lang));
                }
                ui.separator();
                ui.label(messages::char_count(session.issue.char_count(), lang));
                ui.separator();
                ui.label(messages::page_total(self.preview.page_count(), lang));
                ui.separator();
                if session.is_dirty() {
                    ui.colored_label(ui.visuals().warn_fg_color, S::Unsaved.get(lang));
                } else {
                    ui.label(S::AllSaved.get(lang));
                }
                if self.preview.generation() < self.generation {
                    ui.separator();
                    ui.weak(S::Typesetting.get(lang));
                }
            }
            if let Some((notice, _)) = &self.notice {
                ui.separator();
                ui.label(notice);
            }
        });
        toggle
    }
}

/// One menu entry with its shortcut shown on the right.
fn menu_item(
    ui: &mut Ui,
    commands: &mut Vec<Command>,
    lang: Lang,
    text: S,
    shortcut: &str,
    enabled: bool,
    command: Command,
) {
    let button = egui::Button::new(text.get(lang)).shortcut_text(shortcut);
    if ui.add_enabled(enabled, button).clicked() {
        commands.push(command);
        ui.close();
    }
}
