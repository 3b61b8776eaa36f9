//! The middle column: a form for the selected part of the issue.

mod article;
mod figures;
mod footer;
mod masthead;
mod section;

use egui::Ui;

use crate::app::Selection;
use crate::i18n::{Lang, S};
use crate::model::{ArticleId, Field, Issue, Quote};
use crate::ui::focus::{FieldFocus, field_id};
use article::ArticleForm;

/// Shows the form for whatever is selected.
#[derive(Default)]
pub struct FormPanel {
    article: ArticleForm,
}

impl FormPanel {
    /// Not `editable`, nothing can be changed; an article's text can still
    /// be selected, to quote in a comment. Returns what the form asks the
    /// editor for (a photo to insert).
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        issue: &mut Issue,
        selection: Selection,
        editable: bool,
        lang: Lang,
        focus: &mut FieldFocus,
    ) -> Option<crate::app::Command> {
        // Each form scrolls on its own: a long article's scroll position
        // must not hide the top of the masthead form.
        egui::ScrollArea::vertical()
            .id_salt(("form", format!("{selection:?}")))
            .auto_shrink([false, false])
            .show(ui, |ui| {
                if !editable && !matches!(selection, Selection::Article(_)) {
                    ui.disable();
                }
                match selection {
                    Selection::Masthead => masthead::ui(ui, issue, lang, focus),
                    Selection::EditorsNote => note_ui(ui, issue, lang, focus),
                    Selection::Section(s) => section::ui(ui, issue, s, lang, focus),
                    Selection::Article(id) => {
                        return self.article.ui(ui, issue, id, editable, lang, focus);
                    }
                    Selection::Footer => footer::footer_ui(ui, issue, lang, focus),
                    Selection::Distribution => footer::distribution_ui(ui, issue, lang, focus),
                }
                None
            })
            .inner
    }

    /// The words last selected in article `id`, as a quote for a comment.
    pub fn selected_quote(&self, issue: &Issue, id: ArticleId) -> Option<Quote> {
        self.article.selected_quote(issue, id)
    }
}

/// 编者按: on or off, and its text.
fn note_ui(ui: &mut Ui, issue: &mut Issue, lang: Lang, focus: &mut FieldFocus) {
    ui.heading(S::EditorsNote.get(lang));
    let mut on = issue.editors_note.is_some();
    if ui.checkbox(&mut on, S::HasEditorsNote.get(lang)).changed() {
        issue.editors_note = on.then(String::new);
    }
    if let Some(note) = &mut issue.editors_note {
        let label = ui.label(S::EditorsNoteText.get(lang));
        let id = field_id(Field::EditorsNote);
        ui.add(
            egui::TextEdit::multiline(note)
                .id(id)
                .desired_rows(6)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
        focus.apply(ui.ctx(), Field::EditorsNote, id);
    }
}
