//! Alliance-portfolio similarity from ATOP, by dyad and year: Signorino and Ritter's S (valued,
//! binary and weighted) and the chance-corrected Scott's π and Cohen's κ of Häge (2011), and
//! their alliance-year aggregates (mean and lowest over member dyads).
//!
//! A state's *alliance portfolio* in a year is its row of tie levels towards every state in the
//! system that year (itself included, at the top level). The panel is built once from the ATOP
//! member-level file ([`AlliancePanel::build`]) and stored sparsely: most ties are zero, so each
//! state keeps only its allies, and every measure is computed by walking two sparse rows (or, for
//! the full S panel, by counting co-allied pairs column by column). The method, the choices and
//! how they reproduce ATOP's published alliance-year figures are in `docs/alignment.md`.

use entente_datasets::atop::{Membership, Obligations};
use serde::Serialize;

/// How a dyad's obligations become a tie level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Valuation {
    /// The valuation that reproduces ATOP's alliance-year π and κ (`all-fp-sim.csv`): the first
    /// obligation present in ATOP's order decides — defense 3, offense 3, neutrality 2,
    /// non-aggression 1, consultation 2 (consultation alone ranks above non-aggression).
    Reference,
    /// An ordinal scale in the Signorino–Ritter tradition: the strongest obligation present —
    /// defense or offense 3, neutrality or non-aggression 2, consultation 1.
    Ordinal,
    /// 1 for any obligation, 0 for none.
    Binary,
}

impl Valuation {
    /// The tie level of a set of obligations.
    pub fn level(self, o: Obligations) -> u8 {
        match self {
            Valuation::Reference => {
                if o.defense || o.offense {
                    3
                } else if o.neutral {
                    2
                } else if o.nonagg {
                    1
                } else if o.consul {
                    2
                } else {
                    0
                }
            }
            Valuation::Ordinal => {
                if o.defense || o.offense {
                    3
                } else if o.neutral || o.nonagg {
                    2
                } else if o.consul {
                    1
                } else {
                    0
                }
            }
            Valuation::Binary => u8::from(o.any()),
        }
    }

    /// The top level: a state's tie with itself, and S's `d_max`.
    pub fn max_level(self) -> u8 {
        match self {
            Valuation::Reference | Valuation::Ordinal => 3,
            Valuation::Binary => 1,
        }
    }
}

/// Which states make up the system in each year: the `N` states each portfolio runs over.
#[derive(Clone, Debug)]
pub struct System {
    /// (COW code, first year, last year), one row per membership spell.
    spells: Vec<(u16, i32, i32)>,
    first: i32,
    last: i32,
}

impl System {
    /// The Correlates of War state system (State System Membership v2016, 1816–2016): a state
    /// counts in a year when it was a system member on any day of it. This is the system that
    /// reproduces ATOP's published figures.
    pub fn cow2016() -> System {
        System::from_spells(
            COW_STATES_2016
                .iter()
                .map(|&(c, sy, _, _, ey, _, _)| (c, sy as i32, ey as i32))
                .collect(),
        )
    }

    /// The states that hold an ATOP membership in force in the year (for data beyond the COW
    /// list; states without any alliance are then left out of `N`).
    pub fn from_memberships(memberships: &[Membership]) -> System {
        let last_seen = memberships
            .iter()
            .map(|m| m.exit.map_or(m.entry.year, |e| e.year.max(m.entry.year)))
            .max()
            .unwrap_or(0);
        System::from_spells(
            memberships
                .iter()
                .map(|m| (m.member, m.entry.year, m.exit.map_or(last_seen, |e| e.year)))
                .collect(),
        )
    }

    /// A system from explicit (COW code, first year, last year) spells.
    pub fn from_spells(spells: Vec<(u16, i32, i32)>) -> System {
        let first = spells.iter().map(|s| s.1).min().unwrap_or(0);
        let last = spells.iter().map(|s| s.2).max().unwrap_or(-1);
        System { spells, first, last }
    }

    /// The first and last years covered.
    pub fn years(&self) -> (i32, i32) {
        (self.first, self.last)
    }

    /// The member states in `year`, sorted and without repeats.
    pub fn states(&self, year: i32) -> Vec<u16> {
        let mut v: Vec<u16> = self
            .spells
            .iter()
            .filter(|s| s.1 <= year && year <= s.2)
            .map(|s| s.0)
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }
}

/// One year of the panel: the system and each state's sparse portfolio.
#[derive(Clone, Debug)]
struct YearPanel {
    year: i32,
    /// COW codes of the system's states, sorted; a state's index is its position here.
    states: Vec<u16>,
    /// Compressed rows: row `i` is `cols[offsets[i]..offsets[i+1]]` with `levels` alongside,
    /// sorted by column, the state's own (top-level) entry included.
    offsets: Vec<u32>,
    cols: Vec<u32>,
    levels: Vec<u8>,
    /// Per row: Σ t and Σ t² over the row (for S and for π and κ's expected disagreement).
    sum: Vec<u32>,
    sum_sq: Vec<u32>,
    /// Per row: number of non-zero entries (the binary portfolio's size).
    nonzero: Vec<u32>,
    /// The (atopid, phase) groups in force: member indices (for the alliances a dyad shares).
    groups: Vec<(u32, Vec<u32>)>,
    /// Capability weights, when given: one per state, and their total.
    weights: Option<(Vec<f64>, f64)>,
}

impl YearPanel {
    fn index(&self, cow: u16) -> Option<u32> {
        self.states.binary_search(&cow).ok().map(|i| i as u32)
    }

    /// Per alliance in force: its member dyads (indices, i < j) that share a phase this year.
    fn alliance_dyads(&self) -> Vec<(u32, Vec<(u32, u32)>)> {
        let mut out: Vec<(u32, Vec<(u32, u32)>)> = Vec::new();
        for (atopid, group) in &self.groups {
            if out.last().is_none_or(|a| a.0 != *atopid) {
                out.push((*atopid, Vec::new()));
            }
            if let Some((_, d)) = out.last_mut() {
                for (x, &i) in group.iter().enumerate() {
                    for &k in &group[x + 1..] {
                        if i != k {
                            d.push((i.min(k), i.max(k)));
                        }
                    }
                }
            }
        }
        for (_, d) in &mut out {
            d.sort_unstable();
            d.dedup();
        }
        out
    }

    fn shared(&self, i: u32, j: u32) -> Vec<u32> {
        let mut v: Vec<u32> = self
            .groups
            .iter()
            .filter(|(_, g)| i != j && g.contains(&i) && g.contains(&j))
            .map(|(a, _)| *a)
            .collect();
        v.dedup();
        v
    }

    fn row(&self, i: u32) -> (&[u32], &[u8]) {
        let (a, b) = (self.offsets[i as usize] as usize, self.offsets[i as usize + 1] as usize);
        (&self.cols[a..b], &self.levels[a..b])
    }

    /// Walks the union of two sparse rows, calling `f(column, t_i, t_j)` where either is non-zero.
    fn merge(&self, i: u32, j: u32, mut f: impl FnMut(u32, u8, u8)) {
        let ((ci, li), (cj, lj)) = (self.row(i), self.row(j));
        let (mut a, mut b) = (0, 0);
        while a < ci.len() || b < cj.len() {
            let ka = ci.get(a).copied().unwrap_or(u32::MAX);
            let kb = cj.get(b).copied().unwrap_or(u32::MAX);
            if ka == kb {
                f(ka, li[a], lj[b]);
                a += 1;
                b += 1;
            } else if ka < kb {
                f(ka, li[a], 0);
                a += 1;
            } else {
                f(kb, 0, lj[b]);
                b += 1;
            }
        }
    }

    fn measures(&self, i: u32, j: u32, d_max: f64) -> Measures {
        let n = self.states.len() as f64;
        let (mut abs, mut sq, mut bin, mut wabs) = (0u32, 0u32, 0u32, 0.0f64);
        let w = self.weights.as_ref();
        self.merge(i, j, |k, a, b| {
            let d = a.abs_diff(b) as u32;
            abs += d;
            sq += d * d;
            bin += u32::from((a > 0) != (b > 0));
            if let Some((w, _)) = w {
                wabs += w[k as usize] * d as f64;
            }
        });
        let s = 1.0 - 2.0 * abs as f64 / (n * d_max);
        let s_binary = 1.0 - 2.0 * bin as f64 / n;
        let s_weighted = w.and_then(|(_, total)| (*total > 0.0).then(|| 1.0 - 2.0 * wabs / (total * d_max)));
        // Squared-distance disagreement; expected disagreement from the marginals:
        // Σ_ab p_a q_b (a−b)² = E_p[a²] + E_q[b²] − 2 E_p[a] E_q[b].
        let (m1i, m2i) = (self.sum[i as usize] as f64 / n, self.sum_sq[i as usize] as f64 / n);
        let (m1j, m2j) = (self.sum[j as usize] as f64 / n, self.sum_sq[j as usize] as f64 / n);
        let observed = sq as f64 / n;
        let (pm1, pm2) = ((m1i + m1j) / 2.0, (m2i + m2j) / 2.0);
        let expected_pi = 2.0 * (pm2 - pm1 * pm1);
        let expected_kappa = m2i + m2j - 2.0 * m1i * m1j;
        let chance = |e: f64| (e > 1e-12).then(|| 1.0 - observed / e);
        Measures {
            s,
            s_binary,
            s_weighted,
            pi: chance(expected_pi),
            kappa: chance(expected_kappa),
        }
    }
}

#[derive(Clone, Copy, Debug)]
struct Measures {
    s: f64,
    s_binary: f64,
    s_weighted: Option<f64>,
    pi: Option<f64>,
    kappa: Option<f64>,
}

/// The similarity of two states' alliance portfolios in one year.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DyadYear {
    pub year: i32,
    /// S over the valued ties, every state in the system weighted equally.
    pub s_unweighted: f64,
    /// S with each state weighted by its capability share, when weights were given
    /// ([`AlliancePanel::with_weights`]) and known for every state that year.
    pub s_weighted: Option<f64>,
    /// S over binary ties (allied or not).
    pub s_binary: f64,
    /// Scott's π and Cohen's κ over the valued ties (squared distances); `None` when the
    /// expected disagreement is zero (both portfolios constant).
    pub pi: Option<f64>,
    pub kappa: Option<f64>,
    /// The tie level in `a`'s portfolio towards `b` (what `b` undertakes towards `a`) and back.
    pub tie_ab: u8,
    pub tie_ba: u8,
    /// ATOP alliances (atopids) both are members of in this year, in the same phase.
    pub shared_alliances: Vec<u32>,
}

/// Alliance-year aggregates: mean and lowest over the alliance's member dyads in the year.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AllianceYear {
    pub atopid: u32,
    pub year: i32,
    /// Member dyads counted: pairs of members in the same phase, both in the system.
    pub dyads: usize,
    pub mean_s: Option<f64>,
    pub low_s: Option<f64>,
    pub mean_s_weighted: Option<f64>,
    pub low_s_weighted: Option<f64>,
    pub mean_pi: Option<f64>,
    pub low_pi: Option<f64>,
    pub mean_kappa: Option<f64>,
    pub low_kappa: Option<f64>,
}

/// Alliance portfolios for every state in the system, every year.
#[derive(Clone, Debug)]
pub struct AlliancePanel {
    valuation: Valuation,
    years: Vec<YearPanel>,
}

impl AlliancePanel {
    /// Builds the panel from ATOP memberships over the system's years.
    ///
    /// A membership row counts in every year from its entry year to its exit year, both
    /// included. Two states are tied in a year when they are members of the same alliance in the
    /// same phase. The tie in `i`'s portfolio towards `k` is the valuation of the obligations `k`
    /// undertakes in all the alliances they share (obligations can be asymmetric, so the
    /// portfolio matrix is not symmetric). Each state's tie with itself is the top level.
    pub fn build(memberships: &[Membership], system: &System, valuation: Valuation) -> AlliancePanel {
        let (first, last) = system.years();
        let mut rows: Vec<&Membership> = memberships.iter().collect();
        rows.sort_by_key(|m| (m.atopid, m.phase, m.member));
        let years = (first..=last)
            .map(|y| Self::build_year(&rows, system.states(y), y, valuation))
            .collect();
        AlliancePanel { valuation, years }
    }

    fn build_year(rows: &[&Membership], states: Vec<u16>, year: i32, valuation: Valuation) -> YearPanel {
        let index = |c: u16| states.binary_search(&c).ok().map(|i| i as u32);
        let n = states.len();
        // The (atopid, phase) groups in force, as member indices.
        let mut groups: Vec<(u32, Vec<(u32, u8)>)> = Vec::new();
        let mut start = 0;
        while start < rows.len() {
            let key = (rows[start].atopid, rows[start].phase);
            let mut group = Vec::new();
            while start < rows.len() && (rows[start].atopid, rows[start].phase) == key {
                let m = rows[start];
                if m.covers_year(year) {
                    if let Some(i) = index(m.member) {
                        group.push((i, bits(m.obligations)));
                    }
                }
                start += 1;
            }
            if !group.is_empty() {
                groups.push((key.0, group));
            }
        }
        // For each state, the groups it is in (compressed: `member_of[starts[i]..starts[i+1]]`).
        let mut starts = vec![0u32; n + 1];
        for (_, group) in &groups {
            for &(i, _) in group {
                starts[i as usize + 1] += 1;
            }
        }
        for i in 0..n {
            starts[i + 1] += starts[i];
        }
        let mut fill = starts.clone();
        let mut member_of = vec![0u32; starts[n] as usize];
        for (g, (_, group)) in groups.iter().enumerate() {
            for &(i, _) in group {
                member_of[fill[i as usize] as usize] = g as u32;
                fill[i as usize] += 1;
            }
        }
        // Row i: for each k, the union of what k undertakes in the groups i shares with it,
        // accumulated in a scratch row (no global sort of all pairs).
        let top = valuation.max_level();
        let (mut offsets, mut cols, mut levels) = (vec![0u32; n + 1], Vec::new(), Vec::new());
        let (mut sum, mut sum_sq, mut nonzero) = (vec![0u32; n], vec![0u32; n], vec![0u32; n]);
        let mut scratch = vec![0u8; n];
        let mut touched: Vec<u32> = Vec::new();
        for i in 0..n as u32 {
            touched.clear();
            for &g in &member_of[starts[i as usize] as usize..starts[i as usize + 1] as usize] {
                for &(k, ok) in &groups[g as usize].1 {
                    if k != i {
                        if scratch[k as usize] == 0 {
                            touched.push(k);
                        }
                        // Bit 7 marks "seen" so that a tie with no obligation still counts once.
                        scratch[k as usize] |= ok | 0x80;
                    }
                }
            }
            touched.push(i);
            touched.sort_unstable();
            for &k in &touched {
                let level = if k == i {
                    top
                } else {
                    valuation.level(obligations(scratch[k as usize]))
                };
                scratch[k as usize] = 0;
                if level == 0 {
                    continue;
                }
                offsets[i as usize + 1] += 1;
                cols.push(k);
                levels.push(level);
                let l = level as u32;
                sum[i as usize] += l;
                sum_sq[i as usize] += l * l;
                nonzero[i as usize] += 1;
            }
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        let groups = groups
            .into_iter()
            .map(|(a, g)| (a, g.into_iter().map(|m| m.0).collect()))
            .collect();
        YearPanel {
            year,
            states,
            offsets,
            cols,
            levels,
            sum,
            sum_sq,
            nonzero,
            groups,
            weights: None,
        }
    }

    /// Adds capability weights for the weighted S: `weight(year, cow)` (e.g. the state's CINC
    /// score). A year in which any system member has no weight gets no weighted S.
    pub fn with_weights(mut self, weight: impl Fn(i32, u16) -> Option<f64>) -> AlliancePanel {
        for y in &mut self.years {
            let w: Option<Vec<f64>> = y
                .states
                .iter()
                .map(|&c| weight(y.year, c).filter(|v| v.is_finite() && *v >= 0.0))
                .collect();
            y.weights = w.map(|w| {
                let total = w.iter().sum();
                (w, total)
            });
        }
        self
    }

    pub fn valuation(&self) -> Valuation {
        self.valuation
    }

    fn year(&self, year: i32) -> Option<&YearPanel> {
        let first = self.years.first()?.year;
        self.years.get(usize::try_from(year - first).ok()?)
    }

    /// The system's states in `year` (COW codes, sorted); empty outside the panel's years.
    pub fn states(&self, year: i32) -> &[u16] {
        self.year(year).map_or(&[], |y| &y.states)
    }

    /// `a`'s portfolio in `year`: (COW code, tie level) for every non-zero entry, itself included.
    pub fn portfolio(&self, a: u16, year: i32) -> Vec<(u16, u8)> {
        let Some(y) = self.year(year) else { return Vec::new() };
        let Some(i) = y.index(a) else { return Vec::new() };
        let (c, l) = y.row(i);
        c.iter().zip(l).map(|(&k, &l)| (y.states[k as usize], l)).collect()
    }

    /// The dyad's measures in `year`; `None` when either state is not in the system that year.
    pub fn dyad(&self, a: u16, b: u16, year: i32) -> Option<DyadYear> {
        let y = self.year(year)?;
        let (i, j) = (y.index(a)?, y.index(b)?);
        let m = y.measures(i, j, self.valuation.max_level() as f64);
        let level = |i: u32, k: u32| {
            let (c, l) = y.row(i);
            c.binary_search(&k).map_or(0, |p| l[p])
        };
        Some(DyadYear {
            year,
            s_unweighted: m.s,
            s_weighted: m.s_weighted,
            s_binary: m.s_binary,
            pi: m.pi,
            kappa: m.kappa,
            tie_ab: if i == j { 0 } else { level(i, j) },
            tie_ba: if i == j { 0 } else { level(j, i) },
            shared_alliances: y.shared(i, j),
        })
    }

    /// Alliance-year aggregates for every alliance in force in every year of the panel. An
    /// alliance-year with fewer than two members in the system has no dyad and no values.
    pub fn alliance_years(&self) -> Vec<AllianceYear> {
        let d_max = self.valuation.max_level() as f64;
        let mut out = Vec::new();
        for y in &self.years {
            for (atopid, dyads) in y.alliance_dyads() {
                let ms: Vec<Measures> = dyads.iter().map(|&(i, j)| y.measures(i, j, d_max)).collect();
                let agg = |f: &dyn Fn(&Measures) -> Option<f64>| -> (Option<f64>, Option<f64>) {
                    let v: Option<Vec<f64>> = ms.iter().map(f).collect();
                    match v {
                        Some(v) if !v.is_empty() => {
                            let mean = v.iter().sum::<f64>() / v.len() as f64;
                            (Some(mean), v.iter().copied().reduce(f64::min))
                        }
                        _ => (None, None),
                    }
                };
                let (mean_s, low_s) = agg(&|m| Some(m.s));
                let (mean_s_weighted, low_s_weighted) = agg(&|m| m.s_weighted);
                let (mean_pi, low_pi) = agg(&|m| m.pi);
                let (mean_kappa, low_kappa) = agg(&|m| m.kappa);
                out.push(AllianceYear {
                    atopid,
                    year: y.year,
                    dyads: dyads.len(),
                    mean_s,
                    low_s,
                    mean_s_weighted,
                    low_s_weighted,
                    mean_pi,
                    low_pi,
                    mean_kappa,
                    low_kappa,
                });
            }
        }
        out.sort_by_key(|a| (a.atopid, a.year));
        out
    }

    /// Unweighted S for every pair of system states in every year, as `f(year, a, b, s)` with
    /// `a < b` (COW codes). Uses |x − y| = x + y − 2·min(x, y): Σ_k |t_ik − t_jk| is the two
    /// row sums less twice the overlap, and the overlap is counted only where both rows are
    /// non-zero, column by column, so the work is the output size plus the co-alliance pairs.
    pub fn for_each_s(&self, mut f: impl FnMut(i32, u16, u16, f64)) {
        let d_max = self.valuation.max_level() as f64;
        let mut overlap: Vec<u32> = Vec::new();
        let mut by_col: Vec<Vec<(u32, u8)>> = Vec::new();
        for y in &self.years {
            let n = y.states.len();
            overlap.clear();
            overlap.resize(n * n, 0);
            by_col.iter_mut().for_each(Vec::clear);
            by_col.resize_with(n.max(by_col.len()), Vec::new);
            for i in 0..n as u32 {
                let (c, l) = y.row(i);
                for (&k, &lv) in c.iter().zip(l) {
                    by_col[k as usize].push((i, lv));
                }
            }
            for col in &by_col[..n] {
                for (x, &(i, li)) in col.iter().enumerate() {
                    for &(j, lj) in &col[x + 1..] {
                        overlap[i as usize * n + j as usize] += li.min(lj) as u32;
                    }
                }
            }
            let scale = 2.0 / (n as f64 * d_max);
            for i in 0..n {
                let si = y.sum[i];
                for j in i + 1..n {
                    let d = si + y.sum[j] - 2 * overlap[i * n + j];
                    f(y.year, y.states[i], y.states[j], 1.0 - scale * d as f64);
                }
            }
        }
    }

    /// Number of non-zero entries of `a`'s portfolio in `year` (allies plus itself).
    pub fn portfolio_size(&self, a: u16, year: i32) -> usize {
        self.year(year)
            .and_then(|y| y.index(a).map(|i| y.nonzero[i as usize] as usize))
            .unwrap_or(0)
    }
}

fn bits(o: Obligations) -> u8 {
    u8::from(o.defense)
        | u8::from(o.offense) << 1
        | u8::from(o.neutral) << 2
        | u8::from(o.nonagg) << 3
        | u8::from(o.consul) << 4
}

fn obligations(b: u8) -> Obligations {
    Obligations {
        defense: b & 1 != 0,
        offense: b & 2 != 0,
        neutral: b & 4 != 0,
        nonagg: b & 8 != 0,
        consul: b & 16 != 0,
    }
}

/// The dyad's measures from `from` to `to` (both included), for the years in which both states
/// are in the system.
pub fn dyad_series(panel: &AlliancePanel, a_cow: u16, b_cow: u16, from: i32, to: i32) -> Vec<DyadYear> {
    (from..=to).filter_map(|y| panel.dyad(a_cow, b_cow, y)).collect()
}

/// The Correlates of War State System Membership list, v2016 (`states2016.csv`: COW code, start
/// year, month, day, end year, month, day), one row per membership spell. Correlates of War
/// Project (2017), "State System Membership List, v2016", https://correlatesofwar.org/.
#[rustfmt::skip]
const COW_STATES_2016: &[(u16, u16, u8, u8, u16, u8, u8)] = &[
    (2, 1816, 1, 1, 2016, 12, 31),
    (20, 1920, 1, 10, 2016, 12, 31),
    (31, 1973, 7, 10, 2016, 12, 31),
    (40, 1902, 5, 20, 1906, 9, 25),
    (40, 1909, 1, 23, 2016, 12, 31),
    (41, 1859, 1, 1, 1915, 7, 28),
    (41, 1934, 8, 15, 2016, 12, 31),
    (42, 1894, 1, 1, 1916, 11, 29),
    (42, 1924, 9, 29, 2016, 12, 31),
    (51, 1962, 8, 6, 2016, 12, 31),
    (52, 1962, 8, 31, 2016, 12, 31),
    (53, 1966, 11, 30, 2016, 12, 31),
    (54, 1978, 11, 3, 2016, 12, 31),
    (55, 1974, 2, 7, 2016, 12, 31),
    (56, 1979, 2, 22, 2016, 12, 31),
    (57, 1979, 10, 27, 2016, 12, 31),
    (58, 1981, 11, 1, 2016, 12, 31),
    (60, 1983, 9, 19, 2016, 12, 31),
    (70, 1831, 1, 1, 2016, 12, 31),
    (80, 1981, 9, 21, 2016, 12, 31),
    (90, 1868, 1, 1, 2016, 12, 31),
    (91, 1899, 1, 1, 2016, 12, 31),
    (92, 1875, 1, 1, 2016, 12, 31),
    (93, 1900, 1, 1, 2016, 12, 31),
    (94, 1920, 1, 1, 2016, 12, 31),
    (95, 1903, 11, 3, 2016, 12, 31),
    (100, 1831, 1, 1, 2016, 12, 31),
    (101, 1841, 1, 1, 2016, 12, 31),
    (110, 1966, 5, 26, 2016, 12, 31),
    (115, 1975, 11, 25, 2016, 12, 31),
    (130, 1854, 1, 1, 2016, 12, 31),
    (135, 1839, 1, 1, 2016, 12, 31),
    (140, 1822, 9, 7, 2016, 12, 31),
    (145, 1848, 1, 1, 2016, 12, 31),
    (150, 1846, 1, 1, 1870, 6, 20),
    (150, 1876, 6, 22, 2016, 12, 31),
    (155, 1839, 1, 1, 2016, 12, 31),
    (160, 1841, 1, 1, 2016, 12, 31),
    (165, 1882, 1, 1, 2016, 12, 31),
    (200, 1816, 1, 1, 2016, 12, 31),
    (205, 1922, 12, 6, 2016, 12, 31),
    (210, 1816, 1, 1, 1940, 7, 14),
    (210, 1945, 6, 26, 2016, 12, 31),
    (211, 1830, 12, 20, 1940, 5, 28),
    (211, 1945, 6, 26, 2016, 12, 31),
    (212, 1920, 11, 15, 1940, 5, 10),
    (212, 1944, 9, 10, 2016, 12, 31),
    (220, 1816, 1, 1, 1942, 11, 11),
    (220, 1944, 8, 25, 2016, 12, 31),
    (221, 1993, 5, 28, 2016, 12, 31),
    (223, 1990, 9, 18, 2016, 12, 31),
    (225, 1816, 1, 1, 2016, 12, 31),
    (230, 1816, 1, 1, 2016, 12, 31),
    (232, 1993, 7, 28, 2016, 12, 31),
    (235, 1816, 1, 1, 2016, 12, 31),
    (240, 1837, 6, 20, 1866, 7, 26),
    (245, 1816, 1, 1, 1871, 1, 18),
    (255, 1816, 1, 1, 1945, 5, 8),
    (255, 1990, 10, 3, 2016, 12, 31),
    (260, 1955, 5, 5, 1990, 10, 2),
    (265, 1954, 3, 25, 1990, 10, 2),
    (267, 1816, 1, 1, 1871, 1, 18),
    (269, 1816, 1, 1, 1867, 4, 17),
    (271, 1816, 1, 1, 1871, 1, 18),
    (273, 1816, 1, 1, 1866, 7, 26),
    (275, 1816, 1, 1, 1867, 4, 17),
    (280, 1843, 1, 1, 1867, 4, 17),
    (290, 1918, 11, 3, 1939, 9, 27),
    (290, 1945, 6, 28, 2016, 12, 31),
    (300, 1816, 1, 1, 1918, 11, 12),
    (305, 1919, 9, 10, 1938, 3, 13),
    (305, 1955, 7, 27, 2016, 12, 31),
    (310, 1918, 11, 16, 2016, 12, 31),
    (315, 1918, 10, 28, 1939, 3, 15),
    (315, 1945, 5, 10, 1992, 12, 31),
    (316, 1993, 1, 1, 2016, 12, 31),
    (317, 1993, 1, 1, 2016, 12, 31),
    (325, 1816, 1, 1, 2016, 12, 31),
    (327, 1816, 1, 1, 1860, 11, 5),
    (329, 1816, 1, 1, 1861, 2, 13),
    (331, 1992, 3, 2, 2016, 12, 31),
    (332, 1842, 1, 1, 1860, 3, 15),
    (335, 1851, 1, 1, 1860, 3, 15),
    (337, 1816, 1, 1, 1860, 3, 15),
    (338, 1964, 9, 21, 2016, 12, 31),
    (339, 1914, 1, 1, 1939, 4, 7),
    (339, 1944, 11, 17, 2016, 12, 31),
    (341, 2006, 6, 12, 2016, 12, 31),
    (343, 1993, 4, 8, 2016, 12, 31),
    (344, 1992, 1, 15, 2016, 12, 31),
    (345, 1878, 7, 13, 1941, 4, 20),
    (345, 1944, 10, 20, 2016, 12, 31),
    (346, 1992, 4, 7, 2016, 12, 31),
    (347, 2008, 2, 20, 2016, 12, 31),
    (349, 1992, 1, 15, 2016, 12, 31),
    (350, 1828, 1, 1, 1941, 4, 23),
    (350, 1944, 10, 13, 2016, 12, 31),
    (352, 1960, 8, 16, 2016, 12, 31),
    (355, 1908, 10, 5, 2016, 12, 31),
    (359, 1991, 12, 26, 2016, 12, 31),
    (360, 1878, 7, 13, 2016, 12, 31),
    (365, 1816, 1, 1, 2016, 12, 31),
    (366, 1918, 2, 24, 1940, 6, 16),
    (366, 1991, 9, 6, 2016, 12, 31),
    (367, 1918, 11, 18, 1940, 6, 16),
    (367, 1991, 9, 6, 2016, 12, 31),
    (368, 1918, 2, 16, 1940, 6, 15),
    (368, 1991, 9, 6, 2016, 12, 31),
    (369, 1991, 12, 26, 2016, 12, 31),
    (370, 1991, 12, 26, 2016, 12, 31),
    (371, 1991, 12, 26, 2016, 12, 31),
    (372, 1991, 12, 26, 2016, 12, 31),
    (373, 1991, 12, 26, 2016, 12, 31),
    (375, 1917, 12, 6, 2016, 12, 31),
    (380, 1816, 1, 1, 2016, 12, 31),
    (385, 1905, 6, 7, 1940, 4, 30),
    (385, 1945, 5, 7, 2016, 12, 31),
    (390, 1816, 1, 1, 1940, 4, 9),
    (390, 1945, 5, 7, 2016, 12, 31),
    (395, 1944, 6, 17, 2016, 12, 31),
    (402, 1975, 7, 5, 2016, 12, 31),
    (403, 1975, 7, 12, 2016, 12, 31),
    (404, 1974, 9, 10, 2016, 12, 31),
    (411, 1968, 10, 12, 2016, 12, 31),
    (420, 1965, 2, 18, 2016, 12, 31),
    (432, 1960, 6, 20, 2016, 12, 31),
    (433, 1960, 8, 20, 2016, 12, 31),
    (434, 1960, 8, 1, 2016, 12, 31),
    (435, 1960, 11, 28, 2016, 12, 31),
    (436, 1960, 10, 3, 2016, 12, 31),
    (437, 1960, 8, 7, 2016, 12, 31),
    (438, 1958, 10, 2, 2016, 12, 31),
    (439, 1960, 8, 5, 2016, 12, 31),
    (450, 1920, 6, 30, 2016, 12, 31),
    (451, 1961, 4, 27, 2016, 12, 31),
    (452, 1957, 3, 6, 2016, 12, 31),
    (461, 1960, 4, 27, 2016, 12, 31),
    (471, 1960, 1, 1, 2016, 12, 31),
    (475, 1960, 10, 1, 2016, 12, 31),
    (481, 1960, 8, 17, 2016, 12, 31),
    (482, 1960, 8, 13, 2016, 12, 31),
    (483, 1960, 8, 11, 2016, 12, 31),
    (484, 1960, 8, 15, 2016, 12, 31),
    (490, 1960, 6, 30, 2016, 12, 31),
    (500, 1962, 10, 9, 2016, 12, 31),
    (501, 1963, 12, 12, 2016, 12, 31),
    (510, 1961, 12, 9, 2016, 12, 31),
    (511, 1963, 12, 19, 1964, 4, 26),
    (516, 1962, 7, 1, 2016, 12, 31),
    (517, 1962, 7, 1, 2016, 12, 31),
    (520, 1960, 7, 1, 2016, 12, 31),
    (522, 1977, 6, 27, 2016, 12, 31),
    (530, 1898, 1, 1, 1936, 5, 5),
    (530, 1941, 5, 5, 2016, 12, 31),
    (531, 1993, 5, 24, 2016, 12, 31),
    (540, 1975, 11, 11, 2016, 12, 31),
    (541, 1975, 6, 25, 2016, 12, 31),
    (551, 1964, 10, 24, 2016, 12, 31),
    (552, 1965, 11, 11, 2016, 12, 31),
    (553, 1964, 7, 6, 2016, 12, 31),
    (560, 1920, 1, 10, 2016, 12, 31),
    (565, 1990, 3, 21, 2016, 12, 31),
    (570, 1966, 10, 4, 2016, 12, 31),
    (571, 1966, 9, 30, 2016, 12, 31),
    (572, 1968, 9, 6, 2016, 12, 31),
    (580, 1960, 6, 26, 2016, 12, 31),
    (581, 1975, 12, 31, 2016, 12, 31),
    (590, 1968, 3, 12, 2016, 12, 31),
    (591, 1976, 6, 29, 2016, 12, 31),
    (600, 1847, 1, 1, 1912, 3, 30),
    (600, 1956, 3, 2, 2016, 12, 31),
    (615, 1962, 7, 5, 2016, 12, 31),
    (616, 1825, 1, 1, 1881, 5, 12),
    (616, 1956, 3, 20, 2016, 12, 31),
    (620, 1951, 12, 24, 2016, 12, 31),
    (625, 1956, 1, 1, 2016, 12, 31),
    (626, 2011, 7, 9, 2016, 12, 31),
    (630, 1855, 1, 1, 2016, 12, 31),
    (640, 1816, 1, 1, 2016, 12, 31),
    (645, 1932, 10, 3, 2016, 12, 31),
    (651, 1855, 1, 1, 1882, 9, 15),
    (651, 1937, 5, 26, 2016, 12, 31),
    (652, 1946, 4, 17, 1958, 2, 1),
    (652, 1961, 9, 29, 2016, 12, 31),
    (660, 1946, 3, 10, 2016, 12, 31),
    (663, 1946, 3, 22, 2016, 12, 31),
    (666, 1948, 5, 14, 2016, 12, 31),
    (670, 1927, 5, 20, 2016, 12, 31),
    (678, 1926, 9, 2, 1990, 5, 21),
    (679, 1990, 5, 22, 2016, 12, 31),
    (680, 1967, 11, 30, 1990, 5, 21),
    (690, 1961, 6, 19, 2016, 12, 31),
    (692, 1971, 8, 15, 2016, 12, 31),
    (694, 1971, 9, 3, 2016, 12, 31),
    (696, 1971, 12, 2, 2016, 12, 31),
    (698, 1971, 10, 7, 2016, 12, 31),
    (700, 1919, 8, 8, 2016, 12, 31),
    (701, 1991, 12, 26, 2016, 12, 31),
    (702, 1991, 12, 26, 2016, 12, 31),
    (703, 1991, 12, 26, 2016, 12, 31),
    (704, 1991, 12, 26, 2016, 12, 31),
    (705, 1991, 12, 26, 2016, 12, 31),
    (710, 1860, 10, 25, 2016, 12, 31),
    (712, 1921, 3, 13, 2016, 12, 31),
    (713, 1949, 12, 8, 2016, 12, 31),
    (730, 1887, 1, 1, 1905, 11, 17),
    (731, 1948, 9, 9, 2016, 12, 31),
    (732, 1949, 6, 29, 2016, 12, 31),
    (740, 1860, 1, 1, 1945, 8, 14),
    (740, 1952, 4, 28, 2016, 12, 31),
    (750, 1947, 8, 15, 2016, 12, 31),
    (760, 1971, 9, 21, 2016, 12, 31),
    (770, 1947, 8, 14, 2016, 12, 31),
    (771, 1971, 12, 16, 2016, 12, 31),
    (775, 1948, 1, 4, 2016, 12, 31),
    (780, 1948, 2, 4, 2016, 12, 31),
    (781, 1965, 7, 26, 2016, 12, 31),
    (790, 1920, 1, 1, 2016, 12, 31),
    (800, 1887, 1, 1, 2016, 12, 31),
    (811, 1953, 11, 9, 2016, 12, 31),
    (812, 1953, 10, 23, 2016, 12, 31),
    (816, 1954, 7, 21, 2016, 12, 31),
    (817, 1954, 6, 4, 1975, 4, 30),
    (820, 1957, 8, 31, 2016, 12, 31),
    (830, 1965, 8, 9, 2016, 12, 31),
    (835, 1984, 1, 1, 2016, 12, 31),
    (840, 1946, 7, 4, 2016, 12, 31),
    (850, 1949, 12, 27, 2016, 12, 31),
    (860, 2002, 9, 27, 2016, 12, 31),
    (900, 1920, 1, 10, 2016, 12, 31),
    (910, 1975, 9, 16, 2016, 12, 31),
    (920, 1920, 1, 10, 2016, 12, 31),
    (935, 1981, 9, 15, 2016, 12, 31),
    (940, 1978, 7, 7, 2016, 12, 31),
    (946, 1999, 9, 14, 2016, 12, 31),
    (947, 2000, 9, 5, 2016, 12, 31),
    (950, 1970, 10, 10, 2016, 12, 31),
    (955, 1999, 9, 14, 2016, 12, 31),
    (970, 1999, 9, 14, 2016, 12, 31),
    (983, 1991, 9, 17, 2016, 12, 31),
    (986, 1994, 12, 15, 2016, 12, 31),
    (987, 1991, 9, 17, 2016, 12, 31),
    (990, 1976, 12, 15, 2016, 12, 31),
];
