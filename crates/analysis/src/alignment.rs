//! Alignment measures for a dyad, from the imported standard datasets (ATOP, UN votes): between
//! two states directly, or between a state and an alliance as the mean over the alliance's
//! members each year — for `entente align`, `/api/measures` and the brief alike.

use crate::views::{self, Provenance};
use entente_kb::{Citation, KnowledgeBase};
use entente_model::{ActorKind, Day, RelationKind};
use entente_store::{Dataset, Store};
use serde::Serialize;

/// The datasets as sources a row can cite, with the imported file as locator.
pub fn dataset_citation(p: &Provenance) -> Citation {
    let (id, url, publisher, title) = match p.dataset {
        Dataset::Sipri => (
            "sipri-trade-register",
            "https://www.sipri.org/databases/armstransfers",
            "SIPRI",
            "SIPRI Arms Transfers Database: trade register",
        ),
        Dataset::Atop => (
            "atop",
            "http://www.atopdata.org/",
            "Leeds, Ritter, Mitchell and Long",
            "Alliance Treaty Obligations and Provisions (ATOP)",
        ),
        Dataset::Unvotes => (
            "unvotes",
            "https://doi.org/10.7910/DVN/LEJUQZ",
            "Voeten, Strezhnev and Bailey",
            "United Nations General Assembly Voting Data",
        ),
    };
    Citation {
        source: id.to_string(),
        url: url.to_string(),
        publisher: publisher.to_string(),
        title: Some(title.to_string()),
        locator: Some(format!("{}, sha256 {}", p.file, &p.sha256[..12.min(p.sha256.len())])),
    }
}

fn is_group(kb: &KnowledgeBase, id: &str) -> bool {
    kb.facts()
        .relations
        .iter()
        .any(|r| r.kind == RelationKind::Membership && r.object == id)
        && kb.actor(id).is_some_and(|a| a.kind != ActorKind::State)
}

/// The alignment measures of a dyad: two states directly, or a state with a group's members.
#[derive(Clone, Debug, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Measures {
    Dyad(views::Alignment),
    Group {
        group: String,
        #[serde(flatten)]
        alignment: views::GroupAlignment,
    },
}

/// The alignment of `a` and `b` over `from..=to`, or `None` when neither side is a state with a
/// Correlates of War code (alignment measures cover states).
pub fn measures(
    kb: &KnowledgeBase,
    store: &Store,
    a: &str,
    b: &str,
    from: i32,
    to: i32,
) -> Result<Option<Measures>, entente_store::Error> {
    let cow = |id: &str| views::cow_of(id, None).or_else(|| kb.actor(id).and_then(|x| x.codes.cow));
    match (cow(a), cow(b)) {
        (Some(ca), Some(cb)) => Ok(Some(Measures::Dyad(views::align(
            store,
            (a, ca),
            (b, cb),
            Some(from),
            Some(to),
        )?))),
        (ca, cb) => {
            let (state, group, sc) = match (ca, cb) {
                (Some(c), None) if is_group(kb, b) => (a, b, c),
                (None, Some(c)) if is_group(kb, a) => (b, a, c),
                _ => return Ok(None),
            };
            let members = |year: i32| -> Vec<(String, u16)> {
                let day = Day {
                    year,
                    month: 12,
                    day: 31,
                };
                kb.members_at(group, day)
                    .into_iter()
                    .filter(|r| r.subject != state)
                    .filter_map(|r| views::cow_of(&r.subject, Some(year)).map(|c| (r.subject.clone(), c)))
                    .collect()
            };
            let alignment = views::align_group(store, (state, sc), &members, from, to)?;
            Ok(Some(Measures::Group {
                group: group.to_string(),
                alignment,
            }))
        }
    }
}
