//! The store on the real fixtures (`../shared/fixtures`, skipped with a message where absent):
//! every import reads back exactly what the reader returned, re-importing changes nothing,
//! a new file replaces the old one in its slot, and malformed files leave the store untouched.

use entente_datasets::{atop, sipri, unvotes};
use entente_store::{Dataset, Error, Outcome, Store};
use std::collections::BTreeMap;
use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};

fn fixtures() -> Option<PathBuf> {
    entente_testkit::shared_all(&["sipri", "atop", "unvotes"])
}

fn reader(p: &Path) -> BufReader<File> {
    BufReader::new(File::open(p).unwrap_or_else(|e| panic!("{}: {e}", p.display())))
}

/// Every file under the data directory (but the lock) with its bytes: "untouched" means equal.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.file_name().is_some_and(|n| n != ".lock") {
                let bytes = std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
                out.insert(p.strip_prefix(dir).map(Path::to_path_buf).unwrap_or(p), bytes);
            }
        }
    }
    out
}

fn import(store: &mut Store, d: Dataset, p: &Path) -> entente_store::ImportOutcome {
    store.import(d, p, &mut ()).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn sipri_round_trip_and_reimport() {
    let Some(fx) = fixtures() else { return };
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = fx.join("sipri/trade-register.csv");
    let (expected, report) =
        sipri::read("trade-register.csv", reader(&file), &mut |_| {}).unwrap_or_else(|e| panic!("{e}"));

    let mut store = Store::open(tmp.path()).unwrap_or_else(|e| panic!("{e}"));
    assert!(store.entries().is_empty());
    let o = import(&mut store, Dataset::Sipri, &file);
    assert_eq!(o.outcome, Outcome::Imported);
    assert_eq!((o.entry.rows_read, o.entry.kept), (report.rows_read, report.kept));
    assert_eq!(o.entry.rejected.len(), report.rejected.len());
    assert_eq!(o.entry.bytes, 3_845_731);
    assert_eq!(o.entry.tables.len(), 1);
    assert_eq!(o.entry.tables[0].rows, expected.len() as u64);

    // Reopened: the same deals, field for field.
    let reopened = Store::open(tmp.path()).unwrap_or_else(|e| panic!("{e}"));
    let deals = reopened.load_sipri().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(deals.len(), expected.len());
    assert!(deals == expected, "deals differ after the round trip");

    // Re-importing the same content changes nothing, not a byte.
    let before = snapshot(tmp.path());
    let mut store = Store::open(tmp.path()).unwrap_or_else(|e| panic!("{e}"));
    let again = import(&mut store, Dataset::Sipri, &file);
    assert_eq!(again.outcome, Outcome::AlreadyImported);
    assert_eq!(again.entry, o.entry);
    assert_eq!(snapshot(tmp.path()), before);
}

#[test]
fn atop_round_trip() {
    let Some(fx) = fixtures() else { return };
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut store = Store::open(tmp.path()).unwrap_or_else(|e| panic!("{e}"));
    let members = fx.join("atop/atop-member-level.csv");
    let alliances = fx.join("atop/atop-alliance-level.csv");
    let similarity = fx.join("atop/all-fp-sim.csv");
    for (p, slot) in [
        (&members, "members"),
        (&alliances, "alliances"),
        (&similarity, "similarity"),
    ] {
        let o = import(&mut store, Dataset::Atop, p);
        assert_eq!(o.outcome, Outcome::Imported);
        assert_eq!(o.entry.slot, slot);
    }
    let store = Store::open(tmp.path()).unwrap_or_else(|e| panic!("{e}"));
    let (m, _) = atop::read_members("m", reader(&members)).unwrap_or_else(|e| panic!("{e}"));
    let (a, _) = atop::read_alliances("a", reader(&alliances)).unwrap_or_else(|e| panic!("{e}"));
    let (s, _) = atop::read_similarity("s", reader(&similarity)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(store.load_atop_members().unwrap_or_else(|e| panic!("{e}")), m);
    assert_eq!(store.load_atop_alliances().unwrap_or_else(|e| panic!("{e}")), a);
    assert_eq!(store.load_atop_similarity().unwrap_or_else(|e| panic!("{e}")), s);
    assert_eq!(m.len(), 2_398);
    // Members carry their entente id: the Republic of Korea in the 1953 treaty with the US.
    let kor = store
        .entry(Dataset::Atop, "members")
        .map(|e| e.unresolved.contains(&"COW 732".to_string()));
    assert_eq!(kor, Some(false));
}

#[test]
fn unvotes_round_trip_both_layouts() {
    let Some(fx) = fixtures() else { return };
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut store = Store::open(tmp.path()).unwrap_or_else(|e| panic!("{e}"));
    let f732 = fx.join("unvotes/732.csv");
    let f731 = fx.join("unvotes/731.csv");
    assert_eq!(import(&mut store, Dataset::Unvotes, &f732).entry.slot, "country-732");
    assert_eq!(import(&mut store, Dataset::Unvotes, &f731).entry.focal, Some(731));
    let store = Store::open(tmp.path()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(store.unvotes_countries(), [731, 732]);
    let (expected, _) = unvotes::read_country_file("732.csv", None, reader(&f732)).unwrap_or_else(|e| panic!("{e}"));
    let got = store.load_unvotes_country(732).unwrap_or_else(|e| panic!("{e}"));
    assert!(got.as_ref() == Some(&expected), "732.csv differs after the round trip");
    assert_eq!(store.load_unvotes_country(2).ok().flatten(), None);

    // The long layout: the two focal countries' votes, written out and imported.
    let cw = entente_datasets::codes::Crosswalk::shipped().unwrap_or_else(|e| panic!("{e}"));
    let mut text = String::from("rcid,ccode,vote\n");
    for v in expected.focal_votes(cw) {
        text += &format!("{},{},{}\n", v.rcid, 732, v.vote.code());
    }
    let long = tmp.path().join("votes-long.csv");
    std::fs::write(&long, &text).unwrap_or_else(|e| panic!("{e}"));
    let mut store = Store::open(tmp.path()).unwrap_or_else(|e| panic!("{e}"));
    let o = import(&mut store, Dataset::Unvotes, &long);
    assert_eq!(o.entry.slot, "votes");
    let (votes, _) = unvotes::read_long("votes-long.csv", reader(&long)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(store.load_unvotes_long().unwrap_or_else(|e| panic!("{e}")), votes);
}

/// The first `n` lines of a file, as a new file.
fn head(src: &Path, n: usize, dst: &Path) {
    let text = std::fs::read(src).unwrap_or_else(|e| panic!("{e}"));
    let mut end = 0;
    for _ in 0..n {
        match text[end..].iter().position(|&b| b == b'\n') {
            Some(p) => end += p + 1,
            None => break,
        }
    }
    std::fs::write(dst, &text[..end]).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn a_new_file_replaces_the_old_one_in_its_slot() {
    let Some(fx) = fixtures() else { return };
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let full = fx.join("sipri/trade-register.csv");
    let part = tmp.path().join("register-part.csv");
    head(&full, 1_012, &part);
    let data = tmp.path().join("data");
    let mut store = Store::open(&data).unwrap_or_else(|e| panic!("{e}"));
    let first = import(&mut store, Dataset::Sipri, &part);
    assert_eq!(first.entry.kept, 1_000);
    let second = import(&mut store, Dataset::Sipri, &full);
    assert_eq!(
        second.outcome,
        Outcome::Replaced {
            previous_file: "register-part.csv".into(),
            previous_sha256: first.entry.sha256.clone(),
        }
    );
    assert_eq!(store.entries_of(Dataset::Sipri).count(), 1);
    // The replaced table is gone; only the manifest's tables remain.
    let files: Vec<String> = std::fs::read_dir(data.join("datasets/sipri"))
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(
        files,
        [second.entry.tables[0].path.trim_start_matches("sipri/").to_string()]
    );
    assert!(!data.join("datasets/.tmp").exists());
}

#[test]
fn malformed_files_leave_the_store_untouched() {
    let Some(fx) = fixtures() else { return };
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let data = tmp.path().join("data");
    let mut store = Store::open(&data).unwrap_or_else(|e| panic!("{e}"));
    import(&mut store, Dataset::Sipri, &fx.join("sipri/trade-register.csv"));
    import(&mut store, Dataset::Atop, &fx.join("atop/atop-member-level.csv"));
    let before = snapshot(&data);

    let bad = |name: &str, bytes: &[u8]| {
        let p = tmp.path().join(name);
        std::fs::write(&p, bytes).unwrap_or_else(|e| panic!("{e}"));
        p
    };
    let register = std::fs::read(fx.join("sipri/trade-register.csv")).unwrap_or_else(|e| panic!("{e}"));
    // Cut in the middle of line 5,000's record.
    let cut = register
        .iter()
        .enumerate()
        .filter(|(_, &b)| b == b'\n')
        .nth(4_999)
        .map_or(0, |(i, _)| i + 1)
        + 30;
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("Recipient,Supplier\n".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let members = std::fs::read(fx.join("atop/atop-member-level.csv")).unwrap_or_else(|e| panic!("{e}"));
    let header_only: Vec<u8> = members.split(|&b| b == b'\n').next().unwrap_or(&[]).to_vec();
    let cases: Vec<(Dataset, PathBuf, usize, &str)> = vec![
        (Dataset::Sipri, bad("empty.csv", b""), 1, "empty file"),
        (Dataset::Sipri, bad("truncated.csv", &register[..cut]), 5_001, "truncated"),
        (Dataset::Sipri, bad("utf16.csv", &utf16), 1, "UTF-16"),
        (Dataset::Sipri, bad("binary.csv", b"Recipient,Supplier\nPoland\0\0\x01"), 2, "NUL byte"),
        (Dataset::Sipri, fx.join("atop/atop-member-level.csv"), 100, "no header line"),
        (Dataset::Atop, bad("header-only.csv", &header_only), 1, "no data rows"),
        (Dataset::Atop, fx.join("sipri/trade-register.csv"), 1, "not an ATOP file"),
        (Dataset::Unvotes, bad("votes.csv", b"rcid,year,unres\n1,1946,R/1\n"), 1, "COW code"),
        (
            Dataset::Atop,
            bad("mostly-bad.csv", b"atopid,year,mean.s.sc,low.s.sc,mean.pi.sc,low.pi.sc,mean.kap.sc,low.kap.sc\n1,x,1,1,1,1,1,1\n2,y,1,1,1,1,1,1\n3,1990,1,1,1,1,1,1\n"),
            2,
            "2 of 3 rows rejected",
        ),
    ];
    for (dataset, path, line, words) in cases {
        let mut store = Store::open(&data).unwrap_or_else(|e| panic!("{e}"));
        match store.import(dataset, &path, &mut ()) {
            Err(Error::Input { line: l, message, .. }) => {
                assert_eq!(l, line, "{}: {message}", path.display());
                assert!(message.contains(words), "{}: {message}", path.display());
            }
            other => panic!("{}: expected an input error, got {other:?}", path.display()),
        }
        assert_eq!(snapshot(&data), before, "{} changed the store", path.display());
    }
    // A file that does not exist is an I/O error naming it.
    let mut store = Store::open(&data).unwrap_or_else(|e| panic!("{e}"));
    let missing = tmp.path().join("missing.csv");
    assert!(matches!(store.import(Dataset::Sipri, &missing, &mut ()), Err(Error::Io { path, .. }) if path == missing));
    assert_eq!(snapshot(&data), before);
}

#[test]
fn an_empty_data_directory_is_an_empty_store() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = Store::open(tmp.path().join("nowhere")).unwrap_or_else(|e| panic!("{e}"));
    assert!(store.entries().is_empty());
    assert!(store.load_sipri().unwrap_or_else(|e| panic!("{e}")).is_empty());
    assert!(store.load_atop_members().unwrap_or_else(|e| panic!("{e}")).is_empty());
    assert!(!tmp.path().join("nowhere").exists(), "opening must not create anything");
    // A damaged manifest is an error, not an empty store.
    let root = tmp.path().join("damaged/datasets");
    std::fs::create_dir_all(&root).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(root.join("manifest.json"), b"{\"format\": 1, \"entries\": [").unwrap_or_else(|e| panic!("{e}"));
    assert!(matches!(
        Store::open(tmp.path().join("damaged")),
        Err(Error::Corrupt { .. })
    ));
}
