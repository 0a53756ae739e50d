//! entente-cluster: the event lake's ingest and queries on an Apache DataFusion Ballista cluster.
//!
//! When event data outgrow one machine, the same queries that `entente-sql` and
//! `entente-events` answer locally — arbitrary SQL over `events` and `dyad_day`, dyadic series,
//! top counterparts, type breakdowns — run on a Ballista scheduler and its executors:
//!
//! ```no_run
//! # fn main() -> Result<(), entente_cluster::Error> {
//! use entente_cluster::Cluster;
//! let cluster = Cluster::connect("df://scheduler.example:50050", "/shared/entente".as_ref())?;
//! let r = cluster.sql("SELECT source, COUNT(*) AS n FROM events GROUP BY source ORDER BY source")?;
//! print!("{}", r.to_table().map_err(entente_cluster::Error::from)?);
//! # Ok(()) }
//! ```
//!
//! The lake must be on storage that the scheduler and every executor read **at the same absolute
//! path** (an NFS or other shared file system mount, or an identical copy on each machine): the
//! client sends the tables' paths in its plans, the scheduler lists the files and plans one task
//! per file group, the executors read the Parquet. Object stores (`s3://`) are not supported by
//! these builds (see `docs/cluster.md`).
//!
//! Ingest spreads over the executors too, one task per file ([`ingest`], [`Cluster::ingest`]):
//! each executor stages its file with the lake's own ingest code and the client commits what they
//! staged, so the lake is the one a local ingest writes.
//!
//! The series and counterparts are SQL over `dyad_day` ([`queries`]), decoded back into the
//! types `Lake::dyad_series` and `Lake::top_counterparts` return; the tests check they are equal
//! to the lake's own answers, value for value. The crate also builds the two cluster programs,
//! `entente-scheduler` and `entente-executor`, from Ballista's scheduler and executor libraries.
//!
//! Every call blocks on a runtime the [`Cluster`] owns: do not call it from inside an async
//! runtime (use [`Cluster::context`] there).

pub mod config;
pub mod executor;
pub mod ingest;
pub mod logging;
mod program;
pub mod queries;
pub mod scheduler;
mod status;

pub use config::ClusterConfig;
pub use status::{status, ClusterStatus};

use ballista::extension::{SessionConfigExt, SessionContextExt};
use ballista_core::execution_plans::DistributedQueryExec;
use ballista_core::serde::protobuf::scheduler_grpc_client::SchedulerGrpcClient;
use ballista_core::serde::protobuf::CancelJobParams;
use datafusion::arrow::datatypes::SchemaRef;
use datafusion::datasource::file_format::parquet::ParquetFormat;
use datafusion::datasource::listing::ListingOptions;
use datafusion::execution::SessionStateBuilder;
use datafusion::physical_plan::ExecutionPlan;
use datafusion::prelude::{SessionConfig, SessionContext};
use datafusion_proto::protobuf::LogicalPlanNode;
use entente_events::query::{Breakdown, Counterpart, SeriesQuery, SeriesRow, SideSpec};
use entente_events::{Day, SourceKind};
pub use entente_sql::QueryResult;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// What went wrong, worded for the person at the terminal.
#[derive(Debug)]
pub enum Error {
    /// The cluster address is malformed or a configuration file is wrong.
    Config(String),
    /// The scheduler could not be reached (nothing listens, wrong host or port, firewall).
    Unreachable { url: String, detail: String },
    /// The scheduler answers but has no executor to run anything on.
    NoExecutors { url: String, detail: String },
    /// The lake is missing or unreadable where this machine can see it.
    Lake(String),
    /// The query was rejected (syntax, unknown table or column, unsupported request).
    Query(String),
    /// The query was accepted but its job failed on the cluster (a task failed more often than
    /// the scheduler's retry limit, an executor could not read a file, …). `message` is the
    /// scheduler's.
    Job { url: String, message: String },
    /// An executor was lost while the query ran (it died, or stopped answering for the
    /// scheduler's executor timeout): the scheduler stopped the job, and the query was run again
    /// up to [`ClusterOptions::retries`] times on the executors left before giving up.
    ExecutorLost {
        url: String,
        attempts: usize,
        executors_before: Option<usize>,
        executors_now: Option<usize>,
        detail: String,
    },
    /// The query did not finish within the configured time; its job was cancelled.
    Timeout {
        url: String,
        seconds: f64,
        job: Option<String>,
    },
    /// Formatting the result failed.
    Output(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Config(m) => write!(f, "cluster: {m}"),
            Error::Unreachable { url, detail } => write!(
                f,
                "cluster: cannot reach the Ballista scheduler at {url}: {detail}\n  \
                 check that the scheduler runs there (`entente cluster scheduler --bind-host 0.0.0.0 --port PORT`, \
                 or `entente-scheduler` with the same options), \
                 that host and port are right, and that no firewall blocks the port"
            ),
            Error::NoExecutors { url, detail } => write!(
                f,
                "cluster: the scheduler at {url} has no executor ({detail})\n  \
                 start `entente-executor --scheduler {url}` (or `entente cluster executor --scheduler {url}`) \
                 on each machine that can read the lake"
            ),
            Error::Lake(m) => write!(f, "cluster: {m}"),
            Error::Query(m) => write!(f, "sql: {m}"),
            Error::Job { url, message } => write!(f, "cluster: the job failed on {url}: {message}"),
            Error::ExecutorLost {
                url,
                attempts,
                executors_before,
                executors_now,
                detail,
            } => {
                let n = |x: &Option<usize>| x.map_or("?".to_string(), |n| n.to_string());
                write!(
                    f,
                    "cluster: an executor of {url} was lost during the job ({} executor(s) before, {} now); \
                     {attempts} attempt(s) failed: {detail}",
                    n(executors_before),
                    n(executors_now)
                )?;
                if *executors_now == Some(0) {
                    write!(
                        f,
                        "\n  no executor is left: restart the executors (`entente cluster executor`) on the machines"
                    )?;
                }
                Ok(())
            }
            Error::Timeout { url, seconds, job } => write!(
                f,
                "cluster: no answer from {url} within {seconds:.0} s; {}\n  \
                 check that the executors are alive and can read the lake, or allow more time",
                match job {
                    Some(j) => format!("job {j} was cancelled"),
                    None => "the job had not been accepted yet".to_string(),
                }
            ),
            Error::Output(m) => write!(f, "output: {m}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<entente_sql::Error> for Error {
    fn from(e: entente_sql::Error) -> Error {
        match e {
            entente_sql::Error::Lake(l) => Error::Lake(l.to_string()),
            entente_sql::Error::Query(m) => Error::Query(m),
            entente_sql::Error::Output(m) => Error::Output(m),
        }
    }
}

pub type Result<T> = std::result::Result<T, Error>;

/// A scheduler address: `df://host:port`, `http://host:port`, `host:port` or `host` (port 50050).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SchedulerAddr {
    pub host: String,
    pub port: u16,
}

impl SchedulerAddr {
    pub const DEFAULT_PORT: u16 = 50050;

    pub fn parse(url: &str) -> Result<SchedulerAddr> {
        let s = url.trim();
        let rest = match s.split_once("://") {
            Some((scheme, rest)) if ["df", "http", "grpc"].contains(&scheme.to_ascii_lowercase().as_str()) => rest,
            Some((scheme, _)) => {
                return Err(Error::Config(format!(
                    "unsupported scheme '{scheme}' in '{url}': use df://HOST:PORT"
                )))
            }
            None => s,
        };
        let rest = rest.trim_end_matches('/');
        let bad = || Error::Config(format!("'{url}' is not a scheduler address: use df://HOST:PORT"));
        if rest.is_empty() || rest.contains('/') {
            return Err(bad());
        }
        let (host, port) = if let Some(h) = rest.strip_prefix('[') {
            // [v6]:port
            let (h, p) = h.split_once(']').ok_or_else(bad)?;
            (format!("[{h}]"), p.strip_prefix(':'))
        } else {
            match rest.rsplit_once(':') {
                Some((h, p)) => (h.to_string(), Some(p)),
                None => (rest.to_string(), None),
            }
        };
        let port = match port {
            Some(p) => p.parse::<u16>().map_err(|_| bad())?,
            None => Self::DEFAULT_PORT,
        };
        if host.is_empty() || port == 0 {
            return Err(bad());
        }
        Ok(SchedulerAddr { host, port })
    }

    /// `df://host:port`.
    pub fn url(&self) -> String {
        format!("df://{}:{}", self.host, self.port)
    }
}

/// The options of a listing table over one of the lake's tables: Parquet files, Hive partition
/// columns `source` and `month` (the same registration as `entente_sql::session`; a test checks
/// that both sessions see the same columns).
fn listing_options() -> ListingOptions {
    ListingOptions::new(Arc::new(ParquetFormat::default()))
        .with_file_extension(".parquet")
        .with_table_partition_cols(vec![
            ("source".to_string(), datafusion::arrow::datatypes::DataType::Utf8),
            ("month".to_string(), datafusion::arrow::datatypes::DataType::Utf8),
        ])
}

/// How queries run on the cluster.
#[derive(Clone, Debug)]
pub struct ClusterOptions {
    /// Give up on a query after this long, cancelling its job on the cluster (`None`: wait for
    /// as long as the scheduler keeps the job alive).
    pub timeout: Option<Duration>,
    /// Partitions a scan or shuffle is split into (Ballista's default is 16).
    pub partitions: usize,
    /// How many times a query whose job was stopped because an executor was lost is run again
    /// (from the start, on the executors left). The lake does not change under a query, so the
    /// rerun's answer is the answer. An ingest job is submitted again for its unfinished files.
    pub retries: usize,
    /// Files per ingest job: each job is committed to the lake when it ends, so a long ingest
    /// shows progress and a failure loses at most one job's work.
    pub files_per_job: usize,
}

impl Default for ClusterOptions {
    fn default() -> ClusterOptions {
        ClusterOptions {
            timeout: None,
            partitions: 16,
            retries: 2,
            files_per_job: 256,
        }
    }
}

/// A connection to a Ballista cluster with the lake's tables registered.
pub struct Cluster {
    addr: SchedulerAddr,
    lake: PathBuf,
    opts: ClusterOptions,
    last_attempts: std::sync::atomic::AtomicUsize,
    rt: OwnRuntime,
    ctx: SessionContext,
}

/// The runtime a [`Cluster`] blocks on. Dropped without waiting for its tasks, so that a cluster
/// may be dropped anywhere, inside another runtime too (a server's state is dropped in its
/// runtime when it stops, and a tokio runtime dropped there would panic).
struct OwnRuntime(Option<tokio::runtime::Runtime>);

impl OwnRuntime {
    fn block_on<F: std::future::Future>(&self, f: F) -> F::Output {
        match &self.0 {
            Some(rt) => rt.block_on(f),
            None => unreachable!("the runtime is taken only when the cluster is dropped"),
        }
    }
}

impl Drop for OwnRuntime {
    fn drop(&mut self) {
        if let Some(rt) = self.0.take() {
            rt.shutdown_background();
        }
    }
}

impl fmt::Debug for Cluster {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Cluster")
            .field("url", &self.addr.url())
            .field("lake", &self.lake)
            .finish()
    }
}

impl Cluster {
    /// Connects to the scheduler at `url` and registers the lake under `data_dir`
    /// (`<data_dir>/lake`), an absolute path that the scheduler and every executor can read.
    ///
    /// Checks, before any query: the address parses; the scheduler answers (its `/readyz`) and has
    /// at least one executor; the cluster sees the lake — as many rows in each table as the
    /// manifest lists, when this machine sees the lake too, and otherwise at least one row. A
    /// client that does not mount the lake can still submit queries (only the scheduler and
    /// executors read it).
    pub fn connect(url: &str, data_dir: &Path) -> Result<Cluster> {
        Cluster::connect_with(url, data_dir, ClusterOptions::default())
    }

    /// [`Cluster::connect`] with options.
    pub fn connect_with(url: &str, data_dir: &Path, opts: ClusterOptions) -> Result<Cluster> {
        // Tables to register: both, unless this machine sees the lake and a table is missing.
        let lake = data_dir.join("lake");
        let mut tables = vec!["events", "dyad_day"];
        let mut expected = None;
        if data_dir.is_absolute() && data_dir.exists() {
            let l = entente_events::Lake::open(data_dir).map_err(|e| Error::Lake(e.to_string()))?;
            let st = l.stats();
            expected = Some((st.events, st.dyad_rows));
            tables.retain(|t| lake.join(t).is_dir());
        }
        let cluster = Cluster::open(url, data_dir, opts, &tables)?;
        cluster.check_visible(&tables, expected)?;
        Ok(cluster)
    }

    /// Connects for [`Cluster::ingest`]: the checks of [`Cluster::connect_with`] but the lake's,
    /// which may well be empty.
    pub fn connect_to_ingest(url: &str, data_dir: &Path, opts: ClusterOptions) -> Result<Cluster> {
        Cluster::open(url, data_dir, opts, &[])
    }

    /// Checks the address, the data directory's path and the scheduler, and opens a session
    /// with `tables` of the lake registered.
    fn open(url: &str, data_dir: &Path, opts: ClusterOptions, tables: &[&str]) -> Result<Cluster> {
        let addr = SchedulerAddr::parse(url)?;
        if !data_dir.is_absolute() {
            return Err(Error::Config(format!(
                "the lake's path must be absolute, the same on every machine of the cluster: {}",
                data_dir.display()
            )));
        }
        let st = status(url)?;
        if st.executors == Some(0) {
            return Err(Error::NoExecutors {
                url: addr.url(),
                detail: st.detail.trim().to_string(),
            });
        }
        let lake = data_dir.join("lake");
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .map_err(|e| Error::Config(format!("cannot start a runtime: {e}")))?;
        let ctx = rt.block_on(async {
            let config = SessionConfig::new_with_ballista()
                .with_target_partitions(opts.partitions.max(1))
                .set_str("ballista.job.name", "entente")
                // Ballista's adaptive planner (on by default) wedged the scheduler after a lost
                // executor in this crate's tests; the static planner is what they cover.
                .set_bool("ballista.planner.adaptive.enabled", false);
            let state = SessionStateBuilder::new()
                .with_config(config)
                .with_default_features()
                .build();
            let ctx = SessionContext::remote_with_state(&addr.url(), state)
                .await
                .map_err(|e| Error::Config(e.to_string()))?;
            for (table, schema) in [
                ("events", entente_events::schema::events_schema()),
                ("dyad_day", entente_events::schema::dyad_schema()),
            ] {
                if !tables.contains(&table) {
                    continue;
                }
                let url = format!("{}/", lake.join(table).display());
                ctx.register_listing_table(table, &url, listing_options(), Some(schema), None)
                    .await
                    .map_err(|e| Error::Lake(format!("cannot register {table} at {url}: {e}")))?;
            }
            Ok::<_, Error>(ctx)
        })?;
        Ok(Cluster {
            addr,
            lake,
            opts,
            last_attempts: std::sync::atomic::AtomicUsize::new(0),
            rt: OwnRuntime(Some(rt)),
            ctx,
        })
    }

    /// Does the cluster see the lake? A path that the scheduler cannot list is an empty table
    /// to it, and every query would answer nothing, silently. Counting the rows of each table
    /// (from the Parquet footers, which the scheduler reads to plan anyway) and comparing them
    /// with the manifest, when this machine sees the lake too, catches that, and parts that a
    /// killed ingest left behind (which the cluster would read and the lake's own queries not).
    fn check_visible(&self, tables: &[&str], expected: Option<(u64, u64)>) -> Result<()> {
        let mut seen = Vec::new();
        for t in tables {
            let r = self.sql(&format!("SELECT COUNT(*) FROM {t}"))?;
            let n = r
                .rows()?
                .first()
                .and_then(|r| r.first())
                .and_then(|c| c.parse::<u64>().ok());
            seen.push((*t, n.unwrap_or(0)));
        }
        let hint = "mount the lake at the same absolute path on the scheduler and every executor";
        match expected {
            Some((events, dyads)) => {
                for (t, n) in &seen {
                    let want = if *t == "events" { events } else { dyads };
                    if *n != want {
                        return Err(Error::Lake(format!(
                            "the cluster sees {n} rows in {t} at {}, the lake's manifest lists {want}: {hint} \
                             (or, if an ingest was killed, run one so that it removes the parts it left)",
                            self.lake.display()
                        )));
                    }
                }
            }
            None if seen.iter().all(|(_, n)| *n == 0) => {
                return Err(Error::Lake(format!(
                    "the cluster sees no rows at {} (this machine does not see that path either): {hint}",
                    self.lake.display()
                )));
            }
            None => {}
        }
        Ok(())
    }

    /// Connects as a [`ClusterConfig`] says.
    pub fn from_config(c: &ClusterConfig) -> Result<Cluster> {
        Cluster::connect(&c.scheduler, &c.data_dir)
    }

    /// Connects as a [`ClusterConfig`] says, with options.
    pub fn from_config_with(c: &ClusterConfig, opts: ClusterOptions) -> Result<Cluster> {
        Cluster::connect_with(&c.scheduler, &c.data_dir, opts)
    }

    /// `df://host:port`.
    pub fn url(&self) -> String {
        self.addr.url()
    }

    /// `<data_dir>/lake`, as the executors read it.
    pub fn lake_root(&self) -> &Path {
        &self.lake
    }

    /// The DataFusion session whose queries run on the cluster (for DataFrames, or async code).
    pub fn context(&self) -> &SessionContext {
        &self.ctx
    }

    /// The scheduler's current state (executors alive).
    pub fn status(&self) -> Result<ClusterStatus> {
        status(&self.addr.url())
    }

    /// Runs one SQL statement on the cluster. If an executor is lost while it runs, the query is
    /// run again (see [`ClusterOptions::retries`]); other errors are returned at once.
    pub fn sql(&self, query: &str) -> Result<QueryResult> {
        self.retrying(|| self.sql_once(query))
    }

    /// Runs `once` until it succeeds, fails for another reason than a lost executor, or has
    /// been retried [`ClusterOptions::retries`] times.
    fn retrying<T>(&self, mut once: impl FnMut() -> Result<T>) -> Result<T> {
        let mut attempts = 0;
        loop {
            attempts += 1;
            self.last_attempts.store(attempts, std::sync::atomic::Ordering::Relaxed);
            let status = self.status().ok();
            let before = status.as_ref().and_then(|s| s.executors);
            // With no executor the scheduler would hold the job until one registers: say so now
            // (a long-lived client, such as a server, outlives the executors it connected with).
            if let Some(st) = status.filter(|s| s.executors == Some(0)) {
                return Err(Error::NoExecutors {
                    url: self.addr.url(),
                    detail: st.detail.trim().to_string(),
                });
            }
            let e = match once() {
                Ok(r) => return Ok(r),
                Err(e) => e,
            };
            let now = self.status().ok().and_then(|s| s.executors);
            let lost = match &e {
                // entente-scheduler cancels a job that had tasks on a lost executor, or that
                // Ballista started to resume after a failed shuffle fetch: run it again.
                Error::Job { message, .. } => message.contains("failed: Cancelled"),
                Error::ExecutorLost { .. } => true,
                _ => false,
            };
            if !lost {
                return Err(e);
            }
            let detail = match e {
                Error::Job { message, .. } => format!("the scheduler stopped the job ({message})"),
                Error::ExecutorLost { detail, .. } => detail,
                e => e.to_string(),
            };
            if attempts > self.opts.retries || now == Some(0) {
                return Err(Error::ExecutorLost {
                    url: self.addr.url(),
                    attempts,
                    executors_before: before,
                    executors_now: now,
                    detail,
                });
            }
            log::warn!("an executor was lost during the job ({detail}); running it again");
        }
    }

    /// How many submissions the last query took (more than one when an executor was lost).
    pub fn last_attempts(&self) -> usize {
        self.last_attempts.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// One submission of a statement.
    fn sql_once(&self, query: &str) -> Result<QueryResult> {
        self.rt.block_on(async {
            let df = self
                .ctx
                .sql_with_options(query, entente_sql::read_only())
                .await
                .map_err(|e| self.plan_error(e))?;
            let schema: SchemaRef = Arc::new(df.schema().as_arrow().clone());
            let plan = df.create_physical_plan().await.map_err(|e| self.plan_error(e))?;
            let run = datafusion::physical_plan::collect(plan.clone(), self.ctx.task_ctx());
            let batches = match self.opts.timeout {
                None => run.await.map_err(|e| self.run_error(e))?,
                Some(t) => match tokio::time::timeout(t, run).await {
                    Ok(r) => r.map_err(|e| self.run_error(e))?,
                    Err(_) => {
                        let job = self.cancel(&plan).await;
                        return Err(Error::Timeout {
                            url: self.addr.url(),
                            seconds: t.as_secs_f64(),
                            job,
                        });
                    }
                },
            };
            Ok(QueryResult { schema, batches })
        })
    }

    /// Cancels the job of a plan that was submitted (best effort); its id if it had one.
    async fn cancel(&self, plan: &Arc<dyn ExecutionPlan>) -> Option<String> {
        let exec = plan.downcast_ref::<DistributedQueryExec<LogicalPlanNode>>()?;
        let job = exec.job_id()?.to_string();
        let url = format!("http://{}:{}", self.addr.host, self.addr.port);
        match SchedulerGrpcClient::connect(url).await {
            Ok(mut c) => {
                if let Err(e) = c.cancel_job(CancelJobParams { job_id: job.clone() }).await {
                    log::warn!("cancelling job {job}: {e}");
                }
            }
            Err(e) => log::warn!("cancelling job {job}: {e}"),
        }
        Some(job)
    }

    /// An error while parsing or planning on this machine.
    fn plan_error(&self, e: datafusion::error::DataFusionError) -> Error {
        let m = e.to_string();
        if m.contains("table") && m.contains("not found") {
            return Error::Query(format!(
                "{m} (the lake at {} has tables only once something was ingested)",
                self.lake.display()
            ));
        }
        Error::Query(m)
    }

    /// An error while the job was submitted, ran or its results were fetched.
    fn run_error(&self, e: datafusion::error::DataFusionError) -> Error {
        classify(&self.addr.url(), &e.to_string())
    }
}

/// Sorts a Ballista client error into what the user should do about it.
fn classify(url: &str, m: &str) -> Error {
    let lower = m.to_ascii_lowercase();
    let transport = [
        "tcp connect error",
        "connection refused",
        "transport error",
        "dns error",
        "broken pipe",
    ];
    if lower.contains("job") && lower.contains("failed") {
        return Error::Job {
            url: url.to_string(),
            message: m.to_string(),
        };
    }
    // Fetching a result partition from an executor that went away.
    if lower.contains("fetch") && lower.contains("partition") {
        return Error::ExecutorLost {
            url: url.to_string(),
            attempts: 1,
            executors_before: None,
            executors_now: None,
            detail: m.to_string(),
        };
    }
    if transport.iter().any(|t| lower.contains(t)) {
        return Error::Unreachable {
            url: url.to_string(),
            detail: format!("the connection failed during the job ({m})"),
        };
    }
    Error::Query(m.to_string())
}

/// Runs one SQL statement over the lake under `data_dir` on the cluster at `url`: the cluster
/// counterpart of `entente_sql::sql`.
pub fn sql(url: &str, data_dir: &Path, query: &str) -> Result<QueryResult> {
    Cluster::connect(url, data_dir)?.sql(query)
}

impl From<Error> for entente_events::QueryError {
    fn from(e: Error) -> entente_events::QueryError {
        match e {
            Error::Query(_) => entente_events::QueryError::Request(e.to_string()),
            _ => entente_events::QueryError::Unavailable(e.to_string()),
        }
    }
}

/// The cluster answers the questions the local lake answers, so the CLI, the server and the
/// analyses take either.
impl entente_events::EventData for Cluster {
    /// The dyadic series, as `Lake::dyad_series` answers it for the same query.
    fn dyad_series(&self, q: &SeriesQuery) -> std::result::Result<Vec<SeriesRow>, entente_events::QueryError> {
        let sql = queries::series_sql(q)?;
        let r = self.sql(&sql)?;
        Ok(queries::series_from_batches(q, &r.batches)?)
    }

    /// The `n` counterparts of `side` with most events, as `Lake::top_counterparts` answers.
    fn top_counterparts(
        &self,
        side: &SideSpec,
        n: usize,
        from: Option<Day>,
        to: Option<Day>,
        sources: &[SourceKind],
    ) -> std::result::Result<Vec<Counterpart>, entente_events::QueryError> {
        match queries::top_counterparts_sql(side, n, from, to, sources) {
            Some(sql) => Ok(queries::counterparts_from_batches(&self.sql(&sql)?.batches)?),
            None => Ok(Vec::new()),
        }
    }

    /// Event counts by type between `a` and `b` (or `a` and anyone), as `Lake::type_breakdown`.
    fn type_breakdown(
        &self,
        a: &SideSpec,
        b: Option<&SideSpec>,
        from: Option<Day>,
        to: Option<Day>,
        symmetric: bool,
        sources: &[SourceKind],
    ) -> std::result::Result<Breakdown, entente_events::QueryError> {
        if let Some(b) = b {
            let q = SeriesQuery::for_breakdown(a, b, from, to, symmetric, sources);
            return Ok(Breakdown::of_series(&self.dyad_series(&q)?));
        }
        let counts = match queries::breakdown_sql(a, from, to, symmetric, sources) {
            Some(sql) => queries::counts_from_batches(&self.sql(&sql)?.batches)?,
            None => entente_events::Counts::default(),
        };
        Ok(Breakdown { counts })
    }

    /// The lake's statistics when this machine sees the lake at the cluster's path too.
    fn stats(&self) -> Option<entente_events::LakeStats> {
        let dir = self.lake.parent()?;
        self.lake
            .is_dir()
            .then(|| entente_events::Lake::open(dir).ok())
            .flatten()
            .map(|l| l.stats())
    }

    fn place(&self) -> Option<String> {
        Some(format!(
            "Computed on the Ballista cluster at {} from {}.",
            self.url(),
            self.lake.display()
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses() {
        let a = SchedulerAddr::parse("df://10.0.0.5:50050").unwrap();
        assert_eq!((a.host.as_str(), a.port), ("10.0.0.5", 50050));
        assert_eq!(SchedulerAddr::parse("sched").unwrap().url(), "df://sched:50050");
        assert_eq!(SchedulerAddr::parse("http://h:7/").unwrap().url(), "df://h:7");
        assert_eq!(SchedulerAddr::parse("[::1]:9").unwrap().url(), "df://[::1]:9");
        for bad in ["", "df://", "s3://bucket/x", "h:notaport", "h:0", "df://h:1/path"] {
            assert!(SchedulerAddr::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn errors_are_sorted() {
        let e = classify("df://h:1", "Execution error: Job abc failed: Task failed");
        assert!(matches!(e, Error::Job { .. }), "{e}");
        let e = classify("df://h:1", "Execution error: Status { message: \"transport error\" }");
        assert!(matches!(e, Error::Unreachable { .. }), "{e}");
        assert!(e.to_string().contains("df://h:1"));
    }
}
