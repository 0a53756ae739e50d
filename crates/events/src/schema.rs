//! The lake's two tables: their Arrow schemas, the builders that fill them, and the dyad-day
//! aggregate's in-memory form.

use crate::actors::{ActorId, Resolver};
use crate::cameo::{plover_column, PLOVER_TYPES};
use crate::record::Event;
use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Float32Builder, Float64Builder, Int32Builder, Int64Builder, StringBuilder,
    UInt8Builder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use std::sync::{Arc, OnceLock};

/// Columns of the `events` table (the Hive partition columns `source` and `month` come from the
/// path).
pub fn events_schema() -> SchemaRef {
    static S: OnceLock<SchemaRef> = OnceLock::new();
    S.get_or_init(|| {
        let s = |n: &str| Field::new(n, DataType::Utf8, true);
        Arc::new(Schema::new(vec![
            Field::new("event_id", DataType::Utf8, false),
            Field::new("day", DataType::Date32, false),
            s("actor1"),
            s("actor1_code"),
            s("actor1_name"),
            s("actor1_sector"),
            s("actor2"),
            s("actor2_code"),
            s("actor2_name"),
            s("actor2_sector"),
            s("event_code"),
            Field::new("event_root", DataType::UInt8, true),
            Field::new("quad_class", DataType::UInt8, true),
            s("plover"),
            Field::new("goldstein", DataType::Float32, true),
            Field::new("num_mentions", DataType::Int32, true),
            Field::new("num_sources", DataType::Int32, true),
            Field::new("num_articles", DataType::Int32, true),
            Field::new("avg_tone", DataType::Float32, true),
            Field::new("is_root_event", DataType::Boolean, true),
            s("geo_country"),
            Field::new("geo_lat", DataType::Float64, true),
            Field::new("geo_lon", DataType::Float64, true),
            s("source_url"),
            s("story_id"),
            Field::new("date_added", DataType::Int64, true),
        ]))
    })
    .clone()
}

/// Number of counters in a dyad-day row: events, 4 quad classes, 16 PLOVER types, 20 CAMEO roots.
pub const NCOUNTS: usize = 41;
pub const Q0: usize = 1;
pub const P0: usize = 5;
pub const R0: usize = 21;

/// Names of the counter columns, in [`Agg::counts`] order.
pub fn count_columns() -> Vec<String> {
    let mut v = vec!["events".to_string()];
    v.extend((1..=4).map(|q| format!("quad{q}")));
    v.extend((0..PLOVER_TYPES.len()).map(plover_column));
    v.extend((1..=20).map(|r| format!("cameo{r:02}")));
    v
}

/// Columns of the `dyad_day` table: one row per (day, actor1, actor2) with directed actors.
pub fn dyad_schema() -> SchemaRef {
    static S: OnceLock<SchemaRef> = OnceLock::new();
    S.get_or_init(|| {
        let mut f = vec![
            Field::new("day", DataType::Date32, false),
            Field::new("actor1", DataType::Utf8, false),
            Field::new("actor2", DataType::Utf8, false),
        ];
        f.extend(
            count_columns()
                .into_iter()
                .map(|n| Field::new(n, DataType::Int32, false)),
        );
        f.push(Field::new("goldstein_sum", DataType::Float64, false));
        f.push(Field::new("mentions", DataType::Int64, false));
        Arc::new(Schema::new(f))
    })
    .clone()
}

/// The aggregate of a set of events.
#[derive(Clone, Debug, PartialEq)]
pub struct Agg {
    pub counts: [u32; NCOUNTS],
    pub goldstein: f64,
    pub mentions: i64,
}

impl Default for Agg {
    fn default() -> Agg {
        Agg {
            counts: [0; NCOUNTS],
            goldstein: 0.0,
            mentions: 0,
        }
    }
}

impl Agg {
    #[inline]
    pub fn add_event(&mut self, ev: &Event<'_>) {
        self.counts[0] += 1;
        if (1..=4).contains(&ev.quad) {
            self.counts[Q0 + ev.quad as usize - 1] += 1;
        }
        if let Some(p) = ev.plover {
            self.counts[P0 + (p as usize % 16)] += 1;
        }
        if (1..=20).contains(&ev.root) {
            self.counts[R0 + ev.root as usize - 1] += 1;
        }
        self.goldstein += ev.goldstein.unwrap_or(0.0) as f64;
        self.mentions += ev.num_mentions.unwrap_or(0) as i64;
    }
    #[inline]
    pub fn merge(&mut self, o: &Agg) {
        for (a, b) in self.counts.iter_mut().zip(o.counts.iter()) {
            *a += b;
        }
        self.goldstein += o.goldstein;
        self.mentions += o.mentions;
    }
}

/// Builds `events` record batches from parsed events.
pub struct EventsBuilder {
    len: usize,
    event_id: StringBuilder,
    day: Date32Builder,
    strs: Vec<StringBuilder>,
    event_code: StringBuilder,
    event_root: UInt8Builder,
    quad: UInt8Builder,
    plover: StringBuilder,
    goldstein: Float32Builder,
    mentions: Int32Builder,
    sources: Int32Builder,
    articles: Int32Builder,
    tone: Float32Builder,
    is_root: BooleanBuilder,
    geo: StringBuilder,
    lat: Float64Builder,
    lon: Float64Builder,
    url: StringBuilder,
    story: StringBuilder,
    added: Int64Builder,
}

#[inline]
fn opt_str(b: &mut StringBuilder, v: &str) {
    if v.is_empty() {
        b.append_null()
    } else {
        b.append_value(v)
    }
}

#[inline]
fn opt_actor(b: &mut StringBuilder, res: &Resolver, a: Option<ActorId>) {
    match a {
        Some(a) => b.append_value(res.id(a)),
        None => b.append_null(),
    }
}

impl EventsBuilder {
    pub fn with_capacity(rows: usize) -> EventsBuilder {
        let sb = |bytes: usize| StringBuilder::with_capacity(rows, rows * bytes);
        EventsBuilder {
            len: 0,
            event_id: sb(10),
            day: Date32Builder::with_capacity(rows),
            strs: (0..8).map(|i| sb(if i % 4 == 2 { 12 } else { 4 })).collect(),
            event_code: sb(3),
            event_root: UInt8Builder::with_capacity(rows),
            quad: UInt8Builder::with_capacity(rows),
            plover: sb(6),
            goldstein: Float32Builder::with_capacity(rows),
            mentions: Int32Builder::with_capacity(rows),
            sources: Int32Builder::with_capacity(rows),
            articles: Int32Builder::with_capacity(rows),
            tone: Float32Builder::with_capacity(rows),
            is_root: BooleanBuilder::with_capacity(rows),
            geo: sb(3),
            lat: Float64Builder::with_capacity(rows),
            lon: Float64Builder::with_capacity(rows),
            url: sb(90),
            story: sb(0),
            added: Int64Builder::with_capacity(rows),
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    #[inline]
    pub fn push(&mut self, ev: &Event<'_>, res: &Resolver) {
        self.len += 1;
        self.event_id.append_value(ev.event_id);
        self.day.append_value(ev.day.0);
        let s = &mut self.strs;
        opt_actor(&mut s[0], res, ev.actor1);
        opt_str(&mut s[1], ev.actor1_code);
        opt_str(&mut s[2], ev.actor1_name);
        opt_str(&mut s[3], ev.actor1_sector);
        opt_actor(&mut s[4], res, ev.actor2);
        opt_str(&mut s[5], ev.actor2_code);
        opt_str(&mut s[6], ev.actor2_name);
        opt_str(&mut s[7], ev.actor2_sector);
        opt_str(&mut self.event_code, ev.event_code);
        self.event_root.append_option((ev.root != 0).then_some(ev.root));
        self.quad.append_option((ev.quad != 0).then_some(ev.quad));
        match ev.plover {
            Some(p) => self.plover.append_value(PLOVER_TYPES[p as usize % 16]),
            None => self.plover.append_null(),
        }
        self.goldstein.append_option(ev.goldstein);
        self.mentions.append_option(ev.num_mentions);
        self.sources.append_option(ev.num_sources);
        self.articles.append_option(ev.num_articles);
        self.tone.append_option(ev.avg_tone);
        self.is_root.append_option(ev.is_root);
        opt_actor(&mut self.geo, res, ev.geo_country);
        self.lat.append_option(ev.lat);
        self.lon.append_option(ev.lon);
        opt_str(&mut self.url, ev.source_url);
        opt_str(&mut self.story, ev.story_id);
        self.added.append_option(ev.date_added);
    }

    pub fn finish(&mut self) -> Result<RecordBatch, arrow_schema::ArrowError> {
        let mut cols: Vec<ArrayRef> = vec![Arc::new(self.event_id.finish()), Arc::new(self.day.finish())];
        cols.extend(self.strs.iter_mut().map(|b| Arc::new(b.finish()) as ArrayRef));
        cols.push(Arc::new(self.event_code.finish()));
        cols.push(Arc::new(self.event_root.finish()));
        cols.push(Arc::new(self.quad.finish()));
        cols.push(Arc::new(self.plover.finish()));
        cols.push(Arc::new(self.goldstein.finish()));
        cols.push(Arc::new(self.mentions.finish()));
        cols.push(Arc::new(self.sources.finish()));
        cols.push(Arc::new(self.articles.finish()));
        cols.push(Arc::new(self.tone.finish()));
        cols.push(Arc::new(self.is_root.finish()));
        cols.push(Arc::new(self.geo.finish()));
        cols.push(Arc::new(self.lat.finish()));
        cols.push(Arc::new(self.lon.finish()));
        cols.push(Arc::new(self.url.finish()));
        cols.push(Arc::new(self.story.finish()));
        cols.push(Arc::new(self.added.finish()));
        self.len = 0;
        RecordBatch::try_new(events_schema(), cols)
    }
}
