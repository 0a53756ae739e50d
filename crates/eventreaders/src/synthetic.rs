//! Events made rather than read: a source the lake can ingest without a file in between
//! (`entente-event-gen`'s generator, for lakes too large for a text file).

use crate::actors::Resolver;
use crate::record::Event;

/// A synthetic source of events, addressed by row: rows `at..at + n` can be made on their own
/// (so that ingest makes blocks in parallel), and the same source always makes the same rows.
pub trait Synthetic: Send + Sync {
    /// The input's name in the lake's manifest, for `rows` rows.
    fn name(&self, rows: u64) -> String;
    /// Identifies the source and its parameters: two sources with one fingerprint make the same
    /// events (part of a generated input's identity in the lake).
    fn fingerprint(&self) -> String;
    /// Rows `at..at + n` as events, each given to `sink` (exactly what reading them as a file
    /// would give).
    fn events(&self, at: u64, n: u64, res: &Resolver, sink: &mut dyn FnMut(&Event<'_>));
}
