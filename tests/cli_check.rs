//! `jianbao check`, `jianbao new` and `jianbao review` as a user runs them.

mod common;

use std::path::{Path, PathBuf};

use common::jianbao;

fn check(path: &Path) -> (i32, String) {
    let out = jianbao(&["check".as_ref(), path.as_os_str()]);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().expect("exited"), text)
}

fn sample_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/samples/capital-civilization-briefing-2021-no11.ron")
}

#[test]
fn the_sample_checks_clean() {
    let (code, text) = check(&sample_path());
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("未发现问题"), "{text}");
}

#[test]
fn broken_files_are_refused_with_a_place_and_left_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sample = std::fs::read_to_string(sample_path()).expect("sample");
    let mut garbage: Vec<u8> = (0..=255u8).cycle().take(2000).collect();
    garbage[0] = 0x89;
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "truncated.ron",
            sample.as_bytes()[..sample.len() / 2].to_vec(),
            "行第",
        ),
        (
            "wrong-type.ron",
            sample
                .replacen("number: Some(11),", "number: Some(\"十一\"),", 1)
                .into_bytes(),
            "第 5 行第",
        ),
        (
            "future.ron",
            sample
                .replacen("schema: 3,", "schema: 999,", 1)
                .into_bytes(),
            "格式版本 999",
        ),
        ("empty.ron", Vec::new(), "文件是空的"),
        ("binary.ron", garbage, "第 1 行第 1 列"),
    ];
    for (name, bytes, expected) in &cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).expect("write case");
        let (code, text) = check(&path);
        assert_eq!(code, 2, "{name}: {text}");
        assert!(text.contains(name), "{name}: message names no file: {text}");
        assert!(
            text.contains(expected),
            "{name}: expected {expected:?} in {text}"
        );
        assert_eq!(
            &std::fs::read(&path).expect("read back"),
            bytes,
            "{name} was modified"
        );
    }
    // The newer-version message names the version this program supports too.
    let (_, text) = check(&dir.path().join("future.ron"));
    let supported = format!("格式版本 {}", jianbao::model::SCHEMA_VERSION);
    assert!(text.contains(&supported), "{text}");
}

#[test]
fn problems_exit_one_and_name_their_place() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("new.ron");
    let out = jianbao(&["new".as_ref(), "-o".as_ref(), path.as_os_str()]);
    assert!(out.status.success(), "{out:?}");
    let (code, text) = check(&path);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("简报名称：简报名称未填写"), "{text}");
    assert!(text.contains("编印单位：编印单位未填写"), "{text}");

    // `new` never replaces a file unless asked.
    let before = std::fs::read(&path).expect("read");
    let again = jianbao(&["new".as_ref(), "-o".as_ref(), path.as_os_str()]);
    assert_eq!(again.status.code(), Some(2));
    assert_eq!(std::fs::read(&path).expect("read"), before);
}

#[test]
fn a_missing_file_and_a_folder_exit_two() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (code, text) = check(&dir.path().join("没有这个文件.ron"));
    assert_eq!(code, 2);
    assert!(
        text.contains("没有这个文件.ron") && text.contains("不存在"),
        "{text}"
    );
    let (code, text) = check(dir.path());
    assert_eq!(code, 2, "{text}");
}

#[test]
fn english_messages_on_request() {
    let out = jianbao(&[
        "--lang".as_ref(),
        "en".as_ref(),
        "check".as_ref(),
        sample_path().as_os_str(),
    ]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("no problems found"));
}

#[test]
fn every_command_has_help() {
    for (lang, usage) in [("en", "Usage"), ("zh", "用法")] {
        for command in [None, Some("check"), Some("new")] {
            let mut args = vec!["--lang", lang];
            args.extend(command);
            args.push("--help");
            let args: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_ref()).collect();
            let out = jianbao(&args);
            assert!(out.status.success());
            let help = String::from_utf8_lossy(&out.stdout);
            assert!(help.contains(usage), "{lang} {command:?}: {help}");
        }
    }
}

#[test]
fn an_older_format_is_read_and_left_as_it_is() {
    let old = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/schema-v1-sample.ron");
    let before = std::fs::read(&old).expect("read");
    let (code, text) = check(&old);
    assert_eq!(code, 0, "{text}");
    assert_eq!(
        std::fs::read(&old).expect("read"),
        before,
        "checking never rewrites"
    );
    // A version-1 file predates series: it reads with none.
    let mut sample = jianbao::sample::issue();
    sample.series = Default::default();
    assert_eq!(
        jianbao::store::load(&old).expect("loads"),
        sample,
        "version 1 reads as today's model"
    );
}

#[test]
fn review_prints_status_history_and_open_comments() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("第11期.ron");
    let at = chrono::NaiveDate::from_ymd_opt(2021, 2, 24)
        .and_then(|d| d.and_hms_opt(9, 30, 0))
        .expect("a time");
    let mut issue = jianbao::sample::issue();
    let changping = issue.sections[0].articles[2].id;
    let review = &mut issue.review;
    review
        .change_status(jianbao::model::Status::InReview, "李编辑", at, "")
        .expect("allowed");
    review
        .change_status(jianbao::model::Status::Returned, "王审阅", at, "数字待核")
        .expect("allowed");
    review.comment(changping, None, "王审阅", at, "“1218”处请核实");
    jianbao::store::save(&path, &issue).expect("save");

    let out = jianbao(&["review".as_ref(), path.as_os_str()]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("状态：退回"), "{text}");
    assert!(text.contains("王审阅：送审 → 退回（数字待核）"), "{text}");
    assert!(text.contains("未处理的批注（1）"), "{text}");
    assert!(
        text.contains("昌平区 · 王审阅 · 2021-02-24 09:30"),
        "{text}"
    );

    // The sample has no review: a draft, nothing else.
    let out = jianbao(&["review".as_ref(), sample_path().as_os_str()]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("状态：草稿") && text.contains("未处理的批注（0）"),
        "{text}"
    );

    // A missing file: exit 2 with its name.
    let missing = dir.path().join("没有这个文件.ron");
    let out = jianbao(&["review".as_ref(), missing.as_os_str()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("没有这个文件.ron"));
}

/// `jianbao new --profile`: an issue of the series with every default,
/// numbered after the drafts kept beside the profile; a broken profile is
/// refused with its place, and nothing is written.
#[test]
fn new_from_a_profile_fills_the_defaults_and_numbers_on() {
    use jianbao::model::Profile;
    let dir = tempfile::tempdir().expect("temp dir");
    let (_, text) = jianbao::assets::BUNDLED_PROFILES[1];
    let profile: Profile = jianbao::store::profile_from_ron(text, Path::new("p")).expect("bundled");
    let profile_path = dir.path().join("东湖大学信息专报.profile.ron");
    jianbao::store::save_profile(&profile_path, &profile).expect("saved");
    let today = chrono::Local::now().date_naive();
    let mut third = profile.new_issue(today);
    third.masthead.number = Some(3);
    third.masthead.total_number = Some(15);
    jianbao::store::save(&dir.path().join("第三期.ron"), &third).expect("saved");

    let new_from = |profile: &Path, output: &Path| {
        jianbao(&[
            "new".as_ref(),
            "--profile".as_ref(),
            profile.as_os_str(),
            "-o".as_ref(),
            output.as_os_str(),
        ])
    };
    let out_path = dir.path().join("第四期.ron");
    let out = new_from(&profile_path, &out_path);
    assert!(out.status.success(), "{out:?}");
    let issue = jianbao::store::load(&out_path).expect("loads");
    assert_eq!(issue.masthead.number, Some(4));
    assert_eq!(issue.masthead.total_number, Some(16));
    assert_eq!(issue.masthead.date, Some(today));
    assert_eq!(Profile::from_issue(&issue), profile, "every default taken");

    let broken = dir.path().join("坏.profile.ron");
    std::fs::write(&broken, "(\n    schema: 1,\n    series: 3,\n)").expect("written");
    let refused = dir.path().join("refused.ron");
    let out = new_from(&broken, &refused);
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("坏.profile.ron") && said.contains("第 3 行"),
        "{said}"
    );
    assert!(!refused.exists());
}
