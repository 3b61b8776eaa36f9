//! The archive window: every past issue in a sortable table, full-text
//! search, and district coverage — all over the snapshot the archive
//! watcher keeps current — plus New from latest and the numbering check.

mod chase;
mod coverage;
mod search;
mod table;

use std::path::Path;

use egui::Ui;

use crate::app::Command;
use crate::app::archive::ArchiveView;
use crate::i18n::Wording;
use crate::i18n::{Lang, S, messages};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Tab {
    #[default]
    Issues,
    Search,
    Coverage,
    Chase,
}

/// The window and the state of its tabs.
#[derive(Default)]
pub struct ArchiveWindow {
    pub open: bool,
    /// How far a yearly volume being made has come (from the core).
    pub volume: Option<crate::app::volume::Progress>,
    tab: Tab,
    table: table::IssueTable,
    search: search::SearchTab,
    coverage: coverage::CoverageTab,
    chase: chase::ChaseTab,
}

impl ArchiveWindow {
    /// Opens the window on its search tab, looking for `words` of `unit`.
    pub fn show_search(&mut self, words: &str, unit: &str) {
        self.open = true;
        self.tab = Tab::Search;
        self.search.look_for(words, unit);
    }

    /// `progress` is (files read, files in all) while the folder is read.
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        folder: Option<&Path>,
        view: Option<&ArchiveView>,
        progress: Option<(usize, usize)>,
        lang: Lang,
    ) -> Option<Command> {
        let mut request = None;
        let mut open = self.open;
        egui::Window::new(S::ArchiveTitle.get(lang))
            .id(egui::Id::unique("archive-window"))
            .open(&mut open)
            .default_size([860.0, 620.0])
            .resizable(true)
            .show(ctx, |ui| {
                request = self.ui(ui, folder, view, progress, lang);
            });
        self.open = open;
        request
    }

    fn ui(
        &mut self,
        ui: &mut Ui,
        folder: Option<&Path>,
        view: Option<&ArchiveView>,
        progress: Option<(usize, usize)>,
        lang: Lang,
    ) -> Option<Command> {
        let mut request = None;
        ui.horizontal(|ui| {
            ui.label(S::ArchiveFolder.get(lang));
            match folder {
                Some(folder) => ui.monospace(folder.display().to_string()),
                None => ui.weak("—"),
            };
            let text = if folder.is_some() {
                S::ChangeEllipsis
            } else {
                S::ChooseEllipsis
            };
            if ui.button(text.get(lang)).clicked() {
                request = Some(Command::PickArchiveFolder);
            }
        });
        let Some(_) = folder else {
            ui.add_space(12.0);
            ui.label(S::NoArchiveFolder.get(lang));
            return request;
        };
        if let Some((done, total)) = progress {
            ui.add(
                egui::ProgressBar::new(done as f32 / total.max(1) as f32)
                    .text(messages::indexing(done, total, lang)),
            );
        }
        let Some(view) = view else {
            return request;
        };
        ui.horizontal(|ui| {
            ui.label(messages::issue_total(view.archive.entries.len(), lang));
            ui.separator();
            let any = !view.archive.entries.is_empty();
            if ui
                .add_enabled(any, egui::Button::new(S::NewFromLatest.get(lang)))
                .on_hover_text(S::NewFromLatestHint.get(lang))
                .clicked()
            {
                request = Some(Command::NewFromLatest { supplement: false });
            }
            if ui
                .add_enabled(any, egui::Button::new(S::NewSupplement.get(lang)))
                .on_hover_text(S::NewSupplementHint.get(lang))
                .clicked()
            {
                request = Some(Command::NewFromLatest { supplement: true });
            }
        });
        checks_ui(ui, view, lang);
        ui.separator();
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.tab, Tab::Issues, S::TabIssues.get(lang));
            ui.selectable_value(&mut self.tab, Tab::Search, S::TabSearch.get(lang));
            ui.selectable_value(&mut self.tab, Tab::Coverage, S::TabCoverage.get(lang));
            ui.selectable_value(&mut self.tab, Tab::Chase, S::TabChase.get(lang));
        });
        ui.separator();
        let asked = match self.tab {
            Tab::Issues => self.table.ui(ui, view, lang),
            Tab::Search => self.search.ui(ui, view, lang),
            Tab::Coverage => {
                self.coverage.ui(ui, view, lang);
                None
            }
            Tab::Chase => self.chase.ui(ui, view, self.volume, lang),
        };
        asked.or(request)
    }
}

/// The numbering check and the files that could not be read, folded.
fn checks_ui(ui: &mut Ui, view: &ArchiveView, lang: Lang) {
    let folder = &view.archive.folder;
    if view.problems.is_empty() {
        ui.weak(
            format!("{}{}", S::NumberingCheck.get(lang), messages::sep(lang))
                + S::NumberingClean.get(lang),
        );
    } else {
        let title = format!("{}（{}）", S::NumberingCheck.get(lang), view.problems.len());
        let lines = view
            .problems
            .iter()
            .map(|p| messages::numbering_problem(p, folder, lang));
        folded_list(
            ui,
            "numbering-check",
            title,
            ui.visuals().warn_fg_color,
            lines,
        );
    }
    let failures = &view.archive.failures;
    if !failures.is_empty() {
        let title = format!("{}（{}）", S::Unreadable.get(lang), failures.len());
        let lines = failures.iter().map(|f| f.error.message(lang));
        folded_list(
            ui,
            "archive-failures",
            title,
            ui.visuals().error_fg_color,
            lines,
        );
    }
}

/// A coloured, folded heading over a short scrolling list of lines.
fn folded_list(
    ui: &mut Ui,
    id: &str,
    title: String,
    colour: egui::Color32,
    lines: impl Iterator<Item = String>,
) {
    egui::CollapsingHeader::new(egui::RichText::new(title).color(colour))
        .id_salt(id)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt((id, "list"))
                .max_height(120.0)
                .show(ui, |ui| {
                    for line in lines {
                        ui.label(line);
                    }
                });
        });
}
