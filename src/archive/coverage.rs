//! District coverage: how many articles each unit had in each month or
//! year, so that units that have gone unreported stand out.

use chrono::{Datelike, NaiveDate};

use super::Archive;

/// The time step of a coverage table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Period {
    #[default]
    Month,
    Year,
}

/// One period: a month (`year`, `month`) or a whole year (`month` 0).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Slot {
    pub year: i32,
    pub month: u32,
}

impl Slot {
    fn of(date: NaiveDate, period: Period) -> Slot {
        Slot {
            year: date.year(),
            month: match period {
                Period::Month => date.month(),
                Period::Year => 0,
            },
        }
    }

    fn previous(self) -> Slot {
        match self.month {
            0 => Slot {
                year: self.year - 1,
                month: 0,
            },
            1 => Slot {
                year: self.year - 1,
                month: 12,
            },
            m => Slot {
                year: self.year,
                month: m - 1,
            },
        }
    }

    /// 2021-02, or 2021 for a year.
    pub fn label(self) -> String {
        match self.month {
            0 => self.year.to_string(),
            m => format!("{}-{m:02}", self.year),
        }
    }
}

/// Articles per unit per period.
///
/// Invariant: `slots` run without a hole from the first period asked for
/// to the last, so an empty period is a zero, not a missing column;
/// `counts[u][s]` is unit `units[u]` in slot `slots[s]`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Coverage {
    pub slots: Vec<Slot>,
    pub units: Vec<String>,
    pub counts: Vec<Vec<u32>>,
}

/// At most this many periods (the latest): twenty years of months.
const MAX_SLOTS: usize = 240;

/// Counts the articles of issues dated `from..=to` (each end optional: the
/// archive's first and last dates). `expected` units are listed even when
/// they have no article at all — those are the ones to notice.
pub fn coverage(
    archive: &Archive,
    period: Period,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    expected: &[&str],
) -> Coverage {
    let dated = || {
        archive.entries.iter().filter_map(|e| {
            let date = e.date?;
            let inside = from.is_none_or(|f| date >= f) && to.is_none_or(|t| date <= t);
            inside.then_some((date, e))
        })
    };
    let first = from.or_else(|| dated().map(|(d, _)| d).min());
    let last = to.or_else(|| dated().map(|(d, _)| d).max());
    let (Some(first), Some(last)) = (first, last) else {
        return Coverage::default();
    };
    // Counted back from the last period, so a long archive keeps its
    // latest periods.
    let mut slots = Vec::new();
    let start = Slot::of(first, period);
    let mut slot = Slot::of(last, period);
    while slot >= start && slots.len() < MAX_SLOTS {
        slots.push(slot);
        slot = slot.previous();
    }
    slots.reverse();
    let mut units: Vec<String> = expected.iter().map(|u| (*u).to_owned()).collect();
    let mut counts: Vec<Vec<u32>> = vec![vec![0; slots.len()]; units.len()];
    for (date, entry) in dated() {
        let Ok(s) = slots.binary_search(&Slot::of(date, period)) else {
            continue;
        };
        for article in &entry.articles {
            if article.unit.is_empty() {
                continue;
            }
            let u = match units.iter().position(|u| *u == article.unit) {
                Some(u) => u,
                None => {
                    units.push(article.unit.clone());
                    counts.push(vec![0; slots.len()]);
                    units.len() - 1
                }
            };
            counts[u][s] += 1;
        }
    }
    Coverage {
        slots,
        units,
        counts,
    }
}

impl Coverage {
    /// Units without a single article in the last `periods` periods, in
    /// table order.
    pub fn silent_units(&self, periods: usize) -> Vec<&str> {
        let start = self.slots.len().saturating_sub(periods);
        self.units
            .iter()
            .zip(&self.counts)
            .filter(|(_, row)| row[start..].iter().all(|&n| n == 0))
            .map(|(unit, _)| unit.as_str())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::{Entry, Stamp};
    use std::path::PathBuf;

    fn archive(dates: &[(i32, u32, u32)]) -> Archive {
        let stamp = Stamp {
            len: 0,
            modified: None,
        };
        let entries = dates
            .iter()
            .enumerate()
            .map(|(n, &(y, m, d))| {
                let mut issue = crate::sample::issue();
                issue.masthead.date = NaiveDate::from_ymd_opt(y, m, d);
                Entry::from_issue(&PathBuf::from(format!("{n}.ron")), stamp, &issue)
            })
            .collect();
        Archive {
            folder: PathBuf::from("."),
            entries,
            ..Archive::default()
        }
    }

    #[test]
    fn months_without_issues_are_zeros_and_silent_districts_show() {
        let archive = archive(&[(2020, 11, 5), (2021, 2, 18), (2021, 2, 25)]);
        let table = coverage(&archive, Period::Month, None, None, &["东城区", "延庆区"]);
        let labels: Vec<String> = table.slots.iter().map(|s| s.label()).collect();
        assert_eq!(labels, ["2020-11", "2020-12", "2021-01", "2021-02"]);
        assert_eq!(table.units, ["东城区", "延庆区", "房山区", "昌平区"]);
        assert_eq!(table.counts[0], [1, 0, 0, 2]);
        assert_eq!(table.counts[1], [0, 0, 0, 0], "延庆区 never reported");
        assert_eq!(table.silent_units(2), ["延庆区"]);
        assert_eq!(table.silent_units(3), ["延庆区"]);

        let years = coverage(&archive, Period::Year, None, None, &[]);
        let labels: Vec<String> = years.slots.iter().map(|s| s.label()).collect();
        assert_eq!(labels, ["2020", "2021"]);
        assert_eq!(years.counts[0], [1, 2]);
    }

    #[test]
    fn a_long_archive_keeps_its_latest_periods() {
        let archive = archive(&[(1980, 1, 3), (2021, 2, 25)]);
        let table = coverage(&archive, Period::Month, None, None, &[]);
        assert_eq!(table.slots.len(), MAX_SLOTS);
        assert_eq!(
            table.slots.last().map(|s| s.label()).as_deref(),
            Some("2021-02")
        );
        assert_eq!(table.slots[0].label(), "2001-03");
        assert_eq!(
            table.counts[0][MAX_SLOTS - 1],
            1,
            "the latest issue is counted"
        );
    }

    #[test]
    fn a_date_range_limits_the_table() {
        let archive = archive(&[(2020, 11, 5), (2021, 2, 18)]);
        let table = coverage(
            &archive,
            Period::Month,
            NaiveDate::from_ymd_opt(2021, 1, 1),
            None,
            &[],
        );
        assert_eq!(table.slots.len(), 2, "January and February");
        assert_eq!(table.counts[0], [0, 1]);
        assert_eq!(
            coverage(&Archive::default(), Period::Year, None, None, &["东城区"]),
            Coverage::default()
        );
    }
}
