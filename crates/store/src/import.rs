//! One import: lock, recover, hash, parse, check, write the tables, commit the manifest, collect
//! the garbage. The order of the steps is what makes an import atomic (see the crate docs).

use crate::manifest::{self, ImportEntry, StoredRejection, TableEntry};
use crate::tables::{self, Table};
use crate::{fsx, io_err, Dataset, Error, Progress, Result, Store};
use entente_datasets::codes::Crosswalk;
use entente_datasets::report::{ImportError, ImportReport};
use entente_datasets::sipri::PartyKind;
use entente_datasets::{atop, sipri, unvotes};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::{BTreeSet, HashSet};
use std::fs::{self, File};
use std::io::{BufReader, Read};
use std::path::Path;
use std::time::Instant;

pub const SLOT_REGISTER: &str = "register";
pub const SLOT_MEMBERS: &str = "members";
pub const SLOT_ALLIANCES: &str = "alliances";
pub const SLOT_SIMILARITY: &str = "similarity";
pub const SLOT_VOTES: &str = "votes";

/// The slot of a per-country UN-votes file.
pub fn country_slot(cow: u16) -> String {
    format!("country-{cow}")
}

/// What an import did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "status")]
pub enum Outcome {
    /// The file is now in the store; nothing was in its slot before.
    Imported,
    /// The file is now in the store, in place of an earlier file in the same slot.
    Replaced {
        previous_file: String,
        previous_sha256: String,
    },
    /// The same content was already imported: nothing changed.
    AlreadyImported,
}

/// The result of importing one file.
#[derive(Clone, Debug, Serialize)]
pub struct ImportOutcome {
    /// The path as given.
    pub path: String,
    #[serde(flatten)]
    pub outcome: Outcome,
    /// The manifest entry now in force for the file (for `AlreadyImported`, the earlier one).
    pub entry: ImportEntry,
    /// Wall-clock time of the import.
    pub seconds: f64,
}

/// What a file was recognised as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Layout {
    SipriRegister,
    AtopMembers,
    AtopAlliances,
    AtopSimilarity,
    UnCountry(u16),
    UnLong,
}

impl Layout {
    fn slot(self) -> String {
        match self {
            Layout::SipriRegister => SLOT_REGISTER.into(),
            Layout::AtopMembers => SLOT_MEMBERS.into(),
            Layout::AtopAlliances => SLOT_ALLIANCES.into(),
            Layout::AtopSimilarity => SLOT_SIMILARITY.into(),
            Layout::UnCountry(c) => country_slot(c),
            Layout::UnLong => SLOT_VOTES.into(),
        }
    }

    fn describe(self) -> String {
        match self {
            Layout::SipriRegister => "SIPRI trade register".into(),
            Layout::AtopMembers => "ATOP member-level".into(),
            Layout::AtopAlliances => "ATOP alliance-level".into(),
            Layout::AtopSimilarity => "ATOP alliance-year similarity (S, pi, kappa)".into(),
            Layout::UnCountry(c) => format!("UN votes, per-country agreement file (focal COW {c})"),
            Layout::UnLong => "UN votes, long layout".into(),
        }
    }
}

/// The first pass over a file: its hash, size, lines, and first bytes (to recognise it).
struct Scan {
    sha256: String,
    bytes: u64,
    /// Physical lines (an unterminated last line counts).
    lines: usize,
    ends_with_newline: bool,
    head: Vec<u8>,
}

const HEAD: usize = 64 * 1024;
const PROGRESS_EVERY: u64 = 256 * 1024;

fn scan(path: &Path, progress: &mut dyn Progress) -> Result<Scan> {
    let bytes = fs::metadata(path).map_err(io_err(path))?.len();
    progress.stage("hashing", bytes);
    let mut f = File::open(path).map_err(io_err(path))?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    let (mut done, mut newlines, mut last, mut head) = (0u64, 0usize, None, Vec::new());
    loop {
        let n = match f.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(io_err(path)(e)),
        };
        let chunk = &buf[..n];
        hasher.update(chunk);
        newlines += chunk.iter().filter(|&&b| b == b'\n').count();
        last = chunk.last().copied();
        if head.len() < HEAD {
            head.extend_from_slice(&chunk[..n.min(HEAD - head.len())]);
        }
        done += n as u64;
        progress.advance(done);
    }
    let ends_with_newline = last == Some(b'\n');
    Ok(Scan {
        sha256: fsx::hex(&hasher.finalize()),
        bytes: done,
        lines: newlines + usize::from(last.is_some() && !ends_with_newline),
        ends_with_newline,
        head,
    })
}

/// A reader that hashes what passes through it and reports progress: the second pass checks
/// that the file parsed is the file hashed.
struct Tracked<'p, R> {
    inner: R,
    hasher: Sha256,
    done: u64,
    reported: u64,
    progress: &'p mut dyn Progress,
}

impl<R: Read> Read for Tracked<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        self.done += n as u64;
        if self.done - self.reported >= PROGRESS_EVERY || n == 0 {
            self.reported = self.done;
            self.progress.advance(self.done);
        }
        Ok(n)
    }
}

/// Files that are plainly not CSV text are refused with the line where that shows.
fn check_text(file: &str, scan: &Scan) -> Result<()> {
    let refuse = |line: usize, message: &str| {
        Err(Error::Input {
            file: file.to_string(),
            line,
            message: message.to_string(),
        })
    };
    if scan.bytes == 0 {
        return refuse(1, "empty file");
    }
    if scan.head.starts_with(&[0xFF, 0xFE]) || scan.head.starts_with(&[0xFE, 0xFF]) {
        return refuse(
            1,
            "the file is UTF-16 text: save it as UTF-8 CSV (SIPRI's own Latin-1 export is read as it is)",
        );
    }
    if let Some(p) = scan.head.iter().position(|&b| b == 0) {
        let line = 1 + scan.head[..p].iter().filter(|&&b| b == b'\n').count();
        return refuse(line, "NUL byte: binary data or UTF-16 text, not a CSV file");
    }
    Ok(())
}

/// The first line's cells, lower-cased, quotes and BOM removed.
fn header_cells(head: &[u8]) -> Vec<String> {
    let first = head.split(|&b| b == b'\n').next().unwrap_or(&[]);
    String::from_utf8_lossy(first)
        .trim_start_matches('\u{feff}')
        .split(',')
        .map(|c| c.trim().trim_matches('"').trim().to_ascii_lowercase())
        .collect()
}

/// `file` names the file in messages; `name` is its file name (a per-country UN file's COW code).
fn recognise(dataset: Dataset, file: &str, name: &str, scan: &Scan) -> Result<Layout> {
    let cells = header_cells(&scan.head);
    let has = |n: &str| cells.iter().any(|c| c == n);
    let refuse = |message: String| Error::Input {
        file: file.to_string(),
        line: 1,
        message,
    };
    match dataset {
        Dataset::Sipri => Ok(Layout::SipriRegister),
        Dataset::Atop => {
            if has("member") && has("yrent") {
                Ok(Layout::AtopMembers)
            } else if has("mem1") {
                Ok(Layout::AtopAlliances)
            } else if has("mean.s.sc") {
                Ok(Layout::AtopSimilarity)
            } else {
                Err(refuse(
                    "not an ATOP file: the header has neither `member` and `yrent` (member-level), \
                     `mem1` (alliance-level) nor `mean.s.sc` (alliance-year similarity)"
                        .into(),
                ))
            }
        }
        Dataset::Unvotes => {
            if has("rcid") && has("unres") {
                unvotes::focal_from_name(name).map(Layout::UnCountry).ok_or_else(|| {
                    refuse(format!(
                        "a per-country UN-votes file must be named after its focal country's COW code \
                         (`732.csv` for the Republic of Korea); '{name}' is not"
                    ))
                })
            } else {
                Ok(Layout::UnLong)
            }
        }
    }
}

/// Records parsed from a file.
enum Parsed {
    Sipri(Vec<sipri::Deal>),
    Members(Vec<atop::Membership>),
    Alliances(Vec<atop::Alliance>),
    Similarity(Vec<atop::AllianceYearSimilarity>),
    Country(unvotes::CountryFile),
    Long(Vec<unvotes::CountryVote>),
}

fn parse(layout: Layout, name: &str, reader: &mut dyn std::io::BufRead) -> Result<(Parsed, ImportReport), ImportError> {
    Ok(match layout {
        Layout::SipriRegister => {
            let (d, r) = sipri::read(name, reader, &mut |_| {})?;
            (Parsed::Sipri(d), r)
        }
        Layout::AtopMembers => {
            let (d, r) = atop::read_members(name, reader)?;
            (Parsed::Members(d), r)
        }
        Layout::AtopAlliances => {
            let (d, r) = atop::read_alliances(name, reader)?;
            (Parsed::Alliances(d), r)
        }
        Layout::AtopSimilarity => {
            let (d, r) = atop::read_similarity(name, reader)?;
            (Parsed::Similarity(d), r)
        }
        Layout::UnCountry(cow) => {
            let (d, r) = unvotes::read_country_file(name, Some(cow), reader)?;
            (Parsed::Country(d), r)
        }
        Layout::UnLong => {
            let (d, r) = unvotes::read_long(name, reader)?;
            (Parsed::Long(d), r)
        }
    })
}

/// Refuses a file whose rows cannot stand in for the data: none kept, more rejected than kept,
/// or a last record cut short (a truncated download or copy).
fn check_rows(file: &str, layout: Layout, report: &ImportReport, scan: &Scan) -> Result<()> {
    let refuse = |line: usize, message: String| {
        Err(Error::Input {
            file: file.to_string(),
            line,
            message: format!("{message}; nothing was imported"),
        })
    };
    let first = report
        .rejected
        .first()
        .map(|r| format!(" (line {}: {})", r.line, r.reason))
        .unwrap_or_default();
    if !scan.ends_with_newline {
        if let Some(r) = report.rejected.iter().find(|r| r.line == scan.lines) {
            return refuse(
                r.line,
                format!("the file ends in the middle of a record (truncated?): {}", r.reason),
            );
        }
    }
    if report.rows_read == 0 {
        return refuse(scan.lines.max(1), "no data rows after the header".into());
    }
    if report.kept == 0 {
        let line = report.rejected.first().map_or(1, |r| r.line);
        return refuse(
            line,
            format!("none of the {} rows could be read{first}", report.rows_read),
        );
    }
    if report.rejected.len() > report.kept {
        let line = report.rejected.first().map_or(1, |r| r.line);
        return refuse(
            line,
            format!(
                "{} of {} rows rejected: this does not read as a {} file{first}",
                report.rejected.len(),
                report.rows_read,
                layout.describe()
            ),
        );
    }
    Ok(())
}

/// The tables of a parsed file, and the parties or codes that resolved to no entente actor.
fn build(parsed: &Parsed, crosswalk: &Crosswalk) -> std::result::Result<(Vec<Table>, Vec<String>), String> {
    let cow_name = |c: &u16| format!("COW {c}");
    Ok(match parsed {
        Parsed::Sipri(deals) => {
            let mut unresolved = BTreeSet::new();
            for d in deals {
                for (name, id, kind) in [
                    (&d.recipient, &d.recipient_id, d.recipient_kind),
                    (&d.supplier, &d.supplier_id, d.supplier_kind),
                ] {
                    if id.is_none() && matches!(kind, PartyKind::State | PartyKind::Organisation) {
                        unresolved.insert(name.to_string());
                    }
                }
            }
            (vec![tables::sipri::table(deals)?], unresolved.into_iter().collect())
        }
        Parsed::Members(rows) => {
            let unresolved: BTreeSet<u16> = rows
                .iter()
                .filter(|r| crosswalk.by_cow(r.member, Some(r.entry.year)).is_none())
                .map(|r| r.member)
                .collect();
            let id_of = |cow: u16, year: i32| crosswalk.by_cow(cow, Some(year)).map(|c| c.id.clone());
            (
                vec![tables::atop::members_table(rows, &id_of)?],
                unresolved.iter().map(cow_name).collect(),
            )
        }
        Parsed::Alliances(rows) => {
            let unresolved: BTreeSet<u16> = rows
                .iter()
                .flat_map(|r| r.members.iter().copied())
                .filter(|&m| crosswalk.by_cow(m, None).is_none())
                .collect();
            (
                vec![tables::atop::alliances_table(rows)?],
                unresolved.iter().map(cow_name).collect(),
            )
        }
        Parsed::Similarity(rows) => (vec![tables::atop::similarity_table(rows)?], Vec::new()),
        Parsed::Country(file) => {
            let (rollcalls, agreements, unresolved) = tables::unvotes::country_tables(file, crosswalk)?;
            (vec![rollcalls, agreements], unresolved.iter().map(cow_name).collect())
        }
        Parsed::Long(votes) => {
            let unresolved: BTreeSet<&str> = votes
                .iter()
                .filter(|v| v.country_id.is_none())
                .map(|v| v.country.as_str())
                .collect();
            (
                vec![tables::unvotes::votes_table(votes)?],
                unresolved.into_iter().map(str::to_string).collect(),
            )
        }
    })
}

/// Removes what a killed import left: the temporary directory, a half-written manifest, and table
/// files the manifest does not list. Runs under the lock.
fn recover(store: &mut Store) -> Result<()> {
    store.manifest = manifest::read(&store.root)?;
    let tmp = store.root.join(".tmp");
    if tmp.exists() {
        fs::remove_dir_all(&tmp).map_err(io_err(&tmp))?;
    }
    crate::fsx::remove_stale_temporaries(&store.root.join("manifest.json")).map_err(|e| Error::Io {
        path: e.path,
        source: e.source,
    })?;
    collect_garbage(store)
}

/// Deletes table files that no manifest entry lists (replaced imports, leftovers of killed ones).
fn collect_garbage(store: &Store) -> Result<()> {
    let keep: HashSet<&str> = store.manifest.table_paths().collect();
    for d in Dataset::ALL {
        let dir = store.root.join(d.name());
        let entries = match fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(io_err(&dir)(e)),
        };
        let mut removed = false;
        for e in entries {
            let e = e.map_err(io_err(&dir))?;
            let name = e.file_name().to_string_lossy().into_owned();
            if !name.ends_with(".parquet") || keep.contains(format!("{}/{name}", d.name()).as_str()) {
                continue;
            }
            fs::remove_file(e.path()).map_err(io_err(&e.path()))?;
            removed = true;
        }
        if removed {
            fsx::sync_dir(&dir)?;
        }
    }
    Ok(())
}

pub(crate) fn import(
    store: &mut Store,
    dataset: Dataset,
    path: &Path,
    progress: &mut dyn Progress,
) -> Result<ImportOutcome> {
    let started = Instant::now();
    let display = path.display().to_string();
    let file_name = path
        .file_name()
        .map_or_else(|| display.clone(), |n| n.to_string_lossy().into_owned());
    let meta = fs::metadata(path).map_err(io_err(path))?;
    if meta.is_dir() {
        return Err(Error::Io {
            path: path.to_path_buf(),
            source: std::io::Error::other("is a directory, not a file"),
        });
    }
    let _lock = fsx::lock(&store.root)?;
    recover(store)?;

    let scan = scan(path, progress)?;
    if let Some(e) = store
        .manifest
        .entries
        .iter()
        .find(|e| e.dataset == dataset && e.sha256 == scan.sha256)
    {
        return Ok(ImportOutcome {
            path: display,
            outcome: Outcome::AlreadyImported,
            entry: e.clone(),
            seconds: started.elapsed().as_secs_f64(),
        });
    }
    check_text(&display, &scan)?;
    let layout = recognise(dataset, &display, &file_name, &scan)?;

    // Parse everything before writing anything.
    progress.stage("reading", scan.bytes);
    let file = File::open(path).map_err(io_err(path))?;
    let mut reader = BufReader::with_capacity(
        1 << 16,
        Tracked {
            inner: file,
            hasher: Sha256::new(),
            done: 0,
            reported: 0,
            progress: &mut *progress,
        },
    );
    let parsed = parse(layout, &file_name, &mut reader);
    let (parsed, report) = parsed.map_err(|e| match e {
        ImportError::Io(e) => io_err(path)(e),
        ImportError::Format { line, message } => Error::Input {
            file: display.clone(),
            line,
            message: format!("{message}; nothing was imported"),
        },
    })?;
    // The readers stop at the end of the data; the hash covers the whole file.
    std::io::copy(&mut reader, &mut std::io::sink()).map_err(io_err(path))?;
    let tracked = reader.into_inner();
    if fsx::hex(&tracked.hasher.finalize()) != scan.sha256 {
        return Err(Error::Changed(path.to_path_buf()));
    }
    check_rows(&display, layout, &report, &scan)?;
    let crosswalk = Crosswalk::shipped().map_err(|e| Error::Corrupt {
        path: "data/crosswalk/countries.csv".into(),
        message: e.to_string(),
    })?;
    let (tables, unresolved) = build(&parsed, crosswalk).map_err(|m| Error::Corrupt {
        path: store.root.clone(),
        message: format!("cannot build the tables of {display}: {m}"),
    })?;
    drop(parsed);

    // Write the tables beside the store, then move them in.
    progress.stage("writing", 0);
    let tmp = store.root.join(".tmp");
    fs::create_dir_all(&tmp).map_err(io_err(&tmp))?;
    let dir = store.root.join(dataset.name());
    fs::create_dir_all(&dir).map_err(io_err(&dir))?;
    let short = &scan.sha256[..16];
    let mut written = Vec::new();
    for t in &tables {
        let name = format!("{}-{short}.parquet", t.name);
        let staged = tmp.join(&name);
        let bytes = tables::write(&staged, t)?;
        let target = dir.join(&name);
        fs::rename(&staged, &target).map_err(io_err(&target))?;
        written.push(TableEntry {
            name: t.name.to_string(),
            path: format!("{}/{name}", dataset.name()),
            rows: t.batch.num_rows() as u64,
            bytes,
        });
    }
    fsx::sync_dir(&dir)?;
    fsx::sync_dir(&store.root)?;

    // Commit: the manifest, replaced atomically.
    let entry = ImportEntry {
        dataset,
        slot: layout.slot(),
        layout: layout.describe(),
        file: file_name,
        source: fs::canonicalize(path)
            .unwrap_or_else(|_| path.to_path_buf())
            .display()
            .to_string(),
        sha256: scan.sha256.clone(),
        bytes: scan.bytes,
        imported_at: fsx::now_utc(),
        focal: match layout {
            Layout::UnCountry(c) => Some(c),
            _ => None,
        },
        rows_read: report.rows_read,
        kept: report.kept,
        rejected: report
            .rejected
            .iter()
            .map(|r| StoredRejection {
                line: r.line,
                reason: r.reason.clone(),
            })
            .collect(),
        unresolved,
        tables: written,
    };
    let mut next = store.manifest.clone();
    let outcome = match next
        .entries
        .iter()
        .position(|e| e.dataset == dataset && e.slot == entry.slot)
    {
        Some(i) => {
            let old = std::mem::replace(&mut next.entries[i], entry.clone());
            Outcome::Replaced {
                previous_file: old.file,
                previous_sha256: old.sha256,
            }
        }
        None => {
            next.entries.push(entry.clone());
            Outcome::Imported
        }
    };
    next.entries
        .sort_by(|a, b| (a.dataset, &a.slot).cmp(&(b.dataset, &b.slot)));
    manifest::write(&store.root, &next)?;
    store.manifest = next;

    // The import is done; removing the replaced tables can wait for the next one if it fails.
    let _ = collect_garbage(store);
    let _ = fs::remove_dir(&tmp);
    Ok(ImportOutcome {
        path: display,
        outcome,
        entry,
        seconds: started.elapsed().as_secs_f64(),
    })
}
