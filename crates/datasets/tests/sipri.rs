//! The SIPRI trade register reader: exact row accounting on the real file, known rows, and a
//! line-numbered error (never a panic) for each kind of malformed input.

use entente_datasets::sipri::{read, Deal, PartyKind, Status};
use entente_datasets::{ImportError, ImportReport};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::OnceLock;

fn fixture(rel: &str) -> Option<PathBuf> {
    entente_testkit::shared(rel)
}

/// The register, read once for all the tests of this binary; with the last progress report.
fn register() -> Option<&'static (Vec<Deal>, ImportReport, u64)> {
    static REGISTER: OnceLock<Option<(Vec<Deal>, ImportReport, u64)>> = OnceLock::new();
    let read_once = REGISTER.get_or_init(|| {
        let path = fixture("sipri/trade-register.csv")?;
        let file = std::fs::File::open(&path).expect("readable");
        let mut last = 0;
        let (deals, report) =
            read("trade-register.csv", std::io::BufReader::new(file), &mut |b| last = b).expect("the register reads");
        Some((deals, report, last))
    });
    if read_once.is_none() {
        eprintln!("skipping: ../shared/fixtures absent");
    }
    read_once.as_ref()
}

const HEADER: &str = "Recipient,Supplier,Year of order, ,Number ordered, ,Weapon designation,Weapon description,Number delivered, ,Year(s) of delivery,status,Comments,SIPRI TIV per unit,SIPRI TIV for total order,SIPRI TIV of delivered weapons\n";
const PREAMBLE: &str = "Transfers of major conventional arms\nA '?' in a column indicates uncertain data.\n\n";
const GOOD: &str =
    "Poland,South Korea,2022,,180,,K2 Black Panther,tank,84,,2022; 2023; 2024,New,$3.3 b deal,4.75,855,399\n";

/// A register with the preamble (lines 1–3), the header (line 4) and `body` from line 5.
fn sample(body: &str) -> String {
    format!("{PREAMBLE}{HEADER}{body}")
}

fn read_bytes(bytes: &[u8]) -> Result<(Vec<Deal>, ImportReport), ImportError> {
    read("sample.csv", bytes, &mut |_| {})
}

fn read_ok(text: &str) -> (Vec<Deal>, ImportReport) {
    read_bytes(text.as_bytes()).expect("readable")
}

fn format_error(r: Result<(Vec<Deal>, ImportReport), ImportError>) -> (usize, String) {
    match r {
        Err(ImportError::Format { line, message }) => (line, message),
        Err(e) => panic!("unexpected error {e}"),
        Ok((_, report)) => panic!("expected an error, got {report}"),
    }
}

/// One rejection at `line` whose reason contains `needle`; the good rows around it are kept.
fn assert_rejected(report: &ImportReport, line: usize, needle: &str) {
    assert_eq!(report.rejected.len(), 1, "{report}");
    assert_eq!(report.rejected[0].line, line, "{report}");
    assert!(report.rejected[0].reason.contains(needle), "{report}");
    assert_eq!(report.rows_read, report.kept + 1);
}

// --- The real register ----------------------------------------------------------------------

#[test]
fn every_record_is_accounted_for() {
    let Some((deals, report, progress)) = register() else {
        return;
    };
    // 29,531 lines = 11 of preamble + 1 header + 29,519 of data, of which 4 are the second halves
    // of broken records: 29,515 records. (SOURCE.md says 29,516 and 29,512 full lines, but its own
    // status counts add up to 29,511 full lines, and 29,511 + 4 = 29,515.)
    assert_eq!(report.rows_read, 29_515, "{report}");
    assert_eq!(report.kept, 29_515);
    assert!(report.rejected.is_empty(), "{report}");
    assert_eq!(deals.len(), 29_515);
    assert_eq!(*progress, 3_845_731, "progress ends at the file size");

    let mut status = BTreeMap::new();
    for d in deals {
        *status.entry(format!("{:?}", d.status)).or_insert(0) += 1;
    }
    // SOURCE.md's 22,010 New leave out the 4 broken records, all New.
    assert_eq!(status.get("New"), Some(&22_014));
    assert_eq!(status.get("SecondHand"), Some(&6_991));
    assert_eq!(status.get("SecondHandModernized"), Some(&510));

    let count = |f: fn(&Deal) -> bool| deals.iter().filter(|&d| f(d)).count();
    assert_eq!(count(|d| d.order_year_uncertain), 15_581);
    assert_eq!(count(|d| d.ordered_uncertain), 12_310);
    assert_eq!(count(|d| d.delivered_uncertain), 2_595);
    assert_eq!(count(|d| d.ordered.is_none()), 280);
    assert_eq!(count(|d| d.delivery_years.is_empty()), 1_166);
    assert_eq!(deals.iter().filter_map(|d| d.order_year).min(), Some(1940));
    assert_eq!(deals.iter().filter_map(|d| d.order_year).max(), Some(2024));
    let recipients: BTreeSet<&str> = deals.iter().map(|d| &*d.recipient).collect();
    let suppliers: BTreeSet<&str> = deals.iter().map(|d| &*d.supplier).collect();
    assert_eq!((recipients.len(), suppliers.len()), (254, 136));
    let delivered: f64 = deals.iter().filter_map(|d| d.tiv_delivered).sum();
    assert!((delivered - 2_092_211.45).abs() < 1e-6, "{delivered}");
}

#[test]
fn the_2022_polish_k2_order() {
    let Some((deals, _, _)) = register() else { return };
    let k2: Vec<&Deal> = deals
        .iter()
        .filter(|d| &*d.recipient == "Poland" && &*d.supplier == "South Korea" && d.designation == "K2 Black Panther")
        .collect();
    assert_eq!(k2.len(), 2, "the executed order and the 820-tank framework");
    let order = k2.iter().find(|d| d.ordered == Some(180)).expect("the 180-tank order");
    assert_eq!(order.line, 20_141);
    assert_eq!(
        (order.recipient_id.as_deref(), order.supplier_id.as_deref()),
        (Some("POL"), Some("KOR"))
    );
    assert_eq!(
        (order.order_year, order.order_year_uncertain, order.ordered_uncertain),
        (Some(2022), false, false)
    );
    assert_eq!(order.description, "tank");
    assert_eq!(order.delivered, Some(84));
    assert_eq!(order.delivery_years, [2022, 2023, 2024]);
    assert_eq!(order.status, Status::New);
    assert!(order
        .comments
        .starts_with("$3.3 b deal; incl production under licence in Poland"));
    assert_eq!(
        (order.tiv_per_unit, order.tiv_order, order.tiv_delivered),
        (Some(4.75), Some(855.0), Some(399.0))
    );
    let framework = k2.iter().find(|d| d.ordered == Some(820)).expect("the framework");
    assert_eq!(framework.line, 20_146);
    assert!(framework.order_year_uncertain && framework.ordered_uncertain);
    assert!(framework.delivery_years.is_empty());
    assert_eq!(framework.tiv_delivered, Some(0.0));
}

#[test]
fn the_four_broken_records_are_rejoined() {
    let Some((deals, _, _)) = register() else { return };
    let joined: Vec<&Deal> = deals.iter().filter(|d| d.lines == 2).collect();
    let seen: Vec<(usize, &str, &str, Option<i32>, &str)> = joined
        .iter()
        .map(|d| {
            (
                d.line,
                &*d.recipient,
                &*d.supplier,
                d.order_year,
                d.designation.as_str(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            (5_432, "Cote d'Ivoire", "United States", Some(2024), "vehicle engine"),
            (21_488, "Saudi Arabia", "Germany", Some(2024), "ship engine"),
            (25_178, "Thailand", "Ukraine", Some(2008), "BTR-3"),
            (27_955, "United Nations**", "Israel", Some(2015), "Hermes-900"),
        ]
    );
    let tivs: Vec<_> = joined
        .iter()
        .map(|d| (d.tiv_per_unit, d.tiv_order, d.tiv_delivered))
        .collect();
    assert_eq!(
        tivs,
        [
            (Some(0.03), Some(0.36), Some(0.0)),
            (Some(1.5), Some(18.0), Some(0.0)),
            (Some(0.25), Some(3.5), Some(3.25)),
            (Some(3.0), Some(9.0), Some(9.0)),
        ]
    );
    // The comment is whole, without the stray line break (two were CRLF, two LF).
    assert!(
        joined[2].comments.ends_with("redesign for other engines"),
        "{}",
        joined[2].comments
    );
    assert!(joined
        .iter()
        .all(|d| !d.comments.contains('\r') && !d.comments.ends_with('\n')));
    assert_eq!(joined[3].recipient_id.as_deref(), Some("UN"));
}

#[test]
fn latin1_text_is_decoded() {
    let Some((deals, _, _)) = register() else { return };
    let bu = deals.iter().find(|d| d.line == 446).expect("line 446");
    assert_eq!(bu.designation, "Bü-181 Bestmann");
    assert!(deals.iter().any(|d| d.comments.contains("Türkiye")));
}

#[test]
fn parties_resolve_to_entente_actors() {
    let Some((deals, _, _)) = register() else { return };
    let mut by_kind: BTreeMap<(String, String), Option<String>> = BTreeMap::new();
    for d in deals {
        for (name, id, kind) in [
            (&d.recipient, &d.recipient_id, d.recipient_kind),
            (&d.supplier, &d.supplier_id, d.supplier_kind),
        ] {
            by_kind.insert(
                (format!("{kind:?}"), name.to_string()),
                id.as_deref().map(str::to_string),
            );
        }
    }
    let get = |kind: &str, name: &str| by_kind.get(&(kind.to_string(), name.to_string())).cloned();
    for (name, id) in [
        ("NATO**", "NATO"),
        ("United Nations**", "UN"),
        ("European Union**", "EU"),
        ("African Union**", "AU"),
        ("OSCE**", "OSCE"),
        ("Regional Security System**", "RSS"),
    ] {
        assert_eq!(get("Organisation", name), Some(Some(id.to_string())), "{name}");
    }
    for (name, id) in [
        ("Soviet Union", "SUN"),
        ("Russia", "RUS"),
        ("East Germany (GDR)", "DDR"),
        ("Czechoslovakia", "CSK"),
        ("Yugoslavia", "YUG"),
        ("Serbia", "SRB"),
        ("North Yemen", "YAR"),
        ("South Vietnam", "RVN"),
        ("Kosovo", "XKX"),
        ("Taiwan", "TWN"),
        ("Turkiye", "TUR"),
        ("South Korea", "KOR"),
    ] {
        assert_eq!(get("State", name), Some(Some(id.to_string())), "{name}");
    }
    assert_eq!(get("NonState", "Hezbollah (Lebanon)*"), Some(None));
    assert_eq!(
        get("NonState", "unknown rebel group*"),
        Some(None),
        "marked * before unknown"
    );
    assert_eq!(get("Unknown", "unknown recipient(s)"), Some(None));
    assert_eq!(get("Unknown", "unknown supplier(s)"), Some(None));
    let unresolved: Vec<&str> = by_kind
        .iter()
        .filter(|((k, _), id)| k == "State" && id.is_none())
        .map(|((_, n), _)| n.as_str())
        .collect();
    assert_eq!(unresolved, ["Biafra", "Katanga", "Northern Cyprus"]);
    let non_state = by_kind.keys().filter(|(k, _)| k == "NonState").count();
    assert_eq!(non_state, 54);
    assert!(deals
        .iter()
        .all(|d| d.recipient_kind != PartyKind::State || !d.recipient.ends_with('*')));
}

// --- Malformed input: a line-numbered error for each kind, never a panic -------------------

#[test]
fn a_good_sample_reads() {
    let (deals, report) = read_ok(&sample(GOOD));
    assert_eq!((report.rows_read, report.kept), (1, 1));
    assert_eq!(deals[0].line, 5);
    assert_eq!(deals[0].recipient_id.as_deref(), Some("POL"));
}

#[test]
fn empty_file() {
    assert_eq!(format_error(read_bytes(b"")), (1, "empty file".to_string()));
}

#[test]
fn no_header() {
    let (line, msg) = format_error(read_bytes(PREAMBLE.as_bytes()));
    assert_eq!(line, 3);
    assert!(msg.contains("no header"), "{msg}");
    let junk = "x\n".repeat(150);
    let (line, msg) = format_error(read_bytes(junk.as_bytes()));
    assert_eq!(line, 100);
    assert!(msg.contains("first 100 lines"), "{msg}");
}

#[test]
fn missing_header_column() {
    let header = HEADER.replace(",status", "");
    let (line, msg) = format_error(read_bytes(format!("{PREAMBLE}{header}").as_bytes()));
    assert_eq!(line, 4);
    assert!(msg.contains("missing column 'status'"), "{msg}");
}

#[test]
fn duplicate_header_column() {
    let header = HEADER.replace("Weapon description", "Supplier");
    let (line, msg) = format_error(read_bytes(format!("{PREAMBLE}{header}").as_bytes()));
    assert_eq!(line, 4);
    assert!(msg.contains("duplicate column 'Supplier' (columns 2 and 8)"), "{msg}");
}

#[test]
fn truncated_row() {
    let truncated = "Poland,South Korea,2022,,180\n";
    let (deals, report) = read_ok(&sample(&format!("{GOOD}{truncated}{GOOD}")));
    assert_rejected(&report, 6, "expected 16 fields, found 5");
    assert_eq!(deals.iter().map(|d| d.line).collect::<Vec<_>>(), [5, 7]);
    // A record cut off at the end of the file, in its comments: nothing to rejoin it with.
    let (_, report) = read_ok(&sample(&format!(
        "{GOOD}Poland,South Korea,2022,,180,,K2,tank,84,,2022,New,cut off"
    )));
    assert_rejected(&report, 6, "expected 16 fields, found 13");
}

#[test]
fn too_many_fields() {
    let (_, report) = read_ok(&sample(&GOOD.replace("$3.3 b deal", "$3.3, b deal")));
    assert_rejected(&report, 5, "expected 16 fields, found 17");
}

#[test]
fn a_broken_record_is_rejoined_and_an_orphan_half_rejected() {
    let first = "Thailand,Ukraine,2008,,14,,BTR-3,APC,13,,2010; 2012,New,Part of a deal\r\n";
    let (deals, report) = read_ok(&sample(&format!("{first},0.25,3.5,3.25\n{GOOD}")));
    assert_eq!((report.rows_read, report.kept), (2, 2), "{report}");
    assert_eq!(
        (deals[0].line, deals[0].lines, deals[0].tiv_delivered),
        (5, 2, Some(3.25))
    );
    assert_eq!(deals[0].comments, "Part of a deal");
    assert_eq!(deals[1].line, 7);
    let (_, report) = read_ok(&sample(&format!("{GOOD},0.25,3.5,3.25\n")));
    assert_rejected(&report, 6, "expected 16 fields, found 4");
    // A short line whose break is not in a free-text column is not glued to the next record.
    let (_, report) = read_ok(&sample(&format!("Poland\n{GOOD}")));
    assert_rejected(&report, 5, "found 1");
}

#[test]
fn bad_numbers() {
    let cases = [
        (
            GOOD.replace("2022,,180", "20x2,,180"),
            "column 'Year of order': '20x2' is not a year",
        ),
        (
            GOOD.replace(",180,", ",1 80,"),
            "column 'Number ordered': '1 80' is not a whole number",
        ),
        (
            GOOD.replace(",84,", ",-84,"),
            "column 'Number delivered': '-84' is not a whole number",
        ),
        (GOOD.replace("2022; 2023", "2022; 203"), "'203' is not a year"),
        (
            GOOD.replace(",4.75,", ",4.7x,"),
            "column 'SIPRI TIV per unit': '4.7x' is not a number",
        ),
        (
            GOOD.replace(",855,", ",8.5.5,"),
            "column 'SIPRI TIV for total order': '8.5.5' is not a number",
        ),
        (
            GOOD.replace(",399\n", ",NaN\n"),
            "column 'SIPRI TIV of delivered weapons': 'NaN' is not a number",
        ),
        (GOOD.replace(",180,", ",99999999999,"), "is not a whole number"),
    ];
    for (line, needle) in cases {
        let (deals, report) = read_ok(&sample(&format!("{GOOD}{line}{GOOD}")));
        assert_rejected(&report, 6, needle);
        assert_eq!(deals.len(), 2);
    }
}

#[test]
fn bad_flags_status_and_parties() {
    let (_, report) = read_ok(&sample(&GOOD.replace("2022,,180", "2022,x,180")));
    assert_rejected(
        &report,
        5,
        "column after 'Year of order': expected '?' or nothing, found 'x'",
    );
    let (_, report) = read_ok(&sample(&GOOD.replace(",New,", ",Used,")));
    assert_rejected(&report, 5, "column 'status': 'Used'");
    let (_, report) = read_ok(&sample(&GOOD.replace("Poland,", ",")));
    assert_rejected(&report, 5, "column 'Recipient' is empty");
}

#[test]
fn windows_1252_bytes_80_to_9f_are_its_characters() {
    // 0x96 is an en dash and 0x93/0x94 curly quotes in Windows-1252 (C1 controls in Latin-1);
    // 0xFC is 'ü' in both.
    let mut bytes = sample("").into_bytes();
    bytes.extend_from_slice(
        b"Poland,South Korea,2022,,180,,K2 \xfcber \x96 \x93Panther\x94,tank,84,,2022,New,\x80 3.3 b,4.75,855,399\n",
    );
    let (deals, report) = read_bytes(&bytes).expect("Windows-1252 reads");
    assert_eq!(report.kept, 1, "{report}");
    assert_eq!(deals[0].designation, "K2 über – “Panther”");
    assert_eq!(deals[0].comments, "€ 3.3 b");
    assert!(!deals[0].designation.chars().any(char::is_control));
}

#[test]
fn wrong_encoding() {
    // The export is Latin-1; a copy re-saved as UTF-8 reads the same.
    let latin1: Vec<u8> = sample(&GOOD.replace("K2 Black Panther", "Bü-181"))
        .chars()
        .map(|c| u8::try_from(u32::from(c)).expect("Latin-1"))
        .collect();
    let utf8 = sample(&GOOD.replace("K2 Black Panther", "Bü-181"));
    let (a, _) = read_bytes(&latin1).expect("Latin-1 reads");
    let (b, _) = read_ok(&utf8);
    assert_eq!(a[0].designation, "Bü-181");
    assert_eq!(a, b);
    // UTF-16 (what some spreadsheet programs save as "Unicode text") is refused at line 1.
    let utf16: Vec<u8> = sample(GOOD).encode_utf16().flat_map(u16::to_le_bytes).collect();
    let (line, msg) = format_error(read_bytes(&utf16));
    assert_eq!(line, 1);
    assert!(msg.contains("UTF-16"), "{msg}");
    // Binary junk in a data line is a rejection of that line.
    let (_, report) = read_ok(&sample(&format!("{GOOD}{}", GOOD.replace("tank", "ta\0nk"))));
    assert_rejected(&report, 6, "NUL");
}

#[test]
fn quoted_fields() {
    let quoted = GOOD.replace("$3.3 b deal", "\"$3.3 b deal, \"\"K2PL\"\" later\"");
    let (deals, report) = read_ok(&sample(&quoted));
    assert_eq!(report.kept, 1, "{report}");
    assert_eq!(deals[0].comments, "$3.3 b deal, \"K2PL\" later");
    let (_, report) = read_ok(&sample(&format!("{GOOD}Poland,\"South Korea,2022\n")));
    assert_rejected(&report, 6, "unterminated quoted field");
    // A quote inside an unquoted field is a character, not the start of a quoted field.
    let (deals, report) = read_ok(&sample(&format!(
        "{}{GOOD}",
        GOOD.replace("$3.3 b deal", "for 5\" guns")
    )));
    assert_eq!((report.rows_read, report.kept), (2, 2), "{report}");
    assert_eq!(deals[0].comments, "for 5\" guns");
}

#[test]
fn blank_lines_are_not_records() {
    let (_, report) = read_ok(&sample(&format!("{GOOD}\n\r\n{GOOD}")));
    assert_eq!((report.rows_read, report.kept), (2, 2));
}

/// A small deterministic fuzz: mutated registers never panic, and every record read is either
/// kept or rejected.
#[test]
fn mutations_never_panic() {
    let base = sample(&format!(
        "{GOOD}Thailand,Ukraine,2008,,14,,BTR-3,APC,13,,2010; 2012,New,note\n,0.25,3.5,3.25\n{GOOD}"
    ))
    .into_bytes();
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let alphabet = b",;\"\r\n?0123456789.* \xfc\xff\0aZ";
    for _ in 0..3000 {
        let mut bytes = base.clone();
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
        if let Ok((deals, report)) = read_bytes(&bytes) {
            assert_eq!(report.rows_read, report.kept + report.rejected.len());
            assert_eq!(deals.len(), report.kept);
        }
    }
}
