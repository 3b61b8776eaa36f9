//! Keeps the archive current without blocking the window: a thread reads
//! the archive folder (reporting progress), then looks for changed files
//! every few seconds and sends a fresh snapshot when something changed.
//! The thread only reads, so it is never waited for: quitting while a
//! large folder is being read does not wait for the read to finish.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

use crate::archive::Archive;
use crate::archive::reuse::ReuseIndex;

/// How often the folder is checked for new, changed or removed files.
const POLL: Duration = Duration::from_secs(2);

/// Progress reports are sent at most this often, in files.
const PROGRESS_STEP: usize = 50;

/// What the watcher reports.
#[derive(Debug)]
pub enum ArchiveUpdate {
    /// Reading the folder: `done` of `total` files.
    Progress { done: usize, total: usize },
    /// The archive as it is now, with its paragraphs indexed for repeated
    /// copy (built here, off the window's thread).
    Ready(Arc<Archive>, Arc<ReuseIndex>),
}

/// The watching thread, and the channels to it.
///
/// Invariant: at most one folder is watched; setting another starts over.
/// Dropping it closes the channel; the thread ends at its next look.
pub struct ArchiveWatcher {
    folders: Sender<Option<PathBuf>>,
    updates: Receiver<ArchiveUpdate>,
}

impl ArchiveWatcher {
    /// Starts the thread, idle until a folder is set. `notify` is called
    /// after every update (to request a repaint).
    pub fn spawn(notify: impl Fn() + Send + 'static) -> Self {
        let (folders, folder_rx) = mpsc::channel::<Option<PathBuf>>();
        let (update_tx, updates) = mpsc::channel();
        // Without a thread the archive simply stays unread; nothing else
        // depends on it.
        let _ = std::thread::Builder::new()
            .name("jianbao-archive".into())
            .spawn(move || watch(&folder_rx, &update_tx, &notify));
        Self { folders, updates }
    }

    /// Watches `folder` from now on (`None`: nothing).
    pub fn set_folder(&self, folder: Option<PathBuf>) {
        let _ = self.folders.send(folder);
    }

    /// Updates that have arrived, oldest first. Never blocks.
    pub fn poll(&self) -> Vec<ArchiveUpdate> {
        self.updates.try_iter().collect()
    }
}

fn watch(folders: &Receiver<Option<PathBuf>>, updates: &Sender<ArchiveUpdate>, notify: &dyn Fn()) {
    let send = |update| {
        let _ = updates.send(update);
        notify();
    };
    let mut archive: Option<Archive> = None;
    loop {
        let wanted = match folders.recv_timeout(POLL) {
            Ok(folder) => Some(folder),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => return,
        };
        if let Some(folder) = wanted {
            // Only the newest folder matters.
            let folder = folders.try_iter().last().unwrap_or(folder);
            archive = folder.map(|folder| {
                let scanned = Archive::scan(&folder, &mut |done, total| {
                    if done % PROGRESS_STEP == 0 || done == total {
                        send(ArchiveUpdate::Progress { done, total });
                    }
                });
                send(ready(&scanned));
                scanned
            });
        } else if let Some(archive) = &mut archive
            && archive.refresh(&mut |_, _| {})
        {
            send(ready(archive));
        }
    }
}

fn ready(archive: &Archive) -> ArchiveUpdate {
    ArchiveUpdate::Ready(
        Arc::new(archive.clone()),
        Arc::new(ReuseIndex::build(archive)),
    )
}

/// The archive as the editor shows it: a snapshot, its numbering check,
/// its paragraph index, and a number that changes with every new snapshot
/// (for the views' caches).
pub struct ArchiveView {
    pub archive: Arc<Archive>,
    pub reuse: Arc<ReuseIndex>,
    pub problems: Vec<crate::archive::numbering::Problem>,
    pub generation: u64,
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    fn wait_ready(watcher: &ArchiveWatcher) -> Arc<Archive> {
        let start = Instant::now();
        loop {
            for update in watcher.poll() {
                if let ArchiveUpdate::Ready(archive, _) = update {
                    return archive;
                }
            }
            assert!(start.elapsed() < Duration::from_secs(30), "no archive came");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    #[test]
    fn the_watcher_reads_the_folder_then_notices_a_new_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut issue = crate::sample::issue();
        crate::store::save(&dir.path().join("第11期.ron"), &issue).expect("save");
        let watcher = ArchiveWatcher::spawn(|| {});
        watcher.set_folder(Some(dir.path().to_owned()));
        assert_eq!(wait_ready(&watcher).entries.len(), 1);

        issue.masthead.number = Some(12);
        crate::store::save(&dir.path().join("第12期.ron"), &issue).expect("save");
        let archive = wait_ready(&watcher);
        assert_eq!(archive.entries.len(), 2, "the new issue is picked up");
    }
}
