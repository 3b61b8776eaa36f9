//! Recovery files: unsaved work written aside every few seconds, so that a
//! crash, a kill or a power cut costs at most a few seconds of typing.
//!
//! Each editing session writes one file, `recovery-ID.ron`, in the recovery
//! folder (the per-user data folder). It holds the unsaved issue, the draft
//! it belongs to (if it has been saved before), when it was written and by
//! which process. A session removes its file when its work is saved or
//! deliberately discarded; a file that is still there at the next start (or
//! when its draft is next opened) is work that would otherwise be lost.
//!
//! Whether a recovery file still holds something is decided by content,
//! never by modification times: it is offered whenever its issue differs
//! from the draft on disk, and removed only when they are the same. A sync
//! client, a colleague's save or `touch` can change a draft's time; none of
//! them may erase unsaved work.

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::{LoadError, Replace, SaveError, WriteError, read_bounded, replace};
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
    /// The fingerprint ([`super::fingerprint`]) of the draft's bytes the
    /// work was done on, so that a restored session can tell the draft
    /// changed since.
    pub base: Option<u64>,
    pub issue: Issue,
}

impl Recovery {
    pub fn new(original: Option<PathBuf>, base: Option<u64>, issue: Issue) -> Self {
        Self {
            original,
            pid: std::process::id(),
            written: now(),
            base,
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
/// one whole), readable by its owner only: it may hold a classified draft.
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
    let how = Replace {
        backup: None,
        private: true,
    };
    match replace(path, text.as_bytes(), how) {
        // In place; a lost folder flush costs at most this write.
        Ok(()) | Err(WriteError::NotDurable(_)) => Ok(()),
        Err(WriteError::Unchanged(source)) => Err(SaveError::Write {
            path: path.into(),
            source,
        }),
    }
}

pub fn read(path: &Path) -> Result<Recovery, LoadError> {
    let bytes = read_bounded(path)?;
    let text = String::from_utf8_lossy(&bytes);
    ron::Options::default()
        .from_str(&text)
        .map_err(|error| LoadError::syntax(path, error))
}

/// Recovery files worth offering: not being written by a running editor,
/// and holding something other than their draft on disk (or for a
/// never-saved issue). Files whose work is exactly their draft's are
/// removed; unreadable ones are left for a person to look at.
pub fn scan(folder: &Path) -> Vec<Found> {
    scan_where(folder, |_| true)
}

/// [`scan`], for the recovery files of one draft (when it is opened).
pub fn scan_for(folder: &Path, draft: &Path) -> Vec<Found> {
    scan_where(folder, |recovery| {
        recovery
            .original
            .as_deref()
            .is_some_and(|original| super::same_file(original, draft))
    })
}

fn scan_where(folder: &Path, wanted: impl Fn(&Recovery) -> bool) -> Vec<Found> {
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
            if !wanted(&recovery) {
                return None;
            }
            if recovery.pid != std::process::id() && process_running(recovery.pid) {
                return None;
            }
            if let Some(original) = &recovery.original
                && super::load(original).is_ok_and(|saved| saved == recovery.issue)
            {
                // The draft on disk holds exactly this work: nothing lost.
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
        let mut recovery = Recovery::new(None, None, issue.clone());
        recovery.pid = u32::MAX - 3; // a process that is not running
        let path = path_for(dir.path(), 7);
        write(&path, &recovery).expect("writes");
        let found = scan(dir.path());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].recovery.issue, issue);
        assert_eq!(found[0].path, path);
    }

    #[test]
    fn only_work_identical_to_the_draft_is_dropped_whatever_the_times() {
        let dir = tempfile::tempdir().expect("temp dir");
        let draft = dir.path().join("第11期.ron");
        let mut unsaved = crate::sample::issue();
        unsaved.footer.editor = "未保存的修改".into();
        crate::store::save(&draft, &crate::sample::issue()).expect("saves");

        // Written long before the draft's time (a sync client touched it):
        // still different, so still offered.
        let mut recovery = Recovery::new(Some(draft.clone()), None, unsaved);
        recovery.pid = u32::MAX - 3;
        recovery.written = 1;
        let differs = path_for(dir.path(), 1);
        write(&differs, &recovery).expect("writes");
        // Work that is exactly what the draft holds: nothing lost.
        let mut same = Recovery::new(Some(draft.clone()), None, crate::sample::issue());
        same.pid = u32::MAX - 3;
        let superseded = path_for(dir.path(), 2);
        write(&superseded, &same).expect("writes");
        let broken = path_for(dir.path(), 3);
        std::fs::write(&broken, "(issue: 坏").expect("write");

        let found = scan(dir.path());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].path, differs);
        assert!(!superseded.exists(), "identical to the draft");
        assert!(broken.exists(), "kept for a person to look at");
        assert_eq!(scan_for(dir.path(), &draft).len(), 1);
        assert!(scan_for(dir.path(), &dir.path().join("别的.ron")).is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn recovery_files_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let path = path_for(dir.path(), 5);
        write(&path, &Recovery::new(None, None, crate::sample::issue())).expect("writes");
        let mode = std::fs::metadata(&path).expect("stat").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{mode:o}");
    }
}
