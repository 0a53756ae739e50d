//! Dates in text: absolute ("26 August 2022", "August 2022", "2022"), ranges ("between 2002 and
//! 2007", "2023–2026"), and relative ("last year", "on Tuesday", "two months later", "in the past
//! three years") resolved against the article's date or the last date the text mentioned.

use entente_model::{Day, PartialDate};
use regex::Regex;
use std::sync::OnceLock;

/// A date expression found in text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    pub date: PartialDate,
    pub end_date: Option<PartialDate>,
}

const MONTHS: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?";
const NUMBER_WORDS: &str = "a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\d{1,2}";

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Whether a word is a month's or a weekday's name as written in a date ("August", "Friday").
pub(crate) fn calendar_word(w: &str) -> bool {
    WEEKDAYS.contains(&w) || MONTHS.split('|').any(|m| m == w)
}

/// Whether `text` opens with a date: a year ("2011", "the 1990s" without its article), a month's
/// or a weekday's name, or a day and a month ("14 March").
pub(crate) fn opens_with_a_date(text: &str) -> bool {
    let mut words = text.split_whitespace().map(|w| w.trim_end_matches([',', '.', ';']));
    let year = |w: &str| {
        let digits = w.strip_suffix('s').unwrap_or(w);
        digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit())
    };
    match words.next() {
        Some(w) if year(w) || calendar_word(w) => true,
        Some(w) if (1..=2).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit()) => {
            words.next().is_some_and(calendar_word)
        }
        _ => false,
    }
}

/// Whether the number at `start..end` of `text` is part of a name: a model's ("Mirage 2000-9s",
/// "Mirage 2000s") or a plan's ("Vision 2030", "Horizon 2047"): right after a capitalised word
/// that is no month or weekday, and followed by a model's suffix, or a year after
/// `published_year` next.
fn in_a_name(text: &str, start: usize, end: usize, published_year: Option<i32>) -> bool {
    let prev = text[..start].split_whitespace().next_back().unwrap_or("");
    let lower = prev.to_ascii_lowercase();
    let named = prev.starts_with(|c: char| c.is_ascii_uppercase())
        && prev.chars().all(|c| c.is_ascii_alphabetic() || c == '-')
        && !calendar_word(prev)
        && !crate::petrarch::PREPOSITIONS.contains(&lower.as_str())
        && !matches!(
            lower.as_str(),
            "from" | "since" | "until" | "by" | "the" | "and" | "or" | "of"
        );
    let after = &text[end..];
    let model = after.starts_with('s')
        || after.strip_prefix('-').is_some_and(|r| {
            r.starts_with(|c: char| c.is_ascii_digit())
                && r.trim_start_matches(|c: char| c.is_ascii_digit())
                    .starts_with(|c: char| c.is_ascii_alphabetic())
        });
    let year: Option<i32> = text[start..end].parse().ok();
    let later = year.zip(published_year).is_some_and(|(y, p)| y > p + 1);
    named && (model || later)
}

fn month_number(s: &str) -> Option<u8> {
    let s = s.trim_end_matches('.').to_ascii_lowercase();
    let names = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    names.iter().position(|m| s.starts_with(m)).map(|i| i as u8 + 1)
}

/// A count written as a word or in digits ("three", "3", "a"), as far as dates use them.
pub fn number_word(s: &str) -> Option<i64> {
    let words = [
        "a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    ];
    let s = s.to_ascii_lowercase();
    if s == "an" {
        return Some(1);
    }
    words
        .iter()
        .position(|w| *w == s)
        .map(|i| i.max(1) as i64)
        .or_else(|| s.parse().ok())
}

struct Patterns {
    day_month_year: Regex,
    month_day_year: Regex,
    month_year: Regex,
    range: Regex,
    decade: Regex,
    year: Regex,
    day_month: Regex,
    day_range: Regex,
    month_alone: Regex,
    relative_unit: Regex,
    offset: Regex,
    weekday: Regex,
    day_word: Regex,
    past_n_years: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        // ASCII mode: dates are written in ASCII digits and English words, and Unicode classes would
        // keep the fast DFA engine from running (the en and em dashes are literal bytes still).
        let re = |s: &str| Regex::new(&format!("(?-u){s}")).unwrap_or_else(|e| panic!("date pattern {s}: {e}"));
        Patterns {
            day_month_year: re(&format!(r"\b(\d{{1,2}})\s+({MONTHS})\s+(\d{{4}})\b")),
            month_day_year: re(&format!(r"\b({MONTHS})\s+(\d{{1,2}}),?\s+(\d{{4}})\b")),
            month_year: re(&format!(r"\b(?:(?:early|mid|late)[ -])?({MONTHS})\s+(?:of\s+)?(\d{{4}})\b")),
            range: re(r"(?i)\b(?:between\s+(\d{4})\s+and\s+(\d{4})|from\s+(\d{4})\s+(?:to|until|till|through)\s+(\d{4})|(\d{4})\s*(?:–|—|-|to)\s*(\d{2,4}))\b"),
            year: re(r"\b(19[4-9]\d|20[0-4]\d)\b"),
            decade: re(r"\b(?:the\s+)?(19[0-9]0|20[0-4]0)s\b"),
            day_month: re(&format!(r"\b(?:(\d{{1,2}})\s+({MONTHS})|({MONTHS})\s+(\d{{1,2}}))\b")),
            day_range: re(&format!(
                r"\b(?:(\d{{1,2}})\s*(?:and|to|-|–)\s*(\d{{1,2}})\s+({MONTHS})|({MONTHS})\s+(\d{{1,2}})\s*(?:and|to|-|–)\s*(\d{{1,2}}))(?:,?\s+(\d{{4}}))?\b"
            )),
            month_alone: re(&format!(
                r"\b(?:((?i:that|this|last|next|the following|the next|the previous))\s+)?({MONTHS})\b"
            )),
            relative_unit: re(r"(?i)\b(last|this|next|the following|the next|the previous|the same|that|earlier this|later this|in the)\s+(year|month|week|spring|summer|autumn|fall|winter)\b"),
            offset: re(&format!(r"(?i)\b({NUMBER_WORDS})\s+(days?|weeks?|months?|years?)\s+(later|after|earlier|before|ago)\b")),
            // (Or in the possessive, as news names an event by its day: "Sunday's election",
            // "in Monday night's fighting".)
            weekday: re(
                r"\b(?:([Oo]n|[Ll]ast|[Tt]his|[Nn]ext)\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:night|morning|afternoon|evening))?(?:'s|\x{2019}s)\b)",
            ),
            day_word: re(r"(?i)\b(?:(today|yesterday|tomorrow)|(that|the same|the following|the next|the previous)\s+(?:day|morning|afternoon|evening|night)|the day (before|after))\b"),
            past_n_years: re(&format!(r"(?i)\b(?:in\s+)?(?:the\s+)?(?:past|last)\s+({NUMBER_WORDS})\s+years\b")),
        }
    })
}

fn ymd(y: i32, m: u8, d: u8) -> Option<PartialDate> {
    PartialDate::ymd(y, m, d).ok()
}

/// The distance written right before byte `k` of `text` ("three days", "two weeks"): its count
/// and unit, as [`shifted`] takes them.
pub fn distance_before(text: &str, k: usize) -> Option<(i64, &str)> {
    // (Counted "to the day": "six years to the day after".)
    let before = text[..k].trim_end();
    let before = before.strip_suffix(" to the day").unwrap_or(before);
    let mut words = before.split_whitespace().rev();
    let unit = words.next().filter(|u| time_unit(u))?;
    Some((number_word(words.next()?)?, unit))
}

/// Whether a lower-case word is a unit of time a distance counts ("days", "year", "hours"; [`shifted`]
/// dates by days, weeks, months and years only).
pub fn time_unit(word: &str) -> bool {
    matches!(
        word.trim_end_matches('s'),
        "hour" | "day" | "week" | "month" | "year" | "decade"
    )
}

/// `base` moved by `n` days, weeks, months or years (`unit`, singular or plural), at the
/// precision the unit allows: days and weeks need a day to start from.
pub fn shifted(base: PartialDate, n: i64, unit: &str) -> Option<PartialDate> {
    let unit = unit.to_ascii_lowercase();
    if unit.starts_with("day") || unit.starts_with("week") {
        if base.precision() != entente_model::Precision::Day {
            return None;
        }
        let days = if unit.starts_with("day") { n } else { 7 * n };
        Some(PartialDate::from_day(Day::from_ordinal(
            base.earliest().ordinal() + days,
        )))
    } else if unit.starts_with("month") {
        let m = add_months(base.earliest(), n);
        PartialDate::ym(m.year, m.month).ok()
    } else if unit.starts_with("year") {
        PartialDate::year_only(base.year() + n as i32).ok()
    } else {
        None
    }
}

/// `base` moved by `years` to the same day ("six years to the day after" a day), where `base`
/// is a day.
pub fn same_day_years_shifted(base: PartialDate, years: i64) -> Option<PartialDate> {
    if base.precision() != entente_model::Precision::Day {
        return None;
    }
    let d = add_months(base.earliest(), 12 * years);
    ymd(d.year, d.month, d.day)
}

fn add_months(d: Day, months: i64) -> Day {
    let total = i64::from(d.year) * 12 + i64::from(d.month) - 1 + months;
    let year = total.div_euclid(12) as i32;
    let month = total.rem_euclid(12) as u8 + 1;
    Day {
        year,
        month,
        day: d.day.min(entente_model::days_in_month(year, month)),
    }
}

/// Context for resolving relative dates.
#[derive(Clone, Copy, Debug, Default)]
pub struct DateContext {
    /// The article's publication date.
    pub published: Option<PartialDate>,
    /// The last date the text mentioned before this point (for "two months later", "that December").
    pub anchor: Option<PartialDate>,
    /// Whether a clause speaks of the future, asked of each date's own clause ("signed on 27
    /// July, which will …" is past): a bare "in July" there is the next July. `None`: never.
    pub future: Option<fn(&str) -> bool>,
}

/// What a text holds that the date patterns need: without it, a pattern cannot match.
#[derive(Default)]
struct DateCues {
    digit: bool,
    /// A month's name or abbreviation, capitalised ("June", "Sept.").
    month: bool,
    /// A unit of time or a season ("year", "weeks", "today", "summer").
    unit: bool,
    weekday: bool,
}

impl DateCues {
    fn of(text: &str) -> DateCues {
        const UNITS: [&str; 14] = [
            "year",
            "month",
            "week",
            "day",
            "tomorrow",
            "spring",
            "summer",
            "autumn",
            "fall",
            "winter",
            "morning",
            "afternoon",
            "evening",
            "night",
        ];
        // (Every way `MONTHS` writes a month begins with its first three letters.)
        static W: OnceLock<(aho_corasick::AhoCorasick, usize)> = OnceLock::new();
        let (words, months) = W.get_or_init(|| {
            let months: Vec<&str> = MONTHS.split('|').map(|m| &m[..3]).collect();
            let all = months.iter().chain(&UNITS).chain(&WEEKDAYS);
            let ac = aho_corasick::AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .build(all)
                .unwrap_or_else(|e| panic!("date words: {e}"));
            (ac, months.len())
        });
        let mut cues = DateCues {
            digit: text.bytes().any(|b| b.is_ascii_digit()),
            ..DateCues::default()
        };
        for m in words.find_overlapping_iter(text) {
            match m.pattern().as_usize() {
                i if i < *months => cues.month |= text.as_bytes()[m.start()].is_ascii_uppercase(),
                i if i < months + UNITS.len() => cues.unit = true,
                _ => cues.weekday = true,
            }
        }
        cues
    }
}

/// The year of a month written with no year at `pos`, where it is the month of the date the
/// text gave last (in `found`, else `anchor`): "The relationship took a turn in December 2020.
/// Trump recognised … on 10 December" is December 2020.
fn told_month_year(
    text: &str,
    found: &[DateMention],
    anchor: Option<PartialDate>,
    month: u8,
    pos: usize,
) -> Option<i32> {
    // (A year told alone earlier in the sentence holds the months after it: "The thaw began last
    // year: a court transferred the trial in April, and the crown prince came in June".)
    // (Not a year that starts or ends a stretch: "worked alongside the army since 2021, … were
    // killed in late July".)
    let year_here = found
        .iter()
        .filter(|m| m.end <= pos && m.end_date.is_none())
        .max_by_key(|m| m.end)
        .filter(|m| {
            let before = text[..m.start]
                .trim_end()
                .rsplit(' ')
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            m.date.month().is_none()
                && !matches!(
                    before.as_str(),
                    "since" | "from" | "until" | "till" | "by" | "before" | "after" | "through"
                )
        })
        .map(|m| m.date.year());
    let last = last_date_before(found, pos).or(anchor)?;
    (last.month() == Some(month)).then(|| last.year()).or(year_here)
}

/// The last date of `found` that ends at or before `pos` (of two ending at the same place, the
/// longer: "October 2022", not its "2022").
fn last_date_before(found: &[DateMention], pos: usize) -> Option<PartialDate> {
    found
        .iter()
        .filter(|m| m.end <= pos)
        .max_by_key(|m| (m.end, std::cmp::Reverse(m.start)))
        .map(|m| m.date)
}

fn push(
    found: &mut Vec<DateMention>,
    start: usize,
    end: usize,
    date: Option<PartialDate>,
    end_date: Option<PartialDate>,
) {
    if let Some(date) = date {
        found.push(DateMention {
            start,
            end,
            date,
            end_date,
        });
    }
}

/// Every date expression in `text`, resolved; overlapping matches keep the longest.
pub fn find_dates(text: &str, ctx: &DateContext) -> Vec<DateMention> {
    let p = patterns();
    let mut found: Vec<DateMention> = Vec::new();
    // Most sentences hold no date: skip the patterns that cannot match.
    let cues = DateCues::of(text);
    let scan = |on: bool, re: &'static Regex| on.then(|| re.captures_iter(text)).into_iter().flatten();
    let day_month = cues.digit && cues.month;
    let published = ctx.published;
    let pub_day = published.map(|d| d.latest());
    for c in scan(day_month, &p.day_month_year) {
        let (m0, d, mo, y) = (c.get(0), c.get(1), c.get(2), c.get(3));
        if let (Some(m0), Some(d), Some(mo), Some(y)) = (m0, d, mo, y) {
            let date = (|| {
                ymd(
                    y.as_str().parse().ok()?,
                    month_number(mo.as_str())?,
                    d.as_str().parse().ok()?,
                )
            })();
            push(&mut found, m0.start(), m0.end(), date, None);
        }
    }
    for c in scan(day_month, &p.month_day_year) {
        if let (Some(m0), Some(mo), Some(d), Some(y)) = (c.get(0), c.get(1), c.get(2), c.get(3)) {
            let date = (|| {
                ymd(
                    y.as_str().parse().ok()?,
                    month_number(mo.as_str())?,
                    d.as_str().parse().ok()?,
                )
            })();
            push(&mut found, m0.start(), m0.end(), date, None);
        }
    }
    for c in scan(day_month, &p.month_year) {
        if let (Some(m0), Some(mo), Some(y)) = (c.get(0), c.get(1), c.get(2)) {
            let date = (|| PartialDate::ym(y.as_str().parse().ok()?, month_number(mo.as_str())?).ok())();
            push(&mut found, m0.start(), m0.end(), date, None);
        }
    }
    for c in scan(cues.digit, &p.range) {
        let Some(m0) = c.get(0) else { continue };
        let pair = [(1, 2), (3, 4), (5, 6)]
            .into_iter()
            .find_map(|(a, b)| Some((c.get(a)?, c.get(b)?)));
        let Some((a, b)) = pair else { continue };
        let Ok(y0) = a.as_str().parse::<i32>() else { continue };
        let y1 = match b.as_str().len() {
            2 => b.as_str().parse::<i32>().ok().map(|v| y0 / 100 * 100 + v),
            _ => b.as_str().parse::<i32>().ok(),
        };
        let Some(y1) = y1 else { continue };
        if !(1900..2100).contains(&y0) || y1 < y0 || y1 - y0 > 60 {
            continue;
        }
        push(
            &mut found,
            m0.start(),
            m0.end(),
            PartialDate::year_only(y0).ok(),
            PartialDate::year_only(y1).ok(),
        );
    }
    // A decade ("in the 1990s") is its ten years.
    for c in scan(cues.digit, &p.decade) {
        let (Some(m0), Some(y)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let Ok(y0) = y.as_str().parse::<i32>() else { continue };
        if in_a_name(text, y.start(), y.end(), None) {
            continue;
        }
        push(
            &mut found,
            m0.start(),
            m0.end(),
            PartialDate::year_only(y0).ok(),
            PartialDate::year_only(y0 + 9).ok(),
        );
    }
    for m in cues.digit.then(|| p.year.find_iter(text)).into_iter().flatten() {
        // Not part of a larger number ("2,022" or "12022").
        let before = text[..m.start()].chars().next_back();
        let after = text[m.end()..].chars().next();
        if before.is_some_and(|c| c.is_ascii_digit() || c == ',' || c == '.')
            || after.is_some_and(|c| c.is_ascii_digit())
            || in_a_name(text, m.start(), m.end(), pub_day.map(|d| d.year))
        {
            continue;
        }
        push(
            &mut found,
            m.start(),
            m.end(),
            m.as_str().parse().ok().and_then(|y| PartialDate::year_only(y).ok()),
            None,
        );
    }
    // Dates that need the publication date or an anchor.
    // (Of the date's clause, the words up to five after the date: in "met on Monday and
    // unveiled the plan under which Australia is to become …" the future is the plan's; and not
    // past a "that" opening what was said, or a pronoun that is its subject: "said on Tuesday
    // that Russia would …", "said on Thursday it would …" are days gone; nor past an "and" or
    // "but" opening the next predicate: "won the election on 14 February and is due to be sworn
    // in" won in February gone.)
    let future_at = |start: usize, end: usize| {
        ctx.future.is_some_and(|speaks| {
            let (a, b) = clause_around(text, start, end);
            let a = done_before(text, a, start);
            let near = text[end..b]
                .split_whitespace()
                .take(5)
                .take_while(|w| !matches!(*w, "that" | "it" | "he" | "she" | "they" | "we" | "and" | "but"))
                .last()
                .map_or(end, |w| w.as_ptr() as usize - text.as_ptr() as usize + w.len());
            speaks(&text[a..near])
        })
    };
    let base_year = |month: u8, future: bool| -> Option<i32> {
        let d = pub_day?;
        Some(if future {
            if month < d.month {
                d.year + 1
            } else {
                d.year
            }
        } else if month > d.month {
            d.year - 1
        } else {
            d.year
        })
    };
    // A year told from the publication's ("last year", "this year", "next year") first: the
    // months after it in the sentence are in it (see `told_month_year`).
    let publication_year = |rel: &str, unit: &str| -> Option<i32> {
        let step = match (rel.to_ascii_lowercase().as_str(), unit.eq_ignore_ascii_case("year")) {
            ("last", true) => -1,
            ("this", true) => 0,
            ("next", true) => 1,
            _ => return None,
        };
        Some(pub_day?.year + step)
    };
    // (A sentence that says "this year" anywhere tells the year of its days and months that
    // name none: "On 22 August, during this year's edition, …" is not the August told before.)
    let mut this_year: Option<i32> = None;
    for c in scan(cues.unit, &p.relative_unit) {
        let (Some(m0), Some(rel), Some(unit)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        if let Some(y) = publication_year(rel.as_str(), unit.as_str()) {
            if rel.as_str().eq_ignore_ascii_case("this") {
                this_year = Some(y);
            }
            push(&mut found, m0.start(), m0.end(), PartialDate::year_only(y).ok(), None);
        }
    }
    // Two days of one month ("on 24 and 25 June", "June 24-25, 2025"): the first, to the second.
    for c in scan(day_month, &p.day_range) {
        let Some(m0) = c.get(0) else { continue };
        let (d0, d1, mo) = match (c.get(1), c.get(2), c.get(3), c.get(4), c.get(5), c.get(6)) {
            (Some(a), Some(b), Some(mo), ..) => (a, b, mo),
            (_, _, _, Some(mo), Some(a), Some(b)) => (a, b, mo),
            _ => continue,
        };
        let days = (|| {
            let month = month_number(mo.as_str())?;
            let year = match c.get(7) {
                Some(y) => y.as_str().parse().ok()?,
                None => this_year
                    .or_else(|| told_month_year(text, &found, ctx.anchor, month, m0.start()))
                    .or_else(|| base_year(month, future_at(m0.start(), m0.end())))?,
            };
            let (a, b): (u8, u8) = (d0.as_str().parse().ok()?, d1.as_str().parse().ok()?);
            (a < b).then_some(())?;
            Some((ymd(year, month, a)?, ymd(year, month, b)?))
        })();
        if let Some((a, b)) = days {
            push(&mut found, m0.start(), m0.end(), Some(a), Some(b));
        }
    }
    for c in scan(day_month, &p.day_month) {
        let Some(m0) = c.get(0) else { continue };
        let (d, mo) = match (c.get(1), c.get(2), c.get(3), c.get(4)) {
            (Some(d), Some(mo), _, _) => (d, mo),
            (_, _, Some(mo), Some(d)) => (d, mo),
            _ => continue,
        };
        let date = (|| {
            let month = month_number(mo.as_str())?;
            ymd(
                this_year
                    .or_else(|| told_month_year(text, &found, ctx.anchor, month, m0.start()))
                    .or_else(|| base_year(month, future_at(m0.start(), m0.end())))?,
                month,
                d.as_str().parse().ok()?,
            )
        })();
        push(&mut found, m0.start(), m0.end(), date, None);
    }
    // The anchor of a relative expression is the last full date before it in this text (a day
    // and month read against the publication date too: "on 9 November, and North Korea two days
    // later"), else the running anchor. (Of two dates ending at the same place, the longer:
    // "October 2022", not its "2022".)
    let absolute = found.clone();
    let anchor_at = |pos: usize| last_date_before(&absolute, pos).or(ctx.anchor);
    for c in scan(cues.month, &p.month_alone) {
        let (Some(m0), Some(mo)) = (c.get(0), c.get(2)) else {
            continue;
        };
        let Some(month) = month_number(mo.as_str()) else {
            continue;
        };
        // "May" alone is too often the verb; require a determiner or a preposition before it.
        if mo.as_str() == "May" && c.get(1).is_none() && !text[..m0.start()].trim_end().ends_with(['n', 'e', 'l', 'y'])
        {
            continue;
        }
        let det = c.get(1).map(|d| d.as_str().to_ascii_lowercase());
        // ("March this year", "July last year": one date, the month of that year.)
        // ("July of that year", "May of the same year": the month of the year told before.)
        let told_after = [
            "this year",
            "last year",
            "next year",
            "of that year",
            "of the same year",
        ]
        .iter()
        .find_map(|w| {
            let rest = text[m0.end()..].strip_prefix(' ')?;
            let said = rest.get(..w.len()).filter(|r| r.eq_ignore_ascii_case(w))?;
            let year = match said.split_once(' ')? {
                ("of", _) => anchor_at(m0.start())?.year(),
                (rel, unit) => publication_year(rel, unit)?,
            };
            Some((year, 1 + w.len()))
        });
        let year = match det.as_deref() {
            _ if told_after.is_some() => told_after.map(|t| t.0),
            Some("that") => anchor_at(m0.start())
                .map(|a| a.year())
                .or_else(|| base_year(month, future_at(m0.start(), m0.end()))),
            // The last such month before the article's ("last July" said in July is a year ago).
            Some("last") => pub_day.map(|d| if month < d.month { d.year } else { d.year - 1 }),
            Some("next") => pub_day.map(|d| if month <= d.month { d.year + 1 } else { d.year }),
            Some("this") => pub_day.map(|d| d.year),
            // "The following January": the first after the date the text gave last ("in July
            // 2017 … the following January" is 2018); "the previous May", the last before it.
            Some("the following" | "the next") => anchor_at(m0.start()).map(|a| match a.month() {
                Some(am) if month > am => a.year(),
                _ => a.year() + 1,
            }),
            Some("the previous") => anchor_at(m0.start()).map(|a| match a.month() {
                Some(am) if month < am => a.year(),
                _ => a.year() - 1,
            }),
            // (After a month the sentence told before it, a later month is of its year: "that
            // July …, and in November" is that November. An earlier one may be before it: "signed
            // in August, which followed agreements concluded in July".)
            _ => this_year
                .or_else(|| told_month_year(text, &absolute, ctx.anchor, month, m0.start()))
                .or_else(|| {
                    let last = last_date_before(&found, m0.start())?;
                    (month >= last.month()?).then(|| last.year())
                })
                .or_else(|| base_year(month, future_at(m0.start(), m0.end()))),
        };
        push(
            &mut found,
            m0.start(),
            m0.end() + told_after.map_or(0, |t| t.1),
            year.and_then(|y| PartialDate::ym(y, month).ok()),
            None,
        );
    }
    // (A month told alone is an anchor too for what follows it: "in October, and the
    // following month" is November of that October's year.)
    let absolute = found.clone();
    let anchor_at = |pos: usize| last_date_before(&absolute, pos).or(ctx.anchor);
    if let Some(d) = pub_day {
        for c in scan(cues.unit, &p.relative_unit) {
            let (Some(m0), Some(rel), Some(unit)) = (c.get(0), c.get(1), c.get(2)) else {
                continue;
            };
            if publication_year(rel.as_str(), unit.as_str()).is_some() {
                continue;
            }
            let rel = rel.as_str().to_ascii_lowercase();
            // ("In the spring" is a season of the year in view; "in the summer of 2021" is
            // dated by its year, "in the year since" by nothing.)
            if rel == "in the"
                && (!matches!(unit.as_str(), "spring" | "summer" | "autumn" | "fall" | "winter")
                    || text[m0.end()..].starts_with(" of "))
            {
                continue;
            }
            let anchor = anchor_at(m0.start()).map(|a| a.earliest()).unwrap_or(d);
            let (base, step) = match rel.as_str() {
                "last" | "the previous" => (d, -1),
                "next" => (d, 1),
                "the following" | "the next" => (anchor, 1),
                "the same" | "that" => (anchor, 0),
                _ => (d, 0),
            };
            let unit = unit.as_str().to_ascii_lowercase();
            // A season is dated by its year ("this summer"): the last one that has ended, the
            // next one that has not begun (by the months it starts and ends in).
            let season = match unit.as_str() {
                "spring" => Some((3, 5)),
                "summer" => Some((6, 8)),
                "autumn" | "fall" => Some((9, 11)),
                "winter" => Some((12, 12)),
                _ => None,
            };
            if let Some((first, last)) = season {
                let year = match rel.as_str() {
                    "last" | "the previous" => d.year - i32::from(last >= d.month),
                    "next" => d.year + i32::from(first <= d.month),
                    "the following" | "the next" => anchor.year + 1,
                    "the same" | "that" => anchor.year,
                    // (Of the year the sentence told before it, else of the publication's.)
                    "in the" => last_date_before(&absolute, m0.start()).map_or(d.year, |t| t.year()),
                    _ => d.year,
                };
                push(
                    &mut found,
                    m0.start(),
                    m0.end(),
                    PartialDate::year_only(year).ok(),
                    None,
                );
                continue;
            }
            let date = match unit.as_str() {
                "year" => PartialDate::year_only(base.year + step as i32).ok(),
                "month" => {
                    let m = add_months(base, step);
                    PartialDate::ym(m.year, m.month).ok()
                }
                _ => {
                    // A week: Monday to Sunday around the reference day.
                    let monday = base.ordinal() - ((base.ordinal() + 3).rem_euclid(7)) + 7 * step;
                    let (a, b) = (Day::from_ordinal(monday), Day::from_ordinal(monday + 6));
                    push(
                        &mut found,
                        m0.start(),
                        m0.end(),
                        Some(PartialDate::from_day(a)),
                        Some(PartialDate::from_day(b)),
                    );
                    None
                }
            };
            push(&mut found, m0.start(), m0.end(), date, None);
        }
        for c in scan(cues.weekday, &p.weekday) {
            let (Some(m0), Some(w)) = (c.get(0), c.get(2).or(c.get(3))) else {
                continue;
            };
            let q = c.get(1).map_or("on", |q| q.as_str());
            if published.is_some_and(|p| p.precision() != entente_model::Precision::Day) {
                continue;
            }
            let Some(target) = WEEKDAYS.iter().position(|n| *n == w.as_str()) else {
                continue;
            };
            // 1970-01-01 was a Thursday (index 3).
            let today = (d.ordinal() + 3).rem_euclid(7);
            let back = (today - target as i64).rem_euclid(7);
            // ("Last Monday" said on a Monday is a week ago; "next Monday", a week ahead.)
            let day = match q.to_ascii_lowercase().as_str() {
                "last" => d.ordinal() - if back == 0 { 7 } else { back },
                "next" => d.ordinal() + (7 - back),
                _ if back != 0 && future_at(m0.start(), m0.end()) => d.ordinal() + (7 - back),
                _ => d.ordinal() - back,
            };
            push(
                &mut found,
                m0.start(),
                m0.end(),
                Some(PartialDate::from_day(Day::from_ordinal(day))),
                None,
            );
        }
        for c in scan(cues.unit, &p.past_n_years) {
            let (Some(m0), Some(n)) = (c.get(0), c.get(1)) else {
                continue;
            };
            let Some(n) = number_word(n.as_str()) else { continue };
            let first = d.year - n as i32 + 1;
            push(
                &mut found,
                m0.start(),
                m0.end(),
                PartialDate::year_only(first).ok(),
                PartialDate::year_only(d.year).ok(),
            );
        }
        // A day said relative to the article's ("yesterday") or to the date last mentioned
        // ("that day", "the following day").
        for c in scan(cues.unit, &p.day_word) {
            let Some(m0) = c.get(0) else { continue };
            let word = |i: usize| c.get(i).map(|m| m.as_str().to_ascii_lowercase());
            let (base, step) = match (word(1).as_deref(), word(2).as_deref(), word(3).as_deref()) {
                (Some(w), _, _) => {
                    if published.is_some_and(|p| p.precision() != entente_model::Precision::Day) {
                        continue;
                    }
                    (
                        Some(PartialDate::from_day(d)),
                        ["yesterday", "today", "tomorrow"]
                            .iter()
                            .position(|x| *x == w)
                            .unwrap_or(1) as i64
                            - 1,
                    )
                }
                (_, Some("that" | "the same"), _) => (anchor_at(m0.start()), 0),
                (_, Some("the previous"), _) | (_, _, Some("before")) => (anchor_at(m0.start()), -1),
                _ => (anchor_at(m0.start()), 1),
            };
            let Some(base) = base else { continue };
            let date = if step == 0 {
                Some(base)
            } else if base.precision() == entente_model::Precision::Day {
                Some(PartialDate::from_day(Day::from_ordinal(
                    base.earliest().ordinal() + step,
                )))
            } else {
                continue;
            };
            push(&mut found, m0.start(), m0.end(), date, None);
        }
        for c in scan(cues.unit, &p.offset) {
            let (Some(m0), Some(n), Some(unit), Some(dir)) = (c.get(0), c.get(1), c.get(2), c.get(3)) else {
                continue;
            };
            let Some(n) = number_word(n.as_str()) else { continue };
            let dir = dir.as_str().to_ascii_lowercase();
            // ("In May 2024, two months after Sweden joined NATO, …": a distance after a date
            // of the sentence, before the event it measures from, dates that event back from
            // the date.)
            let measured = text[m0.end()..].starts_with(' ')
                && text[m0.end()..].trim_start().starts_with(|c: char| c.is_alphabetic())
                && text[..m0.start()].trim_end().ends_with(',')
                && last_date_before(&absolute, m0.start()).is_some();
            let (base, sign) = match dir.as_str() {
                "ago" => (Some(PartialDate::from_day(d)), -1),
                "later" | "after" => (anchor_at(m0.start()), if measured { -1 } else { 1 }),
                _ => (anchor_at(m0.start()), if measured { 1 } else { -1 }),
            };
            let Some(base) = base else { continue };
            let Some(date) = shifted(base, sign * n, unit.as_str()) else {
                continue;
            };
            push(&mut found, m0.start(), m0.end(), Some(date), None);
        }
    }
    // Longest first; drop matches overlapping a longer one.
    found.sort_by(|a, b| (b.end - b.start).cmp(&(a.end - a.start)).then(a.start.cmp(&b.start)));
    let mut kept: Vec<DateMention> = Vec::new();
    for m in found {
        if !kept.iter().any(|k| m.start < k.end && k.start < m.end) {
            kept.push(m);
        }
    }
    kept.sort_by_key(|m| m.start);
    kept
}

/// Where the words that say whether a date at `start` is ahead begin, in a clause from `a`: after
/// the last participle before it with its agent or the date right after it ("will purchase
/// launchers under a deal approved by the committee on Thursday": the approval is done), else
/// at `a`. (Not a participle after "be": "will be signed on Thursday" is ahead.)
fn done_before(text: &str, a: usize, start: usize) -> usize {
    // (Read backwards: the word after the one read, and the one before it, peeked.)
    let mut after: Option<&str> = None;
    let mut words = text[a..start].split_whitespace().rev().peekable();
    while let Some(w) = words.next() {
        let participle = w.len() > 4 && w.ends_with("ed") && w.starts_with(|c: char| c.is_ascii_lowercase());
        if participle && words.peek() != Some(&"be") && matches!(after, None | Some("by" | "on")) {
            return w.as_ptr() as usize - text.as_ptr() as usize;
        }
        after = Some(w);
    }
    a
}

/// The clause around bytes `start..end` of a sentence: from the last comma, semicolon, colon,
/// dash or bracket before it to the first after it.
fn clause_around(sentence: &str, start: usize, end: usize) -> (usize, usize) {
    let brk = |ch: char| matches!(ch, ',' | ';' | ':' | '(' | ')' | '\u{2013}' | '\u{2014}');
    let a = sentence[..start]
        .char_indices()
        .rev()
        .find(|&(_, c)| brk(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let b = sentence[end..].find(brk).map_or(sentence.len(), |i| end + i);
    (a, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(published: &str) -> DateContext {
        DateContext {
            published: PartialDate::parse(published).ok(),
            anchor: None,
            future: None,
        }
    }

    fn one(text: &str, c: &DateContext) -> (String, Option<String>) {
        let found = find_dates(text, c);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        (found[0].date.to_string(), found[0].end_date.map(|d| d.to_string()))
    }

    /// A day or month with no year, in the month of the date told last, is in its year; in
    /// another month, the last such before the publication.
    #[test]
    fn a_month_without_a_year_in_the_month_told_last_is_in_its_year() {
        let told = DateContext {
            anchor: PartialDate::parse("2020-12").ok(),
            ..ctx("2024-06-10")
        };
        assert_eq!(one("on 10 December", &told).0, "2020-12-10");
        assert_eq!(one("on 24 and 25 December", &told).0, "2020-12-24");
        assert_eq!(one("in December", &told).0, "2020-12");
        assert_eq!(one("on 10 March", &told).0, "2024-03-10");
        // A later month after a month the sentence told is of its year.
        let found = find_dates("After the coup that July, in November the envoy left.", &told);
        assert_eq!(found.last().map(|d| d.date.to_string()).as_deref(), Some("2020-11"));
        // Unless the sentence says "this year".
        let found = find_dates("On 10 December, during this year's edition, they met.", &told);
        assert_eq!(found.first().map(|d| d.date.to_string()).as_deref(), Some("2024-12-10"));
        // A number in a model's or a plan's name is no date.
        let c = ctx("2021-12-16");
        let found = find_dates("Abu Dhabi flies Mirage 2000-9s ordered in 1998 under Vision 2030.", &c);
        let dates: Vec<String> = found.iter().map(|d| d.date.to_string()).collect();
        assert_eq!(dates, ["1998"], "{found:?}");
        assert_eq!(one("its Mirage 2000s, bought in the 1990s", &c).0, "1990");
        assert_eq!(one("In 2030 the plan ends.", &c).0, "2030");
        assert_eq!(one("From 2027, submarines will rotate through the base.", &c).0, "2027");
        // A year told earlier in the sentence holds the months after it.
        let found = find_dates(
            "The thaw began last year: the trial moved in April and the prince came in June.",
            &ctx("2023-07-19"),
        );
        let dates: Vec<String> = found.iter().map(|d| d.date.to_string()).collect();
        assert_eq!(dates, ["2022", "2022-04", "2022-06"], "{found:?}");
        // Not one that starts a stretch of time.
        let found = find_dates(
            "The unit has served there since 2021 and lost men in late July.",
            &ctx("2024-08-01"),
        );
        assert_eq!(
            found.last().map(|d| d.date.to_string()).as_deref(),
            Some("2024-07"),
            "{found:?}"
        );
        let c = ctx("2024-06-10");
        let found = find_dates(
            "In December 2020 Trump acted, and on 22 December a declaration was signed.",
            &c,
        );
        assert_eq!(
            found.last().map(|d| d.date.to_string()).as_deref(),
            Some("2020-12-22"),
            "{found:?}"
        );
    }

    #[test]
    fn absolute_dates() {
        let c = ctx("2024-12-23");
        assert_eq!(one("on 26 August 2022", &c).0, "2022-08-26");
        assert_eq!(one("on August 26, 2022,", &c).0, "2022-08-26");
        assert_eq!(one("in July 2022", &c).0, "2022-07");
        assert_eq!(one("in late August 2022", &c).0, "2022-08");
        assert_eq!(one("in 2005", &c).0, "2005");
        assert_eq!(one("between 2002 and 2007", &c), ("2002".into(), Some("2007".into())));
        assert_eq!(one("from 2010 to 2013", &c), ("2010".into(), Some("2013".into())));
        assert_eq!(
            one("served in Bosnia in the 1990s", &c),
            ("1990".into(), Some("1999".into()))
        );
        assert_eq!(one("the 2023–2026 programme", &c), ("2023".into(), Some("2026".into())));
        assert!(find_dates("2,131 soldiers and 10000 rockets", &c).is_empty());
    }

    #[test]
    fn relative_dates() {
        let c = ctx("2022-12-06");
        assert_eq!(one("on Tuesday", &c).0, "2022-12-06");
        assert_eq!(one("on Thursday", &c).0, "2022-12-01");
        // An event named by its day, in the possessive.
        assert_eq!(one("in Sunday's election", &c).0, "2022-12-04");
        assert_eq!(one("in Monday night's fighting", &c).0, "2022-12-05");
        assert!(find_dates("Mondays are quiet", &c).is_empty());
        assert_eq!(one("last year", &c).0, "2021");
        assert_eq!(one("yesterday", &c).0, "2022-12-05");
        assert_eq!(one("will meet tomorrow", &c).0, "2022-12-07");
        let anchored = DateContext {
            anchor: PartialDate::parse("2024-12-03").ok(),
            ..c
        };
        assert_eq!(one("earlier that day", &anchored).0, "2024-12-03");
        assert_eq!(one("on the following day", &anchored).0, "2024-12-04");
        // A part of the day is that day.
        assert_eq!(one("held talks that evening", &anchored).0, "2024-12-03");
        assert_eq!(one("the next morning", &anchored).0, "2024-12-04");
        // "That year", "the next month": from the date the text gave last, not the article's.
        assert_eq!(one("that year", &anchored).0, "2024");
        assert_eq!(one("the next month", &anchored).0, "2025-01");
        // "The following January", "the previous May": from that date too.
        assert_eq!(one("the following January", &anchored).0, "2025-01");
        assert_eq!(one("the previous May", &anchored).0, "2024-05");
        assert_eq!(one("the day before", &anchored).0, "2024-12-02");
        // "July of that year": the month of the year told before.
        assert_eq!(one("in July of that year", &anchored).0, "2024-07");
        // "In the spring": of the publication's year where the sentence told none before it,
        // else of that one; "in the summer of 2021" is dated by its year only.
        assert_eq!(one("toured the plants in the spring", &anchored).0, "2022");
        let both: Vec<String> = find_dates("In 2019 the talks stalled, and in the autumn they resumed.", &anchored)
            .iter()
            .map(|d| d.date.to_string())
            .collect();
        assert_eq!(both, ["2019", "2019"]);
        assert_eq!(one("in the summer of 2021", &anchored).0, "2021");
        assert!(find_dates("in the year since", &anchored).is_empty());
        // A month told alone before it is the anchor: "in October … the following month" is
        // that October's November, not the month after the article's or an earlier anchor's.
        let found: Vec<String> = find_dates(
            "Warsaw closed the consulate in October, and Moscow retaliated the following month.",
            &DateContext {
                anchor: PartialDate::parse("2024-05").ok(),
                ..ctx("2025-05-13")
            },
        )
        .iter()
        .map(|d| d.date.to_string())
        .collect();
        assert_eq!(found, ["2024-10", "2024-11"]);
        assert_eq!(one("next year", &c).0, "2023");
        assert_eq!(one("last month", &c).0, "2022-11");
        assert_eq!(one("in July", &c).0, "2022-07");
        // "last" + a month: the last such month before the article, however capitalised.
        assert_eq!(one("last November", &ctx("2023-07-13")).0, "2022-11");
        assert_eq!(one("Last August", &ctx("2024-04-26")).0, "2023-08");
        assert_eq!(one("last December", &c).0, "2021-12");
        assert_eq!(one("last March", &c).0, "2022-03");
        assert_eq!(one("at the end of March this year", &c).0, "2022-03");
        assert_eq!(one("in July last year", &c).0, "2021-07");
        assert_eq!(
            one("in the past three years", &ctx("2024-12-23")),
            ("2022".into(), Some("2024".into()))
        );
        let anchored = DateContext {
            anchor: PartialDate::parse("2024-12-03").ok(),
            ..ctx("2025-01-10")
        };
        assert_eq!(one("eleven days later", &anchored).0, "2024-12-14");
        let anchored = DateContext {
            anchor: PartialDate::parse("2022-07").ok(),
            ..ctx("2023-05-01")
        };
        assert_eq!(one("that December", &anchored).0, "2022-12");
        assert_eq!(one("two months later", &anchored).0, "2022-09");
        // A season is dated by its year.
        assert_eq!(one("is expected to sign this summer", &ctx("2025-06-27")).0, "2025");
        assert_eq!(one("signed last summer", &ctx("2025-06-27")).0, "2024");
        assert_eq!(one("signed last summer", &ctx("2025-10-02")).0, "2025");
        assert_eq!(one("to be signed next spring", &ctx("2025-10-02")).0, "2026");
        // Two days of one month.
        assert_eq!(
            one("the summit on 24 and 25 June", &ctx("2025-06-27")),
            ("2025-06-24".into(), Some("2025-06-25".into()))
        );
        assert_eq!(
            one("met on June 24-25, 2025", &ctx("2025-08-01")),
            ("2025-06-24".into(), Some("2025-06-25".into()))
        );
        // A weekday at the start of a sentence.
        assert_eq!(
            one("On Friday, the Pentagon criticised Japan", &ctx("2022-12-10")).0,
            "2022-12-09"
        );
        // A day and month without a year anchors what follows it in the text.
        let found = find_dates(
            "ratified it on 9 November and North Korea two days later",
            &ctx("2025-05-01"),
        );
        assert_eq!(found.last().map(|d| d.date.to_string()).as_deref(), Some("2024-11-11"));
        // A distance after a date of the sentence, before the event it measures from, dates
        // that event back from the date; after a date told before, on from it.
        let found = find_dates(
            "In May 2024, two months after Sweden joined NATO, Stockholm sent aircraft.",
            &ctx("2025-05-01"),
        );
        assert_eq!(found.last().map(|d| d.date.to_string()).as_deref(), Some("2024-03"));
        assert_eq!(one("Two months after Sweden joined NATO", &anchored).0, "2022-09");
    }

    #[test]
    fn future_months_look_ahead() {
        let c = DateContext {
            future: Some(|_| true),
            ..ctx("2022-05-05")
        };
        assert_eq!(one("in June", &c).0, "2022-06");
        assert_eq!(one("in February", &c).0, "2023-02");
        // Whether a date is future is asked of its own clause, which a dash can bound.
        let will = DateContext {
            future: Some(|clause| clause.contains("will")),
            ..ctx("2022-08-26")
        };
        assert_eq!(
            one("signed on 27 July — the deliveries will follow", &will).0,
            "2022-07-27"
        );
        assert_eq!(one("talks — which will open on 27 July", &will).0, "2023-07-27");
        // … and, within it, of the words near the date.
        assert_eq!(
            one(
                "met on 13 March and unveiled the plan under which the navy will have submarines",
                &will
            )
            .0,
            "2022-03-13"
        );
        // … which stop at a "that" opening what was said.
        let would = DateContext {
            future: Some(|clause| clause.contains("would")),
            ..ctx("2025-04-03")
        };
        assert_eq!(
            one("said on Tuesday that Russia would station missiles there", &would).0,
            "2025-04-01"
        );
        assert_eq!(one("would open on Tuesday", &would).0, "2025-04-08");
        // … or at an "and" or "but" opening the next predicate.
        assert_eq!(one("won on 14 February and will be sworn in", &will).0, "2022-02-14");
        assert_eq!(one("will sign on 14 February and ratify later", &will).0, "2023-02-14");
        // … and after a participle done by someone, or done on the day.
        assert_eq!(
            one(
                "will purchase launchers under a deal approved by the committee on Tuesday",
                &will
            )
            .0,
            "2022-08-23"
        );
        assert_eq!(one("will be signed on Tuesday", &will).0, "2022-08-30");
        // … or at a pronoun that is its subject.
        assert_eq!(
            one("said on Tuesday it would station missiles there", &would).0,
            "2025-04-01"
        );
        // "Last" and "next" say which way, also on the weekday itself (2025-04-03 was a Thursday).
        assert_eq!(
            one("since last Thursday's earthquake", &ctx("2025-04-03")).0,
            "2025-03-27"
        );
        assert_eq!(one("last Tuesday", &ctx("2025-04-03")).0, "2025-04-01");
        assert_eq!(one("next Thursday", &ctx("2025-04-03")).0, "2025-04-10");
        assert_eq!(one("on Thursday", &ctx("2025-04-03")).0, "2025-04-03");
    }

    #[test]
    fn may_the_verb_is_not_a_month() {
        assert!(find_dates("Seoul may attend", &ctx("2022-05-01")).is_empty());
        assert_eq!(one("in May", &ctx("2022-06-01")).0, "2022-05");
    }
}
