//! `entente serve`'s arguments and its blocking entry point, shared by the `entente` binary and
//! the crate's own `entente-server` binary.

use crate::ServeError;
use crate::{DataSource, ServeOptions};
use entente_analysis::DepthConfig;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// Serve the API and the dashboard on http://127.0.0.1:8787/.
#[derive(clap::Args, Debug, Clone)]
pub struct ServeArgs {
    /// Address to listen on. Loopback only, unless --allow-remote.
    #[arg(long, default_value = "127.0.0.1:8787")]
    pub addr: SocketAddr,
    /// Allow listening on a non-loopback address (there is no TLS).
    #[arg(long)]
    pub allow_remote: bool,
    /// Enable edits: requests that change facts must send `Authorization: Bearer TOKEN`.
    /// Without a token the server is read-only.
    #[arg(long, env = "ENTENTE_TOKEN", hide_env_values = true)]
    pub token: Option<String>,
    /// Where your edits are kept (edits.toml) [default: $ENTENTE_HOME, $XDG_DATA_HOME/entente or
    /// ~/.local/share/entente].
    #[arg(long, value_name = "DIR")]
    pub user_data: Option<PathBuf>,
    /// Ignore the user data directory: no edits are loaded, and none can be saved.
    #[arg(long, conflicts_with = "user_data")]
    pub no_user_data: bool,
    /// A depth-index configuration replacing the shipped one (keys left out keep their defaults).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Where imported datasets and the event lake are, for /api/measures, /api/events and the
    /// event-data dimension [default: $ENTENTE_DATA_DIR, $XDG_DATA_HOME/entente or
    /// ~/.local/share/entente, when it exists].
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Largest request body accepted, in KiB (articles excepted).
    #[arg(long, default_value_t = 64)]
    pub body_limit_kib: usize,
    /// Largest article accepted by /api/extract, /api/verify and /api/propose, in KiB.
    #[arg(long, default_value_t = 4096)]
    pub article_limit_kib: usize,
    /// Longest time a request may take, in seconds.
    #[arg(long, default_value_t = 10)]
    pub timeout_secs: u64,
}

/// The default user data directory.
pub fn default_user_dir() -> Option<PathBuf> {
    let var = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty()).map(PathBuf::from);
    var("ENTENTE_HOME")
        .or_else(|| var("XDG_DATA_HOME").map(|d| d.join("entente")))
        .or_else(|| var("HOME").map(|h| h.join(".local/share/entente")))
}

impl ServeArgs {
    /// The data directory served: `--data-dir`, else the default one when it exists.
    pub fn data_dir(&self) -> Option<PathBuf> {
        entente_analysis::DataDir::chosen(self.data_dir.clone())
    }

    /// The options these arguments and the global data arguments (`--data`, `--with`) stand for.
    pub fn options(&self, data: Option<PathBuf>, with: Option<PathBuf>) -> Result<ServeOptions, ServeError> {
        let data = match (data, with) {
            (Some(_), Some(_)) => return Err(ServeError::Options("--data and --with cannot be used together".into())),
            (Some(d), None) => DataSource::Dir(d),
            (None, Some(w)) => DataSource::ShippedWith(w),
            (None, None) => DataSource::Shipped,
        };
        let config = match &self.config {
            None => DepthConfig::shipped(),
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .map_err(|e| ServeError::Options(format!("cannot read {}: {e}", path.display())))?;
                DepthConfig::parse_over_defaults(&text)
                    .map_err(|e| ServeError::Options(format!("{}:{e}", path.display())))?
            }
        };
        let user_dir = if self.no_user_data {
            None
        } else {
            self.user_data.clone().or_else(default_user_dir)
        };
        let data_dir = self.data_dir();
        Ok(ServeOptions {
            data_dir,
            addr: self.addr,
            allow_remote: self.allow_remote,
            data,
            user_dir,
            token: self.token.clone().filter(|t| !t.is_empty()),
            config,
            body_limit: self.body_limit_kib.saturating_mul(1024),
            article_limit: self.article_limit_kib.saturating_mul(1024),
            timeout: Duration::from_secs(self.timeout_secs.max(1)),
            events: None,
        })
    }
}

/// Runs the server until Ctrl-C (blocking). `events`, when given, answers the event-data
/// questions in place of the data directory's lake (the `entente` binary passes a Ballista
/// cluster here).
pub fn run(
    args: ServeArgs,
    data: Option<PathBuf>,
    with: Option<PathBuf>,
    events: Option<crate::EventSource>,
) -> Result<(), ServeError> {
    let opts = ServeOptions {
        events,
        ..args.options(data, with)?
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(ServeError::Io)?;
    runtime.block_on(crate::serve(opts))
}
