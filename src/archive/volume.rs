//! Which issues a yearly volume (合订本) binds, in which order, and what
//! is odd about them.

use chrono::Datelike;

use super::numbering::{self, Problem};
use super::{Archive, Entry};
use crate::model::Status;

/// The issues of `year` (only those issued, with `issued_only`), in
/// number order with supplements placed by date among them.
pub fn issues_of(archive: &Archive, year: i32, issued_only: bool) -> Vec<&Entry> {
    let mut chosen: Vec<&Entry> = archive
        .entries
        .iter()
        .filter(|e| e.date.is_some_and(|d| d.year() == year))
        .filter(|e| !issued_only || e.status == Status::Issued)
        .collect();
    chosen.sort_by_key(|e| (e.date, e.supplement, e.number));
    chosen
}

/// What to point out before binding `chosen`: gaps and repeats in their
/// numbering, and the issues not yet issued.
pub fn oddities<'a>(chosen: &[&'a Entry]) -> (Vec<Problem>, Vec<&'a Entry>) {
    let owned: Vec<Entry> = chosen.iter().map(|e| (*e).clone()).collect();
    let unissued = chosen
        .iter()
        .copied()
        .filter(|e| e.status != Status::Issued)
        .collect();
    (numbering::problems(&owned), unissued)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

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
        let chosen = issues_of(&archive, 2021, false);
        let numbers: Vec<Option<u32>> = chosen.iter().map(|e| e.number).collect();
        // By date: issue 5 (April), 2 (July), 1 (October); 2020 left out.
        assert_eq!(numbers, [Some(5), Some(2), Some(1)]);
        let (problems, unissued) = oddities(&chosen);
        assert!(!problems.is_empty(), "3 and 4 are missing");
        assert_eq!(unissued.len(), 1);
        assert_eq!(issues_of(&archive, 2021, true).len(), 2);
    }
}
