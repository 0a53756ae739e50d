//! Partial dates: a year, a month or a day, as the sources give them.
//!
//! Sources rarely agree on precision: NATO says "September 2012", SIPRI says "2022", a news report
//! says "26 August 2022". A [`PartialDate`] keeps exactly what was stated, and answers the two
//! questions analysis needs of it: its earliest and its latest possible day.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

/// A calendar day (proleptic Gregorian). Ordered by (year, month, day).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Day {
    /// A validated day.
    pub fn new(year: i32, month: u8, day: u8) -> Result<Day, DateError> {
        PartialDate::ymd(year, month, day).map(|d| d.earliest())
    }

    /// Days since 1970-01-01 (negative before). Used for distances and decay.
    pub fn ordinal(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Today (UTC), from the system clock: the default end of a series, the day a record is
    /// proposed or accepted.
    pub fn today() -> Day {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Day::from_ordinal((secs / 86_400) as i64)
    }

    /// The inverse of [`Day::ordinal`].
    pub fn from_ordinal(z: i64) -> Day {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        Day {
            year: y as i32,
            month: m as u8,
            day: d as u8,
        }
    }

    /// Fractional year (2022-07-02 ≈ 2022.5), for charts and regressions.
    pub fn fractional_year(self) -> f64 {
        let start = Day {
            year: self.year,
            month: 1,
            day: 1,
        }
        .ordinal();
        let next = Day {
            year: self.year + 1,
            month: 1,
            day: 1,
        }
        .ordinal();
        f64::from(self.year) + (self.ordinal() - start) as f64 / (next - start) as f64
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// How precisely a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A date known to a year, a month or a day.
///
/// Ordered by earliest possible day, then by precision (so "2022" sorts before "2022-01-01").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PartialDate {
    year: i32,
    month: Option<u8>,
    day: Option<u8>,
}

/// Why a date could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not of the form YYYY, YYYY-MM or YYYY-MM-DD.
    Shape(String),
    MonthOutOfRange(u8),
    DayOutOfRange {
        year: i32,
        month: u8,
        day: u8,
        last: u8,
    },
    YearOutOfRange(i32),
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Shape(s) => write!(f, "`{s}` is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
            DateError::MonthOutOfRange(m) => write!(f, "month {m} is out of range 1–12"),
            DateError::DayOutOfRange { year, month, day, last } => {
                write!(
                    f,
                    "day {day} is out of range for {year:04}-{month:02}, which has {last} days"
                )
            }
            DateError::YearOutOfRange(y) => write!(f, "year {y} is out of range 1000–2999"),
        }
    }
}

impl std::error::Error for DateError {}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in a month (month must be 1..=12).
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if is_leap(year) => 29,
        _ => 28,
    }
}

impl PartialDate {
    pub fn year_only(year: i32) -> Result<PartialDate, DateError> {
        if !(1000..=2999).contains(&year) {
            return Err(DateError::YearOutOfRange(year));
        }
        Ok(PartialDate {
            year,
            month: None,
            day: None,
        })
    }

    pub fn ym(year: i32, month: u8) -> Result<PartialDate, DateError> {
        let mut d = PartialDate::year_only(year)?;
        if !(1..=12).contains(&month) {
            return Err(DateError::MonthOutOfRange(month));
        }
        d.month = Some(month);
        Ok(d)
    }

    pub fn ymd(year: i32, month: u8, day: u8) -> Result<PartialDate, DateError> {
        let mut d = PartialDate::ym(year, month)?;
        let last = days_in_month(year, month);
        if day == 0 || day > last {
            return Err(DateError::DayOutOfRange { year, month, day, last });
        }
        d.day = Some(day);
        Ok(d)
    }

    pub fn from_day(day: Day) -> PartialDate {
        PartialDate {
            year: day.year,
            month: Some(day.month),
            day: Some(day.day),
        }
    }

    pub fn year(&self) -> i32 {
        self.year
    }

    pub fn month(&self) -> Option<u8> {
        self.month
    }

    pub fn day(&self) -> Option<u8> {
        self.day
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (_, Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// The first day this date could denote.
    pub fn earliest(&self) -> Day {
        Day {
            year: self.year,
            month: self.month.unwrap_or(1),
            day: self.day.unwrap_or(1),
        }
    }

    /// The last day this date could denote.
    pub fn latest(&self) -> Day {
        let month = self.month.unwrap_or(12);
        Day {
            year: self.year,
            month,
            day: self.day.unwrap_or_else(|| days_in_month(self.year, month)),
        }
    }

    /// Whether `day` falls within the period this date denotes.
    pub fn covers(&self, day: Day) -> bool {
        self.earliest() <= day && day <= self.latest()
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Result<PartialDate, DateError> {
        let shape = || DateError::Shape(text.to_string());
        let parts: Vec<&str> = text.trim().split('-').collect();
        let num = |s: &str, len: usize| -> Result<u32, DateError> {
            if s.len() != len || !s.bytes().all(|b| b.is_ascii_digit()) {
                return Err(shape());
            }
            s.parse::<u32>().map_err(|_| shape())
        };
        match parts.as_slice() {
            [y] => PartialDate::year_only(num(y, 4)? as i32),
            [y, m] => PartialDate::ym(num(y, 4)? as i32, num(m, 2)? as u8),
            [y, m, d] => PartialDate::ymd(num(y, 4)? as i32, num(m, 2)? as u8, num(d, 2)? as u8),
            _ => Err(shape()),
        }
    }
}

impl FromStr for PartialDate {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PartialDate::parse(s)
    }
}

impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.earliest()
            .cmp(&other.earliest())
            .then(self.precision().cmp(&other.precision()))
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl serde::Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl serde::Serialize for Day {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A span of time with partial-date ends; either end may be open (unknown start, or ongoing).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Interval {
    pub start: Option<PartialDate>,
    pub end: Option<PartialDate>,
}

impl Interval {
    pub fn new(start: Option<PartialDate>, end: Option<PartialDate>) -> Interval {
        Interval { start, end }
    }

    /// True when the end is certainly before the start (a data error).
    pub fn is_inverted(&self) -> bool {
        matches!((self.start, self.end), (Some(s), Some(e)) if e.latest() < s.earliest())
    }

    /// Whether the interval may be in force on `day` (ends inclusive; partial ends are read generously).
    pub fn contains(&self, day: Day) -> bool {
        self.meets(day, day)
    }

    /// Whether the interval may be in force on some day from `from` to `to` (read as
    /// [`Interval::contains`] reads one day).
    pub fn meets(&self, from: Day, to: Day) -> bool {
        self.start.is_none_or(|s| s.earliest() <= to) && self.end.is_none_or(|e| from <= e.latest())
    }

    /// Whether the interval is certainly in force on `day`.
    pub fn certainly_contains(&self, day: Day) -> bool {
        self.start.is_some_and(|s| s.latest() <= day) && self.end.is_none_or(|e| day <= e.earliest())
    }

    /// Whether two intervals certainly share at least one day.
    pub fn overlaps(&self, other: &Interval) -> bool {
        let lo = |i: &Interval| i.start.map(|s| s.latest());
        let hi = |i: &Interval| i.end.map(|e| e.earliest());
        let starts_before_other_ends = match (lo(self), hi(other)) {
            (Some(s), Some(e)) => s <= e,
            _ => true,
        };
        let other_starts_before_self_ends = match (lo(other), hi(self)) {
            (Some(s), Some(e)) => s <= e,
            _ => true,
        };
        starts_before_other_ends && other_starts_before_self_ends
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.start, self.end) {
            (Some(s), Some(e)) => write!(f, "{s} – {e}"),
            (Some(s), None) => write!(f, "{s} –"),
            (None, Some(e)) => write!(f, "– {e}"),
            (None, None) => write!(f, "undated"),
        }
    }
}

/// A query range whose start is after its end. Every surface (CLI, API) rejects it the same way:
/// an error, never a silently empty answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReversedRange {
    /// The bounds as given (a partial date, a day or a year).
    pub from: String,
    pub to: String,
}

impl ReversedRange {
    /// The message, with the bounds named as the surface names them (`--from`, `` `from` ``).
    pub fn message(&self, from_name: &str, to_name: &str) -> String {
        format!(
            "{from_name} {} is after {to_name} {}: the range is empty (give the earlier date first)",
            self.from, self.to
        )
    }
}

impl fmt::Display for ReversedRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message("from", "to"))
    }
}

impl std::error::Error for ReversedRange {}

/// The one rule for a range of days: reversed when `from` is after `to` (a range of one day is
/// not). [`check_range`] and [`check_year_range`] apply it to partial dates and years.
pub fn check_day_range(from: Day, to: Day) -> Result<(), ReversedRange> {
    if from > to {
        return Err(ReversedRange {
            from: from.to_string(),
            to: to.to_string(),
        });
    }
    Ok(())
}

/// A range given as partial dates, either end open: reversed when `from`'s first day is after
/// `to`'s last day (`--from 2020-06 --to 2020` is the second half of 2020; `--from 2021 --to 2020`
/// is an error). The message shows the dates as given.
pub fn check_range(from: Option<PartialDate>, to: Option<PartialDate>) -> Result<(), ReversedRange> {
    match (from, to) {
        (Some(f), Some(t)) => check_day_range(f.earliest(), t.latest()).map_err(|_| ReversedRange {
            from: f.to_string(),
            to: t.to_string(),
        }),
        _ => Ok(()),
    }
}

/// A range of years, either end open: the same rule, a year being all its days.
pub fn check_year_range(from: Option<i32>, to: Option<i32>) -> Result<(), ReversedRange> {
    match (from, to) {
        (Some(f), Some(t)) => {
            check_range(PartialDate::year_only(f).ok(), PartialDate::year_only(t).ok()).map_err(|_| ReversedRange {
                from: f.to_string(),
                to: t.to_string(),
            })
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision() {
        assert_eq!(PartialDate::parse("2022").unwrap().precision(), Precision::Year);
        assert_eq!(PartialDate::parse("2022-07").unwrap().precision(), Precision::Month);
        let d = PartialDate::parse("2022-07-27").unwrap();
        assert_eq!(d.precision(), Precision::Day);
        assert_eq!(d.to_string(), "2022-07-27");
    }

    #[test]
    fn rejects_malformed_dates_with_reasons() {
        assert_eq!(PartialDate::parse("2022-13"), Err(DateError::MonthOutOfRange(13)));
        assert!(matches!(
            PartialDate::parse("2023-02-29"),
            Err(DateError::DayOutOfRange { last: 28, .. })
        ));
        assert!(PartialDate::parse("2024-02-29").is_ok());
        for bad in [
            "",
            "22",
            "2022-7",
            "2022/07/01",
            "July 2022",
            "2022-07-01-01",
            "+2022",
            "２０２２",
        ] {
            assert!(matches!(PartialDate::parse(bad), Err(DateError::Shape(_))), "{bad}");
        }
    }

    #[test]
    fn earliest_and_latest() {
        let feb = PartialDate::parse("2024-02").unwrap();
        assert_eq!(feb.earliest().to_string(), "2024-02-01");
        assert_eq!(feb.latest().to_string(), "2024-02-29");
        assert_eq!(PartialDate::parse("2010").unwrap().latest().to_string(), "2010-12-31");
    }

    #[test]
    fn ordinal_round_trips() {
        for s in ["1949-08-24", "1970-01-01", "2000-02-29", "2024-03-07", "1900-03-01"] {
            let d = PartialDate::parse(s).unwrap().earliest();
            assert_eq!(Day::from_ordinal(d.ordinal()), d);
        }
        assert_eq!(PartialDate::parse("1970-01-02").unwrap().earliest().ordinal(), 1);
    }

    #[test]
    fn interval_semantics() {
        let d = |s: &str| PartialDate::parse(s).unwrap();
        let i = Interval::new(Some(d("2012-09")), Some(d("2017-11")));
        assert!(i.contains(d("2012-09-01").earliest()));
        assert!(!i.certainly_contains(d("2012-09-01").earliest()));
        assert!(!i.contains(d("2017-12-01").earliest()));
        assert!(Interval::new(Some(d("2010")), Some(d("2009"))).is_inverted());
        assert!(!Interval::new(Some(d("2010-05")), Some(d("2010"))).is_inverted());
        let a = Interval::new(Some(d("1999-03-12")), None);
        let b = Interval::new(Some(d("2004")), Some(d("2005")));
        assert!(a.overlaps(&b));
        let c = Interval::new(Some(d("1990")), Some(d("1999-03-11")));
        assert!(!a.overlaps(&c));
        // Some day of a span: a year meets an office begun in its May, a month one ended on its 2nd.
        let office = Interval::new(Some(d("2022-05-10")), Some(d("2025-04-04")));
        let span = |s: &str| (d(s).earliest(), d(s).latest());
        assert!(office.meets(span("2022").0, span("2022").1));
        assert!(office.meets(span("2025-04").0, span("2025-04").1));
        assert!(!office.meets(span("2025-05").0, span("2025-05").1));
        assert!(!office.meets(span("2021").0, span("2021").1));
    }

    #[test]
    fn reversed_ranges() {
        let d = |t: &str| PartialDate::parse(t).ok();
        assert_eq!(check_range(d("2020-06"), d("2020")), Ok(()));
        assert_eq!(check_range(d("2020"), d("2020")), Ok(()));
        assert_eq!(check_range(d("2021"), None), Ok(()));
        let e = check_range(d("2021"), d("2020-12-31")).unwrap_err();
        assert_eq!(
            e.message("--from", "--to"),
            "--from 2021 is after --to 2020-12-31: the range is empty (give the earlier date first)"
        );
        assert!(check_range(d("2020-07"), d("2020-06")).is_err());
        assert_eq!(check_year_range(Some(2020), Some(2020)), Ok(()));
        assert_eq!(
            check_year_range(Some(2021), Some(2020)).unwrap_err().to_string(),
            "from 2021 is after to 2020: the range is empty (give the earlier date first)"
        );
        let day = |y, m, d| Day {
            year: y,
            month: m,
            day: d,
        };
        assert!(check_day_range(day(2020, 1, 2), day(2020, 1, 1)).is_err());
        assert_eq!(check_day_range(day(2020, 1, 1), day(2020, 1, 1)), Ok(()));
    }
}
