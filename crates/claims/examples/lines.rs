//! An article's claims, one per line, for quick reading and for `eval/probes/score.py`:
//! `<sentence> <PLOVER type> <kind> [actor<text>,…]->[recipient<text>,…] <date> | <quote>`.
//!
//! `cargo run --release -p entente-claims --example lines -- ARTICLE`
use entente_claims::Extractor;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: lines ARTICLE");
        std::process::exit(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let kb = entente_kb::KnowledgeBase::new(
        entente_facts::load(entente_facts::shipped())
            .into_result()
            .expect("the shipped data loads"),
    );
    let x = Extractor::new(&kb);
    let article = entente_claims::text::Article::from_bytes(&path, &bytes);
    for c in x.extract(&article) {
        println!("{} {}", c.sentence, entente_claims::eval::claim_line(&c));
    }
}
