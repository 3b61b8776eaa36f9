//! The sample issue that ships with Jianbao, and larger issues and whole
//! archives made from it for benchmarks and tests.

use std::path::Path;

use crate::assets::{SAMPLE_FILE_NAME, SAMPLE_RON};
use crate::model::{
    CellAlign, Figure, Image, ImageBytes, ImageFormat, Issue, Paragraph, Photo, PhotoWidth, Placed,
    Span, Table,
};
use crate::store;

/// The bundled sample issue (首都精神文明建设情况简报 第 11 期), parsed.
///
/// # Panics
/// Never in a released build: the sample is compiled in, and a test loads
/// it, so a broken sample fails that test before it can ship.
pub fn issue() -> Issue {
    store::from_ron(SAMPLE_RON, Path::new(SAMPLE_FILE_NAME))
        .expect("the bundled sample issue loads")
}

/// The sample series' units, in order.
fn units(issue: &Issue) -> Vec<String> {
    issue.series.unit_names().map(str::to_owned).collect()
}

/// A long issue: `articles` articles cycling through the sample's three,
/// each credited to the series' next unit and with its text doubled, so
/// that 40 articles fill well over 40 pages.
pub fn large(articles: usize) -> Issue {
    let mut issue = issue();
    let units = units(&issue);
    let originals: Vec<_> = issue.articles().map(|(_, _, a)| a.clone()).collect();
    let section = &mut issue.sections[0];
    section.articles.clear();
    for n in 0..articles {
        let mut article = originals[n % originals.len()].clone();
        let district = &units[n % units.len()];
        let original_unit = std::mem::replace(&mut article.unit, district.clone());
        article.lead = article.lead.replacen(&original_unit, district, 1);
        article.id = crate::model::ArticleId(n as u64 + 1);
        let mut doubled: Vec<Span> = article.body.iter().flat_map(|p| p.spans.clone()).collect();
        doubled.extend(doubled.clone());
        article.body = vec![Paragraph { spans: doubled }];
        section.articles.push(article);
    }
    issue
}

/// A photo as a camera takes it: `width` × `height` pixels of a smooth
/// gradient with some detail (so that JPEG has work to do), encoded as a
/// JPEG file at quality 92.
pub fn camera_jpeg(width: u32, height: u32) -> Vec<u8> {
    let picture = image::RgbImage::from_fn(width, height, |x, y| {
        let ripple = ((x / 7 + y / 5) % 9) as u8 * 6;
        image::Rgb([
            (x * 255 / width.max(1)) as u8 ^ ripple,
            (y * 255 / height.max(1)) as u8,
            ((x + y) % 256) as u8,
        ])
    });
    let mut bytes = Vec::new();
    let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 92);
    // Encoding an in-memory RGB buffer into a Vec cannot fail.
    let _ = picture.write_with_encoder(encoder);
    bytes
}

/// The sample with the figures bulletins print: a half-width photo of the
/// 东城 article after its first paragraph, and a table of figures by
/// district closing the 房山 article.
pub fn with_figures() -> Issue {
    let mut issue = issue();
    // Already a JPEG no wider than prints sharply: as inserting makes it.
    let photo = Image {
        format: ImageFormat::Jpeg,
        width: 1600,
        height: 1200,
        bytes: ImageBytes::new(camera_jpeg(1600, 1200)),
    };
    let articles = &mut issue.sections[0].articles;
    articles[0].figures.push(Placed {
        after: 1,
        figure: Figure::Photo(Photo {
            image: photo,
            caption: "东城区志愿者在街巷开展文明引导".into(),
            width: PhotoWidth::Half,
        }),
    });
    let mut table = Table::from_tab_separated(
        "专项工作组\t牵头单位\t完成时限\n综合协调组\t区创城办\t3月\n宣传动员组\t区委宣传部\t4月\n督查调查组\t区委督查室\t每季度",
    );
    table.title = "房山区创城专项工作组".into();
    table.align = vec![CellAlign::Left, CellAlign::Centre, CellAlign::Centre];
    let after = articles[1].body.len();
    articles[1].figures.push(Placed {
        after,
        figure: Figure::Table(table),
    });
    issue
}

/// Issue `k` (from 0) of a made-up weekly series that runs from January
/// 1980: 期号 counting from 1 each year without gaps, 总期号 `k + 1`, three
/// to six articles from districts in rotation, with the sample's text.
pub fn archive_issue(k: usize) -> Issue {
    let mut issue = issue();
    let units = units(&issue);
    let originals: Vec<_> = issue.articles().map(|(_, _, a)| a.clone()).collect();
    let start = chrono::NaiveDate::from_ymd_opt(1980, 1, 3).unwrap_or_default();
    let date = start + chrono::Days::new(7 * k as u64);
    let number = (chrono::Datelike::ordinal(&date) - 1) / 7 + 1;
    issue.masthead.date = Some(date);
    issue.masthead.number = Some(number);
    issue.masthead.total_number = Some(k as u32 + 1);
    let section = &mut issue.sections[0];
    section.articles.clear();
    for j in 0..3 + k % 4 {
        let mut article = originals[(k + j) % originals.len()].clone();
        let district = &units[(k * 5 + j * 3) % units.len()];
        let original_unit = std::mem::replace(&mut article.unit, district.clone());
        article.lead = article.lead.replacen(&original_unit, district, 1);
        article.id = crate::model::ArticleId((k * 16 + j) as u64 + 1);
        section.articles.push(article);
    }
    issue
}

/// Writes issues `0..count` of [`archive_issue`] into `folder`, one
/// subfolder per year (`1980/第1期.ron`, …). Plain writes, not the atomic
/// save: this makes test data quickly.
pub fn write_archive(folder: &Path, count: usize) -> std::io::Result<()> {
    for k in 0..count {
        let issue = archive_issue(k);
        let year = issue
            .masthead
            .date
            .map(|d| chrono::Datelike::year(&d))
            .unwrap_or_default();
        let number = issue.masthead.number.unwrap_or_default();
        let dir = folder.join(year.to_string());
        std::fs::create_dir_all(&dir)?;
        let text = store::to_ron(&issue).map_err(std::io::Error::other)?;
        std::fs::write(dir.join(format!("第{number}期.ron")), text)?;
    }
    Ok(())
}
