//! An article's photos and tables, under its text: each photo's caption,
//! width and place; a grid of cells for each table, with rows and columns
//! added and removed, Tab to the next cell and cells pasted from WPS or
//! Excel spreading over the grid; inserting (a photo from a file, by the
//! button or by dropping it on the window, or pasted from the clipboard),
//! moving and removing. Every change is an
//! edit of the issue, so undo takes it back like any other.

use egui::{TextEdit, Ui};

use crate::app::Command;
use crate::i18n::{Lang, S, messages};
use crate::model::{
    Article, ArticleId, ArticlePart, Field, Figure, Image, ImageBytes, Photo, PhotoWidth, Placed,
    Table,
};
use crate::typeset::PAGE;
use crate::ui::focus::{FieldFocus, field_id};

/// What a figure's buttons ask for.
enum Move {
    Up(usize),
    Down(usize),
    Remove(usize),
}

/// The panel; returns the command to insert a photo, when one is asked
/// for. `at(part)` addresses a part of this article.
pub fn ui(
    ui: &mut Ui,
    article: &mut Article,
    id: ArticleId,
    editable: bool,
    lang: Lang,
    at: &dyn Fn(ArticlePart) -> Field,
    focus: &mut FieldFocus,
) -> Option<Command> {
    let mut command = None;
    // A new table's first cell takes the keyboard a frame after the click:
    // in the click's own frame egui gives focus up for a click elsewhere.
    let focus_next = egui::Id::unique("jianbao-figure-focus-next");
    if let Some(Some(cell)) = ui.data_mut(|d| d.remove_temp::<Option<egui::Id>>(focus_next)) {
        ui.memory_mut(|m| m.request_focus(cell));
    }
    ui.add_space(8.0);
    ui.separator();
    ui.horizontal_wrapped(|ui| {
        ui.strong(S::Figures.get(lang));
        if !editable {
            ui.disable();
        }
        if ui.button(S::InsertPhoto.get(lang)).clicked() {
            command = Some(Command::InsertPhoto {
                article: id,
                path: None,
            });
        }
        if ui.button(S::InsertTable.get(lang)).clicked() {
            article.figures.push(Placed {
                after: article.body.len(),
                figure: Figure::Table(Table {
                    header: vec![String::new(); 3],
                    rows: vec![vec![String::new(); 3]; 2],
                    ..Table::default()
                }),
            });
            // The new table's first cell takes the keyboard.
            let figure = article.figures.len() - 1;
            let first = at(ArticlePart::Cell {
                figure,
                row: 0,
                column: 0,
            });
            ui.data_mut(|d| d.insert_temp(focus_next, Some(field_id(first))));
        }
        ui.weak(S::InsertPhotoHint.get(lang));
    });
    if editable && command.is_none() {
        command = dropped_photo(ui, id).or_else(|| pasted_photo(ui, id));
    }

    let paragraphs = article.body.len();
    let mut thumbnails = Thumbnails::take(ui.ctx());
    let mut moved = None;
    for (i, placed) in article.figures.iter_mut().enumerate() {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            if !editable {
                ui.disable();
            }
            ui.horizontal_wrapped(|ui| {
                let kind = match placed.figure {
                    Figure::Photo(_) => S::PhotoLabel,
                    Figure::Table(_) => S::TableLabel,
                };
                ui.strong(format!("{} {}", kind.get(lang), i + 1));
                ui.label(S::AfterParagraph.get(lang));
                ui.add(egui::DragValue::new(&mut placed.after).range(0..=paragraphs));
                if ui.small_button(S::MoveUp.get(lang)).clicked() {
                    moved = Some(Move::Up(i));
                }
                if ui.small_button(S::MoveDown.get(lang)).clicked() {
                    moved = Some(Move::Down(i));
                }
                if ui.small_button(S::RemoveFigure.get(lang)).clicked() {
                    moved = Some(Move::Remove(i));
                }
            });
            match &mut placed.figure {
                Figure::Photo(photo) => {
                    thumbnails.show(ui, &photo.image, S::PhotoPreview.get(lang));
                    photo_ui(ui, photo, at(ArticlePart::Caption(i)), lang, focus);
                }
                Figure::Table(table) => table_ui(ui, table, i, lang, at, focus),
            }
        });
    }
    thumbnails.keep(ui.ctx());
    if let Some(moved) = moved {
        move_figure(article, moved);
    }
    // A place typed into a figure's field can put it out of order; the
    // panel lists them, and moves them, in reading order.
    if !article.figures.is_sorted_by_key(|placed| placed.after) {
        article.figures.sort_by_key(|placed| placed.after);
    }
    command
}

/// Small pictures of the shown article's photos, made once per photo: the
/// image's bytes (held, so that their address is not reused) and its
/// texture, by the address of the bytes. Those not shown in a frame are
/// dropped at its end.
#[derive(Clone, Default)]
struct Thumbnails {
    kept: std::collections::HashMap<usize, (ImageBytes, Option<egui::TextureHandle>)>,
    shown: std::collections::HashMap<usize, (ImageBytes, Option<egui::TextureHandle>)>,
}

impl Thumbnails {
    const KEY: &str = "jianbao-photo-thumbnails";
    /// The longest side of a thumbnail, in points.
    const SIZE: f32 = 160.0;

    fn take(ctx: &egui::Context) -> Self {
        let key = egui::Id::unique(Self::KEY);
        let kept = ctx
            .data_mut(|d| d.remove_temp::<Self>(key))
            .unwrap_or_default()
            .shown;
        Thumbnails {
            kept,
            shown: Default::default(),
        }
    }

    fn keep(self, ctx: &egui::Context) {
        ctx.data_mut(|d| d.insert_temp(egui::Id::unique(Self::KEY), self));
    }

    /// Shows `image`'s thumbnail, named `name` for screen readers.
    fn show(&mut self, ui: &mut Ui, image: &Image, name: &str) {
        let key = image.bytes.as_slice().as_ptr() as usize;
        let entry = self.kept.remove(&key).unwrap_or_else(|| {
            let texture = decode_thumbnail(image).map(|picture| {
                ui.ctx()
                    .load_texture(format!("photo-{key:x}"), picture, Default::default())
            });
            (image.bytes.clone(), texture)
        });
        if let Some(texture) = &entry.1 {
            let size = texture.size_vec2();
            let scale = (Self::SIZE / size.x.max(size.y)).min(1.0);
            ui.add(egui::Image::new((texture.id(), size * scale)).alt_text(name));
        }
        self.shown.insert(key, entry);
    }
}

/// The photo scaled to a thumbnail, or `None` when it does not decode.
fn decode_thumbnail(image: &Image) -> Option<egui::ColorImage> {
    let side = (Thumbnails::SIZE * 2.0) as u32;
    let picture = image::load_from_memory(image.bytes.as_slice())
        .ok()?
        .thumbnail(side, side);
    let rgba = picture.to_rgba8();
    let size = [rgba.width() as usize, rgba.height() as usize];
    Some(egui::ColorImage::from_rgba_unmultiplied(
        size,
        rgba.as_raw(),
    ))
}

/// A photo dropped on the window, for this article.
fn dropped_photo(ui: &Ui, id: ArticleId) -> Option<Command> {
    let dropped = ui.ctx().input(|i| i.raw.dropped_files.clone());
    let path = dropped.iter().map(|f| f.path()).find(|p| {
        p.extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| ["jpg", "jpeg", "png"].contains(&e.to_ascii_lowercase().as_str()))
    })?;
    Some(Command::InsertPhoto {
        article: id,
        path: Some(path.to_owned()),
    })
}

/// An image pasted (Ctrl+V with a picture on the clipboard) while this
/// article's form is shown, for this article.
fn pasted_photo(ui: &Ui, id: ArticleId) -> Option<Command> {
    let image = ui.input(|i| {
        i.events.iter().find_map(|e| match e {
            egui::Event::PasteImage(image) => Some(image.clone()),
            _ => None,
        })
    })?;
    Some(Command::PastePhoto { article: id, image })
}

fn photo_ui(ui: &mut Ui, photo: &mut Photo, caption: Field, lang: Lang, focus: &mut FieldFocus) {
    let image = &photo.image;
    let dpi = photo.dpi(PAGE.type_width());
    ui.weak(messages::photo_size(image.width, image.height, dpi, lang));
    caption_row(ui, S::Caption, &mut photo.caption, caption, lang, focus);
    ui.horizontal(|ui| {
        ui.radio_value(&mut photo.width, PhotoWidth::Full, S::FullWidth.get(lang));
        ui.radio_value(&mut photo.width, PhotoWidth::Half, S::HalfWidth.get(lang));
    });
}

/// A photo's caption or a table's title: a labelled line, reachable by a
/// jump from the problems panel.
fn caption_row(
    ui: &mut Ui,
    label: S,
    text: &mut String,
    field: Field,
    lang: Lang,
    focus: &mut FieldFocus,
) {
    ui.horizontal(|ui| {
        let label = ui.label(label.get(lang));
        let id = field_id(field);
        ui.add(
            TextEdit::singleline(text)
                .id(id)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
        focus.apply(ui.ctx(), field, id);
    });
}

fn table_ui(
    ui: &mut Ui,
    table: &mut Table,
    figure: usize,
    lang: Lang,
    at: &dyn Fn(ArticlePart) -> Field,
    focus: &mut FieldFocus,
) {
    let title = at(ArticlePart::Caption(figure));
    caption_row(ui, S::TableTitle, &mut table.title, title, lang, focus);
    let cell_field = |row, column| {
        at(ArticlePart::Cell {
            figure,
            row,
            column,
        })
    };
    // Cells copied from a spreadsheet, pasted into the cell that has the
    // keyboard, spread over the grid instead of into that one cell.
    let columns = table.columns().max(1);
    let focused = ui.memory(|m| m.focused()).and_then(|focused| {
        (0..=table.rows.len())
            .flat_map(|r| (0..columns).map(move |c| (r, c)))
            .find(|&(r, c)| field_id(cell_field(r, c)) == focused)
    });
    if let Some((row, column)) = focused
        && let Some(cells) = take_tabular_paste(ui)
    {
        table.paste(row, column, &cells);
    }
    let columns = table.columns().max(1);
    egui::Grid::new(("table-cells", figure))
        .spacing([4.0, 4.0])
        .show(ui, |ui| {
            for row in 0..=table.rows.len() {
                for column in 0..columns {
                    let field = cell_field(row, column);
                    let id = field_id(field);
                    let mut text = table
                        .row(row)
                        .and_then(|r| r.get(column))
                        .cloned()
                        .unwrap_or_default();
                    // A grid squeezes its cells to their content without a
                    // least size.
                    let mut edit = TextEdit::singleline(&mut text)
                        .id(id)
                        .desired_width(88.0)
                        .min_size(egui::vec2(88.0, 0.0));
                    if row == 0 {
                        edit = edit.font(egui::TextStyle::Button);
                    }
                    if ui.add(edit).changed() {
                        table.square();
                        if let Some(cell) = table.row_mut(row).and_then(|r| r.get_mut(column)) {
                            *cell = text;
                        }
                    }
                    focus.apply(ui.ctx(), field, id);
                }
                ui.end_row();
            }
        });
    ui.horizontal_wrapped(|ui| {
        if ui.small_button(S::AddRow.get(lang)).clicked() {
            table.rows.push(vec![String::new(); columns]);
        }
        if ui.small_button(S::RemoveRow.get(lang)).clicked() {
            table.rows.pop();
        }
        if ui.small_button(S::AddColumn.get(lang)).clicked() {
            table.square();
            for row in std::iter::once(&mut table.header).chain(&mut table.rows) {
                row.push(String::new());
            }
        }
        if ui.small_button(S::RemoveColumn.get(lang)).clicked() && columns > 1 {
            table.square();
            for row in std::iter::once(&mut table.header).chain(&mut table.rows) {
                row.pop();
            }
            table.align.truncate(columns - 1);
        }
    });
    ui.weak(S::TablePasteHint.get(lang));
}

/// A paste of several cells (text with a tab or a line break), taken out
/// of this frame's input so the cell's own text field does not get it.
fn take_tabular_paste(ui: &Ui) -> Option<String> {
    ui.input_mut(|input| {
        let at = input.events.iter().position(
            |e| matches!(e, egui::Event::Paste(text) if text.trim_end().contains(['\t', '\n'])),
        )?;
        match input.events.remove(at) {
            egui::Event::Paste(text) => Some(text),
            _ => None,
        }
    })
}

/// Moves a figure up or down past the block before or after it (another
/// figure at the same place, else a paragraph), or removes it; figures
/// stay listed in reading order.
fn move_figure(article: &mut Article, moved: Move) {
    let figures = &mut article.figures;
    match moved {
        Move::Remove(i) if i < figures.len() => {
            figures.remove(i);
        }
        Move::Up(i) if i < figures.len() => {
            if i > 0 && figures[i - 1].after == figures[i].after {
                figures.swap(i - 1, i);
            } else {
                figures[i].after = figures[i].after.saturating_sub(1);
            }
        }
        Move::Down(i) if i < figures.len() => {
            if i + 1 < figures.len() && figures[i + 1].after == figures[i].after {
                figures.swap(i, i + 1);
            } else {
                figures[i].after = (figures[i].after + 1).min(article.body.len());
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Paragraph;

    /// Figures at 0 (a table) and 1 (a photo) among three paragraphs.
    fn article() -> Article {
        Article {
            body: ["一。", "二。", "三。"].map(Paragraph::plain).to_vec(),
            figures: vec![
                Placed {
                    after: 0,
                    figure: Figure::Table(Table::from_tab_separated("区\t数")),
                },
                Placed {
                    after: 1,
                    figure: Figure::Photo(Photo::default()),
                },
            ],
            ..Article::default()
        }
    }

    fn places(article: &Article) -> Vec<(usize, bool)> {
        let photo = |f: &Figure| matches!(f, Figure::Photo(_));
        article
            .figures
            .iter()
            .map(|p| (p.after, photo(&p.figure)))
            .collect()
    }

    #[test]
    fn a_figure_moves_past_the_block_next_to_it() {
        let mut a = article();
        // Up past paragraph 一: now at the same place as the table, after it.
        move_figure(&mut a, Move::Up(1));
        assert_eq!(places(&a), [(0, false), (0, true)]);
        // Up again: past the table.
        move_figure(&mut a, Move::Up(1));
        assert_eq!(places(&a), [(0, true), (0, false)]);
        // Down from the last place stays at the end.
        let mut b = article();
        for _ in 0..5 {
            let last = b.figures.len() - 1;
            move_figure(&mut b, Move::Down(last));
        }
        assert_eq!(places(&b), [(0, false), (3, true)]);
        move_figure(&mut b, Move::Remove(0));
        assert_eq!(places(&b), [(3, true)]);
    }
}
