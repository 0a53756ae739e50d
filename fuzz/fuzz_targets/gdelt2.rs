//! Fuzz the GDELT 2.0 events reader (and, on the same bytes, the 2.0 mentions reader):
//! any input gives a report, never a panic, and every row is accounted for.
#![no_main]

use entente_events::gdelt::{read_events, read_mentions, GdeltVersion};
use entente_events::Resolver;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(res) = Resolver::shipped() else { return };
    if let Ok(r) = read_events(data, "fuzz", GdeltVersion::V2, &res, |_| {}) {
        assert_eq!(r.rows_read, r.kept + r.rejected);
    }
    if let Ok(r) = read_mentions(data, "fuzz", |_| {}) {
        assert_eq!(r.rows_read, r.kept + r.rejected);
    }
});
