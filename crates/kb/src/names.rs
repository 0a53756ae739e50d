//! Finding actors by any of their names and codes.

use entente_model::Actor;
use serde::Serialize;
use std::collections::HashMap;
use unicode_normalization::UnicodeNormalization;

/// Folds a name for matching: no diacritics, lower case, punctuation as single spaces.
/// "Türkiye" → "turkiye", "U.S." → "u s", "South-Korean" → "south korean".
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
    {
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
        } else {
            space = true;
        }
    }
    out
}

/// Which of an actor's labels a query matched, in order of precedence when several actors match.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NameKind {
    Id,
    Iso3,
    Name,
    Alias,
    Demonym,
    Iso2,
    Cameo,
    Wikidata,
    Cow,
    Gw,
}

/// Every label of every actor, normalised, for exact look-up and fuzzy search.
#[derive(Debug, Default)]
pub struct NameIndex {
    exact: HashMap<String, Vec<(usize, NameKind)>>,
    /// (normalised label, original label, actor index, kind), for fuzzy search.
    labels: Vec<(String, String, usize, NameKind)>,
}

impl NameIndex {
    pub fn new(actors: &[Actor]) -> NameIndex {
        let mut index = NameIndex::default();
        for (i, a) in actors.iter().enumerate() {
            let mut add = |label: &str, kind: NameKind| {
                let key = normalize(label);
                if key.is_empty() {
                    return;
                }
                let entry = index.exact.entry(key.clone()).or_default();
                if !entry.contains(&(i, kind)) {
                    entry.push((i, kind));
                }
                index.labels.push((key, label.to_string(), i, kind));
            };
            add(&a.id, NameKind::Id);
            add(&a.name, NameKind::Name);
            if let Some(s) = &a.short_name {
                add(s, NameKind::Name);
            }
            for x in &a.aliases {
                add(x, NameKind::Alias);
            }
            for x in &a.demonyms {
                add(x, NameKind::Demonym);
            }
            let c = &a.codes;
            if let Some(x) = &c.iso3 {
                add(x, NameKind::Iso3);
            }
            if let Some(x) = &c.iso2 {
                add(x, NameKind::Iso2);
            }
            if let Some(x) = &c.cameo {
                add(x, NameKind::Cameo);
            }
            if let Some(x) = &c.wikidata {
                add(x, NameKind::Wikidata);
            }
            if let Some(x) = c.cow {
                add(&x.to_string(), NameKind::Cow);
            }
            if let Some(x) = c.gw {
                add(&x.to_string(), NameKind::Gw);
            }
        }
        index
    }

    /// Actors whose label equals the query, each with its best (lowest) kind, best first.
    pub fn exact(&self, query: &str) -> Vec<(usize, NameKind)> {
        let mut hits: Vec<(usize, NameKind)> = Vec::new();
        for &(i, kind) in self.exact.get(&normalize(query)).map(Vec::as_slice).unwrap_or(&[]) {
            match hits.iter_mut().find(|(j, _)| *j == i) {
                Some(h) => h.1 = h.1.min(kind),
                None => hits.push((i, kind)),
            }
        }
        hits.sort_by_key(|&(i, k)| (k, i));
        hits
    }

    /// Fuzzy matches: (actor index, matched label, kind, score in 0..=1), best first, one per actor.
    pub fn fuzzy(&self, query: &str) -> Vec<(usize, &str, NameKind, f64)> {
        let q = normalize(query);
        if q.is_empty() {
            return Vec::new();
        }
        let mut best: HashMap<usize, (f64, &str, NameKind)> = HashMap::new();
        for (key, label, i, kind) in &self.labels {
            let score = if *key == q {
                1.0
            } else if key.starts_with(&q) {
                0.92 - 0.001 * (key.len() - q.len()).min(50) as f64
            } else if key.split(' ').any(|w| w == q) {
                0.88
            } else if q.len() >= 3 && key.contains(&q) {
                0.84
            } else {
                strsim::jaro_winkler(&q, key) * 0.9
            };
            if score < 0.78 {
                continue;
            }
            let slot = best.entry(*i).or_insert((score, label, *kind));
            if score > slot.0 || (score == slot.0 && *kind < slot.2) {
                *slot = (score, label, *kind);
            }
        }
        let mut hits: Vec<(usize, &str, NameKind, f64)> = best.into_iter().map(|(i, (s, l, k))| (i, l, k, s)).collect();
        hits.sort_by(|a, b| b.3.total_cmp(&a.3).then(a.2.cmp(&b.2)).then(a.0.cmp(&b.0)));
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_names() {
        assert_eq!(normalize("Türkiye"), "turkiye");
        assert_eq!(normalize(" U.S. "), "u s");
        assert_eq!(normalize("South-Korean"), "south korean");
        assert_eq!(normalize("Kõu"), "kou");
    }
}
