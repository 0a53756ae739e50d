//! Alliance-portfolio similarity against ATOP's published alliance-year figures
//! (`../shared/fixtures/atop/all-fp-sim.csv`), the US–ROK dyad, and the measures' definitions on
//! small hand-made portfolios.

use entente_datasets::atop::{
    read_members, read_similarity, AllianceYearSimilarity, AtopDate, Membership, Obligations,
};
use entente_measures::alliance::{dyad_series, AlliancePanel, System, Valuation};
use std::collections::HashMap;
use std::fs::File;
use std::io::BufReader;
use std::path::PathBuf;

fn fixtures() -> Option<PathBuf> {
    entente_testkit::shared("atop")
}

fn members(dir: &std::path::Path) -> Vec<Membership> {
    let f = File::open(dir.join("atop-member-level.csv")).unwrap_or_else(|e| panic!("open: {e}"));
    let (rows, report) = read_members("atop-member-level.csv", BufReader::new(f)).unwrap_or_else(|e| panic!("{e}"));
    assert!(report.rejected.is_empty(), "{report}");
    rows
}

fn reference(dir: &std::path::Path) -> Vec<AllianceYearSimilarity> {
    let f = File::open(dir.join("all-fp-sim.csv")).unwrap_or_else(|e| panic!("open: {e}"));
    let (rows, report) = read_similarity("all-fp-sim.csv", BufReader::new(f)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report.kept, 13_941, "{report}");
    rows
}

/// Every row of all-fp-sim.csv against the panel: the NA pattern of π and κ exactly, and the
/// values within the tolerance stated in docs/alignment.md.
#[test]
fn pi_and_kappa_reproduce_the_reference_over_all_rows() {
    let Some(dir) = fixtures() else { return };
    let panel = AlliancePanel::build(&members(&dir), &System::cow2016(), Valuation::Reference);
    let ours: HashMap<(u32, i32), _> = panel
        .alliance_years()
        .into_iter()
        .map(|a| ((a.atopid, a.year), a))
        .collect();
    let mut errors = Vec::new();
    let (mut na_ref, mut na_both) = (0, 0);
    for r in reference(&dir) {
        let mine = ours.get(&(r.atopid, r.year));
        let values = mine.map(|a| [a.mean_pi, a.low_pi, a.mean_kappa, a.low_kappa]);
        let refs = [r.mean_pi, r.low_pi, r.mean_kappa, r.low_kappa];
        if refs.iter().any(Option::is_none) {
            na_ref += 1;
            // NA exactly where fewer than two members are in the system: no dyad.
            assert!(
                values.is_none_or(|v| v.iter().all(Option::is_none)),
                "{} {}: ours has values",
                r.atopid,
                r.year
            );
            na_both += 1;
            continue;
        }
        let Some(v) = values else {
            panic!("{} {}: not in our alliance-years", r.atopid, r.year)
        };
        let mut e: f64 = 0.0;
        for (x, y) in v.iter().zip(refs) {
            let (Some(x), Some(y)) = (x, y) else {
                panic!("{} {}: ours is NA", r.atopid, r.year)
            };
            e = e.max((x - y).abs());
        }
        errors.push(e);
    }
    assert_eq!(na_ref, 119);
    assert_eq!(na_both, 119);
    assert_eq!(errors.len(), 13_822);
    errors.sort_by(f64::total_cmp);
    let exact = errors.iter().filter(|&&e| e <= 1e-6).count();
    let q = |p: f64| errors[((errors.len() - 1) as f64 * p) as usize];
    println!(
        "exact {exact}/{} p90 {:.2e} p95 {:.2e} p99 {:.2e} max {:.3}",
        errors.len(),
        q(0.90),
        q(0.95),
        q(0.99),
        q(1.0)
    );
    assert!(exact >= 12_820, "only {exact} rows within 1e-6");
    assert!(q(0.95) <= 0.0035, "95th percentile error {}", q(0.95));
    assert!(q(1.0) <= 1.03);
}

#[test]
fn usa_rok_have_a_defence_tie_every_year_since_1991() {
    let Some(dir) = fixtures() else { return };
    let panel = AlliancePanel::build(&members(&dir), &System::cow2016(), Valuation::Reference);
    let series = dyad_series(&panel, 2, 732, 1991, 2016);
    assert_eq!(series.len(), 26);
    for d in &series {
        assert_eq!((d.tie_ab, d.tie_ba), (3, 3), "{}", d.year);
        assert!(
            d.shared_alliances.contains(&3240),
            "{}: {:?}",
            d.year,
            d.shared_alliances
        );
        assert!(d.s_unweighted > 0.0 && d.s_unweighted <= 1.0);
        assert!(d.pi.is_some() && d.kappa.is_some());
        assert_eq!(d.s_weighted, None, "no capability weights given");
    }
    // Before the 1953 treaty they share no alliance; before 1949 the ROK is not in the system.
    assert!(panel
        .dyad(2, 732, 1950)
        .is_some_and(|d| d.shared_alliances.is_empty() && d.tie_ab == 0));
    assert!(panel.dyad(2, 732, 1948).is_none());
}

#[test]
fn full_s_panel_agrees_with_the_dyad_api() {
    let Some(dir) = fixtures() else { return };
    let panel = AlliancePanel::build(&members(&dir), &System::cow2016(), Valuation::Reference);
    let mut n = 0usize;
    let mut checked = 0;
    panel.for_each_s(|year, a, b, s| {
        n += 1;
        if n.is_multiple_of(997) || (a == 2 && b == 732) {
            let d = panel.dyad(a, b, year).unwrap_or_else(|| panic!("{year} {a} {b}"));
            assert!(
                (d.s_unweighted - s).abs() < 1e-12,
                "{year} {a} {b}: {} vs {s}",
                d.s_unweighted
            );
            checked += 1;
        }
    });
    let expected: usize = (1816..=2016)
        .map(|y| panel.states(y).len())
        .map(|n| n * (n - 1) / 2)
        .sum();
    assert_eq!(n, expected);
    assert!(checked > 1000);
}

fn m(atopid: u32, member: u16, phase: u8, from: i32, to: Option<i32>, o: Obligations) -> Membership {
    Membership {
        line: 0,
        atopid,
        member,
        in_cow_system: true,
        phase,
        max_phase: phase,
        entry: AtopDate {
            year: from,
            month: 1,
            day: 1,
        },
        exit: to.map(|y| AtopDate {
            year: y,
            month: 12,
            day: 31,
        }),
        in_effect: to.is_none(),
        bilateral: false,
        obligations: o,
        conditional: false,
    }
}

const DEF: Obligations = Obligations {
    defense: true,
    offense: false,
    neutral: false,
    nonagg: false,
    consul: false,
};
const CON: Obligations = Obligations {
    defense: false,
    offense: false,
    neutral: false,
    nonagg: false,
    consul: true,
};
const NONE: Obligations = Obligations {
    defense: false,
    offense: false,
    neutral: false,
    nonagg: false,
    consul: false,
};

/// Straightforward dense versions of the formulas, to check the sparse ones.
fn dense(rows: &[Vec<u8>], i: usize, j: usize, d_max: f64) -> (f64, f64, f64) {
    let n = rows[i].len() as f64;
    let (x, y) = (&rows[i], &rows[j]);
    let s = 1.0 - 2.0 * x.iter().zip(y).map(|(a, b)| a.abs_diff(*b) as f64).sum::<f64>() / (n * d_max);
    let d_o = x
        .iter()
        .zip(y)
        .map(|(a, b)| (*a as f64 - *b as f64).powi(2))
        .sum::<f64>()
        / n;
    let p = |v: &Vec<u8>, c: u8| v.iter().filter(|&&t| t == c).count() as f64 / n;
    let (mut e_pi, mut e_k) = (0.0, 0.0);
    for a in 0..=3u8 {
        for b in 0..=3u8 {
            let d = (a as f64 - b as f64).powi(2);
            e_pi += (p(x, a) + p(y, a)) / 2.0 * (p(x, b) + p(y, b)) / 2.0 * d;
            e_k += p(x, a) * p(y, b) * d;
        }
    }
    (s, 1.0 - d_o / e_pi, 1.0 - d_o / e_k)
}

#[test]
fn measures_follow_their_formulas_on_a_small_system() {
    // Five states; 1 defends 2 (2 undertakes nothing: asymmetric); 1, 3 and 4 consult.
    let ms = vec![
        m(10, 1, 0, 1900, None, DEF),
        m(10, 2, 0, 1900, None, NONE),
        m(11, 1, 0, 1900, None, CON),
        m(11, 3, 0, 1900, None, CON),
        m(11, 4, 0, 1900, None, CON),
    ];
    let system = System::from_spells((1..=5).map(|c| (c, 1900, 1901)).collect());
    let panel = AlliancePanel::build(&ms, &system, Valuation::Reference);
    // Row i, column k: what k undertakes towards i. 2 receives 1's defence; 1 receives nothing from 2.
    assert_eq!(panel.portfolio(2, 1900), [(1, 3), (2, 3)]);
    assert_eq!(panel.portfolio(1, 1900), [(1, 3), (3, 2), (4, 2)]);
    let rows: Vec<Vec<u8>> = (1..=5u16)
        .map(|a| {
            let p = panel.portfolio(a, 1900);
            (1..=5u16)
                .map(|k| p.iter().find(|e| e.0 == k).map_or(0, |e| e.1))
                .collect()
        })
        .collect();
    for i in 0..5 {
        for j in 0..5 {
            if i == j {
                continue;
            }
            let d = panel
                .dyad(i as u16 + 1, j as u16 + 1, 1900)
                .unwrap_or_else(|| panic!("dyad"));
            let (s, pi, kappa) = dense(&rows, i, j, 3.0);
            assert!((d.s_unweighted - s).abs() < 1e-12);
            assert!((d.pi.unwrap_or(f64::NAN) - pi).abs() < 1e-12, "{i} {j}");
            assert!((d.kappa.unwrap_or(f64::NAN) - kappa).abs() < 1e-12, "{i} {j}");
        }
    }
    // Identical portfolios (3 and 4 each consult with the other two) except the self-ties.
    let d34 = panel.dyad(3, 4, 1900).unwrap_or_else(|| panic!("3-4"));
    assert_eq!(d34.shared_alliances, [11]);
    // Equal weights give the unweighted S; a year with a weight missing gives none.
    let weighted = panel.clone().with_weights(|y, _| (y == 1900).then_some(0.2));
    let d = weighted.dyad(1, 2, 1900).unwrap_or_else(|| panic!("1-2"));
    assert!((d.s_weighted.unwrap_or(f64::NAN) - d.s_unweighted).abs() < 1e-12);
    assert_eq!(weighted.dyad(1, 2, 1901).and_then(|d| d.s_weighted), None);
    // Binary S: 1's row is {1, 3, 4}, 2's row {1, 2}: they differ at 2, 3 and 4.
    assert!((panel.dyad(1, 2, 1900).map_or(f64::NAN, |d| d.s_binary) - (1.0 - 2.0 * 3.0 / 5.0)).abs() < 1e-12);
}

#[test]
fn alliance_years_count_only_same_phase_dyads_in_the_system() {
    // Alliance 20: 1 and 2 in phase 1, 1 and 3 in phase 2 (separate bilateral treaties); state 9
    // is not in the system, so alliance 30 has no dyad and no values (the reference's NA).
    let ms = vec![
        m(20, 1, 1, 1900, None, DEF),
        m(20, 2, 1, 1900, None, DEF),
        m(20, 1, 2, 1900, None, DEF),
        m(20, 3, 2, 1900, None, DEF),
        m(30, 1, 0, 1900, None, DEF),
        m(30, 9, 0, 1900, None, DEF),
    ];
    let system = System::from_spells((1..=4).map(|c| (c, 1900, 1900)).collect());
    let panel = AlliancePanel::build(&ms, &system, Valuation::Reference);
    let ay = panel.alliance_years();
    let a20 = ay.iter().find(|a| a.atopid == 20).unwrap_or_else(|| panic!("20"));
    assert_eq!(a20.dyads, 2, "2–3 share no phase");
    assert!(panel.dyad(2, 3, 1900).is_some_and(|d| d.shared_alliances.is_empty()));
    let a30 = ay.iter().find(|a| a.atopid == 30).unwrap_or_else(|| panic!("30"));
    assert_eq!((a30.dyads, a30.mean_pi, a30.mean_s), (0, None, None));
}

#[test]
fn valuations() {
    let o = |d, off, n, na, c| Obligations {
        defense: d,
        offense: off,
        neutral: n,
        nonagg: na,
        consul: c,
    };
    assert_eq!(
        Valuation::Reference.level(o(false, false, false, true, true)),
        1,
        "non-aggression first"
    );
    assert_eq!(Valuation::Reference.level(o(false, false, false, false, true)), 2);
    assert_eq!(Valuation::Reference.level(o(true, false, false, true, true)), 3);
    assert_eq!(Valuation::Ordinal.level(o(false, false, false, true, true)), 2);
    assert_eq!(Valuation::Ordinal.level(o(false, false, false, false, true)), 1);
    assert_eq!(Valuation::Binary.level(o(false, false, false, false, true)), 1);
    assert_eq!(Valuation::Binary.level(NONE), 0);
    assert_eq!(System::cow2016().states(1816).len(), 23);
    assert_eq!(System::cow2016().states(2016).len(), 195);
}
