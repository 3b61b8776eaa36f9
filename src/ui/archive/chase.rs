//! 催稿: the units that have sent nothing in the latest issues, with a
//! reminder ready to copy; and a year's figures per unit, as CSV.

use chrono::Datelike;
use egui::{DragValue, TextEdit, Ui};

use super::ArchiveView;
use crate::app::Command;
use crate::archive::chase::{Overdue, Window, overdue};
use crate::i18n::{Lang, S, messages};
use crate::sample::expected_units;

pub struct ChaseTab {
    /// Units with nothing in this many of the latest issues are listed.
    issues: usize,
    /// The year of the figures to export: the archive's newest until the
    /// user picks one.
    year: Option<i32>,
    overdue: Vec<Overdue>,
    computed: Option<(u64, usize)>,
}

impl Default for ChaseTab {
    fn default() -> Self {
        Self {
            issues: 6,
            year: None,
            overdue: Vec::new(),
            computed: None,
        }
    }
}

impl ChaseTab {
    pub fn ui(&mut self, ui: &mut Ui, view: &ArchiveView, lang: Lang) -> Option<Command> {
        ui.horizontal(|ui| {
            let label = ui.label(S::OverdueIssues.get(lang));
            ui.add(DragValue::new(&mut self.issues).range(1..=120))
                .labelled_by(label.id);
        });
        let key = (view.generation, self.issues);
        if self.computed != Some(key) {
            let seen = view.archive.entries.iter().flat_map(|e| &e.articles);
            let expected = expected_units(seen.map(|a| a.unit.as_str()));
            self.overdue = overdue(&view.archive, expected, Window::Issues(self.issues));
            self.computed = Some(key);
        }
        self.overdue_ui(ui, lang);
        ui.separator();
        let newest = view.archive.entries.iter().filter_map(|e| e.year()).max();
        let year = self
            .year
            .get_or_insert_with(|| newest.unwrap_or_else(|| chrono::Local::now().year()));
        figures_ui(ui, year, lang)
    }

    /// The quiet units, most overdue first, and the reminder for them.
    fn overdue_ui(&self, ui: &mut Ui, lang: Lang) {
        if self.overdue.is_empty() {
            ui.weak(S::NothingOverdue.get(lang));
            return;
        }
        egui::ScrollArea::vertical()
            .id_salt("overdue-units")
            .max_height(220.0)
            .show(ui, |ui| {
                for unit in &self.overdue {
                    ui.label(messages::overdue_line(unit, lang));
                }
            });
        let units: Vec<&str> = self.overdue.iter().map(|o| o.unit.as_str()).collect();
        let mut reminder = messages::chase_reminder(&units, Window::Issues(self.issues), lang);
        let label = ui.label(S::ChaseReminder.get(lang));
        ui.add(
            TextEdit::multiline(&mut reminder.as_str())
                .desired_rows(3)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
        if ui.button(S::CopyReminder.get(lang)).clicked() {
            ui.ctx().copy_text(reminder.clone());
        }
        reminder.clear();
    }
}

/// A year and the button that exports its figures.
fn figures_ui(ui: &mut Ui, year: &mut i32, lang: Lang) -> Option<Command> {
    let mut asked = None;
    ui.horizontal(|ui| {
        let label = ui.label(S::YearFigures.get(lang));
        ui.add(DragValue::new(year).range(1949..=2100))
            .labelled_by(label.id);
        if ui
            .button(S::ExportCsvEllipsis.get(lang))
            .on_hover_text(S::YearFiguresHint.get(lang))
            .clicked()
        {
            asked = Some(Command::ExportYearFigures { year: *year });
        }
    });
    asked
}
