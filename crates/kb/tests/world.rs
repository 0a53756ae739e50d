//! Every state of the country-code crosswalk is an actor, and the organisations that matter for
//! security partnerships hold their members over time (data/actors/world-states.toml,
//! data/organisations/).

use entente_datasets::codes::Crosswalk;
use entente_kb::KnowledgeBase;
use entente_model::{ActorKind, PartialDate};
use std::collections::BTreeSet;

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
    PartialDate::parse(s).expect("a date").earliest()
}

fn members(kb: &KnowledgeBase, org: &str, on: &str) -> BTreeSet<String> {
    kb.members_at(org, day(on))
        .into_iter()
        .map(|r| r.subject.clone())
        .collect()
}

fn set(ids: &str) -> BTreeSet<String> {
    ids.split_whitespace().map(str::to_string).collect()
}

#[test]
fn every_state_of_the_crosswalk_is_an_actor_with_its_codes() {
    let kb = kb();
    let cw = Crosswalk::shipped().expect("crosswalk");
    let ids: BTreeSet<&str> = cw.rows().iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids.len(), 206, "states in the crosswalk");
    for id in &ids {
        let a = kb.actor(id).unwrap_or_else(|| panic!("{id}: no actor"));
        assert_eq!(a.kind, ActorKind::State, "{id}");
        // The actor's codes are those of its latest row (a dissolved state's last one); ISO
        // codes are left out where they passed to another actor (North Yemen's YEM).
        let row = cw.by_id(id, None).expect("row");
        let c = &a.codes;
        assert_eq!(c.cow, row.cow, "{id} cow");
        assert_eq!(c.gw, row.gw, "{id} gw");
        assert_eq!(c.fips, row.fips, "{id} fips");
        assert_eq!(c.wikidata, row.wikidata, "{id} wikidata");
        if *id != "YAR" {
            assert_eq!(c.iso3, row.iso3, "{id} iso3");
            assert_eq!(c.iso2, row.iso2, "{id} iso2");
        }
        if c.cameo.is_some() {
            assert_eq!(c.cameo, row.cameo, "{id} cameo");
        }
    }
    let states = kb.facts().actors.iter().filter(|a| a.kind == ActorKind::State).count();
    assert_eq!(states, 206);
    assert_eq!(kb.actor("YAR").and_then(|a| a.codes.iso3.clone()), None);
    assert_eq!(kb.resolve("YEM").map(|a| a.id.as_str()), Ok("YEM"));
}

#[test]
fn former_states_resolve_by_name_and_dated_code() {
    let kb = kb();
    let cw = Crosswalk::shipped().expect("crosswalk");
    for q in ["Soviet Union", "SUN", "USSR", "Soviet", "Q15180"] {
        assert_eq!(kb.resolve(q).map(|a| a.id.as_str()), Ok("SUN"), "{q}");
    }
    // COW 365 is the Soviet Union in 1980 and Russia in 2000: the crosswalk dates it, the
    // knowledge base has both actors.
    let in_1980 = cw.by_cow(365, Some(1980)).expect("365 in 1980");
    assert_eq!(kb.actor(&in_1980.id).map(|a| a.display_name()), Some("Soviet Union"));
    let in_2000 = cw.by_cow(365, Some(2000)).expect("365 in 2000");
    assert_eq!(kb.actor(&in_2000.id).map(|a| a.display_name()), Some("Russia"));
    // Undated, the number is both: an honest ambiguity, not a guess.
    assert!(kb.resolve("365").is_err());
    for (q, id) in [
        ("East Germany", "DDR"),
        ("GDR", "DDR"),
        ("Czechoslovakia", "CSK"),
        ("Yugoslavia", "YUG"),
        ("South Vietnam", "RVN"),
        ("North Yemen", "YAR"),
        ("South Yemen", "YMD"),
        ("Kosovo", "XKX"),
        ("Ivory Coast", "CIV"),
        ("Burma", "MMR"),
        ("Chad", "TCD"),
        ("Nigerien", "NER"),
        ("Nigerian", "NGA"),
    ] {
        assert_eq!(kb.resolve(q).map(|a| a.id.as_str()), Ok(id), "{q}");
    }
}

#[test]
fn states_have_capitals_that_are_not_names() {
    let kb = kb();
    let mng = kb.profile("MNG").expect("Mongolia");
    assert_eq!(mng.actor.capital.as_deref(), Some("Ulaanbaatar"));
    assert_eq!(kb.actor("KOR").and_then(|a| a.capital.as_deref()), Some("Seoul"));
    assert_eq!(kb.actor("SUN").and_then(|a| a.capital.as_deref()), Some("Moscow"));
    // A new state's capital is not one of its names: "Ulaanbaatar" resolves to nothing.
    assert!(kb.resolve("Ulaanbaatar").is_err());
    let with_capital = kb
        .facts()
        .actors
        .iter()
        .filter(|a| a.kind == ActorKind::State && a.capital.is_some())
        .count();
    assert!(with_capital >= 200, "{with_capital} states with a capital");
    assert!(kb
        .facts()
        .actors
        .iter()
        .all(|a| a.capital.is_none() || a.kind == ActorKind::State));
}

#[test]
fn the_eu_had_28_members_until_the_uk_left() {
    let kb = kb();
    assert_eq!(members(&kb, "EU", "2019-12-31").len(), 28);
    assert_eq!(members(&kb, "EU", "2020-01-31").len(), 28);
    assert_eq!(members(&kb, "EU", "2020-02-01").len(), 27);
    assert!(!members(&kb, "EU", "2020-02-01").contains("GBR"));
    assert_eq!(members(&kb, "EU", "1958-01-01"), set("BEL DEU FRA ITA LUX NLD"));
    assert_eq!(members(&kb, "EU", "2004-04-30").len(), 15);
    assert_eq!(members(&kb, "EU", "2004-05-01").len(), 25);
    assert_eq!(members(&kb, "EU", "2013-07-01").len(), 28);
}

#[test]
fn asean_sco_csto_and_the_small_groupings_on_a_date() {
    let kb = kb();
    assert_eq!(
        members(&kb, "ASEAN", "2024-01-01"),
        set("BRN IDN KHM LAO MMR MYS PHL SGP THA VNM")
    );
    assert_eq!(members(&kb, "ASEAN", "2025-10-26").len(), 11);
    assert_eq!(members(&kb, "ASEAN", "1990-01-01").len(), 6);
    assert_eq!(members(&kb, "SCO", "2010-01-01"), set("CHN KAZ KGZ RUS TJK UZB"));
    assert_eq!(
        members(&kb, "SCO", "2023-12-31"),
        set("CHN IND IRN KAZ KGZ PAK RUS TJK UZB")
    );
    assert_eq!(members(&kb, "SCO", "2024-12-31").len(), 10);
    assert_eq!(members(&kb, "CSTO", "2008-01-01"), set("ARM BLR KAZ KGZ RUS TJK UZB"));
    assert_eq!(members(&kb, "CSTO", "2020-01-01"), set("ARM BLR KAZ KGZ RUS TJK"));
    assert_eq!(members(&kb, "G7", "2024-01-01"), set("CAN DEU FRA GBR ITA JPN USA"));
    assert_eq!(members(&kb, "Quad", "2024-01-01"), set("AUS IND JPN USA"));
    assert_eq!(members(&kb, "AUKUS", "2024-01-01"), set("AUS GBR USA"));
    assert!(members(&kb, "AUKUS", "2021-08-31").is_empty());
    // The African Union: 52 of the crosswalk's states at its launch (the Sahrawi Republic, the
    // 53rd member, has no actor), 54 with South Sudan and Morocco.
    assert_eq!(members(&kb, "AU", "2002-07-09").len(), 52);
    assert_eq!(members(&kb, "AU", "2017-02-01").len(), 54);
    assert!(!members(&kb, "AU", "2016-12-31").contains("MAR"));
    // The OSCE: the Soviet Union, then Russia; 56 of the 57 (the Holy See has no actor).
    assert!(members(&kb, "OSCE", "1980-01-01").contains("SUN"));
    assert!(members(&kb, "OSCE", "1992-06-01").contains("RUS"));
    assert!(!members(&kb, "OSCE", "1992-06-01").contains("SUN"));
    assert_eq!(members(&kb, "OSCE", "2024-01-01").len(), 56);
}

#[test]
fn every_new_membership_cites_its_publisher() {
    let kb = kb();
    for org in ["EU", "ASEAN", "AU", "SCO", "CSTO", "G7", "Quad", "AUKUS", "OSCE"] {
        let rels: Vec<_> = kb.facts().relations.iter().filter(|r| r.object == org).collect();
        assert!(!rels.is_empty(), "{org} has no members");
        for r in rels {
            let cites = kb.cite(&r.sources);
            assert!(!cites.is_empty(), "{}", r.id);
            assert!(cites.iter().all(|c| c.url.starts_with("http")), "{}", r.id);
        }
    }
}

#[test]
fn the_un_had_51_original_members_and_has_193() {
    let kb = kb();
    assert_eq!(members(&kb, "UN", "2024-12-31").len(), 193);
    // The 51 original members: the Byelorussian and Ukrainian SSRs are BLR and UKR (one id
    // each across 1991), China's seat is the Republic of China's (TWN) until 1971.
    let originals = members(&kb, "UN", "1945-12-31");
    assert_eq!(originals.len(), 51);
    for id in ["BLR", "UKR", "SUN", "TWN", "CSK", "YUG", "SYR", "EGY"] {
        assert!(originals.contains(id), "{id} among the original members");
    }
    // Successions do not count a seat twice.
    assert!(members(&kb, "UN", "1991-12-24").contains("RUS"));
    assert!(!members(&kb, "UN", "1991-12-24").contains("SUN"));
    assert!(members(&kb, "UN", "1971-10-25").contains("CHN"));
    assert!(!members(&kb, "UN", "1971-10-25").contains("TWN"));
    // Both Koreas were admitted on the same day.
    for id in ["KOR", "PRK"] {
        let joined: Vec<_> = kb
            .facts()
            .relations
            .iter()
            .filter(|r| r.object == "UN" && r.subject == id)
            .map(|r| r.interval.start)
            .collect();
        assert_eq!(
            joined,
            vec![Some(PartialDate::parse("1991-09-17").expect("a date"))],
            "{id}"
        );
    }
    assert!(!members(&kb, "UN", "1991-09-16").contains("KOR"));
    assert!(members(&kb, "UN", "1991-09-17").contains("PRK"));
}
