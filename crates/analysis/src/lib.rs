//! Partnership analytics over the knowledge base.
//!
//! - [`depth`]: a transparent depth index per dyad and date, by dimension (institutional,
//!   political, operational, defence-industrial, cyber, event data), with every value explained
//!   fact by fact;
//! - [`changes`]: change points in the index (penalised mean-shift segmentation, PELT's
//!   objective) with 95% intervals, and the candidate drivers of each change;
//! - [`outlook`]: the drivers and uncertainties bearing on a dyad, with the latest evidence on
//!   each indicator;
//! - [`compare`]: the index of several dyads side by side (peers);
//! - [`partners`]: every counterpart of an actor ranked by depth on a date;
//! - [`evidence`]: the standard datasets (ATOP, SIPRI, UN votes) as evidence beside the curated
//!   facts, with the years each covers, so that "no data" is never shown as zero.
//!
//! Weights, scales and decay live in `config/depth.toml` ([`config`]), which a user can replace.

pub mod changes;
pub mod config;
pub mod data;
pub mod depth;
pub mod events;
pub mod evidence;
pub mod outlook;
pub mod partners;

pub mod alignment;
pub mod link;
pub mod proposals;
pub mod views;

pub use changes::{
    check_index_range, index_changes, series_range, CandidateDriver, ChangePoint, OutOfIndexRange, SeriesRangeError,
    FIRST_INDEX_YEAR,
};
pub use config::{ConfigError, DepthConfig};
pub use data::{DataDir, DataDirError};
pub use depth::{DepthDimension, DepthPoint, DyadDepth, Explanation, Sources, Step};
pub use evidence::DatasetTables;
pub use outlook::{outlook, Outlook};
pub use partners::{partners, Partner, Partners};

use entente_kb::KnowledgeBase;

/// What an analysis can fail on: the event data or the datasets' tables it reads (the questions'
/// own arguments are checked by the surfaces before they ask).
#[derive(Debug)]
pub enum Error {
    /// The event data (the local lake or a cluster) failed, or cannot answer the query as asked.
    Events(entente_events::QueryError),
    /// A dataset table could not be read.
    Evidence(evidence::EvidenceError),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Events(e) => write!(f, "event data: {e}"),
            Error::Evidence(e) => write!(f, "dataset tables: {e}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Events(e) => Some(e),
            Error::Evidence(e) => Some(e),
        }
    }
}

impl From<entente_events::QueryError> for Error {
    fn from(e: entente_events::QueryError) -> Error {
        Error::Events(e)
    }
}

impl From<evidence::EvidenceError> for Error {
    fn from(e: evidence::EvidenceError) -> Error {
        Error::Evidence(e)
    }
}

impl Error {
    /// Whether the fault is in the question (a query the lake cannot answer as asked) rather than
    /// in the data read.
    pub fn is_bad_request(&self) -> bool {
        matches!(self, Error::Events(entente_events::QueryError::Request(_)))
    }
}
use entente_model::Day;
use serde::Serialize;

/// One dyad's series in a comparison.
#[derive(Clone, Debug, Serialize)]
pub struct DyadSeries {
    pub a: String,
    pub b: String,
    /// "NATO – South Korea".
    pub label: String,
    pub series: Vec<DepthPoint>,
}

impl DyadSeries {
    pub fn latest(&self) -> Option<&DepthPoint> {
        self.series.last()
    }

    /// The highest composite value and its date.
    pub fn peak(&self) -> Option<&DepthPoint> {
        self.series
            .iter()
            .filter(|p| p.composite.is_some())
            .max_by(|x, y| x.composite.unwrap_or(0.0).total_cmp(&y.composite.unwrap_or(0.0)))
    }
}

/// The depth index of several dyads over the same dates (peers), with the datasets' evidence and
/// event data from the lake where they hold any for a dyad.
pub fn compare(
    kb: &KnowledgeBase,
    dyads: &[(String, String)],
    cfg: &DepthConfig,
    (from, to, step): (Day, Day, Step),
    sources: &Sources,
) -> Result<Vec<DyadSeries>, Error> {
    dyads
        .iter()
        .map(|(a, b)| {
            Ok(DyadSeries {
                a: a.clone(),
                b: b.clone(),
                label: format!("{} – {}", kb.name_of(a), kb.name_of(b)),
                series: DyadDepth::build_with(kb, a, b, cfg, sources)?.series(from, to, step),
            })
        })
        .collect()
}

/// A–B beside A's ties with peers: the answer of `entente peers` and `/api/peers`.
#[derive(Clone, Debug, serde::Serialize)]
pub struct PeerComparison {
    /// A–B first, then A with each peer.
    pub dyads: Vec<DyadSeries>,
    /// The dimensions to show for all of them: A–B's (`DyadDepth::shown_dimensions`), the rule
    /// every surface follows.
    pub dimensions: Vec<DepthDimension>,
}

/// A–B beside A with each of `peers` (none given: B's fellow members of its groupings at the
/// range's end), over the same dates.
pub fn peers(
    kb: &KnowledgeBase,
    a: &str,
    b: &str,
    mut peers: Vec<String>,
    cfg: &DepthConfig,
    range: (Day, Day, Step),
    sources: &Sources,
) -> Result<PeerComparison, Error> {
    if peers.is_empty() {
        peers = default_peers(kb, b, range.1);
    }
    let mut dyads = vec![(a.to_string(), b.to_string())];
    dyads.extend(
        peers
            .into_iter()
            .filter(|p| p != a && p != b)
            .map(|p| (a.to_string(), p)),
    );
    Ok(PeerComparison {
        dyads: compare(kb, &dyads, cfg, range, sources)?,
        dimensions: DyadDepth::build_with(kb, a, b, cfg, sources)?.shown_dimensions(),
    })
}

/// The change points of a dyad: the answer of `entente changes` and `/api/changes`.
#[derive(Clone, Debug, serde::Serialize)]
pub struct ChangeReport {
    pub a: String,
    pub b: String,
    pub total: usize,
    pub changes: Vec<ChangePoint>,
}

impl ChangeReport {
    /// The change points of `series` (monthly) for A–B, with their candidate drivers.
    pub fn new(kb: &KnowledgeBase, a: &str, b: &str, series: &[DepthPoint], cfg: &DepthConfig) -> ChangeReport {
        let changes = index_changes(kb, a, b, series, cfg);
        ChangeReport {
            a: a.to_string(),
            b: b.to_string(),
            total: changes.len(),
            changes,
        }
    }
}

/// B's fellow members of the smallest groupings it belongs to on `day`: IP4 for the ROK (not the
/// G20 or APEC, of which it is also a member); for Japan both IP4 and the Quad, of four each.
pub fn default_peers(kb: &KnowledgeBase, b: &str, day: Day) -> Vec<String> {
    let groupings: Vec<Vec<&entente_model::Relation>> = kb
        .facts()
        .relations
        .iter()
        .filter(|r| r.kind == entente_model::RelationKind::Membership && r.subject == b && r.interval.contains(day))
        .filter(|r| {
            kb.actor(&r.object)
                .is_some_and(|o| o.kind == entente_model::ActorKind::Grouping)
        })
        .map(|r| kb.members_at(&r.object, day))
        .collect();
    let smallest = groupings.iter().map(Vec::len).min().unwrap_or(0);
    let mut peers: Vec<String> = groupings
        .iter()
        .filter(|members| members.len() == smallest)
        .flatten()
        .map(|m| m.subject.clone())
        .filter(|m| m != b)
        .collect();
    peers.sort();
    peers.dedup();
    peers
}
