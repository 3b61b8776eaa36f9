//! One article: unit, lead sentence, body with bold run-ins, attribution.

use egui::{TextEdit, Ui};

use crate::i18n::{Lang, S, messages};
use crate::model::{ArticleId, ArticlePart, Field, Issue};
use crate::sample::BEIJING_DISTRICTS;
use crate::ui::body_editor::BodyEditor;
use crate::ui::focus::{FieldFocus, field_id};

#[derive(Default)]
pub struct ArticleForm {
    body: BodyEditor,
}

impl ArticleForm {
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        issue: &mut Issue,
        id: ArticleId,
        lang: Lang,
        focus: &mut FieldFocus,
    ) {
        let Some((s, a)) = issue.find_article(id) else {
            return;
        };
        // The default attribution depends on the issue, so read it first.
        let default_attribution = {
            let article = &issue.sections[s].articles[a];
            let mut unattributed = article.clone();
            unattributed.attribution = None;
            issue.attribution_of(&unattributed)
        };
        let article = &mut issue.sections[s].articles[a];
        let at = |part| Field::Article {
            section: s,
            article: a,
            part,
        };
        ui.heading(messages::article_title(s, a, &article.unit, lang));
        ui.weak(messages::char_count(article.char_count(), lang));

        egui::Grid::new("article-form")
            .num_columns(2)
            .spacing([12.0, 8.0])
            .show(ui, |ui| {
                let label = ui.label(S::Unit.get(lang));
                ui.horizontal(|ui| {
                    ui.add(TextEdit::singleline(&mut article.unit).desired_width(160.0))
                        .labelled_by(label.id);
                    egui::ComboBox::from_id_salt("district")
                        .selected_text(S::PickDistrict.get(lang))
                        .show_ui(ui, |ui| {
                            for district in BEIJING_DISTRICTS {
                                if ui
                                    .selectable_label(article.unit == district, district)
                                    .clicked()
                                {
                                    article.unit = district.to_owned();
                                }
                            }
                        })
                        .response
                        .on_hover_text(S::PickDistrictHint.get(lang));
                });
                ui.end_row();

                let label = ui.label(S::Lead.get(lang));
                ui.add(
                    TextEdit::multiline(&mut article.lead)
                        .desired_rows(2)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
                ui.end_row();
            });

        self.body.ui(ui, id, &mut article.body, lang, &mut |p| {
            focus.take(at(ArticlePart::Paragraph(p)))
        });

        ui.add_space(6.0);
        ui.horizontal(|ui| {
            let label = ui.label(S::Attribution.get(lang));
            let mut shown = article
                .attribution
                .clone()
                .unwrap_or_else(|| default_attribution.clone());
            let attribution_id = field_id(at(ArticlePart::Attribution));
            let response = ui
                .add(
                    TextEdit::singleline(&mut shown)
                        .id(attribution_id)
                        .desired_width(220.0),
                )
                .labelled_by(label.id);
            focus.apply(ui.ctx(), at(ArticlePart::Attribution), attribution_id);
            if response.changed() {
                article.attribution = Some(shown);
            }
            if article.attribution.is_some() {
                if ui
                    .button(S::ResetAttribution.get(lang))
                    .on_hover_text(messages::attribution_default(&default_attribution, lang))
                    .clicked()
                {
                    article.attribution = None;
                }
            } else {
                ui.weak(S::AttributionFollowsUnit.get(lang));
            }
        });
    }
}
