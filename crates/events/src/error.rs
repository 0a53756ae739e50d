//! The lake's error type: every variant says which file (and where known which line) is at
//! fault. Reading an event file fails with the readers' own error ([`ReadError`]), which the
//! lake carries as it is.

use std::fmt;
use std::path::{Path, PathBuf};

pub use entente_event_readers::error::MissingColumn;
pub use entente_event_readers::Error as ReadError;

/// What went wrong with the lake: an event file that could not be read, a lake file that could
/// not be read or written, a lake in a state this version cannot use, or a query it cannot
/// answer as asked.
#[derive(Debug)]
pub enum Error {
    /// An event file could not be read (the readers' error: its path and line).
    Read(ReadError),
    /// An I/O failure on a named path of the lake.
    Io { path: PathBuf, source: std::io::Error },
    /// A file handed to the lake whose structure is not the expected one.
    Format { path: PathBuf, line: u64, message: String },
    /// The lake is in a state this version cannot use (bad manifest, locked by another ingest).
    Lake(String),
    /// Parquet or Arrow failed while writing or reading a lake file.
    Parquet { path: PathBuf, message: String },
    /// A query the lake cannot answer as asked (unknown granularity, empty side...).
    Query(String),
    /// A result that could not be written in the format asked for.
    Output(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn io(path: impl AsRef<Path>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.as_ref().to_path_buf(),
            source,
        }
    }

    pub fn parquet(path: impl AsRef<Path>, e: impl fmt::Display) -> Error {
        Error::Parquet {
            path: path.as_ref().to_path_buf(),
            message: e.to_string(),
        }
    }
}

impl From<ReadError> for Error {
    fn from(e: ReadError) -> Error {
        Error::Read(e)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Read(e) => write!(f, "{e}"),
            Error::Io { path, source } => write!(f, "{}: {source}", path.display()),
            Error::Format { path, line, message } => write!(f, "{}:{line}: {message}", path.display()),
            Error::Lake(m) => write!(f, "lake: {m}"),
            Error::Parquet { path, message } => write!(f, "{}: {message}", path.display()),
            Error::Query(m) => write!(f, "query: {m}"),
            Error::Output(m) => write!(f, "cannot write the result: {m}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Read(e) => Some(e),
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reader_error_reaches_the_lake_as_it_was() {
        let e: Error = ReadError::Format {
            path: "x.csv".into(),
            line: 3,
            message: "bad".into(),
        }
        .into();
        assert!(matches!(e, Error::Read(ReadError::Format { line: 3, .. })));
        assert_eq!(e.to_string(), "x.csv:3: bad");
        assert!(std::error::Error::source(&e).is_some());
    }
}
