//! The wording rules, each a function from a field's characters to the
//! places it objects to. Ranges are in characters.

use std::ops::Range;

/// A place a rule objects to, with the replacement that mends it (if any)
/// and whether that replacement is safe to apply without a person looking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub range: Range<usize>,
    pub fix: Option<(String, bool)>,
}

fn hit(range: Range<usize>, replacement: impl Into<String>, safe: bool) -> Hit {
    Hit {
        range,
        fix: Some((replacement.into(), safe)),
    }
}

fn report(range: Range<usize>) -> Hit {
    Hit { range, fix: None }
}

/// A Chinese character (CJK ideograph).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{20000}'..='\u{2A6DF}' | '\u{F900}'..='\u{FAFF}' | '〇')
}

/// Chinese text: characters, CJK punctuation, full-width forms, curly quotes.
pub fn is_chinese(c: char) -> bool {
    is_han(c)
        || matches!(c, '\u{3001}'..='\u{303F}' | '\u{FF01}'..='\u{FF60}' | '“' | '”' | '‘' | '’' | '—' | '…' | '·')
}

fn full_width(c: char) -> Option<char> {
    Some(match c {
        ',' => '，',
        '.' => '。',
        ';' => '；',
        ':' => '：',
        '?' => '？',
        '!' => '！',
        '(' => '（',
        ')' => '）',
        _ => return None,
    })
}

/// `punct.halfwidth`: , . ; : ? ! ( ) beside Chinese text → full width.
pub fn half_width_punctuation(chars: &[char]) -> Vec<Hit> {
    let mut hits = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        let Some(wide) = full_width(c) else { continue };
        let before = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
        let after = chars.get(i + 1).copied();
        // A decimal point or a time stays: digits on both sides.
        if matches!(c, '.' | ':')
            && before.is_some_and(|b| b.is_ascii_digit())
            && after.is_some_and(|a| a.is_ascii_digit())
        {
            continue;
        }
        let chinese_beside = before.is_some_and(is_chinese) || after.is_some_and(is_chinese);
        // A bracket pair around Chinese: (岗) — the closing one may follow a
        // character that is itself Chinese, checked above; an opening one
        // before Chinese likewise.
        if chinese_beside {
            hits.push(hit(i..i + 1, wide.to_string(), true));
        }
    }
    hits
}

/// `char.control`: control characters (other than tab and line break),
/// invisible on the page and fatal to Word files; removing them is safe.
pub fn control_characters(chars: &[char]) -> Vec<Hit> {
    chars
        .iter()
        .enumerate()
        .filter(|&(_, &c)| c.is_control() && c != '\t' && c != '\n')
        .map(|(i, _)| hit(i..i + 1, "", true))
        .collect()
}

/// `punct.pairs`: “” ‘’ 《》 （） 【】 〔〕 that do not pair up.
pub fn unpaired_marks(chars: &[char]) -> Vec<Hit> {
    const PAIRS: [(char, char); 6] = [
        ('“', '”'),
        ('‘', '’'),
        ('《', '》'),
        ('（', '）'),
        ('【', '】'),
        ('〔', '〕'),
    ];
    let mut open: Vec<(char, usize)> = Vec::new();
    let mut hits = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        if PAIRS.iter().any(|&(o, _)| o == c) {
            open.push((c, i));
        } else if let Some(&(opener, _)) = PAIRS.iter().find(|&&(_, close)| close == c) {
            match open.last() {
                Some(&(top, _)) if top == opener => {
                    open.pop();
                }
                // Closes something that is open further out: the inner
                // openers are unclosed.
                _ if open.iter().any(|&(o, _)| o == opener) => {
                    while let Some((o, at)) = open.pop() {
                        if o == opener {
                            break;
                        }
                        hits.push(report(at..at + 1));
                    }
                }
                _ => hits.push(report(i..i + 1)),
            }
        }
    }
    hits.extend(open.into_iter().map(|(_, at)| report(at..at + 1)));
    hits.sort_by_key(|h| h.range.start);
    hits
}

/// `space.stray`: spaces inside Chinese text, or between Chinese and
/// digits. Between a character and a digit the space is an artefact (safe to
/// remove); between two characters it may be intended (an editor decides).
pub fn stray_spaces(chars: &[char]) -> Vec<Hit> {
    let mut hits = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !matches!(chars[i], ' ' | '\u{3000}' | '\u{A0}') {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && matches!(chars[i], ' ' | '\u{3000}' | '\u{A0}') {
            i += 1;
        }
        let (Some(&before), Some(&after)) = (
            start.checked_sub(1).and_then(|j| chars.get(j)),
            chars.get(i),
        ) else {
            continue;
        };
        let digit_beside = (is_chinese(before) && after.is_ascii_digit())
            || (before.is_ascii_digit() && is_chinese(after));
        if digit_beside {
            hits.push(hit(start..i, "", true));
        } else if is_chinese(before) && is_chinese(after) {
            // Beside punctuation a space is never wanted; between two
            // characters it may be (a slogan's two halves).
            let both_han = is_han(before) && is_han(after);
            hits.push(hit(start..i, "", !both_han));
        }
    }
    hits
}

const NUMERALS: &str = "一二三四五六七八九十";

/// Where a clause starts: the text's start, or after 。；：！？ or a line break.
fn clause_start(chars: &[char], i: usize) -> bool {
    i == 0 || matches!(chars[i - 1], '。' | '；' | '：' | '！' | '？' | '\n')
}

/// `ordinal.punct`: 第一、→ 第一，; 一，→ 一、; 1、→ 1.; nothing after (1).
pub fn ordinal_punctuation(chars: &[char]) -> Vec<Hit> {
    let mut hits = Vec::new();
    let numeral_run = |from: usize| {
        chars[from..]
            .iter()
            .take_while(|c| NUMERALS.contains(**c))
            .count()
    };
    for i in 0..chars.len() {
        // 第一、
        if chars[i] == '第' {
            let n = numeral_run(i + 1);
            if n > 0 && chars.get(i + 1 + n) == Some(&'、') {
                hits.push(hit(i + 1 + n..i + 2 + n, "，", true));
            }
        }
        if !clause_start(chars, i) {
            continue;
        }
        // 一，at the start of a clause.
        let n = numeral_run(i);
        if (1..=3).contains(&n) && chars.get(i + n) == Some(&'，') {
            hits.push(hit(i + n..i + n + 1, "、", true));
        }
        // 1、at the start of a clause.
        let digits = chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if (1..=2).contains(&digits) && chars.get(i + digits) == Some(&'、') {
            hits.push(hit(i + digits..i + digits + 1, ".", true));
        }
        // （1）、 or （一）， : the bracket is the punctuation.
        if matches!(chars[i], '（' | '(') {
            let inner = chars[i + 1..]
                .iter()
                .take_while(|c| c.is_ascii_digit() || NUMERALS.contains(**c))
                .count();
            let close = i + 1 + inner;
            if (1..=3).contains(&inner)
                && matches!(chars.get(close), Some('）' | ')'))
                && matches!(
                    chars.get(close + 1),
                    Some('、' | '，' | '.' | '．' | '：' | ':' | ',')
                )
            {
                hits.push(hit(close + 1..close + 2, "", true));
            }
        }
    }
    hits
}

/// `year.zero`: a 0 (or O) among Chinese numerals: 二0二一年 → 二〇二一年.
pub fn zero_in_year(chars: &[char]) -> Vec<Hit> {
    const YEAR: &str = "〇零一二三四五六七八九0Oo";
    let mut hits = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !YEAR.contains(chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && YEAR.contains(chars[i]) {
            i += 1;
        }
        let run = &chars[start..i];
        let has_numeral = run.iter().any(|c| "一二三四五六七八九".contains(*c));
        if run.len() >= 2 && has_numeral && chars.get(i) == Some(&'年') {
            for (k, c) in run.iter().enumerate() {
                if matches!(c, '0' | 'O' | 'o') {
                    hits.push(hit(start + k..start + k + 1, "〇", true));
                }
            }
        }
    }
    hits
}

/// `docno.brackets`: the year of a document number takes 〔〕:
/// 京文明办发(2021)5号 → 京文明办发〔2021〕5号.
pub fn document_number_brackets(chars: &[char]) -> Vec<Hit> {
    let mut hits = Vec::new();
    for i in 0..chars.len() {
        let Some(close) = (match chars[i] {
            '(' => Some(')'),
            '[' => Some(']'),
            '（' => Some('）'),
            '【' => Some('】'),
            _ => None,
        }) else {
            continue;
        };
        let year = chars
            .get(i + 1..i + 5)
            .is_some_and(|y| y.iter().all(char::is_ascii_digit));
        if !year || chars.get(i + 5) != Some(&close) {
            continue;
        }
        let number = chars[i + 6..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if number > 0 && chars.get(i + 6 + number) == Some(&'号') {
            hits.push(hit(i..i + 1, "〔", true));
            hits.push(hit(i + 5..i + 6, "〕", true));
        }
    }
    hits
}

/// `punct.doubled`: ，， 。。 and the like → one.
pub fn doubled_punctuation(chars: &[char]) -> Vec<Hit> {
    const SINGLE: &str = "，。、；：？！,;";
    let mut hits = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let mut j = i + 1;
        while j < chars.len() && chars[j] == c {
            j += 1;
        }
        if SINGLE.contains(c) && j - i >= 2 {
            hits.push(hit(i..j, c.to_string(), true));
        }
        i = j;
    }
    hits
}

/// `paragraph.end`: a paragraph should end with closing punctuation.
pub fn unterminated(chars: &[char]) -> Vec<Hit> {
    let trimmed: Vec<&char> = chars
        .iter()
        .rev()
        .skip_while(|c| c.is_whitespace())
        .collect();
    match trimmed.first() {
        None => Vec::new(),
        Some(&&last) if "。！？…”’）》】〕.!?".contains(last) => Vec::new(),
        Some(_) => {
            let end = chars.len() - (chars.len() - trimmed.len());
            vec![report(end.saturating_sub(1)..end)]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(rule: fn(&[char]) -> Vec<Hit>, text: &str) -> String {
        let mut chars: Vec<char> = text.chars().collect();
        let mut hits = rule(&chars);
        hits.sort_by_key(|h| std::cmp::Reverse(h.range.start));
        for h in hits {
            if let Some((with, _)) = h.fix {
                chars.splice(h.range, with.chars());
            }
        }
        chars.into_iter().collect()
    }

    fn fires(rule: fn(&[char]) -> Vec<Hit>, text: &str) -> bool {
        !rule(&text.chars().collect::<Vec<_>>()).is_empty()
    }

    #[test]
    fn half_width_punctuation_beside_chinese() {
        assert_eq!(
            fixed(half_width_punctuation, "机制,每季度(岗),推进;完成:是否?好!"),
            "机制，每季度（岗），推进；完成：是否？好！"
        );
        assert_eq!(fixed(half_width_punctuation, "活动结束."), "活动结束。");
        for clean in [
            "3.5亿元",
            "10:30开会",
            "jswmzhxhc@163.com",
            "Hello, world.",
            "（2021—2023）",
        ] {
            assert!(!fires(half_width_punctuation, clean), "{clean}");
        }
    }

    #[test]
    fn marks_must_pair() {
        for bad in [
            "“四全”和“五全",
            "《意见》》",
            "（岗",
            "【文明创建）",
            "“‘内’”’",
        ] {
            assert!(fires(unpaired_marks, bad), "{bad}");
        }
        for good in [
            "“四全”",
            "《关于“四全”的意见》",
            "（2021—2023）",
            "〔2021〕",
            "【文明创建】",
        ] {
            assert!(!fires(unpaired_marks, good), "{good}");
        }
        let chars: Vec<char> = "“四全”和“五全".chars().collect();
        assert_eq!(
            unpaired_marks(&chars)[0].range,
            5..6,
            "the unclosed quote is placed"
        );
    }

    #[test]
    fn spaces_inside_chinese() {
        assert_eq!(fixed(stray_spaces, "在 42 个路口"), "在42个路口");
        assert_eq!(fixed(stray_spaces, "开展 。推动"), "开展。推动");
        let chars: Vec<char> = "回天共建 你我同行".chars().collect();
        let hits = stray_spaces(&chars);
        assert_eq!(hits.len(), 1);
        assert_eq!(
            hits[0].fix,
            Some((String::new(), false)),
            "between two characters: not safe"
        );
        for clean in ["V蓝北京", "APP 平台", "Hello world", "简报"] {
            assert!(!fires(stray_spaces, clean), "{clean}");
        }
    }

    #[test]
    fn ordinal_punctuation_follows_the_standard() {
        assert_eq!(
            fixed(ordinal_punctuation, "第一、加强领导"),
            "第一，加强领导"
        );
        assert_eq!(
            fixed(ordinal_punctuation, "一，加强领导。二，狠抓落实"),
            "一、加强领导。二、狠抓落实"
        );
        assert_eq!(fixed(ordinal_punctuation, "1、加强领导"), "1.加强领导");
        assert_eq!(
            fixed(ordinal_punctuation, "（1）、加强领导；（二），狠抓落实"),
            "（1）加强领导；（二）狠抓落实"
        );
        for clean in [
            "第一，加强领导",
            "一、加强领导",
            "统一，协调",
            "1.加强领导",
            "（1）加强领导",
            "共1、2两项",
        ] {
            assert!(!fires(ordinal_punctuation, clean), "{clean}");
        }
    }

    #[test]
    fn years_and_document_numbers() {
        assert_eq!(fixed(zero_in_year, "二0二一年"), "二〇二一年");
        assert_eq!(fixed(zero_in_year, "二O二O年"), "二〇二〇年");
        assert!(!fires(zero_in_year, "二〇二一年"));
        assert!(!fires(zero_in_year, "2021年"));
        assert!(!fires(zero_in_year, "10个"));
        assert_eq!(
            fixed(document_number_brackets, "京文明办发(2021)5号"),
            "京文明办发〔2021〕5号"
        );
        assert_eq!(
            fixed(document_number_brackets, "京发[2021]12号"),
            "京发〔2021〕12号"
        );
        assert_eq!(
            fixed(document_number_brackets, "京发（2021）3号"),
            "京发〔2021〕3号"
        );
        assert!(!fires(document_number_brackets, "京发〔2021〕3号"));
        assert!(!fires(document_number_brackets, "（2021—2023年）"));
        assert!(!fires(document_number_brackets, "(2021)年度"));
    }

    #[test]
    fn doubled_and_unterminated() {
        assert_eq!(
            fixed(doubled_punctuation, "推进，，落实。。。好"),
            "推进，落实。好"
        );
        for clean in ["推进……落实", "回天——共建", "推进，落实。"] {
            assert!(!fires(doubled_punctuation, clean), "{clean}");
        }
        for open in ["推进工作", "推进工作，"] {
            assert!(fires(unterminated, open), "{open}");
        }
        for closed in [
            "推进工作。",
            "他说：“好。”",
            "（东城区文明办）",
            "",
            "见效！",
        ] {
            assert!(!fires(unterminated, closed), "{closed}");
        }
    }
}
