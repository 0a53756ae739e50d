//! Reads and validates entente fact files.
//!
//! entente's curated knowledge is plain TOML under `data/`, one theme per file (the format is in
//! `docs/data-format.md`). This crate turns a set of such files into a checked
//! [`FactSet`](entente_model::FactSet), and reports every problem it finds as a [`Diagnostic`]
//! naming file, line and column, what is wrong and how to fix it: syntax errors, unknown fields,
//! unknown actors or sources (with did-you-mean), malformed dates, intervals that end before they
//! start, overlapping memberships, facts without a source, duplicate ids.
//!
//! The shipped NATO–ROK dataset is compiled into the library ([`shipped`]), so the binary works
//! with no files beside it; [`read_dir`] reads a user's own directory.

mod diag;
mod raw;
mod validate;

pub use diag::{closest, did_you_mean, Diagnostic, Severity, SourceText};

use entente_model::FactSet;
use std::collections::HashMap;
use std::path::Path;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/shipped.rs"));
}

/// Where a record was declared.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Origin {
    pub file: String,
    pub line: usize,
}

/// A loaded dataset: the facts, and where each record came from.
#[derive(Clone, Debug, Default)]
pub struct Dataset {
    pub facts: FactSet,
    /// Record id (actor, source or fact) → where it was declared.
    pub origins: HashMap<String, Origin>,
    /// The files read, in order.
    pub files: Vec<String>,
}

/// The outcome of loading: the dataset (records that passed their checks) and every diagnostic.
#[derive(Clone, Debug)]
pub struct Report {
    pub dataset: Dataset,
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    pub fn errors(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    pub fn warnings(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count()
    }

    /// The dataset, if there were no errors; otherwise the errors, to show the user.
    pub fn into_result(self) -> Result<Dataset, Vec<Diagnostic>> {
        if self.errors() == 0 {
            Ok(self.dataset)
        } else {
            Err(self
                .diagnostics
                .into_iter()
                .filter(|d| d.severity == Severity::Error)
                .collect())
        }
    }
}

/// One input file: a display name (its path) and its bytes.
#[derive(Clone, Debug)]
pub struct Input {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The shipped fact files, as compiled into the binary.
pub fn shipped() -> Vec<Input> {
    embedded::SHIPPED
        .iter()
        .map(|(name, text)| Input {
            name: (*name).to_string(),
            bytes: text.as_bytes().to_vec(),
        })
        .collect()
}

/// The largest fact file read: the shipped files are a few KiB; anything near this is not one.
pub const MAX_FACT_FILE: u64 = 8 << 20;

/// Every `.toml` file under `dir`, recursively, in path order. Hidden entries are skipped.
///
/// Symbolic links are followed, but only to regular files and directories: a `.toml` that is (or
/// links to) a FIFO, a device or a socket is an error rather than a read that blocks or never
/// ends, and so is a file over [`MAX_FACT_FILE`], a dangling link named `*.toml` and a link that
/// leads back to a directory being read (a loop). Every error names the path at fault.
pub fn read_dir(dir: &Path) -> std::io::Result<Vec<Input>> {
    use std::io::{Error, ErrorKind};
    use std::path::PathBuf;
    let at = |p: &Path, e: Error| Error::new(e.kind(), format!("{}: {e}", p.display()));
    /// `path`'s metadata after following links; a dangling link or a link loop is named as such.
    fn resolved(path: &Path) -> std::io::Result<std::fs::Metadata> {
        std::fs::metadata(path).map_err(|e| {
            let link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
            let target = std::fs::read_link(path).map_or_else(|_| "?".into(), |t| t.display().to_string());
            let message = if !link {
                format!("{}: {e}", path.display())
            } else if e.kind() == ErrorKind::NotFound {
                format!("{}: a symbolic link to {target}, which does not exist", path.display())
            } else {
                // ELOOP ("too many levels of symbolic links") and the like.
                format!(
                    "{}: a symbolic link to {target} that cannot be followed: {e}",
                    path.display()
                )
            };
            Error::new(e.kind(), message)
        })
    }
    /// `ancestors`: canonical paths of the directories being walked, to stop at a link loop.
    fn walk(dir: &Path, ancestors: &mut Vec<PathBuf>, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
        let at = |p: &Path, e: Error| Error::new(e.kind(), format!("{}: {e}", p.display()));
        let real = std::fs::canonicalize(dir).map_err(|e| at(dir, e))?;
        if let Some(first) = ancestors.iter().find(|a| **a == real) {
            return Err(Error::new(
                ErrorKind::InvalidInput,
                format!(
                    "{}: a symbolic link loop (it leads back to {}, which is being read)",
                    dir.display(),
                    first.display()
                ),
            ));
        }
        ancestors.push(real);
        for entry in std::fs::read_dir(dir).map_err(|e| at(dir, e))? {
            let path = entry.map_err(|e| at(dir, e))?.path();
            if path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'))
            {
                continue;
            }
            let is_toml = path.extension().is_some_and(|e| e == "toml");
            let meta = match resolved(&path) {
                Ok(m) => m,
                // Not a fact file, and not a directory that can be read: nothing to read there.
                Err(_) if !is_toml => continue,
                Err(e) => return Err(e),
            };
            if meta.is_dir() {
                walk(&path, ancestors, out)?;
            } else if is_toml {
                if !meta.is_file() {
                    return Err(Error::new(
                        ErrorKind::InvalidInput,
                        format!(
                            "{}: not a regular file (a FIFO, device or socket, or a link to one); fact files must be regular files",
                            path.display()
                        ),
                    ));
                }
                out.push(path);
            }
        }
        ancestors.pop();
        Ok(())
    }
    let meta = std::fs::metadata(dir).map_err(|e| at(dir, e))?;
    if !meta.is_dir() {
        return Err(Error::new(
            ErrorKind::InvalidInput,
            format!("{} is not a directory", dir.display()),
        ));
    }
    let mut paths = Vec::new();
    walk(dir, &mut Vec::new(), &mut paths)?;
    paths.sort();
    paths.into_iter().map(|p| read_fact_file(&p)).collect()
}

/// Reads one fact file (a regular file, checked by [`read_dir`]), at most [`MAX_FACT_FILE`] bytes.
fn read_fact_file(path: &Path) -> std::io::Result<Input> {
    use std::io::{Error, ErrorKind, Read};
    let at = |e: Error| Error::new(e.kind(), format!("{}: {e}", path.display()));
    let too_big = |size: u64| {
        Error::new(
            ErrorKind::InvalidData,
            format!(
                "{}: {size} bytes or more; a fact file may hold at most {} MiB (split it by theme)",
                path.display(),
                MAX_FACT_FILE >> 20
            ),
        )
    };
    let file = std::fs::File::open(path).map_err(at)?;
    let meta = file.metadata().map_err(at)?;
    // Checked again on the open file: the path may have been replaced since the walk.
    if !meta.is_file() {
        return Err(Error::new(
            ErrorKind::InvalidInput,
            format!(
                "{}: not a regular file; fact files must be regular files",
                path.display()
            ),
        ));
    }
    if meta.len() > MAX_FACT_FILE {
        return Err(too_big(meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // A file growing while it is read stops at the cap too.
    file.take(MAX_FACT_FILE + 1).read_to_end(&mut bytes).map_err(at)?;
    if bytes.len() as u64 > MAX_FACT_FILE {
        return Err(too_big(bytes.len() as u64));
    }
    Ok(Input {
        name: path.display().to_string(),
        bytes,
    })
}

/// Parses and validates a set of files as one dataset.
pub fn load(inputs: Vec<Input>) -> Report {
    let mut diags = Vec::new();
    let mut files = Vec::with_capacity(inputs.len());
    let mut parsed = Vec::with_capacity(inputs.len());
    for input in inputs {
        let text = match String::from_utf8(input.bytes) {
            Ok(t) => t,
            Err(e) => {
                let valid = e.utf8_error().valid_up_to();
                let bytes = e.into_bytes();
                let prefix = String::from_utf8_lossy(&bytes[..valid]).into_owned();
                let src = SourceText::new(input.name, prefix);
                diags.push(src.diagnostic(
                    Severity::Error,
                    "encoding",
                    valid..valid,
                    format!(
                        "the file is not valid UTF-8 (byte 0x{:02X} at offset {valid})",
                        bytes[valid]
                    ),
                    Some("save the file as UTF-8 (Latin-1 and Windows-1252 are not read)".into()),
                ));
                continue;
            }
        };
        let index = files.len();
        files.push(SourceText::new(input.name, text));
        match toml::from_str::<raw::RawFile>(&files[index].text) {
            Ok(raw) => parsed.push((index, raw)),
            Err(e) => {
                let span = e.span().unwrap_or(0..0);
                let message = e.message().trim().to_string();
                let hint = syntax_hint(&message);
                diags.push(files[index].diagnostic(Severity::Error, "syntax", span, message, hint));
            }
        }
    }
    apply_replaces(&files, &mut parsed, &mut diags);
    validate::build(&files, parsed, diags)
}

/// Drops the records that some other file `replaces`: a file listing `replaces = ["fact:x"]`
/// corrects record `x` of the rest of the dataset (the shipped files, say) with its own `x`.
fn apply_replaces(files: &[SourceText], parsed: &mut [(usize, raw::RawFile)], diags: &mut Vec<Diagnostic>) {
    // (namespace, id) → the file that replaces it, and where it says so.
    let mut keys: Vec<(&'static str, String, usize, std::ops::Range<usize>)> = Vec::new();
    for (f, raw) in parsed.iter() {
        for r in &raw.replaces {
            let text = r.get_ref();
            let parsed_key = text.split_once(':').and_then(|(ns, id)| {
                let ns = match ns {
                    "fact" => "fact",
                    "source" => "source",
                    "actor" => "actor",
                    _ => return None,
                };
                (!id.is_empty()).then(|| (ns, id.to_string()))
            });
            match parsed_key {
                Some((ns, id)) => keys.push((ns, id, *f, r.span())),
                None => diags.push(files[*f].diagnostic(
                    Severity::Error,
                    "bad-replaces",
                    r.span(),
                    format!("`replaces` entry `{text}` is not \"fact:ID\", \"source:ID\" or \"actor:ID\""),
                    Some("name the record to correct by its kind and id, e.g. \"fact:kor-nato-dialogue\"".into()),
                )),
            }
        }
    }
    if keys.is_empty() {
        return;
    }
    let mut used = vec![false; keys.len()];
    let mut gone = |ns: &str, id: &str, file: usize| -> bool {
        let mut hit = false;
        for (k, (kns, kid, kf, _)) in keys.iter().enumerate() {
            if *kns == ns && kid == id && *kf != file {
                used[k] = true;
                hit = true;
            }
        }
        hit
    };
    for (f, raw) in parsed.iter_mut() {
        let f = *f;
        raw.source.retain(|x| !gone("source", x.get_ref().id.get_ref(), f));
        raw.actor.retain(|x| !gone("actor", x.get_ref().id.get_ref(), f));
        raw.relation.retain(|x| !gone("fact", x.get_ref().id.get_ref(), f));
        raw.event.retain(|x| !gone("fact", x.get_ref().id.get_ref(), f));
        raw.transfer.retain(|x| !gone("fact", x.get_ref().id.get_ref(), f));
        raw.driver.retain(|x| !gone("fact", x.get_ref().id.get_ref(), f));
    }
    for (k, (ns, id, f, span)) in keys.iter().enumerate() {
        if !used[k] {
            diags.push(files[*f].diagnostic(
                Severity::Warning,
                "replaces-nothing",
                span.clone(),
                format!("`replaces` names {ns} `{id}`, which no other file declares"),
                Some("check the id with `entente search` or `entente check`; the entry has no effect".into()),
            ));
        }
    }
}

fn syntax_hint(message: &str) -> Option<String> {
    if message.starts_with("unknown field") {
        Some("see docs/data-format.md for the fields of each record".into())
    } else if message.starts_with("missing field") {
        Some("add the field; docs/data-format.md lists what each record requires".into())
    } else if message.contains("invalid type") {
        Some("dates and ids are quoted strings; numbers are not quoted".into())
    } else {
        None
    }
}

/// Loads the shipped dataset; with `extra`, a user's directory is added to it.
pub fn load_shipped_with(extra: Option<&Path>) -> std::io::Result<Report> {
    let mut inputs = shipped();
    if let Some(dir) = extra {
        inputs.extend(read_dir(dir)?);
    }
    Ok(load(inputs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_dataset_is_embedded() {
        assert!(shipped().iter().any(|i| i.name == "data/actors/states.toml"));
    }
}
