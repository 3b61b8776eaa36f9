//! Reviewers' comments on the selected article, beside its form: read them,
//! reply, mark them resolved, add one (optionally quoting the words
//! selected in the article).

use egui::{RichText, TextEdit, Ui};

use crate::app::CommentAction;
use crate::i18n::{Lang, S, messages};
use crate::model::review::locate;
use crate::model::{Article, ArticleId, Comment, CommentId, Quote, Review};

/// The comments column. Owns only what is being typed.
#[derive(Default)]
pub struct CommentsPanel {
    draft: String,
    quote: bool,
    reply: Option<(CommentId, String)>,
    /// The reply box just opened and should take the keyboard.
    focus_reply: bool,
}

impl CommentsPanel {
    /// `selected` is the quote of the words selected in the article form,
    /// if any; `user` the name comments are signed with.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        review: &Review,
        article: &Article,
        selected: Option<Quote>,
        user: &str,
        lang: Lang,
    ) -> Option<CommentAction> {
        let mut action = None;
        ui.heading(S::Comments.get(lang));
        egui::ScrollArea::vertical()
            .id_salt("comments")
            .auto_shrink([false, false])
            .max_height(ui.available_height() - 150.0)
            .show(ui, |ui| {
                let mut any = false;
                for comment in review.comments_on(article.id) {
                    any = true;
                    if let Some(a) = self.comment_ui(ui, comment, article, user, lang) {
                        action = Some(a);
                    }
                }
                if !any {
                    ui.weak(S::NoComments.get(lang));
                }
            });
        ui.separator();
        if let Some(a) = self.new_comment_ui(ui, article.id, selected, lang) {
            action = Some(a);
        }
        action
    }

    fn comment_ui(
        &mut self,
        ui: &mut Ui,
        comment: &Comment,
        article: &Article,
        user: &str,
        lang: Lang,
    ) -> Option<CommentAction> {
        let mut action = None;
        let fill = if comment.resolved {
            ui.visuals().faint_bg_color
        } else {
            ui.visuals().warn_fg_color.gamma_multiply(0.12)
        };
        egui::Frame::new()
            .fill(fill)
            .corner_radius(4.0)
            .inner_margin(6.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal(|ui| {
                    ui.strong(messages::comment_byline(&comment.author, comment.at));
                    let mut resolved = comment.resolved;
                    if ui.checkbox(&mut resolved, S::Resolved.get(lang)).changed() {
                        action = Some(CommentAction::Resolve {
                            id: comment.id,
                            resolved,
                        });
                    }
                });
                if let Some(quote) = &comment.quote {
                    let text = messages::quoted(&quote.text, lang);
                    if locate(article, quote).is_some() {
                        if ui.link(text).on_hover_text(S::JumpHint.get(lang)).clicked() {
                            action = Some(CommentAction::Show(comment.id));
                        }
                    } else {
                        ui.weak(format!("{text}{}", S::QuoteLost.get(lang)));
                    }
                }
                let body = RichText::new(&comment.text);
                ui.label(if comment.resolved { body.weak() } else { body });
                for reply in &comment.replies {
                    ui.indent(("reply", comment.id), |ui| {
                        ui.weak(messages::comment_byline(&reply.author, reply.at));
                        ui.label(&reply.text);
                    });
                }
                match &mut self.reply {
                    Some((id, text)) if *id == comment.id => {
                        let response = ui.add(
                            TextEdit::multiline(text)
                                .hint_text(S::ReplyText.get(lang))
                                .desired_rows(2)
                                .desired_width(f32::INFINITY),
                        );
                        if std::mem::take(&mut self.focus_reply) {
                            response.request_focus();
                        }
                        let mut close = false;
                        ui.horizontal(|ui| {
                            let ready = !text.trim().is_empty();
                            if ui
                                .add_enabled(ready, egui::Button::new(S::Reply.get(lang)))
                                .clicked()
                            {
                                action = Some(CommentAction::Reply {
                                    id: comment.id,
                                    text: std::mem::take(text),
                                });
                                close = true;
                            } else if ui.button(S::Cancel.get(lang)).clicked() {
                                close = true;
                            }
                        });
                        if close {
                            self.reply = None;
                        }
                    }
                    _ => {
                        ui.horizontal(|ui| {
                            if ui.small_button(S::Reply.get(lang)).clicked() {
                                self.reply = Some((comment.id, String::new()));
                                self.focus_reply = true;
                            }
                            let own = comment.author == user && comment.replies.is_empty();
                            if own && ui.small_button(S::Delete.get(lang)).clicked() {
                                action = Some(CommentAction::Delete(comment.id));
                            }
                        });
                    }
                }
            });
        ui.add_space(4.0);
        action
    }

    fn new_comment_ui(
        &mut self,
        ui: &mut Ui,
        article: ArticleId,
        selected: Option<Quote>,
        lang: Lang,
    ) -> Option<CommentAction> {
        let label = ui.label(S::CommentText.get(lang));
        ui.add(
            TextEdit::multiline(&mut self.draft)
                .desired_rows(3)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
        let quote = selected.filter(|q| !q.text.is_empty());
        ui.add_enabled_ui(quote.is_some(), |ui| {
            let text = match &quote {
                Some(q) => format!(
                    "{} {}",
                    S::QuoteSelection.get(lang),
                    messages::quoted(&q.text, lang)
                ),
                None => S::QuoteSelection.get(lang).to_owned(),
            };
            ui.checkbox(&mut self.quote, text);
        });
        let ready = !self.draft.trim().is_empty();
        if ui
            .add_enabled(ready, egui::Button::new(S::AddComment.get(lang)))
            .clicked()
        {
            let quote = if self.quote { quote } else { None };
            self.quote = false;
            return Some(CommentAction::Add {
                article,
                quote,
                text: std::mem::take(&mut self.draft),
            });
        }
        None
    }
}
