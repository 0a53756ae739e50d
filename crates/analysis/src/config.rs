//! The depth-index configuration: weights, scales, decay, change-point settings.
//!
//! The shipped defaults are `config/depth.toml`, compiled in; a user's file replaces them whole
//! or in part (any key left out keeps its default).

use serde::Deserialize;
use std::collections::BTreeMap;

/// The shipped configuration file.
pub const DEFAULT_CONFIG: &str = include_str!("../../../config/depth.toml");

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndexSettings {
    pub half_life_years: f64,
    pub ended_half_life_years: f64,
    pub start_year: i32,
    /// Dimensions (by spelling) in which an alliance's members count as the alliance.
    pub members_count_for: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TransferSettings {
    pub per_deal: f64,
    pub per_log10_units: f64,
    pub framework_factor: f64,
    pub delivery_year: f64,
    pub non_weapon_factor: f64,
}

/// How monthly event counts from the lake become points of the `event_data` dimension.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventDataSettings {
    /// Points per tenfold of a month's cooperative events (verbal and material cooperation)…
    pub per_log10_cooperation: f64,
    /// … less these points per tenfold of its conflictual events (a month never goes below zero).
    pub per_log10_conflict: f64,
    /// A month's points halve every `half_life_years` after it.
    pub half_life_years: f64,
}

/// How an ATOP alliance between two states becomes institutional points: the largest of the
/// points of the obligations it carries, while in force.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AtopSettings {
    pub defence: f64,
    pub offence: f64,
    pub neutrality: f64,
    pub non_aggression: f64,
    pub consultation: f64,
    /// Whether an alliance still in force when the data end (2016 for v4.01) counts on after it.
    pub carry_forward: bool,
}

/// How a year of UN General Assembly voting agreement becomes political points.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnVoteSettings {
    /// Points of a year in which the two always voted alike…
    pub per_year: f64,
    /// … scaled linearly from this three-category agreement (which earns nothing) up to 1.
    pub baseline: f64,
    /// A year needs at least this many roll calls on which both voted.
    pub min_roll_calls: u32,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangeSettings {
    pub penalty: f64,
    pub noise_floor: f64,
    pub min_segment_months: usize,
    pub driver_window_before_months: i64,
    pub driver_window_after_months: i64,
}

/// The whole configuration.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DepthConfig {
    pub index: IndexSettings,
    /// Composite weight per dimension (by its spelling: `institutional`, …, `event_data`).
    pub weights: BTreeMap<String, f64>,
    /// Saturation scale per dimension.
    pub scale: BTreeMap<String, f64>,
    /// Points per relation kind while in force (and `programme_per_area`).
    pub relation: BTreeMap<String, f64>,
    /// Points per event kind.
    pub event: BTreeMap<String, f64>,
    pub transfer: TransferSettings,
    pub event_data: EventDataSettings,
    pub atop: AtopSettings,
    pub un_votes: UnVoteSettings,
    pub changes: ChangeSettings,
}

/// A configuration that could not be read, with the position of the problem.
#[derive(Clone, Debug, PartialEq)]
pub struct ConfigError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

/// The shape of a user's file: every section and key optional.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // Read only to check types and names, with positions.
struct PartialConfig {
    index: Option<PartialIndex>,
    weights: Option<BTreeMap<String, f64>>,
    scale: Option<BTreeMap<String, f64>>,
    relation: Option<BTreeMap<String, f64>>,
    event: Option<BTreeMap<String, f64>>,
    transfer: Option<PartialTransfer>,
    event_data: Option<PartialEventData>,
    atop: Option<PartialAtop>,
    un_votes: Option<PartialUnVotes>,
    changes: Option<PartialChanges>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct PartialAtop {
    defence: Option<f64>,
    offence: Option<f64>,
    neutrality: Option<f64>,
    non_aggression: Option<f64>,
    consultation: Option<f64>,
    carry_forward: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct PartialUnVotes {
    per_year: Option<f64>,
    baseline: Option<f64>,
    min_roll_calls: Option<u32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct PartialEventData {
    per_log10_cooperation: Option<f64>,
    per_log10_conflict: Option<f64>,
    half_life_years: Option<f64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct PartialIndex {
    half_life_years: Option<f64>,
    ended_half_life_years: Option<f64>,
    start_year: Option<i32>,
    members_count_for: Option<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct PartialTransfer {
    per_deal: Option<f64>,
    per_log10_units: Option<f64>,
    framework_factor: Option<f64>,
    delivery_year: Option<f64>,
    non_weapon_factor: Option<f64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct PartialChanges {
    penalty: Option<f64>,
    noise_floor: Option<f64>,
    min_segment_months: Option<usize>,
    driver_window_before_months: Option<i64>,
    driver_window_after_months: Option<i64>,
}

fn merge(base: &mut toml::Table, over: toml::Table) {
    for (k, v) in over {
        match (base.get_mut(&k), v) {
            (Some(toml::Value::Table(b)), toml::Value::Table(o)) => merge(b, o),
            (_, v) => {
                base.insert(k, v);
            }
        }
    }
}

impl DepthConfig {
    /// The shipped defaults.
    pub fn shipped() -> DepthConfig {
        // The shipped file is part of the build and tested; failing here is a build defect.
        DepthConfig::parse(DEFAULT_CONFIG).unwrap_or_else(|e| panic!("config/depth.toml is invalid: {e}"))
    }

    /// Reads a complete configuration.
    pub fn parse(text: &str) -> Result<DepthConfig, ConfigError> {
        let cfg: DepthConfig = toml::from_str(text).map_err(|e| locate(text, &e))?;
        cfg.validate()?;
        Ok(cfg)
    }

    /// Reads a user's file over the shipped defaults: keys it gives replace the defaults.
    pub fn parse_over_defaults(text: &str) -> Result<DepthConfig, ConfigError> {
        // Checked on its own first, so that a wrong key or type is reported where it is written.
        let _: PartialConfig = toml::from_str(text).map_err(|e| locate(text, &e))?;
        let over: toml::Table = toml::from_str(text).map_err(|e| locate(text, &e))?;
        let mut base: toml::Table = toml::from_str(DEFAULT_CONFIG).map_err(|e| locate(DEFAULT_CONFIG, &e))?;
        merge(&mut base, over);
        let cfg: DepthConfig = toml::Value::Table(base)
            .try_into()
            .map_err(|e: toml::de::Error| ConfigError {
                line: 0,
                column: 0,
                message: e.message().trim().to_string(),
            })?;
        cfg.validate()?;
        Ok(cfg)
    }

    fn validate(&self) -> Result<(), ConfigError> {
        let bad = |m: String| {
            Err(ConfigError {
                line: 0,
                column: 0,
                message: m,
            })
        };
        for (section, map) in [
            ("weights", &self.weights),
            ("scale", &self.scale),
            ("relation", &self.relation),
            ("event", &self.event),
        ] {
            for (k, v) in map {
                if !v.is_finite() || *v < 0.0 {
                    return bad(format!("[{section}] {k} = {v}: must be a number ≥ 0"));
                }
                if section == "scale" && *v == 0.0 {
                    return bad(format!("[scale] {k} must be > 0"));
                }
            }
        }
        for k in self
            .weights
            .keys()
            .chain(self.scale.keys())
            .chain(&self.index.members_count_for)
        {
            if crate::depth::DepthDimension::parse(k).is_none() {
                return bad(format!(
                    "unknown dimension `{k}`; dimensions are {}",
                    crate::depth::DepthDimension::spellings().join(", ")
                ));
            }
        }
        if self.weights.values().sum::<f64>() <= 0.0 {
            return bad("[weights] must give at least one dimension a positive weight".into());
        }
        if !(self.index.half_life_years > 0.0
            && self.index.ended_half_life_years > 0.0
            && self.event_data.half_life_years > 0.0)
        {
            return bad("half-lives must be > 0".into());
        }
        let e = &self.event_data;
        let points_ok = |v: f64| v.is_finite() && v >= 0.0;
        if !points_ok(e.per_log10_cooperation) || !points_ok(e.per_log10_conflict) {
            return bad("[event_data] points per tenfold must be numbers ≥ 0".into());
        }
        let a = &self.atop;
        if ![
            a.defence,
            a.offence,
            a.neutrality,
            a.non_aggression,
            a.consultation,
            self.un_votes.per_year,
        ]
        .into_iter()
        .all(points_ok)
        {
            return bad("[atop] and [un_votes] points must be numbers ≥ 0".into());
        }
        if !(0.0..1.0).contains(&self.un_votes.baseline) {
            return bad("[un_votes] baseline must be ≥ 0 and < 1".into());
        }
        if !(self.changes.penalty > 0.0 && self.changes.noise_floor > 0.0) || self.changes.min_segment_months == 0 {
            return bad("[changes] penalty and noise_floor must be > 0 and min_segment_months ≥ 1".into());
        }
        Ok(())
    }
}

fn locate(text: &str, e: &toml::de::Error) -> ConfigError {
    let offset = e.span().map(|s| s.start).unwrap_or(0).min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    ConfigError {
        line,
        column,
        message: e.message().trim().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_config_parses() {
        let c = DepthConfig::shipped();
        assert_eq!(c.weights.len(), 6);
    }

    #[test]
    fn user_config_overrides_only_what_it_gives() {
        let c = DepthConfig::parse_over_defaults("[weights]\ncyber = 0.9\n").unwrap();
        assert_eq!(c.weights["cyber"], 0.9);
        assert_eq!(c.weights["political"], DepthConfig::shipped().weights["political"]);
    }

    #[test]
    fn bad_config_is_located() {
        let e = DepthConfig::parse_over_defaults("[weights]\ncyber = \"lots\"\n").unwrap_err();
        assert!(e.message.contains("invalid type"), "{e}");
        assert_eq!((e.line, e.column), (2, 9));
        let e = DepthConfig::parse_over_defaults("[index]\nhalf_life = 2.0\n").unwrap_err();
        assert!(e.message.contains("unknown field `half_life`"), "{e}");
        let e = DepthConfig::parse_over_defaults("[weights]\ncyberr = 1.0\n").unwrap_err();
        assert!(e.message.contains("unknown dimension `cyberr`"), "{e}");
        let e = DepthConfig::parse_over_defaults("[weights\n").unwrap_err();
        assert_eq!(e.line, 1);
    }
}
