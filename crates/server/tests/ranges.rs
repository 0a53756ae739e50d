//! A reversed `from`/`to` range is the same 400 on every endpoint that takes a range (the rule is
//! `entente_model::check_range`, shared with the CLI), never a silently empty answer.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use entente_server::{app, ServeOptions};
use http_body_util::BodyExt;
use tower::ServiceExt;

#[tokio::test]
async fn reversed_ranges_are_one_error_everywhere() {
    let router = app(&ServeOptions::default()).expect("app");
    let cases = [
        (
            "/api/timeline?a=NATO&b=KOR&from=2021&to=2020",
            "`from` 2021 is after `to` 2020",
        ),
        (
            "/api/transfers?supplier=KOR&from=2023-05&to=2022",
            "`from` 2023-05 is after `to` 2022",
        ),
        (
            "/api/depth?a=NATO&b=KOR&from=2020&to=2010",
            "`from` 2020 is after `to` 2010",
        ),
        (
            "/api/changes?a=NATO&b=KOR&from=2020&to=2010",
            "`from` 2020 is after `to` 2010",
        ),
        (
            "/api/peers?a=NATO&b=KOR&from=2020&to=2010",
            "`from` 2020 is after `to` 2010",
        ),
        (
            "/api/measures?a=KOR&b=USA&from=2020&to=2010",
            "`from` 2020 is after `to` 2010",
        ),
        (
            "/api/events?a=NATO&b=KOR&from=2020-02&to=2020-01",
            "`from` 2020-02 is after `to` 2020-01",
        ),
    ];
    for (uri, says) in cases {
        let res = router
            .clone()
            .oneshot(Request::get(uri).body(Body::empty()).expect("request"))
            .await
            .expect("infallible");
        let status = res.status();
        let bytes = res.into_body().collect().await.expect("body").to_bytes();
        let body: serde_json::Value = serde_json::from_slice(&bytes).expect("JSON");
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}: {body}");
        assert_eq!(body["error"]["code"], "bad_parameter", "{uri}: {body}");
        let message = body["error"]["message"].as_str().unwrap_or_default();
        assert!(
            message.contains(says) && message.contains("the range is empty"),
            "{uri}: {message}"
        );
    }
    // A range of one period is not reversed.
    let res = router
        .clone()
        .oneshot(
            Request::get("/api/timeline?a=NATO&b=KOR&from=2020-06&to=2020")
                .body(Body::empty())
                .expect("request"),
        )
        .await
        .expect("infallible");
    assert_eq!(res.status(), StatusCode::OK);
}

/// `/api/changes` (and every series endpoint) bounds its range to the years the index can cover:
/// `from=1000&to=2999` would be a quadratic segmentation over 24,000 months in one request.
#[tokio::test]
async fn a_huge_range_is_a_clear_400() {
    let router = app(&ServeOptions::default()).expect("app");
    for uri in [
        "/api/changes?a=NATO&b=KOR&from=1000&to=2999",
        "/api/changes?a=NATO&b=KOR&from=1800",
        "/api/changes?a=NATO&b=KOR&from=2000&to=2999",
        "/api/depth?a=NATO&b=KOR&from=1000&to=2999&by=month",
        "/api/brief?a=NATO&b=KOR&from=1000&to=2999",
    ] {
        let started = std::time::Instant::now();
        let res = router
            .clone()
            .oneshot(Request::get(uri).body(Body::empty()).expect("request"))
            .await
            .expect("infallible");
        let status = res.status();
        let bytes = res.into_body().collect().await.expect("body").to_bytes();
        let body: serde_json::Value = serde_json::from_slice(&bytes).expect("JSON");
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}: {body}");
        let message = body["error"]["message"].as_str().unwrap_or_default();
        assert!(
            message.contains("outside the years the index can cover, 1815–"),
            "{uri}: {message}"
        );
        assert!(
            started.elapsed() < std::time::Duration::from_secs(5),
            "{uri} was computed before refusing"
        );
    }
    // The widest range allowed is answered.
    let res = router
        .clone()
        .oneshot(
            Request::get("/api/changes?a=NATO&b=KOR&from=1815")
                .body(Body::empty())
                .expect("request"),
        )
        .await
        .expect("infallible");
    assert_eq!(res.status(), StatusCode::OK);
}
