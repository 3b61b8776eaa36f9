//! `jianbao review FILE…`: where each issue stands in review — status,
//! history, and the comments nobody has resolved yet.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::i18n::Wording;
use crate::i18n::{Lang, S, messages};
use crate::model::review::locate;
use crate::model::{Comment, Issue};
use crate::store;

/// 0 when every file was read, 2 when one could not be.
pub fn review(files: &[PathBuf], lang: Lang) -> ExitCode {
    let mut failed = false;
    for (n, path) in files.iter().enumerate() {
        let issue = match store::load(path) {
            Ok(issue) => issue,
            Err(error) => {
                warn!("{}", error.message(lang));
                failed = true;
                continue;
            }
        };
        if n > 0 {
            say!();
        }
        say!("{}", path.display());
        for line in report(&issue, lang) {
            say!("{line}");
        }
    }
    if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

/// The report's lines for one issue.
pub fn report(issue: &Issue, lang: Lang) -> Vec<String> {
    let review = &issue.review;
    // A heading's colon: no space after it at the end of a line.
    let sep = messages::sep(lang).trim_end();
    let mut lines = vec![messages::status_line(review.status, lang)];
    lines.push(format!("{}{sep}", S::StatusHistory.get(lang)));
    if review.history.is_empty() {
        lines.push(format!("  {}", S::NoHistory.get(lang)));
    }
    for change in &review.history {
        lines.push(format!("  {}", messages::history_line(change, lang)));
    }
    let open: Vec<&Comment> = review.open_comments().collect();
    lines.push(format!(
        "{}{sep}",
        messages::open_comments(open.len(), lang)
    ));
    for comment in open {
        lines.extend(comment_lines(issue, comment, lang));
    }
    lines
}

fn comment_lines(issue: &Issue, comment: &Comment, lang: Lang) -> Vec<String> {
    let article = issue
        .find_article(comment.article)
        .map(|(s, a)| (s, a, &issue.sections[s].articles[a]));
    let place = match article {
        Some((s, a, article)) => messages::article_title(s, a, &article.unit, lang),
        None => S::ArticleGone.get(lang).to_owned(),
    };
    let mut lines = vec![format!(
        "  [{}] {place} · {}",
        comment.id.0,
        messages::comment_byline(&comment.author, comment.at)
    )];
    if let Some(quote) = &comment.quote {
        let lost = match article {
            Some((_, _, article)) if locate(article, quote).is_some() => "",
            _ => S::QuoteLost.get(lang),
        };
        lines.push(format!(
            "      {}{lost}",
            messages::quoted(&quote.text, lang)
        ));
    }
    lines.push(format!("      {}", comment.text));
    for reply in &comment.replies {
        lines.push(format!(
            "      ↳ {}{sep}{}",
            messages::comment_byline(&reply.author, reply.at),
            reply.text,
            sep = messages::sep(lang)
        ));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CommentId, Quote, Status};

    #[test]
    fn the_report_has_status_history_and_only_open_comments() {
        let at = chrono::NaiveDate::from_ymd_opt(2021, 2, 24)
            .and_then(|d| d.and_hms_opt(9, 30, 0))
            .expect("a time");
        let mut issue = crate::sample::issue();
        let review = &mut issue.review;
        review
            .change_status(Status::InReview, "李编", at, "请审阅")
            .expect("allowed");
        let dong = issue.sections[0].articles[0].clone();
        let text = dong.body[0].text();
        let start = text
            .find("八大行动")
            .map(|b| text[..b].chars().count())
            .expect("there");
        let quote = Quote::capture(&text, start..start + 4);
        let open = issue
            .review
            .comment(dong.id, Some(quote), "王审", at, "请核实数字");
        let done = issue.review.comment(dong.id, None, "王审", at, "标点已改");
        issue.review.comments[1].resolved = true;
        assert_eq!((open, done), (CommentId(1), CommentId(2)));

        let lines = report(&issue, Lang::Zh).join("\n");
        assert!(lines.starts_with("状态：送审"), "{lines}");
        assert!(lines.contains("李编：草稿 → 送审（请审阅）"), "{lines}");
        assert!(lines.contains("未处理的批注（1）"), "{lines}");
        assert!(
            lines.contains("[1] 第 1 栏第 1 篇 · 东城区 · 王审"),
            "{lines}"
        );
        assert!(
            lines.contains("引用：“八大行动”") && lines.contains("请核实数字"),
            "{lines}"
        );
        assert!(
            !lines.contains("标点已改"),
            "resolved comments are left out: {lines}"
        );
    }
}
