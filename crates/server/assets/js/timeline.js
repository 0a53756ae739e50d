// A zoomable timeline in lanes by dimension. Relations are bars over their interval, events and
// deals are marks on their date. Wheel, buttons, drag or keys (+ − 0 ← →) zoom and pan; items are
// focusable and Enter selects one.

import { h, s, put, yearOf, yearEnd, dimLabel, DIMENSIONS, dateRange, label } from "./dom.js";

const LEFT = 150;
const ROW = 18;
const LANE_PAD = 8;
const AXIS = 26;

function todayYear() {
  const d = new Date();
  return d.getUTCFullYear() + d.getUTCMonth() / 12 + (d.getUTCDate() - 1) / 365.25;
}

function ticks(lo, hi, width) {
  const span = hi - lo;
  const steps = [1 / 12, 0.25, 0.5, 1, 2, 5, 10, 20, 50];
  const target = Math.max(2, Math.floor(width / 80));
  const step = steps.find((st) => span / st <= target) || 100;
  const out = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + 1e-9; t += step) out.push(t);
  return { step, out };
}

function tickLabel(t, step) {
  const y = Math.floor(t + 1e-9);
  if (step >= 1) return String(y);
  const m = Math.round((t - y) * 12) + 1;
  return m === 1 ? String(y) : `${y}-${String(m).padStart(2, "0")}`;
}

/**
 * Draws `entries` (timeline entries from the API) into `container`.
 * Returns { select(id) } to highlight an entry from elsewhere.
 */
export function timeline(container, entries, { onSelect, names = {} }) {
  const now = todayYear();
  const items = entries.filter((e) => e.date).map((e) => {
    const x0 = yearOf(e.date);
    const x1 = e.end ? yearEnd(e.end) : e.fact === "relation" ? now : null;
    return { e, x0, x1, ongoing: e.fact === "relation" && !e.end };
  });
  const lanes = DIMENSIONS.filter((d) => items.some((i) => i.e.dimension === d));
  const lo0 = Math.min(...items.map((i) => i.x0)) - 0.5;
  const hi0 = Math.max(...items.map((i) => Math.max(i.x0, i.x1 || i.x0))) + 0.5;
  let view = { lo: lo0, hi: hi0 };
  let selected = null;

  const wrap = h("div", { class: "chart timeline", tabindex: "0", role: "group",
    "aria-label": "Timeline by dimension. Plus and minus zoom, arrows pan, 0 resets; Tab moves through the items." });
  const zoomIn = () => zoom(1 / 1.5);
  const zoomOut = () => zoom(1.5);
  const reset = () => { view = { lo: lo0, hi: hi0 }; draw(); };
  const tools = h("div", { class: "zoom", role: "toolbar", "aria-label": "Zoom" },
    h("button", { type: "button", onclick: zoomIn, "aria-label": "Zoom in", title: "Zoom in (+)" }, "+"),
    h("button", { type: "button", onclick: zoomOut, "aria-label": "Zoom out", title: "Zoom out (−)" }, "−"),
    h("button", { type: "button", onclick: reset, title: "Show everything (0)" }, "Reset"),
    h("button", { type: "button", onclick: () => pan(-0.25), "aria-label": "Earlier", title: "Earlier (←)" }, "←"),
    h("button", { type: "button", onclick: () => pan(0.25), "aria-label": "Later", title: "Later (→)" }, "→"));
  put(container, tools, wrap);

  function zoom(factor, at) {
    const c = at ?? (view.lo + view.hi) / 2;
    const span = Math.min(Math.max((view.hi - view.lo) * factor, 0.25), (hi0 - lo0) * 1.5);
    const t = (c - view.lo) / (view.hi - view.lo);
    view = { lo: c - t * span, hi: c + (1 - t) * span };
    draw();
  }
  function pan(share) {
    const d = (view.hi - view.lo) * share;
    view = { lo: view.lo + d, hi: view.hi + d };
    draw();
  }

  function draw() {
    const focused = document.activeElement?.closest?.(".item")?.dataset.id;
    const width = Math.max(container.clientWidth || 800, 560);
    const plot = width - LEFT - 10;
    const x = (t) => LEFT + ((t - view.lo) / (view.hi - view.lo)) * plot;
    // Rows within each lane, so that marks do not overlap at this zoom.
    const layout = lanes.map((lane) => {
      const rows = [];
      const placed = items.filter((i) => i.e.dimension === lane).sort((a, b) => a.x0 - b.x0).map((i) => {
        const px0 = x(i.x0) - 6;
        const px1 = Math.max(i.x1 ? x(i.x1) : px0 + 12, px0 + 12);
        let r = rows.findIndex((end) => end + 3 < px0);
        if (r < 0) { r = rows.length; rows.push(px1); } else rows[r] = px1;
        return { ...i, row: r };
      });
      return { lane, rows: Math.max(rows.length, 1), placed };
    });
    let y = AXIS;
    const svg = s("svg", { viewBox: `0 0 ${width} 100`, role: "img", "aria-label": "Timeline" });
    const defs = s("defs", {}, s("clipPath", { id: "tl-clip" }, s("rect", { x: LEFT, y: 0, width: plot, height: 10000 })));
    svg.append(defs);
    const grid = s("g", { class: "grid" });
    const axis = s("g", { class: "axis" });
    svg.append(grid, axis);
    const body = s("g", { "clip-path": "url(#tl-clip)" });
    for (const l of layout) {
      const h0 = l.rows * ROW + LANE_PAD * 2;
      svg.append(s("rect", { class: "lane-bg", x: 0, y, width, height: h0 - 2 }));
      svg.append(s("text", { class: "lane-label", x: 8, y: y + 16 }, dimLabel(l.lane)));
      for (const i of l.placed) {
        const cy = y + LANE_PAD + i.row * ROW + ROW / 2;
        const e = i.e;
        const when = dateRange(e.date, e.end);
        const via = e.via ? ` (via ${names[e.via] || e.via})` : "";
        const g = s("g", {
          class: ["item", `dim-${e.dimension}`, e.via ? "via" : "", selected === e.id ? "selected" : ""],
          tabindex: "0", role: "button", "data-id": e.id, "data-fact": e.fact,
          "aria-label": `${when}: ${e.title}${via} (${label(e.kind)})`,
        }, s("title", {}, `${when} — ${e.title}${via} [${label(e.kind)}]`));
        if (i.x1 !== null && e.fact !== "event") {
          const x0 = x(i.x0);
          const w = Math.max(x(i.x1) - x0, 4);
          g.append(s("rect", { x: x0, y: cy - 6, width: w, height: 12, rx: 3 }));
        } else if (e.fact === "event") {
          g.append(s("circle", { cx: x(i.x0), cy, r: 6 }));
        } else {
          const cx = x(i.x0);
          g.append(s("path", { d: `M${cx},${cy - 7}L${cx + 7},${cy}L${cx},${cy + 7}L${cx - 7},${cy}Z` }));
        }
        g.addEventListener("click", () => choose(e.id));
        g.addEventListener("keydown", (ev) => {
          if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); choose(e.id); }
        });
        body.append(g);
      }
      y += h0;
    }
    svg.append(body);
    const { step, out } = ticks(view.lo, view.hi, plot);
    for (const t of out) {
      const px = x(t);
      grid.append(s("line", { x1: px, x2: px, y1: AXIS - 4, y2: y }));
      axis.append(s("text", { x: px, y: 16, "text-anchor": "middle" }, tickLabel(t, step)));
    }
    if (now > view.lo && now < view.hi) {
      svg.append(s("g", { class: "today" }, s("line", { x1: x(now), x2: x(now), y1: AXIS - 4, y2: y }),
        s("title", {}, "today")));
    }
    svg.setAttribute("viewBox", `0 0 ${width} ${y + 4}`);
    svg.addEventListener("wheel", (ev) => {
      ev.preventDefault();
      const rect = svg.getBoundingClientRect();
      const px = ((ev.clientX - rect.left) / rect.width) * width;
      const at = view.lo + ((px - LEFT) / plot) * (view.hi - view.lo);
      zoom(ev.deltaY > 0 ? 1.25 : 1 / 1.25, at);
    }, { passive: false });
    let drag = null;
    svg.addEventListener("pointerdown", (ev) => {
      if (ev.target.closest(".item")) return;
      drag = { x: ev.clientX, view: { ...view }, scale: (view.hi - view.lo) / (svg.getBoundingClientRect().width * plot / width) };
      svg.setPointerCapture(ev.pointerId);
    });
    svg.addEventListener("pointermove", (ev) => {
      if (!drag) return;
      const d = (ev.clientX - drag.x) * drag.scale;
      view = { lo: drag.view.lo - d, hi: drag.view.hi - d };
      requestAnimationFrame(draw);
    });
    svg.addEventListener("pointerup", () => { drag = null; });
    put(wrap, svg);
    wrap.dataset.lo = view.lo.toFixed(2);
    wrap.dataset.hi = view.hi.toFixed(2);
    if (focused) wrap.querySelector(`.item[data-id="${CSS.escape(focused)}"]`)?.focus();
  }

  function choose(id) {
    select(id);
    onSelect(id);
  }
  function select(id) {
    selected = id;
    for (const g of wrap.querySelectorAll(".item.selected")) g.classList.remove("selected");
    wrap.querySelector(`.item[data-id="${CSS.escape(id)}"]`)?.classList.add("selected");
  }

  wrap.addEventListener("keydown", (ev) => {
    if (ev.target.closest(".item") && (ev.key === "Enter" || ev.key === " ")) return;
    const keys = { "+": zoomIn, "=": zoomIn, "-": zoomOut, "_": zoomOut, "0": reset,
      ArrowLeft: () => pan(-0.2), ArrowRight: () => pan(0.2) };
    if (keys[ev.key]) { ev.preventDefault(); keys[ev.key](); }
  });
  draw();
  let lastWidth = container.clientWidth;
  const ro = new ResizeObserver(() => {
    if (Math.abs(container.clientWidth - lastWidth) > 20) { lastWidth = container.clientWidth; draw(); }
  });
  ro.observe(container);
  return { select, zoomIn, zoomOut, reset };
}
