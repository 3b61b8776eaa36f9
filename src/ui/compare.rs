//! The compare window: the open draft against another version of it, one
//! difference per field or article part, with the changed characters
//! highlighted, and a button to take the other version's side of each.

use std::path::{Path, PathBuf};

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, Stroke, Ui};

use crate::diff::{self, ArticleText, Chunk, Difference, Place};
use crate::i18n::{Lang, S, messages};
use crate::model::{Field, Issue};

/// Unchanged text longer than this is shortened around the changes.
const CONTEXT: usize = 16;

/// Another version, and how the draft differs from it.
struct Other {
    path: PathBuf,
    issue: Issue,
    /// The draft as last compared; differences are recomputed when it
    /// changes (after accepting one, or after typing).
    compared: Option<Issue>,
    differences: Vec<Difference>,
    /// Differences the user chose to leave as they are.
    ignored: Vec<Place>,
}

/// The window; closed while there is nothing to compare with.
#[derive(Default)]
pub struct CompareWindow {
    other: Option<Other>,
}

impl CompareWindow {
    /// Compares from now on with `issue`, read from `path`.
    pub fn open(&mut self, path: &Path, issue: Issue) {
        self.other = Some(Other {
            path: path.to_owned(),
            issue,
            compared: None,
            differences: Vec::new(),
            ignored: Vec::new(),
        });
    }

    /// The differences still shown (not ignored), as last computed.
    pub fn differences(&self) -> Vec<&Difference> {
        self.other.as_ref().map_or_else(Vec::new, |other| {
            other
                .differences
                .iter()
                .filter(|d| !other.ignored.contains(&d.place))
                .collect()
        })
    }

    /// Takes the other version's side of the shown differences `chosen`
    /// (indices into [`CompareWindow::differences`]) into `ours`.
    pub fn accept(&self, ours: &mut Issue, chosen: &[usize]) {
        let Some(other) = &self.other else {
            return;
        };
        let shown = self.differences();
        for &i in chosen {
            if let Some(difference) = shown.get(i) {
                diff::accept(ours, &other.issue, difference);
            }
        }
    }

    /// Shows the window over the draft `ours`. Returns the differences
    /// (indices as in [`CompareWindow::differences`]) to accept, which
    /// `editable` allows.
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        ours: &Issue,
        editable: bool,
        lang: Lang,
    ) -> Option<Vec<usize>> {
        let other = self.other.as_mut()?;
        if other.compared.as_ref() != Some(ours) {
            other.differences = diff::compare(ours, &other.issue);
            other.compared = Some(ours.clone());
        }
        let name = other
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut open = true;
        let mut chosen = None;
        egui::Window::new(S::CompareTitle.get(lang))
            // The same window in either language (egui would key it by its title).
            .id(egui::Id::unique("compare-window"))
            .id(egui::Id::unique("compare-window"))
            .open(&mut open)
            .default_size([620.0, 560.0])
            .resizable(true)
            .show(ctx, |ui| {
                ui.label(messages::comparing_with(&name, lang));
                let shown: Vec<(usize, &Difference)> = other
                    .differences
                    .iter()
                    .enumerate()
                    .filter(|(_, d)| !other.ignored.contains(&d.place))
                    .collect();
                if shown.is_empty() {
                    ui.add_space(12.0);
                    ui.weak(S::NoDifferences.get(lang));
                    return;
                }
                if !editable {
                    ui.colored_label(ui.visuals().warn_fg_color, S::ReadOnlyExplain.get(lang));
                }
                ui.add_enabled_ui(editable, |ui| {
                    if ui
                        .button(S::AcceptAll.get(lang))
                        .on_hover_text(S::AcceptTheirsHint.get(lang))
                        .clicked()
                    {
                        chosen = Some((0..shown.len()).collect());
                    }
                });
                ui.separator();
                let mut ignore = None;
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        for (n, (_, difference)) in shown.iter().enumerate() {
                            ui.horizontal(|ui| {
                                ui.strong(place_label(&other.issue, ours, difference, lang));
                                ui.with_layout(
                                    egui::Layout::right_to_left(egui::Align::Center),
                                    |ui| {
                                        if ui.small_button(S::Ignore.get(lang)).clicked() {
                                            ignore = Some(difference.place.clone());
                                        }
                                        let accept = ui
                                            .add_enabled(
                                                editable,
                                                egui::Button::new(S::AcceptTheirs.get(lang))
                                                    .small(),
                                            )
                                            .on_hover_text(S::AcceptTheirsHint.get(lang));
                                        if accept.clicked() {
                                            chosen = Some(vec![n]);
                                        }
                                    },
                                );
                            });
                            if !difference.chunks.is_empty() {
                                ui.label(highlighted(ui, &difference.chunks));
                            }
                            ui.separator();
                        }
                    });
                if let Some(place) = ignore {
                    other.ignored.push(place);
                }
            });
        if !open {
            self.other = None;
        }
        chosen
    }
}

/// What a difference is about: 报头 · 期号, 东城区 · 导语, …
fn place_label(theirs: &Issue, ours: &Issue, difference: &Difference, lang: Lang) -> String {
    let unit = difference.unit.clone().unwrap_or_default();
    let with_unit = |what: &str| format!("{unit} · {what}");
    match &difference.place {
        Place::Field(field) => messages::field_label(field, lang),
        Place::SectionHeading(section) => {
            messages::field_label(&Field::SectionHeading { section: *section }, lang)
        }
        Place::Article { part, .. } => with_unit(match part {
            ArticleText::Unit => S::Unit.get(lang),
            ArticleText::Title => S::ArticleTitle.get(lang),
            ArticleText::Lead => S::Lead.get(lang),
            ArticleText::Body => S::Body.get(lang),
            ArticleText::Attribution => S::Attribution.get(lang),
            ArticleText::Figures => S::Figures.get(lang),
        }),
        Place::Added(_) => with_unit(S::ArticleAdded.get(lang)),
        Place::Removed(_) => with_unit(S::ArticleRemoved.get(lang)),
        Place::Moved(id) => {
            let position = |issue: &Issue| {
                issue
                    .find_article(*id)
                    .map(|(s, a)| format!("{}.{}", s + 1, a + 1))
                    .unwrap_or_default()
            };
            format!(
                "{} ({} → {})",
                with_unit(S::ArticleMoved.get(lang)),
                position(ours),
                position(theirs)
            )
        }
    }
}

/// The chunks as one text: removed characters struck through in red,
/// added ones underlined in green, long unchanged stretches shortened.
fn highlighted(ui: &Ui, chunks: &[Chunk]) -> LayoutJob {
    let font = FontId::proportional(15.0);
    let text = ui.visuals().text_color();
    let (red, green) = if ui.visuals().dark_mode {
        (
            Color32::from_rgb(255, 120, 110),
            Color32::from_rgb(120, 220, 120),
        )
    } else {
        (
            Color32::from_rgb(190, 20, 20),
            Color32::from_rgb(20, 130, 40),
        )
    };
    let mut job = LayoutJob::default();
    job.wrap.max_width = ui.available_width();
    let last = chunks.len().saturating_sub(1);
    for (i, chunk) in chunks.iter().enumerate() {
        match chunk {
            Chunk::Same(same) => {
                let shown = shorten(same, i > 0, i < last);
                job.append(&shown, 0.0, TextFormat::simple(font.clone(), text));
            }
            Chunk::Removed(removed) => job.append(
                removed,
                0.0,
                TextFormat {
                    font_id: font.clone(),
                    color: red,
                    background: red.gamma_multiply(0.15),
                    strikethrough: Stroke::new(1.0, red),
                    ..Default::default()
                },
            ),
            Chunk::Added(added) => job.append(
                added,
                0.0,
                TextFormat {
                    font_id: font.clone(),
                    color: green,
                    background: green.gamma_multiply(0.15),
                    underline: Stroke::new(1.0, green),
                    ..Default::default()
                },
            ),
        }
    }
    job
}

/// Keeps `CONTEXT` characters of unchanged text next to each change.
fn shorten(text: &str, change_before: bool, change_after: bool) -> String {
    let chars: Vec<char> = text.chars().collect();
    let keep_head = if change_before { CONTEXT } else { 0 };
    let keep_tail = if change_after { CONTEXT } else { 0 };
    if chars.len() <= keep_head + keep_tail + 1 {
        return text.to_owned();
    }
    let head: String = chars[..keep_head].iter().collect();
    let tail: String = chars[chars.len() - keep_tail..].iter().collect();
    format!("{head}…{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unchanged_text_is_shortened_around_changes() {
        let long = "深化全国文明城区创建工作，坚持全时创建、全域创建、全民创建、全程创建";
        assert_eq!(shorten("短句", true, true), "短句");
        let shown = shorten(long, true, false);
        assert!(shown.starts_with("深化全国文明城区创建工作，坚持全"));
        assert!(shown.ends_with('…'));
        let shown = shorten(long, false, true);
        assert!(shown.starts_with('…') && shown.ends_with("全民创建、全程创建"));
    }
}
