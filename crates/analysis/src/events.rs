//! Coded event data (GDELT, ICEWS, POLECAT in the event lake) as evidence about a dyad.
//!
//! - [`side`]: a side of a dyad for lake queries: an actor itself, or an organisation's members at
//!   each date (from the knowledge base's membership facts), or both;
//! - [`evidence`]: the monthly cooperation and conflict counts between two sides, with the lake's
//!   sources as citations; [`crate::DyadDepth::with_events`] turns them into the index's
//!   `event_data` dimension.

use entente_events::{
    Day as LakeDay, EventData, Granularity, LakeStats, Membership, SeriesQuery, SideSpec, SourceKind,
};
use entente_kb::{Citation, KnowledgeBase};
use entente_model::{Day, RelationKind};
use serde::Serialize;

/// How an organisation stands in a dyad of event data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SideMode {
    /// The actor itself (events coded with NATO as an actor).
    Itself,
    /// Its members, each from its accession to its exit (events of Poland count from 1999).
    Members,
    /// Both.
    Both,
}

fn lake_day(d: Day) -> LakeDay {
    LakeDay(d.ordinal() as i32)
}

/// The day of the event lake as the model's day.
pub fn model_day(d: LakeDay) -> Day {
    Day::from_ordinal(i64::from(d.0))
}

/// One side of a dyad. An actor without members (a state) is itself whatever the mode.
pub fn side(kb: &KnowledgeBase, id: &str, mode: SideMode) -> SideSpec {
    let mut members: Vec<Membership> = Vec::new();
    if mode != SideMode::Itself {
        for r in &kb.facts().relations {
            if r.kind == RelationKind::Membership && r.object == id {
                members.push(Membership {
                    actor: r.subject.clone(),
                    from: r.interval.start.map(|d| lake_day(d.earliest())),
                    to: r.interval.end.map(|d| lake_day(d.latest())),
                });
            }
        }
    }
    if members.is_empty() {
        return SideSpec::actor(id);
    }
    if mode == SideMode::Both {
        members.insert(
            0,
            Membership {
                actor: id.to_string(),
                from: None,
                to: None,
            },
        );
    }
    SideSpec::Members(members)
}

/// A month of event data between two sides.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventMonth {
    /// The month's first day.
    pub month: Day,
    pub events: u64,
    /// Verbal and material cooperation (quad classes 1 and 2).
    pub cooperation: u64,
    /// Verbal and material conflict (quad classes 3 and 4).
    pub conflict: u64,
}

/// Monthly event counts between two sides, with what they were read from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventEvidence {
    pub a: String,
    pub b: String,
    pub mode: SideMode,
    /// Every month from the first to the last month the lake holds for the dyad, zeros included.
    pub months: Vec<EventMonth>,
    /// One citation per source in the lake (GDELT, ICEWS…), with the months read as locator.
    pub citations: Vec<Citation>,
}

impl EventEvidence {
    pub fn total(&self) -> u64 {
        self.months.iter().map(|m| m.events).sum()
    }
}

/// The lake's sources as citations, with the months they cover as locator (none when the lake
/// is out of this machine's sight, as a cluster's may be).
pub fn lake_citations(data: &dyn EventData) -> Vec<Citation> {
    data.stats().map(|s| citations(&s)).unwrap_or_default()
}

/// Citations for what a lake holds.
pub fn citations(stats: &LakeStats) -> Vec<Citation> {
    SourceKind::ALL
        .into_iter()
        .filter_map(|k| {
            let s = stats.sources.get(k.name())?;
            let (title, publisher, url) = k.reference();
            Some(Citation {
                source: format!("event-lake-{}", k.name()),
                url: url.to_string(),
                publisher: publisher.to_string(),
                title: Some(title.to_string()),
                locator: Some(format!(
                    "entente event lake, source={}, {} to {}, {} events",
                    k.name(),
                    s.first_month,
                    s.last_month,
                    s.events
                )),
            })
        })
        .collect()
}

/// Monthly counts between `a` and `b` in both directions, or `None` when the lake holds no event
/// between them. Members count as their organisation when `mode` says so.
pub fn evidence(
    lake: &dyn EventData,
    kb: &KnowledgeBase,
    a: &str,
    b: &str,
    mode: SideMode,
) -> Result<Option<EventEvidence>, crate::Error> {
    let q = SeriesQuery {
        a: side(kb, a, mode),
        b: side(kb, b, mode),
        by: Granularity::Month,
        from: None,
        to: None,
        symmetric: true,
        sources: Vec::new(),
    };
    let rows = lake.dyad_series(&q)?;
    let months: Vec<EventMonth> = rows
        .iter()
        .map(|r| EventMonth {
            month: model_day(r.start),
            events: r.counts.events,
            cooperation: r.counts.quad[0] + r.counts.quad[1],
            conflict: r.counts.quad[2] + r.counts.quad[3],
        })
        .collect();
    if months.iter().all(|m| m.events == 0) {
        return Ok(None);
    }
    Ok(Some(EventEvidence {
        a: a.to_string(),
        b: b.to_string(),
        mode,
        months,
        citations: lake_citations(lake),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nato_members_enter_at_accession() {
        let kb = KnowledgeBase::new(
            entente_facts::load(entente_facts::shipped())
                .into_result()
                .expect("shipped data"),
        );
        let SideSpec::Members(m) = side(&kb, "NATO", SideMode::Both) else {
            panic!("NATO has members")
        };
        assert_eq!(m[0].actor, "NATO");
        let pol = m.iter().find(|m| m.actor == "POL").expect("Poland is a member");
        assert_eq!(pol.from.map(|d| d.to_string()).as_deref(), Some("1999-03-12"));
        let SideSpec::Members(only) = side(&kb, "NATO", SideMode::Members) else {
            panic!("NATO has members")
        };
        assert!(only.iter().all(|m| m.actor != "NATO"));
        assert_eq!(side(&kb, "KOR", SideMode::Both), SideSpec::actor("KOR"));
    }
}
