//! Drafts on disk: issues as pretty RON, loaded with errors that say where,
//! saved atomically.
//!
//! The format is the serde form of [`crate::model::Issue`] written by
//! [`to_ron`]: fields in declaration order, four-space indents, Chinese as
//! UTF-8 (never `\u{…}` escapes), one field per line — so drafts diff well
//! and a save of an unchanged issue rewrites identical bytes.

mod atomic;
mod error;
mod limits;
pub mod lock;
mod migrate;
mod profile;
pub mod recovery;

#[cfg(test)]
pub(crate) use atomic::fail_next_folder_sync;
pub use atomic::{
    NAME_MAX, Replace, WriteError, remove_stale_temps, replace, resolve_links, write_atomically,
};
pub use error::{LoadError, Position, SaveError};
pub use limits::{Limit, LimitExceeded};
pub use profile::{
    PROFILE_SUFFIX, is_profile_file, load_profile, profile_file_name, profile_files,
    profile_from_ron, profile_to_ron, profiles_in, save_profile,
};

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::model::{Issue, SCHEMA_VERSION};
use lock::DocumentLock;

/// The largest draft that will be read. A real issue is tens of kilobytes;
/// anything this big is not a draft, and reading it could exhaust memory.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// The issue as this program writes it to disk.
pub fn to_ron(issue: &Issue) -> Result<String, SaveError> {
    pretty(issue)
}

/// Drafts' and profiles' shared form.
fn pretty(value: &impl serde::Serialize) -> Result<String, SaveError> {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .struct_names(false)
        // Spans are short: keep each on one line so paragraphs stay readable.
        .depth_limit(7);
    let (text, images) =
        crate::model::figure::DeferredImages::collect(|| ron::ser::to_string_pretty(value, config));
    let mut text = images.splice(&text.map_err(SaveError::Serialize)?);
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
    limits::check_text(text, path)?;
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
    limits::check_issue(&issue, path)?;
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

/// The file's bytes, refusing anything that is not a regular file (a
/// folder, a FIFO, a device) before opening it, and reading through a hard
/// cap of [`MAX_FILE_BYTES`] whatever the file claims its size is.
pub fn read_bounded(path: &Path) -> Result<Vec<u8>, LoadError> {
    use std::io::Read;
    let limit = MAX_FILE_BYTES;
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
    if !metadata.is_file() {
        return Err(LoadError::NotAFile { path: path.into() });
    }
    let too_large = |size| LoadError::TooLarge {
        path: path.into(),
        size,
        limit,
    };
    if metadata.len() > limit {
        return Err(too_large(metadata.len()));
    }
    let file = std::fs::File::open(path).map_err(read_error)?;
    // Swapped for something else between the look and the open?
    if !file.metadata().map_err(read_error)?.is_file() {
        return Err(LoadError::NotAFile { path: path.into() });
    }
    let capacity = usize::try_from(metadata.len()).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Whether process `pid` is running; `None` where that cannot be known
/// (checked through `/proc` on Linux only).
pub(crate) fn process_running(pid: u32) -> Option<bool> {
    cfg!(target_os = "linux").then(|| Path::new(&format!("/proc/{pid}")).exists())
}

/// A fingerprint of a file's bytes (FNV-1a, 64 bits): the same in every
/// process and build, so recovery files can carry it.
pub fn fingerprint(bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(0xcbf2_9ce4_8422_2325, |hash: u64, &byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
        })
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

/// Saves an issue: the one way a draft is written, shared by the editor,
/// `lint --fix`, `new`/`import --force`, recovery and migration. It
///
/// - refuses while someone else holds a live lock on the draft (`lock` is
///   this session's own, which does not count);
/// - refuses a read-only draft, and anything that is not a regular file;
/// - refuses an issue beyond the limits a load enforces, so that nothing
///   is written that could not be read back;
/// - refuses to change the content of a draft that is approved or issued on
///   disk, unless the issue was reopened since (its history says so);
/// - keeps a copy of a draft in an older format before its first rewrite;
/// - then writes atomically (see [`replace`]): through a symbolic link,
///   with the file's permissions and owner, the previous version kept
///   beside the real file as `NAME.ron.bak`.
pub fn save(path: &Path, issue: &Issue) -> Result<(), SaveError> {
    save_holding(path, issue, None)
}

/// [`save`] by a session that holds `lock` on the draft.
pub fn save_holding(
    path: &Path,
    issue: &Issue,
    lock: Option<&DocumentLock>,
) -> Result<(), SaveError> {
    let write_error = |source| SaveError::Write {
        path: path.into(),
        source,
    };
    if let Some(owner) = lock::live_holder(path, lock) {
        return Err(SaveError::Locked {
            path: path.into(),
            owner: Box::new(owner),
        });
    }
    let target = resolve_links(path).map_err(write_error)?;
    match std::fs::metadata(&target) {
        Ok(metadata) if metadata.permissions().readonly() => {
            return Err(SaveError::ReadOnly { path: path.into() });
        }
        Ok(metadata) if !metadata.is_file() => {
            return Err(write_error(std::io::Error::from(
                std::io::ErrorKind::IsADirectory,
            )));
        }
        _ => {}
    }
    // What this program writes, it must be able to read again.
    limits::shape(issue).map_err(|exceeded| SaveError::Limit {
        path: path.into(),
        exceeded,
    })?;
    let mut issue = issue.clone();
    issue.schema = SCHEMA_VERSION;
    let text = to_ron(&issue)?;
    if let Ok(bytes) = read_bounded(&target)
        && let Ok(on_disk) = from_bytes(&bytes, path)
    {
        refuse_locked_content(&on_disk.issue, &issue, path)?;
        if on_disk.version < SCHEMA_VERSION {
            keep_original(&target, on_disk.version, &bytes).map_err(write_error)?;
        }
    }
    let backup = backup_path(&target);
    remove_stale_temps(&target);
    remove_stale_temps(&backup);
    let how = Replace {
        backup: Some(&backup),
        private: false,
    };
    replace(&target, text.as_bytes(), how).map_err(|error| match error {
        WriteError::Unchanged(source) => write_error(source),
        WriteError::NotDurable(source) => SaveError::NotDurable {
            path: path.into(),
            source,
        },
    })
}

/// An approved or issued draft's content changes only after a reopening
/// recorded in its history.
fn refuse_locked_content(on_disk: &Issue, new: &Issue, path: &Path) -> Result<(), SaveError> {
    let status = on_disk.review.status;
    if !status.locks_content() || new.same_content(on_disk) {
        return Ok(());
    }
    let since = on_disk.review.history.len();
    let reopened = new.review.history.len() >= since
        && new.review.history[since..]
            .iter()
            .any(|change| !change.to.locks_content());
    if reopened {
        Ok(())
    } else {
        Err(SaveError::ContentLocked {
            path: path.into(),
            status,
        })
    }
}

/// What a path names, for comparing paths: the real file (links followed)
/// where it exists, else the real folder and the name.
pub fn file_identity(path: &Path) -> PathBuf {
    if let Ok(real) = std::fs::canonicalize(path) {
        return real;
    }
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let folder = std::fs::canonicalize(folder).unwrap_or_else(|_| folder.to_owned());
    folder.join(path.file_name().unwrap_or_default())
}

/// Whether two paths name the same file.
pub fn same_file(a: &Path, b: &Path) -> bool {
    a == b || file_identity(a) == file_identity(b)
}

/// `第11期.ron` → `第11期.ron.bak`: the version before the last save.
pub fn backup_path(path: &Path) -> PathBuf {
    atomic::sibling_name(path, "", ".bak")
}

/// The files that belong to a draft and must never be written over by
/// anything but a save of it: the draft itself (and the file a link names),
/// its `.bak`, and its lock file.
pub fn companions(path: &Path) -> Vec<PathBuf> {
    let real = resolve_links(path).unwrap_or_else(|_| path.to_owned());
    let mut files = vec![path.to_owned(), backup_path(path), lock::lock_path(path)];
    if real != path {
        files.push(backup_path(&real));
        files.push(real);
    }
    files
}

/// How the copies `keep_original` makes end, after `.v` and the version.
const ORIGINAL_SUFFIX: &str = "-backup.ron";

/// Whether a file name is one of `keep_original`'s copies
/// (`第11期.v1-backup.ron`), not a draft of its own.
pub fn is_kept_original(name: &str) -> bool {
    name.strip_suffix(ORIGINAL_SUFFIX)
        .and_then(|stem| stem.rsplit_once(".v"))
        .is_some_and(|(_, version)| {
            !version.is_empty() && version.chars().all(|c| c.is_ascii_digit())
        })
}

/// Before a draft in an older format is first saved in the current one, a
/// copy of its original `bytes` is kept as `第11期.v1-backup.ron` (never
/// replaced once made).
fn keep_original(path: &Path, version: u32, bytes: &[u8]) -> std::io::Result<()> {
    let copy = original_copy_path(path, version);
    if !copy.exists() {
        write_atomically(&copy, bytes).map_err(WriteError::into_io)?;
    }
    Ok(())
}

fn original_copy_path(path: &Path, version: u32) -> PathBuf {
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    let suffix = format!(".v{version}{ORIGINAL_SUFFIX}");
    let stem = atomic::shortened(&stem, NAME_MAX.saturating_sub(suffix.len()));
    path.with_file_name(format!("{stem}{suffix}"))
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
        keep_original(&path, 1, b"(schema: 1)").expect("kept");
        let copy = original_copy_path(&path, 1);
        assert!(copy.exists());
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
        assert!(text.starts_with("(\n    schema: 3,\n"));
    }

    #[test]
    fn a_newer_schema_is_refused_naming_both_versions() {
        let text = SAMPLE_RON.replacen("schema: 3,", "schema: 999,", 1);
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

    #[test]
    fn the_desktops_mime_magic_recognises_what_is_saved() {
        // assets/package/jianbao-draft.xml: "(" at 0, "schema:" within
        // 1..16, "masthead:" within 8..64.
        let magic = include_str!("../../assets/package/jianbao-draft.xml");
        assert!(magic.contains(r#"offset="1:16" value="schema:""#));
        assert!(magic.contains(r#"offset="8:64" value="masthead:""#));
        for issue in [Issue::default(), sample()] {
            let text = to_ron(&issue).expect("serialised");
            assert!(text.starts_with('('));
            let schema = text.find("schema:").expect("schema field");
            assert!((1..=16).contains(&schema), "{schema}");
            let masthead = text.find("masthead:").expect("masthead field");
            assert!((8..=64).contains(&masthead), "{masthead}");
        }
    }
}
