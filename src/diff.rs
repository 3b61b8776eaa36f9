//! Comparing two versions of an issue — the draft and its `.bak`, a
//! reviewer's copy, last week's file — field by field and article by
//! article, with character-level changes, and taking the other version's
//! side of any one difference.
//!
//! Articles are matched by id, so a moved article is one move, not a
//! deletion and an insertion, and its text changes are still shown.

use similar::{ChangeTag, TextDiff};

use crate::model::{Article, ArticleId, Field, Figure, Issue};

/// What part of the issue a difference is in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// A masthead, footer, distribution or other issue-level field.
    Field(Field),
    /// A section's heading, by position.
    SectionHeading(usize),
    /// One part of an article present in both versions.
    Article { id: ArticleId, part: ArticleText },
    /// An article only the other version has.
    Added(ArticleId),
    /// An article only this version has.
    Removed(ArticleId),
    /// An article in another place (section, position) in the other version.
    Moved(ArticleId),
}

/// The compared texts of an article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArticleText {
    Unit,
    Title,
    Lead,
    /// All paragraphs, one per line, bold run-ins marked with `**`.
    Body,
    Attribution,
    /// Photos and tables, as `figures_text` writes them.
    Figures,
}

/// A run of characters in a character-level comparison.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Chunk {
    Same(String),
    /// Only in the other version.
    Added(String),
    /// Only in this version.
    Removed(String),
}

/// One difference between this version and the other.
#[derive(Clone, Debug, PartialEq)]
pub struct Difference {
    pub place: Place,
    /// The article's unit, for headings in lists of differences.
    pub unit: Option<String>,
    pub ours: String,
    pub theirs: String,
    pub chunks: Vec<Chunk>,
}

/// Character-level comparison of two texts.
pub fn chunks(ours: &str, theirs: &str) -> Vec<Chunk> {
    let diff = TextDiff::from_chars(ours, theirs);
    let mut out: Vec<Chunk> = Vec::new();
    for change in diff.iter_all_changes() {
        let text = change.value();
        match (change.tag(), out.last_mut()) {
            (ChangeTag::Equal, Some(Chunk::Same(s)))
            | (ChangeTag::Insert, Some(Chunk::Added(s)))
            | (ChangeTag::Delete, Some(Chunk::Removed(s))) => s.push_str(text),
            (ChangeTag::Equal, _) => out.push(Chunk::Same(text.to_owned())),
            (ChangeTag::Insert, _) => out.push(Chunk::Added(text.to_owned())),
            (ChangeTag::Delete, _) => out.push(Chunk::Removed(text.to_owned())),
        }
    }
    out
}

/// The issue-level fields compared, as text.
/// An issue-level field as text, the way it is compared and shown.
fn field_text(issue: &Issue, field: Field) -> String {
    let m = &issue.masthead;
    let number = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
    let yes_no = |b: bool| if b { "✓" } else { "✗" }.to_owned();
    match field {
        Field::Number => number(m.number),
        Field::TotalNumber => number(m.total_number),
        Field::Supplement => yes_no(m.supplement),
        Field::Date => m.date.map(|d| d.to_string()).unwrap_or_default(),
        Field::Classification => m
            .classification
            .map(|c| c.label().to_owned())
            .unwrap_or_default(),
        Field::CopySerial => yes_no(m.copy_serial),
        Field::PrintCount => number(issue.footer.print_count),
        text => issue.field_text(&text).unwrap_or_default(),
    }
}

fn article_text(article: &Article, part: ArticleText) -> String {
    match part {
        ArticleText::Unit => article.unit.clone(),
        ArticleText::Title => article.title.clone(),
        ArticleText::Lead => article.lead.clone(),
        ArticleText::Body => crate::model::marked::to_marked(&article.body),
        ArticleText::Attribution => article.attribution.clone().unwrap_or_default(),
        ArticleText::Figures => figures_text(article),
    }
}

/// An article's photos and tables as lines of text, so that compare shows
/// one added, removed, moved, recaptioned or with a cell changed: a photo
/// as [图 after paragraph N: caption] with its width and a fingerprint of
/// its image (a replaced photo is a change), a table as its place and
/// title, then its rows, tab-separated.
fn figures_text(article: &Article) -> String {
    let mut lines = Vec::new();
    for placed in &article.figures {
        match &placed.figure {
            Figure::Photo(photo) => {
                let image = &photo.image;
                // std's hasher with its fixed keys: the same image gives
                // the same print in both versions.
                use std::hash::BuildHasher as _;
                let print = std::hash::BuildHasherDefault::<std::hash::DefaultHasher>::default()
                    .hash_one(&image.bytes);
                lines.push(format!(
                    "[图 ¶{}：{}] {:?} {}×{} #{print:016x}",
                    placed.after, photo.caption, photo.width, image.width, image.height
                ));
            }
            Figure::Table(table) => {
                lines.push(format!("[表 ¶{}：{}]", placed.after, table.title));
                lines.extend(table.to_tab_separated().lines().map(str::to_owned));
            }
        }
    }
    lines.join("\n")
}

fn difference(place: Place, unit: Option<String>, ours: String, theirs: String) -> Difference {
    Difference {
        chunks: chunks(&ours, &theirs),
        place,
        unit,
        ours,
        theirs,
    }
}

/// Every difference between `ours` and `theirs`, in reading order.
pub fn compare(ours: &Issue, theirs: &Issue) -> Vec<Difference> {
    let mut out = Vec::new();
    for field in Field::ISSUE_LEVEL {
        let (a, b) = (field_text(ours, field), field_text(theirs, field));
        if a != b {
            out.push(difference(Place::Field(field), None, a, b));
        }
    }
    let sections = ours.sections.len().max(theirs.sections.len());
    for s in 0..sections {
        let a = ours
            .sections
            .get(s)
            .map(|x| x.heading.clone())
            .unwrap_or_default();
        let b = theirs
            .sections
            .get(s)
            .map(|x| x.heading.clone())
            .unwrap_or_default();
        if a != b {
            out.push(difference(Place::SectionHeading(s), None, a, b));
        }
    }
    for (s, a, article) in ours.articles() {
        let unit = Some(article.unit.clone());
        match theirs.find_article(article.id) {
            None => out.push(difference(
                Place::Removed(article.id),
                unit,
                article_text(article, ArticleText::Lead),
                String::new(),
            )),
            Some((ts, ta)) => {
                let other = &theirs.sections[ts].articles[ta];
                if (s, a) != (ts, ta) {
                    out.push(difference(
                        Place::Moved(article.id),
                        unit.clone(),
                        String::new(),
                        String::new(),
                    ));
                }
                for part in [
                    ArticleText::Unit,
                    ArticleText::Title,
                    ArticleText::Lead,
                    ArticleText::Body,
                    ArticleText::Attribution,
                    ArticleText::Figures,
                ] {
                    let (mine, yours) = (article_text(article, part), article_text(other, part));
                    if mine != yours {
                        out.push(difference(
                            Place::Article {
                                id: article.id,
                                part,
                            },
                            unit.clone(),
                            mine,
                            yours,
                        ));
                    }
                }
            }
        }
    }
    for (_, _, article) in theirs.articles() {
        if ours.find_article(article.id).is_none() {
            let text = format!(
                "{}{}{}{}",
                article.title,
                article.lead,
                article.body_text(),
                figures_text(article)
            );
            out.push(difference(
                Place::Added(article.id),
                Some(article.unit.clone()),
                String::new(),
                text,
            ));
        }
    }
    out
}

/// Takes the other version's side of one difference into `ours`.
pub fn accept(ours: &mut Issue, theirs: &Issue, difference: &Difference) {
    match &difference.place {
        Place::Field(field) => accept_field(ours, theirs, *field),
        Place::SectionHeading(s) => {
            let heading = theirs
                .sections
                .get(*s)
                .map(|x| x.heading.clone())
                .unwrap_or_default();
            while ours.sections.len() <= *s {
                ours.add_section();
            }
            ours.sections[*s].heading = heading;
        }
        Place::Article { id, part } => {
            let (Some((s, a)), Some((ts, ta))) = (ours.find_article(*id), theirs.find_article(*id))
            else {
                return;
            };
            let source = theirs.sections[ts].articles[ta].clone();
            let target = &mut ours.sections[s].articles[a];
            match part {
                ArticleText::Unit => target.unit = source.unit,
                ArticleText::Title => target.title = source.title,
                ArticleText::Lead => target.lead = source.lead,
                ArticleText::Body => target.body = source.body,
                ArticleText::Attribution => target.attribution = source.attribution,
                ArticleText::Figures => target.figures = source.figures,
            }
        }
        Place::Removed(id) => {
            ours.delete_article(*id);
        }
        Place::Added(id) => {
            let Some((ts, ta)) = theirs.find_article(*id) else {
                return;
            };
            let article = theirs.sections[ts].articles[ta].clone();
            // After the article it follows in the other version, if we have
            // it; else at the same place in the same section.
            let previous = ta
                .checked_sub(1)
                .map(|p| theirs.sections[ts].articles[p].id);
            let (s, index) = match previous.and_then(|p| ours.find_article(p)) {
                Some((s, a)) => (s, a + 1),
                None => (ts.min(ours.sections.len().saturating_sub(1)), ta),
            };
            if ours.sections.is_empty() {
                ours.add_section();
            }
            let articles = &mut ours.sections[s].articles;
            articles.insert(index.min(articles.len()), article);
        }
        Place::Moved(id) => {
            if let Some((ts, ta)) = theirs.find_article(*id) {
                ours.move_article_to(*id, ts.min(ours.sections.len().saturating_sub(1)), ta);
            }
        }
    }
}

fn accept_field(ours: &mut Issue, theirs: &Issue, field: Field) {
    let (m, tm) = (&mut ours.masthead, &theirs.masthead);
    match field {
        Field::Number => m.number = tm.number,
        Field::TotalNumber => m.total_number = tm.total_number,
        Field::Supplement => m.supplement = tm.supplement,
        Field::Date => m.date = tm.date,
        Field::Classification => m.classification = tm.classification,
        Field::CopySerial => m.copy_serial = tm.copy_serial,
        Field::PrintCount => ours.footer.print_count = theirs.footer.print_count,
        // Present or not: the text alone would not say.
        Field::EditorsNote => ours.editors_note = theirs.editors_note.clone(),
        text => {
            if let (Some(mine), Some(their)) =
                (ours.field_text_mut(&text), theirs.field_text(&text))
            {
                *mine = their;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Paragraph;

    fn added(chunks: &[Chunk]) -> String {
        chunks
            .iter()
            .filter_map(|c| {
                if let Chunk::Added(s) = c {
                    Some(s.as_str())
                } else {
                    None
                }
            })
            .collect()
    }

    fn removed(chunks: &[Chunk]) -> String {
        chunks
            .iter()
            .filter_map(|c| {
                if let Chunk::Removed(s) = c {
                    Some(s.as_str())
                } else {
                    None
                }
            })
            .collect()
    }

    /// A cell changed and a caption changed show as one difference in
    /// the article's figures, with the changed characters; accepting it
    /// takes the other version's figures.
    #[test]
    fn a_changed_cell_and_caption_are_a_figures_difference() {
        let ours = crate::sample::with_figures();
        let mut theirs = ours.clone();
        let Figure::Table(table) = &mut theirs.sections[0].articles[1].figures[0].figure else {
            panic!("a table");
        };
        table.rows[0][2] = "5月".into();
        let differences = compare(&ours, &theirs);
        assert_eq!(differences.len(), 1, "{differences:?}");
        let d = &differences[0];
        assert!(matches!(
            d.place,
            Place::Article {
                part: ArticleText::Figures,
                ..
            }
        ));
        assert_eq!(added(&d.chunks), "5");
        let mut accepted = ours.clone();
        accept(&mut accepted, &theirs, d);
        assert_eq!(accepted, theirs);

        // A photo removed in the other version is a difference too.
        let mut without = ours.clone();
        without.sections[0].articles[0].figures.clear();
        let d = compare(&ours, &without);
        assert_eq!(d.len(), 1);
        assert!(d[0].ours.contains("东城区志愿者在街巷开展文明引导"));
        assert!(d[0].theirs.is_empty());
    }

    #[test]
    fn chinese_insertions_deletions_and_replacements() {
        let c = chunks("深化全国文明城区创建工作", "深化全国文明城市创建工作");
        assert_eq!(
            (removed(&c), added(&c)),
            ("区".to_owned(), "市".to_owned()),
            "one character replaced"
        );
        let c = chunks("坚持全时创建", "坚持全时全域创建");
        assert_eq!((removed(&c), added(&c)), (String::new(), "全域".to_owned()));
        let c = chunks("拓宽群众监督路径", "拓宽监督路径");
        assert_eq!((removed(&c), added(&c)), ("群众".to_owned(), String::new()));
        assert_eq!(chunks("相同", "相同"), vec![Chunk::Same("相同".into())]);
    }

    #[test]
    fn articles_are_matched_by_id_through_moves() {
        let ours = crate::sample::issue();
        let mut theirs = ours.clone();
        let dong = theirs.sections[0].articles[0].id;
        theirs.move_article_by(dong, 1);
        theirs.sections[0].articles[1].lead =
            theirs.sections[0].articles[1].lead.replace("四全", "五全");
        let differences = compare(&ours, &theirs);
        assert!(differences.iter().any(|d| d.place == Place::Moved(dong)));
        let lead = differences
            .iter()
            .find(|d| {
                d.place
                    == Place::Article {
                        id: dong,
                        part: ArticleText::Lead,
                    }
            })
            .expect("the moved article's edit is still seen");
        assert_eq!(
            (removed(&lead.chunks), added(&lead.chunks)),
            ("四".to_owned(), "五".to_owned())
        );
        assert!(
            !differences
                .iter()
                .any(|d| matches!(d.place, Place::Added(_) | Place::Removed(_)))
        );

        let mut merged = ours.clone();
        for d in &differences {
            accept(&mut merged, &theirs, d);
        }
        assert_eq!(merged, theirs, "accepting everything gives their version");
    }

    #[test]
    fn every_issue_level_field_is_compared_and_accepted() {
        let ours = crate::sample::issue();
        let mut theirs = ours.clone();
        let m = &mut theirs.masthead;
        m.name.push_str("（增刊）");
        m.number = Some(12);
        m.total_number = Some(2178);
        m.supplement = !m.supplement;
        m.office = "首都文明办".into();
        m.date = chrono::NaiveDate::from_ymd_opt(2021, 3, 3);
        m.classification = Some(crate::model::Classification::Secret);
        m.copy_serial = !m.copy_serial;
        theirs.editors_note = Some("编者按：请各区参阅。".into());
        theirs.attribution_suffix = "宣传部".into();
        let f = &mut theirs.footer;
        f.editor = "张三".into();
        f.proofreader = "李四".into();
        f.phone = "010-12345678".into();
        f.fax = "010-87654321".into();
        f.email = "wmb@bj.gov.cn".into();
        f.print_count = Some(80);
        let d = &mut theirs.distribution;
        d.report_to = "市委".into();
        d.send_to = "市委宣传部".into();
        d.issue_to = "各区文明办".into();

        let differences = compare(&ours, &theirs);
        assert_eq!(
            differences.len(),
            Field::ISSUE_LEVEL.len(),
            "one difference per field: {differences:#?}"
        );
        let mut merged = ours.clone();
        for d in &differences {
            accept(&mut merged, &theirs, d);
        }
        assert_eq!(merged, theirs);
    }

    #[test]
    fn deleted_and_added_articles() {
        let ours = crate::sample::issue();
        let mut theirs = ours.clone();
        let fangshan = theirs.sections[0].articles[1].id;
        theirs.delete_article(fangshan);
        let new = theirs.add_article(0).expect("added");
        let (s, a) = theirs.find_article(new).expect("there");
        theirs.sections[s].articles[a].unit = "海淀区".into();
        theirs.sections[s].articles[a].body = vec![Paragraph::plain("海淀区开展志愿服务。")];
        theirs.footer.editor = "张三".into();

        let differences = compare(&ours, &theirs);
        let places: Vec<&Place> = differences.iter().map(|d| &d.place).collect();
        assert!(places.contains(&&Place::Removed(fangshan)));
        assert!(places.contains(&&Place::Added(new)));
        assert!(places.contains(&&Place::Field(Field::Editor)));

        // Accepting one difference takes only that one.
        let mut merged = ours.clone();
        let removal = differences
            .iter()
            .find(|d| d.place == Place::Removed(fangshan))
            .expect("found");
        accept(&mut merged, &theirs, removal);
        assert!(merged.find_article(fangshan).is_none());
        assert!(
            merged.find_article(new).is_none(),
            "the addition was not accepted"
        );
        assert_eq!(merged.footer.editor, ours.footer.editor);
        for d in &differences {
            accept(&mut merged, &theirs, d);
        }
        assert_eq!(merged, theirs);
    }
}
