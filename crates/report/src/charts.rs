//! The charts entente draws for its results.

use crate::svg::{Line, LineChart, Marker, PALETTE};
use entente_analysis::{ChangePoint, DepthDimension, DepthPoint, DyadSeries};
use entente_events::cameo::QUAD_CLASSES;
use entente_events::SeriesRow;

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

/// Coded events over time, one line per quad class (`entente events --svg`).
pub fn event_series_chart(rows: &[SeriesRow], title: &str) -> String {
    let mut c = LineChart::new(title, "events");
    c.y_max = rows.iter().flat_map(|r| r.counts.quad).max().unwrap_or(0).max(1) as f64;
    for (q, class) in QUAD_CLASSES.iter().enumerate() {
        c.lines.push(Line {
            label: (*class).to_string(),
            color: PALETTE[q % PALETTE.len()].to_string(),
            width: 1.8,
            dashed: false,
            points: rows
                .iter()
                .map(|r| {
                    // (Both calendars count days from 1970-01-01.)
                    let x = entente_model::Day::from_ordinal(i64::from(r.start.0)).fractional_year();
                    (x, Some(r.counts.quad[q] as f64))
                })
                .collect(),
        });
    }
    c.render()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_event_series_is_one_line_per_quad_class_on_the_shared_chart() {
        let row = |period: &str, y: i32, m: u32, quad: [u64; 4]| SeriesRow {
            period: period.into(),
            start: entente_events::Day::from_ymd(y, m, 1).unwrap(),
            counts: entente_events::Counts {
                events: quad.iter().sum(),
                quad,
                ..Default::default()
            },
        };
        let rows = [
            row("2020-01", 2020, 1, [4, 1, 2, 0]),
            row("2020-07", 2020, 7, [8, 3, 0, 1]),
        ];
        let svg = event_series_chart(&rows, "USA – CHN: events by quad class");
        assert!(svg.starts_with("<svg"), "{svg}");
        for class in QUAD_CLASSES {
            assert!(svg.contains(&crate::svg::esc(class)), "{class} in the legend");
        }
        assert!(svg.contains("USA – CHN: events by quad class"));
        // The y axis runs to the largest count (8), not to the depth index's 100.
        assert!(svg.contains(">8</text>") && !svg.contains(">100</text>"), "{svg}");
    }
}
