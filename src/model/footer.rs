//! 报尾: who edited the issue, how to reach them, and where it goes.

use serde::{Deserialize, Serialize};

/// The editorial block at the bottom of the last page.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
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

/// The three distribution lines, each kept as printed: a sentence listing
/// recipients, groups separated by commas and 、 within a group.
///
/// Kept as text rather than lists because offices phrase them freely
/// (各区委书记、区长、宣传部长) and the proofreader checks them as written.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
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
