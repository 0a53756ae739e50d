//! Both UN-votes readers (per-country and long layout) must never panic, whatever the bytes, and
//! must account for every row they read.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok((file, report)) = entente_datasets::unvotes::read_country_file("732.csv", None, data) {
        assert_eq!(report.rows_read, report.kept + report.rejected.len());
        assert_eq!(file.rows.len(), report.kept);
    }
    if let Ok((votes, report)) = entente_datasets::unvotes::read_long("votes.csv", data) {
        assert_eq!(report.rows_read, report.kept + report.rejected.len());
        assert_eq!(votes.len(), report.kept);
    }
});
