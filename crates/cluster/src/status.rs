//! Is the scheduler up, and how many executors does it have? Ballista's scheduler serves
//! `GET /readyz` on its gRPC port (HTTP/1.1 is accepted beside gRPC's HTTP/2): `200 ready: N
//! executors registered`, or `503 not ready: N/M executors registered`. A plain HTTP request
//! over a TCP socket answers it, with timeouts, so no client library is needed.

use crate::{Error, Result, SchedulerAddr};
use std::io::{Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::time::Duration;

/// What the scheduler says about itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClusterStatus {
    /// `df://host:port`.
    pub url: String,
    /// Executors alive (heartbeat within the scheduler's timeout), when the scheduler says.
    pub executors: Option<usize>,
    /// The scheduler's own readiness (at least its `--min-executors`).
    pub ready: bool,
    /// The scheduler's answer, as sent.
    pub detail: String,
}

const TIMEOUT: Duration = Duration::from_secs(5);

/// Asks the scheduler at `url` for its state. `Err(Unreachable)` when nothing answers.
pub fn status(url: &str) -> Result<ClusterStatus> {
    let addr = SchedulerAddr::parse(url)?;
    let unreachable = |detail: String| Error::Unreachable {
        url: addr.url(),
        detail,
    };
    let host = addr.host.trim_start_matches('[').trim_end_matches(']');
    let sockets: Vec<_> = (host, addr.port)
        .to_socket_addrs()
        .map_err(|e| unreachable(format!("cannot resolve '{host}': {e}")))?
        .collect();
    let mut last = String::from("no address");
    let mut stream = None;
    for s in &sockets {
        match TcpStream::connect_timeout(s, TIMEOUT) {
            Ok(t) => {
                stream = Some(t);
                break;
            }
            Err(e) => last = format!("{s}: {e}"),
        }
    }
    let mut stream = stream.ok_or_else(|| unreachable(last))?;
    let _ = stream.set_read_timeout(Some(TIMEOUT));
    let _ = stream.set_write_timeout(Some(TIMEOUT));
    let req = format!(
        "GET /readyz HTTP/1.1\r\nHost: {}:{}\r\nConnection: close\r\n\r\n",
        addr.host, addr.port
    );
    stream
        .write_all(req.as_bytes())
        .map_err(|e| unreachable(format!("sending a request: {e}")))?;
    let mut buf = Vec::new();
    // A scheduler that closes or times out after the headers still gave its answer.
    let _ = stream.take(64 * 1024).read_to_end(&mut buf);
    let text = String::from_utf8_lossy(&buf).to_string();
    if text.is_empty() {
        return Err(unreachable(
            "the port accepted the connection but did not answer: is it a Ballista scheduler?".into(),
        ));
    }
    Ok(parse(&addr.url(), &text))
}

fn parse(url: &str, text: &str) -> ClusterStatus {
    let code: u16 = text.split_whitespace().nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    let body = text.split_once("\r\n\r\n").map_or("", |(_, b)| b);
    // The body may be chunked: take the line that says what we want.
    let line = body
        .lines()
        .find(|l| l.contains("executors registered"))
        .unwrap_or("")
        .trim()
        .to_string();
    let executors = line
        .split(':')
        .nth(1)
        .and_then(|r| r.split_whitespace().next())
        .and_then(|n| n.split('/').next())
        .and_then(|n| n.parse().ok());
    ClusterStatus {
        url: url.to_string(),
        executors,
        ready: code == 200,
        detail: if line.is_empty() { format!("HTTP {code}") } else { line },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readyz_answers() {
        let s = parse(
            "df://h:1",
            "HTTP/1.1 200 OK\r\ncontent-length: 31\r\n\r\nready: 2 executors registered\n",
        );
        assert_eq!((s.executors, s.ready), (Some(2), true));
        let s = parse(
            "df://h:1",
            "HTTP/1.1 503 Service Unavailable\r\ntransfer-encoding: chunked\r\n\r\n24\r\nnot ready: 0/1 executors registered\n\r\n0\r\n\r\n",
        );
        assert_eq!((s.executors, s.ready), (Some(0), false));
        assert_eq!(s.detail, "not ready: 0/1 executors registered");
        let s = parse("df://h:1", "HTTP/1.1 404 Not Found\r\n\r\n");
        assert_eq!((s.executors, s.ready), (None, false));
    }

    #[test]
    fn nothing_listening_is_unreachable() {
        // A port that was free a moment ago.
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let e = status(&format!("df://127.0.0.1:{port}")).unwrap_err();
        assert!(matches!(e, Error::Unreachable { .. }), "{e}");
        assert!(e.to_string().contains(&format!("127.0.0.1:{port}")), "{e}");
    }
}
