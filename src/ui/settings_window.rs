//! Settings: the UI language, theme and the user's name (per user), and
//! the issue's style block (colour, fonts, sizes), which is part of the
//! draft and undoable (and not shown while the draft is locked).

use egui::{DragValue, Ui};

use crate::app::{Settings, Theme};
use crate::i18n::{Lang, S, messages};
use crate::model::{Color, Issue, PageNumbers, Style, TitleAlign};
use crate::typeset::{FontRole, PrintedFont};
use crate::ui::widgets::{label_grid, text_row};

#[derive(Default)]
pub struct SettingsWindow {
    pub open: bool,
}

/// What came of a frame of the settings window.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SettingsOutcome {
    /// The user settings changed (to save them).
    pub changed: bool,
    /// The user asked to choose the archive folder.
    pub pick_archive_folder: bool,
}

impl SettingsWindow {
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        settings: &mut Settings,
        issue: Option<&mut Issue>,
        printed: Option<&[PrintedFont]>,
    ) -> SettingsOutcome {
        let lang = settings.lang;
        let before = settings.clone();
        let mut pick_archive_folder = false;
        let mut open = self.open;
        egui::Window::new(S::Settings.get(lang))
            // The same window in either language (egui would key it by its title).
            .id(egui::Id::unique("settings-window"))
            .open(&mut open)
            .resizable(true)
            .default_width(420.0)
            .show(ctx, |ui| {
                ui.heading(S::EditorApp.get(lang));
                egui::Grid::new("user-settings")
                    .num_columns(2)
                    .show(ui, |ui| {
                        ui.label(S::Language.get(lang));
                        ui.horizontal(|ui| {
                            for choice in Lang::ALL {
                                ui.radio_value(&mut settings.lang, choice, choice.native_name());
                            }
                        });
                        ui.end_row();
                        ui.label(S::Theme.get(lang));
                        ui.horizontal(|ui| {
                            ui.radio_value(
                                &mut settings.theme,
                                Theme::System,
                                S::ThemeSystem.get(lang),
                            );
                            ui.radio_value(
                                &mut settings.theme,
                                Theme::Light,
                                S::ThemeLight.get(lang),
                            );
                            ui.radio_value(
                                &mut settings.theme,
                                Theme::Dark,
                                S::ThemeDark.get(lang),
                            );
                        });
                        ui.end_row();
                        let label = ui.label(S::UserNameSetting.get(lang));
                        ui.add(
                            egui::TextEdit::singleline(&mut settings.user_name)
                                .hint_text(Settings::login_user_name())
                                .desired_width(160.0),
                        )
                        .labelled_by(label.id);
                        ui.end_row();
                        ui.label(S::ArchiveFolder.get(lang));
                        ui.horizontal(|ui| {
                            match &settings.archive_folder {
                                Some(folder) => ui.monospace(folder.display().to_string()),
                                None => ui.weak("—"),
                            };
                            pick_archive_folder = ui.button(S::ChooseEllipsis.get(lang)).clicked();
                        });
                        ui.end_row();
                    });
                if let Some(issue) = issue {
                    ui.separator();
                    style_ui(ui, issue, printed, lang);
                }
            });
        self.open = open;
        SettingsOutcome {
            changed: *settings != before,
            pick_archive_folder,
        }
    }
}

/// The issue's style block.
fn style_ui(ui: &mut Ui, issue: &mut Issue, printed: Option<&[PrintedFont]>, lang: Lang) {
    ui.heading(S::Style.get(lang));
    ui.weak(S::StyleHint.get(lang));
    label_grid("style-form").show(ui, |ui| {
        style_rows(ui, &mut issue.style, printed, lang);
        text_row(
            ui,
            S::AttributionSuffix.get(lang),
            &mut issue.attribution_suffix,
        );
    });
    if ui.button(S::ResetStyle.get(lang)).clicked() {
        issue.style = Default::default();
    }
}

/// A style's rows of a two-column grid: colour, fonts (with what really
/// prints, when known), page numbers, article titles, sizes.
pub(super) fn style_rows(ui: &mut Ui, st: &mut Style, printed: Option<&[PrintedFont]>, lang: Lang) {
    let label = ui.label(S::AccentColour.get(lang));
    let mut rgb = [st.accent.r, st.accent.g, st.accent.b];
    if ui
        .color_edit_button_srgb(&mut rgb)
        .labelled_by(label.id)
        .changed()
    {
        st.accent = Color {
            r: rgb[0],
            g: rgb[1],
            b: rgb[2],
        };
    }
    ui.end_row();
    for role in FontRole::ALL {
        text_row(ui, messages::font_role(role, lang), role.family_mut(st));
        // What the pages are really set in: the editor must not
        // believe the print is 仿宋 when it is the stand-in.
        let shown = printed.and_then(|p| p.iter().find(|f| f.role == role));
        if let Some(font) = shown {
            ui.label("");
            let status = messages::font_status(font, lang);
            if font.is_wanted() {
                ui.weak(status);
            } else {
                ui.colored_label(ui.visuals().warn_fg_color, status);
            }
            ui.end_row();
        }
    }
    ui.label(S::PageNumberPlacement.get(lang));
    ui.horizontal(|ui| {
        for (choice, label) in [
            (PageNumbers::Outside, S::PageNumbersOutside),
            (PageNumbers::Centred, S::PageNumbersCentred),
        ] {
            ui.radio_value(&mut st.page_numbers, choice, label.get(lang));
        }
    });
    ui.end_row();
    ui.label(S::ArticleTitleLine.get(lang));
    ui.horizontal(|ui| {
        let title = &mut st.article_title;
        ui.radio_value(
            &mut title.align,
            TitleAlign::Centred,
            S::TitleCentred.get(lang),
        );
        ui.radio_value(&mut title.align, TitleAlign::Flush, S::TitleFlush.get(lang));
        ui.separator();
        ui.radio_value(&mut title.title_face, false, S::TitleInHei.get(lang));
        ui.radio_value(
            &mut title.title_face,
            true,
            S::TitleInXiaobiaosong.get(lang),
        );
    });
    ui.end_row();
    for (label, value, range) in [
        (S::TitleSize, &mut st.title_size, 12.0..=72.0),
        (S::BodySize, &mut st.body_size, 8.0..=32.0),
        (S::FooterSize, &mut st.footer_size, 8.0..=32.0),
        (S::LinePitch, &mut st.line_pitch, 12.0..=60.0),
    ] {
        let label = ui.label(label.get(lang));
        ui.add(DragValue::new(value).range(range).speed(0.1).suffix(" pt"))
            .labelled_by(label.id);
        ui.end_row();
    }
}
