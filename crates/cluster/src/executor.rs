//! entente-executor: a Ballista executor for entente's event lake, built from the
//! `ballista-executor` library (so that no separate install is needed).
//!
//! It registers with the scheduler, runs the tasks it is given (reading the lake's Parquet files
//! at the path the client registered: mount the lake at the same path on every machine), keeps
//! shuffle data in its work directory and serves it, and query results, over Arrow Flight.

use crate::program::{flag_values, number, start};
use ballista_core::config::TaskSchedulingPolicy;
use ballista_executor::executor_process::{start_executor_process, ExecutorProcessConfig};
use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;

const USAGE: &str = "usage: PROGRAM --scheduler df://HOST:PORT [options]

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
        // Ballista's plans plus entente's ingest node.
        override_physical_codec: Some(crate::ingest::Codec::shared()),
        ..ExecutorProcessConfig::default()
    };
    let known = [
        "--scheduler",
        "--scheduler-host",
        "--scheduler-port",
        "--bind-host",
        "--external-host",
        "--port",
        "--grpc-port",
        "--concurrent-tasks",
        "--vcores",
        "--work-dir",
        "--heartbeat",
        "--connect-timeout",
        "--memory-pool",
        "--id",
        "--log-level",
    ];
    for (flag, v) in flag_values(args, &known)? {
        let num = |v: &str| number::<u64>(&flag, v, "number");
        let port = |v: &str| number::<u16>(&flag, v, "port");
        match flag.as_str() {
            "--scheduler" => {
                let s = crate::SchedulerAddr::parse(&v).map_err(|e| e.to_string())?;
                c.scheduler_host = s.host;
                c.scheduler_port = s.port;
            }
            "--scheduler-host" => c.scheduler_host = v,
            "--scheduler-port" => c.scheduler_port = port(&v)?,
            "--bind-host" => c.bind_host = v,
            "--external-host" => c.external_host = Some(v),
            "--port" => c.port = port(&v)?,
            "--grpc-port" => c.grpc_port = port(&v)?,
            "--concurrent-tasks" | "--vcores" => c.vcores = num(&v)? as usize,
            "--work-dir" => c.work_dir = Some(v),
            "--heartbeat" => c.executor_heartbeat_interval_seconds = num(&v)?.max(1),
            "--connect-timeout" => c.scheduler_connect_timeout_seconds = num(&v)?.min(u16::MAX as u64) as u16,
            "--memory-pool" => c.memory_pool_size = Some(num(&v)?),
            "--id" => c.executor_id = v,
            _ => c.special_mod_log_level = v, // --log-level, the last of `known`
        }
    }
    if c.vcores == 0 {
        c.vcores = std::thread::available_parallelism().map_or(1, |n| n.get());
    }
    Ok(c)
}

/// Runs the executor with `args` (without the program name) until it is stopped; `program` names
/// it in messages (`entente-executor`, or `entente cluster executor`).
pub fn main(program: &str, args: &[String]) -> ExitCode {
    let (mut c, rt) = match start(program, USAGE, args, parse, |c: &ExecutorProcessConfig| {
        &c.special_mod_log_level
    }) {
        Ok(x) => x,
        Err(code) => return code,
    };
    // A work directory that outlives the start-up (Ballista's default temporary one does not).
    let _tmp;
    if c.work_dir.is_none() {
        let dir = std::env::temp_dir().join(format!("entente-executor-{}-{}", std::process::id(), c.port));
        if let Err(e) = std::fs::create_dir_all(&dir) {
            eprintln!("{program}: cannot create {}: {e}", dir.display());
            return ExitCode::FAILURE;
        }
        c.work_dir = Some(dir.display().to_string());
        _tmp = RemoveOnDrop(dir);
    }
    println!(
        "{program} {} on {}:{} (flight) and :{} (tasks), {} concurrent tasks, scheduler {}:{}, work dir {}",
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
            eprintln!("{program}: {e}");
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
