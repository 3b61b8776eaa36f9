//! A yearly volume made from the archive window: read and typeset on its
//! own thread (fifty issues take a few seconds), with progress.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};

use crate::i18n::{Lang, Wording};
use crate::store;
use crate::typeset::FontSet;

/// How far the volume has come.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    /// Issues read of all.
    Reading { done: usize, total: usize },
    /// All read; being typeset and written.
    Typesetting,
}

/// What the thread reports.
enum Update {
    Progress(Progress),
    /// The issues bound and the file written, or the message why not.
    Done(Result<(usize, PathBuf), String>),
}

/// What to bind.
pub struct Order {
    /// The issues' files, in volume order.
    pub files: Vec<PathBuf>,
    pub title: String,
    pub subtitle: String,
    pub output: PathBuf,
    pub fonts: Arc<FontSet>,
    /// The language of the error message, if there is one.
    pub lang: Lang,
}

/// A volume being made.
pub struct VolumeJob {
    updates: Receiver<Update>,
    progress: Progress,
}

impl VolumeJob {
    /// Starts the thread; `notify` wakes the window on news.
    pub fn start(order: Order, notify: impl Fn() + Send + 'static) -> std::io::Result<VolumeJob> {
        let (send, updates) = mpsc::channel();
        let total = order.files.len();
        std::thread::Builder::new()
            .name("jianbao-volume".into())
            .spawn(move || {
                let tell = |update| {
                    let _ = send.send(update);
                    notify();
                };
                let mut issues = Vec::with_capacity(total);
                for (done, file) in order.files.iter().enumerate() {
                    match store::load(file) {
                        Ok(issue) => issues.push(issue),
                        Err(error) => return tell(Update::Done(Err(error.message(order.lang)))),
                    }
                    tell(Update::Progress(Progress::Reading {
                        done: done + 1,
                        total,
                    }));
                }
                tell(Update::Progress(Progress::Typesetting));
                let result = crate::typeset::compile_volume(
                    order.fonts,
                    &issues,
                    &order.title,
                    &order.subtitle,
                )
                .map_err(|e| e.message(order.lang))
                .and_then(|doc| {
                    crate::export::pdf(&doc, &order.output).map_err(|e| e.message(order.lang))
                })
                .map(|()| (issues.len(), order.output.clone()));
                tell(Update::Done(result));
            })?;
        Ok(VolumeJob {
            updates,
            progress: Progress::Reading { done: 0, total },
        })
    }

    pub fn progress(&self) -> Progress {
        self.progress
    }

    /// The outcome once the thread is done (then the job is over).
    pub fn poll(&mut self) -> Option<Result<(usize, PathBuf), String>> {
        loop {
            match self.updates.try_recv() {
                Ok(Update::Progress(progress)) => self.progress = progress,
                Ok(Update::Done(result)) => return Some(result),
                Err(TryRecvError::Empty) => return None,
                Err(TryRecvError::Disconnected) => {
                    return Some(Err("the volume's thread stopped".into()));
                }
            }
        }
    }
}
