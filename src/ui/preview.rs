//! The right column: the typeset pages, as the worker renders them.

use std::ops::Range;
use std::time::Instant;

use egui::{Color32, Pos2, Rect, Sense, TextureHandle, TextureOptions, Ui, Vec2};

use crate::app::worker::{PageInfo, Update};
use crate::i18n::Wording;
use crate::i18n::{Lang, S, messages};
use crate::model::ArticleId;
use crate::typeset::{ArticleMark, PageBudget, TypesetError, article_at};

/// Space between pages, in UI points.
const GAP: f32 = 12.0;
const MIN_ZOOM: f32 = 0.2;
const MAX_ZOOM: f32 = 6.0;

/// One page on screen: its layout, and its image once rendered.
struct PageView {
    info: PageInfo,
    texture: Option<TextureHandle>,
    /// Fingerprint and scale of the image in `texture`.
    held: Option<(u128, f32)>,
    /// The generation the image was made for: it may arrive before that
    /// generation's layout (a long issue's pages in view come first).
    made_for: u64,
}

/// Pages stacked vertically, zoomable, clickable.
///
/// Invariant: `pages` follows the newest layout received; a page's texture
/// may be older than its layout (shown until the new image arrives), which
/// `held` records.
pub struct PreviewPanel {
    pages: Vec<PageView>,
    marks: Vec<ArticleMark>,
    /// The newest layout's page budget.
    budget: Option<PageBudget>,
    generation: u64,
    error: Option<(u64, TypesetError)>,
    /// Screen points per PDF point.
    zoom: f32,
    fit_width: bool,
    visible: Range<usize>,
    /// The page under the middle of the view: the one the page label names
    /// and ◀ ▶ step from. (Not the first page in view: scrolling to a page
    /// leaves a strip of the one before it showing.)
    current: usize,
    scroll_to: Option<(usize, f32)>,
    /// Page images taken in so far (for `ui::probes`).
    images_received: u64,
    /// When the worker sent the newest image taken in.
    newest_image_sent: Option<Instant>,
    /// Patches that found another image than the one they were made for:
    /// a change asks the worker for the pages again.
    repairs: u64,
}

impl Default for PreviewPanel {
    fn default() -> Self {
        Self {
            pages: Vec::new(),
            marks: Vec::new(),
            budget: None,
            generation: 0,
            error: None,
            zoom: 1.0,
            fit_width: true,
            visible: 0..1,
            images_received: 0,
            newest_image_sent: None,
            current: 0,
            scroll_to: None,
            repairs: 0,
        }
    }
}

impl PreviewPanel {
    /// Forgets all pages (another issue was opened).
    pub fn clear(&mut self) {
        let zoom = (self.zoom, self.fit_width);
        *self = Self::default();
        (self.zoom, self.fit_width) = zoom;
    }

    /// Takes in what the worker sent. Only changed pages arrive, so only
    /// they are uploaded to the GPU.
    pub fn apply(&mut self, ctx: &egui::Context, update: Update) {
        match update {
            Update::Layout {
                generation,
                pages,
                marks,
                budget,
            } => {
                self.generation = generation;
                self.error = None;
                self.marks = marks;
                self.budget = Some(budget);
                self.pages.truncate(pages.len());
                for (i, info) in pages.into_iter().enumerate() {
                    match self.pages.get_mut(i) {
                        Some(page) => page.info = info,
                        None => self.pages.push(PageView {
                            info,
                            texture: None,
                            held: None,
                            made_for: 0,
                        }),
                    }
                }
            }
            Update::Page {
                generation,
                index,
                fingerprint,
                scale,
                image,
                patch,
                sent,
            } => {
                let Some(page) = self.pages.get_mut(index) else {
                    return;
                };
                match (&mut page.texture, patch) {
                    // Over its own image, inside it (egui panics otherwise).
                    (Some(texture), Some(patch))
                        if page.held == Some((patch.over, scale))
                            && texture.size()[0] == image.width()
                            && patch.top + image.height() <= texture.size()[1] =>
                    {
                        texture.set_partial([0, patch.top], image, TextureOptions::LINEAR);
                    }
                    // Rows for an image this page no longer has (it was
                    // cleared, or replaced in between): ask again.
                    (_, Some(_)) => {
                        page.held = None;
                        self.repairs += 1;
                        return;
                    }
                    (Some(texture), None) => texture.set(image, TextureOptions::LINEAR),
                    (None, None) => {
                        page.texture = Some(ctx.load_texture(
                            format!("page-{index}"),
                            image,
                            TextureOptions::LINEAR,
                        ));
                    }
                }
                page.held = Some((fingerprint, scale));
                page.made_for = generation;
                self.images_received += 1;
                self.newest_image_sent = Some(sent);
            }
            Update::Failed { generation, error } => {
                self.generation = generation;
                self.error = Some((generation, error));
            }
            // Exports are the app's business, not the preview's.
            Update::Exported { .. } | Update::ExportProgress { .. } | Update::Fonts(_) => {}
        }
    }

    /// Whether the pages in view show the issue of `generation` at
    /// `scale`: every visible page's image was made for it (its layout
    /// may still be on its way), or its layout has come and the images
    /// match it; or its typesetting failed, which leaves the old pages up.
    pub fn is_current(&self, generation: u64, scale: f32) -> bool {
        let laid_out = self.generation == generation;
        if laid_out && self.error.is_some() {
            return true;
        }
        let visible = self.pages.get(self.visible.clone()).unwrap_or_default();
        if visible.is_empty() {
            return laid_out;
        }
        visible.iter().all(|page| {
            let image_current = page.held.is_some_and(|(_, s)| s == scale);
            image_current
                && (page.made_for == generation
                    || (laid_out && page.held == Some((page.info.fingerprint, scale))))
        })
    }

    /// How many page images have been taken in: a change means new pixels.
    pub fn images_received(&self) -> u64 {
        self.images_received
    }

    /// When the worker sent the newest page image taken in.
    pub fn newest_image_sent(&self) -> Option<Instant> {
        self.newest_image_sent
    }

    /// The generation of the newest layout or error shown.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// What the issue costs in pages, as last laid out.
    pub fn budget(&self) -> Option<&PageBudget> {
        self.budget.as_ref()
    }

    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    /// Fingerprints of the pages as laid out, for tests and status.
    pub fn fingerprints(&self) -> Vec<u128> {
        self.pages.iter().map(|p| p.info.fingerprint).collect()
    }

    /// What the UI holds for each page, for the worker to skip.
    pub fn held(&self) -> Vec<Option<(u128, f32)>> {
        self.pages.iter().map(|p| p.held).collect()
    }

    /// How many page patches could not be laid over their image: the
    /// pages are wanted again when it changes.
    pub fn repairs(&self) -> u64 {
        self.repairs
    }

    /// Pages to render: the visible ones and one either side.
    pub fn wanted_window(&self) -> Range<usize> {
        self.visible.start.saturating_sub(1)..self.visible.end + 1
    }

    /// Pixels per PDF point to render at: the zoom times the display's
    /// pixels per point, in steps of 1/8 so small zoom changes reuse images.
    pub fn render_scale(&self, pixels_per_point: f32) -> f32 {
        ((self.zoom * pixels_per_point * 8.0).ceil() / 8.0).clamp(0.25, 8.0)
    }

    /// Scrolls the preview to where an article starts.
    pub fn reveal(&mut self, id: ArticleId) {
        if let Some(mark) = self.marks.iter().find(|m| m.id == id) {
            self.scroll_to = Some((mark.page, mark.y as f32));
        }
    }

    /// Draws the pages, with a marker beside each article that has open
    /// comments (`commented`: article and count). Returns the article
    /// clicked on, if any.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        lang: Lang,
        selected: Option<ArticleId>,
        commented: &[(ArticleId, usize)],
    ) -> Option<ArticleId> {
        self.toolbar(ui, lang);
        if let Some((_, error)) = &self.error {
            egui::Frame::new()
                .fill(ui.visuals().error_fg_color.gamma_multiply(0.15))
                .inner_margin(6.0)
                .show(ui, |ui| {
                    ui.colored_label(ui.visuals().error_fg_color, error.message(lang));
                });
        }
        if self.pages.is_empty() {
            ui.centered_and_justified(|ui| ui.weak(S::Typesetting.get(lang)));
            return None;
        }

        // Ctrl + wheel zooms.
        if ui.rect_contains_pointer(ui.max_rect()) {
            let factor = ui.input(|i| i.zoom_delta());
            if factor != 1.0 {
                self.zoom = (self.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
                self.fit_width = false;
            }
        }
        let widest = self
            .pages
            .iter()
            .map(|p| p.info.size.0 as f32)
            .fold(1.0, f32::max);
        if self.fit_width {
            let available = (ui.available_width() - 2.0 * GAP - 12.0).max(50.0);
            self.zoom = (available / widest).clamp(MIN_ZOOM, MAX_ZOOM);
        }

        let zoom = self.zoom;
        let sizes: Vec<Vec2> = self
            .pages
            .iter()
            .map(|p| Vec2::new(p.info.size.0 as f32, p.info.size.1 as f32) * zoom)
            .collect();
        let content = Vec2::new(
            widest * zoom + 2.0 * GAP,
            sizes.iter().map(|s| s.y + GAP).sum::<f32>() + GAP,
        );

        let mut scroll = egui::ScrollArea::both().auto_shrink([false, false]);
        if let Some((page, y)) = self.scroll_to.take() {
            let top: f32 = sizes[..page.min(sizes.len())]
                .iter()
                .map(|s| s.y + GAP)
                .sum::<f32>()
                + GAP;
            scroll = scroll.vertical_scroll_offset((top + y * zoom - 40.0).max(0.0));
        }
        let mut clicked = None;
        let mut visible: Option<Range<usize>> = None;
        let mut middle: Option<usize> = None;
        scroll.show_viewport(ui, |ui, viewport| {
            let (area, _) = ui.allocate_exact_size(content, Sense::hover());
            // Pages sit on a grey desk, as in a PDF viewer, in either theme.
            let desk = if ui.visuals().dark_mode { 40 } else { 170 };
            ui.painter().rect_filled(
                viewport.translate(area.min.to_vec2()),
                0.0,
                Color32::from_gray(desk),
            );
            let mut top = area.top() + GAP;
            for (index, size) in sizes.iter().enumerate() {
                let left = area.left() + GAP + (widest * zoom - size.x) / 2.0;
                let rect = Rect::from_min_size(Pos2::new(left, top), *size);
                top += size.y + GAP;
                let on_screen = rect.translate(-area.min.to_vec2()).intersects(viewport);
                if !on_screen {
                    continue;
                }
                let page = rect.translate(-area.min.to_vec2());
                if page.top() - GAP <= viewport.center().y && viewport.center().y <= page.bottom() {
                    middle = Some(index);
                }
                visible = Some(match visible.take() {
                    Some(v) => v.start.min(index)..v.end.max(index + 1),
                    None => index..index + 1,
                });
                self.draw_page(ui, index, rect, selected);
                self.draw_comment_markers(ui, index, rect, commented, lang);
                let response =
                    ui.interact(rect, ui.scope_id().with(("page", index)), Sense::click());
                if response.clicked()
                    && let Some(pos) = response.interact_pointer_pos()
                {
                    let y = f64::from((pos.y - rect.top()) / zoom);
                    clicked = article_at(&self.marks, index, y);
                }
            }
        });
        if let Some(visible) = visible {
            self.current = middle.unwrap_or(visible.start);
            self.visible = visible;
        }
        clicked
    }

    fn draw_page(&self, ui: &Ui, index: usize, rect: Rect, selected: Option<ArticleId>) {
        let painter = ui.painter();
        painter.rect_filled(
            rect.translate(Vec2::splat(2.0)),
            0.0,
            Color32::from_black_alpha(40),
        );
        painter.rect_filled(rect, 0.0, Color32::WHITE);
        if let Some(texture) = &self.pages[index].texture {
            let uv = Rect::from_min_max(Pos2::ZERO, Pos2::new(1.0, 1.0));
            painter.image(texture.id(), rect, uv, Color32::WHITE);
        }
        // A bar in the left margin where the selected article starts.
        if let Some(mark) = self
            .marks
            .iter()
            .find(|m| Some(m.id) == selected && m.page == index)
        {
            let y = rect.top() + mark.y as f32 * self.zoom;
            let x = rect.left() + 40.0 * self.zoom;
            let bar = Rect::from_min_size(Pos2::new(x, y), Vec2::new(3.0, 24.0 * self.zoom));
            painter.rect_filled(bar, 1.0, ui.visuals().selection.bg_fill);
        }
    }

    /// A numbered note in the right margin where a commented article starts.
    /// Drawn over the page image only: never part of any export.
    fn draw_comment_markers(
        &self,
        ui: &Ui,
        index: usize,
        rect: Rect,
        commented: &[(ArticleId, usize)],
        lang: Lang,
    ) {
        for mark in self.marks.iter().filter(|m| m.page == index) {
            let Some((_, count)) = commented.iter().find(|(id, _)| *id == mark.id) else {
                continue;
            };
            let y = rect.top() + mark.y as f32 * self.zoom;
            let size = Vec2::new(22.0, 16.0);
            let x = (rect.right() - 30.0 * self.zoom - size.x / 2.0).max(rect.left());
            let note = Rect::from_min_size(Pos2::new(x, y), size);
            let painter = ui.painter();
            painter.rect_filled(note, 3.0, Color32::from_rgb(250, 204, 21));
            painter.text(
                note.center(),
                egui::Align2::CENTER_CENTER,
                count.to_string(),
                egui::FontId::proportional(11.0),
                Color32::BLACK,
            );
            ui.interact(
                note,
                ui.scope_id().with(("comment-marker", mark.id)),
                Sense::hover(),
            )
            .on_hover_text(messages::open_comments(*count, lang));
        }
    }

    fn toolbar(&mut self, ui: &mut Ui, lang: Lang) {
        ui.horizontal(|ui| {
            let count = self.pages.len();
            let current = self.current.min(count.saturating_sub(1));
            if ui
                .add_enabled(current > 0, egui::Button::new("◀"))
                .on_hover_text(S::PreviousPage.get(lang))
                .clicked()
            {
                self.scroll_to = Some((current - 1, 0.0));
            }
            ui.label(messages::page_of(current + 1, count, lang));
            if ui
                .add_enabled(current + 1 < count, egui::Button::new("▶"))
                .on_hover_text(S::NextPage.get(lang))
                .clicked()
            {
                self.scroll_to = Some((current + 1, 0.0));
            }
            ui.separator();
            if ui
                .button("－")
                .on_hover_text(S::ZoomOut.get(lang))
                .clicked()
            {
                self.zoom_by(1.0 / 1.2);
            }
            ui.label(format!("{:.0}%", self.zoom * 100.0));
            if ui.button("＋").on_hover_text(S::ZoomIn.get(lang)).clicked() {
                self.zoom_by(1.2);
            }
            ui.toggle_value(&mut self.fit_width, S::FitWidth.get(lang));
        });
    }

    /// Zooms the pages in (`factor` > 1) or out, leaving fit-to-width.
    pub fn zoom_by(&mut self, factor: f32) {
        self.zoom = (self.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        self.fit_width = false;
    }

    /// The pages' zoom (screen points per PDF point).
    pub fn zoom(&self) -> f32 {
        self.zoom
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(generation: u64, index: usize, fingerprint: u128) -> Update {
        Update::Page {
            generation,
            index,
            fingerprint,
            scale: 1.0,
            image: egui::ColorImage::filled([2, 2], Color32::WHITE),
            patch: None,
            sent: Instant::now(),
        }
    }

    /// Rows for page `index` laid over the image of fingerprint `over`.
    fn patch(generation: u64, index: usize, fingerprint: u128, over: u128) -> Update {
        let mut update = page(generation, index, fingerprint);
        if let Update::Page { patch, image, .. } = &mut update {
            *patch = Some(crate::app::worker::Patch { over, top: 1 });
            *image = egui::ColorImage::filled([2, 1], Color32::RED);
        }
        update
    }

    fn layout(generation: u64, fingerprints: &[u128]) -> Update {
        Update::Layout {
            generation,
            pages: fingerprints
                .iter()
                .map(|&fingerprint| PageInfo {
                    size: (595.0, 842.0),
                    fingerprint,
                })
                .collect(),
            marks: Vec::new(),
            budget: PageBudget::default(),
        }
    }

    /// A long issue's page in view may come before its layout: the view is
    /// current once the image is, and stays so when the layout agrees.
    #[test]
    fn a_page_made_for_an_edit_is_current_before_its_layout() {
        let ctx = egui::Context::default();
        let mut preview = PreviewPanel::default();
        preview.apply(&ctx, layout(1, &[10, 11, 12]));
        preview.apply(&ctx, page(1, 0, 10));
        assert!(preview.is_current(1, 1.0));
        assert!(!preview.is_current(2, 1.0), "edit 2 not yet shown");
        let mut answer = page(2, 0, 20);
        let answered = Instant::now();
        if let Update::Page { sent, .. } = &mut answer {
            *sent = answered;
        }
        preview.apply(&ctx, answer);
        assert!(preview.is_current(2, 1.0));
        assert_eq!(
            preview.newest_image_sent(),
            Some(answered),
            "when it was sent"
        );
        assert!(!preview.is_current(2, 2.0), "not at another scale");
        preview.apply(&ctx, layout(2, &[20, 11, 12]));
        assert!(preview.is_current(2, 1.0));
        // A layout whose page differs from the image held: not current.
        preview.apply(&ctx, layout(3, &[30, 11, 12]));
        assert!(!preview.is_current(3, 1.0));
    }

    /// Changed rows go over the image they were made for; rows for an
    /// image the page no longer shows are refused, and the pages are
    /// asked for again.
    #[test]
    fn rows_go_over_their_own_image_or_the_page_is_asked_for_again() {
        let ctx = egui::Context::default();
        let mut preview = PreviewPanel::default();
        preview.apply(&ctx, layout(1, &[10, 11]));
        preview.apply(&ctx, page(1, 0, 10));
        preview.apply(&ctx, patch(2, 0, 20, 10));
        assert_eq!(preview.held()[0], Some((20, 1.0)));
        assert_eq!(preview.images_received(), 2);
        assert_eq!(preview.repairs(), 0);

        // Made for 10, but the page shows 20 now.
        preview.apply(&ctx, patch(3, 0, 30, 10));
        assert_eq!(preview.held()[0], None, "its image is wanted again");
        assert_eq!(preview.repairs(), 1);
        assert_eq!(preview.images_received(), 2);
        // Page 2 has no image at all.
        preview.apply(&ctx, patch(3, 1, 31, 11));
        assert_eq!(preview.held()[1], None);
        assert_eq!(preview.repairs(), 2);
        // Rows that would reach past the image's foot: refused, no panic.
        preview.apply(&ctx, page(4, 0, 40));
        let mut tall = patch(5, 0, 50, 40);
        if let Update::Page { image, .. } = &mut tall {
            *image = egui::ColorImage::filled([2, 2], Color32::RED);
        }
        preview.apply(&ctx, tall);
        assert_eq!(preview.held()[0], None);
        assert_eq!(preview.repairs(), 3);
    }
}
