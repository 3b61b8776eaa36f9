//! The index of the system's fonts (each face's file, family, style and
//! character coverage), kept in the user's cache folder so that every start
//! after the first skips reading every font file (about 100 ms on a desktop
//! with the usual CJK fonts).
//!
//! The index is used only while its key matches: a hash of this program's
//! version, of fontconfig's configuration files and of every file under the
//! font folders (path, size, modification time). Installing, removing or
//! replacing a font, or changing fontconfig's folders, changes the key and
//! the next start scans again. Folders are those fontdb reads without
//! fontconfig plus every folder a face was found in at the last scan, so
//! the extra folders fontconfig names are watched too.
//!
//! Known limit: a folder fontconfig gains later (a new `<dir>` line) is
//! noticed through its configuration file's time, not its contents.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};
use typst::text::FontInfo;
use typst_kit::fonts::FontPath;

/// The cache file's name in the user's cache folder.
const CACHE_FILE: &str = "font-index.json";

/// One face of the index.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct Face {
    path: PathBuf,
    index: u32,
    info: FontInfo,
}

/// The cache file: the key it was made under and the faces.
#[derive(Serialize, Deserialize)]
struct Index {
    key: u64,
    faces: Vec<Face>,
}

/// The system's fonts, from the cache when it is current, else scanned
/// (and the cache rewritten). Without a cache folder, always scanned.
pub fn system_fonts() -> Vec<(FontPath, FontInfo)> {
    let scan = || typst_kit::fonts::system().collect();
    let Some(cache) = crate::assets::project_dirs().map(|dirs| dirs.cache_dir().join(CACHE_FILE))
    else {
        return scan();
    };
    cached(&cache, &standard_folders(), scan)
        .into_iter()
        .map(|face| {
            let path = FontPath {
                path: face.path,
                index: face.index,
            };
            (path, face.info)
        })
        .collect()
}

/// The faces under `folders`: read from `cache` when its key matches,
/// else from `scan`, then written to `cache` (a failure to write only
/// costs the next start a scan).
fn cached(
    cache: &Path,
    folders: &[PathBuf],
    scan: impl FnOnce() -> Vec<(FontPath, FontInfo)>,
) -> Vec<Face> {
    let old = std::fs::read(cache)
        .ok()
        .and_then(|bytes| serde_json::from_slice::<Index>(&bytes).ok());
    if let Some(old) = old
        && old.key == key(folders, &old.faces)
    {
        return old.faces;
    }
    let faces: Vec<Face> = scan()
        .into_iter()
        .map(|(path, info)| Face {
            path: path.path,
            index: path.index,
            info,
        })
        .collect();
    let index = Index {
        key: key(folders, &faces),
        faces,
    };
    if let Ok(json) = serde_json::to_vec(&index) {
        write_atomically(cache, &json);
    }
    index.faces
}

/// Writes through a temporary beside the file, so a reader never sees
/// half an index.
fn write_atomically(path: &Path, bytes: &[u8]) {
    let Some(dir) = path.parent() else { return };
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    let temporary = dir.join(format!(".{CACHE_FILE}.{}", std::process::id()));
    if std::fs::write(&temporary, bytes).is_ok() && std::fs::rename(&temporary, path).is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
}

/// fontdb's folders on Linux when it does not read fontconfig, and
/// fontconfig's own configuration.
fn standard_folders() -> Vec<PathBuf> {
    let mut folders = vec![
        PathBuf::from("/usr/share/fonts"),
        PathBuf::from("/usr/local/share/fonts"),
        PathBuf::from("/etc/fonts"),
    ];
    if let Some(home) = std::env::var_os("HOME") {
        let home = PathBuf::from(home);
        folders.push(home.join(".fonts"));
        folders.push(home.join(".local/share/fonts"));
        folders.push(home.join(".config/fontconfig"));
    }
    if let Some(file) = std::env::var_os("FONTCONFIG_FILE") {
        folders.push(PathBuf::from(file));
    }
    folders
}

/// The key of an index of `faces` under `folders`: what it depends on.
fn key(folders: &[PathBuf], faces: &[Face]) -> u64 {
    let mut roots: Vec<&Path> = folders.iter().map(PathBuf::as_path).collect();
    roots.extend(faces.iter().filter_map(|face| face.path.parent()));
    roots.sort();
    roots.dedup();
    // A folder inside another is walked with it.
    let mut walked: Vec<&Path> = Vec::new();
    for root in roots {
        if !walked.iter().any(|w| root.starts_with(w)) {
            walked.push(root);
        }
    }
    let mut hasher = DefaultHasher::new();
    env!("CARGO_PKG_VERSION").hash(&mut hasher);
    for root in walked {
        hash_tree(root, &mut hasher);
    }
    hasher.finish()
}

/// Hashes the path, size and modification time of `path` and, for a
/// folder, of everything under it, in name order.
fn hash_tree(path: &Path, hasher: &mut DefaultHasher) {
    let Ok(meta) = std::fs::metadata(path) else {
        (path, "absent").hash(hasher);
        return;
    };
    let modified = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map(|d| d.as_nanos());
    (path, meta.len(), modified).hash(hasher);
    if meta.is_dir()
        && let Ok(entries) = std::fs::read_dir(path)
    {
        let mut children: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        children.sort();
        for child in children {
            hash_tree(&child, hasher);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    /// A font folder with one real font in it (the bundled sans face), an
    /// empty cache folder, and a scan of the font folder that counts itself.
    struct Machine {
        fonts: tempfile::TempDir,
        _cache: tempfile::TempDir,
        file: PathBuf,
        scans: Cell<usize>,
    }

    impl Machine {
        fn new() -> Self {
            let fonts = tempfile::tempdir().expect("temp dir");
            let source = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("fonts")
                .join(crate::assets::fonts::SANS_FILE);
            std::fs::copy(&source, fonts.path().join("思源黑体.otf")).expect("copy a font");
            let cache = tempfile::tempdir().expect("cache dir");
            let file = cache.path().join(CACHE_FILE);
            Self {
                fonts,
                _cache: cache,
                file,
                scans: Cell::new(0),
            }
        }

        /// A start: the faces, from the index or a scan.
        fn start(&self) -> Vec<Face> {
            let folders = [self.fonts.path().to_path_buf()];
            cached(&self.file, &folders, || {
                self.scans.set(self.scans.get() + 1);
                typst_kit::fonts::scan(self.fonts.path()).collect()
            })
        }
    }

    #[test]
    fn a_second_start_reads_the_index_and_scans_nothing() {
        let machine = Machine::new();
        let first = machine.start();
        assert_eq!(machine.scans.get(), 1);
        assert_eq!(first.len(), 1);
        assert_eq!(first[0].info.family, "Noto Sans CJK SC");
        assert!(first[0].info.coverage.contains('喆' as u32));

        let second = machine.start();
        assert_eq!(machine.scans.get(), 1, "the index answered");
        assert_eq!(second[0].path, first[0].path);
        assert_eq!(second[0].info, first[0].info);
    }

    #[test]
    fn a_font_added_or_removed_makes_the_next_start_scan_again() {
        let machine = Machine::new();
        machine.start();

        let fonts = machine.fonts.path();
        let copy = fonts.join("子目录/另一款.otf");
        std::fs::create_dir(copy.parent().expect("parent")).expect("mkdir");
        std::fs::copy(fonts.join("思源黑体.otf"), &copy).expect("install a font");
        let after_install = machine.start();
        assert_eq!(machine.scans.get(), 2);
        assert_eq!(after_install.len(), 2);

        std::fs::remove_file(&copy).expect("remove the font");
        let after_removal = machine.start();
        assert_eq!(machine.scans.get(), 3);
        assert_eq!(after_removal.len(), 1);
    }

    #[test]
    fn a_damaged_index_is_scanned_over_and_rewritten() {
        let machine = Machine::new();
        std::fs::write(&machine.file, "{ not json").expect("write");
        assert_eq!(machine.start().len(), 1);
        assert_eq!(machine.scans.get(), 1);
        let rewritten: Index = serde_json::from_slice(&std::fs::read(&machine.file).expect("read"))
            .expect("valid index");
        assert_eq!(rewritten.faces.len(), 1);
    }
}
