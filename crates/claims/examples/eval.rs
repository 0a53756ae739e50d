//! Prints the extraction scores on a gold corpus (default: eval/corpus).
//! `cargo run --release -p entente-claims --example eval [DIR] [--misses]`

use entente_claims::eval::{evaluate, load_corpus};
use entente_claims::Extractor;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .cloned()
        .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/../../eval/corpus").to_string());
    let kb = entente_kb::KnowledgeBase::new(
        entente_facts::load(entente_facts::shipped())
            .into_result()
            .expect("shipped data"),
    );
    let corpus = load_corpus(std::path::Path::new(&dir)).expect("corpus");
    let x = Extractor::new(&kb);
    let t = std::time::Instant::now();
    let report = evaluate(&x, &corpus);
    eprintln!("evaluated in {:?}", t.elapsed());
    println!("{}", serde_json::to_string_pretty(&report).unwrap());
    let verdicts = entente_claims::eval::evaluate_verdicts(&kb, &corpus);
    println!("{}", serde_json::to_string_pretty(&verdicts).unwrap());
    if args.iter().any(|a| a == "--verdicts") {
        for ga in &corpus {
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
    if args.iter().any(|a| a == "--misses") {
        for ga in &corpus {
            let pred = x.extract(&ga.article);
            for g in &ga.gold {
                let hit = pred
                    .iter()
                    .find(|p| p.quote.contains(g.quote.as_str()) || g.quote.contains(p.quote.as_str()));
                match hit {
                    None => println!(
                        "MISS {} | {} {:?}->{:?} {:?} | {}",
                        ga.article.name.rsplit('/').next().unwrap(),
                        g.event,
                        g.actors,
                        g.recipients,
                        g.date,
                        g.quote
                    ),
                    Some(p) => {
                        let pa: Vec<&str> = p.actors.iter().chain(&p.recipients).map(|a| a.id.as_str()).collect();
                        println!(
                            "HIT  {} {}/{} {:?}->{:?} {:?} || pred {} {:?} {:?} {:?}",
                            ga.article.name.rsplit('/').next().unwrap(),
                            g.event,
                            g.plover,
                            g.actors,
                            g.recipients,
                            g.date,
                            p.mode.as_str(),
                            p.plover,
                            pa,
                            p.date.map(|d| d.to_string())
                        );
                    }
                }
            }
        }
    }
}
