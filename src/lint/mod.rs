//! Proofreading (核稿): the rules of official writing checked over every text
//! field of an issue. Each finding names its rule, the field and the exact
//! characters, and carries a fix where one can be made mechanically — marked
//! safe when applying it without a person looking cannot change meaning.
//!
//! Ranges are in characters of the field's text; for a body paragraph, of
//! the paragraph's plain text (bold run-ins included).

mod rules;

pub use rules::{is_chinese, is_han};

use std::ops::Range;

use chrono::NaiveDate;

use crate::model::{ArticlePart, Field, Issue, ProblemKind};
use rules::Hit;

/// The proofreading rules. Their ids are stable: the command line and
/// settings use them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rule {
    HalfWidthPunctuation,
    UnpairedMarks,
    StraySpaces,
    OrdinalPunctuation,
    ZeroInYear,
    DocumentNumberBrackets,
    DoubledPunctuation,
    UnterminatedParagraph,
    RequiredField,
    FutureDate,
    MalformedContact,
    MissingGlyph,
    ControlCharacter,
    /// A paragraph that largely repeats one printed in an earlier issue
    /// (only where an archive is given).
    RepeatedCopy,
    /// An article's unit that the series' profile does not list (only for
    /// series that list units).
    UnknownUnit,
    /// A photo printed without a caption (图注).
    PhotoWithoutCaption,
    /// A photo whose pixels, spread over its printed width, give less
    /// than [`MIN_DPI`]: it prints blurred.
    LowResolutionPhoto,
}

/// The least resolution a photo prints sharply enough at.
pub const MIN_DPI: f64 = 150.0;

impl Rule {
    pub const ALL: [Rule; 17] = [
        Rule::HalfWidthPunctuation,
        Rule::UnpairedMarks,
        Rule::StraySpaces,
        Rule::OrdinalPunctuation,
        Rule::ZeroInYear,
        Rule::DocumentNumberBrackets,
        Rule::DoubledPunctuation,
        Rule::UnterminatedParagraph,
        Rule::RequiredField,
        Rule::FutureDate,
        Rule::MalformedContact,
        Rule::MissingGlyph,
        Rule::ControlCharacter,
        Rule::RepeatedCopy,
        Rule::UnknownUnit,
        Rule::PhotoWithoutCaption,
        Rule::LowResolutionPhoto,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Rule::HalfWidthPunctuation => "punct.halfwidth",
            Rule::UnpairedMarks => "punct.pairs",
            Rule::StraySpaces => "space.stray",
            Rule::OrdinalPunctuation => "ordinal.punct",
            Rule::ZeroInYear => "year.zero",
            Rule::DocumentNumberBrackets => "docno.brackets",
            Rule::DoubledPunctuation => "punct.doubled",
            Rule::UnterminatedParagraph => "paragraph.end",
            Rule::RequiredField => "field.required",
            Rule::FutureDate => "date.future",
            Rule::MalformedContact => "contact.malformed",
            Rule::MissingGlyph => "glyph.missing",
            Rule::ControlCharacter => "char.control",
            Rule::RepeatedCopy => "copy.repeated",
            Rule::UnknownUnit => "unit.unknown",
            Rule::PhotoWithoutCaption => "photo.caption",
            Rule::LowResolutionPhoto => "photo.resolution",
        }
    }

    pub fn from_id(id: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|r| r.id() == id.trim())
    }
}

/// A mechanical mend: replace the finding's range with `replacement`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub replacement: String,
    /// Safe to apply unattended (`jianbao lint --fix`, Fix all).
    pub safe: bool,
}

/// One thing the proofreader objects to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub rule: Rule,
    pub field: Field,
    /// Characters of the field's text.
    pub range: Range<usize>,
    /// The characters objected to, for messages.
    pub found: String,
    pub fix: Option<Fix>,
    /// For field problems, what validation said.
    pub problem: Option<ProblemKind>,
    /// For repeated copy, the earlier paragraph.
    pub earlier: Option<Box<Earlier>>,
}

/// Looks up the earlier paragraph a text repeats.
pub type FindEarlier<'a> = &'a dyn Fn(&str) -> Option<Earlier>;

/// An earlier paragraph that a text repeats, as the caller's archive found
/// it (see `archive::reuse`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Earlier {
    pub number: Option<u32>,
    pub supplement: bool,
    pub date: Option<NaiveDate>,
    pub unit: String,
    /// 0 the lead, then the body paragraphs from 1.
    pub paragraph: usize,
    /// How much of the new paragraph is found in it.
    pub percent: u8,
    pub path: std::path::PathBuf,
    pub article: crate::model::ArticleId,
    /// The earlier paragraph's text.
    pub text: String,
}

/// What the checks need from outside the issue.
pub struct Context<'a> {
    /// Dates after this are in the future.
    pub today: NaiveDate,
    /// Whether some font can show a character.
    pub covers: &'a dyn Fn(char) -> bool,
    /// The earlier paragraph a text repeats, where an archive is known.
    pub earlier: Option<FindEarlier<'a>>,
    /// The width of the type area, in millimetres: what a full-width
    /// photo prints across.
    pub measure_mm: f64,
}

/// The text fields proofread, with their text, in form order: the
/// masthead's name and office, the editor's note when there is one, the
/// headings, each article's lead, paragraphs and own attribution (a
/// default one is generated, nothing to correct), the distribution.
/// Contacts have their own checks.
pub fn text_fields(issue: &Issue) -> Vec<(Field, String)> {
    let proofread = |field: &Field| match field {
        Field::Name | Field::Office | Field::SectionHeading { .. } => true,
        Field::ReportTo | Field::SendTo | Field::IssueTo => true,
        Field::EditorsNote => issue.editors_note.is_some(),
        Field::Article {
            section,
            article,
            part,
        } => match part {
            ArticlePart::Title | ArticlePart::Lead | ArticlePart::Paragraph(_) => true,
            // Captions and table cells print too; the text rules apply.
            ArticlePart::Caption(_) | ArticlePart::Cell { .. } => true,
            ArticlePart::Attribution => issue
                .sections
                .get(*section)
                .and_then(|s| s.articles.get(*article))
                .is_some_and(|a| a.attribution.is_some()),
            ArticlePart::Unit | ArticlePart::Whole | ArticlePart::Figure(_) => false,
        },
        _ => false,
    };
    issue
        .fields()
        .into_iter()
        .filter(proofread)
        .filter_map(|field| Some((field, issue.field_text(&field)?)))
        .collect()
}

/// Every finding, in reading order of the fields.
pub fn lint(issue: &Issue, cx: &Context<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (field, text) in text_fields(issue) {
        let chars: Vec<char> = text.chars().collect();
        let mut add = |rule: Rule, hits: Vec<Hit>| {
            for hit in hits {
                findings.push(Finding {
                    rule,
                    field,
                    found: chars[hit.range.clone()].iter().collect(),
                    range: hit.range,
                    fix: hit.fix.map(|(replacement, safe)| Fix { replacement, safe }),
                    problem: None,
                    earlier: None,
                });
            }
        };
        add(
            Rule::HalfWidthPunctuation,
            rules::half_width_punctuation(&chars),
        );
        add(Rule::UnpairedMarks, rules::unpaired_marks(&chars));
        add(Rule::StraySpaces, rules::stray_spaces(&chars));
        add(Rule::OrdinalPunctuation, rules::ordinal_punctuation(&chars));
        add(Rule::ZeroInYear, rules::zero_in_year(&chars));
        add(
            Rule::DocumentNumberBrackets,
            rules::document_number_brackets(&chars),
        );
        add(Rule::DoubledPunctuation, rules::doubled_punctuation(&chars));
        add(Rule::ControlCharacter, rules::control_characters(&chars));
        if is_paragraph_end(issue, &field) {
            add(Rule::UnterminatedParagraph, rules::unterminated(&chars));
        }
        let missing: Vec<Hit> = chars
            .iter()
            .enumerate()
            .filter(|&(_, &c)| !c.is_whitespace() && !c.is_control() && !(cx.covers)(c))
            .map(|(i, _)| Hit {
                range: i..i + 1,
                fix: None,
            })
            .collect();
        add(Rule::MissingGlyph, missing);
        let prose = matches!(
            field,
            Field::Article {
                part: ArticlePart::Lead | ArticlePart::Paragraph(_),
                ..
            }
        );
        if prose && let Some(earlier) = cx.earlier.and_then(|find| find(&text)) {
            findings.push(Finding {
                rule: Rule::RepeatedCopy,
                field,
                range: 0..chars.len(),
                found: chars.iter().take(12).collect(),
                fix: None,
                problem: None,
                earlier: Some(Box::new(earlier)),
            });
        }
    }

    for problem in issue.validate() {
        let rule = match problem.kind {
            ProblemKind::MalformedEmail(_) | ProblemKind::MalformedPhone(_) => {
                Rule::MalformedContact
            }
            ProblemKind::DuplicateArticleId(_) | ProblemKind::BadStyleSize(_) => continue,
            _ => Rule::RequiredField,
        };
        let length = issue
            .field_text(&problem.field)
            .map_or(0, |t| t.chars().count());
        findings.push(Finding {
            rule,
            field: problem.field,
            range: 0..length,
            found: issue.field_text(&problem.field).unwrap_or_default(),
            fix: None,
            problem: Some(problem.kind),
            earlier: None,
        });
    }
    findings.extend(unknown_units(issue));
    findings.extend(photos(issue, cx.measure_mm));
    if let Some(date) = issue.masthead.date
        && date > cx.today
    {
        findings.push(Finding {
            rule: Rule::FutureDate,
            field: Field::Date,
            range: 0..0,
            found: date.to_string(),
            fix: None,
            problem: None,
            earlier: None,
        });
    }
    findings
}

/// Articles whose unit the series does not list. A unit written as a
/// listed unit's short name (东城 for 东城区) gets the full name as a safe
/// fix.
fn unknown_units(issue: &Issue) -> Vec<Finding> {
    let series = &issue.series;
    if series.units.is_empty() {
        return Vec::new();
    }
    let mut findings = Vec::new();
    for (s, section) in issue.sections.iter().enumerate() {
        for (a, article) in section.articles.iter().enumerate() {
            let unit = article.unit.trim();
            if unit.is_empty() || series.unit(unit).is_some() {
                continue;
            }
            let full = series
                .units
                .iter()
                .find(|u| !u.short_name.trim().is_empty() && u.short_name.trim() == unit);
            findings.push(Finding {
                rule: Rule::UnknownUnit,
                field: Field::Article {
                    section: s,
                    article: a,
                    part: ArticlePart::Unit,
                },
                range: 0..article.unit.chars().count(),
                found: unit.to_owned(),
                fix: full.map(|u| Fix {
                    replacement: u.name.trim().to_owned(),
                    safe: true,
                }),
                problem: None,
                earlier: None,
            });
        }
    }
    findings
}

/// Photos without a caption, and photos that print below [`MIN_DPI`]
/// (the finding's `found` is the resolution, in whole dots per inch).
fn photos(issue: &Issue, measure_mm: f64) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (s, section) in issue.sections.iter().enumerate() {
        for (a, article) in section.articles.iter().enumerate() {
            for (f, placed) in article.figures.iter().enumerate() {
                let crate::model::Figure::Photo(photo) = &placed.figure else {
                    continue;
                };
                let at = |part| Field::Article {
                    section: s,
                    article: a,
                    part,
                };
                let finding = |rule, field, found: String| Finding {
                    rule,
                    field,
                    range: 0..0,
                    found,
                    fix: None,
                    problem: None,
                    earlier: None,
                };
                if photo.caption.trim().is_empty() {
                    findings.push(finding(
                        Rule::PhotoWithoutCaption,
                        at(ArticlePart::Caption(f)),
                        String::new(),
                    ));
                }
                let dpi = photo.dpi(measure_mm);
                if dpi < MIN_DPI {
                    findings.push(finding(
                        Rule::LowResolutionPhoto,
                        at(ArticlePart::Figure(f)),
                        format!("{}", dpi.floor()),
                    ));
                }
            }
        }
    }
    findings
}

/// Whether a field's text is the last of a printed paragraph, which must
/// end with punctuation: body paragraphs, a lead with no body, the note.
fn is_paragraph_end(issue: &Issue, field: &Field) -> bool {
    match *field {
        Field::EditorsNote => true,
        Field::Article {
            section,
            article,
            part,
        } => {
            let Some(a) = issue
                .sections
                .get(section)
                .and_then(|s| s.articles.get(article))
            else {
                return false;
            };
            match part {
                ArticlePart::Paragraph(p) => a.body.get(p).is_some_and(|p| !p.is_blank()),
                ArticlePart::Lead => a.body.iter().all(|p| p.is_blank()),
                _ => false,
            }
        }
        _ => false,
    }
}

/// Applies the fixes of `findings` (all of them, or only safe ones), later
/// ranges first so earlier ones stay valid; overlapping fixes after the
/// first are skipped. Returns how many were applied.
pub fn apply(issue: &mut Issue, findings: &[Finding], safe_only: bool) -> usize {
    let mut fixable: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.fix.as_ref().is_some_and(|fix| fix.safe || !safe_only))
        .collect();
    fixable.sort_by(|a, b| {
        a.field
            .cmp(&b.field)
            .then(b.range.start.cmp(&a.range.start))
    });
    // Which fixes go in: from the end of each field backwards, skipping
    // one that overlaps a fix already taken.
    let mut chosen: Vec<&Finding> = Vec::with_capacity(fixable.len());
    for finding in fixable {
        if let Some(last) = chosen.last()
            && last.field == finding.field
            && finding.range.end > last.range.start
        {
            continue;
        }
        chosen.push(finding);
    }
    // Then each field rewritten once, its edits in ascending order: linear
    // in the text however many fixes there are.
    let mut applied = 0;
    for group in chosen.chunk_by(|a, b| a.field == b.field) {
        let edits: Vec<(std::ops::Range<usize>, &str)> = group
            .iter()
            .rev()
            .filter_map(|f| {
                f.fix
                    .as_ref()
                    .map(|fix| (f.range.clone(), fix.replacement.as_str()))
            })
            .collect();
        if issue.replace_many_in_field(&group[0].field, &edits) {
            applied += edits.len();
        }
    }
    applied
}

/// Applies safe fixes until none are left (fixing can reveal more, such as
/// a doubled mark once half-width ones became full-width). Only findings
/// `keep` accepts are fixed. Returns how many fixes were applied.
pub fn fix_all(issue: &mut Issue, cx: &Context<'_>, keep: &dyn Fn(&Finding) -> bool) -> usize {
    let mut total = 0;
    for _ in 0..8 {
        let findings: Vec<Finding> = lint(issue, cx).into_iter().filter(|f| keep(f)).collect();
        let applied = apply(issue, &findings, true);
        if applied == 0 {
            break;
        }
        total += applied;
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cx() -> Context<'static> {
        Context {
            earlier: None,
            today: NaiveDate::from_ymd_opt(2026, 11, 27).expect("a date"),
            covers: &|c| c != '\u{E000}',
            measure_mm: crate::typeset::PAGE.type_width(),
        }
    }

    /// A photo without a caption, one too coarse for its printed width,
    /// and half-width punctuation in a caption and a table cell, each
    /// with its place.
    #[test]
    fn photos_and_tables_are_proofread() {
        use crate::model::{Figure, PhotoWidth};
        let mut issue = crate::sample::with_figures();
        assert!(
            lint(&issue, &cx())
                .iter()
                .all(|f| !matches!(f.rule, Rule::PhotoWithoutCaption | Rule::LowResolutionPhoto)),
            "the sample's photo is captioned and sharp"
        );
        let article = &mut issue.sections[0].articles[0];
        let Figure::Photo(photo) = &mut article.figures[0].figure else {
            panic!("a photo");
        };
        photo.caption.clear();
        photo.width = PhotoWidth::Full;
        photo.image.width = 800; // 130 dpi over 156 mm
        let Figure::Table(table) = &mut issue.sections[0].articles[1].figures[0].figure else {
            panic!("a table");
        };
        table.title = "房山区创城专项工作组(一)".into();
        table.rows[1][1] = "区委 宣传部".into();
        let findings = lint(&issue, &cx());
        let of = |rule| {
            findings
                .iter()
                .filter(move |f| f.rule == rule)
                .collect::<Vec<_>>()
        };
        let at = |article, part| Field::Article {
            section: 0,
            article,
            part,
        };
        let caption = of(Rule::PhotoWithoutCaption);
        assert_eq!(caption.len(), 1);
        assert_eq!(caption[0].field, at(0, ArticlePart::Caption(0)));
        let coarse = of(Rule::LowResolutionPhoto);
        assert_eq!(coarse.len(), 1);
        assert_eq!(
            (coarse[0].field, coarse[0].found.as_str()),
            (at(0, ArticlePart::Figure(0)), "130")
        );
        let half = of(Rule::HalfWidthPunctuation);
        assert!(
            half.iter()
                .any(|f| f.field == at(1, ArticlePart::Caption(0)) && f.found == "(")
        );
        let spaces = of(Rule::StraySpaces);
        let cell = at(
            1,
            ArticlePart::Cell {
                figure: 0,
                row: 2,
                column: 1,
            },
        );
        assert!(spaces.iter().any(|f| f.field == cell), "{spaces:?}");
        // The fixes reach the cell and the caption.
        assert!(issue.replace_in_field(&cell, 2..3, ""));
        assert_eq!(issue.field_text(&cell).as_deref(), Some("区委宣传部"));
    }

    #[test]
    fn units_the_series_does_not_list_are_found_and_short_names_fixed() {
        let unknown = |issue: &Issue| -> Vec<(String, Option<String>)> {
            lint(issue, &cx())
                .into_iter()
                .filter(|f| f.rule == Rule::UnknownUnit)
                .map(|f| (f.found, f.fix.map(|x| x.replacement)))
                .collect()
        };
        let mut issue = crate::sample::issue();
        assert_eq!(unknown(&issue), [], "the sample's units are its series'");
        issue.sections[0].articles[0].unit = "东城".into();
        issue.sections[0].articles[1].unit = "经开区".into();
        assert_eq!(
            unknown(&issue),
            [
                ("东城".to_owned(), Some("东城区".to_owned())),
                ("经开区".to_owned(), None)
            ]
        );
        issue.series.units.push(crate::model::Unit::named("经开区"));
        assert_eq!(
            unknown(&issue).len(),
            1,
            "a unit added to the series is known"
        );
        issue.series.units.clear();
        assert_eq!(
            unknown(&issue),
            [],
            "a series without a list checks nothing"
        );
    }

    #[test]
    fn the_sample_has_half_width_punctuation_in_its_later_articles() {
        let issue = crate::sample::issue();
        let findings = lint(&issue, &cx());
        let half: Vec<&Finding> = findings
            .iter()
            .filter(|f| f.rule == Rule::HalfWidthPunctuation)
            .collect();
        assert!(!half.is_empty());
        assert!(
            half.iter()
                .all(|f| !matches!(f.field, Field::Article { article: 0, .. })),
            "东城区 is clean"
        );
        assert!(
            half.iter()
                .any(|f| matches!(f.field, Field::Article { article: 1, .. }))
        );
        assert!(
            half.iter()
                .any(|f| matches!(f.field, Field::Article { article: 2, .. }))
        );
        assert!(half.iter().any(|f| f.field == Field::ReportTo));
        // Nothing required is missing, nothing is in the future, every
        // character has a glyph.
        assert!(!findings.iter().any(|f| matches!(
            f.rule,
            Rule::RequiredField | Rule::FutureDate | Rule::MissingGlyph
        )));
    }

    #[test]
    fn fixing_is_idempotent_and_leaves_bold_run_ins_bold() {
        let mut issue = crate::sample::issue();
        let fixed = fix_all(&mut issue, &cx(), &|_| true);
        assert!(fixed > 20, "{fixed} fixes");
        let once = issue.clone();
        assert_eq!(fix_all(&mut issue, &cx(), &|_| true), 0);
        assert_eq!(issue, once);
        assert!(
            !lint(&issue, &cx())
                .iter()
                .any(|f| f.rule == Rule::HalfWidthPunctuation)
        );
        let bold: Vec<&str> = issue.sections[0].articles[1].body[0]
            .spans
            .iter()
            .filter(|s| s.bold)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(
            bold,
            [
                "完善组织体系。",
                "制定工作方案。",
                "建立工作机制。",
                "明确问题清单。"
            ]
        );
        // The slogan's space is the editor's call: still reported, unfixed.
        assert!(
            lint(&issue, &cx())
                .iter()
                .any(|f| f.rule == Rule::StraySpaces && f.found == " ")
        );
    }

    #[test]
    fn field_problems_future_dates_and_missing_glyphs() {
        let mut issue = crate::sample::issue();
        issue.masthead.office.clear();
        issue.footer.email = "jswmzhxhc163.com".into();
        issue.masthead.date = NaiveDate::from_ymd_opt(2027, 1, 1);
        issue.sections[0].articles[0].lead.push('\u{E000}');
        let rules: Vec<Rule> = lint(&issue, &cx()).into_iter().map(|f| f.rule).collect();
        for rule in [
            Rule::RequiredField,
            Rule::MalformedContact,
            Rule::FutureDate,
            Rule::MissingGlyph,
        ] {
            assert!(rules.contains(&rule), "{rule:?}");
        }
    }

    #[test]
    fn rule_ids_round_trip() {
        for rule in Rule::ALL {
            assert_eq!(Rule::from_id(rule.id()), Some(rule));
        }
        assert_eq!(Rule::from_id("no.such"), None);
    }

    #[test]
    fn control_characters_are_found_and_removed_safely() {
        let mut issue = crate::sample::issue();
        issue.sections[0].articles[0].lead.insert(3, '\u{1}');
        issue.masthead.office.push('\u{1B}');
        let found: Vec<Finding> = lint(&issue, &cx())
            .into_iter()
            .filter(|f| f.rule == Rule::ControlCharacter)
            .collect();
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found.iter().all(|f| f.fix.as_ref().is_some_and(|x| x.safe)));
        fix_all(&mut issue, &cx(), &|f| f.rule == Rule::ControlCharacter);
        assert_eq!(issue, crate::sample::issue(), "removed, nothing else");
    }

    #[test]
    fn forty_thousand_fixes_in_one_paragraph_are_applied_in_one_pass() {
        // Each fix used to rewrite the whole paragraph: quadratic.
        let mut issue = crate::sample::issue();
        let text = "好,".repeat(20_000);
        issue.sections[0].articles[0].body[0] = crate::model::Paragraph {
            spans: vec![crate::model::Span::plain(text.clone())],
        };
        let fixed = fix_all(&mut issue, &cx(), &|f| f.rule == Rule::HalfWidthPunctuation);
        assert!(fixed >= 20_000, "{fixed}");
        assert_eq!(
            issue.sections[0].articles[0].body[0].text(),
            text.replace(',', "，")
        );
    }
}
