//! Drafts survive saving and loading unchanged, whatever text they hold.

use std::path::Path;

use chrono::NaiveDate;
use jianbao::model::review::{Reply, StatusChange};
use jianbao::model::{
    Article, ArticleId, CellAlign, Classification, Color, Comment, Distribution, Figure, Footer,
    Image, ImageBytes, ImageFormat, Issue, Masthead, Numerals, PageNumbers, Paragraph, Photo,
    PhotoWidth, Placed, Profile, Quote, Review, Section, Series, Span, Status, Style, Table,
    TitleAlign, TitleLine, Unit,
};
use jianbao::store;
use proptest::prelude::*;

/// Text an editor might type, and text designed to upset a serializer.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[一-龥“”‘’《》（）【】、，。：；！？…—\"'\\\\\n\r\t ()\\[\\]{}:,#r/*😀🎉a-zA-Z0-9]{0,24}",
        Just(String::new()),
        Just("r#\"raw\"#".to_owned()),
    ]
}

fn date() -> impl Strategy<Value = Option<NaiveDate>> {
    proptest::option::of((1i32..=9999, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| {
        NaiveDate::from_ymd_opt(y, m, d).expect("day ≤ 28 exists in every month")
    }))
}

/// A photo (a few arbitrary bytes: the file carries them as they are)
/// or a table of arbitrary cells, placed after any paragraph.
fn placed() -> impl Strategy<Value = Placed> {
    let align = prop_oneof![
        Just(CellAlign::Left),
        Just(CellAlign::Centre),
        Just(CellAlign::Right)
    ];
    let table = (
        text(),
        proptest::collection::vec(text(), 0..4),
        proptest::collection::vec(proptest::collection::vec(text(), 0..4), 0..4),
        proptest::collection::vec(align, 0..4),
    )
        .prop_map(|(title, header, rows, align)| {
            Figure::Table(Table {
                title,
                header,
                rows,
                align,
            })
        });
    let photo = (
        proptest::collection::vec(any::<u8>(), 0..64),
        text(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(bytes, caption, png, half)| {
            Figure::Photo(Photo {
                image: Image {
                    format: if png {
                        ImageFormat::Png
                    } else {
                        ImageFormat::Jpeg
                    },
                    width: bytes.len() as u32,
                    height: 3,
                    bytes: ImageBytes::new(bytes),
                },
                caption,
                width: if half {
                    PhotoWidth::Half
                } else {
                    PhotoWidth::Full
                },
            })
        });
    (0usize..4, prop_oneof![table, photo]).prop_map(|(after, figure)| Placed { after, figure })
}

fn article() -> impl Strategy<Value = Article> {
    let span = (text(), any::<bool>()).prop_map(|(text, bold)| Span { text, bold });
    let paragraph = proptest::collection::vec(span, 0..4).prop_map(|spans| Paragraph { spans });
    (
        any::<u64>(),
        text(),
        text(),
        text(),
        proptest::collection::vec(paragraph, 0..3),
        proptest::option::of(text()),
        proptest::collection::vec(placed(), 0..3),
    )
        .prop_map(
            |(id, unit, title, lead, body, attribution, figures)| Article {
                id: ArticleId(id),
                unit,
                title,
                lead,
                body,
                attribution,
                figures,
            },
        )
}

fn time() -> impl Strategy<Value = chrono::NaiveDateTime> {
    (2000i32..=2100, 1u32..=12, 1u32..=28, 0u32..24, 0u32..60).prop_map(|(y, m, d, h, min)| {
        NaiveDate::from_ymd_opt(y, m, d)
            .and_then(|day| day.and_hms_opt(h, min, 0))
            .expect("a valid time")
    })
}

fn review() -> impl Strategy<Value = Review> {
    let status = proptest::sample::select(Status::ALL.to_vec());
    let change = (status.clone(), status.clone(), text(), time(), text()).prop_map(
        |(from, to, by, at, note)| StatusChange {
            from,
            to,
            by,
            at,
            note,
        },
    );
    let quote = (text(), text(), text()).prop_map(|(text, before, after)| Quote {
        text,
        before,
        after,
    });
    let reply = (text(), time(), text()).prop_map(|(author, at, text)| Reply { author, at, text });
    let comment = (
        any::<u64>(),
        any::<u64>(),
        proptest::option::of(quote),
        text(),
        time(),
        text(),
        proptest::collection::vec(reply, 0..2),
        any::<bool>(),
    )
        .prop_map(
            |(id, article, quote, author, at, text, replies, resolved)| Comment {
                id: jianbao::model::CommentId(id),
                article: ArticleId(article),
                quote,
                author,
                at,
                text,
                replies,
                resolved,
            },
        );
    (
        status,
        proptest::collection::vec(change, 0..3),
        proptest::collection::vec(comment, 0..3),
    )
        .prop_map(|(status, history, comments)| Review {
            status,
            history,
            comments,
        })
}

fn issue() -> impl Strategy<Value = Issue> {
    let masthead = (
        text(),
        proptest::option::of(any::<u32>()),
        proptest::option::of(any::<u32>()),
        any::<bool>(),
        text(),
        date(),
        proptest::option::of(proptest::sample::select(Classification::ALL.to_vec())),
        any::<bool>(),
        proptest::sample::select(vec![Numerals::Arabic, Numerals::Chinese]),
    )
        .prop_map(
            |(
                name,
                number,
                total_number,
                supplement,
                office,
                date,
                classification,
                copy_serial,
                numerals,
            )| {
                Masthead {
                    name,
                    number,
                    total_number,
                    supplement,
                    office,
                    date,
                    classification,
                    copy_serial,
                    numerals,
                }
            },
        );
    let section = (text(), proptest::collection::vec(article(), 0..4))
        .prop_map(|(heading, articles)| Section { heading, articles });
    let footer = (
        text(),
        text(),
        text(),
        text(),
        text(),
        proptest::option::of(any::<u32>()),
    )
        .prop_map(
            |(editor, proofreader, phone, fax, email, print_count)| Footer {
                editor,
                proofreader,
                phone,
                fax,
                email,
                print_count,
            },
        );
    let distribution =
        (text(), text(), text()).prop_map(|(report_to, send_to, issue_to)| Distribution {
            report_to,
            send_to,
            issue_to,
        });
    let style = (
        any::<[u8; 3]>(),
        text(),
        1.0f64..200.0,
        0.5f64..80.0,
        text(),
        proptest::sample::select(vec![PageNumbers::Outside, PageNumbers::Centred]),
        (
            proptest::sample::select(vec![TitleAlign::Centred, TitleAlign::Flush]),
            any::<bool>(),
        ),
    )
        .prop_map(
            |(
                [r, g, b],
                font,
                title_size,
                body_size,
                page_number_font,
                page_numbers,
                (align, title_face),
            )| Style {
                accent: Color { r, g, b },
                body_font: font,
                title_size,
                body_size,
                page_number_font,
                page_numbers,
                article_title: TitleLine { align, title_face },
                ..Style::default()
            },
        );
    let unit = (text(), text(), text()).prop_map(|(name, short_name, attribution)| Unit {
        name,
        short_name,
        attribution,
    });
    let series = (
        proptest::collection::vec(unit, 0..4),
        any::<bool>(),
        any::<bool>(),
        proptest::option::of(1u32..40),
    )
        .prop_map(
            |(units, yearly_numbers, total_numbers, target_pages)| Series {
                units,
                yearly_numbers,
                total_numbers,
                target_pages,
            },
        );
    (
        masthead,
        proptest::option::of(text()),
        proptest::collection::vec(section, 0..3),
        text(),
        footer,
        distribution,
        style,
        series,
        review(),
    )
        .prop_map(
            |(
                masthead,
                editors_note,
                sections,
                attribution_suffix,
                footer,
                distribution,
                style,
                series,
                review,
            )| {
                Issue {
                    masthead,
                    editors_note,
                    sections,
                    attribution_suffix,
                    footer,
                    distribution,
                    style,
                    series,
                    review,
                    ..Issue::default()
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn load_save_load_is_equal_and_save_load_save_is_identical(issue in issue()) {
        let first = store::to_ron(&issue).expect("serializes");
        let loaded = store::from_ron(&first, Path::new("p.ron")).expect("its own output loads");
        prop_assert_eq!(&loaded, &issue);
        let second = store::to_ron(&loaded).expect("serializes again");
        prop_assert_eq!(first, second);
    }

    /// A profile made from any issue round-trips, and an issue made from
    /// it gives that profile back.
    #[test]
    fn profiles_round_trip(issue in issue()) {
        let profile = Profile::from_issue(&issue);
        let text = store::profile_to_ron(&profile).expect("serializes");
        let loaded = store::profile_from_ron(&text, Path::new("p.profile.ron")).expect("loads");
        prop_assert_eq!(&loaded, &profile);
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).expect("a date");
        let mut fresh = loaded.new_issue(today);
        if profile.sections.is_empty() {
            fresh.sections.clear();
        }
        prop_assert_eq!(Profile::from_issue(&fresh), profile);
    }
}

#[test]
fn the_sample_round_trips_through_a_real_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("第11期.ron");
    let issue = jianbao::sample::issue();
    store::save(&path, &issue).expect("saves");
    let first = std::fs::read(&path).expect("reads");
    let loaded = store::load(&path).expect("loads");
    assert_eq!(loaded, issue);
    store::save(&path, &loaded).expect("saves again");
    assert_eq!(std::fs::read(&path).expect("reads again"), first);
    assert_eq!(first, jianbao::assets::SAMPLE_RON.as_bytes());
}
