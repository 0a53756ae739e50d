//! Fuzz the POLECAT reader: never a panic, every row accounted for.
#![no_main]

use entente_events::{polecat, Resolver};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(res) = Resolver::shipped() else { return };
    let header: &[u8] = b"Event ID\tEvent Date\tEvent Type\tEvent Mode\tQuad Code\tEvent Intensity\tActor Name\tActor Country\tPrimary Actor Sector\tRecipient Name\tRecipient Country\tPrimary Recipient Sector\tCountry\tLatitude\tLongitude\tStory ID\n";
    let input: Vec<u8> = if data.first().is_some_and(|b| b % 2 == 0) { [header, data].concat() } else { data.to_vec() };
    if let Ok(r) = polecat::read(&input[..], "fuzz", &res, |_| {}) {
        assert_eq!(r.rows_read, r.kept + r.rejected + r.duplicates);
    }
});
