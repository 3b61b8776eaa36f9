//! The sandbox typst compiles in: it serves the template, the JSON,
//! its photos from memory and fonts, and nothing else — no file system, no packages, no network, no
//! clock.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock};

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use super::fonts::FontSet;
use crate::model::ImageBytes;

/// The page template, compiled into the binary.
pub const TEMPLATE: &str = include_str!("../../assets/templates/bulletin.typ");

/// Where the template finds the issue: `json("/issue.json")`.
const DATA_PATH: &str = "issue.json";

static MAIN_ID: LazyLock<FileId> = LazyLock::new(|| file_id("bulletin.typ"));
static DATA_ID: LazyLock<FileId> = LazyLock::new(|| file_id(DATA_PATH));
static VOLUME_ID: LazyLock<FileId> = LazyLock::new(|| file_id("volume.json"));

/// The yearly volume's own part, laid after the issue template's
/// definitions.
pub const VOLUME_TAIL: &str = include_str!("../../assets/templates/volume.typ");

/// Where the issue template's definitions end and its document begins.
const DOCUMENT_MARK: &str = "// ── The document:";

fn file_id(path: &str) -> FileId {
    // Both paths are constants that are valid virtual paths.
    let vpath = VirtualPath::new(path).expect("a constant, valid virtual path");
    FileId::new(RootedPath::new(VirtualRoot::Project, vpath))
}

/// A world of exactly two files. Swapping the data keeps the library, the
/// template's parse and the fonts, which is what lets typst's caches turn a
/// one-character edit into a millisecond recompile.
pub struct SandboxWorld {
    library: LazyHash<Library>,
    fonts: Arc<FontSet>,
    template: Source,
    data: Bytes,
    /// The volume's issues (only for a volume).
    volume: Bytes,
    /// Photos, by path: the image and typst's view of the same
    /// bytes, kept so that an unchanged photo is not hashed again on every
    /// keystroke (typst's `Bytes` hashes once, lazily).
    images: HashMap<FileId, (ImageBytes, Bytes)>,
}

impl SandboxWorld {
    pub fn new(fonts: Arc<FontSet>) -> Self {
        Self {
            library: LazyHash::new(Library::default()),
            fonts,
            template: Source::new(*MAIN_ID, TEMPLATE.to_owned()),
            data: Bytes::new(Vec::new()),
            volume: Bytes::new(Vec::new()),
            images: HashMap::new(),
        }
    }

    /// A world for a yearly volume: the issue template's definitions, then
    /// the volume's document; `newest` is the newest issue's data (its
    /// style sets the volume), `volume` every issue's.
    pub fn volume(fonts: Arc<FontSet>, newest: Vec<u8>, volume: Vec<u8>) -> Self {
        let definitions = TEMPLATE.split(DOCUMENT_MARK).next().unwrap_or(TEMPLATE);
        Self {
            library: LazyHash::new(Library::default()),
            fonts,
            template: Source::new(*MAIN_ID, format!("{definitions}\n{VOLUME_TAIL}")),
            data: Bytes::new(newest),
            volume: Bytes::new(volume),
            images: HashMap::new(),
        }
    }

    pub fn set_data(&mut self, data: Vec<u8>) {
        self.data = Bytes::new(data);
    }

    /// Serves `images` (path, bytes) and no others. An image already
    /// served under its path keeps its typst bytes when it is the same
    /// shared buffer.
    pub fn set_images(&mut self, images: Vec<(String, ImageBytes)>) {
        let mut kept = std::mem::take(&mut self.images);
        for (path, bytes) in images {
            let Some(vpath) = VirtualPath::new(&path).ok() else {
                continue;
            };
            let id = FileId::new(RootedPath::new(VirtualRoot::Project, vpath));
            let typst_bytes = match kept.remove(&id) {
                Some((old, typst_bytes)) if Arc::ptr_eq(&old.0, &bytes.0) => typst_bytes,
                _ => Bytes::new(bytes.clone()),
            };
            self.images.insert(id, (bytes, typst_bytes));
        }
    }

    pub fn fonts(&self) -> &Arc<FontSet> {
        &self.fonts
    }
}

impl World for SandboxWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.fonts.book()
    }

    fn main(&self) -> FileId {
        *MAIN_ID
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == *MAIN_ID {
            Ok(self.template.clone())
        } else {
            Err(not_found(id))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == *DATA_ID {
            Ok(self.data.clone())
        } else if id == *VOLUME_ID && !self.volume.is_empty() {
            Ok(self.volume.clone())
        } else if let Some((_, bytes)) = self.images.get(&id) {
            Ok(bytes.clone())
        } else {
            Err(not_found(id))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.font(index)
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        // Dates come from the issue; pages must not depend on the clock.
        None
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.vpath().get_without_slash().into())
}
