//! `entente extract` and `entente verify`: articles in, claims and verdicts out. The work is in
//! `entente-claims`; this module reads inputs and renders.

use crate::render::{emit, Format, Table};
use entente_claims::{verify as verify_claims, Article, Claim, Extractor, Verdict};
use entente_kb::KnowledgeBase;
use entente_model::PartialDate;
use serde::Serialize;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Inputs larger than this are refused rather than read into memory.
const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

#[derive(clap::Args, Debug)]
pub struct ExtractArgs {
    /// Text or HTML files, directories of them, or `-` for standard input.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Publication date, for relative dates ("last year"), when the article does not give one.
    #[arg(long, value_parser = crate::parse_date)]
    pub date: Option<PartialDate>,
}

#[derive(clap::Args, Debug)]
pub struct VerifyArgs {
    /// A text or HTML file, or `-` for standard input.
    pub input: PathBuf,
    #[arg(long, value_parser = crate::parse_date)]
    pub date: Option<PartialDate>,
    /// Also write the report as a self-contained HTML page.
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
}

fn read_input(path: &Path) -> Result<Vec<(String, Vec<u8>)>, String> {
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin()
            .take(MAX_INPUT_BYTES)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        return Ok(vec![("-".into(), bytes)]);
    }
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    if meta.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.is_file()
                    && p.extension()
                        .is_some_and(|x| matches!(x.to_str(), Some("txt" | "html" | "htm" | "md")))
            })
            .collect();
        files.sort();
        let mut out = Vec::new();
        for f in files {
            out.extend(read_input(&f)?);
        }
        return Ok(out);
    }
    if meta.len() > MAX_INPUT_BYTES {
        return Err(format!(
            "{} is {} MB; entente reads articles up to {} MB",
            path.display(),
            meta.len() / 1_000_000,
            MAX_INPUT_BYTES / 1_000_000
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    Ok(vec![(path.display().to_string(), bytes)])
}

fn article(name: &str, bytes: &[u8], date: Option<PartialDate>) -> Article {
    let mut a = Article::from_bytes(name, bytes);
    if a.date.is_none() {
        a.date = date;
    }
    a
}

/// A claim with the article it came from, for JSON lines.
#[derive(Serialize)]
struct Row<'a> {
    article: &'a str,
    #[serde(flatten)]
    claim: &'a Claim,
}

fn actors(c: &Claim) -> String {
    let names = |v: &[entente_claims::ClaimActor]| v.iter().map(|a| a.code.clone()).collect::<Vec<_>>().join(", ");
    if c.recipients.is_empty() {
        names(&c.actors)
    } else {
        format!("{} → {}", names(&c.actors), names(&c.recipients))
    }
}

fn date(c: &Claim) -> String {
    match (c.date, c.date_end) {
        (Some(d), Some(e)) => format!("{d} – {e}"),
        (Some(d), None) => d.to_string(),
        _ => String::new(),
    }
}

fn short(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        s.chars().take(n - 1).collect::<String>() + "…"
    }
}

pub fn extract(kb: &KnowledgeBase, format: Format, args: &ExtractArgs) -> Result<(), String> {
    let x = Extractor::new(kb);
    let mut inputs = Vec::new();
    for p in &args.inputs {
        inputs.extend(read_input(p)?);
    }
    let articles: Vec<Article> = inputs.iter().map(|(n, b)| article(n, b, args.date)).collect();
    let claims: Vec<(String, Vec<Claim>)> = articles.iter().map(|a| (a.name.clone(), x.extract(a))).collect();
    let rows: Vec<Row> = claims
        .iter()
        .flat_map(|(n, cs)| cs.iter().map(move |c| Row { article: n, claim: c }))
        .collect();
    let many = articles.len() > 1;
    emit(format, &rows, || {
        let mut headers = vec![];
        if many {
            headers.push("ARTICLE");
        }
        headers.extend(["SENT", "TYPE", "MODE", "WHO", "DATE", "MODALITY", "CONF", "QUOTE"]);
        let mut t = Table::new(headers).titled(format!("{} claim(s) in {} article(s)", rows.len(), articles.len()));
        for r in &rows {
            let c = r.claim;
            let mut row = vec![];
            if many {
                row.push(r.article.rsplit('/').next().unwrap_or(r.article).to_string());
            }
            let mut mode = c.mode.as_str().to_string();
            if let Some(q) = c.quantity {
                mode += &format!(" ×{q}");
            }
            if let Some(s) = &c.system {
                mode += &format!(" {s}");
            }
            row.extend([
                (c.sentence + 1).to_string(),
                c.plover.to_string(),
                mode,
                actors(c),
                date(c),
                c.modality.as_str().to_string(),
                format!("{:.2}", c.confidence),
                short(&c.quote, 70),
            ]);
            t.push(row, Vec::new());
        }
        t
    })
}

pub fn verify(kb: &KnowledgeBase, format: Format, args: &VerifyArgs) -> Result<(), String> {
    let x = Extractor::new(kb);
    let inputs = read_input(&args.input)?;
    let mut all = Vec::new();
    for (name, bytes) in &inputs {
        let a = article(name, bytes, args.date);
        let claims = x.extract(&a);
        all.extend(
            verify_claims(kb, &claims)
                .into_iter()
                .map(|v| (a.name.clone(), a.title.clone(), v)),
        );
    }
    if let Some(path) = &args.html {
        let title = all
            .first()
            .and_then(|(_, t, _)| t.clone())
            .unwrap_or_else(|| args.input.display().to_string());
        let vs: Vec<_> = all.iter().map(|(_, _, v)| v.clone()).collect();
        let html = entente_report::verify::render(&title, &vs).map_err(|e| e.to_string())?;
        crate::write_atomically(path, html.as_bytes())?;
        eprintln!("report written to {}", path.display());
    }
    let verdicts: Vec<&entente_claims::Verification> = all.iter().map(|(_, _, v)| v).collect();
    let count = |v: Verdict| verdicts.iter().filter(|x| x.verdict == v).count();
    emit(format, &verdicts, || {
        let mut t = Table::new(vec!["VERDICT", "CLAIM", "WHO", "DATE", "WHY"]).titled(format!(
            "{} claim(s): {}",
            verdicts.len(),
            Verdict::ALL
                .iter()
                .map(|v| format!("{} {}", count(*v), v.label()))
                .collect::<Vec<_>>()
                .join(", ")
        ));
        for v in &verdicts {
            let cites = v.evidence.iter().flat_map(|e| e.citations.clone()).collect();
            let why = if v.differences.is_empty() {
                v.explanation.clone()
            } else {
                v.differences
                    .iter()
                    .map(|d| format!("{}: claimed {}, recorded {}", d.field, d.claimed, d.recorded))
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            t.push(
                vec![
                    v.verdict.label().to_uppercase(),
                    short(&v.claim.quote, 60),
                    actors(&v.claim),
                    date(&v.claim),
                    why,
                ],
                cites,
            );
        }
        t
    })
}
