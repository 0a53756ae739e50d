//! The analytics on the shipped NATO–ROK dataset: the deepening after 2022, the change points at
//! the documented steps, explanations that add up, a configuration that matters.

use entente_analysis::*;
use entente_kb::KnowledgeBase;
use entente_model::{Day, PartialDate};

fn kb() -> KnowledgeBase {
    KnowledgeBase::new(
        entente_facts::load(entente_facts::shipped())
            .into_result()
            .expect("shipped data is valid"),
    )
}

fn day(s: &str) -> Day {
    PartialDate::parse(s).unwrap().latest()
}

#[test]
fn the_index_shows_the_post_2022_deepening() {
    let kb = kb();
    let d = DyadDepth::build(&kb, "NATO", "KOR", &DepthConfig::shipped());
    let before = d.at(day("2021-12-31")).composite.expect("covered");
    let after = d.at(day("2023-12-31")).composite.expect("covered");
    assert!(after > before + 20.0, "2021: {before:.1}, 2023: {after:.1}");
    // Before the dialogue began there was nothing institutional or political.
    let early = d.at(day("2004-12-31"));
    assert_eq!(early.score(DepthDimension::Institutional), Some(0.0));
    assert_eq!(early.score(DepthDimension::Political), Some(0.0));
    // Cyber starts in 2022: the Locked Shields exercise (April) and the NIS joining the CCDCOE (May).
    assert_eq!(d.at(day("2022-03-31")).score(DepthDimension::Cyber), Some(0.0));
    assert!(d.at(day("2022-05-31")).score(DepthDimension::Cyber) > Some(50.0));
    // The curated facts cover every dimension of this dyad: the whole index is data-backed.
    assert!((d.at(day("2023-12-31")).coverage - 1.0).abs() < 1e-9);
}

#[test]
fn change_points_fall_at_the_documented_steps() {
    let kb = kb();
    let cfg = DepthConfig::shipped();
    let d = DyadDepth::build(&kb, "NATO", "KOR", &cfg);
    let series = d.series(day("2000-01"), day("2025-06"), Step::Month);
    let cps = index_changes(&kb, "NATO", "KOR", &series, &cfg);
    let months: Vec<String> = cps
        .iter()
        .map(|c| format!("{:04}-{:02}", c.date.year, c.date.month))
        .collect();
    let near = |target: &str, tolerance_months: i64| {
        let t = PartialDate::parse(target).unwrap().earliest().ordinal();
        cps.iter()
            .any(|c| (c.date.ordinal() - t).abs() <= tolerance_months * 31)
    };
    // Dialogue (2005), contact country (Nov 2006), ISAF PRT (Jul 2010), first IPCP (Sep 2012),
    // the post-invasion deepening (NIS May 2022, Madrid June 2022, Polish deals), ITPP (Jul 2023).
    for (target, tol) in [
        ("2005-07", 6),
        ("2006-11", 2),
        ("2010-07", 2),
        ("2012-09", 2),
        ("2022-06", 2),
        ("2023-07", 2),
    ] {
        assert!(near(target, tol), "no change point near {target}: {months:?}");
    }
    for c in &cps {
        assert!(c.earliest <= c.date && c.date <= c.latest, "{c:?}");
    }
    // The largest shift is the 2022 one.
    let largest = cps.iter().max_by(|x, y| x.delta().total_cmp(&y.delta())).unwrap();
    assert_eq!(largest.date.year, 2022);
    // Its candidate drivers include the war and Yoon's policy, each with sources.
    let ids: Vec<&str> = largest.drivers.iter().map(|d| d.driver.as_str()).collect();
    assert!(
        ids.contains(&"driver-russia-war") && ids.contains(&"driver-global-pivotal-state"),
        "{ids:?}"
    );
    assert!(largest.drivers.iter().all(|d| !d.citations.is_empty()));
    assert!(largest
        .drivers
        .iter()
        .all(|d| d.lead_months <= cfg.changes.driver_window_before_months as f64));
}

#[test]
fn explanations_add_up_to_the_index() {
    let kb = kb();
    let d = DyadDepth::build(&kb, "NATO", "KOR", &DepthConfig::shipped());
    let when = day("2023");
    let ex = d.explain(when);
    let point = d.at(when);
    assert_eq!(ex.composite, point.composite);
    let mut composite = 0.0;
    for dim in &ex.dimensions {
        let sum: f64 = dim.items.iter().map(|i| i.points).sum();
        assert!((sum - dim.points).abs() < 1e-9);
        let score = 100.0 * (1.0 - (-dim.points / dim.scale).exp());
        if dim.weight > 0.0 {
            assert!((score - dim.score.expect("covered")).abs() < 1e-9);
        }
        composite += dim.weight * dim.score.unwrap_or(0.0);
        for i in &dim.items {
            assert!(!i.citations.is_empty(), "{} has no source", i.fact);
            assert!((i.points - i.base * i.factor).abs() < 1e-9);
        }
    }
    assert!((composite - ex.composite.unwrap()).abs() < 1e-9);
    // The ITPP is among the institutional contributions in 2023, at full strength.
    let inst = ex
        .dimensions
        .iter()
        .find(|d| d.dimension == DepthDimension::Institutional)
        .unwrap();
    let itpp = inst
        .items
        .iter()
        .find(|i| i.fact == "kor-nato-itpp-2023")
        .expect("ITPP contributes");
    assert_eq!(itpp.factor, 1.0);
    // A deal with Poland counts through the member.
    let def = ex
        .dimensions
        .iter()
        .find(|d| d.dimension == DepthDimension::DefenceIndustrial)
        .unwrap();
    assert!(def.items.iter().any(|i| i.via.as_deref() == Some("POL")));
}

#[test]
fn changing_a_weight_changes_the_index() {
    let kb = kb();
    let shipped = DyadDepth::build(&kb, "NATO", "KOR", &DepthConfig::shipped())
        .at(day("2023"))
        .composite
        .unwrap();
    let cfg = DepthConfig::parse_over_defaults("[weights]\ncyber = 0.9\n").unwrap();
    let changed = DyadDepth::build(&kb, "NATO", "KOR", &cfg)
        .at(day("2023"))
        .composite
        .unwrap();
    assert!((shipped - changed).abs() > 1.0, "{shipped} vs {changed}");
    // And a half-life: slower decay keeps older events in the index.
    let slow = DepthConfig::parse_over_defaults("[index]\nhalf_life_years = 20.0\n").unwrap();
    let slow_value = DyadDepth::build(&kb, "NATO", "KOR", &slow)
        .at(day("2023"))
        .composite
        .unwrap();
    assert!(slow_value > shipped);
}

#[test]
fn peers_default_to_the_other_indo_pacific_partners() {
    let kb = kb();
    assert_eq!(default_peers(&kb, "KOR", day("2024")), vec!["AUS", "JPN", "NZL"]);
    // The smallest groupings only: Japan is in IP4 and the Quad (four each), not the G20's peers.
    assert_eq!(
        default_peers(&kb, "JPN", day("2024")),
        vec!["AUS", "IND", "KOR", "NZL", "USA"]
    );
    let dyads: Vec<(String, String)> = ["KOR", "JPN", "AUS", "NZL"]
        .iter()
        .map(|p| ("NATO".to_string(), p.to_string()))
        .collect();
    let all = compare(
        &kb,
        &dyads,
        &DepthConfig::shipped(),
        (day("2000"), day("2024"), Step::Year),
        &Sources::default(),
    )
    .expect("no lake, no error");
    assert_eq!(all.len(), 4);
    // Compared on what the sources cover: the ROK's partnership is recorded in every dimension, the
    // others' only where their facts speak, so the comparison is on the composite with uncovered
    // dimensions at zero (the floor); the ROK's is also fully covered.
    let floor: Vec<f64> = all.iter().map(|d| d.latest().unwrap().floor()).collect();
    assert!(
        floor[0] > floor[1] && floor[0] > floor[2] && floor[0] > floor[3],
        "{floor:?}"
    );
    assert!((all[0].latest().unwrap().coverage - 1.0).abs() < 1e-9);
    // The comparison says which dimensions to show, by A–B's rule, for every surface.
    let cfg = DepthConfig::shipped();
    let cmp = peers(
        &kb,
        "NATO",
        "KOR",
        Vec::new(),
        &cfg,
        (day("2000"), day("2024"), Step::Year),
        &Sources::default(),
    )
    .expect("no lake, no error");
    let shown = DyadDepth::build(&kb, "NATO", "KOR", &cfg).shown_dimensions();
    assert_eq!(cmp.dimensions, shown);
    assert!(shown.contains(&DepthDimension::Cyber) && !shown.contains(&DepthDimension::EventData));
    assert_eq!(cmp.dyads.len(), 4, "A–B and the three default peers");
}

#[test]
fn outlook_lists_drivers_then_uncertainties_with_newest_evidence_first() {
    let kb = kb();
    let o = outlook(&kb, "NATO", "KOR");
    let kinds: Vec<bool> = o
        .drivers
        .iter()
        .map(|d| d.kind == entente_model::DriverKind::Uncertainty)
        .collect();
    assert!(kinds.windows(2).all(|w| !w[0] || w[1]), "uncertainties come last");
    let ids: Vec<&str> = o.drivers.iter().map(|d| d.id.as_str()).collect();
    assert!(ids.contains(&"driver-rok-domestic-politics") && ids.contains(&"driver-us-administration"));
    for d in &o.drivers {
        assert!(!d.citations.is_empty());
        for i in &d.indicators {
            assert!(i.evidence.windows(2).all(|w| w[0].date >= w[1].date));
        }
    }
}

fn evidence(months: &[(&str, u64, u64)]) -> entente_analysis::events::EventEvidence {
    use entente_analysis::events::{EventEvidence, EventMonth, SideMode};
    EventEvidence {
        a: "NATO".into(),
        b: "KOR".into(),
        mode: SideMode::Itself,
        months: months
            .iter()
            .map(|(m, coop, conf)| EventMonth {
                month: PartialDate::parse(m).unwrap().earliest(),
                events: coop + conf,
                cooperation: *coop,
                conflict: *conf,
            })
            .collect(),
        citations: Vec::new(),
    }
}

#[test]
fn event_data_enter_the_index_only_when_attached_and_add_up() {
    let kb = kb();
    let cfg = DepthConfig::shipped();
    let plain = DyadDepth::build(&kb, "NATO", "KOR", &cfg);
    let on = day("2023-06-30");
    // Without event data the dimension is out of the composite, whatever its configured weight.
    assert!(cfg.weights["event_data"] > 0.0);
    assert!(!plain.event_data);
    // 99 cooperative and 9 conflictual events: 1.0 × log10(100) − 1.0 × log10(10) = 1 point;
    // a month with more conflict than cooperation earns nothing.
    let ev = evidence(&[("2023-05", 99, 9), ("2023-06", 3, 50)]);
    let with = plain.clone().with_events(&ev);
    assert!(with.event_data);
    let items: Vec<_> = with
        .contributions
        .iter()
        .filter(|c| c.dimension == DepthDimension::EventData)
        .collect();
    assert_eq!(items.len(), 1, "only the cooperative month contributes");
    assert!((items[0].base - 1.0).abs() < 1e-9, "{}", items[0].base);
    // The composite is now a weighted mean over six dimensions, and explanations still add up.
    let p = with.at(on);
    assert!(p.score(DepthDimension::EventData) > Some(0.0));
    assert_ne!(p.composite, plain.at(on).composite);
    let ex = with.explain(on);
    let total: f64 = ex.dimensions.iter().map(|d| d.weight * d.score.unwrap_or(0.0)).sum();
    assert!((total - ex.composite.unwrap()).abs() < 1e-9);
    let w: f64 = ex.dimensions.iter().map(|d| d.weight).sum();
    assert!((w - 1.0).abs() < 1e-9);
    // A month's points fade with the event-data half-life (half a year by default).
    let half = with
        .explain(day("2023-11-01"))
        .dimensions
        .into_iter()
        .find(|d| d.dimension == DepthDimension::EventData)
        .unwrap();
    assert!((half.items[0].factor - 0.5).abs() < 0.01, "{}", half.items[0].factor);
}

#[test]
fn event_evidence_from_a_real_gdelt_file() {
    let Some(fixture) = entente_testkit::shared("gdelt/v2/20191024143000.export.CSV") else {
        return;
    };
    let dir = std::env::temp_dir().join(format!("entente-analysis-lake-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut lake = entente_events::Lake::open(&dir).unwrap();
    lake.ingest(
        &fixture,
        entente_events::SourceKind::Gdelt2,
        &entente_events::IngestOptions::default(),
        &mut |_| {},
    )
    .unwrap();
    let kb = kb();
    use entente_analysis::events::{evidence, SideMode};
    let ev = evidence(&lake, &kb, "USA", "CHN", SideMode::Itself)
        .unwrap()
        .expect("the file has US–China events");
    // The months agree with the lake's own series, both directions.
    let q = entente_events::SeriesQuery {
        a: entente_events::SideSpec::actor("USA"),
        b: entente_events::SideSpec::actor("CHN"),
        by: entente_events::Granularity::Month,
        from: None,
        to: None,
        symmetric: true,
        sources: vec![],
    };
    let rows = lake.dyad_series(&q).unwrap();
    assert_eq!(ev.total(), rows.iter().map(|r| r.counts.events).sum::<u64>());
    assert!(ev.total() > 0);
    assert_eq!(ev.citations.len(), 1);
    assert!(ev.citations[0].url.contains("gdeltproject"));
    // NATO's members count only when asked: the US alone has more events with China than NATO itself.
    let org = evidence(&lake, &kb, "NATO", "CHN", SideMode::Itself).unwrap();
    let members = evidence(&lake, &kb, "NATO", "CHN", SideMode::Both).unwrap().unwrap();
    assert!(members.total() >= ev.total());
    assert!(org.map_or(0, |e| e.total()) < members.total());
    let sources = Sources {
        lake: Some(&lake),
        tables: None,
    };
    let depth = DyadDepth::build_with(&kb, "USA", "CHN", &DepthConfig::shipped(), &sources).unwrap();
    assert!(depth.event_data);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_members_deals_with_fellow_members_are_not_ties_with_their_organisation() {
    let kb = kb();
    // The ROK is a UN member and an IP4 partner: the deals of the other members with it are
    // within those organisations, not ties between the ROK and them.
    for org in ["UN", "IP4"] {
        let d = DyadDepth::build(&kb, "KOR", org, &DepthConfig::shipped());
        let through: Vec<&str> = d
            .contributions
            .iter()
            .filter(|c| c.via.is_some())
            .map(|c| c.fact.as_str())
            .collect();
        assert!(through.is_empty(), "KOR–{org}: {through:?}");
    }
    // For an outsider the members still count: Poland's K2 deal is a NATO–ROK tie.
    let d = DyadDepth::build(&kb, "NATO", "KOR", &DepthConfig::shipped());
    assert!(d.contributions.iter().any(|c| c.via.as_deref() == Some("POL")));
}
