//! Dyadic queries over the lake: series, top counterparts, type breakdowns. They read only the
//! `dyad_day` table (never events): whole months from each part's dyad directory, partial months
//! and daily series from the dyad's own rows.
//!
//! A side of a dyad is either a fixed set of actors or a list of memberships (actor, from, to):
//! "NATO as an organisation and/or its members at each date" is the list NATO (always) plus each
//! member from its accession. Pairs are directed (actor1 acts on actor2); `symmetric` adds the
//! reverse direction. An actor never forms a dyad with itself.

use crate::cameo::{CAMEO_ROOTS, PLOVER_TYPES, QUAD_CLASSES};
use crate::day::{Day, Month};
use crate::dyadindex::DyadIndex;
use crate::error::{Error, Result};
use crate::lake::{Lake, SourceKind};
use crate::record::Event;
use crate::schema::{Agg, NCOUNTS, P0, Q0, R0};
use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Float32Type, Float64Type, Int32Type, Int64Type};
use arrow_array::Array;
use parquet::arrow::arrow_reader::{ArrowReaderOptions, ParquetRecordBatchReaderBuilder, RowSelection, RowSelector};
use parquet::arrow::ProjectionMask;
use parquet::file::metadata::PageIndexPolicy;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::path::Path;
use std::sync::Arc;

/// Period of a series.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Granularity {
    Day,
    Month,
    Year,
}

impl Granularity {
    pub fn parse(s: &str) -> Option<Granularity> {
        match s.trim().to_ascii_lowercase().as_str() {
            "day" | "daily" => Some(Granularity::Day),
            "month" | "monthly" => Some(Granularity::Month),
            "year" | "yearly" | "annual" => Some(Granularity::Year),
            _ => None,
        }
    }

    /// The label and first day of the period holding `d`.
    pub fn period(self, d: Day) -> (String, Day) {
        match self {
            Granularity::Day => (d.to_string(), d),
            Granularity::Month => (d.month().to_string(), d.month().first_day()),
            Granularity::Year => (format!("{:04}", d.year()), Day::from_ymd(d.year(), 1, 1).unwrap_or(d)),
        }
    }

    /// The first day of the period after the one starting on `d`.
    pub fn next(self, d: Day) -> Day {
        match self {
            Granularity::Day => Day(d.0 + 1),
            Granularity::Month => Month(d.month().0 + 1).first_day(),
            Granularity::Year => Day::from_ymd(d.year() + 1, 1, 1).unwrap_or(Day(i32::MAX)),
        }
    }
}

/// A series from counts keyed by each period's first day: every period of `by` from `lo` to `hi`
/// (days; `i32::MIN`/`i32::MAX` = from the first / to the last period with counts), zeros
/// included, so that charts and diffs line up. Local and cluster queries both end here.
pub fn series_rows(by: Granularity, lo: i32, hi: i32, mut buckets: BTreeMap<i32, Counts>) -> Vec<SeriesRow> {
    let first = if lo != i32::MIN {
        Some(Day(lo))
    } else {
        buckets.keys().next().map(|d| Day(*d))
    };
    let last = if hi != i32::MAX {
        Some(Day(hi))
    } else {
        buckets.keys().next_back().map(|d| Day(*d))
    };
    let mut out = Vec::new();
    if let (Some(first), Some(last)) = (first, last) {
        let mut d = by.period(first).1;
        while d <= last && out.len() < 1_000_000 {
            let (label, start) = by.period(d);
            out.push(SeriesRow {
                period: label,
                start,
                counts: buckets.remove(&start.0).unwrap_or_default(),
            });
            d = by.next(d);
        }
    }
    out
}

/// An actor belonging to a side between two days (inclusive; `None` = open).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Membership {
    pub actor: String,
    pub from: Option<Day>,
    pub to: Option<Day>,
}

/// One side of a dyad.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum SideSpec {
    /// These actors, whatever the date.
    Actors(Vec<String>),
    /// Each actor only within its dates: e.g. NATO itself (open) plus every member from its
    /// accession (the knowledge base supplies the list).
    Members(Vec<Membership>),
}

impl SideSpec {
    pub fn actor(id: &str) -> SideSpec {
        SideSpec::Actors(vec![id.to_string()])
    }

    fn memberships(&self) -> Vec<Membership> {
        match self {
            SideSpec::Actors(v) => v
                .iter()
                .map(|a| Membership {
                    actor: a.clone(),
                    from: None,
                    to: None,
                })
                .collect(),
            SideSpec::Members(v) => v.clone(),
        }
    }

    /// Actor → the day intervals (within `lo..=hi`, merged) in which it belongs to the side.
    pub fn intervals(&self, lo: i32, hi: i32) -> Intervals {
        let mut out: BTreeMap<String, Vec<(i32, i32)>> = BTreeMap::new();
        for m in self.memberships() {
            let f = m.from.map_or(lo, |d| d.0.max(lo));
            let t = m.to.map_or(hi, |d| d.0.min(hi));
            if f <= t {
                out.entry(m.actor).or_default().push((f, t));
            }
        }
        for v in out.values_mut() {
            *v = merge(std::mem::take(v));
        }
        out
    }
}

fn merge(mut v: Vec<(i32, i32)>) -> Vec<(i32, i32)> {
    v.sort_unstable();
    let mut out: Vec<(i32, i32)> = Vec::with_capacity(v.len());
    for (f, t) in v {
        match out.last_mut() {
            Some(last) if f <= last.1.saturating_add(1) => last.1 = last.1.max(t),
            _ => out.push((f, t)),
        }
    }
    out
}

fn intersect(a: &[(i32, i32)], b: &[(i32, i32)]) -> Vec<(i32, i32)> {
    let mut out = Vec::new();
    for x in a {
        for y in b {
            let (f, t) = (x.0.max(y.0), x.1.min(y.1));
            if f <= t {
                out.push((f, t));
            }
        }
    }
    merge(out)
}

fn covers(iv: &[(i32, i32)], f: i32, t: i32) -> bool {
    iv.iter().any(|x| x.0 <= f && t <= x.1)
}

fn contains(iv: &[(i32, i32)], d: i32) -> bool {
    iv.iter().any(|x| x.0 <= d && d <= x.1)
}

/// A dyadic series request.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SeriesQuery {
    pub a: SideSpec,
    pub b: SideSpec,
    pub by: Granularity,
    pub from: Option<Day>,
    pub to: Option<Day>,
    /// Count events in both directions (A→B and B→A).
    pub symmetric: bool,
    /// Sources to read; empty means all.
    pub sources: Vec<SourceKind>,
}

/// Event counts of a period or a dyad.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Counts {
    pub events: u64,
    /// By quad class: verbal cooperation, material cooperation, verbal conflict, material conflict.
    pub quad: [u64; 4],
    /// By PLOVER type, in [`PLOVER_TYPES`] order.
    pub plover: [u64; 16],
    /// By CAMEO root 01..20 (zero for POLECAT events).
    pub cameo: [u64; 20],
    pub goldstein_sum: f64,
    pub mentions: i64,
}

impl Counts {
    pub(crate) fn add(&mut self, a: &Agg) {
        self.events += a.counts[0] as u64;
        for i in 0..4 {
            self.quad[i] += a.counts[Q0 + i] as u64;
        }
        for i in 0..16 {
            self.plover[i] += a.counts[P0 + i] as u64;
        }
        for i in 0..20 {
            self.cameo[i] += a.counts[R0 + i] as u64;
        }
        self.goldstein_sum += a.goldstein;
        self.mentions += a.mentions;
    }

    pub fn merge(&mut self, o: &Counts) {
        self.events += o.events;
        for i in 0..4 {
            self.quad[i] += o.quad[i];
        }
        for i in 0..16 {
            self.plover[i] += o.plover[i];
        }
        for i in 0..20 {
            self.cameo[i] += o.cameo[i];
        }
        self.goldstein_sum += o.goldstein_sum;
        self.mentions += o.mentions;
    }

    /// Mean Goldstein score per event.
    pub fn goldstein_mean(&self) -> Option<f64> {
        (self.events > 0).then(|| self.goldstein_sum / self.events as f64)
    }

    /// (name, count) for every quad class, PLOVER type and CAMEO root.
    pub fn labelled(&self) -> Vec<(String, String, u64)> {
        let mut v = Vec::new();
        for (i, n) in QUAD_CLASSES.iter().enumerate() {
            v.push(("quad".into(), n.to_string(), self.quad[i]));
        }
        for (i, n) in PLOVER_TYPES.iter().enumerate() {
            v.push(("plover".into(), n.to_string(), self.plover[i]));
        }
        for (i, n) in CAMEO_ROOTS.iter().enumerate() {
            v.push(("cameo".into(), format!("{:02} {n}", i + 1), self.cameo[i]));
        }
        v
    }
}

/// One period of a series.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SeriesRow {
    /// `2019-10`, `2019` or `2019-10-24`.
    pub period: String,
    pub start: Day,
    pub counts: Counts,
}

/// A counterpart of a side, with the events between them.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Counterpart {
    pub actor: String,
    pub counts: Counts,
}

/// Event counts by type between two sides (or between a side and everyone).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Breakdown {
    pub counts: Counts,
}

impl Breakdown {
    /// The counts of a series, summed: between two sides, the breakdown is the sum of their
    /// series (see [`SeriesQuery::for_breakdown`]).
    pub fn of_series(rows: &[SeriesRow]) -> Breakdown {
        let mut counts = Counts::default();
        for r in rows {
            counts.merge(&r.counts);
        }
        Breakdown { counts }
    }
}

/// Actor → the merged day intervals in which it belongs to a side.
pub type Intervals = BTreeMap<String, Vec<(i32, i32)>>;

impl SeriesQuery {
    /// The query's range as days ([`day_bounds`]) and each side's actors with their intervals in
    /// it; `Err` for a request no series answers (an empty range, a side with no actor in it).
    pub fn sides(&self) -> Result<(i32, i32, Intervals, Intervals)> {
        let (lo, hi) = day_bounds(self.from, self.to);
        if lo > hi {
            return Err(Error::Query(format!(
                "the range is empty: {} is after {}",
                Day(lo),
                Day(hi)
            )));
        }
        let (a, b) = (self.a.intervals(lo, hi), self.b.intervals(lo, hi));
        if a.is_empty() || b.is_empty() {
            return Err(Error::Query(
                "each side needs at least one actor (with a membership inside the range)".into(),
            ));
        }
        Ok((lo, hi, a, b))
    }

    /// The series whose rows sum to the type breakdown between `a` and `b` (yearly: the fewest rows).
    pub fn for_breakdown(
        a: &SideSpec,
        b: &SideSpec,
        from: Option<Day>,
        to: Option<Day>,
        symmetric: bool,
        sources: &[SourceKind],
    ) -> SeriesQuery {
        SeriesQuery {
            a: a.clone(),
            b: b.clone(),
            by: Granularity::Year,
            from,
            to,
            symmetric,
            sources: sources.to_vec(),
        }
    }
}

/// A query's range as days, `i32::MIN`/`i32::MAX` for an open end.
pub fn day_bounds(from: Option<Day>, to: Option<Day>) -> (i32, i32) {
    (from.map_or(i32::MIN, |d| d.0), to.map_or(i32::MAX, |d| d.0))
}

/// Rows to read from a part: first row, count, the caller's key, the days that count.
type Fetch = (u32, u32, usize, Vec<(i32, i32)>);

type Select<'a> = dyn FnMut(&str, &str) -> Option<(usize, Vec<(i32, i32)>)> + 'a;

impl Lake {
    fn dyad_parts(&self, sources: &[SourceKind], lo: i32, hi: i32) -> Vec<(String, Month)> {
        self.parts("dyad_day")
            .filter(|(_, s, _)| sources.is_empty() || sources.iter().any(|k| k.name() == *s))
            .filter_map(|(rel, _, m)| Some((rel.to_string(), Month::parse(m)?)))
            .filter(|(_, m)| m.last_day().0 >= lo && m.first_day().0 <= hi)
            .collect()
    }

    /// The dyad directory of a part (read once, then cached).
    fn index(&self, rel: &str) -> Result<Arc<DyadIndex>> {
        if let Some(i) = self.indexes.lock().ok().and_then(|m| m.get(rel).cloned()) {
            return Ok(i);
        }
        let path = self.root().join(rel.replace(".parquet", ".dyx"));
        let idx = DyadIndex::open(&path)
            .map_err(|e| Error::io(&path, e))?
            .map_err(|m| Error::Lake(format!("{}: {m}", path.display())))?;
        let idx = Arc::new(idx);
        if let Ok(mut m) = self.indexes.lock() {
            m.insert(rel.to_string(), idx.clone());
        }
        Ok(idx)
    }

    /// Reads the rows `ranges` (sorted, disjoint (first, count)) of a dyad-day part: (day, counts).
    fn read_rows(&self, rel: &str, ranges: &[(u32, u32)]) -> Result<Vec<(i32, Agg)>> {
        let path = self.root().join(rel);
        let file = File::open(&path).map_err(|e| Error::io(&path, e))?;
        let pe = |e: parquet::errors::ParquetError| Error::parquet(&path, e);
        let builder = ParquetRecordBatchReaderBuilder::try_new_with_options(
            file,
            ArrowReaderOptions::new().with_page_index_policy(PageIndexPolicy::Optional),
        )
        .map_err(pe)?;
        let ncols = builder.parquet_schema().num_columns();
        // Every column but actor1 and actor2: the directory already says which dyad a row is.
        let mask = ProjectionMask::roots(builder.parquet_schema(), (0..ncols).filter(|c| *c != 1 && *c != 2));
        let mut sel = Vec::new();
        let mut at = 0u32;
        for &(first, n) in ranges {
            if first > at {
                sel.push(RowSelector::skip((first - at) as usize));
            }
            sel.push(RowSelector::select(n as usize));
            at = first + n;
        }
        let reader = builder
            .with_projection(mask)
            .with_row_selection(RowSelection::from(sel))
            .with_batch_size(8192)
            .build()
            .map_err(pe)?;
        let mut out = Vec::new();
        for batch in reader {
            let b = batch.map_err(|e| Error::parquet(&path, e))?;
            let bad = || Error::Lake(format!("{}: unexpected dyad_day columns", path.display()));
            if b.num_columns() != NCOUNTS + 3 {
                return Err(bad());
            }
            let day = b.column(0).as_primitive_opt::<Date32Type>().ok_or_else(bad)?;
            let counts: Vec<_> = (1..=NCOUNTS)
                .map(|c| b.column(c).as_primitive_opt::<Int32Type>().ok_or_else(bad))
                .collect::<Result<_>>()?;
            let gold = b
                .column(NCOUNTS + 1)
                .as_primitive_opt::<Float64Type>()
                .ok_or_else(bad)?;
            let ment = b.column(NCOUNTS + 2).as_primitive_opt::<Int64Type>().ok_or_else(bad)?;
            for r in 0..b.num_rows() {
                let mut a = Agg::default();
                for (c, col) in counts.iter().enumerate() {
                    a.counts[c] = col.value(r).max(0) as u32;
                }
                a.goldstein = gold.value(r);
                a.mentions = ment.value(r);
                out.push((day.value(r), a));
            }
        }
        Ok(out)
    }

    /// Visits every selected dyad's contribution within `lo..=hi`: `visit(key, day, counts)`, where
    /// `day` is the first of the month for whole-month totals (only when `day_level` is false).
    /// `pairs` lists the candidate directed dyads when known (binary search); otherwise every dyad
    /// of every part is offered to `select`.
    #[allow(clippy::too_many_arguments)]
    fn accumulate(
        &self,
        sources: &[SourceKind],
        lo: i32,
        hi: i32,
        day_level: bool,
        pairs: Option<&[(String, String)]>,
        select: &mut Select<'_>,
        visit: &mut dyn FnMut(usize, i32, &Agg),
    ) -> Result<()> {
        for (rel, month) in self.dyad_parts(sources, lo, hi) {
            let idx = self.index(&rel)?;
            let (mf, ml) = (month.first_day().0, month.last_day().0);
            let mut fetch: Vec<Fetch> = Vec::new();
            let mut consider = |a1: &str, a2: &str, e: &crate::dyadindex::Entry| {
                if a1 == a2 {
                    return;
                }
                let Some((key, iv)) = select(a1, a2) else { return };
                if !day_level && covers(&iv, mf, ml) {
                    visit(key, mf, &idx.totals(e));
                } else if iv.iter().any(|x| x.0 <= ml && x.1 >= mf) {
                    fetch.push((e.first_row, e.rows, key, iv));
                }
            };
            match pairs {
                Some(pairs) => {
                    for (x, y) in pairs {
                        if let (Some(a), Some(b)) = (idx.actor(x), idx.actor(y)) {
                            if let Some(e) = idx.find(a, b) {
                                consider(x, y, &e);
                            }
                        }
                    }
                }
                None => {
                    for e in idx.entries() {
                        consider(&idx.actors[e.a1 as usize], &idx.actors[e.a2 as usize], &e);
                    }
                }
            }
            if fetch.is_empty() {
                continue;
            }
            fetch.sort_by_key(|f| f.0);
            let ranges: Vec<(u32, u32)> = fetch.iter().map(|f| (f.0, f.1)).collect();
            let rows = self.read_rows(&rel, &ranges)?;
            let mut it = rows.iter();
            for (_, n, key, iv) in &fetch {
                for (day, agg) in it.by_ref().take(*n as usize) {
                    if contains(iv, *day) {
                        visit(*key, *day, agg);
                    }
                }
            }
        }
        Ok(())
    }

    /// The dyadic series between two sides.
    pub fn dyad_series(&self, q: &SeriesQuery) -> Result<Vec<SeriesRow>> {
        let (lo, hi, a, b) = q.sides()?;
        let mut pairs = BTreeSet::new();
        for x in a.keys() {
            for y in b.keys() {
                if x != y {
                    pairs.insert((x.clone(), y.clone()));
                    if q.symmetric {
                        pairs.insert((y.clone(), x.clone()));
                    }
                }
            }
        }
        let pairs: Vec<(String, String)> = pairs.into_iter().collect();
        let mut select = |x: &str, y: &str| {
            let mut iv = match (a.get(x), b.get(y)) {
                (Some(p), Some(r)) => intersect(p, r),
                _ => Vec::new(),
            };
            if q.symmetric {
                if let (Some(p), Some(r)) = (a.get(y), b.get(x)) {
                    iv.extend(intersect(p, r));
                    iv = merge(iv);
                }
            }
            (!iv.is_empty()).then_some((0, iv))
        };
        let mut buckets: BTreeMap<i32, Counts> = BTreeMap::new();
        self.accumulate(
            &q.sources,
            lo,
            hi,
            q.by == Granularity::Day,
            Some(&pairs),
            &mut select,
            &mut |_, day, agg| {
                let (_, start) = q.by.period(Day(day));
                buckets.entry(start.0).or_default().add(agg);
            },
        )?;
        Ok(series_rows(q.by, lo, hi, buckets))
    }

    /// The `n` actors with most events with `side` in `from..=to` (both directions), excluding
    /// the side's own actors.
    pub fn top_counterparts(
        &self,
        side: &SideSpec,
        n: usize,
        from: Option<Day>,
        to: Option<Day>,
        sources: &[SourceKind],
    ) -> Result<Vec<Counterpart>> {
        let (lo, hi) = day_bounds(from, to);
        let s = side.intervals(lo, hi);
        let mut names: Vec<String> = Vec::new();
        let mut ids: BTreeMap<String, usize> = BTreeMap::new();
        let mut select = |x: &str, y: &str| {
            let (other, iv) = match (s.get(x), s.get(y)) {
                (Some(iv), None) => (y, iv),
                (None, Some(iv)) => (x, iv),
                _ => return None,
            };
            let k = *ids.entry(other.to_string()).or_insert_with(|| {
                names.push(other.to_string());
                names.len() - 1
            });
            Some((k, iv.clone()))
        };
        let mut totals: BTreeMap<usize, Counts> = BTreeMap::new();
        self.accumulate(sources, lo, hi, false, None, &mut select, &mut |k, _, agg| {
            totals.entry(k).or_default().add(agg)
        })?;
        let mut v: Vec<Counterpart> = totals
            .into_iter()
            .map(|(k, counts)| Counterpart {
                actor: names[k].clone(),
                counts,
            })
            .collect();
        v.sort_by(|x, y| {
            y.counts
                .events
                .cmp(&x.counts.events)
                .then_with(|| x.actor.cmp(&y.actor))
        });
        v.truncate(n);
        Ok(v)
    }

    /// Event counts by quad class, PLOVER type and CAMEO root between `a` and `b` (or between `a`
    /// and anyone when `b` is `None`).
    pub fn type_breakdown(
        &self,
        a: &SideSpec,
        b: Option<&SideSpec>,
        from: Option<Day>,
        to: Option<Day>,
        symmetric: bool,
        sources: &[SourceKind],
    ) -> Result<Breakdown> {
        if let Some(b) = b {
            let q = SeriesQuery::for_breakdown(a, b, from, to, symmetric, sources);
            return Ok(Breakdown::of_series(&self.dyad_series(&q)?));
        }
        let (lo, hi) = day_bounds(from, to);
        // A and anyone: every event with an actor of A (on one side only, unless symmetric).
        let mut counts = Counts::default();
        let s = a.intervals(lo, hi);
        let mut select = |x: &str, y: &str| match (s.get(x), s.get(y)) {
            (Some(iv), None) => Some((0, iv.clone())),
            (None, Some(iv)) if symmetric => Some((0, iv.clone())),
            _ => None,
        };
        self.accumulate(sources, lo, hi, false, None, &mut select, &mut |_, _, agg| {
            counts.add(agg)
        })?;
        Ok(Breakdown { counts })
    }
}

/// Calls `f(event_id, fingerprint)` for every event stored in an `events` part (used to drop ids
/// the lake already holds).
pub(crate) fn for_each_stored_event(path: &Path, mut f: impl FnMut(String, u64)) -> Result<()> {
    let res = crate::actors::Resolver::shipped()?;
    let file = File::open(path).map_err(|e| Error::io(path, e))?;
    let reader = ParquetRecordBatchReaderBuilder::try_new(file)
        .and_then(|b| b.with_batch_size(16_384).build())
        .map_err(|e| Error::parquet(path, e))?;
    let schema = crate::schema::events_schema();
    let col = |n: &str| schema.index_of(n).map_err(|e| Error::parquet(path, e));
    let (id, day, a1, a1n, a1s, a2, a2n, a2s) = (
        col("event_id")?,
        col("day")?,
        col("actor1")?,
        col("actor1_name")?,
        col("actor1_sector")?,
        col("actor2")?,
        col("actor2_name")?,
        col("actor2_sector")?,
    );
    let (code, gold, geo, lat, lon, story) = (
        col("event_code")?,
        col("goldstein")?,
        col("geo_country")?,
        col("geo_lat")?,
        col("geo_lon")?,
        col("story_id")?,
    );
    for batch in reader {
        let b = batch.map_err(|e| Error::parquet(path, e))?;
        let bad = || Error::Lake(format!("{}: unexpected events columns", path.display()));
        let s = |c: usize| b.column(c).as_string_opt::<i32>().ok_or_else(bad);
        let (ids, a1c, a1nc, a1sc, a2c, a2nc, a2sc, codec, geoc, storyc) = (
            s(id)?,
            s(a1)?,
            s(a1n)?,
            s(a1s)?,
            s(a2)?,
            s(a2n)?,
            s(a2s)?,
            s(code)?,
            s(geo)?,
            s(story)?,
        );
        let dayc = b.column(day).as_primitive_opt::<Date32Type>().ok_or_else(bad)?;
        let goldc = b.column(gold).as_primitive_opt::<Float32Type>().ok_or_else(bad)?;
        let latc = b.column(lat).as_primitive_opt::<Float64Type>().ok_or_else(bad)?;
        let lonc = b.column(lon).as_primitive_opt::<Float64Type>().ok_or_else(bad)?;
        fn get(c: &arrow_array::StringArray, r: usize) -> &str {
            if c.is_null(r) {
                ""
            } else {
                c.value(r)
            }
        }
        for r in 0..b.num_rows() {
            let ev = Event {
                event_id: get(ids, r),
                day: Day(dayc.value(r)),
                actor1: res.lookup(get(a1c, r)),
                actor1_name: get(a1nc, r),
                actor1_sector: get(a1sc, r),
                actor2: res.lookup(get(a2c, r)),
                actor2_name: get(a2nc, r),
                actor2_sector: get(a2sc, r),
                event_code: get(codec, r),
                goldstein: (!goldc.is_null(r)).then(|| goldc.value(r)),
                geo_country: res.lookup(get(geoc, r)),
                lat: (!latc.is_null(r)).then(|| latc.value(r)),
                lon: (!lonc.is_null(r)).then(|| lonc.value(r)),
                story_id: get(storyc, r),
                ..Default::default()
            };
            f(ev.event_id.to_string(), crate::dedup::fingerprint(&ev, &res));
        }
    }
    Ok(())
}
