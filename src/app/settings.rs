//! What the editor remembers between runs: language, theme, the user's
//! name, recent files, export choices, the archive folder.
//! Kept as RON in the per-user config folder from `directories`.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::export::{Copies, DEFAULT_PATTERN, DEFAULT_PNG_SCALE, Format, Plan};
use crate::i18n::Lang;
use crate::store::write_atomically;

/// How many recent files the File menu and the start screen offer.
pub const MAX_RECENT: usize = 10;

/// The UI theme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    /// Follow the operating system.
    #[default]
    System,
    Light,
    Dark,
}

/// Per-user editor settings. Unknown or missing fields take defaults, so
/// settings files from other versions keep loading.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub lang: Lang,
    pub theme: Theme,
    /// The name others see on a lock or a comment; the account name if empty.
    pub user_name: String,
    /// Most recent first; no duplicates.
    pub recent: Vec<PathBuf>,
    /// The export dialog's last choices.
    pub export: ExportChoices,
    /// The folder of past issues (`None`: no archive yet).
    pub archive_folder: Option<PathBuf>,
}

/// The dialog's choices, remembered between exports.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExportChoices {
    pub formats: Vec<Format>,
    pub folder: Option<PathBuf>,
    pub pattern: String,
    pub numbered: bool,
    pub copies: u32,
    pub one_file: bool,
    pub png_scale: f32,
}

impl Default for ExportChoices {
    fn default() -> Self {
        Self {
            formats: vec![Format::Pdf],
            folder: None,
            pattern: DEFAULT_PATTERN.to_owned(),
            numbered: false,
            copies: 10,
            one_file: true,
            png_scale: DEFAULT_PNG_SCALE,
        }
    }
}

impl ExportChoices {
    pub fn plan(&self) -> Option<Plan> {
        let folder = self.folder.clone()?;
        (!self.formats.is_empty()).then(|| Plan {
            formats: self.formats.clone(),
            folder,
            pattern: self.pattern.clone(),
            copies: self.numbered.then_some(Copies {
                count: self.copies.max(1),
                one_file: self.one_file,
            }),
            png_scale: self.png_scale,
        })
    }
}

impl Settings {
    /// Reads settings; a missing file gives defaults. A file that cannot be
    /// parsed is moved aside as `settings.ron.bad` (never silently lost)
    /// and defaults are used.
    pub fn load(path: &Path) -> Settings {
        let Ok(text) = std::fs::read_to_string(path) else {
            return Settings::default();
        };
        match ron::from_str(&text) {
            Ok(settings) => settings,
            Err(_) => {
                let _ = std::fs::rename(path, path.with_extension("ron.bad"));
                Settings::default()
            }
        }
    }

    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder)?;
        }
        let text = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::new())
            .map_err(std::io::Error::other)?;
        match write_atomically(path, text.as_bytes()) {
            // In place: a lost folder flush costs at most this write.
            Err(error) if !error.replaced() => Err(error.into_io()),
            _ => Ok(()),
        }
    }

    /// Puts `path` first in the recent list.
    pub fn remember(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }

    /// The name to show others.
    /// The name the system knows the user by: the name used until one is
    /// given.
    pub fn login_user_name() -> String {
        crate::store::lock::user_name()
    }

    pub fn display_name(&self) -> String {
        if self.user_name.trim().is_empty() {
            Self::login_user_name()
        } else {
            self.user_name.trim().to_owned()
        }
    }

    pub fn forget(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
    }
}

/// Where settings and window state live: the per-user config folder.
pub fn config_dir() -> Option<PathBuf> {
    crate::assets::project_dirs().map(|d| d.config_dir().to_owned())
}

/// Where recovery files live: the per-user data folder.
pub fn data_dir() -> Option<PathBuf> {
    crate::assets::project_dirs().map(|d| d.data_dir().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_and_recent_files_stay_unique() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("settings.ron");
        let mut settings = Settings {
            lang: Lang::En,
            theme: Theme::Dark,
            ..Settings::default()
        };
        for name in ["甲.ron", "乙.ron", "甲.ron"] {
            settings.remember(&dir.path().join(name));
        }
        assert_eq!(settings.recent.len(), 2);
        assert!(settings.recent[0].ends_with("甲.ron"));
        settings.save(&path).expect("saves");
        assert_eq!(Settings::load(&path), settings);
    }

    #[test]
    fn a_broken_settings_file_is_kept_aside() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("settings.ron");
        std::fs::write(&path, "(lang: Klingon").expect("write");
        assert_eq!(Settings::load(&path), Settings::default());
        assert!(dir.path().join("settings.ron.bad").exists());
    }
}
