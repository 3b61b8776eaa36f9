//! Word, HTML, plain text, page images and numbered copies, checked the way
//! their readers see them.

mod common;

use std::sync::Arc;

use common::{hostile_issue, squeeze};
use jianbao::export::{self, Copies, Format, Plan};
use jianbao::typeset::{FontSet, PrintOptions, Typesetter};
use scraper::{ElementRef, Html, Selector};

const SOURCE: &str = include_str!("data/capital-civilization-briefing-2021-no11.txt");

fn select<'a>(document: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    let selector = Selector::parse(css).unwrap_or_else(|e| panic!("selector {css}: {e:?}"));
    document.select(&selector).collect()
}

fn text(element: &ElementRef<'_>) -> String {
    element.text().collect()
}

/// The one element whose text is exactly `expected`; it must match `css`.
fn the_element_saying(document: &Html, css: &str, expected: &str) {
    let all = select(document, "body *");
    let saying: Vec<_> = all
        .iter()
        .filter(|e| {
            text(e) == expected
                && !e.children().any(|c| {
                    c.value().is_element()
                        && text(&ElementRef::wrap(c).expect("element")) == expected
                })
        })
        .collect();
    assert_eq!(
        saying.len(),
        1,
        "“{expected}” should be in exactly one element, found {}",
        saying.len()
    );
    let wanted = select(document, css);
    assert!(
        wanted.iter().any(|w| w.id() == saying[0].id()),
        "“{expected}” is not in {css}"
    );
}

/// The body of the issue's Word export, `word/document.xml`, as text.
fn word_document(issue: &jianbao::model::Issue) -> String {
    let docx = export::to_docx(issue).expect("docx");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("zip");
    let mut word = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("word/document.xml").expect("document.xml"),
        &mut word,
    )
    .expect("read");
    word
}

#[test]
fn html_is_valid_and_each_field_sits_in_its_element() {
    let issue = jianbao::sample::issue();
    let page = export::to_html(&issue);
    let document = Html::parse_document(&page);
    assert!(
        document.errors.is_empty(),
        "HTML5 parse errors: {:?}",
        document.errors
    );
    assert!(page.starts_with("<!DOCTYPE html>"));

    let m = &issue.masthead;
    the_element_saying(&document, "header h1.name", &m.name);
    the_element_saying(&document, "header p.number", &m.number_text());
    the_element_saying(
        &document,
        "header p.total",
        &m.total_number_text().expect("total"),
    );
    the_element_saying(&document, "header span.office", &m.office);
    the_element_saying(&document, "header time.date", &m.date_text());
    the_element_saying(&document, "main section h2", "【文明创建】");
    for (_, _, article) in issue.articles() {
        let css = format!("article#article-{}", article.id.0);
        the_element_saying(&document, &format!("{css} strong.lead"), &article.lead);
        for span in article
            .body
            .iter()
            .flat_map(|p| p.spans.iter())
            .filter(|s| s.bold)
        {
            the_element_saying(&document, &format!("{css} b"), &span.text);
        }
        the_element_saying(
            &document,
            &format!("{css} p.attribution"),
            &format!("（{}）", issue.attribution_of(article)),
        );
    }
    let f = &issue.footer;
    the_element_saying(
        &document,
        "footer span.editor",
        &format!("责编：{}", f.editor),
    );
    the_element_saying(
        &document,
        "footer span.email",
        &format!("邮箱：{}", f.email),
    );
    for (label, line) in issue.distribution.lines() {
        the_element_saying(
            &document,
            "footer p.recipients",
            &format!("{label}：{line}"),
        );
    }
    assert_eq!(
        select(&document, "time.date")[0].value().attr("datetime"),
        Some("2021-02-25")
    );
}

#[test]
fn markup_in_html_stays_text() {
    let (issue, expected) = hostile_issue();
    let page = export::to_html(&issue);
    let document = Html::parse_document(&page);
    assert!(
        document.errors.is_empty(),
        "HTML5 parse errors: {:?}",
        document.errors
    );
    assert!(
        select(&document, "script").is_empty(),
        "no script element was injected"
    );
    assert!(
        select(&document, "label, ref, x").is_empty(),
        "no element came from user text"
    );
    let comments = document.tree.values().filter(|n| n.is_comment()).count();
    assert_eq!(comments, 0, "no comment came from user text");
    let body: String = text(&select(&document, "body")[0]);
    for field in expected {
        assert!(body.contains(&field), "{field} is not in the page as text");
    }
}

/// Whitespace gone, and the widths of the bracket and colon around fixed
/// labels folded: the printed bulletin mixes 责编: and (房山区文明办) with
/// full-width forms; the export writes full-width throughout.
fn normalize(text: &str) -> String {
    squeeze(text)
        .chars()
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '：' => ':',
            other => other,
        })
        .collect()
}

#[test]
fn plain_text_reproduces_the_sample_bulletin() {
    let issue = jianbao::sample::issue();
    let text = export::to_text(&issue);
    assert_eq!(normalize(&text), normalize(SOURCE));
    // Article texts need no folding at all: they are verbatim.
    for (_, _, article) in issue.articles() {
        assert!(text.contains(&format!("{}{}", article.lead, article.body_text())));
    }
}

#[test]
fn numbered_copies_carry_their_serials_and_the_print_count() {
    let mut typesetter = Typesetter::new(Arc::new(FontSet::bundled()));
    let issue = jianbao::sample::issue();
    let single = typesetter.compile(&issue).expect("typesets").page_count();
    let document = typesetter
        .compile_with(&issue, &PrintOptions::numbered(3))
        .expect("typesets");
    assert_eq!(
        document.page_count(),
        3 * single,
        "each copy starts on a new page"
    );
    let all: String = (0..document.page_count())
        .map(|i| document.page_text(i))
        .collect();
    for serial in ["000001", "000002", "000003"] {
        assert_eq!(all.matches(serial).count(), 1, "{serial}");
    }
    assert_eq!(
        all.matches("共印3份").count() + all.matches("共印 3 份").count(),
        3
    );
    // Each copy numbers its pages from 1.
    assert_eq!(
        squeeze(&document.page_text(single)).matches("—1—").count(),
        1
    );
}

#[test]
fn a_plan_writes_every_format() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = Plan {
        formats: Format::ALL.to_vec(),
        folder: dir.path().to_owned(),
        pattern: "{name}-{number}".into(),
        copies: Some(Copies {
            count: 2,
            one_file: false,
        }),
        png_scale: 0.5,
    };
    let issue = jianbao::sample::issue();
    let targets = plan.targets(&issue);
    let mut typesetter = Typesetter::new(Arc::new(FontSet::bundled()));
    let mut steps = Vec::new();
    let written = export::run(&mut typesetter, &issue, &targets, &mut |done, total| {
        steps.push((done, total))
    })
    .expect("exports");
    assert_eq!(steps.last(), Some(&(targets.len(), targets.len())));
    for path in &written {
        let bytes = std::fs::read(path).expect("written");
        assert!(!bytes.is_empty(), "{} is empty", path.display());
    }
    let names: Vec<String> = written
        .iter()
        .map(|p| p.file_name().expect("name").to_string_lossy().into_owned())
        .collect();
    for name in [
        "首都精神文明建设情况简报-11-000001.pdf",
        "首都精神文明建设情况简报-11-000002.pdf",
        "首都精神文明建设情况简报-11.docx",
        "首都精神文明建设情况简报-11.html",
        "首都精神文明建设情况简报-11.txt",
        "首都精神文明建设情况简报-11-04.png",
    ] {
        assert!(
            names.iter().any(|n| n == name),
            "{name} missing from {names:?}"
        );
    }
    assert!(
        std::fs::read(dir.path().join("首都精神文明建设情况简报-11.docx"))
            .expect("docx")
            .starts_with(b"PK")
    );
    assert_eq!(
        export::existing(&targets).len(),
        targets.len() + 3,
        "every file, every page image"
    );
}

#[test]
fn comments_and_the_review_never_reach_an_export() {
    let at = chrono::NaiveDate::from_ymd_opt(2021, 2, 24)
        .and_then(|d| d.and_hms_opt(9, 30, 0))
        .expect("a time");
    let plain = jianbao::sample::issue();
    let mut reviewed = plain.clone();
    let dong = reviewed.sections[0].articles[0].id;
    let text = reviewed.sections[0].articles[0].body[0].text();
    let quote = jianbao::model::Quote::capture(&text, 0..6);
    let review = &mut reviewed.review;
    review
        .change_status(
            jianbao::model::Status::InReview,
            "李编辑人",
            at,
            "备注丁戊己",
        )
        .expect("allowed");
    review.comment(dong, Some(quote), "王审阅人", at, "审阅意见甲乙丙");
    let secrets = ["李编辑人", "备注丁戊己", "王审阅人", "审阅意见甲乙丙"];

    let html = export::to_html(&reviewed);
    let text = export::to_text(&reviewed);
    let word = word_document(&reviewed);
    let mut typesetter = Typesetter::new(Arc::new(FontSet::bundled()));
    let document = typesetter.compile(&reviewed).expect("typesets");
    let pages: String = (0..document.page_count())
        .map(|i| document.page_text(i))
        .collect();
    let reviewed_pages: Vec<Option<u128>> = (0..document.page_count())
        .map(|i| document.page_fingerprint(i))
        .collect();
    for secret in secrets {
        for (what, output) in [
            ("HTML", &html),
            ("text", &text),
            ("Word", &word),
            ("PDF", &pages),
        ] {
            assert!(
                !output.contains(secret),
                "“{secret}” is in the {what} export"
            );
        }
    }

    // The same outputs as without any review at all.
    assert_eq!(html, export::to_html(&plain));
    assert_eq!(text, export::to_text(&plain));
    let document = typesetter.compile(&plain).expect("typesets");
    let plain_pages: Vec<Option<u128>> = (0..document.page_count())
        .map(|i| document.page_fingerprint(i))
        .collect();
    assert_eq!(reviewed_pages, plain_pages);
}

/// An article's own title line reaches every format once, above its text:
/// the pages, Word (centred, kept with the text), HTML and plain text.
#[test]
fn an_article_title_line_reaches_every_format() {
    let mut issue = jianbao::sample::issue();
    let title = "东城区召开文明城区创建推进会";
    issue.sections[0].articles[0].title = title.into();
    let lead = issue.sections[0].articles[0].lead.clone();

    let text = export::to_text(&issue);
    let title_at = text.find(title).expect("the title in the text");
    assert!(title_at < text.find(&lead).expect("the lead"), "{text}");
    assert_eq!(text.matches(title).count(), 1);

    let html = Html::parse_document(&export::to_html(&issue));
    the_element_saying(&html, "article h3.title.centred", title);

    let word = word_document(&issue);
    let paragraph = word
        .split("<w:p>")
        .find(|p| p.contains(title))
        .expect("the title's paragraph");
    assert!(
        paragraph.contains(r#"<w:jc w:val="center" />"#),
        "{paragraph}"
    );
    assert!(paragraph.contains("<w:keepNext"), "{paragraph}");

    let mut typesetter = Typesetter::new(Arc::new(FontSet::bundled()));
    let document = typesetter.compile(&issue).expect("typesets");
    let page = squeeze(&document.page_text(0));
    let at = page.find(title).expect("the title on page 1");
    assert!(at < page.find(&squeeze(&lead)).expect("the lead"), "{page}");
}
