//! Autosave: unsaved work goes to a recovery file a moment after each
//! change, written by a background thread so that no frame waits on the
//! disk.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;

use super::Session;
use crate::model::Issue;
use crate::store::SaveError;
use crate::store::recovery::{self, Recovery};

/// Seconds after the first unsaved change before it is written, however
/// much typing follows: a crash loses at most this much (plus a write).
pub const DELAY: f64 = 2.0;

enum Job {
    Write(PathBuf, Box<Recovery>),
    Remove(PathBuf),
}

/// Keeps one session's recovery file up to date.
///
/// Invariant: `written` is what the recovery file at `file` holds (or will,
/// once the writer thread gets to it); `None` when there is no file.
pub struct Autosave {
    folder: Option<PathBuf>,
    file: Option<PathBuf>,
    written: Option<Issue>,
    pending_since: Option<f64>,
    jobs: Option<Sender<Job>>,
    failures: Receiver<SaveError>,
    thread: Option<JoinHandle<()>>,
}

impl Autosave {
    /// Autosaves into `folder`; `None` turns autosave off.
    pub fn new(folder: Option<PathBuf>) -> Self {
        let (jobs, job_rx) = mpsc::channel::<Job>();
        let (failure_tx, failures) = mpsc::channel();
        let thread = std::thread::Builder::new()
            .name("jianbao-autosave".into())
            .spawn(move || {
                for job in job_rx {
                    let result = match job {
                        Job::Write(path, recovery) => recovery::write(&path, &recovery),
                        Job::Remove(path) => match std::fs::remove_file(&path) {
                            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                                Err(SaveError::Write { path, source: e })
                            }
                            _ => Ok(()),
                        },
                    };
                    if let Err(error) = result {
                        let _ = failure_tx.send(error);
                    }
                }
            })
            .ok();
        Self {
            folder,
            file: None,
            written: None,
            pending_since: None,
            jobs: Some(jobs),
            failures,
            thread,
        }
    }

    /// A new session begins: its work goes to a fresh recovery file, or to
    /// `adopt`, the recovery file it was restored from.
    pub fn start(&mut self, adopt: Option<PathBuf>) {
        let fresh = || {
            let id = crate::model::ArticleId::generate().0;
            self.folder
                .as_deref()
                .map(|folder| recovery::path_for(folder, id))
        };
        self.file = adopt.or_else(fresh);
        self.written = None;
        self.pending_since = None;
    }

    /// Call every frame. Writes the issue when it has had unsaved changes
    /// for [`DELAY`] seconds; removes the file once nothing is unsaved.
    /// Returns how many seconds until it wants to look again, and any write
    /// that failed since the last call.
    pub fn tick(&mut self, now: f64, session: &Session) -> (Option<f64>, Option<SaveError>) {
        let failure = self.failures.try_iter().last();
        let Some(file) = self.file.clone() else {
            return (None, failure);
        };
        if !session.is_dirty() {
            if self.written.take().is_some() {
                self.send(Job::Remove(file));
            }
            self.pending_since = None;
            return (None, failure);
        }
        if self.written.as_ref() == Some(&session.issue) {
            self.pending_since = None;
            return (None, failure);
        }
        let since = *self.pending_since.get_or_insert(now);
        if now - since < DELAY {
            return (Some(since + DELAY - now), failure);
        }
        let original = session.path().map(Path::to_owned);
        let recovery = Recovery::new(original, session.disk_fingerprint(), session.issue.clone());
        self.send(Job::Write(file, Box::new(recovery)));
        self.written = Some(session.issue.clone());
        self.pending_since = None;
        (None, failure)
    }

    /// The session ends. With nothing unsaved its recovery file goes; with
    /// unsaved work (a crash-like end) the file stays for the next start.
    pub fn finish(&mut self, session: Option<&Session>) {
        let unsaved = session.is_some_and(Session::is_dirty);
        if let Some(file) = self.file.take()
            && !unsaved
        {
            self.send(Job::Remove(file));
        }
        self.written = None;
        self.pending_since = None;
    }

    /// The folder recovery files go to, if autosave is on.
    pub fn folder(&self) -> Option<&Path> {
        self.folder.as_deref()
    }

    /// The recovery file of the current session, if autosave is on.
    pub fn file(&self) -> Option<&Path> {
        self.file.as_deref()
    }

    fn send(&self, job: Job) {
        if let Some(jobs) = &self.jobs {
            let _ = jobs.send(job);
        }
    }
}

impl Drop for Autosave {
    fn drop(&mut self) {
        // Let queued writes and removals finish before the program ends.
        self.jobs = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait_until(what: impl Fn() -> bool) {
        let start = std::time::Instant::now();
        while !what() {
            assert!(start.elapsed().as_secs() < 10, "timed out");
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }

    #[test]
    fn unsaved_work_is_written_after_the_delay_and_removed_once_saved() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut autosave = Autosave::new(Some(dir.path().to_owned()));
        autosave.start(None);
        let file = autosave.file().expect("a recovery file").to_owned();
        let mut session = Session::untitled(crate::sample::issue());

        assert_eq!(autosave.tick(0.0, &session).0, None, "nothing unsaved yet");
        session.issue.masthead.name.push_str("（试刊）");
        assert_eq!(autosave.tick(10.0, &session).0, Some(DELAY));
        session.issue.masthead.name.push('！');
        assert!(
            autosave.tick(11.0, &session).0.is_some(),
            "more typing does not postpone past the delay"
        );
        autosave.tick(12.0, &session);
        wait_until(|| file.exists());
        let recovered = recovery::read(&file).expect("readable");
        assert_eq!(recovered.issue, session.issue);
        assert_eq!(recovered.original, None);

        session
            .save_as(&dir.path().join("saved.ron"))
            .expect("saves");
        autosave.tick(13.0, &session);
        wait_until(|| !file.exists());
    }

    #[test]
    fn ending_with_unsaved_work_keeps_the_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut autosave = Autosave::new(Some(dir.path().to_owned()));
        autosave.start(None);
        let file = autosave.file().expect("a recovery file").to_owned();
        let mut session = Session::untitled(crate::sample::issue());
        session.issue.footer.editor = "未保存".into();
        autosave.tick(0.0, &session);
        autosave.tick(5.0, &session);
        autosave.finish(Some(&session));
        drop(autosave);
        assert!(file.exists());
    }
}
