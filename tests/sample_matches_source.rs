//! The bundled sample issue is a faithful transcription of the printed
//! bulletin (tests/data holds the text extracted from its PDF).

const SOURCE: &str = include_str!("data/capital-civilization-briefing-2021-no11.txt");

/// Removes what text extraction adds: whitespace of every kind (line breaks
/// mid-sentence, page-break gaps, spaces around numbers and Latin words).
fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn every_article_is_in_the_source_in_order_with_its_attribution() {
    let issue = jianbao::sample::issue();
    let source = squeeze(SOURCE);
    let mut from = 0;
    let mut count = 0;
    for (_, _, article) in issue.articles() {
        let text = squeeze(&format!("{}{}", article.lead, article.body_text()));
        let at = source[from..].find(&text).unwrap_or_else(|| {
            panic!(
                "article of {} not found verbatim after byte {from}",
                article.unit
            )
        });
        from += at + text.len();
        // The attribution follows at once, in parentheses of either width.
        let attribution = issue.attribution_of(article);
        let rest = &source[from..];
        let opened = rest.strip_prefix('（').or_else(|| rest.strip_prefix('('));
        let inner = opened.and_then(|r| r.strip_prefix(attribution.as_str()));
        assert!(
            inner.is_some_and(|r| r.starts_with('）') || r.starts_with(')')),
            "attribution （{attribution}） does not follow the article of {}",
            article.unit
        );
        count += 1;
    }
    assert_eq!(count, 3);
}

#[test]
fn masthead_footer_and_distribution_are_in_the_source() {
    let issue = jianbao::sample::issue();
    let source = squeeze(SOURCE);
    let m = &issue.masthead;
    let f = &issue.footer;
    let d = &issue.distribution;
    let expected = [
        m.name.clone(),
        squeeze(&m.number_text()),
        squeeze(&m.total_number_text().unwrap_or_default()).replace(['（', '）'], ""),
        m.office.clone(),
        squeeze(&m.date_text()),
        format!("【{}】", issue.sections[0].heading),
        format!("责编:{}", f.editor),
        format!("核稿:{}", f.proofreader),
        format!("电话:{}", f.phone),
        format!("传真:{}", f.fax),
        format!("邮箱:{}", f.email),
        format!("报:{}", d.report_to),
        format!("送:{}", d.send_to),
        format!("发:{}", d.issue_to),
    ];
    for text in expected {
        assert!(
            source.contains(&text),
            "{text} is not in the source bulletin"
        );
    }
}

#[test]
fn bold_run_ins_are_the_printed_subheads() {
    let issue = jianbao::sample::issue();
    let bold: Vec<String> = issue
        .articles()
        .flat_map(|(_, _, a)| a.body.iter().flat_map(|p| p.spans.iter()))
        .filter(|s| s.bold)
        .map(|s| s.text.clone())
        .collect();
    assert_eq!(bold.len(), 12);
    assert_eq!(bold[0], "坚持全时创建。");
    assert_eq!(bold[11], "榜样选树扬正气。");
    assert!(
        bold.iter()
            .all(|b| b.ends_with('。') && b.chars().count() <= 8)
    );
}
