//! The bundled open fonts, read from files at first use.
//!
//! They cover every hanzi of GBK (about 21,000) and so weigh about 33 MB:
//! too much to compile into the binary (see ARCHITECTURE.md, "Fonts ship
//! as files"). They are looked for, in order, in
//!
//! 1. the folder named by `JIANBAO_FONTS`;
//! 2. `../share/jianbao/fonts` beside the executable (the package installs
//!    `/usr/bin/jianbao` and `/usr/share/jianbao/fonts`);
//! 3. this source tree's `fonts/` (a developer's `cargo run`).
//!
//! The first folder that holds the first file is used, and all four files
//! must be in it. They are mapped into memory once per process and kept for
//! its life, so the typesetter and the window share one copy, and only the
//! parts a page or the window uses are ever read from disk (reading all
//! 33 MB cost more than the rest of an export).
//!
//! Known limits: a file replaced while the program runs is not seen again;
//! a file truncated while mapped ends the process (see [`map`]).

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The bundled font files (SIL OFL 1.1), cut to GBK plus Latin and
/// punctuation by `fonts/subset.py`. The window takes the sans face as
/// its Chinese fallback and the two serif faces for the body editor.
pub const FONT_FILES: [&str; 4] = [SERIF_REGULAR_FILE, SERIF_BOLD_FILE, SANS_FILE, KAI_FILE];
pub const SERIF_REGULAR_FILE: &str = "NotoSerifCJKsc-Regular.otf";
pub const SERIF_BOLD_FILE: &str = "NotoSerifCJKsc-Bold.otf";
pub const SANS_FILE: &str = "NotoSansCJKsc-Regular.otf";
pub const KAI_FILE: &str = "JianbaoKai-Regular.ttf";

/// The environment variable that names a fonts folder.
pub const FONTS_ENV: &str = "JIANBAO_FONTS";

/// One bundled font file, mapped.
pub struct BundledFont {
    pub file: &'static str,
    bytes: memmap2::Mmap,
}

impl BundledFont {
    /// The file's bytes, for the life of the process.
    pub fn bytes(&'static self) -> &'static [u8] {
        &self.bytes
    }
}

/// The bundled fonts could not be read: where they were looked for, and
/// the file that failed when a folder was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FontsMissing {
    pub looked_in: Vec<PathBuf>,
    /// A file of the folder that was found, and why it could not be read.
    pub unreadable: Option<(PathBuf, String)>,
}

/// The bundled fonts, read on first call; the same answer every call.
pub fn bundled() -> Result<&'static [BundledFont], &'static FontsMissing> {
    static LOADED: OnceLock<Result<Vec<BundledFont>, FontsMissing>> = OnceLock::new();
    LOADED
        .get_or_init(|| read_from(&candidate_dirs()))
        .as_ref()
        .map(Vec::as_slice)
}

/// The folders looked in, in order (see the module's documentation).
pub fn candidate_dirs() -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    if let Some(dir) = std::env::var_os(FONTS_ENV).filter(|d| !d.is_empty()) {
        dirs.push(PathBuf::from(dir));
    }
    if let Some(bin_dir) = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.canonicalize().ok())
        .and_then(|exe| exe.parent().map(Path::to_path_buf))
    {
        dirs.push(bin_dir.join("../share/jianbao/fonts"));
    }
    dirs.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts"));
    dirs
}

/// Reads the four files from the first of `dirs` that has the first one.
pub fn read_from(dirs: &[PathBuf]) -> Result<Vec<BundledFont>, FontsMissing> {
    let missing = |unreadable| FontsMissing {
        looked_in: dirs.to_vec(),
        unreadable,
    };
    let dir = dirs
        .iter()
        .find(|dir| dir.join(FONT_FILES[0]).is_file())
        .ok_or_else(|| missing(None))?;
    FONT_FILES
        .iter()
        .map(|&file| {
            let path = dir.join(file);
            map(&path)
                .map(|bytes| BundledFont { file, bytes })
                .map_err(|error| missing(Some((path, error.to_string()))))
        })
        .collect()
}

/// Maps a font file read-only.
fn map(path: &Path) -> std::io::Result<memmap2::Mmap> {
    let file = std::fs::File::open(path)?;
    // SAFETY: the map is only read. Changing or truncating a mapped file
    // under a running program is what every font stack (fontconfig,
    // FreeType, fontdb) also assumes does not happen to installed fonts:
    // the package owns these files and replaces them only by new files
    // (dpkg renames into place), which leaves this mapping intact.
    unsafe { memmap2::Mmap::map(&file) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_source_trees_fonts_are_found_and_read_whole() {
        let fonts = bundled().expect("the fonts/ folder of this tree");
        assert_eq!(fonts.len(), FONT_FILES.len());
        for font in fonts {
            let on_disk = std::fs::metadata(
                Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("fonts")
                    .join(font.file),
            )
            .expect("font file");
            assert_eq!(font.bytes().len() as u64, on_disk.len(), "{}", font.file);
        }
    }

    #[test]
    fn a_folder_without_the_fonts_is_reported_with_every_place_looked_in() {
        let empty = tempfile::tempdir().expect("temp dir");
        let other = empty.path().join("nowhere");
        let dirs = vec![empty.path().to_path_buf(), other];
        let missing = read_from(&dirs).err().expect("no fonts there");
        assert_eq!(missing.looked_in, dirs);
        assert_eq!(missing.unreadable, None);
    }

    #[test]
    fn a_folder_with_only_some_fonts_names_the_file_it_lacks() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join(FONT_FILES[0]), b"not a font").expect("write");
        let missing = read_from(&[dir.path().to_path_buf()])
            .err()
            .expect("three files lack");
        let (path, _) = missing.unreadable.expect("names the file");
        assert_eq!(path, dir.path().join(FONT_FILES[1]));
    }
}
