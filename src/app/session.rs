//! One open issue: the draft being edited, where it lives on disk, what was
//! last saved, its undo history, and its claim on the file.

use std::path::{Path, PathBuf};

use egui::util::undoer::{Settings as UndoSettings, Undoer};

use crate::i18n::{Lang, S};
use crate::model::{Issue, Status};
use crate::store::lock::{self, DocumentLock, LockError, LockOwner};
use crate::store::{self, LoadError, SaveError};

/// The open draft.
///
/// Invariants: `saved` is the issue as it is on disk at `path` (or the
/// issue the session started from, for a new draft), so the draft is
/// unsaved exactly when `issue != saved`; `disk_hash` fingerprints the file's
/// bytes as last loaded or saved, to notice when someone else changes it.
/// Undo works on whole snapshots of the issue (egui's `Undoer`), so every
/// edit — typing, reordering, deleting — is undoable without hand-written
/// commands. The review (status, history, comments) is kept out of the
/// snapshots: undo never takes back a sign-off or someone's comment, and a
/// comment added while reviewing never undoes the editor's typing.
pub struct Session {
    pub issue: Issue,
    path: Option<PathBuf>,
    saved: Issue,
    undoer: Undoer<Issue>,
    disk_hash: Option<u64>,
    lock: Option<DocumentLock>,
    read_only: bool,
    /// Reviewer mode: the content is read-only, comments and status are not.
    reviewing: bool,
}

/// Why a draft could not be opened for editing.
#[derive(Debug)]
pub enum OpenError {
    Load(LoadError),
    /// Someone else has it open; it can still be opened read-only.
    Locked(LockOwner),
}

/// The file on disk compared with what this session loaded or saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiskState {
    Unchanged,
    /// Someone (or something) changed the file since.
    Changed,
    /// The file is gone.
    Missing,
}

impl Session {
    /// A new draft that has never been saved.
    pub fn untitled(issue: Issue) -> Self {
        Self {
            saved: issue.clone(),
            issue,
            path: None,
            undoer: new_undoer(),
            disk_hash: None,
            lock: None,
            read_only: false,
            reviewing: false,
        }
    }

    /// Work that exists in no draft file yet (an imported bulletin, New
    /// from latest): unsaved from the start, so it is autosaved, the status
    /// bar says so, and closing or replacing it asks first.
    pub fn unsaved(issue: Issue) -> Self {
        let mut session = Self::untitled(issue);
        session.saved = Issue::default();
        session
    }

    /// Opens a draft for editing, taking its lock (`user` is the name other
    /// openers are shown). The file is only read.
    pub fn open(path: &Path, user: &str) -> Result<Self, OpenError> {
        let lock = match lock::acquire(path, user) {
            Ok(lock) => Some(lock),
            Err(LockError::Held(owner)) => return Err(OpenError::Locked(owner)),
            // A folder where no lock can be written: edit anyway.
            Err(LockError::Io(_)) => None,
        };
        let mut session = Self::load(path).map_err(OpenError::Load)?;
        session.lock = lock;
        Ok(session)
    }

    /// Opens a draft someone else is editing, for reading only.
    pub fn open_read_only(path: &Path) -> Result<Self, LoadError> {
        let mut session = Self::load(path)?;
        session.read_only = true;
        Ok(session)
    }

    fn load(path: &Path) -> Result<Self, LoadError> {
        let bytes = store::read_bounded(path)?;
        let loaded = store::from_bytes(&bytes, path)?;
        // A draft sent for review opens for reviewing.
        let reviewing = loaded.issue.review.status == Status::InReview;
        Ok(Self {
            saved: loaded.issue.clone(),
            issue: loaded.issue,
            path: Some(path.to_owned()),
            undoer: new_undoer(),
            disk_hash: Some(store::fingerprint(&bytes)),
            lock: None,
            read_only: false,
            reviewing,
        })
    }

    /// Unsaved work from a recovery file, on top of its draft when that can
    /// still be opened (so saving goes back to it), else as a new draft.
    /// Either way the work counts as unsaved. `base` fingerprints the
    /// draft the work was done on: when the file has changed since (a
    /// colleague saved after the crash), the session starts out knowing it,
    /// so a save goes through the changed-on-disk question.
    pub fn recovered(issue: Issue, original: Option<&Path>, base: Option<u64>, user: &str) -> Self {
        // Someone else has it now: read-only, so the work goes elsewhere by
        // Save As but stays tied to its draft (and to compare).
        let opened = original.and_then(|path| match Self::open(path, user) {
            Ok(session) => Some(session),
            Err(OpenError::Locked(_)) => Self::open_read_only(path).ok(),
            Err(OpenError::Load(_)) => None,
        });
        let mut session = opened.unwrap_or_else(|| Self::untitled(Issue::default()));
        if session.path.is_some() && base.is_some() {
            session.disk_hash = base;
        }
        session.issue = issue;
        session
    }

    /// The fingerprint of the file as this session last loaded or saved it.
    pub fn disk_fingerprint(&self) -> Option<u64> {
        self.disk_hash
    }

    /// Ends the session as a crash would: nothing saved, nothing removed,
    /// the lock file left behind (its OS lock released). For tests.
    pub fn crash(mut self) {
        if let Some(lock) = self.lock.take() {
            lock.abandon();
        }
    }

    /// Whether this session holds the draft's lock (and nobody broke it).
    pub fn holds_lock(&self) -> bool {
        self.lock.as_ref().is_some_and(DocumentLock::is_intact)
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    pub fn is_reviewing(&self) -> bool {
        self.reviewing
    }

    pub fn set_reviewing(&mut self, on: bool) {
        self.reviewing = on;
    }

    /// Whether the content (everything but the review) may be edited: not
    /// while someone else has the file, while reviewing, or once the issue
    /// is approved or issued.
    pub fn can_edit(&self) -> bool {
        !self.read_only && !self.reviewing && !self.issue.review.status.locks_content()
    }

    /// Unsaved changes?
    pub fn is_dirty(&self) -> bool {
        self.issue != self.saved
    }

    /// The file name shown in the title bar, or 未命名 / Untitled.
    pub fn display_name(&self, lang: Lang) -> String {
        self.path
            .as_deref()
            .and_then(Path::file_name)
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| S::Untitled.get(lang).to_owned())
    }

    /// Whether the file changed on disk since it was loaded or saved here.
    pub fn disk_state(&self) -> DiskState {
        let Some(path) = &self.path else {
            return DiskState::Unchanged;
        };
        match store::read_bounded(path) {
            Ok(bytes) if Some(store::fingerprint(&bytes)) == self.disk_hash => DiskState::Unchanged,
            Ok(_) => DiskState::Changed,
            Err(_) => DiskState::Missing,
        }
    }

    /// Saves to the draft's own file; `None` for a draft that has none yet
    /// (then ask for one and use [`Session::save_as`]). Check
    /// [`Session::disk_state`] first: this overwrites whatever is there.
    pub fn save(&mut self) -> Option<Result<(), SaveError>> {
        let path = self.path.clone()?;
        Some(self.save_as(&path))
    }

    /// Saves to `path`, which becomes the draft's file (and takes its lock),
    /// through the one guarded save ([`store::save_holding`]): someone
    /// else's lock, a read-only file or an approved issue's content refuse
    /// it, and a draft in an older format is kept aside first. A save that
    /// is in place but could not be confirmed on disk counts as saved and
    /// still returns its error, for the user to hear.
    pub fn save_as(&mut self, path: &Path) -> Result<(), SaveError> {
        let same_file = self.path.as_deref() == Some(path);
        let lock = if same_file { self.lock.as_ref() } else { None };
        let result = store::save_holding(path, &self.issue, lock);
        if let Err(error) = &result
            && !error.saved_anyway()
        {
            return result;
        }
        self.saved = self.issue.clone();
        self.disk_hash = store::read_bounded(path)
            .ok()
            .map(|bytes| store::fingerprint(&bytes));
        if !same_file || self.read_only {
            // A new file: this session now owns it.
            self.lock = lock::acquire(path, &lock::user_name()).ok();
            self.read_only = false;
        }
        self.path = Some(path.to_owned());
        result
    }

    /// Reads the draft again from disk, replacing the edits (undoable).
    pub fn reload(&mut self) -> Result<(), LoadError> {
        let Some(path) = self.path.clone() else {
            return Ok(());
        };
        let fresh = Self::load(&path)?;
        self.checkpoint();
        self.issue = fresh.issue;
        self.saved = fresh.saved;
        self.disk_hash = fresh.disk_hash;
        Ok(())
    }

    /// Gives up the edits since the last save.
    pub fn revert(&mut self) {
        self.issue = self.saved.clone();
    }

    /// Marks the current state as an undo point before a structural edit,
    /// so that the edit is undone on its own.
    pub fn checkpoint(&mut self) {
        self.with_content(|undoer, issue| undoer.add_undo(issue));
    }

    /// Feeds the current state to the undo history; call once per frame.
    pub fn end_frame(&mut self, now: f64) {
        self.with_content(|undoer, issue| undoer.feed_state(now, issue));
    }

    pub fn can_undo(&mut self) -> bool {
        self.with_content(|undoer, issue| undoer.has_undo(issue))
    }

    pub fn can_redo(&mut self) -> bool {
        self.with_content(|undoer, issue| undoer.has_redo(issue))
    }

    pub fn undo(&mut self) -> bool {
        self.with_content(|undoer, issue| match undoer.undo(issue) {
            Some(previous) => {
                *issue = previous.clone();
                true
            }
            None => false,
        })
    }

    pub fn redo(&mut self) -> bool {
        self.with_content(|undoer, issue| match undoer.redo(issue) {
            Some(next) => {
                *issue = next.clone();
                true
            }
            None => false,
        })
    }

    /// Runs `f` on the undo history and the issue without its review, then
    /// puts the review back: undo snapshots hold content only.
    fn with_content<R>(&mut self, f: impl FnOnce(&mut Undoer<Issue>, &mut Issue) -> R) -> R {
        let review = std::mem::take(&mut self.issue.review);
        let result = f(&mut self.undoer, &mut self.issue);
        self.issue.review = review;
        result
    }
}

fn new_undoer() -> Undoer<Issue> {
    Undoer::with_settings(UndoSettings {
        max_undos: 200,
        // A pause of this long in typing ends one undo step.
        stable_time: 0.8,
        auto_save_interval: 20.0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dirty_tracks_the_file_not_the_history() {
        let mut session = Session::untitled(crate::sample::issue());
        session.end_frame(0.0);
        assert!(!session.is_dirty());
        session.issue.masthead.name.push('！');
        assert!(session.is_dirty());
        session.issue.masthead.name.pop();
        assert!(
            !session.is_dirty(),
            "typing and erasing leaves nothing to save"
        );
    }

    #[test]
    fn a_structural_edit_undoes_on_its_own_and_redoes() {
        let mut session = Session::untitled(crate::sample::issue());
        session.end_frame(0.0);
        let id = session.issue.sections[0].articles[0].id;
        session.checkpoint();
        session.issue.delete_article(id);
        session.end_frame(0.1);
        assert!(session.undo());
        assert_eq!(session.issue, crate::sample::issue());
        assert!(session.redo());
        assert!(session.issue.find_article(id).is_none());
    }

    #[test]
    fn undo_takes_back_typing_but_never_a_comment_or_a_sign_off() {
        let at = chrono::NaiveDate::from_ymd_opt(2021, 2, 24)
            .and_then(|d| d.and_hms_opt(10, 0, 0))
            .expect("a time");
        let mut session = Session::untitled(crate::sample::issue());
        session.end_frame(0.0);
        session.checkpoint();
        session.issue.masthead.office = "首都精神文明办秘书处".into();
        session.end_frame(0.1);
        let id = session.issue.sections[0].articles[0].id;
        session
            .issue
            .review
            .comment(id, None, "王审", at, "请核实“四全”的提法");
        session
            .issue
            .review
            .change_status(Status::InReview, "李编", at, "")
            .expect("allowed");
        session.end_frame(5.0);

        assert!(session.undo());
        assert_eq!(
            session.issue.masthead.office, "首都精神文明办",
            "the typing is undone"
        );
        assert_eq!(session.issue.review.comments.len(), 1, "the comment stays");
        assert_eq!(
            session.issue.review.status,
            Status::InReview,
            "the status stays"
        );
        assert!(!session.undo(), "a comment is no undo step of its own");
    }

    #[test]
    fn approval_locks_the_content_and_reviewing_a_sent_draft_starts_on_opening() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("第12期.ron");
        let at = chrono::NaiveDate::from_ymd_opt(2021, 2, 24)
            .and_then(|d| d.and_hms_opt(10, 0, 0))
            .expect("a time");
        let mut session = Session::untitled(crate::sample::issue());
        assert!(session.can_edit());
        let review = &mut session.issue.review;
        review
            .change_status(Status::InReview, "李编", at, "")
            .expect("allowed");
        session.save_as(&path).expect("saves");
        drop(session);

        let mut reviewer = Session::open(&path, "王审")
            .map_err(|e| format!("{e:?}"))
            .expect("opens");
        assert!(reviewer.is_reviewing() && !reviewer.can_edit());
        reviewer.set_reviewing(false);
        assert!(reviewer.can_edit());
        let review = &mut reviewer.issue.review;
        review
            .change_status(Status::Approved, "王审", at, "同意")
            .expect("allowed");
        assert!(!reviewer.can_edit(), "approved means locked");
    }

    #[test]
    fn save_as_then_reopen_gives_the_same_issue() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("第12期.ron");
        let mut session = Session::untitled(crate::sample::issue());
        session.issue.masthead.number = Some(12);
        session.save_as(&path).expect("saves");
        assert!(!session.is_dirty());
        assert_eq!(session.display_name(Lang::Zh), "第12期.ron");
        drop(session);
        let reopened = Session::open(&path, "我")
            .map_err(|e| format!("{e:?}"))
            .expect("opens");
        assert_eq!(reopened.issue.masthead.number, Some(12));
    }

    #[test]
    fn two_sessions_on_one_file_see_the_lock_and_the_change() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("第11期.ron");
        store::save(&path, &crate::sample::issue()).expect("saves");

        let mut first = Session::open(&path, "甲")
            .map_err(|e| format!("{e:?}"))
            .expect("opens");
        assert!(lock::lock_path(&path).exists());
        // The second opener is told who holds it and may read only.
        match Session::open(&path, "乙") {
            Err(OpenError::Locked(holder)) => assert_eq!(holder.name, "甲"),
            other => panic!("expected Locked, got {:?}", other.map(|_| ())),
        }
        let mut second = Session::open_read_only(&path).expect("opens read-only");
        assert!(second.is_read_only());

        // The reader cannot save over the holder's file, even by Save As.
        second.issue.footer.editor = "乙".into();
        assert!(matches!(
            second.save_as(&path),
            Err(SaveError::Locked { owner, .. }) if owner.name == "甲"
        ));
        assert!(second.is_read_only() && second.is_dirty());

        // Something outside Jianbao (a sync client) changes the file.
        assert_eq!(first.disk_state(), DiskState::Unchanged);
        let theirs = store::to_ron(&second.issue).expect("serializes");
        std::fs::write(&path, theirs).expect("an outside write");
        assert_eq!(first.disk_state(), DiskState::Changed);
        first.reload().expect("reloads");
        assert_eq!(first.issue.footer.editor, "乙");
        assert_eq!(first.disk_state(), DiskState::Unchanged);
        assert!(first.undo(), "a reload can be undone");
    }

    #[test]
    fn an_older_format_is_kept_before_its_first_save() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("第11期.ron");
        let original = include_bytes!("../../tests/data/schema-v1-sample.ron");
        std::fs::write(&path, original).expect("write");
        let mut session = Session::open(&path, "我")
            .map_err(|e| format!("{e:?}"))
            .expect("opens");
        // A version-1 file predates series: it reads with none.
        let mut sample = crate::sample::issue();
        sample.series = Default::default();
        assert_eq!(session.issue, sample, "version 1 reads as today's model");
        assert!(!session.is_dirty());
        session.save().expect("has a path").expect("saves");
        let backup = dir.path().join("第11期.v1-backup.ron");
        assert_eq!(std::fs::read(&backup).expect("backup kept"), original);
        assert!(
            std::fs::read_to_string(&path)
                .expect("read")
                .contains("schema: 3,")
        );
        // A second save does not replace the backup with the new format.
        session.issue.footer.editor = "王五".into();
        session.save().expect("has a path").expect("saves");
        assert_eq!(std::fs::read(&backup).expect("backup kept"), original);
    }

    #[test]
    fn a_save_the_system_could_not_confirm_counts_as_saved() {
        // Before, the user was told the file was unchanged although the
        // new one was in place, and a false "changed on disk" followed.
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("第11期.ron");
        let mut session = Session::untitled(crate::sample::issue());
        session.save_as(&path).expect("saves");
        session.issue.footer.editor = "王五".into();
        crate::store::fail_next_folder_sync();
        let error = session
            .save()
            .expect("has a path")
            .expect_err("not durable");
        assert!(error.saved_anyway(), "{error:?}");
        assert!(!session.is_dirty());
        assert_eq!(session.disk_state(), DiskState::Unchanged);
        assert_eq!(store::load(&path).expect("loads").footer.editor, "王五");
    }

    #[cfg(unix)]
    #[test]
    fn a_read_only_draft_is_refused_and_left_as_it_was() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("第11期.ron");
        store::save(&path, &crate::sample::issue()).expect("saves");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).expect("chmod");
        let before = std::fs::read(&path).expect("read");
        let mut session = Session::open(&path, "我")
            .map_err(|e| format!("{e:?}"))
            .expect("opens");
        session.issue.footer.editor = "王五".into();
        let result = session.save().expect("has a path");
        assert!(
            matches!(result, Err(SaveError::ReadOnly { .. })),
            "{result:?}"
        );
        assert!(session.is_dirty(), "the edits stay in the editor");
        assert_eq!(std::fs::read(&path).expect("read"), before);
    }

    #[test]
    fn an_approved_issue_on_disk_is_not_rewritten_until_reopened() {
        let at = chrono::NaiveDate::from_ymd_opt(2021, 2, 24)
            .and_then(|d| d.and_hms_opt(10, 0, 0))
            .expect("a time");
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("第11期.ron");
        let mut approved = crate::sample::issue();
        let review = &mut approved.review;
        review
            .change_status(Status::InReview, "李编", at, "")
            .expect("allowed");
        review
            .change_status(Status::Approved, "王审", at, "同意")
            .expect("allowed");
        store::save(&path, &approved).expect("saves");

        let mut changed = approved.clone();
        changed.footer.editor = "改过".into();
        assert!(matches!(
            store::save(&path, &changed),
            Err(SaveError::ContentLocked {
                status: Status::Approved,
                ..
            })
        ));
        // A comment or an unchanged save is fine; so is a change after a
        // reopening, which the history records.
        store::save(&path, &approved).expect("same content");
        changed
            .review
            .change_status(Status::Draft, "李编", at, "补充材料")
            .expect("reopened");
        store::save(&path, &changed).expect("reopened first");
        assert_eq!(store::load(&path).expect("loads").footer.editor, "改过");
    }

    #[test]
    fn a_restored_session_whose_draft_changed_since_the_crash_asks_first() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("第11期.ron");
        store::save(&path, &crate::sample::issue()).expect("saves");
        let base = store::fingerprint(&std::fs::read(&path).expect("read"));
        // After the crash a colleague saved their version.
        let mut theirs = crate::sample::issue();
        theirs.footer.editor = "同事".into();
        store::save(&path, &theirs).expect("they save");

        let mut mine = crate::sample::issue();
        mine.footer.editor = "我的未保存修改".into();
        let restored = Session::recovered(mine.clone(), Some(&path), Some(base), "我");
        assert_eq!(restored.issue, mine);
        assert_eq!(restored.disk_state(), DiskState::Changed);
        // Unchanged since the crash: no question.
        let base = store::fingerprint(&std::fs::read(&path).expect("read"));
        drop(restored);
        let restored = Session::recovered(mine, Some(&path), Some(base), "我");
        assert_eq!(restored.disk_state(), DiskState::Unchanged);
    }
}
