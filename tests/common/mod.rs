//! Helpers shared by the integration tests.
#![allow(dead_code)] // each test binary uses a different part

use jianbao::model::{Article, ArticleId, Classification, Paragraph, Section, Span};

/// Strings that mean something to typst, HTML or XML.
pub const HOSTILE: &[&str] = &[
    "#read(\"/etc/passwd\")",
    "#{1+1}",
    "$x^2$",
    "]",
    "[",
    "*bold*",
    "_x_",
    "<label>",
    "@ref",
    "//",
    "/*",
    "\\",
    "\\\\n",
    "#import \"@preview/cetz:0.2.0\"",
    "#set page(width: 1cm)",
    "<script>alert('x')</script>",
    "&amp;",
    "&lt;b&gt;",
    "]]>",
    "<!--",
];

/// Runs the `jianbao` binary with messages in Chinese.
pub fn jianbao(args: &[&std::ffi::OsStr]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_jianbao"))
        .args(args)
        .env("JIANBAO_LANG", "zh")
        .output()
        .expect("the binary runs")
}

/// Runs `jianbao`: its exit code and everything it printed.
pub fn run(args: &[&std::ffi::OsStr]) -> (i32, String) {
    let out = jianbao(args);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().expect("exited"), text)
}

/// A copy of the sample draft in `dir`, named `name`.
pub fn sample_copy(dir: &std::path::Path, name: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("assets/samples/capital-civilization-briefing-2021-no11.ron"),
        &path,
    )
    .expect("copy");
    path
}

pub fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A string for one field: its tag and every hostile string.
pub fn hostile(tag: &str) -> String {
    format!("{tag}〔{}〕", HOSTILE.join(" "))
}

/// The sample issue with every text field replaced by hostile text.
pub fn hostile_issue() -> (jianbao::model::Issue, Vec<String>) {
    let mut issue = jianbao::sample::issue();
    let mut expected = Vec::new();
    let mut put = |slot: &mut String, tag: &str| {
        *slot = hostile(tag);
        expected.push(slot.clone());
    };
    put(&mut issue.masthead.name, "名称");
    put(&mut issue.masthead.office, "单位");
    issue.masthead.classification = Some(Classification::Internal);
    issue.masthead.copy_serial = true;
    let mut note = String::new();
    put(&mut note, "编者按");
    issue.editors_note = Some(note);
    let mut heading = String::new();
    put(&mut heading, "栏目");
    let mut article = Article::new(ArticleId(7));
    // The unit is not printed when the attribution is the editor's own.
    article.unit = hostile("单位名");
    put(&mut article.lead, "导语");
    let (mut bold, mut plain, mut attribution) = (String::new(), String::new(), String::new());
    put(&mut bold, "小标题");
    put(&mut plain, "正文");
    put(&mut attribution, "落款");
    article.body = vec![Paragraph {
        spans: vec![Span::bold(bold), Span::plain(plain)],
    }];
    article.attribution = Some(attribution);
    issue.sections.push(Section {
        heading,
        articles: vec![article],
    });
    let f = &mut issue.footer;
    put(&mut f.editor, "责编");
    put(&mut f.proofreader, "核稿");
    put(&mut f.phone, "电话");
    put(&mut f.fax, "传真");
    put(&mut f.email, "邮箱");
    let d = &mut issue.distribution;
    put(&mut d.report_to, "报");
    put(&mut d.send_to, "送");
    put(&mut d.issue_to, "发");
    // Font names reach the template too; they must not break it.
    issue.style.body_font = hostile("字体");
    issue.style.title_font = "\")#read(\"/etc/passwd".into();
    (issue, expected)
}
