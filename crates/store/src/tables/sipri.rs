//! `sipri/deals`: one row per deal of the trade register, every field of the reader's `Deal`.

use super::{Loaded, Table};
use crate::columns::{line, list_values, opt, opt_str, req, req_bool, req_str, Batch, Columns};
use crate::Result;
use arrow_array::types::{Float64Type, Int32Type, UInt32Type, UInt64Type};
use arrow_array::{BooleanArray, Float64Array, Int32Array, ListArray, StringArray, UInt32Array, UInt64Array};
use entente_datasets::sipri::{Deal, PartyKind, Status};
use std::collections::HashMap;
use std::sync::Arc;

pub fn kind_name(k: PartyKind) -> &'static str {
    match k {
        PartyKind::State => "state",
        PartyKind::Organisation => "organisation",
        PartyKind::NonState => "non_state",
        PartyKind::Unknown => "unknown",
    }
}

fn kind_parse(s: &str) -> Option<PartyKind> {
    [
        PartyKind::State,
        PartyKind::Organisation,
        PartyKind::NonState,
        PartyKind::Unknown,
    ]
    .into_iter()
    .find(|k| kind_name(*k) == s)
}

/// SIPRI's own words for the status.
pub fn status_name(s: Status) -> &'static str {
    match s {
        Status::New => "New",
        Status::SecondHand => "Second hand",
        Status::SecondHandModernized => "Second hand but modernized",
    }
}

fn status_parse(s: &str) -> Option<Status> {
    [Status::New, Status::SecondHand, Status::SecondHandModernized]
        .into_iter()
        .find(|k| status_name(*k) == s)
}

pub fn table(deals: &[Deal]) -> std::result::Result<Table, String> {
    let mut c = Columns::default();
    c.add(
        "line",
        UInt64Array::from_iter_values(deals.iter().map(|d| d.line as u64)),
    )
    .add(
        "lines",
        UInt32Array::from_iter_values(deals.iter().map(|d| d.lines as u32)),
    )
    .add(
        "recipient",
        StringArray::from_iter_values(deals.iter().map(|d| &*d.recipient)),
    )
    .add(
        "recipient_id",
        StringArray::from_iter(deals.iter().map(|d| d.recipient_id.as_deref())),
    )
    .add(
        "recipient_kind",
        StringArray::from_iter_values(deals.iter().map(|d| kind_name(d.recipient_kind))),
    )
    .add(
        "supplier",
        StringArray::from_iter_values(deals.iter().map(|d| &*d.supplier)),
    )
    .add(
        "supplier_id",
        StringArray::from_iter(deals.iter().map(|d| d.supplier_id.as_deref())),
    )
    .add(
        "supplier_kind",
        StringArray::from_iter_values(deals.iter().map(|d| kind_name(d.supplier_kind))),
    )
    .add("order_year", Int32Array::from_iter(deals.iter().map(|d| d.order_year)))
    .add(
        "order_year_uncertain",
        BooleanArray::from_iter(deals.iter().map(|d| Some(d.order_year_uncertain))),
    )
    .add("ordered", UInt32Array::from_iter(deals.iter().map(|d| d.ordered)))
    .add(
        "ordered_uncertain",
        BooleanArray::from_iter(deals.iter().map(|d| Some(d.ordered_uncertain))),
    )
    .add(
        "designation",
        StringArray::from_iter_values(deals.iter().map(|d| d.designation.as_str())),
    )
    .add(
        "description",
        StringArray::from_iter_values(deals.iter().map(|d| d.description.as_str())),
    )
    .add("delivered", UInt32Array::from_iter(deals.iter().map(|d| d.delivered)))
    .add(
        "delivered_uncertain",
        BooleanArray::from_iter(deals.iter().map(|d| Some(d.delivered_uncertain))),
    )
    .add(
        "delivery_years",
        ListArray::from_iter_primitive::<Int32Type, _, _>(
            deals
                .iter()
                .map(|d| Some(d.delivery_years.iter().map(|&y| Some(y)).collect::<Vec<_>>())),
        ),
    )
    .add(
        "status",
        StringArray::from_iter_values(deals.iter().map(|d| status_name(d.status))),
    )
    .add(
        "comments",
        StringArray::from_iter_values(deals.iter().map(|d| d.comments.as_str())),
    )
    .add(
        "tiv_per_unit",
        Float64Array::from_iter(deals.iter().map(|d| d.tiv_per_unit)),
    )
    .add("tiv_order", Float64Array::from_iter(deals.iter().map(|d| d.tiv_order)))
    .add(
        "tiv_delivered",
        Float64Array::from_iter(deals.iter().map(|d| d.tiv_delivered)),
    );
    Ok(Table {
        name: "deals",
        batch: c.finish()?,
        metadata: Vec::new(),
    })
}

pub fn read(t: &Loaded) -> Result<Vec<Deal>> {
    let mut out = Vec::new();
    // Party names and ids are shared, as the reader shares them.
    let mut interned: HashMap<String, Arc<str>> = HashMap::new();
    let mut intern = |s: &str| -> Arc<str> {
        if let Some(a) = interned.get(s) {
            return a.clone();
        }
        let a: Arc<str> = Arc::from(s);
        interned.insert(s.to_string(), a.clone());
        a
    };
    for batch in &t.batches {
        let b = Batch { batch, table: "deals" };
        let rows = (|| -> std::result::Result<(), String> {
            let line_c = b.prim::<UInt64Type>("line")?;
            let lines = b.prim::<UInt32Type>("lines")?;
            let recipient = b.str("recipient")?;
            let recipient_id = b.str("recipient_id")?;
            let recipient_kind = b.str("recipient_kind")?;
            let supplier = b.str("supplier")?;
            let supplier_id = b.str("supplier_id")?;
            let supplier_kind = b.str("supplier_kind")?;
            let order_year = b.prim::<Int32Type>("order_year")?;
            let order_year_uncertain = b.bool("order_year_uncertain")?;
            let ordered = b.prim::<UInt32Type>("ordered")?;
            let ordered_uncertain = b.bool("ordered_uncertain")?;
            let designation = b.str("designation")?;
            let description = b.str("description")?;
            let delivered = b.prim::<UInt32Type>("delivered")?;
            let delivered_uncertain = b.bool("delivered_uncertain")?;
            let delivery_years = b.list("delivery_years")?;
            let status = b.str("status")?;
            let comments = b.str("comments")?;
            let tiv_per_unit = b.prim::<Float64Type>("tiv_per_unit")?;
            let tiv_order = b.prim::<Float64Type>("tiv_order")?;
            let tiv_delivered = b.prim::<Float64Type>("tiv_delivered")?;
            for i in 0..b.rows() {
                let kind = |a: &StringArray, name: &str| -> std::result::Result<PartyKind, String> {
                    let s = req_str(a, i, name)?;
                    kind_parse(s).ok_or_else(|| format!("column `{name}`: unknown party kind `{s}`"))
                };
                let st = req_str(status, i, "status")?;
                out.push(Deal {
                    line: line(req(line_c, i, "line")?),
                    lines: req(lines, i, "lines")? as usize,
                    recipient: intern(req_str(recipient, i, "recipient")?),
                    recipient_id: opt_str(recipient_id, i).map(&mut intern),
                    recipient_kind: kind(recipient_kind, "recipient_kind")?,
                    supplier: intern(req_str(supplier, i, "supplier")?),
                    supplier_id: opt_str(supplier_id, i).map(&mut intern),
                    supplier_kind: kind(supplier_kind, "supplier_kind")?,
                    order_year: opt(order_year, i),
                    order_year_uncertain: req_bool(order_year_uncertain, i, "order_year_uncertain")?,
                    ordered: opt(ordered, i),
                    ordered_uncertain: req_bool(ordered_uncertain, i, "ordered_uncertain")?,
                    designation: req_str(designation, i, "designation")?.to_string(),
                    description: req_str(description, i, "description")?.to_string(),
                    delivered: opt(delivered, i),
                    delivered_uncertain: req_bool(delivered_uncertain, i, "delivered_uncertain")?,
                    delivery_years: list_values::<Int32Type>(delivery_years, i, "delivery_years")?,
                    status: status_parse(st).ok_or_else(|| format!("column `status`: unknown status `{st}`"))?,
                    comments: req_str(comments, i, "comments")?.to_string(),
                    tiv_per_unit: opt(tiv_per_unit, i),
                    tiv_order: opt(tiv_order, i),
                    tiv_delivered: opt(tiv_delivered, i),
                });
            }
            Ok(())
        })();
        rows.map_err(|m| t.corrupt(m))?;
    }
    Ok(out)
}
