//! entente-event-gen: realistic synthetic GDELT 2.0 event data of any size, for tests and
//! benchmarks (the lake's, the cluster's and the CLI's), apart from the lake it feeds.
//!
//! The model is learned from real GDELT 2.0 exports ([`Model::learn`]): the empirical
//! distributions of the Actor1 and Actor2 blocks (all ten fields together, so codes, names,
//! countries and types stay consistent), of event codes with their quad class and Goldstein
//! score, of the ActionGeo block, of (NumMentions, NumSources, NumArticles), of the tone, of
//! IsRootEvent and of the news domains. The model learned from the fixtures is shipped
//! (`data/gdelt2_model.tsv`). On top of the empirical actors, every CAMEO country and the main
//! organisations get a small floor weight (10 % of the mass in all), so that rare dyads (NATO–KOR)
//! exist in large files as they do in the real data. Dates follow GDELT 2.0: rows are in
//! DATEADDED order, `rows_per_day` per day; as in the real sample, 1.1 % of rows carry an SQLDATE
//! exactly one year earlier (GDELT's anniversary artefact) and 1.7 % one to thirty days earlier.
//!
//! Row `i` depends only on the seed and `i`, so any slice of a file can be generated on its own
//! (the lake ingests a [`Generator`] as a [`Synthetic`] source, in parallel blocks) and the
//! output is identical run to run.

use entente_event_readers::actors::Resolver;
use entente_event_readers::day::Day;
use entente_event_readers::error::{Error, Result};
use entente_event_readers::gdelt::{self, GdeltVersion};
use entente_event_readers::lines::split_tabs;
use entente_event_readers::record::{Event, ReadReport};
pub use entente_event_readers::synthetic::Synthetic;
use std::collections::BTreeMap;
use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};

/// The shipped model, learned from `../shared/fixtures/gdelt/v2`.
pub const SHIPPED_MODEL: &str = include_str!("../data/gdelt2_model.tsv");

use entente_event_readers::actors::CAMEO_COUNTRIES;

/// An error in a generator model's text, at its 1-based line (0: the model as a whole).
fn model_error(line: usize, message: String) -> Error {
    Error::Format {
        path: PathBuf::from("generator model"),
        line: line as u64,
        message,
    }
}

struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        ((self.next() >> 32) * n) >> 32
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// A discrete distribution over strings.
#[derive(Default, Clone)]
struct Weighted {
    items: Vec<String>,
    cum: Vec<u64>,
}

impl Weighted {
    fn push(&mut self, item: String, w: u64) {
        if w == 0 {
            return;
        }
        let total = self.cum.last().copied().unwrap_or(0);
        self.items.push(item);
        self.cum.push(total + w);
    }
    fn total(&self) -> u64 {
        self.cum.last().copied().unwrap_or(0)
    }
    fn sample(&self, r: &mut SplitMix) -> &str {
        let t = self.total();
        if t == 0 {
            return "";
        }
        let x = r.below(t);
        let i = self.cum.partition_point(|c| *c <= x);
        self.items.get(i).map_or("", String::as_str)
    }
}

/// Learned distributions (see the module documentation).
#[derive(Clone)]
pub struct Model {
    text: String,
    actor1: Weighted,
    actor2: Weighted,
    events: Weighted,
    geo: Weighted,
    counts: Weighted,
    tone: Weighted,
    root: Weighted,
    domains: Weighted,
}

const KINDS: [&str; 8] = ["A1", "A2", "EV", "GEO", "MSA", "TONE", "ROOT", "DOM"];

impl Model {
    /// Learns a model from GDELT 2.0 export files (rows that are not 61 columns are skipped).
    pub fn learn(files: &[&Path]) -> Result<String> {
        let mut tallies: BTreeMap<(usize, String), u64> = BTreeMap::new();
        for path in files {
            let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
            for line in io::BufReader::new(file).split(b'\n') {
                let line = line.map_err(|e| Error::io(path, e))?;
                let mut f: [&[u8]; 62] = [&[]; 62];
                if split_tabs(&line, &mut f) != 61 {
                    continue;
                }
                let s = |r: std::ops::Range<usize>| {
                    f[r].iter()
                        .map(|x| String::from_utf8_lossy(x))
                        .collect::<Vec<_>>()
                        .join("\t")
                };
                let url = String::from_utf8_lossy(f[60]);
                let domain = url
                    .split("://")
                    .nth(1)
                    .and_then(|r| r.split('/').next())
                    .unwrap_or("example.org")
                    .to_string();
                let tone = String::from_utf8_lossy(f[34])
                    .parse::<f64>()
                    .map_or("0.0".to_string(), |t| format!("{t:.1}"));
                for (k, v) in [
                    (0, s(5..15)),
                    (1, s(15..25)),
                    (2, format!("{}\t{}\t{}", s(26..27), s(29..30), s(30..31))),
                    (3, s(51..59)),
                    (4, s(31..34)),
                    (5, tone),
                    (6, s(25..26)),
                    (7, domain),
                ] {
                    *tallies.entry((k, v)).or_default() += 1;
                }
            }
        }
        let mut out = String::from("# entente-events GDELT 2.0 generator model: kind, count, value (tab-separated)\n");
        for ((k, v), n) in tallies {
            out.push_str(&format!("{}\t{n}\t{v}\n", KINDS[k]));
        }
        Ok(out)
    }

    /// Parses a model file and adds the floor weights for every country and main organisation.
    pub fn parse(text: &str) -> Result<Model> {
        let mut m = Model {
            text: text.to_string(),
            actor1: Weighted::default(),
            actor2: Weighted::default(),
            events: Weighted::default(),
            geo: Weighted::default(),
            counts: Weighted::default(),
            tone: Weighted::default(),
            root: Weighted::default(),
            domains: Weighted::default(),
        };
        for (i, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let mut parts = line.splitn(3, '\t');
            let (Some(kind), Some(n), Some(v)) = (parts.next(), parts.next(), parts.next()) else {
                return Err(model_error(i + 1, "expected kind, count, value".into()));
            };
            let n: u64 = n.parse().map_err(|_| model_error(i + 1, format!("bad count '{n}'")))?;
            let target = match kind {
                "A1" => &mut m.actor1,
                "A2" => &mut m.actor2,
                "EV" => &mut m.events,
                "GEO" => &mut m.geo,
                "MSA" => &mut m.counts,
                "TONE" => &mut m.tone,
                "ROOT" => &mut m.root,
                "DOM" => &mut m.domains,
                _ => return Err(model_error(i + 1, format!("unknown kind '{kind}'"))),
            };
            target.push(v.to_string(), n);
        }
        if m.actor1.total() == 0 || m.events.total() == 0 {
            return Err(model_error(0, "no actors or no events".into()));
        }
        // Floor weights: 10 % of the empirical mass spread over every country and organisation.
        let mut extra: Vec<String> = CAMEO_COUNTRIES
            .lines()
            .skip(1)
            .filter_map(|l| {
                let (c, name) = l.split_once('\t')?;
                (c.len() == 3).then(|| format!("{c}\t{}\t{c}\t\t\t\t\t\t\t", name.trim().to_uppercase()))
            })
            .collect();
        for (g, name) in [("NAT", "NATO"), ("UNO", "UNITED NATIONS"), ("EEC", "EUROPEAN UNION")] {
            extra.push(format!("{g}\t{name}\t\t{g}\t\t\t\t\t\t"));
        }
        for w in [&mut m.actor1, &mut m.actor2] {
            let each = (w.total() / 10 / extra.len() as u64).max(1);
            for e in &extra {
                w.push(e.clone(), each);
            }
        }
        Ok(m)
    }
}

/// Writes synthetic rows from a [`Model`].
pub struct Generator {
    model: Model,
    seed: u64,
    start: Day,
    rows_per_day: u64,
    base_id: u64,
}

impl Generator {
    /// The shipped model, rows from `start` at `rows_per_day` (GDELT 2.0 has about 100,000).
    pub fn shipped(seed: u64, start: Day, rows_per_day: u64) -> Result<Generator> {
        Ok(Generator::new(Model::parse(SHIPPED_MODEL)?, seed, start, rows_per_day))
    }

    pub fn new(model: Model, seed: u64, start: Day, rows_per_day: u64) -> Generator {
        Generator {
            model,
            seed,
            start,
            rows_per_day: rows_per_day.max(1),
            // Ids differ between seeds, as GDELT's ids differ between events: the lake drops an id
            // it already holds, so two generated files must not share ids by accident.
            base_id: 900_000_000 + (seed % 1_000_000) * 10_000_000_000,
        }
    }

    pub fn seed(&self) -> u64 {
        self.seed
    }
    pub fn start(&self) -> Day {
        self.start
    }
    /// Appends row `i` (with its newline) to `out`.
    pub fn row(&self, i: u64, out: &mut Vec<u8>) {
        let mut r = SplitMix(self.seed ^ i.wrapping_mul(0xa076_1d64_78bd_642f));
        r.next();
        let added = Day(self.start.0 + (i / self.rows_per_day) as i32);
        let secs = (i % self.rows_per_day) * 86_400 / self.rows_per_day;
        let quarter = secs / 900 * 900;
        let u = r.unit();
        let day = if u < 0.011 {
            let (y, m, d) = added.ymd();
            Day::from_ymd(y - 1, m, d.min(28)).unwrap_or(added)
        } else if u < 0.028 {
            Day(added.0 - 1 - r.below(30) as i32)
        } else {
            added
        };
        let (y, mo, d) = day.ymd();
        let doy = day.0 - Day::from_ymd(y, 1, 1).map_or(day.0, |x| x.0);
        let m = &self.model;
        let mut ev = m.events.sample(&mut r).split('\t');
        let (code, quad, gold) = (
            ev.next().unwrap_or("010"),
            ev.next().unwrap_or("1"),
            ev.next().unwrap_or("0.0"),
        );
        let (ay, am, ad) = added.ymd();
        let _ = writeln!(
            out,
            "{id}\t{y:04}{mo:02}{d:02}\t{y:04}{mo:02}\t{y:04}\t{frac:.4}\t{a1}\t{a2}\t{root_ev}\t{code}\t{base}\t{root}\t{quad}\t{gold}\t{msa}\t{tone}\t{g1}\t{g2}\t{g3}\t{ay:04}{am:02}{ad:02}{hh:02}{mm:02}00\thttps://{dom}/news/{id}-{h:08x}",
            id = self.base_id + i,
            frac = y as f64 + doy as f64 / 365.0,
            a1 = m.actor1.sample(&mut r),
            a2 = m.actor2.sample(&mut r),
            root_ev = m.root.sample(&mut r),
            base = &code[..code.len().min(3)],
            root = &code[..code.len().min(2)],
            msa = m.counts.sample(&mut r),
            tone = m.tone.sample(&mut r),
            g1 = m.geo.sample(&mut r),
            g2 = m.geo.sample(&mut r),
            g3 = m.geo.sample(&mut r),
            hh = quarter / 3600,
            mm = quarter % 3600 / 60,
            dom = m.domains.sample(&mut r),
            h = r.next() as u32,
        );
    }

    /// Writes `rows` rows as a GDELT 2.0 export file.
    pub fn write_tsv(&self, out: &mut impl Write, rows: u64) -> io::Result<()> {
        let mut buf = Vec::with_capacity(1 << 20);
        for i in 0..rows {
            self.row(i, &mut buf);
            if buf.len() > (1 << 20) - 4096 {
                out.write_all(&buf)?;
                buf.clear();
            }
        }
        out.write_all(&buf)
    }
}

impl Synthetic for Generator {
    fn name(&self, rows: u64) -> String {
        format!("generated-seed{}-rows{rows}-from{}", self.seed, self.start)
    }

    /// The model and the parameters.
    fn fingerprint(&self) -> String {
        format!(
            "{:016x}/{}/{}/{}",
            xxhash_rust::xxh3::xxh3_64(self.model.text.as_bytes()),
            self.seed,
            self.start,
            self.rows_per_day
        )
    }

    /// Rows `at..at+n` parsed as the lake would parse the TSV.
    fn events(&self, at: u64, n: u64, res: &Resolver, sink: &mut dyn FnMut(&Event<'_>)) {
        let mut buf = Vec::with_capacity(n as usize * 420);
        for i in at..at + n {
            self.row(i, &mut buf);
        }
        let mut report = ReadReport::default();
        gdelt::parse_events_block(&buf, at + 1, GdeltVersion::V2, res, &mut report, &mut |_, ev| sink(ev));
    }
}
