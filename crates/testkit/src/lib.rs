//! What entente's test suites share: where the fixtures are.
//!
//! The repository carries small excerpts of each real fixture under `fixtures/` (see its README
//! for their sources and licences), so every reader is exercised on a clone alone: [`excerpt`]
//! finds them. Tests that need the complete files of `../shared/fixtures` call [`shared`]: where
//! they are absent the test is skipped with a message, and under `CI=true` their absence is a
//! failure, so a CI run can never pass by skipping.

use std::path::{Path, PathBuf};

/// The repository's root (this crate lives in `crates/testkit`).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A fixture excerpt kept in the repository (`fixtures/REL`). Missing is a defect of the
/// checkout, so it panics with the path.
pub fn excerpt(rel: &str) -> PathBuf {
    let p = repo_root().join("fixtures").join(rel);
    assert!(p.is_file(), "{} is missing from the repository", p.display());
    p
}

/// The directory of the full fixtures, `../shared/fixtures` beside the repository.
pub fn shared_dir() -> PathBuf {
    repo_root().join("../shared/fixtures")
}

/// Whether this run is CI's (`CI` set to anything but `false` or empty).
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false")
}

/// A file or directory under `../shared/fixtures` (`shared("sipri/trade-register.csv")`): `Some`
/// where it exists; `None` with a "skipped" line on stderr where it does not; a panic under CI.
pub fn shared(rel: &str) -> Option<PathBuf> {
    let p = shared_dir().join(rel);
    if p.exists() {
        return Some(p);
    }
    assert!(
        !in_ci(),
        "{} is absent: under CI every test runs (copy ../shared beside the repository)",
        p.display()
    );
    eprintln!("skipped: {} is absent", p.display());
    None
}

/// Like [`shared`], for several paths that must all exist: the `../shared/fixtures` directory
/// when they do.
pub fn shared_all(rels: &[&str]) -> Option<PathBuf> {
    for r in rels {
        shared(r)?;
    }
    Some(shared_dir())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_excerpts_are_in_the_repository() {
        for rel in [
            "sipri/trade-register.excerpt.csv",
            "atop/atop-alliance-level.excerpt.csv",
            "unvotes/732.excerpt.csv",
            "gdelt/v2/20191024143000.export.CSV",
            "icews/events.2018.sample.excerpt.tab",
        ] {
            assert!(excerpt(rel).is_file());
        }
    }

    #[test]
    fn a_missing_shared_file_is_none_outside_ci() {
        if in_ci() {
            let r = std::panic::catch_unwind(|| shared("no/such/file"));
            assert!(r.is_err(), "under CI a missing fixture fails");
        } else {
            assert_eq!(shared("no/such/file"), None);
        }
    }
}
