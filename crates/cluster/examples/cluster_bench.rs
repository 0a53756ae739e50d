//! Times the lake's queries on a Ballista cluster and locally (entente-sql's DataFusion, and the
//! lake's own dyadic queries), and checks that the answers are the same. One JSON object per
//! query on stdout; `scripts/bench_cluster.py` runs it against clusters of different sizes.
//!
//! ```text
//! cluster_bench DATA_DIR [--cluster df://HOST:PORT] [--repeat N] [--local] [--only NAME,...]
//! ```
//!
//! Without `--cluster`, only the local timings; with `--local`, both.

use entente_events::{Day, EventData, Granularity, Lake, SeriesQuery, SideSpec};
use std::path::PathBuf;
use std::time::Instant;

struct Args {
    data: PathBuf,
    cluster: Option<String>,
    repeat: usize,
    local: bool,
    only: Option<Vec<String>>,
}

fn args() -> Result<Args, String> {
    let mut it = std::env::args().skip(1);
    let mut a = Args {
        data: PathBuf::new(),
        cluster: None,
        repeat: 3,
        local: false,
        only: None,
    };
    while let Some(x) = it.next() {
        match x.as_str() {
            "--cluster" => a.cluster = Some(it.next().ok_or("--cluster URL")?),
            "--repeat" => a.repeat = it.next().and_then(|n| n.parse().ok()).ok_or("--repeat N")?,
            "--local" => a.local = true,
            "--only" => a.only = Some(it.next().ok_or("--only NAMES")?.split(',').map(String::from).collect()),
            _ if a.data.as_os_str().is_empty() => a.data = std::path::absolute(&x).map_err(|e| e.to_string())?,
            _ => return Err(format!("unexpected argument '{x}'")),
        }
    }
    if a.data.as_os_str().is_empty() {
        return Err("usage: cluster_bench DATA_DIR [--cluster URL] [--repeat N] [--local] [--only NAMES]".into());
    }
    if a.cluster.is_none() {
        a.local = true;
    }
    Ok(a)
}

/// Runs `f` `n` times, records the median and minimum in milliseconds as `out[WHO_ms]` and
/// `out[WHO_min_ms]`, and returns the last result.
fn time<T>(
    out: &mut serde_json::Value,
    who: &str,
    n: usize,
    mut f: impl FnMut() -> Result<T, String>,
) -> Result<T, String> {
    let mut v = Vec::new();
    let mut last = None;
    for _ in 0..n.max(1) {
        let t = Instant::now();
        last = Some(f()?);
        v.push(t.elapsed().as_secs_f64() * 1e3);
    }
    v.sort_by(|a, b| a.total_cmp(b));
    out[format!("{who}_ms")] = v[v.len() / 2].into();
    out[format!("{who}_min_ms")] = v[0].into();
    Ok(last.expect("one run"))
}

fn main() {
    if let Err(e) = run() {
        eprintln!("cluster_bench: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let a = args()?;
    let lake = Lake::open(&a.data).map_err(|e| e.to_string())?;
    let cluster = match &a.cluster {
        Some(url) => Some(entente_cluster::Cluster::connect(url, &a.data).map_err(|e| e.to_string())?),
        None => None,
    };
    let sqls: [(&str, &str); 4] = [
        (
            "scan_events",
            "SELECT source, month, COUNT(*) AS n, SUM(num_mentions) AS mentions, MAX(avg_tone) AS tone \
             FROM events GROUP BY source, month ORDER BY source, month",
        ),
        (
            "group_dyads_events",
            "SELECT actor1, actor2, COUNT(*) AS n FROM events WHERE actor1 IS NOT NULL AND actor2 IS NOT NULL \
             GROUP BY actor1, actor2 ORDER BY n DESC, actor1, actor2 LIMIT 20",
        ),
        (
            "join_events_dyads",
            "SELECT e.geo_country, COUNT(*) AS n FROM events e JOIN \
             (SELECT actor1, actor2 FROM dyad_day WHERE actor1 = 'USA' GROUP BY actor1, actor2) d \
             ON e.actor1 = d.actor1 AND e.actor2 = d.actor2 GROUP BY e.geo_country ORDER BY n DESC, e.geo_country LIMIT 10",
        ),
        (
            "sql_dyad_month",
            "SELECT month, SUM(events) AS n FROM dyad_day WHERE (actor1 = 'NATO' AND actor2 = 'KOR') \
             OR (actor1 = 'KOR' AND actor2 = 'NATO') GROUP BY month ORDER BY month",
        ),
    ];
    let wanted = |name: &str| a.only.as_ref().is_none_or(|o| o.iter().any(|x| x == name));
    for (name, sql) in sqls {
        if !wanted(name) {
            continue;
        }
        let mut out = serde_json::json!({ "query": name, "sql": sql });
        let mut local_rows = None;
        if a.local {
            let r = time(&mut out, "local", a.repeat, || {
                entente_sql::sql(&a.data, sql).map_err(|e| e.to_string())
            })?;
            out["rows"] = r.num_rows().into();
            local_rows = Some(r.rows().map_err(|e| e.to_string())?);
        }
        if let Some(c) = &cluster {
            let r = time(&mut out, "cluster", a.repeat, || c.sql(sql).map_err(|e| e.to_string()))?;
            out["rows"] = r.num_rows().into();
            if let Some(l) = &local_rows {
                out["identical"] = (*l == r.rows().map_err(|e| e.to_string())?).into();
            }
        }
        println!("{out}");
    }
    // The dyadic series and counterparts: the lake's own queries against the cluster's SQL.
    let q = SeriesQuery {
        a: SideSpec::actor("NATO"),
        b: SideSpec::actor("KOR"),
        by: Granularity::Month,
        from: None,
        to: None,
        symmetric: true,
        sources: vec![],
    };
    if wanted("series_nato_kor") {
        let mut out = serde_json::json!({ "query": "series_nato_kor" });
        let want = time(&mut out, "lake", a.repeat, || {
            lake.dyad_series(&q).map_err(|e| e.to_string())
        })?;
        out["rows"] = want.len().into();
        if a.local {
            let sql = entente_cluster::queries::series_sql(&q).map_err(|e| e.to_string())?;
            let r = time(&mut out, "local", a.repeat, || {
                entente_sql::sql(&a.data, &sql).map_err(|e| e.to_string())
            })?;
            let s = entente_cluster::queries::series_from_batches(&q, &r.batches).map_err(|e| e.to_string())?;
            out["identical_local"] = (s == want).into();
        }
        if let Some(c) = &cluster {
            let got = time(&mut out, "cluster", a.repeat, || {
                c.dyad_series(&q).map_err(|e| e.to_string())
            })?;
            out["identical"] = (got == want).into();
        }
        println!("{out}");
    }
    if wanted("top_kor") {
        let side = SideSpec::actor("KOR");
        let from = Day::parse("2019-01-01");
        let mut out = serde_json::json!({ "query": "top_kor" });
        let want = time(&mut out, "lake", a.repeat, || {
            lake.top_counterparts(&side, 10, from, None, &[])
                .map_err(|e| e.to_string())
        })?;
        out["rows"] = want.len().into();
        if let Some(c) = &cluster {
            let got = time(&mut out, "cluster", a.repeat, || {
                c.top_counterparts(&side, 10, from, None, &[])
                    .map_err(|e| e.to_string())
            })?;
            out["identical"] = (got == want).into();
        }
        println!("{out}");
    }
    Ok(())
}
