//! Articles in: their claims (`/api/extract`), the verdict on each (`/api/verify`), and records
//! proposed from them (`/api/propose`) that a reviewer accepts (possibly edited) or rejects — the
//! same library calls as `entente extract`, `verify` and `propose`. The drafting is `entente_claims::propose` (as for `entente propose`),
//! the ledger of rejections `entente_store::ledger` in the user data directory's `proposals/`
//! (the CLI's default proposals directory), acceptance an ordinary edit.

use super::error::{ApiError, ErrorBody};
use super::params::Params;
use super::write::{apply, authorize, respond};
use super::{blocking, json, Snap};
use crate::edits::Key;
use crate::state::{today, App, Change};
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use entente_claims::propose::{self, standing, ArticleInfo, Proposal, Standing};
use entente_claims::verify::verify_with;
use entente_claims::{Article, ArticleClaim, Extractor};
use entente_store::ledger::{Ledger, Rejection};
use serde::{Deserialize, Serialize};

type Result<T> = std::result::Result<T, ApiError>;

/// The proposals directory of the user data directory, when edits are enabled.
fn proposals_dir(app: &App) -> Option<std::path::PathBuf> {
    app.store.as_ref().map(|s| entente_store::ledger::proposals_dir(&s.dir))
}

fn ledger(app: &App) -> Result<Ledger> {
    match proposals_dir(app) {
        Some(dir) => Ledger::read(&dir).map_err(|e| ApiError::internal(e.to_string())),
        None => Ok(Ledger::default()),
    }
}

/// The article of a request body, named `-` as standard input is by the CLI.
fn article_of(body: &[u8], date: Option<entente_model::PartialDate>) -> Article {
    Article::dated("-", body, date)
}

fn body_bytes(body: std::result::Result<Bytes, BytesRejection>) -> Result<Bytes> {
    body.map_err(|r| ApiError::for_status(r.status(), &r.body_text()))
}

#[utoipa::path(post, path = "/api/extract", tag = "articles",
    params(("date" = Option<String>, Query, description = "Publication date, when the article gives none (for relative dates)")),
    request_body(content = String, description = "The article: plain text or HTML", content_type = "text/plain"),
    responses((status = 200, description = "The claims, as `entente extract - --format json` prints them: `[{article, sentence, start, end, quote, actors, recipients, type, mode, cameo, date, date_end, modality, confidence, quantity, system}]`"),
              (status = 400, description = "Bad date", body = ErrorBody), (status = 413, description = "Body over the limit", body = ErrorBody)))]
pub async fn extract(
    Snap(s): Snap,
    RawQuery(q): RawQuery,
    body: std::result::Result<Bytes, BytesRejection>,
) -> Result<Response> {
    let p = Params::parse(q.as_deref(), &["date"])?;
    let date = p.date("date")?;
    let body = body_bytes(body)?;
    blocking(move || {
        let a = article_of(&body, date);
        let claims = Extractor::new(&s.kb).extract(&a);
        let rows: Vec<ArticleClaim> = claims.iter().map(|c| ArticleClaim { article: "-", claim: c }).collect();
        json(&rows)
    })
    .await
}

#[utoipa::path(post, path = "/api/verify", tag = "articles",
    params(("date" = Option<String>, Query, description = "Publication date, when the article gives none")),
    request_body(content = String, description = "The article: plain text or HTML", content_type = "text/plain"),
    responses((status = 200, description = "A verdict per claim, as `entente verify - --format json` prints them: `[{claim, verdict, differences, evidence, explanation}]`; the datasets' evidence (ATOP, SIPRI) counts beside the curated facts"),
              (status = 400, description = "Bad date", body = ErrorBody), (status = 413, description = "Body over the limit", body = ErrorBody)))]
pub async fn verify(
    State(app): State<App>,
    Snap(s): Snap,
    RawQuery(q): RawQuery,
    body: std::result::Result<Bytes, BytesRejection>,
) -> Result<Response> {
    let p = Params::parse(q.as_deref(), &["date"])?;
    let date = p.date("date")?;
    let body = body_bytes(body)?;
    blocking(move || {
        let a = article_of(&body, date);
        let claims = Extractor::new(&s.kb).extract(&a);
        json(&verify_with(&s.kb, Some(&app.tables), &claims))
    })
    .await
}

#[derive(Serialize)]
struct Row<'a> {
    standing: Standing,
    #[serde(flatten)]
    proposal: &'a Proposal,
}

#[utoipa::path(post, path = "/api/propose", tag = "articles",
    params(("url" = Option<String>, Query, description = "The article's address, when the page does not give it"),
           ("title" = Option<String>, Query, description = "Its title"),
           ("publisher" = Option<String>, Query, description = "Its publisher (default: the address's host)"),
           ("date" = Option<String>, Query, description = "Its publication date, when it gives none")),
    request_body(content = String, description = "The article: plain text or HTML", content_type = "text/plain"),
    responses((status = 200, description = "`{article, source_id, source, text, claims, proposals, known, left}`: drafts in the fact-file format, each with its verdict, quote span (`start`/`end` in the body as sent, `text_start`/`text_end` in `text`, the article as read), confidence and standing (fresh, pending, accepted, rejected)"),
              (status = 400, description = "No web address for the article, or a bad parameter", body = ErrorBody),
              (status = 413, description = "Body over the limit", body = ErrorBody)))]
pub async fn propose(
    State(app): State<App>,
    Snap(s): Snap,
    RawQuery(q): RawQuery,
    body: std::result::Result<Bytes, BytesRejection>,
) -> Result<Response> {
    let p = Params::parse(q.as_deref(), &["url", "title", "publisher", "date"])?;
    let body = body_bytes(body)?;
    let over = ArticleInfo {
        url: p.opt("url").map(str::to_string),
        title: p.opt("title").map(str::to_string),
        publisher: p.opt("publisher").map(str::to_string),
        published: p.date("date")?,
    };
    let ledger = ledger(&app)?;
    blocking(move || {
        let a = article_of(&body, over.published);
        let info = ArticleInfo::read(&a).overridden(&over);
        let x = Extractor::new(&s.kb);
        let out = propose::propose(&s.kb, &x, Some(&app.tables), &a, &info, today())
            .map_err(|e| ApiError::bad_request("no_address", e.to_string()))?;
        let rows: Vec<Row> = out
            .proposals
            .iter()
            .map(|p| Row {
                standing: standing(
                    &s.kb,
                    p,
                    &out.source_id,
                    &ledger.proposed,
                    ledger.rejected.contains_key(&p.key),
                ),
                proposal: p,
            })
            .collect();
        json(&serde_json::json!({
            "article": info,
            "source_id": out.source_id,
            "source": out.source,
            "source_known": s.kb.source(&out.source_id).is_some(),
            // The article as read (a page without its markup): `text_start`/`text_end` point into it.
            "text": a.text,
            "claims": out.claims,
            "proposals": rows,
            "known": out.known,
            "left": out.left,
        }))
    })
    .await
}

/// A reviewer's decision on one proposal.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Accept {
    /// The proposal's record as proposed.
    proposed: String,
    /// The record as the reviewer leaves it (the proposed one when unchanged).
    edited: Option<String>,
    /// The article's `[[source]]`, added with the record when the data does not hold it yet.
    source: String,
    source_id: String,
    /// For a correction: the record it replaces.
    replaces: Option<String>,
}

fn body_json<T: for<'de> Deserialize<'de>>(body: std::result::Result<Bytes, BytesRejection>) -> Result<T> {
    let body = body_bytes(body)?;
    serde_json::from_slice(&body)
        .map_err(|e| ApiError::bad_request("bad_request", format!("the JSON body cannot be read: {e}")))
}

#[utoipa::path(post, path = "/api/proposals/accept", tag = "editing",
    request_body(content = String, description = "JSON `{proposed, edited?, source, source_id, replaces?}`: the proposal's record, the reviewer's version, the article's source", content_type = "application/json"),
    responses((status = 201, description = "Saved: `{generation, added, replaced, warnings}`; the record's review says when it was accepted and which fields were edited"),
              (status = 401, description = "No token", body = ErrorBody), (status = 403, description = "Wrong token, or read-only server", body = ErrorBody),
              (status = 422, description = "Invalid record", body = ErrorBody)),
    security(("token" = [])))]
pub async fn accept(
    State(app): State<App>,
    headers: HeaderMap,
    body: std::result::Result<Bytes, BytesRejection>,
) -> Result<Response> {
    authorize(&app, &headers)?;
    let a: Accept = body_json(body)?;
    let decision = propose::Decision {
        proposed: &a.proposed,
        edited: a.edited.as_deref().unwrap_or(&a.proposed),
        source: &a.source,
        source_id: &a.source_id,
        replaces: a.replaces.as_deref(),
    };
    let record = propose::decide(&decision, today())
        .map_err(|e| ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid_fact", e.0))?;
    // The article's source goes in the same change as the record, or not at all.
    let source = app.snapshot().kb.source(&a.source_id).is_none().then_some(a.source);
    let change = match a.replaces {
        None => Change::Add {
            text: match source {
                Some(src) => format!("{}\n\n{record}", src.trim_end()),
                None => record,
            },
        },
        Some(id) => Change::Replace {
            key: Key { ns: "fact", id },
            text: record,
            source,
        },
    };
    let applied = apply(app, change).await?;
    respond(StatusCode::CREATED, &applied)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reject {
    /// The proposal's key.
    key: String,
    /// The article's source id.
    source_id: String,
}

#[utoipa::path(post, path = "/api/proposals/reject", tag = "editing",
    request_body(content = String, description = "JSON `{key, source_id}`: the proposal's key and its article", content_type = "application/json"),
    responses((status = 200, description = "Remembered: the proposal does not come back"),
              (status = 401, description = "No token", body = ErrorBody), (status = 403, description = "Wrong token, or read-only server", body = ErrorBody)),
    security(("token" = [])))]
pub async fn reject(
    State(app): State<App>,
    headers: HeaderMap,
    body: std::result::Result<Bytes, BytesRejection>,
) -> Result<Response> {
    authorize(&app, &headers)?;
    let r: Reject = body_json(body)?;
    let chars = r.key.chars().count();
    if !(1..=256).contains(&chars) || r.key.chars().any(char::is_control) {
        return Err(ApiError::bad_request(
            "bad_request",
            "`key` is a proposal's key as /api/propose gave it (1 to 256 characters, no control characters)",
        ));
    }
    let dir = proposals_dir(&app)
        .ok_or_else(|| ApiError::new(StatusCode::FORBIDDEN, "read_only", "edits are not enabled"))?;
    blocking(move || {
        // Read, change and write under the ledger's lock: a batch running meanwhile merges.
        Ledger::update(&dir, |l| {
            l.rejected.insert(
                r.key.clone(),
                Rejection {
                    article: r.source_id.clone(),
                    day: today().to_string(),
                },
            );
        })
        .map_err(|e| ApiError::internal(format!("{e}; nothing was changed")))?;
        json(&serde_json::json!({ "rejected": r.key }))
    })
    .await
}
