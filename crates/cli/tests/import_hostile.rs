//! `entente import gdelt2` on files that are not GDELT: an error naming the file, exit status 1,
//! and nothing recorded in the lake, so that the right file imports afterwards.

mod support;

use support::{entente, failed, ok, temp_dir};

#[test]
fn a_file_without_a_valid_row_fails_the_import_and_is_not_recorded() {
    let dir = temp_dir("import-hostile");
    let atop = dir.join("atop-member-level.csv");
    std::fs::write(&atop, "atopid,member,yrent,moent\n1005,200,1815,11\n1005,220,1815,11\n").expect("write");
    let empty = dir.join("empty.export.CSV");
    std::fs::write(&empty, b"").expect("write");
    for f in [&atop, &empty] {
        let err = failed(&entente(&["import", "gdelt2", f.to_str().expect("utf-8 path")], &dir));
        assert!(err.contains(&f.display().to_string()), "{err}");
        assert!(err.contains("GDELT 2.0 event row"), "{err}");
    }
    let good = dir.join("good.export.CSV");
    let g = entente_event_gen::Generator::shipped(1, entente_events::Day::parse("2019-10-24").expect("day"), 100)
        .expect("generator");
    let mut bytes = Vec::new();
    g.write_tsv(&mut bytes, 30).expect("rows");
    std::fs::write(&good, bytes).expect("write");
    ok(&entente(
        &["import", "gdelt2", good.to_str().expect("utf-8 path")],
        &dir,
    ));
    let manifest = std::fs::read_to_string(dir.join("lake/manifest.json")).expect("manifest");
    assert!(manifest.contains("good.export.CSV"));
    assert!(!manifest.contains("atop-member-level.csv") && !manifest.contains("empty.export.CSV"));
    let _ = std::fs::remove_dir_all(&dir);
}
