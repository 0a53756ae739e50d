//! `entente extract`, `verify` and `propose`: articles in, claims, verdicts and draft records
//! out. The work is in `entente-claims` and the analysis layer's `proposals`; this module reads
//! inputs, watches folders and renders.

use crate::render::{emit, Format, Table};
use entente_analysis::proposals::{propose_batch, Batch};
use entente_claims::propose::ArticleInfo;
use entente_claims::verify::verify_with;
use entente_claims::{Article, ArticleClaim, Claim, Extractor, Verdict};
use entente_kb::KnowledgeBase;
use entente_model::PartialDate;
use entente_store::Progress as _;
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
    /// Where imported datasets are (an imported SIPRI register or ATOP release replaces the shipped
    /// tables as evidence).
    #[command(flatten)]
    pub store: crate::datasets::StoreArgs,
}

/// At most [`MAX_INPUT_BYTES`] of `reader`; an error naming `what` past that, never a silent cut.
fn read_bounded(reader: impl Read, what: &str) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    reader
        .take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read {what}: {e}"))?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(format!(
            "{what} is longer than {} MiB, the most entente reads as one article",
            MAX_INPUT_BYTES >> 20
        ));
    }
    Ok(bytes)
}

fn read_input(path: &Path) -> Result<Vec<(String, Vec<u8>)>, String> {
    if path == Path::new("-") {
        return Ok(vec![("-".into(), read_bounded(std::io::stdin(), "standard input")?)]);
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
    // Sizes are checked on what is read, not on what the file system says: a FIFO or a device
    // (`/dev/zero`) has no length.
    let file = std::fs::File::open(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let bytes = read_bounded(file, &path.display().to_string())?;
    Ok(vec![(path.display().to_string(), bytes)])
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
    let articles: Vec<Article> = inputs.iter().map(|(n, b)| Article::dated(n, b, args.date)).collect();
    let claims: Vec<(String, Vec<Claim>)> = articles.iter().map(|a| (a.name.clone(), x.extract(a))).collect();
    let rows: Vec<ArticleClaim> = claims
        .iter()
        .flat_map(|(n, cs)| cs.iter().map(move |c| ArticleClaim { article: n, claim: c }))
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
    let tables = crate::analysis::load_tables(kb, &args.store)?;
    let inputs = read_input(&args.input)?;
    let mut all = Vec::new();
    for (name, bytes) in &inputs {
        let a = Article::dated(name, bytes, args.date);
        let claims = x.extract(&a);
        all.extend(
            verify_with(kb, Some(&tables), &claims)
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

#[derive(clap::Args, Debug)]
pub struct ProposeArgs {
    /// Articles: text or HTML files, directories of them, or `-` for standard input.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Publication date, when an article does not give one.
    #[arg(long, value_parser = crate::parse_date)]
    pub date: Option<PartialDate>,
    /// The article's web address (one article only), when the page does not give it.
    #[arg(long, value_name = "URL")]
    pub source_url: Option<String>,
    /// The article's title (one article only), when the page does not give it.
    #[arg(long)]
    pub title: Option<String>,
    /// The publisher's name, when the page does not give it (default: the address's host).
    #[arg(long)]
    pub publisher: Option<String>,
    /// Where the drafts go: one fact file per article, plus `ledger.json` [default: the user data
    /// directory's `proposals/`].
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Show what would be proposed; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Where imported datasets are (claims the datasets hold are linked, not drafted).
    #[command(flatten)]
    pub store: crate::datasets::StoreArgs,
    /// Keep watching: every SECONDS, propose from the files that are new or changed.
    #[arg(long, value_name = "SECONDS")]
    pub watch: Option<u64>,
}

pub fn propose(kb: &KnowledgeBase, format: Format, args: &ProposeArgs) -> Result<(), String> {
    let x = Extractor::new(kb);
    let tables = crate::analysis::load_tables(kb, &args.store)?;
    if args.watch.is_some() && args.inputs.iter().any(|p| p == Path::new("-")) {
        return Err("--watch reads files and folders, not standard input".into());
    }
    let out = match &args.out {
        Some(d) => d.clone(),
        None => entente_store::ledger::proposals_dir(&entente_store::default_data_dir().map_err(|e| e.to_string())?),
    };
    // One batch at a time in a directory (a watch holds it while it watches).
    let _run = if args.dry_run {
        None
    } else {
        Some(entente_store::ledger::lock_run(&out).map_err(|e| e.to_string())?)
    };
    // Watching: the articles read so far, by name, with a hash of their bytes; a new or changed
    // file is proposed from at the next look. The ledger makes a repeat harmless anyway.
    let mut seen: std::collections::HashMap<String, u64> = std::collections::HashMap::new();
    let mut first = true;
    loop {
        let mut inputs = Vec::new();
        for p in &args.inputs {
            inputs.extend(read_input(p)?);
        }
        if inputs.len() > 1 && (args.source_url.is_some() || args.title.is_some()) {
            return Err(format!(
                "--source-url and --title describe one article; {} were given",
                inputs.len()
            ));
        }
        inputs.retain(|(name, bytes)| {
            use std::hash::{Hash, Hasher};
            let mut h = std::collections::hash_map::DefaultHasher::new();
            bytes.hash(&mut h);
            seen.insert(name.clone(), h.finish()) != Some(h.finish())
        });
        if first || !inputs.is_empty() {
            let outcome = batch(kb, &x, &tables, format, args, &out, &inputs);
            match (outcome, args.watch) {
                (Err(e), None) => return Err(e),
                // A watch goes on past articles it cannot use; it stops on what it cannot do.
                (Err(e), Some(_)) if e.ends_with("could not be proposed from") => eprintln!("error: {e}"),
                (Err(e), Some(_)) => return Err(e),
                (Ok(()), _) => {}
            }
        }
        first = false;
        let Some(secs) = args.watch else { return Ok(()) };
        std::thread::sleep(std::time::Duration::from_secs(secs.max(1)));
    }
}

/// One batch: proposes from `inputs` into `out` and prints what it did.
fn batch(
    kb: &KnowledgeBase,
    x: &Extractor,
    tables: &entente_analysis::DatasetTables,
    format: Format,
    args: &ProposeArgs,
    out: &Path,
    inputs: &[(String, Vec<u8>)],
) -> Result<(), String> {
    let spec = Batch {
        out,
        dry_run: args.dry_run,
        date: args.date,
        over: ArticleInfo {
            url: args.source_url.clone(),
            title: args.title.clone(),
            publisher: args.publisher.clone(),
            published: None,
        },
        today: crate::analysis::today(),
    };
    let mut bar = crate::datasets::Bar::new("propose".into());
    bar.stage("articles", inputs.len() as u64);
    let report = propose_batch(kb, x, tables, inputs, &spec, &mut |i| bar.advance(i as u64));
    bar.finish();
    let report = report.map_err(|e| e.to_string())?;
    let summary = &report.summary;
    for e in &summary.errors {
        eprintln!("error: {e}");
    }
    let rows = &report.proposals;
    emit(format, &report, || {
        let mut t = Table::new(vec!["ARTICLE", "STANDING", "ACTION", "RECORD", "TITLE", "CONF", "CHECK"]).titled(format!(
            "{} article(s), {} claim(s): {} new proposal(s) ({} correction(s)), {} already in the data, {} duplicate(s), {} awaiting review, {} accepted, {} rejected and {} dismissed before, {} left out{}",
            summary.articles,
            summary.claims,
            summary.new,
            summary.corrections,
            summary.known,
            summary.duplicates,
            summary.pending,
            summary.accepted,
            summary.rejected,
            summary.dismissed,
            summary.left_out,
            match (&summary.out, summary.new) {
                (Some(o), n) if n > 0 => format!("; written to {o}"),
                _ => String::new(),
            }
        ));
        for r in rows {
            let action = match &r.proposal.action {
                entente_claims::propose::Action::New => "new".to_string(),
                entente_claims::propose::Action::Correction { replaces, .. } => format!("replaces {replaces}"),
            };
            t.push(
                vec![
                    entente_claims::propose::comment(r.article.rsplit('/').next().unwrap_or(&r.article)),
                    r.standing.as_str().to_string(),
                    action,
                    format!("{} {}", r.proposal.kind, r.proposal.id),
                    short(&r.proposal.title, 50),
                    format!("{:.2}", r.proposal.confidence),
                    r.proposal.check.join("; "),
                ],
                Vec::new(),
            );
        }
        t
    })?;
    if summary.errors.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} article(s) could not be proposed from",
            summary.errors.len()
        ))
    }
}
