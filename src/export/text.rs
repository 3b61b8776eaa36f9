//! Plain text laid out like the printed bulletin, for pasting into
//! messages: masthead lines, 【section】 heads, articles with their
//! attributions, the footer and the 报/送/发 lines. Paragraphs are single
//! lines (messaging apps wrap them) indented with two full-width spaces.

use crate::model::{Block, Figure, Issue, print_count_text};
use crate::typeset::{NOTE_LABEL, attribution_line, section_heading};

/// Two full-width spaces: the first-line indent of Chinese paragraphs.
const INDENT: &str = "\u{3000}\u{3000}";

/// The issue as plain text.
pub fn to_text(issue: &Issue) -> String {
    let m = &issue.masthead;
    let mut out: Vec<String> = Vec::new();
    let blank = |out: &mut Vec<String>| {
        if out.last().is_some_and(|l| !l.is_empty()) {
            out.push(String::new());
        }
    };

    if let Some(c) = m.classification {
        out.push(c.label().to_owned());
    }
    out.push(m.name.trim().to_owned());
    out.push(m.number_text());
    if let Some(total) = m.total_number_text() {
        out.push(total);
    }
    out.push(m.office.trim().to_owned());
    out.push(m.date_text());
    blank(&mut out);

    if let Some(note) = issue.editors_note_text() {
        out.push(format!("{INDENT}{NOTE_LABEL}{note}"));
        blank(&mut out);
    }

    for section in &issue.sections {
        let heading = section_heading(&section.heading);
        if !heading.is_empty() {
            out.push(heading);
            blank(&mut out);
        }
        for article in &section.articles {
            let title = article.title.trim();
            if !title.is_empty() {
                out.push(title.to_owned());
            }
            // The lead opens the first printed paragraph; photos print as
            // [图：caption], tables as their title and tab-separated rows.
            let mut lead = Some(article.lead.clone());
            for block in article.blocks() {
                match block {
                    Block::Paragraph(_, p) if p.is_blank() => {}
                    Block::Paragraph(_, p) => {
                        let text = lead.take().unwrap_or_default() + &p.text();
                        out.push(format!("{INDENT}{text}"));
                    }
                    Block::Figure(_, Figure::Photo(photo)) => {
                        out.push(format!("[图：{}]", photo.caption.trim()));
                    }
                    Block::Figure(_, Figure::Table(table)) => {
                        if !table.title.trim().is_empty() {
                            out.push(table.title.trim().to_owned());
                        }
                        out.extend(table.to_tab_separated().lines().map(str::to_owned));
                    }
                }
            }
            if let Some(lead) = lead {
                out.push(format!("{INDENT}{lead}"));
            }
            let attribution = attribution_line(&issue.attribution_of(article));
            if !attribution.is_empty() {
                out.push(attribution);
            }
            blank(&mut out);
        }
    }

    let f = &issue.footer;
    for line in f.lines() {
        if !line.is_empty() {
            out.push(line.join("\u{3000}\u{3000}"));
        }
    }
    blank(&mut out);
    for (label, text) in issue.distribution.lines() {
        out.push(format!("{label}：{}", text.trim()));
    }
    if let Some(count) = f.print_count {
        out.push(print_count_text(count));
    }
    while out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    let mut text = out.join("\n");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_reads_like_the_bulletin() {
        let text = to_text(&crate::sample::issue());
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            &lines[..5],
            [
                "首都精神文明建设情况简报",
                "第 11 期",
                "（总第 2177 期）",
                "首都精神文明办",
                "2021 年 2 月 25 日"
            ]
        );
        assert!(text.contains("\n【文明创建】\n"));
        assert!(text.contains(
            "\n\u{3000}\u{3000}东城区坚持“四全”，深化全国文明城区创建工作。坚持全时创建。研究制定"
        ));
        assert!(text.contains("\n（东城区文明办）\n"));
        assert!(text.contains("\n责编：梅雪峰\u{3000}\u{3000}核稿：田文松\n"));
        assert!(text.ends_with("发：各区委书记、区长、宣传部长,各区文明办,有关新闻单位。\n"));
    }
}
