//! The typed event record every reader produces, and the row accounting every reader keeps.

use crate::actors::ActorId;
use crate::day::Day;
use serde::{Deserialize, Serialize};
use std::fmt;

/// One coded event, normalised across sources. Strings borrow from the reader's buffer (empty =
/// absent); call [`Event::to_owned_record`] to keep one.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Event<'a> {
    /// The source's event id (GDELT GLOBALEVENTID, ICEWS Event ID, POLECAT Event ID).
    pub event_id: &'a str,
    /// The day the event happened (GDELT SQLDATE, ICEWS/POLECAT Event Date).
    pub day: Day,
    /// Resolved source actor (entente id in the resolver), if it is a state or a known organisation.
    pub actor1: Option<ActorId>,
    /// The source's own actor code (GDELT Actor1Code; empty for ICEWS and POLECAT).
    pub actor1_code: &'a str,
    pub actor1_name: &'a str,
    /// Sector or type (GDELT Actor1Type1Code, ICEWS comma-joined Source Sectors, POLECAT sector).
    pub actor1_sector: &'a str,
    pub actor2: Option<ActorId>,
    pub actor2_code: &'a str,
    pub actor2_name: &'a str,
    pub actor2_sector: &'a str,
    /// CAMEO event code (`043`), empty for POLECAT.
    pub event_code: &'a str,
    /// CAMEO root 1..=20, 0 when the source has no CAMEO code.
    pub root: u8,
    /// Quad class 1..=4, 0 when unknown.
    pub quad: u8,
    /// PLOVER type index into [`crate::cameo::PLOVER_TYPES`].
    pub plover: Option<u8>,
    /// Goldstein score (GDELT GoldsteinScale, ICEWS Intensity).
    pub goldstein: Option<f32>,
    pub num_mentions: Option<i32>,
    pub num_sources: Option<i32>,
    pub num_articles: Option<i32>,
    pub avg_tone: Option<f32>,
    /// GDELT IsRootEvent.
    pub is_root: Option<bool>,
    /// Country where the event took place (GDELT ActionGeo FIPS code, ICEWS/POLECAT country).
    pub geo_country: Option<ActorId>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// GDELT SOURCEURL (not always a URL in 2013: `BBC Monitoring`).
    pub source_url: &'a str,
    /// ICEWS Story ID, POLECAT story/source id.
    pub story_id: &'a str,
    /// GDELT DATEADDED as printed (YYYYMMDD in 1.0, YYYYMMDDHHMMSS in 2.0).
    pub date_added: Option<i64>,
}

/// An [`Event`] that owns its strings, with actors as entente ids.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct EventRecord {
    pub event_id: String,
    pub day: Day,
    pub actor1: Option<String>,
    pub actor1_code: String,
    pub actor1_name: String,
    pub actor1_sector: String,
    pub actor2: Option<String>,
    pub actor2_code: String,
    pub actor2_name: String,
    pub actor2_sector: String,
    pub event_code: String,
    pub root: u8,
    pub quad: u8,
    pub plover: Option<String>,
    pub goldstein: Option<f32>,
    pub num_mentions: Option<i32>,
    pub num_sources: Option<i32>,
    pub num_articles: Option<i32>,
    pub avg_tone: Option<f32>,
    pub is_root: Option<bool>,
    pub geo_country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub source_url: String,
    pub story_id: String,
    pub date_added: Option<i64>,
}

impl Event<'_> {
    pub fn to_owned_record(&self, res: &crate::actors::Resolver) -> EventRecord {
        let id = |a: Option<ActorId>| a.map(|a| res.id(a).to_string());
        EventRecord {
            event_id: self.event_id.into(),
            day: self.day,
            actor1: id(self.actor1),
            actor1_code: self.actor1_code.into(),
            actor1_name: self.actor1_name.into(),
            actor1_sector: self.actor1_sector.into(),
            actor2: id(self.actor2),
            actor2_code: self.actor2_code.into(),
            actor2_name: self.actor2_name.into(),
            actor2_sector: self.actor2_sector.into(),
            event_code: self.event_code.into(),
            root: self.root,
            quad: self.quad,
            plover: self
                .plover
                .map(|p| crate::cameo::PLOVER_TYPES[p as usize % 16].to_string()),
            goldstein: self.goldstein,
            num_mentions: self.num_mentions,
            num_sources: self.num_sources,
            num_articles: self.num_articles,
            avg_tone: self.avg_tone,
            is_root: self.is_root,
            geo_country: id(self.geo_country),
            lat: self.lat,
            lon: self.lon,
            source_url: self.source_url.into(),
            story_id: self.story_id.into(),
            date_added: self.date_added,
        }
    }
}

/// One row a reader could not keep.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejection {
    /// 1-based line of the row in its file.
    pub line: u64,
    /// What is wrong, naming the column and the value.
    pub reason: String,
}

/// At most this many rejections are kept with their reasons; all are counted.
pub const MAX_REJECTIONS_KEPT: usize = 1000;

/// What a reader did with a file: every data row is either kept, rejected or (ICEWS, POLECAT)
/// dropped as a duplicate event id, so `rows_read == kept + rejected + duplicates`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReadReport {
    pub file: String,
    /// Data rows (header excluded).
    pub rows_read: u64,
    pub kept: u64,
    pub rejected: u64,
    /// The first [`MAX_REJECTIONS_KEPT`] rejections, in line order.
    pub rejections: Vec<Rejection>,
    /// Rows whose event id was already seen (earlier in the file or in the lake) and were dropped.
    pub duplicates: u64,
    /// Of those, rows whose content differs from the kept one (different releases of a source).
    pub duplicates_differing: u64,
    /// The first differing duplicates, with the line and the id.
    pub differing_examples: Vec<Rejection>,
}

impl ReadReport {
    pub fn new(file: impl Into<String>) -> ReadReport {
        ReadReport {
            file: file.into(),
            ..Default::default()
        }
    }

    pub fn reject(&mut self, line: u64, reason: impl Into<String>) {
        self.rejected += 1;
        if self.rejections.len() < MAX_REJECTIONS_KEPT {
            self.rejections.push(Rejection {
                line,
                reason: reason.into(),
            });
        }
    }

    /// Adds the counts of a report on a later part of the same file.
    pub fn merge(&mut self, o: ReadReport) {
        self.rows_read += o.rows_read;
        self.kept += o.kept;
        self.rejected += o.rejected;
        self.duplicates += o.duplicates;
        self.duplicates_differing += o.duplicates_differing;
        let room = MAX_REJECTIONS_KEPT.saturating_sub(self.rejections.len());
        self.rejections.extend(o.rejections.into_iter().take(room));
        let room = MAX_REJECTIONS_KEPT.saturating_sub(self.differing_examples.len());
        self.differing_examples
            .extend(o.differing_examples.into_iter().take(room));
    }

    /// The shared report type of `entente-datasets` (counts kept in its fields; duplicates count as
    /// neither kept nor rejected there).
    pub fn to_import_report(&self) -> entente_datasets::ImportReport {
        let mut r = entente_datasets::ImportReport::new(self.file.clone());
        r.rows_read = self.rows_read as usize;
        r.kept = self.kept as usize;
        for x in &self.rejections {
            r.reject(x.line as usize, x.reason.clone());
        }
        r
    }
}

impl fmt::Display for ReadReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} rows read, {} kept, {} rejected",
            self.file, self.rows_read, self.kept, self.rejected
        )?;
        if self.duplicates > 0 {
            write!(
                f,
                ", {} duplicate ids dropped ({} with different content)",
                self.duplicates, self.duplicates_differing
            )?;
        }
        for r in &self.rejections {
            write!(f, "\n  line {}: {}", r.line, r.reason)?;
        }
        if self.rejected as usize > self.rejections.len() {
            write!(f, "\n  … and {} more", self.rejected as usize - self.rejections.len())?;
        }
        Ok(())
    }
}
