//! Finished issues leave the office as files. PDF and page images come from
//! the typesetter, so they are exactly the preview's pages.

use std::path::{Path, PathBuf};

use crate::i18n::{Lang, messages};
use crate::store::write_atomically;
use crate::typeset::{Document, TypesetError};

/// Page images are rendered at 2 pixels per point (144 dpi) unless asked.
pub const DEFAULT_PNG_SCALE: f32 = 2.0;

#[derive(Debug)]
pub enum ExportError {
    Typeset(TypesetError),
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl ExportError {
    pub fn message(&self, lang: Lang) -> String {
        messages::export_error(self, lang)
    }
}

impl From<TypesetError> for ExportError {
    fn from(error: TypesetError) -> Self {
        ExportError::Typeset(error)
    }
}

impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::default()))
    }
}

impl std::error::Error for ExportError {}

fn write(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    write_atomically(path, bytes).map_err(|source| ExportError::Write {
        path: path.to_owned(),
        source,
    })
}

/// Writes a typeset issue as a PDF at `path`.
pub fn pdf(document: &Document, path: &Path) -> Result<(), ExportError> {
    write(path, &document.pdf()?)
}

/// Writes one PNG per page into `dir` as `{stem}-{page}.png` (pages from 1,
/// zero-padded so the files sort in page order). Returns the files written.
pub fn png_pages(
    document: &Document,
    dir: &Path,
    stem: &str,
    pixels_per_point: f32,
) -> Result<Vec<PathBuf>, ExportError> {
    let count = document.page_count();
    let width = count.to_string().len().max(2);
    let mut written = Vec::with_capacity(count);
    for index in 0..count {
        let pixmap = document.render_page(index, pixels_per_point)?;
        let png = pixmap.encode_png().map_err(|e| {
            TypesetError::Internal(format!("PNG encoding of page {}: {e}", index + 1))
        })?;
        let path = dir.join(format!("{stem}-{:0width$}.png", index + 1));
        write(&path, &png)?;
        written.push(path);
    }
    Ok(written)
}
