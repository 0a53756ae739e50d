//! Articles as text: plain text or HTML in, sentences with byte offsets into the input out.
//!
//! Offsets always refer to the bytes the user gave us, so a quote can be found again in the
//! original file: HTML is reduced to text through an offset map, never re-encoded.

use entente_model::PartialDate;

/// An article ready for extraction.
#[derive(Clone, Debug)]
pub struct Article {
    /// Where it came from (a path, or `-` for standard input).
    pub name: String,
    /// The input, decoded as UTF-8 (invalid sequences replaced, offsets into this string).
    pub input: String,
    /// The text to analyse: the input itself, or the text of an HTML document.
    pub text: String,
    /// For each byte of `text`, the offset of the input byte it came from.
    map: Option<Vec<usize>>,
    /// Where the body starts in `text` (after a `title:/date:/kind:` header, if any).
    pub body_start: usize,
    pub title: Option<String>,
    /// Publication date, for resolving "last year" and "on Tuesday".
    pub date: Option<PartialDate>,
}

impl Article {
    /// [`Article::from_bytes`], dated `date` when the article gives no date of its own (the
    /// publication date a user supplies, for relative dates).
    pub fn dated(name: &str, bytes: &[u8], date: Option<PartialDate>) -> Article {
        let mut a = Article::from_bytes(name, bytes);
        if a.date.is_none() {
            a.date = date;
        }
        a
    }

    /// Reads bytes as an article: HTML when it looks like HTML, plain text otherwise. Never fails:
    /// invalid UTF-8 is replaced (its offsets then refer to the decoded text), NUL bytes and other
    /// controls become spaces.
    pub fn from_bytes(name: &str, bytes: &[u8]) -> Article {
        let input = String::from_utf8_lossy(bytes).into_owned();
        let looks_html = {
            let head: String = input.chars().take(512).collect::<String>().to_ascii_lowercase();
            head.contains("<html") || head.contains("<!doctype html") || head.contains("<p>") || head.contains("<body")
        };
        let (text, map) = if looks_html {
            let (t, m) = html_to_text(&input);
            (t, Some(m))
        } else {
            (
                input
                    .chars()
                    .map(|c| {
                        if c.is_control() && c != '\n' && c != '\t' {
                            ' '
                        } else {
                            c
                        }
                    })
                    .collect(),
                None,
            )
        };
        let mut a = Article {
            name: name.to_string(),
            input,
            text,
            map,
            body_start: 0,
            title: None,
            date: None,
        };
        a.read_header();
        a
    }

    /// A `title:` / `date:` / `kind:` header (the evaluation corpus's, and a simple convention for
    /// users) before the first blank line; HTML `<title>` and `<meta name="date">` for pages.
    fn read_header(&mut self) {
        let mut offset = 0;
        let mut saw = false;
        for line in self.text.split_inclusive('\n') {
            let l = line.trim();
            if l.is_empty() {
                if saw {
                    self.body_start = offset + line.len();
                }
                break;
            }
            let Some((k, v)) = l.split_once(':') else { break };
            match k.trim().to_ascii_lowercase().as_str() {
                "title" => self.title = Some(v.trim().to_string()),
                "date" => self.date = PartialDate::parse(v.trim()).ok(),
                "kind" | "source" | "author" | "url" | "publisher" => {}
                _ => break,
            }
            saw = true;
            offset += line.len();
        }
        if !saw {
            self.body_start = 0;
        }
        if self.date.is_none() {
            // <meta name="date" content="2024-07-12"> or article:published_time.
            let lower = self.input.to_ascii_lowercase();
            for key in ["name=\"date\"", "property=\"article:published_time\""] {
                if let Some(i) = lower.find(key) {
                    let rest = &self.input[i..];
                    if let Some(c) = rest.find("content=\"") {
                        let v: String = rest[c + 9..].chars().take(10).collect();
                        if let Ok(d) = PartialDate::parse(&v) {
                            self.date = Some(d);
                            break;
                        }
                    }
                }
            }
        }
    }

    /// The input offset of a text offset.
    pub fn input_offset(&self, text_offset: usize) -> usize {
        match &self.map {
            None => text_offset,
            Some(m) => m.get(text_offset).copied().unwrap_or(self.input.len()),
        }
    }

    /// Sentences of the body as (start, end) byte ranges of `text`.
    pub fn sentences(&self) -> Vec<(usize, usize)> {
        split_sentences(&self.text, self.body_start)
    }
}

fn decode_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "ndash" => '–',
        "mdash" => '—',
        "rsquo" | "lsquo" => '\'',
        "ldquo" | "rdquo" => '"',
        _ => {
            let n = name.strip_prefix('#')?;
            let code = match n.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => n.parse().ok()?,
            };
            char::from_u32(code)?
        }
    })
}

/// Text of an HTML document with a byte map back into it. Scripts, styles and comments are
/// dropped; block elements end lines; entities are decoded. Malformed markup is read as far as it
/// goes (an unclosed tag swallows the rest, as a browser would).
fn html_to_text(html: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(html.len());
    let mut map = Vec::with_capacity(html.len());
    let bytes = html.as_bytes();
    let mut i = 0;
    let mut skip_until: Option<&str> = None;
    let push = |out: &mut String, map: &mut Vec<usize>, c: char, at: usize| {
        let before = out.len();
        out.push(c);
        map.extend(std::iter::repeat_n(at, out.len() - before));
    };
    while i < bytes.len() {
        if let Some(end) = skip_until {
            match html[i..].to_ascii_lowercase().find(end) {
                Some(k) => {
                    i += k + end.len();
                    skip_until = None;
                    continue;
                }
                None => break,
            }
        }
        if bytes[i] == b'<' {
            let rest = &html[i..];
            if rest.starts_with("<!--") {
                skip_until = Some("-->");
                i += 4;
                continue;
            }
            let close = rest.find('>').map_or(html.len(), |k| i + k + 1);
            let tag = html[i + 1..close.saturating_sub(1).max(i + 1)]
                .trim_start_matches('/')
                .to_ascii_lowercase();
            let name: String = tag.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
            if !rest.starts_with("</") && (name == "script" || name == "style") {
                skip_until = Some(if name == "script" { "</script>" } else { "</style>" });
            }
            if matches!(
                name.as_str(),
                "p" | "br" | "div" | "li" | "h1" | "h2" | "h3" | "h4" | "tr" | "title" | "section" | "article"
            ) {
                push(&mut out, &mut map, '\n', i);
            }
            i = close;
            continue;
        }
        if bytes[i] == b'&' {
            if let Some(k) = html[i..].find(';').filter(|k| *k <= 10) {
                if let Some(c) = decode_entity(&html[i + 1..i + k]) {
                    push(&mut out, &mut map, c, i);
                    i += k + 1;
                    continue;
                }
            }
        }
        let c = html[i..].chars().next().unwrap_or(' ');
        push(&mut out, &mut map, if c.is_control() && c != '\n' { ' ' } else { c }, i);
        i += c.len_utf8().max(1);
    }
    map.push(html.len());
    (out, map)
}

/// Abbreviations after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "st", "no", "vs", "etc", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e", "approx",
    "inc", "ltd", "co", "corp", "dept", "gov", "pres",
];

/// Splits text into sentences: at `.`, `!`, `?` followed by space and an upper-case letter, digit
/// or quote, unless the period ends a known abbreviation or an initial; and at blank lines.
pub fn split_sentences(text: &str, from: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = from.min(text.len());
    let mut i = start;
    let trim = |s: usize, e: usize| -> Option<(usize, usize)> {
        let piece = &text[s..e];
        let lead = piece.len() - piece.trim_start().len();
        let trail = piece.len() - piece.trim_end().len();
        (e - trail > s + lead).then_some((s + lead, e - trail))
    };
    while i < bytes.len() {
        let b = bytes[i];
        let mut cut = None;
        // A line break ends a sentence at a blank line, after end punctuation, or after a short
        // line without spaces (a heading or a list item).
        if b == b'\n'
            && (text[i + 1..].starts_with('\n')
                || text[start..i].trim_end().ends_with(['.', '!', '?', ':'])
                || text[start..i].len() < 120 && !text[start..i].contains(' '))
        {
            cut = Some(i);
        } else if matches!(b, b'.' | b'!' | b'?') {
            let after = &text[i + 1..];
            // Closing brackets and quotation marks stay with the sentence they close.
            let rest = after.trim_start_matches([')', ']', '"', '\u{201d}', '\u{2019}']);
            let closed = after.len() - rest.len();
            let next_starts = rest
                .strip_prefix([' ', '\n'])
                .map(|r| r.trim_start_matches([' ', '"', '\u{201c}', '\'']));
            let ends = match next_starts {
                // A capital, a digit, or what opens a sentence before its first word (a bracket,
                // a quotation mark, a dash, markup shown as text).
                Some(r) => r.chars().next().is_some_and(|c| {
                    c.is_uppercase()
                        || c.is_ascii_digit()
                        || matches!(c, '(' | '[' | '<' | '\u{2018}' | '\u{ab}' | '\u{2014}')
                }),
                None => rest.is_empty() || after.starts_with(['"', '\u{201d}']),
            };
            let at = if next_starts.is_some() || rest.is_empty() {
                i + 1 + closed
            } else {
                i + 1
            };
            if ends && b == b'.' {
                let word: String = text[start..i]
                    .rsplit(|c: char| c.is_whitespace() || c == '(')
                    .next()
                    .unwrap_or("")
                    .to_ascii_lowercase();
                let is_abbrev = ABBREVIATIONS.contains(&word.trim_start_matches('"').trim_end_matches('.'))
                    || (word.chars().count() == 1 && word.chars().all(|c| c.is_alphabetic()));
                if !is_abbrev {
                    cut = Some(at);
                }
            } else if ends {
                cut = Some(at);
            }
        }
        if let Some(c) = cut {
            let c = c.min(text.len());
            if let Some(s) = trim(start, c) {
                out.push(s);
            }
            start = c;
            i = c.max(i + 1);
            continue;
        }
        i += 1;
    }
    if let Some(s) = trim(start, text.len()) {
        out.push(s);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_sentences_around_abbreviations_and_numbers() {
        let t = "The U.S. and Poland signed it on Aug. 26. It covers 180 tanks. Mr. Yoon agreed! Done";
        let s: Vec<&str> = split_sentences(t, 0).iter().map(|&(a, b)| &t[a..b]).collect();
        assert_eq!(
            s,
            [
                "The U.S. and Poland signed it on Aug. 26.",
                "It covers 180 tanks.",
                "Mr. Yoon agreed!",
                "Done"
            ]
        );
    }

    #[test]
    fn a_sentence_may_open_with_a_bracket_a_quote_a_dash_or_markup() {
        let t = "It was signed. (Both sides agreed.) Then it ended. \u{2018}Good,\u{2019} he said. <b>x</b> here. \u{2014}and so on.";
        let s: Vec<&str> = split_sentences(t, 0).iter().map(|&(a, b)| &t[a..b]).collect();
        assert_eq!(
            s,
            [
                "It was signed.",
                "(Both sides agreed.)",
                "Then it ended.",
                "\u{2018}Good,\u{2019} he said.",
                "<b>x</b> here.",
                "\u{2014}and so on."
            ]
        );
    }

    #[test]
    fn reads_the_header_and_the_body() {
        let a = Article::from_bytes(
            "x",
            b"title: T\ndate: 2022-12-06\nkind: brief\n\nPoland took delivery. More came.",
        );
        assert_eq!(a.date.unwrap().to_string(), "2022-12-06");
        let s: Vec<&str> = a.sentences().iter().map(|&(x, y)| &a.text[x..y]).collect();
        assert_eq!(s, ["Poland took delivery.", "More came."]);
    }

    #[test]
    fn html_offsets_point_into_the_input() {
        let html = "<html><head><title>T</title><script>var x = '<p>no</p>';</script></head><body><p>Seoul &amp; NATO met.</p></body></html>";
        let a = Article::from_bytes("x", html.as_bytes());
        let at = a.text.find("Seoul").unwrap();
        let inp = a.input_offset(at);
        assert_eq!(&a.input[inp..inp + 5], "Seoul");
        assert!(a.text.contains("Seoul & NATO met."));
        assert!(!a.text.contains("var x"));
    }

    #[test]
    fn broken_html_and_binary_do_not_panic() {
        for input in [
            &b"<html><p>unclosed <b"[..],
            b"<!-- never closed",
            b"\xff\xfe\x00<p>x",
            b"&#xFFFFFFFF; &; &#;",
        ] {
            let a = Article::from_bytes("x", input);
            let _ = a.sentences();
        }
    }
}
