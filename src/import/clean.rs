//! Undoing what copying text out of PDFs, mail and messaging apps does to
//! it: byte-order marks, CR LF, lines broken mid-sentence, blank lines at
//! page breaks, page numbers, spaces around numbers and Latin words.
//! Everything else is kept as written — the proofreader judges it.

/// Text with a BOM removed, line ends as `\n`, non-breaking spaces as
/// spaces, and trailing whitespace gone from every line.
pub fn normalize(text: &str) -> String {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let text = text
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\u{A0}', " ");
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    lines.join("\n")
}

/// A page number as PDFs print it: — 1 —, - 2 -, or a bare 3.
pub fn is_page_number(line: &str) -> bool {
    let line = line.trim();
    let dashes = |c: char| matches!(c, '—' | '-' | '－' | '–' | ' ' | '\u{3000}');
    let inner = line.trim_matches(dashes);
    let longest = if inner.len() < line.len() { 4 } else { 3 };
    !inner.is_empty() && inner.len() <= longest && inner.bytes().all(|b| b.is_ascii_digit())
}

/// Whether a line starts with a paragraph indent (full-width or two or more
/// ordinary spaces).
pub fn is_indented(line: &str) -> bool {
    line.starts_with('\u{3000}') || line.starts_with("  ")
}

/// Joins the lines of one paragraph: nothing between Chinese, a space
/// between two Latin words.
pub fn join_lines<'a>(lines: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for line in lines {
        let line = line.trim_matches(|c: char| c.is_whitespace());
        if line.is_empty() {
            continue;
        }
        let latin_end = out
            .chars()
            .last()
            .is_some_and(|c| c.is_ascii_alphanumeric());
        let latin_start = line
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric());
        if latin_end && latin_start {
            out.push(' ');
        }
        out.push_str(line);
    }
    tidy_spaces(&out)
}

/// Removes the spaces text extraction puts around numbers and Latin words
/// in Chinese text (在 42 个 → 在42个, 手机 APP 平台 → 手机APP平台); keeps
/// spaces between Latin words and between two Chinese characters, which an
/// author may have meant (回天共建 你我同行).
pub fn tidy_spaces(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != ' ' {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i] == ' ' {
            i += 1;
        }
        let before = start.checked_sub(1).map(|j| chars[j]);
        let after = chars.get(i).copied();
        let (Some(before), Some(after)) = (before, after) else {
            continue; // leading or trailing
        };
        let latin = |c: char| c.is_ascii_alphanumeric() || "%.-+".contains(c);
        let keep = (latin(before) && latin(after))
            || (!before.is_ascii()
                && !after.is_ascii()
                && !is_punctuation(before)
                && !is_punctuation(after));
        if keep {
            out.push(' ');
        }
    }
    out
}

fn is_punctuation(c: char) -> bool {
    matches!(c, '\u{3001}'..='\u{303F}' | '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}' | '“' | '”' | '‘' | '’' | '—' | '…')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extraction_artefacts_go_and_meaning_stays() {
        assert_eq!(
            tidy_spaces("组织机关志愿者在 42 个主要路口"),
            "组织机关志愿者在42个主要路口"
        );
        assert_eq!(
            tidy_spaces("利用“东城随手拍”手机 APP 平台"),
            "利用“东城随手拍”手机APP平台"
        );
        assert_eq!(tidy_spaces("（2021—2023 年）"), "（2021—2023年）");
        assert_eq!(tidy_spaces("“回天共建 你我同行”"), "“回天共建 你我同行”");
        assert_eq!(
            tidy_spaces("Beijing Civilization Office"),
            "Beijing Civilization Office"
        );
        assert_eq!(tidy_spaces("共建。 (昌平区文明办)"), "共建。(昌平区文明办)");
        assert_eq!(join_lines(["各街", "", "道、各地区"]), "各街道、各地区");
        assert_eq!(
            join_lines(["Civilization", "Office"]),
            "Civilization Office"
        );
    }

    #[test]
    fn page_numbers_and_line_ends() {
        for number in ["— 1 —", "-2-", "3", "—12—"] {
            assert!(is_page_number(number), "{number}");
        }
        for text in ["第 11 期", "2021", "—文明—", "55569506"] {
            assert!(!is_page_number(text), "{text}");
        }
        assert_eq!(normalize("\u{FEFF}甲\r\n乙 \r丙\u{A0}丁"), "甲\n乙\n丙 丁");
    }
}
