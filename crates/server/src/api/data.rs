//! The endpoints over imported data: alignment measures (ATOP, UN votes) and coded event data
//! (the event lake). They read the data directory given at start (`--data-dir`); without one, or
//! with nothing imported, they answer 404 with the command that imports the data.

use super::error::{ApiError, ErrorBody};
use super::params::Params;
use super::{blocking, json, Snap};
use crate::state::App;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use entente_analysis::events::{lake_citations, side, SideMode};
use entente_events::{Day, Granularity, SeriesQuery, SourceKind};
use serde_json::json;

type Result<T> = std::result::Result<T, ApiError>;

fn missing(what: &str, hint: &str) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "not_imported",
        format!("{what} are not imported"),
    )
    .hint(hint.to_string())
}

fn year(p: &Params, name: &str) -> Result<Option<i32>> {
    p.opt(name)
        .map(|v| {
            v.trim()
                .parse::<i32>()
                .ok()
                .filter(|y| (1000..=9999).contains(y))
                .ok_or_else(|| {
                    ApiError::bad_request("bad_parameter", format!("parameter `{name}` must be a year, not `{v}`"))
                })
        })
        .transpose()
}

#[utoipa::path(get, path = "/api/measures", tag = "datasets",
    params(("a" = String, Query, description = "One side (a state, or an alliance whose members are averaged)"),
           ("b" = String, Query, description = "The other side"),
           ("from" = Option<i32>, Query, description = "First year (default: the index's start year)"),
           ("to" = Option<i32>, Query, description = "Last year (default: this year)")),
    responses((status = 200, description = "Alignment by year: ATOP S, pi, kappa and UN voting agreement for two states (`kind: dyad`), or a state's mean alignment with an alliance's members each year (`kind: group`), with the imported files as provenance"),
              (status = 400, description = "Bad parameter, or neither side is a state", body = ErrorBody),
              (status = 404, description = "Unknown actor, or nothing imported", body = ErrorBody)))]
pub async fn measures(State(app): State<App>, Snap(s): Snap, RawQuery(q): RawQuery) -> Result<Response> {
    let p = Params::parse(q.as_deref(), &["a", "b", "from", "to"])?;
    let a = p.actor(&s.kb, "a")?;
    let b = p.actor(&s.kb, "b")?;
    let from = year(&p, "from")?.unwrap_or(app.config.index.start_year);
    let to = year(&p, "to")?.unwrap_or(crate::state::today().year);
    entente_model::check_year_range(Some(from), Some(to)).map_err(super::params::reversed)?;
    blocking(move || {
        let store = app.data.store.as_ref().ok_or_else(|| {
            missing(
                "alignment datasets (ATOP, UN votes)",
                "run `entente import atop atop-member-level.csv` and `entente import unvotes 732.csv`, then start the server with --data-dir",
            )
        })?;
        let m = entente_analysis::alignment::measures(&s.kb, store, &a, &b, from, to)
            .map_err(ApiError::from)?
            .ok_or_else(|| {
                ApiError::bad_request(
                    "not_a_state",
                    format!("alignment measures cover states: neither {a} nor {b} is one (nor an alliance with a state)"),
                )
            })?;
        json(&json!({ "a": a, "b": b, "from": from, "to": to, "measures": m }))
    })
    .await
}

#[utoipa::path(get, path = "/api/events", tag = "datasets",
    params(("a" = String, Query, description = "One side"),
           ("b" = Option<String>, Query, description = "The other side; without it, A's top counterparts"),
           ("by" = Option<String>, Query, description = "day, month (default) or year"),
           ("members" = Option<String>, Query, description = "How an organisation counts: itself (default), members (each from its accession) or both"),
           ("directed" = Option<bool>, Query, description = "Only A's actions towards B (default: both directions)"),
           ("types" = Option<bool>, Query, description = "Counts by quad class, PLOVER type and CAMEO root instead of a series"),
           ("top" = Option<usize>, Query, description = "Counterparts listed without B (default 10, at most 200)"),
           ("source" = Option<String>, Query, description = "Only these sources (comma-separated: gdelt1, gdelt2, icews, polecat)"),
           ("from" = Option<String>, Query, description = "First date"), ("to" = Option<String>, Query, description = "Last date")),
    responses((status = 200, description = "`{kind: series, rows}`, `{kind: counterparts, counterparts}` or `{kind: types, breakdown}`, with the lake's sources as citations"),
              (status = 400, description = "Bad parameter", body = ErrorBody),
              (status = 404, description = "Unknown actor, or no event data", body = ErrorBody)))]
pub async fn events(State(app): State<App>, Snap(s): Snap, RawQuery(q): RawQuery) -> Result<Response> {
    let p = Params::parse(
        q.as_deref(),
        &[
            "a", "b", "by", "members", "directed", "types", "top", "source", "from", "to",
        ],
    )?;
    let a = p.actor(&s.kb, "a")?;
    let b = p.opt_actor(&s.kb, "b")?;
    let bad = |m: String| ApiError::bad_request("bad_parameter", m);
    let by = match p.opt("by").unwrap_or("month") {
        "day" => Granularity::Day,
        "month" => Granularity::Month,
        "year" => Granularity::Year,
        v => return Err(bad(format!("parameter `by` must be day, month or year, not `{v}`"))),
    };
    let mode = match p.opt("members").unwrap_or("itself") {
        "itself" => SideMode::Itself,
        "members" => SideMode::Members,
        "both" => SideMode::Both,
        v => {
            return Err(bad(format!(
                "parameter `members` must be itself, members or both, not `{v}`"
            )))
        }
    };
    let sources = p
        .list("source")
        .iter()
        .map(|x| {
            SourceKind::parse(x)
                .ok_or_else(|| bad(format!("unknown event source `{x}` (gdelt1, gdelt2, icews, polecat)")))
        })
        .collect::<Result<Vec<_>>>()?;
    let directed = p.flag("directed")?;
    let types = p.flag("types")?;
    let top = p.number("top", 10, 200)?;
    let day =
        |d: entente_model::PartialDate, end: bool| Day((if end { d.latest() } else { d.earliest() }).ordinal() as i32);
    let (from, to) = p.date_range()?;
    let (from, to) = (from.map(|d| day(d, false)), to.map(|d| day(d, true)));
    blocking(move || {
        let lake = app.data.events.as_deref().ok_or_else(|| {
            missing(
                "coded event data (GDELT, ICEWS, POLECAT)",
                "run `entente import gdelt2 FILE…`, then start the server with --data-dir",
            )
        })?;
        let query = |e: entente_events::QueryError| match e {
            entente_events::QueryError::Request(m) => ApiError::bad_request("bad_parameter", m),
            entente_events::QueryError::Unavailable(m) => ApiError::internal(m),
        };
        let side_a = side(&s.kb, &a, mode);
        let side_b = b.as_deref().map(|b| side(&s.kb, b, mode));
        let citations = lake_citations(lake);
        let names = |ids: Vec<&str>| -> serde_json::Map<String, serde_json::Value> {
            ids.into_iter()
                .map(|id| (id.to_string(), json!(s.kb.name_of(id))))
                .collect()
        };
        match (side_b, types) {
            (sb, true) => {
                let t = lake
                    .type_breakdown(&side_a, sb.as_ref(), from, to, !directed, &sources)
                    .map_err(query)?;
                json(&json!({"kind": "types", "a": a, "b": b, "mode": mode, "breakdown": t, "citations": citations}))
            }
            (Some(sb), false) => {
                let q = SeriesQuery {
                    a: side_a,
                    b: sb,
                    by,
                    from,
                    to,
                    symmetric: !directed,
                    sources,
                };
                let rows = lake.dyad_series(&q).map_err(query)?;
                let total: u64 = rows.iter().map(|r| r.counts.events).sum();
                let b = b.unwrap_or_default();
                json(
                    &json!({"kind": "series", "a": a, "b": b, "names": names(vec![&a, &b]), "mode": mode,
                             "directed": directed, "total": total, "rows": rows, "citations": citations}),
                )
            }
            (None, false) => {
                let rows = lake.top_counterparts(&side_a, top, from, to, &sources).map_err(query)?;
                let mut ids: Vec<&str> = rows.iter().map(|r| r.actor.as_str()).collect();
                ids.push(&a);
                json(
                    &json!({"kind": "counterparts", "a": a, "names": names(ids), "mode": mode,
                             "counterparts": rows, "citations": citations}),
                )
            }
        }
    })
    .await
}

fn basis(p: &Params) -> Result<entente_analysis::views::Basis> {
    match p.opt("by") {
        None | Some("year") => Ok(entente_analysis::views::Basis::Delivered),
        Some("order_year") => Ok(entente_analysis::views::Basis::Ordered),
        Some(v) => Err(ApiError::bad_request(
            "bad_parameter",
            format!("`by` is year (delivered TIV by delivery year) or order_year (orders by order year), not `{v}`"),
        )),
    }
}

fn register_error(e: entente_analysis::views::RegisterError) -> ApiError {
    match e {
        entente_analysis::views::RegisterError::NotImported(_) => missing(
            "SIPRI register deals",
            "run `entente import sipri trade-register.csv`, then start the server with --data-dir",
        ),
        entente_analysis::views::RegisterError::Store(e) => e.into(),
    }
}

fn register_store(app: &App) -> Result<&entente_store::Store> {
    app.data.store.as_ref().ok_or_else(|| {
        missing(
            "SIPRI register deals",
            "run `entente import sipri trade-register.csv`, then start the server with --data-dir",
        )
    })
}

#[utoipa::path(get, path = "/api/flows", tag = "datasets",
    params(("supplier" = Option<String>, Query, description = "Only this supplier"),
           ("recipient" = Option<String>, Query, description = "Only this recipient"),
           ("recipient_in" = Option<String>, Query, description = "Only recipients that were members of this organisation that year (on 31 December)"),
           ("by" = Option<String>, Query, description = "year (delivered TIV by delivery year, default) or order_year (orders by order year)"),
           ("from" = Option<i32>, Query, description = "First year"), ("to" = Option<i32>, Query, description = "Last year")),
    responses((status = 200, description = "Arms flows supplier → recipient by year in SIPRI TIV, with the curated transfers describing the same deals (counted once), as `entente flows --format json` answers"),
              (status = 400, description = "Bad parameter", body = ErrorBody),
              (status = 404, description = "Unknown actor, or no register imported", body = ErrorBody)))]
pub async fn flows(State(app): State<App>, Snap(s): Snap, RawQuery(q): RawQuery) -> Result<Response> {
    let p = Params::parse(
        q.as_deref(),
        &["supplier", "recipient", "recipient_in", "by", "from", "to"],
    )?;
    let (from, to) = (year(&p, "from")?, year(&p, "to")?);
    entente_model::check_year_range(from, to).map_err(super::params::reversed)?;
    let query = entente_analysis::views::FlowQuery {
        supplier: p.opt_actor(&s.kb, "supplier")?,
        recipient: p.opt_actor(&s.kb, "recipient")?,
        from,
        to,
    };
    let org = p.opt_actor(&s.kb, "recipient_in")?;
    let basis = basis(&p)?;
    blocking(move || {
        let store = register_store(&app)?;
        json(
            &entente_analysis::views::flows_answer(&s.kb, store, &query, org.as_deref(), basis)
                .map_err(register_error)?,
        )
    })
    .await
}

#[utoipa::path(get, path = "/api/dependence", tag = "datasets",
    params(("recipient" = String, Query, description = "The importing state"),
           ("by" = Option<String>, Query, description = "year (delivered TIV, default) or order_year"),
           ("from" = Option<i32>, Query, description = "First year"), ("to" = Option<i32>, Query, description = "Last year")),
    responses((status = 200, description = "The recipient's imports by supplier (shares) and its supplier concentration (HHI), as `entente dependence --format json` answers"),
              (status = 400, description = "Bad parameter", body = ErrorBody),
              (status = 404, description = "Unknown actor, or no register imported", body = ErrorBody)))]
pub async fn dependence(State(app): State<App>, Snap(s): Snap, RawQuery(q): RawQuery) -> Result<Response> {
    let p = Params::parse(q.as_deref(), &["recipient", "by", "from", "to"])?;
    let recipient = p.actor(&s.kb, "recipient")?;
    let (from, to) = (year(&p, "from")?, year(&p, "to")?);
    entente_model::check_year_range(from, to).map_err(super::params::reversed)?;
    let basis = basis(&p)?;
    blocking(move || {
        let store = register_store(&app)?;
        json(
            &entente_analysis::views::dependence_answer(store, &recipient, (from, to), basis)
                .map_err(register_error)?,
        )
    })
    .await
}

/// The most rows `/api/sql` returns (`limit`'s default and ceiling).
const SQL_ROWS: (usize, usize) = (1000, 10_000);

#[utoipa::path(get, path = "/api/sql", tag = "datasets",
    params(("q" = String, Query, description = "One SQL query over the event lake's tables `events` and `dyad_day` (queries only: nothing that defines tables or writes files)"),
           ("limit" = Option<usize>, Query, description = "At most this many rows (default 1000, at most 10000)")),
    responses((status = 200, description = "`{rows: [{column: value}], truncated}`: the rows as `entente sql --format json` prints them"),
              (status = 400, description = "A query DataFusion rejects, or a statement that is not a query", body = ErrorBody),
              (status = 404, description = "No data directory, or no SQL engine in this build", body = ErrorBody)))]
pub async fn sql(State(app): State<App>, RawQuery(q): RawQuery) -> Result<Response> {
    let p = Params::parse(q.as_deref(), &["q", "limit"])?;
    let query = p
        .opt("q")
        .filter(|q| !q.trim().is_empty())
        .ok_or_else(|| ApiError::bad_request("missing_parameter", "parameter `q` (the SQL query) is required"))?
        .to_string();
    let limit = p.number("limit", SQL_ROWS.0, SQL_ROWS.1)?;
    blocking(move || {
        let dir = app.data.dir.clone().ok_or_else(|| {
            missing(
                "coded event data (GDELT, ICEWS, POLECAT)",
                "run `entente import gdelt2 FILE…`, then start the server with --data-dir",
            )
        })?;
        run_sql(&dir, &query, limit)
    })
    .await
}

#[cfg(feature = "sql")]
fn run_sql(dir: &std::path::Path, query: &str, limit: usize) -> Result<Response> {
    // One row more than asked says whether there were more.
    let r = entente_sql::sql_limited(dir, query, Some(limit + 1)).map_err(|e| match e {
        entente_sql::Error::Query(m) => ApiError::bad_request("bad_query", m),
        e => ApiError::internal(e.to_string()),
    })?;
    let bytes = r.to_json().map_err(|e| ApiError::internal(e.to_string()))?;
    let mut rows: Vec<serde_json::Value> =
        serde_json::from_slice(&bytes).map_err(|e| ApiError::internal(e.to_string()))?;
    let truncated = rows.len() > limit;
    rows.truncate(limit);
    json(&json!({ "rows": rows, "truncated": truncated }))
}

#[cfg(not(feature = "sql"))]
fn run_sql(_dir: &std::path::Path, _query: &str, _limit: usize) -> Result<Response> {
    Err(ApiError::new(
        StatusCode::NOT_FOUND,
        "not_built",
        "this server was built without its SQL engine (Apache DataFusion, a long build)",
    )
    .hint("rebuild with `cargo build --release -p entente --features sql`"))
}
