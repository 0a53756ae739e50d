//! Where the cluster is: a `--cluster URL` flag, the `ENTENTE_CLUSTER` environment variable, or a
//! `cluster.toml` file in the data directory — in that order. Without any of them (or with the
//! value `local`), queries run on this machine as before.
//!
//! ```toml
//! # <data_dir>/cluster.toml
//! scheduler = "df://10.0.0.1:50050"
//! # The data directory as the scheduler and executors see it (default: this data directory).
//! data_dir = "/mnt/entente"
//! ```

use crate::{Error, Result, SchedulerAddr};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// A configured cluster.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClusterConfig {
    /// The scheduler, `df://host:port`.
    pub scheduler: String,
    /// The data directory (holding `lake/`) at the absolute path every cluster machine reads.
    pub data_dir: PathBuf,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    scheduler: String,
    data_dir: Option<PathBuf>,
}

/// The environment variable naming the scheduler (or `local`).
pub const ENV: &str = "ENTENTE_CLUSTER";
/// The configuration file's name in the data directory.
pub const FILE_NAME: &str = "cluster.toml";

impl ClusterConfig {
    pub fn new(scheduler: &str, data_dir: &Path) -> Result<ClusterConfig> {
        Ok(ClusterConfig {
            scheduler: SchedulerAddr::parse(scheduler)?.url(),
            data_dir: absolute(data_dir)?,
        })
    }

    /// Parses a `cluster.toml` text; `data_dir` is the default data directory.
    pub fn parse(text: &str, data_dir: &Path) -> Result<ClusterConfig> {
        let f: File = toml::from_str(text).map_err(|e| Error::Config(format!("{FILE_NAME}: {e}")))?;
        ClusterConfig::new(&f.scheduler, f.data_dir.as_deref().unwrap_or(data_dir))
    }

    pub fn from_file(path: &Path, data_dir: &Path) -> Result<ClusterConfig> {
        let text =
            std::fs::read_to_string(path).map_err(|e| Error::Config(format!("cannot read {}: {e}", path.display())))?;
        ClusterConfig::parse(&text, data_dir).map_err(|e| match e {
            Error::Config(m) => Error::Config(format!("{}: {m}", path.display())),
            e => e,
        })
    }

    /// The cluster to use, if any: `flag` (a `--cluster` value) first, then `$ENTENTE_CLUSTER`,
    /// then `<data_dir>/cluster.toml`. The value `local` (flag or variable) means this machine,
    /// whatever the file says.
    pub fn resolve(flag: Option<&str>, data_dir: &Path) -> Result<Option<ClusterConfig>> {
        let env = std::env::var(ENV).ok().filter(|v| !v.trim().is_empty());
        if let Some(v) = flag.map(str::to_string).or(env) {
            if v.trim().eq_ignore_ascii_case("local") {
                return Ok(None);
            }
            return ClusterConfig::new(&v, data_dir).map(Some);
        }
        let file = data_dir.join(FILE_NAME);
        if file.is_file() {
            return ClusterConfig::from_file(&file, data_dir).map(Some);
        }
        Ok(None)
    }
}

fn absolute(p: &Path) -> Result<PathBuf> {
    if p.is_absolute() {
        return Ok(p.to_path_buf());
    }
    std::path::absolute(p).map_err(|e| Error::Config(format!("{}: {e}", p.display())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_and_flags() {
        let d = Path::new("/data/entente");
        let c = ClusterConfig::parse("scheduler = \"10.0.0.1\"\n", d).unwrap();
        assert_eq!(c.scheduler, "df://10.0.0.1:50050");
        assert_eq!(c.data_dir, d);
        let c = ClusterConfig::parse("scheduler = \"df://s:7\"\ndata_dir = \"/mnt/e\"\n", d).unwrap();
        assert_eq!(
            (c.scheduler.as_str(), c.data_dir.as_path()),
            ("df://s:7", Path::new("/mnt/e"))
        );
        assert!(ClusterConfig::parse("schedulr = \"s\"\n", d).is_err());
        assert!(ClusterConfig::parse("scheduler = \"s3://b\"\n", d).is_err());
        assert_eq!(ClusterConfig::resolve(Some("local"), d).unwrap(), None);
        let c = ClusterConfig::resolve(Some("df://h:9"), d).unwrap().unwrap();
        assert_eq!(c.scheduler, "df://h:9");
    }
}
