//! Output: aligned tables with numbered citations, CSV, JSON.

use entente_kb::Citation;
use serde::Serialize;
use std::io::Write;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Json,
    /// One JSON object per line (a list's items; anything else on one line).
    Jsonl,
    Csv,
    /// Apache Parquet (query results of `events` and `sql`).
    Parquet,
}

/// A result as rows, with the sources each row cites.
pub struct Table {
    pub title: Option<String>,
    pub headers: Vec<std::borrow::Cow<'static, str>>,
    pub rows: Vec<Vec<String>>,
    /// Citations of each row (same length as `rows`, or empty).
    pub citations: Vec<Vec<Citation>>,
}

impl Table {
    pub fn new(headers: Vec<&'static str>) -> Table {
        Table::with_headers(headers.into_iter().map(std::borrow::Cow::Borrowed).collect())
    }

    /// A table whose headers are made at run time (a section's own column names).
    pub fn with_headers(headers: Vec<std::borrow::Cow<'static, str>>) -> Table {
        Table {
            title: None,
            headers,
            rows: Vec::new(),
            citations: Vec::new(),
        }
    }

    pub fn titled(mut self, title: impl Into<String>) -> Table {
        self.title = Some(title.into());
        self
    }

    pub fn push(&mut self, row: Vec<String>, cites: Vec<Citation>) {
        self.rows.push(row);
        self.citations.push(cites);
    }

    /// Aligned text; with citations, a `SRC` column of numbers and a numbered source list below.
    pub fn to_text(&self) -> String {
        let mut numbered: Vec<&Citation> = Vec::new();
        let mut src_col: Vec<String> = Vec::new();
        for cites in &self.citations {
            let mut nums = Vec::new();
            for c in cites {
                let n = match numbered.iter().position(|x| x.url == c.url && x.locator == c.locator) {
                    Some(i) => i + 1,
                    None => {
                        numbered.push(c);
                        numbered.len()
                    }
                };
                if !nums.contains(&n.to_string()) {
                    nums.push(n.to_string());
                }
            }
            src_col.push(if nums.is_empty() {
                String::new()
            } else {
                format!("[{}]", nums.join(","))
            });
        }
        let with_src = !numbered.is_empty();
        let mut headers: Vec<String> = self.headers.iter().map(|h| h.to_string()).collect();
        if with_src {
            headers.push("SRC".into());
        }
        let rows: Vec<Vec<String>> = self
            .rows
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let mut r: Vec<String> = r.iter().map(|c| c.replace(['\n', '\r'], " ")).collect();
                if with_src {
                    r.push(src_col.get(i).cloned().unwrap_or_default());
                }
                r
            })
            .collect();
        let mut out = String::new();
        if let Some(t) = &self.title {
            out += &format!("{t}\n\n");
        }
        out += &entente_events::render::text_table(&headers, &rows, |_| entente_events::render::Align::Left, false);
        if self.rows.is_empty() {
            out += "(none)\n";
        }
        if with_src {
            out += "\nSources:\n";
            for (i, c) in numbered.iter().enumerate() {
                let title = c.title.as_deref().map(|t| format!(", {t}")).unwrap_or_default();
                let at = c.locator.as_deref().map(|l| format!(" ({l})")).unwrap_or_default();
                out += &format!("[{}] {}{title}{at}. {}\n", i + 1, c.publisher, c.url);
            }
        }
        out
    }

    /// CSV with a header row; citations as a `sources` column of space-separated addresses.
    pub fn to_csv(&self) -> Result<String, csv::Error> {
        let mut w = csv::Writer::from_writer(Vec::new());
        let with_src = self.citations.iter().any(|c| !c.is_empty());
        let lower: Vec<String> = self
            .headers
            .iter()
            .map(|h| h.to_lowercase().replace(' ', "_"))
            .collect();
        let mut headers: Vec<&str> = lower.iter().map(String::as_str).collect();
        if with_src {
            headers.push("sources");
        }
        w.write_record(&headers)?;
        for (i, r) in self.rows.iter().enumerate() {
            let mut rec = r.clone();
            if with_src {
                let urls: Vec<&str> = self
                    .citations
                    .get(i)
                    .into_iter()
                    .flatten()
                    .map(|c| c.url.as_str())
                    .collect();
                rec.push(urls.join(" "));
            }
            w.write_record(&rec)?;
        }
        let bytes = w.into_inner().map_err(|e| csv::Error::from(e.into_error()))?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }
}

/// Writes a result in the chosen format: JSON from the value itself, text and CSV from the table.
pub fn emit<T: Serialize>(format: Format, value: &T, table: impl FnOnce() -> Table) -> Result<(), String> {
    let out = match format {
        Format::Json => serde_json::to_string_pretty(value).map_err(|e| format!("cannot write JSON: {e}"))? + "\n",
        Format::Jsonl => {
            let v = serde_json::to_value(value).map_err(|e| format!("cannot write JSON: {e}"))?;
            let items = match v {
                serde_json::Value::Array(items) => items,
                other => vec![other],
            };
            items.iter().map(|i| i.to_string() + "\n").collect()
        }
        Format::Table => table().to_text(),
        Format::Csv => table().to_csv().map_err(|e| format!("cannot write CSV: {e}"))?,
        Format::Parquet => {
            return Err("--format parquet is for the query results of `events` and `sql`; use csv or json here".into())
        }
    };
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(out.as_bytes()) {
        // A closed pipe (`entente timeline … | head`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(format!("cannot write output: {e}")),
        Ok(()) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cite(url: &str) -> Citation {
        Citation {
            source: "s".into(),
            url: url.into(),
            publisher: "P".into(),
            title: None,
            locator: None,
        }
    }

    #[test]
    fn numbers_each_source_once() {
        let mut t = Table::new(vec!["A", "B"]);
        t.push(vec!["x".into(), "y".into()], vec![cite("https://a"), cite("https://b")]);
        t.push(vec!["xx".into(), "y".into()], vec![cite("https://b")]);
        let text = t.to_text();
        assert!(text.contains("x   y  [1,2]"), "{text}");
        assert!(text.contains("xx  y  [2]"), "{text}");
        assert!(text.contains("[2] P. https://b"), "{text}");
    }

    #[test]
    fn csv_quotes_and_lists_sources() {
        let mut t = Table::new(vec!["Title"]);
        t.push(vec!["a, \"b\"".into()], vec![cite("https://a")]);
        assert_eq!(t.to_csv().unwrap(), "title,sources\n\"a, \"\"b\"\"\",https://a\n");
    }
}
