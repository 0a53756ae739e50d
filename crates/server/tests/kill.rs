//! Nothing acknowledged is lost, and nothing half-written is read, when the server is killed
//! (SIGKILL) while edits are being written: the server binary runs as a child process, a client
//! sends edits back to back, the process is killed at a random moment, and after each kill the
//! edits file must parse, validate, and hold every acknowledged record (plus at most the one
//! request that was in flight, whole). Then the server restarts on the same directory. Half the
//! writes are accepted proposals (`/api/proposals/accept`), the review view's path.

mod support;

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use support::http;

const TOKEN: &str = "kill-test-token";

fn start(dir: &std::path::Path) -> (Child, SocketAddr) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_entente-server"))
        .args(["--addr", "127.0.0.1:0", "--token", TOKEN, "--user-data"])
        .arg(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start the server");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    let first = lines
        .next()
        .and_then(Result::ok)
        .expect("the server prints its address");
    // Keep draining its output so it never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    let addr = first
        .strip_prefix("listening on http://")
        .and_then(|s| s.trim_end_matches('/').parse().ok())
        .unwrap_or_else(|| panic!("unexpected first line: {first}"));
    (child, addr)
}

fn record(id: &str) -> String {
    format!(
        "[[event]]\nid = \"{id}\"\nkind = \"meeting\"\ndate = \"2025-03\"\ntitle = \"Kill-test meeting {id}\"\n\
         actors = [\"NATO\"]\ntargets = [\"KOR\"]\nsources = [\"mofa-kor-nato\"]\nnote = \"{}\"\n",
        "padding ".repeat(40)
    )
}

/// A proposal from an article, as `/api/propose` drafts it (accepted through
/// `/api/proposals/accept`, which adds the article's source the first time).
fn proposal(id: &str) -> String {
    let record = format!(
        "[[event]]\nid = \"{id}\"\nkind = \"meeting\"\ndate = \"2025-03\"\ntitle = \"Kill-test reviewed meeting {id}\"\n\
         actors = [\"NATO\"]\ntargets = [\"KOR\"]\nsources = [\"kill-article\"]\n\n[event.review]\narticle = \"kill-article\"\n\
         quote = \"{}\"\nconfidence = 0.9\nproposed = \"2025-03-02\"\n",
        "quote ".repeat(40)
    );
    serde_json::json!({
        "proposed": record,
        "source": "[[source]]\nid = \"kill-article\"\nurl = \"https://example.org/kill\"\npublisher = \"Example\"\n",
        "source_id": "kill-article",
    })
    .to_string()
}

/// The ids of the events in the edits file, which must parse and validate over the shipped data.
fn ids_on_disk(dir: &std::path::Path) -> BTreeSet<String> {
    let path = dir.join("edits.toml");
    let Ok(text) = std::fs::read_to_string(&path) else {
        return BTreeSet::new();
    };
    let table: toml::Table = toml::from_str(&text).unwrap_or_else(|e| panic!("edits.toml does not parse: {e}\n{text}"));
    let mut inputs = entente_facts::shipped();
    inputs.push(entente_facts::Input {
        name: path.display().to_string(),
        bytes: text.into_bytes(),
    });
    let report = entente_facts::load(inputs);
    assert_eq!(report.errors(), 0, "edits.toml validates: {:?}", report.diagnostics);
    table
        .get("event")
        .and_then(|v| v.as_array())
        .into_iter()
        .flatten()
        .filter_map(|e| e.get("id").and_then(|i| i.as_str()).map(str::to_string))
        .collect()
}

#[test]
fn killing_the_server_mid_write_loses_nothing_acknowledged() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut acked: BTreeSet<String> = BTreeSet::new();
    // After a few acknowledged writes, the kill comes this many ms later: spread over the next
    // write's cycle (validation, temporary file, fsync, rename).
    let delays = [0u64, 7, 23, 51];
    for (round, delay) in delays.iter().enumerate() {
        let (mut child, addr) = start(dir.path());
        // What the server says it has must be what is on disk.
        let edits = http(addr, "GET", "/api/edits", &[], "").expect("edits").json();
        let served: BTreeSet<String> = edits["records"]
            .as_array()
            .expect("records")
            .iter()
            .filter(|r| r["kind"] == "event")
            .filter_map(|r| r["id"].as_str().map(str::to_string))
            .collect();
        assert_eq!(served, ids_on_disk(dir.path()), "round {round}: served = on disk");

        let stop = Arc::new(AtomicBool::new(false));
        let round_acked = Arc::new(Mutex::new(Vec::<String>::new()));
        let in_flight = Arc::new(Mutex::new(None::<String>));
        let writer = {
            let (stop, round_acked, in_flight) = (stop.clone(), round_acked.clone(), in_flight.clone());
            std::thread::spawn(move || {
                let auth = format!("Bearer {TOKEN}");
                let started = Instant::now();
                for i in 0..10_000 {
                    if stop.load(Ordering::SeqCst) || started.elapsed() > Duration::from_secs(30) {
                        break;
                    }
                    let id = format!("kill-{round}-{i}");
                    *in_flight.lock().unwrap() = Some(id.clone());
                    // Every other write accepts a proposal: the review's path to the same store.
                    let reply = if i % 2 == 0 {
                        let headers = [("Authorization", auth.as_str()), ("Content-Type", "application/toml")];
                        http(addr, "POST", "/api/facts", &headers, &record(&id))
                    } else {
                        let headers = [("Authorization", auth.as_str()), ("Content-Type", "application/json")];
                        http(addr, "POST", "/api/proposals/accept", &headers, &proposal(&id))
                    };
                    match reply {
                        Ok(r) if r.status == 201 => round_acked.lock().unwrap().push(id),
                        Ok(r) => panic!("write refused: {} {}", r.status, r.body),
                        Err(_) => break, // the server is gone
                    }
                }
            })
        };
        let waiting = Instant::now();
        while round_acked.lock().unwrap().len() < 2 + round && waiting.elapsed() < Duration::from_secs(60) {
            std::thread::sleep(Duration::from_millis(1));
        }
        std::thread::sleep(Duration::from_millis(*delay));
        child.kill().expect("SIGKILL");
        let _ = child.wait();
        stop.store(true, Ordering::SeqCst);
        writer.join().expect("writer");

        let this_round = round_acked.lock().unwrap().clone();
        assert!(
            !this_round.is_empty(),
            "round {round}: some writes were acknowledged before the kill"
        );
        acked.extend(this_round);
        let on_disk = ids_on_disk(dir.path());
        let missing: Vec<&String> = acked.difference(&on_disk).collect();
        assert!(missing.is_empty(), "round {round}: acknowledged but lost: {missing:?}");
        let extra: Vec<String> = on_disk.difference(&acked).cloned().collect();
        let flight = in_flight.lock().unwrap().clone();
        assert!(
            extra.is_empty() || (extra.len() == 1 && Some(&extra[0]) == flight.as_ref()),
            "round {round}: on disk but never sent whole: {extra:?} (in flight: {flight:?})"
        );
        eprintln!(
            "round {round}: killed {delay} ms after write {}; {} acknowledged so far, {} written but not acknowledged",
            2 + round,
            acked.len(),
            extra.len()
        );
        // A record written but not acknowledged is whole and stays: count it as the client's.
        acked.extend(extra);
    }
    let (mut child, addr) = start(dir.path());
    let t = http(
        addr,
        "GET",
        "/api/timeline?a=NATO&b=KOR&kind=meeting&limit=1000",
        &[],
        "",
    )
    .expect("timeline")
    .json();
    let titles: BTreeSet<String> = t["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["id"].as_str().filter(|i| i.starts_with("kill-")).map(str::to_string))
        .collect();
    assert_eq!(titles, acked, "every saved edit is in the timeline after the restart");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != "edits.toml")
        .collect();
    assert!(leftovers.is_empty(), "temporary files cleaned at start: {leftovers:?}");
    let _ = child.kill();
    let _ = child.wait();
    eprintln!("{} acknowledged edits survived {} kills", acked.len(), delays.len());
}
