//! How wide the three columns are. The form in the middle is what the
//! editor types into, so it keeps a usable width; the preview gives way
//! first, then the outline. A column the user dragged keeps that width as
//! its preference, and when the window grows again each column goes back
//! to its preference (egui's panels would keep the narrow width they were
//! squeezed to, so the panels are given a fresh id whenever the window's
//! width changes).

/// The narrowest form that stays usable (labels, fields, the body).
pub const FORM_MIN: f32 = 380.0;
const OUTLINE_MIN: f32 = 150.0;
const OUTLINE_DEFAULT: f32 = 250.0;
pub const PREVIEW_MIN: f32 = 240.0;
const PREVIEW_DEFAULT: f32 = 560.0;

/// The widths wanted for one frame.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Plan {
    pub outline: f32,
    pub outline_max: f32,
    pub preview: f32,
    pub preview_max: f32,
    /// Changes with the window's width: part of the panels' ids.
    pub generation: u32,
}

/// The columns' preferred widths, and the window width they were laid out
/// for.
#[derive(Debug)]
pub struct Columns {
    outline: f32,
    preview: f32,
    width: f32,
    generation: u32,
}

impl Default for Columns {
    fn default() -> Self {
        Self {
            outline: OUTLINE_DEFAULT,
            preview: PREVIEW_DEFAULT,
            width: 0.0,
            generation: 0,
        }
    }
}

impl Columns {
    /// The widths for a window `width` points wide: each column at its
    /// preference where that leaves the form [`FORM_MIN`], else the
    /// preview narrowed first, then the outline, never below their minimum.
    pub fn plan(&mut self, width: f32) -> Plan {
        if (width - self.width).abs() >= 1.0 {
            self.width = width;
            self.generation = self.generation.wrapping_add(1);
        }
        let sides = (width - FORM_MIN).max(OUTLINE_MIN + PREVIEW_MIN);
        let outline_max = (sides - PREVIEW_MIN).max(OUTLINE_MIN);
        let outline = self.outline.clamp(OUTLINE_MIN, outline_max);
        let preview_max = (sides - outline).max(PREVIEW_MIN);
        let preview = self.preview.clamp(PREVIEW_MIN, preview_max);
        Plan {
            outline,
            outline_max,
            preview,
            preview_max,
            generation: self.generation,
        }
    }

    /// After the frame: a column whose width is not what was planned was
    /// dragged by the user, and that width becomes its preference.
    pub fn shown(&mut self, plan: &Plan, outline: f32, preview: f32) {
        if (outline - plan.outline).abs() > 1.0 {
            self.outline = outline;
        }
        if (preview - plan.preview).abs() > 1.0 {
            self.preview = preview;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_preview_gives_way_first_and_the_form_keeps_its_width() {
        let mut columns = Columns::default();
        let wide = columns.plan(1920.0);
        assert_eq!(
            (wide.outline, wide.preview),
            (OUTLINE_DEFAULT, PREVIEW_DEFAULT)
        );
        let laptop = columns.plan(1366.0);
        assert!(1366.0 - laptop.outline - laptop.preview >= FORM_MIN);
        let small = columns.plan(1024.0);
        assert_eq!(
            small.outline, OUTLINE_DEFAULT,
            "the outline keeps its width"
        );
        assert!(small.preview < PREVIEW_DEFAULT, "the preview narrows first");
        assert!((1024.0 - small.outline - small.preview - FORM_MIN).abs() < 0.5);
        let tiny = columns.plan(720.0);
        assert_eq!((tiny.outline, tiny.preview), (OUTLINE_MIN, PREVIEW_MIN));
    }

    #[test]
    fn a_dragged_width_is_kept_and_comes_back_when_the_window_grows() {
        let mut columns = Columns::default();
        let plan = columns.plan(1920.0);
        columns.shown(&plan, plan.outline, 700.0);
        assert_eq!(columns.plan(1920.0).preview, 700.0);
        let small = columns.plan(1024.0);
        assert!(small.preview < 700.0);
        // Squeezed, not dragged: the preference stays.
        columns.shown(&small, small.outline, small.preview);
        let again = columns.plan(1920.0);
        assert_eq!(again.preview, 700.0);
        assert_ne!(again.generation, small.generation, "fresh panels");
    }
}
