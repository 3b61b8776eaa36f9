//! District coverage as a heat map (egui_plot): a row per unit, a column
//! per month or year, the count of articles in each cell, cells without
//! any in red — and below it, the units that have gone quiet.

use egui::{Color32, Ui};
use egui_plot::{AxisHints, GridMark, Heatmap, Plot, PlotPoint};

use super::ArchiveView;
use crate::archive::coverage::{Coverage, Period, coverage};
use crate::i18n::{Lang, S, messages};

/// Units with nothing in this many of the last periods are called quiet.
const QUIET: usize = 3;

pub struct CoverageTab {
    period: Period,
    /// How many of the latest periods to show.
    shown: usize,
    table: Coverage,
    computed: Option<(u64, Period)>,
}

impl Default for CoverageTab {
    fn default() -> Self {
        Self {
            period: Period::Month,
            shown: 12,
            table: Coverage::default(),
            computed: None,
        }
    }
}

impl CoverageTab {
    pub fn ui(&mut self, ui: &mut Ui, view: &ArchiveView, lang: Lang) {
        ui.horizontal(|ui| {
            ui.radio_value(&mut self.period, Period::Month, S::ByMonth.get(lang));
            ui.radio_value(&mut self.period, Period::Year, S::ByYear.get(lang));
            ui.separator();
            ui.label(S::PeriodsShown.get(lang));
            ui.add(egui::DragValue::new(&mut self.shown).range(1..=240));
        });
        let key = (view.generation, self.period);
        if self.computed != Some(key) {
            let expected = view.archive.expected_units();
            self.table = coverage(&view.archive, self.period, None, None, &expected);
            self.computed = Some(key);
        }
        let table = &self.table;
        if table.slots.is_empty() || table.units.is_empty() {
            ui.weak(S::EmptyArchive.get(lang));
            return;
        }
        let quiet = table.silent_units(QUIET);
        if !quiet.is_empty() {
            let text = messages::silent_units(&quiet, QUIET, self.period == Period::Year, lang);
            ui.colored_label(ui.visuals().warn_fg_color, text);
        }
        ui.weak(S::CoverageHint.get(lang));
        heat_map(ui, table, self.shown, lang);
    }
}

/// The last `shown` periods of `table` as a heat map, first unit on top.
fn heat_map(ui: &mut Ui, table: &Coverage, shown: usize, lang: Lang) {
    let columns = shown.clamp(1, table.slots.len());
    let start = table.slots.len() - columns;
    let rows = table.units.len();
    // Heat map rows run upwards: the last unit is row 0.
    let mut values = Vec::with_capacity(rows * columns);
    for unit in (0..rows).rev() {
        values.extend(table.counts[unit][start..].iter().map(|&n| f64::from(n)));
    }
    let heat = heat(values, columns, ui.visuals().dark_mode);
    let units: Vec<String> = table.units.clone();
    // Months as 03, 04 … with the year where it starts and on the first.
    let labels: Vec<String> = table.slots[start..]
        .iter()
        .enumerate()
        .map(|(i, s)| {
            if i == 0 || s.month <= 1 {
                s.label()
            } else {
                format!("{:02}", s.month)
            }
        })
        .collect();
    let unit_at = move |y: f64| {
        let row = y.floor();
        (row >= 0.0 && (row as usize) < units.len())
            .then(|| units[units.len() - 1 - row as usize].clone())
    };
    let column_at = |x: f64| {
        let column = x.floor();
        (column >= 0.0 && (column as usize) < columns).then_some(column as usize)
    };
    let label_at = move |x: f64| column_at(x).map(|c| labels[c].clone());
    let marks = |count: usize| {
        move |_input: egui_plot::GridInput| -> Vec<GridMark> {
            (0..count)
                .map(|i| GridMark {
                    value: i as f64 + 0.5,
                    step_size: 1.0,
                })
                .collect()
        }
    };
    let height = (rows as f32 * 24.0 + 60.0).min(ui.available_height().max(200.0));
    let shown = Plot::new("coverage-plot")
        .height(height)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .show_grid(false)
        .x_grid_spacer(marks(columns))
        .y_grid_spacer(marks(rows))
        .custom_x_axes(vec![
            AxisHints::new_x()
                .label("")
                .label_spacing(20.0..=30.0)
                .formatter({
                    let label_at = label_at.clone();
                    move |mark, _| label_at(mark.value).unwrap_or_default()
                }),
        ])
        .y_axis_formatter({
            let unit_at = unit_at.clone();
            move |mark, _| unit_at(mark.value).unwrap_or_default()
        })
        .include_x(0.0)
        .include_x(columns as f64)
        .include_y(0.0)
        .include_y(rows as f64)
        .show(ui, |plot| plot.heatmap(heat));
    // The cell under the pointer, in words (egui_plot's hover label does not
    // reach heat maps).
    if let Some(pointer) = shown.response.hover_pos() {
        let value = shown.transform.value_from_position(pointer);
        // Rows run upwards: the first unit is the top row.
        let row = (value.y >= 0.0)
            .then(|| rows.checked_sub(1 + value.y as usize))
            .flatten();
        let cell = row.zip(column_at(value.x));
        if let Some((row, column)) = cell {
            let slot = &table.slots[start + column];
            let count = table.counts[row][start + column];
            let text = messages::coverage_cell(&table.units[row], &slot.label(), count, lang);
            shown.response.on_hover_text_at_pointer(text);
        }
    }
}

/// The cells: red where nothing was sent, greener the more was.
fn heat(values: Vec<f64>, columns: usize, dark: bool) -> Heatmap {
    let most = values.iter().copied().fold(1.0, f64::max);
    Heatmap::new(values, columns)
        .at(PlotPoint::new(0.0, 0.0))
        .tile_size(1.0, 1.0)
        .show_labels(true)
        .formatter(Box::new(|v| {
            if v > 0.0 {
                format!("{v:.0}")
            } else {
                String::new()
            }
        }))
        .custom_mapping(Box::new(move |v| {
            if v <= 0.0 {
                if dark {
                    Color32::from_rgb(110, 40, 40)
                } else {
                    Color32::from_rgb(248, 196, 196)
                }
            } else {
                let t = (v / most) as f32;
                let light = Color32::from_rgb(200, 235, 200);
                let deep = Color32::from_rgb(30, 120, 60);
                light.lerp_to_gamma(deep, t)
            }
        }))
        .name("coverage")
}
