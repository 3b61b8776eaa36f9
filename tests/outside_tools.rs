//! Our exports as independent readers see them: poppler (pdftotext,
//! pdffonts, pdfinfo), qpdf and LibreOffice. These tools are not part of the
//! Rust toolchain, so the tests are ignored by a plain `cargo test`;
//! `.ci/run` installs the tools and runs them with
//! `cargo test --test outside_tools -- --ignored`.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use common::{hostile_issue, squeeze};
use jianbao::typeset::{FontSet, Typesetter};

const NEEDS_TOOLS: &str = "needs poppler-utils and qpdf (installed and run by .ci/run)";

fn sample_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/samples/capital-civilization-briefing-2021-no11.ron")
}

/// Runs a tool and returns its standard output, failing the test with the
/// tool's own words when it fails.
fn run(tool: &str, args: &[&std::ffi::OsStr]) -> String {
    let out = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} could not be started ({e}); {NEEDS_TOOLS}"));
    assert!(
        out.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// pdftotext's text in content-stream order (`-raw`: lines that mix fonts
/// are not re-sorted by guesswork), without whitespace and without the page numbers
/// (— 1 —) that interrupt text running over a page break.
fn pdf_text(pdf: &Path) -> String {
    let raw = squeeze(&run(
        "pdftotext",
        &["-raw".as_ref(), pdf.as_os_str(), "-".as_ref()],
    ));
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw.as_str();
    while let Some(at) = rest.find('—') {
        out.push_str(&rest[..at]);
        let after = &rest[at + '—'.len_utf8()..];
        let digits = after.chars().take_while(char::is_ascii_digit).count();
        if digits > 0 && after[digits..].starts_with('—') {
            rest = &after[digits + '—'.len_utf8()..];
        } else {
            out.push('—');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

fn export_sample(dir: &Path) -> PathBuf {
    let pdf = dir.join("sample.pdf");
    let status = Command::new(env!("CARGO_BIN_EXE_jianbao"))
        .arg("export")
        .arg(sample_path())
        .arg("-o")
        .arg(&pdf)
        .status()
        .expect("jianbao runs");
    assert!(status.success());
    pdf
}

#[test]
#[ignore = "needs poppler-utils and qpdf (installed and run by .ci/run)"]
fn pdftotext_reads_the_whole_sample_in_order() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = pdf_text(&export_sample(dir.path()));
    let issue = jianbao::sample::issue();
    let m = &issue.masthead;
    let f = &issue.footer;

    let mut expected: Vec<String> = vec![
        m.name.clone(),
        m.number_text(),
        m.total_number_text().unwrap_or_default(),
        m.office.clone(),
        m.date_text(),
        format!("【{}】", issue.sections[0].heading),
    ];
    for (_, _, article) in issue.articles() {
        expected.push(format!("{}{}", article.lead, article.body_text()));
        expected.push(format!("（{}）", issue.attribution_of(article)));
    }
    expected.extend([
        format!("责编：{}", f.editor),
        format!("核稿：{}", f.proofreader),
        format!("电话：{}", f.phone),
        format!("传真：{}", f.fax),
        format!("邮箱：{}", f.email),
    ]);
    for (label, line) in issue.distribution.lines() {
        expected.push(format!("{label}：{line}"));
    }

    let mut from = 0;
    for piece in expected {
        let piece = squeeze(&piece);
        let at = text[from..]
            .find(&piece)
            .unwrap_or_else(|| panic!("{piece} is missing or out of order in pdftotext's output"));
        from += at + piece.len();
    }
}

#[test]
#[ignore = "needs poppler-utils and qpdf (installed and run by .ci/run)"]
fn fonts_are_embedded_and_subset_the_file_is_valid_and_a4() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = export_sample(dir.path());

    let fonts = run("pdffonts", &[pdf.as_os_str()]);
    let rows: Vec<&str> = fonts
        .lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .collect();
    assert!(rows.len() >= 3, "too few fonts: {fonts}");
    for row in rows {
        // Columns: name type encoding emb sub uni object-id generation.
        let cols: Vec<&str> = row.split_whitespace().collect();
        let n = cols.len();
        assert!(n >= 7, "unexpected pdffonts row: {row}");
        assert_eq!(
            (cols[n - 5], cols[n - 4]),
            ("yes", "yes"),
            "not embedded and subset: {row}"
        );
        assert!(cols[0].contains('+'), "subset fonts carry a tag: {row}");
    }

    run("qpdf", &["--check".as_ref(), pdf.as_os_str()]);

    let info = run(
        "pdfinfo",
        &[
            "-f".as_ref(),
            "1".as_ref(),
            "-l".as_ref(),
            "1000".as_ref(),
            pdf.as_os_str(),
        ],
    );
    let sizes: Vec<&str> = info
        .lines()
        .filter(|l| l.starts_with("Page") && l.contains("size:"))
        .collect();
    assert!(!sizes.is_empty(), "{info}");
    for line in sizes {
        assert!(
            line.ends_with("595.276 x 841.89 pts (A4)"),
            "not A4: {line}"
        );
    }
}

#[test]
#[ignore = "needs poppler-utils and qpdf (installed and run by .ci/run)"]
fn markup_like_text_reads_back_literally_from_the_pdf() {
    let (issue, expected) = hostile_issue();
    let doc = Typesetter::new(Arc::new(FontSet::bundled()))
        .compile(&issue)
        .expect("typesets");
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = dir.path().join("hostile.pdf");
    std::fs::write(&pdf, doc.pdf().expect("PDF")).expect("write");
    let text = pdf_text(&pdf);
    for field in expected {
        let tag: String = field.chars().take_while(|&c| c != '〔').collect();
        let near: Option<String> = text
            .find(&tag)
            .map(|i| text[i..].chars().take(200).collect());
        assert!(
            text.contains(&squeeze(&field)),
            "{field} is not in the PDF's text; near its tag the text reads {near:?}"
        );
    }
    assert!(!text.contains("root:"));
}

#[test]
#[ignore = "needs poppler-utils and qpdf (installed and run by .ci/run)"]
fn numbered_copies_read_back_with_their_serials() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = dir.path().join("copies.pdf");
    let status = Command::new(env!("CARGO_BIN_EXE_jianbao"))
        .arg("export")
        .arg(sample_path())
        .args(["--copies", "3", "-o"])
        .arg(&pdf)
        .output()
        .expect("jianbao runs");
    assert!(status.status.success());
    let text = pdf_text(&pdf);
    for serial in ["000001", "000002", "000003"] {
        assert_eq!(text.matches(serial).count(), 1, "{serial} in {text}");
    }
    assert_eq!(text.matches("共印3份").count(), 3);
    run("qpdf", &["--check".as_ref(), pdf.as_os_str()]);
}

#[test]
#[ignore = "needs LibreOffice and poppler-utils (installed and run by .ci/run)"]
fn libreoffice_reads_the_word_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let status = Command::new(env!("CARGO_BIN_EXE_jianbao"))
        .arg("export")
        .arg(sample_path())
        .args(["--format", "docx", "--name", "sample", "-o"])
        .arg(dir.path())
        .output()
        .expect("jianbao runs");
    assert!(status.status.success());
    let docx = dir.path().join("sample.docx");
    // A private LibreOffice profile, so a running office suite is not disturbed.
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.path().join("profile").display()
    );
    run(
        "libreoffice",
        &[
            profile.as_ref(),
            "--headless".as_ref(),
            "--convert-to".as_ref(),
            "pdf".as_ref(),
            "--outdir".as_ref(),
            dir.path().as_os_str(),
            docx.as_os_str(),
        ],
    );
    let text = pdf_text(&dir.path().join("sample.pdf"));
    let issue = jianbao::sample::issue();
    let mut from = 0;
    for (_, _, article) in issue.articles() {
        let piece = squeeze(&format!("{}{}", article.lead, article.body_text()));
        let at = text[from..].find(&piece).unwrap_or_else(|| {
            panic!(
                "the article of {} is missing from LibreOffice's PDF",
                article.unit
            )
        });
        from += at + piece.len();
    }
    for piece in [issue.masthead.name.as_str(), "【文明创建】", "责编：梅雪峰"] {
        assert!(text.contains(piece), "{piece} missing");
    }
}

/// A word as `pdftotext -bbox` places it, in points from the top left.
#[derive(Debug)]
struct Word {
    x_min: f64,
    y_min: f64,
    x_max: f64,
    y_max: f64,
    text: String,
}

/// The words of each page of `pdf`, from `pdftotext -bbox`.
fn pdf_words(pdf: &Path) -> Vec<Vec<Word>> {
    let html = run(
        "pdftotext",
        &["-bbox".as_ref(), pdf.as_os_str(), "-".as_ref()],
    );
    let attribute = |tag: &str, name: &str| -> f64 {
        let start = tag.find(&format!("{name}=\"")).expect("the attribute") + name.len() + 2;
        let end = start + tag[start..].find('"').expect("its end");
        tag[start..end].parse().expect("a number")
    };
    let mut pages = Vec::new();
    for line in html.lines().map(str::trim) {
        if line.starts_with("<page ") {
            pages.push(Vec::new());
        } else if let Some(rest) = line.strip_prefix("<word ") {
            let (tag, text) = rest.split_once('>').expect("a whole word element");
            let text = text.trim_end_matches("</word>").to_owned();
            let page = pages.last_mut().expect("words are inside pages");
            page.push(Word {
                x_min: attribute(tag, "xMin"),
                y_min: attribute(tag, "yMin"),
                x_max: attribute(tag, "xMax"),
                y_max: attribute(tag, "yMax"),
                text,
            });
        }
    }
    pages
}

fn export(issue: &jianbao::model::Issue, dir: &Path) -> PathBuf {
    let draft = dir.join("issue.ron");
    jianbao::store::save(&draft, issue).expect("saves");
    let pdf = dir.join("issue.pdf");
    let status = Command::new(env!("CARGO_BIN_EXE_jianbao"))
        .arg("export")
        .arg(&draft)
        .arg("-o")
        .arg(&pdf)
        .arg("--force")
        // The same fonts as the in-process layouts these tests compare with.
        .arg("--bundled-fonts")
        .status()
        .expect("jianbao runs");
    assert!(status.success());
    pdf
}

const MM: f64 = 72.0 / 25.4;

/// GB/T 9704-2012 7.5: the page number "— n —" at the right of odd pages
/// and the left of even ones, one character (14 pt) in from the type
/// area's edge; or centred.
#[test]
#[ignore = "needs poppler-utils and qpdf (installed and run by .ci/run)"]
fn page_numbers_are_placed_as_the_style_says() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (left, right) = (28.0 * MM, (210.0 - 26.0) * MM);
    let mut issue = jianbao::sample::issue();
    for placement in [
        jianbao::model::PageNumbers::Outside,
        jianbao::model::PageNumbers::Centred,
    ] {
        issue.style.page_numbers = placement;
        let pages = pdf_words(&export(&issue, dir.path()));
        assert!(pages.len() >= 2);
        for (index, words) in pages.iter().enumerate() {
            let n = (index + 1).to_string();
            let at = words
                .windows(3)
                .position(|w| w[0].text == "—" && w[1].text == n && w[2].text == "—")
                .unwrap_or_else(|| panic!("— {n} — on page {n}"));
            let (start, end) = (words[at].x_min, words[at + 2].x_max);
            let page = index + 1;
            match placement {
                jianbao::model::PageNumbers::Outside if page % 2 == 1 => {
                    assert!(
                        (right - 14.0 - end).abs() < 0.5,
                        "page {page} ends at {end}"
                    )
                }
                jianbao::model::PageNumbers::Outside => {
                    assert!(
                        (left + 14.0 - start).abs() < 0.5,
                        "page {page} starts at {start}"
                    )
                }
                jianbao::model::PageNumbers::Centred => {
                    let middle = (start + end) / 2.0;
                    assert!(
                        ((left + right) / 2.0 - middle).abs() < 0.5,
                        "page {page}: {middle}"
                    )
                }
            }
            // Below the type area, in 4号.
            assert!(words[at + 1].y_min > (297.0 - 35.0) * MM);
            assert!((words[at + 1].y_max - words[at + 1].y_min - 14.0).abs() < 0.1);
        }
    }
}

/// GB/T 9704-2012: a full page holds 22 lines of 28 characters. Measured
/// on the second page of an article, from where pdftotext places each
/// line: of plain hanzi, and of text with marks in a row (）》， and ”，),
/// each of which keeps its whole cell, as in Word (typst squeezes them by
/// default).
#[test]
#[ignore = "needs poppler-utils and qpdf (installed and run by .ci/run)"]
fn a_full_page_is_22_lines_of_28_characters() {
    let dir = tempfile::tempdir().expect("temp dir");
    // The second is 28 characters, so that every line on page 2 starts at
    // its 27th (after the first line's two-character indent) and no line
    // begins with a closing mark. Squeezed, the marks would let a line
    // take more and the lines' starts would drift.
    for unit in [
        "首都各区深入开展文明城区创建工作推动志愿服务常态化",
        "推动志愿服务常态化）》，提升创建水平”，各区深入开展文明",
    ] {
        let mut issue = jianbao::sample::issue();
        issue.sections.truncate(1);
        issue.sections[0].articles.truncate(1);
        let article = &mut issue.sections[0].articles[0];
        article.lead.clear();
        let text = unit.repeat(80);
        article.body = vec![jianbao::model::Paragraph::plain(format!("{text}。"))];
        let pages = pdf_words(&export(&issue, dir.path()));
        assert!(pages.len() >= 3, "the article runs over page 2");
        // Body text is 3号: 16 pt boxes.
        let mut lines: Vec<&Word> = pages[1]
            .iter()
            .filter(|w| (w.y_max - w.y_min - 16.0).abs() < 0.1)
            .collect();
        lines.sort_by(|a, b| a.y_min.total_cmp(&b.y_min));
        assert_eq!(lines.len(), 22, "lines on a full page");
        for pair in lines.windows(2) {
            let pitch = pair[1].y_min - pair[0].y_min;
            assert!(
                (pitch - 225.0 * MM / 22.0).abs() < 0.1,
                "line pitch {pitch}"
            );
        }
        let rotated: String = unit.chars().cycle().skip(26).take(28).collect();
        for line in &lines {
            assert_eq!(line.text.chars().count(), 28, "{}", line.text);
            if unit.chars().count() == 28 {
                assert_eq!(line.text, rotated, "the lines' starts drifted");
            }
            assert!((line.x_min - 28.0 * MM).abs() < 0.1);
            assert!(
                (line.x_max - (210.0 - 26.0) * MM).abs() < 0.5,
                "{}",
                line.x_max
            );
        }
    }
}

/// The page budget the editor shows agrees with the PDF's page count, for
/// the sample and for a long issue.
#[test]
#[ignore = "needs poppler-utils and qpdf (installed and run by .ci/run)"]
fn the_page_budget_agrees_with_the_pdf() {
    let dir = tempfile::tempdir().expect("temp dir");
    for issue in [jianbao::sample::issue(), jianbao::sample::large(12)] {
        let pdf = export(&issue, dir.path());
        let info = run("pdfinfo", &[pdf.as_os_str()]);
        let pages: usize = info
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .and_then(|n| n.trim().parse().ok())
            .expect("pdfinfo gives the page count");
        let budget = Typesetter::new(Arc::new(FontSet::bundled()))
            .compile(&issue)
            .expect("typesets")
            .budget(issue.style.line_pitch);
        assert_eq!(budget.pages, pages);
        assert_eq!(budget.article_lines.len(), issue.articles().count());
    }
}

/// A fontconfig setup in `dir` where only the bundled fonts exist, under
/// the official names as well (仿宋_GB2312 → the bundled serif, …): the
/// bundled fonts installed as a machine's fonts, so that LibreOffice sets
/// the Word file in the faces the PDF is set in.
fn bundled_fonts_only(dir: &Path) -> PathBuf {
    let fonts = Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts");
    let alias = |official: &str, bundled: &str| {
        format!(
            "<alias binding=\"same\"><family>{official}</family>\
             <prefer><family>{bundled}</family></prefer></alias>"
        )
    };
    let aliases: String = [
        ("仿宋_GB2312", "Noto Serif CJK SC"),
        ("方正小标宋简体", "Noto Serif CJK SC"),
        ("宋体", "Noto Serif CJK SC"),
        ("Times New Roman", "Noto Serif CJK SC"),
        ("黑体", "Noto Sans CJK SC"),
        ("楷体_GB2312", "Jianbao Kai"),
    ]
    .iter()
    .map(|(o, b)| alias(o, b))
    .collect();
    let conf = dir.join("fonts.conf");
    std::fs::write(
        &conf,
        format!(
            "<?xml version=\"1.0\"?><!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\
             <fontconfig><dir>{}</dir><cachedir>{}</cachedir>{aliases}</fontconfig>",
            fonts.display(),
            dir.join("fc-cache").display()
        ),
    )
    .expect("fonts.conf written");
    conf
}

/// The issue's Word file, converted to PDF by LibreOffice with only the
/// bundled fonts.
fn word_through_libreoffice(issue: &jianbao::model::Issue, dir: &Path) -> PathBuf {
    let docx = dir.join("word.docx");
    std::fs::write(&docx, jianbao::export::to_docx(issue).expect("docx")).expect("written");
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.join("lo-profile").display()
    );
    let out = Command::new("libreoffice")
        .env("FONTCONFIG_FILE", bundled_fonts_only(dir))
        .args([
            profile.as_str(),
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(dir)
        .arg(&docx)
        .output()
        .unwrap_or_else(|e| panic!("libreoffice could not be started ({e}); {NEEDS_TOOLS}"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    dir.join("word.pdf")
}

/// Where the 报尾 stands on the last page: the foot of its first line (责编
/// or the first distribution label) and of its last (发). Feet, since the
/// two PDFs give the same glyphs boxes of different heights.
fn footer_place(pages: &[Vec<Word>]) -> (usize, f64, f64) {
    let last = pages.len() - 1;
    let words = &pages[last];
    let top = words
        .iter()
        .filter(|w| {
            ["责编", "电话", "报："]
                .iter()
                .any(|l| w.text.starts_with(l))
        })
        .map(|w| w.y_max)
        .fold(f64::MAX, f64::min);
    let bottom = words
        .iter()
        .filter(|w| w.text.starts_with("发：") || w.text.starts_with("发"))
        .map(|w| w.y_max)
        .fold(f64::MIN, f64::max);
    (pages.len(), top, bottom)
}

/// The foot of the first body line on page 1, below the masthead.
fn first_text_line(pages: &[Vec<Word>]) -> f64 {
    pages[0]
        .iter()
        .find(|w| w.text.starts_with('【'))
        .map(|w| w.y_max)
        .expect("a section heading on page 1")
}

/// Word as the PDF (issue 15): through LibreOffice with the bundled fonts,
/// the masthead takes the PDF's height (the text starts at the same place
/// on page 1), and the 报尾 is pinned to the foot of the last page, on
/// the page the PDF has it: for the sample without its third article
/// (whose 报尾 used to start a third of the way down page 3), a
/// one-article issue, the whole sample (5 pages in Word, 4 in the PDF,
/// before lines were filled alike) and an issue of 26 pages.
#[test]
#[ignore = "needs poppler-utils and LibreOffice (installed and run by .ci/run)"]
fn word_has_the_pdfs_masthead_and_last_page() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut without_third = jianbao::sample::issue();
    without_third.sections[0].articles.truncate(2);
    let mut one = jianbao::sample::issue();
    one.sections[0].articles.truncate(1);
    for (what, issue) in [
        ("without the third article", without_third),
        ("one article", one),
        ("the sample", jianbao::sample::issue()),
        ("twelve articles", jianbao::sample::large(12)),
    ] {
        let pdf = pdf_words(&export(&issue, dir.path()));
        let word = pdf_words(&word_through_libreoffice(&issue, dir.path()));
        let (pdf_pages, pdf_top, pdf_bottom) = footer_place(&pdf);
        let (word_pages, word_top, word_bottom) = footer_place(&word);
        assert_eq!(word_pages, pdf_pages, "{what}: pages");
        let close = |a: f64, b: f64| (a - b).abs() < 3.0;
        assert!(
            close(first_text_line(&word), first_text_line(&pdf)),
            "{what}: the text starts {} in Word, {} in the PDF",
            first_text_line(&word),
            first_text_line(&pdf)
        );
        assert!(
            close(word_top, pdf_top) && close(word_bottom, pdf_bottom),
            "{what}: the 报尾 at {word_top}–{word_bottom} in Word, {pdf_top}–{pdf_bottom} in the PDF"
        );
    }
}

/// `pdfimages -list` of `pdf`, and its image rows split into columns:
/// page num type width height color comp bpc enc interp object ID x-ppi
/// y-ppi size ratio.
fn pdf_images(pdf: &Path) -> (String, Vec<Vec<String>>) {
    let list = run("pdfimages", &["-list".as_ref(), pdf.as_os_str()]);
    let images = list
        .lines()
        .skip(2)
        .map(|l| l.split_whitespace().map(str::to_owned).collect::<Vec<_>>())
        .filter(|f| f.len() > 13 && f[2] == "image")
        .collect();
    (list, images)
}

/// A photo reaches the PDF as an image that prints sharply (pdfimages
/// gives its resolution on the page), and a table's cells read in order.
#[test]
#[ignore = "needs poppler-utils and qpdf (installed and run by .ci/run)"]
fn the_pdf_holds_the_photo_sharp_and_the_table_in_reading_order() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = export(&jianbao::sample::with_figures(), dir.path());
    let (list, image) = one_image_and_text(
        &pdf,
        &[
            "东城区志愿者在街巷开展文明引导",
            "房山区创城专项工作组专项工作组牵头单位完成时限综合协调组区创城办3月宣传动员组区委宣传部4月督查调查组区委督查室每季度",
        ],
    );
    let (width, ppi): (u32, f64) = (
        image[3].parse().expect("a width"),
        image[12].parse().expect("a resolution"),
    );
    assert_eq!(width, 1600, "the photo's own pixels: {list}");
    assert!(ppi >= 150.0, "{ppi} ppi: {list}");
}

/// The one image `pdf` holds (its `pdfimages -list` row, and the whole
/// list), after checking that its text holds each of `pieces`.
fn one_image_and_text(pdf: &Path, pieces: &[&str]) -> (String, Vec<String>) {
    let (list, mut images) = pdf_images(pdf);
    assert_eq!(images.len(), 1, "{list}");
    let text = pdf_text(pdf);
    for piece in pieces {
        assert!(text.contains(piece), "{piece} missing: {text}");
    }
    (list, images.remove(0))
}

/// LibreOffice opens the Word file of an issue with a photo and a table:
/// its PDF holds the image and the table's cells in order.
#[test]
#[ignore = "needs LibreOffice and poppler-utils (installed and run by .ci/run)"]
fn libreoffice_shows_the_words_photo_and_table() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = word_through_libreoffice(&jianbao::sample::with_figures(), dir.path());
    one_image_and_text(
        &pdf,
        &[
            "东城区志愿者在街巷开展文明引导",
            "房山区创城专项工作组",
            "综合协调组区创城办3月宣传动员组区委宣传部4月",
        ],
    );
}
