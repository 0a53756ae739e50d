//! `atop/members`, `atop/alliances`, `atop/similarity`: the ATOP files' rows with every field the
//! readers keep. Members carry the entente id of their COW code on their entry date.

use super::{Loaded, Table};
use crate::columns::{line, list_values, opt, req, req_bool, Batch, Columns};
use crate::Result;
use arrow_array::types::{Float64Type, Int32Type, UInt16Type, UInt32Type, UInt64Type, UInt8Type};
use arrow_array::{
    BooleanArray, Float64Array, Int32Array, ListArray, StringArray, UInt16Array, UInt32Array, UInt64Array, UInt8Array,
};
use entente_datasets::atop::{Alliance, AllianceYearSimilarity, AtopDate, Membership, Obligations};

type R<T> = std::result::Result<T, String>;

fn obligations(c: &mut Columns, rows: &[Obligations]) {
    c.add("defense", BooleanArray::from_iter(rows.iter().map(|o| Some(o.defense))))
        .add("offense", BooleanArray::from_iter(rows.iter().map(|o| Some(o.offense))))
        .add("neutral", BooleanArray::from_iter(rows.iter().map(|o| Some(o.neutral))))
        .add("nonagg", BooleanArray::from_iter(rows.iter().map(|o| Some(o.nonagg))))
        .add("consul", BooleanArray::from_iter(rows.iter().map(|o| Some(o.consul))));
}

fn read_obligations<'a>(b: &Batch<'a>) -> R<impl Fn(usize) -> R<Obligations> + 'a> {
    let cols = [
        b.bool("defense")?,
        b.bool("offense")?,
        b.bool("neutral")?,
        b.bool("nonagg")?,
        b.bool("consul")?,
    ];
    Ok(move |i: usize| {
        Ok(Obligations {
            defense: req_bool(cols[0], i, "defense")?,
            offense: req_bool(cols[1], i, "offense")?,
            neutral: req_bool(cols[2], i, "neutral")?,
            nonagg: req_bool(cols[3], i, "nonagg")?,
            consul: req_bool(cols[4], i, "consul")?,
        })
    })
}

/// Three columns `<p>_year`, `<p>_month`, `<p>_day` (month and day 0 when unknown, as ATOP).
fn dates(c: &mut Columns, names: [&'static str; 3], rows: &[Option<AtopDate>]) {
    c.add(names[0], Int32Array::from_iter(rows.iter().map(|d| d.map(|d| d.year))))
        .add(names[1], UInt8Array::from_iter(rows.iter().map(|d| d.map(|d| d.month))))
        .add(names[2], UInt8Array::from_iter(rows.iter().map(|d| d.map(|d| d.day))));
}

fn read_dates<'a>(b: &Batch<'a>, names: [&'a str; 3]) -> R<impl Fn(usize) -> R<Option<AtopDate>> + 'a> {
    let (y, m, d) = (
        b.prim::<Int32Type>(names[0])?,
        b.prim::<UInt8Type>(names[1])?,
        b.prim::<UInt8Type>(names[2])?,
    );
    Ok(move |i: usize| {
        Ok(match opt(y, i) {
            None => None,
            Some(year) => Some(AtopDate {
                year,
                month: req(m, i, names[1])?,
                day: req(d, i, names[2])?,
            }),
        })
    })
}

/// `id_of(cow, year)`: the entente id of a COW code in a year.
pub fn members_table(rows: &[Membership], id_of: &dyn Fn(u16, i32) -> Option<String>) -> R<Table> {
    let mut c = Columns::default();
    c.add(
        "line",
        UInt64Array::from_iter_values(rows.iter().map(|r| r.line as u64)),
    )
    .add("atopid", UInt32Array::from_iter_values(rows.iter().map(|r| r.atopid)))
    .add("member", UInt16Array::from_iter_values(rows.iter().map(|r| r.member)))
    .add(
        "member_id",
        StringArray::from_iter(rows.iter().map(|r| id_of(r.member, r.entry.year))),
    )
    .add(
        "in_cow_system",
        BooleanArray::from_iter(rows.iter().map(|r| Some(r.in_cow_system))),
    )
    .add("phase", UInt8Array::from_iter_values(rows.iter().map(|r| r.phase)))
    .add(
        "max_phase",
        UInt8Array::from_iter_values(rows.iter().map(|r| r.max_phase)),
    );
    dates(
        &mut c,
        ["entry_year", "entry_month", "entry_day"],
        &rows.iter().map(|r| Some(r.entry)).collect::<Vec<_>>(),
    );
    dates(
        &mut c,
        ["exit_year", "exit_month", "exit_day"],
        &rows.iter().map(|r| r.exit).collect::<Vec<_>>(),
    );
    c.add(
        "in_effect",
        BooleanArray::from_iter(rows.iter().map(|r| Some(r.in_effect))),
    )
    .add(
        "bilateral",
        BooleanArray::from_iter(rows.iter().map(|r| Some(r.bilateral))),
    );
    obligations(&mut c, &rows.iter().map(|r| r.obligations).collect::<Vec<_>>());
    c.add(
        "conditional",
        BooleanArray::from_iter(rows.iter().map(|r| Some(r.conditional))),
    );
    Ok(Table {
        name: "members",
        batch: c.finish()?,
        metadata: Vec::new(),
    })
}

pub fn read_members(t: &Loaded) -> Result<Vec<Membership>> {
    let mut out = Vec::new();
    for batch in &t.batches {
        let b = Batch {
            batch,
            table: "members",
        };
        let r = (|| -> R<()> {
            let (l, atopid, member) = (
                b.prim::<UInt64Type>("line")?,
                b.prim::<UInt32Type>("atopid")?,
                b.prim::<UInt16Type>("member")?,
            );
            let cowsys = b.bool("in_cow_system")?;
            let (phase, max_phase) = (b.prim::<UInt8Type>("phase")?, b.prim::<UInt8Type>("max_phase")?);
            let entry = read_dates(&b, ["entry_year", "entry_month", "entry_day"])?;
            let exit = read_dates(&b, ["exit_year", "exit_month", "exit_day"])?;
            let (in_effect, bilateral, conditional) =
                (b.bool("in_effect")?, b.bool("bilateral")?, b.bool("conditional")?);
            let obl = read_obligations(&b)?;
            for i in 0..b.rows() {
                out.push(Membership {
                    line: line(req(l, i, "line")?),
                    atopid: req(atopid, i, "atopid")?,
                    member: req(member, i, "member")?,
                    in_cow_system: req_bool(cowsys, i, "in_cow_system")?,
                    phase: req(phase, i, "phase")?,
                    max_phase: req(max_phase, i, "max_phase")?,
                    entry: entry(i)?.ok_or("column `entry_year`: null")?,
                    exit: exit(i)?,
                    in_effect: req_bool(in_effect, i, "in_effect")?,
                    bilateral: req_bool(bilateral, i, "bilateral")?,
                    obligations: obl(i)?,
                    conditional: req_bool(conditional, i, "conditional")?,
                });
            }
            Ok(())
        })();
        r.map_err(|m| t.corrupt(m))?;
    }
    Ok(out)
}

pub fn alliances_table(rows: &[Alliance]) -> R<Table> {
    let mut c = Columns::default();
    c.add(
        "line",
        UInt64Array::from_iter_values(rows.iter().map(|r| r.line as u64)),
    )
    .add("atopid", UInt32Array::from_iter_values(rows.iter().map(|r| r.atopid)))
    .add("cowid", UInt32Array::from_iter(rows.iter().map(|r| r.cowid)));
    dates(
        &mut c,
        ["begin_year", "begin_month", "begin_day"],
        &rows.iter().map(|r| Some(r.begin)).collect::<Vec<_>>(),
    );
    dates(
        &mut c,
        ["end_year", "end_month", "end_day"],
        &rows.iter().map(|r| r.end).collect::<Vec<_>>(),
    );
    c.add(
        "in_effect",
        BooleanArray::from_iter(rows.iter().map(|r| Some(r.in_effect))),
    )
    .add(
        "bilateral",
        BooleanArray::from_iter(rows.iter().map(|r| Some(r.bilateral))),
    )
    .add(
        "max_phase",
        UInt8Array::from_iter_values(rows.iter().map(|r| r.max_phase)),
    )
    .add("wartime", BooleanArray::from_iter(rows.iter().map(|r| Some(r.wartime))));
    obligations(&mut c, &rows.iter().map(|r| r.obligations).collect::<Vec<_>>());
    c.add(
        "conditional",
        BooleanArray::from_iter(rows.iter().map(|r| Some(r.conditional))),
    )
    .add(
        "asymmetric",
        BooleanArray::from_iter(rows.iter().map(|r| Some(r.asymmetric))),
    )
    .add(
        "military_contact",
        UInt8Array::from_iter(rows.iter().map(|r| r.military_contact)),
    )
    .add(
        "military_aid",
        UInt8Array::from_iter(rows.iter().map(|r| r.military_aid)),
    )
    .add(
        "integrated_command",
        UInt8Array::from_iter(rows.iter().map(|r| r.integrated_command)),
    )
    .add(
        "organisation",
        UInt8Array::from_iter(rows.iter().map(|r| r.organisation)),
    )
    .add("bases", UInt8Array::from_iter(rows.iter().map(|r| r.bases)))
    .add(
        "specific_threat",
        UInt8Array::from_iter(rows.iter().map(|r| r.specific_threat)),
    )
    .add(
        "members",
        ListArray::from_iter_primitive::<UInt16Type, _, _>(
            rows.iter()
                .map(|r| Some(r.members.iter().map(|&m| Some(m)).collect::<Vec<_>>())),
        ),
    );
    Ok(Table {
        name: "alliances",
        batch: c.finish()?,
        metadata: Vec::new(),
    })
}

pub fn read_alliances(t: &Loaded) -> Result<Vec<Alliance>> {
    let mut out = Vec::new();
    for batch in &t.batches {
        let b = Batch {
            batch,
            table: "alliances",
        };
        let r = (|| -> R<()> {
            let (l, atopid, cowid) = (
                b.prim::<UInt64Type>("line")?,
                b.prim::<UInt32Type>("atopid")?,
                b.prim::<UInt32Type>("cowid")?,
            );
            let begin = read_dates(&b, ["begin_year", "begin_month", "begin_day"])?;
            let end = read_dates(&b, ["end_year", "end_month", "end_day"])?;
            let (in_effect, bilateral, wartime) = (b.bool("in_effect")?, b.bool("bilateral")?, b.bool("wartime")?);
            let (conditional, asymmetric) = (b.bool("conditional")?, b.bool("asymmetric")?);
            let max_phase = b.prim::<UInt8Type>("max_phase")?;
            let content = [
                b.prim::<UInt8Type>("military_contact")?,
                b.prim::<UInt8Type>("military_aid")?,
                b.prim::<UInt8Type>("integrated_command")?,
                b.prim::<UInt8Type>("organisation")?,
                b.prim::<UInt8Type>("bases")?,
                b.prim::<UInt8Type>("specific_threat")?,
            ];
            let members = b.list("members")?;
            let obl = read_obligations(&b)?;
            for i in 0..b.rows() {
                out.push(Alliance {
                    line: line(req(l, i, "line")?),
                    atopid: req(atopid, i, "atopid")?,
                    cowid: opt(cowid, i),
                    begin: begin(i)?.ok_or("column `begin_year`: null")?,
                    end: end(i)?,
                    in_effect: req_bool(in_effect, i, "in_effect")?,
                    bilateral: req_bool(bilateral, i, "bilateral")?,
                    max_phase: req(max_phase, i, "max_phase")?,
                    wartime: req_bool(wartime, i, "wartime")?,
                    obligations: obl(i)?,
                    conditional: req_bool(conditional, i, "conditional")?,
                    asymmetric: req_bool(asymmetric, i, "asymmetric")?,
                    military_contact: opt(content[0], i),
                    military_aid: opt(content[1], i),
                    integrated_command: opt(content[2], i),
                    organisation: opt(content[3], i),
                    bases: opt(content[4], i),
                    specific_threat: opt(content[5], i),
                    members: list_values::<UInt16Type>(members, i, "members")?,
                });
            }
            Ok(())
        })();
        r.map_err(|m| t.corrupt(m))?;
    }
    Ok(out)
}

const SIMILARITY: [&str; 6] = ["mean_s", "low_s", "mean_pi", "low_pi", "mean_kappa", "low_kappa"];

pub fn similarity_table(rows: &[AllianceYearSimilarity]) -> R<Table> {
    let mut c = Columns::default();
    c.add(
        "line",
        UInt64Array::from_iter_values(rows.iter().map(|r| r.line as u64)),
    )
    .add("atopid", UInt32Array::from_iter_values(rows.iter().map(|r| r.atopid)))
    .add("year", Int32Array::from_iter_values(rows.iter().map(|r| r.year)));
    let values = |r: &AllianceYearSimilarity| [r.mean_s, r.low_s, r.mean_pi, r.low_pi, r.mean_kappa, r.low_kappa];
    for (k, name) in SIMILARITY.into_iter().enumerate() {
        c.add(name, Float64Array::from_iter(rows.iter().map(|r| values(r)[k])));
    }
    Ok(Table {
        name: "similarity",
        batch: c.finish()?,
        metadata: Vec::new(),
    })
}

pub fn read_similarity(t: &Loaded) -> Result<Vec<AllianceYearSimilarity>> {
    let mut out = Vec::new();
    for batch in &t.batches {
        let b = Batch {
            batch,
            table: "similarity",
        };
        let r = (|| -> R<()> {
            let (l, atopid, year) = (
                b.prim::<UInt64Type>("line")?,
                b.prim::<UInt32Type>("atopid")?,
                b.prim::<Int32Type>("year")?,
            );
            let v = SIMILARITY
                .iter()
                .map(|n| b.prim::<Float64Type>(n))
                .collect::<R<Vec<_>>>()?;
            for i in 0..b.rows() {
                out.push(AllianceYearSimilarity {
                    line: line(req(l, i, "line")?),
                    atopid: req(atopid, i, "atopid")?,
                    year: req(year, i, "year")?,
                    mean_s: opt(v[0], i),
                    low_s: opt(v[1], i),
                    mean_pi: opt(v[2], i),
                    low_pi: opt(v[3], i),
                    mean_kappa: opt(v[4], i),
                    low_kappa: opt(v[5], i),
                });
            }
            Ok(())
        })();
        r.map_err(|m| t.corrupt(m))?;
    }
    Ok(out)
}
