//! The crate's error type: every variant says which file (and where known which line) is at fault.

use std::fmt;
use std::path::{Path, PathBuf};

/// What went wrong reading an event file. Bad *rows* are not errors (they are counted and
/// reported with their line numbers in a [`crate::ReadReport`]); an `Error` means a whole file
/// could not be used, or the readers' own tables could not be built.
#[derive(Debug)]
pub enum Error {
    /// An I/O failure on a named path.
    Io { path: PathBuf, source: std::io::Error },
    /// A file whose structure is not the expected one (missing header column, unknown layout).
    Format { path: PathBuf, line: u64, message: String },
    /// The readers' shipped tables (actor codes, the crosswalk) could not be built: a build defect.
    Tables(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A header line without a column its format needs (an ICEWS or POLECAT file).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MissingColumn {
    pub format: &'static str,
    pub column: String,
}

impl fmt::Display for MissingColumn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "not a{} {} header: no column '{}'",
            if self.format.starts_with(['A', 'E', 'I', 'O', 'U']) {
                "n"
            } else {
                ""
            },
            self.format,
            self.column
        )
    }
}

impl std::error::Error for MissingColumn {}

impl Error {
    pub fn io(path: impl AsRef<Path>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.as_ref().to_path_buf(),
            source,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { path, source } => write!(f, "{}: {source}", path.display()),
            Error::Format { path, line, message } => write!(f, "{}:{line}: {message}", path.display()),
            Error::Tables(m) => write!(f, "event readers' tables: {m}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
