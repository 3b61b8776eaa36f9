//! Hidden measurements of the running window, printed to standard output
//! for the benchmark scripts (`benches/window-latency.sh`).
//!
//! - `--startup-probe`: the time from the process's start to the first
//!   frame, and to the first frame showing the open draft's pages; then
//!   the window closes.
//! - `--latency-probe`: for every new set of pages the preview shows, the
//!   wall-clock time (Unix nanoseconds) at which it was on screen, so a
//!   script that sends a key at a known time can measure key to pixels.
//!   With `JIANBAO_TRACE_FRAMES` set it also prints, to standard error,
//!   when each frame's update starts and ends (`frame-start`, `frame-end`):
//!   the gaps between are the painting, which is where a software renderer
//!   spends its time.
//!
//! "On screen" is the start of the frame after the one that drew the new
//! pages: eframe starts a frame only once the one before is painted and its
//! buffers swapped, so this is when the pixels were presented, or a little
//! later, never earlier.

use std::time::{Instant, SystemTime, UNIX_EPOCH};

/// What the window measures of itself, if anything.
#[derive(Default)]
pub struct Probes {
    /// Set by `--startup-probe`: when the process started.
    startup: Option<Instant>,
    first_frame_seen: bool,
    /// Set by `--latency-probe`.
    latency: bool,
    /// The preview's count of page images when last drawn, and whether
    /// that frame's successor has yet to report it.
    drawn: u64,
    report_next_frame: bool,
}

impl Probes {
    pub fn new(startup: Option<Instant>, latency: bool) -> Self {
        Self {
            startup,
            latency,
            ..Self::default()
        }
    }

    /// At the start of a frame: the report of pages drawn by the frame
    /// before (`shown <images> <unix nanoseconds>`), to print.
    pub fn frame_started(&mut self) -> Option<String> {
        if self.latency && tracing_frames() {
            eprintln!("frame-start {}", unix_ns());
        }
        if !std::mem::take(&mut self.report_next_frame) || !self.latency {
            return None;
        }
        Some(format!("shown {} {}", self.drawn, unix_ns()))
    }

    /// At the end of a frame that drew the preview with `images` page
    /// images taken in so far, with a draft open or not. Returns whether
    /// the window should close (the start-up probe is done: at the first
    /// pages, or at the first frame when no draft is open).
    pub fn frame_ended(&mut self, ctx: &egui::Context, images: u64, draft_open: bool) -> bool {
        // Without a probe nothing is measured, and no frame is asked for.
        if !self.latency && self.startup.is_none() {
            return false;
        }
        if self.latency && tracing_frames() {
            eprintln!("frame-end {} images {images}", unix_ns());
        }
        if let Some(start) = self.startup
            && !self.first_frame_seen
        {
            self.first_frame_seen = true;
            println!("first frame after {:.1} ms", ms(start));
            if !draft_open {
                self.startup = None;
                return true;
            }
        }
        if images != self.drawn {
            self.drawn = images;
            self.report_next_frame = true;
            // The frame that reports it must come even if nothing else moves.
            ctx.request_repaint();
            if let Some(start) = self.startup.take() {
                println!("first pages after {:.1} ms", ms(start));
                return true;
            }
        }
        false
    }
}

fn ms(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1000.0
}

fn tracing_frames() -> bool {
    static TRACING: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *TRACING.get_or_init(|| std::env::var_os("JIANBAO_TRACE_FRAMES").is_some())
}

fn unix_ns() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_page_images_are_reported_once_at_the_next_frame() {
        let ctx = egui::Context::default();
        let mut probes = Probes::new(None, true);
        assert_eq!(probes.frame_started(), None);
        assert!(!probes.frame_ended(&ctx, 0, true), "no pages yet");
        assert_eq!(probes.frame_started(), None);
        assert!(!probes.frame_ended(&ctx, 2, true));
        let line = probes.frame_started().expect("reported");
        let mut words = line.split(' ');
        assert_eq!(words.next(), Some("shown"));
        assert_eq!(words.next(), Some("2"));
        let at: u128 = words.next().and_then(|w| w.parse().ok()).expect("a time");
        assert!(at > 1_700_000_000_000_000_000, "Unix nanoseconds: {at}");
        assert_eq!(probes.frame_started(), None, "once");
        probes.frame_ended(&ctx, 2, true);
        assert_eq!(probes.frame_started(), None, "the same images again");
    }

    #[test]
    fn without_a_probe_new_pages_cost_no_extra_frame() {
        let ctx = egui::Context::default();
        let mut probes = Probes::default();
        // egui's first frames ask for more; run until it is quiet.
        for _ in 0..5 {
            ctx.run_ui(Default::default(), |_| {})
                .textures_delta
                .clear();
        }
        assert!(!ctx.has_requested_repaint(), "quiet before");
        assert!(!probes.frame_ended(&ctx, 3, true));
        assert!(!ctx.has_requested_repaint(), "no frame only to report");
        assert_eq!(probes.frame_started(), None);
    }

    #[test]
    fn the_startup_probe_closes_at_the_first_pages() {
        let ctx = egui::Context::default();
        let mut probes = Probes::new(Some(Instant::now()), false);
        assert!(!probes.frame_ended(&ctx, 0, true), "a draft, no pages yet");
        assert!(probes.frame_ended(&ctx, 1, true), "its first pages");
        let mut without_draft = Probes::new(Some(Instant::now()), false);
        assert!(
            without_draft.frame_ended(&ctx, 0, false),
            "nothing to wait for"
        );
        let mut latency_only = Probes::new(None, true);
        assert!(!latency_only.frame_ended(&ctx, 1, true));
        assert!(latency_only.frame_started().is_some());
    }
}
