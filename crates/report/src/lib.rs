//! Surfaces for analysis results that are documents rather than terminal text: SVG charts drawn
//! by entente itself ([`charts`], on the small writer in [`svg`]) and the analytic brief.

pub mod alignment;
pub mod brief;
pub mod charts;
pub mod svg;
pub mod verify;
