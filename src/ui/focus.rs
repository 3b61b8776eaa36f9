//! Jumping to a field: every text field has an id derived from its
//! [`Field`], so a finding in the problems panel can put the cursor on the
//! exact characters it is about.

use std::ops::Range;

use egui::text::{CCursor, CCursorRange};
use egui::{Id, TextEdit};

use crate::model::Field;

/// The id of the text edit that shows `field`.
pub fn field_id(field: Field) -> Id {
    Id::unique(("jianbao-field", field))
}

/// A request to select characters of a field once its form is on screen.
#[derive(Default)]
pub struct FieldFocus {
    pending: Option<(Field, Range<usize>)>,
}

impl FieldFocus {
    pub fn request(&mut self, field: Field, range: Range<usize>) {
        self.pending = Some((field, range));
    }

    /// The requested range, if the request is for `field` (and takes it).
    pub fn take(&mut self, field: Field) -> Option<Range<usize>> {
        if self.pending.as_ref().is_some_and(|(f, _)| *f == field) {
            self.pending.take().map(|(_, range)| range)
        } else {
            None
        }
    }

    /// After drawing the text edit `id` for `field`: select the requested
    /// characters in it and give it the keyboard.
    pub fn apply(&mut self, ctx: &egui::Context, field: Field, id: Id) {
        if let Some(range) = self.take(field) {
            select(ctx, id, range);
        }
    }
}

/// Selects characters `range` of text edit `id` and focuses it.
pub fn select(ctx: &egui::Context, id: Id, range: Range<usize>) {
    let mut state = TextEdit::load_state(ctx, id).unwrap_or_default();
    state.cursor.set_char_range(Some(CCursorRange::two(
        CCursor::new(range.start),
        CCursor::new(range.end),
    )));
    TextEdit::store_state(ctx, id, state);
    ctx.memory_mut(|m| m.request_focus(id));
}

/// The characters selected in text edit `id`, when some are.
pub fn selection(ctx: &egui::Context, id: Id) -> Option<Range<usize>> {
    let state = TextEdit::load_state(ctx, id)?;
    let [start, end] = state.cursor.char_range()?.sorted_cursors();
    let range = usize::from(start.index)..usize::from(end.index);
    (!range.is_empty()).then_some(range)
}
