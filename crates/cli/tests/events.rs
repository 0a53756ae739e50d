//! The event-lake commands end to end: `import gdelt2|icews …`, `events` (series, counterparts,
//! types, every output format, charts), `datasets`, `sql`, and the event-data dimension in
//! `depth`. Real files from `../shared/fixtures` (skipped with a message where absent).

mod support;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use support::{entente, failed, fixture, ok, temp_dir};

/// The events of a JSON series or counterpart list, added up.
fn total(json: &str) -> u64 {
    let v: serde_json::Value = serde_json::from_str(json).expect("JSON");
    v.as_array()
        .expect("a list")
        .iter()
        .map(|r| r["counts"]["events"].as_u64().expect("a count"))
        .sum()
}

/// A data directory with the GDELT 2.0 and ICEWS samples in its lake (once for all tests).
fn lake() -> Option<&'static Path> {
    static DIR: OnceLock<Option<PathBuf>> = OnceLock::new();
    DIR.get_or_init(|| {
        let gdelt = fixture("gdelt/v2/20191024143000.export.CSV")?;
        let icews = fixture("icews/events.2018.sample.tab")?;
        let dir = temp_dir("events-lake");
        let out = ok(&entente(&["import", "gdelt2", gdelt.to_str().unwrap()], &dir));
        assert!(
            out.contains("2111 rows read, 2111 kept, 0 rejected"),
            "row accounting: {out}"
        );
        let out = ok(&entente(&["import", "icews", icews.to_str().unwrap()], &dir));
        assert!(out.contains("3705 rows read, 3705 kept"), "{out}");
        Some(dir)
    })
    .as_deref()
}

#[test]
fn importing_the_same_file_again_changes_nothing() {
    let Some(dir) = lake() else { return };
    let gdelt = fixture("gdelt/v2/20191024143000.export.CSV").unwrap();
    let out = ok(&entente(&["import", "gdelt2", gdelt.to_str().unwrap()], dir));
    assert!(out.contains("already in the lake"), "{out}");
    let listed = ok(&entente(&["datasets"], dir));
    assert!(
        listed.contains("gdelt2 (event lake)") && listed.contains("events 2111"),
        "{listed}"
    );
    assert!(listed.contains("icews (event lake)"), "{listed}");
}

#[test]
fn a_dyad_series_in_every_format_agrees_with_itself() {
    let Some(dir) = lake() else { return };
    let table = ok(&entente(&["events", "USA", "CHN", "--by", "year"], dir));
    assert!(table.starts_with("United States – China, both directions: "), "{table}");
    assert!(table.contains("PERIOD") && table.contains("\n2018 "), "{table}");
    assert!(table.contains("Sources:\n[1] The GDELT Project"), "{table}");
    // JSON: the months' events add up to the title's total.
    let json_text = ok(&entente(&["events", "USA", "CHN", "-f", "json"], dir));
    let json: serde_json::Value = serde_json::from_str(&json_text).unwrap();
    let all = total(&json_text);
    let title_total: u64 = table
        .lines()
        .next()
        .and_then(|l| l.rsplit(": ").next())
        .and_then(|t| t.trim_end_matches(" events").parse().ok())
        .unwrap();
    assert_eq!(all, title_total);
    assert!(all > 0);
    // Directed counts are no more than both directions.
    let d = total(&ok(&entente(
        &["events", "USA", "CHN", "--directed", "-f", "json"],
        dir,
    )));
    assert!(d <= all && d > 0);
    // CSV has a header and one line per month; JSON lines one object per month.
    let csv = ok(&entente(&["events", "USA", "CHN", "-f", "csv"], dir));
    assert!(csv.starts_with("period,start,events,"));
    assert_eq!(csv.lines().count() - 1, json.as_array().unwrap().len());
    let jsonl = ok(&entente(&["events", "USA", "CHN", "-f", "jsonl"], dir));
    assert_eq!(jsonl.lines().count(), json.as_array().unwrap().len());
    // Parquet into a file, and a chart.
    let out = dir.join("usa-chn.parquet");
    let svg = dir.join("usa-chn.svg");
    ok(&entente(
        &[
            "events",
            "USA",
            "CHN",
            "-f",
            "parquet",
            "--out",
            out.to_str().unwrap(),
            "--svg",
            svg.to_str().unwrap(),
        ],
        dir,
    ));
    assert!(std::fs::read(&out).unwrap().starts_with(b"PAR1"));
    assert!(std::fs::read_to_string(&svg).unwrap().starts_with("<svg"));
}

#[test]
fn an_alliance_counts_its_members_only_when_asked() {
    let Some(dir) = lake() else { return };
    let count = |extra: &[&str]| -> u64 {
        let mut args = vec!["events", "NATO", "KOR", "-f", "json"];
        args.extend(extra);
        total(&ok(&entente(&args, dir)))
    };
    let itself = count(&[]);
    let members = count(&["--members-only"]);
    let both = count(&["--members"]);
    assert!(members > 0, "the US and other members meet Korea in the sample");
    assert_eq!(both, itself + members);
}

#[test]
fn counterparts_and_types() {
    let Some(dir) = lake() else { return };
    let top = ok(&entente(&["events", "USA", "--top", "3"], dir));
    assert!(top.contains("United States: top 3 counterparts"), "{top}");
    let rows: Vec<&str> = top.lines().filter(|l| l.starts_with(['1', '2', '3'])).collect();
    assert_eq!(rows.len(), 3, "{top}");
    let types = ok(&entente(&["events", "USA", "CHN", "--types", "-f", "csv"], dir));
    assert!(types.contains("quad,verbal cooperation,"), "{types}");
    assert!(types.contains("plover,CONSULT,"), "{types}");
}

#[test]
fn bad_requests_say_what_is_wrong() {
    let Some(dir) = lake() else { return };
    let e = failed(&entente(&["events", "USA", "Atlantis"], dir));
    assert!(e.contains("unknown actor `Atlantis`"), "{e}");
    let e = failed(&entente(&["events", "USA", "CHN", "--source", "acled"], dir));
    assert!(e.contains("unknown event source `acled`"), "{e}");
    let e = failed(&entente(&["events", "USA", "CHN", "--from", "2019-13"], dir));
    assert!(e.contains("--from"), "{e}");
    let e = failed(&entente(
        &["events", "USA", "CHN", "--from", "2020", "--to", "2019"],
        dir,
    ));
    assert!(e.contains("empty"), "{e}");
    let e = failed(&entente(&["events", "USA", "--svg", "x.svg"], dir));
    assert!(e.contains("give the other side"), "{e}");
    // An empty lake says how to fill it.
    let empty = temp_dir("events-empty");
    let e = failed(&entente(&["events", "NATO", "KOR"], &empty));
    assert!(e.contains("event lake") && e.contains("entente import gdelt2"), "{e}");
}

#[test]
fn malformed_rows_are_reported_with_their_line_and_nothing_is_lost() {
    let Some(dir) = lake() else { return };
    let gdelt = fixture("gdelt/v2/20191024143000.export.CSV").unwrap();
    let text = std::fs::read_to_string(&gdelt).unwrap();
    let mut lines: Vec<String> = text.lines().take(20).map(String::from).collect();
    lines[4] = "not\tan\tevent".into();
    // Distinct content: shift the event ids so the rows are new to the lake.
    let bad = dir.join("bad.export.CSV");
    let body: Vec<String> = lines
        .iter()
        .map(|l| match l.split_once('\t') {
            Some((id, rest)) if id.parse::<u64>().is_ok() => format!("9{id}\t{rest}"),
            _ => l.clone(),
        })
        .collect();
    std::fs::write(&bad, body.join("\n") + "\n").unwrap();
    let before = ok(&entente(&["events", "USA", "--top", "50", "-f", "json"], dir));
    let out = ok(&entente(&["import", "gdelt2", bad.to_str().unwrap()], dir));
    assert!(out.contains("20 rows read, 19 kept, 1 rejected"), "{out}");
    assert!(out.contains("  line 5: "), "{out}");
    // A file that is not there fails alone; the lake is as it was.
    let e = failed(&entente(&["import", "gdelt2", "/nonexistent/file.CSV"], dir));
    assert!(e.contains("/nonexistent/file.CSV"), "{e}");
    let after = ok(&entente(&["events", "USA", "--top", "50", "-f", "json"], dir));
    assert!(total(&after) >= total(&before));
}

#[test]
fn depth_gains_an_event_data_dimension_from_the_lake() {
    let Some(dir) = lake() else { return };
    let cfg = dir.join("members-count.toml");
    std::fs::write(
        &cfg,
        "[index]\nmembers_count_for = [\"defence_industrial\", \"event_data\"]\n",
    )
    .unwrap();
    let with = ok(&entente(
        &[
            "depth",
            "NATO",
            "KOR",
            "--from",
            "2018",
            "--to",
            "2019",
            "--config",
            cfg.to_str().unwrap(),
        ],
        dir,
    ));
    assert!(with.contains("Event data"), "{with}");
    // With the shipped settings only events coded with NATO itself count: none in the sample,
    // so the dimension is left out rather than shown as zero.
    let without = ok(&entente(
        &["depth", "NATO", "KOR", "--from", "2018", "--to", "2019"],
        dir,
    ));
    assert!(!without.contains("Event data"), "{without}");
}

#[cfg(not(feature = "sql"))]
#[test]
fn sql_without_the_engine_says_how_to_get_it() {
    let dir = temp_dir("events-nosql");
    let e = failed(&entente(&["sql", "SELECT 1"], &dir));
    assert!(e.contains("--features sql"), "{e}");
}

#[cfg(feature = "sql")]
#[test]
fn sql_over_the_lake_agrees_with_the_series() {
    let Some(dir) = lake() else { return };
    let out = ok(&entente(
        &[
            "sql",
            "SELECT SUM(events) AS n FROM dyad_day WHERE (actor1 = 'USA' AND actor2 = 'CHN') OR (actor1 = 'CHN' AND actor2 = 'USA')",
            "-f",
            "csv",
        ],
        dir,
    ));
    let n: u64 = out.lines().nth(1).unwrap().trim().parse().unwrap();
    assert_eq!(n, total(&ok(&entente(&["events", "USA", "CHN", "-f", "json"], dir))));
    let e = failed(&entente(&["sql", "SELEKT nonsense"], dir));
    assert!(e.contains("sql"), "{e}");
}
