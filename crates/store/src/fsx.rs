//! File-system steps of an atomic import: fsync, atomic replace, the lock. [`write_atomically`] is
//! the workspace's one atomic write (the store's manifest, the event lake's manifest, the CLI's
//! output files and the server's edits all go through it).

use crate::{io_err, Error, Result};
use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

/// fsyncs a directory, so that the renames in it survive a crash. (On Windows a directory cannot
/// be opened for syncing; NTFS journals renames itself.)
pub fn sync_dir(dir: &Path) -> Result<()> {
    if cfg!(windows) {
        return Ok(());
    }
    File::open(dir).and_then(|d| d.sync_all()).map_err(io_err(dir))
}

/// Replaces `path` with `bytes` atomically ([`write_atomically`]), as a store error.
pub fn replace_file(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomically(path, bytes).map_err(|e| Error::Io {
        path: e.path,
        source: e.source,
    })
}

/// An atomic write that failed: the file it failed on (the temporary file, the target or its
/// directory) and why.
#[derive(Debug)]
pub struct WriteError {
    pub path: PathBuf,
    pub source: std::io::Error,
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.source)
    }
}

impl std::error::Error for WriteError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

/// The temporary file [`write_atomically`] writes beside `path`, and the prefix such files share.
fn temporary(path: &Path) -> std::result::Result<(PathBuf, String), WriteError> {
    let name = path.file_name().ok_or_else(|| WriteError {
        path: path.to_path_buf(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a file name"),
    })?;
    let prefix = format!(".{}.tmp-", name.to_string_lossy());
    let tmp = path.with_file_name(format!("{prefix}{}", std::process::id()));
    Ok((tmp, prefix))
}

fn parent(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Writes `bytes` to `path` so that a reader, and a crash at any point, sees the old content or
/// the new, never a part: a temporary file beside it (hidden, `.<name>.tmp-<pid>`, so that the
/// fact loader skips it and two processes never share one), written and fsynced, renamed over
/// `path`, and the directory fsynced so that the rename itself is durable. On failure the
/// temporary file is removed and `path` is as it was.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::result::Result<(), WriteError> {
    let (tmp, _) = temporary(path)?;
    let at = |p: &Path| {
        let p = p.to_path_buf();
        move |source| WriteError { path: p, source }
    };
    let result = (|| {
        let mut f = File::create(&tmp).map_err(at(&tmp))?;
        f.write_all(bytes).map_err(at(&tmp))?;
        f.sync_all().map_err(at(&tmp))?;
        drop(f);
        fs::rename(&tmp, path).map_err(at(path))?;
        let dir = parent(path);
        if cfg!(windows) {
            return Ok(());
        }
        File::open(dir).and_then(|d| d.sync_all()).map_err(at(dir))
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Removes the temporary files that writes of `path` killed midway left beside it (run under
/// the lock, or before any write, so that no live write is disturbed).
pub fn remove_stale_temporaries(path: &Path) -> std::result::Result<(), WriteError> {
    let (_, prefix) = temporary(path)?;
    let dir = parent(path);
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(source) => {
            return Err(WriteError {
                path: dir.to_path_buf(),
                source,
            })
        }
    };
    for e in entries.flatten() {
        if e.file_name().to_string_lossy().starts_with(&prefix) {
            let p = e.path();
            fs::remove_file(&p).map_err(|source| WriteError { path: p, source })?;
        }
    }
    Ok(())
}

/// Takes the store's lock (`<root>/.lock`), held until the file is dropped. The operating system
/// releases it when the process dies, so a killed import leaves no stale lock.
pub fn lock(root: &Path) -> Result<File> {
    fs::create_dir_all(root).map_err(io_err(root))?;
    let path = root.join(".lock");
    let f = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(io_err(&path))?;
    match f.try_lock() {
        Ok(()) => Ok(f),
        Err(fs::TryLockError::WouldBlock) => Err(Error::Locked(path)),
        Err(fs::TryLockError::Error(e)) => Err(Error::Io { path, source: e }),
    }
}

/// Lower-case hex.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    s
}

/// The current time in UTC as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn now_utc() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let day = entente_model::Day::from_ordinal((secs / 86_400) as i64);
    let s = secs % 86_400;
    format!("{day}T{:02}:{:02}:{:02}Z", s / 3600, s / 60 % 60, s % 60)
}
