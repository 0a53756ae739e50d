//! Change points in a series, their uncertainty, and the candidate drivers of each.
//!
//! Detection minimises the penalised cost of PELT (Killick, Fearnhead & Eckley 2012) for changes
//! in mean under Gaussian noise: the sum over segments of Σ(y − ȳ)²/σ² plus a penalty β per change.
//! The series here are short (a few hundred months), so the minimum is found exactly by dynamic
//! programming over all segmentations (optimal partitioning, Jackson et al. 2005) rather than with
//! PELT's pruning: same objective, same answer. σ is estimated robustly from the median absolute
//! first difference, with a configurable floor: the index moves in steps, and shifts far smaller
//! than the floor are not regime changes.
//!
//! The uncertainty of each change is a profile-likelihood interval: every position where moving
//! the change (its neighbours fixed) raises the cost by at most 3.84 (χ²₁ at 95%).

use crate::config::DepthConfig;
use crate::depth::{anchor, DepthDimension, DepthPoint};
use entente_kb::{Citation, KnowledgeBase};
use entente_model::{Day, Direction};
use serde::Serialize;

/// A change point found in a series of (date, value) points.
#[derive(Clone, Debug, Serialize)]
pub struct ChangePoint {
    /// The first date of the new regime.
    pub date: Day,
    /// 95% interval for that date.
    pub earliest: Day,
    pub latest: Day,
    pub mean_before: f64,
    pub mean_after: f64,
    /// The set of covered dimensions changes here (a dataset starts or ends): part of the shift
    /// may be the index's sources, not the partnership.
    pub coverage_change: bool,
    pub drivers: Vec<CandidateDriver>,
}

impl ChangePoint {
    pub fn delta(&self) -> f64 {
        self.mean_after - self.mean_before
    }
}

/// A dated driver that may explain a change.
#[derive(Clone, Debug, Serialize)]
pub struct CandidateDriver {
    pub driver: String,
    pub title: String,
    pub kind: String,
    pub direction: Direction,
    /// The dated fact of the driver closest before the change.
    pub fact: String,
    pub fact_title: String,
    pub date: Day,
    /// Months from the driver's fact to the change (negative: the fact came after).
    pub lead_months: f64,
    pub score: f64,
    pub citations: Vec<Citation>,
}

struct Prefix {
    s: Vec<f64>,
    s2: Vec<f64>,
}

impl Prefix {
    fn new(y: &[f64]) -> Prefix {
        let mut s = vec![0.0; y.len() + 1];
        let mut s2 = vec![0.0; y.len() + 1];
        for (i, v) in y.iter().enumerate() {
            s[i + 1] = s[i] + v;
            s2[i + 1] = s2[i] + v * v;
        }
        Prefix { s, s2 }
    }

    /// Σ(y − ȳ)² over y[a..b].
    fn sse(&self, a: usize, b: usize) -> f64 {
        let n = (b - a) as f64;
        if n <= 0.0 {
            return 0.0;
        }
        let sum = self.s[b] - self.s[a];
        (self.s2[b] - self.s2[a] - sum * sum / n).max(0.0)
    }

    fn mean(&self, a: usize, b: usize) -> f64 {
        (self.s[b] - self.s[a]) / (b - a).max(1) as f64
    }
}

/// The first year the index can cover: ATOP's first, 1815, the earliest of the sources it draws
/// on. Ranges are bounded by it and by the current year, so that a series (and the change-point
/// search over it, quadratic in its months) stays within about 2,600 months whatever is asked.
pub const FIRST_INDEX_YEAR: i32 = 1815;

/// A series range outside the years the index can cover.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutOfIndexRange {
    pub from: Day,
    pub to: Day,
    /// The last year the index covers: the current one.
    pub last_year: i32,
}

impl std::fmt::Display for OutOfIndexRange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the range {} – {} is outside the years the index can cover, {FIRST_INDEX_YEAR}–{} \
             (from ATOP's first year, the earliest of its sources, to this year)",
            self.from, self.to, self.last_year
        )
    }
}

impl std::error::Error for OutOfIndexRange {}

/// Whether `from`–`to` lies within the years the index can cover, [`FIRST_INDEX_YEAR`] to the year
/// of `today`; the error says the bounds. Every surface that computes a series checks it.
pub fn check_index_range(from: Day, to: Day, today: Day) -> Result<(), OutOfIndexRange> {
    if from.year < FIRST_INDEX_YEAR || to.year > today.year {
        return Err(OutOfIndexRange {
            from,
            to,
            last_year: today.year,
        });
    }
    Ok(())
}

/// Why a series range cannot be computed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SeriesRangeError {
    /// `from` is after `to` (the dates as given, or with their defaults).
    Reversed(entente_model::ReversedRange),
    /// The range reaches outside the years the index can cover.
    OutOfIndex(OutOfIndexRange),
}

impl std::fmt::Display for SeriesRangeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SeriesRangeError::Reversed(e) => write!(f, "{e}"),
            SeriesRangeError::OutOfIndex(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for SeriesRangeError {}

/// The days of a series asked for `from`–`to` (either open): from the first day of `from`, or of
/// the configured first year (`[index] start_year`), to the last day of `to`, or `today`. The
/// range must not be reversed — checked on the dates as given first, so the message shows them
/// so, then with their defaults — and must lie within the years the index can cover
/// ([`check_index_range`]). The CLI and the server take their series ranges from here.
pub fn series_range(
    config: &DepthConfig,
    from: Option<entente_model::PartialDate>,
    to: Option<entente_model::PartialDate>,
    today: Day,
) -> Result<(Day, Day), SeriesRangeError> {
    let first = from.map_or(
        Day {
            year: config.index.start_year,
            month: 1,
            day: 1,
        },
        |d| d.earliest(),
    );
    let last = to.map_or(today, |d| d.latest());
    entente_model::check_range(from, to)
        .and_then(|()| entente_model::check_day_range(first, last))
        .map_err(SeriesRangeError::Reversed)?;
    check_index_range(first, last, today).map_err(SeriesRangeError::OutOfIndex)?;
    Ok((first, last))
}

/// Robust noise scale: MAD of first differences, scaled for Gaussian noise, at least `floor`.
pub fn noise_sigma(y: &[f64], floor: f64) -> f64 {
    let mut d: Vec<f64> = y.windows(2).map(|w| (w[1] - w[0]).abs()).collect();
    if d.is_empty() {
        return floor;
    }
    d.sort_by(f64::total_cmp);
    let mad = d[d.len() / 2];
    (mad / 0.6745 / std::f64::consts::SQRT_2).max(floor)
}

/// Segment starts (indices) of the optimal segmentation, and each change's 95% index interval.
pub fn detect(y: &[f64], penalty: f64, min_segment: usize, sigma: f64) -> Vec<(usize, usize, usize)> {
    let n = y.len();
    let m = min_segment.max(1);
    if n < 2 * m {
        return Vec::new();
    }
    let p = Prefix::new(y);
    let var = sigma * sigma;
    let cost = |a: usize, b: usize| p.sse(a, b) / var;
    let mut f = vec![f64::INFINITY; n + 1];
    let mut last = vec![0usize; n + 1];
    f[0] = -penalty;
    for t in m..=n {
        // τ = 0 or any τ leaving at least m points on both sides.
        for tau in std::iter::once(0).chain(m..=t.saturating_sub(m)) {
            if tau != 0 && tau < m {
                continue;
            }
            if !f[tau].is_finite() {
                continue;
            }
            let v = f[tau] + cost(tau, t) + penalty;
            if v < f[t] {
                f[t] = v;
                last[t] = tau;
            }
        }
    }
    let mut cps = Vec::new();
    let mut t = n;
    while t > 0 && last[t] > 0 {
        cps.push(last[t]);
        t = last[t];
    }
    cps.reverse();
    // Profile-likelihood interval for each change, with its neighbours held fixed.
    let mut out = Vec::new();
    for (k, &c) in cps.iter().enumerate() {
        let prev = if k == 0 { 0 } else { cps[k - 1] };
        let next = cps.get(k + 1).copied().unwrap_or(n);
        let lo_bound = prev + m;
        let hi_bound = next.saturating_sub(m);
        if lo_bound > hi_bound {
            out.push((c, c, c));
            continue;
        }
        let total = |tau: usize| cost(prev, tau) + cost(tau, next);
        let best = total(c);
        let inside: Vec<usize> = (lo_bound..=hi_bound).filter(|&tau| total(tau) - best <= 3.84).collect();
        let lo = inside.first().copied().unwrap_or(c).min(c);
        let hi = inside.last().copied().unwrap_or(c).max(c);
        out.push((c, lo, hi));
    }
    out
}

/// Change points of the composite index, with candidate drivers from the knowledge base.
pub fn index_changes(
    kb: &KnowledgeBase,
    a: &str,
    b: &str,
    series: &[DepthPoint],
    cfg: &DepthConfig,
) -> Vec<ChangePoint> {
    // Only the dates a source covers: where nothing does, there is no index to segment.
    let series: Vec<&DepthPoint> = series.iter().filter(|p| p.composite.is_some()).collect();
    let y: Vec<f64> = series.iter().map(|p| p.composite.unwrap_or(0.0)).collect();
    let sigma = noise_sigma(&y, cfg.changes.noise_floor);
    let p = Prefix::new(&y);
    let found = detect(&y, cfg.changes.penalty, cfg.changes.min_segment_months, sigma);
    let mut out = Vec::new();
    for (k, &(c, lo, hi)) in found.iter().enumerate() {
        let prev = if k == 0 { 0 } else { found[k - 1].0 };
        let next = found.get(k + 1).map_or(y.len(), |f| f.0);
        let date = series[c].date;
        let covered = |p: &DepthPoint| -> Vec<DepthDimension> {
            p.dimensions
                .iter()
                .filter(|(_, s)| s.is_some())
                .map(|(d, _)| *d)
                .collect()
        };
        let coverage_change = c > 0 && covered(series[c - 1]) != covered(series[c]);
        let mut cp = ChangePoint {
            date,
            earliest: series[lo].date,
            latest: series[hi].date,
            mean_before: p.mean(prev, c),
            mean_after: p.mean(c, next),
            coverage_change,
            drivers: Vec::new(),
        };
        cp.drivers = candidate_drivers(kb, a, b, &cp, cfg);
        out.push(cp);
    }
    out
}

/// Dated driver facts in the window around a change, best first.
pub fn candidate_drivers(
    kb: &KnowledgeBase,
    a: &str,
    b: &str,
    cp: &ChangePoint,
    cfg: &DepthConfig,
) -> Vec<CandidateDriver> {
    let change = cp.date.ordinal();
    let before = cfg.changes.driver_window_before_months as f64;
    let after = cfg.changes.driver_window_after_months as f64;
    let up = cp.delta() >= 0.0;
    let sides_a = kb.descendants(a);
    let sides_b = kb.descendants(b);
    let mut out = Vec::new();
    for d in &kb.facts().drivers {
        // The driver's own date and the dates of the facts that mark it.
        let mut dated: Vec<(String, String, Day)> = Vec::new();
        if let Some(date) = d.date {
            dated.push((
                d.id.clone(),
                d.title.clone(),
                entente_model::Day::from_ordinal(anchor(date)),
            ));
        }
        for id in &d.events {
            if let Some(f) = kb.all_facts().find(|f| f.id() == id) {
                if let Some(date) = f.date() {
                    dated.push((id.clone(), f.title(), entente_model::Day::from_ordinal(anchor(date))));
                }
            }
        }
        let best = dated
            .into_iter()
            .map(|(id, title, day)| {
                let lead = (change - day.ordinal()) as f64 / 30.44;
                (id, title, day, lead)
            })
            .filter(|(_, _, _, lead)| *lead <= before && *lead >= -after)
            .min_by(|x, y| x.3.abs().total_cmp(&y.3.abs()));
        let Some((fact, fact_title, date, lead)) = best else {
            continue;
        };
        let touches = |side: &[&str]| d.affects.iter().chain(&d.actors).any(|x| side.contains(&x.as_str()));
        let relevance = match (touches(&sides_a), touches(&sides_b)) {
            (true, true) => 1.0,
            (true, false) | (false, true) => 0.7,
            _ => 0.4,
        };
        let direction_fit = match (d.direction, up) {
            (Direction::Either, _) | (Direction::Deepening, true) | (Direction::Weakening, false) => 1.0,
            _ => 0.5,
        };
        // Closer before the change ranks higher. A fact in the same month as the change, or after
        // it, is concurrent rather than antecedent and counts at half weight.
        let proximity = if lead >= 1.0 {
            (-lead / 12.0).exp()
        } else {
            0.5 * (-lead.abs() / 3.0).exp()
        };
        out.push(CandidateDriver {
            driver: d.id.clone(),
            title: d.title.clone(),
            kind: d.kind.to_string(),
            direction: d.direction,
            fact,
            fact_title,
            date,
            lead_months: (lead * 10.0).round() / 10.0,
            score: (relevance * direction_fit * proximity * 1000.0).round() / 1000.0,
            citations: kb.cite(&d.sources),
        });
    }
    out.sort_by(|x, y| y.score.total_cmp(&x.score).then(x.driver.cmp(&y.driver)));
    out
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_series_range_takes_its_defaults_and_refuses_what_it_cannot_cover() {
        let cfg = DepthConfig::shipped();
        let today = Day {
            year: 2026,
            month: 12,
            day: 5,
        };
        let p = |s: &str| entente_model::PartialDate::parse(s).ok();
        // Open ends: the configured first year and today.
        let (f, t) = series_range(&cfg, None, None, today).unwrap();
        assert_eq!((f.year, f.month, f.day), (cfg.index.start_year, 1, 1));
        assert_eq!(t, today);
        // Partial dates: first and last days.
        let (f, t) = series_range(&cfg, p("2020-06"), p("2020"), today).unwrap();
        assert_eq!(
            (f.to_string(), t.to_string()),
            ("2020-06-01".into(), "2020-12-31".into())
        );
        // Reversed as given: the message shows the dates as given.
        match series_range(&cfg, p("2021"), p("2020"), today) {
            Err(SeriesRangeError::Reversed(r)) => assert_eq!((r.from.as_str(), r.to.as_str()), ("2021", "2020")),
            other => panic!("{other:?}"),
        }
        // Reversed only with a default: `to` given before the first configured year.
        assert!(matches!(
            series_range(&cfg, None, p("1990"), today),
            Err(SeriesRangeError::Reversed(_))
        ));
        // Outside the years the index covers.
        assert!(matches!(
            series_range(&cfg, p("1000"), p("2999"), today),
            Err(SeriesRangeError::OutOfIndex(_))
        ));
    }

    use super::*;

    #[test]
    fn finds_a_clean_step_with_a_tight_interval() {
        let mut y = vec![10.0; 40];
        y.extend(vec![30.0; 40]);
        let found = detect(&y, 20.0, 3, 1.0);
        assert_eq!(found.len(), 1);
        let (c, lo, hi) = found[0];
        assert_eq!(c, 40);
        assert!(lo <= 40 && hi >= 40 && hi - lo <= 2);
    }

    #[test]
    fn no_change_in_a_flat_noisy_series() {
        let y: Vec<f64> = (0..100).map(|i| 50.0 + if i % 2 == 0 { 0.5 } else { -0.5 }).collect();
        assert!(detect(&y, 20.0, 3, noise_sigma(&y, 1.0)).is_empty());
    }

    #[test]
    fn two_steps_and_the_minimum_segment() {
        let mut y = vec![0.0; 20];
        y.extend(vec![10.0; 20]);
        y.extend(vec![25.0; 20]);
        let found: Vec<usize> = detect(&y, 10.0, 5, 1.0).into_iter().map(|f| f.0).collect();
        assert_eq!(found, vec![20, 40]);
        // A blip shorter than the minimum segment is not a regime.
        let mut z = vec![0.0; 30];
        z[15] = 50.0;
        z[16] = 50.0;
        assert!(detect(&z, 10.0, 6, 1.0).iter().all(|f| f.0 != 15));
    }

    #[test]
    fn interval_widens_with_noise() {
        // Deterministic pseudo-Gaussian noise (sum of four uniforms from an LCG), sd ≈ 1.
        let mut state: u64 = 42;
        let mut uniform = || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 11) as f64 / (1u64 << 53) as f64
        };
        let y: Vec<f64> = (0..120)
            .map(|i| {
                let noise = (0..4).map(|_| uniform()).sum::<f64>() - 2.0;
                (if i < 60 { 10.0 } else { 13.0 }) + noise * 3.0f64.sqrt()
            })
            .collect();
        let found = detect(&y, 2.0 * (120f64).ln(), 3, noise_sigma(&y, 0.1));
        assert_eq!(found.len(), 1, "{found:?}");
        let (c, lo, hi) = found[0];
        assert!((55..=65).contains(&c), "{c}");
        assert!(hi > lo, "a noisy step has an interval wider than one point");
    }
}
