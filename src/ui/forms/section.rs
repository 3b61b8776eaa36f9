//! A 栏目: its heading.

use egui::Ui;

use crate::i18n::{Lang, S, messages};
use crate::model::{Field, Issue};
use crate::ui::focus::FieldFocus;
use crate::ui::widgets::field_row;

pub fn ui(ui: &mut Ui, issue: &mut Issue, section: usize, lang: Lang, focus: &mut FieldFocus) {
    let Some(s) = issue.sections.get_mut(section) else {
        return;
    };
    ui.heading(messages::section_title(section, lang));
    egui::Grid::new("section-form")
        .num_columns(2)
        .show(ui, |ui| {
            field_row(
                ui,
                S::SectionHeading.get(lang),
                &mut s.heading,
                Field::SectionHeading { section },
                focus,
            );
        });
    ui.weak(S::SectionHeadingHint.get(lang));
    ui.label(messages::article_count(s.articles.len(), lang));
}
