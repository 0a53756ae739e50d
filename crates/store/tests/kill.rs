//! `kill -9` in the middle of an import leaves the store holding either the old or the new
//! complete state, never a part of one; the next import clears what the killed one left.
//!
//! The example `import --loop` imports two different SIPRI registers in turn, forever, announcing
//! each stage on stdout; the test kills it at chosen points of chosen stages (mostly while the
//! tables are being written) and then checks the store.

use entente_datasets::sipri::{self, Deal};
use entente_store::{Dataset, Store};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

fn fixture() -> Option<PathBuf> {
    entente_testkit::shared("sipri/trade-register.csv")
}

/// The example binary, built by `cargo test` beside this test's own binary (target/<profile>/examples).
fn example() -> PathBuf {
    let exe = std::env::current_exe().unwrap_or_else(|e| panic!("{e}"));
    let profile_dir = exe
        .parent()
        .and_then(Path::parent)
        .unwrap_or_else(|| panic!("{} has no profile directory", exe.display()));
    let path = profile_dir
        .join("examples")
        .join(format!("import{}", std::env::consts::EXE_SUFFIX));
    if !path.is_file() {
        // Not built (a `cargo test --test kill` can skip examples): build it.
        let release = profile_dir.file_name().is_some_and(|n| n == "release");
        let mut cmd = Command::new(env!("CARGO"));
        cmd.args(["build", "-p", "entente-store", "--example", "import"]);
        if release {
            cmd.arg("--release");
        }
        let status = cmd.status().unwrap_or_else(|e| panic!("cargo build: {e}"));
        assert!(status.success(), "cargo build --example import failed");
    }
    path
}

fn read(p: &Path) -> Vec<Deal> {
    let f = std::fs::File::open(p).unwrap_or_else(|e| panic!("{e}"));
    sipri::read("x", BufReader::new(f), &mut |_| {})
        .unwrap_or_else(|e| panic!("{e}"))
        .0
}

fn sha256(p: &Path) -> String {
    use sha2::{Digest, Sha256};
    let bytes = std::fs::read(p).unwrap_or_else(|e| panic!("{e}"));
    Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Leftovers of a killed import: the temporary directory, or table files the manifest does not list.
fn leftovers(data: &Path) -> usize {
    let root = data.join("datasets");
    let listed: Vec<String> = Store::open(data)
        .map(|s| s.manifest().table_paths().map(str::to_string).collect())
        .unwrap_or_default();
    let tmp = std::fs::read_dir(root.join(".tmp")).map_or(0, |d| d.count().max(1));
    let orphans = std::fs::read_dir(root.join("sipri")).map_or(0, |d| {
        d.flatten()
            .filter(|e| !listed.contains(&format!("sipri/{}", e.file_name().to_string_lossy())))
            .count()
    });
    tmp + orphans
}

#[test]
fn kill_9_mid_import_leaves_old_or_new_state() {
    let Some(fixture_path) = fixture() else { return };
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    // Two different registers: the first 10,000 and the first 5,000 lines of the fixture (small
    // enough to keep the test quick in a debug build, large enough for writes that take a while).
    let text = std::fs::read(&fixture_path).unwrap_or_else(|e| panic!("{e}"));
    let first_lines = |n: usize| {
        text.iter()
            .enumerate()
            .filter(|(_, &b)| b == b'\n')
            .nth(n - 1)
            .map_or(text.len(), |(i, _)| i + 1)
    };
    let full = tmp.path().join("register-10000.csv");
    let part = tmp.path().join("register-5000.csv");
    std::fs::write(&full, &text[..first_lines(10_000)]).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(&part, &text[..first_lines(5_000)]).unwrap_or_else(|e| panic!("{e}"));
    let states = [(sha256(&full), read(&full)), (sha256(&part), read(&part))];
    assert_ne!(states[0].1.len(), states[1].1.len());

    let data = tmp.path().join("data");
    let mut store = Store::open(&data).unwrap_or_else(|e| panic!("{e}"));
    store
        .import(Dataset::Sipri, &full, &mut ())
        .unwrap_or_else(|e| panic!("{e}"));

    let exe = example();
    // (stage to wait for, how many times, then how long to wait before the kill)
    let plan: [(&str, usize, u64); 10] = [
        ("writing", 1, 0),
        ("writing", 1, 5),
        ("writing", 2, 15),
        ("writing", 1, 30),
        ("writing", 2, 60),
        ("reading", 1, 10),
        ("writing", 3, 2),
        ("hashing", 2, 0),
        ("writing", 1, 45),
        ("writing", 2, 90),
    ];
    let (mut seen_leftovers, mut commits, mut saw) = (0, 0, [false, false]);
    for (round, &(stage, nth, wait_ms)) in plan.iter().enumerate() {
        let mut child = Command::new(&exe)
            .arg(&data)
            .arg("sipri")
            .arg(&part)
            .arg(&full)
            .arg("--loop")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap_or_else(|e| panic!("{}: {e}", exe.display()));
        let stdout = child.stdout.take().unwrap_or_else(|| panic!("no stdout"));
        let mut lines = BufReader::new(stdout).lines();
        let mut count = 0;
        for line in lines.by_ref() {
            let line = line.unwrap_or_else(|e| panic!("{e}"));
            if line.starts_with("committed") {
                commits += 1;
            }
            if line == format!("stage {stage}") {
                count += 1;
                if count == nth {
                    break;
                }
            }
        }
        std::thread::sleep(Duration::from_millis(wait_ms));
        child.kill().unwrap_or_else(|e| panic!("kill: {e}"));
        let _ = child.wait();

        // The store opens and holds one complete register: the old one or the new one.
        let store = Store::open(&data).unwrap_or_else(|e| panic!("round {round}: {e}"));
        let entries: Vec<_> = store.entries_of(Dataset::Sipri).collect();
        assert_eq!(entries.len(), 1, "round {round}");
        let which = states
            .iter()
            .position(|(sha, _)| *sha == entries[0].sha256)
            .unwrap_or_else(|| panic!("round {round}: unknown sha {}", entries[0].sha256));
        saw[which] = true;
        let deals = store.load_sipri().unwrap_or_else(|e| panic!("round {round}: {e}"));
        assert!(
            deals == states[which].1,
            "round {round}: the deals are not the whole of one register"
        );
        seen_leftovers += usize::from(leftovers(&data) > 0);
    }
    println!(
        "{} kills, {commits} commits before them, {seen_leftovers} left work in progress; states seen: full {}, part {}",
        plan.len(),
        saw[0],
        saw[1]
    );
    assert!(seen_leftovers > 0, "no kill landed in the middle of a write");

    // The next import clears the leftovers and the directory holds exactly what the manifest lists.
    let mut store = Store::open(&data).unwrap_or_else(|e| panic!("{e}"));
    store
        .import(Dataset::Sipri, &part, &mut ())
        .unwrap_or_else(|e| panic!("{e}"));
    store
        .import(Dataset::Sipri, &full, &mut ())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(leftovers(&data), 0);
    assert!(store.load_sipri().unwrap_or_else(|e| panic!("{e}")) == states[0].1);
}
