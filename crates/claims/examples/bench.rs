//! Extraction throughput on one core: every sentence of the evaluation corpus, repeated.
//! `cargo run --release -p entente-claims --example bench [ROUNDS]`

use entente_claims::eval::load_corpus;
use entente_claims::{Article, Extractor};

fn main() {
    let rounds: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(20);
    let kb = entente_kb::KnowledgeBase::new(
        entente_facts::load(entente_facts::shipped())
            .into_result()
            .expect("shipped data"),
    );
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../eval/corpus");
    let corpus = load_corpus(std::path::Path::new(dir)).expect("corpus");
    let t = std::time::Instant::now();
    let x = Extractor::new(&kb);
    let build = t.elapsed();
    let articles: Vec<&Article> = corpus.iter().map(|g| &g.article).collect();
    let sentences: usize = articles.iter().map(|a| a.sentences().len()).sum();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    // Warm up (regex compilation happens once, on first use).
    let mut claims = 0;
    for a in &articles {
        claims += x.extract(a).len();
    }
    let t = std::time::Instant::now();
    for _ in 0..rounds {
        for a in &articles {
            claims += std::hint::black_box(x.extract(a)).len();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    let n = sentences * rounds;
    println!("dictionaries built in {:.1} ms", build.as_secs_f64() * 1e3);
    println!(
        "{n} sentences ({:.1} MB) in {secs:.3} s on one thread: {:.0} sentences/s, {:.2} MB/s, {} claims",
        (bytes * rounds) as f64 / 1e6,
        n as f64 / secs,
        (bytes * rounds) as f64 / 1e6 / secs,
        claims
    );
}
