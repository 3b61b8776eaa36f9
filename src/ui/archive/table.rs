//! Every issue of the archive in a table: sort by any column, filter by
//! text, double-click (or 打开) to open. Only the rows on screen are drawn,
//! so thousands of issues scroll smoothly.

use std::cmp::Ordering;

use egui::{Label, Sense, Ui};

use super::ArchiveView;
use crate::app::Command;
use crate::archive::{Archive, Entry};
use crate::i18n::{Lang, S, messages};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Name,
    Number,
    Total,
    Date,
    Status,
    Articles,
    File,
}

const COLUMNS: [(Column, S, f32); 7] = [
    (Column::Name, S::ColName, 220.0),
    (Column::Number, S::ColNumber, 90.0),
    (Column::Total, S::ColTotal, 90.0),
    (Column::Date, S::ColDate, 90.0),
    (Column::Status, S::ColStatus, 60.0),
    (Column::Articles, S::ColArticles, 50.0),
    (Column::File, S::ColFile, 220.0),
];

const ROW_HEIGHT: f32 = 20.0;

/// The table's sorting, filter and selection, and the row order they give.
pub struct IssueTable {
    filter: String,
    sort: Column,
    ascending: bool,
    selected: Option<std::path::PathBuf>,
    /// Entry indices in display order, and what they were computed from.
    rows: Vec<usize>,
    computed: Option<(u64, String, Column, bool)>,
}

impl Default for IssueTable {
    fn default() -> Self {
        Self {
            filter: String::new(),
            sort: Column::Date,
            ascending: false,
            selected: None,
            rows: Vec::new(),
            computed: None,
        }
    }
}

impl IssueTable {
    pub fn ui(&mut self, ui: &mut Ui, view: &ArchiveView, lang: Lang) -> Option<Command> {
        let archive = &view.archive;
        let mut request = None;
        ui.horizontal(|ui| {
            let label = ui.label(S::Filter.get(lang));
            ui.add(
                egui::TextEdit::singleline(&mut self.filter)
                    .hint_text(S::FilterHint.get(lang))
                    .desired_width(240.0),
            )
            .labelled_by(label.id);
            let chosen = self.selected.clone().filter(|p| archive.entry(p).is_some());
            if ui
                .add_enabled(chosen.is_some(), egui::Button::new(S::OpenButton.get(lang)))
                .clicked()
                && let Some(path) = chosen
            {
                request = Some(Command::OpenPath(path));
            }
        });
        let key = (
            view.generation,
            self.filter.clone(),
            self.sort,
            self.ascending,
        );
        if self.computed.as_ref() != Some(&key) {
            self.rows = order(archive, &self.filter, self.sort, self.ascending, lang);
            self.computed = Some(key);
        }

        egui::ScrollArea::horizontal()
            .id_salt("issue-table")
            .show(ui, |ui| {
                self.header_ui(ui, lang);
                ui.separator();
                egui::ScrollArea::vertical()
                    .id_salt("issue-rows")
                    .auto_shrink([false, false])
                    .show_rows(ui, ROW_HEIGHT, self.rows.len(), |ui, range| {
                        for &i in &self.rows[range] {
                            let entry = &archive.entries[i];
                            let selected = self.selected.as_deref() == Some(entry.path.as_path());
                            let response = row_ui(ui, archive, entry, selected, lang);
                            if response.clicked() {
                                self.selected = Some(entry.path.clone());
                            }
                            if response.double_clicked() {
                                request = Some(Command::OpenPath(entry.path.clone()));
                            }
                        }
                    });
            });
        request
    }

    /// The column titles; clicking one sorts by it, again reverses.
    fn header_ui(&mut self, ui: &mut Ui, lang: Lang) {
        ui.horizontal(|ui| {
            for (column, title, width) in COLUMNS {
                let arrow = match (self.sort == column, self.ascending) {
                    (false, _) => "",
                    (true, true) => " ▲",
                    (true, false) => " ▼",
                };
                let header = egui::Button::new(
                    egui::RichText::new(format!("{}{arrow}", title.get(lang))).strong(),
                )
                .frame(false)
                .min_size(egui::vec2(width, ROW_HEIGHT));
                if ui.add_sized([width, ROW_HEIGHT], header).clicked() {
                    if self.sort == column {
                        self.ascending = !self.ascending;
                    } else {
                        self.sort = column;
                        self.ascending = true;
                    }
                }
            }
        });
    }
}

/// One issue's row: its cells, highlighted when selected or hovered.
fn row_ui(
    ui: &mut Ui,
    archive: &Archive,
    entry: &Entry,
    selected: bool,
    lang: Lang,
) -> egui::Response {
    let width: f32 = COLUMNS
        .iter()
        .map(|(_, _, w)| w + ui.spacing().item_spacing.x)
        .sum();
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, ROW_HEIGHT), Sense::click());
    if selected || response.hovered() {
        let fill = if selected {
            ui.visuals().selection.bg_fill.gamma_multiply(0.4)
        } else {
            ui.visuals().widgets.hovered.weak_bg_fill
        };
        ui.painter().rect_filled(rect, 2.0, fill);
    }
    let mut left = rect.left();
    for (column, _, width) in COLUMNS {
        let cell_rect =
            egui::Rect::from_min_size(egui::pos2(left, rect.top()), egui::vec2(width, ROW_HEIGHT));
        let text = cell(archive, entry, column, lang);
        // Text reads from the left, numbers line up on the right.
        let layout = match column {
            Column::Name | Column::File | Column::Status => {
                egui::Layout::left_to_right(egui::Align::Center)
            }
            _ => egui::Layout::right_to_left(egui::Align::Center),
        };
        ui.scope_builder(
            egui::UiBuilder::new().max_rect(cell_rect).layout(layout),
            |ui| {
                ui.add(
                    Label::new(text)
                        .truncate()
                        .selectable(false)
                        .sense(Sense::hover()),
                );
            },
        );
        left += width + ui.spacing().item_spacing.x;
    }
    response
}

/// What one cell shows.
fn cell(archive: &Archive, entry: &Entry, column: Column, lang: Lang) -> String {
    match column {
        Column::Name => entry.name.clone(),
        Column::Number => messages::issue_number(entry.number, entry.supplement, lang),
        Column::Total => messages::total_number(entry.total_number, lang),
        Column::Date => entry.date.map(|d| d.to_string()).unwrap_or_default(),
        Column::Status => messages::status_label(entry.status, lang).to_owned(),
        Column::Articles => entry.articles.len().to_string(),
        Column::File => crate::archive::relative_path(&archive.folder, &entry.path),
    }
}

/// The entries that match `filter`, sorted.
fn order(archive: &Archive, filter: &str, sort: Column, ascending: bool, lang: Lang) -> Vec<usize> {
    let filter = filter.trim();
    let mut rows: Vec<usize> = (0..archive.entries.len())
        .filter(|&i| {
            filter.is_empty()
                || COLUMNS.iter().any(|(column, _, _)| {
                    cell(archive, &archive.entries[i], *column, lang).contains(filter)
                })
        })
        .collect();
    let compare = |a: &Entry, b: &Entry| -> Ordering {
        match sort {
            Column::Name => a.name.cmp(&b.name),
            Column::Number => (a.supplement, a.number).cmp(&(b.supplement, b.number)),
            Column::Total => a.total_number.cmp(&b.total_number),
            Column::Date => a.date.cmp(&b.date),
            Column::Status => (a.status as u8).cmp(&(b.status as u8)),
            Column::Articles => a.articles.len().cmp(&b.articles.len()),
            Column::File => a.path.cmp(&b.path),
        }
        // Ties in date order, then by file, so the order is stable.
        .then_with(|| (a.date, a.total_number, a.number).cmp(&(b.date, b.total_number, b.number)))
        .then_with(|| a.path.cmp(&b.path))
    };
    rows.sort_by(|&a, &b| {
        let ordering = compare(&archive.entries[a], &archive.entries[b]);
        if ascending {
            ordering
        } else {
            ordering.reverse()
        }
    });
    rows
}
