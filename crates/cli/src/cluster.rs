//! Where the event lake's queries run: on this machine (the lake's own queries; `entente-sql` for
//! SQL), or — with the `cluster` feature and a scheduler given by `--cluster URL`,
//! `$ENTENTE_CLUSTER` or `<data dir>/cluster.toml` — on an Apache DataFusion Ballista cluster
//! (`entente-cluster`). Also `entente cluster scheduler|executor|status`, so that one binary is all
//! a cluster machine needs.

use crate::datasets::{data_dir, StoreArgs};
use crate::render::Format;
use entente_events::{EventData, Lake, SourceKind};
use std::path::Path;
use std::process::ExitCode;

#[derive(clap::Args, Clone, Debug, Default)]
pub struct ClusterArgs {
    /// Run on the Ballista scheduler at URL (df://host:port) [default: $ENTENTE_CLUSTER, else the
    /// data directory's cluster.toml, else this machine]; `local` runs on this machine.
    #[arg(long, value_name = "URL")]
    pub cluster: Option<String>,
}

#[derive(clap::Subcommand)]
pub enum ClusterCommand {
    /// Run a Ballista scheduler for the lake's queries (its options: `entente cluster scheduler --help`).
    #[command(disable_help_flag = true)]
    Scheduler {
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Run a Ballista executor on a machine that reads the lake (options: `entente cluster executor --help`).
    #[command(disable_help_flag = true)]
    Executor {
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Is the configured scheduler up, how many executors has it, and does the cluster see the lake?
    Status {
        #[command(flatten)]
        cluster: ClusterArgs,
        #[command(flatten)]
        store: StoreArgs,
    },
}

#[cfg(not(feature = "cluster"))]
const NOT_BUILT: &str = "this entente was built without its cluster client (Apache DataFusion Ballista, a long \
     build): rebuild with `cargo build --release -p entente --features cluster`";

/// The event data to answer from: the configured cluster if there is one, else the local lake
/// (an empty local lake is an error that says how to fill it). Both answer the same questions
/// (`entente_events::EventData`), so the commands never decide which.
pub fn open_events(store: &StoreArgs, c: &ClusterArgs) -> Result<Box<dyn EventData>, String> {
    event_data(store, c)?.ok_or_else(|| {
        let dir = data_dir(store).map_or_else(|_| "the data directory".into(), |d| d.display().to_string());
        format!("the event lake in {dir} is empty: ingest event files first, e.g. `entente import gdelt2 20240101.export.CSV`")
    })
}

/// Event data for the analyses that use it when there is some (the depth index's event-data
/// dimension, the brief, `partners`): the configured cluster, else the data directory's lake if
/// it holds events, else `None`. The default data directory may be absent.
pub fn event_data(store: &StoreArgs, c: &ClusterArgs) -> Result<Option<Box<dyn EventData>>, String> {
    let dir = match data_dir(store) {
        Ok(d) => d,
        Err(_) if store.data_dir.is_none() && c.cluster.is_none() => return Ok(None),
        Err(e) => return Err(e),
    };
    if let Some(configured) = configured(c, &dir)? {
        return Ok(Some(configured));
    }
    let lake = Lake::with_events(&dir).map_err(|e| e.to_string())?;
    Ok(lake.map(|lake| Box::new(lake) as Box<dyn EventData>))
}

/// The configured cluster, connected, or `None` to run here. Without the cluster client, a
/// configured cluster is an error rather than silently ignored.
pub fn configured(c: &ClusterArgs, dir: &Path) -> Result<Option<Box<dyn EventData>>, String> {
    #[cfg(feature = "cluster")]
    {
        Ok(connect(c, dir)?.map(|cluster| Box::new(cluster) as Box<dyn EventData>))
    }
    #[cfg(not(feature = "cluster"))]
    {
        refuse_configured(c, dir)?;
        Ok(None)
    }
}

/// The configured cluster, connected (and checked: executors registered, the lake seen), or
/// `None` to run here.
#[cfg(feature = "cluster")]
fn connect(c: &ClusterArgs, dir: &Path) -> Result<Option<entente_cluster::Cluster>, String> {
    let Some(config) = entente_cluster::ClusterConfig::resolve(c.cluster.as_deref(), dir).map_err(|e| e.to_string())?
    else {
        return Ok(None);
    };
    let cluster = entente_cluster::Cluster::from_config(&config).map_err(|e| e.to_string())?;
    eprintln!(
        "on the Ballista cluster at {} (lake {})",
        cluster.url(),
        cluster.lake_root().display()
    );
    Ok(Some(cluster))
}

/// Without the cluster client, a configured cluster is an error rather than silently ignored.
#[cfg(not(feature = "cluster"))]
fn refuse_configured(c: &ClusterArgs, dir: &Path) -> Result<(), String> {
    let env = std::env::var("ENTENTE_CLUSTER").ok().filter(|v| !v.trim().is_empty());
    let (value, from) = match (&c.cluster, env) {
        (Some(v), _) => (Some(v.clone()), "--cluster".to_string()),
        (None, Some(v)) => (Some(v), "$ENTENTE_CLUSTER".to_string()),
        (None, None) => (None, dir.join("cluster.toml").display().to_string()),
    };
    let configured = match value {
        Some(v) => !v.trim().eq_ignore_ascii_case("local"),
        None => dir.join("cluster.toml").is_file(),
    };
    if configured {
        return Err(format!(
            "a cluster is configured ({from}) but {NOT_BUILT}; or pass `--cluster local` to run here"
        ));
    }
    Ok(())
}

/// `entente import` of event files on the configured cluster's executors, one task per file
/// (`None`: no cluster is configured, ingest here). The client takes the lake's lock and commits
/// what the executors staged, so it must see the data directory at the cluster's path.
pub fn ingest(
    c: &ClusterArgs,
    dir: &Path,
    kind: SourceKind,
    files: &[std::path::PathBuf],
) -> Result<Option<Vec<Ingested>>, String> {
    #[cfg(feature = "cluster")]
    {
        let Some(config) =
            entente_cluster::ClusterConfig::resolve(c.cluster.as_deref(), dir).map_err(|e| e.to_string())?
        else {
            return Ok(None);
        };
        let here = std::path::absolute(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        if config.data_dir != here {
            return Err(format!(
                "cluster: ingest on the cluster writes the lake at {} (the cluster's data directory), and this \
                 machine commits it: run the import with `--data-dir {}` on a machine that mounts it there \
                 (or `--cluster local` to ingest here into {})",
                config.data_dir.display(),
                config.data_dir.display(),
                here.display()
            ));
        }
        let cluster = entente_cluster::Cluster::connect_to_ingest(
            &config.scheduler,
            &config.data_dir,
            entente_cluster::ClusterOptions::default(),
        )
        .map_err(|e| e.to_string())?;
        eprintln!(
            "ingesting {} file(s) on the Ballista cluster at {} (lake {})",
            files.len(),
            cluster.url(),
            cluster.lake_root().display()
        );
        let mut lake = Lake::open(&config.data_dir).map_err(|e| e.to_string())?;
        let opts = entente_cluster::ingest::task_options();
        let mut committed = 0;
        let done = cluster
            .ingest(&mut lake, files, kind, &opts, &mut |f| {
                let (what, why) = match &f.outcome {
                    Ok(r) if r.skipped => ("already in the lake", String::new()),
                    Ok(_) => ("ingested", String::new()),
                    Err(e) => ("failed", format!(": {e}")),
                };
                committed += usize::from(f.outcome.as_ref().is_ok_and(|r| !r.skipped));
                let again = if f.attempt > 1 {
                    " (submitted again: an executor was lost)"
                } else {
                    ""
                };
                eprintln!("  {}: {what} on {}{again}{why}", f.path.display(), f.worker);
            })
            .map_err(|e| {
                format!(
                    "{e}\n  {committed} of {} file(s) were committed before this; the same command again \
                     skips them and ingests the others",
                    files.len()
                )
            })?;
        Ok(Some(
            done.into_iter()
                .map(|f| Ingested {
                    path: f.path,
                    outcome: f.outcome,
                })
                .collect(),
        ))
    }
    #[cfg(not(feature = "cluster"))]
    {
        let _ = (kind, files);
        refuse_configured(c, dir).map(|()| None)
    }
}

/// One file of an `entente import` of event files (its errors are printed as they happen).
pub struct Ingested {
    pub path: std::path::PathBuf,
    pub outcome: Result<entente_events::IngestReport, String>,
}

/// `entente sql`: on the configured cluster, else here.
#[cfg(feature = "sql")]
pub fn sql(store: &StoreArgs, c: &ClusterArgs, query: &str) -> Result<entente_sql::QueryResult, String> {
    let dir = data_dir(store)?;
    #[cfg(feature = "cluster")]
    if let Some(cluster) = connect(c, &dir)? {
        return cluster.sql(query).map_err(|e| e.to_string());
    }
    #[cfg(not(feature = "cluster"))]
    refuse_configured(c, &dir)?;
    entente_sql::sql(&dir, query).map_err(|e| e.to_string())
}

/// `entente cluster …`.
pub fn run(cmd: ClusterCommand, format: Format) -> Result<ExitCode, String> {
    #[cfg(feature = "cluster")]
    {
        match cmd {
            ClusterCommand::Scheduler { args } => {
                Ok(entente_cluster::scheduler::main("entente cluster scheduler", &args))
            }
            ClusterCommand::Executor { args } => Ok(entente_cluster::executor::main("entente cluster executor", &args)),
            ClusterCommand::Status { cluster, store } => status(&cluster, &store, format).map(|()| ExitCode::SUCCESS),
        }
    }
    #[cfg(not(feature = "cluster"))]
    {
        let _ = (cmd, format);
        Err(NOT_BUILT.into())
    }
}

#[cfg(feature = "cluster")]
#[derive(serde::Serialize)]
struct Status {
    scheduler: String,
    ready: bool,
    executors: Option<usize>,
    answer: String,
    data_dir: String,
    /// `None` when the cluster sees the lake as the manifest lists it; otherwise what is wrong.
    lake_problem: Option<String>,
    events: Option<u64>,
}

#[cfg(feature = "cluster")]
fn status(c: &ClusterArgs, store: &StoreArgs, format: Format) -> Result<(), String> {
    let dir = data_dir(store)?;
    let config = entente_cluster::ClusterConfig::resolve(c.cluster.as_deref(), &dir)
        .map_err(|e| e.to_string())?
        .ok_or_else(|| {
            format!(
                "no cluster is configured: give --cluster df://HOST:PORT, set $ENTENTE_CLUSTER, or write {}",
                dir.join(entente_cluster::config::FILE_NAME).display()
            )
        })?;
    let st = entente_cluster::status(&config.scheduler).map_err(|e| e.to_string())?;
    // A lake this machine sees with nothing in it yet: nothing for the cluster to see either.
    let empty = config.data_dir.is_dir()
        && Lake::open(&config.data_dir)
            .map(|l| l.stats().inputs == 0)
            .unwrap_or(false);
    let (lake_problem, events) = if empty {
        (None, Some(0))
    } else {
        match entente_cluster::Cluster::from_config(&config) {
            Ok(cluster) => {
                let n = cluster
                    .sql("SELECT COUNT(*) FROM events")
                    .and_then(|r| r.rows().map_err(entente_cluster::Error::from))
                    .ok()
                    .and_then(|rows| rows.first().and_then(|r| r.first()).and_then(|c| c.parse().ok()));
                (None, n)
            }
            Err(e) => (Some(e.to_string()), None),
        }
    };
    let s = Status {
        scheduler: st.url.clone(),
        ready: st.ready,
        executors: st.executors,
        answer: st.detail.trim().to_string(),
        data_dir: config.data_dir.display().to_string(),
        lake_problem,
        events,
    };
    crate::render::emit(format, &s, || {
        let mut t = crate::render::Table::new(vec!["PART", "STATE"]);
        t.push(
            vec!["scheduler".into(), format!("{} ({})", s.scheduler, s.answer)],
            Vec::new(),
        );
        let lake = match (&s.lake_problem, s.events) {
            (Some(p), _) => p.clone(),
            (None, _) if empty => format!(
                "empty: nothing ingested yet (`entente import gdelt2 FILE… --cluster {}` ingests on the cluster)",
                s.scheduler
            ),
            (None, Some(n)) if Path::new(&s.data_dir).join("lake").is_dir() => {
                format!("the cluster sees {n} events, as the lake's manifest lists")
            }
            (None, Some(n)) => format!("the cluster sees {n} events (this machine does not see the lake to compare)"),
            (None, None) => "seen".into(),
        };
        t.push(vec!["lake".into(), format!("{}/lake: {lake}", s.data_dir)], Vec::new());
        t
    })?;
    match s.lake_problem {
        Some(_) => Err("the cluster cannot answer the lake's queries".into()),
        None => Ok(()),
    }
}
