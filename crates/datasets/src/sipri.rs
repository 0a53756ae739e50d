//! Reader for the SIPRI Arms Transfers Database trade register (the CSV export), exactly as SIPRI
//! publishes it.
//!
//! The export has quirks every analyst trips over, and this reader handles each one:
//! - it is Windows-1252, not UTF-8: each record is decoded as UTF-8 when it is valid UTF-8 and as
//!   Windows-1252 otherwise (so `0x96` is '–' and `0xFC` 'ü', not a control character and a
//!   Latin-1 guess), and a re-saved UTF-8 copy reads the same;
//! - a free-text preamble precedes the header (found by its first column, `Recipient`);
//! - three header cells are a single space: they hold `?` (uncertain) for the year of order, the
//!   number ordered and the number delivered, and become the `*_uncertain` flags;
//! - `Year(s) of delivery` is a `; `-separated list;
//! - a newline left inside a comment breaks a record over two lines; the reader joins the parts
//!   (counting one record, reported at its first line) when the break falls in a free-text column
//!   and the two parts together have exactly the header's field count;
//! - parties are states, `*` non-state actors, `**` international organisations, or
//!   "unknown …"; states and organisations resolve to entente ids through [`crate::codes`].
//!
//! The register is streamed line by line; `progress` receives the bytes consumed so far. Records
//! with the wrong number of fields or unreadable values are rejected with their line and the
//! reason, and the rest of the file is still read.

use crate::codes::{organisation_by_sipri_name, Crosswalk};
use crate::report::{ImportError, ImportReport};
use serde::Serialize;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::io::BufRead;
use std::sync::Arc;

/// How SIPRI describes the weapons' state when transferred.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Status {
    New,
    SecondHand,
    SecondHandModernized,
}

impl Status {
    fn parse(s: &str) -> Option<Status> {
        if s.eq_ignore_ascii_case("New") {
            Some(Status::New)
        } else if s.eq_ignore_ascii_case("Second hand") {
            Some(Status::SecondHand)
        } else if s.eq_ignore_ascii_case("Second hand but modernized") {
            Some(Status::SecondHandModernized)
        } else {
            None
        }
    }
}

/// What kind of party SIPRI says a recipient or supplier is (from its markers).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum PartyKind {
    /// No marker. Resolved to an entente id through the crosswalk, where it has one.
    State,
    /// Marked `**`: resolved to the organisation's entente id.
    Organisation,
    /// Marked `*` (rebel groups, militias, liberation movements): no entente id.
    NonState,
    /// "unknown recipient(s)", "unknown supplier(s)": no entente id.
    Unknown,
}

/// One record of the trade register: one deal.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Deal {
    /// 1-based line where the record starts.
    pub line: usize,
    /// Physical lines the record spans (2 for the records broken by a newline in a comment).
    pub lines: usize,
    /// The recipient as written, markers included (`United Nations**`). Party names and ids are
    /// shared (`Arc<str>`): a register names some 250 parties over 30,000 deals.
    pub recipient: Arc<str>,
    pub recipient_id: Option<Arc<str>>,
    pub recipient_kind: PartyKind,
    pub supplier: Arc<str>,
    pub supplier_id: Option<Arc<str>>,
    pub supplier_kind: PartyKind,
    pub order_year: Option<i32>,
    pub order_year_uncertain: bool,
    /// Empty in the register when not yet known.
    pub ordered: Option<u32>,
    pub ordered_uncertain: bool,
    pub designation: String,
    pub description: String,
    pub delivered: Option<u32>,
    pub delivered_uncertain: bool,
    pub delivery_years: Vec<i32>,
    pub status: Status,
    pub comments: String,
    /// SIPRI trend-indicator values, in millions.
    pub tiv_per_unit: Option<f64>,
    pub tiv_order: Option<f64>,
    /// Total TIV delivered over all delivery years; `0` means between 0 and 0.5 (SIPRI's rounding).
    pub tiv_delivered: Option<f64>,
}

/// The named columns of the register, as in its header. `uncertain` marks those followed by an
/// unnamed `?` column.
const NAMED: [&str; 13] = [
    "Recipient",
    "Supplier",
    "Year of order",
    "Number ordered",
    "Weapon designation",
    "Weapon description",
    "Number delivered",
    "Year(s) of delivery",
    "status",
    "Comments",
    "SIPRI TIV per unit",
    "SIPRI TIV for total order",
    "SIPRI TIV of delivered weapons",
];
const RECIPIENT: usize = 0;
const SUPPLIER: usize = 1;
const ORDER_YEAR: usize = 2;
const ORDERED: usize = 3;
const DESIGNATION: usize = 4;
const DESCRIPTION: usize = 5;
const DELIVERED: usize = 6;
const DELIVERY_YEARS: usize = 7;
const STATUS: usize = 8;
const COMMENTS: usize = 9;
const TIV_UNIT: usize = 10;
const TIV_ORDER: usize = 11;
const TIV_DELIVERED: usize = 12;

/// The header is searched for in the first lines only, so that a wrong file fails fast.
const MAX_PREAMBLE: usize = 100;

/// Where each column is in the file.
struct Layout {
    ncols: usize,
    named: [usize; 13],
    /// Position of the `?` column after year of order, number ordered, number delivered.
    uncertain: [Option<usize>; 3],
    /// Columns whose text may contain a stray newline (where a broken record may be rejoined).
    free_text: Vec<usize>,
}

impl Layout {
    fn from_header(fields: &[&str], line: usize) -> Result<Layout, ImportError> {
        let fmt = |message: String| ImportError::Format { line, message };
        let mut named = [usize::MAX; 13];
        let mut uncertain = [None; 3];
        for (i, raw) in fields.iter().enumerate() {
            let h = raw.trim();
            if h.is_empty() {
                // An unnamed column: the `?` flags of the named column before it.
                let prev = i.checked_sub(1).and_then(|p| (0..13).find(|&k| named[k] == p));
                let slot = match prev {
                    Some(ORDER_YEAR) => 0,
                    Some(ORDERED) => 1,
                    Some(DELIVERED) => 2,
                    _ => continue,
                };
                uncertain[slot] = Some(i);
                continue;
            }
            if let Some(k) = NAMED.iter().position(|n| n.eq_ignore_ascii_case(h)) {
                if named[k] != usize::MAX {
                    return Err(fmt(format!(
                        "duplicate column '{}' (columns {} and {})",
                        NAMED[k],
                        named[k] + 1,
                        i + 1
                    )));
                }
                named[k] = i;
            }
        }
        if let Some(k) = named.iter().position(|&p| p == usize::MAX) {
            return Err(fmt(format!("missing column '{}'", NAMED[k])));
        }
        let free_text = vec![named[DESIGNATION], named[DESCRIPTION], named[COMMENTS]];
        Ok(Layout {
            ncols: fields.len(),
            named,
            uncertain,
            free_text,
        })
    }
}

/// Physical lines as bytes, with their numbers and a one-line lookahead, counting bytes for
/// `progress`. Bytes, because decoding waits until a field is kept as text.
struct Lines<R> {
    reader: R,
    line: usize,
    bytes: u64,
    /// The peeked line's number; its bytes are in `spare`.
    peeked: Option<usize>,
    spare: Vec<u8>,
}

/// Appends one physical line to `out` without its terminator; false at the end of the input.
fn read_line<R: BufRead>(
    reader: &mut R,
    line: &mut usize,
    bytes: &mut u64,
    out: &mut Vec<u8>,
) -> std::io::Result<bool> {
    let n = reader.read_until(b'\n', out)?;
    if n == 0 {
        return Ok(false);
    }
    *bytes += n as u64;
    *line += 1;
    if out.last() == Some(&b'\n') {
        out.pop();
    }
    if out.last() == Some(&b'\r') {
        out.pop();
    }
    Ok(true)
}

impl<R: BufRead> Lines<R> {
    fn new(reader: R) -> Self {
        Lines {
            reader,
            line: 0,
            bytes: 0,
            peeked: None,
            spare: Vec::new(),
        }
    }

    /// Appends the next line to `out` and returns its number.
    fn next_into(&mut self, out: &mut Vec<u8>) -> Result<Option<usize>, ImportError> {
        if let Some(line) = self.peeked.take() {
            out.extend_from_slice(&self.spare);
            return Ok(Some(line));
        }
        Ok(read_line(&mut self.reader, &mut self.line, &mut self.bytes, out)?.then_some(self.line))
    }

    fn peek(&mut self) -> Result<Option<&[u8]>, ImportError> {
        if self.peeked.is_none() {
            self.spare.clear();
            if !read_line(&mut self.reader, &mut self.line, &mut self.bytes, &mut self.spare)? {
                return Ok(None);
            }
            self.peeked = Some(self.line);
        }
        Ok(Some(&self.spare))
    }
}

/// Text of a field: UTF-8 when the record is valid UTF-8, else Windows-1252 (SIPRI's encoding:
/// Latin-1 but for 0x80–0x9F, which hold dashes, quotes and the euro sign rather than control
/// characters). Windows-1252 text is almost never valid UTF-8 once it has a non-ASCII byte, so
/// this reads both SIPRI's export and a copy re-saved as UTF-8.
fn text(bytes: &[u8], utf8: bool) -> String {
    match std::str::from_utf8(bytes) {
        // Fields are cut at ASCII commas, so in a valid UTF-8 record every field is valid UTF-8.
        Ok(s) if utf8 || s.is_ascii() => s.to_owned(),
        _ => encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}

/// Splits a record into field ranges. Records without quotes (all of SIPRI's) split on commas and
/// the ranges point into `rec`; quoted fields (`"a, b"`, `""` for a quote) are unescaped into
/// `unquoted`, and the ranges point there. Returns whether they point into `unquoted`.
fn split(rec: &[u8], unquoted: &mut Vec<u8>, ranges: &mut Vec<(usize, usize)>) -> bool {
    ranges.clear();
    let mut from = 0;
    // A plain loop: fields are a few bytes long, too short for SIMD search to pay.
    for (i, &b) in rec.iter().enumerate() {
        if b == b',' {
            ranges.push((from, i));
            from = i + 1;
        } else if b == b'"' {
            split_quoted(rec, unquoted, ranges);
            return true;
        }
    }
    ranges.push((from, rec.len()));
    false
}

fn split_quoted(rec: &[u8], unquoted: &mut Vec<u8>, ranges: &mut Vec<(usize, usize)>) {
    ranges.clear();
    unquoted.clear();
    quotes(rec, Some((unquoted, ranges)));
}

/// Where [`quotes`] writes: the unescaped bytes, and each field's range in them.
type Unquoted<'a> = (&'a mut Vec<u8>, &'a mut Vec<(usize, usize)>);

/// Walks a record with quoting as in RFC 4180: a field that starts with `"` is quoted up to the
/// next lone `"`, with `""` standing for a quote; elsewhere a `"` is a literal character (a stray
/// `5"` in a comment must not swallow the rest of the file). Writes the unescaped fields when
/// asked; returns whether the record ends inside a quoted field.
fn quotes(rec: &[u8], mut out: Option<Unquoted<'_>>) -> bool {
    let mut quoted = false;
    let mut at_start = true;
    let mut from = 0;
    let mut i = 0;
    while i < rec.len() {
        let b = rec[i];
        let mut keep = None;
        if quoted {
            if b == b'"' {
                if rec.get(i + 1) == Some(&b'"') {
                    keep = Some(b'"');
                    i += 1;
                } else {
                    quoted = false;
                }
            } else {
                keep = Some(b);
            }
        } else if b == b'"' && at_start {
            quoted = true;
        } else if b == b',' {
            if let Some((buf, ranges)) = out.as_mut() {
                ranges.push((from, buf.len()));
                from = buf.len();
            }
            at_start = true;
            i += 1;
            continue;
        } else {
            keep = Some(b);
        }
        at_start = false;
        if let (Some(b), Some((buf, _))) = (keep, out.as_mut()) {
            buf.push(b);
        }
        i += 1;
    }
    if let Some((buf, ranges)) = out {
        ranges.push((from, buf.len()));
    }
    quoted
}

/// Whether the record ends inside a quoted field (a newline inside quotes).
fn open_quote(rec: &[u8]) -> bool {
    memchr::memchr(b'"', rec).is_some() && quotes(rec, None)
}

fn field_count(rec: &[u8]) -> usize {
    let mut unquoted = Vec::new();
    let mut ranges = Vec::new();
    split(rec, &mut unquoted, &mut ranges);
    ranges.len()
}

fn blank(rec: &[u8]) -> bool {
    rec.iter().all(u8::is_ascii_whitespace)
}

/// Reads a trade register. See the module documentation for what is accepted; `name` is the file's
/// display name in the report and in errors.
pub fn read<R: BufRead>(
    name: &str,
    reader: R,
    progress: &mut dyn FnMut(u64),
) -> Result<(Vec<Deal>, ImportReport), ImportError> {
    let crosswalk = Crosswalk::shipped()?;
    let mut lines = Lines::new(reader);
    let mut report = ImportReport::new(name);
    let mut rec: Vec<u8> = Vec::with_capacity(1024);

    // The preamble ends at the header, whose first cell is "Recipient".
    let layout = loop {
        rec.clear();
        let Some(line) = lines.next_into(&mut rec)? else {
            return Err(if lines.line == 0 {
                ImportError::Format {
                    line: 1,
                    message: "empty file".into(),
                }
            } else {
                ImportError::Format {
                    line: lines.line,
                    message: "no header line (one starting 'Recipient,Supplier,') in the file".into(),
                }
            });
        };
        if memchr::memchr(0, &rec).is_some() {
            return Err(ImportError::Format {
                line,
                message: "NUL bytes: this looks like UTF-16 or binary data, not SIPRI's CSV export".into(),
            });
        }
        let header = text(&rec, std::str::from_utf8(&rec).is_ok());
        let header = header.trim_start_matches('\u{feff}');
        let first = header.split(',').next().unwrap_or("").trim().trim_matches('"');
        if first.eq_ignore_ascii_case("Recipient") {
            let mut unquoted = Vec::new();
            let mut ranges = Vec::new();
            let src = if split(header.as_bytes(), &mut unquoted, &mut ranges) {
                &unquoted[..]
            } else {
                header.as_bytes()
            };
            let cells: Vec<String> = ranges.iter().map(|&(a, b)| text(&src[a..b], true)).collect();
            let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
            break Layout::from_header(&cells, line)?;
        }
        if line >= MAX_PREAMBLE {
            return Err(ImportError::Format {
                line,
                message: format!(
                    "no header line (one starting 'Recipient,Supplier,') in the first {MAX_PREAMBLE} lines"
                ),
            });
        }
    };

    let mut parties: Parties = HashMap::default();
    let mut deals = Vec::new();
    let mut unquoted = Vec::new();
    let mut ranges = Vec::with_capacity(layout.ncols + 4);
    let mut last_progress = 0u64;

    loop {
        rec.clear();
        let Some(start) = lines.next_into(&mut rec)? else { break };
        if blank(&rec) {
            continue;
        }
        let mut physical = 1;
        // A newline inside a quoted field continues the record.
        while open_quote(&rec) {
            rec.push(b'\n');
            if lines.next_into(&mut rec)?.is_none() {
                rec.pop();
                break;
            }
            physical += 1;
        }
        report.rows_read += 1;
        if open_quote(&rec) {
            report.reject(start, "unterminated quoted field at the end of the file");
            continue;
        }
        // A newline left unquoted in a free-text column: rejoin with the next line when that gives
        // exactly the header's field count.
        let mut quoted = split(&rec, &mut unquoted, &mut ranges);
        let n = ranges.len();
        if n < layout.ncols && layout.free_text.contains(&(n - 1)) {
            if let Some(next) = lines.peek()? {
                if !blank(next) && n + field_count(next) - 1 == layout.ncols {
                    rec.push(b'\n');
                    lines.next_into(&mut rec)?;
                    physical += 1;
                    quoted = split(&rec, &mut unquoted, &mut ranges);
                }
            }
        }
        let utf8 = rec.is_ascii() || std::str::from_utf8(&rec).is_ok();
        let src = if quoted { &unquoted[..] } else { &rec[..] };
        let record = Record {
            src,
            ranges: &ranges,
            utf8,
        };
        match parse_record(&layout, &record, start, physical, crosswalk, &mut parties) {
            Ok(deal) => {
                deals.push(deal);
                report.kept += 1;
            }
            Err(reason) => report.reject(start, reason),
        }
        if lines.bytes - last_progress >= 1 << 16 {
            last_progress = lines.bytes;
            progress(lines.bytes);
        }
    }
    progress(lines.bytes);
    Ok((deals, report))
}

/// A record's fields, as ranges into its bytes.
struct Record<'a> {
    src: &'a [u8],
    ranges: &'a [(usize, usize)],
    utf8: bool,
}

impl Record<'_> {
    fn raw(&self, i: usize) -> &[u8] {
        let (a, b) = self.ranges[i];
        self.src[a..b].trim_ascii()
    }
}

/// A party as written, resolved.
#[derive(Clone)]
struct Party {
    name: Arc<str>,
    id: Option<Arc<str>>,
    kind: PartyKind,
}

/// Parties by their bytes as written. Keys are short and trusted to be few, so FNV-1a instead of
/// SipHash (whose DoS resistance buys nothing here).
type Parties = HashMap<Box<[u8]>, Party, BuildHasherDefault<Fnv>>;

#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = h;
    }
}

fn parse_record(
    layout: &Layout,
    rec: &Record<'_>,
    line: usize,
    lines: usize,
    crosswalk: &Crosswalk,
    parties: &mut Parties,
) -> Result<Deal, String> {
    if rec.ranges.len() != layout.ncols {
        return Err(format!("expected {} fields, found {}", layout.ncols, rec.ranges.len()));
    }
    if memchr::memchr(0, rec.src).is_some() {
        return Err("NUL bytes in the line (binary data, or UTF-16 text)".into());
    }
    let col = |k: usize| rec.raw(layout.named[k]);
    // Values quoted in messages are decoded the same way as kept text.
    let shown = |b: &[u8]| text(b, rec.utf8);
    let flag = |slot: usize, after: usize| -> Result<bool, String> {
        match layout.uncertain[slot].map(|p| rec.raw(p)) {
            None | Some(b"") => Ok(false),
            Some(b"?") => Ok(true),
            Some(other) => Err(format!(
                "column after '{}': expected '?' or nothing, found '{}'",
                NAMED[after],
                shown(other)
            )),
        }
    };
    let status_raw = col(STATUS);
    let status = std::str::from_utf8(status_raw)
        .ok()
        .and_then(Status::parse)
        .ok_or_else(|| {
            format!(
                "column 'status': '{}' is not one of 'New', 'Second hand', 'Second hand but modernized'",
                shown(status_raw)
            )
        })?;
    let mut party_of = |k: usize| -> Result<Party, String> {
        let raw = col(k);
        if raw.is_empty() {
            return Err(format!("column '{}' is empty", NAMED[k]));
        }
        if let Some(p) = parties.get(raw) {
            return Ok(p.clone());
        }
        let p = party(text(raw, rec.utf8), crosswalk);
        parties.insert(raw.into(), p.clone());
        Ok(p)
    };
    let recipient = party_of(RECIPIENT)?;
    let supplier = party_of(SUPPLIER)?;
    Ok(Deal {
        line,
        lines,
        recipient: recipient.name,
        recipient_id: recipient.id,
        recipient_kind: recipient.kind,
        supplier: supplier.name,
        supplier_id: supplier.id,
        supplier_kind: supplier.kind,
        order_year: year(col(ORDER_YEAR), ORDER_YEAR, shown)?,
        order_year_uncertain: flag(0, ORDER_YEAR)?,
        ordered: count(col(ORDERED), ORDERED, shown)?,
        ordered_uncertain: flag(1, ORDERED)?,
        designation: text(col(DESIGNATION), rec.utf8),
        description: text(col(DESCRIPTION), rec.utf8),
        delivered: count(col(DELIVERED), DELIVERED, shown)?,
        delivered_uncertain: flag(2, DELIVERED)?,
        delivery_years: years(col(DELIVERY_YEARS), shown)?,
        status,
        comments: text(col(COMMENTS), rec.utf8),
        tiv_per_unit: tiv(col(TIV_UNIT), TIV_UNIT, shown)?,
        tiv_order: tiv(col(TIV_ORDER), TIV_ORDER, shown)?,
        tiv_delivered: tiv(col(TIV_DELIVERED), TIV_DELIVERED, shown)?,
    })
}

/// Resolves a party name: the markers say what it is, the crosswalk which actor.
fn party(name: String, crosswalk: &Crosswalk) -> Party {
    let (id, kind) = if name.ends_with("**") {
        (
            organisation_by_sipri_name(&name).map(Arc::from),
            PartyKind::Organisation,
        )
    } else if name.ends_with('*') {
        (None, PartyKind::NonState)
    } else if name.get(..7).is_some_and(|p| p.eq_ignore_ascii_case("unknown")) {
        (None, PartyKind::Unknown)
    } else {
        (
            crosswalk.by_sipri_name(&name).map(|c| Arc::from(c.id.as_str())),
            PartyKind::State,
        )
    };
    Party {
        name: name.into(),
        id,
        kind,
    }
}

fn digits(s: &[u8]) -> Option<u64> {
    if s.is_empty() || s.len() > 15 || !s.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(s.iter().fold(0u64, |n, b| n * 10 + u64::from(b - b'0')))
}

fn year(s: &[u8], k: usize, shown: impl Fn(&[u8]) -> String) -> Result<Option<i32>, String> {
    if s.is_empty() {
        return Ok(None);
    }
    match digits(s) {
        Some(y @ 1000..=2999) => Ok(Some(y as i32)),
        _ => Err(format!("column '{}': '{}' is not a year", NAMED[k], shown(s))),
    }
}

fn count(s: &[u8], k: usize, shown: impl Fn(&[u8]) -> String) -> Result<Option<u32>, String> {
    if s.is_empty() {
        return Ok(None);
    }
    digits(s)
        .and_then(|n| u32::try_from(n).ok())
        .map(Some)
        .ok_or_else(|| format!("column '{}': '{}' is not a whole number", NAMED[k], shown(s)))
}

fn years(s: &[u8], shown: impl Fn(&[u8]) -> String) -> Result<Vec<i32>, String> {
    if s.is_empty() {
        return Ok(Vec::new());
    }
    let mut out = Vec::with_capacity(s.iter().filter(|&&b| b == b';').count() + 1);
    for y in s.split(|&b| b == b';') {
        match digits(y.trim_ascii()) {
            Some(v @ 1000..=2999) => out.push(v as i32),
            _ => {
                return Err(format!(
                    "column '{}': '{}' is not a year (in '{}')",
                    NAMED[DELIVERY_YEARS],
                    shown(y.trim_ascii()),
                    shown(s)
                ))
            }
        }
    }
    Ok(out)
}

/// A plain decimal (`12`, `0.15`): digits with at most one point. Not `str::parse`, which would
/// also take "inf", "NaN" and "1e3". Up to 15 significant digits the value is the integer over a
/// power of ten, both exact in an f64, and the division rounds correctly, as parsing would.
fn tiv(s: &[u8], k: usize, shown: impl Fn(&[u8]) -> String) -> Result<Option<f64>, String> {
    if s.is_empty() {
        return Ok(None);
    }
    let bad = || format!("column '{}': '{}' is not a number", NAMED[k], shown(s));
    let (int, frac) = match memchr::memchr(b'.', s) {
        Some(p) => (&s[..p], &s[p + 1..]),
        None => (s, &s[s.len()..]),
    };
    if (int.is_empty() && frac.is_empty()) || !int.iter().chain(frac).all(u8::is_ascii_digit) {
        return Err(bad());
    }
    if int.len() + frac.len() <= 15 {
        let mantissa = int.iter().chain(frac).fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
        return Ok(Some(mantissa as f64 / 10f64.powi(frac.len() as i32)));
    }
    // Long numbers: let the standard parser round them.
    std::str::from_utf8(s)
        .ok()
        .and_then(|t| t.parse::<f64>().ok())
        .map(Some)
        .ok_or_else(bad)
}

/// SIPRI's armament category of a deal, from its weapon description (the register's export has
/// no category column). SIPRI defines the categories by what the weapon is; the description names
/// it in a small, regular vocabulary ("APC", "FGA aircraft", "SAM system", "towed gun",
/// "anti-submarine torpedo", "air search radar"), read here in order: satellites; engines;
/// sensors (radars, sonars, electro-optical systems); naval weapons (shipborne guns and SAM
/// systems); air defence systems (land SAM systems, anti-aircraft guns); missiles (guided
/// missiles, torpedoes, guided bombs); aircraft (including helicopters and UAVs); armoured
/// vehicles; artillery (guns, howitzers, rocket launchers, mortars); ships. Anything else is
/// `Other`.
pub fn category_of(description: &str) -> entente_model::WeaponCategory {
    use entente_model::WeaponCategory as C;
    let d = description.to_ascii_lowercase();
    let words: Vec<&str> = d
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let word = |w: &[&str]| words.iter().any(|x| w.contains(x));
    let phrase = |p: &[&str]| p.iter().any(|x| d.contains(x));
    if word(&["satellite"]) {
        C::Satellites
    } else if word(&["engine", "turbofan", "turbojet", "turboprop", "turboshaft", "diesel"]) || phrase(&["gas turbine"])
    {
        C::Engines
    } else if word(&["radar", "sonar", "sensor"])
        || phrase(&[
            "eo system",
            "eo/ir",
            "eo search",
            "search system",
            "intelligence system",
        ])
    {
        C::Sensors
    } else if phrase(&["naval gun", "naval sam", "ciws", "shipborne", "ship-borne"]) {
        C::NavalWeapons
    } else if phrase(&[
        "sam system",
        "anti-aircraft gun",
        "aa gun",
        "air defence system",
        "air-defence system",
        "ad system",
        "abm system",
    ]) {
        C::AirDefence
    } else if word(&["missile", "sam", "torpedo", "bomb", "aam", "asm", "ssm"])
        || phrase(&["guided rocket", "guided shell"])
    {
        C::Missiles
    } else if word(&["aircraft", "helicopter", "uav", "ucav", "drone", "airship"]) {
        C::Aircraft
    } else if word(&["tank", "apc", "apv", "ifv", "armoured", "armored"])
        || phrase(&["infantry fighting", "fire-support vehicle"])
    {
        C::ArmouredVehicles
    } else if word(&["gun", "howitzer", "mrl", "mortar"]) || phrase(&["rocket launcher"]) {
        C::Artillery
    } else if word(&[
        "ship",
        "boat",
        "craft",
        "frigate",
        "destroyer",
        "corvette",
        "submarine",
        "minesweeper",
        "minehunter",
        "tanker",
        "opv",
        "cruiser",
        "carrier",
        "icebreaker",
        "gunboat",
        "tug",
        "minelayer",
    ]) {
        C::Ships
    } else {
        C::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "Recipient,Supplier,Year of order, ,Number ordered, ,Weapon designation,Weapon description,Number delivered, ,Year(s) of delivery,status,Comments,SIPRI TIV per unit,SIPRI TIV for total order,SIPRI TIV of delivered weapons\n";

    fn read_str(body: &str) -> (Vec<Deal>, ImportReport) {
        let text = format!("preamble\n\n{HEADER}{body}");
        read("t.csv", text.as_bytes(), &mut |_| {}).expect("readable")
    }

    #[test]
    fn parses_a_line() {
        let (deals, report) = read_str(
            "Poland,South Korea,2022,,180,,K2 Black Panther,tank,84,,2022; 2023; 2024,New,$3.3 b deal,4.75,855,399\n",
        );
        assert_eq!(report.kept, 1);
        let d = &deals[0];
        assert_eq!(d.line, 4);
        assert_eq!(d.recipient_id.as_deref(), Some("POL"));
        assert_eq!(d.supplier_id.as_deref(), Some("KOR"));
        assert_eq!(d.delivery_years, vec![2022, 2023, 2024]);
        assert_eq!(d.tiv_delivered, Some(399.0));
    }

    #[test]
    fn quoted_fields_and_embedded_newlines() {
        let (deals, report) =
            read_str("Poland,South Korea,2022,?,180,,K2,tank,84,,2022,New,\"a, quoted\nnote\",4.75,855,399\n");
        assert_eq!((report.rows_read, report.kept), (1, 1), "{report}");
        assert_eq!(deals[0].comments, "a, quoted\nnote");
        assert_eq!(deals[0].lines, 2);
        assert!(deals[0].order_year_uncertain);
    }

    #[test]
    fn tiv_reads_plain_decimals_only() {
        let shown = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
        for bad in ["inf", "NaN", "1e3", "1.2.3", ".", "-1", "1,5", " 1"] {
            assert!(tiv(bad.as_bytes(), TIV_UNIT, shown).is_err(), "{bad}");
        }
        for good in [
            "0.15",
            "4.75",
            "855",
            "1336.72",
            "0",
            ".5",
            "5.",
            "0.0299999999999999",
            "12345678901234567890.5",
        ] {
            let expected: f64 = good.parse().expect("a number");
            assert_eq!(tiv(good.as_bytes(), TIV_UNIT, shown), Ok(Some(expected)), "{good}");
        }
    }

    #[test]
    fn categories_from_descriptions() {
        use entente_model::WeaponCategory as C;
        for (d, c) in [
            ("APC", C::ArmouredVehicles),
            ("tank", C::ArmouredVehicles),
            ("tanker", C::Ships),
            ("tank destroyer", C::ArmouredVehicles),
            ("FGA aircraft", C::Aircraft),
            ("anti-submarine helicopter", C::Aircraft),
            ("armed UAV", C::Aircraft),
            ("SAM", C::Missiles),
            ("portable SAM", C::Missiles),
            ("SAM system", C::AirDefence),
            ("naval SAM system", C::NavalWeapons),
            ("self-propelled anti-aircraft gun", C::AirDefence),
            ("self-propelled gun", C::Artillery),
            ("multiple rocket launcher", C::Artillery),
            ("naval gun", C::NavalWeapons),
            ("anti-submarine torpedo", C::Missiles),
            ("guided bomb", C::Missiles),
            ("air search radar", C::Sensors),
            ("maritime patrol aircraft radar", C::Sensors),
            ("ASW sonar", C::Sensors),
            ("aircraft engine", C::Engines),
            ("gas turbine", C::Engines),
            ("frigate", C::Ships),
            ("landing craft", C::Ships),
            ("patrol boat", C::Ships),
            ("satellite", C::Satellites),
            ("air refuel system", C::Other),
            ("self-propelled air-defence system", C::AirDefence),
            ("guided shell", C::Missiles),
            ("gunboat", C::Ships),
            ("EO search/fire control", C::Sensors),
        ] {
            assert_eq!(category_of(d), c, "{d}");
        }
    }
}
