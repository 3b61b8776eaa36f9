//! The archive with 2,200 issues (a weekly bulletin since 1980): reading
//! the whole folder with no cache (goal ≤ 1 s), refreshing when nothing
//! changed, one full-text search (goal ≤ 50 ms), the coverage table, and
//! repeated copy: indexing every paragraph (with the scan, goal ≤ 1 s in
//! all) and checking one article (goal ≤ 50 ms). The generated issues all
//! reuse the sample's text, the worst case for the check: every paragraph
//! is a candidate in every issue.
//!
//! `cargo bench --bench archive`

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use jianbao::app::repeats::RepeatFinder;
use jianbao::archive::Archive;
use jianbao::archive::coverage::{Period, coverage};
use jianbao::archive::reuse::ReuseIndex;
use jianbao::archive::search::{Query, search};

const ISSUES: usize = 2200;

fn archive(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    jianbao::sample::write_archive(dir.path(), ISSUES).expect("written");
    let bytes: u64 = jianbao::archive::draft_files(dir.path())
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    eprintln!("{ISSUES} issues, {:.1} MB of drafts", bytes as f64 / 1e6);

    let mut group = c.benchmark_group("archive");
    group.sample_size(10);
    group.bench_function("cold listing (scan 2200 files)", |b| {
        b.iter(|| black_box(Archive::scan(dir.path(), &mut |_, _| {})))
    });
    let mut scanned = Archive::scan(dir.path(), &mut |_, _| {});
    group.bench_function("refresh, nothing changed", |b| {
        b.iter(|| black_box(scanned.refresh(&mut |_, _| {})))
    });
    group.finish();

    let mut group = c.benchmark_group("archive search");
    for (name, text) in [
        ("common word", "志愿服务"),
        ("rare phrase", "回天三年文明创建总结"),
        ("absent", "没有这句话"),
    ] {
        let query = Query {
            text: text.into(),
            ..Query::default()
        };
        group.bench_function(name, |b| {
            b.iter(|| black_box(search(&scanned, &query, 200)))
        });
    }
    let filtered = Query {
        text: "文明".into(),
        unit: "延庆".into(),
        from: chrono::NaiveDate::from_ymd_opt(2010, 1, 1),
        to: None,
    };
    group.bench_function("unit and dates", |b| {
        b.iter(|| black_box(search(&scanned, &filtered, 200)))
    });
    group.finish();

    c.bench_function("coverage by month, all years", |b| {
        b.iter(|| black_box(coverage(&scanned, Period::Month, None, None, &[])))
    });

    let mut group = c.benchmark_group("repeated copy");
    group.sample_size(10);
    group.bench_function("scan and index 2200 files", |b| {
        b.iter(|| {
            let archive = Archive::scan(dir.path(), &mut |_, _| {});
            black_box(ReuseIndex::build(&archive))
        })
    });
    let index = ReuseIndex::build(&scanned);
    eprintln!("{} paragraphs indexed", index.len());
    let issue = jianbao::sample::issue();
    let draft = dir.path().join("draft.ron");
    let finder = RepeatFinder::new(&scanned, &index, &issue, Some(&draft));
    let article = &issue.sections[0].articles[0];
    group.bench_function("check one article (lead and paragraphs)", |b| {
        b.iter(|| {
            let mut found = 0;
            found += usize::from(finder.find(&article.lead).is_some());
            for paragraph in &article.body {
                found += usize::from(finder.find(&paragraph.text()).is_some());
            }
            black_box(found)
        })
    });
    group.finish();
}

criterion_group!(benches, archive);
criterion_main!(benches);
