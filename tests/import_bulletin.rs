//! Importing the text of the sample bulletin, as copied out of its PDF,
//! gives the sample issue — field by field — and so does the same text
//! mangled the ways copying mangles it.

use jianbao::import::bulletin_from_text;
use jianbao::model::Issue;

const SOURCE: &str = include_str!("data/capital-civilization-briefing-2021-no11.txt");

/// The imported issue with the sample's article ids (ids are made fresh on
/// import; everything else must match).
fn with_sample_ids(mut imported: Issue) -> Issue {
    let sample = jianbao::sample::issue();
    let ids: Vec<_> = sample.articles().map(|(_, _, a)| a.id).collect();
    let mut n = 0;
    for section in &mut imported.sections {
        for article in &mut section.articles {
            if let Some(id) = ids.get(n) {
                article.id = *id;
            }
            n += 1;
        }
    }
    imported
}

/// The sample's series, as its office would import with it.
fn profile() -> jianbao::model::Profile {
    jianbao::model::Profile::from_issue(&jianbao::sample::issue())
}

fn assert_same_as_sample(imported: Issue) {
    let sample = jianbao::sample::issue();
    let imported = with_sample_ids(imported);
    assert_eq!(imported.masthead, sample.masthead, "masthead");
    assert_eq!(imported.editors_note, sample.editors_note, "editor's note");
    assert_eq!(imported.sections.len(), sample.sections.len(), "sections");
    for (mine, theirs) in imported.articles().zip(sample.articles()) {
        let (mine, theirs) = (mine.2, theirs.2);
        assert_eq!(mine.unit, theirs.unit, "unit");
        assert_eq!(mine.lead, theirs.lead, "lead of {}", theirs.unit);
        assert_eq!(mine.body, theirs.body, "body of {}", theirs.unit);
        assert_eq!(
            mine.attribution, theirs.attribution,
            "attribution of {}",
            theirs.unit
        );
    }
    assert_eq!(imported.attribution_suffix, sample.attribution_suffix);
    assert_eq!(imported.footer, sample.footer, "footer");
    assert_eq!(imported.distribution, sample.distribution, "distribution");
    assert_eq!(imported, sample, "and nothing else differs");
}

#[test]
fn the_sample_text_imports_as_the_sample_issue() {
    assert_same_as_sample(bulletin_from_text(SOURCE, Some(&profile())).expect("imports"));
}

#[test]
fn crlf_bom_rewrapped_lines_and_blank_lines_change_nothing() {
    // Windows line ends and a byte-order mark; every paragraph re-wrapped
    // at 23 characters; extra blank lines and page numbers in between.
    let mut mangled = String::from("\u{FEFF}\r\n\r\n");
    for (n, line) in SOURCE.lines().enumerate() {
        let chars: Vec<char> = line.chars().collect();
        for chunk in chars.chunks(23) {
            mangled.push_str(&chunk.iter().collect::<String>());
            mangled.push_str("\r\n");
        }
        mangled.push_str("\r\n\r\n");
        if n % 7 == 3 {
            mangled.push_str(&format!("— {} —\r\n\r\n", n / 7 + 1));
        }
    }
    assert_same_as_sample(bulletin_from_text(&mangled, Some(&profile())).expect("imports"));
}

#[test]
fn our_own_plain_text_reads_back() {
    // The plain-text export, with its indented paragraphs and full-width
    // colons, imports as the issue it came from.
    let text = jianbao::export::to_text(&jianbao::sample::issue());
    assert_same_as_sample(bulletin_from_text(&text, Some(&profile())).expect("imports"));
}

#[test]
fn an_attribution_on_its_own_line_ends_its_article_even_after_an_unfinished_paragraph() {
    // The last paragraph of 东城区's article has no closing punctuation:
    // the attribution line after it used to stay body text, and 房山区's
    // article ran into 东城区's.
    let mut issue = jianbao::sample::issue();
    let body = &mut issue.sections[0].articles[0].body;
    let last = body.last_mut().expect("a paragraph");
    let text = last.text();
    last.replace_chars(text.chars().count() - 1..text.chars().count(), "");
    let reread =
        bulletin_from_text(&jianbao::export::to_text(&issue), Some(&profile())).expect("imports");
    let units: Vec<&str> = reread.articles().map(|(_, _, a)| a.unit.as_str()).collect();
    assert_eq!(units, ["东城区", "房山区", "昌平区"]);
    let first = &reread.sections[0].articles[0];
    assert_eq!(reread.attribution_of(first), "东城区文明办");
    assert!(
        !first
            .body
            .last()
            .expect("a paragraph")
            .text()
            .ends_with('）')
    );
}

/// A bulletin that numbers its issues in Chinese numerals, number and
/// total on one line, imports with both numbers and keeps its numerals;
/// exported again as text, the line reads as it did.
#[test]
fn chinese_numerals_import_and_print_as_they_were() {
    let text = SOURCE.replacen("第 11 期", "第十一期（总第二千一百七十七期）", 1);
    let text = text.replacen("(总第 2177 期)\n", "", 1);
    assert_ne!(text, SOURCE, "the sample's number lines were replaced");
    let imported = bulletin_from_text(&text, Some(&profile())).expect("imports");
    let m = &imported.masthead;
    assert_eq!((m.number, m.total_number), (Some(11), Some(2177)));
    assert_eq!(m.numerals, jianbao::model::Numerals::Chinese);
    let printed = jianbao::export::to_text(&imported);
    assert!(printed.contains("第十一期"), "{printed}");
    assert!(printed.contains("（总第二千一百七十七期）"));
}

/// A bulletin laid out the other way: each article under a title line of
/// its own (centred), an article without an attribution, 期号 in Chinese
/// numerals on one line with the total.
const TITLED: &str = "内部资料
东湖大学信息专报
第九期（总第十六期）
东湖大学党委办公室          2024年5月20日
【工作动态】
            计算机学院举办人工智能教学研讨会
    5月15日，计算机学院举办人工智能教学研讨会，来自全校12个学院的80余名教师参加。研讨会围绕课程建设、教学方法和评价改革三个专题展开交流。
    与会教师一致认为，要把人工智能素养融入各专业人才培养全过程。
                                  （计算机学院）
            教务处推进课程思政建设
    近日，教务处印发《课程思政建设实施方案》，明确今年建设100门示范课程。
【基层经验】
            文学院“书香校园”读书月活动成效明显
    文学院以读书月为载体，组织经典诵读、读书沙龙等活动23场，参与学生3000余人次。
                                  （文学院团委）
责编：周敏　　核稿：王磊
电话：027-68750000
报：省委教育工委，省教育厅
送：校领导
发：各学院（部），机关各部门
";

fn university() -> jianbao::model::Profile {
    let (name, text) = jianbao::assets::BUNDLED_PROFILES[1];
    jianbao::store::profile_from_ron(text, std::path::Path::new(name)).expect("bundled")
}

#[test]
fn a_bulletin_with_title_lines_imports_one_article_per_title() {
    use jianbao::model::Numerals;
    let issue = bulletin_from_text(TITLED, Some(&university())).expect("imports");
    let m = &issue.masthead;
    assert_eq!((m.number, m.total_number), (Some(9), Some(16)));
    assert_eq!(m.numerals, Numerals::Chinese);
    assert_eq!(m.name, "东湖大学信息专报");
    assert_eq!(m.office, "东湖大学党委办公室");
    let headings: Vec<&str> = issue.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(headings, ["工作动态", "基层经验"]);
    let articles: Vec<_> = issue
        .articles()
        .map(|(s, _, a)| {
            (
                s,
                a.title.as_str(),
                a.lead.as_str(),
                a.unit.as_str(),
                a.body.len(),
                issue.attribution_of(a),
            )
        })
        .collect();
    assert_eq!(
        articles,
        [
            (
                0,
                "计算机学院举办人工智能教学研讨会",
                "",
                "计算机学院",
                2,
                "计算机学院".to_owned()
            ),
            (0, "教务处推进课程思政建设", "", "教务处", 1, String::new()),
            (
                1,
                "文学院“书香校园”读书月活动成效明显",
                "",
                "文学院",
                1,
                "文学院团委".to_owned()
            ),
        ]
    );
    let first = &issue.sections[0].articles[0];
    assert!(first.body[0].text().starts_with("5月15日，计算机学院"));
    assert_eq!(first.attribution, None, "the unit's default attribution");
    assert_eq!(
        issue.sections[0].articles[1].attribution,
        Some(String::new()),
        "printed without one, as in the text"
    );
    assert_eq!(
        issue.series,
        university().series,
        "the series came from the profile"
    );
    assert_eq!(issue.footer.editor, "周敏");

    // Its own plain text reads back the same.
    let again = bulletin_from_text(&jianbao::export::to_text(&issue), Some(&university()))
        .expect("imports");
    let titles =
        |i: &Issue| -> Vec<String> { i.articles().map(|(_, _, a)| a.title.clone()).collect() };
    assert_eq!(titles(&again), titles(&issue));
    assert_eq!(again.masthead.number, Some(9));
}
