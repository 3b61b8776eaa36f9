//! One article: unit, title, lead sentence, body with bold run-ins,
//! attribution.

use egui::{TextEdit, Ui};

use crate::i18n::{Lang, S, messages};
use crate::model::{Article, ArticleId, ArticlePart, Field, Issue, Quote, Series};
use crate::ui::body_editor::{self, BodyEditor};
use crate::ui::focus::{self, FieldFocus, field_id};

/// The article form, and the words last selected in its lead or body (to
/// quote in a comment).
#[derive(Default)]
pub struct ArticleForm {
    body: BodyEditor,
    selected: Option<(ArticleId, ArticlePart, std::ops::Range<usize>)>,
}

impl ArticleForm {
    /// Not `editable`, the lead and body can be read and selected but not
    /// changed, and the other fields are disabled.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        issue: &mut Issue,
        id: ArticleId,
        editable: bool,
        lang: Lang,
        focus: &mut FieldFocus,
    ) -> Option<crate::app::Command> {
        let (s, a) = issue.find_article(id)?;
        // The default attribution depends on the issue, so read it first.
        let default_attribution = issue.default_attribution(&issue.sections[s].articles[a].unit);
        let Issue {
            series, sections, ..
        } = issue;
        let article = &mut sections[s].articles[a];
        let at = |part| Field::Article {
            section: s,
            article: a,
            part,
        };
        let lead_id = field_id(at(ArticlePart::Lead));
        ui.heading(messages::article_title(s, a, &article.unit, lang));
        ui.weak(messages::char_count(article.char_count(), lang));

        egui::Grid::new("article-form")
            .num_columns(2)
            .spacing([12.0, 8.0])
            .show(ui, |ui| {
                let label = ui.label(S::Unit.get(lang));
                ui.horizontal(|ui| {
                    unit_row(ui, &mut article.unit, series, label.id, editable, lang);
                });
                ui.end_row();

                let label = ui.label(S::ArticleTitle.get(lang));
                let title_id = field_id(at(ArticlePart::Title));
                ui.add_enabled(
                    editable,
                    TextEdit::singleline(&mut article.title)
                        .id(title_id)
                        .hint_text(S::ArticleTitleHint.get(lang))
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
                focus.apply(ui.ctx(), at(ArticlePart::Title), title_id);
                ui.end_row();

                let label = ui.label(S::Lead.get(lang));
                let frozen = (!editable).then(|| article.lead.clone());
                let mut frozen = frozen.as_deref().unwrap_or_default();
                let lead: &mut dyn egui::TextBuffer = if editable {
                    &mut article.lead
                } else {
                    &mut frozen
                };
                ui.add(
                    TextEdit::multiline(lead)
                        .id(lead_id)
                        .desired_rows(2)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
                focus.apply(ui.ctx(), at(ArticlePart::Lead), lead_id);
                ui.end_row();
            });

        self.body
            .ui(ui, id, &mut article.body, editable, lang, &mut |p| {
                focus.take(at(ArticlePart::Paragraph(p)))
            });
        self.track_selection(ui.ctx(), id, lead_id);

        ui.add_space(6.0);
        let attribution = at(ArticlePart::Attribution);
        ui.horizontal(|ui| {
            if !editable {
                ui.disable();
            }
            attribution_row(ui, article, &default_attribution, attribution, focus, lang);
        });

        let command = super::figures::ui(ui, article, id, editable, lang, &at, focus);
        // A caption or a cell can be quoted in a comment too.
        let focused = ui.memory(|m| m.focused());
        if let Some(focused) = focused
            && let Some(part) = article
                .figure_parts()
                .into_iter()
                .find(|p| field_id(at(*p)) == focused)
        {
            self.selected = focus::selection(ui.ctx(), field_id(at(part))).map(|r| (id, part, r));
        }
        command
    }

    /// Remembers the selection of the lead or body while one of them has
    /// the keyboard; keeps it while a button elsewhere is being clicked.
    fn track_selection(&mut self, ctx: &egui::Context, id: ArticleId, lead_id: egui::Id) {
        if ctx.memory(|m| m.has_focus(lead_id)) {
            self.selected = focus::selection(ctx, lead_id).map(|r| (id, ArticlePart::Lead, r));
        } else if ctx.memory(|m| m.has_focus(body_editor::edit_id(id))) {
            self.selected = self
                .body
                .selection(ctx)
                .map(|(p, r)| (id, ArticlePart::Paragraph(p), r));
        }
    }

    /// The words last selected in article `id`, as a quote.
    pub fn selected_quote(&self, issue: &Issue, id: ArticleId) -> Option<Quote> {
        let (selected, part, range) = self.selected.clone()?;
        let (s, a) = issue.find_article(id).filter(|_| selected == id)?;
        let article = &issue.sections[s].articles[a];
        let text = match part {
            ArticlePart::Lead => article.lead.clone(),
            ArticlePart::Paragraph(p) => article.body.get(p)?.text(),
            ArticlePart::Caption(_) | ArticlePart::Cell { .. } => {
                article.figure_text(part)?.to_owned()
            }
            _ => return None,
        };
        let quote = Quote::capture(&text, range);
        (!quote.text.is_empty()).then_some(quote)
    }
}

/// The unit, typed or picked from the series' units.
fn unit_row(
    ui: &mut Ui,
    unit: &mut String,
    series: &Series,
    label: egui::Id,
    editable: bool,
    lang: Lang,
) {
    if !editable {
        ui.disable();
    }
    ui.add(TextEdit::singleline(unit).desired_width(160.0))
        .labelled_by(label);
    if series.unit_names().next().is_some() {
        let units = series.unit_names();
        crate::ui::widgets::unit_picker(ui, "unit-picker", unit, units, lang);
    }
}

/// The attribution line: the default (from the unit) until typed over,
/// with a button back to the default.
fn attribution_row(
    ui: &mut Ui,
    article: &mut Article,
    default_attribution: &str,
    field: Field,
    focus: &mut FieldFocus,
    lang: Lang,
) {
    let label = ui.label(S::Attribution.get(lang));
    let mut shown = article
        .attribution
        .clone()
        .unwrap_or_else(|| default_attribution.to_owned());
    let attribution_id = field_id(field);
    let response = ui
        .add(
            TextEdit::singleline(&mut shown)
                .id(attribution_id)
                .desired_width(220.0),
        )
        .labelled_by(label.id);
    focus.apply(ui.ctx(), field, attribution_id);
    if response.changed() {
        article.attribution = Some(shown);
    }
    if article.attribution.is_some() {
        if ui
            .button(S::ResetAttribution.get(lang))
            .on_hover_text(messages::attribution_default(default_attribution, lang))
            .clicked()
        {
            article.attribution = None;
        }
    } else {
        ui.weak(S::AttributionFollowsUnit.get(lang));
    }
}
