//! Recovery files: unsaved work written aside every few seconds, so that a
//! crash, a kill or a power cut costs at most a few seconds of typing.
//!
//! Each editing session writes one file, `recovery-ID.ron`, in the recovery
//! folder (the per-user data folder). It holds the unsaved issue, the draft
//! it belongs to (if it has been saved before), when it was written and by
//! which process. A session removes its file when its work is saved or
//! deliberately discarded; a file that is still there at the next start is
//! work that would otherwise be lost.

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::{LoadError, SaveError, read_bounded, write_atomically};
use crate::model::Issue;

/// What a recovery file holds.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Recovery {
    /// The draft this is unsaved work on; `None` for a never-saved issue.
    pub original: Option<PathBuf>,
    /// The writing process, so that a running editor's file is left alone.
    pub pid: u32,
    /// When it was written, in seconds since 1970.
    pub written: u64,
    pub issue: Issue,
}

impl Recovery {
    pub fn new(original: Option<PathBuf>, issue: Issue) -> Self {
        Self {
            original,
            pid: std::process::id(),
            written: now(),
            issue,
        }
    }
}

/// A recovery file found at start-up, worth offering to the user.
#[derive(Clone, Debug)]
pub struct Found {
    pub path: PathBuf,
    pub recovery: Recovery,
}

/// The recovery file for a session with this id.
pub fn path_for(folder: &Path, session_id: u64) -> PathBuf {
    folder.join(format!("recovery-{session_id:016x}.ron"))
}

/// Writes a recovery file atomically (a kill mid-write leaves the previous
/// one whole).
pub fn write(path: &Path, recovery: &Recovery) -> Result<(), SaveError> {
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder).map_err(|source| SaveError::Write {
            path: path.into(),
            source,
        })?;
    }
    let config = ron::ser::PrettyConfig::new()
        .struct_names(false)
        .depth_limit(3);
    let text = ron::ser::to_string_pretty(recovery, config).map_err(SaveError::Serialize)?;
    write_atomically(path, text.as_bytes()).map_err(|source| SaveError::Write {
        path: path.into(),
        source,
    })
}

pub fn read(path: &Path) -> Result<Recovery, LoadError> {
    let bytes = read_bounded(path)?;
    let text = String::from_utf8_lossy(&bytes);
    ron::Options::default()
        .from_str(&text)
        .map_err(|error| LoadError::syntax(path, error))
}

/// Recovery files worth offering: not being written by a running editor,
/// and newer than their draft on disk (or for a never-saved issue). Files
/// superseded by a later save of their draft are removed; unreadable ones
/// are left for a person to look at.
pub fn scan(folder: &Path) -> Vec<Found> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut found: Vec<Found> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("recovery-") && n.ends_with(".ron"))
        })
        .filter_map(|path| {
            let recovery = read(&path).ok()?;
            if recovery.pid != std::process::id() && process_running(recovery.pid) {
                return None;
            }
            if let Some(original) = &recovery.original
                && modified(original).is_some_and(|saved| saved > recovery.written)
            {
                // The draft was saved after this was written: nothing lost.
                let _ = std::fs::remove_file(&path);
                return None;
            }
            Some(Found { path, recovery })
        })
        .collect();
    found.sort_by_key(|f| std::cmp::Reverse(f.recovery.written));
    found
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

fn modified(path: &Path) -> Option<u64> {
    let time = std::fs::metadata(path).ok()?.modified().ok()?;
    time.duration_since(UNIX_EPOCH).ok().map(|d| d.as_secs())
}

/// Whether a process is running; where that cannot be known assume it
/// ended, since offering a file twice is better than never offering it.
fn process_running(pid: u32) -> bool {
    super::process_running(pid).unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsaved_work_is_found_once_its_writer_has_gone() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut issue = crate::sample::issue();
        issue.masthead.name.push_str("（未保存）");
        let mut recovery = Recovery::new(None, issue.clone());
        recovery.pid = u32::MAX - 3; // a process that is not running
        let path = path_for(dir.path(), 7);
        write(&path, &recovery).expect("writes");
        let found = scan(dir.path());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].recovery.issue, issue);
        assert_eq!(found[0].path, path);
    }

    #[test]
    fn work_saved_later_is_not_offered_and_a_broken_file_is_left_alone() {
        let dir = tempfile::tempdir().expect("temp dir");
        let draft = dir.path().join("第11期.ron");
        std::fs::write(&draft, "saved later").expect("write");
        let mut recovery = Recovery::new(Some(draft.clone()), crate::sample::issue());
        recovery.pid = u32::MAX - 3;
        recovery.written = 1; // long before the draft was saved
        let stale = path_for(dir.path(), 1);
        write(&stale, &recovery).expect("writes");
        let broken = path_for(dir.path(), 2);
        std::fs::write(&broken, "(issue: 坏").expect("write");
        assert!(scan(dir.path()).is_empty());
        assert!(!stale.exists(), "superseded by the save");
        assert!(broken.exists(), "kept for a person to look at");
    }
}
