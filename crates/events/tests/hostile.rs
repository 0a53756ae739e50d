//! Hostile and damaged inputs: a file with no valid row (empty, garbage, another dataset) is an
//! error naming it and is not recorded in the manifest; a file cut mid-line keeps no partial row;
//! GDELT rows already in the lake (a cut file, then the complete one) are counted once.

use entente_event_gen::Generator;
use entente_events::{stage, Day, IngestOptions, Lake, SourceKind};
use std::path::{Path, PathBuf};

fn tempdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("entente-hostile-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

fn opts() -> IngestOptions {
    IngestOptions {
        block_bytes: 16 << 10,
        workers: 2,
        row_group_rows: 4096,
        dyad_spill_entries: 700,
        zstd_level: 1,
    }
}

fn write_generated(path: &Path, seed: u64, rows: u64) {
    let g = Generator::shipped(seed, Day::parse("2019-01-20").expect("day"), 100).expect("generator");
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).expect("create"));
    g.write_tsv(&mut f, rows).expect("write");
}

fn fixture(rel: &str) -> Option<PathBuf> {
    entente_testkit::shared(rel)
}

#[test]
fn a_file_without_a_valid_row_is_an_error_and_not_an_input() {
    let dir = tempdir("novalid");
    let atop = "atopid,member,yrent,moent,dayent,yrexit,moexit,dayexit,defense,offense\n\
                1005,200,1815,11,20,1823,10,10,1,0\n1005,220,1815,11,20,1823,10,10,1,0\n";
    let inputs: Vec<(&str, Vec<u8>, SourceKind, &str)> = vec![
        ("empty.CSV", Vec::new(), SourceKind::Gdelt2, "the file is empty"),
        (
            "garbage.CSV",
            b"\xff\xfe\x00garbage\nmore garbage\tand tabs\n".to_vec(),
            SourceKind::Gdelt2,
            "no valid GDELT 2.0 event row in 2 row(s)",
        ),
        (
            "atop.csv",
            atop.as_bytes().to_vec(),
            SourceKind::Gdelt1,
            "no valid GDELT 1.0 event row in 3 row(s)",
        ),
        ("empty.tab", Vec::new(), SourceKind::Icews, ""),
    ];
    let mut lake = Lake::open(&dir).expect("open");
    for (name, bytes, kind, says) in &inputs {
        let path = dir.join(name);
        std::fs::write(&path, bytes).expect("write");
        let err = lake
            .ingest(&path, *kind, &opts(), &mut |_| {})
            .expect_err("a file without a valid row is an error");
        let msg = err.to_string();
        assert!(msg.contains(&path.display().to_string()), "{msg}");
        assert!(msg.contains(says), "{msg}");
        assert!(
            Lake::open(&dir).expect("open").inputs().is_empty(),
            "{name} is not recorded"
        );
        assert_eq!(lake.stats().events, 0);
    }
    // The right file under the same lake is then imported as usual.
    let good = dir.join("good.CSV");
    write_generated(&good, 1, 50);
    let r = lake
        .ingest(&good, SourceKind::Gdelt2, &opts(), &mut |_| {})
        .expect("good file");
    assert_eq!((r.read.kept, lake.inputs().len()), (50, 1));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_cut_last_line_is_rejected_with_its_line() {
    let dir = tempdir("cut");
    let whole = dir.join("whole.CSV");
    write_generated(&whole, 2, 120);
    let bytes = std::fs::read(&whole).expect("read");
    // Cut inside the last column (SOURCEURL) of the last row: it still has 61 columns.
    let cut_at = bytes.len() - 5;
    let cut = dir.join("cut.CSV");
    std::fs::write(&cut, &bytes[..cut_at]).expect("write");
    let mut lake = Lake::open(&dir).expect("open");
    let r = lake
        .ingest(&cut, SourceKind::Gdelt2, &opts(), &mut |_| {})
        .expect("ingest");
    assert_eq!(
        (r.read.rows_read, r.read.kept, r.read.rejected),
        (120, 119, 1),
        "{}",
        r.read
    );
    assert_eq!(r.read.rejections[0].line, 120);
    assert!(r.read.rejections[0].reason.contains("ends in the middle of this line"));
    assert_eq!(lake.stats().events, 119);
    // The reader alone says the same.
    let res = entente_events::Resolver::shipped().expect("resolver");
    let mut n = 0;
    let rr = entente_events::gdelt::read_events(
        std::fs::File::open(&cut).expect("open"),
        "cut.CSV",
        entente_events::gdelt::GdeltVersion::V2,
        &res,
        |_| n += 1,
    )
    .expect("read");
    assert_eq!((n, rr.rejected, rr.rejections[0].line), (119, 1, 120));
    // The complete file then adds the one row the cut file lacked, and nothing twice.
    let r = lake
        .ingest(&whole, SourceKind::Gdelt2, &opts(), &mut |_| {})
        .expect("ingest");
    assert_eq!(
        (r.read.kept, r.read.duplicates, r.read.duplicates_differing),
        (1, 119, 0)
    );
    assert_eq!(lake.stats().events, 120);
    let _ = std::fs::remove_dir_all(&dir);
}

/// The real GDELT 2.0 export, cut mid-line at half its size, then imported whole: every event is
/// counted once, locally and staged as a cluster's executors stage files.
#[test]
fn gdelt2_cut_then_complete_counts_each_event_once() {
    let Some(export) = fixture("gdelt/v2/20191024143000.export.CSV") else {
        return;
    };
    let dir = tempdir("real-cut");
    let bytes = std::fs::read(&export).expect("read");
    let mut at = bytes.len() / 2;
    while bytes[at - 1] == b'\n' {
        at += 1;
    }
    let cut = dir.join("20191024143000.export.part");
    std::fs::write(&cut, &bytes[..at]).expect("write");
    let lines_before = bytes[..at].iter().filter(|&&b| b == b'\n').count() as u64;

    let local = dir.join("local");
    let mut lake = Lake::open(&local).expect("open");
    let first = lake
        .ingest(&cut, SourceKind::Gdelt2, &opts(), &mut |_| {})
        .expect("cut file");
    assert_eq!(first.read.rejected, 1, "{}", first.read);
    assert_eq!(first.read.rejections[0].line, lines_before + 1);
    assert_eq!(first.read.kept, lines_before);
    let second = lake
        .ingest(&export, SourceKind::Gdelt2, &opts(), &mut |_| {})
        .expect("whole file");
    assert_eq!(second.read.duplicates, first.read.kept);
    assert_eq!(second.read.kept, 2111 - first.read.kept);
    assert_eq!(lake.stats().events, 2111);

    // Staged one file at a time (as the cluster client does for a source that dedups), the
    // lake is the local one.
    let cluster = dir.join("cluster");
    let mut clake = Lake::open(&cluster).expect("open");
    for (i, f) in [&cut, &export].into_iter().enumerate() {
        let mut staging = clake.staging().expect("lock");
        let fp = staging.lake().fingerprint();
        let name = i.to_string();
        let r = stage(&cluster, &name, f, SourceKind::Gdelt2, &opts(), Some(&fp)).expect("stage");
        assert_eq!(
            staging.adopt(&[(staging.dir().join(&name), r.hash)]).expect("adopt"),
            vec![true]
        );
    }
    assert_eq!(Lake::open(&cluster).expect("open").stats().events, 2111);
    // Staged side by side (as in one cluster job), the two files say that their ids meet, so the
    // client stages the second again after the first; two successive GDELT files do not.
    let base = dir.join("side-by-side");
    let mut blake = Lake::open(&base).expect("open");
    let staging = blake.staging().expect("lock");
    let a = stage(&base, "a", &cut, SourceKind::Gdelt2, &opts(), None).expect("stage");
    let b = stage(&base, "b", &export, SourceKind::Gdelt2, &opts(), None).expect("stage");
    assert_eq!(
        b.read.kept, 2111,
        "staged against the lake before the job: nothing dropped"
    );
    let (lo, hi) = b.kept_id_span.expect("numeric ids");
    assert!(lo < hi && a.kept_id_span.is_some_and(|(l, h)| lo <= l && h <= hi));
    assert!(a.ids_may_meet(&b) && b.ids_may_meet(&a));
    drop(staging);
    let next = dir.join("next.CSV");
    let g = Generator::shipped(77, Day::parse("2019-10-24").expect("day"), 100).expect("generator");
    let mut f = std::fs::File::create(&next).expect("create");
    g.write_tsv(&mut f, 40).expect("rows");
    let c = Lake::open(dir.join("other"))
        .expect("open")
        .ingest(&next, SourceKind::Gdelt2, &opts(), &mut |_| {})
        .expect("ingest");
    assert!(!b.ids_may_meet(&c), "{:?} {:?}", b.kept_id_span, c.kept_id_span);
    let manifest = |d: &Path| std::fs::read(d.join("lake/manifest.json")).expect("manifest");
    assert_eq!(manifest(&cluster), manifest(&local));
    let _ = std::fs::remove_dir_all(&dir);
}

/// The lake's manifest is written with the workspace's one atomic write; what a write killed
/// midway leaves beside it is removed by the next ingest.
#[test]
fn stale_manifest_temporaries_are_removed_by_the_next_ingest() {
    let dir = tempdir("stale-tmp");
    let root = dir.join("lake");
    std::fs::create_dir_all(&root).expect("lake dir");
    let stale = root.join(".manifest.json.tmp-99999");
    std::fs::write(&stale, b"{\"half\": ").expect("write");
    let input = dir.join("in.CSV");
    write_generated(&input, 3, 20);
    let mut lake = Lake::open(&dir).expect("open");
    lake.ingest(&input, SourceKind::Gdelt2, &opts(), &mut |_| {})
        .expect("ingest");
    assert!(!stale.exists(), "the stale temporary is removed");
    let listed: Vec<String> = std::fs::read_dir(&root)
        .expect("dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("manifest"))
        .collect();
    assert_eq!(listed, vec!["manifest.json"]);
    let _ = std::fs::remove_dir_all(&dir);
}
