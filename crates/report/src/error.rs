//! The crate's error type: what rendering a report can fail on.

use std::fmt;

/// Why a report could not be made.
#[derive(Debug)]
pub enum Error {
    /// An analysis behind the report failed (the event lake or a dataset table).
    Analysis(entente_analysis::Error),
    /// The imported datasets could not be read.
    Store(entente_store::Error),
    /// The template could not be rendered (a defect of the build: the templates are tested).
    Template(String),
    /// Printing to PDF failed: Chromium is missing, or could not print the page.
    Pdf(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Analysis(e) => write!(f, "{e}"),
            Error::Store(e) => write!(f, "{e}"),
            Error::Template(m) => write!(f, "cannot render the report: {m}"),
            Error::Pdf(m) => write!(f, "{m}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Analysis(e) => Some(e),
            Error::Store(e) => Some(e),
            Error::Template(_) | Error::Pdf(_) => None,
        }
    }
}

impl From<entente_analysis::Error> for Error {
    fn from(e: entente_analysis::Error) -> Error {
        Error::Analysis(e)
    }
}

impl From<entente_store::Error> for Error {
    fn from(e: entente_store::Error) -> Error {
        Error::Store(e)
    }
}
