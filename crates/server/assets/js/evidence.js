// The evidence panel: for whatever is selected, the facts and the sources behind it.

import { h, put, extLink, label, dimLabel, dateRange, score } from "./dom.js";
import * as api from "./api.js";

const panel = () => document.getElementById("evidence");
let meta = { writable: false };
let seq = 0;

export function init(m) {
  meta = m;
  idle();
}

function closeButton() {
  return h("button", { class: "close", type: "button", "aria-label": "Close the evidence panel", onclick: idle }, "×");
}

/** The panel with nothing selected. */
export function idle() {
  seq++;
  const p = panel();
  p.dataset.kind = "none";
  put(p, h("h2", {}, "Evidence"),
    h("p", { class: "muted" }, "Select an item in a chart or a table to see the facts and the sources behind it."));
}

/** Numbered sources, each a link to its address. */
export function sources(citations) {
  if (!citations || citations.length === 0) return h("p", { class: "muted" }, "No source.");
  return h("ol", { class: "sources" }, citations.map((c) =>
    h("li", { "data-source": c.source },
      h("span", { class: "publisher" }, c.publisher), ": ",
      extLink(c.url, c.title || c.url),
      c.locator ? h("span", { class: "muted" }, ` (${c.locator})`) : null)));
}

function show(kind, ...children) {
  const p = panel();
  p.dataset.kind = kind;
  put(p, closeButton(), ...children);
}

function failed(e) {
  show("error", h("h2", {}, "Evidence"), h("p", { class: "notice error" }, e.message));
}

/** A fact: what it says, its note, its sources; a way to correct it when edits are enabled. */
export async function fact(id) {
  const mine = ++seq;
  show("loading", h("h2", {}, "Evidence"), h("p", { class: "loading" }, "Loading…"));
  let f;
  try {
    f = await api.get(`/api/facts/${encodeURIComponent(id)}`);
  } catch (e) {
    if (mine === seq) failed(e);
    return;
  }
  if (mine !== seq) return;
  const x = f.fact;
  const names = f.names || {};
  const who = (ids) => (ids || []).map((a, i) => [i ? ", " : "", h("a", { href: `#/actor/${encodeURIComponent(a)}` }, names[a] || a)]);
  const dim = x.dimension || (f.kind === "transfer" ? "defence_industrial" : f.kind === "driver" ? "context" : null);
  const rows = [];
  const row = (k, ...v) => rows.push(h("dt", {}, k), h("dd", {}, ...v));
  if (f.kind === "relation") {
    row("Between", who([x.subject, x.object]));
    if (x.status) row("Status", x.status);
    if (x.programme) row("Programme", x.programme);
    if (x.areas && x.areas.length) row("Areas", x.areas.join("; "));
  } else if (f.kind === "event") {
    row("Actors", who(x.actors));
    if (x.targets && x.targets.length) row("With", who(x.targets));
    if (x.attendees && x.attendees.length) row("Attendees", who(x.attendees));
    if (x.place) row("Place", x.place);
  } else if (f.kind === "transfer") {
    row("From → to", who([x.supplier]), " → ", who([x.recipient]));
    row("System", `${x.system} — ${x.description}`);
    if (x.ordered != null) row("Ordered", String(x.ordered));
    if (x.delivered != null) row("Delivered", String(x.delivered));
    row("Status", label(x.status));
  } else if (f.kind === "driver") {
    row("Actors", who(x.actors));
    row("Bears on", who(x.affects));
    row("Direction", label(x.direction));
  }
  const end = x.end || (x.interval && x.interval.end) || null;
  const children = [
    h("h2", {}, f.title),
    h("p", { class: "meta" },
      h("span", { class: "chip" }, label(x.kind || f.kind)), " ",
      dim ? h("span", { class: ["chip", `dim-${dim}`] }, dimLabel(dim)) : null, " ",
      dateRange(f.date, end)),
    rows.length ? h("dl", { class: "codes" }, rows) : null,
    x.note ? h("p", { class: "note", "data-field": "note" }, x.note) : null,
    h("h3", {}, "Sources"),
    sources(f.citations),
    h("p", { class: "muted" }, `Fact `, h("code", {}, f.id),
      f.origin ? ` — ${f.origin.file}:${f.origin.line}` : "", f.in_edits ? " (your edit)" : ""),
  ];
  if (meta.writable) {
    children.push(h("p", {}, h("a", { class: "button", href: `#/edit?fact=${encodeURIComponent(f.id)}` }, "Correct this fact")));
  }
  show("fact", ...children);
  panel().dataset.fact = f.id;
}

/** A change point: when, how sure, how big, and the candidate drivers with their sources. */
/** An entry derived from a dataset (an ATOP alliance, a SIPRI deal): no fact file behind it, its
 * dataset and row are its sources. */
export function derived(e) {
  seq++;
  show("derived",
    h("h2", {}, e.title),
    h("p", { class: "meta" }, `${dateRange(e.date, e.end)} · derived from ${e.derived}`),
    h("h3", {}, "Sources"), sources(e.citations));
}

export function change(cp, title) {
  seq++;
  const drivers = cp.drivers || [];
  show("change",
    h("h2", {}, `Change in ${cp.date.slice(0, 7)}`),
    h("p", { class: "meta" }, title),
    h("dl", { class: "codes" },
      h("dt", {}, "95% interval"), h("dd", {}, `${cp.earliest.slice(0, 7)} … ${cp.latest.slice(0, 7)}`),
      h("dt", {}, "Index"), h("dd", {}, `${cp.mean_before.toFixed(1)} → ${cp.mean_after.toFixed(1)}`)),
    h("h3", {}, `Candidate drivers (${drivers.length})`),
    drivers.length === 0 ? h("p", { class: "muted" }, "No dated driver in the window.") :
      h("ol", {}, drivers.slice(0, 8).map((d) => h("li", {},
        h("b", {}, d.title), " ",
        h("span", { class: "muted" }, `${label(d.kind)}, ${label(d.direction)}; score ${d.score}`),
        h("br"),
        h("span", {}, `${d.fact_title} (${d.date.slice(0, 7)}, lead ${d.lead_months > 0 ? "+" : ""}${d.lead_months} months)`),
        sources(d.citations)))),
    h("p", { class: "muted" }, "Candidates for an analyst to weigh, ranked by relevance, direction and proximity; not causal estimates."));
}

/** The contributions behind the index on a date. */
export function explain(ex, title) {
  seq++;
  const dims = ex.dimensions.filter((d) => d.items.length || d.weight > 0);
  show("explain",
    h("h2", {}, `Depth on ${ex.date}: ${score(ex.composite, 1)}${ex.composite == null ? "" : " / 100"}`),
    h("p", { class: "meta" }, title, ` · sources cover ${(100 * ex.coverage).toFixed(0)}% of the index's weight`),
    ex.consulted.length ? h("ul", { class: "coverage muted" }, ex.consulted.map((c) => h("li", {}, `${c.dataset}: ${c.note}`))) : null,
    dims.map((d) => [
      h("h3", {}, `${dimLabel(d.dimension)}: score ${score(d.score, 1)}`,
        h("span", { class: "muted" }, d.score == null ? " (no source covers it on this date)" :
          ` (${d.points.toFixed(2)} points, weight ${d.weight.toFixed(2)}; ${d.covered_by.join("; ")})`)),
      d.items.length === 0 ? h("p", { class: "muted" }, "No fact in force.") :
        h("table", {}, h("tbody", {}, d.items.slice(0, 12).map((i) =>
          h("tr", { class: "clickable", tabindex: "0", "data-id": i.fact,
            onclick: () => fact(i.fact), onkeydown: (e) => { if (e.key === "Enter") fact(i.fact); } },
            h("td", { class: "num" }, i.points.toFixed(2)),
            h("td", {}, i.title, h("br"), h("span", { class: "muted" }, i.rule)))))),
    ]));
}

/** Arms deals behind a flow on the map. */
export function deals(title, rows) {
  seq++;
  show("deals",
    h("h2", {}, title),
    h("p", { class: "meta" }, `${rows.length} deal(s)`),
    rows.map((r) => {
      const t = r;
      return h("div", { class: "deal" },
        h("h3", {}, `${t.order_date || "undated"} — ${t.system}`),
        h("p", {}, t.description, t.ordered != null ? `; ${t.ordered} ordered` : "",
          t.delivered != null ? `, ${t.delivered} delivered` : "", ` (${label(t.status)})`),
        sources(r.citations));
    }));
}

/** An actor in the network: its ties on the date, each with its sources. */
export function ties(name, id, date, entries) {
  seq++;
  show("ties",
    h("h2", {}, name),
    h("p", { class: "meta" }, `Ties in force on ${date} — `, h("a", { href: `#/actor/${encodeURIComponent(id)}` }, "actor view")),
    entries.map((e) => h("div", { class: "tie" },
      h("h3", {}, `${e.role}: ${e.title}`),
      h("p", { class: "muted" }, dateRange(e.since, e.until), e.status ? ` — ${e.status}` : ""),
      sources(e.citations))));
}
