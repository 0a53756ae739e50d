//! Fuzz the ICEWS reader (both header layouts): never a panic, every row accounted for.
#![no_main]

use entente_events::{icews, Resolver};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(res) = Resolver::shipped() else { return };
    // Half the inputs get a valid header so that the row parser is reached.
    let header: &[u8] = b"Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\tIntensity\tTarget Name\tTarget Sectors\tTarget Country\tStory ID\tSentence Number\tPublisher\tCity\tDistrict\tProvince\tCountry\tLatitude\tLongitude\n";
    let input: Vec<u8> = if data.first().is_some_and(|b| b % 2 == 0) { [header, data].concat() } else { data.to_vec() };
    if let Ok(r) = icews::read(&input[..], "fuzz", &res, |_| {}) {
        assert_eq!(r.rows_read, r.kept + r.rejected + r.duplicates);
    }
});
