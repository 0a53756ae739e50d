//! Ingest spread over a cluster's executors, one task per file.
//!
//! The client holds the lake's lock ([`entente_events::Lake::staging`]) and submits a physical
//! plan: a memory table with one partition per file (one row: its number and path) under an
//! [`IngestExec`]. Each task runs [`entente_events::stage`] on its file, which ingests it into
//! `<lake>/.staging/<session>-<job>-<number>` with the same code as a local ingest, and answers
//! one row (the report, or the error; also written beside the staged lake as `outcome.json`). The
//! client then moves the staged parts into the lake and commits them with one manifest write
//! ([`entente_events::Staging::adopt`]), so the lake is the one a local ingest of the same files
//! writes, byte for byte.
//!
//! Files go in jobs of at most [`crate::ClusterOptions::files_per_job`], each committed when it
//! ends. A job stopped because an executor was lost is submitted again for the files whose
//! outcome was not yet written: files finished before the loss are not read again.
//!
//! The plan node travels through [`Codec`], which the scheduler and the executors must use (the
//! `entente cluster` programs and `entente-scheduler`/`entente-executor` do; a stock Ballista
//! scheduler cannot decode the plan).
//! The file is the row's, not the partition's: however the scheduler groups partitions into
//! tasks, each file is ingested once per job.

use datafusion::arrow::array::{Array, ArrayRef, RecordBatch, StringArray, UInt32Array};
use datafusion::arrow::datatypes::{DataType, Field, Schema, SchemaRef};
use datafusion::common::tree_node::TreeNodeRecursion;
use datafusion::common::{DataFusionError, Result as DfResult};
use datafusion::datasource::memory::MemorySourceConfig;
use datafusion::execution::{SendableRecordBatchStream, TaskContext};
use datafusion::physical_expr::{EquivalenceProperties, PhysicalExpr};
use datafusion::physical_plan::execution_plan::{Boundedness, EmissionType};
use datafusion::physical_plan::stream::RecordBatchStreamAdapter;
use datafusion::physical_plan::{DisplayAs, DisplayFormatType, ExecutionPlan, ExecutionPlanProperties, PlanProperties};
use datafusion_proto::physical_plan::{PhysicalExtensionCodec, PhysicalProtoConverterExtension};
use entente_events::{IngestOptions, IngestReport, SourceKind};
use futures::{StreamExt, TryStreamExt};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What every task of an ingest job is told: where the lake is, what the files are, how to write.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct IngestSpec {
    /// The data directory (`<data_dir>/lake`), at the same absolute path on every machine.
    pub data_dir: PathBuf,
    pub kind: SourceKind,
    pub options: IngestOptions,
    /// The client's ingest (a token of its time and process) and this submission's number: file `n`
    /// is staged into `<lake>/.staging/<session>-<job>-<n>`, so that a task of an earlier,
    /// stopped submission or of an interrupted client still running somewhere never writes
    /// where this one does.
    pub session: String,
    pub job: u32,
    /// The client's [`entente_events::Lake::fingerprint`] when it submitted: a task that sees
    /// another manifest refuses its file.
    pub base: String,
}

/// Runs [`entente_events::stage`] for each row (`n`, `path`) of its input.
#[derive(Debug)]
pub struct IngestExec {
    spec: IngestSpec,
    input: Arc<dyn ExecutionPlan>,
    properties: Arc<PlanProperties>,
}

/// The rows an ingest job answers: the file's number and its [`TaskOutcome`] (JSON).
pub fn result_schema() -> SchemaRef {
    Arc::new(Schema::new(vec![
        Field::new("n", DataType::UInt32, false),
        Field::new("outcome", DataType::Utf8, false),
    ]))
}

/// What a task reports for its file, in its row and in `<staged lake>/outcome.json`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct TaskOutcome {
    /// The executor process that read the file (`host pid N`).
    pub worker: String,
    /// Its report, or why it could not be ingested.
    pub outcome: Result<IngestReport, String>,
}

impl IngestSpec {
    /// Where the task for file `n` stages it, under the lake's staging directory.
    fn staged_name(&self, n: u32) -> String {
        format!("{}-{}-{n}", self.session, self.job)
    }
}

/// A token that no other ingest uses: the time and this process.
fn session_token() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    format!("{:x}", nanos ^ (u128::from(std::process::id()) << 64))
}

const OUTCOME: &str = "outcome.json";

fn files_schema() -> SchemaRef {
    Arc::new(Schema::new(vec![
        Field::new("n", DataType::UInt32, false),
        Field::new("path", DataType::Utf8, false),
    ]))
}

impl IngestExec {
    /// The plan for `files` (each with its number): one partition, so one task, per file.
    pub fn plan(spec: IngestSpec, files: &[(u32, &PathBuf)]) -> DfResult<Arc<dyn ExecutionPlan>> {
        let schema = files_schema();
        let partitions = files
            .iter()
            .map(|&(n, f)| {
                let batch = RecordBatch::try_new(
                    schema.clone(),
                    vec![
                        Arc::new(UInt32Array::from(vec![n])) as ArrayRef,
                        Arc::new(StringArray::from(vec![f.to_string_lossy().into_owned()])),
                    ],
                )?;
                Ok(vec![batch])
            })
            .collect::<DfResult<Vec<_>>>()?;
        let input = MemorySourceConfig::try_new_exec(&partitions, schema, None)?;
        Ok(Arc::new(IngestExec::new(spec, input)))
    }

    fn new(spec: IngestSpec, input: Arc<dyn ExecutionPlan>) -> IngestExec {
        let properties = Arc::new(PlanProperties::new(
            EquivalenceProperties::new(result_schema()),
            input.output_partitioning().clone(),
            EmissionType::Final,
            Boundedness::Bounded,
        ));
        IngestExec {
            spec,
            input,
            properties,
        }
    }
}

impl DisplayAs for IngestExec {
    fn fmt_as(&self, _t: DisplayFormatType, f: &mut fmt::Formatter) -> fmt::Result {
        write!(
            f,
            "IngestExec: source={} lake={}",
            self.spec.kind.name(),
            self.spec.data_dir.join("lake").display()
        )
    }
}

impl ExecutionPlan for IngestExec {
    fn name(&self) -> &str {
        "IngestExec"
    }

    fn properties(&self) -> &Arc<PlanProperties> {
        &self.properties
    }

    fn children(&self) -> Vec<&Arc<dyn ExecutionPlan>> {
        vec![&self.input]
    }

    fn apply_expressions(
        &self,
        _f: &mut dyn FnMut(&Arc<dyn PhysicalExpr>) -> DfResult<TreeNodeRecursion>,
    ) -> DfResult<TreeNodeRecursion> {
        Ok(TreeNodeRecursion::Continue)
    }

    // One file per partition, as planned: no repartitioning in between.
    fn benefits_from_input_partitioning(&self) -> Vec<bool> {
        vec![false]
    }

    fn with_new_children(
        self: Arc<Self>,
        mut children: Vec<Arc<dyn ExecutionPlan>>,
    ) -> DfResult<Arc<dyn ExecutionPlan>> {
        if children.len() != 1 {
            return Err(DataFusionError::Internal("IngestExec has one input".into()));
        }
        Ok(Arc::new(IngestExec::new(self.spec.clone(), children.swap_remove(0))))
    }

    fn execute(&self, partition: usize, ctx: Arc<TaskContext>) -> DfResult<SendableRecordBatchStream> {
        let input = self.input.execute(partition, ctx)?;
        let spec = self.spec.clone();
        let out = input.and_then(move |files| {
            let spec = spec.clone();
            async move {
                let bad = || DataFusionError::Internal("IngestExec: unexpected input columns".into());
                let ns = files.column(0).as_any().downcast_ref::<UInt32Array>().ok_or_else(bad)?;
                let paths = files.column(1).as_any().downcast_ref::<StringArray>().ok_or_else(bad)?;
                let jobs: Vec<(u32, String)> = (0..files.num_rows())
                    .map(|r| (ns.value(r), paths.value(r).to_string()))
                    .collect();
                let (mut n, mut outcomes) = (Vec::new(), Vec::new());
                for (i, path) in jobs {
                    let spec = spec.clone();
                    // Ingest is blocking file work with threads of its own.
                    let json = tokio::task::spawn_blocking(move || {
                        let name = spec.staged_name(i);
                        let outcome = TaskOutcome {
                            worker: worker(),
                            outcome: entente_events::stage(
                                &spec.data_dir,
                                &name,
                                path.as_ref(),
                                spec.kind,
                                &spec.options,
                                Some(&spec.base),
                            )
                            .map_err(|e| e.to_string()),
                        };
                        let json = serde_json::to_string(&outcome)?;
                        let dir = entente_events::lake::staging_dir(&spec.data_dir).join(&name);
                        // A skipped or failed file has no staged lake yet: the outcome makes one.
                        let written = std::fs::create_dir_all(&dir).map_err(|e| e.to_string()).and_then(|()| {
                            entente_events::lake::replace_file(&dir.join(OUTCOME), json.as_bytes())
                                .map_err(|e| e.to_string())
                        });
                        if let Err(e) = written {
                            // The row still carries it; only a resubmission would read the file.
                            log::warn!("{}: {e}", dir.join(OUTCOME).display());
                        }
                        Ok::<_, serde_json::Error>(json)
                    })
                    .await
                    .map_err(|e| DataFusionError::External(Box::new(e)))?
                    .map_err(|e| DataFusionError::External(Box::new(e)))?;
                    n.push(i);
                    outcomes.push(json);
                }
                RecordBatch::try_new(
                    result_schema(),
                    vec![
                        Arc::new(UInt32Array::from(n)) as ArrayRef,
                        Arc::new(StringArray::from(outcomes)),
                    ],
                )
                .map_err(DataFusionError::from)
            }
        });
        Ok(Box::pin(RecordBatchStreamAdapter::new(result_schema(), out.boxed())))
    }
}

/// Marks an [`IngestExec`] among the extension nodes Ballista's own codec encodes.
const MAGIC: &[u8] = b"entente-ingest/1:";

/// Ballista's physical codec, plus [`IngestExec`]. The scheduler and the executors must decode
/// with it (`SchedulerConfig::override_physical_codec`,
/// `ExecutorProcessConfig::override_physical_codec`), and the client encodes with it.
#[derive(Debug, Default)]
pub struct Codec {
    ballista: ballista_core::serde::BallistaPhysicalExtensionCodec,
}

impl Codec {
    pub fn shared() -> Arc<dyn PhysicalExtensionCodec> {
        Arc::new(Codec::default())
    }
}

impl PhysicalExtensionCodec for Codec {
    fn try_decode(
        &self,
        buf: &[u8],
        inputs: &[Arc<dyn ExecutionPlan>],
        ctx: &TaskContext,
        converter: &dyn PhysicalProtoConverterExtension,
    ) -> DfResult<Arc<dyn ExecutionPlan>> {
        let Some(spec) = buf.strip_prefix(MAGIC) else {
            return self.ballista.try_decode(buf, inputs, ctx, converter);
        };
        let spec: IngestSpec = serde_json::from_slice(spec)
            .map_err(|e| DataFusionError::Internal(format!("IngestExec: cannot decode its settings: {e}")))?;
        let [input] = inputs else {
            return Err(DataFusionError::Internal("IngestExec has one input".into()));
        };
        Ok(Arc::new(IngestExec::new(spec, input.clone())))
    }

    fn try_encode(
        &self,
        node: Arc<dyn ExecutionPlan>,
        buf: &mut Vec<u8>,
        converter: &dyn PhysicalProtoConverterExtension,
    ) -> DfResult<()> {
        match node.downcast_ref::<IngestExec>() {
            Some(exec) => {
                buf.extend_from_slice(MAGIC);
                serde_json::to_writer(buf, &exec.spec).map_err(|e| DataFusionError::External(Box::new(e)))
            }
            None => self.ballista.try_encode(node, buf, converter),
        }
    }
}

/// The process a task runs in: `host pid N`.
fn worker() -> String {
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .ok()
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "?".into());
    format!("{host} pid {}", std::process::id())
}

/// The options each task of an ingest job ingests its file with: the defaults, with one parser
/// thread, since an executor runs as many tasks side by side as it has slots. (Parser threads do
/// not change what is written: the lake is the same with any number.)
pub fn task_options() -> IngestOptions {
    IngestOptions {
        workers: 1,
        ..IngestOptions::default()
    }
}

/// What happened to one file of an ingest on the cluster.
#[derive(Clone, Debug)]
pub struct FileIngest {
    pub path: PathBuf,
    /// The executor process that read it (`host pid N`).
    pub worker: String,
    /// Which submission of its job ingested it: 1, or more when an executor was lost before.
    pub attempt: usize,
    /// Its report, or why it was not ingested (the lake is as it was for it).
    pub outcome: Result<IngestReport, String>,
    /// Its staged lake's name under the staging directory.
    staged: String,
}

impl FileIngest {
    fn new(path: &Path, attempt: usize, staged: String, t: TaskOutcome) -> FileIngest {
        FileIngest {
            path: path.to_path_buf(),
            worker: t.worker,
            attempt,
            outcome: t.outcome,
            staged,
        }
    }
}

/// The outcomes an ingest job answered, by file number.
fn decode_rows(batches: &[RecordBatch]) -> Result<Vec<(u32, TaskOutcome)>, String> {
    let mut out = Vec::new();
    for b in batches {
        let bad = || "the ingest job answered unexpected columns".to_string();
        let ns = b.column(0).as_any().downcast_ref::<UInt32Array>().ok_or_else(bad)?;
        let outcomes = b.column(1).as_any().downcast_ref::<StringArray>().ok_or_else(bad)?;
        for r in 0..b.num_rows() {
            let t = serde_json::from_str(outcomes.value(r)).map_err(|e| format!("an executor's answer: {e}"))?;
            out.push((ns.value(r), t));
        }
    }
    Ok(out)
}

impl crate::Cluster {
    /// Ingests `files` (paths every executor reads, the same on every machine) into `lake` (the
    /// lake under this cluster's data directory), one task per file on the executors, and
    /// commits them: in jobs of [`crate::ClusterOptions::files_per_job`] files for GDELT, one job
    /// per file for sources that repeat ids within and across files (ICEWS, POLECAT), so that each
    /// file is checked against the ones before it as a local ingest checks it. A GDELT file of a
    /// job whose kept ids meet an earlier file's of the same job goes again, after it, in the next
    /// job (with the files after it). Each job is committed when it ends; `done` is called for its files then.
    ///
    /// A file that cannot be ingested (unreadable, malformed) is reported and the others go on.
    /// A job stopped because an executor was lost is submitted again for the files not finished
    /// (see [`crate::ClusterOptions::retries`]); a job that fails for good (retries exhausted,
    /// every executor lost, scheduler gone) returns the error after committing the files it
    /// finished (reported through `done`); the lake is as it was for the others.
    pub fn ingest(
        &self,
        lake: &mut entente_events::Lake,
        files: &[PathBuf],
        kind: SourceKind,
        options: &IngestOptions,
        done: &mut dyn FnMut(&FileIngest),
    ) -> crate::Result<Vec<FileIngest>> {
        let data_dir = self.lake.parent().unwrap_or(&self.lake).to_path_buf();
        if lake.root() != self.lake {
            return Err(crate::Error::Lake(format!(
                "the lake to ingest into is {}, the cluster's is {}",
                lake.root().display(),
                self.lake.display()
            )));
        }
        let files: Vec<PathBuf> = files
            .iter()
            .map(|f| std::path::absolute(f).unwrap_or_else(|_| f.clone()))
            .collect();
        let mut staging = lake.staging().map_err(|e| crate::Error::Lake(e.to_string()))?;
        let mut spec = IngestSpec {
            data_dir,
            kind,
            options: options.clone(),
            session: session_token(),
            job: 0,
            base: String::new(),
        };
        let per_job = if kind.repeats_ids_within_file() {
            1
        } else {
            self.opts.files_per_job.max(1)
        };
        let mut out = Vec::with_capacity(files.len());
        let mut next = 0;
        while next < files.len() {
            let group = &files[next..files.len().min(next + per_job)];
            let mut results: Vec<Option<FileIngest>> = vec![None; group.len()];
            let mut attempt = 0;
            spec.base = staging.lake().fingerprint();
            let ran = self.retrying(|| {
                spec.job += 1;
                attempt += 1;
                let pending: Vec<(u32, &PathBuf)> = (0u32..)
                    .zip(group)
                    .filter(|(n, _)| results[*n as usize].is_none())
                    .collect();
                if pending.is_empty() {
                    // Every file had finished when its job was stopped.
                    return Ok(());
                }
                let plan = IngestExec::plan(spec.clone(), &pending).map_err(|e| crate::Error::Query(e.to_string()))?;
                match self.run_plan_once(plan).map_err(refused) {
                    Ok(batches) => {
                        for (n, t) in decode_rows(&batches).map_err(crate::Error::Lake)? {
                            let i = n as usize;
                            let path = group.get(i).ok_or_else(|| {
                                crate::Error::Lake(format!("the ingest job answered for a file {n} it was not given"))
                            })?;
                            results[i] = Some(FileIngest::new(path, attempt, spec.staged_name(n), t));
                        }
                        Ok(())
                    }
                    Err(e) => {
                        // Keep what finished: the outcomes the tasks wrote beside their lakes.
                        for (n, path) in pending {
                            let name = spec.staged_name(n);
                            let read = std::fs::read(staging.dir().join(&name).join(OUTCOME)).ok();
                            if let Some(t) = read.and_then(|b| serde_json::from_slice::<TaskOutcome>(&b).ok()) {
                                results[n as usize] = Some(FileIngest::new(path, attempt, name, t));
                            }
                        }
                        Err(e)
                    }
                }
            });
            let mut finished: Vec<FileIngest> = Vec::with_capacity(group.len());
            let mut silent = None;
            for (f, r) in group.iter().zip(results) {
                match r {
                    Some(r) => finished.push(r),
                    None if ran.is_ok() && silent.is_none() => silent = Some(f.display().to_string()),
                    None => {}
                }
            }
            // A job's files were staged side by side, each checked against the lake as it was before
            // the job; a file whose event ids meet an earlier one's of the same job would have lost
            // those rows had it come after it, as in a local ingest. From the first such file on,
            // the job's files go again in the next job (GDELT's successive files never meet).
            let again = finished.iter().enumerate().position(|(i, f)| {
                let Ok(r) = &f.outcome else { return false };
                finished[..i]
                    .iter()
                    .any(|e| e.outcome.as_ref().is_ok_and(|earlier| earlier.ids_may_meet(r)))
            });
            if let Some(i) = again {
                finished.truncate(i);
            }
            commit(&mut staging, kind, &mut finished)?;
            // The outcomes, and what stopped submissions left.
            staging.clear();
            for f in &finished {
                done(f);
            }
            next += if again.is_some() { finished.len() } else { group.len() };
            out.extend(finished);
            ran?;
            if let Some(f) = silent {
                return Err(crate::Error::Lake(format!("the ingest job answered nothing for {f}")));
            }
        }
        Ok(out)
    }

    /// Submits a physical plan (encoded with [`Codec`]) and collects its rows.
    fn run_plan_once(&self, plan: Arc<dyn ExecutionPlan>) -> crate::Result<Vec<RecordBatch>> {
        use ballista::extension::SessionConfigExt;
        self.rt.block_on(async {
            let config = self
                .ctx
                .copied_config()
                .set_str("ballista.job.name", "entente ingest")
                .set_usize(ballista_core::config::BALLISTA_SCHEDULER_MAX_PARTITIONS_PER_TASK, 1);
            let ballista = config.ballista_config();
            let url = format!("http://{}:{}", self.addr.host, self.addr.port);
            let stream = ballista_core::execution_plans::execute_physical_plan::<
                datafusion_proto::protobuf::PhysicalPlanNode,
            >(url, &ballista, plan, &Codec::default(), self.ctx.session_id(), config)
            .await
            .map_err(|e| self.run_error(e))?;
            stream.try_collect().await.map_err(|e| self.run_error(e))
        })
    }
}

/// Moves the staged lakes of `finished` files into the lake with one manifest write. A file
/// whose staged lake this machine does not see becomes an error saying so; a content staged
/// twice is adopted once (the second is reported as already in the lake).
fn commit(
    staging: &mut entente_events::Staging<'_>,
    kind: SourceKind,
    finished: &mut [FileIngest],
) -> crate::Result<()> {
    let mut staged = Vec::new();
    for (i, f) in finished.iter_mut().enumerate() {
        let Ok(r) = &f.outcome else { continue };
        if r.skipped {
            continue;
        }
        let dir = staging.dir().join(&f.staged);
        if !dir.join("manifest.json").exists() {
            f.outcome = Err(format!(
                "an executor ingested it into {}, which this machine does not see: mount the data \
                 directory at the same absolute path on every machine of the cluster (or ingest here: \
                 `--cluster local`)",
                dir.display()
            ));
            continue;
        }
        staged.push((i, (dir, r.hash.clone())));
    }
    let dirs: Vec<(PathBuf, String)> = staged.iter().map(|(_, d)| d.clone()).collect();
    let new = staging.adopt(&dirs).map_err(|e| crate::Error::Lake(e.to_string()))?;
    for ((i, (_, hash)), new) in staged.iter().zip(new) {
        if !new {
            // The same content twice in one job: reported as a local ingest reports it.
            if let Some(r) = staging.lake().already_ingested(hash, kind) {
                finished[*i].outcome = Ok(r);
            }
        }
    }
    Ok(())
}

/// A job the cluster would not plan or run is most likely one its programs cannot decode.
fn refused(e: crate::Error) -> crate::Error {
    match e {
        crate::Error::Query(m) => crate::Error::Config(format!(
            "the cluster refused the ingest job ({m}): its scheduler and executors must be entente's \
             (`entente cluster scheduler|executor`, or entente-scheduler and entente-executor), which \
             know the ingest plan"
        )),
        e => e,
    }
}
