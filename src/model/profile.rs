//! 简报系列的配置: a bulletin profile, what every issue of a series starts
//! from, as a file an office shares.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Distribution, Footer, Issue, Masthead, Section, Series, Style};

/// The profile format this build writes; larger ones are refused.
pub const PROFILE_SCHEMA: u32 = 1;

/// Everything the issues of a series share: masthead defaults, section
/// headings, footer and distribution defaults, style and the [`Series`]
/// (units, numbering, target page count).
///
/// The masthead's per-issue fields (期号, 总期号, date, 增刊) are not part
/// of a profile: [`Profile::from_issue`] clears them and
/// [`Profile::new_issue`] fills them afresh. A new issue copies everything
/// else, so a draft never needs its profile file again.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Profile {
    pub schema: u32,
    pub masthead: Masthead,
    /// The 栏目 a new issue starts with (at least one, possibly unnamed).
    pub sections: Vec<String>,
    pub attribution_suffix: String,
    pub footer: Footer,
    pub distribution: Distribution,
    pub style: Style,
    pub series: Series,
}

impl Default for Profile {
    fn default() -> Self {
        Self {
            schema: PROFILE_SCHEMA,
            masthead: Masthead::default(),
            sections: vec![String::new()],
            attribution_suffix: String::new(),
            footer: Footer::default(),
            distribution: Distribution::default(),
            style: Style::default(),
            series: Series::default(),
        }
    }
}

impl Profile {
    /// The series' name: the bulletin's name, or 未命名 when blank.
    pub fn name(&self) -> &str {
        let name = self.masthead.name.trim();
        if name.is_empty() {
            "未命名简报"
        } else {
            name
        }
    }

    /// The profile an issue was made by: its shared parts, with the
    /// per-issue fields left blank.
    pub fn from_issue(issue: &Issue) -> Profile {
        Profile {
            schema: PROFILE_SCHEMA,
            masthead: Masthead {
                number: None,
                total_number: None,
                supplement: false,
                date: None,
                ..issue.masthead.clone()
            },
            sections: issue.sections.iter().map(|s| s.heading.clone()).collect(),
            attribution_suffix: issue.attribution_suffix.clone(),
            footer: issue.footer.clone(),
            distribution: issue.distribution.clone(),
            style: issue.style.clone(),
            series: issue.series.clone(),
        }
    }

    /// A new issue of the series dated `today`: every default filled in,
    /// numbered 1 (and 总期号 1 when the series has them) until the caller
    /// knows better from the archive.
    pub fn new_issue(&self, today: NaiveDate) -> Issue {
        let mut sections: Vec<Section> = self
            .sections
            .iter()
            .map(|heading| Section {
                heading: heading.clone(),
                articles: Vec::new(),
            })
            .collect();
        if sections.is_empty() {
            sections.push(Section::default());
        }
        Issue {
            masthead: Masthead {
                number: Some(1),
                total_number: self.series.total_numbers.then_some(1),
                supplement: false,
                date: Some(today),
                ..self.masthead.clone()
            },
            sections,
            attribution_suffix: self.attribution_suffix.clone(),
            footer: self.footer.clone(),
            distribution: self.distribution.clone(),
            style: self.style.clone(),
            series: self.series.clone(),
            ..Issue::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Classification, PageNumbers, Unit};

    #[test]
    fn an_issue_made_from_a_profile_has_every_default_and_gives_the_profile_back() {
        let profile = Profile {
            masthead: Masthead {
                name: "东湖大学信息专报".into(),
                office: "东湖大学党委办公室".into(),
                classification: Some(Classification::Internal),
                copy_serial: true,
                numerals: crate::model::Numerals::Chinese,
                ..Masthead::default()
            },
            sections: vec!["工作动态".into(), "基层经验".into()],
            attribution_suffix: "办公室".into(),
            footer: Footer {
                editor: "周敏".into(),
                phone: "027-8765 4321".into(),
                print_count: Some(40),
                ..Footer::default()
            },
            distribution: Distribution {
                send_to: "校领导".into(),
                ..Distribution::default()
            },
            style: Style {
                page_numbers: PageNumbers::Centred,
                ..Style::default()
            },
            series: Series {
                units: vec![Unit::named("教务处")],
                total_numbers: false,
                target_pages: Some(2),
                ..Series::default()
            },
            ..Profile::default()
        };
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let issue = profile.new_issue(today);
        assert_eq!(issue.masthead.number, Some(1));
        assert_eq!(
            issue.masthead.total_number, None,
            "the series has no 总期号"
        );
        assert_eq!(issue.masthead.date, Some(today));
        assert_eq!(issue.sections.len(), 2);
        assert!(issue.sections.iter().all(|s| s.articles.is_empty()));
        assert_eq!(issue.series.target_pages, Some(2));
        assert_eq!(Profile::from_issue(&issue), profile);
    }

    #[test]
    fn a_profile_without_sections_still_gives_one() {
        let profile = Profile {
            sections: Vec::new(),
            ..Profile::default()
        };
        let today = NaiveDate::from_ymd_opt(2026, 1, 2).unwrap();
        let issue = profile.new_issue(today);
        assert_eq!(issue.sections.len(), 1);
        assert_eq!(issue.masthead.total_number, Some(1));
    }
}
