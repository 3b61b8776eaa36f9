//! Which issues a yearly volume (合订本) binds, in which order, and what
//! is odd about them.

use std::ops::RangeInclusive;

use chrono::{Datelike, NaiveDate};

use super::numbering::{self, Problem};
use super::{Archive, Entry};
use crate::model::Status;

/// Which issues a volume binds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Span {
    /// Issues dated in this year.
    pub year: Option<i32>,
    /// Issues dated on or after this day.
    pub from: Option<NaiveDate>,
    /// Issues dated on or before this day.
    pub to: Option<NaiveDate>,
    /// Issues with 期号 in this range (supplements by their own numbers).
    pub numbers: Option<RangeInclusive<u32>>,
    /// Only issues whose status is 已签发.
    pub issued_only: bool,
}

impl Span {
    /// A whole year.
    pub fn year(year: i32, issued_only: bool) -> Span {
        Span {
            year: Some(year),
            issued_only,
            ..Span::default()
        }
    }

    fn holds(&self, e: &Entry) -> bool {
        let date = e.date;
        let within = |bound: Option<NaiveDate>, ok: fn(NaiveDate, NaiveDate) -> bool| {
            bound.is_none_or(|b| date.is_some_and(|d| ok(d, b)))
        };
        self.year
            .is_none_or(|y| date.is_some_and(|d| d.year() == y))
            && within(self.from, |d, b| d >= b)
            && within(self.to, |d, b| d <= b)
            && self
                .numbers
                .as_ref()
                .is_none_or(|range| e.number.is_some_and(|n| range.contains(&n)))
            && (!self.issued_only || e.status == Status::Issued)
    }
}

/// The issues within `span`, in number order with supplements placed by
/// date among them.
pub fn issues_of<'a>(archive: &'a Archive, span: &Span) -> Vec<&'a Entry> {
    let mut chosen: Vec<&Entry> = archive.entries.iter().filter(|e| span.holds(e)).collect();
    chosen.sort_by_key(|e| (e.date, e.supplement, e.number));
    chosen
}

/// What to point out before binding `chosen`: gaps and repeats in their
/// numbering, and the issues not yet issued.
pub fn oddities<'a>(chosen: &[&'a Entry]) -> (Vec<Problem>, Vec<&'a Entry>) {
    let unissued = chosen
        .iter()
        .copied()
        .filter(|e| e.status != Status::Issued)
        .collect();
    (numbering::problems(chosen.iter().copied()), unissued)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_is_taken_in_order_and_its_gaps_and_drafts_are_named() {
        let issues = vec![
            vec![("东城区", "甲")],
            vec![("西城区", "乙")],
            vec![("朝阳区", "丙")],
            vec![],
        ];
        let mut archive = crate::archive::made_up(&issues, |n| {
            NaiveDate::from_ymd_opt(if n == 4 { 2020 } else { 2021 }, 13 - n * 3, 1)
        });
        archive.entries[1].status = Status::Draft;
        archive.entries[2].number = Some(5);
        let chosen = issues_of(&archive, &Span::year(2021, false));
        let numbers: Vec<Option<u32>> = chosen.iter().map(|e| e.number).collect();
        // By date: issue 5 (April), 2 (July), 1 (October); 2020 left out.
        assert_eq!(numbers, [Some(5), Some(2), Some(1)]);
        let (problems, unissued) = oddities(&chosen);
        assert!(!problems.is_empty(), "3 and 4 are missing");
        assert_eq!(unissued.len(), 1);
        assert_eq!(issues_of(&archive, &Span::year(2021, true)).len(), 2);
        let spring = Span {
            from: NaiveDate::from_ymd_opt(2021, 4, 1),
            to: NaiveDate::from_ymd_opt(2021, 9, 30),
            ..Span::default()
        };
        let numbers: Vec<Option<u32>> = issues_of(&archive, &spring)
            .iter()
            .map(|e| e.number)
            .collect();
        assert_eq!(numbers, [Some(5), Some(2)]);
        let first_two = Span {
            year: Some(2021),
            numbers: Some(1..=2),
            ..Span::default()
        };
        assert_eq!(issues_of(&archive, &first_two).len(), 2);
    }
}
