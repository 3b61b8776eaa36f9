//! Modal questions and messages: unsaved changes, errors.

use egui::{Modal, RichText};

use crate::i18n::{Lang, S};
use crate::store::lock::LockOwner;
use crate::store::recovery::Found;

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

/// The answer to "someone else has it open".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LockedAnswer {
    ReadOnly,
    Cancel,
}

/// Says who holds the draft and offers to open it read-only.
pub fn locked_prompt(
    ctx: &egui::Context,
    name: &str,
    owner: &LockOwner,
    lang: Lang,
) -> Option<LockedAnswer> {
    let mut answer = None;
    let modal = Modal::new(egui::Id::unique("locked-prompt")).show(ctx, |ui| {
        ui.set_width(420.0);
        ui.heading(S::LockedTitle.get(lang));
        ui.label(crate::i18n::messages::locked_by(name, owner, lang));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui
                .button(RichText::new(S::OpenReadOnly.get(lang)).strong())
                .clicked()
            {
                answer = Some(LockedAnswer::ReadOnly);
            }
            if ui.button(S::Cancel.get(lang)).clicked() {
                answer = Some(LockedAnswer::Cancel);
            }
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(LockedAnswer::Cancel);
    }
    answer
}

/// The answer to "the file changed on disk since you opened it".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangedAnswer {
    Overwrite,
    SaveAs,
    Reload,
    Cancel,
}

pub fn changed_on_disk_prompt(
    ctx: &egui::Context,
    name: &str,
    lang: Lang,
) -> Option<ChangedAnswer> {
    let mut answer = None;
    let modal = Modal::new(egui::Id::unique("changed-prompt")).show(ctx, |ui| {
        ui.set_width(440.0);
        ui.heading(S::ChangedOnDiskTitle.get(lang));
        ui.label(crate::i18n::messages::changed_on_disk(name, lang));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(S::Overwrite.get(lang)).clicked() {
                answer = Some(ChangedAnswer::Overwrite);
            }
            if ui
                .button(RichText::new(S::SaveAsEllipsis.get(lang)).strong())
                .clicked()
            {
                answer = Some(ChangedAnswer::SaveAs);
            }
            if ui.button(S::Reload.get(lang)).clicked() {
                answer = Some(ChangedAnswer::Reload);
            }
            if ui.button(S::Cancel.get(lang)).clicked() {
                answer = Some(ChangedAnswer::Cancel);
            }
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(ChangedAnswer::Cancel);
    }
    answer
}

/// What to do with one piece of recovered work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecoverAnswer {
    Restore(usize),
    Compare(usize),
    Discard(usize),
    Later,
}

/// Lists unsaved work found at start-up.
pub fn recovery_prompt(ctx: &egui::Context, found: &[Found], lang: Lang) -> Option<RecoverAnswer> {
    let mut answer = None;
    let modal = Modal::new(egui::Id::unique("recovery-prompt")).show(ctx, |ui| {
        ui.set_width(560.0);
        ui.heading(S::RecoveryTitle.get(lang));
        ui.label(S::RecoveryExplain.get(lang));
        ui.add_space(6.0);
        egui::Grid::new("recoveries")
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                for (i, item) in found.iter().enumerate() {
                    ui.label(crate::i18n::messages::recovery_item(&item.recovery, lang));
                    ui.horizontal(|ui| {
                        if ui
                            .button(RichText::new(S::Restore.get(lang)).strong())
                            .clicked()
                        {
                            answer = Some(RecoverAnswer::Restore(i));
                        }
                        let can_compare = item
                            .recovery
                            .original
                            .as_deref()
                            .is_some_and(std::path::Path::exists);
                        if ui
                            .add_enabled(can_compare, egui::Button::new(S::Compare.get(lang)))
                            .on_hover_text(S::CompareHint.get(lang))
                            .clicked()
                        {
                            answer = Some(RecoverAnswer::Compare(i));
                        }
                        if ui.button(S::Discard.get(lang)).clicked() {
                            answer = Some(RecoverAnswer::Discard(i));
                        }
                    });
                    ui.end_row();
                }
            });
        ui.add_space(6.0);
        if ui.button(S::DecideLater.get(lang)).clicked() {
            answer = Some(RecoverAnswer::Later);
        }
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(RecoverAnswer::Later);
    }
    answer
}
