//! A small SVG line-chart writer: time on x, a 0–100 (or any) scale on y, lines, shaded bands and
//! marked dates. Self-contained output (no fonts or scripts fetched), readable in print.

use std::fmt::Write;

/// Okabe–Ito colours: distinguishable with colour-vision deficiencies, and in greyscale print.
pub const PALETTE: [&str; 8] = [
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000",
];

/// Escapes text for SVG and HTML.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

pub struct Line {
    pub label: String,
    pub color: String,
    pub width: f64,
    pub dashed: bool,
    /// (x, y) with x in fractional years; y `None` where there is no data (the line breaks there,
    /// and a line with no data at all says so in the legend instead of lying flat at zero).
    pub points: Vec<(f64, Option<f64>)>,
}

/// A vertical marker at `x`, with a shaded band from `from` to `to` (its uncertainty).
pub struct Marker {
    pub x: f64,
    pub from: f64,
    pub to: f64,
    pub label: String,
}

pub struct LineChart {
    pub title: String,
    pub y_label: String,
    pub y_max: f64,
    pub lines: Vec<Line>,
    pub markers: Vec<Marker>,
    pub width: f64,
    pub height: f64,
}

impl LineChart {
    pub fn new(title: impl Into<String>, y_label: impl Into<String>) -> LineChart {
        LineChart {
            title: title.into(),
            y_label: y_label.into(),
            y_max: 100.0,
            lines: Vec::new(),
            markers: Vec::new(),
            width: 760.0,
            height: 340.0,
        }
    }

    pub fn render(&self) -> String {
        let (w, h) = (self.width, self.height);
        let (left, right, top, bottom) = (48.0, 170.0, 34.0, 36.0);
        let pw = w - left - right;
        let ph = h - top - bottom;
        let xs = self.lines.iter().flat_map(|l| l.points.iter().map(|p| p.0));
        let (mut x0, mut x1) = xs.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), x| (a.min(x), b.max(x)));
        if !x0.is_finite() {
            x0 = 2000.0;
            x1 = 2001.0;
        }
        if x1 - x0 < 1e-9 {
            x1 = x0 + 1.0;
        }
        let y_max = if self.y_max > 0.0 { self.y_max } else { 1.0 };
        let sx = |x: f64| left + (x - x0) / (x1 - x0) * pw;
        let sy = |y: f64| top + ph - (y.clamp(0.0, y_max) / y_max) * ph;
        let mut s = String::new();
        let _ = write!(
            s,
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" aria-label="{}" font-family="Helvetica, Arial, sans-serif" font-size="11">"#,
            esc(&self.title)
        );
        let _ = write!(
            s,
            r#"<title>{}</title><rect width="{w}" height="{h}" fill="white"/>"#,
            esc(&self.title)
        );
        let _ = write!(
            s,
            r##"<text x="{left}" y="20" font-size="13" font-weight="bold" fill="#222">{}</text>"##,
            esc(&self.title)
        );
        // Horizontal grid and y axis labels.
        for k in 0..=4 {
            let v = y_max * f64::from(k) / 4.0;
            let y = sy(v);
            let _ = write!(
                s,
                r##"<line x1="{left}" x2="{}" y1="{y:.1}" y2="{y:.1}" stroke="#e3e3e3"/>"##,
                left + pw
            );
            let _ = write!(
                s,
                r##"<text x="{}" y="{:.1}" text-anchor="end" fill="#555">{v:.0}</text>"##,
                left - 6.0,
                y + 4.0
            );
        }
        let _ = write!(
            s,
            r##"<text transform="translate(12 {:.1}) rotate(-90)" text-anchor="middle" fill="#555">{}</text>"##,
            top + ph / 2.0,
            esc(&self.y_label)
        );
        // Year ticks, thinned to at most ~12 labels.
        let (first, last) = (x0.ceil() as i32, x1.floor() as i32);
        let span = (last - first).max(1);
        let every = [1, 2, 5, 10, 20, 50]
            .into_iter()
            .find(|e| span / e <= 12)
            .unwrap_or(100);
        for year in first..=last {
            if year % every != 0 {
                continue;
            }
            let x = sx(f64::from(year));
            let _ = write!(
                s,
                r##"<line x1="{x:.1}" x2="{x:.1}" y1="{}" y2="{}" stroke="#999"/>"##,
                top + ph,
                top + ph + 4.0
            );
            let _ = write!(
                s,
                r##"<text x="{x:.1}" y="{}" text-anchor="middle" fill="#555">{year}</text>"##,
                top + ph + 16.0
            );
        }
        let _ = write!(
            s,
            r##"<line x1="{left}" x2="{}" y1="{}" y2="{}" stroke="#999"/>"##,
            left + pw,
            top + ph,
            top + ph
        );
        // Markers: uncertainty band, then the line.
        for (k, m) in self.markers.iter().enumerate() {
            let (a, b) = (sx(m.from.max(x0)), sx(m.to.min(x1)));
            let _ = write!(
                s,
                r##"<rect class="band" x="{a:.1}" y="{top}" width="{:.1}" height="{ph}" fill="#999" fill-opacity="0.15"/>"##,
                (b - a).max(1.5)
            );
            let x = sx(m.x);
            let _ = write!(
                s,
                r##"<line class="change" x1="{x:.1}" x2="{x:.1}" y1="{top}" y2="{}" stroke="#444" stroke-dasharray="4 3"/><text x="{:.1}" y="{}" fill="#444" font-size="10">{}</text>"##,
                top + ph,
                x + 3.0,
                top + 10.0 + 11.0 * (k % 2) as f64,
                esc(&m.label)
            );
        }
        for l in &self.lines {
            // One polyline per run of points with data.
            for run in l.points.split(|p| p.1.is_none()).filter(|r| !r.is_empty()) {
                let d: Vec<String> = run
                    .iter()
                    .filter_map(|&(x, y)| y.map(|y| format!("{:.1},{:.1}", sx(x), sy(y))))
                    .collect();
                let dash = if l.dashed { r#" stroke-dasharray="5 3""# } else { "" };
                let _ = write!(
                    s,
                    r#"<polyline class="series" data-label="{}" fill="none" stroke="{}" stroke-width="{}" stroke-linejoin="round"{dash} points="{}"/>"#,
                    esc(&l.label),
                    esc(&l.color),
                    l.width,
                    d.join(" ")
                );
            }
        }
        // Legend on the right.
        for (i, l) in self.lines.iter().enumerate() {
            let y = top + 8.0 + 18.0 * i as f64;
            let label = if l.points.iter().all(|p| p.1.is_none()) {
                format!("{}: no data", l.label)
            } else {
                l.label.clone()
            };
            let x = left + pw + 14.0;
            let dash = if l.dashed { r#" stroke-dasharray="5 3""# } else { "" };
            let _ = write!(
                s,
                r##"<line x1="{x}" x2="{}" y1="{y}" y2="{y}" stroke="{}" stroke-width="{}"{dash}/><text x="{}" y="{}" fill="#222">{}</text>"##,
                x + 18.0,
                esc(&l.color),
                l.width.max(2.0),
                x + 24.0,
                y + 4.0,
                esc(&label)
            );
        }
        s.push_str("</svg>");
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(esc("<script>&\"'"), "&lt;script&gt;&amp;&quot;&#39;");
    }

    #[test]
    fn renders_lines_legend_and_markers() {
        let mut c = LineChart::new("Depth <NATO>", "index");
        c.lines.push(Line {
            label: "A".into(),
            color: PALETTE[0].into(),
            width: 2.5,
            dashed: false,
            points: vec![(2000.0, Some(0.0)), (2010.0, Some(50.0))],
        });
        c.markers.push(Marker {
            x: 2005.0,
            from: 2004.5,
            to: 2005.5,
            label: "2005".into(),
        });
        let svg = c.render();
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains("Depth &lt;NATO&gt;"));
        assert_eq!(svg.matches("<polyline").count(), 1);
        assert!(svg.contains(r#"class="change""#) && svg.contains(r#"class="band""#));
    }

    #[test]
    fn no_data_breaks_the_line_and_is_named_in_the_legend() {
        let mut c = LineChart::new("t", "index");
        let line = |label: &str, points| Line {
            label: label.into(),
            color: PALETTE[0].into(),
            width: 1.0,
            dashed: false,
            points,
        };
        c.lines.push(line(
            "Political",
            vec![
                (2000.0, Some(10.0)),
                (2001.0, None),
                (2002.0, Some(20.0)),
                (2003.0, Some(30.0)),
            ],
        ));
        c.lines.push(line("Cyber", vec![(2000.0, None), (2003.0, None)]));
        let svg = c.render();
        // Two runs of data for the political line, none for cyber, which the legend names.
        assert_eq!(svg.matches(r#"data-label="Political""#).count(), 2);
        assert!(!svg.contains(r#"data-label="Cyber""#));
        assert!(svg.contains("Cyber: no data"));
    }
}
