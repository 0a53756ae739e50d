//! One error body for every failure: `{"error": {"code", "message", "hint", …}}`.
//!
//! Handlers return [`ApiError`]; responses that other layers produce (axum's own rejections, the
//! body limit, an unknown route) are rewritten into the same shape by
//! [`crate::middleware::uniform_errors`], so a client only ever parses one kind of error.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use entente_facts::Diagnostic;
use serde::Serialize;
use utoipa::ToSchema;

/// The body of every error response.
#[derive(Serialize, ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

/// What went wrong, for a program (`code`) and for a person (`message`, `hint`).
#[derive(Serialize, ToSchema)]
pub struct ErrorDetail {
    /// A stable short name: `unknown_actor`, `bad_date`, `bad_parameter`, `unknown_parameter`,
    /// `missing_parameter`, `not_found`, `method_not_allowed`, `unauthorized`, `forbidden`,
    /// `read_only`, `payload_too_large`, `unsupported_media_type`, `invalid_fact`, `conflict`,
    /// `timeout`, `not_implemented`, `internal`.
    pub code: &'static str,
    pub message: String,
    /// How to fix it, when there is something to say.
    pub hint: Option<String>,
    /// For `unknown_actor`: the closest actors, as `{id, label}`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub suggestions: Vec<Suggestion>,
    /// For `invalid_fact`: every problem in the submitted record, with line and column.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[schema(value_type = Vec<Object>)]
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Clone, Serialize, ToSchema)]
pub struct Suggestion {
    pub id: String,
    pub label: String,
}

/// An error a handler returns.
pub struct ApiError {
    pub status: StatusCode,
    pub detail: ErrorDetail,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            detail: ErrorDetail {
                code,
                message: message.into(),
                hint: None,
                suggestions: Vec::new(),
                diagnostics: Vec::new(),
            },
        }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> ApiError {
        self.detail.hint = Some(hint.into());
        self
    }

    pub fn bad_request(code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, code, message)
    }

    pub fn not_found(code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, code, message)
    }

    pub fn internal(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", message)
    }

    pub fn with_suggestions(mut self, s: Vec<Suggestion>) -> ApiError {
        self.detail.suggestions = s;
        self
    }

    pub fn with_diagnostics(mut self, d: Vec<Diagnostic>) -> ApiError {
        self.detail.diagnostics = d;
        self
    }

    /// The error a status code stands for when nothing more specific is known (used to rewrite
    /// responses from other layers).
    pub fn for_status(status: StatusCode, text: &str) -> ApiError {
        let (code, message, hint): (&'static str, String, Option<&str>) = match status {
            StatusCode::NOT_FOUND => (
                "not_found",
                "no such endpoint or page".into(),
                Some("the API is described at /openapi.json"),
            ),
            StatusCode::METHOD_NOT_ALLOWED => (
                "method_not_allowed",
                "this endpoint does not take that method".into(),
                Some("see /openapi.json for the methods of each endpoint"),
            ),
            StatusCode::PAYLOAD_TOO_LARGE => (
                "payload_too_large",
                "the request body is larger than the server accepts".into(),
                Some("send less per request: a few records, or one article (limits: --body-limit-kib, --article-limit-kib)"),
            ),
            StatusCode::UNSUPPORTED_MEDIA_TYPE => (
                "unsupported_media_type",
                "unsupported content type".into(),
                Some("send TOML (application/toml or text/plain) or JSON (application/json)"),
            ),
            StatusCode::REQUEST_TIMEOUT | StatusCode::SERVICE_UNAVAILABLE => {
                ("timeout", "the request took too long".into(), None)
            }
            s if s.is_client_error() => (
                "bad_request",
                if text.is_empty() {
                    s.canonical_reason().unwrap_or("bad request").to_string()
                } else {
                    text.to_string()
                },
                None,
            ),
            _ => ("internal", "internal error".into(), None),
        };
        let mut e = ApiError::new(status, code, message);
        e.detail.hint = hint.map(str::to_string);
        e
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::to_vec(&ErrorBody { error: self.detail }).unwrap_or_else(|_| {
            br#"{"error":{"code":"internal","message":"cannot encode the error","hint":null}}"#.to_vec()
        });
        let mut r = (self.status, body).into_response();
        r.headers_mut()
            .insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
        r
    }
}

/// Resolution failures of actor parameters.
/// An analysis that failed: a query the lake cannot answer as asked is the request's fault (400);
/// data that cannot be read is the server's (503: the data directory needs attention, and the
/// message names the file).
impl From<entente_analysis::Error> for ApiError {
    fn from(e: entente_analysis::Error) -> ApiError {
        if e.is_bad_request() {
            ApiError::bad_request("bad_query", e.to_string())
        } else {
            ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "data_unavailable", e.to_string())
        }
    }
}

/// A report that could not be made: by the kind of its cause.
/// The data directory's files could not be read: the data are unavailable, not the request wrong.
impl From<entente_store::Error> for ApiError {
    fn from(e: entente_store::Error) -> ApiError {
        ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "data_unavailable", e.to_string())
    }
}

impl From<entente_report::Error> for ApiError {
    fn from(e: entente_report::Error) -> ApiError {
        match e {
            entente_report::Error::Analysis(e) => e.into(),
            entente_report::Error::Store(e) => e.into(),
            entente_report::Error::Template(_) | entente_report::Error::Pdf(_) => ApiError::internal(e.to_string()),
        }
    }
}

impl From<(&str, entente_kb::ResolveError)> for ApiError {
    fn from((param, e): (&str, entente_kb::ResolveError)) -> ApiError {
        let message = format!("parameter `{param}`: {e}");
        match e {
            entente_kb::ResolveError::Unknown { suggestions, .. } => {
                let list: Vec<Suggestion> = suggestions
                    .into_iter()
                    .map(|(id, label)| Suggestion { id, label })
                    .collect();
                let hint = if list.is_empty() {
                    "search for the actor with /api/search?q=".to_string()
                } else {
                    format!(
                        "did you mean {}?",
                        list.iter().map(|s| s.id.as_str()).collect::<Vec<_>>().join(", ")
                    )
                };
                ApiError::not_found("unknown_actor", message)
                    .hint(hint)
                    .with_suggestions(list)
            }
            entente_kb::ResolveError::Ambiguous { candidates, .. } => {
                let list: Vec<Suggestion> = candidates
                    .into_iter()
                    .map(|(id, label)| Suggestion { id, label })
                    .collect();
                ApiError::bad_request("ambiguous_actor", message)
                    .hint("use an id or a code to choose")
                    .with_suggestions(list)
            }
        }
    }
}
