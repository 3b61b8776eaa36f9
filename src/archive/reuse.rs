//! Repeated copy: a paragraph that largely repeats one already printed in
//! an earlier issue (a unit sending last month's text again).
//!
//! Each paragraph of the archive (an article's lead and each body
//! paragraph) is cut into overlapping four-character shingles of its
//! letters and digits (punctuation and spaces left out, so re-punctuated
//! copy still matches). A one-permutation MinHash of 64 bins summarises
//! it, and locality-sensitive hashing over 16 bands of 4 bins finds the
//! candidates that share enough; each candidate is then measured exactly:
//! the share of the new paragraph's shingles found in the old one. Two
//! paragraphs with Jaccard similarity 0.7 meet as candidates ninety-nine
//! times in a hundred, at 0.6 nine in ten. (Why this and not pairwise
//! comparison or a suffix index: see ARCHITECTURE.md.)
//!
//! Known limits: paragraphs under [`MIN_CHARS`] letters are not compared
//! (fixed phrases are short); a copy split across two paragraphs is
//! measured per paragraph.

use std::collections::{HashMap, HashSet};

use super::Archive;

/// Paragraphs with fewer letters and digits are not compared.
pub const MIN_CHARS: usize = 30;
/// The share of shingles from which a paragraph counts as repeated: well
/// above what two reports of the same office share in vocabulary alone.
pub const THRESHOLD: f32 = 0.75;
/// Letters a shingle: four, so that shared stock phrases (文明城区,
/// 志愿服务) weigh less than shared sentences.
const SHINGLE: usize = 4;

const BINS: usize = 64;
const BANDS: usize = 16;
const ROWS: usize = BINS / BANDS;

/// Where an indexed paragraph is: entry, article and line of its text
/// (0 the lead, then the body paragraphs from 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    pub entry: usize,
    pub article: usize,
    pub paragraph: usize,
}

/// An earlier paragraph that a new one repeats.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Repeat {
    pub place: Place,
    /// The share of the new paragraph found in the earlier one, 0 to 1.
    pub share: f32,
}

/// The archive's paragraphs, indexed for [`ReuseIndex::find`]. A text
/// printed many times (a stock paragraph, a re-sent report) is indexed and
/// measured once, with every place it was printed.
#[derive(Debug, Default)]
pub struct ReuseIndex {
    /// Each distinct paragraph text: where it was printed.
    texts: Vec<Vec<Place>>,
    buckets: HashMap<u64, Vec<u32>>,
    paragraphs: usize,
}

/// A paragraph text's identity (FNV-1a of its letters).
fn text_key(letters: &[char]) -> u64 {
    letters.iter().fold(0xcbf2_9ce4_8422_2325, |h: u64, &c| {
        (h ^ u64::from(c)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The letters and digits of a paragraph, in order.
fn letters(text: &str) -> Vec<char> {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// One 64-bit hash per shingle.
fn shingles(letters: &[char]) -> impl Iterator<Item = u64> + '_ {
    letters.windows(SHINGLE).map(|w| {
        let mut h: u64 = 0x9e37_79b9_7f4a_7c15;
        for &c in w {
            h = (h ^ u64::from(c)).wrapping_mul(0x0100_0000_01b3);
            h ^= h >> 29;
        }
        h.wrapping_mul(0xbf58_476d_1ce4_e5b9) ^ (h >> 31)
    })
}

/// One-permutation MinHash: each shingle falls in the bin its top bits
/// name and the smallest value per bin is kept; empty bins borrow from the
/// next filled one (rotation), so short paragraphs still have 64 values.
fn signature(letters: &[char]) -> [u64; BINS] {
    let mut bins = [u64::MAX; BINS];
    for h in shingles(letters) {
        let bin = (h >> 58) as usize;
        bins[bin] = bins[bin].min(h & ((1 << 58) - 1));
    }
    for i in 0..BINS {
        if bins[i] == u64::MAX
            && let Some(step) = (1..BINS).find(|s| bins[(i + s) % BINS] != u64::MAX)
        {
            bins[i] = bins[(i + step) % BINS].wrapping_add(step as u64);
        }
    }
    bins
}

/// The bucket of each band of a signature.
fn band_keys(signature: &[u64; BINS]) -> impl Iterator<Item = u64> + '_ {
    signature.chunks(ROWS).enumerate().map(|(band, rows)| {
        let mut h = (band as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        for &r in rows {
            h = (h ^ r).wrapping_mul(0x0100_0000_01b3);
        }
        h
    })
}

impl ReuseIndex {
    /// Indexes every paragraph of `archive` long enough to compare.
    pub fn build(archive: &Archive) -> ReuseIndex {
        let mut index = ReuseIndex::default();
        let mut known: HashMap<u64, u32> = HashMap::new();
        for (e, entry) in archive.entries.iter().enumerate() {
            for (a, article) in entry.articles.iter().enumerate() {
                for (p, line) in article.text.lines().enumerate() {
                    let letters = letters(line);
                    if letters.len() < MIN_CHARS {
                        continue;
                    }
                    let place = Place {
                        entry: e,
                        article: a,
                        paragraph: p,
                    };
                    index.paragraphs += 1;
                    let key = text_key(&letters);
                    if let Some(&id) = known.get(&key) {
                        index.texts[id as usize].push(place);
                        continue;
                    }
                    let id = index.texts.len() as u32;
                    known.insert(key, id);
                    index.texts.push(vec![place]);
                    for key in band_keys(&signature(&letters)) {
                        index.buckets.entry(key).or_default().push(id);
                    }
                }
            }
        }
        index
    }

    /// How many paragraphs are indexed.
    pub fn len(&self) -> usize {
        self.paragraphs
    }

    pub fn is_empty(&self) -> bool {
        self.paragraphs == 0
    }

    /// The earlier paragraph of `archive` (the one the index was built
    /// from) that `text` repeats most, if any repeats [`THRESHOLD`] of it;
    /// only entries `allowed` are considered (not the draft itself, not
    /// later issues).
    pub fn find(
        &self,
        archive: &Archive,
        text: &str,
        allowed: &dyn Fn(usize) -> bool,
    ) -> Option<Repeat> {
        let letters = letters(text);
        if letters.len() < MIN_CHARS {
            return None;
        }
        let mine: HashSet<u64> = shingles(&letters).collect();
        let mut seen = HashSet::new();
        let mut best: Option<Repeat> = None;
        for key in band_keys(&signature(&letters)) {
            for &id in self.buckets.get(&key).into_iter().flatten() {
                if !seen.insert(id) {
                    continue;
                }
                let places = &self.texts[id as usize];
                // Where it was printed last, among the issues allowed.
                let newest = places
                    .iter()
                    .filter(|p| allowed(p.entry))
                    .max_by_key(|p| archive.entries.get(p.entry).map(|e| (e.date, e.number)));
                let Some(&place) = newest else {
                    continue;
                };
                let Some(line) = archive
                    .entries
                    .get(place.entry)
                    .and_then(|e| e.articles.get(place.article))
                    .and_then(|a| a.text.lines().nth(place.paragraph))
                else {
                    continue;
                };
                let theirs: HashSet<u64> = shingles(&self::letters(line)).collect();
                let share = mine.intersection(&theirs).count() as f32 / mine.len() as f32;
                if share >= THRESHOLD && best.is_none_or(|b| share > b.share) {
                    best = Some(Repeat { place, share });
                }
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn archive(paragraphs: &[&str]) -> Archive {
        let texts: Vec<String> = paragraphs
            .iter()
            .map(|p| format!("东城区开展志愿服务活动。\n{p}"))
            .collect();
        let issues: Vec<Vec<(&str, &str)>> =
            texts.iter().map(|t| vec![("东城区", t.as_str())]).collect();
        crate::archive::made_up(&issues, |_| None)
    }

    const ORIGINAL: &str = "组织机关志愿者在42个主要路口参与文明岗值勤，对不文明行为加强引导。拓宽群众监督路径，利用“东城随手拍”手机APP平台，开展“文明城区随手拍”活动。";

    #[test]
    fn a_paragraph_copied_with_small_edits_is_found_and_measured() {
        let archive = archive(&[
            "推动在17个街道组建“群众志愿监督团”，对身边的不文明行为进行监督，及时反馈并督促相关责任单位整改。",
            ORIGINAL,
        ]);
        let index = ReuseIndex::build(&archive);
        assert_eq!(index.len(), 2, "the short leads are not indexed");
        let edited = "组织机关志愿者在45个主要路口参加文明岗值勤，对不文明行为加强引导；拓宽群众监督路径，利用“东城随手拍”APP平台，开展“文明城区随手拍”活动。";
        let found = index.find(&archive, edited, &|_| true).expect("found");
        assert_eq!(
            found.place,
            Place {
                entry: 1,
                article: 0,
                paragraph: 1
            }
        );
        assert!(found.share > 0.75 && found.share < 1.0, "{}", found.share);
        let exact = index.find(&archive, ORIGINAL, &|_| true).expect("found");
        assert!((exact.share - 1.0).abs() < f32::EPSILON);
        assert_eq!(
            index.find(&archive, ORIGINAL, &|e| e != 1),
            None,
            "the draft itself is left out"
        );
    }

    #[test]
    fn different_text_and_short_phrases_are_not_flagged() {
        let archive = archive(&[ORIGINAL]);
        let index = ReuseIndex::build(&archive);
        let other = "房山区以“行动计划+工作方案+问题清单”方式，全面开展创建工作，完善组织体系，成立创建文明城区工作领导小组。";
        assert_eq!(index.find(&archive, other, &|_| true), None);
        assert_eq!(
            index.find(&archive, "东城区开展志愿服务活动。", &|_| true),
            None
        );
    }
}
