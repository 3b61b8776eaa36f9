//! The page budget: how many printed lines each article takes, how full the
//! last page is, and whether the 报尾 was pushed alone onto a page of its
//! own. All read from the layout, never estimated.
//!
//! Two things editors fight in Word cannot happen here, so nothing warns of
//! them: a section heading is sticky (it goes with its first article), and
//! typst keeps a paragraph's first two lines together, so a lead never ends
//! a page alone (tested below).

use typst::layout::{FrameItem, Point};
use typst_layout::PagedDocument;

use super::ArticleMark;
use crate::model::ArticleId;

/// What an issue costs in pages.
///
/// Line counts are of distinct baselines in the type area, so a line with
/// a bold lead, its text and a right-aligned attribution counts once.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PageBudget {
    pub pages: usize,
    /// Printed lines of each article, in reading order (a section heading
    /// after an article is not its line).
    pub article_lines: Vec<(ArticleId, usize)>,
    /// Whole body lines free on the page where the text ends, above the
    /// 报尾 (or above the foot of the type area when the 报尾 went on).
    pub free_lines: usize,
    /// The 报尾 went onto a page of its own: how many lines to cut to bring
    /// it back under the text.
    pub footer_alone: Option<usize>,
    /// Body lines a full page holds (22 on the standard grid).
    pub page_lines: usize,
}

impl PageBudget {
    /// Lines to cut for the issue to fit in `target` pages, 报尾 included;
    /// `None` when it fits. Every page past the target is a full page of
    /// lines, less what is free on the last.
    pub fn over_target(&self, target: usize) -> Option<usize> {
        if self.pages <= target {
            return None;
        }
        let last = self
            .footer_alone
            .unwrap_or(self.page_lines.saturating_sub(self.free_lines));
        Some((self.pages - target - 1) * self.page_lines + last)
    }
}

/// A place on the pages: page index and distance from the top.
type Place = (usize, f64);

pub(super) fn budget(
    paged: &PagedDocument,
    marks: &[ArticleMark],
    pitch: f64,
    type_area: (f64, f64),
) -> PageBudget {
    let (type_area_top, type_area_bottom) = type_area;
    let lines = baselines(paged, type_area_bottom);
    let at = |name: &str| places(paged, name);
    let text_end = at("jianbao-text-end").first().copied();
    let footer = at("jianbao-footer").first().copied();
    let footer_end = at("jianbao-footer-end").first().copied();
    // Every place where an article's lines stop: the next article, a
    // heading, the end of the text.
    let mut stops: Vec<Place> = marks.iter().map(|m| (m.page, m.y)).collect();
    stops.extend(at("jianbao-heading"));
    stops.extend(text_end);
    stops.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let before = |a: Place, b: Place| a.0 < b.0 || (a.0 == b.0 && a.1 < b.1);

    let next_stop = |start: Place| {
        stops
            .iter()
            .copied()
            .find(|&stop| before(start, stop))
            .unwrap_or((usize::MAX, f64::MAX))
    };
    let article_lines = marks
        .iter()
        .map(|mark| {
            let start = (mark.page, mark.y);
            let end = next_stop(start);
            let count = lines
                .iter()
                .filter(|&&line| !before(line, start) && before(line, end))
                .count();
            (mark.id, count)
        })
        .collect();

    let lines_in = |space: f64| (space / pitch + 0.01).floor().max(0.0) as usize;
    let (free_lines, footer_alone) = match (text_end, footer) {
        (Some(end), Some(footer)) if footer.0 == end.0 => (lines_in(footer.1 - end.1), None),
        // Under the text the 报尾 would end on the type area's foot: the
        // text must end that much higher.
        (Some(end), Some(footer)) => {
            let height = footer_end.map_or(0.0, |e| e.1 - footer.1);
            let top = type_area_bottom - height;
            let cut = ((end.1 - top) / pitch - 0.01).ceil().max(1.0) as usize;
            (lines_in(type_area_bottom - end.1), Some(cut))
        }
        (Some(end), None) => (lines_in(type_area_bottom - end.1), None),
        _ => (0, None),
    };

    PageBudget {
        pages: paged.pages().len(),
        article_lines,
        free_lines,
        footer_alone,
        page_lines: lines_in(type_area_bottom - type_area_top),
    }
}

/// Each page's text baselines inside the type area, in reading order.
fn baselines(paged: &PagedDocument, type_area_bottom: f64) -> Vec<Place> {
    let mut places = Vec::new();
    for (index, page) in paged.pages().iter().enumerate() {
        let mut ys = Vec::new();
        super::for_each_drawn(&page.frame, Point::zero(), &mut |at, item| {
            if let FrameItem::Text(_) = item {
                ys.push(at.y.to_pt());
            }
        });
        ys.retain(|&y| y <= type_area_bottom + 0.5);
        ys.sort_by(f64::total_cmp);
        // Runs on one line share a baseline, to within rounding.
        ys.dedup_by(|a, b| (*a - *b).abs() < 1.0);
        places.extend(ys.into_iter().map(|y| (index, y)));
    }
    places
}

/// Where the template's `metadata(..) <name>` marks sit.
fn places(paged: &PagedDocument, name: &str) -> Vec<Place> {
    super::template_marks(paged, name)
        .into_iter()
        .map(|(_, page, y)| (page, y))
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::model::{Issue, Paragraph};
    use crate::typeset::Typesetter;
    use crate::typeset::tests::{fonts, sample};

    const HANZI: &str = "首都各区深入开展文明城区创建工作推动志愿服务常态化";

    /// `count` hanzi, no punctuation: lines break only at the measure.
    fn hanzi(count: usize) -> String {
        HANZI.chars().cycle().take(count).collect()
    }

    fn budget(issue: &Issue) -> (super::PageBudget, usize) {
        let document = Typesetter::new(fonts()).compile(issue).expect("typesets");
        (
            document.budget(issue.style.line_pitch),
            document.page_count(),
        )
    }

    /// The sample cut to one article of `chars` hanzi without a lead or an
    /// attribution.
    fn one_article(chars: usize) -> Issue {
        let mut issue = sample();
        issue.sections.truncate(1);
        issue.sections[0].articles.truncate(1);
        let article = &mut issue.sections[0].articles[0];
        article.lead.clear();
        article.unit.clear();
        article.attribution = None;
        article.body = vec![Paragraph::plain(hanzi(chars))];
        assert_eq!(issue.attribution_of(&issue.sections[0].articles[0]), "");
        issue
    }

    #[test]
    fn an_article_counts_its_printed_lines() {
        // 26 on the indented first line, then 28 a line (a last line one
        // short of full: see the template's note on tracking).
        for (chars, lines) in [(25, 1), (27, 2), (26 + 28 * 4 - 1, 5), (26 + 28 * 4 + 1, 6)] {
            let (budget, _) = budget(&one_article(chars));
            assert_eq!(budget.article_lines.len(), 1);
            assert_eq!(budget.article_lines[0].1, lines, "{chars} characters");
        }
        // A title line of its own: one grid line in 黑体, two in 小标宋.
        let mut titled = one_article(27);
        titled.sections[0].articles[0].title = "计算机学院举办人工智能教学研讨会".into();
        assert_eq!(budget(&titled).0.article_lines[0].1, 3);
        titled.style.article_title.title_face = true;
        let (big, _) = budget(&titled);
        assert_eq!(big.article_lines[0].1, 3, "baselines: one title line");
        let (plain, _) = budget(&one_article(27));
        assert_eq!(
            big.free_lines + 2,
            plain.free_lines,
            "小标宋 takes two lines"
        );
        // Every article of the sample, its page count too.
        let issue = sample();
        let (budget, pages) = budget(&issue);
        assert_eq!(budget.pages, pages);
        let ids: Vec<_> = issue.articles().map(|(_, _, a)| a.id).collect();
        let counted: Vec<_> = budget.article_lines.iter().map(|(id, _)| *id).collect();
        assert_eq!(counted, ids);
        assert!(budget.article_lines.iter().all(|(_, n)| *n > 3));
    }

    #[test]
    fn a_line_more_is_a_free_line_less_until_the_footer_goes_alone() {
        let mut chars = 26;
        let (first, pages) = budget(&one_article(chars));
        assert_eq!(first.footer_alone, None);
        assert!(first.free_lines >= 2, "{first:?}");
        chars += 28;
        let (second, _) = budget(&one_article(chars));
        assert_eq!(second.free_lines, first.free_lines - 1);

        // The free lines are what fits: filled, the page is full …
        chars += 28 * second.free_lines;
        let (filled, same) = budget(&one_article(chars));
        assert_eq!(
            (filled.free_lines, filled.footer_alone, same),
            (0, None, pages)
        );
        // Against a target: it fits its own page count, and one page fewer
        // means cutting the whole last page, 报尾 included.
        assert_eq!(filled.page_lines, 22);
        assert_eq!(filled.over_target(pages), None);
        assert_eq!(filled.over_target(pages - 1), Some(22));
        // … and a line more sends the 报尾 onto a page of its own, which
        // says exactly how much to cut to bring it back.
        for extra in [1, 3] {
            let (over, more_pages) = budget(&one_article(chars + 28 * extra));
            assert_eq!(over.footer_alone, Some(extra), "{extra} over: {over:?}");
            assert_eq!(more_pages, pages + 1);
            assert_eq!(over.over_target(pages), Some(extra));
        }
    }

    /// A 报尾 pushed onto a page of its own still stands at that page's
    /// foot, its last rule on the type area's bottom edge (it used to stand
    /// at the top).
    #[test]
    fn a_footer_alone_on_its_page_stands_at_the_foot() {
        let (filled, pages) = budget(&one_article(26));
        let chars = 26 + 28 * (1 + filled.free_lines);
        let issue = one_article(chars + 28);
        let document = Typesetter::new(fonts()).compile(&issue).expect("typesets");
        assert_eq!(document.page_count(), pages + 1, "the 报尾 went on");
        let bottom = crate::typeset::type_area_bottom();
        let [(footer_page, top)] = super::places(&document.paged, "jianbao-footer")[..] else {
            panic!("one 报尾");
        };
        let [(end_page, end)] = super::places(&document.paged, "jianbao-footer-end")[..] else {
            panic!("one 报尾 end");
        };
        assert_eq!(
            (footer_page, end_page),
            (pages, pages),
            "on the new last page"
        );
        assert!(
            (end - bottom).abs() < 1.0,
            "its end at {end}, the foot at {bottom}"
        );
        assert!(top > bottom / 2.0, "its top at {top}: in the lower half");
    }

    /// A lead never ends a page apart from its article: typst keeps a
    /// paragraph's first two lines together, as the second article's start
    /// walks over a page break.
    #[test]
    fn a_lead_is_never_left_alone_at_a_page_foot() {
        let mut issue = sample();
        issue.sections.truncate(1);
        issue.sections[0].articles.truncate(2);
        let mut pages_seen = std::collections::BTreeSet::new();
        let mut typesetter = Typesetter::new(fonts());
        for extra in 0..24 {
            let first = &mut issue.sections[0].articles[0];
            first.body = vec![Paragraph::plain(hanzi(26 + 28 * (6 + extra)))];
            let document = typesetter.compile(&issue).expect("typesets");
            let mark = document.article_marks()[1];
            let lines = super::baselines(&document.paged, crate::typeset::type_area_bottom());
            let mut own = lines.iter().filter(|l| (l.0, l.1) > (mark.page, mark.y));
            let (Some(first), Some(second)) = (own.next(), own.next()) else {
                panic!("the second article has lines");
            };
            assert_eq!(first.0, second.0, "{extra}: the lead alone at a page foot");
            pages_seen.insert(mark.page);
        }
        assert!(pages_seen.len() > 1, "the second article crossed a page");
    }
}
