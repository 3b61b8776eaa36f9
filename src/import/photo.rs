//! A photo as it goes into a draft: decoded, turned upright (a phone's
//! EXIF orientation), scaled down to what prints sharply and re-encoded.
//!
//! 300 dpi over the full measure (156 mm) is 1843 pixels; a photo wider
//! than that is scaled down to it. Photos are re-encoded as JPEG at
//! quality 80 with the colour at half resolution each way (4:2:0, as
//! cameras and libjpeg write it; the eye, and print more so, takes detail
//! from brightness): a 12-megapixel camera JPEG of 4 MB becomes about
//! 0.4 MB, and six of them keep a draft small enough to e-mail
//! (`cargo bench --bench editor -- photos`). `image`'s own encoder keeps
//! the colour at full resolution, a quarter to a third larger for the
//! same look. An image with transparency, or a PNG (screenshots and
//! charts, whose flat colours JPEG blurs), stays PNG.
//!
//! Known limit: Huffman tables fitted to the photo would save another
//! 5 %, but zune-jpeg 0.5.15 (which decodes for the preview and the
//! thumbnails) misreads them with 4:2:0 colour, so the standard tables
//! are written.

use std::io::Cursor;

use image::{DynamicImage, ImageDecoder, ImageReader, imageops::FilterType};

use crate::model::{Image, ImageBytes, ImageFormat};
use crate::typeset::PAGE;

/// The widest a photo is kept, in pixels: 300 dpi over the full measure.
pub fn max_width() -> u32 {
    (PAGE.type_width() / 25.4 * 300.0).round() as u32
}

/// JPEG quality for re-encoded photos: no visible loss in print. The
/// benchmark's six-photo draft is 3.0 MB at 80 with 4:2:0 colour (4.9 MB
/// with full-resolution colour); a detailed photo compresses less than the
/// benchmark's.
const JPEG_QUALITY: u8 = 80;

/// Why a file could not be made into a photo.
#[derive(Debug, thiserror::Error)]
pub enum PhotoError {
    /// Not an image this build reads (JPEG or PNG), or a damaged one.
    #[error("not a JPEG or PNG image, or a damaged one: {0}")]
    Unreadable(String),
}

/// `bytes` (a JPEG or PNG file's content) made ready to print.
pub fn prepare(bytes: &[u8]) -> Result<Image, PhotoError> {
    let unreadable = |e: &dyn std::fmt::Display| PhotoError::Unreadable(e.to_string());
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| unreadable(&e))?;
    let was_png = reader.format() == Some(image::ImageFormat::Png);
    let mut decoder = reader.into_decoder().map_err(|e| unreadable(&e))?;
    let orientation = decoder.orientation().ok();
    let mut picture = DynamicImage::from_decoder(decoder).map_err(|e| unreadable(&e))?;
    if let Some(orientation) = orientation {
        picture.apply_orientation(orientation);
    }
    let widest = max_width();
    if picture.width() > widest {
        let height = (u64::from(picture.height()) * u64::from(widest) / u64::from(picture.width()))
            .max(1) as u32;
        picture = picture.resize_exact(widest, height, FilterType::Triangle);
    }
    let format = if was_png || picture.color().has_alpha() {
        ImageFormat::Png
    } else {
        ImageFormat::Jpeg
    };
    let mut encoded = Vec::new();
    match format {
        ImageFormat::Png => picture
            .write_to(&mut Cursor::new(&mut encoded), image::ImageFormat::Png)
            .map_err(|e| unreadable(&e))?,
        ImageFormat::Jpeg => {
            let rgb = picture.to_rgb8();
            let too_large = |_| unreadable(&"wider or taller than 65,535 pixels");
            let width = u16::try_from(rgb.width()).map_err(too_large)?;
            let height = u16::try_from(rgb.height()).map_err(too_large)?;
            let mut encoder = jpeg_encoder::Encoder::new(&mut encoded, JPEG_QUALITY);
            encoder.set_sampling_factor(jpeg_encoder::SamplingFactor::F_2_2);
            encoder.set_chroma_subsampling_method(jpeg_encoder::ChromaSubsamplingMethod::Average);
            encoder
                .encode(rgb.as_raw(), width, height, jpeg_encoder::ColorType::Rgb)
                .map_err(|e| unreadable(&e))?;
        }
    }
    Ok(Image {
        format,
        width: picture.width(),
        height: picture.height(),
        bytes: ImageBytes::new(encoded),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A camera-sized photo in memory: a gradient, so that JPEG has
    /// something to encode.
    fn jpeg(width: u32, height: u32) -> Vec<u8> {
        let picture = image::RgbImage::from_fn(width, height, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, ((x + y) % 256) as u8])
        });
        let mut bytes = Vec::new();
        let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 95);
        picture.write_with_encoder(encoder).expect("encodes");
        bytes
    }

    #[test]
    fn a_large_photo_is_scaled_to_300_dpi_over_the_measure() {
        let image = prepare(&jpeg(4000, 3000)).expect("prepares");
        assert_eq!(image.format, ImageFormat::Jpeg);
        assert_eq!((image.width, image.height), (1843, 1382));
        let again = image::load_from_memory(image.bytes.as_slice()).expect("decodes");
        assert_eq!((again.width(), again.height()), (1843, 1382));
    }

    #[test]
    fn a_small_photo_keeps_its_pixels_and_a_png_stays_png() {
        let image = prepare(&jpeg(800, 600)).expect("prepares");
        assert_eq!((image.width, image.height), (800, 600));
        let mut png = Vec::new();
        image::RgbaImage::from_pixel(30, 20, image::Rgba([230, 0, 18, 128]))
            .write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png)
            .expect("encodes");
        let image = prepare(&png).expect("prepares");
        assert_eq!(
            (image.format, image.width, image.height),
            (ImageFormat::Png, 30, 20)
        );
    }

    /// Peak signal-to-noise ratio of `b` against `a`, in dB: above 30 a
    /// photo looks the same; a misdecoded one is below 15.
    fn psnr(a: &image::RgbImage, b: &image::RgbImage) -> f64 {
        let (mut squares, mut count) = (0.0, 0.0);
        for (p, q) in a.pixels().zip(b.pixels()) {
            for (x, y) in p.0.iter().zip(q.0) {
                squares += (f64::from(*x) - f64::from(y)).powi(2);
                count += 1.0;
            }
        }
        10.0 * (255.0 * 255.0 / (squares / count).max(1e-9)).log10()
    }

    /// The re-encoded photo reads back as the photo (through the decoder
    /// the preview and the thumbnails use). An encoder setting this
    /// decoder misreads (optimized Huffman tables with 4:2:0 chroma, in
    /// zune-jpeg 0.5.15) comes out at 5 dB.
    #[test]
    fn a_prepared_photo_reads_back_as_the_photo() {
        let original = jpeg(1200, 900);
        let image = prepare(&original).expect("prepares");
        let before = image::load_from_memory(&original)
            .expect("decodes")
            .to_rgb8();
        let after = image::load_from_memory(image.bytes.as_slice())
            .expect("decodes")
            .to_rgb8();
        assert_eq!(before.dimensions(), after.dimensions());
        let ratio = psnr(&before, &after);
        assert!(ratio > 30.0, "{ratio:.1} dB");
    }

    #[test]
    fn a_file_that_is_no_image_is_refused() {
        assert!(matches!(
            prepare("活动现场.jpg".as_bytes()),
            Err(PhotoError::Unreadable(_))
        ));
        let mut cut = jpeg(64, 64);
        cut.truncate(cut.len() / 3);
        assert!(prepare(&cut).is_err());
    }
}
