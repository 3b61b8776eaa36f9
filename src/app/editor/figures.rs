//! Photos into articles: the file is chosen (or dropped) or the image
//! pasted, read and made ready to print on its own thread, as an imported
//! article is, then added as one undoable step.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{Arrival, Editor, PathKind};
use crate::i18n::Wording;
use crate::i18n::messages;
use crate::import::photo::PhotoError;
use crate::model::{ArticleId, Figure, Image, Photo, PhotoWidth, Placed};

impl Editor {
    /// Reads the photo at `path` (asked for when `None`) for article `id`.
    pub(super) fn insert_photo(&mut self, id: ArticleId, path: Option<PathBuf>) {
        let lang = self.lang();
        if !self.takes_a_photo() {
            return;
        }
        let path = match path {
            Some(path) => path,
            None => match self.choose_path(PathKind::File, "", |d, l| d.open_image(l)) {
                Some(path) => path,
                None => return,
            },
        };
        self.prepare_photo(id, move || read_photo(&path, lang));
    }

    /// Makes an image pasted from the clipboard a photo of article `id`.
    pub(super) fn paste_photo(&mut self, id: ArticleId, image: Arc<egui::ColorImage>) {
        let lang = self.lang();
        if !self.takes_a_photo() {
            return;
        }
        self.prepare_photo(id, move || {
            let png = png_of(&image).ok_or_else(|| {
                messages::photo_error(&PhotoError::Unreadable("clipboard".into()), lang)
            })?;
            crate::import::photo::prepare(&png).map_err(|e| messages::photo_error(&e, lang))
        });
    }

    /// Whether a photo can come in now: the draft is editable and no
    /// import or photo is on its way.
    fn takes_a_photo(&self) -> bool {
        self.session().is_some_and(|s| s.can_edit()) && self.importing.is_none()
    }

    /// Runs `prepare` on its own thread; `poll_import` adds what it makes.
    fn prepare_photo(
        &mut self,
        id: ArticleId,
        prepare: impl FnOnce() -> Result<Image, String> + Send + 'static,
    ) {
        let (send, receive) = std::sync::mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("jianbao-photo".into())
            .spawn(move || {
                let _ = send.send(prepare().map(|image| Arrival::Photo(id, image)));
            });
        match spawned {
            Ok(_) => self.importing = Some(receive),
            Err(error) => self.error = Some(messages::io_error(&error, self.lang())),
        }
    }

    /// Adds a prepared photo after the last paragraph of article `id`, full
    /// width and without a caption yet (the proofreader asks for one).
    pub(super) fn add_photo(&mut self, id: ArticleId, image: Image) {
        let Some(document) = self.document.as_mut().filter(|d| d.session.can_edit()) else {
            return;
        };
        let Some((s, a)) = document.session.issue.find_article(id) else {
            return;
        };
        document.session.checkpoint();
        let article = &mut document.session.issue.sections[s].articles[a];
        article.figures.push(Placed {
            after: article.body.len(),
            figure: Figure::Photo(Photo {
                image,
                caption: String::new(),
                width: PhotoWidth::Full,
            }),
        });
    }
}

/// A pasted image as a PNG file's bytes (egui's pixels are premultiplied).
fn png_of(image: &egui::ColorImage) -> Option<Vec<u8>> {
    let [width, height] = image.size;
    let rgba: Vec<u8> = image
        .pixels
        .iter()
        .flat_map(|c| c.to_srgba_unmultiplied())
        .collect();
    let buffer = image::RgbaImage::from_raw(width as u32, height as u32, rgba)?;
    let mut png = Vec::new();
    buffer
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .ok()?;
    Some(png)
}

/// The photo in the file at `path`, ready to print, or what is wrong, in
/// the user's language and naming the file.
fn read_photo(path: &Path, lang: crate::i18n::Lang) -> Result<Image, String> {
    let bytes = crate::store::read_bounded(path).map_err(|e| e.message(lang))?;
    crate::import::photo::prepare(&bytes)
        .map_err(|e| messages::with_file(path, &messages::photo_error(&e, lang), lang))
}
