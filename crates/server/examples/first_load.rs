//! The dashboard's first load, measured in headless Chromium: for each run a new browser context
//! (empty cache), open the page, wait until the view is ready (data fetched and drawn), and read
//! the browser's own timings. Prints the median and the worst run.
//!
//! `cargo run --release -p entente-server --example first_load -- http://127.0.0.1:8787/ [RUNS] [HASH]`
//! (scripts/bench_serve.sh runs it).

#[path = "../tests/support/cdp.rs"]
#[allow(dead_code)]
mod cdp;

fn main() {
    // Errors return through `run`, so that the browser is closed (by its Drop) before exiting.
    if let Err((code, e)) = run() {
        eprintln!("first_load: {e}");
        std::process::exit(code);
    }
}

fn run() -> Result<(), (i32, String)> {
    let mut args = std::env::args().skip(1);
    let base = args.next().unwrap_or_else(|| "http://127.0.0.1:8787/".into());
    let runs: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(10);
    let hashes: Vec<String> = match args.next() {
        Some(h) => vec![h],
        None => vec!["".into(), "#/dyad/NATO/KOR".into()],
    };
    let chromium =
        cdp::find_chromium().ok_or((2, "Chromium is not installed (apt-get install chromium)".to_string()))?;
    let mut b = cdp::Browser::launch(&chromium, 1360, 1000).map_err(|e| (2, e))?;
    // The same browser on the same machine loading a static file: what any page costs here.
    let mut base_load = Vec::new();
    for _ in 0..runs {
        let t = (|| -> Result<f64, String> {
            b.fresh_page()?;
            b.goto(&format!("{base}assets/favicon.svg"))?;
            let v = b.wait_for(
                "performance.getEntriesByType('navigation')[0]?.loadEventEnd > 0 && \
                 performance.getEntriesByType('navigation')[0].loadEventEnd",
                "the static file",
            )?;
            Ok(v.as_f64().unwrap_or(f64::NAN))
        })();
        base_load.push(t.map_err(|e| (1, e))?);
    }
    base_load.sort_by(f64::total_cmp);
    println!(
        "baseline (a static file, /assets/favicon.svg): load event median {:.0} ms ({runs} runs)",
        base_load[base_load.len() / 2]
    );
    for hash in hashes {
        let mut ready = Vec::new();
        let mut load = Vec::new();
        for _ in 0..runs {
            let measured = (|| -> Result<(f64, f64), String> {
                b.fresh_page()?;
                b.goto(&format!("{base}{hash}"))?;
                let t = b.wait_for(
                    "document.querySelector('main')?.dataset.state === 'ready' && \
                     performance.getEntriesByName('entente-ready').length && \
                     performance.getEntriesByType('navigation')[0].loadEventEnd > 0 && \
                     [performance.getEntriesByName('entente-ready')[0].startTime, \
                      performance.getEntriesByType('navigation')[0].loadEventEnd]",
                    "the view",
                )?;
                Ok((t[0].as_f64().unwrap_or(f64::NAN), t[1].as_f64().unwrap_or(f64::NAN)))
            })();
            let (r, l) = measured.map_err(|e| (1, e))?;
            ready.push(r);
            load.push(l);
        }
        let stats = |v: &mut Vec<f64>| {
            v.sort_by(f64::total_cmp);
            (v[v.len() / 2], v[v.len() - 1])
        };
        let (rm, rw) = stats(&mut ready);
        let (lm, lw) = stats(&mut load);
        let page = if hash.is_empty() { "/" } else { hash.as_str() };
        println!(
            "first load of {page}: ready (data fetched and drawn) median {rm:.0} ms, worst {rw:.0} ms; \
             load event median {lm:.0} ms, worst {lw:.0} ms ({runs} runs, empty cache each)"
        );
    }
    Ok(())
}
