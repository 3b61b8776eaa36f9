//! The article body editor: plain text with `**` around bold run-ins,
//! drawn with the markers dimmed and the run-ins in bold, so an editor sees
//! what will print bold while typing.

use std::sync::Arc;

use egui::text::{CCursor, CCursorRange, LayoutJob, TextFormat};
use egui::{FontFamily, FontId, Galley, Id, TextBuffer, TextEdit, Ui};

use super::fonts::{SERIF, SERIF_BOLD};
use crate::i18n::{Lang, S};
use crate::model::marked::{self, MARKER, TokenKind};
use crate::model::{ArticleId, Paragraph};

/// Text size in the body editor, in UI points.
const SIZE: f32 = 16.0;

/// Edits one article's body at a time. The text buffer is the source of
/// truth while typing; it is rebuilt from the model only when the model
/// changed underneath it (undo, another article selected).
#[derive(Default)]
pub struct BodyEditor {
    article: Option<ArticleId>,
    text: String,
}

impl BodyEditor {
    /// Shows the editor for `body` and writes edits back into it. Returns
    /// whether the body changed. Not `editable`, the text can still be
    /// selected (to quote it in a comment) but not changed.
    /// `wanted(p)` answers whether characters of paragraph `p` should be
    /// selected (a jump from the problems panel or a comment).
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        id: ArticleId,
        body: &mut Vec<Paragraph>,
        editable: bool,
        lang: Lang,
        wanted: &mut dyn FnMut(usize) -> Option<std::ops::Range<usize>>,
    ) -> bool {
        let in_sync = self.article == Some(id)
            && marked::normalized(&marked::from_marked(&self.text)) == marked::normalized(body);
        if !in_sync {
            self.article = Some(id);
            self.text = marked::to_marked(body);
        }
        let edit_id = edit_id(id);
        // Bolding changes the buffer outside the text field, which then
        // reports no change of its own: the edit goes to the model below
        // all the same (before, the next frame rebuilt the buffer from the
        // unchanged model and the markers vanished).
        let mut bolded = false;

        let label = ui.horizontal(|ui| {
            let label = ui.label(S::Body.get(lang));
            let bold = ui
                .add_enabled(
                    editable,
                    egui::Button::new(egui::RichText::new(S::BoldButton.get(lang)).strong()),
                )
                .on_hover_text(S::BoldHint.get(lang));
            if bold.clicked() {
                toggle_bold(ui.ctx(), edit_id, &mut self.text);
                bolded = true;
            }
            ui.weak(S::BoldMarkersHint.get(lang));
            label
        });

        // Ctrl+B while the editor has focus.
        let focused = ui.memory(|m| m.has_focus(edit_id));
        if editable && focused && ui.input_mut(|i| i.consume_shortcut(&BOLD_SHORTCUT)) {
            toggle_bold(ui.ctx(), edit_id, &mut self.text);
            bolded = true;
        }

        let mut layouter = |ui: &Ui, text: &dyn TextBuffer, wrap_width: f32| -> Arc<Galley> {
            let mut job = highlight(ui, text.as_str());
            job.wrap.max_width = wrap_width;
            ui.fonts_mut(|f| f.layout_job(job))
        };
        // A locked body is shown from a copy: selectable, not editable.
        let frozen = (!editable).then(|| self.text.clone());
        let mut frozen = frozen.as_deref().unwrap_or_default();
        let buffer: &mut dyn TextBuffer = if editable {
            &mut self.text
        } else {
            &mut frozen
        };
        let response = ui
            .add(
                TextEdit::multiline(buffer)
                    .id(edit_id)
                    .desired_rows(12)
                    .desired_width(f32::INFINITY)
                    .layouter(&mut layouter),
            )
            .labelled_by(label.inner.id);

        for p in 0..body.len() {
            if let Some(range) = wanted(p) {
                super::focus::select(ui.ctx(), edit_id, marked::locate(&self.text, p, range));
            }
        }
        if !editable || !(response.changed() || bolded) {
            return false;
        }
        let parsed = marked::from_marked(&self.text);
        let changed = marked::normalized(&parsed) != marked::normalized(body);
        if changed {
            *body = parsed;
        }
        changed
    }

    /// The paragraph and its plain characters selected in the body, if
    /// the editor has a non-empty selection.
    pub fn selection(&self, ctx: &egui::Context) -> Option<(usize, std::ops::Range<usize>)> {
        let selected = super::focus::selection(ctx, edit_id(self.article?))?;
        let (paragraph, range) = marked::plain_range(&self.text, selected);
        (!range.is_empty()).then_some((paragraph, range))
    }
}

/// The id of the text field editing article `id`'s body.
pub fn edit_id(id: ArticleId) -> Id {
    Id::unique(("body-editor", id))
}

/// Ctrl+B (Cmd+B on macOS).
pub const BOLD_SHORTCUT: egui::KeyboardShortcut =
    egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::B);

/// The marked text as a layout: markers and escapes dimmed, run-ins bold.
fn highlight(ui: &Ui, text: &str) -> LayoutJob {
    let visuals = &ui.style().visuals;
    let regular = FontId::new(SIZE, FontFamily::Name(SERIF.into()));
    let bold = FontId::new(SIZE, FontFamily::Name(SERIF_BOLD.into()));
    let mut job = LayoutJob::default();
    for token in marked::tokenize(text) {
        let (font, color) = match token.kind {
            TokenKind::Marker | TokenKind::Escape => (regular.clone(), visuals.weak_text_color()),
            TokenKind::Text { bold: true } => (bold.clone(), visuals.strong_text_color()),
            TokenKind::Text { bold: false } | TokenKind::Newline => {
                (regular.clone(), visuals.text_color())
            }
        };
        job.append(&text[token.range], 0.0, TextFormat::simple(font, color));
    }
    job
}

/// Wraps the selection in `**` (or inserts `****` with the cursor between).
fn toggle_bold(ctx: &egui::Context, id: Id, text: &mut String) {
    let mut state = TextEdit::load_state(ctx, id).unwrap_or_default();
    let range = state.cursor.char_range().unwrap_or_else(|| {
        let end = CCursor::new(text.chars().count());
        CCursorRange::two(end, end)
    });
    let [start, end] = range.sorted_cursors();
    let (start, end) = (usize::from(start.index), usize::from(end.index));
    let byte = |chars: usize| {
        text.char_indices()
            .nth(chars)
            .map_or(text.len(), |(b, _)| b)
    };
    let (start_byte, end_byte) = (byte(start), byte(end));
    text.insert_str(end_byte, MARKER);
    text.insert_str(start_byte, MARKER);
    let marker = MARKER.chars().count();
    state.cursor.set_char_range(Some(CCursorRange::two(
        CCursor::new(start + marker),
        CCursor::new(end + marker),
    )));
    TextEdit::store_state(ctx, id, state);
    ctx.memory_mut(|m| m.request_focus(id));
}
