//! Which rows of a page an edit changed: the preview draws and uploads only
//! those, not the whole page.
//!
//! A page is flattened into what it draws (text runs, shapes, images), each
//! with its place on the page and how far up and down it can reach. What
//! is drawn in one version and not the other marks its rows as changed;
//! everything else is drawn identically, so those rows stay as they are.
//!
//! Known limits: the reach of a text run is estimated from its font's
//! ascender and descender with a quarter of an em to spare (a glyph that
//! reaches further, like a tall accent, is not in our fonts); a group that
//! is rotated, scaled or skewed counts as changing the whole page.

use std::collections::HashMap;
use std::ops::Range;

use typst::layout::{Abs, Frame, FrameItem, Point, Transform};

/// The rows (at `pixels_per_point`, of a page `rows` high) that differ
/// between two drawings of a page. Empty when they draw the same.
pub(super) fn rows_changed(
    before: &Frame,
    after: &Frame,
    pixels_per_point: f32,
    rows: usize,
) -> Range<usize> {
    let whole = 0..rows;
    let (Some(before), Some(after)) = (drawn(before), drawn(after)) else {
        return whole;
    };
    if before.size != after.size {
        return whole;
    }
    // What one draws and the other does not, counted, since a mark can
    // appear twice in the same place.
    let mut counts: HashMap<u128, (i64, Reach)> = HashMap::new();
    for (sign, marks) in [(1, &before.marks), (-1, &after.marks)] {
        for mark in marks {
            counts.entry(mark.key).or_insert((0, mark.reach)).0 += sign;
        }
    }
    let changed = counts
        .values()
        .filter(|(count, _)| *count != 0)
        .map(|(_, reach)| *reach)
        .reduce(Reach::union);
    let Some(changed) = changed else {
        return 0..0;
    };
    // Anti-aliasing reaches a pixel past a mark's edge; two to be safe.
    let scale = f64::from(pixels_per_point);
    let top = ((changed.top.to_pt() * scale).floor() - 2.0).max(0.0) as usize;
    let bottom = ((changed.bottom.to_pt() * scale).ceil() + 2.0).max(0.0) as usize;
    top.min(rows)..bottom.min(rows)
}

/// How far up and down a mark can draw, in page coordinates.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Reach {
    top: Abs,
    bottom: Abs,
}

impl Reach {
    fn union(self, other: Self) -> Self {
        Self {
            top: self.top.min(other.top),
            bottom: self.bottom.max(other.bottom),
        }
    }
}

/// One thing a page draws: what and where (hashed), and its reach.
struct Mark {
    key: u128,
    reach: Reach,
}

/// A page flattened into its marks.
struct Drawn {
    size: typst::layout::Size,
    marks: Vec<Mark>,
}

/// `None` when the page holds something whose reach cannot be told.
fn drawn(frame: &Frame) -> Option<Drawn> {
    let mut marks = Vec::new();
    flatten(frame, Point::zero(), 0, &mut marks)?;
    Some(Drawn {
        size: frame.size(),
        marks,
    })
}

/// Adds the marks of `frame`, placed at `origin` inside groups whose clips
/// hash to `clips` (a clip changes what its marks draw).
fn flatten(frame: &Frame, origin: Point, clips: u128, marks: &mut Vec<Mark>) -> Option<()> {
    for (point, item) in frame.items() {
        let at = origin + *point;
        let mark = match item {
            FrameItem::Group(group) => {
                if !only_moves(group.transform) {
                    return None;
                }
                let at = at + Point::new(group.transform.tx, group.transform.ty);
                let clips = match &group.clip {
                    Some(clip) => typst::utils::hash128(&(clips, at, clip)),
                    None => clips,
                };
                flatten(&group.frame, at, clips, marks)?;
                continue;
            }
            FrameItem::Text(text) => {
                if text.glyphs.iter().any(|g| g.y_advance.get() != 0.0) {
                    return None;
                }
                let metrics = text.font.metrics();
                let shift = text
                    .glyphs
                    .iter()
                    .map(|g| g.y_offset.get().abs())
                    .fold(0.0, f64::max);
                let up = metrics.ascender.get().max(1.0) + shift + 0.25;
                let down = (-metrics.descender.get()).max(0.25) + shift + 0.25;
                let stroke = text.stroke.as_ref().map_or(Abs::zero(), |s| s.thickness);
                Mark {
                    key: typst::utils::hash128(&(0u8, clips, at, text)),
                    reach: Reach {
                        top: at.y - text.size * up - stroke,
                        bottom: at.y + text.size * down + stroke,
                    },
                }
            }
            FrameItem::Shape(shape, _) => {
                let bbox = shape.bbox(true);
                Mark {
                    key: typst::utils::hash128(&(1u8, clips, at, shape)),
                    reach: Reach {
                        top: at.y + bbox.min.y,
                        bottom: at.y + bbox.max.y,
                    },
                }
            }
            FrameItem::Image(image, size, _) => Mark {
                key: typst::utils::hash128(&(2u8, clips, at, image, size)),
                reach: Reach {
                    top: at.y,
                    bottom: at.y + size.y,
                },
            },
            // Neither draws anything.
            FrameItem::Link(..) | FrameItem::Tag(_) => continue,
        };
        marks.push(mark);
    }
    Some(())
}

/// Whether a transform only moves what it applies to.
fn only_moves(transform: Transform) -> bool {
    Transform {
        tx: Abs::zero(),
        ty: Abs::zero(),
        ..transform
    }
    .is_identity()
}

#[cfg(test)]
mod tests {
    use std::ops::Range;

    use crate::model::{Issue, Paragraph};
    use crate::typeset::tests::fonts;
    use crate::typeset::{Document, Typesetter};

    const SCALE: f32 = 1.5;

    /// `rows` of the new page drawn over the old page's image, against the
    /// new page drawn whole: the largest difference in any channel.
    fn patched_against_whole(before: &Document, after: &Document, rows: Range<usize>) -> u8 {
        let mut image = before
            .render_page(0, SCALE)
            .expect("renders")
            .data()
            .to_vec();
        let width = before.page_pixels(0, SCALE).expect("a page")[0];
        let mut patch = vec![0u8; width * rows.len() * 4];
        after
            .render_rows_into(0, SCALE, rows.clone(), 2, &mut patch)
            .expect("renders");
        image[rows.start * width * 4..rows.end * width * 4].copy_from_slice(&patch);
        let whole = after.render_page(0, SCALE).expect("renders");
        image
            .iter()
            .zip(whole.data())
            .map(|(a, b)| a.abs_diff(*b))
            .max()
            .unwrap_or(0)
    }

    /// The sample typeset before and after `edit`, and the rows of page 1
    /// the edit changed.
    fn edited(edit: impl FnOnce(&mut Issue)) -> (Document, Document, Range<usize>) {
        let mut typesetter = Typesetter::new(fonts());
        let mut issue = crate::sample::issue();
        let before = typesetter.compile(&issue).expect("typesets");
        edit(&mut issue);
        let after = typesetter.compile(&issue).expect("typesets");
        let first = before.page_drawing(0).expect("a first page");
        let rows = after.rows_changed(0, &first, SCALE).expect("a page");
        (before, after, rows)
    }

    #[test]
    fn a_typed_character_changes_the_rows_of_its_paragraph_only() {
        let (before, after, rows) =
            edited(|issue| issue.sections[0].articles[0].lead.insert(0, '喆'));
        let [_, height] = before.page_pixels(0, SCALE).expect("a page");
        assert!(!rows.is_empty(), "the character shows");
        assert!(rows.len() < height / 2, "{rows:?} of {height} rows");
        // The masthead, above the first article, is not drawn again.
        let mark = after.article_marks()[0];
        assert_eq!(mark.page, 0);
        assert!(
            rows.start as f64 >= (mark.y - 30.0) * f64::from(SCALE),
            "{rows:?}"
        );
        assert!(patched_against_whole(&before, &after, rows) <= 1);
        // Nothing changed, no rows.
        let same = after.page_drawing(0).expect("a first page");
        assert!(
            after
                .rows_changed(0, &same, SCALE)
                .expect("a page")
                .is_empty()
        );
    }

    #[test]
    fn text_reflowed_down_the_page_is_all_in_the_rows() {
        // A paragraph more pushes everything after it down.
        let (before, after, rows) = edited(|issue| {
            let paragraph = Paragraph::plain("各区文明办组织志愿者开展“美丽庭院”评选活动。");
            issue.sections[0].articles[0].body.insert(0, paragraph);
        });
        let [_, height] = after.page_pixels(0, SCALE).expect("a page");
        assert!(rows.end > height * 3 / 4, "down to the foot: {rows:?}");
        assert!(patched_against_whole(&before, &after, rows) <= 1);
    }
}
