//! The bundled fonts cover every hanzi of GBK (about 21,000: names and
//! places such as 喆 堃 犇 珺, not only GB 2312's 6,763), so such text
//! prints without boxes on any machine, in each face's own style.

use jianbao::assets::fonts::{BundledFont, bundled};
use jianbao::typeset::FontSet;
use typst::foundations::Bytes;
use typst::text::Font;

fn fonts() -> &'static [BundledFont] {
    bundled().expect("the bundled fonts of this tree")
}

fn parsed(bundled: &'static BundledFont) -> Font {
    Font::new(Bytes::new(bundled.bytes()), 0).expect("a bundled font parses")
}

/// Every hanzi GBK encodes, found by decoding each two-byte code.
fn gbk_hanzi() -> Vec<char> {
    let mut hanzi = Vec::new();
    for lead in 0x81..=0xFEu8 {
        for trail in 0x40..=0xFEu8 {
            let code = [lead, trail];
            let (text, had_errors) = encoding_rs::GBK.decode_without_bom_handling(&code);
            let mut chars = text.chars();
            if let (false, Some(c), None) = (had_errors, chars.next(), chars.next())
                && matches!(c, '\u{3400}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
            {
                hanzi.push(c);
            }
        }
    }
    hanzi
}

#[test]
fn every_gbk_hanzi_has_a_glyph_in_every_bundled_face() {
    let hanzi = gbk_hanzi();
    assert!(
        hanzi.len() > 20_900,
        "GBK has about 21,000 hanzi: {}",
        hanzi.len()
    );
    assert!(hanzi.contains(&'喆') && hanzi.contains(&'堃') && hanzi.contains(&'犇'));
    for bundled in fonts() {
        let font = parsed(bundled);
        let lacking: String = hanzi
            .iter()
            .filter(|&&c| !font.info().coverage.contains(c as u32))
            .collect();
        assert!(
            lacking.is_empty(),
            "{} lacks {} hanzi: {lacking}",
            bundled.file,
            lacking.chars().count()
        );
    }
}

#[test]
fn beyond_gbk_nothing_bundled_prints_so_the_proofreader_still_flags_it() {
    let fonts = FontSet::bundled();
    assert!(fonts.covers('珺'));
    // CJK Extension B: no bundled face has it, so glyph.missing reports it
    // on a machine without a font that does.
    for c in ['𠀀', '𪚥', '𰻞'] {
        assert!(!fonts.covers(c), "{c}");
    }
}

#[test]
fn the_bundled_fonts_keep_latin_digits_and_punctuation() {
    let wanted =
        "AZaz09.,;:!?()[]{}“”‘’「」『』【】〔〕《》〈〉、。，；：！？（）—…·〇％＋－０９ＡＺ";
    for bundled in fonts() {
        let font = parsed(bundled);
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
fn fonts_stay_within_the_package_budget() {
    // The .deb must stay under 40 MB with the binary; the fonts compress
    // to about 20 MB of it.
    let total: usize = fonts().iter().map(|f| f.bytes().len()).sum();
    assert!(total < 36_000_000, "bundled fonts take {total} bytes");
}

#[test]
fn the_proofreader_flags_only_what_the_bundled_fonts_cannot_print() {
    use jianbao::lint::{Context, Rule, lint};
    let fonts = FontSet::bundled();
    let covers = |c: char| fonts.covers(c);
    let cx = Context {
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 28).expect("a date"),
        covers: &covers,
        earlier: None,
        measure_mm: jianbao::typeset::PAGE.type_width(),
    };
    let mut issue = jianbao::sample::issue();
    // Rare names in GBK print; 𠀀 (Extension B) does not.
    issue.sections[0].articles[0].lead = "王喆、李堃、张犇、赵珺与𠀀村干部座谈。".into();
    let missing: Vec<_> = lint(&issue, &cx)
        .into_iter()
        .filter(|f| f.rule == Rule::MissingGlyph)
        .collect();
    assert_eq!(missing.len(), 1, "{missing:?}");
    assert_eq!(missing[0].range, 12..13, "the 𠀀, by character");
}
