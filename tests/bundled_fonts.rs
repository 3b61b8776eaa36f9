//! The bundled fonts cover every character of GB 2312, so any text in the
//! national standard character set prints without boxes on any machine.

use jianbao::assets::FONTS;
use typst::foundations::Bytes;
use typst::text::Font;

const GB2312: &str = include_str!("data/gb2312.txt");

#[test]
fn every_gb2312_character_has_a_glyph_in_every_bundled_face() {
    let chars: Vec<char> = GB2312.trim_end().chars().collect();
    assert_eq!(chars.len(), 7445, "the GB 2312 list is complete");
    for bundled in FONTS {
        let font = Font::new(Bytes::new(bundled.bytes), 0).expect("a bundled font parses");
        let missing: String = chars
            .iter()
            .filter(|&&c| !font.info().coverage.contains(c as u32))
            .collect();
        assert!(missing.is_empty(), "{} lacks {missing}", bundled.file);
    }
}

#[test]
fn the_bundled_fonts_keep_latin_digits_and_punctuation() {
    let wanted =
        "AZaz09.,;:!?()[]{}“”‘’「」『』【】〔〕《》〈〉、。，；：！？（）—…·〇％＋－０９ＡＺ";
    for bundled in FONTS {
        let font = Font::new(Bytes::new(bundled.bytes), 0).expect("a bundled font parses");
        for c in wanted.chars() {
            assert!(
                font.info().coverage.contains(c as u32),
                "{} lacks {c}",
                bundled.file
            );
        }
    }
}

#[test]
fn fonts_stay_small() {
    let total: usize = FONTS.iter().map(|f| f.bytes.len()).sum();
    assert!(total < 40_000_000, "bundled fonts take {total} bytes");
}
