//! Calendar days and months as plain integers, the way Arrow stores them (`Date32` = days since
//! 1970-01-01). Event data has day precision, so nothing finer is needed, and integer days make
//! the dyad-day keys small and fast to hash.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A calendar day: days since 1970-01-01 (proleptic Gregorian).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Day(pub i32);

/// A calendar month: `year * 12 + (month - 1)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Month(pub i32);

fn days_from_civil(y: i32, m: u32, d: u32) -> i32 {
    // Howard Hinnant's algorithm: exact for every proleptic Gregorian date.
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = m as i32;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn civil_from_days(z: i32) -> (i32, u32, u32) {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

pub fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

fn digits(b: &[u8]) -> Option<u32> {
    if b.is_empty() || b.len() > 9 {
        return None;
    }
    let mut v = 0u32;
    for &c in b {
        if !c.is_ascii_digit() {
            return None;
        }
        v = v * 10 + (c - b'0') as u32;
    }
    Some(v)
}

impl Day {
    /// The day, if `y-m-d` is a real date (years 1..=9999).
    pub fn from_ymd(y: i32, m: u32, d: u32) -> Option<Day> {
        if !(1..=9999).contains(&y) || !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
            return None;
        }
        Some(Day(days_from_civil(y, m, d)))
    }
    pub fn ymd(self) -> (i32, u32, u32) {
        civil_from_days(self.0)
    }
    pub fn month(self) -> Month {
        let (y, m, _) = self.ymd();
        Month(y * 12 + m as i32 - 1)
    }
    pub fn year(self) -> i32 {
        self.ymd().0
    }
    /// `YYYYMMDD` (GDELT's SQLDATE) or `YYYY-MM-DD` (ICEWS, POLECAT).
    pub fn parse_bytes(b: &[u8]) -> Option<Day> {
        match b.len() {
            8 => Day::from_ymd(digits(&b[0..4])? as i32, digits(&b[4..6])?, digits(&b[6..8])?),
            10 if b[4] == b'-' && b[7] == b'-' => {
                Day::from_ymd(digits(&b[0..4])? as i32, digits(&b[5..7])?, digits(&b[8..10])?)
            }
            _ => None,
        }
    }
    pub fn parse(s: &str) -> Option<Day> {
        Day::parse_bytes(s.trim().as_bytes())
    }
    /// First day of a partial date `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse_start(s: &str) -> Option<Day> {
        let s = s.trim();
        match s.len() {
            4 => Day::from_ymd(digits(s.as_bytes())? as i32, 1, 1),
            7 => Month::parse(s).map(Month::first_day),
            _ => Day::parse(s),
        }
    }
    /// Last day of a partial date `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse_end(s: &str) -> Option<Day> {
        let s = s.trim();
        match s.len() {
            4 => Day::from_ymd(digits(s.as_bytes())? as i32, 12, 31),
            7 => Month::parse(s).map(Month::last_day),
            _ => Day::parse(s),
        }
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl Month {
    pub fn from_ym(y: i32, m: u32) -> Month {
        Month(y * 12 + m as i32 - 1)
    }
    pub fn year(self) -> i32 {
        self.0.div_euclid(12)
    }
    pub fn month(self) -> u32 {
        self.0.rem_euclid(12) as u32 + 1
    }
    pub fn first_day(self) -> Day {
        Day(days_from_civil(self.year(), self.month(), 1))
    }
    pub fn last_day(self) -> Day {
        Day(days_from_civil(
            self.year(),
            self.month(),
            days_in_month(self.year(), self.month()),
        ))
    }
    /// `YYYY-MM`.
    pub fn parse(s: &str) -> Option<Month> {
        let b = s.trim().as_bytes();
        if b.len() != 7 || b[4] != b'-' {
            return None;
        }
        let (y, m) = (digits(&b[0..4])? as i32, digits(&b[5..7])?);
        (1..=12).contains(&m).then(|| Month::from_ym(y, m))
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year(), self.month())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        for z in -800_000..800_000 {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
        assert_eq!(Day::from_ymd(1970, 1, 1), Some(Day(0)));
        assert_eq!(Day::parse("20191024").map(|d| d.to_string()), Some("2019-10-24".into()));
        assert_eq!(
            Day::parse("2018-06-01").map(|d| d.month().to_string()),
            Some("2018-06".into())
        );
        assert_eq!(Day::parse("20190230"), None);
        assert_eq!(
            Day::parse_end("2024-02").map(|d| d.to_string()),
            Some("2024-02-29".into())
        );
        assert_eq!(
            Day::parse_start("2005").map(|d| d.to_string()),
            Some("2005-01-01".into())
        );
    }
}
