//! Where the panels go: the bars (menu, status, problems), the open
//! draft's columns (outline, form with its comments, preview) or the start
//! screen, and the windows over them. Each returns the commands its
//! panels gave; none acts on the core itself.

use egui::Ui;

use super::{Command, JianbaoApp};
use crate::app::editor::commented_articles;
use crate::app::{ProblemAction, Selection, Session};
use crate::i18n::S;
use crate::model::ArticleId;
use crate::ui::{columns, export_dialog};

impl JianbaoApp {
    /// The shortcuts, the menu bar, the status bar and the problems panel.
    pub(super) fn bars(&mut self, ui: &mut Ui) -> Vec<Command> {
        let ctx = ui.ctx().clone();
        let lang = self.lang();
        let state = self.enabledness();
        let waiting = self.editor.question().is_some() || self.editor.error().is_some();
        let mut commands = if waiting {
            Vec::new()
        } else {
            self.shortcuts(&ctx, &state)
        };
        egui::Panel::top("menu").show(ui, |ui| commands.extend(self.menu_bar(ui, &state)));
        egui::Panel::bottom("status").show(ui, |ui| {
            if self.status_bar(ui) {
                commands.push(Command::Problems);
            }
        });
        if self.views.problems.open && self.editor.session().is_some() {
            let findings = self.editor.findings();
            let problems = &mut self.views.problems;
            egui::Panel::bottom("problems")
                .resizable(true)
                .default_size(180.0)
                .min_size(80.0)
                .show(ui, |ui| {
                    let action: Option<ProblemAction> = problems.ui(ui, findings, lang);
                    commands.extend(action.map(Command::Problem));
                });
        }
        commands
    }

    /// The outline, preview, form and comments of the open draft, or the
    /// start screen.
    pub(super) fn document_panels(&mut self, ui: &mut Ui) -> Vec<Command> {
        let lang = self.lang();
        let mut commands = Vec::new();
        let selection = self.editor.selection();
        let user = self.editor.settings().display_name();
        let archive_set = self.editor.settings().archive_folder.is_some();
        let views = &mut self.views;
        let Some(session) = self.editor.session_mut() else {
            egui::CentralPanel::default().show(ui, |ui| {
                let recent = &self.editor.settings().recent;
                let choice = views.start.ui(ui, recent, archive_set, lang);
                commands.extend(choice);
            });
            return commands;
        };
        let plan = views.columns.plan(ui.available_width());
        let outline = egui::Panel::left(("outline", plan.generation))
            .resizable(true)
            .default_size(plan.outline)
            .size_range(100.0..=plan.outline_max)
            .show(ui, |ui| {
                let editable = session.can_edit();
                let budget = views.preview.budget();
                let actions =
                    views
                        .outline
                        .ui(ui, &session.issue, selection, lang, editable, budget);
                commands.extend(actions.into_iter().map(Command::Outline));
            });
        let selected_article = match selection {
            Selection::Article(id) => Some(id),
            _ => None,
        };
        let commented = commented_articles(&session.issue);
        let preview = egui::Panel::right(("preview", plan.generation))
            .resizable(true)
            .default_size(plan.preview)
            .size_range(columns::PREVIEW_MIN..=plan.preview_max)
            .show(ui, |ui| {
                let pointed = views.preview.ui(ui, lang, selected_article, &commented);
                commands.extend(pointed.map(Command::PointAt));
            });
        views.columns.shown(
            &plan,
            outline.response.rect.width(),
            preview.response.rect.width(),
        );
        let why_locked = why_locked(session);
        // Comments sit beside the article they are on: always while
        // reviewing, else when there are some.
        let comments_on: Option<ArticleId> = selected_article.filter(|id| {
            session.is_reviewing() || session.issue.review.comments_on(*id).next().is_some()
        });
        egui::CentralPanel::default().show(ui, |ui| {
            if let Some(why) = why_locked {
                ui.colored_label(ui.visuals().warn_fg_color, why.get(lang));
            }
            if let Some(id) = comments_on
                && let Some((s, a)) = session.issue.find_article(id)
            {
                let quote = views.form.selected_quote(&session.issue, id);
                let article = &session.issue.sections[s].articles[a];
                // Beside the form, never more than half the middle.
                let half = (ui.available_width() / 2.0).max(160.0);
                egui::Panel::right("comments")
                    .resizable(true)
                    .default_size(300.0_f32.min(half))
                    .size_range(160.0..=half)
                    .show(ui, |ui| {
                        let review = &session.issue.review;
                        let action = views.comments.ui(ui, review, article, quote, &user, lang);
                        commands.extend(action.map(Command::Comment));
                    });
            }
            let editable = session.can_edit();
            commands.extend(views.form.ui(
                ui,
                &mut session.issue,
                selection,
                editable,
                lang,
                &mut views.focus,
            ));
        });
        commands
    }

    /// The windows over the editor: export, paste, compare, settings,
    /// archive.
    pub(super) fn windows(&mut self, ctx: &egui::Context) -> Vec<Command> {
        let lang = self.lang();
        let mut commands = Vec::new();
        let views = &mut self.views;
        let page_count = views.preview.page_count();
        let progress = self.editor.export_progress();
        let printed = self.editor.printed_fonts();
        if let Some((choices, issue)) = self.editor.export_settings_mut() {
            let dialog = &mut views.export_dialog;
            let facts = export_dialog::Facts {
                pages: page_count,
                progress,
                printed: printed.as_deref().unwrap_or_default(),
            };
            commands.extend(dialog.show(ctx, choices, issue, &facts, lang));
        }

        commands.extend(views.paste.show(ctx, lang).map(Command::AddPastedArticle));

        if let Some(session) = self.editor.session_mut() {
            let editable = session.can_edit();
            if let Some(chosen) = views.compare.show(ctx, &session.issue, editable, lang)
                && editable
            {
                session.checkpoint();
                views.compare.accept(&mut session.issue, &chosen);
            }
        }

        let (settings, issue) = self.editor.settings_and_issue_mut();
        let outcome = views
            .settings_window
            .show(ctx, settings, issue, printed.as_deref());
        if outcome.changed {
            super::apply_theme(ctx, self.editor.settings().theme);
            self.editor.settings_changed();
        }
        if outcome.pick_archive_folder {
            commands.push(Command::PickArchiveFolder);
        }

        // The profile's own style, not the open issue's, says what prints.
        let editor = &self.editor;
        let request = views.profile_window.show(
            ctx,
            editor.profiles(),
            editor.session().map(|s| &s.issue),
            editor.settings().archive_folder.is_some(),
            &|style| editor.printed_fonts_of(style),
            lang,
        );
        commands.extend(request);

        views.archive_window.volume = self.editor.volume_progress();
        let request = views.archive_window.show(
            ctx,
            self.editor.settings().archive_folder.as_deref(),
            self.editor.archive_view(),
            self.editor.archive_progress(),
            lang,
        );
        if let Some(request) = request {
            // Opening or starting an issue goes back to the editor.
            if matches!(
                request,
                Command::OpenPath(_) | Command::OpenArticle(..) | Command::NewFromLatest { .. }
            ) {
                views.archive_window.open = false;
            }
            commands.push(request);
        }
        commands
    }
}

/// Why the open draft's content cannot be changed now, if it cannot.
fn why_locked(session: &Session) -> Option<S> {
    if session.is_read_only() {
        Some(S::ReadOnlyExplain)
    } else if session.issue.review.status.locks_content() {
        Some(S::LockedByStatus)
    } else if session.is_reviewing() {
        Some(S::ReviewingNotice)
    } else {
        None
    }
}
