//! Every string a user reads, in Chinese (the default) and English.
//!
//! Fixed strings are variants of [`S`]; strings with values in them are the
//! functions of [`messages`]. Nothing else in the crate spells out UI text,
//! so switching language switches all of it and nothing is left mixed.
//! Document content (密级 labels, 第 N 期, 报/送/发) is not UI text: it is
//! printed in Chinese whatever the UI language.

pub mod cli;
pub mod messages;
mod strings;

pub use strings::S;

use crate::export::ExportError;
use crate::import::ImportError;
use crate::store::{LoadError, SaveError};
use crate::typeset::TypesetError;

/// An error of a lower module, worded for the user in a language.
///
/// Implemented here, above the modules whose errors it words: they keep
/// their data and a technical `Display`, and know nothing of languages, so
/// the dependency runs one way only (checked by the architecture test).
pub trait Wording {
    /// A full sentence for the user: the file, the place, what is wrong.
    fn message(&self, lang: Lang) -> String;
}

macro_rules! worded_by {
    ($($error:ty => $words:path;)*) => {
        $(impl Wording for $error {
            fn message(&self, lang: Lang) -> String {
                $words(self, lang)
            }
        })*
    };
}

worded_by! {
    LoadError => messages::load_error;
    SaveError => messages::save_error;
    TypesetError => messages::typeset_error;
    ExportError => messages::export_error;
    ImportError => messages::import_error;
}

use serde::{Deserialize, Serialize};

/// The UI language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// The language for command-line output: `JIANBAO_LANG`, else the
    /// locale (`LC_ALL`, `LC_MESSAGES`, `LANG`) when it names English,
    /// else Chinese.
    pub fn from_env() -> Lang {
        let var = |name| std::env::var(name).ok().filter(|v: &String| !v.is_empty());
        let chosen = var("JIANBAO_LANG")
            .or_else(|| var("LC_ALL"))
            .or_else(|| var("LC_MESSAGES"))
            .or_else(|| var("LANG"));
        match chosen {
            Some(v) if v.to_ascii_lowercase().starts_with("en") => Lang::En,
            _ => Lang::Zh,
        }
    }

    /// The language's own name, as shown in the language picker.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Zh => "中文",
            Lang::En => "English",
        }
    }

    /// Picks one of two renderings; used only inside this module.
    fn pick<T>(self, zh: T, en: T) -> T {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has_han(text: &str) -> bool {
        text.chars().any(|c| {
            ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
        })
    }

    /// English words allowed inside Chinese strings: names of formats and keys.
    const LATIN_IN_CHINESE: &[&str] = &[
        "PDF",
        "RON",
        "HTML",
        "Word",
        "docx",
        "PNG",
        "JPEG",
        "CSV",
        // Programs office staff name in Chinese sentences too.
        "WPS",
        "Excel",
        "Ctrl",
        "Shift",
        "Alt",
        "Tab",
        "Delete",
        "Jianbao",
        "Z",
        "Y",
        "S",
        "D",
        "N",
        "O",
        "E",
        "B",
        "JSON",
        "typst",
        "GB",
        "UTF",
        // File-name placeholders, typed as shown.
        "name",
        "year",
        "number",
        "total",
        "date",
        "copy",
        // Packages to install, named as the system names them.
        "xdg-desktop-portal",
        "zenity",
    ];

    #[test]
    fn english_strings_have_no_chinese_and_chinese_strings_no_english_words() {
        for s in S::ALL {
            let en = s.get(Lang::En);
            assert!(!has_han(en), "{s:?} English text has Chinese: {en}");
            let zh = s.get(Lang::Zh);
            // Command-line options (-o, --format) are typed as shown.
            let words = zh.split(|c: char| !(c.is_ascii_alphabetic() || c == '-'));
            for word in words.filter(|w| !w.starts_with('-')) {
                assert!(
                    word.is_empty() || LATIN_IN_CHINESE.contains(&word),
                    "{s:?} Chinese text has the English word {word:?}: {zh}"
                );
            }
            assert!(!zh.is_empty() && !en.is_empty(), "{s:?} is blank");
        }
    }
}
