//! Extraction throughput on one core: every sentence of the evaluation corpus, repeated (real
//! text), and three generated inputs: synthetic news sentences, one 256 KiB run of names with no
//! punctuation (the shape that was quadratic before sentences were cut into windows), and 2 MB of
//! pseudo-random bytes.
//! `cargo run --release -p entente-claims --example bench [ROUNDS]`

use entente_claims::eval::load_corpus;
use entente_claims::{Article, Extractor};

/// mimalloc, as the `entente` and `entente-server` binaries run on.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Runs `rounds` extractions of `articles` and prints one line of figures.
fn measure(label: &str, x: &Extractor, articles: &[&Article], rounds: usize) {
    let sentences: usize = articles.iter().map(|a| a.sentences().len()).sum();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    // Warm up (regex compilation happens once, on first use).
    let mut claims = 0;
    for a in articles {
        claims += x.extract(a).len();
    }
    let t = std::time::Instant::now();
    for _ in 0..rounds {
        for a in articles {
            claims += std::hint::black_box(x.extract(a)).len();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    let n = sentences * rounds;
    println!(
        "{label:<28} {n:>8} sentences {:>8.2} MB in {secs:>7.3} s: {:>9.0} sentences/s {:>7.2} MB/s, {} claims",
        (bytes * rounds) as f64 / 1e6,
        n as f64 / secs,
        (bytes * rounds) as f64 / 1e6 / secs,
        claims / (rounds + 1)
    );
}

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
    println!(
        "dictionaries built in {:.1} ms (the PETRARCH2/Phoenix dictionaries read once per process, the knowledge base's names)",
        t.elapsed().as_secs_f64() * 1e3
    );
    let t = std::time::Instant::now();
    drop(Extractor::new(&kb));
    println!(
        "a second extractor in {:.1} ms (the knowledge base's names only)",
        t.elapsed().as_secs_f64() * 1e3
    );
    let real: Vec<&Article> = corpus.iter().map(|g| &g.article).collect();
    measure("corpus (real text)", &x, &real, rounds);
    // General news: the 384 sentences of eval/news, one article each.
    let news_path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../eval/news/sentences.jsonl");
    let news: Vec<Article> = entente_claims::eval::load_news(std::path::Path::new(news_path))
        .expect("news set")
        .iter()
        .map(|s| Article::from_bytes(&s.id, s.text.as_bytes()))
        .collect();
    measure("general news sentences", &x, &news.iter().collect::<Vec<_>>(), rounds);

    // Synthetic news: names of the knowledge base's states and organisations (not its persons,
    // whom a date outside their offices leaves standing for nobody), common verbs, dates.
    let names: Vec<&str> = kb
        .facts()
        .actors
        .iter()
        .filter(|a| a.kind != entente_model::ActorKind::Person)
        .map(|a| a.display_name())
        .collect();
    let verbs = [
        "signed an agreement with",
        "ordered howitzers from",
        "met officials of",
        "delivered tanks to",
        "condemned",
        "joined",
    ];
    let months = ["January", "April", "July", "October"];
    let mut text = String::from("date: 2024-06-01\n\n");
    for i in 0..20_000usize {
        let a = names[i % names.len()];
        let b = names[(i * 7 + 3) % names.len()];
        text.push_str(&format!(
            "{a} {} {b} in {} {}. ",
            verbs[i % verbs.len()],
            months[i % months.len()],
            2000 + i % 25
        ));
        if i % 8 == 7 {
            text.push_str("\n\n");
        }
    }
    let news = Article::from_bytes("generated.txt", text.as_bytes());
    measure("generated news sentences", &x, &[&news], 1.max(rounds / 10));

    let unit = "Poland and South Korea and NATO met Japan and Seoul, Warsaw ";
    let mut run = unit.repeat(256 * 1024 / unit.len());
    run.push('.');
    let run = Article::from_bytes("names.txt", run.as_bytes());
    measure("256 KiB run of names", &x, &[&run], 1.max(rounds / 10));

    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let bytes: Vec<u8> = (0..2 * 1024 * 1024)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect();
    let random = Article::from_bytes("random.bin", &bytes);
    measure("2 MB of random bytes", &x, &[&random], 1.max(rounds / 10));
}
