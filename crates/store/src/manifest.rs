//! The manifest: which files are imported, from where, when, with what row accounting, into which
//! table files. It is the commit point of every import: readers trust it alone.

use crate::{fsx, io_err, Dataset, Error, Result};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// The manifest format this version writes and reads.
pub const FORMAT: u32 = 1;

/// `<data_dir>/datasets/manifest.json`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: u32,
    /// One entry per slot in force, sorted by dataset and slot.
    pub entries: Vec<ImportEntry>,
}

/// One imported file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportEntry {
    pub dataset: Dataset,
    /// Within the dataset, what this file is for: `register` (SIPRI); `members`, `alliances`,
    /// `similarity` (ATOP); `country-<COW>` or `votes` (UN votes). A new file in a slot replaces
    /// the old one.
    pub slot: String,
    /// What the file was recognised as, in words.
    pub layout: String,
    /// The file's name, and its absolute path at import time.
    pub file: String,
    pub source: String,
    /// SHA-256 of the file's bytes (`sha256sum` gives the same), and its size.
    pub sha256: String,
    pub bytes: u64,
    /// When it was imported (UTC, `YYYY-MM-DDTHH:MM:SSZ`).
    pub imported_at: String,
    /// For a per-country UN-votes file: the focal country's COW code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub focal: Option<u16>,
    /// Data records read, kept and rejected (every rejection with its line and reason).
    pub rows_read: usize,
    pub kept: usize,
    pub rejected: Vec<StoredRejection>,
    /// Parties or codes that did not resolve to an entente actor (kept under their own names).
    #[serde(default)]
    pub unresolved: Vec<String>,
    pub tables: Vec<TableEntry>,
}

/// A rejected row, as the manifest keeps it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredRejection {
    pub line: usize,
    pub reason: String,
}

/// One Parquet table file written by an import.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableEntry {
    /// `deals`, `members`, `alliances`, `similarity`, `rollcalls`, `agreements`, `votes`.
    pub name: String,
    /// Relative to `<data_dir>/datasets`, `/`-separated.
    pub path: String,
    pub rows: u64,
    pub bytes: u64,
}

/// Reads the manifest under `root`; a missing one is an empty store.
pub fn read(root: &Path) -> Result<Manifest> {
    let path = root.join("manifest.json");
    match std::fs::read(&path) {
        Ok(bytes) => {
            let m: Manifest = serde_json::from_slice(&bytes).map_err(|e| Error::Corrupt {
                path: path.clone(),
                message: format!("unreadable manifest: {e}"),
            })?;
            if m.format != FORMAT {
                return Err(Error::Corrupt {
                    path,
                    message: format!(
                        "manifest format {} is not the one this entente reads ({FORMAT})",
                        m.format
                    ),
                });
            }
            Ok(m)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Manifest {
            format: FORMAT,
            entries: Vec::new(),
        }),
        Err(e) => Err(io_err(&path)(e)),
    }
}

/// Replaces the manifest atomically (the commit point).
pub fn write(root: &Path, m: &Manifest) -> Result<()> {
    let mut bytes = serde_json::to_vec_pretty(m).map_err(|e| Error::Corrupt {
        path: root.join("manifest.json"),
        message: format!("cannot serialise the manifest: {e}"),
    })?;
    bytes.push(b'\n');
    fsx::replace_file(&root.join("manifest.json"), &bytes)
}

impl Manifest {
    /// Every table file the manifest refers to (relative paths).
    pub fn table_paths(&self) -> impl Iterator<Item = &str> {
        self.entries
            .iter()
            .flat_map(|e| e.tables.iter().map(|t| t.path.as_str()))
    }
}
