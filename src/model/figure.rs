//! Photos and tables: what an article carries besides its text.
//!
//! An article's body reads as a sequence of blocks (paragraph, photo,
//! table). It is kept as the paragraphs, which the text editor, comments,
//! proofreading and compare index as before, and the figures, each placed
//! after a number of those paragraphs ([`Placed::after`]);
//! [`super::Article::blocks`] gives the sequence.
//!
//! A photo travels inside the draft, so that one file can be e-mailed to a
//! reviewer: its bytes are shared ([`ImageBytes`] is an `Arc`), so cloning
//! an issue for an undo snapshot copies a pointer, not the photo.

use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An encoded image's bytes, shared and immutable. Written into a draft as
/// one base64 string (see ARCHITECTURE.md for why).
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct ImageBytes(pub Arc<[u8]>);

impl ImageBytes {
    pub fn new(bytes: impl Into<Arc<[u8]>>) -> Self {
        Self(bytes.into())
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn as_slice(&self) -> &[u8] {
        &self.0
    }
}

impl AsRef<[u8]> for ImageBytes {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl std::fmt::Debug for ImageBytes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ImageBytes({} bytes)", self.0.len())
    }
}

impl Serialize for ImageBytes {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let deferred = DEFERRED.with(|d| {
            let mut d = d.borrow_mut();
            let d = d.as_mut()?;
            d.images.push(self.clone());
            Some(d.marker(d.images.len() - 1))
        });
        match deferred {
            Some(marker) => serializer.serialize_str(&marker),
            None => serializer.serialize_str(&self.to_base64()),
        }
    }
}

impl ImageBytes {
    fn to_base64(&self) -> String {
        use base64::Engine as _;
        base64::engine::general_purpose::STANDARD.encode(&self.0)
    }
}

/// Images met while a draft is written, each written as a marker that
/// [`DeferredImages::splice`] swaps for its base64 afterwards. RON writes a
/// string character by character (escaping each), which took 80 ms for
/// six photos; base64 needs no escaping, so it can be copied in whole.
pub struct DeferredImages {
    /// Random, so that no text a user typed is taken for a marker.
    nonce: u64,
    images: Vec<ImageBytes>,
}

thread_local! {
    static DEFERRED: std::cell::RefCell<Option<DeferredImages>> =
        const { std::cell::RefCell::new(None) };
}

impl DeferredImages {
    fn marker(&self, index: usize) -> String {
        format!("jianbao-image-{:016x}-{index}", self.nonce)
    }

    /// Runs `write` (which serializes) with images deferred on this thread.
    pub fn collect<T>(write: impl FnOnce() -> T) -> (T, DeferredImages) {
        use std::hash::{BuildHasher, Hasher};
        let nonce = {
            let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
            hasher.write_u64(0x6a69_616e_6261_6f01);
            hasher.finish()
        };
        DEFERRED.with(|d| {
            *d.borrow_mut() = Some(DeferredImages {
                nonce,
                images: Vec::new(),
            })
        });
        let written = write();
        let deferred = DEFERRED.with(|d| d.borrow_mut().take());
        let deferred = deferred.unwrap_or(DeferredImages {
            nonce,
            images: Vec::new(),
        });
        (written, deferred)
    }

    /// `text` with every marker replaced by its image's base64.
    pub fn splice(&self, text: &str) -> String {
        if self.images.is_empty() {
            return text.to_owned();
        }
        let extra: usize = self.images.iter().map(|i| i.len() * 4 / 3 + 4).sum();
        let mut out = String::with_capacity(text.len() + extra);
        let prefix = format!("jianbao-image-{:016x}-", self.nonce);
        let mut rest = text;
        while let Some(at) = rest.find(&prefix) {
            out.push_str(&rest[..at]);
            let after = &rest[at + prefix.len()..];
            let digits = after.chars().take_while(char::is_ascii_digit).count();
            match after[..digits]
                .parse::<usize>()
                .ok()
                .and_then(|i| self.images.get(i))
            {
                Some(image) => out.push_str(&image.to_base64()),
                None => out.push_str(&rest[at..at + prefix.len() + digits]),
            }
            rest = &after[digits..];
        }
        out.push_str(rest);
        out
    }
}

impl<'de> Deserialize<'de> for ImageBytes {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use base64::Engine as _;
        let text = String::deserialize(deserializer)?;
        base64::engine::general_purpose::STANDARD
            .decode(text.as_bytes())
            .map(|bytes| Self(bytes.into()))
            .map_err(|e| serde::de::Error::custom(format!("image data is not base64: {e}")))
    }
}

/// How an image is encoded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ImageFormat {
    #[default]
    Jpeg,
    Png,
}

impl ImageFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ImageFormat::Jpeg => "jpg",
            ImageFormat::Png => "png",
        }
    }
}

/// An image ready to print: its encoding, bytes and size in pixels.
///
/// Invariant (kept by `import::photo::prepare`, which makes them): the
/// bytes decode as `format` to `width` × `height` pixels. A file may say
/// otherwise; the pages then show the typesetter's error, never a panic.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Image {
    pub format: ImageFormat,
    pub width: u32,
    pub height: u32,
    pub bytes: ImageBytes,
}

/// How wide a photo prints.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum PhotoWidth {
    /// The full measure (156 mm on the standard page).
    #[default]
    Full,
    /// Half the measure, centred.
    Half,
}

impl PhotoWidth {
    /// The share of the measure.
    pub fn fraction(self) -> f64 {
        match self {
            PhotoWidth::Full => 1.0,
            PhotoWidth::Half => 0.5,
        }
    }
}

/// A photo with its caption (图注), printed centred.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Photo {
    pub image: Image,
    pub caption: String,
    pub width: PhotoWidth,
}

impl Photo {
    /// The resolution the photo prints at, in dots per inch, on a measure
    /// `measure_mm` wide.
    pub fn dpi(&self, measure_mm: f64) -> f64 {
        let inches = measure_mm * self.width.fraction() / 25.4;
        f64::from(self.image.width) / inches
    }
}

/// How a table column's cells are aligned.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum CellAlign {
    #[default]
    Left,
    Centre,
    Right,
}

impl CellAlign {
    /// The alignment's name as CSS and the page template write it.
    pub fn keyword(self) -> &'static str {
        match self {
            CellAlign::Left => "left",
            CellAlign::Centre => "center",
            CellAlign::Right => "right",
        }
    }
}

/// A small table of text cells: a header row and body rows.
///
/// Rows may be ragged in a file; [`Table::columns`] is the widest row, and
/// the pages and exports fill short rows with empty cells.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Table {
    /// Printed above the table; empty for none.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub title: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Per column; a column without an entry is left-aligned.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub align: Vec<CellAlign>,
}

impl Table {
    /// A table read from tab-separated lines (as WPS and Excel copy
    /// cells): the first line is the header.
    pub fn from_tab_separated(text: &str) -> Self {
        let mut lines = text
            .lines()
            .map(|l| l.trim_end_matches('\r'))
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                l.split('\t')
                    .map(|c| c.trim().to_owned())
                    .collect::<Vec<_>>()
            });
        Table {
            header: lines.next().unwrap_or_default(),
            rows: lines.collect(),
            ..Table::default()
        }
    }

    /// The table as tab-separated lines, header first.
    pub fn to_tab_separated(&self) -> String {
        std::iter::once(&self.header)
            .chain(&self.rows)
            .filter(|row| !row.is_empty())
            .map(|row| row.join("\t"))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Cells copied from a spreadsheet (tab-separated lines) laid over the
    /// table from `row`, `column` on (row 0 the header), adding the rows
    /// and columns they need, as a spreadsheet pastes.
    pub fn paste(&mut self, row: usize, column: usize, text: &str) {
        let lines: Vec<&str> = text
            .trim_end_matches(['\n', '\r'])
            .lines()
            .map(|l| l.trim_end_matches('\r'))
            .collect();
        for (r, line) in lines.iter().enumerate() {
            let at = row + r;
            while self.row(at).is_none() {
                self.rows.push(Vec::new());
            }
            let Some(cells) = self.row_mut(at) else {
                continue;
            };
            for (c, cell) in line.split('\t').enumerate() {
                if cells.len() <= column + c {
                    cells.resize(column + c + 1, String::new());
                }
                cells[column + c] = cell.trim().to_owned();
            }
        }
        self.square();
    }

    /// Every row as wide as the widest.
    pub fn square(&mut self) {
        let columns = self.columns();
        for row in std::iter::once(&mut self.header).chain(&mut self.rows) {
            row.resize(columns, String::new());
        }
    }

    /// The number of columns: the widest row.
    pub fn columns(&self) -> usize {
        std::iter::once(&self.header)
            .chain(&self.rows)
            .map(Vec::len)
            .max()
            .unwrap_or(0)
    }

    /// Row `n`: 0 the header, then the body rows from 1.
    pub fn row(&self, n: usize) -> Option<&Vec<String>> {
        if n == 0 {
            Some(&self.header)
        } else {
            self.rows.get(n - 1)
        }
    }

    pub fn row_mut(&mut self, n: usize) -> Option<&mut Vec<String>> {
        if n == 0 {
            Some(&mut self.header)
        } else {
            self.rows.get_mut(n - 1)
        }
    }

    pub fn align_of(&self, column: usize) -> CellAlign {
        self.align.get(column).copied().unwrap_or_default()
    }

    /// Every cell's text, header first, row by row.
    pub fn cells(&self) -> impl Iterator<Item = &str> {
        std::iter::once(&self.header)
            .chain(&self.rows)
            .flatten()
            .map(String::as_str)
    }
}

/// A photo or a table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Figure {
    Photo(Photo),
    Table(Table),
}

/// A figure and where it stands: after the first `after` paragraphs of the
/// body (0: before the first). An `after` past the last paragraph stands
/// after it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Placed {
    pub after: usize,
    pub figure: Figure,
}

/// One block of an article's body, in reading order.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Block<'a> {
    /// The body's paragraph of this index.
    Paragraph(usize, &'a super::Paragraph),
    /// The article's figure of this index.
    Figure(usize, &'a Figure),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn image_bytes_are_shared_by_clones() {
        let photo = Photo {
            image: Image {
                bytes: ImageBytes::new(vec![7u8; 1 << 20]),
                ..Image::default()
            },
            caption: "志愿者在朝阳门街道清扫积雪".into(),
            width: PhotoWidth::Half,
        };
        let copy = photo.clone();
        assert!(Arc::ptr_eq(&photo.image.bytes.0, &copy.image.bytes.0));
    }

    #[test]
    fn image_bytes_round_trip_as_base64() {
        let image = Image {
            format: ImageFormat::Png,
            width: 2,
            height: 1,
            bytes: ImageBytes::new(vec![0u8, 255, 137, 80, 78, 71]),
        };
        let text = ron::to_string(&image).expect("serializes");
        assert!(text.contains("\"AP+JUE5H\""), "{text}");
        assert_eq!(ron::from_str::<Image>(&text).expect("reads"), image);
        let broken = text.replace("AP+JUE5H", "AP+J UE5H!");
        let error = ron::from_str::<Image>(&broken).expect_err("not base64");
        assert!(error.to_string().contains("base64"), "{error}");
    }

    /// Written with images deferred and spliced in, a draft is the same
    /// text as written directly.
    #[test]
    fn deferred_images_splice_to_the_same_text() {
        let images: Vec<Image> = (0..3u8)
            .map(|n| Image {
                bytes: ImageBytes::new(vec![n; 1000 + usize::from(n)]),
                ..Image::default()
            })
            .collect();
        let direct = ron::to_string(&images).expect("serializes");
        let (written, deferred) = DeferredImages::collect(|| ron::to_string(&images));
        let written = written.expect("serializes");
        assert!(written.len() < 400, "markers, not images: {written}");
        assert_eq!(deferred.splice(&written), direct);
        // Outside `collect`, images are written whole again.
        assert_eq!(ron::to_string(&images).expect("serializes"), direct);
    }

    #[test]
    fn a_table_from_cells_copied_in_wps() {
        let table =
            Table::from_tab_separated("区\t志愿者\t活动\r\n东城区\t1200\t35\n\n西城区\t980\n");
        assert_eq!(table.header, ["区", "志愿者", "活动"]);
        assert_eq!(
            table.rows,
            [vec!["东城区", "1200", "35"], vec!["西城区", "980"]]
        );
        assert_eq!(table.columns(), 3);
        assert_eq!(
            table.to_tab_separated(),
            "区\t志愿者\t活动\n东城区\t1200\t35\n西城区\t980"
        );
        assert_eq!(
            table.cells().collect::<Vec<_>>(),
            [
                "区",
                "志愿者",
                "活动",
                "东城区",
                "1200",
                "35",
                "西城区",
                "980"
            ]
        );
        assert_eq!(table.align_of(5), CellAlign::Left);
    }

    #[test]
    fn cells_pasted_into_a_cell_spread_and_grow_the_table() {
        let mut table = Table::from_tab_separated("区\t志愿者\n东城区\t1200");
        table.paste(1, 1, "1250\t35\r\n980\t28\n");
        assert_eq!(table.header, ["区", "志愿者", ""]);
        assert_eq!(
            table.rows,
            [vec!["东城区", "1250", "35"], vec!["", "980", "28"]]
        );
        table.paste(0, 2, "活动");
        assert_eq!(table.header, ["区", "志愿者", "活动"]);
    }

    #[test]
    fn a_photo_prints_at_its_pixels_over_its_width() {
        let mut photo = Photo::default();
        photo.image.width = 1843;
        assert!((photo.dpi(156.0) - 300.0).abs() < 0.1);
        photo.width = PhotoWidth::Half;
        assert!((photo.dpi(156.0) - 600.0).abs() < 0.2);
    }
}
