//! The per-user data directory where the field's standard datasets live once imported, and the
//! standard measures over them.
//!
//! The readers in `entente-datasets` take SIPRI's, ATOP's and the UN votes' files exactly as
//! published; re-reading a 4 MB Latin-1 register on every question would be slow and would tie
//! every answer to a file the user may since have moved. An import therefore reads a file once,
//! resolves its parties to entente actors, and keeps the result as Parquet tables — columnar,
//! compact, and readable by pandas, R's arrow, DuckDB or DataFusion — under a data directory:
//!
//! ```text
//! <data_dir>/datasets/manifest.json                   what is imported (the commit point)
//! <data_dir>/datasets/sipri/deals-<h>.parquet          the trade register's deals
//! <data_dir>/datasets/atop/members-<h>.parquet         ATOP member-level rows
//! <data_dir>/datasets/atop/alliances-<h>.parquet       ATOP alliance-level rows
//! <data_dir>/datasets/atop/similarity-<h>.parquet      ATOP alliance-year S, pi, kappa
//! <data_dir>/datasets/unvotes/rollcalls-<h>.parquet    a per-country file's roll calls and votes
//! <data_dir>/datasets/unvotes/agreements-<h>.parquet   … and its agreement codes, long
//! <data_dir>/datasets/unvotes/votes-<h>.parquet        votes in the long layout
//! <data_dir>/datasets/.tmp/                            work in progress
//! <data_dir>/datasets/.lock                            one import at a time
//! ```
//!
//! `<h>` is the first 16 hex digits of the imported file's SHA-256. The data directory is shared
//! with the event lake (`<data_dir>/lake`, crate `entente-events`); see [`default_data_dir`].
//!
//! **Atomic.** An import parses the whole file first; a file that cannot be read, or whose rows
//! are mostly rejected, or that ends in the middle of a record, is refused before anything is
//! written. The tables are then written to `.tmp`, fsynced, renamed into place, the directory
//! fsynced, and only then is the manifest replaced (written beside, fsynced, renamed, directory
//! fsynced). Readers trust the manifest alone, so a crash or `kill -9` at any point leaves the
//! previous state readable; the next import removes the leftovers.
//!
//! **Idempotent.** The manifest records each file's SHA-256; importing content that is already
//! there changes nothing and says so. A new version of a file replaces the old one in its slot
//! (one SIPRI register, one file of each ATOP level, one UN-votes file per focal country).
//!
//! [`views`] assembles the measures of `entente-measures` over what is imported (a dyad's
//! alignment by year, arms flows, dependence), and [`link`] ties SIPRI deals to the curated
//! transfers of the knowledge base so that nothing is counted twice.

mod columns;
mod fsx;
mod import;
pub mod ledger;
mod manifest;
mod tables;

pub use fsx::{remove_stale_temporaries, write_atomically, WriteError};
pub use import::{country_slot, ImportOutcome, Outcome, SLOT_MEMBERS, SLOT_VOTES};
pub use manifest::{ImportEntry, Manifest, StoredRejection, TableEntry};

use entente_datasets::atop::{Alliance, AllianceYearSimilarity, Membership};
use entente_datasets::sipri::Deal;
use entente_datasets::unvotes::{CountryFile, CountryVote};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::{Path, PathBuf};

/// The datasets the store imports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Dataset {
    /// The SIPRI Arms Transfers Database trade register (CSV export).
    Sipri,
    /// ATOP alliance-level, member-level and alliance-year similarity files.
    Atop,
    /// UN General Assembly votes: per-country agreement files or the long layout.
    Unvotes,
}

impl Dataset {
    pub const ALL: [Dataset; 3] = [Dataset::Sipri, Dataset::Atop, Dataset::Unvotes];

    /// The name used on the command line, in the manifest and as the table directory.
    pub fn name(self) -> &'static str {
        match self {
            Dataset::Sipri => "sipri",
            Dataset::Atop => "atop",
            Dataset::Unvotes => "unvotes",
        }
    }

    pub fn parse(s: &str) -> Option<Dataset> {
        Dataset::ALL
            .into_iter()
            .find(|d| d.name().eq_ignore_ascii_case(s.trim()))
    }
}

impl fmt::Display for Dataset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What can go wrong. Input errors carry the file and the 1-based line.
#[derive(Debug)]
pub enum Error {
    /// A file or directory could not be read or written.
    Io { path: PathBuf, source: std::io::Error },
    /// The input file cannot be imported; nothing was changed.
    Input { file: String, line: usize, message: String },
    /// Another import holds the data directory's lock.
    Locked(PathBuf),
    /// The file changed between the two passes of an import; nothing was changed.
    Changed(PathBuf),
    /// The store's own files are not as they were written (a damaged or foreign directory).
    Corrupt { path: PathBuf, message: String },
    /// No data directory could be determined (no `$ENTENTE_DATA_DIR`, `$XDG_DATA_HOME` or `$HOME`).
    NoDataDir,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { path, source } => write!(f, "{}: {source}", path.display()),
            Error::Input { file, line, message } => write!(f, "{file}:{line}: {message}"),
            Error::Locked(path) => write!(
                f,
                "{} is locked: another import is running on this data directory",
                path.display()
            ),
            Error::Changed(path) => write!(
                f,
                "{} changed while it was being imported; nothing was imported, try again",
                path.display()
            ),
            Error::Corrupt { path, message } => write!(
                f,
                "{}: {message} (the data directory is damaged: re-import the files)",
                path.display()
            ),
            Error::NoDataDir => write!(
                f,
                "no data directory: set ENTENTE_DATA_DIR (or XDG_DATA_HOME or HOME), or pass --data-dir"
            ),
        }
    }
}

impl std::error::Error for Error {}

pub type Result<T, E = Error> = std::result::Result<T, E>;

pub(crate) fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// The per-user data directory: `$ENTENTE_DATA_DIR`, else `$XDG_DATA_HOME/entente`, else
/// `~/.local/share/entente` (`%APPDATA%\entente` on Windows). Relative or empty values are
/// ignored, as the XDG specification asks.
pub fn default_data_dir() -> Result<PathBuf> {
    data_dir_from(|name| std::env::var_os(name))
}

/// [`default_data_dir`] with the environment given as a function (testable without touching the
/// process's environment).
pub fn data_dir_from(env: impl Fn(&str) -> Option<std::ffi::OsString>) -> Result<PathBuf> {
    let var = |name: &str| env(name).map(PathBuf::from).filter(|p| !p.as_os_str().is_empty());
    if let Some(dir) = var("ENTENTE_DATA_DIR") {
        return Ok(dir);
    }
    if let Some(dir) = var("XDG_DATA_HOME").filter(|p| p.is_absolute()) {
        return Ok(dir.join("entente"));
    }
    if cfg!(windows) {
        if let Some(dir) = var("APPDATA").filter(|p| p.is_absolute()) {
            return Ok(dir.join("entente"));
        }
    }
    var("HOME")
        .filter(|p| p.is_absolute())
        .map(|home| home.join(".local").join("share").join("entente"))
        .ok_or(Error::NoDataDir)
}

/// Told how an import is going: stages with their size in bytes, and bytes done.
pub trait Progress {
    /// A stage begins (`hashing`, `reading`, `writing`); `total` is in bytes, 0 when unknown.
    fn stage(&mut self, _name: &str, _total: u64) {}
    /// Bytes done in the current stage.
    fn advance(&mut self, _done: u64) {}
    /// The import is over (done or failed).
    fn finish(&mut self) {}
}

/// No progress reporting.
impl Progress for () {}

/// The imported datasets under one data directory.
#[derive(Debug)]
pub struct Store {
    data_dir: PathBuf,
    root: PathBuf,
    manifest: Manifest,
}

impl Store {
    /// Opens the store under `data_dir`. Nothing is created or changed: a directory without a
    /// store (or without the directory) is an empty store.
    pub fn open(data_dir: impl Into<PathBuf>) -> Result<Store> {
        let data_dir = data_dir.into();
        let root = data_dir.join("datasets");
        let manifest = manifest::read(&root)?;
        Ok(Store {
            data_dir,
            root,
            manifest,
        })
    }

    /// Opens the store in [`default_data_dir`].
    pub fn open_default() -> Result<Store> {
        Store::open(default_data_dir()?)
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// `<data_dir>/datasets`: the manifest and the tables.
    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// Every import in force, by dataset and slot.
    pub fn entries(&self) -> &[ImportEntry] {
        &self.manifest.entries
    }

    /// The imports in force of one dataset.
    pub fn entries_of(&self, dataset: Dataset) -> impl Iterator<Item = &ImportEntry> {
        self.manifest.entries.iter().filter(move |e| e.dataset == dataset)
    }

    /// Whether a dataset has anything imported (of a slot, when given).
    pub fn entry(&self, dataset: Dataset, slot: &str) -> Option<&ImportEntry> {
        self.entries_of(dataset).find(|e| e.slot == slot)
    }

    /// Imports a file into `dataset`; see the crate documentation for what is guaranteed.
    pub fn import(&mut self, dataset: Dataset, path: &Path, progress: &mut dyn Progress) -> Result<ImportOutcome> {
        let out = import::import(self, dataset, path, progress);
        progress.finish();
        out
    }

    /// Imports a SIPRI trade register (the CSV export, Latin-1 or UTF-8).
    pub fn import_sipri(&mut self, path: &Path, progress: &mut dyn Progress) -> Result<ImportOutcome> {
        self.import(Dataset::Sipri, path, progress)
    }

    /// Imports an ATOP file: member-level, alliance-level or the alliance-year similarity table
    /// (told apart by their headers).
    pub fn import_atop(&mut self, path: &Path, progress: &mut dyn Progress) -> Result<ImportOutcome> {
        self.import(Dataset::Atop, path, progress)
    }

    /// Imports a UN-votes file: a per-country agreement file (`<COW code>.csv`) or the long layout.
    pub fn import_unvotes(&mut self, path: &Path, progress: &mut dyn Progress) -> Result<ImportOutcome> {
        self.import(Dataset::Unvotes, path, progress)
    }

    /// The deals of the imported SIPRI register (empty when none is imported), in file order.
    pub fn load_sipri(&self) -> Result<Vec<Deal>> {
        self.retrying(|s| {
            let mut out = Vec::new();
            for e in s.entries_of(Dataset::Sipri) {
                out.extend(tables::sipri::read(&s.table(e, "deals")?)?);
            }
            Ok(out)
        })
    }

    /// ATOP member-level rows (empty when not imported).
    pub fn load_atop_members(&self) -> Result<Vec<Membership>> {
        self.retrying(|s| match s.entry(Dataset::Atop, import::SLOT_MEMBERS) {
            Some(e) => tables::atop::read_members(&s.table(e, "members")?),
            None => Ok(Vec::new()),
        })
    }

    /// ATOP alliance-level rows (empty when not imported).
    pub fn load_atop_alliances(&self) -> Result<Vec<Alliance>> {
        self.retrying(|s| match s.entry(Dataset::Atop, import::SLOT_ALLIANCES) {
            Some(e) => tables::atop::read_alliances(&s.table(e, "alliances")?),
            None => Ok(Vec::new()),
        })
    }

    /// ATOP alliance-year similarity rows (empty when not imported).
    pub fn load_atop_similarity(&self) -> Result<Vec<AllianceYearSimilarity>> {
        self.retrying(|s| match s.entry(Dataset::Atop, import::SLOT_SIMILARITY) {
            Some(e) => tables::atop::read_similarity(&s.table(e, "similarity")?),
            None => Ok(Vec::new()),
        })
    }

    /// COW codes of the focal countries whose per-country UN-votes files are imported.
    pub fn unvotes_countries(&self) -> Vec<u16> {
        let mut v: Vec<u16> = self.entries_of(Dataset::Unvotes).filter_map(|e| e.focal).collect();
        v.sort_unstable();
        v
    }

    /// The per-country UN-votes file of a focal country, as the reader returned it.
    pub fn load_unvotes_country(&self, cow: u16) -> Result<Option<CountryFile>> {
        self.retrying(|s| {
            let Some(e) = s.entry(Dataset::Unvotes, &import::country_slot(cow)) else {
                return Ok(None);
            };
            let rollcalls = s.table(e, "rollcalls")?;
            let agreements = s.table(e, "agreements")?;
            tables::unvotes::read_country(cow, &rollcalls, &agreements).map(Some)
        })
    }

    /// Votes imported in the long layout (empty when none).
    pub fn load_unvotes_long(&self) -> Result<Vec<CountryVote>> {
        self.retrying(|s| match s.entry(Dataset::Unvotes, import::SLOT_VOTES) {
            Some(e) => tables::unvotes::read_votes(&s.table(e, "votes")?),
            None => Ok(Vec::new()),
        })
    }

    /// A table of an entry, read whole.
    fn table(&self, entry: &ImportEntry, name: &str) -> Result<tables::Loaded> {
        let t = entry
            .tables
            .iter()
            .find(|t| t.name == name)
            .ok_or_else(|| Error::Corrupt {
                path: self.root.join("manifest.json"),
                message: format!("the {} import of {} lists no `{name}` table", entry.dataset, entry.file),
            })?;
        tables::load(&self.root.join(&t.path))
    }

    /// Runs a read; if a table the manifest lists has meanwhile been replaced by an import, reads
    /// the manifest again and retries once.
    fn retrying<T>(&self, read: impl Fn(&Store) -> Result<T>) -> Result<T> {
        match read(self) {
            Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
                read(&Store::open(self.data_dir.clone())?)
            }
            other => other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsString;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<OsString> + 'a {
        move |name| vars.iter().find(|(k, _)| *k == name).map(|(_, v)| OsString::from(v))
    }

    #[test]
    fn data_dir_precedence() {
        let all = [
            ("ENTENTE_DATA_DIR", "/data/e"),
            ("XDG_DATA_HOME", "/xdg"),
            ("HOME", "/home/u"),
        ];
        assert_eq!(data_dir_from(env(&all)).ok(), Some(PathBuf::from("/data/e")));
        assert_eq!(data_dir_from(env(&all[1..])).ok(), Some(PathBuf::from("/xdg/entente")));
        // A relative XDG_DATA_HOME is ignored, as the specification says; so is an empty value.
        let relative = [("XDG_DATA_HOME", "xdg"), ("HOME", "/home/u"), ("ENTENTE_DATA_DIR", "")];
        if !cfg!(windows) {
            assert_eq!(
                data_dir_from(env(&relative)).ok(),
                Some(PathBuf::from("/home/u/.local/share/entente"))
            );
            assert!(matches!(data_dir_from(env(&[])), Err(Error::NoDataDir)));
        }
    }

    #[test]
    fn datasets_by_name() {
        for d in Dataset::ALL {
            assert_eq!(Dataset::parse(d.name()), Some(d));
        }
        assert_eq!(Dataset::parse("SIPRI"), Some(Dataset::Sipri));
        assert_eq!(Dataset::parse("cow"), None);
    }
}
