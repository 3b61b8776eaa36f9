//! The archive: every issue an office has published, in one folder (and its
//! subfolders), read into a summary per issue that lists, numbers, searches
//! and counts without opening files again.
//!
//! [`Archive::scan`] reads a folder from scratch, several files at a time,
//! reporting progress; [`Archive::refresh`] rereads only the files whose
//! size or modification time changed, adds new ones and drops those gone.
//! Nothing here writes a file.

pub mod chase;
pub mod coverage;
pub mod numbering;
pub mod reuse;
pub mod search;
pub mod volume;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::SystemTime;

use chrono::NaiveDate;

use crate::model::{ArticleId, Issue, Status};
use crate::store::{self, LoadError};

/// How deep below the archive folder issues are looked for (one folder per
/// year, say, or per bulletin and year).
const MAX_DEPTH: usize = 4;

/// One article, as much of it as listing and searching need.
#[derive(Clone, Debug, PartialEq)]
pub struct ArticleText {
    pub id: ArticleId,
    pub unit: String,
    /// Title, lead and body paragraphs, then captions and table cells, one
    /// per line, without bold markers.
    pub text: String,
}

/// One issue of the archive.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub path: PathBuf,
    pub stamp: Stamp,
    pub name: String,
    pub number: Option<u32>,
    pub total_number: Option<u32>,
    pub supplement: bool,
    pub date: Option<NaiveDate>,
    pub status: Status,
    pub articles: Vec<ArticleText>,
    /// The units of the issue's series (from its profile), in order.
    pub series_units: Vec<String>,
}

impl Entry {
    pub fn from_issue(path: &Path, stamp: Stamp, issue: &Issue) -> Entry {
        let m = &issue.masthead;
        Entry {
            path: path.to_owned(),
            stamp,
            name: m.name.trim().to_owned(),
            number: m.number,
            total_number: m.total_number,
            supplement: m.supplement,
            date: m.date,
            status: issue.review.status,
            articles: issue
                .articles()
                .map(|(_, _, article)| {
                    let mut text = article.title.clone();
                    if !text.is_empty() {
                        text.push('\n');
                    }
                    text.push_str(&article.lead);
                    if !article.body.is_empty() {
                        text.push('\n');
                        text.push_str(&article.body_text());
                    }
                    // Captions and table cells are found too.
                    for figure_text in article.figure_texts().filter(|t| !t.trim().is_empty()) {
                        text.push('\n');
                        text.push_str(figure_text);
                    }
                    ArticleText {
                        id: article.id,
                        unit: article.unit.trim().to_owned(),
                        text,
                    }
                })
                .collect(),
            series_units: issue.series.unit_names().map(str::to_owned).collect(),
        }
    }

    /// The year the issue's numbering belongs to.
    pub fn year(&self) -> Option<i32> {
        self.date.map(|d| chrono::Datelike::year(&d))
    }
}

/// What tells a file changed: its size and modification time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    pub len: u64,
    pub modified: Option<SystemTime>,
}

impl Stamp {
    fn of(path: &Path) -> Option<Stamp> {
        let metadata = std::fs::metadata(path).ok()?;
        Some(Stamp {
            len: metadata.len(),
            modified: metadata.modified().ok(),
        })
    }
}

/// A file in the folder that is not a readable issue.
#[derive(Clone, Debug)]
pub struct Failure {
    pub path: PathBuf,
    pub stamp: Option<Stamp>,
    pub error: Arc<LoadError>,
}

/// The issues of one folder.
///
/// Invariant: `entries` and `failures` together hold each draft file found
/// under `folder` at the last scan or refresh exactly once, in path order.
#[derive(Clone, Debug, Default)]
pub struct Archive {
    pub folder: PathBuf,
    pub entries: Vec<Entry>,
    pub failures: Vec<Failure>,
    /// The bulletin profiles kept in the folder itself (broken ones left
    /// out: the profile window says what is wrong with them).
    pub profiles: Vec<crate::model::Profile>,
    /// The profile files as last read, so that a refresh rereads them only
    /// when one changed.
    profile_stamps: Vec<(PathBuf, Option<Stamp>)>,
}

impl Archive {
    /// Reads every draft under `folder`. `progress(done, total)` is called
    /// as files are read (from this thread).
    pub fn scan(folder: &Path, progress: &mut dyn FnMut(usize, usize)) -> Archive {
        let mut archive = Archive {
            folder: folder.to_owned(),
            ..Archive::default()
        };
        archive.refresh(progress);
        archive
    }

    /// Rereads what changed since the last scan: new and changed files are
    /// read, vanished ones dropped, unchanged ones kept. Returns whether
    /// anything changed.
    pub fn refresh(&mut self, progress: &mut dyn FnMut(usize, usize)) -> bool {
        let paths = draft_files(&self.folder);
        let mut known: std::collections::HashMap<PathBuf, Known> = std::collections::HashMap::new();
        for entry in self.entries.drain(..) {
            known.insert(entry.path.clone(), Known::Entry(Box::new(entry)));
        }
        for failure in self.failures.drain(..) {
            known.insert(failure.path.clone(), Known::Failure(failure));
        }
        let had = known.len();
        let mut kept = 0;
        let mut to_read = Vec::new();
        let mut results: Vec<Option<Known>> = Vec::with_capacity(paths.len());
        for path in &paths {
            let stamp = Stamp::of(path);
            match known.remove(path) {
                Some(old) if stamp.is_some() && old.stamp() == stamp => {
                    kept += 1;
                    results.push(Some(old));
                }
                _ => {
                    to_read.push((results.len(), path.clone(), stamp));
                    results.push(None);
                }
            }
        }
        let profiles_changed = self.refresh_profiles();
        let changed = !to_read.is_empty() || kept != had || profiles_changed;
        for (slot, read) in read_all(to_read, progress) {
            results[slot] = Some(read);
        }
        for result in results.into_iter().flatten() {
            match result {
                Known::Entry(entry) => self.entries.push(*entry),
                Known::Failure(failure) => self.failures.push(failure),
            }
        }
        changed
    }

    /// Rereads the folder's profiles if a profile file came, went or
    /// changed; returns whether one did.
    fn refresh_profiles(&mut self) -> bool {
        let stamps: Vec<(PathBuf, Option<Stamp>)> = store::profile_files(&self.folder)
            .into_iter()
            .map(|path| {
                let stamp = Stamp::of(&path);
                (path, stamp)
            })
            .collect();
        if stamps == self.profile_stamps {
            return false;
        }
        self.profiles = stamps
            .iter()
            .filter_map(|(path, _)| store::load_profile(path).ok())
            .collect();
        self.profile_stamps = stamps;
        true
    }

    /// The units the archive's series expect to hear from, in order: those
    /// of the profiles kept in the folder, else those the newest issue took
    /// from its profile. Never a built-in list.
    pub fn expected_units(&self) -> Vec<&str> {
        let mut units: Vec<&str> = Vec::new();
        let from_profiles = self.profiles.iter().flat_map(|p| p.series.unit_names());
        let from_newest = numbering::latest(&self.entries)
            .into_iter()
            .flat_map(|e| e.series_units.iter().map(String::as_str));
        for unit in from_profiles {
            if !units.contains(&unit) {
                units.push(unit);
            }
        }
        if units.is_empty() {
            units.extend(from_newest);
        }
        units
    }

    /// The entry for `path`, if it is in the archive.
    pub fn entry(&self, path: &Path) -> Option<&Entry> {
        self.entries.iter().find(|e| e.path == path)
    }
}

/// A file as last read: an issue or a failure.
enum Known {
    Entry(Box<Entry>),
    Failure(Failure),
}

impl Known {
    fn stamp(&self) -> Option<Stamp> {
        match self {
            Known::Entry(entry) => Some(entry.stamp),
            Known::Failure(failure) => failure.stamp,
        }
    }
}

/// Reads files on all cores; results come back tagged with their slot.
fn read_all(
    jobs: Vec<(usize, PathBuf, Option<Stamp>)>,
    progress: &mut dyn FnMut(usize, usize),
) -> Vec<(usize, Known)> {
    let total = jobs.len();
    if total == 0 {
        return Vec::new();
    }
    let threads = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(1, 8)
        .min(total);
    let next = AtomicUsize::new(0);
    let (sender, receiver) = std::sync::mpsc::channel();
    let mut out = Vec::with_capacity(total);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let sender = sender.clone();
            let (jobs, next) = (&jobs, &next);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some((slot, path, stamp)) = jobs.get(i) else {
                        break;
                    };
                    let read = match store::load(path) {
                        Ok(issue) => {
                            let stamp = stamp.unwrap_or(Stamp {
                                len: 0,
                                modified: None,
                            });
                            Known::Entry(Box::new(Entry::from_issue(path, stamp, &issue)))
                        }
                        Err(error) => Known::Failure(Failure {
                            path: path.clone(),
                            stamp: *stamp,
                            error: Arc::new(error),
                        }),
                    };
                    if sender.send((*slot, read)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        for result in receiver {
            out.push(result);
            progress(out.len(), total);
        }
    });
    out
}

/// `path` as shown in lists: below the archive `folder`, `2021/第11期.ron`.
pub fn relative_path(folder: &Path, path: &Path) -> String {
    path.strip_prefix(folder)
        .unwrap_or(path)
        .display()
        .to_string()
}

/// Draft files under `folder`, sorted: `.ron` files, not hidden (lock
/// files, temporary files), not the copies kept of older formats.
pub fn draft_files(folder: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    walk(folder, 0, &mut found);
    found.sort();
    found
}

fn walk(folder: &Path, depth: usize, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            if depth + 1 < MAX_DEPTH {
                walk(&path, depth + 1, found);
            }
        } else if name.ends_with(".ron")
            && !store::is_kept_original(&name)
            && !store::is_profile_file(&name)
        {
            found.push(path);
        }
    }
}

/// Tests: an archive of issues 1, 2, … (a file each), dated by `date(n)`,
/// whose articles are `(unit, text)`.
#[cfg(test)]
pub(crate) fn made_up(
    issues: &[Vec<(&str, &str)>],
    date: impl Fn(u32) -> Option<NaiveDate>,
) -> Archive {
    let entries = issues
        .iter()
        .zip(1u32..)
        .map(|(articles, n)| Entry {
            path: PathBuf::from(format!("第{n}期.ron")),
            stamp: Stamp {
                len: 0,
                modified: None,
            },
            name: "简报".into(),
            number: Some(n),
            total_number: None,
            supplement: false,
            date: date(n),
            status: Status::Issued,
            articles: articles
                .iter()
                .zip(1u64..)
                .map(|(&(unit, text), id)| ArticleText {
                    id: ArticleId(id),
                    unit: unit.into(),
                    text: text.into(),
                })
                .collect(),
            series_units: Vec::new(),
        })
        .collect();
    Archive {
        folder: PathBuf::from("."),
        entries,
        ..Archive::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(path: &Path, issue: &Issue) {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("folder");
        }
        store::save(path, issue).expect("save");
    }

    #[test]
    fn scanning_finds_drafts_in_subfolders_and_skips_the_rest() {
        let dir = tempfile::tempdir().expect("temp dir");
        let issue = crate::sample::issue();
        write(&dir.path().join("2021/第11期.ron"), &issue);
        write(&dir.path().join("2021/第11期.v1-backup.ron"), &issue);
        std::fs::write(dir.path().join("2021/.~lock.第11期.ron#"), "x").expect("lock");
        std::fs::write(dir.path().join("说明.txt"), "不是简报").expect("txt");
        std::fs::write(dir.path().join("坏文件.ron"), "(schema: 2, masthead: (").expect("bad");

        let mut calls = Vec::new();
        let archive = Archive::scan(dir.path(), &mut |done, total| calls.push((done, total)));
        assert_eq!(archive.entries.len(), 1);
        let entry = &archive.entries[0];
        assert!(entry.path.ends_with("2021/第11期.ron"));
        assert_eq!((entry.number, entry.total_number), (Some(11), Some(2177)));
        assert_eq!(entry.articles.len(), 3);
        assert_eq!(entry.articles[0].unit, "东城区");
        assert!(
            entry.articles[0].text.contains("坚持全时创建。研究制定"),
            "bold markers are gone"
        );
        assert_eq!(
            archive.failures.len(),
            1,
            "the broken file is listed as a failure"
        );
        assert_eq!(calls.last(), Some(&(2, 2)), "progress reaches the total");
    }

    /// The units expected: the newest issue's series, until a profile is
    /// kept in the folder; then the profile's, a unit added to it at once
    /// (and the profile is never read as an issue).
    #[test]
    fn the_expected_units_come_from_the_series_never_a_built_in_list() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut issue = crate::sample::issue();
        crate::store::save(&dir.path().join("第11期.ron"), &issue).expect("saved");
        let mut archive = Archive::scan(dir.path(), &mut |_, _| {});
        let sample: Vec<String> = issue.series.unit_names().map(str::to_owned).collect();
        assert_eq!(archive.expected_units(), sample);
        assert_eq!(archive.expected_units().len(), 16);

        let mut profile = crate::model::Profile::from_issue(&issue);
        profile
            .series
            .units
            .push(crate::model::Unit::named("经开区"));
        let path = dir.path().join("首都.profile.ron");
        crate::store::save_profile(&path, &profile).expect("saved");
        assert!(archive.refresh(&mut |_, _| {}), "a new profile is a change");
        assert_eq!(archive.expected_units().last(), Some(&"经开区"));
        assert_eq!(archive.expected_units().len(), 17);
        assert_eq!(archive.entries.len(), 1, "the profile is no issue");
        assert!(archive.failures.is_empty());

        issue.series.units.clear();
        let bare = tempfile::tempdir().expect("temp dir");
        crate::store::save(&bare.path().join("第1期.ron"), &issue).expect("saved");
        let archive = Archive::scan(bare.path(), &mut |_, _| {});
        assert!(archive.expected_units().is_empty(), "no series, no list");
    }

    #[test]
    fn refreshing_rereads_only_what_changed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut issue = crate::sample::issue();
        write(&dir.path().join("第11期.ron"), &issue);
        issue.masthead.number = Some(12);
        write(&dir.path().join("第12期.ron"), &issue);
        let mut archive = Archive::scan(dir.path(), &mut |_, _| {});
        assert_eq!(archive.entries.len(), 2);

        let mut read = 0;
        assert!(!archive.refresh(&mut |_, _| read += 1), "nothing changed");
        assert_eq!(read, 0);

        issue.masthead.number = Some(13);
        write(&dir.path().join("第13期.ron"), &issue);
        std::fs::remove_file(dir.path().join("第11期.ron")).expect("remove");
        issue.masthead.name = "首都精神文明建设情况简报（改）".into();
        issue.masthead.number = Some(12);
        write(&dir.path().join("第12期.ron"), &issue);
        assert!(archive.refresh(&mut |_, _| read += 1));
        assert_eq!(read, 2, "the new file and the changed one");
        let numbers: Vec<Option<u32>> = archive.entries.iter().map(|e| e.number).collect();
        assert_eq!(numbers, [Some(12), Some(13)]);
        assert!(archive.entries[0].name.ends_with("（改）"));
    }
}
