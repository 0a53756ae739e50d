//! The layers every request passes through: security headers, a Host check against DNS
//! rebinding, one error body for every failure, a timeout, and the per-snapshot response cache.

use crate::api::error::ApiError;
use crate::state::{App, Cached, CACHE_MAX_BODY};
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::time::Duration;

/// The dashboard's policy: scripts, styles and data from this server only; no inline script.
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// The brief's policy: it is one self-contained document with an inline stylesheet and no script.
pub const BRIEF_CSP: &str =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// Adds the security headers to every response (a handler may set a narrower CSP itself).
pub async fn security_headers(req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    }
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        HeaderName::from_static("cross-origin-resource-policy"),
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), interest-cohort=()"),
    );
    res
}

/// On a loopback address, only requests addressed to a loopback name are served: a web page
/// elsewhere cannot reach this server through a DNS name rebound to 127.0.0.1.
pub async fn loopback_host(req: Request, next: Next) -> Response {
    let ok = match req.headers().get(header::HOST).map(HeaderValue::to_str) {
        None => true,
        Some(Ok(host)) => is_loopback_host(host),
        Some(Err(_)) => false,
    };
    if !ok {
        return ApiError::new(
            StatusCode::MISDIRECTED_REQUEST,
            "bad_host",
            "this server answers only requests addressed to 127.0.0.1, localhost or [::1]",
        )
        .hint("open the address the server printed when it started")
        .into_response();
    }
    next.run(req).await
}

fn is_loopback_host(host: &str) -> bool {
    let name = if let Some(rest) = host.strip_prefix('[') {
        rest.split(']').next().unwrap_or("")
    } else {
        host.rsplit_once(':').map_or(host, |(n, _)| n)
    };
    matches!(name, "127.0.0.1" | "localhost" | "::1")
}

/// Rewrites error responses that did not come from a handler (unknown route, wrong method, body
/// too large, axum's own rejections) into the one error body.
pub async fn uniform_errors(req: Request, next: Next) -> Response {
    let res = next.run(req).await;
    let status = res.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return res;
    }
    let is_json = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if is_json {
        return res;
    }
    let allow = res.headers().get(header::ALLOW).cloned();
    let bytes = axum::body::to_bytes(res.into_body(), 4096).await.unwrap_or_default();
    let text = String::from_utf8_lossy(&bytes).trim().to_string();
    let mut out = ApiError::for_status(status, &text).into_response();
    if let Some(a) = allow {
        out.headers_mut().insert(header::ALLOW, a);
    }
    out
}

/// Ends requests that take longer than the configured time with a `timeout` error.
pub async fn timeout(State(limit): State<Duration>, req: Request, next: Next) -> Response {
    match tokio::time::timeout(limit, next.run(req)).await {
        Ok(res) => res,
        Err(_) => ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "timeout",
            format!("the request took longer than {} s", limit.as_secs_f64()),
        )
        .into_response(),
    }
}

/// Serves GET queries under /api/ from the current snapshot's cache, and fills it. The snapshot
/// is handed to the handler, so the answer and the cache entry come from the same generation.
pub async fn cache(State(app): State<App>, mut req: Request, next: Next) -> Response {
    let snap = app.snapshot();
    let cacheable = req.method() == Method::GET && req.uri().path().starts_with("/api/");
    let key = req.uri().to_string();
    if cacheable {
        if let Some(hit) = snap.cache.get(&key) {
            return cached_response(&hit);
        }
    }
    req.extensions_mut().insert(snap.clone());
    let res = next.run(req).await;
    if !cacheable || res.status() != StatusCode::OK {
        return res;
    }
    let content_type = match res.headers().get(header::CONTENT_TYPE).map(HeaderValue::as_bytes) {
        Some(b"application/json") => "application/json",
        Some(b"text/html; charset=utf-8") => "text/html; charset=utf-8",
        _ => return res,
    };
    let (parts, body) = res.into_parts();
    match axum::body::to_bytes(body, usize::MAX).await {
        Ok(bytes) => {
            let hit = Cached {
                content_type,
                body: bytes,
            };
            if hit.body.len() <= CACHE_MAX_BODY {
                snap.cache.put(key, hit.clone());
            }
            let mut out = cached_response(&hit);
            for (k, v) in parts.headers.iter() {
                out.headers_mut().insert(k.clone(), v.clone());
            }
            out
        }
        Err(_) => ApiError::internal("the response could not be read").into_response(),
    }
}

fn cached_response(hit: &Cached) -> Response {
    let mut res = Response::new(Body::from(hit.body.clone()));
    res.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(hit.content_type));
    if hit.content_type.starts_with("text/html") {
        res.headers_mut()
            .insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(BRIEF_CSP));
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_names() {
        for ok in ["127.0.0.1:8787", "localhost", "localhost:1", "[::1]:8787", "127.0.0.1"] {
            assert!(is_loopback_host(ok), "{ok}");
        }
        for bad in ["evil.example:8787", "127.0.0.1.evil.example", "[::2]:1", "0.0.0.0:80"] {
            assert!(!is_loopback_host(bad), "{bad}");
        }
    }
}
