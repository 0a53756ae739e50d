//! Imports a SIPRI trade register and prints the row accounting and the time taken; used by
//! `scripts/bench_sipri.py` to compare with pandas.
//!
//! Usage: `cargo run --release -p entente-datasets --example import_sipri -- [FILE] [--runs N]`
//! (FILE defaults to `../shared/fixtures/sipri/trade-register.csv`). With `--runs N` it imports N
//! times and prints the median; the first line of output (time, row accounting, peak memory) is
//! machine-readable for the script.

use std::fs::File;
use std::io::{BufReader, Write};
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let mut path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/fixtures/sipri/trade-register.csv");
    let mut runs = 1usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--runs" {
            runs = args.next().and_then(|n| n.parse().ok()).unwrap_or(1).max(1);
        } else {
            path = PathBuf::from(a);
        }
    }
    let mut times = Vec::with_capacity(runs);
    let mut last = None;
    for _ in 0..runs {
        // Free the previous run's deals first, so that peak memory is one import's.
        drop(last.take());
        let start = Instant::now();
        let file = match File::open(&path) {
            Ok(f) => f,
            Err(e) => {
                eprintln!("error: {}: {e}", path.display());
                std::process::exit(2);
            }
        };
        let result = entente_datasets::sipri::read(&path.display().to_string(), BufReader::new(file), &mut |_| {});
        times.push(start.elapsed().as_secs_f64() * 1e3);
        match result {
            Ok(r) => last = Some(r),
            Err(e) => {
                eprintln!("error: {e}");
                std::process::exit(1);
            }
        }
    }
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    if let Some((deals, report)) = last {
        let tiv: f64 = deals.iter().filter_map(|d| d.tiv_delivered).sum();
        // Write errors (a closed pipe) are not worth a panic.
        let mut out = std::io::stdout().lock();
        let _ = writeln!(
            out,
            "median_ms={median:.3} runs={runs} rows_read={} kept={} rejected={} peak_rss_kib={}",
            report.rows_read,
            report.kept,
            report.rejected.len(),
            peak_rss_kib().map_or_else(|| "?".to_string(), |k| k.to_string())
        );
        let _ = writeln!(out, "{report}");
        let _ = writeln!(out, "total delivered TIV: {tiv:.2}");
    }
}

/// This process's peak resident set (Linux: VmHWM in /proc/self/status). Measured from inside,
/// because a parent's wait4 figure also counts the parent's memory at fork time.
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
