//! The standard datasets as evidence of a dyad's ties, beside the curated facts.
//!
//! ATOP's alliances become institutional ties between every pair of members (with their
//! obligations and dates), the SIPRI register's deals defence-industrial ones, and UN General
//! Assembly voting agreement a yearly political signal. Each derived item cites the dataset, its
//! version and the row it comes from, and each dataset says which years it covers, so the index can
//! tell a dimension that its sources cover (where zero means "none recorded") from one that
//! nothing covers ("no data").
//!
//! Out of the box entente ships the ATOP v4.01 member-level file (free to use with citation) and
//! the yearly UN-vote agreement of every state with the Republic of Korea and with the DPRK
//! (derived from the per-country files of Voeten's data, MIT), under `data/datasets/`. SIPRI's
//! terms allow reproducing less than a tenth of the register, so it is not shipped: the coverage
//! notes name the import that fills the gap. What the data directory holds replaces the shipped
//! table of the same dataset (`entente import atop|unvotes|sipri …`).

use entente_datasets::atop::{AtopDate, Membership, Obligations};
use entente_datasets::codes::Crosswalk;
use entente_datasets::sipri::Deal;
use entente_datasets::unvotes::CountryFile;
use entente_kb::{Citation, KnowledgeBase};
use entente_model::{ActorKind, Day, PartialDate};
use entente_store::Store;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// The ATOP member-level file shipped with entente (v4.01, unchanged).
pub const SHIPPED_ATOP: &str = include_str!("../../../data/datasets/atop-member-level.csv");
/// Yearly UN-vote agreement of every state with the ROK (COW 732) and the DPRK (731).
pub const SHIPPED_VOTES: &str = include_str!("../../../data/datasets/unvotes-agreement.csv");

/// An error building the evidence tables: a shipped table or an imported one that cannot be read.
#[derive(Debug, Clone, PartialEq)]
pub enum EvidenceError {
    /// A shipped table is malformed (a build defect; tested).
    Shipped {
        table: &'static str,
        line: usize,
        message: String,
    },
    /// The data directory's tables could not be read.
    Store(String),
}

impl std::fmt::Display for EvidenceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EvidenceError::Shipped { table, line, message } => write!(f, "{table}:{line}: {message}"),
            EvidenceError::Store(m) => write!(f, "{m}"),
        }
    }
}

impl std::error::Error for EvidenceError {}

/// Where a dataset's table came from.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "origin", rename_all = "lowercase")]
pub enum Origin {
    /// Compiled into entente.
    Shipped,
    /// Imported into the data directory.
    Imported { file: String },
}

/// One dataset as a source of evidence: what it is, how to cite it and which years it covers.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DatasetInfo {
    /// Short name: `ATOP v4.01`, `UN votes`, `SIPRI register`.
    pub name: String,
    pub publisher: String,
    pub title: String,
    pub url: String,
    pub origin: Origin,
    /// First and last year the dataset covers.
    pub first_year: i32,
    pub last_year: i32,
}

impl DatasetInfo {
    fn cite(&self, locator: String) -> Citation {
        let file = match &self.origin {
            Origin::Shipped => "shipped with entente".to_string(),
            Origin::Imported { file } => format!("imported from {file}"),
        };
        Citation {
            source: self.name.to_lowercase().replace(' ', "-"),
            url: self.url.clone(),
            publisher: self.publisher.clone(),
            title: Some(format!("{} ({file})", self.title)),
            locator: Some(locator),
        }
    }
}

/// One membership phase, its member resolved to an entente id.
#[derive(Clone, Debug)]
struct AtopPhase {
    line: usize,
    atopid: u32,
    phase: u8,
    entry: AtopDate,
    exit: Option<AtopDate>,
    obligations: Obligations,
}

/// An ATOP file: membership phases by member.
struct AtopTable {
    info: DatasetInfo,
    by_member: HashMap<String, Vec<AtopPhase>>,
}

/// Yearly voting agreement of one pair: counts as in `entente_measures::votes::Agreement`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct VoteYear {
    pub year: i32,
    /// Roll calls on which both voted (yes, abstain or no), and of those: the same vote, one
    /// abstained, yes against no.
    pub joint: u32,
    pub same: u32,
    pub one_abstained: u32,
    pub opposite: u32,
}

impl VoteYear {
    /// (same + ½ · one abstained) / joint.
    pub fn agreement(&self) -> Option<f64> {
        (self.joint > 0).then(|| (self.same as f64 + 0.5 * self.one_abstained as f64) / self.joint as f64)
    }
}

/// Ordered pair (smaller id first) → its years, each with the line of its row where shipped.
type VotesByPair = HashMap<(String, String), Vec<(VoteYear, Option<usize>)>>;

struct VotesTable {
    info: DatasetInfo,
    by_pair: VotesByPair,
    /// The states whose agreement with every other state the table holds (the focal countries).
    focal: Vec<String>,
}

struct SipriTable {
    info: DatasetInfo,
    deals: Vec<Deal>,
    /// Register line → curated transfer id, for deals the curated data also record.
    linked: HashMap<usize, String>,
}

/// The evidence tables: shipped, or imported where the data directory holds them.
pub struct DatasetTables {
    atop: Option<AtopTable>,
    votes: Option<VotesTable>,
    sipri: Option<SipriTable>,
}

fn atop_info(origin: Origin) -> DatasetInfo {
    DatasetInfo {
        name: "ATOP v4.01".into(),
        publisher: "Alliance Treaty Obligations and Provisions project (Leeds et al.)".into(),
        title: "ATOP v4.01 member-level data".into(),
        url: "http://www.atopdata.org/data.html".into(),
        origin,
        first_year: 1815,
        last_year: 2016,
    }
}

fn votes_info(origin: Origin, first_year: i32, last_year: i32) -> DatasetInfo {
    DatasetInfo {
        name: "UN votes".into(),
        publisher: "Erik Voeten, Harvard Dataverse (un-project per-country files)".into(),
        title: "United Nations General Assembly voting data".into(),
        url: "https://doi.org/10.7910/DVN/LEJUQZ".into(),
        origin,
        first_year,
        last_year,
    }
}

fn sipri_info(origin: Origin, first_year: i32, last_year: i32) -> DatasetInfo {
    DatasetInfo {
        name: "SIPRI register".into(),
        publisher: "SIPRI".into(),
        title: "SIPRI Arms Transfers Database, trade register".into(),
        url: "https://www.sipri.org/databases/armstransfers".into(),
        origin,
        first_year,
        last_year,
    }
}

fn atop_table(rows: &[Membership], info: DatasetInfo) -> AtopTable {
    let cw = Crosswalk::shipped().ok();
    let mut by_member: HashMap<String, Vec<AtopPhase>> = HashMap::new();
    for m in rows {
        let id = cw
            .and_then(|cw| {
                cw.by_cow(m.member, Some(m.entry.year))
                    .or_else(|| cw.by_cow(m.member, None))
            })
            .map(|c| c.id.clone());
        let Some(id) = id else { continue };
        by_member.entry(id).or_default().push(AtopPhase {
            line: m.line,
            atopid: m.atopid,
            phase: m.phase,
            entry: m.entry,
            exit: m.exit,
            obligations: m.obligations,
        });
    }
    AtopTable { info, by_member }
}

/// Parses the shipped vote table: `a,b,year,joint,same,one_abstained,opposite`.
fn shipped_votes() -> Result<VotesTable, EvidenceError> {
    let table = "data/datasets/unvotes-agreement.csv";
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(SHIPPED_VOTES.as_bytes());
    let mut by_pair: VotesByPair = HashMap::new();
    let (mut first, mut last) = (i32::MAX, i32::MIN);
    for (i, rec) in rdr.records().enumerate() {
        let line = i + 2;
        let bad = |message: String| EvidenceError::Shipped { table, line, message };
        let rec = rec.map_err(|e| bad(e.to_string()))?;
        let field = |k: usize| rec.get(k).ok_or_else(|| bad(format!("missing column {}", k + 1)));
        let num = |k: usize| -> Result<u32, EvidenceError> {
            let s = field(k)?;
            s.parse()
                .map_err(|_| bad(format!("column {}: `{s}` is not a count", k + 1)))
        };
        let (a, b) = (field(0)?.to_string(), field(1)?.to_string());
        let year: i32 = field(2)?.parse().map_err(|_| bad("bad year".into()))?;
        let y = VoteYear {
            year,
            joint: num(3)?,
            same: num(4)?,
            one_abstained: num(5)?,
            opposite: num(6)?,
        };
        first = first.min(year);
        last = last.max(year);
        by_pair.entry(ordered(&a, &b)).or_default().push((y, Some(line)));
    }
    Ok(VotesTable {
        info: votes_info(Origin::Shipped, first.min(last), last.max(first)),
        by_pair,
        focal: vec!["KOR".into(), "PRK".into()],
    })
}

fn ordered(a: &str, b: &str) -> (String, String) {
    if a <= b {
        (a.to_string(), b.to_string())
    } else {
        (b.to_string(), a.to_string())
    }
}

/// Yearly agreement of a per-country file's focal country with every other country, one row per
/// pair of entente ids and year (pooled over the roll calls of the year).
pub fn vote_years(file: &CountryFile, cw: &Crosswalk) -> Vec<(String, String, VoteYear)> {
    let mut out = Vec::new();
    for &other in &file.columns {
        let mut pooled: BTreeMap<(i32, String, String), VoteYear> = BTreeMap::new();
        for r in entente_measures::votes::from_country_file(file, other, cw) {
            let e = pooled.entry((r.from, r.a.clone(), r.b.clone())).or_insert(VoteYear {
                year: r.from,
                joint: 0,
                same: 0,
                one_abstained: 0,
                opposite: 0,
            });
            e.joint += r.joint;
            e.same += r.same;
            e.one_abstained += r.one_abstained;
            e.opposite += r.opposite;
        }
        out.extend(
            pooled
                .into_iter()
                .filter(|(_, y)| y.joint > 0)
                .map(|((_, a, b), y)| (a, b, y)),
        );
    }
    out
}

impl DatasetTables {
    /// The shipped tables only.
    pub fn shipped() -> Result<DatasetTables, EvidenceError> {
        let (rows, _) =
            entente_datasets::atop::read_members("data/datasets/atop-member-level.csv", SHIPPED_ATOP.as_bytes())
                .map_err(|e| EvidenceError::Shipped {
                    table: "data/datasets/atop-member-level.csv",
                    line: 0,
                    message: e.to_string(),
                })?;
        Ok(DatasetTables {
            atop: Some(atop_table(&rows, atop_info(Origin::Shipped))),
            votes: Some(shipped_votes()?),
            sipri: None,
        })
    }

    /// The shipped tables, each replaced by the data directory's own where it holds that dataset.
    pub fn load(kb: &KnowledgeBase, store: Option<&Store>) -> Result<DatasetTables, EvidenceError> {
        let mut t = DatasetTables::shipped()?;
        let Some(store) = store else { return Ok(t) };
        let err = |e: entente_store::Error| EvidenceError::Store(e.to_string());
        let file_of = |d: entente_store::Dataset| {
            store
                .entries_of(d)
                .map(|e| e.file.clone())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let members = store.load_atop_members().map_err(err)?;
        if !members.is_empty() {
            let info = atop_info(Origin::Imported {
                file: file_of(entente_store::Dataset::Atop),
            });
            t.atop = Some(atop_table(&members, info));
        }
        let countries = store.unvotes_countries();
        if !countries.is_empty() {
            if let Ok(cw) = Crosswalk::shipped() {
                let mut by_pair: VotesByPair = HashMap::new();
                let mut focal = Vec::new();
                let (mut first, mut last) = (i32::MAX, i32::MIN);
                for c in countries {
                    let Some(file) = store.load_unvotes_country(c).map_err(err)? else {
                        continue;
                    };
                    if let Some(id) = cw.by_cow(c, None) {
                        focal.push(id.id.clone());
                    }
                    for (a, b, y) in vote_years(&file, cw) {
                        first = first.min(y.year);
                        last = last.max(y.year);
                        let rows = by_pair.entry(ordered(&a, &b)).or_default();
                        // Two focal files hold the same pair: keep one row per year.
                        if !rows.iter().any(|(r, _)| r.year == y.year) {
                            rows.push((y, None));
                        }
                    }
                }
                if !by_pair.is_empty() {
                    t.votes = Some(VotesTable {
                        info: votes_info(
                            Origin::Imported {
                                file: file_of(entente_store::Dataset::Unvotes),
                            },
                            first,
                            last,
                        ),
                        by_pair,
                        focal,
                    });
                }
            }
        }
        let deals = store.load_sipri().map_err(err)?;
        if !deals.is_empty() {
            let years = deals.iter().filter_map(|d| d.order_year);
            let (first, last) = (years.clone().min().unwrap_or(1950), years.max().unwrap_or(1950));
            let links = entente_store::link::link_transfers(&kb.facts().transfers, &deals);
            let linked = links
                .by_line()
                .into_iter()
                .map(|(line, id)| (line, id.to_string()))
                .collect();
            t.sipri = Some(SipriTable {
                info: sipri_info(
                    Origin::Imported {
                        file: file_of(entente_store::Dataset::Sipri),
                    },
                    first,
                    last,
                ),
                deals,
                linked,
            });
        }
        Ok(t)
    }

    /// The datasets entente consults, in a fixed order, with what each holds.
    pub fn datasets(&self) -> Vec<&DatasetInfo> {
        [
            self.atop.as_ref().map(|t| &t.info),
            self.sipri.as_ref().map(|t| &t.info),
            self.votes.as_ref().map(|t| &t.info),
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    /// Every state that has any record with `actor` in a dataset: the counterparts a ranking of
    /// partners must consider beside those of the curated facts.
    pub fn counterparts(&self, actor: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        if let Some(atop) = &self.atop {
            if let Some(mine) = atop.by_member.get(actor) {
                for (other, phases) in &atop.by_member {
                    if other != actor && phases.iter().any(|p| mine.iter().any(|m| m.atopid == p.atopid)) {
                        out.push(other.clone());
                    }
                }
            }
        }
        if let Some(v) = &self.votes {
            for (a, b) in v.by_pair.keys() {
                if a == actor {
                    out.push(b.clone());
                } else if b == actor {
                    out.push(a.clone());
                }
            }
        }
        if let Some(s) = &self.sipri {
            for d in &s.deals {
                match (d.supplier_id.as_deref(), d.recipient_id.as_deref()) {
                    (Some(x), Some(y)) if x == actor && y != actor => out.push(y.to_string()),
                    (Some(x), Some(y)) if y == actor && x != actor => out.push(x.to_string()),
                    _ => {}
                }
            }
        }
        out.sort();
        out.dedup();
        out
    }
}

/// An alliance between the two sides of a dyad, from ATOP: both are members in overlapping phases.
#[derive(Clone, Debug, Serialize)]
pub struct AllianceTie {
    pub atopid: u32,
    pub start: PartialDate,
    /// `None`: both were still members at the end of the data.
    pub end: Option<PartialDate>,
    /// Obligations either side undertook in the overlapping phases.
    pub obligations: Vec<&'static str>,
    pub citations: Vec<Citation>,
}

/// One arms deal between the two sides, from the SIPRI register.
#[derive(Clone, Debug, Serialize)]
pub struct DealEvidence {
    pub line: usize,
    pub supplier: String,
    pub recipient: String,
    pub order_year: Option<i32>,
    pub ordered: Option<u32>,
    pub designation: String,
    pub description: String,
    pub delivery_years: Vec<i32>,
    pub delivered_all: bool,
    /// The member through which the deal belongs to an alliance's dyad.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
    pub citations: Vec<Citation>,
}

/// What the datasets hold about one dyad, and which years each covers for it.
#[derive(Clone, Debug, Default, Serialize)]
pub struct DyadEvidence {
    pub alliances: Vec<AllianceTie>,
    pub deals: Vec<DealEvidence>,
    /// SIPRI deals the curated data also record: curated transfer id → the register's citation.
    pub linked_deals: Vec<(String, Citation)>,
    pub votes: Vec<(VoteYear, Citation)>,
    /// Per dataset: its span of years for this dyad, or why it says nothing about it.
    pub consulted: Vec<Consulted>,
}

/// One dataset as consulted for a dyad.
#[derive(Clone, Debug, Serialize)]
pub struct Consulted {
    pub dataset: String,
    /// Its first and last year, when it holds records of the dyad.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub years: Option<(i32, i32)>,
    /// Whether ties in force at the end of the data count on after it.
    pub carried_forward: bool,
    pub records: usize,
    /// What it says, or why it says nothing.
    pub note: String,
}

fn atop_partial(d: AtopDate) -> Option<PartialDate> {
    match (d.month, d.day) {
        (0, _) => PartialDate::year_only(d.year).ok(),
        (m, 0) => PartialDate::ym(d.year, m).ok(),
        (m, day) => PartialDate::ymd(d.year, m, day)
            .ok()
            .or_else(|| PartialDate::ym(d.year, m).ok()),
    }
}

fn obligation_names(o: Obligations) -> Vec<&'static str> {
    [
        (o.defense, "defence"),
        (o.offense, "offence"),
        (o.neutral, "neutrality"),
        (o.nonagg, "non-aggression"),
        (o.consul, "consultation"),
    ]
    .into_iter()
    .filter_map(|(on, name)| on.then_some(name))
    .collect()
}

fn is_state(kb: &KnowledgeBase, id: &str) -> bool {
    kb.actor(id).is_none_or(|a| a.kind == ActorKind::State)
}

/// Whether `actor` is `side` itself (`Some(None)`) or, with `members`, a member of it on `day`
/// (`Some(Some(member))`).
fn on_side(kb: &KnowledgeBase, side: &str, actor: &str, day: Day, members: bool) -> Option<Option<String>> {
    if actor == side {
        return Some(None);
    }
    (members && kb.membership_at(actor, side, day).is_some()).then(|| Some(actor.to_string()))
}

impl DatasetTables {
    /// The evidence about `a`–`b`. ATOP and UN votes are state–state data: they speak of a dyad
    /// only when both sides are states. SIPRI deals count an alliance's members as the alliance at
    /// the deal's date when `members` is set.
    pub fn dyad(&self, kb: &KnowledgeBase, a: &str, b: &str, members: bool) -> DyadEvidence {
        let mut ev = DyadEvidence::default();
        let states = is_state(kb, a) && is_state(kb, b);
        match &self.atop {
            Some(atop) if states => {
                let none = Vec::new();
                let pa = atop.by_member.get(a).unwrap_or(&none);
                let pb = atop.by_member.get(b).unwrap_or(&none);
                for x in pa {
                    for y in pb.iter().filter(|y| y.atopid == x.atopid && y.phase == x.phase) {
                        let start = x.entry.max(y.entry);
                        let end = match (x.exit, y.exit) {
                            (None, None) => None,
                            (Some(e), None) | (None, Some(e)) => Some(e),
                            (Some(e), Some(f)) => Some(e.min(f)),
                        };
                        if end.is_some_and(|e| e < start) {
                            continue;
                        }
                        let Some(start_date) = atop_partial(start) else {
                            continue;
                        };
                        let locator = format!(
                            "atopid {}, phase {}, lines {} and {}",
                            x.atopid, x.phase, x.line, y.line
                        );
                        ev.alliances.push(AllianceTie {
                            atopid: x.atopid,
                            start: start_date,
                            end: end.and_then(atop_partial),
                            obligations: obligation_names(x.obligations.union(y.obligations)),
                            citations: vec![atop.info.cite(locator)],
                        });
                    }
                }
                let open = ev.alliances.iter().filter(|t| t.end.is_none()).count();
                ev.consulted.push(Consulted {
                    dataset: atop.info.name.clone(),
                    years: (!ev.alliances.is_empty()).then_some((atop.info.first_year, atop.info.last_year)),
                    carried_forward: open > 0,
                    records: ev.alliances.len(),
                    note: if ev.alliances.is_empty() {
                        format!(
                            "no alliance between them recorded ({}–{})",
                            atop.info.first_year, atop.info.last_year
                        )
                    } else if open > 0 {
                        format!(
                            "{} alliance(s); the data end in {}, and the {open} still in force then are carried forward",
                            ev.alliances.len(),
                            atop.info.last_year
                        )
                    } else {
                        format!("{} alliance(s), all ended", ev.alliances.len())
                    },
                });
            }
            Some(atop) => ev.consulted.push(Consulted {
                dataset: atop.info.name.clone(),
                years: None,
                carried_forward: false,
                records: 0,
                note:
                    "alliances between states only: an organisation's ties are its curated memberships and partnerships"
                        .into(),
            }),
            None => {}
        }
        match &self.sipri {
            Some(s) => {
                for d in &s.deals {
                    let (Some(sup), Some(rec)) = (d.supplier_id.as_deref(), d.recipient_id.as_deref()) else {
                        continue;
                    };
                    let day = Day {
                        year: d.order_year.unwrap_or(s.info.first_year),
                        month: 7,
                        day: 1,
                    };
                    let via = match (on_side(kb, a, sup, day, members), on_side(kb, b, rec, day, members)) {
                        (Some(x), Some(y)) => Some(x.or(y)),
                        _ => match (on_side(kb, a, rec, day, members), on_side(kb, b, sup, day, members)) {
                            (Some(x), Some(y)) => Some(x.or(y)),
                            _ => None,
                        },
                    };
                    let Some(via) = via else { continue };
                    let cite = s.info.cite(format!("{rec} ← {sup}, line {}", d.line));
                    if let Some(t) = s.linked.get(&d.line) {
                        ev.linked_deals.push((t.clone(), cite));
                        continue;
                    }
                    ev.deals.push(DealEvidence {
                        line: d.line,
                        supplier: sup.to_string(),
                        recipient: rec.to_string(),
                        order_year: d.order_year,
                        ordered: d.ordered,
                        designation: d.designation.clone(),
                        description: d.description.clone(),
                        delivery_years: d.delivery_years.clone(),
                        delivered_all: d.ordered.is_some() && d.delivered >= d.ordered,
                        via,
                        citations: vec![cite],
                    });
                }
                let n = ev.deals.len() + ev.linked_deals.len();
                ev.consulted.push(Consulted {
                    dataset: s.info.name.clone(),
                    years: (n > 0).then_some((s.info.first_year, s.info.last_year)),
                    carried_forward: false,
                    records: n,
                    note: if n == 0 {
                        format!(
                            "no deal between them recorded (orders {}–{})",
                            s.info.first_year, s.info.last_year
                        )
                    } else {
                        format!(
                            "{n} deal(s), {} also in the curated data (counted once)",
                            ev.linked_deals.len()
                        )
                    },
                });
            }
            None => ev.consulted.push(Consulted {
                dataset: "SIPRI register".into(),
                years: None,
                carried_forward: false,
                records: 0,
                note: "not shipped (SIPRI's terms allow reproducing less than a tenth of the register): \
                       `entente import sipri trade-register.csv` adds every deal"
                    .into(),
            }),
        }
        if let Some(v) = &self.votes {
            if states {
                if let Some(rows) = v.by_pair.get(&ordered(a, b)) {
                    let mut rows = rows.clone();
                    rows.sort_by_key(|(y, _)| y.year);
                    for (y, line) in rows {
                        let at = match line {
                            Some(l) => format!("{a}–{b}, {}, line {l}", y.year),
                            None => format!("{a}–{b}, {}", y.year),
                        };
                        ev.votes.push((y, v.info.cite(at)));
                    }
                }
                let years = ev.votes.first().zip(ev.votes.last()).map(|(f, l)| (f.0.year, l.0.year));
                ev.consulted.push(Consulted {
                    dataset: v.info.name.clone(),
                    years,
                    carried_forward: false,
                    records: ev.votes.len(),
                    note: match years {
                        Some((f, l)) => format!("voting agreement {f}–{l}; the data end in {}", v.info.last_year),
                        None if v.info.origin == Origin::Shipped => format!(
                            "the shipped extract holds {}'s agreement with every state; \
                             `entente import unvotes FILE` (Voeten's per-country files) adds other pairs",
                            v.focal.join(" and ")
                        ),
                        None => format!(
                            "the imported files hold {}'s agreement with every state, not this pair",
                            v.focal.join(", ")
                        ),
                    },
                });
            } else {
                ev.consulted.push(Consulted {
                    dataset: v.info.name.clone(),
                    years: None,
                    carried_forward: false,
                    records: 0,
                    note: "votes of states only".into(),
                });
            }
        }
        ev
    }
}

/// Shared, so a server builds the tables once and hands them to every request.
pub type SharedTables = Arc<DatasetTables>;
