//! The editor's responsiveness:
//! - edit → new preview texture: a one-character edit sent to the worker
//!   until the changed visible page is back as a texture (sample issue and a
//!   40-article issue of 80+ pages), each edit after the last one's job is
//!   done (typing without a pause, so the worker's housekeeping, every
//!   eighth job, is in the figure). Like the preview, it says which page
//!   images it holds, so an edit draws only the rows it changed;
//! - UI-thread frame time while typing into a 3,000-character article
//!   (one egui pass with AccessKit on, plus tessellation).
//!
//! `cargo bench --bench editor`

use std::collections::HashSet;
use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use egui::{Key, TextureOptions};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use jianbao::app::files::NO_DIALOGS;
use jianbao::app::worker::{Fonts, Job, PreviewWorker, Update};
use jianbao::model::{Issue, Paragraph};
use jianbao::ui::{Command, JianbaoApp, Options};

/// Page textures as the preview holds them (with the fingerprint and
/// scale of each), which pages have arrived since the last edit, and the
/// newest layout.
#[derive(Default)]
struct Pages {
    textures: Vec<Option<egui::TextureHandle>>,
    held: Vec<Option<(u128, f32)>>,
    arrived: HashSet<usize>,
    laid_out: u64,
    /// The newest layout's page fingerprints.
    layout: Vec<u128>,
}

impl Pages {
    /// Waits until page `index` has arrived, uploading every page image.
    fn wait(&mut self, worker: &PreviewWorker, ctx: &egui::Context, index: usize) {
        self.wait_for(worker, ctx, |pages| pages.arrived.contains(&index));
    }

    /// Waits until the job of `generation` is done: its layout is in and
    /// the images held of pages `..window_end` are its pages.
    fn wait_done(
        &mut self,
        worker: &PreviewWorker,
        ctx: &egui::Context,
        generation: u64,
        window_end: usize,
    ) {
        self.wait_for(worker, ctx, |pages| {
            pages.laid_out == generation
                && (0..window_end).all(|i| {
                    let held = pages.held.get(i).copied().flatten();
                    held.map(|(print, _)| print) == pages.layout.get(i).copied()
                })
        });
    }

    fn wait_for(
        &mut self,
        worker: &PreviewWorker,
        ctx: &egui::Context,
        done: impl Fn(&Self) -> bool,
    ) {
        let deadline = Instant::now() + Duration::from_secs(30);
        while !done(self) {
            for update in worker.poll() {
                match update {
                    Update::Failed { error, .. } => panic!("typesetting failed: {error:?}"),
                    Update::Layout {
                        generation, pages, ..
                    } => {
                        self.laid_out = generation;
                        self.layout = pages.iter().map(|p| p.fingerprint).collect();
                    }
                    Update::Page {
                        index: i,
                        image,
                        patch,
                        fingerprint,
                        scale,
                        ..
                    } => {
                        if self.textures.len() <= i {
                            self.textures.resize(i + 1, None);
                            self.held.resize(i + 1, None);
                        }
                        match (&mut self.textures[i], patch) {
                            (Some(t), Some(patch)) => {
                                assert_eq!(self.held[i], Some((patch.over, scale)));
                                t.set_partial([0, patch.top], image, TextureOptions::LINEAR);
                            }
                            (_, Some(_)) => panic!("rows for a page not held"),
                            (Some(t), None) => t.set(image, TextureOptions::LINEAR),
                            (slot @ None, None) => {
                                *slot =
                                    Some(ctx.load_texture("page", image, TextureOptions::LINEAR))
                            }
                        }
                        self.held[i] = Some((fingerprint, scale));
                        self.arrived.insert(i);
                    }
                    _ => {}
                }
            }
            assert!(Instant::now() < deadline, "the pages never arrived");
            std::thread::sleep(Duration::from_micros(50));
        }
    }
}

fn edit_to_texture(c: &mut Criterion) {
    let mut group = c.benchmark_group("edit to new preview texture");
    for (name, issue) in [
        ("sample", jianbao::sample::issue()),
        ("sample with six photos", with_six_photos()),
        ("large", jianbao::sample::large(40)),
    ] {
        let ctx = egui::Context::default();
        let worker = PreviewWorker::spawn(Fonts::Bundled, || {});
        let mut pages = Pages::default();
        let mut generation = 0;
        let mut issue = issue;
        // The editor shows page 1 and renders its neighbour too.
        let mut submit = |issue: &Issue, held: Vec<Option<(u128, f32)>>| {
            generation += 1;
            worker.submit(Job {
                generation,
                issue: Arc::new(issue.clone()),
                scale: 1.5,
                window: 0..2,
                held,
            });
            generation
        };
        let first = submit(&issue, Vec::new());
        pages.wait_done(&worker, &ctx, first, 2);
        let mut n = 0u32;
        group.bench_function(name, |b| {
            b.iter_custom(|iterations| {
                let mut total = Duration::ZERO;
                for _ in 0..iterations {
                    n = (n + 1) % 20_000;
                    let lead = &mut issue.sections[0].articles[0].lead;
                    lead.pop();
                    lead.push(char::from_u32(0x4E00 + n).unwrap_or('字'));
                    pages.arrived.clear();
                    let start = Instant::now();
                    let generation = submit(&issue, pages.held.clone());
                    pages.wait(&worker, &ctx, 0);
                    total += start.elapsed();
                    // Let the job finish (the neighbour page, and on a
                    // long issue the whole layout) before the next edit.
                    pages.wait_done(&worker, &ctx, generation, 2);
                }
                total
            })
        });
    }
    group.finish();
}

/// The sample with six 12-megapixel camera photos inserted as the editor
/// inserts them (`import::photo::prepare`), two in each article.
fn with_six_photos() -> Issue {
    let camera = jianbao::sample::camera_jpeg(4000, 3000);
    let mut issue = jianbao::sample::issue();
    for article in &mut issue.sections[0].articles {
        for n in 0..2 {
            let image = jianbao::import::photo::prepare(&camera).expect("prepares");
            article.figures.push(jianbao::model::Placed {
                after: n,
                figure: jianbao::model::Figure::Photo(jianbao::model::Photo {
                    image,
                    caption: "志愿者在街巷开展文明引导".into(),
                    width: jianbao::model::PhotoWidth::Half,
                }),
            });
        }
    }
    issue
}

/// Resident memory of this process, in megabytes (Linux).
fn resident_mb() -> f64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: f64 = statm
        .split_whitespace()
        .nth(1)
        .and_then(|p| p.parse().ok())
        .unwrap_or(0.0);
    pages * 4096.0 / 1e6
}

/// A draft with six photos: what a 12-megapixel photo costs to insert,
/// the draft's size, a save, and memory after 500 undoable edits (printed
/// once, not timed).
fn photos(c: &mut Criterion) {
    let camera = jianbao::sample::camera_jpeg(4000, 3000);
    let issue = with_six_photos();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("六张照片.ron");
    jianbao::store::save(&path, &issue).expect("saves");
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    eprintln!(
        "draft with six photos: {:.2} MB (camera JPEG {:.2} MB each)",
        size as f64 / 1e6,
        camera.len() as f64 / 1e6
    );
    let before = resident_mb();
    let mut session = jianbao::app::Session::unsaved(issue.clone());
    for n in 0..500u32 {
        let lead = &mut session.issue.sections[0].articles[0].lead;
        lead.push(char::from_u32(0x4E00 + n).unwrap_or('字'));
        session.checkpoint();
    }
    eprintln!(
        "resident memory: {:.0} MB before, {:.0} MB after 500 undoable edits",
        before,
        resident_mb()
    );
    black_box(&session);
    let mut group = c.benchmark_group("photos");
    group.bench_function("prepare a 12-megapixel camera photo", |b| {
        b.iter(|| black_box(jianbao::import::photo::prepare(&camera).expect("prepares")))
    });
    group.bench_function("write the sample with six photos as RON text", |b| {
        b.iter(|| black_box(jianbao::store::to_ron(&issue).expect("serializes")))
    });
    let text = jianbao::store::to_ron(&issue).expect("serializes");
    group.bench_function("read the sample with six photos", |b| {
        b.iter(|| black_box(jianbao::store::from_ron(&text, &path).expect("reads")))
    });
    group.bench_function("save the sample with six photos", |b| {
        b.iter(|| jianbao::store::save(&path, &issue).expect("saves"))
    });
    group.finish();
}

fn typing_frame_time(c: &mut Criterion) {
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_eframe(|cc| JianbaoApp::new(&cc.egui_ctx, Options::detached(Box::new(NO_DIALOGS))));
    harness.run_steps(1);
    let ctx = harness.ctx.clone();
    harness.state_mut().command(&ctx, Command::OpenSample);
    harness.run_steps(1);
    // One article of 3,000 characters: the sample's text repeated.
    let session = harness.state_mut().session_mut().expect("open");
    let article = &mut session.issue.sections[0].articles[0];
    let text: String = article.body_text().chars().cycle().take(3000).collect();
    article.body = vec![Paragraph::plain(text)];
    assert_eq!(article.body[0].text().chars().count(), 3000);
    let label = format!("{} · {} 字", article.unit, article.char_count());
    harness.run_steps(2);
    harness.get_by_label(&label).click();
    harness.run_steps(2);
    harness.get_by_label("正文").focus();
    harness.run_steps(2);
    harness.key_press(Key::End);
    harness.run_steps(1);
    // Typing reaches the article: a check, so the benchmark measures real edits.
    harness.event(egui::Event::Text("字".into()));
    harness.run_steps(1);
    let count = |h: &Harness<'_, JianbaoApp>| {
        h.state().session().map_or(0, |s| {
            s.issue.sections[0].articles[0].body[0]
                .text()
                .chars()
                .count()
        })
    };
    assert_eq!(count(&harness), 3001);
    harness.key_press(Key::Backspace);
    harness.run_steps(1);
    assert_eq!(count(&harness), 3000);

    // Type a character, then delete it, so the article stays at 3,000.
    let mut typing = true;
    c.bench_function("UI frame while typing into a 3000-character article", |b| {
        b.iter(|| {
            if typing {
                harness.event(egui::Event::Text("字".into()));
            } else {
                harness.key_press(Key::Backspace);
            }
            typing = !typing;
            harness.step();
            let output = harness.output();
            let shapes = output.shapes.clone();
            black_box(ctx.tessellate(shapes, output.pixels_per_point))
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(Duration::from_secs(8));
    targets = edit_to_texture, photos, typing_frame_time
}
criterion_main!(benches);
