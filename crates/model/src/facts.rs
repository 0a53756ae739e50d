//! Actors, facts and sources.

use crate::date::{Interval, PartialDate};
use crate::vocab::*;
use serde::Serialize;

/// The identifier of an actor: a state's ISO 3166 alpha-3 code (`KOR`), an organisation's usual
/// short name (`NATO`, `CCDCOE`), or a lower-case slug for anything else (`kor-nis`).
pub type ActorId = String;
/// The identifier of a fact (relation, event, transfer or driver).
pub type FactId = String;
/// The identifier of a source in the source register.
pub type SourceId = String;

/// Standard codes for an actor. Each is optional: a company has no COW code.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Codes {
    /// ISO 3166-1 alpha-3.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iso3: Option<String>,
    /// ISO 3166-1 alpha-2.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iso2: Option<String>,
    /// Correlates of War state number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cow: Option<u16>,
    /// Gleditsch–Ward state number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gw: Option<u16>,
    /// CAMEO actor code (country code, or IGO code such as `NAT`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cameo: Option<String>,
    /// FIPS 10-4 country code, as used by GDELT's geography fields.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fips: Option<String>,
    /// Wikidata item (`Q884`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<String>,
}

impl Codes {
    /// Every code as (scheme, value), for display and indexing.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        let mut push = |k: &'static str, v: Option<String>| {
            if let Some(v) = v {
                out.push((k, v));
            }
        };
        push("iso3", self.iso3.clone());
        push("iso2", self.iso2.clone());
        push("cow", self.cow.map(|c| c.to_string()));
        push("gw", self.gw.map(|c| c.to_string()));
        push("cameo", self.cameo.clone());
        push("fips", self.fips.clone());
        push("wikidata", self.wikidata.clone());
        out
    }
}

/// Someone who acts in a partnership.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Actor {
    pub id: ActorId,
    pub kind: ActorKind,
    /// The full, formal name.
    pub name: String,
    /// The name analysts use (`South Korea`, `NATO`), when it differs from `name`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub short_name: Option<String>,
    pub aliases: Vec<String>,
    /// Adjectives and nouns for the actor's people or organs (`South Korean`, `Polish`).
    pub demonyms: Vec<String>,
    /// A state's capital city (`Seoul`), where recorded. Not a name of the actor (search does not
    /// match it); the claim extractor reads it as a place, or as the state's government in
    /// metonymy ("Seoul said"), never as the state's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capital: Option<String>,
    /// Where a state's government sits when that is not its capital (`Colombo` for Sri Lanka,
    /// whose capital is Sri Jayawardenepura Kotte): read as the capital is.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub seat: Option<String>,
    pub codes: Codes,
    /// The actor this one belongs to (an agency's state, a centre's alliance, a person's state).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<ActorId>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SourceRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Actor {
    /// The cities that stand for a state's government: its capital, then its seat of government
    /// where that is another city.
    pub fn seats(&self) -> impl Iterator<Item = &str> {
        [self.capital.as_deref(), self.seat.as_deref()].into_iter().flatten()
    }

    /// The name to show: the short name when there is one.
    pub fn display_name(&self) -> &str {
        self.short_name.as_deref().unwrap_or(&self.name)
    }

    /// The code analysts expect for this actor: ISO3 for a state, the id otherwise.
    pub fn code(&self) -> &str {
        match (&self.kind, &self.codes.iso3) {
            (ActorKind::State, Some(iso3)) => iso3,
            _ => &self.id,
        }
    }
}

/// Where a fact comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Source {
    pub id: SourceId,
    /// The address (URL) of the document.
    pub url: String,
    pub publisher: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<PartialDate>,
    /// A short note in our own words on what the source says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A fact's citation of a source, optionally saying where in it (a section, a table row).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SourceRef {
    pub source: SourceId,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locator: Option<String>,
}

/// How a record came from an article: proposed by `entente propose` from a claim the data did not
/// hold, then accepted (possibly edited) by a reviewer. Records typed by hand have none.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Review {
    /// The article's `[[source]]` (also among the record's sources).
    pub article: SourceId,
    /// The sentence the claim was read from, as the article has it.
    pub quote: String,
    /// Byte offsets of the quote in the article as read, where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<(usize, usize)>,
    /// The extractor's confidence in the claim, 0–1.
    pub confidence: f64,
    /// The day entente proposed the record.
    pub proposed: PartialDate,
    /// The day a reviewer accepted it; absent while it is only a proposal.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accepted: Option<PartialDate>,
    /// The fields the reviewer changed before accepting (`date`, `actors` …).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub edited: Vec<String>,
}

/// A deployment's particulars.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Deployment {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Personnel, where known (a typical or maximum strength).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
}

/// A relation that holds over an interval: `subject` is a member of / partner of / deployed in /
/// bound by treaty to `object`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Relation {
    pub id: FactId,
    pub kind: RelationKind,
    pub subject: ActorId,
    pub object: ActorId,
    /// A short title in our own words.
    pub title: String,
    #[serde(flatten)]
    pub interval: Interval,
    /// A status or role within the relation ("contributing participant", "partner across the globe").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// The programme's short name (IPCP, ITPP), for programme relations.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub programme: Option<String>,
    /// Areas of cooperation, for programmes.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub areas: Vec<String>,
    /// Obligations, for treaties and alliances (defence, consultation, neutrality…).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub obligations: Vec<String>,
    /// The ATOP alliance (its `atopid`) that codes the same treaty, for treaties and alliances:
    /// the two are one tie, counted once (a multilateral alliance recorded here for one pair).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub atop: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deployment: Option<Deployment>,
    pub dimension: Dimension,
    pub sources: Vec<SourceRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Where the record came from when it was proposed from an article and reviewed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review: Option<Review>,
}

/// Something that happened on a date.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Event {
    pub id: FactId,
    pub kind: EventKind,
    pub date: PartialDate,
    /// Last day, for events over several days.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<PartialDate>,
    pub title: String,
    /// Who acted (hosts, signatories, the attacker).
    pub actors: Vec<ActorId>,
    /// Who was acted upon or with (the other signatory, the attacked).
    pub targets: Vec<ActorId>,
    /// Who attended (states, people), for summits and meetings.
    pub attendees: Vec<ActorId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    pub plover: Plover,
    /// A CAMEO event code, where one fits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cameo: Option<String>,
    /// For signings: what was signed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instrument: Option<Instrument>,
    /// Facts this event starts, ends or belongs to (a signing's transfer, an accession's membership).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<FactId>,
    pub dimension: Dimension,
    pub sources: Vec<SourceRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Where the record came from when it was proposed from an article and reviewed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review: Option<Review>,
}

impl Event {
    /// Every actor the event names, in order: actors, targets, attendees.
    pub fn participants(&self) -> impl Iterator<Item = &ActorId> {
        self.actors.iter().chain(&self.targets).chain(&self.attendees)
    }
}

/// A sum of money.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Money {
    pub amount: f64,
    /// ISO 4217 currency code.
    pub currency: String,
}

/// An arms deal: an order and its deliveries.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Transfer {
    pub id: FactId,
    pub supplier: ActorId,
    pub recipient: ActorId,
    /// The designation (`K2`, `K9A1`, `FA-50PL`).
    pub system: String,
    /// What the system is (`main battle tank`, `self-propelled gun`).
    pub description: String,
    pub category: WeaponCategory,
    /// False for military equipment that is not a weapon system (an unarmed fleet tanker).
    pub weapon: bool,
    /// Built in the recipient's country under licence.
    pub licensed: bool,
    /// Second-hand equipment.
    pub second_hand: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ordered: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delivered: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_date: Option<PartialDate>,
    /// Years in which deliveries were made.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub delivery_years: Vec<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Money>,
    pub status: TransferStatus,
    /// Companies that make or sell the system.
    pub companies: Vec<ActorId>,
    /// Signings of this deal (framework agreement, executive contract).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub signings: Vec<FactId>,
    pub sources: Vec<SourceRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Where the record came from when it was proposed from an article and reviewed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub review: Option<Review>,
}

impl Transfer {
    /// The delivery years as written in a table: "2019–2021" for a run, "2017, 2019" otherwise.
    pub fn delivery_years_label(&self) -> String {
        let ys = &self.delivery_years;
        match ys.as_slice() {
            [] => String::new(),
            [y] => y.to_string(),
            [first, .., last] if (*last - *first) as usize == ys.len() - 1 => format!("{first}–{last}"),
            _ => ys.iter().map(i32::to_string).collect::<Vec<_>>().join(", "),
        }
    }
}

/// Something to watch that would show a driver strengthening or weakening.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Indicator {
    pub title: String,
    /// What reading of the indicator would signal a change, in our words.
    pub signal: String,
    /// Facts that are evidence on this indicator so far.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<FactId>,
}

/// A force that pushes a partnership: a threat, a war, a policy, a leader, a capability gap, or an
/// open uncertainty.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Driver {
    pub id: FactId,
    pub kind: DriverKind,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// The actors whose action or situation the driver is.
    pub actors: Vec<ActorId>,
    /// The sides of the partnerships it bears on.
    pub affects: Vec<ActorId>,
    pub direction: Direction,
    /// Dated facts that make up or mark the driver (the invasion event, the treaty signing).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<FactId>,
    pub indicators: Vec<Indicator>,
    pub sources: Vec<SourceRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A file's declaration that it records some partnerships completely: for each pair, every tie
/// of the given dimensions over the interval. Where a scope holds, a year without a recorded tie
/// is a recorded absence (0); elsewhere the curated facts are evidence only where they speak.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Scope {
    pub pairs: Vec<(ActorId, ActorId)>,
    pub dimensions: Vec<Dimension>,
    #[serde(flatten)]
    pub interval: Interval,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Scope {
    /// Whether the scope speaks of the pair (in either order) in `dimension`.
    pub fn covers(&self, a: &str, b: &str, dimension: Dimension) -> bool {
        self.dimensions.contains(&dimension) && self.pairs.iter().any(|(x, y)| (x == a && y == b) || (x == b && y == a))
    }
}

/// A whole dataset: what a directory of fact files holds.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct FactSet {
    pub actors: Vec<Actor>,
    pub sources: Vec<Source>,
    pub relations: Vec<Relation>,
    pub events: Vec<Event>,
    pub transfers: Vec<Transfer>,
    pub drivers: Vec<Driver>,
    /// What the files declare they record completely.
    pub scopes: Vec<Scope>,
}

impl FactSet {
    /// Number of facts (relations, events, transfers, drivers); actors and sources not counted.
    pub fn fact_count(&self) -> usize {
        self.relations.len() + self.events.len() + self.transfers.len() + self.drivers.len()
    }
}

/// Any fact, borrowed: lets analyses treat the four kinds alike where they can.
#[derive(Clone, Copy, Debug, Serialize)]
#[serde(tag = "fact", rename_all = "lowercase")]
pub enum FactRef<'a> {
    Relation(&'a Relation),
    Event(&'a Event),
    Transfer(&'a Transfer),
    Driver(&'a Driver),
}

impl<'a> FactRef<'a> {
    pub fn id(&self) -> &'a str {
        match self {
            FactRef::Relation(r) => &r.id,
            FactRef::Event(e) => &e.id,
            FactRef::Transfer(t) => &t.id,
            FactRef::Driver(d) => &d.id,
        }
    }

    pub fn sources(&self) -> &'a [SourceRef] {
        match self {
            FactRef::Relation(r) => &r.sources,
            FactRef::Event(e) => &e.sources,
            FactRef::Transfer(t) => &t.sources,
            FactRef::Driver(d) => &d.sources,
        }
    }

    pub fn title(&self) -> String {
        match self {
            FactRef::Relation(r) => r.title.clone(),
            FactRef::Event(e) => e.title.clone(),
            FactRef::Transfer(t) => {
                let n = t.ordered.map(|n| format!("{n} ")).unwrap_or_default();
                format!("{n}{} {} ({})", t.system, t.description, t.status)
            }
            FactRef::Driver(d) => d.title.clone(),
        }
    }

    /// The date the fact is placed at in a chronology.
    pub fn date(&self) -> Option<PartialDate> {
        match self {
            FactRef::Relation(r) => r.interval.start,
            FactRef::Event(e) => Some(e.date),
            FactRef::Transfer(t) => t.order_date,
            FactRef::Driver(d) => d.date,
        }
    }

    /// The actors the fact names directly.
    pub fn participants(&self) -> Vec<&'a ActorId> {
        match self {
            FactRef::Relation(r) => vec![&r.subject, &r.object],
            FactRef::Event(e) => e.participants().collect(),
            FactRef::Transfer(t) => {
                let mut v = vec![&t.supplier, &t.recipient];
                v.extend(&t.companies);
                v
            }
            FactRef::Driver(d) => d.actors.iter().chain(&d.affects).collect(),
        }
    }

    /// How the record came from an article, for records proposed and reviewed.
    pub fn review(&self) -> Option<&'a Review> {
        match self {
            FactRef::Relation(r) => r.review.as_ref(),
            FactRef::Event(e) => e.review.as_ref(),
            FactRef::Transfer(t) => t.review.as_ref(),
            FactRef::Driver(_) => None,
        }
    }
}
