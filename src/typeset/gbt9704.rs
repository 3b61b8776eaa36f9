//! The template against GB/T 9704-2012's details, read from the laid-out
//! pages: where page numbers sit (7.5), the 报尾's rules (7.4), and the
//! full-width colon of its labels.

use typst::layout::{Abs, FrameItem, Point};
use typst::visualize::Geometry;

use super::data::PAGE;
use super::tests::{fonts, sample};
use super::{Document, Typesetter, for_each_drawn};
use crate::model::{Issue, PageNumbers};

/// A text run on a page: where it starts, how wide, its size and text.
struct Run {
    x: f64,
    baseline: f64,
    width: f64,
    size: f64,
    text: String,
}

/// A horizontal rule: its height on the page and thickness, in points.
struct Rule {
    y: f64,
    thickness: f64,
}

fn page(document: &Document, index: usize) -> (Vec<Run>, Vec<Rule>) {
    let (mut runs, mut rules) = (Vec::new(), Vec::new());
    let frame = &document.paged.pages()[index].frame;
    for_each_drawn(frame, Point::zero(), &mut |at, item| match item {
        FrameItem::Text(text) => runs.push(Run {
            x: at.x.to_pt(),
            baseline: at.y.to_pt(),
            width: text.width().to_pt(),
            size: text.size.to_pt(),
            text: text.text.to_string(),
        }),
        FrameItem::Shape(shape, _) => {
            if let (Geometry::Line(end), Some(stroke)) = (&shape.geometry, &shape.stroke)
                && end.y == Abs::zero()
            {
                rules.push(Rule {
                    y: at.y.to_pt(),
                    thickness: stroke.thickness.to_pt(),
                });
            }
        }
        _ => {}
    });
    (runs, rules)
}

fn mm(points: f64) -> f64 {
    points / 72.0 * 25.4
}

fn points(mm: f64) -> f64 {
    mm / 25.4 * 72.0
}

fn typeset(issue: &Issue) -> Document {
    Typesetter::new(fonts()).compile(issue).expect("typesets")
}

/// The page number's run on page `index`: "— n —".
fn number(document: &Document, index: usize) -> Run {
    let (runs, _) = page(document, index);
    let wanted = format!("— {} —", index + 1);
    runs.into_iter()
        .find(|run| run.text == wanted)
        .unwrap_or_else(|| panic!("no {wanted} on page {}", index + 1))
}

#[test]
fn page_numbers_sit_outside_one_character_in_or_centred() {
    let left = points(PAGE.left);
    let right = points(PAGE.width - PAGE.right);
    let mut issue = sample();
    issue.style.page_numbers = PageNumbers::Outside;
    let document = typeset(&issue);
    assert!(document.page_count() >= 2);
    for index in 0..document.page_count() {
        let n = number(&document, index);
        assert_eq!(n.size, 14.0, "4号");
        if index % 2 == 0 {
            // Page 1, 3 …: one character in from the right edge.
            let end = n.x + n.width;
            assert!(
                (right - n.size - end).abs() < 0.05,
                "page {}: ends at {end}",
                index + 1
            );
        } else {
            assert!(
                (left + n.size - n.x).abs() < 0.05,
                "page {}: starts at {}",
                index + 1,
                n.x
            );
        }
    }

    issue.style.page_numbers = PageNumbers::Centred;
    let document = typeset(&issue);
    for index in 0..document.page_count() {
        let n = number(&document, index);
        let middle = n.x + n.width / 2.0;
        assert!(
            ((left + right) / 2.0 - middle).abs() < 0.05,
            "page {}",
            index + 1
        );
    }
}

/// The top of the dashes' ink, found in the rendered page, is 7 mm below
/// the type area.
#[test]
fn the_dash_tops_sit_seven_millimetres_below_the_type_area() {
    let document = typeset(&sample());
    let n = number(&document, 1);
    let scale = 8.0_f32; // 0.044 mm a pixel
    let pixmap = document.render_page(1, scale).expect("renders");
    let width = pixmap.width() as usize;
    let ink = |x: usize, y: usize| pixmap.data()[(y * width + x) * 4 + 1] < 128;
    // The first dash spans the run's first 0.89 em; look at its middle half.
    let s = f64::from(scale);
    let columns = ((n.x + n.size * 0.2) * s) as usize..((n.x + n.size * 0.6) * s) as usize;
    let rows = ((n.baseline - n.size) * s) as usize..(n.baseline * s) as usize;
    let top = rows
        .clone()
        .find(|&y| columns.clone().any(|x| ink(x, y)))
        .expect("the dash is drawn");
    let type_area_bottom = points(PAGE.height - PAGE.bottom);
    let below = mm(top as f64 / s - type_area_bottom);
    assert!(
        (below - 7.0).abs() < 0.15,
        "the dash's top is {below:.2} mm below"
    );
}

#[test]
fn the_footer_rules_are_thick_outside_thin_between_and_end_on_the_type_area() {
    let document = typeset(&sample());
    let last = document.page_count() - 1;
    let (_, rules) = page(&document, last);
    let widths: Vec<f64> = rules
        .iter()
        .map(|r| (mm(r.thickness) * 100.0).round() / 100.0)
        .collect();
    // Credits and contacts, 报, 送, 发: five rules.
    assert_eq!(widths, [0.35, 0.25, 0.25, 0.25, 0.35]);
    let bottom = rules.last().map(|r| r.y).unwrap_or_default();
    assert!(
        (bottom - points(PAGE.height - PAGE.bottom)).abs() < 0.5,
        "the last rule at {bottom}"
    );
}

#[test]
fn footer_labels_keep_a_full_width_colon() {
    let document = typeset(&sample());
    let (runs, _) = page(&document, document.page_count() - 1);
    let colons: Vec<usize> = (0..runs.len()).filter(|&i| runs[i].text == "：").collect();
    // 责编 核稿 电话 传真 邮箱 报 送 发.
    assert_eq!(colons.len(), 8);
    for i in colons {
        let (colon, next) = (&runs[i], &runs[i + 1]);
        assert_eq!(
            colon.baseline, next.baseline,
            "{:?} on its label's line",
            next.text
        );
        assert!(
            next.x - colon.x >= colon.size - 0.01,
            "{:?} follows its colon by {:.2} pt",
            next.text,
            next.x - colon.x
        );
    }
}
