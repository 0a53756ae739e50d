//! The CLI and the API answer one question with one answer: the same article through
//! `entente extract|verify - --format json` and `POST /api/extract|verify` of `entente serve`
//! gives equal JSON, and so does every query asked both ways (chronology, partners, depth, state
//! on a date, outlook, change points, peers, transfers, arms flows, dependence). Both processes
//! see the same data directory, holding a SIPRI register excerpt.

mod support;

use std::io::Write;
use std::process::{Command, Stdio};
use support::{http, ok, serve, temp_dir};

const ARTICLE: &str = "title: Parity test\ndate: 2026-03-14\n\n\
The Philippines signed a contract with South Korea on 12 March 2026 for 12 FA-50 light combat aircraft. \
Canada's defence minister visited Seoul on 13 March 2026. \
Estonia ordered 12 K9 howitzers from South Korea in June 2019. \
The United States and South Korea signed their mutual defence treaty in October 1953. \
South Korea's spy agency joined the NATO cyber defence centre in May 2022.\n";

fn cli(args: &[&str], stdin: &str, data_dir: &std::path::Path) -> serde_json::Value {
    let mut child = Command::new(env!("CARGO_BIN_EXE_entente"))
        .args(args)
        .env("ENTENTE_DATA_DIR", data_dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run entente");
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    let out = ok(&child.wait_with_output().unwrap());
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: not JSON ({e}): {out}"))
}

#[test]
fn the_cli_and_the_api_give_the_same_answers() {
    let data = temp_dir("parity-data");
    // A register excerpt imported, so that the register's questions have an answer both ways.
    let register = entente_testkit::excerpt("sipri/trade-register.excerpt.csv");
    cli(
        &["import", "sipri", register.to_str().unwrap(), "--format", "json"],
        "",
        &data,
    );
    let server = serve(&data);
    let (extract_cli, extract_api) = (
        cli(&["extract", "-", "--format", "json"], ARTICLE, &data),
        http(server.addr, "POST", "/api/extract", ARTICLE),
    );
    assert!(extract_cli.as_array().is_some_and(|a| a.len() >= 4), "{extract_cli}");
    assert_eq!(extract_cli, extract_api, "extract");

    let verify_cli = cli(&["verify", "-", "--format", "json"], ARTICLE, &data);
    let verify_api = http(server.addr, "POST", "/api/verify", ARTICLE);
    assert_eq!(verify_cli, verify_api, "verify");
    // The shipped ATOP table is evidence for verify: the 1953 treaty is supported by its row.
    let treaty = verify_cli
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["claim"]["quote"].as_str().unwrap().contains("1953"))
        .expect("the treaty claim");
    assert_eq!(treaty["verdict"], "supported", "{treaty}");
    assert!(
        treaty["evidence"][0]["fact"].as_str().unwrap().starts_with("atop:"),
        "{treaty}"
    );
    assert_eq!(
        treaty["evidence"][0]["citations"][0]["source"], "atop-v4.01",
        "{treaty}"
    );

    for (args, path) in [
        (
            vec!["timeline", "NATO", "KOR", "--format", "json"],
            "/api/timeline?a=NATO&b=KOR&limit=1000",
        ),
        (
            vec!["partners", "KOR", "--on", "2024-12-31", "--format", "json"],
            "/api/partners?actor=KOR&on=2024-12-31",
        ),
        (
            vec!["depth", "NATO", "KOR", "--format", "json"],
            "/api/depth?a=NATO&b=KOR",
        ),
        (
            vec![
                "depth", "USA", "KOR", "--from", "2010", "--to", "2020", "--format", "json",
            ],
            "/api/depth?a=USA&b=KOR&from=2010&to=2020",
        ),
        (
            vec!["at", "2024-12-31", "NATO", "--format", "json"],
            "/api/at?actor=NATO&date=2024-12-31&limit=1000",
        ),
        (
            vec!["outlook", "NATO", "KOR", "--format", "json"],
            "/api/outlook?a=NATO&b=KOR",
        ),
    ] {
        let c = cli(&args, "", &data);
        let a = http(server.addr, "GET", path, "");
        assert_eq!(strip_paging(c), strip_paging(a), "{args:?} = {path}");
    }
}

#[test]
fn alignment_is_the_same_answer_both_ways() {
    let data = temp_dir("parity-align");
    let votes = entente_testkit::excerpt("unvotes/732.excerpt.csv");
    cli(
        &["import", "unvotes", votes.to_str().unwrap(), "--format", "json"],
        "",
        &data,
    );
    let server = serve(&data);
    // Two states, and a state with an alliance (the mean over its members each year).
    for (a, b) in [("KOR", "USA"), ("KOR", "NATO")] {
        let c = cli(
            &["align", a, b, "--from", "1995", "--to", "2005", "--format", "json"],
            "",
            &data,
        );
        let api = http(
            server.addr,
            "GET",
            &format!("/api/measures?a={a}&b={b}&from=1995&to=2005"),
            "",
        );
        assert_eq!(c, api["measures"], "align {a} {b}");
        assert!(c["kind"] == "dyad" || c["kind"] == "group", "{c}");
    }
}

/// What only the API adds for the dashboard: paging of lists (`total`, `limit`, `offset`), and
/// display names (`names`, `name`, `label`, the depth chart's `dimensions` with their labels).
/// The answers themselves must be equal.
fn strip_paging(mut v: serde_json::Value) -> serde_json::Value {
    if let Some(o) = v.as_object_mut() {
        for k in ["total", "limit", "offset", "names", "name", "label", "dimensions"] {
            o.remove(k);
        }
    }
    v
}

/// SQL over the event lake: the CLI's JSON rows are the API's `rows`; statements that are not
/// queries are refused both ways.
#[cfg(feature = "sql")]
#[test]
fn sql_is_the_same_answer_both_ways() {
    let data = temp_dir("parity-sql");
    let gdelt = entente_testkit::excerpt("gdelt/v2/20191024143000.export.CSV");
    cli(
        &["import", "gdelt2", gdelt.to_str().unwrap(), "--format", "json"],
        "",
        &data,
    );
    let server = serve(&data);
    let query = "SELECT source, COUNT(*) AS n FROM events GROUP BY source ORDER BY source";
    let c = cli(&["sql", query, "--format", "json"], "", &data);
    let a = http(
        server.addr,
        "GET",
        &format!(
            "/api/sql?q={}",
            query.replace(' ', "%20").replace(',', "%2C").replace('*', "%2A")
        ),
        "",
    );
    assert!(c.as_array().is_some_and(|r| !r.is_empty()), "{c}");
    assert_eq!(c, a["rows"], "{a}");
    assert_eq!(a["truncated"], false);
}
