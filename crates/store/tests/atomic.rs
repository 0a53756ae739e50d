//! The workspace's one atomic write (`entente_store::write_atomically`, used by the store, the
//! event lake, the CLI and the server): content replaced whole, nothing left behind on failure,
//! errors naming the file, and stale temporaries of killed writes removed.

use entente_store::{remove_stale_temporaries, write_atomically};
use std::path::PathBuf;

fn tempdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("entente-atomic-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

fn names(dir: &std::path::Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .expect("dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn writes_replace_whole_and_leave_nothing_behind() {
    let dir = tempdir("write");
    let path = dir.join("manifest.json");
    write_atomically(&path, b"one").expect("first");
    write_atomically(&path, b"two, longer").expect("second");
    assert_eq!(std::fs::read(&path).expect("read"), b"two, longer");
    assert_eq!(names(&dir), vec!["manifest.json"]);
    // A target that cannot be replaced (a directory): an error naming it, no temporary left.
    let blocked = dir.join("blocked");
    std::fs::create_dir(&blocked).expect("mkdir");
    std::fs::write(blocked.join("inside"), b"x").expect("write");
    let err = write_atomically(&blocked, b"new").expect_err("a directory is not replaced");
    assert_eq!(err.path, blocked, "{err}");
    assert!(err.to_string().starts_with(&blocked.display().to_string()), "{err}");
    assert_eq!(names(&dir), vec!["blocked", "manifest.json"]);
    // A directory that does not exist: the error names the temporary file it could not create.
    let err = write_atomically(&dir.join("nope/x.json"), b"x").expect_err("no directory");
    assert!(err.to_string().contains("nope/.x.json.tmp-"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn stale_temporaries_of_killed_writes_are_removed() {
    let dir = tempdir("stale");
    let path = dir.join("edits.toml");
    for stale in [".edits.toml.tmp-1", ".edits.toml.tmp-4242"] {
        std::fs::write(dir.join(stale), b"half").expect("write");
    }
    std::fs::write(dir.join(".other.toml.tmp-1"), b"another file's").expect("write");
    std::fs::write(&path, b"kept").expect("write");
    remove_stale_temporaries(&path).expect("cleaned");
    assert_eq!(names(&dir), vec![".other.toml.tmp-1", "edits.toml"]);
    // A directory that does not exist has nothing to clean.
    remove_stale_temporaries(&dir.join("nope/edits.toml")).expect("nothing to do");
    let _ = std::fs::remove_dir_all(&dir);
}
