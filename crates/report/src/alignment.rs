//! The brief's alignment section: the measures of a dyad (`entente_analysis::alignment`) as a
//! table by year, a chart, what is missing, and the sources.

use crate::svg::{Line, LineChart, PALETTE};
use entente_analysis::alignment::{dataset_citation, measures, Measures};
use entente_analysis::views::Provenance;
use entente_kb::{Citation, KnowledgeBase};
use entente_store::Store;
use serde::Serialize;

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

fn fmt(v: Option<f64>) -> String {
    v.map(|v| format!("{v:.2}")).unwrap_or_else(|| "–".into())
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
