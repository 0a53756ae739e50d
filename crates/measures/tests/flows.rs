//! Arms-transfer flows, dependence and concentration: on constructed deals, and on the SIPRI
//! register (Korea's share of Poland's imports; the NATO members among Korea's customers).

use entente_datasets::sipri::{read, Deal, PartyKind, Status};
use entente_measures::flows::{
    concentration, customers_by_year, delivered_by_year, dependence, hhi, ordered_by_year, undated_delivered, Flow,
};
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

fn register() -> Option<&'static Vec<Deal>> {
    static DEALS: OnceLock<Option<Vec<Deal>>> = OnceLock::new();
    let deals = DEALS.get_or_init(|| {
        let path = entente_testkit::shared("sipri/trade-register.csv")?;
        let file = std::fs::File::open(path).expect("readable");
        Some(
            read("trade-register.csv", std::io::BufReader::new(file), &mut |_| {})
                .expect("reads")
                .0,
        )
    });
    deals.as_ref()
}

/// A constructed deal: `tiv` delivered over `years`, `order` TIV ordered in `ordered`.
fn deal(supplier: &str, recipient: &str, ordered: i32, order: f64, tiv: f64, years: &[i32]) -> Deal {
    Deal {
        line: 1,
        lines: 1,
        recipient: Arc::from(recipient),
        recipient_id: Some(Arc::from(recipient)),
        recipient_kind: PartyKind::State,
        supplier: Arc::from(supplier),
        supplier_id: Some(Arc::from(supplier)),
        supplier_kind: PartyKind::State,
        order_year: Some(ordered),
        order_year_uncertain: false,
        ordered: Some(1),
        ordered_uncertain: false,
        designation: "x".into(),
        description: "y".into(),
        delivered: Some(1),
        delivered_uncertain: false,
        delivery_years: years.to_vec(),
        status: Status::New,
        comments: String::new(),
        tiv_per_unit: None,
        tiv_order: Some(order),
        tiv_delivered: Some(tiv),
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9 * b.abs().max(1.0)
}

#[test]
fn delivered_tiv_is_spread_evenly_over_the_delivery_years() {
    let deals = [
        deal("KOR", "POL", 2022, 855.0, 399.0, &[2022, 2023, 2024]),
        deal("KOR", "POL", 2022, 920.08, 572.88, &[2022, 2023, 2024]),
        deal("USA", "POL", 2020, 100.0, 10.0, &[2024]),
        deal("KOR", "NOR", 2017, 200.0, 0.0, &[]),
    ];
    let flows = delivered_by_year(&deals);
    let got: Vec<(&str, &str, i32, u32)> = flows
        .iter()
        .map(|f| (f.supplier.as_str(), f.recipient.as_str(), f.year, f.deals))
        .collect();
    assert_eq!(
        got,
        [
            ("KOR", "POL", 2022, 2),
            ("KOR", "POL", 2023, 2),
            ("KOR", "POL", 2024, 2),
            ("USA", "POL", 2024, 1)
        ]
    );
    assert!(close(flows[0].tiv, (399.0 + 572.88) / 3.0));
    let total: f64 = flows.iter().map(|f| f.tiv).sum();
    assert!(close(total, 399.0 + 572.88 + 10.0));
    assert_eq!(undated_delivered(&deals), 0.0);
    let ordered = ordered_by_year(&deals);
    let got: Vec<(&str, &str, i32, u32)> = ordered
        .iter()
        .map(|f| (f.supplier.as_str(), f.recipient.as_str(), f.year, f.deals))
        .collect();
    assert_eq!(
        got,
        [
            ("KOR", "NOR", 2017, 1),
            ("KOR", "POL", 2022, 2),
            ("USA", "POL", 2020, 1)
        ]
    );
    assert!(close(ordered[1].tiv, 855.0 + 920.08));
}

#[test]
fn hhi_of_a_constructed_case() {
    // Poland 2020–2024: 60 from the USA, 30 from Korea, 10 from Germany.
    let flow = |s: &str, year, tiv| Flow {
        supplier: s.into(),
        recipient: "POL".into(),
        year,
        tiv,
        deals: 1,
    };
    let flows = [
        flow("USA", 2020, 40.0),
        flow("USA", 2024, 20.0),
        flow("KOR", 2023, 30.0),
        flow("DEU", 2021, 10.0),
        flow("DEU", 2019, 99.0),
    ];
    let shares = dependence(&flows, "POL", 2020, 2024);
    let got: Vec<(&str, f64)> = shares.iter().map(|s| (s.supplier.as_str(), s.share)).collect();
    assert_eq!(got.len(), 3);
    assert_eq!(got[0].0, "USA");
    assert!(close(got[0].1, 0.6) && close(got[1].1, 0.3) && close(got[2].1, 0.1));
    let c = concentration(&flows, "POL", 2020, 2024).expect("imports");
    // 0.6² + 0.3² + 0.1² = 0.36 + 0.09 + 0.01.
    assert!(close(c.hhi, 0.46), "{}", c.hhi);
    assert!(close(c.hhi_points, 4_600.0));
    assert_eq!((c.suppliers, c.total), (3, 100.0));
    assert!(close(hhi(&[60.0, 30.0, 10.0]), 0.46));
    assert_eq!(concentration(&flows, "FIN", 2020, 2024), None);
}

#[test]
fn spread_tiv_sums_to_the_delivered_total() {
    let Some(deals) = register() else { return };
    let flows = delivered_by_year(deals);
    let spread: f64 = flows.iter().map(|f| f.tiv).sum();
    let delivered: f64 = deals.iter().filter_map(|d| d.tiv_delivered).sum();
    // Every deal without a delivery year delivered 0, so nothing is left out.
    assert_eq!(undated_delivered(deals), 0.0);
    assert!((spread - delivered).abs() < 1e-6, "{spread} vs {delivered}");
    assert!((delivered - 2_092_211.45).abs() < 1e-6);
    // Per dyad, too: Korea → Poland.
    let kor_pol: f64 = flows
        .iter()
        .filter(|f| f.supplier == "KOR" && f.recipient == "POL")
        .map(|f| f.tiv)
        .sum();
    let direct: f64 = deals
        .iter()
        .filter(|d| d.supplier_id.as_deref() == Some("KOR") && d.recipient_id.as_deref() == Some("POL"))
        .filter_map(|d| d.tiv_delivered)
        .sum();
    assert!(close(kor_pol, direct));
}

/// Korea's share of Poland's arms imports, 2018–2024, by delivered TIV.
#[test]
fn korea_share_of_polish_imports_2018_2024() {
    let Some(deals) = register() else { return };
    // Numerator by hand, from the register's Korean deals with Poland delivering in 2018–2024 (all
    // of their delivery years fall in the period, so each counts in full):
    // K-9 chassis for Krab (2016) 56.64, K2 (2022) 399, K-239 Chunmoo 59.4, CTM-290 KTSSM 14,
    // CGR-080 rockets 144, K-9 Thunder (212) 572.88, FA-50 (12) 197.4, KLTV 7.
    let korea = 56.64 + 399.0 + 59.4 + 14.0 + 144.0 + 572.88 + 197.4 + 7.0;
    assert!(close(korea, 1_450.32));
    // Denominator straight from the deals (not through the flows): each Polish import's delivered TIV
    // times the fraction of its delivery years inside the period.
    let total: f64 = deals
        .iter()
        .filter(|d| d.recipient_id.as_deref() == Some("POL") && !d.delivery_years.is_empty())
        .map(|d| {
            let inside = d.delivery_years.iter().filter(|&&y| (2018..=2024).contains(&y)).count();
            d.tiv_delivered.unwrap_or(0.0) * inside as f64 / d.delivery_years.len() as f64
        })
        .sum();
    assert!((total - 3_658.238_761_904_762_6).abs() < 1e-6, "{total}");

    let shares = dependence(&delivered_by_year(deals), "POL", 2018, 2024);
    let kor = shares
        .iter()
        .find(|s| s.supplier == "KOR")
        .expect("Korea supplies Poland");
    assert!(close(kor.tiv, korea), "{}", kor.tiv);
    assert!(close(kor.total, total));
    assert!(close(kor.share, korea / total));
    assert!((kor.share - 0.396_453).abs() < 5e-7, "{}", kor.share);
    // Second only to the United States (43.2 %).
    let order: Vec<&str> = shares.iter().take(3).map(|s| s.supplier.as_str()).collect();
    assert_eq!(order, ["USA", "KOR", "ITA"]);
    let c = concentration(&delivered_by_year(deals), "POL", 2018, 2024).expect("imports");
    assert_eq!(c.suppliers, 11);
    assert!((c.hhi - 0.347_820_7).abs() < 1e-6, "{}", c.hhi);

    // By order year: Poland's 2022 orders from Korea (K2 ×180 and ×820, K-9 ×212 and ×308,
    // Chunmoo, KTSSM, CGR-080, FA-50 ×12 and ×36).
    let ordered = ordered_by_year(deals);
    let kor_2022 = ordered
        .iter()
        .find(|f| f.supplier == "KOR" && f.recipient == "POL" && f.year == 2022)
        .expect("2022");
    assert_eq!(kor_2022.deals, 9);
    assert!(close(
        kor_2022.tiv,
        855.0 + 3_895.0 + 920.08 + 1_336.72 + 319.0 + 0.0 + 800.0 + 197.4 + 0.0
    ));
}

/// The NATO members among Korea's customers, by delivery year. Membership from
/// data/nato/members.toml (accession years); a state counts from its accession year.
#[test]
fn nato_members_among_korea_customers() {
    let Some(deals) = register() else { return };
    let accession: BTreeMap<&str, i32> = [
        ("BEL", 1949),
        ("CAN", 1949),
        ("DNK", 1949),
        ("FRA", 1949),
        ("ISL", 1949),
        ("ITA", 1949),
        ("LUX", 1949),
        ("NLD", 1949),
        ("NOR", 1949),
        ("PRT", 1949),
        ("GBR", 1949),
        ("USA", 1949),
        ("GRC", 1952),
        ("TUR", 1952),
        ("DEU", 1955),
        ("ESP", 1982),
        ("CZE", 1999),
        ("HUN", 1999),
        ("POL", 1999),
        ("BGR", 2004),
        ("EST", 2004),
        ("LVA", 2004),
        ("LTU", 2004),
        ("ROU", 2004),
        ("SVK", 2004),
        ("SVN", 2004),
        ("ALB", 2009),
        ("HRV", 2009),
        ("MNE", 2017),
        ("MKD", 2020),
        ("FIN", 2023),
        ("SWE", 2024),
    ]
    .into_iter()
    .collect();
    let member = |id: &str, year: i32| accession.get(id).is_some_and(|&from| from <= year);
    let customers = customers_by_year(&delivered_by_year(deals), "KOR", member);
    let mut by_year: BTreeMap<i32, Vec<&str>> = BTreeMap::new();
    for f in &customers {
        by_year.entry(f.year).or_default().push(&f.recipient);
    }
    assert_eq!(by_year.keys().next(), Some(&2004), "Turkey's K-9 (T-155) from 2004");
    assert_eq!(by_year[&2017], ["GBR", "POL", "TUR"]);
    assert_eq!(by_year[&2018], ["GBR", "NOR", "POL", "TUR"]);
    assert_eq!(by_year[&2022], ["EST", "POL"]);
    assert_eq!(by_year[&2023], ["EST", "FIN", "POL"]);
    assert_eq!(by_year[&2024], ["FIN", "POL", "ROU"]);
    let pol_2023 = customers
        .iter()
        .find(|f| f.year == 2023 && f.recipient == "POL")
        .expect("Poland 2023");
    assert!((pol_2023.tiv - 638.1514).abs() < 1e-4, "{}", pol_2023.tiv);
}
