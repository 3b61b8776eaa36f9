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
}

impl Masthead {
    /// 第 11 期, or 增刊第 2 期 for a supplement; a blank where the number
    /// is not filled in yet.
    pub fn number_text(&self) -> String {
        let number = self
            .number
            .map_or_else(|| "  ".to_owned(), |n| n.to_string());
        if self.supplement {
            format!("增刊第 {number} 期")
        } else {
            format!("第 {number} 期")
        }
    }

    /// （总第 2177 期） when a cumulative number is set.
    pub fn total_number_text(&self) -> Option<String> {
        self.total_number.map(|n| format!("（总第 {n} 期）"))
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
}
