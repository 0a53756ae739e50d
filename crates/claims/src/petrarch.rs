//! A reader for the PETRARCH2 / Phoenix CAMEO verb dictionary (`data/petrarch/CAMEO.2.0.txt`,
//! MIT; format in PETRARCH2's `dictionaries.rst`), the field's general resource of event verbs,
//! and a CAMEO → PLOVER mapping.
//!
//! The file holds synonym sets (`&NAME` then `+WORD` lines) and verb blocks: a header
//! `--- NAME [CODE] ---`, verb lines `WORD {IRREGULAR FORMS} [CODE]` (a `+` marks the verb word of
//! a multi-word verb, `_` joins words), and pattern lines `- … * … [CODE]`. `#` starts a comment.
//! Codes are CAMEO codes, `---` (no event), or `SOURCE:TARGET` pairs. entente uses the verbs and
//! their codes (not the patterns, which need a parse tree); errors name their line.

use entente_model::Plover;
use std::collections::BTreeMap;
use std::fmt;

/// The shipped dictionary.
pub const CAMEO_VERBS: &str = include_str!("../data/petrarch/CAMEO.2.0.txt");

/// A line the reader could not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DictionaryError {
    /// 1-based line number.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for DictionaryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for DictionaryError {}

/// A verb and the forms it is written in.
#[derive(Clone, Debug, PartialEq)]
pub struct Verb {
    pub line: usize,
    /// The verb as listed, words joined by spaces, lower case ("ask for").
    pub lemma: String,
    /// Every form to match: the lemma and its regular or listed irregular forms, lower case.
    pub forms: Vec<String>,
    /// Its own CAMEO code, if it has one; else the block's applies.
    pub code: Option<String>,
}

/// A pattern line, kept as written with its code.
#[derive(Clone, Debug, PartialEq)]
pub struct Pattern {
    pub line: usize,
    pub text: String,
    pub code: Option<String>,
    /// The verb the pattern was written for, as its comment names it (`# REQUEST`), lower case.
    pub verb: Option<String>,
}

/// A `--- NAME [CODE] ---` block.
#[derive(Clone, Debug, PartialEq)]
pub struct VerbBlock {
    pub line: usize,
    pub name: String,
    pub code: Option<String>,
    pub verbs: Vec<Verb>,
    pub patterns: Vec<Pattern>,
}

/// The dictionary.
#[derive(Clone, Debug, Default)]
pub struct VerbDictionary {
    pub synsets: BTreeMap<String, Vec<String>>,
    pub blocks: Vec<VerbBlock>,
    /// `~ …` transformation lines (verb-verb combinations), kept as written with their line.
    pub transformations: Vec<(usize, String)>,
}

/// Reads a `[CODE]`: `---` is no code, `A:B` gives A (or B when A is empty).
/// A trailing `!` (one pattern of CAMEO 2.0 has `[080!]`) is read as the code without it.
fn read_code(raw: &str, line: usize) -> Result<Option<String>, DictionaryError> {
    let raw = raw.trim().trim_end_matches('!');
    let primary = match raw.split_once(':') {
        Some((a, b)) => {
            if a.trim().is_empty() {
                b.trim()
            } else {
                a.trim()
            }
        }
        None => raw,
    };
    if primary.is_empty() || primary.chars().all(|c| c == '-') {
        return Ok(None);
    }
    if primary.len() <= 4 && primary.chars().all(|c| c.is_ascii_hexdigit()) && primary.len() >= 2 {
        Ok(Some(primary.to_string()))
    } else {
        Err(DictionaryError {
            line,
            message: format!("'{raw}' is not a CAMEO code (two to four digits, '---' or 'A:B')"),
        })
    }
}

/// The text between the last `[` and its `]`, and what comes before it.
fn split_code(s: &str, line: usize) -> Result<(&str, Option<&str>), DictionaryError> {
    match (s.rfind('['), s.rfind(']')) {
        (None, None) => Ok((s, None)),
        (Some(o), Some(c)) if o < c => Ok((&s[..o], Some(&s[o + 1..c]))),
        _ => Err(DictionaryError {
            line,
            message: "unbalanced '[' … ']' around a code".into(),
        }),
    }
}

/// Regular English forms of a verb word (lower case): -s/-es/-ies, -ed/-d/-ied, -ing.
fn regular_forms(w: &str) -> Vec<String> {
    let mut out = vec![w.to_string()];
    let consonant_y = w.ends_with('y') && !["ay", "ey", "oy", "uy"].iter().any(|e| w.ends_with(e));
    let sibilant = ["s", "sh", "ch", "x", "z"].iter().any(|e| w.ends_with(e));
    if consonant_y {
        let stem = &w[..w.len() - 1];
        out.push(format!("{stem}ies"));
        out.push(format!("{stem}ied"));
    } else if sibilant {
        out.push(format!("{w}es"));
        out.push(format!("{w}ed"));
    } else if w.ends_with('e') {
        out.push(format!("{w}s"));
        out.push(format!("{w}d"));
    } else {
        out.push(format!("{w}s"));
        out.push(format!("{w}ed"));
    }
    if w.ends_with('e') && !w.ends_with("ee") {
        out.push(format!("{}ing", &w[..w.len() - 1]));
    } else {
        out.push(format!("{w}ing"));
    }
    // A word of one syllable that ends in one vowel and one consonant doubles the consonant
    // ("shut" → "shutting", "ban" → "banned").
    let vowel = |c: u8| b"aeiou".contains(&c);
    let b = w.as_bytes();
    if b.len() >= 3
        && !vowel(b[b.len() - 1])
        && !b"wxy".contains(&b[b.len() - 1])
        && vowel(b[b.len() - 2])
        && !vowel(b[b.len() - 3])
        && b[..b.len() - 2].iter().all(|&c| !vowel(c) && c != b'y')
    {
        let last = b[b.len() - 1] as char;
        out.push(format!("{w}{last}ing"));
        out.push(format!("{w}{last}ed"));
    }
    out
}

/// "ASK_FOR" with `+` on ASK: every form of the phrase.
pub fn phrase_forms(spec: &str) -> Vec<String> {
    let words: Vec<&str> = spec.split('_').filter(|w| !w.is_empty()).collect();
    let verb_at = words.iter().position(|w| w.starts_with('+')).unwrap_or(0);
    let clean: Vec<String> = words
        .iter()
        .map(|w| w.trim_start_matches('+').to_ascii_lowercase())
        .collect();
    let Some(verb) = clean.get(verb_at) else {
        return Vec::new();
    };
    regular_forms(verb)
        .into_iter()
        .map(|f| {
            let mut ws = clean.clone();
            ws[verb_at] = f;
            ws.join(" ")
        })
        .collect()
}

impl VerbDictionary {
    /// The shipped CAMEO 2.0 verb dictionary.
    pub fn cameo() -> Result<VerbDictionary, Vec<DictionaryError>> {
        VerbDictionary::parse(CAMEO_VERBS)
    }

    /// Reads a dictionary; every line it cannot read is an error with its number.
    pub fn parse(text: &str) -> Result<VerbDictionary, Vec<DictionaryError>> {
        let mut dict = VerbDictionary::default();
        let mut errors = Vec::new();
        let mut synset: Option<String> = None;
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let l = raw.split('#').next().unwrap_or("").trim();
            if l.is_empty() {
                continue;
            }
            if let Some(t) = l.strip_prefix('~') {
                dict.transformations.push((line, t.trim().to_string()));
                continue;
            }
            if let Some(name) = l.strip_prefix('&') {
                if dict.blocks.is_empty() {
                    let name = name.trim().to_string();
                    dict.synsets.entry(name.clone()).or_default();
                    synset = Some(name);
                    continue;
                }
            }
            if let Some(word) = l.strip_prefix('+') {
                if let Some(name) = &synset {
                    dict.synsets
                        .entry(name.clone())
                        .or_default()
                        .push(word.trim().trim_end_matches('_').replace('_', " ").to_ascii_lowercase());
                    continue;
                }
            }
            if let Some(rest) = l.strip_prefix("---") {
                synset = None;
                let body = rest.trim_end_matches('-').trim();
                let (name, code) = match split_code(body, line) {
                    Ok(x) => x,
                    Err(e) => {
                        errors.push(e);
                        continue;
                    }
                };
                let name = name.trim().trim_end_matches('-').trim();
                if name.is_empty() {
                    errors.push(DictionaryError {
                        line,
                        message: "a verb block header without a name ('--- NAME [CODE] ---')".into(),
                    });
                    continue;
                }
                let code = match code.map(|c| read_code(c, line)).transpose() {
                    Ok(c) => c.flatten(),
                    Err(e) => {
                        errors.push(e);
                        continue;
                    }
                };
                dict.blocks.push(VerbBlock {
                    line,
                    name: name.to_string(),
                    code,
                    verbs: Vec::new(),
                    patterns: Vec::new(),
                });
                continue;
            }
            if synset.is_some() && dict.blocks.is_empty() {
                errors.push(DictionaryError {
                    line,
                    message: format!("'{l}' in a synonym set: its lines start with '+'"),
                });
                continue;
            }
            let Some(block) = dict.blocks.last_mut() else {
                errors.push(DictionaryError {
                    line,
                    message: format!("'{l}' before any synonym set or verb block"),
                });
                continue;
            };
            let (body, code) = match split_code(l, line) {
                Ok(x) => x,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            };
            let code = match code.map(|c| read_code(c, line)).transpose() {
                Ok(c) => c.flatten(),
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            };
            if let Some(p) = body.strip_prefix('-') {
                let verb = raw
                    .split_once('#')
                    .and_then(|(_, c)| c.split_whitespace().next())
                    .filter(|w| w.chars().all(|c| c.is_ascii_uppercase() || c == '_'))
                    .map(|w| w.replace('_', " ").to_ascii_lowercase());
                block.patterns.push(Pattern {
                    line,
                    text: p.trim().to_string(),
                    code,
                    verb,
                });
                continue;
            }
            // A verb: WORD or WORD_+PART, then optional {IRREGULAR FORMS}.
            let (head, irregular) = match (body.find('{'), body.find('}')) {
                (None, None) => (body, None),
                (Some(o), Some(c)) if o < c => (&body[..o], Some(&body[o + 1..c])),
                _ => {
                    errors.push(DictionaryError {
                        line,
                        message: "unbalanced '{' … '}' around irregular forms".into(),
                    });
                    continue;
                }
            };
            let head = head.trim();
            if head.is_empty() || head.contains(char::is_whitespace) {
                errors.push(DictionaryError {
                    line,
                    message: format!("'{}' is not a verb (one word, '_' joining a phrase)", head),
                });
                continue;
            }
            let lemma = head.replace('+', "").replace('_', " ").to_ascii_lowercase();
            let mut forms = vec![lemma.clone()];
            match irregular {
                Some(list) => forms.extend(
                    list.split_whitespace()
                        .map(|f| f.replace('+', "").replace('_', " ").to_ascii_lowercase()),
                ),
                None => forms.extend(phrase_forms(head)),
            }
            forms.sort();
            forms.dedup();
            block.verbs.push(Verb {
                line,
                lemma,
                forms,
                code,
            });
        }
        if errors.is_empty() {
            Ok(dict)
        } else {
            Err(errors)
        }
    }
}

/// The shipped verb dictionary and its compiled patterns (by block), read once. Should it not
/// read (a test makes sure it does), both are empty and only entente's own triggers remain.
pub fn shipped_verbs() -> &'static (VerbDictionary, Vec<Vec<CompiledPattern>>) {
    static D: std::sync::OnceLock<(VerbDictionary, Vec<Vec<CompiledPattern>>)> = std::sync::OnceLock::new();
    D.get_or_init(|| {
        let d = VerbDictionary::cameo().unwrap_or_default();
        let p = d.compiled_patterns();
        (d, p)
    })
}

/// One element of a compiled pattern: alternatives (a synonym set gives several), each a run of
/// words that must appear in order.
#[derive(Clone, Debug, PartialEq)]
pub struct Element {
    pub alternatives: Vec<Vec<String>>,
    /// Every alternative opens with a preposition: it must come sooner after what it attaches to.
    preposition: bool,
    /// For a large synonym set, its alternatives by their first word (so that a text word is
    /// tried only against the alternatives it can begin).
    by_first: Option<crate::Map<String, Vec<u32>>>,
}

impl Element {
    fn new(alternatives: Vec<Vec<String>>) -> Element {
        let preposition = alternatives
            .iter()
            .all(|alt| alt.first().is_some_and(|w| PREPOSITIONS.contains(&w.as_str())));
        let by_first = (alternatives.len() > 8).then(|| {
            let mut index: crate::Map<String, Vec<u32>> = Default::default();
            for (i, alt) in alternatives.iter().enumerate() {
                if let Some(first) = alt.first() {
                    index.entry(first.clone()).or_default().push(i as u32);
                }
            }
            index
        });
        Element {
            alternatives,
            preposition,
            by_first,
        }
    }

    /// The element read backwards (each alternative's words in reverse order), for the words
    /// before the verb, which are searched from the verb outwards.
    fn reversed(&self) -> Element {
        Element::new(
            self.alternatives
                .iter()
                .map(|alt| alt.iter().rev().cloned().collect())
                .collect(),
        )
    }
}

/// A pattern compiled for matching on a clause's words, in the TABARI way: the words before the
/// verb (`pre`) must appear in order before it, the words after it (`post`) in order after it,
/// with other words allowed between them. Actor slots (`$`, `+`, `%`, `^`) are left to the roles
/// entente assigns itself; braces (a noun phrase) and parentheses (a prepositional phrase) group
/// words that must appear together.
#[derive(Clone, Debug, PartialEq)]
pub struct CompiledPattern {
    pub line: usize,
    /// The elements before the verb, nearest the verb first, each read backwards.
    pub pre_reversed: Vec<Element>,
    /// The first words of the elements that have one alternative: a quick test that rules out
    /// most patterns (every text word matching a dictionary word begins with it).
    anchors: Vec<String>,
    pub post: Vec<Element>,
    pub code: Option<String>,
    /// How many words it needs: the most specific matching pattern wins.
    pub words: usize,
    /// The verb it was written for (its comment's), if the comment names one: of two patterns
    /// as specific, the one written for the verb at hand wins.
    pub verb: Option<String>,
}

/// The patterns of every block indexed by one word each needs (its longest anchor), so that a
/// clause is tried only against the patterns whose word it has.
pub struct PatternIndex {
    blocks: Vec<BlockIndex>,
}

#[derive(Default)]
struct BlockIndex {
    by_anchor: crate::Map<String, Vec<u32>>,
    /// Patterns with no anchor (every element a synonym set): always tried.
    unanchored: Vec<u32>,
}

impl PatternIndex {
    pub fn new(blocks: &[Vec<CompiledPattern>]) -> PatternIndex {
        let blocks = blocks
            .iter()
            .map(|patterns| {
                let mut b = BlockIndex::default();
                for (i, p) in patterns.iter().enumerate() {
                    match p.anchors.iter().max_by_key(|a| a.len()) {
                        Some(a) => b.by_anchor.entry(a.clone()).or_default().push(i as u32),
                        None => b.unanchored.push(i as u32),
                    }
                }
                b
            })
            .collect();
        PatternIndex { blocks }
    }

    /// The indices (ascending) of block `block`'s patterns that may match a clause of `words`
    /// (lower case): those whose anchor one of the words matches as [`word_matches`] reads it.
    pub fn candidates(&self, block: usize, words: &[&str]) -> Vec<u32> {
        let Some(b) = self.blocks.get(block) else {
            return Vec::new();
        };
        let mut out = b.unanchored.clone();
        for t in words {
            dictionary_keys(t, |k| {
                if let Some(v) = b.by_anchor.get(k) {
                    out.extend(v);
                }
            });
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// The index of the shipped patterns, built once.
pub fn shipped_pattern_index() -> &'static PatternIndex {
    static I: std::sync::OnceLock<PatternIndex> = std::sync::OnceLock::new();
    I.get_or_init(|| PatternIndex::new(&shipped_verbs().1))
}

/// How far apart (in words) the elements of a pattern may be.
const GAP: usize = 6;

impl VerbDictionary {
    /// The patterns of every block, compiled (a pattern naming an unknown synonym set is left out,
    /// as PETRARCH does).
    pub fn compiled_patterns(&self) -> Vec<Vec<CompiledPattern>> {
        self.blocks
            .iter()
            .map(|b| b.patterns.iter().filter_map(|p| self.compile(p)).collect())
            .collect()
    }

    fn compile(&self, p: &Pattern) -> Option<CompiledPattern> {
        let (pre, post) = p.text.split_once('*').unwrap_or(("", p.text.as_str()));
        let side = |text: &str| -> Option<Vec<Element>> {
            let mut out: Vec<Element> = Vec::new();
            let mut group: Option<Vec<String>> = None;
            let cleaned = text.replace(['{', '}'], " { ").replace(['(', ')'], " ( ");
            let mut depth = 0usize;
            for tok in cleaned.split_whitespace() {
                match tok {
                    "{" | "(" => {
                        depth ^= 1;
                        if depth == 1 {
                            group = Some(Vec::new());
                        } else if let Some(g) = group.take().filter(|g| !g.is_empty()) {
                            out.push(Element::new(vec![g]));
                        }
                    }
                    "$" | "+" | "%" | "^" | "#" => {}
                    w => {
                        let w = w.trim_matches(|c| c == '$' || c == '+' || c == '%' || c == '^');
                        if w.is_empty() {
                            continue;
                        }
                        if let Some(set) = w.strip_prefix('&') {
                            let key = set.trim_end_matches('_');
                            let members = self
                                .synsets
                                .iter()
                                .find(|(k, _)| k.trim_end_matches('_') == key)
                                .map(|(_, v)| v.clone())?;
                            let alts: Vec<Vec<String>> = members
                                .iter()
                                .map(|m| m.split_whitespace().map(|w| american(w).into_owned()).collect())
                                .collect();
                            // A set inside a group becomes its own element after the group's words.
                            if let Some(g) = group.take().filter(|g| !g.is_empty()) {
                                out.push(Element::new(vec![g]));
                                group = Some(Vec::new());
                            }
                            out.push(Element::new(alts));
                        } else {
                            let word = w.trim_end_matches('_').replace('_', " ").to_ascii_lowercase();
                            match group.as_mut() {
                                Some(g) => g.extend(word.split_whitespace().map(|w| american(w).into_owned())),
                                None => out.push(Element::new(vec![word
                                    .split_whitespace()
                                    .map(|w| american(w).into_owned())
                                    .collect()])),
                            }
                        }
                    }
                }
            }
            if let Some(g) = group.filter(|g| !g.is_empty()) {
                out.push(Element::new(vec![g]));
            }
            Some(out)
        };
        let pre = side(pre)?;
        let post = side(post)?;
        let words = pre
            .iter()
            .chain(&post)
            .map(|e| e.alternatives.iter().map(Vec::len).min().unwrap_or(0))
            .sum();
        let anchors = pre
            .iter()
            .chain(&post)
            .filter(|e| e.alternatives.len() == 1)
            .filter_map(|e| e.alternatives[0].first().cloned())
            .collect();
        (words > 0).then(|| CompiledPattern {
            line: p.line,
            anchors,
            pre_reversed: pre.iter().rev().map(Element::reversed).collect(),
            post,
            code: p.code.clone(),
            words,
            verb: p.verb.clone(),
        })
    }
}

/// A lower-case word in American spelling, as the CAMEO dictionary mostly writes it: "-ise",
/// "-isation", "-yse" as "-ize", "-ization", "-yze" ("mobilisation", "criticised", "analyse"),
/// and the common British forms of "defense", "center", "program", "labor" and the like. Text
/// and dictionary words are both read through it, so a word that has no American "-ize" form is
/// changed alike on both sides.
pub fn american<'a>(word: impl Into<std::borrow::Cow<'a, str>>) -> std::borrow::Cow<'a, str> {
    let word = word.into();
    const STEMS: &[(&str, &str)] = &[
        ("defence", "defense"),
        ("offence", "offense"),
        ("licence", "license"),
        ("centre", "center"),
        ("programme", "program"),
        ("manoeuvre", "maneuver"),
        ("labour", "labor"),
        ("honour", "honor"),
        ("favour", "favor"),
        ("harbour", "harbor"),
        ("neighbour", "neighbor"),
        ("armour", "armor"),
        ("rumour", "rumor"),
        ("endeavour", "endeavor"),
        ("behaviour", "behavior"),
        ("travelled", "traveled"),
        ("travelling", "traveling"),
        ("cancelled", "canceled"),
        ("cancelling", "canceling"),
        ("signalled", "signaled"),
        ("fuelled", "fueled"),
        ("levelled", "leveled"),
        ("labelled", "labeled"),
    ];
    // (Tested cheaply first: this runs on every word of every clause with a dictionary verb; a
    // word it leaves as it is is not copied. No stem or suffix fits in fewer than six letters.)
    if word.len() < 6 {
        return word;
    }
    let first = word.as_bytes().first().copied();
    let stem = STEMS
        .iter()
        .filter(|(b, _)| b.as_bytes().first().copied() == first)
        .find(|(b, _)| word.starts_with(b));
    let isation = word.as_bytes().windows(7).rposition(|x| x == b"isation");
    const SUFFIXES: [&str; 8] = ["ise", "ised", "ises", "ising", "yse", "ysed", "yses", "ysing"];
    let suffix = || {
        (word.len() > 5)
            .then(|| SUFFIXES.iter().find(|x| word.ends_with(*x)))
            .flatten()
    };
    if stem.is_none() && isation.is_none() && suffix().is_none() {
        return word;
    }
    let mut w = match stem {
        Some((b, a)) => format!("{a}{}", &word[b.len()..]),
        None => word.into_owned(),
    };
    if let Some(k) = w.as_bytes().windows(7).rposition(|x| x == b"isation") {
        w.replace_range(k..k + 2, "iz");
    } else if w.len() > 5 {
        if let Some(suffix) = SUFFIXES.iter().find(|x| w.ends_with(*x)) {
            let k = w.len() - suffix.len() + 1;
            w.replace_range(k..k + 1, "z");
        }
    }
    std::borrow::Cow::Owned(w)
}

/// Whether a text word (lower case) is the dictionary's word: the same, a regular plural or
/// inflection of it, or (for a stem of five letters or more, as the dictionary writes "VIOLAT")
/// a word it begins.
fn word_matches(text: &str, dict: &str) -> bool {
    text == dict
        || (dict.len() >= 5 && text.starts_with(dict))
        || text
            .strip_suffix('s')
            .is_some_and(|t| t == dict || t.strip_suffix('e') == Some(dict))
}

/// Calls `f` with every dictionary word that text word `t` matches as [`word_matches`] reads
/// it: `t` itself, `t` without a plural's "s" or "es", and each of its beginnings of five
/// letters or more.
fn dictionary_keys(t: &str, mut f: impl FnMut(&str)) {
    f(t);
    if let Some(x) = t.strip_suffix('s') {
        f(x);
        if let Some(y) = x.strip_suffix('e') {
            f(y);
        }
    }
    for k in 5..t.len() {
        if t.is_char_boundary(k) {
            f(&t[..k]);
        }
    }
}

/// Prepositions: a pattern's prepositional phrase starts right after what it attaches to.
pub(crate) const PREPOSITIONS: &[&str] = &[
    "to", "for", "with", "on", "against", "of", "in", "at", "from", "by", "over", "into", "about", "as",
];

/// Finds `element` in `words` from `from` on (at most `GAP` words later, four for a preposition);
/// the index after it.
fn find_element(words: &[&str], from: usize, element: &Element) -> Option<usize> {
    let last = words.len().min(from + if element.preposition { 4 } else { GAP + 1 });
    let at_position = |i: usize, alt: &[String]| {
        let mut at = i;
        for (k, w) in alt.iter().enumerate() {
            // The words of a group may have modifiers between them ("financial and military aid").
            let limit = if k == 0 { at + 1 } else { words.len().min(at + 3) };
            at = (at..limit).find(|&j| word_matches(words[j], w))? + 1;
        }
        Some(at)
    };
    (from..last).find_map(|i| match &element.by_first {
        None => element.alternatives.iter().find_map(|alt| at_position(i, alt)),
        Some(index) => {
            let mut alts: Vec<u32> = Vec::new();
            dictionary_keys(words[i], |k| {
                if let Some(v) = index.get(k) {
                    alts.extend(v);
                }
            });
            alts.sort_unstable();
            alts.dedup();
            alts.iter()
                .find_map(|&a| at_position(i, &element.alternatives[a as usize]))
        }
    })
}

impl CompiledPattern {
    /// Whether the pattern holds around a verb: `before` are the clause's words before it (lower
    /// case, in order) and `after` the words after it.
    pub fn matches(&self, before: &[&str], after: &[&str]) -> bool {
        let before_reversed: Vec<&str> = before.iter().rev().copied().collect();
        let mut sorted: Vec<&str> = before.iter().chain(after).copied().collect();
        sorted.sort_unstable();
        self.matches_reversed(&before_reversed, after, &sorted)
    }

    /// [`CompiledPattern::matches`] with the words before the verb given nearest first (so that
    /// they are reversed once for all the patterns of a verb) and `sorted`, the clause's words
    /// in sorted order.
    pub fn matches_reversed(&self, before_reversed: &[&str], after: &[&str], sorted: &[&str]) -> bool {
        let present = |w: &String| {
            let i = sorted.partition_point(|t| *t < w.as_str());
            sorted.get(i).is_some_and(|t| t.starts_with(w.as_str()))
        };
        if self.words > before_reversed.len() + after.len() || !self.anchors.iter().all(present) {
            return false;
        }
        let holds = |elements: &[Element], words: &[&str]| {
            let mut at = 0;
            elements
                .iter()
                .all(|e| find_element(words, at, e).map(|next| at = next).is_some())
        };
        holds(&self.post, after) && holds(&self.pre_reversed, before_reversed)
    }
}

/// The PLOVER type of the event a verb of the CAMEO dictionary names in a sentence: the code's type
/// by [`Plover::of_cameo`] (the one mapping, which the event lake uses too), except CAMEO's
/// expressions of intent (03: "expects to", "intends to", "plans to"), which in a sentence are the
/// modality of the event they govern ("is expected to attend the summit" is a future attendance),
/// not an event of their own; and denying responsibility (016: "denied any involvement", "denies
/// the charge"), which CAMEO files with public statements (01, no PLOVER type) but which in a
/// sentence is its actor's rejection of what it is accused of, PLOVER's REJECT ("all rejections
/// and refusals"). And signing (057, SUPPORT in PLOVER) is read as AGREE, with the agreements
/// entente's rules read together, until the claim is reported (`extract::report_types` gives it
/// PLOVER's type back).
pub fn plover_of_cameo(code: &str) -> Option<Plover> {
    if code == "016" {
        return Some(Plover::Reject);
    }
    if code.starts_with("057") {
        return Some(Plover::Agree);
    }
    Plover::of_cameo(code).filter(|_| !code.starts_with("03"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A verb of one syllable ending in one vowel and one consonant doubles it; others do not.
    #[test]
    fn regular_forms_double_a_final_consonant_after_one_short_vowel() {
        let shut = regular_forms("shut");
        assert!(shut.contains(&"shutting".to_string()), "{shut:?}");
        let visit = regular_forms("visit");
        assert!(!visit.contains(&"visitting".to_string()), "{visit:?}");
        for w in ["meet", "show", "fix", "stay"] {
            let f = regular_forms(w);
            assert_eq!(f.len(), 4, "{w}: {f:?}");
        }
    }

    #[test]
    fn the_shipped_dictionary_reads_without_error() {
        let d = VerbDictionary::cameo().unwrap_or_else(|e| panic!("{:?}", &e[..e.len().min(5)]));
        assert!(d.blocks.len() > 300, "{} blocks", d.blocks.len());
        assert!(d.synsets.contains_key("CURRENCY"));
        let ask = d.blocks.iter().find(|b| b.name == "ASK").expect("ASK block");
        let request = ask.verbs.iter().find(|v| v.lemma == "request").expect("REQUEST");
        assert_eq!(request.code.as_deref(), Some("020"));
        assert!(request.forms.contains(&"requested".to_string()));
        let ask_for = ask.verbs.iter().find(|v| v.lemma == "ask for").expect("ASK_FOR");
        assert!(ask_for.forms.contains(&"asked for".to_string()));
        assert!(!ask.patterns.is_empty());
    }

    #[test]
    fn british_spellings_read_as_the_dictionarys_american_ones() {
        assert_eq!(american("mobilisation"), "mobilization");
        assert_eq!(american("criticised"), "criticized");
        assert_eq!(american("analysing"), "analyzing");
        assert_eq!(american("defence"), "defense");
        assert_eq!(american("programmes"), "programs");
        assert_eq!(american("aid"), "aid");
        // (A word it leaves as it is, it does not copy.)
        assert!(matches!(american("aid"), std::borrow::Cow::Borrowed(_)));
        assert!(matches!(american("civilisation"), std::borrow::Cow::Owned(_)));
        // A word with no "-ize" form changes alike in text and dictionary.
        assert_eq!(american("promise"), american("promise"));
        // And the verbs the dictionary lists only so are found in British spelling.
        let t = crate::lexicon::Triggers::shared();
        let found = t.find("Washington penalised Moscow.");
        assert!(
            found
                .iter()
                .any(|&(s, e, _)| &"Washington penalised Moscow."[s..e] == "penalised"),
            "{found:?}"
        );
        // Likewise a final "l" doubled: the dictionary's "travel" is "traveled" in its forms.
        let text = "The minister travelled to Tokyo, labelling the visit historic.";
        let found = t.find(text);
        assert!(found.iter().any(|&(s, e, _)| &text[s..e] == "travelled"), "{found:?}");
    }

    #[test]
    fn errors_name_their_line() {
        let text = "&SET_\n+ONE\n\n--- GIVE [070] ---\nDONATE [07x]\nHAND {HANDED\n- * AID [0731\n";
        let errors = VerbDictionary::parse(text).expect_err("three bad lines");
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [5, 6, 7], "{errors:?}");
        assert!(errors[0].to_string().starts_with("line 5: "));
    }

    #[test]
    fn patterns_match_words_in_order_around_the_verb() {
        let text = "&CURRENCY\n+MONEY\n+CASH_\n--- ASK [---] ---\nASK [020]\nURGE\n- * (FOR {FINANCIAL AID}) [0231]\n- * &CURRENCY [0231]\n- POLICE * CALM [023]\n- * &NOSUCHSET [020]\n";
        let d = VerbDictionary::parse(text).expect("reads");
        let p = &d.compiled_patterns()[0];
        assert_eq!(p.len(), 3, "the pattern with an unknown set is left out: {p:?}");
        let w = |s: &'static str| -> Vec<&'static str> { s.split_whitespace().collect() };
        assert!(p[0].matches(&[], &w("the west for more financial aid")));
        assert!(p[0].matches(&[], &w("donors for financial and military aid")));
        assert!(!p[0].matches(&[], &w("financial aid for donors")));
        assert!(p[1].matches(&[], &w("for cash")));
        assert!(p[2].matches(&w("the police"), &w("for calm")));
        assert!(!p[2].matches(&w("the army"), &w("for calm")));
    }

    /// The indexes (patterns by an anchor word, large synonym sets by first word) only skip what
    /// cannot match: every shipped pattern, on a clause of its own words (an "s" added to each,
    /// as text inflects them; the first or the last alternative of each set), is a candidate and
    /// matches.
    #[test]
    fn the_indexes_offer_every_pattern_a_clause_of_its_own_words() {
        let blocks = &shipped_verbs().1;
        let index = shipped_pattern_index();
        let mut tried = 0;
        for (bi, patterns) in blocks.iter().enumerate() {
            for (i, p) in patterns.iter().enumerate() {
                for last in [false, true] {
                    let pick = |e: &Element| {
                        let alt = if last {
                            e.alternatives.last()
                        } else {
                            e.alternatives.first()
                        };
                        alt.cloned().unwrap_or_default()
                    };
                    let inflect = |w: String| format!("{w}s");
                    let before: Vec<String> = p
                        .pre_reversed
                        .iter()
                        .rev()
                        .flat_map(|e| pick(e).into_iter().rev())
                        .map(inflect)
                        .collect();
                    let after: Vec<String> = p.post.iter().flat_map(pick).map(inflect).collect();
                    let before: Vec<&str> = before.iter().map(String::as_str).collect();
                    let after: Vec<&str> = after.iter().map(String::as_str).collect();
                    let mut sorted: Vec<&str> = before.iter().chain(&after).copied().collect();
                    sorted.sort_unstable();
                    assert!(
                        index.candidates(bi, &sorted).contains(&(i as u32)),
                        "line {}: {before:?} * {after:?}",
                        p.line
                    );
                    assert!(p.matches(&before, &after), "line {}: {before:?} * {after:?}", p.line);
                    tried += 1;
                }
            }
        }
        assert!(tried > 5000, "{tried}");
    }

    #[test]
    fn the_shipped_patterns_compile() {
        let d = VerbDictionary::cameo().expect("reads");
        let compiled: usize = d.compiled_patterns().iter().map(Vec::len).sum();
        let written: usize = d.blocks.iter().map(|b| b.patterns.len()).sum();
        assert!(compiled * 10 >= written * 9, "{compiled} of {written}");
    }

    #[test]
    fn cameo_roots_map_to_plover() {
        assert_eq!(plover_of_cameo("020"), Some(Plover::Request));
        assert_eq!(plover_of_cameo("0231"), Some(Plover::Request));
        assert_eq!(plover_of_cameo("120"), Some(Plover::Reject));
        assert_eq!(plover_of_cameo("141"), Some(Plover::Protest));
        assert_eq!(plover_of_cameo("081"), Some(Plover::Concede));
        assert_eq!(plover_of_cameo("087"), Some(Plover::Retreat));
        // Releasing captives, allowing access: material, RETREAT (the PLOVER manual).
        assert_eq!(plover_of_cameo("0841"), Some(Plover::Retreat));
        assert_eq!(plover_of_cameo("0863"), Some(Plover::Retreat));
        assert_eq!(plover_of_cameo("055"), Some(Plover::Concede));
        // (Signing is SUPPORT in PLOVER, read with the agreements until reported.)
        assert_eq!(
            (plover_of_cameo("057"), Plover::of_cameo("057")),
            (Some(Plover::Agree), Some(Plover::Support))
        );
        assert_eq!(plover_of_cameo("051"), Some(Plover::Support));
        // Intent governs an event; the code itself is AGREE.
        assert_eq!(plover_of_cameo("036"), None);
        assert_eq!(Plover::of_cameo("036"), Some(Plover::Agree));
        assert_eq!(plover_of_cameo("070"), Some(Plover::Aid));
        assert_eq!(plover_of_cameo("150"), Some(Plover::Mobilize));
        assert_eq!(plover_of_cameo("010"), None);
    }
}
