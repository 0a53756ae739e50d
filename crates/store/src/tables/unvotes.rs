//! `unvotes/rollcalls` and `unvotes/agreements` (a per-country file: one row per roll call with the
//! focal country's vote, and one row per non-empty agreement code, long), and `unvotes/votes` (the
//! long layout). Countries carry their entente id on the roll call's date.

use super::{Loaded, Table};
use crate::columns::{line, opt, opt_bool, opt_str, req, req_bool, req_str, Batch, Columns};
use crate::Result;
use arrow_array::types::{Date32Type, Int32Type, Int8Type, UInt16Type, UInt32Type, UInt64Type, UInt8Type};
use arrow_array::{
    BooleanArray, Date32Array, Int32Array, Int8Array, StringArray, UInt16Array, UInt32Array, UInt64Array, UInt8Array,
};
use entente_datasets::codes::Crosswalk;
use entente_datasets::unvotes::{AgreementCode, CountryFile, CountryRow, CountryVote, Issues, RollCall, Vote};
use entente_model::Day;
use std::collections::{BTreeSet, HashMap};

type R<T> = std::result::Result<T, String>;

/// Key-value metadata of `agreements`: the file's country columns in order (COW codes).
const COLUMNS_KEY: &str = "entente.columns";
const FOCAL_KEY: &str = "entente.focal";

/// The two tables of a per-country file, and the COW codes that did not resolve to an actor.
pub fn country_tables(file: &CountryFile, crosswalk: &Crosswalk) -> R<(Table, Table, BTreeSet<u16>)> {
    let rows = &file.rows;
    let mut unresolved = BTreeSet::new();
    let id_on = |cow: u16, day: Day, unresolved: &mut BTreeSet<u16>| {
        let id = crosswalk.by_cow_on(cow, day).map(|c| c.id.clone());
        if id.is_none() {
            unresolved.insert(cow);
        }
        id
    };
    let focal_ids: Vec<Option<String>> = rows
        .iter()
        .map(|r| id_on(file.focal, r.roll_call.date, &mut unresolved))
        .collect();
    let mut c = Columns::default();
    c.add(
        "line",
        UInt64Array::from_iter_values(rows.iter().map(|r| r.line as u64)),
    )
    .add(
        "rcid",
        UInt32Array::from_iter_values(rows.iter().map(|r| r.roll_call.rcid)),
    )
    .add(
        "year",
        Int32Array::from_iter_values(rows.iter().map(|r| r.roll_call.year)),
    )
    .add(
        "session",
        UInt32Array::from_iter_values(rows.iter().map(|r| r.roll_call.session)),
    )
    .add(
        "date",
        Date32Array::from_iter_values(rows.iter().map(|r| r.roll_call.date.ordinal() as i32)),
    )
    .add("yes", UInt32Array::from_iter(rows.iter().map(|r| r.roll_call.yes)))
    .add("no", UInt32Array::from_iter(rows.iter().map(|r| r.roll_call.no)))
    .add(
        "abstain",
        UInt32Array::from_iter(rows.iter().map(|r| r.roll_call.abstain)),
    )
    .add(
        "importantvote",
        BooleanArray::from_iter(rows.iter().map(|r| r.roll_call.importantvote)),
    )
    .add(
        "unres",
        StringArray::from_iter_values(rows.iter().map(|r| r.roll_call.unres.as_str())),
    )
    .add("amend", BooleanArray::from_iter(rows.iter().map(|r| r.roll_call.amend)))
    .add("para", BooleanArray::from_iter(rows.iter().map(|r| r.roll_call.para)))
    .add(
        "short",
        StringArray::from_iter_values(rows.iter().map(|r| r.roll_call.short.as_str())),
    )
    .add(
        "descr",
        StringArray::from_iter_values(rows.iter().map(|r| r.roll_call.descr.as_str())),
    );
    type Dummy = (&'static str, fn(&Issues) -> bool);
    let issues: [Dummy; 6] = [
        ("me", |i| i.me),
        ("nu", |i| i.nu),
        ("di", |i| i.di),
        ("hr", |i| i.hr),
        ("co", |i| i.co),
        ("ec", |i| i.ec),
    ];
    for (name, get) in issues {
        c.add(
            name,
            BooleanArray::from_iter(rows.iter().map(|r| Some(get(&r.roll_call.issues)))),
        );
    }
    c.add("focal", UInt16Array::from_iter_values(rows.iter().map(|_| file.focal)))
        .add(
            "focal_id",
            StringArray::from_iter(focal_ids.iter().map(Option::as_deref)),
        )
        .add("vote", UInt8Array::from_iter_values(rows.iter().map(|r| r.vote.code())));
    let rollcalls = Table {
        name: "rollcalls",
        batch: c.finish()?,
        metadata: vec![(FOCAL_KEY.to_string(), file.focal.to_string())],
    };

    // Agreements, long: only the non-empty cells (most countries are absent from most votes).
    let (mut l, mut rcid, mut year, mut other, mut other_id, mut code) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    // Ids change only at state births and deaths: cache per (COW code, year) and re-check the day
    // only where the crosswalk has more than one row for the code.
    let mut cache: HashMap<(u16, Day), Option<String>> = HashMap::new();
    for r in rows {
        for (&cow, cell) in file.columns.iter().zip(&r.codes) {
            let Some(cell) = cell else { continue };
            l.push(r.line as u64);
            rcid.push(r.roll_call.rcid);
            year.push(r.roll_call.year);
            other.push(cow);
            let id = cache
                .entry((cow, r.roll_call.date))
                .or_insert_with(|| id_on(cow, r.roll_call.date, &mut unresolved))
                .clone();
            other_id.push(id);
            code.push(cell.value());
        }
    }
    let n = l.len();
    let mut c = Columns::default();
    c.add("line", UInt64Array::from(l))
        .add("rcid", UInt32Array::from(rcid))
        .add("year", Int32Array::from(year))
        .add("focal", UInt16Array::from(vec![file.focal; n]))
        .add("other", UInt16Array::from(other))
        .add(
            "other_id",
            StringArray::from_iter(other_id.iter().map(Option::as_deref)),
        )
        .add("code", Int8Array::from(code));
    let columns: Vec<String> = file.columns.iter().map(u16::to_string).collect();
    let agreements = Table {
        name: "agreements",
        batch: c.finish()?,
        metadata: vec![
            (COLUMNS_KEY.to_string(), columns.join(",")),
            (FOCAL_KEY.to_string(), file.focal.to_string()),
        ],
    };
    Ok((rollcalls, agreements, unresolved))
}

/// Rebuilds the reader's `CountryFile` from the two tables.
pub fn read_country(focal: u16, rollcalls: &Loaded, agreements: &Loaded) -> Result<CountryFile> {
    let columns: Vec<u16> = match agreements.metadata.get(COLUMNS_KEY) {
        None => return Err(agreements.corrupt(format!("no `{COLUMNS_KEY}` metadata"))),
        Some(s) if s.is_empty() => Vec::new(),
        Some(s) => s
            .split(',')
            .map(|c| c.parse::<u16>())
            .collect::<std::result::Result<_, _>>()
            .map_err(|e| agreements.corrupt(format!("`{COLUMNS_KEY}`: {e}")))?,
    };
    let index: HashMap<u16, usize> = columns.iter().enumerate().map(|(i, &c)| (c, i)).collect();
    let mut rows: Vec<CountryRow> = Vec::new();
    for batch in &rollcalls.batches {
        let b = Batch {
            batch,
            table: "rollcalls",
        };
        read_rollcalls(&b, columns.len(), &mut rows).map_err(|m| rollcalls.corrupt(m))?;
    }
    let by_line: HashMap<usize, usize> = rows.iter().enumerate().map(|(i, r)| (r.line, i)).collect();
    for batch in &agreements.batches {
        let b = Batch {
            batch,
            table: "agreements",
        };
        let r = (|| -> R<()> {
            let (l, other, code) = (
                b.prim::<UInt64Type>("line")?,
                b.prim::<UInt16Type>("other")?,
                b.prim::<Int8Type>("code")?,
            );
            for i in 0..b.rows() {
                let ln = line(req(l, i, "line")?);
                let row = by_line
                    .get(&ln)
                    .ok_or_else(|| format!("agreement for line {ln}, which has no roll call"))?;
                let cow = req(other, i, "other")?;
                let col = index
                    .get(&cow)
                    .ok_or_else(|| format!("agreement with {cow}, which is not among the columns"))?;
                let v = req(code, i, "code")?;
                let code = AgreementCode::parse(&v.to_string())
                    .ok_or_else(|| format!("column `code`: {v} is not 2, -1 or -2"))?;
                rows[*row].codes[*col] = Some(code);
            }
            Ok(())
        })();
        r.map_err(|m| agreements.corrupt(m))?;
    }
    Ok(CountryFile { focal, columns, rows })
}

fn read_rollcalls(b: &Batch<'_>, ncols: usize, out: &mut Vec<CountryRow>) -> R<()> {
    let l = b.prim::<UInt64Type>("line")?;
    let rcid = b.prim::<UInt32Type>("rcid")?;
    let year = b.prim::<Int32Type>("year")?;
    let session = b.prim::<UInt32Type>("session")?;
    let date = b.prim::<Date32Type>("date")?;
    let (yes, no, abstain) = (
        b.prim::<UInt32Type>("yes")?,
        b.prim::<UInt32Type>("no")?,
        b.prim::<UInt32Type>("abstain")?,
    );
    let (important, amend, para) = (b.bool("importantvote")?, b.bool("amend")?, b.bool("para")?);
    let (unres, short, descr) = (b.str("unres")?, b.str("short")?, b.str("descr")?);
    let issues = [
        b.bool("me")?,
        b.bool("nu")?,
        b.bool("di")?,
        b.bool("hr")?,
        b.bool("co")?,
        b.bool("ec")?,
    ];
    let vote = b.prim::<UInt8Type>("vote")?;
    for i in 0..b.rows() {
        let v = req(vote, i, "vote")?;
        let issue = |k: usize, n: &str| req_bool(issues[k], i, n);
        out.push(CountryRow {
            line: line(req(l, i, "line")?),
            roll_call: RollCall {
                rcid: req(rcid, i, "rcid")?,
                year: req(year, i, "year")?,
                session: req(session, i, "session")?,
                date: Day::from_ordinal(i64::from(req(date, i, "date")?)),
                yes: opt(yes, i),
                no: opt(no, i),
                abstain: opt(abstain, i),
                importantvote: opt_bool(important, i),
                unres: req_str(unres, i, "unres")?.to_string(),
                amend: opt_bool(amend, i),
                para: opt_bool(para, i),
                short: req_str(short, i, "short")?.to_string(),
                descr: req_str(descr, i, "descr")?.to_string(),
                issues: Issues {
                    me: issue(0, "me")?,
                    nu: issue(1, "nu")?,
                    di: issue(2, "di")?,
                    hr: issue(3, "hr")?,
                    co: issue(4, "co")?,
                    ec: issue(5, "ec")?,
                },
            },
            vote: Vote::from_code(v).ok_or_else(|| format!("column `vote`: {v} is not a vote code"))?,
            codes: vec![None; ncols],
        });
    }
    Ok(())
}

pub fn votes_table(votes: &[CountryVote]) -> R<Table> {
    let mut c = Columns::default();
    c.add(
        "line",
        UInt64Array::from_iter_values(votes.iter().map(|v| v.line as u64)),
    )
    .add("rcid", UInt32Array::from_iter_values(votes.iter().map(|v| v.rcid)))
    .add("year", Int32Array::from_iter(votes.iter().map(|v| v.year)))
    .add(
        "country",
        StringArray::from_iter_values(votes.iter().map(|v| v.country.as_str())),
    )
    .add("cow", UInt16Array::from_iter(votes.iter().map(|v| v.cow)))
    .add(
        "country_id",
        StringArray::from_iter(votes.iter().map(|v| v.country_id.as_deref())),
    )
    .add(
        "vote",
        UInt8Array::from_iter_values(votes.iter().map(|v| v.vote.code())),
    );
    Ok(Table {
        name: "votes",
        batch: c.finish()?,
        metadata: Vec::new(),
    })
}

pub fn read_votes(t: &Loaded) -> Result<Vec<CountryVote>> {
    let mut out = Vec::new();
    for batch in &t.batches {
        let b = Batch { batch, table: "votes" };
        let r = (|| -> R<()> {
            let (l, rcid, year) = (
                b.prim::<UInt64Type>("line")?,
                b.prim::<UInt32Type>("rcid")?,
                b.prim::<Int32Type>("year")?,
            );
            let (country, cow, country_id) = (b.str("country")?, b.prim::<UInt16Type>("cow")?, b.str("country_id")?);
            let vote = b.prim::<UInt8Type>("vote")?;
            for i in 0..b.rows() {
                let v = req(vote, i, "vote")?;
                out.push(CountryVote {
                    line: line(req(l, i, "line")?),
                    rcid: req(rcid, i, "rcid")?,
                    year: opt(year, i),
                    country: req_str(country, i, "country")?.to_string(),
                    cow: opt(cow, i),
                    country_id: opt_str(country_id, i).map(str::to_string),
                    vote: Vote::from_code(v).ok_or_else(|| format!("column `vote`: {v} is not a vote code"))?,
                });
            }
            Ok(())
        })();
        r.map_err(|m| t.corrupt(m))?;
    }
    Ok(out)
}
