//! Editing: add, correct or retract records. Writes need the token the server was started with
//! (`Authorization: Bearer TOKEN`); without one the server is read-only. The validation, the
//! atomic save and the swap of the knowledge base are in [`crate::state::AppState::apply`].

use super::error::{ApiError, ErrorBody};
use super::json;
use super::params::Params;
use crate::edits::{self, Key};
use crate::state::{App, Change, Refused};
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;

type Result<T> = std::result::Result<T, ApiError>;

/// Compares two byte strings in time that depends only on their lengths.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    let n = a.len().max(b.len());
    let mut diff = (a.len() ^ b.len()) as u8 | u8::from(a.len() != b.len());
    for i in 0..n {
        let x = a.get(i).copied().unwrap_or(0);
        let y = b.get(i).copied().unwrap_or(0);
        diff |= x ^ y;
    }
    diff == 0
}

pub(super) fn authorize(app: &App, headers: &HeaderMap) -> Result<()> {
    let (Some(token), Some(_)) = (&app.token, &app.store) else {
        return Err(
            ApiError::new(StatusCode::FORBIDDEN, "read_only", "this server is read-only")
                .hint("start it with `entente serve --token TOKEN` to enable edits"),
        );
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    let Some(given) = given else {
        return Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "writing needs the server's token",
        )
        .hint("send `Authorization: Bearer TOKEN` with the token given to `entente serve --token`"));
    };
    if !constant_time_eq(given.as_bytes(), token.as_bytes()) {
        return Err(ApiError::new(StatusCode::FORBIDDEN, "forbidden", "wrong token"));
    }
    Ok(())
}

/// The submitted records as TOML text: a TOML body as it is, a JSON body converted.
fn submission(headers: &HeaderMap, body: std::result::Result<Bytes, BytesRejection>) -> Result<String> {
    let body = body.map_err(|r| {
        let status = r.status();
        ApiError::for_status(status, &r.body_text())
    })?;
    let ctype = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("application/toml")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let text = String::from_utf8(body.to_vec())
        .map_err(|_| ApiError::bad_request("bad_request", "the request body is not UTF-8"))?;
    match ctype.as_str() {
        "application/json" => {
            let v: serde_json::Value = serde_json::from_str(&text)
                .map_err(|e| ApiError::bad_request("bad_request", format!("the JSON body cannot be read: {e}")))?;
            edits::json_to_toml(&v).map_err(|e| invalid(e.0))
        }
        "application/toml" | "text/plain" | "text/x-toml" | "application/x-toml" => Ok(text),
        other => Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            format!("cannot read a `{other}` body"),
        )
        .hint("send TOML (application/toml) or JSON (application/json)")),
    }
}

fn invalid(message: String) -> ApiError {
    ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid_fact", message)
        .hint("records are written as in the fact files: see docs/data-format.md")
}

pub(super) async fn apply(app: App, change: Change) -> Result<crate::state::Applied> {
    // The change runs to its end on its own thread even if this request times out or the client
    // goes away: an edit is either saved and acknowledged, or not saved at all.
    let outcome = tokio::task::spawn_blocking(move || app.apply(change))
        .await
        .map_err(|_| ApiError::internal("the edit failed; nothing was saved"))?;
    outcome.map_err(|r| match r {
        Refused::Unknown(key) => ApiError::not_found("unknown_fact", format!("no record {key}")),
        Refused::Shape(m) => invalid(m),
        Refused::Invalid(d) => {
            let first = d.first().map(|x| x.to_string()).unwrap_or_default();
            invalid(format!("{} error(s); the first: {first}", d.len())).with_diagnostics(d)
        }
        Refused::Io(m) => ApiError::internal(format!("{m}; nothing was changed")),
        Refused::NoStore => ApiError::new(StatusCode::FORBIDDEN, "read_only", "edits are not enabled"),
    })
}

pub(super) fn respond(status: StatusCode, applied: &crate::state::Applied) -> Result<Response> {
    let mut res = json(applied)?;
    *res.status_mut() = status;
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(res)
}

#[utoipa::path(post, path = "/api/facts", tag = "editing",
    request_body(content = String, description = "One or more records as in a fact file (`[[event]]` …, Content-Type application/toml), or JSON `{\"event\": {…}}` (application/json)", content_type = "application/toml"),
    responses((status = 201, description = "Saved: `{generation, added, warnings}`"),
              (status = 401, description = "No token", body = ErrorBody), (status = 403, description = "Wrong token, or read-only server", body = ErrorBody),
              (status = 413, description = "Body over the limit", body = ErrorBody), (status = 415, description = "Neither TOML nor JSON", body = ErrorBody),
              (status = 422, description = "Invalid record: diagnostics with line and column", body = ErrorBody)),
    security(("token" = [])))]
pub async fn add(
    State(app): State<App>,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
    body: std::result::Result<Bytes, BytesRejection>,
) -> Result<Response> {
    authorize(&app, &headers)?;
    Params::parse(q.as_deref(), &[])?;
    let text = submission(&headers, body)?;
    let applied = apply(app, Change::Add { text }).await?;
    respond(StatusCode::CREATED, &applied)
}

#[utoipa::path(put, path = "/api/facts/{id}", tag = "editing",
    params(("id" = String, Path, description = "The record to correct (a fact; a source or an actor when the body is one)")),
    request_body(content = String, description = "The corrected record (one), as TOML or JSON; it may keep the id", content_type = "application/toml"),
    responses((status = 200, description = "Saved: `{generation, added, replaced, warnings}`"),
              (status = 401, description = "No token", body = ErrorBody), (status = 403, description = "Wrong token, or read-only server", body = ErrorBody),
              (status = 404, description = "No such record", body = ErrorBody),
              (status = 422, description = "Invalid record", body = ErrorBody)),
    security(("token" = [])))]
pub async fn replace(
    State(app): State<App>,
    Path(id): Path<String>,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
    body: std::result::Result<Bytes, BytesRejection>,
) -> Result<Response> {
    authorize(&app, &headers)?;
    Params::parse(q.as_deref(), &[])?;
    let text = submission(&headers, body)?;
    let ns = edits::check_submission(&text)
        .ok()
        .flatten()
        .and_then(|r| r.first().map(|r| edits::namespace(&r.kind)))
        .unwrap_or("fact");
    let key = Key { ns, id };
    let applied = apply(
        app,
        Change::Replace {
            key,
            text,
            source: None,
        },
    )
    .await?;
    respond(StatusCode::OK, &applied)
}

#[utoipa::path(delete, path = "/api/facts/{id}", tag = "editing",
    params(("id" = String, Path, description = "The record to retract"),
           ("kind" = Option<String>, Query, description = "`fact` (default), `source` or `actor`")),
    responses((status = 200, description = "Saved: `{generation, removed}`"),
              (status = 401, description = "No token", body = ErrorBody), (status = 403, description = "Wrong token, or read-only server", body = ErrorBody),
              (status = 404, description = "No such record", body = ErrorBody),
              (status = 422, description = "Other records depend on it", body = ErrorBody)),
    security(("token" = [])))]
pub async fn remove(
    State(app): State<App>,
    Path(id): Path<String>,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> Result<Response> {
    authorize(&app, &headers)?;
    let p = Params::parse(q.as_deref(), &["kind"])?;
    let ns = match p.opt("kind") {
        None | Some("fact") => "fact",
        Some("source") => "source",
        Some("actor") => "actor",
        Some(other) => {
            return Err(ApiError::bad_request(
                "bad_parameter",
                format!("`kind` must be fact, source or actor, not `{other}`"),
            ))
        }
    };
    let applied = apply(app, Change::Remove { key: Key { ns, id } }).await?;
    respond(StatusCode::OK, &applied)
}

#[cfg(test)]
mod tests {
    use super::constant_time_eq;

    #[test]
    fn token_comparison() {
        assert!(constant_time_eq(b"secret", b"secret"));
        assert!(!constant_time_eq(b"secret", b"secreT"));
        assert!(!constant_time_eq(b"secret", b"secret1"));
        assert!(!constant_time_eq(b"", b"x"));
        assert!(constant_time_eq(b"", b""));
        // Lengths that differ by a multiple of 256 must not compare equal.
        assert!(!constant_time_eq(&[0u8; 256], b""));
    }
}
