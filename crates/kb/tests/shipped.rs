//! Expectations on the shipped NATO–ROK dataset: the facts an analyst would check first.

use entente_kb::{KnowledgeBase, MembershipAt, TimelineQuery, TransferQuery};
use entente_model::{EventKind, Instrument, PartialDate, RelationKind};

fn kb() -> KnowledgeBase {
    let report = entente_facts::load(entente_facts::shipped());
    let errors: Vec<String> = report.diagnostics.iter().map(|d| d.to_string()).collect();
    KnowledgeBase::new(
        report
            .into_result()
            .unwrap_or_else(|_| panic!("shipped data has errors:\n{}", errors.join("\n"))),
    )
}

fn day(s: &str) -> entente_model::Day {
    PartialDate::parse(s).unwrap().earliest()
}

#[test]
fn shipped_dataset_is_large_and_fully_sourced() {
    let kb = kb();
    let facts = kb.facts();
    assert!(facts.fact_count() >= 200, "only {} facts", facts.fact_count());
    for f in kb.all_facts() {
        let cites = kb.cite(f.sources());
        assert!(!cites.is_empty(), "{} cites no source", f.id());
        for c in cites {
            assert!(
                c.url.starts_with("http"),
                "{}: source {} has no address",
                f.id(),
                c.source
            );
        }
    }
}

#[test]
fn nato_has_31_members_on_2023_07_12_and_32_on_2024_03_08() {
    let kb = kb();
    assert_eq!(kb.members_at("NATO", day("2023-07-12")).len(), 31);
    assert_eq!(kb.members_at("NATO", day("2024-03-08")).len(), 32);
    assert_eq!(kb.members_at("NATO", day("1949-08-24")).len(), 12);
    let state = kb.state_at("NATO", day("2023-07-12"));
    assert_eq!(state.member_count, 31);
    assert!(state
        .entries
        .iter()
        .any(|e| e.counterpart == "FIN" && e.role == "member"));
    assert!(!state
        .entries
        .iter()
        .any(|e| e.counterpart == "SWE" && e.role == "member"));
    // The ROK's programme in force that day is the ITPP adopted the day before.
    assert!(state
        .entries
        .iter()
        .any(|e| e.counterpart == "KOR" && e.status.as_deref() == Some("ITPP")));
}

#[test]
fn nis_joins_the_ccdcoe_on_2022_05_05() {
    let kb = kb();
    let r = kb
        .facts()
        .relations
        .iter()
        .find(|r| r.subject == "kor-nis" && r.object == "CCDCOE")
        .expect("NIS participation in the CCDCOE");
    assert_eq!(r.interval.start, Some(PartialDate::parse("2022-05-05").unwrap()));
    assert_eq!(r.kind, RelationKind::Participation);
    assert_eq!(kb.actor("kor-nis").unwrap().parent.as_deref(), Some("KOR"));
    assert_eq!(kb.actor("CCDCOE").unwrap().parent.as_deref(), Some("NATO"));
    // Seen from the ROK: its agency's participation is the ROK's own.
    let state = kb.state_at("KOR", day("2022-06-01"));
    assert!(state
        .entries
        .iter()
        .any(|e| e.counterpart == "CCDCOE" && e.role == "participant in"));
    assert!(!kb
        .state_at("KOR", day("2022-05-04"))
        .entries
        .iter()
        .any(|e| e.counterpart == "CCDCOE"));
}

#[test]
fn polands_k2_deal_has_a_framework_agreement_then_an_executive_contract() {
    let kb = kb();
    let k2 = kb
        .facts()
        .transfers
        .iter()
        .find(|t| t.recipient == "POL" && t.system.starts_with("K2") && t.ordered == Some(180))
        .expect("the first K2 executive contract");
    let signings: Vec<_> = k2
        .signings
        .iter()
        .map(|id| kb.facts().events.iter().find(|e| &e.id == id).expect("signing event"))
        .collect();
    let framework = signings
        .iter()
        .find(|e| e.instrument == Some(Instrument::FrameworkAgreement))
        .expect("framework");
    let contract = signings
        .iter()
        .find(|e| e.instrument == Some(Instrument::ExecutiveContract))
        .expect("contract");
    assert_eq!(framework.date.to_string(), "2022-07-27");
    assert_eq!(contract.date.to_string(), "2022-08-26");
    assert!(signings.iter().all(|e| e.kind == EventKind::Signing));
}

#[test]
fn the_uk_bought_no_korean_weapon_system() {
    let kb = kb();
    let base = TransferQuery {
        supplier: Some("KOR".into()),
        recipient: Some("GBR".into()),
        ..Default::default()
    };
    let all = kb.transfers(&base);
    assert!(!all.is_empty(), "the Tide-class tankers are recorded");
    assert!(all.iter().all(|r| !r.transfer.weapon));
    assert!(kb
        .transfers(&TransferQuery {
            weapons_only: true,
            ..base
        })
        .is_empty());
}

#[test]
fn rok_isaf_service_starts_in_2010_and_earlier_units_served_in_oef() {
    let kb = kb();
    let deployments: Vec<_> = kb
        .facts()
        .relations
        .iter()
        .filter(|r| r.kind == RelationKind::Deployment && r.subject == "KOR")
        .collect();
    let isaf_start = deployments
        .iter()
        .filter(|r| r.object == "ISAF")
        .filter_map(|r| r.interval.start)
        .min()
        .unwrap();
    assert_eq!(isaf_start.year(), 2010);
    let early: Vec<_> = deployments
        .iter()
        .filter(|r| r.interval.start.is_some_and(|s| s.year() < 2008))
        .collect();
    assert_eq!(early.len(), 2, "Dongui and Dasan");
    for r in early {
        assert_eq!(r.object, "OEF", "{} served in the US-led coalition", r.id);
        assert_eq!(r.interval.end.map(|e| e.to_string()).as_deref(), Some("2007-12-14"));
    }
    assert_eq!(kb.actor("OEF").unwrap().parent.as_deref(), Some("USA"));
    assert_eq!(kb.actor("ISAF").unwrap().parent.as_deref(), Some("NATO"));
    // So the NATO–ROK chronology holds the ISAF years and not the coalition years.
    let t = kb.timeline(&TimelineQuery {
        actors: vec!["NATO".into(), "KOR".into()],
        kinds: vec!["deployment".into()],
        ..Default::default()
    });
    assert!(!t.entries.is_empty());
    assert!(
        t.entries.iter().all(|e| e.date.unwrap().year() >= 2010),
        "{:?}",
        t.entries
    );
}

#[test]
fn any_code_or_name_resolves_to_the_republic_of_korea() {
    let kb = kb();
    for q in [
        "KOR",
        "ROK",
        "South Korea",
        "south korea",
        "732",
        "Q884",
        "South Korean",
        "Republic of Korea",
        "KR",
    ] {
        assert_eq!(kb.resolve(q).map(|a| a.id.as_str()), Ok("KOR"), "{q}");
    }
    assert_eq!(kb.resolve("Polish").unwrap().id, "POL");
    assert_eq!(kb.resolve("Türkiye").unwrap().id, "TUR");
    assert_eq!(kb.resolve("North Korea").unwrap().id, "PRK");
    assert_eq!(kb.resolve("NIS").unwrap().id, "kor-nis");
    let err = kb.resolve("Sout Korea").unwrap_err();
    assert!(err.to_string().contains("KOR"), "{err}");
}

#[test]
fn search_forgives_typos() {
    let kb = kb();
    let hits = kb.search("Hanwa Aerospace", 3);
    assert_eq!(hits.first().map(|h| h.id.as_str()), Some("hanwha-aerospace"));
    let hits = kb.search("cyber defence centre", 3);
    assert_eq!(hits.first().map(|h| h.id.as_str()), Some("CCDCOE"));
}

#[test]
fn korean_sales_to_nato_members_resolve_membership_at_the_deal() {
    let kb = kb();
    let q = TransferQuery {
        supplier: Some("KOR".into()),
        recipient_in: Some("NATO".into()),
        ..Default::default()
    };
    let rows = kb.transfers(&q);
    let recipients: std::collections::BTreeSet<&str> = rows.iter().map(|r| r.transfer.recipient.as_str()).collect();
    for r in ["POL", "NOR", "EST", "TUR", "ROU"] {
        assert!(recipients.contains(r), "{r} missing from {recipients:?}");
    }
    // Finland ordered its K9s in 2017 and 2022, before it joined NATO in April 2023.
    assert!(!recipients.contains("FIN"));
    let now = TransferQuery {
        membership_at: MembershipAt::Day(day("2024-12-31")),
        ..q
    };
    assert!(kb.transfers(&now).iter().any(|r| r.transfer.recipient == "FIN"));
}

#[test]
fn the_dyad_timeline_with_members_brings_in_arms_deals() {
    let kb = kb();
    let q = TimelineQuery {
        actors: vec!["NATO".into(), "KOR".into()],
        ..Default::default()
    };
    let plain = kb.timeline(&q);
    assert!(plain.entries.iter().all(|e| e.fact != "transfer"));
    let with = kb.timeline(&TimelineQuery { members: true, ..q });
    let deal = with
        .entries
        .iter()
        .find(|e| e.fact == "transfer" && e.id == "kor-pol-k2-2022")
        .expect("K2 deal");
    assert_eq!(deal.via.as_deref(), Some("POL"));
    // Entries are in date order.
    assert!(with.entries.windows(2).all(|w| w[0].date <= w[1].date));
}

#[test]
fn yoon_attended_three_nato_summits_in_a_row() {
    let kb = kb();
    let summits: Vec<i32> = kb
        .facts()
        .events
        .iter()
        .filter(|e| {
            e.kind == EventKind::Summit
                && e.actors.iter().any(|a| a == "NATO")
                && e.attendees.iter().any(|a| a == "yoon-suk-yeol")
        })
        .map(|e| e.date.year())
        .collect();
    assert_eq!(summits, vec![2022, 2023, 2024]);
}

/// NATO's partners on a day: every counterpart in a `partnership` relation with NATO then.
fn nato_partners_on(kb: &KnowledgeBase, d: &str) -> std::collections::BTreeSet<String> {
    kb.state_at("NATO", day(d))
        .entries
        .into_iter()
        .filter(|e| e.role == "partner")
        .map(|e| e.counterpart)
        .collect()
}

#[test]
fn nato_has_37_partners_on_2024_12_31_in_four_frameworks() {
    let kb = kb();
    let state = kb.state_at("NATO", day("2024-12-31"));
    let partners = nato_partners_on(&kb, "2024-12-31");
    assert_eq!(partners.len(), 37, "{partners:?}");
    let in_framework = |status: &str| -> Vec<&str> {
        state
            .entries
            .iter()
            .filter(|e| e.role == "partner" && e.status.as_deref() == Some(status))
            .map(|e| e.counterpart.as_str())
            .collect()
    };
    // After Finland's and Sweden's accession, 18 Euro-Atlantic partners remain in the PfP.
    assert_eq!(in_framework("Partnership for Peace").len(), 18);
    assert_eq!(in_framework("Mediterranean Dialogue").len(), 7);
    assert_eq!(in_framework("Istanbul Cooperation Initiative").len(), 4);
    let global = in_framework("partner across the globe");
    for p in ["AUS", "COL", "IRQ", "JPN", "KOR", "MNG", "NZL", "PAK"] {
        assert!(global.contains(&p), "{p} missing from {global:?}");
    }
    // Afghanistan's partnership ended in August 2021.
    assert!(!partners.contains("AFG"));
    assert!(nato_partners_on(&kb, "2020-12-31").contains("AFG"));
}

#[test]
fn partners_join_on_their_day_and_leave_the_pfp_when_they_join_nato() {
    let kb = kb();
    let start = |id: &str| {
        let r = kb
            .facts()
            .relations
            .iter()
            .find(|r| r.id == id)
            .unwrap_or_else(|| panic!("{id}"));
        r.interval.start.map(|d| d.to_string())
    };
    assert_eq!(
        start("nato-pfp-rou").as_deref(),
        Some("1994-01-26"),
        "the first signature"
    );
    assert_eq!(start("nato-pfp-srb").as_deref(), Some("2006-12-14"));
    assert_eq!(start("nato-md-dza").as_deref(), Some("2000-03"));
    assert_eq!(start("nato-ici-are").as_deref(), Some("2005-06-22"));
    // A partner until the day before accession, a member from that day.
    assert!(nato_partners_on(&kb, "2024-03-06").contains("SWE"));
    assert!(!nato_partners_on(&kb, "2024-03-07").contains("SWE"));
    assert!(!nato_partners_on(&kb, "1999-03-12").contains("POL"));
    assert!(nato_partners_on(&kb, "1999-03-11").contains("POL"));
    // Malta's participation was suspended from 1996 to 2008.
    assert!(!nato_partners_on(&kb, "2000-01-01").contains("MLT"));
    assert!(nato_partners_on(&kb, "2024-12-31").contains("MLT"));
}
