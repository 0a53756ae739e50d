//! POLECAT reader. POLECAT (the successor of ICEWS, coded in PLOVER) is published as weekly
//! tab-separated files with a header row. No real sample is in the fixtures, so this follows the
//! published POLECAT/PLOVER documentation as far as it could be found: the columns used are
//! `Event ID`, `Event Date` (or `Story Date`), `Event Type` (a PLOVER type), optionally
//! `Event Mode`, `Quad Code`, `Event Intensity`, then `Actor Name`, `Actor Country`,
//! `Primary Actor Sector` (or `Actor Sectors`), the same for `Recipient`, and optionally `Country`,
//! `Latitude`, `Longitude` and `Story ID`. Header names are matched case-insensitively with spaces
//! and underscores equivalent; other columns are ignored. Countries may be ISO3 codes or names;
//! a field listing several actors (`;`-separated) resolves by its first.
//!
//! POLECAT has no CAMEO code: `event_code` and the CAMEO-root counts stay empty, the quad class
//! comes from `Quad Code` when it is 1–4 and otherwise from the PLOVER type, and the Goldstein
//! column holds `Event Intensity` when present.

use crate::actors::{ActorId, Resolver};
use crate::cameo;
use crate::day::Day;
use crate::error::Result;
use crate::icews::normalise_header;
use crate::lines::{self, float, int, shown, split_tabs, text};
use crate::record::{Event, ReadReport};
use std::io::Read;

/// Column positions of one POLECAT file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PolecatLayout {
    pub columns: usize,
    event_id: usize,
    event_date: usize,
    event_type: usize,
    quad: Option<usize>,
    intensity: Option<usize>,
    actor_name: usize,
    actor_country: usize,
    actor_sector: Option<usize>,
    recipient_name: usize,
    recipient_country: usize,
    recipient_sector: Option<usize>,
    country: Option<usize>,
    latitude: Option<usize>,
    longitude: Option<usize>,
    story_id: Option<usize>,
}

impl PolecatLayout {
    pub fn from_header(header: &[u8]) -> std::result::Result<PolecatLayout, crate::error::MissingColumn> {
        let cols = normalise_header(header);
        let find = |names: &[&str]| names.iter().find_map(|n| cols.iter().position(|c| c == n));
        let need = |names: &[&str]| {
            find(names).ok_or_else(|| crate::error::MissingColumn {
                format: "POLECAT",
                column: names[0].to_string(),
            })
        };
        Ok(PolecatLayout {
            columns: cols.len(),
            event_id: need(&["event_id"])?,
            event_date: need(&["event_date", "story_date"])?,
            event_type: need(&["event_type"])?,
            quad: find(&["quad_code"]),
            intensity: find(&["event_intensity"]),
            actor_name: need(&["actor_name"])?,
            actor_country: need(&["actor_country"])?,
            actor_sector: find(&["primary_actor_sector", "actor_sectors", "actor_sector"]),
            recipient_name: need(&["recipient_name"])?,
            recipient_country: need(&["recipient_country"])?,
            recipient_sector: find(&["primary_recipient_sector", "recipient_sectors", "recipient_sector"]),
            country: find(&["country"]),
            latitude: find(&["latitude"]),
            longitude: find(&["longitude"]),
            story_id: find(&["story_id", "source"]),
        })
    }
}

fn first_of(v: &str) -> &str {
    v.split(';').next().unwrap_or("").trim()
}

fn country(res: &Resolver, v: &str, day: Day) -> Option<ActorId> {
    let v = first_of(v);
    if v.len() == 3 && v.bytes().all(|c| c.is_ascii_uppercase()) {
        res.iso3(v.as_bytes(), day)
    } else {
        res.name(v)
    }
}

fn actor(res: &Resolver, name: &str, ctry: &str, day: Day) -> Option<ActorId> {
    let name = first_of(name);
    if let Some(a) = res.name(name).filter(|a| res.is_organisation(*a)) {
        return Some(a);
    }
    country(res, ctry, day)
}

pub fn parse_block(
    block: &[u8],
    first_line: u64,
    layout: &PolecatLayout,
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

fn parse_row<'a>(
    f: &[&'a [u8]],
    n: usize,
    l: &PolecatLayout,
    res: &Resolver,
) -> std::result::Result<Event<'a>, String> {
    if n != l.columns {
        if n == 1 && f[0].is_empty() {
            return Err("blank line".into());
        }
        return Err(format!("expected {} columns, found {n}", l.columns));
    }
    let txt = |col: &str, i: usize| text(f[i]).map_err(|_| format!("{col} is not valid UTF-8"));
    let opt = |i: Option<usize>| i.map_or(&b""[..], |i| f[i]);
    let id = txt("Event ID", l.event_id)?.trim();
    if id.is_empty() {
        return Err("Event ID is empty".into());
    }
    // Dates may carry a time (`2023-01-02 00:00:00`): the day is the first ten characters.
    let date = f[l.event_date];
    let day = Day::parse_bytes(&date[..date.len().min(10)])
        .ok_or_else(|| format!("Event Date '{}' is not a date (YYYY-MM-DD)", shown(date)))?;
    let ty = txt("Event Type", l.event_type)?;
    let plover = cameo::plover_index(ty)
        .ok_or_else(|| format!("Event Type '{}' is not a PLOVER type", shown(f[l.event_type])))?;
    let quad = match int(opt(l.quad)) {
        Ok(Some(q)) if (1..=4).contains(&q) => q as u8,
        _ => cameo::plover_quad(plover),
    };
    let intensity = float(opt(l.intensity))
        .map_err(|_| format!("Event Intensity '{}' is not a number", shown(opt(l.intensity))))?;
    let lat = float(opt(l.latitude)).map_err(|_| format!("Latitude '{}' is not a number", shown(opt(l.latitude))))?;
    let lon =
        float(opt(l.longitude)).map_err(|_| format!("Longitude '{}' is not a number", shown(opt(l.longitude))))?;
    let o = |col: &str, i: Option<usize>| text(opt(i)).map_err(|_| format!("{col} is not valid UTF-8"));
    let (an, ac) = (txt("Actor Name", l.actor_name)?, txt("Actor Country", l.actor_country)?);
    let (rn, rc) = (
        txt("Recipient Name", l.recipient_name)?,
        txt("Recipient Country", l.recipient_country)?,
    );
    Ok(Event {
        event_id: id,
        day,
        actor1: actor(res, an, ac, day),
        actor1_code: "",
        actor1_name: an,
        actor1_sector: o("Actor Sector", l.actor_sector)?,
        actor2: actor(res, rn, rc, day),
        actor2_code: "",
        actor2_name: rn,
        actor2_sector: o("Recipient Sector", l.recipient_sector)?,
        event_code: "",
        root: 0,
        quad,
        plover: Some(plover),
        goldstein: intensity.map(|v| v as f32),
        num_mentions: None,
        num_sources: None,
        num_articles: None,
        avg_tone: None,
        is_root: None,
        geo_country: country(res, o("Country", l.country)?, day),
        lat,
        lon,
        source_url: "",
        story_id: o("Story ID", l.story_id)?,
        date_added: None,
    })
}

/// Reads a POLECAT file, dropping repeated event ids as for ICEWS.
pub fn read<R: Read>(input: R, name: &str, res: &Resolver, sink: impl FnMut(&Event<'_>)) -> Result<ReadReport> {
    crate::dedup::read_headed(input, name, res, PolecatLayout::from_header, parse_block, sink)
}
