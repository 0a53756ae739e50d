//! The shipped crosswalk: the hard cases, agreement with the fixture files and with the shipped
//! actors, and errors on malformed crosswalk files.

use entente_datasets::codes::{Country, Crosswalk, Scheme, When};
use entente_datasets::ImportError;
use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

fn cw() -> &'static Crosswalk {
    Crosswalk::shipped().expect("the shipped crosswalk parses")
}

fn fixture(rel: &str) -> Option<PathBuf> {
    entente_testkit::shared(rel)
}

fn id(hit: Option<&Country>) -> Option<&str> {
    hit.map(|c| c.id.as_str())
}

#[test]
fn serbia_and_yugoslavia() {
    let cw = cw();
    // COW keeps 345 throughout: Yugoslavia, then (from the FRY on) Serbia.
    assert_eq!(id(cw.by_cow(345, Some(1980))), Some("YUG"));
    assert_eq!(id(cw.by_cow(345, Some(1995))), Some("SRB"));
    assert_eq!(id(cw.by_cow(345, Some(2010))), Some("SRB"));
    // GW: 345 Yugoslavia (to 2006), 340 Serbia from 2006.
    assert_eq!(id(cw.by_gw(345, Some(2000))), Some("SRB"));
    assert_eq!(cw.by_gw(340, Some(2000)), None);
    assert_eq!(id(cw.by_gw(340, Some(2010))), Some("SRB"));
    assert_eq!(cw.by_id("SRB", None).and_then(|c| c.gw), Some(340));
    // ISO: YU/YUG for the SFRY and the FRY; CS/SCG for Serbia and Montenegro; RS/SRB after.
    assert_eq!(id(cw.by_iso3("YUG", Some(1980))), Some("YUG"));
    assert_eq!(id(cw.by_iso3("SCG", Some(2004))), Some("SRB"));
    assert_eq!(id(cw.by_iso3("SRB", None)), Some("SRB"));
    assert_eq!(id(cw.by_sipri_name("Yugoslavia")), Some("YUG"));
    assert_eq!(id(cw.by_sipri_name("Serbia")), Some("SRB"));
    assert_eq!(id(cw.by_cow(341, Some(2010))), Some("MNE"));
}

#[test]
fn germany() {
    let cw = cw();
    // COW 260 is the FRG to 1990, 255 unified Germany after; GW uses 260 throughout.
    assert_eq!(id(cw.by_cow(260, Some(1980))), Some("DEU"));
    assert_eq!(cw.by_cow(260, Some(2000)), None);
    assert_eq!(cw.by_cow(255, Some(1980)), None);
    assert_eq!(id(cw.by_cow(255, Some(2000))), Some("DEU"));
    assert_eq!(id(cw.by_gw(260, Some(1980))), Some("DEU"));
    assert_eq!(id(cw.by_gw(260, Some(2000))), Some("DEU"));
    assert_eq!(id(cw.by_cow(265, Some(1980))), Some("DDR"));
    assert_eq!(id(cw.by_iso3("DDR", None)), Some("DDR"));
    assert_eq!(id(cw.by_sipri_name("East Germany (GDR)")), Some("DDR"));
    assert_eq!(id(cw.by_sipri_name("Germany")), Some("DEU"));
    // 1990: the FRG (to 2 October) and unified Germany share GW 260; either is DEU.
    assert_eq!(id(cw.by_gw(260, Some(1990))), Some("DEU"));
}

#[test]
fn yemen() {
    let cw = cw();
    assert_eq!(id(cw.by_cow(678, Some(1980))), Some("YAR"));
    assert_eq!(id(cw.by_cow(680, Some(1980))), Some("YMD"));
    assert_eq!(id(cw.by_cow(679, Some(2000))), Some("YEM"));
    // GW codes unified Yemen as the continuation of North Yemen (678).
    assert_eq!(id(cw.by_gw(678, Some(1980))), Some("YAR"));
    assert_eq!(id(cw.by_gw(678, Some(2000))), Some("YEM"));
    assert_eq!(cw.by_gw(679, None), None);
    // ISO YE/YEM was North Yemen's, then unified Yemen's.
    assert_eq!(id(cw.by_iso3("YEM", Some(1985))), Some("YAR"));
    assert_eq!(id(cw.by_iso3("YEM", Some(1995))), Some("YEM"));
    assert_eq!(id(cw.by_sipri_name("North Yemen")), Some("YAR"));
    assert_eq!(id(cw.by_sipri_name("Yemen Arab Republic (North Yemen)")), Some("YAR"));
    assert_eq!(id(cw.by_sipri_name("South Yemen")), Some("YMD"));
}

#[test]
fn czechoslovakia_and_successors() {
    let cw = cw();
    assert_eq!(id(cw.by_cow(315, Some(1980))), Some("CSK"));
    assert_eq!(cw.by_cow(315, Some(1995)), None);
    assert_eq!(id(cw.by_cow(316, Some(1995))), Some("CZE"));
    assert_eq!(id(cw.by_cow(317, Some(1995))), Some("SVK"));
    // ISO 3166 reused CS: Czechoslovakia, then Serbia and Montenegro.
    assert_eq!(id(cw.by_iso2("CS", Some(1980))), Some("CSK"));
    assert_eq!(id(cw.by_iso2("CS", Some(2005))), Some("SRB"));
    assert_eq!(id(cw.by_sipri_name("Czechia")), Some("CZE"));
}

#[test]
fn kosovo_taiwan_russia() {
    let cw = cw();
    let kosovo = cw.by_cow(347, Some(2015)).expect("Kosovo");
    assert_eq!(
        (kosovo.id.as_str(), kosovo.iso3.as_deref(), kosovo.gw),
        ("XKX", None, Some(347))
    );
    assert_eq!(id(cw.by_fips("KV", None)), Some("XKX"));
    assert_eq!(id(cw.by_cow(713, None)), Some("TWN"));
    assert_eq!(id(cw.by_iso3("TWN", None)), Some("TWN"));
    assert_eq!(id(cw.by_cow(365, Some(1980))), Some("SUN"));
    assert_eq!(id(cw.by_cow(365, Some(2000))), Some("RUS"));
    assert_eq!(id(cw.by_sipri_name("Soviet Union")), Some("SUN"));
    assert_eq!(id(cw.by_sipri_name("Russia")), Some("RUS"));
    // Dated lookups: the USSR's last day and Russia's first.
    let day = |y, m, d| entente_model::Day::new(y, m, d).expect("a day");
    assert_eq!(id(cw.by_cow_on(365, day(1991, 12, 25))), Some("SUN"));
    assert_eq!(id(cw.by_cow_on(365, day(1991, 12, 26))), Some("RUS"));
}

#[test]
fn vietnam_and_other_schemes() {
    let cw = cw();
    assert_eq!(id(cw.by_cow(816, Some(1970))), Some("VNM"));
    assert_eq!(id(cw.by_cow(817, Some(1970))), Some("RVN"));
    assert_eq!(id(cw.by_sipri_name("South Vietnam")), Some("RVN"));
    assert_eq!(id(cw.by_cameo("ROM", None)), Some("ROU"));
    assert_eq!(id(cw.by_cameo("MTN", None)), Some("MNE"));
    assert_eq!(id(cw.by_fips("KS", None)), Some("KOR"));
    assert_eq!(id(cw.by_wikidata("Q884", None)), Some("KOR"));
    assert_eq!(id(cw.by_sipri_name("Turkiye")), Some("TUR"));
    assert_eq!(id(cw.by_sipri_name("South Korea")), Some("KOR"));
    assert_eq!(cw.find(Scheme::SipriName, "Biafra", When::Any), None);
}

/// Within one scheme, two rows with the same code must not be valid on the same day, or a dated
/// lookup would be ambiguous.
#[test]
fn no_code_is_ambiguous_on_any_day() {
    let rows = cw().rows();
    type Code = fn(&Country) -> Option<String>;
    let schemes: [(&str, Code); 7] = [
        ("iso3", |c| c.iso3.clone()),
        ("iso2", |c| c.iso2.clone()),
        ("cow", |c| c.cow.map(|v| v.to_string())),
        ("gw", |c| c.gw.map(|v| v.to_string())),
        ("cameo", |c| c.cameo.clone()),
        ("fips", |c| c.fips.clone()),
        ("wikidata", |c| c.wikidata.clone()),
    ];
    for (scheme, get) in schemes {
        for (i, a) in rows.iter().enumerate() {
            for b in &rows[i + 1..] {
                let (Some(x), Some(y)) = (get(a), get(b)) else { continue };
                if x != y {
                    continue;
                }
                // Open ends reach indefinitely far; each row must start after the other ends.
                let before = |x: &Country, y: &Country| matches!((x.valid_to, y.valid_from), (Some(end), Some(start)) if end < start);
                let overlap = !before(a, b) && !before(b, a);
                assert!(!overlap, "{scheme} {x}: lines {} and {} overlap", a.line, b.line);
            }
        }
    }
}

#[test]
fn every_sipri_state_resolves_except_three_unrecognised_ones() {
    let Some(path) = fixture("sipri/trade-register.csv") else {
        eprintln!("skipping: ../shared/fixtures absent");
        return;
    };
    let bytes = std::fs::read(path).expect("readable");
    let text: String = bytes.iter().map(|&b| char::from(b)).collect();
    let mut names = BTreeSet::new();
    for line in text.lines().skip(12) {
        let f: Vec<&str> = line.split(',').collect();
        if f.len() >= 2 && !f[0].is_empty() {
            names.insert(f[0].to_string());
            names.insert(f[1].to_string());
        }
    }
    let unresolved: Vec<&str> = names
        .iter()
        .map(String::as_str)
        .filter(|n| !n.ends_with('*') && !n.starts_with("unknown") && cw().by_sipri_name(n).is_none())
        .collect();
    assert_eq!(unresolved, ["Biafra", "Katanga", "Northern Cyprus"]);
}

#[test]
fn every_cow_code_of_the_un_votes_resolves_and_agrees_on_iso3() {
    let Some(path) = fixture("unvotes/countries.csv") else {
        eprintln!("skipping: ../shared/fixtures absent");
        return;
    };
    let text = std::fs::read_to_string(path).expect("UTF-8");
    let mut n = 0;
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.trim_end_matches('\r').splitn(3, ',').collect();
        let cow: u16 = f[0].parse().expect("a COW code");
        let hit = cw().by_cow(cow, None).unwrap_or_else(|| panic!("COW {cow} has no row"));
        n += 1;
        // Three codes in un-votes' lookup are not ISO: GFR (COW's abbreviation for West Germany),
        // EAZ (Zanzibar), and YAR given for 680, which is South Yemen (YMD).
        let expected = match f[1] {
            "GFR" => "DEU",
            "EAZ" => "ZAN",
            "YAR" if cow == 680 => "YMD",
            other => other,
        };
        assert!(
            hit.iso3.as_deref() == Some(expected) || hit.id == expected,
            "COW {cow}: un-votes says {}, crosswalk {} / {:?}",
            f[1],
            hit.id,
            hit.iso3
        );
    }
    assert_eq!(n, 200);
}

#[test]
fn cameo_codes_are_gdelts() {
    let Some(path) = fixture("cameo/cameoCountry.txt") else {
        eprintln!("skipping: ../shared/fixtures absent");
        return;
    };
    let text = std::fs::read_to_string(path).expect("UTF-8");
    let cameo: HashMap<&str, &str> = text.lines().skip(1).filter_map(|l| l.split_once('\t')).collect();
    for c in cw().rows() {
        if let Some(code) = &c.cameo {
            assert!(
                cameo.contains_key(code.as_str()),
                "line {}: CAMEO {code} is not in GDELT's table",
                c.line
            );
        }
    }
    assert_eq!(cameo.get("KOR"), Some(&"South Korea"));
}

/// The shipped actors (data/actors/states.toml) and the crosswalk agree on every code the actors
/// give, for each actor's current row.
#[test]
fn shipped_actors_agree_with_the_crosswalk() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/actors/states.toml");
    let text = std::fs::read_to_string(path).expect("states.toml");
    let doc: toml::Table = toml::from_str(&text).expect("valid TOML");
    let actors = doc.get("actor").and_then(|a| a.as_array()).expect("[[actor]] entries");
    assert!(actors.len() >= 40);
    for a in actors {
        let aid = a.get("id").and_then(|v| v.as_str()).expect("id");
        let row = cw()
            .by_id(aid, None)
            .unwrap_or_else(|| panic!("{aid}: no crosswalk row"));
        assert!(row.valid_to.is_none(), "{aid}: current row expected");
        let Some(codes) = a.get("codes").and_then(|c| c.as_table()) else {
            continue;
        };
        for (k, v) in codes {
            let ours = match k.as_str() {
                "iso3" => row.iso3.clone(),
                "iso2" => row.iso2.clone(),
                "cow" => row.cow.map(|c| c.to_string()),
                "gw" => row.gw.map(|c| c.to_string()),
                "cameo" => row.cameo.clone(),
                "fips" => row.fips.clone(),
                "wikidata" => row.wikidata.clone(),
                other => panic!("{aid}: unknown code scheme {other}"),
            };
            let theirs = v
                .as_str()
                .map(str::to_string)
                .or_else(|| v.as_integer().map(|i| i.to_string()));
            assert_eq!(ours, theirs, "{aid} {k}");
        }
    }
}

fn parse(text: &str) -> Result<Crosswalk, ImportError> {
    Crosswalk::parse("test.csv", text)
}

const HEADER: &str = "id,name,sipri_names,iso3,iso2,cow,gw,cameo,fips,wikidata,valid_from,valid_to\n";

fn format_error(r: Result<Crosswalk, ImportError>) -> (usize, String) {
    match r {
        Err(ImportError::Format { line, message }) => (line, message),
        Err(e) => panic!("unexpected {e}"),
        Ok(_) => panic!("expected an error"),
    }
}

#[test]
fn malformed_crosswalks_are_line_numbered_errors() {
    assert_eq!(format_error(parse("")).0, 1);
    let (line, msg) = format_error(parse(
        "id,name,sipri_names,iso3,iso2,cow,gw,cameo,fips,wikidata,valid_from\n",
    ));
    assert_eq!(line, 1);
    assert!(msg.contains("missing column 'valid_to'"), "{msg}");
    let (_, msg) = format_error(parse(&HEADER.replace("name", "id")));
    assert!(msg.contains("duplicate column 'id'"), "{msg}");
    let (line, msg) = format_error(parse(&format!("{HEADER}KOR,Korea,,KOR,KR,73x,732,,,,,\n")));
    assert_eq!(line, 2);
    assert!(msg.contains("'73x'"), "{msg}");
    let (line, msg) = format_error(parse(&format!(
        "{HEADER}KOR,Korea,,KOR,KR,732,732,,,,,\nX,X,,,,1,1,,,,1990-13-01,\n"
    )));
    assert_eq!(line, 3);
    assert!(msg.contains("1990-13-01"), "{msg}");
    let (_, msg) = format_error(parse(&format!("{HEADER}X,X,,,,1,1,,,,2000-01-01,1990-01-01\n")));
    assert!(msg.contains("before"), "{msg}");
    // Line numbers hold with CRLF line ends too.
    let crlf = format!("{HEADER}KOR,Korea,,KOR,KR,732,732,,,,,\nX,X,,,,1,1,,,,1990-13-01,\n").replace('\n', "\r\n");
    assert_eq!(format_error(parse(&crlf)).0, 3);
    let ok = parse(&format!("{HEADER}KOR,Korea,South Korea,KOR,KR,732,732,KOR,KS,Q884,,\n")).expect("valid");
    assert_eq!(ok.by_cow(732, None).map(|c| c.id.as_str()), Some("KOR"));
}
