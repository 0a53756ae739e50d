//! entente-scheduler: a Ballista scheduler for entente's event lake, built from the
//! `ballista-scheduler` library (so that no separate install is needed).
//!
//! It plans the queries clients submit, lists the lake's files (it must see the lake at the same
//! path as the executors), hands tasks to the executors and tracks them: a task whose executor dies
//! is run again elsewhere, up to `--task-max-failures` times.
//!
//! Two changes to what the library does when an executor is lost (dies, or stops answering for
//! `--executor-timeout`), both in the cluster state below, which wraps Ballista's in-memory one:
//!
//! 1. **Jobs that had tasks on the lost executor are cancelled**, and entente's client runs the
//!    query again on the executors left. Ballista 55 tries to resume such a job by re-running the
//!    lost work, but when a stage that had already started is rolled back, the output its earlier
//!    attempt wrote on the surviving executors is kept beside the new attempt's, and the job
//!    succeeds with rows counted twice (seen in this crate's tests: inflated counts, with either
//!    task scheduling policy). A wrong answer is worse than a slower one. For the same reason a
//!    job in which any stage is on its second attempt (a shuffle fetch failed before the
//!    executor was declared lost) is cancelled and never given more tasks.
//! 2. **Free vcores cannot leak.** The scheduler keeps, per executor, a budget of free vcores that
//!    binding a task takes from and the task's status gives back; a task whose stage was rolled
//!    back or whose job ended gives back nothing, so the executors that survive a loss could end
//!    up with no free vcores, and every later job would wait forever. Before each binding round
//!    every budget is topped up to the executor's vcores minus the tasks its active jobs run on it.

use crate::program::{flag_values, number, start};
use ballista_core::config::TaskSchedulingPolicy;
use ballista_core::error::Result as BResult;
use ballista_core::serde::protobuf::{job_status, task_status, ExecutorHeartbeat, JobStatus};
use ballista_core::serde::scheduler::{ExecutorData, ExecutorMetadata};
use ballista_core::JobId;
use ballista_scheduler::cluster::{BallistaCluster, BoundTask, ClusterState, ClusterStateEventStream, ExecutorSlot};
use ballista_scheduler::config::{SchedulerConfig, TaskDistributionPolicy};
use ballista_scheduler::scheduler_process::{create_scheduler, start_grpc_service_with_listener};
use ballista_scheduler::state::execution_stage::ExecutionStage;
use ballista_scheduler::state::task_manager::JobInfoCache;
use datafusion_proto::protobuf::{LogicalPlanNode, PhysicalPlanNode};
use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::process::ExitCode;
use std::sync::{Arc, Mutex, OnceLock};

type Server = ballista_scheduler::scheduler_server::SchedulerServer<LogicalPlanNode, PhysicalPlanNode>;

const USAGE: &str = "usage: PROGRAM [options]

  --bind-host HOST          address to listen on [127.0.0.1; 0.0.0.0 for every interface]
  --port PORT               gRPC and health port [50050; 0 picks a free port, printed at start]
  --external-host HOST      name the other machines use for this one [localhost]
  --task-distribution D     bias (fill one executor first) or round-robin [round-robin]
  --executor-timeout SECS   an executor silent this long is dead, its tasks run elsewhere [60]
  --expire-interval SECS    how often dead executors are looked for [5]
  --min-executors N         executors needed before /readyz says ready [1]
  --task-max-failures N     attempts of a task before its job fails [4]
  --stage-max-failures N    attempts of a stage (after lost shuffle data) before its job fails [4]
  --log-level SPEC          e.g. info or info,datafusion=warn [info]

The scheduler answers GET /readyz on its port: `ready: N executors registered`.";

struct Opts {
    bind_host: String,
    port: u16,
    external_host: String,
    distribution: TaskDistributionPolicy,
    executor_timeout: u64,
    expire_interval: u64,
    min_executors: usize,
    task_max_failures: usize,
    stage_max_failures: usize,
    log: String,
}

fn parse(args: &[String]) -> Result<Opts, String> {
    let mut o = Opts {
        bind_host: "127.0.0.1".into(),
        port: 50050,
        external_host: "localhost".into(),
        distribution: TaskDistributionPolicy::RoundRobin,
        executor_timeout: 60,
        expire_interval: 5,
        min_executors: 1,
        task_max_failures: 4,
        stage_max_failures: 4,
        log: "info".into(),
    };
    let known = [
        "--bind-host",
        "--port",
        "--external-host",
        "--task-distribution",
        "--executor-timeout",
        "--expire-interval",
        "--min-executors",
        "--task-max-failures",
        "--stage-max-failures",
        "--log-level",
    ];
    for (flag, v) in flag_values(args, &known)? {
        let num = |v: &str| number::<u64>(&flag, v, "number");
        match flag.as_str() {
            "--bind-host" => o.bind_host = v,
            "--port" => o.port = number(&flag, &v, "port")?,
            "--external-host" => o.external_host = v,
            "--task-distribution" => {
                o.distribution = match v.as_str() {
                    "bias" => TaskDistributionPolicy::Bias,
                    "round-robin" => TaskDistributionPolicy::RoundRobin,
                    v => return Err(format!("--task-distribution: '{v}' is neither bias nor round-robin")),
                }
            }
            "--executor-timeout" => o.executor_timeout = num(&v)?,
            "--expire-interval" => o.expire_interval = num(&v)?,
            "--min-executors" => o.min_executors = num(&v)? as usize,
            "--task-max-failures" => o.task_max_failures = num(&v)?.max(1) as usize,
            "--stage-max-failures" => o.stage_max_failures = num(&v)?.max(1) as usize,
            _ => o.log = v, // --log-level, the last of `known`
        }
    }
    Ok(o)
}

/// Runs the scheduler with `args` (without the program name) until it is stopped; `program` names
/// it in messages (`entente-scheduler`, or `entente cluster scheduler`).
pub fn main(program: &str, args: &[String]) -> ExitCode {
    let (o, rt) = match start(program, USAGE, args, parse, |o: &Opts| &o.log) {
        Ok(x) => x,
        Err(code) => return code,
    };
    match rt.block_on(run(program, o)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(m) => {
            eprintln!("{program}: {m}");
            ExitCode::FAILURE
        }
    }
}

async fn run(program: &str, o: Opts) -> Result<(), String> {
    let listener = tokio::net::TcpListener::bind((o.bind_host.as_str(), o.port))
        .await
        .map_err(|e| format!("cannot listen on {}:{}: {e}", o.bind_host, o.port))?;
    let local = listener.local_addr().map_err(|e| e.to_string())?;
    let config = SchedulerConfig {
        bind_host: o.bind_host.clone(),
        bind_port: local.port(),
        external_host: o.external_host.clone(),
        // Push: the scheduler hands tasks out (its accounting is what the repairs below fix).
        scheduling_policy: TaskSchedulingPolicy::PushStaged,
        task_distribution: o.distribution,
        executor_timeout_seconds: o.executor_timeout,
        expire_dead_executor_interval_seconds: o.expire_interval,
        no_executors_grace_period_seconds: o.executor_timeout,
        min_ready_executors: o.min_executors,
        task_max_failures: o.task_max_failures,
        stage_max_failures: o.stage_max_failures,
        // Ballista's plans plus entente's ingest node.
        override_physical_codec: Some(crate::ingest::Codec::shared()),
        ..SchedulerConfig::default()
    };
    config.validate().map_err(|e| e.to_string())?;
    let config = Arc::new(config);
    let base = BallistaCluster::new_from_config(&config)
        .await
        .map_err(|e| format!("cannot set up the cluster state: {e}"))?;
    let repairing = Arc::new(Repairing::new(base.cluster_state()));
    let cluster = BallistaCluster::new(repairing.clone(), base.job_state());
    let scheduler = create_scheduler::<LogicalPlanNode, PhysicalPlanNode>(cluster, config)
        .await
        .map_err(|e| format!("cannot start the scheduler: {e}"))?;
    let _ = repairing.server.set(scheduler.clone());
    // One line on stdout that scripts (and the tests) wait for.
    println!(
        "{program} listening on {local} (clients: --cluster df://{}:{})",
        o.external_host,
        local.port()
    );
    let _ = std::io::stdout().flush();
    tokio::select! {
        r = start_grpc_service_with_listener(listener, scheduler) => r.map_err(|e| format!("scheduler stopped: {e}")),
        _ = tokio::signal::ctrl_c() => {
            log::info!("interrupted: stopping");
            Ok(())
        }
        _ = terminate() => {
            log::info!("terminated: stopping");
            Ok(())
        }
    }
}

#[cfg(unix)]
async fn terminate() {
    match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
        Ok(mut s) => {
            s.recv().await;
        }
        Err(_) => std::future::pending::<()>().await,
    }
}

#[cfg(not(unix))]
async fn terminate() {
    std::future::pending::<()>().await
}

/// Ballista's cluster state with free-vcore budgets that cannot leak (see the module's comment).
/// It mirrors the inner state's budgets exactly (register sets, bind takes each bound task's
/// vcores, unbind gives back, remove forgets) and, before each binding round, gives back what
/// the budget lacks against the truth: the executor's vcores minus the vcores of the tasks that
/// the active jobs' graphs show running on it.
struct Repairing {
    inner: Arc<dyn ClusterState>,
    /// executor → (total vcores, free vcores as the inner state counts them).
    budgets: Mutex<HashMap<String, (u32, u32)>>,
    /// executor → the active jobs that have had tasks bound to it.
    jobs_on: Mutex<HashMap<String, HashSet<JobId>>>,
    /// Jobs already cancelled here.
    cancelled: Mutex<HashSet<JobId>>,
    /// The scheduler, to cancel jobs (set once it exists).
    server: OnceLock<Server>,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl Repairing {
    fn new(inner: Arc<dyn ClusterState>) -> Repairing {
        Repairing {
            inner,
            budgets: Mutex::new(HashMap::new()),
            jobs_on: Mutex::new(HashMap::new()),
            cancelled: Mutex::new(HashSet::new()),
            server: OnceLock::new(),
        }
    }

    fn budgets(&self) -> std::sync::MutexGuard<'_, HashMap<String, (u32, u32)>> {
        lock(&self.budgets)
    }

    /// Cancels a job that is still queued or running (once), so that its client runs the query
    /// again.
    async fn cancel(&self, job: &JobId, why: &str) {
        let Some(server) = self.server.get() else { return };
        let alive = matches!(
            server.state.task_manager.get_job_status(job).await,
            Ok(Some(JobStatus {
                status: Some(job_status::Status::Queued(_) | job_status::Status::Running(_)),
                ..
            }))
        );
        if !alive || !lock(&self.cancelled).insert(job.clone()) {
            return;
        }
        log::warn!("cancelling job {job}: {why}");
        if let Err(e) = server.cancel_job(job.clone()).await {
            log::error!("cannot cancel job {job}: {e}");
        }
    }
}

fn attempt(s: &ExecutionStage) -> usize {
    match s {
        ExecutionStage::UnResolved(s) => s.stage_attempt_num,
        ExecutionStage::Resolved(s) => s.stage_attempt_num,
        ExecutionStage::Running(s) => s.stage_attempt_num,
        ExecutionStage::Successful(s) => s.stage_attempt_num,
        ExecutionStage::Failed(s) => s.stage_attempt_num,
    }
}

#[async_trait::async_trait]
impl ClusterState for Repairing {
    async fn init(&self) -> BResult<()> {
        self.inner.init().await
    }

    async fn bind_schedulable_tasks(
        &self,
        distribution: TaskDistributionPolicy,
        active_jobs: Arc<HashMap<JobId, JobInfoCache>>,
        executors: Option<HashSet<String>>,
    ) -> BResult<Vec<BoundTask>> {
        // Vcores of the tasks running on each executor, as the jobs' graphs say, and the jobs
        // Ballista has started to resume (a stage on a later attempt).
        let mut running: HashMap<String, u32> = HashMap::new();
        let mut resumed = Vec::new();
        for (id, job) in active_jobs.iter() {
            let graph = job.execution_graph.read().await;
            if graph.stages().values().any(|s| attempt(s) > 0) {
                resumed.push(id.clone());
            }
            for stage in graph.stages().values() {
                for t in stage.task_infos().unwrap_or_default() {
                    if let task_status::Status::Running(r) = &t.task_status {
                        *running.entry(r.executor_id.clone()).or_default() += t.vcores_consumed;
                    }
                }
            }
        }
        let refunds: Vec<ExecutorSlot> = self
            .budgets()
            .iter()
            .filter_map(|(e, &(total, free))| {
                let truth = total.saturating_sub(running.get(e).copied().unwrap_or(0));
                (truth > free).then(|| (e.clone(), truth - free))
            })
            .collect();
        if !refunds.is_empty() {
            log::warn!("giving back vcores that finished or cancelled tasks did not return: {refunds:?}");
            self.unbind_tasks(refunds).await?;
        }
        lock(&self.cancelled).retain(|id| active_jobs.contains_key(id));
        let mut active_jobs = active_jobs;
        if !resumed.is_empty() {
            for id in &resumed {
                self.cancel(
                    id,
                    "one of its stages is being run again after a lost executor or shuffle fetch",
                )
                .await;
            }
            let kept = active_jobs
                .iter()
                .filter(|(id, _)| !resumed.contains(id))
                .map(|(id, j)| (id.clone(), j.clone()))
                .collect();
            active_jobs = Arc::new(kept);
        }
        let active: HashSet<JobId> = active_jobs.keys().cloned().collect();
        let bound = self
            .inner
            .bind_schedulable_tasks(distribution, active_jobs, executors)
            .await?;
        {
            let mut b = self.budgets();
            for (e, task) in &bound {
                if let Some(v) = b.get_mut(e) {
                    v.1 = v.1.saturating_sub(task.vcores_consumed);
                }
            }
        }
        let mut j = lock(&self.jobs_on);
        for jobs in j.values_mut() {
            jobs.retain(|id| active.contains(id));
        }
        for (e, task) in &bound {
            j.entry(e.clone()).or_default().insert(task.key.job_id.clone());
        }
        Ok(bound)
    }

    async fn unbind_tasks(&self, executor_slots: Vec<ExecutorSlot>) -> BResult<()> {
        self.inner.unbind_tasks(executor_slots.clone()).await?;
        let mut b = self.budgets();
        for (e, n) in executor_slots {
            if let Some(v) = b.get_mut(&e) {
                v.1 += n;
            }
        }
        Ok(())
    }

    async fn register_executor(&self, metadata: ExecutorMetadata, spec: ExecutorData) -> BResult<()> {
        let (id, total, free) = (spec.executor_id.clone(), spec.total_vcores, spec.available_vcores);
        self.inner.register_executor(metadata, spec).await?;
        self.budgets().insert(id, (total, free));
        Ok(())
    }

    async fn save_executor_metadata(&self, metadata: ExecutorMetadata) -> BResult<()> {
        self.inner.save_executor_metadata(metadata).await
    }

    async fn get_executor_metadata(&self, executor_id: &str) -> BResult<ExecutorMetadata> {
        self.inner.get_executor_metadata(executor_id).await
    }

    async fn registered_executor_metadata(&self) -> Vec<ExecutorMetadata> {
        self.inner.registered_executor_metadata().await
    }

    async fn save_executor_heartbeat(&self, heartbeat: ExecutorHeartbeat) -> BResult<()> {
        self.inner.save_executor_heartbeat(heartbeat).await
    }

    async fn remove_executor(&self, executor_id: &str) -> BResult<()> {
        self.inner.remove_executor(executor_id).await?;
        self.budgets().remove(executor_id);
        let jobs = lock(&self.jobs_on).remove(executor_id).unwrap_or_default();
        // Posted before the scheduler posts its own `ExecutorLost`, so each job is cancelled
        // before Ballista starts resuming it.
        for job in jobs {
            self.cancel(&job, &format!("it had tasks on the lost executor {executor_id}"))
                .await;
        }
        Ok(())
    }

    fn executor_heartbeats(&self) -> HashMap<String, ExecutorHeartbeat> {
        self.inner.executor_heartbeats()
    }

    fn get_executor_heartbeat(&self, executor_id: &str) -> Option<ExecutorHeartbeat> {
        self.inner.get_executor_heartbeat(executor_id)
    }

    async fn cluster_state_events(&self) -> BResult<ClusterStateEventStream> {
        self.inner.cluster_state_events().await
    }
}
