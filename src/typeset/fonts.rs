//! The fonts the typesetter may use: the bundled open fonts, and the
//! system's so that offices get their official fonts where installed.

use typst::foundations::Bytes;
use typst::text::{Font, FontBook, FontWeight};
use typst::utils::LazyHash;
use typst_kit::fonts::FontStore;

use crate::assets;

/// Family names of the bundled fonts, as the template's fallbacks.
pub const BUNDLED_SERIF: &str = "Noto Serif CJK SC";
pub const BUNDLED_SANS: &str = "Noto Sans CJK SC";
pub const BUNDLED_KAI: &str = "Jianbao Kai";

/// A loaded set of fonts, built once and shared between typesetters.
///
/// Bundled fonts come first, so any character in GB 2312 typesets the same
/// on every machine unless the issue names an installed family. System
/// fonts are indexed by file and loaded only when a page uses them.
pub struct FontSet {
    store: FontStore,
}

impl FontSet {
    /// Only the bundled fonts: fast to build and the same everywhere
    /// (tests, benchmarks, reproducible exports).
    pub fn bundled() -> Self {
        let mut store = FontStore::new();
        for font in assets::FONTS {
            store.extend(Font::iter(Bytes::new(font.bytes)).map(|f| {
                let info = f.info().clone();
                (f, info)
            }));
        }
        Self { store }
    }

    /// The bundled fonts plus every font installed on the system. Scanning
    /// reads each font file's names, so call this once, off the UI thread.
    pub fn with_system() -> Self {
        let mut set = Self::bundled();
        set.store.extend(typst_kit::fonts::system());
        set
    }

    pub fn book(&self) -> &LazyHash<FontBook> {
        self.store.book()
    }

    pub fn font(&self, index: usize) -> Option<Font> {
        self.store.font(index)
    }

    /// Whether `family` is available, and if so whether it has a bold face.
    /// `None` when the family is not installed.
    pub fn family_has_bold(&self, family: &str) -> Option<bool> {
        let book = self.store.book();
        let mut faces = book.select_family(&family.to_lowercase()).peekable();
        faces.peek()?;
        Some(faces.any(|i| {
            book.info(i)
                .is_some_and(|info| info.variant.weight >= FontWeight::SEMIBOLD)
        }))
    }

    /// Whether some font can show `c`: no box (tofu) will be printed.
    pub fn covers(&self, c: char) -> bool {
        let book = self.store.book();
        (0..)
            .map_while(|i| book.info(i))
            .any(|info| info.coverage.contains(c as u32))
    }

    /// The first available family of `wanted`, for messages and settings.
    pub fn first_available<'a>(&self, wanted: &[&'a str]) -> Option<&'a str> {
        wanted
            .iter()
            .copied()
            .find(|f| self.store.book().contains_family(&f.to_lowercase()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_families_are_there() {
        let fonts = FontSet::bundled();
        assert_eq!(fonts.family_has_bold(BUNDLED_SERIF), Some(true));
        assert_eq!(fonts.family_has_bold(BUNDLED_SANS), Some(false));
        assert_eq!(fonts.family_has_bold(BUNDLED_KAI), Some(false));
        assert_eq!(fonts.family_has_bold("仿宋_GB2312-not-installed"), None);
        assert_eq!(
            fonts.first_available(&["方正小标宋简体x", BUNDLED_SANS]),
            Some(BUNDLED_SANS)
        );
    }

    #[test]
    fn coverage_knows_chinese_from_unassigned() {
        let fonts = FontSet::bundled();
        assert!(fonts.covers('简'));
        assert!(fonts.covers('〇'));
        assert!(!fonts.covers('\u{E000}'), "private use is not covered");
    }
}
