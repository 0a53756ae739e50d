//! Expectations on the shipped chronologies of three partnerships besides NATO–ROK: EU–ROK,
//! China–Russia and NATO–Ukraine (issue 14: each used to answer with almost nothing).

use entente_kb::{KnowledgeBase, Timeline, TimelineEntry, TimelineQuery};
use entente_model::PartialDate;

fn kb() -> KnowledgeBase {
    let report = entente_facts::load(entente_facts::shipped());
    let errors: Vec<String> = report.diagnostics.iter().map(|d| d.to_string()).collect();
    KnowledgeBase::new(
        report
            .into_result()
            .unwrap_or_else(|_| panic!("shipped data has errors:\n{}", errors.join("\n"))),
    )
}

fn dyad(kb: &KnowledgeBase, a: &str, b: &str) -> Timeline {
    kb.timeline(&TimelineQuery {
        actors: vec![a.into(), b.into()],
        ..Default::default()
    })
}

fn date(s: &str) -> Option<PartialDate> {
    Some(PartialDate::parse(s).unwrap())
}

/// The entry of this fact id, failing with the chronology's ids when it is missing.
fn entry<'a>(t: &'a Timeline, id: &str) -> &'a TimelineEntry {
    t.entries.iter().find(|e| e.id == id).unwrap_or_else(|| {
        let ids: Vec<&str> = t.entries.iter().map(|e| e.id.as_str()).collect();
        panic!("{id} is not in the chronology: {ids:?}")
    })
}

#[test]
fn eu_rok_chronology_has_both_agreements_signed_and_in_force() {
    let kb = kb();
    let t = dyad(&kb, "EU", "KOR");
    assert!(t.entries.len() >= 10, "only {} entries", t.entries.len());

    let fa = entry(&t, "eu-kor-framework-agreement-signing");
    assert_eq!((fa.kind.as_str(), fa.date), ("signing", date("2010-05-10")));

    // The participation agreement: signed in Seoul in May 2014, in force from December 2016.
    let signed = entry(&t, "eu-kor-fpa-signing");
    assert_eq!((signed.kind.as_str(), signed.date), ("signing", date("2014-05-23")));
    let in_force = entry(&t, "eu-kor-fpa-in-force");
    assert_eq!(
        (in_force.kind.as_str(), in_force.date),
        ("entry_into_force", date("2016-12"))
    );
    let fpa = entry(&t, "kor-eu-fpa");
    assert_eq!((fpa.kind.as_str(), fpa.date), ("treaty", date("2016-12")));

    // The ROK's ship in Atalanta belongs to the EU's side through the operation's parent.
    let atalanta = entry(&t, "kor-atalanta-choi-young-2017");
    assert_eq!(atalanta.kind, "deployment");
    assert_eq!(kb.actor("ATALANTA").unwrap().parent.as_deref(), Some("EU"));

    // Oldest first, and the strategic partnership dates from the 2010 summit.
    assert!(t.entries.windows(2).all(|w| w[0].date <= w[1].date));
    assert_eq!(entry(&t, "kor-eu-strategic-partnership").date, date("2010-10-06"));
}

#[test]
fn china_russia_chronology_has_the_2001_treaty_and_its_extension() {
    let kb = kb();
    let t = dyad(&kb, "CHN", "RUS");
    let curated: Vec<&TimelineEntry> = t.entries.iter().filter(|e| e.derived.is_none()).collect();
    assert!(curated.len() >= 15, "only {} curated entries", curated.len());

    let signing = entry(&t, "chn-rus-treaty-2001-signing");
    assert_eq!((signing.kind.as_str(), signing.date), ("signing", date("2001-07-16")));
    let treaty = entry(&t, "chn-rus-treaty-2001");
    assert_eq!((treaty.kind.as_str(), treaty.date), ("treaty", date("2002-02-28")));
    assert_eq!(treaty.end, None, "the treaty was extended in 2021 and is in force");
    assert_eq!(entry(&t, "chn-rus-treaty-extension-2021").date, date("2021-06-28"));
    assert_eq!(entry(&t, "chn-rus-joint-statement-2022").date, date("2022-02-04"));

    // The partnership's named steps follow one another without a gap.
    let coordination = entry(&t, "chn-rus-strategic-coordination");
    let new_era = entry(&t, "chn-rus-new-era-partnership");
    assert_eq!(coordination.date, date("1996-04-25"));
    assert_eq!(coordination.end, new_era.date);

    // Arms deals are in the dyad's chronology, Russia supplying.
    let transfers = kb.timeline(&TimelineQuery {
        actors: vec!["RUS".into(), "CHN".into()],
        kinds: vec!["transfer".into()],
        ..Default::default()
    });
    let ids: Vec<&str> = transfers.entries.iter().map(|e| e.id.as_str()).collect();
    assert!(
        ids.contains(&"rus-chn-su35-2015") && ids.contains(&"rus-chn-s400-2014"),
        "{ids:?}"
    );
}

#[test]
fn nato_ukraine_chronology_runs_from_the_charter_to_the_council() {
    let kb = kb();
    let t = dyad(&kb, "NATO", "UKR");
    assert!(t.entries.len() >= 15, "only {} entries", t.entries.len());

    let charter = entry(&t, "nato-ukr-charter-signing-1997");
    assert_eq!((charter.kind.as_str(), charter.date), ("signing", date("1997-07-09")));

    // The Commission the Charter created gives way to the Council on 12 July 2023.
    let commission = entry(&t, "ukr-nato-distinctive-partnership");
    let council = entry(&t, "ukr-nato-council");
    assert_eq!(commission.date, date("1997-07-09"));
    assert_eq!(commission.end, date("2023-07-11"));
    assert_eq!(council.date, date("2023-07-12"));
    assert_eq!(council.end, None);
    let inaugural = entry(&t, "nato-ukr-council-inaugural-2023");
    assert_eq!(
        (inaugural.kind.as_str(), inaugural.date),
        ("meeting", date("2023-07-12"))
    );

    for (id, when) in [
        ("nato-ukr-action-plan-2002", "2002-11-22"),
        ("nato-ukr-intensified-dialogue-2005", "2005-04-21"),
        ("nato-bucharest-summit-2008-ukraine", "2008-04-03"),
        ("ukr-nato-cap", "2016-07-09"),
        ("ukr-nato-eop", "2020-06-12"),
    ] {
        assert_eq!(entry(&t, id).date, date(when), "{id}");
    }

    // Both of Russia's wars are drivers of this partnership, not only context.
    let drivers = kb.timeline(&TimelineQuery {
        actors: vec!["NATO".into(), "UKR".into()],
        kinds: vec!["driver".into()],
        ..Default::default()
    });
    let ids: Vec<&str> = drivers.entries.iter().map(|e| e.id.as_str()).collect();
    assert!(ids.contains(&"driver-nato-ukr-crimea-2014"), "{ids:?}");
    assert!(ids.contains(&"driver-nato-ukr-full-scale-war-2022"), "{ids:?}");
}
