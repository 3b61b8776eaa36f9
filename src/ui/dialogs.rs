//! Modal questions and messages: unsaved changes, errors, locks,
//! recovery, status changes, the user's name.

use std::path::Path;

use egui::{Modal, RichText};

use crate::app::editor::{
    ChangedAnswer, Found, LockOwner, LockedAnswer, PathKind, RecoverAnswer, UnsavedAnswer,
};
use crate::i18n::{Lang, S, messages};
use crate::model::Status;

/// Asks whether to save the changes to `name`. `None` while unanswered.
pub fn unsaved_prompt(ctx: &egui::Context, name: &str, lang: Lang) -> Option<UnsavedAnswer> {
    use UnsavedAnswer as A;
    question(
        ctx,
        "unsaved-prompt",
        S::UnsavedTitle.get(lang),
        &messages::unsaved_question(name, lang),
        &[
            (S::Save, A::Save),
            (S::DontSave, A::Discard),
            (S::Cancel, A::Cancel),
        ],
        A::Cancel,
        lang,
        |_, _| {},
    )
}

/// A question: a heading, a text, anything `extra` adds below it, and a
/// row of buttons, the first the default (bold). Closing it (Escape, a
/// click outside) answers `dismissed`. `None` while unanswered. Every
/// modal question of the editor is this one skeleton.
#[allow(clippy::too_many_arguments)]
fn question<A: Copy>(
    ctx: &egui::Context,
    id: &str,
    heading: &str,
    text: &str,
    buttons: &[(S, A)],
    dismissed: A,
    lang: Lang,
    extra: impl FnOnce(&mut egui::Ui, &mut Option<A>),
) -> Option<A> {
    let mut answer = None;
    let modal = Modal::new(egui::Id::unique(id)).show(ctx, |ui| {
        ui.set_width(440.0);
        ui.heading(heading);
        ui.label(text);
        extra(ui, &mut answer);
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            for (i, (label, choice)) in buttons.iter().enumerate() {
                let label = RichText::new(label.get(lang));
                let label = if i == 0 { label.strong() } else { label };
                if ui.button(label).clicked() {
                    answer = Some(*choice);
                }
            }
        });
    });
    if modal.should_close() && answer.is_none() {
        answer = Some(dismissed);
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

/// Says who holds the draft and offers to open it read-only.
pub fn locked_prompt(
    ctx: &egui::Context,
    draft: &Path,
    owner: &LockOwner,
    lang: Lang,
) -> Option<LockedAnswer> {
    use LockedAnswer as A;
    question(
        ctx,
        "locked-prompt",
        S::LockedTitle.get(lang),
        &messages::locked_by(&file_name(draft), owner, lang),
        &[
            (S::OpenReadOnly, A::ReadOnly),
            (S::BreakLock, A::Break),
            (S::Cancel, A::Cancel),
        ],
        A::Cancel,
        lang,
        |_, _| {},
    )
}

pub fn changed_on_disk_prompt(
    ctx: &egui::Context,
    name: &str,
    lang: Lang,
) -> Option<ChangedAnswer> {
    use ChangedAnswer as A;
    question(
        ctx,
        "changed-prompt",
        S::ChangedOnDiskTitle.get(lang),
        &messages::changed_on_disk(name, lang),
        &[
            (S::SaveAsEllipsis, A::SaveAs),
            (S::Overwrite, A::Overwrite),
            (S::Reload, A::Reload),
            (S::Cancel, A::Cancel),
        ],
        A::Cancel,
        lang,
        |_, _| {},
    )
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
                    ui.label(messages::recovery_item(&item.recovery, lang));
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

/// A yes-or-cancel question with a heading, a text and an optional note
/// field; `Some(true)` when confirmed, `Some(false)` when cancelled.
fn confirm(
    ctx: &egui::Context,
    id: &str,
    heading: &str,
    text: &str,
    note: Option<(&str, &mut String)>,
    yes: S,
    lang: Lang,
) -> Option<bool> {
    question(
        ctx,
        id,
        heading,
        text,
        &[(yes, true), (S::Cancel, false)],
        false,
        lang,
        |ui, answer| {
            let Some((label, note)) = note else {
                return;
            };
            ui.add_space(6.0);
            let label = ui.label(label);
            let response = ui
                .add(egui::TextEdit::singleline(note).desired_width(f32::INFINITY))
                .labelled_by(label.id);
            // Enter confirms (the field has just given up the focus: asked
            // for again first, it would never be seen as lost).
            if response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                *answer = Some(true);
            } else if ui.memory(|m| m.focused().is_none()) {
                // Ready to type into as soon as the question is up.
                response.request_focus();
            }
        },
    )
}

/// Confirms a status change, with an optional note for the history.
pub fn status_prompt(
    ctx: &egui::Context,
    from: Status,
    to: Status,
    note: &mut String,
    lang: Lang,
) -> Option<bool> {
    confirm(
        ctx,
        "status-prompt",
        S::ConfirmStatusTitle.get(lang),
        &messages::confirm_status(from, to, lang),
        Some((S::StatusNote.get(lang), note)),
        S::Confirm,
        lang,
    )
}

/// Asks for a path where no file dialog could be shown.
pub fn path_prompt(
    ctx: &egui::Context,
    kind: PathKind,
    path: &mut String,
    lang: Lang,
) -> Option<bool> {
    let explain = match kind {
        PathKind::File => S::TypeFileExplain,
        PathKind::NewFile => S::TypeNewFileExplain,
        PathKind::Folder => S::TypeFolderExplain,
    };
    let answer = confirm(
        ctx,
        "path-prompt",
        S::TypePathTitle.get(lang),
        explain.get(lang),
        Some((S::PathLabel.get(lang), path)),
        S::Ok,
        lang,
    );
    answer.filter(|yes| !*yes || !path.trim().is_empty())
}

/// Asks the user's name, once, before it first goes on a comment or a
/// status change. Confirming with an empty name is not possible.
pub fn name_prompt(ctx: &egui::Context, name: &mut String, lang: Lang) -> Option<bool> {
    let answer = confirm(
        ctx,
        "name-prompt",
        S::YourNameTitle.get(lang),
        S::YourNameExplain.get(lang),
        Some((S::YourName.get(lang), name)),
        S::Ok,
        lang,
    );
    answer.filter(|yes| !*yes || !name.trim().is_empty())
}

/// Confirms breaking someone's lock, naming them.
pub fn break_lock_prompt(
    ctx: &egui::Context,
    draft: &Path,
    owner: &LockOwner,
    lang: Lang,
) -> Option<bool> {
    confirm(
        ctx,
        "break-lock-prompt",
        S::BreakLockTitle.get(lang),
        &messages::confirm_break_lock(&file_name(draft), owner, lang),
        None,
        S::BreakLockYes,
        lang,
    )
}

/// A draft's file name, as the questions about it show it.
fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Confirms replacing an existing file.
pub fn replace_prompt(ctx: &egui::Context, path: &Path, lang: Lang) -> Option<bool> {
    confirm(
        ctx,
        "replace-prompt",
        S::ReplaceTitle.get(lang),
        &messages::confirm_replace(path, lang),
        None,
        S::ReplaceYes,
        lang,
    )
}

/// Asks before exporting an issue that is not approved.
pub fn export_unapproved_prompt(ctx: &egui::Context, status: Status, lang: Lang) -> Option<bool> {
    let text = format!(
        "{}\n{}",
        S::ExportUnapproved.get(lang),
        messages::status_line(status, lang)
    );
    confirm(
        ctx,
        "export-unapproved-prompt",
        S::ExportUnapprovedTitle.get(lang),
        &text,
        None,
        S::ExportAnyway,
        lang,
    )
}

/// Tells something that needs no decision: a heading, a text and a list.
/// Returns true when dismissed.
pub fn notice(
    ctx: &egui::Context,
    heading: &str,
    text: &str,
    lines: &[String],
    lang: Lang,
) -> bool {
    let mut dismissed = false;
    let modal = Modal::new(egui::Id::unique("notice")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading(heading);
        ui.label(text);
        egui::ScrollArea::vertical()
            .max_height(240.0)
            .show(ui, |ui| {
                for line in lines {
                    ui.label(format!("· {line}"));
                }
            });
        ui.add_space(8.0);
        if ui.button(S::Ok.get(lang)).clicked() {
            dismissed = true;
        }
    });
    dismissed || modal.should_close()
}
