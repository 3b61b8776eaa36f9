//! One article from text: its lead sentence, body paragraphs with run-in
//! heads, closing attribution and contributing unit.

use crate::model::{Article, ArticleId, Paragraph, Series, Span};

/// Characters that end a sentence.
const STOPS: &str = "。！？";

/// The longest run-in head, in characters (坚持全时创建。 is 7).
const RUN_IN_MAX: usize = 10;

/// Splits `text` after its first sentence: the lead. A sentence ends at a
/// 。！？ outside quotation marks and brackets. Without one, it is all lead.
pub fn split_lead(text: &str) -> (String, String) {
    let mut depth = 0i32;
    for (i, c) in text.char_indices() {
        match c {
            '“' | '‘' | '《' | '（' | '(' | '【' | '「' => depth += 1,
            '”' | '’' | '》' | '）' | ')' | '】' | '」' => depth -= 1,
            c if depth <= 0 && STOPS.contains(c) => {
                let end = i + c.len_utf8();
                return (text[..end].to_owned(), text[end..].to_owned());
            }
            _ => {}
        }
    }
    (text.to_owned(), String::new())
}

/// Sentences of a paragraph, each with its closing mark.
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if STOPS.contains(c) {
            let end = i + c.len_utf8();
            out.push(&text[start..end]);
            start = end;
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// A sentence that reads like a run-in head: short, Chinese characters
/// only, closed by a full stop (坚持全时创建。).
fn is_run_in(sentence: &str) -> bool {
    let Some(words) = sentence.strip_suffix('。') else {
        return false;
    };
    let count = words.chars().count();
    (4..RUN_IN_MAX).contains(&count) && words.chars().all(crate::lint::is_han)
}

/// Which sentences of a paragraph are run-in heads: short ones that a
/// longer sentence follows (a head introduces text; two short sentences in
/// a row, or one at the end, are just short sentences).
fn run_in_flags(sentences: &[&str]) -> Vec<bool> {
    (0..sentences.len())
        .map(|i| {
            is_run_in(sentences[i]) && sentences.get(i + 1).is_some_and(|next| !is_run_in(next))
        })
        .collect()
}

/// A paragraph of plain text with its run-in heads bold, if the article
/// has any (one head alone is just a short sentence).
pub fn with_run_ins(text: &str, article_has_run_ins: bool) -> Paragraph {
    let parts = sentences(text);
    let flags = run_in_flags(&parts);
    let spans = parts
        .iter()
        .zip(flags)
        .map(|(s, head)| Span {
            text: (*s).to_owned(),
            bold: article_has_run_ins && head,
        })
        .collect();
    Paragraph { spans }.normalized()
}

/// Whether the body's paragraphs together hold at least two run-in heads.
pub fn has_run_ins(paragraphs: &[String]) -> bool {
    let heads: usize = paragraphs
        .iter()
        .map(|p| {
            run_in_flags(&sentences(p))
                .into_iter()
                .filter(|&h| h)
                .count()
        })
        .sum();
    heads >= 2
}

/// A closing attribution at the very end of `text`: (东城区文明办) or
/// （东城区文明办）, after a sentence's end or alone. Returns the text before
/// it and the attribution's words.
pub fn split_attribution(text: &str) -> Option<(String, String)> {
    let trimmed = text.trim_end();
    let close = trimmed.chars().last().filter(|c| matches!(c, ')' | '）'))?;
    let open = if close == ')' { '(' } else { '（' };
    let start = trimmed.rfind(open)?;
    let inner = &trimmed[start + open.len_utf8()..trimmed.len() - close.len_utf8()];
    let count = inner.chars().count();
    if !(2..=30).contains(&count) || inner.contains(['(', ')', '（', '）', '。']) {
        return None;
    }
    let before = trimmed[..start].trim_end();
    let ends_sentence = before.is_empty() || before.ends_with(|c: char| "。！？”…".contains(c));
    ends_sentence.then(|| (before.to_owned(), inner.trim().to_owned()))
}

/// The contributing unit named by an attribution and a lead: a unit of the
/// series the attribution names, else their common beginning (东城区 in
/// 东城区文明办 and 东城区坚持…), else the whole attribution.
pub fn unit_of(attribution: &str, lead: &str, series: &Series) -> String {
    if let Some(unit) = series.unit_of_attribution(attribution) {
        return unit.name.trim().to_owned();
    }
    let common: String = attribution
        .chars()
        .zip(lead.chars())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a)
        .collect();
    if common.chars().count() >= 2 {
        return common;
    }
    attribution.trim().to_owned()
}

/// Whether a line reads as a title of its own: short, and one phrase
/// with no sentence punctuation at all (计算机学院举办人工智能教学研讨会;
/// quotes, brackets and dashes allowed). A body line, even one broken out
/// of a paragraph by a PDF copy, nearly always holds a comma or a stop.
/// Whether a paragraph right after a photo reads as its caption (图注): a
/// short line that is not a sentence of the text.
pub fn looks_like_caption(text: &str) -> bool {
    let text = text.trim().trim_matches('\u{3000}');
    let length = text.chars().count();
    (1..=60).contains(&length) && !text.ends_with(['。', '！', '？', '；'])
}

pub fn looks_like_title(line: &str) -> bool {
    let line = line.trim();
    let count = line.chars().count();
    (4..=40).contains(&count)
        && !line.contains([
            '。', '，', '、', '；', '：', '！', '？', ',', ';', ':', '!', '?', '…',
        ])
        && !line.starts_with(['（', '(', '【'])
}

/// What an article was found to be made of, in plain text.
pub struct ArticleParts {
    /// A title line of its own, when the article has one.
    pub title: Option<String>,
    /// The paragraphs: the first begins with the lead unless there is a title.
    pub paragraphs: Vec<String>,
    pub attribution: Option<String>,
}

/// An article from its parts. The attribution is kept as the article's
/// own; the caller decides whether it matches the default. The
/// unit is the series' unit the attribution (else the title) names.
pub fn article_from_paragraphs(id: ArticleId, parts: ArticleParts, series: &Series) -> Article {
    let ArticleParts {
        title,
        paragraphs,
        attribution,
    } = parts;
    let mut paragraphs = paragraphs.into_iter().filter(|p| !p.trim().is_empty());
    // A titled article's first paragraph is text, not a headline.
    let (lead, rest) = match (&title, paragraphs.next()) {
        (Some(_), Some(first)) => (String::new(), first),
        (None, Some(first)) => split_lead(&first),
        (_, None) => Default::default(),
    };
    let mut body: Vec<String> = Vec::new();
    if !rest.is_empty() {
        body.push(rest);
    }
    body.extend(paragraphs);
    let run_ins = has_run_ins(&body);
    let title = title.unwrap_or_default();
    let unit = match attribution.as_deref() {
        Some(a) => unit_of(a, if lead.is_empty() { &title } else { &lead }, series),
        None => series
            .unit_names()
            .filter(|name| title.starts_with(name) || lead.starts_with(name))
            .max_by_key(|name| name.len())
            .unwrap_or_default()
            .to_owned(),
    };
    // Found without an attribution, it prints without one, whatever the
    // unit's default.
    let attribution = match attribution {
        None if !unit.is_empty() => Some(String::new()),
        found => found,
    };
    Article {
        id,
        unit,
        title,
        lead,
        body: body.iter().map(|p| with_run_ins(p, run_ins)).collect(),
        attribution,
        figures: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lead_is_the_first_sentence_outside_quotes() {
        let (lead, rest) = split_lead("东城区坚持“四全。”，深化创建工作。坚持全时创建。");
        assert_eq!(lead, "东城区坚持“四全。”，深化创建工作。");
        assert_eq!(rest, "坚持全时创建。");
    }

    #[test]
    fn run_ins_need_company() {
        let body = vec!["坚持全时创建。研究制定《实施意见》，开展八大行动。坚持全域创建。发挥各方面的统合作用，推进工作。".to_owned()];
        assert!(has_run_ins(&body));
        let p = with_run_ins(&body[0], true);
        assert_eq!(p.spans[0], Span::bold("坚持全时创建。"));
        assert_eq!(
            p.spans[1],
            Span::plain("研究制定《实施意见》，开展八大行动。")
        );
        assert_eq!(p.spans[2], Span::bold("坚持全域创建。"));
        let plain = with_run_ins("会议强调。工作很多。必须落实。", true);
        assert!(
            plain.spans.iter().all(|s| !s.bold),
            "short sentences in a row are no heads"
        );
        assert!(!has_run_ins(&[
            "坚持全时创建。发挥精神文明建设委员会统合作用，推进工作。".to_owned()
        ]));
    }

    #[test]
    fn attributions_close_an_article() {
        assert_eq!(
            split_attribution("有效提升水平。（东城区文明办）"),
            Some(("有效提升水平。".into(), "东城区文明办".into()))
        );
        assert_eq!(
            split_attribution("(房山区文明办)"),
            Some((String::new(), "房山区文明办".into()))
        );
        assert_eq!(
            split_attribution("推动建设一批学雷锋志愿服务站(岗)"),
            None,
            "a bracket inside a sentence"
        );
        let series = Series {
            units: vec![crate::model::Unit::named("海淀区")],
            ..Series::default()
        };
        let none = Series::default();
        assert_eq!(unit_of("东城区文明办", "东城区坚持“四全”", &none), "东城区");
        assert_eq!(unit_of("海淀区委宣传部", "中关村推进…", &series), "海淀区");
        assert_eq!(
            unit_of("海淀区委宣传部", "中关村推进…", &none),
            "海淀区委宣传部"
        );
        assert_eq!(unit_of("市教委", "本市学校…", &series), "市教委");
    }
}
