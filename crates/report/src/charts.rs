//! The charts entente draws for its results.

use crate::svg::{Line, LineChart, Marker, PALETTE};
use entente_analysis::{ChangePoint, DepthDimension, DepthPoint, DyadSeries};

fn x(p: &DepthPoint) -> f64 {
    p.date.fractional_year()
}

/// The composite index (bold) with the chosen dimensions, and change points with their intervals.
pub fn depth_chart(title: &str, series: &[DepthPoint], dims: &[DepthDimension], changes: &[ChangePoint]) -> String {
    let mut c = LineChart::new(format!("{title}: depth index"), "index (0–100)");
    for (i, d) in dims.iter().enumerate() {
        c.lines.push(Line {
            label: d.label().to_string(),
            color: PALETTE[(i + 1) % PALETTE.len()].to_string(),
            width: 1.4,
            dashed: false,
            points: series.iter().map(|p| (x(p), p.score(*d))).collect(),
        });
    }
    c.lines.push(Line {
        label: "Composite".into(),
        color: "#111111".into(),
        width: 3.0,
        dashed: false,
        points: series.iter().map(|p| (x(p), p.composite)).collect(),
    });
    for cp in changes {
        c.markers.push(Marker {
            x: cp.date.fractional_year(),
            from: cp.earliest.fractional_year(),
            to: cp.latest.fractional_year() + 1.0 / 12.0,
            label: format!("{:04}-{:02}", cp.date.year, cp.date.month),
        });
    }
    c.render()
}

/// The composite index of several dyads on one chart.
pub fn peers_chart(all: &[DyadSeries]) -> String {
    let mut c = LineChart::new("Depth index: peers compared", "composite index (0–100)");
    for (i, d) in all.iter().enumerate() {
        c.lines.push(Line {
            label: d.label.clone(),
            color: PALETTE[i % PALETTE.len()].to_string(),
            width: if i == 0 { 3.0 } else { 1.8 },
            dashed: i > 3,
            points: d.series.iter().map(|p| (x(p), p.composite)).collect(),
        });
    }
    c.render()
}
