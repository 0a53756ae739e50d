//! A small stderr logger for the cluster programs (Ballista logs through the `log` crate):
//! `LEVEL target: message` lines with a UTC timestamp, filtered by a level and, optionally, by
//! target prefixes (`info,datafusion=warn`).

use log::{Level, LevelFilter, Log, Metadata, Record};
use std::io::Write;
use std::time::{SystemTime, UNIX_EPOCH};

struct Logger {
    default: LevelFilter,
    /// (target prefix, level), longest prefix first.
    rules: Vec<(String, LevelFilter)>,
}

impl Logger {
    fn level_for(&self, target: &str) -> LevelFilter {
        self.rules
            .iter()
            .find(|(p, _)| target.starts_with(p.as_str()))
            .map_or(self.default, |r| r.1)
    }
}

impl Log for Logger {
    fn enabled(&self, m: &Metadata) -> bool {
        m.level() <= self.level_for(m.target())
    }

    fn log(&self, r: &Record) {
        if !self.enabled(r.metadata()) {
            return;
        }
        let t = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
        let (s, ms) = (t.as_secs(), t.subsec_millis());
        let (h, m, sec) = ((s / 3600) % 24, (s / 60) % 60, s % 60);
        let lvl = match r.level() {
            Level::Error => "ERROR",
            Level::Warn => "WARN ",
            Level::Info => "INFO ",
            Level::Debug => "DEBUG",
            Level::Trace => "TRACE",
        };
        let mut e = std::io::stderr().lock();
        let _ = writeln!(e, "{h:02}:{m:02}:{sec:02}.{ms:03}Z {lvl} {}: {}", r.target(), r.args());
    }

    fn flush(&self) {}
}

fn parse_level(s: &str) -> Option<LevelFilter> {
    match s.trim().to_ascii_lowercase().as_str() {
        "off" => Some(LevelFilter::Off),
        "error" => Some(LevelFilter::Error),
        "warn" | "warning" => Some(LevelFilter::Warn),
        "info" => Some(LevelFilter::Info),
        "debug" => Some(LevelFilter::Debug),
        "trace" => Some(LevelFilter::Trace),
        _ => None,
    }
}

/// Why the logger cannot be installed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LogError {
    /// A level that is not off, error, warn, info, debug or trace.
    UnknownLevel(String),
    /// A logger is installed already.
    AlreadySet,
}

impl std::fmt::Display for LogError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LogError::UnknownLevel(l) => write!(f, "unknown log level '{l}'"),
            LogError::AlreadySet => f.write_str("a logger is already installed"),
        }
    }
}

impl std::error::Error for LogError {}

/// Installs the logger. `spec` is `LEVEL[,target=LEVEL…]`, e.g. `info,datafusion=warn`.
pub fn init(spec: &str) -> Result<(), LogError> {
    let mut default = LevelFilter::Info;
    let mut rules = Vec::new();
    for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        match part.split_once('=') {
            Some((target, lvl)) => {
                let l = parse_level(lvl).ok_or_else(|| LogError::UnknownLevel(lvl.to_string()))?;
                rules.push((target.trim().to_string(), l));
            }
            None => default = parse_level(part).ok_or_else(|| LogError::UnknownLevel(part.to_string()))?,
        }
    }
    rules.sort_by_key(|r| std::cmp::Reverse(r.0.len()));
    let max = rules.iter().map(|r| r.1).chain([default]).max().unwrap_or(default);
    log::set_boxed_logger(Box::new(Logger { default, rules })).map_err(|_| LogError::AlreadySet)?;
    log::set_max_level(max);
    Ok(())
}
