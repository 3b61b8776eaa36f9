//! The per-bulletin style block: colour, font families, sizes and spacing.
//! The typesetter reads it; the defaults follow GB/T 9704-2012.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// How an issue is typeset. Sizes are in points.
///
/// Font fields name the family an office expects (the commercial fonts most
/// offices have installed); the typesetter falls back to the bundled open
/// fonts when a family is missing, so any name is safe.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Style {
    /// 套红: the colour of the bulletin name and the rule under the masthead.
    pub accent: Color,
    /// Bulletin name: 方正小标宋简体.
    pub title_font: String,
    /// Body text: 仿宋_GB2312.
    pub body_font: String,
    /// Section heads and lead sentences: 黑体.
    pub heading_font: String,
    /// Editor's note and attributions: 楷体_GB2312.
    pub kai_font: String,
    /// Page numbers: a 宋体 face (GB/T 9704-2012, 7.5).
    pub page_number_font: String,
    /// Where page numbers print.
    pub page_numbers: PageNumbers,
    /// How an article's own title line prints (articles without one
    /// start with their bold lead sentence instead).
    pub article_title: TitleLine,
    /// Bulletin name size; shrunk to fit one line when the name is long.
    pub title_size: f64,
    /// Body size: 3号 is 16 pt.
    pub body_size: f64,
    /// Footer, distribution and page number size: 4号 is 14 pt.
    pub footer_size: f64,
    /// Baseline-to-baseline distance of body lines: 22 lines fill the type area.
    pub line_pitch: f64,
}

impl Default for Style {
    fn default() -> Self {
        Self {
            accent: Color::RED,
            title_font: "方正小标宋简体".into(),
            body_font: "仿宋_GB2312".into(),
            heading_font: "黑体".into(),
            kai_font: "楷体_GB2312".into(),
            page_number_font: "宋体".into(),
            page_numbers: PageNumbers::default(),
            article_title: TitleLine::default(),
            title_size: 32.0,
            body_size: 16.0,
            footer_size: 14.0,
            line_pitch: 28.9,
        }
    }
}

/// An article's title line: where it stands and its face. In 黑体 it is
/// set at the body size; in 小标宋 (the masthead's face) at 2号, 22 pt, as
/// many bulletins print it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TitleLine {
    pub align: TitleAlign,
    /// `true`: 小标宋 (the title font); `false`: 黑体 (the heading font).
    pub title_face: bool,
}

impl Style {
    /// The size an article's title line is set at, in points.
    pub fn article_title_size(&self) -> f64 {
        if self.article_title.title_face {
            self.body_size * 1.375
        } else {
            self.body_size
        }
    }
}

impl TitleLine {
    /// Lines of the grid the title takes: its size rounded up to whole
    /// lines, so the text below stays on the grid.
    pub fn grid_lines(self) -> u32 {
        if self.title_face { 2 } else { 1 }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum TitleAlign {
    #[default]
    Centred,
    /// Flush with the text's first-line indent.
    Flush,
}

/// Where page numbers print, below the type area, as "— 1 —".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum PageNumbers {
    /// GB/T 9704-2012 (7.5): odd pages at the right, even pages at the
    /// left, one character in from the type area's edge.
    #[default]
    Outside,
    /// Centred, as many 简报 print them.
    Centred,
}

/// An sRGB colour, written in files as `#RRGGBB`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Color {
    pub r: u8,
    pub g: u8,
    pub b: u8,
}

impl Color {
    /// The red of printed mastheads (CMYK 0/100/100/0 on screen).
    pub const RED: Color = Color {
        r: 0xE6,
        g: 0x00,
        b: 0x12,
    };

    pub fn hex(self) -> String {
        self.to_string()
    }
}

impl fmt::Display for Color {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02X}{:02X}{:02X}", self.r, self.g, self.b)
    }
}

/// Why text is not a colour; says what is expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadColor(pub String);

impl fmt::Display for BadColor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "“{}” is not a colour like #E60012", self.0)
    }
}

impl FromStr for Color {
    type Err = BadColor;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || BadColor(s.to_owned());
        let hex = s.trim().strip_prefix('#').ok_or_else(bad)?;
        if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(bad());
        }
        let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).map_err(|_| bad());
        Ok(Color {
            r: channel(0)?,
            g: channel(2)?,
            b: channel(4)?,
        })
    }
}

impl Default for Color {
    fn default() -> Self {
        Color::RED
    }
}

impl Serialize for Color {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.hex())
    }
}

impl<'de> Deserialize<'de> for Color {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_parse_and_print_as_hex() {
        let c: Color = "#c00000".parse().expect("valid colour");
        assert_eq!(
            c,
            Color {
                r: 0xC0,
                g: 0,
                b: 0
            }
        );
        assert_eq!(c.hex(), "#C00000");
        for bad in [
            "c00000",
            "#c0000",
            "#gg0000",
            "",
            "#c00000ff",
            "#红色红色红",
        ] {
            assert!(bad.parse::<Color>().is_err(), "{bad:?} should be refused");
        }
    }
}
