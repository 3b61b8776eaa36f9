//! Paints an edit and the preview page it changes in one frame, when the
//! page is expected soon.
//!
//! A keystroke used to reach the preview in two frames: the one that took
//! the key (the field shows it, the issue goes to the typesetter) and the
//! one after the page came back. On a software renderer (Mesa's llvmpipe,
//! common on office virtual machines) a frame of this window costs some
//! 30–40 ms of painting, so the page showed 80 ms or more after the key.
//! After an edit the frame now waits for the typesetter's answer (layout
//! and the visible pages' images), up to a budget, and then paints once.
//!
//! The wait is only made when recent edits were answered within the
//! budget: on a long issue whose pages take longer, waiting would only
//! delay the field. What the estimate follows is the time from an edit to
//! the typesetter's answer (the images of the pages in view, as sent),
//! measured on every edit whether waited for or not; not to the frame that
//! first saw them, which after a frame that did not wait includes a paint
//! longer than the budget, so one slow edit would stop the waiting for good.
//!
//! Known limit: the layout of the frame that waits is the old one; a
//! change in the number of pages shows in the next frame.

use std::time::{Duration, Instant};

/// The longest a frame waits for its pages, by default.
pub const BUDGET: Duration = Duration::from_millis(30);

/// How long pages have been taking, and the edit waiting for its pages.
pub struct Pacing {
    /// The longest a frame waits.
    budget: Duration,
    /// A smoothed time from an edit to the typesetter's answer.
    estimate: Option<Duration>,
    /// The generation last sent after an edit, and when.
    pending: Option<(u64, Instant)>,
}

impl Pacing {
    pub fn new(budget: Duration) -> Self {
        Self {
            budget,
            estimate: None,
            pending: None,
        }
    }

    /// An edit sent the issue of `generation` to be typeset now. Returns
    /// how long this frame may wait for its pages, if at all.
    pub fn edited(&mut self, generation: u64, now: Instant) -> Option<Duration> {
        self.pending = Some((generation, now));
        match self.estimate {
            None => Some(self.budget),
            Some(estimate) if estimate <= self.budget => Some(self.budget),
            Some(_) => None,
        }
    }

    /// The pages of `generation` are in view, answered by the typesetter
    /// at `answered`: the estimate learns how long they took.
    pub fn shown(&mut self, generation: u64, answered: Instant) {
        let Some((pending, sent)) = self.pending else {
            return;
        };
        if pending != generation {
            return;
        }
        self.pending = None;
        let took = answered.saturating_duration_since(sent);
        // Half the old estimate and half the new figure: a long issue
        // opened after a short one stops the waiting within two edits.
        self.estimate = Some(match self.estimate {
            Some(old) => (old + took) / 2,
            None => took,
        });
    }

    /// The generation still waited for, if any.
    pub fn pending(&self) -> Option<u64> {
        self.pending.map(|(generation, _)| generation)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_pages_are_waited_for_and_slow_ones_are_not() {
        let start = Instant::now();
        let mut pacing = Pacing::new(BUDGET);
        assert_eq!(pacing.edited(1, start), Some(BUDGET), "no estimate yet");
        pacing.shown(1, start + Duration::from_millis(8));
        assert_eq!(pacing.edited(2, start), Some(BUDGET));

        // A long issue: pages take 90 ms, twice, and waiting stops.
        pacing.shown(2, start + Duration::from_millis(90));
        assert_eq!(pacing.edited(3, start), None, "(8 + 90) / 2 is over budget");
        pacing.shown(3, start + Duration::from_millis(90));
        assert_eq!(pacing.edited(4, start), None);

        // Short again: the estimate comes down within a few edits.
        for generation in 4..8 {
            pacing.edited(generation, start);
            pacing.shown(generation, start + Duration::from_millis(6));
        }
        assert_eq!(pacing.edited(8, start), Some(BUDGET));
    }

    #[test]
    fn only_the_newest_edit_is_timed() {
        let start = Instant::now();
        let mut pacing = Pacing::new(BUDGET);
        pacing.edited(1, start);
        pacing.edited(2, start);
        pacing.shown(1, start + Duration::from_millis(500));
        assert_eq!(
            pacing.pending(),
            Some(2),
            "an older layout is not the edit's"
        );
        pacing.shown(2, start + Duration::from_millis(5));
        assert_eq!(pacing.pending(), None);
        assert_eq!(pacing.edited(3, start), Some(BUDGET));
    }
}
