//! 催稿: the units that have sent nothing in the latest issues, with a
//! reminder ready to copy; and a year's figures per unit, as CSV.

use chrono::Datelike;
use egui::{DragValue, TextEdit, Ui};

use super::ArchiveView;
use crate::app::Command;
use crate::app::volume::Progress;
use crate::archive::chase::{Overdue, Window, overdue};
use crate::i18n::{Lang, S, messages};

pub struct ChaseTab {
    /// Units with nothing in this many of the latest issues (or months)
    /// are listed.
    issues: usize,
    /// Count months instead of issues.
    by_months: bool,
    /// The year of the figures to export: the archive's newest until the
    /// user picks one.
    year: Option<i32>,
    overdue: Vec<Overdue>,
    computed: Option<(u64, usize, bool)>,
    /// Bind only issued issues into the volume.
    issued_only: bool,
}

impl Default for ChaseTab {
    fn default() -> Self {
        Self {
            issues: 6,
            by_months: false,
            year: None,
            overdue: Vec::new(),
            computed: None,
            issued_only: false,
        }
    }
}

impl ChaseTab {
    /// `volume`: how far a volume being made has come.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        view: &ArchiveView,
        volume: Option<Progress>,
        lang: Lang,
    ) -> Option<Command> {
        // The year first: its figures and its volume.
        let newest = view.archive.entries.iter().filter_map(|e| e.year()).max();
        let year = self
            .year
            .get_or_insert_with(|| newest.unwrap_or_else(|| chrono::Local::now().year()));
        let figures = figures_ui(ui, year, lang);
        let year = *year;
        let volume = volume_ui(ui, year, &mut self.issued_only, volume, lang);
        ui.separator();
        ui.horizontal(|ui| {
            let label = ui.label(S::OverdueIssues.get(lang));
            ui.add(DragValue::new(&mut self.issues).range(1..=120))
                .labelled_by(label.id);
            ui.radio_value(&mut self.by_months, false, S::CountIssues.get(lang));
            ui.radio_value(&mut self.by_months, true, S::CountMonths.get(lang));
        });
        let window = self.window();
        let key = (view.generation, self.issues, self.by_months);
        if self.computed != Some(key) {
            let expected = view.archive.expected_units();
            self.overdue = overdue(&view.archive, &expected, window);
            self.computed = Some(key);
        }
        self.overdue_ui(ui, window, lang);
        figures.or(volume)
    }

    /// How far back a unit must have sent something: issues, or months
    /// counted back from today.
    fn window(&self) -> Window {
        if self.by_months {
            let today = chrono::Local::now().date_naive();
            Window::Months(self.issues as u32, today)
        } else {
            Window::Issues(self.issues)
        }
    }

    /// The quiet units, most overdue first, and the reminder for them.
    fn overdue_ui(&self, ui: &mut Ui, window: Window, lang: Lang) {
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
        let mut reminder = messages::chase_reminder(&units, window, lang);
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

/// The volume of the year: bind it (only issued issues, if asked), with
/// progress while it is made.
fn volume_ui(
    ui: &mut Ui,
    year: i32,
    issued_only: &mut bool,
    progress: Option<Progress>,
    lang: Lang,
) -> Option<Command> {
    let mut asked = None;
    ui.horizontal(|ui| {
        let idle = progress.is_none();
        if ui
            .add_enabled(idle, egui::Button::new(S::CompileVolumeEllipsis.get(lang)))
            .on_hover_text(S::CompileVolumeHint.get(lang))
            .clicked()
        {
            asked = Some(Command::CompileVolume {
                year,
                issued_only: *issued_only,
            });
        }
        ui.checkbox(issued_only, S::IssuedOnly.get(lang));
    });
    match progress {
        Some(Progress::Reading { done, total }) => {
            ui.add(
                egui::ProgressBar::new(done as f32 / total.max(1) as f32)
                    .text(messages::progress(done, total, lang)),
            );
        }
        Some(Progress::Typesetting) => {
            ui.add(egui::ProgressBar::new(1.0).text(S::VolumeTypesetting.get(lang)));
        }
        None => {}
    }
    asked
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
