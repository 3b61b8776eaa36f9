//! The bundled CJK fonts in egui: Chinese everywhere in the UI, and a serif
//! pair (regular and bold) so the body editor looks like the printed page.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

use crate::assets::fonts::{
    self as bundled, KAI_FILE, SANS_FILE, SERIF_BOLD_FILE, SERIF_REGULAR_FILE,
};

/// The body editor's regular face (宋体 style, like print).
pub const SERIF: &str = "jianbao-serif";
/// The body editor's bold face, for run-in heads.
pub const SERIF_BOLD: &str = "jianbao-serif-bold";

/// Installs the bundled fonts. egui's own fonts stay first for Latin text
/// and symbols; the CJK faces are fallbacks, so every Chinese character
/// shows (no boxes). Without the bundled files (the core reports why),
/// egui's own fonts are all there is.
pub fn install(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    let Ok(files) = bundled::bundled() else {
        ctx.set_fonts(fonts);
        return;
    };
    // The window shows no 楷体; the three faces it uses are shared with
    // the typesetter, not copied.
    for font in files.iter().filter(|f| f.file != KAI_FILE) {
        fonts.font_data.insert(
            font.file.to_owned(),
            Arc::new(FontData::from_static(font.bytes())),
        );
    }
    let sans = SANS_FILE.to_owned();
    let serif = SERIF_REGULAR_FILE.to_owned();
    let serif_bold = SERIF_BOLD_FILE.to_owned();
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts.families.entry(family).or_default().push(sans.clone());
    }
    let fallbacks = fonts
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    let with_fallbacks = |first: &str| {
        let mut list = vec![first.to_owned()];
        list.extend(fallbacks.iter().cloned());
        list
    };
    fonts
        .families
        .insert(FontFamily::Name(SERIF.into()), with_fallbacks(&serif));
    fonts.families.insert(
        FontFamily::Name(SERIF_BOLD.into()),
        with_fallbacks(&serif_bold),
    );
    ctx.set_fonts(fonts);
}
