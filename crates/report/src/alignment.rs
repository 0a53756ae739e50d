//! Alignment measures for a dyad, from the imported standard datasets (ATOP, UN votes): between
//! two states directly, or between a state and an alliance as the mean over the alliance's
//! members each year. Used by the brief; the CLI's `align` command shares the citations.

use crate::svg::{Line, LineChart, PALETTE};
use entente_kb::{Citation, KnowledgeBase};
use entente_model::{ActorKind, Day, RelationKind};
use entente_store::views::{self, Provenance};
use entente_store::{Dataset, Store};
use serde::Serialize;

/// The datasets as sources a row can cite, with the imported file as locator.
pub fn dataset_citation(p: &Provenance) -> Citation {
    let (id, url, publisher, title) = match p.dataset {
        Dataset::Sipri => (
            "sipri-trade-register",
            "https://www.sipri.org/databases/armstransfers",
            "SIPRI",
            "SIPRI Arms Transfers Database: trade register",
        ),
        Dataset::Atop => (
            "atop",
            "http://www.atopdata.org/",
            "Leeds, Ritter, Mitchell and Long",
            "Alliance Treaty Obligations and Provisions (ATOP)",
        ),
        Dataset::Unvotes => (
            "unvotes",
            "https://doi.org/10.7910/DVN/LEJUQZ",
            "Voeten, Strezhnev and Bailey",
            "United Nations General Assembly Voting Data",
        ),
    };
    Citation {
        source: id.to_string(),
        url: url.to_string(),
        publisher: publisher.to_string(),
        title: Some(title.to_string()),
        locator: Some(format!("{}, sha256 {}", p.file, &p.sha256[..12.min(p.sha256.len())])),
    }
}

/// The alignment section of a brief: a table by year, a chart, what is missing, and the sources.
#[derive(Clone, Debug, Serialize)]
pub struct AlignSection {
    /// "South Korea with NATO's members (mean over the members each year)".
    pub subject: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub svg: String,
    pub notes: Vec<String>,
    pub citations: Vec<Citation>,
}

fn is_group(kb: &KnowledgeBase, id: &str) -> bool {
    kb.facts()
        .relations
        .iter()
        .any(|r| r.kind == RelationKind::Membership && r.object == id)
        && kb.actor(id).is_some_and(|a| a.kind != ActorKind::State)
}

fn fmt(v: Option<f64>) -> String {
    v.map(|v| format!("{v:.2}")).unwrap_or_else(|| "–".into())
}

/// The alignment measures of a dyad: two states directly, or a state with a group's members.
#[derive(Clone, Debug, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Measures {
    Dyad(views::Alignment),
    Group {
        group: String,
        #[serde(flatten)]
        alignment: views::GroupAlignment,
    },
}

/// The alignment of `a` and `b` over `from..=to`, or `None` when neither side is a state with a
/// Correlates of War code (alignment measures cover states).
pub fn measures(
    kb: &KnowledgeBase,
    store: &Store,
    a: &str,
    b: &str,
    from: i32,
    to: i32,
) -> Result<Option<Measures>, crate::Error> {
    let cow = |id: &str| views::cow_of(id, None).or_else(|| kb.actor(id).and_then(|x| x.codes.cow));
    match (cow(a), cow(b)) {
        (Some(ca), Some(cb)) => Ok(Some(Measures::Dyad(views::align(
            store,
            (a, ca),
            (b, cb),
            Some(from),
            Some(to),
        )?))),
        (ca, cb) => {
            let (state, group, sc) = match (ca, cb) {
                (Some(c), None) if is_group(kb, b) => (a, b, c),
                (None, Some(c)) if is_group(kb, a) => (b, a, c),
                _ => return Ok(None),
            };
            let members = |year: i32| -> Vec<(String, u16)> {
                let day = Day {
                    year,
                    month: 12,
                    day: 31,
                };
                kb.members_at(group, day)
                    .into_iter()
                    .filter(|r| r.subject != state)
                    .filter_map(|r| views::cow_of(&r.subject, Some(year)).map(|c| (r.subject.clone(), c)))
                    .collect()
            };
            let alignment = views::align_group(store, (state, sc), &members, from, to)?;
            Ok(Some(Measures::Group {
                group: group.to_string(),
                alignment,
            }))
        }
    }
}

type Row = (i32, Option<f64>, Option<f64>, Option<f64>, String);

/// The alignment section of a brief, or `None` when there is nothing to show.
pub fn section(
    kb: &KnowledgeBase,
    store: &Store,
    a: &str,
    b: &str,
    from: i32,
    to: i32,
) -> Result<Option<AlignSection>, crate::Error> {
    let name = |id: &str| kb.name_of(id).to_string();
    // (year, S, pi, agreement, extra column) rows, the sources and notes.
    let (subject, extra, rows, provs, notes): (String, &str, Vec<Row>, Vec<Provenance>, Vec<String>) =
        match measures(kb, store, a, b, from, to)? {
            None => return Ok(None),
            Some(Measures::Dyad(al)) => {
                let rows = al
                    .years
                    .iter()
                    .map(|y| {
                        let d = y.alliance.as_ref();
                        let allied = d.is_some_and(|d| d.tie_ab > 0 || d.tie_ba > 0);
                        (
                            y.year,
                            d.map(|d| d.s_unweighted),
                            d.and_then(|d| d.pi),
                            y.votes.as_ref().and_then(|v| v.three_category),
                            if d.is_some() {
                                (if allied { "yes" } else { "no" }).to_string()
                            } else {
                                String::new()
                            },
                        )
                    })
                    .collect();
                let provs = al.atop.iter().chain(&al.unvotes).cloned().collect();
                (
                    format!("{} and {}", name(&al.a), name(&al.b)),
                    "Allied",
                    rows,
                    provs,
                    al.notes,
                )
            }
            Some(Measures::Group { group, alignment: g }) => {
                let rows = g
                    .years
                    .iter()
                    .map(|y| {
                        let allied = if y.s.is_some() {
                            format!("{} of {}", y.allied, y.members)
                        } else {
                            String::new()
                        };
                        (y.year, y.s, y.pi, y.agreement, allied)
                    })
                    .collect();
                let provs = g.atop.iter().chain(&g.unvotes).cloned().collect();
                (
                    format!(
                        "{} with the members of {} (mean over the members each year)",
                        name(&g.state),
                        name(&group)
                    ),
                    "Members allied",
                    rows,
                    provs,
                    g.notes,
                )
            }
        };
    if rows.is_empty() {
        return Ok(None);
    }
    let mut chart = LineChart::new(format!("Alignment: {subject}"), "score × 100 (negative values at 0)");
    type Get = fn(&Row) -> Option<f64>;
    // pi is often negative (less alike than chance): it stays in the table, off the 0–100 chart.
    let series: [(&str, Get); 2] = [("ATOP S", |r| r.1), ("UN voting agreement", |r| r.3)];
    for (i, (label, get)) in series.into_iter().enumerate() {
        // A year without the measure breaks the line.
        let points: Vec<(f64, Option<f64>)> = rows
            .iter()
            .map(|r| (f64::from(r.0), get(r).map(|v| (v * 100.0).max(0.0))))
            .collect();
        if points.iter().any(|p| p.1.is_some()) {
            chart.lines.push(Line {
                label: label.to_string(),
                color: PALETTE[i % PALETTE.len()].to_string(),
                width: if i == 0 { 2.6 } else { 1.6 },
                dashed: i == 1,
                points,
            });
        }
    }
    Ok(Some(AlignSection {
        subject,
        headers: ["Year", "ATOP S", "ATOP pi", "UN agreement", extra]
            .map(String::from)
            .to_vec(),
        rows: rows
            .iter()
            .map(|r| vec![r.0.to_string(), fmt(r.1), fmt(r.2), fmt(r.3), r.4.clone()])
            .collect(),
        svg: chart.render(),
        notes,
        citations: provs.iter().map(dataset_citation).collect(),
    }))
}
