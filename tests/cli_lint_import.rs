//! `jianbao lint` and `jianbao import` as a user runs them.

mod common;

use std::path::{Path, PathBuf};

use common::run as jianbao;

fn sample_copy(dir: &Path) -> PathBuf {
    common::sample_copy(dir, "第11期.ron")
}

#[test]
fn lint_lists_the_half_width_punctuation_of_the_later_articles_and_fix_clears_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = sample_copy(dir.path());
    let before = std::fs::read(&path).expect("read");

    let (code, text) = jianbao(&["lint".as_ref(), path.as_os_str()]);
    assert_eq!(code, 1, "{text}");
    let half: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("[punct.halfwidth]"))
        .collect();
    assert!(half.len() > 20, "{text}");
    assert!(
        half.iter().any(|l| l.contains("第 1 栏第 2 篇"))
            && half.iter().any(|l| l.contains("第 1 栏第 3 篇"))
    );
    assert!(
        !half.iter().any(|l| l.contains("第 1 栏第 1 篇")),
        "东城区's article is clean"
    );
    assert!(
        half.iter().any(|l| l.contains("发送范围 · 报")),
        "the distribution lines too"
    );
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "lint without --fix writes nothing"
    );

    let (code, text) = jianbao(&["lint".as_ref(), "--fix".as_ref(), path.as_os_str()]);
    assert!(text.contains("已自动修正"), "{text}");
    assert_eq!(
        code, 1,
        "the slogans' spaces are left for the editor: {text}"
    );
    assert_eq!(
        std::fs::read(path.with_file_name("第11期.ron.bak")).expect("backup"),
        before
    );

    let (code, text) = jianbao(&[
        "lint".as_ref(),
        "--rule".as_ref(),
        "punct.halfwidth".as_ref(),
        path.as_os_str(),
    ]);
    assert_eq!(code, 0, "{text}");
    let (code, _) = jianbao(&["check".as_ref(), path.as_os_str()]);
    assert_eq!(code, 0, "the fixed draft is still a valid draft");
}

#[test]
fn unknown_rules_and_unreadable_files_are_errors() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = sample_copy(dir.path());
    let (code, text) = jianbao(&[
        "lint".as_ref(),
        "--rule".as_ref(),
        "no.such".as_ref(),
        path.as_os_str(),
    ]);
    assert_eq!(code, 2);
    assert!(
        text.contains("punct.halfwidth"),
        "the known rules are listed: {text}"
    );
    let (code, _) = jianbao(&["lint".as_ref(), dir.path().join("无.ron").as_os_str()]);
    assert_eq!(code, 2);
}

#[test]
fn import_reads_utf8_and_gbk_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let source = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/capital-civilization-briefing-2021-no11.txt");
    let text = std::fs::read_to_string(&source).expect("read");
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable);
    let gbk_path = dir.path().join("gbk.txt");
    std::fs::write(&gbk_path, &gbk).expect("write");

    for (input, output) in [(&source, "utf8.ron"), (&gbk_path, "gbk.ron")] {
        let out = dir.path().join(output);
        let (code, text) = jianbao(&[
            "import".as_ref(),
            input.as_os_str(),
            "-o".as_ref(),
            out.as_os_str(),
        ]);
        assert_eq!(code, 0, "{text}");
        assert!(text.contains("已导入 3 篇文章"), "{text}");
        let issue = jianbao::store::load(&out).expect("a valid draft");
        assert_eq!(issue.masthead, jianbao::sample::issue().masthead);
    }
    // An existing draft is not replaced without --force.
    let (code, _) = jianbao(&[
        "import".as_ref(),
        source.as_os_str(),
        "-o".as_ref(),
        dir.path().join("gbk.ron").as_os_str(),
    ]);
    assert_eq!(code, 2);
}
