//! `entente serve`: the knowledge base over HTTP, for programs and for people.
//!
//! - an HTTP JSON API under `/api/` for every query of the command line (actors, search,
//!   timeline, as-of state, transfers, depth, change points, peers, outlook, the brief), paged,
//!   with one error body, described by an OpenAPI document at `/openapi.json` (docs/api.md);
//! - a dashboard at `/` (docs/dashboard.md): a dyad view (timeline by dimension, depth chart
//!   with change points, evidence with sources), an actor view, a map of arms flows, a network
//!   of partnerships on a date, and search. Hand-written HTML, CSS and JavaScript, compiled into
//!   the binary: it works offline and fetches nothing from elsewhere;
//! - editing: with a token, a user adds, corrects or retracts records through the page or the
//!   API; each change is validated like a fact file and saved atomically to the user's data
//!   directory ([`edits`]), and the knowledge base is swapped whole ([`state`]).
//!
//! Safety: it binds to 127.0.0.1 unless told otherwise, limits request bodies and time, sends
//! security headers with a strict Content-Security-Policy, and inserts all data into pages as
//! text. Handlers hold no analysis: they call `entente-kb`, `entente-analysis` and
//! `entente-report`.

pub mod api;
pub mod assets;
pub mod cli;
pub mod edits;
pub mod middleware;
pub mod state;

use axum::routing::get;
use axum::Router;
use entente_analysis::DepthConfig;
use entente_facts::Input;
use state::{App, AppState, Store};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// Which facts to serve.
#[derive(Clone, Debug, Default)]
pub enum DataSource {
    /// The dataset compiled into the binary.
    #[default]
    Shipped,
    /// The fact files in a directory, instead of the shipped ones (`--data DIR`).
    Dir(PathBuf),
    /// The shipped dataset plus the fact files in a directory (`--with DIR`).
    ShippedWith(PathBuf),
}

impl DataSource {
    /// The fact files.
    pub fn inputs(&self) -> Result<Vec<Input>, ServeError> {
        let read = |dir: &PathBuf| {
            entente_facts::read_dir(dir).map_err(|e| ServeError::Data(format!("cannot read {}: {e}", dir.display())))
        };
        Ok(match self {
            DataSource::Shipped => entente_facts::shipped(),
            DataSource::Dir(dir) => read(dir)?,
            DataSource::ShippedWith(dir) => {
                let mut v = entente_facts::shipped();
                v.extend(read(dir)?);
                v
            }
        })
    }
}

/// How to serve.
#[derive(Clone, Debug)]
pub struct ServeOptions {
    /// Where to listen (default 127.0.0.1:8787).
    pub addr: SocketAddr,
    /// Allow an address other than loopback (the server has no TLS: think before you do).
    pub allow_remote: bool,
    pub data: DataSource,
    /// Where the user's edits are kept (`edits.toml`); `None`: no edits are loaded or saved.
    pub user_dir: Option<PathBuf>,
    /// The token that enables writes; `None`: read-only.
    pub token: Option<String>,
    /// The depth-index configuration.
    pub config: DepthConfig,
    /// Where imported datasets and the event lake are (`entente import …`); `None`: none.
    pub data_dir: Option<PathBuf>,
    /// Largest request body accepted, in bytes (records, decisions).
    pub body_limit: usize,
    /// Largest article accepted by `/api/extract`, `/api/verify` and `/api/propose`, in bytes.
    pub article_limit: usize,
    /// Longest time a request may take.
    pub timeout: Duration,
    /// Event data that answers in place of the data directory's lake (a Ballista cluster);
    /// `None`: the lake of `data_dir`, if it holds events.
    pub events: Option<EventSource>,
}

/// Event data given by the caller (e.g. `entente_cluster::Cluster`).
#[derive(Clone)]
pub struct EventSource(pub Arc<dyn entente_events::EventData>);

impl std::fmt::Debug for EventSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0.place().as_deref().unwrap_or("event data"))
    }
}

impl Default for ServeOptions {
    fn default() -> ServeOptions {
        ServeOptions {
            addr: SocketAddr::from(([127, 0, 0, 1], 8787)),
            allow_remote: false,
            data: DataSource::Shipped,
            user_dir: None,
            token: None,
            config: DepthConfig::shipped(),
            data_dir: None,
            body_limit: 64 * 1024,
            article_limit: 4 << 20,
            timeout: Duration::from_secs(10),
            events: None,
        }
    }
}

/// Why the server could not start.
#[derive(Debug)]
pub enum ServeError {
    /// The dataset or the edits could not be read or do not validate.
    Data(String),
    /// The options are unsafe or inconsistent.
    Options(String),
    Io(std::io::Error),
}

impl std::fmt::Display for ServeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ServeError::Data(m) | ServeError::Options(m) => f.write_str(m),
            ServeError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ServeError {}

/// Loads the data and builds the application (the router with all its layers). Tests call this
/// and drive the router without a socket.
pub fn app(opts: &ServeOptions) -> Result<Router, ServeError> {
    check_address(opts)?;
    if opts.token.as_deref().is_some_and(|t| t.trim().len() < 8) {
        return Err(ServeError::Options("the token must have at least 8 characters".into()));
    }
    let store = opts.user_dir.clone().map(Store::new);
    let mut data = match &opts.data_dir {
        Some(dir) => state::DataDir::open(dir.clone()).map_err(|e| ServeError::Data(e.to_string()))?,
        None => state::DataDir::default(),
    };
    if let Some(events) = &opts.events {
        data.events = Some(events.0.clone());
    }
    let state = AppState::new(opts.data.inputs()?, store, opts.token.clone(), opts.config.clone())
        .map_err(|e| ServeError::Data(e.to_string()))?
        .with_data(data)
        .map_err(|e| ServeError::Data(e.to_string()))?;
    Ok(router(Arc::new(state), opts))
}

/// The router over a state: API, OpenAPI, dashboard, and the layers.
pub fn router(state: App, opts: &ServeOptions) -> Router {
    let loopback = opts.addr.ip().is_loopback();
    let mut r = Router::new()
        .merge(api::routes(opts.body_limit, opts.article_limit))
        .route("/", get(assets::index))
        .route("/assets/{*path}", get(assets::file))
        .layer(axum::middleware::from_fn_with_state(state.clone(), middleware::cache))
        .with_state(state)
        .layer(axum::middleware::from_fn_with_state(opts.timeout, middleware::timeout))
        // A bug must cost one request a 500, not the connection.
        .layer(tower_http::catch_panic::CatchPanicLayer::new())
        .layer(axum::middleware::from_fn(middleware::uniform_errors));
    if loopback {
        r = r.layer(axum::middleware::from_fn(middleware::loopback_host));
    }
    r.layer(axum::middleware::from_fn(middleware::security_headers))
}

fn check_address(opts: &ServeOptions) -> Result<(), ServeError> {
    if !opts.addr.ip().is_loopback() && !opts.allow_remote {
        return Err(ServeError::Options(format!(
            "{} is not a loopback address: the server would be reachable from other machines, \
             without TLS; pass --allow-remote if that is what you want",
            opts.addr
        )));
    }
    Ok(())
}

/// Binds, prints the address, and serves until Ctrl-C.
pub async fn serve(opts: ServeOptions) -> Result<(), ServeError> {
    let app = app(&opts)?;
    let listener = tokio::net::TcpListener::bind(opts.addr)
        .await
        .map_err(|e| ServeError::Options(format!("cannot listen on {}: {e}", opts.addr)))?;
    let addr = listener.local_addr().map_err(ServeError::Io)?;
    let mode = match (&opts.token, &opts.user_dir) {
        (Some(_), Some(dir)) => format!("edits enabled, saved to {}", dir.join("edits.toml").display()),
        (Some(_), None) => "read-only (no user data directory)".into(),
        (None, _) => "read-only (start with --token to enable edits)".into(),
    };
    let host = if addr.ip().is_unspecified() || !addr.ip().is_loopback() {
        addr.to_string()
    } else if addr.is_ipv6() {
        format!("[::1]:{}", addr.port())
    } else {
        format!("127.0.0.1:{}", addr.port())
    };
    // The first line is read by tests and scripts: keep its shape.
    println!("listening on http://{host}/");
    println!("entente dashboard: http://{host}/ — API: http://{host}/openapi.json — {mode}");
    if opts.token.is_some() {
        println!("to edit from the dashboard, enter the token in its Edit view");
    }
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .map_err(ServeError::Io)
}
