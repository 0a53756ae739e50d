//! The HTTP API, driven in-process: every endpoint, its errors and limits, the headers, and the
//! OpenAPI document.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::Router;
use entente_server::{app, ServeOptions};
use http_body_util::BodyExt;
use serde_json::Value;
use std::sync::OnceLock;
use std::time::Duration;
use tower::ServiceExt;

mod support;

struct Reply {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

impl Reply {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    fn header(&self, name: &str) -> &str {
        self.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("")
    }

    /// The error code of an error body (and checks its shape).
    fn error_code(&self) -> String {
        let v = self.json();
        let e = &v["error"];
        assert!(e["message"].is_string(), "error message: {}", self.body);
        assert!(e.get("hint").is_some(), "error hint (null or text): {}", self.body);
        e["code"].as_str().unwrap_or("").to_string()
    }
}

fn read_only() -> &'static Router {
    static APP: OnceLock<Router> = OnceLock::new();
    APP.get_or_init(|| app(&ServeOptions::default()).expect("app"))
}

async fn send(app: &Router, req: Request<Body>) -> Reply {
    let res = app.clone().oneshot(req).await.expect("infallible");
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = res.into_body().collect().await.expect("body").to_bytes();
    Reply {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

async fn get(app: &Router, uri: &str) -> Reply {
    send(app, Request::get(uri).body(Body::empty()).unwrap()).await
}

async fn write(app: &Router, method: &str, uri: &str, token: Option<&str>, ctype: &str, body: &str) -> Reply {
    let mut req = Request::builder().method(method).uri(uri).header("content-type", ctype);
    if let Some(t) = token {
        req = req.header("authorization", format!("Bearer {t}"));
    }
    send(app, req.body(Body::from(body.to_string())).unwrap()).await
}

async fn ok(app: &Router, uri: &str) -> Value {
    let r = get(app, uri).await;
    assert_eq!(r.status, StatusCode::OK, "{uri}: {}", r.body);
    assert_eq!(r.header("content-type"), "application/json", "{uri}");
    r.json()
}

#[tokio::test]
async fn every_query_endpoint_answers_with_the_library_results() {
    let a = read_only();
    let meta = ok(a, "/api/meta").await;
    assert_eq!(meta["writable"], false);
    assert!(meta["counts"]["facts"].as_u64().unwrap() > 150);

    let actors = ok(a, "/api/actors?kind=alliance,grouping").await;
    assert!(actors["actors"].as_array().unwrap().iter().any(|x| x["id"] == "NATO"));

    // Any code, alias or demonym resolves to the same actor.
    for q in ["KOR", "ROK", "South%20Korea", "South%20Korean", "732", "Q884"] {
        let p = ok(a, &format!("/api/actors/{q}")).await;
        assert_eq!(p["actor"]["id"], "KOR", "{q}");
    }
    let p = ok(a, "/api/actors/KOR").await;
    assert_eq!(p["actor"]["codes"]["cow"], 732);
    assert!(p["relations"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["role"] == "programme with"));

    let s = ok(a, "/api/search?q=South%20Korean&limit=3").await;
    assert_eq!(s["hits"][0]["id"], "KOR");
    assert!(s["hits"].as_array().unwrap().len() <= 3);

    let t = ok(a, "/api/timeline?a=NATO&b=ROK&to=2012").await;
    assert_eq!(t["actors"], serde_json::json!(["NATO", "KOR"]));
    assert_eq!(t["total"], 12, "the README's chronology to 2012");
    assert_eq!(t["names"]["KOR"], "South Korea");
    assert!(t["entries"][0]["citations"][0]["url"]
        .as_str()
        .unwrap()
        .starts_with("http"));
    let via = ok(a, "/api/timeline?a=NATO&b=KOR&members=true&kind=transfer&from=2022").await;
    assert!(via["entries"].as_array().unwrap().iter().any(|e| e["via"] == "POL"));
    let own = ok(a, "/api/timeline?a=KOR").await;
    assert!(own["total"].as_u64().unwrap() > t["total"].as_u64().unwrap());

    let at = ok(a, "/api/at?actor=NATO&date=2023-07-12").await;
    assert_eq!(at["member_count"], 31);
    let at = ok(a, "/api/at?actor=NATO&date=2024-03-08").await;
    assert_eq!(at["member_count"], 32);

    let tr = ok(
        a,
        "/api/transfers?supplier=KOR&recipient_in=NATO&from=2022&weapons_only=true",
    )
    .await;
    assert_eq!(tr["total"], 20, "the README's 20 deals");
    assert!(tr["transfers"][0]["member_since"].is_string());
    let uk = ok(a, "/api/transfers?supplier=KOR&recipient=GBR&weapons_only=true").await;
    assert_eq!(uk["total"], 0, "the UK bought no Korean weapon system");
    let fixed = ok(a, "/api/transfers?supplier=KOR&recipient_in=NATO&member_at=2000").await;
    assert!(fixed["total"].as_u64().unwrap() > 0);

    let d = ok(a, "/api/depth?a=NATO&b=KOR&from=2000&to=2024").await;
    assert_eq!(d["series"].as_array().unwrap().len(), 25);
    assert!(d["dimensions"].as_array().unwrap().iter().any(|x| x["id"] == "cyber"));
    let m = ok(a, "/api/depth?a=NATO&b=KOR&from=2022&to=2022&by=month").await;
    assert_eq!(m["series"].as_array().unwrap().len(), 12);

    let ex = ok(a, "/api/depth/explain?a=NATO&b=KOR&date=2023-07-12").await;
    assert!(ex["composite"].as_f64().unwrap() > 0.0);
    assert!(ex["dimensions"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| !d["items"].as_array().unwrap().is_empty()));

    let c = ok(a, "/api/changes?a=NATO&b=KOR&from=2000&to=2025-10").await;
    let months: Vec<String> = c["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["date"].as_str().unwrap()[..7].to_string())
        .collect();
    for m in ["2005-07", "2006-11", "2010-07", "2012-09", "2022-06", "2023-07"] {
        assert!(months.iter().any(|x| x == m), "change at {m}: {months:?}");
    }

    let p = ok(a, "/api/peers?a=NATO&b=KOR&to=2025").await;
    let labels: Vec<&str> = p["dyads"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["label"].as_str().unwrap())
        .collect();
    assert!(labels.contains(&"NATO – Japan") && labels.len() == 4, "{labels:?}");
    let p = ok(a, "/api/peers?a=NATO&b=KOR&peer=JPN&to=2025").await;
    assert_eq!(p["dyads"].as_array().unwrap().len(), 2);

    let o = ok(a, "/api/outlook?a=NATO&b=KOR").await;
    assert!(!o["drivers"].as_array().unwrap().is_empty());

    // Every counterpart ranked, with coverage; the shipped ATOP table puts the US–ROK alliance in.
    let r = ok(a, "/api/partners?actor=KOR&on=2024-12-31&top=0").await;
    let list = r["partners"].as_array().unwrap();
    assert!(list.len() > 150, "{}", list.len());
    let usa = list.iter().find(|p| p["id"] == "USA").expect("the US is ranked");
    assert!(usa["covered_by"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c.as_str().unwrap().starts_with("ATOP")));
    let top = ok(a, "/api/partners?actor=KOR&top=3").await;
    let top = top["partners"].as_array().unwrap();
    assert!(top.iter().all(|p| p["rank"].as_u64().unwrap() <= 3));
    assert_eq!(top.iter().filter(|p| p["group"] == "state").count(), 3);
    let bad = get(a, "/api/partners?actor=KOR&top=many").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    // No data is null, never 0: cyber between the US and the ROK.
    let d = ok(a, "/api/depth?a=USA&b=KOR&from=2015&to=2015").await;
    let dims = d["series"][0]["dimensions"].as_array().unwrap();
    let cyber = dims.iter().find(|x| x[0] == "cyber").unwrap();
    assert!(cyber[1].is_null(), "{cyber}");
    assert!(d["series"][0]["composite"].as_f64().unwrap() > 0.0);

    let src = ok(a, "/api/sources/mofa-kor-nato").await;
    assert!(src["source"]["url"].as_str().unwrap().starts_with("https://"));
    assert!(!src["cited_by"].as_array().unwrap().is_empty());

    let f = ok(a, "/api/facts/kor-nato-dialogue").await;
    assert_eq!(f["kind"], "relation");
    assert!(f["toml"].as_str().unwrap().starts_with("[[relation]]"));
    assert!(f["toml"].as_str().unwrap().contains("id = \"kor-nato-dialogue\""));
    assert!(f["origin"]["file"].as_str().unwrap().starts_with("data/"));

    let e = ok(a, "/api/edits").await;
    assert_eq!(e["writable"], false);
}

#[tokio::test]
async fn the_brief_is_html_with_its_own_policy() {
    let r = get(read_only(), "/api/brief?a=NATO&b=KOR&to=2025-10").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.header("content-type"), "text/html; charset=utf-8");
    assert!(r.body.contains(r#"<section id="summary">"#));
    assert!(r.header("content-security-policy").starts_with("default-src 'none'"));
    // From the cache, the same.
    let again = get(read_only(), "/api/brief?a=NATO&b=KOR&to=2025-10").await;
    assert_eq!(again.body, r.body);
    assert!(again
        .header("content-security-policy")
        .starts_with("default-src 'none'"));
}

#[tokio::test]
async fn lists_are_paged_with_totals() {
    let a = read_only();
    let all = ok(a, "/api/timeline?a=NATO&b=KOR&limit=1000").await;
    let page = ok(a, "/api/timeline?a=NATO&b=KOR&limit=5&offset=5").await;
    assert_eq!(page["total"], all["total"]);
    assert_eq!(page["limit"], 5);
    assert_eq!(page["offset"], 5);
    assert_eq!(
        page["entries"].as_array().unwrap()[..],
        all["entries"].as_array().unwrap()[5..10]
    );
    let default = ok(a, "/api/actors").await;
    assert_eq!(default["limit"], 100);
    assert!(default["actors"].as_array().unwrap().len() <= 100);
    let past = ok(a, "/api/transfers?offset=100000").await;
    assert!(past["transfers"].as_array().unwrap().is_empty());
    assert!(past["total"].as_u64().unwrap() > 0);
    let at = ok(a, "/api/at?actor=NATO&date=2024&limit=2").await;
    assert_eq!(at["entries"].as_array().unwrap().len(), 2);
    let s = ok(a, "/api/search?q=korea&limit=2&offset=1").await;
    assert_eq!(s["hits"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn errors_have_one_body_and_the_right_status() {
    let a = read_only();
    let cases: &[(&str, StatusCode, &str)] = &[
        (
            "/api/timeline?a=NATO&b=Sout%20Korea",
            StatusCode::NOT_FOUND,
            "unknown_actor",
        ),
        ("/api/actors/Atlantis", StatusCode::NOT_FOUND, "unknown_actor"),
        ("/api/at?actor=NATO&date=2023-13", StatusCode::BAD_REQUEST, "bad_date"),
        (
            "/api/timeline?a=NATO&from=yesterday",
            StatusCode::BAD_REQUEST,
            "bad_date",
        ),
        (
            "/api/depth/explain?a=NATO&b=KOR&date=2023-02-30",
            StatusCode::BAD_REQUEST,
            "bad_date",
        ),
        (
            "/api/timeline?a=NATO&form=2020",
            StatusCode::BAD_REQUEST,
            "unknown_parameter",
        ),
        ("/api/timeline?b=KOR", StatusCode::BAD_REQUEST, "missing_parameter"),
        ("/api/at?actor=NATO", StatusCode::BAD_REQUEST, "missing_parameter"),
        ("/api/search", StatusCode::BAD_REQUEST, "missing_parameter"),
        (
            "/api/timeline?a=NATO&limit=ten",
            StatusCode::BAD_REQUEST,
            "bad_parameter",
        ),
        (
            "/api/timeline?a=NATO&limit=5000",
            StatusCode::BAD_REQUEST,
            "bad_parameter",
        ),
        (
            "/api/timeline?a=NATO&members=maybe",
            StatusCode::BAD_REQUEST,
            "bad_parameter",
        ),
        ("/api/timeline?a=NATO&a=KOR", StatusCode::BAD_REQUEST, "bad_parameter"),
        (
            "/api/depth?a=NATO&b=KOR&by=week",
            StatusCode::BAD_REQUEST,
            "bad_parameter",
        ),
        (
            "/api/depth?a=NATO&b=KOR&from=2020&to=2010",
            StatusCode::BAD_REQUEST,
            "bad_parameter",
        ),
        (
            "/api/changes?a=NATO&b=KOR&by=month",
            StatusCode::BAD_REQUEST,
            "unknown_parameter",
        ),
        ("/api/transfers?member_at=soon", StatusCode::BAD_REQUEST, "bad_date"),
        (
            "/api/peers?a=NATO&b=KOR&peer=Narnia",
            StatusCode::NOT_FOUND,
            "unknown_actor",
        ),
        ("/api/facts/no-such-fact", StatusCode::NOT_FOUND, "unknown_fact"),
        ("/api/sources/no-such-source", StatusCode::NOT_FOUND, "unknown_source"),
        ("/api/nothing-here", StatusCode::NOT_FOUND, "not_found"),
        ("/assets/nothing.js", StatusCode::NOT_FOUND, "not_found"),
        // Nothing imported: the data endpoints say so, with the command that imports.
        ("/api/measures?a=KOR&b=NATO", StatusCode::NOT_FOUND, "not_imported"),
        ("/api/events?a=NATO&b=KOR", StatusCode::NOT_FOUND, "not_imported"),
    ];
    for (uri, status, code) in cases {
        let r = get(a, uri).await;
        assert_eq!(r.status, *status, "{uri}: {}", r.body);
        assert_eq!(r.header("content-type"), "application/json", "{uri}");
        assert_eq!(r.error_code(), *code, "{uri}: {}", r.body);
    }
    let long = get(a, &format!("/api/search?q={}", "k".repeat(300))).await;
    assert_eq!(long.status, StatusCode::BAD_REQUEST);
    assert_eq!(long.error_code(), "bad_parameter");
    // Unknown actors come with suggestions.
    let r = get(a, "/api/timeline?a=NATO&b=Sout%20Korea").await;
    let v = r.json();
    assert_eq!(v["error"]["suggestions"][0]["id"], "KOR");
    assert!(v["error"]["hint"].as_str().unwrap().contains("KOR"));
    // A method the route does not take.
    let r = send(a, Request::delete("/api/timeline").body(Body::empty()).unwrap()).await;
    assert_eq!(r.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(r.error_code(), "method_not_allowed");
}

#[tokio::test]
async fn security_headers_on_every_response() {
    let a = read_only();
    for uri in ["/", "/assets/app.css", "/api/meta", "/api/nothing", "/openapi.json"] {
        let r = get(a, uri).await;
        let csp = r.header("content-security-policy");
        assert!(
            csp.contains("default-src 'self'") && csp.contains("script-src 'self'"),
            "{uri}: {csp}"
        );
        assert!(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"), "{uri}");
        assert_eq!(r.header("x-content-type-options"), "nosniff", "{uri}");
        assert_eq!(r.header("referrer-policy"), "no-referrer", "{uri}");
        assert_eq!(r.header("x-frame-options"), "DENY", "{uri}");
    }
    let page = get(a, "/").await;
    assert_eq!(page.header("content-type"), "text/html; charset=utf-8");
    // The page loads nothing from elsewhere and runs no inline script.
    assert!(!page.body.contains("http://") && !page.body.contains("https://"));
    assert!(page
        .body
        .contains(r#"<script type="module" src="/assets/js/main.js"></script>"#));
    assert!(!page.body.contains("<script>"));
    // Assets revalidate cheaply.
    let etag = page.header("etag").to_string();
    assert!(!etag.is_empty());
    let r = send(
        a,
        Request::get("/")
            .header("if-none-match", &etag)
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(r.status, StatusCode::NOT_MODIFIED);
    let js = get(a, "/assets/js/main.js").await;
    assert_eq!(js.header("content-type"), "text/javascript; charset=utf-8");
    let world = get(a, "/assets/world/countries-110m.json").await;
    assert!(world.body.contains("\"iso3\":\"KOR\""));
}

#[tokio::test]
async fn requests_for_other_hosts_are_refused_on_loopback() {
    let a = read_only();
    let r = send(
        a,
        Request::get("/api/meta")
            .header("host", "evil.example:8787")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(r.status, StatusCode::MISDIRECTED_REQUEST);
    assert_eq!(r.error_code(), "bad_host");
    for host in ["127.0.0.1:8787", "localhost:8787", "[::1]:8787"] {
        let r = send(
            a,
            Request::get("/api/meta")
                .header("host", host)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "{host}");
    }
}

#[tokio::test]
async fn the_openapi_document_describes_every_route() {
    let a = read_only();
    let doc = ok(a, "/openapi.json").await;
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let paths: Vec<&str> = doc["paths"].as_object().unwrap().keys().map(String::as_str).collect();
    let expected = [
        "/api/meta",
        "/api/actors",
        "/api/actors/{id}",
        "/api/search",
        "/api/timeline",
        "/api/at",
        "/api/transfers",
        "/api/depth",
        "/api/depth/explain",
        "/api/changes",
        "/api/peers",
        "/api/outlook",
        "/api/partners",
        "/api/brief",
        "/api/sources/{id}",
        "/api/facts",
        "/api/facts/{id}",
        "/api/edits",
        "/api/measures",
        "/api/events",
        "/api/flows",
        "/api/dependence",
        "/api/sql",
        "/api/extract",
        "/api/verify",
        "/api/propose",
        "/api/proposals/accept",
        "/api/proposals/reject",
    ];
    let mut got = paths.clone();
    got.sort();
    let mut want = expected.to_vec();
    want.sort();
    assert_eq!(got, want);
    // Every documented path is served (no route-level 404).
    for p in expected {
        let uri = p.replace("{id}", "KOR");
        let r = get(a, &uri).await;
        assert_ne!(r.error_code_or_none(), Some("not_found".into()), "{uri}");
    }
    assert!(doc["components"]["schemas"]["ErrorBody"].is_object());
    assert!(doc["components"]["securitySchemes"]["token"].is_object());
    assert!(doc["paths"]["/api/facts/{id}"]["put"].is_object());
    assert!(doc["paths"]["/api/facts/{id}"]["delete"].is_object());
}

impl Reply {
    fn error_code_or_none(&self) -> Option<String> {
        if self.status.is_success() {
            return None;
        }
        let v: Value = serde_json::from_str(&self.body).ok()?;
        v["error"]["code"].as_str().map(str::to_string)
    }
}

#[tokio::test]
async fn slow_requests_time_out_with_the_error_body() {
    let a = app(&ServeOptions {
        timeout: Duration::from_millis(1),
        ..ServeOptions::default()
    })
    .expect("app");
    let r = get(&a, "/api/brief?a=NATO&b=KOR").await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(r.error_code(), "timeout");
}

#[test]
fn unsafe_options_are_refused() {
    let remote = ServeOptions {
        addr: "0.0.0.0:8787".parse().unwrap(),
        ..ServeOptions::default()
    };
    assert!(app(&remote).is_err(), "0.0.0.0 needs --allow-remote");
    assert!(app(&ServeOptions {
        allow_remote: true,
        ..remote
    })
    .is_ok());
    let short = ServeOptions {
        token: Some("abc".into()),
        ..ServeOptions::default()
    };
    assert!(app(&short).is_err(), "a token under 8 characters");
}

// ---------- writes ----------

const TOKEN: &str = "api-test-token";

const EVENT: &str = r#"[[event]]
id = "api-test-meeting"
kind = "meeting"
date = "2025-05-05"
title = "API test consultation"
actors = ["NATO"]
targets = ["KOR"]
sources = ["mofa-kor-nato"]
"#;

fn writable(dir: &std::path::Path) -> Router {
    app(&ServeOptions {
        user_dir: Some(dir.to_path_buf()),
        token: Some(TOKEN.into()),
        ..ServeOptions::default()
    })
    .expect("app")
}

#[tokio::test]
async fn writes_need_the_token() {
    let r = write(
        read_only(),
        "POST",
        "/api/facts",
        Some(TOKEN),
        "application/toml",
        EVENT,
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(r.error_code(), "read_only");
    let dir = tempfile::tempdir().unwrap();
    let a = writable(dir.path());
    let r = write(&a, "POST", "/api/facts", None, "application/toml", EVENT).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert_eq!(r.error_code(), "unauthorized");
    let r = write(
        &a,
        "POST",
        "/api/facts",
        Some("wrong-token-value"),
        "application/toml",
        EVENT,
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(r.error_code(), "forbidden");
    let r = write(
        &a,
        "DELETE",
        "/api/facts/kor-nato-dialogue",
        Some("nope-nope-nope"),
        "application/toml",
        "",
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(!dir.path().join("edits.toml").exists(), "nothing written");
}

#[tokio::test]
async fn bodies_are_limited_and_typed() {
    let dir = tempfile::tempdir().unwrap();
    let a = writable(dir.path());
    let big = format!("{EVENT}# {}\n", "x".repeat(70 * 1024));
    let r = write(&a, "POST", "/api/facts", Some(TOKEN), "application/toml", &big).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(r.error_code(), "payload_too_large");
    let r = write(&a, "POST", "/api/facts", Some(TOKEN), "image/png", EVENT).await;
    assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(r.error_code(), "unsupported_media_type");
    let r = write(&a, "POST", "/api/facts", Some(TOKEN), "application/json", "{not json").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(!dir.path().join("edits.toml").exists());
}

#[tokio::test]
async fn invalid_records_are_refused_with_positions() {
    let dir = tempfile::tempdir().unwrap();
    let a = writable(dir.path());
    let r = write(
        &a,
        "POST",
        "/api/facts",
        Some(TOKEN),
        "application/toml",
        &EVENT.replace("\"KOR\"", "\"KRO\""),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.error_code(), "invalid_fact");
    let d = &r.json()["error"]["diagnostics"][0];
    assert_eq!(d["code"], "unknown-actor");
    assert_eq!(d["file"], "request.toml");
    assert_eq!(d["line"], 7);
    assert_eq!(d["column"], 12);
    assert!(d["hint"].as_str().unwrap().contains("KOR"));
    // Syntax errors have positions too.
    let r = write(
        &a,
        "POST",
        "/api/facts",
        Some(TOKEN),
        "application/toml",
        "[[event]]\nid = \"x\nkind = 1\n",
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.json()["error"]["diagnostics"][0]["code"], "syntax");
    // Keys outside a record would change the file they are appended to.
    let r = write(
        &a,
        "POST",
        "/api/facts",
        Some(TOKEN),
        "application/toml",
        &format!("title = \"x\"\n{EVENT}"),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    // A duplicate id.
    let r = write(
        &a,
        "POST",
        "/api/facts",
        Some(TOKEN),
        "application/toml",
        &EVENT.replace("api-test-meeting", "kor-nato-dialogue"),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("duplicate"), "{}", r.body);
    assert!(!dir.path().join("edits.toml").exists(), "nothing written");
}

#[tokio::test]
async fn a_record_is_added_corrected_and_retracted() {
    let dir = tempfile::tempdir().unwrap();
    let a = writable(dir.path());
    let before = ok(&a, "/api/timeline?a=NATO&b=KOR&limit=1000").await["total"]
        .as_u64()
        .unwrap();

    // Add (TOML).
    let r = write(&a, "POST", "/api/facts", Some(TOKEN), "application/toml", EVENT).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    assert_eq!(r.json()["added"][0]["id"], "api-test-meeting");
    let t = ok(&a, "/api/timeline?a=NATO&b=KOR&limit=1000").await;
    assert_eq!(
        t["total"].as_u64().unwrap(),
        before + 1,
        "the cache was dropped with the old data"
    );
    assert!(t["entries"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["title"] == "API test consultation"));

    // Add (JSON), with a new source.
    let json = serde_json::json!({
        "source": {"id": "api-test-source", "url": "https://example.org/api", "publisher": "Example"},
        "event": {"id": "api-test-visit", "kind": "visit", "date": "2025-06", "title": "API test visit",
                  "actors": ["KOR"], "targets": ["NATO"], "sources": [{"source": "api-test-source", "at": "p. 3"}]}
    });
    let r = write(
        &a,
        "POST",
        "/api/facts",
        Some(TOKEN),
        "application/json",
        &json.to_string(),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let f = ok(&a, "/api/facts/api-test-visit").await;
    assert_eq!(f["citations"][0]["locator"], "p. 3");
    assert_eq!(f["in_edits"], true);

    // Correct a shipped fact, keeping its id.
    let original = ok(&a, "/api/facts/kor-nato-dialogue").await;
    let corrected = original["toml"].as_str().unwrap().replace(
        "NATO–ROK political dialogue begins",
        "NATO–ROK dialogue begins (corrected)",
    );
    let r = write(
        &a,
        "PUT",
        "/api/facts/kor-nato-dialogue",
        Some(TOKEN),
        "application/toml",
        &corrected,
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.json()["replaced"]["id"], "kor-nato-dialogue");
    let f = ok(&a, "/api/facts/kor-nato-dialogue").await;
    assert_eq!(f["title"], "NATO–ROK dialogue begins (corrected)");
    assert_eq!(f["in_edits"], true);
    // Correct one's own edit: replaced in place, not listed in `replaces`.
    let r = write(
        &a,
        "PUT",
        "/api/facts/api-test-meeting",
        Some(TOKEN),
        "application/toml",
        &EVENT.replace("API test consultation", "API test consultation, revised"),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let edits = ok(&a, "/api/edits").await;
    let replaces: Vec<&str> = edits["replaces"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["id"].as_str().unwrap())
        .collect();
    assert_eq!(replaces, ["kor-nato-dialogue"]);
    let text = edits["text"].as_str().unwrap();
    assert_eq!(text.matches("id = \"api-test-meeting\"").count(), 1);
    assert!(text.contains("revised"));

    // A correction must be one record of the same kind; an unknown id is 404.
    let r = write(
        &a,
        "PUT",
        "/api/facts/no-such-fact",
        Some(TOKEN),
        "application/toml",
        EVENT,
    )
    .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let two = format!("{EVENT}\n{}", EVENT.replace("api-test-meeting", "other"));
    let r = write(
        &a,
        "PUT",
        "/api/facts/api-test-meeting",
        Some(TOKEN),
        "application/toml",
        &two,
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);

    // Retract: a source still cited cannot go; one's own event can; a shipped fact can.
    let r = write(
        &a,
        "DELETE",
        "/api/facts/api-test-source?kind=source",
        Some(TOKEN),
        "application/toml",
        "",
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    let r = write(
        &a,
        "DELETE",
        "/api/facts/api-test-visit",
        Some(TOKEN),
        "application/toml",
        "",
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(get(&a, "/api/facts/api-test-visit").await.status, StatusCode::NOT_FOUND);
    let r = write(
        &a,
        "DELETE",
        "/api/facts/kor-ban-nac-2005",
        Some(TOKEN),
        "application/toml",
        "",
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(
        get(&a, "/api/facts/kor-ban-nac-2005").await.status,
        StatusCode::NOT_FOUND
    );

    // All of it is on disk: a new server over the same directory sees the same data.
    let again = writable(dir.path());
    let f = ok(&again, "/api/facts/kor-nato-dialogue").await;
    assert_eq!(f["title"], "NATO–ROK dialogue begins (corrected)");
    assert_eq!(
        get(&again, "/api/facts/kor-ban-nac-2005").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        ok(&again, "/api/facts/api-test-meeting").await["title"],
        "API test consultation, revised"
    );
    // And the file is a fact file: without its `replaces` line, it validates over the shipped
    // data less the records it replaces.
    let text = std::fs::read_to_string(dir.path().join("edits.toml")).unwrap();
    assert!(
        text.contains("replaces = [\"fact:kor-nato-dialogue\", \"fact:kor-ban-nac-2005\"]"),
        "{text}"
    );
}

/// A server over a data directory with ATOP, the ROK's UN votes and the GDELT 2.0 sample.
fn with_data() -> Option<&'static Router> {
    static APP: OnceLock<Option<Router>> = OnceLock::new();
    APP.get_or_init(|| {
        let opts = ServeOptions {
            data_dir: Some(support::imported_data_dir("api")?),
            ..ServeOptions::default()
        };
        Some(app(&opts).expect("app"))
    })
    .as_ref()
}

#[tokio::test]
async fn events_series_counterparts_and_types_from_the_lake() {
    let Some(a) = with_data() else { return };
    let r = get(a, "/api/events?a=USA&b=CHN&by=year").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let v = r.json();
    assert_eq!(v["kind"], "series");
    let rows = v["rows"].as_array().unwrap();
    let sum: u64 = rows.iter().map(|r| r["counts"]["events"].as_u64().unwrap()).sum();
    assert_eq!(sum, v["total"].as_u64().unwrap());
    assert!(sum > 0);
    assert_eq!(v["names"]["CHN"], "China");
    assert!(v["citations"][0]["url"].as_str().unwrap().contains("gdeltproject"));
    // One direction is part of both.
    let d = get(a, "/api/events?a=USA&b=CHN&directed=true").await.json();
    assert!(d["total"].as_u64().unwrap() <= sum);
    let top = get(a, "/api/events?a=USA&top=3").await.json();
    assert_eq!(top["kind"], "counterparts");
    assert_eq!(top["counterparts"].as_array().unwrap().len(), 3);
    let first = top["counterparts"][0]["actor"].as_str().unwrap();
    assert!(top["names"][first].is_string());
    let t = get(a, "/api/events?a=USA&b=CHN&types=true").await.json();
    assert_eq!(t["kind"], "types");
    // NATO's members count when asked.
    let itself = get(a, "/api/events?a=NATO&b=KOR").await.json();
    let both = get(a, "/api/events?a=NATO&b=KOR&members=both").await.json();
    assert!(both["total"].as_u64().unwrap() > itself["total"].as_u64().unwrap());
    for (uri, code) in [
        ("/api/events?a=USA&b=CHN&by=week", "bad_parameter"),
        ("/api/events?a=USA&b=CHN&members=all", "bad_parameter"),
        ("/api/events?a=USA&b=CHN&source=acled", "bad_parameter"),
        ("/api/events?a=USA&b=CHN&from=2020&to=2019", "bad_parameter"),
        ("/api/events?a=USA&top=100000", "bad_parameter"),
        ("/api/events?a=Atlantis", "unknown_actor"),
        ("/api/events?b=KOR", "missing_parameter"),
    ] {
        let r = get(a, uri).await;
        assert!(r.status.is_client_error(), "{uri}: {}", r.body);
        assert_eq!(r.error_code(), code, "{uri}");
    }
}

#[tokio::test]
async fn measures_for_two_states_and_for_a_state_with_an_alliance() {
    let Some(a) = with_data() else { return };
    let r = get(a, "/api/measures?a=NATO&b=KOR&from=2010&to=2012").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let v = r.json();
    assert_eq!(v["measures"]["kind"], "group");
    let years = v["measures"]["years"].as_array().unwrap();
    assert_eq!(years.len(), 3);
    assert!(years[0]["s"].as_f64().unwrap() > 0.0);
    assert!(years[0]["agreement"].as_f64().unwrap() > 0.5);
    assert!(v["measures"]["atop"]["file"]
        .as_str()
        .unwrap()
        .contains("atop-member-level"));
    let d = get(a, "/api/measures?a=KOR&b=USA&from=2015&to=2015").await.json();
    assert_eq!(d["measures"]["kind"], "dyad");
    assert_eq!(d["measures"]["years"][0]["year"], 2015);
    let r = get(a, "/api/measures?a=NATO&b=IP4").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.body);
    assert_eq!(r.error_code(), "not_a_state");
    let r = get(a, "/api/measures?a=KOR&b=USA&from=20x0").await;
    assert_eq!(r.error_code(), "bad_parameter");
}

const ARTICLE: &str = "url: https://www.example.org/news/ph-kor\ntitle: Manila adds light fighters\ndate: 2026-03-14\n\n\
The Philippines signed a contract with South Korea on 12 March 2026 for 12 FA-50 light combat aircraft. \
Canada's defence minister visited Seoul on 13 March 2026. Estonia ordered 12 K9 howitzers from South Korea in June 2019.\n";

async fn propose(a: &Router, body: &str, query: &str) -> Reply {
    write(a, "POST", &format!("/api/propose{query}"), None, "text/plain", body).await
}

#[tokio::test]
async fn an_article_is_proposed_reviewed_and_remembered() {
    let dir = tempfile::tempdir().unwrap();
    let a = writable(dir.path());
    let r = propose(&a, ARTICLE, "").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let v = r.json();
    let proposals = v["proposals"].as_array().unwrap().clone();
    assert_eq!(v["text"], ARTICLE, "the text the offsets point into");
    let find = |word: &str| {
        proposals
            .iter()
            .find(|p| p["record"].as_str().unwrap().contains(word))
            .unwrap_or_else(|| panic!("{word} in {proposals:?}"))
            .clone()
    };
    let visit = find("kind = \"visit\"");
    let order = find("[[transfer]]\nid = \"fa-50");
    let fix = find("kor-est-k9-2018");
    assert_eq!(fix["action"], "correction");
    for p in &proposals {
        assert_eq!(p["standing"], "fresh");
        let (s, e) = (
            p["start"].as_u64().unwrap() as usize,
            p["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&ARTICLE[s..e], p["quote"].as_str().unwrap());
    }
    let decision = |p: &Value, edited: Option<String>| {
        serde_json::json!({
            "proposed": p["record"], "edited": edited, "source": v["source"], "source_id": v["source_id"],
            "replaces": p.get("replaces"),
        })
        .to_string()
    };
    // Without the token nothing is saved.
    let r = write(
        &a,
        "POST",
        "/api/proposals/accept",
        None,
        "application/json",
        &decision(&visit, None),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    // Accept the visit with an edited title: saved with its source, review stamped.
    let edited = visit["record"]
        .as_str()
        .unwrap()
        .replace("Canada – South Korea: visit", "Canadian minister in Seoul");
    let r = write(
        &a,
        "POST",
        "/api/proposals/accept",
        Some(TOKEN),
        "application/json",
        &decision(&visit, Some(edited)),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let id = visit["id"].as_str().unwrap();
    let fact = ok(&a, &format!("/api/facts/{id}")).await;
    assert!(
        fact["toml"].as_str().unwrap().contains("edited = [\"title\"]"),
        "{fact}"
    );
    let t = ok(&a, "/api/timeline?a=CAN&b=KOR").await;
    let entry = t["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == id)
        .expect("in the timeline at once");
    assert_eq!(entry["reviewed"]["article"], v["source_id"]);
    assert!(entry["citations"][0]["url"]
        .as_str()
        .unwrap()
        .contains("example.org/news/ph-kor"));
    // The depth index's explanation and the brief cite the article; the brief says the record
    // came from review.
    let explain = get(&a, "/api/depth/explain?a=CAN&b=KOR&date=2026-03-13").await;
    assert_eq!(explain.status, StatusCode::OK, "{}", explain.body);
    assert!(
        explain.body.contains(id) && explain.body.contains("example.org/news/ph-kor"),
        "{}",
        explain.body
    );
    let brief = get(&a, "/api/brief?a=CAN&b=KOR&to=2026-12").await;
    assert_eq!(
        brief.status,
        StatusCode::OK,
        "{}",
        &brief.body[..brief.body.len().min(300)]
    );
    assert!(brief.body.contains("Canadian minister in Seoul"), "the accepted title");
    assert!(brief.body.contains("reviewed from an article"));
    // The article among the brief's sources (its address HTML-escaped).
    assert!(
        brief.body.contains("Manila adds light fighters") && brief.body.contains("example.org&#x2f;news&#x2f;ph-kor")
    );
    // Accept the correction: it replaces the record, the article cited beside its sources.
    let r = write(
        &a,
        "POST",
        "/api/proposals/accept",
        Some(TOKEN),
        "application/json",
        &decision(&fix, None),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let fixed = ok(&a, "/api/facts/kor-est-k9-2018").await;
    assert!(
        fixed["toml"].as_str().unwrap().contains("order_date = \"2019-06\""),
        "{fixed}"
    );
    // Reject the order: remembered in the proposals ledger.
    let key = order["key"].as_str().unwrap();
    let body = serde_json::json!({ "key": key, "source_id": v["source_id"] }).to_string();
    let r = write(
        &a,
        "POST",
        "/api/proposals/reject",
        Some(TOKEN),
        "application/json",
        &body,
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(std::fs::read_to_string(dir.path().join("proposals/ledger.json"))
        .unwrap()
        .contains(key));
    // The same article again: the accepted claims are in the data, the rejected one stays rejected.
    let again = propose(&a, ARTICLE, "").await.json();
    let standings: Vec<(String, String)> = again["proposals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["id"].as_str().unwrap().to_string(),
                p["standing"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        standings,
        vec![(order["id"].as_str().unwrap().to_string(), "rejected".to_string())]
    );
    assert!(again["source_known"].as_bool().unwrap());
}

#[tokio::test]
async fn proposing_refuses_what_it_cannot_cite_and_bad_decisions() {
    let dir = tempfile::tempdir().unwrap();
    let a = writable(dir.path());
    let r = propose(&a, "Canada's defence minister visited Seoul on 13 March 2026.", "").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.error_code(), "no_address");
    let r = propose(
        &a,
        "Canada's defence minister visited Seoul on 13 March 2026.",
        "?url=https://example.org/x&date=2026-13-01",
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.body);
    // Binary junk: an answer, no proposal, no panic.
    let junk: String = (0..20_000u32)
        .map(|i| char::from_u32(1 + (i * 7919) % 0x2FF).unwrap_or('x'))
        .collect();
    let r = propose(&a, &junk, "?url=https://example.org/junk").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.json()["proposals"].as_array().unwrap().is_empty());
    for body in [
        "{}",
        "not json",
        r#"{"proposed": "x", "source": "", "source_id": "s", "extra": 1}"#,
    ] {
        let r = write(
            &a,
            "POST",
            "/api/proposals/accept",
            Some(TOKEN),
            "application/json",
            body,
        )
        .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{body}: {}", r.body);
    }
    let r = write(
        &a,
        "POST",
        "/api/proposals/accept",
        Some(TOKEN),
        "application/json",
        r#"{"proposed": "[[event]]\nid = \"x\"", "source": "", "source_id": "s"}"#,
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    let r = write(
        &a,
        "POST",
        "/api/proposals/reject",
        Some(TOKEN),
        "application/json",
        r#"{"key": "", "source_id": "s"}"#,
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(!dir.path().join("edits.toml").exists(), "nothing saved");
}

#[tokio::test]
async fn an_acceptance_changes_only_what_it_reviews_and_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let a = writable(dir.path());
    let v = propose(&a, ARTICLE, "").await.json();
    let visit = v["proposals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["record"].as_str().unwrap().contains("kind = \"visit\""))
        .unwrap()
        .clone();
    let accept = |source: String, replaces: Option<&str>| {
        serde_json::json!({
            "proposed": visit["record"], "source": source, "source_id": v["source_id"], "replaces": replaces,
        })
        .to_string()
    };
    let source = v["source"].as_str().unwrap().to_string();
    // `replaces` naming an unrelated record: refused, and the record stays.
    let r = write(
        &a,
        "POST",
        "/api/proposals/accept",
        Some(TOKEN),
        "application/json",
        &accept(source.clone(), Some("kor-afghan-withdrawal-2007")),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    // Extra records riding in the source: refused.
    let smuggled = format!("{source}\n[[event]]\nid = \"smuggled-event\"\nkind = \"visit\"\ndate = \"2025\"\ntitle = \"x\"\nactors = [\"CAN\"]\nsources = [\"{}\"]\n", v["source_id"].as_str().unwrap());
    let r = write(
        &a,
        "POST",
        "/api/proposals/accept",
        Some(TOKEN),
        "application/json",
        &accept(smuggled, None),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(!dir.path().join("edits.toml").exists(), "nothing saved");
    ok(&a, "/api/facts/kor-afghan-withdrawal-2007").await;
    // A correction of a record the data lacks, with a new source: refused whole (the source is
    // not saved without its record).
    let ghost = visit["record"]
        .as_str()
        .unwrap()
        .replace(visit["id"].as_str().unwrap(), "no-such-record");
    let body = serde_json::json!({
        "proposed": ghost, "source": source, "source_id": v["source_id"], "replaces": "no-such-record",
    })
    .to_string();
    let r = write(
        &a,
        "POST",
        "/api/proposals/accept",
        Some(TOKEN),
        "application/json",
        &body,
    )
    .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.body);
    assert!(
        !dir.path().join("edits.toml").exists(),
        "the source was not saved alone"
    );
    // A saved page larger than the records' limit is still an article the server reads.
    let page = format!(
        "url: https://www.example.org/big\ndate: 2026-03-14\n\n{}{ARTICLE}",
        "Filler text without events. ".repeat(4000)
    );
    assert!(page.len() > 64 * 1024);
    let r = propose(&a, &page, "").await;
    assert_eq!(r.status, StatusCode::OK, "{}", &r.body[..r.body.len().min(300)]);
}

#[tokio::test]
async fn a_page_is_shown_as_read_with_its_quotes_located() {
    let a = read_only();
    let html = "<!doctype html><html><head><title>Seoul visit</title>\
<link rel=\"canonical\" href=\"https://news.example.com/seoul\"></head>\
<body><p>Canada&#39;s defence minister <b>visited</b> Seoul on 13 March 2026.</p></body></html>";
    let r = propose(a, html, "").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let v = r.json();
    let text = v["text"].as_str().unwrap();
    assert!(!text.contains("<p>") && text.contains("visited Seoul"), "{text}");
    let p = &v["proposals"][0];
    let (s, e) = (
        p["text_start"].as_u64().unwrap() as usize,
        p["text_end"].as_u64().unwrap() as usize,
    );
    assert!(text[s..e].contains("visited Seoul"), "{}", &text[s..e]);
    let (s, e) = (
        p["start"].as_u64().unwrap() as usize,
        p["end"].as_u64().unwrap() as usize,
    );
    assert!(html[s..e].contains("<b>visited</b>"), "{}", &html[s..e]);
}

#[tokio::test]
async fn sql_answers_queries_and_refuses_statements() {
    let Some(a) = with_data() else { return };
    let r = get(a, "/api/sql?q=SELECT%20COUNT(*)%20AS%20n%20FROM%20events").await;
    #[cfg(not(feature = "sql"))]
    {
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.body);
        assert!(r.body.contains("not_built"), "{}", r.body);
    }
    #[cfg(feature = "sql")]
    {
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        let v = r.json();
        assert!(v["rows"][0]["n"].as_u64().unwrap() > 0, "{v}");
        assert_eq!(v["truncated"], false);
        // More rows than the limit: cut, and said so.
        let v = ok(a, "/api/sql?q=SELECT%20event_code%20FROM%20events&limit=2").await;
        assert_eq!(
            (v["rows"].as_array().unwrap().len(), &v["truncated"]),
            (2, &Value::Bool(true))
        );
        // Statements that write or define are the asker's error, and write nothing.
        let out = std::env::temp_dir().join(format!("entente-api-sql-{}.csv", std::process::id()));
        let copy = format!("/api/sql?q=COPY%20(SELECT%201)%20TO%20%27{}%27", out.display());
        let r = get(a, &copy).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.body);
        assert!(r.body.contains("bad_query"), "{}", r.body);
        assert!(!out.exists());
        let r = get(a, "/api/sql?q=SELEKT%201").await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.body);
    }
    let r = get(a, "/api/sql").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.body);
}
