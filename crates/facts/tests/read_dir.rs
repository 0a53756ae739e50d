//! Hostile fact directories: only regular files are read (a FIFO or a link to /dev/zero named
//! `*.toml` is an error, not a read that blocks or never ends), a fact file's size is capped, a
//! symbolic link loop is found rather than followed, and a dangling link is an error naming it.
#![cfg(unix)]

use entente_facts::{read_dir, MAX_FACT_FILE};
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

const GOOD: &str = "[[source]]\nid = \"src\"\nurl = \"https://example.org/\"\npublisher = \"Example\"\n";

fn tempdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("entente-facts-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    std::fs::write(d.join("good.toml"), GOOD).expect("write");
    d
}

/// `read_dir(dir)` on another thread: a read that blocks fails the test instead of hanging it.
fn read_within(dir: &Path, secs: u64) -> Result<usize, String> {
    let (tx, rx) = mpsc::channel();
    let d = dir.to_path_buf();
    std::thread::spawn(move || {
        let _ = tx.send(read_dir(&d).map(|v| v.len()).map_err(|e| e.to_string()));
    });
    rx.recv_timeout(Duration::from_secs(secs))
        .unwrap_or_else(|_| panic!("read_dir({}) did not return within {secs} s", dir.display()))
}

#[test]
fn a_fifo_named_toml_is_an_error_not_a_hang() {
    let dir = tempdir("fifo");
    let fifo = dir.join("pipe.toml");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipping: mkfifo unavailable");
        return;
    }
    let err = read_within(&dir, 10).expect_err("a FIFO is not a fact file");
    assert!(err.contains(&fifo.display().to_string()), "{err}");
    assert!(err.contains("not a regular file"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_link_to_dev_zero_is_an_error() {
    let dir = tempdir("zero");
    let link = dir.join("zero.toml");
    symlink("/dev/zero", &link).expect("symlink");
    let err = read_within(&dir, 10).expect_err("a device is not a fact file");
    assert!(
        err.contains(&link.display().to_string()) && err.contains("not a regular file"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_file_over_the_cap_is_an_error_naming_it() {
    let dir = tempdir("big");
    let big = dir.join("big.toml");
    let f = std::fs::File::create(&big).expect("create");
    f.set_len(MAX_FACT_FILE + 1).expect("sparse file");
    let err = read_within(&dir, 30).expect_err("too big");
    assert!(
        err.contains(&big.display().to_string()) && err.contains("at most 8 MiB"),
        "{err}"
    );
    // At the cap it is read.
    f.set_len(MAX_FACT_FILE).expect("truncate");
    assert_eq!(read_within(&dir, 30), Ok(2));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_symlink_loop_is_found_not_followed() {
    let dir = tempdir("loop");
    let sub = dir.join("sub");
    std::fs::create_dir(&sub).expect("mkdir");
    symlink(&dir, sub.join("back")).expect("symlink");
    let err = read_within(&dir, 10).expect_err("a loop");
    assert!(err.contains("symbolic link loop"), "{err}");
    assert!(err.contains(&sub.join("back").display().to_string()), "{err}");
    // A link to itself (ELOOP on resolution) named *.toml is named too.
    let dir2 = tempdir("selfloop");
    let me = dir2.join("me.toml");
    symlink(&me, &me).expect("symlink");
    let err = read_within(&dir2, 10).expect_err("a self link");
    assert!(
        err.contains(&me.display().to_string()) && err.contains("cannot be followed"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&dir2);
}

#[test]
fn a_dangling_link_is_an_error_naming_it() {
    let dir = tempdir("dangling");
    let sub = dir.join("more");
    std::fs::create_dir(&sub).expect("mkdir");
    let link = sub.join("gone.toml");
    symlink(dir.join("nowhere.toml"), &link).expect("symlink");
    let err = read_within(&dir, 10).expect_err("dangling");
    assert!(err.contains(&link.display().to_string()), "{err}");
    assert!(err.contains("does not exist"), "{err}");
    // A dangling link that is not a fact file is not read, so not an error; a link to a good
    // fact file is read.
    std::fs::remove_file(&link).expect("rm");
    symlink(dir.join("nowhere"), sub.join("notes.txt")).expect("symlink");
    symlink(dir.join("good.toml"), sub.join("again.toml")).expect("symlink");
    assert_eq!(read_within(&dir, 10), Ok(2));
    let _ = std::fs::remove_dir_all(&dir);
}
