//! Shared by the integration tests that run `entente` on a data directory.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs `entente ARGS --data-dir DIR`.
pub fn entente(args: &[&str], data_dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_entente"))
        .args(args)
        .arg("--data-dir")
        .arg(data_dir)
        .output()
        .expect("run entente")
}

/// Standard output of a run that must succeed (else the run's output, in the panic).
pub fn ok(o: &Output) -> String {
    assert!(
        o.status.success(),
        "exit {:?}\nstdout:\n{}\nstderr:\n{}",
        o.status.code(),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Standard error of a run that must fail.
pub fn failed(o: &Output) -> String {
    assert!(
        !o.status.success(),
        "expected a failure: {}",
        String::from_utf8_lossy(&o.stdout)
    );
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A fresh directory under the target directory (runs leave nothing in the system's temporary
/// directory; each run starts afresh).
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("entente-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// `../shared/fixtures/REL`, or `None` (saying so) where it is absent.
pub fn fixture(rel: &str) -> Option<PathBuf> {
    entente_testkit::shared(rel)
}
