//! Extraction scored on the evaluation corpus, and the three verdicts on articles that make the
//! claims the issue names.

use entente_claims::eval::{evaluate, evaluate_verdicts, load_corpus};
use entente_claims::{verify, Article, Extractor, Verdict};
use entente_kb::KnowledgeBase;
use std::path::PathBuf;

fn kb() -> KnowledgeBase {
    KnowledgeBase::new(
        entente_facts::load(entente_facts::shipped())
            .into_result()
            .expect("shipped data"),
    )
}

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../eval/corpus")
}

/// Thresholds sit about 10% below the scores measured when they were set (see
/// docs/claims.md): they catch regressions without failing on small, deliberate trade-offs.
#[test]
fn extraction_scores_stay_above_their_thresholds() {
    let kb = kb();
    let corpus = load_corpus(&corpus_dir()).expect("the evaluation corpus ships with the project");
    assert!(corpus.len() >= 30, "at least 30 articles");
    let r = evaluate(&Extractor::new(&kb), &corpus);
    eprintln!("{}", serde_json::to_string_pretty(&r).unwrap());
    let floors = [
        ("detected", r.detected.f1, 0.66),
        ("actor pair + type + date", r.full.f1, 0.18),
        ("actor pair", r.actor_pair.f1, 0.29),
        ("PLOVER type", r.plover_type.f1, 0.57),
        ("event kind", r.event_kind.f1, 0.53),
        ("date", r.date.f1, 0.46),
        ("modality", r.modality.f1, 0.58),
    ];
    for (name, f1, floor) in floors {
        assert!(f1 >= floor, "{name}: F1 {f1} fell below {floor}");
    }
}

#[test]
fn verdicts_on_the_gold_claims_stay_above_their_threshold() {
    let kb = kb();
    let corpus = load_corpus(&corpus_dir()).expect("corpus");
    let r = evaluate_verdicts(&kb, &corpus);
    eprintln!("{}", serde_json::to_string_pretty(&r).unwrap());
    assert!(r.claims >= 500);
    assert!(r.accuracy >= 0.84, "verdict accuracy {}", r.accuracy);
}

const ARTICLE: &str = "title: Test commentary\ndate: 2024-12-23\n\n\
South Korea deployed medical and engineering units to the International Security Assistance Force between 2002 and 2007. \
The United Kingdom bought advanced weapon systems from South Korea. \
In July 2022, Poland signed contracts for K2 tanks with South Korea's Hyundai Rotem. \
The National Intelligence Service joined NATO's cyber defence centre in May 2022. \
Japan and NATO held talks on space cooperation last week.";

#[test]
fn the_three_verdicts() {
    let kb = kb();
    let a = Article::from_bytes("test.txt", ARTICLE.as_bytes());
    let claims = Extractor::new(&kb).extract(&a);
    let v = verify(&kb, &claims);
    let find = |needle: &str| {
        v.iter()
            .find(|x| x.claim.quote.contains(needle))
            .unwrap_or_else(|| panic!("no claim for {needle}: {v:#?}"))
    };

    // ISAF 2002–2007: those units served in the US-led coalition.
    let isaf = find("International Security Assistance Force");
    assert_eq!(isaf.verdict, Verdict::Contradicted);
    assert_eq!(isaf.differences[0].field, "operation");
    assert!(isaf.differences[0].recorded.contains("OEF"));
    assert!(isaf.evidence.iter().all(|e| !e.citations.is_empty()));

    // The UK bought no Korean weapon system.
    let uk = find("United Kingdom");
    assert_eq!(uk.verdict, Verdict::Contradicted);
    assert_eq!(uk.differences[0].field, "weapon");

    // Poland's July 2022 documents were framework agreements.
    let pol = find("In July 2022, Poland");
    assert_eq!(pol.verdict, Verdict::Contradicted);
    assert_eq!(pol.differences[0].field, "instrument");
    assert!(pol.explanation.starts_with("Imprecise"));
    assert!(pol.differences[0].recorded.contains("2022-08-26"));

    // The NIS did join the CCDCOE in May 2022.
    let nis = find("National Intelligence Service");
    assert_eq!(nis.verdict, Verdict::Supported);
    assert!(nis.evidence.iter().any(|e| e.fact.contains("ccdcoe")));

    // Nothing recorded about space talks.
    assert_eq!(find("space cooperation").verdict, Verdict::Unverifiable);
}

#[test]
fn the_seed_commentary_has_its_known_errors_flagged() {
    let seed = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seed/000_21656a83e1960d36.txt");
    let Ok(bytes) = std::fs::read(&seed) else {
        eprintln!("skipping: ../shared/seed is absent");
        return;
    };
    let kb = kb();
    let mut a = Article::from_bytes("seed", &bytes);
    a.date = entente_model::PartialDate::parse("2024-12-23").ok();
    let v = verify(&kb, &Extractor::new(&kb).extract(&a));
    let contradicted: Vec<&str> = v
        .iter()
        .filter(|x| x.verdict == Verdict::Contradicted)
        .flat_map(|x| x.differences.iter().map(|d| d.field))
        .collect();
    for field in ["operation", "weapon", "instrument"] {
        assert!(contradicted.contains(&field), "{field} not flagged: {contradicted:?}");
    }
}

#[test]
fn malformed_input_never_panics() {
    let kb = kb();
    let x = Extractor::new(&kb);
    let long_line = "NATO ".repeat(200_000);
    let inputs: Vec<Vec<u8>> = vec![
        vec![],
        vec![0, 159, 146, 150, 255, 0, 1, 2],
        b"<html><body><p>Seoul joined <b>NATO".to_vec(),
        b"<script>".to_vec(),
        long_line.into_bytes(),
        "\u{feff}date: 2024-13-45\n\nPoland ordered 10 K2 on 31 February 2022."
            .as_bytes()
            .to_vec(),
        "中文 한국어 العربية Polska zamówiła K2 w lipcu 2022"
            .as_bytes()
            .to_vec(),
        b"\r\n\r\n....!!!???".to_vec(),
    ];
    for bytes in inputs {
        let a = Article::from_bytes("x", &bytes);
        let claims = x.extract(&a);
        for c in &claims {
            assert!(c.start <= c.end && c.end <= a.input.len());
        }
        let _ = verify(&kb, &claims);
    }
}
