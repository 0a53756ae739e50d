//! The analytic brief: one self-contained HTML document on a partnership — summary, chronology,
//! depth by dimension, change points with drivers, arms transfers, peers, outlook — with numbered
//! citations on every statement and SVG charts drawn by entente. Nothing is fetched when it is
//! viewed. `--pdf` prints the same HTML with headless Chromium.

use crate::charts;
use crate::score_text;
use entente_analysis::{index_changes, outlook, DatasetTables, DepthConfig, DepthDimension, DyadDepth, Step};
use entente_kb::{Citation, KnowledgeBase, TimelineQuery};
use entente_model::Day;
use serde::Serialize;
use std::collections::HashMap;
use std::path::Path;

/// What a brief covers.
pub struct BriefRequest<'a> {
    pub a: &'a str,
    pub b: &'a str,
    pub from: Day,
    pub to: Day,
    /// Dyads to compare against (each paired with `a`); none: B's fellow members of its groupings.
    pub peers: Vec<String>,
    pub config: &'a DepthConfig,
    /// The event lake, for the event-data dimension (when it holds events between the sides).
    pub lake: Option<&'a dyn entente_events::EventData>,
    /// Imported datasets, for the alignment section (ATOP, UN votes).
    pub store: Option<&'a entente_store::Store>,
    /// The datasets' evidence (shipped, or imported where the data directory holds them).
    pub tables: Option<&'a DatasetTables>,
}

/// Numbers sources in order of first citation.
#[derive(Default)]
struct Sources {
    index: HashMap<(String, Option<String>), usize>,
    list: Vec<SourceItem>,
}

#[derive(Clone, Debug, Serialize)]
pub struct SourceItem {
    pub n: usize,
    pub publisher: String,
    pub title: Option<String>,
    pub url: String,
    pub locator: Option<String>,
}

impl Sources {
    fn cite(&mut self, cites: &[Citation]) -> Vec<usize> {
        let mut out = Vec::new();
        for c in cites {
            let key = (c.url.clone(), c.locator.clone());
            let n = match self.index.get(&key) {
                Some(n) => *n,
                None => {
                    let n = self.list.len() + 1;
                    self.list.push(SourceItem {
                        n,
                        publisher: c.publisher.clone(),
                        title: c.title.clone(),
                        url: c.url.clone(),
                        locator: c.locator.clone(),
                    });
                    self.index.insert(key, n);
                    n
                }
            };
            if !out.contains(&n) {
                out.push(n);
            }
        }
        out
    }
}

#[derive(Serialize)]
struct Para {
    text: String,
    cites: Vec<usize>,
}

#[derive(Serialize)]
struct ChronoRow {
    date: String,
    kind: String,
    dimension: String,
    title: String,
    cites: Vec<usize>,
}

#[derive(Serialize)]
struct ChangeRow {
    date: String,
    interval: String,
    before: String,
    after: String,
    /// The covered dimensions change here.
    coverage_change: bool,
    drivers: Vec<DriverCell>,
}

#[derive(Serialize)]
struct DriverCell {
    title: String,
    via: String,
    lead: String,
    cites: Vec<usize>,
}

#[derive(Serialize)]
struct TransferRow {
    ordered: String,
    supplier: String,
    recipient: String,
    system: String,
    number: String,
    delivered: String,
    years: String,
    status: String,
    cites: Vec<usize>,
}

#[derive(Serialize)]
struct PeerRow {
    label: String,
    latest: String,
    /// Share of the index's weight covered.
    covered: String,
    /// The ranking key: the composite with uncovered dimensions at zero.
    #[serde(skip)]
    floor: f64,
    dims: Vec<String>,
    peak: String,
}

#[derive(Serialize)]
struct IndicatorRow {
    title: String,
    signal: String,
    latest: String,
    cites: Vec<usize>,
}

#[derive(Serialize)]
struct OutlookRow {
    title: String,
    kind: String,
    direction: String,
    date: String,
    note: String,
    uncertainty: bool,
    indicators: Vec<IndicatorRow>,
    cites: Vec<usize>,
}

#[derive(Serialize)]
struct ExplainRow {
    dimension: String,
    points: String,
    score: String,
    weight: String,
    items: Vec<ExplainItemRow>,
}

#[derive(Serialize)]
struct ExplainItemRow {
    title: String,
    rule: String,
    points: String,
    cites: Vec<usize>,
}

#[derive(Serialize)]
struct Brief {
    title: String,
    a_name: String,
    b_name: String,
    as_of: String,
    from: String,
    summary: Vec<Para>,
    depth_svg: String,
    depth_rows: Vec<Vec<String>>,
    depth_headers: Vec<String>,
    changes: Vec<ChangeRow>,
    chronology: Vec<ChronoRow>,
    transfers: Vec<TransferRow>,
    peers_svg: String,
    peer_headers: Vec<String>,
    peers: Vec<PeerRow>,
    alignment: Option<crate::alignment::AlignSection>,
    alignment_cites: Vec<usize>,
    /// Per dimension, the sources that cover it on the last date (or "no data"), then what each
    /// dataset consulted said about the pair.
    coverage: Vec<String>,
    /// What the event-data dimension rests on, when present.
    event_data: Option<Para>,
    outlook: Vec<OutlookRow>,
    explain_date: String,
    explain_composite: String,
    explain: Vec<ExplainRow>,
    half_life: String,
    ended_half_life: String,
    weights: Vec<(String, String, String)>,
    sources: Vec<SourceItem>,
    version: String,
}

const TEMPLATE: &str = include_str!("../templates/brief.html");

fn month(d: Day) -> String {
    format!("{:04}-{:02}", d.year, d.month)
}

/// Builds and renders the brief as one HTML document.
pub fn render(kb: &KnowledgeBase, req: &BriefRequest) -> Result<String, crate::Error> {
    render_page(&prepare(kb, req)?)
}

/// Everything the brief shows, computed and formatted: the analyses are asked here, once; the
/// page is only rendered from it ([`render_page`]).
fn prepare(kb: &KnowledgeBase, req: &BriefRequest) -> Result<Brief, crate::Error> {
    let (a, b) = (req.a, req.b);
    let (a_name, b_name) = (kb.name_of(a).to_string(), kb.name_of(b).to_string());
    let mut src = Sources::default();
    let sources = entente_analysis::Sources {
        tables: req.tables,
        lake: req.lake,
    };
    let depth = DyadDepth::build_with(kb, a, b, req.config, &sources)?;
    let monthly = depth.series(req.from, req.to, Step::Month);
    let yearly = depth.series(req.from, req.to, Step::Year);
    let changes = index_changes(kb, a, b, &monthly, req.config);
    let dims: Vec<DepthDimension> = depth.shown_dimensions();
    let title = format!("{a_name} – {b_name}");
    let event_data = depth.event_data.then(|| {
        let months: Vec<&entente_analysis::depth::Contribution> = depth
            .contributions
            .iter()
            .filter(|c| c.dimension == DepthDimension::EventData)
            .collect();
        let cites = months.first().map(|c| src.cite(&c.citations)).unwrap_or_default();
        Para {
            text: format!(
                "The event-data dimension counts coded events between the two sides, month by month: {} months with \
                 more cooperation than conflict contribute, each fading with a half-life of {} years.",
                months.len(),
                req.config.event_data.half_life_years
            ),
            cites,
        }
    });

    // Chronology: the dyad's own facts, drivers included, oldest first.
    let timeline = entente_analysis::evidence::timeline(
        kb,
        req.tables,
        &TimelineQuery {
            actors: vec![a.into(), b.into()],
            to: Some(entente_model::PartialDate::from_day(req.to)),
            ..Default::default()
        },
    );
    let chronology: Vec<ChronoRow> = timeline
        .entries
        .iter()
        .map(|e| ChronoRow {
            date: match (e.date, e.end) {
                (Some(d), Some(end)) => format!("{d} – {end}"),
                (Some(d), None) => d.to_string(),
                (None, _) => "undated".into(),
            },
            kind: match (&e.derived, &e.reviewed) {
                (Some(d), _) => format!("{} ({d})", e.kind.replace('_', " ")),
                (None, Some(r)) if r.accepted.is_some() => {
                    format!("{} (reviewed from an article)", e.kind.replace('_', " "))
                }
                (None, Some(_)) => format!("{} (proposed from an article, not reviewed)", e.kind.replace('_', " ")),
                (None, None) => e.kind.replace('_', " "),
            },
            dimension: e.dimension.as_str().replace('_', "-"),
            title: e.title.clone(),
            cites: src.cite(&e.citations),
        })
        .collect();

    // Arms transfers between the sides (an alliance's members at the deal's date count).
    let deals = kb.timeline(&TimelineQuery {
        actors: vec![a.into(), b.into()],
        members: true,
        kinds: vec!["transfer".into()],
        ..Default::default()
    });
    let mut transfers = Vec::new();
    for e in &deals.entries {
        let Some(t) = kb.facts().transfers.iter().find(|t| t.id == e.id) else {
            continue;
        };
        let mut system = format!("{} {}", t.system, t.description);
        if t.licensed {
            system += " (licensed production)";
        }
        if t.second_hand {
            system += " (second-hand)";
        }
        if !t.weapon {
            system += " (not a weapon system)";
        }
        transfers.push(TransferRow {
            ordered: t.order_date.map(|d| d.to_string()).unwrap_or_default(),
            supplier: kb.name_of(&t.supplier).into(),
            recipient: kb.name_of(&t.recipient).into(),
            system,
            number: t.ordered.map(|n| n.to_string()).unwrap_or_default(),
            delivered: t.delivered.map(|n| n.to_string()).unwrap_or_default(),
            years: t.delivery_years_label(),
            status: t.status.to_string(),
            cites: src.cite(&e.citations),
        });
    }

    // Peers.
    // Given peers, or (none given) B's fellow members of its groupings: the analysis decides.
    let peer_cmp = entente_analysis::peers(
        kb,
        a,
        b,
        req.peers.clone(),
        req.config,
        (req.from, req.to, Step::Year),
        &sources,
    )?;
    let (peer_series, peer_dims) = (peer_cmp.dyads, &peer_cmp.dimensions);
    let peers: Vec<PeerRow> = peer_series
        .iter()
        .filter_map(|d| {
            let last = d.latest()?;
            Some(PeerRow {
                label: d.label.clone(),
                latest: score_text(last.composite, 0),
                covered: format!("{:.0}%", 100.0 * last.coverage),
                floor: last.floor(),
                dims: peer_dims.iter().map(|x| score_text(last.score(*x), 0)).collect(),
                peak: d
                    .peak()
                    .map(|p| format!("{} ({})", score_text(p.composite, 0), p.date.year))
                    .unwrap_or_default(),
            })
        })
        .collect();

    // Summary: generated from the numbers above, each statement cited.
    let mut summary = Vec::new();
    let latest = monthly.last();
    // Coverage first: which sources stand behind each dimension on the last date, and what the
    // datasets consulted said about the pair.
    let coverage: Vec<String> = match latest {
        Some(last) => dims
            .iter()
            .map(|d| {
                let by = depth.covered_by(*d, last.date);
                if by.is_empty() {
                    format!("{}: no data", d.label())
                } else {
                    format!("{}: {}", d.label(), by.join("; "))
                }
            })
            .chain(depth.consulted.iter().map(|c| format!("{}: {}", c.dataset, c.note)))
            .collect(),
        None => Vec::new(),
    };
    if let Some(last) = latest {
        let mut text = match last.composite {
            Some(v) => format!(
                "On {}, the depth index of the {title} partnership stands at {v:.0} out of 100, over the dimensions \
                 its sources cover ({:.0}% of the index's weight).",
                last.date,
                100.0 * last.coverage
            ),
            None => format!(
                "On {}, no source entente holds covers any dimension of the {title} partnership: no data.",
                last.date
            ),
        };
        let mut cites = Vec::new();
        let largest = changes
            .iter()
            .filter(|c| c.delta() > 0.0)
            .max_by(|x, y| x.delta().total_cmp(&y.delta()));
        if let Some(c) = largest {
            text += &format!(
                " Its largest upward shift came in {} (from {:.0} to {:.0} on average), with \"{}\" the leading candidate driver",
                month(c.date),
                c.mean_before,
                c.mean_after,
                c.drivers.first().map_or("none recorded", |d| d.title.as_str())
            );
            if let Some(d) = c.drivers.first() {
                cites = src.cite(&d.citations);
            }
            match changes.last() {
                Some(l) if l.date != c.date => {
                    text += &format!(
                        "; the latest shift, in {}, moved it from {:.0} to {:.0}{}.",
                        month(l.date),
                        l.mean_before,
                        l.mean_after,
                        if l.coverage_change {
                            " (where the sources covering the index change, so part of it is the data's)"
                        } else {
                            ""
                        }
                    )
                }
                _ => text += ".",
            }
        }
        summary.push(Para { text, cites });
        let mut ranked: Vec<(DepthDimension, f64)> =
            dims.iter().filter_map(|d| last.score(*d).map(|s| (*d, s))).collect();
        ranked.sort_by(|x, y| y.1.total_cmp(&x.1));
        if let (Some(top), Some(bottom)) = (ranked.first(), ranked.last()) {
            let ex = depth.explain(last.date);
            let top_fact = ex
                .dimensions
                .iter()
                .find(|d| d.dimension == top.0)
                .and_then(|d| d.items.first());
            let text = format!(
                "The strongest dimension is {} ({:.0}){}; the weakest is {} ({:.0}).",
                top.0.label().to_lowercase(),
                top.1,
                top_fact
                    .map(|i| format!(", where the largest single contribution is: {}", i.title))
                    .unwrap_or_default(),
                bottom.0.label().to_lowercase(),
                bottom.1
            );
            let cites = top_fact.map(|i| src.cite(&i.citations)).unwrap_or_default();
            summary.push(Para { text, cites });
        }
    }
    if peers.len() > 1 {
        // Ranked on what the sources cover: the composite with uncovered dimensions at zero.
        let mut order: Vec<&PeerRow> = peers.iter().collect();
        order.sort_by(|x, y| y.floor.total_cmp(&x.floor));
        let list: Vec<String> = order
            .iter()
            .map(|p| format!("{} {} ({} covered)", p.label, p.latest, p.covered))
            .collect();
        summary.push(Para {
            text: format!(
                "Compared with its peers on the same index, ranked on what the sources cover: {}.",
                list.join("; ")
            ),
            cites: Vec::new(),
        });
    }
    // Alignment, from the imported datasets.
    let alignment = match req.store {
        Some(store) => crate::alignment::section(kb, store, a, b, req.from.year, req.to.year)?,
        None => None,
    };
    let alignment_cites = alignment.as_ref().map(|s| src.cite(&s.citations)).unwrap_or_default();

    let o = outlook(kb, a, b);
    let uncertainties: Vec<&str> = o
        .drivers
        .iter()
        .filter(|d| d.kind == entente_model::DriverKind::Uncertainty)
        .map(|d| d.title.as_str())
        .collect();
    if !uncertainties.is_empty() {
        let cites = o
            .drivers
            .iter()
            .filter(|d| d.kind == entente_model::DriverKind::Uncertainty)
            .flat_map(|d| d.citations.clone())
            .collect::<Vec<_>>();
        summary.push(Para {
            text: format!("What could change the trend: {}.", uncertainties.join("; ")),
            cites: src.cite(&cites),
        });
    }

    let change_rows: Vec<ChangeRow> = changes
        .iter()
        .map(|c| ChangeRow {
            date: month(c.date),
            interval: if c.earliest == c.latest {
                month(c.date)
            } else {
                format!("{} – {}", month(c.earliest), month(c.latest))
            },
            before: format!("{:.0}", c.mean_before),
            after: format!("{:.0}", c.mean_after),
            coverage_change: c.coverage_change,
            drivers: c
                .drivers
                .iter()
                .take(4)
                .map(|d| DriverCell {
                    title: d.title.clone(),
                    via: if d.fact == d.driver {
                        String::new()
                    } else {
                        d.fact_title.clone()
                    },
                    lead: if d.lead_months >= 0.0 {
                        format!("{:.0} months before", d.lead_months)
                    } else {
                        format!("{:.0} months after", -d.lead_months)
                    },
                    cites: src.cite(&d.citations),
                })
                .collect(),
        })
        .collect();

    let outlook_rows: Vec<OutlookRow> = o
        .drivers
        .iter()
        .map(|d| OutlookRow {
            title: d.title.clone(),
            kind: d.kind.as_str().replace('_', " "),
            direction: d.direction.to_string(),
            date: d.date.map(|x| x.to_string()).unwrap_or_default(),
            note: d.note.clone().unwrap_or_default(),
            uncertainty: d.kind == entente_model::DriverKind::Uncertainty,
            cites: src.cite(&d.citations),
            indicators: d
                .indicators
                .iter()
                .map(|i| {
                    let (latest, cites) = match i.latest() {
                        Some(e) => (
                            format!("{}: {}", e.date.map(|x| x.to_string()).unwrap_or_default(), e.title),
                            src.cite(&e.citations),
                        ),
                        None => ("no evidence recorded yet".into(), Vec::new()),
                    };
                    IndicatorRow {
                        title: i.title.clone(),
                        signal: i.signal.clone(),
                        latest,
                        cites,
                    }
                })
                .collect(),
        })
        .collect();

    // How the latest value was reached: the largest contributions per dimension.
    let (explain_date, explain_composite, explain) = match latest {
        Some(last) => {
            let ex = depth.explain(last.date);
            let rows = ex
                .dimensions
                .iter()
                .filter(|d| d.weight > 0.0)
                .map(|d| ExplainRow {
                    dimension: d.dimension.label().into(),
                    points: format!("{:.2}", d.points),
                    score: score_text(d.score, 1),
                    weight: format!("{:.2}", d.weight),
                    items: d
                        .items
                        .iter()
                        .take(5)
                        .map(|i| ExplainItemRow {
                            title: match &i.via {
                                Some(v) => format!("{} (via {})", i.title, kb.name_of(v)),
                                None => i.title.clone(),
                            },
                            rule: i.rule.clone(),
                            points: format!("{:.2} = {:.2} × {:.2}", i.points, i.base, i.factor),
                            cites: src.cite(&i.citations),
                        })
                        .collect(),
                })
                .collect();
            (ex.date.to_string(), score_text(ex.composite, 1), rows)
        }
        None => (String::new(), String::new(), Vec::new()),
    };

    let mut depth_headers = vec!["Year".to_string(), "Composite".to_string()];
    depth_headers.extend(dims.iter().map(|d| d.label().to_string()));
    let depth_rows = yearly
        .iter()
        .map(|p| {
            let mut row = vec![p.date.year.to_string(), score_text(p.composite, 0)];
            row.extend(dims.iter().map(|d| score_text(p.score(*d), 0)));
            row
        })
        .collect();
    let mut peer_headers = vec!["Partnership".to_string(), "Depth".to_string(), "Covered".to_string()];
    peer_headers.extend(peer_dims.iter().map(|d| d.label().to_string()));
    peer_headers.push("Peak (year)".into());
    let total_weight: f64 = dims
        .iter()
        .map(|d| req.config.weights.get(d.as_str()).copied().unwrap_or(0.0))
        .sum();
    let weights = dims
        .iter()
        .map(|d| {
            let w = req.config.weights.get(d.as_str()).copied().unwrap_or(0.0);
            let s = req.config.scale.get(d.as_str()).copied().unwrap_or(0.0);
            (
                d.label().to_string(),
                format!("{:.2}", if total_weight > 0.0 { w / total_weight } else { 0.0 }),
                format!("{s}"),
            )
        })
        .collect();

    let brief = Brief {
        title: format!("{title}: partnership brief"),
        a_name,
        b_name,
        as_of: req.to.to_string(),
        from: req.from.to_string(),
        summary,
        coverage,
        depth_svg: charts::depth_chart(&title, &monthly, &dims, &changes),
        depth_rows,
        depth_headers,
        changes: change_rows,
        chronology,
        transfers,
        peers_svg: charts::peers_chart(&peer_series),
        peer_headers,
        peers,
        alignment,
        alignment_cites,
        event_data,
        outlook: outlook_rows,
        explain_date,
        explain_composite,
        explain,
        half_life: format!("{}", req.config.index.half_life_years),
        ended_half_life: format!("{}", req.config.index.ended_half_life_years),
        weights,
        sources: src.list,
        version: env!("CARGO_PKG_VERSION").to_string(),
    };
    Ok(brief)
}

/// The page from the prepared brief: the template alone (auto-escaped).
fn render_page(brief: &Brief) -> Result<String, crate::Error> {
    let mut env = minijinja::Environment::new();
    env.add_template("brief.html", TEMPLATE)
        .map_err(|e| crate::Error::Template(format!("brief template: {e}")))?;
    let tmpl = env
        .get_template("brief.html")
        .map_err(|e| crate::Error::Template(format!("brief template: {e}")))?;
    tmpl.render(minijinja::context! { b => brief })
        .map_err(|e| crate::Error::Template(e.to_string()))
}

/// Finds a Chromium to print with.
pub fn find_chromium() -> Option<std::path::PathBuf> {
    let candidates = ["chromium", "chromium-browser", "google-chrome", "chrome"];
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        for c in candidates {
            let p = dir.join(c);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

/// The `file://` URL of an absolute path, percent-encoded byte by byte: everything but unreserved
/// characters and `/` (a space, `#`, `?` or `%` in a directory name would otherwise end the path,
/// start a fragment or a query, or be read as an escape).
pub fn file_url(path: &Path) -> String {
    #[cfg(unix)]
    let bytes = std::os::unix::ffi::OsStrExt::as_bytes(path.as_os_str()).to_vec();
    #[cfg(not(unix))]
    let bytes = path.to_string_lossy().replace('\\', "/").into_bytes();
    let mut url = String::from("file://");
    if bytes.first() != Some(&b'/') {
        // A Windows path (`C:/…`): the URL's path starts with a slash.
        url.push('/');
    }
    for b in bytes {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) || (cfg!(not(unix)) && b == b':') {
            url.push(char::from(b));
        } else {
            url.push_str(&format!("%{b:02X}"));
        }
    }
    url
}

/// Prints an HTML file to PDF with headless Chromium, offline.
pub fn print_pdf(html: &Path, pdf: &Path) -> Result<(), crate::Error> {
    let chromium = find_chromium().ok_or_else(|| {
        crate::Error::Pdf("--pdf needs Chromium on the PATH (Debian: apt-get install chromium)".into())
    })?;
    let profile = std::env::temp_dir().join(format!("entente-chromium-{}", std::process::id()));
    let html = html
        .canonicalize()
        .map_err(|e| crate::Error::Pdf(format!("cannot find {}: {e}", html.display())))?;
    let out = std::process::Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(file_url(&html))
        .output()
        .map_err(|e| crate::Error::Pdf(format!("cannot run Chromium: {e}")))?;
    let _ = std::fs::remove_dir_all(&profile);
    if !out.status.success() || !pdf.exists() {
        return Err(crate::Error::Pdf(format!(
            "Chromium could not print the brief: {}",
            String::from_utf8_lossy(&out.stderr).lines().last().unwrap_or("")
        )));
    }
    Ok(())
}
