//! The `entente` binary end to end, as a user runs it.

use std::path::PathBuf;
use std::process::{Command, Output};

fn entente(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_entente"))
        .args(args)
        .output()
        .expect("run entente")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("entente-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn timeline_of_the_founding_dyad_with_citations() {
    let o = entente(&["timeline", "NATO", "ROK"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("NATO – South Korea"), "{out}");
    assert!(out.contains("Individually Tailored Partnership Programme"));
    assert!(out.contains("2022-05-05"));
    assert!(out.contains("\nSources:\n[1] "));
    // Chronological: the 2005 dialogue comes before the 2023 ITPP.
    assert!(out.find("2005").unwrap() < out.find("2023-07-11").unwrap());
}

#[test]
fn timeline_formats_and_filters() {
    let o = entente(&[
        "timeline",
        "NATO",
        "South Korea",
        "--kind",
        "programme",
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    let entries = v["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 4, "three IPCPs and the ITPP");
    assert!(entries.iter().all(|e| e["kind"] == "programme"));
    assert!(entries.iter().all(|e| !e["citations"].as_array().unwrap().is_empty()));

    let o = entente(&[
        "timeline", "KOR", "--from", "2022", "--to", "2022-06", "--format", "csv",
    ]);
    let out = stdout(&o);
    assert!(out.starts_with("date,kind,dimension,what,sources\n"), "{out}");
    assert!(out.lines().skip(1).all(|l| l.starts_with("2022")), "{out}");
}

#[test]
fn state_of_nato_on_a_date() {
    let o = entente(&["at", "2023-07-12", "NATO"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("31 member(s)"), "{}", stdout(&o));
    assert!(stdout(&entente(&["at", "2024-03-08", "NATO"])).contains("32 member(s)"));
}

#[test]
fn korean_transfers_to_nato_members() {
    let o = entente(&[
        "transfers",
        "--supplier",
        "South Korea",
        "--recipient-in",
        "NATO",
        "--format",
        "csv",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.lines().next().unwrap().contains("member_since"));
    assert!(out.contains(",POL,") && out.contains(",NOR,") && out.contains(",EST,"));
}

#[test]
fn actor_and_search() {
    let out = stdout(&entente(&["actor", "732"]));
    assert!(out.starts_with("Republic of Korea (KOR) — state"), "{out}");
    assert!(out.contains("wikidata Q884"));
    // A state added with the crosswalk's states shows its capital.
    let out = stdout(&entente(&["actor", "Mongolia"]));
    assert!(out.starts_with("Mongolia (MNG) — state"), "{out}");
    assert!(out.contains("\ncapital: Ulaanbaatar\n"), "{out}");
    // And where its government sits, where that is another city.
    let out = stdout(&entente(&["actor", "LKA"]));
    assert!(
        out.contains("\ncapital: Sri Jayawardenepura Kotte\nseat of government: Colombo\n"),
        "{out}"
    );
    let o = entente(&["search", "Polsh", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v[0]["id"], "POL");
}

#[test]
fn unknown_actor_is_a_clear_error() {
    let o = entente(&["timeline", "NATO", "Sout Korea"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("unknown actor `Sout Korea`") && err.contains("KOR"),
        "{err}"
    );
}

#[test]
fn malformed_date_argument_is_rejected() {
    let o = entente(&["at", "2023-13-01", "NATO"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("month 13 is out of range"), "{}", stderr(&o));
}

#[test]
fn check_passes_on_shipped_data_and_fails_on_a_broken_directory() {
    let o = entente(&["check"]);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("0 error(s)"));

    let dir = temp_dir("broken");
    std::fs::write(
        dir.join("bad.toml"),
        "[[event]]\nid = \"e\"\nkind = \"visit\"\ndate = \"2013\"\ntitle = \"t\"\nactors = [\"NATOO\"]\nsources = []\n",
    )
    .unwrap();
    // Checked together with the shipped data it refers to.
    let o = entente(&["check", "--with", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("bad.toml:6:11") && err.contains("did you mean `NATO`?"),
        "{err}"
    );
    assert!(err.contains("error[missing-source]"), "{err}");

    // Checked on its own.
    let o = entente(&["check", dir.to_str().unwrap(), "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["errors"], 2);
}

#[test]
fn with_adds_a_users_facts_to_the_shipped_data() {
    let dir = temp_dir("with");
    std::fs::write(
        dir.join("mine.toml"),
        r#"
[[source]]
id = "my-notes"
url = "https://example.org/notes"
publisher = "Me"

[[event]]
id = "my-visit"
kind = "visit"
date = "2025-09-15"
title = "A visit only my files know about"
actors = ["NATO"]
targets = ["KOR"]
sources = ["my-notes"]
"#,
    )
    .unwrap();
    let o = entente(&[
        "--with",
        dir.to_str().unwrap(),
        "timeline",
        "NATO",
        "KOR",
        "--from",
        "2025-09",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("A visit only my files know about"));

    // A broken user file stops the query with the diagnostic rather than giving a partial answer.
    std::fs::write(dir.join("mine.toml"), "[[event]]\nid = 3\n").unwrap();
    let o = entente(&["--with", dir.to_str().unwrap(), "timeline", "NATO"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("mine.toml:2:"), "{}", stderr(&o));
}

#[test]
fn missing_data_directory_is_named() {
    let o = entente(&["--data", "/nonexistent/entente", "timeline", "NATO"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("cannot read /nonexistent/entente"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn depth_explain_changes_outlook_and_brief() {
    let o = entente(&["depth", "NATO", "KOR", "--to", "2024", "--format", "csv"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with("date,composite,covered,institutional,political"),
        "{out}"
    );
    assert!(out.lines().any(|l| l.starts_with("2023,")));

    let o = entente(&["depth", "NATO", "KOR", "--explain", "2023"]);
    let out = stdout(&o);
    assert!(
        out.contains("depth on 2023-12-31") && out.contains("Individually Tailored Partnership Programme"),
        "{out}"
    );

    let o = entente(&["changes", "NATO", "KOR", "--to", "2025-06", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["a"], "NATO");
    assert!(v["changes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["date"].as_str().unwrap().starts_with("2022-06")));

    let out = stdout(&entente(&["outlook", "NATO", "ROK"]));
    assert!(out.contains("Uncertainty") || out.contains("uncertainty"), "{out}");

    let dir = temp_dir("brief");
    let html = dir.join("brief.html");
    let svg = dir.join("peers.svg");
    let o = entente(&[
        "brief",
        "NATO",
        "KOR",
        "--to",
        "2025-10",
        "--out",
        html.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read_to_string(&html)
        .unwrap()
        .contains("<h1>NATO – South Korea</h1>"));
    let o = entente(&["peers", "NATO", "KOR", "--to", "2024", "--svg", svg.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("NATO – Japan"));
    assert!(std::fs::read_to_string(&svg).unwrap().starts_with("<svg"));
}

#[test]
fn no_data_is_said_and_partners_are_ranked() {
    // The ROK and the Philippines: an ATOP alliance (shipped), UN votes to 2020, no curated fact.
    let o = entente(&[
        "depth", "KOR", "PHL", "--from", "2015", "--to", "2022", "--format", "csv",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let header: Vec<&str> = out.lines().next().unwrap().split(',').collect();
    let cyber = header
        .iter()
        .position(|h| h.starts_with("cyber"))
        .expect("cyber column");
    let political = header.iter().position(|h| *h == "political").unwrap();
    let row = |year: &str| -> Vec<String> {
        let line = out.lines().find(|l| l.starts_with(year)).unwrap();
        line.split(',').map(str::to_string).collect()
    };
    assert_eq!(row("2015")[cyber], "no data");
    assert_ne!(row("2015")[political], "no data");
    assert_eq!(row("2022")[political], "no data", "UN votes end in 2020");
    let o = entente(&["depth", "KOR", "PHL", "--from", "2022", "--to", "2022"]);
    let out = stdout(&o);
    assert!(
        out.contains("Coverage on 2022-12-31") && out.contains("ATOP v4.01"),
        "{out}"
    );
    assert!(out.contains("SIPRI register: not shipped"), "{out}");

    let o = entente(&[
        "partners",
        "ROK",
        "--on",
        "2024-12-31",
        "--top",
        "0",
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let list = v["partners"].as_array().unwrap();
    assert!(list.len() > 150);
    assert_eq!(list[0]["rank"], 1);
    // Out of the box (no import), the treaty ally ranks first.
    assert_eq!(list[0]["id"], "USA", "{}", list[0]);
    let o = entente(&["partners", "ROK", "--on", "2024-12-31", "--top", "5"]);
    let out = stdout(&o);
    assert!(out.contains("RANK") && out.contains("COVERED BY"), "{out}");
    assert_eq!(
        out.lines()
            .filter(|l| l.trim_start().starts_with(char::is_numeric))
            .count(),
        5,
        "{out}"
    );
    let o = entente(&["partners", "Narnia"]);
    assert_eq!(o.status.code(), Some(1));
    // A data directory the user names must exist (as for `entente serve --data-dir`).
    let o = entente(&["partners", "KOR", "--data-dir", "/nonexistent/entente-data"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("/nonexistent/entente-data: no such data directory"),
        "{}",
        stderr(&o)
    );
    // A pair no source covers: every dimension and the composite say "no data".
    let o = entente(&[
        "depth", "BTN", "SUR", "--from", "2024", "--to", "2024", "--format", "csv",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let row: Vec<&str> = out.lines().nth(1).unwrap().split(',').collect();
    assert_eq!(row[0], "2024");
    assert_eq!(row[1], "no data");
    assert_eq!(row[2], "0%");
    assert!(row[3..].iter().all(|c| *c == "no data"), "{out}");
}

#[test]
fn a_bad_depth_config_is_located() {
    let dir = temp_dir("config");
    let cfg = dir.join("depth.toml");
    std::fs::write(&cfg, "[weights]\ncyber = \"high\"\n").unwrap();
    let o = entente(&["depth", "NATO", "KOR", "--config", cfg.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("depth.toml:2:"), "{}", stderr(&o));
}
