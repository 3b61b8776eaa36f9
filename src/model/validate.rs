//! Structural validation: what must be filled in, and well formed, before an
//! issue can go out. Wording rules (punctuation, spacing) belong to the
//! proofreader, not here.

use std::collections::HashSet;

use super::{ArticleId, ArticlePart, Field, Issue};

/// Something wrong with an issue, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub field: Field,
    pub kind: ProblemKind,
}

/// What is wrong. Messages in both UI languages live in [`crate::i18n`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    MissingName,
    MissingNumber,
    MissingDate,
    MissingOffice,
    /// 总期号 of zero.
    BadTotalNumber,
    NoArticles,
    MissingSectionHeading,
    EmptySection,
    MissingUnit,
    EmptyArticle,
    /// Two articles share an id (hand-edited or merged files).
    DuplicateArticleId(ArticleId),
    MalformedEmail(String),
    MalformedPhone(String),
    /// 共印 0 份.
    BadPrintCount,
    /// A style size that cannot be typeset (zero, negative or absurd).
    BadStyleSize(&'static str),
}

impl Issue {
    /// Every problem, in the order the fields appear on the page. An empty
    /// list means the issue is complete enough to print.
    pub fn validate(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        let mut push = |field, kind| problems.push(Problem { field, kind });
        let m = &self.masthead;

        if m.name.trim().is_empty() {
            push(Field::Name, ProblemKind::MissingName);
        }
        if m.number.is_none_or(|n| n == 0) {
            push(Field::Number, ProblemKind::MissingNumber);
        }
        if m.total_number == Some(0) {
            push(Field::TotalNumber, ProblemKind::BadTotalNumber);
        }
        if m.office.trim().is_empty() {
            push(Field::Office, ProblemKind::MissingOffice);
        }
        if m.date.is_none() {
            push(Field::Date, ProblemKind::MissingDate);
        }

        if self.articles().next().is_none() {
            push(Field::Section { section: 0 }, ProblemKind::NoArticles);
        }
        let mut seen: HashSet<ArticleId> = HashSet::new();
        for (s, section) in self.sections.iter().enumerate() {
            if section.heading.trim().is_empty() {
                push(
                    Field::SectionHeading { section: s },
                    ProblemKind::MissingSectionHeading,
                );
            }
            if section.articles.is_empty() {
                push(Field::Section { section: s }, ProblemKind::EmptySection);
            }
            for (a, article) in section.articles.iter().enumerate() {
                let at = |part| Field::Article {
                    section: s,
                    article: a,
                    part,
                };
                if article.unit.trim().is_empty() {
                    push(at(ArticlePart::Unit), ProblemKind::MissingUnit);
                }
                if article.is_empty() {
                    push(at(ArticlePart::Whole), ProblemKind::EmptyArticle);
                }
                if !seen.insert(article.id) {
                    push(
                        at(ArticlePart::Whole),
                        ProblemKind::DuplicateArticleId(article.id),
                    );
                }
            }
        }

        let f = &self.footer;
        if !f.email.trim().is_empty() && !is_email(f.email.trim()) {
            push(Field::Email, ProblemKind::MalformedEmail(f.email.clone()));
        }
        for (field, number) in [(Field::Phone, &f.phone), (Field::Fax, &f.fax)] {
            if !number.trim().is_empty() && !is_phone(number.trim()) {
                push(field, ProblemKind::MalformedPhone(number.clone()));
            }
        }
        if f.print_count == Some(0) {
            push(Field::PrintCount, ProblemKind::BadPrintCount);
        }

        let st = &self.style;
        for (name, size, max) in [
            ("title_size", st.title_size, 200.0),
            ("body_size", st.body_size, 72.0),
            ("footer_size", st.footer_size, 72.0),
            ("line_pitch", st.line_pitch, 144.0),
        ] {
            if !(size.is_finite() && size >= 4.0 && size <= max) {
                push(Field::Style, ProblemKind::BadStyleSize(name));
            }
        }
        problems
    }
}

/// A plausible address: one @, a local part, a dotted domain, no spaces.
/// Deliberately loose; the goal is catching typos like a missing @ or a
/// full-width ＠, not enforcing RFC 5322.
pub fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    let ok_chars = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "._%+-".contains(c))
    };
    ok_chars(local)
        && ok_chars(domain)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
}

/// A plausible phone or fax number: digits with the separators people
/// write (spaces, hyphens, parentheses, a leading +, 转 for extensions),
/// at least 5 digits.
pub fn is_phone(text: &str) -> bool {
    let digits = text.chars().filter(char::is_ascii_digit).count();
    digits >= 5
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || " -()+转".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, Paragraph, Section};

    fn kinds(issue: &Issue) -> Vec<ProblemKind> {
        issue.validate().into_iter().map(|p| p.kind).collect()
    }

    #[test]
    fn a_blank_issue_names_each_missing_field() {
        let problems = Issue::default().validate();
        let fields: Vec<Field> = problems.iter().map(|p| p.field).collect();
        assert!(fields.contains(&Field::Name));
        assert!(fields.contains(&Field::Number));
        assert!(fields.contains(&Field::Office));
        assert!(fields.contains(&Field::Date));
        assert!(problems.iter().any(|p| p.kind == ProblemKind::NoArticles));
    }

    #[test]
    fn the_sample_is_clean() {
        assert_eq!(crate::sample::issue().validate(), vec![]);
    }

    #[test]
    fn empty_and_duplicate_articles_are_found() {
        let mut issue = crate::sample::issue();
        let first_id = issue.sections[0].articles[0].id;
        let mut blank = Article::new(first_id);
        blank.unit = "西城区".into();
        issue.sections[0].articles.push(blank);
        let problems = issue.validate();
        let at_new = |part| Field::Article {
            section: 0,
            article: 3,
            part,
        };
        assert!(problems.contains(&Problem {
            field: at_new(ArticlePart::Whole),
            kind: ProblemKind::EmptyArticle
        }));
        assert!(problems.contains(&Problem {
            field: at_new(ArticlePart::Whole),
            kind: ProblemKind::DuplicateArticleId(first_id)
        }));
    }

    #[test]
    fn a_body_alone_makes_an_article_non_empty() {
        let mut issue = crate::sample::issue();
        issue.sections.push(Section {
            heading: "志愿服务".into(),
            articles: vec![Article {
                unit: "海淀区".into(),
                body: vec![Paragraph::plain("海淀区开展志愿服务。")],
                ..Article::new(ArticleId(99))
            }],
        });
        assert_eq!(kinds(&issue), vec![]);
    }

    #[test]
    fn emails_and_phones() {
        for good in ["jswmzhxhc@163.com", "a.b+c@gov.cn"] {
            assert!(is_email(good), "{good}");
        }
        for bad in [
            "jswmzhxhc163.com",
            "jswmzhxhc＠163.com",
            "a@b",
            "a@.cn",
            "a b@c.cn",
            "@163.com",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
        for good in [
            "55569506",
            "010-5556 9506",
            "(010) 55569506",
            "+86 10 55569506",
            "55569506转8001",
        ] {
            assert!(is_phone(good), "{good}");
        }
        for bad in ["5556", "电话55569506", "55569506a", "５５５６９５０６"] {
            assert!(!is_phone(bad), "{bad}");
        }
    }

    #[test]
    fn malformed_footer_fields_are_reported_with_their_text() {
        let mut issue = crate::sample::issue();
        issue.footer.email = "jswmzhxhc＠163.com".into();
        issue.footer.fax = "五五五".into();
        issue.footer.print_count = Some(0);
        assert_eq!(
            kinds(&issue),
            vec![
                ProblemKind::MalformedEmail("jswmzhxhc＠163.com".into()),
                ProblemKind::MalformedPhone("五五五".into()),
                ProblemKind::BadPrintCount,
            ]
        );
    }
}
