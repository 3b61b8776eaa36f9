//! Photos and tables in articles (issue 14), through the layers built so
//! far: the draft file, the pages, plain text, HTML and archive search.

use std::path::Path;
use std::sync::Arc;

use jianbao::archive::{Archive, search};
use jianbao::model::{Block, Figure, Table};
use jianbao::typeset::{FontSet, Typesetter};
use proptest::prelude::*;

#[test]
fn a_draft_with_a_photo_and_a_table_round_trips() {
    let issue = jianbao::sample::with_figures();
    let text = jianbao::store::to_ron(&issue).expect("serializes");
    assert!(text.contains("schema: 3,"));
    let read = jianbao::store::from_ron(&text, Path::new("图表.ron")).expect("reads");
    assert_eq!(read, issue);
    // One base64 string per photo: a third over its bytes, not an escaped
    // byte list four times its size.
    let Figure::Photo(photo) = &issue.sections[0].articles[0].figures[0].figure else {
        panic!("a photo first");
    };
    assert!(text.len() < issue_without_figures_len() + photo.image.bytes.len() * 4 / 3 + 2000);
}

fn issue_without_figures_len() -> usize {
    jianbao::store::to_ron(&jianbao::sample::issue())
        .expect("serializes")
        .len()
}

#[test]
fn figures_stand_between_the_paragraphs_they_follow() {
    let issue = jianbao::sample::with_figures();
    let article = &issue.sections[0].articles[0];
    let kinds: Vec<String> = article
        .blocks()
        .iter()
        .map(|b| match b {
            Block::Paragraph(p, _) => format!("p{p}"),
            Block::Figure(f, _) => format!("f{f}"),
        })
        .collect();
    let mut expected = vec!["p0".to_owned(), "f0".to_owned()];
    expected.extend((1..article.body.len()).map(|p| format!("p{p}")));
    assert_eq!(kinds, expected);
}

#[test]
fn the_pages_show_the_photo_and_the_tables_cells() {
    let issue = jianbao::sample::with_figures();
    let mut typesetter = Typesetter::new(Arc::new(FontSet::bundled()));
    let plain = typesetter
        .compile(&jianbao::sample::issue())
        .expect("typesets");
    let document = typesetter.compile(&issue).expect("typesets with figures");
    assert!(document.page_count() >= plain.page_count());
    let text: String = (0..document.page_count())
        .map(|i| document.page_text(i))
        .collect();
    for words in [
        "东城区志愿者在街巷开展文明引导",
        "房山区创城专项工作组",
        "专项工作组",
        "宣传动员组",
        "区委宣传部",
        "每季度",
    ] {
        assert!(text.contains(words), "{words} is on the pages");
    }
    let pdf = document.pdf().expect("a PDF");
    assert!(
        pdf.windows(b"/Subtype /Image".len())
            .any(|w| w == b"/Subtype /Image")
            || pdf
                .windows(b"/Subtype/Image".len())
                .any(|w| w == b"/Subtype/Image"),
        "the PDF holds the photo"
    );
}

#[test]
fn plain_text_and_html_carry_the_figures() {
    let issue = jianbao::sample::with_figures();
    let text = jianbao::export::to_text(&issue);
    assert!(
        text.contains("[图：东城区志愿者在街巷开展文明引导]"),
        "{text}"
    );
    assert!(text.contains("专项工作组\t牵头单位\t完成时限\n综合协调组\t区创城办\t3月"));
    let html = jianbao::export::to_html(&issue);
    let page = scraper::Html::parse_document(&html);
    let select = |css: &str| {
        let selector = scraper::Selector::parse(css).expect("selector");
        page.select(&selector)
            .map(|e| e.text().collect::<String>())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        select("figure figcaption"),
        ["东城区志愿者在街巷开展文明引导"]
    );
    assert!(
        html.contains("src=\"data:image/jpeg;base64,/9j/"),
        "the photo inline"
    );
    assert_eq!(select("table caption"), ["房山区创城专项工作组"]);
    assert_eq!(select("table th"), ["专项工作组", "牵头单位", "完成时限"]);
    assert_eq!(select("table tbody tr").len(), 3);
}

#[test]
fn word_has_the_picture_and_the_table() {
    let bytes = jianbao::export::to_docx(&jianbao::sample::with_figures()).expect("builds");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).expect("a zip");
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("word/document.xml").expect("document"),
        &mut xml,
    )
    .expect("text");
    assert_eq!(xml.matches("<w:drawing>").count(), 1, "one picture");
    // Half the 156 mm measure: 78 mm is 2,808,000 EMU.
    assert!(xml.contains("cx=\"2808000\""), "printed half width");
    let media: Vec<String> = archive
        .file_names()
        .filter(|n| n.starts_with("word/media/") && !n.ends_with('/'))
        .map(str::to_owned)
        .collect();
    // The photo as the JPEG it is, named as one, its relationship with it.
    assert_eq!(media, ["word/media/rIdImage1.jpeg"]);
    let mut jpeg = Vec::new();
    std::io::Read::read_to_end(&mut archive.by_name(&media[0]).expect("media"), &mut jpeg)
        .expect("bytes");
    let Figure::Photo(photo) =
        &jianbao::sample::with_figures().sections[0].articles[0].figures[0].figure
    else {
        panic!("a photo");
    };
    assert_eq!(jpeg, photo.image.bytes.as_slice());
    let mut rels = String::new();
    std::io::Read::read_to_string(
        &mut archive
            .by_name("word/_rels/document.xml.rels")
            .expect("rels"),
        &mut rels,
    )
    .expect("text");
    assert!(rels.contains("Target=\"media/rIdImage1.jpeg\""), "{rels}");
    let order = [
        "房山区创城专项工作组",
        "专项工作组",
        "牵头单位",
        "完成时限",
        "综合协调组",
        "区委督查室",
        "每季度",
    ];
    let mut from = 0;
    for cell in order {
        let at = xml[from..]
            .find(cell)
            .unwrap_or_else(|| panic!("{cell} after {from}"));
        from += at + cell.len();
    }
    let table = &xml[xml.find("房山区创城专项工作组").expect("title")..];
    assert_eq!(
        table[..table.find("</w:tbl>").expect("a table")]
            .matches("<w:tr>")
            .count(),
        4
    );
}

#[test]
fn archive_search_finds_captions_and_cells() {
    let dir = tempfile::tempdir().expect("temp dir");
    jianbao::store::save(
        &dir.path().join("第11期.ron"),
        &jianbao::sample::with_figures(),
    )
    .expect("saves");
    let archive = Archive::scan(dir.path(), &mut |_, _| {});
    for words in ["街巷开展文明引导", "区委督查室"] {
        let query = search::Query {
            text: words.into(),
            ..search::Query::default()
        };
        let (hits, total) = search::search(&archive, &query, 10);
        assert_eq!(total, 1, "{words}");
        assert_eq!(hits[0].matched, words);
    }
}

proptest! {
    /// Tables of any text survive the draft file, and cells copied from a
    /// spreadsheet (no tabs or line breaks in a cell) survive the round
    /// trip through tab-separated text.
    #[test]
    fn tables_round_trip(
        title in "[^\\t\\n]{0,8}",
        header in prop::collection::vec("[东城区0-9a-z，。]{1,6}", 1..5),
        rows in prop::collection::vec(prop::collection::vec("[东城区0-9a-z，。]{1,6}", 1..5), 0..6),
    ) {
        let mut issue = jianbao::sample::issue();
        let table = Table { title, header: header.clone(), rows: rows.clone(), align: Vec::new() };
        issue.sections[0].articles[2].figures.push(jianbao::model::Placed {
            after: 1,
            figure: Figure::Table(table.clone()),
        });
        let text = jianbao::store::to_ron(&issue).expect("serializes");
        let read = jianbao::store::from_ron(&text, Path::new("表.ron")).expect("reads");
        prop_assert_eq!(read, issue);
        let back = Table::from_tab_separated(&table.to_tab_separated());
        prop_assert_eq!(back.header, header);
        prop_assert_eq!(back.rows, rows);
    }
}

/// An article file made by LibreOffice (from HTML: a title, paragraphs,
/// a JPEG photo with its caption paragraph, a table): its photo, caption
/// and table come in where they stood.
#[test]
fn a_word_article_brings_its_photo_caption_and_table() {
    let bytes = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/article-with-photo-and-table.docx"),
    )
    .expect("the fixture");
    let issue = jianbao::sample::issue();
    let article = jianbao::import::article_from_docx(&bytes, &issue).expect("imports");
    assert_eq!(article.title, "朝阳区开展“文明街巷”志愿服务活动");
    assert_eq!(article.body.len(), 3, "{:?}", article.body);
    assert_eq!(article.figures.len(), 2, "{:?}", article.figures);
    let Figure::Photo(photo) = &article.figures[0].figure else {
        panic!("the photo first");
    };
    assert_eq!(article.figures[0].after, 1);
    assert_eq!(photo.caption, "志愿者在三里屯街道清扫街巷");
    assert_eq!((photo.image.width, photo.image.height), (600, 400));
    let Figure::Table(table) = &article.figures[1].figure else {
        panic!("the table second");
    };
    assert_eq!(article.figures[1].after, 2);
    assert_eq!(table.header, ["街乡", "志愿者", "活动"]);
    assert_eq!(
        table.rows,
        [vec!["三里屯", "260", "12"], vec!["朝外", "310", "15"]]
    );
    assert!(
        !article.body_text().contains("志愿者在三里屯街道清扫街巷"),
        "the caption is not text"
    );
}

/// `jianbao import FILE --into DRAFT --section N` adds the article, with
/// its figures, through the guarded save; a section the draft lacks is
/// refused, naming the draft.
#[test]
fn the_command_line_imports_an_article_into_a_draft() {
    let dir = tempfile::tempdir().expect("temp dir");
    let draft = dir.path().join("第11期.ron");
    jianbao::store::save(&draft, &jianbao::sample::issue()).expect("saves");
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/article-with-photo-and-table.docx");
    let run = |section: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_jianbao"))
            .args(["--lang", "zh", "import"])
            .arg(&fixture)
            .arg("--into")
            .arg(&draft)
            .args(["--section", section])
            .output()
            .expect("runs")
    };
    let out = run("1");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let issue = jianbao::store::load(&draft).expect("loads");
    let added = issue.sections[0].articles.last().expect("an article");
    assert_eq!(added.title, "朝阳区开展“文明街巷”志愿服务活动");
    assert_eq!(added.figures.len(), 2);
    let before = std::fs::read(&draft).expect("read");
    let out = run("7");
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("没有第 7 个栏目") && said.contains("第11期.ron"),
        "{said}"
    );
    assert_eq!(std::fs::read(&draft).expect("read"), before, "untouched");
}

/// A table that runs over a page break repeats its header row on the next
/// page, and its header never stands alone at a page's foot: wherever the
/// text before it ends, every page that shows the header shows a row of
/// the table under it.
#[test]
fn a_long_tables_header_repeats_and_never_stands_alone() {
    let mut typesetter = Typesetter::new(Arc::new(FontSet::bundled()));
    let mut table = Table::from_tab_separated("区别项\t数量\t备注");
    table.rows = (1..=40)
        .map(|n| vec![format!("第{n}行"), n.to_string(), "无".into()])
        .collect();
    let mut repeated = false;
    for extra in 0..24 {
        let mut issue = jianbao::sample::issue();
        let article = &mut issue.sections[0].articles[0];
        // The text before the table grows a line or so at a time.
        let filler = "东城区持续推进文明城区创建工作，常态化开展检查。".repeat(extra);
        article.body[0]
            .spans
            .push(jianbao::model::Span::plain(filler));
        article.figures.push(jianbao::model::Placed {
            after: 1,
            figure: Figure::Table(table.clone()),
        });
        let document = typesetter.compile(&issue).expect("typesets");
        for page in 0..document.page_count() {
            let text = document.page_text(page);
            if text.contains("区别项") {
                let rows = (1..=40)
                    .filter(|n| text.contains(&format!("第{n}行")))
                    .count();
                assert!(
                    rows > 0,
                    "{extra}: page {} has the header and no row",
                    page + 1
                );
                repeated |= (1..=40)
                    .filter(|n| text.contains(&format!("第{n}行")))
                    .min()
                    > Some(1);
            }
        }
    }
    assert!(repeated, "the header repeats on a continuation page");
}

/// In a yearly volume, issues made from the same template share article
/// ids; each issue's own photo still prints (photos are named by their
/// bytes, not by article).
#[test]
fn a_volume_prints_each_issues_own_photo() {
    let issues: Vec<_> = [(1u32, 800u32), (2, 900)]
        .into_iter()
        .map(|(number, width)| {
            let mut issue = jianbao::sample::with_figures();
            issue.masthead.number = Some(number);
            let Figure::Photo(photo) = &mut issue.sections[0].articles[0].figures[0].figure else {
                panic!("a photo");
            };
            photo.image = jianbao::model::Image {
                format: jianbao::model::ImageFormat::Jpeg,
                width,
                height: 600,
                bytes: jianbao::model::ImageBytes::new(jianbao::sample::camera_jpeg(width, 600)),
            };
            issue
        })
        .collect();
    assert_eq!(
        issues[0].sections[0].articles[0].id,
        issues[1].sections[0].articles[0].id
    );
    let document = jianbao::typeset::compile_volume(
        Arc::new(FontSet::bundled()),
        &issues,
        "首都精神文明建设情况简报",
        "2021 年合订本",
    )
    .expect("typesets");
    let pdf = document.pdf().expect("a PDF");
    let images = pdf
        .windows(b"/Subtype /Image".len())
        .filter(|w| *w == b"/Subtype /Image")
        .count()
        + pdf
            .windows(b"/Subtype/Image".len())
            .filter(|w| *w == b"/Subtype/Image")
            .count();
    assert_eq!(images, 2, "one image per issue");
}
