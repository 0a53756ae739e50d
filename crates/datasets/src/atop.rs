//! Readers for the ATOP (Alliance Treaty Obligations and Provisions, Leeds et al.) data files, and
//! for the ATOP-based alliance-year similarity table (`all-fp-sim.csv`) used as a reference.
//!
//! - [`read_alliances`]: the alliance-level file, one row per alliance: treaty obligations
//!   (defense, offense, neutrality, non-aggression, consultation), begin and end dates, other
//!   treaty-content variables, and the wide membership columns `mem1`…`mem59` (COW codes);
//! - [`read_members`]: the member-level file, one row per alliance × member × phase, with the
//!   member's entry and exit dates and the member's own obligations;
//! - [`read_similarity`]: alliance-year mean and lowest S, π and κ among members (`NA` = missing).
//!
//! Columns are found by name in the header, so a re-ordered or extended export reads the same; a
//! missing required column or a duplicated one is an [`ImportError::Format`] at line 1. Each data
//! row is read on its own: a row with the wrong number of fields or an unreadable number is
//! rejected with its line and the column named, and the rest of the file is still read. ATOP
//! writes `0` for "ongoing" in end and exit years and for an unknown month or day; empty cells are
//! missing values. Member codes are kept as COW numbers: mapping them to entente actors is the
//! crosswalk's job, not this reader's.

use crate::report::{ImportError, ImportReport};
use serde::Serialize;
use std::borrow::Cow;
use std::collections::HashMap;
use std::io::BufRead;

/// A date as ATOP codes it: `month` and `day` are 0 when unknown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct AtopDate {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// The five obligations ATOP codes for each alliance and each member.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Obligations {
    pub defense: bool,
    pub offense: bool,
    pub neutral: bool,
    pub nonagg: bool,
    pub consul: bool,
}

impl Obligations {
    /// Whether any of the five obligations is undertaken.
    pub fn any(&self) -> bool {
        self.defense || self.offense || self.neutral || self.nonagg || self.consul
    }

    /// Both sets together (an obligation undertaken in either).
    pub fn union(self, other: Obligations) -> Obligations {
        Obligations {
            defense: self.defense || other.defense,
            offense: self.offense || other.offense,
            neutral: self.neutral || other.neutral,
            nonagg: self.nonagg || other.nonagg,
            consul: self.consul || other.consul,
        }
    }
}

/// One row of the alliance-level file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Alliance {
    /// 1-based line of the row.
    pub line: usize,
    pub atopid: u32,
    /// The alliance's number in the COW alliance data, where it is there.
    pub cowid: Option<u32>,
    pub begin: AtopDate,
    /// `None` when ATOP codes the end year as 0: in force at the end of the data.
    pub end: Option<AtopDate>,
    /// `ineffect`: in force at the end of the data.
    pub in_effect: bool,
    /// `bilat`: a bilateral treaty.
    pub bilateral: bool,
    /// `maxphase`: number of phases (0 when the terms never changed).
    pub max_phase: u8,
    /// `wartime`: signed during a war in which a member took part.
    pub wartime: bool,
    pub obligations: Obligations,
    /// `conditio`: obligations conditional on circumstances (e.g. an attack by a named state).
    pub conditional: bool,
    /// `asymm`: members undertake different obligations.
    pub asymmetric: bool,
    /// `milcon`: military contact provisions (0–3), `milaid` military aid (0–4), `intcom`
    /// integrated command (0–1), `organ1` formal organisation (0–3), `base` basing rights (0–3),
    /// `specthrt` a specific threat named (0–6). Empty cells are `None`.
    pub military_contact: Option<u8>,
    pub military_aid: Option<u8>,
    pub integrated_command: Option<u8>,
    pub organisation: Option<u8>,
    pub bases: Option<u8>,
    pub specific_threat: Option<u8>,
    /// Member states (COW codes) from `mem1`…`mem59`, in column order.
    pub members: Vec<u16>,
}

/// One row of the member-level file: one member in one phase of one alliance.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Membership {
    /// 1-based line of the row.
    pub line: usize,
    pub atopid: u32,
    /// The member's COW code.
    pub member: u16,
    /// `cowsys`: the member was a COW system member while in the alliance.
    pub in_cow_system: bool,
    /// 0 when the alliance never changed its terms, else 1, 2, … for each phase.
    pub phase: u8,
    pub max_phase: u8,
    pub entry: AtopDate,
    /// `None` when ATOP codes the exit year as 0: still a member at the end of the data.
    pub exit: Option<AtopDate>,
    pub in_effect: bool,
    pub bilateral: bool,
    /// The obligations this member undertakes in this phase (they can differ between members).
    pub obligations: Obligations,
    pub conditional: bool,
}

impl Membership {
    /// Whether this membership phase covers any part of `year` (entry year to exit year, both
    /// included; an open exit runs on).
    pub fn covers_year(&self, year: i32) -> bool {
        self.entry.year <= year && self.exit.is_none_or(|e| e.year >= year)
    }
}

/// One row of the alliance-year similarity table: mean and lowest ("weak-link") dyadic score
/// among the alliance's members in that year. `None` stands for `NA`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct AllianceYearSimilarity {
    pub line: usize,
    pub atopid: u32,
    pub year: i32,
    pub mean_s: Option<f64>,
    pub low_s: Option<f64>,
    pub mean_pi: Option<f64>,
    pub low_pi: Option<f64>,
    pub mean_kappa: Option<f64>,
    pub low_kappa: Option<f64>,
}

/// Reads the ATOP alliance-level file.
pub fn read_alliances<R: BufRead>(name: &str, reader: R) -> Result<(Vec<Alliance>, ImportReport), ImportError> {
    let mut table = Table::open(reader)?;
    let c = AllianceColumns::find(&table.header)?;
    let mut report = ImportReport::new(name);
    let mut out = Vec::new();
    while let Some(line) = table.next_row()? {
        report.rows_read += 1;
        match table.check_width().and_then(|()| c.parse(&table, line)) {
            Ok(a) => out.push(a),
            Err(reason) => report.reject(line, reason),
        }
    }
    report.kept = out.len();
    Ok((out, report))
}

/// Reads the ATOP member-level file.
pub fn read_members<R: BufRead>(name: &str, reader: R) -> Result<(Vec<Membership>, ImportReport), ImportError> {
    let mut table = Table::open(reader)?;
    let c = MemberColumns::find(&table.header)?;
    let mut report = ImportReport::new(name);
    let mut out = Vec::new();
    while let Some(line) = table.next_row()? {
        report.rows_read += 1;
        match table.check_width().and_then(|()| c.parse(&table, line)) {
            Ok(m) => out.push(m),
            Err(reason) => report.reject(line, reason),
        }
    }
    report.kept = out.len();
    Ok((out, report))
}

/// Reads an alliance-year similarity table with the columns of `all-fp-sim.csv` (`atopid`,
/// `year`, `mean.s.sc`, `low.s.sc`, `mean.pi.sc`, `low.pi.sc`, `mean.kap.sc`, `low.kap.sc`);
/// `NA` or an empty cell is a missing value.
pub fn read_similarity<R: BufRead>(
    name: &str,
    reader: R,
) -> Result<(Vec<AllianceYearSimilarity>, ImportReport), ImportError> {
    let mut table = Table::open(reader)?;
    let h = &table.header;
    let atopid = col(h, "atopid")?;
    let year = col(h, "year")?;
    let names = [
        "mean.s.sc",
        "low.s.sc",
        "mean.pi.sc",
        "low.pi.sc",
        "mean.kap.sc",
        "low.kap.sc",
    ];
    let mut cols = [0usize; 6];
    for (slot, n) in cols.iter_mut().zip(names) {
        *slot = col(h, n)?;
    }
    let mut report = ImportReport::new(name);
    let mut out = Vec::new();
    while let Some(line) = table.next_row()? {
        report.rows_read += 1;
        let row = table.check_width().and_then(|()| {
            let mut v = [None; 6];
            for ((slot, &ci), n) in v.iter_mut().zip(&cols).zip(names) {
                *slot = table.opt_f64(ci, n)?;
            }
            Ok(AllianceYearSimilarity {
                line,
                atopid: table.req_uint(atopid, "atopid", u32::MAX as u64)? as u32,
                year: i32::try_from(table.req_int(year, "year")?)
                    .map_err(|_| "column `year`: out of range".to_string())?,
                mean_s: v[0],
                low_s: v[1],
                mean_pi: v[2],
                low_pi: v[3],
                mean_kappa: v[4],
                low_kappa: v[5],
            })
        });
        match row {
            Ok(r) => out.push(r),
            Err(reason) => report.reject(line, reason),
        }
    }
    report.kept = out.len();
    Ok((out, report))
}

/// Positions of the obligation columns, shared by both ATOP files.
struct ObligationColumns([usize; 5]);

const OBLIGATION_NAMES: [&str; 5] = ["defense", "offense", "neutral", "nonagg", "consul"];

impl ObligationColumns {
    fn find(h: &Header) -> Result<ObligationColumns, ImportError> {
        let mut c = [0usize; 5];
        for (slot, n) in c.iter_mut().zip(OBLIGATION_NAMES) {
            *slot = col(h, n)?;
        }
        Ok(ObligationColumns(c))
    }

    fn parse<R>(&self, t: &Table<R>) -> Result<Obligations, String> {
        let f = |i: usize| t.flag(self.0[i], OBLIGATION_NAMES[i]);
        Ok(Obligations {
            defense: f(0)?,
            offense: f(1)?,
            neutral: f(2)?,
            nonagg: f(3)?,
            consul: f(4)?,
        })
    }
}

struct AllianceColumns {
    atopid: usize,
    cowid: usize,
    begin: [usize; 3],
    end: [usize; 3],
    ineffect: usize,
    bilat: usize,
    maxphase: usize,
    wartime: usize,
    conditio: usize,
    asymm: usize,
    obligations: ObligationColumns,
    /// (column, name) of the optional treaty-content codes, in `Alliance` field order.
    content: [(Option<usize>, &'static str); 6],
    members: Vec<(usize, String)>,
}

impl AllianceColumns {
    fn find(h: &Header) -> Result<AllianceColumns, ImportError> {
        // mem1…mem59 by name, sorted by number: ATOP has added member columns across versions.
        let mut members: Vec<(u32, usize, String)> = h
            .names
            .iter()
            .enumerate()
            .filter_map(|(i, n)| {
                let k = n.strip_prefix("mem")?.parse::<u32>().ok()?;
                Some((k, i, n.clone()))
            })
            .collect();
        if members.is_empty() {
            return Err(ImportError::Format {
                line: 1,
                message: "missing column `mem1` (no member columns)".into(),
            });
        }
        members.sort();
        let opt = |n: &'static str| (h.index.get(n).copied(), n);
        Ok(AllianceColumns {
            atopid: col(h, "atopid")?,
            cowid: col(h, "cowid")?,
            begin: [col(h, "begyr")?, col(h, "begmo")?, col(h, "begday")?],
            end: [col(h, "endyr")?, col(h, "endmo")?, col(h, "endday")?],
            ineffect: col(h, "ineffect")?,
            bilat: col(h, "bilat")?,
            maxphase: col(h, "maxphase")?,
            wartime: col(h, "wartime")?,
            conditio: col(h, "conditio")?,
            asymm: col(h, "asymm")?,
            obligations: ObligationColumns::find(h)?,
            content: [
                opt("milcon"),
                opt("milaid"),
                opt("intcom"),
                opt("organ1"),
                opt("base"),
                opt("specthrt"),
            ],
            members: members.into_iter().map(|(_, i, n)| (i, n)).collect(),
        })
    }

    fn parse<R>(&self, t: &Table<R>, line: usize) -> Result<Alliance, String> {
        let mut content = [None; 6];
        for (slot, (ci, n)) in content.iter_mut().zip(self.content) {
            if let Some(ci) = ci {
                *slot = t.opt_uint(ci, n, u8::MAX as u64)?.map(|v| v as u8);
            }
        }
        let mut members = Vec::new();
        for (ci, n) in &self.members {
            if let Some(m) = t.opt_uint(*ci, n, u16::MAX as u64)? {
                members.push(m as u16);
            }
        }
        Ok(Alliance {
            line,
            atopid: t.req_uint(self.atopid, "atopid", u32::MAX as u64)? as u32,
            cowid: t.opt_uint(self.cowid, "cowid", u32::MAX as u64)?.map(|v| v as u32),
            begin: t.date(self.begin, ["begyr", "begmo", "begday"])?,
            end: t.end_date(self.end, ["endyr", "endmo", "endday"])?,
            in_effect: t.flag(self.ineffect, "ineffect")?,
            bilateral: t.flag(self.bilat, "bilat")?,
            max_phase: t.req_uint(self.maxphase, "maxphase", u8::MAX as u64)? as u8,
            wartime: t.flag(self.wartime, "wartime")?,
            obligations: self.obligations.parse(t)?,
            conditional: t.flag(self.conditio, "conditio")?,
            asymmetric: t.flag(self.asymm, "asymm")?,
            military_contact: content[0],
            military_aid: content[1],
            integrated_command: content[2],
            organisation: content[3],
            bases: content[4],
            specific_threat: content[5],
            members,
        })
    }
}

struct MemberColumns {
    atopid: usize,
    member: usize,
    cowsys: usize,
    phase: usize,
    maxphase: usize,
    entry: [usize; 3],
    exit: [usize; 3],
    ineffect: usize,
    bilat: usize,
    conditio: usize,
    obligations: ObligationColumns,
}

impl MemberColumns {
    fn find(h: &Header) -> Result<MemberColumns, ImportError> {
        Ok(MemberColumns {
            atopid: col(h, "atopid")?,
            member: col(h, "member")?,
            cowsys: col(h, "cowsys")?,
            phase: col(h, "phase")?,
            maxphase: col(h, "maxphase")?,
            entry: [col(h, "yrent")?, col(h, "moent")?, col(h, "dayent")?],
            exit: [col(h, "yrexit")?, col(h, "moexit")?, col(h, "dayexit")?],
            ineffect: col(h, "ineffect")?,
            bilat: col(h, "bilat")?,
            conditio: col(h, "conditio")?,
            obligations: ObligationColumns::find(h)?,
        })
    }

    fn parse<R>(&self, t: &Table<R>, line: usize) -> Result<Membership, String> {
        let entry = t.date(self.entry, ["yrent", "moent", "dayent"])?;
        let exit = t.end_date(self.exit, ["yrexit", "moexit", "dayexit"])?;
        if let Some(e) = exit {
            if e.year < entry.year {
                return Err(format!(
                    "exit year {} (column `yrexit`) is before entry year {}",
                    e.year, entry.year
                ));
            }
        }
        Ok(Membership {
            line,
            atopid: t.req_uint(self.atopid, "atopid", u32::MAX as u64)? as u32,
            member: t.req_uint(self.member, "member", u16::MAX as u64)? as u16,
            in_cow_system: t.flag(self.cowsys, "cowsys")?,
            phase: t.req_uint(self.phase, "phase", u8::MAX as u64)? as u8,
            max_phase: t.req_uint(self.maxphase, "maxphase", u8::MAX as u64)? as u8,
            entry,
            exit,
            in_effect: t.flag(self.ineffect, "ineffect")?,
            bilateral: t.flag(self.bilat, "bilat")?,
            obligations: self.obligations.parse(t)?,
            conditional: t.flag(self.conditio, "conditio")?,
        })
    }
}

struct Header {
    names: Vec<String>,
    index: HashMap<String, usize>,
}

fn col(h: &Header, name: &str) -> Result<usize, ImportError> {
    h.index.get(name).copied().ok_or_else(|| ImportError::Format {
        line: 1,
        message: format!("missing column `{name}`"),
    })
}

/// A streaming CSV table: the header, then one row at a time with its physical line number.
/// ATOP files are unquoted; quoted cells (as in `all-fp-sim.csv`'s header) are unwrapped, and a
/// quoted cell may hold commas, but not line breaks.
struct Table<R> {
    reader: R,
    buf: Vec<u8>,
    line: usize,
    header: Header,
    /// The current row's cells, as ranges into `text` (one buffer reused for every row).
    text: String,
    cells: Vec<(usize, usize)>,
}

impl<R: BufRead> Table<R> {
    fn open(mut reader: R) -> Result<Table<R>, ImportError> {
        let mut buf = Vec::new();
        if reader.read_until(b'\n', &mut buf)? == 0 {
            return Err(ImportError::Format {
                line: 1,
                message: "empty file: no header".into(),
            });
        }
        let text = decode(&buf).map_err(|m| ImportError::Format { line: 1, message: m })?;
        if text.trim().is_empty() {
            return Err(ImportError::Format {
                line: 1,
                message: "no header: line 1 is blank".into(),
            });
        }
        let names: Vec<String> = split(text).into_iter().map(|c| c.trim().to_string()).collect();
        let mut index = HashMap::new();
        for (i, n) in names.iter().enumerate() {
            if n.is_empty() {
                continue;
            }
            if index.insert(n.clone(), i).is_some() {
                return Err(ImportError::Format {
                    line: 1,
                    message: format!("duplicated column `{n}`"),
                });
            }
        }
        Ok(Table {
            reader,
            buf,
            line: 1,
            header: Header { names, index },
            text: String::new(),
            cells: Vec::new(),
        })
    }

    /// Advances to the next non-blank row and returns its line number; `None` at the end.
    /// A row that is not text is kept as one cell so that it is rejected with its line.
    fn next_row(&mut self) -> Result<Option<usize>, ImportError> {
        loop {
            self.buf.clear();
            if self.reader.read_until(b'\n', &mut self.buf)? == 0 {
                return Ok(None);
            }
            self.line += 1;
            self.cells.clear();
            self.text.clear();
            match decode(&self.buf) {
                Ok(text) => {
                    if text.trim().is_empty() {
                        continue;
                    }
                    for c in split(text) {
                        let start = self.text.len();
                        self.text.push_str(&c);
                        self.cells.push((start, self.text.len()));
                    }
                }
                Err(_) => {
                    self.text.push('\u{fffd}');
                    self.cells.push((0, self.text.len()));
                }
            }
            return Ok(Some(self.line));
        }
    }
}

impl<R> Table<R> {
    fn check_width(&self) -> Result<(), String> {
        let (got, want) = (self.cells.len(), self.header.names.len());
        if got == 1 && self.cell(0) == "\u{fffd}" {
            return Err("the line is not valid UTF-8 text".into());
        }
        if got != want {
            return Err(format!(
                "expected {want} fields as in the header, found {got} (truncated or extended row)"
            ));
        }
        Ok(())
    }

    fn cell(&self, i: usize) -> &str {
        self.cells
            .get(i)
            .and_then(|&(a, b)| self.text.get(a..b))
            .map_or("", str::trim)
    }

    /// A whole number, or `None` for an empty cell. `4.0` reads as 4 (files re-saved by pandas or
    /// R write floats in columns that have missing values).
    fn opt_int(&self, i: usize, name: &str) -> Result<Option<i64>, String> {
        let s = self.cell(i);
        if s.is_empty() {
            return Ok(None);
        }
        if let Ok(v) = s.parse::<i64>() {
            return Ok(Some(v));
        }
        match s.parse::<f64>() {
            Ok(f) if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e15 => Ok(Some(f as i64)),
            _ => Err(format!("column `{name}`: `{s}` is not a whole number")),
        }
    }

    fn req_int(&self, i: usize, name: &str) -> Result<i64, String> {
        self.opt_int(i, name)?
            .ok_or_else(|| format!("column `{name}` is empty"))
    }

    fn opt_uint(&self, i: usize, name: &str, max: u64) -> Result<Option<u64>, String> {
        match self.opt_int(i, name)? {
            None => Ok(None),
            Some(v) if v >= 0 && (v as u64) <= max => Ok(Some(v as u64)),
            Some(v) => Err(format!("column `{name}`: {v} is out of range (0–{max})")),
        }
    }

    fn req_uint(&self, i: usize, name: &str, max: u64) -> Result<u64, String> {
        self.opt_uint(i, name, max)?
            .ok_or_else(|| format!("column `{name}` is empty"))
    }

    fn flag(&self, i: usize, name: &str) -> Result<bool, String> {
        match self.req_int(i, name)? {
            0 => Ok(false),
            1 => Ok(true),
            v => Err(format!("column `{name}`: {v} is not 0 or 1")),
        }
    }

    fn opt_f64(&self, i: usize, name: &str) -> Result<Option<f64>, String> {
        let s = self.cell(i);
        if s.is_empty() || s == "NA" {
            return Ok(None);
        }
        match s.parse::<f64>() {
            Ok(v) if v.is_finite() => Ok(Some(v)),
            _ => Err(format!("column `{name}`: `{s}` is not a number")),
        }
    }

    /// A date whose year is required; an empty month or day reads as 0 (unknown).
    fn date(&self, c: [usize; 3], names: [&str; 3]) -> Result<AtopDate, String> {
        let year = self.req_int(c[0], names[0])?;
        if !(0..=9999).contains(&year) {
            return Err(format!("column `{}`: {year} is not a year", names[0]));
        }
        let month = self.opt_uint(c[1], names[1], 12)?.unwrap_or(0) as u8;
        let day = self.opt_uint(c[2], names[2], 31)?.unwrap_or(0) as u8;
        Ok(AtopDate {
            year: year as i32,
            month,
            day,
        })
    }

    /// An end or exit date: year 0 means ongoing.
    fn end_date(&self, c: [usize; 3], names: [&str; 3]) -> Result<Option<AtopDate>, String> {
        let d = self.date(c, names)?;
        Ok(if d.year == 0 { None } else { Some(d) })
    }
}

/// A line's text without its line ending; an error when it is not UTF-8.
fn decode(buf: &[u8]) -> Result<&str, String> {
    let mut b = buf;
    if let Some(x) = b.strip_suffix(b"\n") {
        b = x;
    }
    if let Some(x) = b.strip_suffix(b"\r") {
        b = x;
    }
    // A UTF-8 byte-order mark (Excel writes one) is not part of the first column's name.
    if let Some(x) = b.strip_prefix(b"\xEF\xBB\xBF") {
        b = x;
    }
    std::str::from_utf8(b).map_err(|_| "the line is not valid UTF-8 text".to_string())
}

/// Splits a CSV line into cells, unwrapping double-quoted cells (`""` inside is one quote).
fn split(line: &str) -> Vec<Cow<'_, str>> {
    let mut out = Vec::new();
    let bytes = line.as_bytes();
    let mut i = 0;
    loop {
        if bytes.get(i) == Some(&b'"') {
            let mut s = String::new();
            let mut j = i + 1;
            let mut start = j;
            let mut closed = false;
            while j < bytes.len() {
                if bytes[j] == b'"' {
                    s.push_str(&line[start..j]);
                    if bytes.get(j + 1) == Some(&b'"') {
                        s.push('"');
                        j += 2;
                        start = j;
                        continue;
                    }
                    j += 1;
                    closed = true;
                    break;
                }
                j += 1;
            }
            if closed {
                // Text after the closing quote belongs to the same cell.
                let end = memchr_comma(bytes, j).unwrap_or(bytes.len());
                s.push_str(&line[j..end]);
                j = end;
            } else {
                // Unterminated quote: keep the rest of the line as written.
                s.push_str(&line[start.min(bytes.len())..]);
                j = bytes.len();
            }
            out.push(Cow::Owned(s));
            i = j;
        } else {
            let end = memchr_comma(bytes, i).unwrap_or(bytes.len());
            out.push(Cow::Borrowed(&line[i..end]));
            i = end;
        }
        if i >= bytes.len() {
            break;
        }
        i += 1; // past the comma
    }
    out
}

fn memchr_comma(bytes: &[u8], from: usize) -> Option<usize> {
    bytes.get(from..)?.iter().position(|&b| b == b',').map(|p| p + from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_handles_quotes_and_empty_cells() {
        let v: Vec<String> = split(r#""atopid","year",a,,"x,y","q""q""#)
            .into_iter()
            .map(|c| c.into_owned())
            .collect();
        assert_eq!(v, ["atopid", "year", "a", "", "x,y", "q\"q"]);
        assert_eq!(split("").len(), 1);
        assert_eq!(split("a,").len(), 2);
        // Unterminated quote: no panic, the rest is kept.
        assert_eq!(split("\"abc,d").len(), 1);
        assert_eq!(split("\"ab\"c,d").len(), 2);
    }

    #[test]
    fn float_written_whole_numbers_read_as_integers() {
        let data = "atopid,year,mean.s.sc,low.s.sc,mean.pi.sc,low.pi.sc,mean.kap.sc,low.kap.sc\n1020.0,1816,NA,,0.5,0.4,0.3,0.2\n";
        let (rows, report) = read_similarity("t", data.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(report.kept, 1);
        assert_eq!(rows[0].atopid, 1020);
        assert_eq!(rows[0].mean_s, None);
        assert_eq!(rows[0].low_s, None);
        assert_eq!(rows[0].mean_pi, Some(0.5));
    }
}
