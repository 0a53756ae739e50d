//! UN General Assembly voting agreement between two countries, by year: how often they vote alike.
//!
//! Two standard scorings, both reported with their counts so that a reader can check them:
//!
//! - **three-category** (Voeten's agreement index): over the roll calls on which both cast a vote
//!   (yes, abstain or no), the same vote scores 1, one abstaining while the other votes yes or no
//!   scores ½, yes against no scores 0; agreement = (same + ½ · one abstained) / joint. In the
//!   un-project's codes, `2` = 1, `-1` = ½, `-2` = 0. Two abstentions count as the same vote.
//! - **two-category**: only roll calls on which both voted yes or no; abstentions are dropped;
//!   agreement = same / (same + opposite).
//!
//! Absences and non-membership are left out of both. The functions work on either layout of
//! [`entente_datasets::unvotes`]: the per-country agreement files (from the focal country's raw vote
//! and the agreement code, which together determine both scorings) or long lists of votes.

use entente_datasets::codes::Crosswalk;
use entente_datasets::unvotes::{AgreementCode, CountryFile, CountryVote, Vote};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// Agreement of a dyad over a year (or a span of years), with the counts it is computed from.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Agreement {
    pub a: String,
    pub b: String,
    /// First and last year covered (equal for a yearly row).
    pub from: i32,
    pub to: i32,
    /// Roll calls on which both cast a vote (yes, abstain or no).
    pub joint: u32,
    /// Of those: the same vote, one abstained, yes against no.
    pub same: u32,
    pub one_abstained: u32,
    pub opposite: u32,
    /// (same + ½ · one_abstained) / joint; None when `joint` is 0.
    pub three_category: Option<f64>,
    /// Roll calls on which both voted yes or no, and how many of them alike.
    pub yes_no: u32,
    pub yes_no_same: u32,
    /// yes_no_same / yes_no; None when `yes_no` is 0.
    pub two_category: Option<f64>,
}

impl Agreement {
    fn new(a: &str, b: &str, from: i32, to: i32) -> Agreement {
        Agreement {
            a: a.to_string(),
            b: b.to_string(),
            from,
            to,
            ..Default::default()
        }
    }

    /// Counts one roll call on which both voted `a` and `b` (ignored unless both were cast).
    pub fn add_votes(&mut self, a: Vote, b: Vote) {
        let Some(code) = AgreementCode::between(a, b) else {
            return;
        };
        // Two-category: both yes or no.
        let yes_no = a != Vote::Abstain && b != Vote::Abstain;
        self.add(code, yes_no);
    }

    /// Counts one roll call from the focal country's raw vote and the un-project agreement code with
    /// the other country (a code exists only when both cast a vote).
    pub fn add_code(&mut self, focal: Vote, code: AgreementCode) {
        // The other voted yes or no unless it abstained: with a focal yes/no, a `-1` means the other
        // abstained; with a focal abstention, the roll call is out of the two-category count anyway.
        let yes_no = matches!(focal, Vote::Yes | Vote::No) && code != AgreementCode::OneAbstained;
        self.add(code, yes_no);
    }

    fn add(&mut self, code: AgreementCode, yes_no: bool) {
        self.joint += 1;
        match code {
            AgreementCode::Same => self.same += 1,
            AgreementCode::OneAbstained => self.one_abstained += 1,
            AgreementCode::Opposite => self.opposite += 1,
        }
        if yes_no {
            self.yes_no += 1;
            self.yes_no_same += u32::from(code == AgreementCode::Same);
        }
    }

    /// Computes the two scores from the counts.
    pub fn finish(mut self) -> Agreement {
        self.three_category = (self.joint > 0)
            .then(|| (f64::from(self.same) + 0.5 * f64::from(self.one_abstained)) / f64::from(self.joint));
        self.two_category = (self.yes_no > 0).then(|| f64::from(self.yes_no_same) / f64::from(self.yes_no));
        self
    }
}

/// The three-category score of one roll call (1, ½, 0), None unless both cast a vote.
pub fn three_category(a: Vote, b: Vote) -> Option<f64> {
    AgreementCode::between(a, b).map(score)
}

/// The two-category score of one roll call (1 or 0), None unless both voted yes or no.
pub fn two_category(a: Vote, b: Vote) -> Option<f64> {
    let yes_no = |v: Vote| matches!(v, Vote::Yes | Vote::No);
    (yes_no(a) && yes_no(b)).then(|| if a == b { 1.0 } else { 0.0 })
}

/// What an un-project agreement code scores in the three-category index.
pub fn score(code: AgreementCode) -> f64 {
    match code {
        AgreementCode::Same => 1.0,
        AgreementCode::OneAbstained => 0.5,
        AgreementCode::Opposite => 0.0,
    }
}

/// Yearly agreement between a per-country file's focal country and `other` (a COW code), from the
/// reference codes. The dyad is named by the entente ids of the two on each roll call's date (the
/// COW code when the crosswalk has none), so a year in which a code changes hands (Soviet Union →
/// Russia in 1991) gives one row per pair of ids.
pub fn from_country_file(file: &CountryFile, other: u16, crosswalk: &Crosswalk) -> Vec<Agreement> {
    let Some(col) = file.column(other) else {
        return Vec::new();
    };
    let name = |cow: u16, row: &entente_datasets::unvotes::CountryRow| {
        crosswalk
            .by_cow_on(cow, row.roll_call.date)
            .map_or_else(|| cow.to_string(), |c| c.id.clone())
    };
    let mut years: BTreeMap<(i32, String, String), Agreement> = BTreeMap::new();
    for row in &file.rows {
        let Some(code) = row.codes.get(col).copied().flatten() else {
            continue;
        };
        let year = row.roll_call.year;
        let (a, b) = (name(file.focal, row), name(other, row));
        years
            .entry((year, a.clone(), b.clone()))
            .or_insert_with(|| Agreement::new(&a, &b, year, year))
            .add_code(row.vote, code);
    }
    years.into_values().map(Agreement::finish).collect()
}

/// Yearly agreement between `a` and `b` (entente ids) from votes in the long layout. A vote's year
/// is its own, else that of its roll call in `years` (see `CountryFile::roll_call_years`); votes
/// with neither are left out.
pub fn from_votes(votes: &[CountryVote], years: Option<&HashMap<u32, i32>>, a: &str, b: &str) -> Vec<Agreement> {
    // Per roll call: its year, a's vote, b's vote.
    type Pair = (Option<i32>, Option<Vote>, Option<Vote>);
    let mut by_rcid: HashMap<u32, Pair> = HashMap::new();
    for v in votes {
        let side = match v.country_id.as_deref() {
            Some(id) if id == a => 0,
            Some(id) if id == b => 1,
            _ => continue,
        };
        let entry = by_rcid.entry(v.rcid).or_default();
        entry.0 = entry.0.or(v.year);
        if side == 0 {
            entry.1 = Some(v.vote);
        } else {
            entry.2 = Some(v.vote);
        }
    }
    let mut by_year: BTreeMap<i32, Agreement> = BTreeMap::new();
    for (rcid, (year, va, vb)) in by_rcid {
        let (Some(va), Some(vb)) = (va, vb) else { continue };
        // Years appear only with a roll call on which both cast a vote, as in the reference files.
        if !va.is_cast() || !vb.is_cast() {
            continue;
        }
        let Some(year) = year.or_else(|| years.and_then(|y| y.get(&rcid).copied())) else {
            continue;
        };
        by_year
            .entry(year)
            .or_insert_with(|| Agreement::new(a, b, year, year))
            .add_votes(va, vb);
    }
    by_year.into_values().map(Agreement::finish).collect()
}

/// Pools yearly rows of one dyad over `from..=to` (counts add up; scores are recomputed, so this
/// weights years by their roll calls, not equally).
pub fn pooled(rows: &[Agreement], from: i32, to: i32) -> Option<Agreement> {
    let mut inside = rows.iter().filter(|r| from <= r.from && r.to <= to).peekable();
    let first = inside.peek()?;
    let mut total = Agreement::new(&first.a, &first.b, from, to);
    for r in inside {
        total.joint += r.joint;
        total.same += r.same;
        total.one_abstained += r.one_abstained;
        total.opposite += r.opposite;
        total.yes_no += r.yes_no;
        total.yes_no_same += r.yes_no_same;
    }
    Some(total.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scoring() {
        assert_eq!(three_category(Vote::Yes, Vote::Yes), Some(1.0));
        assert_eq!(three_category(Vote::Abstain, Vote::Abstain), Some(1.0));
        assert_eq!(three_category(Vote::Yes, Vote::Abstain), Some(0.5));
        assert_eq!(three_category(Vote::No, Vote::Yes), Some(0.0));
        assert_eq!(three_category(Vote::Absent, Vote::Yes), None);
        assert_eq!(two_category(Vote::No, Vote::No), Some(1.0));
        assert_eq!(two_category(Vote::Yes, Vote::No), Some(0.0));
        assert_eq!(two_category(Vote::Yes, Vote::Abstain), None);
    }

    /// Every pair of votes counts the same whether given as votes or as the focal vote and code.
    #[test]
    fn votes_and_codes_agree() {
        let all = [Vote::Yes, Vote::Abstain, Vote::No, Vote::Absent, Vote::NotMember];
        for a in all {
            for b in all {
                let mut from_votes = Agreement::new("A", "B", 2000, 2000);
                from_votes.add_votes(a, b);
                let mut from_code = Agreement::new("A", "B", 2000, 2000);
                if let Some(code) = AgreementCode::between(a, b) {
                    from_code.add_code(a, code);
                }
                assert_eq!(from_votes.finish(), from_code.finish(), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn counts_and_scores() {
        let mut x = Agreement::new("A", "B", 2000, 2000);
        for (a, b) in [
            (Vote::Yes, Vote::Yes),
            (Vote::Yes, Vote::Abstain),
            (Vote::Yes, Vote::No),
            (Vote::No, Vote::No),
        ] {
            x.add_votes(a, b);
        }
        let x = x.finish();
        assert_eq!(
            (x.joint, x.same, x.one_abstained, x.opposite, x.yes_no, x.yes_no_same),
            (4, 2, 1, 1, 3, 2)
        );
        assert_eq!(x.three_category, Some(2.5 / 4.0));
        assert_eq!(x.two_category, Some(2.0 / 3.0));
        assert_eq!(Agreement::new("A", "B", 1, 1).finish().three_category, None);
    }
}
