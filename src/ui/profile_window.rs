//! 简报系列: the bulletin profiles. Pick one to start an issue from; edit
//! it (units, numbering, masthead, footer and distribution defaults,
//! style, target page count); save it to the archive folder for the whole
//! office or for this user; or make one from the open issue.

use std::path::PathBuf;

use egui::{TextEdit, Ui};

use crate::app::profiles::{Found, Origin};
use crate::app::{Command, editor::ProfileTarget};
use crate::i18n::{Lang, S, Wording};
use crate::model::{Issue, Profile, Style, Unit};
use crate::typeset::PrintedFont;
use crate::ui::widgets::{
    classification_row, label_grid, numerals_row, optional_number_row, text_row,
};

#[derive(Default)]
pub struct ProfileWindow {
    pub open: bool,
    draft: Option<Draft>,
    /// Asked before unsaved edits are dropped for another profile.
    discard: Option<Choice>,
}

/// The profile being edited: a working copy, and where it came from.
struct Draft {
    profile: Profile,
    /// As chosen: the edits are unsaved while the copy differs.
    original: Profile,
    origin: Option<Origin>,
    path: Option<PathBuf>,
}

impl Draft {
    fn new(profile: Profile, origin: Option<Origin>, path: Option<PathBuf>) -> Self {
        Self {
            original: profile.clone(),
            profile,
            origin,
            path,
        }
    }

    fn modified(&self) -> bool {
        self.profile != self.original
    }
}

/// A profile to edit next.
#[derive(Clone)]
enum Choice {
    Listed(usize),
    FromIssue,
}

impl ProfileWindow {
    /// `found`: the profiles listed; `issue`: the open one, to make a
    /// profile from; `archive_set`: whether there is an archive folder to
    /// save into.
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        found: &[Found],
        issue: Option<&Issue>,
        archive_set: bool,
        printed: &dyn Fn(&Style) -> Option<Vec<PrintedFont>>,
        lang: Lang,
    ) -> Option<Command> {
        let mut command = None;
        let mut open = self.open;
        egui::Window::new(S::ProfilesTitle.get(lang))
            .id(egui::Id::unique("profiles-window"))
            .open(&mut open)
            .default_size([900.0, 680.0])
            .resizable(true)
            .show(ctx, |ui| {
                let mut choice = None;
                egui::Panel::left("profile-list")
                    .resizable(false)
                    .exact_size(230.0)
                    .show(ui, |ui| {
                        choice = self.list_ui(ui, found, issue.is_some(), lang)
                    });
                if let Some(choice) = choice {
                    if self.draft.as_ref().is_some_and(Draft::modified) {
                        self.discard = Some(choice);
                    } else {
                        self.choose(choice, found, issue);
                    }
                }
                egui::CentralPanel::default().show(ui, |ui| {
                    if let Some(choice) = self.discard.clone() {
                        if let Some(discard) = discard_ui(ui, lang) {
                            self.discard = None;
                            if discard {
                                self.choose(choice, found, issue);
                            }
                        }
                        return;
                    }
                    command = match &mut self.draft {
                        Some(draft) => {
                            let printed = printed(&draft.profile.style);
                            draft_ui(ui, draft, archive_set, printed.as_deref(), lang)
                        }
                        None => {
                            ui.weak(S::ProfilesHint.get(lang));
                            None
                        }
                    };
                });
            });
        self.open = open;
        if let Some(Command::SaveProfile { profile, .. }) = &command
            && let Some(draft) = &mut self.draft
        {
            // Saved: what was saved is the copy's new starting point.
            draft.original = (**profile).clone();
        }
        if matches!(command, Some(Command::NewFromProfile(_))) {
            self.open = false;
        }
        command
    }

    fn choose(&mut self, choice: Choice, found: &[Found], issue: Option<&Issue>) {
        self.draft = match choice {
            Choice::Listed(i) => found.get(i).and_then(|f| {
                let profile = f.read.as_ref().ok()?.clone();
                Some(Draft::new(profile, Some(f.origin), f.path.clone()))
            }),
            Choice::FromIssue => issue.map(|i| Draft::new(Profile::from_issue(i), None, None)),
        };
    }

    /// The list of profiles, and the button that makes one from the issue.
    fn list_ui(&self, ui: &mut Ui, found: &[Found], has_issue: bool, lang: Lang) -> Option<Choice> {
        let mut choice = None;
        egui::ScrollArea::vertical().show(ui, |ui| {
            for (i, f) in found.iter().enumerate() {
                let origin = match f.origin {
                    Origin::Bundled => S::ProfileBundled,
                    Origin::Archive => S::ProfileInArchive,
                    Origin::User => S::ProfileOnThisComputer,
                };
                let selected = self.draft.as_ref().is_some_and(|d| {
                    d.origin == Some(f.origin)
                        && d.path == f.path
                        && f.read.as_ref().is_ok_and(|p| p.name() == d.original.name())
                });
                let text = format!("{}\n{}", f.name(), origin.get(lang));
                match &f.read {
                    Ok(_) => {
                        if ui.selectable_label(selected, text).clicked() {
                            choice = Some(Choice::Listed(i));
                        }
                    }
                    Err(error) => {
                        ui.label(text);
                        ui.colored_label(ui.visuals().error_fg_color, error.message(lang));
                    }
                }
                ui.separator();
            }
            if ui
                .add_enabled(has_issue, egui::Button::new(S::ProfileFromIssue.get(lang)))
                .clicked()
            {
                choice = Some(Choice::FromIssue);
            }
        });
        choice
    }
}

/// Whether to drop unsaved edits: `Some(true)` to drop them.
fn discard_ui(ui: &mut Ui, lang: Lang) -> Option<bool> {
    let mut answer = None;
    ui.label(S::ProfileDiscard.get(lang));
    ui.horizontal(|ui| {
        if ui.button(S::Discard.get(lang)).clicked() {
            answer = Some(true);
        }
        if ui.button(S::Cancel.get(lang)).clicked() {
            answer = Some(false);
        }
    });
    answer
}

/// The profile's form and its buttons.
fn draft_ui(
    ui: &mut Ui,
    draft: &mut Draft,
    archive_set: bool,
    printed: Option<&[PrintedFont]>,
    lang: Lang,
) -> Option<Command> {
    let mut command = None;
    ui.horizontal_wrapped(|ui| {
        if ui.button(S::NewFromThisProfile.get(lang)).clicked() {
            command = Some(Command::NewFromProfile(Box::new(draft.profile.clone())));
        }
        let saveable = draft.modified() || draft.path.is_none();
        let save = |to| {
            Some(Command::SaveProfile {
                profile: Box::new(draft.profile.clone()),
                to,
            })
        };
        if let Some(path) = &draft.path
            && ui
                .add_enabled(saveable, egui::Button::new(S::Save.get(lang)))
                .on_hover_text(path.display().to_string())
                .clicked()
        {
            command = save(ProfileTarget::File(path.clone()));
        }
        if draft.origin != Some(Origin::Archive)
            && ui
                .add_enabled(archive_set, egui::Button::new(S::SaveToArchive.get(lang)))
                .on_disabled_hover_text(S::SaveToArchiveNeedsFolder.get(lang))
                .clicked()
        {
            command = save(ProfileTarget::Archive);
        }
        if draft.origin != Some(Origin::User) && ui.button(S::SaveForMe.get(lang)).clicked() {
            command = save(ProfileTarget::User);
        }
        if draft.modified() {
            ui.colored_label(ui.visuals().warn_fg_color, S::ProfileUnsaved.get(lang));
        }
    });
    ui.separator();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| profile_form(ui, &mut draft.profile, printed, lang));
    command
}

fn profile_form(ui: &mut Ui, p: &mut Profile, printed: Option<&[PrintedFont]>, lang: Lang) {
    // The units first: what a new series most needs filled in.
    ui.heading(S::ProfileUnits.get(lang));
    ui.weak(S::ProfileUnitsHint.get(lang));
    units_ui(ui, &mut p.series.units, lang);

    ui.add_space(8.0);
    ui.heading(S::Masthead.get(lang));
    label_grid("profile-masthead").show(ui, |ui| {
        text_row(ui, S::Name.get(lang), &mut p.masthead.name);
        text_row(ui, S::Office.get(lang), &mut p.masthead.office);
        numerals_row(ui, &mut p.masthead.numerals, lang);
        let series = &mut p.series;
        ui.label("");
        ui.checkbox(&mut series.yearly_numbers, S::YearlyNumbers.get(lang));
        ui.end_row();
        ui.label("");
        ui.checkbox(&mut series.total_numbers, S::PrintsTotalNumber.get(lang));
        ui.end_row();
        classification_row(
            ui,
            "profile-classification",
            &mut p.masthead.classification,
            lang,
        );
        ui.label("");
        ui.checkbox(&mut p.masthead.copy_serial, S::CopySerialLong.get(lang));
        ui.end_row();
        optional_number_row(ui, S::TargetPages.get(lang), &mut series.target_pages, 4);
        let label = ui.label(S::SectionsOnePerLine.get(lang));
        let mut sections = p.sections.join("\n");
        let edit = ui.add(
            TextEdit::multiline(&mut sections)
                .desired_rows(2)
                .desired_width(f32::INFINITY),
        );
        if edit.labelled_by(label.id).changed() {
            p.sections = sections.split('\n').map(str::to_owned).collect();
        }
        ui.end_row();
        text_row(
            ui,
            S::AttributionSuffix.get(lang),
            &mut p.attribution_suffix,
        );
    });

    ui.add_space(8.0);
    ui.heading(S::Footer.get(lang));
    label_grid("profile-footer").show(ui, |ui| {
        let f = &mut p.footer;
        text_row(ui, S::Editor.get(lang), &mut f.editor);
        text_row(ui, S::Proofreader.get(lang), &mut f.proofreader);
        text_row(ui, S::Phone.get(lang), &mut f.phone);
        text_row(ui, S::Fax.get(lang), &mut f.fax);
        text_row(ui, S::Email.get(lang), &mut f.email);
        optional_number_row(ui, S::PrintCount.get(lang), &mut f.print_count, 100);
        let d = &mut p.distribution;
        text_row(ui, S::ReportTo.get(lang), &mut d.report_to);
        text_row(ui, S::SendTo.get(lang), &mut d.send_to);
        text_row(ui, S::IssueTo.get(lang), &mut d.issue_to);
    });

    ui.add_space(8.0);
    ui.heading(S::Style.get(lang));
    label_grid("profile-style").show(ui, |ui| {
        crate::ui::settings_window::style_rows(ui, &mut p.style, printed, lang)
    });
}

/// The units as a table: name, short name, default attribution; moved,
/// removed and added row by row.
fn units_ui(ui: &mut Ui, units: &mut Vec<Unit>, lang: Lang) {
    let name_id = |row: usize| egui::Id::unique(("profile-unit-name", row));
    // Typing goes straight into a new row, once it is on screen.
    let focus_key = egui::Id::unique("profile-unit-to-focus");
    let to_focus: Option<usize> = ui.data_mut(|d| d.remove_temp(focus_key));
    if ui.button(S::AddUnit.get(lang)).clicked() {
        units.push(Unit::default());
        ui.data_mut(|d| d.insert_temp(focus_key, units.len() - 1));
    }
    let mut action: Option<(usize, isize)> = None;
    egui::Grid::new("profile-units")
        .num_columns(4)
        .spacing([8.0, 4.0])
        .striped(true)
        .show(ui, |ui| {
            let name = ui.strong(S::UnitName.get(lang)).id;
            let short = ui.strong(S::UnitShortName.get(lang)).id;
            let attribution = ui.strong(S::UnitAttribution.get(lang)).id;
            ui.label("");
            ui.end_row();
            let count = units.len();
            for (i, unit) in units.iter_mut().enumerate() {
                let cell = |ui: &mut Ui, edit: TextEdit, label| {
                    ui.add(edit).labelled_by(label);
                };
                let text = |text, width: f32| {
                    TextEdit::singleline(text)
                        .desired_width(width)
                        .min_size(egui::vec2(width, 0.0))
                };
                let named = ui.add(text(&mut unit.name, 140.0).id(name_id(i)));
                let named = named.labelled_by(name);
                if to_focus == Some(i) {
                    named.request_focus();
                    named.scroll_to_me(Some(egui::Align::Center));
                }
                cell(ui, text(&mut unit.short_name, 70.0), short);
                cell(ui, text(&mut unit.attribution, 180.0), attribution);
                ui.horizontal(|ui| {
                    if ui
                        .add_enabled(i > 0, egui::Button::new(S::MoveUp.get(lang)))
                        .clicked()
                    {
                        action = Some((i, -1));
                    }
                    if ui
                        .add_enabled(i + 1 < count, egui::Button::new(S::MoveDown.get(lang)))
                        .clicked()
                    {
                        action = Some((i, 1));
                    }
                    if ui.button(S::Delete.get(lang)).clicked() {
                        action = Some((i, 0));
                    }
                });
                ui.end_row();
            }
        });
    match action {
        Some((i, 0)) => {
            units.remove(i);
        }
        Some((i, delta)) => {
            let j = i.saturating_add_signed(delta).min(units.len() - 1);
            units.swap(i, j);
        }
        None => {}
    }
}
