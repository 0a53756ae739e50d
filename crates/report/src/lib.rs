//! Surfaces for analysis results that are documents rather than terminal text: SVG charts drawn
//! by entente itself ([`charts`], on the small writer in [`svg`]) and the analytic brief.

pub mod alignment;
pub mod error;
pub use error::Error;
pub mod brief;
pub mod charts;
pub mod svg;
pub mod verify;

/// A score as every surface prints it: with `digits` decimals, or "no data" where no source
/// covers it (never 0).
pub fn score_text(v: Option<f64>, digits: usize) -> String {
    match v {
        Some(v) => format!("{v:.digits$}"),
        None => "no data".into(),
    }
}
