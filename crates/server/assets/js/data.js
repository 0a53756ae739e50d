// Imported data for a dyad: coded events by month (GDELT, ICEWS… from the event lake) and
// alignment by year (ATOP, UN votes). Each card says how to import its data when there are none.

import { h, s, put, extLink } from "./dom.js";
import * as api from "./api.js";

function notImported(box, e, what) {
  if (e.code === "not_imported") {
    put(box, h("p", { class: "muted" }, `No ${what} imported. `, e.hint ? h("code", {}, e.hint) : null));
  } else if (e.code === "not_a_state") {
    put(box, h("p", { class: "muted" }, e.message));
  } else {
    put(box, h("p", { class: "notice error" }, e.message));
  }
}

function sources(citations) {
  return h("p", { class: "muted small" }, "Sources: ", citations.map((c, i) =>
    h("span", {}, i ? "; " : "", extLink(c.url, c.title || c.publisher), c.locator ? ` (${c.locator})` : "")));
}

/** Monthly events between the two sides, cooperation above the axis and conflict below; an
 * alliance's members count with it when `members` is set (the view's "Count members" box). */
export async function events(box, a, b, members) {
  try {
    const r = await api.get("/api/events", { a, b, by: "month", members: members ? "both" : "itself" });
    const rows = r.rows;
    const width = Math.max(box.clientWidth || 600, 360);
    const height = 180;
    const M = { left: 40, right: 8, top: 10, bottom: 22 };
    const coop = (x) => x.counts.quad[0] + x.counts.quad[1];
    const conf = (x) => x.counts.quad[2] + x.counts.quad[3];
    const max = Math.max(1, ...rows.map(coop), ...rows.map(conf));
    const mid = M.top + (height - M.top - M.bottom) * 0.62;
    const bw = (width - M.left - M.right) / Math.max(rows.length, 1);
    const up = (v) => (v / max) * (mid - M.top);
    const down = (v) => (v / max) * (height - M.bottom - mid);
    const svg = s("svg", { viewBox: `0 0 ${width} ${height}`, role: "img",
      "aria-label": `Coded events by month: ${r.total} in all` },
      s("line", { x1: M.left, x2: width - M.right, y1: mid, y2: mid, class: "axis-line" }),
      s("text", { x: M.left - 6, y: M.top + 8, "text-anchor": "end", class: "axis" }, String(max)),
      rows.map((x, i) => s("g", {},
        s("rect", { x: M.left + i * bw, width: Math.max(bw - 1, 1), y: mid - up(coop(x)), height: up(coop(x)), class: "ev-coop" },
          s("title", {}, `${x.period}: ${coop(x)} cooperative`)),
        s("rect", { x: M.left + i * bw, width: Math.max(bw - 1, 1), y: mid, height: down(conf(x)), class: "ev-conf" },
          s("title", {}, `${x.period}: ${conf(x)} conflictual`)))),
      rows.length ? s("text", { x: M.left, y: height - 6, class: "axis" }, rows[0].period) : null,
      rows.length > 1 ? s("text", { x: width - M.right, y: height - 6, "text-anchor": "end", class: "axis" }, rows[rows.length - 1].period) : null);
    put(box,
      h("p", { class: "muted" }, `${r.total} coded events${members ? " (members included)" : ""}, both directions, by month: cooperation above the line, conflict below.`),
      h("div", { class: "chart events", "data-total": String(r.total) }, svg),
      sources(r.citations));
  } catch (e) {
    notImported(box, e, "event data");
  }
}

/** Alignment by year: ATOP S and UN voting agreement (a state with an alliance: member means). */
export async function alignment(box, a, b) {
  try {
    const r = await api.get("/api/measures", { a, b });
    const m = r.measures;
    const rows = m.kind === "group"
      ? m.years.map((y) => [y.year, y.s, y.pi, y.agreement])
      : m.years.map((y) => [y.year, y.alliance?.s_unweighted, y.alliance?.pi, y.votes?.three_category]);
    const f = (v) => (v == null ? "–" : v.toFixed(2));
    put(box,
      h("p", { class: "muted" }, m.kind === "group"
        ? `Mean over the members of ${m.group} each year.` : "Between the two states."),
      h("div", { class: "scroll" }, h("table", { id: "alignment-table" },
        h("thead", {}, h("tr", {}, ["Year", "ATOP S", "ATOP π", "UN agreement"].map((c, i) => h("th", { class: i ? "num" : null }, c)))),
        h("tbody", {}, rows.slice().reverse().map((r) => h("tr", {},
          h("td", {}, String(r[0])), r.slice(1).map((v) => h("td", { class: "num" }, f(v)))))))),
      m.notes?.length ? h("p", { class: "muted small" }, m.notes.join(" ")) : null);
  } catch (e) {
    notImported(box, e, "alignment data (ATOP, UN votes)");
  }
}
