//! 报头: everything above the thick red rule on page 1.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// The masthead of an issue.
///
/// `number` is the 期号 within the year (or within the 增刊 series when
/// `supplement` is set: supplements are numbered apart and never share the
/// normal series). `number` and `date` are `None` while not filled in yet;
/// validation reports them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Masthead {
    /// 简报名称, printed large and red: 首都精神文明建设情况简报.
    pub name: String,
    /// 期号: 11 prints as 第 11 期.
    pub number: Option<u32>,
    /// 总期号: 2177 prints as （总第 2177 期）.
    pub total_number: Option<u32>,
    /// 增刊: a supplement, numbered in its own series.
    pub supplement: bool,
    /// 编印单位, left under the number line.
    pub office: String,
    /// 印发日期, right under the number line.
    pub date: Option<NaiveDate>,
    /// 密级 / 保存要求, top left of page 1.
    pub classification: Option<Classification>,
    /// 编号: print a copy serial top right (controlled copies only).
    pub copy_serial: bool,
    /// How the numbers are written: 第 11 期 or 第十一期.
    pub numerals: Numerals,
}

/// How 期号 and 总期号 are written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Numerals {
    /// 第 11 期（总第 2177 期）.
    #[default]
    Arabic,
    /// 第十一期（总第二千一百七十七期）, as some series print them.
    Chinese,
}

impl Numerals {
    fn write(self, n: u32) -> String {
        match self {
            Numerals::Arabic => format!(" {n} "),
            Numerals::Chinese => chinese_numeral(n),
        }
    }
}

const DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// `n` in Chinese numerals as read aloud: 十六, 一百零五, 一千零一十,
/// 二万零八十六. From 10 to 19 the leading 一 is dropped (十一, not 一十一).
pub fn chinese_numeral(n: u32) -> String {
    if n == 0 {
        return "零".to_owned();
    }
    let mut out = String::new();
    let (high, low) = (n / 10_000, n % 10_000);
    if high > 0 {
        out.push_str(&chinese_numeral(high));
        out.push('万');
        if low > 0 && low < 1000 {
            out.push('零');
        }
    }
    if low > 0 {
        below_ten_thousand(low, high == 0, &mut out);
    }
    out
}

/// 1 ≤ `n` ≤ 9999; `alone` when nothing is written before it.
fn below_ten_thousand(n: u32, alone: bool, out: &mut String) {
    const UNITS: [&str; 4] = ["千", "百", "十", ""];
    let digits = [n / 1000 % 10, n / 100 % 10, n / 10 % 10, n % 10];
    let first = digits.iter().position(|&d| d != 0).unwrap_or(3);
    let mut zero = false;
    for (place, &digit) in digits.iter().enumerate().skip(first) {
        if digit == 0 {
            zero = true;
            continue;
        }
        // Zeros between digits read as one 零; trailing zeros not at all.
        if std::mem::take(&mut zero) {
            out.push('零');
        }
        let sixteen = alone && place == first && place == 2 && digit == 1;
        if !sixteen {
            out.push(DIGITS[digit as usize]);
        }
        out.push_str(UNITS[place]);
    }
}

/// A number written in Arabic digits or in Chinese numerals (read aloud,
/// 二十一, or digit by digit, 二〇二一); `None` for anything else.
pub fn parse_number(text: &str) -> Option<u32> {
    let text = text.trim();
    if let Ok(n) = text.parse() {
        return Some(n);
    }
    let digit = |c: char| match c {
        '〇' | '零' | '○' => Some(0),
        '两' => Some(2),
        _ => DIGITS.iter().position(|&d| d == c).map(|d| d as u32),
    };
    if text.is_empty() {
        return None;
    }
    // Digit by digit: 二〇二一.
    if !text.contains(['十', '百', '千', '万']) {
        return text
            .chars()
            .try_fold(0u32, |n, c| n.checked_mul(10)?.checked_add(digit(c)?));
    }
    let (mut total, mut section, mut pending) = (0u32, 0u32, None::<u32>);
    for c in text.chars() {
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            '万' => {
                total = total.checked_add((section + pending.unwrap_or(0)).checked_mul(10_000)?)?;
                (section, pending) = (0, None);
                continue;
            }
            _ => {
                pending = Some(digit(c)?);
                continue;
            }
        };
        // 十 alone means 一十.
        section = section.checked_add(pending.unwrap_or(1).checked_mul(unit)?)?;
        pending = None;
    }
    total.checked_add(section + pending.unwrap_or(0))
}

impl Masthead {
    /// 第 11 期, or 增刊第 2 期 for a supplement; a blank where the number
    /// is not filled in yet.
    pub fn number_text(&self) -> String {
        let number = self
            .number
            .map_or_else(|| "    ".to_owned(), |n| self.numerals.write(n));
        if self.supplement {
            format!("增刊第{number}期")
        } else {
            format!("第{number}期")
        }
    }

    /// （总第 2177 期） when a cumulative number is set.
    pub fn total_number_text(&self) -> Option<String> {
        self.total_number
            .map(|n| format!("（总第{}期）", self.numerals.write(n)))
    }

    /// 2021 年 2 月 25 日, or an empty string when no date is set.
    pub fn date_text(&self) -> String {
        self.date.map(chinese_date).unwrap_or_default()
    }
}

/// A date as printed on bulletins: `2021 年 2 月 25 日`.
pub fn chinese_date(date: NaiveDate) -> String {
    format!("{} 年 {} 月 {} 日", date.year(), date.month(), date.day())
}

/// 密级 or 保存要求 printed top left. Stored by English name so that files stay
/// readable to tools; shown by its Chinese label everywhere a user sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Classification {
    /// 内部资料: internal, not for publication.
    Internal,
    /// 秘密
    Secret,
    /// 机密
    Confidential,
    /// 绝密
    TopSecret,
}

impl Classification {
    pub const ALL: [Classification; 4] = [
        Classification::Internal,
        Classification::Secret,
        Classification::Confidential,
        Classification::TopSecret,
    ];

    /// The label printed on the page; the same in every UI language because
    /// it is part of the document.
    pub fn label(self) -> &'static str {
        match self {
            Classification::Internal => "内部资料",
            Classification::Secret => "秘密",
            Classification::Confidential => "机密",
            Classification::TopSecret => "绝密",
        }
    }

    pub fn from_label(label: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.label() == label.trim())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_lines_read_like_the_sample() {
        let masthead = Masthead {
            number: Some(11),
            total_number: Some(2177),
            date: NaiveDate::from_ymd_opt(2021, 2, 25),
            ..Masthead::default()
        };
        assert_eq!(masthead.number_text(), "第 11 期");
        assert_eq!(
            masthead.total_number_text().as_deref(),
            Some("（总第 2177 期）")
        );
        assert_eq!(masthead.date_text(), "2021 年 2 月 25 日");
    }

    #[test]
    fn supplements_say_so() {
        let masthead = Masthead {
            number: Some(2),
            supplement: true,
            ..Masthead::default()
        };
        assert_eq!(masthead.number_text(), "增刊第 2 期");
        assert_eq!(masthead.date_text(), "");
    }

    #[test]
    fn classification_labels_round_trip() {
        for c in Classification::ALL {
            assert_eq!(Classification::from_label(c.label()), Some(c));
        }
        assert_eq!(Classification::from_label("公开"), None);
    }

    #[test]
    fn numbers_read_as_chinese_numerals() {
        for (n, written) in [
            (1, "一"),
            (9, "九"),
            (10, "十"),
            (11, "十一"),
            (16, "十六"),
            (20, "二十"),
            (105, "一百零五"),
            (110, "一百一十"),
            (1010, "一千零一十"),
            (1100, "一千一百"),
            (2177, "二千一百七十七"),
            (10_000, "一万"),
            (10_010, "一万零一十"),
            (20_086, "二万零八十六"),
            (21_000, "二万一千"),
        ] {
            assert_eq!(chinese_numeral(n), written);
            assert_eq!(parse_number(written), Some(n), "{written}");
        }
        for n in 0..=120_000 {
            assert_eq!(parse_number(&chinese_numeral(n)), Some(n), "{n}");
        }
        assert_eq!(parse_number("二〇二一"), Some(2021));
        assert_eq!(parse_number("两千"), Some(2000));
        assert_eq!(parse_number("2177"), Some(2177));
        assert_eq!(parse_number("第九"), None);
        assert_eq!(parse_number(""), None);
    }

    #[test]
    fn the_number_line_follows_the_numerals() {
        let mut m = Masthead {
            number: Some(9),
            total_number: Some(16),
            ..Masthead::default()
        };
        assert_eq!(m.number_text(), "第 9 期");
        assert_eq!(m.total_number_text().as_deref(), Some("（总第 16 期）"));
        m.numerals = Numerals::Chinese;
        assert_eq!(m.number_text(), "第九期");
        assert_eq!(m.total_number_text().as_deref(), Some("（总第十六期）"));
        m.supplement = true;
        assert_eq!(m.number_text(), "增刊第九期");
    }
}
