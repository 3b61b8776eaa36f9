//! A whole bulletin from plain text laid out like the printed one — typed,
//! pasted from a message, or copied out of a PDF.
//!
//! The text is read top to bottom: masthead lines (密级, name, 第 N 期,
//! （总第 N 期）, office, date) until the first 【section】 or article;
//! articles, each closed by its attribution in brackets; then the footer
//! (责编, 核稿, 电话, 传真, 邮箱) and the 报/送/发 lines. Lines are joined into
//! paragraphs; a new paragraph starts only at an indented line, since PDF
//! copies break lines anywhere and put blank lines at page breaks.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::ImportError;
use super::article::{ArticleParts, article_from_paragraphs, looks_like_title, split_attribution};
use super::clean::{is_indented, is_page_number, join_lines, normalize, tidy_spaces};
use crate::model::{Classification, Issue, Numerals, Profile, Section, parse_number};

enum Part {
    Masthead,
    Body,
    Footer,
}

/// A footer label at the start of a line, and the text after its colon.
fn labelled<'a>(line: &'a str, labels: &[&'static str]) -> Option<(&'static str, &'a str)> {
    labels.iter().find_map(|&label| {
        let rest = line.strip_prefix(label)?.trim_start();
        let rest = rest.strip_prefix(':').or_else(|| rest.strip_prefix('：'))?;
        Some((label, rest.trim()))
    })
}

const CREDITS: [&str; 5] = ["责编", "核稿", "电话", "传真", "邮箱"];
const LINES: [&str; 3] = ["报", "送", "发"];

/// 2021 年 2 月 25 日 anywhere in a line: the date and where it starts.
fn find_date(line: &str) -> Option<(NaiveDate, usize)> {
    let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let year_at = compact.find('年')?;
    let year_digits: String = compact[..year_at]
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect();
    let year: i32 = year_digits.chars().rev().collect::<String>().parse().ok()?;
    let rest = &compact[year_at + '年'.len_utf8()..];
    let (month, rest) = rest.split_once('月')?;
    let (day, _) = rest.split_once('日')?;
    let date = NaiveDate::from_ymd_opt(year, month.parse().ok()?, day.parse().ok()?)?;
    let start = line.find(&year_digits.chars().rev().collect::<String>())?;
    Some((date, start))
}

/// The number line: 第 11 期, 增刊第 2 期, 第九期, and the total after it
/// when it shares the line (第九期（总第十六期）).
struct NumberLine {
    number: u32,
    supplement: bool,
    total: Option<u32>,
    numerals: Numerals,
}

fn number_line(line: &str) -> Option<NumberLine> {
    let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let (supplement, rest) = match compact.strip_prefix("增刊") {
        Some(rest) => (true, rest),
        None => (false, compact.as_str()),
    };
    let (rest, total) = match rest.find(['(', '（']) {
        Some(at) => (&rest[..at], Some(total_line(&rest[at..])?)),
        None => (rest, None),
    };
    let written = rest.strip_prefix('第')?.strip_suffix('期')?;
    let numerals = if written.chars().all(|c| c.is_ascii_digit()) {
        Numerals::Arabic
    } else {
        Numerals::Chinese
    };
    Some(NumberLine {
        number: parse_number(written)?,
        supplement,
        total,
        numerals,
    })
}

/// （总第 2177 期）, （总第十六期）.
fn total_line(line: &str) -> Option<u32> {
    let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let inner = compact
        .strip_prefix(['(', '（'])?
        .strip_suffix([')', '）'])?;
    parse_number(inner.strip_prefix("总第")?.strip_suffix('期')?)
}

fn heading_line(line: &str) -> Option<&str> {
    line.trim()
        .strip_prefix('【')?
        .strip_suffix('】')
        .map(str::trim)
}

/// Reads a bulletin. With the `profile` of its series, the issue takes the
/// series (its units name the articles' units) and the style; what the
/// text says wins over the profile everywhere else. Fails only when the
/// text has no masthead name and no article at all (it is not a bulletin).
pub fn read(text: &str, profile: Option<&Profile>) -> Result<Issue, ImportError> {
    let text = normalize(text);
    let mut issue = Issue::default();
    if let Some(profile) = profile {
        issue.series = profile.series.clone();
        issue.style = profile.style.clone();
    }
    let mut part = Part::Masthead;
    let mut pending_office: Option<String> = None;
    let mut distribution: Option<&'static str> = None;
    let mut articles = Articles::default();

    let raw_lines: Vec<&str> = text.lines().collect();
    for (i, &raw) in raw_lines.iter().enumerate() {
        if is_page_number(raw) {
            continue;
        }
        let line = raw.trim_matches(|c: char| c.is_whitespace());
        if line.is_empty() {
            continue;
        }

        // Footer lines end the body wherever they appear.
        if let Some((label, value)) = labelled(line, &LINES) {
            part = Part::Footer;
            distribution = Some(label);
            append_line(&mut issue, label, value);
            continue;
        }
        if labelled(line, &CREDITS).is_some() {
            part = Part::Footer;
            distribution = None;
            read_credits(&mut issue, line);
            continue;
        }
        if let Part::Footer = part {
            if let Some(count) = print_count(line) {
                issue.footer.print_count = Some(count);
            } else if let Some(label) = distribution {
                // A distribution line wrapped onto the next line.
                append_line(&mut issue, label, line);
            }
            continue;
        }

        if let Some(heading) = heading_line(line) {
            // An article without an attribution ends at the next heading.
            articles.close(&mut issue, None);
            part = Part::Body;
            issue.sections.push(Section {
                heading: heading.to_owned(),
                articles: Vec::new(),
            });
            continue;
        }

        if let Part::Masthead = part {
            if let Some(c) = Classification::from_label(line) {
                issue.masthead.classification = Some(c);
                continue;
            }
            if let Some(found) = number_line(line) {
                issue.masthead.number = Some(found.number);
                issue.masthead.supplement = found.supplement;
                issue.masthead.numerals = found.numerals;
                if found.total.is_some() {
                    issue.masthead.total_number = found.total;
                }
                continue;
            }
            if let Some(total) = total_line(line) {
                issue.masthead.total_number = Some(total);
                continue;
            }
            if let Some((date, at)) = find_date(line) {
                issue.masthead.date = Some(date);
                let before = line[..at].trim();
                if !before.is_empty() {
                    pending_office = Some(before.to_owned());
                }
                issue.masthead.office = pending_office.take().unwrap_or_default();
                continue;
            }
            if let Some(note) = line
                .strip_prefix("编者按")
                .map(|r| r.trim_start_matches([':', '：']).trim())
            {
                issue.editors_note = Some(note.to_owned());
                continue;
            }
            if issue.masthead.name.is_empty() && line.chars().count() <= 30 {
                issue.masthead.name = line.to_owned();
                continue;
            }
            if issue.masthead.date.is_none() && line.chars().count() <= 30 {
                // The office stands on its own line above the date.
                pending_office = Some(line.to_owned());
                continue;
            }
            part = Part::Body;
        }

        // The body: lines of articles, each closed by an attribution or
        // by the next article's title line.
        // A title stands between paragraphs: what came before ended, and
        // the next line starts a paragraph (is indented).
        let paragraph_ended = articles.lines.last().is_none_or(|l| ends_paragraph(l));
        let next_starts_paragraph = raw_lines[i + 1..]
            .iter()
            .find(|l| !l.trim().is_empty() && !is_page_number(l))
            .is_some_and(|l| is_indented(l));
        if paragraph_ended && next_starts_paragraph && looks_like_title(line) {
            articles.close(&mut issue, None);
            articles.title = Some(line.to_owned());
            continue;
        }
        if is_indented(raw) {
            articles.end_paragraph();
        }
        let lines = &mut articles.lines;
        lines.push(line.to_owned());
        // An attribution on a line of its own closes the article whatever
        // precedes it (a last paragraph without closing punctuation used to
        // keep it as body text and run into the next unit's article).
        let alone = split_attribution(line).filter(|(before, _)| before.is_empty());
        let found = match alone {
            Some((_, attribution)) => {
                lines.pop();
                Some((tidy_spaces(&lines.concat()), attribution))
            }
            None => split_attribution(&tidy_spaces(&lines.concat())),
        };
        if let Some((before, attribution)) = found {
            lines.clear();
            if !before.is_empty() {
                lines.push(before);
            }
            articles.close(&mut issue, Some(attribution));
        }
    }
    // An article without an attribution at the end.
    articles.close(&mut issue, None);

    if issue.masthead.name.is_empty() && articles.read.is_empty() {
        return Err(ImportError::NotABulletin);
    }
    // A section that is only a heading with nothing under it yet keeps its
    // place; the articles go where they were read.
    let series = issue.series.clone();
    for (section, parts) in articles.read {
        let id = issue.fresh_article_id();
        let article = article_from_paragraphs(id, parts, &series);
        issue.sections[section].articles.push(article);
    }
    settle_attributions(&mut issue);
    Ok(issue)
}

/// The body as read so far: the article being read and those before it.
#[derive(Default)]
struct Articles {
    /// Lines of the paragraph being read.
    lines: Vec<String>,
    /// Paragraphs of the article being read.
    paragraphs: Vec<String>,
    /// Its title line, when it has one.
    title: Option<String>,
    /// Each article read: its section and its parts.
    read: Vec<(usize, ArticleParts)>,
}

impl Articles {
    fn end_paragraph(&mut self) {
        if !self.lines.is_empty() {
            self.paragraphs
                .push(join_lines(self.lines.iter().map(String::as_str)));
            self.lines.clear();
        }
    }

    /// Closes the article being read, if there is one (an attribution
    /// alone is one), into the issue's current section: an unnamed one
    /// when the text has had no heading yet.
    fn close(&mut self, issue: &mut Issue, attribution: Option<String>) {
        self.end_paragraph();
        if self.paragraphs.is_empty() && self.title.is_none() && attribution.is_none() {
            return;
        }
        if issue.sections.is_empty() {
            issue.sections.push(Section::default());
        }
        self.read.push((
            issue.sections.len() - 1,
            ArticleParts {
                title: self.title.take(),
                paragraphs: std::mem::take(&mut self.paragraphs),
                attribution,
            },
        ));
    }
}

/// Whether a line ends a paragraph: it closes a sentence. (A closing
/// quote or bracket is no sign: a line copied out of a PDF breaks
/// anywhere, after 考核” as well as after 考核。)
fn ends_paragraph(line: &str) -> bool {
    line.trim_end().ends_with(['。', '！', '？', '…'])
}

/// The issue's attribution suffix is the commonest ending after the unit
/// (文明办 in 东城区文明办); articles whose attribution is just unit + suffix
/// then follow their unit.
pub fn settle_attributions(issue: &mut Issue) {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for (_, _, article) in issue.articles() {
        if let Some(own) = &article.attribution
            && let Some(suffix) = own.strip_prefix(article.unit.as_str())
        {
            *counts.entry(suffix.to_owned()).or_default() += 1;
        }
    }
    let suffix = counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(suffix, _)| suffix)
        .unwrap_or_default();
    issue.attribution_suffix = suffix;
    let defaults: Vec<String> = issue
        .articles()
        .map(|(_, _, a)| issue.default_attribution(&a.unit))
        .collect();
    let articles = issue.sections.iter_mut().flat_map(|s| &mut s.articles);
    for (article, default) in articles.zip(defaults) {
        if article.attribution.as_deref() == Some(default.as_str()) {
            article.attribution = None;
        }
    }
}

/// 责编:梅雪峰  核稿:田文松 — one or more credits on a line.
fn read_credits(issue: &mut Issue, line: &str) {
    let mut rest = line;
    while let Some((label, value)) = labelled(rest.trim_start(), &CREDITS) {
        // The value runs to the next label.
        let next = CREDITS
            .iter()
            .filter_map(|l| value.find(l).filter(|&at| at > 0))
            .min()
            .unwrap_or(value.len());
        let (own, after) = value.split_at(next);
        let own = own.trim().to_owned();
        let f = &mut issue.footer;
        match label {
            "责编" => f.editor = own,
            "核稿" => f.proofreader = own,
            "电话" => f.phone = own,
            "传真" => f.fax = own,
            _ => f.email = own,
        }
        rest = after;
    }
}

fn append_line(issue: &mut Issue, label: &str, text: &str) {
    let (text, count) = match text.rfind("共印") {
        Some(at) => (&text[..at], print_count(&text[at..])),
        None => (text, None),
    };
    if count.is_some() {
        issue.footer.print_count = count;
    }
    let d = &mut issue.distribution;
    let target = match label {
        "报" => &mut d.report_to,
        "送" => &mut d.send_to,
        _ => &mut d.issue_to,
    };
    let joined = join_lines([target.as_str(), text.trim()]);
    *target = joined;
}

/// 共印 120 份.
fn print_count(text: &str) -> Option<u32> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    compact
        .strip_prefix("共印")?
        .strip_suffix('份')?
        .parse()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masthead_lines() {
        let read = |line| number_line(line).map(|n| (n.number, n.supplement, n.total, n.numerals));
        assert_eq!(read("第 11 期"), Some((11, false, None, Numerals::Arabic)));
        assert_eq!(read("增刊第2期"), Some((2, true, None, Numerals::Arabic)));
        assert_eq!(read("第九期"), Some((9, false, None, Numerals::Chinese)));
        assert_eq!(
            read("第九期（总第十六期）"),
            Some((9, false, Some(16), Numerals::Chinese))
        );
        assert_eq!(
            read("第一百零五期 (总第二千一百七十七期)").map(|n| n.2),
            Some(Some(2177))
        );
        assert_eq!(read("第几期"), None);
        assert_eq!(total_line("（总第十六期）"), Some(16));
        assert_eq!(total_line("(总第 2177 期)"), Some(2177));
        assert_eq!(total_line("（总第2177期）"), Some(2177));
        assert_eq!(
            find_date("2021 年 2 月 25 日").map(|d| d.0),
            NaiveDate::from_ymd_opt(2021, 2, 25)
        );
        let (date, at) = find_date("首都精神文明办      2021年2月25日").expect("a date");
        assert_eq!(date, NaiveDate::from_ymd_opt(2021, 2, 25).expect("valid"));
        assert_eq!(
            "首都精神文明办      2021年2月25日"[..at].trim(),
            "首都精神文明办"
        );
        assert_eq!(print_count("共印 120 份"), Some(120));
    }

    #[test]
    fn credits_share_a_line() {
        let mut issue = Issue::default();
        read_credits(&mut issue, "责编：梅雪峰　　核稿：田文松");
        read_credits(
            &mut issue,
            "电话:55569506 传真:55569505 邮箱:jswmzhxhc@163.com",
        );
        let f = &issue.footer;
        assert_eq!(
            (f.editor.as_str(), f.proofreader.as_str()),
            ("梅雪峰", "田文松")
        );
        assert_eq!(
            (f.phone.as_str(), f.fax.as_str(), f.email.as_str()),
            ("55569506", "55569505", "jswmzhxhc@163.com")
        );
    }

    #[test]
    fn text_that_is_no_bulletin_is_refused() {
        assert!(matches!(read("", None), Err(ImportError::NotABulletin)));
        assert!(matches!(
            read("\n\n  \n", None),
            Err(ImportError::NotABulletin)
        ));
    }
}
