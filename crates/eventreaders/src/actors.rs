//! Actor resolution: from the codes and names each source uses to entente actor ids.
//!
//! States resolve to their entente id (ISO 3166 alpha-3, or the crosswalk's id for states that no
//! longer exist) through the shared crosswalk (`data/crosswalk/countries.csv` via
//! `entente_datasets::codes`), which knows that CAMEO writes Romania `ROM` and that `RUS` and `SUN`
//! are different states before and after 1991-12-26. Organisations resolve to their entente ids
//! (`NATO`, `UN`, `EU`, …) from CAMEO known-group codes (`NAT`, `UNO`, `EEC`) or from the names
//! ICEWS and POLECAT print. Anything else (regions such as `EUR`, bare sectors such as `GOV`,
//! ethnic groups, companies) stays unresolved: such an event is kept in the events table but has
//! no dyad.
//!
//! Lookups are on the hot path of ingest (two per row), so CAMEO and FIPS codes index flat tables
//! by their letters instead of hashing strings.

use crate::day::Day;
use crate::error::{Error, Result};
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

/// Index of an actor id in a [`Resolver`]'s table.
pub type ActorId = u32;

pub const CAMEO_COUNTRIES: &str = include_str!("../data/cameo_country.tsv");
const ORGANISATIONS: &str = include_str!("../data/organisations.tsv");
const COUNTRY_NAMES: &str = include_str!("../data/country_names.tsv");

/// CAMEO region and city codes: not actors of their own (West Bank and Gaza are Palestine's).
const CAMEO_REGIONS: [&str; 26] = [
    "BAG", "AFR", "ASA", "BLK", "CRB", "CAU", "CFR", "CAS", "CEU", "EIN", "EAF", "EEU", "EUR", "LAM", "MEA", "MDT",
    "NAF", "NMR", "PGS", "SCN", "SAM", "SAS", "SEA", "SAF", "WAF", "WST",
];

#[derive(Clone, Debug)]
enum Dated {
    Fixed(ActorId),
    /// (first day, last day, actor), plus the actor to use when no row covers the day: the
    /// sources keep using a code after its state ended (GDELT codes the USSR `RUS` in 1985).
    Ranges(Vec<(i32, i32, ActorId)>, ActorId),
}

impl Dated {
    fn at(&self, day: Day) -> ActorId {
        match self {
            Dated::Fixed(a) => *a,
            Dated::Ranges(r, fallback) => r
                .iter()
                .find(|(f, t, _)| *f <= day.0 && day.0 <= *t)
                .map_or(*fallback, |x| x.2),
        }
    }
    fn add(&mut self, from: i32, to: i32, a: ActorId, current: bool) {
        if let Dated::Fixed(f) = *self {
            *self = Dated::Ranges(vec![(i32::MIN, i32::MAX, f)], f);
        }
        if let Dated::Ranges(r, fallback) = self {
            r.push((from, to, a));
            if current {
                *fallback = a;
            }
        }
    }
}

fn letters3(code: &[u8]) -> Option<usize> {
    if code.len() != 3 {
        return None;
    }
    let mut k = 0usize;
    for &c in code {
        let c = c.to_ascii_uppercase();
        if !c.is_ascii_uppercase() {
            return None;
        }
        k = k * 26 + (c - b'A') as usize;
    }
    Some(k)
}

fn code2(code: &[u8]) -> Option<usize> {
    if code.len() != 2 {
        return None;
    }
    let mut k = 0usize;
    for &c in code {
        let c = c.to_ascii_uppercase();
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'0'..=b'9' => 26 + c - b'0',
            _ => return None,
        };
        k = k * 36 + v as usize;
    }
    Some(k)
}

/// The resolution tables. Build once ([`Resolver::shipped`]) and share.
pub struct Resolver {
    ids: Vec<String>,
    by_id: HashMap<String, ActorId>,
    /// CAMEO country code (3 letters) → entry index + 1.
    cameo: Vec<u32>,
    /// ISO3 code → entry index + 1 (POLECAT writes ISO3).
    iso3: Vec<u32>,
    /// FIPS 10-4 code → entry index + 1.
    fips: Vec<u32>,
    entries: Vec<Dated>,
    /// CAMEO known-group code → actor + 1.
    groups: Vec<u32>,
    /// Lower-cased country and organisation names → actor.
    names: HashMap<String, ActorId>,
    organisations: Vec<ActorId>,
}

static SHIPPED: OnceLock<std::result::Result<Arc<Resolver>, String>> = OnceLock::new();

fn to_day(d: &entente_datasets::codes::Country, end: bool) -> i32 {
    let v = if end { d.valid_to } else { d.valid_from };
    match v.and_then(|d| Day::from_ymd(d.year, d.month as u32, d.day as u32)) {
        Some(day) => day.0,
        None if end => i32::MAX,
        None => i32::MIN,
    }
}

impl Resolver {
    /// The resolver over the shipped crosswalk and this crate's tables (built once per process).
    pub fn shipped() -> Result<Arc<Resolver>> {
        SHIPPED
            .get_or_init(|| Resolver::build().map(Arc::new))
            .clone()
            .map_err(Error::Tables)
    }

    fn intern(&mut self, id: &str) -> ActorId {
        if let Some(&a) = self.by_id.get(id) {
            return a;
        }
        let a = self.ids.len() as ActorId;
        self.ids.push(id.to_string());
        self.by_id.insert(id.to_string(), a);
        a
    }

    fn set_dated(table: &mut [u32], entries: &mut Vec<Dated>, k: usize, from: i32, to: i32, a: ActorId) {
        let current = to == i32::MAX;
        if table[k] == 0 {
            entries.push(if from == i32::MIN && current {
                Dated::Fixed(a)
            } else {
                Dated::Ranges(vec![(from, to, a)], a)
            });
            table[k] = entries.len() as u32;
        } else {
            entries[table[k] as usize - 1].add(from, to, a, current);
        }
    }

    fn build() -> std::result::Result<Resolver, String> {
        let cw = entente_datasets::codes::Crosswalk::shipped().map_err(|e| e.to_string())?;
        let mut r = Resolver {
            ids: Vec::new(),
            by_id: HashMap::new(),
            cameo: vec![0; 26 * 26 * 26],
            iso3: vec![0; 26 * 26 * 26],
            fips: vec![0; 36 * 36],
            entries: Vec::new(),
            groups: vec![0; 26 * 26 * 26],
            names: HashMap::new(),
            organisations: Vec::new(),
        };
        for c in cw.rows() {
            let a = r.intern(&c.id);
            let (from, to) = (to_day(c, false), to_day(c, true));
            if let Some(k) = c.cameo.as_deref().and_then(|s| letters3(s.as_bytes())) {
                Self::set_dated(&mut r.cameo, &mut r.entries, k, from, to, a);
            }
            if let Some(k) = c.iso3.as_deref().and_then(|s| letters3(s.as_bytes())) {
                Self::set_dated(&mut r.iso3, &mut r.entries, k, from, to, a);
            }
            if let Some(k) = c.fips.as_deref().and_then(|s| code2(s.as_bytes())) {
                Self::set_dated(&mut r.fips, &mut r.entries, k, from, to, a);
            }
            r.names.entry(c.name.to_lowercase()).or_insert(a);
            for n in &c.sipri_names {
                r.names.entry(n.to_lowercase()).or_insert(a);
            }
        }
        // Territories with a CAMEO code of their own and no crosswalk row (HKG, PRI…) keep that
        // code as their id; regions resolve to nothing, West Bank and Gaza to Palestine.
        for line in CAMEO_COUNTRIES.lines().skip(1) {
            let (code, label) = line.split_once('\t').unwrap_or((line, ""));
            let code = code.trim();
            let Some(k) = letters3(code.as_bytes()) else { continue };
            if r.cameo[k] != 0 || CAMEO_REGIONS.contains(&code) {
                continue;
            }
            let id = if code == "WSB" || code == "GZS" { "PSE" } else { code };
            let a = r.intern(id);
            r.entries.push(Dated::Fixed(a));
            r.cameo[k] = r.entries.len() as u32;
            r.names.entry(label.trim().to_lowercase()).or_insert(a);
        }
        for (n, line) in ORGANISATIONS.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() != 3 {
                return Err(format!("organisations.tsv line {}: expected 3 columns", n + 1));
            }
            let a = r.intern(f[0].trim());
            r.organisations.push(a);
            if let Some(k) = letters3(f[1].trim().as_bytes()) {
                r.groups[k] = a + 1;
            }
            for name in f[2].split(';').map(str::trim).filter(|s| !s.is_empty()) {
                r.names.insert(name.to_lowercase(), a);
            }
        }
        for (n, line) in COUNTRY_NAMES.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let Some((name, id)) = line.split_once('\t') else {
                return Err(format!("country_names.tsv line {}: expected 2 columns", n + 1));
            };
            let a = r.intern(id.trim());
            r.names.insert(name.trim().to_lowercase(), a);
        }
        Ok(r)
    }

    /// The entente id of an actor.
    pub fn id(&self, a: ActorId) -> &str {
        self.ids.get(a as usize).map_or("", String::as_str)
    }

    /// The actor with this entente id, if the resolver knows it.
    pub fn lookup(&self, id: &str) -> Option<ActorId> {
        self.by_id.get(id).copied()
    }

    /// Every actor id the resolver can produce.
    pub fn ids(&self) -> &[String] {
        &self.ids
    }

    /// Whether the actor is an organisation (as opposed to a state or territory).
    pub fn is_organisation(&self, a: ActorId) -> bool {
        self.organisations.contains(&a)
    }

    fn dated(&self, table: &[u32], k: Option<usize>, day: Day) -> Option<ActorId> {
        let e = *table.get(k?)?;
        (e != 0).then(|| self.entries[e as usize - 1].at(day))
    }

    /// A 3-letter CAMEO country code (`KOR`, `ROM`) on a day.
    pub fn cameo_country(&self, code: &[u8], day: Day) -> Option<ActorId> {
        self.dated(&self.cameo, letters3(code), day)
    }

    /// An ISO 3166 alpha-3 code on a day.
    pub fn iso3(&self, code: &[u8], day: Day) -> Option<ActorId> {
        self.dated(&self.iso3, letters3(code), day)
            .or_else(|| self.cameo_country(code, day))
    }

    /// A FIPS 10-4 country code (`KS` = South Korea), as GDELT's geo columns write them.
    pub fn fips(&self, code: &[u8], day: Day) -> Option<ActorId> {
        self.dated(&self.fips, code2(code), day)
    }

    /// A CAMEO known-group code that denotes an organisation (`NAT` = NATO).
    pub fn cameo_group(&self, code: &[u8]) -> Option<ActorId> {
        let g = *self.groups.get(letters3(code)?)?;
        (g != 0).then(|| g - 1)
    }

    /// A GDELT actor from its pre-parsed columns: the known group wins when it is an organisation
    /// and the country is absent or a region (`IGOEUREEC`: country `EUR`, group `EEC` → EU);
    /// otherwise the country. With both columns empty the code itself is parsed.
    pub fn gdelt_actor(&self, code: &[u8], country: &[u8], group: &[u8], day: Day) -> Option<ActorId> {
        let state = if country.is_empty() {
            None
        } else {
            self.cameo_country(country, day)
        };
        if state.is_none() {
            if let Some(org) = if group.is_empty() {
                None
            } else {
                self.cameo_group(group)
            } {
                return Some(org);
            }
        }
        if state.is_some() || !country.is_empty() || !group.is_empty() {
            return state;
        }
        self.cameo_actor(code, day)
    }

    /// A raw CAMEO actor code (`KORGOV`, `IGOUNO`, `NATMIL`, `USAMIL`): the first 3-letter element is
    /// a country or region, `IGO` followed by a group, or a known group.
    pub fn cameo_actor(&self, code: &[u8], day: Day) -> Option<ActorId> {
        let head = code.get(0..3)?;
        if head.eq_ignore_ascii_case(b"IGO") {
            // IGO, optionally a region, then the group: IGOUNO, IGOEUREEC.
            let rest = &code[3..];
            return rest.chunks(3).find_map(|g| self.cameo_group(g));
        }
        if let Some(a) = self.cameo_country(head, day) {
            return Some(a);
        }
        if let Some(g) = self.cameo_group(head) {
            return Some(g);
        }
        // A region followed by a group: EURNAT.
        code.get(3..6).and_then(|g| self.cameo_group(g))
    }

    /// A country or organisation as ICEWS or POLECAT names it ("South Korea", "European Union",
    /// "Secretary General (United Nations)").
    pub fn name(&self, name: &str) -> Option<ActorId> {
        let n = name.trim();
        if n.is_empty() || n == "NA" {
            return None;
        }
        if let Some(a) = self.names.get(n).or_else(|| self.names.get(&n.to_lowercase())) {
            return Some(*a);
        }
        // "Office (Organisation)": the organisation in parentheses.
        let inner = n.strip_suffix(')')?.rsplit_once('(')?.1;
        let a = self.names.get(&inner.trim().to_lowercase())?;
        self.is_organisation(*a).then_some(*a)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves() {
        let r = Resolver::shipped().expect("resolver builds");
        let d = Day::from_ymd(2019, 10, 24).expect("date");
        let id = |a: Option<ActorId>| a.map(|a| r.id(a).to_string());
        assert_eq!(id(r.cameo_country(b"KOR", d)), Some("KOR".into()));
        assert_eq!(id(r.cameo_country(b"ROM", d)), Some("ROU".into()));
        assert_eq!(id(r.fips(b"KS", d)), Some("KOR".into()));
        assert_eq!(id(r.gdelt_actor(b"IGOEUREEC", b"EUR", b"EEC", d)), Some("EU".into()));
        assert_eq!(id(r.gdelt_actor(b"USAGOV", b"USA", b"", d)), Some("USA".into()));
        assert_eq!(id(r.gdelt_actor(b"GOV", b"", b"", d)), None);
        assert_eq!(id(r.cameo_actor(b"NATMIL", d)), Some("NATO".into()));
        assert_eq!(id(r.cameo_actor(b"IGOUNO", d)), Some("UN".into()));
        assert_eq!(id(r.name("Russian Federation")), Some("RUS".into()));
        assert_eq!(
            id(r.name("Secretary General (North Atlantic Treaty Organization)")),
            Some("NATO".into())
        );
        assert_eq!(id(r.name("NA")), None);
        let d85 = Day::from_ymd(1985, 1, 1).expect("date");
        assert_eq!(id(r.cameo_country(b"RUS", d85)), Some("RUS".into()));
        assert_eq!(id(r.iso3(b"SUN", d85)), Some("SUN".into()));
    }
}
