//! The lake on generated data: dyad series equal a naive recomputation from the raw rows
//! (property test), malformed rows are reported with their line numbers, re-ingest is a no-op,
//! an ingest killed with SIGKILL at several points and rerun gives a byte-identical lake, and files
//! staged apart (as a cluster's executors do) and adopted give the lake a local ingest writes.

use entente_event_gen::Generator;
use entente_events::cameo;
use entente_events::{
    stage, Day, Granularity, IngestOptions, Lake, Membership, Resolver, SeriesQuery, SideSpec, SourceKind,
};
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn tempdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("entente-lake-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

fn small_opts() -> IngestOptions {
    // Small blocks, row groups and spill threshold: several chunks, parts and row groups even on
    // a few thousand rows.
    IngestOptions {
        block_bytes: 64 << 10,
        workers: 2,
        row_group_rows: 4096,
        dyad_spill_entries: 700,
        zstd_level: 1,
    }
}

fn write_generated(path: &Path, seed: u64, rows: u64, per_day: u64) {
    let g = Generator::shipped(seed, Day::parse("2019-01-20").expect("day"), per_day).expect("generator");
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).expect("create"));
    g.write_tsv(&mut f, rows).expect("write");
}

/// One raw row, read the simplest way possible.
struct Raw {
    day: Day,
    a1: Option<String>,
    a2: Option<String>,
    quad: usize,
    plover: Option<usize>,
    root: usize,
    goldstein: f64,
    mentions: i64,
}

fn naive_rows(path: &Path, res: &Resolver) -> Vec<Raw> {
    let text = std::fs::read_to_string(path).expect("read");
    text.lines()
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 61);
            let day = Day::parse(f[1]).expect("date");
            let actor = |c: usize| {
                res.gdelt_actor(f[c].as_bytes(), f[c + 2].as_bytes(), f[c + 3].as_bytes(), day)
                    .map(|a| res.id(a).to_string())
            };
            Raw {
                day,
                a1: actor(5),
                a2: actor(15),
                quad: f[29].parse().expect("quad"),
                plover: cameo::cameo_plover(f[26].as_bytes()).map(usize::from),
                root: f[28].parse().expect("root"),
                goldstein: f[30].parse::<f32>().map(f64::from).unwrap_or(0.0),
                mentions: f[31].parse().unwrap_or(0),
            }
        })
        .collect()
}

fn member_of(side: &[Membership], actor: &str, day: Day) -> bool {
    side.iter()
        .any(|m| m.actor == actor && m.from.is_none_or(|f| f <= day) && m.to.is_none_or(|t| day <= t))
}

/// (events, quad, plover, root, goldstein, mentions) per period, computed from the raw rows.
type Naive = BTreeMap<String, (u64, [u64; 4], [u64; 16], [u64; 20], f64, i64)>;

fn naive_series(
    rows: &[Raw],
    a: &[Membership],
    b: &[Membership],
    by: Granularity,
    from: Day,
    to: Day,
    symmetric: bool,
) -> Naive {
    let mut out: Naive = BTreeMap::new();
    for r in rows {
        let (Some(x), Some(y)) = (&r.a1, &r.a2) else { continue };
        if x == y || r.day < from || r.day > to {
            continue;
        }
        let fwd = member_of(a, x, r.day) && member_of(b, y, r.day);
        let back = symmetric && member_of(a, y, r.day) && member_of(b, x, r.day);
        if !(fwd || back) {
            continue;
        }
        let key = match by {
            Granularity::Day => r.day.to_string(),
            Granularity::Month => r.day.month().to_string(),
            Granularity::Year => format!("{:04}", r.day.year()),
        };
        let e = out.entry(key).or_insert((0, [0; 4], [0; 16], [0; 20], 0.0, 0));
        e.0 += 1;
        e.1[r.quad - 1] += 1;
        if let Some(p) = r.plover {
            e.2[p] += 1;
        }
        e.3[r.root - 1] += 1;
        e.4 += r.goldstein;
        e.5 += r.mentions;
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn check_series(
    lake: &Lake,
    rows: &[Raw],
    a: Vec<Membership>,
    b: Vec<Membership>,
    by: Granularity,
    from: Day,
    to: Day,
    symmetric: bool,
) {
    let q = SeriesQuery {
        a: SideSpec::Members(a.clone()),
        b: SideSpec::Members(b.clone()),
        by,
        from: Some(from),
        to: Some(to),
        symmetric,
        sources: vec![],
    };
    let got = lake.dyad_series(&q).expect("series");
    let want = naive_series(rows, &a, &b, by, from, to, symmetric);
    let mut seen = BTreeSet::new();
    for r in &got {
        let c = &r.counts;
        match want.get(&r.period) {
            None => assert_eq!(c.events, 0, "period {} of {q:?}", r.period),
            Some(w) => {
                seen.insert(r.period.clone());
                assert_eq!(
                    (c.events, c.quad, c.plover, c.cameo, c.mentions),
                    (w.0, w.1, w.2, w.3, w.5),
                    "period {} of {q:?}",
                    r.period
                );
                assert!(
                    (c.goldstein_sum - w.4).abs() < 1e-6 * (1.0 + w.4.abs()),
                    "goldstein {} vs {}",
                    c.goldstein_sum,
                    w.4
                );
            }
        }
    }
    assert_eq!(
        seen.len(),
        want.len(),
        "every naive period appears in the series of {q:?}"
    );
}

fn open(actor: &str) -> Membership {
    Membership {
        actor: actor.into(),
        from: None,
        to: None,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, .. ProptestConfig::default() })]

    #[test]
    fn dyad_series_equal_naive_recomputation(
        seed in 0u64..1_000_000,
        rows in 500u64..2500,
        per_day in 15u64..120,
        by in prop_oneof![Just(Granularity::Day), Just(Granularity::Month), Just(Granularity::Year)],
        symmetric in any::<bool>(),
        cut in 0i32..40,
        span in 5i32..120,
        member_cut in 0i32..60,
    ) {
        let dir = tempdir(&format!("prop-{seed}-{rows}"));
        let tsv = dir.join("gen.tsv");
        write_generated(&tsv, seed, rows, per_day);
        let mut lake = Lake::open(&dir).expect("open");
        let r = lake.ingest(&tsv, SourceKind::Gdelt2, &small_opts(), &mut |_| {}).expect("ingest");
        prop_assert_eq!(r.read.kept, rows);
        let res = Resolver::shipped().expect("resolver");
        let raw = naive_rows(&tsv, &res);
        // The most frequent directed dyads, and a side with a dated membership.
        let mut freq: BTreeMap<(String, String), u64> = BTreeMap::new();
        for r in &raw {
            if let (Some(x), Some(y)) = (&r.a1, &r.a2) {
                if x != y {
                    *freq.entry((x.clone(), y.clone())).or_default() += 1;
                }
            }
        }
        let mut top: Vec<_> = freq.into_iter().collect();
        top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let first = raw.iter().map(|r| r.day).min().expect("rows");
        let last = raw.iter().map(|r| r.day).max().expect("rows");
        let from = Day(first.0 + cut);
        let to = Day(from.0 + span);
        for ((x, y), _) in top.iter().take(3) {
            check_series(&lake, &raw, vec![open(x)], vec![open(y)], by, from, to, symmetric);
            check_series(&lake, &raw, vec![open(x)], vec![open(y)], by, first, last, symmetric);
        }
        if top.len() >= 3 {
            let ((x, y), _) = &top[0];
            let ((z, _), _) = &top[2];
            // "x and/or its members": z belongs to x's side only from member_cut days in.
            let a = vec![open(x), Membership { actor: z.clone(), from: Some(Day(first.0 + member_cut)), to: None }];
            check_series(&lake, &raw, a, vec![open(y)], by, first, last, symmetric);
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[test]
fn malformed_rows_reported_with_line_numbers() {
    let dir = tempdir("malformed");
    let tsv = dir.join("bad.tsv");
    write_generated(&tsv, 7, 50, 10);
    let text = std::fs::read_to_string(&tsv).expect("read");
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    lines[4] = lines[4].replacen('\t', "", 1); // 60 columns
    let mut f: Vec<String> = lines[9].split('\t').map(String::from).collect();
    f[1] = "20191345".into(); // not a date
    lines[9] = f.join("\t");
    let mut f: Vec<String> = lines[19].split('\t').map(String::from).collect();
    f[26] = "9X".into(); // not a CAMEO code
    lines[19] = f.join("\t");
    let mut f: Vec<String> = lines[29].split('\t').map(String::from).collect();
    f[30] = "very".into(); // Goldstein
    lines[29] = f.join("\t");
    lines.insert(40, String::new()); // a blank line
    let mut bytes = lines.join("\n").into_bytes();
    bytes.extend_from_slice(b"\n\xff\xfe garbage \t\n");
    std::fs::write(&tsv, bytes).expect("write");
    let mut lake = Lake::open(&dir).expect("open");
    let r = lake
        .ingest(&tsv, SourceKind::Gdelt2, &small_opts(), &mut |_| {})
        .expect("bad rows are not an error");
    assert_eq!(r.read.rows_read, 52);
    assert_eq!(r.read.kept, 46);
    let lines_reasons: Vec<(u64, &str)> = r.read.rejections.iter().map(|x| (x.line, x.reason.as_str())).collect();
    assert_eq!(
        lines_reasons.iter().map(|x| x.0).collect::<Vec<_>>(),
        vec![5, 10, 20, 30, 41, 52]
    );
    assert!(lines_reasons[0].1.contains("found 60"));
    assert!(lines_reasons[1].1.contains("SQLDATE '20191345'"));
    assert!(lines_reasons[2].1.contains("EventCode '9X'"));
    assert!(lines_reasons[3].1.contains("GoldsteinScale 'very'"));
    assert!(lines_reasons[4].1.contains("blank line"));
    assert_eq!(lake.stats().events, 46);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn reingest_is_a_no_op_and_names_do_not_matter() {
    let dir = tempdir("idem");
    let tsv = dir.join("a.tsv");
    write_generated(&tsv, 3, 3000, 200);
    let mut lake = Lake::open(&dir).expect("open");
    let first = lake
        .ingest(&tsv, SourceKind::Gdelt2, &small_opts(), &mut |_| {})
        .expect("first");
    assert!(!first.skipped);
    let before = snapshot(&dir.join("lake"));
    let copy = dir.join("copy-of-a.tsv");
    std::fs::copy(&tsv, &copy).expect("copy");
    for p in [&tsv, &copy] {
        let again = lake
            .ingest(p, SourceKind::Gdelt2, &small_opts(), &mut |_| {})
            .expect("again");
        assert!(again.skipped);
    }
    assert_eq!(snapshot(&dir.join("lake")), before);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn staged_and_adopted_is_the_local_lake() {
    let dir = tempdir("staged");
    let files: Vec<PathBuf> = (0..3u64)
        .map(|i| {
            let p = dir.join(format!("in{i}.tsv"));
            write_generated(&p, 10 + i, 2000 + 500 * i, 150);
            p
        })
        .collect();
    let (local, cluster) = (dir.join("local"), dir.join("cluster"));
    let mut lake = Lake::open(&local).expect("open");
    for f in &files {
        lake.ingest(f, SourceKind::Gdelt2, &small_opts(), &mut |_| {})
            .expect("local ingest");
    }
    // The first file is in the lake already; the others are staged as executors would (the
    // third twice, as if two tasks had it), plus a file that does not exist.
    let mut lake = Lake::open(&cluster).expect("open");
    lake.ingest(&files[0], SourceKind::Gdelt2, &small_opts(), &mut |_| {})
        .expect("first file");
    let mut staging = lake.staging().expect("lock");
    let fp = staging.lake().fingerprint();
    let skipped = stage(&cluster, "0", &files[0], SourceKind::Gdelt2, &small_opts(), Some(&fp)).expect("stage 0");
    assert!(skipped.skipped, "content already in the lake is not staged again");
    assert!(!staging.dir().join("0").exists());
    let mut staged = Vec::new();
    for (name, f) in [("1", &files[1]), ("2", &files[2]), ("3", &files[2])] {
        let r = stage(&cluster, name, f, SourceKind::Gdelt2, &small_opts(), Some(&fp)).expect("stage");
        assert!(!r.skipped && r.read.kept > 0);
        assert!(!staging.dir().join(format!("{name}.partial")).exists());
        staged.push((staging.dir().join(name), r.hash));
    }
    let missing = stage(
        &cluster,
        "4",
        &dir.join("nope.tsv"),
        SourceKind::Gdelt2,
        &small_opts(),
        None,
    );
    assert!(missing.unwrap_err().to_string().contains("nope.tsv"));
    assert!(stage(&cluster, "../x", &files[1], SourceKind::Gdelt2, &small_opts(), None).is_err());
    // A machine that sees another manifest (a copy, a stale cache) refuses.
    let other = stage(&cluster, "6", &files[1], SourceKind::Gdelt2, &small_opts(), Some("0:-"));
    assert!(other.unwrap_err().to_string().contains("shared file system"));
    // A staged lake that is not the content reported is refused, and nothing is committed.
    let swapped = [(staged[0].0.clone(), staged[1].1.clone())];
    assert!(staging
        .adopt(&swapped)
        .unwrap_err()
        .to_string()
        .contains("not the content reported"));
    assert_eq!(Lake::open(&cluster).expect("open").inputs().len(), 1);
    // Another ingest cannot run while the staging holds the lock.
    let mut other = Lake::open(&cluster).expect("open");
    let busy = other.ingest(&files[1], SourceKind::Gdelt2, &small_opts(), &mut |_| {});
    assert!(busy.unwrap_err().to_string().contains("locked"));
    // Nothing staged is visible before the adopt.
    assert_eq!(Lake::open(&cluster).expect("open").inputs().len(), 1);
    assert_eq!(staging.adopt(&staged).expect("adopt"), vec![true, true, false]);
    drop(staging);
    assert_eq!(snapshot(&cluster.join("lake")), snapshot(&local.join("lake")));
    // A staging dropped without an adopt leaves the lake as it was; the next ingest clears it.
    let before = snapshot(&cluster.join("lake"));
    let staging = lake.staging().expect("lock");
    let extra = dir.join("extra.tsv");
    write_generated(&extra, 20, 500, 150);
    stage(&cluster, "5", &extra, SourceKind::Gdelt2, &small_opts(), None).expect("stage a new file");
    assert!(staging.dir().join("5").exists());
    drop(staging);
    let again = lake
        .ingest(&files[1], SourceKind::Gdelt2, &small_opts(), &mut |_| {})
        .expect("again");
    assert!(again.skipped);
    assert_eq!(snapshot(&cluster.join("lake")), before);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Every file under `root` with its bytes.
fn snapshot(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read dir") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(root).expect("prefix").to_string_lossy().into_owned();
                out.insert(rel, std::fs::read(&p).expect("read"));
            }
        }
    }
    out
}

/// The `lake` example binary, built by `cargo test` beside the test executables (or built here).
fn example_binary() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let dir = exe.parent()?.parent()?;
    let bin = dir
        .join("examples")
        .join(format!("lake{}", std::env::consts::EXE_SUFFIX));
    if bin.exists() {
        return Some(bin);
    }
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .args(["build", "-p", "entente-events", "--example", "lake"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .status()
        .ok()?;
    (status.success() && bin.exists()).then_some(bin)
}

/// Runs the example's ingest and kills it (SIGKILL) as soon as it reports `phase`.
fn ingest_and_kill(bin: &Path, data: &Path, tsv: &Path, phase: &str, pause: &str) -> bool {
    let mut child = Command::new(bin)
        .args(["ingest"])
        .arg(data)
        .arg("gdelt2")
        .arg(tsv)
        .args(["--block-kb", "64", "--workers", "2", "--pause-at", pause])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn the example");
    let out = child.stdout.take().expect("stdout");
    let mut killed = false;
    for line in BufReader::new(out).lines() {
        let Ok(line) = line else { break };
        if line.starts_with(&format!("phase {phase}")) {
            child.kill().expect("kill -9");
            killed = true;
            break;
        }
    }
    let _ = child.wait();
    killed
}

#[test]
fn killed_ingest_reruns_to_an_identical_lake() {
    let Some(bin) = example_binary() else {
        eprintln!("skipping: the lake example could not be built");
        return;
    };
    let dir = tempdir("kill");
    let tsv = dir.join("gen.tsv");
    write_generated(&tsv, 11, 30_000, 900);
    let opts = IngestOptions {
        block_bytes: 64 << 10,
        workers: 2,
        ..IngestOptions::default()
    };
    // Reference: an uninterrupted ingest.
    let reference = dir.join("reference");
    Lake::open(&reference)
        .expect("open")
        .ingest(&tsv, SourceKind::Gdelt2, &opts, &mut |_| {})
        .expect("reference ingest");
    // Killed while reading, then after the parts are renamed but before the manifest.
    let victim = dir.join("victim");
    assert!(
        ingest_and_kill(&bin, &victim, &tsv, "reading", "reading:0.2"),
        "the child reached the reading phase"
    );
    assert!(
        victim.join("lake/.tmp").exists(),
        "a killed ingest leaves its temporary files"
    );
    assert!(
        ingest_and_kill(&bin, &victim, &tsv, "committing", "committing:30"),
        "the child reached the commit"
    );
    let orphans = snapshot(&victim.join("lake"))
        .keys()
        .filter(|k| k.ends_with(".parquet"))
        .count();
    assert!(orphans > 0, "parts were renamed into place before the kill");
    assert!(
        Lake::open(&victim).expect("open").stats().events == 0,
        "unlisted parts are not in the lake"
    );
    let rerun = Lake::open(&victim)
        .expect("open")
        .ingest(&tsv, SourceKind::Gdelt2, &opts, &mut |_| {})
        .expect("rerun");
    assert!(!rerun.skipped);
    let (a, b) = (snapshot(&reference.join("lake")), snapshot(&victim.join("lake")));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (k, v) in &a {
        assert!(b.get(k) == Some(v), "{k} differs after the rerun");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The lake answers through `EventData` exactly as through its own methods, and a question it
/// cannot answer as asked is the asker's fault (`QueryError::Request`), so that every surface maps
/// it to a bad request.
#[test]
fn the_lake_answers_as_event_data() {
    use entente_events::{EventData, QueryError, SeriesQuery};
    let dir = tempdir("event-data");
    let tsv = dir.join("gen.tsv");
    write_generated(&tsv, 7, 800, 40);
    let mut lake = Lake::open(&dir).expect("open");
    lake.ingest(&tsv, SourceKind::Gdelt2, &small_opts(), &mut |_| {})
        .expect("ingest");
    let data: &dyn EventData = &lake;
    let top = data
        .top_counterparts(&SideSpec::actor("USA"), 3, None, None, &[])
        .expect("counterparts");
    assert_eq!(
        top.iter().map(|c| (&c.actor, c.counts.events)).collect::<Vec<_>>(),
        lake.top_counterparts(&SideSpec::actor("USA"), 3, None, None, &[])
            .expect("counterparts")
            .iter()
            .map(|c| (&c.actor, c.counts.events))
            .collect::<Vec<_>>()
    );
    assert_eq!(data.stats().map(|s| s.events), Some(lake.stats().events));
    assert_eq!(data.place(), None);
    let empty = SeriesQuery {
        a: SideSpec::Members(Vec::new()),
        b: SideSpec::actor("USA"),
        by: Granularity::Month,
        from: None,
        to: None,
        symmetric: true,
        sources: Vec::new(),
    };
    match data.dyad_series(&empty) {
        Err(QueryError::Request(m)) => assert!(!m.is_empty()),
        other => panic!("an empty side is a bad request: {other:?}"),
    }
    let _ = std::fs::remove_dir_all(&dir);
}
