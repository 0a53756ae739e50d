//! GDELT readers: 1.0 events (57-column back-files and 58-column daily files, mixed in one file),
//! 2.0 events (61 columns) and 2.0 mentions (16 columns). GDELT files have no header, are
//! tab-separated UTF-8 and never quote.

use crate::actors::Resolver;
use crate::cameo;
use crate::day::Day;
use crate::error::{Error, Result};
use crate::lines::{self, float, int, shown, split_tabs, text, BlockReader};
use crate::record::{Event, ReadReport};
use std::io::Read;
use std::path::Path;

/// Which GDELT event layout a file has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GdeltVersion {
    /// GDELT 1.0: 57 columns (historical back-files to March 2013) or 58 (daily, with SOURCEURL).
    V1,
    /// GDELT 2.0: 61 columns (ADM2 codes in the geo blocks, DATEADDED to the second).
    V2,
}

fn ratio<T: TryFrom<i64>>(v: Option<i64>) -> std::result::Result<Option<T>, lines::Invalid> {
    v.map(|x| T::try_from(x).map_err(|_| lines::Invalid)).transpose()
}

/// Parses one block of GDELT event lines; kept rows go to `sink`, bad rows to `report`.
pub fn parse_events_block(
    block: &[u8],
    first_line: u64,
    version: GdeltVersion,
    res: &Resolver,
    report: &mut ReadReport,
    sink: &mut impl FnMut(u64, &Event<'_>),
) {
    let mut f: [&[u8]; 62] = [&[]; 62];
    lines::for_each_line(block, first_line, |line_no, line| {
        report.rows_read += 1;
        let n = split_tabs(line, &mut f);
        match parse_event(&f, n, version, res) {
            Ok(ev) => {
                report.kept += 1;
                sink(line_no, &ev);
            }
            Err(reason) => report.reject(line_no, reason),
        }
    });
}

fn parse_event<'a>(
    f: &[&'a [u8]; 62],
    n: usize,
    version: GdeltVersion,
    res: &Resolver,
) -> std::result::Result<Event<'a>, String> {
    let ok_len = match version {
        GdeltVersion::V1 => n == 57 || n == 58,
        GdeltVersion::V2 => n == 61,
    };
    if !ok_len {
        if n == 1 && f[0].is_empty() {
            return Err("blank line".into());
        }
        let want = if version == GdeltVersion::V1 {
            "57 or 58 columns (GDELT 1.0)"
        } else {
            "61 columns (GDELT 2.0)"
        };
        return Err(format!("expected {want}, found {n}"));
    }
    let bad = |col: &str, v: &[u8]| format!("{col} '{}' is not valid", shown(v));
    let txt = |col: &str, v: &'a [u8]| text(v).map_err(|_| format!("{col} is not valid UTF-8"));
    let id = f[0];
    if id.is_empty() || !id.iter().all(u8::is_ascii_digit) {
        return Err(format!("GLOBALEVENTID '{}' is not a number", shown(id)));
    }
    let day = Day::parse_bytes(f[1]).ok_or_else(|| format!("SQLDATE '{}' is not a date (YYYYMMDD)", shown(f[1])))?;
    let code = f[26];
    let code_root =
        cameo::cameo_root(code).ok_or_else(|| format!("EventCode '{}' is not a CAMEO event code", shown(code)))?;
    let root = match int(f[28]) {
        Ok(Some(r)) if (1..=20).contains(&r) => r as u8,
        Ok(None) => code_root,
        _ => return Err(bad("EventRootCode", f[28])),
    };
    let quad = match int(f[29]) {
        Ok(Some(q)) if (1..=4).contains(&q) => q as u8,
        Ok(None) => cameo::root_quad(root),
        _ => return Err(bad("QuadClass", f[29])),
    };
    let is_root = match f[25] {
        b"1" => Some(true),
        b"0" => Some(false),
        b"" => None,
        v => return Err(bad("IsRootEvent", v)),
    };
    let goldstein = float(f[30])
        .map_err(|_| bad("GoldsteinScale", f[30]))?
        .map(|v| v as f32);
    let num_mentions = int(f[31]).and_then(ratio).map_err(|_| bad("NumMentions", f[31]))?;
    let num_sources = int(f[32]).and_then(ratio).map_err(|_| bad("NumSources", f[32]))?;
    let num_articles = int(f[33]).and_then(ratio).map_err(|_| bad("NumArticles", f[33]))?;
    let avg_tone = float(f[34]).map_err(|_| bad("AvgTone", f[34]))?.map(|v| v as f32);
    // ActionGeo block: 7 fields in 1.0 (no ADM2), 8 in 2.0.
    let (gtype, gcountry, glat, glon, added, url) = match version {
        GdeltVersion::V1 => (f[49], f[51], f[53], f[54], f[56], if n == 58 { f[57] } else { &[][..] }),
        GdeltVersion::V2 => (f[51], f[53], f[56], f[57], f[59], f[60]),
    };
    // Type 0 (or empty) means no geo; back-files then write 0 for Lat/Long, which is not a place.
    let has_geo = !(gtype.is_empty() || gtype == b"0");
    let lat = float(glat).map_err(|_| bad("ActionGeo_Lat", glat))?.filter(|_| has_geo);
    let lon = float(glon)
        .map_err(|_| bad("ActionGeo_Long", glon))?
        .filter(|_| has_geo);
    let date_added = int(added).map_err(|_| bad("DATEADDED", added))?;
    let geo_country = if gcountry.is_empty() {
        None
    } else {
        res.fips(gcountry, day)
    };
    Ok(Event {
        event_id: txt("GLOBALEVENTID", id)?,
        day,
        actor1: res.gdelt_actor(f[5], f[7], f[8], day),
        actor1_code: txt("Actor1Code", f[5])?,
        actor1_name: txt("Actor1Name", f[6])?,
        actor1_sector: txt("Actor1Type1Code", f[12])?,
        actor2: res.gdelt_actor(f[15], f[17], f[18], day),
        actor2_code: txt("Actor2Code", f[15])?,
        actor2_name: txt("Actor2Name", f[16])?,
        actor2_sector: txt("Actor2Type1Code", f[22])?,
        event_code: txt("EventCode", code)?,
        root,
        quad,
        plover: cameo::cameo_plover(code),
        goldstein,
        num_mentions,
        num_sources,
        num_articles,
        avg_tone,
        is_root,
        geo_country,
        lat,
        lon,
        source_url: txt("SOURCEURL", url)?,
        story_id: "",
        date_added,
    })
}

/// Reads a whole GDELT events file, calling `sink` for every kept row.
pub fn read_events<R: Read>(
    input: R,
    name: &str,
    version: GdeltVersion,
    res: &Resolver,
    mut sink: impl FnMut(&Event<'_>),
) -> Result<ReadReport> {
    let mut report = ReadReport::new(name);
    let mut blocks = BlockReader::new(input, 4 << 20);
    while let Some((mut block, first)) = blocks.next_block().map_err(|e| Error::io(Path::new(name), e))? {
        let cut = lines::cut_unterminated(&mut block, first);
        parse_events_block(&block, first, version, res, &mut report, &mut |_, ev| sink(ev));
        if let Some(line) = cut {
            report.rows_read += 1;
            report.reject(line, lines::CUT_LINE);
        }
    }
    Ok(report)
}

/// One row of the GDELT 2.0 Mentions table.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention<'a> {
    pub event_id: &'a str,
    /// EventTimeDate and MentionTimeDate, YYYYMMDDHHMMSS.
    pub event_time: i64,
    pub mention_time: i64,
    /// 1 web, 2 citation-only, 3 core, 4 DTIC, 5 JSTOR, 6 non-textual.
    pub mention_type: u8,
    pub source_name: &'a str,
    pub identifier: &'a str,
    pub sentence_id: i32,
    /// Character offsets; `None` where GDELT writes -1.
    pub actor1_offset: Option<i32>,
    pub actor2_offset: Option<i32>,
    pub action_offset: Option<i32>,
    pub in_raw_text: bool,
    pub confidence: i32,
    pub doc_len: i32,
    pub doc_tone: f32,
    pub translation_info: &'a str,
    pub extras: &'a str,
}

fn parse_mention<'a>(f: &[&'a [u8]; 17], n: usize) -> std::result::Result<Mention<'a>, String> {
    if n != 16 {
        return Err(format!("expected 16 columns (GDELT 2.0 mentions), found {n}"));
    }
    let req = |col: &str, v: &[u8]| -> std::result::Result<i64, String> {
        match int(v) {
            Ok(Some(x)) => Ok(x),
            _ => Err(format!("{col} '{}' is not a number", shown(v))),
        }
    };
    let i32_of = |col: &str, v: &[u8]| -> std::result::Result<i32, String> {
        i32::try_from(req(col, v)?).map_err(|_| format!("{col} '{}' is out of range", shown(v)))
    };
    let offset = |col: &str, v: &[u8]| -> std::result::Result<Option<i32>, String> {
        let x = i32_of(col, v)?;
        Ok((x >= 0).then_some(x))
    };
    let txt = |col: &str, v: &'a [u8]| text(v).map_err(|_| format!("{col} is not valid UTF-8"));
    let id = f[0];
    if id.is_empty() || !id.iter().all(u8::is_ascii_digit) {
        return Err(format!("GLOBALEVENTID '{}' is not a number", shown(id)));
    }
    let mention_type = req("MentionType", f[3])?;
    Ok(Mention {
        event_id: txt("GLOBALEVENTID", id)?,
        event_time: req("EventTimeDate", f[1])?,
        mention_time: req("MentionTimeDate", f[2])?,
        mention_type: u8::try_from(mention_type)
            .map_err(|_| format!("MentionType '{mention_type}' is out of range"))?,
        source_name: txt("MentionSourceName", f[4])?,
        identifier: txt("MentionIdentifier", f[5])?,
        sentence_id: i32_of("SentenceID", f[6])?,
        actor1_offset: offset("Actor1CharOffset", f[7])?,
        actor2_offset: offset("Actor2CharOffset", f[8])?,
        action_offset: offset("ActionCharOffset", f[9])?,
        in_raw_text: req("InRawText", f[10])? != 0,
        confidence: i32_of("Confidence", f[11])?,
        doc_len: i32_of("MentionDocLen", f[12])?,
        doc_tone: float(f[13])
            .ok()
            .flatten()
            .ok_or_else(|| format!("MentionDocTone '{}' is not a number", shown(f[13])))? as f32,
        translation_info: txt("MentionDocTranslationInfo", f[14])?,
        extras: txt("Extras", f[15])?,
    })
}

/// Reads a GDELT 2.0 mentions file, calling `sink` for every kept row.
pub fn read_mentions<R: Read>(input: R, name: &str, mut sink: impl FnMut(&Mention<'_>)) -> Result<ReadReport> {
    let mut report = ReadReport::new(name);
    let mut blocks = BlockReader::new(input, 4 << 20);
    while let Some((block, first)) = blocks.next_block().map_err(|e| Error::io(Path::new(name), e))? {
        let mut f: [&[u8]; 17] = [&[]; 17];
        lines::for_each_line(&block, first, |line_no, line| {
            report.rows_read += 1;
            let n = split_tabs(line, &mut f);
            match parse_mention(&f, n) {
                Ok(m) => {
                    report.kept += 1;
                    sink(&m);
                }
                Err(reason) => report.reject(line_no, reason),
            }
        });
    }
    Ok(report)
}
