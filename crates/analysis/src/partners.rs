//! Who are an actor's partners? Every counterpart the curated facts or the datasets know, ranked
//! by the depth of its ties with the actor on a date, with the leading dimension and the sources
//! behind each value.
//!
//! States and organisations are ranked apart (states first): an organisation's depth counts its
//! members' arms deals (`members_count_for`), so it is not comparable with one state's.
//!
//! The ranking key is the composite with every uncovered dimension taken as zero
//! ([`DepthPoint::floor`]): a lower bound on the depth, so that a counterpart known only through
//! one strong signal (a year of UN votes alike) does not outrank one tied in several dimensions.
//! The composite itself (the mean over covered dimensions) and the share of the index the sources
//! cover are reported beside it.

use crate::depth::{DepthDimension, DepthPoint, DyadDepth, Sources};
use crate::DepthConfig;
use entente_kb::KnowledgeBase;
use entente_model::{ActorKind, Day};
use serde::Serialize;
use std::collections::BTreeSet;

/// One counterpart of the actor.
#[derive(Clone, Debug, Serialize)]
pub struct Partner {
    /// Rank among the counterparts of the same group.
    pub rank: usize,
    /// `state` or `organisation`.
    pub group: &'static str,
    pub id: String,
    pub name: String,
    /// The composite over covered dimensions; `None`: no source covers any.
    pub composite: Option<f64>,
    /// Share of the index's weight covered on the date (0–1).
    pub coverage: f64,
    /// The ranking key: the composite with uncovered dimensions at zero.
    pub floor: f64,
    /// The covered dimension with the highest score.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub leading: Option<DepthDimension>,
    pub dimensions: Vec<(DepthDimension, Option<f64>)>,
    /// The sources covering any dimension on the date.
    pub covered_by: Vec<String>,
}

/// The ranking.
#[derive(Clone, Debug, Serialize)]
pub struct Partners {
    pub actor: String,
    pub date: Day,
    /// Counterparts considered (all of them are listed, those with no data last).
    pub considered: usize,
    /// What the datasets are (name, origin, years), for the coverage line.
    pub datasets: Vec<crate::evidence::DatasetInfo>,
    pub partners: Vec<Partner>,
}

/// How many of each group a ranking lists unless asked otherwise (CLI and API alike).
pub const DEFAULT_TOP: usize = 25;

impl Partners {
    /// Keeps the first `n` of each group (states, organisations); 0 keeps all.
    pub fn keep_top(&mut self, n: usize) {
        if n > 0 {
            self.partners.retain(|p| p.rank <= n);
        }
    }
}

/// The actor a part belongs to for a ranking: a person, agency, body, company or operation counts
/// as the state or organisation above it.
fn principal<'a>(kb: &'a KnowledgeBase, id: &'a str) -> &'a str {
    let mut cur = id;
    for _ in 0..16 {
        let Some(a) = kb.actor(cur) else { return cur };
        let principal = matches!(
            a.kind,
            ActorKind::State | ActorKind::Alliance | ActorKind::Igo | ActorKind::Grouping
        );
        match (&a.parent, principal) {
            (Some(p), false) => cur = p,
            _ => return cur,
        }
    }
    cur
}

/// Every actor a curated fact names beside `actor` (or one of its parts), as principals.
fn curated_counterparts(kb: &KnowledgeBase, actor: &str) -> BTreeSet<String> {
    let mine: BTreeSet<&str> = kb.descendants(actor).into_iter().collect();
    let mut out = BTreeSet::new();
    for f in kb.all_facts() {
        // Drivers explain changes; they are not ties.
        if matches!(f, entente_model::FactRef::Driver(_)) {
            continue;
        }
        let named = f.participants();
        if named.iter().any(|a| mine.contains(a.as_str())) {
            for a in named {
                if !mine.contains(a.as_str()) {
                    out.insert(principal(kb, a).to_string());
                }
            }
        }
    }
    out
}

/// Ranks every counterpart of `actor` by depth on `day`.
pub fn partners(
    kb: &KnowledgeBase,
    actor: &str,
    day: Day,
    config: &DepthConfig,
    sources: &Sources,
) -> Result<Partners, crate::Error> {
    let mut candidates = curated_counterparts(kb, actor);
    if let Some(t) = sources.tables {
        candidates.extend(t.counterparts(actor));
    }
    let mine: BTreeSet<&str> = kb.descendants(actor).into_iter().collect();
    candidates.retain(|c| !mine.contains(c.as_str()) && principal(kb, c) != actor);
    let mut partners = Vec::new();
    for c in &candidates {
        let depth = DyadDepth::build_with(kb, actor, c, config, sources)?;
        let p: DepthPoint = depth.at(day);
        let leading = p
            .dimensions
            .iter()
            .filter_map(|(d, s)| s.map(|s| (*d, s)))
            .max_by(|x, y| x.1.total_cmp(&y.1))
            .map(|(d, _)| d);
        // The sources by name (their spans are in `entente depth`).
        let mut covered_by: Vec<String> = depth
            .coverage
            .iter()
            .filter(|c| c.covers(day) && (c.dimension != DepthDimension::EventData || depth.event_data))
            .map(|c| c.source.clone())
            .collect();
        covered_by.sort();
        covered_by.dedup();
        let is_state = kb.actor(c).is_none_or(|a| a.kind == ActorKind::State);
        partners.push(Partner {
            rank: 0,
            group: if is_state { "state" } else { "organisation" },
            id: c.clone(),
            name: kb.name_of(c).to_string(),
            floor: p.floor(),
            composite: p.composite,
            coverage: p.coverage,
            leading,
            dimensions: p.dimensions,
            covered_by,
        });
    }
    partners.sort_by(|x, y| {
        (x.group != "state")
            .cmp(&(y.group != "state"))
            .then(y.floor.total_cmp(&x.floor))
            .then(y.composite.is_some().cmp(&x.composite.is_some()))
            .then(x.id.cmp(&y.id))
    });
    let mut rank = 0;
    let mut group = "";
    for p in partners.iter_mut() {
        if p.group != group {
            group = p.group;
            rank = 0;
        }
        rank += 1;
        p.rank = rank;
    }
    Ok(Partners {
        actor: actor.to_string(),
        date: day,
        considered: candidates.len(),
        datasets: sources
            .tables
            .map(|t| t.datasets().into_iter().cloned().collect())
            .unwrap_or_default(),
        partners,
    })
}
