//! Dictionaries, in the tradition of TABARI and PETRARCH but built from the knowledge base's own
//! names: every actor's name, short name, aliases and demonyms, capitals used for their states,
//! weapon designations from the recorded transfers, and a table of event triggers mapped to an
//! event kind, a PLOVER type and a CAMEO code.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use entente_kb::KnowledgeBase;
use entente_model::{ActorKind, Plover};

/// What a matched name stands for.
#[derive(Clone, Debug)]
pub struct ActorEntry {
    /// The actor named (an agency, a company, a person, a state…).
    pub id: String,
    /// The state or organisation it acts for (the NIS → KOR; Stoltenberg → NATO).
    pub acts_for: String,
    pub kind: ActorKind,
    /// A capital or collective name ("Seoul", "Allies"): a place when preceded by "in"/"at".
    pub place: bool,
    /// A state's or a company's one-word name ("Chad", "Jordan", "Georgia", "Turkey", "Saab"):
    /// such a name is often also a common word or part of a person's name, so it needs context
    /// (see [`Lexicon::actors`]).
    pub one_word_name: bool,
    /// The name as listed starts with a capital, so it must be written with one.
    pub capitalised: bool,
    /// A generic agent noun ("police", "rebels", "the government"): its Phoenix role code. It
    /// belongs to the name written next to it ("Kenyan police", "the government of Sudan"), or
    /// stands alone for an actor the text does not name.
    pub agent: Option<&'static str>,
    /// Found by the Phoenix dictionaries rather than the knowledge base.
    pub dictionary: bool,
    /// A state's demonym ("Korean"): an adjective, so the word after it is a noun ("Korean
    /// arms"), not a verb.
    pub demonym: bool,
    /// The Phoenix role code of the generic agent that names it, alone ("police": COP) or
    /// attached to its state ("Kenyan police": KEN with COP).
    pub role: Option<&'static str>,
}

impl ActorEntry {
    /// The entry of a name of the knowledge base's actor `a`.
    pub(crate) fn of(kb: &KnowledgeBase, a: &entente_model::Actor) -> ActorEntry {
        ActorEntry {
            id: a.id.clone(),
            acts_for: acts_for(kb, &a.id),
            kind: a.kind,
            place: false,
            one_word_name: false,
            capitalised: false,
            agent: None,
            dictionary: false,
            demonym: false,
            role: None,
        }
    }

    /// Whether it names armed or police forces ("troops", "marines", "police officers"): an agent
    /// the Phoenix dictionary codes military, police or armed group.
    pub fn names_forces(&self) -> bool {
        self.role
            .is_some_and(|c| ["MIL", "COP", "UAF", "REB"].iter().any(|f| c.contains(f)))
    }
}

/// A name found in text.
#[derive(Clone, Debug)]
pub struct ActorMention {
    pub start: usize,
    pub end: usize,
    pub entry: ActorEntry,
}

const PLACES: &str = include_str!("../data/places.tsv");
const COMBINING_FORMS: &str = include_str!("../data/combining-forms.tsv");

/// The shape of a military designation: one to four capitals, an optional hyphen, digits, and an
/// optional suffix of capitals and a digit ("K9", "K9A1", "FA-50GF", "KT-1T", "T-155", "Su-35").
fn designation() -> &'static regex::Regex {
    static R: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    R.get_or_init(|| {
        regex::Regex::new(r"(?-u)\b[A-Z][A-Za-z]{0,3}-?[0-9]{1,4}(?:[A-Z]{1,3}[0-9]?)?s?\b")
            .unwrap_or_else(|e| panic!("designation pattern: {e}"))
    })
}

/// Generic nouns that name an event's object without naming an actor.
pub struct Lexicon {
    sensitive: AhoCorasick,
    insensitive: AhoCorasick,
    sensitive_entries: Vec<ActorEntry>,
    insensitive_entries: Vec<ActorEntry>,
    systems: AhoCorasick,
    system_names: Vec<String>,
    /// Who makes a system, by its name (lower case), where every recorded transfer of it has
    /// the same supplier.
    makers: crate::Map<String, Option<String>>,
    /// Every name the knowledge base gives (lower case): such names are the knowledge base's to
    /// resolve, never the dictionaries'.
    kb_names: crate::Set<String>,
    /// Phoenix codes of organisations the knowledge base knows under its own id (IGOUNO → UN).
    kb_codes: crate::Map<String, String>,
    /// The knowledge base's states, by id.
    states: crate::Set<String>,
    /// The offices the knowledge base records (relations of kind `office`), by office-holder:
    /// when each was held, and whom the office's actor stands for in claims (as [`acts_for`]
    /// resolves it).
    offices: crate::Map<String, Vec<(entente_model::Interval, String)>>,
    /// Further dictionaries given by the caller (the PETRARCH validation suite's fictional
    /// actors), read after the shipped ones.
    extra: Option<DictionaryNames>,
    /// Short names that several states share and that are no name of the knowledge base's
    /// ("Congo": the Republic of the Congo's and the Democratic Republic of the Congo's), with
    /// those states: a text's is the one of them it names otherwise (see
    /// [`Lexicon::shared_names_in`]).
    shared: Vec<(String, Vec<ActorEntry>)>,
    /// Those names, to find them.
    shared_names: AhoCorasick,
}

/// What a dictionary name stands for.
#[derive(Clone, Copy, Debug)]
enum NameRef {
    /// An entry of the Phoenix actor dictionaries (its index in [`phoenix::shipped`]).
    Actor(u32),
    /// A generic agent (its index).
    Agent(u32),
}

/// The Phoenix dictionaries' names as automata, built once and shared by every extractor.
struct DictionaryNames {
    dict: &'static crate::phoenix::Dictionaries,
    /// Acronyms ("ANC", "PKK"): matched in capitals only.
    sensitive: AhoCorasick,
    sensitive_refs: Vec<NameRef>,
    insensitive: AhoCorasick,
    insensitive_refs: Vec<NameRef>,
    /// A readable name for each organisation's code that the knowledge base may not know
    /// ("NGOHRIAMN" → "Amnesty International"); a generic agent is named by its own words.
    display: crate::Map<String, String>,
}

/// A leftmost-longest automaton over `patterns`. Building one fails only past the crate's size
/// limits, which dictionaries of this size are far from: that would be a bug, named by `what`.
fn automaton<'p>(patterns: impl IntoIterator<Item = &'p str>, case_insensitive: bool, what: &str) -> AhoCorasick {
    automaton_of(patterns, case_insensitive, None, what)
}

/// [`automaton`] of a given kind: a DFA searches fastest and is worth its memory and build time for
/// an automaton built once per process and scanned on every sentence (the trigger table); the
/// dictionaries' names would take four times the memory as a DFA.
fn automaton_of<'p>(
    patterns: impl IntoIterator<Item = &'p str>,
    case_insensitive: bool,
    kind: Option<aho_corasick::AhoCorasickKind>,
    what: &str,
) -> AhoCorasick {
    AhoCorasickBuilder::new()
        .kind(kind)
        .ascii_case_insensitive(case_insensitive)
        .match_kind(MatchKind::LeftmostLongest)
        .build(patterns)
        .unwrap_or_else(|e| panic!("{what}: {e}"))
}

/// Whether the one word at `start..end` of `text` is part of a longer name no actor has: a
/// capitalised word next to it that is none of `names` (spans of names found), no month or
/// weekday, and not the sentence's first word ("Jordan Peterson", "Michael Jordan", "Hassan
/// Sheikh Mohamud"; "In Jordan, …" is Jordan).
fn inside_a_longer_name(text: &str, start: usize, end: usize, names: &[(usize, usize)]) -> bool {
    let in_name = |s: usize, e: usize| names.iter().any(|(a, b)| s < *b && *a < e);
    // (A month or a weekday is no name: "Last August Poland ordered …".)
    let capitalised = |w: &str| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase)
            && cs.clone().count() >= 1
            && cs.all(char::is_lowercase)
            && !crate::dates::calendar_word(w)
    };
    let next = text[end..]
        .strip_prefix(' ')
        .map(|r| r.split(|c: char| !c.is_alphabetic()).next().unwrap_or(""));
    // (Nor the opening of an agent's name: "the China Coast Guard" is China's coast guard.)
    let next_is_name = next.is_some_and(|w| {
        let s = end + 1;
        capitalised(w) && !in_name(s, s + w.len()) && !opens_an_agent(&text[s..])
    });
    let prev = text[..start]
        .strip_suffix(' ')
        .map(|r| r.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or(""));
    let prev_is_name = prev.is_some_and(|w| {
        let e = start - 1;
        let s = e - w.len();
        // (Not the sentence's first word: "In Jordan, …" has "In" capitalised.)
        s > 0 && capitalised(w) && !in_name(s, e) && !text[..s].trim_end().ends_with(['.', '!', '?'])
    });
    next_is_name || prev_is_name
}

/// Whether `text` opens with the name of an agent the dictionaries list (one to three words,
/// any case: "Coast Guard", "Navy", "Air Force"), read by the dictionaries' own automaton.
fn opens_an_agent(text: &str) -> bool {
    // (Its first three words only, so that the cost stays bounded however long the text.)
    let three = text.match_indices(' ').nth(2).map_or(text, |(k, _)| &text[..k]);
    let d = dictionary_names();
    d.insensitive.find(three).is_some_and(|m| {
        m.start() == 0
            && bounded(three, 0, m.end())
            && matches!(d.insensitive_refs[m.pattern().as_usize()], NameRef::Agent(_))
    })
}

/// "amnesty international" → "Amnesty International".
fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(c) => c.to_uppercase().chain(cs).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn dictionary_names() -> &'static DictionaryNames {
    static D: std::sync::OnceLock<DictionaryNames> = std::sync::OnceLock::new();
    D.get_or_init(|| build_names(crate::phoenix::shipped(), false))
}

/// The automata over dictionaries' names. With `countries` false, entries coded only as a state
/// (its name, and synonyms that are often its provinces and towns) are left to the knowledge base.
fn build_names(d: &'static crate::phoenix::Dictionaries, countries: bool) -> DictionaryNames {
    // Words that are verbs or agents are not names on their own ("Strike", "Guard").
    let mut words: std::collections::HashSet<&str> = d
        .agents
        .iter()
        .flat_map(|a| a.forms.iter().map(String::as_str))
        .collect();
    let verbs = crate::petrarch::shipped_verbs();
    words.extend(
        verbs
            .0
            .blocks
            .iter()
            .flat_map(|b| b.verbs.iter().flat_map(|v| v.forms.iter().map(String::as_str))),
    );
    let mut sensitive: Vec<(String, NameRef)> = Vec::new();
    let mut insensitive: Vec<(String, NameRef)> = Vec::new();
    let mut display = crate::Map::default();
    for (i, e) in d.actors.iter().enumerate() {
        // A bare country code ([AFG]) is a state's name, which the knowledge base gives; its
        // synonyms there include provinces and towns, which are places, not actors.
        if !countries && e.codes.iter().all(|c| c.code.len() <= 3) {
            continue;
        }
        for c in &e.codes {
            display.entry(c.code.clone()).or_insert_with(|| title_case(&e.names[0]));
        }
        for n in &e.names {
            let one_word = !n.contains(' ');
            if n.len() < 3 || (one_word && words.contains(n.as_str())) {
                continue;
            }
            // Three letters or fewer: an acronym, written in capitals ("ANC", "PKK"); longer
            // names with a capital ("Hamas", "HAMAS", "Putin").
            if one_word && n.len() <= 3 && n.chars().all(|c| c.is_ascii_alphanumeric()) {
                sensitive.push((n.to_ascii_uppercase(), NameRef::Actor(i as u32)));
            } else {
                insensitive.push((n.clone(), NameRef::Actor(i as u32)));
            }
        }
    }
    for (i, a) in d.agents.iter().enumerate() {
        for f in &a.forms {
            if f.len() >= 3 {
                insensitive.push((f.clone(), NameRef::Agent(i as u32)));
            }
        }
    }
    let build =
        |pats: &[(String, NameRef)], ci: bool| automaton(pats.iter().map(|(p, _)| p.as_str()), ci, "Phoenix names");
    DictionaryNames {
        dict: d,
        sensitive: build(&sensitive, false),
        insensitive: build(&insensitive, true),
        sensitive_refs: sensitive.into_iter().map(|(_, r)| r).collect(),
        insensitive_refs: insensitive.into_iter().map(|(_, r)| r).collect(),
        display,
    }
}

/// Whether the words between an organisation's name and another's make the second the first's
/// organ: a possessive, then only the organ's own capitalised words ("'s Peace and").
fn organ_of(gap: &str) -> bool {
    let Some(rest) = gap.strip_prefix("'s").or_else(|| gap.strip_prefix("\u{2019}s")) else {
        return false;
    };
    rest.starts_with(' ')
        && rest
            .split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase) || matches!(w, "and" | "of" | "for"))
}

/// The state or organisation an actor acts for: itself if it is one, else up its parent chain.
fn acts_for(kb: &KnowledgeBase, id: &str) -> String {
    let mut cur = id.to_string();
    for _ in 0..8 {
        let Some(a) = kb.actor(&cur) else { break };
        if matches!(
            a.kind,
            ActorKind::State | ActorKind::Alliance | ActorKind::Igo | ActorKind::Grouping
        ) {
            return cur;
        }
        match &a.parent {
            // A NATO body or operation stands for itself in claims (the CCDCOE, ISAF).
            Some(_) if matches!(a.kind, ActorKind::Body | ActorKind::Operation) => return cur,
            Some(p) => cur = p.clone(),
            None => return cur,
        }
    }
    cur
}

fn word_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

/// A name without its accents ("Brasília" → "Brasilia", "Chișinău" → "Chisinau"), if it has any.
fn unaccented(name: &str) -> Option<String> {
    use unicode_normalization::UnicodeNormalization;
    if name.is_ascii() {
        return None;
    }
    let plain: String = name
        .nfd()
        .filter(|&c| !unicode_normalization::char::is_combining_mark(c))
        .collect();
    (plain != name).then_some(plain)
}

/// Whether text[start..end] stands as a whole word.
pub fn bounded(text: &str, start: usize, end: usize) -> bool {
    !word_char(text[..start].chars().next_back()) && !word_char(text[end..].chars().next())
}

impl Lexicon {
    pub fn new(kb: &KnowledgeBase) -> Lexicon {
        let mut sensitive: Vec<(String, ActorEntry)> = Vec::new();
        let mut insensitive: Vec<(String, ActorEntry)> = Vec::new();
        for a in &kb.facts().actors {
            let entry = ActorEntry::of(kb, a);
            let mut names: Vec<&str> = vec![a.name.as_str()];
            names.extend(a.short_name.as_deref());
            names.extend(a.aliases.iter().map(String::as_str));
            // An organisation's demonym ("European", "Allied") is mostly an adjective of something
            // else in news prose; a state's ("Polish") stands for the state.
            if a.kind == ActorKind::State {
                names.extend(a.demonyms.iter().map(String::as_str));
            }
            // Organisation ids are names too (NATO, CCDCOE, ISAF); state ids (KOR) are not prose.
            if a.kind != ActorKind::State && a.id.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()) {
                names.push(a.id.as_str());
            }
            // (Each also without its accents, as English text often writes it: "Felix
            // Tshisekedi", "Gunter Sautter".)
            let unaccented: Vec<String> = names.iter().filter_map(|n| unaccented(n)).collect();
            names.extend(unaccented.iter().map(String::as_str));
            for n in names {
                let n = n.trim();
                if n.len() < 2 {
                    continue;
                }
                // Short all-capital names (ROK, NIS, US, UK) only match in capitals.
                let caps = n.len() <= 5
                    && n.chars()
                        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '.');
                let mut entry = entry.clone();
                // Demonyms ("Polish") are adjectives before names ("Polish Armament Agency"), and
                // acronyms ("US President") are no one's given name.
                entry.one_word_name = matches!(a.kind, ActorKind::State | ActorKind::Company)
                    && !caps
                    && !n.contains(' ')
                    && !a.demonyms.iter().any(|d| d == n);
                entry.capitalised = last_word_capitalised(n);
                entry.demonym = a.kind == ActorKind::State && a.demonyms.iter().any(|d| d == n);
                if caps {
                    sensitive.push((n.to_string(), entry));
                } else {
                    insensitive.push((n.to_string(), entry));
                }
            }
            // A state's people by the plural of its demonym ("Iranians took to the streets",
            // "Israelis", "Koreans"): a noun, standing for the state as its demonym does — the
            // English plural of demonyms in -an and -i.
            if a.kind == ActorKind::State {
                for d in &a.demonyms {
                    let d = d.trim();
                    if d.len() >= 4 && !d.contains(' ') && (d.ends_with("an") || d.ends_with('i')) {
                        let mut people = entry.clone();
                        people.capitalised = true;
                        insensitive.push((format!("{d}s"), people));
                    }
                }
            }
        }
        // A state's capital stands for its government in news prose ("Seoul said"): every
        // recorded capital, and seat of government where that is another city ("Colombo"), read
        // as a place when it is one ("in Seoul").
        // (A capital a dissolved state shared with a state of today, "Belgrade", "Moscow", is
        // today's: dissolved is what the country-code crosswalk says, its latest row for the
        // state ended.)
        let crosswalk = entente_datasets::codes::Crosswalk::shipped().ok();
        let current = |a: &entente_model::Actor| {
            crosswalk
                .and_then(|c| c.by_id(&a.id, None))
                .is_none_or(|row| row.valid_to.is_none())
        };
        let today: crate::Set<&str> = kb
            .facts()
            .actors
            .iter()
            .filter(|a| current(a))
            .flat_map(|a| a.seats())
            .collect();
        for (a, capital) in kb.facts().actors.iter().flat_map(|a| a.seats().map(move |c| (a, c))) {
            let capital = capital.trim();
            if capital.len() < 2 || !current(a) && today.contains(capital) {
                continue;
            }
            // "Washington, D.C." is written "Washington"; a capital named as its state
            // ("Luxembourg") is the state's name already.
            let city = capital.split(',').next().unwrap_or(capital).trim();
            if city == a.name || a.short_name.as_deref() == Some(city) {
                continue;
            }
            let entry = ActorEntry {
                id: a.id.clone(),
                acts_for: acts_for(kb, &a.id),
                kind: a.kind,
                place: true,
                // "Washington", "Victoria", "Kingston" are also people's names.
                one_word_name: !city.contains(' '),
                capitalised: true,
                agent: None,
                dictionary: false,
                demonym: false,
                role: None,
            };
            for name in std::iter::once(city.to_string()).chain(unaccented(city)) {
                insensitive.push((name, entry.clone()));
            }
        }
        // (The rows of a table of names: a name, a tab, the id of an actor the knowledge base
        // holds.)
        let rows = |table: &'static str| {
            table
                .lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
                .filter_map(|l| l.split_once('\t'))
                .filter_map(|(name, id)| Some((name.trim(), kb.actor(id.trim())?)))
        };
        let entry = |a: &entente_model::Actor| ActorEntry {
            id: a.id.clone(),
            acts_for: acts_for(kb, &a.id),
            kind: a.kind,
            place: false,
            one_word_name: false,
            capitalised: true,
            agent: None,
            dictionary: false,
            demonym: false,
            role: None,
        };
        for (name, a) in rows(PLACES) {
            let e = ActorEntry {
                place: true,
                capitalised: last_word_capitalised(name),
                ..entry(a)
            };
            insensitive.push((name.to_string(), e));
        }
        // A state's combining form before a hyphen ("Franco-" in "Franco-Italian") is its
        // demonym; matched with its hyphen, in its case.
        for (form, a) in rows(COMBINING_FORMS) {
            sensitive.push((
                format!("{form}-"),
                ActorEntry {
                    demonym: true,
                    ..entry(a)
                },
            ));
        }
        let build = |pats: &[(String, ActorEntry)], ci: bool| {
            automaton(pats.iter().map(|(p, _)| p.as_str()), ci, "actor dictionary")
        };
        // Weapon designations come from the recorded transfers, read by a general rule: the whole
        // name, each token with a digit (the designation proper: "K-9", "FA-50", with and without
        // its hyphen), and the proper name that follows it ("Chunmoo", "Black Panther"). Other
        // designations in text are found by their shape (see `designation`).
        let mut system_names: Vec<String> = Vec::new();
        let mut makers: crate::Map<String, Option<String>> = Default::default();
        for t in &kb.facts().transfers {
            let first = system_names.len();
            system_names.push(t.system.clone());
            let tokens: Vec<&str> = t.system.split_whitespace().collect();
            for tok in &tokens {
                if tok.chars().any(|c| c.is_ascii_digit()) {
                    system_names.push(tok.to_string());
                    system_names.push(tok.replace('-', ""));
                }
            }
            let proper: Vec<&str> = tokens
                .iter()
                .skip_while(|t| t.chars().any(|c| c.is_ascii_digit()))
                .take_while(|t| {
                    t.chars().next().is_some_and(char::is_uppercase) && !t.chars().any(|c| c.is_ascii_digit())
                })
                .copied()
                .collect();
            if !proper.is_empty() && proper.len() < tokens.len() {
                system_names.push(proper.join(" "));
            }
            for name in &system_names[first..] {
                let supplier = t.supplier.as_str();
                makers
                    .entry(name.to_lowercase())
                    .and_modify(|m| {
                        if m.as_deref() != Some(supplier) {
                            *m = None;
                        }
                    })
                    .or_insert_with(|| Some(supplier.to_string()));
            }
        }
        system_names.sort();
        system_names.dedup();
        system_names.retain(|s| s.len() >= 2);
        let systems = automaton(system_names.iter().map(String::as_str), true, "system dictionary");
        // The knowledge base's names win over the dictionaries' (they are newer and curated);
        // an organisation the dictionaries code (IGOUNO) is the knowledge base's when one of its
        // names is the knowledge base's.
        let mut by_name: std::collections::HashMap<String, String> = std::collections::HashMap::new();
        for (n, e) in sensitive.iter().chain(&insensitive) {
            by_name.entry(n.to_lowercase()).or_insert_with(|| e.id.clone());
        }
        // A state's short name is what follows the "of" of its formal name ("Republic of the
        // Congo" → "Congo"); one that several states share is no one state's.
        let mut shared: crate::Map<String, Vec<ActorEntry>> = Default::default();
        for a in kb.facts().actors.iter().filter(|a| a.kind == ActorKind::State) {
            let names = std::iter::once(&a.name).chain(&a.short_name).chain(&a.aliases);
            for short in names
                .filter_map(|n| n.rsplit_once(" of "))
                .map(|(_, s)| s.trim_start_matches("the "))
            {
                let states = shared.entry(short.to_string()).or_default();
                if !states.iter().any(|e| e.id == a.id) {
                    states.push(ActorEntry {
                        one_word_name: !short.contains(' '),
                        capitalised: true,
                        ..ActorEntry::of(kb, a)
                    });
                }
            }
        }
        let shared: Vec<(String, Vec<ActorEntry>)> = shared
            .into_iter()
            .filter(|(n, states)| states.len() > 1 && !by_name.contains_key(&n.to_lowercase()))
            .collect();
        let shared_names = automaton(shared.iter().map(|(n, _)| n.as_str()), false, "shared short names");
        let states: crate::Set<String> = kb
            .facts()
            .actors
            .iter()
            .filter(|a| a.kind == ActorKind::State)
            .map(|a| a.id.clone())
            .collect();
        // The dictionaries' names are read once per process, here rather than in the first
        // sentence analysed.
        dictionary_names();
        let mut kb_codes = crate::Map::default();
        for e in &crate::phoenix::shipped().actors {
            for c in &e.codes {
                if c.code.len() > 3
                    && !states.contains(c.code.get(..3).unwrap_or(""))
                    && !kb_codes.contains_key(&c.code)
                {
                    if let Some(id) = e.names.iter().find_map(|n| by_name.get(n)) {
                        kb_codes.insert(c.code.clone(), acts_for(kb, id));
                    }
                }
            }
        }
        let mut offices: crate::Map<String, Vec<(entente_model::Interval, String)>> = Default::default();
        for r in kb
            .facts()
            .relations
            .iter()
            .filter(|r| r.kind == entente_model::RelationKind::Office)
        {
            offices
                .entry(r.subject.clone())
                .or_default()
                .push((r.interval, acts_for(kb, &r.object)));
        }
        Lexicon {
            extra: None,
            offices,
            kb_names: by_name.into_keys().collect(),
            kb_codes,
            states,
            sensitive: build(&sensitive, false),
            insensitive: build(&insensitive, true),
            sensitive_entries: sensitive.into_iter().map(|(_, e)| e).collect(),
            insensitive_entries: insensitive.into_iter().map(|(_, e)| e).collect(),
            systems,
            system_names,
            makers,
            shared,
            shared_names,
        }
    }

    /// What the short names several states share stand for in `text` (by their index): for one
    /// it uses ("Congo"), the one of its states the text names otherwise — by a name of its own,
    /// its capital or its people ("the Democratic Republic of Congo", "Kinshasa", "Congolese") —;
    /// for one it does not use, or whose text names none or several of its states, no actor.
    pub fn shared_names_in(&self, text: &str) -> Vec<Option<ActorEntry>> {
        let mut used = vec![false; self.shared.len()];
        for (i, _) in self.shared_uses(text, &[]) {
            used[i] = true;
        }
        if !used.contains(&true) {
            return vec![None; self.shared.len()];
        }
        let named: crate::Set<String> = self.kb_actors(text).into_iter().map(|m| m.entry.acts_for).collect();
        self.shared
            .iter()
            .zip(used)
            .map(|((_, states), used)| {
                let mut told = states.iter().filter(|e| used && named.contains(&e.acts_for));
                let one = told.next()?;
                told.next().is_none().then(|| one.clone())
            })
            .collect()
    }

    /// Where `text` uses a short name several states share, as a whole word that none of the
    /// names `found` in it covers ("Congo", not the "Congo" of "Democratic Republic of the
    /// Congo"): the name's index and where it starts.
    pub fn shared_uses(&self, text: &str, found: &[ActorMention]) -> Vec<(usize, usize)> {
        self.shared_names
            .find_iter(text)
            .filter(|m| {
                bounded(text, m.start(), m.end()) && !found.iter().any(|f| f.start < m.end() && m.start() < f.end)
            })
            .map(|m| (m.pattern().as_usize(), m.start()))
            .collect()
    }

    /// Adds to `found` (a sentence's names, in order) the `uses` of short names several states
    /// share ([`Lexicon::shared_uses`]) as `resolved` ([`Lexicon::shared_names_in`] of the whole
    /// text) reads them.
    pub fn add_shared(&self, uses: &[(usize, usize)], resolved: &[Option<ActorEntry>], found: &mut Vec<ActorMention>) {
        for &(i, k) in uses {
            if let Some(entry) = resolved.get(i).and_then(Option::as_ref) {
                found.push(ActorMention {
                    start: k,
                    end: k + self.shared[i].0.len(),
                    entry: entry.clone(),
                });
            }
        }
        found.sort_by_key(|m| m.start);
    }

    /// The lexicon with further actor and agent dictionaries, bare country entries included
    /// (for text about actors the shipped dictionaries do not know, such as the PETRARCH
    /// validation suite's).
    pub fn with_dictionaries(kb: &KnowledgeBase, extra: &'static crate::phoenix::Dictionaries) -> Lexicon {
        Lexicon {
            extra: Some(build_names(extra, true)),
            ..Lexicon::new(kb)
        }
    }

    /// The entente id a Phoenix code stands for: the knowledge base's organisation, else the state
    /// its first three letters name (RUSGOV → RUS), else the code itself (an actor the knowledge
    /// base does not hold, such as NGOHRIAMN, Amnesty International).
    pub fn resolve_code(&self, code: &str) -> String {
        if let Some(id) = self.kb_codes.get(code) {
            return id.clone();
        }
        match code.get(..3) {
            Some(state) if self.states.contains(state) => state.to_string(),
            // A company stands for its state (MNCKOR, Daewoo → KOR), as the knowledge base's
            // companies do.
            Some("MNC") if code.get(3..6).is_some_and(|s| self.states.contains(s)) => code[3..6].to_string(),
            _ => code.to_string(),
        }
    }

    /// A readable name for an organisation the knowledge base does not hold ("NGOHRIAMN" →
    /// "Amnesty International").
    pub fn display_name(id: &str) -> Option<&'static str> {
        dictionary_names().display.get(id).map(String::as_str)
    }

    /// A person whose offices the knowledge base records speaks for whom an office held at some
    /// time from `span.0` to `span.1` serves (of two, the one begun later), and for nobody but
    /// themself out of office ("Rutte" is NATO's from October 2024, nobody's before); any
    /// other entry is left as it is.
    pub fn in_office(&self, entry: &mut ActorEntry, (from, to): (entente_model::Day, entente_model::Day)) {
        if let Some(held) = self.offices.get(&entry.id) {
            entry.acts_for = held
                .iter()
                .filter(|(interval, _)| interval.meets(from, to))
                .max_by_key(|(interval, _)| interval.start.map(|s| s.earliest()))
                .map_or(&entry.id, |(_, of)| of)
                .clone();
        }
    }

    /// Every actor named in `text`, which speaks of `day` and of the days from `span.0` to
    /// `span.1` (if known): the knowledge base's names (a person as whom an office held in the
    /// span serves, see [`Lexicon::in_office`]; out of them, whom a role the dictionaries date
    /// on `day` serves; none where a demonym of another state introduces them), then the Phoenix
    /// dictionaries' officeholders (only while they hold their role on `day`), organisations and
    /// armed groups, and generic agents attached to the name beside them ("Kenyan police",
    /// "President Ruto", "the government of Sudan") or standing alone.
    pub fn actors(
        &self,
        text: &str,
        day: Option<entente_model::Day>,
        span: Option<(entente_model::Day, entente_model::Day)>,
    ) -> Vec<ActorMention> {
        let mut kb = self.kb_actors(text);
        if let Some(span) = span {
            for m in &mut kb {
                self.in_office(&mut m.entry, span);
            }
        }
        let mut found: Vec<ActorMention> = Vec::new();
        for (dn, ac, refs) in std::iter::once(dictionary_names())
            .chain(self.extra.as_ref())
            .flat_map(|dn| {
                [
                    (dn, &dn.sensitive, &dn.sensitive_refs),
                    (dn, &dn.insensitive, &dn.insensitive_refs),
                ]
            })
        {
            let d = dn.dict;
            for m in ac.find_iter(text) {
                if !bounded(text, m.start(), m.end()) {
                    continue;
                }
                let entry = match refs[m.pattern().as_usize()] {
                    NameRef::Actor(i) => {
                        let written = &text[m.start()..m.end()];
                        if !written.starts_with(char::is_uppercase) {
                            continue;
                        }
                        if self.kb_names.contains(&written.to_lowercase()) {
                            // (The knowledge base's person out of every office it records then
                            // speaks for whom a role the dictionary dates serves on the day:
                            // the knowledge base is newer, the dictionary older.)
                            let role = day.and_then(|on| d.actors[i as usize].role_on(on));
                            if let Some(code) = role {
                                let state = self.resolve_code(code);
                                for k in kb.iter_mut().filter(|k| {
                                    k.start == m.start()
                                        && k.end == m.end()
                                        && k.entry.kind == ActorKind::Person
                                        && k.entry.acts_for == k.entry.id
                                }) {
                                    k.entry.acts_for = state.clone();
                                }
                            }
                            continue;
                        }
                        let Some(code) = d.actors[i as usize].code_on(day) else {
                            continue;
                        };
                        let id = self.resolve_code(code);
                        ActorEntry {
                            // (An entry whose codes hold for dated terms is a person — an
                            // officeholder counts for the state only while in office —, unless
                            // its name ends in an institution's noun: "Kosovo Assembly".)
                            kind: if d.actors[i as usize].codes.iter().any(|c| c.dated()) && !institution(written) {
                                ActorKind::Person
                            } else if self.states.contains(&id) {
                                ActorKind::Agency
                            } else {
                                ActorKind::Igo
                            },
                            acts_for: id.clone(),
                            id,
                            place: false,
                            one_word_name: false,
                            capitalised: true,
                            agent: None,
                            dictionary: true,
                            demonym: false,
                            role: None,
                        }
                    }
                    NameRef::Agent(i) => {
                        // (An agent written with a preposition at its end is one of a place or
                        // state named after it, "ambassador to Russia", "observers in Kosovo":
                        // not before a date or a common word, "sent observers in November".)
                        let written = text[m.start()..m.end()].to_ascii_lowercase();
                        let open = written
                            .rsplit(' ')
                            .next()
                            .is_some_and(|w| crate::petrarch::PREPOSITIONS.contains(&w));
                        if open {
                            let next = text[m.end()..].split_whitespace().next().unwrap_or("");
                            let w = next.trim_matches(|c: char| !c.is_alphanumeric());
                            if !w.starts_with(char::is_uppercase) || crate::dates::calendar_word(w) {
                                continue;
                            }
                        }
                        let code = d.agents[i as usize].code.as_str();
                        ActorEntry {
                            id: code.to_string(),
                            acts_for: code.to_string(),
                            kind: ActorKind::Agency,
                            place: false,
                            one_word_name: false,
                            capitalised: false,
                            agent: Some(code),
                            dictionary: true,
                            demonym: false,
                            role: Some(code),
                        }
                    }
                };
                found.push(ActorMention {
                    start: m.start(),
                    end: m.end(),
                    entry,
                });
            }
        }
        // A dictionary's one-word person's name next to another capitalised word no name holds
        // is part of someone else's name ("Hassan Sheikh Mohamud" is not Jordan's Prince Hassan).
        let names: Vec<(usize, usize)> = kb.iter().chain(&found).map(|m| (m.start, m.end)).collect();
        found.retain(|m| {
            !(m.entry.kind == ActorKind::Person
                && !text[m.start..m.end].contains(' ')
                && inside_a_longer_name(text, m.start, m.end, &names))
        });
        // The knowledge base's names first; a dictionary name only where it names more.
        found.sort_by(|a, b| a.start.cmp(&b.start).then((b.end - b.start).cmp(&(a.end - a.start))));
        for m in found {
            let overlapped: Vec<usize> = (0..kb.len())
                .filter(|&k| m.start < kb[k].end && kb[k].start < m.end)
                .collect();
            let longer = overlapped
                .iter()
                .all(|&k| m.start <= kb[k].start && kb[k].end <= m.end && m.end - m.start > kb[k].end - kb[k].start);
            if overlapped.iter().all(|&k| kb[k].entry.agent.is_none()) && longer {
                for k in overlapped.into_iter().rev() {
                    kb.remove(k);
                }
                kb.push(m);
                kb.sort_by_key(|m| m.start);
            }
        }
        // An agent belongs to the name written next to it: a title before a name ("President
        // Ruto"), an agent after its state ("Kenyan police", "Sudan's army") or "of" its state
        // ("the government of Sudan").
        let gap = |a: usize, b: usize| text.get(a..b).map(|g| g.trim().to_ascii_lowercase());
        let mut out: Vec<ActorMention> = Vec::new();
        let mut i = 0;
        while i < kb.len() {
            let m = &kb[i];
            if m.entry.agent.is_some() {
                let next = kb.get(i + 1).filter(|n| n.entry.agent.is_none());
                // (A government's organ "in" a capital is that capital's government: "the
                // foreign ministry in Tokyo", "the authorities in Kabul".)
                // (Not an agent of a name before it, "Ukraine's ambassador in Dakar", "EU
                // foreign ministers in Brussels".)
                let owned = out
                    .last()
                    .is_some_and(|p| matches!(gap(p.end, m.start).as_deref(), Some("" | "'s" | "\u{2019}s")));
                let seat = |n: &&ActorMention| {
                    m.entry.role == Some("GOV")
                        && !owned
                        && n.entry.place
                        && gap(m.end, n.start).as_deref() == Some("in")
                };
                if let Some(n) =
                    next.filter(|n| matches!(gap(m.end, n.start).as_deref(), Some("" | "of" | "of the")) || seat(n))
                {
                    out.push(ActorMention {
                        start: m.start,
                        end: n.end,
                        entry: ActorEntry {
                            role: m.entry.role,
                            place: false,
                            ..n.entry.clone()
                        },
                    });
                    i += 2;
                    continue;
                }
                if let Some(p) = out.last_mut().filter(|p| p.entry.agent.is_none()) {
                    if matches!(gap(p.end, m.start).as_deref(), Some("" | "'s" | "\u{2019}s")) {
                        p.end = m.end;
                        // "Kenyan police" is a noun phrase, no longer an adjective.
                        p.entry.demonym = false;
                        p.entry.role = m.entry.role;
                        i += 1;
                        continue;
                    }
                }
            }
            out.push(m.clone());
            i += 1;
        }
        // An organisation's own organ, named after its possessive, is the organisation's, whatever
        // other body its name holds: "the African Union's Peace and Security Council" is the
        // African Union's, not the UN's Security Council. (An organ the knowledge base names is
        // itself: "NATO's cyber defence centre".)
        let org = |e: &ActorEntry| matches!(e.kind, ActorKind::Igo | ActorKind::Alliance | ActorKind::Body);
        let mut kept: Vec<ActorMention> = Vec::with_capacity(out.len());
        for m in out {
            if let Some(p) = kept.last_mut() {
                if org(&p.entry) && org(&m.entry) && m.entry.dictionary && organ_of(&text[p.end..m.start]) {
                    p.end = m.end;
                    continue;
                }
            }
            kept.push(m);
        }
        // A name after "non-" names what something is not: "a major non-NATO ally".
        kept.retain(|m| {
            let before = &text[..m.start];
            !(before.ends_with("non-") || before.ends_with("Non-"))
        });
        // A person a demonym introduces ("his Colombian counterpart Pedro Sánchez", "Japanese
        // Prime Minister Fumio Kishida" out of office) is that state's: a namesake elsewhere, or
        // an office the data does not hold, yields to what the text says.
        let introduced: Vec<usize> = (1..kept.len())
            .filter(|&k| {
                let (d, p) = (&kept[k - 1], &kept[k]);
                let gap = &text[d.end.min(p.start)..p.start];
                p.entry.kind == ActorKind::Person
                    && d.entry.demonym
                    && d.entry.acts_for != p.entry.acts_for
                    && gap.split_whitespace().count() <= 3
                    && !gap.contains([',', ';'])
                    && !gap
                        .split_whitespace()
                        .any(|w| matches!(w, "and" | "or" | "with" | "to" | "of" | "by"))
            })
            .collect();
        for k in introduced.into_iter().rev() {
            kept.remove(k);
        }
        kept
    }

    /// The knowledge base's names in `text`, leftmost-longest, without overlaps.
    fn kb_actors(&self, text: &str) -> Vec<ActorMention> {
        let mut out: Vec<ActorMention> = Vec::new();
        for (ac, entries) in [
            (&self.sensitive, &self.sensitive_entries),
            (&self.insensitive, &self.insensitive_entries),
        ] {
            for found in ac.find_iter(text) {
                // A proper name is written with its capital: "turkey", "china", "chad" in lower
                // case are common words (all-capital headlines still match).
                // (Of a name of several words, the last: "the Alliance" is NATO, "the alliance"
                // any alliance.)
                let capital_ok = |m: &aho_corasick::Match| {
                    let last = text[m.start()..m.end()]
                        .rfind(' ')
                        .map_or(m.start(), |k| m.start() + k + 1);
                    let written = text[last..].chars().next();
                    entries.get(m.pattern().as_usize()).is_some_and(|e| {
                        !e.capitalised || written.is_some_and(|c| !c.is_alphabetic() || c.is_uppercase())
                    })
                };
                // A longer name that is not one here leaves the shorter name it begins with:
                // "Korean air defence" is no "Korean Air" but still "Korean". (Each retry ends
                // before the last word of the one before, so a name of n words costs n searches.)
                let mut m = Some(found);
                while let Some(cand) = m {
                    // (A combining form ends in its hyphen, right before a capital.)
                    let whole = bounded(text, cand.start(), cand.end())
                        || text[..cand.end()].ends_with('-')
                            && !word_char(text[..cand.start()].chars().next_back())
                            && text[cand.end()..].starts_with(char::is_uppercase);
                    if whole && capital_ok(&cand) {
                        out.push(ActorMention {
                            start: cand.start(),
                            end: cand.end(),
                            entry: entries[cand.pattern().as_usize()].clone(),
                        });
                        break;
                    }
                    m = text[cand.start()..cand.end()].rfind(' ').and_then(|k| {
                        ac.find(aho_corasick::Input::new(text).range(cand.start()..cand.start() + k))
                            .filter(|shorter| shorter.start() == cand.start())
                    });
                }
            }
        }
        out.sort_by(|a, b| a.start.cmp(&b.start).then((b.end - b.start).cmp(&(a.end - a.start))));
        let mut kept: Vec<ActorMention> = Vec::new();
        for m in out {
            if kept.last().is_none_or(|k| m.start >= k.end) {
                kept.push(m);
            }
        }
        // A one-word state or company name next to another capitalised word that names no actor
        // is part of a person's or a place's name ("Jordan Peterson", "Michael Jordan", "Alex
        // Saab"), unless that word starts the sentence.
        let names: Vec<(usize, usize)> = kept.iter().map(|m| (m.start, m.end)).collect();
        kept.retain(|m| !m.entry.one_word_name || !inside_a_longer_name(text, m.start, m.end, &names));
        kept
    }

    /// Weapon designations in `text`: (start, end, the designation as written): the recorded
    /// systems' names, and any token shaped like a military designation (capital letters and
    /// digits, as in "K9A1", "KT-1T", "F-16", "T-155").
    pub fn systems<'t>(&self, text: &'t str) -> Vec<(usize, usize, &'t str)> {
        // (A plural "s" after a name is the same system: "refurbished K9s".)
        let mut out: Vec<(usize, usize, &'t str)> = self
            .systems
            .find_iter(text)
            .filter(|m| {
                bounded(text, m.start(), m.end())
                    || (text[m.end()..].starts_with('s') && bounded(text, m.start(), m.end() + 1))
            })
            .map(|m| (m.start(), m.end(), &text[m.start()..m.end()]))
            .collect();
        for m in designation().find_iter(text) {
            // (Without a plural "s": "K9s" is the K9.)
            let end = if m.as_str().ends_with('s') {
                m.end() - 1
            } else {
                m.end()
            };
            if !out.iter().any(|(s, e, _)| m.start() < *e && *s < end) {
                out.push((m.start(), end, &text[m.start()..end]));
            }
        }
        out.sort_unstable_by_key(|x| x.0);
        out
    }

    /// The supplier of every recorded transfer of the system named `name`, when they agree.
    pub fn maker(&self, name: &str) -> Option<&str> {
        self.makers.get(&name.to_lowercase())?.as_deref()
    }

    pub fn system_count(&self) -> usize {
        self.system_names.len()
    }
}

/// The finer kind of event a claim states (the evaluation corpus's `event` field).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    Membership,
    Accession,
    Programme,
    Agreement,
    FrameworkAgreement,
    ExecutiveContract,
    ArmsDeal,
    Delivery,
    Treaty,
    Ratification,
    Summit,
    Attendance,
    Visit,
    Deployment,
    Withdrawal,
    Exercise,
    Establishment,
    Invasion,
    Attack,
    Threat,
    Statement,
    Election,
    Inauguration,
}

impl ClaimKind {
    /// Every kind, in declaration order.
    pub const ALL: [ClaimKind; 23] = [
        ClaimKind::Membership,
        ClaimKind::Accession,
        ClaimKind::Programme,
        ClaimKind::Agreement,
        ClaimKind::FrameworkAgreement,
        ClaimKind::ExecutiveContract,
        ClaimKind::ArmsDeal,
        ClaimKind::Delivery,
        ClaimKind::Treaty,
        ClaimKind::Ratification,
        ClaimKind::Summit,
        ClaimKind::Attendance,
        ClaimKind::Visit,
        ClaimKind::Deployment,
        ClaimKind::Withdrawal,
        ClaimKind::Exercise,
        ClaimKind::Establishment,
        ClaimKind::Invasion,
        ClaimKind::Attack,
        ClaimKind::Threat,
        ClaimKind::Statement,
        ClaimKind::Election,
        ClaimKind::Inauguration,
    ];

    /// Reads a kind's spelling (`executive_contract`).
    pub fn parse(s: &str) -> Option<ClaimKind> {
        ClaimKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    pub fn as_str(self) -> &'static str {
        use ClaimKind::*;
        match self {
            Membership => "membership",
            Accession => "accession",
            Programme => "programme",
            Agreement => "agreement",
            FrameworkAgreement => "framework_agreement",
            ExecutiveContract => "executive_contract",
            ArmsDeal => "arms_deal",
            Delivery => "delivery",
            Treaty => "treaty",
            Ratification => "ratification",
            Summit => "summit",
            Attendance => "attendance",
            Visit => "visit",
            Deployment => "deployment",
            Withdrawal => "withdrawal",
            Exercise => "exercise",
            Establishment => "establishment",
            Invasion => "invasion",
            Attack => "attack",
            Threat => "threat",
            Statement => "statement",
            Election => "election",
            Inauguration => "inauguration",
        }
    }
}

/// A word or phrase that signals an event.
#[derive(Clone)]
pub struct Trigger {
    pub phrase: std::borrow::Cow<'static, str>,
    /// What it means where no pattern says otherwise.
    pub sense: Sense,
    /// The CAMEO dictionary's verb block for this form, whose patterns may refine its sense.
    pub block: Option<u32>,
    /// An event only when one of its block's patterns gives a code.
    pub conditional: bool,
    /// A conditional verb's default code (its own, else its block's).
    pub default_code: Option<&'static str>,
    /// The dictionary verb it is a form of.
    pub lemma: Option<&'static str>,
    /// A dictionary verb with no code of its own, read by its block's.
    pub block_code: bool,
    /// A dictionary verb's base or -s form, which is also a noun's ("arms", "supplies", "aid"):
    /// read as a verb only right after its subject, a pronoun, an auxiliary or an adverb.
    pub bare: bool,
    /// A verb of ordering, buying, selling, receiving or operating: an arms deal or delivery
    /// only where its clause speaks of arms, elsewhere what the dictionary's patterns make of it
    /// ("Putin ordered the mobilisation").
    pub about_arms: bool,
    /// What such a word is where its clause speaks of no arms, when the dictionary does not say:
    /// a "deal" about no arms is an agreement.
    pub otherwise: Option<ClaimKind>,
    /// A form of one of entente's own verbs that its table does not write (see [`verb_forms`]);
    /// its -ing form is a verb only where one stands as a verb (see [`gerund_use`]).
    pub derived: bool,
}

impl Trigger {
    /// An entry of entente's own table.
    fn own(phrase: &'static str, sense: Sense) -> Trigger {
        Trigger {
            phrase: std::borrow::Cow::Borrowed(phrase),
            sense,
            block: None,
            conditional: false,
            default_code: None,
            lemma: None,
            block_code: false,
            bare: false,
            about_arms: false,
            otherwise: None,
            derived: false,
        }
    }
}

macro_rules! t {
    ($p:literal, $k:ident, $pl:ident, $c:expr, $s:literal) => {
        t!(@ $p, $k, $pl, $c, $s, false, None)
    };
    ($p:literal, $k:ident, $pl:ident, $c:expr, $s:literal, implies $who:literal) => {
        t!(@ $p, $k, $pl, $c, $s, false, Some($who))
    };
    ($p:literal, $k:ident, $pl:ident, $c:expr, $s:literal, passive) => {
        t!(@ $p, $k, $pl, $c, $s, true, None)
    };
    ($p:literal, $k:ident, $pl:ident, $c:expr, $s:literal, about arms) => {
        Trigger {
            about_arms: true,
            ..t!(@ $p, $k, $pl, $c, $s, false, None)
        }
    };
    ($p:literal, $k:ident, $pl:ident, $c:expr, $s:literal, cue $cue:ident) => {{
        let mut t = t!(@ $p, $k, $pl, $c, $s, false, None);
        t.sense.cue = Cue::$cue;
        t
    }};
    ($p:literal, $k:ident, $pl:ident, $c:expr, $s:literal, about arms, cue $cue:ident) => {{
        let mut t = t!($p, $k, $pl, $c, $s, about arms);
        t.sense.cue = Cue::$cue;
        t
    }};
    ($p:literal, $k:ident, $pl:ident, $c:expr, $s:literal, about arms, otherwise $o:ident) => {
        Trigger {
            otherwise: Some(ClaimKind::$o),
            ..t!($p, $k, $pl, $c, $s, about arms)
        }
    };
    ($p:literal, $k:ident, $pl:ident, $c:expr, $s:literal, passive, about arms) => {
        Trigger {
            about_arms: true,
            ..t!(@ $p, $k, $pl, $c, $s, true, None)
        }
    };
    (@ $p:literal, $k:ident, $pl:ident, $c:expr, $s:literal, $passive:expr, $implies:expr) => {
        Trigger::own(
            $p,
            Sense {
                kind: ClaimKind::$k,
                plover: Plover::$pl,
                cameo: $c,
                specificity: $s,
                passive: $passive,
                implies: $implies,
                needs_object: false,
                cue: Cue::None,
            },
        )
    };
}

/// The trigger table. Phrases are matched case-insensitively as whole words.
pub fn triggers() -> Vec<Trigger> {
    vec![
        // Arms deals, most specific first.
        t!("framework agreement", FrameworkAgreement, Agree, Some("057"), 9),
        t!("framework agreements", FrameworkAgreement, Agree, Some("057"), 9),
        t!("framework deal", FrameworkAgreement, Agree, Some("057"), 9),
        t!("executive contract", ExecutiveContract, Agree, Some("057"), 9),
        t!("executive contracts", ExecutiveContract, Agree, Some("057"), 9),
        t!("firm order", ExecutiveContract, Agree, Some("057"), 8),
        t!("firm orders", ExecutiveContract, Agree, Some("057"), 8),
        t!("ordered", ArmsDeal, Agree, Some("057"), 6, about arms),
        t!("orders", ArmsDeal, Agree, Some("057"), 5, about arms),
        t!("order", ArmsDeal, Agree, Some("057"), 5, about arms),
        t!("sold", ArmsDeal, Agree, Some("057"), 6, about arms, cue Sale),
        t!("sell", ArmsDeal, Agree, Some("057"), 6, about arms, cue Sale),
        t!("sells", ArmsDeal, Agree, Some("057"), 6, about arms, cue Sale),
        t!("selling", ArmsDeal, Agree, Some("057"), 5, about arms, cue Sale),
        t!("sale", ArmsDeal, Agree, Some("057"), 5, about arms, cue Sale),
        t!("sales", ArmsDeal, Agree, Some("057"), 5, about arms, cue Sale),
        t!("bought", ArmsDeal, Agree, Some("057"), 6, about arms),
        t!("buy", ArmsDeal, Agree, Some("057"), 6, about arms),
        t!("buys", ArmsDeal, Agree, Some("057"), 6, about arms),
        t!("buying", ArmsDeal, Agree, Some("057"), 5, about arms),
        t!("buyer", ArmsDeal, Agree, Some("057"), 5),
        t!("buyers", ArmsDeal, Agree, Some("057"), 5),
        t!("purchase", ArmsDeal, Agree, Some("057"), 6, about arms),
        t!("purchased", ArmsDeal, Agree, Some("057"), 6, about arms),
        t!("procured", ArmsDeal, Agree, Some("057"), 6, about arms),
        t!("procure", ArmsDeal, Agree, Some("057"), 6, about arms),
        t!("acquired", ArmsDeal, Agree, Some("057"), 5, about arms),
        t!("leased", ArmsDeal, Agree, Some("057"), 6, about arms),
        t!("leasing", ArmsDeal, Agree, Some("057"), 5, about arms),
        t!("contract", ArmsDeal, Agree, Some("057"), 5),
        t!("contracts", ArmsDeal, Agree, Some("057"), 5),
        t!("signed for", ArmsDeal, Agree, Some("057"), 6),
        t!("sign for", ArmsDeal, Agree, Some("057"), 6),
        t!("signs for", ArmsDeal, Agree, Some("057"), 6),
        t!("operate", ArmsDeal, Agree, None, 3, about arms),
        t!("operates", ArmsDeal, Agree, None, 3, about arms),
        t!("under licence", ArmsDeal, Agree, None, 4),
        t!("under license", ArmsDeal, Agree, None, 4),
        t!("deal", ArmsDeal, Agree, Some("057"), 4, about arms, otherwise Agreement),
        t!("deals", ArmsDeal, Agree, Some("057"), 4, about arms, otherwise Agreement),
        t!("took delivery", Delivery, Cooperate, Some("062"), 8, passive),
        t!("received", Delivery, Cooperate, Some("062"), 5, passive, about arms),
        t!("receives", Delivery, Cooperate, Some("062"), 5, passive, about arms),
        t!("receive", Delivery, Cooperate, Some("062"), 5, passive, about arms),
        t!("delivered", Delivery, Cooperate, Some("062"), 7),
        t!("delivery", Delivery, Cooperate, Some("062"), 6),
        t!("deliveries", Delivery, Cooperate, Some("062"), 6),
        t!("handed over", Delivery, Cooperate, Some("062"), 7),
        t!("deliver", Delivery, Cooperate, Some("062"), 7),
        t!("delivers", Delivery, Cooperate, Some("062"), 7),
        t!("arrived", Delivery, Cooperate, Some("062"), 5, cue Arrival),
        // Arriving to come, somewhere named right after ("is due in Cairo next month").
        t!("due in", Delivery, Cooperate, Some("062"), 4, cue Arrival),
        t!("expected in", Delivery, Cooperate, Some("062"), 4, cue Arrival),
        // Being somewhere, for people, is visiting it ("his counterpart was in New Delhi").
        t!("was in", Visit, Consult, Some("042"), 2, cue Arrival),
        t!("were in", Visit, Consult, Some("042"), 2, cue Arrival),
        t!("is in", Visit, Consult, Some("042"), 2, cue Arrival),
        // (Being received somewhere, for people, is a visit: "was received in Beijing".)
        t!("received in", Visit, Consult, Some("042"), 6, cue Arrival),
        t!("arrive", Delivery, Cooperate, Some("062"), 5, cue Arrival),
        t!("arrives", Delivery, Cooperate, Some("062"), 5, cue Arrival),
        // (Landing somewhere is arriving there; "landed a contract" is not.)
        t!("landed in", Delivery, Cooperate, Some("062"), 5, cue Arrival),
        t!("landed at", Delivery, Cooperate, Some("062"), 5, cue Arrival),
        t!("supply", Delivery, Cooperate, Some("062"), 6),
        t!("supplies", Delivery, Cooperate, Some("062"), 6),
        t!("reached", Delivery, Cooperate, Some("062"), 4),
        t!("supplied", Delivery, Cooperate, Some("062"), 6),
        t!("shipped", Delivery, Cooperate, Some("062"), 6),
        // Verbs of giving, a delivery only of arms named after them.
        t!("handed", Delivery, Cooperate, Some("062"), 6, cue Goods),
        t!("handing", Delivery, Cooperate, Some("062"), 5, cue Goods),
        t!("gave", Delivery, Cooperate, Some("062"), 5, cue Goods),
        t!("give", Delivery, Cooperate, Some("062"), 5, cue Goods),
        t!("gives", Delivery, Cooperate, Some("062"), 5, cue Goods),
        t!("giving", Delivery, Cooperate, Some("062"), 5, cue Goods),
        t!("given", Delivery, Cooperate, Some("062"), 5, cue Goods),
        t!("donated", Delivery, Cooperate, Some("062"), 6, cue Goods),
        t!("gifted", Delivery, Cooperate, Some("062"), 6, cue Goods),
        t!("donate", Delivery, Cooperate, Some("062"), 6, cue Goods),
        t!("donates", Delivery, Cooperate, Some("062"), 6, cue Goods),
        t!("transferred", Delivery, Cooperate, Some("062"), 6, cue Goods),
        t!("transfer", Delivery, Cooperate, Some("062"), 5, cue Goods),
        t!("transfers", Delivery, Cooperate, Some("062"), 5, cue Goods),
        // Institutions.
        t!("Individually Tailored Partnership Programme", Programme, Agree, Some("057"), 9, implies "NATO"),
        t!("Individual Partnership and Cooperation Programme", Programme, Agree, Some("057"), 9, implies "NATO"),
        t!("tailored partnership programme", Programme, Agree, Some("057"), 9, implies "NATO"),
        t!("partnership programme", Programme, Agree, Some("057"), 8),
        t!("ITPP", Programme, Agree, Some("057"), 8, implies "NATO"),
        t!("IPCP", Programme, Agree, Some("057"), 8, implies "NATO"),
        t!("renewed", Programme, Agree, Some("057"), 4),
        t!("treaty", Treaty, Agree, Some("057"), 7),
        t!("entered into force", Treaty, Agree, Some("057"), 8),
        t!("came into force", Treaty, Agree, Some("057"), 8),
        t!("took effect", Treaty, Agree, Some("057"), 7),
        t!("ratified", Ratification, Agree, Some("057"), 8),
        t!("ratification", Ratification, Agree, Some("057"), 8),
        t!("ratify", Ratification, Agree, Some("057"), 8),
        t!("ratifies", Ratification, Agree, Some("057"), 8),
        t!("ratifying", Ratification, Agree, Some("057"), 8),
        t!("approved", Ratification, Agree, Some("057"), 8, cue Approval),
        t!("approves", Ratification, Agree, Some("057"), 8, cue Approval),
        t!("approve", Ratification, Agree, Some("057"), 8, cue Approval),
        t!("approving", Ratification, Agree, Some("057"), 8, cue Approval),
        t!("approval", Ratification, Agree, Some("057"), 8, cue Approval),
        t!("joined", Accession, Agree, Some("057"), 7),
        t!("joins", Accession, Agree, Some("057"), 7),
        t!("join", Accession, Agree, Some("057"), 6),
        t!("joining", Accession, Agree, Some("057"), 6),
        t!("admitted", Accession, Agree, Some("057"), 7, cue Admission),
        t!("admission", Accession, Agree, Some("057"), 7),
        t!("accession", Accession, Agree, Some("057"), 7),
        t!("acceded", Accession, Agree, Some("057"), 7),
        t!("became a member", Accession, Agree, Some("057"), 8),
        t!("became a contributing participant", Accession, Agree, Some("057"), 8),
        t!("member", Membership, Cooperate, None, 3),
        t!("members", Membership, Cooperate, None, 3),
        t!("membership", Membership, Cooperate, None, 4),
        t!("belong to", Membership, Cooperate, None, 4),
        t!("belongs to", Membership, Cooperate, None, 4),
        t!("belonged to", Membership, Cooperate, None, 4),
        t!("been part of", Membership, Cooperate, None, 4),
        t!("is part of", Membership, Cooperate, None, 4),
        t!("are part of", Membership, Cooperate, None, 4),
        // A partnership as a standing status ("a NATO partner since 2005"; NATO's Enhanced
        // Opportunities Partners).
        t!("partner since", Membership, Cooperate, None, 5),
        t!("partners since", Membership, Cooperate, None, 5),
        t!("Enhanced Opportunities Partner", Membership, Cooperate, None, 6, implies "NATO"),
        t!("Enhanced Opportunities Partners", Membership, Cooperate, None, 6, implies "NATO"),
        t!("partner across the globe", Membership, Cooperate, None, 6),
        t!("partners across the globe", Membership, Cooperate, None, 6),
        t!("contact country", Membership, Cooperate, None, 6),
        t!("contact countries", Membership, Cooperate, None, 6),
        t!("contributing participant", Membership, Cooperate, None, 5),
        t!("dialogue", Membership, Cooperate, None, 3),
        t!("signed", Agreement, Agree, Some("057"), 4, cue Signing),
        t!("sign", Agreement, Agree, Some("057"), 4, cue Signing),
        t!("signs", Agreement, Agree, Some("057"), 4, cue Signing),
        t!("signing", Agreement, Agree, Some("057"), 4, cue Signing),
        // (Agreeing is to act: CAMEO's "agree to", 030; what is signed is 057.)
        t!("agreed", Agreement, Agree, Some("030"), 4),
        t!("agreement", Agreement, Agree, Some("057"), 4),
        t!("adopted", Agreement, Agree, Some("057"), 4),
        t!("declaration", Agreement, Agree, Some("057"), 4),
        t!("memorandum", Agreement, Agree, Some("057"), 5),
        t!("strategic partnership", Agreement, Agree, Some("057"), 5),
        t!("letter of intent", Agreement, Agree, Some("057"), 6),
        t!("memorandum of understanding", Agreement, Agree, Some("057"), 6),
        t!("opened", Establishment, Cooperate, Some("064"), 5),
        t!("established", Establishment, Cooperate, Some("064"), 5),
        t!("set up", Establishment, Cooperate, Some("064"), 5),
        t!("founded", Establishment, Cooperate, Some("064"), 5),
        // Politics.
        t!("attended", Attendance, Consult, Some("043"), 7),
        t!("attend", Attendance, Consult, Some("043"), 7),
        t!("attends", Attendance, Consult, Some("043"), 7),
        t!("attending", Attendance, Consult, Some("043"), 7),
        t!("took part", Attendance, Consult, Some("043"), 5),
        t!("skip", Attendance, Retreat, None, 7),
        t!("skipped", Attendance, Retreat, None, 7),
        t!("summit", Summit, Consult, Some("043"), 4),
        t!("summits", Summit, Consult, Some("043"), 4),
        t!("met", Summit, Consult, Some("040"), 5),
        t!("shook hands", Summit, Consult, Some("040"), 5),
        t!("sat down with", Summit, Consult, Some("040"), 5),
        t!("sit down with", Summit, Consult, Some("040"), 5),
        t!("meeting", Summit, Consult, Some("040"), 4),
        t!("talks", Summit, Consult, Some("040"), 4),
        t!("consultations", Summit, Consult, Some("040"), 5),
        // (CAMEO 046, "engage in negotiation"; a keyword of CONSULT in the PLOVER manual.)
        t!("negotiations", Summit, Consult, Some("046"), 4),
        t!("visited", Visit, Consult, Some("042"), 7),
        t!("visit", Visit, Consult, Some("042"), 6),
        t!("visits", Visit, Consult, Some("042"), 6),
        t!("trip", Visit, Consult, Some("042"), 5),
        t!("trips", Visit, Consult, Some("042"), 5),
        t!("addressed", Visit, Consult, Some("042"), 6),
        t!("elected", Election, Consult, None, 7),
        t!("election", Election, Consult, None, 6),
        t!("inaugurated", Inauguration, Consult, None, 8),
        t!("sworn in", Inauguration, Consult, None, 8),
        t!("took office", Inauguration, Consult, None, 8),
        t!("in office since", Inauguration, Consult, None, 6),
        t!("inauguration", Inauguration, Consult, None, 7),
        t!("published", Statement, Support, None, 5),
        // (A promise is PLOVER's AGREE, as CAMEO's PROMISE and PLEDGE blocks are 030.)
        t!("promised", Statement, Agree, Some("030"), 3),
        t!("pledged", Statement, Agree, Some("030"), 4),
        t!("vowed", Statement, Support, None, 3),
        t!("unveiled", Statement, Support, None, 5),
        t!("strategy", Statement, Support, None, 4),
        t!("condemned", Statement, Accuse, Some("122"), 6),
        t!("accused", Statement, Accuse, Some("112"), 6),
        t!("impeached", Statement, Sanction, None, 7),
        t!("impeachment", Statement, Sanction, None, 7),
        t!("removed from office", Statement, Sanction, None, 8),
        t!("sanctions", Statement, Sanction, Some("163"), 5),
        // (The verb, which the CAMEO dictionary lacks: "Britain sanctioned six officials".)
        t!("sanctioned", Statement, Sanction, Some("163"), 6),
        t!("sanctioning", Statement, Sanction, Some("163"), 5),
        t!("martial law", Statement, Coerce, None, 7),
        // Material cooperation the CAMEO verbs do not name (the PLOVER codebook's COOPERATE
        // modes: military, intelligence, judicial cooperation).
        t!("joint patrol", Exercise, Cooperate, Some("062"), 6),
        t!("joint patrols", Exercise, Cooperate, Some("062"), 6),
        t!("joint operation", Exercise, Cooperate, Some("062"), 6),
        t!("joint operations", Exercise, Cooperate, Some("062"), 6),
        t!("joint task force", Exercise, Cooperate, Some("062"), 6),
        t!("sharing intelligence", Agreement, Cooperate, Some("064"), 6),
        t!("shared intelligence", Agreement, Cooperate, Some("064"), 6),
        t!("intelligence sharing", Agreement, Cooperate, Some("064"), 6),
        // Refusing to act: PLOVER's REJECT (CAMEO 12) with the act refused as its object; the
        // CAMEO dictionary's REFUSE block codes only named objects ("refused the proposal").
        t!("refused to", Statement, Reject, Some("120"), 6),
        t!("refuses to", Statement, Reject, Some("120"), 6),
        t!("refuse to", Statement, Reject, Some("120"), 6),
        t!("refusing to", Statement, Reject, Some("120"), 6),
        t!("declined to", Statement, Reject, Some("120"), 6),
        // (The phrasal verb the dictionary lacks: "turned down offers of aid".)
        t!("turned down", Statement, Reject, Some("120"), 6),
        t!("turns down", Statement, Reject, Some("120"), 6),
        t!("turn down", Statement, Reject, Some("120"), 6),
        t!("turning down", Statement, Reject, Some("120"), 6),
        t!("declines to", Statement, Reject, Some("120"), 6),
        // Collective protest, after the PLOVER codebook's PROTEST modes and CAMEO's 14x
        // (demonstrate, hunger strike, strike, obstruct, riot); the CAMEO dictionary's "protest"
        // is mostly a verbal complaint, so the collective acts are named here.
        t!("demonstrated", Statement, Protest, Some("141"), 6),
        t!("demonstration", Statement, Protest, Some("141"), 5),
        t!("demonstrations", Statement, Protest, Some("141"), 5),
        t!("rallied", Statement, Protest, Some("141"), 6),
        t!("staged a protest", Statement, Protest, Some("141"), 7),
        t!("street protests", Statement, Protest, Some("141"), 6),
        t!("hunger strike", Statement, Protest, Some("142"), 7),
        t!("general strike", Statement, Protest, Some("143"), 7),
        t!("went on strike", Statement, Protest, Some("143"), 7),
        t!("walkout", Statement, Protest, Some("143"), 6),
        t!("sit-in", Statement, Protest, Some("144"), 6),
        t!("rioted", Statement, Protest, Some("145"), 6),
        t!("riots", Statement, Protest, Some("145"), 5),
        // Force.
        t!("deployed", Deployment, Cooperate, Some("062"), 7),
        t!("stationed", Deployment, Cooperate, Some("062"), 7),
        t!("stationing", Deployment, Cooperate, Some("062"), 6),
        // (Units rotated into a country are deployed there: "rotated a brigade into Poland".)
        t!("rotated", Deployment, Cooperate, Some("062"), 5),
        t!("rotating", Deployment, Cooperate, Some("062"), 5),
        t!("will rotate", Deployment, Cooperate, Some("062"), 6),
        // ("Station" alone is mostly a noun: the verb after a modal or "to".)
        t!("will station", Deployment, Cooperate, Some("062"), 7),
        t!("would station", Deployment, Cooperate, Some("062"), 7),
        t!("could station", Deployment, Cooperate, Some("062"), 7),
        t!("may station", Deployment, Cooperate, Some("062"), 7),
        t!("to station", Deployment, Cooperate, Some("062"), 7),
        t!("deployment", Deployment, Cooperate, Some("062"), 6),
        t!("sent", Deployment, Cooperate, Some("062"), 5, cue Goods),
        t!("send", Deployment, Cooperate, Some("062"), 5, cue Goods),
        t!("sends", Deployment, Cooperate, Some("062"), 5, cue Goods),
        t!("dispatched", Deployment, Cooperate, Some("062"), 6),
        t!("dispatch", Deployment, Cooperate, Some("062"), 6),
        t!("dispatches", Deployment, Cooperate, Some("062"), 6),
        t!("served", Deployment, Cooperate, Some("062"), 6),
        t!("reconstruction team", Deployment, Cooperate, Some("062"), 5),
        // A ship's port call: the host state's cooperation with the flag state.
        t!("docked at", Deployment, Cooperate, Some("062"), 6, cue PortCall),
        t!("docked in", Deployment, Cooperate, Some("062"), 6, cue PortCall),
        t!("docks at", Deployment, Cooperate, Some("062"), 6, cue PortCall),
        t!("docks in", Deployment, Cooperate, Some("062"), 6, cue PortCall),
        // (Calling at a port names it right after: "called at Colombo".)
        t!("called at", Deployment, Cooperate, Some("062"), 5, cue PortCall),
        t!("calls at", Deployment, Cooperate, Some("062"), 5, cue PortCall),
        t!("calling at", Deployment, Cooperate, Some("062"), 5, cue PortCall),
        t!("port call", Deployment, Cooperate, Some("062"), 6, cue PortCall),
        t!("port calls", Deployment, Cooperate, Some("062"), 6, cue PortCall),
        // Calling up forces and standing them down, by the nouns and verbs the dictionary's
        // MOBILIZE block (150) and CAMEO's "demobilize armed forces" (0871) name.
        t!("mobilisation", Deployment, Mobilize, Some("150"), 7),
        t!("mobilization", Deployment, Mobilize, Some("150"), 7),
        t!("demobilised", Withdrawal, Retreat, Some("0871"), 7),
        t!("demobilized", Withdrawal, Retreat, Some("0871"), 7),
        t!("demobilisation", Withdrawal, Retreat, Some("0871"), 7),
        t!("demobilization", Withdrawal, Retreat, Some("0871"), 7),
        t!("withdrew", Withdrawal, Retreat, Some("087"), 7),
        t!("withdrawn", Withdrawal, Retreat, Some("087"), 7),
        t!("withdrawal", Withdrawal, Retreat, Some("087"), 7),
        t!("withdraw", Withdrawal, Retreat, Some("087"), 7),
        t!("withdraws", Withdrawal, Retreat, Some("087"), 7),
        t!("withdrawing", Withdrawal, Retreat, Some("087"), 7),
        t!("pulled out", Withdrawal, Retreat, Some("087"), 7),
        t!("pull out", Withdrawal, Retreat, Some("087"), 7),
        t!("pulling out", Withdrawal, Retreat, Some("087"), 7),
        t!("pulls out", Withdrawal, Retreat, Some("087"), 7),
        t!("left", Withdrawal, Retreat, Some("087"), 6, cue Departure),
        t!("departed", Withdrawal, Retreat, Some("087"), 6, cue Departure),
        t!("returned home", Withdrawal, Retreat, Some("087"), 7),
        // (An exit from a place or a body is a withdrawal from it: "completed their exit from
        // Niger".)
        t!("exit from", Withdrawal, Retreat, Some("087"), 7),
        t!("pullout", Withdrawal, Retreat, Some("087"), 7),
        t!("exercise", Exercise, Cooperate, Some("062"), 6),
        t!("exercises", Exercise, Cooperate, Some("062"), 6),
        t!("drill", Exercise, Cooperate, Some("062"), 6),
        t!("drills", Exercise, Cooperate, Some("062"), 6),
        t!("exercised", Exercise, Cooperate, Some("062"), 6),
        t!("exercising", Exercise, Cooperate, Some("062"), 6),
        t!("invaded", Invasion, Assault, Some("190"), 8),
        t!("invasion", Invasion, Assault, Some("190"), 8),
        t!("attacked", Attack, Assault, Some("190"), 7),
        t!("attack", Attack, Assault, Some("190"), 6),
        t!("air campaign", Attack, Assault, Some("195"), 7),
        t!("threatened", Threat, Threaten, Some("138"), 7),
        // Retaliation said to come is a threat in words (CAMEO 130): "said Moscow would respond",
        // "vowed to retaliate"; responding to something named is not ("will respond to the
        // letter").
        t!("would respond", Statement, Threaten, Some("130"), 6),
        t!("will respond", Statement, Threaten, Some("130"), 6),
        t!("would retaliate", Statement, Threaten, Some("130"), 6),
        t!("will retaliate", Statement, Threaten, Some("130"), 6),
        t!("vowed to retaliate", Statement, Threaten, Some("130"), 7),
        t!("vowed to respond", Statement, Threaten, Some("130"), 7),
        t!("missile test", Threat, Threaten, Some("138"), 7),
        t!("missile launches", Threat, Threaten, Some("138"), 7),
        t!("missile launch", Threat, Threaten, Some("138"), 7),
        t!("missile tests", Threat, Threaten, Some("138"), 7),
        t!("test-fired", Threat, Threaten, Some("138"), 8),
        t!("test-fires", Threat, Threaten, Some("138"), 8),
        t!("test-fire", Threat, Threaten, Some("138"), 8),
        t!("test-firing", Threat, Threaten, Some("138"), 8),
        t!("test-launched", Threat, Threaten, Some("138"), 8),
        t!("test-launches", Threat, Threaten, Some("138"), 8),
        t!("test-launch", Threat, Threaten, Some("138"), 8),
        t!("nuclear test", Threat, Threaten, Some("138"), 8),
        t!("nuclear tests", Threat, Threaten, Some("138"), 8),
    ]
}

/// The finer kind of event (entente's vocabulary) of a CAMEO code.
pub fn kind_of_cameo(code: &str) -> ClaimKind {
    let root = code.get(..2).unwrap_or("");
    match root {
        "04" if code.starts_with("042") || code.starts_with("043") => ClaimKind::Visit,
        "04" => ClaimKind::Summit,
        "05" if code.starts_with("057") => ClaimKind::Agreement,
        "06" if code.starts_with("062") => ClaimKind::Exercise,
        "06" => ClaimKind::Agreement,
        "07" => ClaimKind::Delivery,
        "08" if code.starts_with("087") => ClaimKind::Withdrawal,
        "13" => ClaimKind::Threat,
        "15" => ClaimKind::Deployment,
        "18" | "19" | "20" => ClaimKind::Attack,
        _ => ClaimKind::Statement,
    }
}

/// The code a block's verbs without one of their own take. A block is named after its head verb;
/// where the head's own code refines the block's (the same root), that is what the block means:
/// in "RELEASE [080]", RELEASE is 084 (return, release), so "freed" and "liberated" are too.
fn block_meaning(block: &crate::petrarch::VerbBlock) -> Option<&str> {
    let head = block
        .verbs
        .iter()
        .find(|v| v.lemma.replace(' ', "_").eq_ignore_ascii_case(&block.name))
        .and_then(|v| v.code.as_deref());
    match (head, block.code.as_deref()) {
        (Some(h), Some(b)) if h != b && h.get(..2) == b.get(..2) => Some(h),
        (_, b) => b,
    }
}

/// Whether the verb at `ts..te` of the clause from `a` is a passive whose next word is one of
/// `prepositions`: a form of "be" right before it ("was rejected by", "were expelled from").
pub fn passive_with(sentence: &str, (a, ts, te): (usize, usize, usize), prepositions: &[&str]) -> bool {
    let next = sentence[te..].split_whitespace().next().unwrap_or("");
    prepositions.contains(&next)
        && sentence[a..ts]
            .split_whitespace()
            .rev()
            .map(word)
            .find(|w| !w.is_empty())
            .is_some_and(|w| be_form(&w))
}

/// Participles that English uses as prepositions ("according to", "following", "including"):
/// no events, and no verbs of a clause of their own.
pub const PARTICIPLE_PREPOSITIONS: &[&str] = &[
    "according",
    "regarding",
    "concerning",
    "including",
    "following",
    "pending",
    "given",
    "considering",
    "excluding",
    "barring",
    "during",
];

/// Triggers from the PETRARCH2 CAMEO verb dictionary, the field's general resource: every form of
/// every verb, with the verb's own code or, failing that, its block's, and the block's patterns,
/// which refine the code from the words around the verb ("called **for** a ceasefire" is
/// REQUEST, "hold **talks**" CONSULT) or say the verb is no event. A verb with no code of its own
/// or its block's (most of CAMEO 2.0's blocks are `[---]`) is an event only when a pattern says
/// so. A form entente's own table has keeps its entry, with the block's patterns attached (see
/// [`Triggers::sense`]).
pub fn dictionary_triggers(builtin: &mut [Trigger]) -> Vec<Trigger> {
    use std::collections::BTreeMap;
    let (dict, patterns) = crate::petrarch::shipped_verbs();
    let taken: std::collections::HashMap<String, usize> = builtin
        .iter()
        .enumerate()
        .map(|(i, t)| (t.phrase.to_ascii_lowercase(), i))
        .collect();
    // form → (code, block, (the verb's own code?, patterns written for it there), the verb).
    // A verb listed in two blocks is the first's unless another gives it a code of its own, or
    // means the same without a pattern and has patterns written for it: "reopen" is listed
    // under RE_ESTABLISH, which has none for it, and under START, whose "reopen * embassy"
    // reads it (both blocks `[---]`). Not "abstain", under AVERT `[---]` and ABSTAIN `[080]`:
    // a yield only where a pattern says so ("abstain from violence"), not in a vote.
    type Found = (Option<&'static str>, usize, (bool, usize), &'static str);
    let mut found: BTreeMap<&'static str, Found> = BTreeMap::new();
    for (bi, block) in dict.blocks.iter().enumerate() {
        for verb in &block.verbs {
            let own = verb.code.as_deref();
            let code = own.or(block_meaning(block));
            let lemma = verb.lemma.as_str();
            let named = block
                .patterns
                .iter()
                .filter(|p| p.verb.as_deref() == Some(lemma))
                .count();
            let rank = (own.is_some(), named);
            for form in &verb.forms {
                if form.len() < 3 {
                    continue;
                }
                let e = found.entry(form.as_str()).or_insert((code, bi, rank, lemma));
                let (had_own, had_named) = e.2;
                if (rank.0 && !had_own) || (rank.0 == had_own && code == e.0 && rank.1 > had_named) {
                    *e = (code, bi, rank, lemma);
                }
            }
        }
    }
    // A verb that a block's patterns are written for (their comments name it) but that no block
    // lists is the block's: CAMEO 2.0 has patterns for "urge" under DEMAND without the verb.
    for (form, bi) in unlisted_verbs() {
        found
            .entry(form.as_str())
            .or_insert((dict.blocks[*bi].code.as_deref(), *bi, (false, 0), form.as_str()));
    }
    // What a verb means when no pattern matches, read from its own patterns (as their comments
    // name it): its default code if no other type has more of them; else nothing — a verb of
    // many uses ("take": 8 of its 26 patterns ASSAULT, 1 its default's COERCE; "hold",
    // "open", and "protest", mostly a verbal complaint in CAMEO's patterns) is an event only
    // where a pattern says which. "warn" (19 of its 25 patterns THREATEN) keeps its default.
    // (For each type, also the code its patterns give most often.)
    type Uses<'d> = std::collections::HashMap<Plover, (usize, std::collections::BTreeMap<&'d str, usize>)>;
    let mut uses: std::collections::HashMap<(usize, &str), Uses<'_>> = Default::default();
    for (bi, block) in dict.blocks.iter().enumerate() {
        for p in &block.patterns {
            let (Some(v), Some(code)) = (p.verb.as_deref(), p.code.as_deref()) else {
                continue;
            };
            if let Some(plover) = crate::petrarch::plover_of_cameo(code) {
                let u = uses.entry((bi, v)).or_default().entry(plover).or_default();
                u.0 += 1;
                *u.1.entry(code).or_default() += 1;
            }
        }
    }
    // form → the code it takes without a pattern, or None (needs one); and whether that code
    // is what its patterns give (not its block's).
    let mut reading: std::collections::HashMap<&str, (Option<&'static str>, bool)> = Default::default();
    for (bi, block) in dict.blocks.iter().enumerate() {
        for verb in &block.verbs {
            let default = verb.code.as_deref().or(block_meaning(block));
            let Some(u) = uses.get(&(bi, verb.lemma.as_str())) else {
                continue;
            };
            let total: usize = u.values().map(|x| x.0).sum();
            if total < 3 {
                continue;
            }
            let agree = default
                .and_then(crate::petrarch::plover_of_cameo)
                .and_then(|d| u.get(&d))
                .map_or(0, |x| x.0);
            // (The verb a block is named after is what the block's code means: its patterns
            // are the exceptions — "denounce" is an accusation, whatever it denounces.)
            let head = block.name.eq_ignore_ascii_case(&verb.lemma);
            let (most, most_code) = u
                .values()
                .map(|(n, codes)| {
                    (
                        *n,
                        codes
                            .iter()
                            .max_by_key(|c| (*c.1, std::cmp::Reverse(*c.0)))
                            .map(|c| *c.0),
                    )
                })
                .max()
                .unwrap_or((0, None));
            // A verb with no code of its own or its block's whose patterns nearly all give one
            // type (17 in 20 of ten or more) means that type where none matches: "reject"
            // and "deny" are rejections whatever they reject, though CAMEO 2.0's REFUSE block
            // has no code.
            let read = if head || agree >= most {
                (default, false)
            } else if default.is_none() && total >= 10 && 20 * most >= 17 * total {
                (most_code, true)
            } else {
                (None, false)
            };
            for f in &verb.forms {
                reading.insert(f.as_str(), read);
            }
        }
    }
    // Base and -s forms: the lemma, and its regular -s form.
    let mut bare_forms: std::collections::HashSet<&str> = Default::default();
    for block in &dict.blocks {
        for verb in &block.verbs {
            for f in &verb.forms {
                let last = f.rsplit(' ').next().unwrap_or(f);
                let lemma_last = verb.lemma.rsplit(' ').next().unwrap_or(&verb.lemma);
                if f == &verb.lemma
                    || (last.ends_with('s') && last.starts_with(lemma_last.trim_end_matches(['e', 'y'])))
                {
                    bare_forms.insert(f.as_str());
                }
            }
        }
    }
    // Blocks of verbs that end something ("suspend", "halt", "cancel", "revoke": CAMEO 2.0's
    // CANCEL and REVOKE_), which have no code but code some of their verbs as a reduction of
    // relations (CAMEO 16, PLOVER SANCTION: CALL_OFF, ABORT, RESCIND) and whose patterns read them
    // so at least as often as anything else, of three or more: "halt aid" 162, "call off talks"
    // 160, "close the embassy" 161. (Not a block whose patterns only lean that way, such as
    // SELECT's "choose" and "pick".) So are the verbs of a block none of whose verbs has a code,
    // where the patterns that read the verb with a plain object do ("shut * offices", "shut *
    // diplomatic": SHUT; "freeze * relations": FREEZE) — not where only a phrasal use does
    // (WALK's "walk * out of summit").
    let reducing: Vec<bool> = dict
        .blocks
        .iter()
        .map(|block| {
            let coded = |plover: Plover| {
                block
                    .verbs
                    .iter()
                    .any(|v| v.code.as_deref().and_then(crate::petrarch::plover_of_cameo) == Some(plover))
            };
            let uncoded = block.verbs.iter().all(|v| v.code.is_none());
            let mut types: std::collections::HashMap<Plover, usize> = Default::default();
            for p in &block.patterns {
                let phrasal = p
                    .text
                    .split_whitespace()
                    .skip_while(|w| *w != "*")
                    .nth(1)
                    .is_some_and(|w| PARTICLES.contains(&w.to_ascii_lowercase().as_str()));
                if uncoded && phrasal {
                    continue;
                }
                if let Some(plover) = p.code.as_deref().and_then(crate::petrarch::plover_of_cameo) {
                    *types.entry(plover).or_default() += 1;
                }
            }
            let sanction = types.get(&Plover::Sanction).copied().unwrap_or(0);
            block_meaning(block).is_none()
                && (coded(Plover::Sanction) || uncoded)
                && sanction >= 3
                && types.values().all(|&n| n <= sanction)
        })
        .collect();
    let mut out = Vec::new();
    let listed: std::collections::HashSet<&str> = found.keys().copied().collect();
    for (form, (code, bi, (own, _), lemma)) in found {
        // (Such a verb with no code of its own is a reduction of relations where what it ends
        // is: see [`Triggers::sense`].)
        let default_code = code.or(reducing[bi].then_some(REDUCE_RELATIONS));
        let (code, by_patterns) = reading.get(form).copied().unwrap_or((code, false));
        if PARTICIPLE_PREPOSITIONS.contains(&form) {
            continue;
        }
        if let Some(&i) = taken.get(form) {
            builtin[i].block = Some(bi as u32);
            builtin[i].lemma = Some(lemma);
            continue;
        }
        let plover = code.and_then(crate::petrarch::plover_of_cameo);
        if plover.is_none() && patterns.get(bi).is_none_or(Vec::is_empty) {
            continue;
        }
        out.push(Trigger {
            phrase: std::borrow::Cow::Borrowed(form),
            sense: Sense {
                kind: code.map(kind_of_cameo).unwrap_or(ClaimKind::Statement),
                plover: plover.unwrap_or(Plover::Consult),
                cameo: code,
                specificity: if own { 3 } else { 2 },
                passive: false,
                implies: None,
                needs_object: false,
                cue: Cue::None,
            },
            block: Some(bi as u32),
            conditional: plover.is_none(),
            default_code: default_code.filter(|c| crate::petrarch::plover_of_cameo(c).is_some()),
            lemma: Some(lemma),
            block_code: !own && !by_patterns,
            bare: bare_forms.contains(form),
            about_arms: false,
            otherwise: None,
            derived: false,
        });
    }
    // British spellings the dictionary does not list itself: its "-ize" and "-yze" forms
    // ("mobilised", "criticising", "analysed"), and the doubling of a verb's final "l" after a
    // single vowel before "-ed" and "-ing" ("travelled", "cancelling", "signalled", where the
    // dictionary writes "traveled" from its verb "travel").
    let ise = |t: &Trigger| -> Option<String> {
        let form = t.phrase.as_ref();
        let k = form.rfind("iz").or_else(|| form.rfind("yz"))?;
        Some(format!("{}s{}", &form[..k + 1], &form[k + 2..]))
    };
    let doubled_l = |t: &Trigger| -> Option<String> {
        let form = t.phrase.as_ref();
        let (first, tail) = form.split_once(' ').map_or((form, ""), |(f, r)| (f, r));
        let verb = t.lemma?.split(' ').next()?;
        let ending = first.strip_prefix(verb).filter(|e| matches!(*e, "ed" | "ing"))?;
        let b = verb.as_bytes();
        let vowel = |c: u8| b"aeiou".contains(&c);
        let single = b.len() >= 4 && b[b.len() - 1] == b'l' && vowel(b[b.len() - 2]) && !vowel(b[b.len() - 3]);
        single.then(|| format!("{verb}l{ending}{}{tail}", if tail.is_empty() { "" } else { " " }))
    };
    let british: Vec<Trigger> = out
        .iter()
        .flat_map(|t| [ise(t), doubled_l(t)].into_iter().flatten().map(move |v| (t, v)))
        .filter(|(_, v)| !listed.contains(v.as_str()) && !taken.contains_key(v))
        .map(|(t, v)| Trigger {
            phrase: std::borrow::Cow::Owned(v),
            ..t.clone()
        })
        .collect();
    out.extend(british);
    out
}

/// The forms of entente's own verbs that its table does not list ("delivering", "deploys",
/// "will deploy", "sending"), from the dictionary's forms of the same verb: each takes the
/// sense of the verb's past form in the table ("delivered", "deployed", "sent"), a step less
/// specific; a base or -s form is a verb right after its subject, a pronoun, a modal or "to"
/// (see [`Trigger::bare`]), an -ing form where one stands as a verb (see [`gerund_use`]). Only
/// verbs whose past form the table has with a sense of its own (5 or more: not "reached",
/// "agreed", "pledged", whose senses their contexts decide; a noun's entry, "contract", makes
/// none) and that the dictionary does not code as the table does ("accusing" is read as the
/// dictionary reads it); not a form of two verbs ("found").
fn verb_forms(own: &[Trigger]) -> Vec<Trigger> {
    let (dict, _) = crate::petrarch::shipped_verbs();
    let by_phrase: std::collections::HashMap<String, &Trigger> =
        own.iter().map(|t| (t.phrase.to_ascii_lowercase(), t)).collect();
    let entry = |form: &str| by_phrase.get(form).copied();
    // (A form of two verbs is neither's: "found" is also "find"'s.)
    let mut lemmas: std::collections::HashMap<&str, &str> = Default::default();
    let mut shared: std::collections::HashSet<&str> = Default::default();
    for verb in dict.blocks.iter().flat_map(|b| &b.verbs) {
        for f in &verb.forms {
            if *lemmas.entry(f.as_str()).or_insert(verb.lemma.as_str()) != verb.lemma {
                shared.insert(f.as_str());
            }
        }
    }
    let mut out: Vec<Trigger> = Vec::new();
    for verb in dict.blocks.iter().flat_map(|b| &b.verbs) {
        let single = |f: &&String| !f.contains(' ') && !f.contains('-');
        let base_or_s =
            |f: &str| f == verb.lemma || (f.ends_with('s') && f.starts_with(verb.lemma.trim_end_matches(['e', 'y'])));
        let past = verb
            .forms
            .iter()
            .filter(single)
            .filter(|f| !base_or_s(f) && !f.ends_with("ing"))
            .find_map(|f| entry(f))
            .filter(|p| p.sense.specificity >= 5)
            .filter(|p| verb.code.as_deref().and_then(crate::petrarch::plover_of_cameo) != Some(p.sense.plover));
        let Some(past) = past else {
            continue;
        };
        for f in verb
            .forms
            .iter()
            .filter(single)
            .filter(|f| !shared.contains(f.as_str()))
        {
            if entry(f).is_none() && !out.iter().any(|t| t.phrase == f.as_str()) {
                let mut sense = past.sense;
                sense.specificity = sense.specificity.saturating_sub(1).max(1);
                out.push(Trigger {
                    phrase: std::borrow::Cow::Owned(f.clone()),
                    sense,
                    bare: base_or_s(f),
                    derived: true,
                    ..past.clone()
                });
            }
        }
    }
    out
}

/// Verbs of beginning or going on, every form: before another verb they tell its aspect, no
/// event of their own ("began delivering", "started to withdraw", "kept sending").
const ASPECT: &[&str] = &[
    "begin",
    "began",
    "begun",
    "begins",
    "beginning",
    "start",
    "started",
    "starts",
    "starting",
    "commence",
    "commenced",
    "commences",
    "commencing",
    "continue",
    "continued",
    "continues",
    "continuing",
    "resume",
    "resumed",
    "resumes",
    "keep",
    "keeps",
    "kept",
    "keeping",
];

/// Whether an -ing form at `ts` in the clause starting at `a` stands as a verb: after a form of
/// "be" ("is sending"), a verb of beginning or going on ("began delivering"), a preposition
/// that takes a gerund ("by sending", "after deploying"), "and", or a comma ("…, accusing it
/// of"), an adverb between them aside — not as an adjective or a noun ("the visiting
/// delegation", "Iranian shipping companies", "a promising start").
pub fn gerund_use(sentence: &str, a: usize, ts: usize) -> bool {
    const BEFORE: &[&str] = &[
        "by", "after", "before", "while", "when", "since", "despite", "upon", "and",
    ];
    let before = &sentence[a..ts];
    let mut words = before.split_whitespace().rev();
    loop {
        let Some(raw) = words.next() else {
            // The clause's first word: a verb after a comma, not a sentence's subject.
            return sentence[..a].trim_end().ends_with(',');
        };
        if raw.ends_with(',') {
            return true;
        }
        let w = word(raw);
        if matches!(w.as_ref(), "not" | "also" | "now" | "still" | "already" | "then") || w.ends_with("ly") {
            continue;
        }
        return be_form(&w) || ASPECT.contains(&w.as_ref()) || BEFORE.contains(&w.as_ref());
    }
}

/// Forms of the verbs that patterns' comments name but no block lists, with the block of their
/// patterns (read once).
fn unlisted_verbs() -> &'static [(String, usize)] {
    static U: std::sync::OnceLock<Vec<(String, usize)>> = std::sync::OnceLock::new();
    U.get_or_init(|| {
        let (dict, _) = crate::petrarch::shipped_verbs();
        let listed: std::collections::HashSet<&str> = dict
            .blocks
            .iter()
            .flat_map(|b| b.verbs.iter().flat_map(|v| v.forms.iter().map(String::as_str)))
            .collect();
        let mut out: Vec<(String, usize)> = Vec::new();
        for (bi, block) in dict.blocks.iter().enumerate() {
            for v in block.patterns.iter().filter_map(|p| p.verb.as_deref()) {
                if !listed.contains(v) {
                    for form in crate::petrarch::phrase_forms(&v.replace(' ', "_")) {
                        if !out.iter().any(|(f, _)| *f == form) {
                            out.push((form, bi));
                        }
                    }
                }
            }
        }
        out
    })
}

/// What a trigger means where it stands: its kind, PLOVER type and CAMEO code, and how specific
/// it is.
#[derive(Clone, Copy, Debug)]
pub struct Sense {
    pub kind: ClaimKind,
    pub plover: Plover,
    pub cameo: Option<&'static str>,
    pub specificity: u8,
    pub passive: bool,
    pub implies: Option<&'static str>,
    /// A dictionary verb read by its block's code alone (no code of its own, no pattern): an
    /// event only with a counterpart named after it ("warned Israel", not "went in his place").
    pub needs_object: bool,
    /// What the coder asks of the word beyond its sense.
    pub cue: Cue,
}

/// A word's part in a rule of the coder beyond its sense.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Cue {
    #[default]
    None,
    /// "arrive": what arrives decides the event (goods delivered, forces deployed, people
    /// visiting).
    Arrival,
    /// "signed": names no instrument; in a text about an arms deal it is the deal's.
    Signing,
    /// "sold": the subject of the deal is its seller (of "ordered", "bought", its buyer).
    Sale,
    /// "sent", "handed", "gave": what is given, named after the verb, decides: arms given are
    /// a delivery ("sent weapons to Ukraine", "handed Kyiv 200 tanks"); forces sent stay a
    /// deployment, and a verb of giving with no arms after it is what the dictionary makes of
    /// it ("gave its approval").
    Goods,
    /// "approved": by a legislature it is ratifying ("the Diet approved the agreement",
    /// "approved by the Greek parliament"); elsewhere what the dictionary's patterns make of it.
    Approval,
    /// "left", "departed": forces leaving are withdrawing ("the last troops left Kazakhstan");
    /// anyone else leaving is what the dictionary's patterns make of it.
    Departure,
    /// A ship's port call ("docked at Busan"): cooperation with the host, whatever the ship.
    PortCall,
    /// A verb of praise, blame or refusal read by its default code before what it is about
    /// ("welcomed the vote"): the clause's event only where it tells no other.
    Fallback,
    /// A verb that ends the cooperation named after it ("suspended the contract"): the event is
    /// the ending, and the words of cooperation in its object are no events of their own.
    Ending,
    /// "admitted": in the active voice its subject is the body joined and its object the one
    /// joining ("NATO admitted Finland" is Finland's accession).
    Admission,
}

/// Whether a name ends in the noun of an institution ("Syrian National Council", "Kosovo
/// Assembly", "Islamic Front"): such a name is no person's, whatever its dictionary dates.
fn institution(name: &str) -> bool {
    const NOUNS: &[&str] = &[
        "assembly",
        "council",
        "front",
        "party",
        "movement",
        "army",
        "union",
        "committee",
        "congress",
        "parliament",
        "court",
        "government",
        "ministry",
        "forces",
        "alliance",
        "league",
        "bank",
        "agency",
        "commission",
        "authority",
        "organization",
        "organisation",
        "brigade",
        "brigades",
    ];
    let last = name.rsplit(' ').next().unwrap_or(name).to_ascii_lowercase();
    NOUNS.contains(&last.as_str())
}

/// Whether a name's last word starts with a capital: such a name must be written with it
/// ("Turkey", "the Alliance", "the Allies"; "turkey", "the alliance" are common words).
fn last_word_capitalised(name: &str) -> bool {
    name.rsplit(' ')
        .next()
        .and_then(|w| w.chars().next())
        .is_some_and(char::is_uppercase)
}

/// Whether `word` (lower case) names a weapon or a military aircraft in the CAMEO dictionary's
/// synonym sets (&WEAPON, &AIRCRAFT: "howitzer", "missiles", "jets", "helicopter"; the head
/// noun of a compound entry, "tank" of "battle tank"), or one of the few platforms the sets
/// leave out (drones, submarines, warships, corvettes, frigates, destroyers, launchers; not "fighters",
/// who are as often people).
pub fn weapon_word(word: &str) -> bool {
    static W: std::sync::OnceLock<std::collections::HashSet<String>> = std::sync::OnceLock::new();
    let set = W.get_or_init(|| {
        // Naval and land platforms the sets leave out, by their general English names.
        const PLATFORMS: &[&str] = &[
            "drone",
            "submarine",
            "warship",
            "corvette",
            "frigate",
            "destroyer",
            "launcher",
            "radar",
        ];
        // Head nouns too general to say "weapon" alone.
        const GENERAL: &[&str] = &[
            "device",
            "devise",
            "vehicle",
            "carrier",
            "batteries",
            "knife",
            "explosive",
            "ied",
        ];
        let dict = &crate::petrarch::shipped_verbs().0;
        let mut set = std::collections::HashSet::new();
        for p in PLATFORMS {
            set.insert(p.to_string());
            set.insert(format!("{p}s"));
        }
        for name in ["WEAPON", "AIRCRAFT"] {
            for entry in dict.synsets.get(name).into_iter().flatten() {
                let head = entry.rsplit(' ').next().unwrap_or(entry);
                if head.len() < 3 || GENERAL.contains(&head) {
                    continue;
                }
                set.insert(head.to_string());
                set.insert(format!("{head}s"));
            }
        }
        set
    });
    set.contains(word)
}

/// Whether `word` (lower case) names arms in general rather than a kind of weapon: "arms",
/// "weapons", "weaponry", "armaments", "munitions" (goods to sell or send, not what strikes).
pub fn general_arms_word(word: &str) -> bool {
    matches!(
        word,
        "arms" | "weapon" | "weapons" | "weaponry" | "armaments" | "munitions"
    )
}

/// Whether a noun phrase names people who represent a state: an envoy, a delegation, a leader
/// or minister ("the Somali president", "his counterpart").
fn names_people(phrase: &str) -> bool {
    phrase.split_whitespace().any(|w| {
        let w = word(w);
        envoy(&w)
            || w.starts_with("delegat")
            || matches!(
                w.as_ref(),
                "leader"
                    | "leaders"
                    | "minister"
                    | "ministers"
                    | "president"
                    | "counterpart"
                    | "king"
                    | "prince"
                    | "chancellor"
                    | "premier"
            )
    })
}

/// A pattern's reading: its code's kind and PLOVER type (`None` for a pattern coded `---`).
fn pattern_sense(p: &'static crate::petrarch::CompiledPattern) -> Option<Sense> {
    let code = p.code.as_deref()?;
    Some(Sense {
        kind: kind_of_cameo(code),
        plover: crate::petrarch::plover_of_cameo(code)?,
        cameo: Some(code),
        specificity: 3 + p.words.min(2) as u8,
        passive: false,
        implies: None,
        needs_object: false,
        cue: Cue::None,
    })
}

/// Closed-class words after which a word that is also a noun is a verb ("they supply", "will
/// deliver", "did not send", "to arm"): pronouns, modal and auxiliary verbs, "to", "not",
/// conjunctions and adverbs (words in -ly).
pub fn before_a_verb(word: &str) -> bool {
    const CLOSED: &[&str] = &[
        "he", "she", "it", "they", "we", "i", "you", "who", "which", "that", "will", "would", "can", "could", "may",
        "might", "must", "shall", "should", "to", "do", "does", "did", "not", "never", "also", "and", "or", "then",
        "now",
    ];
    CLOSED.contains(&word) || word.ends_with("ly")
}

/// A thing a verb's object names with a definite article and no name: its noun's stem (the
/// singular's first five letters, to find the event it names: "the sale" a sale, "the
/// agreements" an agreement agreed) and whether it is a thing said or decided ("the
/// announcement", "the move"), which names the last event told whatever its words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Thing<'a> {
    pub stem: &'a str,
    pub saying: bool,
    /// Where its noun ends, from the start of the text it was read from.
    pub end: usize,
}

/// The definite noun phrase opening `after` (a verb's object, after a preposition it may
/// govern: "against the sale", "to the plan"), read as a [`Thing`]; `None` where it is
/// indefinite, names someone ("the French decision"), or its noun is shorter than four letters
/// ("the use of force").
pub fn definite_thing(after: &str) -> Option<Thing<'_>> {
    const SAYING: &[&str] = &[
        "announcement",
        "statement",
        "remark",
        "comment",
        "decision",
        "declaration",
        "move",
        "plan",
        "proposal",
        "claim",
        "charge",
        "accusation",
        "allegation",
        "concern",
        "warning",
        "threat",
    ];
    // (Each word with where it ends.)
    let mut words = after
        .split(' ')
        .scan(0, |at, w| {
            let end = *at + w.len();
            *at = end + 1;
            Some((w, end))
        })
        .filter(|(w, _)| !w.is_empty())
        .peekable();
    if words
        .peek()
        .is_some_and(|(w, _)| matches!(*w, "against" | "over" | "to" | "of" | "on" | "at"))
    {
        words.next();
    }
    if !words
        .next()
        .is_some_and(|(w, _)| matches!(w, "the" | "this" | "these" | "such"))
    {
        return None;
    }
    let mut head = None;
    for (w, end) in words.take(4) {
        let bare = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        if bare.starts_with(char::is_uppercase) {
            return None;
        }
        let lower = bare.to_ascii_lowercase();
        if crate::petrarch::PREPOSITIONS.contains(&lower.as_str())
            || matches!(lower.as_str(), "as" | "and" | "or" | "but" | "which" | "that" | "who")
        {
            break;
        }
        if !bare.chars().all(|c| c.is_ascii_lowercase()) {
            return None;
        }
        head = Some((bare, end - (w.len() - bare.len())));
        if bare.len() < w.len() {
            break;
        }
    }
    let (head, end) = head?;
    let singular = if let Some(s) = head.strip_suffix("ies") {
        s
    } else if head.ends_with('s') && !head.ends_with("ss") {
        &head[..head.len() - 1]
    } else {
        head
    };
    // (A noun in -ing by its verb: "the signing" names what was signed.)
    let singular = singular
        .strip_suffix("ing")
        .filter(|v| v.len() >= 4)
        .unwrap_or(singular);
    (singular.len() >= 4).then(|| Thing {
        stem: &singular[..singular.len().min(5)],
        saying: SAYING.contains(&singular),
        end,
    })
}

/// Closed-class words after which a word is a noun or an adjective, not a verb ("the forces",
/// "its support", "with arms", "two attacks"): determiners, possessives and prepositions of
/// English, and numbers.
fn not_before_a_verb(word: &str) -> bool {
    const CLOSED: &[&str] = &[
        "of", "for", "with", "in", "on", "at", "from", "into", "over", "under", "about", "against", "between", "among",
        "during", "after", "before", "without", "within", "through", "per", "than", "more", "most", "new", "further",
        "other", "first", "last",
    ];
    determiner(word) || CLOSED.contains(&word) || word.chars().all(|c| c.is_ascii_digit() || c == ',')
}

/// Whether a lower-case word is a determiner or a possessive: a noun phrase starts with it ("the",
/// "a", "its", "their", "every").
pub fn determiner(word: &str) -> bool {
    const DETERMINERS: &[&str] = &[
        "the", "a", "an", "this", "that", "these", "those", "some", "any", "each", "every", "no", "another", "such",
    ];
    DETERMINERS.contains(&word) || possessive(word)
}

/// Whether a lower-case word is a form of "be" that makes a passive ("was signed").
pub fn be_form(word: &str) -> bool {
    matches!(word, "was" | "were" | "been" | "be" | "being" | "is" | "are")
}

/// Whether a lower-case word is a possessive determiner ("its", "their", "his").
pub fn possessive(word: &str) -> bool {
    matches!(word, "its" | "their" | "his" | "her" | "our" | "your" | "my")
}

/// Whether a lower-case word is a personal pronoun in the third person that can be a clause's
/// subject ("it", "they", "he", "she"): it stands for a party named before.
pub fn subject_pronoun(word: &str) -> bool {
    matches!(word, "it" | "they" | "he" | "she")
}

/// Ordinal words, "first" to "tenth" ("his fourth NATO summit", "an option for a fourth").
pub const ORDINALS: [&str; 10] = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
];

/// Verbs of saying that report what someone else did ("said", "told", "warned"): a claim's
/// source, not its event, where they close a sentence; what they report is asserted.
pub const SAYING: &[&str] = &[
    "said",
    "says",
    "confirmed",
    "reported",
    "announced",
    "added",
    "stated",
    "told",
    "warned",
];

/// Whether a word that follows `before` is used as a noun: after a determiner, a possessive, a
/// preposition or a number ("the summit", "his re-election", "on Tuesday's visit").
pub fn nominal_use(before: &str) -> bool {
    let t = before.trim_end();
    t.ends_with("'s")
        || t.ends_with("\u{2019}s")
        || t.rsplit(|c: char| c.is_whitespace()).next().is_some_and(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
            !w.is_empty() && not_before_a_verb(&w)
        })
}

/// A text's words for pattern matching: lower case, without surrounding punctuation.
fn words(text: &str) -> Vec<std::borrow::Cow<'_, str>> {
    text.split_whitespace().map(word).filter(|w| !w.is_empty()).collect()
}

/// One whitespace-separated token as [`words`] reads it (empty if it holds no letter or digit).
fn word(token: &str) -> std::borrow::Cow<'_, str> {
    let t = token.trim_matches(|c: char| !c.is_alphanumeric());
    // (Copied only where lower case changes it.)
    let lower = if t.is_ascii() {
        if t.bytes().any(|b| b.is_ascii_uppercase()) {
            std::borrow::Cow::Owned(t.to_ascii_lowercase())
        } else {
            std::borrow::Cow::Borrowed(t)
        }
    } else if t.chars().all(|c| c.to_lowercase().eq(std::iter::once(c))) {
        std::borrow::Cow::Borrowed(t)
    } else {
        std::borrow::Cow::Owned(t.to_lowercase())
    };
    crate::petrarch::american(lower)
}

/// The trigger automaton.
pub struct Triggers {
    pub table: Vec<Trigger>,
    /// The first `builtin` entries of the table are entente's own.
    builtin: usize,
    ac: AhoCorasick,
    /// Phrasal verbs whose particle may stand after the object ("pulled its forces out"), one to
    /// three words apart.
    phrasal: Detached,
    /// Status nouns whose trigger is "noun since" ("partner since"), one to six words before
    /// "since": "a partner of the Alliance since 1994", "a NATO partner through the Istanbul
    /// Cooperation Initiative since 2005".
    since: Detached,
}

/// Two-word triggers ("pulled out", "partner since") whose words may stand apart in text, a few
/// words between them and no punctuation: read as the trigger at its first word.
struct Detached {
    pattern: regex::Regex,
    /// The trigger of each two-word phrase (lower case).
    triggers: crate::Map<String, usize>,
}

impl Detached {
    /// Of `entries` (index, trigger), those of one word and then one of `tails`, found with one
    /// to `gap` words between.
    fn new<'t>(entries: impl Iterator<Item = (usize, &'t Trigger)>, tails: &[&str], gap: usize) -> Detached {
        let mut triggers = crate::Map::default();
        let mut heads = std::collections::BTreeSet::new();
        for (i, t) in entries {
            let phrase = t.phrase.to_ascii_lowercase();
            if let Some((head, tail)) = phrase.split_once(' ') {
                if tails.contains(&tail) && head.chars().all(|c| c.is_ascii_alphabetic()) {
                    heads.insert(head.to_string());
                    triggers.entry(phrase.clone()).or_insert(i);
                }
            }
        }
        let heads = heads.into_iter().collect::<Vec<_>>().join("|");
        let pattern = regex::Regex::new(&format!(
            r"(?i-u)\b({heads})\s+(?:[A-Za-z'-]+\s+){{1,{gap}}}?({})\b",
            tails.join("|")
        ))
        .unwrap_or_else(|e| panic!("two-word triggers apart ({tails:?}): {e}"));
        Detached { pattern, triggers }
    }

    /// Adds to `found` each trigger found apart in `text`, in place of what starts at its head.
    fn find(&self, text: &str, found: &mut Vec<(usize, usize, usize)>) {
        for c in self.pattern.captures_iter(text) {
            let (Some(h), Some(t)) = (c.get(1), c.get(2)) else {
                continue;
            };
            let key = format!(
                "{} {}",
                h.as_str().to_ascii_lowercase(),
                t.as_str().to_ascii_lowercase()
            );
            if let Some(&i) = self.triggers.get(&key) {
                found.retain(|&(s, _, _)| s != h.start());
                found.push((h.start(), h.end(), i));
            }
        }
    }
}

/// The particles of English phrasal verbs that may follow the verb's object ("in" is left out:
/// after an object it is mostly a preposition, "gave Ukraine aid in 2022").
const PARTICLES: &[&str] = &["out", "off", "up", "down", "back", "over", "away"];

/// Whether an event of a verb with its block's code is something said — praise, blame or
/// refusal —, which is of the thing named after the verb whoever did it ("criticised the
/// decision"). Narrower than the reading of verbs of many uses (which their patterns have
/// already sifted): investigating (09) is ACCUSE in PLOVER but says nothing ("would study the
/// pact's implications"), nor does diplomatic cooperation in general (050, whose blocks hold
/// "affect", "impact", "influence": "could influence the dynamics"), only praise, verbal
/// defence and rallying support (051–053).
fn says_something(plover: Plover, code: &str) -> bool {
    match plover {
        Plover::Support => ["051", "052", "053"].iter().any(|c| code.starts_with(c)),
        Plover::Accuse => !code.starts_with("09"),
        Plover::Reject => true,
        _ => false,
    }
}

/// Whether a lower-case word names a diplomatic envoy (the Phoenix agents AMBASSADOR, ENVOY,
/// DIPLOMAT, and a chargé d'affaires).
pub fn envoy(word: &str) -> bool {
    ["ambassador", "envoy", "diplomat", "charg"]
        .iter()
        .any(|e| word.starts_with(e))
}

/// The most words a verb's object is read to (see [`noun_phrase`]).
pub const OBJECT_WORDS: usize = 5;

/// CAMEO's "reduce relations, not specified" (PLOVER SANCTION).
const REDUCE_RELATIONS: &str = "160";
/// CAMEO's "de-escalate military engagement" (PLOVER RETREAT).
const DE_ESCALATE: &str = "087";

/// The noun phrase at the start of `after` (the text after a verb): its words up to the first
/// comma, preposition, conjunction or relative word, `most` at most ("cancelled **a railway
/// contract** awarded to …", "halted **all trade** with Israel").
pub fn noun_phrase(after: &str, most: usize) -> &str {
    let mut end = 0;
    for tok in after.split_whitespace().take(most) {
        let w = word(tok);
        // (Nor does an adverb start or continue one: "expanded rapidly since …".)
        if w.ends_with("ly")
            || matches!(
                w.as_ref(),
                "to" | "with"
                    | "from"
                    | "for"
                    | "in"
                    | "on"
                    | "at"
                    | "over"
                    | "under"
                    | "into"
                    | "through"
                    | "about"
                    | "between"
                    | "among"
                    | "amid"
                    | "despite"
                    | "during"
                    | "since"
                    | "before"
                    | "by"
                    | "against"
                    | "after"
                    | "until"
                    | "while"
                    | "when"
                    | "if"
                    | "than"
                    | "and"
                    | "or"
                    | "but"
                    | "that"
                    | "which"
                    | "who"
                    | "because"
                    | "as"
            )
        {
            break;
        }
        end = tok.as_ptr() as usize - after.as_ptr() as usize + tok.len();
        if tok.ends_with([',', ';', ':', '.']) {
            break;
        }
    }
    &after[..end]
}

impl Triggers {
    /// The trigger table, built once per process and shared by every extractor (it does not
    /// depend on the knowledge base).
    pub fn shared() -> &'static Triggers {
        static T: std::sync::OnceLock<Triggers> = std::sync::OnceLock::new();
        T.get_or_init(Triggers::new)
    }

    pub fn new() -> Triggers {
        let mut table = triggers();
        let derived = verb_forms(&table);
        table.extend(derived);
        let builtin = table.len();
        let more = dictionary_triggers(&mut table);
        table.extend(more);
        let ac = automaton_of(
            table.iter().map(|t| t.phrase.as_ref()),
            true,
            Some(aho_corasick::AhoCorasickKind::DFA),
            "trigger table",
        );
        let phrasal = Detached::new(table.iter().enumerate(), PARTICLES, 3);
        let since = Detached::new(table.iter().enumerate().take(builtin), &["since"], 6);
        Triggers {
            table,
            builtin,
            ac,
            phrasal,
            since,
        }
    }

    /// What trigger `t`, found at `[ts, te)` in the clause `[a, b)` of `sentence`, means there.
    /// entente's own triggers mean what the table says. A dictionary verb is read as a verb only
    /// where a verb can stand — not after a determiner, a possessive, a preposition or a number
    /// ("the forces", "its support", "with arms") —, and then the most specific of its block's
    /// patterns that matches the words around it decides (a pattern coded `---` says it is no
    /// event); else its own code, unless it needs a pattern.
    pub fn sense(
        &self,
        t: usize,
        sentence: &str,
        (a, b): (usize, usize),
        (ts, te): (usize, usize),
        after_name: bool,
    ) -> Option<Sense> {
        let trig = &self.table[t];
        let own = trig.sense;
        let best_pattern = || self.best_pattern(t, &sentence[a..ts], &sentence[te..b]);
        // An event of a kind named in general is none: "such a visit would have been hard to
        // imagine", "no such agreement" (not "hold such exercises", those told).
        let mut before = sentence[a..ts].split_whitespace().rev().map(|w| w.to_ascii_lowercase());
        let generic = match (before.next(), before.next()) {
            (Some(d), Some(w)) if w == "such" => matches!(d.as_str(), "a" | "an"),
            (Some(w), Some(n)) if w == "such" => n == "no",
            _ => false,
        };
        if generic {
            return None;
        }
        // Establishing that something is so is finding it, not founding anything:
        // "investigators had established that the blaze was ordered by Russian services".
        if own.kind == ClaimKind::Establishment
            && matches!(
                word(sentence[te..b].split_whitespace().next().unwrap_or("")).as_ref(),
                "that" | "whether" | "how" | "why" | "who"
            )
        {
            return None;
        }
        // (The word before the trigger.)
        let last_before = sentence[a..ts]
            .split_whitespace()
            .rev()
            .map(word)
            .find(|w| !w.is_empty());
        if t < self.builtin {
            if trig.derived && trig.phrase.ends_with("ing") && !gerund_use(sentence, a, ts) {
                return None;
            }
            // Addressing a body is speaking there, a visit ("addressed the General Assembly",
            // "a joint sitting of parliament"); addressing anything else is no visit at all
            // ("addressed the challenges posed by China", "addresses concerns").
            if trig.lemma == Some("address") && own.kind == ClaimKind::Visit {
                const BODIES: &[&str] = &[
                    "parliament",
                    "assembly",
                    "congress",
                    "senate",
                    "legislature",
                    "diet",
                    "summit",
                    "conference",
                    "session",
                    "sitting",
                    "council",
                    "forum",
                    "convention",
                    "lawmakers",
                    "delegates",
                    "nation",
                ];
                let object = noun_phrase(&sentence[te..b], OBJECT_WORDS);
                let body = object
                    .split_whitespace()
                    .any(|w| w.starts_with(char::is_uppercase) || BODIES.contains(&word(w).as_ref()));
                if !body {
                    return None;
                }
            }
            // (Not after "and", "or": "a free and open Indo-Pacific".)
            let verb_before = |w: &str| before_a_verb(w) && !matches!(w, "and" | "or" | "then" | "now");
            if trig.bare && !after_name && !last_before.as_deref().is_some_and(verb_before) {
                return None;
            }
            // entente's own material-cooperation words (delivered, sent, shipped, deployed…) take
            // a more specific type where the dictionary's patterns give one ("sent … humanitarian
            // aid" is AID); their kind stays (a medical unit sent is still a deployment).
            if own.plover == Plover::Cooperate {
                // (An attack named as a weapon's role is no attack: "delivered attack
                // helicopters" is not the pattern "deliver … attack".)
                let designation = || {
                    let words: Vec<String> = sentence[te..b]
                        .split_whitespace()
                        .take(OBJECT_WORDS)
                        .map(|w| word(w).into_owned())
                        .collect();
                    words
                        .windows(2)
                        .any(|w| matches!(w[0].as_str(), "attack" | "assault" | "strike") && weapon_word(&w[1]))
                };
                // (An intent to cooperate that such a word's pattern names is an agreement
                // reached, not the modality of another event — "reached a deal", CAMEO 030,
                // PLOVER's AGREE —, where what is reached names an agreement: "sent
                // reinforcements" is coded 0332 too, and is a sending.)
                let refined = best_pattern().and_then(|p| p.code.as_deref()).and_then(|c| {
                    let intent = c.starts_with("03");
                    let plover = if intent {
                        self.names_agreement(noun_phrase(&sentence[te..b], OBJECT_WORDS))
                            .then_some(Plover::Agree)?
                    } else {
                        crate::petrarch::plover_of_cameo(c)?
                    };
                    (plover != Plover::Cooperate && !(plover == Plover::Assault && designation()))
                        .then_some((c, plover, intent))
                });
                if let Some((code, plover, intent)) = refined {
                    return Some(Sense {
                        plover,
                        cameo: Some(code),
                        kind: if intent { ClaimKind::Agreement } else { own.kind },
                        ..own
                    });
                }
            }
            return Some(own);
        }
        // A verb of beginning or going on before another verb is that verb's aspect, no event of
        // its own: "began delivering F-16s" is a delivery (not CAMEO's "start * &WEAPON", 194),
        // "started to withdraw" a withdrawal.
        if ASPECT.contains(&word(&sentence[ts..te]).as_ref()) {
            let next = word(sentence[te..b].split_whitespace().next().unwrap_or(""));
            if next == "to" || (next.len() > 5 && next.ends_with("ing")) {
                return None;
            }
        }
        // A base or -s form that is also a noun ("medical supplies", "Korean arms") is a verb
        // right after its subject or an auxiliary, a pronoun, an adverb.
        // (So is a verb of attack after weapons that do it: "Indian missiles hit six sites",
        // "rockets hit the town". Not after the general "arms" or "weapons", which name goods.)
        let weapons_do_it = own.plover == Plover::Assault
            && last_before
                .as_deref()
                .is_some_and(|w| w.ends_with('s') && weapon_word(w) && !general_arms_word(w));
        if trig.bare && !after_name && !weapons_do_it && !last_before.as_deref().is_some_and(before_a_verb) {
            return None;
        }
        // Not after a determiner or the like, nor inside a compound ("self-propelled").
        if last_before.as_deref().is_some_and(not_before_a_verb)
            || sentence[..ts].trim_end().ends_with(['\'', '\u{2019}'])
            || sentence[..ts].ends_with('-')
        {
            return None;
        }
        // In a passive ("the proposal was rejected by Russia") the subject is the verb's object:
        // where no pattern reads the clause as it stands and the verb has no default reading,
        // they are tried with the subject after the verb (and not the agent, who would be
        // before it).
        let passive = || {
            (passive_with(sentence, (a, ts, te), &["by"]) && trig.default_code.is_none())
                .then(|| self.best_pattern(t, "", &sentence[a..ts]))
                .flatten()
        };
        // Summoning an envoy posted in the country is a complaint to the envoy's state (the
        // PLOVER manual: "summoning an in-country ambassador … is just coded ACCUSE, not
        // CONSULT"), CAMEO 114, "complain officially".
        if trig.lemma == Some("summon") && words(&sentence[a..b]).iter().any(|w| envoy(w)) {
            return Some(Sense {
                kind: ClaimKind::Statement,
                plover: Plover::Accuse,
                cameo: Some("114"),
                needs_object: false,
                ..own
            });
        }
        // Letting people or goods into a place is allowing access (CAMEO 086, "allow
        // international involvement"; the PLOVER manual's RETREAT: "allowing the entry of
        // observers, peacekeepers, or humanitarian workers"), not an easing of rules (080):
        // "allowed aid convoys into Tigray", "permitted observers to enter the region".
        if matches!(trig.lemma, Some("allow" | "permit")) {
            let rest = &sentence[te..b];
            let object = noun_phrase(rest, OBJECT_WORDS);
            let then = rest[object.len()..].trim_start();
            if !object.trim().is_empty() && (then.starts_with("into ") || then.starts_with("to enter ")) {
                return Some(Sense {
                    kind: ClaimKind::Statement,
                    plover: Plover::Retreat,
                    cameo: Some("086"),
                    needs_object: false,
                    ..own
                });
            }
        }
        // Calling a thing something is no call: "called the decision a hostile act" names the
        // decision; a call is made to a party ("called Putin", "called his counterpart").
        if trig.lemma == Some("call") && best_pattern().is_none() {
            let object = noun_phrase(&sentence[te..b], OBJECT_WORDS);
            let party = object.split_whitespace().any(|w| w.starts_with(char::is_uppercase)) || names_people(object);
            if determiner(&word(object.split_whitespace().next().unwrap_or(""))) && !party {
                return None;
            }
        }
        // Weapons launched "at" or "on" a target are an attack with them, as the LAUNCH block
        // codes weapons launched "from" somewhere (194, "fight with artillery and tanks"):
        // "launched more than 400 drones at Ukrainian cities".
        // (The object to the preposition, a few words: "more than 400 drones at …".)
        if trig.lemma == Some("launch") && best_pattern().is_none() {
            let words: Vec<_> = sentence[te..b]
                .split_whitespace()
                .take(OBJECT_WORDS + 2)
                .map(word)
                .collect();
            let at = words
                .iter()
                .position(|w| matches!(w.as_ref(), "at" | "on" | "against" | "into" | "toward" | "towards"));
            let armed = at.is_some_and(|k| words[..k].iter().any(|w| weapon_word(w)));
            if armed {
                return Some(Sense {
                    kind: kind_of_cameo("194"),
                    plover: Plover::Assault,
                    cameo: Some("194"),
                    needs_object: false,
                    ..own
                });
            }
        }
        // A verb read by its pattern "(to)" alone, which the dictionary codes as an intent to
        // meet ("fly (to)", 036), right before a name goes there: the bare 040 of its verbs of
        // going, a visit ("flew to Rabat").
        let to_a_name = |p: &crate::petrarch::CompiledPattern| {
            p.pre_reversed.is_empty()
                && matches!(p.post.as_slice(), [e] if e.alternatives == [vec!["to".to_string()]])
                && p.code.as_deref().is_some_and(|c| c.starts_with("03"))
                && sentence[te..]
                    .strip_prefix(" to ")
                    .is_some_and(|r| r.starts_with(char::is_uppercase))
        };
        match best_pattern().or_else(passive) {
            Some(p) if to_a_name(p) => Some(Sense {
                kind: kind_of_cameo("040"),
                plover: Plover::Consult,
                cameo: Some("040"),
                ..pattern_sense(p).unwrap_or(own)
            }),
            Some(p) => pattern_sense(p),
            // A verb of many uses right before a name (its object: "welcomed China") reads as
            // its default code, as PETRARCH's would where no pattern matches.
            // So does a verb of praise, blame or refusal before what it is about ("welcomed the
            // vote", "opposed the plan"): what it says is of the thing named, whoever did it.
            // (In the passive, its object is the subject before it: "Niger was suspended by the
            // African Union".)
            // A verb that ends or cuts something reads as a reduction of relations before the
            // cooperation it ends ("halted all trade with Israel", "cancelled a railway
            // contract"), as a de-escalation before a deployment or exercise of entente's table
            // ("ended its deployment"): the verb's event, what it ends its object.
            None if trig.conditional => {
                let next = sentence[te..].split_whitespace().next().unwrap_or("");
                let mut code = trig.default_code?;
                let plover = crate::petrarch::plover_of_cameo(code)?;
                // (Or "from" whom it is done: "were expelled from Poland".)
                let passive = passive_with(sentence, (a, ts, te), &["by", "from"]);
                let says = matches!(plover, Plover::Support | Plover::Accuse | Plover::Reject);
                let object = noun_phrase(&sentence[te..b], OBJECT_WORDS);
                // (A party it is addressed to: "protested to Beijing".)
                let addressed = matches!(next, "to" | "against")
                    && sentence[te..b]
                        .split_whitespace()
                        .nth(1)
                        .is_some_and(|w| w.starts_with(char::is_uppercase));
                // (A name inside the object counts for what is done to its party: "expelled two
                // French journalists".)
                let named = next.starts_with(char::is_uppercase)
                    || addressed
                    || passive
                    || !says && object.split_whitespace().any(|w| w.starts_with(char::is_uppercase));
                let verbal = says && (determiner(&word(next)) || possessive(&word(next)));
                let ended = (plover == Plover::Sanction && !named)
                    .then(|| self.ended(object))
                    .flatten();
                if let Some(c) = ended {
                    code = c;
                } else if !named && !verbal {
                    return None;
                }
                // (A protest made to a party is a complaint to it, CAMEO 114, the PLOVER
                // manual's ACCUSE — not a demonstration.)
                if addressed && next == "to" && plover == Plover::Protest {
                    code = "114";
                }
                let plover = crate::petrarch::plover_of_cameo(code)?;
                Some(Sense {
                    kind: kind_of_cameo(code),
                    plover,
                    cameo: Some(code),
                    needs_object: named,
                    cue: if named {
                        own.cue
                    } else if ended.is_some() {
                        Cue::Ending
                    } else {
                        Cue::Fallback
                    },
                    ..own
                })
            }
            // (A verb with its block's code needs a party named after it, except a verb of
            // praise, blame or refusal before what it is about, as above: "criticised the
            // decision", "denounced the move".)
            None => {
                let next = word(sentence[te..].split_whitespace().next().unwrap_or(""));
                let says = own.cameo.is_some_and(|c| says_something(own.plover, c));
                Some(Sense {
                    needs_object: trig.block_code && !(says && determiner(&next)),
                    ..own
                })
            }
        }
    }

    /// Whether `phrase` names an agreement, contract, treaty or deal by a word of the table.
    fn names_agreement(&self, phrase: &str) -> bool {
        self.ac
            .find_iter(phrase)
            .filter(|m| bounded(phrase, m.start(), m.end()))
            .map(|m| &self.table[m.pattern().as_usize()])
            .any(|tr| {
                !tr.conditional
                    && matches!(
                        tr.sense.kind,
                        ClaimKind::Agreement
                            | ClaimKind::Treaty
                            | ClaimKind::FrameworkAgreement
                            | ClaimKind::ExecutiveContract
                            | ClaimKind::ArmsDeal
                    )
            })
    }

    /// What ending the things `phrase` names is: a reduction of relations where its last word of
    /// cooperation (agreement, cooperation, aid, consultation or support, read by the table as
    /// it stands) is one, a de-escalation where it is a deployment or exercise of entente's own
    /// table; `None` where it names no cooperation.
    fn ended(&self, phrase: &str) -> Option<&'static str> {
        let (i, tr) = self
            .ac
            .find_iter(phrase)
            .filter(|m| bounded(phrase, m.start(), m.end()))
            .map(|m| (m.pattern().as_usize(), &self.table[m.pattern().as_usize()]))
            .filter(|(_, tr)| {
                !tr.conditional
                    && matches!(
                        tr.sense.plover,
                        Plover::Agree | Plover::Cooperate | Plover::Aid | Plover::Consult | Plover::Support
                    )
            })
            .last()?;
        let military = i < self.builtin && matches!(tr.sense.kind, ClaimKind::Deployment | ClaimKind::Exercise);
        Some(if military { DE_ESCALATE } else { REDUCE_RELATIONS })
    }

    /// The most specific of the CAMEO dictionary's patterns for trigger `t`'s verb that matches
    /// the words around it: `before` and `after`, the clause's text before and after it.
    fn best_pattern(&self, t: usize, before: &str, after: &str) -> Option<&'static crate::petrarch::CompiledPattern> {
        let trig = &self.table[t];
        let bi = trig.block? as usize;
        let pats = crate::petrarch::shipped_verbs().1.get(bi).filter(|p| !p.is_empty())?;
        let before = words(before);
        let after = words(after);
        let before: Vec<&str> = before.iter().rev().map(|w| w.as_ref()).collect();
        let after: Vec<&str> = after.iter().map(|w| w.as_ref()).collect();
        let mut sorted: Vec<&str> = before.iter().chain(&after).copied().collect();
        sorted.sort_unstable();
        crate::petrarch::shipped_pattern_index()
            .candidates(bi, &sorted)
            .into_iter()
            .map(|i| &pats[i as usize])
            .filter(|p| p.matches_reversed(&before, &after, &sorted))
            .max_by_key(|p| (p.words, p.verb.as_deref() == trig.lemma))
    }

    /// What the CAMEO dictionary's patterns make of trigger `t` (one of entente's own words
    /// that is also a dictionary verb) there: the best matching pattern's reading, or `None`
    /// where no pattern matches or it says no event.
    pub fn dictionary_sense(
        &self,
        t: usize,
        sentence: &str,
        (a, b): (usize, usize),
        (ts, te): (usize, usize),
    ) -> Option<Sense> {
        if let Some(p) = self.best_pattern(t, &sentence[a..ts], &sentence[te..b]) {
            return pattern_sense(p);
        }
        self.receiving_people(t, sentence, (a, b), (ts, te))
    }

    /// Whether trigger `t` (a form of "receive") is receiving people there, a visit of theirs:
    /// `Some` with its sense.
    pub fn receiving_people(
        &self,
        t: usize,
        sentence: &str,
        (a, b): (usize, usize),
        (ts, te): (usize, usize),
    ) -> Option<Sense> {
        // Receiving people is hosting them, as the RECEIVE block's patterns code receiving an
        // envoy, a leader or ministers (043); so is receiving a state's other representatives
        // ("received the Somali president", "a delegation from Somalia").
        let trig = &self.table[t];
        if trig.lemma != Some("receive") {
            return None;
        }
        let object = noun_phrase(&sentence[te..b], OBJECT_WORDS);
        // (In the passive, whom the subject names: "Isaac Herzog was received by Aliyev", "the
        // delegation was received by the king" — people or a name, not goods.)
        let subject = &sentence[a..ts];
        let named = subject
            .split_whitespace()
            .filter(|w| w.starts_with(char::is_uppercase))
            .count()
            >= 2
            && !subject.contains(|c: char| c.is_ascii_digit())
            && !subject.split_whitespace().any(|w| weapon_word(&word(w)));
        let guests = passive_with(sentence, (a, ts, te), &["by"]) && (names_people(subject) || named);
        let people = names_people(object) || guests;
        people.then_some(Sense {
            kind: ClaimKind::Visit,
            plover: Plover::Consult,
            cameo: Some("043"),
            needs_object: false,
            ..trig.sense
        })
    }

    /// Whether trigger `t` is one of entente's own (not from the CAMEO dictionary).
    /// Whether trigger `t` is one of entente's own words as its table writes them (not a form
    /// derived from one: "ship" from "shipped" gives way to a name, "cargo ship", as the
    /// dictionary's verbs do).
    pub fn is_own(&self, t: usize) -> bool {
        t < self.builtin && !self.table[t].derived
    }

    /// Whole-word trigger matches: (start, end, trigger index).
    pub fn find(&self, text: &str) -> Vec<(usize, usize, usize)> {
        let mut found: Vec<(usize, usize, usize)> = self
            .ac
            .find_iter(text)
            .filter(|m| bounded(text, m.start(), m.end()))
            // (A derived form is no word inside a compound: "President-elect".)
            .filter(|m| {
                !self.table[m.pattern().as_usize()].derived
                    || !(text[..m.start()].ends_with('-') || text[m.end()..].starts_with('-'))
            })
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
            .collect();
        // Being "in" somewhere is a trigger before a name only ("was in New Delhi"); elsewhere
        // its "in" may start another ("is in service").
        let mut instead = Vec::new();
        found.retain(|&(_, e, t)| {
            let being = self.table[t].sense.kind == ClaimKind::Visit && self.table[t].phrase.ends_with(" in");
            if !being || text[e..].trim_start().starts_with(char::is_uppercase) {
                return true;
            }
            let k = e - 2;
            if let Some(m) = self
                .ac
                .find(&text[k..])
                .filter(|m| m.start() == 0 && bounded(text, k, k + m.end()))
            {
                instead.push((k, k + m.end(), m.pattern().as_usize()));
            }
            false
        });
        found.extend(instead);
        // A phrasal verb with its object between verb and particle is that verb, read at the
        // verb ("pulled its forces out of Afghanistan" is "pulled out"); so is a status noun
        // a few words before its "since".
        self.phrasal.find(text, &mut found);
        self.since.find(text, &mut found);
        found.sort_unstable();
        found
    }
}

impl Default for Triggers {
    fn default() -> Self {
        Triggers::new()
    }
}
