//! What the server holds: an immutable snapshot of the knowledge base (swapped whole after each
//! edit, so readers never wait and never see half an edit), the base dataset to validate edits
//! against, and the edits store.

use crate::edits::{self, EditsFile, Key, RecordRef, ShapeError};
use arc_swap::ArcSwap;
use bytes::Bytes;
use entente_analysis::DepthConfig;
use entente_facts::{Diagnostic, Input, Severity};
use entente_kb::KnowledgeBase;
use entente_model::Day;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// The knowledge base and everything derived from it, as of one generation of edits.
pub struct Snapshot {
    pub kb: KnowledgeBase,
    /// Counts up with every accepted edit (0 at start).
    pub generation: u64,
    /// The edits file this snapshot includes.
    pub edits: EditsFile,
    pub edit_records: Vec<RecordRef>,
    pub replaces: Vec<Key>,
    /// The files as validated (base without replaced records, then the edits), for showing a
    /// record's text.
    pub files: Vec<Input>,
    pub cache: ResponseCache,
}

impl Snapshot {
    /// Whether the record `key` is declared in the user's edits (rather than the base).
    pub fn in_edits(&self, key: &Key) -> bool {
        self.edit_records.iter().any(|r| r.key() == *key)
    }

    /// Whether the knowledge base holds a record `key`.
    pub fn has(&self, key: &Key) -> bool {
        match key.ns {
            "source" => self.kb.source(&key.id).is_some(),
            "actor" => self.kb.actor(&key.id).is_some(),
            _ => self.kb.all_facts().any(|f| f.id() == key.id),
        }
    }
}

/// A cached response: content type and body.
#[derive(Clone)]
pub struct Cached {
    pub content_type: &'static str,
    pub body: Bytes,
}

/// Responses of GET queries, per snapshot (the knowledge base is immutable between edits, so a
/// query string always gives the same answer — until the day changes, since series end "today").
#[derive(Default)]
pub struct ResponseCache {
    inner: Mutex<(Option<Day>, HashMap<String, Cached>)>,
}

/// Entries kept per snapshot; past that the cache starts over (a bound against memory abuse by
/// endless distinct query strings).
const CACHE_ENTRIES: usize = 4096;
/// Bodies larger than this are not kept.
pub const CACHE_MAX_BODY: usize = 1 << 20;

impl ResponseCache {
    pub fn get(&self, key: &str) -> Option<Cached> {
        let guard = self.inner.lock().ok()?;
        if guard.0 != Some(today()) {
            return None;
        }
        guard.1.get(key).cloned()
    }

    pub fn put(&self, key: String, value: Cached) {
        let Ok(mut guard) = self.inner.lock() else { return };
        let day = today();
        if guard.0 != Some(day) || guard.1.len() >= CACHE_ENTRIES {
            guard.1.clear();
            guard.0 = Some(day);
        }
        guard.1.insert(key, value);
    }
}

/// Today, from the system clock (the default end of a series).
pub fn today() -> Day {
    Day::today()
}

/// Where edits are kept.
pub struct Store {
    pub dir: PathBuf,
    pub path: PathBuf,
}

impl Store {
    pub fn new(dir: PathBuf) -> Store {
        let path = dir.join("edits.toml");
        Store { dir, path }
    }
}

/// Why the dataset (with the edits) cannot be served.
#[derive(Debug)]
pub enum LoadError {
    Io(String),
    Shape(String),
    Invalid(Vec<Diagnostic>),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Io(m) | LoadError::Shape(m) => f.write_str(m),
            LoadError::Invalid(d) => {
                for x in d.iter().take(5) {
                    f.write_str(&x.render())?;
                }
                write!(f, "the dataset has {} error(s)", d.len())
            }
        }
    }
}

impl From<ShapeError> for LoadError {
    fn from(e: ShapeError) -> LoadError {
        LoadError::Shape(e.0)
    }
}

/// Imported datasets (ATOP, UN votes, SIPRI) and the event data of a data directory, opened at
/// start and only read (the CLI opens its data directory the same way).
pub use entente_analysis::DataDir;

/// The server's state.
pub struct AppState {
    current: ArcSwap<Snapshot>,
    /// The base dataset's files (shipped, `--data` or `--with`), before edits.
    base: Vec<Input>,
    pub store: Option<Store>,
    pub token: Option<String>,
    pub config: DepthConfig,
    pub data: DataDir,
    /// The datasets' evidence: the shipped tables, or the data directory's imports.
    pub tables: entente_analysis::DatasetTables,
    /// Serialises edits: one change is validated, written and swapped in at a time.
    write: Mutex<()>,
    generation: AtomicU64,
}

pub type App = Arc<AppState>;

/// A change to the edits.
pub enum Change {
    /// Add the records of a submission.
    Add { text: String },
    /// Replace the record `key` with the submission's record; `source`, when given, is one
    /// `[[source]]` the record cites, added in the same change (a correction from an article).
    Replace {
        key: Key,
        text: String,
        source: Option<String>,
    },
    /// Remove the record `key` (from the edits, or from the base by listing it in `replaces`).
    Remove { key: Key },
}

/// The outcome of an accepted change.
#[derive(serde::Serialize)]
pub struct Applied {
    pub generation: u64,
    pub added: Vec<RecordRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replaced: Option<Key>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub removed: Option<Key>,
    /// Warnings on the submission (the change was accepted).
    pub warnings: Vec<Diagnostic>,
}

/// Why a change was refused.
pub enum Refused {
    /// The record `key` does not exist.
    Unknown(Key),
    /// The submission is not a set of records.
    Shape(String),
    /// Validation failed: every error, with its position.
    Invalid(Vec<Diagnostic>),
    /// The edits could not be saved: nothing changed.
    Io(String),
    /// Edits are not enabled (no user data directory).
    NoStore,
}

/// The name the submission has in diagnostics.
pub const REQUEST_NAME: &str = "request.toml";

impl AppState {
    /// Loads the base and the user's edits; fails with the diagnostics if they do not validate.
    pub fn new(
        base: Vec<Input>,
        store: Option<Store>,
        token: Option<String>,
        config: DepthConfig,
    ) -> Result<AppState, LoadError> {
        let edits = match &store {
            Some(s) => {
                edits::clean_temporaries(&s.dir);
                EditsFile::read(&s.path).map_err(|e| LoadError::Io(format!("cannot read {}: {e}", s.path.display())))?
            }
            None => EditsFile::default(),
        };
        let snapshot = build(&base, store.as_ref(), edits, 0)?;
        let tables = entente_analysis::DatasetTables::shipped().map_err(|e| LoadError::Io(e.to_string()))?;
        Ok(AppState {
            current: ArcSwap::from_pointee(snapshot),
            base,
            store,
            token,
            config,
            data: DataDir::default(),
            tables,
            write: Mutex::new(()),
            generation: AtomicU64::new(0),
        })
    }

    /// The same state reading imported datasets and events from `data`. SIPRI deals are linked
    /// to the curated transfers of the data as loaded (a transfer added by an edit later is not
    /// linked until the server restarts).
    pub fn with_data(mut self, data: DataDir) -> Result<AppState, entente_analysis::evidence::EvidenceError> {
        let kb = &self.snapshot().kb;
        self.tables = data.tables(kb)?;
        self.data = data;
        Ok(self)
    }

    /// The current snapshot.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.current.load_full()
    }

    pub fn writable(&self) -> bool {
        self.token.is_some() && self.store.is_some()
    }

    /// Validates a change against the base and the current edits, saves the new edits file
    /// atomically and swaps the knowledge base. Blocking: call from a blocking thread. Runs to
    /// completion once started (its caller may have gone).
    pub fn apply(&self, change: Change) -> Result<Applied, Refused> {
        let store = self.store.as_ref().ok_or(Refused::NoStore)?;
        let _guard = self
            .write
            .lock()
            .map_err(|_| Refused::Io("the edit lock is poisoned".into()))?;
        let snap = self.snapshot();
        let shape = |e: ShapeError| Refused::Shape(e.0);
        let (edits, submission, replaced, removed) = match change {
            Change::Add { text } => (snap.edits.clone(), Some(text), None, None),
            Change::Replace { key, .. } | Change::Remove { key } if !snap.has(&key) => {
                return Err(Refused::Unknown(key));
            }
            Change::Replace { key, text, source } => {
                let edits = self.without(&snap, &key).map_err(shape)?;
                let text = match source {
                    Some(src) => format!("{}\n\n{}", src.trim_end(), text),
                    None => text,
                };
                (edits, Some(text), Some(key), None)
            }
            Change::Remove { key } => {
                let edits = self.without(&snap, &key).map_err(shape)?;
                (edits, None, None, Some(key))
            }
        };
        let mut added = Vec::new();
        let mut warnings = Vec::new();
        let new_edits = match &submission {
            Some(text) => {
                if let Some(recs) = edits::check_submission(text).map_err(shape)? {
                    added = recs;
                    if let Some(key) = &replaced {
                        // One record of the key's kind; with a fact, at most one source beside it.
                        let (sources, rest): (Vec<&RecordRef>, Vec<&RecordRef>) =
                            added.iter().partition(|r| key.ns == "fact" && r.kind == "source");
                        if rest.len() != 1 || rest[0].key().ns != key.ns || sources.len() > 1 {
                            return Err(Refused::Shape(format!(
                                "a correction of {key} is one record of the same kind ({} sent)",
                                added.len()
                            )));
                        }
                    }
                }
                // Validate with the submission as its own file, so that positions point into it.
                let report = self.validate(&edits, Some(text))?;
                warnings = report
                    .diagnostics
                    .into_iter()
                    .filter(|d| d.severity == Severity::Warning && d.file == REQUEST_NAME)
                    .collect();
                edits.with_added(text, &edits::timestamp())
            }
            None => {
                self.validate(&edits, None)?;
                edits
            }
        };
        let generation = self.generation.load(Ordering::SeqCst) + 1;
        let snapshot = build(&self.base, Some(store), new_edits.clone(), generation).map_err(|e| match e {
            LoadError::Invalid(d) => Refused::Invalid(d),
            other => Refused::Shape(other.to_string()),
        })?;
        edits::write_atomically(&store.path, new_edits.text.as_bytes())
            .map_err(|e| Refused::Io(format!("cannot save {}: {e}", store.path.display())))?;
        self.generation.store(generation, Ordering::SeqCst);
        self.current.store(Arc::new(snapshot));
        Ok(Applied {
            generation,
            added,
            replaced,
            removed,
            warnings,
        })
    }

    /// The edits without `key`: removed from the edits file if declared there, otherwise listed
    /// in `replaces` (so the base record is left out).
    fn without(&self, snap: &Snapshot, key: &Key) -> Result<EditsFile, ShapeError> {
        if snap.in_edits(key) {
            if let Some(e) = snap.edits.without(key)? {
                return Ok(e);
            }
        }
        snap.edits.replacing(key)
    }

    fn validate(&self, edits: &EditsFile, submission: Option<&str>) -> Result<entente_facts::Report, Refused> {
        let inputs = inputs(&self.base, self.store.as_ref(), edits).map_err(|e| Refused::Shape(e.0))?;
        let mut inputs = inputs;
        if let Some(text) = submission {
            inputs.push(Input {
                name: REQUEST_NAME.into(),
                bytes: text.as_bytes().to_vec(),
            });
        }
        let report = entente_facts::load(inputs);
        if report.errors() > 0 {
            let errors = report
                .diagnostics
                .into_iter()
                .filter(|d| d.severity == Severity::Error)
                .collect();
            return Err(Refused::Invalid(errors));
        }
        Ok(report)
    }
}

/// The files to load: the base without replaced records, then the edits file.
fn inputs(base: &[Input], store: Option<&Store>, edits: &EditsFile) -> Result<Vec<Input>, ShapeError> {
    let replaces = edits.replaces()?;
    let (mut inputs, _missing) = edits::drop_records(base, &replaces);
    if !edits.text.trim().is_empty() {
        let name = store.map_or_else(|| "edits.toml".to_string(), |s| s.path.display().to_string());
        inputs.push(Input {
            name,
            bytes: edits.fact_text().into_bytes(),
        });
    }
    Ok(inputs)
}

fn build(base: &[Input], store: Option<&Store>, edits: EditsFile, generation: u64) -> Result<Snapshot, LoadError> {
    let files = inputs(base, store, &edits)?;
    let replaces = edits.replaces()?;
    let dataset = entente_facts::load(files.clone())
        .into_result()
        .map_err(LoadError::Invalid)?;
    Ok(Snapshot {
        kb: KnowledgeBase::new(dataset),
        generation,
        edit_records: edits.records(),
        replaces,
        edits,
        files,
        cache: ResponseCache::default(),
    })
}
