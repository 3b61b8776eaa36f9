//! File → Export…: formats, folder, file-name pattern, numbered copies, a
//! list of the files that will be written, a warning before any is
//! replaced, and progress while the worker writes them.

use std::path::PathBuf;

use egui::{DragValue, RichText, TextEdit};

use crate::app::Command;
use crate::app::settings::ExportChoices;
use crate::export::{Format, Target};
use crate::i18n::{Lang, S, messages};
use crate::model::Issue;

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
        pages: usize,
        progress: Option<(usize, usize)>,
        lang: Lang,
    ) -> Option<Command> {
        let mut request = None;
        let mut open = self.open;
        egui::Window::new(S::ExportTitle.get(lang))
            .open(&mut open)
            .default_width(480.0)
            .show(ctx, |ui| {
                if let Some((targets, existing)) = self.confirm.take() {
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
                        Some(true) => {
                            request = Some(Command::StartExport {
                                targets,
                                replace: true,
                            })
                        }
                        Some(false) => {}
                        None => self.confirm = Some((targets, existing)),
                    }
                    return;
                }

                egui::Grid::new("export-form")
                    .num_columns(2)
                    .spacing([12.0, 8.0])
                    .show(ui, |ui| {
                        ui.label(S::Formats.get(lang));
                        ui.horizontal_wrapped(|ui| {
                            for format in Format::ALL {
                                let mut on = choices.formats.contains(&format);
                                if ui.checkbox(&mut on, format_name(format, lang)).changed() {
                                    choices.formats.retain(|f| *f != format);
                                    if on {
                                        choices.formats.push(format);
                                        choices.formats.sort_by_key(|f| {
                                            Format::ALL.iter().position(|g| g == f)
                                        });
                                    }
                                }
                            }
                        });
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
                        ui.horizontal(|ui| {
                            ui.checkbox(&mut choices.numbered, "").labelled_by(label.id);
                            ui.add_enabled(
                                choices.numbered,
                                DragValue::new(&mut choices.copies).range(1..=9999),
                            )
                            .labelled_by(label.id);
                            ui.add_enabled_ui(choices.numbered, |ui| {
                                ui.radio_value(
                                    &mut choices.one_file,
                                    true,
                                    S::CopiesOneFile.get(lang),
                                );
                                ui.radio_value(
                                    &mut choices.one_file,
                                    false,
                                    S::CopiesSeparate.get(lang),
                                );
                            });
                        });
                        ui.end_row();

                        if choices.formats.contains(&Format::Png) {
                            let label = ui.label(S::ImageScale.get(lang));
                            // Shown as print resolution: 2 pixels a point is
                            // 144 dpi, which is what people know.
                            ui.add(
                                DragValue::new(&mut choices.png_scale)
                                    .range(0.5..=8.0)
                                    .speed(0.05)
                                    .custom_formatter(|scale, _| format!("{:.0} dpi", scale * 72.0))
                                    .custom_parser(|text| {
                                        let dpi = text.trim().trim_end_matches("dpi").trim();
                                        dpi.parse::<f64>().ok().map(|dpi| dpi / 72.0)
                                    }),
                            )
                            .labelled_by(label.id);
                            ui.end_row();
                        }
                    });

                ui.separator();
                let plan = choices.plan();
                let targets = plan.as_ref().map(|p| p.targets(issue)).unwrap_or_default();
                if targets.is_empty() {
                    ui.weak(S::ExportNeedsFolder.get(lang));
                } else {
                    // Page images are one file a page.
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
                            for target in &targets {
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
                if let Some((done, total)) = progress {
                    ui.add(
                        egui::ProgressBar::new(done as f32 / total.max(1) as f32)
                            .text(messages::progress(done, total, lang)),
                    );
                }
                let busy = progress.is_some_and(|(done, total)| done < total);
                if ui
                    .add_enabled(
                        !targets.is_empty() && !busy,
                        egui::Button::new(RichText::new(S::Export.get(lang)).strong()),
                    )
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
