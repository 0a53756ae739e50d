//! Diagnostics: what is wrong, where (file, line, column), and a hint.

use serde::Serialize;
use std::fmt;

/// How bad a problem is. Errors make `entente check` fail; warnings do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// One problem in a fact file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A stable short name for the kind of problem (`unknown-actor`, `end-before-start`…).
    pub code: &'static str,
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Width of the offending text, in characters (at least 1), on its first line.
    pub width: usize,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// The text of the offending line, for display.
    #[serde(skip)]
    pub line_text: String,
}

impl Diagnostic {
    /// Renders the diagnostic as a compiler would: header, location, the line with a caret, hint.
    pub fn render(&self) -> String {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let num = self.line.to_string();
        let pad = " ".repeat(num.len());
        let mut out = format!("{kind}[{}]: {}\n", self.code, self.message);
        out += &format!("{pad}--> {}:{}:{}\n", self.file, self.line, self.column);
        if !self.line_text.is_empty() {
            let text = self.line_text.trim_end();
            let lead: String = text
                .chars()
                .take(self.column.saturating_sub(1))
                .map(tab_or_space)
                .collect();
            out += &format!(
                "{pad} |\n{num} | {text}\n{pad} | {lead}{}\n",
                "^".repeat(self.width.max(1))
            );
        }
        if let Some(h) = &self.hint {
            out += &format!("{pad} = hint: {h}\n");
        }
        out
    }
}

fn tab_or_space(c: char) -> char {
    if c == '\t' {
        '\t'
    } else {
        ' '
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: {}", self.file, self.line, self.column, self.message)?;
        if let Some(h) = &self.hint {
            write!(f, " (hint: {h})")?;
        }
        Ok(())
    }
}

/// A file's text with a line index, to turn byte offsets into lines and columns.
#[derive(Clone, Debug)]
pub struct SourceText {
    pub name: String,
    pub text: String,
    line_starts: Vec<usize>,
}

impl SourceText {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> SourceText {
        let text = text.into();
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        SourceText {
            name: name.into(),
            text,
            line_starts,
        }
    }

    /// 1-based (line, column in characters) of a byte offset.
    pub fn locate(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset).max(1);
        let start = self.line_starts[line - 1];
        let col = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count())
            + 1;
        (line, col)
    }

    fn line_text(&self, line: usize) -> String {
        let start = self.line_starts.get(line - 1).copied().unwrap_or(0);
        let end = self.line_starts.get(line).copied().unwrap_or(self.text.len());
        self.text
            .get(start..end)
            .unwrap_or("")
            .trim_end_matches(['\n', '\r'])
            .to_string()
    }

    /// A diagnostic pointing at a byte range of this file.
    pub fn diagnostic(
        &self,
        severity: Severity,
        code: &'static str,
        span: std::ops::Range<usize>,
        message: impl Into<String>,
        hint: Option<String>,
    ) -> Diagnostic {
        let (line, column) = self.locate(span.start);
        let line_text = self.line_text(line);
        let rest_of_line = line_text.chars().count().saturating_sub(column - 1);
        let width = self
            .text
            .get(span.clone())
            .map_or(1, |s| s.lines().next().unwrap_or("").chars().count())
            .clamp(1, rest_of_line.max(1));
        Diagnostic {
            severity,
            code,
            file: self.name.clone(),
            line,
            column,
            width,
            message: message.into(),
            hint,
            line_text,
        }
    }
}

/// The closest candidates to `word` (case-insensitive), best first, for did-you-mean hints.
///
/// A candidate is close when at most one edit in four separates them (a transposition counts as
/// one edit, so `KRO` finds `KOR`), or when their Jaro–Winkler similarity is high.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>, max: usize) -> Vec<&'a str> {
    let w = word.to_lowercase();
    let mut scored: Vec<(usize, f64, &str)> = candidates
        .into_iter()
        .filter_map(|c| {
            let lc = c.to_lowercase();
            let edits = strsim::osa_distance(&w, &lc);
            let jw = strsim::jaro_winkler(&w, &lc);
            let allowed = (w.chars().count().max(lc.chars().count()) / 4).max(1);
            (edits <= allowed || jw >= 0.85).then_some((edits, jw, c))
        })
        .collect();
    scored.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)).then(a.2.cmp(b.2)));
    scored.dedup_by(|a, b| a.2 == b.2);
    scored.into_iter().take(max).map(|(_, _, c)| c).collect()
}

/// "did you mean `a` or `b`?" from a list of candidates, if any.
pub fn did_you_mean(candidates: &[&str]) -> Option<String> {
    match candidates {
        [] => None,
        [one] => Some(format!("did you mean `{one}`?")),
        many => {
            let quoted: Vec<String> = many.iter().map(|c| format!("`{c}`")).collect();
            Some(format!("did you mean one of {}?", quoted.join(", ")))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_lines_and_columns_in_characters() {
        let s = SourceText::new("f.toml", "a = 1\nnäme = \"x\"\n");
        assert_eq!(s.locate(0), (1, 1));
        assert_eq!(s.locate(6), (2, 1));
        // byte offset of `=` on line 2: "näme " is 6 bytes, 5 characters.
        assert_eq!(s.locate(12), (2, 6));
    }

    #[test]
    fn renders_a_caret_under_the_span() {
        let s = SourceText::new("f.toml", "actors = [\"KRO\"]\n");
        let d = s.diagnostic(
            Severity::Error,
            "unknown-actor",
            11..14,
            "unknown actor `KRO`",
            Some("did you mean `KOR`?".into()),
        );
        let r = d.render();
        assert!(r.contains("--> f.toml:1:12"), "{r}");
        assert!(r.contains("|            ^^^"), "{r}");
        assert!(r.contains("= hint: did you mean `KOR`?"), "{r}");
    }

    #[test]
    fn suggests_close_words() {
        assert_eq!(closest("summmit", ["summit", "visit", "meeting"], 2), vec!["summit"]);
        assert!(closest("zzz", ["summit"], 2).is_empty());
        assert_eq!(closest("KRO", ["KOR", "PRK", "NATO"], 2), vec!["KOR"]);
    }
}
