//! Extraction scored on the evaluation corpus, and the three verdicts on articles that make the
//! claims the issue names.

use entente_claims::eval::{evaluate, evaluate_verdicts, half, load_corpus, Split};
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
    assert!(corpus.len() >= 87, "at least 87 articles");
    let r = evaluate(&Extractor::new(&kb), &corpus);
    eprintln!("{}", serde_json::to_string_pretty(&r).unwrap());
    // (Raised in session 11 from the scores of 0.771, 0.408, 0.350, 0.524, 0.637, 0.591, 0.573,
    // 0.695 on the whole corpus of 51 articles; session 12 measured 0.761, 0.416, 0.348, 0.523,
    // 0.609, 0.576, 0.594, 0.667 on 63, the twelve new ones harder, and raised the date floor.)
    let floors = [
        ("detected", r.detected.f1, 0.70),
        ("claim (actor pair + date)", r.claim.f1, 0.37),
        ("actor pair + type + date", r.full.f1, 0.31),
        ("actor pair", r.actor_pair.f1, 0.47),
        ("PLOVER type", r.plover_type.f1, 0.57),
        ("event kind", r.event_kind.f1, 0.53),
        ("date", r.date.f1, 0.53),
        ("modality", r.modality.f1, 0.63),
    ];
    for (name, f1, floor) in floors {
        assert!(f1 >= floor, "{name}: F1 {f1} fell below {floor}");
    }
}

/// General international news (`eval/news/`, written for entente independently of the coder):
/// the development half only, so that the test half stays unscored between pieces of work.
/// Floors sit about 10% below the scores measured when they were set (docs/claims.md).
#[test]
fn general_news_scores_stay_above_their_thresholds() {
    let kb = kb();
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../eval/news/sentences.jsonl");
    let news = entente_claims::eval::load_news(&path).expect("the news set ships with the project");
    assert!(news.len() >= 300, "{} sentences", news.len());
    let dev: Vec<_> = news.iter().filter(|s| Split::of(&s.id) == Split::Dev).collect();
    let r = entente_claims::eval::evaluate_news(&Extractor::new(&kb), dev);
    eprintln!("{}", serde_json::to_string_pretty(&r).unwrap());
    let floors = [
        ("detection rate", r.detection_rate, 0.80),
        // (0.60 → 0.63 in session 12, from 0.700.)
        ("macro-F1 over PLOVER types", r.macro_f1, 0.63),
        ("source", r.source_accuracy, 0.80),
        ("target", r.target_accuracy, 0.55),
    ];
    for (name, x, floor) in floors {
        assert!(x >= floor, "{name}: {x} fell below {floor}");
    }
    assert!(r.false_alarm_rate <= 0.35, "false alarms: {}", r.false_alarm_rate);
}

/// Verdicts on the development half's gold claims. "supported" must be trustworthy: its
/// precision is the figure that matters (the gold scheme has no "partly supported" or
/// "imprecise", so overall agreement fell when those verdicts came in, by design).
#[test]
fn verdicts_on_the_gold_claims_stay_above_their_threshold() {
    let kb = kb();
    let corpus = load_corpus(&corpus_dir()).expect("corpus");
    let r = evaluate_verdicts(&kb, half(&corpus, Split::Dev));
    eprintln!("{}", serde_json::to_string_pretty(&r).unwrap());
    assert!(r.claims >= 200);
    assert!(r.accuracy >= 0.68, "verdict agreement {}", r.accuracy);
    let precision = |v: &str| r.precision.iter().find(|p| p.0 == v).map_or(0.0, |p| p.3);
    assert!(
        precision("supported") >= 0.9,
        "precision of 'supported' {}",
        precision("supported")
    );
}

const ARTICLE: &str = "title: Test commentary\ndate: 2024-12-23\n\n\
South Korea deployed medical and engineering units to the International Security Assistance Force between 2002 and 2007. \
The United Kingdom bought advanced weapon systems from South Korea. \
In July 2022, Poland signed contracts for K2 tanks with South Korea's Hyundai Rotem. \
The National Intelligence Service joined NATO's cyber defence centre in May 2022. \
Warsaw put its name to binding executive contracts for K2 tanks with Hyundai Rotem in July 2022. \
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

    // Poland's July 2022 documents were framework agreements: calling them "contracts" is loose
    // wording for a real signing (imprecise); calling them executive contracts is wrong.
    let pol = find("In July 2022, Poland");
    assert_eq!(pol.verdict, Verdict::Imprecise);
    assert_eq!(pol.differences[0].field, "instrument");
    assert!(pol.explanation.starts_with("Imprecise"));
    assert!(pol.differences[0].recorded.contains("2022-08-26"));
    // Each date of the executive contracts once, in order.
    let dates: Vec<&str> = pol.differences[0]
        .recorded
        .split("executive contracts on ")
        .nth(1)
        .unwrap_or("")
        .split(", ")
        .collect();
    let mut sorted = dates.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(dates, sorted);
    let exec = find("binding executive contracts");
    assert_eq!(exec.verdict, Verdict::Contradicted);
    assert_eq!(exec.differences[0].field, "instrument");

    // The NIS did join the CCDCOE in May 2022.
    let nis = find("National Intelligence Service");
    assert_eq!(nis.verdict, Verdict::Supported);
    assert!(nis.evidence.iter().any(|e| e.fact.contains("ccdcoe")));

    // Nothing recorded about space talks.
    assert_eq!(find("space cooperation").verdict, Verdict::Unverifiable);
}

/// A claim read from one line of the gold format (the verdict field is not used).
fn claim_of(kb: &KnowledgeBase, json: &str) -> entente_claims::Claim {
    let g: entente_claims::eval::GoldClaim = serde_json::from_str(json).expect("a gold line");
    entente_claims::eval::gold_to_claim(kb, &g).expect("known actors and kind")
}

/// The verifier's answer for one claim of the gold format.
fn verified(kb: &KnowledgeBase, json: &str) -> entente_claims::verify::Verification {
    entente_claims::verify::verify_claim(kb, &claim_of(kb, json))
}

#[test]
fn a_statement_is_its_speakers_and_talks_are_not_a_signing() {
    let kb = kb();
    let verdict = |json: &str| verified(&kb, json).verdict;
    // The record is NATO's Strategic Concept naming China (29 June 2022): China's answer the same
    // day is not that statement, though both name the same two actors on the same day.
    let china = r#"{"quote": "China said NATO had smeared it", "actors": ["CHN"], "recipients": ["NATO"], "type": "ACCUSE", "event": "statement", "date": "2022-06-29", "date_end": null, "modality": "asserted", "quantity": null, "system": null, "verdict": "unverifiable"}"#;
    assert_ne!(verdict(china), Verdict::Supported);
    let nato = china.replace(
        r#""actors": ["CHN"], "recipients": ["NATO"]"#,
        r#""actors": ["NATO"], "recipients": ["CHN"]"#,
    );
    assert_eq!(verdict(&nato), Verdict::Supported);
    // Poland and Korea signed the first executive contracts on 26 August 2022; talks about
    // contracts (CONSULT) that month are not the signing (AGREE).
    let signed = r#"{"quote": "Poland signed executive contracts with Korea", "actors": ["POL"], "recipients": ["KOR"], "type": "AGREE", "event": "executive_contract", "date": "2022-08", "date_end": null, "modality": "asserted", "quantity": null, "system": null, "verdict": "supported"}"#;
    assert_eq!(verdict(signed), Verdict::Supported);
    assert_eq!(verdict(&signed.replace("AGREE", "CONSULT")), Verdict::Unverifiable);
}

#[test]
fn a_meeting_put_in_another_city_than_the_record_is_contradicted() {
    let kb = kb();
    // The Nuclear Consultative Group first met in Seoul on 18 July 2023.
    let washington = r#"{"quote": "the group held its first meeting in Washington last month", "actors": ["KOR", "USA"], "recipients": [], "type": "CONSULT", "event": "summit", "date": "2023-07", "date_end": null, "modality": "asserted", "quantity": null, "system": null, "verdict": "contradicted"}"#;
    let v = verified(&kb, washington);
    assert_eq!(v.verdict, Verdict::Contradicted, "{v:?}");
    assert_eq!(v.differences[0].field, "place", "{v:?}");
    assert_eq!(v.differences[0].recorded, "Seoul", "{v:?}");
    let seoul = washington.replace("Washington", "Seoul");
    let v = verified(&kb, &seoul);
    assert_eq!(v.verdict, Verdict::Supported, "{v:?}");
    // A month ("in July") or a state ("in Korea") is no city to compare.
    // Undated, it may be another meeting: no contradiction.
    let undated = washington.replace(r#""date": "2023-07""#, r#""date": null"#);
    let v = verified(&kb, &undated);
    assert_ne!(v.verdict, Verdict::Contradicted, "{v:?}");
    for other in ["in July", "in South Korea"] {
        let c = washington.replace("in Washington last month", other);
        let v = verified(&kb, &c);
        assert_eq!(v.verdict, Verdict::Supported, "{other}: {v:?}");
    }
}

#[test]
fn the_seed_commentary_has_its_known_errors_flagged() {
    // The seed cannot be excerpted into the repository (its sentences may not be copied): it is
    // read from ../shared, and its absence fails the run under CI.
    let Some(seed) = entente_testkit::shared("../seed/000_21656a83e1960d36.txt") else {
        return;
    };
    let bytes = std::fs::read(&seed).expect("the seed");
    let kb = kb();
    let mut a = Article::from_bytes("seed", &bytes);
    a.date = entente_model::PartialDate::parse("2024-12-23").ok();
    let v = verify(&kb, &Extractor::new(&kb).extract(&a));
    let flagged = |verdict: Verdict| -> Vec<&str> {
        v.iter()
            .filter(|x| x.verdict == verdict)
            .flat_map(|x| x.differences.iter().map(|d| d.field))
            .collect()
    };
    let contradicted = flagged(Verdict::Contradicted);
    for field in ["operation", "weapon"] {
        assert!(contradicted.contains(&field), "{field} not flagged: {contradicted:?}");
    }
    // The seed calls July 2022's framework agreements "a defence contract": imprecise.
    assert!(flagged(Verdict::Imprecise).contains(&"instrument"), "{v:#?}");
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
    for bytes in &inputs {
        let a = Article::from_bytes("x", bytes);
        let claims = x.extract(&a);
        for c in &claims {
            assert!(c.start <= c.end && c.end <= a.input.len());
        }
        let _ = verify(&kb, &claims);
    }
    // The dictionary and record readers take any text: errors, never a panic. Every byte
    // string above, and pseudo-random text made of the formats' own delimiters and multi-byte
    // characters, cut at every length of a prefix.
    let mut junk: Vec<String> = inputs.iter().map(|b| String::from_utf8_lossy(b).into_owned()).collect();
    let alphabet: Vec<char> = "[]{}<>!~+-_#=\"'é한 \t\nABC0123456789>:".chars().collect();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..200 {
        let s: String = (0..64)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                alphabet[(seed % alphabet.len() as u64) as usize]
            })
            .collect();
        junk.push(s);
    }
    junk.push("<Sentence date=\"2008한0\" id='x'><EventCoding sourcecode='\"A' targetcode=\"B\" eventcode=\"01\"><Text>é</Text></Sentence>".into());
    for text in &junk {
        // Every prefix of the short texts; the long line whole.
        let cuts: Vec<usize> = if text.len() > 4096 {
            vec![text.len()]
        } else {
            (0..=text.len()).collect()
        };
        for cut in cuts {
            let Some(t) = text.get(..cut) else { continue };
            let _ = entente_claims::phoenix::read_actors(t);
            let _ = entente_claims::phoenix::read_agents(t);
            let _ = entente_claims::petrarch::VerbDictionary::parse(t);
            let _ = entente_claims::eval::load_petrarch_records(t);
        }
    }
}

/// A claim is supported only by a fact that agrees on every named actor in its role, the kind
/// and the date; an undated claim at most partly.
#[test]
fn support_needs_every_actor_in_its_role_and_a_date() {
    let kb = kb();
    let x = Extractor::new(&kb);
    let one = |s: &str| {
        let c = x.extract_sentence(s, entente_model::PartialDate::parse("2025-01-01").ok());
        assert!(!c.is_empty(), "no claim in {s}");
        verify(&kb, &c).remove(0)
    };
    let right = one("South Korea delivered K2 tanks to Poland in December 2022.");
    assert_eq!(right.verdict, Verdict::Supported, "{right:#?}");
    let reversed = one("Poland delivered K2 tanks to South Korea in December 2022.");
    assert_ne!(reversed.verdict, Verdict::Supported, "{reversed:#?}");
    let undated = one("South Korea delivered K2 tanks to Poland.");
    assert_eq!(undated.verdict, Verdict::PartlySupported, "{undated:#?}");
    let nato = one("Russia invaded NATO in February 2022.");
    assert_ne!(nato.verdict, Verdict::Supported, "{nato:#?}");
    let chunmoo = one("Poland signed an agreement with Hanwha Aerospace for Chunmoo launchers.");
    assert_ne!(chunmoo.verdict, Verdict::Contradicted, "{chunmoo:#?}");
}

/// A deployment dated to a month or day inside a standing deployment's span (US forces have been
/// stationed in Korea since 1957) is only partly supported: the record says the forces were there,
/// not that this deployment happened then. At the start of the span it is supported.
#[test]
fn a_dated_deployment_inside_a_standing_one_is_only_partly_supported() {
    let kb = kb();
    let verdict = |json: &str| verified(&kb, json).verdict;
    let docked = r#"{"quote": "a US submarine docked at Busan", "actors": ["USA"], "recipients": ["KOR"], "type": "MOBILIZE", "event": "deployment", "date": "2023-07-18", "date_end": null, "modality": "asserted", "quantity": null, "system": null, "verdict": "unverifiable"}"#;
    assert_eq!(verdict(docked), Verdict::PartlySupported);
    assert_eq!(verdict(&docked.replace("2023-07-18", "1957")), Verdict::Supported);
    assert_eq!(verdict(&docked.replace("2023-07-18", "1957-07")), Verdict::Supported);
}

/// Text that is not a claim gives none: binary data, a fragment, a headline said twice.
#[test]
fn text_that_states_nothing_gives_no_claim() {
    let kb = kb();
    let x = Extractor::new(&kb);
    // 2 MB of pseudo-random bytes (xorshift, fixed seed).
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let bytes: Vec<u8> = (0..2 * 1024 * 1024)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect();
    let claims = x.extract(&Article::from_bytes("random.bin", &bytes));
    assert!(
        claims.is_empty(),
        "{} claims from random bytes: {:?}",
        claims.len(),
        claims.first()
    );
    let fragment = x.extract(&Article::from_bytes(
        "f.txt",
        b"As for the summits with Japan, over the past decade",
    ));
    assert!(fragment.is_empty(), "{fragment:?}");
    let once = x.extract(&Article::from_bytes("h.txt", b"Finland joined NATO in April 2023.\n\n"));
    let twice = x.extract(&Article::from_bytes(
        "h.txt",
        b"Finland joined NATO in April 2023.\n\nFinland joined NATO in April 2023.\n\n",
    ));
    assert_eq!(once.len(), 1, "{once:?}");
    assert_eq!(twice.len(), 1, "{twice:?}");
}

/// Extraction work grows linearly with a long sentence of names: four times the text, about four
/// times the work (a quadratic algorithm would do sixteen times as much). The measure is the
/// extractor's own work counter, not a clock.
#[test]
fn work_is_linear_in_a_long_run_of_names() {
    let kb = kb();
    let work_for = |bytes: usize| {
        let x = Extractor::new(&kb);
        let unit = "Poland and South Korea and NATO and Japan met ";
        let mut text = unit.repeat(bytes / unit.len());
        text.push('.');
        let a = Article::from_bytes("names.txt", text.as_bytes());
        for &(s0, s1) in &a.sentences() {
            for (w0, w1) in entente_claims::extract::windows(&a.text, s0, s1) {
                assert!(w1 - w0 <= entente_claims::extract::MAX_WINDOW);
            }
        }
        let _ = x.extract(&a);
        x.work()
    };
    let (small, large) = (work_for(64 * 1024), work_for(256 * 1024));
    assert!(small > 0);
    let ratio = large as f64 / small as f64;
    assert!(ratio < 5.0, "work grew {ratio:.1} times for four times the text");
}

/// The PETRARCH/TABARI validation suite (`eval/petrarch/`, MIT): its records read (comments
/// inside records, several codings per record, "no event" records), its fictional actors come
/// from its own dictionaries, and the coder's scores on the development half stay above floors
/// about 10% below those measured when they were set (docs/claims.md).
#[test]
fn the_petrarch_validation_suite_is_read_and_scored() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../eval/petrarch");
    let read = |f: &str| std::fs::read_to_string(dir.join(f)).expect("the validation suite ships with the project");
    let records = entente_claims::eval::load_petrarch_records(&read("PETR.UnitTest.records.xml")).expect("records");
    assert_eq!(records.len(), 284);
    let demo = records.iter().find(|r| r.id == "DEMO-01").expect("DEMO-01");
    assert_eq!(
        demo.codings,
        [("ARN".to_string(), "GON".to_string(), "064".to_string())]
    );
    assert!(demo
        .text
        .starts_with("Arnor is about to restore full diplomatic ties with Gondor"));
    assert_eq!(demo.date.map(|d| d.to_string()).as_deref(), Some("1995-01-01"));
    let triples: usize = records.iter().map(|r| r.codings.len()).sum();
    assert_eq!(
        triples, 359,
        "coded triples (no-event and error codings carry no triple)"
    );
    assert!(entente_claims::eval::load_petrarch_records("<Sentence id=\"X\"><Text>cut").is_err());

    let validation: &'static entente_claims::phoenix::Dictionaries =
        Box::leak(Box::new(entente_claims::phoenix::Dictionaries::read(
            ("PETR.Validate.actors.txt", &read("PETR.Validate.actors.txt")),
            ("PETR.Validate.agents.txt", &read("PETR.Validate.agents.txt")),
        )));
    let kb = kb();
    let x = Extractor::with_dictionaries(&kb, validation);
    let c = x.extract_sentence(&demo.text, demo.date);
    assert_eq!(
        (c[0].actors[0].code.as_str(), c[0].recipients[0].code.as_str()),
        ("ARN", "GON"),
        "{c:?}"
    );
    let dev = records.iter().filter(|r| Split::of(&r.id) == Split::Dev);
    let r = entente_claims::eval::evaluate_petrarch(&x, dev);
    eprintln!("{}", serde_json::to_string_pretty(&r).unwrap());
    for (name, v, floor) in [
        // (Raised in session 11 from 0.750, 0.266, 0.613, 0.516; in session 12 from 0.766,
        // 0.266, 0.621, 0.532.) The type has no floor since session 13: the suite's event codes
        // are TABARI's test codes, many not CAMEO's meanings ("064" for restoring diplomatic
        // ties, "903", "1717", "174L"), so agreement of their PLOVER types measured the mapping's
        // accidents (05 read as COOPERATE matched "064"), not the coder: 0.266 fell to 0.065
        // when CAMEO 05 became SUPPORT, as the PLOVER manual has it. It is still reported.
        ("detection", r.detection_rate, 0.69),
        ("source", r.source_accuracy, 0.56),
        ("target", r.target_accuracy, 0.48),
    ] {
        assert!(v >= floor, "{name}: {v} fell below {floor}");
    }
}

#[test]
fn an_ordinal_the_data_outnumbers_is_contradicted() {
    let kb = kb();
    // Yoon attended NATO's summits at Madrid (2022), Vilnius (2023) and Washington (2024).
    let second = r#"{"quote": "Yoon, attending his second NATO summit", "actors": ["KOR"], "recipients": ["NATO"], "type": "CONSULT", "event": "attendance", "date": "2024-07-11", "date_end": null, "modality": "asserted", "quantity": null, "system": null, "verdict": "contradicted"}"#;
    let v = verified(&kb, second);
    assert_eq!(v.verdict, Verdict::Contradicted, "{v:?}");
    assert_eq!(v.differences[0].field, "ordinal", "{v:?}");
    assert_eq!(v.evidence.len(), 3, "{v:?}");
    // The third is right; so was the second in July 2023.
    let third = second.replace("second", "third");
    assert_eq!(verified(&kb, &third).verdict, Verdict::Supported);
    let then = second.replace("2024-07-11", "2023-07-11");
    assert_ne!(verified(&kb, &then).verdict, Verdict::Contradicted);
}
