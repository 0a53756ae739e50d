//! entente-event-readers: coded political event data as it is published — GDELT 1.0 and 2.0
//! ([`gdelt`]), ICEWS ([`icews`]) and POLECAT ([`polecat`]) — read into typed records
//! ([`record`]): streaming, exact row accounting with line numbers, never a panic on bad input.
//! Actor codes resolve to entente actor ids ([`actors`]), CAMEO maps to PLOVER ([`cameo`]), and
//! events already seen are dropped by their ids ([`dedup`]).
//!
//! Storing and querying what is read is `entente-events` (the Parquet lake), which re-exports
//! these modules; this crate has no arrow or parquet in its build.

pub mod actors;
pub mod cameo;
pub mod day;
pub mod dedup;
pub mod error;
pub mod gdelt;
pub mod icews;
pub mod lines;
pub mod polecat;
pub mod record;
pub mod synthetic;

pub use actors::{ActorId, Resolver};
pub use day::{Day, Month};
pub use error::{Error, Result};
pub use record::{Event, EventRecord, ReadReport, Rejection};
