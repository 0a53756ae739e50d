//! The analysis commands: depth, changes, peers, outlook. Arguments in, rendering out; the
//! computing is in `entente-analysis`.

use crate::render::{emit, Format, Table};
use entente_analysis::{DataDir, DatasetTables, DepthConfig, DepthPoint, DyadDepth, Sources, Step};
use entente_kb::KnowledgeBase;
use entente_model::{Day, PartialDate};
use entente_report::score_text;
use std::path::PathBuf;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum By {
    Month,
    Year,
}

#[derive(clap::Args, Debug)]
pub struct RangeArgs {
    /// First date of the series (default: the configuration's start year).
    #[arg(long, value_parser = crate::parse_date)]
    pub from: Option<PartialDate>,
    /// Last date of the series (default: today).
    #[arg(long, value_parser = crate::parse_date)]
    pub to: Option<PartialDate>,
    /// Time step of the series.
    #[arg(long, value_enum, default_value = "year")]
    pub by: By,
    /// A depth-index configuration replacing the shipped one (keys left out keep their defaults).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Also draw the series as an SVG chart into FILE.
    #[arg(long, value_name = "FILE")]
    pub svg: Option<PathBuf>,
    /// Where imported datasets and the event lake are: event data there add the index's
    /// `event_data` dimension.
    #[command(flatten)]
    pub store: crate::datasets::StoreArgs,
    /// Where the event data's queries run (a Ballista cluster, or here).
    #[command(flatten)]
    pub cluster: crate::cluster::ClusterArgs,
}

/// Today, from the system clock (the default end of a series).
pub fn today() -> Day {
    Day::today()
}

pub struct Range {
    pub config: DepthConfig,
    pub from: Day,
    pub to: Day,
    pub step: Step,
    /// Event data (the configured cluster, or the lake when it holds events).
    pub lake: Option<Box<dyn entente_events::EventData>>,
    /// The datasets' evidence: shipped, or imported into the data directory.
    pub tables: DatasetTables,
}

impl Range {
    /// What the index draws on beside the curated facts.
    pub fn sources(&self) -> Sources<'_> {
        Sources {
            tables: Some(&self.tables),
            lake: self.lake.as_deref(),
        }
    }
}

/// The dataset store of the data directory ([`DataDir::chosen`]), when it holds imported
/// datasets ([`DataDir::store_in`]): the server opens it the same way.
pub fn open_store(store: &crate::datasets::StoreArgs) -> Result<Option<entente_store::Store>, String> {
    let Some(dir) = DataDir::chosen(store.data_dir.clone()) else {
        return Ok(None);
    };
    DataDir::store_in(&dir).map_err(|e| e.to_string())
}

/// The datasets' evidence: the shipped tables, each replaced by the data directory's import.
pub fn load_tables(kb: &KnowledgeBase, store: &crate::datasets::StoreArgs) -> Result<DatasetTables, String> {
    let data = DataDir {
        store: open_store(store)?,
        ..DataDir::default()
    };
    data.tables(kb).map_err(|e| e.to_string())
}

/// The shipped depth configuration, or a user's file over it.
fn load_config(path: Option<&std::path::Path>) -> Result<DepthConfig, String> {
    match path {
        None => Ok(DepthConfig::shipped()),
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            DepthConfig::parse_over_defaults(&text).map_err(|e| format!("{}:{e}", path.display()))
        }
    }
}

#[derive(clap::Args, Debug)]
pub struct PartnersArgs {
    pub actor: String,
    /// The date of the ranking (a year or month means its last day; default: today).
    #[arg(long, value_parser = crate::parse_date)]
    pub on: Option<PartialDate>,
    /// How many counterparts to list (0: all).
    #[arg(long, default_value_t = entente_analysis::partners::DEFAULT_TOP)]
    pub top: usize,
    /// A depth-index configuration replacing the shipped one (keys left out keep their defaults).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    #[command(flatten)]
    pub store: crate::datasets::StoreArgs,
    #[command(flatten)]
    pub cluster: crate::cluster::ClusterArgs,
}

/// `entente partners A`: every counterpart of A ranked by depth on a date.
pub fn partners(kb: &KnowledgeBase, format: Format, actor: &str, args: &PartnersArgs) -> Result<(), String> {
    let config = load_config(args.config.as_deref())?;
    let lake = crate::cluster::event_data(&args.store, &args.cluster)?;
    let tables = load_tables(kb, &args.store)?;
    let day = args.on.map_or_else(today, |d| d.latest());
    let sources = Sources {
        tables: Some(&tables),
        lake: lake.as_deref(),
    };
    let mut ranking = entente_analysis::partners(kb, actor, day, &config, &sources).map_err(|e| e.to_string())?;
    ranking.keep_top(args.top);
    emit(format, &ranking, || {
        let mut head = format!(
            "{}: {} counterpart(s) ranked by depth on {} (of {} considered; states first, then organisations, \
             whose depth counts their members' deals; composite over the covered dimensions, ranked with \
             uncovered ones at zero)\n\nDatasets: ",
            kb.name_of(actor),
            ranking.partners.len(),
            ranking.date,
            ranking.considered
        );
        let names: Vec<String> = ranking
            .datasets
            .iter()
            .map(|d| {
                let origin = match &d.origin {
                    entente_analysis::evidence::Origin::Shipped => "shipped".to_string(),
                    entente_analysis::evidence::Origin::Imported { file } => format!("imported: {file}"),
                };
                format!("{} {}–{} ({origin})", d.name, d.first_year, d.last_year)
            })
            .collect();
        head += &names.join("; ");
        if !ranking
            .datasets
            .iter()
            .any(|d| d.name == entente_analysis::evidence::SIPRI)
        {
            head += "; SIPRI register not imported (`entente import sipri FILE`)";
        }
        let mut t = Table::new(vec!["RANK", "COUNTERPART", "DEPTH", "COVERED", "LEADING", "COVERED BY"]).titled(head);
        for p in &ranking.partners {
            t.push(
                vec![
                    if p.group == "state" {
                        p.rank.to_string()
                    } else {
                        format!("org {}", p.rank)
                    },
                    format!("{} ({})", p.name, p.id),
                    score_text(p.composite, 1),
                    format!("{:.0}%", 100.0 * p.coverage),
                    p.leading
                        .map(|d| d.label().to_string())
                        .unwrap_or_else(|| "no data".into()),
                    p.covered_by.join("; "),
                ],
                Vec::new(),
            );
        }
        t
    })
}

impl RangeArgs {
    pub fn resolve(&self, kb: &KnowledgeBase) -> Result<Range, String> {
        let config = load_config(self.config.as_deref())?;
        let (from, to) = entente_analysis::series_range(&config, self.from, self.to, today()).map_err(|e| match e {
            entente_analysis::SeriesRangeError::Reversed(r) => r.message("--from", "--to"),
            other => other.to_string(),
        })?;
        let step = if self.by == By::Month { Step::Month } else { Step::Year };
        let lake = crate::cluster::event_data(&self.store, &self.cluster)?;
        let tables = load_tables(kb, &self.store)?;
        Ok(Range {
            config,
            from,
            to,
            step,
            lake,
            tables,
        })
    }

    fn write_svg(&self, svg: impl FnOnce() -> String) -> Result<(), String> {
        if let Some(path) = &self.svg {
            std::fs::write(path, svg()).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            eprintln!("chart written to {}", path.display());
        }
        Ok(())
    }
}

/// What each dataset consulted said about the dyad, one indented line each.
fn consulted_lines(consulted: &[entente_analysis::evidence::Consulted]) -> String {
    if consulted.is_empty() {
        return String::new();
    }
    let mut out = "\n\nDatasets consulted:".to_string();
    for c in consulted {
        out += &format!("\n  {}: {}", c.dataset, c.note);
    }
    out
}

fn date_label(d: Day, step: Step) -> String {
    match step {
        Step::Year => d.year.to_string(),
        Step::Month => format!("{:04}-{:02}", d.year, d.month),
    }
}

pub fn depth(
    kb: &KnowledgeBase,
    format: Format,
    a: &str,
    b: &str,
    explain: Option<PartialDate>,
    range: &RangeArgs,
) -> Result<(), String> {
    let r = range.resolve(kb)?;
    let depth = DyadDepth::build_with(kb, a, b, &r.config, &r.sources()).map_err(|e| e.to_string())?;
    let title = format!("{} – {}", kb.name_of(a), kb.name_of(b));
    if let Some(date) = explain {
        let ex = depth.explain(date.latest());
        return emit(format, &ex, || {
            let mut head = format!(
                "{title}: depth on {} = {}{} ({:.0}% of the index's weight covered)\n",
                ex.date,
                score_text(ex.composite, 1),
                if ex.composite.is_some() { " / 100" } else { "" },
                100.0 * ex.coverage
            );
            for d in &ex.dimensions {
                if d.items.is_empty() && d.weight == 0.0 {
                    continue;
                }
                head += &match d.score {
                    Some(score) => format!(
                        "\n  {:<20} {:>6.2} points → score {:>5.1} (scale {}, weight {:.2}) — {}",
                        d.dimension.label(),
                        d.points,
                        score,
                        d.scale,
                        d.weight,
                        d.covered_by.join("; ")
                    ),
                    None => format!(
                        "\n  {:<20} no data: no source covers it on this date",
                        d.dimension.label()
                    ),
                };
            }
            head += &consulted_lines(&ex.consulted);
            let mut t = Table::new(vec!["DIMENSION", "POINTS", "BASE", "× FACTOR", "FACT", "RULE"]).titled(head);
            for d in &ex.dimensions {
                for i in &d.items {
                    let via = i
                        .via
                        .as_ref()
                        .map(|v| format!(" (via {})", kb.name_of(v)))
                        .unwrap_or_default();
                    t.push(
                        vec![
                            d.dimension.label().into(),
                            format!("{:.2}", i.points),
                            format!("{:.2}", i.base),
                            format!("{:.2}", i.factor),
                            format!("{}{via}", i.title),
                            i.rule.clone(),
                        ],
                        i.citations.clone(),
                    );
                }
            }
            t
        });
    }
    let series = depth.series(r.from, r.to, r.step);
    let dims = depth.shown_dimensions();
    range.write_svg(|| entente_report::charts::depth_chart(&title, &series, &dims, &[]))?;
    #[derive(serde::Serialize)]
    struct Out<'a> {
        a: &'a str,
        b: &'a str,
        series: &'a [DepthPoint],
        /// Which sources cover which dimension, and when.
        coverage: &'a [entente_analysis::depth::CoverageSpan],
        /// What each dataset consulted said about the pair.
        consulted: &'a [entente_analysis::evidence::Consulted],
    }
    let out = Out {
        a,
        b,
        series: &series,
        coverage: &depth.coverage,
        consulted: &depth.consulted,
    };
    emit(format, &out, || {
        let mut headers = vec!["DATE", "COMPOSITE", "COVERED"];
        headers.extend(dims.iter().map(|d| d.label()));
        let mut head = format!("{title}: depth index (0–100); `--explain DATE` lists the facts behind a value\n");
        if let Some(last) = series.last() {
            head += &format!("\nCoverage on {}:", last.date);
            for d in &dims {
                let by = depth.covered_by(*d, last.date);
                head += &format!(
                    "\n  {:<20} {}",
                    d.label(),
                    if by.is_empty() {
                        "no data".to_string()
                    } else {
                        by.join("; ")
                    }
                );
            }
        }
        head += &consulted_lines(&depth.consulted);
        let mut t = Table::new(headers).titled(head);
        for p in &series {
            let mut row = vec![
                date_label(p.date, r.step),
                score_text(p.composite, 1),
                format!("{:.0}%", 100.0 * p.coverage),
            ];
            row.extend(dims.iter().map(|d| score_text(p.score(*d), 1)));
            t.push(row, Vec::new());
        }
        t
    })
}

pub fn changes(kb: &KnowledgeBase, format: Format, a: &str, b: &str, range: &RangeArgs) -> Result<(), String> {
    let r = range.resolve(kb)?;
    let depth = DyadDepth::build_with(kb, a, b, &r.config, &r.sources()).map_err(|e| e.to_string())?;
    // Detection always runs on the monthly series.
    let series = depth.series(r.from, r.to, Step::Month);
    let report = entente_analysis::ChangeReport::new(kb, a, b, &series, &r.config);
    let cps = &report.changes;
    let title = format!("{} – {}", kb.name_of(a), kb.name_of(b));
    range.write_svg(|| entente_report::charts::depth_chart(&title, &series, &[], cps))?;
    emit(format, &report, || {
        let mut t = Table::new(vec![
            "CHANGE",
            "95% INTERVAL",
            "INDEX",
            "CANDIDATE DRIVERS (lead in months)",
        ])
        .titled(format!(
            "{title}: {} change point(s) in the monthly depth index",
            cps.len()
        ));
        for c in cps {
            let drivers: Vec<String> = c
                .drivers
                .iter()
                .take(3)
                .map(|d| format!("{} ({:+.0})", d.title, d.lead_months))
                .collect();
            let cites = c.drivers.iter().take(3).flat_map(|d| d.citations.clone()).collect();
            t.push(
                vec![
                    format!("{:04}-{:02}", c.date.year, c.date.month),
                    format!(
                        "{:04}-{:02} … {:04}-{:02}",
                        c.earliest.year, c.earliest.month, c.latest.year, c.latest.month
                    ),
                    format!(
                        "{:.1} → {:.1}{}",
                        c.mean_before,
                        c.mean_after,
                        if c.coverage_change {
                            " (coverage changes here)"
                        } else {
                            ""
                        }
                    ),
                    if drivers.is_empty() {
                        "none in the window".into()
                    } else {
                        drivers.join("; ")
                    },
                ],
                cites,
            );
        }
        t
    })
}

pub fn peers(
    kb: &KnowledgeBase,
    format: Format,
    a: &str,
    b: &str,
    peers: Vec<String>,
    range: &RangeArgs,
) -> Result<(), String> {
    let r = range.resolve(kb)?;
    let cmp = entente_analysis::peers(kb, a, b, peers, &r.config, (r.from, r.to, r.step), &r.sources())
        .map_err(|e| e.to_string())?;
    let all = &cmp.dyads;
    range.write_svg(|| entente_report::charts::peers_chart(all))?;
    emit(format, &cmp, || {
        let mut headers = vec!["DYAD", "LATEST", "COVERED"];
        let dims = &cmp.dimensions;
        headers.extend(dims.iter().map(|d| d.label()));
        headers.push("PEAK");
        let to = all
            .first()
            .and_then(|d| d.latest())
            .map(|p| p.date.to_string())
            .unwrap_or_default();
        let mut t = Table::new(headers).titled(format!("Depth index on {to} (0–100)"));
        for d in all {
            let Some(last) = d.latest() else { continue };
            let mut row = vec![
                d.label.clone(),
                score_text(last.composite, 1),
                format!("{:.0}%", 100.0 * last.coverage),
            ];
            row.extend(dims.iter().map(|x| score_text(last.score(*x), 1)));
            row.push(
                d.peak()
                    .map(|p| format!("{} ({})", score_text(p.composite, 1), date_label(p.date, r.step)))
                    .unwrap_or_default(),
            );
            t.push(row, Vec::new());
        }
        t
    })
}

pub fn outlook(kb: &KnowledgeBase, format: Format, a: &str, b: &str) -> Result<(), String> {
    let o = entente_analysis::outlook(kb, a, b);
    emit(format, &o, || {
        let mut t = Table::new(vec![
            "DRIVER",
            "INDICATOR",
            "WHAT WOULD SIGNAL A CHANGE",
            "LATEST EVIDENCE",
        ])
        .titled(format!(
            "{} – {}: {} drivers and uncertainties",
            kb.name_of(a),
            kb.name_of(b),
            o.drivers.len()
        ));
        for d in &o.drivers {
            let head = format!(
                "{} [{}, {}{}]",
                d.title,
                d.kind,
                d.direction,
                d.date.map(|x| format!(", {x}")).unwrap_or_default()
            );
            if d.indicators.is_empty() {
                t.push(
                    vec![head.clone(), String::new(), String::new(), String::new()],
                    d.citations.clone(),
                );
            }
            for (k, i) in d.indicators.iter().enumerate() {
                let latest = i.latest().map_or("none recorded".to_string(), |e| {
                    format!("{} {}", e.date.map(|x| x.to_string()).unwrap_or_default(), e.title)
                });
                let cites = if k == 0 { d.citations.clone() } else { Vec::new() };
                let mut cites = cites;
                if let Some(e) = i.latest() {
                    cites.extend(e.citations.clone());
                }
                t.push(
                    vec![
                        if k == 0 { head.clone() } else { String::new() },
                        i.title.clone(),
                        i.signal.clone(),
                        latest,
                    ],
                    cites,
                );
            }
        }
        t
    })
}

#[derive(clap::Args, Debug)]
pub struct BriefArgs {
    pub a: String,
    pub b: String,
    /// Where to write the HTML brief.
    #[arg(long, default_value = "brief.html")]
    pub out: PathBuf,
    /// Also print it to PDF with headless Chromium.
    #[arg(long, value_name = "FILE")]
    pub pdf: Option<PathBuf>,
    /// Peers to compare (comma-separated; default: B's fellow members of its groupings).
    #[arg(long = "peer", value_delimiter = ',')]
    pub peers: Vec<String>,
    #[command(flatten)]
    pub range: RangeArgs,
}

pub fn brief(kb: &KnowledgeBase, args: &BriefArgs, a: &str, b: &str, peers: Vec<String>) -> Result<(), String> {
    let r = args.range.resolve(kb)?;
    let store = open_store(&args.range.store)?;
    let req = entente_report::brief::BriefRequest {
        a,
        b,
        from: r.from,
        to: r.to,
        peers,
        config: &r.config,
        lake: r.lake.as_deref(),
        store: store.as_ref(),
        tables: Some(&r.tables),
    };
    let html = entente_report::brief::render(kb, &req).map_err(|e| e.to_string())?;
    crate::write_atomically(&args.out, html.as_bytes())?;
    eprintln!("brief written to {}", args.out.display());
    if let Some(pdf) = &args.pdf {
        entente_report::brief::print_pdf(&args.out, pdf).map_err(|e| e.to_string())?;
        eprintln!("PDF written to {}", pdf.display());
    }
    Ok(())
}
