//! `jianbao compile DIR --year 2021 -o 2021.pdf`: a year's issues bound
//! into one volume (合订本), with what is missing or odd said first.

use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use crate::app::volume::{Order, bind};
use crate::archive::volume;
use crate::i18n::{Lang, messages};

/// What goes into the volume, and with which fonts.
pub struct Choice {
    pub span: volume::Span,
    pub bundled_fonts: bool,
}

/// 0 when written; 1 when the year has no issue; 2 when the folder, an
/// issue or the PDF cannot be read or written.
pub fn compile(folder: &Path, choice: &Choice, output: &Path, lang: Lang) -> ExitCode {
    let archive = match super::archive::read(folder, lang) {
        Ok(archive) => archive,
        Err(code) => return code,
    };
    let chosen = volume::issues_of(&archive, &choice.span);
    if chosen.is_empty() {
        warn!("{}", messages::volume_none(&choice.span, lang));
        return ExitCode::from(1);
    }
    // What is odd, said before the volume is made of it.
    for line in messages::volume_oddities(&chosen, folder, lang) {
        warn!("{line}");
    }
    let fonts = match super::font_set(choice.bundled_fonts, lang) {
        Ok(fonts) => fonts,
        Err(code) => return code,
    };
    let order = Order {
        files: chosen.iter().map(|e| e.path.clone()).collect(),
        title: chosen.last().map(|e| e.name.clone()).unwrap_or_default(),
        subtitle: messages::span_subtitle(&choice.span, lang),
        output: output.to_owned(),
        fonts: Arc::new(fonts),
        lang,
    };
    match bind(&order, &mut |_| {}) {
        Ok(count) => {
            say!("{}", messages::volume_written(count, output, lang));
            ExitCode::SUCCESS
        }
        Err(message) => {
            warn!("{message}");
            ExitCode::from(2)
        }
    }
}

/// Parses a range of 期号 given on the command line: 1-20 (or one: 7).
pub fn parse_numbers(text: &str) -> Result<std::ops::RangeInclusive<u32>, String> {
    let wrong = || format!("“{text}” is not a range of issue numbers like 1-20");
    let (a, b) = text.split_once(['-', '–']).unwrap_or((text, text));
    let a: u32 = a.trim().parse().map_err(|_| wrong())?;
    let b: u32 = b.trim().parse().map_err(|_| wrong())?;
    if a > b {
        return Err(wrong());
    }
    Ok(a..=b)
}
