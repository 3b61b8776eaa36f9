//! The core's question on screen: each [`Question`] shown by its dialog
//! (`dialogs`), the user's answer returned for the core to act on. The
//! error message, when there is one, is shown first and alone.

use crate::app::{Answer, Editor, Question};
use crate::model::Status;
use crate::ui::dialogs;

/// Shows the error message or the question being asked; the answer once
/// given. Typing into a question (a status note, the user's name) edits
/// it in place.
pub fn ask(ctx: &egui::Context, editor: &mut Editor) -> Option<Answer> {
    let lang = editor.lang();
    if let Some(error) = editor.error() {
        if dialogs::error_message(ctx, error, lang) {
            editor.dismiss_error();
        }
        return None;
    }
    let name = editor
        .session()
        .map(|s| s.display_name(lang))
        .unwrap_or_default();
    let status = editor
        .session()
        .map_or(Status::Draft, |s| s.issue.review.status);
    match editor.question_mut()? {
        Question::Unsaved(_) => dialogs::unsaved_prompt(ctx, &name, lang).map(Answer::Unsaved),
        Question::Locked { path, owner } => {
            dialogs::locked_prompt(ctx, path, owner, lang).map(Answer::Locked)
        }
        Question::BreakLock { path, owner } => {
            dialogs::break_lock_prompt(ctx, path, owner, lang).map(Answer::Confirm)
        }
        Question::Replace { path, .. } => {
            dialogs::replace_prompt(ctx, path, lang).map(Answer::Confirm)
        }
        Question::ChangedOnDisk => {
            dialogs::changed_on_disk_prompt(ctx, &name, lang).map(Answer::Changed)
        }
        Question::Status { to, note } => {
            dialogs::status_prompt(ctx, status, *to, note, lang).map(Answer::Confirm)
        }
        Question::Name { name, .. } => dialogs::name_prompt(ctx, name, lang).map(Answer::Confirm),
        Question::ExportUnapproved(_) => {
            dialogs::export_unapproved_prompt(ctx, status, lang).map(Answer::Confirm)
        }
        Question::Numbering(lines) => {
            let title = crate::i18n::S::NumberingWarningTitle.get(lang);
            let text = crate::i18n::S::NumberingWarning.get(lang);
            dialogs::notice(ctx, title, text, lines, lang).then_some(Answer::Confirm(true))
        }
        Question::TypePath { kind, text, .. } => {
            dialogs::path_prompt(ctx, *kind, text, lang).map(Answer::Confirm)
        }
        Question::VolumeNotes(lines) => {
            let title = crate::i18n::S::VolumeNotesTitle.get(lang);
            let text = crate::i18n::S::VolumeNotes.get(lang);
            dialogs::notice(ctx, title, text, lines, lang).then_some(Answer::Confirm(true))
        }
        Question::Recover(found) => dialogs::recovery_prompt(ctx, found, lang).map(Answer::Recover),
    }
}
