//! The real fixture files (../shared/fixtures): exact row accounting, known rows, and the
//! ICEWS reconciliation by event id. Each test skips, saying so, when the fixtures are absent.

use entente_events::gdelt::{self, GdeltVersion};
use entente_events::{icews, stage, Day, IngestOptions, Lake, Resolver, SourceKind};
use std::path::PathBuf;

fn fixture(rel: &str) -> Option<PathBuf> {
    entente_testkit::shared(rel)
}

fn tempdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("entente-events-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

#[test]
fn gdelt2_export_all_rows_kept() {
    let Some(p) = fixture("gdelt/v2/20191024143000.export.CSV") else {
        return;
    };
    let res = Resolver::shipped().expect("resolver");
    let mut ids = Vec::new();
    let mut kor_usa = 0;
    let mut dates_off = 0;
    let report = gdelt::read_events(
        std::fs::File::open(&p).expect("open"),
        "export",
        GdeltVersion::V2,
        &res,
        |ev| {
            ids.push(ev.event_id.parse::<u64>().expect("numeric id"));
            if ev.day != Day::parse("20191024").expect("day") {
                dates_off += 1;
            }
            let a = |x: Option<u32>| x.map(|a| res.id(a).to_string());
            if a(ev.actor1).as_deref() == Some("KOR")
                && a(ev.actor2).as_deref() == Some("USA")
                && ev.event_code == "036"
            {
                kor_usa += 1;
            }
        },
    )
    .expect("reads");
    assert_eq!(
        (report.rows_read, report.kept, report.rejected),
        (2111, 2111, 0),
        "{report}"
    );
    assert_eq!(ids.first(), Some(&881990832));
    assert_eq!(ids.last(), Some(&881992942));
    assert_eq!(dates_off, 60);
    assert!(kor_usa >= 1, "the KOR→USA 036 row is there");
}

#[test]
fn gdelt2_spark_slices_and_mentions() {
    let res = Resolver::shipped().expect("resolver");
    for name in ["gdelt/v2/spark-gdelt.events.csv", "gdelt/v2/spark-gdelt.eventsT.csv"] {
        let Some(p) = fixture(name) else { return };
        let r = gdelt::read_events(
            std::fs::File::open(&p).expect("open"),
            name,
            GdeltVersion::V2,
            &res,
            |_| {},
        )
        .expect("reads");
        assert_eq!((r.rows_read, r.kept, r.rejected), (100, 100, 0), "{r}");
    }
    let Some(p) = fixture("gdelt/v2/spark-gdelt.mentions.csv") else {
        return;
    };
    let mut ids = std::collections::BTreeSet::new();
    let mut absent_offsets = 0;
    let r = gdelt::read_mentions(std::fs::File::open(&p).expect("open"), "mentions", |m| {
        ids.insert(m.event_id.to_string());
        if m.actor1_offset.is_none() {
            absent_offsets += 1;
        }
        assert!(m.extras.is_empty());
    })
    .expect("reads");
    assert_eq!((r.rows_read, r.kept, r.rejected), (100, 100, 0), "{r}");
    assert_eq!(ids.len(), 87);
    assert!(absent_offsets > 0, "-1 offsets read as absent");
}

#[test]
fn gdelt1_mixed_eras() {
    let res = Resolver::shipped().expect("resolver");
    for (name, total, backfile) in [
        ("gdelt/v1/gdelt-demo.sample_data.events.csv", 710, 201),
        ("gdelt/v1/spark-gdelt.events1.csv", 100, 40),
    ] {
        let Some(p) = fixture(name) else { return };
        let (mut no_url, mut bbc, mut null_geo_with_zero) = (0, 0, 0);
        let r = gdelt::read_events(
            std::fs::File::open(&p).expect("open"),
            name,
            GdeltVersion::V1,
            &res,
            |ev| {
                if ev.source_url.is_empty() {
                    no_url += 1;
                }
                if ev.source_url == "BBC Monitoring" {
                    bbc += 1;
                }
                if ev.lat.is_none() {
                    null_geo_with_zero += 1;
                }
            },
        )
        .expect("reads");
        assert_eq!((r.rows_read, r.kept, r.rejected), (total, total, 0), "{r}");
        assert_eq!(no_url, backfile, "57-column rows have no SOURCEURL");
        if name.contains("spark") {
            assert!(bbc > 0, "2013 daily rows cite 'BBC Monitoring'");
        }
        assert!(null_geo_with_zero > 0);
    }
}

#[test]
fn gdelt2_file_as_gdelt1_is_rejected_with_line_numbers() {
    let Some(p) = fixture("gdelt/v2/spark-gdelt.events.csv") else {
        return;
    };
    let res = Resolver::shipped().expect("resolver");
    let r = gdelt::read_events(
        std::fs::File::open(&p).expect("open"),
        "x",
        GdeltVersion::V1,
        &res,
        |_| {},
    )
    .expect("reads");
    assert_eq!((r.rows_read, r.kept, r.rejected), (100, 0, 100));
    assert_eq!(r.rejections[0].line, 1);
    assert!(
        r.rejections[0].reason.contains("found 61"),
        "{}",
        r.rejections[0].reason
    );
}

#[test]
fn icews_both_layouts() {
    let res = Resolver::shipped().expect("resolver");
    let Some(raw) = fixture("icews/events.2018.sample.tab") else {
        return;
    };
    let Some(db) = fixture("icews/icews_sample.tsv") else {
        return;
    };
    let mut eu = 0;
    let r = icews::read(std::fs::File::open(&raw).expect("open"), "raw", &res, |ev| {
        if ev.actor1.map(|a| res.id(a)) == Some("EU") {
            eu += 1;
        }
    })
    .expect("reads");
    assert_eq!(
        (r.rows_read, r.kept, r.rejected, r.duplicates),
        (3705, 3705, 0, 0),
        "{r}"
    );
    assert!(eu >= 47, "European Union, Parliament and Commission are the EU: {eu}");
    let r = icews::read(std::fs::File::open(&db).expect("open"), "db", &res, |_| {}).expect("reads");
    assert_eq!((r.rows_read, r.kept, r.rejected), (4993, 4993, 0), "{r}");
}

#[test]
fn icews_reconciled_in_the_lake() {
    let Some(raw) = fixture("icews/events.2018.sample.tab") else {
        return;
    };
    let Some(db) = fixture("icews/icews_sample.tsv") else {
        return;
    };
    let dir = tempdir("icews");
    let mut lake = Lake::open(&dir).expect("open");
    let opts = IngestOptions::default();
    let a = lake
        .ingest(&raw, SourceKind::Icews, &opts, &mut |_| {})
        .expect("raw ingests");
    assert_eq!((a.read.kept, a.read.duplicates), (3705, 0));
    let b = lake
        .ingest(&db, SourceKind::Icews, &opts, &mut |_| {})
        .expect("db ingests");
    assert_eq!(
        (b.read.rows_read, b.read.kept, b.read.duplicates),
        (4993, 1288, 3705),
        "{}",
        b.read
    );
    // SOURCE.md counts 7 rows that differ as text: 2 differ in content (the actor name 'Gen Prayut
    // Chan-o-cha'), 5 only in how a latitude is printed (24.596800000000002 and 24.5968 are the
    // same double). Compared as values, 2 differ.
    assert_eq!(b.read.duplicates_differing, 2, "{:?}", b.read.differing_examples);
    let ids: Vec<&str> = b.read.differing_examples.iter().map(|r| r.reason.as_str()).collect();
    assert!(ids[0].contains("32899482") && ids[1].contains("32899483"), "{ids:?}");
    assert_eq!(lake.stats().events, 4993);
    // Idempotent: the same content again changes nothing.
    let manifest = std::fs::read(dir.join("lake/manifest.json")).expect("manifest");
    let c = lake.ingest(&db, SourceKind::Icews, &opts, &mut |_| {}).expect("again");
    assert!(c.skipped);
    assert_eq!(
        std::fs::read(dir.join("lake/manifest.json")).expect("manifest"),
        manifest
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// The two ICEWS samples staged and adopted one after the other (as a cluster ingests a source
/// that drops ids already in the lake) give the lake a local ingest gives.
#[test]
fn icews_staged_one_after_another_is_the_local_lake() {
    let (Some(raw), Some(db)) = (
        fixture("icews/events.2018.sample.tab"),
        fixture("icews/icews_sample.tsv"),
    ) else {
        return;
    };
    let dir = tempdir("icews-staged");
    let opts = IngestOptions::default();
    let (local, staged) = (dir.join("local"), dir.join("staged"));
    let mut lake = Lake::open(&local).expect("open");
    for f in [&raw, &db] {
        lake.ingest(f, SourceKind::Icews, &opts, &mut |_| {}).expect("ingest");
    }
    let mut lake = Lake::open(&staged).expect("open");
    let mut staging = lake.staging().expect("lock");
    for (i, f) in [&raw, &db].into_iter().enumerate() {
        let name = i.to_string();
        let fp = staging.lake().fingerprint();
        let r = stage(&staged, &name, f, SourceKind::Icews, &opts, Some(&fp)).expect("stage");
        assert_eq!(r.read.duplicates, if i == 0 { 0 } else { 3705 });
        staging.adopt(&[(staging.dir().join(&name), r.hash)]).expect("adopt");
    }
    drop(staging);
    let read = |d: &std::path::Path| std::fs::read(d.join("lake/manifest.json")).expect("manifest");
    assert_eq!(read(&staged), read(&local));
    assert_eq!(lake.stats().events, 4993);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn fixtures_into_one_lake_with_queries() {
    let Some(v2) = fixture("gdelt/v2/20191024143000.export.CSV") else {
        return;
    };
    let Some(v1) = fixture("gdelt/v1/gdelt-demo.sample_data.events.csv") else {
        return;
    };
    let dir = tempdir("mixed");
    let mut lake = Lake::open(&dir).expect("open");
    let opts = IngestOptions::default();
    let r2 = lake.ingest(&v2, SourceKind::Gdelt2, &opts, &mut |_| {}).expect("v2");
    let r1 = lake.ingest(&v1, SourceKind::Gdelt1, &opts, &mut |_| {}).expect("v1");
    assert_eq!((r2.read.kept, r1.read.kept), (2111, 710));
    assert!(r2.events_files >= 3, "2018-10, 2019-09, 2019-10 at least");
    let s = lake.stats();
    assert_eq!(s.events, 2821);
    assert!(s.bytes_per_event() > 0.0);
    let q = entente_events::SeriesQuery {
        a: entente_events::SideSpec::actor("KOR"),
        b: entente_events::SideSpec::actor("USA"),
        by: entente_events::Granularity::Month,
        from: Day::parse_start("2019-10"),
        to: Day::parse_end("2019-10"),
        symmetric: true,
        sources: vec![SourceKind::Gdelt2],
    };
    let rows = lake.dyad_series(&q).expect("series");
    assert_eq!(rows.len(), 1);
    assert!(rows[0].counts.events >= 1);
    let top = lake
        .top_counterparts(&entente_events::SideSpec::actor("USA"), 5, None, None, &[])
        .expect("top");
    assert!(!top.is_empty());
    assert!(top.windows(2).all(|w| w[0].counts.events >= w[1].counts.events));
    let _ = std::fs::remove_dir_all(&dir);
}
