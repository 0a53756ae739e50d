//! Arms-transfer flows supplier → recipient by year in SIPRI trend-indicator values (TIV), a
//! recipient's dependence on each supplier, and the concentration of its suppliers (HHI).
//!
//! **How delivered TIV is placed in years.** The trade register gives, per deal, only the total TIV
//! delivered and the list of delivery years, not the TIV of each year. [`delivered_by_year`]
//! spreads the total evenly over the listed years (a deal delivering 399 over 2022–2024 counts 133
//! in each). SIPRI's own yearly TIV tables use the actual numbers delivered each year, so yearly
//! figures here can differ from SIPRI's while totals over a deal's whole delivery span agree. A
//! deal with delivered TIV but no delivery year cannot be placed and is left out (the register has
//! none: all 1,166 deals without a year delivered 0); [`undated_delivered`] reports such TIV.
//! [`ordered_by_year`] instead counts each deal's TIV for the whole order in its order year.
//!
//! Parties are keyed by their entente id; a party without one (non-state actors, unknown
//! suppliers, unrecognised states) by its name as written, so nothing is silently merged.
//! Every function returns plain rows that serialise with serde.

use entente_datasets::sipri::Deal;
use serde::Serialize;
use std::collections::BTreeMap;

/// TIV moving from a supplier to a recipient in one year.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Flow {
    pub supplier: String,
    pub recipient: String,
    pub year: i32,
    /// SIPRI TIV, millions.
    pub tiv: f64,
    /// Deals contributing to this year.
    pub deals: u32,
}

/// The key a party is counted under: its entente id, else its name as written.
pub fn party_key(id: Option<&str>, name: &str) -> String {
    id.unwrap_or(name).to_string()
}

fn keys(d: &Deal) -> (String, String) {
    (
        party_key(d.supplier_id.as_deref(), &d.supplier),
        party_key(d.recipient_id.as_deref(), &d.recipient),
    )
}

fn collect(map: BTreeMap<(String, String, i32), (f64, u32)>) -> Vec<Flow> {
    map.into_iter()
        .map(|((supplier, recipient, year), (tiv, deals))| Flow {
            supplier,
            recipient,
            year,
            tiv,
            deals,
        })
        .collect()
}

/// Delivered TIV by delivery year, each deal's total spread evenly over its delivery years. Sorted
/// by supplier, recipient, year.
pub fn delivered_by_year(deals: &[Deal]) -> Vec<Flow> {
    let mut map: BTreeMap<(String, String, i32), (f64, u32)> = BTreeMap::new();
    for d in deals {
        let (Some(tiv), false) = (d.tiv_delivered, d.delivery_years.is_empty()) else {
            continue;
        };
        let share = tiv / d.delivery_years.len() as f64;
        let (s, r) = keys(d);
        for &y in &d.delivery_years {
            let cell = map.entry((s.clone(), r.clone(), y)).or_insert((0.0, 0));
            cell.0 += share;
            cell.1 += 1;
        }
    }
    collect(map)
}

/// TIV for the whole order, in the order year. Deals without an order year or order TIV are left out.
pub fn ordered_by_year(deals: &[Deal]) -> Vec<Flow> {
    let mut map: BTreeMap<(String, String, i32), (f64, u32)> = BTreeMap::new();
    for d in deals {
        let (Some(tiv), Some(year)) = (d.tiv_order, d.order_year) else {
            continue;
        };
        let cell = map
            .entry({
                let (s, r) = keys(d);
                (s, r, year)
            })
            .or_insert((0.0, 0));
        cell.0 += tiv;
        cell.1 += 1;
    }
    collect(map)
}

/// Delivered TIV that [`delivered_by_year`] cannot place (no delivery year).
pub fn undated_delivered(deals: &[Deal]) -> f64 {
    deals
        .iter()
        .filter(|d| d.delivery_years.is_empty())
        .filter_map(|d| d.tiv_delivered)
        .sum()
}

/// A supplier's share of a recipient's imports over `from..=to`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Share {
    pub recipient: String,
    pub supplier: String,
    pub from: i32,
    pub to: i32,
    /// TIV from this supplier, and from all suppliers, over the period.
    pub tiv: f64,
    pub total: f64,
    /// tiv / total, in 0..=1.
    pub share: f64,
}

/// A recipient's dependence on each supplier over `from..=to`: shares of its imports (of whichever
/// flows are given: delivered or ordered), largest first. Empty if it imported nothing.
pub fn dependence(flows: &[Flow], recipient: &str, from: i32, to: i32) -> Vec<Share> {
    let mut by_supplier: BTreeMap<&str, f64> = BTreeMap::new();
    for f in flows
        .iter()
        .filter(|f| f.recipient == recipient && from <= f.year && f.year <= to)
    {
        *by_supplier.entry(&f.supplier).or_default() += f.tiv;
    }
    let total: f64 = by_supplier.values().sum();
    if total <= 0.0 {
        return Vec::new();
    }
    let mut shares: Vec<Share> = by_supplier
        .into_iter()
        .map(|(supplier, tiv)| Share {
            recipient: recipient.to_string(),
            supplier: supplier.to_string(),
            from,
            to,
            tiv,
            total,
            share: tiv / total,
        })
        .collect();
    shares.sort_by(|a, b| b.share.total_cmp(&a.share).then_with(|| a.supplier.cmp(&b.supplier)));
    shares
}

/// Herfindahl–Hirschman index of shares: the sum of squared shares, in 0..=1 (1 = one supplier).
/// The shares are normalised to sum to 1 first, so raw TIV amounts can be given too.
pub fn hhi(shares: &[f64]) -> f64 {
    let total: f64 = shares.iter().sum();
    if total <= 0.0 {
        return 0.0;
    }
    shares.iter().map(|s| (s / total).powi(2)).sum()
}

/// Supplier concentration of a recipient over a period.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Concentration {
    pub recipient: String,
    pub from: i32,
    pub to: i32,
    pub suppliers: usize,
    pub total: f64,
    /// HHI in 0..=1.
    pub hhi: f64,
    /// The same on the 0..=10,000 scale of competition authorities (shares in percent).
    pub hhi_points: f64,
}

/// The HHI of a recipient's supplier shares over `from..=to`; None if it imported nothing.
pub fn concentration(flows: &[Flow], recipient: &str, from: i32, to: i32) -> Option<Concentration> {
    let shares = dependence(flows, recipient, from, to);
    let first = shares.first()?;
    let h = hhi(&shares.iter().map(|s| s.share).collect::<Vec<_>>());
    Some(Concentration {
        recipient: recipient.to_string(),
        from,
        to,
        suppliers: shares.len(),
        total: first.total,
        hhi: h,
        hhi_points: h * 10_000.0,
    })
}

/// A supplier's customers by year, keeping those for which `keep(recipient, year)` holds (for
/// instance "was a NATO member that year"). Sorted by year, then recipient.
pub fn customers_by_year(flows: &[Flow], supplier: &str, keep: impl Fn(&str, i32) -> bool) -> Vec<Flow> {
    let mut out: Vec<Flow> = flows
        .iter()
        .filter(|f| f.supplier == supplier && keep(&f.recipient, f.year))
        .cloned()
        .collect();
    out.sort_by(|a, b| a.year.cmp(&b.year).then_with(|| a.recipient.cmp(&b.recipient)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hhi_bounds() {
        assert_eq!(hhi(&[1.0]), 1.0);
        assert_eq!(hhi(&[]), 0.0);
        assert!((hhi(&[1.0, 1.0, 1.0, 1.0]) - 0.25).abs() < 1e-12);
        assert!((hhi(&[30.0, 10.0]) - (0.75f64.powi(2) + 0.25f64.powi(2))).abs() < 1e-12);
    }
}
