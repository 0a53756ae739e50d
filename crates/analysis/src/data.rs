//! A data directory, opened once for every question asked of it: its imported datasets (the
//! store) and its event data (the lake, or whatever answers the same questions, such as a
//! cluster). The CLI's commands and the server open it by the same rules.

use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What a data directory holds, opened: the store when it holds imported datasets, the event
/// data when its lake holds events (or when a caller gives another source of event data).
#[derive(Default)]
pub struct DataDir {
    pub dir: Option<PathBuf>,
    pub store: Option<entente_store::Store>,
    pub events: Option<Arc<dyn entente_events::EventData>>,
}

/// Why a data directory could not be opened: what failed, and where.
#[derive(Debug)]
pub enum DataDirError {
    /// The directory named does not exist (or is not a directory).
    Missing(PathBuf),
    /// Its dataset store could not be read.
    Store { dir: PathBuf, source: entente_store::Error },
    /// Its event lake could not be read.
    Lake {
        dir: PathBuf,
        source: entente_events::Error,
    },
}

impl std::fmt::Display for DataDirError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DataDirError::Missing(d) => write!(f, "{}: no such data directory", d.display()),
            DataDirError::Store { dir, source } => write!(f, "{}: {source}", dir.display()),
            DataDirError::Lake { dir, source } => write!(f, "{}: {source}", dir.display()),
        }
    }
}

impl std::error::Error for DataDirError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            DataDirError::Missing(_) => None,
            DataDirError::Store { source, .. } => Some(source),
            DataDirError::Lake { source, .. } => Some(source),
        }
    }
}

impl DataDir {
    /// Opens what `dir` holds; a directory with no datasets or no events gives `None` for them.
    /// A directory that does not exist is an error: the user named it.
    pub fn open(dir: PathBuf) -> Result<DataDir, DataDirError> {
        let store = DataDir::store_in(&dir)?;
        let events = entente_events::Lake::with_events(&dir)
            .map_err(|source| DataDirError::Lake {
                dir: dir.clone(),
                source,
            })?
            .map(|lake| Arc::new(lake) as Arc<dyn entente_events::EventData>);
        Ok(DataDir {
            dir: Some(dir),
            store,
            events,
        })
    }

    /// The data directory a surface reads: the one the user named, else the default one
    /// (`$ENTENTE_DATA_DIR`, the XDG data directory) when it exists; `None`: nothing imported,
    /// the shipped data answer alone.
    pub fn chosen(named: Option<PathBuf>) -> Option<PathBuf> {
        named.or_else(|| entente_store::default_data_dir().ok().filter(|d| d.is_dir()))
    }

    /// The dataset store of `dir`, when it holds imported datasets (a `datasets/` folder).
    pub fn store_in(dir: &Path) -> Result<Option<entente_store::Store>, DataDirError> {
        if !dir.is_dir() {
            return Err(DataDirError::Missing(dir.to_path_buf()));
        }
        if !dir.join("datasets").is_dir() {
            return Ok(None);
        }
        entente_store::Store::open(dir)
            .map(Some)
            .map_err(|source| DataDirError::Store {
                dir: dir.to_path_buf(),
                source,
            })
    }

    /// The datasets' evidence: the shipped tables, each replaced by this directory's import.
    pub fn tables(
        &self,
        kb: &entente_kb::KnowledgeBase,
    ) -> Result<crate::DatasetTables, crate::evidence::EvidenceError> {
        crate::DatasetTables::load(kb, self.store.as_ref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_data_directory_opens_by_what_it_holds() {
        let root = std::env::temp_dir().join(format!("entente-datadir-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        // Named but absent: an error naming it.
        let missing = root.join("nowhere");
        let e = DataDir::open(missing.clone())
            .err()
            .expect("a missing directory is an error");
        assert!(matches!(e, DataDirError::Missing(ref d) if d == &missing), "{e}");
        assert!(e.to_string().contains("nowhere"), "{e}");
        // Empty: no store, no events; the shipped tables answer.
        std::fs::create_dir_all(&root).unwrap();
        let d = DataDir::open(root.clone()).unwrap();
        assert!(d.store.is_none() && d.events.is_none());
        assert_eq!(d.dir.as_deref(), Some(root.as_path()));
        // With a datasets folder: the store opens (nothing imported yet).
        std::fs::create_dir_all(root.join("datasets")).unwrap();
        let d = DataDir::open(root.clone()).unwrap();
        assert!(d.store.is_some());
        // A file where the directory should be is not a data directory.
        let file = root.join("file");
        std::fs::write(&file, b"x").unwrap();
        assert!(matches!(DataDir::store_in(&file), Err(DataDirError::Missing(_))));
        std::fs::remove_dir_all(&root).unwrap();
    }
}
