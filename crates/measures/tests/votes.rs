//! UN voting agreement: a value computed by hand from 732.csv, the reference codes against the
//! scoring of the raw votes, and the long layout.

use entente_datasets::codes::Crosswalk;
use entente_datasets::unvotes::{read_country_file, read_long, CountryFile};
use entente_measures::votes::{from_country_file, from_votes, pooled, Agreement};
use std::sync::OnceLock;

fn cw() -> &'static Crosswalk {
    Crosswalk::shipped().expect("crosswalk")
}

/// 732.csv and 731.csv, read once.
fn files() -> Option<&'static (CountryFile, CountryFile)> {
    static FILES: OnceLock<Option<(CountryFile, CountryFile)>> = OnceLock::new();
    let files = FILES.get_or_init(|| {
        let read = |c: u16| {
            let p = entente_testkit::shared(&format!("unvotes/{c}.csv"))?;
            let f = std::fs::File::open(&p).expect("readable");
            Some(
                read_country_file(&format!("{c}.csv"), None, std::io::BufReader::new(f))
                    .expect("reads")
                    .0,
            )
        };
        Some((read(732)?, read(731)?))
    });
    files.as_ref()
}

fn year(rows: &[Agreement], y: i32) -> &Agreement {
    rows.iter()
        .find(|r| r.from == y)
        .unwrap_or_else(|| panic!("no row for {y}"))
}

/// ROK–USA in 2019, counted by hand from 732.csv, column `2`: of the 91 roll calls of 2019 on
/// which both voted, 38 carry `2` (same vote), 22 `-1` (one abstained), 31 `-2` (opposite). On 64
/// of them both voted yes or no (the ROK voted yes or no and the code is `2` or `-2`): 33 alike.
#[test]
fn rok_usa_2019_by_hand() {
    let Some((rok, _)) = files() else { return };
    let rows = from_country_file(rok, 2, cw());
    let y = year(&rows, 2019);
    assert_eq!((y.a.as_str(), y.b.as_str()), ("KOR", "USA"));
    assert_eq!((y.joint, y.same, y.one_abstained, y.opposite), (91, 38, 22, 31));
    assert_eq!((y.yes_no, y.yes_no_same), (64, 33));
    assert_eq!(y.three_category, Some((38.0 + 0.5 * 22.0) / 91.0));
    assert!((y.three_category.unwrap_or(0.0) - 0.538_461_5).abs() < 1e-7);
    assert_eq!(y.two_category, Some(33.0 / 64.0));
    // The whole series: ROK joined the UN in 1991; every year since has a row.
    assert_eq!(rows.first().map(|r| r.from), Some(1991));
    assert_eq!(rows.last().map(|r| r.from), Some(2020));
    assert_eq!(rows.len(), 30);
    // 955 + 822 + 816 codes in column 2 over the file.
    let all = pooled(&rows, 1946, 2020).expect("rows");
    assert_eq!(
        (all.joint, all.same, all.one_abstained, all.opposite),
        (2_593, 955, 822, 816)
    );
}

/// Scoring the two countries' raw votes gives what the reference codes give, year by year, and the
/// dyad reads the same from either file.
#[test]
fn raw_votes_match_the_reference_codes() {
    let Some((rok, dprk)) = files() else { return };
    let cw = cw();
    let reference = from_country_file(rok, 731, cw);
    let mut votes = rok.focal_votes(cw);
    votes.extend(dprk.focal_votes(cw));
    let scored = from_votes(&votes, None, "KOR", "PRK");
    assert_eq!(scored.len(), 30);
    assert_eq!(scored, reference);
    let total: u32 = scored.iter().map(|r| r.joint).sum();
    assert_eq!(total, 2_160);
    // From the DPRK's file: the same counts with the dyad reversed.
    let reverse = from_country_file(dprk, 732, cw);
    for (a, b) in reference.iter().zip(&reverse) {
        assert_eq!((a.from, &a.a, &a.b), (b.from, &b.b, &b.a));
        assert_eq!(
            (a.joint, a.same, a.one_abstained, a.opposite, a.yes_no, a.yes_no_same),
            (b.joint, b.same, b.one_abstained, b.opposite, b.yes_no, b.yes_no_same)
        );
    }
}

/// DPRK–USA: the two Koreas' agreement with the United States diverge (known from the codes).
#[test]
fn dprk_usa_agrees_less_than_rok_usa() {
    let Some((rok, dprk)) = files() else { return };
    let rok_usa = pooled(&from_country_file(rok, 2, cw()), 1991, 2020).expect("rows");
    let dprk_usa = pooled(&from_country_file(dprk, 2, cw()), 1991, 2020).expect("rows");
    assert_eq!((dprk_usa.a.as_str(), dprk_usa.b.as_str()), ("PRK", "USA"));
    assert_eq!(
        (dprk_usa.same, dprk_usa.one_abstained, dprk_usa.opposite),
        (165, 467, 1_554)
    );
    assert!(dprk_usa.three_category < rok_usa.three_category);
}

#[test]
fn long_layout_agreement() {
    let text = "rcid,country_code,vote,year\n\
                1,KR,yes,2019\n1,US,yes,2019\n\
                2,KR,abstain,2019\n2,US,no,2019\n\
                3,KR,yes,2019\n3,US,no,2019\n\
                4,KR,no,2019\n4,US,absent,2019\n\
                5,KR,yes,2020\n5,US,yes,2020\n";
    let (votes, report) = read_long("votes.csv", text.as_bytes()).expect("readable");
    assert_eq!(report.kept, 10);
    let rows = from_votes(&votes, None, "KOR", "USA");
    let y = year(&rows, 2019);
    assert_eq!(
        (y.joint, y.same, y.one_abstained, y.opposite, y.yes_no, y.yes_no_same),
        (3, 1, 1, 1, 2, 1)
    );
    assert_eq!(y.three_category, Some(1.5 / 3.0));
    assert_eq!(y.two_category, Some(0.5));
    assert_eq!(year(&rows, 2020).three_category, Some(1.0));
    // Without a year column, the years come from a roll-call table.
    let (votes, _) = read_long("votes.csv", &b"rcid,ccode,vote\n7,732,1\n7,2,3\n"[..]).expect("readable");
    let years = std::collections::HashMap::from([(7, 2001)]);
    let rows = from_votes(&votes, Some(&years), "KOR", "USA");
    assert_eq!((rows[0].from, rows[0].opposite), (2001, 1));
    assert!(
        from_votes(&votes, None, "KOR", "USA").is_empty(),
        "undated votes are left out"
    );
}
