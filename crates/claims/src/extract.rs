//! Sentences → event claims.
//!
//! Each sentence is cut into clauses; in each clause the most specific trigger names the event,
//! actor names before it are the actors and after it the recipients (an agency, company or person
//! standing for its state), the nearest date expression dates it, cue words set the modality, and
//! numbers next to weapon designations give quantities. A clause with no actor of its own takes
//! the subject of the clause or sentence before it ("It covers…", "The agency joins…").

use crate::dates::{find_dates, DateContext, DateMention};
use crate::lexicon::{ActorEntry, ActorMention, ClaimKind, Cue, Lexicon, Sense, Triggers};
use crate::text::Article;
use entente_kb::KnowledgeBase;
use entente_model::{ActorKind, PartialDate, Plover};
use regex::Regex;
use serde::Serialize;
use std::sync::OnceLock;

/// An actor as a claim names it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ClaimActor {
    /// entente id.
    pub id: String,
    /// ISO3 for a state, the usual short name for an organisation.
    pub code: String,
    pub name: String,
    /// The words in the text.
    pub text: String,
}

/// How the text holds a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    Asserted,
    Negated,
    Hedged,
    Future,
}

impl Modality {
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Negated => "negated",
            Modality::Hedged => "hedged",
            Modality::Future => "future",
        }
    }
}

/// One extracted claim.
#[derive(Clone, Debug, Serialize)]
pub struct Claim {
    /// Index of the sentence in the article (0-based).
    pub sentence: usize,
    /// Byte offsets of the quote in the input.
    pub start: usize,
    pub end: usize,
    pub quote: String,
    pub actors: Vec<ClaimActor>,
    pub recipients: Vec<ClaimActor>,
    /// PLOVER type.
    #[serde(rename = "type")]
    pub plover: Plover,
    /// The finer kind of event (PLOVER mode in entente's vocabulary).
    pub mode: ClaimKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cameo: Option<&'static str>,
    pub date: Option<PartialDate>,
    pub date_end: Option<PartialDate>,
    pub modality: Modality,
    pub confidence: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quantity: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub system: Option<String>,
    /// Offsets of the quote in the analysed text (for HTML input, differs from `start`/`end`).
    #[serde(skip)]
    pub text_span: (usize, usize),
}

/// A claim with the article it came from: one row of `entente extract --format json` and of
/// `POST /api/extract`.
#[derive(Clone, Debug, Serialize)]
pub struct ArticleClaim<'a> {
    pub article: &'a str,
    #[serde(flatten)]
    pub claim: &'a Claim,
}

/// The extractor: dictionaries built once from the knowledge base.
pub struct Extractor<'kb> {
    kb: &'kb KnowledgeBase,
    lexicon: Lexicon,
    triggers: &'static Triggers,
    /// Work done so far (see [`Extractor::work`]).
    work: std::sync::atomic::AtomicU64,
}

/// The longest stretch of text analysed as one sentence, in bytes. Real sentences are far
/// shorter (the corpus's longest is under 600 bytes); a longer "sentence" (a run of names with no
/// punctuation, a dump of a table) is analysed in windows of this size cut at spaces, so that the
/// work per window is bounded and extraction time is linear in the input, whatever its shape.
pub const MAX_WINDOW: usize = 2048;

/// The windows of a sentence `[s0, s1)` of `text`: itself when short, else pieces of at most
/// [`MAX_WINDOW`] bytes cut at the last space (or character boundary) before the limit.
pub fn windows(text: &str, s0: usize, s1: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = s0;
    while s1 - start > MAX_WINDOW {
        let mut cut = start + MAX_WINDOW;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let piece = &text[start..cut];
        let at = piece
            .rfind(' ')
            .filter(|k| *k > MAX_WINDOW / 2)
            .map_or(cut, |k| start + k + 1);
        out.push((start, at));
        start = at;
    }
    if s1 > start {
        out.push((start, s1));
    }
    out
}

/// Whether a sentence reads as prose rather than binary data, markup debris or a bare list: at
/// least three words, mostly letters and spaces, most words alphabetic and of a word's length,
/// one in lower case (a verb or a function word), and end punctuation (a heading or a fragment
/// such as "When it comes to summits, in recent years" states nothing).
/// `whole` is false for a window cut out of a longer sentence, which need not end a sentence.
pub fn reads_as_prose(sentence: &str, whole: bool) -> bool {
    let s = sentence.trim();
    let ends = !whole
        || s.trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')'])
            .ends_with(['.', '!', '?']);
    if !ends {
        return false;
    }
    let plain_ascii = |b: u8| b.is_ascii_alphanumeric() || (b as char).is_whitespace() || b",.;:'\"()-%/".contains(&b);
    let (mut total, mut plain) = (0usize, 0usize);
    if s.is_ascii() {
        // (Most text is ASCII: read byte by byte.)
        total = s.len();
        plain = s.bytes().filter(|&b| plain_ascii(b)).count();
    } else {
        for c in s.chars() {
            total += 1;
            let ok = if c.is_ascii() {
                plain_ascii(c as u8)
            } else {
                c.is_alphabetic() || c.is_whitespace() || matches!(c, '–' | '—' | '’' | '“' | '”')
            };
            plain += usize::from(ok);
        }
    }
    let (mut words, mut wordlike, mut lower) = (0usize, 0usize, false);
    for w in s.split_whitespace() {
        words += 1;
        lower |= w.len() >= 2 && w.bytes().all(|b| b.is_ascii_lowercase());
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let like = !w.is_empty()
            && if w.is_ascii() {
                w.len() <= 24 && w.bytes().all(|b| b.is_ascii_alphanumeric() || b"-'.".contains(&b))
            } else {
                w.chars().count() <= 24
                    && w.chars()
                        .all(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’' | '.'))
            };
        wordlike += usize::from(like);
    }
    words >= 3 && plain * 100 >= total * 90 && wordlike * 100 >= words * 80 && lower
}

struct Cues {
    clause_break: Regex,
    causative: Regex,
    /// An option a deal holds: "with an option for a fourth", "includes an option for 24 more".
    option: Regex,
    /// An attribution closing the sentence, from its last comma: ", a UN official said.", ", the
    /// Kremlin confirmed on Wednesday.", ", according to Reuters."
    attribution: Regex,
    /// A non-restrictive relative clause opening after a comma (", which", ", who", ", the first
    /// of which").
    relative: Regex,
    described_body: Regex,
    /// A word that opens a subordinate clause with its own subject ("since", "after", "when").
    subordinator: Regex,
    /// A group named before, referred to by its size ("the two sides", "both countries", "the
    /// three leaders"; group 1 the size).
    both_sides: Regex,
    /// A plural subject that names no one, opening a clause: "they", "the leaders".
    plural_subject: Regex,
    /// A definite reference to a signing ("the signing", "the ceremony") or a meeting told before.
    event_reference: Regex,
    /// An irregular past participle ("led", "sent", "held", and those that are no past tense:
    /// "flown", "shown", "begun"): with "by" after it, a passive. (Not the irregular forms that
    /// are also past tenses and take "by" for a measure: "cut spending by 5 per cent".)
    participle: Regex,
    /// "and" before an auxiliary: a second predicate of the subject ("and has imposed").
    second_predicate: Regex,
    /// A word opening an adverbial clause of time, cause or concession ("after", "because").
    adverbial: Regex,
    /// A verb saying what a deal holds ("covers", "includes").
    contents: Regex,
    /// A document as subject of a verb of what it provides ("The agreement commits each
    /// country to …", "It allows Chinese ships to …"): what follows is its content, no event.
    provision: Regex,
    negation: Regex,
    /// A state told by the form of its government: "the kingdom", "the emirate".
    government: Regex,
    /// A visit told by a noun after its visitor's possessive, with up to two words before it:
    /// "'s visit to ", "'s first official trip to ".
    nominal_visit: Regex,
    /// "a visit by …", "a visit to … by …": a visit told by a noun with its visitor after it.
    visit_by: Regex,
    visit_of: Regex,
    /// "no" before a noun phrase ("no agreement", "no Korean weapon") negates, except in the
    /// idioms of `no_idiom` ("no doubt", "no later than", "no more than").
    no_determiner: Regex,
    no_idiom: Regex,
    hedge: Regex,
    future: Regex,
    /// A verb of saying (`lexicon::SAYING`).
    saying: Regex,
    quantity: Regex,
}

impl Cues {
    /// Whether a lower-case word is a verb's past form: regular ("-ed") or an irregular
    /// participle ("led", "sent", "held").
    fn past_form(&self, w: &str) -> bool {
        w.ends_with("ed") || self.participle.is_match(w)
    }
}

/// Plural nouns for the parties to an event, in a pattern: "sides", "countries", "leaders" …
const PARTIES: &str = "sides|countries|nations|governments|leaders|states|allies|partners|parties|militaries|capitals|delegations|(?:prime |foreign |defen[cs]e )?ministers|presidents|heads of (?:state|government)|navies|armies|neighbou?rs|rivals|powers|air forces";

fn cues() -> &'static Cues {
    static C: OnceLock<Cues> = OnceLock::new();
    C.get_or_init(|| {
        // ASCII mode keeps the fast DFA engine (cue words are English; dashes are literal bytes).
        let re = |s: &str| Regex::new(&format!("(?-u){s}")).unwrap_or_else(|e| panic!("cue pattern {s}: {e}"));
        Cues {
            // (A verb of saying; "told" with whom it told.)
            attribution: re(&format!(
                r#"(?i)^,\s+(?:according\s+to\s+(?u:[^,;])+|(?:(?u:[^,;])+?\s)?(?:{})(?:\s+(?:late\s+|early\s+)?(?:on|in)\s+[A-Za-z]+(?:\s+[0-9A-Za-z]+)?)?)\s*[.!?]?(?u:["'\x{{201d}}\x{{2019}})])*\s*$"#,
                crate::lexicon::SAYING
                    .iter()
                    .map(|v| if *v == "told" { r"told\s+[a-z]+" } else { v })
                    .collect::<Vec<_>>()
                    .join("|")
            )),
            clause_break: re(r"(?i);|:\s|\s(?:—|–)\s|,\s+(?:(?:under|by|in|through|with) which|(?:the )?\w+ of (?:which|whom)|which|whose|while|whereas|but|and|after|before|when|although|as)\b|\s(?:but|whereas)\s|,\s+(?:then|followed by)\b"),
            causative: re(r"\b(?:prompt(?:s|ed|ing)|leads|led|leading|spur(?:s|red|ring)|push(?:es|ed|ing)|drove|drives|driving|persuad(?:es|ed|ing)|convinc(?:es|ed|ing)|caus(?:es|ed|ing)) (?:(?:the|both) )?"),
            option: re(r"(?i)\b(?:with|includes?|including|and|plus)\s+(?:an?|the)\s+(?:further\s+)?options?\s+(?:for|to buy|to order|to acquire|on)\b(?u:[^,;.])*"),
            described_body: re(r"\b[Tt]he (?:[A-Z][A-Za-z]+-led |military |security |defen[cs]e |western |regional |political |economic )?(alliance|bloc|organi[sz]ation|grouping|Union)\b"),
            relative: re(r"(?i),\s+(?:(?:under|by|in|through|with|to|for|from|on|at|against|into|over|during) which|(?:(?:the )?\w+ of) (?:which|whom)|which|who|whose|where)\b"),
            nominal_visit: re(r"(?:'s|\x{2019}s) (?:[a-z-]+ ){0,2}(?:visit|trip) to "),
            visit_by: re(r"\b(?:a|an|the|his|her|their) (?:[a-z-]+ ){0,2}(?:visit|trip)(?: to (?:the )?)?"),
            visit_of: re(r"\b(?:a|an|the) (?:[a-z-]+ ){0,2}(?:visit|trip) of "),
            government: re(r"(?i)\bthe (?:kingdom|emirates?|sultanate|principality|grand duchy|federation|islamic republic|republic)\b"),
            both_sides: re(&format!(r"(?i)\b(?:(the two|both|the three|all three|the four|all four|the five|all five)\s+(?:{PARTIES})\b|(the two|the three|the four|the five)\s+(?:also|met|agreed|signed|held|have|had|are|were|will|would)\b)")),
            plural_subject: re(&format!(r"(?i)^(?:(?:and|but|then) )?(?:they|the (?:two |three |four )?(?:{PARTIES}))\b")),
            participle: re(r"^(?:led|sent|held|made|built|sold|bought|paid|won|hit|struck|shot|met|sat|brought|caught|fought|kept|left|lost|put|run|seen|set|told|thought|understood|withdrawn|chosen|driven|given|taken|written|done|beaten|overrun|hosted|flown|shown|known|grown|thrown|drawn|sworn|torn|borne|begun|sunk|overseen|undertaken|forbidden)$"),
            second_predicate: re(r"(?i)\s(?:and|but)\s+(?:has|have|had|will|would|was|were|is|are|later|then|also)\s"),
            adverbial: re(r"(?i)\b(?:after|before|since|when|whenever|because|while|until|once|although|though)\b"),
            contents: re(r"(?i)\b(?:covers?|covered|includes?|included|comprises?|comprised|envisages?|envisaged|provides? for|provided for|consists? of)\b"),
            provision: re(r"(?i)^\s*(?:(?:the|this|that|its|their)\s+(?:[\w-]+\s+){0,3}(?:agreement|treaty|pact|text|deal|accord|document|declaration|charter|protocol|convention|law|statute|clause)|it|article\s+\d+)\s+(?:also\s+|further\s+)?(?:commits|obliges|obligates|allows|lets|permits|requires|gives|provides|sets out|enables|binds|bars|forbids|prohibits)\b"),
            event_reference: re(r"(?i)\bthe\s+(?:signing ceremony|signing|ceremony|summit|meeting|talks|session)\b"),
            subordinator: re(r"(?i)\b(?:that|since|after|before|when|whenever|while|because|until|although|though|whereas|once|unless|says|said|say|told|tells|confirmed|confirms|reported|reports|announced|announces|believes|believe|warned|warns|insisted|insists)\b"),
            negation: re(r"(?i)\b(?:not|never|no longer|neither|nor|without)\b|n't\b"),
            no_determiner: re(r"(?i)\bno\s+[a-z]"),
            no_idiom: re(r"(?i)\bno\s+(?:doubt|later|more|less|sooner|matter|wonder|longer)\b"),
            hedge: re(r"(?i)\b(?:may|might|could|reportedly|possibly|probably|likely|would|allegedly|if|whether|suggest|suggests|according to|is said to|are said to|claims?)\b"),
            saying: re(&format!(r"(?i)(?-u:\b)(?:{})(?-u:\b)", crate::lexicon::SAYING.join("|"))),
            future: re(r"(?i)\b(?:will|would|shall|is expected to|are expected to|expected to|is due to|are due to|due to|plans? to|planned to|is set to|are set to|set to|is to|are to|intends? to|(?:offer|propose|pledge|promise|vow)(?:s|d|ed)? to|upcoming|next year|next month|is scheduled|are scheduled|(?:begins|starts|opens|resumes|convenes|takes place)\s+(?:on|next|this))\b"),
            quantity: re(r"\b(\d{1,3}(?:,\d{3})+|\d+)\b|\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred|a thousand)\b"),
        }
    })
}

/// Whether the word at `s` is a participle with its agent after a noun, a reduced relative clause
/// about the noun: "a deal approved by parliament" (not "was approved by", "has approved").
fn reduced_relative(sentence: &str, s: usize) -> bool {
    let word = sentence[s..].split(' ').next().unwrap_or("");
    let prev = sentence[..s].split_whitespace().next_back().unwrap_or("");
    sentence[s + word.len()..].starts_with(" by ")
        && cues().past_form(&word.to_ascii_lowercase())
        && prev.len() > 2
        && prev.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
        && !crate::lexicon::be_form(prev)
        && !crate::lexicon::before_a_verb(prev)
        && !["has", "have", "had"].contains(&prev)
}

/// An adverbial clause opened by "after" or "before" with a distance before it ("on Friday, three
/// days after Russia closed the consulate") is dated that far from the main clause's date (three
/// days before Friday), when it has no date of its own; where the sentence tells no date before
/// it, from the last date told before the sentence, `anchor` ("The United States imposed
/// sanctions on Monday. The measures came four days after the EU adopted a package"). `opens`
/// are where the sentence's such clauses open; `claims` are the sentence's, at `offset`.
fn counted_back(
    sentence: &str,
    offset: usize,
    opens: &[usize],
    dates: &[DateMention],
    anchor: Option<PartialDate>,
    claims: &mut [Claim],
) {
    for k in 0..claims.len() {
        let at = claims[k].text_span.0.saturating_sub(offset);
        if claims[k].date.is_some() || !opens.contains(&at) {
            continue;
        }
        let sign = if sentence[at..].starts_with("after ") {
            -1
        } else if sentence[at..].starts_with("before ") {
            1
        } else {
            continue;
        };
        let Some((n, unit)) = crate::dates::distance_before(sentence, at) else {
            continue;
        };
        // (The main clause's date: the claim before this one in the sentence, else the date
        // the sentence gives before the distance, where the main clause tells no event: "The
        // flag was raised on Monday, four days after Sweden joined NATO".)
        let main = claims[..k]
            .iter()
            .rev()
            .find_map(|c| c.date.filter(|_| c.text_span.0 < claims[k].text_span.0))
            .or_else(|| dates.iter().rev().find(|d| d.end <= at).map(|d| d.date))
            .or(anchor);
        // ("Six years to the day after" a day is that day six years before.)
        let to_the_day = sentence[..at].trim_end().ends_with(" to the day") && unit.starts_with("year");
        let shifted = |d| {
            if to_the_day {
                crate::dates::same_day_years_shifted(d, sign * n)
            } else {
                crate::dates::shifted(d, sign * n, unit)
            }
        };
        if let Some(date) = main.and_then(shifted) {
            claims[k].date = Some(date);
        }
    }
}

/// In a clause `[a, b)` of `sentence` that says what a thing told before is — "It is", "This
/// was" (with "also" or "now" between) and a noun phrase with its article or possessive —, that
/// noun phrase (as [`crate::lexicon::noun_phrase`] reads it, seven words at most: "It is **the
/// fourth major Korean arms contract** with Poland").
///
/// So is a clause after a comma that says which time of its kind the event before was: "…
/// handed the corvette to Vietnam, **the first time New Delhi has given a warship to a
/// friend**" (the whole clause).
fn described_again(sentence: &str, a: usize, b: usize) -> Option<(usize, usize)> {
    let clause = &sentence[a..b];
    let after_comma = clause.trim_start().strip_prefix(',');
    // (", and the first time …" too.)
    let mut first = after_comma
        .unwrap_or("")
        .split_whitespace()
        .map(str::to_ascii_lowercase)
        .skip_while(|w| w == "and");
    let which_time = after_comma.is_some()
        && first.next().is_some_and(|w| w == "the")
        && first.next().is_some_and(|w| {
            matches!(
                w.as_str(),
                "first" | "second" | "third" | "fourth" | "fifth" | "only" | "last"
            )
        })
        && first.next().is_some_and(|w| w == "time");
    if which_time {
        return Some((a, b));
    }
    // (Most clauses open otherwise: their first two letters tell.)
    let t = clause.trim_start_matches(|c: char| !c.is_alphanumeric()).as_bytes();
    if !(t.len() > 6 && (t[..2].eq_ignore_ascii_case(b"it") || t[..2].eq_ignore_ascii_case(b"th"))) {
        return None;
    }
    let mut words = word_spans(clause).filter(|(_, w)| !matches!(*w, "also" | "now"));
    let (_, subject) = words.next()?;
    let (_, copula) = words.next()?;
    let (k, det) = words.next()?;
    let is = |w: &str, of: &[&str]| of.iter().any(|o| w.eq_ignore_ascii_case(o));
    let opens = is(subject, &["it", "this"])
        && is(copula, &["is", "was"])
        && (crate::lexicon::determiner(&det.to_ascii_lowercase()) || det.ends_with("'s") || det == "one");
    if !opens {
        return None;
    }
    let from = a + k;
    Some((from, from + crate::lexicon::noun_phrase(&sentence[from..b], 7).len()))
}

/// "His country", "her country" after another party is the state of the officeholder named
/// before it in the sentence ("Belarusian President Alexander Lukashenko said Russia would
/// station missiles on his country's territory"): a mention of that state is added. (Not where
/// no other party stands between them: in "Albanese called it the largest investment in his
/// country's defence" it is no party of its own.)
fn officeholders_country(sentence: &str, mentions: &mut Vec<ActorMention>) {
    let countries: Vec<(usize, usize)> = sentence
        .match_indices(" country")
        .filter_map(|(i, _)| {
            let k = i.checked_sub(3)?;
            (matches!(sentence.get(k..i), Some("his" | "her")) && crate::lexicon::bounded(sentence, k, i + 8))
                .then_some((k, i + 8))
        })
        .collect();
    for (k, end) in countries {
        let Some(holder) = mentions.iter().rev().find(|m| {
            m.end <= k && m.entry.agent.is_none() && (m.entry.role.is_some() || m.entry.kind == ActorKind::Person)
        }) else {
            continue;
        };
        let another = mentions.iter().any(|m| {
            m.start >= holder.end && m.end <= k && m.entry.agent.is_none() && m.entry.acts_for != holder.entry.acts_for
        });
        if !another {
            continue;
        }
        let mut entry = holder.entry.clone();
        entry.id = entry.acts_for.clone();
        entry.kind = ActorKind::State;
        entry.role = None;
        entry.capitalised = false;
        mentions.push(ActorMention { start: k, end, entry });
        mentions.sort_by_key(|m| m.start);
    }
}

/// An option a deal holds ("with an option for a fourth", "includes an option for 24 more
/// guns", "with an option to buy up to two more") is a deal of its own, not yet made: the
/// sentence's last arms deal before it again, for the count the option names, undated and
/// hedged. The sentence's claims, at `offset`, are those of `claims` from `first`.
fn options(article: &Article, sentence: &str, offset: usize, claims: &mut Vec<Claim>, first: usize) {
    if !sentence.contains("option") {
        return;
    }
    let c = cues();
    let Some(m) = c.option.find(sentence) else {
        return;
    };
    let Some(deal) = claims[first..]
        .iter()
        .rev()
        .find(|x| {
            matches!(
                x.mode,
                ClaimKind::ArmsDeal | ClaimKind::ExecutiveContract | ClaimKind::FrameworkAgreement
            ) && !x.actors.is_empty()
                && !x.recipients.is_empty()
                && x.text_span.0 < offset + m.start()
        })
        .cloned()
    else {
        return;
    };
    let phrase = m.as_str().trim_end();
    // (The count: "24 more", "up to two more"; "a fourth" is one.)
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let quantity = c
        .quantity
        .captures(phrase)
        .and_then(|q| count_of(&q))
        .or_else(|| match words[..] {
            [.., "a" | "an", last] if crate::lexicon::ORDINALS.contains(&last) => Some(1),
            _ => None,
        });
    let (qs, qe) = (offset + m.start(), offset + m.start() + phrase.len());
    claims.push(Claim {
        start: article.input_offset(qs),
        end: article.input_offset(qe),
        quote: phrase.to_string(),
        date: None,
        date_end: None,
        modality: Modality::Hedged,
        quantity,
        text_span: (qs, qe),
        ..deal
    });
}

/// "Respectively" pairs a list with a list: "Finland and Sweden joined NATO in April 2023 and
/// March 2024 respectively" is Finland's accession in April 2023 and Sweden's in March 2024. A
/// claim whose quote holds the word and as many dates as actors (else as recipients) becomes one
/// claim per actor (recipient), each with its date. The sentence's claims, at `offset`, are
/// those of `claims` from `first`; `deal`, an index into `claims`, follows its claim.
fn respectively(
    sentence: &str,
    offset: usize,
    dates: &[DateMention],
    (claims, first): (&mut Vec<Claim>, usize),
    deal: &mut Option<usize>,
) {
    let mut k = first;
    while k < claims.len() {
        let c = &claims[k];
        let (qs, qe) = (
            c.text_span.0.saturating_sub(offset),
            c.text_span.1.saturating_sub(offset),
        );
        let said = sentence.get(qs..qe).is_some_and(|q| {
            q.match_indices("respectively")
                .any(|(i, w)| crate::lexicon::bounded(q, i, i + w.len()))
        });
        let here: Vec<&DateMention> = dates.iter().filter(|d| d.start >= qs && d.end <= qe).collect();
        let n = here.len();
        let of_actors = c.actors.len() == n;
        if !said || n < 2 || !(of_actors || c.recipients.len() == n) {
            k += 1;
            continue;
        }
        let one = claims.remove(k);
        for (i, d) in here.iter().enumerate() {
            let mut each = one.clone();
            if of_actors {
                each.actors = vec![one.actors[i].clone()];
            } else {
                each.recipients = vec![one.recipients[i].clone()];
            }
            each.date = Some(d.date);
            each.date_end = d.end_date;
            claims.insert(k + i, each);
        }
        if let Some(j) = deal.as_mut().filter(|j| **j >= k) {
            *j += n - 1;
        }
        k += n;
    }
}

/// The number a match of the quantity cue holds: its digits ("1,500") or its word ("twelve").
fn count_of(q: &regex::Captures<'_>) -> Option<u64> {
    q.get(1)
        .and_then(|d| d.as_str().replace(',', "").parse::<u64>().ok())
        .or_else(|| q.get(2).and_then(|w| word_number(w.as_str())))
}

fn word_number(w: &str) -> Option<u64> {
    Some(match w.to_ascii_lowercase().as_str() {
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "a hundred" => 100,
        "a thousand" => 1000,
        _ => return None,
    })
}

/// Whether the words after a number make it a count of things ("48 new aircraft", "212
/// howitzers", "32 members"), by a general rule rather than a list of the corpus's nouns: the first
/// lower-case word within three that is a measure (time, money, share, distance, weight) makes it
/// no count; one that is a plural noun (ends in -s, not a function word) or an invariant plural
/// ("aircraft", "personnel") makes it a count.
fn counts_things(next_words: &[&str]) -> bool {
    const MEASURES: &[&str] = &[
        "year",
        "years",
        "month",
        "months",
        "week",
        "weeks",
        "day",
        "days",
        "hour",
        "hours",
        "minutes",
        "seconds",
        "decades",
        "centuries",
        "generations",
        "percent",
        "per",
        "billion",
        "million",
        "trillion",
        "thousand",
        "dollars",
        "euros",
        "won",
        "zloty",
        "pounds",
        "km",
        "kilometres",
        "kilometers",
        "miles",
        "metres",
        "meters",
        "mm",
        "tonnes",
        "tons",
        "times",
        "o'clock",
    ];
    const NOT_NOUNS: &[&str] = &[
        "is", "was", "has", "its", "this", "his", "as", "us", "thus", "plus", "yes", "less", "across", "unless",
        "whereas", "perhaps", "always", "towards", "besides",
    ];
    const INVARIANT: &[&str] = &[
        "aircraft",
        "personnel",
        "people",
        "staff",
        "crew",
        "artillery",
        "helicopters",
    ];
    for w in next_words.iter().take(3) {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
        if w.is_empty() || !w.chars().all(|c| c.is_ascii_lowercase() || c == '-' || c == '\'') {
            continue;
        }
        if MEASURES.contains(&w) {
            return false;
        }
        if INVARIANT.contains(&w) || (w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !NOT_NOUNS.contains(&w))
        {
            return true;
        }
    }
    false
}

impl<'kb> Extractor<'kb> {
    pub fn new(kb: &'kb KnowledgeBase) -> Extractor<'kb> {
        Extractor {
            kb,
            lexicon: Lexicon::new(kb),
            triggers: Triggers::shared(),
            work: std::sync::atomic::AtomicU64::new(0),
        }
    }

    /// An extractor that also knows the actors and agents of further dictionaries (see
    /// [`Lexicon::with_dictionaries`]).
    pub fn with_dictionaries(kb: &'kb KnowledgeBase, extra: &'static crate::phoenix::Dictionaries) -> Extractor<'kb> {
        Extractor {
            lexicon: Lexicon::with_dictionaries(kb, extra),
            ..Extractor::new(kb)
        }
    }

    /// Whether the knowledge base records `id` as a body one joins or meets in: an alliance, an
    /// intergovernmental organisation, a grouping.
    fn is_body(&self, id: &str) -> bool {
        self.kb
            .actor(id)
            .is_some_and(|a| matches!(a.kind, ActorKind::Alliance | ActorKind::Igo | ActorKind::Grouping))
    }

    /// Whether the knowledge base records `id` as a state or a person.
    fn is_state_or_person(&self, id: &str) -> bool {
        self.kb
            .actor(id)
            .is_some_and(|a| matches!(a.kind, ActorKind::State | ActorKind::Person))
    }

    fn actor(&self, id: &str, text: &str) -> ClaimActor {
        let (code, name) = match self.kb.actor(id) {
            Some(a) => (a.code().to_string(), a.display_name().to_string()),
            // An organisation only the dictionaries know, or a generic agent named by its words.
            None => (
                id.to_string(),
                Lexicon::display_name(id).map(str::to_string).unwrap_or_else(|| {
                    if text.is_empty() {
                        id.to_string()
                    } else {
                        text.to_lowercase()
                    }
                }),
            ),
        };
        ClaimActor {
            id: id.to_string(),
            code,
            name,
            text: text.to_string(),
        }
    }

    /// Every claim in an article, in order.
    pub fn extract(&self, article: &Article) -> Vec<Claim> {
        let mut out = Vec::new();
        let mut ctx = DateContext {
            published: article.date,
            anchor: None,
            future: Some(speaks_of_the_future),
        };
        let mut memory = Memory::default();
        // The title names what the text is about ("A first defence pact for India and Sri
        // Lanka"): the actors it names count as named once before the body.
        if let Some(title) = &article.title {
            let day = article.date.map(|d| d.earliest());
            let span = article.date.map(|d| (d.earliest(), d.latest()));
            for m in self.lexicon.actors(title, day, span) {
                if m.entry.agent.is_none() && !in_a_water_name(title, m.start, m.end) {
                    memory.named(&m.entry.acts_for);
                }
            }
        }
        // A sentence said again (a repeated headline, a pull quote) is one statement.
        let mut seen: crate::Set<&str> = Default::default();
        for (index, &(s0, s1)) in article.sentences().iter().enumerate() {
            for (w0, w1) in windows(&article.text, s0, s1) {
                let sentence = &article.text[w0..w1];
                if !reads_as_prose(sentence, w1 == s1) || !seen.insert(sentence.trim()) {
                    continue;
                }
                self.sentence(article, index, w0, sentence, &mut ctx, &mut memory, &mut out);
            }
        }
        report_types(&mut out);
        out
    }

    /// A measure of the work done by this extractor so far: for each window analysed, its length
    /// times one plus the names, triggers and commas found in it (what the clause and role loops
    /// walk over). It grows linearly with the input when windows are capped, and would grow with
    /// the square of a long sentence's length if they were not.
    pub fn work(&self) -> u64 {
        self.work.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Claims in one sentence of plain text with no article context (for benchmarks and tests).
    pub fn extract_sentence(&self, sentence: &str, published: Option<PartialDate>) -> Vec<Claim> {
        let article = Article::from_bytes("-", sentence.as_bytes());
        let mut ctx = DateContext {
            published,
            anchor: None,
            future: Some(speaks_of_the_future),
        };
        let mut out = Vec::new();
        let mut memory = Memory::default();
        self.sentence(&article, 0, 0, sentence, &mut ctx, &mut memory, &mut out);
        report_types(&mut out);
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn sentence<'t>(
        &self,
        article: &'t Article,
        index: usize,
        offset: usize,
        sentence: &str,
        ctx: &mut DateContext,
        memory: &mut Memory<'t>,
        out: &mut Vec<Claim>,
    ) {
        let c = cues();
        let first_here = out.len();
        // Date mentions, resolved with the article's date and the running anchor.
        let dates = find_dates(sentence, ctx);
        // Officeholders count for their state at the time the sentence speaks of: a Phoenix
        // officeholder on its first date, or the text's; a person whose offices the knowledge
        // base records at some time from its earliest date to its latest, a date after the
        // text's (a plan, a target: "by 2035") read as the text's own, when those named speak.
        let day = dates
            .first()
            .map(|d| d.date.earliest())
            .or(ctx.published.map(|p| p.earliest()));
        let published = ctx.published.map(|p| (p.earliest(), p.latest()));
        let dated = dates
            .iter()
            .map(|d| d.date.earliest())
            .min()
            .zip(dates.iter().map(|d| d.date.latest()).max());
        let span = match (dated, published) {
            (Some((a, _)), Some(p)) if a > p.1 => Some(p),
            (Some((a, b)), Some(p)) => Some((a, b.min(p.1))),
            (d, p) => d.or(p),
        };
        let mut found = self.lexicon.actors(sentence, day, span);
        // A name inside the name of a sea or strait is no party: "the Sea of Japan", "the Gulf
        // of Aden", "the South China Sea", "the Taiwan Strait".
        found.retain(|m| !in_a_water_name(sentence, m.start, m.end));
        // A word of a state's form of government is no generic agent of its own: "Islamic" in
        // "the Islamic Republic" is the state (see [`Extractor::described_state`]).
        for g in c.government.find_iter(sentence) {
            found.retain(|m| m.entry.agent.is_none() || m.end <= g.start() || m.start >= g.end());
        }
        // An organisation told by its kind ("the alliance", "the bloc", "the Moscow-led
        // organisation") is the one named last, here or before: an alliance for "alliance".
        for k in c.described_body.captures_iter(sentence) {
            let (Some(whole), Some(noun)) = (k.get(0), k.get(1)) else {
                continue;
            };
            // (Not its possessive, which names what it has, "the alliance's charter", unless
            // that is a member: "the alliance's 32nd member".)
            let owned = possessive_next(&sentence[whole.end()..])
                && !sentence[whole.end()..]
                    .split_whitespace()
                    .take(3)
                    .any(|w| w.trim_end_matches([',', '.']).starts_with("member"));
            // (A name in its "-led" is its leader, not a party of its own: "the Moscow-led
            // bloc" is the bloc.)
            let led = whole.as_str().contains("-led ");
            let inside = |f: &ActorMention| f.start < whole.end() && whole.start() < f.end;
            if found
                .iter()
                .any(|f| inside(f) && !(led && f.start >= whole.start() && f.end <= whole.end()))
                || owned
            {
                continue;
            }
            let alliance = noun.as_str() == "alliance";
            // ("The Union" is the union named last: the European or the African one.)
            let union = noun.as_str() == "Union";
            let fits = |e: &ActorEntry| {
                body_kind(e.kind).is_some_and(|a| a || !alliance)
                    && (!union || self.kb.actor(&e.id).is_some_and(|x| x.name.contains("Union")))
            };
            let before = found
                .iter()
                .rev()
                .find(|f| f.end <= whole.start() && f.entry.agent.is_none() && fits(&f.entry))
                .map(|f| f.entry.clone());
            let remembered = || {
                if alliance {
                    memory.last_bodies.0.clone()
                } else {
                    memory.last_bodies.1.clone()
                }
            };
            if let Some(entry) = before.or_else(|| remembered().filter(|e| fits(e))) {
                // (Its leader is still named: the text is about it as much as before.)
                for f in found.iter().filter(|f| inside(f)) {
                    memory.named(&f.entry.acts_for);
                }
                found.retain(|f| !inside(f));
                let at = found.partition_point(|f| f.start < whole.start());
                found.insert(
                    at,
                    ActorMention {
                        start: whole.start(),
                        end: whole.end(),
                        entry,
                    },
                );
            }
        }
        // (What the short names several states share stand for is read from the whole text,
        // once, when a sentence first uses one.)
        let shared = self.lexicon.shared_uses(sentence, &found);
        if !shared.is_empty() {
            let resolved = memory
                .shared
                .get_or_init(|| self.lexicon.shared_names_in(&article.text));
            self.lexicon.add_shared(&shared, resolved, &mut found);
        }
        // "in Vilnius, Lithuania", "MORĄG, Poland —": a state after the place it locates is a
        // place too (its start in the sentence).
        let located: Vec<usize> = found
            .iter()
            .filter(|m| !m.entry.place && m.entry.kind == ActorKind::State && locates_a_place(sentence, m, &found))
            .map(|m| m.start)
            .collect();
        // (The places set aside: counted below as what the text is about, and where a visit
        // goes.)
        let (mentions, places): (Vec<ActorMention>, Vec<ActorMention>) = found.into_iter().partition(|m| {
            if !m.entry.place {
                return !located.contains(&m.start);
            }
            // A capital as a location or a modifier ("in Seoul", "the Vilnius summit"), but not
            // with an agent of its state after it (the dictionaries' agents, which the lexicon
            // joins to it): "the Tripoli government", "the Kyiv authorities".
            let last_word = sentence[..m.start]
                .trim_end()
                .rsplit(' ')
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            let after = sentence[m.end..].trim_start();
            let summit = after.get(..6).is_some_and(|w| w.eq_ignore_ascii_case("summit"));
            // (What is said or asked "from" a capital is its government's, and so is the envoy
            // called home from it: "an invitation from Tehran", "a request from Kyiv",
            // "recalled its ambassadors from Washington".)
            let said_from = last_word == "from"
                && sentence[..m.start].trim_end().strip_suffix("from").is_some_and(|t| {
                    let noun = t.trim_end().rsplit(' ').next().unwrap_or("").to_ascii_lowercase();
                    matches!(
                        noun.trim_end_matches('s'),
                        "invitation"
                            | "request"
                            | "call"
                            | "offer"
                            | "appeal"
                            | "demand"
                            | "warning"
                            | "message"
                            | "letter"
                            | "proposal"
                            | "protest"
                            | "complaint"
                            | "pressure"
                            | "objection"
                            | "ambassador"
                            | "envoy"
                    )
                });
            m.entry.role.is_some()
                || said_from
                || !(matches!(last_word.as_str(), "in" | "at" | "the" | "from" | "to") || summit)
        });
        // "NATO's cyber defence centre": the owner names what follows, it is not an actor itself
        // when the next name is one of its parts.
        let mentions: Vec<ActorMention> = mentions
            .iter()
            .enumerate()
            .filter(|(i, m)| {
                let possessive = possessive_next(&sentence[m.end..]);
                let next_is_part = mentions.get(i + 1).is_some_and(|n| {
                    n.start - m.end < 60
                        && self.kb.actor(&n.entry.id).and_then(|a| a.parent.as_deref()) == Some(m.entry.id.as_str())
                });
                !(possessive && next_is_part)
            })
            .map(|(_, m)| m.clone())
            .collect();
        let mut triggers = self.triggers.find(sentence);
        // A word inside a date is the date's, neither a verb nor a word of a verb's pattern:
        // "held joint drills in March" is no march held. (The patterns read the sentence with its
        // dates blanked, each byte a space, so that offsets stay.)
        triggers.retain(|&(s, e, _)| !dates.iter().any(|d| d.start <= s && e <= d.end));
        let undated: std::borrow::Cow<str> = if dates.is_empty() {
            sentence.into()
        } else {
            let mut bytes = sentence.as_bytes().to_vec();
            for d in &dates {
                bytes[d.start..d.end].fill(b' ');
            }
            String::from_utf8(bytes).map_or(sentence.into(), Into::into)
        };
        // An attribution closing the sentence tells who reports the event, not who takes part
        // in it: its names and its verb are set aside ("…, the UN mission said.").
        // (After the last comma, and short: the pattern is tried on that tail alone.)
        let attribution = sentence
            .rfind(',')
            .filter(|&k| k > 0 && sentence.len() - k <= 120 && c.attribution.is_match(&sentence[k..]));
        let mentions: Vec<ActorMention> = match attribution {
            Some(k) => {
                triggers.retain(|t| t.0 < k);
                mentions.into_iter().filter(|m| m.start < k).collect()
            }
            None => mentions,
        };
        // What a document provides is its content, not an event told (to the next strong break).
        if let Some(m) = c.provision.find(sentence) {
            let limit = c
                .clause_break
                .find_at(sentence, m.end())
                .map_or(sentence.len(), |b| b.start());
            triggers.retain(|t| t.0 < m.start() || t.0 >= limit);
        }
        // A name the knowledge base gives is not an event ("Defense Acquisition Program
        // Administration"); where a dictionary's name and one of entente's own event words
        // overlap, the event word wins ("Provincial Reconstruction Team"), and where it overlaps
        // a dictionary verb, the name does ("cargo ship").
        let overlaps = |m: &ActorMention, s: usize, e: usize| s < m.end && m.start < e;
        let own = |t: usize| self.triggers.is_own(t);
        triggers.retain(|&(s, e, t)| {
            !mentions
                .iter()
                .any(|m| (!m.entry.dictionary || !own(t)) && overlaps(m, s, e))
        });
        let mentions: Vec<ActorMention> = mentions
            .into_iter()
            .filter(|m| !m.entry.dictionary || !triggers.iter().any(|&(s, e, t)| own(t) && overlaps(m, s, e)))
            .collect();
        // Agreements named with dates of their own: those dates are theirs, not the clause's.
        let instruments = self.instruments(sentence, &triggers, &dates);
        // A person named in full is named by the surname alone afterwards ("President Joe Biden
        // hosted …" then "Yoon and Biden adopted …"): the text's surnames, found where no other
        // name is.
        let mut mentions = mentions;
        if !memory.surnames.is_empty() {
            let mut more: Vec<ActorMention> = Vec::new();
            for (k, w) in word_spans(sentence) {
                if let Some(entry) = memory.surnames.get(w) {
                    let (start, end) = (k, k + w.len());
                    if !mentions.iter().any(|m| m.start < end && start < m.end) {
                        let mut entry = entry.clone();
                        if let Some(span) = span {
                            self.lexicon.in_office(&mut entry, span);
                        }
                        more.push(ActorMention { start, end, entry });
                    }
                }
            }
            if !more.is_empty() {
                mentions.extend(more);
                mentions.sort_by_key(|m| m.start);
            }
        }
        officeholders_country(sentence, &mut mentions);
        // A source named after "according to" reports the event and takes no part in it
        // ("Russian mercenaries arrived in Mali in December 2021, according to France"): its
        // names, to the next comma, are no actors.
        let sources: Vec<(usize, usize)> = sentence
            .match_indices("according to ")
            .map(|(k, p)| {
                let from = k + p.len();
                (
                    from,
                    sentence[from..].find([',', ';']).map_or(sentence.len(), |e| from + e),
                )
            })
            .collect();
        if !sources.is_empty() {
            mentions.retain(|m| !sources.iter().any(|&(f, t)| m.start >= f && m.end <= t));
        }
        // A person no dictionary knows, introduced by a title after their state or
        // organisation ("Polish President Andrzej Duda", "Japan's prime minister, Shigeru
        // Ishiba,", "South Korea's Defence Minister Ahn Gyu-back"), stands for it when named by
        // the surname afterwards.
        for (i, m) in mentions.iter().enumerate() {
            // (A state or organisation with its title, or an office the dictionary names:
            // "German Chancellor".)
            let titled = m.entry.role.is_some() || (m.entry.dictionary && m.entry.kind == ActorKind::Agency);
            if !titled || m.entry.kind == ActorKind::Person {
                continue;
            }
            let owner = if m.entry.agent.is_none() {
                Some(&m.entry)
            } else {
                // (A title standing alone belongs to the name before it when only the title's
                // other words come between: "South Korea's Defence Minister".)
                i.checked_sub(1)
                    .map(|j| &mentions[j])
                    .filter(|p| p.entry.agent.is_none() && p.entry.kind != ActorKind::Person)
                    .filter(|p| title_words(&sentence[p.end..m.start]))
                    .map(|p| &p.entry)
            };
            let next = mentions.get(i + 1).map_or(sentence.len(), |n| n.start);
            if let (Some(owner), Some(surname)) = (owner, introduced_name(&sentence[m.end..next])) {
                let mut entry = owner.clone();
                entry.demonym = false;
                memory.surnames.insert(surname.to_string(), entry);
            }
        }
        for m in &mentions {
            let written: Vec<&str> = sentence[m.start..m.end].split_whitespace().collect();
            if m.entry.kind == ActorKind::Person
                && written.len() >= 2
                && written.iter().all(|w| w.starts_with(char::is_uppercase))
            {
                // (A generational suffix is no surname: "Ferdinand Marcos Jr." is "Marcos".)
                if let Some(last) = written
                    .iter()
                    .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()))
                    .rfind(|w| !matches!(*w, "Jr" | "Sr" | "II" | "III" | "IV"))
                {
                    if last.len() >= 3 {
                        memory.surnames.insert(last.to_string(), m.entry.clone());
                    }
                }
            }
        }
        for m in mentions.iter().filter(|m| m.entry.agent.is_none()) {
            memory.named(&m.entry.acts_for);
            if let Some(alliance) = body_kind(m.entry.kind) {
                if alliance {
                    memory.last_bodies.0 = Some(m.entry.clone());
                }
                memory.last_bodies.1 = Some(m.entry.clone());
            }
        }
        // (A state that locates a place is no actor, but the text is about it.)
        for m in places.iter().filter(|m| located.contains(&m.start)) {
            memory.named(&m.entry.acts_for);
        }
        // Clauses: at strong breaks, and at a comma that starts a new clause with its own actor
        // and event after a stretch that has an event ("Norway operates K9s, Turkey builds…").
        let mut bounds = vec![0];
        bounds.extend(c.clause_break.find_iter(sentence).map(|m| m.start()));
        bounds.push(sentence.len());
        bounds.sort_unstable();
        bounds.dedup();
        // A verb of causing before a name and an infinitive tells what that actor did, a
        // clause of its own from its subject: "…, prompting Algeria to suspend a treaty with
        // Madrid", "… led France to recall its ambassadors". The verb of causing is no event.
        // (Names in a list too: "prompted Finland and Sweden to apply".)
        for m in c.causative.find_iter(sentence) {
            let first = mentions.partition_point(|n| n.start < m.end());
            if mentions.get(first).is_none_or(|n| n.start != m.end()) {
                continue;
            }
            let mut last = first;
            while let Some(n) = mentions.get(last + 1) {
                let gap = &sentence[mentions[last].end..n.start];
                if !matches!(gap, ", " | " and " | ", and ") {
                    break;
                }
                last += 1;
            }
            let to = mentions[last].end + " to ".len();
            let acts = sentence.get(mentions[last].end..to) == Some(" to ")
                && triggers
                    .get(triggers.partition_point(|t| t.0 < to))
                    .is_some_and(|t| t.0 == to);
            if acts {
                bounds.push(mentions[first].start);
                triggers.retain(|t| t.1 <= m.start() || t.0 >= m.end());
            }
        }
        let has_trigger = |a: usize, b: usize| {
            triggers
                .iter()
                .any(|(s, _, t)| *s >= a && *s < b && !self.triggers.table[*t].conditional)
        };
        let commas: Vec<usize> = sentence.match_indices(", ").map(|(i, _)| i).collect();
        // (Where the sentence's verbs of saying are, found once when a claim first asks: who
        // said what a claim tells.)
        let sayings: std::cell::OnceCell<Vec<usize>> = std::cell::OnceCell::new();
        // (Whether it has a word of denial: a form of the dictionary's DENY, found with the
        // triggers.)
        let may_deny = triggers
            .iter()
            .any(|&(_, _, t)| self.triggers.table[t].lemma == Some("deny"));
        let adverbials: Vec<(usize, usize)> = c.adverbial.find_iter(sentence).map(|m| (m.start(), m.end())).collect();
        self.work.fetch_add(
            (sentence.len() * (1 + mentions.len() + triggers.len() + commas.len())) as u64,
            std::sync::atomic::Ordering::Relaxed,
        );
        // Whether the sentence opens with a prepositional phrase ("At the invitation of President
        // Macron, …", "As fellow G7 members, …"), to its first comma.
        let opens_with_a_phrase = {
            let w = sentence.split_whitespace().next().unwrap_or("").to_ascii_lowercase();
            [
                "as", "under", "with", "after", "before", "for", "in", "on", "at", "like", "unlike", "despite",
            ]
            .contains(&w.as_str())
        };
        let opening_phrase_end = commas.first().copied().filter(|_| opens_with_a_phrase);
        for (k, &comma) in commas.iter().enumerate() {
            let prev = bounds.iter().copied().filter(|b| *b <= comma).max().unwrap_or(0);
            let next = commas.get(k + 1).copied().unwrap_or(sentence.len()).min(
                bounds
                    .iter()
                    .copied()
                    .filter(|b| *b > comma)
                    .min()
                    .unwrap_or(sentence.len()),
            );
            // (Or with a pronoun for its subject: "Its troops have fought in Somalia since 2011,
            // it has offered to lead a mission to Haiti".)
            let starts_with_actor = mentions.iter().any(|m| m.start >= comma + 2 && m.start <= comma + 6)
                || sentence[comma + 2..]
                    .split_whitespace()
                    .next()
                    .is_some_and(crate::lexicon::subject_pronoun);
            // (A name right before the comma and one after it are a list: "the leaders of the
            // United States, Australia and the United Kingdom met".)
            // (", and" opens a clause when events stand on both sides: "Both belong to the
            // European Union, and Greece has been a member of NATO since 1952".)
            let and = sentence[comma..].starts_with(", and ") || sentence[comma..].starts_with(", but ");
            let in_list = mentions.iter().any(|m| m.end == comma) && !and;
            // (An opening prepositional phrase is no clause: "As fellow G7 members, the United
            // Kingdom and Japan share …".)
            let opening = prev == 0 && opens_with_a_phrase;
            if starts_with_actor && !in_list && !opening && has_trigger(prev, comma) && has_trigger(comma, next) {
                bounds.push(comma);
            }
        }
        // An opening adverbial clause with a verb of its own ends at its comma when a name
        // opens the main clause: in "After the Turkish military test-fired the system, the
        // Trump administration went further", the test is Turkey's alone, and the main clause's
        // subject is the sentence's.
        // (After a measure of time too: "Four days after Russian troops crossed the border,
        // Ankara closed the straits". Its main clause may open after a phrase of its own, and
        // with its parties unnamed: "When Erdogan visited Kyiv in February, days before the
        // invasion, the two presidents signed …".)
        let opening_adverbial = c.adverbial.find(sentence).filter(|m| {
            let before: Vec<&str> = sentence[..m.start()].split_whitespace().collect();
            before.len() <= 3
                && before.last().is_none_or(|w| {
                    let w = w.to_ascii_lowercase();
                    crate::dates::time_unit(&w) || matches!(w.as_str(), "shortly" | "soon" | "just" | "long" | "right")
                })
        });
        if let Some(m) = opening_adverbial {
            let verb_before = |comma: usize| {
                triggers.iter().any(|&(s, e, _)| {
                    // (Its first word: "sat down with".)
                    let first = sentence[s..e].split(' ').next().unwrap_or("");
                    s > m.end() && e <= comma && c.past_form(&first.to_ascii_lowercase())
                })
            };
            let opens_with_subject = |comma: usize| {
                let rest = &sentence[comma + 2..];
                let first = rest.split_whitespace().next().unwrap_or("").to_ascii_lowercase();
                word_spans(rest).take(4).any(|(k, _)| {
                    mentions
                        .iter()
                        .any(|n| n.start == comma + 2 + k && n.entry.agent.is_none())
                }) || crate::lexicon::subject_pronoun(&first)
                    || first == "both"
                    || c.plural_subject.is_match(rest)
            };
            // (Its verb before its first comma: "Since May 2023 Hungary, a member of the Union,
            // has blocked …" opens with a phrase, not a clause.)
            let mut after = commas.iter().copied().filter(|&k| k > m.end()).take(3);
            if after.clone().next().is_some_and(verb_before) {
                if let Some(comma) = after.find(|&k| opens_with_subject(k)) {
                    bounds.push(comma);
                }
            }
        }
        // Coordinated events with dates of their own are clauses of their own: "first agreed
        // in 2012 and last renewed in November 2019", "a framework agreement in October 2022
        // and a first executive contract the following month".
        let dated = |a: usize, b: usize| dates.iter().any(|d| d.start >= a && d.end <= b);
        let mut systems_at: Option<Vec<usize>> = None;
        let two_dates = dates.len() >= 2;
        // (A series of them too, a comma before a verb in the past: "left Mali in August 2022,
        // pulled out of Burkina Faso in February 2023 and …".)
        let series = commas.iter().copied().filter(|&k| {
            sentence[k + 2..]
                .split_whitespace()
                .next()
                .is_some_and(|w| c.past_form(&w.to_ascii_lowercase()))
        });
        let joints: Vec<usize> = sentence.match_indices(" and ").map(|(k, _)| k).chain(series).collect();
        for k in joints.into_iter().filter(|_| two_dates) {
            let prev = bounds.iter().copied().filter(|b| *b <= k).max().unwrap_or(0);
            // (The second event ends at the next comma or break; "1,000" has no comma of a
            // clause.)
            let next = bounds
                .iter()
                .copied()
                .filter(|b| *b > k)
                .min()
                .unwrap_or(sentence.len())
                .min(
                    commas
                        .get(commas.partition_point(|&c| c <= k))
                        .copied()
                        .unwrap_or(sentence.len()),
                );
            if !(dated(prev, k) && dated(k, next) && has_trigger(prev, k)) {
                continue;
            }
            let systems_at =
                systems_at.get_or_insert_with(|| self.lexicon.systems(sentence).iter().map(|s| s.0).collect());
            if has_trigger(k, next) || systems_at.iter().any(|&s| s > k && s < next) {
                bounds.push(k);
            }
        }
        // A participle of saying after a comma tells a second act of the clause's subject:
        // "Mali cut ties with Ukraine, accusing Kyiv of helping rebels", "Denmark chose the
        // French system, rejecting a rival bid". (One that tells the same act again, ", ending
        // a deployment", stays in its clause.)
        // (Each with the start of the clause it is said with, whose time is its time.)
        let mut said_with: Vec<(usize, usize)> = Vec::new();
        for &k in &commas {
            // (The trigger right after the comma, found by search: the triggers are in order.)
            let at = triggers.partition_point(|t| t.0 < k + 2);
            let said = triggers.get(at).filter(|&&(s, e, t)| {
                let entry = &self.triggers.table[t];
                s == k + 2
                    && !entry.conditional
                    && sentence[s..e]
                        .split(' ')
                        .next()
                        .is_some_and(|w| w.len() > 4 && w.ends_with("ing"))
                    && matches!(
                        entry.sense.plover,
                        Plover::Accuse | Plover::Reject | Plover::Protest | Plover::Request | Plover::Threaten
                    )
            });
            // (Aimed at someone it names right after: "accusing Kyiv", not "accusing his
            // forces", "defying calls".)
            let aimed = said.is_some_and(|&(_, e, _)| {
                mentions
                    .iter()
                    .any(|m| m.entry.agent.is_none() && sentence.get(e..m.start).is_some_and(|g| g.trim().is_empty()))
            });
            let prev = bounds.iter().copied().filter(|&b| b <= k).max().unwrap_or(0);
            // (After a clause with an event word of its own, if only a pattern's: "cut ties".)
            if aimed && triggers.partition_point(|t| t.0 < prev) < triggers.partition_point(|t| t.0 < k) {
                bounds.push(k);
                said_with.push((k, prev));
            }
        }
        // (Whether the trigger at `s..e` is one word in the past: "joined", "sent".)
        let past_verb = |s: usize, e: usize| {
            let w = sentence[s..e].to_ascii_lowercase();
            !w.contains(' ') && c.past_form(&w)
        };
        // A second predicate of the same subject is a clause of its own: "… has sent trainers
        // to Britain and has imposed sanctions on Russia" (an auxiliary after "and" opens it),
        // "… has been a partner since 1994 and joined the centre in 2015" (a verb in the past).
        // (Triggers are in order of their start: the one right after "and" is found by search.)
        // (Or in the present, "… and buys most of its weapons from Russia": a word in -s
        // followed by a determiner or a quantifier, so no noun of a list, "and talks with".)
        let present_verb = |s: usize, e: usize| {
            let w = &sentence[s..e];
            let next = sentence[e..]
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            !w.contains(' ')
                && w.len() > 3
                && w.ends_with('s')
                && !w.ends_with("ss")
                && (crate::lexicon::determiner(&next) || matches!(next.as_str(), "most" | "all" | "more"))
        };
        let verb_after_and = sentence.match_indices(" and ").filter(|&(k, _)| {
            let i = triggers.partition_point(|t| t.0 < k + 5);
            triggers[i..]
                .iter()
                .take_while(|t| t.0 == k + 5)
                .any(|&(s, e, _)| past_verb(s, e) || present_verb(s, e))
        });
        // (So is a verb in the past after a comma, in a list of the subject's predicates,
        // when an object follows it, not a preposition or a date: "It has been a NATO partner
        // since 2005, adopted its first programme this year, and sent troops"; "The contract,
        // signed in August, covers …" is a participle.)
        let verb_after_comma = commas.iter().copied().filter(|&k| {
            // (Or after a pronoun for its subject: "It has been a partner since 1994, it hosted
            // an exercise last September, and …".)
            let pronoun = sentence
                .get(k + 2..)
                .and_then(|r| r.split_once(' '))
                .filter(|(w, _)| crate::lexicon::subject_pronoun(w))
                .map_or(0, |(w, _)| w.len() + 1);
            let at = k + 2 + pronoun;
            let i = triggers.partition_point(|t| t.0 < at);
            triggers[i..].iter().take_while(|t| t.0 == at).any(|&(s, e, _)| {
                let next = sentence[e..]
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .to_ascii_lowercase();
                past_verb(s, e)
                    && !next.is_empty()
                    && !crate::petrarch::PREPOSITIONS.contains(&next.trim_end_matches(','))
                    && ![
                        "since", "during", "under", "after", "before", "until", "last", "this", "earlier", "later",
                    ]
                    .contains(&next.trim_end_matches(','))
                    && !crate::dates::calendar_word(&next)
                    && !next.starts_with(|c: char| c.is_ascii_digit())
            })
        });
        // (And a clause of its own after ", and": a subject of its own — a name, or a noun
        // after a possessive — then a verb in the past: "It sent a team to Afghanistan, and its
        // intelligence service joined the centre in May 2022".)
        let clause_after_and = sentence.match_indices(", and ").filter_map(|(k, w)| {
            let from = k + w.len();
            let i = triggers.partition_point(|t| t.0 < from);
            let &(s, e, _) = triggers.get(i)?;
            let between = &sentence[from..s];
            let subject = mentions
                .iter()
                .any(|m| m.start >= from && m.end <= s && m.entry.agent.is_none())
                || between
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| crate::lexicon::determiner(&w.to_ascii_lowercase()));
            let words = between.split_whitespace().count();
            (past_verb(s, e) && subject && (1..=6).contains(&words)).then_some(k)
        });
        let clause_after_and: Vec<usize> = clause_after_and.collect();
        let starts: Vec<usize> = c
            .second_predicate
            .find_iter(sentence)
            .map(|m| m.start())
            .chain(verb_after_and.map(|(k, _)| k))
            .chain(verb_after_comma)
            .collect();
        // (Clauses split off here keep their dates to themselves: their starts.)
        let mut split_off: Vec<usize> = Vec::new();
        for k in starts {
            let (prev, next) = enclosing(&bounds, k, sentence.len());
            if has_trigger(prev, k) && has_trigger(k, next) {
                bounds.push(k);
                split_off.push(k);
            }
        }
        for k in clause_after_and {
            let (prev, next) = enclosing(&bounds, k, sentence.len());
            if prev == k {
                // (Already a clause's bound, at its comma.)
                split_off.push(k);
            } else if has_trigger(prev, k) && has_trigger(k, next) {
                bounds.push(k);
                split_off.push(k);
            }
        }
        // An adverbial clause with a subject and an event of its own after the main clause's
        // event is a clause of its own ("… signed the contract weeks after Lee Jae-myung took
        // office", "… began withdrawing after Kinshasa declined to renew its mandate", "… the
        // largest since the two countries signed an agreement"); its subject is not the
        // sentence's. (Where such clauses open.)
        let mut subordinate: Vec<usize> = Vec::new();
        let mut dated_apart: Vec<(usize, usize)> = Vec::new();
        for &(k, we) in &adverbials {
            // (Before a date it is a preposition, no clause: "stationed in the UAE since 2011 to
            // train Emirati troops". Not in an opening phrase, which its bound sets apart: "As a
            // NATO partner since 2005, South Korea sent troops".)
            if opening_phrase_end.is_none_or(|e| k > e) && crate::dates::opens_with_a_date(&sentence[we..]) {
                continue;
            }
            let (prev, next) = enclosing(&bounds, k, sentence.len());
            // (After the main clause's event in its stretch, or anywhere before a distance
            // that a comma sets off: "on Friday, three days after …".)
            let distance = crate::dates::distance_before(sentence, k).is_some();
            let first_trigger = triggers[triggers.partition_point(|t| t.0 <= k)..]
                .iter()
                .take_while(|(s, _, _)| *s < next)
                .find(|(_, _, t)| distance || !self.triggers.table[*t].conditional)
                .map(|t| t.0);
            // (A singular pronoun is a subject of its own too, the sentence's: "…, although it
            // agreed last August …". Not "they", as often someone else: "threatened the Baltic
            // states since they joined".)
            // (And so is a state told by a noun: "four days after the country formally became
            // the alliance's 32nd member".)
            let rest = sentence[we..].trim_start();
            let pronoun = rest
                .split_whitespace()
                .next()
                .is_some_and(|w| matches!(w, "it" | "he" | "she"))
                || rest.starts_with("the country ")
                || c.government.find(rest).is_some_and(|g| g.start() == 0);
            let own_subject = first_trigger.is_some_and(|t| {
                pronoun
                    || mentions
                        .iter()
                        .any(|m| m.start > k && m.end <= t && m.entry.agent.is_none())
                    || c.both_sides
                        .find_at(sentence, we)
                        .is_some_and(|g| g.start() == we + 1 && g.end() < t)
            });
            if own_subject && (has_trigger(prev, k) || distance && triggers.iter().any(|t| t.0 < k)) {
                bounds.push(k);
                split_off.push(k);
                subordinate.push(k);
            } else if own_subject && prev > 0 && sentence[prev..k].trim_matches([',', ' ']).is_empty() {
                // (Where a comma already bounds it, it keeps its dates all the same: "bought jets
                // from Russia, although it agreed last August …".)
                dated_apart.push((k, next));
                subordinate.push(prev);
            }
        }
        bounds.sort_unstable();
        bounds.dedup();
        // A relative clause set off by commas ("Estonia, which joined NATO in 2002, has been
        // buying K9s") ends at the comma after which the main clause's verb goes on: it is a
        // clause of its own, whose subject is the actor named right before it, and the main
        // clause after it keeps the sentence's subject.
        // (The antecedent is a list where the name before the comma ends one: "Mali, Burkina Faso
        // and Niger, which expelled French troops, …".)
        let mut antecedents: Vec<(usize, Vec<&ActorMention>)> = Vec::new();
        // (And those whose antecedent names no one: a thing, maybe the event told before it.)
        let mut unnamed_antecedents: Vec<usize> = Vec::new();
        // (The main clause resumed after it, by its start, with the antecedent for its subject.)
        let mut resumed: Vec<(usize, Vec<&ActorMention>)> = Vec::new();
        // (Clauses that keep their dates to themselves: relative clauses, and the clauses split
        // off above, each to the next bound.)
        let mut self_dated: Vec<(usize, usize)> = split_off
            .iter()
            .map(|&k| (k, bounds.iter().copied().find(|&b| b > k).unwrap_or(sentence.len())))
            .chain(dated_apart)
            .collect();
        let strong = bounds.clone();
        for r in c.relative.find_iter(sentence) {
            let p = r.start();
            let end = strong.iter().copied().find(|b| *b > p).unwrap_or(sentence.len());
            let antecedent = mentions
                .iter()
                .position(|m| m.end <= p && m.entry.agent.is_none() && sentence[m.end..p].trim().is_empty())
                // (Or the name before an apposition that ends there, short and telling no
                // event: "Egypt, Ethiopia's rival over a Nile dam, which signed a pact".)
                .or_else(|| {
                    let k = sentence[..p].rfind(", ")?;
                    let aside = &sentence[k + 2..p];
                    (aside.split_whitespace().count() <= 12 && !has_trigger(k, p))
                        .then(|| mentions.iter().position(|m| m.end == k && m.entry.agent.is_none()))
                        .flatten()
                })
                .map(|i| list_ending_at(sentence, &mentions, i));
            if let Some(list) = &antecedent {
                antecedents.push((p, list.clone()));
            } else if triggers.iter().any(|&(_, e, _)| {
                // (An event's word a few words before, nobody named between: "a deal signed
                // in Cairo in August 2020, which …"; not "the M23 rebels, which …".)
                e <= p
                    && sentence[e..p].split_whitespace().count() <= 6
                    && !mentions.iter().any(|m| m.start >= e && m.end <= p)
            }) {
                unnamed_antecedents.push(p);
            }
            // A relative clause is short: its end is one of the next few commas.
            let after: Vec<usize> = commas.iter().copied().filter(|&k| k > p && k < end).take(4).collect();
            let mut split = false;
            // (Where the relative clause tells no event, it ends where a verb in the past follows
            // a comma: "Chile, which shares a border with Peru, deployed troops".)
            // (Or after an auxiliary, and an adverb: ", has since signed …".)
            let verb_right_after = |k: usize| {
                let mut at = k + 2;
                let mut words = sentence[at..].split(' ');
                if words.next().is_some_and(|w| matches!(w, "has" | "have" | "had")) {
                    at += sentence[at..].find(' ').map_or(0, |n| n + 1);
                    if words.next().is_some_and(|w| PERFECT_ADVERBS.contains(&w)) {
                        at += sentence[at..].find(' ').map_or(0, |n| n + 1);
                    }
                }
                let i = triggers.partition_point(|t| t.0 < at);
                triggers.get(i).is_some_and(|&(s, e, _)| s == at && past_verb(s, e))
            };
            // (A verb in the past right after the comma is the main clause's, whatever it
            // means: "Morocco, which annexed the territory in 1975, welcomed the decision".)
            for (i, &k) in after.iter().enumerate() {
                let next = after.get(i + 1).copied().unwrap_or(end);
                if verb_right_after(k) || has_trigger(p, k) && has_trigger(k, next) {
                    bounds.push(k);
                    self_dated.push((p, k));
                    resumed.extend(antecedent.clone().map(|list| (k, list)));
                    split = true;
                    break;
                }
            }
            // (One that ends the sentence keeps its dates too: "…, when it joined on the same
            // day as Turkey"; one the main clause goes on after without a verb of its own keeps
            // those up to its first comma: "asked the CSTO, to which it has belonged since
            // 2002, for help".)
            if !split {
                self_dated.push((p, after.first().copied().unwrap_or(end)));
                // (Where a comma already bounds it, the main clause resumes there: "Japan and
                // Australia, which signed a pact in 2022, held talks".)
                if after.is_empty() && sentence[end..].starts_with(',') && has_trigger(p, end) {
                    resumed.extend(antecedent.clone().map(|list| (end, list)));
                }
            }
        }
        // A restrictive relative clause with a verb in the past keeps its dates too, to the next
        // comma: in "closed the consulate after concluding that Russian intelligence was behind
        // a fire that destroyed a shopping centre last year" the year is the fire's.
        // (After an event word of the sentence's: it is that event's circumstance. One that
        // tells of an event's own noun dates that noun too: "an exercise that opened on March
        // 4", "a fire that destroyed a shopping centre last year".)
        for (p, _) in sentence
            .match_indices(" that ")
            .chain(sentence.match_indices(" which "))
        {
            let verb_at = p + sentence[p + 1..].find(' ').map_or(0, |n| n + 2);
            let past = sentence[verb_at..]
                .split([' ', ',', '.'])
                .next()
                .is_some_and(|w| c.past_form(&w.to_ascii_lowercase()));
            if past && triggers.first().is_some_and(|t| t.0 < p) {
                let end = commas
                    .get(commas.partition_point(|&k| k <= p))
                    .copied()
                    .unwrap_or(sentence.len());
                // (Triggers are in order of their start: the one ending at "that" is among the
                // last ones starting before it, those that end no earlier.)
                let before = &triggers[..triggers.partition_point(|t| t.0 < p)];
                let noun = before
                    .iter()
                    .rev()
                    .take_while(|t| t.1 >= p)
                    .find(|t| t.1 == p)
                    .map_or(p, |t| t.0);
                self_dated.push((noun, end));
            }
        }
        // (The nouns such clauses tell of: the event is the clause's verb.)
        let mut told_nouns: Vec<(usize, usize)> = Vec::new();
        // An object relative clause with a subject of its own is a clause of its own, keeping its
        // date: "the treaty that Pyongyang and Moscow signed last month had turned …", "the
        // programme that Japan and NATO agreed in Vilnius". It opens at "that" or "which" after a
        // noun (not after a verb: "said that …" opens what was said), its subject the names right
        // after it, its verb right after them, and it ends at the next comma, break or auxiliary.
        for (p, _) in sentence
            .match_indices(" that ")
            .chain(sentence.match_indices(" which "))
            .map(|(k, w)| (k + 1, w))
        {
            let before = sentence[..p - 1].rsplit(' ').next().unwrap_or("");
            // (Not after a preposition, "from which", nor a time, "said this month that …".)
            let noun_before = before.len() > 3
                && before.chars().skip(1).all(|ch| ch.is_ascii_lowercase())
                && before.starts_with(|ch: char| ch.is_ascii_alphabetic())
                && ![
                    "from", "with", "into", "onto", "upon", "than", "such", "were", "been", "under", "through",
                ]
                .contains(&before.to_ascii_lowercase().as_str())
                && !dates.iter().any(|d| d.end + 1 >= p - 1 && d.start < p)
                && !c.past_form(before)
                && !triggers
                    .iter()
                    .any(|&(_, e, t)| e == p - 1 && self.triggers.table[t].lemma.is_some());
            if !noun_before {
                continue;
            }
            // The subject: names joined by "and" and commas, or a group ("the two leaders").
            let mut end = sentence[p..].find(' ').map_or(sentence.len(), |k| p + k + 1);
            let first = end;
            for m in &mentions[mentions.partition_point(|m| m.start < first)..] {
                let Some(gap) = sentence.get(end..m.start) else { break };
                // (Between names: "and", a comma, an article, titles: "President Emmanuel Macron
                // and Prime Minister Kyriakos Mitsotakis".)
                let joins = gap
                    .split_whitespace()
                    .all(|w| ["and", ",", "the"].contains(&w) || w.starts_with(|ch: char| ch.is_ascii_uppercase()));
                if m.entry.agent.is_some() || !joins || gap.split_whitespace().count() > 4 {
                    break;
                }
                // (Past the character after it, which may be more than a byte: "Japan–Korea".)
                end = m.end + sentence[m.end..].chars().next().map_or(0, char::len_utf8);
            }
            if end == first {
                match c.both_sides.find(&sentence[first..]) {
                    Some(g) if g.start() == 0 => {
                        let after = first + g.end();
                        end = after + sentence[after..].chars().next().map_or(0, char::len_utf8);
                    }
                    _ => continue,
                }
            }
            // The verb, at most one auxiliary or adverb after the subject.
            let verb = triggers[triggers.partition_point(|t| t.0 < end)..]
                .iter()
                .find(|&&(s, _, _)| sentence[end..s].split_whitespace().count() <= 1)
                .filter(|&&(s, e, _)| s >= end && c.past_form(&sentence[s..e].to_ascii_lowercase()));
            let Some(&(_, ve, _)) = verb else { continue };
            let stop = [
                ",", ";", " had ", " has ", " have ", " was ", " were ", " is ", " are ", " will ", " would ",
            ]
            .iter()
            .filter_map(|w| sentence[ve..].find(w).map(|k| ve + k))
            .chain(bounds.iter().copied().filter(|&b| b > ve))
            .min()
            .unwrap_or(sentence.len());
            // (It takes the noun it tells of, with its article, which says what was done: "the
            // treaty that … signed" is a treaty signed.)
            let words: Vec<(usize, &str)> = word_spans(&sentence[..p]).collect();
            let open = words
                .iter()
                .rev()
                .take(6)
                .find(|(_, w)| ["the", "a", "an", "its", "their", "this"].contains(&w.to_ascii_lowercase().as_str()))
                .or(words.last())
                .map_or(p, |&(k, _)| k);
            // (No phrase may straddle a bound: "agreed to buy the frigates that …".)
            if triggers
                .iter()
                .any(|&(s, e, _)| s < open && e > open || s < stop && e > stop)
            {
                continue;
            }
            // (A name in the noun's phrase stays in the main clause: "ratified an agreement with
            // Iraq that the two neighbours signed" is ratified with Iraq.)
            let named = mentions
                .iter()
                .any(|m| m.start >= open && m.end <= p && m.entry.agent.is_none());
            let cut = if named { p } else { open };
            bounds.push(cut);
            bounds.push(stop);
            self_dated.push((cut, stop));
            told_nouns.push((open, p));
        }
        // A summing-up noun after a comma with a relative clause of its own and no "that" is a
        // clause of its own too, its subject the name after the noun: in "…, a charge Yerevan
        // denied" the denial is Armenia's, of the charge just told.
        for &comma in &commas {
            let mut words = word_spans(&sentence[comma + 2..]).map(|(k, w)| (comma + 2 + k, w));
            if !words.next().is_some_and(|(_, w)| matches!(w, "a" | "an" | "the")) {
                continue;
            }
            // (One to three common words, then a name.)
            let Some(m) = words
                .take(4)
                .take_while(|(_, w)| w.chars().all(|ch| ch.is_ascii_lowercase()))
                .last()
                .and_then(|(k, w)| {
                    let after = k + w.len() + 1;
                    mentions.iter().find(|m| m.start == after && m.entry.agent.is_none())
                })
            else {
                continue;
            };
            // (Its verb in the past right after the name, or after one auxiliary or adverb.)
            let verb = triggers[triggers.partition_point(|t| t.0 < m.end)..]
                .iter()
                .find(|&&(s, _, _)| sentence[m.end..s].split_whitespace().count() <= 1)
                .filter(|&&(s, e, _)| c.past_form(&sentence[s..e].to_ascii_lowercase()));
            let Some(&(_, ve, _)) = verb else { continue };
            let stop = sentence[ve..].find(", ").map_or(sentence.len(), |k| ve + k);
            if told_nouns.iter().any(|&(o, q)| o <= m.start && m.start < q) {
                continue;
            }
            bounds.push(comma);
            bounds.push(stop);
            self_dated.push((comma, stop));
            told_nouns.push((comma + 2, m.start));
        }
        // Appositions: a stretch between two commas after a name, opening with an article
        // ("Poland, a NATO member since 1999, …"): (the name, the commas).
        let appositions: Vec<(&ActorMention, usize, usize, usize)> = commas
            .windows(2)
            .filter_map(|w| {
                let (c1, c2) = (w[0], w[1]);
                let aside = sentence[c1 + 2..c2].to_ascii_lowercase();
                let opens = ["a ", "an ", "the "].iter().any(|d| aside.starts_with(d));
                // (Names do not overlap: in order of their start, their ends are in order too.)
                let i = mentions.partition_point(|m| m.end < c1);
                let name = mentions.get(i).filter(|m| m.end == c1 && m.entry.agent.is_none())?;
                (opens && aside.split_whitespace().count() <= 20).then_some((name, i, c1, c2))
            })
            .collect();
        // One after the subject is a clause of its own about it, and the predicate after it is
        // the subject's too: "Turkey, a member of NATO since 1952, bought the S-400" is Turkey's
        // membership (1952) and Turkey's purchase.
        for &(m, i, c1, c2) in &appositions {
            let prev = strong.iter().copied().filter(|&x| x <= c1).max().unwrap_or(0);
            let next = strong.iter().copied().find(|&x| x > c2).unwrap_or(sentence.len());
            if m.start >= prev && !has_trigger(prev, c1) && has_trigger(c1, c2) && has_trigger(c2, next) {
                bounds.push(c1);
                bounds.push(c2);
                let list = list_ending_at(sentence, &mentions, i);
                antecedents.push((c1, list.clone()));
                antecedents.push((c2, list));
                self_dated.push((c1, c2));
            }
        }
        bounds.sort_unstable();
        bounds.dedup();
        // (So do the parts of a sentence joined by semicolons, each a sentence of its own.)
        let semicolon_parts: Vec<usize> = sentence.match_indices("; ").map(|(k, _)| k).collect();
        if !semicolon_parts.is_empty() {
            let mut from = 0;
            for &k in semicolon_parts.iter().chain(std::iter::once(&sentence.len())) {
                self_dated.push((from, k));
                from = k;
            }
        }
        // (So do clauses that open at a comma with an actor of their own: "Both belong to the
        // European Union, and Greece has been a member of NATO since 1952".)
        for (i, &k) in bounds.iter().enumerate() {
            let opens = sentence[k..].starts_with(", ")
                && mentions[mentions.partition_point(|m| m.start < k + 2)..]
                    .iter()
                    .take_while(|m| m.start <= k + 6)
                    .any(|m| m.entry.agent.is_none());
            if opens && k > 0 {
                self_dated.push((k, bounds.get(i + 1).copied().unwrap_or(sentence.len())));
            }
        }
        // An opening phrase set off by a comma ("Squeezed between Russia and China, Mongolia
        // has …", "As fellow G7 members, the United Kingdom and Japan …", "After talks with
        // Biden, Kishida …") holds no subject when a name follows its comma: where the sentence's
        // subject may start.
        let opening_end = {
            let first = sentence
                .split_whitespace()
                .next()
                .unwrap_or("")
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase();
            // (A subordinator, a preposition — the dictionary's and those that open a phrase of
            // circumstance — or a participle.)
            let opens = c.adverbial.is_match(&first)
                || crate::petrarch::PREPOSITIONS.contains(&first.as_str())
                || ["despite", "unlike", "like", "under", "amid", "during"].contains(&first.as_str())
                || c.past_form(&first)
                || first.ends_with("ing");
            commas
                .first()
                .copied()
                .filter(|_| opens)
                .filter(|&k| {
                    word_spans(&sentence[k + 2..])
                        .take(4)
                        .any(|(j, _)| mentions.iter().any(|n| n.start == k + 2 + j && n.entry.agent.is_none()))
                })
                .map_or(0, |k| k + 1)
        };
        // An opening phrase with no subject of its own describes the main clause's subject, the
        // name after its comma with the verb after it: "A member of NATO since 1999, Poland has
        // …", "As the largest member of ASEAN, which it helped to found in 1967, Indonesia …".
        // (Its comma and that name.)
        let described_subject: Option<(usize, &ActorMention)> = {
            let first = sentence.split_whitespace().next().unwrap_or("").to_ascii_lowercase();
            matches!(first.as_str(), "a" | "an" | "as" | "long" | "once" | "like")
                .then(|| {
                    commas.iter().find_map(|&k| {
                        let m = mentions.iter().find(|m| m.start == k + 2 && m.entry.agent.is_none())?;
                        let next = sentence[m.end..].split_whitespace().next().unwrap_or("");
                        (next.starts_with(|c: char| c.is_ascii_lowercase()) && !matches!(next, "and" | "or"))
                            .then_some((k, m))
                    })
                })
                .flatten()
        };
        let mut subject_in_sentence: Vec<(ActorEntry, String)> = Vec::new();
        // The last arms-deal claim of this sentence (its index in `out`).
        let mut last_deal: Option<usize> = None;
        for w in bounds.windows(2) {
            let (a, b) = (w[0], w[1]);
            // The weapon systems the clause names (found once, when first asked).
            let systems_here = std::cell::OnceCell::new();
            let clause_systems = || systems_here.get_or_init(|| self.lexicon.systems(&sentence[a..b]));
            // (Whether the text was already about arms deals: a delivery there is of weapons.)
            let arms_before = memory.last_claim.as_ref().is_some_and(|(f, ..)| *f == 1);
            // Whether the clause speaks of arms: a system, a weapon's name, or a text already
            // about arms deals (asked only where a verb of buying needs it).
            let arms_here = std::cell::OnceCell::new();
            let arms_here = || {
                *arms_here.get_or_init(|| {
                    arms_before
                        || !clause_systems().is_empty()
                        || sentence[a..b]
                            .split(|c: char| !c.is_alphanumeric() && c != '-')
                            .any(|w| {
                                let w = w.to_ascii_lowercase();
                                // (Or arms by their general names: "an arms sale", "weapons".)
                                crate::lexicon::weapon_word(&w) || crate::lexicon::general_arms_word(&w)
                            })
                        || counted_name(&sentence[a..b], a, &mentions, &dates)
                })
            };
            // A clause that says what a thing told before is ("It is the fourth arms contract with
            // Poland this year", "This is the first agreement of its kind") describes it again:
            // the words of what it is are no new events.
            let described = described_again(sentence, a, b);
            // Each trigger with its sense there, and whether it follows its subject directly (a
            // name, not a demonym, right before it).
            let mut clause_triggers: Vec<(usize, usize, Sense, bool)> = triggers
                .iter()
                // (Not one that runs past the clause's end: "partner since" cut at a bound before
                // its "since".)
                .filter(|(s, e, _)| *s >= a && *e <= b && !told_nouns.iter().any(|&(o, q)| *s >= o && *s < q))
                .filter(|(s, _, _)| !described.is_some_and(|(p, q)| *s >= p && *s < q))
                .filter_map(|&(s, e, t)| {
                    let after_name = mentions
                        .iter()
                        .any(|m| m.end <= s && !m.entry.demonym && sentence[m.end..s].trim().is_empty());
                    // (A noun that names a weapon's role is no event: "attack submarine",
                    // "attack helicopters"; a verb before its object is: "drones attacked tanks",
                    // "has sent weapons", "did not send weapons".)
                    let word = sentence[s..e].to_ascii_lowercase();
                    let inflected = c.past_form(&word) || word.ends_with("ing");
                    let after_auxiliary = sentence[..s]
                        .split_whitespace()
                        .next_back()
                        .is_some_and(|w| crate::lexicon::before_a_verb(&w.to_ascii_lowercase()));
                    let next = sentence[e..].split_whitespace().next().unwrap_or("");
                    // (Responding to a thing is a threat only with a means: "will respond to
                    // Sweden's entry with military measures", not "to the letter".)
                    if word.ends_with(" respond") && next == "to" && !sentence[e..b].contains(" with ") {
                        return None;
                    }
                    if !inflected
                        && !after_auxiliary
                        && !after_name
                        && crate::lexicon::weapon_word(
                            &next
                                .trim_end_matches(|c: char| !c.is_alphanumeric())
                                .to_ascii_lowercase(),
                        )
                    {
                        return None;
                    }
                    let mut sense = self.triggers.sense(t, &undated, (a, b), (s, e), after_name)?;
                    // "Ordered", "bought" are an arms deal only about arms ("Putin ordered the
                    // mobilisation"): elsewhere what the dictionary's patterns say, if anything,
                    // or what the word is otherwise (a "deal" about no arms is an agreement).
                    let entry = &self.triggers.table[t];
                    // (Leaders received by a host are guests, in a text about arms too: "…, and
                    // Mohammed bin Zayed was received by Xi Jinping".)
                    let guests = entry
                        .about_arms
                        .then(|| self.triggers.receiving_people(t, &undated, (a, b), (s, e)))
                        .flatten();
                    if let Some(visit) = guests {
                        sense = visit;
                    } else if entry.about_arms && !arms_here() {
                        sense = match entry.otherwise {
                            Some(kind) => Sense { kind, ..sense },
                            None => self.triggers.dictionary_sense(t, &undated, (a, b), (s, e))?,
                        };
                    }
                    // A missile fired or launched at no one the clause names is a weapons test
                    // or a show of force ("fired a ballistic missile into the sea").
                    if sense.plover == Plover::Assault
                        && matches!(self.triggers.table[t].lemma, Some("fire" | "launch"))
                        && !mentions
                            .iter()
                            .any(|m| m.start >= e && m.end <= b && m.entry.agent.is_none())
                    {
                        let (_, words) = object_after(sentence, e, b);
                        let missile = words.iter().any(|w| {
                            let w = w.to_ascii_lowercase();
                            ["missile", "missiles", "rocket", "rockets", "icbm", "icbms"].contains(&w.as_str())
                        });
                        if missile {
                            sense = Sense {
                                kind: ClaimKind::Threat,
                                plover: Plover::Threaten,
                                cameo: Some("138"),
                                needs_object: false,
                                ..sense
                            };
                        }
                    }
                    // Approving is ratifying where a legislature approves; forces leaving
                    // withdraw. Elsewhere these verbs are what the dictionary makes of them.
                    let legislature = || {
                        mentions
                            .iter()
                            .any(|m| m.start >= a && m.end <= b && m.entry.role.is_some_and(|r| r.contains("LEG")))
                    };
                    let forces_leave = || {
                        mentions
                            .iter()
                            .any(|m| m.start >= a && m.end <= s && m.entry.names_forces())
                    };
                    if (sense.cue == Cue::Approval && !legislature())
                        || (sense.cue == Cue::Departure && !forces_leave())
                    {
                        sense = self.triggers.dictionary_sense(t, &undated, (a, b), (s, e))?;
                    }
                    if sense.cue == Cue::Goods {
                        // (What is handed over or donated is owned after: a warship too, which
                        // sent would be a deployment.)
                        let owned = sense.kind == ClaimKind::Delivery;
                        match (sense.kind, self.arms_given(sentence, e, b, &mentions, owned)) {
                            (ClaimKind::Deployment, true) => sense.kind = ClaimKind::Delivery,
                            (ClaimKind::Delivery, false) => {
                                sense = self.triggers.dictionary_sense(t, &undated, (a, b), (s, e))?
                            }
                            // (Words sent are no forces: "sent a message to Pyongyang", which
                            // the dictionary reads as a statement, a consultation or a threat.)
                            (ClaimKind::Deployment, false)
                                if self
                                    .triggers
                                    .dictionary_sense(t, &undated, (a, b), (s, e))
                                    .and_then(|d| d.cameo)
                                    .is_some_and(|c| c.starts_with("01") || c == "040" || c == "130") =>
                            {
                                return None
                            }
                            _ => {}
                        }
                    }
                    Some((s, e, sense, after_name))
                })
                .collect();
            // What a verb of ending ends is no event of its own: "cancelled a railway contract"
            // is a cancellation, not a contract.
            let ended: Vec<(usize, usize)> = clause_triggers
                .iter()
                .filter(|x| x.2.cue == Cue::Ending)
                .map(|x| {
                    (
                        x.1,
                        x.1 + crate::lexicon::noun_phrase(&undated[x.1..b], crate::lexicon::OBJECT_WORDS).len(),
                    )
                })
                .collect();
            if !ended.is_empty() {
                clause_triggers.retain(|x| !ended.iter().any(|&(e, end)| x.0 >= e && x.0 < end));
            }
            // A thing told before, named again by a definite noun as the clause's subject ("The
            // deployment had been held up by a court ruling"), is no new event: a fact is told
            // once, where it is first told in full; the clause's event, if any, is another ("The
            // signing follows the leaders' meeting"). (A verb of the table after it tells the
            // event: "The pact was signed by …".)
            let retold = clause_triggers.first().filter(|&&(ts, te, _, _)| {
                crate::lexicon::nominal_use(&sentence[..ts])
                    && !clause_triggers
                        .iter()
                        .any(|x| x.0 >= te && c.past_form(&sentence[x.0..x.1].to_ascii_lowercase()))
                    && retold_subject(sentence, (a, ts, te), |t| memory.told_thing(t, |_| false).is_some())
            });
            if let Some(&(ts, _, _, _)) = retold {
                clause_triggers.retain(|x| x.0 != ts);
            }
            // So is one named after a preposition of time ("Speaking to reporters after the
            // summit, …", "during the visit").
            clause_triggers.retain(|&(ts, te, _, _)| {
                !retold_after(sentence, (ts, te), |t| memory.told_thing(t, |_| false).is_some())
            });
            // A nominal trigger inside a prepositional phrase ("in the wake of the invasion",
            // "since the summit") is background, not the clause's event.
            let weight = |s: usize, e: usize, sense: &Sense, after_name: bool| -> (i32, i32) {
                let before = sentence[a..s].to_ascii_lowercase();
                // (Its last four words, to a comma, nearest first.)
                let last: Vec<&str> = before
                    .split_whitespace()
                    .rev()
                    .take(4)
                    .take_while(|w| !w.ends_with(','))
                    .collect();
                let background = ["of the ", "wake of "].iter().any(|p| before.ends_with(p))
                    // … or a few words into a phrase of concession or circumstance ("despite US
                    // sanctions", "amid Chinese pressure") …
                    || last.iter().any(|w| *w == "despite" || *w == "amid")
                    // … or into a phrase of time ("since the summit", "days before the general
                    // election", "after its first summit") …
                    || (1..last.len()).any(|i| {
                        matches!(last[i], "since" | "after" | "before" | "during") && crate::lexicon::determiner(last[i - 1])
                    })
                    // … or inside a participial phrase after a comma ("signed contracts,
                    // turning the framework agreements into orders").
                    || participial_phrase(&before).is_some();
                // A general noun of another type after the clause's verb is its object or
                // background ("congratulated Maduro on his re-election", "praised China during a
                // visit"); a specific one (a treaty, a named programme) is the event itself.
                // (A general noun a few words into a prepositional phrase is one too: "talks on
                // a peace deal".)
                let in_phrase = sentence[a..s]
                    .split_whitespace()
                    .rev()
                    .take(4)
                    .take_while(|w| !w.ends_with(','))
                    .any(|w| {
                        matches!(
                            w.to_ascii_lowercase().as_str(),
                            "on" | "about" | "over" | "against" | "of" | "for" | "into" | "from"
                        )
                    });
                let nominal = crate::lexicon::nominal_use(&sentence[..s]) || in_phrase;
                // (A verb that is the clause's event only where it tells no other makes no
                // other its object or purpose, unless it is one of praise, blame or refusal
                // before a thing told before: in "Iran welcomed the agreement" after an
                // agreement signed the welcome is the event; in "Ankara hailed the delivery"
                // with no delivery told before, the delivery.)
                let about_told = |e2: usize| {
                    crate::lexicon::definite_thing(&sentence[e2..b])
                        .filter(|t| memory.told_thing(*t, |_| false).is_some())
                };
                let governing = |other: &Sense, e2: usize| other.cue != Cue::Fallback || about_told(e2).is_some();
                // (Whatever it is, a noun in a thing told before that a verb of praise, blame
                // or refusal is about, "protested against the sale", or what a request asks for,
                // "demanded the withdrawal of French troops".)
                let object = nominal
                    && clause_triggers.iter().any(|(s2, e2, other, _)| {
                        let about = || other.cue == Cue::Fallback && about_told(*e2).is_some_and(|t| s < *e2 + t.end);
                        *s2 < s
                            && (sense.specificity <= 6 || about() || other.plover == Plover::Request)
                            && (other.plover != sense.plover || in_phrase)
                            && governing(other, *e2)
                            && !crate::lexicon::nominal_use(&sentence[..*s2])
                    });
                // What a request asks to be done, in a clause after "that", is its content, not
                // the clause's event: "demanded that France withdraw its troops" is a demand.
                let requested = clause_triggers.iter().any(|(s2, e2, other, _)| {
                    *s2 < s
                        && matches!(other.plover, Plover::Request | Plover::Threaten)
                        && sense.plover != other.plover
                        && sentence[*e2..s].split_whitespace().take(5).any(|w| w == "that")
                        && !sentence[*e2..s].contains(", ")
                });
                // The verb right after its subject ("The last German soldiers left Mali, ending
                // a decade-long deployment") is the clause's main event.
                // An infinitive after another event's word is what that event is for or about
                // ("signed a contract to supply howitzers", "agreed to send troops").
                // (No comma between: the last comma before it, found by search.)
                let last_comma = commas[..commas.partition_point(|&k| k < s)].last().copied();
                // (Or a phrase of the table that opens with its "to": "to station".)
                let purpose = (sentence[..s].ends_with(" to ") || sentence[s..].starts_with("to "))
                    && clause_triggers.iter().any(|(s2, e2, other, _)| {
                        *s2 < s
                            && (other.kind != sense.kind || other.plover != sense.plover)
                            && governing(other, *e2)
                            && last_comma.is_none_or(|k| k < *e2)
                    });
                // An event in an adverbial clause after the main verb is its circumstance ("…
                // withdrew after Kinshasa declined", "… after declining to renew"); "before
                // delivery" is a phrase, not a clause.
                // (After the clause's first event word: the adverbial words found once per
                // sentence, searched.)
                let first_end = clause_triggers.iter().filter(|x| x.0 < s).map(|x| x.1).min();
                let circumstance = first_end.is_some_and(|e2| {
                    adverbials[adverbials.partition_point(|w| w.0 < e2)..]
                        .iter()
                        .take_while(|w| w.1 <= s)
                        .any(|&(_, we)| {
                            let gerund = sentence[we..s].trim().is_empty()
                                && sentence[s..].split(' ').next().is_some_and(|x| x.ends_with("ing"));
                            // (A subject the dictionaries do not know is one too: "since
                            // Muizzu took office".)
                            let unknown_name = sentence[we..s]
                                .split_whitespace()
                                .next()
                                .is_some_and(|w| w.starts_with(char::is_uppercase) && !crate::dates::calendar_word(w));
                            gerund
                                || unknown_name
                                || mentions[mentions.partition_point(|m| m.start < we)..]
                                    .iter()
                                    .take_while(|m| m.end <= s)
                                    .any(|m| m.entry.agent.is_none())
                        })
                });
                // A participle with its agent right after a noun is a reduced relative clause
                // about that noun, after the clause's verb: "will purchase launchers under a deal
                // approved by parliament" is a purchase.
                let reduced_relative = first_end.is_some_and(|e2| e2 <= s) && reduced_relative(sentence, s);
                // A verb whose means is told after it by a gerund that tells an event gives way
                // to that event: "retaliated by expelling two diplomats" is an expulsion,
                // "marked the anniversary by signing a pact" a signing.
                // (The gerund is the event's word itself, as for "by" above.)
                let by_means = clause_triggers.iter().any(|&(s2, e2, _, _)| {
                    s2 > e
                        && sentence[e..s2].ends_with(" by ")
                        && sentence[e..s2].split_whitespace().count() <= 6
                        && sentence[s2..e2].ends_with("ing")
                });
                // So is an event in a relative clause after it, set off by no comma: "summoned
                // Ukraine's ambassador over a video in which he appeared to back the rebel
                // attack".
                let in_relative = first_end.is_some_and(|e2| {
                    e2 <= s
                        && sentence[e2..s]
                            .split_whitespace()
                            .scan("", |prev, w| Some((std::mem::replace(prev, w), w)))
                            .any(|(p, w)| !p.ends_with(',') && matches!(w, "which" | "who" | "whom" | "whose"))
                });
                let w = i32::from(sense.specificity)
                    - if background
                        || object
                        || purpose
                        || circumstance
                        || reduced_relative
                        || requested
                        || in_relative
                        || by_means
                    {
                        6
                    } else if !governing(sense, e) || may_deny && denied(sentence, a, s) {
                        // (Nor is what the clause denies: in "Tehran denied that it had sent
                        // missiles" the denial is the event.)
                        20
                    } else {
                        0
                    };
                // (Only a first verb: a word after a name further on is a noun the name
                // modifies, "refused to join European Union sanctions".)
                let first_verb = !clause_triggers
                    .iter()
                    .any(|(s2, _, _, _)| *s2 < s && !crate::lexicon::nominal_use(&sentence[..*s2]));
                (w + if after_name && first_verb { 2 } else { 0 }, w)
            };
            // The main event's type first (the subject's verb weighs more); then, within that
            // type, the most specific trigger ("signed contracts": the contract).
            let best_type = clause_triggers
                .iter()
                .max_by_key(|(s, e, sense, after)| (weight(*s, *e, sense, *after).0, std::cmp::Reverse(*s)))
                .map(|x| x.2.plover);
            let Some(&(ts, te, trig, _)) = clause_triggers
                .iter()
                .filter(|x| Some(x.2.plover) == best_type)
                .max_by_key(|(s, e, sense, after)| (weight(*s, *e, sense, *after).1, std::cmp::Reverse(*s)))
            else {
                // A clause with no event of its own that counts weapon systems continues the
                // arms deal of the clause before it ("…framework agreements, which envisage
                // 1,000 K2 tanks, 672 K9 howitzers and 48 FA-50 aircraft"; "and another with
                // Hanwha for 212 K9A1 howitzers"): one claim per system counted, the first
                // completing the deal's own claim when that counted nothing.
                // A later sentence that says what a deal covers ("It also covers six K10
                // vehicles") continues the last deal told, each count a claim of its own.
                if let Some(k) = last_deal {
                    self.continue_deal(
                        out,
                        k,
                        index,
                        sentence,
                        offset,
                        (a, b),
                        &dates,
                        &mentions,
                        article,
                        true,
                    );
                } else if let Some(k) = memory.last_deal.filter(|_| c.contents.is_match(&sentence[a..b])) {
                    self.continue_deal(
                        out,
                        k,
                        index,
                        sentence,
                        offset,
                        (a, b),
                        &dates,
                        &mentions,
                        article,
                        false,
                    );
                }
                // A clause without an event still sets the subject for what follows.
                if let Some(m) = mentions
                    .iter()
                    .find(|m| m.start >= a.max(opening_end) && m.start < b && m.entry.agent.is_none())
                {
                    subject_in_sentence = vec![(m.entry.clone(), sentence[m.start..m.end].to_string())];
                }
                continue;
            };
            let clause_dated = dates.iter().any(|d| d.start >= a && d.end <= b);
            if unasserted(sentence, a, ts, clause_dated)
                || reported_of_a_thing(sentence, (a, ts), &mentions, &c.both_sides)
            {
                continue;
            }
            // "Signed" names no instrument: in a text about an arms deal, with no other thing
            // signed in the clause, it is the deal's ("the first, signed in August 2022, covered
            // 212 howitzers").
            let mut trig = trig;
            if trig.cue == Cue::Signing
                && !clause_triggers
                    .iter()
                    .any(|x| x.0 != ts && x.2.kind != ClaimKind::Agreement)
                && memory.last_claim.as_ref().is_some_and(|(f, ..)| *f == 1)
            {
                if let Some(k) = memory.last_deal {
                    trig.kind = out[k].mode;
                }
            }
            // What arrives decides the event: goods are delivered, forces deployed, and a
            // leader, a delegation or a state arriving somewhere is visiting it ("Pope Francis
            // arrived in Kinshasa", "400 Kenyan police officers arrived in Port-au-Prince").
            // Agreeing to buy or sell arms is an arms deal: "Greece has agreed to buy three
            // frigates from France" (agreed, so PLOVER's AGREE still).
            // Taking part in an exercise is the exercise: "took part in Talisman Sabre, the
            // large exercise Australia holds", "joined the drills" (not attending a meeting).
            if trig.kind == ClaimKind::Attendance {
                let exercise = clause_triggers.iter().find(|x| {
                    x.0 > ts && x.2.kind == ClaimKind::Exercise && sentence[te..x.0].split_whitespace().count() <= 8
                });
                if let Some(x) = exercise {
                    trig.kind = ClaimKind::Exercise;
                    trig.plover = x.2.plover;
                    trig.cameo = x.2.cameo;
                }
            }
            // Going to a place or a state (the dictionary's verbs of going somewhere, CAMEO's bare 040:
            // "travelled to Tokyo", "went to Kyiv") is visiting it (042); the place is the
            // party after the verb it needs.
            // (A place, or a state by its name: "went to Japan".)
            let to_place = places
                .iter()
                .chain(
                    mentions
                        .iter()
                        .filter(|m| m.entry.kind == ActorKind::State && m.entry.agent.is_none()),
                )
                .any(|m| {
                    let gap = sentence.get(te..m.start);
                    gap == Some(" to ") || gap == Some(" ") && sentence[..te].ends_with(" to")
                });
            if trig.cameo == Some("040") && to_place {
                trig.kind = ClaimKind::Visit;
                trig.cameo = Some("042");
                trig.needs_object = false;
            }
            // Agreeing to act is an intention (CAMEO 030, PLOVER's AGREE); what is agreed
            // ("the partnership the two leaders agreed in May") is concluded (057, SUPPORT).
            if trig.cameo == Some("030")
                && trig.kind == ClaimKind::Agreement
                && !sentence[te..].split_whitespace().take(4).any(|w| w == "to")
            {
                trig.cameo = Some("057");
            }
            // A promise or offer to act (CAMEO 03x, PLOVER's AGREE) is an intention to do that
            // act: "has pledged to deploy the rest of its contingent" is a deployment to come,
            // with a deployment's counterpart.
            if trig.plover == Plover::Agree
                && trig.kind == ClaimKind::Statement
                && trig.cameo.is_some_and(|c| c.starts_with("03"))
                && sentence[te..].starts_with(" to ")
            {
                let act = clause_triggers
                    .iter()
                    .find(|x| x.0 == te + 4)
                    .filter(|x| matches!(family(x.2.kind), Some(1 | 3 | 4)));
                if let Some(x) = act {
                    trig.kind = x.2.kind;
                }
            }
            // A promise of arms (CAMEO 0332, intent to provide military aid) is a delivery to
            // come, with a delivery's counterpart: "pledged some 50 CV90 infantry fighting
            // vehicles".
            if trig.plover == Plover::Agree
                && trig.kind == ClaimKind::Statement
                && trig.cameo.is_some_and(|c| c.starts_with("03"))
                && self.arms_given(sentence, te, b, &mentions, true)
            {
                trig.kind = ClaimKind::Delivery;
                trig.cameo = Some("0332");
            }
            if trig.kind == ClaimKind::Agreement && sentence[te..].starts_with(" to ") {
                let deal = clause_triggers
                    .iter()
                    .find(|x| x.0 == te + 4)
                    .is_some_and(|x| x.2.kind == ClaimKind::ArmsDeal);
                if deal {
                    trig.kind = ClaimKind::ArmsDeal;
                }
            }
            // An agreement for a number of weapon systems, or for a named one, is an arms deal
            // ("struck a deal with Korea for 180 K2 tanks", "signed a deal for K9 howitzers").
            let for_a_system = || {
                clause_systems().iter().any(|&(s, _, _)| {
                    a + s > te && {
                        let words = sentence[te..a + s].split_whitespace();
                        words.clone().count() <= 8 && words.rev().take(3).any(|w| w == "for")
                    }
                })
            };
            if trig.kind == ClaimKind::Agreement
                && trig.plover == Plover::Agree
                && (for_a_system()
                    || counted_items(&sentence[a..b], a, &dates, clause_systems())
                        .iter()
                        .any(|(q, s)| q.is_some() && s.is_some()))
            {
                trig.kind = ClaimKind::ArmsDeal;
            }
            // (A ship calls or docks at a port it names: "called at Colombo", "docked at
            // Busan", not "called at the summit for a ceasefire", "docked in the morning".)
            if trig.cue == Cue::PortCall
                && [" at", " in"].iter().any(|p| sentence[ts..te].ends_with(p))
                && !sentence[te..].trim_start().starts_with(char::is_uppercase)
            {
                continue;
            }
            if trig.cue == Cue::Arrival {
                // (Arriving to come is told of a place named right after it: "is due in Cairo",
                // not "deliveries are due in 2027".)
                let to_come = sentence[ts..te].ends_with(" in");
                let place_next = places
                    .iter()
                    .chain(mentions.iter().filter(|m| m.entry.kind == ActorKind::State))
                    .any(|m| sentence.get(te..m.start).is_some_and(|g| g.trim().is_empty()));
                if to_come && !place_next {
                    continue;
                }
                let subject: Vec<&ActorMention> = mentions.iter().filter(|m| m.start >= a && m.end <= ts).collect();
                let goods = !self.lexicon.systems(&sentence[a..ts]).is_empty()
                    || !counted_items(&sentence[a..ts], a, &dates, &[]).is_empty()
                        && !subject.iter().any(|m| m.entry.names_forces());
                // (Being somewhere is a visit of people, nothing else: "the summit was in
                // Vilnius", "Russian troops were in Bucha" tell no arrival.)
                // (Or a person told by a pronoun: "…, and he was in Riyadh last October".)
                let person = sentence[a..ts]
                    .split_whitespace()
                    .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase())
                    .any(|w| matches!(w.as_str(), "he" | "she"));
                let people = !goods
                    && (person
                        || subject
                            .iter()
                            .any(|m| !m.entry.names_forces() && (m.entry.agent.is_none() || m.entry.demonym)));
                if trig.kind == ClaimKind::Visit && !people {
                    continue;
                }
                if subject.iter().any(|m| m.entry.names_forces()) {
                    // (Of its type too: forces arriving "in" a country visit nobody.)
                    trig.kind = ClaimKind::Deployment;
                    trig.cameo = Some("062");
                    trig.plover = Plover::Cooperate;
                } else if !goods && subject.iter().any(|m| m.entry.agent.is_none() || m.entry.demonym) {
                    trig.kind = ClaimKind::Visit;
                    trig.plover = Plover::Consult;
                    trig.cameo = Some("042");
                }
            }
            // Forces provided or contributed are deployed: a delivery whose object names forces
            // ("have contributed troops", "provided 200 police officers") is a deployment.
            if trig.kind == ClaimKind::Delivery {
                let object = crate::lexicon::noun_phrase(&sentence[te..b], crate::lexicon::OBJECT_WORDS);
                // (Not weapons the dictionaries' agents also name: "fighters", "frigates"; nor
                // weapons given to forces named first, "given the Peruvian navy two corvettes".)
                let arms = object_after(sentence, te, b)
                    .1
                    .iter()
                    .any(|w| crate::lexicon::weapon_word(&w.to_ascii_lowercase()));
                if !arms
                    && mentions
                        .iter()
                        .any(|m| m.start >= te && m.end <= te + object.len() && m.entry.names_forces())
                {
                    trig.kind = ClaimKind::Deployment;
                }
            }
            let in_clause: Vec<&ActorMention> = mentions.iter().filter(|m| m.start >= a && m.end <= b).collect();
            // (Coercion and sanctions by or against a person are their own state's affair: beside
            // a party of another state the person acts for their state — "the Trump
            // administration imposed sanctions on Turkey" is the United States'.)
            let foreign_party = {
                let states: Vec<&str> = in_clause
                    .iter()
                    .filter(|m| m.entry.kind == ActorKind::Person)
                    .map(|m| m.entry.acts_for.as_str())
                    .collect();
                in_clause.iter().any(|m| {
                    m.entry.kind != ActorKind::Person
                        && m.entry.agent.is_none()
                        && !states.contains(&m.entry.acts_for.as_str())
                })
            };
            let keep_person = matches!(trig.kind, ClaimKind::Election | ClaimKind::Inauguration)
                || (trig.kind == ClaimKind::Statement
                    && matches!(trig.plover, Plover::Coerce | Plover::Sanction)
                    && !foreign_party);
            let id_of_entry = |e: &ActorEntry| -> String {
                if keep_person && e.kind == ActorKind::Person {
                    e.id.clone()
                } else {
                    e.acts_for.clone()
                }
            };
            let id_of = |m: &ActorMention| id_of_entry(&m.entry);
            // Passive with an agent: "… was signed by X", "the contract signed by X": "by" after a
            // past participle. (In "condemned an attack by X" the "by" is the attack's.)
            // Or a verb in the passive voice before it, the agent a few words on ("was signed
            // on 6 January 2022 by X").
            let participle = |word: &str| {
                let word = word.to_ascii_lowercase();
                c.past_form(&word) || word.ends_with("en")
            };
            let passive_by = |k: usize| {
                let words: Vec<&str> = sentence[a..te + k].split_whitespace().collect();
                let be = |w: &str| {
                    ["was", "were", "been", "be", "is", "are", "being"]
                        .iter()
                        .any(|b| w.eq_ignore_ascii_case(b))
                };
                words.iter().enumerate().rev().take(9).any(|(i, w)| {
                    participle(w)
                        && (i >= 1 && be(words[i - 1]) || i >= 2 && words[i - 1].ends_with("ly") && be(words[i - 2]))
                })
            };
            let by = sentence[te..b]
                .find(" by ")
                // (Not a means, the gerund of an event after "by": "retaliated by expelling two
                // Polish diplomats"; "backed by neighbouring Rwanda" has its agent.)
                .filter(|&k| {
                    let at = te + k + 4;
                    !triggers
                        .iter()
                        .any(|&(s2, e2, _)| s2 == at && sentence[s2..e2].ends_with("ing"))
                })
                .filter(|&k| {
                    // (Further from the verb, the agent is what "by" names: not the names in
                    // "made possible by a thaw between Seoul and Tokyo".)
                    let named_next = || {
                        in_clause
                            .iter()
                            .find(|m| m.start >= te + k + 4)
                            .is_some_and(|m| sentence[te + k + 4..m.start].split_whitespace().count() <= 2)
                    };
                    // (Nor another verb's agent: "will purchase launchers under a deal approved
                    // by parliament".)
                    // (Nor that of a passive of its own later in the clause: "rejected the
                    // concerns and said its cooperation should not be disturbed by third
                    // parties".)
                    let own_passive = || {
                        if crate::lexicon::nominal_use(&sentence[..ts]) {
                            return false;
                        }
                        // (A form of "be" one or two words before the word before "by".)
                        sentence[te..te + k]
                            .split_whitespace()
                            .rev()
                            .skip(1)
                            .take(2)
                            .any(|w| crate::lexicon::be_form(&w.to_ascii_lowercase()))
                    };
                    let other_verb = triggers
                        .iter()
                        .any(|&(s2, e2, _)| s2 >= te && e2 == te + k && reduced_relative(sentence, s2))
                        || own_passive();
                    !other_verb
                        && (participle(sentence[..te + k].rsplit(' ').next().unwrap_or(""))
                            || passive_by(k) && named_next())
                })
                .map(|k| te + k + 4);
            // A noun of an event with "by" right after it names its agent, to the next
            // preposition: "the visit by Japan's foreign minister to Seoul", "an attack by
            // Russian drones on Odesa".
            let nominal_by =
                by.is_none() && sentence[te..b].starts_with(" by ") && crate::lexicon::nominal_use(&sentence[..ts]);
            let (by, by_end) = if nominal_by {
                let from = te + 4;
                let end = [" to ", " on ", " in ", " at ", " with ", " against ", " for ", ","]
                    .iter()
                    .filter_map(|p| sentence[from..b].find(p))
                    .min()
                    .map_or(b, |e| from + e);
                (Some(from), end)
            } else {
                (by, b)
            };
            // (Whom "by" names with a possessive, with no name of their own, are the subject's
            // own people, not another agent: "sent delegations to the summit, usually led by
            // their heads of government".)
            let by = by.filter(|&k| {
                let own = sentence[k..]
                    .split_once(' ')
                    .is_some_and(|(w, _)| crate::lexicon::possessive(w));
                !own || in_clause
                    .iter()
                    .any(|m| m.start >= k && m.end <= by_end && m.entry.agent.is_none())
            });
            // A subordinate clause has a subject of its own: in "… since Russia invaded
            // Ukraine" the names before "since" are not the invader.
            let own_subject_from = c
                .subordinator
                .find_iter(&sentence[a..ts])
                .map(|w| a + w.end())
                .filter(|&p| {
                    in_clause
                        .iter()
                        .any(|m| m.start >= p && m.start < ts && m.entry.agent.is_none())
                })
                .last()
                .unwrap_or(a)
                .max(if opening_end > a && opening_end < ts {
                    opening_end
                } else {
                    a
                });
            // An apposition holds its trigger's counterpart: in "Poland, a NATO member since
            // 1999, borders Ukraine" nothing after its closing comma is the membership's.
            let apposition_end = appositions
                .iter()
                .find(|&&(_, _, c1, c2)| c1 < ts && ts < c2)
                .map(|&(_, _, _, c2)| c2);
            let mut actors: Vec<(String, String)> = Vec::new();
            let mut recipients: Vec<(String, String)> = Vec::new();
            // Who acts "together with" a subject the clause does not name (it is carried from
            // before: "Sweden, which applied together with Finland"), joined to it below.
            let mut companions: Vec<(String, String)> = Vec::new();
            let mut agents = 0;
            // (Whether the trigger is a body's admitting someone, in the active voice.)
            let admits = trig.cue == Cue::Admission
                && !sentence[a..ts]
                    .split_whitespace()
                    .next_back()
                    .is_some_and(|w| crate::lexicon::be_form(&w.to_ascii_lowercase()));
            for m in &in_clause {
                // (Not a name inside the trigger's own words: "Partner since", a group's name.)
                if m.start >= ts && m.start < te {
                    continue;
                }
                // (Nor one whose side the subject takes, "cutting ties with Kyiv in solidarity
                // with Mali", or for whom it acts; nor a state's border that locates something,
                // "near Tinzaouaten, close to the Algerian border".)
                let before = lower_tail(&sentence[..m.start], 25);
                let cause = m.start >= te
                    && !recipients.is_empty()
                    && ["in solidarity with ", "on behalf of "]
                        .iter()
                        .any(|p| before.ends_with(p) || before.ends_with(&format!("{p}the ")));
                let border = m.entry.demonym
                    && sentence[m.end..]
                        .split_whitespace()
                        .next()
                        .is_some_and(|w| matches!(w.trim_end_matches([',', '.']), "border" | "frontier" | "coast"))
                    && ["near the ", "close to the ", "along the ", "across the ", "at the "]
                        .iter()
                        .any(|p| before.ends_with(p));
                if cause || border {
                    continue;
                }
                let pair = (id_of(m), sentence[m.start..m.end].to_string());
                let agent = by.is_some_and(|k| m.start >= k && m.end <= by_end);
                if m.start < own_subject_from && !agent {
                    continue;
                }
                // (A body named as the member's modifier is what it is a member of: "a NATO
                // member", "EU member states".)
                // (Or its possessive: "the alliance's 32nd member".)
                let body_of_member = matches!(trig.kind, ClaimKind::Membership | ClaimKind::Accession)
                    && !admits
                    && m.end <= ts
                    && {
                        let gap = sentence[m.end..ts].trim();
                        let owner = gap.strip_prefix("'s").or_else(|| gap.strip_prefix("\u{2019}s"));
                        gap.is_empty() || owner.is_some_and(|rest| rest.split_whitespace().count() <= 1)
                    }
                    && self.is_body(&m.entry.acts_for);
                // (Who acts "together with" the subject is on its side.)
                let alongside = ["together with ", "along with ", "alongside "]
                    .iter()
                    .any(|p| sentence[..m.start].ends_with(p) || sentence[..m.start].ends_with(&format!("{p}the ")));
                // (A name before the verb that a "for" or "to" governs is no subject but whom the
                // act is for, once a subject is named: "The IMF approved a loan for Egypt to help
                // ease its shortage".)
                let benefactive = m.start < ts && !actors.is_empty() && {
                    let before = sentence[..m.start].trim_end();
                    let before = before.strip_suffix(" the").unwrap_or(before);
                    before.ends_with(" for") || before.ends_with(" to")
                };
                // (Nor one where someone went before a noun's event: "flew to Moscow for talks"
                // has Russia for counterpart.)
                let whither = m.start < ts && !agent && {
                    let before = sentence[..m.start].trim_end();
                    let before = before.strip_suffix(" the").unwrap_or(before);
                    matches!(before.rsplit(' ').next().unwrap_or(""), "to" | "into" | "towards")
                };
                // (Nor one "with" whom a verb does the noun's event after it: "signed with
                // Vietnam a logistics memorandum", whose subject is before the verb or carried.)
                let comitative = m.start < ts && !agent && !alongside && {
                    let before = sentence[..m.start].trim_end();
                    let before = before.strip_suffix(" the").unwrap_or(before);
                    let mut words = before.rsplit(' ');
                    words.next().is_some_and(|w| w.eq_ignore_ascii_case("with"))
                        && words.next().is_some_and(|v| c.past_form(&v.to_ascii_lowercase()))
                };
                if body_of_member || benefactive || whither || comitative {
                    recipients.push(pair);
                } else if (m.start < ts && !agent) || (alongside && !actors.is_empty()) {
                    actors.push(pair);
                } else if alongside {
                    companions.push(pair);
                } else if agent {
                    // (The agents first, in their order.)
                    actors.insert(agents, pair);
                    agents += 1;
                } else if sentence[te..m.start].split_whitespace().count() <= 12
                    && apposition_end.is_none_or(|e| m.start < e)
                {
                    // Names far after the trigger belong to something else said in the clause.
                    // (A possessive in a prepositional phrase names whose the place or thing is,
                    // not a counterpart, when one is named before it: "troops fighting Ukraine
                    // in Russia's Kursk region", "an enabler of Russia's war".)
                    let possessive = possessive_next(&sentence[m.end..]);
                    let in_phrase = || {
                        let mut before = sentence[te..m.start].split_whitespace().rev();
                        let w = before
                            .next()
                            .filter(|w| !w.eq_ignore_ascii_case("the"))
                            .or_else(|| before.next());
                        w.is_some_and(|w| {
                            [
                                "of", "in", "into", "at", "on", "from", "near", "across", "inside", "within",
                            ]
                            .iter()
                            .any(|p| w.eq_ignore_ascii_case(p))
                        })
                    };
                    if possessive && !recipients.is_empty() && in_phrase() {
                        continue;
                    }
                    // (Where a meeting is held is no party to it: "met in Brazil".)
                    let venue = trig.kind == ClaimKind::Summit && {
                        let before = sentence[..m.start].strip_suffix("the ").unwrap_or(&sentence[..m.start]);
                        before.ends_with(" in ")
                    };
                    if venue {
                        continue;
                    }
                    // (Nor a name in a clause about the counterpart already named, a participle's
                    // or a relative clause's: "sanctions on three Chinese firms accused of
                    // supplying drones to Moscow", "warned China against supplying weapons to
                    // Russia", "accused Iran of arming Hezbollah".)
                    let first_end = in_clause
                        .iter()
                        .filter(|r| r.start >= te && r.end <= m.start && r.entry.agent.is_none())
                        .find(|r| recipients.iter().any(|x| x.0 == id_of(r)))
                        .map(|r| r.end);
                    // (Nor one in an infinitive after it, what the counterpart is to do: "urged
                    // the bloc to ban all Iranian oil exports". Nor one in a phrase after the noun
                    // the counterpart's possessive governs: "ratified Sweden's accession to the
                    // alliance", "condemned Russia's invasion of Ukraine".)
                    let subordinate = first_end.is_some_and(|e| {
                        let words: Vec<String> = sentence[e..m.start]
                            .split_whitespace()
                            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase())
                            .collect();
                        let infinitive = words.windows(2).any(|w| {
                            w[0] == "to"
                                && !w[1].is_empty()
                                && !crate::lexicon::determiner(&w[1])
                                && !w[1].starts_with(|c: char| c.is_ascii_digit())
                        });
                        let owned = possessive_next(&sentence[e..])
                            && words.len() <= 4
                            && words.last().is_some_and(|w| {
                                matches!(
                                    w.as_str(),
                                    "of" | "to" | "in" | "into" | "on" | "against" | "with" | "the"
                                )
                            });
                        infinitive
                            || owned
                            || words.iter().any(|w| {
                                // (Nor one in a phrase telling when, after it: "backed Baku
                                // during the 2020 war with Armenia".)
                                matches!(w.as_str(), "that" | "which" | "who" | "whose" | "during" | "amid")
                                    || w.len() > 5
                                        && w.ends_with("ing")
                                        && !crate::lexicon::PARTICIPLE_PREPOSITIONS.contains(&w.as_str())
                            })
                    });
                    if subordinate {
                        continue;
                    }
                    recipients.push(pair);
                }
            }
            // What is delivered "from" a party comes from it: "Greece received its first F-35
            // from the United States", "took delivery of helicopters from the US" are deliveries
            // by the party to the subject.
            // So is what is done to the subject "from" a party, in the passive: "Two Russian
            // diplomats were expelled from Poland" is Poland's expulsion of Russia's.
            // (Not an order: what is bought "from" a party is bought from it, "were ordered from
            // Daewoo".)
            // (And an envoy summoned "to" a ministry, in the passive, is summoned by its
            // government: "The Russian ambassador was summoned to the foreign ministry in
            // Warsaw" is Poland's complaint to Russia.)
            let passive_from =
                family(trig.kind) != Some(1) && crate::lexicon::passive_with(sentence, (a, ts, te), &["from"]);
            let summoned_to = trig.cameo == Some("114") && crate::lexicon::passive_with(sentence, (a, ts, te), &["to"]);
            // (Not for taking delivery or receiving, whose sides are set below, after the
            // supplier is found.)
            let delivered = trig.kind == ClaimKind::Delivery && !trig.passive;
            if (delivered || passive_from || summoned_to) && !recipients.is_empty() {
                let from = |x: &(String, String)| {
                    in_clause.iter().any(|m| {
                        m.start >= te && id_of(m) == x.0 && {
                            let before = sentence[..m.start].strip_suffix("the ").unwrap_or(&sentence[..m.start]);
                            before.ends_with(" from ")
                                || summoned_to && matches!(sentence[te..m.start].trim(), "to" | "to the")
                        }
                    })
                };
                if recipients.iter().all(from) {
                    std::mem::swap(&mut actors, &mut recipients);
                }
            }
            // A body that admits a state is what the state joins: "NATO admitted Finland" is
            // Finland's accession to NATO. (In the passive, "Finland was admitted to NATO", the
            // subject joins already.)
            if admits && !actors.is_empty() && actors.iter().all(|x| self.is_body(&x.0)) && !recipients.is_empty() {
                std::mem::swap(&mut actors, &mut recipients);
            }
            // The two sides of a relation told "between X and Y", with no subject before, are
            // its actors: "Talks between Japan and Australia concluded", "The agreement between
            // Seoul and Warsaw covers 180 tanks".
            if actors.is_empty() {
                let near = &sentence[te..b];
                if let Some(k) = near
                    .find(" between ")
                    .filter(|&k| near[..k].split_whitespace().count() <= 3)
                {
                    let from = te + k + " between ".len();
                    // (To the end of the phrase: not into a relative clause after it, "a
                    // memorandum between Ankara and Tripoli that Athens and Cairo consider void".)
                    let to = [",", ";", " that ", " which ", " who "]
                        .iter()
                        .filter_map(|p| sentence[from..b].find(p))
                        .min()
                        .map_or(b, |e| from + e);
                    let sides: Vec<(String, String)> = in_clause
                        .iter()
                        .filter(|m| m.start >= from && m.end <= to && m.entry.agent.is_none())
                        .map(|m| (id_of(m), sentence[m.start..m.end].to_string()))
                        .collect();
                    if sides.len() >= 2 {
                        recipients.retain(|r| !sides.contains(r));
                        // (A state and an organisation: the state acts towards the organisation,
                        // as in a partnership, "dialogue between New Zealand and NATO".)
                        let (bodies, others): (Vec<_>, Vec<_>) = sides.into_iter().partition(|x| self.is_body(&x.0));
                        if others.is_empty() {
                            actors = bodies;
                        } else {
                            actors = others;
                            recipients.splice(0..0, bodies);
                        }
                    }
                }
            }
            // Members named after "members" with no subject before are its members: "As fellow
            // G7 members, the United Kingdom and Japan …".
            if trig.kind == ClaimKind::Membership && actors.is_empty() {
                let state = |id: &str| self.kb.actor(id).is_some_and(|x| x.kind == ActorKind::State);
                if recipients.iter().any(|r| !state(&r.0)) {
                    let (states, bodies): (Vec<_>, Vec<_>) = recipients.drain(..).partition(|r| state(&r.0));
                    actors = states;
                    recipients = bodies;
                }
            }
            if by.is_some() && !actors.is_empty() {
                // The grammatical subject of a passive clause is what was acted upon.
                let subject_before: Vec<(String, String)> = in_clause
                    .iter()
                    .filter(|m| m.start < ts)
                    .map(|m| (id_of(m), sentence[m.start..m.end].to_string()))
                    .collect();
                actors.retain(|x| !subject_before.contains(x));
                recipients.splice(0..0, subject_before);
            }
            if let Some(implied) = trig.implies {
                if !actors.iter().chain(&recipients).any(|x| x.0 == implied) {
                    recipients.push((implied.to_string(), String::new()));
                }
            }
            // "The two sides", "both countries": the two the text is about (its two most named),
            // else the actors of the last claim that named two; "the three leaders": the last
            // claim's that named three.
            let both = c.both_sides.captures(&sentence[a..b]);
            let group: Option<(Vec<String>, regex::Match)> = both.as_ref().and_then(|m| {
                // (A bare "the four" is the group without the word after it.)
                let whole = m.get(2).or_else(|| m.get(0))?;
                let n = group_size(m.get(1).or_else(|| m.get(2))?.as_str());
                // (After the verb of a clause whose subject already names that many, the
                // group is that subject: "The Philippines and Vietnam signed a memorandum, the
                // first between the two countries".)
                if a + whole.start() >= te && actors.len() == n {
                    return None;
                }
                let topic = || {
                    (n == 2)
                        .then(|| memory.topic().map(|(x, y)| vec![x.to_string(), y.to_string()]))
                        .flatten()
                };
                let named = topic().or_else(|| memory.groups.get(n).cloned().flatten().map(|g| g.0))?;
                Some((named, whole))
            });
            let grouped = group.is_some();
            // (A group after the verb is its object: "urged both sides to stand down".)
            let group_object = group
                .as_ref()
                .is_some_and(|(_, m)| a + m.start() >= te && sentence[te..a + m.start()].trim().is_empty());
            if let Some((ids, m)) = group {
                let side = if a + m.start() < ts {
                    &mut actors
                } else {
                    &mut recipients
                };
                for id in ids {
                    if !side.iter().any(|s| s.0 == id) {
                        side.push((id, m.as_str().to_string()));
                    }
                }
            }
            // A clause whose only subject is a generic agent ("officials", "the government")
            // speaks of the actor the text is about, when it has one.
            let all_agents = |v: &Named| {
                !v.is_empty()
                    && v.iter()
                        .all(|(id, _)| in_clause.iter().any(|m| m.entry.agent.is_some() && m.entry.id == *id))
            };
            let only_agents = all_agents(&actors);
            // (A subject named by a name no dictionary knows is somebody: the subject told
            // before is not its stand-in — in "Biden hosted Albanese" with no full name of
            // Biden's before, the host is unknown, not the last subject.)
            let unknown_subject = actors.is_empty() && {
                let w = sentence[ts..te]
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .to_ascii_lowercase();
                let past = |w: &str| c.past_form(w);
                let from = own_subject_from.max(a);
                let initial = sentence[..from].trim().is_empty();
                // (Or the clause's first word, when a past verb follows it: "Modi held a
                // separate meeting with Biden".)
                let mut first = word_spans(&sentence[from..ts]);
                let head = first
                    .next()
                    .zip(first.next())
                    .filter(|(_, (_, v))| past(&v.to_ascii_lowercase()));
                // (How the text writes its words, read once, when first asked.)
                let cases = memory.cases.get_or_init(|| word_cases(&article.text));
                past(&w) && unknown_name(&sentence[from..ts], initial, cases)
                    || head.is_some_and(|((i, n), _)| {
                        unknown_name(&sentence[from + i..from + i + n.len()], initial, cases)
                    })
            };
            // A clause whose subject is a pronoun ("It has been a NATO partner since 2005") is
            // about the subject told before: names before its verb modify, they do not act.
            let pronoun_led = {
                let mut w = sentence[a..ts]
                    .split_whitespace()
                    .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase())
                    .filter(|w| !w.is_empty() && !matches!(w.as_str(), "and" | "but" | "then"));
                w.next().is_some_and(|w| crate::lexicon::subject_pronoun(&w))
                    && !matches!(w.next().as_deref(), Some("and" | "or"))
            };
            if pronoun_led {
                actors.clear();
            }
            // A main clause resumed after a relative clause has the relative clause's
            // antecedent for subject ("Chile, which shares a border with Peru, deployed troops").
            let mut resumed_subject = false;
            // (Which is then the sentence's subject for what follows: "Serbia, which is not in
            // NATO, bought jets from Russia, although it agreed …", "it" is Serbia.)
            let mut resumed_from: Vec<(ActorEntry, String)> = Vec::new();
            if actors.is_empty() {
                if let Some((_, list)) = resumed.iter().find(|(k, _)| *k == a) {
                    actors.extend(list.iter().map(|m| (id_of(m), sentence[m.start..m.end].to_string())));
                    resumed_from = list
                        .iter()
                        .map(|m| (m.entry.clone(), sentence[m.start..m.end].to_string()))
                        .collect();
                    // (Where its verb is the event, not a noun after some other verb: "…, said
                    // the meeting was about more than any threat" tells no meeting.)
                    resumed_subject = !list.is_empty()
                        && sentence[a..ts]
                            .split(|c: char| c == ',' || c.is_whitespace())
                            .filter(|w| !w.is_empty())
                            .map(|w| w.to_ascii_lowercase())
                            .all(|w| {
                                crate::lexicon::before_a_verb(&w)
                                    || matches!(w.as_str(), "has" | "have" | "had")
                                    || PERFECT_ADVERBS.contains(&w.as_str())
                            });
                }
            }
            let inherited = (!unknown_subject || pronoun_led)
                && (actors.is_empty()
                    || (only_agents && (!subject_in_sentence.is_empty() || !memory.subject.is_empty())));
            let antecedent: Option<Named> = antecedents.iter().find(|(p, _)| *p == a).map(|(_, list)| {
                list.iter()
                    .map(|m| (id_of(m), sentence[m.start..m.end].to_string()))
                    .collect()
            });
            if !inherited {
                // A relative clause with a subject of its own is about its antecedent ("ISAF,
                // which NATO took command of"): the antecedent is the counterpart.
                for x in antecedent.iter().flatten().rev() {
                    if !actors.iter().chain(&recipients).any(|y| y.0 == x.0) {
                        recipients.insert(0, x.clone());
                    }
                }
                // (An antecedent that names no one, right after the sentence's last event, is
                // that event, and its parties the counterparts: "… in a deal signed in Cairo
                // in August 2020, which Turkey rejected".)
                if recipients.is_empty() && unnamed_antecedents.contains(&a) {
                    if let Some(last) = out[first_here..].last() {
                        recipients = last
                            .actors
                            .iter()
                            .chain(&last.recipients)
                            .filter(|x| !actors.iter().any(|y| y.0 == x.id))
                            .map(|x| (x.id.clone(), String::new()))
                            .collect();
                    }
                }
            }
            // (A relative clause whose subject is a pronoun has its antecedent for object: in
            // "India is a member of the Quad, which it joined in 2017", "it" is India.)
            let pronoun_subject = {
                let mut w = sentence[a..ts]
                    .split_whitespace()
                    .map(|w| w.trim_matches(',').to_ascii_lowercase())
                    .filter(|w| !w.is_empty());
                matches!(w.next().as_deref(), Some("which" | "that" | "whom"))
                    && w.next()
                        .is_some_and(|w| crate::lexicon::subject_pronoun(&w) || w == "we")
            };
            // (The subject carried from the sentence, else from the text.)
            let carried = || -> Named {
                let from = if subject_in_sentence.is_empty() {
                    &memory.subject
                } else {
                    &subject_in_sentence
                };
                from.iter().map(|(e, t)| (id_of_entry(e), t.clone())).collect()
            };
            if inherited {
                let carried = match described_subject {
                    Some((k, m)) if a < k => {
                        vec![(id_of(m), sentence[m.start..m.end].to_string())]
                    }
                    _ => carried(),
                };
                match antecedent {
                    Some(list) if !pronoun_subject => actors = list,
                    Some(list) => {
                        actors = carried;
                        for x in list.into_iter().rev() {
                            if !actors.iter().chain(&recipients).any(|y| y.0 == x.0) {
                                recipients.insert(0, x);
                            }
                        }
                    }
                    None => {
                        actors = carried;
                        // A plural subject ("they", "the leaders") after an event between the
                        // subject told and others is all of them: "Biden hosted Yoon and Kishida
                        // at Camp David. The leaders agreed to meet every year."
                        if plural_subject(c, &sentence[a..ts]) {
                            let together =
                                |p: &Plover| matches!(p, Plover::Consult | Plover::Agree | Plover::Cooperate);
                            if let Some(Told {
                                actors: acts,
                                recipients: recs,
                                ..
                            }) = memory.told.back().filter(|e| together(&e.plover))
                            {
                                let all: Named = acts.iter().chain(recs).cloned().collect();
                                if all.len() > actors.len() && actors.iter().all(|x| all.iter().any(|y| y.0 == x.0)) {
                                    actors = all;
                                }
                            }
                        }
                        if let Some((state, partners)) = self.described_state(&sentence[a..ts], &actors, &[], memory) {
                            if recipients.is_empty() {
                                recipients = partners;
                            }
                            actors = vec![state];
                        }
                    }
                }
            }
            actors.extend(companions);
            dedupe(&mut actors);
            dedupe(&mut recipients);
            recipients.retain(|r| !actors.iter().any(|x| x.0 == r.0));
            // A state told by the form of its government after the verb, with no one else named
            // there, is the counterpart: "Pakistani soldiers have served in the kingdom".
            // (Read as a generic agent, "kingdom", where the dictionary has one.)
            if (recipients.is_empty() || all_agents(&recipients)) && !actors.is_empty() {
                let after = &sentence[te..b];
                if let Some(((id, text), _)) = self.described_state(after, &[], &actors, memory) {
                    if !actors.iter().any(|x| x.0 == id) {
                        recipients = vec![(id, text)];
                    }
                }
            }
            // An object pronoun right after a verb done to a party ("accused it of …", "urged
            // them to …", "attacked it") is the subject named before (in this sentence, else in
            // the text), not a name further on ("accused it of sharing responsibility for
            // Putin's war crimes"). (After other verbs "it" is mostly a thing: "approved it".)
            let to_a_party = matches!(
                trig.plover,
                Plover::Accuse
                    | Plover::Request
                    | Plover::Threaten
                    | Plover::Coerce
                    | Plover::Sanction
                    | Plover::Assault
                    | Plover::Consult
                    | Plover::Aid
            );
            let object_pronoun = sentence[te..]
                .split_whitespace()
                .next()
                .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_ascii_lowercase());
            if to_a_party && matches!(object_pronoun.as_deref(), Some("it" | "them")) {
                let mut referent = carried();
                referent.retain(|x| !actors.iter().any(|y| y.0 == x.0));
                if !referent.is_empty() {
                    recipients = referent;
                }
            }
            // A visit or a deployment with no counterpart named is to the place it goes to
            // ("arrived in Kinshasa": Congo), which the actors' filter set aside as a place; an
            // attack is on the place it strikes ("fired drones at Kyiv": Ukraine).
            // (Who is sent — "its minister", "troops" — is no counterpart.)
            let only_sent = recipients.is_empty() || all_agents(&recipients);
            let strikes = trig.plover == Plover::Assault && !actors.is_empty();
            if only_sent && (matches!(trig.kind, ClaimKind::Visit | ClaimKind::Deployment) || strikes) {
                // (After the trigger, or gone to before it: "travelled to Tokyo, the first such
                // visit by …".)
                let gone_to = |m: &&ActorMention| m.start >= a && sentence[..m.start].ends_with(" to ");
                let place = places.iter().find(|m| m.start >= te && m.end <= b);
                if let Some(m) = place.or_else(|| places.iter().filter(|m| m.end <= ts).find(gone_to)) {
                    let x = (m.entry.acts_for.clone(), sentence[m.start..m.end].to_string());
                    if !actors.iter().any(|y| y.0 == x.0) {
                        recipients = vec![x];
                    }
                }
            }
            // A claim about a person's office has the person's state on its other side: the
            // person takes office, is elected, declares martial law in it; the state (its
            // parliament, its court) impeaches or removes the person.
            if keep_person {
                let person = in_clause
                    .iter()
                    .find(|m| m.entry.kind == ActorKind::Person && m.entry.acts_for != m.entry.id);
                if let Some(m) = person {
                    let state = (m.entry.acts_for.clone(), String::new());
                    let me = (m.entry.id.clone(), sentence[m.start..m.end].to_string());
                    let others = |v: &Named| v.iter().filter(|x| x.0 != me.0).count();
                    if trig.plover == Plover::Sanction {
                        if others(&actors) == 0 {
                            actors = vec![state];
                        }
                        recipients.retain(|x| x.0 != me.0);
                        recipients.insert(0, me);
                    } else if actors.iter().any(|x| x.0 == me.0) && others(&recipients) == 0 {
                        recipients = vec![state];
                    }
                }
            }
            // A generic agent standing alone ("police", "the military") is a fallback: it fills
            // a role only when no actor with a name does ("army base", "military assistance"
            // beside a named state are not actors).
            let bare: std::collections::HashSet<&str> = in_clause
                .iter()
                .filter(|m| m.entry.agent.is_some())
                .map(|m| m.entry.id.as_str())
                .collect();
            for side in [&mut actors, &mut recipients] {
                if side.iter().any(|x| !bare.contains(x.0.as_str())) {
                    side.retain(|x| !bare.contains(x.0.as_str()));
                }
            }
            // Two or more actors named together act among themselves: a generic agent after
            // them ("agreed to set up a hotline so that the three governments …", "signed a
            // treaty on strategic partnership") is no counterpart.
            if actors.iter().filter(|x| !bare.contains(x.0.as_str())).count() >= 2 {
                recipients.retain(|x| !bare.contains(x.0.as_str()));
            }
            // In an arms deal what follows the verb is the equipment: a generic military noun
            // there ("battle tanks", "artillery") is the goods, not the counterpart, which is
            // the first actor named after the verb in the sentence ("… tanks and howitzers from
            // South Korea", past a list that split the clause). (A clause with no counterpart at
            // all does not reach into the next clause: "Finland ordered K9s, Norway …".)
            if family(trig.kind) == Some(1)
                && !recipients.is_empty()
                && recipients.iter().all(|x| bare.contains(x.0.as_str()))
            {
                recipients = mentions
                    .iter()
                    .filter(|m| m.start >= te && m.entry.agent.is_none())
                    .map(|m| (id_of_entry(&m.entry), sentence[m.start..m.end].to_string()))
                    .filter(|x| !actors.iter().any(|a| a.0 == x.0))
                    .take(1)
                    .collect();
            }
            // One side named: the other is the counterpart of the last claim of the same family
            // ("…executive contracts signed in late August" after "tanks from South Korea").
            // Likewise a counterpart named only by a generic agent.
            // (Whether the counterpart was taken from the context rather than the clause.)
            let mut inferred = false;
            // An organisation's summit is its members' meeting: it has no counterpart to infer
            // ("NATO's summit in Madrid").
            let own_meeting = trig.kind == ClaimKind::Summit
                && recipients.is_empty()
                && !actors.is_empty()
                && actors.iter().all(|x| self.is_body(&x.0));
            // One attends the meeting told last: its body's ("Only Luxon attended in person"
            // after NATO's summit).
            if trig.kind == ClaimKind::Attendance && (recipients.is_empty() || all_agents(&recipients)) {
                if let Some(body) = memory
                    .meeting_of
                    .as_ref()
                    .filter(|b| !actors.iter().any(|a| &a.0 == *b))
                {
                    recipients = vec![(body.clone(), String::new())];
                    inferred = true;
                }
            }
            // (Two actors named together, "X and Y signed", are already the pair; not where
            // each sends or withdraws its own: "El Salvador, Guatemala and Jamaica have also
            // contributed troops".)
            let directed = matches!(
                trig.kind,
                ClaimKind::Deployment | ClaimKind::Withdrawal | ClaimKind::Delivery
            );
            let joint = actors.len() >= 2 && !all_agents(&actors) && !directed;
            if (recipients.is_empty() || all_agents(&recipients))
                && family(trig.kind).is_some()
                && !own_meeting
                && !joint
            {
                if let Some((fam, acts, recs, kind)) = &memory.last_claim {
                    if Some(*fam) == family(trig.kind) {
                        inferred = true;
                        // (Outside arms deals, whose claims run both ways — orders to the
                        // maker, deliveries to the buyer —, a new actor doing the same has the
                        // last claim's counterpart for its own, if any: "New Zealand ran a team"
                        // after "Korea led a team under ISAF" is with ISAF, "Finland joined the
                        // alliance" after "Sweden joined NATO" joins NATO, not Sweden; those who
                        // "sent contingents as well" are not China's counterpart after them.)
                        // (A delivery after a delivery runs the same way: "Germany said it
                        // would deliver four more IRIS-T systems" after aid for Ukraine goes
                        // to Ukraine.)
                        let same_way = *fam != 1 || (trig.kind == ClaimKind::Delivery && *kind == ClaimKind::Delivery);
                        let new_actor = same_way
                            && !actors.is_empty()
                            && !actors.iter().any(|a| acts.iter().chain(recs).any(|x| x.0 == a.0));
                        let counterpart: Vec<&(String, String)> = acts
                            .iter()
                            .filter(|_| !new_actor)
                            .chain(recs)
                            .filter(|x| !actors.iter().any(|a| a.0 == x.0))
                            .collect();
                        // Of several, the one the text names most (a third party of the last
                        // claim is not this one's counterpart: "Romania's contract" after
                        // "Poland ordered from Korea").
                        let times = |x: &&(String, String)| memory.times_named.get(&x.0).map_or(0, |t| t.0);
                        let most = counterpart.iter().map(times).max().unwrap_or(0);
                        recipients = counterpart
                            .into_iter()
                            .filter(|x| times(x) == most)
                            .take(1)
                            .cloned()
                            .collect();
                    }
                }
            }
            // Ratifying "its membership" or "its accession" is for the state whose membership it
            // is, the subject told before, not the last counterpart: in "Sweden … is still
            // waiting for Turkey and Hungary to ratify its membership", Sweden's.
            if trig.kind == ClaimKind::Ratification && (recipients.is_empty() || inferred) {
                let mut next = sentence[te..].split_whitespace();
                let whose = next.next().is_some_and(|w| matches!(w, "its" | "their"))
                    && next.next().is_some_and(|w| {
                        matches!(
                            w.trim_end_matches([',', '.', ';']),
                            "membership" | "accession" | "bid" | "entry" | "application"
                        )
                    });
                let subject: Named = carried()
                    .into_iter()
                    .filter(|x| !actors.iter().any(|a| a.0 == x.0))
                    .collect();
                if whose && !subject.is_empty() {
                    recipients = subject;
                    inferred = true;
                }
            }
            // A rejection with no one named whose word is rejected answers the last claim made
            // against its actor: "The Allies criticised China. Beijing rejected the criticism."
            // is China rejecting the Allies; and a denial of what others said its actor did
            // answers them: "Washington and Seoul said that Pyongyang was shipping shells.
            // Both governments denied it."
            // (Or, past the last event told, the last such claim made against it — of PLOVER's
            // conflict classes —: not one the actor did alone, "citing remarks by a Ukrainian
            // official", told in between.)
            if trig.plover == Plover::Reject && !actors.is_empty() && (recipients.is_empty() || all_agents(&recipients))
            {
                let on = |side: &Named| actors.iter().any(|a| side.iter().any(|r| r.0 == a.0));
                let others = |side: &Named| -> Named {
                    side.iter()
                        .filter(|x| !actors.iter().any(|a| a.0 == x.0))
                        .cloned()
                        .collect()
                };
                let answered = memory
                    .told
                    .iter()
                    .rev()
                    .enumerate()
                    .filter(|(i, t)| *i == 0 || t.plover.quad_class() >= 3)
                    .filter_map(|(_, t)| {
                        [
                            (on(&t.recipients), &t.actors),
                            (on(&t.actors) || on(&t.recipients), &t.speakers),
                        ]
                        .into_iter()
                        .filter(|(against, _)| *against)
                        .map(|(_, side)| others(side))
                        .find(|v| !v.is_empty())
                    })
                    .next();
                if let Some(answered) = answered {
                    recipients = answered;
                    inferred = true;
                }
            }
            // A reaction to a thing told before, named by a definite noun with no party in it, is
            // to those who did it: "Qatar welcomed the agreement" after "Congo and Rwanda signed
            // a peace agreement" is to both, "Kenya criticised the exercises" after "Uganda and
            // Tanzania held joint exercises" to both. The thing is the last event told (not by
            // this actor) whose clause has the noun's stem; a noun of saying or deciding with no
            // such event ("condemned the announcement") is the last event told, and its speakers
            // said it.
            // (A rejection, answering a claim, is read above.)
            let reaction = matches!(trig.plover, Plover::Accuse | Plover::Protest)
                || trig.plover == Plover::Support && trig.cameo.is_some_and(|c| c.starts_with("05"));
            let thing = crate::lexicon::definite_thing(&sentence[te..b]).filter(|_| reaction);
            if !actors.is_empty() && (recipients.is_empty() || all_agents(&recipients)) {
                if let Some(thing) = thing {
                    let own = |x: &(String, String)| actors.iter().any(|a| a.0 == x.0);
                    if let Some(t) = memory.told_thing(thing, own) {
                        let mut who: Named = Vec::new();
                        let speakers = if thing.saying { t.speakers.as_slice() } else { &[] };
                        for x in t.actors.iter().chain(speakers) {
                            if !own(x) && !who.iter().any(|y| y.0 == x.0) {
                                who.push(x.clone());
                            }
                        }
                        if !who.is_empty() {
                            recipients = who;
                            inferred = true;
                        }
                    }
                }
            }
            // One actor named (a side held only by a generic agent, "military commanders", counts
            // as unnamed; two named together, "X and Y signed", are already the pair): for the
            // events that have a counterpart, it is the other of the two actors the text is about
            // ("…signed the executive contract in Warsaw" in an article about Poland and Korea).
            let (ga, gr) = (all_agents(&actors), all_agents(&recipients));
            let named_count = if ga { 0 } else { actors.len() } + if gr { 0 } else { recipients.len() };
            // (Not for a subject the text names with a name no dictionary knows.)
            let aimed = trig.kind == ClaimKind::Statement
                && matches!(
                    trig.plover,
                    Plover::Protest | Plover::Accuse | Plover::Reject | Plover::Threaten | Plover::Sanction
                );
            if (family(trig.kind).is_some() || trig.kind == ClaimKind::Exercise || (aimed && recipients.is_empty()))
                && named_count == 1
                && !own_meeting
                && !(unknown_subject && actors.is_empty())
            {
                if let Some((x, y)) = memory.topic() {
                    let ids: Vec<&str> = actors.iter().chain(&recipients).map(|a| a.0.as_str()).collect();
                    let other = match (ids.contains(&x), ids.contains(&y)) {
                        (true, false) => Some(y),
                        (false, true) => Some(x),
                        _ => None,
                    };
                    if let Some(o) = other {
                        let side = if recipients.is_empty() || gr {
                            inferred = true;
                            &mut recipients
                        } else {
                            &mut actors
                        };
                        side.clear();
                        side.push((o.to_string(), String::new()));
                    }
                }
            }
            // A request with no one named to receive it, in a text about an organisation, is
            // made to the organisation ("Sweden, which applied together with Finland in May", in
            // a text about NATO).
            if trig.plover == Plover::Request && recipients.is_empty() && !actors.is_empty() {
                let body = memory
                    .topic()
                    .into_iter()
                    .flat_map(|(x, y)| [x, y])
                    .find(|id| self.is_body(id) && !actors.iter().any(|a| a.0 == *id));
                if let Some(b) = body {
                    recipients.push((b.to_string(), String::new()));
                    inferred = true;
                }
            }
            // A delivery whose actor is only the subject carried from before, the buyer of the
            // last arms deal told, is that deal's seller delivering to it: "Poland ordered 180
            // tanks from Korea. The first ten were handed over in December."
            if inherited && trig.kind == ClaimKind::Delivery {
                if let Some((seller, buyer)) = &memory.deal_sides {
                    if !buyer.is_empty()
                        && actors.iter().map(|x| &x.0).eq(buyer.iter())
                        && recipients.iter().all(|r| seller.contains(&r.0))
                    {
                        recipients = actors;
                        actors = seller.iter().map(|s| (s.clone(), String::new())).collect();
                    }
                }
            }
            // (Force used by no one the text names, nor any armed group, is not an event
            // between actors: "an earthquake struck Morocco".)
            let no_attacker = actors.is_empty() && matches!(trig.plover, Plover::Assault) && !trig.passive;
            // (One joins an alliance, a centre, a programme: "joined Biden and Johnson by video
            // link" is joining people, "joined a scaled-down session" joins nobody; neither is an
            // accession.)
            // (Joining others "for" a meeting is meeting them, at their body's meeting where one
            // is named after it: "Putin joined the leaders of Belarus and Kazakhstan for a summit
            // of the Collective Security Treaty Organization".)
            let meeting = clause_triggers
                .iter()
                .find(|(s2, _, x, _)| *s2 > te && x.kind == ClaimKind::Summit && sentence[te..*s2].contains(" for "))
                .map(|x| x.1)
                .filter(|_| {
                    trig.kind == ClaimKind::Accession && recipients.iter().all(|x| self.is_state_or_person(&x.0))
                });
            if let Some(me) = meeting.filter(|_| !recipients.is_empty()) {
                let body: Named = in_clause
                    .iter()
                    .filter(|m| m.start >= me && m.entry.agent.is_none() && self.is_body(&m.entry.acts_for))
                    .take(1)
                    .map(|m| (id_of(m), sentence[m.start..m.end].to_string()))
                    .collect();
                actors.append(&mut recipients);
                dedupe(&mut actors);
                (trig.kind, trig.cameo) = if body.is_empty() {
                    (ClaimKind::Summit, Some("040"))
                } else {
                    (ClaimKind::Attendance, Some("043"))
                };
                trig.plover = Plover::Consult;
                recipients = body;
            }
            let joins_no_body = trig.kind == ClaimKind::Accession
                && (recipients.is_empty() || actors.iter().chain(&recipients).all(|x| self.is_state_or_person(&x.0)));
            // (To deliver with no object delivers on a promise, no goods: "Korean firms delivered
            // when European ones could not", "diplomacy has delivered more than most".)
            let delivered_nothing = trig.kind == ClaimKind::Delivery
                && matches!(
                    sentence[ts..te].to_ascii_lowercase().as_str(),
                    "deliver" | "delivers" | "delivered" | "delivering"
                )
                && {
                    let next = sentence[te..].split_whitespace().next().unwrap_or("");
                    next.is_empty()
                        || next.starts_with([',', '.', ';', ':'])
                        || matches!(
                            next.trim_end_matches([',', '.']).to_ascii_lowercase().as_str(),
                            "when"
                                | "where"
                                | "as"
                                | "because"
                                | "more"
                                | "on"
                                | "what"
                                | "little"
                                | "much"
                                | "nothing"
                                | "results"
                        )
                };
            if actors.is_empty() && recipients.is_empty()
                || delivered_nothing
                || trig.needs_object && !group_object && !in_clause.iter().any(|m| m.start >= te)
                || no_attacker
                || joins_no_body
            {
                // (A clause whose event is no claim still names the subject for what follows:
                // "Mongolia has long courted what it calls third neighbours. It …")
                if !pronoun_led {
                    if let Some(m) = in_clause
                        .iter()
                        .find(|m| m.start >= own_subject_from && m.start < ts && m.entry.agent.is_none())
                    {
                        subject_in_sentence = vec![(m.entry.clone(), sentence[m.start..m.end].to_string())];
                    }
                }
                continue;
            }
            // (A trigger in an adverbial clause after the main clause's subject leaves that
            // subject the sentence's: in "Warsaw has been rearming since Russia invaded Ukraine.
            // It has handed Kyiv …", "it" is Warsaw.)
            let main_until = adverbials
                .iter()
                .find(|w| w.0 > a && w.1 <= ts && in_clause.iter().any(|m| m.end <= w.0 && m.entry.agent.is_none()))
                .map_or(ts, |w| w.0);
            // (Not a name before the verb that the claim reads as its counterpart: in "Korea has
            // been a NATO partner since 2005. It …", "it" is Korea alone.)
            // (Nor a name in the sentence's opening phrase: in "At the invitation of President
            // Macron, Modi paid a visit to France and attended the parade", Modi attended.)
            let subject_mentions: Vec<(ActorEntry, String)> = in_clause
                .iter()
                .filter(|m| m.start < main_until && m.entry.agent.is_none())
                .filter(|m| opening_phrase_end.is_none_or(|e| m.start > e || ts < e))
                .filter(|m| !recipients.iter().any(|r| r.0 == m.entry.id))
                .map(|m| (m.entry.clone(), sentence[m.start..m.end].to_string()))
                .collect();
            // (An infinitive clause has no subject of its own: in "… and to begin sharing data on
            // North Korean missile launches" North Korea is no subject for what follows.)
            let infinitive = {
                let t = sentence[a..ts].trim_start_matches([',', ' ']).to_ascii_lowercase();
                t.starts_with("to ") || t.starts_with("and to ") || t.starts_with("or to ")
            };
            if !subject_mentions.is_empty() && !infinitive && !pronoun_led && !subordinate.contains(&a) {
                subject_in_sentence = subject_mentions;
            } else if !resumed_from.is_empty() {
                subject_in_sentence = resumed_from;
            } else if !infinitive && plural_subject(c, &sentence[a..ts]) {
                // (So does a group named by its kind: in "The two leaders held talks on 14 July
                // and adopted a roadmap", they adopted it.)
                subject_in_sentence = actors
                    .iter()
                    .filter_map(|(id, text)| Some((ActorEntry::of(self.kb, self.kb.actor(id)?), text.clone())))
                    .collect();
            }
            // What a later clause may take as its counterpart: the named actors, not a generic
            // agent that stood in for one here ("border security").
            let named = |v: &Named| -> Named { v.iter().filter(|x| !bare.contains(x.0.as_str())).cloned().collect() };
            if let Some(f) = family(trig.kind) {
                memory.last_claim = Some((f, named(&actors), named(&recipients), trig.kind));
            }
            let sayings = sayings.get_or_init(|| c.saying.find_iter(sentence).map(|m| m.start()).collect());
            let speakers: Named = sayings[..sayings.partition_point(|&p| p < ts)]
                .last()
                .map(|&p| {
                    mentions
                        .iter()
                        .filter(|m| m.end <= p && m.entry.agent.is_none())
                        .map(|m| (id_of(m), sentence[m.start..m.end].to_string()))
                        .filter(|x| !actors.iter().chain(&recipients).any(|y| y.0 == x.0))
                        .collect()
                })
                .unwrap_or_default();
            if memory.told.len() == TOLD {
                memory.told.pop_front();
            }
            memory.told.push_back(Told {
                plover: trig.plover,
                actors: named(&actors),
                recipients: named(&recipients),
                speakers,
                // (A reaction's own words end with its verb: the thing it is about is not
                // itself.)
                words: sentence[a..if thing.is_some() { te } else { b }].to_lowercase(),
            });
            // Date: nearest in the clause, else in the sentence.
            let nearest = |list: &mut dyn Iterator<Item = &DateMention>| -> Option<DateMention> {
                list.min_by_key(|d| {
                    if d.end <= ts {
                        ts - d.end
                    } else {
                        d.start.saturating_sub(te)
                    }
                })
                .cloned()
            };
            // (A date inside another clause's relative clause, second predicate or adverbial
            // clause — one that does not hold the trigger — is that clause's.)
            let elsewhere = |d: &DateMention| {
                self_dated
                    .iter()
                    .any(|&(p, k)| d.start >= p && d.end <= k && !(ts >= p && ts < k))
            };
            // (A date in a participial phrase that does not hold the trigger is that phrase's:
            // "is attending the summit, following his visit in June 2022".)
            let participial =
                |d: &DateMention| participial_phrase(&sentence[..d.start]).is_some_and(|p| !(ts > p && ts < d.start));
            // The trigger's own stretch between commas first: a date set off by commas before it
            // belongs to what is said there ("Luxon, in office since November, will attend the
            // summit in July"); a clause with no date in that stretch takes the clause's nearest
            // ("Poland, in July 2022, signed").
            let (sa, sb) = {
                let k = commas.partition_point(|&x| x < ts);
                let sa = if k > 0 { commas[k - 1].max(a) } else { a };
                let sb = commas.get(commas.partition_point(|&x| x < te)).map_or(b, |&x| x.min(b));
                (sa, sb)
            };
            // (Whether the clause is an adverbial one, "after Lee took office": the
            // circumstance of the sentence's main event, at another time than its dates.)
            let adverbial_clause = c.adverbial.find(&sentence[a..b]).is_some_and(|m| m.start() == 0);
            // (Nor does a clause of contrast in the present or the perfect, after its comma:
            // "…joined NATO in 2009, while Kosovo is not a member", "…, while Berlin has
            // refused to send its missiles" are not of 2009.)
            let contrast_now = {
                let opening = sentence[a..ts].trim_start_matches([',', ' ']).to_ascii_lowercase();
                (opening.starts_with("while ") || opening.starts_with("whereas "))
                    && opening
                        .split_whitespace()
                        .any(|w| matches!(w, "is" | "are" | "has" | "have" | "does" | "do"))
            };
            // (Nor a second predicate in the present, what the subject does now: "cut ties with
            // Rabat in August 2021 and buys most of its weapons from Russia".)
            let present_predicate = split_off.contains(&a)
                && sentence[a..ts].trim() == "and"
                && sentence[ts..te].ends_with('s')
                && !sentence[ts..te].contains(' ');
            // A definite reference to an event told before ("attended the signing", "at the
            // summit") is dated by it.
            let referred = c.event_reference.find(&sentence[a..b]).and_then(|m| {
                let signing = m.as_str().ends_with("signing") || m.as_str().ends_with("ceremony");
                let (d, end_date) = if signing { memory.signed? } else { memory.met? };
                Some(DateMention {
                    start: te,
                    end: te,
                    date: d,
                    end_date,
                })
            });
            // (A year that modifies a noun names the thing, not the event, when the clause has
            // another date: "renewed the 2007 joint declaration last October".)
            let attributive = |d: &DateMention| {
                let determiner = sentence[..d.start].strip_suffix(' ').is_some_and(|t| {
                    let w = t.rsplit(' ').next().unwrap_or(t);
                    crate::lexicon::determiner(&w.to_ascii_lowercase())
                });
                determiner
                    && sentence[d.end..].starts_with(' ')
                    && sentence[d.end + 1..].starts_with(|c: char| c.is_alphabetic())
            };
            // (A date after "to", "until" or "through" that closes no stretch is a horizon, not
            // when anything was done: "adopted a vision for the partnership to 2030 in June 2022",
            // "extended the mission until 2026". But "to Monday's meeting" is the meeting's day.)
            let horizon = |d: &DateMention| {
                d.end_date.is_none()
                    && !(sentence[d.start..d.end].ends_with("'s") || sentence[d.start..d.end].ends_with("\u{2019}s"))
                    && sentence[..d.start].strip_suffix(' ').is_some_and(|t| {
                        let (rest, w) = t.rsplit_once(' ').unwrap_or(("", t));
                        let w = w.to_ascii_lowercase();
                        // ("Did not hold an exercise until January 2024" held it then.)
                        let not_until = matches!(w.as_str(), "until" | "till")
                            && c.negation.is_match(&sentence[a.min(d.start)..d.start]);
                        matches!(w.as_str(), "to" | "until" | "till" | "through")
                            && !not_until
                            && !dates.iter().any(|o| o.end == rest.len())
                    })
            };
            // (A date an agreement named in the clause has of its own is that agreement's: in
            // "troops sent to the base under a defence agreement signed in December 2014" the
            // sending is not of December 2014.)
            let agreements_own = |d: &DateMention| {
                instruments
                    .iter()
                    .any(|i| dates[i.date].start == d.start && i.start != ts && i.start >= a && i.end <= b)
            };
            let of_clause = |d: &DateMention| {
                d.start >= a && d.end <= b && !participial(d) && !elsewhere(d) && !agreements_own(d) && !horizon(d)
            };
            // The date, and whether it is written in the sentence (not taken from an event
            // referred to or from the article's day).
            let written = |d: DateMention| (d, true);
            // (A participle of saying is dated with its clause: in "severed relations with
            // Ukraine, accusing Kyiv of helping rebels last month" the month is the rebels'.)
            let said_at = said_with.iter().find(|x| x.0 == a).map(|&(k, p)| {
                nearest(&mut dates.iter().filter(|d| d.start >= p && d.end <= k && !attributive(d))).map(written)
            });
            let date = nearest(
                &mut dates
                    .iter()
                    .filter(|d| d.start >= sa && d.end <= sb && of_clause(d) && !attributive(d)),
            )
            .or_else(|| nearest(&mut dates.iter().filter(|d| of_clause(d) && !attributive(d))))
            .or_else(|| nearest(&mut dates.iter().filter(|d| of_clause(d))))
            .map(written)
            .or(referred.map(|d| (d, false)))
            .or_else(|| {
                if adverbial_clause || contrast_now || present_predicate {
                    return None;
                }
                // A "when" clause that opens the sentence tells the time of the clauses after it:
                // "When Azerbaijan attacked in September 2022, Yerevan asked the CSTO for help".
                // (Its dates are those before its first comma.)
                let when_end = commas
                    .first()
                    .copied()
                    .filter(|&k| k <= a && sentence.get(..5).is_some_and(|w| w.eq_ignore_ascii_case("when ")));
                nearest(
                    &mut dates
                        .iter()
                        .filter(|d| when_end.is_some_and(|k| d.end <= k) && !participial(d)),
                )
                .or_else(|| {
                    // (Not the start of a standing status told in another clause: in "A member
                    // of NATO since 1999, Poland has bought Korean tanks" the purchase is not of
                    // 1999.)
                    let status_start = |d: &DateMention| {
                        !(d.start >= a && d.end <= b)
                            && sentence[..d.start]
                                .trim_end()
                                .rsplit(' ')
                                .next()
                                .is_some_and(|w| w.eq_ignore_ascii_case("since"))
                    };
                    nearest(&mut dates.iter().filter(|d| {
                        !elsewhere(d) && !participial(d) && !agreements_own(d) && !status_start(d) && !horizon(d)
                    }))
                })
                .map(written)
            })
            .or_else(|| {
                // An event in the present progressive ("is attending") happens on the
                // article's day.
                let progressive = sentence[..te].ends_with("ing")
                    && [" is ", " are ", " am "].iter().any(|v| sentence[..ts].ends_with(v));
                let day = ctx.published.filter(|d| d.precision() == entente_model::Precision::Day);
                day.filter(|_| progressive).map(|d| {
                    let on_the_day = DateMention {
                        start: te,
                        end: te,
                        date: d,
                        end_date: None,
                    };
                    (on_the_day, false)
                })
            });
            let date = said_at.unwrap_or(date);
            let dated_here = date.as_ref().is_some_and(|x| x.1);
            let date = date.map(|x| x.0);
            // Modality from the cues in the clause, up to the end of the trigger.
            let head = &sentence[a..te.min(b)];
            // Negation anywhere in the clause ("joining NATO is not on the agenda"), but not "not only".
            let clause_text = &sentence[a..b];
            let negated = c
                .negation
                .find_iter(clause_text)
                .any(|m| !sentence[a + m.end()..].trim_start().starts_with("only"))
                || c.no_determiner.find_iter(clause_text).any(|m| {
                    c.no_idiom
                        .find_at(clause_text, m.start())
                        .is_none_or(|i| i.start() != m.start())
                });
            let modality = if negated {
                Modality::Negated
            } else if c.hedge.is_match(head) {
                Modality::Hedged
            } else if c.future.is_match(head)
                // (A cue after the trigger tells of something to come after it — "deliveries are
                // due to start" — unless the trigger is a verb in the past or the object right
                // after one, whose event is done whatever it speaks of: "expressed support for
                // Kenya's offer to lead", "signed a contract under which deliveries will begin".)
                || !past_tense(&sentence[ts..te])
                    && !sentence[a..ts]
                        .split_whitespace()
                        .rev()
                        .find(|w| {
                            let w = w.to_ascii_lowercase();
                            !matches!(w.as_str(), "the" | "a" | "an") && !crate::lexicon::possessive(&w)
                        })
                        .is_some_and(past_tense)
                    && c.future.is_match(&sentence[te.min(b)..b])
                || date
                    .as_ref()
                    .filter(|_| dated_here)
                    .zip(article.date)
                    .is_some_and(|(d, p)| d.date.earliest() > p.latest())
            {
                Modality::Future
            } else {
                Modality::Asserted
            };
            // What the sentences right after a dated meeting tell as done, with no date of their
            // own, was done at it: talks held, or anything done "also".
            let date = date.or_else(|| {
                let (_, d) = memory.occasion.filter(|(at, _)| index > *at && index <= *at + 2)?;
                let talks = trig.plover == Plover::Consult || clause_text.split_whitespace().any(|w| w == "also");
                (modality == Modality::Asserted && talks).then_some(DateMention {
                    start: te,
                    end: te,
                    date: d,
                    end_date: None,
                })
            });
            // Quantities paired with designations (or unit nouns) in the clause.
            let clause = &sentence[a..b];
            let systems: &Vec<(usize, usize, &str)> = clause_systems();
            // PLOVER's reading of a transfer or a deployment depends on what moves and where:
            // weapon systems delivered are military cooperation, other goods aid; forces sent
            // to a multinational operation or organisation are cooperation, forces sent
            // elsewhere a mobilisation.
            let arms_in_view = !systems.is_empty() || arms_before;
            let org_named = recipients.iter().chain(&actors).any(|(id, _)| {
                self.kb.actor(id).is_some_and(|a| {
                    matches!(
                        a.kind,
                        entente_model::ActorKind::Alliance
                            | entente_model::ActorKind::Igo
                            | entente_model::ActorKind::Operation
                            | entente_model::ActorKind::Body
                    )
                })
            });
            // Forces serving in a multinational operation serve *in* a country: the country is
            // where, the operation or organisation the counterpart ("served with NATO-led
            // forces in Bosnia").
            if matches!(trig.kind, ClaimKind::Deployment | ClaimKind::Withdrawal) && org_named {
                let places: Vec<String> = in_clause
                    .iter()
                    .filter(|m| {
                        m.entry.kind == entente_model::ActorKind::State && sentence[..m.start].ends_with(" in ")
                    })
                    .map(|m| id_of(m))
                    .collect();
                if recipients.iter().any(|r| !places.contains(&r.0)) {
                    recipients.retain(|r| !places.contains(&r.0));
                }
            }
            // A government, a legislature or armed forces with no state named beside a named
            // actor are that actor's own organs, who act or are sent, not its counterpart ("put
            // its armed forces on high alert", "sent marines to its islands", "the cabinet
            // adopted"). (Other generic agents, "police", "militants", can be counterparts.)
            if !actors.is_empty() && actors.iter().all(|x| !bare.contains(x.0.as_str())) {
                recipients.retain(|x| !(bare.contains(x.0.as_str()) && ["GOV", "LEG", "MIL"].contains(&x.0.as_str())));
            }
            // Expelling envoys is a sanction (the PLOVER manual's SANCTION "expel": "expel
            // diplomats"; CAMEO 161), not the deportation of people (COERCE, CAMEO 174) that the
            // dictionary's EXPEL block codes it as. (The type only: which event is the clause's
            // was decided above.)
            let envoys_expelled = trig.plover == Plover::Coerce
                && trig.cameo.is_some_and(|k| k.starts_with("174"))
                && crate::lexicon::noun_phrase(&sentence[te.min(b)..b], crate::lexicon::OBJECT_WORDS)
                    .split_whitespace()
                    .any(|w| crate::lexicon::envoy(&w.to_ascii_lowercase()));
            if envoys_expelled {
                trig.cameo = Some("161");
            }
            let plover = match (trig.kind, trig.plover) {
                _ if envoys_expelled => Plover::Sanction,
                (ClaimKind::Delivery, Plover::Cooperate) if !arms_in_view => Plover::Aid,
                (ClaimKind::Deployment, Plover::Cooperate | Plover::Mobilize) if org_named => Plover::Cooperate,
                // (Forces sent are a mobilisation, also where the dictionary reads them as
                // military aid, CAMEO 072; humanitarian goods carried by a navy stay aid.)
                (ClaimKind::Deployment, Plover::Cooperate | Plover::Aid)
                    if (trig.plover == Plover::Cooperate || trig.cameo.is_some_and(|c| c.starts_with("072")))
                        && trig.cue != Cue::PortCall
                        && in_clause.iter().any(|m| m.entry.names_forces()) =>
                {
                    Plover::Mobilize
                }
                (_, p) => p,
            };
            let mut items = counted_items(clause, a, &dates, systems);
            if items.is_empty() {
                items.push((None, systems.first().map(|s| s.2.to_string())));
            }
            let (quote_start, quote) = quote_of(sentence, a, b);
            let (qs, qe) = (offset + quote_start, offset + quote_start + quote.len());
            let confidence = (0.3
                + 0.05 * f64::from(trig.specificity)
                + if in_clause.is_empty() { 0.0 } else { 0.1 }
                + if recipients.is_empty() { 0.0 } else { 0.1 }
                + if date.is_some() { 0.1 } else { 0.0 }
                - if adverbial_clause { 0.2 } else { 0.0 })
            .min(0.98);
            // A clause that names no actor (nor a group told before: "the four leaders"), no
            // date and no count states nothing of its own that could be checked ("The answer is
            // not to cancel contracts"): all its sides would come from the context.
            // (A date counts when written in the clause: "Under the deal, Hanwha will deliver
            // the guns in 2026" has nothing in "Under the deal".)
            // (A second predicate of the sentence's subject states its own event: "In October it
            // agreed to deliver radars and signed a letter of intent".)
            // (So does a main clause resumed after a relative clause about its subject: "Qatar,
            // which mediated, welcomed the agreement".)
            let predicate_of_subject = split_off.contains(&a) && inherited && !actors.is_empty() || resumed_subject;
            if in_clause.is_empty()
                && !grouped
                && !dated(a, b)
                && !predicate_of_subject
                && items.iter().all(|(q, s)| q.is_none() && s.is_none())
            {
                continue;
            }
            // A definite mention of an agreement told before, opening its clause ("The contract,
            // signed on Wednesday, is worth …", "Under the agreement, concluded this week, …"),
            // is that claim again: where it dates the signing itself, the claim takes the date
            // in place of none, of a coarser one that holds it, or of a day up to a week later
            // (the day the signing was announced: "… said on Thursday").
            if plover == Plover::Agree && items.iter().all(|(q, _)| q.is_none()) && definite_opening(sentence, a, ts) {
                let ids: Vec<&str> = actors.iter().chain(&recipients).map(|x| x.0.as_str()).collect();
                let told = out[..first_here].iter_mut().rev().find(|c| {
                    c.plover == Plover::Agree
                        && agreement_kind(c.mode)
                        && ids
                            .iter()
                            .all(|id| c.actors.iter().chain(&c.recipients).any(|x| x.id == *id))
                });
                if let Some(told) = told.filter(|_| agreement_kind(trig.kind)) {
                    let here = date.as_ref().filter(|_| dated_here).map(|d| d.date);
                    match (told.date, here) {
                        (_, None) => continue,
                        (None, Some(d)) => {
                            told.date = Some(d);
                            continue;
                        }
                        (Some(t), Some(d)) => {
                            let holds = t.precision() < d.precision()
                                && t.earliest() <= d.earliest()
                                && d.latest() <= t.latest();
                            let lag = t.precision() == entente_model::Precision::Day
                                && d.precision() == entente_model::Precision::Day
                                && (0..=7).contains(&(t.earliest().ordinal() - d.earliest().ordinal()));
                            if holds || lag {
                                told.date = Some(d);
                                continue;
                            }
                        }
                    }
                }
            }
            for (quantity, system) in items {
                // A deal that names its system but not its supplier is with the system's maker,
                // where the recorded transfers agree on one ("framework agreements for K2 tanks"),
                // rather than with a counterpart the context suggested ("Finland ordered 48 K9s"
                // after a Norwegian order).
                let mut recipients = recipients.clone();
                let mut actors = actors.clone();
                let maker = || {
                    system
                        .as_deref()
                        .or(systems.first().map(|s| s.2))
                        .and_then(|s| self.lexicon.maker(s))
                };
                if family(trig.kind) == Some(1) && (recipients.is_empty() || inferred) {
                    if let Some(m) = maker().filter(|m| !actors.iter().any(|a| a.0 == *m)) {
                        recipients = vec![(m.to_string(), String::new())];
                    }
                }
                // (Likewise a delivery told with no supplier: "The delivery of the first K2
                // tanks to Poland" is Korea's.)
                if trig.kind == ClaimKind::Delivery && actors.is_empty() {
                    if let Some(m) = maker().filter(|m| !recipients.iter().any(|r| r.0 == *m)) {
                        actors = vec![(m.to_string(), String::new())];
                    }
                }
                // Who takes delivery or receives is the recipient, its counterpart the supplier:
                // the one named "from" ("took delivery of helicopters from the US"), else the
                // maker ("Poland received its first K2 tanks"), else the counterpart told
                // before ("Norway will receive the first submarine").
                if trig.kind == ClaimKind::Delivery && trig.passive {
                    std::mem::swap(&mut actors, &mut recipients);
                }
                out.push(Claim {
                    sentence: index,
                    start: article.input_offset(qs),
                    end: article.input_offset(qe),
                    quote: quote.clone(),
                    actors: actors.iter().map(|(id, t)| self.actor(id, t)).collect(),
                    recipients: recipients.iter().map(|(id, t)| self.actor(id, t)).collect(),
                    plover,
                    mode: trig.kind,
                    cameo: trig.cameo,
                    date: date.as_ref().map(|d| d.date),
                    date_end: date.as_ref().and_then(|d| d.end_date),
                    modality,
                    confidence: (confidence * 100.0).round() / 100.0,
                    quantity,
                    system,
                    text_span: (qs, qe),
                });
                if family(trig.kind) == Some(1) {
                    last_deal = Some(out.len() - 1);
                }
                if matches!(
                    trig.kind,
                    ClaimKind::ArmsDeal | ClaimKind::FrameworkAgreement | ClaimKind::ExecutiveContract
                ) {
                    memory.last_deal = Some(out.len() - 1);
                    // Who sells and who buys: the subject buys ("ordered", "signed for") unless
                    // the verb is one of selling ("sold", "sells").
                    let ids = |v: &Named| v.iter().map(|x| x.0.clone()).collect::<Vec<_>>();
                    memory.deal_sides = Some(if trig.cue == Cue::Sale {
                        (ids(&actors), ids(&recipients))
                    } else {
                        (ids(&recipients), ids(&actors))
                    });
                }
                if matches!(trig.kind, ClaimKind::Summit | ClaimKind::Attendance) {
                    let own = (trig.kind == ClaimKind::Summit
                        && !actors.is_empty()
                        && actors.iter().all(|a| self.is_body(&a.0)))
                    .then(|| &actors[0]);
                    if let Some(b) = recipients.iter().find(|r| self.is_body(&r.0)).or(own) {
                        memory.meeting_of = Some(b.0.clone());
                    }
                }
                if let Some(d) = &date {
                    if plover == Plover::Agree && matches!(family(trig.kind), Some(1 | 2 | 5)) {
                        memory.signed = Some((d.date, d.end_date));
                    } else if family(trig.kind) == Some(3) {
                        memory.met = Some((d.date, d.end_date));
                        // (Known to its month: a meeting can last days, and what was done
                        // at it is not told to the day. Only one that took place: one skipped
                        // or still ahead is no occasion.)
                        let month = d.date.month().and_then(|m| PartialDate::ym(d.date.year(), m).ok());
                        if let Some(m) = month.filter(|_| dated_here && modality == Modality::Asserted) {
                            memory.occasion = Some((index, m));
                        }
                    }
                }
                // (A group is also either side of two or more: after "Britain, Norway and the
                // Netherlands pledged aid for Ukraine", "the three governments" are the donors.)
                let names = |v: &mut dyn Iterator<Item = &(String, String)>| -> Vec<String> {
                    v.map(|x| x.0.clone())
                        .filter(|id| !bare.contains(id.as_str()))
                        .collect()
                };
                // (Both sides together do not replace a group one side listed: after "France
                // recalled its ambassadors from Washington and Canberra", "the three countries"
                // are still the three listed before.)
                let sides = [names(&mut actors.iter()), names(&mut recipients.iter())];
                let whole = names(&mut actors.iter().chain(&recipients));
                for (named, listed) in sides
                    .into_iter()
                    .filter(|v| v.len() >= 2)
                    .map(|v| (v, true))
                    .chain([(whole, false)])
                {
                    if let Some(g) = memory.groups.get_mut(named.len()) {
                        if listed || !g.as_ref().is_some_and(|g| g.1) {
                            *g = Some((named, listed));
                        }
                    }
                }
            }
        }
        // Gapping: a last conjunct of only a name and a date repeats the sentence's last event
        // for them ("Russia ratified the treaty on 9 November, and North Korea two days later"),
        // as its subject, or as its object when the event had one ("meets NATO today and the
        // EU tomorrow"). (A capital there is where it happens: "Vilnius in 2023 and Washington
        // in 2024".)
        let mut gapped: Vec<Claim> = Vec::new();
        let ands: Vec<usize> = if dates.len() >= 2 {
            sentence.match_indices(" and ").map(|(k, _)| k).collect()
        } else {
            Vec::new()
        };
        let semicolons: Vec<usize> = sentence.match_indices(';').map(|(k, _)| k).collect();
        for (j, &k) in ands.iter().enumerate() {
            let from = k + 5;
            // (The conjunct ends at the next comma, "and" or semicolon.)
            let next_in = |v: &[usize]| v.get(v.partition_point(|&x| x < from)).copied();
            let to = [next_in(&commas), ands.get(j + 1).copied(), next_in(&semicolons)]
                .into_iter()
                .flatten()
                .min()
                .unwrap_or(sentence.len());
            let tail = sentence[from..to].trim_end_matches(['.', '!', '?', '"', '\u{201d}', ' ']);
            let to = from + tail.len();
            // (Each conjunct with its own date: in "will meet the partners and the EU tomorrow"
            // the names are a list.)
            let Some(d) = dates
                .iter()
                .find(|d| d.start >= from && d.end <= to)
                .filter(|_| dates.iter().any(|d| d.end <= k))
            else {
                continue;
            };
            let named: Vec<&ActorMention> = mentions
                .iter()
                .filter(|m| m.start >= from && m.end <= to && m.entry.agent.is_none() && !m.entry.place)
                .collect();
            let covered = |i: usize| named.iter().any(|m| i >= m.start && i < m.end) || (i >= d.start && i < d.end);
            // The conjunct's words other than its names and date.
            let rest: Vec<&str> = word_spans(tail)
                .filter(|(i, _)| !covered(from + i))
                .map(|(_, w)| w)
                .collect();
            // The event of the clause the conjunction is in.
            let Some(pi) = (first_here..out.len())
                .rev()
                .find(|&i| out[i].text_span.0 < offset + k && out[i].text_span.1 > offset + k)
            else {
                continue;
            };
            let (actors, recipients) = if named.is_empty() {
                // No name but "again": the same sides at another time, perhaps in another
                // place ("first met in 2019 and again in 2023", "in Tehran in July and again in
                // Sochi on 5 August").
                let again = rest.iter().any(|w| w.eq_ignore_ascii_case("again"))
                    && rest.iter().all(|w| {
                        ["again", "in", "on", "at", "once", "more"]
                            .iter()
                            .any(|x| w.eq_ignore_ascii_case(x))
                            || w.starts_with(|c: char| c.is_uppercase())
                    });
                if !again {
                    continue;
                }
                (out[pi].actors.clone(), out[pi].recipients.clone())
            } else {
                let lead = sentence[from..named[0].start].trim();
                if !(lead.is_empty() || lead.eq_ignore_ascii_case("the"))
                    || rest.len() > 1
                    || triggers.iter().any(|t| t.0 >= from && t.0 < to)
                {
                    continue;
                }
                let these: Vec<ClaimActor> = named
                    .iter()
                    .map(|m| self.actor(&m.entry.acts_for, &sentence[m.start..m.end]))
                    .collect();
                // Names the first event took as its only counterpart are the subjects of the
                // second, the first's subjects their counterpart ("Russia ratified the treaty …
                // and North Korea two days later"); when the first event has a counterpart of
                // its own, the names are the second's counterpart, and not the first's ("met
                // Stoltenberg on Monday and the EU on Wednesday").
                let prev = &mut out[pi];
                let theirs = |x: &ClaimActor| these.iter().any(|t| t.id == x.id);
                if prev.recipients.iter().any(|r| !theirs(r)) {
                    prev.recipients.retain(|r| !theirs(r));
                    (prev.actors.clone(), these)
                } else if prev.recipients.is_empty() {
                    (these, Vec::new())
                } else {
                    (these, prev.actors.clone())
                }
            };
            let (qs, qe) = (offset + from, offset + to);
            gapped.push(Claim {
                start: article.input_offset(qs),
                end: article.input_offset(qe),
                quote: tail.to_string(),
                actors,
                recipients,
                date: Some(d.date),
                date_end: d.end_date,
                text_span: (qs, qe),
                ..out[pi].clone()
            });
        }
        out.extend(gapped);
        respectively(sentence, offset, &dates, (out, first_here), &mut memory.last_deal);
        counted_back(
            sentence,
            offset,
            &subordinate,
            &dates,
            ctx.anchor,
            &mut out[first_here..],
        );
        options(article, sentence, offset, out, first_here);
        self.dated_instruments(article, offset, sentence, &instruments, &dates, first_here, out);
        self.nominal_visits(article, offset, sentence, (&mentions, &places), &dates, first_here, out);
        if let Some(last) = dates.last() {
            ctx.anchor = Some(last.date);
        }
        if !subject_in_sentence.is_empty() {
            memory.subject = subject_in_sentence;
        }
    }

    /// Whether what a verb of giving or sending gives, named after it (from `te` to the clause's
    /// end `b`, up to the first preposition or comma, at most ten words), is arms: a weapon
    /// system, a weapon's name or "arms", and no forces ("sent troops and tanks" is a
    /// deployment).
    fn arms_given(&self, sentence: &str, te: usize, b: usize, mentions: &[ActorMention], owned: bool) -> bool {
        let (object, words) = object_after(sentence, te, b);
        // (A platform the dictionary names as forces, "a frigate", is a thing `owned` after
        // the verb: handed over, not sent.)
        let platform = |m: &ActorMention| {
            owned
                && sentence[m.start..m.end]
                    .split_whitespace()
                    .last()
                    .is_some_and(|w| crate::lexicon::weapon_word(&w.to_ascii_lowercase()))
        };
        // (Forces named first with the thing given after them are whom it is given to: "has
        // given the Peruvian navy two corvettes".)
        let indirect = |m: &ActorMention| {
            sentence[m.end..te + object.len()]
                .split_whitespace()
                .next()
                .is_some_and(|w| {
                    let w = w.to_ascii_lowercase();
                    crate::lexicon::determiner(&w)
                        || word_number(&w).is_some()
                        || w.starts_with(|c: char| c.is_ascii_digit())
                })
        };
        let forces = mentions.iter().any(|m| {
            m.start >= te && m.end <= te + object.len() && m.entry.names_forces() && !platform(m) && !indirect(m)
        });
        !forces
            && (words.iter().any(|w| {
                let w = w.to_ascii_lowercase();
                w == "arms" || crate::lexicon::weapon_word(&w)
            }) || !self.lexicon.systems(object).is_empty())
    }

    /// Claims for a clause with no event of its own that counts weapon systems, continuing the
    /// arms-deal claim `out[k]` of an earlier clause of the sentence (`complete`: its first count
    /// completes that claim when it counted nothing) or of an earlier sentence: same kind, sides
    /// and modality; the counterpart named in this clause, if any ("and another with Hanwha");
    /// this clause's date, else the deal's.
    #[allow(clippy::too_many_arguments)]
    fn continue_deal(
        &self,
        out: &mut Vec<Claim>,
        k: usize,
        index: usize,
        sentence: &str,
        offset: usize,
        (a, b): (usize, usize),
        dates: &[DateMention],
        mentions: &[ActorMention],
        article: &Article,
        complete: bool,
    ) {
        let clause = &sentence[a..b];
        let systems = self.lexicon.systems(clause);
        let items: Vec<(Option<u64>, Option<String>)> = counted_items(clause, a, dates, &systems)
            .into_iter()
            .filter(|(_, system)| system.is_some())
            .collect();
        if items.is_empty() {
            return;
        }
        let (quote_start, quote) = quote_of(sentence, a, b);
        let (qs, qe) = (offset + quote_start, offset + quote_start + quote.len());
        let named: Vec<ClaimActor> = mentions
            .iter()
            .filter(|m| m.start >= a && m.end <= b && m.entry.agent.is_none())
            .map(|m| self.actor(&m.entry.acts_for, &sentence[m.start..m.end]))
            .filter(|x| !out[k].actors.iter().any(|y| y.id == x.id))
            .collect();
        let date = dates.iter().find(|d| d.start >= a && d.end <= b);
        let mut items = items.into_iter();
        if complete && out[k].quantity.is_none() && out[k].system.is_none() {
            if let Some((quantity, system)) = items.next() {
                out[k].quantity = quantity;
                out[k].system = system;
            }
        }
        for (quantity, system) in items {
            let mut claim = out[k].clone();
            claim.sentence = index;
            claim.start = article.input_offset(qs);
            claim.end = article.input_offset(qe);
            claim.quote = quote.clone();
            claim.text_span = (qs, qe);
            if !named.is_empty() {
                claim.recipients = named.clone();
            }
            if let Some(d) = date {
                claim.date = Some(d.date);
                claim.date_end = d.end_date;
            }
            claim.quantity = quantity;
            claim.system = system;
            out.push(claim);
        }
    }
}

/// Actor ids with the words that named them.
type Named = Vec<(String, String)>;

/// An event told: its type, actors and recipients, who said it happened (the names before a
/// verb of saying: "Washington and Seoul said that Pyongyang was shipping shells") and the words
/// of its clause, lower-cased (for a later "the announcement", "the sale").
struct Told {
    plover: Plover,
    actors: Named,
    recipients: Named,
    speakers: Named,
    words: String,
}

/// Adverbs between a perfect's auxiliary and its verb ("has since signed", "had already sent").
const PERFECT_ADVERBS: &[&str] = &["since", "also", "already", "now", "then", "later", "just"];

/// How many events told a text's memory keeps.
const TOLD: usize = 8;

/// Whether a state's official name has the words for the form of its government, in order
/// ("Kingdom of Saudi Arabia" is a kingdom, "United Arab Emirates" an emirate, "Islamic
/// Republic of Iran" an Islamic republic).
fn governed_as(official: &str, words: &str) -> bool {
    let norm = |w: &str| w.to_ascii_lowercase().trim_end_matches('s').to_string();
    let words: Vec<String> = words.split_whitespace().map(norm).collect();
    let name: Vec<String> = official.split_whitespace().map(norm).collect();
    !words.is_empty() && name.windows(words.len()).any(|w| w == words.as_slice())
}

/// Whether two names (in order) are next to each other in a list: only a comma, "and" or "or"
/// between them, and the first no agent ("Mali, Burkina Faso and Niger").
fn listed_together(sentence: &str, prev: &ActorMention, next: &ActorMention) -> bool {
    prev.end <= next.start
        && prev.entry.agent.is_none()
        && next.entry.agent.is_none()
        && matches!(
            sentence[prev.end..next.start].trim(),
            "," | "and" | "or" | ", and" | ", or"
        )
}

/// The names of the list that `mentions[last]` ends, in order (it alone if it ends none).
fn list_ending_at<'m>(sentence: &str, mentions: &'m [ActorMention], last: usize) -> Vec<&'m ActorMention> {
    let mut first = last;
    while first > 0 && listed_together(sentence, &mentions[first - 1], &mentions[first]) {
        first -= 1;
    }
    mentions[first..=last].iter().collect()
}

/// What the text has established so far: its subject, and the last claim of each family.
#[derive(Default)]
struct Memory<'t> {
    subject: Vec<(ActorEntry, String)>,
    last_claim: Option<(u8, Named, Named, ClaimKind)>,
    /// The last few events told, the newest last (at most [`TOLD`]).
    told: std::collections::VecDeque<Told>,
    /// The actors of the last claim that named exactly n of them, by n (two to five), for "the
    /// two sides", "the three leaders".
    groups: [Option<(Vec<String>, bool)>; 6],
    /// How the text writes its words (whether a capitalised one first in a sentence is a name).
    cases: std::cell::OnceCell<WordCases<'t>>,
    /// Surnames of the people named in full so far, with their entries.
    surnames: crate::Map<String, ActorEntry>,
    /// The organisations named last, an alliance and any (for "the alliance", "the bloc").
    last_bodies: (Option<ActorEntry>, Option<ActorEntry>),
    /// The last arms deal told (its claim's index), for a later "it also covers …".
    last_deal: Option<usize>,
    /// Its seller's and its buyer's ids, for a delivery told after it.
    deal_sides: Option<(Vec<String>, Vec<String>)>,
    /// The date of the last signing told (an agreement, a contract, a treaty) and of the last
    /// meeting, for "the signing", "the ceremony", "the summit" later.
    signed: Option<(PartialDate, Option<PartialDate>)>,
    met: Option<(PartialDate, Option<PartialDate>)>,
    /// The sentence and the date of the last meeting dated in the text, the occasion of what
    /// the sentences right after it tell with no date ("Yoon also held talks with Biden").
    occasion: Option<(usize, PartialDate)>,
    /// The body whose meeting was told last (NATO's summit, a summit attended), for "attended"
    /// with no counterpart later.
    meeting_of: Option<String>,
    /// How often each actor (as the state or organisation it acts for) has been named so far,
    /// and where first: the text's topic is its two most named.
    times_named: crate::Map<String, (usize, usize)>,
    /// The two most named so far, most named first (kept as names are counted, so that the
    /// topic costs nothing to ask for however many actors a long text names).
    top: Vec<String>,
    /// What the short names several states share stand for in this text ("Congo").
    shared: std::cell::OnceCell<Vec<Option<ActorEntry>>>,
}

impl Memory<'_> {
    /// The event told that a thing named with a definite article is ("the agreement", "the
    /// announcement"), of those not done by `own` alone: the last whose words hold the thing's
    /// stem, else, for a thing said or decided, the last told.
    fn told_thing(&self, thing: crate::lexicon::Thing<'_>, own: impl Fn(&(String, String)) -> bool) -> Option<&Told> {
        let others = self.told.iter().rev().filter(|t| !t.actors.iter().all(&own));
        others
            .clone()
            .find(|t| {
                t.words
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w.starts_with(thing.stem))
            })
            .or_else(|| others.clone().next().filter(|_| thing.saying))
    }

    /// Counts one naming of `id`.
    fn named(&mut self, id: &str) {
        let n = self.times_named.len();
        self.times_named.entry(id.to_string()).or_insert((0, n)).0 += 1;
        if !self.top.iter().any(|t| t == id) {
            self.top.push(id.to_string());
        }
        // More named first; the first named first on a tie.
        let key = |m: &Memory<'_>, t: &String| m.times_named.get(t).map(|&(c, f)| (std::cmp::Reverse(c), f));
        let mut top = std::mem::take(&mut self.top);
        top.sort_by_key(|t| key(self, t));
        top.truncate(2);
        self.top = top;
    }

    /// The two actors the text is about so far: the two most often named (each at least
    /// twice), the first named first on a tie.
    fn topic(&self) -> Option<(&str, &str)> {
        match self.top.as_slice() {
            [a, b] if self.times_named.get(b).is_some_and(|c| c.0 >= 2) => Some((a.as_str(), b.as_str())),
            _ => None,
        }
    }
}

/// Whether an actor of `kind` is an organisation (`Some`), and an alliance (`Some(true)`).
fn body_kind(kind: ActorKind) -> Option<bool> {
    match kind {
        ActorKind::Alliance => Some(true),
        ActorKind::Igo | ActorKind::Grouping => Some(false),
        _ => None,
    }
}

/// An agreement named with a date of its own: the trigger's span, its table index, where its
/// noun phrase starts and the date's index.
struct Instrument {
    start: usize,
    end: usize,
    trigger: usize,
    from: usize,
    date: usize,
}

impl Extractor<'_> {
    /// The agreements a sentence names with a date of their own: "the Defence Cooperation
    /// Arrangement of 2012" ("of" and a year right after it), "a defence agreement signed in
    /// December 2014" (a participle of signing and "in" or "on" before the date), "the 2007
    /// joint declaration" (a year right after its determiner).
    fn instruments(
        &self,
        sentence: &str,
        triggers: &[(usize, usize, usize)],
        dates: &[DateMention],
    ) -> Vec<Instrument> {
        let c = cues();
        let mut found = Vec::new();
        for &(s, e, t) in triggers {
            let sense = &self.triggers.table[t].sense;
            let instrument = matches!(
                sense.kind,
                ClaimKind::Agreement | ClaimKind::Treaty | ClaimKind::Programme | ClaimKind::FrameworkAgreement
            );
            if sense.plover != Plover::Agree || !instrument {
                continue;
            }
            // A noun: a determiner within four words before it, starting its noun phrase. (Read
            // in the last bytes before it only, so that a long sentence costs no more.)
            let mut window = s.saturating_sub(120);
            while !sentence.is_char_boundary(window) {
                window -= 1;
            }
            let Some(det) = word_spans(&sentence[window..s])
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .take(4)
                .find(|(_, w)| crate::lexicon::determiner(&w.to_ascii_lowercase()))
                .map(|(i, _)| window + i)
            else {
                continue;
            };
            let date = dates.iter().position(|d| {
                let of_year = d.start == e + 4 && sentence[e..].starts_with(" of ");
                let signed = d.start > e && d.start - e <= 40 && {
                    let gap: Vec<&str> = sentence[e..d.start].split_whitespace().collect();
                    matches!(gap.as_slice(), [p, "in" | "on"] if c.past_form(&p.to_ascii_lowercase()))
                };
                let attributive = d.start > det
                    && d.end < s
                    && d.date.month().is_none()
                    && sentence[det..d.start].split_whitespace().count() == 1;
                of_year || signed || attributive
            });
            if let Some(date) = date {
                found.push(Instrument {
                    start: s,
                    end: e,
                    trigger: t,
                    from: det.min(dates[date].start),
                    date,
                });
            }
        }
        found
    }

    /// A state told by the form of its government in a clause's subject (`head`: "The kingdom
    /// will receive …"): the one named lately (in `carried`, the text's most named, the last
    /// claim's sides) whose official name has that word, with the others of `carried` as its
    /// partners ("Saudi Arabia and the United States signed … The kingdom …"); `None` where no
    /// such word is written or not exactly one state fits. (Not one of `not`: a subject is not
    /// its own counterpart, "Cambodia cut its ties with the kingdom" is Thailand.)
    fn described_state(
        &self,
        head: &str,
        carried: &[(String, String)],
        not: &[(String, String)],
        memory: &Memory<'_>,
    ) -> Option<((String, String), Named)> {
        let k = cues().government.find(head)?;
        let word = k.as_str()[4..].to_ascii_lowercase();
        let mut pool: Vec<&str> = carried.iter().map(|x| x.0.as_str()).collect();
        pool.extend(memory.top.iter().map(String::as_str));
        if let Some((_, sides, others, _)) = &memory.last_claim {
            pool.extend(sides.iter().chain(others).map(|x| x.0.as_str()));
        }
        let mut fits: Vec<&str> = pool
            .into_iter()
            .filter(|id| {
                !not.iter().any(|x| x.0 == *id)
                    && self
                        .kb
                        .actor(id)
                        .is_some_and(|x| x.kind == ActorKind::State && governed_as(&x.name, &word))
            })
            .collect();
        fits.sort_unstable();
        fits.dedup();
        let [id] = fits[..] else {
            return None;
        };
        let partners = carried.iter().filter(|x| x.0 != id).cloned().collect();
        Some(((id.to_string(), k.as_str().to_string()), partners))
    }

    /// A visit told by a noun inside another clause's event, its visitor's possessive before it
    /// ("signed a series of agreements during President Donald Trump's visit to Riyadh in May")
    /// or named after it by "by" ("signed during a visit to the Emirates by President Moon",
    /// "signed in Tokyo during a visit by the Secretary General"): a claim of its own, the
    /// visitor's to the place's state — where no place follows the noun, to the other side of
    /// the clause's event —, dated by a date right after the place, else by the clause's. (A
    /// clause whose own event is the visit has it already.)
    #[allow(clippy::too_many_arguments)]
    fn nominal_visits(
        &self,
        article: &Article,
        offset: usize,
        sentence: &str,
        (mentions, places): (&[ActorMention], &[ActorMention]),
        dates: &[DateMention],
        first_here: usize,
        out: &mut Vec<Claim>,
    ) {
        let c = cues();
        let named = |at: usize| {
            mentions
                .iter()
                .chain(places)
                .find(|m| m.start == at && m.entry.agent.is_none())
        };
        // (The visitor's mention and the place's, if one follows the noun.)
        let mut visits: Vec<(&ActorMention, Option<&ActorMention>, usize)> = c
            .nominal_visit
            .find_iter(sentence)
            .filter_map(|v| {
                let visitor = mentions
                    .iter()
                    .find(|m| m.end == v.start() && m.entry.agent.is_none())?;
                Some((visitor, Some(named(v.end())?), v.start()))
            })
            .collect();
        for v in c.visit_by.find_iter(sentence) {
            // (A place's name may hold its article: "the Emirates".)
            let place = v
                .as_str()
                .ends_with(' ')
                .then(|| named(v.end()).or_else(|| v.as_str().ends_with("the ").then(|| named(v.end() - 4)).flatten()))
                .flatten();
            let after = place.map_or(v.end(), |p| p.end);
            let Some(by) = sentence[after..].strip_prefix(" by ").map(|_| after + 4) else {
                continue;
            };
            // (Its visitor a few words on, titles between, within the phrase.)
            let stop = sentence[by..].find([',', ';']).map_or(sentence.len(), |k| by + k);
            let Some(visitor) = mentions.iter().find(|m| {
                m.start >= by
                    && m.end <= stop
                    && m.entry.agent.is_none()
                    && sentence[by..m.start].split_whitespace().count() <= 5
            }) else {
                continue;
            };
            visits.push((visitor, place, v.start()));
        }
        // "The state visit of President Marcos to Vietnam": the visitor after "of", the place
        // after "to".
        // (Looked for only where its words are: most sentences tell no visit.)
        let of_visit = sentence.contains("visit of") || sentence.contains("trip of");
        for v in c.visit_of.find_iter(if of_visit { sentence } else { "" }) {
            let stop = sentence[v.end()..]
                .find([',', ';'])
                .map_or(sentence.len(), |k| v.end() + k);
            let Some(visitor) = mentions.iter().find(|m| {
                m.start >= v.end()
                    && m.end <= stop
                    && m.entry.agent.is_none()
                    && sentence[v.end()..m.start].split_whitespace().count() <= 5
            }) else {
                continue;
            };
            let place = sentence[visitor.end..].strip_prefix(" to ").and_then(|rest| {
                named(visitor.end + 4).or_else(|| rest.starts_with("the ").then(|| named(visitor.end + 8)).flatten())
            });
            if let Some(place) = place {
                visits.push((visitor, Some(place), v.start()));
            }
        }
        let mut found: Vec<Claim> = Vec::new();
        for (visitor, place, at) in visits {
            let Some(pi) = (first_here..out.len())
                .rev()
                .find(|&k| out[k].text_span.0 <= offset + at && out[k].text_span.1 >= offset + visitor.end)
            else {
                continue;
            };
            if out[pi].mode == ClaimKind::Visit {
                continue;
            }
            let who = &visitor.entry.acts_for;
            // Whither: the place after the noun, else the other side of the clause's event.
            let whither: Option<ClaimActor> = match place {
                Some(p) => Some(self.actor(&p.entry.acts_for, &sentence[p.start..p.end])),
                None => {
                    let mut others = out[pi]
                        .actors
                        .iter()
                        .chain(&out[pi].recipients)
                        .filter(|a| a.id != *who);
                    others.next().filter(|_| others.next().is_none()).cloned()
                }
            };
            let Some(whither) = whither.filter(|w| w.id != *who) else {
                continue;
            };
            let (s, e) = (
                at.min(visitor.start),
                place.map_or(visitor.end, |p| p.end.max(visitor.end)),
            );
            let own = dates.iter().find(|d| d.start >= e && d.start <= e + 4);
            let end = own.map_or(e, |d| d.end);
            let (date, date_end) = match own {
                Some(d) => (Some(d.date), d.end_date),
                None => (out[pi].date, out[pi].date_end),
            };
            found.push(Claim {
                start: article.input_offset(offset + s),
                end: article.input_offset(offset + end),
                quote: sentence[s..end].to_string(),
                actors: vec![self.actor(who, &sentence[visitor.start..visitor.end])],
                recipients: vec![whither],
                plover: Plover::Consult,
                mode: ClaimKind::Visit,
                cameo: Some("042"),
                date,
                date_end,
                quantity: None,
                system: None,
                text_span: (offset + s, offset + end),
                ..out[pi].clone()
            });
        }
        out.extend(found);
    }

    /// An agreement named beside the clause's event with a date of its own (see
    /// [`Extractor::instruments`]) is a claim of its own, between the sides of the claim of the
    /// clause it is in: "It builds on the framework the two countries signed in 2006 and on the
    /// Defence Cooperation Arrangement of 2012"; "troops sent to the base under a defence
    /// agreement signed in December 2014".
    #[allow(clippy::too_many_arguments)]
    fn dated_instruments(
        &self,
        article: &Article,
        offset: usize,
        sentence: &str,
        instruments: &[Instrument],
        dates: &[DateMention],
        first_here: usize,
        out: &mut Vec<Claim>,
    ) {
        let mut found: Vec<Claim> = Vec::new();
        for i in instruments {
            let d = &dates[i.date];
            let sense = &self.triggers.table[i.trigger].sense;
            // The claim of the clause it is in; not the instrument's own (which has its date).
            let Some(pi) = (first_here..out.len())
                .rev()
                .find(|&k| out[k].text_span.0 <= offset + i.start && out[k].text_span.1 >= offset + i.end)
            else {
                continue;
            };
            if out[pi].date == Some(d.date) || (out[pi].actors.is_empty() && out[pi].recipients.is_empty()) {
                continue;
            }
            let (qs, qe) = (i.from, i.end.max(d.end));
            found.push(Claim {
                start: article.input_offset(offset + qs),
                end: article.input_offset(offset + qe),
                quote: sentence[qs..qe].to_string(),
                plover: Plover::Agree,
                mode: sense.kind,
                cameo: sense.cameo,
                date: Some(d.date),
                date_end: d.end_date,
                modality: Modality::Asserted,
                quantity: None,
                system: None,
                text_span: (offset + qs, offset + qe),
                ..out[pi].clone()
            });
        }
        out.extend(found);
    }
}

/// The words after a verb ending at `te` that name what it acts on, to the clause's end `b`,
/// the first preposition or comma, at most ten words: the stretch and its words.
fn object_after(sentence: &str, te: usize, b: usize) -> (&str, Vec<&str>) {
    let rest = &sentence[te..b];
    let stop = [
        ",",
        ";",
        " to ",
        " for ",
        " in ",
        " into ",
        " at ",
        " from ",
        " on ",
        " with ",
        " by ",
        " against ",
    ]
    .iter()
    .filter_map(|p| rest.find(p))
    .min()
    .unwrap_or(rest.len());
    let object = &rest[..stop];
    let words = object
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .take(10)
        .collect();
    (object, words)
}

/// The things a clause counts, each with its system when one is named beside it ("212 K9
/// howitzers", "48 new aircraft"), skipping numbers that are part of a date (the clause starts
/// at byte `a` of the sentence the dates were found in) or of a designation (the 50 of FA-50).
fn counted_items(
    clause: &str,
    a: usize,
    dates: &[DateMention],
    systems: &[(usize, usize, &str)],
) -> Vec<(Option<u64>, Option<String>)> {
    let c = cues();
    let pairs: Vec<(usize, usize)> = c.both_sides.find_iter(clause).map(|m| (m.start(), m.end())).collect();
    let mut items: Vec<(Option<u64>, Option<String>)> = Vec::new();
    for q in c.quantity.captures_iter(clause) {
        let Some(m) = q.get(0) else { continue };
        // ("The two sides" is a pair of actors, not a count.)
        if pairs.iter().any(|&(s, e)| m.start() >= s && m.end() <= e) {
            continue;
        }
        // Skip numbers that are part of a date or of a designation (the 50 of FA-50).
        if dates.iter().any(|d| a + m.start() >= d.start && a + m.end() <= d.end)
            || systems.iter().any(|(s, e, _)| m.start() >= *s && m.end() <= *e)
            || clause[..m.start()].ends_with(['-', '/'])
        {
            continue;
        }
        let Some(n) = count_of(&q) else { continue };
        let tail = &clause[m.end()..];
        let next_words: Vec<&str> = tail.split_whitespace().take(4).collect();
        let system = systems
            .iter()
            .find(|(s, _, _)| *s >= m.end() && clause[m.end()..*s].split_whitespace().count() <= 2)
            .map(|(_, _, t)| t.to_string());
        let counts = system.is_some() || counts_things(&next_words);
        if counts {
            items.push((Some(n), system));
        }
    }
    items
}

/// Whether the clause at `a` counts things by a name no dictionary knows, which is a model's:
/// "eighteen Rafales", "24 more Typhoons" (not a date's number, nor a name of an actor: "two
/// Chinese ships", "three Korean firms").
fn counted_name(clause: &str, a: usize, mentions: &[ActorMention], dates: &[DateMention]) -> bool {
    cues().quantity.find_iter(clause).any(|m| {
        if dates.iter().any(|d| a + m.start() >= d.start && a + m.end() <= d.end)
            || clause[..m.start()].ends_with(['-', '/'])
        {
            return false;
        }
        let mut at = m.end();
        for w in clause[m.end()..].split_whitespace().take(3) {
            let k = at + clause[at..].find(w).unwrap_or(0);
            if matches!(
                w,
                "more" | "new" | "additional" | "used" | "second-hand" | "refurbished"
            ) {
                at = k + w.len();
                continue;
            }
            return w.starts_with(char::is_uppercase)
                && !crate::dates::calendar_word(w.trim_end_matches(|c: char| !c.is_alphanumeric()))
                && !mentions.iter().any(|x| x.start <= a + k && a + k < x.end);
        }
        false
    })
}

/// Whether the name at `start..end` of `sentence` is part of the name of a body of water: "Sea
/// of Japan", "Gulf of Oman", "South China Sea", "Taiwan Strait".
fn in_a_water_name(sentence: &str, start: usize, end: usize) -> bool {
    const WATERS: &[&str] = &[
        "Sea", "Seas", "Strait", "Straits", "Gulf", "Ocean", "Bay", "Channel", "Canal",
    ];
    let after = sentence[end..].split_whitespace().next().unwrap_or("");
    let after = after.trim_end_matches(|c: char| !c.is_alphanumeric());
    let before: Vec<&str> = sentence[..start].split_whitespace().rev().take(2).collect();
    WATERS.contains(&after) || matches!(before.as_slice(), ["of", w] if WATERS.contains(w))
}

/// Whether the clause from `a` opens with a definite noun phrase whose noun is the trigger at
/// `ts..te` and names a thing `told` before: "The deployment had been held up …", "This
/// agreement was delayed …" (not "The Kenyan deployment", which names someone).
fn retold_subject(
    sentence: &str,
    (a, ts, te): (usize, usize, usize),
    told: impl Fn(crate::lexicon::Thing<'_>) -> bool,
) -> bool {
    let clause = sentence[a..ts].trim_start();
    let start = ts - clause.len();
    let Some((det, _)) = clause.split_once(' ') else {
        return false;
    };
    if !matches!(det.to_ascii_lowercase().as_str(), "the" | "this" | "these") {
        return false;
    }
    // (Read to the trigger with a lower-case article, as an object would be.)
    let rest = start + det.len() + 1;
    if rest > te {
        return false;
    }
    let phrase = format!("the {}", &sentence[rest..te]);
    crate::lexicon::definite_thing(&phrase).is_some_and(|t| t.end + rest == te + 4 && told(t))
}

/// The last `n` characters of `text`, lower-cased: the few words before a place in a sentence,
/// read without copying all that comes before them.
fn lower_tail(text: &str, n: usize) -> String {
    let from = text.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
    text[from..].to_ascii_lowercase()
}

/// Whether the noun at `ts..te` names a thing told before after a preposition of time and its
/// article: "after the summit", "during the visit" (`told` says whether a thing was told).
fn retold_after(sentence: &str, (ts, te): (usize, usize), told: impl Fn(crate::lexicon::Thing<'_>) -> bool) -> bool {
    let before = lower_tail(&sentence[..ts], 20);
    let timed = [
        "after the ",
        "before the ",
        "during the ",
        "following the ",
        "since the ",
    ]
    .iter()
    .any(|p| before.ends_with(p) && (ts == p.len() || before[..before.len() - p.len()].ends_with([' ', ','])));
    if !timed {
        return false;
    }
    let phrase = format!("the {}", &sentence[ts..te]);
    crate::lexicon::definite_thing(&phrase).is_some_and(|t| t.end == te - ts + 4 && told(t))
}

/// Whether the clause from byte `a` states its event at `ts` only as a condition, a question
/// or a prescription, not as something that happened or was said to happen: "if New Delhi
/// mistakes a supplier for a strategy", "whether Washington would stand by Article 5", "the
/// Union should help pay for it"; nor, where the clause tells no time (`dated` false), what
/// might, could or should happen, an opinion: "a presence in the Gulf could draw a NATO member
/// into a quarrel". (A modal of possibility in a dated clause leaves a hedged claim, "could
/// reach the squadron in 2026"; one someone is reported to have used stays a claim: "decided
/// that the units should leave".) Nor what the clause's subject denies.
fn unasserted(sentence: &str, a: usize, ts: usize, dated: bool) -> bool {
    let head = &sentence[a..ts];
    let part = head.rsplit([',', ';', ':']).next().unwrap_or(head);
    let is = |w: &str, set: &[&str]| set.iter().any(|x| w.eq_ignore_ascii_case(x));
    if denied(sentence, a, ts) || part.split_whitespace().any(|w| is(w, &["if", "whether", "unless"])) {
        return true;
    }
    let prescribed = part
        .split_whitespace()
        .rev()
        .take(3)
        .any(|w| is(w, &["should", "must", "ought", "can", "cannot"]));
    let possible = !dated && head.split_whitespace().any(|w| is(w, &["could", "might", "should"]));
    (prescribed || possible) && !reported(sentence, ts)
}

/// Whether the words before `ts` are someone's reported words: a "that" or a verb of saying
/// before it ("decided that the units should leave", "said Seoul could order more").
fn reported(sentence: &str, ts: usize) -> bool {
    sentence[..ts].split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphabetic());
        w.eq_ignore_ascii_case("that") || crate::lexicon::SAYING.iter().any(|x| w.eq_ignore_ascii_case(x))
    })
}

/// Whether what the trigger at `ts` tells is denied by its clause's subject (clause from `a`): "Iran
/// denied sending missiles", "denies that it has troops there".
fn denied(sentence: &str, a: usize, ts: usize) -> bool {
    let head = &sentence[a..ts];
    let part = head.rsplit([',', ';', ':']).next().unwrap_or(head);
    part.split_whitespace().any(|w| {
        ["denied", "denies", "deny", "denying"]
            .iter()
            .any(|x| w.eq_ignore_ascii_case(x))
    })
}

/// What someone said a thing did is no event of theirs: after a verb of saying, a noun phrase
/// that names no actor is the subject of the verb reported ("Poland said the move violated the
/// treaty", "… said the deployment threatened Europe"). Not a passive ("said the contract was
/// signed"), whose agent may be the speaker, nor a group named before ("the two countries"), nor
/// the speaker's own ("said its forces had withdrawn"), nor a second verb of the speaker's
/// ("confirmed the plan and accused NATO").
fn reported_of_a_thing(sentence: &str, (a, ts): (usize, usize), mentions: &[ActorMention], groups: &Regex) -> bool {
    let words: Vec<(usize, &str)> = sentence[a..ts]
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - sentence.as_ptr() as usize, w))
        .collect();
    let Some(i) = words.iter().rposition(|(_, w)| {
        let w = w.trim_matches(|c: char| !c.is_alphabetic());
        crate::lexicon::SAYING.iter().any(|s| w.eq_ignore_ascii_case(s))
    }) else {
        return false;
    };
    let mut rest = &words[i + 1..];
    if rest.first().is_some_and(|(_, w)| *w == "that") {
        rest = &rest[1..];
    }
    let Some(&(from, first)) = rest.first() else {
        return false;
    };
    let passive = rest.last().is_some_and(|(_, w)| crate::lexicon::be_form(w));
    (2..=6).contains(&rest.len())
        && crate::lexicon::determiner(first)
        && !crate::lexicon::possessive(first)
        && !passive
        && !rest
            .iter()
            .any(|(_, w)| w.ends_with(',') || matches!(*w, "and" | "but" | "or" | "then"))
        && !mentions.iter().any(|m| m.start >= from && m.start < ts)
        && !groups.is_match(&sentence[from..ts])
}

/// Where the participial phrase that `before` ends inside opens (the comma of ", turning the
/// agreements into orders"), if it does: the last ", " before the end is followed by a word in
/// -ing and more.
fn participial_phrase(before: &str) -> Option<usize> {
    let p = before.rfind(", ")?;
    let w = before[p + 2..].split(' ').next().unwrap_or("");
    (w.len() > 4 && w.ends_with("ing") && p + 2 + w.len() < before.len()).then_some(p)
}

/// A clause's quote: bytes `a..b` of the sentence without the punctuation and spaces that join
/// it to its neighbours, with where it starts.
fn quote_of(sentence: &str, a: usize, b: usize) -> (usize, String) {
    let clause = &sentence[a..b];
    let start = a + (clause.len() - clause.trim_start_matches([',', ';', ':', ' ', '—', '–']).len());
    (start, sentence[start..b].trim_end_matches([',', ';', ' ']).to_string())
}

/// Whether a clause speaks of the future ("will", "is expected to", "next year" …): a date
/// without its year is then the next such day.
/// Whether a trigger's last word is a verb's regular past form ("signed", "expressed"), or an
/// irregular one of the verbs of events ("met", "sent", "sold", "bought", "struck").
fn past_tense(trigger: &str) -> bool {
    let last = trigger.rsplit(' ').next().unwrap_or("");
    (last.len() > 4 && last.ends_with("ed") && !last.ends_with("eed"))
        || matches!(
            last.to_ascii_lowercase().as_str(),
            "met" | "sent" | "sold" | "bought" | "struck" | "gave" | "held" | "made" | "took" | "left"
        )
}

fn speaks_of_the_future(clause: &str) -> bool {
    cues().future.is_match(clause)
}

/// Whether the state named by `m` stands after a place it locates: "in Vilnius, Lithuania",
/// "at Bagram, Afghanistan", a dateline's "MORĄG, Poland —". The place is one to three
/// capitalised words after "in", "at", "near" or "outside", or opening the sentence, that name
/// no actor other than a capital (so "Japan, Korea and Australia" stays a list); the state ends
/// the phrase.
fn locates_a_place(sentence: &str, m: &ActorMention, found: &[ActorMention]) -> bool {
    let Some(head) = sentence[..m.start].strip_suffix(", ") else {
        return false;
    };
    let after = sentence[m.end..].trim_start();
    if !(after.is_empty() || after.starts_with([',', '.', ';', ':', ')', '\u{2014}', '\u{2013}', '-'])) {
        return false;
    }
    // The last four words before the comma, last first, with their offsets (no more are read).
    let words: Vec<(usize, &str)> = head
        .split_whitespace()
        .rev()
        .take(4)
        .map(|w| (w.as_ptr() as usize - sentence.as_ptr() as usize, w))
        .collect();
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let n = words.iter().take(3).take_while(|w| capitalised(w.1)).count();
    if n == 0 {
        return false;
    }
    let place_start = words[n - 1].0;
    let named_actor = found
        .iter()
        .any(|o| o.start < head.len() && o.end > place_start && !o.entry.place);
    let opener = match words.get(n) {
        None => true,
        Some(w) => matches!(w.1.to_ascii_lowercase().as_str(), "in" | "at" | "near" | "outside"),
    };
    opener && !named_actor
}

/// The clause bounds around byte `k`: the last at or before it and the first after it (or the
/// text's end).
fn enclosing(bounds: &[usize], k: usize, len: usize) -> (usize, usize) {
    let prev = bounds.iter().copied().filter(|b| *b <= k).max().unwrap_or(0);
    let next = bounds.iter().copied().filter(|b| *b > k).min().unwrap_or(len);
    (prev, next)
}

/// The words of a text (runs of letters, digits, hyphens and apostrophes) with their offsets.
fn word_spans(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    // (Whether the character at byte `k` belongs to a word, and its length: an ASCII byte is
    // read as it is, the rest decoded.)
    let at_word = move |k: usize| -> (bool, usize) {
        let b = bytes[k];
        if b.is_ascii() {
            (b.is_ascii_alphanumeric() || b == b'-' || b == b'\'', 1)
        } else {
            let c = text[k..].chars().next().unwrap_or(' ');
            (c.is_alphanumeric(), c.len_utf8())
        }
    };
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() {
            let (word, n) = at_word(at);
            if word {
                break;
            }
            at += n;
        }
        if at >= bytes.len() {
            return None;
        }
        let start = at;
        while at < bytes.len() {
            let (word, n) = at_word(at);
            if !word {
                break;
            }
            at += n;
        }
        Some((start, &text[start..at]))
    })
}

/// Whether `rest` (the text after a name) opens with a possessive "'s".
fn possessive_next(rest: &str) -> bool {
    rest.starts_with("'s") || rest.starts_with("\u{2019}s")
}

/// A word without its possessive "'s".
fn without_possessive(w: &str) -> &str {
    ["'s", "\u{2019}s"].iter().find_map(|p| w.strip_suffix(p)).unwrap_or(w)
}

/// Whether the words between a state and a title are the title's own ("'s Defence", "'s",
/// nothing): a possessive and up to three capitalised words.
fn title_words(gap: &str) -> bool {
    let gap = gap.trim();
    let gap = ["'s", "\u{2019}s"]
        .iter()
        .find_map(|p| gap.strip_prefix(p))
        .unwrap_or(gap);
    let words: Vec<&str> = gap.split_whitespace().collect();
    words.len() <= 3 && words.iter().all(|w| w.starts_with(char::is_uppercase))
}

/// The surname of a personal name written right after a title (`after` is the text after it, up
/// to the next actor's name): two to four capitalised words, after a space or a comma
/// ("President Andrzej Duda", "prime minister, Shigeru Ishiba,"), with none a month or a
/// weekday. The last of them, when it has three letters or more.
fn introduced_name(after: &str) -> Option<&str> {
    let rest = after.strip_prefix(", ").or_else(|| after.strip_prefix(' '))?;
    let name_word = |w: &str| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '\u{2019}')
            && w.chars().any(char::is_lowercase)
            && !crate::dates::calendar_word(w)
    };
    let mut words = Vec::new();
    for w in rest.split(' ').take(4) {
        let bare = w.trim_end_matches([',', '.', ';', ':']);
        let bare = without_possessive(bare);
        // (A generational suffix is no surname: "Ferdinand Marcos Jr.".)
        if !name_word(bare) || ["Jr", "Sr"].contains(&bare) {
            break;
        }
        words.push(bare);
        if bare.len() != w.len() {
            break;
        }
    }
    let last = *words.last()?;
    (words.len() >= 2 && last.chars().count() >= 3).then_some(last)
}

/// The words `text` writes in lower case, and those it writes with a capital inside a
/// sentence (names; possessives without their "'s").
fn word_cases(text: &str) -> WordCases<'_> {
    let mut cases = WordCases::default();
    for (i, w) in word_spans(text) {
        if w.starts_with(char::is_lowercase) {
            cases.common.insert(w);
        } else if w.starts_with(char::is_uppercase) {
            let before = text[..i].trim_end_matches([' ', '"', '\u{201c}', '(']);
            if !before.is_empty() && !before.ends_with(['.', '!', '?', ':', '\n']) {
                let w = without_possessive(w);
                cases.proper.insert(w);
            }
        }
    }
    cases
}

/// How a text writes its words (see [`word_cases`]).
#[derive(Default)]
struct WordCases<'t> {
    common: crate::Set<&'t str>,
    proper: crate::Set<&'t str>,
}

/// Whether the head of a clause's subject (`span`, the words before its verb, holding no known
/// name) is a proper name: a capitalised word that is no month or weekday and, first in its
/// sentence (`initial`), one the text also writes with a capital inside a sentence and never in
/// lower case, and none of English's function words.
fn unknown_name(span: &str, initial: bool, cases: &WordCases<'_>) -> bool {
    // Only the word right before the verb (past its auxiliaries and adverbs): the subject's head.
    const BETWEEN: &[&str] = &[
        "who",
        "already",
        "still",
        "just",
        "never",
        "not",
        "also",
        "then",
        "later",
        "has",
        "have",
        "had",
        "was",
        "were",
        "will",
        "would",
        "is",
        "are",
        "again",
        "jointly",
        "formally",
        "officially",
    ];
    let words: Vec<(usize, &str)> = word_spans(span).collect();
    let Some(k) = words
        .iter()
        .rposition(|(_, w)| !BETWEEN.contains(w) && !w.ends_with("ly"))
    else {
        return false;
    };
    let initial = initial && k == 0;
    let span = &span[words[k].0..];
    const FUNCTION: &[&str] = &[
        "the",
        "a",
        "an",
        "it",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "this",
        "that",
        "these",
        "those",
        "both",
        "all",
        "some",
        "many",
        "most",
        "several",
        "others",
        "each",
        "its",
        "their",
        "his",
        "her",
        "our",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "after",
        "before",
        "when",
        "while",
        "as",
        "but",
        "and",
        "yet",
        "so",
        "also",
        "then",
        "earlier",
        "later",
        "last",
        "next",
        "meanwhile",
        "however",
        "there",
        "here",
        "one",
        "no",
        "neither",
        "nor",
        "either",
        "such",
        "what",
        "who",
        "which",
        "if",
        "once",
        "since",
        "until",
        "under",
        "from",
        "to",
        "of",
        "over",
        "about",
        "during",
        "without",
        "instead",
        "only",
        "even",
        "now",
        "today",
        "still",
    ];
    let mut first = initial;
    for (_, w) in word_spans(span) {
        let was_first = std::mem::replace(&mut first, false);
        let mut cs = w.chars();
        if !cs.next().is_some_and(char::is_uppercase)
            || !w.chars().any(char::is_lowercase)
            || crate::dates::calendar_word(w)
        {
            continue;
        }
        let lower = w.to_lowercase();
        if was_first
            && (FUNCTION.contains(&lower.as_str())
                || cases.common.contains(lower.as_str())
                || !cases.proper.contains(w))
        {
            continue;
        }
        return true;
    }
    false
}

/// The number a group reference counts ("both", "the three" …).
fn group_size(words: &str) -> usize {
    match words.rsplit(' ').next().map(str::to_ascii_lowercase).as_deref() {
        Some("three") => 3,
        Some("four") => 4,
        Some("five") => 5,
        _ => 2,
    }
}

/// Families of events that share a counterpart across sentences: arms deals, institutions.
fn family(kind: ClaimKind) -> Option<u8> {
    use ClaimKind::*;
    match kind {
        ArmsDeal | FrameworkAgreement | ExecutiveContract | Delivery => Some(1),
        Programme | Accession | Membership | Agreement | Establishment => Some(2),
        Summit | Attendance | Visit => Some(3),
        Deployment | Withdrawal => Some(4),
        Treaty | Ratification => Some(5),
        _ => None,
    }
}

/// Whether the words before a clause's verb open with a plural subject that names no one
/// ("they", "the leaders"), at their start or after an opening phrase set off by a comma ("In
/// documents released after the talks, the leaders").
fn plural_subject(c: &Cues, before_verb: &str) -> bool {
    let after_comma = before_verb.find(", ").map(|k| &before_verb[k + 2..]);
    std::iter::once(before_verb)
        .chain(after_comma)
        .any(|t| c.plural_subject.is_match(t.trim_start()))
}

/// Kinds of claim that tell an agreement: a deal, a contract, a treaty, a programme.
fn agreement_kind(kind: ClaimKind) -> bool {
    use ClaimKind::*;
    matches!(
        kind,
        ArmsDeal | FrameworkAgreement | ExecutiveContract | Agreement | Treaty | Programme
    )
}

/// Whether the trigger at `ts` is a noun with "the" or "this" that opens the clause `[a, ..)`,
/// after at most one preposition ("The contract, signed …", "Under the agreement, …").
fn definite_opening(sentence: &str, a: usize, ts: usize) -> bool {
    let words: Vec<&str> = sentence[a..ts].split_whitespace().collect();
    match words.as_slice() {
        [det] | [_, det] => matches!(det.to_ascii_lowercase().as_str(), "the" | "this"),
        _ => false,
    }
}

/// Sets the PLOVER type each claim is reported with, once a text has been read. While reading,
/// entente keeps an agreement concluded (signed, ratified, joined, a contract placed: CAMEO 057)
/// and an agreement to act in one type, AGREE, which its rules about agreements read together
/// (the contract told again, the signing's date, the parties of a deal); the PLOVER manual
/// codes the first as SUPPORT ("ratify, sign, or finalize an agreement or treaty"), and a
/// consultation, support, cooperation or aid told as to come as AGREE (a visit planned, a treaty
/// to be signed: [`Plover::told_as_future`]). A visit hosted (CAMEO 043: "hosted", "received")
/// is read with the host as actor, as CAMEO codes it, and reported as PLOVER codes it: "the
/// visitor will always be coded as the actor and the host will be the recipient".
fn report_types(claims: &mut [Claim]) {
    for c in claims {
        if c.plover == Plover::Agree && c.cameo.is_some_and(|k| k.starts_with("057")) {
            c.plover = Plover::Support;
        }
        if c.mode == ClaimKind::Visit && c.cameo.is_some_and(|k| k.starts_with("043")) && !c.recipients.is_empty() {
            std::mem::swap(&mut c.actors, &mut c.recipients);
        }
        // (An election or inauguration to come is no intention of anyone's: entente files them
        // under CONSULT only for want of a PLOVER type.)
        if c.modality == Modality::Future && !matches!(c.mode, ClaimKind::Election | ClaimKind::Inauguration) {
            c.plover = c.plover.told_as_future();
        }
    }
}

fn dedupe(v: &mut Vec<(String, String)>) {
    let mut seen = std::collections::HashSet::new();
    v.retain(|(id, _)| seen.insert(id.clone()));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One extractor over the shipped knowledge base, built once for all the tests.
    fn extractor() -> &'static Extractor<'static> {
        static KB: OnceLock<KnowledgeBase> = OnceLock::new();
        static X: OnceLock<Extractor<'static>> = OnceLock::new();
        X.get_or_init(|| {
            Extractor::new(KB.get_or_init(|| {
                let report = entente_facts::load(entente_facts::shipped());
                KnowledgeBase::new(report.into_result().expect("shipped data"))
            }))
        })
    }

    /// How many claims a sentence gives, read alone.
    fn claims_in(sentence: &str) -> usize {
        extractor().extract_sentence(sentence, None).len()
    }

    /// Every actor and recipient of a sentence's claims, in order.
    fn parties_of(x: &Extractor, s: &str) -> Vec<String> {
        x.extract_sentence(s, None)
            .iter()
            .flat_map(|c| c.actors.iter().chain(&c.recipients).map(|a| a.id.clone()))
            .collect()
    }

    /// The shipped knowledge base with one more fact file.
    fn shipped_and(extra: &str) -> KnowledgeBase {
        let mut inputs = entente_facts::shipped();
        inputs.push(entente_facts::Input {
            name: "extra.toml".into(),
            bytes: extra.as_bytes().to_vec(),
        });
        KnowledgeBase::new(entente_facts::load(inputs).into_result().expect("valid"))
    }

    fn ids(v: &[ClaimActor]) -> Vec<&str> {
        v.iter().map(|a| a.id.as_str()).collect()
    }

    /// A person whose offices the knowledge base records counts for whom the office in force
    /// at the time the sentence speaks of serves, and for nobody but themself between offices.
    #[test]
    fn a_person_counts_for_whom_their_office_serves_that_day() {
        let extra = "[[source]]\nid = \"t-src\"\nurl = \"https://example.org/t\"\npublisher = \"Example\"\n\n\
            [[actor]]\nid = \"p-test\"\nkind = \"person\"\nname = \"Pella Testovic\"\naliases = [\"Testovic\"]\nparent = \"NATO\"\n\n\
            [[relation]]\nid = \"p-test-nld\"\nkind = \"office\"\nsubject = \"p-test\"\nobject = \"NLD\"\ntitle = \"PM\"\n\
            start = \"2010-10-14\"\nend = \"2024-07-02\"\nsources = [\"t-src\"]\n\n\
            [[relation]]\nid = \"p-test-nato\"\nkind = \"office\"\nsubject = \"p-test\"\nobject = \"NATO\"\ntitle = \"SG\"\n\
            start = \"2024-10-01\"\nsources = [\"t-src\"]\n";
        let kb = shipped_and(extra);
        let x = Extractor::new(&kb);
        let who = |date: &str| {
            let claims = x.extract_sentence(
                "Testovic met Japanese officials in Tokyo.",
                PartialDate::parse(date).ok(),
            );
            claims.first().map(|c| ids(&c.actors).join(","))
        };
        assert_eq!(who("2023-05-01").as_deref(), Some("NLD"));
        assert_eq!(who("2025-02-01").as_deref(), Some("NATO"));
        assert_eq!(who("2024-08-15").as_deref(), Some("p-test"));
        // A month or a year is the time it spans: in office at some time in it.
        assert_eq!(who("2024-07").as_deref(), Some("NLD"));
        assert_eq!(who("2024").as_deref(), Some("NATO"));
        // The shipped offices; a surname alone is read at its own sentence's time.
        let x = extractor();
        let first = |text: &str| {
            let c = x.extract(&Article::from_bytes("-", text.as_bytes()));
            c.first().map(|c| ids(&c.actors).join(","))
        };
        assert_eq!(
            first("date: 2022-05-01\n\nBoris Johnson visited Kyiv in April 2022.").as_deref(),
            Some("GBR")
        );
        assert_eq!(
            first("date: 2023-02-01\n\nBoris Johnson visited Kyiv in January 2023.").as_deref(),
            Some("boris-johnson")
        );
        let c = x.extract(&Article::from_bytes(
            "-",
            b"date: 2023-06-10\n\nLloyd Austin was born in 1953. Austin visited New Delhi on 5 June 2023.",
        ));
        let visit = c.iter().find(|c| c.quote.starts_with("Austin visited")).expect("{c:?}");
        assert_eq!(ids(&visit.actors), ["USA"], "{c:?}");
    }

    /// A claim's two sides, ids joined by commas.
    fn joined(c: &Claim) -> (String, String) {
        (ids(&c.actors).join(","), ids(&c.recipients).join(","))
    }

    /// The kind and the two sides of every claim of one sentence.
    fn roles(s: &str) -> Vec<(ClaimKind, String, String)> {
        extractor()
            .extract_sentence(s, None)
            .iter()
            .map(|c| {
                let (a, r) = joined(c);
                (c.mode, a, r)
            })
            .collect()
    }

    /// Each sentence has one claim, of that kind, with those actors and recipients (ids joined
    /// by commas).
    fn assert_roles(cases: &[(&str, ClaimKind, &str, &str)]) {
        for &(sentence, kind, actors, recipients) in cases {
            assert_eq!(
                roles(sentence),
                [(kind, actors.to_string(), recipients.to_string())],
                "{sentence}"
            );
        }
    }

    /// The type, recipients and date of every claim of one sentence.
    fn dated(s: &str) -> Vec<(Plover, String, String)> {
        extractor()
            .extract_sentence(s, None)
            .iter()
            .map(|c| (c.plover, joined(c).1, c.date.map(|d| d.to_string()).unwrap_or_default()))
            .collect()
    }

    /// The kinds of the claims of one sentence.
    fn kinds(s: &str) -> Vec<ClaimKind> {
        roles(s).into_iter().map(|r| r.0).collect()
    }

    fn sides(c: &Claim) -> (Vec<&str>, Vec<&str>) {
        (ids(&c.actors), ids(&c.recipients))
    }

    /// The one claim of sentence `s` (said on 6 May 2024): its type, actors and recipients.
    fn single(x: &Extractor, s: &str) -> (Plover, String, String) {
        let c = x.extract_sentence(s, PartialDate::parse("2024-05-06").ok());
        assert_eq!(c.len(), 1, "{s}: {c:?}");
        let (a, r) = sides(&c[0]);
        (c[0].plover, a.join(" "), r.join(" "))
    }

    #[test]
    fn a_signing_with_actors_date_and_kind() {
        let x = extractor();
        let c = x.extract_sentence(
            "Poland signed executive contracts with South Korea on 26 August 2022.",
            None,
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(ids(&c[0].actors), ["POL"]);
        assert_eq!(ids(&c[0].recipients), ["KOR"]);
        assert_eq!(c[0].mode, ClaimKind::ExecutiveContract);
        assert_eq!(c[0].date.map(|d| d.to_string()).as_deref(), Some("2022-08-26"));
        assert_eq!(c[0].modality, Modality::Asserted);
    }

    #[test]
    fn agencies_resolve_to_their_state_and_modality_is_read() {
        let x = extractor();
        let c = x.extract_sentence("The National Intelligence Service joined the CCDCOE in May 2022.", None);
        assert_eq!(ids(&c[0].actors), ["KOR"]);
        assert_eq!(ids(&c[0].recipients), ["CCDCOE"]);
        assert_eq!(c[0].mode, ClaimKind::Accession);
        let c = x.extract_sentence("South Korea joining NATO is not a consideration for either side.", None);
        assert_eq!(c[0].modality, Modality::Negated);
        let c = x.extract_sentence("Seoul could order more K9 howitzers in 2026.", None);
        assert_eq!(c[0].modality, Modality::Hedged);
        let c = x.extract_sentence("Romania is expected to sign for 54 K9 guns.", None);
        assert_eq!(c[0].modality, Modality::Future);
        assert_eq!(c[0].quantity, Some(54));
    }

    #[test]
    fn one_claim_per_quantity_and_system() {
        let x = extractor();
        let c = x.extract_sentence(
            "Poland ordered 180 K2 tanks, 212 K9 howitzers and 48 FA-50 aircraft from South Korea.",
            None,
        );
        let q: Vec<(Option<u64>, Option<&str>)> = c.iter().map(|c| (c.quantity, c.system.as_deref())).collect();
        assert_eq!(
            q,
            [
                (Some(180), Some("K2")),
                (Some(212), Some("K9")),
                (Some(48), Some("FA-50"))
            ],
            "{c:?}"
        );
    }

    #[test]
    fn an_elided_clause_continues_the_deal_and_the_maker_beats_the_context() {
        let x = extractor();
        let day = PartialDate::parse("2022-08-26").ok();
        // The relative clause counts systems but has no verb of its own: each count is a claim
        // of the deal before it; its date is read as past although the next clause is future.
        let c = x.extract_sentence(
            "Poland signed framework agreements with South Korea on 27 July, which envisage 1,000 K2 tanks, 672 K9 howitzers and 48 FA-50 aircraft; deliveries will start next year.",
            day,
        );
        let deals: Vec<String> = c
            .iter()
            .filter(|c| c.mode == ClaimKind::FrameworkAgreement)
            .map(|c| {
                let (q, s, d) = (
                    c.quantity.unwrap_or(0),
                    c.system.as_deref().unwrap_or("-"),
                    c.date.map(|d| d.to_string()),
                );
                format!(
                    "{q} {s} {:?}->{:?} {}",
                    ids(&c.actors),
                    ids(&c.recipients),
                    d.unwrap_or_default()
                )
            })
            .collect();
        assert_eq!(
            deals,
            [
                r#"1000 K2 ["POL"]->["KOR"] 2022-07-27"#,
                r#"672 K9 ["POL"]->["KOR"] 2022-07-27"#,
                r#"48 FA-50 ["POL"]->["KOR"] 2022-07-27"#
            ],
            "{c:?}"
        );
        // "Last August" (capitalised) is the last August before the article.
        let c = x.extract_sentence(
            "Last August Poland also ordered 400 K9 howitzers.",
            PartialDate::parse("2024-04-26").ok(),
        );
        assert_eq!(c[0].date.map(|d| d.to_string()).as_deref(), Some("2023-08"), "{c:?}");
        // A deal that names a system has the system's maker as its counterpart, not the next
        // clause's buyer nor the previous deal's.
        let c = x.extract_sentence(
            "Finland ordered its first 48 K9 howitzers in 2019, Norway signed for its K9 VIDAR in 2020.",
            None,
        );
        let pairs: Vec<(Vec<&str>, Vec<&str>)> = c.iter().map(sides).collect();
        assert_eq!(pairs, [(vec!["FIN"], vec!["KOR"]), (vec!["NOR"], vec!["KOR"])], "{c:?}");
    }

    #[test]
    fn an_adverbial_clause_with_its_own_subject_is_a_claim_at_its_own_time() {
        let x = extractor();
        let c = x.extract_sentence(
            "Poland signed a contract with Hyundai Rotem for 180 K2 tanks on Friday, weeks after South Korea's new President Lee Jae-myung took office.",
            PartialDate::parse("2025-08-02").ok(),
        );
        let kinds: Vec<ClaimKind> = c.iter().map(|c| c.mode).collect();
        assert_eq!(kinds, [ClaimKind::ArmsDeal, ClaimKind::Inauguration], "{c:?}");
        assert_eq!(c[0].date.map(|d| d.to_string()).as_deref(), Some("2025-08-01"));
        assert_eq!(c[1].date, None, "weeks before Friday, not on it: {c:?}");
        // Without a subject of its own, the adverbial clause is the main event's circumstance.
        let c = x.extract_sentence(
            "Russian troops began withdrawing from Armenia after refusing to renew the mandate.",
            None,
        );
        assert_eq!(c[0].mode, ClaimKind::Withdrawal, "{c:?}");
    }

    #[test]
    fn a_second_predicate_of_the_subject_is_a_claim_of_its_own() {
        let x = extractor();
        let c = x.extract_sentence(
            "New Zealand has sent army trainers to the United Kingdom and has imposed sanctions on Russia.",
            None,
        );
        let kinds: Vec<(Plover, Vec<&str>)> = c.iter().map(|c| (c.plover, sides(c).0)).collect();
        assert_eq!(kinds.len(), 2, "{c:?}");
        assert_eq!(kinds[1], (Plover::Sanction, vec!["NZL"]), "{c:?}");
        // A verb in the past after "and" opens one too, and keeps its date to itself.
        let c = x.extract_sentence(
            "Finland ordered 48 K9 howitzers from South Korea and received the first guns in 2018.",
            None,
        );
        let kinds: Vec<(ClaimKind, Option<String>)> =
            c.iter().map(|c| (c.mode, c.date.map(|d| d.to_string()))).collect();
        assert_eq!(
            kinds,
            [(ClaimKind::ArmsDeal, None), (ClaimKind::Delivery, Some("2018".into()))],
            "{c:?}"
        );
        // An aside between commas does not govern the infinitive after it.
        let c = x.extract_sentence(
            "Prime Minister Christopher Luxon, in office since November, is expected to attend the NATO summit in July.",
            None,
        );
        assert_eq!(c[0].mode, ClaimKind::Attendance, "{c:?}");
        // "Ratify" in every form.
        let c = x.extract_sentence(
            "Sweden is still waiting for Turkey and Hungary to ratify its accession.",
            None,
        );
        assert_eq!(c[0].mode, ClaimKind::Ratification, "{c:?}");
    }

    #[test]
    fn a_later_sentence_may_say_what_a_deal_covers() {
        let x = extractor();
        let a = Article::from_bytes(
            "-",
            b"Norway signed a contract with South Korea for 24 K9 howitzers on 20 December 2017. It also covers six K10 resupply vehicles. The army has 120 K9 howitzers.",
        );
        let c = x.extract(&a);
        let k10: Vec<&Claim> = c.iter().filter(|c| c.system.as_deref() == Some("K10")).collect();
        assert_eq!(k10.len(), 1, "{c:?}");
        assert_eq!(sides(k10[0]), (vec!["NOR"], vec!["KOR"]));
        assert_eq!((k10[0].quantity, k10[0].sentence), (Some(6), 1));
        assert_eq!(k10[0].date.map(|d| d.to_string()).as_deref(), Some("2017-12-20"));
        // A count with no verb of a deal's contents is not part of it.
        assert!(c.iter().all(|c| c.quantity != Some(120)), "{c:?}");
        // "Signed" alone, in a text about a deal, is the deal's kind.
        let a = Article::from_bytes(
            "-",
            b"Poland signed an executive contract with Hanwha for 152 K9 howitzers in 2023. The first, signed in August 2022, covered 212.",
        );
        let c = x.extract(&a);
        assert_eq!(c[c.len() - 1].mode, ClaimKind::ExecutiveContract, "{c:?}");
        assert_eq!(sides(&c[c.len() - 1]), (vec!["POL"], vec!["KOR"]), "{c:?}");
    }

    #[test]
    fn talks_told_right_after_a_dated_meeting_were_held_at_it() {
        let x = extractor();
        let a = Article::from_bytes(
            "-",
            b"Yoon attended the NATO summit in Washington on 10 July 2024. He also held talks with Olaf Scholz. \
              Fumio Kishida met Anthony Albanese. Parliament debated the budget. Lee met Ishiba.",
        );
        let c = x.extract(&a);
        let date = |i: usize| {
            let k = c
                .iter()
                .find(|c| c.sentence == i)
                .unwrap_or_else(|| panic!("{i}: {c:?}"));
            k.date.map(|d| d.to_string())
        };
        // Known to the month: a summit lasts days.
        assert_eq!(date(1).as_deref(), Some("2024-07"), "{c:?}");
        assert_eq!(date(2).as_deref(), Some("2024-07"), "{c:?}");
        // Further on, the meeting is no longer the occasion.
        assert_eq!(date(4), None, "{c:?}");
        // Nor is a meeting skipped or still ahead.
        for skipped in [
            "Armenia will not attend the summit in Minsk in November 2025.",
            "Armenia will attend the summit in Minsk in November 2025.",
        ] {
            let text = format!("date: 2025-10-29\n\n{skipped} Yerevan also asked the European Union for help.");
            let c = x.extract(&Article::from_bytes("-", text.as_bytes()));
            let asked = c.iter().find(|c| c.sentence == 1).unwrap_or_else(|| panic!("{c:?}"));
            assert_eq!(asked.date, None, "{c:?}");
        }
    }

    #[test]
    fn an_infinitive_is_what_the_event_is_for() {
        let x = extractor();
        let c = x.extract_sentence(
            "Hanwha Aerospace signed a contract with Estonia to supply 12 more K9 howitzers.",
            None,
        );
        assert_eq!(c[0].mode, ClaimKind::ArmsDeal, "{c:?}");
        // Alone, the same verb is the event, in any of its forms.
        let c = x.extract_sentence("Hanwha Aerospace will supply 12 more K9 howitzers to Estonia.", None);
        assert_eq!(c[0].mode, ClaimKind::Delivery, "{c:?}");
        let c = x.extract_sentence(
            "The first 18 launchers from South Korea are due to arrive in Poland in 2023.",
            None,
        );
        assert_eq!(c[0].mode, ClaimKind::Delivery, "{c:?}");
        // What arrives decides: forces are deployed, a leader or a delegation visits, and the
        // place they arrive in is the counterpart.
        let c = x.extract_sentence("400 Kenyan police officers arrived in Haiti on Tuesday.", None);
        assert_eq!(
            (c[0].mode, c[0].plover),
            (ClaimKind::Deployment, Plover::Mobilize),
            "{c:?}"
        );
        let c = x.extract_sentence("A delegation from Japan arrived in Seoul on Saturday.", None);
        assert_eq!((c[0].mode, c[0].plover), (ClaimKind::Visit, Plover::Consult), "{c:?}");
        assert_eq!(sides(&c[0]), (vec!["JPN"], vec!["KOR"]), "{c:?}");
    }

    #[test]
    fn a_subordinate_clause_has_its_own_subject() {
        let x = extractor();
        let c = x.extract_sentence("Estonia has grown closer to NATO since Russia invaded Ukraine.", None);
        let invasion = c.iter().find(|c| c.mode == ClaimKind::Invasion).expect("an invasion");
        assert_eq!(sides(invasion), (vec!["RUS"], vec!["UKR"]), "{c:?}");
        // Reported speech: the speaker is not a party to what it reports.
        let c = x.extract_sentence(
            "Hanwha said this month that Norway had ordered four more K9 howitzers.",
            None,
        );
        assert_eq!(sides(&c[0]), (vec!["NOR"], vec!["KOR"]), "{c:?}");
        // … with or without "that".
        let c = x.extract_sentence("Ukraine says North Korean troops attacked Russian positions.", None);
        assert_eq!(sides(&c[0]), (vec!["PRK"], vec!["RUS"]), "{c:?}");
        // A possessive relative clause is about its antecedent.
        let c = x.extract_sentence(
            "Finland joined NATO after Russia, whose invasion of Ukraine began in February 2022, changed its mind.",
            None,
        );
        let invasion = c.iter().find(|c| c.mode == ClaimKind::Invasion).expect("an invasion");
        assert_eq!(sides(invasion), (vec!["RUS"], vec!["UKR"]), "{c:?}");
    }

    #[test]
    fn an_office_has_the_officeholders_state_on_its_other_side() {
        let x = extractor();
        let c = x.extract_sentence("Yoon Suk Yeol took office in May 2022.", None);
        assert_eq!(sides(&c[0]), (vec!["yoon-suk-yeol"], vec!["KOR"]), "{c:?}");
        let c = x.extract_sentence("Yoon Suk Yeol declared martial law on 3 December 2024.", None);
        assert_eq!(sides(&c[0]), (vec!["yoon-suk-yeol"], vec!["KOR"]), "{c:?}");
        // The state removes the person.
        let c = x.extract_sentence("Yoon Suk Yeol was impeached on 14 December 2024.", None);
        assert_eq!(sides(&c[0]), (vec!["KOR"], vec!["yoon-suk-yeol"]), "{c:?}");
        // Sanctions on another state are the state's, whoever is named for it.
        let c = x.extract_sentence(
            "The Trump administration imposed sanctions on Turkey in December 2020.",
            None,
        );
        assert_eq!(sides(&c[0]), (vec!["USA"], vec!["TUR"]), "{c:?}");
    }

    #[test]
    fn a_counterpart_from_the_context_is_one_and_an_organisations_summit_has_none() {
        let x = extractor();
        // The last arms deal had Poland and Korea: Romania's counterpart is the one the text
        // names most, not both.
        let a = Article::from_bytes(
            "-",
            b"Poland ordered K2 tanks from South Korea in 2022. South Korea delivered ten tanks to Poland in December 2022. Romania's contract was signed in July 2024.",
        );
        let c = x.extract(&a);
        assert_eq!(sides(&c[c.len() - 1]), (vec!["ROU"], vec!["KOR"]), "{c:?}");
        // Two actors named together are the pair: no third from the last deal.
        let a = Article::from_bytes(
            "-",
            b"South Korea delivered K9 howitzers to NATO. South Korean and Polish companies signed a contract in July 2022.",
        );
        let c = x.extract(&a);
        assert_eq!(sides(&c[c.len() - 1]), (vec!["KOR", "POL"], vec![]), "{c:?}");
        // An article about NATO and Korea: NATO's own summit is not a meeting with Korea.
        let a = Article::from_bytes(
            "-",
            b"NATO and South Korea adopted a partnership programme in 2023. NATO and South Korea held talks in 2024. NATO's summit in Madrid ended in June 2022.",
        );
        let c = x.extract(&a);
        assert_eq!(sides(&c[c.len() - 1]), (vec!["NATO"], vec![]), "{c:?}");
    }

    #[test]
    fn the_title_names_the_topic_and_exercises_and_aimed_statements_have_its_counterpart() {
        let x = extractor();
        let last = |text: &str| {
            let c = x.extract(&Article::from_bytes("-", text.as_bytes()));
            c.last()
                .map(sides)
                .map(|(a, r)| (a.join(","), r.join(",")))
                .expect("a claim")
        };
        // Sri Lanka is named once in the body; the title makes it the text's second actor, so
        // the deployment "into the island" has it for counterpart.
        let body = "India and Sri Lanka signed a memorandum in April 2025. In 1987 India sent a peacekeeping force into the island's civil war.";
        assert_eq!(last(&format!("title: India and Sri Lanka\n\n{body}")).1, "LKA");
        assert_eq!(last(body).1, "");
        // An exercise one side of the text holds is held with the other.
        assert_eq!(
            last("title: India and Sri Lanka\n\nSri Lanka received a Dornier aircraft from India in 2018. Indian troops held the tenth Mitra Shakti army exercise in August 2024."),
            ("IND".to_string(), "LKA".to_string())
        );
        // A protest, an accusation, a rejection with nobody named aims at the other side; one
        // whose object is named keeps it.
        let text = "title: Turkey and Egypt\n\nTurkey and Egypt restored ties in 2023. Erdogan denounced the takeover as a coup.";
        assert_eq!(last(text), ("TUR".to_string(), "EGY".to_string()));
    }

    #[test]
    fn what_could_might_or_should_happen_undated_is_no_claim() {
        assert!(kinds("A permanent presence in the Gulf could draw a NATO member into a quarrel.").is_empty());
        assert!(
            kinds("London should use the next review of the agreement to give Kenyan courts jurisdiction.").is_empty()
        );
        // Told with a time, it is a claim about that time; a threat is told so.
        assert_eq!(
            kinds("Korea could deliver the first tanks to Poland in 2026."),
            [ClaimKind::Delivery]
        );
        assert_eq!(
            roles("Moscow warned that it could strike Kyiv."),
            [(ClaimKind::Threat, "RUS".to_string(), "UKR".to_string())]
        );
    }

    #[test]
    fn warnings_gifts_port_calls_series_and_which_time_it_was() {
        use ClaimKind::*;
        assert_roles(&[
            // What a warning says may come is its content: the warning is the event.
            (
                "Washington warned Cairo in writing that the purchase could bring sanctions.",
                Threat,
                "USA",
                "EGY",
            ),
            // What has been given, like what was given, is delivered (active or passive).
            (
                "Turkey has given several drones free of charge to Ukraine.",
                Delivery,
                "TUR",
                "UKR",
            ),
            ("Ukraine has been given 20 tanks by Turkey.", Delivery, "TUR", "UKR"),
            // Weapons given to forces named first are a delivery to their state; forces sent
            // stay a deployment.
            (
                "Seoul has given the Peruvian navy two retired corvettes.",
                Delivery,
                "KOR",
                "PER",
            ),
            ("Russia sent troops and tanks to Belarus.", Deployment, "RUS", "BLR"),
            // A ship calling at a port is a port call.
            (
                "A Chinese research ship called at Colombo in October 2023.",
                Deployment,
                "CHN",
                "LKA",
            ),
            // Retaliation said to come is a threat.
            (
                "Moscow said last week it would respond to Sweden's entry with military measures.",
                Statement,
                "RUS",
                "SWE",
            ),
            // What is asked "from" a capital is its government's.
            (
                "India declined an invitation from Tehran to observe the drills.",
                Statement,
                "IND",
                "IRN",
            ),
        ]);
        // No claim: "given" as a preposition, calling at a meeting, answering a letter, a trip
        // "from" a capital (a place).
        for sentence in [
            "Given the tensions, Poland stayed out.",
            "Japan called at the summit for a ceasefire.",
            "The ministry said it would respond to the letter from Seoul.",
            "Erdogan flew from Ankara to Baku.",
        ] {
            assert!(roles(sentence).is_empty(), "{sentence}");
        }
        assert_eq!(
            dated("Beijing vowed to retaliate against the sanctions.")[0].0,
            Plover::Threaten
        );
        // A series of dated events sharing a subject: one claim each, each with its place.
        let got: Vec<(String, String)> = dated("French troops left Mali in August 2022 after relations collapsed, pulled out of Burkina Faso in February 2023 and completed their exit from Niger in December of that year.")
            .into_iter()
            .map(|(_, r, d)| (r, d))
            .collect();
        let want = [("MLI", "2022-08"), ("BFA", "2023-02"), ("NER", "2023-12")];
        assert_eq!(got, want.map(|(r, d)| (r.to_string(), d.to_string())));
        // A participle of saying aimed at someone named is a second act, at the clause's time;
        // one aimed at no one named stays in its clause.
        let got: Vec<(Plover, String)> = dated("Mali severed diplomatic relations with Ukraine in August 2024, accusing Kyiv of helping rebels who attacked its troops in July.")
            .into_iter()
            .map(|(p, _, d)| (p, d))
            .collect();
        let want = [(Plover::Sanction, "2024-08"), (Plover::Accuse, "2024-08")];
        assert_eq!(got, want.map(|(p, d)| (p, d.to_string())));
        for (sentence, want) in [
            (
                "Washington imposed sanctions on the army chief, accusing his forces of attacking schools.",
                &[Statement][..],
            ),
            // Sitting down with someone is meeting them, and a clause of its own before the
            // comma.
            (
                "When Narendra Modi sat down with Anura Kumara Dissanayake in Colombo on 5 April, the two governments signed a memorandum on defence cooperation.",
                &[Summit, Agreement],
            ),
            // ", the first time …" says which time the event before was: no second event.
            (
                "India handed a corvette to Vietnam, the first time New Delhi has given a warship to a friend.",
                &[Delivery],
            ),
            (
                "Kishida attended the NATO summit in Madrid, and the first time a Japanese prime minister had attended one.",
                &[Attendance],
            ),
        ] {
            assert_eq!(kinds(sentence), want, "{sentence}");
        }
    }

    #[test]
    fn partnerships_trips_handshakes_receptions_and_meeting_again() {
        use ClaimKind::*;
        assert_roles(&[
            // A strategic partnership is an agreement; a trip a visit.
            (
                "India and Vietnam declared a strategic partnership in 2007.",
                Agreement,
                "IND,VNM",
                "",
            ),
            (
                "Greece and Egypt upgraded their relationship to a strategic partnership on Wednesday.",
                Agreement,
                "GRC,EGY",
                "",
            ),
            (
                "Putin made a second trip to Cairo in December 2017.",
                Visit,
                "RUS",
                "EGY",
            ),
            // A promise of arms is a delivery to come.
            ("Sweden pledged anti-tank weapons to Ukraine.", Delivery, "SWE", "UKR"),
            // An exit from a place is a withdrawal; what is gifted is given.
            (
                "France completed its exit from Niger in December 2023.",
                Withdrawal,
                "FRA",
                "NER",
            ),
            ("India gifted two helicopters to the Maldives.", Delivery, "IND", "MDV"),
            // Being received in a capital is visiting it.
            (
                "Xi Jinping was received in Riyadh in December 2022.",
                Visit,
                "CHN",
                "SAU",
            ),
        ]);
        // A promise of words is no delivery; shaking hands is meeting.
        assert_eq!(kinds("Germany promised four more IRIS-T systems."), [Delivery]);
        assert_eq!(kinds("Germany promised a swift answer."), [Statement]);
        assert_eq!(
            kinds("Sisi and Erdogan shook hands in Doha in November 2022."),
            [Summit]
        );
        // Met "again", somewhere else on another day: a second meeting.
        let c = extractor().extract_sentence(
            "Erdogan met Putin in Tehran in July 2022 and again in Sochi on 5 August 2022.",
            None,
        );
        let dates: Vec<String> = c.iter().filter_map(|c| c.date.map(|d| d.to_string())).collect();
        assert_eq!(dates, ["2022-07", "2022-08-05"], "{c:?}");
    }

    #[test]
    fn coordinated_and_participial_events_keep_their_own_dates() {
        let x = extractor();
        let dated = |c: &[Claim]| -> Vec<(&'static str, String)> {
            c.iter()
                .map(|c| (c.mode.as_str(), c.date.map(|d| d.to_string()).unwrap_or_default()))
                .collect()
        };
        // Two coordinated events, each with its date; "the following month" counts from
        // "October 2022", not from its "2022".
        let c = x.extract_sentence(
            "Poland signed a framework agreement for 288 launchers in October 2022 and a first executive contract the following month.",
            PartialDate::parse("2024-04-26").ok(),
        );
        assert_eq!(
            dated(&c),
            [
                ("framework_agreement", "2022-10".into()),
                ("executive_contract", "2022-11".into())
            ],
            "{c:?}"
        );
        // A conjunct ends at a clause's comma, not at the comma of "1,000".
        let c = x.extract_sentence("Poland ordered 180 K2 tanks in 2022 and 1,000 K2 tanks in 2023.", None);
        let q: Vec<(Option<u64>, String)> = c
            .iter()
            .map(|c| (c.quantity, c.date.map(|d| d.to_string()).unwrap_or_default()))
            .collect();
        assert_eq!(q, [(Some(180), "2022".into()), (Some(1000), "2023".into())], "{c:?}");
        let c = x.extract_sentence(
            "NATO and South Korea agreed a partnership programme in 2012 and renewed it in 2017.",
            None,
        );
        assert_eq!(
            dated(&c),
            [("programme", "2012".into()), ("programme", "2017".into())],
            "{c:?}"
        );
        // A participial phrase is background: its event does not outrank the main clause's, nor
        // does its date date the main event.
        let day = PartialDate::parse("2022-08-26").ok();
        let c = x.extract_sentence(
            "Poland on Friday signed contracts for South Korean K2 tanks, turning framework agreements struck a month ago into firm orders.",
            day,
        );
        assert_eq!(dated(&c), [("arms_deal", "2022-08-26".into())], "{c:?}");
        // The present progressive happens on the article's day.
        let day = PartialDate::parse("2023-07-11").ok();
        let c = x.extract_sentence(
            "President Yoon is attending a NATO summit, following his participation in the Madrid summit in June 2022.",
            day,
        );
        assert_eq!(dated(&c), [("attendance", "2023-07-11".into())], "{c:?}");
    }

    #[test]
    fn a_name_with_whom_a_verb_does_the_nouns_event_is_the_counterpart() {
        let india_vietnam = (ClaimKind::Agreement, "IND".to_string(), "VNM".to_string());
        assert_eq!(
            roles("India signed with Vietnam a logistics memorandum."),
            std::slice::from_ref(&india_vietnam)
        );
        // With the subject carried from the first conjunct.
        assert!(
            roles("India held talks in June 2022 and signed with Vietnam a logistics memorandum.")
                .contains(&india_vietnam)
        );
    }

    #[test]
    fn a_second_predicate_in_the_present_is_a_claim_of_its_own_with_no_date_of_the_first() {
        let x = extractor();
        let c = x.extract_sentence(
            "Algeria signed a deal with Morocco in August 2021 and buys most of its weapons from Russia.",
            PartialDate::parse("2024-06-01").ok(),
        );
        let bought = c.iter().find(|c| c.mode == ClaimKind::ArmsDeal).expect("the purchase");
        assert_eq!(sides(bought), (vec!["DZA"], vec!["RUS"]), "{c:?}");
        assert_eq!(bought.date, None, "{c:?}");
        // (Not a noun of a list: "held exercises and talks with Azerbaijan" is one meeting.)
        let c = x.extract_sentence(
            "Turkey held exercises and talks with Azerbaijan in May 2021.",
            PartialDate::parse("2024-06-01").ok(),
        );
        assert_eq!(c.len(), 1, "{c:?}");
    }

    #[test]
    fn to_deliver_with_no_object_delivers_no_goods() {
        for s in [
            "South Korean firms delivered when European ones could not.",
            "Turkish diplomacy has already delivered more than most.",
        ] {
            assert!(!kinds(s).contains(&ClaimKind::Delivery), "{s}");
        }
        assert!(kinds("Hanwha delivered the first guns to Estonia.").contains(&ClaimKind::Delivery));
    }

    #[test]
    fn words_sent_are_no_forces() {
        assert!(!kinds("Seoul sent a message to Pyongyang.").contains(&ClaimKind::Deployment));
        assert!(kinds("Seoul sent troops to Lebanon.").contains(&ClaimKind::Deployment));
    }

    #[test]
    fn a_date_the_event_runs_to_is_no_date_of_the_event() {
        let x = extractor();
        let day = PartialDate::parse("2023-03-22").ok();
        let date = |s: &str| {
            let c = x.extract_sentence(s, day);
            c.first().and_then(|c| c.date).map(|d| d.to_string())
        };
        assert_eq!(
            date("India and Vietnam adopted a vision for the partnership to 2030 in June 2022.").as_deref(),
            Some("2022-06")
        );
        assert_eq!(
            date("The UN Security Council on Monday extended the mandate of its mission in Mali until June 2024.")
                .as_deref(),
            Some("2023-03-20")
        );
        // "Not … until" a date is then.
        assert_eq!(
            date("India and Vietnam did not hold a joint exercise until January 2023.").as_deref(),
            Some("2023-01")
        );
        // With nothing else, the claim is undated; a stretch from one date to another, and a
        // day whose event is named ("to Monday's meeting"), keep their dates.
        assert_eq!(
            date("India and Vietnam adopted a vision for the partnership to 2030."),
            None
        );
        assert_eq!(
            date("Poland sent envoys to Monday's meeting with South Korea.").as_deref(),
            Some("2023-03-20")
        );
        assert_eq!(
            date("India and Vietnam held joint exercises from 2019 to 2021.").as_deref(),
            Some("2019")
        );
    }

    #[test]
    fn a_date_set_off_by_commas_is_the_asides() {
        let x = extractor();
        let day = PartialDate::parse("2024-04-20").ok();
        let c = x.extract_sentence(
            "Prime Minister Christopher Luxon, in office since November, will attend the NATO summit in July.",
            day,
        );
        assert_eq!(c[0].date.map(|d| d.to_string()).as_deref(), Some("2024-07"), "{c:?}");
        // "The signing", "the summit": the event told before, with its date.
        let a = Article::from_bytes(
            "-",
            b"date: 2022-08-27\n\nPoland signed executive contracts with South Korea on 26 August 2022. The head of South Korea's arms procurement agency attended the signing.",
        );
        let c = x.extract(&a);
        let attended = c.iter().find(|c| c.mode == ClaimKind::Attendance).expect("attendance");
        assert_eq!(
            attended.date.map(|d| d.to_string()).as_deref(),
            Some("2022-08-26"),
            "{c:?}"
        );
        // A date that is the whole aside dates the clause.
        let c = x.extract_sentence(
            "Poland, in July 2022, signed framework agreements with South Korea.",
            day,
        );
        assert_eq!(c[0].date.map(|d| d.to_string()).as_deref(), Some("2022-07"), "{c:?}");
        // A restrictive relative clause in the past keeps its date, to the event its noun tells
        // of: the closure is of the day said, the fire of last year.
        let day = PartialDate::parse("2025-05-13").ok();
        for (s, date) in [
            (
                "Poland has closed Russia's consulate after concluding that Russian agents were behind a fire that destroyed a shopping centre last year, Sikorski said on Monday.",
                "2025-05-12",
            ),
            ("Norway led an exercise that opened on March 4.", "2025-03-04"),
        ] {
            let c = x.extract_sentence(s, day);
            assert_eq!(c[0].date.map(|d| d.to_string()).as_deref(), Some(date), "{c:?}");
        }
    }

    #[test]
    fn a_scheduled_event_in_the_present_is_future() {
        let x = extractor();
        // Saturday 19 August 2023: "begins on Monday" is the 21st.
        let c = x.extract_sentence(
            "The annual exercise of South Korea and the United States begins on Monday.",
            PartialDate::parse("2023-08-19").ok(),
        );
        assert_eq!(c[0].date.map(|d| d.to_string()).as_deref(), Some("2023-08-21"), "{c:?}");
        assert_eq!(c[0].modality, Modality::Future, "{c:?}");
        // Reported, "would" is the future as seen from the day of the report: December next.
        let c = x.extract_sentence(
            "Poland said that deliveries from South Korea would start in December.",
            PartialDate::parse("2022-08-27").ok(),
        );
        assert_eq!(c[0].date.map(|d| d.to_string()).as_deref(), Some("2022-12"), "{c:?}");
        assert_eq!(c[0].modality, Modality::Future, "{c:?}");
    }

    #[test]
    fn a_clause_with_nothing_of_its_own_gives_no_claim() {
        let x = extractor();
        // The second sentence names no actor, no date and no count: its sides would all come
        // from the context, so it states nothing to check. The third counts things.
        let a = Article::from_bytes(
            "-",
            b"Poland signed a contract with South Korea in 2022. The answer is not to cancel contracts. It then ordered six K10 vehicles. Under the deal, Hanwha will deliver the first guns in 2026.",
        );
        let c = x.extract(&a);
        let quotes: Vec<&str> = c.iter().map(|c| c.quote.as_str()).collect();
        // (An opening prepositional phrase is no clause that could state something: "Under the
        // deal" gives no claim of its own.)
        assert_eq!(
            quotes,
            [
                "Poland signed a contract with South Korea in 2022.",
                "It then ordered six K10 vehicles.",
                "Under the deal, Hanwha will deliver the first guns in 2026."
            ],
            "{c:?}"
        );
    }

    #[test]
    fn without_a_topic_the_two_sides_are_the_last_pair_named_and_the_three_the_last_three() {
        let x = extractor();
        let a = Article::from_bytes(
            "-",
            b"Japan and NATO signed a political declaration in 2013. In 2023 Australia met the two sides in Canberra.",
        );
        let c = x.extract(&a);
        let last = &c[c.len() - 1];
        assert_eq!(sides(last), (vec!["AUS"], vec!["JPN", "NATO"]), "{c:?}");
        // "two" here counts no things.
        assert_eq!(last.quantity, None);
        // "The three leaders": the last claim that named three; actors named together have no
        // generic agent as counterpart; an infinitive clause sets no subject for what follows.
        let a = Article::from_bytes(
            "-",
            b"The United States, Japan and South Korea met at Camp David in August 2023. The leaders agreed to meet every year, and to share data on North Korean missile launches. They also agreed to set up a hotline so that the three governments can talk. Later the three leaders met in Lima.",
        );
        let c = x.extract(&a);
        let hotline = c.iter().find(|c| c.quote.contains("hotline")).expect("the hotline");
        assert_eq!(sides(hotline), (vec!["USA", "JPN", "KOR"], vec![]), "{c:?}");
        assert_eq!(sides(&c[c.len() - 1]).0, ["USA", "JPN", "KOR"], "{c:?}");
    }

    #[test]
    fn a_partnership_can_be_a_standing_status() {
        let x = extractor();
        let c = x.extract_sentence("Australia has been an Enhanced Opportunities Partner since 2014.", None);
        let mut both = ids(&c[0].actors);
        both.extend(ids(&c[0].recipients));
        assert_eq!(
            (c[0].mode, both, c[0].date.map(|d| d.to_string())),
            (ClaimKind::Membership, vec!["AUS", "NATO"], Some("2014".into())),
            "{c:?}"
        );
        let c = x.extract_sentence("The Republic of Korea has been a NATO partner since 2005.", None);
        assert_eq!(c[0].mode, ClaimKind::Membership, "{c:?}");
    }

    #[test]
    fn a_relative_clause_with_its_own_subject_is_about_its_antecedent() {
        let x = extractor();
        let c = x.extract_sentence("Many remember Ukraine, which Russia invaded in 2022.", None);
        let invaded = c
            .iter()
            .find(|c| c.quote.starts_with("which"))
            .expect("the relative clause's claim");
        assert_eq!(sides(invaded), (vec!["RUS"], vec!["UKR"]), "{c:?}");
    }

    #[test]
    fn a_person_named_in_full_is_named_by_the_surname_afterwards() {
        let x = extractor();
        // Joe Biden is in the Phoenix dictionary (for the United States from 2009), by his full
        // name only; the relative clause "under which" is about the declaration's two parties.
        let a = Article::from_bytes(
            "-",
            b"date: 2023-08-19\n\nPresident Joe Biden hosted Japan's Fumio Kishida on Friday. In April, Yoon Suk Yeol and Biden adopted the Washington Declaration, under which the two allies set up a Nuclear Consultative Group.",
        );
        let c = x.extract(&a);
        let adopted = c.iter().find(|c| c.quote.contains("adopted")).expect("the declaration");
        assert_eq!(sides(adopted), (vec!["KOR", "USA"], vec![]), "{c:?}");
        let group = c.iter().find(|c| c.quote.contains("set up")).expect("the group");
        assert_eq!(sides(group).0, ["KOR", "USA"], "{c:?}");
        // An institution with dated codes is no person: its last word is no surname.
        let a = Article::from_bytes(
            "-",
            b"date: 2012-01-01\n\nThe Kosovo Assembly met Albania in March 2010. Serbia and the Assembly of Montenegro met Russia in May 2011.",
        );
        let c = x.extract(&a);
        assert_eq!(sides(&c[1]), (vec!["SRB", "MNE"], vec!["RUS"]), "{c:?}");
        // Without the full name first, the surname alone is nobody's.
        let c = x.extract_sentence(
            "In April, Yoon Suk Yeol and Harwell adopted the Washington Declaration.",
            None,
        );
        assert_eq!(sides(&c[0]).0, ["KOR"], "{c:?}");
    }

    #[test]
    fn a_person_introduced_by_a_title_stands_for_the_state_by_surname() {
        let x = extractor();
        // Neither is in any dictionary; the title after the state introduces them.
        let a = Article::from_bytes(
            "-",
            b"date: 2024-07-12\n\nPolish President Jan Kowalczyk met German Chancellor Karl Brandtner in Warsaw on Monday. Brandtner criticised Russia. Japan's prime minister, Taro Yamakawa, arrived later. Yamakawa praised Kowalczyk.",
        );
        let c = x.extract(&a);
        let criticised = c.iter().find(|c| c.quote.contains("criticised")).expect("criticised");
        assert_eq!(sides(criticised), (vec!["DEU"], vec!["RUS"]), "{c:?}");
        let praised = c.iter().find(|c| c.quote.contains("praised")).expect("praised");
        assert_eq!(sides(praised), (vec!["JPN"], vec!["POL"]), "{c:?}");
        // A month after the title is no name, and without the introduction the surname is
        // nobody's.
        let a = Article::from_bytes(
            "-",
            b"date: 2024-07-12\n\nPolish President Jan Kowalczyk met Germany's chancellor in May. Brandtner criticised Russia.",
        );
        let c = x.extract(&a);
        assert!(
            c.iter()
                .all(|c| !ids(&c.actors).contains(&"DEU") || !c.quote.contains("criticised")),
            "{c:?}"
        );
    }

    /// A name a "for" or "to" governs before the verb, after its subject, is whom the act is for.
    #[test]
    fn a_name_governed_by_for_before_the_verb_is_whom_the_act_is_for() {
        let x = extractor();
        let c = x.extract_sentence(
            "The IMF approved a loan package for Egypt on Friday to help ease a currency shortage.",
            None,
        );
        let help = c.iter().find(|c| c.plover == Plover::Aid).expect("{c:?}");
        assert_eq!(sides(help), (vec!["IGOBUSIMF"], vec!["EGY"]), "{c:?}");
    }

    /// A noun of an event with "by" after it names its agent, to the next preposition.
    #[test]
    fn an_event_nouns_by_names_its_agent() {
        let x = extractor();
        let c = x.extract_sentence("The visit by Japan's foreign minister to Seoul ended on Tuesday.", None);
        assert_eq!(sides(&c[0]), (vec!["JPN"], vec!["KOR"]), "{c:?}");
    }

    #[test]
    fn a_passive_verbs_agent_may_follow_its_circumstances() {
        let x = extractor();
        let c = x.extract_sentence(
            "The agreement was signed on 6 January 2022 by Japanese Prime Minister Fumio Kishida and his Australian counterpart.",
            None,
        );
        assert_eq!(sides(&c[0]), (vec!["JPN", "AUS"], vec![]), "{c:?}");
        // Far from the verb, only what "by" names is the agent.
        let c = x.extract_sentence(
            "The meeting was made possible in 2023 by a thaw between Seoul and Tokyo.",
            None,
        );
        assert!(
            c.iter()
                .all(|c| c.actors.is_empty() || c.recipients.iter().all(|r| r.id != "USA")),
            "{c:?}"
        );
        assert!(c.iter().all(|c| ids(&c.actors) != ["KOR", "JPN"]), "{c:?}");
        // An irregular participle that is no past tense ("flown", "shown", "begun") is passive
        // before its agent too.
        let c = x.extract_sentence(
            "Tents and medical supplies were flown into Marrakech by Qatar on Sunday.",
            None,
        );
        assert_eq!(ids(&c[0].actors), ["QAT"], "{c:?}");
        // The agent of a participle after a noun is that participle's, not the clause verb's;
        // and the clause's event is its verb.
        let c = x.extract_sentence(
            "Greece will purchase 36 rocket launchers from Israel under a deal approved by the parliament's defence committee.",
            None,
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(
            (sides(&c[0]), c[0].mode),
            ((vec!["GRC"], vec!["ISR"]), ClaimKind::ArmsDeal),
            "{c:?}"
        );
    }

    #[test]
    fn a_gapped_conjunct_repeats_the_event_for_its_name_and_date() {
        let x = extractor();
        let a = Article::from_bytes(
            "-",
            b"date: 2025-05-01\n\nRussia ratified the treaty on 9 November 2024 and North Korea two days later, and it entered into force in December.",
        );
        let c = x.extract(&a);
        let gapped = c
            .iter()
            .find(|c| c.quote == "North Korea two days later")
            .expect("the gapped conjunct");
        assert_eq!(sides(gapped), (vec!["PRK"], vec!["RUS"]), "{c:?}");
        assert_eq!(gapped.date.map(|d| d.to_string()).as_deref(), Some("2024-11-11"));
        assert_eq!(gapped.mode, ClaimKind::Ratification);
        // Object gapping: the event had a counterpart of its own.
        let a = Article::from_bytes(
            "-",
            b"date: 2023-07-11\n\nYoon met Stoltenberg on Monday and the European Union on Wednesday.",
        );
        let c = x.extract(&a);
        let gapped = c
            .iter()
            .find(|c| c.quote.starts_with("the European Union"))
            .expect("{c:?}");
        assert_eq!(sides(gapped), (vec!["KOR"], vec!["EU"]), "{c:?}");
        // No name but "again": the same sides at another time.
        let a = Article::from_bytes(
            "-",
            b"date: 2024-07-11\n\nJapan and Australia held talks in 2019 and again in 2023.",
        );
        let c = x.extract(&a);
        let again = c.iter().find(|c| c.quote == "again in 2023").expect("{c:?}");
        assert_eq!(sides(again), (vec!["JPN", "AUS"], vec![]), "{c:?}");
        assert_eq!(again.date.map(|d| d.to_string()).as_deref(), Some("2023"));
        // One date for both names: a list, not a gap.
        let a = Article::from_bytes(
            "-",
            b"date: 2023-07-11\n\nAllied leaders will meet the four partners and the European Union tomorrow.",
        );
        let c = x.extract(&a);
        assert_eq!(c.len(), 1, "{c:?}");
    }

    #[test]
    fn a_verb_keeps_its_default_where_no_other_type_has_more_of_its_patterns_or_before_a_name() {
        let x = extractor();
        // "seize": 16 of its patterns COERCE, 16 ASSAULT; "help": 3 AID, 2 COOPERATE.
        for (text, plover) in [
            (
                "Russian forces seized the Zaporizhzhia plant from Ukraine.",
                Plover::Coerce,
            ),
            ("The United States helped Ukraine.", Plover::Aid),
            // "welcome" (4 patterns CONSULT, 2 SUPPORT) before a name: its default, 051.
            ("Japan welcomed China.", Plover::Support),
        ] {
            let c = x.extract_sentence(text, None);
            assert_eq!(c.first().map(|c| c.plover), Some(plover), "{text}: {c:?}");
        }
    }

    #[test]
    fn a_possessive_in_a_prepositional_phrase_is_no_second_counterpart() {
        let x = extractor();
        let c = x.extract_sentence(
            "North Korean troops attacked Ukrainian positions in Russia's Kursk region.",
            None,
        );
        assert_eq!(sides(&c[0]), (vec!["PRK"], vec!["UKR"]), "{c:?}");
        // Alone, it is the counterpart.
        let c = x.extract_sentence("NATO condemned the bombing of Russia's embassy.", None);
        assert_eq!(sides(&c[0]), (vec!["NATO"], vec!["RUS"]), "{c:?}");
    }

    /// An opening adverbial clause, after a measure of time too, ends at the comma where its
    /// main clause's subject starts — a name, a pronoun or "the two presidents" —, past a phrase
    /// of its own; one with no verb before its first comma is a phrase, not a clause.
    #[test]
    fn an_opening_adverbial_clause_ends_where_the_main_subject_starts() {
        let x = extractor();
        let c = x.extract_sentence(
            "Four days after Russian troops crossed the border on 24 February, Ankara closed the Bosphorus to warships.",
            None,
        );
        let closing = c.iter().find(|c| c.plover == Plover::Sanction).expect("the closing");
        assert_eq!(ids(&closing.actors), vec!["TUR"], "{c:?}");
        let c = x.extract_sentence(
            "When Erdogan visited Kyiv in February, days before the invasion, the two presidents signed a defence agreement.",
            None,
        );
        assert_eq!(c.len(), 2, "{c:?}");
        assert_eq!(c[1].mode, ClaimKind::Agreement, "{c:?}");
        let c = x.extract_sentence(
            "Since May 2023 Hungary, a member of the Union since 2004, has blocked €500 million in repayments, first over Kyiv's listing of a Hungarian bank as an international sponsor of war.",
            None,
        );
        let blocked = c.iter().find(|c| c.quote.contains("blocked")).expect("the blocking");
        assert_eq!(sides(blocked), (vec!["HUN"], vec!["UKR"]), "{c:?}");
    }

    /// Someone received by a host, in the passive, visits the host; goods received do not.
    #[test]
    fn a_guest_received_by_a_host_visits_the_host() {
        let x = extractor();
        let c = x.extract_sentence(
            "Isaac Herzog was received by Ilham Aliyev in Baku on Monday.",
            PartialDate::parse("2023-05-31").ok(),
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(
            (c[0].mode, sides(&c[0])),
            (ClaimKind::Visit, (vec!["ISR"], vec!["AZE"])),
            "{c:?}"
        );
        let c = x.extract_sentence("The first K9 howitzers were received by Estonia in 2020.", None);
        assert!(c.iter().all(|c| c.mode != ClaimKind::Visit), "{c:?}");
        // In a text about arms too.
        let a = Article::from_bytes(
            "-",
            b"date: 2023-06-01\n\nAzerbaijan ordered Israeli drones in 2022. Isaac Herzog was received by Ilham Aliyev in Baku on Monday.",
        );
        let c = x.extract(&a);
        let received = c.iter().find(|c| c.sentence == 1).expect("the visit");
        assert_eq!(
            (received.mode, sides(received)),
            (ClaimKind::Visit, (vec!["ISR"], vec!["AZE"])),
            "{c:?}"
        );
    }

    /// A name in the sentence's opening phrase is no subject of a later verb of the sentence.
    #[test]
    fn a_name_in_an_opening_phrase_is_no_later_subject() {
        let x = extractor();
        let c = x.extract_sentence(
            "At the invitation of President Emmanuel Macron, Prime Minister Narendra Modi paid an official visit to France on 13 July 2023 and attended the Bastille Day parade in Paris.",
            None,
        );
        let attended = c.iter().find(|c| c.quote.contains("attended")).expect("{c:?}");
        assert_eq!(ids(&attended.actors), vec!["IND"], "{c:?}");
    }

    /// An event "six years to the day after" a day is that day six years before.
    #[test]
    fn years_to_the_day_keep_the_day() {
        let x = extractor();
        let c = x.extract_sentence(
            "Brazil's air force presented its first Gripen E fighter in Brasilia on Friday, six years to the day after the country signed for 36 of the Swedish jets.",
            PartialDate::parse("2020-10-24").ok(),
        );
        let deal = c.iter().find(|c| c.mode == ClaimKind::ArmsDeal).expect("{c:?}");
        assert_eq!(deal.date, PartialDate::parse("2014-10-23").ok(), "{c:?}");
    }

    /// A group named by its kind as a clause's subject ("the two leaders") is the subject of
    /// the clauses after it in the sentence too.
    #[test]
    fn a_group_named_by_its_kind_stays_the_subject_of_its_sentence() {
        let x = extractor();
        let c = x.extract(&Article::from_bytes(
            "-",
            b"date: 2023-07-20\n\nModi paid an official visit to France on 13 July. Rafale jets of the Indian Air Force flew over the parade. The two leaders held talks at the Elysee Palace on 14 July and adopted a defence roadmap.\n",
        ));
        let adopted = c.iter().find(|c| c.quote.contains("adopted")).expect("{c:?}");
        assert_eq!(sides(adopted), (vec!["IND", "FRA"], vec![]), "{c:?}");
    }

    /// Flying to a place is visiting it; a kind of event named in general ("such a visit") is
    /// none; a clause after a comma with a pronoun for subject is a clause of its own; a person
    /// a demonym introduces is that state's, whatever a namesake's office.
    #[test]
    fn flights_generic_kinds_pronoun_clauses_and_introduced_persons() {
        let x = extractor();
        let c = x.extract_sentence("Lloyd Austin flew to Rabat on Monday.", None);
        assert_eq!((c.len(), c[0].mode), (1, ClaimKind::Visit), "{c:?}");
        assert_eq!(ids(&c[0].recipients), vec!["MAR"], "{c:?}");
        let c = x.extract_sentence(
            "The aircraft were flown from Linkoping to Anapolis by Brazilian pilots.",
            None,
        );
        assert!(c.is_empty(), "{c:?}");
        let c = x.extract_sentence(
            "Five years ago such a visit by the Turkish president would have been hard to imagine.",
            None,
        );
        assert!(c.is_empty(), "{c:?}");
        let c = x.extract_sentence(
            "Kenya sent troops to Somalia, it deployed police officers to Haiti.",
            None,
        );
        assert_eq!(c.len(), 2, "{c:?}");
        assert_eq!(sides(&c[1]), (vec!["KEN"], vec!["HTI"]), "{c:?}");
        let c = x.extract_sentence(
            "Swedish Defence Minister Pal Jonson met his Colombian counterpart Pedro Sánchez in Bogota on 14 May.",
            PartialDate::parse("2025-06-01").ok(),
        );
        assert_eq!(sides(&c[0]), (vec!["SWE"], vec!["COL"]), "{c:?}");
    }

    /// Where someone went before a noun's event is the counterpart, not a subject ("flew to
    /// Moscow for talks"); a person of the knowledge base out of its offices speaks for whom a
    /// role the dictionary dates then serves (al-Sisi was Egypt's defence minister in 2014).
    #[test]
    fn whither_someone_went_is_the_counterpart_and_older_roles_come_from_the_dictionary() {
        let x = extractor();
        let c = x.extract_sentence("Zorro flew to Moscow for talks with Lukashenko.", None);
        assert!(c.iter().all(|c| !ids(&c.actors).contains(&"RUS")), "{c:?}");
        let c = x.extract_sentence(
            "In February 2014 Abdel Fattah al-Sisi flew to Moscow for talks with his Russian counterparts.",
            PartialDate::parse("2014-03-01").ok(),
        );
        assert_eq!(sides(&c[0]), (vec!["EGY"], vec!["RUS"]), "{c:?}");
    }

    /// A warship handed over is a delivery, though the dictionary names it as forces; sent, it
    /// is a deployment.
    #[test]
    fn a_warship_handed_over_is_delivered_and_one_sent_deployed() {
        let x = extractor();
        let c = x.extract_sentence(
            "The Indian Navy handed the corvette INS Kirpan to Vietnam at Cam Ranh.",
            None,
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(
            (c[0].mode, sides(&c[0])),
            (ClaimKind::Delivery, (vec!["IND"], vec!["VNM"]))
        );
        let c = x.extract_sentence("Britain sent a frigate to the Red Sea.", None);
        assert!(c.iter().all(|c| c.mode != ClaimKind::Delivery), "{c:?}");
    }

    /// People who are in a place of another state visit it; a thing or forces that are
    /// somewhere do not, and "is in" before no name leaves its "in" to another phrase.
    #[test]
    fn people_in_a_foreign_capital_visit_it() {
        let x = extractor();
        let c = x.extract_sentence(
            "The gift was announced in June, when his Vietnamese counterpart, General Phan Van Giang, was in New Delhi.",
            None,
        );
        let visit = c.iter().find(|c| c.mode == ClaimKind::Visit).expect("a visit");
        assert_eq!(sides(visit), (vec!["VNM"], vec!["IND"]), "{c:?}");
        for s in [
            "The summit was in Vilnius.",
            "Russian troops were in Bucha in March 2022.",
        ] {
            let c = x.extract_sentence(s, None);
            assert!(c.iter().all(|c| c.mode != ClaimKind::Visit), "{s}: {c:?}");
        }
        let c = x.extract_sentence(
            "The K9 is in service or on order in several NATO member states, including Turkey, Poland, Norway, Finland and Estonia.",
            None,
        );
        assert!(c.iter().all(|c| c.mode != ClaimKind::Visit), "{c:?}");
    }

    /// "The Islamic Republic" is the state whose official name says so, named lately; its
    /// "Islamic" is no generic agent.
    #[test]
    fn the_islamic_republic_is_the_state_so_named() {
        let x = extractor();
        let c = x.extract(&Article::from_bytes(
            "-",
            b"date: 2025-06-30\n\nIran and Iraq signed a border security pact. The Islamic Republic will send advisers to Baghdad next month.\n",
        ));
        let last = c.last().expect("claims");
        assert_eq!(sides(last), (vec!["IRN"], vec!["IRQ"]), "{c:?}");
    }

    /// A verb whose block has no code but whose patterns with a plain object reduce relations
    /// ("shut * offices", "shut * diplomatic") reads so before a party's premises, in every form.
    #[test]
    fn shutting_a_partys_consulate_reduces_relations() {
        let x = extractor();
        for s in [
            "China shut the US consulate in Chengdu.",
            "China retaliated by shutting the US consulate in Chengdu.",
        ] {
            let c = x.extract_sentence(s, None);
            assert_eq!(c.len(), 1, "{s}: {c:?}");
            assert_eq!(c[0].plover, Plover::Sanction, "{s}: {c:?}");
            assert_eq!(sides(&c[0]), (vec!["CHN"], vec!["USA"]), "{s}: {c:?}");
        }
        // A phrasal use alone does not make its verb one: WALK's sanctions are all "walk out".
        let more = crate::lexicon::dictionary_triggers(&mut crate::lexicon::triggers());
        let default = |form: &str| more.iter().find(|t| t.phrase == form).map(|t| t.default_code);
        assert_eq!(default("shutting"), Some(Some("160")));
        assert_eq!(default("froze"), Some(Some("160")));
        assert_eq!(default("walked"), Some(None));
    }

    /// A rejection that names no one whose word is rejected answers the last claim made against
    /// its actor; one whose actor nobody addressed stays without a counterpart.
    #[test]
    fn a_rejection_answers_the_last_claim_against_its_actor() {
        let x = extractor();
        let run = |text: &str| {
            x.extract(&Article::from_bytes(
                "-",
                format!("date: 2024-07-12\n\n{text}").as_bytes(),
            ))
        };
        let c = run("The Allies criticised China. Beijing rejected the criticism.");
        let reject = c.iter().find(|c| c.plover == Plover::Reject).expect("{c:?}");
        assert_eq!(sides(reject), (vec!["CHN"], vec!["NATO"]), "{c:?}");
        let c = run("The Allies criticised Russia. Beijing rejected the criticism.");
        let reject = c.iter().find(|c| c.plover == Plover::Reject).expect("{c:?}");
        assert_eq!(sides(reject), (vec!["CHN"], vec![]), "{c:?}");
        // A denial of what others said its actor did answers those who said it.
        let c = run("Tokyo and Manila said that Beijing was arming the militia. China denied it.");
        let reject = c.iter().find(|c| c.plover == Plover::Reject).expect("{c:?}");
        assert_eq!(sides(reject), (vec!["CHN"], vec!["JPN", "PHL"]), "{c:?}");
    }

    #[test]
    fn a_new_actor_doing_the_same_has_the_last_claims_counterpart() {
        let x = extractor();
        let a = Article::from_bytes(
            "-",
            b"date: 2024-03-10\n\nSweden formally joined NATO on Thursday, ending two centuries of neutrality. Finland joined the alliance in April 2023. Philippine President Ferdinand Marcos Jr. met Japan's prime minister in Manila. Marcos later visited Australia.",
        );
        let c = x.extract(&a);
        assert_eq!(c[0].quantity, None, "two centuries count no things: {c:?}");
        let finland = c.iter().find(|c| c.quote.starts_with("Finland")).expect("{c:?}");
        assert_eq!(sides(finland), (vec!["FIN"], vec!["NATO"]), "{c:?}");
        // (A generational suffix is no surname.)
        let marcos = c.iter().find(|c| c.quote.starts_with("Marcos")).expect("{c:?}");
        assert_eq!(sides(marcos), (vec!["PHL"], vec!["AUS"]), "{c:?}");
        // Likewise a deployment: a new actor's counterpart is the last claim's, not its actor.
        let a = Article::from_bytes(
            "-",
            b"date: 2014-01-01\n\nSouth Korea led a Provincial Reconstruction Team in Parwan province under the International Security Assistance Force. New Zealand ran a Provincial Reconstruction Team in Bamyan province from 2003.",
        );
        let c = x.extract(&a);
        assert_eq!(sides(&c[1]), (vec!["NZL"], vec!["ISAF"]), "{c:?}");
        // And a delivery after a delivery: the new supplier's goes to the same recipient.
        let a = Article::from_bytes(
            "-",
            b"date: 2025-07-01\n\nBritain delivered 14 tanks to Ukraine in May. Germany delivered four IRIS-T systems in June.",
        );
        let c = x.extract(&a);
        assert_eq!(sides(&c[1]), (vec!["DEU"], vec!["UKR"]), "{c:?}");
    }

    #[test]
    fn an_unknown_name_as_subject_is_not_the_last_subject() {
        let x = extractor();
        let a = Article::from_bytes(
            "-",
            b"date: 2023-05-21\n\nThe Quad leaders met in Hiroshima on Saturday, two years after Harwell's own first summit. Harwell hosted Albanese at the White House in September 2021. Officials later praised Japan.",
        );
        let c = x.extract(&a);
        let hosted = c.iter().find(|c| c.quote.starts_with("Harwell")).expect("{c:?}");
        // (The host, the recipient PLOVER reports, is unknown; the guest is the actor.)
        assert!(hosted.recipients.is_empty(), "{c:?}");
        assert_eq!(ids(&hosted.actors), ["anthony-albanese"], "{c:?}");
        // A common word first in a sentence is no name: the subject told before still holds.
        let praised = c.iter().find(|c| c.quote.starts_with("Officials")).expect("{c:?}");
        assert_eq!(ids(&praised.actors), ["Quad"], "{c:?}");
    }

    #[test]
    fn a_group_told_before_is_named_by_its_size() {
        let x = extractor();
        let a = Article::from_bytes(
            "-",
            b"date: 2024-09-23\n\nUS President Joe Biden hosted the leaders of Australia, India and Japan in Wilmington on Saturday, before Marwick's visit. The four leaders held talks on maritime security. Marwick held a separate meeting with Biden.",
        );
        let c = x.extract(&a);
        let talks = c.iter().find(|c| c.quote.starts_with("The four")).expect("{c:?}");
        assert_eq!(sides(talks), (vec!["USA", "AUS", "IND", "JPN"], vec![]), "{c:?}");
        // (An unknown name as subject, written as a name elsewhere, is nobody the context
        // supplies.)
        let held = c.iter().find(|c| c.quote.starts_with("Marwick")).expect("{c:?}");
        assert_eq!(sides(held), (vec![], vec!["USA"]), "{c:?}");
        // Nor when a relative clause tells of the name: "Austin, who had already visited".
        let a = Article::from_bytes(
            "-",
            b"date: 2023-11-11\n\nDefense Secretary Lloyd Harrow met his Indian counterpart. Australia rejoined the exercise in 2020. Harrow, who had already visited New Delhi in June, spoke to reporters.",
        );
        let c = x.extract(&a);
        let visited = c.iter().find(|c| c.quote.starts_with("Harrow")).expect("{c:?}");
        assert!(visited.actors.is_empty(), "{c:?}");
        // A group is also a side of the last claim with that many on it.
        let a = Article::from_bytes(
            "-",
            b"date: 2025-04-12\n\nBritain, Norway and the Netherlands pledged a package of military aid for Ukraine on Friday. Ukraine's defence minister thanked the three governments.",
        );
        let c = x.extract(&a);
        let thanks = c.iter().find(|c| c.sentence == 1).expect("{c:?}");
        assert_eq!(sides(thanks), (vec!["UKR"], vec!["GBR", "NOR", "NLD"]), "{c:?}");
        // "The three" with no noun, as the subject of a verb, is the group too.
        let a = Article::from_bytes(
            "-",
            b"date: 2025-04-12\n\nBritain, Norway and the Netherlands pledged a package of military aid for Ukraine on Friday. The three also signed a deal on drones.",
        );
        let c = x.extract(&a);
        let deal = c.iter().find(|c| c.sentence == 1).expect("{c:?}");
        assert_eq!(
            deal.actors.iter().map(|a| a.text.as_str()).collect::<Vec<_>>(),
            ["The three"; 3],
            "{c:?}"
        );
        assert_eq!(ids(&deal.actors), ["GBR", "NOR", "NLD"], "{c:?}");
        // A claim with one on one side and two on the other does not replace the group a list
        // told: France and the two capitals it recalled its envoys from are no "three".
        let a = Article::from_bytes(
            "-",
            b"date: 2021-09-28\n\nAustralia, Britain and the United States signed a security pact on 15 September. France recalled its ambassadors from Washington and Canberra two days later. China accused the three countries of fuelling an arms race.",
        );
        let c = x.extract(&a);
        let recall = c.iter().find(|c| c.sentence == 1).expect("{c:?}");
        assert_eq!(sides(recall), (vec!["FRA"], vec!["USA", "AUS"]), "{c:?}");
        let accused = c.iter().find(|c| c.sentence == 2).expect("{c:?}");
        assert_eq!(sides(accused), (vec!["CHN"], vec!["AUS", "GBR", "USA"]), "{c:?}");
    }

    #[test]
    fn an_option_a_deal_holds_is_a_deal_of_its_own_not_yet_made() {
        let x = extractor();
        let s =
            "In September 2021 Greece agreed to buy three Belharra frigates from France, with an option for a fourth.";
        let c = x.extract_sentence(s, None);
        assert_eq!(
            c.iter().map(sides).collect::<Vec<_>>(),
            vec![(vec!["GRC"], vec!["FRA"]); 2],
            "{c:?}"
        );
        assert_eq!(
            (c[1].quote.as_str(), c[1].quantity, c[1].date, c[1].modality),
            ("with an option for a fourth", Some(1), None, Modality::Hedged),
            "{c:?}"
        );
        assert!(c[0].date.is_some(), "{c:?}");
        let c = x.extract_sentence(
            "Norway signed a contract with South Korea for 24 K9 howitzers in December 2017 that includes an option for 24 more guns.",
            None,
        );
        assert_eq!(c.last().map(|c| (c.quantity, c.date)), Some((Some(24), None)), "{c:?}");
        // An option of no deal told is none.
        assert!(x
            .extract_sentence("Japan kept the option to buy more time.", None)
            .is_empty());
    }

    #[test]
    fn ratifying_its_membership_is_for_the_state_whose_membership_it_is() {
        let a = Article::from_bytes(
            "-",
            b"date: 2023-04-05\n\nTurkey ratified Finland's accession on 30 March. Sweden, which applied at the same time, is still waiting for Turkey and Hungary to ratify its membership.",
        );
        let c = extractor().extract(&a);
        let waiting = c.iter().find(|c| c.sentence == 1).expect("{c:?}");
        assert_eq!(sides(waiting), (vec!["TUR", "HUN"], vec!["SWE"]), "{c:?}");
    }

    #[test]
    fn a_verb_of_causing_tells_the_act_of_whom_it_names() {
        // "prompting Algeria to suspend a treaty": Algeria suspends it, in the clause's year.
        let s = "Spain adopted a similar stance in 2022, prompting Algeria to suspend a friendship treaty with Madrid.";
        assert_eq!(
            roles(s).into_iter().map(|r| (r.1, r.2)).collect::<Vec<_>>(),
            [
                ("ESP".to_string(), String::new()),
                ("DZA".to_string(), "ESP".to_string())
            ]
        );
        assert_eq!(dated(s)[1], (Plover::Sanction, "ESP".to_string(), "2022".to_string()));
        // A list of names made to act, each an actor; the noun of the cause keeps no one.
        let c = extractor().extract_sentence(
            "Russia's invasion prompted Finland and Sweden to apply for NATO membership in May 2022.",
            None,
        );
        let applied = c.iter().find(|c| c.quote.starts_with("Finland")).expect("{c:?}");
        assert_eq!(sides(applied), (vec!["FIN", "SWE"], vec!["NATO"]), "{c:?}");
        assert!(!c.iter().any(|c| ids(&c.recipients).contains(&"FIN")), "{c:?}");
        // Names and capitals are known without their accents too.
        assert_eq!(
            roles("The strike prompted Brasilia to recall its ambassador from Bogota."),
            [(ClaimKind::Statement, "BRA".to_string(), "COL".to_string())]
        );
    }

    #[test]
    fn an_organisations_organ_is_the_organisations() {
        let x = extractor();
        // (Not the UN's Security Council, whose name the organ's holds.)
        let c = x.extract_sentence(
            "The African Union's Peace and Security Council condemned the coup in Niger.",
            None,
        );
        assert_eq!(ids(&c[0].actors), ["AU"], "{c:?}");
        // An organ the knowledge base names is itself.
        let c = x.extract_sentence("Finland joined NATO's cyber defence centre in 2015.", None);
        assert_eq!(sides(&c[0]), (vec!["FIN"], vec!["CCDCOE"]), "{c:?}");
    }

    #[test]
    fn a_member_is_of_the_body_that_modifies_it_and_an_apposition_keeps_its_counterpart() {
        let x = extractor();
        let c = x.extract_sentence("Poland, a NATO member since 1999, borders Ukraine.", None);
        assert_eq!(sides(&c[0]), (vec!["POL"], vec!["NATO"]), "{c:?}");
        assert_eq!(c[0].date.map(|d| d.to_string()).as_deref(), Some("1999"));
        // Members named after "members" are its members; an opening phrase is no clause.
        let c = x.extract_sentence(
            "As fellow G7 members, the United Kingdom and Japan share a commitment.",
            None,
        );
        assert_eq!(sides(&c[0]), (vec!["GBR", "JPN"], vec!["G7"]), "{c:?}");
        let c = x.extract_sentence("France and Greece belong to the European Union.", None);
        assert_eq!(
            (c[0].mode, sides(&c[0])),
            (ClaimKind::Membership, (vec!["FRA", "GRC"], vec!["EU"])),
            "{c:?}"
        );
        // An apposition after the subject is its own claim, and the predicate after it the
        // subject's.
        let c = x.extract_sentence(
            "Turkey, a member of NATO since 1952, bought the S-400 from Russia.",
            None,
        );
        assert_eq!(sides(&c[0]), (vec!["TUR"], vec!["NATO"]), "{c:?}");
        assert_eq!(c[0].date.map(|d| d.to_string()).as_deref(), Some("1952"));
        assert_eq!(sides(&c[1]), (vec!["TUR"], vec!["RUS"]), "{c:?}");
        assert_eq!(c[1].date, None, "{c:?}");
        // Who is a member "together with" them is on their side.
        let c = x.extract_sentence(
            "Japan, India and Australia are members of the Quad together with the United States.",
            None,
        );
        assert_eq!(sides(&c[0]), (vec!["JPN", "IND", "AUS", "USA"], vec!["Quad"]), "{c:?}");
        // Also beside a subject carried into a relative clause.
        let a = Article::from_bytes(
            "-",
            b"date: 2023-04-04\n\nFinland joined NATO on Tuesday. Sweden, which applied together with Finland in May last year, is still waiting.",
        );
        let c = x.extract(&a);
        let applied = c.iter().find(|c| c.quote.contains("applied")).expect("{c:?}");
        assert_eq!(sides(applied).0, ["SWE", "FIN"], "{c:?}");
    }

    #[test]
    fn a_phrasal_verb_may_have_its_object_before_its_particle() {
        let x = extractor();
        let c = x.extract_sentence(
            "The United States pulled its forces out of Afghanistan in August 2021.",
            None,
        );
        assert_eq!(c[0].mode, ClaimKind::Withdrawal, "{c:?}");
        assert_eq!(sides(&c[0]), (vec!["USA"], vec!["AFG"]), "{c:?}");
    }

    #[test]
    fn one_attends_the_meeting_told_last() {
        let x = extractor();
        let a = Article::from_bytes(
            "-",
            b"date: 2025-06-27\n\nNATO leaders met in The Hague on 24 and 25 June. Only New Zealand's Christopher Luxon attended in person.",
        );
        let c = x.extract(&a);
        assert_eq!(c[0].date.map(|d| d.to_string()).as_deref(), Some("2025-06-24"), "{c:?}");
        assert_eq!(
            c[0].date_end.map(|d| d.to_string()).as_deref(),
            Some("2025-06-25"),
            "{c:?}"
        );
        assert_eq!(sides(&c[1]), (vec!["NZL"], vec!["NATO"]), "{c:?}");
    }

    #[test]
    fn a_relative_clause_may_open_with_a_part_of_its_antecedent() {
        let x = extractor();
        let c = x.extract_sentence(
            "Greece signed a contract with France in January for 18 Rafale fighters, the first of which France delivered in July.",
            PartialDate::parse("2021-09-29").ok(),
        );
        assert_eq!(c.len(), 2, "{c:?}");
        assert_eq!(c[0].date.map(|d| d.to_string()).as_deref(), Some("2021-01"), "{c:?}");
        assert_eq!(c[1].date.map(|d| d.to_string()).as_deref(), Some("2021-07"), "{c:?}");
    }

    #[test]
    fn denials_refusals_and_praise_of_a_thing_are_events() {
        let x = extractor();
        let one = |s: &str| single(x, s);
        // Denying responsibility (CAMEO 016) rejects the accusation; "reject", whose block has no
        // code, is a rejection by nearly all of its patterns.
        assert_eq!(
            one("Rwanda denies the charge."),
            (Plover::Reject, "RWA".into(), "".into())
        );
        assert_eq!(
            one("Beijing has rejected the concerns as groundless."),
            (Plover::Reject, "CHN".into(), "".into())
        );
        // (A later passive with its own auxiliary has its own agent: Beijing is still the
        // subject.)
        assert_eq!(
            one("Beijing has rejected the concerns and said its ties with Laos should not be disturbed by third parties."),
            (Plover::Reject, "CHN".into(), "LAO".into())
        );
        // A verb of praise before what it praises, after a relative clause with no event of its
        // own, is the main clause's event.
        assert_eq!(
            one("Chile, which shares a border with Peru, welcomed the Bolivian decision."),
            (Plover::Support, "CHL".into(), "BOL".into())
        );
        // It tells the clause's event only where no other word does.
        let (p, _, r) = one("Officials in Ankara hailed the delivery of the Russian missiles.");
        assert_eq!((p, r.as_str()), (Plover::Aid, "RUS"));
        // "Democratic Republic of Congo" is not the Republic of the Congo.
        assert_eq!(
            one("The foreign ministers of the Democratic Republic of Congo and Rwanda signed a peace agreement."),
            (Plover::Support, "COD RWA".into(), "".into())
        );
    }

    #[test]
    fn a_short_name_two_states_share_is_the_one_the_text_names() {
        let x = extractor();
        let actors = |text: &str| -> Vec<Vec<String>> {
            let article = Article::from_bytes("t.txt", format!("date: 2025-06-30\n\n{text}").as_bytes());
            x.extract(&article)
                .iter()
                .map(|c| c.actors.iter().map(|a| a.id.clone()).collect())
                .collect()
        };
        // "Congo" follows the "of" of both Congos' formal names: the text's is the one its
        // capital or full name tells, in any sentence.
        assert_eq!(
            actors("Congo signed a deal with Rwanda. Kinshasa welcomed the deal.")[0],
            vec!["COD".to_string()]
        );
        assert_eq!(
            actors("Officials in Brazzaville spoke. Congo signed a deal with Rwanda.")[0],
            vec!["COG".to_string()]
        );
        // With neither told, or both, it is no actor.
        assert_eq!(actors("Congo signed a deal with Rwanda."), vec![Vec::<String>::new()]);
        assert!(actors("Congo signed a deal with Rwanda. Kinshasa and Brazzaville welcomed it.")[0].is_empty());
    }

    #[test]
    fn negotiations_are_consultations() {
        let x = extractor();
        let c = x.extract_sentence("Chile and Peru launched negotiations in 2014.", None);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(
            (sides(&c[0]), c[0].plover),
            ((vec!["CHL", "PER"], vec![]), Plover::Consult)
        );
        assert_eq!(c[0].date.map(|d| d.to_string()).as_deref(), Some("2014"));
    }

    #[test]
    fn summoning_an_envoy_is_a_complaint_to_the_envoys_state() {
        let x = extractor();
        assert_eq!(
            single(x, "Chile summoned the Peruvian ambassador on Monday."),
            (Plover::Accuse, "CHL".into(), "PER".into())
        );
        assert_eq!(
            single(
                x,
                "The Peruvian ambassador was summoned by the Chilean foreign ministry."
            ),
            (Plover::Accuse, "CHL".into(), "PER".into())
        );
    }

    #[test]
    fn a_noun_phrase_ends_at_a_preposition_a_clause_word_or_an_adverb() {
        use crate::lexicon::noun_phrase;
        assert_eq!(
            noun_phrase(" a railway contract awarded to a firm", 5),
            " a railway contract awarded"
        );
        assert_eq!(noun_phrase(" all trade with Israel", 5), " all trade");
        assert_eq!(noun_phrase(" rapidly since Peru joined", 5), "");
        assert_eq!(
            noun_phrase(" the fourth major Korean arms contract with Poland", 7),
            " the fourth major Korean arms contract"
        );
        assert_eq!(noun_phrase(" the talks, which", 5), " the talks,");
    }

    #[test]
    fn a_verb_of_many_uses_reads_by_its_default_before_a_party_named_in_its_object() {
        let x = extractor();
        assert_eq!(
            single(x, "Chile expelled two Peruvian journalists on Saturday."),
            (Plover::Coerce, "CHL".into(), "PER".into())
        );
    }

    #[test]
    fn a_host_hosts_and_the_leaders_are_all_who_met() {
        let x = extractor();
        // What a meeting is for ("for talks") is no event of its own: the host receives the
        // guest, reported as PLOVER codes a visit (the guest the actor, the host the recipient).
        assert_eq!(
            single(
                x,
                "Chile's president hosted his Peruvian counterpart in Santiago for talks on border security."
            ),
            (Plover::Consult, "PER".into(), "CHL".into())
        );
        // "The leaders" after a meeting are all who met.
        let article = Article::from_bytes(
            "t.txt",
            "date: 2023-08-19\n\nChile's president hosted Peru's president and Bolivia's president on Friday. \
             The leaders agreed to hold annual joint military exercises."
                .as_bytes(),
        );
        let c = x.extract(&article);
        assert_eq!(c.len(), 2, "{c:?}");
        assert_eq!(sides(&c[1]), (vec!["CHL", "PER", "BOL"], vec![]), "{c:?}");
    }

    #[test]
    fn the_agreement_told_again_is_the_claim_told_before() {
        let x = extractor();
        let claims = |text: &str| {
            let article = Article::from_bytes("t.txt", format!("date: 2017-12-21\n\n{text}").as_bytes());
            x.extract(&article)
                .into_iter()
                .map(|c| (c.plover, c.date.map(|d| d.to_string())))
                .collect::<Vec<_>>()
        };
        // The signing's own day replaces the day it was announced.
        assert_eq!(
            claims(
                "Chile has signed a contract with Peru for ten patrol boats, the ministry said on Thursday. \
                 The contract, signed on Wednesday, is worth about $300 million."
            ),
            vec![(Plover::Support, Some("2017-12-20".to_string()))]
        );
        // A date that cannot be the same signing is another agreement's.
        assert_eq!(
            claims(
                "Chile signed a contract with Peru in March 2015. \
                 The contract, signed on Wednesday, is worth about $300 million."
            )
            .len(),
            2
        );
    }

    #[test]
    fn saying_again_what_a_thing_is_tells_no_new_event() {
        let x = extractor();
        let claims = |s: &str| x.extract_sentence(s, PartialDate::parse("2024-05-06").ok());
        // "It is …" with an article describes what was told before.
        for s in [
            "It is the fourth major arms contract between Chile and Peru this year.",
            "This was the first agreement of its kind between Japan and a European country.",
        ] {
            assert!(claims(s).is_empty(), "{s}: {:?}", claims(s));
        }
        // Not what follows the noun phrase, nor "it" as the subject of a verb.
        assert_eq!(
            single(x, "It was the first time that Chile had signed a treaty with Peru."),
            (Plover::Support, "CHL".into(), "PER".into())
        );
        assert_eq!(
            single(x, "It was then that Chile signed a treaty with Peru."),
            (Plover::Support, "CHL".into(), "PER".into())
        );
    }

    #[test]
    fn ending_cooperation_is_a_sanction() {
        let x = extractor();
        let one = |s: &str| single(x, s);
        let sanction = |a: &str, r: &str| (Plover::Sanction, a.to_string(), r.to_string());
        // A verb of ending with no code of its own reduces relations where what it ends is
        // cooperation: what it ends is not an event of its own.
        assert_eq!(one("Chile halted all trade with Peru."), sanction("CHL", "PER"));
        assert_eq!(
            one("Norway has cancelled a railway contract awarded to a Swedish company."),
            sanction("NOR", "SWE")
        );
        // … or where a state or organisation is what it suspends, in either voice.
        assert_eq!(
            one("The African Union suspended Mali on Thursday."),
            sanction("AU", "MLI")
        );
        assert_eq!(
            one("Mali was suspended by the African Union on Thursday."),
            sanction("AU", "MLI")
        );
        // Ending a deployment is a de-escalation.
        assert_eq!(
            one("Chile ended its deployment in Peru."),
            (Plover::Retreat, "CHL".into(), "PER".into())
        );
        // Asked of another, it is what the request is for.
        assert_eq!(
            one("Chile asked Peru to defer the visit."),
            (Plover::Request, "CHL".into(), "PER".into())
        );
        // What ends no cooperation is not a sanction; nor is choosing (SELECT's patterns lean
        // to reductions of relations, but the dictionary codes none of its verbs so).
        for s in [
            "Chile halted its shelling of the border post.",
            "Chile selected Peru's patrol boat design in 2017.",
        ] {
            let c = x.extract_sentence(s, None);
            assert!(c.iter().all(|c| c.plover != Plover::Sanction), "{s}: {c:?}");
        }
    }

    #[test]
    fn a_port_call_is_cooperation_and_an_offer_looks_ahead() {
        let x = extractor();
        let c = x.extract_sentence(
            "A Japanese destroyer docked at Manila on Monday.",
            PartialDate::parse("2024-05-08").ok(),
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(
            (sides(&c[0]), c[0].plover),
            ((vec!["JPN"], vec!["PHL"]), Plover::Cooperate),
            "{c:?}"
        );
        assert_eq!(c[0].date.map(|d| d.to_string()).as_deref(), Some("2024-05-06"), "{c:?}");
        // What is offered is to come: a month without a year is the next one.
        let c = x.extract_sentence(
            "Ghana has offered to host fresh talks between Mali and Niger in January.",
            PartialDate::parse("2022-12-20").ok(),
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].date.map(|d| d.to_string()).as_deref(), Some("2023-01"), "{c:?}");
    }

    #[test]
    fn an_object_relative_clause_is_its_subjects_event_with_its_own_date() {
        let x = extractor();
        let c = x.extract_sentence(
            "Yoon said the treaty that Pyongyang and Moscow signed last month had turned a marriage of convenience into an alliance.",
            PartialDate::parse("2024-07-11").ok(),
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(sides(&c[0]).0, vec!["PRK", "RUS"], "{c:?}");
        assert_eq!(c[0].date.map(|d| d.to_string()).as_deref(), Some("2024-06"), "{c:?}");
        // Its subject may be titled names.
        let c = x.extract_sentence(
            "Yoon said the treaty that President Vladimir Putin and Chairman Kim Jong Un signed last month had turned a marriage of convenience into an alliance.",
            PartialDate::parse("2024-07-11").ok(),
        );
        assert_eq!(sides(&c[0]).0, vec!["RUS", "PRK"], "{c:?}");
        let c = x.extract_sentence(
            "The United Kingdom welcomes the Individually Tailored Partnership Programme that Japan and NATO agreed at the summit in July.",
            PartialDate::parse("2024-01-11").ok(),
        );
        // (Welcoming it is the United Kingdom's support, a claim of its own.)
        assert_eq!(c.len(), 2, "{c:?}");
        assert_eq!(
            (sides(&c[0]), c[0].plover),
            ((vec!["GBR"], vec![]), Plover::Support),
            "{c:?}"
        );
        assert_eq!(sides(&c[1]), (vec!["JPN", "NATO"], vec![]), "{c:?}");
        // A name in the noun's phrase stays in the main clause; the clause's subject may be a
        // group ("the two neighbours") of the states named before it.
        let c = x.extract_sentence(
            "The parliament of Turkey ratified a security agreement with Iraq that the two neighbours signed in Baghdad last August.",
            PartialDate::parse("2025-01-29").ok(),
        );
        assert_eq!(c.len(), 2, "{c:?}");
        assert_eq!(sides(&c[0]), (vec!["TUR"], vec!["IRQ"]), "{c:?}");
        assert_eq!(sides(&c[1]), (vec!["TUR", "IRQ"], vec![]), "{c:?}");
        assert_eq!(c[1].date.map(|d| d.to_string()).as_deref(), Some("2024-08"), "{c:?}");
        // Not after a verb or a time: "said this month that" opens what was said.
        let c = x.extract_sentence(
            "Hanwha said this month that Norway had ordered four more K9 howitzers.",
            PartialDate::parse("2022-11-20").ok(),
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(sides(&c[0]), (vec!["NOR"], vec!["KOR"]), "{c:?}");
    }

    #[test]
    fn an_adverbial_clause_with_its_own_subject_and_verb_is_a_claim_of_its_own() {
        let x = extractor();
        let c = x.extract_sentence(
            "Australian and Indonesian soldiers began a joint exercise on Monday, the largest since the two countries signed a defence agreement in August 2024.",
            PartialDate::parse("2025-02-12").ok(),
        );
        assert_eq!(c.len(), 2, "{c:?}");
        assert_eq!(c[0].mode, ClaimKind::Exercise, "{c:?}");
        assert_eq!(c[1].date.map(|d| d.to_string()).as_deref(), Some("2024-08"), "{c:?}");
        assert_eq!(sides(&c[1]), (vec!["AUS", "IDN"], vec![]), "{c:?}");
        // A distance before "after" or "before" dates it from the main clause's date.
        let c = x.extract_sentence(
            "Poland expelled two Russian diplomats on Friday, three days after Russia closed the Polish consulate in Kaliningrad.",
            PartialDate::parse("2024-11-20").ok(),
        );
        let dates: Vec<Option<String>> = c.iter().map(|c| c.date.map(|d| d.to_string())).collect();
        assert_eq!(dates, [Some("2024-11-15".into()), Some("2024-11-12".into())], "{c:?}");
        assert_eq!(sides(&c[1]).0, vec!["RUS"], "{c:?}");
        // Its subject is not the sentence's: "it" after it is the main clause's.
        let a = Article::from_bytes(
            "t",
            b"date: 2022-08-10\n\nWarsaw has been rearming at speed since Russia invaded Ukraine in February. It has handed Kyiv more than 200 tanks from its own stocks.",
        );
        let c = x.extract(&a);
        assert_eq!(sides(c.last().expect("the handing over")).0, vec!["POL"], "{c:?}");
    }

    #[test]
    fn his_country_is_the_state_of_the_officeholder_named_before_it() {
        let x = extractor();
        let c = x.extract_sentence(
            "Belarusian President Alexander Lukashenko said that Russia would station missiles on his country's territory.",
            None,
        );
        assert_eq!(sides(&c[0]), (vec!["RUS"], vec!["BLR"]), "{c:?}");
        assert_eq!(c[0].mode, ClaimKind::Deployment, "{c:?}");
        // Not the subject's own country: no party of its own there.
        let c = x.extract_sentence(
            "Australian Prime Minister Anthony Albanese called the programme the largest investment in his country's defence capability.",
            None,
        );
        assert!(c.iter().all(|c| c.recipients.is_empty()), "{c:?}");
    }

    #[test]
    fn respectively_pairs_a_list_of_names_with_a_list_of_dates() {
        let x = extractor();
        let when = |c: &Claim| c.date.map(|d| d.to_string());
        let c = x.extract_sentence(
            "Finland and Sweden joined NATO in April 2023 and March 2024 respectively.",
            PartialDate::parse("2025-01-01").ok(),
        );
        assert_eq!(c.len(), 2, "{c:?}");
        assert_eq!(
            (sides(&c[0]), when(&c[0]).as_deref()),
            ((vec!["FIN"], vec!["NATO"]), Some("2023-04"))
        );
        assert_eq!(
            (sides(&c[1]), when(&c[1]).as_deref()),
            ((vec!["SWE"], vec!["NATO"]), Some("2024-03"))
        );
        // The list may be the recipients.
        let c = x.extract_sentence(
            "South Korea delivered howitzers to Poland and Norway in 2022 and 2023, respectively.",
            PartialDate::parse("2025-01-01").ok(),
        );
        assert_eq!(
            (sides(&c[1]), when(&c[1]).as_deref()),
            ((vec!["KOR"], vec!["NOR"]), Some("2023"))
        );
        // Without the word, one claim of both.
        let c = x.extract_sentence(
            "Finland and Sweden joined NATO in April 2023 and March 2024.",
            PartialDate::parse("2025-01-01").ok(),
        );
        assert_eq!(sides(&c[0]).0, vec!["FIN", "SWE"], "{c:?}");
    }

    #[test]
    fn a_delivery_after_an_order_goes_from_the_seller_to_the_buyer() {
        let x = extractor();
        let a = Article::from_bytes(
            "t",
            b"date: 2022-12-10\n\nPoland signed a contract with Korea for 180 K2 tanks. The first ten tanks were handed over in December.",
        );
        let c = x.extract(&a);
        assert_eq!(sides(&c[0]), (vec!["POL"], vec!["KOR"]), "{c:?}");
        assert_eq!(c[1].mode, ClaimKind::Delivery, "{c:?}");
        assert_eq!(sides(&c[1]), (vec!["KOR"], vec!["POL"]), "{c:?}");
        // After a sale, the carried subject is the seller already.
        let a = Article::from_bytes(
            "t",
            b"date: 2023-12-10\n\nKorea sold 48 FA-50 jets to Poland in 2022. The first were handed over in 2023.",
        );
        let c = x.extract(&a);
        assert_eq!(sides(&c[1]), (vec!["KOR"], vec!["POL"]), "{c:?}");
    }

    #[test]
    fn a_blocks_synonyms_mean_what_its_head_verb_means() {
        // CAMEO's "RELEASE [080]" block: RELEASE itself is 084, and so is "freed" (a release,
        // PLOVER's RETREAT), not the block's general 080 (yield, CONCEDE).
        let x = extractor();
        let c = x.extract_sentence("Iran freed a detained French diplomat on Monday.", None);
        assert_eq!((c[0].plover, c[0].cameo), (Plover::Retreat, Some("084")), "{c:?}");
        // A block with no code keeps none: "enquired" (ASK [---]) is no request.
        let c = x.extract_sentence("Iran enquired about the French diplomat on Monday.", None);
        assert!(c.is_empty(), "{c:?}");
    }

    #[test]
    fn a_pronoun_subject_of_a_relative_clause_is_not_its_antecedent() {
        let x = extractor();
        let c = x.extract_sentence("India is a member of the Quad, which it joined in 2017.", None);
        let joined = c
            .iter()
            .find(|c| c.mode == ClaimKind::Accession)
            .expect("the accession");
        assert_eq!(sides(joined), (vec!["IND"], vec!["Quad"]), "{c:?}");
        // A subject relative keeps its antecedent for subject.
        let c = x.extract_sentence("Estonia, which joined NATO in 2004, has bought K9 howitzers.", None);
        assert_eq!(sides(&c[0]), (vec!["EST"], vec!["NATO"]), "{c:?}");
    }

    #[test]
    fn a_defence_company_stands_for_its_state() {
        // `data/arms/companies.toml`: the larger arms producers of the SIPRI Top 100.
        let x = extractor();
        let c = x.extract_sentence("Greece ordered three frigates from Naval Group.", None);
        assert_eq!(sides(&c[0]), (vec!["GRC"], vec!["FRA"]), "{c:?}");
        let c = x.extract_sentence(
            "India signed a contract with Hindustan Aeronautics for 97 Tejas jets.",
            None,
        );
        assert_eq!(sides(&c[0]), (vec!["IND"], vec![]), "{c:?}");
    }

    #[test]
    fn a_condition_a_question_or_a_prescription_is_no_claim() {
        let x = extractor();
        for s in [
            "The alliance breaks if Germany withdraws its troops from Lithuania.",
            "Nobody knows whether Washington would defend Taiwan.",
            "The European Union should help pay for the tanks.",
            "Governments willing to pay must sign a separate agreement.",
        ] {
            assert!(
                x.extract_sentence(s, None).is_empty(),
                "{s}: {:?}",
                x.extract_sentence(s, None)
            );
        }
        // A modal someone is reported to have used stays a claim.
        for s in [
            "Parliament decided that the troops should withdraw from Iraq by December.",
            "Seoul warned it must send weapons to Ukraine.",
        ] {
            assert_eq!(x.extract_sentence(s, None).len(), 1, "{s}");
        }
    }

    #[test]
    fn a_request_to_no_one_named_is_to_the_organisation_the_text_is_about() {
        let x = extractor();
        let text =
            "Finland joined NATO on 4 April 2023. NATO leaders welcomed Finland. Sweden, which applied in May 2022, \
                    is still waiting.";
        let c = x.extract(&Article::from_bytes("-", text.as_bytes()));
        let request = c
            .iter()
            .find(|c| c.plover == Plover::Request)
            .unwrap_or_else(|| panic!("{c:?}"));
        assert_eq!(sides(request), (vec!["SWE"], vec!["NATO"]), "{c:?}");
        // Not in a text about states only.
        let text = "Finland met Sweden on 4 April 2023. Finland thanked Sweden. Estonia, which applied in May 2022, \
                    waits.";
        let c = x.extract(&Article::from_bytes("-", text.as_bytes()));
        let request = c
            .iter()
            .find(|c| c.plover == Plover::Request)
            .unwrap_or_else(|| panic!("{c:?}"));
        assert_eq!(sides(request), (vec!["EST"], vec![]), "{c:?}");
    }

    #[test]
    fn a_clause_after_a_comma_with_a_pronoun_for_subject_keeps_its_date() {
        let x = extractor();
        let c = x.extract_sentence(
            "Armenia has been part of NATO's Partnership for Peace since 1994, it hosted an exercise with American troops in September 2023.",
            None,
        );
        let dates: Vec<Option<String>> = c.iter().map(|c| c.date.map(|d| d.to_string())).collect();
        assert_eq!(dates, [Some("1994".to_string()), Some("2023-09".to_string())], "{c:?}");
    }

    #[test]
    fn an_agreement_named_with_a_date_of_its_own_is_a_claim_of_its_own() {
        let x = extractor();
        let c = x.extract_sentence(
            "Turkey sent troops to Qatar in June 2017 under a defence agreement signed in December 2014.",
            None,
        );
        let got: Vec<(Plover, Option<String>)> = c.iter().map(|c| (c.plover, c.date.map(|d| d.to_string()))).collect();
        assert_eq!(
            got,
            [
                (Plover::Mobilize, Some("2017-06".into())),
                (Plover::Support, Some("2014-12".into()))
            ],
            "{c:?}"
        );
        assert_eq!(sides(&c[1]), (vec!["TUR"], vec!["QAT"]), "{c:?}");
        assert_eq!(c[1].quote, "a defence agreement signed in December 2014");
        // A year after its determiner, and "of" a year after it.
        let c = x.extract_sentence(
            "Japan and Australia renewed the 2007 joint declaration in October 2022.",
            None,
        );
        let dates: Vec<Option<String>> = c.iter().map(|c| c.date.map(|d| d.to_string())).collect();
        assert_eq!(dates, [Some("2022-10".to_string()), Some("2007".to_string())], "{c:?}");
        let c = x.extract_sentence(
            "Indonesia and Australia updated the Defence Cooperation Treaty of 2012 in 2024.",
            None,
        );
        assert!(
            c.iter()
                .any(|c| c.date.map(|d| d.to_string()).as_deref() == Some("2012")),
            "{c:?}"
        );
    }

    #[test]
    fn whom_by_names_with_a_possessive_are_the_subjects_own_people() {
        let x = extractor();
        let c = x.extract_sentence(
            "Japan and Australia sent delegations to the NATO summit, led by their defence ministers.",
            None,
        );
        assert_eq!(sides(&c[0]), (vec!["JPN", "AUS"], vec!["NATO"]), "{c:?}");
        // Another's agent stays the agent.
        let c = x.extract_sentence("The treaty was signed by Russia and North Korea in June 2024.", None);
        assert_eq!(sides(&c[0]).0, ["RUS", "PRK"], "{c:?}");
    }

    #[test]
    fn taking_part_in_an_exercise_is_the_exercise() {
        let x = extractor();
        let c = x.extract_sentence(
            "Japanese troops took part in Talisman Sabre, the large exercise Australia holds every two years.",
            None,
        );
        assert_eq!(
            (c[0].plover, c[0].mode),
            (Plover::Cooperate, ClaimKind::Exercise),
            "{c:?}"
        );
        // Taking part in a meeting stays attendance.
        let c = x.extract_sentence("Japan took part in the NATO summit in July 2023.", None);
        assert_eq!(
            (c[0].plover, c[0].mode),
            (Plover::Consult, ClaimKind::Attendance),
            "{c:?}"
        );
    }

    #[test]
    fn counts_in_words_run_to_ninety() {
        let x = extractor();
        let c = x.extract_sentence("Greece ordered eighteen Rafale jets from France.", None);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(sides(&c[0]), (vec!["GRC"], vec!["FRA"]), "{c:?}");
        assert_eq!(c[0].quantity, Some(18), "{c:?}");
    }

    #[test]
    fn peoples_forces_envoys_and_weapons_named_by_their_role() {
        let x = extractor();
        let typed = |s: &str| -> Vec<Plover> { x.extract_sentence(s, None).iter().map(|c| c.plover).collect() };
        assert_eq!(
            typed("Azerbaijan ordered the partial mobilisation of 50,000 reservists."),
            [Plover::Mobilize]
        );
        assert_eq!(
            typed("Armed groups in the Central African Republic demobilised 900 fighters."),
            [Plover::Retreat]
        );
        // An agreement reached is an agreement (CAMEO's "reach … deal", 030), not an arrival;
        // reinforcements sent are a mobilisation, though the dictionary codes them 0332.
        assert_eq!(
            typed("The IMF said it had reached a staff-level agreement with Sri Lanka."),
            [Plover::Agree]
        );
        assert_eq!(
            typed("Thailand's army sent reinforcements to its border with Cambodia."),
            [Plover::Mobilize]
        );
        assert_eq!(
            typed("Peru has turned down offers of aid from Chile."),
            [Plover::Reject]
        );
        // Letting people or goods into a place is allowing access: RETREAT, not an eased rule.
        assert_eq!(
            typed("Ethiopia allowed aid convoys into Tigray on Friday."),
            [Plover::Retreat]
        );
        assert_eq!(
            typed("Iran permitted IAEA inspectors to enter the site on Monday."),
            [Plover::Retreat]
        );
        assert!(!typed("China allowed its currency to weaken.").contains(&Plover::Retreat));
        // A verb of blame before what it blames is an accusation, named party or not;
        // studying something is not.
        assert_eq!(typed("Cuba criticised the decision on Monday."), [Plover::Accuse]);
        assert!(typed("India said it would study the pact's implications.").is_empty());
        assert!(typed("South Korea could significantly influence the dynamics of the region.").is_empty());
        // Receiving a state's representatives is hosting them (the guest reported as actor);
        // receiving investment is not.
        let c = x.extract_sentence("Kenya received a delegation from Somalia on Thursday.", None);
        assert_eq!(
            (c.len(), c[0].plover, ids(&c[0].actors), ids(&c[0].recipients)),
            (1, Plover::Consult, vec!["SOM"], vec!["KEN"]),
            "{c:?}"
        );
        assert!(!typed("Ukraine received Chinese investment in 2023.").contains(&Plover::Consult));
        // A capital before an agent of its state is the state, not a place.
        let c = x.extract_sentence("Russia backed the Damascus government in 2015.", None);
        assert_eq!(ids(&c[0].recipients), ["SYR"], "{c:?}");
        let c = x.extract_sentence("Leaders met at the Vilnius summit on Tuesday.", None);
        assert!(c.iter().all(|c| c.recipients.is_empty()), "{c:?}");
        // A state's people by the plural of its demonym act for it.
        let c = x.extract_sentence(
            "Thousands of Iranians took to the streets in Tehran on Wednesday.",
            None,
        );
        assert_eq!(
            (c.len(), c[0].plover, ids(&c[0].actors)),
            (1, Plover::Protest, vec!["IRN"]),
            "{c:?}"
        );
        // Expelling envoys is a sanction; expelling others, coercion.
        assert_eq!(
            typed("Mali expelled the French ambassador on Tuesday."),
            [Plover::Sanction]
        );
        assert_eq!(
            typed("France expelled two Russian journalists on Friday."),
            [Plover::Coerce]
        );
        // "Attack helicopters" are helicopters, not the dictionary's "delivered … an attack".
        assert_eq!(typed("Russia delivered attack helicopters to Mali."), [Plover::Aid]);
        assert_eq!(typed("Russia delivered an attack on Kharkiv."), [Plover::Assault]);
    }

    #[test]
    fn types_are_reported_by_the_plover_manual() {
        let x = extractor();
        let one = |s: &str| {
            let c = x.extract_sentence(s, PartialDate::parse("2024-03-01").ok());
            assert_eq!(c.len(), 1, "{s}: {c:?}");
            (c[0].plover, c[0].modality)
        };
        // Signing, ratifying, joining: SUPPORT; agreeing to act and pledging: AGREE.
        assert_eq!(
            one("Chile and Peru signed a border treaty on Tuesday.").0,
            Plover::Support
        );
        assert_eq!(
            one("The parliament of Sweden ratified the treaty with Finland.").0,
            Plover::Support
        );
        assert_eq!(
            one("Japan and India agreed on Tuesday to expand their defence ties.").0,
            Plover::Agree
        );
        assert_eq!(
            one("The European Union pledged 190 million euros in aid to Sudan.").0,
            Plover::Agree
        );
        // A meeting, a treaty or aid to come is an intention: AGREE, told as future.
        assert_eq!(
            one("France will host talks with Germany next week."),
            (Plover::Agree, Modality::Future)
        );
        assert_eq!(
            one("Germany will send air defence systems to Ukraine next month.").0,
            Plover::Agree
        );
        // A withdrawal to come is still a retreat; an election to come no one's intention.
        assert_eq!(
            one("Russia will withdraw its troops from Armenia next year.").0,
            Plover::Retreat
        );
        assert_eq!(
            one("Chile will hold a presidential election next month.").0,
            Plover::Consult
        );
        // A verb in the past is done, whatever is to come after it.
        assert_eq!(
            one("Zambia expressed support for Kenya's offer to lead a security mission in Haiti."),
            (Plover::Support, Modality::Asserted)
        );
        assert_eq!(
            one("Poland signed a contract with South Korea on Tuesday under which deliveries will begin soon."),
            (Plover::Support, Modality::Asserted)
        );
    }

    #[test]
    fn agreeing_to_buy_arms_is_an_arms_deal() {
        let x = extractor();
        let c = x.extract_sentence(
            "Greece has agreed to buy three Belharra frigates from France.",
            PartialDate::parse("2021-09-29").ok(),
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!((c[0].mode, c[0].plover), (ClaimKind::ArmsDeal, Plover::Agree), "{c:?}");
        // A deal about no arms is an agreement; one about arms an arms deal.
        let c = x.extract_sentence("Israel and Hamas struck a deal on Sunday.", None);
        assert_eq!(c[0].mode, ClaimKind::Agreement, "{c:?}");
        let c = x.extract_sentence("Poland struck a deal with Korea for 180 K2 tanks.", None);
        assert_eq!(c[0].mode, ClaimKind::ArmsDeal, "{c:?}");
        // A deal for a named system, uncounted, is an arms deal with the system's maker.
        let c = x.extract_sentence("Egypt signed a $1.7 billion deal for K9 howitzers in 2022.", None);
        assert_eq!(c[0].mode, ClaimKind::ArmsDeal, "{c:?}");
        assert_eq!(sides(&c[0]), (vec!["EGY"], vec!["KOR"]), "{c:?}");
        // Agreeing to other things stays an agreement.
        let c = x.extract_sentence("Greece and France agreed to deepen their cooperation.", None);
        assert_eq!(c[0].mode, ClaimKind::Agreement, "{c:?}");
    }

    #[test]
    fn the_parts_of_a_sentence_joined_by_a_semicolon_keep_their_dates() {
        let x = extractor();
        let c = x.extract_sentence(
            "India and the United States have signed four agreements; the last of them was signed in October 2020.",
            None,
        );
        assert_eq!(c[0].date, None, "{c:?}");
    }

    #[test]
    fn a_relative_clause_after_a_preposition_keeps_its_date_and_an_opening_when_clause_gives_one() {
        let x = extractor();
        // (Made-up sentences: a date in "…, to which it has belonged since 1997, …" is the
        // belonging's, not the request's; the opening "when" clause tells when the request was.)
        let c = x.extract_sentence(
            "Chile asked the Organization of American States, to which it has belonged since its charter was signed in 1948, for mediation; the organisation sent observers.",
            None,
        );
        let ask = c.iter().find(|c| c.plover.as_str() == "REQUEST").expect("a request");
        assert_eq!(ask.date, None, "{c:?}");
        let c = x.extract_sentence(
            "When Peru attacked Ecuadorian territory in March 2019, Chile asked the Organization of American States, to which it has belonged since its charter was signed in 1948, for mediation; the organisation sent observers.",
            None,
        );
        let ask = c.iter().find(|c| c.plover.as_str() == "REQUEST").expect("a request");
        assert_eq!(ask.date.map(|d| d.to_string()).as_deref(), Some("2019-03"), "{c:?}");
    }

    #[test]
    fn a_partner_since_a_date_is_a_standing_partnership_with_words_between() {
        let x = extractor();
        for text in [
            "Chile has been a partner of the Alliance since 2008.",
            "Chile has been a NATO partner through its individual programme since 2008.",
        ] {
            let c = x.extract_sentence(text, None);
            let m = c
                .iter()
                .find(|c| c.mode == ClaimKind::Membership)
                .unwrap_or_else(|| panic!("{text}: {c:?}"));
            assert_eq!(sides(m), (vec!["CHL"], vec!["NATO"]), "{c:?}");
            assert_eq!(m.date.map(|d| d.to_string()).as_deref(), Some("2008"), "{c:?}");
        }
        // (Not across a comma: "since" is then another clause's.)
        let c = x.extract_sentence("Chile, a partner in the talks, has since left them.", None);
        assert!(c.iter().all(|c| c.mode != ClaimKind::Membership), "{c:?}");
    }

    #[test]
    fn a_pronoun_after_a_partnership_is_the_partner_and_a_clause_after_and_keeps_its_date() {
        let x = extractor();
        let c = x.extract(&Article::from_bytes(
            "-",
            b"date: 2023-07-10\n\nChile has been a NATO partner since 2008. It sent engineers to Haiti, and its navy joined an exercise with Peru in May 2022.",
        ));
        let sent = c.iter().find(|c| c.sentence == 1).unwrap_or_else(|| panic!("{c:?}"));
        // "It" is Chile alone, not NATO beside it; May 2022 is the navy's clause's.
        assert_eq!(sides(sent), (vec!["CHL"], vec!["HTI"]), "{c:?}");
        assert_eq!(sent.date, None, "{c:?}");
        // (The knowledge base knows ISAF by how the news describes it too.)
        let c = x.extract_sentence(
            "Chile sent a team to the NATO-led mission in Afghanistan in 2004.",
            None,
        );
        assert_eq!(sides(&c[0]), (vec!["CHL"], vec!["ISAF"]), "{c:?}");
    }

    #[test]
    fn a_reaction_to_a_thing_told_before_is_to_those_who_did_it() {
        let x = extractor();
        let text = |body: &str| format!("title: t\ndate: 2025-06-30\nkind: news\n\n{body}\n");
        let claims = |body: &str| x.extract(&Article::from_bytes("-", text(body).as_bytes()));
        // An agreement welcomed, after it was signed: both signatories, whoever welcomes it, and
        // a welcome of a thing told before is the event, not the thing.
        for body in [
            "Chile and Peru signed a border agreement in Lima on Friday. Brazil welcomed the agreement.",
            "Chile and Peru signed a border agreement in Lima on Friday. Brazil, which had mediated between the two, welcomed the agreement.",
        ] {
            let c = claims(body);
            let last = c.last().unwrap_or_else(|| panic!("{body}: {c:?}"));
            assert_eq!(last.plover, Plover::Support, "{body}: {c:?}");
            assert_eq!(last.mode, ClaimKind::Statement, "{body}: {c:?}");
            assert_eq!(sides(last), (vec!["BRA"], vec!["CHL", "PER"]), "{body}: {c:?}");
        }
        // A noun of saying with no event of its words: the last event told, and who said it.
        let c = claims(
            "Hungary said on Tuesday that Russia would station missiles in Belarus. Warsaw condemned the announcement.",
        );
        let last = c.last().unwrap();
        assert_eq!(last.plover, Plover::Accuse, "{c:?}");
        let (acts, mut recs) = sides(last);
        recs.sort();
        assert_eq!((acts, recs), (vec!["POL"], vec!["HUN", "RUS"]), "{c:?}");
        // Not a thing with a name in it, nor an indefinite one, nor a complement clause.
        for body in [
            "Chile and Peru signed a border agreement in Lima. Brazil criticised a plan to build a wall.",
            "Russia deployed troops to Belarus. Poland denies that it has troops in Belarus.",
        ] {
            let c = claims(body);
            assert!(
                c.iter()
                    .skip(1)
                    .all(|c| !sides(c).1.contains(&"RUS") && !sides(c).1.contains(&"PER")),
                "{body}: {c:?}"
            );
        }
        let c = claims("Uganda and Tanzania held joint exercises on Lake Victoria. Kenya criticised the exercises.");
        let last = c.last().unwrap();
        assert_eq!(
            (last.plover, sides(last)),
            (Plover::Accuse, (vec!["KEN"], vec!["UGA", "TZA"])),
            "{c:?}"
        );
        // With nothing told before that it names, the thing is the event: "hailed the delivery"
        // tells a delivery.
        let c = x.extract_sentence(
            "Officials in Ankara hailed the delivery of the missiles from Russia.",
            None,
        );
        assert!(
            c.iter()
                .any(|c| c.plover == Plover::Aid || c.plover == Plover::Cooperate),
            "{c:?}"
        );
    }

    #[test]
    fn a_capital_a_dissolved_state_shared_is_todays_and_non_names_nothing() {
        let x = extractor();
        for (text, id) in [
            ("Belgrade condemned Albania.", "SRB"),
            ("Moscow condemned Albania.", "RUS"),
            ("Prague condemned Albania.", "CZE"),
        ] {
            let c = x.extract_sentence(text, None);
            assert_eq!(sides(&c[0]), (vec![id], vec!["ALB"]), "{text}: {c:?}");
        }
        let c = x.extract_sentence(
            "Washington designated Kenya a major non-NATO ally and praised Nairobi.",
            None,
        );
        assert!(
            c.iter()
                .all(|c| c.actors.iter().chain(&c.recipients).all(|a| a.id != "NATO")),
            "{c:?}"
        );
    }

    #[test]
    fn a_state_told_by_its_form_of_government_after_the_verb_is_the_counterpart() {
        let x = extractor();
        let c = x.extract(&Article::from_bytes(
            "-",
            b"date: 2025-09-18\n\nSaudi Arabia and Pakistan signed a defence pact on Wednesday. Pakistani soldiers have served in the kingdom since 1982.\n",
        ));
        let last = c.last().expect("claims");
        assert_eq!(sides(last), (vec!["PAK"], vec!["SAU"]), "{c:?}");
    }

    #[test]
    fn a_clause_of_contrast_in_the_present_takes_no_date_from_the_other() {
        let x = extractor();
        let c = x.extract_sentence(
            "Albania and Croatia joined NATO in 2009, while Kosovo is not a member of NATO.",
            None,
        );
        let kosovo = c.iter().find(|c| sides(c).0 == vec!["XKX"]).expect("Kosovo's claim");
        assert_eq!(kosovo.date, None, "{c:?}");
        assert!(c.iter().any(|c| c.date == PartialDate::parse("2009").ok()), "{c:?}");
    }

    #[test]
    fn a_thing_told_before_named_again_as_the_subject_is_no_new_event() {
        let x = extractor();
        let c = x.extract(&Article::from_bytes(
            "-",
            b"date: 2024-06-26\n\nKenya has pledged to deploy the rest of its contingent to Haiti in the coming weeks. The deployment had been held up by a Kenyan High Court ruling in January.\n",
        ));
        assert!(c.iter().all(|c| c.quote.contains("pledged")), "{c:?}");
        // Another event in the clause is its event: "The signing follows the meeting …".
        let c = x.extract(&Article::from_bytes(
            "-",
            b"date: 2024-08-29\n\nAustralia and Indonesia signed a defence agreement in Canberra. The signing follows the Australian Prime Minister's meeting with President Prabowo of Indonesia in Jakarta earlier this month.\n",
        ));
        let last = c.last().expect("claims");
        assert_eq!(last.mode, ClaimKind::Summit, "{c:?}");
        // Told by a verb after it, the event is told again in full: "The pact was signed by …".
        let c = x.extract(&Article::from_bytes(
            "-",
            b"date: 2025-09-18\n\nSaudi Arabia and Pakistan announced a defence pact. The pact was signed by the two leaders in Riyadh on Wednesday.\n",
        ));
        assert!(c.iter().any(|c| c.quote.contains("was signed")), "{c:?}");
        // Not a thing told before.
        let c = x.extract_sentence(
            "The deployment had been held up by a Kenyan court ruling in January.",
            None,
        );
        assert!(!c.is_empty());
    }

    #[test]
    fn a_promise_to_act_is_that_act_to_come() {
        let x = extractor();
        let c = x.extract(&Article::from_bytes(
            "-",
            b"date: 2024-06-26\n\nKenya sent 400 police officers to Haiti on Tuesday. Nairobi has pledged to deploy more troops in the coming weeks.\n",
        ));
        let last = c.last().expect("claims");
        assert_eq!(
            (last.mode, last.plover),
            (ClaimKind::Deployment, Plover::Agree),
            "{c:?}"
        );
        // With a deployment's counterpart.
        assert_eq!(sides(last), (vec!["KEN"], vec!["HTI"]), "{c:?}");
    }

    #[test]
    fn an_opening_phrase_describes_the_subject_after_it_and_its_since_dates_only_itself() {
        let x = extractor();
        let c = x.extract(&Article::from_bytes(
            "-",
            b"date: 2025-06-30\n\nJapan ordered tanks. A member of NATO since 1999, Poland has bought Korean tanks.\nAs the largest member of ASEAN, which it helped to found in 1967, Indonesia has weight.\n",
        ));
        let member = c.iter().find(|c| c.quote.starts_with("A member")).expect("membership");
        assert_eq!(sides(member), (vec!["POL"], vec!["NATO"]), "{c:?}");
        assert_eq!(member.date, PartialDate::parse("1999").ok(), "{c:?}");
        let bought = c.iter().find(|c| c.quote.contains("bought")).expect("purchase");
        assert_eq!(bought.date, None, "{c:?}");
        let asean = c
            .iter()
            .find(|c| c.quote.starts_with("As the largest"))
            .expect("membership");
        assert_eq!(sides(asean).0, vec!["IDN"], "{c:?}");
        // A status cut from its "since" by a bound is read without a panic.
        let c = x.extract_sentence(
            "As a NATO partner since 2005, South Korea sent troops to Afghanistan.",
            None,
        );
        assert!(c.iter().any(|c| sides(c) == (vec!["KOR"], vec!["AFG"])), "{c:?}");
    }

    #[test]
    fn forces_contributed_by_a_list_are_deployed_to_the_last_deployments_counterpart() {
        let x = extractor();
        let c = x.extract(&Article::from_bytes(
            "-",
            b"date: 2025-08-18\n\nKenya first deployed officers to Haiti in June 2024. El Salvador, Guatemala and Jamaica have also contributed troops.\n",
        ));
        let last = c.last().expect("claims");
        assert_eq!(last.mode, ClaimKind::Deployment, "{c:?}");
        assert_eq!(sides(last), (vec!["SLV", "GTM", "JAM"], vec!["HTI"]), "{c:?}");
        // Weapons the agents' dictionary also names stay a delivery.
        let c = x.extract_sentence("Saab delivered four more Gripen E fighters to Brazil last week.", None);
        assert_eq!(c[0].mode, ClaimKind::Delivery, "{c:?}");
    }

    #[test]
    fn a_name_inside_a_seas_name_is_no_party_and_sanctioned_and_rotated_are_events() {
        let x = extractor();
        let c = x.extract_sentence("Japan sent a destroyer to the Gulf of Aden in 2009.", None);
        assert_eq!(sides(&c[0]), (vec!["JPN"], vec![]), "{c:?}");
        let c = x.extract_sentence("China held drills in the South China Sea with Russia in July.", None);
        assert_eq!(sides(&c[0]), (vec!["CHN"], vec!["RUS"]), "{c:?}");
        let c = x.extract_sentence("Britain sanctioned six Iranian officials on Wednesday.", None);
        assert_eq!(
            (sides(&c[0]), c[0].plover),
            ((vec!["GBR"], vec!["IRN"]), Plover::Sanction),
            "{c:?}"
        );
        let c = x.extract_sentence("The US Army rotated an armoured brigade into Poland in February.", None);
        assert_eq!(
            (sides(&c[0]), c[0].mode),
            ((vec!["USA"], vec!["POL"]), ClaimKind::Deployment),
            "{c:?}"
        );
    }

    #[test]
    fn a_name_in_a_clause_about_the_counterpart_is_no_second_counterpart() {
        let x = extractor();
        for (text, to) in [
            (
                "Washington imposed sanctions on three Chinese firms accused of supplying drones to Moscow.",
                "CHN",
            ),
            (
                "Washington warned China against supplying weapons to Russia in March.",
                "CHN",
            ),
            ("The United States accused Iran of arming Hezbollah in March.", "IRN"),
            (
                "Canberra criticised Beijing over ships that entered Philippine waters.",
                "CHN",
            ),
        ] {
            let c = x.extract_sentence(text, None);
            assert_eq!(c.first().map(|c| sides(c).1), Some(vec![to]), "{text}: {c:?}");
        }
        // A list is one counterpart after another.
        let c = x.extract_sentence("Korea sold howitzers to Poland, Norway and Estonia.", None);
        assert_eq!(sides(&c[0]).1, vec!["POL", "NOR", "EST"], "{c:?}");
    }

    #[test]
    fn what_is_received_from_a_party_is_delivered_by_it() {
        let x = extractor();
        for text in [
            "Greece received its first F-35 from the United States in March.",
            "Greece took delivery of its first helicopters from the United States in March.",
        ] {
            let c = x.extract_sentence(text, None);
            assert_eq!(c.first().map(sides), Some((vec!["USA"], vec!["GRC"])), "{text}: {c:?}");
        }
        // Delivered to a party, it is the party's.
        let c = x.extract_sentence("The United States delivered F-35 fighters to Greece in March.", None);
        assert_eq!(c.first().map(sides), Some((vec!["USA"], vec!["GRC"])), "{c:?}");
    }

    #[test]
    fn names_next_to_wide_characters_or_inside_a_trigger_are_read_without_a_panic() {
        let x = extractor();
        for text in [
            "The news that Japan\u{2013}Korea talks had resumed surprised Beijing.",
            "Berlin rejected the accusation that Russia\u{2013}backed hackers attacked.",
            "Ankara said that Japan\u{a0}met Kishida.",
        ] {
            let _ = x.extract_sentence(text, None);
        }
        // A name inside the words of a trigger ("Partner since"), told before as a name.
        let c = x.extract(&Article::from_bytes(
            "-",
            "date: 2025-06-30\n\nAmerican troops, Eagle Partner, and 2023. Partner since 2014.\nAustralian Minister Partnership Programme until 2030. Partnership Programme members met.\n".as_bytes(),
        ));
        assert!(c.iter().all(|c| !c.quote.is_empty()));
    }

    #[test]
    fn a_protest_made_to_a_party_is_a_complaint_to_it() {
        let x = extractor();
        let c = x.extract_sentence("Tokyo protested to Beijing over the incursion.", None);
        assert_eq!(
            c.first().map(|c| (sides(c), c.plover)),
            Some(((vec!["JPN"], vec!["CHN"]), Plover::Accuse)),
            "{c:?}"
        );
    }

    #[test]
    fn what_is_done_to_the_subject_from_a_party_is_the_partys_act() {
        let x = extractor();
        for (text, who) in [
            (
                "Two Russian diplomats were expelled from Poland on Friday.",
                (vec!["POL"], vec!["RUS"]),
            ),
            (
                "Niger was suspended from the African Union in July.",
                (vec!["AU"], vec!["NER"]),
            ),
        ] {
            let c = x.extract_sentence(text, None);
            assert_eq!(c.first().map(sides), Some(who), "{text}: {c:?}");
        }
        // Not an order: what is ordered "from" a party is bought from it.
        let c = x.extract_sentence("Twelve K9 howitzers were ordered from Hanwha by Estonia in 2018.", None);
        assert_eq!(c.first().map(sides), Some((vec!["EST"], vec!["KOR"])), "{c:?}");
    }

    #[test]
    fn an_attack_on_a_capital_is_on_its_state() {
        let x = extractor();
        let c = x.extract_sentence("Russia fired drones at Kyiv on Monday.", None);
        assert_eq!(c.first().map(sides), Some((vec!["RUS"], vec!["UKR"])), "{c:?}");
    }

    #[test]
    fn going_to_a_capital_is_visiting_its_state() {
        let x = extractor();
        for text in ["Yoon travelled to Tokyo in March.", "Yoon went to Tokyo in March."] {
            let c = x.extract_sentence(text, None);
            assert_eq!(sides(&c[0]), (vec!["KOR"], vec!["JPN"]), "{text}: {c:?}");
            assert_eq!(c[0].mode, ClaimKind::Visit, "{text}: {c:?}");
        }
        // Gone to before the noun that tells the visit.
        let c = x.extract_sentence(
            "Yoon then travelled to Tokyo, the first such visit by a South Korean president in twelve years.",
            None,
        );
        assert_eq!(sides(&c[0]), (vec!["KOR"], vec!["JPN"]), "{c:?}");
    }

    #[test]
    fn where_a_meeting_is_held_is_no_party_to_it() {
        let x = extractor();
        let c = x.extract_sentence("The leaders of Guyana and Venezuela met in Brazil on Monday.", None);
        assert_eq!(sides(&c[0]), (vec!["GUY", "VEN"], vec![]), "{c:?}");
        // (A deployment's place is where it goes.)
        let c = x.extract_sentence("Germany stationed a brigade in Lithuania in 2024.", None);
        assert_eq!(sides(&c[0]), (vec!["DEU"], vec!["LTU"]), "{c:?}");
    }

    #[test]
    fn a_request_is_the_event_whatever_it_asks_for() {
        let x = extractor();
        for (text, to) in [
            ("Niger demanded the withdrawal of French troops.", "FRA"),
            ("Mali demanded that France withdraw its troops.", "FRA"),
            ("Iran asked that Iraq expel the militants.", "IRQ"),
            ("Ukraine urged Germany to send more air defence systems.", "DEU"),
        ] {
            let c = x.extract_sentence(text, None);
            assert_eq!(c.len(), 1, "{text}: {c:?}");
            assert_eq!(c[0].plover, Plover::Request, "{text}: {c:?}");
            assert_eq!(sides(&c[0]).1, vec![to], "{text}: {c:?}");
        }
    }

    #[test]
    fn a_summing_up_noun_with_a_relative_clause_of_its_own_is_a_claim_of_its_own() {
        let x = extractor();
        let c = x.extract_sentence(
            "Azerbaijan accused Armenian forces of firing on its positions, a charge Yerevan denied.",
            None,
        );
        let reject = c.iter().find(|c| c.plover == Plover::Reject).expect("a denial");
        assert_eq!(sides(reject), (vec!["ARM"], vec!["AZE"]), "{c:?}");
        assert!(
            c.iter()
                .any(|c| c.plover == Plover::Accuse && sides(c).0 == vec!["AZE"]),
            "{c:?}"
        );
        // (Not an apposition with no verb of its own after the name.)
        let c = x.extract_sentence(
            "Japan signed a deal with Australia, a close partner of Tokyo since 2007.",
            None,
        );
        assert!(c.iter().all(|c| c.plover != Plover::Reject), "{c:?}");
    }

    #[test]
    fn a_main_clause_resumed_after_a_relative_clause_keeps_its_subject_without_a_party() {
        let x = extractor();
        let c = x.extract_sentence("Qatar, which is a close ally of them, condemned the coup.", None);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(
            (c[0].plover, sides(&c[0])),
            (Plover::Accuse, (vec!["QAT"], vec![])),
            "{c:?}"
        );
        // Not a noun after another verb: "said the meeting was …" tells no meeting.
        let c = x.extract_sentence(
            "Biden, who had invited both leaders to Washington, said the meeting was about more than any single threat.",
            None,
        );
        assert!(c.iter().all(|c| c.mode != ClaimKind::Summit), "{c:?}");
    }

    #[test]
    fn an_agent_written_with_a_preposition_needs_the_name_after_it() {
        let x = extractor();
        let c = x.extract_sentence("The African Union sent observers in November to Congo.", None);
        assert!(c.iter().all(|c| c.recipients.iter().all(|r| r.id != "IGO")), "{c:?}");
        let c = x.extract_sentence("Germany recalled its ambassador to Russia.", None);
        assert_eq!(sides(&c[0]), (vec!["DEU"], vec!["RUS"]), "{c:?}");
    }

    #[test]
    fn a_closing_attribution_names_no_party_to_the_event() {
        let x = extractor();
        for text in [
            "Chile sent engineers to Haiti on Tuesday, a UN official said.",
            "Chile sent engineers to Haiti on Tuesday, the United Nations confirmed on Wednesday.",
            "Chile sent engineers to Haiti in 2004, according to the United Nations.",
        ] {
            let c = x.extract_sentence(text, None);
            assert_eq!(c.len(), 1, "{text}: {c:?}");
            assert_eq!(sides(&c[0]), (vec!["CHL"], vec!["HTI"]), "{text}: {c:?}");
        }
    }

    #[test]
    fn the_main_clause_after_a_relative_clause_with_no_event_has_its_antecedent_for_subject() {
        let x = extractor();
        let c = x.extract_sentence(
            "Chile, which shares a long border with Peru, deployed troops along its northern frontier.",
            None,
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(ids(&c[0].actors), ["CHL"], "{c:?}");
    }

    #[test]
    fn an_object_pronoun_after_a_verb_done_to_a_party_is_the_subject_named_before() {
        let x = extractor();
        let c = x.extract(&Article::from_bytes(
            "-",
            b"date: 2024-09-04\n\nChile signed a trade pact with Bolivia. Peru accused it of undermining the regional market.",
        ));
        let accuse = c
            .iter()
            .find(|c| c.plover == Plover::Accuse)
            .unwrap_or_else(|| panic!("{c:?}"));
        assert_eq!(sides(accuse), (vec!["PER"], vec!["CHL"]), "{c:?}");
    }

    #[test]
    fn a_clause_that_does_not_hold_the_trigger_keeps_its_dates_and_lends_none() {
        let x = extractor();
        let c = x.extract(&Article::from_bytes(
            "-",
            b"date: 2025-05-28\n\nRelations warmed in July 2017, when Chile's president became the first of them to visit Peru; Peru's president returned the visit the following January.",
        ));
        let dates: Vec<Option<String>> = c.iter().map(|c| c.date.map(|d| d.to_string())).collect();
        assert_eq!(
            dates,
            [Some("2017-07".to_string()), Some("2018-01".to_string())],
            "{c:?}"
        );
    }

    #[test]
    fn an_event_noun_a_few_words_into_a_phrase_of_time_is_background() {
        let x = extractor();
        let c = x.extract_sentence(
            "Gunmen shot dead a mayor in Peru on Friday, two days before the general election.",
            None,
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].plover, Plover::Assault, "{c:?}");
    }

    #[test]
    fn what_a_document_provides_is_no_event() {
        let x = extractor();
        let c = x.extract_sentence(
            "The agreement commits each country to come to the other's aid should its territory be attacked.",
            None,
        );
        assert!(c.is_empty(), "{c:?}");
        // Nor after "It", but a clause after a strong break is told again.
        let c = x.extract_sentence(
            "It allows Chinese ships to stop in the islands, but Australia sent troops to Honiara in 2021.",
            None,
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(sides(&c[0]), (vec!["AUS"], vec!["SLB"]), "{c:?}");
    }

    #[test]
    fn a_relative_clause_ending_the_sentence_keeps_its_date() {
        let x = extractor();
        let c = x.extract_sentence(
            "Greece signed a defence pact with France, which it had long sought as a partner since 2019.",
            None,
        );
        assert_eq!(c[0].date, None, "{c:?}");
        assert_eq!(c[1].date.map(|d| d.to_string()).as_deref(), Some("2019"), "{c:?}");
    }

    #[test]
    fn seats_of_government_and_sending_name_their_state_and_event() {
        let x = extractor();
        let c = x.extract_sentence(
            "The State Department cleared the sale of 40 F-16 fighters to Turkey.",
            None,
        );
        assert_eq!(ids(&c[0].actors), ["USA"], "{c:?}");
        // (Who is sent is no counterpart: the place is.)
        let c = x.extract_sentence("Canberra sent its minister to Honiara.", None);
        assert_eq!(sides(&c[0]), (vec!["AUS"], vec!["SLB"]), "{c:?}");
        let c = x.extract_sentence("Britain will send more tanks to Ukraine.", None);
        assert_eq!(
            (c[0].mode, sides(&c[0])),
            (ClaimKind::Delivery, (vec!["GBR"], vec!["UKR"])),
            "{c:?}"
        );
        // A seat of government that is not the capital stands for its state as a capital does,
        // and is a place as one is.
        let c = x.extract_sentence("Colombo asked Beijing to defer the visit.", None);
        assert_eq!(sides(&c[0]), (vec!["LKA"], vec!["CHN"]), "{c:?}");
        let c = x.extract_sentence("India handed Colombo a surveillance aircraft in The Hague.", None);
        assert_eq!(sides(&c[0]), (vec!["IND"], vec!["LKA"]), "{c:?}");
    }

    #[test]
    fn a_legislature_approving_ratifies() {
        let x = extractor();
        let c = x.extract_sentence("The Greek parliament approved the pact with France.", None);
        assert_eq!(c[0].mode, ClaimKind::Ratification, "{c:?}");
        assert_eq!(ids(&c[0].actors), ["GRC"], "{c:?}");
    }

    #[test]
    fn one_joins_a_body_not_people() {
        let x = extractor();
        let kinds = |s: &str| -> Vec<ClaimKind> { x.extract_sentence(s, None).iter().map(|c| c.mode).collect() };
        assert!(
            !kinds("Australia's prime minister joined Joe Biden and Rishi Sunak by video link.")
                .contains(&ClaimKind::Accession)
        );
        assert_eq!(kinds("Finland joined NATO in April 2023."), [ClaimKind::Accession]);
    }

    /// A non-state armed group in the data stands for the state CAMEO codes it to (its parent),
    /// as the dictionary's rebels do (Hezbollah is LBNREB).
    #[test]
    fn an_armed_group_stands_for_the_state_it_is_coded_to() {
        let x = extractor();
        let c = x.extract_sentence("The Houthis attacked a British ship in the Red Sea.", None);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(sides(&c[0]), (vec!["YEM"], vec!["GBR"]), "{c:?}");
        let c = x.extract_sentence("Kataib Hezbollah fired rockets at a US base.", None);
        assert_eq!(ids(&c[0].actors), ["IRQ"], "{c:?}");
    }

    #[test]
    fn a_body_that_admits_a_state_is_what_the_state_joins() {
        let x = extractor();
        for s in [
            "NATO admitted Finland in April 2023.",
            "Finland was admitted to NATO in April 2023.",
            "Finland joined NATO in April 2023.",
        ] {
            let c = x.extract_sentence(s, None);
            assert_eq!(c.len(), 1, "{s}: {c:?}");
            assert_eq!(c[0].mode, ClaimKind::Accession, "{s}: {c:?}");
            assert_eq!(
                (ids(&c[0].actors), ids(&c[0].recipients)),
                (vec!["FIN"], vec!["NATO"]),
                "{s}: {c:?}"
            );
        }
    }

    /// A company's name that begins with a demonym ("Korean Air") but is written here in
    /// lower case is no mention of the company, and the demonym it begins with still names its
    /// state ("Korean air defence systems", "Finnish tanks" beside a company "Finnish Tanks").
    #[test]
    fn a_longer_name_not_written_as_one_leaves_the_demonym_it_begins_with() {
        let extra = "[[source]]\nid = \"t-src\"\nurl = \"https://example.org/t\"\npublisher = \"Example\"\n\n\
            [[actor]]\nid = \"finnish-tanks\"\nkind = \"company\"\nname = \"Finnish Tanks Oy\"\n\
            short_name = \"Finnish Tanks\"\nparent = \"FIN\"\nsources = [\"t-src\"]\n";
        let kb = shipped_and(extra);
        let x = Extractor::new(&kb);
        let parties = |s: &str| parties_of(&x, s);
        assert_eq!(parties("Japan ordered Finnish tanks in 2023."), ["JPN", "FIN"]);
        assert_eq!(
            parties("Japan ordered tanks from Finnish Tanks in 2023."),
            ["JPN", "FIN"]
        );
        // And with the shipped airline.
        assert_eq!(
            parties("Saudi Arabia bought Korean air defence systems in 2024."),
            ["SAU", "KOR"]
        );
    }

    /// A word of a date is the date's: no verb ("March") and no word of a verb's pattern ("held
    /// a march" is a demonstration).
    #[test]
    fn a_word_of_a_date_is_neither_a_verb_nor_a_word_of_a_pattern() {
        let x = extractor();
        let published = PartialDate::parse("2024-06-26").ok();
        let c = x.extract_sentence("India and the United States held joint drills in March.", published);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!((c[0].mode, c[0].plover), (ClaimKind::Exercise, Plover::Cooperate));
        assert_eq!(c[0].date, PartialDate::parse("2024-03").ok());
    }

    /// Forces arriving are a deployment, of a deployment's type: no visit ("arrived in").
    #[test]
    fn forces_arriving_somewhere_are_a_deployment_and_no_visit() {
        let x = extractor();
        let published = PartialDate::parse("2024-06-26").ok();
        let c = x.extract_sentence(
            "A contingent of 300 Kenyan police officers arrived in Nairobi on Friday to lead a patrol.",
            published,
        );
        assert!(!c.is_empty());
        assert!(
            c.iter()
                .all(|c| c.mode == ClaimKind::Deployment && c.plover != Plover::Consult),
            "{c:?}"
        );
        // Landing somewhere is arriving there.
        let c = x.extract_sentence(
            "A further 200 Kenyan police officers landed in Nairobi on Saturday.",
            published,
        );
        assert_eq!(
            c.iter().map(|c| c.mode).collect::<Vec<_>>(),
            [ClaimKind::Deployment],
            "{c:?}"
        );
    }

    /// The antecedent of a relative clause that ends a list is the list, in the relative clause
    /// and in the main clause resumed after it.
    #[test]
    fn a_relative_clause_after_a_list_is_about_the_whole_list() {
        let x = extractor();
        let published = PartialDate::parse("2024-05-05").ok();
        let actors = |s: &str| -> Vec<Vec<String>> {
            x.extract_sentence(s, published)
                .iter()
                .map(|c| c.actors.iter().map(|a| a.id.clone()).collect())
                .collect()
        };
        assert_eq!(
            actors("Mali, Burkina Faso and Niger, which expelled French troops, signed a pact with Russia."),
            [["MLI", "BFA", "NER"], ["MLI", "BFA", "NER"]]
        );
        // Also where the main clause after it was split off at its comma already.
        assert_eq!(
            actors("Japan and Australia, which signed a pact in 2022, held talks on Monday."),
            [["JPN", "AUS"], ["JPN", "AUS"]]
        );
        // And where the main clause goes on with an auxiliary and an adverb.
        let c = x.extract_sentence(
            "Mali, which expelled French troops in 2022, has since signed a treaty with Russia.",
            published,
        );
        assert_eq!(c.len(), 2, "{c:?}");
        assert_eq!((ids(&c[1].actors), ids(&c[1].recipients)), (vec!["MLI"], vec!["RUS"]));
    }

    /// A state's combining form in a compound ("Franco-Italian", "Sino-Russian") names it as its
    /// demonym does; "Indo-Pacific" is a region and a surname ("Franco") no form.
    #[test]
    fn a_combining_form_names_its_state() {
        let x = extractor();
        let parties = |s: &str| parties_of(x, s);
        assert_eq!(
            parties("The Franco-Italian consortium Eurosam delivered radars to Denmark."),
            ["FRA", "ITA", "DNK"]
        );
        assert_eq!(parties("The Sino-Russian exercise began on Monday."), ["CHN", "RUS"]);
        assert!(!parties("Japan published its Indo-Pacific strategy.").contains(&"IND".to_string()));
        assert!(!parties("General Franco-style rule ended in Spain.").contains(&"FRA".to_string()));
    }

    /// A state told by the form of its government ("the kingdom") is the one named lately whose
    /// official name has that word; the others of a joint subject carried are its partners.
    /// Where more than one fits, the subject carried stays as it was.
    #[test]
    fn the_kingdom_is_the_state_named_lately_that_is_one() {
        let x = extractor();
        let sides = |text: &str| -> Vec<(Vec<String>, Vec<String>)> {
            let text = format!("date: 2025-07-10\n\n{text}");
            x.extract(&Article::from_bytes("-", text.as_bytes()))
                .iter()
                .map(|c| {
                    let ids = |v: &[ClaimActor]| v.iter().map(|a| a.id.clone()).collect::<Vec<_>>();
                    (ids(&c.actors), ids(&c.recipients))
                })
                .collect()
        };
        let c = sides(
            "Saudi Arabia and the United States signed defence agreements in May. \
             The kingdom will receive Apache helicopters from 2027.",
        );
        assert_eq!(c.len(), 2, "{c:?}");
        // (What the kingdom receives comes from its counterpart.)
        assert_eq!(c[1], (vec!["USA".to_string()], vec!["SAU".to_string()]));
        let c = sides("France and Germany signed a treaty in 2019. The republic also bought 20 tanks in 2020.");
        assert_eq!(c.last().map(|c| c.0.len()), Some(2), "{c:?}");
    }

    /// What someone said a thing did is no event of theirs; what they said they or their own did,
    /// a passive, or a second verb of their own still is.
    #[test]
    fn what_a_speaker_said_a_thing_did_is_no_event_of_theirs() {
        let n = claims_in;
        assert_eq!(n("Poland said the move violated the treaty."), 0);
        assert_eq!(n("Poland said the deployment threatened Europe."), 0);
        assert_eq!(n("Poland said that the decision would harm ties with Russia."), 0);
        assert_eq!(n("Sudan's army said its forces had withdrawn from Wad Madani."), 1);
        assert_eq!(n("Seoul said the contract was signed on Monday."), 1);
        assert_eq!(n("Poland said it would sign the deal with Korea."), 1);
        assert_eq!(
            n("The Kremlin confirmed the plan and accused NATO of massing troops."),
            1
        );
    }

    /// In a passive, the subject is the verb's object for the dictionary's patterns: "the
    /// proposal was rejected by Russia" reads as "Russia rejected the proposal".
    #[test]
    fn a_passive_reads_its_subject_as_the_verbs_object() {
        let x = extractor();
        let c = x.extract_sentence("The proposal was rejected by Russia and China.", None);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].plover, Plover::Reject);
        assert_eq!(ids(&c[0].actors), ["RUS", "CHN"]);
    }

    /// An infinitive that is a phrase of the trigger table ("to station") is what the verb
    /// before it asks for, as any other infinitive is.
    #[test]
    fn a_request_to_station_forces_is_a_request() {
        let x = extractor();
        let c = x.extract_sentence(
            "Estonia and Latvia asked NATO last week to station more Patriot batteries.",
            None,
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!((c[0].plover, ids(&c[0].recipients)), (Plover::Request, vec!["NATO"]));
        // Alone, it is the deployment.
        let c = x.extract_sentence("Germany plans to station a brigade in Lithuania.", None);
        assert_eq!(c[0].mode, ClaimKind::Deployment, "{c:?}");
    }

    /// What a subject denies it did is no claim that it did it (the denial is a rejection of its
    /// own).
    #[test]
    fn what_is_denied_is_not_asserted() {
        let x = extractor();
        for s in [
            "Iran denied sending missiles to Russia.",
            "Tehran denied that it had sent missiles to Russia.",
        ] {
            let c = x.extract_sentence(s, None);
            assert_eq!(c.len(), 1, "{s}: {c:?}");
            assert_eq!(
                (c[0].plover, ids(&c[0].actors)),
                (Plover::Reject, vec!["IRN"]),
                "{s}: {c:?}"
            );
        }
        assert_eq!(claims_in("Iran sent missiles to Russia."), 1);
    }

    /// A visit told by a noun inside another clause's event is a claim of its own, dated by the
    /// date after its place; a clause whose event is the visit gives it once.
    #[test]
    fn a_visit_told_by_a_noun_inside_another_event_is_a_claim_too() {
        let x = extractor();
        let published = PartialDate::parse("2025-07-10").ok();
        let c = x.extract_sentence(
            "Saudi Arabia and the United States signed defence agreements during President Donald Trump's visit to Riyadh in May.",
            published,
        );
        assert_eq!(c.len(), 2, "{c:?}");
        assert_eq!((c[1].mode, c[1].plover), (ClaimKind::Visit, Plover::Consult));
        assert_eq!((ids(&c[1].actors), ids(&c[1].recipients)), (vec!["USA"], vec!["SAU"]));
        assert_eq!(c[1].date, PartialDate::parse("2025-05").ok());
        let c = x.extract_sentence(
            "The deal was announced during Modi's visit to Washington in June 2023.",
            published,
        );
        assert_eq!(c.iter().filter(|c| c.mode == ClaimKind::Visit).count(), 1, "{c:?}");
        // Its visitor named after it by "by": to the place after the noun, else to the other
        // side of the clause's event; or after "of", the place after "to" ("the state visit of
        // President Joko Widodo to Vietnam").
        for (sentence, visitor, host, date) in [
            (
                "Serbia ordered 12 Rafale jets from France during a visit to Belgrade by President Emmanuel Macron in August 2024.",
                "FRA",
                "SRB",
                "2024-08",
            ),
            (
                "Jakarta signed for 42 Rafale jets from France in February 2022 during a visit by the French defence minister.",
                "FRA",
                "IDN",
                "2022-02",
            ),
            (
                "The deal was signed during the state visit of President Joko Widodo to Vietnam in January 2023.",
                "IDN",
                "VNM",
                "2023-01",
            ),
        ] {
            let c = x.extract_sentence(sentence, published);
            let visit = c.iter().find(|c| c.mode == ClaimKind::Visit).expect("a visit");
            assert_eq!(
                (ids(&visit.actors), ids(&visit.recipients)),
                (vec![visitor], vec![host]),
                "{c:?}"
            );
            assert_eq!(visit.date, PartialDate::parse(date).ok());
        }
        // (Not a visit whose visitor is not named after "by", nor one to no place named.)
        let c = x.extract_sentence("Jakarta signed for 42 jets during a visit by officials.", published);
        assert!(c.iter().all(|c| c.mode != ClaimKind::Visit), "{c:?}");
        let c = x.extract_sentence(
            "The deal was signed during the visit of President Joko Widodo.",
            published,
        );
        assert!(c.iter().all(|c| c.mode != ClaimKind::Visit), "{c:?}");
    }

    #[test]
    fn an_alliance_written_in_lower_case_is_not_nato() {
        let x = extractor();
        let who = |s: &str| -> Vec<String> {
            x.extract_sentence(s, None)
                .iter()
                .flat_map(|c| c.actors.iter().map(|a| a.id.clone()))
                .collect()
        };
        assert_eq!(who("The Allies held an exercise in Estonia on Monday."), ["NATO"]);
        assert_eq!(who("The Alliance held an exercise in Estonia on Monday."), ["NATO"]);
        assert!(!who("The allies held an exercise in Korea on Monday.").contains(&"NATO".to_string()));
        assert!(!who("The alliance held an exercise in Korea on Monday.").contains(&"NATO".to_string()));
    }

    #[test]
    fn a_list_of_names_is_not_cut_at_its_commas() {
        let x = extractor();
        // "attack submarine" gives the stretch before the list a trigger of its own.
        let c = x.extract_sentence(
            "Standing beside an attack submarine in San Diego, the leaders of the United States, Australia and the United Kingdom met on Monday.",
            None,
        );
        let summit = c.iter().find(|c| c.mode == ClaimKind::Summit).expect("the meeting");
        assert_eq!(sides(summit).0, ["USA", "AUS", "GBR"], "{c:?}");
        // (… and "attack", naming the submarine's role, is no attack.)
        assert!(c.iter().all(|c| c.mode != ClaimKind::Attack), "{c:?}");
        // … while a verb before its object is one.
        let c = x.extract_sentence("Ukrainian drones attacked tanks near Belgorod on Monday.", None);
        assert!(c.iter().any(|c| c.plover == Plover::Assault), "{c:?}");
    }

    #[test]
    fn a_state_after_the_place_it_locates_is_a_place() {
        let x = extractor();
        let c = x.extract_sentence(
            "NATO and South Korea adopted a partnership programme at the summit in Vilnius, Lithuania, in July 2023.",
            None,
        );
        assert_eq!(sides(&c[0]), (vec!["NATO", "KOR"], vec![]), "{c:?}");
        let c = x.extract_sentence("MORĄG, Poland — Hanwha signed a contract with Estonia in 2023.", None);
        assert_eq!(sides(&c[0]), (vec!["KOR"], vec!["EST"]), "{c:?}");
        // A list of states is not a place and its state.
        let c = x.extract_sentence("Leaders met in Japan, Korea and Australia in 2023.", None);
        assert!(c.iter().any(|c| ids(&c.recipients).contains(&"KOR")), "{c:?}");
    }

    #[test]
    fn forces_in_an_operation_serve_in_a_country_not_with_it() {
        let x = extractor();
        let c = x.extract_sentence("New Zealand served with NATO-led forces in Bosnia in 1996.", None);
        assert_eq!(sides(&c[0]), (vec!["NZL"], vec!["NATO"]), "{c:?}");
        // Without an operation or organisation named, the country is the counterpart.
        let c = x.extract_sentence("New Zealand deployed troops in Bosnia in 1996.", None);
        assert!(ids(&c[0].recipients).contains(&"BIH"), "{c:?}");
    }

    #[test]
    fn ranges_and_operations() {
        let x = extractor();
        let c = x.extract_sentence("South Korean units served in ISAF between 2002 and 2007.", None);
        assert_eq!(ids(&c[0].actors), ["KOR"]);
        assert_eq!(ids(&c[0].recipients), ["ISAF"]);
        assert_eq!(c[0].mode, ClaimKind::Deployment);
        assert_eq!(
            (c[0].date.unwrap().to_string(), c[0].date_end.unwrap().to_string()),
            ("2002".into(), "2007".into())
        );
    }

    #[test]
    fn counts_and_denials_follow_general_rules() {
        assert!(counts_things(&["armoured", "ambulances"]));
        assert!(counts_things(&["aircraft"]));
        assert!(!counts_things(&["years", "of", "talks"]));
        assert!(!counts_things(&["billion", "dollars"]));
        let x = extractor();
        let c = x.extract_sentence("Poland signed no Brazilian contract for frigates.", None);
        assert_eq!(c[0].modality, Modality::Negated, "{c:?}");
        let c = x.extract_sentence("Finland no doubt joined NATO in April 2023.", None);
        assert_eq!(c[0].modality, Modality::Asserted, "{c:?}");
        let c = x.extract_sentence("Romania ordered 54 tracked guns.", None);
        assert_eq!((c[0].quantity, c[0].system.as_deref()), (Some(54), None), "{c:?}");
        let c = x.extract_sentence("Romania ordered 54 ZX-77B.", None);
        assert_eq!(
            (c[0].quantity, c[0].system.as_deref()),
            (Some(54), Some("ZX-77B")),
            "{c:?}"
        );
    }

    #[test]
    fn a_state_name_that_is_also_a_word_or_a_given_name_needs_context() {
        let x = extractor();
        let ids_in = |s: &str| -> Vec<String> {
            x.lexicon
                .actors(s, None, None)
                .into_iter()
                .filter(|m| m.entry.agent.is_none())
                .map(|m| m.entry.acts_for)
                .collect()
        };
        assert_eq!(ids_in("Turkey ordered howitzers."), ["TUR"]);
        assert!(ids_in("They roasted a turkey and ordered howitzers.").is_empty());
        assert_eq!(
            ids_in("Columnist Turkey Williams wrote that Poland joined NATO."),
            ["POL", "NATO"]
        );
        assert_eq!(ids_in("Poland and Turkey signed."), ["POL", "TUR"]);
        assert_eq!(ids_in("US President Harwell met them."), ["USA"]);
        // Capitals come from the knowledge base, with the same care for people's names.
        assert_eq!(ids_in("Ottawa signed the accord."), ["CAN"]);
        assert_eq!(ids_in("Washington objected."), ["USA"]);
        assert!(ids_in("A portrait of George Washington hangs there.").is_empty());
        // So do the dictionaries' one-word names of persons: the Phoenix "Hassan" is Jordan's
        // prince, not the first word of another man's name.
        assert_eq!(ids_in("Hassan met the envoy on Monday."), ["JOR"]);
        assert!(ids_in("The envoy met Hassan Abdi Warsame on Monday.").is_empty());
        // And a company's one-word name ("Saab" is Sweden's, "Alex Saab" nobody's here).
        assert_eq!(ids_in("Saab delivered the radars."), ["SWE"]);
        assert!(ids_in("The court freed Alex Saab on Monday.").is_empty());
        // A state's name before an agent's capitalised name is that agent's state.
        assert_eq!(ids_in("The China Coast Guard fired water cannon."), ["CHN"]);
        assert!(ids_in("Jordan Peterson spoke on Monday.").is_empty());
    }

    fn codes(v: &[ClaimActor]) -> Vec<&str> {
        v.iter().map(|a| a.code.as_str()).collect()
    }

    #[test]
    fn general_news_actors_come_from_the_phoenix_dictionaries() {
        let x = extractor();
        // A generic agent belongs to the state written beside it, or stands alone.
        let c = x.extract_sentence("Kenyan police arrested dozens of protesters in Nairobi.", None);
        assert_eq!(
            (c[0].plover, codes(&c[0].actors), codes(&c[0].recipients)),
            (Plover::Coerce, vec!["KEN"], vec!["OPP"]),
            "{c:?}"
        );
        assert_eq!(c[0].actors[0].text, "Kenyan police");
        let c = x.extract_sentence("Police arrested dozens of protesters.", None);
        assert_eq!(
            (codes(&c[0].actors), c[0].actors[0].name.as_str()),
            (vec!["COP"], "police"),
            "{c:?}"
        );
        // Organisations the knowledge base does not hold keep the dictionary's code and name.
        let c = x.extract_sentence("Amnesty International accused Egypt of torturing detainees.", None);
        assert_eq!(
            (c[0].plover, c[0].actors[0].name.as_str(), codes(&c[0].recipients)),
            (Plover::Accuse, "Amnesty International", vec!["EGY"]),
            "{c:?}"
        );
        // An officeholder counts for the state whose office they hold on the day.
        let c = x.extract_sentence(
            "Putin met Erdogan in Sochi.",
            Some(PartialDate::parse("2023-05-01").unwrap()),
        );
        assert_eq!(
            (codes(&c[0].actors), codes(&c[0].recipients)),
            (vec!["RUS"], vec!["TUR"]),
            "{c:?}"
        );
        // A named actor fills a role before a generic noun does ("battle tanks" are no actor).
        let c = x.extract_sentence("Poland took delivery of ten K2 battle tanks from South Korea.", None);
        assert!(
            c[0].actors.iter().chain(&c[0].recipients).all(|a| a.code != "MIL"),
            "{c:?}"
        );
        // In an arms deal the military nouns after the verb are the goods; the counterpart is
        // the actor named after them, past a list that splits the clause (here the supplier).
        let c = x.extract_sentence(
            "Hungary took delivery on Monday of its first twenty main battle tanks and twelve self-propelled howitzers from Germany, unloaded at a northern port.",
            None,
        );
        assert_eq!(
            (codes(&c[0].actors), codes(&c[0].recipients)),
            (vec!["DEU"], vec!["HUN"]),
            "{c:?}"
        );
        // A deal that names its system but not its supplier is with the system's maker, when
        // the recorded transfers of the system agree on one (every K9 comes from the ROK).
        let c = x.extract_sentence("Latvia ordered 18 K9 howitzers last year.", None);
        assert_eq!(
            (codes(&c[0].actors), codes(&c[0].recipients)),
            (vec!["LVA"], vec!["KOR"]),
            "{c:?}"
        );
        // A relative clause set off by commas is a clause of its own, about the actor named
        // before it, and its date is its own; the main clause goes on after it.
        let c = x.extract_sentence(
            "Croatia, which joined NATO in 2009, signed a contract with France in 2021 for twelve Rafale fighters.",
            None,
        );
        let seen: Vec<(Vec<&str>, Vec<&str>, Option<String>)> = c
            .iter()
            .map(|c| (codes(&c.actors), codes(&c.recipients), c.date.map(|d| d.to_string())))
            .collect();
        assert!(
            seen.contains(&(vec!["HRV"], vec!["NATO"], Some("2009".into()))),
            "{seen:?}"
        );
        assert!(
            seen.contains(&(vec!["HRV"], vec!["FRA"], Some("2021".into()))),
            "{seen:?}"
        );
        // A ratification that names one party is of the treaty said before, with its parties.
        let a = Article::from_bytes(
            "-",
            b"Armenia and Iran signed a treaty on border security in May 2021. Armenia ratified the treaty in March 2022.",
        );
        let c = x.extract(&a);
        let r = c
            .iter()
            .find(|c| c.mode == ClaimKind::Ratification)
            .expect("the ratification");
        assert_eq!(
            (codes(&r.actors), codes(&r.recipients)),
            (vec!["ARM"], vec!["IRN"]),
            "{c:?}"
        );
        // A counterpart the text implies: the other of the two actors it is about; a generic
        // agent standing where the counterpart should be gives way to it too.
        let pair_of = |last: &str| {
            let text = format!(
                "Chile and Brazil discussed closer defence ties on Monday. Chile praised Brazil for its help \
                 after the floods. Brazil opened a new training centre last year. {last}"
            );
            let c = x.extract(&Article::from_bytes("-", text.as_bytes()));
            let claim = c
                .iter()
                .find(|c| c.quote == last)
                .unwrap_or_else(|| panic!("{last}: {c:?}"));
            let owned = |v: &[ClaimActor]| -> Vec<String> { v.iter().map(|a| a.code.clone()).collect() };
            (owned(&claim.actors), owned(&claim.recipients))
        };
        for last in [
            "Chile signed a contract for twelve trainer aircraft in May.",
            "Chile met military commanders in Santiago in June.",
        ] {
            assert_eq!(
                pair_of(last),
                (vec!["CHL".to_string()], vec!["BRA".to_string()]),
                "{last}"
            );
        }
    }

    #[test]
    fn the_cameo_verbs_and_patterns_type_general_news() {
        let x = extractor();
        let typed = |s: &str| -> Vec<Plover> { x.extract_sentence(s, None).iter().map(|c| c.plover).collect() };
        assert_eq!(
            typed("The European Union warned Georgia that it could suspend visa-free travel."),
            [Plover::Threaten]
        );
        assert_eq!(typed("Iran fired ballistic missiles at Israel."), [Plover::Assault]);
        // The verb a block is named after means the block's code, though most of its patterns
        // are exceptions (DENOUNCE [111]).
        assert_eq!(typed("Cuba denounced the United States."), [Plover::Accuse]);
        assert_eq!(
            typed("Ban Ki-moon urged Israel to halt settlement building."),
            [Plover::Request]
        );
        // Patterns refine entente's own words: aid sent is AID; forces sent are a mobilisation,
        // or cooperation when they go to a multinational operation.
        assert_eq!(typed("Mexico sent humanitarian aid to Cuba."), [Plover::Aid]);
        assert_eq!(
            typed("Chad deployed troops along its border with Sudan."),
            [Plover::Mobilize]
        );
        assert_eq!(typed("South Korea deployed troops to ISAF."), [Plover::Cooperate]);
        // "Ordered", "bought" are arms deals only about arms (a system, even in the plural, or
        // a weapon the CAMEO dictionary names).
        let kinds = |s: &str| -> Vec<ClaimKind> { x.extract_sentence(s, None).iter().map(|c| c.mode).collect() };
        assert!(!kinds("Russia ordered the partial mobilisation of reservists.").contains(&ClaimKind::ArmsDeal));
        assert_eq!(
            kinds("Estonia has been buying refurbished K9s since 2018."),
            [ClaimKind::ArmsDeal]
        );
        assert_eq!(
            kinds("Poland ordered 96 attack helicopters from the United States."),
            [ClaimKind::ArmsDeal]
        );
        // "By" names a passive verb's agent, not an active verb's: in "condemned an attack by
        // Russian soldiers" it is the attack's.
        let c = x.extract_sentence(
            "The Polish government condemned an attack by Russian soldiers in Ukraine.",
            None,
        );
        assert_eq!(sides(&c[0]).0, ["POL"], "{c:?}");
        let c = x.extract_sentence("The contract was signed by Poland in 2022.", None);
        assert_eq!(sides(&c[0]).0, ["POL"], "{c:?}");
        // Force used by no one named is no event between actors.
        assert!(typed("A magnitude 6.8 earthquake struck Morocco's High Atlas mountains.").is_empty());
        assert_eq!(
            typed("Pakistani jets struck hideouts in Afghanistan."),
            [Plover::Assault]
        );
        // Refusing to act is a rejection; a name's noun further on is not the subject's verb.
        assert_eq!(
            typed("Hungary refused to join European Union sanctions against Belarus."),
            [Plover::Reject]
        );
        // Forces sent are a mobilisation where the dictionary reads military aid (CAMEO 072).
        assert_eq!(
            typed("The Philippines sent additional marines to Batanes."),
            [Plover::Mobilize]
        );
        assert_eq!(
            typed("Russian peacekeepers began pulling out of Armenia."),
            [Plover::Retreat]
        );
        // A verb's form used as a noun is no event.
        assert!(typed("Korean arms stocks are large.").is_empty());
        assert!(typed("The armed forces of Chad are large.").is_empty());
    }

    #[test]
    fn the_cameo_dictionary_gives_triggers_to_types_with_none_of_their_own() {
        let x = extractor();
        let c = x.extract_sentence("Poland requested more howitzers from South Korea in March 2024.", None);
        assert_eq!(c[0].plover, Plover::Request, "{c:?}");
        let c = x.extract_sentence("Japan objected to the Russian proposal in May 2021.", None);
        assert_eq!(c[0].plover, Plover::Reject, "{c:?}");
        let c = x.extract_sentence(
            "Thousands of students rallied in Seoul against the government in June 2024.",
            None,
        );
        assert_eq!(c[0].plover, Plover::Protest, "{c:?}");
        // A verb two blocks list reads by the patterns written for it ("reopen * embassy",
        // CAMEO 054), unless the other block gives it a meaning of its own: abstaining in a
        // vote is no yield (ABSTAIN [080]).
        let c = x.extract_sentence("Italy reopened its embassy in Kabul in March 2024.", None);
        assert_eq!(c.iter().map(|c| c.cameo).collect::<Vec<_>>(), [Some("054")], "{c:?}");
        assert!(x
            .extract_sentence("Mongolia abstained in the vote on the resolution in March 2022.", None)
            .is_empty());
    }

    #[test]
    fn what_is_given_decides_a_delivery() {
        // Arms sent, handed, given or transferred are a delivery; forces sent a deployment. A
        // verb before a weapon's name is a verb after an auxiliary too ("has sent weapons", "did
        // not send weapons"), not a noun naming the weapon's role.
        for (s, kind, a, r) in [
            ("Poland sent 200 tanks to Ukraine.", ClaimKind::Delivery, "POL", "UKR"),
            ("Poland sent troops to Ukraine.", ClaimKind::Deployment, "POL", "UKR"),
            ("Poland handed Kyiv 200 tanks.", ClaimKind::Delivery, "POL", "UKR"),
            ("Poland gave Ukraine 200 tanks.", ClaimKind::Delivery, "POL", "UKR"),
            (
                "Poland transferred 200 tanks to Ukraine.",
                ClaimKind::Delivery,
                "POL",
                "UKR",
            ),
            (
                "Hungary has sent weapons to Ukraine.",
                ClaimKind::Delivery,
                "HUN",
                "UKR",
            ),
            (
                "Hungary did not send weapons to Ukraine.",
                ClaimKind::Delivery,
                "HUN",
                "UKR",
            ),
        ] {
            assert_eq!(roles(s), [(kind, a.to_string(), r.to_string())], "{s}");
        }
        // Who takes delivery or receives is the recipient, from the maker or from whom the
        // sentence names.
        assert_roles(&[
            (
                "Poland received its first K2 tanks in December 2022.",
                ClaimKind::Delivery,
                "KOR",
                "POL",
            ),
            (
                "Poland took delivery of ten K2 tanks from South Korea.",
                ClaimKind::Delivery,
                "KOR",
                "POL",
            ),
        ]);
        let c = extractor().extract_sentence("Kosovo took delivery of attack drones in 2023.", None);
        assert_eq!(sides(&c[0]), (vec![], vec!["XKX"]), "{c:?}");
        // A verb of giving with no arms after it is no delivery.
        assert!(!roles("Poland gave its approval to Ukraine.")
            .iter()
            .any(|k| k.0 == ClaimKind::Delivery));
    }

    #[test]
    fn an_adverbial_clause_leaves_the_sentence_its_main_subject() {
        // "It" in the next sentence is Warsaw, the main clause's subject, not Russia, the
        // subject of the clause opened by "since".
        let x = extractor();
        let a = Article::from_bytes(
            "t",
            b"date: 2022-08-27\n\nWarsaw has been rearming at speed since Russia invaded Ukraine in February. It has handed Kyiv more than 200 T-72 tanks from its own stocks.",
        );
        let c = x.extract(&a);
        let delivery = c.iter().find(|c| c.mode == ClaimKind::Delivery).expect("a delivery");
        assert_eq!(sides(delivery), (vec!["POL"], vec!["UKR"]), "{c:?}");
    }

    #[test]
    fn a_sale_approved_and_a_missile_fired_at_no_one() {
        let x = extractor();
        let c = x.extract_sentence("The United States approved the sale of 12 F-35 jets to Romania.", None);
        assert_eq!(
            c.iter().map(|c| (c.mode, sides(c))).collect::<Vec<_>>(),
            [(ClaimKind::ArmsDeal, (vec!["USA"], vec!["ROU"]))],
            "{c:?}"
        );
        // A missile fired at no one named is a weapons test (a threat); at someone, an attack.
        let typed = |s: &str| -> Vec<Plover> { x.extract_sentence(s, None).iter().map(|c| c.plover).collect() };
        assert_eq!(
            typed("North Korea fired a ballistic missile into the sea on Sunday."),
            [Plover::Threaten]
        );
        assert_eq!(
            typed("India test-fired an Agni-5 missile in March 2024."),
            [Plover::Threaten]
        );
        assert_eq!(typed("Russia fired missiles at Ukraine on Sunday."), [Plover::Assault]);
    }

    #[test]
    fn an_opening_adverbial_clause_keeps_its_event_to_itself() {
        let x = extractor();
        let c = x.extract_sentence(
            "After North Korea test-fired a missile in May, South Korea and the United States held a joint drill.",
            None,
        );
        let threat = c.iter().find(|c| c.mode == ClaimKind::Threat).expect("the test");
        assert_eq!(sides(threat), (vec!["PRK"], vec![]), "{c:?}");
    }

    #[test]
    fn approving_leaving_and_stationing_are_read_by_who_does_them() {
        // A legislature approving another's accession ratifies it.
        assert_eq!(
            roles("Hungary's parliament approved Sweden's accession on 26 February 2024."),
            [(ClaimKind::Ratification, "HUN".into(), "SWE".into())]
        );
        // Forces leaving withdraw; a leader leaving a room does not.
        assert_eq!(
            roles("The last CSTO troops left Kazakhstan on 19 January 2022."),
            [(ClaimKind::Withdrawal, "CSTO".into(), "KAZ".into())]
        );
        assert!(!roles("The Japanese prime minister left Manila on Sunday.")
            .iter()
            .any(|c| c.0 == ClaimKind::Withdrawal));
        // Forces stationed somewhere are deployed there.
        assert_eq!(
            roles("Germany will station a brigade of about 5,000 troops in Lithuania by 2027."),
            [(ClaimKind::Deployment, "DEU".into(), "LTU".into())]
        );
    }

    #[test]
    fn a_delivery_with_no_supplier_is_its_makers_and_concession_is_background() {
        let x = extractor();
        let c = x.extract_sentence(
            "The delivery of the first K2 tanks to Poland took place in December 2022.",
            None,
        );
        assert_eq!(
            c.iter().map(|c| (c.mode, sides(c))).collect::<Vec<_>>(),
            [(ClaimKind::Delivery, (vec!["KOR"], vec!["POL"]))],
            "{c:?}"
        );
        // "despite US sanctions" is the circumstance, not the sentence's event.
        let c = x.extract_sentence(
            "Vietnam is expected to sign a deal for Russian arms despite US sanctions.",
            None,
        );
        assert!(!c.iter().any(|c| c.plover == Plover::Sanction), "{c:?}");
    }

    #[test]
    fn sources_sides_between_and_groups_in_the_sentence() {
        let x = extractor();
        let one = |s: &str| -> Vec<(String, String)> { x.extract_sentence(s, None).iter().map(joined).collect() };
        // A source after "according to" takes no part in the event.
        assert_eq!(
            one("Russian mercenaries arrived in Mali in December 2021, according to France."),
            [("RUS".into(), "MLI".into())]
        );
        // "Between X and Y" with no subject before: X and Y are the actors; a state with an
        // organisation acts towards it.
        assert_eq!(
            one("Talks between Japan and Australia on a new defence pact concluded in Tokyo on Friday."),
            [("JPN,AUS".into(), String::new())]
        );
        assert_eq!(
            one("Regular dialogue between New Zealand and NATO began in 2001."),
            [("NZL".into(), "NATO".into())]
        );
        // "The two countries" after a verb whose subject names two is that subject, not the
        // two named together before; a memorandum is an agreement signed.
        let a = Article::from_bytes(
            "t",
            b"date: 2024-01-10\n\nAustralia and the United States held talks on Monday. The Philippines and Vietnam signed a memorandum on coast guard cooperation, the first such pact between the two countries.",
        );
        let c = x.extract(&a);
        assert_eq!(
            c.iter()
                .filter(|c| c.sentence == 1)
                .map(|c| (c.mode, sides(c)))
                .collect::<Vec<_>>(),
            [(ClaimKind::Agreement, (vec!["PHL", "VNM"], vec![]))],
            "{c:?}"
        );
    }

    #[test]
    fn a_subject_is_carried_past_openings_pronouns_and_lists_of_predicates() {
        let x = extractor();
        let claims = |text: &str| -> Vec<(usize, String, String)> {
            let a = Article::from_bytes("t", format!("date: 2024-09-04\n\n{text}").as_bytes());
            x.extract(&a)
                .iter()
                .map(|c| {
                    let (a, r) = joined(c);
                    (c.sentence, a, r)
                })
                .collect()
        };
        // The names of an opening phrase are not the subject; a clause whose event makes no
        // claim still names it; "it" with a name before its verb ("a NATO partner") is still
        // the subject told before; predicates listed after commas share the subject.
        let c = claims(
            "Squeezed between Russia and China, Mongolia has long courted what it calls third neighbours. It has been a NATO partner since 2005, adopted its first partnership programme with the Alliance this year, and sent troops to Afghanistan. It joined the OSCE in 2012.",
        );
        assert_eq!(
            c,
            [
                (1, "MNG".into(), "NATO".into()),
                (1, "MNG".into(), "NATO".into()),
                (1, "MNG".into(), "AFG".into()),
                (2, "MNG".into(), "OSCE".into()),
            ],
        );
        // A participle after a comma is no predicate of its own.
        let c = claims("The contract, signed in August, covers 180 K2 tanks from South Korea.");
        assert_eq!(c.len(), 1, "{c:?}");
    }

    #[test]
    fn more_ways_of_telling_common_events() {
        let x = extractor();
        let kinds = |s: &str| -> Vec<ClaimKind> { x.extract_sentence(s, None).iter().map(|c| c.mode).collect() };
        assert_eq!(
            kinds("The Greek and Israeli navies have exercised together since 2011."),
            [ClaimKind::Exercise]
        );
        assert_eq!(
            kinds("France signed a letter of intent with Armenia in October."),
            [ClaimKind::Agreement]
        );
        assert_eq!(
            kinds("Greece has leased Heron drones from Israel."),
            [ClaimKind::ArmsDeal]
        );
        assert_eq!(
            kinds("Armenia has been part of NATO's Partnership for Peace since 1994."),
            [ClaimKind::Membership]
        );
        // Radars are arms (SIPRI counts sensors among major conventional arms): buying them
        // is an arms deal.
        assert_eq!(
            kinds("Armenia bought four radars from India in 2020."),
            [ClaimKind::ArmsDeal]
        );
        // A second predicate of the sentence's subject is a claim of its own, with the
        // sentence's opening date.
        let a = Article::from_bytes(
            "t",
            b"date: 2024-03-01\n\nFrance is a supplier of Armenia. In October it agreed to deliver three radars and signed a letter of intent on missiles.",
        );
        let c = x.extract(&a);
        assert_eq!(
            c.iter()
                .filter(|c| c.sentence == 1)
                .map(|c| (c.mode, c.date.map(|d| d.to_string())))
                .collect::<Vec<_>>(),
            [
                (ClaimKind::Agreement, Some("2023-10".into())),
                (ClaimKind::Agreement, Some("2023-10".into()))
            ],
            "{c:?}"
        );
    }

    #[test]
    fn the_two_sides_are_the_two_the_text_is_about() {
        let x = extractor();
        let a = Article::from_bytes(
            "t",
            b"date: 2024-09-04\n\nPutin visited Mongolia on Tuesday. Mongolia buys most of its fuel from Russia, and Russia is Mongolia's largest neighbour. Ukraine and Turkey signed a grain deal in July 2022. The two sides signed agreements on fuel supplies on Tuesday.",
        );
        let c = x.extract(&a);
        let last = c
            .iter()
            .find(|c| c.sentence == 3)
            .expect("a claim for the last sentence");
        let mut who = ids(&last.actors);
        who.sort_unstable();
        assert_eq!(who, ["MNG", "RUS"], "{c:?}");
    }

    #[test]
    fn an_actors_own_organs_are_no_counterpart() {
        let x = extractor();
        for s in [
            "Pakistan put its armed forces on high alert on Wednesday.",
            "The Philippines sent additional marines to its northernmost islands.",
        ] {
            let c = x.extract_sentence(s, None);
            assert!(!c.is_empty() && c.iter().all(|c| c.recipients.is_empty()), "{s}: {c:?}");
        }
        // Police named as the accused stay the counterpart.
        let c = x.extract_sentence(
            "The opposition party accused police of abducting one of its officials.",
            None,
        );
        assert!(c.iter().any(|c| !c.recipients.is_empty()), "{c:?}");
    }

    #[test]
    fn a_ministry_in_a_capital_is_its_government_and_an_envoy_summoned_to_it_is_summoned_by_it() {
        let x = extractor();
        let c = x.extract_sentence("The foreign ministry in Tokyo summoned the Chinese ambassador.", None);
        assert_eq!(c.first().map(sides), Some((vec!["JPN"], vec!["CHN"])), "{c:?}");
        let c = x.extract_sentence(
            "The Russian ambassador was summoned to the foreign ministry in Warsaw on Monday.",
            None,
        );
        assert_eq!(c.first().map(sides), Some((vec!["POL"], vec!["RUS"])), "{c:?}");
        // (Not an agent of a name before it: EU ministers meeting in Brussels are no Belgians.)
        let c = x.extract_sentence(
            "Poland will attend a meeting of EU foreign ministers in Brussels.",
            None,
        );
        assert!(c.iter().all(|c| !sides(c).1.contains(&"BEL")), "{c:?}");
    }

    #[test]
    fn weapons_that_hit_or_are_launched_at_a_target_are_an_attack() {
        let x = extractor();
        for text in [
            "Indian missiles hit six sites in Pakistan on Tuesday.",
            "India launched drones at Pakistan on Tuesday.",
            "India had launched more than 400 drones at Pakistan overnight.",
        ] {
            let c = x.extract_sentence(text, None);
            assert_eq!(
                c.first().map(|c| (c.plover, sides(c))),
                Some((Plover::Assault, (vec!["IND"], vec!["PAK"]))),
                "{text}: {c:?}"
            );
        }
        for text in [
            "Arms sales hit a record in 2024.",
            "India launched a new satellite on Tuesday.",
        ] {
            let c = x.extract_sentence(text, None);
            assert!(c.iter().all(|c| c.plover != Plover::Assault), "{text}: {c:?}");
        }
    }

    #[test]
    fn calling_a_thing_something_is_no_call() {
        let x = extractor();
        let c = x.extract_sentence("Moscow's foreign ministry called the decision a hostile act.", None);
        assert!(c.iter().all(|c| c.plover != Plover::Consult), "{c:?}");
        let c = x.extract_sentence("Macron called his Russian counterpart.", None);
        assert_eq!(c.first().map(|c| c.plover), Some(Plover::Consult), "{c:?}");
    }

    #[test]
    fn a_relative_clause_after_an_apposition_is_about_the_name_before_it() {
        let x = extractor();
        let c = x.extract_sentence(
            "Somalia also turned to Egypt, Ethiopia's rival over a giant Nile dam, which signed a defence pact with Mogadishu in August.",
            None,
        );
        let pact = c.iter().find(|c| c.mode == ClaimKind::Agreement).expect("the pact");
        assert_eq!(sides(pact), (vec!["EGY"], vec!["SOM"]), "{c:?}");
        // The sides "between" two parties end where a relative clause begins.
        let c = x.extract_sentence(
            "The dispute goes back to a 2019 memorandum between Ankara and Tripoli that Athens and Cairo both reject.",
            None,
        );
        let memo = c.iter().find(|c| c.plover == Plover::Support).expect("the memorandum");
        let mut all: Vec<&str> = sides(memo).0.into_iter().chain(sides(memo).1).collect();
        all.sort_unstable();
        assert_eq!(all, ["LBY", "TUR"], "{c:?}");
    }

    #[test]
    fn a_subject_resumed_after_a_relative_clause_is_the_pronouns_and_a_clause_after_although_keeps_its_date() {
        let x = extractor();
        let c = x.extract_sentence(
            "Serbia, which is not in NATO, bought jets from Russia, although it agreed last August to buy 12 Rafale jets from France.",
            Some(PartialDate::parse("2025-04-02").unwrap()),
        );
        let got: Vec<_> = c.iter().map(|c| (sides(c), c.date.map(|d| d.to_string()))).collect();
        assert_eq!(
            got,
            [
                ((vec!["SRB"], vec!["RUS"]), None),
                ((vec!["SRB"], vec!["FRA"]), Some("2024-08".to_string()))
            ],
            "{c:?}"
        );
    }

    #[test]
    fn an_organisation_told_by_its_kind_is_the_one_named_last() {
        let x = extractor();
        let c = x.extract(&Article::from_bytes(
            "-",
            b"date: 2024-11-28\n\nLeaders met in Astana for a summit of the Collective Security Treaty Organization. Armenia froze its participation in the alliance in February.\n",
        ));
        let armenia = c
            .iter()
            .find(|c| c.quote.starts_with("Armenia"))
            .expect("Armenia's claim");
        let mut all: Vec<&str> = sides(armenia).0.into_iter().chain(sides(armenia).1).collect();
        all.sort_unstable();
        assert_eq!(all, ["ARM", "CSTO"], "{c:?}");
        // (Not its possessive: "the alliance's charter" is no party.)
        let c = x.extract(&Article::from_bytes(
            "-",
            b"date: 2024-11-28\n\nArmenia joined the Collective Security Treaty Organization in 1994. Russia signed the alliance's charter in 2002.\n",
        ));
        let russia = c
            .iter()
            .find(|c| c.quote.starts_with("Russia"))
            .expect("Russia's claim");
        assert!(
            russia
                .actors
                .iter()
                .chain(&russia.recipients)
                .all(|a| a.text != "the alliance"),
            "{c:?}"
        );
    }

    #[test]
    fn the_union_is_the_union_named_last() {
        let x = extractor();
        let text: &[u8] = b"date: 2024-03-15\n\nNATO and the European Union met in Brussels. Hungary, a member of the Union since 2004, blocked the payment.\n";
        let c = x.extract(&Article::from_bytes("-", text));
        let member = c.iter().find(|c| c.mode == ClaimKind::Membership).expect("membership");
        assert_eq!(sides(member), (vec!["HUN"], vec!["EU"]), "{c:?}");
        // (Not a union of another kind, nor any body when none named is a union.)
        let text: &[u8] = b"date: 2024-03-15\n\nNATO met in Brussels. Hungary, a member of the Union since 2004, blocked the payment.\n";
        let c = x.extract(&Article::from_bytes("-", text));
        assert!(
            c.iter()
                .all(|c| sides(c).1 != vec!["NATO"] || c.mode != ClaimKind::Membership),
            "{c:?}"
        );
    }

    #[test]
    fn a_bloc_led_by_a_state_is_the_bloc() {
        let x = extractor();
        let c = x.extract(&Article::from_bytes(
            "-",
            b"date: 2024-11-28\n\nThe Collective Security Treaty Organization met in Astana. The Moscow-led bloc sent troops to Kazakhstan in January 2022.\n",
        ));
        let sent = c.iter().find(|c| c.sentence == 1).expect("the deployment");
        assert_eq!(sides(sent), (vec!["CSTO"], vec!["KAZ"]), "{c:?}");
    }

    #[test]
    fn no_second_counterpart_in_an_infinitive_a_possessives_phrase_or_a_time_phrase() {
        let x = extractor();
        for (text, party) in [
            (
                "Zelensky urged the European Union to ban all Iranian oil exports.",
                "EU",
            ),
            ("Japan condemned Russia's invasion of Ukraine.", "RUS"),
            (
                "Pakistan backed Baku politically during the 2020 war with Armenia.",
                "AZE",
            ),
            (
                "Azerbaijan voiced support for Islamabad amid the clash with India.",
                "PAK",
            ),
        ] {
            let c = x.extract_sentence(text, Some(PartialDate::parse("2024-11-19").unwrap()));
            assert_eq!(c.first().map(|c| sides(c).1), Some(vec![party]), "{text}: {c:?}");
        }
    }

    #[test]
    fn a_rejection_answers_the_last_claim_against_its_actor_past_what_it_did_itself() {
        let x = extractor();
        let c = x.extract(&Article::from_bytes(
            "-",
            b"date: 2024-08-06\n\nMali severed diplomatic relations with Ukraine on Sunday. Ukraine sent a delegation to Senegal on Monday. Ukraine's foreign ministry rejected the allegations as baseless.\n",
        ));
        let rejection = c.iter().find(|c| c.plover == Plover::Reject).expect("the rejection");
        assert_eq!(sides(rejection), (vec!["UKR"], vec!["MLI"]), "{c:?}");
    }

    #[test]
    fn an_event_in_a_relative_clause_after_the_verb_is_not_the_clauses() {
        let x = extractor();
        let c = x.extract_sentence(
            "Senegal summoned Ukraine's ambassador over a video in which he appeared to back the rebel attack.",
            None,
        );
        assert_eq!(c.first().map(|c| c.plover), Some(Plover::Accuse), "{c:?}");
    }

    #[test]
    fn no_counterpart_whose_side_is_taken_nor_a_border_that_locates() {
        let x = extractor();
        let c = x.extract_sentence("Niger cut ties with Kyiv in solidarity with Mali.", None);
        assert_eq!(c.first().map(|c| sides(c).1), Some(vec!["UKR"]), "{c:?}");
        let c = x.extract_sentence(
            "Mali said its army attacked rebels near Tinzaouaten, close to the Algerian border.",
            None,
        );
        assert!(c.iter().all(|c| !sides(c).1.contains(&"DZA")), "{c:?}");
    }

    #[test]
    fn a_group_right_after_the_verb_is_its_object_and_a_subject_is_not_the_state_it_describes() {
        let x = extractor();
        let c = x.extract(&Article::from_bytes(
            "-",
            b"date: 2025-07-25\n\nThai and Cambodian troops clashed on Thursday. Malaysia urged both sides to stand down. Cambodia cut its diplomatic ties with the kingdom to the lowest level.\n",
        ));
        let urged = c.iter().find(|c| c.quote.starts_with("Malaysia")).expect("the request");
        let mut to: Vec<&str> = sides(urged).1;
        to.sort_unstable();
        assert_eq!((urged.plover, to), (Plover::Request, vec!["KHM", "THA"]), "{c:?}");
        let cut = c.iter().find(|c| c.quote.starts_with("Cambodia")).expect("the cut");
        assert_eq!(sides(cut), (vec!["KHM"], vec!["THA"]), "{c:?}");
    }

    #[test]
    fn a_clause_a_distance_after_a_date_with_no_event_is_dated_back_from_it() {
        let x = extractor();
        // The date told last, in the sentence before, where this one tells none.
        let c = x.extract(&Article::from_bytes(
            "-",
            b"date: 2024-11-20\n\nThe United States imposed sanctions on Iran Air on 18 November. The measures came four days after the European Union adopted a similar package against Iran.\n",
        ));
        let second = c.iter().find(|c| c.sentence == 1).expect("the EU's package");
        assert_eq!(
            second.date.map(|d| d.to_string()).as_deref(),
            Some("2024-11-14"),
            "{c:?}"
        );
        let day = Some(PartialDate::parse("2024-03-11").unwrap());
        let c = x.extract_sentence(
            "The flag was raised in Brussels on Monday, four days after Sweden formally joined NATO.",
            day,
        );
        let joined = c
            .iter()
            .find(|c| c.mode == ClaimKind::Accession)
            .expect("the accession");
        assert_eq!(
            joined.date.map(|d| d.to_string()).as_deref(),
            Some("2024-03-07"),
            "{c:?}"
        );
        // So is one whose subject is "the country", and a body's possessive before "member"
        // is what it is a member of.
        let c = x.extract(&Article::from_bytes(
            "-",
            b"date: 2024-03-11\n\nSweden joined NATO last week. The flag was raised in Brussels on Monday, four days after the country became the alliance's 32nd member.\n",
        ));
        let member = c.iter().find(|c| c.sentence == 1).expect("the membership");
        assert_eq!(
            (sides(member), member.date.map(|d| d.to_string())),
            ((vec!["SWE"], vec!["NATO"]), Some("2024-03-07".to_string())),
            "{c:?}"
        );
    }

    #[test]
    fn a_relative_clause_about_the_event_before_it_has_that_events_parties_for_counterparts() {
        let x = extractor();
        let c = x.extract_sentence(
            "Greece and Egypt signed a maritime deal in Cairo in August 2020, which Turkey rejected at the time.",
            None,
        );
        let rejection = c.iter().find(|c| c.plover == Plover::Reject).expect("the rejection");
        let mut to = sides(rejection).1;
        to.sort_unstable();
        assert_eq!((sides(rejection).0, to), (vec!["TUR"], vec!["EGY", "GRC"]), "{c:?}");
        // (Not a thing named before it: "the M23 rebels, which it says are backed by Rwanda".)
        let c = x.extract_sentence(
            "Kinshasa accuses the peacekeepers of failing to protect civilians from the M23 rebels, which it says are backed by neighbouring Rwanda.",
            None,
        );
        assert!(
            c.iter().all(|c| !(sides(c).0 == ["RWA"] && sides(c).1.contains(&"UN"))),
            "{c:?}"
        );
        // A relative clause of place keeps its dates to itself.
        let c = x.extract_sentence(
            "Athens and Cairo would hold more joint naval drills in the eastern Mediterranean, where their forces have trained together since 2015.",
            None,
        );
        assert_eq!(c.first().map(|c| c.date), Some(None), "{c:?}");
    }

    #[test]
    fn an_adverbial_clause_whose_subject_no_dictionary_knows_is_circumstance() {
        let x = extractor();
        let c = x.extract_sentence(
            "The minister was in New Delhi for talks with his Indian counterpart, the first such visit since Muizzu took office.",
            None,
        );
        assert_eq!(c.first().map(|c| c.mode), Some(ClaimKind::Visit), "{c:?}");
    }

    #[test]
    fn establishing_that_something_is_so_founds_nothing() {
        let x = extractor();
        let c = x.extract_sentence(
            "Investigators in Poland have established that the fire was ordered by Russian services.",
            None,
        );
        assert!(c.iter().all(|c| c.mode != ClaimKind::Establishment), "{c:?}");
        let c = x.extract_sentence(
            "Japan and the Philippines established diplomatic relations in 1956.",
            None,
        );
        assert_eq!(c.first().map(|c| c.mode), Some(ClaimKind::Establishment), "{c:?}");
    }

    #[test]
    fn a_verb_whose_means_is_an_event_told_by_a_gerund_gives_way_to_it() {
        let x = extractor();
        let c = x.extract_sentence("Russia retaliated by expelling two Polish diplomats.", None);
        assert_eq!(
            c.first().map(|c| (c.plover, sides(c))),
            Some((Plover::Sanction, (vec!["RUS"], vec!["POL"]))),
            "{c:?}"
        );
        // ("By" and an adjective in -ing still names the agent.)
        let c = x.extract_sentence("The rebels are backed by neighbouring Rwanda, Kinshasa says.", None);
        assert!(c.iter().all(|c| sides(c).0 == ["RWA"]), "{c:?}");
    }

    #[test]
    fn someone_due_in_a_capital_visits_its_state_and_goods_due_in_a_year_are_no_event() {
        let x = extractor();
        let c = x.extract_sentence(
            "Greek Defence Minister Nikos Dendias is due in Cairo next month, his ministry said.",
            Some(PartialDate::parse("2025-05-08").unwrap()),
        );
        assert_eq!(
            c.first().map(|c| (c.mode, sides(c), c.modality)),
            Some((ClaimKind::Visit, (vec!["GRC"], vec!["EGY"]), Modality::Future)),
            "{c:?}"
        );
        let c = x.extract_sentence("More deliveries are due in 2027.", None);
        assert!(c.is_empty(), "{c:?}");
    }

    #[test]
    fn joining_others_for_a_meeting_is_meeting_them_and_a_meeting_told_before_is_not_told_again() {
        let x = extractor();
        let c = x.extract(&Article::from_bytes(
            "-",
            b"date: 2024-11-28\n\nPutin joined the leaders of Belarus, Kazakhstan, Kyrgyzstan and Tajikistan for a summit of the Collective Security Treaty Organization. Speaking to reporters after the summit, Putin said the bloc would grow.\n",
        ));
        let mut all: Vec<&str> = sides(&c[0]).0;
        all.sort_unstable();
        assert_eq!(
            (c[0].mode, all, sides(&c[0]).1),
            (
                ClaimKind::Attendance,
                vec!["BLR", "KAZ", "KGZ", "RUS", "TJK"],
                vec!["CSTO"]
            ),
            "{c:?}"
        );
        assert!(c.iter().all(|c| c.sentence == 0), "{c:?}");
    }

    #[test]
    fn arms_named_by_their_general_name_make_a_sale_an_arms_deal() {
        let x = extractor();
        let c = x.extract_sentence("Washington approved an arms sale to Taiwan.", None);
        assert_eq!(
            c.first().map(|c| (c.mode, sides(c))),
            Some((ClaimKind::ArmsDeal, (vec!["USA"], vec!["TWN"]))),
            "{c:?}"
        );
    }

    #[test]
    fn every_form_of_an_own_verb_is_read_where_it_stands_as_a_verb() {
        // Progressive, present, future and gerund forms the table does not write.
        assert_roles(&[
            (
                "Germany is sending tanks to Lithuania.",
                ClaimKind::Delivery,
                "DEU",
                "LTU",
            ),
            (
                "Germany deploys a brigade to Lithuania.",
                ClaimKind::Deployment,
                "DEU",
                "LTU",
            ),
            (
                "Germany will deploy a brigade to Lithuania.",
                ClaimKind::Deployment,
                "DEU",
                "LTU",
            ),
            (
                "Sweden is supplying howitzers to Ukraine.",
                ClaimKind::Delivery,
                "SWE",
                "UKR",
            ),
            // A verb of beginning is the aspect of the next verb, not CAMEO's "start * &WEAPON".
            (
                "Denmark began delivering F-16s to Ukraine.",
                ClaimKind::Delivery,
                "DNK",
                "UKR",
            ),
            (
                "Britain began shipping howitzers to Ukraine.",
                ClaimKind::Delivery,
                "GBR",
                "UKR",
            ),
        ]);
        // Not as an adjective, a noun or inside a compound; and a name keeps its word.
        assert!(kinds("The two leaders backed a free and open Indo-Pacific.").is_empty());
        assert!(!kinds("The United States sanctioned Iranian shipping companies.").contains(&ClaimKind::Delivery));
        assert!(kinds("Prabowo, Indonesia's President-elect, is a former general.").is_empty());
        assert!(!kinds("Germany had a legal basis for sending troops.").contains(&ClaimKind::Deployment));
        // ("found" is also "find"'s: no founding.)
        assert!(kinds("Investigators said they found traces of explosives.").is_empty());
    }

    #[test]
    fn a_subordinator_before_a_date_is_a_preposition() {
        // "since 2011" dates the stationing; it opens no clause of its own.
        let s = "Korean special forces have been stationed in the UAE since 2011 to train Emirati troops, \
                 a deployment agreed after the Emirates chose a Korean consortium in 2009 to build a plant.";
        let c = extractor().extract_sentence(s, None);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(sides(&c[0]), (vec!["KOR"], vec!["ARE"]));
        assert_eq!(c[0].date.map(|d| d.to_string()).as_deref(), Some("2011"));
        assert!(crate::dates::opens_with_a_date("14 March, when"));
        assert!(crate::dates::opens_with_a_date("the 1990s".trim_start_matches("the ")));
        assert!(!crate::dates::opens_with_a_date("14 people were killed"));
    }

    #[test]
    fn addressing_a_body_is_a_visit_and_addressing_a_matter_is_none() {
        assert_roles(&[(
            "Zelensky addressed a joint session of the US Congress.",
            ClaimKind::Visit,
            "UKR",
            "USA",
        )]);
        assert!(kinds("NATO addressed the challenges posed by China.").is_empty());
        assert!(kinds("Japan addresses concerns about security.").is_empty());
    }

    #[test]
    fn things_counted_by_a_name_no_dictionary_knows_are_arms() {
        assert_roles(&[
            (
                "Greece ordered eighteen Rafales from France.",
                ClaimKind::ArmsDeal,
                "GRC",
                "FRA",
            ),
            (
                "Egypt ordered 24 more Typhoons from Italy.",
                ClaimKind::ArmsDeal,
                "EGY",
                "ITA",
            ),
        ]);
        // Not a count of a state's people or firms, nor a date's number.
        assert!(!kinds("Putin ordered two Russian battalions to the border.").contains(&ClaimKind::ArmsDeal));
        assert!(!kinds("Greece ordered on 12 March the closure of its consulate.").contains(&ClaimKind::ArmsDeal));
    }

    #[test]
    fn a_person_told_by_a_pronoun_who_was_somewhere_visited_it() {
        let c = extractor().extract_sentence(
            "President Yoon made a state visit to the Emirates in January 2023, and he was in Riyadh last October.",
            PartialDate::parse("2024-04-20").ok(),
        );
        let riyadh = c
            .iter()
            .find(|c| c.quote.contains("Riyadh"))
            .expect("a visit to Riyadh");
        assert_eq!(sides(riyadh), (vec!["KOR"], vec!["SAU"]), "{c:?}");
        assert_eq!(riyadh.date.map(|d| d.to_string()).as_deref(), Some("2023-10"));
        // (Not a thing told by a pronoun: "it was in service".)
        assert!(kinds("The K9 entered service in 1999, and it was in Poland by 2020.").is_empty());
    }
}
