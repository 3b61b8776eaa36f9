//! A yearly volume made from the archive window: read and typeset on its
//! own thread (fifty issues take a few seconds), with progress.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};

use crate::i18n::{Lang, Wording, messages};
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
                let result = bind(&order, &mut |progress| tell(Update::Progress(progress)));
                tell(Update::Done(
                    result.map(|count| (count, order.output.clone())),
                ));
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

/// Reads the order's issues, typesets the volume and writes it: the number
/// of issues bound, or the message why not (naming the file). The command
/// line and the archive window's thread both bind this way.
pub fn bind(order: &Order, progress: &mut dyn FnMut(Progress)) -> Result<usize, String> {
    let lang = order.lang;
    let total = order.files.len();
    let mut issues = Vec::with_capacity(total);
    for (done, file) in order.files.iter().enumerate() {
        issues.push(store::load(file).map_err(|e| e.message(lang))?);
        progress(Progress::Reading {
            done: done + 1,
            total,
        });
    }
    progress(Progress::Typesetting);
    let in_output = |message: String| messages::with_file(&order.output, &message, lang);
    let doc =
        crate::typeset::compile_volume(order.fonts.clone(), &issues, &order.title, &order.subtitle)
            .map_err(|e| in_output(e.message(lang)))?;
    crate::export::pdf(&doc, &order.output).map_err(|e| in_output(e.message(lang)))?;
    Ok(issues.len())
}
