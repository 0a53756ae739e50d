//! The lake's dyadic queries written as SQL over `dyad_day`, and their results turned back into
//! the types `entente-events` returns, so that a cluster (or any DataFusion session) answers
//! exactly what [`entente_events::Lake::dyad_series`] and
//! [`entente_events::Lake::top_counterparts`] answer.
//!
//! The lake reads whole months from each part's dyad directory and partial months from the rows;
//! SQL reads the rows. Both sum the same `dyad_day` rows, so counts agree exactly, and so does
//! the Goldstein sum: every Goldstein score is an `f32` with one decimal in [-10, 10], a multiple
//! of 2^-27, so sums of them in `f64` are exact (whatever the order) until they pass 2^26 in
//! magnitude.
//!
//! Membership sides ([`SideSpec::Members`]: an actor only between two days) are supported too:
//! each membership becomes a condition on `day`.

use crate::Error;
use datafusion::arrow::array::{Array, AsArray, RecordBatch};
use datafusion::arrow::datatypes::{DataType, Date32Type, Float64Type, Int64Type};
use entente_events::query::{day_bounds, series_rows, Counterpart, Counts, SeriesQuery, SeriesRow, SideSpec};
use entente_events::{Day, SourceKind};
use std::collections::BTreeMap;

/// A quoted SQL string literal.
fn lit(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

fn date(d: i32) -> String {
    format!("DATE '{}'", Day(d))
}

/// `col` names an actor of the side on the row's `day`. Intervals are already clipped to the
/// query's range, which the caller filters separately, so an interval covering it all is just the
/// actor.
fn side_predicate(col: &str, iv: &BTreeMap<String, Vec<(i32, i32)>>, lo: i32, hi: i32) -> String {
    let mut whole = Vec::new();
    let mut parts = Vec::new();
    for (actor, v) in iv {
        if v.iter().any(|&(f, t)| f <= lo && t >= hi) {
            whole.push(lit(actor));
            continue;
        }
        for &(f, t) in v {
            let mut c = vec![format!("{col} = {}", lit(actor))];
            if f > lo {
                c.push(format!("day >= {}", date(f)));
            }
            if t < hi {
                c.push(format!("day <= {}", date(t)));
            }
            parts.push(format!("({})", c.join(" AND ")));
        }
    }
    if !whole.is_empty() {
        parts.insert(0, format!("{col} IN ({})", whole.join(", ")));
    }
    match parts.len() {
        0 => "FALSE".to_string(),
        1 => parts.remove(0),
        _ => format!("({})", parts.join(" OR ")),
    }
}

fn in_list(col: &str, keys: &BTreeMap<String, Vec<(i32, i32)>>) -> String {
    let v: Vec<String> = keys.keys().map(|k| lit(k)).collect();
    format!("{col} IN ({})", v.join(", "))
}

/// Range and source filters (with the `month` partition column for pruning).
fn range_filters(lo: i32, hi: i32, sources: &[SourceKind]) -> Vec<String> {
    let mut w = Vec::new();
    if lo != i32::MIN {
        w.push(format!("month >= {}", lit(&Day(lo).month().to_string())));
        w.push(format!("day >= {}", date(lo)));
    }
    if hi != i32::MAX {
        w.push(format!("month <= {}", lit(&Day(hi).month().to_string())));
        w.push(format!("day <= {}", date(hi)));
    }
    if !sources.is_empty() {
        let v: Vec<String> = sources.iter().map(|s| lit(s.name())).collect();
        w.push(format!("source IN ({})", v.join(", ")));
    }
    w
}

/// `SUM` of every counter column, Goldstein and mentions, with fixed types (Int64, Float64).
fn sums() -> String {
    let mut v: Vec<String> = entente_events::schema::count_columns()
        .into_iter()
        .map(|c| format!("CAST(SUM({c}) AS BIGINT) AS {c}"))
        .collect();
    v.push("CAST(SUM(goldstein_sum) AS DOUBLE) AS goldstein_sum".into());
    v.push("CAST(SUM(mentions) AS BIGINT) AS mentions".into());
    v.join(", ")
}

/// The SQL that returns, day by day, the summed `dyad_day` counters of a series query (the rows
/// the lake would add up). `Err` for the requests the lake rejects, with the lake's words.
pub fn series_sql(q: &SeriesQuery) -> Result<String, Error> {
    let (lo, hi, a, b) = q.sides().map_err(|e| match e {
        entente_events::Error::Query(m) => Error::Query(m),
        e => Error::Query(e.to_string()),
    })?;
    let mut pair = format!(
        "({} AND {})",
        side_predicate("actor1", &a, lo, hi),
        side_predicate("actor2", &b, lo, hi)
    );
    if q.symmetric {
        pair = format!(
            "({pair} OR ({} AND {}))",
            side_predicate("actor1", &b, lo, hi),
            side_predicate("actor2", &a, lo, hi)
        );
    }
    let mut w = range_filters(lo, hi, &q.sources);
    w.push("actor1 <> actor2".into());
    w.push(pair);
    Ok(format!(
        "SELECT day, {} FROM dyad_day WHERE {} GROUP BY day ORDER BY day",
        sums(),
        w.join(" AND ")
    ))
}

/// The SQL for the `n` counterparts of `side` with most events (both directions, the side's own
/// actors excluded), ordered as the lake orders them (events descending, then actor). `None` when
/// the side has no actor inside the range (the lake's answer is then empty).
pub fn top_counterparts_sql(
    side: &SideSpec,
    n: usize,
    from: Option<Day>,
    to: Option<Day>,
    sources: &[SourceKind],
) -> Option<String> {
    let (lo, hi) = day_bounds(from, to);
    let s = side.intervals(lo, hi);
    if s.is_empty() {
        return None;
    }
    let mut w = range_filters(lo, hi, sources);
    w.push(format!(
        "(({} AND NOT {}) OR ({} AND NOT {}))",
        side_predicate("actor1", &s, lo, hi),
        in_list("actor2", &s),
        side_predicate("actor2", &s, lo, hi),
        in_list("actor1", &s)
    ));
    Some(format!(
        "SELECT CASE WHEN {} THEN actor2 ELSE actor1 END AS actor, {} FROM dyad_day WHERE {} \
         GROUP BY 1 ORDER BY events DESC, actor ASC LIMIT {n}",
        in_list("actor1", &s),
        sums(),
        w.join(" AND ")
    ))
}

/// The SQL for a type breakdown between `a` and everyone else (`b` absent): the rows where an
/// actor of `a` acts on an actor outside it (and, `symmetric`, the reverse), summed.
pub fn breakdown_sql(
    a: &SideSpec,
    from: Option<Day>,
    to: Option<Day>,
    symmetric: bool,
    sources: &[SourceKind],
) -> Option<String> {
    let (lo, hi) = day_bounds(from, to);
    let s = a.intervals(lo, hi);
    if s.is_empty() {
        return None;
    }
    let mut w = range_filters(lo, hi, sources);
    let out = format!(
        "({} AND NOT {})",
        side_predicate("actor1", &s, lo, hi),
        in_list("actor2", &s)
    );
    if symmetric {
        let back = format!(
            "({} AND NOT {})",
            side_predicate("actor2", &s, lo, hi),
            in_list("actor1", &s)
        );
        w.push(format!("({out} OR {back})"));
    } else {
        w.push(out);
    }
    Some(format!("SELECT {} FROM dyad_day WHERE {}", sums(), w.join(" AND ")))
}

fn bad(what: &str) -> Error {
    Error::Query(format!("unexpected result shape from the cluster: {what}"))
}

/// Reads the counters of row `r` starting at column `c0` (the layout [`sums`] produces).
fn counts_at(b: &RecordBatch, c0: usize, r: usize) -> Result<Counts, Error> {
    let ncounts = entente_events::schema::NCOUNTS;
    if b.num_columns() < c0 + ncounts + 2 {
        return Err(bad("too few columns"));
    }
    let int = |c: usize| -> Result<u64, Error> {
        let col = b.column(c);
        let a = col
            .as_primitive_opt::<Int64Type>()
            .ok_or_else(|| bad("a counter is not Int64"))?;
        Ok(if a.is_null(r) { 0 } else { a.value(r).max(0) as u64 })
    };
    let mut c = Counts {
        events: int(c0)?,
        ..Default::default()
    };
    for i in 0..4 {
        c.quad[i] = int(c0 + 1 + i)?;
    }
    for i in 0..16 {
        c.plover[i] = int(c0 + 5 + i)?;
    }
    for i in 0..20 {
        c.cameo[i] = int(c0 + 21 + i)?;
    }
    let g = b
        .column(c0 + ncounts)
        .as_primitive_opt::<Float64Type>()
        .ok_or_else(|| bad("goldstein_sum is not Float64"))?;
    c.goldstein_sum = if g.is_null(r) { 0.0 } else { g.value(r) };
    let m = b
        .column(c0 + ncounts + 1)
        .as_primitive_opt::<Int64Type>()
        .ok_or_else(|| bad("mentions is not Int64"))?;
    c.mentions = if m.is_null(r) { 0 } else { m.value(r) };
    Ok(c)
}

/// Turns the day-by-day result of [`series_sql`] into the lake's series: periods of `q.by`, every
/// period of the range (zeros included).
pub fn series_from_batches(q: &SeriesQuery, batches: &[RecordBatch]) -> Result<Vec<SeriesRow>, Error> {
    let (lo, hi) = day_bounds(q.from, q.to);
    let mut buckets: BTreeMap<i32, Counts> = BTreeMap::new();
    for b in batches {
        if b.num_rows() == 0 {
            continue;
        }
        if b.column(0).data_type() != &DataType::Date32 {
            return Err(bad("day is not Date32"));
        }
        let days = b.column(0).as_primitive::<Date32Type>();
        for r in 0..b.num_rows() {
            let (_, start) = q.by.period(Day(days.value(r)));
            buckets.entry(start.0).or_default().merge(&counts_at(b, 1, r)?);
        }
    }
    Ok(series_rows(q.by, lo, hi, buckets))
}

/// Turns the result of [`top_counterparts_sql`] into counterparts.
pub fn counterparts_from_batches(batches: &[RecordBatch]) -> Result<Vec<Counterpart>, Error> {
    let mut out = Vec::new();
    for b in batches {
        if b.num_rows() == 0 {
            continue;
        }
        let names = b.column(0);
        for r in 0..b.num_rows() {
            let actor = match names.data_type() {
                DataType::Utf8 => names.as_string::<i32>().value(r).to_string(),
                DataType::LargeUtf8 => names.as_string::<i64>().value(r).to_string(),
                DataType::Utf8View => names.as_string_view().value(r).to_string(),
                _ => return Err(bad("actor is not a string")),
            };
            out.push(Counterpart {
                actor,
                counts: counts_at(b, 1, r)?,
            });
        }
    }
    Ok(out)
}

/// Sums every row of a [`breakdown_sql`] result (one row).
pub fn counts_from_batches(batches: &[RecordBatch]) -> Result<Counts, Error> {
    let mut c = Counts::default();
    for b in batches {
        for r in 0..b.num_rows() {
            c.merge(&counts_at(b, 0, r)?);
        }
    }
    Ok(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use entente_events::{Granularity, Membership};

    #[test]
    fn predicates_follow_the_lake() {
        let lo = Day::parse("2019-01-01").unwrap().0;
        let hi = Day::parse("2019-12-31").unwrap().0;
        let side = SideSpec::Members(vec![
            Membership {
                actor: "NATO".into(),
                from: None,
                to: None,
            },
            Membership {
                actor: "MKD".into(),
                from: Day::parse("2020-03-27"),
                to: None,
            },
            Membership {
                actor: "O'X".into(),
                from: Day::parse("2019-06-01"),
                to: None,
            },
        ]);
        let iv = side.intervals(lo, hi);
        // North Macedonia joined after the range: not on the side at all.
        assert_eq!(iv.keys().collect::<Vec<_>>(), vec!["NATO", "O'X"]);
        assert_eq!(
            side_predicate("actor1", &iv, lo, hi),
            "(actor1 IN ('NATO') OR (actor1 = 'O''X' AND day >= DATE '2019-06-01'))"
        );
        let q = SeriesQuery {
            a: SideSpec::actor("NATO"),
            b: SideSpec::actor("KOR"),
            by: Granularity::Month,
            from: Day::parse("2019-03-01"),
            to: Day::parse("2019-01-01"),
            symmetric: true,
            sources: vec![],
        };
        assert!(series_sql(&q).unwrap_err().to_string().contains("range is empty"));
    }
}
