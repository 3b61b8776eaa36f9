//! The body as editable text: paragraphs on lines, bold run-ins between
//! `**` markers.
//!
//! ```text
//! **坚持全时创建。**研究制定《实施意见》……
//! ```
//!
//! A backslash makes the next `*` or `\` literal. Writing escapes only `*`
//! (always) and `\` (where a `*` or `\` follows), so ordinary Chinese text
//! reads exactly as typed. A marker left open runs to the end of its line;
//! bold never spans paragraphs.
//!
//! Invariant: `from_marked(&to_marked(body)) == normalized(body)` for any body
//! whose text has no line breaks (tested with arbitrary Unicode).

use std::ops::Range;

use super::{Paragraph, Span};

/// The bold marker.
pub const MARKER: &str = "**";

/// What a stretch of marked text is, for parsing and for highlighting it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// A `**` marker (shown dimmed in the editor).
    Marker,
    /// A backslash that makes the next character literal (shown dimmed).
    Escape,
    /// Text, bold or not.
    Text { bold: bool },
    /// The line break between paragraphs.
    Newline,
}

/// A classified byte range of marked text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub range: Range<usize>,
    pub kind: TokenKind,
}

/// Splits marked text into markers, escapes, text runs and line breaks.
/// Every byte belongs to exactly one token, in order.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::new();
    let mut bold = false;
    let mut push = |range: Range<usize>, kind: TokenKind| match tokens.last_mut() {
        // Merge neighbouring text of the same weight.
        Some(last)
            if last.kind == kind
                && matches!(kind, TokenKind::Text { .. })
                && last.range.end == range.start =>
        {
            last.range.end = range.end;
        }
        _ => tokens.push(Token { range, kind }),
    };
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\n' => {
                bold = false;
                push(i..i + 1, TokenKind::Newline);
            }
            '\\' if matches!(chars.peek(), Some((_, '*' | '\\'))) => {
                push(i..i + 1, TokenKind::Escape);
                if let Some((j, escaped)) = chars.next() {
                    push(j..j + escaped.len_utf8(), TokenKind::Text { bold });
                }
            }
            '*' if matches!(chars.peek(), Some((_, '*'))) => {
                chars.next();
                push(i..i + 2, TokenKind::Marker);
                bold = !bold;
            }
            _ => push(i..i + c.len_utf8(), TokenKind::Text { bold }),
        }
    }
    tokens
}

/// Parses marked text into paragraphs, one per line (blank lines kept, so
/// that text being typed survives a round trip).
pub fn from_marked(text: &str) -> Vec<Paragraph> {
    let mut paragraphs = vec![Paragraph::default()];
    for token in tokenize(text) {
        match token.kind {
            TokenKind::Newline => paragraphs.push(Paragraph::default()),
            TokenKind::Text { bold } => {
                let piece = &text[token.range];
                let spans = &mut paragraphs.last_mut().expect("never empty").spans;
                match spans.last_mut() {
                    Some(last) if last.bold == bold => last.text.push_str(piece),
                    _ => spans.push(Span {
                        text: piece.to_owned(),
                        bold,
                    }),
                }
            }
            TokenKind::Marker | TokenKind::Escape => {}
        }
    }
    paragraphs
}

/// Writes paragraphs as marked text. Line breaks inside a span become
/// spaces: a paragraph is one line.
pub fn to_marked(body: &[Paragraph]) -> String {
    let lines: Vec<String> = body
        .iter()
        .map(|p| {
            let mut line = String::new();
            for span in p.normalized().spans {
                let text = escape(&span.text.replace(['\n', '\r'], " "));
                if span.bold {
                    line.push_str(MARKER);
                    line.push_str(&text);
                    line.push_str(MARKER);
                } else {
                    line.push_str(&text);
                }
            }
            line
        })
        .collect();
    // A backslash ending a span must not escape the marker after it.
    lines.join("\n")
}

/// Escapes `*` always, and `\` where a `*` or `\` (or a marker) follows.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '*' => out.push_str("\\*"),
            // At the end of a span a marker may follow: escape to be safe.
            '\\' if matches!(chars.peek(), Some('*' | '\\') | None) => out.push_str("\\\\"),
            _ => out.push(c),
        }
    }
    out
}

/// Where characters `range` of paragraph `paragraph`'s plain text are in
/// the marked text `text`, in characters (for selecting them in the editor).
pub fn locate(text: &str, paragraph: usize, range: Range<usize>) -> Range<usize> {
    let mut line = 0;
    let mut plain = 0; // plain characters seen in this line
    let mut start = None;
    let mut marked_chars = 0; // characters of `text` before the token
    for token in tokenize(text) {
        let piece = &text[token.range.clone()];
        let len = piece.chars().count();
        match token.kind {
            TokenKind::Newline => {
                if line == paragraph {
                    break;
                }
                line += 1;
                plain = 0;
            }
            TokenKind::Text { .. } if line == paragraph => {
                if start.is_none() && range.start < plain + len {
                    start = Some(marked_chars + (range.start - plain));
                }
                if range.end <= plain + len {
                    let end = marked_chars + (range.end.max(plain) - plain);
                    return start.unwrap_or(end)..end;
                }
                plain += len;
            }
            _ => {}
        }
        marked_chars += len;
    }
    let end = marked_chars;
    start.unwrap_or(end)..end
}

/// The other way from [`locate`]: the paragraph and its plain characters
/// that a selection `range` of marked text (in characters) covers. A
/// selection running past a line break is cut at the end of its first line.
pub fn plain_range(text: &str, range: Range<usize>) -> (usize, Range<usize>) {
    let (line, start) = plain_at(text, range.start);
    let (end_line, end) = plain_at(text, range.end);
    if end_line == line {
        (line, start..end.max(start))
    } else {
        let length = from_marked(text)
            .get(line)
            .map_or(start, |p| p.text().chars().count());
        (line, start..length)
    }
}

/// The line and plain character at character `index` of marked text;
/// markers and escapes count as the plain position right after them.
fn plain_at(text: &str, index: usize) -> (usize, usize) {
    let (mut line, mut plain, mut marked) = (0, 0, 0);
    for token in tokenize(text) {
        let len = text[token.range].chars().count();
        if index < marked + len {
            return match token.kind {
                TokenKind::Text { .. } => (line, plain + index - marked),
                _ => (line, plain),
            };
        }
        match token.kind {
            TokenKind::Newline => {
                line += 1;
                plain = 0;
            }
            TokenKind::Text { .. } => plain += len,
            TokenKind::Marker | TokenKind::Escape => {}
        }
        marked += len;
    }
    (line, plain)
}

/// The body in canonical form for comparing: paragraphs normalized.
pub fn normalized(body: &[Paragraph]) -> Vec<Paragraph> {
    body.iter().map(Paragraph::normalized).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn run_in_heads_read_as_bold() {
        let body =
            from_marked("**坚持全时创建。**研究制定《实施意见》。\n**坚持全域创建。**发挥作用。");
        assert_eq!(
            body,
            vec![
                Paragraph {
                    spans: vec![
                        Span::bold("坚持全时创建。"),
                        Span::plain("研究制定《实施意见》。")
                    ]
                },
                Paragraph {
                    spans: vec![Span::bold("坚持全域创建。"), Span::plain("发挥作用。")]
                },
            ]
        );
        assert_eq!(
            to_marked(&body),
            "**坚持全时创建。**研究制定《实施意见》。\n**坚持全域创建。**发挥作用。"
        );
    }

    #[test]
    fn an_open_marker_runs_to_the_end_of_its_line_only() {
        let body = from_marked("前**加粗\n普通");
        assert_eq!(body[0].spans, vec![Span::plain("前"), Span::bold("加粗")]);
        assert_eq!(body[1].spans, vec![Span::plain("普通")]);
    }

    #[test]
    fn single_stars_and_backslashes_stay_literal() {
        assert_eq!(from_marked("3*4=12")[0].spans, vec![Span::plain("3*4=12")]);
        assert_eq!(from_marked(r"a\b")[0].spans, vec![Span::plain(r"a\b")]);
        assert_eq!(
            from_marked(r"\*\*不是标记\*\*")[0].spans,
            vec![Span::plain("**不是标记**")]
        );
        assert_eq!(
            to_marked(&[Paragraph::plain("**不是标记**")]),
            r"\*\*不是标记\*\*"
        );
    }

    #[test]
    fn plain_ranges_are_found_in_the_marked_text() {
        let text = "第一段\n**坚持全时创建。**研究,制定\\*号";
        // Paragraph 1's plain text: 坚持全时创建。研究,制定*号
        assert_eq!(locate(text, 1, 0..2), 6..8, "inside the bold run, after **");
        assert_eq!(
            locate(text, 1, 9..10),
            17..18,
            "the comma, after the closing **"
        );
        assert_eq!(
            locate(text, 1, 12..13),
            21..22,
            "the star, after its escape"
        );
        assert_eq!(locate(text, 0, 1..3), 1..3);
        assert_eq!(locate(text, 5, 0..1), 23..23, "past the end: the end");
    }

    #[test]
    fn blank_lines_are_kept_while_typing() {
        let text = "第一段\n\n第三段\n";
        assert_eq!(to_marked(&from_marked(text)), text);
    }

    #[test]
    fn tokens_cover_the_text_in_order() {
        let text = "**粗**\\*细\n末";
        let tokens = tokenize(text);
        let mut at = 0;
        for t in &tokens {
            assert_eq!(t.range.start, at);
            at = t.range.end;
        }
        assert_eq!(at, text.len());
        assert_eq!(tokens[0].kind, TokenKind::Marker);
        assert_eq!(tokens[1].kind, TokenKind::Text { bold: true });
        assert_eq!(tokens[2].kind, TokenKind::Marker);
        assert_eq!(tokens[3].kind, TokenKind::Escape);
    }

    fn span() -> impl Strategy<Value = Span> {
        let text = prop_oneof![
            "[^\n\r]{0,12}",
            "[一-龥*\\\\“”《》，。 a-z]{0,12}",
            Just("\\".to_owned()),
            Just("*".to_owned()),
        ];
        (text, any::<bool>()).prop_map(|(text, bold)| Span { text, bold })
    }

    #[test]
    fn a_selection_in_marked_text_maps_to_plain_characters() {
        let text = "**坚持全时创建。**研究制定《实施意见》。\n**坚持全域创建。**发挥作用。";
        // "研究制定" starts after the 2-char marker, 7 text chars and a marker.
        assert_eq!(plain_range(text, 11..15), (0, 7..11));
        // A selection over the line break stops at the end of the first line.
        let first_line = "坚持全时创建。研究制定《实施意见》。".chars().count();
        assert_eq!(plain_range(text, 11..30), (0, 7..first_line));
        // Selecting the marker itself selects nothing visible before the text.
        assert_eq!(plain_range(text, 0..4), (0, 0..2));
    }

    proptest! {
        #[test]
        fn plain_range_undoes_locate(body in proptest::collection::vec(
            proptest::collection::vec(span(), 1..5).prop_map(|spans| Paragraph { spans }), 1..4),
            pick in 0usize..1000, a in 0usize..1000, b in 0usize..1000,
        ) {
            let text = to_marked(&body);
            let paragraphs = from_marked(&text);
            let p = pick % paragraphs.len();
            let length = paragraphs[p].text().chars().count();
            let (x, y) = (a % (length + 1), b % (length + 1));
            let range = x.min(y)..x.max(y);
            prop_assume!(!range.is_empty());
            prop_assert_eq!(plain_range(&text, locate(&text, p, range.clone())), (p, range));
        }

        #[test]
        fn marked_text_round_trips(body in proptest::collection::vec(
            proptest::collection::vec(span(), 0..5).prop_map(|spans| Paragraph { spans }), 1..4)
        ) {
            prop_assert_eq!(from_marked(&to_marked(&body)), normalized(&body));
        }
    }
}
