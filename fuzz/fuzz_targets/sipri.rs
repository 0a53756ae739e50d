//! The SIPRI trade-register reader must never panic, whatever the bytes, and must account for
//! every record it reads.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok((deals, report)) = entente_datasets::sipri::read("fuzz.csv", data, &mut |_| {}) {
        assert_eq!(report.rows_read, report.kept + report.rejected.len());
        assert_eq!(deals.len(), report.kept);
    }
});
