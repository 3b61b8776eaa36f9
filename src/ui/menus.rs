//! The menu bar, the application shortcuts and the status bar: where the
//! editor's commands are offered. The menus and the shortcuts are built
//! from [`super::commands::TABLE`]; choosing one only returns a
//! [`Command`]; `JianbaoApp::command` runs it.

use egui::{Key, KeyboardShortcut, Modifiers, Ui};

use super::commands::{self, Enabledness, Entry, Menu};
use super::{Command, JianbaoApp, OutlineAction};
use crate::app::{Selection, Session};
use crate::i18n::{Lang, S, messages};
use crate::model::Status;

impl JianbaoApp {
    /// What the command table needs to decide what is enabled, read once a
    /// frame.
    pub(super) fn enabledness(&mut self) -> Enabledness {
        let selection = self.editor.selection();
        let session = self.editor.session();
        let section = session.and_then(|s| {
            selection
                .section(&s.issue)
                .or(s.issue.sections.len().checked_sub(1))
        });
        let status = session
            .filter(|s| !s.is_read_only())
            .map(|s| s.issue.review.status);
        let has_session = session.is_some();
        let editable = session.is_some_and(Session::can_edit);
        let (can_undo, can_redo) = self.editor.session_mut().map_or((false, false), |s| {
            let editable = s.can_edit();
            (editable && s.can_undo(), editable && s.can_redo())
        });
        Enabledness {
            has_session,
            editable,
            can_undo,
            can_redo,
            section,
            status,
        }
    }

    /// Shortcuts are taken before any widget sees them, so that Ctrl+Z in a
    /// text field undoes in the whole draft, not just in the field. A
    /// disabled command's shortcut is taken and does nothing.
    pub(super) fn shortcuts(&mut self, ctx: &egui::Context, state: &Enabledness) -> Vec<Command> {
        let mut commands = Vec::new();
        ctx.input_mut(|input| {
            for (shortcut, entry) in commands::shortcuts() {
                if input.consume_shortcut(&shortcut) && (entry.enabled)(state) {
                    commands.push((entry.command)(state));
                }
            }
        });
        // Ctrl+−/+ (and Ctrl+=, the unshifted +) zoom the pages.
        ctx.input_mut(|input| {
            for (key, factor) in [
                (Key::Plus, 1.2),
                (Key::Equals, 1.2),
                (Key::Minus, 1.0 / 1.2),
            ] {
                if input.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, key)) {
                    self.views.preview.zoom_by(factor);
                }
            }
        });
        // The outline's own keys act on the selection.
        let editing_text = ctx.egui_wants_keyboard_input();
        let selection = self.editor.selection();
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
                match selection {
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
                    && let Some(action) = outline(selection, up)
                {
                    commands.push(Command::Outline(action));
                }
            }
            if input.consume_key(Modifiers::NONE, Key::Delete) {
                match selection {
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

    /// The menu bar, built from the command table, with the three parts
    /// that are not commands (recent files, reviewer mode, status history)
    /// in their places.
    pub(super) fn menu_bar(&self, ui: &mut Ui, state: &Enabledness) -> Vec<Command> {
        let lang = self.lang();
        let mut commands = Vec::new();
        let menus = [
            (Menu::File, S::FileMenu),
            (Menu::Edit, S::EditMenu),
            (Menu::Review, S::ReviewMenu),
            (Menu::View, S::ViewMenu),
        ];
        egui::MenuBar::new().ui(ui, |ui| {
            for (menu, title) in menus {
                ui.menu_button(title.get(lang), |ui| {
                    for entry in commands::menu(menu) {
                        if entry.separated {
                            ui.separator();
                        }
                        menu_item(ui, &mut commands, lang, entry, state);
                        match entry.label {
                            commands::RECENT_AFTER => self.recent_menu(ui, &mut commands, lang),
                            commands::REVIEWER_MODE_AFTER => {
                                self.reviewer_mode(ui, &mut commands, lang)
                            }
                            commands::HISTORY_AFTER => self.status_history(ui, lang),
                            _ => {}
                        }
                    }
                });
            }
        });
        commands
    }

    fn recent_menu(&self, ui: &mut Ui, commands: &mut Vec<Command>, lang: Lang) {
        ui.menu_button(S::Recent.get(lang), |ui| {
            let recent = &self.editor.settings().recent;
            if recent.is_empty() {
                ui.weak(S::NoRecent.get(lang));
            }
            for path in recent {
                if ui.button(path.display().to_string()).clicked() {
                    commands.push(Command::OpenPath(path.clone()));
                }
            }
        });
    }

    fn reviewer_mode(&self, ui: &mut Ui, commands: &mut Vec<Command>, lang: Lang) {
        let session = self.editor.session();
        let mut reviewing = session.is_some_and(Session::is_reviewing);
        let toggle = ui
            .add_enabled(
                session.is_some(),
                egui::Checkbox::new(&mut reviewing, S::ReviewerMode.get(lang)),
            )
            .on_hover_text(S::ReviewerModeHint.get(lang));
        if toggle.clicked() {
            commands.push(Command::ToggleReviewing);
            ui.close();
        }
    }

    fn status_history(&self, ui: &mut Ui, lang: Lang) {
        ui.menu_button(S::StatusHistory.get(lang), |ui| {
            let history = self
                .editor
                .session()
                .map(|s| s.issue.review.history.as_slice())
                .unwrap_or_default();
            if history.is_empty() {
                ui.weak(S::NoHistory.get(lang));
            }
            for change in history.iter().rev() {
                ui.label(messages::history_line(change, lang));
            }
        });
    }

    /// The status bar; true when its findings count was clicked.
    pub(super) fn status_bar(&self, ui: &mut Ui) -> bool {
        let lang = self.lang();
        let mut toggle = false;
        ui.horizontal(|ui| {
            let findings = self.editor.findings();
            if let Some(session) = self.editor.session() {
                let count = messages::finding_count(findings.len(), lang);
                let colour = if findings.is_empty() {
                    ui.visuals().text_color()
                } else {
                    ui.visuals().warn_fg_color
                };
                toggle = ui
                    .add(egui::Button::new(egui::RichText::new(count).color(colour)).frame(false))
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
                let target = session.issue.series.target_pages;
                let over = |b: &crate::typeset::PageBudget| {
                    let over_target = target.and_then(|t| b.over_target(t as usize));
                    b.footer_alone.is_some() || over_target.is_some()
                };
                match self.views.preview.budget() {
                    Some(budget) if over(budget) => ui.colored_label(
                        ui.visuals().warn_fg_color,
                        messages::page_budget(budget, target, lang),
                    ),
                    Some(budget) => ui.label(messages::page_budget(budget, target, lang)),
                    None => ui.label(messages::page_total(self.views.preview.page_count(), lang)),
                }
                .on_hover_text(S::BudgetHint.get(lang));
                ui.separator();
                if let Some(printed) = self.editor.printed_fonts() {
                    let summary = messages::fonts_summary(&printed, lang);
                    let label = if printed.iter().all(|f| f.is_wanted()) {
                        ui.label(summary)
                    } else {
                        ui.colored_label(ui.visuals().warn_fg_color, summary)
                            .on_hover_text(messages::fonts_substituted(&printed, lang))
                    };
                    label.on_hover_text(S::FontsHint.get(lang));
                    ui.separator();
                }
                // Only what is in a file is saved.
                if session.is_dirty() {
                    ui.colored_label(ui.visuals().warn_fg_color, S::Unsaved.get(lang));
                } else if session.path().is_none() {
                    ui.label(S::NotInAFile.get(lang))
                        .on_hover_text(S::NotInAFileHint.get(lang));
                } else {
                    ui.label(S::AllSaved.get(lang));
                }
                if self.views.preview.generation() < self.editor.generation() {
                    ui.separator();
                    ui.weak(S::Typesetting.get(lang));
                }
            }
            if let Some(notice) = self.editor.notice() {
                ui.separator();
                ui.label(notice);
            }
        });
        toggle
    }
}

/// One menu entry with its shortcut, formatted for the platform, on the
/// right.
fn menu_item(
    ui: &mut Ui,
    commands: &mut Vec<Command>,
    lang: Lang,
    entry: &Entry,
    state: &Enabledness,
) {
    let mut button = egui::Button::new(entry.label.get(lang));
    if let Some(shortcut) = entry.shortcuts.first() {
        button = button.shortcut_text(ui.ctx().format_shortcut(shortcut));
    }
    if ui.add_enabled((entry.enabled)(state), button).clicked() {
        commands.push((entry.command)(state));
        ui.close();
    }
}
