//! Edit → Paste as article: a box to paste a district's text into, cleaned
//! and added as an article of the current section.

use egui::{RichText, TextEdit};

use crate::i18n::{Lang, S};

#[derive(Default)]
pub struct PasteWindow {
    pub open: bool,
    text: String,
}

impl PasteWindow {
    /// Returns the pasted text when the user asks to add it.
    pub fn show(&mut self, ctx: &egui::Context, lang: Lang) -> Option<String> {
        let mut added = None;
        let mut open = self.open;
        egui::Window::new(S::PasteTitle.get(lang))
            // The same window in either language (egui would key it by its title).
            .id(egui::Id::unique("paste-window"))
            .open(&mut open)
            .default_width(520.0)
            .show(ctx, |ui| {
                ui.weak(S::PasteHint.get(lang));
                let label = ui.label(S::PastedText.get(lang));
                ui.add(
                    TextEdit::multiline(&mut self.text)
                        .desired_rows(14)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
                ui.horizontal(|ui| {
                    let ready = !self.text.trim().is_empty();
                    if ui
                        .add_enabled(
                            ready,
                            egui::Button::new(RichText::new(S::AddAsArticle.get(lang)).strong()),
                        )
                        .clicked()
                    {
                        added = Some(std::mem::take(&mut self.text));
                    }
                    if ui.button(S::Cancel.get(lang)).clicked() {
                        self.text.clear();
                        self.open = false;
                    }
                });
            });
        // Closed by its ✕, by Cancel, or done once the text is added.
        self.open = open && self.open && added.is_none();
        added
    }
}
