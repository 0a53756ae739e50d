//! entente-events: coded political event data (GDELT 1.0 and 2.0, ICEWS, POLECAT, read by
//! `entente-event-readers`, whose modules it re-exports) in a partitioned Parquet lake, with a dyad-day aggregate built during ingest so that dyadic
//! cooperation and conflict series come back in milliseconds without scanning events.
//!
//! Why a crate of its own: event data is bulk data (hundreds of millions of rows) while the rest of
//! entente is a small curated knowledge base. The readers (`entente-event-readers`: [`gdelt`],
//! [`icews`], [`polecat`], [`actors`], [`cameo`]) turn the published files into typed records;
//! this crate writes the lake ([`lake`]): events and
//! dyad-day Parquet files partitioned by source and month, committed atomically through a
//! manifest so that an ingest killed at any point and rerun gives the same lake. [`query`] answers
//! dyadic series, top counterparts and type breakdowns from the dyad-day table alone; [`data`]
//! is the question set ([`EventData`]) that the lake and a Ballista cluster both answer;
//! a [`synthetic::Synthetic`] source (`entente-event-gen`'s generator of realistic GDELT 2.0 data,
//! a crate of its own) is ingested without a file in between.
//!
//! It depends on arrow and parquet (the versions DataFusion uses, so the workspace builds one
//! arrow) and, for the workspace's one atomic write, `entente-store`; SQL over the lake lives in
//! `entente-sql`, so that this crate builds in minutes.

// The readers, from their own crate, under the paths they always had here.
pub use entente_event_readers::{actors, cameo, day, dedup, gdelt, icews, lines, polecat, record, synthetic};

pub mod data;
mod dyadindex;
pub mod error;
pub mod lake;
pub mod query;
pub mod render;
pub mod schema;

pub use actors::{ActorId, Resolver};
pub use data::{EventData, QueryError};
pub use day::{Day, Month};
pub use error::{Error, ReadError, Result};
pub use lake::{stage, IngestOptions, IngestReport, Lake, LakeStats, Phase, Progress, SourceKind, Staging};
pub use query::{Breakdown, Counterpart, Counts, Granularity, Membership, SeriesQuery, SeriesRow, SideSpec};
pub use record::{Event, EventRecord, ReadReport, Rejection};
