//! The entente data model: what a security partnership is made of.
//!
//! Plain types and no I/O, so that every other crate (the fact-file loader, the knowledge base,
//! importers, analyses, surfaces) speaks the same language:
//!
//! - [`Actor`]s: states, alliances, their bodies, agencies, companies, operations, groupings and
//!   people, with their standard codes and the names people use for them;
//! - [`Relation`]s that hold over an [`Interval`] (memberships, partnership programmes, treaties,
//!   deployments);
//! - [`Event`]s on a [`PartialDate`] (summits, signings, invasions), typed with PLOVER;
//! - arms [`Transfer`]s;
//! - [`Driver`]s that push a partnership, with the indicators that would show them;
//! - [`Source`]s: every fact cites at least one, as FollowTheMoney's statements do.

mod date;
mod facts;
mod vocab;

pub use date::{
    check_day_range, check_range, check_year_range, days_in_month, DateError, Day, Interval, PartialDate, Precision,
    ReversedRange,
};
pub use facts::*;
pub use vocab::{
    ActorKind, Dimension, Direction, DriverKind, EventKind, Instrument, Plover, RelationKind, TransferStatus,
    Vocabulary, WeaponCategory,
};
