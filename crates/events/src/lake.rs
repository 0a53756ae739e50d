//! The Parquet lake: layout, manifest, and atomic, idempotent, resumable ingest.
//!
//! ```text
//! <data_dir>/lake/manifest.json                       what is in the lake (the commit point)
//! <data_dir>/lake/events/source=S/month=YYYY-MM/part-H.parquet
//! <data_dir>/lake/dyad_day/source=S/month=YYYY-MM/part-H.parquet   (+ part-H.dyx directory)
//! <data_dir>/lake/.tmp/…                              work in progress, removed by the next ingest
//! <data_dir>/lake/.staging/NAME/…                     files ingested by a cluster's executors
//! <data_dir>/lake/.lock                               one ingest at a time
//! ```
//!
//! An ingest streams the input in blocks through parser threads into per-month Parquet writers in
//! `.tmp`, aggregates dyad-days in memory (spilling sorted parts when the map grows, so memory is
//! bounded whatever the input size), fsyncs everything, renames the parts into place and only
//! then replaces the manifest (write, fsync, rename, fsync the directory). Readers trust the
//! manifest alone. A killed ingest therefore leaves temporary files and perhaps parts that the
//! manifest does not list; the next ingest removes both before it starts, and redoing the work
//! gives byte-identical files because part names and contents depend only on the input's bytes
//! and the options (no clocks, no thread timing: parsed blocks are written in input order).
//! Re-ingesting an input whose content hash is already in the manifest changes nothing.
//!
//! On a cluster, ingest is split in two: the client takes the lock ([`Lake::staging`]), each
//! executor ingests one file into a lake of its own under `.staging` ([`stage`], the same code as a
//! local ingest, checked against the lake's manifest), and the client moves the staged parts into
//! place and commits them, one manifest write per batch ([`Staging::adopt`]). Parts are named by
//! their input's hash, so the lake is byte for byte the one a local ingest of the same files
//! writes.

use crate::actors::{ActorId, Resolver};
use crate::day::{Day, Month};
use crate::dedup::Dedup;
use crate::dyadindex::{self, DyadIndex};
use crate::error::{Error, Result};
use crate::gdelt::{self, GdeltVersion};
use crate::icews::{self, IcewsLayout};
use crate::lines::BlockReader;
use crate::polecat::{self, PolecatLayout};
use crate::record::{Event, ReadReport};
use crate::schema::{count_columns, dyad_schema, events_schema, Agg, EventsBuilder, NCOUNTS};
use arrow_array::builder::{Date32Builder, Float64Builder, Int32Builder, Int64Builder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use entente_event_readers::synthetic::Synthetic;
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, Encoding, ZstdLevel};
use parquet::file::properties::{EnabledStatistics, WriterProperties};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs::{self, File};
use std::hash::{BuildHasherDefault, Hasher};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// The event datasets the lake knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum SourceKind {
    Gdelt1,
    Gdelt2,
    Icews,
    Polecat,
}

impl SourceKind {
    pub const ALL: [SourceKind; 4] = [
        SourceKind::Gdelt2,
        SourceKind::Gdelt1,
        SourceKind::Icews,
        SourceKind::Polecat,
    ];

    /// The partition value (`source=gdelt2`).
    pub fn name(self) -> &'static str {
        match self {
            SourceKind::Gdelt1 => "gdelt1",
            SourceKind::Gdelt2 => "gdelt2",
            SourceKind::Icews => "icews",
            SourceKind::Polecat => "polecat",
        }
    }

    pub fn parse(s: &str) -> Option<SourceKind> {
        SourceKind::ALL
            .into_iter()
            .find(|k| k.name().eq_ignore_ascii_case(s.trim()))
    }

    /// Who publishes the dataset: (title, publisher, address), for citations.
    pub fn reference(self) -> (&'static str, &'static str, &'static str) {
        match self {
            SourceKind::Gdelt1 => (
                "GDELT 1.0 Event Database",
                "The GDELT Project",
                "https://www.gdeltproject.org/data.html#rawdatafiles",
            ),
            SourceKind::Gdelt2 => (
                "GDELT 2.0 Event Database",
                "The GDELT Project",
                "https://www.gdeltproject.org/data.html#rawdatafiles",
            ),
            SourceKind::Icews => (
                "ICEWS Coded Event Data",
                "Boschee et al., Harvard Dataverse",
                "https://doi.org/10.7910/DVN/28075",
            ),
            SourceKind::Polecat => (
                "POLECAT Weekly Data",
                "Halterman et al., Harvard Dataverse",
                "https://doi.org/10.7910/DVN/AJGVIT",
            ),
        }
    }

    /// Whether an ingest drops rows whose event id is already in the lake (the lake's parts of the
    /// same months): every source, so that overlapping files (a GDELT file cut short, then the
    /// complete one; revised ICEWS releases) count each event once. Files of such a source are
    /// therefore ingested (and staged on a cluster) one after the other.
    pub fn dedups(self) -> bool {
        true
    }

    /// Sources that republish event ids within a file too (revised releases): their ingest also
    /// drops ids repeated in the input, on one parser thread so that the first row wins.
    /// GDELT's ids are unique within a file, so its ingest keeps its parser threads.
    pub fn repeats_ids_within_file(self) -> bool {
        matches!(self, SourceKind::Icews | SourceKind::Polecat)
    }
}

/// Tuning knobs; the defaults suit a 2-core, few-GiB machine and keep peak memory well under
/// 1 GiB whatever the input size.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct IngestOptions {
    /// Bytes of input per parse job.
    pub block_bytes: usize,
    /// Parser threads (ICEWS and POLECAT always use one, so that the first row of an id repeated
    /// within the file wins deterministically).
    pub workers: usize,
    /// Rows per Parquet row group in `events`.
    pub row_group_rows: usize,
    /// Distinct dyad-days held in memory before they are written out as a part.
    pub dyad_spill_entries: usize,
    /// zstd level of the Parquet pages.
    pub zstd_level: i32,
}

impl Default for IngestOptions {
    fn default() -> IngestOptions {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        IngestOptions {
            block_bytes: 8 << 20,
            workers: cores.clamp(1, 8),
            row_group_rows: 256 * 1024,
            dyad_spill_entries: 1 << 19,
            zstd_level: 1,
        }
    }
}

/// Where an ingest is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Hashing,
    /// The input's content is already in the lake: nothing to do.
    Skipped,
    Reading,
    /// Parts written and synced in `.tmp`; about to move them into place.
    Renaming,
    /// Parts in place; about to replace the manifest.
    Committing,
    Committed,
}

#[derive(Clone, Debug)]
pub struct Progress {
    pub phase: Phase,
    pub rows: u64,
    pub bytes: u64,
    pub total_bytes: u64,
}

/// What an ingest did.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct IngestReport {
    pub input: String,
    pub source: String,
    pub size: u64,
    pub hash: String,
    /// True when the same content was already in the lake (nothing was changed).
    pub skipped: bool,
    pub read: ReadReport,
    pub events_files: usize,
    pub events_bytes: u64,
    pub dyad_files: usize,
    pub dyad_rows: u64,
    pub dyad_bytes: u64,
    pub seconds: f64,
    /// The smallest and largest id of the events kept, for numeric ids (GDELT's); `None` when
    /// nothing was kept or an id is not a number. Files ingested side by side (a cluster's
    /// executors) whose spans are disjoint could not have dropped each other's rows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kept_id_span: Option<(u64, u64)>,
}

impl IngestReport {
    /// Whether ingesting `self` and `other` apart could differ from ingesting one after the other:
    /// both kept events and their id spans meet (or one is unknown).
    pub fn ids_may_meet(&self, other: &IngestReport) -> bool {
        if self.skipped || other.skipped || self.read.kept == 0 || other.read.kept == 0 {
            return false;
        }
        match (self.kept_id_span, other.kept_id_span) {
            (Some(a), Some(b)) => a.0 <= b.1 && b.0 <= a.1,
            _ => true,
        }
    }

    /// Bytes of `events` Parquet per kept event.
    pub fn bytes_per_event(&self) -> f64 {
        if self.read.kept == 0 {
            0.0
        } else {
            self.events_bytes as f64 / self.read.kept as f64
        }
    }
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub(crate) struct InputEntry {
    pub name: String,
    pub source: String,
    pub size: u64,
    pub hash: String,
    pub rows_read: u64,
    pub kept: u64,
    pub rejected: u64,
    pub duplicates: u64,
    pub parts: Vec<String>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub(crate) struct PartEntry {
    pub table: String,
    pub source: String,
    pub month: String,
    pub rows: u64,
    pub bytes: u64,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub(crate) struct Manifest {
    pub format: u32,
    pub inputs: Vec<InputEntry>,
    /// Relative path (from the lake root) → part. Every readable part is listed here.
    pub parts: BTreeMap<String, PartEntry>,
}

impl Default for Manifest {
    fn default() -> Manifest {
        Manifest {
            format: 1,
            inputs: Vec::new(),
            parts: BTreeMap::new(),
        }
    }
}

/// Sizes of what the lake holds.
#[derive(Clone, Debug, Default, Serialize)]
pub struct LakeStats {
    pub inputs: usize,
    pub sources: BTreeMap<String, SourceStats>,
    pub events: u64,
    pub events_bytes: u64,
    pub dyad_rows: u64,
    pub dyad_bytes: u64,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct SourceStats {
    pub events: u64,
    pub events_bytes: u64,
    pub events_files: usize,
    pub dyad_rows: u64,
    pub dyad_bytes: u64,
    pub dyad_files: usize,
    pub first_month: String,
    pub last_month: String,
}

impl LakeStats {
    pub fn bytes_per_event(&self) -> f64 {
        if self.events == 0 {
            0.0
        } else {
            self.events_bytes as f64 / self.events as f64
        }
    }
}

/// An open lake. Queries live in [`crate::query`]; they read only what the manifest lists.
pub struct Lake {
    root: PathBuf,
    pub(crate) manifest: Manifest,
    pub(crate) resolver: Arc<Resolver>,
    pub(crate) indexes: Mutex<HashMap<String, Arc<DyadIndex>>>,
}

/// FxHash: the dyad map is hashed once per event, and SipHash's DoS resistance buys nothing here.
#[derive(Default, Clone, Copy)]
pub(crate) struct Fx(u64);

impl Hasher for Fx {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.write_u64(*b as u64);
        }
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.write_u64(i as u64)
    }
    #[inline]
    fn write_i32(&mut self, i: i32) {
        self.write_u64(i as u32 as u64)
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;

/// (day, actor1, actor2) with actors as resolver ids.
pub(crate) type DyadKey = (i32, ActorId, ActorId);

fn sync_dir(dir: &Path) -> Result<()> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| Error::io(dir, e))
}

fn hex(v: u64) -> String {
    format!("{v:016x}")
}

/// The parser configuration for one input.
#[derive(Clone)]
enum Parser {
    Gdelt(GdeltVersion),
    Icews(IcewsLayout),
    Polecat(PolecatLayout),
    Generate(Arc<dyn Synthetic>),
}

enum Work {
    Text(Vec<u8>, u64),
    Generate(u64, u64),
    /// The file's last line, at this line number, has no line ending: rejected.
    Cut(u64),
}

struct ChunkOut {
    months: Vec<(Month, RecordBatch)>,
    dyads: FxMap<DyadKey, Agg>,
    report: ReadReport,
    bytes: u64,
    /// The span of the kept ids ([`IngestReport::kept_id_span`]); `Err` once an id is not a number.
    span: std::result::Result<Option<(u64, u64)>, ()>,
}

/// Widens a span of kept ids by one id.
fn widen(span: &mut std::result::Result<Option<(u64, u64)>, ()>, id: &str) {
    let Ok(s) = span else { return };
    match id.parse::<u64>() {
        Ok(v) => *s = Some(s.map_or((v, v), |(lo, hi)| (lo.min(v), hi.max(v)))),
        Err(_) => *span = Err(()),
    }
}

struct MonthWriter {
    writer: ArrowWriter<File>,
    tmp: PathBuf,
    rel: String,
    rows: u64,
}

/// A file produced by an ingest, waiting in `.tmp` for the commit.
struct Produced {
    tmp: PathBuf,
    rel: String,
    entry: Option<PartEntry>,
}

impl Lake {
    /// The lake under `data_dir` if it holds any event: `None` for a missing or empty lake (then
    /// nothing answers questions about event data, and analyses say "no data").
    pub fn with_events(data_dir: impl AsRef<Path>) -> Result<Option<Lake>> {
        if !data_dir.as_ref().join("lake").is_dir() {
            return Ok(None);
        }
        let lake = Lake::open(data_dir)?;
        Ok((lake.stats().events > 0).then_some(lake))
    }

    /// Opens the lake under `data_dir` (`<data_dir>/lake`); a missing lake is an empty one.
    pub fn open(data_dir: impl AsRef<Path>) -> Result<Lake> {
        let root = data_dir.as_ref().join("lake");
        let manifest = read_manifest(&root)?;
        Ok(Lake {
            root,
            manifest,
            resolver: Resolver::shipped()?,
            indexes: Mutex::new(HashMap::new()),
        })
    }

    /// `<data_dir>/lake`.
    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn resolver(&self) -> &Resolver {
        &self.resolver
    }

    /// Re-reads the manifest (to see what another process ingested).
    pub fn refresh(&mut self) -> Result<()> {
        self.manifest = read_manifest(&self.root)?;
        Ok(())
    }

    /// Relative paths of the parts of a table (`events` or `dyad_day`), with their source and month.
    pub fn parts(&self, table: &str) -> impl Iterator<Item = (&str, &str, &str)> + '_ {
        let table = table.to_string();
        self.manifest
            .parts
            .iter()
            .filter(move |(_, p)| p.table == table)
            .map(|(rel, p)| (rel.as_str(), p.source.as_str(), p.month.as_str()))
    }

    /// What the manifest lists, in short: `<inputs>:<last input's hash>` (`0:-` when empty). Two
    /// views of a lake with the same fingerprint list the same inputs (inputs are only appended).
    pub fn fingerprint(&self) -> String {
        let last = self.manifest.inputs.last().map_or("-", |i| i.hash.as_str());
        format!("{}:{last}", self.manifest.inputs.len())
    }

    /// Names and content hashes of the inputs in the lake, in ingest order.
    pub fn inputs(&self) -> Vec<(String, String, String)> {
        self.manifest
            .inputs
            .iter()
            .map(|i| (i.name.clone(), i.source.clone(), i.hash.clone()))
            .collect()
    }

    pub fn stats(&self) -> LakeStats {
        let mut s = LakeStats {
            inputs: self.manifest.inputs.len(),
            ..Default::default()
        };
        for p in self.manifest.parts.values() {
            let src = s.sources.entry(p.source.clone()).or_default();
            if src.first_month.is_empty() || p.month < src.first_month {
                src.first_month = p.month.clone();
            }
            if p.month > src.last_month {
                src.last_month = p.month.clone();
            }
            if p.table == "events" {
                src.events += p.rows;
                src.events_bytes += p.bytes;
                src.events_files += 1;
                s.events += p.rows;
                s.events_bytes += p.bytes;
            } else {
                src.dyad_rows += p.rows;
                src.dyad_bytes += p.bytes;
                src.dyad_files += 1;
                s.dyad_rows += p.rows;
                s.dyad_bytes += p.bytes;
            }
        }
        s
    }

    fn lock(&self) -> Result<File> {
        fs::create_dir_all(&self.root).map_err(|e| Error::io(&self.root, e))?;
        let path = self.root.join(".lock");
        let f = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| Error::io(&path, e))?;
        match f.try_lock() {
            Ok(()) => Ok(f),
            Err(std::fs::TryLockError::WouldBlock) => Err(Error::Lake(format!(
                "{} is locked: another ingest is running on this lake",
                path.display()
            ))),
            Err(std::fs::TryLockError::Error(e)) => Err(Error::io(&path, e)),
        }
    }

    /// Removes what a killed ingest left: the temporary directory, and parts (or dyad
    /// directories) the manifest does not list. Runs under the lock, before every ingest.
    fn recover(&mut self) -> Result<()> {
        self.manifest = read_manifest(&self.root)?;
        entente_store::remove_stale_temporaries(&self.root.join("manifest.json"))
            .map_err(|e| Error::io(e.path, e.source))?;
        let tmp = self.root.join(".tmp");
        if tmp.exists() {
            fs::remove_dir_all(&tmp).map_err(|e| Error::io(&tmp, e))?;
        }
        clear_staging(&self.root);
        for table in ["events", "dyad_day"] {
            let dir = self.root.join(table);
            if !dir.exists() {
                continue;
            }
            let mut stack = vec![dir];
            while let Some(d) = stack.pop() {
                for entry in fs::read_dir(&d).map_err(|e| Error::io(&d, e))? {
                    let entry = entry.map_err(|e| Error::io(&d, e))?;
                    let p = entry.path();
                    if p.is_dir() {
                        stack.push(p);
                        continue;
                    }
                    let rel = self.rel(&p);
                    let listed = match rel.strip_suffix(".dyx") {
                        Some(stem) => self.manifest.parts.contains_key(&format!("{stem}.parquet")),
                        None => self.manifest.parts.contains_key(&rel),
                    };
                    if !listed {
                        fs::remove_file(&p).map_err(|e| Error::io(&p, e))?;
                    }
                }
            }
        }
        Ok(())
    }

    fn rel(&self, p: &Path) -> String {
        p.strip_prefix(&self.root)
            .unwrap_or(p)
            .to_string_lossy()
            .replace('\\', "/")
    }

    /// Ingests one file of the given source. Idempotent: a file whose content is already in the
    /// lake is skipped. `progress` is called as work advances.
    pub fn ingest(
        &mut self,
        path: impl AsRef<Path>,
        kind: SourceKind,
        opts: &IngestOptions,
        progress: &mut dyn FnMut(&Progress),
    ) -> Result<IngestReport> {
        let _lock = self.lock()?;
        self.recover()?;
        self.ingest_unlocked(None, path.as_ref(), kind, opts, progress)
    }

    /// [`Lake::ingest`] once the lock is held (by this process, or by the client of a cluster
    /// whose executors stage files). `base` is the lake the input is checked against (content
    /// already in it is skipped, ids already in it dropped for sources that dedup); `None` means
    /// this lake.
    fn ingest_unlocked(
        &mut self,
        base: Option<&Lake>,
        path: &Path,
        kind: SourceKind,
        opts: &IngestOptions,
        progress: &mut dyn FnMut(&Progress),
    ) -> Result<IngestReport> {
        let size = fs::metadata(path).map_err(|e| Error::io(path, e))?.len();
        progress(&Progress {
            phase: Phase::Hashing,
            rows: 0,
            bytes: 0,
            total_bytes: size,
        });
        let hash = hash_file(path)?;
        let name = path.file_name().map_or_else(
            || path.to_string_lossy().into_owned(),
            |n| n.to_string_lossy().into_owned(),
        );
        let base = base.unwrap_or(&*self);
        let existing = base.existing(kind);
        if let Some(done) = base.already_ingested(&hash, kind) {
            progress(&Progress {
                phase: Phase::Skipped,
                rows: 0,
                bytes: size,
                total_bytes: size,
            });
            return Ok(done);
        }
        let file = File::open(path).map_err(|e| Error::io(path, e))?;
        let mut blocks = BlockReader::new(file, opts.block_bytes);
        let header_err = |m: crate::error::MissingColumn| Error::Format {
            path: path.to_path_buf(),
            line: 1,
            message: m.to_string(),
        };
        let parser = match kind {
            SourceKind::Gdelt1 => Parser::Gdelt(GdeltVersion::V1),
            SourceKind::Gdelt2 => Parser::Gdelt(GdeltVersion::V2),
            SourceKind::Icews | SourceKind::Polecat => {
                let header = blocks.header().map_err(|e| Error::io(path, e))?.unwrap_or_default();
                if kind == SourceKind::Icews {
                    Parser::Icews(IcewsLayout::from_header(&header).map_err(header_err)?)
                } else {
                    Parser::Polecat(PolecatLayout::from_header(&header).map_err(header_err)?)
                }
            }
        };
        let path_buf = path.to_path_buf();
        // GDELT has no quoting and a free-text last column: a cut last line could still parse.
        let whole_lines = matches!(kind, SourceKind::Gdelt1 | SourceKind::Gdelt2);
        let produce = move |send: &mut dyn FnMut(Work) -> bool| -> Result<()> {
            while let Some((mut block, first)) = blocks.next_block().map_err(|e| Error::io(&path_buf, e))? {
                let cut = if whole_lines {
                    crate::lines::cut_unterminated(&mut block, first)
                } else {
                    None
                };
                if !block.is_empty() && !send(Work::Text(block, first)) {
                    break;
                }
                if let Some(line) = cut {
                    if !send(Work::Cut(line)) {
                        break;
                    }
                }
            }
            Ok(())
        };
        self.run(
            path, &name, size, &hash, kind, parser, existing, opts, produce, progress,
        )
    }

    /// Ingests `rows` synthetic GDELT 2.0 events from `generator` straight into the lake (as
    /// source `gdelt2`), without a TSV in between; used for lakes too large for a text file.
    pub fn ingest_generated(
        &mut self,
        generator: Arc<dyn Synthetic>,
        rows: u64,
        opts: &IngestOptions,
        progress: &mut dyn FnMut(&Progress),
    ) -> Result<IngestReport> {
        let _lock = self.lock()?;
        self.recover()?;
        let name = generator.name(rows);
        let hash = format!(
            "gen:{}",
            hex(xxhash_rust::xxh3::xxh3_64(
                format!("{name}/{}", generator.fingerprint()).as_bytes()
            ))
        );
        if let Some(done) = self.already_ingested(&hash, SourceKind::Gdelt2) {
            return Ok(done);
        }
        let per_block = 65_536u64;
        let produce = move |send: &mut dyn FnMut(Work) -> bool| -> Result<()> {
            let mut at = 0;
            while at < rows {
                let n = per_block.min(rows - at);
                if !send(Work::Generate(at, n)) {
                    break;
                }
                at += n;
            }
            Ok(())
        };
        self.run(
            Path::new(&name),
            &name,
            0,
            &hash,
            SourceKind::Gdelt2,
            Parser::Generate(generator),
            HashMap::new(),
            opts,
            produce,
            progress,
        )
    }

    /// The report an ingest gives for content already in the lake (`hash` for `kind`): the input
    /// as the manifest lists it, `skipped`.
    pub fn already_ingested(&self, hash: &str, kind: SourceKind) -> Option<IngestReport> {
        let i = self
            .manifest
            .inputs
            .iter()
            .find(|i| i.hash == hash && i.source == kind.name())?;
        Some(IngestReport {
            input: i.name.clone(),
            source: i.source.clone(),
            size: i.size,
            hash: i.hash.clone(),
            skipped: true,
            read: ReadReport {
                file: i.name.clone(),
                rows_read: i.rows_read,
                kept: i.kept,
                rejected: i.rejected,
                duplicates: i.duplicates,
                ..Default::default()
            },
            ..Default::default()
        })
    }

    /// Existing `events` parts of a source that dedups, per month: an ingest drops ids they hold
    /// (the same mechanism for every source, see [`SourceKind::dedups`]).
    fn existing(&self, kind: SourceKind) -> HashMap<Month, Vec<PathBuf>> {
        let mut existing: HashMap<Month, Vec<PathBuf>> = HashMap::new();
        if kind.dedups() {
            for (rel, p) in &self.manifest.parts {
                if p.table == "events" && p.source == kind.name() {
                    if let Some(m) = Month::parse(&p.month) {
                        existing.entry(m).or_default().push(self.root.join(rel));
                    }
                }
            }
        }
        existing
    }

    #[allow(clippy::too_many_arguments)]
    fn run(
        &mut self,
        input: &Path,
        name: &str,
        size: u64,
        hash: &str,
        kind: SourceKind,
        parser: Parser,
        existing: HashMap<Month, Vec<PathBuf>>,
        opts: &IngestOptions,
        produce: impl FnOnce(&mut dyn FnMut(Work) -> bool) -> Result<()> + Send,
        progress: &mut dyn FnMut(&Progress),
    ) -> Result<IngestReport> {
        let started = Instant::now();
        let tmp = self.root.join(".tmp").join(hash.replace(':', "-"));
        fs::create_dir_all(&tmp).map_err(|e| Error::io(&tmp, e))?;
        let workers = if kind.repeats_ids_within_file() {
            1
        } else {
            opts.workers.max(1)
        };
        let res = self.resolver.clone();
        let mut writer = PartWriter::new(&tmp, kind, hash, opts, res.clone());
        let mut report = ReadReport::new(name);
        let (work_tx, work_rx) = sync_channel::<(u64, Work)>(workers * 2);
        let (out_tx, out_rx) = sync_channel::<(u64, Result<ChunkOut>)>(workers * 2);
        let work_rx = Arc::new(Mutex::new(work_rx));
        let mut kept_span: std::result::Result<Option<(u64, u64)>, ()> = Ok(None);
        let outcome = std::thread::scope(|s| -> Result<()> {
            let producer = s.spawn(move || {
                let mut seq = 0u64;
                produce(&mut |w| {
                    let ok = work_tx.send((seq, w)).is_ok();
                    seq += 1;
                    ok
                })
            });
            let dedup = Arc::new(Mutex::new(Dedup::new(kind.repeats_ids_within_file())));
            let existing = Arc::new(existing);
            for _ in 0..workers {
                let (rx, tx, parser, res) = (work_rx.clone(), out_tx.clone(), parser.clone(), res.clone());
                let (dedup, existing) = (dedup.clone(), existing.clone());
                s.spawn(move || worker(rx, tx, &parser, &res, kind, &dedup, &existing));
            }
            drop(out_tx);
            let mut pending: BTreeMap<u64, Result<ChunkOut>> = BTreeMap::new();
            let span = &mut kept_span;
            let mut next = 0u64;
            let (mut rows, mut bytes) = (0u64, 0u64);
            let mut first_error = None;
            for (seq, out) in out_rx.iter() {
                pending.insert(seq, out);
                while let Some(out) = pending.remove(&next) {
                    next += 1;
                    if first_error.is_some() {
                        continue;
                    }
                    match out.and_then(|c| {
                        if let (Ok(all), Ok(part)) = (&mut *span, c.span) {
                            if let Some((lo, hi)) = part {
                                *all = Some(all.map_or((lo, hi), |(a, b)| (a.min(lo), b.max(hi))));
                            }
                        } else {
                            *span = Err(());
                        }
                        rows += c.report.rows_read;
                        bytes += c.bytes;
                        report.merge(c.report);
                        writer.absorb(c.months, c.dyads)
                    }) {
                        Ok(()) => progress(&Progress {
                            phase: Phase::Reading,
                            rows,
                            bytes,
                            total_bytes: size,
                        }),
                        Err(e) => first_error = Some(e),
                    }
                }
                if first_error.is_some() {
                    // Stop the pipeline: dropping the receiver makes the workers' sends fail.
                    break;
                }
            }
            drop(out_rx);
            let produced = producer
                .join()
                .map_err(|_| Error::Lake("the reader thread panicked".into()))?;
            if let Some(e) = first_error {
                return Err(e);
            }
            produced?;
            if let Ok(mut d) = dedup.lock() {
                d.settle(&mut report);
            }
            Ok(())
        });
        outcome?;
        if report.kept == 0 && report.duplicates == 0 {
            // Nothing in it is an event of this source (an empty file, another dataset, garbage):
            // an error, and not an input of the lake, so that the right file can be imported later.
            let what = match kind {
                SourceKind::Gdelt1 => "GDELT 1.0 event",
                SourceKind::Gdelt2 => "GDELT 2.0 event",
                SourceKind::Icews => "ICEWS event",
                SourceKind::Polecat => "POLECAT event",
            };
            let (line, message) = match report.rejections.first() {
                None => (1, format!("no {what} row: the file is empty")),
                Some(first) => (
                    first.line,
                    format!(
                        "no valid {what} row in {} row(s), so nothing was imported (is it a {what} file?); \
                         the first rejected: {}",
                        report.rows_read, first.reason
                    ),
                ),
            };
            drop(writer);
            let _ = fs::remove_dir_all(&tmp);
            return Err(Error::Format {
                path: input.to_path_buf(),
                line,
                message,
            });
        }
        let produced = writer.finish()?;
        progress(&Progress {
            phase: Phase::Renaming,
            rows: report.rows_read,
            bytes: size,
            total_bytes: size,
        });
        // Move parts into place, then sync their directories: after this the parts are durable,
        // but invisible until the manifest lists them.
        let mut dirs = BTreeSet::new();
        for p in &produced {
            let dst = self.root.join(&p.rel);
            if let Some(parent) = dst.parent() {
                fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
                synced_dirs(&self.root, parent, &mut dirs);
            }
            fs::rename(&p.tmp, &dst).map_err(|e| Error::io(&dst, e))?;
        }
        for d in &dirs {
            sync_dir(d)?;
        }
        progress(&Progress {
            phase: Phase::Committing,
            rows: report.rows_read,
            bytes: size,
            total_bytes: size,
        });
        let mut out = IngestReport {
            input: name.to_string(),
            source: kind.name().to_string(),
            size,
            hash: hash.to_string(),
            skipped: false,
            ..Default::default()
        };
        let mut manifest = self.manifest.clone();
        let mut entry = InputEntry {
            name: name.to_string(),
            source: kind.name().to_string(),
            size,
            hash: hash.to_string(),
            rows_read: report.rows_read,
            kept: report.kept,
            rejected: report.rejected,
            duplicates: report.duplicates,
            parts: Vec::new(),
        };
        for p in produced {
            if let Some(e) = p.entry {
                if e.table == "events" {
                    out.events_files += 1;
                    out.events_bytes += e.bytes;
                } else {
                    out.dyad_files += 1;
                    out.dyad_rows += e.rows;
                    out.dyad_bytes += e.bytes;
                }
                entry.parts.push(p.rel.clone());
                manifest.parts.insert(p.rel, e);
            }
        }
        manifest.inputs.push(entry);
        write_manifest(&self.root, &manifest)?;
        self.manifest = manifest;
        let _ = fs::remove_dir_all(self.root.join(".tmp"));
        out.read = report;
        out.kept_id_span = kept_span.ok().flatten();
        out.seconds = started.elapsed().as_secs_f64();
        progress(&Progress {
            phase: Phase::Committed,
            rows: out.read.rows_read,
            bytes: size,
            total_bytes: size,
        });
        Ok(out)
    }
}

/// An ingest whose files are read elsewhere (by a cluster's executors, see [`stage`]): holds the
/// lake's lock from [`Lake::staging`] until it is dropped, so that no other ingest runs meanwhile.
/// The next ingest (local or staged) removes whatever is left under [`Staging::dir`].
pub struct Staging<'a> {
    lake: &'a mut Lake,
    _lock: File,
}

impl Lake {
    /// Takes the lock and clears what a killed ingest left (as [`Lake::ingest`] does), for files
    /// that [`stage`] will ingest into [`Staging::dir`] on other machines.
    pub fn staging(&mut self) -> Result<Staging<'_>> {
        let lock = self.lock()?;
        self.recover()?;
        Ok(Staging {
            lake: self,
            _lock: lock,
        })
    }
}

impl Staging<'_> {
    /// `<data_dir>/lake/.staging` ([`staging_dir`]): [`stage`] writes `<dir>/<name>`.
    pub fn dir(&self) -> PathBuf {
        self.lake.root.join(STAGING)
    }

    /// Removes everything under [`Staging::dir`] (best effort: a task of a stopped job still
    /// running somewhere may write again; the next ingest clears that).
    pub fn clear(&self) {
        clear_staging(&self.lake.root);
    }

    /// The lake as it is now.
    pub fn lake(&self) -> &Lake {
        self.lake
    }

    /// Moves staged ingests (directories [`stage`] wrote, each with the content hash its report
    /// gave) into the lake and commits them, in the order given, with one manifest write. Returns,
    /// for each, whether its input was new: a content staged twice, or already in the lake, is
    /// adopted once. Nothing is visible to readers before the manifest is replaced; parts moved
    /// by an adopt that fails are removed by the next ingest. Files of a source that dedups must
    /// be staged and adopted one at a time (each is checked against the lake as it was staged).
    pub fn adopt(&mut self, staged: &[(PathBuf, String)]) -> Result<Vec<bool>> {
        let root = self.lake.root.clone();
        let mut manifest = self.lake.manifest.clone();
        let mut dirs = BTreeSet::new();
        let mut new = Vec::with_capacity(staged.len());
        for (dir, hash) in staged {
            let m = read_manifest(dir)?;
            let [input] = &m.inputs[..] else {
                return Err(Error::Lake(format!(
                    "{}: a staged ingest holds {} inputs, not one",
                    dir.display(),
                    m.inputs.len()
                )));
            };
            if input.hash != *hash {
                return Err(Error::Lake(format!(
                    "{}: the staged ingest holds {} ({}), not the content reported ({hash})",
                    dir.display(),
                    input.name,
                    input.hash
                )));
            }
            if manifest
                .inputs
                .iter()
                .any(|i| i.hash == input.hash && i.source == input.source)
            {
                new.push(false);
                continue;
            }
            for rel in &input.parts {
                let part = m.parts.get(rel).ok_or_else(|| {
                    Error::Lake(format!("{}: the staged manifest lists no part {rel}", dir.display()))
                })?;
                let mut files = vec![rel.clone()];
                if part.table == "dyad_day" {
                    // The part's dyad directory travels with it.
                    files.push(rel.replace(".parquet", ".dyx"));
                }
                for file in files {
                    let (src, dst) = (dir.join(&file), root.join(&file));
                    if let Some(parent) = dst.parent() {
                        fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
                        synced_dirs(&root, parent, &mut dirs);
                    }
                    fs::rename(&src, &dst).map_err(|e| Error::io(&src, e))?;
                }
                manifest.parts.insert(rel.clone(), part.clone());
            }
            manifest.inputs.push(input.clone());
            new.push(true);
        }
        for d in &dirs {
            sync_dir(d)?;
        }
        if new.contains(&true) {
            write_manifest(&root, &manifest)?;
            self.lake.manifest = manifest;
        }
        // Committed: what is left of the staged lakes is clutter the next ingest clears anyway.
        for (dir, _) in staged {
            let _ = fs::remove_dir_all(dir);
        }
        Ok(new)
    }
}

/// Adds `dir` and its ancestors up to `root` (included) to the directories to fsync: a part's
/// directory may be new, and so may its `month=` and `source=` parents, whose entries must be
/// durable before the manifest lists the part.
fn synced_dirs(root: &Path, dir: &Path, dirs: &mut BTreeSet<PathBuf>) {
    for d in dir.ancestors() {
        dirs.insert(d.to_path_buf());
        if d == root || !d.starts_with(root) {
            break;
        }
    }
}

/// Removes `<root>/.staging`, best effort: renamed aside first (a task of a stopped job may still
/// be writing there, which would make the removal fail), then removed with whatever an earlier
/// attempt left aside.
fn clear_staging(root: &Path) {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let _ = fs::rename(root.join(STAGING), root.join(format!("{STAGING}.{nanos}")));
    let Ok(entries) = fs::read_dir(root) else { return };
    for e in entries.flatten() {
        if e.file_name().to_string_lossy().starts_with(&format!("{STAGING}.")) {
            let _ = fs::remove_dir_all(e.path());
        }
    }
}

/// Where [`stage`] writes: `<data_dir>/lake/.staging` (removed, whole, by the next ingest).
pub fn staging_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("lake").join(STAGING)
}

const STAGING: &str = ".staging";

/// Ingests one file into a lake of its own at `<data_dir>/lake/.staging/<name>`, for
/// [`Staging::adopt`]: what a cluster's executor runs for each file, while the client holds the
/// lock. The same code as [`Lake::ingest`], checked against the lake's manifest: content already
/// in the lake is skipped (the report says so and nothing is staged), ids already in it are
/// dropped for sources that dedup. `expect` is the client's [`Lake::fingerprint`]: a machine that
/// sees another manifest (a copy, a stale cache) refuses rather than check against it. The
/// staged lake is written under `<name>.partial` and renamed to `<name>` when complete. `name`
/// is one path component of letters, digits, `-` and `_`.
pub fn stage(
    data_dir: &Path,
    name: &str,
    path: &Path,
    kind: SourceKind,
    opts: &IngestOptions,
    expect: Option<&str>,
) -> Result<IngestReport> {
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        return Err(Error::Lake(format!("{name:?} is not a staging name")));
    }
    let base = Lake::open(data_dir)?;
    if let Some(expect) = expect {
        let seen = base.fingerprint();
        if seen != expect {
            return Err(Error::Lake(format!(
                "{}: this machine sees the manifest as {seen}, the client as {expect} (inputs:last hash): \
                 the executors must read and write the client's lake, on a shared file system",
                base.root.join("manifest.json").display()
            )));
        }
    }
    let dir = base.root.join(STAGING);
    let (partial, done) = (dir.join(format!("{name}.partial")), dir.join(name));
    for d in [&partial, &done] {
        if d.exists() {
            fs::remove_dir_all(d).map_err(|e| Error::io(d, e))?;
        }
    }
    let mut staged = Lake {
        root: partial.clone(),
        manifest: Manifest::default(),
        resolver: base.resolver.clone(),
        indexes: Mutex::new(HashMap::new()),
    };
    let report = staged.ingest_unlocked(Some(&base), path, kind, opts, &mut |_| {})?;
    if !report.skipped {
        fs::rename(&partial, &done).map_err(|e| Error::io(&done, e))?;
    }
    Ok(report)
}

fn worker(
    rx: Arc<Mutex<Receiver<(u64, Work)>>>,
    tx: std::sync::mpsc::SyncSender<(u64, Result<ChunkOut>)>,
    parser: &Parser,
    res: &Resolver,
    kind: SourceKind,
    dedup: &Mutex<Dedup>,
    existing: &HashMap<Month, Vec<PathBuf>>,
) {
    loop {
        let next = match rx.lock() {
            Ok(r) => r.recv(),
            Err(_) => return,
        };
        let Ok((seq, work)) = next else { return };
        let out = process(work, parser, res, kind, dedup, existing);
        if tx.send((seq, out)).is_err() {
            return;
        }
    }
}

fn process(
    work: Work,
    parser: &Parser,
    res: &Resolver,
    kind: SourceKind,
    dedup: &Mutex<Dedup>,
    existing: &HashMap<Month, Vec<PathBuf>>,
) -> Result<ChunkOut> {
    let mut builders: BTreeMap<Month, EventsBuilder> = BTreeMap::new();
    let mut dyads: FxMap<DyadKey, Agg> = FxMap::default();
    let mut report = ReadReport::default();
    let mut cur: Option<(Month, i32, i32)> = None;
    // Ids are checked when the lake may hold some of them, or when the source repeats ids within
    // a file. A source that does (one parser thread) holds the lock for the block; otherwise
    // parser threads share the preloaded ids, locking per row.
    let check = kind.dedups() && (kind.repeats_ids_within_file() || !existing.is_empty());
    let mut held = if check && kind.repeats_ids_within_file() {
        dedup.lock().ok()
    } else {
        None
    };
    let mut load_error = None;
    let mut span = Ok(None);
    let mut sink = |line: u64, ev: &Event<'_>| {
        // Month lookups are cached for the current month's day range: rows come in date runs.
        let month = match cur {
            Some((m, lo, hi)) if ev.day.0 >= lo && ev.day.0 <= hi => m,
            _ => {
                let m = ev.day.month();
                cur = Some((m, m.first_day().0, m.last_day().0));
                m
            }
        };
        if check {
            let mut per_row = if held.is_none() { dedup.lock().ok() } else { None };
            if let Some(d) = held.as_deref_mut().or(per_row.as_deref_mut()) {
                if d.first_sight(month) {
                    if let Some(paths) = existing.get(&month) {
                        if let Err(e) = preload(d, paths) {
                            load_error.get_or_insert(e);
                        }
                    }
                }
                if !d.admit(ev, res, line) {
                    return;
                }
            }
        }
        widen(&mut span, ev.event_id);
        builders
            .entry(month)
            .or_insert_with(|| EventsBuilder::with_capacity(8192))
            .push(ev, res);
        // Dyads are between two different resolved actors (USA→USA is domestic, not a dyad).
        if let (Some(a1), Some(a2)) = (ev.actor1, ev.actor2) {
            if a1 != a2 {
                dyads.entry((ev.day.0, a1, a2)).or_default().add_event(ev);
            }
        }
    };
    let bytes = match work {
        Work::Text(block, first) => {
            match parser {
                Parser::Gdelt(v) => gdelt::parse_events_block(&block, first, *v, res, &mut report, &mut sink),
                Parser::Icews(l) => icews::parse_block(&block, first, l, res, &mut report, &mut sink),
                Parser::Polecat(l) => polecat::parse_block(&block, first, l, res, &mut report, &mut sink),
                Parser::Generate(_) => {}
            }
            block.len() as u64
        }
        Work::Cut(line) => {
            report.rows_read += 1;
            report.reject(line, crate::lines::CUT_LINE);
            0
        }
        Work::Generate(at, n) => {
            if let Parser::Generate(g) = parser {
                g.events(at, n, res, &mut |ev| {
                    report.rows_read += 1;
                    report.kept += 1;
                    sink(at + 1, ev)
                });
            }
            0
        }
    };
    if let Some(e) = load_error {
        return Err(e);
    }
    let mut months = Vec::with_capacity(builders.len());
    for (m, mut b) in builders {
        let batch = b
            .finish()
            .map_err(|e| Error::Lake(format!("building an events batch: {e}")))?;
        months.push((m, batch));
    }
    Ok(ChunkOut {
        months,
        dyads,
        report,
        bytes,
        span,
    })
}

/// Loads the ids and fingerprints of events already in the lake for one month.
fn preload(d: &mut Dedup, paths: &[PathBuf]) -> Result<()> {
    for p in paths {
        crate::query::for_each_stored_event(p, |id, fp| d.preload(id, fp))?;
    }
    Ok(())
}

/// Writes the parts of one ingest into the temporary directory.
struct PartWriter {
    tmp: PathBuf,
    kind: SourceKind,
    hash: String,
    res: Arc<Resolver>,
    events_props: WriterProperties,
    dyad_props: WriterProperties,
    writers: BTreeMap<Month, MonthWriter>,
    seq: HashMap<(u8, Month), u32>,
    dyads: FxMap<DyadKey, Agg>,
    spill_at: usize,
    produced: Vec<Produced>,
    /// Month → indices in `produced` of its dyad parts (the directory is at index - 1).
    spilled: BTreeMap<Month, Vec<usize>>,
}

/// At most this many month files open at once (a GDELT 1.0 back-file spans decades).
const MAX_OPEN_MONTHS: usize = 48;

impl PartWriter {
    fn new(tmp: &Path, kind: SourceKind, hash: &str, opts: &IngestOptions, res: Arc<Resolver>) -> PartWriter {
        let zstd = ZstdLevel::try_new(opts.zstd_level).unwrap_or_default();
        let events_props = WriterProperties::builder()
            .set_compression(Compression::ZSTD(zstd))
            .set_max_row_group_row_count(Some(opts.row_group_rows.max(1024)))
            .set_statistics_enabled(EnabledStatistics::Chunk)
            // Ids ascend: delta encoding stores the shared prefix once.
            .set_column_dictionary_enabled("event_id".into(), false)
            .set_column_encoding("event_id".into(), Encoding::DELTA_BYTE_ARRAY)
            .set_created_by("entente-events".into())
            .build();
        let dyad_props = WriterProperties::builder()
            .set_compression(Compression::ZSTD(zstd))
            .set_max_row_group_row_count(Some(1 << 20))
            // Small pages and page statistics: a day-level read of one dyad decodes few rows.
            .set_data_page_row_count_limit(4096)
            .set_write_batch_size(4096)
            .set_statistics_enabled(EnabledStatistics::Page)
            .set_created_by("entente-events".into())
            .build();
        PartWriter {
            tmp: tmp.to_path_buf(),
            kind,
            hash: hash.to_string(),
            res,
            events_props,
            dyad_props,
            writers: BTreeMap::new(),
            seq: HashMap::new(),
            dyads: FxMap::default(),
            spill_at: opts.dyad_spill_entries.max(1),
            produced: Vec::new(),
            spilled: BTreeMap::new(),
        }
    }

    /// Relative path and temporary path of the next part of `table` for `month`. Names derive
    /// from the input's hash, the table, the month and a per-month counter, so a rerun of the same
    /// input writes the same names.
    fn next_name(&mut self, table: u8, month: Month) -> (String, PathBuf) {
        let n = self.seq.entry((table, month)).or_insert(0);
        let tname = if table == 0 { "events" } else { "dyad_day" };
        let h = xxhash_rust::xxh3::xxh3_64(format!("{}/{tname}/{month}/{n}", self.hash).as_bytes());
        *n += 1;
        let file = format!("part-{}.parquet", hex(h));
        let rel = format!("{tname}/source={}/month={month}/{file}", self.kind.name());
        let tmp = self.tmp.join(format!("{tname}-{month}-{file}"));
        (rel, tmp)
    }

    fn absorb(&mut self, months: Vec<(Month, RecordBatch)>, dyads: FxMap<DyadKey, Agg>) -> Result<()> {
        for (m, batch) in months {
            if !self.writers.contains_key(&m) && self.writers.len() >= MAX_OPEN_MONTHS {
                self.close_writers()?;
            }
            if !self.writers.contains_key(&m) {
                let (rel, tmp) = self.next_name(0, m);
                let f = File::create(&tmp).map_err(|e| Error::io(&tmp, e))?;
                let writer = ArrowWriter::try_new(f, events_schema(), Some(self.events_props.clone()))
                    .map_err(|e| Error::parquet(&tmp, e))?;
                self.writers.insert(
                    m,
                    MonthWriter {
                        writer,
                        tmp,
                        rel,
                        rows: 0,
                    },
                );
            }
            if let Some(w) = self.writers.get_mut(&m) {
                w.rows += batch.num_rows() as u64;
                w.writer.write(&batch).map_err(|e| Error::parquet(&w.tmp, e))?;
            }
        }
        if self.dyads.is_empty() {
            self.dyads = dyads;
        } else {
            for (k, v) in dyads {
                self.dyads.entry(k).or_default().merge(&v);
            }
        }
        if self.dyads.len() >= self.spill_at {
            self.spill()?;
        }
        Ok(())
    }

    fn close_writers(&mut self) -> Result<()> {
        for (m, w) in std::mem::take(&mut self.writers) {
            w.writer.close().map_err(|e| Error::parquet(&w.tmp, e))?;
            let bytes = sync_file(&w.tmp)?;
            self.produced.push(Produced {
                tmp: w.tmp,
                rel: w.rel,
                entry: Some(PartEntry {
                    table: "events".into(),
                    source: self.kind.name().into(),
                    month: m.to_string(),
                    rows: w.rows,
                    bytes,
                }),
            });
        }
        Ok(())
    }

    /// Writes the dyad-days in memory as one sorted part per month, with its directory.
    fn spill(&mut self) -> Result<()> {
        let map = std::mem::take(&mut self.dyads);
        let mut by_month: BTreeMap<Month, Vec<(DyadKey, Agg)>> = BTreeMap::new();
        for (k, v) in map {
            by_month.entry(Day(k.0).month()).or_default().push((k, v));
        }
        for (month, rows) in by_month {
            let at = self.write_month(month, rows)?;
            self.spilled.entry(month).or_default().push(at);
        }
        Ok(())
    }

    /// Sorts a month's dyad-days by (actor1, actor2, day), adds up repeated keys, and writes them
    /// as a part with its directory. Returns the index of the part in `produced`.
    fn write_month(&mut self, month: Month, mut rows: Vec<(DyadKey, Agg)>) -> Result<usize> {
        let res = self.res.clone();
        rows.sort_by(|a, b| (res.id(a.0 .1), res.id(a.0 .2), a.0 .0).cmp(&(res.id(b.0 .1), res.id(b.0 .2), b.0 .0)));
        rows.dedup_by(|later, kept| {
            if later.0 == kept.0 {
                kept.1.merge(&later.1);
                true
            } else {
                false
            }
        });
        let (rel, tmp) = self.next_name(1, month);
        let bytes = self.write_dyad_part(&tmp, &rows)?;
        // The directory: actors sorted, dyads in row order with their totals.
        let mut actors: Vec<&str> = rows.iter().flat_map(|(k, _)| [res.id(k.1), res.id(k.2)]).collect();
        actors.sort_unstable();
        actors.dedup();
        let idx = |a: &str| actors.binary_search(&a).unwrap_or(0) as u32;
        let mut dir: Vec<(u32, u32, u32, u32, Agg)> = Vec::new();
        for (i, (k, v)) in rows.iter().enumerate() {
            let (a1, a2) = (idx(res.id(k.1)), idx(res.id(k.2)));
            match dir.last_mut() {
                Some(last) if last.0 == a1 && last.1 == a2 => {
                    last.3 += 1;
                    last.4.merge(v);
                }
                _ => dir.push((a1, a2, i as u32, 1, v.clone())),
            }
        }
        let dyx = tmp.with_extension("dyx");
        let mut f = File::create(&dyx).map_err(|e| Error::io(&dyx, e))?;
        f.write_all(&dyadindex::encode(&actors, &dir))
            .map_err(|e| Error::io(&dyx, e))?;
        f.sync_all().map_err(|e| Error::io(&dyx, e))?;
        let dyx_rel = rel.replace(".parquet", ".dyx");
        // The directory moves first: a part is only listed (and read) with its directory.
        self.produced.push(Produced {
            tmp: dyx,
            rel: dyx_rel,
            entry: None,
        });
        self.produced.push(Produced {
            tmp,
            rel,
            entry: Some(PartEntry {
                table: "dyad_day".into(),
                source: self.kind.name().into(),
                month: month.to_string(),
                rows: rows.len() as u64,
                bytes,
            }),
        });
        Ok(self.produced.len() - 1)
    }

    /// Merges the parts one month got from several spills into one, so that queries open one
    /// directory per month and ingest. Memory is bounded by one month's dyad-days.
    fn merge_spills(&mut self) -> Result<()> {
        let mut drop_idx = BTreeSet::new();
        for (month, parts) in std::mem::take(&mut self.spilled) {
            if parts.len() < 2 {
                continue;
            }
            let mut rows = Vec::new();
            for &i in &parts {
                read_dyad_rows(&self.produced[i].tmp, &self.res, &mut rows)?;
                drop_idx.insert(i);
                drop_idx.insert(i - 1);
            }
            self.write_month(month, rows)?;
        }
        if drop_idx.is_empty() {
            return Ok(());
        }
        let mut kept = Vec::with_capacity(self.produced.len());
        for (i, p) in std::mem::take(&mut self.produced).into_iter().enumerate() {
            if drop_idx.contains(&i) {
                fs::remove_file(&p.tmp).map_err(|e| Error::io(&p.tmp, e))?;
            } else {
                kept.push(p);
            }
        }
        self.produced = kept;
        Ok(())
    }

    fn write_dyad_part(&self, tmp: &Path, rows: &[(DyadKey, Agg)]) -> Result<u64> {
        let f = File::create(tmp).map_err(|e| Error::io(tmp, e))?;
        let mut w = ArrowWriter::try_new(f, dyad_schema(), Some(self.dyad_props.clone()))
            .map_err(|e| Error::parquet(tmp, e))?;
        for chunk in rows.chunks(65_536) {
            let n = chunk.len();
            let mut day = Date32Builder::with_capacity(n);
            let mut a1 = StringBuilder::with_capacity(n, n * 4);
            let mut a2 = StringBuilder::with_capacity(n, n * 4);
            let mut counts: Vec<Int32Builder> = (0..NCOUNTS).map(|_| Int32Builder::with_capacity(n)).collect();
            let mut gold = Float64Builder::with_capacity(n);
            let mut ment = Int64Builder::with_capacity(n);
            for (k, v) in chunk {
                day.append_value(k.0);
                a1.append_value(self.res.id(k.1));
                a2.append_value(self.res.id(k.2));
                for (b, c) in counts.iter_mut().zip(v.counts.iter()) {
                    b.append_value(i32::try_from(*c).unwrap_or(i32::MAX));
                }
                gold.append_value(v.goldstein);
                ment.append_value(v.mentions);
            }
            let mut cols: Vec<ArrayRef> = vec![Arc::new(day.finish()), Arc::new(a1.finish()), Arc::new(a2.finish())];
            cols.extend(counts.iter_mut().map(|b| Arc::new(b.finish()) as ArrayRef));
            cols.push(Arc::new(gold.finish()));
            cols.push(Arc::new(ment.finish()));
            debug_assert_eq!(cols.len(), 3 + count_columns().len() + 2);
            let batch = RecordBatch::try_new(dyad_schema(), cols).map_err(|e| Error::parquet(tmp, e))?;
            w.write(&batch).map_err(|e| Error::parquet(tmp, e))?;
        }
        w.close().map_err(|e| Error::parquet(tmp, e))?;
        sync_file(tmp)
    }

    fn finish(mut self) -> Result<Vec<Produced>> {
        self.close_writers()?;
        if !self.dyads.is_empty() {
            self.spill()?;
        }
        self.merge_spills()?;
        Ok(self.produced)
    }
}

/// Appends the rows of a dyad-day part (written by this ingest) to `out`.
fn read_dyad_rows(path: &Path, res: &Resolver, out: &mut Vec<(DyadKey, Agg)>) -> Result<()> {
    use arrow_array::cast::AsArray;
    use arrow_array::types::{Date32Type, Float64Type, Int32Type, Int64Type};
    let file = File::open(path).map_err(|e| Error::io(path, e))?;
    let reader = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(file)
        .and_then(|b| b.with_batch_size(65_536).build())
        .map_err(|e| Error::parquet(path, e))?;
    for batch in reader {
        let b = batch.map_err(|e| Error::parquet(path, e))?;
        let bad = || Error::Lake(format!("{}: unexpected dyad_day columns", path.display()));
        let day = b.column(0).as_primitive_opt::<Date32Type>().ok_or_else(bad)?;
        let a1 = b.column(1).as_string_opt::<i32>().ok_or_else(bad)?;
        let a2 = b.column(2).as_string_opt::<i32>().ok_or_else(bad)?;
        let counts: Vec<_> = (3..3 + NCOUNTS)
            .map(|c| b.column(c).as_primitive_opt::<Int32Type>().ok_or_else(bad))
            .collect::<Result<_>>()?;
        let gold = b
            .column(3 + NCOUNTS)
            .as_primitive_opt::<Float64Type>()
            .ok_or_else(bad)?;
        let ment = b.column(4 + NCOUNTS).as_primitive_opt::<Int64Type>().ok_or_else(bad)?;
        for r in 0..b.num_rows() {
            let (Some(x), Some(y)) = (res.lookup(a1.value(r)), res.lookup(a2.value(r))) else {
                return Err(bad());
            };
            let mut a = Agg::default();
            for (c, col) in counts.iter().enumerate() {
                a.counts[c] = col.value(r).max(0) as u32;
            }
            a.goldstein = gold.value(r);
            a.mentions = ment.value(r);
            out.push(((day.value(r), x, y), a));
        }
    }
    Ok(())
}

/// fsyncs a closed file and returns its size.
fn sync_file(p: &Path) -> Result<u64> {
    let f = File::open(p).map_err(|e| Error::io(p, e))?;
    f.sync_all().map_err(|e| Error::io(p, e))?;
    Ok(f.metadata().map_err(|e| Error::io(p, e))?.len())
}

/// The content hash that identifies an input: xxh3-128 over its bytes.
pub fn hash_file(path: &Path) -> Result<String> {
    let mut f = File::open(path).map_err(|e| Error::io(path, e))?;
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = match f.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(Error::io(path, e)),
        };
        h.update(&buf[..n]);
    }
    Ok(format!("xxh3-128:{:032x}", h.digest128()))
}

fn read_manifest(root: &Path) -> Result<Manifest> {
    let path = root.join("manifest.json");
    match fs::read(&path) {
        Ok(bytes) => {
            let m: Manifest =
                serde_json::from_slice(&bytes).map_err(|e| Error::Lake(format!("{}: {e}", path.display())))?;
            if m.format != 1 {
                return Err(Error::Lake(format!(
                    "{}: manifest format {} is not supported",
                    path.display(),
                    m.format
                )));
            }
            Ok(m)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Manifest::default()),
        Err(e) => Err(Error::io(&path, e)),
    }
}

/// Replaces the manifest atomically: write a temporary file, fsync it, rename it over the old
/// one, fsync the directory.
fn write_manifest(root: &Path, m: &Manifest) -> Result<()> {
    let mut bytes = serde_json::to_vec_pretty(m).map_err(|e| Error::Lake(format!("serialising the manifest: {e}")))?;
    bytes.push(b'\n');
    replace_file(&root.join("manifest.json"), &bytes)
}

/// Replaces `path` with `bytes` so that a reader sees the old content or the new, never a part:
/// the workspace's one atomic write, [`entente_store::write_atomically`] (a temporary file beside
/// it, fsync, rename over it, fsync the directory).
pub fn replace_file(path: &Path, bytes: &[u8]) -> Result<()> {
    entente_store::write_atomically(path, bytes).map_err(|e| Error::io(e.path, e.source))
}
