//! The bundled CJK fonts in egui: Chinese everywhere in the UI, and a serif
//! pair (regular and bold) so the body editor looks like the printed page.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

use crate::assets::FONTS;

/// The body editor's regular face (宋体 style, like print).
pub const SERIF: &str = "jianbao-serif";
/// The body editor's bold face, for run-in heads.
pub const SERIF_BOLD: &str = "jianbao-serif-bold";

/// Installs the bundled fonts. egui's own fonts stay first for Latin text
/// and symbols; the CJK faces are fallbacks, so every Chinese character
/// shows (no boxes).
pub fn install(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    for font in FONTS {
        fonts.font_data.insert(
            font.file.to_owned(),
            Arc::new(FontData::from_static(font.bytes)),
        );
    }
    let sans = "NotoSansCJKsc-Regular.otf".to_owned();
    let serif = "NotoSerifCJKsc-Regular.otf".to_owned();
    let serif_bold = "NotoSerifCJKsc-Bold.otf".to_owned();
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
