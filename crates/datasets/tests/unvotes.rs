//! UN General Assembly votes: the un-project per-country files (row accounting, known values, the
//! agreement codes checked against both countries' raw votes), the long layout, and a
//! line-numbered error (never a panic) for each kind of malformed input.

use entente_datasets::codes::Crosswalk;
use entente_datasets::unvotes::{read_country_file, read_long, AgreementCode, CountryFile, Vote};
use entente_datasets::{ImportError, ImportReport};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::OnceLock;

fn fixture(rel: &str) -> Option<PathBuf> {
    entente_testkit::shared(rel)
}

fn country_file(ccode: u16) -> Option<(CountryFile, ImportReport)> {
    let path = fixture(&format!("unvotes/{ccode}.csv"))?;
    let file = std::fs::File::open(&path).expect("readable");
    Some(read_country_file(&path.display().to_string(), None, std::io::BufReader::new(file)).expect("reads"))
}

type Read = (CountryFile, ImportReport);

/// Both files, read once for all the tests of this binary (they are 7 MB, slow in a debug build).
fn both() -> Option<&'static (Read, Read)> {
    static FILES: OnceLock<Option<(Read, Read)>> = OnceLock::new();
    let files = FILES.get_or_init(|| match (country_file(732), country_file(731)) {
        (Some(rok), Some(dprk)) => Some((rok, dprk)),
        _ => None,
    });
    if files.is_none() {
        eprintln!("skipping: ../shared/fixtures absent");
    }
    files.as_ref()
}

fn cw() -> &'static Crosswalk {
    Crosswalk::shipped().expect("crosswalk")
}

// --- The per-country files ----------------------------------------------------------------

#[test]
fn every_row_is_accounted_for() {
    let Some(((rok, r1), (dprk, r2))) = both() else { return };
    let (rok, dprk) = (rok, dprk);
    for (file, report) in [(rok, r1), (dprk, r2)] {
        assert_eq!((report.rows_read, report.kept), (6_299, 6_299), "{report}");
        assert!(report.rejected.is_empty(), "{report}");
        assert_eq!(file.columns.len(), 199, "200 country columns, less the focal one");
        let first = &file.rows[0];
        let last = &file.rows[file.rows.len() - 1];
        assert_eq!(
            (first.line, first.roll_call.rcid, first.roll_call.date.to_string()),
            (2, 3, "1946-01-01".into())
        );
        assert_eq!(
            (last.line, last.roll_call.rcid, last.roll_call.date.to_string()),
            (6_300, 9_199, "2020-12-07".into())
        );
        let sessions: Vec<u32> = file.rows.iter().map(|r| r.roll_call.session).collect();
        assert_eq!((sessions.iter().min(), sessions.iter().max()), (Some(&1), Some(&75)));
        let mut important = BTreeMap::new();
        for r in &file.rows {
            *important.entry(format!("{:?}", r.roll_call.importantvote)).or_insert(0) += 1;
        }
        assert_eq!(important.get("Some(false)"), Some(&5_187));
        assert_eq!(important.get("None"), Some(&701));
        assert_eq!(important.get("Some(true)"), Some(&411));
    }
    assert_eq!((rok.focal, dprk.focal), (732, 731));
    let tally = |f: &CountryFile| {
        let mut t = BTreeMap::new();
        for r in &f.rows {
            *t.entry(r.vote.code()).or_insert(0) += 1;
        }
        t.into_iter().collect::<Vec<_>>()
    };
    assert_eq!(tally(rok), [(1, 1_668), (2, 678), (3, 255), (8, 60), (9, 3_638)]);
    assert_eq!(tally(dprk), [(1, 1_725), (2, 238), (3, 228), (8, 470), (9, 3_638)]);
}

#[test]
fn the_usa_column() {
    let Some(((rok, _), (dprk, _))) = both() else { return };
    let tally = |f: &CountryFile| {
        let mut t = [0; 4];
        for r in &f.rows {
            match f.code(r, 2) {
                Some(AgreementCode::Same) => t[0] += 1,
                Some(AgreementCode::OneAbstained) => t[1] += 1,
                Some(AgreementCode::Opposite) => t[2] += 1,
                None => t[3] += 1,
            }
        }
        t
    };
    assert_eq!(tally(rok), [955, 822, 816, 3_706]);
    assert_eq!(tally(dprk), [165, 467, 1_554, 4_113]);
}

#[test]
fn agreement_is_symmetric() {
    let Some(((rok, _), (dprk, _))) = both() else { return };
    let mut non_empty = 0;
    for (a, b) in rok.rows.iter().zip(&dprk.rows) {
        assert_eq!(a.roll_call, b.roll_call, "line {}: same metadata in both files", a.line);
        assert_eq!(rok.code(a, 731), dprk.code(b, 732), "line {}", a.line);
        non_empty += usize::from(rok.code(a, 731).is_some());
    }
    assert_eq!(non_empty, 2_160);
}

/// The two raw-vote columns (ROK's own in 732.csv, the DPRK's in 731.csv) reproduce the reference
/// agreement code on every roll call where both voted, and the code is empty on all others.
#[test]
fn raw_votes_reproduce_the_agreement_codes() {
    let Some(((rok, _), (dprk, _))) = both() else { return };
    let mut both_voted = 0;
    for (a, b) in rok.rows.iter().zip(&dprk.rows) {
        let expected = AgreementCode::between(a.vote, b.vote);
        assert_eq!(
            rok.code(a, 731),
            expected,
            "line {}: {:?} vs {:?}",
            a.line,
            a.vote,
            b.vote
        );
        assert_eq!(dprk.code(b, 732), expected, "line {}", b.line);
        both_voted += usize::from(expected.is_some());
        // Absent or not a member: the whole row is empty.
        if !a.vote.is_cast() {
            assert!(a.codes.iter().all(Option::is_none), "line {}", a.line);
        }
    }
    assert_eq!(both_voted, 2_160);
}

#[test]
fn text_fields_are_kept_as_published() {
    let Some(((rok, _), _)) = both() else { return };
    let by_rcid = |rcid| rok.rows.iter().find(|r| r.roll_call.rcid == rcid).expect("roll call");
    let att = by_rcid(5_247);
    assert_eq!(
        att.roll_call.descr, "The Arms Trade Treaty\u{c2}\u{a0}",
        "the double-encoded NBSP stays"
    );
    assert_eq!(att.roll_call.unres, "R/67/234");
    assert_eq!(att.roll_call.date.to_string(), "2012-12-24");
    let quoted = by_rcid(5);
    assert!(
        quoted.roll_call.descr.ends_with("MAJORITY VOTE.\\\"\""),
        "{}",
        quoted.roll_call.descr
    );
    assert_eq!(quoted.roll_call.short, "VOTING PROCEDURE");
    let first = by_rcid(3);
    assert_eq!(first.roll_call.short, "AMENDMENTS, RULES OF PROCEDURE");
    assert_eq!(
        (first.roll_call.yes, first.roll_call.no, first.roll_call.abstain),
        (Some(29), Some(18), Some(4))
    );
    assert_eq!((first.roll_call.amend, first.roll_call.para), (Some(true), Some(false)));
    let last = rok.rows.last().expect("rows");
    assert_eq!(last.roll_call.no, None, "NA");
}

#[test]
fn countries_resolve_on_the_roll_call_date() {
    let Some(((rok, _), _)) = both() else { return };
    let cw = cw();
    let ids_on = |rcid: u32| {
        let row = rok.rows.iter().find(|r| r.roll_call.rcid == rcid).expect("roll call");
        rok.agreements(cw, row)
            .map(|a| (a.cow, a.id.map(str::to_string)))
            .collect::<BTreeMap<_, _>>()
    };
    // Every code in the file belongs to a country the crosswalk resolves on that date.
    for row in &rok.rows {
        assert_eq!(rok.focal_id(cw, row), Some("KOR"));
        for a in rok.agreements(cw, row) {
            assert!(
                a.id.is_some(),
                "line {}: COW {} unresolved on {}",
                row.line,
                a.cow,
                row.roll_call.date
            );
        }
    }
    let first_session = rok
        .rows
        .iter()
        .find(|r| r.roll_call.year == 1991 && r.vote.is_cast())
        .expect("1991 vote");
    let ids = ids_on(first_session.roll_call.rcid);
    assert_eq!(ids.get(&365), Some(&Some("SUN".to_string())));
    assert_eq!(ids.get(&345), Some(&Some("YUG".to_string())));
    assert_eq!(ids.get(&315), Some(&Some("CSK".to_string())));
    assert_eq!(ids.get(&255), Some(&Some("DEU".to_string())));
    // (The FRY was not seated in the General Assembly from 1992 to 2000: 345 is empty then.)
    let later = rok
        .rows
        .iter()
        .find(|r| r.roll_call.year == 2010 && r.vote.is_cast())
        .expect("2010 vote");
    let ids = ids_on(later.roll_call.rcid);
    assert_eq!(ids.get(&365), Some(&Some("RUS".to_string())));
    assert_eq!(ids.get(&345), Some(&Some("SRB".to_string())));
    assert_eq!(ids.get(&316), Some(&Some("CZE".to_string())));
    assert_eq!(ids.get(&679), Some(&Some("YEM".to_string())));
}

// --- Malformed per-country files ----------------------------------------------------------

const META: &str =
    "rcid,year,session,abstain,yes,no,importantvote,date,unres,amend,para,short,descr,me,nu,di,hr,co,ec,ident,resid";
const ROW: &str = "3,1946,1,4,29,18,0,1946-01-01,R/1/66,1,0,\"AMENDMENTS, RULES\",\"TO ADOPT\",0,0,0,0,0,0,0,1001";

fn per_country(body: &str) -> String {
    format!("{META},2,732,731\r\n{body}")
}

fn read_pc(text: &[u8]) -> Result<(CountryFile, ImportReport), ImportError> {
    read_country_file("732.csv", None, text)
}

fn pc_ok(text: &str) -> (CountryFile, ImportReport) {
    read_pc(text.as_bytes()).expect("readable")
}

fn format_error<T>(r: Result<T, ImportError>) -> (usize, String) {
    match r {
        Err(ImportError::Format { line, message }) => (line, message),
        Err(e) => panic!("unexpected {e}"),
        Ok(_) => panic!("expected an error"),
    }
}

fn assert_rejected(report: &ImportReport, line: usize, needle: &str) {
    assert_eq!(report.rejected.len(), 1, "{report}");
    assert_eq!(report.rejected[0].line, line, "{report}");
    assert!(report.rejected[0].reason.contains(needle), "{report}");
    assert_eq!(report.rows_read, report.kept + 1, "{report}");
}

#[test]
fn a_good_per_country_sample() {
    let (file, report) = pc_ok(&per_country(&format!(
        "{ROW},2,1,-1\r\n{}\r\n",
        ROW.replacen("3,", "4,", 1) + ",,9,"
    )));
    assert_eq!((report.rows_read, report.kept), (2, 2), "{report}");
    assert_eq!(file.columns, [2, 731]);
    assert_eq!(file.rows[0].vote, Vote::Yes);
    assert_eq!(
        file.rows[0].codes,
        [Some(AgreementCode::Same), Some(AgreementCode::OneAbstained)]
    );
    assert_eq!(file.rows[1].vote, Vote::NotMember);
    assert_eq!(file.rows[0].roll_call.short, "AMENDMENTS, RULES");
}

#[test]
fn per_country_empty_file() {
    assert_eq!(format_error(read_pc(b"")), (1, "empty file".to_string()));
}

#[test]
fn per_country_missing_and_duplicate_columns() {
    let (line, msg) = format_error(read_pc(per_country("").replace("rcid,", "").as_bytes()));
    assert_eq!(line, 1);
    assert!(msg.contains("missing column 'rcid'"), "{msg}");
    let (_, msg) = format_error(read_pc(format!("{META},2,731\r\n").as_bytes()));
    assert!(msg.contains("missing column '732'"), "{msg}");
    let (line, msg) = format_error(read_pc(format!("{META},2,732,2\r\n").as_bytes()));
    assert_eq!(line, 1);
    assert!(msg.contains("duplicate column '2' (columns 22 and 24)"), "{msg}");
    let (_, msg) = format_error(read_country_file("votes.csv", None, per_country("").as_bytes()));
    assert!(msg.contains("cannot tell the focal country"), "{msg}");
    // Naming the focal country explicitly works whatever the file is called.
    let (file, _) = read_country_file(
        "votes.csv",
        Some(732),
        per_country(&format!("{ROW},2,1,2\r\n")).as_bytes(),
    )
    .expect("readable");
    assert_eq!(file.focal, 732);
}

#[test]
fn per_country_truncated_row() {
    let (file, report) = pc_ok(&per_country(&format!("{ROW},2,1\r\n{ROW},2,1,2\r\n")));
    assert_rejected(&report, 2, "expected 24 fields, found 23");
    assert_eq!(file.rows[0].line, 3);
}

#[test]
fn per_country_wrong_encoding() {
    let mut bytes = per_country(&format!("{ROW},2,1,2\r\n")).into_bytes();
    let bad = ROW.replace("TO ADOPT", "TO \u{1}DOPT").into_bytes();
    bytes.extend(bad.iter().map(|&b| if b == 1 { 0xe9 } else { b }));
    bytes.extend_from_slice(b",2,1,2\r\n");
    let (_, report) = read_pc(&bytes).expect("readable");
    assert_rejected(&report, 3, "invalid UTF-8 in column 'descr'");
    let mut header = per_country("").into_bytes();
    header[1] = 0xff;
    let (line, msg) = format_error(read_pc(&header));
    assert_eq!(line, 1);
    assert!(msg.contains("UTF-8"), "{msg}");
}

#[test]
fn per_country_bad_numbers_and_codes() {
    let cases = [
        (
            format!("{},2,1,2", ROW.replacen("3,", "x3,", 1)),
            "column 'rcid': 'x3' is not a number",
        ),
        (
            format!("{},2,1,2", ROW.replace("1946-01-01", "1946-02-30")),
            "column 'date': '1946-02-30'",
        ),
        (
            format!("{},2,1,2", ROW.replace(",0,1946", ",2,1946")),
            "column 'importantvote': '2'",
        ),
        (format!("{ROW},3,1,2"), "column '2': '3' is not an agreement code"),
        (format!("{ROW},2,4,2"), "column '732' (the focal country's vote): '4'"),
        (
            format!("{},2,1,2", ROW.replace(",29,", ",2 9,")),
            "column 'yes': '2 9' is not a number",
        ),
    ];
    for (row, needle) in cases {
        let (_, report) = pc_ok(&per_country(&format!("{ROW},2,1,2\r\n{row}\r\n")));
        assert_rejected(&report, 3, needle);
    }
}

// --- The long layout -----------------------------------------------------------------------

fn long(text: &str) -> (Vec<entente_datasets::unvotes::CountryVote>, ImportReport) {
    read_long("votes.csv", text.as_bytes()).expect("readable")
}

#[test]
fn long_layout_with_words_and_iso2_codes() {
    // The `unvotes` R package's layout.
    let (votes, report) = long(
        "rcid,country,country_code,vote\n3,United States,US,yes\n3,Canada,CA,no\n5,Republic of Korea,KR,abstain\n",
    );
    assert_eq!((report.rows_read, report.kept), (3, 3), "{report}");
    let got: Vec<(u32, Option<&str>, Vote)> = votes
        .iter()
        .map(|v| (v.rcid, v.country_id.as_deref(), v.vote))
        .collect();
    assert_eq!(
        got,
        [
            (3, Some("USA"), Vote::Yes),
            (3, Some("CAN"), Vote::No),
            (5, Some("KOR"), Vote::Abstain)
        ]
    );
    assert_eq!(votes[0].line, 2);
}

#[test]
fn long_layout_with_cow_numbers_and_years() {
    // Voeten's raw layout: COW numbers, numeric votes, a year to read the codes at.
    let (votes, report) = long("rcid,ccode,member,vote,year\n10,365,1,1,1980\n9000,365,1,3,2019\n9000,732,1,8,2019\n");
    assert_eq!(report.kept, 3, "{report}");
    let got: Vec<(Option<u16>, Option<&str>, Vote)> =
        votes.iter().map(|v| (v.cow, v.country_id.as_deref(), v.vote)).collect();
    assert_eq!(
        got,
        [
            (Some(365), Some("SUN"), Vote::Yes),
            (Some(365), Some("RUS"), Vote::No),
            (Some(732), Some("KOR"), Vote::Absent)
        ]
    );
}

#[test]
fn long_layout_without_header() {
    let (votes, report) = long("3,2,1\n3,732,3\n");
    assert_eq!((report.rows_read, report.kept), (2, 2), "{report}");
    assert_eq!(
        (votes[0].line, votes[1].vote, votes[1].country_id.as_deref()),
        (1, Vote::No, Some("KOR"))
    );
}

#[test]
fn long_layout_malformed() {
    assert_eq!(
        format_error(read_long("v.csv", &b""[..])),
        (1, "empty file".to_string())
    );
    let (line, msg) = format_error(read_long("v.csv", &b"rcid,ccode,choice\n3,2,1\n"[..]));
    assert_eq!(line, 1);
    assert!(msg.contains("missing column vote"), "{msg}");
    let (_, msg) = format_error(read_long("v.csv", &b"rcid,ccode,vote,vote\n"[..]));
    assert!(msg.contains("duplicate column 'vote'"), "{msg}");
    let head = "rcid,ccode,vote\n3,2,yes\n";
    let (_, report) = long(&format!("{head}3,732\n"));
    assert_rejected(&report, 3, "expected 3 fields, found 2");
    let (_, report) = long(&format!("{head}x,732,yes\n"));
    assert_rejected(&report, 3, "column 'rcid': 'x' is not a roll-call number");
    let (_, report) = long(&format!("{head}3,732,perhaps\n"));
    assert_rejected(&report, 3, "column 'vote': 'perhaps' is not a vote");
    let (_, report) = long(&format!("{head}3,732,NA\n"));
    assert_rejected(&report, 3, "column 'vote' is empty");
    let mut bytes = head.as_bytes().to_vec();
    bytes.extend_from_slice(b"3,C\xf4te,yes\n");
    let (_, report) = read_long("v.csv", &bytes[..]).expect("readable");
    assert_rejected(&report, 3, "invalid UTF-8 in field 2");
}

/// A small deterministic fuzz: mutated files never panic, and every row is kept or rejected.
#[test]
fn mutations_never_panic() {
    let base = per_country(&format!("{ROW},2,1,-1\r\n{ROW},,9,\r\n")).into_bytes();
    let long_base = b"rcid,ccode,vote,year\n3,2,yes\n4,732,3,1991\n".to_vec();
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n.max(1) as u64) as usize
    };
    let alphabet = b",;\"\r\n-0123456789NA \xc3\xff\0";
    for i in 0..3000 {
        let mut bytes = if i % 2 == 0 { base.clone() } else { long_base.clone() };
        for _ in 0..1 + next(4) {
            if bytes.is_empty() {
                break;
            }
            let at = next(bytes.len());
            match next(4) {
                0 => bytes[at] = alphabet[next(alphabet.len())],
                1 => {
                    bytes.remove(at);
                }
                2 => bytes.insert(at, alphabet[next(alphabet.len())]),
                _ => bytes.truncate(at),
            }
        }
        if i % 2 == 0 {
            if let Ok((file, report)) = read_pc(&bytes) {
                assert_eq!(report.rows_read, report.kept + report.rejected.len());
                assert_eq!(file.rows.len(), report.kept);
            }
        } else if let Ok((votes, report)) = read_long("v.csv", &bytes[..]) {
            assert_eq!(report.rows_read, report.kept + report.rejected.len());
            assert_eq!(votes.len(), report.kept);
        }
    }
}

#[test]
fn line_numbers_hold_on_crlf_files_with_blank_lines() {
    // Blank CRLF lines before a bad row used to make its line one short per blank line.
    let (votes, report) = long("rcid,ccode,vote\r\n\r\n3,2,yes\r\n\r\n3,732\r\n4,2,no\r\n");
    assert_rejected(&report, 5, "expected 3 fields, found 2");
    assert_eq!(votes.iter().map(|v| v.line).collect::<Vec<_>>(), vec![3, 6]);
    let (file, report) = pc_ok(&per_country(&format!("\r\n{ROW},2,1,2\r\n\r\n{ROW},2,1\r\n")));
    assert_rejected(&report, 5, "expected 24 fields, found 23");
    assert_eq!(file.rows[0].line, 3);
    // A quoted field over two CRLF lines, then a bad row: the row's own line.
    let two_lines = ROW.replace("TO ADOPT", "TO\r\nADOPT");
    let (_, report) = pc_ok(&per_country(&format!("{two_lines},2,1,2\r\n{ROW},2,1\r\n")));
    assert_rejected(&report, 4, "expected 24 fields, found 23");
    // Lone CR line ends (old Mac files) count as lines too.
    let (_, report) = long("rcid,ccode,vote\r3,2,yes\r3,732\r");
    assert_rejected(&report, 3, "expected 3 fields, found 2");
}
