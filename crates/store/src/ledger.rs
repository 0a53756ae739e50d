//! The proposals ledger: what `entente propose` has written to a proposals directory and what a
//! reviewer rejected, so that proposing the same articles again brings nothing back. One JSON
//! file, `ledger.json`, beside the proposal files (the fact loader reads only `*.toml`), replaced
//! whole and atomically on every change.

use crate::{write_atomically, Error};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The ledger's file name in a proposals directory.
pub const FILE: &str = "ledger.json";

/// A rejection: the article it was proposed from and the day.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejection {
    pub article: String,
    pub day: String,
}

/// What the ledger holds.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ledger {
    /// Keys of proposals written to the directory.
    #[serde(default)]
    pub proposed: BTreeSet<String>,
    /// Ids of the article sources written to the directory.
    #[serde(default)]
    pub sources: BTreeSet<String>,
    /// Keys of proposals a reviewer rejected.
    #[serde(default)]
    pub rejected: BTreeMap<String, Rejection>,
}

fn path(dir: &Path) -> PathBuf {
    dir.join(FILE)
}

impl Ledger {
    /// Reads the ledger of `dir`; a directory without one has an empty ledger.
    pub fn read(dir: &Path) -> Result<Ledger, Error> {
        let p = path(dir);
        let bytes = match std::fs::read(&p) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Ledger::default()),
            Err(source) => return Err(Error::Io { path: p, source }),
        };
        serde_json::from_slice(&bytes).map_err(|e| Error::Corrupt {
            path: p,
            message: format!("not a proposals ledger: {e}"),
        })
    }

    /// Writes the ledger of `dir` (creating the directory), atomically.
    pub fn write(&self, dir: &Path) -> Result<(), Error> {
        std::fs::create_dir_all(dir).map_err(|source| Error::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        let text = serde_json::to_vec_pretty(self).map_err(|e| Error::Corrupt {
            path: path(dir),
            message: e.to_string(),
        })?;
        write_atomically(&path(dir), &text).map_err(|e| Error::Io {
            path: e.path,
            source: e.source,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_damage() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(Ledger::read(dir.path()).unwrap(), Ledger::default());
        let mut l = Ledger::default();
        l.proposed.insert("visit-kor-pol-2024-01-2a3b4c".into());
        l.rejected.insert(
            "x".into(),
            Rejection {
                article: "article-a".into(),
                day: "2026-12-04".into(),
            },
        );
        l.write(dir.path()).unwrap();
        assert_eq!(Ledger::read(dir.path()).unwrap(), l);
        std::fs::write(dir.path().join(FILE), b"\xff\x00junk").unwrap();
        let e = Ledger::read(dir.path()).unwrap_err().to_string();
        assert!(e.contains("ledger.json") && e.contains("not a proposals ledger"), "{e}");
    }
}
