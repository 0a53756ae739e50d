//! Computes Signorino–Ritter S (unweighted, valued ATOP ties) for every pair of COW system
//! states in every year 1816–2016 from the ATOP member-level file, and prints the timings.
//!
//! ```sh
//! cargo run --release -p entente-measures --example s_panel -- [atop-member-level.csv] [--repeat N] [--dump-system FILE]
//! ```
//!
//! The timed part is everything from opening the file to the last S: reading, building the
//! portfolios, and the panel. It runs `--repeat` times (default 10) and reports the fastest run,
//! so that a busy machine's preemptions do not count. `scripts/bench_atop.py` runs this beside a plain pandas/numpy
//! implementation of the same formula and compares the checksums.

use entente_datasets::atop::read_members;
use entente_measures::alliance::{AlliancePanel, System, Valuation};
use std::io::{BufReader, Write};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/fixtures/atop/atop-member-level.csv"
    )
    .to_string();
    let mut dump = None;
    let mut repeat = 10usize;
    while let Some(a) = args.next() {
        if a == "--dump-system" {
            dump = args.next();
        } else if a == "--repeat" {
            repeat = args.next().and_then(|n| n.parse().ok()).unwrap_or(repeat).max(1);
        } else {
            path = a;
        }
    }
    let system = System::cow2016();
    if let Some(out) = dump {
        // The system as (year, COW code) rows, so a peer implementation uses the same N.
        let mut f = std::io::BufWriter::new(std::fs::File::create(out)?);
        writeln!(f, "year,ccode")?;
        for y in 1816..=2016 {
            for c in system.states(y) {
                writeln!(f, "{y},{c}")?;
            }
        }
    }

    let mut best: Option<[f64; 4]> = None;
    let mut result = (String::new(), 0usize, 0.0f64, f64::INFINITY);
    for _ in 0..repeat {
        let t0 = Instant::now();
        let (members, report) = read_members(&path, BufReader::new(std::fs::File::open(&path)?))?;
        let t1 = Instant::now();
        let panel = AlliancePanel::build(&members, &system, Valuation::Reference);
        let t2 = Instant::now();
        let (mut n, mut sum, mut min) = (0usize, 0.0f64, f64::INFINITY);
        panel.for_each_s(|_, _, _, s| {
            n += 1;
            sum += s;
            min = min.min(s);
        });
        let t3 = Instant::now();
        let times = [t1 - t0, t2 - t1, t3 - t2, t3 - t0].map(|d| d.as_secs_f64());
        if best.is_none_or(|b| times[3] < b[3]) {
            best = Some(times);
        }
        result = (report.to_string(), n, sum, min);
    }
    let [read, build, s_panel, total] = best.unwrap_or_default();
    let (report, n, sum, min) = result;
    println!("{report}");
    println!("runs {repeat} (fastest shown)");
    println!("read_s {read:.6}");
    println!("build_s {build:.6}");
    println!("panel_s {s_panel:.6}");
    println!("total_s {total:.6}");
    println!("dyad_years {n}");
    println!("checksum {sum:.6}");
    println!("min_s {min:.6}");
    if let Ok(status) = std::fs::read_to_string("/proc/self/status") {
        if let Some(l) = status.lines().find(|l| l.starts_with("VmHWM")) {
            println!("peak_rss {}", l.trim_start_matches("VmHWM:").trim());
        }
    }
    Ok(())
}
