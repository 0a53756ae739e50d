//! Readers for UN General Assembly roll-call votes (Voeten's data), in the two layouts they are
//! found in.
//!
//! - **Per country** ([`read_country_file`]): the un-project/un-votes files `<ccode>.csv`, one per
//!   focal country X: 21 columns of roll-call metadata, then one column per country named by its
//!   COW code. X's own column holds X's raw vote; every other column holds the un-project agreement
//!   code between X and that country (`2` same vote, `-1` one of the two abstained, `-2` opposite
//!   yes/no, empty when either was absent or not a member). CRLF, `NA` tokens, quoted text.
//! - **Long** ([`read_long`]): one row per (roll call, country, vote), as in Voeten's raw file or the
//!   `unvotes` R package: a roll-call id, a country (COW number, ISO code or name) and a vote as text
//!   (`yes`/`no`/`abstain`) or Voeten's numbers (1 yes, 2 abstain, 3 no, 8 absent, 9 not a member).
//!   Column names are recognised liberally; a file without a header is read as rcid, country, vote.
//!
//! Countries resolve to entente actors through [`crate::codes`] on the roll call's date (COW 365 is
//! the Soviet Union until 1991-12-25, Russia after). Rows that cannot be read — wrong field count,
//! invalid UTF-8, a bad number or code — are rejected with their line and reason.

use crate::codes::{Country, Crosswalk, Scheme, When};
use crate::report::{ImportError, ImportReport};
use entente_model::{Day, PartialDate, Precision};
use serde::Serialize;
use std::collections::{HashMap, VecDeque};
use std::io::BufRead;

/// A country's vote on a roll call (Voeten's codes 1, 2, 3, 8, 9).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Vote {
    Yes,
    Abstain,
    No,
    /// Member, but not present for the vote.
    Absent,
    NotMember,
}

impl Vote {
    /// Voeten's numeric code.
    pub fn from_code(code: u8) -> Option<Vote> {
        match code {
            1 => Some(Vote::Yes),
            2 => Some(Vote::Abstain),
            3 => Some(Vote::No),
            8 => Some(Vote::Absent),
            9 => Some(Vote::NotMember),
            _ => None,
        }
    }

    pub fn code(self) -> u8 {
        match self {
            Vote::Yes => 1,
            Vote::Abstain => 2,
            Vote::No => 3,
            Vote::Absent => 8,
            Vote::NotMember => 9,
        }
    }

    /// A vote as written in either layout: a number, or a word in any case.
    pub fn parse(text: &str) -> Option<Vote> {
        let t = text.trim();
        if let Ok(n) = t.parse::<u8>() {
            return Vote::from_code(n);
        }
        match t.to_ascii_lowercase().as_str() {
            "yes" | "y" => Some(Vote::Yes),
            "abstain" | "abstention" | "abstained" | "a" => Some(Vote::Abstain),
            "no" | "n" => Some(Vote::No),
            "absent" => Some(Vote::Absent),
            "not a member" | "non-member" | "nonmember" | "not member" => Some(Vote::NotMember),
            _ => None,
        }
    }

    /// Whether this is a vote cast (yes, abstain or no), as opposed to absence or non-membership.
    pub fn is_cast(self) -> bool {
        matches!(self, Vote::Yes | Vote::Abstain | Vote::No)
    }
}

/// The un-project agreement code between the focal country and another one on a roll call.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum AgreementCode {
    /// `2`: both voted the same way (both yes, both no, or both abstained).
    Same,
    /// `-1`: one of the two abstained and the other voted yes or no.
    OneAbstained,
    /// `-2`: one voted yes and the other no.
    Opposite,
}

impl AgreementCode {
    pub fn parse(text: &str) -> Option<AgreementCode> {
        match text.trim() {
            "2" => Some(AgreementCode::Same),
            "-1" => Some(AgreementCode::OneAbstained),
            "-2" => Some(AgreementCode::Opposite),
            _ => None,
        }
    }

    /// The code as the un-project writes it.
    pub fn value(self) -> i8 {
        match self {
            AgreementCode::Same => 2,
            AgreementCode::OneAbstained => -1,
            AgreementCode::Opposite => -2,
        }
    }

    /// The code two cast votes give (None unless both were cast).
    pub fn between(a: Vote, b: Vote) -> Option<AgreementCode> {
        if !a.is_cast() || !b.is_cast() {
            return None;
        }
        Some(if a == b {
            AgreementCode::Same
        } else if a == Vote::Abstain || b == Vote::Abstain {
            AgreementCode::OneAbstained
        } else {
            AgreementCode::Opposite
        })
    }
}

/// The issue dummies of a roll call (Voeten's coding).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Issues {
    /// Palestinian conflict / Middle East.
    pub me: bool,
    /// Nuclear weapons and material.
    pub nu: bool,
    /// Arms control and disarmament.
    pub di: bool,
    pub hr: bool,
    /// Colonialism.
    pub co: bool,
    /// Economic development.
    pub ec: bool,
}

/// One roll call's metadata.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RollCall {
    pub rcid: u32,
    pub year: i32,
    pub session: u32,
    pub date: Day,
    /// Totals as recorded (`NA` → None).
    pub yes: Option<u32>,
    pub no: Option<u32>,
    pub abstain: Option<u32>,
    /// Whether the US State Department listed the vote as important (`NA` → None).
    pub importantvote: Option<bool>,
    pub unres: String,
    pub amend: Option<bool>,
    pub para: Option<bool>,
    pub short: String,
    pub descr: String,
    pub issues: Issues,
}

/// One row of a per-country file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CountryRow {
    pub line: usize,
    pub roll_call: RollCall,
    /// The focal country's raw vote.
    pub vote: Vote,
    /// The agreement code with each country of [`CountryFile::columns`], in that order.
    pub codes: Vec<Option<AgreementCode>>,
}

/// A per-country agreement file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CountryFile {
    /// COW code of the focal country.
    pub focal: u16,
    /// COW codes of the other countries' columns, in file order.
    pub columns: Vec<u16>,
    pub rows: Vec<CountryRow>,
}

/// One agreement cell, resolved.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Agreement<'a> {
    pub cow: u16,
    /// Entente actor id on the roll call's date, where the crosswalk has one.
    pub id: Option<&'a str>,
    pub code: AgreementCode,
}

impl CountryFile {
    /// Index of a country's column.
    pub fn column(&self, cow: u16) -> Option<usize> {
        self.columns.iter().position(|&c| c == cow)
    }

    /// The agreement code between the focal country and `cow` on a row.
    pub fn code(&self, row: &CountryRow, cow: u16) -> Option<AgreementCode> {
        self.column(cow).and_then(|i| row.codes.get(i).copied().flatten())
    }

    /// The focal country's entente id on the row's date.
    pub fn focal_id<'c>(&self, crosswalk: &'c Crosswalk, row: &CountryRow) -> Option<&'c str> {
        crosswalk
            .by_cow_on(self.focal, row.roll_call.date)
            .map(|c| c.id.as_str())
    }

    /// The row's non-empty agreement codes with each country resolved on the row's date.
    pub fn agreements<'c, 'r>(
        &'r self,
        crosswalk: &'c Crosswalk,
        row: &'r CountryRow,
    ) -> impl Iterator<Item = Agreement<'c>> + 'r
    where
        'c: 'r,
    {
        self.columns.iter().zip(&row.codes).filter_map(move |(&cow, code)| {
            code.map(|code| Agreement {
                cow,
                id: crosswalk.by_cow_on(cow, row.roll_call.date).map(|c| c.id.as_str()),
                code,
            })
        })
    }

    /// The focal country's raw votes in the long layout (for measures that work on votes).
    pub fn focal_votes(&self, crosswalk: &Crosswalk) -> Vec<CountryVote> {
        self.rows
            .iter()
            .map(|r| CountryVote {
                line: r.line,
                rcid: r.roll_call.rcid,
                year: Some(r.roll_call.year),
                country: self.focal.to_string(),
                cow: Some(self.focal),
                country_id: self.focal_id(crosswalk, r).map(str::to_string),
                vote: r.vote,
            })
            .collect()
    }

    /// Year of each roll call, by rcid (to date the votes of a long file that has no year column).
    pub fn roll_call_years(&self) -> HashMap<u32, i32> {
        self.rows.iter().map(|r| (r.roll_call.rcid, r.roll_call.year)).collect()
    }
}

/// The metadata columns of the per-country layout that are read; the required ones must be present.
const REQUIRED: [&str; 12] = [
    "rcid",
    "year",
    "session",
    "date",
    "importantvote",
    "unres",
    "me",
    "nu",
    "di",
    "hr",
    "co",
    "ec",
];
const OPTIONAL: [&str; 7] = ["abstain", "yes", "no", "amend", "para", "short", "descr"];
const RCID: usize = 0;
const YEAR: usize = 1;
const SESSION: usize = 2;
const DATE: usize = 3;
const IMPORTANT: usize = 4;
const UNRES: usize = 5;
const ME: usize = 6;
const NU: usize = 7;
const DI: usize = 8;
const HR: usize = 9;
const CO: usize = 10;
const EC: usize = 11;
const ABSTAIN: usize = 0;
const YES: usize = 1;
const NO: usize = 2;
const AMEND: usize = 3;
const PARA: usize = 4;
const SHORT: usize = 5;
const DESCR: usize = 6;

/// A field as text, with ASCII whitespace trimmed (only ASCII: text may end in a no-break space,
/// kept as published).
fn field<'r>(rec: &'r csv::ByteRecord, p: usize, name: &str) -> Result<&'r str, String> {
    let bytes = rec.get(p).unwrap_or(b"").trim_ascii();
    std::str::from_utf8(bytes).map_err(|e| {
        format!(
            "invalid UTF-8 in column '{name}' at byte {} (the file must be UTF-8)",
            e.valid_up_to()
        )
    })
}

/// The focal country of a per-country file from its name (`data/732.csv` → 732).
pub fn focal_from_name(name: &str) -> Option<u16> {
    let file = name.rsplit(['/', '\\']).next()?;
    let stem = file.split('.').next()?;
    stem.parse().ok()
}

/// Fields of a record as text, or the reason they are not UTF-8.
fn utf8_fields(rec: &csv::ByteRecord) -> Result<Vec<&str>, String> {
    rec.iter()
        .enumerate()
        .map(|(i, f)| {
            std::str::from_utf8(f).map_err(|e| {
                format!(
                    "invalid UTF-8 in field {} at byte {} (the file must be UTF-8)",
                    i + 1,
                    e.valid_up_to()
                )
            })
        })
        .collect()
}

/// Counts lines under the CSV reader. The csv crate's own line numbers, and the byte offset it
/// gives as a record's position, fall short on CRLF files: a record's position points at the line
/// ending before it, and before any blank lines between (each one line short). The un-project files
/// are CRLF; so the lines are counted here, from the bytes: a record's line is that of its first
/// byte that is not a line ending, and `\r\n`, `\n` and a lone `\r` each end one line.
struct LineCounter<R> {
    inner: R,
    /// Bytes read from `inner` so far.
    offset: u64,
    /// The bytes read from `start` on (bounded by one record and the CSV reader's buffer).
    pending: VecDeque<u8>,
    /// Offset of `pending`'s first byte.
    start: u64,
    /// 1-based line of the byte at `start`.
    line: usize,
    /// Whether the byte before `start` was `\r` (so that a `\n` there ends no new line).
    after_cr: bool,
}

impl<R: std::io::Read> std::io::Read for LineCounter<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.pending.extend(&buf[..n]);
        self.offset += n as u64;
        Ok(n)
    }
}

impl<R> LineCounter<R> {
    fn new(inner: R) -> LineCounter<R> {
        LineCounter {
            inner,
            offset: 0,
            pending: VecDeque::new(),
            start: 0,
            line: 1,
            after_cr: false,
        }
    }

    /// 1-based line of the record the CSV reader positions at `byte`: the line of the first byte
    /// from `byte` on that is not a line ending. Forgets the bytes before it (records come in order).
    fn line_at(&mut self, byte: u64) -> usize {
        while let Some(&b) = self.pending.front() {
            let ending = b == b'\r' || b == b'\n';
            if self.start >= byte && !ending {
                break;
            }
            match b {
                b'\r' => self.line += 1,
                b'\n' if !self.after_cr => self.line += 1,
                _ => {}
            }
            self.after_cr = b == b'\r';
            self.pending.pop_front();
            self.start += 1;
        }
        self.line
    }
}

type Csv<R> = csv::Reader<LineCounter<R>>;

fn line_of<R: std::io::Read>(reader: &mut Csv<R>, rec: &csv::ByteRecord) -> usize {
    let byte = rec.position().map_or(0, |p| p.byte());
    reader.get_mut().line_at(byte)
}

/// Reads the next record; an I/O error is fatal, a CSV syntax error (never produced by the flexible
/// reader, but possible in principle) is turned into a rejection by the caller.
fn next_record<R: std::io::Read>(
    reader: &mut Csv<R>,
    rec: &mut csv::ByteRecord,
) -> Result<Option<Result<(), String>>, ImportError> {
    match reader.read_byte_record(rec) {
        Ok(true) => Ok(Some(Ok(()))),
        Ok(false) => Ok(None),
        Err(e) => match e.into_kind() {
            csv::ErrorKind::Io(io) => Err(ImportError::Io(io)),
            other => Ok(Some(Err(format!("{other:?}")))),
        },
    }
}

fn csv_reader<R: BufRead>(reader: R) -> Csv<R> {
    let counter = LineCounter::new(reader);
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(counter)
}

/// Header cells, BOM stripped; duplicate names are an error.
fn header(rec: &csv::ByteRecord, line: usize) -> Result<Vec<String>, ImportError> {
    let cells = utf8_fields(rec).map_err(|m| ImportError::Format {
        line,
        message: format!("header: {m}"),
    })?;
    let cells: Vec<String> = cells
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if i == 0 { c.trim_start_matches('\u{feff}') } else { c }
                .trim()
                .to_string()
        })
        .collect();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, c) in cells.iter().enumerate() {
        if c.is_empty() {
            continue;
        }
        if let Some(first) = seen.insert(c.as_str(), i) {
            return Err(ImportError::Format {
                line,
                message: format!("duplicate column '{c}' (columns {} and {})", first + 1, i + 1),
            });
        }
    }
    Ok(cells)
}

/// Reads a per-country file (the un-project layout). `focal` is the focal country's COW code; when
/// None it is taken from the file name (`732.csv`).
pub fn read_country_file<R: BufRead>(
    name: &str,
    focal: Option<u16>,
    reader: R,
) -> Result<(CountryFile, ImportReport), ImportError> {
    let focal = focal
        .or_else(|| focal_from_name(name))
        .ok_or_else(|| ImportError::Format {
            line: 1,
            message: format!("cannot tell the focal country of '{name}': name the file <COW code>.csv or pass it"),
        })?;
    let mut reader = csv_reader(reader);
    let mut rec = csv::ByteRecord::new();
    match next_record(&mut reader, &mut rec)? {
        None => {
            return Err(ImportError::Format {
                line: 1,
                message: "empty file".into(),
            })
        }
        Some(Err(m)) => return Err(ImportError::Format { line: 1, message: m }),
        Some(Ok(())) => {}
    }
    let line = line_of(&mut reader, &rec);
    let cells = header(&rec, line)?;
    let pos = |n: &str| cells.iter().position(|c| c.eq_ignore_ascii_case(n));
    let mut req_pos = [0; REQUIRED.len()];
    for (k, n) in REQUIRED.iter().enumerate() {
        req_pos[k] = pos(n).ok_or_else(|| ImportError::Format {
            line: 1,
            message: format!("missing column '{n}'"),
        })?;
    }
    let opt_pos = OPTIONAL.map(pos);
    let mut focal_col = None;
    let mut columns = Vec::new();
    let mut column_pos = Vec::new();
    for (i, c) in cells.iter().enumerate() {
        if let Ok(cow) = c.parse::<u16>() {
            if cow == focal {
                focal_col = Some(i);
            } else {
                columns.push(cow);
                column_pos.push(i);
            }
        }
    }
    let focal_col = focal_col.ok_or_else(|| ImportError::Format {
        line: 1,
        message: format!("missing column '{focal}' (the focal country's own votes)"),
    })?;
    let ncols = cells.len();

    let mut report = ImportReport::new(name);
    let mut rows = Vec::new();
    while let Some(status) = next_record(&mut reader, &mut rec)? {
        let line = line_of(&mut reader, &rec);
        report.rows_read += 1;
        let parsed = status.and_then(|()| {
            if rec.len() != ncols {
                return Err(format!("expected {ncols} fields, found {}", rec.len()));
            }
            let req = |k: usize| field(&rec, req_pos[k], REQUIRED[k]);
            let opt = |k: usize| opt_pos[k].map(|p| field(&rec, p, OPTIONAL[k])).transpose();
            let roll_call = RollCall {
                rcid: number(req(RCID)?, "rcid")?.ok_or("column 'rcid' is empty")?,
                year: number(req(YEAR)?, "year")?.ok_or("column 'year' is empty")?,
                session: number(req(SESSION)?, "session")?.ok_or("column 'session' is empty")?,
                date: day(req(DATE)?)?,
                yes: opt(YES)?.map_or(Ok(None), |v| number(v, "yes"))?,
                no: opt(NO)?.map_or(Ok(None), |v| number(v, "no"))?,
                abstain: opt(ABSTAIN)?.map_or(Ok(None), |v| number(v, "abstain"))?,
                importantvote: dummy(req(IMPORTANT)?, "importantvote")?,
                unres: req(UNRES)?.to_string(),
                amend: opt(AMEND)?.map_or(Ok(None), |v| dummy(v, "amend"))?,
                para: opt(PARA)?.map_or(Ok(None), |v| dummy(v, "para"))?,
                short: opt(SHORT)?.unwrap_or("").to_string(),
                descr: opt(DESCR)?.unwrap_or("").to_string(),
                issues: Issues {
                    // A missing dummy means the issue was not coded: false.
                    me: dummy(req(ME)?, "me")?.unwrap_or(false),
                    nu: dummy(req(NU)?, "nu")?.unwrap_or(false),
                    di: dummy(req(DI)?, "di")?.unwrap_or(false),
                    hr: dummy(req(HR)?, "hr")?.unwrap_or(false),
                    co: dummy(req(CO)?, "co")?.unwrap_or(false),
                    ec: dummy(req(EC)?, "ec")?.unwrap_or(false),
                },
            };
            let raw = rec.get(focal_col).unwrap_or(b"").trim_ascii();
            let vote = match raw {
                [d] => Vote::from_code(d.wrapping_sub(b'0')),
                _ => None,
            }
            .ok_or_else(|| {
                format!(
                    "column '{focal}' (the focal country's vote): '{}' is not a vote code 1, 2, 3, 8 or 9",
                    String::from_utf8_lossy(raw)
                )
            })?;
            // The 200 code columns are read as bytes: they hold only ASCII codes.
            let mut codes = Vec::with_capacity(columns.len());
            for (&p, cow) in column_pos.iter().zip(&columns) {
                codes.push(match rec.get(p).unwrap_or(b"").trim_ascii() {
                    b"" | b"NA" => None,
                    b"2" => Some(AgreementCode::Same),
                    b"-1" => Some(AgreementCode::OneAbstained),
                    b"-2" => Some(AgreementCode::Opposite),
                    other => {
                        return Err(format!(
                            "column '{cow}': '{}' is not an agreement code 2, -1 or -2",
                            String::from_utf8_lossy(other)
                        ))
                    }
                });
            }
            Ok(CountryRow {
                line,
                roll_call,
                vote,
                codes,
            })
        });
        match parsed {
            Ok(row) => {
                rows.push(row);
                report.kept += 1;
            }
            Err(reason) => report.reject(line, reason),
        }
    }
    Ok((CountryFile { focal, columns, rows }, report))
}

fn number<T: std::str::FromStr>(v: &str, col: &str) -> Result<Option<T>, String> {
    if v.is_empty() || v.eq_ignore_ascii_case("NA") {
        return Ok(None);
    }
    v.parse()
        .map(Some)
        .map_err(|_| format!("column '{col}': '{v}' is not a number"))
}

fn dummy(v: &str, col: &str) -> Result<Option<bool>, String> {
    match v {
        "" | "NA" | "na" => Ok(None),
        "0" => Ok(Some(false)),
        "1" => Ok(Some(true)),
        _ => Err(format!("column '{col}': '{v}' is not 0, 1 or NA")),
    }
}

fn day(v: &str) -> Result<Day, String> {
    match PartialDate::parse(v) {
        Ok(d) if d.precision() == Precision::Day => Ok(d.earliest()),
        _ => Err(format!("column 'date': '{v}' is not a date (YYYY-MM-DD)")),
    }
}

/// One vote of the long layout.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CountryVote {
    pub line: usize,
    pub rcid: u32,
    /// From a `year` or `date` column, when the file has one.
    pub year: Option<i32>,
    /// The country as written.
    pub country: String,
    /// COW code, when the country was given as one.
    pub cow: Option<u16>,
    /// Entente actor id, where the crosswalk has one.
    pub country_id: Option<String>,
    pub vote: Vote,
}

/// Names the long layout's columns go by, most specific first.
const RCID_NAMES: [&str; 4] = ["rcid", "roll_call", "rollcall", "rcid_id"];
const COUNTRY_NAMES: [&str; 12] = [
    "ccode",
    "cowcode",
    "cow",
    "cow_code",
    "country_code",
    "countrycode",
    "iso3c",
    "iso3",
    "iso2c",
    "iso2",
    "country",
    "countryname",
];
const VOTE_NAMES: [&str; 2] = ["vote", "votes"];

/// Reads the long layout: one row per (roll call, country, vote).
pub fn read_long<R: BufRead>(name: &str, reader: R) -> Result<(Vec<CountryVote>, ImportReport), ImportError> {
    let crosswalk = Crosswalk::shipped()?;
    let mut reader = csv_reader(reader);
    let mut rec = csv::ByteRecord::new();
    match next_record(&mut reader, &mut rec)? {
        None => {
            return Err(ImportError::Format {
                line: 1,
                message: "empty file".into(),
            })
        }
        Some(Err(m)) => return Err(ImportError::Format { line: 1, message: m }),
        Some(Ok(())) => {}
    }
    let first_line = line_of(&mut reader, &rec);
    let cells = header(&rec, first_line)?;
    let find = |names: &[&str]| {
        names
            .iter()
            .find_map(|n| cells.iter().position(|c| c.eq_ignore_ascii_case(n)))
    };
    let (rcid, country, vote) = (find(&RCID_NAMES), find(&COUNTRY_NAMES), find(&VOTE_NAMES));
    let year = find(&["year"]);
    let date = find(&["date"]);
    let mut report = ImportReport::new(name);
    let mut votes = Vec::new();
    let mut first_data = None;
    let (rcid, country, vote, ncols) = match (rcid, country, vote) {
        (Some(r), Some(c), Some(v)) => (r, c, v, cells.len()),
        _ if cells.len() >= 3 && cells[0].parse::<u32>().is_ok() => {
            // No header: the first line is data, read as rcid, country, vote.
            first_data = Some(rec.clone());
            (0, 1, 2, cells.len())
        }
        (r, c, v) => {
            let missing: Vec<&str> = [
                (r, "rcid"),
                (c, "country (ccode, country_code, iso3, country…)"),
                (v, "vote"),
            ]
            .iter()
            .filter(|(p, _)| p.is_none())
            .map(|(_, n)| *n)
            .collect();
            return Err(ImportError::Format {
                line: 1,
                message: format!("missing column {}", missing.join(", ")),
            });
        }
    };
    // A country as written, in a year → its COW code and entente id.
    type Resolved = (Option<u16>, Option<String>);
    let mut cache: HashMap<(String, Option<i32>), Resolved> = HashMap::new();
    let mut handle = |rec: &csv::ByteRecord, line: usize, status: Result<(), String>, report: &mut ImportReport| {
        report.rows_read += 1;
        let parsed = status.and_then(|()| {
            if rec.len() != ncols {
                return Err(format!("expected {ncols} fields, found {}", rec.len()));
            }
            let f = utf8_fields(rec)?;
            let rc = f[rcid].trim();
            let rc: u32 = rc
                .parse()
                .map_err(|_| format!("column 'rcid': '{rc}' is not a roll-call number"))?;
            let y = match (year, date) {
                (Some(p), _) => number::<i32>(f[p].trim(), "year")?,
                (None, Some(p)) if !f[p].trim().is_empty() => Some(day(f[p].trim())?.year),
                _ => None,
            };
            let v = f[vote].trim();
            if v.is_empty() || v.eq_ignore_ascii_case("NA") {
                return Err("column 'vote' is empty".to_string());
            }
            let v = Vote::parse(v).ok_or_else(|| {
                format!("column 'vote': '{v}' is not a vote (yes, no, abstain, absent, not a member, or 1, 2, 3, 8, 9)")
            })?;
            let c = f[country].trim();
            if c.is_empty() {
                return Err("column 'country' is empty".to_string());
            }
            let (cow, id) = cache
                .entry((c.to_string(), y))
                .or_insert_with(|| resolve_country(crosswalk, c, y))
                .clone();
            Ok(CountryVote {
                line,
                rcid: rc,
                year: y,
                country: c.to_string(),
                cow,
                country_id: id,
                vote: v,
            })
        });
        match parsed {
            Ok(v) => {
                votes.push(v);
                report.kept += 1;
            }
            Err(reason) => report.reject(line, reason),
        }
    };
    if let Some(first) = first_data {
        handle(&first, first_line, Ok(()), &mut report);
    }
    while let Some(status) = next_record(&mut reader, &mut rec)? {
        let line = line_of(&mut reader, &rec);
        handle(&rec, line, status, &mut report);
    }
    Ok((votes, report))
}

/// A country as the long layout gives it: a COW number, an ISO 3166 code or entente id, or a name.
fn resolve_country(crosswalk: &Crosswalk, c: &str, year: Option<i32>) -> (Option<u16>, Option<String>) {
    let when = When::from(year);
    let id = |hit: Option<&Country>| hit.map(|h| h.id.clone());
    if let Ok(cow) = c.parse::<u16>() {
        return (Some(cow), id(crosswalk.find(Scheme::Cow, c, when)));
    }
    let hit = match c.len() {
        3 => crosswalk
            .find(Scheme::Iso3, c, when)
            .or_else(|| crosswalk.find(Scheme::Id, c, when)),
        2 => crosswalk.find(Scheme::Iso2, c, when),
        _ => None,
    }
    .or_else(|| crosswalk.rows().iter().find(|r| r.name.eq_ignore_ascii_case(c)))
    .or_else(|| crosswalk.by_sipri_name(c));
    (hit.and_then(|h| h.cow), id(hit))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn votes_parse_liberally() {
        assert_eq!(Vote::parse("yes"), Some(Vote::Yes));
        assert_eq!(Vote::parse(" Abstain "), Some(Vote::Abstain));
        assert_eq!(Vote::parse("3"), Some(Vote::No));
        assert_eq!(Vote::parse("9"), Some(Vote::NotMember));
        assert_eq!(Vote::parse("4"), None);
        assert_eq!(Vote::parse("maybe"), None);
    }

    #[test]
    fn codes_between_votes() {
        use AgreementCode::*;
        assert_eq!(AgreementCode::between(Vote::Yes, Vote::Yes), Some(Same));
        assert_eq!(AgreementCode::between(Vote::Abstain, Vote::Abstain), Some(Same));
        assert_eq!(AgreementCode::between(Vote::Yes, Vote::Abstain), Some(OneAbstained));
        assert_eq!(AgreementCode::between(Vote::No, Vote::Yes), Some(Opposite));
        assert_eq!(AgreementCode::between(Vote::Absent, Vote::Yes), None);
    }

    #[test]
    fn focal_from_file_name() {
        assert_eq!(focal_from_name("data/732.csv"), Some(732));
        assert_eq!(focal_from_name("C:\\un\\2.csv"), Some(2));
        assert_eq!(focal_from_name("votes.csv"), None);
    }
}
