//! Repeated copy, as the proofreader sees it: the archive's paragraph index
//! asked on behalf of one draft, leaving out the draft itself and issues
//! after it.

use std::path::Path;

use crate::archive::Archive;
use crate::archive::reuse::ReuseIndex;
use crate::lint::Earlier;
use crate::model::Issue;

/// Finds, for a paragraph of one draft, the earlier paragraph it repeats.
pub struct RepeatFinder<'a> {
    archive: &'a Archive,
    index: &'a ReuseIndex,
    /// Per archive entry: may it be the earlier issue?
    allowed: Vec<bool>,
}

impl<'a> RepeatFinder<'a> {
    /// For `issue`, kept at `draft`: the draft's own entry (by its file or
    /// its number and date) and issues dated after it are left out.
    pub fn new(
        archive: &'a Archive,
        index: &'a ReuseIndex,
        issue: &Issue,
        draft: Option<&Path>,
    ) -> Self {
        let m = &issue.masthead;
        let allowed = archive
            .entries
            .iter()
            .map(|e| {
                let itself = draft.is_some_and(|d| d == e.path)
                    || (e.number == m.number && e.supplement == m.supplement && e.date == m.date);
                let later = matches!((e.date, m.date), (Some(theirs), Some(ours)) if theirs > ours);
                !itself && !later
            })
            .collect();
        Self {
            archive,
            index,
            allowed,
        }
    }

    /// The earlier paragraph `text` repeats, if any.
    pub fn find(&self, text: &str) -> Option<Earlier> {
        let allowed = |e: usize| self.allowed.get(e).copied().unwrap_or(false);
        let repeat = self.index.find(self.archive, text, &allowed)?;
        let entry = self.archive.entries.get(repeat.place.entry)?;
        let article = entry.articles.get(repeat.place.article)?;
        Some(Earlier {
            number: entry.number,
            supplement: entry.supplement,
            date: entry.date,
            unit: article.unit.clone(),
            paragraph: repeat.place.paragraph,
            percent: (repeat.share * 100.0).round().clamp(0.0, 100.0) as u8,
            path: entry.path.clone(),
            article: article.id,
            text: article.text.lines().nth(repeat.place.paragraph)?.to_owned(),
        })
    }
}
