//! What the editor shows with no issue open: New, New from the latest
//! issue (with an archive), Open, Recent, the sample.

use std::path::PathBuf;

use egui::{RichText, Ui};

use crate::app::Command;
use crate::i18n::{Lang, S};

#[derive(Default)]
pub struct StartScreen;

impl StartScreen {
    /// `archive`: whether an archive folder is set (offering New from latest).
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        recent: &[PathBuf],
        archive: bool,
        lang: Lang,
    ) -> Option<Command> {
        let mut choice = None;
        ui.vertical_centered(|ui| {
            ui.add_space(48.0);
            ui.heading(RichText::new(S::AppName.get(lang)).size(32.0));
            ui.label(S::Tagline.get(lang));
            ui.add_space(24.0);
            let button = |text: &str| {
                egui::Button::new(RichText::new(text).size(18.0)).min_size([260.0, 36.0].into())
            };
            if ui.add(button(S::NewIssue.get(lang))).clicked() {
                choice = Some(Command::New);
            }
            if ui
                .add(button(S::Profiles.get(lang)))
                .on_hover_text(S::ProfilesHint.get(lang))
                .clicked()
            {
                choice = Some(Command::Profiles);
            }
            if archive
                && ui
                    .add(button(S::NewFromLatest.get(lang)))
                    .on_hover_text(S::NewFromLatestHint.get(lang))
                    .clicked()
            {
                choice = Some(Command::NewFromLatest { supplement: false });
            }
            if ui.add(button(S::OpenEllipsis.get(lang))).clicked() {
                choice = Some(Command::Open);
            }
            if ui.add(button(S::OpenSample.get(lang))).clicked() {
                choice = Some(Command::OpenSample);
            }
            if !recent.is_empty() {
                ui.add_space(24.0);
                ui.label(RichText::new(S::Recent.get(lang)).strong());
                for path in recent {
                    let name = path.file_name().map_or_else(
                        || path.display().to_string(),
                        |n| n.to_string_lossy().into_owned(),
                    );
                    if ui
                        .link(name)
                        .on_hover_text(path.display().to_string())
                        .clicked()
                    {
                        choice = Some(Command::OpenPath(path.clone()));
                    }
                }
            }
        });
        choice
    }
}
