//! In-process timings of the datasets-as-evidence path (issue 14), printed as JSON for
//! `scripts/bench_evidence.py`, which runs pandas on the same files beside it:
//!
//! ```sh
//! cargo run --release -p entente-report --example evidence_bench -- DATA_DIR RUNS
//! ```
//!
//! - `load`: the shipped knowledge base (parse and validate the fact files) and the evidence
//!   tables with every dataset imported in DATA_DIR (ATOP, UN votes, the SIPRI register, linked to
//!   the curated transfers);
//! - `brief`: the whole brief for each of five pairs, the tables already loaded (as a server holds
//!   them);
//! - `partners`: every counterpart of the ROK ranked on 2024-12-31.
//!
//! Each figure is the median of RUNS runs, in milliseconds.

use entente_analysis::{default_peers, DatasetTables, DepthConfig, Sources};
use entente_kb::KnowledgeBase;
use entente_model::PartialDate;
use std::time::Instant;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (f64, T) {
    let mut out = None;
    let times = (0..runs.max(1))
        .map(|_| {
            let t = Instant::now();
            out = Some(f());
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    (median(times), out.expect("at least one run"))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().ok_or("usage: evidence_bench DATA_DIR [RUNS]")?;
    let runs: usize = args.next().map_or(Ok(10), |r| r.parse())?;
    let store = entente_store::Store::open(&dir)?;
    let (load_ms, (kb, tables)) = time(runs, || {
        let kb = KnowledgeBase::new(
            entente_facts::load(entente_facts::shipped())
                .into_result()
                .expect("shipped data"),
        );
        let tables = DatasetTables::load(&kb, Some(&store)).expect("tables");
        (kb, tables)
    });
    let cfg = DepthConfig::shipped();
    let from = PartialDate::parse("2000")?.earliest();
    let to = PartialDate::parse("2025-10")?.latest();
    let mut briefs = Vec::new();
    for (a, b) in [
        ("USA", "KOR"),
        ("NATO", "JPN"),
        ("CHN", "RUS"),
        ("EU", "KOR"),
        ("POL", "KOR"),
    ] {
        if kb.actor(a).is_none() || kb.actor(b).is_none() {
            continue;
        }
        let (ms, html) = time(runs, || {
            let req = entente_report::brief::BriefRequest {
                a,
                b,
                from,
                to,
                peers: default_peers(&kb, b, to),
                config: &cfg,
                lake: None,
                store: Some(&store),
                tables: Some(&tables),
            };
            entente_report::brief::render(&kb, &req).expect("brief")
        });
        briefs.push(format!(
            "{{\"pair\": \"{a} {b}\", \"ms\": {ms:.2}, \"bytes\": {}}}",
            html.len()
        ));
    }
    let sources = Sources {
        tables: Some(&tables),
        lake: None,
    };
    let (partners_ms, ranking) = time(runs, || {
        entente_analysis::partners(&kb, "KOR", to, &cfg, &sources).expect("partners")
    });
    println!(
        "{{\"load_ms\": {load_ms:.2}, \"briefs\": [{}], \"partners_ms\": {partners_ms:.2}, \"partners\": {}, \"first\": \"{}\"}}",
        briefs.join(", "),
        ranking.partners.len(),
        ranking.partners.first().map_or("", |p| p.id.as_str())
    );
    Ok(())
}
