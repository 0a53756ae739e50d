//! entente-executor: a Ballista executor for entente's event lake, built from the
//! `ballista-executor` library (so that no separate install is needed).
//!
//! It registers with the scheduler, runs the tasks it is given (reading the lake's Parquet files
//! at the path the client registered: mount the lake at the same path on every machine), keeps
//! shuffle data in its work directory and serves it, and query results, over Arrow Flight.

use ballista_core::config::TaskSchedulingPolicy;
use ballista_executor::executor_process::{start_executor_process, ExecutorProcessConfig};
use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;

const USAGE: &str = "usage: entente-executor --scheduler df://HOST:PORT [options]

  --scheduler URL           the scheduler [df://localhost:50050]
  --bind-host HOST          address to listen on [127.0.0.1; 0.0.0.0 for every interface]
  --external-host HOST      name the scheduler, clients and other executors use for this machine
                            [the address the scheduler sees]
  --port PORT               Arrow Flight port: shuffle data and results [50051]
  --grpc-port PORT          task port [50052]
  --concurrent-tasks N      partitions run at once (vcores advertised) [the machine's cores]
  --work-dir DIR            shuffle files [a new temporary directory]
  --heartbeat SECS          heartbeat interval, shorter than the scheduler's --executor-timeout [10]
  --connect-timeout SECS    how long to wait for the scheduler at start [30]
  --memory-pool BYTES       memory for query operators before they spill [70% of the memory]
  --id ID                   executor id [generated]
  --log-level SPEC          e.g. info or info,datafusion=warn [info]";

fn parse(args: &[String]) -> Result<ExecutorProcessConfig, String> {
    let mut c = ExecutorProcessConfig {
        bind_host: "127.0.0.1".into(),
        scheduler_host: "localhost".into(),
        scheduler_port: 50050,
        scheduler_connect_timeout_seconds: 30,
        task_scheduling_policy: TaskSchedulingPolicy::PushStaged,
        executor_heartbeat_interval_seconds: 10,
        print_thread_info: false,
        special_mod_log_level: "info".into(),
        ..ExecutorProcessConfig::default()
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "-h" || a == "--help" {
            return Err(String::new());
        }
        let (flag, inline) = match a.split_once('=') {
            Some((f, v)) => (f.to_string(), Some(v.to_string())),
            None => (a.clone(), None),
        };
        let mut value = || -> Result<String, String> {
            inline
                .clone()
                .or_else(|| it.next().cloned())
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        let num =
            |v: String| -> Result<u64, String> { v.parse().map_err(|_| format!("{flag}: '{v}' is not a number")) };
        let port = |v: String| -> Result<u16, String> { v.parse().map_err(|_| format!("{flag}: '{v}' is not a port")) };
        match flag.as_str() {
            "--scheduler" => {
                let s = entente_cluster::SchedulerAddr::parse(&value()?).map_err(|e| e.to_string())?;
                c.scheduler_host = s.host;
                c.scheduler_port = s.port;
            }
            "--scheduler-host" => c.scheduler_host = value()?,
            "--scheduler-port" => c.scheduler_port = port(value()?)?,
            "--bind-host" => c.bind_host = value()?,
            "--external-host" => c.external_host = Some(value()?),
            "--port" => c.port = port(value()?)?,
            "--grpc-port" => c.grpc_port = port(value()?)?,
            "--concurrent-tasks" | "--vcores" => c.vcores = num(value()?)? as usize,
            "--work-dir" => c.work_dir = Some(value()?),
            "--heartbeat" => c.executor_heartbeat_interval_seconds = num(value()?)?.max(1),
            "--connect-timeout" => c.scheduler_connect_timeout_seconds = num(value()?)?.min(u16::MAX as u64) as u16,
            "--memory-pool" => c.memory_pool_size = Some(num(value()?)?),
            "--id" => c.executor_id = value()?,
            "--log-level" => c.special_mod_log_level = value()?,
            _ => return Err(format!("unknown option '{a}'")),
        }
    }
    if c.vcores == 0 {
        c.vcores = std::thread::available_parallelism().map_or(1, |n| n.get());
    }
    Ok(c)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut c = match parse(&args) {
        Ok(c) => c,
        Err(m) if m.is_empty() => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(m) => {
            eprintln!("entente-executor: {m}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    if let Err(m) = entente_cluster::logging::init(&c.special_mod_log_level) {
        eprintln!("entente-executor: --log-level: {m}");
        return ExitCode::from(2);
    }
    // A work directory that outlives the start-up (Ballista's default temporary one does not).
    let _tmp;
    if c.work_dir.is_none() {
        let dir = std::env::temp_dir().join(format!("entente-executor-{}-{}", std::process::id(), c.port));
        if let Err(e) = std::fs::create_dir_all(&dir) {
            eprintln!("entente-executor: cannot create {}: {e}", dir.display());
            return ExitCode::FAILURE;
        }
        c.work_dir = Some(dir.display().to_string());
        _tmp = RemoveOnDrop(dir);
    }
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_stack_size(32 * 1024 * 1024)
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("entente-executor: cannot start a runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!(
        "entente-executor {} on {}:{} (flight) and :{} (tasks), {} concurrent tasks, scheduler {}:{}, work dir {}",
        c.executor_id,
        c.bind_host,
        c.port,
        c.grpc_port,
        c.vcores,
        c.scheduler_host,
        c.scheduler_port,
        c.work_dir.as_deref().unwrap_or("")
    );
    let _ = std::io::stdout().flush();
    // Stops on SIGTERM or Ctrl-C (Ballista's shutdown: the scheduler is told, tasks are drained).
    match rt.block_on(start_executor_process(Arc::new(c))) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("entente-executor: {e}");
            ExitCode::FAILURE
        }
    }
}

struct RemoveOnDrop(std::path::PathBuf);

impl Drop for RemoveOnDrop {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
