//! Knowledge-base benchmark: load + validate the shipped dataset, build the indexes, and answer
//! the founding chronology, in process. Prints medians; run with `cargo bench -p entente-kb`.

use entente_kb::{KnowledgeBase, TimelineQuery};
use std::time::{Duration, Instant};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    let mut samples = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        std::hint::black_box(f());
        samples.push(t.elapsed());
    }
    median(samples)
}

fn main() {
    let runs = 200;
    let inputs = entente_facts::shipped();
    let bytes: usize = inputs.iter().map(|i| i.bytes.len()).sum();
    let load = time(runs, || entente_facts::load(inputs.clone()));
    let report = entente_facts::load(inputs.clone());
    let facts = report.dataset.facts.fact_count();
    let index = time(runs, || KnowledgeBase::new(report.dataset.clone()));
    let kb = KnowledgeBase::new(report.dataset.clone());
    let q = TimelineQuery {
        actors: vec!["NATO".into(), "KOR".into()],
        ..Default::default()
    };
    let timeline = time(runs, || kb.timeline(&q));
    let qm = TimelineQuery {
        members: true,
        ..q.clone()
    };
    let timeline_members = time(runs, || kb.timeline(&qm));
    let resolve = time(runs, || kb.resolve("South Korean"));
    println!(
        "shipped dataset: {} files, {} KiB, {} facts",
        inputs.len(),
        bytes / 1024,
        facts
    );
    println!(
        "load + validate          {:>9.2} ms (median of {runs})",
        load.as_secs_f64() * 1e3
    );
    println!("build indexes            {:>9.2} ms", index.as_secs_f64() * 1e3);
    println!("timeline NATO KOR        {:>9.3} ms", timeline.as_secs_f64() * 1e3);
    println!(
        "timeline NATO KOR --members {:>6.3} ms",
        timeline_members.as_secs_f64() * 1e3
    );
    println!("resolve 'South Korean'   {:>9.4} ms", resolve.as_secs_f64() * 1e3);
}
