//! Endpoints whose data are not in entente yet. They answer 501 with the usual error body, so
//! clients can be written now. To fill one: replace its body with a call into the library (see
//! `read.rs` for the pattern: `Params::parse`, the query, `json(&result)`), keep the path.

use super::error::{ApiError, ErrorBody};
use axum::http::StatusCode;

fn pending(what: &str, issue: &str) -> ApiError {
    ApiError::new(
        StatusCode::NOT_IMPLEMENTED,
        "not_implemented",
        format!("{what} are not available yet"),
    )
    .hint(issue.to_string())
}

#[utoipa::path(get, path = "/api/measures", tag = "pending",
    responses((status = 501, description = "Alignment and dependence measures (SIPRI, ATOP, UN votes): not yet imported", body = ErrorBody)))]
pub async fn measures() -> ApiError {
    pending(
        "alignment and dependence measures",
        "they arrive with the SIPRI, ATOP and UN-vote importers (crates/datasets, crates/measures)",
    )
}

#[utoipa::path(get, path = "/api/events", tag = "pending",
    responses((status = 501, description = "Coded event data (GDELT/ICEWS): not yet imported", body = ErrorBody)))]
pub async fn events() -> ApiError {
    pending(
        "coded event data (GDELT/ICEWS)",
        "they arrive with the event lake (crates/events)",
    )
}
