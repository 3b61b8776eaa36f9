//! The fonts the typesetter may use: the bundled open fonts, and the
//! system's so that offices get their official fonts where installed.

use typst::foundations::Bytes;
use typst::text::{Font, FontBook, FontWeight};
use typst::utils::LazyHash;
use typst_kit::fonts::FontStore;

use crate::assets;
use crate::assets::fonts::FontsMissing;
use crate::model::Style;

/// Family names of the bundled fonts, as the template's fallbacks.
pub const BUNDLED_SERIF: &str = "Noto Serif CJK SC";
pub const BUNDLED_SANS: &str = "Noto Sans CJK SC";
pub const BUNDLED_KAI: &str = "Jianbao Kai";

/// A loaded set of fonts, built once and shared between typesetters.
///
/// Bundled fonts come first, so any character in GBK typesets the same
/// on every machine unless the issue names an installed family. System
/// fonts are indexed by file and loaded only when a page uses them. When
/// the bundled files cannot be read the set goes on without them and says
/// so ([`FontSet::bundled_missing`]): pages still typeset in system fonts.
pub struct FontSet {
    store: FontStore,
    bundled_missing: Option<&'static FontsMissing>,
}

impl FontSet {
    /// Only the bundled fonts: fast to build and the same everywhere
    /// (tests, benchmarks, reproducible exports).
    pub fn bundled() -> Self {
        let mut store = FontStore::new();
        let bundled_missing = match assets::fonts::bundled() {
            Ok(fonts) => {
                for font in fonts {
                    store.extend(Font::iter(Bytes::new(font.bytes())).map(|f| {
                        let info = f.info().clone();
                        (f, info)
                    }));
                }
                None
            }
            Err(missing) => Some(missing),
        };
        Self {
            store,
            bundled_missing,
        }
    }

    /// The bundled fonts plus every font installed on the system, from
    /// the font index cache when the font folders have not changed.
    pub fn with_system() -> Self {
        let mut set = Self::bundled();
        set.store.extend(super::font_index::system_fonts());
        set
    }

    /// Why the bundled fonts are not in this set, when they are not.
    pub fn bundled_missing(&self) -> Option<&'static FontsMissing> {
        self.bundled_missing
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

    /// How far the ink of `c` reaches above the baseline, in em, in the
    /// first available family of `wanted`: where the template places the
    /// page number's dashes (asking typst to `measure` it there cost every
    /// layout milliseconds).
    pub fn ink_top(&self, wanted: &[&str], c: char) -> Option<f64> {
        let family = self.first_available(wanted)?.to_lowercase();
        let index = self.store.book().select_family(&family).next()?;
        let font = self.font(index)?.instantiate(
            typst::text::FontVariant::default(),
            typst::layout::Abs::pt(16.0),
            &typst::text::FontVariations::default(),
        );
        let ttf = font.ttf();
        let glyph = ttf.glyph_index(c)?;
        let bounds = ttf.glyph_bounding_box(glyph)?;
        Some(f64::from(bounds.y_max) / f64::from(ttf.units_per_em()))
    }

    /// The first available family of `wanted`, for messages and settings.
    pub fn first_available<'a>(&self, wanted: &[&'a str]) -> Option<&'a str> {
        wanted
            .iter()
            .copied()
            .find(|f| self.store.book().contains_family(&f.to_lowercase()))
    }
}

/// The four faces a bulletin is set in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FontRole {
    /// The red masthead name (方正小标宋).
    Title,
    /// The body (仿宋).
    Body,
    /// Headings and labels (黑体).
    Heading,
    /// 楷体 lines (the editor's note label, attributions in some styles).
    Kai,
    /// Page numbers (宋体).
    PageNumber,
}

impl FontRole {
    pub const ALL: [FontRole; 5] = [
        FontRole::Title,
        FontRole::Body,
        FontRole::Heading,
        FontRole::Kai,
        FontRole::PageNumber,
    ];

    /// The family the issue asks for in this role, to change it.
    pub fn family_mut(self, style: &mut Style) -> &mut String {
        match self {
            FontRole::Title => &mut style.title_font,
            FontRole::Body => &mut style.body_font,
            FontRole::Heading => &mut style.heading_font,
            FontRole::Kai => &mut style.kai_font,
            FontRole::PageNumber => &mut style.page_number_font,
        }
    }

    /// The family the issue asks for in this role, and the bundled one
    /// that stands in when it is not installed: the template's font lists.
    pub fn families(self, style: &Style) -> (&str, &'static str) {
        match self {
            FontRole::Title => (&style.title_font, BUNDLED_SERIF),
            FontRole::Body => (&style.body_font, BUNDLED_SERIF),
            FontRole::Heading => (&style.heading_font, BUNDLED_SANS),
            FontRole::Kai => (&style.kai_font, BUNDLED_KAI),
            FontRole::PageNumber => (&style.page_number_font, BUNDLED_SERIF),
        }
    }
}

/// Which font a role is printed in on this machine.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintedFont {
    pub role: FontRole,
    /// The family the issue asks for.
    pub wanted: String,
    /// The family the pages use: `wanted`, or the bundled stand-in.
    pub used: String,
}

impl PrintedFont {
    /// The issue's own font is installed and used.
    pub fn is_wanted(&self) -> bool {
        self.used == self.wanted
    }
}

impl FontSet {
    /// For each role, the font the pages of an issue in `style` are set
    /// in on this machine.
    pub fn printed(&self, style: &Style) -> Vec<PrintedFont> {
        FontRole::ALL
            .into_iter()
            .map(|role| {
                let (wanted, stand_in) = role.families(style);
                let used = self
                    .first_available(&[wanted, stand_in])
                    .unwrap_or(stand_in);
                PrintedFont {
                    role,
                    wanted: wanted.to_owned(),
                    used: used.to_owned(),
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_official_fonts_are_named_with_their_stand_ins() {
        let fonts = FontSet::bundled();
        let style = Style {
            heading_font: BUNDLED_SANS.into(),
            ..Style::default()
        };
        let printed = fonts.printed(&style);
        let body = &printed[1];
        assert_eq!(body.role, FontRole::Body);
        assert_eq!(
            (body.wanted.as_str(), body.used.as_str()),
            ("仿宋_GB2312", BUNDLED_SERIF)
        );
        assert!(!body.is_wanted());
        assert!(printed[2].is_wanted(), "an installed family is used");
        assert_eq!(printed[3].used, BUNDLED_KAI);
    }

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
