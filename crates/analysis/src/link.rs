//! Which SIPRI deal describes the same deal as a curated transfer of the knowledge base.
//!
//! The curated fact files record arms transfers with their own sources and SIPRI among them,
//! cited by a locator in SIPRI's words: `KOR to Poland, K2 Black Panther, ordered 2022, 180`. A
//! question about flows must count each deal once — from SIPRI, whose TIV makes deals comparable
//! — while showing the curated fact beside it. A curated transfer and a SIPRI deal are the same
//! deal when:
//!
//! - the supplier and the recipient are the same actors (SIPRI's names resolved to entente ids);
//! - the designations match ignoring case, spaces and punctuation (`K-9 Thunder 155mm` =
//!   `k9 thunder 155 mm`): the curated `system`, or the designation in the SIPRI locator;
//! - the order years are equal, or one apart when the curated order date is partial (a year or a
//!   month only) or either side marks the year as uncertain (SIPRI's `?`, the locator's
//!   "(uncertain)").
//!
//! Where several deals qualify (Poland ordered K2 tanks twice in 2022: 180 under contract, 820
//! under the framework), the number ordered decides, then the exact year. Each SIPRI deal links to
//! at most one curated transfer and each transfer to at most one deal: the best-scoring pairs
//! are taken first.

use entente_datasets::sipri::Deal;
use entente_model::{Precision, Transfer};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// A curated transfer and the SIPRI deal that describes it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SipriLink {
    /// The curated transfer's id.
    pub transfer: String,
    /// Where the deal is in the register (1-based line, and lines spanned).
    pub line: usize,
    pub lines: usize,
    pub supplier: String,
    pub recipient: String,
    pub designation: String,
    pub description: String,
    pub order_year: Option<i32>,
    pub order_year_uncertain: bool,
    pub ordered: Option<u32>,
    pub delivered: Option<u32>,
    pub delivery_years: Vec<i32>,
    /// SIPRI trend-indicator values, millions.
    pub tiv_per_unit: Option<f64>,
    pub tiv_order: Option<f64>,
    pub tiv_delivered: Option<f64>,
    /// What matched, in words (`designation`, `order year 2022`, `number ordered 180`…).
    pub matched_on: Vec<String>,
}

/// A curated transfer that no SIPRI deal describes.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Unlinked {
    pub transfer: String,
    pub supplier: String,
    pub recipient: String,
    pub system: String,
    pub order_year: Option<i32>,
}

/// The links between a knowledge base's transfers and a register.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Links {
    pub links: Vec<SipriLink>,
    pub unlinked: Vec<Unlinked>,
}

impl Links {
    /// The link of a curated transfer.
    pub fn of_transfer(&self, id: &str) -> Option<&SipriLink> {
        self.links.iter().find(|l| l.transfer == id)
    }

    /// Curated transfer ids by the SIPRI line of their deal.
    pub fn by_line(&self) -> HashMap<usize, &str> {
        self.links.iter().map(|l| (l.line, l.transfer.as_str())).collect()
    }
}

/// Letters and digits only, lower case: `K-9 Thunder 155mm` → `k9thunder155mm`.
pub fn normalise(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// What a SIPRI locator says: `KOR to Poland, K2 Black Panther, ordered 2022 (uncertain), 820`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Locator {
    pub designation: String,
    pub order_year: Option<i32>,
    pub uncertain: bool,
    pub ordered: Option<u32>,
}

/// Reads a SIPRI locator; None when it is not in that form. (SIPRI's export has no quoting, so
/// no field of a deal holds a comma and the locator splits on commas.)
pub fn parse_locator(s: &str) -> Option<Locator> {
    let parts: Vec<&str> = s.split(',').map(str::trim).collect();
    let at = parts.iter().position(|p| p.starts_with("ordered"))?;
    if at < 2 {
        return None;
    }
    let designation = parts[1..at].join(",");
    let rest = parts[at].trim_start_matches("ordered").trim();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    Some(Locator {
        designation,
        order_year: digits.parse().ok(),
        uncertain: rest.contains("uncertain") || rest.contains('?'),
        ordered: parts.get(at + 1).and_then(|n| n.parse().ok()),
    })
}

/// A scored candidate pair.
struct Candidate {
    score: u32,
    transfer: usize,
    deal: usize,
    matched_on: Vec<String>,
}

fn candidate(t: &Transfer, loc: Option<&Locator>, d: &Deal) -> Option<(u32, Vec<String>)> {
    if d.supplier_id.as_deref() != Some(t.supplier.as_str()) || d.recipient_id.as_deref() != Some(t.recipient.as_str())
    {
        return None;
    }
    let deal_designation = normalise(&d.designation);
    let by_system = normalise(&t.system) == deal_designation;
    let by_locator = loc.is_some_and(|l| normalise(&l.designation) == deal_designation);
    if !(by_system || by_locator) {
        return None;
    }
    let mut score = 100;
    let mut why = vec!["supplier and recipient".to_string(), "designation".to_string()];
    if by_locator {
        score += 5;
    }
    let (curated_year, partial) = match t.order_date {
        Some(d) => (Some(d.year()), d.precision() != Precision::Day),
        None => (loc.and_then(|l| l.order_year), true),
    };
    let uncertain = d.order_year_uncertain || loc.is_some_and(|l| l.uncertain);
    match (curated_year, d.order_year) {
        (Some(c), Some(s)) if c == s => {
            score += 20;
            why.push(format!("order year {s}"));
        }
        (Some(c), Some(s)) if (c - s).abs() == 1 && (partial || uncertain) => {
            why.push(format!("order year {s} (curated {c}, ±1)"));
        }
        (Some(_), Some(_)) => return None,
        _ => why.push("no order year to compare".to_string()),
    }
    if let (Some(a), Some(b)) = (t.ordered, d.ordered) {
        if a == b {
            score += 40;
            why.push(format!("number ordered {b}"));
        }
    }
    if loc.and_then(|l| l.ordered).is_some_and(|n| Some(n) == d.ordered) {
        score += 20;
    }
    Some((score, why))
}

/// Links each curated transfer to the SIPRI deal describing the same deal, where there is one.
pub fn link_transfers(transfers: &[Transfer], deals: &[Deal]) -> Links {
    // Deals by (supplier, recipient): the only pairs worth comparing.
    let mut by_dyad: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for (i, d) in deals.iter().enumerate() {
        if let (Some(s), Some(r)) = (d.supplier_id.as_deref(), d.recipient_id.as_deref()) {
            by_dyad.entry((s, r)).or_default().push(i);
        }
    }
    let mut candidates = Vec::new();
    for (ti, t) in transfers.iter().enumerate() {
        let loc = t
            .sources
            .iter()
            .filter(|s| s.source.contains("sipri"))
            .find_map(|s| s.locator.as_deref().and_then(parse_locator));
        for &di in by_dyad
            .get(&(t.supplier.as_str(), t.recipient.as_str()))
            .into_iter()
            .flatten()
        {
            if let Some((score, matched_on)) = candidate(t, loc.as_ref(), &deals[di]) {
                candidates.push(Candidate {
                    score,
                    transfer: ti,
                    deal: di,
                    matched_on,
                });
            }
        }
    }
    candidates.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then(deals[a.deal].line.cmp(&deals[b.deal].line))
            .then(a.transfer.cmp(&b.transfer))
    });
    let (mut used_t, mut used_d) = (HashSet::new(), HashSet::new());
    let mut links = Vec::new();
    for c in candidates {
        if used_t.contains(&c.transfer) || used_d.contains(&c.deal) {
            continue;
        }
        used_t.insert(c.transfer);
        used_d.insert(c.deal);
        let (t, d) = (&transfers[c.transfer], &deals[c.deal]);
        links.push(SipriLink {
            transfer: t.id.to_string(),
            line: d.line,
            lines: d.lines,
            supplier: t.supplier.to_string(),
            recipient: t.recipient.to_string(),
            designation: d.designation.clone(),
            description: d.description.clone(),
            order_year: d.order_year,
            order_year_uncertain: d.order_year_uncertain,
            ordered: d.ordered,
            delivered: d.delivered,
            delivery_years: d.delivery_years.clone(),
            tiv_per_unit: d.tiv_per_unit,
            tiv_order: d.tiv_order,
            tiv_delivered: d.tiv_delivered,
            matched_on: c.matched_on,
        });
    }
    links.sort_by_key(|l| l.line);
    let unlinked = transfers
        .iter()
        .enumerate()
        .filter(|(i, _)| !used_t.contains(i))
        .map(|(_, t)| Unlinked {
            transfer: t.id.to_string(),
            supplier: t.supplier.to_string(),
            recipient: t.recipient.to_string(),
            system: t.system.clone(),
            order_year: t.order_date.map(|d| d.year()),
        })
        .collect();
    Links { links, unlinked }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locators() {
        assert_eq!(
            parse_locator("KOR to Poland, K2 Black Panther, ordered 2022 (uncertain), 820"),
            Some(Locator {
                designation: "K2 Black Panther".into(),
                order_year: Some(2022),
                uncertain: true,
                ordered: Some(820),
            })
        );
        assert_eq!(
            parse_locator("KOR to Poland, CTM-290 KTSSM, ordered 2022"),
            Some(Locator {
                designation: "CTM-290 KTSSM".into(),
                order_year: Some(2022),
                uncertain: false,
                ordered: None,
            })
        );
        assert_eq!(parse_locator("page 4"), None);
        assert_eq!(parse_locator("ordered 2022, K2"), None);
    }

    #[test]
    fn normalising() {
        assert_eq!(normalise("K-9 Thunder 155mm"), normalise("k9 thunder 155 MM"));
        assert_ne!(normalise("K-9"), normalise("K-10"));
    }
}
