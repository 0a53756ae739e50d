//! Row accounting shared by every reader.

use serde::Serialize;
use std::fmt;

/// One row a reader could not keep.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Rejection {
    /// 1-based physical line in the file where the record starts.
    pub line: usize,
    /// What is wrong, naming the column and the value.
    pub reason: String,
}

/// What a reader did with a file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    /// The file's display name.
    pub file: String,
    /// Data records read (not counting preamble and header lines).
    pub rows_read: usize,
    pub kept: usize,
    pub rejected: Vec<Rejection>,
}

impl ImportReport {
    pub fn new(file: impl Into<String>) -> ImportReport {
        ImportReport {
            file: file.into(),
            ..Default::default()
        }
    }

    pub fn reject(&mut self, line: usize, reason: impl Into<String>) {
        self.rejected.push(Rejection {
            line,
            reason: reason.into(),
        });
    }
}

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} rows read, {} kept, {} rejected",
            self.file,
            self.rows_read,
            self.kept,
            self.rejected.len()
        )?;
        for r in &self.rejected {
            write!(f, "\n  line {}: {}", r.line, r.reason)?;
        }
        Ok(())
    }
}

/// A file that cannot be read at all (as opposed to rows that are rejected).
#[derive(Debug)]
pub enum ImportError {
    Io(std::io::Error),
    /// The file's structure is not the expected one: no header, a missing or duplicated column,
    /// an empty file. `line` is 1-based.
    Format {
        line: usize,
        message: String,
    },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Io(e) => write!(f, "{e}"),
            ImportError::Format { line, message } => write!(f, "line {line}: {message}"),
        }
    }
}

impl std::error::Error for ImportError {}

impl From<std::io::Error> for ImportError {
    fn from(e: std::io::Error) -> Self {
        ImportError::Io(e)
    }
}
