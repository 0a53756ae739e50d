//! The ATOP readers on the real files (`../shared/fixtures/atop`, skipped when absent) and on
//! malformed input: every problem is a line-numbered rejection or error, never a panic.

use entente_datasets::atop::{read_alliances, read_members, read_similarity, AtopDate};
use entente_datasets::ImportError;
use std::fs::File;
use std::io::BufReader;

fn fixture(name: &str) -> Option<BufReader<File>> {
    let path = entente_testkit::shared(&format!("atop/{name}"))?;
    Some(BufReader::new(
        File::open(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
    ))
}

#[test]
fn alliance_level_file_imports_every_row() {
    let Some(r) = fixture("atop-alliance-level.csv") else {
        return;
    };
    let (alliances, report) = read_alliances("atop-alliance-level.csv", r).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        (report.rows_read, report.kept, report.rejected.len()),
        (745, 745, 0),
        "{report}"
    );
    let mut ids: Vec<u32> = alliances.iter().map(|a| a.atopid).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 745);
    assert_eq!(alliances.iter().filter(|a| a.cowid.is_some()).count(), 310);

    let nato = alliances
        .iter()
        .find(|a| a.atopid == 3180)
        .unwrap_or_else(|| panic!("NATO missing"));
    assert_eq!(
        nato.begin,
        AtopDate {
            year: 1949,
            month: 4,
            day: 4
        }
    );
    assert_eq!(nato.end, None, "NATO is ongoing (endyr 0)");
    assert!(nato.in_effect && nato.obligations.defense && !nato.bilateral);
    assert_eq!(nato.members.len(), 30);
    assert_eq!(&nato.members[..3], &[2, 20, 200]);
    assert!(nato.members.contains(&255) && nato.members.contains(&260));

    let first = &alliances[0];
    assert_eq!((first.atopid, first.line), (1005, 2));
    assert_eq!(
        first.end,
        Some(AtopDate {
            year: 1815,
            month: 2,
            day: 8
        })
    );
    assert_eq!(first.members, [200, 210, 220, 240, 245, 300]);
    // An empty end day is unknown (0), not an error.
    let a1035 = alliances
        .iter()
        .find(|a| a.atopid == 1035)
        .unwrap_or_else(|| panic!("1035"));
    assert_eq!(
        a1035.end,
        Some(AtopDate {
            year: 1822,
            month: 12,
            day: 0
        })
    );
}

#[test]
fn member_level_file_imports_every_row_and_the_us_rok_treaty() {
    let Some(r) = fixture("atop-member-level.csv") else {
        return;
    };
    let (members, report) = read_members("atop-member-level.csv", r).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        (report.rows_read, report.kept, report.rejected.len()),
        (2398, 2398, 0),
        "{report}"
    );
    let mut codes: Vec<u16> = members.iter().map(|m| m.member).collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), 208);
    assert_eq!(
        members.iter().filter(|m| m.exit.is_none()).count(),
        1062,
        "yrexit 0 = ongoing"
    );

    // The 1953 US–ROK Mutual Defense Treaty: ATOP 3240, both members, defence obligations.
    let us_rok: Vec<_> = members.iter().filter(|m| m.atopid == 3240).collect();
    assert_eq!(us_rok.len(), 2);
    for m in &us_rok {
        assert!([2, 732].contains(&m.member));
        assert_eq!(
            m.entry,
            AtopDate {
                year: 1953,
                month: 10,
                day: 1
            }
        );
        assert!(m.exit.is_none() && m.in_effect && m.obligations.defense && m.bilateral);
        assert!(m.covers_year(1953) && m.covers_year(2016) && !m.covers_year(1952));
    }
    // Phases: the German Confederation (1020) has three, each member once per phase.
    let hanover: Vec<_> = members.iter().filter(|m| m.atopid == 1020 && m.member == 240).collect();
    assert_eq!(hanover.iter().map(|m| m.phase).collect::<Vec<_>>(), [1, 2, 3]);
    assert_eq!(
        hanover[0].exit,
        Some(AtopDate {
            year: 1820,
            month: 5,
            day: 15
        })
    );
}

#[test]
fn similarity_table_reads_quoted_header_and_na() {
    let Some(r) = fixture("all-fp-sim.csv") else { return };
    let (rows, report) = read_similarity("all-fp-sim.csv", r).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        (report.rows_read, report.kept, report.rejected.len()),
        (13_941, 13_941, 0),
        "{report}"
    );
    assert_eq!(rows.iter().filter(|r| r.mean_s.is_none()).count(), 1453);
    assert_eq!(rows.iter().filter(|r| r.mean_pi.is_none()).count(), 119);
    let r = rows
        .iter()
        .find(|r| r.atopid == 1020 && r.year == 1816)
        .unwrap_or_else(|| panic!("1020/1816"));
    assert_eq!(r.mean_s, Some(0.577339935714286));
    assert_eq!(r.low_pi, Some(0.6461539));
    assert_eq!(r.line, 6);
}

const MEMBER_HEADER: &str = "atopid,member,cowsys,yrent,moent,dayent,yrexit,moexit,dayexit,ineffect,bilat,phase,maxphase,defense,offense,neutral,nonagg,consul,conditio";
const MEMBER_ROW: &str = "3240,2,1,1953,10,1,0,0,0,1,1,0,0,1,0,0,1,1,1";

fn members(text: &str) -> Result<(usize, Vec<(usize, String)>), ImportError> {
    read_members("test.csv", text.as_bytes()).map(|(rows, rep)| {
        (
            rows.len(),
            rep.rejected.into_iter().map(|r| (r.line, r.reason)).collect(),
        )
    })
}

#[test]
fn truncated_row_is_rejected_with_its_line() {
    let text = format!("{MEMBER_HEADER}\n{MEMBER_ROW}\n3240,732,1,1953\n{MEMBER_ROW}\n");
    let (kept, rejected) = members(&text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(kept, 2);
    assert_eq!(rejected.len(), 1);
    assert_eq!(rejected[0].0, 3);
    assert!(rejected[0].1.contains("expected 19 fields"), "{}", rejected[0].1);
}

#[test]
fn bad_number_is_rejected_with_line_and_column() {
    let bad = MEMBER_ROW.replacen("1953", "19x3", 1);
    let flag = MEMBER_ROW.replacen(",1,0,0,1,1,1", ",2,0,0,1,1,1", 1);
    let text = format!("{MEMBER_HEADER}\n{bad}\n{MEMBER_ROW}\n{flag}\n");
    let (kept, rejected) = members(&text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(kept, 1);
    assert_eq!(rejected[0].0, 2);
    assert!(
        rejected[0].1.contains("`yrent`") && rejected[0].1.contains("19x3"),
        "{}",
        rejected[0].1
    );
    assert_eq!(rejected[1].0, 4);
    assert!(
        rejected[1].1.contains("`defense`") && rejected[1].1.contains("not 0 or 1"),
        "{}",
        rejected[1].1
    );

    let (rows, report) = read_similarity(
        "s.csv",
        "atopid,year,mean.s.sc,low.s.sc,mean.pi.sc,low.pi.sc,mean.kap.sc,low.kap.sc\n1,1900,0.5,abc,NA,NA,NA,NA\n"
            .as_bytes(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(rows.is_empty());
    assert_eq!(report.rejected[0].line, 2);
    assert!(report.rejected[0].reason.contains("`low.s.sc`"));
}

#[test]
fn duplicate_header_column_is_a_format_error_at_line_1() {
    let text = format!("{MEMBER_HEADER},phase\n{MEMBER_ROW},0\n");
    match members(&text) {
        Err(ImportError::Format { line: 1, message }) => {
            assert!(message.contains("duplicated column `phase`"), "{message}")
        }
        other => panic!("expected a format error, got {other:?}"),
    }
}

#[test]
fn missing_header_column_is_a_format_error_at_line_1() {
    let text = format!("{}\n{MEMBER_ROW}\n", MEMBER_HEADER.replace(",consul", ",consult"));
    match members(&text) {
        Err(ImportError::Format { line: 1, message }) => {
            assert!(message.contains("missing column `consul`"), "{message}")
        }
        other => panic!("expected a format error, got {other:?}"),
    }
    match read_alliances("a.csv", "atopid,begyr\n1,1900\n".as_bytes()) {
        Err(ImportError::Format { line: 1, .. }) => {}
        other => panic!("expected a format error, got {other:?}"),
    }
}

#[test]
fn empty_file_is_a_format_error_at_line_1() {
    for text in ["", "\n"] {
        assert!(
            matches!(members(text), Err(ImportError::Format { line: 1, .. })),
            "{text:?}"
        );
        assert!(matches!(
            read_alliances("a", text.as_bytes()),
            Err(ImportError::Format { line: 1, .. })
        ));
        assert!(matches!(
            read_similarity("s", text.as_bytes()),
            Err(ImportError::Format { line: 1, .. })
        ));
    }
    // A header alone is an empty table, not an error.
    let (kept, rejected) = members(MEMBER_HEADER).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((kept, rejected.len()), (0, 0));
}

#[test]
fn odd_but_readable_input() {
    // CRLF endings, a byte-order mark, blank lines, pandas-style floats and an exit before entry.
    let back = MEMBER_ROW.replacen(",0,0,0,1,1,0,0,", ",1950,1,1,1,1,0,0,", 1);
    let text = format!(
        "\u{feff}{MEMBER_HEADER}\r\n\r\n{}\r\n{back}\r\n",
        MEMBER_ROW.replacen("1953", "1953.0", 1)
    );
    let (kept, rejected) = members(&text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(kept, 1);
    assert_eq!(rejected.len(), 1);
    assert_eq!(rejected[0].0, 4);
    assert!(rejected[0].1.contains("before entry"), "{}", rejected[0].1);
    // Bytes that are not UTF-8 reject the row, not the file.
    let mut bytes = format!("{MEMBER_HEADER}\n").into_bytes();
    bytes.extend_from_slice(b"\xff\xfe,1\n");
    let (rows, report) = read_members("b", &bytes[..]).unwrap_or_else(|e| panic!("{e}"));
    assert!(rows.is_empty());
    assert_eq!(report.rejected[0].line, 2);
}

/// A small deterministic stand-in for the fuzz target: every prefix of a valid file, and every
/// single-byte corruption of it, reads without a panic.
#[test]
fn corrupted_and_cut_input_never_panics() {
    let text = format!("{MEMBER_HEADER}\n{MEMBER_ROW}\n\"3240\",732,1,1953,10,,0,0,0,1,1,0,0,1,0,0,1,1,1\n");
    let bytes = text.as_bytes();
    for cut in 0..=bytes.len() {
        let _ = read_members("cut", &bytes[..cut]);
        let _ = read_alliances("cut", &bytes[..cut]);
        let _ = read_similarity("cut", &bytes[..cut]);
    }
    for pos in 0..bytes.len() {
        for b in [b',', b'"', b'\n', b'\r', b'x', b'9', b'-', 0xff, 0xc3] {
            let mut v = bytes.to_vec();
            v[pos] = b;
            if let Ok((rows, report)) = read_members("bad", &v[..]) {
                assert_eq!(rows.len() + report.rejected.len(), report.rows_read);
            }
        }
    }
}
