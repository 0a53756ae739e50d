//! Checks each claim against the knowledge base: supported (with the matching fact and its
//! sources), partly supported (what agrees and what is missing), imprecise (near the record but
//! loosely put: a framework agreement called a contract, a month off), contradicted (with what
//! differs — date, place, ordinal, operation, instrument, quantity, weapon — and the evidence), or
//! unverifiable.
//!
//! A fact is a candidate for a claim when its kind fits the claim's (an executive contract can be
//! a signing of that instrument or a transfer's order) and its actors cover at least two of the
//! claimed ones (or the one, if one is claimed); an agency or a person covers its state. A claim
//! is *supported* only by one fact that agrees on every named actor in its role (for directed
//! events — deliveries, visits, invasions, attacks, deployments — the claim's actors must be the
//! fact's agents and its recipients the fact's targets), on the kind, and on the date: an undated
//! claim is at most partly supported, since a fact of the same kind at some date may be another
//! event. Hedged and future claims are judged by what the data records as having happened; a
//! negated claim is contradicted by a matching fact and otherwise left unverifiable, since the
//! data does not say where it is complete.
//!
//! Beside the curated facts, a [`DerivedSource`] can offer the facts the standard datasets hold
//! between the claimed actors (ATOP alliances, SIPRI deals), each citing its dataset row: a claimed
//! defence treaty or arms deal that only a dataset records is then checked against it.

use crate::extract::{Claim, Modality};
use crate::lexicon::ClaimKind;
use entente_kb::{Citation, KnowledgeBase};
use entente_model::*;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// One fact agrees on every named actor in its role, on the kind and on the date.
    Supported,
    /// A fact agrees on part of the claim (some actors, or all of them but the claim is undated):
    /// the explanation says what agrees and what is missing.
    PartlySupported,
    /// The recorded event, loosely put: a framework agreement called a contract, a date a month
    /// off. Not wrong enough to be contradicted.
    Imprecise,
    Contradicted,
    Unverifiable,
}

impl Verdict {
    /// Every verdict, from the strongest agreement to none.
    pub const ALL: [Verdict; 5] = [
        Verdict::Supported,
        Verdict::PartlySupported,
        Verdict::Imprecise,
        Verdict::Contradicted,
        Verdict::Unverifiable,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Supported => "supported",
            Verdict::PartlySupported => "partly_supported",
            Verdict::Imprecise => "imprecise",
            Verdict::Contradicted => "contradicted",
            Verdict::Unverifiable => "unverifiable",
        }
    }

    /// In words, for people ("partly supported").
    pub fn label(self) -> &'static str {
        match self {
            Verdict::PartlySupported => "partly supported",
            v => v.as_str(),
        }
    }
}

/// What differs between a claim and the record.
#[derive(Clone, Debug, Serialize)]
pub struct Difference {
    /// `date`, `place`, `ordinal`, `operation`, `instrument`, `quantity` or `weapon`.
    pub field: &'static str,
    pub claimed: String,
    pub recorded: String,
}

/// A fact offered as evidence.
#[derive(Clone, Debug, Serialize)]
pub struct Evidence {
    pub fact: String,
    pub title: String,
    pub date: String,
    pub citations: Vec<Citation>,
}

/// A claim and its verdict.
#[derive(Clone, Debug, Serialize)]
pub struct Verification {
    pub claim: Claim,
    pub verdict: Verdict,
    pub differences: Vec<Difference>,
    pub evidence: Vec<Evidence>,
    /// One sentence in plain words.
    pub explanation: String,
}

/// Facts derived from the standard datasets, offered to the verifier beside the curated ones.
#[derive(Clone, Debug, Default)]
pub struct Derived {
    pub relations: Vec<Relation>,
    pub transfers: Vec<Transfer>,
    /// Each derived fact's citations (its dataset, version and row), by fact id.
    pub citations: std::collections::HashMap<String, Vec<Citation>>,
}

/// Where derived facts come from: the facts the datasets hold between two actors.
pub trait DerivedSource {
    /// Adds to `out` the facts between `a` and `b` (either order).
    fn between(&self, kb: &KnowledgeBase, a: &str, b: &str, out: &mut Derived);
}

/// The derived facts between every two actors a claim names.
fn derived_for(kb: &KnowledgeBase, source: Option<&dyn DerivedSource>, c: &Claim) -> Derived {
    let mut out = Derived::default();
    let Some(source) = source else { return out };
    let mut ids = claimed_ids(c);
    ids.sort_unstable();
    ids.dedup();
    for (i, a) in ids.iter().enumerate() {
        for b in &ids[i + 1..] {
            source.between(kb, a, b, &mut out);
        }
    }
    out
}

/// A fact seen as a candidate: its reference, the period to compare, and its actors.
struct Candidate<'a> {
    fact: FactRef<'a>,
    from: Day,
    to: Day,
    label: String,
}

fn period(d: Option<PartialDate>, end: Option<PartialDate>) -> Option<(Day, Day)> {
    let d = d?;
    Some((d.earliest(), end.unwrap_or(d).latest()))
}

/// Whether fact participant `p` stands for claimed actor `c` (itself, or one of its parts).
fn covers(kb: &KnowledgeBase, p: &str, c: &str) -> bool {
    let mut cur = Some(p.to_string());
    for _ in 0..8 {
        let Some(x) = cur else { return false };
        if x == c {
            return true;
        }
        cur = kb.actor(&x).and_then(|a| a.parent.clone());
    }
    false
}

fn claimed_ids(c: &Claim) -> Vec<&str> {
    let mut v: Vec<&str> = c.actors.iter().chain(&c.recipients).map(|a| a.id.as_str()).collect();
    v.dedup();
    v
}

fn involves(kb: &KnowledgeBase, participants: &[&String], claimed: &[&str]) -> bool {
    let covered = claimed
        .iter()
        .filter(|c| participants.iter().any(|p| covers(kb, p, c)))
        .count();
    covered >= claimed.len().min(2) && covered > 0
}

fn evidence(kb: &KnowledgeBase, derived: &Derived, f: FactRef, date: String) -> Evidence {
    let citations = match derived.citations.get(f.id()) {
        Some(c) if f.sources().is_empty() => c.clone(),
        _ => kb.cite(f.sources()),
    };
    Evidence {
        fact: f.id().to_string(),
        title: f.title(),
        date,
        citations,
    }
}

fn fmt_period(from: Day, to: Day) -> String {
    if from == to {
        from.to_string()
    } else {
        format!("{from} – {to}")
    }
}

/// A fact's agents and targets when the event has a direction (a transfer: supplier → recipient;
/// a membership, deployment or office: subject → object; a delivery, visit, invasion, attack,
/// accession or withdrawal with targets: actors → targets); `None` for a symmetric fact (a
/// signing, a summit, a programme), where every participant is on one side.
fn sides<'a>(f: FactRef<'a>) -> Option<(Vec<&'a String>, Vec<&'a String>)> {
    match f {
        FactRef::Relation(r) => matches!(
            r.kind,
            RelationKind::Membership | RelationKind::Participation | RelationKind::Deployment | RelationKind::Office
        )
        .then(|| (vec![&r.subject], vec![&r.object])),
        // What was said is the speaker's: a statement's actors are who spoke or published.
        FactRef::Event(e) if matches!(e.kind, EventKind::Statement | EventKind::Publication) => {
            Some((e.actors.iter().collect(), e.targets.iter().collect()))
        }
        FactRef::Event(e) => (matches!(
            e.kind,
            EventKind::Delivery
                | EventKind::Visit
                | EventKind::Invasion
                | EventKind::Attack
                | EventKind::Accession
                | EventKind::Withdrawal
        ) && !e.targets.is_empty())
        .then(|| (e.actors.iter().collect(), e.targets.iter().collect())),
        FactRef::Transfer(t) => {
            let mut agents = vec![&t.supplier];
            agents.extend(&t.companies);
            Some((agents, vec![&t.recipient]))
        }
        FactRef::Driver(_) => None,
    }
}

/// Whether the claim's roles are grammatical ones that a fact's direction can check: a delivery,
/// visit, invasion, attack, threat, deployment, withdrawal or statement has a doer (the speaker)
/// and a receiver in the text. Orders and contracts are signed by both sides ("Poland ordered from Korea", "Korea sold
/// to Poland"), and membership's roles follow from the kinds (a state is a member of an
/// organisation), so those are compared as sets.
fn directed(kind: ClaimKind) -> bool {
    use ClaimKind::*;
    matches!(
        kind,
        Delivery | Visit | Invasion | Attack | Threat | Deployment | Withdrawal | Statement
    )
}

/// Which named actors of the claim a fact agrees with in their role, and which it does not.
fn roles(kb: &KnowledgeBase, c: &Claim, f: FactRef) -> (Vec<String>, Vec<String>) {
    let (mut agree, mut missing) = (Vec::new(), Vec::new());
    let any = |side: &[&String], id: &str| side.iter().any(|p| covers(kb, p, id));
    let all_parts = f.participants();
    let sides = if directed(c.mode) { sides(f) } else { None };
    let mut seen: Vec<&str> = Vec::new();
    for (a, as_actor) in c
        .actors
        .iter()
        .map(|a| (a, true))
        .chain(c.recipients.iter().map(|a| (a, false)))
    {
        if seen.contains(&a.id.as_str()) {
            continue;
        }
        seen.push(a.id.as_str());
        let ok = match &sides {
            Some((agents, targets)) => any(if as_actor { agents } else { targets }, &a.id),
            None => any(&all_parts, &a.id),
        };
        let what = if sides.is_some() {
            format!("{} as {}", a.name, if as_actor { "actor" } else { "recipient" })
        } else {
            a.name.clone()
        };
        if ok {
            agree.push(what);
        } else {
            missing.push(what);
        }
    }
    (agree, missing)
}

/// The candidate facts for a claim's kind, with the dates to compare.
fn candidates<'a>(kb: &'a KnowledgeBase, derived: &'a Derived, c: &Claim) -> Vec<Candidate<'a>> {
    use ClaimKind::*;
    let claimed = claimed_ids(c);
    let facts = kb.facts();
    let mut out = Vec::new();
    let rel_candidate = |r: &'a Relation, whole_interval: bool| -> Option<Candidate<'a>> {
        let start = r.interval.start?;
        let (from, to) = if whole_interval {
            (
                start.earliest(),
                r.interval.end.map_or(
                    Day {
                        year: 2999,
                        month: 12,
                        day: 31,
                    },
                    |e| e.latest(),
                ),
            )
        } else {
            (start.earliest(), start.latest())
        };
        Some(Candidate {
            fact: FactRef::Relation(r),
            from,
            to,
            label: r.interval.to_string(),
        })
    };
    for r in facts.relations.iter().chain(&derived.relations) {
        if !involves(kb, &[&r.subject, &r.object], &claimed) {
            continue;
        }
        let quote = c.quote.to_ascii_lowercase();
        let says_member = quote.contains("member") || quote.contains("join");
        let fits = match c.mode {
            // "member" is membership or participation; "partner", "dialogue" a partnership.
            Membership if says_member => matches!(r.kind, RelationKind::Membership | RelationKind::Participation),
            Membership => matches!(
                r.kind,
                RelationKind::Membership | RelationKind::Participation | RelationKind::Partnership
            ),
            Accession => matches!(r.kind, RelationKind::Membership | RelationKind::Participation),
            Programme | Agreement => r.kind == RelationKind::Programme,
            Treaty => matches!(r.kind, RelationKind::Treaty | RelationKind::Alliance),
            Deployment | Withdrawal => r.kind == RelationKind::Deployment,
            Inauguration => r.kind == RelationKind::Office,
            _ => false,
        };
        // Membership of an organisation is membership of it, not of one of its bodies.
        if matches!(c.mode, Membership | Accession) && !claimed.contains(&r.object.as_str()) {
            continue;
        }
        if fits && c.mode == Withdrawal {
            // A withdrawal is compared with the end of the deployment.
            if let Some(end) = r.interval.end {
                out.push(Candidate {
                    fact: FactRef::Relation(r),
                    from: end.earliest(),
                    to: end.latest(),
                    label: format!("ended {end}"),
                });
            }
        } else if fits {
            // A standing status or a deployment is compared over its whole span; the start of a
            // programme, accession or office is compared at its date.
            out.extend(rel_candidate(r, matches!(c.mode, Membership | Deployment)));
        }
    }
    for e in &facts.events {
        let parts: Vec<&String> = e.participants().collect();
        if !involves(kb, &parts, &claimed) {
            continue;
        }
        // Joining an organisation is joining it, not one of its bodies.
        if c.mode == Accession && !e.targets.iter().any(|t| claimed.contains(&t.as_str())) {
            continue;
        }
        let fits = match c.mode {
            Accession => e.kind == EventKind::Accession,
            Programme => e.kind == EventKind::Signing && e.instrument == Some(Instrument::Programme),
            Agreement => e.kind == EventKind::Signing,
            FrameworkAgreement | ExecutiveContract | ArmsDeal => {
                e.kind == EventKind::Signing
                    && matches!(
                        e.instrument,
                        Some(Instrument::FrameworkAgreement | Instrument::ExecutiveContract)
                    )
            }
            Delivery => e.kind == EventKind::Delivery,
            Treaty => {
                (e.kind == EventKind::Signing && e.instrument == Some(Instrument::Treaty))
                    || e.kind == EventKind::EntryIntoForce
            }
            Ratification => e.kind == EventKind::Ratification,
            Summit | Attendance => matches!(e.kind, EventKind::Summit | EventKind::Meeting),
            Visit => e.kind == EventKind::Visit,
            Withdrawal => e.kind == EventKind::Withdrawal,
            Exercise => e.kind == EventKind::Exercise,
            Establishment => e.kind == EventKind::Establishment,
            Invasion => e.kind == EventKind::Invasion,
            Attack => matches!(e.kind, EventKind::Attack | EventKind::Invasion),
            Threat => e.kind == EventKind::WeaponsTest,
            // A statement's content is not compared, but its PLOVER type must be the record's
            // (an accusation is not supported by a strategy published the same month).
            Statement => matches!(e.kind, EventKind::Statement | EventKind::Publication) && e.plover == c.plover,
            Election => e.kind == EventKind::Election,
            Inauguration => e.kind == EventKind::Inauguration,
            Membership | Deployment => false,
        };
        if fits {
            out.push(Candidate {
                fact: FactRef::Event(e),
                from: e.date.earliest(),
                to: e.end.unwrap_or(e.date).latest(),
                label: e.date.to_string(),
            });
        }
    }
    for t in facts.transfers.iter().chain(&derived.transfers) {
        let mut parts: Vec<&String> = vec![&t.supplier, &t.recipient];
        parts.extend(&t.companies);
        if !involves(kb, &parts, &claimed) {
            continue;
        }
        match c.mode {
            ArmsDeal | ExecutiveContract | FrameworkAgreement => {
                if c.mode == FrameworkAgreement && t.status != TransferStatus::Framework && t.signings.is_empty() {
                    continue;
                }
                if let Some(d) = t.order_date {
                    out.push(Candidate {
                        fact: FactRef::Transfer(t),
                        from: d.earliest(),
                        to: d.latest(),
                        label: d.to_string(),
                    });
                }
            }
            Delivery => {
                for y in &t.delivery_years {
                    if let Ok(d) = PartialDate::year_only(*y) {
                        out.push(Candidate {
                            fact: FactRef::Transfer(t),
                            from: d.earliest(),
                            to: d.latest(),
                            label: format!("deliveries in {y}"),
                        });
                    }
                }
            }
            _ => {}
        }
    }
    out
}

fn overlaps(a: (Day, Day), b: (Day, Day)) -> bool {
    a.0 <= b.1 && b.0 <= a.1
}

/// Checks one claim against the curated facts.
pub fn verify_claim(kb: &KnowledgeBase, c: &Claim) -> Verification {
    verify_claim_with(kb, None, c)
}

/// The city a claim of a meeting, visit, signing or exercise puts the event in: a place the data
/// knows (a capital, or a part of a recorded event's place that names no actor) after "in" or
/// "at" in its quote.
fn claimed_place(kb: &KnowledgeBase, c: &Claim) -> Option<String> {
    use ClaimKind::*;
    if !matches!(
        c.mode,
        Summit
            | Attendance
            | Visit
            | Agreement
            | Treaty
            | Programme
            | FrameworkAgreement
            | ExecutiveContract
            | Exercise
    ) {
        return None;
    }
    let words: Vec<&str> = c.quote.split_whitespace().collect();
    let known = |name: &str| {
        kb.resolve(name).is_err()
            && (kb.facts().actors.iter().any(|a| a.seats().any(|c| c == name))
                || kb.facts().events.iter().any(|e| {
                    e.place
                        .as_deref()
                        .is_some_and(|pl| pl.split(", ").any(|part| part == name))
                }))
    };
    words.windows(2).enumerate().find_map(|(i, w)| {
        if !["in", "at"].contains(&w[0]) {
            return None;
        }
        // The longest run of capitalised words (at most three) that names a known place.
        let run: Vec<&str> = words[i + 1..]
            .iter()
            .take(3)
            .map(|w| w.trim_end_matches(|ch: char| !ch.is_alphanumeric()))
            .take_while(|w| w.starts_with(|ch: char| ch.is_uppercase()))
            .collect();
        (1..=run.len())
            .rev()
            .map(|n| run[..n].join(" "))
            .find(|name| known(name))
    })
}

/// A person's summits or visits the data records up to a claim's date, where the claim numbers
/// them lower ("Yoon, attending his second NATO summit" in July 2024, when the data has him at
/// Madrid, Vilnius and Washington): the ordinal claimed and those records. Only an ordinal of a
/// person's own ("his", "her") before the noun, with at most two names between ("NATO"), which
/// the records must involve too; the data missing some of a person's summits can make an ordinal
/// look right, never wrong.
fn ordinal_contradiction<'a>(kb: &'a KnowledgeBase, c: &Claim, until: Day) -> Option<(&'static str, Vec<&'a Event>)> {
    static ORDINAL: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    use crate::lexicon::ORDINALS;
    if c.modality == Modality::Negated
        || !matches!(c.mode, ClaimKind::Summit | ClaimKind::Attendance | ClaimKind::Visit)
    {
        return None;
    }
    let re = ORDINAL.get_or_init(|| {
        regex::Regex::new(&format!(
            r"\b(?i:his|her)\s+(?i:({}))\s+((?:[A-Z][\w-]*\s+){{0,2}})(?i:(summit|visit|trip))s?\b",
            ORDINALS.join("|")
        ))
        .expect("ordinal pattern")
    });
    let m = re.captures(&c.quote)?;
    let word = m.get(1)?.as_str().to_ascii_lowercase();
    let (n, &ordinal) = ORDINALS.iter().enumerate().find(|(_, w)| **w == word)?;
    let kind = if m[3].eq_ignore_ascii_case("summit") {
        EventKind::Summit
    } else {
        EventKind::Visit
    };
    // The person: one the data records for a side of the claim, named in its quote.
    let sides: Vec<&str> = claimed_ids(c);
    let named = |a: &Actor| {
        std::iter::once(&a.name).chain(&a.aliases).any(|n| {
            c.quote
                .match_indices(n.as_str())
                .any(|(i, _)| crate::lexicon::bounded(&c.quote, i, i + n.len()))
        })
    };
    let person = kb.facts().actors.iter().find(|a| {
        a.kind == ActorKind::Person
            && (sides.contains(&a.id.as_str()) || a.parent.as_deref().is_some_and(|p| sides.contains(&p)))
            && named(a)
    })?;
    let with: Vec<&str> = m[2]
        .split_whitespace()
        .filter_map(|w| kb.resolve(w).ok().map(|a| a.id.as_str()))
        .collect();
    let held: Vec<&Event> = kb
        .facts()
        .events
        .iter()
        .filter(|e| e.kind == kind && e.date.earliest() <= until)
        .filter(|e| e.participants().any(|p| *p == person.id))
        .filter(|e| with.iter().all(|w| e.participants().any(|p| p == w)))
        .collect();
    (held.len() > n + 1).then_some((ordinal, held))
}

/// Checks one claim against the curated facts and those `source` derives from the datasets.
pub fn verify_claim_with(kb: &KnowledgeBase, source: Option<&dyn DerivedSource>, c: &Claim) -> Verification {
    let derived = derived_for(kb, source, c);
    let cands = candidates(kb, &derived, c);
    let claim_period = period(c.date, c.date_end);
    let mut differences = Vec::new();
    let finish =
        |verdict: Verdict, differences: Vec<Difference>, evidence: Vec<Evidence>, explanation: String| Verification {
            claim: c.clone(),
            verdict,
            differences,
            evidence,
            explanation,
        };

    // Deployments: the operation matters (ISAF is NATO's; OEF was the US-led coalition).
    if c.mode == ClaimKind::Deployment {
        if let (Some(op), Some(p)) = (
            c.recipients
                .iter()
                .find(|r| kb.actor(&r.id).is_some_and(|a| a.kind == ActorKind::Operation)),
            claim_period,
        ) {
            let actor = c.actors.first().map(|a| a.id.as_str()).unwrap_or("");
            let in_op: Vec<&Candidate> = cands
                .iter()
                .filter(|x| matches!(x.fact, FactRef::Relation(r) if r.object == op.id) && overlaps((x.from, x.to), p))
                .collect();
            if in_op.is_empty() {
                let elsewhere: Vec<&Relation> = kb
                    .facts()
                    .relations
                    .iter()
                    .filter(|r| {
                        r.kind == RelationKind::Deployment && covers(kb, &r.subject, actor) && r.object != op.id
                    })
                    .filter(|r| period(r.interval.start, r.interval.end).is_some_and(|q| overlaps(q, p)))
                    .collect();
                if !elsewhere.is_empty() {
                    let ops: Vec<String> = elsewhere
                        .iter()
                        .map(|r| kb.name_of(&r.object).to_string())
                        .collect::<std::collections::BTreeSet<_>>()
                        .into_iter()
                        .collect();
                    let ev = elsewhere
                        .iter()
                        .map(|r| evidence(kb, &derived, FactRef::Relation(r), r.interval.to_string()))
                        .collect();
                    let explanation = format!(
                        "In {} the recorded deployments of {} were in {}, not in {}.",
                        fmt_period(p.0, p.1),
                        c.actors.first().map_or("the actor", |a| a.name.as_str()),
                        ops.join(", "),
                        op.name
                    );
                    if c.modality == Modality::Negated {
                        let explanation = format!("Right to deny it: {explanation}");
                        return finish(Verdict::Supported, differences, ev, explanation);
                    }
                    differences.push(Difference {
                        field: "operation",
                        claimed: op.name.clone(),
                        recorded: ops.join(", "),
                    });
                    return finish(Verdict::Contradicted, differences, ev, explanation);
                }
            }
        }
    }

    // Arms: a claim of weapon systems where the record holds only non-weapon equipment.
    let about_weapons = {
        let q = c.quote.to_ascii_lowercase();
        q.contains("weapon") || q.contains(" arms") || q.contains("armament")
    };
    let transfers: Vec<&Transfer> = cands
        .iter()
        .filter_map(|x| {
            if let FactRef::Transfer(t) = x.fact {
                Some(t)
            } else {
                None
            }
        })
        .collect();
    if about_weapons
        && matches!(
            c.mode,
            ClaimKind::ArmsDeal | ClaimKind::ExecutiveContract | ClaimKind::Delivery
        )
        && !transfers.is_empty()
        && transfers.iter().all(|t| !t.weapon)
    {
        let ev: Vec<Evidence> = transfers
            .iter()
            .map(|t| {
                evidence(
                    kb,
                    &derived,
                    FactRef::Transfer(t),
                    t.order_date.map(|d| d.to_string()).unwrap_or_default(),
                )
            })
            .collect();
        let recorded: Vec<String> = transfers
            .iter()
            .map(|t| format!("{} {}", t.system, t.description))
            .collect();
        if c.modality == Modality::Negated {
            let explanation = format!(
                "Right to deny it: the data records only non-weapon equipment ({}).",
                recorded.join("; ")
            );
            return finish(Verdict::Supported, differences, ev, explanation);
        }
        differences.push(Difference {
            field: "weapon",
            claimed: "weapon systems".into(),
            recorded: format!("only non-weapon equipment: {}", recorded.join("; ")),
        });
        let explanation = format!(
            "The data records no weapon system in this relationship, only {}.",
            recorded.join("; ")
        );
        return finish(Verdict::Contradicted, differences, ev, explanation);
    }

    if cands.is_empty() {
        return finish(
            Verdict::Unverifiable,
            differences,
            Vec::new(),
            "No recorded fact covers this event.".into(),
        );
    }
    // A request, rejection or protest about an event is not the event.
    if matches!(c.plover, Plover::Request | Plover::Reject | Plover::Protest) && c.mode != ClaimKind::Statement {
        return finish(
            Verdict::Unverifiable,
            differences,
            Vec::new(),
            "The data records events, not requests or refusals about them.".into(),
        );
    }
    // Talks about an agreement (PLOVER's CONSULT; CAMEO 04, which talks to come keep when PLOVER
    // reports them as AGREE) are not its signing, which is what the data records of agreements,
    // contracts, programmes and treaties.
    if (c.plover == Plover::Consult || c.cameo.is_some_and(|k| k.starts_with("04")))
        && matches!(
            c.mode,
            ClaimKind::Agreement
                | ClaimKind::Programme
                | ClaimKind::Treaty
                | ClaimKind::FrameworkAgreement
                | ClaimKind::ExecutiveContract
                | ClaimKind::ArmsDeal
        )
    {
        return finish(
            Verdict::Unverifiable,
            differences,
            Vec::new(),
            "The data records signings, not the talks before them.".into(),
        );
    }
    let agrees = |x: &Candidate| claim_period.is_none_or(|p| overlaps((x.from, x.to), p));
    // Quantities are compared for orders only: deliveries come in batches.
    let quantity_ok = |x: &Candidate| match (c.quantity, x.fact, c.mode) {
        (
            Some(q),
            FactRef::Transfer(t),
            ClaimKind::ArmsDeal | ClaimKind::ExecutiveContract | ClaimKind::FrameworkAgreement,
        ) => t
            .ordered
            .is_none_or(|o| u64::from(o) == q || t.delivered.is_some_and(|d| u64::from(d) == q)),
        _ => true,
    };
    // Candidates that agree on every named actor in its role.
    let in_role = |x: &Candidate| roles(kb, c, x.fact).1.is_empty();
    let matching: Vec<&Candidate> = cands
        .iter()
        .filter(|x| agrees(x) && quantity_ok(x) && in_role(x))
        .collect();

    // Instrument: an order or "executive contract" dated when only framework agreements were signed.
    if matches!(c.mode, ClaimKind::ExecutiveContract | ClaimKind::ArmsDeal) {
        let is = |x: &Candidate, i: Instrument| match x.fact {
            FactRef::Event(e) => e.instrument == Some(i),
            FactRef::Transfer(t) => (t.status == TransferStatus::Framework) == (i == Instrument::FrameworkAgreement),
            _ => false,
        };
        let exec_then = matching.iter().any(|x| is(x, Instrument::ExecutiveContract));
        let framework_then: Vec<&&Candidate> = matching
            .iter()
            .filter(|x| is(x, Instrument::FrameworkAgreement))
            .collect();
        if !exec_then && !framework_then.is_empty() {
            let exec_elsewhere: Vec<&Candidate> =
                cands.iter().filter(|x| is(x, Instrument::ExecutiveContract)).collect();
            let mut ev: Vec<Evidence> = framework_then
                .iter()
                .map(|x| evidence(kb, &derived, x.fact, x.label.clone()))
                .collect();
            ev.extend(
                exec_elsewhere
                    .iter()
                    .map(|x| evidence(kb, &derived, x.fact, x.label.clone())),
            );
            // (Each date once, in order: several records may date the same signing.)
            let when: Vec<String> = exec_elsewhere
                .iter()
                .map(|x| x.label.clone())
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            differences.push(Difference {
                field: "instrument",
                claimed: format!(
                    "{}{}",
                    if c.mode == ClaimKind::ExecutiveContract {
                        "executive contract"
                    } else {
                        "contract or order"
                    },
                    c.date.map(|d| format!(" in {d}")).unwrap_or_default()
                ),
                recorded: format!(
                    "framework agreement{}",
                    if when.is_empty() {
                        String::new()
                    } else {
                        format!("; executive contracts on {}", when.join(", "))
                    }
                ),
            });
            // Claiming the binding instrument ("executive contract", "firm order") when only the
            // framework was signed is wrong; calling the framework a "contract", "deal" or
            // "order" is loose wording for a real signing, so imprecise.
            let verdict = if c.mode == ClaimKind::ExecutiveContract {
                Verdict::Contradicted
            } else {
                Verdict::Imprecise
            };
            let explanation = format!(
                "{}: the documents signed then were framework agreements{}.",
                if verdict == Verdict::Imprecise {
                    "Imprecise"
                } else {
                    "Not an executive contract"
                },
                if when.is_empty() {
                    String::new()
                } else {
                    format!("; the binding executive contracts came on {}", when.join(", "))
                }
            );
            return finish(verdict, differences, ev, explanation);
        }
    }

    // Place: a meeting or signing the claim puts in one city that every matching record puts
    // in another ("its first meeting in Washington", held in Seoul) is contradicted. (Only a
    // dated claim: an undated one may be another meeting, the data's record of which is missing.)
    if c.modality != Modality::Negated && claim_period.is_some() {
        // (The records' places first: the claim's is looked for only where every match has one.)
        let recorded: Vec<(&&Candidate, &str)> = matching
            .iter()
            .filter_map(|x| match x.fact {
                FactRef::Event(e) => Some((x, e.place.as_deref()?)),
                _ => None,
            })
            .collect();
        let claimed = (!recorded.is_empty() && recorded.len() == matching.len())
            .then(|| claimed_place(kb, c))
            .flatten();
        if let Some(claimed) = claimed {
            let agrees = |place: &str| place.to_lowercase().contains(&claimed.to_lowercase());
            if !recorded.iter().any(|(_, pl)| agrees(pl)) {
                let places: Vec<&str> = recorded
                    .iter()
                    .map(|(_, pl)| *pl)
                    .collect::<std::collections::BTreeSet<_>>()
                    .into_iter()
                    .collect();
                differences.push(Difference {
                    field: "place",
                    claimed: claimed.clone(),
                    recorded: places.join("; "),
                });
                let ev = recorded
                    .iter()
                    .take(5)
                    .map(|(x, _)| evidence(kb, &derived, x.fact, x.label.clone()))
                    .collect();
                let explanation = format!(
                    "{} ({}) took place in {}, not in {claimed}.",
                    recorded[0].0.fact.title(),
                    recorded[0].0.label,
                    places.join("; ")
                );
                return finish(Verdict::Contradicted, differences, ev, explanation);
            }
        }
    }

    // An ordinal the data contradicts: "his second NATO summit" when it records a third by then.
    if let Some((ordinal, held)) = claim_period.and_then(|p| ordinal_contradiction(kb, c, p.1)) {
        let recorded: Vec<String> = held.iter().map(|e| format!("{} ({})", e.title, e.date)).collect();
        differences.push(Difference {
            field: "ordinal",
            claimed: ordinal.to_string(),
            recorded: format!("{} by then: {}", held.len(), recorded.join("; ")),
        });
        let ev = held
            .iter()
            .map(|e| evidence(kb, &derived, FactRef::Event(e), e.date.to_string()))
            .collect();
        let explanation = format!(
            "Not the {ordinal}: the data records {} by then ({}).",
            held.len(),
            recorded.join("; ")
        );
        return finish(Verdict::Contradicted, differences, ev, explanation);
    }

    if !matching.is_empty() {
        let ev: Vec<Evidence> = matching
            .iter()
            .take(5)
            .map(|x| evidence(kb, &derived, x.fact, x.label.clone()))
            .collect();
        if c.modality == Modality::Negated {
            let explanation = format!("The text denies it, but the data records it: {}.", ev[0].title);
            return finish(Verdict::Contradicted, differences, ev, explanation);
        }
        let listed = ev
            .iter()
            .map(|e| format!("{} ({})", e.title, e.date))
            .collect::<Vec<_>>()
            .join("; ");
        // A deployment dated to a month or day inside a standing deployment's span, not at its
        // start: the record says the forces were there, not that this happened then.
        let inside_only = c.mode == ClaimKind::Deployment
            && c.date.is_some_and(|d| d.precision() != entente_model::Precision::Year)
            && matching.iter().all(|x| match x.fact {
                FactRef::Relation(r) => r
                    .interval
                    .start
                    .is_some_and(|s| claim_period.is_some_and(|p| !overlaps((s.earliest(), s.latest()), p))),
                _ => false,
            });
        if inside_only {
            let explanation = format!("The data records {listed} over that time, but no deployment beginning then.");
            return finish(Verdict::PartlySupported, differences, ev, explanation);
        }
        if claim_period.is_none() {
            // A fact of the same kind at some date may be another event of that kind.
            let explanation =
                format!("Actors and kind agree with {listed}, but the claim gives no date to tie it to one of them.");
            return finish(Verdict::PartlySupported, differences, ev, explanation);
        }
        return finish(Verdict::Supported, differences, ev, format!("Matches {listed}."));
    }
    // A fact that agrees on the kind and date but on only some of the named actors, or with the
    // roles reversed: partly supported, saying which.
    if c.modality != Modality::Negated {
        let partial: Vec<(&Candidate, Vec<String>, Vec<String>)> = cands
            .iter()
            .filter(|x| agrees(x) && quantity_ok(x))
            .map(|x| {
                let (a, m) = roles(kb, c, x.fact);
                (x, a, m)
            })
            .filter(|(x, a, m)| {
                !m.is_empty() && (!a.is_empty() || involves(kb, &x.fact.participants(), &claimed_ids(c)))
            })
            .collect();
        if let Some((x, agree, missing)) = partial.iter().max_by_key(|(_, a, _)| a.len()) {
            let explanation = if agree.is_empty() {
                // Every named actor takes part, none in the role the claim gives it.
                format!(
                    "{} ({}) agrees on the actors{}, but with the roles the other way round ({}).",
                    x.fact.title(),
                    x.label,
                    if claim_period.is_some() { " and the date" } else { "" },
                    missing.join(", ")
                )
            } else {
                format!(
                    "{} ({}) agrees on {}{}, but not on {}.",
                    x.fact.title(),
                    x.label,
                    agree.join(", "),
                    if claim_period.is_some() { " and the date" } else { "" },
                    missing.join(", ")
                )
            };
            return finish(
                Verdict::PartlySupported,
                differences,
                vec![evidence(kb, &derived, x.fact, x.label.clone())],
                explanation,
            );
        }
    }
    if c.modality == Modality::Negated {
        // An organisation whose members are recorded has all of them recorded: a denial of
        // membership is then confirmed by the absence of one at the claimed date.
        if c.mode == ClaimKind::Membership {
            let ids = claimed_ids(c);
            let orgs: Vec<&str> = ids
                .iter()
                .copied()
                .filter(|id| {
                    kb.facts()
                        .relations
                        .iter()
                        .any(|r| r.kind == RelationKind::Membership && r.object == *id)
                })
                .collect();
            if let Some(org) = orgs.first() {
                let member = ids.iter().find(|id| *id != org);
                if let Some(member) = member {
                    let at = claim_period.map(|p| p.1);
                    let is_member = kb.facts().relations.iter().any(|r| {
                        r.kind == RelationKind::Membership
                            && r.object == *org
                            && covers(kb, &r.subject, member)
                            && at.is_none_or(|d| r.interval.contains(d))
                    });
                    if !is_member {
                        let explanation = format!(
                            "Right to deny it: the data records every member of {} and {} is not among them{}.",
                            kb.name_of(org),
                            kb.name_of(member),
                            at.map(|d| format!(" on {d}")).unwrap_or_default()
                        );
                        return finish(Verdict::Supported, differences, Vec::new(), explanation);
                    }
                }
            }
        }
        return finish(
            Verdict::Unverifiable,
            differences,
            Vec::new(),
            "A denial the data cannot confirm: it does not record where it is complete.".into(),
        );
    }
    // The event is recorded, but not as claimed: report the nearest record.
    let Some(p) = claim_period else {
        return finish(
            Verdict::Unverifiable,
            differences,
            Vec::new(),
            "No recorded fact matches.".into(),
        );
    };
    // With one named actor, or for events that recur (meetings, visits, deliveries, exercises,
    // statements), a record at another date is as likely another event as this one.
    let recurring = matches!(
        c.mode,
        ClaimKind::Summit
            | ClaimKind::Attendance
            | ClaimKind::Visit
            | ClaimKind::Delivery
            | ClaimKind::Exercise
            | ClaimKind::Statement
            | ClaimKind::Attack
            | ClaimKind::Threat
    );
    if claimed_ids(c).len() < 2 || recurring {
        return finish(
            Verdict::Unverifiable,
            differences,
            Vec::new(),
            "No recorded fact matches.".into(),
        );
    }
    let distance = |x: &Candidate| {
        if x.to < p.0 {
            p.0.ordinal() - x.to.ordinal()
        } else {
            x.from.ordinal() - p.1.ordinal()
        }
    };
    let date_wrong: Vec<&Candidate> = cands
        .iter()
        .filter(|x| !agrees(x) && quantity_ok(x) && in_role(x))
        .collect();
    if let Some(nearest) = date_wrong.iter().min_by_key(|x| distance(x)) {
        differences.push(Difference {
            field: "date",
            claimed: fmt_period(p.0, p.1),
            recorded: nearest.label.clone(),
        });
        // Within a month of the record: the right event with a loose date.
        let near = distance(nearest) <= 31;
        let explanation = format!(
            "{}The data dates this to {}, not {}.",
            if near { "Imprecise: " } else { "" },
            nearest.label,
            fmt_period(p.0, p.1)
        );
        return finish(
            if near {
                Verdict::Imprecise
            } else {
                Verdict::Contradicted
            },
            differences,
            vec![evidence(kb, &derived, nearest.fact, nearest.label.clone())],
            explanation,
        );
    }
    if let Some(q) = c.quantity {
        if let Some(x) = cands.iter().find(|x| agrees(x) && in_role(x)) {
            if let FactRef::Transfer(t) = x.fact {
                differences.push(Difference {
                    field: "quantity",
                    claimed: q.to_string(),
                    recorded: t.ordered.map(|o| o.to_string()).unwrap_or_default(),
                });
                let explanation = format!(
                    "The data records {} ordered, not {q}.",
                    t.ordered.map(|o| o.to_string()).unwrap_or_default()
                );
                return finish(
                    Verdict::Contradicted,
                    differences,
                    vec![evidence(kb, &derived, x.fact, x.label.clone())],
                    explanation,
                );
            }
        }
    }
    finish(
        Verdict::Unverifiable,
        differences,
        Vec::new(),
        "No recorded fact matches.".into(),
    )
}

/// Checks every claim against the curated facts.
pub fn verify(kb: &KnowledgeBase, claims: &[Claim]) -> Vec<Verification> {
    verify_with(kb, None, claims)
}

/// Checks every claim against the curated facts and those `source` derives from the datasets.
pub fn verify_with(kb: &KnowledgeBase, source: Option<&dyn DerivedSource>, claims: &[Claim]) -> Vec<Verification> {
    claims.iter().map(|c| verify_claim_with(kb, source, c)).collect()
}
