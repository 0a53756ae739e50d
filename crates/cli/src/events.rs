//! The event-lake commands: `events` (a dyad's series, an actor's top counterparts, a breakdown by
//! event type), `sql`, and the lake side of `import` (GDELT, ICEWS, POLECAT files). The lake and
//! its queries are `entente-events`'; SQL is `entente-sql`'s (DataFusion), compiled in with the
//! `sql` feature.

use crate::cluster::{open_events, ClusterArgs, Ingested};
use crate::datasets::{data_dir, resolve_id, Bar, StoreArgs};
use crate::render::Format;
use entente_analysis::events::{side, SideMode};
use entente_events::render::{self, Format as LakeFormat};
use entente_events::{Day, Granularity, IngestOptions, Lake, Phase, SeriesQuery, SourceKind};
use entente_kb::{Citation, KnowledgeBase};
use entente_model::PartialDate;
use entente_store::Progress as _;
use serde::Serialize;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum By {
    Day,
    Month,
    Year,
}

#[derive(clap::Args)]
pub struct EventsArgs {
    /// One side (any id, code, name or alias: NATO, KOR, "South Korea").
    pub a: String,
    /// The other side; without it, A's top counterparts.
    pub b: Option<String>,
    /// Period of the series.
    #[arg(long, value_enum, default_value = "month")]
    pub by: By,
    /// Count an organisation's members (each from its accession) as well as the organisation itself.
    #[arg(long, conflicts_with = "members_only")]
    pub members: bool,
    /// Count only an organisation's members (each from its accession), not the organisation itself.
    #[arg(long)]
    pub members_only: bool,
    /// Only A's actions towards B (default: both directions).
    #[arg(long)]
    pub directed: bool,
    /// From this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_parser = crate::parse_date)]
    pub from: Option<PartialDate>,
    /// Up to this date (a year or month means its last day).
    #[arg(long, value_parser = crate::parse_date)]
    pub to: Option<PartialDate>,
    /// Only these sources (comma-separated: gdelt1, gdelt2, icews, polecat).
    #[arg(long = "source", value_delimiter = ',', value_parser = parse_source)]
    pub sources: Vec<SourceKind>,
    /// Counts by quad class, PLOVER type and CAMEO root instead of a series.
    #[arg(long)]
    pub types: bool,
    /// How many counterparts to list when B is not given.
    #[arg(long, default_value_t = 10)]
    pub top: usize,
    /// Also draw the series as an SVG chart into FILE.
    #[arg(long, value_name = "FILE")]
    pub svg: Option<PathBuf>,
    /// Write the result into FILE instead of standard output (Parquet needs it on a terminal).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub cluster: ClusterArgs,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(clap::Args)]
pub struct SqlArgs {
    /// One SQL statement over the tables `events` and `dyad_day` (see docs/event-lake.md).
    pub query: String,
    /// Write the result into FILE instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub cluster: ClusterArgs,
    #[command(flatten)]
    pub store: StoreArgs,
}

fn parse_source(s: &str) -> Result<SourceKind, String> {
    SourceKind::parse(s).ok_or_else(|| {
        let names: Vec<&str> = SourceKind::ALL.iter().map(|k| k.name()).collect();
        format!("unknown event source `{s}` (sources: {})", names.join(", "))
    })
}

fn lake_format(f: Format) -> LakeFormat {
    match f {
        Format::Table => LakeFormat::Table,
        Format::Json | Format::Jsonl => LakeFormat::Json,
        Format::Csv => LakeFormat::Csv,
        Format::Parquet => LakeFormat::Parquet,
    }
}

fn lake_day(d: PartialDate, end: bool) -> Day {
    Day((if end { d.latest() } else { d.earliest() }).ordinal() as i32)
}

/// Writes a result to `out` (atomically) or to standard output, refusing to print Parquet to a terminal.
fn write_out(out: Option<&Path>, bytes: &[u8], binary: bool) -> Result<(), String> {
    match out {
        Some(p) => {
            crate::write_atomically(p, bytes)?;
            eprintln!("written to {}", p.display());
            Ok(())
        }
        None if binary && std::io::stdout().is_terminal() => {
            Err("Parquet is binary: give --out FILE or redirect standard output".into())
        }
        None => match std::io::stdout().lock().write_all(bytes) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(format!("cannot write output: {e}")),
            _ => Ok(()),
        },
    }
}

/// The sources a result was read from, as a numbered list under a table.
fn sources_footer(cites: &[Citation]) -> String {
    let mut s = String::from("\nSources:\n");
    for (i, c) in cites.iter().enumerate() {
        s += &format!(
            "[{}] {}. {}. {}{}\n",
            i + 1,
            c.publisher,
            c.title.as_deref().unwrap_or(""),
            c.url,
            c.locator.as_deref().map(|l| format!(" ({l})")).unwrap_or_default()
        );
    }
    s
}

/// JSON lines: one object per item of a list.
fn jsonl<T: Serialize>(items: &[T]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    for i in items {
        serde_json::to_writer(&mut out, i).map_err(|e| format!("cannot write JSON: {e}"))?;
        out.push(b'\n');
    }
    Ok(out)
}

pub fn events(kb: &KnowledgeBase, format: Format, args: &EventsArgs) -> Result<(), String> {
    entente_model::check_range(args.from, args.to).map_err(|e| e.message("--from", "--to"))?;
    let engine = open_events(&args.store, &args.cluster)?;
    let a = resolve_id(kb, &args.a)?;
    let b = args.b.as_deref().map(|b| resolve_id(kb, b)).transpose()?;
    let mode = if args.members {
        SideMode::Both
    } else if args.members_only {
        SideMode::Members
    } else {
        SideMode::Itself
    };
    let (from, to) = (
        args.from.map(|d| lake_day(d, false)),
        args.to.map(|d| lake_day(d, true)),
    );
    let name = |id: &str| crate::datasets::name(kb, id);
    let lf = lake_format(format);
    let side_a = side(kb, &a, mode);
    let side_b = b.as_deref().map(|b| side(kb, b, mode));
    let err = |e: entente_events::Error| e.to_string();
    let direction = if args.directed { "directed" } else { "both directions" };
    let who = match mode {
        SideMode::Itself => "",
        SideMode::Members => ", members at each date",
        SideMode::Both => ", with members at each date",
    };
    let (bytes, title) = match (&side_b, args.types) {
        (Some(sb), false) => {
            let q = SeriesQuery {
                a: side_a,
                b: sb.clone(),
                by: match args.by {
                    By::Day => Granularity::Day,
                    By::Month => Granularity::Month,
                    By::Year => Granularity::Year,
                },
                from,
                to,
                symmetric: !args.directed,
                sources: args.sources.clone(),
            };
            let rows = engine.dyad_series(&q).map_err(|e| e.to_string())?;
            let b = b.as_deref().unwrap_or_default();
            let title = format!(
                "{} – {}{who}, {direction}: {} events",
                name(&a),
                name(b),
                rows.iter().map(|r| r.counts.events).sum::<u64>()
            );
            if let Some(path) = &args.svg {
                std::fs::write(path, entente_report::charts::event_series_chart(&rows, &title))
                    .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
                eprintln!("chart written to {}", path.display());
            }
            let bytes = if format == Format::Jsonl {
                jsonl(&rows)?
            } else {
                render::series(&rows, lf).map_err(err)?
            };
            (bytes, title)
        }
        (sb, true) => {
            let symmetric = !args.directed;
            let t = engine
                .type_breakdown(&side_a, sb.as_ref(), from, to, symmetric, &args.sources)
                .map_err(|e| e.to_string())?;
            let other = b.as_deref().map_or_else(|| "anyone".to_string(), name);
            let title = format!("{} – {other}{who}: events by type", name(&a));
            let bytes = if format == Format::Jsonl {
                jsonl(std::slice::from_ref(&t))?
            } else {
                render::breakdown(&t, lf).map_err(err)?
            };
            (bytes, title)
        }
        (None, false) => {
            if args.svg.is_some() {
                return Err("--svg draws a series: give the other side (B)".into());
            }
            let rows = engine
                .top_counterparts(&side_a, args.top, from, to, &args.sources)
                .map_err(|e| e.to_string())?;
            let title = format!("{}{who}: top {} counterparts, both directions", name(&a), rows.len());
            let bytes = if format == Format::Jsonl {
                jsonl(&rows)?
            } else {
                render::counterparts(&rows, lf).map_err(err)?
            };
            (bytes, title)
        }
    };
    if format == Format::Table {
        let mut text = format!("{title}\n").into_bytes();
        text.extend(bytes);
        text.extend(sources_footer(&entente_analysis::events::lake_citations(&*engine)).into_bytes());
        if let Some(place) = engine.place() {
            text.extend(format!("\n{place}\n").into_bytes());
        }
        write_out(args.out.as_deref(), &text, false)
    } else {
        write_out(args.out.as_deref(), &bytes, format == Format::Parquet)
    }
}

// ------------------------------------------------------------------------------------------------
// ingest

#[derive(Serialize)]
struct IngestFailure {
    path: String,
    error: String,
}

/// Ingests event files into the lake, one by one (each atomic; a file already in it is skipped),
/// here or on the configured cluster's executors.
pub fn ingest(
    kind: SourceKind,
    files: &[PathBuf],
    store: &StoreArgs,
    cluster: &ClusterArgs,
    format: Format,
) -> Result<(), String> {
    let dir = data_dir(store)?;
    let results = match crate::cluster::ingest(cluster, &dir, kind, files)? {
        Some(r) => r,
        None => ingest_here(kind, files, &dir)?,
    };
    let mut done = Vec::new();
    let mut failed = Vec::new();
    for r in results {
        match r.outcome {
            Ok(report) => done.push(report),
            Err(error) => {
                failed.push(IngestFailure {
                    path: r.path.display().to_string(),
                    error,
                });
            }
        }
    }
    match format {
        Format::Json | Format::Jsonl => {
            let v = serde_json::json!({"data_dir": dir.display().to_string(), "ingested": done, "failed": failed});
            let text = if format == Format::Json {
                serde_json::to_string_pretty(&v)
            } else {
                serde_json::to_string(&v)
            };
            println!("{}", text.map_err(|e| e.to_string())?);
        }
        _ => {
            for r in &done {
                let rd = &r.read;
                if r.skipped {
                    println!(
                        "{} → {}: already in the lake (same content): nothing changed",
                        r.input, r.source
                    );
                    continue;
                }
                println!(
                    "{} → {}: {} rows read, {} kept, {} rejected, {} duplicate ids dropped; {:.1} bytes/event; {:.2} s",
                    r.input,
                    r.source,
                    rd.rows_read,
                    rd.kept,
                    rd.rejected,
                    rd.duplicates,
                    r.bytes_per_event(),
                    r.seconds
                );
                for x in rd.rejections.iter().take(10) {
                    println!("  line {}: {}", x.line, x.reason);
                }
                if rd.rejected > 10 {
                    println!("  … and {} more rejected rows", rd.rejected - 10);
                }
                if rd.duplicates_differing > 0 {
                    println!(
                        "  {} dropped duplicates differ from the kept row (later releases of the source)",
                        rd.duplicates_differing
                    );
                }
            }
        }
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} of {} file(s) could not be ingested; the lake is as it was for them",
            failed.len(),
            files.len()
        ))
    }
}

/// Ingests the files on this machine, with a progress bar each.
fn ingest_here(kind: SourceKind, files: &[PathBuf], dir: &Path) -> Result<Vec<Ingested>, String> {
    let mut lake = Lake::open(dir).map_err(|e| e.to_string())?;
    let opts = IngestOptions::default();
    let mut out = Vec::new();
    for f in files {
        let mut bar = Bar::new(f.display().to_string());
        let mut last_phase = None;
        let mut progress = |p: &entente_events::Progress| {
            if last_phase != Some(p.phase) {
                last_phase = Some(p.phase);
                let stage = match p.phase {
                    Phase::Hashing => "hashing",
                    Phase::Skipped => "skipped",
                    Phase::Reading => "reading",
                    Phase::Renaming | Phase::Committing | Phase::Committed => "saving",
                };
                bar.stage(stage, p.total_bytes);
            }
            bar.advance(p.bytes);
        };
        let result = lake.ingest(f, kind, &opts, &mut progress);
        bar.finish();
        if let Err(e) = &result {
            eprintln!("error: {e}");
        }
        out.push(Ingested {
            path: f.clone(),
            outcome: result.map_err(|e| e.to_string()),
        });
    }
    Ok(out)
}

/// The lake's contents, for `entente datasets`.
pub fn lake_summary(dir: &Path) -> Result<Option<entente_events::LakeStats>, String> {
    let lake = Lake::open(dir).map_err(|e| e.to_string())?;
    let s = lake.stats();
    Ok((s.events > 0).then_some(s))
}

// ------------------------------------------------------------------------------------------------
// sql

#[cfg(feature = "sql")]
pub fn sql(format: Format, args: &SqlArgs) -> Result<(), String> {
    let r = crate::cluster::sql(&args.store, &args.cluster, &args.query)?;
    let bytes = match format {
        Format::Table => r.to_table().map(String::into_bytes),
        Format::Json => r.to_json(),
        Format::Jsonl => r.to_jsonl(),
        Format::Csv => r.to_csv(),
        Format::Parquet => r.to_parquet(),
    }
    .map_err(|e| e.to_string())?;
    write_out(args.out.as_deref(), &bytes, format == Format::Parquet)
}

#[cfg(not(feature = "sql"))]
pub fn sql(_format: Format, _args: &SqlArgs) -> Result<(), String> {
    Err(
        "this entente was built without its SQL engine (Apache DataFusion, a long build): \
         rebuild with `cargo build --release -p entente --features sql`"
            .into(),
    )
}
