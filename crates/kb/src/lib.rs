//! The in-memory knowledge base and its queries.
//!
//! A [`KnowledgeBase`] holds a validated dataset with the indexes the questions need: actors by
//! any name or code, an actor's parts (an agency of a state, a centre of an alliance), who was a
//! member of what on a given day. On top of that it answers the core questions — a chronology of a
//! partnership, the state of an actor on a date, who bought what from whom — returning plain
//! result types that surfaces (CLI, HTTP) render without further logic.

mod names;
mod queries;

pub use names::{normalize, NameIndex, NameKind};
pub use queries::*;

use entente_facts::Dataset;
use entente_model::*;
use serde::Serialize;
use std::collections::HashMap;
use std::fmt;

/// A dataset with its indexes.
pub struct KnowledgeBase {
    data: Dataset,
    actor_index: HashMap<String, usize>,
    source_index: HashMap<String, usize>,
    names: NameIndex,
    children: HashMap<String, Vec<usize>>,
    /// Membership relations by member: indices into the relations.
    memberships: HashMap<String, Vec<usize>>,
    /// Every fact by the actors it names: positions in `all_facts`' order.
    by_participant: HashMap<String, Vec<usize>>,
}

/// Why an actor name could not be resolved.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "error", rename_all = "snake_case")]
pub enum ResolveError {
    /// Nothing is called that; `suggestions` are the closest names (actor id, label).
    Unknown {
        query: String,
        suggestions: Vec<(String, String)>,
    },
    /// Several actors are called that, equally.
    Ambiguous {
        query: String,
        candidates: Vec<(String, String)>,
    },
}

impl fmt::Display for ResolveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let list = |v: &[(String, String)]| {
            v.iter()
                .map(|(id, label)| format!("{id} ({label})"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        match self {
            ResolveError::Unknown { query, suggestions } if suggestions.is_empty() => {
                write!(
                    f,
                    "unknown actor `{query}`: no actor has that id, name, alias or code (try `entente search`)"
                )
            }
            ResolveError::Unknown { query, suggestions } => {
                write!(f, "unknown actor `{query}`; did you mean {}?", list(suggestions))
            }
            ResolveError::Ambiguous { query, candidates } => {
                write!(
                    f,
                    "`{query}` could be {}: use an id or code to choose",
                    list(candidates)
                )
            }
        }
    }
}

impl std::error::Error for ResolveError {}

/// One search result.
#[derive(Clone, Debug, Serialize)]
pub struct SearchHit {
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    /// The label that matched.
    pub matched: String,
    pub matched_as: NameKind,
    pub score: f64,
}

impl KnowledgeBase {
    pub fn new(data: Dataset) -> KnowledgeBase {
        let actors = &data.facts.actors;
        let actor_index = actors.iter().enumerate().map(|(i, a)| (a.id.clone(), i)).collect();
        let source_index = data
            .facts
            .sources
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), i))
            .collect();
        let mut children: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, a) in actors.iter().enumerate() {
            if let Some(p) = &a.parent {
                children.entry(p.clone()).or_default().push(i);
            }
        }
        let names = NameIndex::new(actors);
        let mut memberships: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, r) in data.facts.relations.iter().enumerate() {
            if r.kind == RelationKind::Membership {
                memberships.entry(r.subject.clone()).or_default().push(i);
            }
        }
        let mut kb = KnowledgeBase {
            data,
            actor_index,
            source_index,
            names,
            children,
            memberships,
            by_participant: HashMap::new(),
        };
        let mut by_participant: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, f) in kb.all_facts().enumerate() {
            for p in f.participants() {
                let at = by_participant.entry(p.clone()).or_default();
                if at.last() != Some(&i) {
                    at.push(i);
                }
            }
        }
        kb.by_participant = by_participant;
        kb
    }

    /// The fact at position `i` of `all_facts`' order.
    pub(crate) fn fact_at(&self, i: usize) -> Option<FactRef<'_>> {
        let f = &self.data.facts;
        let (r, e, t) = (f.relations.len(), f.events.len(), f.transfers.len());
        if i < r {
            Some(FactRef::Relation(&f.relations[i]))
        } else if i < r + e {
            Some(FactRef::Event(&f.events[i - r]))
        } else if i < r + e + t {
            Some(FactRef::Transfer(&f.transfers[i - r - e]))
        } else {
            f.drivers.get(i - r - e - t).map(FactRef::Driver)
        }
    }

    /// The positions (in `all_facts`' order, ascending) of the facts that name any of `ids`.
    pub(crate) fn facts_naming<'a>(&self, ids: impl Iterator<Item = &'a str>) -> Vec<usize> {
        let mut at: Vec<usize> = ids
            .filter_map(|id| self.by_participant.get(id))
            .flatten()
            .copied()
            .collect();
        at.sort_unstable();
        at.dedup();
        at
    }

    pub fn dataset(&self) -> &Dataset {
        &self.data
    }

    pub fn facts(&self) -> &FactSet {
        &self.data.facts
    }

    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actor_index.get(id).map(|&i| &self.data.facts.actors[i])
    }

    /// The actor's display name, or the id itself for an unknown id.
    pub fn name_of<'a>(&'a self, id: &'a str) -> &'a str {
        self.actor(id).map_or(id, Actor::display_name)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.source_index.get(id).map(|&i| &self.data.facts.sources[i])
    }

    /// Every fact, of every kind.
    pub fn all_facts(&self) -> impl Iterator<Item = FactRef<'_>> {
        let f = &self.data.facts;
        f.relations
            .iter()
            .map(FactRef::Relation)
            .chain(f.events.iter().map(FactRef::Event))
            .chain(f.transfers.iter().map(FactRef::Transfer))
            .chain(f.drivers.iter().map(FactRef::Driver))
    }

    /// Finds the actor a user means by an id, name, alias, demonym or code
    /// (`KOR`, `ROK`, `South Korea`, `South Korean`, `732`, `Q884` all give the Republic of Korea).
    pub fn resolve(&self, query: &str) -> Result<&Actor, ResolveError> {
        if let Some(a) = self.actor(query.trim()) {
            return Ok(a);
        }
        let hits = self.names.exact(query);
        if let Some(&(first, kind)) = hits.first() {
            let tied: Vec<usize> = hits.iter().filter(|(_, k)| *k == kind).map(|(i, _)| *i).collect();
            if tied.len() == 1 {
                return Ok(&self.data.facts.actors[first]);
            }
            let candidates = tied.iter().map(|&i| {
                let a = &self.data.facts.actors[i];
                (a.id.clone(), a.display_name().to_string())
            });
            return Err(ResolveError::Ambiguous {
                query: query.to_string(),
                candidates: candidates.collect(),
            });
        }
        let suggestions = self
            .search(query, 3)
            .into_iter()
            .map(|h| {
                (
                    h.id,
                    if h.matched == h.name {
                        h.name
                    } else {
                        format!("{}: {}", h.name, h.matched)
                    },
                )
            })
            .collect();
        Err(ResolveError::Unknown {
            query: query.to_string(),
            suggestions,
        })
    }

    /// Fuzzy search over every actor's names, aliases, demonyms and codes.
    pub fn search(&self, text: &str, limit: usize) -> Vec<SearchHit> {
        self.names
            .fuzzy(text)
            .into_iter()
            .take(limit)
            .map(|(i, label, kind, score)| {
                let a = &self.data.facts.actors[i];
                SearchHit {
                    id: a.id.clone(),
                    name: a.display_name().to_string(),
                    kind: a.kind,
                    matched: label.to_string(),
                    matched_as: kind,
                    score: (score * 1000.0).round() / 1000.0,
                }
            })
            .collect()
    }

    /// The actor's direct parts (bodies, agencies, companies, operations, people).
    pub fn children(&self, id: &str) -> impl Iterator<Item = &Actor> {
        self.children
            .get(id)
            .into_iter()
            .flatten()
            .map(|&i| &self.data.facts.actors[i])
    }

    /// The actor and everything below it in the parent tree.
    pub fn descendants(&self, id: &str) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        let Some(root) = self.actor(id) else { return out };
        let mut stack = vec![root.id.as_str()];
        while let Some(cur) = stack.pop() {
            if out.contains(&cur) {
                continue;
            }
            out.push(cur);
            stack.extend(self.children(cur).map(|a| a.id.as_str()));
        }
        out
    }

    /// Membership relations of `org` in force on `day` (whose subject is a member).
    pub fn members_at(&self, org: &str, day: Day) -> Vec<&Relation> {
        let mut v: Vec<&Relation> = self
            .data
            .facts
            .relations
            .iter()
            .filter(|r| r.kind == RelationKind::Membership && r.object == org && r.interval.contains(day))
            .collect();
        v.sort_by(|a, b| a.interval.start.cmp(&b.interval.start).then(a.subject.cmp(&b.subject)));
        v
    }

    /// The membership of `member` in `org` in force on `day`, if any.
    pub fn membership_at(&self, member: &str, org: &str, day: Day) -> Option<&Relation> {
        self.memberships
            .get(member)?
            .iter()
            .map(|&i| &self.data.facts.relations[i])
            .find(|r| r.object == org && r.interval.contains(day))
    }

    /// Whether one of `a` and `b` is a member of the other on `day` (a state and an organisation
    /// it belongs to). Between them, what the organisation's members do is done within it: it
    /// is not a tie between the two.
    pub fn within(&self, a: &str, b: &str, day: Day) -> bool {
        self.membership_at(a, b, day).is_some() || self.membership_at(b, a, day).is_some()
    }

    /// Citations of a fact, resolved to their sources (unknown ids are skipped: the loader
    /// guarantees there are none).
    pub fn cite(&self, refs: &[SourceRef]) -> Vec<Citation> {
        refs.iter()
            .filter_map(|r| {
                let s = self.source(&r.source)?;
                Some(Citation {
                    source: s.id.clone(),
                    url: s.url.clone(),
                    publisher: s.publisher.clone(),
                    title: s.title.clone(),
                    locator: r.locator.clone(),
                })
            })
            .collect()
    }
}

/// A source as cited by one fact.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Citation {
    pub source: String,
    pub url: String,
    pub publisher: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locator: Option<String>,
}
