//! 简报系列: what the issues of one series share beyond what they print,
//! carried by every draft so that a draft stays self-contained.

use serde::{Deserialize, Serialize};

/// The series an issue belongs to, as its profile described it when the
/// issue was made (see [`super::Profile`]).
///
/// Invariant kept by the profile window (and reported, not enforced, by
/// validation, since files may say anything): unit names are unique and
/// not blank. `units` are in the order the series lists them: the unit
/// picker, the coverage chart and the figures follow it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Series {
    /// The contributing units: 东城区, 西城区 … or 教务处, 计算机学院 …
    pub units: Vec<Unit>,
    /// 期号 starts again at 1 each January (most series); otherwise it
    /// counts on across years.
    pub yearly_numbers: bool,
    /// The series prints a 总期号.
    pub total_numbers: bool,
    /// The pages an issue should fill (版数); `None`: no target.
    pub target_pages: Option<u32>,
}

impl Default for Series {
    fn default() -> Self {
        Self {
            units: Vec::new(),
            yearly_numbers: true,
            total_numbers: true,
            target_pages: None,
        }
    }
}

/// A contributing unit.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Unit {
    /// As articles name it: 东城区.
    pub name: String,
    /// For tight places (the coverage chart): 东城. Empty: the name.
    pub short_name: String,
    /// Its default attribution: 东城区文明办. Empty: the name followed by
    /// the attribution suffix.
    pub attribution: String,
}

impl Unit {
    pub fn named(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            ..Self::default()
        }
    }

    /// The short name, or the name when it has none.
    pub fn short(&self) -> &str {
        let short = self.short_name.trim();
        if short.is_empty() {
            self.name.trim()
        } else {
            short
        }
    }
}

impl Series {
    /// The unit called `name` (trimmed), if the series lists it.
    pub fn unit(&self, name: &str) -> Option<&Unit> {
        let name = name.trim();
        self.units.iter().find(|u| u.name.trim() == name)
    }

    /// The units' names, in the series' order, blanks left out.
    pub fn unit_names(&self) -> impl Iterator<Item = &str> {
        self.units
            .iter()
            .map(|u| u.name.trim())
            .filter(|n| !n.is_empty())
    }

    /// The unit an attribution names: the one whose default attribution it
    /// is, else the longest unit name it starts with (东城区 in
    /// 东城区委宣传部).
    pub fn unit_of_attribution(&self, attribution: &str) -> Option<&Unit> {
        let attribution = attribution.trim();
        self.units
            .iter()
            .find(|u| !u.attribution.trim().is_empty() && u.attribution.trim() == attribution)
            .or_else(|| {
                self.units
                    .iter()
                    .filter(|u| !u.name.trim().is_empty() && attribution.starts_with(u.name.trim()))
                    .max_by_key(|u| u.name.trim().len())
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn series() -> Series {
        Series {
            units: vec![
                Unit {
                    name: "东城区".into(),
                    short_name: "东城".into(),
                    attribution: "东城区文明办".into(),
                },
                Unit::named("计算机学院"),
                Unit::named("计算机学院研究生分会"),
                Unit::named("  "),
            ],
            ..Series::default()
        }
    }

    #[test]
    fn an_attribution_names_its_unit() {
        let s = series();
        let unit = |a: &str| s.unit_of_attribution(a).map(|u| u.name.as_str());
        assert_eq!(unit("东城区文明办"), Some("东城区"));
        assert_eq!(unit("东城区委宣传部"), Some("东城区"));
        assert_eq!(
            unit("计算机学院研究生分会办公室"),
            Some("计算机学院研究生分会")
        );
        assert_eq!(unit("计算机学院团委"), Some("计算机学院"));
        assert_eq!(unit("西城区文明办"), None);
        assert_eq!(unit(""), None, "a blank unit matches nothing");
    }

    #[test]
    fn names_and_short_names() {
        let s = series();
        let names: Vec<&str> = s.unit_names().collect();
        assert_eq!(names, ["东城区", "计算机学院", "计算机学院研究生分会"]);
        assert_eq!(s.units[0].short(), "东城");
        assert_eq!(s.units[1].short(), "计算机学院");
        assert_eq!(s.unit(" 东城区 ").map(|u| u.short()), Some("东城"));
    }
}
