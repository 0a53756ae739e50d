//! `entente propose` over a folder of articles, as a use case: each article's drafts
//! (`entente_claims::propose`, with the datasets' evidence) written to a proposals directory, one
//! fact file per article, so that proposing the same articles again brings nothing back.
//!
//! What counts as proposed before: the keys of the directory's ledger (`entente_store::ledger`),
//! and the records its drafts declare (a lost ledger does not bring them back twice; those drafts
//! are recorded in it again). A draft deleted from the directory is *dismissed*. An article's
//! source is declared once: not when the data or a file of the directory declares it. The caller
//! holds the directory for the batch ([`entente_store::ledger::lock_run`]).

use crate::DatasetTables;
use entente_claims::propose::{
    declared, holds, propose, standing, Action, ArticleInfo, ArticleProposals, Proposal, Standing,
};
use entente_claims::{Article, Extractor};
use entente_kb::KnowledgeBase;
use entente_model::{Day, PartialDate};
use entente_store::ledger::{Ledger, LedgerError};
use serde::Serialize;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// How a batch runs.
#[derive(Clone, Debug)]
pub struct Batch<'a> {
    /// The proposals directory.
    pub out: &'a Path,
    /// Show what would be proposed; write nothing.
    pub dry_run: bool,
    /// The publication date of an article that gives none.
    pub date: Option<PartialDate>,
    /// What the user says of the article (one article only: its address, title, publisher).
    pub over: ArticleInfo,
    /// The day the drafts are proposed.
    pub today: Day,
}

/// The batch's counts.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Summary {
    pub articles: usize,
    pub claims: usize,
    /// Written now.
    pub new: usize,
    pub corrections: usize,
    /// Claims the data already holds.
    pub known: usize,
    /// Drafts that repeat another of this run (in one article or across articles).
    pub duplicates: usize,
    /// Proposed by an earlier run, its draft still in the directory.
    pub pending: usize,
    /// Proposed by an earlier run, its draft deleted from the directory since (dismissed).
    pub dismissed: usize,
    /// Proposed before and accepted into the data since.
    pub accepted: usize,
    /// Proposed before and rejected by a reviewer.
    pub rejected: usize,
    /// Claims left out (denied, hedged, future, undated, no counterpart, no draft for the kind).
    pub left_out: usize,
    /// Articles that could not be proposed from, and why.
    pub errors: Vec<String>,
    /// The directory written to (none in a dry run).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub out: Option<String>,
}

/// One proposal, with its article and where it stands.
#[derive(Clone, Debug, Serialize)]
pub struct Row {
    pub article: String,
    pub standing: Standing,
    /// The file it was written to, for a fresh proposal.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    #[serde(flatten)]
    pub proposal: Proposal,
}

/// What a batch did.
#[derive(Clone, Debug, Serialize)]
pub struct BatchReport {
    pub summary: Summary,
    pub proposals: Vec<Row>,
}

/// Why a batch stopped (an article that cannot be proposed from does not stop it: it is counted
/// in the summary's errors).
#[derive(Debug)]
pub enum BatchError {
    Ledger(LedgerError),
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A file of the directory that is not a fact file.
    Draft {
        path: PathBuf,
        message: String,
    },
}

impl std::fmt::Display for BatchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BatchError::Ledger(e) => write!(f, "{e}"),
            BatchError::Io { path, source } => write!(f, "{}: {source}", path.display()),
            BatchError::Draft { path, message } => write!(f, "{}: {message}", path.display()),
        }
    }
}

impl std::error::Error for BatchError {}

impl From<LedgerError> for BatchError {
    fn from(e: LedgerError) -> BatchError {
        BatchError::Ledger(e)
    }
}

/// The fact ids and source ids the drafts of a proposals directory declare (its `*.toml`).
pub fn drafts_in(dir: &Path) -> Result<(BTreeSet<String>, BTreeSet<String>), BatchError> {
    let (mut ids, mut sources) = (BTreeSet::new(), BTreeSet::new());
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok((ids, sources)),
        Err(source) => {
            return Err(BatchError::Io {
                path: dir.to_path_buf(),
                source,
            })
        }
    };
    for e in entries.flatten() {
        let path = e.path();
        let regular = e.file_type().is_ok_and(|t| t.is_file());
        if !regular || path.extension().is_none_or(|x| x != "toml") {
            continue;
        }
        let text = std::fs::read_to_string(&path).map_err(|source| BatchError::Io {
            path: path.clone(),
            source,
        })?;
        let (f, s) = declared(&text).map_err(|e| BatchError::Draft {
            path: path.clone(),
            message: e.to_string(),
        })?;
        ids.extend(f);
        sources.extend(s);
    }
    Ok((ids, sources))
}

/// The file an article's drafts go to: `<source id>.toml`, or `-2`, `-3` … beside it when an
/// earlier run wrote that one.
fn free_name(dir: &Path, stem: &str) -> PathBuf {
    let first = dir.join(format!("{stem}.toml"));
    if !first.exists() {
        return first;
    }
    (2..)
        .map(|n| dir.join(format!("{stem}-{n}.toml")))
        .find(|p| !p.exists())
        .unwrap_or(first)
}

/// Proposes from `inputs` (name, bytes) into the batch's directory; `progress` is told how many
/// articles were read so far.
pub fn propose_batch(
    kb: &KnowledgeBase,
    extractor: &Extractor,
    tables: &DatasetTables,
    inputs: &[(String, Vec<u8>)],
    batch: &Batch,
    progress: &mut dyn FnMut(usize),
) -> Result<BatchReport, BatchError> {
    let out = batch.out;
    let ledger = Ledger::read(out)?;
    let (on_disk, mut sources_on_disk) = drafts_in(out)?;
    let unknown: Vec<String> = on_disk
        .iter()
        .filter(|id| !holds(&ledger.proposed, id))
        .flat_map(|id| [id.clone(), format!("{id}@on-disk")])
        .collect();
    let mut proposed = ledger.proposed.clone();
    proposed.extend(unknown.iter().cloned());
    if !batch.dry_run && !unknown.is_empty() {
        Ledger::update(out, |l| l.proposed.extend(unknown))?;
    }
    let mut summary = Summary {
        articles: inputs.len(),
        out: (!batch.dry_run).then(|| out.display().to_string()),
        ..Summary::default()
    };
    let mut results: Vec<ArticleProposals> = Vec::new();
    for (i, (name, bytes)) in inputs.iter().enumerate() {
        progress(i);
        let a = Article::dated(name, bytes, batch.date);
        let info = ArticleInfo::read(&a).overridden(&batch.over);
        match propose(kb, extractor, Some(tables), &a, &info, batch.today) {
            Ok(p) => results.push(p),
            Err(e) => summary.errors.push(e.to_string()),
        }
    }
    let before = proposed.clone();
    let mut rows = Vec::new();
    for p in &results {
        summary.claims += p.claims;
        summary.known += p.known.len();
        summary.left_out += p.left.len();
        summary.duplicates += p.proposals.iter().map(|x| x.also.len()).sum::<usize>();
        let mut fresh = Vec::new();
        let mut standings = Vec::new();
        for prop in &p.proposals {
            let s = standing(
                kb,
                prop,
                &p.source_id,
                &proposed,
                ledger.rejected.contains_key(&prop.key),
            );
            if s == Standing::Fresh {
                // Later drafts of the batch see this one as written.
                proposed.insert(prop.key.clone());
            }
            match s {
                Standing::Fresh => fresh.push(prop),
                // Proposed by an earlier run: its draft waits in the directory, or the reviewer
                // deleted it (which dismisses it).
                Standing::Pending if on_disk.contains(&prop.id) => summary.pending += 1,
                Standing::Pending if before.contains(&prop.key) => summary.dismissed += 1,
                Standing::Pending => summary.duplicates += 1,
                Standing::Accepted => summary.accepted += 1,
                Standing::Rejected => summary.rejected += 1,
            }
            standings.push(s);
        }
        summary.new += fresh.len();
        summary.corrections += fresh
            .iter()
            .filter(|x| matches!(x.action, Action::Correction { .. }))
            .count();
        let mut file = None;
        if !fresh.is_empty() && !batch.dry_run {
            let with_source = kb.source(&p.source_id).is_none() && !sources_on_disk.contains(&p.source_id);
            let mut text = p.file_text(&fresh);
            if !with_source {
                text = text.replacen(&p.source, "", 1);
            }
            let path = free_name(out, &p.source_id);
            entente_store::write_atomically(&path, text.as_bytes()).map_err(|e| BatchError::Io {
                path: e.path,
                source: e.source,
            })?;
            sources_on_disk.insert(p.source_id.clone());
            // The ledger after each file, merged with what others (a reviewer) wrote meanwhile.
            Ledger::update(out, |l| l.proposed.extend(fresh.iter().map(|x| x.key.clone())))?;
            file = Some(path.display().to_string());
        }
        for (prop, s) in p.proposals.iter().zip(standings) {
            rows.push(Row {
                article: p.article.clone(),
                standing: s,
                file: (s == Standing::Fresh).then(|| file.clone()).flatten(),
                proposal: prop.clone(),
            });
        }
    }
    Ok(BatchReport {
        summary,
        proposals: rows,
    })
}
