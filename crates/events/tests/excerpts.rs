//! The event readers and the lake on the excerpts kept in the repository (`fixtures/`): these run
//! on a clone alone; `fixtures.rs` reads the complete files from `../shared/fixtures`.

use entente_events::gdelt::{self, GdeltVersion};
use entente_events::{icews, IngestOptions, Lake, Resolver, SourceKind};
use entente_testkit::excerpt;

fn tempdir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("entente-events-excerpt-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

#[test]
fn gdelt_readers_on_both_versions() {
    let res = Resolver::shipped().expect("resolver");
    let open = |rel: &str| std::fs::File::open(excerpt(rel)).expect("open");
    let mut ids = Vec::new();
    let r = gdelt::read_events(
        open("gdelt/v2/20191024143000.export.CSV"),
        "v2",
        GdeltVersion::V2,
        &res,
        |ev| ids.push(ev.event_id.parse::<u64>().expect("numeric id")),
    )
    .expect("reads");
    assert_eq!((r.rows_read, r.kept, r.rejected), (300, 300, 0), "{r}");
    // The export's ids are contiguous from its first one.
    assert_eq!(ids.first(), Some(&881990832));
    assert!(ids.windows(2).all(|w| w[1] == w[0] + 1));
    let r = gdelt::read_events(
        open("gdelt/v1/spark-gdelt.events1.csv"),
        "v1",
        GdeltVersion::V1,
        &res,
        |_| {},
    )
    .expect("reads");
    assert_eq!(r.rows_read, 100, "{r}");
    assert!(r.kept > 0, "{r}");
}

#[test]
fn icews_reader_and_the_lake_on_the_excerpts() {
    let res = Resolver::shipped().expect("resolver");
    let path = excerpt("icews/events.2018.sample.excerpt.tab");
    let r = icews::read(std::fs::File::open(&path).unwrap(), "icews", &res, |_| {}).expect("reads");
    assert_eq!((r.rows_read, r.kept, r.rejected, r.duplicates), (300, 300, 0, 0), "{r}");
    // Into a lake, with the GDELT export beside it; the same file again changes nothing.
    let dir = tempdir("lake");
    let mut lake = Lake::open(&dir).unwrap();
    let opts = IngestOptions::default();
    let a = lake.ingest(&path, SourceKind::Icews, &opts, &mut |_| {}).unwrap();
    assert_eq!(a.read.kept, 300);
    let gdelt = excerpt("gdelt/v2/20191024143000.export.CSV");
    let b = lake.ingest(&gdelt, SourceKind::Gdelt2, &opts, &mut |_| {}).unwrap();
    assert_eq!(b.read.kept, 300);
    assert_eq!(lake.stats().events, 600);
    let again = lake.ingest(&path, SourceKind::Icews, &opts, &mut |_| {}).unwrap();
    assert!(again.skipped);
    assert_eq!(lake.stats().events, 600);
    let _ = std::fs::remove_dir_all(&dir);
}
