//! Small widgets the forms share: labelled rows (every field has an
//! accessible name) and a date picker that speaks the UI language.

use chrono::{Datelike, NaiveDate};
use egui::{DragValue, Response, TextEdit, Ui};

use super::focus::{FieldFocus, field_id};
use crate::i18n::{Lang, S, messages};
use crate::model::{Classification, Field, Numerals};

/// A two-column grid of labelled rows, as the settings and the profile
/// window lay theirs out.
pub fn label_grid(id: &str) -> egui::Grid {
    egui::Grid::new(id).num_columns(2).spacing([12.0, 6.0])
}

/// A label and a one-line text field, as a row of a two-column grid.
pub fn text_row(ui: &mut Ui, label: &str, value: &mut String) -> Response {
    let label = ui.label(label);
    let response = ui
        .add(TextEdit::singleline(value).desired_width(f32::INFINITY))
        .labelled_by(label.id);
    ui.end_row();
    response
}

/// A labelled one-line field showing `field`, selectable from the problems
/// panel.
pub fn field_row(
    ui: &mut Ui,
    label: &str,
    value: &mut String,
    field: Field,
    focus: &mut FieldFocus,
) -> Response {
    labelled_field(ui, label, TextEdit::singleline(value), field, focus)
}

/// A labelled wrapping field showing `field`, selectable from the problems
/// panel.
pub fn field_multiline_row(
    ui: &mut Ui,
    label: &str,
    value: &mut String,
    rows: usize,
    field: Field,
    focus: &mut FieldFocus,
) -> Response {
    let edit = TextEdit::multiline(value).desired_rows(rows);
    labelled_field(ui, label, edit, field, focus)
}

/// A grid row: `label`, then `edit` at full width with the id of `field`.
fn labelled_field(
    ui: &mut Ui,
    label: &str,
    edit: TextEdit<'_>,
    field: Field,
    focus: &mut FieldFocus,
) -> Response {
    let label = ui.label(label);
    let id = field_id(field);
    let response = ui
        .add(edit.id(id).desired_width(f32::INFINITY))
        .labelled_by(label.id);
    focus.apply(ui.ctx(), field, id);
    ui.end_row();
    response
}

/// A label and a whole number that may still be blank (shown as —, which
/// dragging or typing 0 gives back).
pub fn maybe_number_row(ui: &mut Ui, label: &str, value: &mut Option<u32>) -> Response {
    let label = ui.label(label);
    let mut number = value.unwrap_or(0);
    let response = ui
        .add(
            DragValue::new(&mut number)
                .range(0..=u32::MAX)
                .speed(0.2)
                .custom_formatter(|n, _| {
                    if n < 1.0 {
                        "—".to_owned()
                    } else {
                        format!("{n:.0}")
                    }
                }),
        )
        .labelled_by(label.id);
    if response.changed() {
        *value = (number > 0).then_some(number);
    }
    ui.end_row();
    response
}

/// A label, a checkbox that turns the value on, and its number field.
pub fn optional_number_row(ui: &mut Ui, label: &str, value: &mut Option<u32>, default: u32) {
    let label_response = ui.label(label);
    ui.horizontal(|ui| {
        let mut on = value.is_some();
        let toggle = ui.checkbox(&mut on, "").labelled_by(label_response.id);
        if toggle.changed() {
            *value = on.then_some(value.unwrap_or(default));
        }
        if let Some(number) = value {
            ui.add(DragValue::new(number).range(1..=u32::MAX).speed(0.2))
                .labelled_by(label_response.id);
        }
    });
    ui.end_row();
}

/// A button showing a date that opens a month calendar.
pub fn date_row(ui: &mut Ui, label: &str, date: &mut Option<NaiveDate>, lang: Lang) -> Response {
    let label = ui.label(label);
    let response = date_picker(ui, date, lang).labelled_by(label.id);
    ui.end_row();
    response
}

pub fn date_picker(ui: &mut Ui, date: &mut Option<NaiveDate>, lang: Lang) -> Response {
    let text = match date {
        Some(d) => messages::date(*d, lang),
        None => S::NoDate.get(lang).to_owned(),
    };
    let mut response = ui.button(text);
    let id = response.id.with("calendar");
    // The month on show; starts at the date's month.
    let today = chrono::Local::now().date_naive();
    let shown = date.unwrap_or(today);
    let mut month: (i32, u32) = ui
        .data(|d| d.get_temp(id))
        .unwrap_or((shown.year(), shown.month()));
    let mut changed = false;
    egui::Popup::from_toggle_button_response(&response)
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
        .show(|ui| {
            ui.horizontal(|ui| {
                if ui
                    .button("◀")
                    .on_hover_text(S::PreviousMonth.get(lang))
                    .clicked()
                {
                    month = step_month(month, -1);
                }
                let year_label = ui.label(S::Year.get(lang));
                ui.add(DragValue::new(&mut month.0).range(1900..=2999))
                    .labelled_by(year_label.id);
                let month_label = ui.label(S::Month.get(lang));
                ui.add(DragValue::new(&mut month.1).range(1..=12))
                    .labelled_by(month_label.id);
                if ui
                    .button("▶")
                    .on_hover_text(S::NextMonth.get(lang))
                    .clicked()
                {
                    month = step_month(month, 1);
                }
            });
            egui::Grid::new(id.with("days")).show(ui, |ui| {
                for name in messages::weekday_initials(lang) {
                    ui.label(name);
                }
                ui.end_row();
                let Some(first) = NaiveDate::from_ymd_opt(month.0, month.1, 1) else {
                    return;
                };
                for _ in 0..first.weekday().num_days_from_monday() {
                    ui.label("");
                }
                let mut day = first;
                while day.month() == month.1 {
                    let selected = *date == Some(day);
                    if ui
                        .selectable_label(selected, day.day().to_string())
                        .clicked()
                    {
                        *date = Some(day);
                        changed = true;
                        ui.close();
                    }
                    if day.weekday() == chrono::Weekday::Sun {
                        ui.end_row();
                    }
                    match day.succ_opt() {
                        Some(next) => day = next,
                        None => break,
                    }
                }
            });
            ui.horizontal(|ui| {
                if ui.button(S::Today.get(lang)).clicked() {
                    *date = Some(today);
                    month = (today.year(), today.month());
                    changed = true;
                    ui.close();
                }
                if ui.button(S::ClearDate.get(lang)).clicked() {
                    *date = None;
                    changed = true;
                    ui.close();
                }
            });
        });
    ui.data_mut(|d| d.insert_temp(id, month));
    if changed {
        response.mark_changed();
    }
    response
}

fn step_month((year, month): (i32, u32), delta: i32) -> (i32, u32) {
    let index = year * 12 + month as i32 - 1 + delta;
    (index.div_euclid(12), index.rem_euclid(12) as u32 + 1)
}

/// A drop-down of `units` that writes the one clicked into `unit`.
pub fn unit_picker<'a>(
    ui: &mut Ui,
    salt: &str,
    unit: &mut String,
    units: impl IntoIterator<Item = &'a str>,
    lang: Lang,
) {
    egui::ComboBox::from_id_salt(salt)
        .selected_text(S::PickUnit.get(lang))
        .show_ui(ui, |ui| {
            for name in units {
                if ui.selectable_label(unit == name, name).clicked() {
                    *unit = name.to_owned();
                }
            }
        })
        .response
        .on_hover_text(S::PickUnitHint.get(lang))
        // Named for screen readers (the box shows no label of its own).
        .widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::ComboBox, true, S::PickUnit.get(lang))
        });
}

/// 期号用汉字: a checkbox row over the masthead's numerals.
pub fn numerals_row(ui: &mut Ui, numerals: &mut Numerals, lang: Lang) {
    ui.label("");
    let mut chinese = *numerals == Numerals::Chinese;
    if ui
        .checkbox(&mut chinese, S::ChineseNumerals.get(lang))
        .changed()
    {
        *numerals = if chinese {
            Numerals::Chinese
        } else {
            Numerals::Arabic
        };
    }
    ui.end_row();
}

/// 密级: a labelled drop-down row, none or one of the levels.
pub fn classification_row(
    ui: &mut Ui,
    salt: &str,
    classification: &mut Option<Classification>,
    lang: Lang,
) {
    let label = ui.label(S::Classification.get(lang));
    let shown = classification.map_or(S::NoneOption.get(lang), Classification::label);
    egui::ComboBox::from_id_salt(salt)
        .selected_text(shown)
        .show_ui(ui, |ui| {
            ui.selectable_value(classification, None, S::NoneOption.get(lang));
            for c in Classification::ALL {
                ui.selectable_value(classification, Some(c), c.label());
            }
        })
        .response
        .labelled_by(label.id);
    ui.end_row();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_step_across_years() {
        assert_eq!(step_month((2021, 12), 1), (2022, 1));
        assert_eq!(step_month((2021, 1), -1), (2020, 12));
        assert_eq!(step_month((2021, 2), 1), (2021, 3));
    }
}
