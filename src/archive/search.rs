//! Full-text search over the articles of the archive, with a little text
//! either side of each match.
//!
//! The summaries are in memory, so a search is a scan with a fast substring
//! finder (memchr's SIMD `memmem`) — tens of megabytes in milliseconds, no
//! index to build or keep current. Matching is exact (Chinese has no case);
//! Latin letters match exactly too.

use chrono::NaiveDate;
use memchr::memmem::Finder;

use super::{Archive, Entry};
use crate::model::ArticleId;

/// Characters of context shown either side of a match.
const CONTEXT: usize = 18;

/// What to look for. Empty text lists every article the filters let through.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pub text: String,
    /// Part of the unit's name (东城 finds 东城区); empty for any.
    pub unit: String,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

/// One matching article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Index into `Archive::entries`.
    pub entry: usize,
    pub article: ArticleId,
    pub unit: String,
    pub before: String,
    pub matched: String,
    pub after: String,
}

/// Matches in date order, newest first, at most `limit` of them, and how
/// many there are in all.
pub fn search(archive: &Archive, query: &Query, limit: usize) -> (Vec<Hit>, usize) {
    let text = query.text.trim();
    let unit = query.unit.trim();
    let finder = Finder::new(text.as_bytes());
    let mut order: Vec<usize> = (0..archive.entries.len())
        .filter(|&i| in_range(&archive.entries[i], query))
        .collect();
    order.sort_by_key(|&i| {
        let e = &archive.entries[i];
        std::cmp::Reverse((e.date, e.total_number, e.number))
    });
    let mut hits = Vec::new();
    let mut total = 0;
    for i in order {
        for article in &archive.entries[i].articles {
            if !unit.is_empty() && !article.unit.contains(unit) {
                continue;
            }
            let found = if text.is_empty() {
                Some(0)
            } else {
                finder.find(article.text.as_bytes())
            };
            let Some(at) = found else {
                continue;
            };
            total += 1;
            if hits.len() < limit {
                let (before, matched, after) = context(&article.text, at, text.len());
                hits.push(Hit {
                    entry: i,
                    article: article.id,
                    unit: article.unit.clone(),
                    before,
                    matched,
                    after,
                });
            }
        }
    }
    (hits, total)
}

fn in_range(entry: &Entry, query: &Query) -> bool {
    match entry.date {
        Some(date) => query.from.is_none_or(|f| date >= f) && query.to.is_none_or(|t| date <= t),
        None => query.from.is_none() && query.to.is_none(),
    }
}

/// The match at byte `at` (`len` bytes) with context, line breaks shown as
/// spaces.
fn context(text: &str, at: usize, len: usize) -> (String, String, String) {
    let flat = |s: &str| s.replace('\n', " ");
    let before: Vec<char> = text[..at].chars().collect();
    let before: String = before[before.len().saturating_sub(CONTEXT)..]
        .iter()
        .collect();
    let matched = &text[at..at + len];
    let after: String = text[at + len..].chars().take(CONTEXT).collect();
    (flat(&before), flat(matched), flat(&after))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::Stamp;
    use std::path::PathBuf;

    fn archive() -> Archive {
        let stamp = Stamp {
            len: 0,
            modified: None,
        };
        let mut entries = Vec::new();
        for (n, month) in [(10u32, 2u32), (11, 2), (20, 5)] {
            let mut issue = crate::sample::issue();
            issue.masthead.number = Some(n);
            issue.masthead.date = NaiveDate::from_ymd_opt(2021, month, 1);
            entries.push(Entry::from_issue(
                &PathBuf::from(format!("{n}.ron")),
                stamp,
                &issue,
            ));
        }
        Archive {
            folder: PathBuf::from("."),
            entries,
            ..Archive::default()
        }
    }

    #[test]
    fn matches_come_with_context_newest_first() {
        let archive = archive();
        let query = Query {
            text: "小巷管家".into(),
            ..Query::default()
        };
        let (hits, total) = search(&archive, &query, 10);
        assert_eq!(total, 3, "once per issue");
        assert_eq!(
            archive.entries[hits[0].entry].number,
            Some(20),
            "newest first"
        );
        let hit = &hits[0];
        assert_eq!(hit.unit, "东城区");
        assert_eq!(hit.matched, "小巷管家");
        assert!(hit.before.ends_with("“东城社工”“"), "{:?}", hit.before);
        assert!(hit.after.starts_with("”示范作用"), "{:?}", hit.after);
        assert_eq!(hit.before.chars().count(), CONTEXT);
    }

    #[test]
    fn unit_and_date_filters_narrow_the_search() {
        let archive = archive();
        let query = Query {
            text: "志愿".into(),
            unit: "昌平".into(),
            from: NaiveDate::from_ymd_opt(2021, 3, 1),
            to: None,
        };
        let (hits, total) = search(&archive, &query, 10);
        assert_eq!(total, 1);
        assert_eq!(hits[0].unit, "昌平区");
        assert_eq!(archive.entries[hits[0].entry].number, Some(20));

        let (_, none) = search(
            &archive,
            &Query {
                text: "没有这句话".into(),
                ..Query::default()
            },
            10,
        );
        assert_eq!(none, 0);

        // No text: every article of the unit.
        let (hits, total) = search(
            &archive,
            &Query {
                unit: "房山区".into(),
                ..Query::default()
            },
            2,
        );
        assert_eq!(
            (hits.len(), total),
            (2, 3),
            "the limit caps the list, not the count"
        );
    }
}
