//! 报头: name, numbers, office, date, 密级, 编号.

use egui::Ui;

use crate::i18n::{Lang, S};
use crate::model::{Field, Issue};
use crate::ui::focus::FieldFocus;
use crate::ui::widgets::{
    classification_row, date_row, field_row, maybe_number_row, numerals_row, optional_number_row,
};

pub fn ui(ui: &mut Ui, issue: &mut Issue, lang: Lang, focus: &mut FieldFocus) {
    ui.heading(S::Masthead.get(lang));
    let m = &mut issue.masthead;
    egui::Grid::new("masthead-form")
        .num_columns(2)
        .spacing([12.0, 8.0])
        .striped(false)
        .show(ui, |ui| {
            field_row(ui, S::Name.get(lang), &mut m.name, Field::Name, focus);
            maybe_number_row(ui, S::Number.get(lang), &mut m.number);
            optional_number_row(ui, S::TotalNumber.get(lang), &mut m.total_number, 1);
            ui.label("");
            ui.checkbox(&mut m.supplement, S::SupplementLong.get(lang));
            ui.end_row();
            numerals_row(ui, &mut m.numerals, lang);
            field_row(ui, S::Office.get(lang), &mut m.office, Field::Office, focus);
            date_row(ui, S::Date.get(lang), &mut m.date, lang);

            classification_row(ui, "classification", &mut m.classification, lang);

            ui.label("");
            ui.checkbox(&mut m.copy_serial, S::CopySerialLong.get(lang));
            ui.end_row();
        });
}
