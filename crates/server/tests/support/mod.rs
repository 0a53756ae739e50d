//! Shared by the integration tests: a tiny HTTP client, a server on a background thread, and a
//! headless Chromium driven over the DevTools protocol.
#![allow(dead_code)]

pub mod cdp;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::time::Duration;

/// A response: status, headers (lower-case names) and body.
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

/// One HTTP/1.1 request on a fresh connection.
pub fn http(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> std::io::Result<Reply> {
    let mut s = TcpStream::connect_timeout(&addr, Duration::from_secs(5))?;
    s.set_read_timeout(Some(Duration::from_secs(30)))?;
    let mut req = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        req += &format!("{k}: {v}\r\n");
    }
    req += "\r\n";
    s.write_all(req.as_bytes())?;
    s.write_all(body.as_bytes())?;
    let mut raw = Vec::new();
    s.read_to_end(&mut raw)?;
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, rest) = text
        .split_once("\r\n\r\n")
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "no response head"))?;
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|c| c.parse().ok())
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidData, "no status"))?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let chunked = headers
        .iter()
        .any(|(k, v)| k == "transfer-encoding" && v.contains("chunked"));
    let body = if chunked { dechunk(rest) } else { rest.to_string() };
    Ok(Reply { status, headers, body })
}

fn dechunk(mut s: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = s.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 || rest.len() < n {
            break;
        }
        out.push_str(&rest[..n]);
        s = rest[n..].trim_start_matches("\r\n");
    }
    out
}

/// A server running on a background thread, on a free loopback port.
pub struct Running {
    pub addr: SocketAddr,
    _shutdown: tokio::sync::oneshot::Sender<()>,
}

pub fn spawn_server(opts: entente_server::ServeOptions) -> Running {
    let app = entente_server::app(&opts).expect("the server starts");
    let (tx, rx) = std::sync::mpsc::channel();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("runtime");
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
            tx.send(listener.local_addr().expect("addr")).expect("send addr");
            let _ = axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = stopped.await;
                })
                .await;
        });
    });
    let addr = rx.recv_timeout(Duration::from_secs(30)).expect("server address");
    Running { addr, _shutdown: stop }
}

/// `target/test-output/<name>`, created.
pub fn output_dir(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../target/test-output")
        .join(name);
    std::fs::create_dir_all(&dir).expect("test output directory");
    dir
}

/// A data directory with ATOP, the ROK's UN votes (732.csv) and the GDELT 2.0 sample imported,
/// from `../shared/fixtures`; `None` (saying so) where the fixtures are absent. Each call makes a
/// fresh directory named `name`.
pub fn imported_data_dir(name: &str) -> Option<PathBuf> {
    let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/fixtures");
    let (atop, votes, gdelt) = (
        fixtures.join("atop/atop-member-level.csv"),
        fixtures.join("unvotes/732.csv"),
        fixtures.join("gdelt/v2/20191024143000.export.CSV"),
    );
    if !(atop.exists() && votes.exists() && gdelt.exists()) {
        eprintln!("skipped the imported-data checks: {} is absent", fixtures.display());
        return None;
    }
    let dir = std::env::temp_dir().join(format!("entente-server-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut store = entente_store::Store::open(&dir).expect("store");
    store
        .import(entente_store::Dataset::Atop, &atop, &mut ())
        .expect("ATOP");
    store
        .import(entente_store::Dataset::Unvotes, &votes, &mut ())
        .expect("UN votes");
    let mut lake = entente_events::Lake::open(&dir).expect("lake");
    let opts = entente_events::IngestOptions::default();
    lake.ingest(&gdelt, entente_events::SourceKind::Gdelt2, &opts, &mut |_| {})
        .expect("GDELT");
    Some(dir)
}
