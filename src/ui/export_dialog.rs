//! File → Export…: formats, folder, file-name pattern, numbered copies, a
//! list of the files that will be written, a warning before any is
//! replaced, and progress while the worker writes them.

use std::path::PathBuf;

use egui::{DragValue, RichText, TextEdit, Ui};

use crate::app::Command;
use crate::app::settings::ExportChoices;
use crate::export::{Format, Target};
use crate::i18n::{Lang, S, messages};
use crate::model::Issue;
use crate::typeset::PrintedFont;

/// What the dialog shows about this export besides the choices.
pub struct Facts<'a> {
    /// Pages of the issue (page images are one file each).
    pub pages: usize,
    /// Targets written of the export under way (or just finished).
    pub progress: Option<(usize, usize)>,
    /// The fonts the pages are set in here.
    pub printed: &'a [PrintedFont],
}

/// The export window.
#[derive(Default)]
pub struct ExportDialog {
    pub open: bool,
    /// Files the chosen export would replace, awaiting confirmation.
    confirm: Option<(Vec<Target>, Vec<PathBuf>)>,
}

impl ExportDialog {
    /// Asks before the export replaces `existing` files.
    pub fn confirm(&mut self, targets: Vec<Target>, existing: Vec<PathBuf>) {
        self.open = true;
        self.confirm = Some((targets, existing));
    }

    pub fn show(
        &mut self,
        ctx: &egui::Context,
        choices: &mut ExportChoices,
        issue: &Issue,
        facts: &Facts<'_>,
        lang: Lang,
    ) -> Option<Command> {
        let (pages, progress) = (facts.pages, facts.progress);
        let mut request = None;
        let mut open = self.open;
        egui::Window::new(S::ExportTitle.get(lang))
            // The same window in either language (egui would key it by its title).
            .id(egui::Id::unique("export-window"))
            .open(&mut open)
            .default_width(480.0)
            .show(ctx, |ui| {
                if let Some((targets, existing)) = self.confirm.take() {
                    request = self.confirm_ui(ui, targets, existing, lang);
                    return;
                }
                request = choices_ui(ui, choices, lang);
                ui.separator();
                let plan = choices.plan();
                let targets = plan.as_ref().map(|p| p.targets(issue)).unwrap_or_default();
                files_ui(ui, &targets, pages, lang);
                fonts_warning(ui, facts.printed, lang);
                if let Some((done, total)) = progress {
                    ui.add(
                        egui::ProgressBar::new(done as f32 / total.max(1) as f32)
                            .text(messages::progress(done, total, lang)),
                    );
                }
                let busy = progress.is_some_and(|(done, total)| done < total);
                let start = egui::Button::new(RichText::new(S::Export.get(lang)).strong());
                if ui
                    .add_enabled(!targets.is_empty() && !busy, start)
                    .clicked()
                {
                    request = Some(Command::StartExport {
                        targets,
                        replace: false,
                    });
                }
            });
        self.open = open;
        request
    }

    /// "These files exist: replace them?" in place of the form.
    fn confirm_ui(
        &mut self,
        ui: &mut Ui,
        targets: Vec<Target>,
        existing: Vec<PathBuf>,
        lang: Lang,
    ) -> Option<Command> {
        ui.label(RichText::new(S::OverwriteWarning.get(lang)).strong());
        for path in &existing {
            ui.monospace(path.display().to_string());
        }
        let mut answer = None;
        ui.horizontal(|ui| {
            if ui.button(S::OverwriteAndExport.get(lang)).clicked() {
                answer = Some(true);
            }
            if ui.button(S::Cancel.get(lang)).clicked() {
                answer = Some(false);
            }
        });
        match answer {
            Some(true) => Some(Command::StartExport {
                targets,
                replace: true,
            }),
            Some(false) => None,
            None => {
                self.confirm = Some((targets, existing));
                None
            }
        }
    }
}

/// The form: formats, folder, name pattern, numbered copies, image
/// resolution. Choose… gives a command.
fn choices_ui(ui: &mut Ui, choices: &mut ExportChoices, lang: Lang) -> Option<Command> {
    let mut request = None;
    egui::Grid::new("export-form")
        .num_columns(2)
        .spacing([12.0, 8.0])
        .show(ui, |ui| {
            ui.label(S::Formats.get(lang));
            ui.horizontal_wrapped(|ui| formats_ui(ui, &mut choices.formats, lang));
            ui.end_row();

            let label = ui.label(S::Folder.get(lang));
            ui.horizontal(|ui| {
                let mut shown = choices
                    .folder
                    .as_ref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default();
                let edit = ui
                    .add(TextEdit::singleline(&mut shown).desired_width(300.0))
                    .labelled_by(label.id);
                if edit.changed() {
                    choices.folder =
                        (!shown.trim().is_empty()).then(|| PathBuf::from(shown.trim()));
                }
                if ui.button(S::ChooseEllipsis.get(lang)).clicked() {
                    request = Some(Command::PickExportFolder);
                }
            });
            ui.end_row();

            let label = ui.label(S::NamePattern.get(lang));
            ui.add(TextEdit::singleline(&mut choices.pattern).desired_width(300.0))
                .labelled_by(label.id)
                .on_hover_text(S::NamePatternHint.get(lang));
            ui.end_row();

            let label = ui.label(S::NumberedCopies.get(lang));
            ui.horizontal(|ui| copies_ui(ui, choices, label.id, lang));
            ui.end_row();

            if choices.formats.contains(&Format::Png) {
                let label = ui.label(S::ImageScale.get(lang));
                ui.add(dpi_value(&mut choices.png_scale))
                    .labelled_by(label.id);
                ui.end_row();
            }
        });
    request
}

/// One checkbox a format, kept in the order of `Format::ALL`.
fn formats_ui(ui: &mut Ui, formats: &mut Vec<Format>, lang: Lang) {
    for format in Format::ALL {
        let mut on = formats.contains(&format);
        if ui.checkbox(&mut on, format_name(format, lang)).changed() {
            formats.retain(|f| *f != format);
            if on {
                formats.push(format);
                formats.sort_by_key(|f| Format::ALL.iter().position(|g| g == f));
            }
        }
    }
}

fn copies_ui(ui: &mut Ui, choices: &mut ExportChoices, label: egui::Id, lang: Lang) {
    ui.checkbox(&mut choices.numbered, "").labelled_by(label);
    ui.add_enabled(
        choices.numbered,
        DragValue::new(&mut choices.copies).range(1..=9999),
    )
    .labelled_by(label);
    ui.add_enabled_ui(choices.numbered, |ui| {
        ui.radio_value(&mut choices.one_file, true, S::CopiesOneFile.get(lang));
        ui.radio_value(&mut choices.one_file, false, S::CopiesSeparate.get(lang));
    });
}

/// The page images' scale, shown as print resolution: 2 pixels a point is
/// 144 dpi, which is what people know.
fn dpi_value(scale: &mut f32) -> DragValue<'_> {
    DragValue::new(scale)
        .range(0.5..=8.0)
        .speed(0.05)
        .custom_formatter(|scale, _| format!("{:.0} dpi", scale * 72.0))
        .custom_parser(|text| {
            let dpi = text.trim().trim_end_matches("dpi").trim();
            dpi.parse::<f64>().ok().map(|dpi| dpi / 72.0)
        })
}

/// Which official fonts the exported files will not use, if any.
fn fonts_warning(ui: &mut Ui, printed: &[PrintedFont], lang: Lang) {
    if printed.iter().all(PrintedFont::is_wanted) {
        return;
    }
    let warn = ui.visuals().warn_fg_color;
    ui.colored_label(warn, S::ExportFontsWarning.get(lang));
    ui.colored_label(warn, messages::fonts_substituted(printed, lang));
}

/// The files the export will write (page images: one a page).
fn files_ui(ui: &mut Ui, targets: &[Target], pages: usize, lang: Lang) {
    if targets.is_empty() {
        ui.weak(S::ExportNeedsFolder.get(lang));
        return;
    }
    let files: usize = targets
        .iter()
        .map(|t| {
            if t.format == Format::Png {
                pages.max(1)
            } else {
                1
            }
        })
        .sum();
    ui.label(messages::files_to_write(files, lang));
    egui::ScrollArea::vertical()
        .max_height(120.0)
        .show(ui, |ui| {
            for target in targets {
                let name = target
                    .path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                match target.format {
                    Format::Png if pages > 1 => {
                        ui.monospace(messages::page_images(&name, pages, lang))
                    }
                    _ => ui.monospace(name),
                };
            }
        });
}

fn format_name(format: Format, lang: Lang) -> &'static str {
    match format {
        Format::Pdf => "PDF",
        Format::Docx => "Word (.docx)",
        Format::Html => S::FormatHtml.get(lang),
        Format::Txt => S::FormatText.get(lang),
        Format::Png => S::FormatImages.get(lang),
    }
}
