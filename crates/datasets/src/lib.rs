//! Readers for the field's standard datasets, exactly as they are published.
//!
//! Analysts trust the SIPRI arms-transfers register, the ATOP alliance data and the UN General
//! Assembly voting record. Each reader here takes the published file as it is (encoding, preamble,
//! quirks and all), streams it, and returns typed records together with an [`ImportReport`]: how
//! many rows were read, kept and rejected, with the line number and reason of every rejection.
//! Nothing here panics on bad input; a file that cannot be read at all is an [`ImportError`].
//!
//! Country codes in these files (COW numbers, SIPRI's country names, ISO3) are mapped to entente
//! actor ids through the crosswalk in [`codes`].

pub mod atop;
pub mod codes;
pub mod report;
pub mod sipri;
pub mod unvotes;

pub use report::{ImportError, ImportReport, Rejection};
