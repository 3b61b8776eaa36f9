//! The typesetting worker: a thread that turns issues into preview pages so
//! that no frame ever waits for typst.
//!
//! The UI submits a [`Job`] whenever the issue, the zoom or the visible pages
//! change; the worker always works on the newest job (older ones waiting in
//! the queue are skipped, and page rendering stops as soon as a newer job
//! arrives). It also writes PDFs, with the same fonts and caches.
//!
//! It sends the layout first, then page images: the visible pages first,
//! and only pages whose contents or scale differ from what the UI already
//! shows. On a long issue the visible pages come before the layout, from
//! the issue cut short after them, which is quicker to typeset than the
//! whole. Housekeeping (typst's caches, old documents) waits for a pause.

use std::ops::Range;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender, TryRecvError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use std::path::PathBuf;

use crate::export::{self, ExportError, Target};
use crate::model::{ArticleId, Issue};
use crate::typeset::{
    ArticleMark, Document, FontSet, PageBudget, PageDrawing, TypesetError, Typesetter,
};

/// Which fonts the worker loads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fonts {
    /// Bundled plus installed fonts (the official fonts where present).
    System,
    /// Bundled only: quick to load, the same on every machine (tests).
    Bundled,
}

/// What the UI asks of the worker.
pub enum Request {
    /// Typeset and render preview pages.
    Preview(Job),
    /// Write export files. Never skipped, unlike superseded previews.
    Export {
        issue: Arc<Issue>,
        targets: Vec<Target>,
    },
}

/// A request for preview pages.
#[derive(Clone)]
pub struct Job {
    /// Increases with every change to the issue; identifies the layout.
    pub generation: u64,
    pub issue: Arc<Issue>,
    /// Pixels per PDF point to render at.
    pub scale: f32,
    /// Pages to render, visible ones first.
    pub window: Range<usize>,
    /// What the UI holds for each page: fingerprint and scale.
    pub held: Vec<Option<(u128, f32)>>,
}

/// One page's size and content fingerprint.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PageInfo {
    /// Width and height in points.
    pub size: (f64, f64),
    pub fingerprint: u128,
}

/// What the worker sends back.
pub enum Update {
    /// The fonts are loaded (sent once, first).
    Fonts(Arc<FontSet>),
    /// The issue was typeset: its pages and where articles start.
    Layout {
        generation: u64,
        pages: Vec<PageInfo>,
        marks: Vec<ArticleMark>,
        budget: PageBudget,
    },
    /// One page's image, made for the layout of `generation` (it may come
    /// before that layout does: see [`WorkerState::first_pages`]).
    Page {
        generation: u64,
        index: usize,
        fingerprint: u128,
        scale: f32,
        image: egui::ColorImage,
        /// `None`: the whole page. Otherwise the rows that changed, to
        /// lay over the image the UI holds.
        patch: Option<Patch>,
        /// When it was sent: how long the typesetter took to answer, apart
        /// from when the UI got round to looking (`ui::pacing`).
        sent: Instant,
    },
    /// The issue could not be typeset; the previous pages stay on screen.
    Failed {
        generation: u64,
        error: TypesetError,
    },
    /// An export has written `done` of its `total` targets.
    ExportProgress { done: usize, total: usize },
    /// An export finished: the files written, or why it stopped.
    Exported {
        result: Result<Vec<PathBuf>, ExportError>,
    },
}

/// A page image that covers only the rows an edit changed: it goes over
/// the image of fingerprint `over`, from row `top` down.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Patch {
    pub over: u128,
    pub top: usize,
}

/// Handle to the worker thread; dropping it stops the thread.
pub struct PreviewWorker {
    jobs: Option<Sender<Request>>,
    updates: Receiver<Update>,
    thread: Option<JoinHandle<()>>,
}

impl PreviewWorker {
    /// Starts the thread. Fonts are loaded there, not on the UI thread;
    /// `notify` is called after every update (to request a repaint).
    pub fn spawn(fonts: Fonts, notify: impl Fn() + Send + 'static) -> Self {
        let (jobs, job_rx) = mpsc::channel::<Request>();
        let (update_tx, updates) = mpsc::channel::<Update>();
        let thread = std::thread::Builder::new()
            .name("jianbao-typeset".into())
            .spawn(move || {
                let fonts = Arc::new(match fonts {
                    Fonts::System => FontSet::with_system(),
                    Fonts::Bundled => FontSet::bundled(),
                });
                // The UI checks characters against the same fonts.
                let _ = update_tx.send(Update::Fonts(fonts.clone()));
                notify();
                let mut state = WorkerState::new(fonts);
                state.run(&Ends {
                    requests: &job_rx,
                    updates: &update_tx,
                    notify: &notify,
                });
            })
            .ok();
        Self {
            jobs: Some(jobs),
            updates,
            thread,
        }
    }

    /// Queues a preview job; the worker takes the newest one when free.
    pub fn submit(&self, job: Job) {
        self.send(Request::Preview(job));
    }

    /// Queues an export of `issue` to `targets`; answered by
    /// [`Update::ExportProgress`] and then [`Update::Exported`].
    pub fn export(&self, issue: Arc<Issue>, targets: Vec<Target>) {
        self.send(Request::Export { issue, targets });
    }

    fn send(&self, request: Request) {
        if let Some(jobs) = &self.jobs {
            // A send fails only if the thread has died; the preview then
            // simply stops updating while editing carries on.
            let _ = jobs.send(request);
        }
    }

    /// Updates that have arrived, oldest first. Never blocks.
    pub fn poll(&self) -> Vec<Update> {
        self.updates.try_iter().collect()
    }

    /// Like [`poll`](Self::poll), but when nothing has arrived waits for
    /// the next update until `deadline`.
    pub fn poll_until(&self, deadline: std::time::Instant) -> Vec<Update> {
        let wait = deadline.saturating_duration_since(std::time::Instant::now());
        match self.updates.recv_timeout(wait) {
            Ok(first) => std::iter::once(first)
                .chain(self.updates.try_iter())
                .collect(),
            Err(_) => Vec::new(),
        }
    }

    /// Whether the thread is still alive.
    pub fn is_running(&self) -> bool {
        self.thread.as_ref().is_some_and(|t| !t.is_finished())
    }
}

impl Drop for PreviewWorker {
    fn drop(&mut self) {
        // Closing the queue ends the thread's loop.
        self.jobs = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

struct WorkerState {
    typesetter: Typesetter,
    /// The last document and the generation it was made from: scrolling and
    /// zooming reuse it instead of typesetting again.
    last: Option<(u64, Result<Document, TypesetError>)>,
    /// Documents replaced since the last tidy: dropping a long issue's
    /// pages takes milliseconds, better spent after its successor's pages
    /// are out.
    retired: Vec<Document>,
    /// Jobs done since the caches were last tidied.
    untidy: u32,
    /// The last image sent of each page: what the UI shows once it has
    /// taken in everything sent, so the next edit sends only what changed.
    sent: Vec<Option<Sent>>,
}

/// A page image as sent.
struct Sent {
    fingerprint: u128,
    scale: f32,
    drawing: PageDrawing,
}

/// How long the worker waits for the next request before it tidies its
/// caches: a pause in typing, not a gap between two keystrokes' jobs.
const IDLE: Duration = Duration::from_millis(30);

/// Tidy after this many jobs even without a pause, so that a long burst
/// of typing cannot grow the caches without bound.
const TIDY_EVERY: u32 = 8;

/// The worker's ends of its two channels: requests in, updates out, each
/// update followed by `notify` (which wakes the UI).
struct Ends<'a> {
    requests: &'a Receiver<Request>,
    updates: &'a Sender<Update>,
    notify: &'a dyn Fn(),
}

impl Ends<'_> {
    /// Sends an update and wakes the UI; false when the UI has gone.
    fn send(&self, update: Update) -> bool {
        let sent = self.updates.send(update).is_ok();
        (self.notify)();
        sent
    }

    /// How the job ends if it must end now: a newer request is waiting,
    /// or the UI has gone.
    fn interrupted(&self) -> Option<Step> {
        match self.requests.try_recv() {
            Ok(newer) => Some(Step::Preempted(newer)),
            Err(TryRecvError::Disconnected) => Some(Step::Closed),
            Err(TryRecvError::Empty) => None,
        }
    }
}

impl WorkerState {
    fn new(fonts: Arc<FontSet>) -> Self {
        Self {
            typesetter: Typesetter::new(fonts),
            last: None,
            retired: Vec::new(),
            untidy: 0,
            sent: Vec::new(),
        }
    }

    fn run(&mut self, ends: &Ends<'_>) {
        let requests = ends.requests;
        let mut pending: Option<Request> = None;
        loop {
            let request = match pending.take() {
                Some(request) => request,
                None if self.untidy > 0 => match requests.recv_timeout(IDLE) {
                    Ok(request) => request,
                    Err(RecvTimeoutError::Timeout) => {
                        self.tidy();
                        continue;
                    }
                    Err(RecvTimeoutError::Disconnected) => return,
                },
                None => match requests.recv() {
                    Ok(request) => request,
                    Err(_) => return,
                },
            };
            let mut job = match request {
                Request::Export { issue, targets } => {
                    if !self.export(&issue, &targets, ends) {
                        return;
                    }
                    continue;
                }
                Request::Preview(job) => job,
            };
            // Skip to the newest preview; exports in between are done now.
            while let Ok(request) = requests.try_recv() {
                match request {
                    Request::Preview(newer) => job = newer,
                    Request::Export { issue, targets } => {
                        if !self.export(&issue, &targets, ends) {
                            return;
                        }
                    }
                }
            }
            match self.work(&mut job, ends) {
                Step::Done => {}
                Step::Closed => return,
                Step::Preempted(Request::Preview(newer)) => pending = Some(Request::Preview(newer)),
                Step::Preempted(Request::Export { issue, targets }) => {
                    if !self.export(&issue, &targets, ends) {
                        return;
                    }
                    // Then finish the pages this job still owes.
                    pending = Some(Request::Preview(job));
                }
            }
        }
    }

    /// Writes export files, reporting progress; false when the UI has gone.
    fn export(&mut self, issue: &Issue, targets: &[Target], ends: &Ends<'_>) -> bool {
        let mut progress = |done, total| {
            ends.send(Update::ExportProgress { done, total });
        };
        let result = export::run(&mut self.typesetter, issue, targets, &mut progress);
        ends.send(Update::Exported { result })
    }

    /// Drops retired documents and typst's unused cache entries.
    fn tidy(&mut self) {
        self.retired.clear();
        self.typesetter.forget_unused();
        self.untidy = 0;
    }

    fn work(&mut self, job: &mut Job, ends: &Ends<'_>) -> Step {
        let fresh = !matches!(&self.last, Some((g, _)) if *g == job.generation);
        let early = if fresh {
            self.first_pages(job, ends)
        } else {
            None
        };
        let step = match early {
            Some(step) => step,
            None => {
                if fresh {
                    let result = self.typesetter.compile(&job.issue);
                    if let Some((_, Ok(old))) = self.last.replace((job.generation, result)) {
                        self.retired.push(old);
                    }
                }
                self.pages(fresh, job, ends)
            }
        };
        // Counted however the job ended: a burst of typing on a long issue
        // ends every job early, and must still be tidied after.
        self.untidy += 1;
        if self.untidy >= TIDY_EVERY {
            self.tidy();
        }
        step
    }

    /// Sends the layout of the last document (when `fresh`) and the images
    /// of the job's pages that the UI does not hold yet.
    fn pages(&mut self, fresh: bool, job: &mut Job, ends: &Ends<'_>) -> Step {
        let Some((_, result)) = &self.last else {
            return Step::Done;
        };
        let document = match result {
            Ok(document) => document,
            Err(error) => {
                if fresh {
                    let failed = Update::Failed {
                        generation: job.generation,
                        error: error.clone(),
                    };
                    if !ends.send(failed) {
                        return Step::Closed;
                    }
                }
                return Step::Done;
            }
        };
        // Every page's fingerprint only for a new layout: a scroll or a
        // zoom needs only the pages it draws.
        let laid_out: Option<Vec<PageInfo>> = fresh.then(|| {
            (0..document.page_count())
                .map(|i| PageInfo {
                    size: document.page_size(i).unwrap_or((595.0, 842.0)),
                    fingerprint: document.page_fingerprint(i).unwrap_or_default(),
                })
                .collect()
        });
        if let Some(pages) = &laid_out {
            let layout = Update::Layout {
                generation: job.generation,
                pages: pages.clone(),
                marks: document.article_marks().to_vec(),
                budget: document.budget(job.issue.style.line_pitch),
            };
            if !ends.send(layout) {
                return Step::Closed;
            }
        }
        for index in job.window.clone().filter(|&i| i < document.page_count()) {
            let fingerprint = match &laid_out {
                Some(pages) => pages[index].fingerprint,
                None => document.page_fingerprint(index).unwrap_or_default(),
            };
            if let Err(step) = send_page(document, index, fingerprint, job, &mut self.sent, ends) {
                return step;
            }
        }
        Step::Done
    }

    /// On a long issue, the pages in view come first from the issue cut
    /// short just after them ([`Typesetter::compile_prefix`]), which takes
    /// a fraction of typesetting the whole. The cut is placed by the last
    /// layout; if the edit moved text so far that the pages in view are no
    /// longer before the cut's page, nothing is sent and the whole issue is
    /// typeset as usual.
    ///
    /// Returns how the job ends when it ends here: the UI has gone, or a
    /// newer request came (typing on: the whole issue is typeset once the
    /// typing pauses).
    fn first_pages(&mut self, job: &mut Job, ends: &Ends<'_>) -> Option<Step> {
        let Some((_, Ok(last))) = &self.last else {
            return None;
        };
        let known = last.page_count();
        let window = job.window.start..job.window.end.min(known);
        let through = cut_after(last.article_marks(), window.end)?;
        let Ok(prefix) = self.typesetter.compile_prefix(&job.issue, through)? else {
            return None;
        };
        // Its last page is where the cut is; every page before it is exact.
        if window.end >= prefix.page_count() {
            return None;
        }
        for index in window {
            let fingerprint = prefix.page_fingerprint(index).unwrap_or_default();
            if let Err(step) = send_page(&prefix, index, fingerprint, job, &mut self.sent, ends) {
                return Some(step);
            }
        }
        self.retired.push(prefix);
        ends.interrupted()
    }
}

/// Where to cut an issue so that pages `..end` of its last layout come
/// out whole: after the first article that starts on page `end` or later
/// (`marks` in reading order). `None` when that is the last article, since
/// cutting there would save nothing.
fn cut_after(marks: &[ArticleMark], end: usize) -> Option<ArticleId> {
    let position = marks.iter().position(|m| m.page >= end)?;
    (position + 1 < marks.len()).then(|| marks[position].id)
}

/// Renders page `index` of `document` (whose fingerprint is given) and
/// sends it, unless the UI holds it already: only the rows that changed
/// when the UI has the page's last image (`sent`). Stops early (with the
/// step to take) when a newer request is waiting or the UI has gone.
fn send_page(
    document: &Document,
    index: usize,
    fingerprint: u128,
    job: &mut Job,
    sent: &mut Vec<Option<Sent>>,
    ends: &Ends<'_>,
) -> Result<(), Step> {
    if let Some(step) = ends.interrupted() {
        return Err(step);
    }
    let Some(drawing) = document.page_drawing(index) else {
        return Ok(());
    };
    if sent.len() <= index {
        sent.resize_with(index + 1, || None);
    }
    let held = job.held.get(index).copied().flatten();
    if held == Some((fingerprint, job.scale)) {
        sent[index] = Some(Sent {
            fingerprint,
            scale: job.scale,
            drawing,
        });
        return Ok(());
    }
    let Ok([_, height]) = document.page_pixels(index, job.scale) else {
        return Ok(());
    };
    // A patch needs the UI to have had an image of the page when it asked
    // (one cleared since then gets the page whole), and the image sent
    // last at this scale to draw over.
    let changed = sent[index]
        .as_ref()
        .filter(|last| held.is_some() && last.scale == job.scale)
        .and_then(|last| {
            let rows = document
                .rows_changed(index, &last.drawing, job.scale)
                .ok()?;
            // Most of the page changed: as quick to send it whole.
            (rows.len() * 3 < height * 2).then_some((last.fingerprint, rows))
        });
    let (patch, rows) = match changed {
        // Nothing drawn differs: one row still carries the new fingerprint.
        Some((over, rows)) => {
            let top = rows.start.min(height - 1);
            (Some(Patch { over, top }), top..rows.end.max(top + 1))
        }
        None => (None, 0..height),
    };
    let Ok(image) = page_image(document, index, job.scale, rows) else {
        return Ok(());
    };
    let page = Update::Page {
        generation: job.generation,
        index,
        fingerprint,
        scale: job.scale,
        image,
        patch,
        sent: Instant::now(),
    };
    if !ends.send(page) {
        return Err(Step::Closed);
    }
    sent[index] = Some(Sent {
        fingerprint,
        scale: job.scale,
        drawing,
    });
    // Remember it was sent, in case this job is resumed.
    if job.held.len() <= index {
        job.held.resize(index + 1, None);
    }
    job.held[index] = Some((fingerprint, job.scale));
    Ok(())
}

fn render_threads() -> usize {
    // Asked once: on Linux the answer reads the process's cgroup files.
    static THREADS: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *THREADS.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get().min(4)))
}

/// Rows `rows` of page `index` drawn at `scale`, as egui takes them: drawn
/// in strips on every core (up to four), each straight into the image's
/// pixels. The pixels start as zeroed memory from the system, so no core
/// spends time clearing them first.
pub fn page_image(
    document: &Document,
    index: usize,
    scale: f32,
    rows: Range<usize>,
) -> Result<egui::ColorImage, TypesetError> {
    let [width, _] = document.page_pixels(index, scale)?;
    let mut pixels: Vec<egui::Color32> = bytemuck::zeroed_vec(width * rows.len());
    let bytes = bytemuck::cast_slice_mut(&mut pixels);
    document.render_rows_into(index, scale, rows.clone(), render_threads(), bytes)?;
    Ok(egui::ColorImage::new([width, rows.len()], pixels))
}

enum Step {
    Done,
    Preempted(Request),
    Closed,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(generation: u64, issue: Issue, held: Vec<Option<(u128, f32)>>) -> Job {
        Job {
            generation,
            issue: Arc::new(issue),
            scale: 0.5,
            window: 0..2,
            held,
        }
    }

    /// Collects updates until `done` says so, or fails after a while.
    fn collect(worker: &PreviewWorker, done: impl Fn(&[Update]) -> bool) -> Vec<Update> {
        let start = Instant::now();
        let mut all = Vec::new();
        while !done(&all) {
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "the worker did not answer"
            );
            all.extend(
                worker
                    .poll()
                    .into_iter()
                    .filter(|u| !matches!(u, Update::Fonts(_))),
            );
            std::thread::sleep(Duration::from_millis(5));
        }
        all
    }

    #[test]
    fn a_page_image_is_the_rendered_page() {
        let worker = PreviewWorker::spawn(Fonts::Bundled, || {});
        worker.submit(job(1, crate::sample::issue(), vec![]));
        let updates = collect(&worker, |u| {
            u.iter().any(|u| matches!(u, Update::Page { index: 0, .. }))
        });
        let Some(Update::Page { image, .. }) = updates
            .into_iter()
            .find(|u| matches!(u, Update::Page { index: 0, .. }))
        else {
            panic!("page 1 arrived");
        };
        let mut typesetter = Typesetter::new(Arc::new(FontSet::bundled()));
        let document = typesetter
            .compile(&crate::sample::issue())
            .expect("the sample typesets");
        let pixmap = document.render_page(0, 0.5).expect("renders");
        let size = [pixmap.width() as usize, pixmap.height() as usize];
        let expected = egui::ColorImage::from_rgba_premultiplied(size, pixmap.data());
        assert_eq!(image.size, expected.size);
        // Drawn in strips on each core: the same to within a level of
        // anti-aliasing at a seam (`typeset`'s strip test).
        let worst = image
            .pixels
            .iter()
            .zip(&expected.pixels)
            .flat_map(|(a, b)| (0..4).map(move |c| a[c].abs_diff(b[c])))
            .max();
        assert!(worst <= Some(1), "the same pixels, off by {worst:?}");
        assert!(
            image.pixels.iter().any(|p| p.r() > 200 && p.g() < 80),
            "the red masthead"
        );
    }

    #[test]
    fn pages_arrive_and_unchanged_pages_are_not_sent_again() {
        let worker = PreviewWorker::spawn(Fonts::Bundled, || {});
        worker.submit(job(1, crate::sample::issue(), vec![]));
        let first = collect(&worker, |u| {
            u.iter()
                .filter(|u| matches!(u, Update::Page { .. }))
                .count()
                == 2
        });
        let Some(Update::Layout { pages, marks, .. }) = first.first() else {
            panic!("the layout comes first");
        };
        assert!(pages.len() >= 2);
        assert_eq!(marks.len(), 3);
        let held: Vec<Option<(u128, f32)>> =
            pages.iter().map(|p| Some((p.fingerprint, 0.5))).collect();

        // Change only the footer: page 1 is unchanged and is not re-rendered.
        let mut issue = crate::sample::issue();
        issue.footer.editor = "王五".into();
        let mut last = job(2, issue, held);
        last.window = 0..pages.len();
        worker.submit(last);
        let second = collect(&worker, |u| {
            u.iter()
                .any(|u| matches!(u, Update::Page { index, .. } if *index == pages.len() - 1))
        });
        assert!(
            !second
                .iter()
                .any(|u| matches!(u, Update::Page { index: 0, .. }))
        );
    }

    /// The page images of `updates`, by page, the last of each.
    fn images(updates: Vec<Update>) -> Vec<(usize, u128, egui::ColorImage, Option<Patch>)> {
        updates
            .into_iter()
            .filter_map(|u| match u {
                Update::Page {
                    index,
                    fingerprint,
                    image,
                    patch,
                    ..
                } => Some((index, fingerprint, image, patch)),
                _ => None,
            })
            .collect()
    }

    /// An edit sends, for a page the UI holds, only the rows it changed;
    /// laid over the image held, they make the new page. A page the UI no
    /// longer holds comes whole.
    #[test]
    fn an_edit_sends_only_the_rows_it_changed() {
        let worker = PreviewWorker::spawn(Fonts::Bundled, || {});
        let mut issue = crate::sample::issue();
        worker.submit(job(1, issue.clone(), vec![]));
        let first = images(collect(&worker, |u| {
            u.iter()
                .filter(|u| matches!(u, Update::Page { .. }))
                .count()
                == 2
        }));
        let (_, held_print, mut held_image, patch) = first[0].clone();
        assert_eq!(patch, None, "the first image of a page is whole");
        let held = vec![Some((held_print, 0.5)), Some((first[1].1, 0.5))];

        issue.sections[0].articles[0].lead.insert(0, '喆');
        worker.submit(job(2, issue.clone(), held));
        let second = images(collect(&worker, |u| {
            u.iter().any(|u| matches!(u, Update::Page { index: 0, .. }))
        }));
        let (_, new_print, rows, patch) = second[0].clone();
        let Some(Patch { over, top }) = patch else {
            panic!("rows, not the whole page");
        };
        assert_eq!(over, held_print);
        assert_ne!(new_print, held_print);
        let [width, height] = held_image.size;
        assert_eq!(rows.size[0], width);
        assert!(
            rows.size[1] < height / 2,
            "{} of {height} rows",
            rows.size[1]
        );
        let start = top * width;
        held_image.pixels[start..start + rows.pixels.len()].copy_from_slice(&rows.pixels);
        let document = Typesetter::new(Arc::new(FontSet::bundled()))
            .compile(&issue)
            .expect("typesets");
        let whole = document.render_page(0, 0.5).expect("renders");
        let worst = bytemuck::cast_slice::<egui::Color32, u8>(&held_image.pixels)
            .iter()
            .zip(whole.data())
            .map(|(a, b)| a.abs_diff(*b))
            .max();
        assert!(worst <= Some(1), "the new page, off by {worst:?}");

        // The UI cleared its pages (another issue, say): whole pages.
        issue.sections[0].articles[0].lead.insert(0, '堃');
        worker.submit(job(3, issue, vec![]));
        let third = images(collect(&worker, |u| {
            u.iter().any(|u| matches!(u, Update::Page { index: 0, .. }))
        }));
        assert_eq!(third[0].3, None);
        assert_eq!(third[0].2.size, [width, height]);
    }

    #[test]
    fn the_cut_falls_after_the_first_article_starting_past_the_window() {
        let mark = |id, page| ArticleMark {
            id: ArticleId(id),
            page,
            y: 100.0,
        };
        let marks = [mark(1, 0), mark(2, 1), mark(3, 1), mark(4, 3), mark(5, 5)];
        assert_eq!(cut_after(&marks, 2), Some(ArticleId(4)));
        assert_eq!(cut_after(&marks, 1), Some(ArticleId(2)));
        assert_eq!(cut_after(&marks, 4), None, "the last article: no saving");
        assert_eq!(cut_after(&marks, 9), None);
        assert_eq!(cut_after(&[], 1), None);
    }

    /// On a long issue an edit's visible pages come before its layout, made
    /// from the issue cut short, and they are the pages of that layout: the
    /// layout's fingerprints match them and they are not sent again.
    #[test]
    fn a_long_issue_sends_the_pages_in_view_before_its_layout() {
        let worker = PreviewWorker::spawn(Fonts::Bundled, || {});
        let mut issue = crate::sample::large(12);
        worker.submit(job(1, issue.clone(), vec![]));
        collect(&worker, |u| {
            u.iter()
                .filter(|u| matches!(u, Update::Page { .. }))
                .count()
                == 2
        });
        issue.sections[0].articles[0].lead.push('字');
        worker.submit(job(2, issue, vec![]));
        let updates = collect(&worker, |u| {
            u.iter()
                .any(|u| matches!(u, Update::Layout { generation: 2, .. }))
        });
        let pages: Vec<(usize, u128, u64)> = updates
            .iter()
            .filter_map(|u| match u {
                Update::Page {
                    generation,
                    index,
                    fingerprint,
                    ..
                } => Some((*index, *fingerprint, *generation)),
                _ => None,
            })
            .collect();
        assert_eq!(
            pages.iter().map(|p| (p.0, p.2)).collect::<Vec<_>>(),
            vec![(0, 2), (1, 2)],
            "pages 1 and 2, before the layout, once each"
        );
        let Some(Update::Layout { pages: laid, .. }) = updates.last() else {
            panic!("the layout comes last");
        };
        assert!(laid.len() > 20);
        for (index, fingerprint, _) in pages {
            assert_eq!(laid[index].fingerprint, fingerprint, "page {}", index + 1);
        }
        // Nothing more for this job.
        std::thread::sleep(Duration::from_millis(300));
        assert!(
            worker
                .poll()
                .iter()
                .all(|u| !matches!(u, Update::Page { .. }))
        );
    }

    /// Typing on without a pause ends every job early (a newer one is
    /// waiting); the housekeeping still comes every few jobs.
    #[test]
    fn a_burst_of_typing_is_tidied_as_it_goes() {
        let (requests, waiting) = mpsc::channel();
        let (updates, _received) = mpsc::channel();
        let mut state = WorkerState::new(Arc::new(FontSet::bundled()));
        let ends = Ends {
            requests: &waiting,
            updates: &updates,
            notify: &|| {},
        };
        let mut issue = crate::sample::large(12);
        let step = state.work(&mut job(1, issue.clone(), vec![]), &ends);
        assert!(matches!(step, Step::Done));
        for k in 1..=2 * TIDY_EVERY {
            issue.sections[0].articles[0].lead.push('字');
            let generation = u64::from(k) + 1;
            let newer = job(generation + 1, issue.clone(), vec![]);
            let _ = requests.send(Request::Preview(newer));
            let step = state.work(&mut job(generation, issue.clone(), vec![]), &ends);
            assert!(matches!(step, Step::Preempted(_)), "ended early");
            assert_eq!(state.untidy, (1 + k) % TIDY_EVERY, "after {k} jobs");
            assert!(state.retired.len() < TIDY_EVERY as usize);
        }
    }

    #[test]
    fn exports_are_written_even_between_previews() {
        let worker = PreviewWorker::spawn(Fonts::Bundled, || {});
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("第11期.pdf");
        worker.submit(job(1, crate::sample::issue(), vec![]));
        worker.export(
            Arc::new(crate::sample::issue()),
            vec![Target::pdf(path.clone())],
        );
        worker.submit(job(2, crate::sample::issue(), vec![]));
        let updates = collect(&worker, |u| {
            u.iter().any(|u| matches!(u, Update::Exported { .. }))
        });
        let Some(Update::Exported { result }) = updates
            .iter()
            .find(|u| matches!(u, Update::Exported { .. }))
        else {
            unreachable!()
        };
        assert_eq!(result.as_ref().ok(), Some(&vec![path.clone()]));
        assert!(
            updates
                .iter()
                .any(|u| matches!(u, Update::ExportProgress { done: 1, total: 1 }))
        );
        assert!(std::fs::read(&path).expect("written").starts_with(b"%PDF"));
    }

    #[test]
    fn a_typesetting_error_is_reported_not_fatal() {
        let worker = PreviewWorker::spawn(Fonts::Bundled, || {});
        let mut broken = crate::sample::issue();
        broken.style.line_pitch = f64::NAN;
        worker.submit(job(1, broken, vec![]));
        let updates = collect(&worker, |u| !u.is_empty());
        assert!(matches!(updates[0], Update::Failed { generation: 1, .. }));
        worker.submit(job(2, crate::sample::issue(), vec![]));
        collect(&worker, |u| {
            u.iter()
                .any(|u| matches!(u, Update::Layout { generation: 2, .. }))
        });
        assert!(worker.is_running());
    }
}
