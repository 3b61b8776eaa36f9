//! Typesetting speed on the sample issue and on a long generated issue:
//! first compile, recompile after a one-character edit, one page rendered
//! at 1.5 px/pt, and writing the PDF; and a yearly volume of 50 issues
//! (about 200 pages with its 目录 and index; goal ≤ 5 s whole-process,
//! which `jianbao compile` adds reading 50 drafts to).
//!
//! `cargo bench --bench typeset`

use std::hint::black_box;
use std::sync::Arc;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use jianbao::model::Issue;
use jianbao::typeset::{FontSet, Typesetter};

fn cases() -> Vec<(&'static str, Issue)> {
    vec![
        ("sample", jianbao::sample::issue()),
        ("large", jianbao::sample::large(40)),
    ]
}

fn typeset(c: &mut Criterion) {
    let fonts = Arc::new(FontSet::bundled());
    for (name, issue) in cases() {
        let mut group = c.benchmark_group(name);
        {
            let pages = Typesetter::new(fonts.clone())
                .compile(&issue)
                .expect("typesets")
                .page_count();
            eprintln!(
                "{name}: {} articles, {pages} pages",
                issue.articles().count()
            );
        }

        group.bench_function("first compile", |b| {
            b.iter_batched(
                || {
                    comemo::evict(0);
                    Typesetter::new(fonts.clone())
                },
                |mut typesetter| black_box(typesetter.compile(&issue).expect("typesets")),
                BatchSize::PerIteration,
            )
        });

        // Each iteration types a different character into the first lead,
        // so no compile finds its exact input in the cache. The caches are
        // tidied every eighth compile, as the preview's worker does while
        // typing goes on (and in every pause).
        let mut typesetter = Typesetter::new(fonts.clone());
        let mut edited = issue.clone();
        let mut n = 0u32;
        group.bench_function("recompile after a one-character edit", |b| {
            b.iter(|| {
                n = (n + 1) % 20_000;
                let c = char::from_u32(0x4E00 + n).unwrap_or('字');
                let lead = &mut edited.sections[0].articles[0].lead;
                lead.pop();
                lead.push(c);
                if n.is_multiple_of(8) {
                    typesetter.forget_unused();
                }
                black_box(typesetter.compile(&edited).expect("typesets"))
            })
        });

        let document = typesetter.compile(&issue).expect("typesets");
        group.bench_function("render one page at 1.5 px/pt", |b| {
            b.iter(|| black_box(document.render_page(1, 1.5).expect("renders")))
        });
        group.bench_function("write the PDF", |b| {
            b.iter(|| black_box(document.pdf().expect("PDF")))
        });
        group.finish();
    }
}

fn volume(c: &mut Criterion) {
    let fonts = Arc::new(FontSet::bundled());
    let issues: Vec<Issue> = (0..50).map(jianbao::sample::archive_issue).collect();
    let pages = jianbao::typeset::compile_volume(fonts.clone(), &issues, "简报", "合订本")
        .expect("typesets")
        .page_count();
    eprintln!("volume: 50 issues, {pages} pages");
    let mut group = c.benchmark_group("volume");
    group.sample_size(10);
    group.bench_function("typeset and write 50 issues", |b| {
        b.iter(|| {
            comemo::evict(0);
            let doc = jianbao::typeset::compile_volume(fonts.clone(), &issues, "简报", "合订本")
                .expect("typesets");
            black_box(doc.pdf().expect("PDF"))
        })
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = typeset, volume
}
criterion_main!(benches);
