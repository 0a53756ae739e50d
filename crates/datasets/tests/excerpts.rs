//! Every reader on the excerpts kept in the repository (`fixtures/`, see its README): these run on
//! a clone alone. The complete files are read by the other tests of this crate, from
//! `../shared/fixtures`.

use entente_datasets::{atop, sipri, unvotes};
use entente_testkit::{excerpt, repo_root};
use std::io::BufReader;

fn open(rel: &str) -> BufReader<std::fs::File> {
    BufReader::new(std::fs::File::open(excerpt(rel)).expect("readable"))
}

#[test]
fn the_sipri_reader_on_the_register_excerpt() {
    let (deals, report) = sipri::read(
        "trade-register.excerpt.csv",
        open("sipri/trade-register.excerpt.csv"),
        &mut |_| {},
    )
    .expect("the excerpt reads");
    // 300 records, the one with a Windows-1252 byte, and one broken over two lines.
    assert_eq!(deals.len(), 302, "{report}");
    assert!(report.rejected.is_empty(), "{report}");
    assert_eq!(
        deals[0].line, 13,
        "the data start after the 11-line preamble and the header"
    );
    let bestmann = deals
        .iter()
        .find(|d| d.designation.starts_with("B") && d.designation.contains("181"))
        .expect("the Bü-181 row");
    assert_eq!(bestmann.designation, "Bü-181 Bestmann");
    let broken = deals
        .iter()
        .find(|d| d.lines == 2)
        .expect("the record broken over two lines");
    assert_eq!(broken.recipient_id.as_deref(), Some("CIV"));
    assert_eq!(broken.supplier_id.as_deref(), Some("USA"));
    assert_eq!(broken.tiv_order, Some(0.36));
}

#[test]
fn the_atop_readers_on_their_excerpts_and_the_shipped_member_file() {
    let (alliances, report) = atop::read_alliances(
        "atop-alliance-level.excerpt.csv",
        open("atop/atop-alliance-level.excerpt.csv"),
    )
    .unwrap();
    assert_eq!(alliances.len(), 102, "{report}");
    let nato = alliances.iter().find(|a| a.atopid == 3180).expect("NATO");
    assert_eq!(nato.begin.year, 1949);
    assert!(nato.obligations.defense && nato.members.contains(&2) && nato.members.contains(&200));
    let mdt = alliances.iter().find(|a| a.atopid == 3240).expect("US–ROK treaty");
    assert_eq!((mdt.begin.year, mdt.members.clone()), (1953, vec![2, 732]));
    let (sims, report) = atop::read_similarity("all-fp-sim.excerpt.csv", open("atop/all-fp-sim.excerpt.csv")).unwrap();
    assert!(sims.len() > 200 && sims.iter().any(|s| s.atopid == 3240), "{report}");
    let shipped = repo_root().join("data/datasets/atop-member-level.csv");
    let file = BufReader::new(std::fs::File::open(shipped).unwrap());
    let (members, report) = atop::read_members("atop-member-level.csv", file).unwrap();
    assert_eq!(members.len(), 2398, "{report}");
    assert!(report.rejected.is_empty());
}

#[test]
fn the_un_vote_reader_on_the_rok_excerpt() {
    let (file, report) = unvotes::read_country_file("732.csv", None, open("unvotes/732.excerpt.csv")).unwrap();
    assert_eq!(file.focal, 732);
    assert_eq!(file.rows.len(), 300, "{report}");
    assert_eq!(
        file.columns.len(),
        199,
        "every other country (the ROK's own column is its vote)"
    );
    // CRLF lines: the first data row is line 2, the last line 301.
    assert_eq!(file.rows[0].line, 2);
    assert_eq!(file.rows.last().unwrap().line, 301);
    assert!(file.rows.iter().any(|r| r.roll_call.year == 2020));
    let countries = std::fs::read_to_string(excerpt("unvotes/countries.csv")).unwrap();
    assert_eq!(countries.lines().count(), 201);
}
