//! Imports files into a data directory and prints what happened and how long it took.
//!
//! Usage: `cargo run --release -p entente-store --example import -- DATA_DIR DATASET FILE... [--loop]`
//!
//! With `--loop` it imports the files one after the other, round and round, forever, printing
//! `stage <name>` as each stage of an import begins and `committed <sha256>` after each commit:
//! the kill test (`tests/kill.rs`) runs it and sends it `kill -9` in the middle of a write.

use entente_store::{Dataset, Outcome, Progress, Store};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Announces each stage on stdout, so that a test can kill the process in a chosen stage.
struct Stages;

impl Progress for Stages {
    fn stage(&mut self, name: &str, _total: u64) {
        let mut out = std::io::stdout();
        let _ = writeln!(out, "stage {name}");
        let _ = out.flush();
    }
}

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let looping = args.iter().any(|a| a == "--loop");
    args.retain(|a| a != "--loop");
    let (Some(dir), Some(dataset)) = (args.first(), args.get(1).and_then(|d| Dataset::parse(d))) else {
        eprintln!("usage: import DATA_DIR sipri|atop|unvotes FILE... [--loop]");
        return ExitCode::from(2);
    };
    let files: Vec<PathBuf> = args[2..].iter().map(PathBuf::from).collect();
    let mut store = match Store::open(dir) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    };
    let mut out = std::io::stdout();
    loop {
        for f in &files {
            match store.import(dataset, f, &mut Stages) {
                Ok(o) => {
                    let what = match o.outcome {
                        Outcome::AlreadyImported => "already",
                        _ => "committed",
                    };
                    let _ = writeln!(out, "{what} {} {} rows {:.3}s", o.entry.sha256, o.entry.kept, o.seconds);
                    let _ = out.flush();
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    return ExitCode::from(1);
                }
            }
        }
        if !looping {
            return ExitCode::SUCCESS;
        }
    }
}
