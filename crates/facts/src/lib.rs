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

/// Every `.toml` file under `dir`, recursively, in path order. Hidden entries are skipped.
pub fn read_dir(dir: &Path) -> std::io::Result<Vec<Input>> {
    fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) -> std::io::Result<()> {
        for entry in std::fs::read_dir(dir)? {
            let path = entry?.path();
            if path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'))
            {
                continue;
            }
            if path.is_dir() {
                walk(&path, out)?;
            } else if path.extension().is_some_and(|e| e == "toml") {
                out.push(path);
            }
        }
        Ok(())
    }
    let meta = std::fs::metadata(dir)?;
    if !meta.is_dir() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("{} is not a directory", dir.display()),
        ));
    }
    let mut paths = Vec::new();
    walk(dir, &mut paths)?;
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            Ok(Input {
                name: p.display().to_string(),
                bytes: std::fs::read(&p)?,
            })
        })
        .collect()
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
