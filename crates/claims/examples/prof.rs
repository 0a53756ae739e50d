use entente_claims::eval::load_corpus;
fn main() {
    let kb = entente_kb::KnowledgeBase::new(entente_facts::load(entente_facts::shipped()).into_result().unwrap());
    let corpus = load_corpus(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../eval/corpus"
    )))
    .unwrap();
    let sents: Vec<String> = corpus
        .iter()
        .flat_map(|g| {
            g.article
                .sentences()
                .into_iter()
                .map(|(a, b)| g.article.text[a..b].to_string())
                .collect::<Vec<_>>()
        })
        .collect();
    let lex = entente_claims::lexicon::Lexicon::new(&kb);
    let trig = entente_claims::lexicon::Triggers::new();
    let ctx = entente_claims::dates::DateContext {
        published: entente_model::PartialDate::parse("2024-05-05").ok(),
        anchor: None,
        future: None,
    };
    let time = |name: &str, f: &dyn Fn(&str) -> usize| {
        let t = std::time::Instant::now();
        let mut n = 0;
        for _ in 0..5 {
            for s in &sents {
                n += f(s);
            }
        }
        println!(
            "{name}: {:.1} us/sentence ({n})",
            t.elapsed().as_secs_f64() * 1e6 / (5 * sents.len()) as f64
        );
    };
    time("actors", &|s| lex.actors(s, None, None).len());
    time("triggers", &|s| trig.find(s).len());
    time("dates", &|s| entente_claims::dates::find_dates(s, &ctx).len());
    time("systems", &|s| lex.systems(s).len());
    let x = entente_claims::Extractor::new(&kb);
    time("extract_sentence", &|s| x.extract_sentence(s, None).len());
}
