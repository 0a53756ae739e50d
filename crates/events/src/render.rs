//! Rendering query results: an aligned text table (the one the CLI's other tables and SQL
//! results use too), CSV, JSON or Parquet. Charts are drawn by `entente-report`.

use crate::cameo::PLOVER_TYPES;
use crate::error::{Error, Result};
use crate::query::{Breakdown, Counterpart, Counts, SeriesRow};
use arrow_array::{ArrayRef, Float64Array, Int64Array, RecordBatch, StringArray};
use arrow_schema::{DataType, Field, Schema};
use parquet::arrow::ArrowWriter;
use std::sync::Arc;

/// Output format of a query result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
    Csv,
    Parquet,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        match s.trim().to_ascii_lowercase().as_str() {
            "table" | "text" => Some(Format::Table),
            "json" => Some(Format::Json),
            "csv" => Some(Format::Csv),
            "parquet" => Some(Format::Parquet),
            _ => None,
        }
    }
}

fn count_headers() -> Vec<String> {
    let mut h = vec!["events".to_string()];
    h.extend(["verbal_coop", "material_coop", "verbal_conflict", "material_conflict"].map(String::from));
    h.extend(
        PLOVER_TYPES
            .iter()
            .map(|p| format!("plover_{}", p.to_ascii_lowercase())),
    );
    h.extend((1..=20).map(|r| format!("cameo{r:02}")));
    h.extend(["goldstein_mean", "goldstein_sum", "mentions"].map(String::from));
    h
}

fn count_values(c: &Counts) -> Vec<String> {
    let mut v = vec![c.events.to_string()];
    v.extend(c.quad.iter().map(u64::to_string));
    v.extend(c.plover.iter().map(u64::to_string));
    v.extend(c.cameo.iter().map(u64::to_string));
    v.push(c.goldstein_mean().map_or(String::new(), |g| format!("{g:.2}")));
    v.push(format!("{:.1}", c.goldstein_sum));
    v.push(c.mentions.to_string());
    v
}

/// CSV with a header row (the `csv` crate's quoting).
fn csv(header: &[String], rows: &[Vec<String>]) -> Result<Vec<u8>> {
    let out = |e: csv::Error| Error::Output(format!("CSV: {e}"));
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(header).map_err(out)?;
    for r in rows {
        w.write_record(r).map_err(out)?;
    }
    w.into_inner().map_err(|e| Error::Output(format!("CSV: {}", e.error())))
}

/// How a column of a text table is aligned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// An aligned text table, the one renderer of the CLI's tables, the event queries' and SQL
/// results: each cell padded to its column's widest (counted in characters), columns two spaces
/// apart, trailing spaces trimmed; `rule` puts a line of dashes under the header.
pub fn text_table(header: &[String], rows: &[Vec<String>], align: impl Fn(usize) -> Align, rule: bool) -> String {
    let mut w: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate().take(w.len()) {
            w[i] = w[i].max(c.chars().count());
        }
    }
    let mut out = String::new();
    let line = |out: &mut String, cells: &[String]| {
        let s: Vec<String> = cells
            .iter()
            .enumerate()
            .take(w.len())
            .map(|(i, c)| match align(i) {
                Align::Left => format!("{c:<w$}", w = w[i]),
                Align::Right => format!("{c:>w$}", w = w[i]),
            })
            .collect();
        out.push_str(s.join("  ").trim_end());
        out.push('\n');
    };
    line(&mut out, header);
    if rule {
        line(&mut out, &w.iter().map(|n| "-".repeat(*n)).collect::<Vec<_>>());
    }
    for r in rows {
        line(&mut out, r);
    }
    out
}

/// The event queries' tables: the first column left, the counts right.
fn table(header: &[&str], rows: &[Vec<String>]) -> Vec<u8> {
    let header: Vec<String> = header.iter().map(|h| h.to_string()).collect();
    let align = |i: usize| if i == 0 { Align::Left } else { Align::Right };
    text_table(&header, rows, align, false).into_bytes()
}

fn parquet(header: &[String], rows: &[Vec<String>], text_cols: usize) -> Result<Vec<u8>> {
    let mut fields = Vec::new();
    let mut cols: Vec<ArrayRef> = Vec::new();
    for (i, h) in header.iter().enumerate() {
        let vals = rows.iter().map(|r| r[i].as_str());
        if i < text_cols {
            fields.push(Field::new(h, DataType::Utf8, false));
            cols.push(Arc::new(StringArray::from_iter_values(vals)));
        } else if h.starts_with("goldstein") {
            fields.push(Field::new(h, DataType::Float64, true));
            cols.push(Arc::new(vals.map(|v| v.parse::<f64>().ok()).collect::<Float64Array>()));
        } else {
            fields.push(Field::new(h, DataType::Int64, true));
            cols.push(Arc::new(vals.map(|v| v.parse::<i64>().ok()).collect::<Int64Array>()));
        }
    }
    let pe = |e: &dyn std::fmt::Display| Error::Parquet {
        path: "<output>".into(),
        message: e.to_string(),
    };
    let batch = RecordBatch::try_new(Arc::new(Schema::new(fields)), cols).map_err(|e| pe(&e))?;
    let mut buf = Vec::new();
    let mut w = ArrowWriter::try_new(&mut buf, batch.schema(), None).map_err(|e| pe(&e))?;
    w.write(&batch).map_err(|e| pe(&e))?;
    w.close().map_err(|e| pe(&e))?;
    Ok(buf)
}

/// A series: the table shows totals by quad class; CSV, JSON and Parquet carry every count.
pub fn series(rows: &[SeriesRow], fmt: Format) -> Result<Vec<u8>> {
    match fmt {
        Format::Json => serde_json::to_vec_pretty(rows).map_err(|e| Error::Query(e.to_string())),
        Format::Table => {
            let body: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    let c = &r.counts;
                    vec![
                        r.period.clone(),
                        c.events.to_string(),
                        c.quad[0].to_string(),
                        c.quad[1].to_string(),
                        c.quad[2].to_string(),
                        c.quad[3].to_string(),
                        c.goldstein_mean().map_or("-".into(), |g| format!("{g:.2}")),
                        c.mentions.to_string(),
                    ]
                })
                .collect();
            Ok(table(
                &[
                    "PERIOD",
                    "EVENTS",
                    "VERB.COOP",
                    "MAT.COOP",
                    "VERB.CONFL",
                    "MAT.CONFL",
                    "GOLDSTEIN",
                    "MENTIONS",
                ],
                &body,
            ))
        }
        Format::Csv | Format::Parquet => {
            let mut header = vec!["period".to_string(), "start".to_string()];
            header.extend(count_headers());
            let body: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    let mut v = vec![r.period.clone(), r.start.to_string()];
                    v.extend(count_values(&r.counts));
                    v
                })
                .collect();
            if fmt == Format::Csv {
                csv(&header, &body)
            } else {
                parquet(&header, &body, 2)
            }
        }
    }
}

/// Top counterparts.
pub fn counterparts(rows: &[Counterpart], fmt: Format) -> Result<Vec<u8>> {
    match fmt {
        Format::Json => serde_json::to_vec_pretty(rows).map_err(|e| Error::Query(e.to_string())),
        Format::Table => {
            let body: Vec<Vec<String>> = rows
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let c = &r.counts;
                    vec![
                        format!("{}", i + 1),
                        r.actor.clone(),
                        c.events.to_string(),
                        (c.quad[0] + c.quad[1]).to_string(),
                        (c.quad[2] + c.quad[3]).to_string(),
                        c.goldstein_mean().map_or("-".into(), |g| format!("{g:.2}")),
                    ]
                })
                .collect();
            Ok(table(
                &["#", "ACTOR", "EVENTS", "COOPERATION", "CONFLICT", "GOLDSTEIN"],
                &body,
            ))
        }
        Format::Csv | Format::Parquet => {
            let mut header = vec!["actor".to_string()];
            header.extend(count_headers());
            let body: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    let mut v = vec![r.actor.clone()];
                    v.extend(count_values(&r.counts));
                    v
                })
                .collect();
            if fmt == Format::Csv {
                csv(&header, &body)
            } else {
                parquet(&header, &body, 1)
            }
        }
    }
}

/// A type breakdown: one row per quad class, PLOVER type and CAMEO root.
pub fn breakdown(b: &Breakdown, fmt: Format) -> Result<Vec<u8>> {
    let total = b.counts.events.max(1) as f64;
    let body: Vec<Vec<String>> = b
        .counts
        .labelled()
        .into_iter()
        .map(|(scheme, name, n)| vec![scheme, name, n.to_string(), format!("{:.1}", 100.0 * n as f64 / total)])
        .collect();
    match fmt {
        Format::Json => serde_json::to_vec_pretty(b).map_err(|e| Error::Query(e.to_string())),
        Format::Table => Ok(table(&["SCHEME", "TYPE", "EVENTS", "%"], &body)),
        Format::Csv => csv(
            &["scheme".into(), "type".into(), "events".into(), "percent".into()],
            &body,
        ),
        Format::Parquet => {
            let body: Vec<Vec<String>> = body
                .into_iter()
                .map(|mut r| {
                    r.pop();
                    r
                })
                .collect();
            parquet(&["scheme".into(), "type".into(), "events".into()], &body, 2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_table_pads_by_characters_aligns_and_rules() {
        let header = vec!["name".to_string(), "n".to_string()];
        let rows = vec![
            vec!["Türkiye".to_string(), "7".to_string()],
            vec!["EU".to_string(), "123".to_string()],
        ];
        let right = |i: usize| if i == 0 { Align::Left } else { Align::Right };
        assert_eq!(
            text_table(&header, &rows, right, false),
            "name       n\nTürkiye    7\nEU       123\n"
        );
        let left = |_| Align::Left;
        assert_eq!(
            text_table(&header, &rows, left, true),
            "name     n\n-------  ---\nTürkiye  7\nEU       123\n"
        );
    }
}
