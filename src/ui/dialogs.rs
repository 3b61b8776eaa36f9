//! Modal questions and messages: unsaved changes, errors.

use egui::{Modal, RichText};

use crate::i18n::{Lang, S};

/// The answer to "save changes?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnsavedAnswer {
    Save,
    Discard,
    Cancel,
}

/// Asks whether to save the changes to `name`. `None` while unanswered.
pub fn unsaved_prompt(ctx: &egui::Context, name: &str, lang: Lang) -> Option<UnsavedAnswer> {
    let mut answer = None;
    let modal = Modal::new(egui::Id::unique("unsaved-prompt")).show(ctx, |ui| {
        ui.set_width(380.0);
        ui.heading(S::UnsavedTitle.get(lang));
        ui.label(crate::i18n::messages::unsaved_question(name, lang));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui
                .button(RichText::new(S::Save.get(lang)).strong())
                .clicked()
            {
                answer = Some(UnsavedAnswer::Save);
            }
            if ui.button(S::DontSave.get(lang)).clicked() {
                answer = Some(UnsavedAnswer::Discard);
            }
            if ui.button(S::Cancel.get(lang)).clicked() {
                answer = Some(UnsavedAnswer::Cancel);
            }
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(UnsavedAnswer::Cancel);
    }
    answer
}

/// Shows an error; returns true when dismissed.
pub fn error_message(ctx: &egui::Context, message: &str, lang: Lang) -> bool {
    let mut dismissed = false;
    let modal = Modal::new(egui::Id::unique("error-message")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        ui.heading(S::ErrorTitle.get(lang));
        ui.label(message);
        ui.add_space(8.0);
        if ui.button(S::Ok.get(lang)).clicked() {
            dismissed = true;
        }
    });
    dismissed || modal.should_close()
}
