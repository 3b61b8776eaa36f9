//! The bulletin model: one 简报 issue as plain data.
//!
//! Nothing here knows about egui, typst or files; every other module depends on
//! this one and never the reverse. All types derive serde with
//! `#[serde(default)]` so that a file written by an older Jianbao, which lacks
//! fields added since, still loads.

mod article;
mod edit;
mod field;
pub mod figure;
mod footer;
pub mod marked;
mod masthead;
mod profile;
pub mod review;
mod series;
mod style;
mod validate;

pub use article::{Article, ArticleId, Paragraph, Section, Span, replace_chars};
pub use field::{ArticlePart, Field};
pub use figure::{
    Block, CellAlign, Figure, Image, ImageBytes, ImageFormat, Photo, PhotoWidth, Placed, Table,
};
pub use footer::{Distribution, Footer, print_count_text};
pub use masthead::{
    Classification, Masthead, Numerals, chinese_date, chinese_numeral, parse_number,
};
pub use profile::{PROFILE_SCHEMA, Profile};
pub use review::{Comment, CommentId, Quote, Review, Status};
pub use series::{Series, Unit};
pub use style::{Color, PageNumbers, Style, TitleAlign, TitleLine};
pub use validate::{Problem, ProblemKind};

use serde::{Deserialize, Serialize};

/// The schema version this build writes. Files carrying a larger number were
/// written by a newer Jianbao and are refused rather than half-read.
///
/// History: 1 — the first format; 2 — `masthead.number` became optional
/// (`Some(11)`; absent while not filled in) instead of 0 meaning "none";
/// 3 — articles carry photos and tables (`figures`), which a build reading
/// 2 would refuse as unknown fields.
pub const SCHEMA_VERSION: u32 = 3;

/// One issue of a bulletin: masthead, optional editor's note, sections of
/// articles, footer, distribution lists and the typesetting style.
///
/// Invariants kept by the editor (and checked by [`Issue::validate`], which
/// reports rather than enforces them, because files may say anything):
/// article ids are unique within the issue; `schema` is the version of the
/// file format the issue was read from or will be written as.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Issue {
    /// File-format version; first field so that it sits at the top of every file.
    pub schema: u32,
    pub masthead: Masthead,
    /// 编者按, printed in 楷体 above the first section. `None` or blank: no note.
    pub editors_note: Option<String>,
    pub sections: Vec<Section>,
    /// Appended to an article's unit to give its default attribution:
    /// unit 东城区 with suffix 文明办 gives （东城区文明办）.
    pub attribution_suffix: String,
    pub footer: Footer,
    pub distribution: Distribution,
    pub style: Style,
    /// The series' units, numbering and target, as taken from its profile.
    pub series: Series,
    /// Review status, history and comments. Not written while empty, so a
    /// draft that was never reviewed looks as it always did.
    #[serde(skip_serializing_if = "Review::is_empty")]
    pub review: Review,
}

impl Default for Issue {
    fn default() -> Self {
        Self {
            schema: SCHEMA_VERSION,
            masthead: Masthead::default(),
            editors_note: None,
            sections: Vec::new(),
            attribution_suffix: String::new(),
            footer: Footer::default(),
            distribution: Distribution::default(),
            style: Style::default(),
            series: Series::default(),
            review: Review::default(),
        }
    }
}

impl Issue {
    /// A fresh issue dated `today`, numbered 1, with one empty section ready
    /// for articles.
    pub fn new(today: chrono::NaiveDate) -> Self {
        Self {
            masthead: Masthead {
                number: Some(1),
                date: Some(today),
                ..Masthead::default()
            },
            sections: vec![Section::default()],
            ..Self::default()
        }
    }

    /// Whether two issues print the same: equal in everything but the
    /// review, which no page, export or proofreading rule reads.
    pub fn same_content(&self, other: &Issue) -> bool {
        // Destructured so that a new field must be placed on one side.
        let Issue {
            schema,
            masthead,
            editors_note,
            sections,
            attribution_suffix,
            footer,
            distribution,
            style,
            series,
            review: _,
        } = self;
        *schema == other.schema
            && *masthead == other.masthead
            && *editors_note == other.editors_note
            && *sections == other.sections
            && *attribution_suffix == other.attribution_suffix
            && *footer == other.footer
            && *distribution == other.distribution
            && *style == other.style
            && *series == other.series
    }

    /// All articles in reading order, with their section and article indices.
    pub fn articles(&self) -> impl Iterator<Item = (usize, usize, &Article)> {
        self.sections.iter().enumerate().flat_map(|(s, section)| {
            section
                .articles
                .iter()
                .enumerate()
                .map(move |(a, article)| (s, a, article))
        })
    }

    /// The section and article indices of the article with this id.
    pub fn find_article(&self, id: ArticleId) -> Option<(usize, usize)> {
        self.articles()
            .find(|(_, _, article)| article.id == id)
            .map(|(s, a, _)| (s, a))
    }

    /// The attribution printed under an article: its own when set,
    /// otherwise its unit's default from the series, otherwise unit +
    /// [`Issue::attribution_suffix`].
    pub fn attribution_of(&self, article: &Article) -> String {
        match &article.attribution {
            Some(own) => own.clone(),
            None => self.default_attribution(&article.unit),
        }
    }

    /// What an article of `unit` is credited to unless it says otherwise.
    pub fn default_attribution(&self, unit: &str) -> String {
        let unit = unit.trim();
        match self.series.unit(unit) {
            _ if unit.is_empty() => String::new(),
            Some(listed) if !listed.attribution.trim().is_empty() => {
                listed.attribution.trim().to_owned()
            }
            _ => format!("{unit}{}", self.attribution_suffix),
        }
    }

    /// The editor's note when it has text.
    pub fn editors_note_text(&self) -> Option<&str> {
        self.editors_note
            .as_deref()
            .map(str::trim)
            .filter(|note| !note.is_empty())
    }

    /// Characters of body text (lead, paragraphs, attributions, note), not
    /// counting whitespace: what an editor means by 字数.
    pub fn char_count(&self) -> usize {
        let note = self.editors_note_text().map_or(0, count_chars);
        let articles: usize = self.articles().map(|(_, _, a)| a.char_count()).sum();
        note + articles
    }

    /// A new id that no article in this issue has yet.
    pub fn fresh_article_id(&self) -> ArticleId {
        loop {
            let id = ArticleId::generate();
            if self.find_article(id).is_none() {
                return id;
            }
        }
    }
}

/// Characters in `text` other than whitespace.
pub fn count_chars(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}
