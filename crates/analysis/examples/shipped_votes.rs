//! Writes `data/datasets/unvotes-agreement.csv`, the yearly UN-vote agreement shipped with
//! entente, from the un-project per-country files (Voeten's data, MIT) of the fixtures:
//!
//! ```sh
//! cargo run -p entente-analysis --example shipped_votes -- ../shared/fixtures/unvotes/732.csv \
//!     ../shared/fixtures/unvotes/731.csv > data/datasets/unvotes-agreement.csv
//! ```
//!
//! One row per pair of entente ids and year: roll calls on which both voted, and of those the same
//! vote, one abstention, yes against no (the counts of `entente align`). A pair held by two files
//! (ROK–DPRK) is written once.

use entente_analysis::evidence::vote_years;
use entente_datasets::codes::Crosswalk;
use std::collections::BTreeSet;
use std::io::Write;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let cw = Crosswalk::shipped()?;
    let mut seen = BTreeSet::new();
    let out = std::io::stdout();
    let mut out = out.lock();
    writeln!(out, "a,b,year,joint,same,one_abstained,opposite")?;
    for path in std::env::args().skip(1) {
        let file = std::fs::File::open(&path).map_err(|e| format!("cannot read {path}: {e}"))?;
        let (file, _) = entente_datasets::unvotes::read_country_file(&path, None, std::io::BufReader::new(file))?;
        for (a, b, y) in vote_years(&file, cw) {
            if seen.insert((a.clone().min(b.clone()), a.clone().max(b.clone()), y.year)) {
                writeln!(
                    out,
                    "{a},{b},{},{},{},{},{}",
                    y.year, y.joint, y.same, y.one_abstained, y.opposite
                )?;
            }
        }
    }
    Ok(())
}
