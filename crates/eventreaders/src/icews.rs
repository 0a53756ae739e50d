//! ICEWS readers: the raw Dataverse TSV (`Event ID`, `Source Name`, … with spaces, `NA` for
//! missing values, comma-joined sectors) and the database layout of the `icews` R package
//! (`event_id`, `source_name`, …, plus `year` and `yearmonth`). Both name the same fields, so the
//! header is normalised (lower case, spaces to underscores) and one reader serves both.
//!
//! ICEWS has no quad class: it is derived from the CAMEO root by GDELT's rule. Its `Intensity` is
//! the Goldstein score. Countries are printed as English names.

use crate::actors::{ActorId, Resolver};
use crate::cameo;
use crate::day::Day;
use crate::error::Result;
use crate::lines::{self, float, int, shown, split_tabs, text};
use crate::record::{Event, ReadReport};
use std::io::Read;

/// Column positions of one ICEWS file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IcewsLayout {
    pub columns: usize,
    event_id: usize,
    event_date: usize,
    source_name: usize,
    source_sectors: usize,
    source_country: usize,
    cameo_code: usize,
    intensity: usize,
    target_name: usize,
    target_sectors: usize,
    target_country: usize,
    story_id: Option<usize>,
    country: Option<usize>,
    latitude: Option<usize>,
    longitude: Option<usize>,
    /// True for the raw Dataverse layout (spaced headers).
    pub dataverse: bool,
}

pub fn normalise_header(h: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(h)
        .split('\t')
        .map(|c| c.trim().trim_matches('"').to_ascii_lowercase().replace([' ', '-'], "_"))
        .collect()
}

impl IcewsLayout {
    /// The layout named by a header line, or what is missing from it.
    pub fn from_header(header: &[u8]) -> std::result::Result<IcewsLayout, crate::error::MissingColumn> {
        let cols = normalise_header(header);
        let find = |n: &str| cols.iter().position(|c| c == n);
        let need = |n: &str| {
            find(n).ok_or_else(|| crate::error::MissingColumn {
                format: "ICEWS",
                column: n.to_string(),
            })
        };
        Ok(IcewsLayout {
            columns: cols.len(),
            event_id: need("event_id")?,
            event_date: need("event_date")?,
            source_name: need("source_name")?,
            source_sectors: need("source_sectors")?,
            source_country: need("source_country")?,
            cameo_code: need("cameo_code")?,
            intensity: need("intensity")?,
            target_name: need("target_name")?,
            target_sectors: need("target_sectors")?,
            target_country: need("target_country")?,
            story_id: find("story_id"),
            country: find("country"),
            latitude: find("latitude"),
            longitude: find("longitude"),
            dataverse: String::from_utf8_lossy(header).contains("Event ID"),
        })
    }
}

/// An ICEWS actor: an organisation named by the actor name (or the name in its parentheses)
/// first, so that "Secretary General (North Atlantic Treaty Organization)" is NATO whatever
/// country ICEWS attaches; otherwise the country.
pub fn named_actor(res: &Resolver, name: &str, country: &str) -> Option<ActorId> {
    if let Some(a) = res.name(name).filter(|a| res.is_organisation(*a)) {
        return Some(a);
    }
    if !country.is_empty() {
        return res.name(country);
    }
    None
}

/// Parses one block of ICEWS lines (no header).
pub fn parse_block(
    block: &[u8],
    first_line: u64,
    layout: &IcewsLayout,
    res: &Resolver,
    report: &mut ReadReport,
    sink: &mut dyn FnMut(u64, &Event<'_>),
) {
    let mut f: Vec<&[u8]> = vec![&[]; layout.columns + 1];
    lines::for_each_line(block, first_line, |line_no, line| {
        report.rows_read += 1;
        let n = split_tabs(line, &mut f);
        match parse_row(&f, n, layout, res) {
            Ok(ev) => {
                report.kept += 1;
                sink(line_no, &ev);
            }
            Err(reason) => report.reject(line_no, reason),
        }
    });
}

fn parse_row<'a>(f: &[&'a [u8]], n: usize, l: &IcewsLayout, res: &Resolver) -> std::result::Result<Event<'a>, String> {
    if n != l.columns {
        if n == 1 && f[0].is_empty() {
            return Err("blank line".into());
        }
        return Err(format!("expected {} columns, found {n}", l.columns));
    }
    let txt = |col: &str, i: usize| text(f[i]).map_err(|_| format!("{col} is not valid UTF-8"));
    let opt = |i: Option<usize>| i.map_or(&b""[..], |i| f[i]);
    let id = f[l.event_id];
    if id.is_empty() || !id.iter().all(u8::is_ascii_digit) {
        return Err(format!("event id '{}' is not a number", shown(id)));
    }
    let day = Day::parse_bytes(f[l.event_date])
        .ok_or_else(|| format!("event date '{}' is not a date (YYYY-MM-DD)", shown(f[l.event_date])))?;
    let code = f[l.cameo_code];
    let root =
        cameo::cameo_root(code).ok_or_else(|| format!("CAMEO code '{}' is not a CAMEO event code", shown(code)))?;
    let goldstein =
        float(f[l.intensity]).map_err(|_| format!("intensity '{}' is not a number", shown(f[l.intensity])))?;
    let lat = float(opt(l.latitude)).map_err(|_| format!("latitude '{}' is not a number", shown(opt(l.latitude))))?;
    let lon =
        float(opt(l.longitude)).map_err(|_| format!("longitude '{}' is not a number", shown(opt(l.longitude))))?;
    if let Some(i) = l.story_id {
        int(f[i]).map_err(|_| format!("story id '{}' is not a number", shown(f[i])))?;
    }
    let source_name = txt("source name", l.source_name)?;
    let target_name = txt("target name", l.target_name)?;
    let source_country = txt("source country", l.source_country)?;
    let target_country = txt("target country", l.target_country)?;
    let geo = text(opt(l.country)).map_err(|_| "country is not valid UTF-8".to_string())?;
    Ok(Event {
        event_id: txt("event id", l.event_id)?,
        day,
        actor1: named_actor(res, source_name, source_country),
        actor1_code: "",
        actor1_name: source_name,
        actor1_sector: txt("source sectors", l.source_sectors)?,
        actor2: named_actor(res, target_name, target_country),
        actor2_code: "",
        actor2_name: target_name,
        actor2_sector: txt("target sectors", l.target_sectors)?,
        event_code: txt("CAMEO code", l.cameo_code)?,
        root,
        quad: cameo::root_quad(root),
        plover: cameo::cameo_plover(code),
        goldstein: goldstein.map(|g| g as f32),
        num_mentions: None,
        num_sources: None,
        num_articles: None,
        avg_tone: None,
        is_root: None,
        geo_country: res.name(geo),
        lat,
        lon,
        source_url: "",
        story_id: text(opt(l.story_id)).map_err(|_| "story id is not valid UTF-8".to_string())?,
        date_added: None,
    })
}

/// Reads an ICEWS file (either layout), dropping repeated event ids (the first row wins; repeats
/// are counted in the report, with those whose content differs listed).
pub fn read<R: Read>(input: R, name: &str, res: &Resolver, sink: impl FnMut(&Event<'_>)) -> Result<ReadReport> {
    crate::dedup::read_headed(input, name, res, IcewsLayout::from_header, parse_block, sink)
}
