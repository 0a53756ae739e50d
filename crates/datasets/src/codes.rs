//! The country-code crosswalk: ISO 3166 ↔ COW ↔ Gleditsch–Ward ↔ CAMEO ↔ FIPS 10-4 ↔ Wikidata ↔
//! SIPRI's country names, resolving each to an entente actor id.
//!
//! Every dataset names states its own way: SIPRI by English name ("Turkiye", "Soviet Union"), the UN
//! voting data and ATOP by Correlates of War number, GDELT by CAMEO and FIPS codes. The crosswalk
//! is shipped project data (`data/crosswalk/countries.csv`, documented in its README) with one row
//! per state and validity period, because a code can denote different states in different years
//! (COW 345 is Yugoslavia until 1992 and Serbia after; COW 365 the Soviet Union, then Russia; ISO
//! `CS` Czechoslovakia, then Serbia and Montenegro). Lookups therefore take an optional year or day.
//!
//! The entente id of a state is its ISO 3166-1 alpha-3 code, or the ISO 3166-3 code of a state that
//! no longer exists (SUN, CSK, DDR, YUG); for states ISO never coded, the COW abbreviation (RVN,
//! YAR, ZAN), and XKX for Kosovo by the common convention.

use crate::report::ImportError;
use entente_model::{Day, PartialDate, Precision};
use serde::Serialize;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The shipped crosswalk, compiled into the binary.
pub const SHIPPED: &str = include_str!("../../../data/crosswalk/countries.csv");

/// The columns of the crosswalk file, in order.
pub const COLUMNS: [&str; 12] = [
    "id",
    "name",
    "sipri_names",
    "iso3",
    "iso2",
    "cow",
    "gw",
    "cameo",
    "fips",
    "wikidata",
    "valid_from",
    "valid_to",
];

/// One state over one validity period, with its codes in every scheme.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Country {
    /// The entente actor id.
    pub id: String,
    pub name: String,
    /// The names under which SIPRI's trade register lists this state.
    pub sipri_names: Vec<String>,
    pub iso3: Option<String>,
    pub iso2: Option<String>,
    pub cow: Option<u16>,
    pub gw: Option<u16>,
    pub cameo: Option<String>,
    pub fips: Option<String>,
    pub wikidata: Option<String>,
    /// First day these codes denote this state; `None` means open (no restriction).
    pub valid_from: Option<Day>,
    /// Last day; `None` means open (still valid).
    pub valid_to: Option<Day>,
    /// Line of the row in the crosswalk file.
    pub line: usize,
}

impl Country {
    /// Whether the row is valid on `day`.
    pub fn valid_on(&self, day: Day) -> bool {
        self.valid_from.is_none_or(|f| f <= day) && self.valid_to.is_none_or(|t| day <= t)
    }

    /// Whether the row is valid on some day of `year`.
    pub fn valid_in(&self, year: i32) -> bool {
        self.valid_from.is_none_or(|f| f.year <= year) && self.valid_to.is_none_or(|t| year <= t.year)
    }
}

/// A coding scheme the crosswalk can be searched by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scheme {
    Id,
    Iso3,
    Iso2,
    Cow,
    Gw,
    Cameo,
    Fips,
    Wikidata,
    SipriName,
}

/// When a code is to be read: codes are reused, so the answer can depend on the date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    /// No date: the most recent row wins.
    Any,
    /// Some day of that year: the row valid on 1 July wins if two are (a state that ended or began
    /// that year), else the one valid at any time in the year.
    Year(i32),
    Day(Day),
}

impl From<Option<i32>> for When {
    fn from(year: Option<i32>) -> When {
        year.map_or(When::Any, When::Year)
    }
}

/// The crosswalk: rows plus an index per scheme.
#[derive(Clone, Debug, Default)]
pub struct Crosswalk {
    rows: Vec<Country>,
    index: HashMap<(Scheme, String), Vec<usize>>,
    /// COW and GW codes, kept apart so that numeric lookups need no string.
    numbers: HashMap<(Scheme, u16), Vec<usize>>,
}

static SHIPPED_CROSSWALK: OnceLock<Result<Crosswalk, (usize, String)>> = OnceLock::new();

impl Crosswalk {
    /// The crosswalk shipped with entente (parsed once). It is tested to parse, so an error here
    /// means a broken build, which is reported rather than panicking.
    pub fn shipped() -> Result<&'static Crosswalk, ImportError> {
        let parsed = SHIPPED_CROSSWALK.get_or_init(|| {
            Crosswalk::parse("data/crosswalk/countries.csv", SHIPPED).map_err(|e| match e {
                ImportError::Format { line, message } => (line, message),
                ImportError::Io(e) => (0, e.to_string()),
            })
        });
        match parsed {
            Ok(c) => Ok(c),
            Err((line, message)) => Err(ImportError::Format {
                line: *line,
                message: format!("shipped crosswalk data/crosswalk/countries.csv: {message}"),
            }),
        }
    }

    /// Parses a crosswalk in the shipped format (see `data/crosswalk/README.md`).
    pub fn parse(name: &str, text: &str) -> Result<Crosswalk, ImportError> {
        let fmt = |line: usize, message: String| ImportError::Format {
            line,
            message: format!("{name}: {message}"),
        };
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut records = reader.records();
        let header = match records.next() {
            None => return Err(fmt(1, "empty file".into())),
            Some(Err(e)) => return Err(fmt(1, e.to_string())),
            Some(Ok(h)) => h,
        };
        let mut pos = [usize::MAX; 12];
        for (i, h) in header.iter().enumerate() {
            let h = h.trim().trim_start_matches('\u{feff}');
            if let Some(k) = COLUMNS.iter().position(|c| *c == h) {
                if pos[k] != usize::MAX {
                    return Err(fmt(1, format!("duplicate column '{h}'")));
                }
                pos[k] = i;
            }
        }
        if let Some(k) = pos.iter().position(|p| *p == usize::MAX) {
            return Err(fmt(1, format!("missing column '{}'", COLUMNS[k])));
        }
        let mut cw = Crosswalk::default();
        for rec in records {
            let rec = rec.map_err(|e| fmt(e.position().map_or(0, |p| line_at(text, p.byte())), e.to_string()))?;
            let line = rec.position().map_or(0, |p| line_at(text, p.byte()));
            if rec.iter().all(|f| f.trim().is_empty()) {
                continue;
            }
            let get = |k: usize| rec.get(pos[k]).map(str::trim).unwrap_or("");
            let opt = |k: usize| Some(get(k)).filter(|s| !s.is_empty()).map(str::to_string);
            let num = |k: usize| -> Result<Option<u16>, ImportError> {
                let s = get(k);
                if s.is_empty() {
                    return Ok(None);
                }
                s.parse::<u16>()
                    .map(Some)
                    .map_err(|_| fmt(line, format!("column '{}': '{s}' is not a code number", COLUMNS[k])))
            };
            let day = |k: usize| -> Result<Option<Day>, ImportError> {
                let s = get(k);
                if s.is_empty() {
                    return Ok(None);
                }
                match PartialDate::parse(s) {
                    Ok(d) if d.precision() == Precision::Day => Ok(Some(d.earliest())),
                    _ => Err(fmt(
                        line,
                        format!("column '{}': '{s}' is not a date (YYYY-MM-DD)", COLUMNS[k]),
                    )),
                }
            };
            let id = get(0).to_string();
            if id.is_empty() {
                return Err(fmt(line, "column 'id' is empty".into()));
            }
            let country = Country {
                id,
                name: get(1).to_string(),
                sipri_names: get(2)
                    .split(';')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect(),
                iso3: opt(3),
                iso2: opt(4),
                cow: num(5)?,
                gw: num(6)?,
                cameo: opt(7),
                fips: opt(8),
                wikidata: opt(9),
                valid_from: day(10)?,
                valid_to: day(11)?,
                line,
            };
            if let (Some(f), Some(t)) = (country.valid_from, country.valid_to) {
                if t < f {
                    return Err(fmt(line, format!("valid_to {t} is before valid_from {f}")));
                }
            }
            cw.push(country);
        }
        Ok(cw)
    }

    fn push(&mut self, c: Country) {
        let i = self.rows.len();
        let mut add = |scheme: Scheme, value: &str| {
            let entry = self.index.entry((scheme, normalize(scheme, value))).or_default();
            if !entry.contains(&i) {
                entry.push(i);
            }
        };
        add(Scheme::Id, &c.id);
        for (scheme, value) in [
            (Scheme::Iso3, &c.iso3),
            (Scheme::Iso2, &c.iso2),
            (Scheme::Cameo, &c.cameo),
            (Scheme::Fips, &c.fips),
            (Scheme::Wikidata, &c.wikidata),
        ] {
            if let Some(v) = value {
                add(scheme, v);
            }
        }
        for n in &c.sipri_names {
            add(Scheme::SipriName, n);
        }
        for (scheme, value) in [(Scheme::Cow, c.cow), (Scheme::Gw, c.gw)] {
            if let Some(v) = value {
                self.numbers.entry((scheme, v)).or_default().push(i);
            }
        }
        self.rows.push(c);
    }

    /// All rows, in file order.
    pub fn rows(&self) -> &[Country] {
        &self.rows
    }

    /// The row for `value` in `scheme` at `when` (see [`When`] for how ties are broken).
    pub fn find(&self, scheme: Scheme, value: &str, when: When) -> Option<&Country> {
        let hits = match scheme {
            Scheme::Cow | Scheme::Gw => self.numbers.get(&(scheme, value.trim().parse().ok()?))?,
            _ => self.index.get(&(scheme, normalize(scheme, value)))?,
        };
        self.pick(hits, when)
    }

    fn find_number(&self, scheme: Scheme, code: u16, when: When) -> Option<&Country> {
        self.pick(self.numbers.get(&(scheme, code))?, when)
    }

    fn pick(&self, hits: &[usize], when: When) -> Option<&Country> {
        let rows = hits.iter().map(|&i| &self.rows[i]);
        match when {
            When::Any => rows.max_by_key(|c| recency(c)),
            When::Day(d) => rows.filter(|c| c.valid_on(d)).max_by_key(|c| recency(c)),
            When::Year(y) => {
                let mid = Day {
                    year: y,
                    month: 7,
                    day: 1,
                };
                let mut in_year = rows.filter(|c| c.valid_in(y)).peekable();
                let first = *in_year.peek()?;
                Some(in_year.find(|c| c.valid_on(mid)).unwrap_or(first))
            }
        }
    }

    pub fn by_id(&self, id: &str, year: Option<i32>) -> Option<&Country> {
        self.find(Scheme::Id, id, year.into())
    }
    pub fn by_iso3(&self, code: &str, year: Option<i32>) -> Option<&Country> {
        self.find(Scheme::Iso3, code, year.into())
    }
    pub fn by_iso2(&self, code: &str, year: Option<i32>) -> Option<&Country> {
        self.find(Scheme::Iso2, code, year.into())
    }
    pub fn by_cow(&self, code: u16, year: Option<i32>) -> Option<&Country> {
        self.find_number(Scheme::Cow, code, year.into())
    }
    /// COW code on a given day (UN roll calls are dated: Soviet Union until 1991-12-25, Russia after).
    pub fn by_cow_on(&self, code: u16, day: Day) -> Option<&Country> {
        self.find_number(Scheme::Cow, code, When::Day(day))
    }
    pub fn by_gw(&self, code: u16, year: Option<i32>) -> Option<&Country> {
        self.find_number(Scheme::Gw, code, year.into())
    }
    pub fn by_cameo(&self, code: &str, year: Option<i32>) -> Option<&Country> {
        self.find(Scheme::Cameo, code, year.into())
    }
    pub fn by_fips(&self, code: &str, year: Option<i32>) -> Option<&Country> {
        self.find(Scheme::Fips, code, year.into())
    }
    pub fn by_wikidata(&self, qid: &str, year: Option<i32>) -> Option<&Country> {
        self.find(Scheme::Wikidata, qid, year.into())
    }
    /// A state as SIPRI's trade register names it. SIPRI's names denote one state each whatever the
    /// year (it keeps "Soviet Union" and "Russia" apart itself), so there is no year.
    pub fn by_sipri_name(&self, name: &str) -> Option<&Country> {
        self.find(Scheme::SipriName, name.trim(), When::Any)
    }
}

/// 1-based line of a record that the csv crate says starts at `byte`. (Its own line numbers are one
/// short after a CRLF: it reports such a record as starting on the previous line's `\n`.)
fn line_at(text: &str, byte: u64) -> usize {
    let byte = usize::try_from(byte).unwrap_or(usize::MAX).min(text.len());
    let on_newline = text.as_bytes().get(byte) == Some(&b'\n');
    1 + memchr::memchr_iter(b'\n', &text.as_bytes()[..byte]).count() + usize::from(on_newline)
}

/// Rows still valid sort last; otherwise by end, then start.
fn recency(c: &Country) -> (bool, Option<Day>, Option<Day>) {
    (c.valid_to.is_none(), c.valid_to, c.valid_from)
}

fn normalize(scheme: Scheme, value: &str) -> String {
    let v = value.trim();
    match scheme {
        // Letter codes are upper case by definition; accept any case.
        Scheme::Iso3 | Scheme::Iso2 | Scheme::Cameo | Scheme::Fips | Scheme::Wikidata | Scheme::Id => {
            v.to_ascii_uppercase()
        }
        // Numbers are indexed apart (see `numbers`).
        Scheme::Cow | Scheme::Gw | Scheme::SipriName => v.to_string(),
    }
}

/// International organisations as SIPRI's register names them (marked `**` there), and their entente
/// ids. The ids of NATO, the EU and the UN are shipped actors; AU, OSCE and RSS are proposed here.
pub const SIPRI_ORGANISATIONS: [(&str, &str); 6] = [
    ("African Union", "AU"),
    ("European Union", "EU"),
    ("NATO", "NATO"),
    ("OSCE", "OSCE"),
    ("Regional Security System", "RSS"),
    ("United Nations", "UN"),
];

/// The entente id of an international organisation named as in SIPRI's register, with or
/// without its `**` marker.
pub fn organisation_by_sipri_name(name: &str) -> Option<&'static str> {
    let bare = name.trim().trim_end_matches('*').trim();
    SIPRI_ORGANISATIONS.iter().find(|(n, _)| *n == bare).map(|(_, id)| *id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_parses() {
        let cw = Crosswalk::shipped().expect("shipped crosswalk parses");
        assert!(cw.rows().len() > 200);
    }

    #[test]
    fn year_tie_break_prefers_midyear_row() {
        let cw = Crosswalk::shipped().expect("shipped crosswalk parses");
        // 1991: the USSR until 25 December, Russia from the 26th.
        assert_eq!(cw.by_cow(365, Some(1991)).map(|c| c.id.as_str()), Some("SUN"));
        assert_eq!(cw.by_cow(365, Some(1992)).map(|c| c.id.as_str()), Some("RUS"));
        assert_eq!(cw.by_cow(365, None).map(|c| c.id.as_str()), Some("RUS"));
    }

    #[test]
    fn numbers_ignore_leading_zeros_and_letters_case() {
        let cw = Crosswalk::shipped().expect("shipped crosswalk parses");
        assert_eq!(
            cw.find(Scheme::Cow, "0732", When::Any).map(|c| c.id.as_str()),
            Some("KOR")
        );
        assert_eq!(cw.by_iso3("kor", None).map(|c| c.id.as_str()), Some("KOR"));
    }

    #[test]
    fn organisations() {
        assert_eq!(organisation_by_sipri_name("NATO**"), Some("NATO"));
        assert_eq!(organisation_by_sipri_name("United Nations**"), Some("UN"));
        assert_eq!(organisation_by_sipri_name("Hezbollah (Lebanon)*"), None);
    }
}
