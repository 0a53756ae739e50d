//! Shared by the integration tests that run `entente` on a data directory.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

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

/// `entente serve` running on a free loopback port, killed when dropped.
pub struct Server {
    child: Child,
    pub addr: SocketAddr,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `entente serve` with the data directory `data_dir`.
pub fn serve(data_dir: &Path) -> Server {
    serve_with(data_dir, &[])
}

/// `entente serve ARGS` with the data directory `data_dir` (`$ENTENTE_CLUSTER` removed).
pub fn serve_with(data_dir: &Path, args: &[&str]) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_entente"))
        .args(["serve", "--addr", "127.0.0.1:0", "--no-user-data"])
        .args(args)
        .env("ENTENTE_DATA_DIR", data_dir)
        .env_remove("ENTENTE_CLUSTER")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the server");
    let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
    let first = lines
        .next()
        .and_then(Result::ok)
        .expect("the server prints its address");
    std::thread::spawn(move || for _ in lines {});
    let addr = first
        .strip_prefix("listening on http://")
        .and_then(|s| s.trim_end_matches('/').parse().ok())
        .unwrap_or_else(|| panic!("unexpected first line: {first}"));
    Server { child, addr }
}

/// A request over plain HTTP/1.1; the body of a 200 answer as JSON.
pub fn http(addr: SocketAddr, method: &str, path: &str, body: &str) -> serde_json::Value {
    let (status, body) = http_status(addr, method, path, body);
    assert_eq!(status, 200, "{method} {path}: {body}");
    serde_json::from_str(&body).unwrap_or_else(|e| panic!("{path}: not JSON ({e}): {body}"))
}

/// A request over plain HTTP/1.1: the answer's status and body.
pub fn http_status(addr: SocketAddr, method: &str, path: &str, body: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).expect("connect");
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut out = Vec::new();
    s.read_to_end(&mut out).unwrap();
    let text = String::from_utf8_lossy(&out);
    let (head, rest) = text.split_once("\r\n\r\n").expect("a response");
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .expect("a status");
    let body = if head.to_ascii_lowercase().contains("transfer-encoding: chunked") {
        dechunk(rest)
    } else {
        rest.to_string()
    };
    (status, body)
}

fn dechunk(mut s: &str) -> String {
    let mut out = String::new();
    while let Some((len, rest)) = s.split_once("\r\n") {
        let n = usize::from_str_radix(len.trim(), 16).unwrap_or(0);
        if n == 0 {
            break;
        }
        out.push_str(&rest[..n]);
        s = &rest[n + 2..];
    }
    out
}
