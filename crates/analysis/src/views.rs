//! The standard measures over what is imported, shaped as the questions analysts ask: how aligned
//! two states are each year, how much arms moved from whom to whom, how dependent a recipient is
//! on its suppliers. The measures themselves are `entente-measures`'; this module only gathers
//! their inputs from the store, keeps the years asked for, and says which source gave what.

use crate::link::Links;
use entente_datasets::codes::{Country, Crosswalk, Scheme, When};
use entente_datasets::sipri::Deal;
use entente_measures::alliance::{dyad_series, AlliancePanel, DyadYear, System, Valuation};
use entente_measures::flows::{self, party_key, Concentration, Flow, Share};
use entente_measures::votes::{self, Agreement};
use entente_store::{Dataset, Result, Store};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The shipped crosswalk, or None if it failed to parse (a broken build; tested elsewhere).
fn crosswalk() -> Option<&'static Crosswalk> {
    Crosswalk::shipped().ok()
}

/// The COW code of an entente actor id (a state), today or in `year`.
pub fn cow_of(id: &str, year: Option<i32>) -> Option<u16> {
    crosswalk()?.by_id(id, year).and_then(|c| c.cow)
}

/// A state named by any code or name the crosswalk knows: entente id, ISO3, ISO2, COW number,
/// its name or SIPRI's name for it (for states outside the knowledge base).
pub fn find_state(query: &str) -> Option<&'static Country> {
    let cw = crosswalk()?;
    let q = query.trim();
    cw.find(Scheme::Id, q, When::Any)
        .or_else(|| cw.find(Scheme::Iso3, q, When::Any))
        .or_else(|| cw.find(Scheme::Iso2, q, When::Any))
        .or_else(|| cw.find(Scheme::Cow, q, When::Any))
        .or_else(|| cw.by_sipri_name(q))
        .or_else(|| cw.rows().iter().find(|c| c.name.eq_ignore_ascii_case(q)))
}

/// Where a measure's data came from: the imported file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Provenance {
    pub dataset: Dataset,
    pub file: String,
    pub sha256: String,
    pub imported_at: String,
}

fn provenance(store: &Store, dataset: Dataset, slot: &str) -> Option<Provenance> {
    store.entry(dataset, slot).map(|e| Provenance {
        dataset,
        file: e.file.clone(),
        sha256: e.sha256.clone(),
        imported_at: e.imported_at.clone(),
    })
}

/// One year of a dyad's alignment.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AlignYear {
    pub year: i32,
    /// ATOP alliance-portfolio similarity (S, π, κ, the ties and shared alliances), where ATOP is
    /// imported and both states are in the COW system that year.
    pub alliance: Option<DyadYear>,
    /// UN General Assembly voting agreement with its counts, where votes are imported.
    pub votes: Option<Agreement>,
}

/// A dyad's alignment by year.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Alignment {
    pub a: String,
    pub b: String,
    pub a_cow: u16,
    pub b_cow: u16,
    pub atop: Option<Provenance>,
    pub unvotes: Vec<Provenance>,
    /// What could not be computed, and why.
    pub notes: Vec<String>,
    pub years: Vec<AlignYear>,
}

fn year_row(m: &mut BTreeMap<i32, AlignYear>, year: i32) -> &mut AlignYear {
    m.entry(year).or_insert_with(|| AlignYear {
        year,
        alliance: None,
        votes: None,
    })
}

/// A dyad's alignment by year over `from..=to` (both optional: the data's own span). `a` and `b`
/// are (entente id, COW code).
pub fn align(store: &Store, a: (&str, u16), b: (&str, u16), from: Option<i32>, to: Option<i32>) -> Result<Alignment> {
    let mut notes = Vec::new();
    let mut by_year: BTreeMap<i32, AlignYear> = BTreeMap::new();
    let in_range = |y: i32| from.is_none_or(|f| f <= y) && to.is_none_or(|t| y <= t);

    // ATOP: the alliance-portfolio panel over the COW state system (1816–2016), with the tie
    // valuation that reproduces ATOP's published figures.
    let members = store.load_atop_members()?;
    let atop = provenance(store, Dataset::Atop, entente_store::SLOT_MEMBERS);
    if members.is_empty() {
        notes.push("ATOP is not imported: run `entente import atop atop-member-level.csv` for S, pi and kappa".into());
    } else {
        let system = System::cow2016();
        let (first, last) = system.years();
        let panel = AlliancePanel::build(&members, &system, Valuation::Reference);
        let lo = from.unwrap_or(first).max(first);
        let hi = to.unwrap_or(last).min(last);
        for d in dyad_series(&panel, a.1, b.1, lo, hi) {
            let year = d.year;
            year_row(&mut by_year, year).alliance = Some(d);
        }
        notes.push(format!(
            "ATOP S, pi and kappa cover {first}–{last}, the years of the COW state system list (v2016); \
             weighted S needs capability (CINC) weights, which no imported dataset provides"
        ));
    }

    // UN votes: a per-country file of either side, else votes in the long layout.
    let mut unvotes = Vec::new();
    let cw = crosswalk();
    let mut rows: Vec<Agreement> = Vec::new();
    if let (Some(file), Some(cw)) = (store.load_unvotes_country(a.1)?, cw) {
        rows = votes::from_country_file(&file, b.1, cw);
        unvotes.extend(provenance(store, Dataset::Unvotes, &entente_store::country_slot(a.1)));
    } else if let (Some(file), Some(cw)) = (store.load_unvotes_country(b.1)?, cw) {
        rows = votes::from_country_file(&file, a.1, cw);
        unvotes.extend(provenance(store, Dataset::Unvotes, &entente_store::country_slot(b.1)));
    } else {
        let long = store.load_unvotes_long()?;
        if !long.is_empty() {
            // Roll-call years from any per-country file, for long files without a year column.
            let years = match store.unvotes_countries().first() {
                Some(&c) => store.load_unvotes_country(c)?.map(|f| f.roll_call_years()),
                None => None,
            };
            rows = votes::from_votes(&long, years.as_ref(), a.0, b.0);
            unvotes.extend(provenance(store, Dataset::Unvotes, entente_store::SLOT_VOTES));
        }
    }
    if unvotes.is_empty() {
        notes.push(format!(
            "UN votes are not imported for this dyad: import {}.csv or {}.csv (un-project per-country files) or a long-layout file",
            a.1, b.1
        ));
    }
    // One row per year (a year in which a code changed hands gives several; they are pooled).
    let mut per_year: BTreeMap<i32, Vec<Agreement>> = BTreeMap::new();
    for r in rows {
        per_year.entry(r.from).or_default().push(r);
    }
    for (y, rs) in per_year {
        if let Some(mut p) = votes::pooled(&rs, y, y) {
            p.a = a.0.to_string();
            p.b = b.0.to_string();
            year_row(&mut by_year, y).votes = Some(p);
        }
    }
    Ok(Alignment {
        a: a.0.to_string(),
        b: b.0.to_string(),
        a_cow: a.1,
        b_cow: b.1,
        atop,
        unvotes,
        notes,
        years: by_year.into_values().filter(|r| in_range(r.year)).collect(),
    })
}

/// One year of a state's alignment with a group: means over the group's members that year.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupAlignYear {
    pub year: i32,
    /// Members that year (with a COW code).
    pub members: usize,
    /// Mean ATOP S (unweighted) and π with the members in the COW system that year.
    pub s: Option<f64>,
    pub pi: Option<f64>,
    /// Members allied with the state that year (a tie either way).
    pub allied: usize,
    /// Mean three-category UN voting agreement with the members that voted that year.
    pub agreement: Option<f64>,
    /// Members with votes that year.
    pub voting: usize,
}

/// A state's alignment with a group of states (an alliance's members at each date).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupAlignment {
    pub state: String,
    pub state_cow: u16,
    pub atop: Option<Provenance>,
    pub unvotes: Vec<Provenance>,
    pub notes: Vec<String>,
    pub years: Vec<GroupAlignYear>,
}

fn mean(v: &[f64]) -> Option<f64> {
    (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
}

/// A state's alignment with a group, year by year over `from..=to`: `members(year)` gives the
/// group's members that year as (entente id, COW code). ATOP's panel is built once; UN votes come
/// from the state's per-country file (`<COW>.csv`).
pub fn align_group(
    store: &Store,
    state: (&str, u16),
    members: &dyn Fn(i32) -> Vec<(String, u16)>,
    from: i32,
    to: i32,
) -> Result<GroupAlignment> {
    let mut notes = Vec::new();
    let atop_members = store.load_atop_members()?;
    let atop = provenance(store, Dataset::Atop, entente_store::SLOT_MEMBERS);
    let panel = if atop_members.is_empty() {
        notes.push("ATOP is not imported: run `entente import atop atop-member-level.csv` for S and pi".into());
        None
    } else {
        let system = System::cow2016();
        let (first, last) = system.years();
        if to > last || from < first {
            notes.push(format!(
                "ATOP S and pi cover {first}–{last}, the years of the COW state system list (v2016)"
            ));
        }
        Some(AlliancePanel::build(&atop_members, &system, Valuation::Reference))
    };
    let file = store.load_unvotes_country(state.1)?;
    let mut unvotes = Vec::new();
    // Member COW code → its agreements with the state by year.
    let mut agreements: HashMap<u16, BTreeMap<i32, f64>> = HashMap::new();
    match (&file, crosswalk()) {
        (Some(file), Some(cw)) => {
            unvotes.extend(provenance(
                store,
                Dataset::Unvotes,
                &entente_store::country_slot(state.1),
            ));
            let cows: BTreeSet<u16> = (from..=to).flat_map(members).map(|(_, c)| c).collect();
            for cow in cows {
                let mut per_year: BTreeMap<i32, Vec<Agreement>> = BTreeMap::new();
                for r in votes::from_country_file(file, cow, cw) {
                    per_year.entry(r.from).or_default().push(r);
                }
                let m = agreements.entry(cow).or_default();
                for (y, rs) in per_year {
                    if let Some(a) = votes::pooled(&rs, y, y).and_then(|p| p.three_category) {
                        m.insert(y, a);
                    }
                }
            }
        }
        _ => notes.push(format!(
            "UN votes are not imported for {}: import its un-project file {}.csv",
            state.0, state.1
        )),
    }
    let mut years = Vec::new();
    for year in from..=to {
        let ms = members(year);
        let (mut s, mut pi, mut agree) = (Vec::new(), Vec::new(), Vec::new());
        let mut allied = 0;
        for (_, cow) in &ms {
            if let Some(d) = panel.as_ref().and_then(|p| p.dyad(state.1, *cow, year)) {
                s.push(d.s_unweighted);
                pi.extend(d.pi);
                if d.tie_ab > 0 || d.tie_ba > 0 {
                    allied += 1;
                }
            }
            if let Some(a) = agreements.get(cow).and_then(|m| m.get(&year)) {
                agree.push(*a);
            }
        }
        if s.is_empty() && agree.is_empty() {
            continue;
        }
        years.push(GroupAlignYear {
            year,
            members: ms.len(),
            s: mean(&s),
            pi: mean(&pi),
            allied,
            agreement: mean(&agree),
            voting: agree.len(),
        });
    }
    Ok(GroupAlignment {
        state: state.0.to_string(),
        state_cow: state.1,
        atop,
        unvotes,
        notes,
        years,
    })
}

/// Which TIV a flow counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// TIV delivered, each deal's total spread evenly over its delivery years.
    Delivered,
    /// TIV of the whole order, in the order year.
    Ordered,
}

/// Which flows to list. Parties are entente ids (or SIPRI's names, for parties without one).
#[derive(Clone, Debug, Default)]
pub struct FlowQuery {
    pub supplier: Option<String>,
    pub recipient: Option<String>,
    pub from: Option<i32>,
    pub to: Option<i32>,
}

/// A SIPRI deal in a flow that a curated transfer describes too.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LinkedDeal {
    pub line: usize,
    pub transfer: String,
    /// The deal's TIV counted in this row.
    pub tiv: f64,
}

/// TIV from a supplier to a recipient in a year, with the SIPRI lines behind it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FlowRow {
    pub year: i32,
    pub supplier: String,
    pub recipient: String,
    /// SIPRI TIV, millions: from the register only (curated facts are never added).
    pub tiv: f64,
    pub deals: u32,
    /// Register lines of the deals counted.
    pub sipri_lines: Vec<usize>,
    /// The deals among them that curated transfers describe.
    pub linked: Vec<LinkedDeal>,
}

/// Flows, with what links them to the knowledge base.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Flows {
    pub basis: Basis,
    pub rows: Vec<FlowRow>,
    pub total_tiv: f64,
    /// Curated transfers in the query's scope that no SIPRI deal describes: shown, not counted.
    pub curated_without_sipri: Vec<crate::link::Unlinked>,
}

fn matches(q: &FlowQuery, d: &Deal) -> bool {
    let s = party_key(d.supplier_id.as_deref(), &d.supplier);
    let r = party_key(d.recipient_id.as_deref(), &d.recipient);
    q.supplier.as_ref().is_none_or(|x| *x == s) && q.recipient.as_ref().is_none_or(|x| *x == r)
}

/// The deals' flows by year that match the query and `keep(recipient, year)` (e.g. "a NATO member
/// that year"), with the SIPRI lines behind each and the curated transfers linked to them.
pub fn flows(deals: &[Deal], links: &Links, q: &FlowQuery, basis: Basis, keep: &dyn Fn(&str, i32) -> bool) -> Flows {
    let mine: Vec<Deal> = deals.iter().filter(|d| matches(q, d)).cloned().collect();
    let measured = match basis {
        Basis::Delivered => flows::delivered_by_year(&mine),
        Basis::Ordered => flows::ordered_by_year(&mine),
    };
    // The deals behind each (supplier, recipient, year), with what each contributes.
    let mut behind: HashMap<(String, String, i32), Vec<(usize, f64)>> = HashMap::new();
    for d in &mine {
        let key = |y: i32| {
            (
                party_key(d.supplier_id.as_deref(), &d.supplier),
                party_key(d.recipient_id.as_deref(), &d.recipient),
                y,
            )
        };
        match basis {
            Basis::Delivered => {
                if let (Some(tiv), false) = (d.tiv_delivered, d.delivery_years.is_empty()) {
                    for &y in &d.delivery_years {
                        behind
                            .entry(key(y))
                            .or_default()
                            .push((d.line, tiv / d.delivery_years.len() as f64));
                    }
                }
            }
            Basis::Ordered => {
                if let (Some(tiv), Some(y)) = (d.tiv_order, d.order_year) {
                    behind.entry(key(y)).or_default().push((d.line, tiv));
                }
            }
        }
    }
    let by_line = links.by_line();
    let in_range = |y: i32| q.from.is_none_or(|f| f <= y) && q.to.is_none_or(|t| y <= t);
    let mut rows: Vec<FlowRow> = measured
        .into_iter()
        .filter(|f| in_range(f.year) && keep(&f.recipient, f.year))
        .map(|f| {
            let mut deals = behind
                .remove(&(f.supplier.clone(), f.recipient.clone(), f.year))
                .unwrap_or_default();
            deals.sort_by_key(|d| d.0);
            let linked = deals
                .iter()
                .filter_map(|&(line, tiv)| {
                    by_line.get(&line).map(|t| LinkedDeal {
                        line,
                        transfer: t.to_string(),
                        tiv,
                    })
                })
                .collect();
            FlowRow {
                year: f.year,
                supplier: f.supplier,
                recipient: f.recipient,
                tiv: f.tiv,
                deals: f.deals,
                sipri_lines: deals.iter().map(|d| d.0).collect(),
                linked,
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        a.year
            .cmp(&b.year)
            .then(a.supplier.cmp(&b.supplier))
            .then(a.recipient.cmp(&b.recipient))
    });
    let curated_without_sipri = links
        .unlinked
        .iter()
        .filter(|u| q.supplier.as_ref().is_none_or(|s| *s == u.supplier))
        .filter(|u| q.recipient.as_ref().is_none_or(|r| *r == u.recipient))
        .filter(|u| u.order_year.is_none_or(|y| in_range(y) && keep(&u.recipient, y)))
        .cloned()
        .collect();
    Flows {
        basis,
        total_tiv: rows.iter().map(|r| r.tiv).sum(),
        rows,
        curated_without_sipri,
    }
}

/// One year of a recipient's supplier shares.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct YearShares {
    pub year: i32,
    pub total: f64,
    /// HHI of the year's shares, 0..=1.
    pub hhi: f64,
    /// (supplier, share), largest first.
    pub shares: Vec<(String, f64)>,
}

/// A recipient's dependence on each supplier over a period, its supplier concentration, and the
/// same year by year.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Dependence {
    pub recipient: String,
    pub from: i32,
    pub to: i32,
    pub basis: Basis,
    pub shares: Vec<Share>,
    pub concentration: Option<Concentration>,
    pub yearly: Vec<YearShares>,
}

/// `recipient`'s dependence over `from..=to` (default: the years it imported anything).
pub fn dependence(deals: &[Deal], recipient: &str, from: Option<i32>, to: Option<i32>, basis: Basis) -> Dependence {
    let q = FlowQuery {
        recipient: Some(recipient.to_string()),
        ..Default::default()
    };
    let mine: Vec<Deal> = deals.iter().filter(|d| matches(&q, d)).cloned().collect();
    let all: Vec<Flow> = match basis {
        Basis::Delivered => flows::delivered_by_year(&mine),
        Basis::Ordered => flows::ordered_by_year(&mine),
    };
    let years: BTreeSet<i32> = all.iter().map(|f| f.year).collect();
    let from = from.or_else(|| years.first().copied()).unwrap_or(0);
    let to = to.or_else(|| years.last().copied()).unwrap_or(from);
    let shares = flows::dependence(&all, recipient, from, to);
    let concentration = flows::concentration(&all, recipient, from, to);
    let yearly = years
        .range(from..=to.max(from))
        .filter_map(|&y| {
            let s = flows::dependence(&all, recipient, y, y);
            let first = s.first()?;
            Some(YearShares {
                year: y,
                total: first.total,
                hhi: flows::hhi(&s.iter().map(|x| x.share).collect::<Vec<_>>()),
                shares: s.iter().map(|x| (x.supplier.clone(), x.share)).collect(),
            })
        })
        .collect();
    Dependence {
        recipient: recipient.to_string(),
        from,
        to,
        basis,
        shares,
        concentration,
        yearly,
    }
}

/// Why a register question cannot be answered.
#[derive(Debug)]
pub enum RegisterError {
    /// No SIPRI register is imported in the data directory.
    NotImported(std::path::PathBuf),
    Store(entente_store::Error),
}

impl std::fmt::Display for RegisterError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RegisterError::NotImported(dir) => write!(
                f,
                "no SIPRI register is imported in {}: run `entente import sipri trade-register.csv`",
                dir.display()
            ),
            RegisterError::Store(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for RegisterError {}

impl From<entente_store::Error> for RegisterError {
    fn from(e: entente_store::Error) -> RegisterError {
        RegisterError::Store(e)
    }
}

/// The imported register's deals and the import they came from.
pub fn register(store: &Store) -> std::result::Result<(Vec<Deal>, Provenance), RegisterError> {
    let deals = store.load_sipri()?;
    let e = store
        .entries_of(Dataset::Sipri)
        .next()
        .filter(|_| !deals.is_empty())
        .ok_or_else(|| RegisterError::NotImported(store.data_dir().to_path_buf()))?;
    let prov = Provenance {
        dataset: Dataset::Sipri,
        file: e.file.clone(),
        sha256: e.sha256.clone(),
        imported_at: e.imported_at.clone(),
    };
    Ok((deals, prov))
}

/// Arms flows as `entente flows` and `/api/flows` answer: the question, the register it was
/// asked of, and the flows (curated deals linked, counted once).
#[derive(Clone, Debug, Serialize)]
pub struct FlowsAnswer {
    pub register: Provenance,
    pub supplier: Option<String>,
    pub recipient: Option<String>,
    pub recipient_in: Option<String>,
    pub from: Option<i32>,
    pub to: Option<i32>,
    #[serde(flatten)]
    pub flows: Flows,
}

/// The flows of `q` in the imported register; `org`: recipients that were members of it at the
/// end of each year.
pub fn flows_answer(
    kb: &entente_kb::KnowledgeBase,
    store: &Store,
    q: &FlowQuery,
    org: Option<&str>,
    basis: Basis,
) -> std::result::Result<FlowsAnswer, RegisterError> {
    let (deals, register) = register(store)?;
    let links = crate::link::link_transfers(&kb.facts().transfers, &deals);
    let keep = |recipient: &str, year: i32| {
        org.is_none_or(|o| {
            kb.membership_at(
                recipient,
                o,
                entente_model::Day {
                    year,
                    month: 12,
                    day: 31,
                },
            )
            .is_some()
        })
    };
    let flows = flows(&deals, &links, q, basis, &keep);
    Ok(FlowsAnswer {
        register,
        supplier: q.supplier.clone(),
        recipient: q.recipient.clone(),
        recipient_in: org.map(str::to_string),
        from: q.from,
        to: q.to,
        flows,
    })
}

/// A recipient's dependence as `entente dependence` and `/api/dependence` answer it.
#[derive(Clone, Debug, Serialize)]
pub struct DependenceAnswer {
    pub register: Provenance,
    #[serde(flatten)]
    pub dependence: Dependence,
}

/// The suppliers' shares of `recipient`'s imports over `from..=to` in the imported register.
pub fn dependence_answer(
    store: &Store,
    recipient: &str,
    (from, to): (Option<i32>, Option<i32>),
    basis: Basis,
) -> std::result::Result<DependenceAnswer, RegisterError> {
    let (deals, register) = register(store)?;
    Ok(DependenceAnswer {
        register,
        dependence: dependence(&deals, recipient, from, to, basis),
    })
}
