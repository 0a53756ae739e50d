// The depth-index chart: composite and dimensions over time, change points marked with their 95%
// intervals. Click (or Enter on a focused date) explains the index on that date; a change marker
// shows its candidate drivers.

import { h, s, put, yearOf, dimLabel, score } from "./dom.js";

const M = { left: 40, right: 16, top: 34, bottom: 28 };

export function depthChart(container, { series, dimensions, changes, onExplain, onChange }) {
  // The server decides which dimensions to show (DyadDepth::shown_dimensions).
  const dims = ["composite", ...dimensions.map((d) => d.id)];
  const shown = new Set(dims);
  const points = series.map((p) => ({ date: p.date, t: yearOf(p.date), composite: p.composite, ...Object.fromEntries(p.dimensions) }));
  let cursor = points.length - 1;

  const legend = h("div", { class: "legend", role: "group", "aria-label": "Series shown" }, dims.map((d) =>
    h("label", { class: "key" },
      h("input", { type: "checkbox", checked: true, "data-dim": d, onchange: (e) => { if (e.target.checked) shown.add(d); else shown.delete(d); draw(); } }),
      h("span", { class: ["swatch", `dim-${d}`] }), dimLabel(d),
      points.every((p) => p[d] == null) ? h("span", { class: "muted" }, " (no data)") : null)));
  const wrap = h("div", { class: "chart depth", tabindex: "0", role: "group",
    "aria-label": "Depth index chart. Left and right arrows move through dates, Enter explains the date." });
  put(container, legend, wrap);

  function draw() {
    const width = Math.max(container.clientWidth || 800, 480);
    const height = 300;
    const t0 = points[0].t;
    const t1 = points[points.length - 1].t;
    const x = (t) => M.left + ((t - t0) / Math.max(t1 - t0, 1e-6)) * (width - M.left - M.right);
    const y = (v) => M.top + (1 - v / 100) * (height - M.top - M.bottom);
    const svg = s("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "Depth index, 0 to 100, by dimension" });
    const grid = s("g", { class: "grid" });
    const axis = s("g", { class: "axis" });
    for (const v of [0, 25, 50, 75, 100]) {
      grid.append(s("line", { x1: M.left, x2: width - M.right, y1: y(v), y2: y(v) }));
      axis.append(s("text", { x: M.left - 6, y: y(v) + 4, "text-anchor": "end" }, String(v)));
    }
    const span = t1 - t0;
    const step = span > 40 ? 10 : span > 16 ? 5 : span > 6 ? 2 : 1;
    for (let yr = Math.ceil(t0 / step) * step; yr <= t1; yr += step) {
      axis.append(s("text", { x: x(yr), y: height - 8, "text-anchor": "middle" }, String(yr)));
    }
    svg.append(grid, axis);
    let lastLabel = -Infinity;
    let raise = false;
    for (const cp of changes) {
      const a = x(yearOf(cp.earliest));
      const b = x(yearOf(cp.latest) + 1 / 12);
      const cx = x(yearOf(cp.date));
      // Labels of close changes alternate in height so they do not overlap.
      raise = cx - lastLabel < 52 ? !raise : false;
      lastLabel = cx;
      const g = s("g", { class: "change", tabindex: "0", role: "button", "data-date": cp.date.slice(0, 7),
        "aria-label": `Change point ${cp.date.slice(0, 7)}: index ${cp.mean_before.toFixed(1)} to ${cp.mean_after.toFixed(1)}` },
      s("title", {}, `Change ${cp.date.slice(0, 7)} (95%: ${cp.earliest.slice(0, 7)} … ${cp.latest.slice(0, 7)}): ${cp.mean_before.toFixed(1)} → ${cp.mean_after.toFixed(1)}`),
      s("rect", { class: "band", x: Math.min(a, cx - 1), y: M.top, width: Math.max(b - a, 2), height: height - M.top - M.bottom }),
      s("line", { x1: cx, x2: cx, y1: M.top - 4, y2: height - M.bottom }),
      s("text", { x: cx + 3, y: M.top - (raise ? 16 : 5), "font-size": "11" }, cp.date.slice(0, 7)),
      s("rect", { class: "hit", x: cx - 6, y: M.top - 20, width: 12, height: height - M.top - M.bottom + 20 }));
      const open = (ev) => { ev.stopPropagation(); select(g); onChange(cp); };
      g.addEventListener("click", open);
      g.addEventListener("keydown", (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); open(ev); } });
      svg.append(g);
    }
    for (const d of dims) {
      if (!shown.has(d)) continue;
      // No data breaks the line: one polyline per run of covered dates.
      let run = [];
      const flush = () => {
        if (run.length) svg.append(s("polyline", { class: ["series", `dim-${d}`, d === "composite" ? "composite" : ""], points: run.join(" "), "data-dim": d }));
        run = [];
      };
      for (const p of points) {
        if (p[d] == null) flush();
        else run.push(`${x(p.t).toFixed(1)},${y(p[d]).toFixed(1)}`);
      }
      flush();
    }
    const cur = s("g", { class: "cursor" });
    svg.append(cur);
    const paintCursor = () => {
      const p = points[cursor];
      if (!p) return;
      put(cur, s("line", { x1: x(p.t), x2: x(p.t), y1: M.top, y2: height - M.bottom }),
        s("text", { x: Math.min(x(p.t) + 4, width - 120), y: M.top + 12 }, `${p.date.slice(0, 7)}: ${score(p.composite, 1)}`));
    };
    svg.addEventListener("pointermove", (ev) => {
      const rect = svg.getBoundingClientRect();
      const px = ((ev.clientX - rect.left) / rect.width) * width;
      const t = t0 + ((px - M.left) / (width - M.left - M.right)) * (t1 - t0);
      cursor = nearest(t);
      paintCursor();
    });
    svg.addEventListener("click", () => onExplain(points[cursor].date));
    put(wrap, svg);
    paintCursor();
    wrap._paint = paintCursor;
  }

  function nearest(t) {
    let best = 0;
    for (let i = 1; i < points.length; i++) if (Math.abs(points[i].t - t) < Math.abs(points[best].t - t)) best = i;
    return best;
  }
  function select(g) {
    for (const x of wrap.querySelectorAll(".change.selected")) x.classList.remove("selected");
    g.classList.add("selected");
  }

  wrap.addEventListener("keydown", (ev) => {
    if (ev.target.closest(".change")) return;
    if (ev.key === "ArrowLeft") cursor = Math.max(0, cursor - 1);
    else if (ev.key === "ArrowRight") cursor = Math.min(points.length - 1, cursor + 1);
    else if (ev.key === "Enter") { onExplain(points[cursor].date); return; }
    else return;
    ev.preventDefault();
    wrap._paint?.();
  });
  draw();
  let lastWidth = container.clientWidth;
  new ResizeObserver(() => {
    if (Math.abs(container.clientWidth - lastWidth) > 20) { lastWidth = container.clientWidth; draw(); }
  }).observe(container);
}
