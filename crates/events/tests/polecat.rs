//! POLECAT on a small sample written for this test (no real POLECAT file is among the fixtures):
//! the documented tab-separated layout, ISO3 and named countries, organisations, repeated ids,
//! malformed rows with line numbers, and the PLOVER-derived quad classes in the lake.

use entente_events::cameo::PLOVER_TYPES;
use entente_events::{polecat, Granularity, IngestOptions, Lake, Resolver, SeriesQuery, SideSpec, SourceKind};

const HEADER: &str = "Event ID\tEvent Date\tEvent Type\tEvent Mode\tQuad Code\tEvent Intensity\tActor Name\tActor Country\tPrimary Actor Sector\tRecipient Name\tRecipient Country\tPrimary Recipient Sector\tPlacename\tCountry\tLatitude\tLongitude\tStory ID";

fn sample() -> String {
    let rows = [
        "a1b2-0001\t2023-07-11\tCONSULT\tvisit\t1\t2.1\tYoon Suk Yeol\tKOR\tGovernment\tNorth Atlantic Treaty Organization\t\tIGO\tVilnius\tLTU\t54.69\t25.28\ts1",
        "a1b2-0002\t2023-07-12\tAGREE\t\t\t4.2\tNATO\t\tIGO\tSouth Korea\tKOR\tGovernment\tVilnius\tLithuania\t54.69\t25.28\ts1",
        "a1b2-0003\t2023-07-12\tCOOPERATE\t\t2\t6.8\tMinistry of National Defense\tKOR\tMilitary\tPoland\tPOL\tMilitary\t\t\t\t\ts2",
        "a1b2-0004\t2023-07-30\tDEMAND\t\t\t-5.0\tKim Jong Un\tPRK\tGovernment\tUnited States\tUSA\tGovernment\t\t\t\t\ts3",
        "a1b2-0005\t2023-08-02\tASSAULT\tfirearms\t4\t-9.3\tRebels\tSDN\tRebel\tCivilians\tSDN\tCivilian\t\t\t\t\ts4",
        "a1b2-0002\t2023-07-12\tAGREE\t\t\t4.2\tNATO\t\tIGO\tSouth Korea\tKOR\tGovernment\tVilnius\tLithuania\t54.69\t25.28\ts1",
        "a1b2-0006\t2023-07-13\tDANCE\t\t\t\tX\tKOR\t\tY\tUSA\t\t\t\t\t\ts5",
        "a1b2-0007\t2023-13-01\tAGREE\t\t\t\tX\tKOR\t\tY\tUSA\t\t\t\t\t\ts5",
        "a1b2-0008\t2023-07-14\tAGREE",
    ];
    format!("{HEADER}\n{}\n", rows.join("\n"))
}

#[test]
fn polecat_reader() {
    let res = Resolver::shipped().expect("resolver");
    let mut seen = Vec::new();
    let r = polecat::read(sample().as_bytes(), "polecat-sample.tsv", &res, |ev| {
        let id = |a: Option<u32>| a.map(|a| res.id(a).to_string()).unwrap_or_default();
        seen.push((
            ev.event_id.to_string(),
            id(ev.actor1),
            id(ev.actor2),
            PLOVER_TYPES[ev.plover.unwrap_or(0) as usize],
            ev.quad,
        ));
    })
    .expect("reads");
    assert_eq!(
        (r.rows_read, r.kept, r.rejected, r.duplicates, r.duplicates_differing),
        (9, 5, 3, 1, 0),
        "{r}"
    );
    assert_eq!(r.rejections.iter().map(|x| x.line).collect::<Vec<_>>(), vec![8, 9, 10]);
    assert!(r.rejections[0].reason.contains("'DANCE' is not a PLOVER type"));
    assert!(r.rejections[1].reason.contains("Event Date"));
    assert!(r.rejections[2].reason.contains("expected 17 columns, found 3"));
    assert_eq!(seen[0], ("a1b2-0001".into(), "KOR".into(), "NATO".into(), "CONSULT", 1));
    assert_eq!(seen[1], ("a1b2-0002".into(), "NATO".into(), "KOR".into(), "AGREE", 1));
    assert_eq!(seen[3].3, "REQUEST", "DEMAND is POLECAT's REQUEST");
    assert_eq!(seen[3].4, 3);
    assert_eq!(seen[4].4, 4);
}

#[test]
fn polecat_in_the_lake() {
    let dir = std::env::temp_dir().join(format!("entente-polecat-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    let file = dir.join("polecat.tsv");
    std::fs::write(&file, sample()).expect("write");
    let mut lake = Lake::open(&dir).expect("open");
    let r = lake
        .ingest(&file, SourceKind::Polecat, &IngestOptions::default(), &mut |_| {})
        .expect("ingest");
    assert_eq!((r.read.kept, r.read.duplicates, r.read.rejected), (5, 1, 3));
    let rows = lake
        .dyad_series(&SeriesQuery {
            a: SideSpec::actor("NATO"),
            b: SideSpec::actor("KOR"),
            by: Granularity::Month,
            from: None,
            to: None,
            symmetric: true,
            sources: vec![SourceKind::Polecat],
        })
        .expect("series");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].period, "2023-07");
    assert_eq!(rows[0].counts.events, 2);
    assert_eq!(rows[0].counts.quad, [2, 0, 0, 0]);
    assert_eq!(rows[0].counts.cameo, [0; 20], "POLECAT has no CAMEO roots");
    let _ = std::fs::remove_dir_all(&dir);
}
