//! Full-text search over the archive: words, unit, date range; each result
//! shows the words in context and opens the issue at that article.

use egui::text::{LayoutJob, TextFormat};
use egui::{FontId, Sense, Ui};

use super::ArchiveView;
use crate::app::Command;
use crate::archive::Entry;
use crate::archive::search::{Hit, Query, search};
use crate::i18n::{Lang, S, messages};
use crate::model::Quote;
use crate::ui::widgets::{date_picker, unit_picker};

/// Results listed at most; the count says how many there are in all.
const LIMIT: usize = 300;

#[derive(Default)]
pub struct SearchTab {
    query: Query,
    /// The results, and the query and archive generation they are for.
    results: Vec<Hit>,
    total: usize,
    searched: Option<(Query, u64)>,
    /// The units the picker offers, and the archive generation they are of.
    units: (u64, Vec<String>),
}

impl SearchTab {
    /// Looks for `words` of `unit`, at any date.
    pub fn look_for(&mut self, words: &str, unit: &str) {
        self.query = Query {
            text: words.to_owned(),
            unit: unit.to_owned(),
            ..Query::default()
        };
    }

    pub fn ui(&mut self, ui: &mut Ui, view: &ArchiveView, lang: Lang) -> Option<Command> {
        // The picker's units, read again only when the archive changes.
        if self.units.0 != view.generation {
            let expected = view.archive.expected_units().into_iter();
            self.units = (view.generation, expected.map(str::to_owned).collect());
        }
        let units = std::mem::take(&mut self.units.1);
        self.form_ui(ui, &units, lang);
        self.units.1 = units;
        let key = (self.query.clone(), view.generation);
        if self.searched.as_ref() != Some(&key) {
            let wanted = !self.query.text.trim().is_empty() || !self.query.unit.trim().is_empty();
            (self.results, self.total) = if wanted {
                search(&view.archive, &self.query, LIMIT)
            } else {
                (Vec::new(), 0)
            };
            self.searched = Some(key);
        }
        ui.separator();
        ui.label(messages::match_total(self.total, self.results.len(), lang));

        let mut request = None;
        egui::ScrollArea::vertical()
            .id_salt("archive-search-results")
            .auto_shrink([false, false])
            .show_rows(ui, 40.0, self.results.len(), |ui, range| {
                for hit in &self.results[range] {
                    let entry = &view.archive.entries[hit.entry];
                    if hit_row(ui, entry, hit, lang) {
                        request = Some(Command::OpenArticle(
                            entry.path.clone(),
                            hit.article,
                            words(hit),
                        ));
                    }
                }
            });
        request
    }

    /// What to look for: words, unit, dates.
    fn form_ui(&mut self, ui: &mut Ui, units: &[String], lang: Lang) {
        egui::Grid::new("archive-search-form")
            .num_columns(2)
            .spacing([8.0, 6.0])
            .show(ui, |ui| {
                let label = ui.label(S::SearchText.get(lang));
                ui.add(
                    egui::TextEdit::singleline(&mut self.query.text)
                        .hint_text(S::SearchHint.get(lang))
                        .desired_width(320.0),
                )
                .labelled_by(label.id);
                ui.end_row();

                let label = ui.label(S::SearchUnit.get(lang));
                ui.horizontal(|ui| {
                    ui.add(egui::TextEdit::singleline(&mut self.query.unit).desired_width(120.0))
                        .labelled_by(label.id);
                    if !units.is_empty() {
                        let names = units.iter().map(String::as_str);
                        unit_picker(ui, "search-unit", &mut self.query.unit, names, lang);
                    }
                });
                ui.end_row();

                ui.label(S::ColDate.get(lang));
                ui.horizontal(|ui| {
                    ui.label(S::FromDate.get(lang));
                    date_picker(ui, &mut self.query.from, lang);
                    ui.label(S::ToDate.get(lang));
                    date_picker(ui, &mut self.query.to, lang);
                });
                ui.end_row();
            });
    }
}

/// One result: its issue and unit, and the words found in their context,
/// marked. True when clicked.
fn hit_row(ui: &mut Ui, entry: &Entry, hit: &Hit, lang: Lang) -> bool {
    let heading = format!(
        "{} {} · {}",
        entry.date.map(|d| d.to_string()).unwrap_or_default(),
        messages::issue_number(entry.number, entry.supplement, lang),
        hit.unit
    );
    let font = FontId::proportional(14.0);
    let (text, strong) = (ui.visuals().text_color(), ui.visuals().strong_text_color());
    let mut job = LayoutJob::default();
    job.append(
        &format!("…{}", hit.before),
        0.0,
        TextFormat::simple(font.clone(), text),
    );
    job.append(
        &hit.matched,
        0.0,
        TextFormat {
            font_id: font.clone(),
            color: strong,
            background: ui.visuals().selection.bg_fill,
            ..Default::default()
        },
    );
    job.append(
        &format!("{}…", hit.after),
        0.0,
        TextFormat::simple(font, text),
    );
    let size = egui::vec2(ui.available_width(), 40.0);
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    if response.hovered() {
        ui.painter()
            .rect_filled(rect, 2.0, ui.visuals().widgets.hovered.weak_bg_fill);
    }
    ui.scope_builder(egui::UiBuilder::new().max_rect(rect), |ui| {
        ui.strong(&heading);
        ui.add(
            egui::Label::new(job)
                .truncate()
                .selectable(false)
                .sense(Sense::hover()),
        );
    });
    let described = format!("{heading} {}{}{}", hit.before, hit.matched, hit.after);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, described.clone()));
    response.on_hover_text(S::JumpHint.get(lang)).clicked()
}

/// The words a hit found, with their context, to find them again in the
/// article (an empty search selects nothing).
fn words(hit: &Hit) -> Quote {
    Quote {
        text: hit.matched.clone(),
        before: hit.before.clone(),
        after: hit.after.clone(),
    }
}
