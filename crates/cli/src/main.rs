//! `entente`: security partnerships as sourced, computable knowledge.
//!
//! A thin shell: it parses arguments, loads the dataset, calls the knowledge base and renders
//! what comes back. No analysis happens here.

mod analysis;
mod claims;
mod cluster;
mod datasets;
mod events;
mod render;

use clap::{Args, Parser, Subcommand};
use entente_facts::Report;
use entente_kb::{KnowledgeBase, MembershipAt, TimelineQuery, TransferQuery};
use entente_model::PartialDate;
use render::{emit, Format, Table};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "entente",
    version,
    about = "Security partnerships between states and alliances as sourced, computable knowledge."
)]
struct Cli {
    #[command(flatten)]
    data: DataArgs,
    /// Output format.
    #[arg(long, short = 'f', global = true, value_enum, default_value = "table")]
    format: Format,
    #[command(subcommand)]
    command: Command,
}

#[derive(Args)]
struct DataArgs {
    /// Use the fact files in DIR instead of the shipped dataset.
    #[arg(long, global = true, value_name = "DIR", conflicts_with = "with")]
    data: Option<PathBuf>,
    /// Add the fact files in DIR to the shipped dataset.
    #[arg(long, global = true, value_name = "DIR")]
    with: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Validate fact files: the shipped dataset, or DIR. Exits non-zero on errors.
    Check {
        /// Directory of fact files (default: the shipped dataset, plus --with).
        dir: Option<PathBuf>,
    },
    /// The chronology of one actor, or of a partnership between two.
    Timeline {
        /// An actor (any id, code, name or alias: KOR, ROK, "South Korea", 732, Q884).
        actor: String,
        /// The other side of the partnership.
        other: Option<String>,
        /// Count an alliance's members at each date as part of it (a deal with Poland is NATO's).
        #[arg(long)]
        members: bool,
        /// Only these kinds or dimensions (comma-separated: summit,programme,transfer,cyber…).
        #[arg(long, value_delimiter = ',')]
        kind: Vec<String>,
        /// From this date (YYYY, YYYY-MM or YYYY-MM-DD).
        #[arg(long, value_parser = parse_date)]
        from: Option<PartialDate>,
        /// Up to this date.
        #[arg(long, value_parser = parse_date)]
        to: Option<PartialDate>,
        /// Only the curated facts, without the entries derived from the datasets (ATOP alliances,
        /// SIPRI deals when imported).
        #[arg(long)]
        curated_only: bool,
        /// Where imported datasets are (their entries replace the shipped tables').
        #[command(flatten)]
        store: datasets::StoreArgs,
    },
    /// An actor's state on a date: members, partners, programmes, memberships in force.
    At {
        /// The date (a year or month means its last day).
        #[arg(value_parser = parse_date)]
        date: PartialDate,
        actor: String,
        /// Where imported datasets are (an imported ATOP replaces the shipped table).
        #[command(flatten)]
        store: datasets::StoreArgs,
    },
    /// Arms transfers: who bought what from whom, when, how many.
    Transfers {
        #[arg(long)]
        supplier: Option<String>,
        #[arg(long)]
        recipient: Option<String>,
        /// Only recipients that were members of this organisation (at the deal's date, see --member-at).
        #[arg(long, value_name = "ORG")]
        recipient_in: Option<String>,
        /// When membership counts: `deal` (the order date) or a date.
        #[arg(long, default_value = "deal", value_parser = parse_member_at)]
        member_at: MembershipAt,
        #[arg(long, value_parser = parse_date)]
        from: Option<PartialDate>,
        #[arg(long, value_parser = parse_date)]
        to: Option<PartialDate>,
        /// Leave out military equipment that is not a weapon system (e.g. unarmed tankers).
        #[arg(long)]
        weapons_only: bool,
        /// Where an imported SIPRI register adds each deal's trend-indicator value and register line.
        #[command(flatten)]
        store: datasets::StoreArgs,
    },
    /// An actor's codes, names, parts and relations.
    Actor { actor: String },
    /// Find actors by any name, alias, demonym or code, forgiving typos.
    Search {
        text: String,
        #[arg(long, default_value_t = 10)]
        limit: usize,
    },
    /// The depth index of a partnership over time, by dimension; `--explain DATE` shows why.
    Depth {
        a: String,
        b: String,
        /// List every fact's contribution on this date.
        #[arg(long, value_parser = parse_date)]
        explain: Option<PartialDate>,
        #[command(flatten)]
        range: analysis::RangeArgs,
    },
    /// Change points in the depth index, with their 95% intervals and candidate drivers.
    Changes {
        a: String,
        b: String,
        #[command(flatten)]
        range: analysis::RangeArgs,
    },
    /// The depth index of A–B beside A's ties with peers (default: B's fellow members of its groupings).
    Peers {
        a: String,
        b: String,
        /// Peers to compare (comma-separated), each paired with A.
        #[arg(long = "peer", value_delimiter = ',')]
        peers: Vec<String>,
        #[command(flatten)]
        range: analysis::RangeArgs,
    },
    /// Drivers and uncertainties bearing on a partnership, with the latest evidence on each indicator.
    Outlook { a: String, b: String },
    /// Every counterpart of an actor ranked by the depth of their ties on a date, with the leading
    /// dimension and the sources covering each.
    Partners(analysis::PartnersArgs),
    /// Extract event claims from articles (text or HTML files, directories, or - for stdin).
    Extract(claims::ExtractArgs),
    /// Check each claim of an article against the knowledge base.
    Verify(claims::VerifyArgs),
    /// Draft fact records for what articles say and the data lacks (and corrections where it
    /// differs), citing each article, for review; idempotent over a folder of saved articles.
    Propose(claims::ProposeArgs),
    /// The analytic brief: one self-contained HTML document (and PDF with --pdf).
    Brief(analysis::BriefArgs),
    /// Coded events (GDELT, ICEWS, POLECAT) between A and B by period, A's top counterparts
    /// without B, or counts by event type with --types. Reads the event lake (`entente import gdelt2 …`).
    Events(events::EventsArgs),
    /// SQL over the event lake's `events` and `dyad_day` tables (Apache DataFusion; needs the `sql` feature).
    Sql(events::SqlArgs),
    /// Run the lake's queries on several machines: a Ballista scheduler, executors, and their status
    /// (needs the `cluster` feature; see docs/cluster.md).
    #[command(subcommand)]
    Cluster(cluster::ClusterCommand),
    /// Serve the HTTP API and the dashboard on http://127.0.0.1:8787/ (read-only unless --token).
    Serve {
        #[command(flatten)]
        serve: entente_server::cli::ServeArgs,
        /// Where the event data's queries run (a Ballista cluster, or here).
        #[command(flatten)]
        cluster: cluster::ClusterArgs,
    },
    #[command(flatten)]
    Data(datasets::DatasetCommand),
}

pub(crate) fn parse_date(s: &str) -> Result<PartialDate, String> {
    PartialDate::parse(s).map_err(|e| e.to_string())
}

fn parse_member_at(s: &str) -> Result<MembershipAt, String> {
    if s == "deal" {
        return Ok(MembershipAt::Deal);
    }
    PartialDate::parse(s)
        .map(|d| MembershipAt::Day(d.latest()))
        .map_err(|e| format!("{e} (or `deal`)"))
}

/// mimalloc: extraction allocates many small strings, which it serves about a tenth faster than
/// the system's allocator (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("error: {msg}");
            ExitCode::from(1)
        }
    }
}

fn load(data: &DataArgs) -> Result<Report, String> {
    match &data.data {
        Some(dir) => entente_facts::read_dir(dir)
            .map(entente_facts::load)
            .map_err(|e| format!("cannot read {}: {e}", dir.display())),
        None => entente_facts::load_shipped_with(data.with.as_deref()).map_err(|e| match &data.with {
            Some(dir) => format!("cannot read {}: {e}", dir.display()),
            None => e.to_string(),
        }),
    }
}

/// The knowledge base, or the dataset's errors.
fn knowledge_base(data: &DataArgs) -> Result<KnowledgeBase, String> {
    match load(data)?.into_result() {
        Ok(ds) => Ok(KnowledgeBase::new(ds)),
        Err(errors) => {
            for d in errors.iter().take(5) {
                eprint!("{}", d.render());
            }
            Err(format!(
                "the dataset has {} error(s); run `entente check` for all of them",
                errors.len()
            ))
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    if let Command::Check { dir } = &cli.command {
        return check(&cli.data, dir.as_ref(), cli.format);
    }
    // The cluster's processes need no knowledge base.
    let cli = match cli.command {
        Command::Cluster(cmd) => return cluster::run(cmd, cli.format),
        command => Cli { command, ..cli },
    };
    let kb = knowledge_base(&cli.data)?;
    let resolve = |q: &str| kb.resolve(q).map(|a| a.id.clone()).map_err(|e| e.to_string());
    match cli.command {
        Command::Check { .. } | Command::Cluster(_) => unreachable!("handled above"),
        Command::Timeline {
            actor,
            other,
            members,
            kind,
            from,
            to,
            curated_only,
            store,
        } => {
            entente_model::check_range(from, to).map_err(|e| e.message("--from", "--to"))?;
            let mut actors = vec![resolve(&actor)?];
            if let Some(o) = other {
                actors.push(resolve(&o)?);
            }
            let tables = if curated_only {
                None
            } else {
                Some(analysis::load_tables(&kb, &store)?)
            };
            let t = entente_analysis::evidence::timeline(
                &kb,
                tables.as_ref(),
                &TimelineQuery {
                    actors: actors.clone(),
                    members,
                    kinds: kind,
                    from,
                    to,
                },
            );
            let names: Vec<&str> = actors.iter().map(|a| kb.name_of(a)).collect();
            emit(cli.format, &t, || {
                let derived = t.entries.iter().filter(|e| e.derived.is_some()).count();
                let reviewed = t.entries.iter().filter(|e| e.reviewed.is_some()).count();
                let mut notes = Vec::new();
                if derived > 0 {
                    notes.push(format!("{derived} derived from datasets, marked [dataset]"));
                }
                if reviewed > 0 {
                    notes.push(format!(
                        "{reviewed} proposed from articles and reviewed, marked [reviewed]"
                    ));
                }
                let mut table = Table::new(vec!["DATE", "KIND", "DIMENSION", "WHAT"]).titled(format!(
                    "{} — {} entries{}",
                    names.join(" – "),
                    t.entries.len(),
                    if notes.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", notes.join("; "))
                    }
                ));
                for e in &t.entries {
                    let date = match (e.date, e.end) {
                        (Some(d), Some(end)) => format!("{d} – {end}"),
                        (Some(d), None) => d.to_string(),
                        (None, _) => "undated".into(),
                    };
                    let via = e
                        .via
                        .as_ref()
                        .map(|v| format!(" (via {})", kb.name_of(v)))
                        .unwrap_or_default();
                    table.push(
                        vec![
                            date,
                            match (&e.derived, &e.reviewed) {
                                (Some(d), _) => format!("{} [{d}]", e.kind),
                                (None, Some(r)) if r.accepted.is_some() => format!("{} [reviewed]", e.kind),
                                (None, Some(_)) => format!("{} [proposed]", e.kind),
                                (None, None) => e.kind.clone(),
                            },
                            e.dimension.to_string(),
                            format!("{}{via}", e.title),
                        ],
                        e.citations.clone(),
                    );
                }
                table
            })?;
        }
        Command::At { date, actor, store } => {
            let id = resolve(&actor)?;
            let tables = analysis::load_tables(&kb, &store)?;
            let s = entente_analysis::evidence::state_at(&kb, Some(&tables), &id, date.latest());
            emit(cli.format, &s, || {
                let title = format!(
                    "{} as of {}: {} member(s), {} relation(s) in force",
                    kb.name_of(&id),
                    s.date,
                    s.member_count,
                    s.entries.len()
                );
                let mut table = Table::new(vec!["ROLE", "WHO", "STATUS", "SINCE", "UNTIL"]).titled(title);
                for e in &s.entries {
                    table.push(
                        vec![
                            match &e.derived {
                                Some(d) => format!("{} [{d}]", e.role),
                                None => e.role.clone(),
                            },
                            format!("{} ({})", e.counterpart_name, e.counterpart),
                            e.status.clone().unwrap_or_default(),
                            e.since.map(|d| d.to_string()).unwrap_or_default(),
                            e.until.map(|d| d.to_string()).unwrap_or_default(),
                        ],
                        e.citations.clone(),
                    );
                }
                table
            })?;
        }
        Command::Transfers {
            supplier,
            recipient,
            recipient_in,
            member_at,
            from,
            to,
            weapons_only,
            store,
        } => {
            entente_model::check_range(from, to).map_err(|e| e.message("--from", "--to"))?;
            let q = TransferQuery {
                supplier: supplier.as_deref().map(resolve).transpose()?,
                recipient: recipient.as_deref().map(resolve).transpose()?,
                recipient_in: recipient_in.as_deref().map(resolve).transpose()?,
                membership_at: member_at,
                from,
                to,
                weapons_only,
            };
            let tables = analysis::load_tables(&kb, &store)?;
            let list = entente_analysis::evidence::transfer_list(&kb, Some(&tables), &q);
            let rows: Vec<&entente_kb::TransferRow> = list.transfers.iter().map(|t| &t.row).collect();
            let sipri = tables.sipri_links().zip(datasets::register_citation(&store)?);
            let link = |id: &str| sipri.as_ref().and_then(|(l, _)| l.of_transfer(id));
            emit(cli.format, &list, || {
                let mut headers = vec![
                    "ORDERED",
                    "SUPPLIER",
                    "RECIPIENT",
                    "SYSTEM",
                    "CATEGORY",
                    "NUMBER",
                    "DELIVERED",
                    "YEARS",
                    "STATUS",
                ];
                if q.recipient_in.is_some() {
                    headers.push("MEMBER SINCE");
                }
                if sipri.is_some() {
                    headers.push("SIPRI TIV");
                }
                let derived = rows.iter().filter(|r| r.derived.is_some()).count();
                let mut table = Table::new(headers).titled(if derived > 0 {
                    format!(
                        "{} transfer(s), {derived} of them from the SIPRI register only (marked [SIPRI register])",
                        rows.len()
                    )
                } else {
                    format!("{} transfer(s)", rows.len())
                });
                for r in &rows {
                    let t = &r.transfer;
                    let mut flags = Vec::new();
                    if t.licensed {
                        flags.push("licensed");
                    }
                    if t.second_hand {
                        flags.push("second-hand");
                    }
                    if !t.weapon {
                        flags.push("not a weapon system");
                    }
                    if let Some(d) = &r.derived {
                        flags.push(d);
                    }
                    let flags = if flags.is_empty() {
                        String::new()
                    } else {
                        format!(" [{}]", flags.join(", "))
                    };
                    let mut row = vec![
                        t.order_date.map(|d| d.to_string()).unwrap_or_default(),
                        t.supplier.clone(),
                        t.recipient.clone(),
                        format!("{} {}{flags}", t.system, t.description),
                        t.category.to_string(),
                        t.ordered.map(|n| n.to_string()).unwrap_or_default(),
                        t.delivered.map(|n| n.to_string()).unwrap_or_default(),
                        t.delivery_years_label(),
                        t.status.to_string(),
                    ];
                    if q.recipient_in.is_some() {
                        row.push(r.member_since.map(|d| d.to_string()).unwrap_or_default());
                    }
                    let mut cites = r.citations.clone();
                    if let Some((_, register)) = &sipri {
                        let l = link(&t.id);
                        row.push(
                            l.and_then(|l| l.tiv_order)
                                .map(|v| format!("{v:.1}"))
                                .unwrap_or_default(),
                        );
                        if let Some(l) = l {
                            let mut c = register.clone();
                            c.locator = Some(format!("{}, line {}", c.locator.unwrap_or_default(), l.line));
                            cites.push(c);
                        }
                    }
                    table.push(row, cites);
                }
                table
            })?;
        }
        Command::Actor { actor } => {
            let id = resolve(&actor)?;
            let p = kb.profile(&id).ok_or_else(|| format!("no actor `{id}`"))?;
            emit(cli.format, &p, || {
                let a = &p.actor;
                let mut title = format!("{} ({}) — {}", a.name, a.id, a.kind);
                if let Some(parent) = &p.parent_name {
                    title += &format!(", part of {parent}");
                }
                let mut lines = vec![title];
                let codes: Vec<String> = a.codes.pairs().into_iter().map(|(k, v)| format!("{k} {v}")).collect();
                if !codes.is_empty() {
                    lines.push(format!("codes: {}", codes.join(", ")));
                }
                let mut names: Vec<String> = a.short_name.iter().cloned().collect();
                names.extend(a.aliases.iter().cloned());
                if !names.is_empty() {
                    lines.push(format!("also: {}", names.join(", ")));
                }
                if !a.demonyms.is_empty() {
                    lines.push(format!("demonyms: {}", a.demonyms.join(", ")));
                }
                if let Some(capital) = &a.capital {
                    lines.push(format!("capital: {capital}"));
                }
                if let Some(seat) = &a.seat {
                    lines.push(format!("seat of government: {seat}"));
                }
                if !p.parts.is_empty() {
                    let parts: Vec<String> = p.parts.iter().map(|(id, n, k)| format!("{n} ({id}, {k})")).collect();
                    lines.push(format!("parts: {}", parts.join(", ")));
                }
                lines.push(format!(
                    "events: {}; transfers supplied: {}, received: {}",
                    p.events, p.transfers_supplied, p.transfers_received
                ));
                let mut table = Table::new(vec!["ROLE", "WHO", "FROM", "TO", "WHAT"]).titled(lines.join("\n"));
                for r in &p.relations {
                    table.push(
                        vec![
                            r.role.clone(),
                            format!("{} ({})", r.counterpart_name, r.counterpart),
                            r.interval.start.map(|d| d.to_string()).unwrap_or_default(),
                            r.interval.end.map(|d| d.to_string()).unwrap_or_default(),
                            r.title.clone(),
                        ],
                        Vec::new(),
                    );
                }
                table
            })?;
        }
        Command::Depth { a, b, explain, range } => {
            analysis::depth(&kb, cli.format, &resolve(&a)?, &resolve(&b)?, explain, &range)?
        }
        Command::Changes { a, b, range } => analysis::changes(&kb, cli.format, &resolve(&a)?, &resolve(&b)?, &range)?,
        Command::Peers { a, b, peers, range } => {
            let peers = peers.iter().map(|p| resolve(p)).collect::<Result<Vec<_>, _>>()?;
            analysis::peers(&kb, cli.format, &resolve(&a)?, &resolve(&b)?, peers, &range)?
        }
        Command::Serve { serve, cluster } => {
            let events = match serve.data_dir() {
                Some(dir) => cluster::configured(&cluster, &dir)?,
                None if cluster.cluster.is_some() => {
                    return Err("--cluster: no data directory (give --data-dir: the lake the cluster reads)".into())
                }
                None => None,
            };
            let events = events.map(|e| entente_server::EventSource(e.into()));
            entente_server::cli::run(serve, cli.data.data.clone(), cli.data.with.clone(), events)
                .map_err(|e| e.to_string())?
        }
        Command::Brief(args) => {
            let peers = args.peers.iter().map(|p| resolve(p)).collect::<Result<Vec<_>, _>>()?;
            analysis::brief(&kb, &args, &resolve(&args.a)?, &resolve(&args.b)?, peers)?
        }
        Command::Outlook { a, b } => analysis::outlook(&kb, cli.format, &resolve(&a)?, &resolve(&b)?)?,
        Command::Partners(args) => analysis::partners(&kb, cli.format, &resolve(&args.actor)?, &args)?,
        Command::Extract(args) => claims::extract(&kb, cli.format, &args)?,
        Command::Verify(args) => claims::verify(&kb, cli.format, &args)?,
        Command::Propose(args) => claims::propose(&kb, cli.format, &args)?,
        Command::Data(cmd) => datasets::run(cmd, &kb, cli.format)?,
        Command::Events(args) => events::events(&kb, cli.format, &args)?,
        Command::Sql(args) => events::sql(cli.format, &args)?,
        Command::Search { text, limit } => {
            let hits = kb.search(&text, limit);
            emit(cli.format, &hits, || {
                let mut table = Table::new(vec!["ID", "NAME", "KIND", "MATCHED", "AS", "SCORE"]);
                for h in &hits {
                    table.push(
                        vec![
                            h.id.clone(),
                            h.name.clone(),
                            h.kind.to_string(),
                            h.matched.clone(),
                            format!("{:?}", h.matched_as).to_lowercase(),
                            format!("{:.2}", h.score),
                        ],
                        Vec::new(),
                    );
                }
                table
            })?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn check(data: &DataArgs, dir: Option<&PathBuf>, format: Format) -> Result<ExitCode, String> {
    let report = match dir {
        Some(d) => entente_facts::read_dir(d)
            .map(entente_facts::load)
            .map_err(|e| format!("cannot read {}: {e}", d.display()))?,
        None => load(data)?,
    };
    let f = &report.dataset.facts;
    if format == Format::Json {
        let summary = serde_json::json!({
            "files": report.dataset.files.len(),
            "actors": f.actors.len(),
            "sources": f.sources.len(),
            "facts": f.fact_count(),
            "errors": report.errors(),
            "warnings": report.warnings(),
            "diagnostics": report.diagnostics,
        });
        println!("{}", serde_json::to_string_pretty(&summary).map_err(|e| e.to_string())?);
    } else {
        for d in &report.diagnostics {
            eprintln!("{}", d.render());
        }
        println!(
            "checked {} file(s): {} actors, {} sources, {} facts ({} relations, {} events, {} transfers, {} drivers); {} error(s), {} warning(s)",
            report.dataset.files.len(),
            f.actors.len(),
            f.sources.len(),
            f.fact_count(),
            f.relations.len(),
            f.events.len(),
            f.transfers.len(),
            f.drivers.len(),
            report.errors(),
            report.warnings()
        );
    }
    Ok(if report.errors() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Writes a file so that a reader, or a crash, never sees it half-written (the workspace's one
/// atomic write: temporary file, fsync, rename, fsync the directory).
pub(crate) fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> Result<(), String> {
    entente_store::write_atomically(path, bytes).map_err(|e| format!("cannot write {e}"))
}
