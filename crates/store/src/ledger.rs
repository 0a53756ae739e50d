//! The proposals ledger: what `entente propose` has written to a proposals directory and what a
//! reviewer rejected, so that proposing the same articles again brings nothing back. One JSON
//! file, `ledger.json`, beside the proposal files (the fact loader reads only `*.toml`), replaced
//! whole and atomically.
//!
//! Two locks keep concurrent writers apart: a batch holds the directory for its whole run
//! ([`lock_run`]: two batches would write the same drafts twice), and every change of the ledger
//! is a short read–change–write under the ledger's own lock ([`Ledger::update`]), so that a
//! reviewer's rejection made while a batch runs is never overwritten.

use crate::write_atomically;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

/// The proposals directory of a user data directory: where `entente propose` writes by default
/// and where the server keeps the reviewers' rejections.
pub fn proposals_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("proposals")
}

/// The ledger's file name in a proposals directory.
pub const FILE: &str = "ledger.json";

/// Why the ledger cannot be read or written.
#[derive(Debug)]
pub enum LedgerError {
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The file is not a ledger (damaged, or another program's).
    Damaged {
        path: PathBuf,
        message: String,
    },
    /// Another `entente propose` is writing to the directory.
    Busy(PathBuf),
}

impl std::fmt::Display for LedgerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LedgerError::Io { path, source } => write!(f, "{}: {source}", path.display()),
            LedgerError::Damaged { path, message } => write!(
                f,
                "{}: not a proposals ledger ({message}); restore it from a backup, or move it away to start \
                 afresh (the drafts in the directory still count as proposed, but earlier rejections are forgotten)",
                path.display()
            ),
            LedgerError::Busy(dir) => write!(
                f,
                "{}: another `entente propose` is writing to this directory; wait for it to finish",
                dir.display()
            ),
        }
    }
}

impl std::error::Error for LedgerError {}

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
    /// Keys of proposals a reviewer rejected.
    #[serde(default)]
    pub rejected: BTreeMap<String, Rejection>,
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> LedgerError + '_ {
    move |source| LedgerError::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn open_lock(dir: &Path, name: &str) -> Result<(File, PathBuf), LedgerError> {
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let path = dir.join(name);
    let f = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(io(&path))?;
    Ok((f, path))
}

/// The directory held for one batch, until dropped (the system releases it if the process dies).
pub struct RunLock {
    _file: File,
}

/// Holds the proposals directory for a batch; an error if another batch holds it.
pub fn lock_run(dir: &Path) -> Result<RunLock, LedgerError> {
    let (f, path) = open_lock(dir, ".propose.lock")?;
    match f.try_lock() {
        Ok(()) => Ok(RunLock { _file: f }),
        Err(TryLockError::WouldBlock) => Err(LedgerError::Busy(dir.to_path_buf())),
        Err(TryLockError::Error(e)) => Err(LedgerError::Io { path, source: e }),
    }
}

impl Ledger {
    /// Reads the ledger of `dir`; a directory without one has an empty ledger.
    pub fn read(dir: &Path) -> Result<Ledger, LedgerError> {
        let p = dir.join(FILE);
        let bytes = match std::fs::read(&p) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Ledger::default()),
            Err(source) => return Err(LedgerError::Io { path: p, source }),
        };
        serde_json::from_slice(&bytes).map_err(|e| LedgerError::Damaged {
            path: p,
            message: e.to_string(),
        })
    }

    /// Changes the ledger of `dir` (creating the directory): read, `change`, written atomically,
    /// all under the ledger's lock. Returns the ledger as written.
    pub fn update(dir: &Path, change: impl FnOnce(&mut Ledger)) -> Result<Ledger, LedgerError> {
        let (f, path) = open_lock(dir, ".ledger.lock")?;
        f.lock().map_err(|source| LedgerError::Io { path, source })?;
        let mut ledger = Ledger::read(dir)?;
        change(&mut ledger);
        let p = dir.join(FILE);
        let text = serde_json::to_vec_pretty(&ledger).map_err(|e| LedgerError::Damaged {
            path: p.clone(),
            message: e.to_string(),
        })?;
        write_atomically(&p, &text).map_err(|e| LedgerError::Io {
            path: e.path,
            source: e.source,
        })?;
        Ok(ledger)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn updates_merge_and_damage_is_named() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(Ledger::read(dir.path()).unwrap(), Ledger::default());
        Ledger::update(dir.path(), |l| {
            l.proposed.insert("visit-kor-pol-2024-01-2a3b4c".into());
        })
        .unwrap();
        // A second writer's change is merged with what is on disk, not written over it.
        let l = Ledger::update(dir.path(), |l| {
            l.rejected.insert(
                "x".into(),
                Rejection {
                    article: "article-a".into(),
                    day: "2026-12-04".into(),
                },
            );
        })
        .unwrap();
        assert_eq!(l.proposed.len(), 1);
        assert_eq!(Ledger::read(dir.path()).unwrap(), l);
        std::fs::write(dir.path().join(FILE), b"\xff\x00junk").unwrap();
        let e = Ledger::read(dir.path()).unwrap_err().to_string();
        assert!(e.contains("ledger.json") && e.contains("not a proposals ledger"), "{e}");
        assert!(!e.contains("re-import"), "{e}");
        // A damaged ledger is never overwritten.
        assert!(Ledger::update(dir.path(), |_| {}).is_err());
        assert_eq!(std::fs::read(dir.path().join(FILE)).unwrap(), b"\xff\x00junk");
    }

    #[test]
    fn one_batch_at_a_time() {
        let dir = tempfile::tempdir().unwrap();
        let held = lock_run(dir.path()).unwrap();
        let e = lock_run(dir.path()).err().expect("busy").to_string();
        assert!(e.contains("another `entente propose`"), "{e}");
        drop(held);
        assert!(lock_run(dir.path()).is_ok());
    }
}
