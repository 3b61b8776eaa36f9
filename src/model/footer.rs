//! 报尾: who edited the issue, how to reach them, and where it goes.

use serde::{Deserialize, Serialize};

/// The editorial block at the bottom of the last page.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Footer {
    /// 责编
    pub editor: String,
    /// 核稿
    pub proofreader: String,
    /// 电话
    pub phone: String,
    /// 传真
    pub fax: String,
    /// 邮箱
    pub email: String,
    /// 共印 N 份, printed on the right of the last distribution line.
    pub print_count: Option<u32>,
}

impl Footer {
    /// The credit line and the contact line as printed, each a list of
    /// `label：value` parts with empty fields left out: [责编：…, 核稿：…]
    /// and [电话：…, 传真：…, 邮箱：…].
    pub fn lines(&self) -> [Vec<String>; 2] {
        let parts = |fields: &[(&str, &str)]| -> Vec<String> {
            fields
                .iter()
                .filter(|(_, value)| !value.trim().is_empty())
                .map(|(label, value)| format!("{label}：{}", value.trim()))
                .collect()
        };
        [
            parts(&[("责编", &self.editor), ("核稿", &self.proofreader)]),
            parts(&[
                ("电话", &self.phone),
                ("传真", &self.fax),
                ("邮箱", &self.email),
            ]),
        ]
    }
}

/// 共印 120 份: the print count as printed after the distribution lines.
pub fn print_count_text(count: u32) -> String {
    format!("共印 {count} 份")
}

/// The three distribution lines, each kept as printed: a sentence listing
/// recipients, groups separated by commas and 、 within a group.
///
/// Kept as text rather than lists because offices phrase them freely
/// (各区委书记、区长、宣传部长) and the proofreader checks them as written.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Distribution {
    /// 报: reported up.
    pub report_to: String,
    /// 送: sent across.
    pub send_to: String,
    /// 发: issued down.
    pub issue_to: String,
}

impl Distribution {
    /// The lines that have text, with their labels: (报, …), (送, …), (发, …).
    pub fn lines(&self) -> impl Iterator<Item = (&'static str, &str)> {
        [
            ("报", self.report_to.as_str()),
            ("送", self.send_to.as_str()),
            ("发", self.issue_to.as_str()),
        ]
        .into_iter()
        .filter(|(_, text)| !text.trim().is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn footer_lines_leave_out_empty_fields() {
        let footer = Footer {
            editor: " 梅雪峰 ".into(),
            phone: "55569506".into(),
            email: "jswmzhxhc@163.com".into(),
            ..Footer::default()
        };
        let [credits, contacts] = footer.lines();
        assert_eq!(credits, ["责编：梅雪峰"]);
        assert_eq!(contacts, ["电话：55569506", "邮箱：jswmzhxhc@163.com"]);
        assert_eq!(
            Footer::default().lines(),
            [Vec::<String>::new(), Vec::new()]
        );
        assert_eq!(print_count_text(120), "共印 120 份");
    }
}
