//! Scores extraction against gold annotations: precision, recall and F1 on the actor pair +
//! PLOVER type + date together, and on each part.
//!
//! The corpus layout is `eval/corpus/`'s: `NN-slug.txt` (header, blank line, body) beside
//! `NN-slug.gold.jsonl` (one claim per line). A predicted claim is aligned with at most one gold
//! claim whose quote overlaps it in the text, choosing the best-agreeing pairs first; a part
//! counts as right for an aligned pair when it agrees. Precision divides by all predicted claims,
//! recall by all gold claims, so unaligned claims count against both.

use crate::extract::{Claim, Extractor};
use crate::text::Article;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::path::Path;

/// One gold claim.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldClaim {
    pub quote: String,
    pub actors: Vec<String>,
    pub recipients: Vec<String>,
    #[serde(rename = "type")]
    pub plover: String,
    pub event: String,
    pub date: Option<String>,
    pub date_end: Option<String>,
    pub modality: String,
    pub quantity: Option<u64>,
    pub system: Option<String>,
    pub verdict: String,
    #[serde(default)]
    pub why: Option<String>,
}

/// An article with its gold claims.
pub struct GoldArticle {
    pub article: Article,
    pub gold: Vec<GoldClaim>,
    /// Development or test half ([`Split::of`] the file stem).
    pub split: Split,
}

/// The half of the corpus an article belongs to. The rule is fixed in advance and does not look
/// at any score: the 64-bit FNV-1a hash of the file's stem (`01-nis-joins-ccdcoe`), even → dev,
/// odd → test. Work on the extractor and verifier looks at dev only; test is scored at the end.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Split {
    Dev,
    Test,
}

impl Split {
    /// The half of the article whose file stem is `stem`.
    pub fn of(stem: &str) -> Split {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in stem.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        if h.is_multiple_of(2) {
            Split::Dev
        } else {
            Split::Test
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Split::Dev => "dev",
            Split::Test => "test",
        }
    }
}

/// A claim on one line, for reading and for the probes' scorer (`eval/probes/score.py`):
/// `<PLOVER type> <kind> [id<text>,…]->[id<text>,…] <date> | <quote>`.
pub fn claim_line(c: &Claim) -> String {
    let ids = |v: &[crate::ClaimActor]| {
        v.iter()
            .map(|a| format!("{}<{}>", a.id, a.text))
            .collect::<Vec<_>>()
            .join(",")
    };
    format!(
        "{} {} [{}]->[{}] {:?} | {}",
        c.plover.as_str(),
        c.mode.as_str(),
        ids(&c.actors),
        ids(&c.recipients),
        c.date.map(|d| d.to_string()),
        c.quote
    )
}

/// The articles of one half.
pub fn half(corpus: &[GoldArticle], split: Split) -> Vec<&GoldArticle> {
    corpus.iter().filter(|a| a.split == split).collect()
}

/// Why a gold corpus cannot be read.
#[derive(Debug)]
pub enum CorpusError {
    Io {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
    /// A line of a gold file that is not a gold claim.
    Gold {
        path: std::path::PathBuf,
        line: usize,
        message: String,
    },
    /// A validation-records file cut short: a record opened at `offset` (bytes) is not closed.
    Record { offset: usize, message: String },
}

impl std::fmt::Display for CorpusError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CorpusError::Io { path, source } => write!(f, "cannot read {}: {source}", path.display()),
            CorpusError::Gold { path, line, message } => write!(f, "{}:{line}: {message}", path.display()),
            CorpusError::Record { offset, message } => write!(f, "byte {offset}: {message}"),
        }
    }
}

impl std::error::Error for CorpusError {}

/// Reads every `*.txt` with a `*.gold.jsonl` beside it.
pub fn load_corpus(dir: &Path) -> Result<Vec<GoldArticle>, CorpusError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| CorpusError::Io { path, source }
    };
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .map_err(io(dir))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    let mut out = Vec::new();
    for path in names {
        let gold_path = path.with_extension("gold.jsonl");
        let Ok(gold_text) = std::fs::read_to_string(&gold_path) else {
            continue;
        };
        let bytes = std::fs::read(&path).map_err(io(&path))?;
        let article = Article::from_bytes(&path.display().to_string(), &bytes);
        let mut gold = Vec::new();
        for (i, line) in gold_text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            gold.push(serde_json::from_str(line).map_err(|e| CorpusError::Gold {
                path: gold_path.clone(),
                line: i + 1,
                message: e.to_string(),
            })?);
        }
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        out.push(GoldArticle {
            article,
            gold,
            split: Split::of(stem),
        });
    }
    Ok(out)
}

/// Precision, recall and F1 of one part.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Score {
    pub correct: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Score {
    fn new(correct: usize, predicted: usize, gold: usize) -> Score {
        let precision = if predicted == 0 {
            0.0
        } else {
            correct as f64 / predicted as f64
        };
        let recall = if gold == 0 { 0.0 } else { correct as f64 / gold as f64 };
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        let r = |x: f64| (x * 1000.0).round() / 1000.0;
        Score {
            correct,
            precision: r(precision),
            recall: r(recall),
            f1: r(f1),
        }
    }
}

/// The evaluation's result.
#[derive(Clone, Debug, Serialize)]
pub struct EvalReport {
    pub articles: usize,
    pub sentences: usize,
    pub gold: usize,
    pub predicted: usize,
    /// Claims aligned with a gold claim (detection).
    pub detected: Score,
    /// Actor pair + PLOVER type + date, all right.
    pub full: Score,
    /// The "claim": actor pair + date right, in a quote that overlaps the gold one (the
    /// kind of event not compared).
    pub claim: Score,
    /// The set of actors and recipients, in either role.
    pub actor_pair: Score,
    /// Actors and recipients each in the right role.
    pub directed_pair: Score,
    pub plover_type: Score,
    pub event_kind: Score,
    pub date: Score,
    pub modality: Score,
}

fn pair(actors: &[String], recipients: &[String]) -> BTreeSet<String> {
    actors.iter().chain(recipients).cloned().collect()
}

struct Parts {
    pair: bool,
    directed: bool,
    plover: bool,
    kind: bool,
    date: bool,
    modality: bool,
}

fn compare(p: &Claim, g: &GoldClaim) -> Parts {
    let pa: Vec<String> = p.actors.iter().map(|a| a.id.clone()).collect();
    let pr: Vec<String> = p.recipients.iter().map(|a| a.id.clone()).collect();
    let set = |v: &[String]| v.iter().cloned().collect::<BTreeSet<_>>();
    Parts {
        pair: pair(&pa, &pr) == pair(&g.actors, &g.recipients),
        directed: set(&pa) == set(&g.actors) && set(&pr) == set(&g.recipients),
        plover: p.plover.as_str() == g.plover,
        kind: p.mode.as_str() == g.event,
        date: p.date.map(|d| d.to_string()) == g.date,
        modality: p.modality.as_str() == g.modality,
    }
}

/// Aligns predicted claims with an article's gold claims: each with at most one whose quote
/// overlaps it, best-agreeing pairs first. Returns (predicted index, gold index) pairs.
pub fn align(predicted: &[Claim], ga: &GoldArticle) -> Vec<(usize, usize)> {
    let a = &ga.article;
    // Gold spans: the quote's first occurrence in the body.
    let body = &a.text[a.body_start..];
    let spans: Vec<Option<(usize, usize)>> = ga
        .gold
        .iter()
        .map(|g| {
            body.find(&g.quote)
                .map(|i| (a.body_start + i, a.body_start + i + g.quote.len()))
        })
        .collect();
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    for (pi, p) in predicted.iter().enumerate() {
        let (ps, pe) = p.text_span;
        for (gi, span) in spans.iter().enumerate() {
            let Some((gs, ge)) = *span else { continue };
            let overlap = pe.min(ge).saturating_sub(ps.max(gs));
            if overlap == 0 {
                continue;
            }
            let parts = compare(p, &ga.gold[gi]);
            let shorter = (pe - ps).min(ge - gs).max(1);
            let mut score = overlap as f64 / shorter as f64;
            score += [parts.kind, parts.pair, parts.plover].iter().filter(|x| **x).count() as f64;
            score += if parts.date { 0.5 } else { 0.0 };
            let g = &ga.gold[gi];
            if g.quantity.is_some() && g.quantity == p.quantity {
                score += 0.5;
            }
            candidates.push((score, pi, gi));
        }
    }
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let (mut used_p, mut used_g) = (vec![false; predicted.len()], vec![false; ga.gold.len()]);
    let mut out = Vec::new();
    for (_, pi, gi) in candidates {
        if used_p[pi] || used_g[gi] {
            continue;
        }
        used_p[pi] = true;
        used_g[gi] = true;
        out.push((pi, gi));
    }
    out
}

/// Runs the extractor over the corpus and scores it.
pub fn evaluate<'a>(extractor: &Extractor, corpus: impl IntoIterator<Item = &'a GoldArticle>) -> EvalReport {
    let (mut n_gold, mut n_pred, mut sentences, mut articles) = (0, 0, 0, 0);
    let mut counts = [0usize; 9];
    for ga in corpus {
        articles += 1;
        let a = &ga.article;
        sentences += a.sentences().len();
        let predicted = extractor.extract(a);
        for (pi, gi) in align(&predicted, ga) {
            let parts = compare(&predicted[pi], &ga.gold[gi]);
            counts[0] += 1;
            counts[1] += usize::from(parts.pair && parts.plover && parts.date);
            counts[2] += usize::from(parts.pair);
            counts[3] += usize::from(parts.directed);
            counts[4] += usize::from(parts.plover);
            counts[5] += usize::from(parts.kind);
            counts[6] += usize::from(parts.date);
            counts[7] += usize::from(parts.modality);
            counts[8] += usize::from(parts.pair && parts.date);
        }
        n_gold += ga.gold.len();
        n_pred += predicted.len();
    }
    let s = |c: usize| Score::new(c, n_pred, n_gold);
    EvalReport {
        articles,
        sentences,
        gold: n_gold,
        predicted: n_pred,
        detected: s(counts[0]),
        full: s(counts[1]),
        claim: s(counts[8]),
        actor_pair: s(counts[2]),
        directed_pair: s(counts[3]),
        plover_type: s(counts[4]),
        event_kind: s(counts[5]),
        date: s(counts[6]),
        modality: s(counts[7]),
    }
}

/// How well the verifier's verdicts agree with the gold verdicts, on the gold claims themselves
/// (so extraction errors do not count here).
#[derive(Clone, Debug, Serialize)]
pub struct VerdictReport {
    pub claims: usize,
    pub agree: usize,
    pub accuracy: f64,
    /// (gold verdict, verifier verdict, count).
    pub confusion: Vec<(String, String, usize)>,
    /// Per verdict the verifier gave: how many, how many of them the annotators gave too, and the
    /// share (precision). A verdict the gold scheme lacks ("partly supported", "imprecise") has
    /// no right answer and is counted here with precision 0: see `confusion` for what the
    /// annotators said instead.
    pub precision: Vec<(String, usize, usize, f64)>,
}

/// The claim a gold annotation describes, as the extractor would have produced it.
pub fn gold_to_claim(kb: &entente_kb::KnowledgeBase, g: &GoldClaim) -> Option<Claim> {
    use crate::extract::{ClaimActor, Modality};
    use crate::lexicon::ClaimKind;
    let kind = ClaimKind::parse(&g.event)?;
    let actor = |id: &String| ClaimActor {
        id: id.clone(),
        code: kb.actor(id).map_or(id.clone(), |a| a.code().to_string()),
        name: kb.name_of(id).to_string(),
        text: String::new(),
    };
    Some(Claim {
        sentence: 0,
        start: 0,
        end: 0,
        quote: g.quote.clone(),
        actors: g.actors.iter().map(actor).collect(),
        recipients: g.recipients.iter().map(actor).collect(),
        plover: entente_model::Plover::parse(&g.plover)?,
        mode: kind,
        cameo: None,
        date: g
            .date
            .as_deref()
            .and_then(|d| entente_model::PartialDate::parse(d).ok()),
        date_end: g
            .date_end
            .as_deref()
            .and_then(|d| entente_model::PartialDate::parse(d).ok()),
        modality: match g.modality.as_str() {
            "negated" => Modality::Negated,
            "hedged" => Modality::Hedged,
            "future" => Modality::Future,
            _ => Modality::Asserted,
        },
        confidence: 1.0,
        quantity: g.quantity,
        system: g.system.clone(),
        text_span: (0, 0),
    })
}

/// Runs the verifier on every gold claim and compares verdicts.
pub fn evaluate_verdicts<'a>(
    kb: &entente_kb::KnowledgeBase,
    corpus: impl IntoIterator<Item = &'a GoldArticle>,
) -> VerdictReport {
    let mut confusion: std::collections::BTreeMap<(String, String), usize> = Default::default();
    let (mut n, mut agree) = (0, 0);
    for ga in corpus {
        for g in &ga.gold {
            let Some(c) = gold_to_claim(kb, g) else { continue };
            let v = crate::verify::verify_claim(kb, &c);
            n += 1;
            if v.verdict.as_str() == g.verdict {
                agree += 1;
            }
            *confusion
                .entry((g.verdict.clone(), v.verdict.as_str().to_string()))
                .or_default() += 1;
        }
    }
    let mut given: std::collections::BTreeMap<String, (usize, usize)> = Default::default();
    for ((gold, ours), k) in &confusion {
        let e = given.entry(ours.clone()).or_default();
        e.0 += k;
        if gold == ours {
            e.1 += k;
        }
    }
    let precision = given
        .into_iter()
        .map(|(v, (k, right))| {
            let p = if k == 0 { 0.0 } else { right as f64 / k as f64 };
            (v, k, right, (p * 1000.0).round() / 1000.0)
        })
        .collect();
    VerdictReport {
        precision,
        claims: n,
        agree,
        accuracy: if n == 0 {
            0.0
        } else {
            (agree as f64 / n as f64 * 1000.0).round() / 1000.0
        },
        confusion: confusion.into_iter().map(|((a, b), c)| (a, b, c)).collect(),
    }
}

/// How many proposals a reviewer could accept without an edit (`entente propose` on a gold
/// corpus). A new record is acceptable as it stands when a gold claim of the same article that
/// the data lacks (gold verdict `unverifiable`, asserted), in the same sentence, drafts to the
/// same record (same kind, instrument, system, participants and date: the same id). Corrections
/// are counted apart and never as acceptable: the corpus's gold verdicts take the data as right
/// (its contradicted claims are errors planted in the articles), so it cannot say when an
/// article should correct the data.
#[derive(Clone, Debug, Default, Serialize)]
pub struct ProposalReport {
    pub articles: usize,
    pub proposals: usize,
    pub corrections: usize,
    /// New-record proposals acceptable without an edit.
    pub acceptable: usize,
    /// `acceptable / (proposals - corrections)`.
    pub share: f64,
    /// New-record proposals in a sentence that holds a claim a reviewer wants (right place,
    /// whatever the record says).
    pub on_target: usize,
    /// Gold claims a reviewer would want proposed (asserted, not in the data, with a draft).
    pub wanted: usize,
    /// Of those, how many got an acceptable proposal.
    pub found: usize,
}

/// Proposes from every article of `corpus` (each given an address under `https://eval.invalid/`)
/// and counts the proposals a reviewer could accept as they stand.
pub fn evaluate_proposals<'a>(
    kb: &entente_kb::KnowledgeBase,
    extractor: &Extractor,
    corpus: impl IntoIterator<Item = &'a GoldArticle>,
    today: entente_model::Day,
) -> ProposalReport {
    use crate::propose::{draft_key, propose, Action, ArticleInfo};
    let mut r = ProposalReport::default();
    for ga in corpus {
        r.articles += 1;
        let a = &ga.article;
        let stem = a.name.rsplit('/').next().unwrap_or(&a.name).trim_end_matches(".txt");
        let info = ArticleInfo {
            url: Some(format!("https://eval.invalid/{stem}")),
            ..ArticleInfo::read(a)
        };
        let Ok(out) = propose(kb, extractor, None, a, &info, today) else {
            continue;
        };
        // Each gold claim's sentence span, and the id its draft would have.
        let gold: Vec<(usize, usize, &GoldClaim, Option<String>)> = ga
            .gold
            .iter()
            .filter(|g| g.modality == "asserted")
            .filter_map(|g| {
                let start = a.input.find(&g.quote)?;
                let key = gold_to_claim(kb, g).and_then(|c| c.date.or(a.date).and_then(|d| draft_key(kb, &c, d)));
                Some((start, start + g.quote.len(), g, key))
            })
            .collect();
        let wanted: Vec<&(usize, usize, &GoldClaim, Option<String>)> = gold
            .iter()
            .filter(|x| x.2.verdict == "unverifiable" && x.3.is_some())
            .collect();
        r.wanted += wanted.len();
        let mut found = vec![false; wanted.len()];
        for p in &out.proposals {
            r.proposals += 1;
            let overlaps = |s: usize, e: usize| s < p.end && p.start < e;
            let ok = match &p.action {
                Action::New => {
                    r.on_target += usize::from(wanted.iter().any(|x| overlaps(x.0, x.1)));
                    wanted.iter().enumerate().any(|(i, x)| {
                        let hit = overlaps(x.0, x.1) && x.3.as_deref() == Some(p.id.as_str());
                        if hit {
                            found[i] = true;
                        }
                        hit
                    })
                }
                Action::Correction { .. } => {
                    r.corrections += 1;
                    false
                }
            };
            r.acceptable += usize::from(ok);
        }
        r.found += found.iter().filter(|f| **f).count();
    }
    let new = r.proposals - r.corrections;
    r.share = if new == 0 {
        0.0
    } else {
        r.acceptable as f64 / new as f64
    };
    r
}

/// One sentence of general international news with its gold events (`eval/news/`).
#[derive(Clone, Debug, Deserialize)]
pub struct NewsSentence {
    pub id: String,
    pub date: String,
    pub text: String,
    pub events: Vec<NewsEvent>,
}

/// A gold event: its PLOVER type and the words naming its source and target.
#[derive(Clone, Debug, Deserialize)]
pub struct NewsEvent {
    #[serde(rename = "type")]
    pub plover: String,
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub source_code: serde_json::Value,
    #[serde(default)]
    pub target: String,
    #[serde(default)]
    pub target_code: serde_json::Value,
    #[serde(default)]
    pub negated: bool,
}

/// Reads `sentences.jsonl`; a line that does not read is an error naming it.
pub fn load_news(path: &Path) -> Result<Vec<NewsSentence>, CorpusError> {
    let text = std::fs::read_to_string(path).map_err(|source| CorpusError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let s: NewsSentence = serde_json::from_str(line).map_err(|e| CorpusError::Gold {
            path: path.to_path_buf(),
            line: i + 1,
            message: e.to_string(),
        })?;
        out.push(s);
    }
    Ok(out)
}

/// Scores on general news: the sentence's coding is its most confident claim.
#[derive(Clone, Debug, Serialize)]
pub struct NewsReport {
    pub sentences: usize,
    /// Sentences with a gold event, and the share in which a claim was found.
    pub event_sentences: usize,
    pub detection_rate: f64,
    /// Sentences with no gold event, and the share in which a claim was found anyway.
    pub no_event_sentences: usize,
    pub false_alarm_rate: f64,
    /// Per PLOVER type: (type, precision, recall, F1, gold count) of the main claim's type
    /// against the main gold event's.
    pub per_type: Vec<(String, f64, f64, f64, usize)>,
    pub macro_f1: f64,
    /// Of the detected event sentences: the main claim names the gold source (its words overlap
    /// the gold source's), the gold target, both in their roles, or both in either role.
    pub source_accuracy: f64,
    pub target_accuracy: f64,
    pub directed_pair_accuracy: f64,
    pub pair_accuracy: f64,
}

fn codes_of(v: &serde_json::Value) -> Vec<String> {
    match v {
        serde_json::Value::String(s) if !s.is_empty() => vec![s.to_ascii_uppercase()],
        serde_json::Value::Array(a) => a
            .iter()
            .filter_map(|x| x.as_str())
            .map(str::to_ascii_uppercase)
            .collect(),
        _ => Vec::new(),
    }
}

/// Whether a claim's actor names the gold span (its words overlap it) or its code.
fn names(actors: &[crate::ClaimActor], text: &str, span: &str, codes: &[String]) -> bool {
    if span.is_empty() {
        return actors.is_empty();
    }
    let at = text.find(span).map(|s| (s, s + span.len()));
    actors.iter().any(|a| {
        codes.contains(&a.code.to_ascii_uppercase())
            || (!a.text.is_empty()
                && at.is_some_and(|(s, e)| {
                    text.match_indices(a.text.as_str())
                        .any(|(k, _)| k < e && s < k + a.text.len())
                }))
    })
}

/// Runs the extractor over news sentences and scores it.
pub fn evaluate_news<'a>(x: &Extractor, sentences: impl IntoIterator<Item = &'a NewsSentence>) -> NewsReport {
    use std::collections::BTreeMap;
    let (mut n, mut ev, mut det, mut none, mut alarms) = (0, 0, 0, 0, 0);
    let (mut src, mut tgt, mut dir, mut pr) = (0, 0, 0, 0);
    // type → (predicted, gold, correct)
    let mut t: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    for s in sentences {
        n += 1;
        let published = entente_model::PartialDate::parse(&s.date).ok();
        let claims = x.extract_sentence(&s.text, published);
        let main = claims
            .iter()
            .enumerate()
            .max_by(|(i, a), (j, b)| a.confidence.total_cmp(&b.confidence).then(j.cmp(i)))
            .map(|(_, c)| c);
        let Some(gold) = s.events.first() else {
            none += 1;
            alarms += usize::from(main.is_some());
            if let Some(c) = main {
                t.entry(c.plover.as_str().to_string()).or_default().0 += 1;
            }
            continue;
        };
        ev += 1;
        t.entry(gold.plover.clone()).or_default().1 += 1;
        let Some(c) = main else { continue };
        det += 1;
        let e = t.entry(c.plover.as_str().to_string()).or_default();
        e.0 += 1;
        if c.plover.as_str() == gold.plover {
            e.2 += 1;
        }
        let (sc, tc) = (codes_of(&gold.source_code), codes_of(&gold.target_code));
        let s_ok = names(&c.actors, &s.text, &gold.source, &sc);
        let t_ok = names(&c.recipients, &s.text, &gold.target, &tc);
        let s_x = names(&c.recipients, &s.text, &gold.source, &sc);
        let t_x = names(&c.actors, &s.text, &gold.target, &tc);
        src += usize::from(s_ok);
        tgt += usize::from(t_ok);
        dir += usize::from(s_ok && t_ok);
        pr += usize::from((s_ok && t_ok) || (s_x && t_x));
    }
    let r = |x: f64| (x * 1000.0).round() / 1000.0;
    let share = |a: usize, b: usize| if b == 0 { 0.0 } else { r(a as f64 / b as f64) };
    let per_type: Vec<(String, f64, f64, f64, usize)> = t
        .iter()
        .map(|(k, &(p, g, c))| {
            let s = Score::new(c, p, g);
            (k.clone(), s.precision, s.recall, s.f1, g)
        })
        .collect();
    let typed: Vec<f64> = per_type.iter().filter(|x| x.4 > 0).map(|x| x.3).collect();
    NewsReport {
        sentences: n,
        event_sentences: ev,
        detection_rate: share(det, ev),
        no_event_sentences: none,
        false_alarm_rate: share(alarms, none),
        macro_f1: if typed.is_empty() {
            0.0
        } else {
            r(typed.iter().sum::<f64>() / typed.len() as f64)
        },
        per_type,
        source_accuracy: share(src, det),
        target_accuracy: share(tgt, det),
        directed_pair_accuracy: share(dir, det),
        pair_accuracy: share(pr, det),
    }
}

/// One record of the PETRARCH/TABARI validation suite (`PETR.UnitTest.records.xml`): its text
/// and gold CAMEO codings (source, target, event code).
#[derive(Clone, Debug)]
pub struct PetrarchRecord {
    pub id: String,
    pub date: Option<entente_model::PartialDate>,
    pub text: String,
    pub codings: Vec<(String, String, String)>,
}

/// The value of `name="…"` (or `name='…'`) in a tag's text.
fn attribute<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let at = tag.find(&format!("{name}="))? + name.len() + 1;
    let quote = tag[at..].chars().next().filter(|q| *q == '"' || *q == '\'')?;
    let end = tag[at + 1..].find(quote)?;
    Some(&tag[at + 1..at + 1 + end])
}

/// Reads the validation records. The file is XML with comments inside records; only
/// `<Sentence>`, `<EventCoding>` and `<Text>` are read (records without a coded triple — "no
/// events" and error records — are kept with no codings). A record cut short is an error naming
/// its byte offset.
pub fn load_petrarch_records(text: &str) -> Result<Vec<PetrarchRecord>, CorpusError> {
    // Comments first: they hold example markup.
    let mut clean = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find("<!--") {
        clean.push_str(&rest[..open]);
        rest = match rest[open..].find("-->") {
            Some(close) => &rest[open + close + 3..],
            None => "",
        };
    }
    clean.push_str(rest);
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(start) = clean[at..].find("<Sentence ").map(|k| at + k) {
        let end = clean[start..]
            .find("</Sentence>")
            .map(|k| start + k)
            .ok_or_else(|| CorpusError::Record {
                offset: start,
                message: "a <Sentence> without its </Sentence>".into(),
            })?;
        let body = &clean[start..end];
        let head = &body[..body.find('>').unwrap_or(body.len())];
        let id = attribute(head, "id").unwrap_or("").to_string();
        let date = attribute(head, "date").and_then(|d| {
            (d.len() == 8 && d.bytes().all(|b| b.is_ascii_digit()))
                .then(|| entente_model::PartialDate::parse(&format!("{}-{}-{}", &d[..4], &d[4..6], &d[6..])).ok())
                .flatten()
        });
        let mut codings = Vec::new();
        let mut k = 0;
        while let Some(c) = body[k..].find("<EventCoding").map(|x| k + x) {
            let tag_end = body[c..].find('>').map_or(body.len(), |x| c + x);
            let tag = &body[c..tag_end];
            if let (Some(s), Some(t), Some(e)) = (
                attribute(tag, "sourcecode"),
                attribute(tag, "targetcode"),
                attribute(tag, "eventcode"),
            ) {
                codings.push((s.to_string(), t.to_string(), e.to_string()));
            }
            k = tag_end;
        }
        let text = body
            .find("<Text>")
            .and_then(|t| body[t + 6..].find("</Text>").map(|e| &body[t + 6..t + 6 + e]))
            .unwrap_or("")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        out.push(PetrarchRecord {
            id,
            date,
            text,
            codings,
        });
        at = end + "</Sentence>".len();
    }
    Ok(out)
}

/// Scores on the validation records with a coded triple: a record counts as detected when a claim
/// is found; its type, source and target are right when some claim agrees with some gold coding
/// (the PLOVER type of its CAMEO code; the first three letters of the actor codes, which name the
/// state or group).
#[derive(Clone, Debug, Serialize)]
pub struct PetrarchReport {
    pub records: usize,
    pub coded: usize,
    pub detection_rate: f64,
    pub type_accuracy: f64,
    pub source_accuracy: f64,
    pub target_accuracy: f64,
    /// Records whose gold says no event, and the share in which a claim was found anyway.
    pub no_event: usize,
    pub false_alarm_rate: f64,
}

/// Runs the extractor over the validation records and scores it.
pub fn evaluate_petrarch<'a>(x: &Extractor, records: impl IntoIterator<Item = &'a PetrarchRecord>) -> PetrarchReport {
    let (mut n, mut coded, mut det, mut typ, mut src, mut tgt, mut none, mut alarms) = (0, 0, 0, 0, 0, 0, 0, 0);
    let root = |c: &str| c.get(..3).unwrap_or(c).to_ascii_uppercase();
    for r in records {
        n += 1;
        let claims = x.extract_sentence(&r.text, r.date);
        if r.codings.is_empty() {
            none += 1;
            alarms += usize::from(!claims.is_empty());
            continue;
        }
        coded += 1;
        if claims.is_empty() {
            continue;
        }
        det += 1;
        let gold_types: Vec<Option<entente_model::Plover>> = r
            .codings
            .iter()
            .map(|(_, _, e)| entente_model::Plover::of_cameo(e))
            .collect();
        typ += usize::from(claims.iter().any(|c| gold_types.contains(&Some(c.plover))));
        src += usize::from(claims.iter().any(|c| {
            c.actors
                .iter()
                .any(|a| r.codings.iter().any(|(s, _, _)| root(s) == root(&a.code)))
        }));
        tgt += usize::from(claims.iter().any(|c| {
            c.recipients
                .iter()
                .any(|a| r.codings.iter().any(|(_, t, _)| root(t) == root(&a.code)))
        }));
    }
    let r = |a: usize, b: usize| {
        if b == 0 {
            0.0
        } else {
            (a as f64 / b as f64 * 1000.0).round() / 1000.0
        }
    };
    PetrarchReport {
        records: n,
        coded,
        detection_rate: r(det, coded),
        type_accuracy: r(typ, coded),
        source_accuracy: r(src, coded),
        target_accuracy: r(tgt, coded),
        no_event: none,
        false_alarm_rate: r(alarms, none),
    }
}
