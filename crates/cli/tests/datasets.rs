//! The dataset commands end to end on the real fixtures (`../shared/fixtures`; skipped with a
//! message where absent): import, datasets, align, flows, dependence, sipri-links.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use support::{entente, ok, temp_dir};

fn fixtures() -> Option<PathBuf> {
    entente_testkit::shared_all(&["sipri/trade-register.csv", "atop", "unvotes"])
}

/// A data directory with every fixture imported (once for all tests).
fn imported() -> Option<&'static Path> {
    static DIR: OnceLock<Option<PathBuf>> = OnceLock::new();
    DIR.get_or_init(|| {
        let fx = fixtures()?;
        let dir = temp_dir("datasets-all");
        let path = |p: &str| fx.join(p).display().to_string();
        ok(&entente(&["import", "sipri", &path("sipri/trade-register.csv")], &dir));
        ok(&entente(
            &[
                "import",
                "atop",
                &path("atop/atop-member-level.csv"),
                &path("atop/atop-alliance-level.csv"),
                &path("atop/all-fp-sim.csv"),
            ],
            &dir,
        ));
        ok(&entente(
            &["import", "unvotes", &path("unvotes/732.csv"), &path("unvotes/731.csv")],
            &dir,
        ));
        Some(dir)
    })
    .as_deref()
}

fn csv_rows(text: &str) -> Vec<std::collections::HashMap<String, String>> {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let headers: Vec<String> = r.headers().expect("header").iter().map(str::to_string).collect();
    r.records()
        .map(|rec| {
            let rec = rec.expect("record");
            headers.iter().cloned().zip(rec.iter().map(str::to_string)).collect()
        })
        .collect()
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

#[test]
fn import_summary_then_reimport_is_a_no_op() {
    let Some(fx) = fixtures() else { return };
    let dir = temp_dir("datasets-reimport");
    let file = fx.join("sipri/trade-register.csv").display().to_string();
    let out = ok(&entente(&["import", "sipri", &file], &dir));
    assert!(out.contains("(SIPRI trade register): imported"), "{out}");
    assert!(out.contains("29515 rows read, 29515 kept, 0 rejected"), "{out}");
    assert!(out.contains("not resolved to an entente actor"), "{out}");
    let before = ok(&entente(&["datasets", "--format", "json"], &dir));
    let out = ok(&entente(&["import", "sipri", &file], &dir));
    assert!(out.contains("already imported (same content"), "{out}");
    assert!(out.contains("nothing changed"), "{out}");
    assert_eq!(ok(&entente(&["datasets", "--format", "json"], &dir)), before);
    let v = json(&ok(&entente(&["import", "sipri", &file, "--format", "json"], &dir)));
    assert_eq!(v["imported"][0]["status"], "already_imported");
    assert_eq!(v["imported"][0]["entry"]["kept"], 29515);

    let table = ok(&entente(&["datasets"], &dir));
    assert!(table.starts_with("1 file(s) imported in "), "{table}");
    assert!(table.contains("sipri    register  trade-register.csv"), "{table}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn korea_poland_flows_and_korea_share_of_polish_imports() {
    let Some(dir) = imported() else { return };
    let out = ok(&entente(
        &[
            "flows",
            "--supplier",
            "KOR",
            "--recipient",
            "POL",
            "--by",
            "year",
            "--format",
            "csv",
        ],
        dir,
    ));
    let rows = csv_rows(&out);
    let years: Vec<&str> = rows.iter().map(|r| r["year"].as_str()).collect();
    assert_eq!(
        years,
        ["2016", "2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024"]
    );
    let tiv = |r: &std::collections::HashMap<String, String>| r["tiv"].parse::<f64>().expect("tiv");
    let korea: f64 = rows.iter().filter(|r| r["year"].as_str() >= "2018").map(tiv).sum();
    assert!((korea - 1_450.32).abs() < 0.01, "{korea}");
    // Each row says which of its SIPRI deals are curated facts, and cites both sources.
    let y2023 = rows.iter().find(|r| r["year"] == "2023").expect("2023");
    assert!(y2023["curated"].contains("kor-pol-k2-2022 (line 20141)"), "{y2023:?}");
    assert!(y2023["sources"].contains("https://www.sipri.org/databases/armstransfers"));
    assert!(
        y2023["sources"].contains("kesq.com"),
        "the curated K2 fact's own source"
    );

    let out = ok(&entente(
        &["dependence", "POL", "--from", "2018", "--to", "2024", "--format", "csv"],
        dir,
    ));
    let rows = csv_rows(&out);
    let kor = rows
        .iter()
        .find(|r| r["supplier"] == "KOR")
        .expect("Korea supplies Poland");
    assert_eq!(kor["share"], "0.396453");
    assert_eq!(rows[0]["supplier"], "USA");
    assert_eq!(rows.len(), 11);

    let v = json(&ok(&entente(
        &[
            "dependence",
            "Poland",
            "--from",
            "2018",
            "--to",
            "2024",
            "--format",
            "json",
        ],
        dir,
    )));
    let hhi = v["concentration"]["hhi"].as_f64().expect("hhi");
    assert!((hhi - 0.347_820_7).abs() < 1e-6, "{hhi}");
    assert_eq!(v["register"]["file"], "trade-register.csv");
}

#[test]
fn nato_members_among_korea_customers_by_year() {
    let Some(dir) = imported() else { return };
    let v = json(&ok(&entente(
        &[
            "flows",
            "--supplier",
            "ROK",
            "--recipient-in",
            "NATO",
            "--by",
            "year",
            "--format",
            "json",
        ],
        dir,
    )));
    let mut by_year: std::collections::BTreeMap<i64, Vec<String>> = Default::default();
    for r in v["rows"].as_array().expect("rows") {
        by_year
            .entry(r["year"].as_i64().expect("year"))
            .or_default()
            .push(r["recipient"].as_str().expect("recipient").to_string());
    }
    assert_eq!(by_year.keys().next(), Some(&2004), "Turkey's K-9 from 2004");
    assert_eq!(by_year[&2017], ["GBR", "POL", "TUR"]);
    assert_eq!(by_year[&2018], ["GBR", "NOR", "POL", "TUR"]);
    assert_eq!(by_year[&2022], ["EST", "POL"]);
    assert_eq!(by_year[&2023], ["EST", "FIN", "POL"]);
    assert_eq!(by_year[&2024], ["FIN", "POL", "ROU"]);
    // No double counting: every linked deal is one of the row's SIPRI lines, and the row's TIV is
    // SIPRI's alone.
    for r in v["rows"].as_array().expect("rows") {
        let lines = r["sipri_lines"].as_array().expect("lines");
        for l in r["linked"].as_array().expect("linked") {
            assert!(lines.contains(&l["line"]), "{r}");
        }
    }
}

#[test]
fn align_korea_united_states() {
    let Some(dir) = imported() else { return };
    let v = json(&ok(&entente(
        &["align", "KOR", "USA", "--from", "1991", "--format", "json"],
        dir,
    )));
    assert_eq!((v["a_cow"].as_i64(), v["b_cow"].as_i64()), (Some(732), Some(2)));
    let years = v["years"].as_array().expect("years");
    assert_eq!(years.first().and_then(|y| y["year"].as_i64()), Some(1991));
    assert_eq!(years.last().and_then(|y| y["year"].as_i64()), Some(2020));
    // A defence tie both ways every year of ATOP's span since 1991 (the 1953 treaty, atopid 3240).
    for y in years.iter().filter(|y| y["year"].as_i64() <= Some(2016)) {
        let a = &y["alliance"];
        assert_eq!((a["tie_ab"].as_i64(), a["tie_ba"].as_i64()), (Some(3), Some(3)), "{y}");
        assert!(
            a["shared_alliances"]
                .as_array()
                .is_some_and(|s| s.contains(&3240.into())),
            "{y}"
        );
        let s = a["s_unweighted"].as_f64().expect("S");
        assert!(s > 0.0 && s <= 1.0, "{y}");
    }
    // UN agreement in 2019, hand-counted: 38 same, 22 one abstained, 31 opposite of 91.
    let y2019 = years.iter().find(|y| y["year"] == 2019).expect("2019");
    let votes = &y2019["votes"];
    assert_eq!(votes["joint"], 91);
    assert_eq!(
        (votes["same"].as_i64(), votes["one_abstained"].as_i64()),
        (Some(38), Some(22))
    );
    assert!((votes["three_category"].as_f64().unwrap_or(0.0) - 49.0 / 91.0).abs() < 1e-12);
    assert!((votes["two_category"].as_f64().unwrap_or(0.0) - 33.0 / 64.0).abs() < 1e-12);
    assert!(y2019["alliance"].is_null(), "ATOP v4.01 ends in 2016");

    // The table, and one measure alone.
    let table = ok(&entente(
        &["align", "ROK", "United States", "--from", "2019", "--to", "2019"],
        dir,
    ));
    assert!(table.contains("2019  0.538  0.516  91"), "{table}");
    let csv = ok(&entente(
        &[
            "align",
            "KOR",
            "USA",
            "--from",
            "1991",
            "--measure",
            "un3",
            "--format",
            "csv",
        ],
        dir,
    ));
    assert!(csv.starts_with("year,un3,roll_calls,sources\n"), "{csv}");
    assert!(csv.contains("\n2019,0.538,91,"), "{csv}");
}

#[test]
fn svg_charts() {
    let Some(dir) = imported() else { return };
    let out = temp_dir("datasets-svg");
    for (args, file) in [
        (vec!["align", "KOR", "USA", "--from", "1991"], "align.svg"),
        (
            vec!["flows", "--supplier", "KOR", "--recipient-in", "NATO"],
            "flows.svg",
        ),
        (vec!["dependence", "POL", "--from", "2010"], "dependence.svg"),
    ] {
        let path = out.join(file);
        let mut args = args;
        let p = path.display().to_string();
        args.extend(["--svg", &p]);
        ok(&entente(&args, dir));
        let svg = std::fs::read_to_string(&path).expect("chart written");
        assert!(svg.starts_with("<svg"), "{file}");
        assert!(svg.contains("<polyline") || svg.contains("<path"), "{file} has no line");
    }
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn every_curated_korean_export_is_linked_to_its_sipri_deal() {
    let Some(dir) = imported() else { return };
    let v = json(&ok(&entente(
        &["sipri-links", "--supplier", "KOR", "--format", "json"],
        dir,
    )));
    let rows = v.as_array().expect("rows");
    assert!(rows.len() >= 31, "{}", rows.len());
    // Every curated deal is linked, except those the register cannot hold: orders after its last
    // year (2024), and options SIPRI counts in one row with the first contract (Estonia's 24 guns,
    // Finland's 2022 option beside the 2021 one).
    let unlinked: std::collections::BTreeSet<&str> = rows
        .iter()
        .filter(|r| r["sipri"].is_null())
        .map(|r| r["transfer"].as_str().unwrap())
        .collect();
    let after_register = rows
        .iter()
        .filter(|r| {
            r["order_date"]
                .as_str()
                .and_then(|d| d.get(..4)?.parse::<i32>().ok())
                .is_some_and(|y| y > 2024)
        })
        .map(|r| r["transfer"].as_str().unwrap());
    let expected: std::collections::BTreeSet<&str> = ["kor-fin-k9-2022", "kor-est-k9-2019", "kor-est-k9-option-2"]
        .into_iter()
        .chain(after_register)
        .collect();
    assert!(expected.contains("kor-nor-k9-2025"), "{expected:?}");
    assert_eq!(unlinked, expected, "unlinked: {v}");
    let k2pl = rows
        .iter()
        .find(|r| r["transfer"] == "kor-pol-k2pl-2022")
        .expect("K2PL");
    assert_eq!(
        k2pl["sipri"]["line"], 20146,
        "the 820-tank framework, not the 180-tank contract"
    );
    assert_eq!(k2pl["sipri"]["tiv_order"], 3895.0);
    let k2 = rows.iter().find(|r| r["transfer"] == "kor-pol-k2-2022").expect("K2");
    assert_eq!(k2["sipri"]["line"], 20141);
}

#[test]
fn malformed_files_give_line_numbered_errors_and_change_nothing() {
    let Some(fx) = fixtures() else { return };
    let dir = temp_dir("datasets-malformed");
    let data = dir.join("data");
    ok(&entente(
        &[
            "import",
            "atop",
            &fx.join("atop/atop-member-level.csv").display().to_string(),
        ],
        &data,
    ));
    let before = ok(&entente(&["datasets", "--format", "json"], &data));
    let register = std::fs::read(fx.join("sipri/trade-register.csv")).expect("fixture");
    let cut = register
        .iter()
        .enumerate()
        .filter(|(_, &b)| b == b'\n')
        .nth(99)
        .map_or(0, |(i, _)| i + 1)
        + 40;
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("Recipient,Supplier\r\n".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    for (name, bytes, dataset, expect) in [
        (
            "truncated.csv",
            &register[..cut],
            "sipri",
            "truncated.csv:101: the file ends in the middle of a record",
        ),
        ("empty.csv", &[][..], "sipri", "empty.csv:1: empty file"),
        ("utf16.csv", &utf16[..], "sipri", "utf16.csv:1: the file is UTF-16 text"),
        ("empty.csv", &[][..], "atop", "empty.csv:1: empty file"),
    ] {
        let p = dir.join(name);
        std::fs::write(&p, bytes).expect("write");
        let o = entente(&["import", dataset, &p.display().to_string()], &data);
        assert_eq!(o.status.code(), Some(1), "{name}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(expect), "{name}: {err}");
        assert!(err.contains("could not be imported"), "{name}: {err}");
        assert_eq!(ok(&entente(&["datasets", "--format", "json"], &data)), before, "{name}");
    }
    // One bad file among good ones: the good ones are imported, the exit status says a file failed.
    let o = entente(
        &[
            "import",
            "atop",
            &dir.join("empty.csv").display().to_string(),
            &fx.join("atop/all-fp-sim.csv").display().to_string(),
        ],
        &data,
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stdout).contains("all-fp-sim.csv → atop"));
    assert!(String::from_utf8_lossy(&o.stderr).contains("1 of 2 file(s) could not be imported"));
    // A missing file.
    let o = entente(&["import", "sipri", "/nonexistent/register.csv"], &data);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("/nonexistent/register.csv"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn without_imported_data_the_commands_say_what_to_import() {
    let dir = temp_dir("datasets-empty");
    let o = entente(&["flows", "--supplier", "KOR"], &dir);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("entente import sipri"));
    let out = ok(&entente(&["align", "KOR", "USA"], &dir));
    assert!(out.contains("ATOP is not imported"), "{out}");
    assert!(out.contains("(none)"), "{out}");
    let out = ok(&entente(&["datasets"], &dir));
    assert!(out.starts_with("0 file(s) imported"), "{out}");
    // Unknown actors get the knowledge base's suggestions.
    let o = entente(&["dependence", "Polnad"], &dir);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("did you mean"), "{:?}", o);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn default_data_directory_follows_the_environment() {
    let dir = temp_dir("datasets-env");
    let run = |envs: &[(&str, &Path)]| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_entente"));
        c.arg("datasets")
            .env_remove("ENTENTE_DATA_DIR")
            .env_remove("XDG_DATA_HOME");
        for (k, v) in envs {
            c.env(k, v);
        }
        ok(&c.output().expect("run entente"))
    };
    let explicit = dir.join("explicit");
    let out = run(&[("ENTENTE_DATA_DIR", &explicit), ("XDG_DATA_HOME", &dir)]);
    assert!(out.contains(&explicit.join("datasets").display().to_string()), "{out}");
    let out = run(&[("XDG_DATA_HOME", &dir)]);
    assert!(
        out.contains(&dir.join("entente").join("datasets").display().to_string()),
        "{out}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn transfers_carry_their_sipri_deal_when_the_register_is_imported() {
    let Some(dir) = imported() else { return };
    let table = ok(&entente(&["transfers", "--recipient", "POL"], dir));
    assert!(table.contains("SIPRI TIV"), "{table}");
    assert!(
        table.contains("SIPRI Arms Transfers Database: trade register"),
        "{table}"
    );
    let list = json(&ok(&entente(&["transfers", "--recipient", "POL", "-f", "json"], dir)));
    let rows = list["transfers"].as_array().unwrap();
    assert_eq!(list["total"].as_u64(), Some(rows.len() as u64));
    // Every curated Polish deal is linked to its register line; the register's other Polish deals
    // follow, marked as derived and cited by their line.
    let (curated, derived): (Vec<_>, Vec<_>) = rows.iter().partition(|r| r["derived"].is_null());
    assert!(
        !curated.is_empty() && derived.len() > 50,
        "{} {}",
        curated.len(),
        derived.len()
    );
    // Every curated Polish deal ordered within the register's years (to 2024) is linked.
    let in_register = |r: &&&serde_json::Value| {
        r["order_date"]
            .as_str()
            .is_some_and(|d| d[..4].parse::<i32>().is_ok_and(|y| y <= 2024))
    };
    assert!(curated.iter().filter(in_register).count() >= 10);
    assert!(
        curated
            .iter()
            .filter(in_register)
            .all(|r| r["sipri"]["line"].as_u64().is_some()),
        "every curated Polish deal of the register's years linked"
    );
    assert!(derived
        .iter()
        .all(|r| r["derived"] == "SIPRI register" && r["citations"][0]["locator"].as_str().unwrap().contains("line")));
    assert!(table.contains("from the SIPRI register only"), "{table}");
    // Without the register, the column is not there and nothing fails.
    let empty = temp_dir("datasets-transfers-empty");
    let table = ok(&entente(&["transfers", "--recipient", "POL"], &empty));
    assert!(!table.contains("SIPRI TIV"));
}
