//! The field's standard dyadic measures, by dyad and year.
//!
//! - [`alliance`]: alliance-portfolio similarity — Signorino and Ritter's S (unweighted and
//!   weighted) and the chance-corrected Scott's π and Cohen's κ (Häge 2011) — from ATOP;
//! - [`votes`]: UN General Assembly voting agreement (three- and two-category);
//! - [`flows`]: arms-transfer flows supplier → recipient by year in SIPRI TIV, a recipient's
//!   dependence on each supplier, and supplier concentration (HHI).

pub mod alliance;
pub mod flows;
pub mod votes;
