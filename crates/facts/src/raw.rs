//! The fact-file grammar as serde types, with the byte span of every value a check may point at.
//!
//! These types mirror the files one to one; `validate` turns them into model types.

use serde::Deserialize;
use toml::Spanned;

pub type S = Spanned<String>;

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawFile {
    /// Records of other files this file corrects (`"fact:ID"`, `"source:ID"`, `"actor:ID"`): they
    /// are left out, so that this file's record of the same id takes their place.
    #[serde(default)]
    pub replaces: Vec<S>,
    #[serde(default)]
    pub source: Vec<Spanned<RawSource>>,
    #[serde(default)]
    pub actor: Vec<Spanned<RawActor>>,
    #[serde(default)]
    pub relation: Vec<Spanned<RawRelation>>,
    #[serde(default)]
    pub event: Vec<Spanned<RawEvent>>,
    #[serde(default)]
    pub transfer: Vec<Spanned<RawTransfer>>,
    #[serde(default)]
    pub driver: Vec<Spanned<RawDriver>>,
    #[serde(default)]
    pub scope: Vec<Spanned<RawScope>>,
}

/// `[[scope]]`: the pairs whose ties of some dimensions the file records completely.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScope {
    pub pairs: Vec<Vec<S>>,
    /// Default: every dimension of ties (all but `context`).
    #[serde(default)]
    pub dimensions: Vec<S>,
    pub from: Option<S>,
    pub to: Option<S>,
    pub note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub id: S,
    pub url: S,
    pub publisher: String,
    pub title: Option<String>,
    pub published: Option<S>,
    pub note: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawCodes {
    pub iso3: Option<S>,
    pub iso2: Option<S>,
    pub cow: Option<u16>,
    pub gw: Option<u16>,
    pub cameo: Option<S>,
    pub fips: Option<S>,
    pub wikidata: Option<S>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawActor {
    pub id: S,
    pub kind: S,
    pub name: String,
    pub short_name: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub demonyms: Vec<String>,
    /// A state's capital city.
    pub capital: Option<S>,
    /// A state's seat of government, where it is not the capital.
    pub seat: Option<S>,
    #[serde(default)]
    pub codes: RawCodes,
    pub parent: Option<S>,
    #[serde(default)]
    pub sources: Vec<Spanned<toml::Value>>,
    pub note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDeployment {
    pub unit: Option<String>,
    pub size: Option<u32>,
    pub place: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRelation {
    pub id: S,
    pub kind: S,
    pub subject: S,
    pub object: S,
    pub title: String,
    pub start: Option<S>,
    pub end: Option<S>,
    pub status: Option<String>,
    pub programme: Option<String>,
    #[serde(default)]
    pub areas: Vec<String>,
    #[serde(default)]
    pub obligations: Vec<String>,
    pub atop: Option<Spanned<u32>>,
    pub deployment: Option<RawDeployment>,
    pub dimension: Option<S>,
    #[serde(default)]
    pub sources: Vec<Spanned<toml::Value>>,
    pub note: Option<String>,
    pub review: Option<Spanned<RawReview>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEvent {
    pub id: S,
    pub kind: S,
    pub date: S,
    pub end: Option<S>,
    pub title: String,
    #[serde(default)]
    pub actors: Vec<S>,
    #[serde(default)]
    pub targets: Vec<S>,
    #[serde(default)]
    pub attendees: Vec<S>,
    pub place: Option<String>,
    pub plover: Option<S>,
    pub cameo: Option<S>,
    pub instrument: Option<S>,
    #[serde(default)]
    pub related: Vec<S>,
    pub dimension: Option<S>,
    #[serde(default)]
    pub sources: Vec<Spanned<toml::Value>>,
    pub note: Option<String>,
    pub review: Option<Spanned<RawReview>>,
}

/// `review`: how a record came from an article (`entente propose`, then a reviewer).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawReview {
    pub article: S,
    pub quote: String,
    pub span: Option<Spanned<[usize; 2]>>,
    pub confidence: Spanned<f64>,
    pub proposed: S,
    pub accepted: Option<S>,
    #[serde(default)]
    pub edited: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMoney {
    pub amount: f64,
    pub currency: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTransfer {
    pub id: S,
    pub supplier: S,
    pub recipient: S,
    pub system: String,
    pub description: String,
    pub category: S,
    pub status: S,
    pub weapon: Option<bool>,
    pub licensed: Option<bool>,
    pub second_hand: Option<bool>,
    pub ordered: Option<Spanned<u32>>,
    pub delivered: Option<Spanned<u32>>,
    pub order_date: Option<S>,
    #[serde(default)]
    pub delivery_years: Vec<Spanned<i32>>,
    pub value: Option<Spanned<RawMoney>>,
    #[serde(default)]
    pub companies: Vec<S>,
    #[serde(default)]
    pub signings: Vec<S>,
    #[serde(default)]
    pub sources: Vec<Spanned<toml::Value>>,
    pub note: Option<String>,
    pub review: Option<Spanned<RawReview>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawIndicator {
    pub title: String,
    pub signal: String,
    #[serde(default)]
    pub evidence: Vec<S>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDriver {
    pub id: S,
    pub kind: S,
    pub title: String,
    pub date: Option<S>,
    #[serde(default)]
    pub actors: Vec<S>,
    #[serde(default)]
    pub affects: Vec<S>,
    pub direction: S,
    #[serde(default)]
    pub events: Vec<S>,
    #[serde(default)]
    pub indicators: Vec<RawIndicator>,
    #[serde(default)]
    pub sources: Vec<Spanned<toml::Value>>,
    pub note: Option<String>,
}
