//! The HTTP JSON API under `/api/`, and its OpenAPI description at `/openapi.json`.
//!
//! Handlers are thin: parse parameters ([`params`]), call the library, serialise. Adding an
//! endpoint is a handler with its `#[utoipa::path]`, one `.route(...)` line in [`routes`] and
//! one name in [`ApiDoc`]'s `paths`.

pub mod articles;
pub mod data;
pub mod error;
pub mod params;
pub mod read;
pub mod write;

use crate::state::{App, Snapshot};
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use error::ApiError;
use serde::Serialize;
use std::convert::Infallible;
use std::sync::Arc;
use utoipa::OpenApi;

/// The snapshot a request is answered from (set by the cache layer, so the answer and its cache
/// entry belong to the same generation of edits).
pub struct Snap(pub Arc<Snapshot>);

impl FromRequestParts<App> for Snap {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, app: &App) -> Result<Snap, Infallible> {
        Ok(Snap(
            parts
                .extensions
                .get::<Arc<Snapshot>>()
                .cloned()
                .unwrap_or_else(|| app.snapshot()),
        ))
    }
}

/// A JSON response.
pub fn json<T: Serialize>(v: &T) -> Result<Response, ApiError> {
    let body = serde_json::to_vec(v).map_err(|e| ApiError::internal(format!("cannot encode the answer: {e}")))?;
    let mut res = body.into_response();
    res.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    Ok(res)
}

/// Runs a computation off the async threads (the depth index, change points, the brief).
pub async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|_| ApiError::internal("the query failed"))?
}

/// Every API route: articles (`/api/extract`, `/api/verify`, `/api/propose`) take bodies up to
/// `article_limit` bytes, every other route up to `body_limit`.
pub fn routes(body_limit: usize, article_limit: usize) -> Router<App> {
    let articles = Router::new()
        .route("/api/extract", post(articles::extract))
        .route("/api/verify", post(articles::verify))
        .route("/api/propose", post(articles::propose))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(article_limit));
    Router::new()
        .route("/api/meta", get(read::meta))
        .route("/api/actors", get(read::actors))
        .route("/api/actors/{id}", get(read::actor))
        .route("/api/search", get(read::search))
        .route("/api/timeline", get(read::timeline))
        .route("/api/at", get(read::at))
        .route("/api/transfers", get(read::transfers))
        .route("/api/depth", get(read::depth))
        .route("/api/depth/explain", get(read::explain))
        .route("/api/changes", get(read::changes))
        .route("/api/peers", get(read::peers))
        .route("/api/outlook", get(read::outlook))
        .route("/api/partners", get(read::partners))
        .route("/api/brief", get(read::brief))
        .route("/api/sources/{id}", get(read::source))
        .route("/api/facts", post(write::add))
        .route(
            "/api/facts/{id}",
            get(read::fact).put(write::replace).delete(write::remove),
        )
        .route("/api/edits", get(read::edits))
        .route("/api/proposals/accept", post(articles::accept))
        .route("/api/proposals/reject", post(articles::reject))
        .route("/api/measures", get(data::measures))
        .route("/api/events", get(data::events))
        .route("/api/flows", get(data::flows))
        .route("/api/dependence", get(data::dependence))
        .route("/api/sql", get(data::sql))
        .route("/openapi.json", get(openapi))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(body_limit))
        .merge(articles)
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "entente API",
        description = "Security partnerships as sourced, computable knowledge: every query of the `entente` command line, \
as JSON with citations. Actor parameters accept any id, code, name, alias or demonym. Lists are paged with `limit` \
(default 100, at most 1000) and `offset`, and say their `total`. Every error has the body \
`{\"error\": {\"code\", \"message\", \"hint\"}}`. Writes need `Authorization: Bearer TOKEN`."
    ),
    paths(
        read::meta, read::actors, read::actor, read::search, read::timeline, read::at, read::transfers,
        read::depth, read::explain, read::changes, read::peers, read::outlook, read::partners, read::brief,
        read::source, read::fact, read::edits, write::add, write::replace, write::remove,
        articles::extract, articles::verify, articles::propose, articles::accept, articles::reject,
        data::measures, data::events, data::flows, data::dependence, data::sql,
    ),
    components(schemas(error::ErrorBody, error::ErrorDetail, error::Suggestion)),
    modifiers(&TokenScheme),
    tags(
        (name = "queries", description = "Chronologies, states on a date, arms transfers"),
        (name = "analysis", description = "Depth index, change points, peers, outlook, brief"),
        (name = "actors", description = "Actors and search"),
        (name = "dataset", description = "Facts, sources, the dataset"),
        (name = "editing", description = "Adding and correcting facts (token required)"),
        (name = "articles", description = "Articles in: claims, verdicts, and proposed records for review"),
        (name = "datasets", description = "Alignment measures and coded event data, from what is imported in the data directory"),
    )
)]
pub struct ApiDoc;

struct TokenScheme;

impl utoipa::Modify for TokenScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "token",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// The OpenAPI document.
pub fn openapi_json() -> String {
    ApiDoc::openapi()
        .to_pretty_json()
        .unwrap_or_else(|e| format!("{{\"error\":{{\"code\":\"internal\",\"message\":\"{e}\",\"hint\":null}}}}"))
}

async fn openapi() -> Response {
    static DOC: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let mut res = DOC.get_or_init(openapi_json).clone().into_response();
    res.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    res
}
