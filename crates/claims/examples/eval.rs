//! Prints the extraction and verdict scores on a gold corpus (default: eval/corpus), on its
//! development half; `--test` adds the test half (score it only at the end of a piece of work,
//! never to tune), `--all` the whole corpus. `--misses` and `--verdicts` list dev claims only.
//! `cargo run --release -p entente-claims --example eval [DIR] [--test] [--all] [--misses] [--verdicts] [--claims] [--types T,U]`

use entente_claims::eval::{evaluate, half, load_corpus, Split};
use entente_claims::Extractor;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args
        .iter()
        .enumerate()
        .find(|(i, a)| !a.starts_with("--") && (*i == 0 || args[i - 1] != "--types"))
        .map(|(_, a)| a)
        .cloned()
        .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/../../eval/corpus").to_string());
    let kb = entente_kb::KnowledgeBase::new(
        entente_facts::load(entente_facts::shipped())
            .into_result()
            .expect("shipped data"),
    );
    let all = load_corpus(std::path::Path::new(&dir)).expect("corpus");
    let x = Extractor::new(&kb);
    let mut halves = vec![("dev", half(&all, Split::Dev))];
    if args.iter().any(|a| a == "--test") {
        halves.push(("test", half(&all, Split::Test)));
    }
    if args.iter().any(|a| a == "--all") {
        halves.push(("all", all.iter().collect()));
    }
    for (name, part) in &halves {
        let t = std::time::Instant::now();
        let report = evaluate(&x, part.iter().copied());
        eprintln!("{name}: evaluated in {:?}", t.elapsed());
        let verdicts = entente_claims::eval::evaluate_verdicts(&kb, part.iter().copied());
        let proposals =
            entente_claims::eval::evaluate_proposals(&kb, &x, part.iter().copied(), entente_model::Day::today());
        println!(
            "{}",
            serde_json::to_string_pretty(
                &serde_json::json!({"half": name, "extraction": report, "verdicts": verdicts, "proposals": proposals})
            )
            .unwrap()
        );
    }
    // General international news (`eval/news/`), split by the same rule on the sentence's id.
    let news_path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../eval/news/sentences.jsonl");
    let news = entente_claims::eval::load_news(&news_path).unwrap_or_else(|e| panic!("{e}"));
    let mut news_halves: Vec<(&str, Vec<&entente_claims::eval::NewsSentence>)> =
        vec![("dev", news.iter().filter(|s| Split::of(&s.id) == Split::Dev).collect())];
    if args.iter().any(|a| a == "--test") {
        news_halves.push((
            "test",
            news.iter().filter(|s| Split::of(&s.id) == Split::Test).collect(),
        ));
    }
    for (name, part) in &news_halves {
        let report = entente_claims::eval::evaluate_news(&x, part.iter().copied());
        println!(
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({"half": name, "news": report})).unwrap()
        );
    }
    // The PETRARCH/TABARI validation suite (`eval/petrarch/`), an outside test: its fictional
    // actors come from its own dictionaries, the verbs from entente's. Split by the record's id.
    let pdir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../eval/petrarch");
    let read = |f: &str| std::fs::read_to_string(pdir.join(f)).unwrap_or_else(|e| panic!("{f}: {e}"));
    let validation: &'static entente_claims::phoenix::Dictionaries =
        Box::leak(Box::new(entente_claims::phoenix::Dictionaries::read(
            ("PETR.Validate.actors.txt", &read("PETR.Validate.actors.txt")),
            ("PETR.Validate.agents.txt", &read("PETR.Validate.agents.txt")),
        )));
    let records = entente_claims::eval::load_petrarch_records(&read("PETR.UnitTest.records.xml"))
        .unwrap_or_else(|e| panic!("{e}"));
    let px = Extractor::with_dictionaries(&kb, validation);
    for (name, split) in [("dev", Split::Dev), ("test", Split::Test)] {
        if split == Split::Test && !args.iter().any(|a| a == "--test") {
            continue;
        }
        let part = records.iter().filter(|r| Split::of(&r.id) == split);
        let report = entente_claims::eval::evaluate_petrarch(&px, part);
        println!(
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({"half": name, "petrarch": report})).unwrap()
        );
    }
    if args.iter().any(|a| a == "--petrarch-claims") {
        for r in records
            .iter()
            .filter(|r| Split::of(&r.id) == Split::Dev && !r.codings.is_empty())
        {
            let claims = px.extract_sentence(&r.text, r.date);
            let ours = claims
                .iter()
                .map(|c| {
                    format!(
                        "{}:{} [{}]->[{}]",
                        c.plover.as_str(),
                        c.cameo.unwrap_or("-"),
                        c.actors.iter().map(|a| a.code.as_str()).collect::<Vec<_>>().join(","),
                        c.recipients
                            .iter()
                            .map(|a| a.code.as_str())
                            .collect::<Vec<_>>()
                            .join(",")
                    )
                })
                .collect::<Vec<_>>()
                .join(" ; ");
            println!("PETR {} gold={:?} ours={} | {}", r.id, r.codings, ours, r.text);
        }
    }
    if args.iter().any(|a| a == "--news-claims") {
        for s in news_halves[0].1.iter() {
            let claims = x.extract_sentence(&s.text, entente_model::PartialDate::parse(&s.date).ok());
            let gold = s
                .events
                .first()
                .map(|e| format!("{} [{}]->[{}]", e.plover, e.source, e.target))
                .unwrap_or_else(|| "-".into());
            let ours = claims
                .iter()
                .map(|c| {
                    format!(
                        "{} [{}]->[{}]",
                        c.plover.as_str(),
                        c.actors.iter().map(|a| a.text.as_str()).collect::<Vec<_>>().join(","),
                        c.recipients
                            .iter()
                            .map(|a| a.text.as_str())
                            .collect::<Vec<_>>()
                            .join(",")
                    )
                })
                .collect::<Vec<_>>()
                .join(" ; ");
            println!("NEWS {} gold={} ours={} | {}", s.id, gold, ours, s.text);
        }
    }
    let corpus = half(&all, Split::Dev);
    if args.iter().any(|a| a == "--verdicts") {
        for ga in corpus.iter().copied() {
            for g in &ga.gold {
                let Some(c) = entente_claims::eval::gold_to_claim(&kb, g) else {
                    continue;
                };
                let v = entente_claims::verify::verify_claim(&kb, &c);
                if v.verdict.as_str() != g.verdict {
                    println!(
                        "{} gold={} ours={} | {} {:?}->{:?} {:?} | {} | {}",
                        ga.article.name.rsplit('/').next().unwrap(),
                        g.verdict,
                        v.verdict.as_str(),
                        g.event,
                        g.actors,
                        g.recipients,
                        g.date,
                        v.explanation,
                        g.quote
                    );
                }
            }
        }
    }
    // `--types REQUEST,AID`: every dev claim predicted with one of these PLOVER types.
    if let Some(types) = args.iter().position(|a| a == "--types").and_then(|i| args.get(i + 1)) {
        for ga in corpus.iter().copied() {
            for p in x.extract(&ga.article) {
                if types.split(',').any(|t| t == p.plover.as_str()) {
                    println!("TYPE {} {} | {}", p.plover.as_str(), p.mode.as_str(), p.quote);
                }
            }
        }
    }
    // `--claims`: every dev claim with its actors, recipients, type and date.
    if args.iter().any(|a| a == "--claims") {
        for ga in corpus.iter().copied() {
            for p in x.extract(&ga.article) {
                println!("CLAIM {}", entente_claims::eval::claim_line(&p));
            }
        }
    }
    // `--misses`: every dev gold claim that no prediction gets right (actor pair and date) with
    // what the aligned prediction said, and every prediction aligned with no gold claim.
    if args.iter().any(|a| a == "--misses") {
        let ids = |v: &[entente_claims::ClaimActor]| v.iter().map(|a| a.id.clone()).collect::<Vec<_>>();
        for ga in corpus.iter().copied() {
            let pred = x.extract(&ga.article);
            let aligned = entente_claims::eval::align(&pred, ga);
            let file = ga.article.name.rsplit('/').next().unwrap();
            for (gi, g) in ga.gold.iter().enumerate() {
                match aligned.iter().find(|(_, j)| *j == gi) {
                    None => println!(
                        "MISS {file} | {} {:?}->{:?} {:?} | {}",
                        g.event, g.actors, g.recipients, g.date, g.quote
                    ),
                    Some(&(pi, _)) => {
                        let p = &pred[pi];
                        let pair: std::collections::BTreeSet<String> =
                            ids(&p.actors).into_iter().chain(ids(&p.recipients)).collect();
                        let gpair: std::collections::BTreeSet<String> =
                            g.actors.iter().chain(&g.recipients).cloned().collect();
                        let date = p.date.map(|d| d.to_string());
                        let tag = match (pair == gpair, date == g.date) {
                            (true, true) => continue,
                            (false, true) => "PAIR",
                            (true, false) => "DATE",
                            (false, false) => "BOTH",
                        };
                        println!(
                            "{tag} {file} | {} {:?}->{:?} {:?} || {} {:?}->{:?} {:?} | {}",
                            g.event,
                            g.actors,
                            g.recipients,
                            g.date,
                            p.mode.as_str(),
                            ids(&p.actors),
                            ids(&p.recipients),
                            date,
                            g.quote
                        );
                    }
                }
            }
            for (pi, p) in pred.iter().enumerate() {
                if !aligned.iter().any(|(i, _)| *i == pi) {
                    println!(
                        "EXTRA {file} | {} {:?}->{:?} {:?} | {}",
                        p.mode.as_str(),
                        ids(&p.actors),
                        ids(&p.recipients),
                        p.date.map(|d| d.to_string()),
                        p.quote
                    );
                }
            }
        }
    }
}
