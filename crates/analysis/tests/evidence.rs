//! The standard datasets as evidence: the shipped ATOP and UN-vote tables answer any pair of
//! states, what no source covers is "no data" (never 0), and with the SIPRI register imported the
//! ranking of South Korea's partners puts the United States first.

use entente_analysis::*;
use entente_kb::KnowledgeBase;
use entente_model::{Day, PartialDate};
use std::path::PathBuf;

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

fn depth(kb: &KnowledgeBase, tables: &DatasetTables, cfg: &DepthConfig, a: &str, b: &str) -> DyadDepth {
    let sources = Sources {
        tables: Some(tables),
        lake: None,
    };
    DyadDepth::build_with(kb, a, b, cfg, &sources).expect("no lake, no error")
}

#[test]
fn treaty_allies_get_their_alliance_from_the_shipped_atop_table() {
    let kb = kb();
    let tables = DatasetTables::shipped().expect("shipped tables parse");
    let cfg = DepthConfig::shipped();
    let d = depth(&kb, &tables, &cfg, "USA", "KOR");
    let ex = d.explain(day("2015"));
    let inst = ex
        .dimensions
        .iter()
        .find(|x| x.dimension == DepthDimension::Institutional)
        .unwrap();
    // The 1953 Mutual Defense Treaty is recorded twice, by hand and as ATOP 3240 (a defence
    // pact): it counts once, through the curated record, at ATOP's points for a defence pact,
    // citing the curated sources and ATOP's rows.
    assert!(inst.items.iter().all(|i| i.fact != "atop:3240"), "counted once");
    let mdt = inst
        .items
        .iter()
        .find(|i| i.fact == "usa-kor-mutual-defense-treaty")
        .expect("the US–ROK alliance counts");
    assert_eq!(mdt.base, cfg.atop.defence.max(cfg.relation["treaty"]));
    assert!(mdt.rule.contains("ATOP alliance 3240, counted once"), "{}", mdt.rule);
    let atop = mdt
        .citations
        .iter()
        .find(|c| c.url.contains("atopdata.org"))
        .expect("ATOP's citation");
    let locator = atop.locator.as_deref().unwrap();
    assert!(
        locator.contains("atopid 3240") && locator.contains("lines"),
        "{locator}"
    );
    assert!(mdt.citations.len() > 1, "and the curated sources");
    let note = &d.consulted.iter().find(|c| c.dataset.starts_with("ATOP")).unwrap().note;
    assert!(note.contains("1 also in the curated data (counted once)"), "{note}");
    // ANZUS is trilateral in ATOP (3215): the curated US–Australia treaty names it (`atop`), so
    // the two are one tie there too; a multilateral alliance is never twinned by dates alone.
    let aus = depth(&kb, &tables, &cfg, "USA", "AUS").explain(day("2015"));
    let items: Vec<_> = aus.dimensions.iter().flat_map(|x| &x.items).collect();
    assert!(items.iter().all(|i| i.fact != "atop:3215"), "counted once");
    let anzus = items.iter().find(|i| i.fact == "usa-aus-anzus-treaty").unwrap();
    assert!(
        anzus.rule.contains("ATOP alliance 3215, counted once"),
        "{}",
        anzus.rule
    );
    assert!(anzus
        .citations
        .iter()
        .any(|c| c.locator.as_deref().is_some_and(|l| l.contains("atopid 3215"))));
    // NATO (ATOP 3180) is not twinned with anything bilateral between two of its members.
    let gbr = depth(&kb, &tables, &cfg, "USA", "GBR");
    assert!(gbr.contributions.iter().any(|c| c.fact == "atop:3180"));
    assert!(inst.score > Some(60.0), "{:?}", inst.score);
    assert!(inst.covered_by.iter().any(|c| c.starts_with("ATOP v4.01")));
    // UN votes are political evidence, each year cited by its line in the shipped table.
    let pol = ex
        .dimensions
        .iter()
        .find(|x| x.dimension == DepthDimension::Political)
        .unwrap();
    assert!(pol.items.iter().any(|i| i.fact == "unvotes:2015"));
    assert!(pol.covered_by.iter().any(|c| c.starts_with("UN votes")));
    // The composite is the mean over the covered dimensions; cyber is covered by nothing.
    let p = d.at(day("2015"));
    assert_eq!(p.score(DepthDimension::Cyber), None);
    assert!(p.coverage > 0.5 && p.coverage < 1.0, "{}", p.coverage);
    assert!(p.composite > Some(25.0), "{:?}", p.composite);
}

#[test]
fn a_dataset_says_where_it_ends_and_a_tie_in_force_is_carried_forward_visibly() {
    let kb = kb();
    let tables = DatasetTables::shipped().unwrap();
    let cfg = DepthConfig::shipped();
    // The United States and the Philippines: only the datasets speak of them.
    let d = depth(&kb, &tables, &cfg, "USA", "PHL");
    // UN votes end in 2020: political is no data after that (no curated political fact either).
    let k = depth(&kb, &tables, &cfg, "KOR", "PHL");
    assert!(k.at(day("2020")).score(DepthDimension::Political).is_some());
    assert_eq!(k.at(day("2022")).score(DepthDimension::Political), None);
    let votes = k.consulted.iter().find(|c| c.dataset == "UN votes").unwrap();
    assert!(votes.note.contains("end in 2020"), "{}", votes.note);
    // ATOP ends in 2016; the alliance still in force then (the 1951 treaty, ATOP 3210) is
    // carried forward, and says so.
    let in_2024 = d.explain(day("2024"));
    let mdt = in_2024
        .dimensions
        .iter()
        .flat_map(|x| &x.items)
        .find(|i| i.fact == "atop:3210")
        .expect("carried forward");
    assert!(mdt.rule.contains("carried forward"), "{}", mdt.rule);
    // Without carrying forward, the alliance stops at the data's end and so does the coverage.
    let stop = DepthConfig::parse_over_defaults("[atop]\ncarry_forward = false\n").unwrap();
    let d = depth(&kb, &tables, &stop, "USA", "PHL");
    assert!(d.at(day("2016")).score(DepthDimension::Institutional) > Some(60.0));
    assert_eq!(d.at(day("2024")).score(DepthDimension::Institutional), None);
    // A tie also recorded by hand is in force as long as the curated record says.
    let d = depth(&kb, &tables, &stop, "USA", "KOR");
    assert!(d.at(day("2024")).score(DepthDimension::Institutional) > Some(60.0));
}

#[test]
fn a_pair_no_source_covers_is_no_data_in_every_dimension() {
    let kb = kb();
    let tables = DatasetTables::shipped().unwrap();
    let cfg = DepthConfig::shipped();
    // Bhutan and Suriname: no alliance, no vote in the shipped extract, no curated fact.
    let d = depth(&kb, &tables, &cfg, "BTN", "SUR");
    let p = d.at(day("2024"));
    assert!(p.dimensions.iter().all(|(_, s)| s.is_none()), "{:?}", p.dimensions);
    assert_eq!(p.composite, None);
    assert_eq!(p.coverage, 0.0);
    assert!(p.coverage.is_sign_positive(), "0%, not -0%");
    // The datasets consulted say why.
    let atop = d.consulted.iter().find(|c| c.dataset.starts_with("ATOP")).unwrap();
    assert!(atop.note.contains("no alliance"), "{}", atop.note);
    let sipri = d.consulted.iter().find(|c| c.dataset.starts_with("SIPRI")).unwrap();
    assert!(sipri.note.contains("entente import sipri"), "{}", sipri.note);
    // JSON carries null, never 0.
    let json = serde_json::to_value(&p).unwrap();
    assert!(json["composite"].is_null());
    assert!(json["dimensions"][0][1].is_null());
}

#[test]
fn an_organisation_pair_is_not_touched_by_state_datasets() {
    let kb = kb();
    let tables = DatasetTables::shipped().unwrap();
    let cfg = DepthConfig::shipped();
    let plain = DyadDepth::build(&kb, "NATO", "KOR", &cfg);
    let with = depth(&kb, &tables, &cfg, "NATO", "KOR");
    assert_eq!(plain.contributions.len(), with.contributions.len());
    assert_eq!(plain.at(day("2024")).composite, with.at(day("2024")).composite);
    assert!(with
        .consulted
        .iter()
        .any(|c| c.dataset.starts_with("ATOP") && c.note.contains("between states only")));
}

#[test]
fn partners_rank_every_counterpart_with_its_coverage() {
    let kb = kb();
    let tables = DatasetTables::shipped().unwrap();
    let cfg = DepthConfig::shipped();
    let sources = Sources {
        tables: Some(&tables),
        lake: None,
    };
    let r = partners(&kb, "KOR", day("2024-12-31"), &cfg, &sources).unwrap();
    // Every state the shipped UN-vote extract pairs with the ROK is considered.
    assert!(r.considered > 150, "{}", r.considered);
    assert_eq!(r.partners.len(), r.considered);
    // States first, then organisations; within each, ranked by the floor, best first, 1..n.
    let first_org = r.partners.iter().position(|p| p.group == "organisation").unwrap();
    assert!(r.partners[..first_org].iter().all(|p| p.group == "state"));
    assert!(r.partners[first_org..].iter().all(|p| p.group == "organisation"));
    for group in [&r.partners[..first_org], &r.partners[first_org..]] {
        assert!(group.windows(2).all(|w| w[0].floor >= w[1].floor));
        assert!(group.iter().enumerate().all(|(i, p)| p.rank == i + 1));
    }
    assert!(r.partners.iter().any(|p| p.id == "NATO" && p.group == "organisation"));
    // The ROK itself and its parts are not its own partners.
    assert!(r.partners.iter().all(|p| p.id != "KOR" && p.id != "kor-nis"));
    let usa = r
        .partners
        .iter()
        .find(|p| p.id == "USA")
        .expect("the US is a counterpart");
    assert!(usa.covered_by.iter().any(|c| c.starts_with("ATOP")));
    // Out of the box, the treaty ally with forces in the country and a combined command leads.
    assert_eq!(
        r.partners[0].id,
        "USA",
        "{:?}",
        r.partners.iter().take(5).map(|p| &p.id).collect::<Vec<_>>()
    );
    // A counterpart with data in no dimension on the date has no composite and comes after
    // every counterpart of its group with some.
    for group in [&r.partners[..first_org], &r.partners[first_org..]] {
        if let Some(i) = group.iter().position(|p| p.composite.is_none()) {
            assert!(group[i..].iter().all(|p| p.composite.is_none() || p.floor == 0.0));
        }
    }
}

#[test]
fn the_chronology_and_the_state_on_a_date_include_the_datasets_marked_as_derived() {
    use entente_kb::TimelineQuery;
    let kb = kb();
    let tables = DatasetTables::shipped().unwrap();
    let q = TimelineQuery {
        actors: vec!["CHN".into(), "RUS".into()],
        ..Default::default()
    };
    let curated = kb.timeline(&q);
    let all = evidence::timeline(&kb, Some(&tables), &q);
    let derived: Vec<_> = all.entries.iter().filter(|e| e.derived.is_some()).collect();
    assert_eq!(all.entries.len(), curated.entries.len() + derived.len());
    // The 1992 non-aggression pact (ATOP 4385) is there, cited by its rows.
    let t = derived.iter().find(|e| e.id == "atop:4385").expect("ATOP 4385");
    assert_eq!(t.derived.as_deref(), Some("ATOP v4.01"));
    assert_eq!(t.date.unwrap().to_string(), "1992-12-18");
    assert!(t.citations[0].locator.as_deref().unwrap().contains("atopid 4385"));
    // The 2001 Treaty of Good-Neighbourliness is curated and ATOP 4980: one entry, the curated
    // one, citing both.
    assert!(all.entries.iter().all(|e| e.id != "atop:4980"));
    let treaty = all.entries.iter().find(|e| e.id == "chn-rus-treaty-2001").unwrap();
    assert!(treaty.derived.is_none());
    assert!(treaty
        .citations
        .iter()
        .any(|c| c.locator.as_deref().is_some_and(|l| l.contains("atopid 4980"))));
    // Oldest first, and the kind filter and window apply to derived entries too.
    assert!(all.entries.windows(2).all(|w| w[0].date <= w[1].date));
    let q2 = TimelineQuery {
        kinds: vec!["publication".into()],
        ..q.clone()
    };
    assert!(evidence::timeline(&kb, Some(&tables), &q2)
        .entries
        .iter()
        .all(|e| e.derived.is_none()));
    let q3 = TimelineQuery {
        from: Some(PartialDate::parse("2005").unwrap()),
        ..q
    };
    assert!(evidence::timeline(&kb, Some(&tables), &q3)
        .entries
        .iter()
        .all(|e| e.date.unwrap().year() >= 2005));

    // On a date past ATOP's end, the alliances the curated data do not record are in force,
    // carried forward and saying so; the US–ROK treaty, recorded by hand too, is one entry citing
    // both.
    let st = evidence::state_at(&kb, Some(&tables), "PHL", day("2024-12-31"));
    let mdt = st
        .entries
        .iter()
        .find(|e| e.id == "atop:3210")
        .expect("US–Philippines alliance");
    assert_eq!(mdt.counterpart, "USA");
    assert!(mdt.status.as_deref().unwrap().contains("carried forward"));
    let st = evidence::state_at(&kb, Some(&tables), "KOR", day("2024-12-31"));
    assert!(st.entries.iter().all(|e| e.id != "atop:3240"));
    let mdt = st
        .entries
        .iter()
        .find(|e| e.id == "usa-kor-mutual-defense-treaty")
        .unwrap();
    assert!(mdt.citations.iter().any(|c| c.url.contains("atopdata.org")));
    assert_eq!(
        st.entries.len(),
        kb.state_at("KOR", day("2024-12-31")).entries.len() + 3
    );
    // Before it was signed, it is not there.
    let early = evidence::state_at(&kb, Some(&tables), "PHL", day("1950"));
    assert!(early.entries.iter().all(|e| e.id != "atop:3210"));
}

fn fixtures() -> Option<PathBuf> {
    entente_testkit::shared_all(&["sipri/trade-register.csv"])
}

#[test]
fn the_shipped_vote_table_is_what_the_per_country_files_give() {
    let Some(dir) = entente_testkit::shared("unvotes/732.csv").and_then(|p| p.parent().map(PathBuf::from)) else {
        return;
    };
    let cw = entente_datasets::codes::Crosswalk::shipped().unwrap();
    let mut want = std::collections::BTreeSet::new();
    let mut seen = std::collections::BTreeSet::new();
    for f in ["732.csv", "731.csv"] {
        let path = dir.join(f);
        let file = std::io::BufReader::new(std::fs::File::open(&path).unwrap());
        let (file, _) = entente_datasets::unvotes::read_country_file(f, None, file).unwrap();
        for (a, b, y) in evidence::vote_years(&file, cw) {
            if seen.insert((a.clone().min(b.clone()), a.clone().max(b.clone()), y.year)) {
                want.insert(format!(
                    "{a},{b},{},{},{},{},{}",
                    y.year, y.joint, y.same, y.one_abstained, y.opposite
                ));
            }
        }
    }
    let got: std::collections::BTreeSet<String> = evidence::SHIPPED_VOTES.lines().skip(1).map(str::to_string).collect();
    assert_eq!(got.len(), want.len());
    assert!(got == want, "regenerate with the shipped_votes example");
    // And the pooled counts agree with the measures `entente align` uses.
    let file = std::io::BufReader::new(std::fs::File::open(dir.join("732.csv")).unwrap());
    let (file, _) = entente_datasets::unvotes::read_country_file("732.csv", None, file).unwrap();
    let reference = entente_measures::votes::from_country_file(&file, 2, cw);
    let mine: Vec<_> = evidence::vote_years(&file, cw)
        .into_iter()
        .filter(|(_, b, _)| b == "USA")
        .collect();
    for r in reference {
        let y = mine.iter().find(|(_, _, y)| y.year == r.from).unwrap();
        assert_eq!(
            (y.2.joint, y.2.same, y.2.opposite),
            (r.joint, r.same, r.opposite),
            "{}",
            r.from
        );
    }
}

#[test]
fn with_the_sipri_register_imported_the_united_states_leads_south_koreas_partners() {
    let Some(fx) = fixtures() else { return };
    let dir = std::env::temp_dir().join(format!("entente-analysis-evidence-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut store = entente_store::Store::open(&dir).unwrap();
    store
        .import_sipri(&fx.join("sipri/trade-register.csv"), &mut ())
        .expect("the register imports");
    let kb = kb();
    let tables = DatasetTables::load(&kb, Some(&store)).unwrap();
    let cfg = DepthConfig::shipped();
    let sources = Sources {
        tables: Some(&tables),
        lake: None,
    };
    let r = partners(&kb, "KOR", day("2024-12-31"), &cfg, &sources).unwrap();
    let states: Vec<&str> = r
        .partners
        .iter()
        .filter(|p| {
            kb.actor(&p.id)
                .is_none_or(|a| a.kind == entente_model::ActorKind::State)
        })
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(states[0], "USA", "{:?}", &states[..5.min(states.len())]);
    let usa = r.partners.iter().find(|p| p.id == "USA").unwrap();
    assert!(
        usa.covered_by.iter().any(|c| c.starts_with("SIPRI")),
        "{:?}",
        usa.covered_by
    );
    // The deals are cited by their register line; a deal also curated counts once.
    let d = depth(&kb, &tables, &cfg, "USA", "KOR");
    let deals: Vec<_> = d
        .contributions
        .iter()
        .filter(|c| c.dataset.as_deref() == Some("SIPRI register"))
        .collect();
    assert!(deals.len() > 20, "{}", deals.len());
    assert!(deals
        .iter()
        .all(|c| c.citations[0].locator.as_deref().is_some_and(|l| l.contains("line"))));
    let nato = depth(&kb, &tables, &cfg, "NATO", "KOR");
    let k2 = nato
        .contributions
        .iter()
        .find(|c| c.fact == "kor-pol-k2-2022")
        .expect("the curated K2 deal counts");
    assert!(
        k2.citations.iter().any(|x| x.url.contains("sipri.org")),
        "the curated K2 deal carries the register's citation: {:?}",
        k2.citations
    );
    assert!(
        !nato
            .contributions
            .iter()
            .any(|c| c.dataset.is_some() && c.title.contains("K2") && c.via.as_deref() == Some("POL")),
        "a deal recorded by hand and in the register counts once"
    );
    // `transfers`: the register's deals join the curated ones, each marked and cited; the
    // curated K2 deal is not listed twice.
    let q = entente_kb::TransferQuery {
        supplier: Some("KOR".into()),
        recipient: Some("POL".into()),
        ..Default::default()
    };
    let rows = evidence::transfers(&kb, Some(&tables), &q);
    let curated = kb.transfers(&q);
    let derived: Vec<_> = rows.iter().filter(|r| r.derived.is_some()).collect();
    assert_eq!(rows.len(), curated.len() + derived.len());
    assert!(derived.iter().all(|r| r.citations[0].url.contains("sipri.org")));
    let k2 = rows.iter().filter(|r| r.transfer.system.contains("K2")).count();
    assert_eq!(k2, curated.iter().filter(|r| r.transfer.system.contains("K2")).count());
    let _ = std::fs::remove_dir_all(&dir);
}
