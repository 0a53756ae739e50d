//! Dropping repeated event ids. ICEWS (and POLECAT) publish revised releases in which an event id
//! can reappear, sometimes with different content; GDELT's ids are unique by construction, but the
//! same rows reach the lake twice through overlapping files (a file cut short, then the complete
//! one; a daily file and its 15-minute parts). The lake keeps the first row it sees for an id and
//! counts the others, telling identical repeats from differing ones by a fingerprint of the
//! stored fields.

use crate::actors::Resolver;
use crate::day::Month;
use crate::error::{Error, MissingColumn, Result};
use crate::lines::BlockReader;
use crate::record::{Event, ReadReport, Rejection, MAX_REJECTIONS_KEPT};
use std::collections::HashMap;
use std::io::Read;
use std::path::Path;
use xxhash_rust::xxh3::Xxh3;

/// Reads a file with a header line (ICEWS, POLECAT) block by block: `layout` reads the header,
/// `parse` a block of rows into events, and repeated event ids are dropped (the first row wins;
/// repeats are counted in the report, with those whose content differs listed).
pub fn read_headed<R: Read, L>(
    input: R,
    name: &str,
    res: &Resolver,
    layout: impl FnOnce(&[u8]) -> std::result::Result<L, MissingColumn>,
    parse: impl Fn(&[u8], u64, &L, &Resolver, &mut ReadReport, &mut dyn FnMut(u64, &Event<'_>)),
    mut sink: impl FnMut(&Event<'_>),
) -> Result<ReadReport> {
    let path = Path::new(name);
    let mut report = ReadReport::new(name);
    let mut blocks = BlockReader::new(input, 4 << 20);
    let header = blocks.header().map_err(|e| Error::io(path, e))?.unwrap_or_default();
    let layout = layout(&header).map_err(|m| Error::Format {
        path: path.into(),
        line: 1,
        message: m.to_string(),
    })?;
    let mut dedup = Dedup::new(true);
    while let Some((block, first)) = blocks.next_block().map_err(|e| Error::io(path, e))? {
        let mut part = ReadReport::new(name);
        parse(&block, first, &layout, res, &mut part, &mut |line, ev| {
            if dedup.admit(ev, res, line) {
                sink(ev)
            }
        });
        report.merge(part);
    }
    dedup.settle(&mut report);
    Ok(report)
}

/// A fingerprint of everything the lake stores for an event, so that a row read back from Parquet
/// and the same row parsed from text agree.
pub fn fingerprint(ev: &Event<'_>, res: &Resolver) -> u64 {
    let mut h = Xxh3::new();
    let s = |h: &mut Xxh3, v: &str| {
        h.update(v.as_bytes());
        h.update(&[0xff]);
    };
    let a = |h: &mut Xxh3, v: Option<u32>| s(h, v.map_or("", |a| res.id(a)));
    s(&mut h, ev.event_id);
    h.update(&ev.day.0.to_le_bytes());
    a(&mut h, ev.actor1);
    s(&mut h, ev.actor1_name);
    s(&mut h, ev.actor1_sector);
    a(&mut h, ev.actor2);
    s(&mut h, ev.actor2_name);
    s(&mut h, ev.actor2_sector);
    s(&mut h, ev.event_code);
    h.update(&ev.goldstein.map_or(u32::MAX, f32::to_bits).to_le_bytes());
    a(&mut h, ev.geo_country);
    h.update(&ev.lat.map_or(u64::MAX, f64::to_bits).to_le_bytes());
    h.update(&ev.lon.map_or(u64::MAX, f64::to_bits).to_le_bytes());
    s(&mut h, ev.story_id);
    h.digest()
}

/// Event ids seen so far, with their fingerprints.
#[derive(Default)]
pub struct Dedup {
    seen: HashMap<String, u64>,
    /// Whether admitted rows are remembered (ids that repeat within a file); otherwise only the
    /// preloaded ids are checked, and the answer does not depend on the order rows arrive in.
    within_file: bool,
    /// Months whose stored ids are loaded.
    loaded: std::collections::BTreeSet<Month>,
    duplicates: u64,
    differing: u64,
    examples: Vec<Rejection>,
}

impl Dedup {
    /// `within_file`: also drop ids repeated within the input (see the field).
    pub fn new(within_file: bool) -> Dedup {
        Dedup {
            within_file,
            ..Dedup::default()
        }
    }

    /// True the first time a month is asked for: its stored ids are then to be preloaded.
    pub fn first_sight(&mut self, month: Month) -> bool {
        self.loaded.insert(month)
    }

    /// Registers an id already stored (in the lake), with its fingerprint.
    pub fn preload(&mut self, id: String, fp: u64) {
        self.seen.insert(id, fp);
    }

    /// Whether the row is new; a repeat is counted (as differing if its content differs).
    /// `line` locates the block the row came from when the exact line is not at hand.
    pub fn admit(&mut self, ev: &Event<'_>, res: &Resolver, line: u64) -> bool {
        let fp = fingerprint(ev, res);
        match self.seen.get(ev.event_id) {
            None => {
                if self.within_file {
                    self.seen.insert(ev.event_id.to_string(), fp);
                }
                true
            }
            Some(&old) => {
                self.duplicates += 1;
                if old != fp {
                    self.differing += 1;
                    if self.examples.len() < MAX_REJECTIONS_KEPT {
                        self.examples.push(Rejection {
                            line,
                            reason: format!(
                                "event id {} repeats with different content; the first row is kept",
                                ev.event_id
                            ),
                        });
                    }
                }
                false
            }
        }
    }

    /// Moves the duplicate counts into a report (duplicates are read rows that were not kept).
    pub fn settle(&mut self, report: &mut ReadReport) {
        report.kept -= self.duplicates.min(report.kept);
        report.duplicates += self.duplicates;
        report.duplicates_differing += self.differing;
        // Rows may arrive from several parser threads: report the examples in line order.
        self.examples.sort_by_key(|r| r.line);
        report.differing_examples.append(&mut self.examples);
        self.duplicates = 0;
        self.differing = 0;
    }
}
