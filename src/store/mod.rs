//! Drafts on disk: issues as pretty RON, loaded with errors that say where,
//! saved atomically.
//!
//! The format is the serde form of [`crate::model::Issue`] written by
//! [`to_ron`]: fields in declaration order, four-space indents, Chinese as
//! UTF-8 (never `\u{…}` escapes), one field per line — so drafts diff well
//! and a save of an unchanged issue rewrites identical bytes.

mod atomic;
mod error;
pub mod lock;
mod migrate;
pub mod recovery;

pub use atomic::{remove_stale_temps, write_atomically, write_atomically_keeping_backup};
pub use error::{LoadError, Position, SaveError};

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::model::{Issue, SCHEMA_VERSION};

/// The largest draft that will be read. A real issue is tens of kilobytes;
/// anything this big is not a draft, and reading it could exhaust memory.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// The issue as this program writes it to disk.
pub fn to_ron(issue: &Issue) -> Result<String, SaveError> {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .struct_names(false)
        // Spans are short: keep each on one line so paragraphs stay readable.
        .depth_limit(7);
    let mut text = ron::ser::to_string_pretty(issue, config).map_err(SaveError::Serialize)?;
    text.push('\n');
    Ok(text)
}

/// Only the schema version, read before anything else so that a file from a
/// newer Jianbao is refused by version rather than by some field it added.
/// Zero stands for "absent": real versions start at 1.
#[derive(Deserialize)]
struct VersionProbe {
    #[serde(default)]
    schema: u32,
}

/// A loaded draft and the format version its file was written in.
pub struct Loaded {
    pub issue: Issue,
    pub version: u32,
}

/// Parses an issue from RON text, upgrading older formats. `path` only
/// labels errors.
pub fn from_ron(text: &str, path: &Path) -> Result<Issue, LoadError> {
    parse(text, path).map(|loaded| loaded.issue)
}

fn parse(text: &str, path: &Path) -> Result<Loaded, LoadError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadError::Empty { path: path.into() });
    }
    let options = ron::Options::default();
    let version = match options.from_str::<VersionProbe>(text) {
        Ok(VersionProbe { schema: 0 }) => return Err(LoadError::NoSchema { path: path.into() }),
        Ok(VersionProbe { schema: found }) if found > SCHEMA_VERSION => {
            return Err(LoadError::TooNew {
                path: path.into(),
                at: Position::of(text, version_offset(text)),
                found,
                supported: SCHEMA_VERSION,
            });
        }
        Ok(VersionProbe { schema }) => schema,
        // Too broken to probe: the full parse below says where.
        Err(_) => SCHEMA_VERSION,
    };
    let issue = if version < SCHEMA_VERSION {
        migrate::from_older(version, text, path)?
    } else {
        options
            .from_str(text)
            .map_err(|error| LoadError::syntax(path, error))?
    };
    Ok(Loaded { issue, version })
}

/// Where the version number stands in the text (for messages).
fn version_offset(text: &str) -> usize {
    text.find("schema")
        .and_then(|at| {
            text[at..]
                .find(|c: char| c.is_ascii_digit())
                .map(|d| at + d)
        })
        .unwrap_or(0)
}

/// Loads an issue from a file. The file is only read, never written.
pub fn load(path: &Path) -> Result<Issue, LoadError> {
    load_versioned(path).map(|loaded| loaded.issue)
}

/// Loads an issue and reports the format version of its file.
pub fn load_versioned(path: &Path) -> Result<Loaded, LoadError> {
    from_bytes(&read_bounded(path)?, path)
}

/// Parses a file's bytes; `path` only labels errors.
pub fn from_bytes(bytes: &[u8], path: &Path) -> Result<Loaded, LoadError> {
    parse(decode(bytes, path)?, path)
}

/// The file's bytes, refusing folders and oversized files before reading.
pub fn read_bounded(path: &Path) -> Result<Vec<u8>, LoadError> {
    let read_error = |source| LoadError::Read {
        path: path.into(),
        source,
    };
    let metadata = std::fs::metadata(path).map_err(read_error)?;
    if metadata.is_dir() {
        return Err(read_error(std::io::Error::from(
            std::io::ErrorKind::IsADirectory,
        )));
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.into(),
            size: metadata.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    std::fs::read(path).map_err(read_error)
}

/// Whether process `pid` is running; `None` where that cannot be known
/// (checked through `/proc` on Linux only).
pub(crate) fn process_running(pid: u32) -> Option<bool> {
    cfg!(target_os = "linux").then(|| Path::new(&format!("/proc/{pid}")).exists())
}

/// UTF-8 text of a file, or an error saying where the bytes stop being UTF-8.
fn decode<'a>(bytes: &'a [u8], path: &Path) -> Result<&'a str, LoadError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(LoadError::Utf16 { path: path.into() });
    }
    std::str::from_utf8(bytes).map_err(|error| {
        let valid = &bytes[..error.valid_up_to()];
        // The prefix is valid UTF-8 by construction.
        let prefix = String::from_utf8_lossy(valid);
        LoadError::NotUtf8 {
            path: path.into(),
            at: Position::of(&prefix, prefix.len()),
        }
    })
}

/// Saves an issue atomically: readers see the old file or the new one, never
/// a mixture, whatever happens during the save. The previous version is
/// kept beside it as `NAME.ron.bak`.
pub fn save(path: &Path, issue: &Issue) -> Result<(), SaveError> {
    let mut issue = issue.clone();
    issue.schema = SCHEMA_VERSION;
    let text = to_ron(&issue)?;
    let backup = backup_path(path);
    remove_stale_temps(path);
    remove_stale_temps(&backup);
    write_atomically_keeping_backup(path, text.as_bytes(), &backup).map_err(|source| {
        SaveError::Write {
            path: path.into(),
            source,
        }
    })
}

/// `第11期.ron` → `第11期.ron.bak`: the version before the last save.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_owned();
    name.push(".bak");
    path.with_file_name(name)
}

/// How the copies [`keep_original`] makes end, after `.v` and the version.
const ORIGINAL_SUFFIX: &str = "-backup.ron";

/// Whether a file name is one of [`keep_original`]'s copies
/// (`第11期.v1-backup.ron`), not a draft of its own.
pub fn is_kept_original(name: &str) -> bool {
    name.strip_suffix(ORIGINAL_SUFFIX)
        .and_then(|stem| stem.rsplit_once(".v"))
        .is_some_and(|(_, version)| {
            !version.is_empty() && version.chars().all(|c| c.is_ascii_digit())
        })
}

/// Before a draft in an older format is first saved in the current one, a
/// copy of the original is kept as `第11期.v1-backup.ron` (never replaced
/// once made). Returns the copy's path.
pub fn keep_original(path: &Path, version: u32) -> std::io::Result<PathBuf> {
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    let copy = path.with_file_name(format!("{stem}.v{version}{ORIGINAL_SUFFIX}"));
    if !copy.exists() {
        let bytes = std::fs::read(path)?;
        write_atomically(&copy, &bytes)?;
    }
    Ok(copy)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assets::SAMPLE_RON;
    use crate::model::{Article, ArticleId, Paragraph, Section, Span};
    use crate::sample::issue as sample;

    #[test]
    fn kept_originals_are_recognized_by_name() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("第11期.ron");
        std::fs::write(&path, "(schema: 1)").expect("write");
        let copy = keep_original(&path, 1).expect("kept");
        let name = copy.file_name().expect("a name").to_string_lossy();
        assert!(is_kept_original(&name), "{name}");
        assert!(is_kept_original("a.b.v12-backup.ron"));
        assert!(!is_kept_original("第11期.ron"));
        assert!(!is_kept_original("第11期-backup.ron"));
        assert!(!is_kept_original("第11期.vx-backup.ron"));
    }

    #[test]
    fn the_sample_is_written_in_canonical_form() {
        // Loading and saving the bundled sample reproduces it byte for byte,
        // so the file in assets/ is exactly what Jianbao writes.
        let text = to_ron(&sample()).expect("serializes");
        assert_eq!(text, SAMPLE_RON);
    }

    #[test]
    fn chinese_is_written_as_utf8_not_escapes() {
        let text = to_ron(&sample()).expect("serializes");
        assert!(text.contains("首都精神文明建设情况简报"));
        assert!(!text.contains("\\u{"));
        assert!(text.starts_with("(\n    schema: 2,\n"));
    }

    #[test]
    fn a_newer_schema_is_refused_naming_both_versions() {
        let text = SAMPLE_RON.replacen("schema: 2,", "schema: 999,", 1);
        match from_ron(&text, Path::new("x.ron")) {
            Err(LoadError::TooNew {
                found: 999,
                supported: SCHEMA_VERSION,
                at,
                ..
            }) => assert_eq!(
                at,
                Position {
                    line: 2,
                    column: 13
                }
            ),
            other => panic!("expected TooNew, got {other:?}"),
        }
    }

    #[test]
    fn a_newer_schema_is_refused_even_with_unknown_fields() {
        let text = "(schema: 7, masthead: (name: \"简报\", shiny_new_field: [1, 2]))";
        assert!(matches!(
            from_ron(text, Path::new("x.ron")),
            Err(LoadError::TooNew { found: 7, .. })
        ));
    }

    #[test]
    fn syntax_errors_carry_line_and_column() {
        let text = "(\n    schema: 2,\n    masthead: (\n        number: Some(\"十一\"),\n    ),\n)";
        match from_ron(text, Path::new("x.ron")) {
            Err(LoadError::Syntax { at, .. }) => {
                assert_eq!(at.line, 4);
                assert!(at.column > 1, "column {}", at.column);
            }
            other => panic!("expected a syntax error, got {other:?}"),
        }
    }

    #[test]
    fn missing_schema_empty_and_bom() {
        assert!(matches!(
            from_ron("(masthead: ())", Path::new("x.ron")),
            Err(LoadError::NoSchema { .. })
        ));
        assert!(matches!(
            from_ron(" \n", Path::new("x.ron")),
            Err(LoadError::Empty { .. })
        ));
        let with_bom = format!("\u{FEFF}{SAMPLE_RON}");
        assert_eq!(from_ron(&with_bom, Path::new("x.ron")).ok(), Some(sample()));
    }

    #[test]
    fn invalid_utf8_is_located() {
        let mut bytes = b"(\n    schema: 1,\n    masthead: (name: \"".to_vec();
        bytes.extend_from_slice(&[0xBC, 0xF2, 0xB1, 0xA8]); // 简报 in GBK
        match decode(&bytes, Path::new("gbk.ron")) {
            Err(LoadError::NotUtf8 { at, .. }) => assert_eq!(
                at,
                Position {
                    line: 3,
                    column: 23
                }
            ),
            other => panic!("expected NotUtf8, got {other:?}"),
        }
    }

    #[test]
    fn old_files_missing_new_fields_still_load() {
        let issue = from_ron(
            "(schema: 2, masthead: (name: \"简报\", number: Some(3)))",
            Path::new("old.ron"),
        )
        .expect("loads with defaults");
        assert_eq!(issue.masthead.name, "简报");
        assert_eq!(issue.masthead.number, Some(3));
        assert_eq!(issue.style, crate::model::Style::default());
    }

    #[test]
    fn awkward_strings_round_trip() {
        let awkward =
            "“引号”\"quote\" \\back\\slash\n换行\t制表 🎉 )], r#\"raw\"# // /* */ \u{3000}全角空格";
        let mut issue = sample();
        issue.masthead.name = awkward.into();
        issue.sections.push(Section {
            heading: awkward.into(),
            articles: vec![Article {
                body: vec![Paragraph {
                    spans: vec![Span::bold(awkward), Span::plain(awkward)],
                }],
                ..Article::new(ArticleId(u64::MAX))
            }],
        });
        let text = to_ron(&issue).expect("serializes");
        assert_eq!(from_ron(&text, Path::new("x.ron")).ok(), Some(issue));
    }
}
