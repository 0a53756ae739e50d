//! SQL over a lake built from generated GDELT 2.0 data: the tables are registered with their
//! partition columns, aggregates agree with the lake's own dyad series, and errors are errors.

use entente_event_gen::Generator;
use entente_events::{Day, Granularity, IngestOptions, Lake, SeriesQuery, SideSpec, SourceKind};

#[test]
fn sql_over_the_lake() {
    let dir = std::env::temp_dir().join(format!("entente-sql-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    // An empty lake has empty tables.
    let r = entente_sql::sql(&dir, "SELECT COUNT(*) AS n FROM events").expect("empty lake");
    assert_eq!(r.rows().expect("rows"), vec![vec!["0".to_string()]]);

    let tsv = dir.join("gen.tsv");
    let g = Generator::shipped(5, Day::parse("2019-01-25").expect("day"), 300).expect("generator");
    g.write_tsv(&mut std::fs::File::create(&tsv).expect("create"), 3000)
        .expect("write");
    let mut lake = Lake::open(&dir).expect("open");
    lake.ingest(&tsv, SourceKind::Gdelt2, &IngestOptions::default(), &mut |_| {})
        .expect("ingest");

    let r = entente_sql::sql(&dir, "SELECT source, COUNT(*) AS n FROM events GROUP BY source").expect("count");
    assert_eq!(
        r.rows().expect("rows"),
        vec![vec!["gdelt2".to_string(), "3000".to_string()]]
    );

    // The busiest dyad, by SQL, then its monthly series both ways.
    let top = entente_sql::sql(
        &dir,
        "SELECT actor1, actor2, SUM(events) AS n FROM dyad_day GROUP BY actor1, actor2 ORDER BY n DESC, actor1, actor2 LIMIT 1",
    )
    .expect("top");
    let row = &top.rows().expect("rows")[0];
    let (a, b) = (row[0].clone(), row[1].clone());
    let by_sql = entente_sql::sql(
        &dir,
        &format!("SELECT month, SUM(events) AS n FROM dyad_day WHERE actor1 = '{a}' AND actor2 = '{b}' GROUP BY month ORDER BY month"),
    )
    .expect("series by SQL");
    let series = lake
        .dyad_series(&SeriesQuery {
            a: SideSpec::actor(&a),
            b: SideSpec::actor(&b),
            by: Granularity::Month,
            from: None,
            to: None,
            symmetric: false,
            sources: vec![],
        })
        .expect("series");
    let want: Vec<Vec<String>> = series
        .iter()
        .filter(|r| r.counts.events > 0)
        .map(|r| vec![r.period.clone(), r.counts.events.to_string()])
        .collect();
    assert_eq!(by_sql.rows().expect("rows"), want);

    // The same aggregate from events agrees with dyad_day.
    let from_events = entente_sql::sql(
        &dir,
        &format!("SELECT COUNT(*) FROM events WHERE actor1 = '{a}' AND actor2 = '{b}'"),
    )
    .expect("events");
    let total: u64 = series.iter().map(|r| r.counts.events).sum();
    assert_eq!(from_events.rows().expect("rows")[0][0], total.to_string());

    // Output formats.
    assert!(by_sql.to_table().expect("table").contains("row"));
    assert!(String::from_utf8(by_sql.to_csv().expect("csv"))
        .expect("utf8")
        .starts_with("month,n\n"));
    assert!(String::from_utf8(by_sql.to_json().expect("json"))
        .expect("utf8")
        .starts_with('['));
    assert_eq!(&by_sql.to_parquet().expect("parquet")[..4], b"PAR1");

    // A bad query is an error, not a panic.
    let e = entente_sql::sql(&dir, "SELECT nope FROM events").expect_err("unknown column");
    assert!(e.to_string().contains("nope"), "{e}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Only queries run: nothing that writes files, defines tables or changes the session.
#[test]
fn only_queries_run_and_nothing_is_written() {
    let dir = std::env::temp_dir().join(format!("entente-sql-readonly-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    let out = dir.join("copied.csv");
    for stmt in [
        format!("COPY (SELECT 1 AS x) TO '{}'", out.display()),
        format!("CREATE EXTERNAL TABLE t STORED AS CSV LOCATION '{}'", out.display()),
        "CREATE TABLE t AS SELECT 1 AS x".to_string(),
        "SET datafusion.execution.batch_size = 1".to_string(),
    ] {
        let e = entente_sql::sql(&dir, &stmt).expect_err(&stmt);
        assert!(e.to_string().starts_with("sql: "), "{e}");
    }
    assert!(!out.exists(), "nothing was written");
    let r = entente_sql::sql_limited(&dir, "SELECT * FROM (VALUES (1), (2), (3)) AS v(x)", Some(2)).expect("a query");
    assert_eq!(r.num_rows(), 2);
    let _ = std::fs::remove_dir_all(&dir);
}
