//! The core questions: a chronology, the state on a date, arms transfers, an actor's profile.

use crate::{Citation, KnowledgeBase};
use entente_model::*;
use serde::Serialize;

/// What a chronology should contain.
#[derive(Clone, Debug, Default)]
pub struct TimelineQuery {
    /// One actor (its own chronology) or two (the dyad's). Ids, already resolved.
    pub actors: Vec<String>,
    /// Count an alliance's or grouping's members (at each fact's date) as part of it, so that a
    /// deal with Poland in 2022 belongs to NATO's side.
    pub members: bool,
    /// Keep only facts of these kinds (`summit`, `programme`, `transfer`, `driver`…) or
    /// dimensions (`cyber`, `political`…); empty keeps everything.
    pub kinds: Vec<String>,
    pub from: Option<PartialDate>,
    pub to: Option<PartialDate>,
}

/// One line of a chronology.
#[derive(Clone, Debug, Serialize)]
pub struct TimelineEntry {
    pub date: Option<PartialDate>,
    /// End of the interval, for relations (and multi-day events).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<PartialDate>,
    /// `relation`, `event`, `transfer` or `driver`.
    pub fact: &'static str,
    /// The fact's own kind (`programme`, `summit`, `artillery`…).
    pub kind: String,
    pub dimension: Dimension,
    pub title: String,
    /// The actors the fact names.
    pub actors: Vec<String>,
    /// For entries brought in by `members`: which member stood for the alliance.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
    pub id: String,
    pub citations: Vec<Citation>,
    /// The dataset an entry is derived from (`ATOP v4.01`, `SIPRI register`); none for a curated
    /// fact.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub derived: Option<String>,
    /// For a record proposed from an article and accepted by a reviewer: how (`entente propose`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reviewed: Option<Review>,
}

impl TimelineQuery {
    /// Whether an entry of this kind, fact word and dimension passes the `kinds` filter.
    pub fn wants(&self, kind: &str, fact: &str, dimension: Dimension) -> bool {
        if self.kinds.is_empty() {
            return true;
        }
        let norm = |k: &str| k.to_lowercase().replace('-', "_");
        let base = kind.split(':').next().unwrap_or(kind);
        self.kinds
            .iter()
            .map(|k| norm(k))
            .any(|k| k == norm(kind) || k == norm(base) || k == fact || k == dimension.as_str())
    }

    /// Whether a fact placed at `date` falls in the `from`–`to` window. An undated fact cannot be
    /// placed, so it belongs to a chronology without a window only.
    pub fn in_window(&self, date: Option<PartialDate>) -> bool {
        match date {
            None => self.from.is_none() && self.to.is_none(),
            Some(d) => {
                self.from.is_none_or(|f| d.latest() >= f.earliest())
                    && self.to.is_none_or(|t| d.earliest() <= t.latest())
            }
        }
    }
}

/// A chronology.
#[derive(Clone, Debug, Serialize)]
pub struct Timeline {
    pub actors: Vec<String>,
    pub entries: Vec<TimelineEntry>,
}

/// The kind word and dimension of a fact, as the timeline shows them.
pub fn kind_and_dimension(f: &FactRef) -> (String, Dimension) {
    match f {
        FactRef::Relation(r) => (r.kind.to_string(), r.dimension),
        FactRef::Event(e) => (e.kind.to_string(), e.dimension),
        FactRef::Transfer(_) => ("transfer".to_string(), Dimension::DefenceIndustrial),
        FactRef::Driver(d) => (format!("driver:{}", d.kind), Dimension::Context),
    }
}

fn fact_word(f: &FactRef) -> &'static str {
    match f {
        FactRef::Relation(_) => "relation",
        FactRef::Event(_) => "event",
        FactRef::Transfer(_) => "transfer",
        FactRef::Driver(_) => "driver",
    }
}

fn end_of(f: &FactRef) -> Option<PartialDate> {
    match f {
        FactRef::Relation(r) => r.interval.end,
        FactRef::Event(e) => e.end,
        _ => None,
    }
}

/// Who stands for one side of a query: the actor and its parts, and, where members count, each
/// part of a member with the memberships it stands through (earliest first), so that a fact's
/// participants are looked up, not a side rebuilt for every fact's date.
struct Side<'a> {
    own: std::collections::HashSet<&'a str, foldhash::fast::RandomState>,
    through: std::collections::HashMap<&'a str, Vec<&'a Relation>, foldhash::fast::RandomState>,
}

impl Side<'_> {
    /// The member `p` stands through on `day` (`Some(None)`: it is the actor or one of its
    /// parts; `None`: it is not on this side then).
    fn via(&self, p: &str, day: Option<Day>) -> Option<Option<&String>> {
        if self.own.contains(p) {
            return Some(None);
        }
        let day = day?;
        let r = self.through.get(p)?.iter().find(|r| r.interval.contains(day))?;
        Some(Some(&r.subject))
    }
}

impl KnowledgeBase {
    /// The side of `id`: itself and its parts, plus, with `members`, its members' parts.
    fn side(&self, id: &str, members: bool) -> Side<'_> {
        let own = self.descendants(id).into_iter().collect();
        let mut through: std::collections::HashMap<&str, Vec<&Relation>, foldhash::fast::RandomState> =
            Default::default();
        if members {
            for r in self
                .data
                .facts
                .relations
                .iter()
                .filter(|r| r.kind == RelationKind::Membership && r.object == id)
            {
                for d in self.descendants(&r.subject) {
                    through.entry(d).or_default().push(r);
                }
            }
            for v in through.values_mut() {
                v.sort_by(|a, b| a.interval.start.cmp(&b.interval.start).then(a.subject.cmp(&b.subject)));
            }
        }
        Side { own, through }
    }

    /// A chronology of one actor or of a dyad, oldest first.
    pub fn timeline(&self, q: &TimelineQuery) -> Timeline {
        let mut entries = Vec::new();
        let sides: Vec<Side<'_>> = q.actors.iter().map(|a| self.side(a, q.members)).collect();
        // (Only the facts that name someone of the first side can be in it.)
        let facts: Box<dyn Iterator<Item = FactRef<'_>>> = match sides.first() {
            Some(side) => {
                let at = self.facts_naming(side.own.iter().chain(side.through.keys()).copied());
                Box::new(at.into_iter().filter_map(|i| self.fact_at(i)))
            }
            None => Box::new(self.all_facts()),
        };
        for f in facts {
            let date = f.date();
            let (kind, dimension) = kind_and_dimension(&f);
            if !q.wants(&kind, fact_word(&f), dimension) {
                continue;
            }
            let end = end_of(&f);
            // A chronology lists what happened in the window: facts are placed at their date.
            if !q.in_window(date) {
                continue;
            }
            let participants = f.participants();
            let day = date.map(|d| d.latest());
            // (Most facts name no one of some side: passed over before anything is gathered.)
            if !sides
                .iter()
                .all(|side| participants.iter().any(|p| side.via(p, day).is_some()))
            {
                continue;
            }
            let matched: Vec<Vec<(&str, Option<&String>)>> = sides
                .iter()
                .map(|side| {
                    participants
                        .iter()
                        .filter_map(|p| side.via(p, day).map(|via| (p.as_str(), via)))
                        .collect()
                })
                .collect();
            let involved = match matched.as_slice() {
                [a] => !a.is_empty(),
                [a, b] => a.iter().any(|(p, _)| b.iter().any(|(q, _)| p != q)),
                _ => false,
            };
            if !involved {
                continue;
            }
            // An entry that only belongs through a member says which member.
            let via = matched
                .iter()
                .filter(|m| m.iter().all(|(_, via)| via.is_some()))
                .find_map(|m| m.first().and_then(|(_, v)| v.cloned()));
            entries.push(TimelineEntry {
                date,
                end,
                fact: fact_word(&f),
                kind,
                dimension,
                title: f.title(),
                actors: participants.iter().map(|p| p.to_string()).collect(),
                via,
                id: f.id().to_string(),
                citations: self.cite(f.sources()),
                derived: None,
                reviewed: f.review().cloned(),
            });
        }
        entries.sort_by(|a, b| a.date.cmp(&b.date).then(a.id.cmp(&b.id)));
        Timeline {
            actors: q.actors.clone(),
            entries,
        }
    }
}

/// One line of an as-of state.
#[derive(Clone, Debug, Serialize)]
pub struct StateEntry {
    /// How the counterpart stands to the actor (`member`, `partner`, `programme`, `member of`…).
    pub role: String,
    pub counterpart: String,
    pub counterpart_name: String,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    pub since: Option<PartialDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<PartialDate>,
    pub id: String,
    pub citations: Vec<Citation>,
    /// The dataset an entry is derived from; none for a curated fact.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub derived: Option<String>,
}

/// An actor's relations in force on a date.
#[derive(Clone, Debug, Serialize)]
pub struct StateAt {
    pub actor: String,
    pub date: Day,
    /// Number of members in force.
    pub member_count: usize,
    pub entries: Vec<StateEntry>,
}

fn role(kind: RelationKind, actor_is_object: bool) -> &'static str {
    use RelationKind::*;
    match (kind, actor_is_object) {
        (Membership, true) => "member",
        (Membership, false) => "member of",
        (Participation, true) => "participant",
        (Participation, false) => "participant in",
        (Partnership, true) => "partner",
        (Partnership, false) => "partner of",
        (Programme, true) => "programme",
        (Programme, false) => "programme with",
        (Treaty, _) => "treaty",
        (Alliance, _) => "alliance",
        (Deployment, true) => "contributor",
        (Deployment, false) => "deployed in",
        (Office, true) => "office holder",
        (Office, false) => "holds office in",
    }
}

impl KnowledgeBase {
    /// Everything in force for `actor` on `day`: its members, partners, programmes, memberships,
    /// deployments, treaties. Relations of its parts (an agency's participation in a centre) count
    /// as its own.
    pub fn state_at(&self, actor: &str, day: Day) -> StateAt {
        let parts: Vec<&str> = self.descendants(actor);
        let mut entries = Vec::new();
        let mut member_count = 0;
        for r in &self.facts().relations {
            if !r.interval.contains(day) {
                continue;
            }
            let as_object = r.object == actor;
            let as_subject = parts.contains(&r.subject.as_str()) && !parts.contains(&r.object.as_str());
            if !(as_object || as_subject) {
                continue;
            }
            if as_object && r.kind == RelationKind::Membership {
                member_count += 1;
            }
            let other = if as_object { &r.subject } else { &r.object };
            entries.push(StateEntry {
                role: role(r.kind, as_object).to_string(),
                counterpart: other.clone(),
                counterpart_name: self.name_of(other).to_string(),
                title: r.title.clone(),
                status: r.status.clone().or_else(|| r.programme.clone()),
                since: r.interval.start,
                until: r.interval.end,
                id: r.id.clone(),
                citations: self.cite(&r.sources),
                derived: None,
            });
        }
        entries.sort_by(|a, b| {
            a.role
                .cmp(&b.role)
                .then(a.since.cmp(&b.since))
                .then(a.counterpart.cmp(&b.counterpart))
        });
        StateAt {
            actor: actor.to_string(),
            date: day,
            member_count,
            entries,
        }
    }
}

/// When to test a recipient's membership of an organisation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MembershipAt {
    /// On the date of the order (the last day it could denote, for a partial date).
    #[default]
    Deal,
    /// On a fixed day.
    Day(Day),
}

/// Which arms transfers to list.
#[derive(Clone, Debug, Default)]
pub struct TransferQuery {
    pub supplier: Option<String>,
    pub recipient: Option<String>,
    /// Only recipients that are members of this organisation (see `membership_at`).
    pub recipient_in: Option<String>,
    pub membership_at: MembershipAt,
    pub from: Option<PartialDate>,
    pub to: Option<PartialDate>,
    /// Leave out equipment that is not a weapon system.
    pub weapons_only: bool,
}

impl KnowledgeBase {
    /// `t` as a row of `q`'s answer, or `None` if the query leaves it out (the one place that
    /// decides which deal a transfer query keeps, for curated deals and derived ones alike).
    pub fn transfer_row(&self, t: &Transfer, citations: Vec<Citation>, q: &TransferQuery) -> Option<TransferRow> {
        if q.supplier.as_ref().is_some_and(|s| *s != t.supplier)
            || q.recipient.as_ref().is_some_and(|r| *r != t.recipient)
            || (q.weapons_only && !t.weapon)
        {
            return None;
        }
        if let (Some(from), Some(d)) = (q.from, t.order_date) {
            if d.latest() < from.earliest() {
                return None;
            }
        }
        if let (Some(to), Some(d)) = (q.to, t.order_date) {
            if d.earliest() > to.latest() {
                return None;
            }
        }
        let mut member_since = None;
        if let Some(org) = &q.recipient_in {
            let day = match q.membership_at {
                MembershipAt::Day(d) => Some(d),
                MembershipAt::Deal => t.order_date.map(|d| d.latest()),
            };
            member_since = day
                .and_then(|d| self.membership_at(&t.recipient, org, d))?
                .interval
                .start;
        }
        Some(TransferRow {
            transfer: t.clone(),
            supplier_name: self.name_of(&t.supplier).to_string(),
            recipient_name: self.name_of(&t.recipient).to_string(),
            member_since,
            citations,
            derived: None,
        })
    }
}

/// A transfer as listed, with names and the recipient's membership.
#[derive(Clone, Debug, Serialize)]
pub struct TransferRow {
    #[serde(flatten)]
    pub transfer: Transfer,
    pub supplier_name: String,
    pub recipient_name: String,
    /// With `recipient_in`: the recipient's membership date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub member_since: Option<PartialDate>,
    pub citations: Vec<Citation>,
    /// The dataset a row is derived from (`SIPRI register`); none for a curated deal.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub derived: Option<String>,
}

impl KnowledgeBase {
    /// Arms transfers matching the query, by order date.
    pub fn transfers(&self, q: &TransferQuery) -> Vec<TransferRow> {
        let mut rows: Vec<TransferRow> = self
            .facts()
            .transfers
            .iter()
            .filter_map(|t| self.transfer_row(t, self.cite(&t.sources), q))
            .collect();
        rows.sort_by(|a, b| {
            a.transfer
                .order_date
                .cmp(&b.transfer.order_date)
                .then(a.transfer.id.cmp(&b.transfer.id))
        });
        rows
    }
}

/// A relation seen from one actor.
#[derive(Clone, Debug, Serialize)]
pub struct ProfileRelation {
    pub role: String,
    pub counterpart: String,
    pub counterpart_name: String,
    pub title: String,
    #[serde(flatten)]
    pub interval: Interval,
    pub id: String,
}

/// Everything about one actor: identity, codes, place in the tree, relations, activity.
#[derive(Clone, Debug, Serialize)]
pub struct Profile {
    pub actor: Actor,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent_name: Option<String>,
    /// (id, name, kind) of its direct parts.
    pub parts: Vec<(String, String, ActorKind)>,
    pub relations: Vec<ProfileRelation>,
    pub events: usize,
    pub transfers_supplied: usize,
    pub transfers_received: usize,
}

impl KnowledgeBase {
    pub fn profile(&self, id: &str) -> Option<Profile> {
        let actor = self.actor(id)?.clone();
        let parent_name = actor.parent.as_deref().map(|p| self.name_of(p).to_string());
        let parts = self
            .children(id)
            .map(|c| (c.id.clone(), c.display_name().to_string(), c.kind))
            .collect();
        let mut relations: Vec<ProfileRelation> = self
            .facts()
            .relations
            .iter()
            .filter(|r| r.subject == id || r.object == id)
            .map(|r| {
                let as_object = r.object == id;
                let other = if as_object { &r.subject } else { &r.object };
                ProfileRelation {
                    role: role(r.kind, as_object).to_string(),
                    counterpart: other.clone(),
                    counterpart_name: self.name_of(other).to_string(),
                    title: r.title.clone(),
                    interval: r.interval,
                    id: r.id.clone(),
                }
            })
            .collect();
        relations.sort_by(|a, b| a.interval.start.cmp(&b.interval.start).then(a.id.cmp(&b.id)));
        let events = self
            .facts()
            .events
            .iter()
            .filter(|e| e.participants().any(|p| p == id))
            .count();
        let transfers_supplied = self.facts().transfers.iter().filter(|t| t.supplier == id).count();
        let transfers_received = self.facts().transfers.iter().filter(|t| t.recipient == id).count();
        Some(Profile {
            actor,
            parent_name,
            parts,
            relations,
            events,
            transfers_supplied,
            transfers_received,
        })
    }
}
