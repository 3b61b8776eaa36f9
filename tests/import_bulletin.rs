//! Importing the text of the sample bulletin, as copied out of its PDF,
//! gives the sample issue — field by field — and so does the same text
//! mangled the ways copying mangles it.

use jianbao::import::bulletin_from_text;
use jianbao::model::Issue;

const SOURCE: &str = include_str!("data/capital-civilization-briefing-2021-no11.txt");

/// The imported issue with the sample's article ids (ids are made fresh on
/// import; everything else must match).
fn with_sample_ids(mut imported: Issue) -> Issue {
    let sample = jianbao::sample::issue();
    let ids: Vec<_> = sample.articles().map(|(_, _, a)| a.id).collect();
    let mut n = 0;
    for section in &mut imported.sections {
        for article in &mut section.articles {
            if let Some(id) = ids.get(n) {
                article.id = *id;
            }
            n += 1;
        }
    }
    imported
}

fn assert_same_as_sample(imported: Issue) {
    let sample = jianbao::sample::issue();
    let imported = with_sample_ids(imported);
    assert_eq!(imported.masthead, sample.masthead, "masthead");
    assert_eq!(imported.editors_note, sample.editors_note, "editor's note");
    assert_eq!(imported.sections.len(), sample.sections.len(), "sections");
    for (mine, theirs) in imported.articles().zip(sample.articles()) {
        let (mine, theirs) = (mine.2, theirs.2);
        assert_eq!(mine.unit, theirs.unit, "unit");
        assert_eq!(mine.lead, theirs.lead, "lead of {}", theirs.unit);
        assert_eq!(mine.body, theirs.body, "body of {}", theirs.unit);
        assert_eq!(
            mine.attribution, theirs.attribution,
            "attribution of {}",
            theirs.unit
        );
    }
    assert_eq!(imported.attribution_suffix, sample.attribution_suffix);
    assert_eq!(imported.footer, sample.footer, "footer");
    assert_eq!(imported.distribution, sample.distribution, "distribution");
    assert_eq!(imported, sample, "and nothing else differs");
}

#[test]
fn the_sample_text_imports_as_the_sample_issue() {
    assert_same_as_sample(bulletin_from_text(SOURCE).expect("imports"));
}

#[test]
fn crlf_bom_rewrapped_lines_and_blank_lines_change_nothing() {
    // Windows line ends and a byte-order mark; every paragraph re-wrapped
    // at 23 characters; extra blank lines and page numbers in between.
    let mut mangled = String::from("\u{FEFF}\r\n\r\n");
    for (n, line) in SOURCE.lines().enumerate() {
        let chars: Vec<char> = line.chars().collect();
        for chunk in chars.chunks(23) {
            mangled.push_str(&chunk.iter().collect::<String>());
            mangled.push_str("\r\n");
        }
        mangled.push_str("\r\n\r\n");
        if n % 7 == 3 {
            mangled.push_str(&format!("— {} —\r\n\r\n", n / 7 + 1));
        }
    }
    assert_same_as_sample(bulletin_from_text(&mangled).expect("imports"));
}

#[test]
fn our_own_plain_text_reads_back() {
    // The plain-text export, with its indented paragraphs and full-width
    // colons, imports as the issue it came from.
    let text = jianbao::export::to_text(&jianbao::sample::issue());
    assert_same_as_sample(bulletin_from_text(&text).expect("imports"));
}

#[test]
fn an_attribution_on_its_own_line_ends_its_article_even_after_an_unfinished_paragraph() {
    // The last paragraph of 东城区's article has no closing punctuation:
    // the attribution line after it used to stay body text, and 房山区's
    // article ran into 东城区's.
    let mut issue = jianbao::sample::issue();
    let body = &mut issue.sections[0].articles[0].body;
    let last = body.last_mut().expect("a paragraph");
    let text = last.text();
    last.replace_chars(text.chars().count() - 1..text.chars().count(), "");
    let reread = bulletin_from_text(&jianbao::export::to_text(&issue)).expect("imports");
    let units: Vec<&str> = reread.articles().map(|(_, _, a)| a.unit.as_str()).collect();
    assert_eq!(units, ["东城区", "房山区", "昌平区"]);
    let first = &reread.sections[0].articles[0];
    assert_eq!(reread.attribution_of(first), "东城区文明办");
    assert!(
        !first
            .body
            .last()
            .expect("a paragraph")
            .text()
            .ends_with('）')
    );
}

/// A bulletin that numbers its issues in Chinese numerals, number and
/// total on one line, imports with both numbers and keeps its numerals;
/// exported again as text, the line reads as it did.
#[test]
fn chinese_numerals_import_and_print_as_they_were() {
    let text = SOURCE.replacen("第 11 期", "第十一期（总第二千一百七十七期）", 1);
    let text = text.replacen("(总第 2177 期)\n", "", 1);
    assert_ne!(text, SOURCE, "the sample's number lines were replaced");
    let imported = bulletin_from_text(&text).expect("imports");
    let m = &imported.masthead;
    assert_eq!((m.number, m.total_number), (Some(11), Some(2177)));
    assert_eq!(m.numerals, jianbao::model::Numerals::Chinese);
    let printed = jianbao::export::to_text(&imported);
    assert!(printed.contains("第十一期"), "{printed}");
    assert!(printed.contains("（总第二千一百七十七期）"));
}
