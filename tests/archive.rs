//! The archive of past issues: a generated archive of 2,200 issues read,
//! numbered and searched; `jianbao archive` as a user runs it.

mod common;

use std::path::Path;

use common::jianbao;
use jianbao::archive::Archive;
use jianbao::archive::numbering::{self, Problem};
use jianbao::archive::search::{Query, search};

#[test]
fn a_generated_archive_of_2200_issues_reads_whole_and_numbers_cleanly() {
    let dir = tempfile::tempdir().expect("temp dir");
    jianbao::sample::write_archive(dir.path(), 2200).expect("written");
    let archive = Archive::scan(dir.path(), &mut |_, _| {});
    assert_eq!(archive.entries.len(), 2200);
    assert!(archive.failures.is_empty());
    assert_eq!(
        numbering::problems(&archive.entries),
        Vec::new(),
        "a clean weekly series"
    );

    let latest = numbering::latest(&archive.entries).expect("newest");
    assert_eq!(latest.total_number, Some(2200));
    let newest = jianbao::store::load(&latest.path).expect("loads");
    let year = latest.year().expect("dated");
    let next = numbering::next_issue(
        &newest,
        &archive.entries,
        chrono::NaiveDate::from_ymd_opt(year, 12, 31).expect("a day"),
        false,
    );
    assert_eq!(next.masthead.number, latest.number.map(|n| n + 1));
    assert_eq!(next.masthead.total_number, Some(2201));

    let (hits, total) = search(
        &archive,
        &Query {
            text: "小巷管家".into(),
            ..Query::default()
        },
        20,
    );
    assert!(total > 500, "{total}");
    assert_eq!(hits.len(), 20);
    assert!(hits.iter().all(|h| h.matched == "小巷管家"));
}

fn write(dir: &Path, file: &str, number: u32, total: u32, date: (i32, u32, u32)) {
    let mut issue = jianbao::sample::issue();
    issue.masthead.number = Some(number);
    issue.masthead.total_number = Some(total);
    issue.masthead.date = chrono::NaiveDate::from_ymd_opt(date.0, date.1, date.2);
    jianbao::store::save(&dir.join(file), &issue).expect("save");
}

#[test]
fn the_cli_lists_searches_and_reports_numbering() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "第9期.ron", 9, 2175, (2021, 2, 11));
    write(dir.path(), "第11期.ron", 11, 2177, (2021, 2, 25));
    write(dir.path(), "第11期-副本.ron", 11, 2177, (2021, 2, 25));

    let out = jianbao(&[
        "archive".as_ref(),
        dir.path().as_os_str(),
        "--list".as_ref(),
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("2021-02-25  首都精神文明建设情况简报  第 11 期  总第 2177 期  草稿  3 篇文章  第11期.ron"), "{text}");
    assert!(text.contains("共 3 期"), "{text}");
    assert!(
        text.contains("2021 年第 11 期重复：第11期-副本.ron、第11期.ron"),
        "{text}"
    );
    assert!(
        text.contains("2021 年缺第 1、2、3、4、5、6、7、8、10 期"),
        "{text}"
    );
    assert!(text.contains("缺总第 2176 期"), "{text}");

    let out = jianbao(&[
        "archive".as_ref(),
        dir.path().as_os_str(),
        "--search".as_ref(),
        "回天".as_ref(),
        "--from".as_ref(),
        "2021-02-20".as_ref(),
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("2021-02-25 第 11 期 · 昌平区：…"), "{text}");
    assert!(text.contains("[回天]"), "{text}");
    assert!(
        !text.contains("第 9 期"),
        "the date filter leaves out issue 9: {text}"
    );
    assert!(text.contains("共 2 处"), "{text}");

    let missing = dir.path().join("没有");
    let out = jianbao(&["archive".as_ref(), missing.as_os_str()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("不是文件夹"));
}

#[test]
fn problems_name_their_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "a.ron", 1, 1, (2021, 1, 7));
    write(dir.path(), "b.ron", 1, 2, (2021, 1, 14));
    let archive = Archive::scan(dir.path(), &mut |_, _| {});
    let problems = numbering::problems(&archive.entries);
    let [Problem::Duplicate { paths, .. }] = problems.as_slice() else {
        panic!("one duplicate: {problems:#?}");
    };
    assert_eq!(paths.len(), 2);
    let said = jianbao::i18n::messages::numbering_problem(
        &problems[0],
        dir.path(),
        jianbao::i18n::Lang::En,
    );
    assert_eq!(
        said,
        "首都精神文明建设情况简报 2021: no. 1 appears more than once: a.ron, b.ron"
    );
}
