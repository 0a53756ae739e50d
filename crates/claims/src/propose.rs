//! From news to knowledge: drafts of fact records for the claims of an article that the data does
//! not hold yet, and corrections where it holds them otherwise.
//!
//! Each claim is verified first ([`crate::verify::verify_claim_with`], with the datasets' evidence when a
//! [`DerivedSource`] is given). A claim the data already holds (supported, partly supported, or
//! imprecise — a day off, a framework called a contract) is linked to its records, never drafted
//! again. An unverifiable claim becomes a new record in the fact-file format
//! (docs/data-format.md); a claim whose date or number contradicts one record becomes a
//! correction: that record with the article's figure, to replace it. Claims that are denied,
//! hedged or about the future are not events and are left out. Every draft cites the article (a
//! `[[source]]` for it is drafted too) and carries a `review` table: the quote, its span, the
//! extractor's confidence and the day it was proposed.
//!
//! Ids are derived from what a draft says (kind, actors, date, system), so the same claim read
//! twice — in one article or in two — gets the same id: drafts that repeat one another are merged,
//! and [`standing`] tells, from a proposals ledger's keys, what was proposed, accepted or rejected
//! before. [`decide`] checks a reviewer's acceptance; [`accept`] stamps it.

use crate::extract::{Claim, Extractor, Modality};
use crate::lexicon::ClaimKind;
use crate::text::Article;
use crate::verify::{verify_claim_with, DerivedSource, Verdict, Verification};
use entente_kb::KnowledgeBase;
use entente_model::*;
use serde::Serialize;
use std::collections::BTreeMap;
use toml::{Table, Value};

/// What is known of an article as a source: read from the page (HTML `<link rel="canonical">`,
/// `og:url`, `og:title`, `<title>`, `og:site_name`, the publication date) or a text file's header
/// (`url:`/`source:`, `title:`, `publisher:`, `date:`), and overridden by the user.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ArticleInfo {
    pub url: Option<String>,
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub published: Option<PartialDate>,
}

/// Why an article cannot be proposed from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProposeError {
    /// No web address: a fact's source needs one.
    NoAddress { article: String },
    /// The address is not a usable `http(s)://` one.
    BadAddress {
        article: String,
        url: String,
        why: &'static str,
    },
}

impl std::fmt::Display for ProposeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ProposeError::NoAddress { article } => write!(
                f,
                "{article}: no web address for the article (a proposed record must cite one); give \
                 --source-url, a `url:` header line, or save the page as HTML with its canonical link"
            ),
            ProposeError::BadAddress { article, url, why } => {
                write!(
                    f,
                    "{article}: `{}` is not a web address to cite: {why}",
                    url.escape_debug()
                )
            }
        }
    }
}

impl std::error::Error for ProposeError {}

/// The value of `attr` in the first tag of `html` (lower-cased copy `lower`) that contains `key`.
fn attribute(html: &str, lower: &str, key: &str, attr: &str) -> Option<String> {
    let mut from = 0;
    while let Some(i) = lower[from..].find(key) {
        let at = from + i;
        let open = lower[..at].rfind('<')?;
        let close = at + lower[at..].find('>')?;
        let tag = &lower[open..close];
        let pat = format!("{attr}=");
        if let Some(j) = tag.find(&pat) {
            let rest = &html[open + j + pat.len()..close];
            let quote = rest.chars().next()?;
            let value = if quote == '"' || quote == '\'' {
                rest[1..].split(quote).next()?
            } else {
                rest.split_whitespace().next()?
            };
            let value = decode_entities(value.trim());
            if !value.is_empty() {
                return Some(value);
            }
        }
        from = close;
    }
    None
}

/// The common named and numeric entities of an attribute value, decoded once (`&amp;` last, so
/// that `&amp;lt;` stays `&lt;`).
fn decode_entities(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The host of an `http(s)://` address (`www.nato.int`, `[2001:db8::1]`), or `None`.
pub fn host(url: &str) -> Option<&str> {
    web_address(url).ok().map(|(_, h)| h)
}

/// An article's address checked: `http://` or `https://` (any case), a host, no spaces or
/// control characters, no credentials. Returns the address (scheme in lower case) and its host.
pub fn web_address(url: &str) -> Result<(String, &str), &'static str> {
    let url = url.trim();
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("an address has no spaces or control characters");
    }
    let (scheme, rest) = url.split_once("://").ok_or("not an http:// or https:// address")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return Err("not an http:// or https:// address");
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    if authority.contains('@') {
        return Err("an address with a user name or password is not kept");
    }
    let host = if authority.starts_with('[') {
        let end = authority.find(']').ok_or("an IPv6 host needs its closing bracket")?;
        &authority[..=end]
    } else {
        authority.split(':').next().unwrap_or("")
    };
    if host.is_empty() || host == "[]" {
        return Err("no host");
    }
    Ok((format!("{scheme}://{rest}"), host))
}

impl ArticleInfo {
    /// What the article says of itself.
    pub fn read(article: &Article) -> ArticleInfo {
        let mut info = ArticleInfo {
            title: article.title.clone(),
            published: article.date,
            ..ArticleInfo::default()
        };
        // Text header: `url:` / `source:` / `publisher:` lines before the first blank line.
        for line in article.text.lines().take(12) {
            let l = line.trim();
            if l.is_empty() {
                break;
            }
            let Some((k, v)) = l.split_once(':') else { break };
            let v = v.trim();
            match k.trim().to_ascii_lowercase().as_str() {
                "url" | "source" if v.starts_with("//") || v.contains("://") => {
                    info.url = Some(format!("{}{v}", if v.starts_with("//") { "https:" } else { "" }));
                }
                "publisher" => info.publisher = Some(v.to_string()),
                _ => {}
            }
        }
        // HTML: only the first 512 KiB are looked at (bounded work on any input).
        let head_end = article
            .input
            .char_indices()
            .nth(512 * 1024)
            .map_or(article.input.len(), |(i, _)| i);
        let head = &article.input[..head_end];
        if head.contains('<') {
            let lower = head.to_ascii_lowercase();
            if info.url.is_none() {
                // The first web address among the canonical link (however quoted) and og:url.
                info.url = [
                    ("rel=\"canonical\"", "href"),
                    ("rel='canonical'", "href"),
                    ("rel=canonical", "href"),
                    ("property=\"og:url\"", "content"),
                    ("property='og:url'", "content"),
                ]
                .iter()
                .filter_map(|(key, attr)| attribute(head, &lower, key, attr))
                .find(|u| web_address(u).is_ok());
            }
            if info.title.is_none() {
                info.title = attribute(head, &lower, "property=\"og:title\"", "content").or_else(|| {
                    let i = lower.find("<title")?;
                    let s = i + lower[i..].find('>')? + 1;
                    let e = s + lower[s..].find("</title")?;
                    let t = decode_entities(head[s..e].trim());
                    (!t.is_empty()).then_some(t)
                });
            }
            if info.publisher.is_none() {
                info.publisher = attribute(head, &lower, "property=\"og:site_name\"", "content");
            }
        }
        info
    }

    /// `self` with every field `over` sets replaced.
    pub fn overridden(mut self, over: &ArticleInfo) -> ArticleInfo {
        if over.url.is_some() {
            self.url.clone_from(&over.url);
        }
        if over.title.is_some() {
            self.title.clone_from(&over.title);
        }
        if over.publisher.is_some() {
            self.publisher.clone_from(&over.publisher);
        }
        if over.published.is_some() {
            self.published = over.published;
        }
        self
    }
}

/// What a proposal does to the data.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Action {
    /// A record the data does not hold.
    New,
    /// The record `replaces` with the article's figures; `why` says what differs.
    Correction { replaces: FactId, why: String },
}

/// A draft record.
#[derive(Clone, Debug, Serialize)]
pub struct Proposal {
    /// The record's id (derived from its content: the same claim always gets the same id).
    pub id: String,
    /// What the ledger remembers the proposal by: the id, and for a correction also a hash of the
    /// corrected record (two articles may correct one record differently).
    pub key: String,
    /// `event`, `transfer` or `relation`.
    pub kind: &'static str,
    #[serde(flatten)]
    pub action: Action,
    pub title: String,
    /// The claim's verdict against the data.
    pub verdict: Verdict,
    pub confidence: f64,
    /// The sentence, and its byte offsets in the article as given.
    pub quote: String,
    pub start: usize,
    pub end: usize,
    /// Its byte offsets in the article's text as read (for a page, the text without markup).
    pub text_start: usize,
    pub text_end: usize,
    /// Other places in the article that say the same (merged into this draft).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<(usize, usize)>,
    /// What a reviewer should check before accepting (a date taken from the publication day, a
    /// weapon category left as `other`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub check: Vec<String>,
    /// The record as a fact-file table (`[[event]]` …), with its `review` table.
    pub record: String,
}

/// A claim not drafted, and why.
#[derive(Clone, Debug, Serialize)]
pub struct Left {
    pub quote: String,
    pub start: usize,
    pub end: usize,
    pub text_start: usize,
    pub text_end: usize,
    pub reason: String,
    /// Records that already hold the claim, for claims the data has.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub records: Vec<FactId>,
}

/// Everything proposed from one article.
#[derive(Clone, Debug, Serialize)]
pub struct ArticleProposals {
    pub article: String,
    /// The article's `[[source]]` record, as TOML, and its id.
    pub source_id: String,
    pub source: String,
    /// Claims read from the article.
    pub claims: usize,
    pub proposals: Vec<Proposal>,
    /// Claims the data already holds.
    pub known: Vec<Left>,
    /// Claims left out for another reason (denied, hedged, future, undated, no counterpart).
    pub left: Vec<Left>,
}

impl ArticleProposals {
    /// The proposals that correct a record.
    pub fn corrections(&self) -> usize {
        self.proposals
            .iter()
            .filter(|p| matches!(p.action, Action::Correction { .. }))
            .count()
    }

    /// The fact file holding the article's source and `proposals` (a subset of `self.proposals`):
    /// it passes `entente check --with DIR` as it stands. Corrections are listed under `replaces`.
    pub fn file_text(&self, proposals: &[&Proposal]) -> String {
        let mut out = format!(
            "# Proposed by `entente propose` from {}.\n# Review each record: keep it, edit it, or delete it.\n",
            comment(&self.article)
        );
        let replaces: Vec<String> = proposals
            .iter()
            .filter_map(|p| match &p.action {
                Action::Correction { replaces, .. } => Some(format!("\"fact:{replaces}\"")),
                Action::New => None,
            })
            .collect();
        if !replaces.is_empty() {
            out.push_str(&format!("replaces = [{}]\n", replaces.join(", ")));
        }
        out.push('\n');
        out.push_str(&self.source);
        for p in proposals {
            out.push('\n');
            out.push_str(&format!("# {} — {}\n", comment(&p.title), p.verdict.label()));
            if let Action::Correction { replaces, why } = &p.action {
                out.push_str(&format!("# Would replace `{replaces}`: {}\n", comment(why)));
            }
            for c in &p.check {
                out.push_str(&format!("# Check: {}\n", comment(c)));
            }
            out.push_str(&p.record);
        }
        out
    }
}

/// Text made safe for a one-line TOML comment: control characters (a newline in a file name would
/// end the comment and start TOML) become spaces.
pub fn comment(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

/// The ids a fact file declares: its facts (relations, events, transfers, drivers) and its
/// sources; how a proposals directory knows what its drafts hold. `Err` if it is not TOML.
pub fn declared(text: &str) -> Result<(Vec<String>, Vec<String>), toml::de::Error> {
    let t: Table = toml::from_str(text)?;
    let ids = |kinds: &[&str]| -> Vec<String> {
        kinds
            .iter()
            .filter_map(|k| t.get(*k).and_then(Value::as_array))
            .flatten()
            .filter_map(|r| r.get("id").and_then(Value::as_str).map(str::to_string))
            .collect()
    };
    Ok((ids(&["relation", "event", "transfer", "driver"]), ids(&["source"])))
}

/// 64-bit FNV-1a, for content-derived ids.
fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').chars().take(24).collect()
}

/// The id of an article's source record: from its address.
pub fn source_id(url: &str) -> String {
    let h = host(url).unwrap_or("article").trim_start_matches("www.");
    format!("article-{}-{:08x}", slug(h), fnv(url.as_bytes()) as u32)
}

fn s(v: &str) -> Value {
    Value::String(v.to_string())
}

fn list<'a>(v: impl IntoIterator<Item = &'a String>) -> Value {
    Value::Array(v.into_iter().map(|x| s(x)).collect())
}

fn wrap(kind: &str, record: Table) -> String {
    let mut t = Table::new();
    t.insert(kind.to_string(), Value::Array(vec![Value::Table(record)]));
    toml::to_string(&t).unwrap_or_default()
}

fn source_refs(refs: &[SourceRef]) -> Value {
    Value::Array(
        refs.iter()
            .map(|r| match &r.locator {
                None => s(&r.source),
                Some(at) => {
                    let mut t = Table::new();
                    t.insert("source".into(), s(&r.source));
                    t.insert("at".into(), s(at));
                    Value::Table(t)
                }
            })
            .collect(),
    )
}

/// A recorded fact as a fact-file table (the inverse of the loader, for the fields a correction
/// keeps). `None` for drivers, which are never corrected from a claim.
fn fact_table(f: FactRef) -> Option<Table> {
    let mut t = Table::new();
    match f {
        FactRef::Event(e) => {
            t.insert("id".into(), s(&e.id));
            t.insert("kind".into(), s(e.kind.as_str()));
            t.insert("date".into(), s(&e.date.to_string()));
            if let Some(end) = e.end {
                t.insert("end".into(), s(&end.to_string()));
            }
            t.insert("title".into(), s(&e.title));
            t.insert("actors".into(), list(&e.actors));
            if !e.targets.is_empty() {
                t.insert("targets".into(), list(&e.targets));
            }
            if !e.attendees.is_empty() {
                t.insert("attendees".into(), list(&e.attendees));
            }
            if let Some(p) = &e.place {
                t.insert("place".into(), s(p));
            }
            t.insert("plover".into(), s(e.plover.as_str()));
            if let Some(c) = &e.cameo {
                t.insert("cameo".into(), s(c));
            }
            if let Some(i) = e.instrument {
                t.insert("instrument".into(), s(i.as_str()));
            }
            if !e.related.is_empty() {
                t.insert("related".into(), list(&e.related));
            }
            t.insert("dimension".into(), s(e.dimension.as_str()));
            t.insert("sources".into(), source_refs(&e.sources));
            if let Some(n) = &e.note {
                t.insert("note".into(), s(n));
            }
        }
        FactRef::Transfer(x) => {
            t.insert("id".into(), s(&x.id));
            t.insert("supplier".into(), s(&x.supplier));
            t.insert("recipient".into(), s(&x.recipient));
            t.insert("system".into(), s(&x.system));
            t.insert("description".into(), s(&x.description));
            t.insert("category".into(), s(x.category.as_str()));
            t.insert("status".into(), s(x.status.as_str()));
            t.insert("weapon".into(), Value::Boolean(x.weapon));
            if x.licensed {
                t.insert("licensed".into(), Value::Boolean(true));
            }
            if x.second_hand {
                t.insert("second_hand".into(), Value::Boolean(true));
            }
            if let Some(n) = x.ordered {
                t.insert("ordered".into(), Value::Integer(n.into()));
            }
            if let Some(n) = x.delivered {
                t.insert("delivered".into(), Value::Integer(n.into()));
            }
            if let Some(d) = x.order_date {
                t.insert("order_date".into(), s(&d.to_string()));
            }
            if !x.delivery_years.is_empty() {
                t.insert(
                    "delivery_years".into(),
                    Value::Array(x.delivery_years.iter().map(|y| Value::Integer((*y).into())).collect()),
                );
            }
            if let Some(v) = &x.value {
                let mut m = Table::new();
                m.insert("amount".into(), Value::Float(v.amount));
                m.insert("currency".into(), s(&v.currency));
                t.insert("value".into(), Value::Table(m));
            }
            if !x.companies.is_empty() {
                t.insert("companies".into(), list(&x.companies));
            }
            if !x.signings.is_empty() {
                t.insert("signings".into(), list(&x.signings));
            }
            t.insert("sources".into(), source_refs(&x.sources));
            if let Some(n) = &x.note {
                t.insert("note".into(), s(n));
            }
        }
        FactRef::Relation(r) => {
            t.insert("id".into(), s(&r.id));
            t.insert("kind".into(), s(r.kind.as_str()));
            t.insert("subject".into(), s(&r.subject));
            t.insert("object".into(), s(&r.object));
            t.insert("title".into(), s(&r.title));
            if let Some(d) = r.interval.start {
                t.insert("start".into(), s(&d.to_string()));
            }
            if let Some(d) = r.interval.end {
                t.insert("end".into(), s(&d.to_string()));
            }
            if let Some(v) = &r.status {
                t.insert("status".into(), s(v));
            }
            if let Some(v) = &r.programme {
                t.insert("programme".into(), s(v));
            }
            if !r.areas.is_empty() {
                t.insert("areas".into(), list(&r.areas));
            }
            if !r.obligations.is_empty() {
                t.insert("obligations".into(), list(&r.obligations));
            }
            if let Some(d) = &r.deployment {
                let mut m = Table::new();
                if let Some(u) = &d.unit {
                    m.insert("unit".into(), s(u));
                }
                if let Some(n) = d.size {
                    m.insert("size".into(), Value::Integer(n.into()));
                }
                if let Some(p) = &d.place {
                    m.insert("place".into(), s(p));
                }
                t.insert("deployment".into(), Value::Table(m));
            }
            t.insert("dimension".into(), s(r.dimension.as_str()));
            t.insert("sources".into(), source_refs(&r.sources));
            if let Some(n) = &r.note {
                t.insert("note".into(), s(n));
            }
        }
        FactRef::Driver(_) => return None,
    }
    Some(t)
}

/// The `review` table of a draft.
fn review_table(source: &str, c: &Claim, today: Day) -> Value {
    let mut r = Table::new();
    r.insert("article".into(), s(source));
    r.insert("quote".into(), s(c.quote.trim()));
    r.insert(
        "span".into(),
        Value::Array(vec![Value::Integer(c.start as i64), Value::Integer(c.end as i64)]),
    );
    r.insert(
        "confidence".into(),
        Value::Float((c.confidence.clamp(0.0, 1.0) * 100.0).round() / 100.0),
    );
    r.insert("proposed".into(), s(&today.to_string()));
    Value::Table(r)
}

/// An actor's name for a title.
fn name(kb: &KnowledgeBase, id: &str) -> String {
    kb.actor(id)
        .map_or_else(|| id.to_string(), |a| a.display_name().to_string())
}

fn names(kb: &KnowledgeBase, ids: &[String]) -> String {
    let v: Vec<String> = ids.iter().map(|i| name(kb, i)).collect();
    match v.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn ids(v: &[crate::extract::ClaimActor]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for a in v {
        if !out.contains(&a.id) {
            out.push(a.id.clone());
        }
    }
    out
}

/// Whether an actor is one that others join: an alliance, an intergovernmental organisation, one
/// of their bodies, or a grouping.
fn is_organisation(kb: &KnowledgeBase, id: &str) -> bool {
    kb.actor(id).is_some_and(|a| {
        matches!(
            a.kind,
            ActorKind::Alliance | ActorKind::Igo | ActorKind::Body | ActorKind::Grouping
        )
    })
}

/// The supplier of `system` as the knowledge base records it (a transfer of the same designation),
/// among `sides`.
fn supplier_of<'k>(kb: &'k KnowledgeBase, system: &str, sides: &[String]) -> Option<(String, &'k Transfer)> {
    let sys = system.to_ascii_lowercase();
    let parents = |id: &str| -> Vec<String> {
        let mut v = vec![id.to_string()];
        let mut cur = kb.actor(id).and_then(|a| a.parent.clone());
        while let Some(p) = cur {
            if v.contains(&p) || v.len() > 8 {
                break;
            }
            cur = kb.actor(&p).and_then(|a| a.parent.clone());
            v.push(p);
        }
        v
    };
    for t in &kb.facts().transfers {
        let d = t.system.to_ascii_lowercase();
        if !(d == sys || d.starts_with(&sys) || sys.starts_with(&d)) {
            continue;
        }
        if let Some(side) = sides.iter().find(|x| parents(x).contains(&t.supplier)) {
            return Some((side.clone(), t));
        }
    }
    None
}

/// The draft of a new record for a claim: kind, table and title; `Err` says why there is none.
fn draft(
    kb: &KnowledgeBase,
    c: &Claim,
    date: PartialDate,
) -> Result<(&'static str, Table, String, Vec<String>), String> {
    use ClaimKind::*;
    let actors = ids(&c.actors);
    let others: Vec<String> = ids(&c.recipients).into_iter().filter(|r| !actors.contains(r)).collect();
    if actors.is_empty() {
        return Err("no actor named".into());
    }
    let mut check = Vec::new();
    let mut t = Table::new();
    let event = |kind: EventKind, instrument: Option<Instrument>| -> (Table, String) {
        let mut t = Table::new();
        t.insert("kind".into(), s(kind.as_str()));
        t.insert("date".into(), s(&date.to_string()));
        if let Some(e) = c.date_end.filter(|e| *e != date) {
            t.insert("end".into(), s(&e.to_string()));
        }
        let (who, whom) = (names(kb, &actors), names(kb, &others));
        let what = match (kind, instrument) {
            (EventKind::Signing, Some(i)) => format!("sign {}", i.as_str().replace('_', " ")),
            (k, _) => k.as_str().replace('_', " "),
        };
        let title = if whom.is_empty() {
            format!("{who}: {what}")
        } else {
            format!("{who} – {whom}: {what}")
        };
        (t, title)
    };
    let (kind, title) = match c.mode {
        Membership | Deployment => {
            if others.is_empty() {
                return Err("no counterpart named".into());
            }
            if c.mode == Membership && !others.iter().any(|o| is_organisation(kb, o)) {
                return Err("a membership is of an organisation, and none is named".into());
            }
            let kind = if c.mode == Membership {
                RelationKind::Membership
            } else {
                RelationKind::Deployment
            };
            // A member of an organisation; deployed in an operation, an alliance's mission or a
            // state, whichever the sentence names first.
            let object = if c.mode == Membership {
                others.iter().find(|o| is_organisation(kb, o)).unwrap_or(&others[0])
            } else {
                &others[0]
            };
            t.insert("kind".into(), s(kind.as_str()));
            t.insert("subject".into(), s(&actors[0]));
            t.insert("object".into(), s(object));
            t.insert("start".into(), s(&date.to_string()));
            let title = format!(
                "{} {} {}",
                name(kb, &actors[0]),
                if c.mode == Membership {
                    "member of"
                } else {
                    "deployed in"
                },
                name(kb, &others[0])
            );
            check.push(
                "a standing relation: its start is the claim's date, which may be later than the real start".into(),
            );
            ("relation", title)
        }
        ExecutiveContract | ArmsDeal if c.system.is_some() => {
            let system = c.system.clone().unwrap_or_default();
            let mut sides = actors.clone();
            sides.extend(others.iter().cloned());
            let Some((supplier, like)) = supplier_of(kb, &system, &sides) else {
                return Err(format!(
                    "an order of {system}, but no recorded supplier of it among the actors named"
                ));
            };
            let Some(recipient) = sides
                .iter()
                .find(|x| **x != supplier && kb.actor(x).is_some_and(|a| a.kind == ActorKind::State))
                .cloned()
            else {
                return Err(format!("an order of {system} with no recipient state named"));
            };
            t.insert("supplier".into(), s(&supplier));
            t.insert("recipient".into(), s(&recipient));
            t.insert("system".into(), s(&system));
            t.insert("description".into(), s(&like.description));
            t.insert("category".into(), s(like.category.as_str()));
            check.push(format!(
                "description and category are those of the recorded deal `{}`",
                like.id
            ));
            t.insert("status".into(), s(TransferStatus::Contract.as_str()));
            if let Some(q) = c.quantity.and_then(|q| u32::try_from(q).ok()) {
                t.insert("ordered".into(), Value::Integer(q.into()));
            } else {
                check.push("the number ordered is not in the sentence".into());
            }
            t.insert("order_date".into(), s(&date.to_string()));
            let title = format!(
                "{} orders {} from {}",
                name(kb, &recipient),
                system,
                name(kb, &supplier)
            );
            ("transfer", title)
        }
        other => {
            let (kind, instrument) = match other {
                Accession => (EventKind::Accession, None),
                Programme => (EventKind::Signing, Some(Instrument::Programme)),
                Agreement => (EventKind::Signing, Some(Instrument::Agreement)),
                FrameworkAgreement => (EventKind::Signing, Some(Instrument::FrameworkAgreement)),
                ExecutiveContract | ArmsDeal => (EventKind::Signing, Some(Instrument::ExecutiveContract)),
                Treaty => (EventKind::Signing, Some(Instrument::Treaty)),
                Delivery => (EventKind::Delivery, None),
                Ratification => (EventKind::Ratification, None),
                Summit | Attendance => (EventKind::Summit, None),
                Visit => (EventKind::Visit, None),
                Withdrawal => (EventKind::Withdrawal, None),
                Exercise => (EventKind::Exercise, None),
                Establishment => (EventKind::Establishment, None),
                Invasion => (EventKind::Invasion, None),
                Attack => (EventKind::Attack, None),
                Threat | Statement => (EventKind::Statement, None),
                Election => (EventKind::Election, None),
                Inauguration => (EventKind::Inauguration, None),
                Membership | Deployment => unreachable!("handled above"),
            };
            if matches!(kind, EventKind::Accession | EventKind::Visit | EventKind::Delivery) && others.is_empty() {
                return Err(format!("a {} with no counterpart named", kind.as_str()));
            }
            if kind == EventKind::Accession && !others.iter().any(|o| is_organisation(kb, o)) {
                return Err("an accession is to an organisation, and none is named".into());
            }
            let (e, title) = event(kind, instrument);
            t = e;
            if c.mode == Attendance {
                // "X attended the summit": the host is the counterpart, the actors attend.
                let host = if others.is_empty() {
                    actors.clone()
                } else {
                    others.clone()
                };
                t.insert("actors".into(), list(&host));
                t.insert("attendees".into(), list(&actors));
            } else {
                t.insert("actors".into(), list(&actors));
                if !others.is_empty() {
                    let key = if kind == EventKind::Summit {
                        "attendees"
                    } else {
                        "targets"
                    };
                    t.insert(key.into(), list(&others));
                }
            }
            t.insert("plover".into(), s(c.plover.as_str()));
            if let Some(code) = c.cameo {
                t.insert("cameo".into(), s(code));
            }
            if let Some(i) = instrument {
                t.insert("instrument".into(), s(i.as_str()));
            }
            if matches!(c.mode, ExecutiveContract | ArmsDeal) {
                check.push("an order without a weapon designation: recorded as a signing".into());
            }
            ("event", title)
        }
    };
    if kind != "transfer" {
        // A transfer's title is made from its fields; the others carry one.
        t.insert("title".into(), s(&title));
    }
    Ok((kind, t, title, check))
}

/// The id of a draft: its kind, actors and date in words, and a hash of everything it says.
fn draft_id(kind: &str, t: &Table) -> String {
    let field = |k: &str| t.get(k).map(|v| v.to_string()).unwrap_or_default();
    let what = t
        .get("kind")
        .and_then(Value::as_str)
        .or_else(|| t.get("system").and_then(Value::as_str))
        .unwrap_or(kind);
    let who: Vec<String> = [
        "actors",
        "subject",
        "supplier",
        "targets",
        "object",
        "recipient",
        "attendees",
    ]
    .iter()
    .flat_map(|k| match t.get(*k) {
        Some(Value::Array(a)) => a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect(),
        Some(Value::String(x)) => vec![x.clone()],
        _ => vec![],
    })
    .collect();
    let mut sorted = who.clone();
    sorted.sort();
    sorted.dedup();
    let date = ["date", "start", "order_date"]
        .iter()
        .find_map(|k| t.get(*k).and_then(Value::as_str))
        .unwrap_or("");
    let key = [
        kind.to_string(),
        field("kind"),
        field("instrument"),
        field("system"),
        sorted.join(","),
        date.to_string(),
    ]
    .join("|");
    let words: Vec<String> = sorted.iter().take(3).map(|x| slug(x)).collect();
    format!(
        "{}-{}-{}-{:06x}",
        slug(what),
        words.join("-"),
        slug(date),
        fnv(key.as_bytes()) & 0xff_ffff
    )
}

/// Proposes records from one article. `derived` offers the facts the standard datasets hold (an
/// alliance ATOP records, a deal in the SIPRI register): a claim they hold is linked, not drafted.
pub fn propose(
    kb: &KnowledgeBase,
    extractor: &Extractor,
    derived: Option<&dyn DerivedSource>,
    article: &Article,
    info: &ArticleInfo,
    today: Day,
) -> Result<ArticleProposals, ProposeError> {
    let given = info.url.clone().ok_or_else(|| ProposeError::NoAddress {
        article: article.name.clone(),
    })?;
    let (url, host) = match web_address(&given) {
        Ok((url, host)) => {
            let host = host.to_string();
            (url, host)
        }
        Err(why) => {
            return Err(ProposeError::BadAddress {
                article: article.name.clone(),
                url: given,
                why,
            })
        }
    };
    let source_id = source_id(&url);
    let mut src = Table::new();
    src.insert("id".into(), s(&source_id));
    src.insert("url".into(), s(&url));
    src.insert(
        "publisher".into(),
        s(info.publisher.as_deref().unwrap_or(host.trim_start_matches("www."))),
    );
    if let Some(t) = &info.title {
        src.insert("title".into(), s(t));
    }
    if let Some(d) = info.published {
        src.insert("published".into(), s(&d.to_string()));
    }
    let source = wrap("source", src);

    let claims = extractor.extract(article);
    let mut out = ArticleProposals {
        article: article.name.clone(),
        source_id: source_id.clone(),
        source,
        claims: claims.len(),
        proposals: Vec::new(),
        known: Vec::new(),
        left: Vec::new(),
    };
    let mut by_id: BTreeMap<String, usize> = BTreeMap::new();
    for c in &claims {
        let left = |reason: String, records: Vec<FactId>| Left {
            quote: c.quote.clone(),
            start: c.start,
            end: c.end,
            text_start: c.text_span.0,
            text_end: c.text_span.1,
            reason,
            records,
        };
        if c.modality != Modality::Asserted {
            out.left
                .push(left(format!("{} claim, not an event", c.modality.as_str()), vec![]));
            continue;
        }
        // A record names actors of the knowledge base; a generic agent ("police") or an actor
        // only the Phoenix dictionaries know cannot be drafted until it is added.
        let unknown: Vec<&str> = c
            .actors
            .iter()
            .chain(&c.recipients)
            .filter(|a| kb.actor(&a.id).is_none())
            .map(|a| a.text.as_str())
            .collect();
        if !unknown.is_empty() {
            out.left.push(left(
                format!(
                    "names an actor the knowledge base does not hold ({}); add it to the data to record this",
                    unknown.join(", ")
                ),
                vec![],
            ));
            continue;
        }
        let v = verify_claim_with(kb, derived, c);
        let records: Vec<FactId> = v.evidence.iter().map(|e| e.fact.clone()).collect();
        let (action, table, kind, title, mut check) = match v.verdict {
            // An imprecise claim (a day or a month off, a framework called a contract) is the
            // recorded event loosely put: the record stands.
            Verdict::Supported | Verdict::PartlySupported | Verdict::Imprecise => {
                out.known
                    .push(left(format!("{}: {}", v.verdict.label(), v.explanation), records));
                continue;
            }
            Verdict::Contradicted => match corrected(kb, c, &v, &source_id) {
                Some((kind, table, replaces, why)) => {
                    let title = table.get("title").and_then(Value::as_str).map_or_else(
                        || {
                            kb.all_facts()
                                .find(|f| f.id() == replaces)
                                .map(|f| f.title())
                                .unwrap_or_default()
                        },
                        str::to_string,
                    );
                    (Action::Correction { replaces, why }, table, kind, title, Vec::new())
                }
                None => {
                    out.left
                        .push(left(format!("{}: {}", v.verdict.label(), v.explanation), records));
                    continue;
                }
            },
            Verdict::Unverifiable => {
                let (date, dated_by_article) = match (c.date, article.date.or(info.published)) {
                    (Some(d), _) => (d, false),
                    (None, Some(p)) => (p, true),
                    (None, None) => {
                        out.left
                            .push(left("undated, and the article's date is not known".into(), vec![]));
                        continue;
                    }
                };
                match draft(kb, c, date) {
                    Ok((kind, mut table, title, mut check)) => {
                        if dated_by_article {
                            check.insert(
                                0,
                                "the sentence gives no date: the article's publication date is used".into(),
                            );
                        }
                        table.insert("sources".into(), Value::Array(vec![s(&source_id)]));
                        let id = draft_id(kind, &table);
                        table.insert("id".into(), s(&id));
                        (Action::New, table, kind, title, check)
                    }
                    Err(why) => {
                        out.left.push(left(why, vec![]));
                        continue;
                    }
                }
            }
        };
        let id = table.get("id").and_then(Value::as_str).unwrap_or_default().to_string();
        if let Some(&i) = by_id.get(&id) {
            let p = &mut out.proposals[i];
            p.also.push((c.start, c.end));
            p.confidence = p.confidence.max(c.confidence);
            continue;
        }
        if kb.all_facts().any(|f| f.id() == id) && action == Action::New {
            out.known.push(left(format!("already recorded as `{id}`"), vec![id]));
            continue;
        }
        let key = match &action {
            Action::New => id.clone(),
            Action::Correction { .. } => format!("{id}@{:08x}", fnv(wrap(kind, table.clone()).as_bytes()) as u32),
        };
        let mut table = table;
        table.insert("review".into(), review_table(&source_id, c, today));
        // Keys in the order of the format's documentation: id first, review last.
        let mut ordered = Table::new();
        if let Some(v) = table.remove("id") {
            ordered.insert("id".into(), v);
        }
        let review = table.remove("review");
        for (k, v) in table {
            ordered.insert(k, v);
        }
        if let Some(r) = review {
            ordered.insert("review".into(), r);
        }
        check.dedup();
        by_id.insert(id.clone(), out.proposals.len());
        out.proposals.push(Proposal {
            id,
            key,
            kind,
            action,
            title,
            verdict: v.verdict,
            confidence: c.confidence,
            quote: c.quote.clone(),
            start: c.start,
            end: c.end,
            text_start: c.text_span.0,
            text_end: c.text_span.1,
            also: Vec::new(),
            check,
            record: wrap(kind, ordered),
        });
    }
    Ok(out)
}

/// The id the draft of claim `c` gets when dated `date` (the id says kind, instrument, system,
/// participants and date): two drafts with the same id say the same. `None` where the claim
/// gives no draft.
pub fn draft_key(kb: &KnowledgeBase, c: &Claim, date: PartialDate) -> Option<String> {
    let (kind, table, _, _) = draft(kb, c, date).ok()?;
    Some(draft_id(kind, &table))
}

/// The correction a contradicted claim stands for, when what differs is a date or a quantity of
/// one record: that record, changed, with the article cited.
fn corrected(
    kb: &KnowledgeBase,
    c: &Claim,
    v: &Verification,
    source_id: &str,
) -> Option<(&'static str, Table, FactId, String)> {
    let [ev] = v.evidence.as_slice() else { return None };
    let fact = kb.all_facts().find(|f| f.id() == ev.fact)?;
    let mut t = fact_table(fact)?;
    let kind = match fact {
        FactRef::Event(_) => "event",
        FactRef::Transfer(_) => "transfer",
        FactRef::Relation(_) => "relation",
        FactRef::Driver(_) => return None,
    };
    let mut why = Vec::new();
    for d in &v.differences {
        match (d.field, fact) {
            ("date", FactRef::Event(_)) => {
                let date = c.date?;
                t.insert("date".into(), s(&date.to_string()));
                t.remove("end");
                if let Some(e) = c.date_end {
                    t.insert("end".into(), s(&e.to_string()));
                }
            }
            ("date", FactRef::Transfer(_)) if c.mode != ClaimKind::Delivery => {
                t.insert("order_date".into(), s(&c.date?.to_string()));
            }
            ("date", FactRef::Relation(_)) => {
                t.insert("start".into(), s(&c.date?.to_string()));
            }
            ("quantity", FactRef::Transfer(_)) => {
                let q = u32::try_from(c.quantity?).ok()?;
                t.insert("ordered".into(), Value::Integer(q.into()));
            }
            _ => return None,
        }
        why.push(format!(
            "{}: the article says {}, the record {}",
            d.field, d.claimed, d.recorded
        ));
    }
    if why.is_empty() {
        return None;
    }
    if let Some(Value::Array(a)) = t.get_mut("sources") {
        if !a.iter().any(|x| x.as_str() == Some(source_id)) {
            a.push(s(source_id));
        }
    }
    Some((kind, t, fact.id().to_string(), why.join("; ")))
}

/// Where a draft stands against the ledger and the data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    /// Not seen before.
    Fresh,
    /// Already written to the proposals directory, waiting for review.
    Pending,
    /// In the data (accepted, or recorded by hand under the same id).
    Accepted,
    Rejected,
}

impl Standing {
    pub fn as_str(self) -> &'static str {
        match self {
            Standing::Fresh => "fresh",
            Standing::Pending => "pending",
            Standing::Accepted => "accepted",
            Standing::Rejected => "rejected",
        }
    }
}

/// Where a proposal stands, given the keys of the proposals written before (`proposed`) and
/// whether a reviewer rejected it. A correction is pending while any correction of the same
/// record awaits review (two articles never both replace one record); it is accepted once the
/// data holds the record with the article among its sources. A new record is accepted once the
/// data holds its id.
pub fn standing(
    kb: &KnowledgeBase,
    p: &Proposal,
    source_id: &str,
    proposed: &std::collections::BTreeSet<String>,
    rejected: bool,
) -> Standing {
    if rejected {
        return Standing::Rejected;
    }
    let in_data = kb
        .all_facts()
        .find(|f| f.id() == p.id)
        .is_some_and(|f| p.action == Action::New || f.sources().iter().any(|s| s.source == source_id));
    let pending = match p.action {
        Action::New => proposed.contains(&p.key),
        Action::Correction { .. } => holds(proposed, &p.id),
    };
    if in_data {
        Standing::Accepted
    } else if pending {
        Standing::Pending
    } else {
        Standing::Fresh
    }
}

/// Whether a ledger's `keys` hold a proposal of record `id`: the id itself, or a correction of
/// it (`id@…`).
pub fn holds(keys: &std::collections::BTreeSet<String>, id: &str) -> bool {
    let prefix = format!("{id}@");
    keys.contains(id)
        || keys
            .range(prefix.clone()..)
            .next()
            .is_some_and(|k| k.starts_with(&prefix))
}

/// Why a reviewed record cannot be accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AcceptError(pub String);

impl std::fmt::Display for AcceptError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for AcceptError {}

fn only_record(text: &str, what: &str) -> Result<(String, Table), AcceptError> {
    let t: Table = toml::from_str(text).map_err(|e| AcceptError(format!("the {what} record is not TOML: {e}")))?;
    let mut found = None;
    for (k, v) in t {
        match (k.as_str(), v) {
            ("event" | "transfer" | "relation", Value::Array(mut a)) if a.len() == 1 && found.is_none() => {
                if let Some(Value::Table(r)) = a.pop() {
                    found = Some((k, r));
                    continue;
                }
                return Err(AcceptError(format!("the {what} record is not a table")));
            }
            (k, _) => {
                return Err(AcceptError(format!(
                    "the {what} text must hold exactly one [[event]], [[transfer]] or [[relation]] (found `{k}`)"
                )))
            }
        }
    }
    found.ok_or_else(|| AcceptError(format!("the {what} text holds no record")))
}

/// A reviewer's acceptance of a proposal, as the review view sends it.
#[derive(Clone, Debug)]
pub struct Decision<'a> {
    /// The record as proposed (with its review table).
    pub proposed: &'a str,
    /// The reviewer's version (the proposed one when unchanged).
    pub edited: &'a str,
    /// The article's `[[source]]` and its id.
    pub source: &'a str,
    pub source_id: &'a str,
    /// For a correction: the record it replaces, which must be the record's own id.
    pub replaces: Option<&'a str>,
}

/// Checks a decision and returns the record to save ([`accept`]). The source must be one
/// `[[source]]` of id `source_id` and nothing else, the proposal must come from that article,
/// and a correction may replace only the record it corrects (its own id): a request cannot
/// slip in other records or retract unrelated ones.
pub fn decide(d: &Decision, today: Day) -> Result<String, AcceptError> {
    let src: Table = toml::from_str(d.source).map_err(|e| AcceptError(format!("the source is not TOML: {e}")))?;
    let only_source = src.len() == 1
        && matches!(src.get("source"), Some(Value::Array(a)) if a.len() == 1
            && a[0].get("id").and_then(Value::as_str) == Some(d.source_id));
    if !only_source {
        return Err(AcceptError(format!(
            "the source must be exactly one [[source]] with id `{}`",
            d.source_id
        )));
    }
    let (_, proposed) = only_record(d.proposed, "proposed")?;
    let article = proposed
        .get("review")
        .and_then(|r| r.get("article"))
        .and_then(Value::as_str);
    if article != Some(d.source_id) {
        return Err(AcceptError(format!(
            "the proposal does not come from the article `{}`",
            d.source_id
        )));
    }
    if let Some(r) = d.replaces {
        let (_, edited) = only_record(d.edited, "edited")?;
        let id = |t: &Table| t.get("id").and_then(Value::as_str).map(str::to_string);
        if id(&proposed).as_deref() != Some(r) || id(&edited).as_deref() != Some(r) {
            return Err(AcceptError(format!(
                "a correction replaces the record it corrects: `replaces` is `{r}`, the record's id must be too"
            )));
        }
    }
    accept(d.proposed, d.edited, today)
}

/// The record a reviewer accepts: `edited` (the proposal's record, possibly changed) with its
/// `review` stamped `accepted = today` and `edited` listing the fields that differ from
/// `proposed`. The review table itself cannot be edited away: it is taken from the proposal.
pub fn accept(proposed: &str, edited: &str, today: Day) -> Result<String, AcceptError> {
    let (kind, original) = only_record(proposed, "proposed")?;
    let (kind2, mut record) = only_record(edited, "edited")?;
    if kind != kind2 {
        return Err(AcceptError(format!(
            "a proposed [[{kind}]] cannot be accepted as a [[{kind2}]]"
        )));
    }
    let Some(Value::Table(mut review)) = original.get("review").cloned() else {
        return Err(AcceptError("the proposed record has no review table".into()));
    };
    record.remove("review");
    let mut changed: Vec<String> = record
        .iter()
        .filter(|(k, v)| original.get(*k) != Some(*v))
        .map(|(k, _)| k.clone())
        .chain(
            original
                .keys()
                .filter(|k| *k != "review" && !record.contains_key(*k))
                .cloned(),
        )
        .collect();
    changed.sort();
    changed.dedup();
    review.insert("accepted".into(), s(&today.to_string()));
    if !changed.is_empty() {
        review.insert("edited".into(), Value::Array(changed.iter().map(|x| s(x)).collect()));
    }
    record.insert("review".into(), Value::Table(review));
    Ok(wrap(&kind, record))
}
