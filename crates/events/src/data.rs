//! Event data as the analyses ask for it. The local lake answers these questions, and so does a
//! Ballista cluster over the same lake (`entente-cluster`): the CLI, the server and the analyses
//! take a `&dyn EventData` and never decide which.

use crate::{Breakdown, Counterpart, Day, Lake, LakeStats, SeriesQuery, SeriesRow, SideSpec, SourceKind};
use std::fmt;

/// Why a question about event data got no answer.
#[derive(Debug)]
pub enum QueryError {
    /// The question cannot be answered as asked (an empty side, an unknown granularity): the
    /// asker's to fix.
    Request(String),
    /// The data or the service that holds it failed (an unreadable lake file, an unreachable
    /// cluster, a lost executor): the operator's to fix.
    Unavailable(String),
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QueryError::Request(m) | QueryError::Unavailable(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for QueryError {}

impl From<crate::Error> for QueryError {
    fn from(e: crate::Error) -> QueryError {
        match e {
            crate::Error::Query(_) => QueryError::Request(e.to_string()),
            _ => QueryError::Unavailable(e.to_string()),
        }
    }
}

/// The questions every analysis asks of event data.
pub trait EventData: Send + Sync {
    /// The dyadic series between two sides (see [`Lake::dyad_series`]).
    fn dyad_series(&self, q: &SeriesQuery) -> Result<Vec<SeriesRow>, QueryError>;

    /// The `n` counterparts of `side` with most events (see [`Lake::top_counterparts`]).
    fn top_counterparts(
        &self,
        side: &SideSpec,
        n: usize,
        from: Option<Day>,
        to: Option<Day>,
        sources: &[SourceKind],
    ) -> Result<Vec<Counterpart>, QueryError>;

    /// Event counts by type between `a` and `b`, or `a` and anyone (see [`Lake::type_breakdown`]).
    fn type_breakdown(
        &self,
        a: &SideSpec,
        b: Option<&SideSpec>,
        from: Option<Day>,
        to: Option<Day>,
        symmetric: bool,
        sources: &[SourceKind],
    ) -> Result<Breakdown, QueryError>;

    /// What the lake holds (its sources and months, for citations), when this machine sees it.
    fn stats(&self) -> Option<LakeStats>;

    /// Where answers are computed, when not on this machine (said at the end of a table).
    fn place(&self) -> Option<String> {
        None
    }
}

impl EventData for Lake {
    fn dyad_series(&self, q: &SeriesQuery) -> Result<Vec<SeriesRow>, QueryError> {
        Ok(Lake::dyad_series(self, q)?)
    }

    fn top_counterparts(
        &self,
        side: &SideSpec,
        n: usize,
        from: Option<Day>,
        to: Option<Day>,
        sources: &[SourceKind],
    ) -> Result<Vec<Counterpart>, QueryError> {
        Ok(Lake::top_counterparts(self, side, n, from, to, sources)?)
    }

    fn type_breakdown(
        &self,
        a: &SideSpec,
        b: Option<&SideSpec>,
        from: Option<Day>,
        to: Option<Day>,
        symmetric: bool,
        sources: &[SourceKind],
    ) -> Result<Breakdown, QueryError> {
        Ok(Lake::type_breakdown(self, a, b, from, to, symmetric, sources)?)
    }

    fn stats(&self) -> Option<LakeStats> {
        Some(Lake::stats(self))
    }
}
