//! 报尾 and the 报/送/发 lines.

use egui::Ui;

use crate::i18n::{Lang, S};
use crate::model::{Field, Issue};
use crate::ui::focus::FieldFocus;
use crate::ui::widgets::{field_multiline_row, field_row, optional_number_row};

pub fn footer_ui(ui: &mut Ui, issue: &mut Issue, lang: Lang, focus: &mut FieldFocus) {
    ui.heading(S::Footer.get(lang));
    let f = &mut issue.footer;
    egui::Grid::new("footer-form")
        .num_columns(2)
        .spacing([12.0, 8.0])
        .show(ui, |ui| {
            field_row(ui, S::Editor.get(lang), &mut f.editor, Field::Editor, focus);
            field_row(
                ui,
                S::Proofreader.get(lang),
                &mut f.proofreader,
                Field::Proofreader,
                focus,
            );
            field_row(ui, S::Phone.get(lang), &mut f.phone, Field::Phone, focus);
            field_row(ui, S::Fax.get(lang), &mut f.fax, Field::Fax, focus);
            field_row(ui, S::Email.get(lang), &mut f.email, Field::Email, focus);
            optional_number_row(ui, S::PrintCount.get(lang), &mut f.print_count, 100);
        });
}

pub fn distribution_ui(ui: &mut Ui, issue: &mut Issue, lang: Lang, focus: &mut FieldFocus) {
    ui.heading(S::Distribution.get(lang));
    let d = &mut issue.distribution;
    egui::Grid::new("distribution-form")
        .num_columns(2)
        .spacing([12.0, 8.0])
        .show(ui, |ui| {
            field_multiline_row(
                ui,
                S::ReportTo.get(lang),
                &mut d.report_to,
                2,
                Field::ReportTo,
                focus,
            );
            field_multiline_row(
                ui,
                S::SendTo.get(lang),
                &mut d.send_to,
                2,
                Field::SendTo,
                focus,
            );
            field_multiline_row(
                ui,
                S::IssueTo.get(lang),
                &mut d.issue_to,
                2,
                Field::IssueTo,
                focus,
            );
        });
    ui.weak(S::DistributionHint.get(lang));
}
