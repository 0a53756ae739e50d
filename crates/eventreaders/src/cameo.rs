//! CAMEO event codes, quad classes and the CAMEO → PLOVER mapping.
//!
//! Every source in the lake gets a PLOVER type so that one dyad-day aggregate serves all of them:
//! GDELT and ICEWS are coded in CAMEO, POLECAT in PLOVER. CAMEO codes map to PLOVER by
//! `entente_model::Plover::of_cameo` (the PLOVER manual and its CAMEO crosswalk, with POLECAT's
//! REQUEST for appeals and demands), the mapping the claim extractor uses too.
//! docs/event-lake.md has the full table.

/// The 16 PLOVER event types of POLECAT, in the order of the lake's `plover_*` columns.
pub const PLOVER_TYPES: [&str; 16] = [
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
];

/// Quad classes in GDELT's numbering (1..=4), the order of the lake's `quad*` columns.
pub const QUAD_CLASSES: [&str; 4] = [
    "verbal cooperation",
    "material cooperation",
    "verbal conflict",
    "material conflict",
];

/// The 20 CAMEO root codes' short names, in the order of the lake's `cameo01..cameo20` columns.
pub const CAMEO_ROOTS: [&str; 20] = [
    "make public statement",
    "appeal",
    "express intent to cooperate",
    "consult",
    "engage in diplomatic cooperation",
    "engage in material cooperation",
    "provide aid",
    "yield",
    "investigate",
    "demand",
    "disapprove",
    "reject",
    "threaten",
    "protest",
    "exhibit force posture",
    "reduce relations",
    "coerce",
    "assault",
    "fight",
    "use unconventional mass violence",
];

/// Index (0-based) of a PLOVER type name; accepts the older codebook names DEMAND (REQUEST) and
/// DISAPPROVE / INVESTIGATE (ACCUSE), and FIGHT (ASSAULT), case-insensitively.
pub fn plover_index(name: &str) -> Option<u8> {
    let n = name.trim();
    if let Some(i) = PLOVER_TYPES.iter().position(|t| t.eq_ignore_ascii_case(n)) {
        return Some(i as u8);
    }
    let alias = match n.to_ascii_uppercase().as_str() {
        "DEMAND" => "REQUEST",
        "DISAPPROVE" | "INVESTIGATE" => "ACCUSE",
        "FIGHT" => "ASSAULT",
        "COOPERATION" => "COOPERATE",
        _ => return None,
    };
    PLOVER_TYPES.iter().position(|t| *t == alias).map(|i| i as u8)
}

/// Quad class (1..=4) of a PLOVER type index, as the PLOVER codebook groups them.
pub fn plover_quad(p: u8) -> u8 {
    match p {
        0..=3 => 1,
        4..=6 => 2,
        7..=10 => 3,
        _ => 4,
    }
}

/// Quad class (1..=4) of a CAMEO root (1..=20), by GDELT's rule.
pub fn root_quad(root: u8) -> u8 {
    match root {
        1..=5 => 1,
        6..=9 => 2,
        10..=14 => 3,
        _ => 4,
    }
}

/// The root (1..=20) of a CAMEO event code of 2 to 4 digits, e.g. `043` → 4, `1712` → 17.
pub fn cameo_root(code: &[u8]) -> Option<u8> {
    if !(2..=4).contains(&code.len()) || !code.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let r = (code[0] - b'0') * 10 + (code[1] - b'0');
    (1..=20).contains(&r).then_some(r)
}

/// The PLOVER type index of a CAMEO event code (validated by [`cameo_root`]), by
/// [`entente_model::Plover::of_cameo`], the one mapping the claim extractor uses too; `None` for
/// root 01, which PLOVER does not code.
pub fn cameo_plover(code: &[u8]) -> Option<u8> {
    cameo_root(code)?;
    let p = entente_model::Plover::of_cameo(std::str::from_utf8(code).ok()?)?;
    plover_index(p.as_str())
}

/// Column-name stem of a PLOVER type (`plover_agree`).
pub fn plover_column(i: usize) -> String {
    format!("plover_{}", PLOVER_TYPES[i].to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mapping() {
        let p = |c: &str| cameo_plover(c.as_bytes()).map(|i| PLOVER_TYPES[i as usize]);
        assert_eq!(p("010"), None);
        assert_eq!(p("023"), Some("REQUEST"));
        assert_eq!(p("036"), Some("AGREE"));
        assert_eq!(p("0841"), Some("RETREAT"));
        assert_eq!(p("055"), Some("CONCEDE"));
        assert_eq!(p("057"), Some("SUPPORT"));
        assert_eq!(p("175"), Some("COERCE"));
        assert_eq!(p("043"), Some("CONSULT"));
        assert_eq!(p("0811"), Some("CONCEDE"));
        assert_eq!(p("0813"), Some("RETREAT"));
        assert_eq!(p("0871"), Some("RETREAT"));
        assert_eq!(p("091"), Some("ACCUSE"));
        assert_eq!(p("1041"), Some("REQUEST"));
        assert_eq!(p("1712"), Some("ASSAULT"));
        assert_eq!(p("173"), Some("COERCE"));
        assert_eq!(p("192"), Some("COERCE"));
        assert_eq!(p("195"), Some("ASSAULT"));
        assert_eq!(p("2042"), Some("ASSAULT"));
        assert_eq!(cameo_root(b"21"), None);
        assert_eq!(cameo_root(b"04a"), None);
        assert_eq!(plover_index("demand"), plover_index("REQUEST"));
        assert_eq!(plover_quad(plover_index("SANCTION").unwrap_or(0)), 4);
        assert_eq!(root_quad(14), 3);
    }
}
