//! Issue numbers: the next issue's 期号 and 总期号, and what is wrong with
//! the numbering of the archive (gaps, duplicates).
//!
//! A bulletin's issues form series by name: 期号 counts within a calendar
//! year and starts again at 1 each January (unless the series' profile
//! says it counts on); supplements (增刊) count in a series of their own;
//! 总期号 counts regular issues across all years, where the series has one.
//! Known limit: the numbering checks ([`problems`]) assume yearly 期号.
//! Known limit: a year is the year of the issue's date, so an issue without
//! a date takes part in 总期号 checks only.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::{Datelike, NaiveDate};

use super::Entry;
use crate::model::{Issue, Profile};

/// The newest issue: latest date, then highest 总期号 and 期号.
pub fn latest(entries: &[Entry]) -> Option<&Entry> {
    entries
        .iter()
        .max_by_key(|e| (e.date, e.total_number, e.number, !e.supplement))
}

/// The 期号 of the next issue of the series (`name`, `supplement`) dated in
/// `year`: one more than the largest that year (of any year when `year` is
/// `None`: a series that counts on), or 1.
pub fn next_number(entries: &[Entry], name: &str, supplement: bool, year: Option<i32>) -> u32 {
    entries
        .iter()
        .filter(|e| e.name == name && e.supplement == supplement)
        .filter(|e| year.is_none() || e.year() == year)
        .filter_map(|e| e.number)
        .max()
        .map_or(1, |n| n.saturating_add(1))
}

/// The 总期号 of the next regular issue of `name`, if the series has them.
pub fn next_total(entries: &[Entry], name: &str) -> Option<u32> {
    entries
        .iter()
        .filter(|e| e.name == name && !e.supplement)
        .filter_map(|e| e.total_number)
        .max()
        .map(|n| n.saturating_add(1))
}

/// The next issue after `latest` (the newest issue, read in full), dated
/// `today`: what its series shares carried over (masthead, footer,
/// distribution, style, series, section headings; see [`Profile`]), no
/// articles, no editor's note, a fresh review. A supplement has no 总期号.
pub fn next_issue(latest: &Issue, entries: &[Entry], today: NaiveDate, supplement: bool) -> Issue {
    let mut issue = Profile::from_issue(latest).new_issue(today);
    issue.masthead.supplement = supplement;
    let after_latest = latest.masthead.total_number.map(|n| n.saturating_add(1));
    number_after(&mut issue, entries, after_latest);
    issue
}

/// A new issue of `profile`'s series dated `today`, numbered after the
/// archive's issues of that series (期号 1 and 总期号 1 in an empty one).
pub fn issue_from_profile(profile: &Profile, entries: &[Entry], today: NaiveDate) -> Issue {
    let mut issue = profile.new_issue(today);
    let first_total = issue.masthead.total_number;
    number_after(&mut issue, entries, first_total);
    issue
}

/// Numbers a new issue after the archive's issues of its series: 期号 as
/// [`next_number`], 总期号 as [`next_total`] or else `total` (none for a
/// supplement or a series without 总期号).
fn number_after(issue: &mut Issue, entries: &[Entry], total: Option<u32>) {
    let m = &mut issue.masthead;
    let name = m.name.trim().to_owned();
    let year = m.date.map(|d| d.year());
    let year = if issue.series.yearly_numbers {
        year
    } else {
        None
    };
    m.number = Some(next_number(entries, &name, m.supplement, year));
    m.total_number = if m.supplement || !issue.series.total_numbers {
        None
    } else {
        next_total(entries, &name).or(total)
    };
}

/// Something off in the numbering of a series.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Two or more files with the same 期号 in one year.
    Duplicate {
        name: String,
        supplement: bool,
        year: i32,
        number: u32,
        paths: Vec<PathBuf>,
    },
    /// 期号 missing between 1 and the year's largest.
    Gap {
        name: String,
        supplement: bool,
        year: i32,
        missing: Vec<u32>,
    },
    /// Two or more regular issues with the same 总期号.
    DuplicateTotal {
        name: String,
        total: u32,
        paths: Vec<PathBuf>,
    },
    /// 总期号 missing between the smallest and the largest.
    TotalGap { name: String, missing: Vec<u32> },
}

/// At most this many missing numbers are listed per gap report.
const MISSING_LISTED: usize = 50;

/// Every numbering problem, by series, year and number.
pub fn problems<'a>(entries: impl IntoIterator<Item = &'a Entry>) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut by_year: BTreeMap<(&str, bool, i32), BTreeMap<u32, Vec<PathBuf>>> = BTreeMap::new();
    let mut totals: BTreeMap<&str, BTreeMap<u32, Vec<PathBuf>>> = BTreeMap::new();
    for e in entries {
        if let (Some(year), Some(number)) = (e.year(), e.number) {
            by_year
                .entry((&e.name, e.supplement, year))
                .or_default()
                .entry(number)
                .or_default()
                .push(e.path.clone());
        }
        if let (false, Some(total)) = (e.supplement, e.total_number) {
            totals
                .entry(&e.name)
                .or_default()
                .entry(total)
                .or_default()
                .push(e.path.clone());
        }
    }
    for ((name, supplement, year), numbers) in by_year {
        for (&number, paths) in &numbers {
            if paths.len() > 1 {
                out.push(Problem::Duplicate {
                    name: name.to_owned(),
                    supplement,
                    year,
                    number,
                    paths: paths.clone(),
                });
            }
        }
        let missing = missing(1, &numbers);
        if !missing.is_empty() {
            out.push(Problem::Gap {
                name: name.to_owned(),
                supplement,
                year,
                missing,
            });
        }
    }
    for (name, numbers) in totals {
        for (&total, paths) in &numbers {
            if paths.len() > 1 {
                out.push(Problem::DuplicateTotal {
                    name: name.to_owned(),
                    total,
                    paths: paths.clone(),
                });
            }
        }
        let first = numbers.keys().next().copied().unwrap_or(1);
        let missing = missing(first, &numbers);
        if !missing.is_empty() {
            out.push(Problem::TotalGap {
                name: name.to_owned(),
                missing,
            });
        }
    }
    out
}

/// Numbers from `first` to the largest key that are not keys.
fn missing<T>(first: u32, numbers: &BTreeMap<u32, T>) -> Vec<u32> {
    let Some(&last) = numbers.keys().next_back() else {
        return Vec::new();
    };
    (first..last)
        .filter(|n| !numbers.contains_key(n))
        .take(MISSING_LISTED)
        .collect()
}

/// Problems that concern the series of `name` (regular or supplement).
pub fn problems_of(problems: &[Problem], name: &str, supplement: bool) -> Vec<Problem> {
    problems
        .iter()
        .filter(|p| match p {
            Problem::Duplicate {
                name: n,
                supplement: s,
                ..
            }
            | Problem::Gap {
                name: n,
                supplement: s,
                ..
            } => n == name && *s == supplement,
            Problem::DuplicateTotal { name: n, .. } | Problem::TotalGap { name: n, .. } => {
                n == name && !supplement
            }
        })
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::Stamp;

    const NAME: &str = "首都精神文明建设情况简报";

    fn entry(
        file: &str,
        date: (i32, u32, u32),
        number: u32,
        total: Option<u32>,
        supplement: bool,
    ) -> Entry {
        let mut issue = crate::sample::issue();
        issue.masthead.date = NaiveDate::from_ymd_opt(date.0, date.1, date.2);
        issue.masthead.number = Some(number);
        issue.masthead.total_number = total;
        issue.masthead.supplement = supplement;
        let stamp = Stamp {
            len: 0,
            modified: None,
        };
        Entry::from_issue(&PathBuf::from(file), stamp, &issue)
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a day")
    }

    #[test]
    fn the_next_issue_counts_on_within_the_year_and_restarts_in_a_new_one() {
        let entries = vec![
            entry("2020-50.ron", (2020, 12, 20), 50, Some(2166), false),
            entry("2021-10.ron", (2021, 2, 18), 10, Some(2176), false),
            entry("2021-11.ron", (2021, 2, 25), 11, Some(2177), false),
        ];
        let latest_entry = latest(&entries).expect("newest");
        assert!(latest_entry.path.ends_with("2021-11.ron"));
        let newest = crate::sample::issue();

        let next = next_issue(&newest, &entries, day(2021, 3, 4), false);
        assert_eq!(next.masthead.number, Some(12));
        assert_eq!(next.masthead.total_number, Some(2178));
        assert_eq!(next.masthead.date, Some(day(2021, 3, 4)));
        assert_eq!(next.masthead.name, NAME);
        assert_eq!(next.masthead.office, newest.masthead.office);
        assert_eq!(next.footer, newest.footer);
        assert_eq!(next.distribution, newest.distribution);
        let headings: Vec<&str> = next.sections.iter().map(|s| s.heading.as_str()).collect();
        assert_eq!(headings, ["文明创建"]);
        assert_eq!(next.articles().count(), 0, "no articles");
        assert!(next.review.is_empty());

        // In January the count starts again; 总期号 goes on.
        let next = next_issue(&newest, &entries, day(2022, 1, 6), false);
        assert_eq!(
            (next.masthead.number, next.masthead.total_number),
            (Some(1), Some(2178))
        );
    }

    #[test]
    fn supplements_count_in_their_own_series_without_a_total() {
        let entries = vec![
            entry("11.ron", (2021, 2, 25), 11, Some(2177), false),
            entry("增刊1.ron", (2021, 1, 30), 1, None, true),
            entry("增刊2.ron", (2021, 2, 10), 2, None, true),
        ];
        let newest = crate::sample::issue();
        let supplement = next_issue(&newest, &entries, day(2021, 3, 1), true);
        assert!(supplement.masthead.supplement);
        assert_eq!(
            (supplement.masthead.number, supplement.masthead.total_number),
            (Some(3), None)
        );
        let regular = next_issue(&newest, &entries, day(2021, 3, 1), false);
        assert_eq!(
            (regular.masthead.number, regular.masthead.total_number),
            (Some(12), Some(2178))
        );
        assert!(problems(&entries).iter().all(|p| !matches!(
            p,
            Problem::Gap {
                supplement: true,
                ..
            }
        )));
    }

    #[test]
    fn gaps_and_duplicates_are_found_per_year_and_in_the_totals() {
        let entries = vec![
            entry("2020-49.ron", (2020, 12, 13), 1, Some(2100), false),
            entry("a.ron", (2021, 1, 7), 1, Some(2101), false),
            entry("b.ron", (2021, 1, 14), 2, Some(2102), false),
            entry("c.ron", (2021, 1, 21), 2, Some(2102), false),
            entry("d.ron", (2021, 2, 4), 5, Some(2105), false),
        ];
        let found = problems(&entries);
        assert!(found.contains(&Problem::Duplicate {
            name: NAME.into(),
            supplement: false,
            year: 2021,
            number: 2,
            paths: vec!["b.ron".into(), "c.ron".into()],
        }));
        assert!(found.contains(&Problem::Gap {
            name: NAME.into(),
            supplement: false,
            year: 2021,
            missing: vec![3, 4],
        }));
        assert!(found.contains(&Problem::DuplicateTotal {
            name: NAME.into(),
            total: 2102,
            paths: vec!["b.ron".into(), "c.ron".into()],
        }));
        assert!(found.contains(&Problem::TotalGap {
            name: NAME.into(),
            missing: vec![2103, 2104],
        }));
        assert_eq!(found.len(), 4, "2020 is fine: {found:#?}");
        assert_eq!(
            problems_of(&found, NAME, true),
            Vec::new(),
            "no supplement problems"
        );

        // A duplicate number still gives the next one after the largest.
        assert_eq!(next_number(&entries, NAME, false, Some(2021)), 6);
        assert_eq!(next_total(&entries, NAME), Some(2106));
    }

    #[test]
    fn an_empty_archive_starts_at_one() {
        assert_eq!(next_number(&[], NAME, false, Some(2021)), 1);
        assert_eq!(next_total(&[], NAME), None);
        assert!(latest(&[]).is_none());
        assert!(problems(&[]).is_empty());
    }
}
