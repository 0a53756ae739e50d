//! `entente` on a Ballista cluster, end to end as a user runs it: `entente cluster scheduler` and
//! `entente cluster executor` on loopback; the real GDELT 2.0 and ICEWS samples imported on the
//! cluster (`entente import … --cluster URL`) must give the lake a local import gives, byte for
//! byte; then `events` and `sql` with `--cluster URL`, `$ENTENTE_CLUSTER` and `cluster.toml` must
//! print what they print locally, byte for byte (tables: but for the line saying where they were
//! computed). Last, the only executor is killed in the middle of an import, then of a query.
//! The cluster's own behaviour (a killed executor, a killed scheduler, generated lakes) is tested
//! in `crates/cluster/tests/cluster.rs`.

mod support;

#[cfg(not(feature = "cluster"))]
use support::{entente, failed, temp_dir};

#[cfg(not(feature = "cluster"))]
#[test]
fn without_the_cluster_client_a_configured_cluster_is_an_error() {
    let dir = temp_dir("no-cluster-client");
    let e = failed(&entente(
        &["events", "USA", "CHN", "--cluster", "df://127.0.0.1:1"],
        &dir,
    ));
    assert!(e.contains("--features cluster") && e.contains("--cluster local"), "{e}");
    std::fs::write(dir.join("cluster.toml"), "scheduler = \"df://10.0.0.1:50050\"\n").unwrap();
    let e = failed(&entente(&["events", "USA", "CHN"], &dir));
    assert!(e.contains("cluster.toml") && e.contains("--features cluster"), "{e}");
    // `--cluster local` runs here, whatever the file says (here: an empty lake).
    let e = failed(&entente(&["events", "USA", "CHN", "--cluster", "local"], &dir));
    assert!(e.contains("is empty"), "{e}");
    let e = failed(&entente(&["cluster", "status"], &dir));
    assert!(e.contains("--features cluster"), "{e}");
}

#[cfg(feature = "cluster")]
mod on_a_cluster {
    use super::support::{self, entente, failed, fixture, ok, temp_dir};
    use std::path::{Path, PathBuf};
    use std::process::{Child, Command, Output, Stdio};
    use std::time::{Duration, Instant};

    /// Generous: a loaded 2-core CI machine running debug builds.
    const START_TIMEOUT: Duration = Duration::from_secs(90);

    /// A child process killed when dropped.
    struct Proc(Child, PathBuf);

    impl Drop for Proc {
        fn drop(&mut self) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }

    fn spawn(name: &str, args: &[&str], dir: &Path) -> Proc {
        let out = dir.join(format!("{name}.log"));
        let child = Command::new(env!("CARGO_BIN_EXE_entente"))
            .args(args)
            .stdin(Stdio::null())
            .stdout(std::fs::File::create(&out).expect("log"))
            .stderr(std::fs::File::create(dir.join(format!("{name}.err"))).expect("log"))
            .spawn()
            .expect("start entente");
        Proc(child, out)
    }

    fn wait_for(what: &str, p: &mut Proc, mut done: impl FnMut() -> bool) {
        let t = Instant::now();
        while !done() {
            if let Ok(Some(s)) = p.0.try_wait() {
                panic!(
                    "{what} exited ({s}):\n{}",
                    std::fs::read_to_string(&p.1).unwrap_or_default()
                );
            }
            assert!(t.elapsed() < START_TIMEOUT, "{what} did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        eprintln!("{what} after {:.1} s", t.elapsed().as_secs_f64());
    }

    fn free_port() -> u16 {
        std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("free port")
            .port()
    }

    /// `entente ARGS --data-dir DIR` with `$ENTENTE_CLUSTER` set (or removed).
    fn entente_env(args: &[&str], dir: &Path, cluster: Option<&str>) -> Output {
        let mut c = Command::new(env!("CARGO_BIN_EXE_entente"));
        c.args(args).arg("--data-dir").arg(dir);
        match cluster {
            Some(v) => c.env("ENTENTE_CLUSTER", v),
            None => c.env_remove("ENTENTE_CLUSTER"),
        };
        c.output().expect("run entente")
    }

    /// Every file under `root` with its bytes (the lock file aside).
    fn snapshot(root: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
        let mut out = std::collections::BTreeMap::new();
        let mut stack = vec![root.to_path_buf()];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).expect("read dir") {
                let p = e.expect("entry").path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.file_name().is_some_and(|n| n != ".lock") {
                    let rel = p.strip_prefix(root).expect("prefix").to_string_lossy().into_owned();
                    out.insert(rel, std::fs::read(&p).expect("read"));
                }
            }
        }
        out
    }

    /// An import's JSON report without its timings.
    fn untimed(json: &str) -> serde_json::Value {
        let mut v: serde_json::Value = serde_json::from_str(json).expect("json");
        if let Some(files) = v["ingested"].as_array_mut() {
            for f in files {
                f["seconds"] = serde_json::Value::Null;
            }
        }
        v["data_dir"] = serde_json::Value::Null;
        v
    }

    #[test]
    fn events_and_sql_on_a_cluster_print_what_they_print_locally() {
        let (Some(gdelt), Some(icews), Some(icews_db)) = (
            fixture("gdelt/v2/20191024143000.export.CSV"),
            fixture("icews/events.2018.sample.tab"),
            fixture("icews/icews_sample.tsv"),
        ) else {
            return;
        };
        let (gdelt, icews, icews_db) = (
            gdelt.to_str().unwrap(),
            icews.to_str().unwrap(),
            icews_db.to_str().unwrap(),
        );
        let dir = temp_dir("cluster-cli");
        // An absolute data directory: the executors read the lake at the path the client sends.
        let data = std::path::absolute(dir.join("data")).expect("absolute");
        // The reference: the same files imported here.
        let reference = dir.join("reference");
        let local_gdelt = ok(&entente(&["import", "gdelt2", gdelt, "-f", "json"], &reference));
        let local_icews = ok(&entente(
            &["import", "icews", icews, icews_db, "-f", "json"],
            &reference,
        ));

        // The scheduler on a free port (it prints it), then one executor.
        let mut scheduler = spawn(
            "scheduler",
            &[
                "cluster",
                "scheduler",
                "--port",
                "0",
                "--executor-timeout",
                "6",
                "--expire-interval",
                "1",
                "--log-level",
                "warn",
            ],
            &dir,
        );
        let mut port = 0u16;
        wait_for("the scheduler", &mut scheduler, || {
            let out = std::fs::read_to_string(dir.join("scheduler.log")).unwrap_or_default();
            let addr = out.lines().find_map(|l| l.split_once(" listening on ")).map(|(_, r)| r);
            port = addr
                .and_then(|a| a.split_whitespace().next())
                .and_then(|a| a.rsplit(':').next())
                .and_then(|p| p.parse().ok())
                .unwrap_or(0);
            port != 0
        });
        let url = format!("df://127.0.0.1:{port}");
        let (fp, gp) = (free_port().to_string(), free_port().to_string());
        let work = dir.join("executor-work");
        let mut executor = spawn(
            "executor",
            &[
                "cluster",
                "executor",
                "--scheduler",
                &url,
                "--port",
                &fp,
                "--grpc-port",
                &gp,
                "--concurrent-tasks",
                "2",
                "--heartbeat",
                "1",
                "--work-dir",
                work.to_str().unwrap(),
                "--log-level",
                "warn",
            ],
            &dir,
        );
        wait_for("the executor", &mut executor, || {
            let o = entente(&["cluster", "status", "--cluster", &url, "-f", "json"], &reference);
            o.status.success() && String::from_utf8_lossy(&o.stdout).contains("\"executors\": 1")
        });

        // An empty data directory: nothing to see yet, and status says how to fill it.
        std::fs::create_dir_all(&data).unwrap();
        let status = ok(&entente(&["cluster", "status", "--cluster", &url], &data));
        assert!(status.contains("empty: nothing ingested yet"), "{status}");

        // Import on the cluster: the executor reads the files, this machine commits them. The
        // two ICEWS files go one after the other (the second drops the 3,705 ids the first
        // holds), as here. Same reports, same lake, byte for byte.
        let o = entente(&["import", "gdelt2", gdelt, "-f", "json", "--cluster", &url], &data);
        assert_eq!(untimed(&ok(&o)), untimed(&local_gdelt));
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains(&format!("ingesting 1 file(s) on the Ballista cluster at {url}")),
            "{err}"
        );
        assert!(err.contains("20191024143000.export.CSV: ingested on "), "{err}");
        let o = entente(
            &["import", "icews", icews, icews_db, "-f", "json", "--cluster", &url],
            &data,
        );
        let there = untimed(&ok(&o));
        assert_eq!(there, untimed(&local_icews));
        assert_eq!(there["ingested"][1]["read"]["duplicates"], 3705, "{there}");
        assert_eq!(snapshot(&data.join("lake")), snapshot(&reference.join("lake")));
        // Again: already there, nothing changes. A missing file fails alone, by name.
        let again = ok(&entente(&["import", "gdelt2", gdelt, "--cluster", &url], &data));
        assert!(again.contains("already in the lake"), "{again}");
        let o = entente(&["import", "icews", icews, "nowhere.tab", "--cluster", &url], &data);
        let e = failed(&o);
        assert!(
            e.contains("nowhere.tab") && e.contains("1 of 2 file(s) could not be ingested"),
            "{e}"
        );
        assert_eq!(snapshot(&data.join("lake")), snapshot(&reference.join("lake")));
        // The lake on the cluster is not this data directory: refused, saying which to use.
        std::fs::write(
            dir.join("cluster.toml"),
            format!("scheduler = \"{url}\"\ndata_dir = \"{}\"\n", data.display()),
        )
        .unwrap();
        let e = failed(&entente(&["import", "gdelt2", gdelt], &dir));
        assert!(e.contains(&format!("--data-dir {}", data.display())), "{e}");
        let e = failed(&entente(&["import", "sipri", gdelt, "--cluster", &url], &dir));
        assert!(e.contains("--cluster applies to event files"), "{e}");
        std::fs::remove_file(dir.join("cluster.toml")).unwrap();

        // `cluster status` counts what the manifest lists: 2,111 GDELT + 4,993 ICEWS events.
        let status = ok(&entente(&["cluster", "status", "--cluster", &url], &data));
        assert!(
            status.contains("the cluster sees 7104 events, as the lake's manifest lists"),
            "{status}"
        );
        assert!(status.contains("ready: 1 executors registered"), "{status}");

        // The same commands here and there. JSON and CSV must be equal byte for byte; tables too,
        // once the line saying where they were computed is taken out.
        let runs: &[&[&str]] = &[
            &["events", "USA", "CHN", "-f", "json"],
            &["events", "USA", "CHN", "--by", "day", "--directed", "-f", "csv"],
            &["events", "USA", "CHN", "--by", "year"],
            &["events", "USA", "CHN", "--source", "icews", "--from", "2018-03", "--to", "2018-09", "-f", "json"],
            &["events", "NATO", "RUS", "--members", "-f", "json"],
            &["events", "USA", "--top", "5"],
            &["events", "USA", "--top", "20", "--source", "gdelt2", "-f", "json"],
            &["events", "USA", "CHN", "--types", "-f", "csv"],
            &["events", "USA", "--types", "-f", "json"],
            &["sql", "SELECT source, COUNT(*) AS n, SUM(num_mentions) AS m FROM events GROUP BY source ORDER BY source", "-f", "csv"],
            &["sql", "SELECT actor1, actor2, SUM(events) AS n FROM dyad_day GROUP BY actor1, actor2 ORDER BY n DESC, actor1, actor2 LIMIT 10"],
        ];
        for args in runs {
            let local = ok(&entente_env(args, &data, None));
            let mut with_flag: Vec<&str> = args.to_vec();
            with_flag.extend(["--cluster", &url]);
            let o = entente_env(&with_flag, &data, None);
            let there = ok(&o);
            assert!(
                String::from_utf8_lossy(&o.stderr).contains(&format!("on the Ballista cluster at {url}")),
                "{args:?}: not run on the cluster"
            );
            let strip = |s: &str| {
                s.lines()
                    .filter(|l| !l.starts_with("Computed on the Ballista cluster"))
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            assert!(!local.trim().is_empty(), "{args:?}: nothing locally");
            assert_eq!(strip(&local).trim_end(), strip(&there).trim_end(), "{args:?}");
            if args.len() < 4 || args.contains(&"--by") {
                eprintln!("{args:?}: {} bytes, identical", local.len());
            }
        }
        let table = ok(&entente(&["events", "USA", "CHN", "--cluster", &url], &data));
        assert!(
            table.contains(&format!(
                "Computed on the Ballista cluster at {url} from {}",
                data.join("lake").display()
            )),
            "{table}"
        );
        assert!(table.contains("Sources:") && table.contains("GDELT"), "{table}");

        // The depth index's event-data dimension and the server ask the cluster too, and answer
        // as here.
        let depth = ["depth", "USA", "CHN", "--from", "2018", "--to", "2019", "-f", "json"];
        let local = ok(&entente_env(&depth, &data, None));
        let o = entente_env(&[&depth[..], &["--cluster", &url]].concat(), &data, None);
        assert_eq!(ok(&o), local);
        assert!(String::from_utf8_lossy(&o.stderr).contains("on the Ballista cluster"));
        assert!(local.contains("\"event_data\""), "{local}");
        let served_here = support::serve_with(&data, &["--cluster", "local"]);
        let served_there = support::serve_with(&data, &["--cluster", &url]);
        // Each with what shows that the events were read: their citation, or the event-data
        // dimension's coverage.
        let paths = [
            ("/api/events?a=USA&b=CHN", "GDELT"),
            ("/api/events?a=USA&top=5", "GDELT"),
            ("/api/events?a=USA&b=CHN&types=true", "GDELT"),
            ("/api/depth?a=USA&b=CHN&from=2018&to=2019", "\"source\":\"event lake\""),
        ];
        for (path, read) in paths {
            let here = support::http(served_here.addr, "GET", path, "");
            assert_eq!(here, support::http(served_there.addr, "GET", path, ""), "{path}");
            assert!(here.to_string().contains(read), "{path}: {here}");
        }

        // Where the cluster comes from: the variable, then cluster.toml; `local` overrides both.
        let args = ["events", "USA", "--top", "3", "-f", "json"];
        let local = ok(&entente_env(&args, &data, None));
        let o = entente_env(&args, &data, Some(&url));
        assert_eq!(ok(&o), local);
        assert!(String::from_utf8_lossy(&o.stderr).contains("on the Ballista cluster"));
        std::fs::write(data.join("cluster.toml"), format!("scheduler = \"{url}\"\n")).unwrap();
        let o = entente_env(&args, &data, None);
        assert_eq!(ok(&o), local);
        assert!(String::from_utf8_lossy(&o.stderr).contains("on the Ballista cluster"));
        let o = entente_env(
            &["events", "USA", "--top", "3", "-f", "json", "--cluster", "local"],
            &data,
            None,
        );
        assert_eq!(ok(&o), local);
        assert!(!String::from_utf8_lossy(&o.stderr).contains("Ballista"));
        let o = entente_env(&args, &data, Some("local"));
        assert!(!String::from_utf8_lossy(&o.stderr).contains("Ballista"));
        std::fs::write(data.join("cluster.toml"), "schedulr = 1\n").unwrap();
        let e = failed(&entente_env(&args, &data, None));
        assert!(e.contains("cluster.toml") && e.contains("schedulr"), "{e}");
        std::fs::remove_file(data.join("cluster.toml")).unwrap();

        // What goes wrong says where and what.
        let e = failed(&entente(&["sql", "SELECT nope FROM events", "--cluster", &url], &data));
        assert!(e.contains("nope"), "{e}");
        let e = failed(&entente(&["events", "USA", "Atlantis", "--cluster", &url], &data));
        assert!(e.contains("Atlantis"), "{e}");
        let e = failed(&entente(&["events", "USA", "CHN", "--cluster", "s3://bucket"], &data));
        assert!(e.contains("s3://bucket"), "{e}");
        let dead = format!("df://127.0.0.1:{}", free_port());
        let e = failed(&entente(&["events", "USA", "CHN", "--cluster", &dead], &data));
        assert!(
            e.contains("cannot reach the Ballista scheduler") && e.contains(&dead),
            "{e}"
        );
        let e = failed(&entente(&["cluster", "status", "--cluster", &dead], &data));
        assert!(e.contains("cannot reach"), "{e}");
        let e = failed(&entente(&["cluster", "status"], &data));
        assert!(e.contains("no cluster is configured"), "{e}");
        let run = |args: &[&str]| {
            Command::new(env!("CARGO_BIN_EXE_entente"))
                .args(args)
                .output()
                .expect("run")
        };
        let e = failed(&run(&["cluster", "executor", "--port", "x"]));
        assert!(e.contains("entente cluster executor: --port: 'x' is not a port"), "{e}");
        let e = failed(&run(&["cluster", "scheduler", "--data-dir", "x"]));
        assert!(e.contains("unknown option '--data-dir'"), "{e}");
        let help = ok(&run(&["cluster", "scheduler", "--help"]));
        assert!(help.contains("usage: entente cluster scheduler"), "{help}");

        // The only executor killed in the middle of an import: the import says what happened,
        // how many files were committed, and that the same command resumes.
        let big = dir.join("big.export.CSV");
        let g = entente_event_gen::Generator::shipped(5, entente_events::Day::parse("2021-01-01").unwrap(), 2_000)
            .expect("generator");
        let mut w = std::io::BufWriter::new(std::fs::File::create(&big).unwrap());
        g.write_tsv(&mut w, 300_000).expect("write");
        drop(w);
        let import = Command::new(env!("CARGO_BIN_EXE_entente"))
            .args([
                "import",
                "gdelt2",
                big.to_str().unwrap(),
                "--cluster",
                &url,
                "--data-dir",
            ])
            .arg(&data)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("import");
        let staging = data.join("lake").join(".staging");
        let t = Instant::now();
        loop {
            let busy = std::fs::read_dir(&staging)
                .map(|rd| {
                    rd.flatten()
                        .any(|e| e.file_name().to_string_lossy().ends_with(".partial"))
                })
                .unwrap_or(false);
            if busy {
                break;
            }
            assert!(
                t.elapsed() < Duration::from_secs(120),
                "the import never started staging"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        drop(executor);
        let e = failed(&import.wait_with_output().expect("import output"));
        assert!(
            e.contains("was lost during the job") && e.contains("no executor is left"),
            "{e}"
        );
        assert!(e.contains("0 of 1 file(s) were committed before this"), "{e}");
        let mut after = snapshot(&data.join("lake"));
        after.retain(|k, _| !k.starts_with(".staging"));
        assert_eq!(after, snapshot(&reference.join("lake")), "the lake is as it was");
        eprintln!("import with the executor killed: {e}");

        // The executor gone: the scheduler says it has none, and what to start.
        let t = Instant::now();
        let e = loop {
            let o = entente(&["events", "USA", "CHN", "--cluster", &url], &data);
            if !o.status.success() {
                break String::from_utf8_lossy(&o.stderr).into_owned();
            }
            assert!(t.elapsed() < Duration::from_secs(120), "the scheduler never noticed");
            std::thread::sleep(Duration::from_millis(500));
        };
        assert!(e.contains("executor"), "{e}");
        eprintln!("with the executor killed: {e}");
        // The server on the cluster says so too (a question not asked before: answers are
        // cached); the one on the lake answers.
        let fresh = "/api/events?a=USA&b=RUS";
        let (status, body) = support::http_status(served_there.addr, "GET", fresh, "");
        assert!(status >= 500 && body.contains("executor"), "{status}: {body}");
        assert_eq!(support::http_status(served_here.addr, "GET", fresh, "").0, 200);
        drop(scheduler);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
