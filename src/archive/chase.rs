//! Units to chase (催稿), and a year's figures per unit: what an office
//! does with its past issues besides reading them.
//!
//! Issues are taken in publication order (date, then 总期号, then 期号);
//! an issue without a date counts as the oldest. Supplements count as
//! issues like any other: a unit that sent to a 增刊 has sent.

use chrono::{Datelike, Months, NaiveDate};

use super::{Archive, Entry};

/// How far back a unit must have sent something.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Window {
    /// The latest N issues.
    Issues(usize),
    /// The last N months, up to a day.
    Months(u32, NaiveDate),
}

/// The last issue a unit appeared in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LastSent {
    pub number: Option<u32>,
    pub supplement: bool,
    pub date: Option<NaiveDate>,
}

/// A unit with nothing in the window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Overdue {
    pub unit: String,
    /// `None`: nothing in the whole archive.
    pub last: Option<LastSent>,
    /// Issues published since its last article (all of them if none).
    pub issues_since: usize,
}

fn in_order(archive: &Archive) -> Vec<&Entry> {
    let mut entries: Vec<&Entry> = archive.entries.iter().collect();
    entries.sort_by_key(|e| (e.date, e.total_number, e.number));
    entries
}

/// Every unit to consider: `expected` (in its order), then the others
/// seen, by name.
fn units<'a>(entries: &[&'a Entry], expected: &[&'a str]) -> Vec<&'a str> {
    let mut seen: Vec<&str> = entries
        .iter()
        .flat_map(|e| &e.articles)
        .map(|a| a.unit.as_str())
        .filter(|u| !u.is_empty() && !expected.contains(u))
        .collect();
    seen.sort_unstable();
    seen.dedup();
    expected.iter().copied().chain(seen).collect()
}

/// The units of `expected` and all units seen that have no article in
/// `window`, most overdue first: those that never sent anything, then by
/// how many issues have gone by since their last article.
pub fn overdue(archive: &Archive, expected: &[&str], window: Window) -> Vec<Overdue> {
    let entries = in_order(archive);
    let mut found: Vec<Overdue> = units(&entries, expected)
        .into_iter()
        .filter_map(|unit| {
            let last = entries
                .iter()
                .rposition(|e| e.articles.iter().any(|a| a.unit == unit));
            let issues_since = match last {
                Some(at) => entries.len() - 1 - at,
                None => entries.len(),
            };
            let quiet = match window {
                Window::Issues(n) => issues_since >= n.max(1),
                Window::Months(months, today) => {
                    let since = today.checked_sub_months(Months::new(months));
                    last.and_then(|at| entries[at].date)
                        .zip(since)
                        .is_none_or(|(date, since)| date <= since)
                }
            };
            quiet.then(|| Overdue {
                unit: unit.to_owned(),
                last: last.map(|at| LastSent {
                    number: entries[at].number,
                    supplement: entries[at].supplement,
                    date: entries[at].date,
                }),
                issues_since,
            })
        })
        .collect();
    // Stable: equally overdue units keep the expected order, then names.
    found.sort_by_key(|o| (o.last.is_some(), std::cmp::Reverse(o.issues_since)));
    found
}

/// One unit's year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figures {
    pub unit: String,
    pub articles: usize,
    /// Characters of its articles' leads and bodies, spaces left out.
    pub characters: usize,
    /// Issues it appeared in.
    pub issues: usize,
}

/// Each unit's articles, characters and issues in `year`, most articles
/// first; `expected` units appear even with nothing.
pub fn year_figures(archive: &Archive, expected: &[&str], year: i32) -> Vec<Figures> {
    let entries: Vec<&Entry> = in_order(archive)
        .into_iter()
        .filter(|e| e.date.is_some_and(|d| d.year() == year))
        .collect();
    let mut figures: Vec<Figures> = units(&entries, expected)
        .into_iter()
        .map(|unit| {
            let mut row = Figures {
                unit: unit.to_owned(),
                articles: 0,
                characters: 0,
                issues: 0,
            };
            for entry in &entries {
                let mine: Vec<_> = entry.articles.iter().filter(|a| a.unit == unit).collect();
                row.issues += usize::from(!mine.is_empty());
                row.articles += mine.len();
                row.characters += mine
                    .iter()
                    .map(|a| a.text.chars().filter(|c| !c.is_whitespace()).count())
                    .sum::<usize>();
            }
            row
        })
        .collect();
    figures.sort_by(|a, b| b.articles.cmp(&a.articles).then(a.unit.cmp(&b.unit)));
    figures
}

/// The figures as CSV (RFC 4180, UTF-8 with a byte-order mark so that
/// Excel and WPS read the Chinese), under `header`.
pub fn to_csv(figures: &[Figures], header: [&str; 4]) -> String {
    let field = |text: &str| {
        if text.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", text.replace('"', "\"\""))
        } else {
            text.to_owned()
        }
    };
    let mut csv = String::from("\u{feff}");
    csv.push_str(&header.map(field).join(","));
    csv.push_str("\r\n");
    for row in figures {
        let line = [
            field(&row.unit),
            row.articles.to_string(),
            row.characters.to_string(),
            row.issues.to_string(),
        ];
        csv.push_str(&line.join(","));
        csv.push_str("\r\n");
    }
    csv
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue n (from 1) on the 10th of month n of 2021, with articles from
    /// `units[n - 1]`.
    fn archive(units: &[&[&str]]) -> Archive {
        let issues: Vec<Vec<(&str, &str)>> = units
            .iter()
            .map(|sent| {
                sent.iter()
                    .map(|u| (*u, "东城区开展 志愿服务。\n共十人。"))
                    .collect()
            })
            .collect();
        crate::archive::made_up(&issues, |n| NaiveDate::from_ymd_opt(2021, n, 10))
    }

    #[test]
    fn units_silent_for_the_last_issues_are_listed_most_overdue_first() {
        let archive = archive(&[
            &["东城区", "西城区"],
            &["西城区"],
            &["朝阳区"],
            &["朝阳区"],
            &["海淀区"],
        ]);
        let expected = ["东城区", "西城区", "延庆区"];
        let late = overdue(&archive, &expected, Window::Issues(3));
        let names: Vec<&str> = late.iter().map(|o| o.unit.as_str()).collect();
        // 延庆区 never sent; 东城区 last in issue 1, 西城区 in issue 2.
        assert_eq!(names, ["延庆区", "东城区", "西城区"]);
        assert_eq!(late[0].last, None);
        assert_eq!(late[1].issues_since, 4);
        assert_eq!(late[1].last.as_ref().and_then(|l| l.number), Some(1));
        assert!(
            overdue(&archive, &[], Window::Issues(1))
                .iter()
                .all(|o| o.unit != "海淀区")
        );
    }

    #[test]
    fn months_count_back_from_today() {
        let archive = archive(&[&["东城区"], &["西城区"], &["朝阳区"]]);
        let today = NaiveDate::from_ymd_opt(2021, 5, 1).expect("date");
        let late = overdue(&archive, &[], Window::Months(3, today));
        let names: Vec<&str> = late.iter().map(|o| o.unit.as_str()).collect();
        // Since 2021-02-01: 西城区 (02-10) and 朝阳区 (03-10) sent.
        assert_eq!(names, ["东城区"]);
    }

    #[test]
    fn a_years_figures_go_to_csv_that_spreadsheets_read() {
        let archive = archive(&[&["东城区", "东城区"], &["东城区", "西城区,南"]]);
        let figures = year_figures(&archive, &["延庆区"], 2021);
        assert_eq!(figures[0].unit, "东城区");
        assert_eq!((figures[0].articles, figures[0].issues), (3, 2));
        assert_eq!(
            figures[0].characters,
            3 * 14,
            "spaces and line breaks left out"
        );
        assert_eq!(
            figures.last().map(|f| f.articles),
            Some(0),
            "延庆区, with nothing"
        );
        let csv = to_csv(&figures, ["单位", "文章", "字数", "期数"]);
        assert!(csv.starts_with("\u{feff}单位,文章,字数,期数\r\n东城区,3,42,2\r\n"));
        assert!(csv.contains("\"西城区,南\",1,14,1\r\n"), "{csv}");
        assert!(year_figures(&archive, &[], 2020).is_empty());
    }
}
