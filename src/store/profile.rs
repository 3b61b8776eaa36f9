//! Bulletin profiles on disk: `NAME.profile.ron`, the serde form of
//! [`Profile`] written like a draft (pretty RON, four-space indents,
//! Chinese as UTF-8), read with the same errors that name the file, line
//! and column.
//!
//! A profile lives in the archive folder (every editor of the office sees
//! it) or in the user's config folder. Its file name ends differently from
//! a draft's, so the archive never takes it for an issue.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::{LoadError, Position, SaveError, WriteError};
use crate::model::{PROFILE_SCHEMA, Profile};

/// How a profile's file name ends.
pub const PROFILE_SUFFIX: &str = ".profile.ron";

/// Whether a file name is a profile's.
pub fn is_profile_file(name: &str) -> bool {
    name.ends_with(PROFILE_SUFFIX)
}

/// The file name for a profile of the series `name`: the name with what
/// file systems refuse replaced, and [`PROFILE_SUFFIX`].
pub fn profile_file_name(name: &str) -> String {
    let safe: String = name
        .trim()
        .chars()
        .map(|c| {
            if "/\\:*?\"<>|".contains(c) || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect();
    let safe = if safe.is_empty() {
        "简报".to_owned()
    } else {
        safe
    };
    format!("{safe}{PROFILE_SUFFIX}")
}

/// The profile as written to disk.
pub fn profile_to_ron(profile: &Profile) -> Result<String, SaveError> {
    super::pretty(profile)
}

#[derive(Deserialize)]
struct VersionProbe {
    #[serde(default)]
    schema: u32,
}

/// Parses a profile; `path` only labels errors. A profile written by a
/// newer Jianbao is refused by its version.
pub fn profile_from_ron(text: &str, path: &Path) -> Result<Profile, LoadError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadError::Empty { path: path.into() });
    }
    let options = ron::Options::default();
    match options.from_str::<VersionProbe>(text) {
        Ok(VersionProbe { schema: 0 }) => return Err(LoadError::NoSchema { path: path.into() }),
        Ok(VersionProbe { schema: found }) if found > PROFILE_SCHEMA => {
            return Err(LoadError::TooNew {
                path: path.into(),
                at: Position::of(text, super::version_offset(text)),
                found,
                supported: PROFILE_SCHEMA,
            });
        }
        _ => {}
    }
    options
        .from_str(text)
        .map_err(|error| LoadError::syntax(path, error))
}

/// Reads a profile file (bounded like a draft).
pub fn load_profile(path: &Path) -> Result<Profile, LoadError> {
    let bytes = super::read_bounded(path)?;
    profile_from_ron(super::decode(&bytes, path)?, path)
}

/// Writes a profile atomically.
pub fn save_profile(path: &Path, profile: &Profile) -> Result<(), SaveError> {
    let text = profile_to_ron(profile)?;
    super::write_atomically(path, text.as_bytes()).map_err(|error| match error {
        WriteError::NotDurable(source) => SaveError::NotDurable {
            path: path.into(),
            source,
        },
        WriteError::Unchanged(source) => SaveError::Write {
            path: path.into(),
            source,
        },
    })
}

/// The profile files directly in `folder`, sorted.
pub fn profile_files(folder: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            is_profile_file(&name) && !name.starts_with('.')
        })
        .map(|e| e.path())
        .collect();
    paths.sort();
    paths
}

/// The profile files directly in `folder`, sorted, each read.
pub fn profiles_in(folder: &Path) -> Vec<(PathBuf, Result<Profile, LoadError>)> {
    profile_files(folder)
        .into_iter()
        .map(|path| {
            let read = load_profile(&path);
            (path, read)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Numerals, Unit};

    #[test]
    fn a_profile_made_from_the_sample_round_trips_through_a_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut profile = Profile::from_issue(&crate::sample::issue());
        profile.series.units.push(Unit {
            name: "经开区".into(),
            short_name: "经开".into(),
            attribution: "北京经济技术开发区社会事业局".into(),
        });
        profile.masthead.numerals = Numerals::Chinese;
        let path = dir.path().join(profile_file_name(profile.name()));
        assert_eq!(
            path.file_name().and_then(|n| n.to_str()),
            Some("首都精神文明建设情况简报.profile.ron")
        );
        save_profile(&path, &profile).expect("saved");
        assert_eq!(load_profile(&path).expect("loads"), profile);
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(text.contains("经开区") && !text.contains("\\u{"), "{text}");
        let found = profiles_in(dir.path());
        assert_eq!(found.len(), 1);
        assert!(found[0].1.is_ok());
    }

    #[test]
    fn a_broken_profile_says_where() {
        let path = Path::new("系列.profile.ron");
        let text = "(\n    schema: 1,\n    masthead: (name: 12),\n)";
        let error = profile_from_ron(text, path).expect_err("a number is no name");
        assert_eq!(error.position().map(|p| p.line), Some(3));
        assert_eq!(error.path(), path);
        let newer = profile_from_ron("(schema: 9)", path).expect_err("too new");
        assert!(matches!(newer, LoadError::TooNew { found: 9, .. }));
        assert!(matches!(
            profile_from_ron("(masthead: ())", path),
            Err(LoadError::NoSchema { .. })
        ));
        assert_eq!(profile_file_name(" a/b:c "), "a_b_c.profile.ron");
    }
}
