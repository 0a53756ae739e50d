//! The partnership depth index: how deep a dyad's ties are on a date, by dimension.
//!
//! Every fact between the two sides contributes points to one dimension: relations (programmes,
//! memberships, deployments) while they are in force, then fading; events and arms deals on their
//! date, then decaying with a half-life. A dimension's points saturate into a 0–100 score, and
//! the composite is the weighted mean of the scores. Everything is in `config/depth.toml`, and
//! [`DyadDepth::explain`] lists each fact's contribution on any date. The method is documented in
//! `docs/depth-index.md`.

use crate::config::DepthConfig;
use entente_kb::{Citation, KnowledgeBase, TimelineQuery};
use entente_model::*;
use serde::Serialize;
use std::collections::HashSet;

/// The dimensions of the index: the model's dimensions without `context`, plus event data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DepthDimension {
    Institutional,
    Political,
    Operational,
    DefenceIndustrial,
    Cyber,
    /// Coded event data (GDELT/ICEWS cooperation counts) from the event lake, when imported.
    EventData,
}

impl DepthDimension {
    pub const ALL: [DepthDimension; 6] = [
        DepthDimension::Institutional,
        DepthDimension::Political,
        DepthDimension::Operational,
        DepthDimension::DefenceIndustrial,
        DepthDimension::Cyber,
        DepthDimension::EventData,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DepthDimension::Institutional => "institutional",
            DepthDimension::Political => "political",
            DepthDimension::Operational => "operational",
            DepthDimension::DefenceIndustrial => "defence_industrial",
            DepthDimension::Cyber => "cyber",
            DepthDimension::EventData => "event_data",
        }
    }

    /// A heading for charts and tables.
    pub fn label(self) -> &'static str {
        match self {
            DepthDimension::Institutional => "Institutional",
            DepthDimension::Political => "Political",
            DepthDimension::Operational => "Operational",
            DepthDimension::DefenceIndustrial => "Defence-industrial",
            DepthDimension::Cyber => "Cyber & technology",
            DepthDimension::EventData => "Event data",
        }
    }

    pub fn parse(s: &str) -> Option<DepthDimension> {
        DepthDimension::ALL.into_iter().find(|d| d.as_str() == s)
    }

    pub fn spellings() -> Vec<&'static str> {
        DepthDimension::ALL.iter().map(|d| d.as_str()).collect()
    }

    fn index(self) -> usize {
        self as usize
    }

    /// The model dimension of an index dimension (event data has none).
    pub fn model(self) -> Option<Dimension> {
        match self {
            DepthDimension::Institutional => Some(Dimension::Institutional),
            DepthDimension::Political => Some(Dimension::Political),
            DepthDimension::Operational => Some(Dimension::Operational),
            DepthDimension::DefenceIndustrial => Some(Dimension::DefenceIndustrial),
            DepthDimension::Cyber => Some(Dimension::Cyber),
            DepthDimension::EventData => None,
        }
    }

    /// The index dimension of a model dimension; `context` is not part of depth.
    pub fn of(d: Dimension) -> Option<DepthDimension> {
        match d {
            Dimension::Institutional => Some(DepthDimension::Institutional),
            Dimension::Political => Some(DepthDimension::Political),
            Dimension::Operational => Some(DepthDimension::Operational),
            Dimension::DefenceIndustrial => Some(DepthDimension::DefenceIndustrial),
            Dimension::Cyber => Some(DepthDimension::Cyber),
            Dimension::Context => None,
        }
    }
}

impl Serialize for DepthDimension {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// How a contribution's points evolve in time (days since 1970-01-01).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(tag = "profile", rename_all = "lowercase")]
pub enum Profile {
    /// Full points while in force, then fading with the "ended" half-life.
    Stock { from: i64, to: Option<i64> },
    /// Full points on the day, then decaying with the half-life.
    Flow { at: i64 },
    /// Full points on the day, then decaying with its own half-life (a month of event data).
    Pulse { at: i64, half_life_years: f64 },
}

/// One fact's contribution to a dimension.
#[derive(Clone, Debug, Serialize)]
pub struct Contribution {
    pub fact: String,
    pub title: String,
    pub kind: String,
    pub dimension: DepthDimension,
    /// Points at full strength.
    pub base: f64,
    /// How the base was derived (`programme with 9 areas`, `deal: 180 units, contract`…).
    pub rule: String,
    pub profile: Profile,
    /// The member through which the fact belongs to the dyad, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
    /// The dataset the fact is derived from (`ATOP v4.01`); none for a curated fact.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dataset: Option<String>,
    pub citations: Vec<Citation>,
}

/// A source that covers a dimension of a dyad over a span of days: there, a dimension without
/// points is a recorded absence (0); where no source covers it, it is "no data".
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CoverageSpan {
    pub dimension: DepthDimension,
    /// `curated facts`, `ATOP v4.01`, `UN votes`, `SIPRI register`, `event lake`.
    pub source: String,
    /// First and last day covered; `None`: open on that side.
    pub from: Option<Day>,
    pub to: Option<Day>,
    /// Past `to`, ties in force at the end of the data count on (and so does the coverage).
    pub carried_forward: bool,
    /// Records of the dyad in this source and dimension.
    pub records: usize,
}

impl CoverageSpan {
    pub fn covers(&self, day: Day) -> bool {
        self.from.is_none_or(|f| f <= day) && (self.carried_forward || self.to.is_none_or(|t| day <= t))
    }

    /// `ATOP v4.01 (1815–2016, carried forward)`.
    pub fn label(&self) -> String {
        let years = match (self.from, self.to) {
            (Some(f), Some(t)) => format!(
                " ({}–{}{})",
                f.year,
                t.year,
                if self.carried_forward { ", carried forward" } else { "" }
            ),
            (Some(f), None) => format!(" (from {})", f.year),
            (None, Some(t)) => format!(" (to {})", t.year),
            (None, None) => String::new(),
        };
        format!("{}{years}", self.source)
    }
}

/// The middle day of a partial date: the best single estimate of when it happened.
pub fn anchor(d: PartialDate) -> i64 {
    (d.earliest().ordinal() + d.latest().ordinal()) / 2
}

const DAYS_PER_YEAR: f64 = 365.2425;

impl Contribution {
    /// The share of the base points in effect on `day`.
    pub fn factor(&self, day: i64, cfg: &DepthConfig) -> f64 {
        let half = |days: i64, years: f64| 0.5f64.powf(days as f64 / (years * DAYS_PER_YEAR));
        match self.profile {
            Profile::Stock { from, .. } if day < from => 0.0,
            Profile::Stock { to: Some(to), .. } if day > to => half(day - to, cfg.index.ended_half_life_years),
            Profile::Stock { .. } => 1.0,
            Profile::Flow { at } if day < at => 0.0,
            Profile::Flow { at } => half(day - at, cfg.index.half_life_years),
            Profile::Pulse { at, .. } if day < at => 0.0,
            Profile::Pulse { at, half_life_years } => half(day - at, half_life_years),
        }
    }
}

/// What the index draws on beside the curated facts: the datasets' tables and the event lake.
#[derive(Clone, Copy, Default)]
pub struct Sources<'a> {
    pub tables: Option<&'a crate::evidence::DatasetTables>,
    pub lake: Option<&'a dyn entente_events::EventData>,
}

/// The index for one dyad: its contributions and the configuration that scores them.
#[derive(Clone, Debug, Serialize)]
pub struct DyadDepth {
    pub a: String,
    pub b: String,
    pub contributions: Vec<Contribution>,
    /// Whether event data were attached ([`DyadDepth::with_events`]); without them the
    /// `event_data` dimension is left out of the composite.
    pub event_data: bool,
    /// Which sources cover which dimension of the dyad, and when.
    pub coverage: Vec<CoverageSpan>,
    /// The datasets consulted for the dyad and what each said (including "nothing recorded" and
    /// "not imported").
    pub consulted: Vec<crate::evidence::Consulted>,
    #[serde(skip)]
    config: DepthConfig,
}

/// The index on one date.
#[derive(Clone, Debug, Serialize)]
pub struct DepthPoint {
    pub date: Day,
    /// Score 0–100 per dimension, in [`DepthDimension::ALL`] order; `None` (JSON `null`) where no
    /// source covers the dimension on that date: no data, not zero.
    pub dimensions: Vec<(DepthDimension, Option<f64>)>,
    /// The weighted mean of the covered dimensions' scores (their weights renormalised); `None`
    /// when no dimension is covered.
    pub composite: Option<f64>,
    /// The share of the index's weight that its sources cover on that date (0–1).
    pub coverage: f64,
}

impl DepthPoint {
    /// The dimension's score, `None` where no source covers it.
    pub fn score(&self, d: DepthDimension) -> Option<f64> {
        self.dimensions.iter().find(|(x, _)| *x == d).and_then(|(_, s)| *s)
    }

    /// The composite if every uncovered dimension were zero: a lower bound that ranks dyads by
    /// depth and evidence together (a dyad known in one strong dimension does not outrank one
    /// known in several).
    pub fn floor(&self) -> f64 {
        self.composite.unwrap_or(0.0) * self.coverage
    }
}

/// One line of an explanation.
#[derive(Clone, Debug, Serialize)]
pub struct ExplainItem {
    pub fact: String,
    pub title: String,
    pub kind: String,
    pub rule: String,
    pub base: f64,
    /// Share in effect on the date (1 = full strength).
    pub factor: f64,
    pub points: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
    pub citations: Vec<Citation>,
}

/// One dimension of an explanation.
#[derive(Clone, Debug, Serialize)]
pub struct DimensionExplain {
    pub dimension: DepthDimension,
    pub points: f64,
    pub scale: f64,
    /// `None`: no source covers the dimension on the date.
    pub score: Option<f64>,
    /// The sources that cover it on the date.
    pub covered_by: Vec<String>,
    /// Normalised weight in the composite.
    pub weight: f64,
    pub items: Vec<ExplainItem>,
}

/// Why the index has its value on a date.
#[derive(Clone, Debug, Serialize)]
pub struct Explanation {
    pub a: String,
    pub b: String,
    pub date: Day,
    pub composite: Option<f64>,
    /// Share of the index's weight covered on the date.
    pub coverage: f64,
    pub dimensions: Vec<DimensionExplain>,
    /// The datasets consulted and what each said.
    pub consulted: Vec<crate::evidence::Consulted>,
}

/// Time step of a series.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Month,
    Year,
}

/// Month ends from `from` to `to` (or year ends), inclusive of the period containing `to`.
pub fn grid(from: Day, to: Day, step: Step) -> Vec<Day> {
    let mut out = Vec::new();
    let (mut y, mut m) = (from.year, from.month);
    loop {
        let end_month = if step == Step::Year { 12 } else { m };
        let day = Day {
            year: y,
            month: end_month,
            day: days_in_month(y, end_month),
        };
        out.push(day);
        if day >= to {
            break;
        }
        if step == Step::Year {
            y += 1;
        } else if m == 12 {
            y += 1;
            m = 1;
        } else {
            m += 1;
        }
    }
    out
}

impl DyadDepth {
    /// Collects every fact between `a` and `b` (an alliance's members counting as part of it at
    /// each fact's date) and turns each into contributions.
    pub fn build(kb: &KnowledgeBase, a: &str, b: &str, config: &DepthConfig) -> DyadDepth {
        let timeline = kb.timeline(&TimelineQuery {
            actors: vec![a.into(), b.into()],
            members: true,
            ..Default::default()
        });
        let facts = kb.facts();
        // Signings and deliveries of a deal count through the deal itself, not twice.
        let mut through_deal: HashSet<&str> = HashSet::new();
        for t in &facts.transfers {
            through_deal.extend(t.signings.iter().map(String::as_str));
        }
        let transfer_ids: HashSet<&str> = facts.transfers.iter().map(|t| t.id.as_str()).collect();
        for e in &facts.events {
            if e.related.iter().any(|r| transfer_ids.contains(r.as_str())) {
                through_deal.insert(&e.id);
            }
        }
        let members_count: HashSet<DepthDimension> = config
            .index
            .members_count_for
            .iter()
            .filter_map(|d| DepthDimension::parse(d))
            .collect();
        let mut contributions = Vec::new();
        for entry in &timeline.entries {
            let via = entry.via.clone();
            let dim_of_entry = if entry.fact == "transfer" {
                Some(DepthDimension::DefenceIndustrial)
            } else {
                DepthDimension::of(entry.dimension)
            };
            // A fact that belongs to the dyad only through a member counts only where members do,
            // and only for an outsider: for a member of the organisation, its fellow members'
            // deals are within the organisation, not ties with it.
            if via.is_some() && !dim_of_entry.is_some_and(|d| members_count.contains(&d)) {
                continue;
            }
            if via.is_some() && entry.date.is_some_and(|d| kb.within(a, b, d.latest())) {
                continue;
            }
            let cites = entry.citations.clone();
            match entry.fact {
                "relation" => {
                    let Some(r) = facts.relations.iter().find(|r| r.id == entry.id) else {
                        continue;
                    };
                    let Some(dim) = DepthDimension::of(r.dimension) else {
                        continue;
                    };
                    let Some(start) = r.interval.start else { continue };
                    let mut base = config.relation.get(r.kind.as_str()).copied().unwrap_or(0.0);
                    let mut rule = format!("{} in force", r.kind);
                    if r.kind == RelationKind::Programme && !r.areas.is_empty() {
                        let per = config.relation.get("programme_per_area").copied().unwrap_or(0.0);
                        base += per * r.areas.len() as f64;
                        rule = format!("programme in force, {} areas listed", r.areas.len());
                    }
                    if base <= 0.0 {
                        continue;
                    }
                    contributions.push(Contribution {
                        fact: r.id.clone(),
                        title: r.title.clone(),
                        kind: r.kind.to_string(),
                        dimension: dim,
                        base,
                        rule,
                        profile: Profile::Stock {
                            from: anchor(start),
                            to: r.interval.end.map(anchor),
                        },
                        via,
                        dataset: None,
                        citations: cites,
                    });
                }
                "event" => {
                    if through_deal.contains(entry.id.as_str()) {
                        continue;
                    }
                    let Some(e) = facts.events.iter().find(|e| e.id == entry.id) else {
                        continue;
                    };
                    let Some(dim) = DepthDimension::of(e.dimension) else {
                        continue;
                    };
                    let base = config.event.get(e.kind.as_str()).copied().unwrap_or(0.0);
                    if base <= 0.0 {
                        continue;
                    }
                    contributions.push(Contribution {
                        fact: e.id.clone(),
                        title: e.title.clone(),
                        kind: e.kind.to_string(),
                        dimension: dim,
                        base,
                        rule: format!("{} event", e.kind),
                        profile: Profile::Flow { at: anchor(e.date) },
                        via,
                        dataset: None,
                        citations: cites,
                    });
                }
                "transfer" => {
                    let Some(t) = facts.transfers.iter().find(|t| t.id == entry.id) else {
                        continue;
                    };
                    contributions.extend(transfer_contributions(t, config, via, cites));
                }
                _ => {}
            }
        }
        let coverage = curated_coverage(kb, a, b, &contributions, config);
        DyadDepth {
            a: a.into(),
            b: b.into(),
            contributions,
            event_data: false,
            coverage,
            consulted: Vec::new(),
            config: config.clone(),
        }
    }

    /// Adds the `event_data` dimension: each month of event data between the two sides earns
    /// `per_log10_cooperation` points per tenfold of its cooperative events less
    /// `per_log10_conflict` per tenfold of its conflictual ones (never below zero), fading with
    /// the `[event_data]` half-life.
    pub fn with_events(mut self, ev: &crate::events::EventEvidence) -> DyadDepth {
        let s = &self.config.event_data;
        let log = |n: u64| (1.0 + n as f64).log10();
        for m in &ev.months {
            let base = s.per_log10_cooperation * log(m.cooperation) - s.per_log10_conflict * log(m.conflict);
            if base <= 0.0 {
                continue;
            }
            self.contributions.push(Contribution {
                fact: format!("events:{}", &m.month.to_string()[..7]),
                title: format!("Coded events in {}", &m.month.to_string()[..7]),
                kind: "event data".into(),
                dimension: DepthDimension::EventData,
                base,
                rule: format!(
                    "{} events: {} cooperative, {} conflictual",
                    m.events, m.cooperation, m.conflict
                ),
                profile: Profile::Pulse {
                    at: m.month.ordinal(),
                    half_life_years: s.half_life_years,
                },
                via: None,
                dataset: None,
                citations: ev.citations.clone(),
            });
        }
        if let (Some(first), Some(last)) = (ev.months.first(), ev.months.last()) {
            self.coverage.push(CoverageSpan {
                dimension: DepthDimension::EventData,
                source: "event lake".into(),
                from: Some(first.month),
                to: Some(Day {
                    day: days_in_month(last.month.year, last.month.month),
                    ..last.month
                }),
                carried_forward: false,
                records: ev.months.iter().filter(|m| m.events > 0).count(),
            });
        }
        self.event_data = true;
        self
    }

    /// Adds what the datasets hold about the dyad ([`crate::evidence::DatasetTables::dyad`]):
    /// ATOP alliances as institutional ties while in force (points by their strongest obligation,
    /// `[atop]`), SIPRI deals as defence-industrial ones (scored as curated deals are; a deal the
    /// curated data also record counts once, through the curated record, which gains the
    /// register's citation), and each year of UN voting agreement as a political signal
    /// (`[un_votes]`). Each dataset that holds records of the dyad covers its dimension over its
    /// years.
    pub fn with_datasets(mut self, ev: &crate::evidence::DyadEvidence) -> DyadDepth {
        let cfg = self.config.clone();
        let a = &cfg.atop;
        let mut atop_end: Option<i32> = None;
        for c in &ev.consulted {
            let dimension = match c.dataset.as_str() {
                crate::evidence::ATOP => DepthDimension::Institutional,
                crate::evidence::SIPRI => DepthDimension::DefenceIndustrial,
                crate::evidence::UN_VOTES => DepthDimension::Political,
                _ => continue,
            };
            let Some((first, last)) = c.years else { continue };
            if dimension == DepthDimension::Institutional {
                atop_end = Some(last);
            }
            self.coverage.push(CoverageSpan {
                dimension,
                source: c.dataset.clone(),
                from: Some(Day {
                    year: first,
                    month: 1,
                    day: 1,
                }),
                to: Some(Day {
                    year: last,
                    month: 12,
                    day: 31,
                }),
                carried_forward: c.carried_forward && (dimension != DepthDimension::Institutional || a.carry_forward),
                records: c.records,
            });
        }
        self.consulted = ev.consulted.clone();
        for t in &ev.alliances {
            let points = |name: &str| match name {
                "defence" => a.defence,
                "offence" => a.offence,
                "neutrality" => a.neutrality,
                "non-aggression" => a.non_aggression,
                "consultation" => a.consultation,
                _ => 0.0,
            };
            let Some((strongest, base)) = t
                .obligations
                .iter()
                .map(|o| (*o, points(o)))
                .max_by(|x, y| x.1.total_cmp(&y.1))
            else {
                continue;
            };
            if base <= 0.0 {
                continue;
            }
            // The same tie recorded by hand counts once, through the curated record, at the
            // larger of the two scores, citing both.
            if let Some(c) = t
                .curated
                .as_ref()
                .and_then(|id| self.contributions.iter_mut().find(|c| &c.fact == id))
            {
                let points = if base > c.base {
                    c.base = base;
                    format!(" at ATOP's points ({strongest})")
                } else {
                    String::new()
                };
                c.rule = format!(
                    "{}; the same tie as ATOP alliance {}, counted once{points}",
                    c.rule, t.atopid
                );
                for cite in &t.citations {
                    if !c.citations.contains(cite) {
                        c.citations.push(cite.clone());
                    }
                }
                continue;
            }
            let (to, rule) = match (t.end, atop_end) {
                (Some(e), _) => (
                    Some(anchor(e)),
                    format!("alliance ({}) in force", t.obligations.join(", ")),
                ),
                (None, Some(last)) if !a.carry_forward => (
                    Some(
                        Day {
                            year: last,
                            month: 12,
                            day: 31,
                        }
                        .ordinal(),
                    ),
                    format!(
                        "alliance ({}) in force at the data's end ({last}), not carried forward",
                        t.obligations.join(", ")
                    ),
                ),
                (None, last) => (
                    None,
                    format!(
                        "alliance ({}) in force at the data's end{}, carried forward",
                        t.obligations.join(", "),
                        last.map(|l| format!(" ({l})")).unwrap_or_default()
                    ),
                ),
            };
            self.contributions.push(Contribution {
                fact: format!("atop:{}", t.atopid),
                title: format!("ATOP alliance {} ({strongest})", t.atopid),
                kind: "alliance".into(),
                dimension: DepthDimension::Institutional,
                base,
                rule,
                profile: Profile::Stock {
                    from: anchor(t.start),
                    to,
                },
                via: None,
                dataset: Some(crate::evidence::ATOP.into()),
                citations: t.citations.clone(),
            });
        }
        for (transfer, cite) in &ev.linked_deals {
            for c in self.contributions.iter_mut().filter(|c| &c.fact == transfer) {
                if !c.citations.contains(cite) {
                    c.citations.push(cite.clone());
                }
            }
        }
        for d in &ev.deals {
            let t = &d.transfer;
            for mut c in transfer_contributions(t, &cfg, d.via.clone(), d.citations.clone()) {
                c.dataset = Some(crate::evidence::SIPRI.into());
                self.contributions.push(c);
            }
        }
        let u = &cfg.un_votes;
        for (y, cite) in &ev.votes {
            let Some(agreement) = y.agreement() else { continue };
            if y.joint < u.min_roll_calls {
                continue;
            }
            let base = u.per_year * ((agreement - u.baseline) / (1.0 - u.baseline)).max(0.0);
            if base <= 0.0 {
                continue;
            }
            let Ok(year) = PartialDate::year_only(y.year) else {
                continue;
            };
            self.contributions.push(Contribution {
                fact: format!("unvotes:{}", y.year),
                title: format!("UN General Assembly votes in {}", y.year),
                kind: "voting agreement".into(),
                dimension: DepthDimension::Political,
                base,
                rule: format!(
                    "agreement {:.2} over {} roll calls ({} alike, {} one abstained, {} opposed)",
                    agreement, y.joint, y.same, y.one_abstained, y.opposite
                ),
                profile: Profile::Flow { at: anchor(year) },
                via: None,
                dataset: Some(crate::evidence::UN_VOTES.into()),
                citations: vec![cite.clone()],
            });
        }
        self
    }

    /// Whether a source covers `d` on `day` (event data only once attached).
    pub fn covered(&self, d: DepthDimension, day: Day) -> bool {
        (d != DepthDimension::EventData || self.event_data)
            && self.coverage.iter().any(|c| c.dimension == d && c.covers(day))
    }

    /// The sources covering `d` on `day`.
    pub fn covered_by(&self, d: DepthDimension, day: Day) -> Vec<String> {
        self.coverage
            .iter()
            .filter(|c| c.dimension == d && c.covers(day))
            .map(CoverageSpan::label)
            .collect()
    }

    /// [`DyadDepth::build`], plus what the datasets hold about the dyad and, when `lake` holds
    /// events between the two sides, the `event_data` dimension (members count as their
    /// organisation where `members_count_for` lists a dimension).
    pub fn build_with(
        kb: &KnowledgeBase,
        a: &str,
        b: &str,
        config: &DepthConfig,
        sources: &Sources,
    ) -> Result<DyadDepth, crate::Error> {
        let mut depth = DyadDepth::build(kb, a, b, config);
        let counts = |d: DepthDimension| config.index.members_count_for.iter().any(|x| x == d.as_str());
        if let Some(tables) = sources.tables {
            depth = depth.with_datasets(&tables.dyad(kb, a, b, counts(DepthDimension::DefenceIndustrial)));
        }
        let lake_note = |depth: &mut DyadDepth, note: &str| {
            depth.consulted.push(crate::evidence::Consulted {
                dataset: "event lake".into(),
                years: None,
                carried_forward: false,
                records: 0,
                note: note.into(),
            })
        };
        let Some(lake) = sources.lake else {
            if sources.tables.is_some() {
                lake_note(
                    &mut depth,
                    "no coded events imported: `entente import gdelt2|icews|polecat FILE` adds the event-data dimension",
                );
            }
            return Ok(depth);
        };
        let mode = if counts(DepthDimension::EventData) {
            crate::events::SideMode::Both
        } else {
            crate::events::SideMode::Itself
        };
        Ok(match crate::events::evidence(lake, kb, a, b, mode)? {
            Some(ev) => depth.with_events(&ev),
            None => {
                lake_note(&mut depth, "the lake holds no event between the two sides");
                depth
            }
        })
    }

    pub fn config(&self) -> &DepthConfig {
        &self.config
    }

    /// The dimensions worth showing (a table's columns, a chart's lines, the brief's), the one
    /// rule for every surface: those with weight — event data only when attached — and any
    /// other that a fact contributes to.
    pub fn shown_dimensions(&self) -> Vec<DepthDimension> {
        DepthDimension::ALL
            .into_iter()
            .filter(|dim| {
                (self.config.weights.get(dim.as_str()).copied().unwrap_or(0.0) > 0.0
                    && (*dim != DepthDimension::EventData || self.event_data))
                    || self.contributions.iter().any(|c| c.dimension == *dim)
            })
            .collect()
    }

    fn weights(&self) -> [f64; 6] {
        let mut w = [0.0; 6];
        for d in DepthDimension::ALL {
            if d == DepthDimension::EventData && !self.event_data {
                continue;
            }
            w[d.index()] = self.config.weights.get(d.as_str()).copied().unwrap_or(0.0);
        }
        let total: f64 = w.iter().sum();
        if total > 0.0 {
            w.iter_mut().for_each(|x| *x /= total);
        }
        w
    }

    fn scale(&self, d: DepthDimension) -> f64 {
        self.config
            .scale
            .get(d.as_str())
            .copied()
            .filter(|s| *s > 0.0)
            .unwrap_or(1.0)
    }

    fn saturate(points: f64, scale: f64) -> f64 {
        100.0 * (1.0 - (-points / scale).exp())
    }

    /// Raw points per dimension on `day`.
    pub fn points_at(&self, day: Day) -> [f64; 6] {
        let t = day.ordinal();
        let mut p = [0.0; 6];
        for c in &self.contributions {
            p[c.dimension.index()] += c.base * c.factor(t, &self.config);
        }
        p
    }

    /// The index on `day`: a score for each covered dimension, "no data" for the others, and the
    /// composite over the covered ones.
    pub fn at(&self, day: Day) -> DepthPoint {
        let p = self.points_at(day);
        let w = self.weights();
        let dimensions: Vec<(DepthDimension, Option<f64>)> = DepthDimension::ALL
            .iter()
            .map(|&d| {
                (
                    d,
                    self.covered(d, day)
                        .then(|| Self::saturate(p[d.index()], self.scale(d))),
                )
            })
            .collect();
        // Summed from 0.0 (a float sum of nothing is -0.0, which prints as "-0").
        let coverage: f64 = dimensions
            .iter()
            .filter(|(_, s)| s.is_some())
            .map(|(d, _)| w[d.index()])
            .fold(0.0, |a, b| a + b);
        let weighted: f64 = dimensions.iter().filter_map(|(d, s)| s.map(|s| w[d.index()] * s)).sum();
        DepthPoint {
            date: day,
            dimensions,
            composite: (coverage > 0.0).then(|| weighted / coverage),
            coverage,
        }
    }

    /// The index at every month or year end from `from` to `to`.
    pub fn series(&self, from: Day, to: Day, step: Step) -> Vec<DepthPoint> {
        grid(from, to, step).into_iter().map(|d| self.at(d)).collect()
    }

    /// Every contribution on `day`, by dimension, largest first.
    pub fn explain(&self, day: Day) -> Explanation {
        let t = day.ordinal();
        let w = self.weights();
        let point = self.at(day);
        let mut dimensions = Vec::new();
        for d in DepthDimension::ALL {
            let mut items: Vec<ExplainItem> = self
                .contributions
                .iter()
                .filter(|c| c.dimension == d)
                .filter_map(|c| {
                    let factor = c.factor(t, &self.config);
                    (factor > 0.0).then(|| ExplainItem {
                        fact: c.fact.clone(),
                        title: c.title.clone(),
                        kind: c.kind.clone(),
                        rule: c.rule.clone(),
                        base: c.base,
                        factor,
                        points: c.base * factor,
                        via: c.via.clone(),
                        citations: c.citations.clone(),
                    })
                })
                .collect();
            items.sort_by(|a, b| b.points.total_cmp(&a.points).then(a.fact.cmp(&b.fact)));
            let points = items.iter().map(|i| i.points).sum();
            dimensions.push(DimensionExplain {
                dimension: d,
                points,
                scale: self.scale(d),
                score: point.score(d),
                covered_by: self.covered_by(d, day),
                weight: w[d.index()],
                items,
            });
        }
        Explanation {
            a: self.a.clone(),
            b: self.b.clone(),
            date: day,
            composite: point.composite,
            coverage: point.coverage,
            dimensions,
            consulted: self.consulted.clone(),
        }
    }

    /// The first day any contribution starts, if any.
    pub fn first_day(&self) -> Option<Day> {
        self.contributions
            .iter()
            .map(|c| match c.profile {
                Profile::Stock { from, .. } => from,
                Profile::Flow { at } | Profile::Pulse { at, .. } => at,
            })
            .min()
            .map(Day::from_ordinal)
    }
}

/// What the curated facts cover of a dyad. Where a fact file declares it records the pair's ties
/// of a dimension completely (`[[scope]]`), the dimension is covered over the declared interval,
/// and a date without a tie there is a recorded absence. Elsewhere the curated facts are evidence
/// only where they speak: a dimension is covered while one of its facts is in force or within one
/// half-life of it (an event or deal for `half_life_years` after its date, a relation until
/// `ended_half_life_years` after its end), and is "no data" otherwise — one recorded deal does not
/// make every later year a year without deals.
fn curated_coverage(
    kb: &KnowledgeBase,
    a: &str,
    b: &str,
    contributions: &[Contribution],
    config: &DepthConfig,
) -> Vec<CoverageSpan> {
    let years = |y: f64| (y * DAYS_PER_YEAR).round() as i64;
    let mut out = Vec::new();
    for d in DepthDimension::ALL {
        let mine: Vec<&Contribution> = contributions.iter().filter(|c| c.dimension == d).collect();
        let declared: Vec<&Scope> = match d.model() {
            Some(m) => kb.facts().scopes.iter().filter(|s| s.covers(a, b, m)).collect(),
            None => Vec::new(),
        };
        for s in &declared {
            out.push(CoverageSpan {
                dimension: d,
                source: "complete curated record".into(),
                from: s.interval.start.map(|x| x.earliest()),
                to: s.interval.end.map(|x| x.latest()),
                carried_forward: false,
                records: mine.len(),
            });
        }
        // Evidence windows, merged.
        let mut windows: Vec<(i64, Option<i64>)> = mine
            .iter()
            .map(|c| match c.profile {
                Profile::Stock { from, to } => (from, to.map(|t| t + years(config.index.ended_half_life_years))),
                Profile::Flow { at } => (at, Some(at + years(config.index.half_life_years))),
                Profile::Pulse { at, half_life_years } => (at, Some(at + years(half_life_years))),
            })
            .collect();
        windows.sort_by_key(|w| w.0);
        let mut merged: Vec<(i64, Option<i64>)> = Vec::new();
        for (from, to) in windows {
            match merged.last_mut() {
                Some((_, last)) if last.is_none_or(|l| from <= l) => {
                    *last = match (*last, to) {
                        (None, _) | (_, None) => None,
                        (Some(x), Some(y)) => Some(x.max(y)),
                    };
                }
                _ => merged.push((from, to)),
            }
        }
        for (from, to) in merged {
            out.push(CoverageSpan {
                dimension: d,
                source: "curated facts".into(),
                from: Some(Day::from_ordinal(from)),
                to: to.map(Day::from_ordinal),
                carried_forward: false,
                records: mine.len(),
            });
        }
    }
    out
}

fn transfer_contributions(
    t: &Transfer,
    cfg: &DepthConfig,
    via: Option<String>,
    cites: Vec<Citation>,
) -> Vec<Contribution> {
    let s = &cfg.transfer;
    let mut factor = 1.0;
    let mut notes = Vec::new();
    if t.status == TransferStatus::Framework {
        factor *= s.framework_factor;
        notes.push("framework only");
    }
    if t.status == TransferStatus::Cancelled {
        return Vec::new();
    }
    if !t.weapon {
        factor *= s.non_weapon_factor;
        notes.push("not a weapon system");
    }
    let units = t.ordered.unwrap_or(0);
    let base = (s.per_deal + s.per_log10_units * (1.0 + f64::from(units)).log10()) * factor;
    let title = FactRef::Transfer(t).title();
    let mut out = Vec::new();
    let anchor_day = t.order_date.map(anchor).or_else(|| {
        t.delivery_years
            .first()
            .and_then(|y| PartialDate::year_only(*y).ok())
            .map(anchor)
    });
    if let Some(at) = anchor_day {
        let extra = if notes.is_empty() {
            String::new()
        } else {
            format!(", {}", notes.join(", "))
        };
        out.push(Contribution {
            fact: t.id.clone(),
            title: title.clone(),
            kind: "transfer".into(),
            dimension: DepthDimension::DefenceIndustrial,
            base,
            rule: format!("deal: {units} units ordered{extra}"),
            profile: Profile::Flow { at },
            via: via.clone(),
            dataset: None,
            citations: cites.clone(),
        });
    }
    for y in &t.delivery_years {
        let Ok(d) = PartialDate::year_only(*y) else { continue };
        out.push(Contribution {
            fact: t.id.clone(),
            title: title.clone(),
            kind: "delivery".into(),
            dimension: DepthDimension::DefenceIndustrial,
            base: s.delivery_year * if t.weapon { 1.0 } else { s.non_weapon_factor },
            rule: format!("deliveries in {y}"),
            profile: Profile::Flow { at: anchor(d) },
            via: via.clone(),
            dataset: None,
            citations: cites.clone(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grid_covers_month_and_year_ends() {
        let d = |s: &str| PartialDate::parse(s).unwrap().earliest();
        let g = grid(d("2022-11-15"), d("2023-02-01"), Step::Month);
        let s: Vec<String> = g.iter().map(|d| d.to_string()).collect();
        assert_eq!(s, ["2022-11-30", "2022-12-31", "2023-01-31", "2023-02-28"]);
        assert_eq!(grid(d("2020-05-01"), d("2022-01-01"), Step::Year).len(), 3);
    }

    #[test]
    fn stock_and_flow_factors() {
        let cfg = DepthConfig::shipped();
        let c = |profile| Contribution {
            fact: "f".into(),
            title: "t".into(),
            kind: "k".into(),
            dimension: DepthDimension::Political,
            base: 2.0,
            rule: String::new(),
            profile,
            via: None,
            dataset: None,
            citations: vec![],
        };
        let flow = c(Profile::Flow { at: 1000 });
        assert_eq!(flow.factor(999, &cfg), 0.0);
        assert_eq!(flow.factor(1000, &cfg), 1.0);
        let half = 1000 + (cfg.index.half_life_years * DAYS_PER_YEAR) as i64;
        assert!((flow.factor(half, &cfg) - 0.5).abs() < 0.01);
        let stock = c(Profile::Stock {
            from: 100,
            to: Some(200),
        });
        assert_eq!(stock.factor(150, &cfg), 1.0);
        assert!(stock.factor(300, &cfg) < 1.0 && stock.factor(300, &cfg) > 0.5);
    }
}
