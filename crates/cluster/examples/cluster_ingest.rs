//! Times an ingest of GDELT 2.0 files into an empty lake, here (`Lake::ingest`, file after file,
//! as `entente import` does) or on a Ballista cluster (`Cluster::ingest`, one task per file, as
//! `entente import --cluster` does). One JSON object on stdout; `scripts/bench_cluster_ingest.py`
//! runs it for each cluster shape and compares the lakes.
//!
//! ```text
//! cluster_ingest DATA_DIR FILE... [--cluster df://HOST:PORT]
//! ```

use entente_events::{IngestOptions, Lake, SourceKind};
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    if let Err(e) = run() {
        eprintln!("cluster_ingest: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let mut it = std::env::args().skip(1);
    let (mut data, mut files, mut cluster) = (None, Vec::new(), None);
    while let Some(x) = it.next() {
        match x.as_str() {
            "--cluster" => cluster = Some(it.next().ok_or("--cluster URL")?),
            _ if data.is_none() => data = Some(std::path::absolute(&x).map_err(|e| e.to_string())?),
            _ => files.push(PathBuf::from(x)),
        }
    }
    let data = data.ok_or("usage: cluster_ingest DATA_DIR FILE... [--cluster URL]")?;
    let mut lake = Lake::open(&data).map_err(|e| e.to_string())?;
    if lake.stats().inputs > 0 {
        return Err(format!("{}: the lake is not empty", data.display()));
    }
    let t = Instant::now();
    let (events, workers) = match &cluster {
        None => {
            let opts = IngestOptions::default();
            let mut events = 0;
            for f in &files {
                events += lake
                    .ingest(f, SourceKind::Gdelt2, &opts, &mut |_| {})
                    .map_err(|e| e.to_string())?
                    .read
                    .kept;
            }
            (events, 1)
        }
        Some(url) => {
            let c = entente_cluster::Cluster::connect_to_ingest(url, &data, Default::default())
                .map_err(|e| e.to_string())?;
            let opts = entente_cluster::ingest::task_options();
            let done = c
                .ingest(&mut lake, &files, SourceKind::Gdelt2, &opts, &mut |_| {})
                .map_err(|e| e.to_string())?;
            let mut events = 0;
            for f in &done {
                events += f.outcome.as_ref().map_err(|e| e.clone())?.read.kept;
            }
            let workers: std::collections::BTreeSet<&str> = done.iter().map(|f| f.worker.as_str()).collect();
            (events, workers.len())
        }
    };
    let seconds = t.elapsed().as_secs_f64();
    let bytes: u64 = files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    println!(
        "{{\"files\": {}, \"bytes\": {bytes}, \"events\": {events}, \"seconds\": {seconds:.3}, \"workers\": {workers}}}",
        files.len()
    );
    Ok(())
}
