//! A small command-line front end to the event lake, to run everything end to end (the real CLI
//! is `entente events` / `entente sql`, wired by the lead from this crate's API).
//!
//! ```text
//! lake ingest DATA_DIR SOURCE FILE... [--workers N] [--block-mb N] [--pause-at PHASE:SECONDS]
//! lake series DATA_DIR A B [--by day|month|year] [--from D] [--to D] [--symmetric]
//!             [--members-a ID[:FROM[:TO]],...] [--members-b ...] [--format F] [--out FILE]
//!             [--repeat N]
//! lake top DATA_DIR A [--n N] [--from D] [--to D] [--format F]
//! lake breakdown DATA_DIR A [B] [--from D] [--to D] [--symmetric] [--format F]
//! lake stats DATA_DIR
//! lake read SOURCE FILE                       row accounting only, no lake
//! lake generate OUT.tsv ROWS [--seed S] [--start YYYY-MM-DD] [--per-day N]
//! lake generate-lake DATA_DIR ROWS [--seed S] [--start YYYY-MM-DD] [--per-day N] [--workers N]
//! lake learn OUT_MODEL GDELT2_FILE...
//! ```

use entente_event_gen::{Generator, Model};
use entente_events::render::{self, Format};
use entente_events::{Day, Granularity, IngestOptions, Lake, Membership, Phase, SeriesQuery, SideSpec, SourceKind};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

struct Args {
    pos: Vec<String>,
    opts: Vec<(String, String)>,
    flags: Vec<String>,
}

impl Args {
    fn parse() -> Args {
        let mut a = Args {
            pos: Vec::new(),
            opts: Vec::new(),
            flags: Vec::new(),
        };
        let mut it = std::env::args().skip(1).peekable();
        while let Some(x) = it.next() {
            if let Some(name) = x.strip_prefix("--") {
                if ["symmetric"].contains(&name) {
                    a.flags.push(name.to_string());
                } else {
                    a.opts.push((name.to_string(), it.next().unwrap_or_default()));
                }
            } else {
                a.pos.push(x);
            }
        }
        a
    }
    fn opt(&self, n: &str) -> Option<&str> {
        self.opts.iter().rev().find(|(k, _)| k == n).map(|(_, v)| v.as_str())
    }
    fn flag(&self, n: &str) -> bool {
        self.flags.iter().any(|f| f == n)
    }
    fn pos(&self, i: usize, what: &str) -> Result<&str, String> {
        self.pos
            .get(i)
            .map(String::as_str)
            .ok_or_else(|| format!("missing {what}"))
    }
}

fn day_opt(a: &Args, n: &str, end: bool) -> Result<Option<Day>, String> {
    match a.opt(n) {
        None => Ok(None),
        Some(s) => {
            let d = if end { Day::parse_end(s) } else { Day::parse_start(s) };
            d.map(Some)
                .ok_or_else(|| format!("--{n} '{s}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"))
        }
    }
}

fn side(a: &Args, id: &str, members: Option<&str>) -> Result<SideSpec, String> {
    let Some(list) = members else {
        return Ok(SideSpec::actor(id));
    };
    let mut v = vec![Membership {
        actor: id.to_string(),
        from: None,
        to: None,
    }];
    for m in list.split(',').filter(|s| !s.is_empty()) {
        let mut p = m.split(':');
        let actor = p.next().unwrap_or("").to_string();
        let parse = |s: Option<&str>, end: bool| -> Result<Option<Day>, String> {
            match s.filter(|s| !s.is_empty()) {
                None => Ok(None),
                Some(s) => (if end { Day::parse_end(s) } else { Day::parse_start(s) })
                    .map(Some)
                    .ok_or_else(|| format!("bad membership date '{s}'")),
            }
        };
        v.push(Membership {
            actor,
            from: parse(p.next(), false)?,
            to: parse(p.next(), true)?,
        });
    }
    let _ = a;
    Ok(SideSpec::Members(v))
}

fn format_of(a: &Args) -> Result<Format, String> {
    let f = a.opt("format").unwrap_or("table");
    Format::parse(f).ok_or_else(|| format!("unknown format '{f}' (table, json, csv, parquet)"))
}

fn emit(a: &Args, bytes: Vec<u8>) -> Result<(), String> {
    match a.opt("out") {
        Some(p) => std::fs::write(p, bytes).map_err(|e| format!("{p}: {e}")),
        None => std::io::stdout().write_all(&bytes).map_err(|e| e.to_string()),
    }
}

fn opts_of(a: &Args) -> Result<IngestOptions, String> {
    let mut o = IngestOptions::default();
    if let Some(w) = a.opt("workers") {
        o.workers = w.parse().map_err(|_| format!("--workers '{w}' is not a number"))?;
    }
    if let Some(b) = a.opt("block-mb") {
        let mb: usize = b.parse().map_err(|_| format!("--block-mb '{b}' is not a number"))?;
        o.block_bytes = mb << 20;
    }
    if let Some(b) = a.opt("block-kb") {
        let kb: usize = b.parse().map_err(|_| format!("--block-kb '{b}' is not a number"))?;
        o.block_bytes = kb << 10;
    }
    Ok(o)
}

fn phase_name(p: Phase) -> &'static str {
    match p {
        Phase::Hashing => "hashing",
        Phase::Skipped => "skipped",
        Phase::Reading => "reading",
        Phase::Renaming => "renaming",
        Phase::Committing => "committing",
        Phase::Committed => "committed",
    }
}

fn generator(a: &Args) -> Result<Generator, String> {
    let seed = a
        .opt("seed")
        .unwrap_or("42")
        .parse()
        .map_err(|_| "bad --seed".to_string())?;
    let start = Day::parse(a.opt("start").unwrap_or("2019-01-01")).ok_or("bad --start")?;
    let per_day = a
        .opt("per-day")
        .unwrap_or("100000")
        .parse()
        .map_err(|_| "bad --per-day".to_string())?;
    Generator::shipped(seed, start, per_day).map_err(|e| e.to_string())
}

fn run() -> Result<(), String> {
    let a = Args::parse();
    let cmd = a.pos(
        0,
        "command (ingest, series, top, breakdown, stats, read, generate, generate-lake, learn)",
    )?;
    match cmd {
        "ingest" => {
            let mut lake = Lake::open(a.pos(1, "DATA_DIR")?).map_err(|e| e.to_string())?;
            let kind = a.pos(2, "SOURCE")?;
            let kind = SourceKind::parse(kind)
                .ok_or_else(|| format!("unknown source '{kind}' (gdelt1, gdelt2, icews, polecat)"))?;
            let opts = opts_of(&a)?;
            // --pause-at PHASE:SECONDS sleeps when the ingest reaches PHASE (for kill tests).
            let pause = a.opt("pause-at").and_then(|p| {
                let (ph, s) = p.split_once(':')?;
                Some((ph.to_string(), s.parse::<f64>().ok()?))
            });
            for file in &a.pos[3..] {
                let mut last = None;
                let report = lake
                    .ingest(file, kind, &opts, &mut |p| {
                        let name = phase_name(p.phase);
                        if last != Some(name) || p.phase == Phase::Reading {
                            println!("phase {name} rows {}", p.rows);
                            let _ = std::io::stdout().flush();
                            last = Some(name);
                        }
                        if let Some((ph, secs)) = &pause {
                            if ph == name {
                                std::thread::sleep(std::time::Duration::from_secs_f64(*secs));
                            }
                        }
                    })
                    .map_err(|e| e.to_string())?;
                println!("{}", report.read);
                println!(
                    "{}: {} events files, {} bytes ({:.1} bytes/event); {} dyad-day rows in {} files, {} bytes; {:.2} s{}",
                    report.input,
                    report.events_files,
                    report.events_bytes,
                    report.bytes_per_event(),
                    report.dyad_rows,
                    report.dyad_files,
                    report.dyad_bytes,
                    report.seconds,
                    if report.skipped { " (already in the lake: skipped)" } else { "" }
                );
            }
        }
        "series" => {
            let lake = Lake::open(a.pos(1, "DATA_DIR")?).map_err(|e| e.to_string())?;
            let (x, y) = (a.pos(2, "actor A")?, a.pos(3, "actor B")?);
            let by = a.opt("by").unwrap_or("month");
            let q = SeriesQuery {
                a: side(&a, x, a.opt("members-a"))?,
                b: side(&a, y, a.opt("members-b"))?,
                by: Granularity::parse(by).ok_or_else(|| format!("--by '{by}': day, month or year"))?,
                from: day_opt(&a, "from", false)?,
                to: day_opt(&a, "to", true)?,
                symmetric: a.flag("symmetric"),
                sources: Vec::new(),
            };
            let repeat: usize = a
                .opt("repeat")
                .unwrap_or("1")
                .parse()
                .map_err(|_| "bad --repeat".to_string())?;
            let mut times = Vec::new();
            let mut rows = Vec::new();
            for _ in 0..repeat.max(1) {
                let t = Instant::now();
                rows = lake.dyad_series(&q).map_err(|e| e.to_string())?;
                times.push(t.elapsed().as_secs_f64() * 1000.0);
            }
            if repeat > 1 {
                let first = times[0];
                times.sort_by(f64::total_cmp);
                eprintln!(
                    "series: first {first:.3} ms, median {:.3} ms over {repeat} runs",
                    times[times.len() / 2]
                );
            }
            emit(&a, render::series(&rows, format_of(&a)?).map_err(|e| e.to_string())?)?;
        }
        "top" => {
            let lake = Lake::open(a.pos(1, "DATA_DIR")?).map_err(|e| e.to_string())?;
            let x = a.pos(2, "actor")?;
            let n = a.opt("n").unwrap_or("10").parse().map_err(|_| "bad --n".to_string())?;
            let rows = lake
                .top_counterparts(
                    &side(&a, x, a.opt("members-a"))?,
                    n,
                    day_opt(&a, "from", false)?,
                    day_opt(&a, "to", true)?,
                    &[],
                )
                .map_err(|e| e.to_string())?;
            emit(
                &a,
                render::counterparts(&rows, format_of(&a)?).map_err(|e| e.to_string())?,
            )?;
        }
        "breakdown" => {
            let lake = Lake::open(a.pos(1, "DATA_DIR")?).map_err(|e| e.to_string())?;
            let x = side(&a, a.pos(2, "actor")?, a.opt("members-a"))?;
            let y = match a.pos.get(3) {
                Some(y) => Some(side(&a, y, a.opt("members-b"))?),
                None => None,
            };
            let b = lake
                .type_breakdown(
                    &x,
                    y.as_ref(),
                    day_opt(&a, "from", false)?,
                    day_opt(&a, "to", true)?,
                    a.flag("symmetric"),
                    &[],
                )
                .map_err(|e| e.to_string())?;
            emit(&a, render::breakdown(&b, format_of(&a)?).map_err(|e| e.to_string())?)?;
        }
        "stats" => {
            let lake = Lake::open(a.pos(1, "DATA_DIR")?).map_err(|e| e.to_string())?;
            let s = lake.stats();
            println!("{}", serde_json::to_string_pretty(&s).map_err(|e| e.to_string())?);
            println!("bytes per event: {:.1}", s.bytes_per_event());
        }
        "read" => {
            let kind = a.pos(1, "SOURCE")?;
            let file = a.pos(2, "FILE")?;
            let res = entente_events::Resolver::shipped().map_err(|e| e.to_string())?;
            let f = std::fs::File::open(file).map_err(|e| format!("{file}: {e}"))?;
            let mut resolved = 0u64;
            let mut count = |ev: &entente_events::Event<'_>| {
                if ev.actor1.is_some() && ev.actor2.is_some() {
                    resolved += 1;
                }
            };
            let report = match SourceKind::parse(kind) {
                Some(SourceKind::Gdelt1) => entente_events::gdelt::read_events(
                    f,
                    file,
                    entente_events::gdelt::GdeltVersion::V1,
                    &res,
                    &mut count,
                ),
                Some(SourceKind::Gdelt2) => entente_events::gdelt::read_events(
                    f,
                    file,
                    entente_events::gdelt::GdeltVersion::V2,
                    &res,
                    &mut count,
                ),
                Some(SourceKind::Icews) => entente_events::icews::read(f, file, &res, &mut count),
                Some(SourceKind::Polecat) => entente_events::polecat::read(f, file, &res, &mut count),
                None if kind == "mentions" => entente_events::gdelt::read_mentions(f, file, |_| {}),
                None => return Err(format!("unknown source '{kind}'")),
            }
            .map_err(|e| e.to_string())?;
            println!("{report}");
            println!("{resolved} kept rows with both actors resolved");
        }
        "generate" => {
            let out = a.pos(1, "OUT.tsv")?;
            let rows: u64 = a
                .pos(2, "ROWS")?
                .parse()
                .map_err(|_| "ROWS must be a number".to_string())?;
            let g = generator(&a)?;
            let f = std::fs::File::create(out).map_err(|e| format!("{out}: {e}"))?;
            let mut w = std::io::BufWriter::with_capacity(1 << 20, f);
            g.write_tsv(&mut w, rows).map_err(|e| format!("{out}: {e}"))?;
            w.flush().map_err(|e| format!("{out}: {e}"))?;
        }
        "generate-lake" => {
            let mut lake = Lake::open(a.pos(1, "DATA_DIR")?).map_err(|e| e.to_string())?;
            let rows: u64 = a
                .pos(2, "ROWS")?
                .parse()
                .map_err(|_| "ROWS must be a number".to_string())?;
            let g = Arc::new(generator(&a)?);
            let t = Instant::now();
            let mut next_print = 0u64;
            let r = lake
                .ingest_generated(g, rows, &opts_of(&a)?, &mut |p| {
                    if p.rows >= next_print {
                        eprintln!("{:?} {} rows, {:.0} s", p.phase, p.rows, t.elapsed().as_secs_f64());
                        next_print = p.rows + 10_000_000;
                    }
                })
                .map_err(|e| e.to_string())?;
            println!(
                "{} rows, {} events bytes ({:.1} bytes/event), {} dyad-day rows, {} dyad bytes, {:.1} s",
                r.read.kept,
                r.events_bytes,
                r.bytes_per_event(),
                r.dyad_rows,
                r.dyad_bytes,
                r.seconds
            );
        }
        "learn" => {
            let out = a.pos(1, "OUT_MODEL")?;
            let files: Vec<PathBuf> = a.pos[2..].iter().map(PathBuf::from).collect();
            let refs: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
            let text = Model::learn(&refs).map_err(|e| e.to_string())?;
            Model::parse(&text).map_err(|e| e.to_string())?;
            std::fs::write(out, text).map_err(|e| format!("{out}: {e}"))?;
        }
        other => return Err(format!("unknown command '{other}'")),
    }
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
