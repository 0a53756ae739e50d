//! The query endpoints. Each one parses its parameters, calls the knowledge base or the analysis
//! library, and serialises what comes back; nothing is computed here.

use super::error::{ApiError, ErrorBody};
use super::params::{parse_date, resolve, Params};
use super::{blocking, json, Snap};
use crate::middleware::BRIEF_CSP;
use crate::state::{today, App, Snapshot};
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use entente_analysis::{DepthDimension, DyadDepth, Step};
use entente_kb::{KnowledgeBase, MembershipAt, TimelineQuery, TransferQuery};
use entente_model::Day;
use serde::Serialize;
use serde_json::json;
use std::collections::BTreeMap;

type Result<T> = std::result::Result<T, ApiError>;

/// Display names of the actors a result mentions, so a page can label them without more calls.
fn names<'a>(kb: &KnowledgeBase, ids: impl IntoIterator<Item = &'a str>) -> BTreeMap<String, String> {
    ids.into_iter()
        .map(|id| (id.to_string(), kb.name_of(id).to_string()))
        .collect()
}

#[utoipa::path(get, path = "/api/meta", tag = "dataset",
    responses((status = 200, description = "What the server holds: counts, generation of edits, whether writes are enabled, the index's dimensions.")))]
pub async fn meta(State(app): State<App>, Snap(s): Snap) -> Result<Response> {
    let f = s.kb.facts();
    let dims: Vec<_> = DepthDimension::ALL
        .iter()
        .map(|d| {
            json!({"id": d.as_str(), "label": d.label(),
                   "weight": app.config.weights.get(d.as_str()).copied().unwrap_or(0.0)})
        })
        .collect();
    json(&json!({
        "version": env!("CARGO_PKG_VERSION"),
        "generation": s.generation,
        "writable": app.writable(),
        "edits": app.store.as_ref().map(|st| st.path.display().to_string()),
        "today": today(),
        "start_year": app.config.index.start_year,
        "counts": {"actors": f.actors.len(), "sources": f.sources.len(), "facts": f.fact_count(),
                   "relations": f.relations.len(), "events": f.events.len(),
                   "transfers": f.transfers.len(), "drivers": f.drivers.len()},
        "dimensions": dims,
        "data": {
            "dir": app.data.dir.as_ref().map(|d| d.display().to_string()),
            "datasets": app.data.store.as_ref().map(|st| st.entries().iter().map(|e| e.dataset.to_string()).collect::<std::collections::BTreeSet<_>>()),
            "events": app.data.events.as_ref().and_then(|l| l.stats()).map(|s| s.events),
        },
    }))
}

#[utoipa::path(get, path = "/api/actors", tag = "actors",
    params(("kind" = Option<String>, Query, description = "Only actors of these kinds (comma-separated: state, alliance, igo, body, agency, company, operation, grouping, person)"),
           ("limit" = Option<usize>, Query, description = "Page size (default 100, at most 1000)"),
           ("offset" = Option<usize>, Query, description = "Items to skip")),
    responses((status = 200, description = "Actors with their kind, parent and codes: `{total, offset, limit, actors}`"),
              (status = 400, description = "Bad parameter", body = ErrorBody)))]
pub async fn actors(Snap(s): Snap, RawQuery(q): RawQuery) -> Result<Response> {
    let p = Params::parse(q.as_deref(), &["kind", "limit", "offset"])?;
    let kinds = p.list("kind");
    let page = p.page()?;
    let all: Vec<_> = s
        .kb
        .facts()
        .actors
        .iter()
        .filter(|a| kinds.is_empty() || kinds.iter().any(|k| *k == a.kind.to_string()))
        .map(|a| json!({"id": a.id, "name": a.display_name(), "kind": a.kind, "parent": a.parent, "codes": a.codes}))
        .collect();
    json(&json!({"total": all.len(), "offset": page.offset, "limit": page.limit, "actors": page.slice(&all)}))
}

#[utoipa::path(get, path = "/api/actors/{id}", tag = "actors",
    params(("id" = String, Path, description = "Any id, code, name, alias or demonym (KOR, ROK, South Korean, 732, Q884)")),
    responses((status = 200, description = "The actor's profile: codes, names, parent and parts, relations over time, activity counts"),
              (status = 404, description = "Unknown actor, with suggestions", body = ErrorBody)))]
pub async fn actor(Snap(s): Snap, Path(id): Path<String>, RawQuery(q): RawQuery) -> Result<Response> {
    Params::parse(q.as_deref(), &[])?;
    let id = resolve(&s.kb, "id", &id)?;
    let profile =
        s.kb.profile(&id)
            .ok_or_else(|| ApiError::not_found("unknown_actor", format!("no actor `{id}`")))?;
    json(&profile)
}

#[utoipa::path(get, path = "/api/search", tag = "actors",
    params(("q" = String, Query, description = "Text: any name, alias, demonym or code, typos forgiven"),
           ("limit" = Option<usize>, Query, description = "Page size (default 100, at most 1000)"),
           ("offset" = Option<usize>, Query, description = "Items to skip")),
    responses((status = 200, description = "`{query, total, offset, limit, hits}`, best first"),
              (status = 400, description = "Missing or bad parameter", body = ErrorBody)))]
pub async fn search(Snap(s): Snap, RawQuery(q): RawQuery) -> Result<Response> {
    let p = Params::parse(q.as_deref(), &["q", "limit", "offset"])?;
    let text = p.required("q")?;
    if text.chars().count() > 200 {
        return Err(ApiError::bad_request(
            "bad_parameter",
            "parameter `q` is at most 200 characters",
        ));
    }
    let page = p.page()?;
    let hits = s.kb.search(text, usize::MAX);
    let total = hits.len();
    let hits = page.slice(&hits);
    json(&json!({"query": text, "total": total, "offset": page.offset, "limit": page.limit, "hits": hits}))
}

#[utoipa::path(get, path = "/api/timeline", tag = "queries",
    params(("a" = String, Query, description = "An actor (any id, code, name or alias)"),
           ("b" = Option<String>, Query, description = "The other side of the partnership"),
           ("kind" = Option<String>, Query, description = "Only these kinds or dimensions (comma-separated: summit,programme,transfer,cyber…)"),
           ("from" = Option<String>, Query, description = "From this date (YYYY, YYYY-MM or YYYY-MM-DD)"),
           ("to" = Option<String>, Query, description = "Up to this date"),
           ("members" = Option<bool>, Query, description = "Count an alliance's members at each date as part of it"),
           ("curated_only" = Option<bool>, Query, description = "Leave out the entries derived from the datasets (ATOP alliances, imported SIPRI deals)"),
           ("limit" = Option<usize>, Query, description = "Page size (default 100, at most 1000)"),
           ("offset" = Option<usize>, Query, description = "Entries to skip")),
    responses((status = 200, description = "`{actors, names, total, offset, limit, entries}`: the chronology, oldest first, each entry with its citations; entries derived from a dataset name it in `derived`"),
              (status = 400, description = "Bad date or parameter", body = ErrorBody),
              (status = 404, description = "Unknown actor, with suggestions", body = ErrorBody)))]
pub async fn timeline(State(app): State<App>, Snap(s): Snap, RawQuery(q): RawQuery) -> Result<Response> {
    let p = Params::parse(
        q.as_deref(),
        &[
            "a",
            "b",
            "kind",
            "from",
            "to",
            "members",
            "curated_only",
            "limit",
            "offset",
        ],
    )?;
    let mut actors = vec![p.actor(&s.kb, "a")?];
    if let Some(b) = p.opt_actor(&s.kb, "b")? {
        actors.push(b);
    }
    let (from, to) = p.date_range()?;
    let query = TimelineQuery {
        actors,
        members: p.flag("members")?,
        kinds: p.list("kind"),
        from,
        to,
    };
    let page = p.page()?;
    let tables = (!p.flag("curated_only")?).then_some(&app.tables);
    let t = entente_analysis::evidence::timeline(&s.kb, tables, &query);
    let entries = page.slice(&t.entries);
    let mentioned = t
        .actors
        .iter()
        .chain(entries.iter().flat_map(|e| e.actors.iter().chain(e.via.iter())))
        .map(String::as_str);
    json(&json!({
        "actors": t.actors, "names": names(&s.kb, mentioned),
        "total": t.entries.len(), "offset": page.offset, "limit": page.limit, "entries": entries,
    }))
}

#[utoipa::path(get, path = "/api/at", tag = "queries",
    params(("actor" = String, Query, description = "An actor"),
           ("date" = String, Query, description = "The date (a year or month means its last day)"),
           ("limit" = Option<usize>, Query, description = "Page size (default 100, at most 1000)"),
           ("offset" = Option<usize>, Query, description = "Entries to skip")),
    responses((status = 200, description = "`{actor, name, date, member_count, total, offset, limit, entries}`: members, partners, programmes, memberships in force"),
              (status = 400, description = "Bad date or parameter", body = ErrorBody),
              (status = 404, description = "Unknown actor", body = ErrorBody)))]
pub async fn at(State(app): State<App>, Snap(s): Snap, RawQuery(q): RawQuery) -> Result<Response> {
    let p = Params::parse(q.as_deref(), &["actor", "date", "limit", "offset"])?;
    let actor = p.actor(&s.kb, "actor")?;
    let date = parse_date("date", p.required("date")?)?;
    let page = p.page()?;
    let st = entente_analysis::evidence::state_at(&s.kb, Some(&app.tables), &actor, date.latest());
    json(&json!({
        "actor": st.actor, "name": s.kb.name_of(&actor), "date": st.date, "member_count": st.member_count,
        "total": st.entries.len(), "offset": page.offset, "limit": page.limit, "entries": page.slice(&st.entries),
    }))
}

#[utoipa::path(get, path = "/api/transfers", tag = "queries",
    params(("supplier" = Option<String>, Query, description = "Supplier (any id, code or name)"),
           ("recipient" = Option<String>, Query, description = "Recipient"),
           ("recipient_in" = Option<String>, Query, description = "Only recipients that were members of this organisation (at the deal's date, or at member_at)"),
           ("member_at" = Option<String>, Query, description = "`deal` (default) or a date"),
           ("from" = Option<String>, Query, description = "Ordered from this date"),
           ("to" = Option<String>, Query, description = "Ordered up to this date"),
           ("weapons_only" = Option<bool>, Query, description = "Leave out equipment that is not a weapon system"),
           ("limit" = Option<usize>, Query, description = "Page size (default 100, at most 1000)"),
           ("offset" = Option<usize>, Query, description = "Rows to skip")),
    responses((status = 200, description = "`{total, offset, limit, names, transfers}`, by order date, each with citations"),
              (status = 400, description = "Bad date or parameter", body = ErrorBody),
              (status = 404, description = "Unknown actor", body = ErrorBody)))]
pub async fn transfers(State(app): State<App>, Snap(s): Snap, RawQuery(q): RawQuery) -> Result<Response> {
    let p = Params::parse(
        q.as_deref(),
        &[
            "supplier",
            "recipient",
            "recipient_in",
            "member_at",
            "from",
            "to",
            "weapons_only",
            "limit",
            "offset",
        ],
    )?;
    let membership_at = match p.opt("member_at") {
        None | Some("deal") => MembershipAt::Deal,
        Some(d) => MembershipAt::Day(parse_date("member_at", d)?.latest()),
    };
    let (from, to) = p.date_range()?;
    let query = TransferQuery {
        supplier: p.opt_actor(&s.kb, "supplier")?,
        recipient: p.opt_actor(&s.kb, "recipient")?,
        recipient_in: p.opt_actor(&s.kb, "recipient_in")?,
        membership_at,
        from,
        to,
        weapons_only: p.flag("weapons_only")?,
    };
    let page = p.page()?;
    let list = entente_analysis::evidence::transfer_list(&s.kb, Some(&app.tables), &query);
    json(&json!({
        "total": list.total, "offset": page.offset, "limit": page.limit, "transfers": page.slice(&list.transfers),
    }))
}

/// The time range of a series: `from`/`to` (default: the configuration's start year to today)
/// and `by` (year or month).
/// The depth index of a dyad, with event data when the server has a lake.
fn depth_of(app: &App, s: &Snapshot, a: &str, b: &str) -> Result<DyadDepth> {
    DyadDepth::build_with(&s.kb, a, b, &app.config, &sources(app)).map_err(ApiError::from)
}

/// What the index draws on beside the curated facts.
fn sources(app: &App) -> entente_analysis::Sources<'_> {
    entente_analysis::Sources {
        tables: Some(&app.tables),
        lake: app.data.events.as_deref(),
    }
}

fn range(app: &App, p: &Params, default_step: Step, with_step: bool) -> Result<(Day, Day, Step)> {
    let (given_from, given_to) = p.date_range()?;
    // A series (and the change-point search, quadratic in its months) only over the years the
    // index can cover: `from=1000&to=2999` would be 24,000 months in one request.
    let (from, to) =
        entente_analysis::series_range(&app.config, given_from, given_to, today()).map_err(|e| match e {
            entente_analysis::SeriesRangeError::Reversed(r) => super::params::reversed(r),
            other => ApiError::bad_request("bad_parameter", other.to_string()),
        })?;
    let by = if with_step { p.opt("by") } else { None };
    let step = match by {
        None => default_step,
        Some("year") => Step::Year,
        Some("month") => Step::Month,
        Some(v) => {
            return Err(ApiError::bad_request(
                "bad_parameter",
                format!("parameter `by` must be year or month, not `{v}`"),
            ))
        }
    };
    Ok((from, to, step))
}

/// The dimensions the depth chart shows ([`DyadDepth::shown_dimensions`]), with their labels.
fn shown(d: &DyadDepth) -> Vec<serde_json::Value> {
    d.shown_dimensions()
        .into_iter()
        .map(|d| json!({"id": d.as_str(), "label": d.label()}))
        .collect()
}

fn dyad(s: &Snapshot, p: &Params) -> Result<(String, String)> {
    Ok((p.actor(&s.kb, "a")?, p.actor(&s.kb, "b")?))
}

#[utoipa::path(get, path = "/api/depth", tag = "analysis",
    params(("a" = String, Query, description = "One side"), ("b" = String, Query, description = "The other side"),
           ("from" = Option<String>, Query, description = "First date (default: the configuration's start year)"),
           ("to" = Option<String>, Query, description = "Last date (default: today)"),
           ("by" = Option<String>, Query, description = "`year` (default) or `month`")),
    responses((status = 200, description = "`{a, b, label, dimensions, series}`: the depth index (0–100) by dimension and composite"),
              (status = 400, description = "Bad date or parameter", body = ErrorBody),
              (status = 404, description = "Unknown actor", body = ErrorBody)))]
pub async fn depth(State(app): State<App>, Snap(s): Snap, RawQuery(q): RawQuery) -> Result<Response> {
    let p = Params::parse(q.as_deref(), &["a", "b", "from", "to", "by"])?;
    let (a, b) = dyad(&s, &p)?;
    let (from, to, step) = range(&app, &p, Step::Year, true)?;
    blocking(move || {
        let d = depth_of(&app, &s, &a, &b)?;
        let series = d.series(from, to, step);
        json(&json!({
            "a": a, "b": b, "label": format!("{} – {}", s.kb.name_of(&a), s.kb.name_of(&b)),
            "dimensions": shown(&d), "series": series,
            "coverage": d.coverage, "consulted": d.consulted,
        }))
    })
    .await
}

#[utoipa::path(get, path = "/api/depth/explain", tag = "analysis",
    params(("a" = String, Query, description = "One side"), ("b" = String, Query, description = "The other side"),
           ("date" = String, Query, description = "The date to explain")),
    responses((status = 200, description = "Every fact's contribution on that date, by dimension, with citations"),
              (status = 400, description = "Bad date or parameter", body = ErrorBody),
              (status = 404, description = "Unknown actor", body = ErrorBody)))]
pub async fn explain(State(app): State<App>, Snap(s): Snap, RawQuery(q): RawQuery) -> Result<Response> {
    let p = Params::parse(q.as_deref(), &["a", "b", "date"])?;
    let (a, b) = dyad(&s, &p)?;
    let date = parse_date("date", p.required("date")?)?;
    blocking(move || json(&depth_of(&app, &s, &a, &b)?.explain(date.latest()))).await
}

#[utoipa::path(get, path = "/api/changes", tag = "analysis",
    params(("a" = String, Query, description = "One side"), ("b" = String, Query, description = "The other side"),
           ("from" = Option<String>, Query, description = "First date of the monthly series"),
           ("to" = Option<String>, Query, description = "Last date (default: today)")),
    responses((status = 200, description = "`{a, b, total, changes}`: change points of the monthly index with 95% intervals and candidate drivers"),
              (status = 400, description = "Bad date or parameter", body = ErrorBody),
              (status = 404, description = "Unknown actor", body = ErrorBody)))]
pub async fn changes(State(app): State<App>, Snap(s): Snap, RawQuery(q): RawQuery) -> Result<Response> {
    let p = Params::parse(q.as_deref(), &["a", "b", "from", "to"])?;
    let (a, b) = dyad(&s, &p)?;
    let (from, to, _) = range(&app, &p, Step::Month, false)?;
    blocking(move || {
        let series = depth_of(&app, &s, &a, &b)?.series(from, to, Step::Month);
        json(&entente_analysis::ChangeReport::new(
            &s.kb,
            &a,
            &b,
            &series,
            &app.config,
        ))
    })
    .await
}

#[utoipa::path(get, path = "/api/peers", tag = "analysis",
    params(("a" = String, Query, description = "One side"), ("b" = String, Query, description = "The other side"),
           ("peer" = Option<String>, Query, description = "Peers to compare, comma-separated (default: B's fellow members of its groupings)"),
           ("from" = Option<String>, Query, description = "First date"), ("to" = Option<String>, Query, description = "Last date"),
           ("by" = Option<String>, Query, description = "`year` (default) or `month`")),
    responses((status = 200, description = "`{dyads, dimensions}`: the index of A–B and of A with each peer, and the dimensions to show for all of them (A–B's)"),
              (status = 400, description = "Bad date or parameter", body = ErrorBody),
              (status = 404, description = "Unknown actor", body = ErrorBody)))]
pub async fn peers(State(app): State<App>, Snap(s): Snap, RawQuery(q): RawQuery) -> Result<Response> {
    let p = Params::parse(q.as_deref(), &["a", "b", "peer", "from", "to", "by"])?;
    let (a, b) = dyad(&s, &p)?;
    let (from, to, step) = range(&app, &p, Step::Year, true)?;
    let peers = p
        .list("peer")
        .iter()
        .map(|x| resolve(&s.kb, "peer", x))
        .collect::<Result<Vec<_>>>()?;
    blocking(move || {
        json(
            &entente_analysis::peers(&s.kb, &a, &b, peers, &app.config, (from, to, step), &sources(&app))
                .map_err(ApiError::from)?,
        )
    })
    .await
}

#[utoipa::path(get, path = "/api/partners", tag = "analysis",
    params(("actor" = String, Query, description = "The actor whose counterparts are ranked"),
           ("on" = Option<String>, Query, description = "Date of the ranking (default: today)"),
           ("top" = Option<usize>, Query, description = "How many to list (default 25; 0: all)")),
    responses((status = 200, description = "`{actor, date, considered, datasets, partners}`: every counterpart ranked by depth, with its composite, coverage, leading dimension and covering sources"),
              (status = 400, description = "Bad date or parameter", body = ErrorBody),
              (status = 404, description = "Unknown actor", body = ErrorBody)))]
pub async fn partners(State(app): State<App>, Snap(s): Snap, RawQuery(q): RawQuery) -> Result<Response> {
    let p = Params::parse(q.as_deref(), &["actor", "on", "top"])?;
    let actor = p.actor(&s.kb, "actor")?;
    let day = p.date("on")?.map_or_else(today, |d| d.latest());
    let top = match p.opt("top") {
        None => entente_analysis::partners::DEFAULT_TOP,
        Some(v) => v.parse::<usize>().map_err(|_| {
            ApiError::bad_request("bad_parameter", format!("parameter `top` must be a count, not `{v}`"))
        })?,
    };
    blocking(move || {
        let mut ranking =
            entente_analysis::partners(&s.kb, &actor, day, &app.config, &sources(&app)).map_err(ApiError::from)?;
        ranking.keep_top(top);
        json(&ranking)
    })
    .await
}

#[utoipa::path(get, path = "/api/outlook", tag = "analysis",
    params(("a" = String, Query, description = "One side"), ("b" = String, Query, description = "The other side")),
    responses((status = 200, description = "Drivers and uncertainties with indicators and their latest evidence"),
              (status = 404, description = "Unknown actor", body = ErrorBody)))]
pub async fn outlook(Snap(s): Snap, RawQuery(q): RawQuery) -> Result<Response> {
    let p = Params::parse(q.as_deref(), &["a", "b"])?;
    let (a, b) = dyad(&s, &p)?;
    json(&entente_analysis::outlook(&s.kb, &a, &b))
}

#[utoipa::path(get, path = "/api/brief", tag = "analysis",
    params(("a" = String, Query, description = "One side"), ("b" = String, Query, description = "The other side"),
           ("peer" = Option<String>, Query, description = "Peers, comma-separated"),
           ("from" = Option<String>, Query, description = "First date"), ("to" = Option<String>, Query, description = "Last date")),
    responses((status = 200, description = "The analytic brief, one self-contained HTML document", content_type = "text/html"),
              (status = 404, description = "Unknown actor", body = ErrorBody)))]
pub async fn brief(State(app): State<App>, Snap(s): Snap, RawQuery(q): RawQuery) -> Result<Response> {
    let p = Params::parse(q.as_deref(), &["a", "b", "peer", "from", "to"])?;
    let (a, b) = dyad(&s, &p)?;
    let (from, to, _) = range(&app, &p, Step::Year, false)?;
    let peers = p
        .list("peer")
        .iter()
        .map(|x| resolve(&s.kb, "peer", x))
        .collect::<Result<Vec<_>>>()?;
    let html = blocking(move || {
        let req = entente_report::brief::BriefRequest {
            a: &a,
            b: &b,
            from,
            to,
            peers,
            config: &app.config,
            lake: app.data.events.as_deref(),
            store: app.data.store.as_ref(),
            tables: Some(&app.tables),
        };
        entente_report::brief::render(&s.kb, &req).map_err(ApiError::from)
    })
    .await?;
    let mut res = html.into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(BRIEF_CSP));
    Ok(res)
}

#[derive(Serialize)]
struct CitedBy {
    id: String,
    title: String,
}

#[utoipa::path(get, path = "/api/sources/{id}", tag = "dataset",
    params(("id" = String, Path, description = "Source id")),
    responses((status = 200, description = "The source and the records that cite it"),
              (status = 404, description = "Unknown source", body = ErrorBody)))]
pub async fn source(Snap(s): Snap, Path(id): Path<String>, RawQuery(q): RawQuery) -> Result<Response> {
    Params::parse(q.as_deref(), &[])?;
    let src = s.kb.source(&id).ok_or_else(|| {
        ApiError::not_found("unknown_source", format!("no source `{id}`"))
            .hint("source ids are listed in each fact's citations")
    })?;
    let cited_by: Vec<CitedBy> =
        s.kb.all_facts()
            .filter(|f| f.sources().iter().any(|r| r.source == id))
            .map(|f| CitedBy {
                id: f.id().to_string(),
                title: f.title(),
            })
            .collect();
    json(&json!({"source": src, "cited_by": cited_by}))
}

#[utoipa::path(get, path = "/api/facts/{id}", tag = "dataset",
    params(("id" = String, Path, description = "Fact id")),
    responses((status = 200, description = "The fact, its citations, where it is declared and its text (to correct it)"),
              (status = 404, description = "Unknown fact", body = ErrorBody)))]
pub async fn fact(Snap(s): Snap, Path(id): Path<String>, RawQuery(q): RawQuery) -> Result<Response> {
    Params::parse(q.as_deref(), &[])?;
    let f =
        s.kb.all_facts()
            .find(|f| f.id() == id)
            .ok_or_else(|| ApiError::not_found("unknown_fact", format!("no fact `{id}`")))?;
    let kind = match f {
        entente_model::FactRef::Relation(_) => "relation",
        entente_model::FactRef::Event(_) => "event",
        entente_model::FactRef::Transfer(_) => "transfer",
        entente_model::FactRef::Driver(_) => "driver",
    };
    let origin = s.kb.dataset().origins.get(&id);
    let text = origin.and_then(|o| {
        let file = s.files.iter().find(|i| i.name == o.file)?;
        crate::edits::record_text(std::str::from_utf8(&file.bytes).ok()?, kind, o.line)
    });
    let key = crate::edits::Key {
        ns: "fact",
        id: id.clone(),
    };
    json(&json!({
        "id": id, "kind": kind, "title": f.title(), "date": f.date(), "fact": f,
        "citations": s.kb.cite(f.sources()), "names": names(&s.kb, f.participants().into_iter().map(String::as_str)),
        "origin": origin, "toml": text, "in_edits": s.in_edits(&key),
    }))
}

#[utoipa::path(get, path = "/api/edits", tag = "editing",
    responses((status = 200, description = "The user's edits: whether writes are enabled, the file, the records it adds and the base records it replaces")))]
pub async fn edits(State(app): State<App>, Snap(s): Snap, RawQuery(q): RawQuery) -> Result<Response> {
    Params::parse(q.as_deref(), &[])?;
    json(&json!({
        "writable": app.writable(), "path": app.store.as_ref().map(|st| st.path.display().to_string()),
        "generation": s.generation, "records": s.edit_records, "replaces": s.replaces, "text": s.edits.text,
    }))
}
