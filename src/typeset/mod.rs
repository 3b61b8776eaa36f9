//! Typesetting: an issue becomes pages through one typst document, which
//! gives both the preview images and the PDF — what the editor shows is
//! what prints.
//!
//! ```text
//! Issue ──data::to_json──► /issue.json ─┐
//!            assets/templates/bulletin.typ ─┴► typst (SandboxWorld) ─► Document
//! Document ──render_page──► pixels (preview, PNG)
//! Document ──pdf──────────► PDF bytes
//! ```

mod budget;
mod changes;
mod converge;
mod data;
mod font_index;
mod fonts;
#[cfg(test)]
mod gbt9704;
mod world;

pub use crate::assets::fonts::FontsMissing;
pub use budget::PageBudget;
pub use data::{
    NOTE_LABEL, PAGE, PageGeometry, PrintOptions, attribution_closes_paragraph, attribution_line,
    section_heading, serial_text,
};
pub use fonts::{BUNDLED_KAI, BUNDLED_SANS, BUNDLED_SERIF, FontRole, FontSet, PrintedFont};
pub use world::TEMPLATE;

use std::ops::Range;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;

use tiny_skia::Pixmap;
use typst::diag::SourceDiagnostic;
use typst::foundations::{Label, Selector};
use typst::introspection::{Introspector, MetadataElem};
use typst::layout::{Frame, FrameItem, Point};
use typst::utils::PicoStr;
use typst::{World, WorldExt};
use typst_layout::PagedDocument;

use crate::model::{ArticleId, Issue};
use world::SandboxWorld;

/// The largest page image, in pixels per side, that rendering will make:
/// a guard against a zoom factor that would exhaust memory.
pub const MAX_RENDER_SIDE: f32 = 16_384.0;

/// Compiles issues to pages. Keep one alive for the life of an editing
/// session: typst's caches make each compile after the first cost only what
/// changed.
pub struct Typesetter {
    world: SandboxWorld,
    /// The last preview layout of the whole issue and of a cut issue
    /// ([`compile_prefix`](Self::compile_prefix)), by [`Seed`]: where the
    /// next of the same kind starts (see `converge`).
    previous: [Option<PagedDocument>; 2],
}

/// Which kept layout a preview compile starts from.
#[derive(Clone, Copy)]
enum Seed {
    Whole = 0,
    Prefix = 1,
}

/// Where an article begins on the pages: page index (from 0) and the
/// distance from the top of the page in points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ArticleMark {
    pub id: ArticleId,
    pub page: usize,
    pub y: f64,
}

/// One page as drawn (cheap to keep: typst's frames are shared).
#[derive(Clone)]
pub struct PageDrawing(typst::layout::Frame);

/// A typeset issue: its pages and where each article starts on them.
#[derive(Clone)]
pub struct Document {
    paged: PagedDocument,
    marks: Vec<ArticleMark>,
}

/// Why an issue could not be typeset, rendered or exported. Never a panic.
#[derive(Clone, Debug, PartialEq)]
pub enum TypesetError {
    /// typst reported errors; each line is one diagnostic with its place in
    /// the template.
    Compile(Vec<String>),
    /// The PDF writer refused the document.
    Pdf(Vec<String>),
    /// A page index past the last page.
    NoSuchPage { index: usize, count: usize },
    /// A render resolution that would make an absurdly large image.
    TooLarge { pixels_per_point: f32 },
    /// typst itself failed (a bug in it, caught so the program carries on).
    Internal(String),
}

/// Technical; the user's wording is chosen above (`i18n::Wording`).
impl std::fmt::Display for TypesetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "typesetting failed: {self:?}")
    }
}

impl std::error::Error for TypesetError {}

impl Typesetter {
    pub fn new(fonts: Arc<FontSet>) -> Self {
        Self {
            world: SandboxWorld::new(fonts),
            previous: [None, None],
        }
    }

    /// The issue as it appears in the editor's preview.
    /// It starts from the last preview's layout (see `converge`).
    pub fn compile(&mut self, issue: &Issue) -> Result<Document, TypesetError> {
        self.lay_out(issue, &PrintOptions::default(), Some(Seed::Whole))
    }

    /// The issue laid out with per-export choices (the copy serial). Laid
    /// out from nothing, as typst does, so that a draft always gives the
    /// same file whatever was previewed before.
    pub fn compile_with(
        &mut self,
        issue: &Issue,
        options: &PrintOptions,
    ) -> Result<Document, TypesetError> {
        self.lay_out(issue, options, None)
    }

    /// Lays `issue` out, starting from the last layout kept in `seed`
    /// (and keeping this one there), or from nothing.
    fn lay_out(
        &mut self,
        issue: &Issue,
        options: &PrintOptions,
        seed: Option<Seed>,
    ) -> Result<Document, TypesetError> {
        let json = data::to_json(issue, options, self.world.fonts());
        self.world.set_data(json);
        self.world.set_images(data::images(issue));
        let Some(seed) = seed else {
            return run(&self.world, None);
        };
        let previous = &mut self.previous[seed as usize];
        let document = run(&self.world, previous.as_ref())?;
        *previous = Some(document.paged.clone());
        Ok(document)
    }

    /// The issue cut after article `through`, without its 报尾: a quick
    /// look at the first pages of a long issue. Every page but its last is
    /// the whole issue's page, pixel for pixel: what follows the cut can
    /// only change the page the cut is on and those after it (no floats,
    /// no footnotes, and a heading sticks to what follows it, not to what
    /// comes before). `None` when `through` is not in the issue.
    pub fn compile_prefix(
        &mut self,
        issue: &Issue,
        through: ArticleId,
    ) -> Option<Result<Document, TypesetError>> {
        let prefix = prefix_through(issue, through)?;
        let options = PrintOptions {
            prefix: true,
            ..PrintOptions::default()
        };
        Some(self.lay_out(&prefix, &options, Some(Seed::Prefix)))
    }

    /// Drops typst's cached work unused for the last few calls: an editing
    /// session compiles thousands of times and must not grow without bound.
    /// It takes a few milliseconds on a long issue, so the worker calls it
    /// after the pages are out, not between an edit and its page.
    pub fn forget_unused(&mut self) {
        comemo::evict(10);
    }
}

/// `issue` up to and including article `through`: the sections before its
/// own, and its own section cut after it. `None` when there is no such
/// article.
fn prefix_through(issue: &Issue, through: ArticleId) -> Option<Issue> {
    let (section, article, _) = issue.articles().find(|(_, _, a)| a.id == through)?;
    let mut sections = issue.sections[..=section].to_vec();
    sections[section].articles.truncate(article + 1);
    // Only what prints: the review record stays behind.
    Some(Issue {
        schema: issue.schema,
        masthead: issue.masthead.clone(),
        editors_note: issue.editors_note.clone(),
        sections,
        attribution_suffix: issue.attribution_suffix.clone(),
        footer: issue.footer.clone(),
        distribution: issue.distribution.clone(),
        style: issue.style.clone(),
        // Units' attributions print.
        series: issue.series.clone(),
        review: Default::default(),
    })
}

/// Lays out the world's document, starting from the answers of
/// `previous`, and finds where its articles start.
fn run(world: &SandboxWorld, previous: Option<&PagedDocument>) -> Result<Document, TypesetError> {
    let result = guard(|| converge::compile(world, previous))?;
    let (paged, _) = result.map_err(|errors| TypesetError::Compile(describe(world, &errors)))?;
    let marks = article_marks(&paged);
    Ok(Document { paged, marks })
}

/// Typesets a yearly volume (合订本) of `issues`, in the order given: a
/// cover with `title` and `subtitle`, the 目录, every issue with page
/// numbers running through the volume, and the index of units. One typst
/// document, so the 目录's and the index's page numbers are exact.
pub fn compile_volume(
    fonts: Arc<FontSet>,
    issues: &[Issue],
    title: &str,
    subtitle: &str,
) -> Result<Document, TypesetError> {
    let Some(newest) = issues.last() else {
        return Err(TypesetError::Compile(vec!["no issues".to_owned()]));
    };
    let newest = data::to_json(newest, &PrintOptions::default(), &fonts);
    let volume = data::volume_json(issues, title, subtitle, &fonts);
    let mut world = SandboxWorld::volume(fonts, newest, volume);
    world.set_images(issues.iter().flat_map(data::images).collect());
    run(&world, None)
}

impl Document {
    pub fn page_count(&self) -> usize {
        self.paged.pages().len()
    }

    /// Page size in points.
    pub fn page_size(&self, index: usize) -> Option<(f64, f64)> {
        let size = self.paged.pages().get(index)?.frame.size();
        Some((size.x.to_pt(), size.y.to_pt()))
    }

    /// A fingerprint of a page's contents: equal fingerprints draw the same,
    /// so the preview re-renders only pages whose fingerprint changed.
    pub fn page_fingerprint(&self, index: usize) -> Option<u128> {
        let page = self.paged.pages().get(index)?;
        Some(typst::utils::hash128(&Visual(&page.frame)))
    }

    /// What the issue costs in pages, for body lines `pitch` points apart
    /// (the issue's `style.line_pitch`).
    pub fn budget(&self, pitch: f64) -> PageBudget {
        let top = PAGE.top / 25.4 * 72.0;
        budget::budget(&self.paged, &self.marks, pitch, (top, type_area_bottom()))
    }

    /// Where each article begins, in reading order.
    pub fn article_marks(&self) -> &[ArticleMark] {
        &self.marks
    }

    /// The article under a point of a page: the last one that starts before
    /// it in reading order. `None` above the first article (the masthead).
    pub fn article_at(&self, page: usize, y: f64) -> Option<ArticleId> {
        article_at(&self.marks, page, y)
    }

    /// The text laid out on a page, in the order it was placed: what the
    /// page says, for tests and search. Spaces between runs are not added.
    pub fn page_text(&self, index: usize) -> String {
        let mut out = String::new();
        if let Some(page) = self.paged.pages().get(index) {
            for_each_drawn(&page.frame, Point::zero(), &mut |_, item| {
                if let FrameItem::Text(text) = item {
                    out.push_str(&text.text);
                }
            });
        }
        out
    }

    /// Renders one page to pixels at `pixels_per_point` (1.0 = 72 dpi).
    pub fn render_page(&self, index: usize, pixels_per_point: f32) -> Result<Pixmap, TypesetError> {
        let page = self.page_to_render(index, pixels_per_point)?;
        let options = render_options(pixels_per_point);
        guard(|| typst_render::render(page, &options))
    }

    /// The size in pixels, `[width, height]`, of page `index` drawn at
    /// `pixels_per_point`: what [`render_page_into`](Self::render_page_into)
    /// fills.
    pub fn page_pixels(
        &self,
        index: usize,
        pixels_per_point: f32,
    ) -> Result<[usize; 2], TypesetError> {
        let size = self.page_to_render(index, pixels_per_point)?.frame.size();
        // As typst_render rounds the page's size, in f32.
        let pixels = |points: f64| (pixels_per_point * points as f32).round().max(1.0) as usize;
        Ok([pixels(size.x.to_pt()), pixels(size.y.to_pt())])
    }

    /// Draws rows `rows` of page `index` like
    /// [`render_page`](Self::render_page) into `pixels` (premultiplied
    /// RGBA, top row first, as wide as [`page_pixels`](Self::page_pixels)
    /// says), in `bands` horizontal strips drawn at once on as many
    /// threads, each copying itself into its own rows: the preview's way,
    /// since an edit waits for its page, a page's glyphs are drawn one by
    /// one, and copying a page is not free either. Each strip starts on a
    /// whole pixel, so the result matches the page drawn whole to within a
    /// level of anti-aliasing where a glyph crosses a seam.
    pub fn render_rows_into(
        &self,
        index: usize,
        pixels_per_point: f32,
        rows: Range<usize>,
        bands: usize,
        pixels: &mut [u8],
    ) -> Result<(), TypesetError> {
        let [width, height] = self.page_pixels(index, pixels_per_point)?;
        if rows.is_empty() || rows.end > height || pixels.len() != width * rows.len() * 4 {
            return Err(TypesetError::Internal(format!(
                "{} bytes for rows {rows:?} of a page of {width}×{height} pixels",
                pixels.len()
            )));
        }
        let page = self.page_to_render(index, pixels_per_point)?;
        let size = page.frame.size();
        let bands = bands.clamp(1, rows.len());
        let scale = f64::from(pixels_per_point);
        let options = render_options(pixels_per_point);
        // Strip k covers rows start + [n·k/bands, n·(k+1)/bands).
        let edge = |band: usize| rows.start + rows.len() * band / bands;
        let draw = |band: usize, into: &mut [u8]| {
            let (top, bottom) = (edge(band), edge(band + 1));
            let mut frame = typst::layout::Frame::hard(typst::layout::Size::new(
                size.x,
                typst::layout::Abs::pt((bottom - top) as f64 / scale),
            ));
            let offset = typst::layout::Abs::pt(top as f64 / scale);
            frame.push_frame(typst::layout::Point::with_y(-offset), page.frame.clone());
            let strip = typst_layout::Page {
                frame,
                ..page.clone()
            };
            let drawn = guard(|| typst_render::render(&strip, &options))?;
            if drawn.data().len() != into.len() {
                return Err(TypesetError::Internal("a strip of another size".into()));
            }
            into.copy_from_slice(drawn.data());
            Ok(())
        };
        let mut strips = Vec::with_capacity(bands);
        let mut rest = pixels;
        for band in 0..bands {
            let (strip, after) = rest.split_at_mut((edge(band + 1) - edge(band)) * width * 4);
            strips.push(strip);
            rest = after;
        }
        std::thread::scope(|scope| {
            let mut strips = strips.into_iter().enumerate();
            let first = strips.next();
            let threads: Vec<_> = strips
                .map(|(band, into)| scope.spawn(move || draw(band, into)))
                .collect();
            let first = first.map_or(Ok(()), |(band, into)| draw(band, into));
            threads.into_iter().fold(first, |result, thread| {
                let drawn = thread
                    .join()
                    .unwrap_or_else(|_| Err(TypesetError::Internal("render thread".into())));
                result.and(drawn)
            })
        })
    }

    /// Page `index` as drawn, kept to tell later what an edit changed on
    /// it ([`rows_changed`](Self::rows_changed)).
    pub fn page_drawing(&self, index: usize) -> Option<PageDrawing> {
        Some(PageDrawing(self.paged.pages().get(index)?.frame.clone()))
    }

    /// The rows of page `index` at `pixels_per_point` that draw differently
    /// from `before`: empty when none do, every row when that cannot be
    /// told. Drawing only those over the old image gives the new page.
    pub fn rows_changed(
        &self,
        index: usize,
        before: &PageDrawing,
        pixels_per_point: f32,
    ) -> Result<Range<usize>, TypesetError> {
        let [_, rows] = self.page_pixels(index, pixels_per_point)?;
        let page = self.page_to_render(index, pixels_per_point)?;
        Ok(changes::rows_changed(
            &before.0,
            &page.frame,
            pixels_per_point,
            rows,
        ))
    }

    /// Page `index`, if it exists and `pixels_per_point` gives a sane size.
    fn page_to_render(
        &self,
        index: usize,
        pixels_per_point: f32,
    ) -> Result<&typst_layout::Page, TypesetError> {
        let count = self.page_count();
        let page = self
            .paged
            .pages()
            .get(index)
            .ok_or(TypesetError::NoSuchPage { index, count })?;
        let size = page.frame.size();
        let longest = size.x.to_pt().max(size.y.to_pt()) as f32 * pixels_per_point;
        if !(pixels_per_point > 0.0 && longest <= MAX_RENDER_SIDE) {
            return Err(TypesetError::TooLarge { pixels_per_point });
        }
        Ok(page)
    }

    /// The document as PDF: fonts embedded and subset, text searchable.
    pub fn pdf(&self) -> Result<Vec<u8>, TypesetError> {
        let options = typst_pdf::PdfOptions::default();
        guard(|| typst_pdf::pdf(&self.paged, &options))?.map_err(|errors| {
            TypesetError::Pdf(errors.iter().map(|e| e.message.to_string()).collect())
        })
    }
}

/// The foot of the type area, in points from the page's top.
fn type_area_bottom() -> f64 {
    (PAGE.height - PAGE.bottom) / 25.4 * 72.0
}

fn render_options(pixels_per_point: f32) -> typst_render::RenderOptions {
    typst_render::RenderOptions {
        pixel_per_pt: typst::utils::Scalar::new(f64::from(pixels_per_point)),
        ..Default::default()
    }
}

/// Calls `visit` with each item `frame` draws or tags (everything but
/// groups, which it enters) and where the item sits, `frame` itself being
/// at `origin`. A group's move is applied; a rotation or scale, which the
/// template never makes, is not.
fn for_each_drawn(frame: &Frame, origin: Point, visit: &mut dyn FnMut(Point, &FrameItem)) {
    for (point, item) in frame.items() {
        let at = origin + *point;
        match item {
            FrameItem::Group(group) => {
                let moved = Point::new(group.transform.tx, group.transform.ty);
                for_each_drawn(&group.frame, at + moved, visit);
            }
            _ => visit(at, item),
        }
    }
}

/// What a frame draws, for hashing: its size and visible items, without
/// the introspection tags and links whose identities change when anything
/// earlier in the document changes.
struct Visual<'a>(&'a typst::layout::Frame);

impl std::hash::Hash for Visual<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.size().hash(state);
        for (point, item) in self.0.items() {
            match item {
                FrameItem::Group(group) => {
                    (0u8, point, &group.transform, &group.clip).hash(state);
                    Visual(&group.frame).hash(state);
                }
                FrameItem::Text(text) => (1u8, point, text).hash(state),
                FrameItem::Shape(shape, _) => (2u8, point, shape).hash(state),
                FrameItem::Image(image, size, _) => (3u8, point, image, size).hash(state),
                FrameItem::Link(..) | FrameItem::Tag(_) => {}
            }
        }
    }
}

/// The article under (page, y) given where articles start: the last one
/// that starts before that point in reading order.
pub fn article_at(marks: &[ArticleMark], page: usize, y: f64) -> Option<ArticleId> {
    marks
        .iter()
        .take_while(|m| (m.page, m.y) <= (page, y))
        .last()
        .map(|m| m.id)
}

/// Runs typst code, turning a panic inside it into an error value.
fn guard<T>(f: impl FnOnce() -> T) -> Result<T, TypesetError> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|payload| {
        let text = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        TypesetError::Internal(text)
    })
}

/// One line per diagnostic: `bulletin.typ:12: message (hint: …)`.
fn describe(world: &SandboxWorld, errors: &[SourceDiagnostic]) -> Vec<String> {
    errors
        .iter()
        .map(|error| {
            let line = world
                .range(error.span)
                .and_then(|range| {
                    world
                        .source(world.main())
                        .ok()?
                        .lines()
                        .byte_to_line(range.start)
                })
                .map(|l| format!("bulletin.typ:{}: ", l + 1))
                .unwrap_or_default();
            let hints: String = error
                .hints
                .iter()
                .map(|h| format!(" (hint: {})", h.v))
                .collect();
            format!("{line}{}{hints}", error.message)
        })
        .collect()
}

/// The template drops `metadata(id) <jianbao-article>` where each article
/// starts; their positions let a click on a page find its article.
fn article_marks(paged: &PagedDocument) -> Vec<ArticleMark> {
    template_marks(paged, "jianbao-article")
        .into_iter()
        .filter_map(|(value, page, y)| {
            let id = value.cast::<String>().ok()?;
            Some(ArticleMark {
                id: ArticleId(id.parse().ok()?),
                page,
                y,
            })
        })
        .collect()
}

/// The template's `metadata(value) <name>` marks: each value, and where it
/// sits (page index, points from the page's top), in reading order.
fn template_marks(
    paged: &PagedDocument,
    name: &str,
) -> Vec<(typst::foundations::Value, usize, f64)> {
    let Some(label) = Label::new(PicoStr::intern(name)) else {
        return Vec::new();
    };
    let introspector = paged.introspector();
    introspector
        .query(&Selector::Label(label))
        .iter()
        .filter_map(|content| {
            let value = content.to_packed::<MetadataElem>()?.value.clone();
            let position = introspector.position(content.location()?)?;
            Some((value, position.page.get() - 1, position.point.y.to_pt()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A volume of a few issues: the 目录 gives, for each article, the page
    /// where it starts; the page numbers run on; the units are indexed.
    #[test]
    fn a_volume_lists_each_article_at_its_page() {
        let fonts = Arc::new(FontSet::bundled());
        let issues: Vec<Issue> = (1..=3u32)
            .map(|n| {
                let mut issue = crate::sample::issue();
                issue.masthead.number = Some(n);
                issue
            })
            .collect();
        let doc = compile_volume(fonts, &issues, "首都精神文明建设情况简报", "2021 年合订本")
            .expect("typesets");
        let single = Typesetter::new(Arc::new(FontSet::bundled()))
            .compile(&issues[0])
            .expect("typesets")
            .page_count();
        assert!(doc.page_count() > 3 * single, "cover, 目录, issues, index");
        let marks = doc.article_marks().to_vec();
        assert_eq!(marks.len(), 9, "three articles an issue");
        let contents = doc.page_text(1);
        assert!(
            contents.contains("目") && contents.contains("录"),
            "{contents}"
        );
        // Each article's line ends with the page where it starts.
        for mark in &marks {
            let shown = (mark.page + 1).to_string();
            assert!(
                contents.contains(&shown),
                "page {shown} in the 目录: {contents}"
            );
        }
        let last = doc.page_text(doc.page_count() - 1);
        assert!(
            last.contains("单位索引") && last.contains("东城区"),
            "{last}"
        );
    }
    use std::sync::OnceLock;

    /// Fonts are loaded once for all tests in this module.
    pub(crate) fn fonts() -> Arc<FontSet> {
        static FONTS: OnceLock<Arc<FontSet>> = OnceLock::new();
        FONTS.get_or_init(|| Arc::new(FontSet::bundled())).clone()
    }

    /// The bundled sample, for the tests of this module's other files.
    pub(crate) fn sample() -> Issue {
        crate::sample::issue()
    }

    #[test]
    fn the_sample_typesets_on_a4_pages() {
        let doc = Typesetter::new(fonts())
            .compile(&crate::sample::issue())
            .expect("typesets");
        assert!(doc.page_count() >= 2, "{} pages", doc.page_count());
        let (w, h) = doc.page_size(0).expect("page 1");
        assert!(
            (w - 595.28).abs() < 0.5 && (h - 841.89).abs() < 0.5,
            "{w}×{h} pt is not A4"
        );
    }

    #[test]
    fn article_marks_follow_reading_order() {
        let issue = crate::sample::issue();
        let doc = Typesetter::new(fonts()).compile(&issue).expect("typesets");
        let ids: Vec<ArticleId> = doc.article_marks().iter().map(|m| m.id).collect();
        let expected: Vec<ArticleId> = issue.articles().map(|(_, _, a)| a.id).collect();
        assert_eq!(ids, expected);
        let first = doc.article_marks()[0];
        assert_eq!(doc.article_at(first.page, first.y + 10.0), Some(first.id));
        assert_eq!(doc.article_at(0, 10.0), None, "the masthead is no article");
    }

    #[test]
    fn an_edit_changes_only_the_pages_it_touches() {
        let mut issue = crate::sample::issue();
        let mut typesetter = Typesetter::new(fonts());
        let before = typesetter.compile(&issue).expect("typesets");
        issue.footer.editor = "李四".into();
        let after = typesetter.compile(&issue).expect("typesets");
        let last = after.page_count() - 1;
        assert_eq!(before.page_fingerprint(0), after.page_fingerprint(0));
        assert_ne!(before.page_fingerprint(last), after.page_fingerprint(last));
    }

    /// A preview of the first pages: cut after an article, every page but
    /// the last is the whole issue's page, and the 报尾 is left out. Cuts
    /// at the end of a section and in the middle of one, on an issue of
    /// two sections whose second heading would stick to its first article.
    #[test]
    fn a_prefix_lays_out_every_page_before_its_last_as_the_whole_issue() {
        let mut issue = crate::sample::large(12);
        let second: Vec<_> = issue.sections[0].articles.drain(7..).collect();
        issue.sections.push(crate::model::Section {
            heading: "志愿服务".into(),
            articles: second,
        });
        let mut typesetter = Typesetter::new(fonts());
        let whole = typesetter.compile(&issue).expect("typesets");
        assert!(whole.page_count() > 20, "{} pages", whole.page_count());
        let ids: Vec<ArticleId> = issue.articles().map(|(_, _, a)| a.id).collect();
        for through in [ids[0], ids[6], ids[9]] {
            let prefix = typesetter
                .compile_prefix(&issue, through)
                .expect("in the issue")
                .expect("typesets");
            let last = prefix.page_count() - 1;
            assert!(last >= 1 && last < whole.page_count() - 1, "cut short");
            for page in 0..last {
                assert_eq!(
                    prefix.page_fingerprint(page),
                    whole.page_fingerprint(page),
                    "page {} with the cut after {through:?}",
                    page + 1
                );
            }
            let marks: Vec<ArticleId> = prefix.article_marks().iter().map(|m| m.id).collect();
            assert_eq!(marks.last(), Some(&through));
            assert!(!prefix.page_text(last).contains("责编"), "no 报尾");
        }
        assert!(whole.page_text(whole.page_count() - 1).contains("责编"));
        assert!(typesetter.compile_prefix(&issue, ArticleId(999)).is_none());
    }

    /// A page drawn in strips on several threads stacks up to the page
    /// drawn whole: the masthead page (its large red title crosses the
    /// seams) at the preview's scales, in one to four strips.
    #[test]
    fn a_page_drawn_in_strips_is_the_page_drawn_whole() {
        let doc = Typesetter::new(fonts())
            .compile(&crate::sample::issue())
            .expect("typesets");
        for scale in [0.5, 1.5, 2.25] {
            let whole = doc.render_page(0, scale).expect("renders");
            for bands in 1..=4 {
                let [width, height] = doc.page_pixels(0, scale).expect("a page");
                assert_eq!(
                    [width, height],
                    [whole.width() as usize, whole.height() as usize]
                );
                let mut stacked = vec![0u8; width * height * 4];
                doc.render_rows_into(0, scale, 0..height, bands, &mut stacked)
                    .expect("renders");
                let worst = stacked
                    .iter()
                    .zip(whole.data())
                    .map(|(a, b)| a.abs_diff(*b))
                    .max();
                assert!(
                    worst <= Some(1),
                    "{bands} strips at {scale}: a channel off by {worst:?}"
                );
            }
        }
        assert!(doc.page_pixels(99, 1.0).is_err());
        assert!(doc.page_pixels(0, 1e6).is_err());
        let mut too_short = vec![0u8; 16];
        assert!(
            doc.render_rows_into(0, 1.0, 0..842, 2, &mut too_short)
                .is_err()
        );
    }

    #[test]
    fn renders_pages_and_refuses_absurd_sizes() {
        let doc = Typesetter::new(fonts())
            .compile(&crate::sample::issue())
            .expect("typesets");
        let pixmap = doc.render_page(0, 1.5).expect("renders");
        assert_eq!((pixmap.width(), pixmap.height()), (893, 1263));
        assert!(matches!(
            doc.render_page(99, 1.0),
            Err(TypesetError::NoSuchPage { index: 99, .. })
        ));
        assert!(matches!(
            doc.render_page(0, 1000.0),
            Err(TypesetError::TooLarge { .. })
        ));
        assert!(matches!(
            doc.render_page(0, f32::NAN),
            Err(TypesetError::TooLarge { .. })
        ));
    }

    #[test]
    fn impossible_style_values_are_errors_not_panics() {
        let mut issue = crate::sample::issue();
        issue.style.body_size = -3.0;
        issue.style.line_pitch = f64::NAN;
        let result = Typesetter::new(fonts()).compile(&issue);
        assert!(
            matches!(result, Err(TypesetError::Compile(_))),
            "{:?}",
            result.err()
        );
    }
}
