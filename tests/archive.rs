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

/// 催稿 from a generated archive: six issues in which 东城区 sends to the
/// first two only, 房山区 to none after the third, 昌平区 to every one.
#[test]
fn the_cli_names_the_units_to_chase_and_writes_a_years_figures() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sample = jianbao::sample::issue();
    for number in 1..=6u32 {
        let mut issue = sample.clone();
        issue.masthead.number = Some(number);
        issue.masthead.date = chrono::NaiveDate::from_ymd_opt(2021, number, 10);
        let section = &mut issue.sections[0];
        section.articles.retain(|a| match a.unit.as_str() {
            "东城区" => number <= 2,
            "房山区" => number <= 3,
            _ => true,
        });
        jianbao::store::save(&dir.path().join(format!("第{number}期.ron")), &issue).expect("save");
    }
    let run = |args: &[&str]| {
        let mut all: Vec<&std::ffi::OsStr> = vec!["--lang".as_ref(), "zh".as_ref()];
        all.extend(["archive".as_ref(), dir.path().as_os_str()]);
        all.extend(args.iter().map(std::ffi::OsStr::new));
        let out = jianbao(&all);
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let text = run(&["--overdue", "3"]);
    let lines: Vec<&str> = text.lines().collect();
    // The districts never heard from come first; then 东城区 (4 issues
    // since) before 房山区 (3); 昌平区 is not listed.
    let dongcheng = lines
        .iter()
        .position(|l| l.starts_with("东城区："))
        .expect("东城区");
    let fangshan = lines
        .iter()
        .position(|l| l.starts_with("房山区："))
        .expect("房山区");
    assert!(lines[0].ends_with("从未报送"), "{text}");
    assert!(dongcheng < fangshan, "{text}");
    assert_eq!(
        lines[dongcheng],
        "东城区：最近一次为第 2 期（2021-02-10），此后 4 期未报送"
    );
    assert!(!text.contains("昌平区："), "{text}");
    assert!(
        text.contains("请以下单位尽快报送稿件（近 3 期简报未见来稿）："),
        "{text}"
    );

    let csv_path = dir.path().join("2021.csv");
    run(&["--figures", "2021", "-o", csv_path.to_str().expect("utf-8")]);
    let csv = std::fs::read_to_string(&csv_path).expect("written");
    let rows: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(rows[0], "单位,文章数,字数,见报期数");
    assert!(rows[1].starts_with("昌平区,6,"), "{csv}");
    assert!(
        rows.iter()
            .any(|r| r.starts_with("东城区,2,") && r.ends_with(",2")),
        "{csv}"
    );
    assert!(
        rows.contains(&"延庆区,0,0,0"),
        "expected districts are listed: {csv}"
    );
}

/// Made-up prose: six sentences a paragraph, each from 12 × 12 × 12
/// parts chosen by a seeded generator, so that no two paragraphs share
/// more than a sentence by chance.
fn prose(seed: &mut u64) -> String {
    const WHO: [&str; 12] = [
        "街道工委",
        "区文明办",
        "社区党委",
        "志愿服务队",
        "区城管委",
        "区教委",
        "区卫健委",
        "区商务局",
        "团区委",
        "区妇联",
        "区文旅局",
        "区交通支队",
    ];
    const DID: [&str; 12] = [
        "组织开展",
        "持续推进",
        "深入实施",
        "全面启动",
        "扎实做好",
        "统筹部署",
        "精心策划",
        "广泛动员",
        "认真落实",
        "创新开展",
        "集中整治",
        "定期督导",
    ];
    const WHAT: [&str; 12] = [
        "垃圾分类入户宣传",
        "背街小巷环境整治",
        "文明交通引导行动",
        "邻里互助结对帮扶",
        "老旧小区加装电梯",
        "学雷锋志愿服务活动",
        "餐饮浪费专项检查",
        "社区健康义诊",
        "公共空间微更新",
        "诚信经营承诺活动",
        "红色文化寻访",
        "校园周边秩序整治",
    ];
    let mut next = || {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        (*seed % 12) as usize
    };
    (0..6)
        .map(|n| {
            format!(
                "{}{}{}，覆盖{}个点位。",
                WHO[next()],
                DID[next()],
                WHAT[next()],
                10 + n * 7 + next()
            )
        })
        .collect()
}

/// Thirty issues of the sample's masthead, footer and section heading with
/// made-up articles; issue 30's 朝阳区 article repeats issue 9's second
/// paragraph with a few words changed. Only that paragraph is reported,
/// naming issue 9 — not the masthead, the footer, the section heading or
/// the leads all issues share.
#[test]
fn repeated_copy_is_found_in_the_archive_and_nothing_else_is() {
    let dir = tempfile::tempdir().expect("temp dir");
    let template = jianbao::sample::issue();
    let mut seed = 0x2021_0225_u64;
    let mut copied = String::new();
    for number in 1..=30u32 {
        let mut issue = template.clone();
        issue.masthead.number = Some(number);
        issue.masthead.date = chrono::NaiveDate::from_ymd_opt(2021, 1, 1)
            .map(|d| d + chrono::Days::new(7 * u64::from(number)));
        for (a, article) in issue.sections[0].articles.iter_mut().enumerate() {
            article.body = (0..3)
                .map(|_| jianbao::model::Paragraph::plain(prose(&mut seed)))
                .collect();
            if number == 9 && a == 1 {
                copied = article.body[1].text();
            }
            if number == 30 && a == 2 {
                let edited = copied
                    .replacen("，覆盖", "，共覆盖", 2)
                    .replacen('。', "；", 1);
                article.body[0] = jianbao::model::Paragraph::plain(edited);
            }
        }
        jianbao::store::save(&dir.path().join(format!("第{number}期.ron")), &issue).expect("save");
    }
    let issue_9 = jianbao::store::load(&dir.path().join("第9期.ron")).expect("loads");
    let unit_9 = issue_9.sections[0].articles[1].unit.clone();

    let draft = dir.path().join("第30期.ron");
    let out = jianbao(&[
        "--lang".as_ref(),
        "zh".as_ref(),
        "lint".as_ref(),
        draft.as_os_str(),
        "--rule".as_ref(),
        "copy.repeated".as_ref(),
        "--archive".as_ref(),
        dir.path().as_os_str(),
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "a finding: {text}");
    let found: Vec<&str> = text.lines().collect();
    assert_eq!(found.len(), 1, "only the copied paragraph: {text}");
    // Body paragraph 2 (the lead is not counted).
    let expected = format!("与第 9 期（2021 年 3 月 5 日）{unit_9}稿件第 2 段重复");
    assert!(found[0].contains(&expected), "{text}");
    assert!(found[0].contains("第 1 栏第 3 篇 · 正文第 1 段"), "{text}");
}

/// A year of 50 issues bound into one volume: the 目录 gives each issue
/// and each article the page where it starts, the page numbers run on
/// through the volume, and the units are indexed.
#[test]
fn a_year_of_50_issues_binds_into_one_volume_with_exact_page_numbers() {
    let issues: Vec<jianbao::model::Issue> = (1..=50u32)
        .map(|n| {
            let mut issue = jianbao::sample::archive_issue(n as usize + 2100);
            issue.masthead.number = Some(n);
            issue
        })
        .collect();
    let fonts = std::sync::Arc::new(jianbao::typeset::FontSet::bundled());
    let doc = jianbao::typeset::compile_volume(
        fonts,
        &issues,
        "首都精神文明建设情况简报",
        "2021 年合订本",
    )
    .expect("typesets");
    let marks = doc.article_marks().to_vec();
    let articles: usize = issues.iter().map(|i| i.articles().count()).sum();
    assert_eq!(marks.len(), articles);
    let first_issue_page = marks[0].page;

    // The 目录: every number that ends a dotted line, in order.
    let contents: String = (1..first_issue_page).map(|p| doc.page_text(p)).collect();
    let listed: Vec<usize> = contents
        .split('．')
        .filter_map(|piece| {
            let digits: String = piece.chars().take_while(char::is_ascii_digit).collect();
            digits.parse().ok()
        })
        .collect();
    // Expected: each issue's first page (its masthead shares the page with
    // its first article here), then each of its articles' pages.
    let mut expected = Vec::new();
    let mut k = 0;
    for issue in &issues {
        let count = issue.articles().count();
        expected.push(marks[k].page + 1);
        expected.extend(marks[k..k + count].iter().map(|m| m.page + 1));
        k += count;
    }
    assert_eq!(listed, expected, "the 目录's page numbers");

    // Page numbers run on through the volume.
    for page in [first_issue_page, doc.page_count() / 2, doc.page_count() - 2] {
        let text = doc.page_text(page);
        assert!(
            text.contains(&format!("— {} —", page + 1)),
            "page {}: {text}",
            page + 1
        );
    }
    // The index, on the last pages.
    let index: String = (doc.page_count() - 3..doc.page_count())
        .map(|p| doc.page_text(p))
        .collect();
    assert!(index.contains("单位索引"), "{index}");
    let series = jianbao::sample::issue().series;
    for unit in series.unit_names() {
        let listed_here = issues
            .iter()
            .any(|i| i.articles().any(|(_, _, a)| a.unit == unit));
        if listed_here {
            assert!(index.contains(unit), "{unit} in the index: {index}");
        }
    }
}

/// `jianbao compile`: a year, a range of numbers or of dates; what is odd
/// is said first; an empty range is refused.
#[test]
fn the_cli_binds_a_year_or_a_range_and_names_what_is_odd() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (number, day) in [(1, 7), (2, 14), (4, 28)] {
        write(
            dir.path(),
            &format!("第{number}期.ron"),
            number,
            2166 + number,
            (2021, 1, day),
        );
    }
    let pdf = dir.path().join("out.pdf");
    let run = |extra: &[&str]| {
        let mut args: Vec<&std::ffi::OsStr> = vec!["--lang".as_ref(), "zh".as_ref()];
        args.extend([
            "compile".as_ref(),
            dir.path().as_os_str(),
            "-o".as_ref(),
            pdf.as_os_str(),
        ]);
        args.push(std::ffi::OsStr::new("--bundled-fonts"));
        args.extend(extra.iter().map(std::ffi::OsStr::new));
        jianbao(&args)
    };
    let out = run(&["--year", "2021"]);
    let said = String::from_utf8_lossy(&out.stdout);
    let warned = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{said}{warned}");
    assert!(said.contains("已将 3 期编为合订本"), "{said}");
    assert!(warned.contains("缺第 3 期"), "the gap: {warned}");
    assert!(warned.contains("尚未签发"), "drafts: {warned}");
    assert!(std::fs::read(&pdf).expect("written").starts_with(b"%PDF"));

    let out = run(&["--year", "2021", "--numbers", "1-2"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("已将 2 期编为合订本"));
    let out = run(&["--from", "2021-01-10", "--to", "2021-01-31"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("已将 2 期编为合订本"));
    let out = run(&["--year", "2020"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("没有 2020 年的简报"));
    let out = run(&["--year", "2021", "--issued-only"]);
    assert_eq!(out.status.code(), Some(1), "no issue is issued yet");
}
