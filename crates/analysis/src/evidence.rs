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
use entente_kb::{
    Citation, KnowledgeBase, StateAt, StateEntry, Timeline, TimelineEntry, TimelineQuery, TransferQuery, TransferRow,
};
use entente_model::{
    ActorKind, Day, Dimension, Interval, PartialDate, Relation, RelationKind, Transfer, TransferStatus,
};
use entente_store::Store;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// The ATOP member-level file shipped with entente (v4.01, unchanged).
pub const SHIPPED_ATOP: &str = include_str!("../../../data/datasets/atop-member-level.csv");
/// Yearly UN-vote agreement of every state with the ROK (COW 732) and the DPRK (731).
pub const SHIPPED_VOTES: &str = include_str!("../../../data/datasets/unvotes-agreement.csv");

/// The datasets' names, as coverage lines, explanations and derived records cite them.
pub const ATOP: &str = "ATOP v4.01";
pub const SIPRI: &str = "SIPRI register";
pub const UN_VOTES: &str = "UN votes";

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

/// An ATOP file: membership phases by member, and the members of each alliance.
struct AtopTable {
    info: DatasetInfo,
    by_member: HashMap<String, Vec<AtopPhase>>,
    members: HashMap<u32, Vec<String>>,
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
    /// Deals by party (supplier or recipient id): indices into `deals`.
    by_party: HashMap<String, Vec<usize>>,
    /// Register line → curated transfer id, for deals the curated data also record.
    linked: HashMap<usize, String>,
    /// The links themselves, with the register's figures for each curated deal.
    links: crate::link::Links,
}

/// The evidence tables: shipped, or imported where the data directory holds them.
pub struct DatasetTables {
    atop: Option<AtopTable>,
    votes: Option<VotesTable>,
    sipri: Option<SipriTable>,
}

fn atop_info(origin: Origin) -> DatasetInfo {
    DatasetInfo {
        name: ATOP.into(),
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
        name: UN_VOTES.into(),
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
        name: SIPRI.into(),
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
    let mut members: HashMap<u32, Vec<String>> = HashMap::new();
    for (id, phases) in &by_member {
        for p in phases {
            let list = members.entry(p.atopid).or_default();
            if !list.contains(id) {
                list.push(id.clone());
            }
        }
    }
    members.values_mut().for_each(|m| m.sort());
    AtopTable {
        info,
        by_member,
        members,
    }
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
/// pair of entente ids and year (pooled over the roll calls of the year; the counts of
/// `entente_measures::votes::from_country_file`). Each country is named by its id on the roll
/// call's date (the Soviet Union until 1991-12-25, Russia after; its COW code where the crosswalk
/// has none). Linear in the file's cells: each column's crosswalk rows are found once.
pub fn vote_years(file: &CountryFile, cw: &Crosswalk) -> Vec<(String, String, VoteYear)> {
    use entente_datasets::unvotes::AgreementCode;
    let rows_of = |cow: u16| -> Vec<&entente_datasets::codes::Country> {
        cw.rows().iter().filter(|c| c.cow == Some(cow)).collect()
    };
    let fallback: Vec<String> = file.columns.iter().map(|c| c.to_string()).collect();
    let columns: Vec<Vec<&entente_datasets::codes::Country>> = file.columns.iter().map(|&c| rows_of(c)).collect();
    let focal_rows = rows_of(file.focal);
    let focal_fallback = file.focal.to_string();
    let id_on = |rows: &[&'_ entente_datasets::codes::Country], day: Day| -> Option<usize> {
        rows.iter().position(|c| c.valid_on(day))
    };
    // Keyed by (year, focal's crosswalk row, column, the column's crosswalk row): no string is
    // built per cell.
    type Key = (i32, Option<usize>, usize, Option<usize>);
    let mut pooled: HashMap<Key, VoteYear> = HashMap::new();
    for row in &file.rows {
        let day = row.roll_call.date;
        let year = row.roll_call.year;
        let a = id_on(&focal_rows, day);
        for (j, code) in row.codes.iter().enumerate() {
            let Some(code) = code else { continue };
            let e = pooled.entry((year, a, j, id_on(&columns[j], day))).or_insert(VoteYear {
                year,
                joint: 0,
                same: 0,
                one_abstained: 0,
                opposite: 0,
            });
            e.joint += 1;
            match code {
                AgreementCode::Same => e.same += 1,
                AgreementCode::OneAbstained => e.one_abstained += 1,
                AgreementCode::Opposite => e.opposite += 1,
            }
        }
    }
    // Two columns can name the same state in a year a code changed hands: pooled.
    let mut by_pair: BTreeMap<(i32, String, String), VoteYear> = BTreeMap::new();
    for ((year, a, j, b), y) in pooled {
        let a = a.map_or(focal_fallback.clone(), |i| focal_rows[i].id.clone());
        let b = b.map_or(fallback[j].clone(), |i| columns[j][i].id.clone());
        let e = by_pair.entry((year, a, b)).or_insert(VoteYear {
            year,
            joint: 0,
            same: 0,
            one_abstained: 0,
            opposite: 0,
        });
        e.joint += y.joint;
        e.same += y.same;
        e.one_abstained += y.one_abstained;
        e.opposite += y.opposite;
    }
    by_pair.into_iter().map(|((_, a, b), y)| (a, b, y)).collect()
}

fn shipped_atop() -> Result<AtopTable, EvidenceError> {
    let table = "data/datasets/atop-member-level.csv";
    let (rows, _) =
        entente_datasets::atop::read_members(table, SHIPPED_ATOP.as_bytes()).map_err(|e| EvidenceError::Shipped {
            table,
            line: 0,
            message: e.to_string(),
        })?;
    Ok(atop_table(&rows, atop_info(Origin::Shipped)))
}

fn store_error(e: entente_store::Error) -> EvidenceError {
    EvidenceError::Store(e.to_string())
}

/// The files a dataset was imported from, as the citations name them.
fn imported_from(store: &Store, d: entente_store::Dataset) -> Origin {
    Origin::Imported {
        file: store
            .entries_of(d)
            .map(|e| e.file.clone())
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// The result of a reading thread (one that panicked is an error, not a crash).
fn joined<T>(h: std::thread::ScopedJoinHandle<'_, Result<T, EvidenceError>>) -> Result<T, EvidenceError> {
    h.join()
        .unwrap_or_else(|_| Err(EvidenceError::Store("a dataset reader failed unexpectedly".into())))
}

fn imported_atop(store: &Store) -> Result<Option<AtopTable>, EvidenceError> {
    let members = store.load_atop_members().map_err(store_error)?;
    Ok((!members.is_empty())
        .then(|| atop_table(&members, atop_info(imported_from(store, entente_store::Dataset::Atop)))))
}

fn imported_votes(store: &Store) -> Result<Option<VotesTable>, EvidenceError> {
    let countries = store.unvotes_countries();
    let Ok(cw) = Crosswalk::shipped() else { return Ok(None) };
    if countries.is_empty() {
        return Ok(None);
    }
    // One thread per per-country file.
    type FileYears = Option<(u16, Vec<(String, String, VoteYear)>)>;
    let files: Vec<Result<FileYears, EvidenceError>> = std::thread::scope(|s| {
        let handles: Vec<_> = countries
            .iter()
            .map(|&c| {
                s.spawn(move || {
                    Ok(store
                        .load_unvotes_country(c)
                        .map_err(store_error)?
                        .map(|file| (c, vote_years(&file, cw))))
                })
            })
            .collect();
        handles.into_iter().map(joined).collect()
    });
    let mut by_pair: VotesByPair = HashMap::new();
    let mut focal = Vec::new();
    let (mut first, mut last) = (i32::MAX, i32::MIN);
    for file in files {
        let Some((c, years)) = file? else { continue };
        if let Some(id) = cw.by_cow(c, None) {
            focal.push(id.id.clone());
        }
        for (a, b, y) in years {
            first = first.min(y.year);
            last = last.max(y.year);
            let rows = by_pair.entry(ordered(&a, &b)).or_default();
            // Two focal files hold the same pair: keep one row per year.
            if !rows.iter().any(|(r, _)| r.year == y.year) {
                rows.push((y, None));
            }
        }
    }
    Ok((!by_pair.is_empty()).then(|| VotesTable {
        info: votes_info(imported_from(store, entente_store::Dataset::Unvotes), first, last),
        by_pair,
        focal,
    }))
}

fn imported_sipri(kb: &KnowledgeBase, store: &Store) -> Result<Option<SipriTable>, EvidenceError> {
    let deals = store.load_sipri().map_err(store_error)?;
    if deals.is_empty() {
        return Ok(None);
    }
    let years = deals.iter().filter_map(|d| d.order_year);
    let (first, last) = (years.clone().min().unwrap_or(1950), years.max().unwrap_or(1950));
    let links = crate::link::link_transfers(&kb.facts().transfers, &deals);
    let linked = links
        .by_line()
        .into_iter()
        .map(|(line, id)| (line, id.to_string()))
        .collect();
    let mut by_party: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, d) in deals.iter().enumerate() {
        for id in [&d.supplier_id, &d.recipient_id].into_iter().flatten() {
            by_party.entry(id.to_string()).or_default().push(i);
        }
    }
    Ok(Some(SipriTable {
        info: sipri_info(imported_from(store, entente_store::Dataset::Sipri), first, last),
        deals,
        by_party,
        linked,
        links,
    }))
}

impl DatasetTables {
    /// The shipped tables only.
    pub fn shipped() -> Result<DatasetTables, EvidenceError> {
        Ok(DatasetTables {
            atop: Some(shipped_atop()?),
            votes: Some(shipped_votes()?),
            sipri: None,
        })
    }

    /// The shipped tables, each replaced by the data directory's own where it holds that dataset.
    /// The datasets are read side by side (each on its own thread).
    pub fn load(kb: &KnowledgeBase, store: Option<&Store>) -> Result<DatasetTables, EvidenceError> {
        let Some(store) = store else {
            return DatasetTables::shipped();
        };
        let (atop, votes, sipri) = std::thread::scope(|s| {
            let votes = s.spawn(|| imported_votes(store));
            let sipri = s.spawn(|| imported_sipri(kb, store));
            let atop = imported_atop(store);
            (atop, joined(votes), joined(sipri))
        });
        Ok(DatasetTables {
            atop: Some(match atop? {
                Some(t) => t,
                None => shipped_atop()?,
            }),
            votes: Some(match votes? {
                Some(t) => t,
                None => shipped_votes()?,
            }),
            sipri: sipri?,
        })
    }

    /// The imported register's deals linked to the curated transfers (their TIV and register
    /// line), when the register is imported: computed once, with the tables.
    pub fn sipri_links(&self) -> Option<&crate::link::Links> {
        self.sipri.as_ref().map(|s| &s.links)
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
    /// The curated treaty or alliance that records the same tie ([`curated_twin`]): the tie then
    /// counts once, through the curated record, which gains ATOP's citation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub curated: Option<String>,
}

/// The curated relation that records the same tie as ATOP alliance `atopid` (begun in
/// `atop_year`) between `a` and `b`: a treaty or alliance in the institutional dimension between
/// the same two actors, in either direction, that names the alliance (`atop = ATOPID`, for a
/// multilateral treaty recorded for one pair, such as ANZUS) or, for a `bilateral` alliance, is in
/// force from within a year of its start (ATOP dates an alliance from its signature, the curated
/// record from its entry into force: the US–ROK treaty was signed in 1953 and in force in 1954).
/// A multilateral alliance is never twinned by dates alone: a bilateral treaty is not a
/// multilateral pact.
pub fn curated_twin<'k>(
    kb: &'k KnowledgeBase,
    a: &str,
    b: &str,
    atopid: u32,
    atop_year: i32,
    bilateral: bool,
) -> Option<&'k Relation> {
    kb.facts().relations.iter().find(|r| {
        matches!(r.kind, RelationKind::Treaty | RelationKind::Alliance)
            && r.dimension == Dimension::Institutional
            && ((r.subject == a && r.object == b) || (r.subject == b && r.object == a))
            && match r.atop {
                Some(id) => id == atopid,
                None => bilateral && r.interval.start.is_some_and(|s| (s.year() - atop_year).abs() <= 1),
            }
    })
}

/// One arms deal between the two sides, from the SIPRI register.
#[derive(Clone, Debug, Serialize)]
pub struct DealEvidence {
    pub line: usize,
    /// The deal in the model's terms (id `sipri:LINE`).
    pub transfer: Transfer,
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

/// A register deal in the model's terms: the category read from its weapon description (the
/// register's export has none), the status following the deliveries.
fn deal_transfer(d: &Deal, supplier: &str, recipient: &str) -> Transfer {
    let status = if d.ordered.is_some() && d.delivered >= d.ordered {
        TransferStatus::Delivered
    } else if d.delivery_years.is_empty() {
        TransferStatus::Contract
    } else {
        TransferStatus::Delivering
    };
    Transfer {
        id: format!("sipri:{}", d.line),
        supplier: supplier.to_string(),
        recipient: recipient.to_string(),
        system: d.designation.clone(),
        description: d.description.clone(),
        category: entente_datasets::sipri::category_of(&d.description),
        weapon: true,
        licensed: false,
        second_hand: d.status != entente_datasets::sipri::Status::New,
        ordered: d.ordered,
        delivered: d.delivered,
        order_date: d.order_year.and_then(|y| PartialDate::year_only(y).ok()),
        delivery_years: d.delivery_years.clone(),
        value: None,
        status,
        companies: Vec::new(),
        signings: Vec::new(),
        sources: Vec::new(),
        note: (!d.comments.is_empty()).then(|| d.comments.clone()),
        review: None,
    }
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
                        let bilateral = atop.members.get(&x.atopid).is_some_and(|m| m.len() == 2);
                        let curated = curated_twin(kb, a, b, x.atopid, start.year, bilateral)
                            .filter(|r| !ev.alliances.iter().any(|t| t.curated.as_ref() == Some(&r.id)))
                            .map(|r| r.id.clone());
                        ev.alliances.push(AllianceTie {
                            atopid: x.atopid,
                            start: start_date,
                            end: end.and_then(atop_partial),
                            obligations: obligation_names(x.obligations.union(y.obligations)),
                            citations: vec![atop.info.cite(locator)],
                            curated,
                        });
                    }
                }
                let open = ev.alliances.iter().filter(|t| t.end.is_none()).count();
                let twinned = ev.alliances.iter().filter(|t| t.curated.is_some()).count();
                let once = if twinned > 0 {
                    format!(", {twinned} also in the curated data (counted once)")
                } else {
                    String::new()
                };
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
                            "{} alliance(s){once}; the data end in {}, and the {open} still in force then are carried forward",
                            ev.alliances.len(),
                            atop.info.last_year
                        )
                    } else {
                        format!("{} alliance(s){once}, all ended", ev.alliances.len())
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
                // Only the deals of one side's parties (itself, and its members ever, when they
                // count) need a look.
                let parties = |side: &str| -> Vec<String> {
                    let mut ids: Vec<String> = kb.descendants(side).into_iter().map(str::to_string).collect();
                    if ids.is_empty() {
                        ids.push(side.to_string());
                    }
                    if members {
                        ids.extend(
                            kb.facts()
                                .relations
                                .iter()
                                .filter(|r| r.kind == entente_model::RelationKind::Membership && r.object == side)
                                .map(|r| r.subject.clone()),
                        );
                    }
                    ids
                };
                let (pa, pb) = (parties(a), parties(b));
                let smaller = if pa.len() <= pb.len() { pa } else { pb };
                let mut candidates: Vec<usize> = smaller
                    .iter()
                    .filter_map(|id| s.by_party.get(id))
                    .flatten()
                    .copied()
                    .collect();
                candidates.sort_unstable();
                candidates.dedup();
                for d in candidates.into_iter().map(|i| &s.deals[i]) {
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
                    // A deal of a member with its own organisation's other members is within it.
                    if via.is_some() && kb.within(a, b, day) {
                        continue;
                    }
                    let cite = s.info.cite(format!("{rec} ← {sup}, line {}", d.line));
                    if let Some(t) = s.linked.get(&d.line) {
                        ev.linked_deals.push((t.clone(), cite));
                        continue;
                    }
                    ev.deals.push(DealEvidence {
                        line: d.line,
                        transfer: deal_transfer(d, sup, rec),
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
                dataset: SIPRI.into(),
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

impl DatasetTables {
    /// What the datasets add to a chronology ([`TimelineQuery`]) of the curated `entries`: for a
    /// dyad, its ATOP alliances and (when imported) its SIPRI deals not already curated; for one
    /// state, the ATOP alliances it belonged to. Each added entry is marked `derived` with its
    /// dataset and cites its rows; an alliance or deal the curated data also record stays one
    /// entry, the curated one, which gains the dataset's citation.
    pub fn add_to_timeline(&self, kb: &KnowledgeBase, q: &TimelineQuery, entries: &mut Vec<TimelineEntry>) {
        let mut out = Vec::new();
        let mut push = |e: TimelineEntry| {
            if q.wants(&e.kind, e.fact, e.dimension) && q.in_window(e.date) {
                out.push(e);
            }
        };
        match q.actors.as_slice() {
            [a, b] => {
                let ev = self.dyad(kb, a, b, q.members);
                for (id, cite) in &ev.linked_deals {
                    cite_in(citations_of(entries, id), std::slice::from_ref(cite));
                }
                for t in &ev.alliances {
                    if t.curated
                        .as_ref()
                        .is_some_and(|id| cite_in(citations_of(entries, id), &t.citations))
                    {
                        continue;
                    }
                    push(TimelineEntry {
                        date: Some(t.start),
                        end: t.end,
                        fact: "relation",
                        kind: "alliance".into(),
                        dimension: Dimension::Institutional,
                        title: format!("Alliance (ATOP {}): {}", t.atopid, t.obligations.join(", ")),
                        actors: vec![a.clone(), b.clone()],
                        via: None,
                        id: format!("atop:{}", t.atopid),
                        citations: t.citations.clone(),
                        derived: Some(self.atop.as_ref().map_or_else(String::new, |x| x.info.name.clone())),
                        reviewed: None,
                    });
                }
                for d in &ev.deals {
                    let t = &d.transfer;
                    push(TimelineEntry {
                        date: t.order_date,
                        end: None,
                        fact: "transfer",
                        kind: "transfer".into(),
                        dimension: Dimension::DefenceIndustrial,
                        title: format!(
                            "{} ({} → {})",
                            entente_model::FactRef::Transfer(t).title(),
                            t.supplier,
                            t.recipient
                        ),
                        actors: vec![t.supplier.clone(), t.recipient.clone()],
                        via: d.via.clone(),
                        id: format!("sipri:{}", d.line),
                        citations: d.citations.clone(),
                        derived: Some(SIPRI.into()),
                        reviewed: None,
                    });
                }
            }
            [a] => {
                let Some(atop) = &self.atop else { return };
                let Some(phases) = atop.by_member.get(a) else {
                    return;
                };
                // One entry per alliance: from the first entry to the last exit.
                let mut by_alliance: BTreeMap<u32, Vec<&AtopPhase>> = BTreeMap::new();
                for p in phases {
                    by_alliance.entry(p.atopid).or_default().push(p);
                }
                for (id, ps) in by_alliance {
                    let entry = ps.iter().map(|p| p.entry).min();
                    let exit = if ps.iter().any(|p| p.exit.is_none()) {
                        None
                    } else {
                        ps.iter().filter_map(|p| p.exit).max()
                    };
                    let Some(start) = entry.and_then(atop_partial) else {
                        continue;
                    };
                    let obligations = ps.iter().fold(Obligations::default(), |o, p| o.union(p.obligations));
                    let others_ids: Vec<&String> = atop
                        .members
                        .get(&id)
                        .map(|m| m.iter().filter(|x| *x != a).collect())
                        .unwrap_or_default();
                    let others: Vec<&str> = others_ids.iter().map(|x| kb.name_of(x)).collect();
                    let with = match others.len() {
                        0 => String::new(),
                        n if n <= 4 => format!(" with {}", others.join(", ")),
                        n => format!(" with {} and {} more", others[..3].join(", "), n - 3),
                    };
                    let lines: Vec<String> = ps.iter().map(|p| p.line.to_string()).collect();
                    let cite = atop.info.cite(format!("atopid {id}, lines {}", lines.join(", ")));
                    let bilateral = others_ids.len() == 1;
                    if others_ids
                        .iter()
                        .find_map(|o| curated_twin(kb, a, o, id, start.year(), bilateral))
                        .is_some_and(|r| cite_in(citations_of(entries, &r.id), std::slice::from_ref(&cite)))
                    {
                        continue;
                    }
                    push(TimelineEntry {
                        date: Some(start),
                        end: exit.and_then(atop_partial),
                        fact: "relation",
                        kind: "alliance".into(),
                        dimension: Dimension::Institutional,
                        title: format!(
                            "Alliance (ATOP {id}){with}: {}",
                            obligation_names(obligations).join(", ")
                        ),
                        actors: std::iter::once(a.clone())
                            .chain(atop.members.get(&id).into_iter().flatten().filter(|x| *x != a).cloned())
                            .collect(),
                        via: None,
                        id: format!("atop:{id}"),
                        citations: vec![cite],
                        derived: Some(atop.info.name.clone()),
                        reviewed: None,
                    });
                }
            }
            _ => {}
        }
        entries.extend(out);
    }
}

/// Adds `cites` to each of the citation lists (those of the curated record of a tie a dataset
/// also holds); whether there was one.
fn cite_in<'e>(lists: impl Iterator<Item = &'e mut Vec<Citation>>, cites: &[Citation]) -> bool {
    let mut found = false;
    for list in lists {
        found = true;
        for c in cites {
            if !list.contains(c) {
                list.push(c.clone());
            }
        }
    }
    found
}

fn citations_of<'e>(entries: &'e mut [TimelineEntry], id: &'e str) -> impl Iterator<Item = &'e mut Vec<Citation>> {
    entries.iter_mut().filter(move |e| e.id == id).map(|e| &mut e.citations)
}

/// A chronology from the curated facts and the datasets together, oldest first: the question
/// behind `entente timeline` and `/api/timeline`.
pub fn timeline(kb: &KnowledgeBase, tables: Option<&DatasetTables>, q: &TimelineQuery) -> Timeline {
    let mut t = kb.timeline(q);
    if let Some(tables) = tables {
        tables.add_to_timeline(kb, q, &mut t.entries);
        t.entries.sort_by(|a, b| {
            a.date
                .cmp(&b.date)
                .then(a.derived.is_some().cmp(&b.derived.is_some()))
                .then(a.id.cmp(&b.id))
        });
    }
    t
}

/// An actor's state on a date from the curated facts and the datasets together: the ATOP
/// alliances a state belongs to on that day join its curated relations (past ATOP's last year,
/// those still in force then, carried forward and marked so). The question behind `entente at`
/// and `/api/at`.
pub fn state_at(kb: &KnowledgeBase, tables: Option<&DatasetTables>, actor: &str, day: Day) -> StateAt {
    let mut state = kb.state_at(actor, day);
    let Some(atop) = tables.and_then(|t| t.atop.as_ref()) else {
        return state;
    };
    let Some(phases) = atop.by_member.get(actor) else {
        return state;
    };
    let to_day = |d: AtopDate| atop_partial(d).map(|p| p.latest());
    let mut seen = std::collections::BTreeSet::new();
    for p in phases {
        let Some(start) = atop_partial(p.entry) else { continue };
        let ended = p.exit.and_then(to_day).is_some_and(|e| e < day);
        if start.earliest() > day || ended || !seen.insert(p.atopid) {
            continue;
        }
        let carried = p.exit.is_none() && day.year > atop.info.last_year;
        let others: Vec<&String> = atop
            .members
            .get(&p.atopid)
            .map(|m| m.iter().filter(|x| *x != actor).collect())
            .unwrap_or_default();
        let cite = atop
            .info
            .cite(format!("atopid {}, phase {}, line {}", p.atopid, p.phase, p.line));
        // An alliance the curated data record as a treaty ([`curated_twin`]) is that entry, cited twice.
        let bilateral = others.len() == 1;
        if let Some(twin) = others
            .iter()
            .find_map(|o| curated_twin(kb, actor, o, p.atopid, start.year(), bilateral))
        {
            let lists = state
                .entries
                .iter_mut()
                .filter(|e| e.id == twin.id)
                .map(|e| &mut e.citations);
            if cite_in(lists, std::slice::from_ref(&cite)) {
                continue;
            }
        }
        let (counterpart, counterpart_name) = match others.as_slice() {
            [one] => ((*one).clone(), kb.name_of(one).to_string()),
            many => (
                format!("atop:{}", p.atopid),
                format!("ATOP alliance {} ({} members)", p.atopid, many.len() + 1),
            ),
        };
        state.entries.push(StateEntry {
            role: "alliance".into(),
            counterpart,
            counterpart_name,
            title: format!("Alliance (ATOP {})", p.atopid),
            status: Some(format!(
                "{}{}",
                obligation_names(p.obligations).join(", "),
                if carried {
                    format!(
                        "; in force at the data's end ({}), carried forward",
                        atop.info.last_year
                    )
                } else {
                    String::new()
                }
            )),
            since: Some(start),
            until: p.exit.and_then(atop_partial),
            id: format!("atop:{}", p.atopid),
            citations: vec![cite],
            derived: Some(atop.info.name.clone()),
        });
    }
    state.entries.sort_by(|a, b| {
        a.role
            .cmp(&b.role)
            .then(a.since.cmp(&b.since))
            .then(a.counterpart.cmp(&b.counterpart))
    });
    state
}

/// Arms deals matching `q`: the curated ones and, with the SIPRI register imported, every
/// register deal the curated data do not already record (marked derived, cited by its line), by
/// order date. The question behind `entente transfers` and `/api/transfers`.
/// A transfer as listed, with the SIPRI register deal that describes it when the register is
/// imported (its TIV and register line).
#[derive(Clone, Debug, Serialize)]
pub struct ListedTransfer {
    #[serde(flatten)]
    pub row: TransferRow,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sipri: Option<crate::link::SipriLink>,
}

/// The answer of `entente transfers` and `/api/transfers`.
#[derive(Clone, Debug, Serialize)]
pub struct TransferList {
    pub total: usize,
    pub transfers: Vec<ListedTransfer>,
}

/// [`transfers`], each curated deal with its register link.
pub fn transfer_list(kb: &KnowledgeBase, tables: Option<&DatasetTables>, q: &TransferQuery) -> TransferList {
    let links = tables.and_then(DatasetTables::sipri_links);
    let transfers: Vec<ListedTransfer> = transfers(kb, tables, q)
        .into_iter()
        .map(|row| ListedTransfer {
            sipri: links.and_then(|l| l.of_transfer(&row.transfer.id)).cloned(),
            row,
        })
        .collect();
    TransferList {
        total: transfers.len(),
        transfers,
    }
}

/// Arms deals: the curated ones and, with the register imported, every register deal not
/// already curated (marked derived).
pub fn transfers(kb: &KnowledgeBase, tables: Option<&DatasetTables>, q: &TransferQuery) -> Vec<TransferRow> {
    let mut rows = kb.transfers(q);
    if let Some(s) = tables.and_then(|t| t.sipri.as_ref()) {
        for d in &s.deals {
            let (Some(sup), Some(rec)) = (d.supplier_id.as_deref(), d.recipient_id.as_deref()) else {
                continue;
            };
            if s.linked.contains_key(&d.line) {
                continue;
            }
            let t = deal_transfer(d, sup, rec);
            let cite = s.info.cite(format!("{rec} ← {sup}, line {}", d.line));
            if let Some(mut row) = kb.transfer_row(&t, vec![cite], q) {
                row.derived = Some(s.info.name.clone());
                rows.push(row);
            }
        }
        rows.sort_by(|a, b| {
            a.transfer
                .order_date
                .cmp(&b.transfer.order_date)
                .then(a.derived.is_some().cmp(&b.derived.is_some()))
                .then(a.transfer.id.cmp(&b.transfer.id))
        });
    }
    rows
}

/// The datasets as evidence for `verify` and `propose`: between two actors, each ATOP alliance as
/// an alliance relation (id `atop:ATOPID:A:B`, its obligations and dates) and each SIPRI deal as a
/// transfer (id `sipri:LINE`), citing their rows. Deals the curated data also record are left to
/// the curated record, as everywhere.
impl entente_claims::verify::DerivedSource for DatasetTables {
    fn between(&self, kb: &KnowledgeBase, a: &str, b: &str, out: &mut entente_claims::verify::Derived) {
        let ev = self.dyad(kb, a, b, false);
        // Every alliance, the ones the curated data also record included: ATOP dates a treaty
        // from its signature, the curated record from its entry into force, and a claim may
        // speak of either.
        for t in ev.alliances {
            let id = format!("atop:{}:{a}:{b}", t.atopid);
            out.citations.insert(id.clone(), t.citations);
            out.relations.push(Relation {
                id,
                kind: RelationKind::Alliance,
                subject: a.to_string(),
                object: b.to_string(),
                title: format!(
                    "Alliance (ATOP {}){}",
                    t.atopid,
                    if t.obligations.is_empty() {
                        String::new()
                    } else {
                        format!(": {}", t.obligations.join(", "))
                    }
                ),
                interval: Interval {
                    start: Some(t.start),
                    end: t.end,
                },
                status: None,
                programme: None,
                areas: Vec::new(),
                obligations: t.obligations.iter().map(|o| o.to_string()).collect(),
                atop: Some(t.atopid),
                deployment: None,
                dimension: Dimension::Institutional,
                sources: Vec::new(),
                note: None,
                review: None,
            });
        }
        for d in ev.deals {
            out.citations.insert(d.transfer.id.clone(), d.citations);
            out.transfers.push(d.transfer);
        }
    }
}
