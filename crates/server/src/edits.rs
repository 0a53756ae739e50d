//! The user's edits: one fact file, `<user data dir>/edits.toml`, written only by replacing it
//! whole and atomically (temporary file, fsync, rename, fsync of the directory), so that a crash
//! at any moment leaves either the old file or the new one, never a mix.
//!
//! The file is an ordinary fact file (docs/data-format.md) plus one optional top-level key,
//! `replaces = ["fact:ID", "source:ID", "actor:ID", …]`: records of the base dataset (shipped,
//! `--data` or `--with`) that the user has corrected or retracted. The server leaves those records
//! out of the base before validating, so a corrected record may keep its id. Without `replaces`,
//! the directory also passes `entente check --with DIR`.
//!
//! Everything here is text in, text out; the server decides when to write.

use entente_facts::Input;
use std::path::{Path, PathBuf};

/// The six record kinds of a fact file.
pub const KINDS: [&str; 6] = ["source", "actor", "relation", "event", "transfer", "driver"];

/// The most records one request may add.
pub const MAX_RECORDS: usize = 50;

/// The namespace of ids a record kind belongs to: facts share one.
pub fn namespace(kind: &str) -> &'static str {
    match kind {
        "source" => "source",
        "actor" => "actor",
        _ => "fact",
    }
}

fn kinds_of(ns: &str) -> &'static [&'static str] {
    match ns {
        "source" => &["source"],
        "actor" => &["actor"],
        _ => &["relation", "event", "transfer", "driver"],
    }
}

/// A record's identity: namespace and id (`fact:nato-kor-ipcp-2012`).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Key {
    pub ns: &'static str,
    pub id: String,
}

impl Key {
    pub fn parse(s: &str) -> Option<Key> {
        let (ns, id) = s.split_once(':')?;
        let ns = match ns {
            "source" => "source",
            "actor" => "actor",
            "fact" => "fact",
            _ => return None,
        };
        (!id.is_empty()).then(|| Key { ns, id: id.to_string() })
    }
}

impl std::fmt::Display for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.ns, self.id)
    }
}

/// One record of a submission or of a file: its kind and id.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct RecordRef {
    pub kind: String,
    pub id: String,
}

impl RecordRef {
    pub fn key(&self) -> Key {
        Key {
            ns: namespace(&self.kind),
            id: self.id.clone(),
        }
    }
}

/// Why a submission or an edits file cannot be used (before any validation of its content).
#[derive(Debug, PartialEq, Eq)]
pub struct ShapeError(pub String);

/// The records a TOML text declares, in order (ids that are missing or not strings are left
/// out: validation reports them).
pub fn records_in(table: &toml::Table) -> Vec<RecordRef> {
    let mut out = Vec::new();
    for kind in KINDS {
        if let Some(toml::Value::Array(items)) = table.get(kind) {
            for item in items {
                if let Some(id) = item.get("id").and_then(toml::Value::as_str) {
                    out.push(RecordRef {
                        kind: kind.to_string(),
                        id: id.to_string(),
                    });
                }
            }
        }
    }
    out
}

/// Checks that a submitted text is only records (`[[event]]`, …), so that appending it to the
/// edits file cannot change the meaning of what is already there. Returns its records, or
/// `Ok(None)` when the text is not valid TOML (the fact loader then reports where).
pub fn check_submission(text: &str) -> Result<Option<Vec<RecordRef>>, ShapeError> {
    let Ok(table) = toml::from_str::<toml::Table>(text) else {
        return Ok(None);
    };
    for (k, v) in &table {
        if !KINDS.contains(&k.as_str()) {
            return Err(ShapeError(format!(
                "`{k}` is not a record kind (records are {})",
                KINDS.map(|k| format!("[[{k}]]")).join(", ")
            )));
        }
        if !v.as_array().is_some_and(|a| a.iter().all(toml::Value::is_table)) {
            return Err(ShapeError(format!("`{k}` must be written as [[{k}]] tables")));
        }
    }
    // Text before the first table header would join the table above it once appended.
    let first = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'));
    if !first.is_some_and(|l| l.starts_with("[[")) {
        return Err(ShapeError(
            "a submission starts with a record header such as [[event]] (no keys before it)".into(),
        ));
    }
    let records = records_in(&table);
    let count: usize = KINDS
        .iter()
        .filter_map(|k| table.get(*k).and_then(toml::Value::as_array))
        .map(Vec::len)
        .sum();
    if count == 0 {
        return Err(ShapeError("the submission holds no record".into()));
    }
    if count > MAX_RECORDS {
        return Err(ShapeError(format!(
            "one request adds at most {MAX_RECORDS} records ({count} sent)"
        )));
    }
    Ok(Some(records))
}

/// Turns a JSON submission into the TOML record text it stands for:
/// `{"event": {...}}` or `{"event": [{...}, …], "source": {...}}`.
pub fn json_to_toml(json: &serde_json::Value) -> Result<String, ShapeError> {
    let obj = json
        .as_object()
        .ok_or_else(|| ShapeError("the JSON body must be an object such as {\"event\": {…}}".into()))?;
    let mut out = String::new();
    for kind in KINDS {
        let Some(v) = obj.get(kind) else { continue };
        let items: Vec<&serde_json::Value> = match v {
            serde_json::Value::Array(a) => a.iter().collect(),
            other => vec![other],
        };
        for item in items {
            if !item.is_object() {
                return Err(ShapeError(format!("each `{kind}` must be an object")));
            }
            let value: toml::Value = serde_json::from_value(item.clone())
                .map_err(|e| ShapeError(format!("`{kind}` cannot be written as TOML: {e} (null is not allowed)")))?;
            let mut wrapper = toml::Table::new();
            wrapper.insert(kind.to_string(), toml::Value::Array(vec![value]));
            let text = toml::to_string(&wrapper).map_err(|e| ShapeError(format!("`{kind}`: {e}")))?;
            out.push_str(&text);
            out.push('\n');
        }
    }
    if let Some(k) = obj.keys().find(|k| !KINDS.contains(&k.as_str())) {
        return Err(ShapeError(format!(
            "`{k}` is not a record kind (use one of {})",
            KINDS.join(", ")
        )));
    }
    if out.is_empty() {
        return Err(ShapeError("the submission holds no record".into()));
    }
    Ok(out)
}

const HEADER: &str = "\
# Additions and corrections made with `entente serve` (see docs/dashboard.md).
# An ordinary fact file (docs/data-format.md). `replaces` lists records of the base dataset that
# the records below correct or retract; the server leaves those out of the base.
";

/// The edits file's text, as on disk.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EditsFile {
    pub text: String,
}

impl EditsFile {
    /// Reads `path`; a missing file is an empty set of edits.
    pub fn read(path: &Path) -> std::io::Result<EditsFile> {
        match std::fs::read_to_string(path) {
            Ok(text) => Ok(EditsFile { text }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(EditsFile::default()),
            Err(e) => Err(e),
        }
    }

    fn document(&self) -> Result<toml_edit::DocumentMut, ShapeError> {
        self.text
            .parse::<toml_edit::DocumentMut>()
            .map_err(|e| ShapeError(format!("edits file: {e}")))
    }

    /// The ids of base records the edits replace.
    pub fn replaces(&self) -> Result<Vec<Key>, ShapeError> {
        let Ok(table) = toml::from_str::<toml::Table>(&self.text) else {
            // Syntax errors are reported, with their position, by the fact loader.
            return Ok(Vec::new());
        };
        let Some(v) = table.get("replaces") else {
            return Ok(Vec::new());
        };
        let arr = v
            .as_array()
            .ok_or_else(|| ShapeError("`replaces` must be a list of \"kind:id\" strings".into()))?;
        arr.iter()
            .map(|x| {
                x.as_str().and_then(Key::parse).ok_or_else(|| {
                    ShapeError(format!(
                        "`replaces`: {x} is not \"fact:ID\", \"source:ID\" or \"actor:ID\""
                    ))
                })
            })
            .collect()
    }

    /// The records the file declares.
    pub fn records(&self) -> Vec<RecordRef> {
        toml::from_str::<toml::Table>(&self.text)
            .map(|t| records_in(&t))
            .unwrap_or_default()
    }

    /// The text the fact loader reads: the file with `replaces` blanked out in place, so that
    /// lines and columns of diagnostics still point into the file on disk.
    pub fn fact_text(&self) -> String {
        let Ok(doc) = toml_edit::Document::parse(self.text.clone()) else {
            return self.text.clone();
        };
        let Some((key, item)) = doc.as_table().get_key_value("replaces") else {
            return self.text.clone();
        };
        let (Some(k), Some(v)) = (key.span(), item.span()) else {
            return self.text.clone();
        };
        let mut bytes = self.text.clone().into_bytes();
        for b in &mut bytes[k.start..v.end.min(self.text.len())] {
            if *b != b'\n' && *b != b'\r' {
                *b = b' ';
            }
        }
        // Every byte of the key and its value became a space (a character of several bytes
        // becomes several spaces), so the text stays valid UTF-8.
        String::from_utf8(bytes).unwrap_or_else(|_| self.text.clone())
    }

    /// The file with `chunk` (records only, see [`check_submission`]) appended.
    pub fn with_added(&self, chunk: &str, stamp: &str) -> EditsFile {
        let mut text = if self.text.trim().is_empty() {
            HEADER.to_string()
        } else {
            self.text.clone()
        };
        if !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(&format!("\n# {stamp}\n"));
        text.push_str(chunk.trim());
        text.push('\n');
        EditsFile { text }
    }

    /// The file without the record `key`, if the file declares it.
    pub fn without(&self, key: &Key) -> Result<Option<EditsFile>, ShapeError> {
        let mut doc = self.document()?;
        if !remove_record(&mut doc, key) {
            return Ok(None);
        }
        Ok(Some(EditsFile { text: doc.to_string() }))
    }

    /// The file with `key` added to `replaces`.
    pub fn replacing(&self, key: &Key) -> Result<EditsFile, ShapeError> {
        let mut keys = self.replaces()?;
        if !keys.contains(key) {
            keys.push(key.clone());
        }
        let base = if self.text.trim().is_empty() {
            HEADER.to_string()
        } else {
            self.text.clone()
        };
        let mut doc = base
            .parse::<toml_edit::DocumentMut>()
            .map_err(|e| ShapeError(format!("edits file: {e}")))?;
        let mut arr = toml_edit::Array::new();
        for k in &keys {
            arr.push(k.to_string());
        }
        doc.insert("replaces", toml_edit::value(arr));
        Ok(EditsFile { text: doc.to_string() })
    }
}

/// Removes the record `key` from a parsed fact file; true if it was there.
fn remove_record(doc: &mut toml_edit::DocumentMut, key: &Key) -> bool {
    let mut removed = false;
    for kind in kinds_of(key.ns) {
        let Some(item) = doc.get_mut(kind) else { continue };
        if let Some(aot) = item.as_array_of_tables_mut() {
            let hits: Vec<usize> = aot
                .iter()
                .enumerate()
                .filter(|(_, t)| t.get("id").and_then(|i| i.as_str()) == Some(key.id.as_str()))
                .map(|(i, _)| i)
                .collect();
            for i in hits.into_iter().rev() {
                aot.remove(i);
                removed = true;
            }
        } else if let Some(arr) = item.as_array_mut() {
            let hits: Vec<usize> = arr
                .iter()
                .enumerate()
                .filter(|(_, v)| {
                    v.as_inline_table().and_then(|t| t.get("id")).and_then(|i| i.as_str()) == Some(key.id.as_str())
                })
                .map(|(i, _)| i)
                .collect();
            for i in hits.into_iter().rev() {
                arr.remove(i);
                removed = true;
            }
        }
    }
    removed
}

/// The base dataset without the records the edits replace. Files are only rewritten where a
/// record was removed; keys found nowhere are returned (the base changed since the edit).
pub fn drop_records(inputs: &[Input], keys: &[Key]) -> (Vec<Input>, Vec<Key>) {
    let mut out = inputs.to_vec();
    let mut missing = Vec::new();
    for key in keys {
        let mut found = false;
        for input in &mut out {
            let Ok(text) = std::str::from_utf8(&input.bytes) else {
                continue;
            };
            if !text.contains(key.id.as_str()) {
                continue;
            }
            let Ok(mut doc) = text.parse::<toml_edit::DocumentMut>() else {
                continue;
            };
            if remove_record(&mut doc, key) {
                input.bytes = doc.to_string().into_bytes();
                found = true;
            }
        }
        if !found {
            missing.push(key.clone());
        }
    }
    (out, missing)
}

/// The text of one record as written in its file, for editing: from its `[[kind]]` header to
/// the next record header, without trailing blank and comment lines.
pub fn record_text(text: &str, kind: &str, id_line: usize) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let idx = id_line.checked_sub(1)?;
    let header = format!("[[{kind}]]");
    let start = (0..=idx.min(lines.len().checked_sub(1)?))
        .rev()
        .find(|&i| lines[i].trim() == header)?;
    let is_record_header = |l: &str| KINDS.iter().any(|k| l.trim() == format!("[[{k}]]"));
    let mut end = (start + 1..lines.len())
        .find(|&i| is_record_header(lines[i]))
        .unwrap_or(lines.len());
    while end > start + 1 && {
        let l = lines[end - 1].trim();
        l.is_empty() || l.starts_with('#')
    } {
        end -= 1;
    }
    Some(lines[start..end].join("\n") + "\n")
}

/// Writes `bytes` to `path` so that a crash at any point leaves either the old file or the new
/// one: a temporary file in the same directory, flushed to disk, renamed over the target, and the
/// directory flushed so the rename itself is durable.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    std::fs::create_dir_all(&dir)?;
    // The workspace's one atomic write; its temporary file is hidden, so that `entente check DIR`
    // and the loader never read a half-written file.
    entente_store::write_atomically(path, bytes).map_err(|e| std::io::Error::new(e.source.kind(), e.to_string()))
}

/// Removes temporary files a killed server left behind.
pub fn clean_temporaries(dir: &Path) {
    let _ = entente_store::remove_stale_temporaries(&dir.join("edits.toml"));
}

/// "2025-01-31T12:00:00Z", from the system clock.
pub fn timestamp() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let day = entente_model::Day::from_ordinal((secs / 86_400) as i64);
    let s = secs % 86_400;
    format!("{day}T{:02}:{:02}:{:02}Z", s / 3600, s % 3600 / 60, s % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    const EVENT: &str = "[[event]]\nid = \"e1\"\nkind = \"visit\"\ndate = \"2024\"\ntitle = \"T\"\nactors = [\"NATO\"]\nsources = [\"s\"]\n";

    #[test]
    fn a_submission_is_records_only() {
        assert_eq!(
            check_submission(EVENT).unwrap().unwrap(),
            vec![RecordRef {
                kind: "event".into(),
                id: "e1".into()
            }]
        );
        assert!(check_submission("id = \"x\"\n[[event]]\nid = \"y\"").is_err());
        assert!(check_submission("event = [{ id = \"x\" }]").is_err());
        assert!(check_submission("[[bogus]]\nid = \"x\"").is_err());
        assert!(check_submission("# nothing\n").is_err());
        assert_eq!(check_submission("[[event]\nid=").unwrap(), None);
    }

    #[test]
    fn json_becomes_the_same_record() {
        let json = serde_json::json!({"event": {"id": "e1", "kind": "visit", "date": "2024", "title": "T",
            "actors": ["NATO"], "sources": [{"source": "s", "at": "p. 2"}]}});
        let text = json_to_toml(&json).unwrap();
        assert!(text.starts_with("[[event]]"), "{text}");
        let recs = check_submission(&text).unwrap().unwrap();
        assert_eq!(recs[0].id, "e1");
        assert!(json_to_toml(&serde_json::json!({"event": {"id": null}})).is_err());
        assert!(json_to_toml(&serde_json::json!({"evil": {}})).is_err());
        assert!(json_to_toml(&serde_json::json!([1])).is_err());
    }

    #[test]
    fn replaces_is_blanked_in_place() {
        let f = EditsFile::default()
            .with_added(EVENT, "now")
            .replacing(&Key::parse("fact:old").unwrap())
            .unwrap();
        assert_eq!(f.replaces().unwrap(), vec![Key::parse("fact:old").unwrap()]);
        let facts = f.fact_text();
        assert_eq!(facts.len(), f.text.len());
        assert_eq!(facts.lines().count(), f.text.lines().count());
        assert!(!facts.contains("replaces ="));
        let table = toml::from_str::<toml::Table>(&facts).unwrap();
        assert!(!table.contains_key("replaces"));
        assert_eq!(f.records().len(), 1);
    }

    #[test]
    fn records_are_removed_by_key() {
        let f = EditsFile::default()
            .with_added(EVENT, "a")
            .with_added(&EVENT.replace("e1", "e2"), "b");
        let g = f.without(&Key::parse("fact:e1").unwrap()).unwrap().unwrap();
        assert_eq!(g.records().iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), ["e2"]);
        assert!(f.without(&Key::parse("source:e1").unwrap()).unwrap().is_none());
        let (inputs, missing) = drop_records(
            &[Input {
                name: "x.toml".into(),
                bytes: f.text.clone().into_bytes(),
            }],
            &[Key::parse("fact:e2").unwrap(), Key::parse("fact:zzz").unwrap()],
        );
        assert_eq!(missing, vec![Key::parse("fact:zzz").unwrap()]);
        let text = String::from_utf8(inputs[0].bytes.clone()).unwrap();
        assert!(text.contains("e1") && !text.contains("\"e2\""));
    }

    #[test]
    fn a_record_text_is_cut_from_its_file() {
        let text = format!("# head\n{EVENT}\n# next\n{}", EVENT.replace("e1", "e2"));
        let r = record_text(&text, "event", 3).unwrap();
        assert_eq!(r, EVENT);
    }

    #[test]
    fn atomic_write_replaces_the_file() {
        let dir = std::env::temp_dir().join(format!("entente-edits-{}", std::process::id()));
        let path = dir.join("edits.toml");
        write_atomically(&path, b"one").unwrap();
        write_atomically(&path, b"two").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "two");
        let leftovers = std::fs::read_dir(&dir).unwrap().count();
        assert_eq!(leftovers, 1);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
