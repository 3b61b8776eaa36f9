//! The problems panel: the proofreader's findings grouped by rule, each
//! one a click away from its characters, with Fix and Fix all.

use egui::{CollapsingHeader, RichText, Ui};

use crate::app::ProblemAction;
use crate::i18n::{Lang, S, messages};
use crate::lint::{Finding, Rule};

#[derive(Default)]
pub struct ProblemsPanel {
    pub open: bool,
}

impl ProblemsPanel {
    pub fn ui(&mut self, ui: &mut Ui, findings: &[Finding], lang: Lang) -> Option<ProblemAction> {
        let mut action = None;
        ui.horizontal(|ui| {
            ui.strong(S::Proofreading.get(lang));
            ui.label(messages::finding_count(findings.len(), lang));
        });
        if findings.is_empty() {
            ui.weak(S::NoFindings.get(lang));
            return None;
        }
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for rule in Rule::ALL {
                    let group: Vec<&Finding> = findings.iter().filter(|f| f.rule == rule).collect();
                    if group.is_empty() {
                        continue;
                    }
                    let safe = group
                        .iter()
                        .filter(|f| f.fix.as_ref().is_some_and(|x| x.safe))
                        .count();
                    let title = format!("{}（{}）", messages::rule_title(rule, lang), group.len());
                    CollapsingHeader::new(RichText::new(title).strong())
                        .id_salt(("problems", rule.id()))
                        .default_open(group.len() <= 20)
                        .show(ui, |ui| {
                            if safe > 0
                                && ui
                                    .button(messages::fix_all_of_kind(safe, lang))
                                    .on_hover_text(S::FixAllHint.get(lang))
                                    .clicked()
                            {
                                action = Some(ProblemAction::FixAll(rule));
                            }
                            for finding in group {
                                ui.horizontal(|ui| {
                                    let place = messages::field_label(&finding.field, lang);
                                    let text = format!(
                                        "{place}{}{}",
                                        messages::sep(lang),
                                        messages::finding(finding, lang)
                                    );
                                    if ui.link(text).on_hover_text(S::JumpHint.get(lang)).clicked()
                                    {
                                        action = Some(ProblemAction::Jump(finding.clone()));
                                    }
                                    if let Some(fix) = &finding.fix {
                                        let hint = if fix.safe {
                                            S::FixHint
                                        } else {
                                            S::FixCheckHint
                                        };
                                        if ui
                                            .small_button(S::Fix.get(lang))
                                            .on_hover_text(hint.get(lang))
                                            .clicked()
                                        {
                                            action = Some(ProblemAction::Fix(finding.clone()));
                                        }
                                    }
                                    if let Some(earlier) = &finding.earlier {
                                        let start: String = earlier.text.chars().take(60).collect();
                                        if ui
                                            .small_button(S::ShowEarlier.get(lang))
                                            .on_hover_text(format!("{start}…"))
                                            .clicked()
                                        {
                                            action =
                                                Some(ProblemAction::ShowEarlier(finding.clone()));
                                        }
                                    }
                                });
                            }
                        });
                }
            });
        action
    }
}
