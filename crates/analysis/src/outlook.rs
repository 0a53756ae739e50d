//! Drivers and outlook: what pushes a partnership, what could change it, and the latest evidence
//! on each indicator to watch.

use entente_kb::{Citation, KnowledgeBase};
use entente_model::{Direction, DriverKind, PartialDate};
use serde::Serialize;

/// A fact recorded as evidence on an indicator.
#[derive(Clone, Debug, Serialize)]
pub struct Evidence {
    pub fact: String,
    pub title: String,
    pub date: Option<PartialDate>,
    pub citations: Vec<Citation>,
}

#[derive(Clone, Debug, Serialize)]
pub struct IndicatorView {
    pub title: String,
    pub signal: String,
    /// Newest first.
    pub evidence: Vec<Evidence>,
}

impl IndicatorView {
    pub fn latest(&self) -> Option<&Evidence> {
        self.evidence.first()
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct DriverView {
    pub id: String,
    pub title: String,
    pub kind: DriverKind,
    pub direction: Direction,
    pub date: Option<PartialDate>,
    pub note: Option<String>,
    pub indicators: Vec<IndicatorView>,
    pub citations: Vec<Citation>,
}

/// The drivers and uncertainties bearing on a dyad.
#[derive(Clone, Debug, Serialize)]
pub struct Outlook {
    pub a: String,
    pub b: String,
    /// Drivers first (by date), then uncertainties (by date).
    pub drivers: Vec<DriverView>,
}

/// Every driver whose actors or affected sides touch either side of the dyad (an actor's parts
/// count as the actor), with its indicators and their evidence, newest first.
pub fn outlook(kb: &KnowledgeBase, a: &str, b: &str) -> Outlook {
    let sides: Vec<&str> = kb.descendants(a).into_iter().chain(kb.descendants(b)).collect();
    let mut drivers: Vec<DriverView> = kb
        .facts()
        .drivers
        .iter()
        .filter(|d| d.affects.iter().chain(&d.actors).any(|x| sides.contains(&x.as_str())))
        .map(|d| DriverView {
            id: d.id.clone(),
            title: d.title.clone(),
            kind: d.kind,
            direction: d.direction,
            date: d.date,
            note: d.note.clone(),
            indicators: d
                .indicators
                .iter()
                .map(|i| {
                    let mut evidence: Vec<Evidence> = i
                        .evidence
                        .iter()
                        .filter_map(|id| kb.all_facts().find(|f| f.id() == id))
                        .map(|f| Evidence {
                            fact: f.id().to_string(),
                            title: f.title(),
                            date: f.date(),
                            citations: kb.cite(f.sources()),
                        })
                        .collect();
                    evidence.sort_by_key(|e| std::cmp::Reverse(e.date));
                    IndicatorView {
                        title: i.title.clone(),
                        signal: i.signal.clone(),
                        evidence,
                    }
                })
                .collect(),
            citations: kb.cite(&d.sources),
        })
        .collect();
    drivers.sort_by(|x, y| {
        (x.kind == DriverKind::Uncertainty)
            .cmp(&(y.kind == DriverKind::Uncertainty))
            .then(x.date.cmp(&y.date))
    });
    Outlook {
        a: a.into(),
        b: b.into(),
        drivers,
    }
}
