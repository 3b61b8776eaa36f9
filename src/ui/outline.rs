//! The left column: the issue's parts in reading order, for selecting,
//! adding, removing and reordering sections and articles.

use egui::{RichText, Sense, Ui};

use crate::app::{OutlineAction, Selection};
use crate::i18n::{Lang, S, messages};
use crate::model::{ArticleId, Issue};
use crate::typeset::PageBudget;

/// What is being dragged.
#[derive(Clone, Copy, Debug)]
enum Drag {
    Article(ArticleId),
    Section(usize),
}

/// The outline panel. Stateless apart from egui's own drag state.
#[derive(Default)]
pub struct OutlinePanel;

/// How the outline is shown this frame.
#[derive(Clone, Copy)]
struct Shown<'a> {
    selection: Selection,
    lang: Lang,
    /// The content may be changed: add, move, delete are offered.
    editable: bool,
    /// The last layout's page budget: each article's printed lines.
    budget: Option<&'a PageBudget>,
}

impl OutlinePanel {
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        issue: &Issue,
        selection: Selection,
        lang: Lang,
        editable: bool,
        budget: Option<&PageBudget>,
    ) -> Vec<OutlineAction> {
        let mut actions = Vec::new();
        ui.add_enabled_ui(editable, |ui| {
            self.toolbar(ui, issue, selection, lang, &mut actions)
        });
        ui.separator();
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let mut row = |ui: &mut Ui, text: String, target: Selection| {
                    if ui.selectable_label(selection == target, text).clicked() {
                        actions.push(OutlineAction::Select(target));
                    }
                };
                row(ui, S::Masthead.get(lang).to_owned(), Selection::Masthead);
                let note = match issue.editors_note_text() {
                    Some(_) => S::EditorsNote.get(lang).to_owned(),
                    None => format!("{} ({})", S::EditorsNote.get(lang), S::NoneOption.get(lang)),
                };
                row(ui, note, Selection::EditorsNote);

                for (s, section) in issue.sections.iter().enumerate() {
                    let shown = Shown {
                        selection,
                        lang,
                        editable,
                        budget,
                    };
                    self.section_rows(ui, s, section, shown, &mut actions);
                }
                // Disabled, not merely inert, where the content is locked
                // (reviewing, read-only, approved): nothing looks clickable
                // that does nothing.
                let add = egui::Button::new(format!("＋ {}", S::AddSection.get(lang)));
                if ui.add_enabled(editable, add).clicked() {
                    actions.push(OutlineAction::AddSection);
                }
                ui.add_space(4.0);
                let mut row = |ui: &mut Ui, text: &str, target: Selection| {
                    if ui.selectable_label(selection == target, text).clicked() {
                        actions.push(OutlineAction::Select(target));
                    }
                };
                row(ui, S::Footer.get(lang), Selection::Footer);
                row(ui, S::Distribution.get(lang), Selection::Distribution);
            });
        actions
    }

    /// Buttons acting on the selected section or article (disabled when the
    /// draft is read-only; the app ignores structural actions then anyway).
    fn toolbar(
        &self,
        ui: &mut Ui,
        issue: &Issue,
        selection: Selection,
        lang: Lang,
        actions: &mut Vec<OutlineAction>,
    ) {
        ui.horizontal_wrapped(|ui| {
            let section = selection.section(issue);
            let add_to = section.unwrap_or_else(|| issue.sections.len().saturating_sub(1));
            if ui
                .add_enabled(
                    !issue.sections.is_empty(),
                    egui::Button::new(format!("＋ {}", S::AddArticle.get(lang))),
                )
                .on_hover_text(S::AddArticleHint.get(lang))
                .clicked()
            {
                actions.push(OutlineAction::AddArticle { section: add_to });
            }
            let movable = matches!(selection, Selection::Article(_) | Selection::Section(_));
            let mut button =
                |ui: &mut Ui, text: &str, hint: &str, action: Option<OutlineAction>| {
                    if ui
                        .add_enabled(movable, egui::Button::new(text))
                        .on_hover_text(hint)
                        .clicked()
                        && let Some(action) = action
                    {
                        actions.push(action);
                    }
                };
            let (up, down, copy, delete) = match selection {
                Selection::Article(id) => (
                    Some(OutlineAction::MoveArticle { id, delta: -1 }),
                    Some(OutlineAction::MoveArticle { id, delta: 1 }),
                    Some(OutlineAction::DuplicateArticle(id)),
                    Some(OutlineAction::DeleteArticle(id)),
                ),
                Selection::Section(s) => (
                    Some(OutlineAction::MoveSection {
                        section: s,
                        delta: -1,
                    }),
                    Some(OutlineAction::MoveSection {
                        section: s,
                        delta: 1,
                    }),
                    Some(OutlineAction::DuplicateSection(s)),
                    Some(OutlineAction::DeleteSection(s)),
                ),
                _ => (None, None, None, None),
            };
            button(ui, S::MoveUp.get(lang), S::MoveUpHint.get(lang), up);
            button(ui, S::MoveDown.get(lang), S::MoveDownHint.get(lang), down);
            button(ui, S::Duplicate.get(lang), S::DuplicateHint.get(lang), copy);
            button(ui, S::Delete.get(lang), S::DeleteHint.get(lang), delete);
        });
    }

    fn section_rows(
        &self,
        ui: &mut Ui,
        s: usize,
        section: &crate::model::Section,
        shown: Shown<'_>,
        actions: &mut Vec<OutlineAction>,
    ) {
        let Shown {
            selection,
            lang,
            editable,
            budget,
        } = shown;
        let heading = if section.heading.trim().is_empty() {
            format!("【{}】", S::UntitledSection.get(lang))
        } else {
            format!("【{}】", section.heading.trim())
        };
        let label = ui
            .selectable_label(
                selection == Selection::Section(s),
                RichText::new(heading).strong(),
            )
            .interact(Sense::click_and_drag());
        if label.clicked() {
            actions.push(OutlineAction::Select(Selection::Section(s)));
        }
        label.dnd_set_drag_payload(Drag::Section(s));
        drop_marker(ui, &label);
        if let Some(drag) = label.dnd_release_payload::<Drag>() {
            match *drag {
                Drag::Section(from) if from != s => actions.push(OutlineAction::DropSection {
                    section: from,
                    to: s,
                }),
                Drag::Article(id) => actions.push(OutlineAction::DropArticle {
                    id,
                    section: s,
                    index: 0,
                }),
                _ => {}
            }
        }
        label.context_menu(|ui| {
            ui.add_enabled_ui(editable, |ui| self.section_menu(ui, s, lang, actions));
        });

        ui.indent(("outline-section", s), |ui| {
            for (a, article) in section.articles.iter().enumerate() {
                let unit = if article.unit.trim().is_empty() {
                    S::NoUnit.get(lang).to_owned()
                } else {
                    article.unit.trim().to_owned()
                };
                let text = format!(
                    "{unit} · {}",
                    messages::char_count(article.char_count(), lang)
                );
                let target = Selection::Article(article.id);
                // Its length on the pages, from the last layout.
                let lines = budget.and_then(|b| {
                    b.article_lines
                        .iter()
                        .find(|(id, _)| *id == article.id)
                        .map(|(_, n)| *n)
                });
                let label = ui
                    .horizontal(|ui| {
                        let label = ui
                            .selectable_label(selection == target, text)
                            .interact(Sense::click_and_drag());
                        if let Some(lines) = lines {
                            ui.weak(messages::printed_lines(lines, lang));
                        }
                        label
                    })
                    .inner;
                if label.clicked() {
                    actions.push(OutlineAction::Select(target));
                }
                label.dnd_set_drag_payload(Drag::Article(article.id));
                drop_marker(ui, &label);
                if let Some(drag) = label.dnd_release_payload::<Drag>()
                    && let Drag::Article(id) = *drag
                    && id != article.id
                {
                    // Dropped on a row: take that row's place (after it when
                    // coming from above in the same section, else before it).
                    actions.push(OutlineAction::DropArticle {
                        id,
                        section: s,
                        index: a,
                    });
                }
                label.context_menu(|ui| {
                    ui.add_enabled_ui(editable, |ui| article_menu(ui, article.id, lang, actions));
                });
            }
            let add = egui::Button::new(format!("＋ {}", S::AddArticle.get(lang))).small();
            if ui.add_enabled(editable, add).clicked() {
                actions.push(OutlineAction::AddArticle { section: s });
            }
        });
    }

    fn section_menu(&self, ui: &mut Ui, s: usize, lang: Lang, actions: &mut Vec<OutlineAction>) {
        let items = [
            (
                S::MoveUp,
                OutlineAction::MoveSection {
                    section: s,
                    delta: -1,
                },
            ),
            (
                S::MoveDown,
                OutlineAction::MoveSection {
                    section: s,
                    delta: 1,
                },
            ),
            (S::Duplicate, OutlineAction::DuplicateSection(s)),
            (S::AddArticle, OutlineAction::AddArticle { section: s }),
            (S::Delete, OutlineAction::DeleteSection(s)),
        ];
        for (label, action) in items {
            if ui.button(label.get(lang)).clicked() {
                actions.push(action);
                ui.close();
            }
        }
    }
}

/// A line over a row while something is dragged onto it.
fn drop_marker(ui: &Ui, row: &egui::Response) {
    if row.dnd_hover_payload::<Drag>().is_some() {
        let stroke = egui::Stroke::new(2.0, ui.visuals().selection.stroke.color);
        ui.painter()
            .hline(row.rect.x_range(), row.rect.top(), stroke);
    }
}

fn article_menu(ui: &mut Ui, id: ArticleId, lang: Lang, actions: &mut Vec<OutlineAction>) {
    let items = [
        (S::MoveUp, OutlineAction::MoveArticle { id, delta: -1 }),
        (S::MoveDown, OutlineAction::MoveArticle { id, delta: 1 }),
        (S::Duplicate, OutlineAction::DuplicateArticle(id)),
        (S::Delete, OutlineAction::DeleteArticle(id)),
    ];
    for (label, action) in items {
        if ui.button(label.get(lang)).clicked() {
            actions.push(action);
            ui.close();
        }
    }
}
