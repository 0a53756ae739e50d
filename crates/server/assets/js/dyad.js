// The dyad view: a partnership's chronology in lanes by dimension, its depth index with change
// points, its drivers and outlook, and its peers. Everything selectable shows its evidence.

import { h, put, label, dimLabel, dateRange, DIMENSIONS, score } from "./dom.js";
import * as api from "./api.js";
import * as evidence from "./evidence.js";
import { timeline } from "./timeline.js";
import { depthChart } from "./depth.js";
import * as data from "./data.js";

export async function render(main, route, ctx) {
  const [a = "NATO", b = "KOR"] = route.parts;
  const members = route.q.members === "true";
  const by = route.q.by === "month" ? "month" : "year";
  const tl = await api.get("/api/timeline", { a, b, members, limit: 1000 });
  if (!ctx.current()) return;
  const [ida, idb] = tl.actors;
  const names = tl.names;
  const title = `${names[ida] || ida} – ${names[idb] || idb}`;
  const hashWith = (q) => {
    const p = new URLSearchParams({ ...(members ? { members: "true" } : {}), ...(by === "month" ? { by } : {}), ...q });
    for (const [k, v] of [...p]) if (v === "" || v === "false") p.delete(k);
    const qs = p.toString();
    return `#/dyad/${encodeURIComponent(ida)}/${encodeURIComponent(idb)}${qs ? `?${qs}` : ""}`;
  };

  const depthBox = h("div", { id: "depth-chart" }, h("p", { class: "loading" }, "Computing the index…"));
  const tlBox = h("div", { id: "timeline" });
  const chrono = h("div", { class: "scroll", id: "chronology" });
  const outlookBox = h("div", { id: "outlook" }, h("p", { class: "loading" }, "Loading…"));
  const peersBox = h("div", { id: "peers" }, h("p", { class: "loading" }, "Loading…"));
  const eventsBox = h("div", { id: "events" }, h("p", { class: "loading" }, "Loading…"));
  const alignBox = h("div", { id: "alignment" }, h("p", { class: "loading" }, "Loading…"));
  put(main,
    h("div", { class: "title-row" },
      h("h1", {}, title),
      h("div", { class: "tools" },
        h("label", {}, h("input", { type: "checkbox", id: "members", checked: members,
          onchange: (e) => ctx.navigate(hashWith({ members: e.target.checked ? "true" : "" })) }),
        " Count members (a deal with Poland counts as NATO's)"),
        h("a", { class: "button", href: `/api/brief?a=${encodeURIComponent(ida)}&b=${encodeURIComponent(idb)}`, target: "_blank", rel: "noopener" }, "Brief (HTML)"),
        h("a", { class: "button", href: `#/actor/${encodeURIComponent(idb)}` }, names[idb] || idb))),
    h("section", { class: "card", "aria-labelledby": "depth-h" },
      h("header", {}, h("h2", { id: "depth-h" }, "Depth of the partnership"),
        h("div", { class: "tools" },
          h("label", { for: "by" }, "Step"),
          h("select", { id: "by", onchange: (e) => ctx.navigate(hashWith({ by: e.target.value === "month" ? "month" : "" })) },
            h("option", { value: "year", selected: by === "year" }, "yearly"),
            h("option", { value: "month", selected: by === "month" }, "monthly")))),
      h("p", { class: "muted" }, "Index 0–100 by dimension. Red lines: change points with their 95% interval — select one for its candidate drivers. Select a date to see the facts behind the value."),
      depthBox),
    h("section", { class: "card", "aria-labelledby": "tl-h" },
      h("header", {}, h("h2", { id: "tl-h" }, `Chronology (${tl.total})`)),
      h("div", { class: "legend" }, DIMENSIONS.map((d) => h("span", { class: "key" }, h("span", { class: ["swatch", `dim-${d}`] }), dimLabel(d))),
        h("span", { class: "key muted" }, "bars: relations in force; dots: events; diamonds: deals and drivers")),
      tlBox, chrono),
    h("div", { class: "grid2" },
      h("section", { class: "card", "aria-labelledby": "out-h" }, h("h2", { id: "out-h" }, "Drivers and outlook"), outlookBox),
      h("section", { class: "card", "aria-labelledby": "peers-h" }, h("h2", { id: "peers-h" }, "Peers"), peersBox)),
    h("div", { class: "grid2" },
      h("section", { class: "card", "aria-labelledby": "events-h" }, h("h2", { id: "events-h" }, "Event data"), eventsBox),
      h("section", { class: "card", "aria-labelledby": "align-h" }, h("h2", { id: "align-h" }, "Alignment"), alignBox)));

  // Chronology: the chart and a table, kept in step.
  let rowsById = new Map();
  const select = (id) => {
    for (const r of chrono.querySelectorAll("tr.selected")) r.classList.remove("selected");
    rowsById.get(id)?.classList.add("selected");
    chart?.select(id);
    const e = tl.entries.find((x) => x.id === id);
    if (e && e.derived) evidence.derived(e);
    else evidence.fact(id);
  };
  const chart = tl.entries.length ? timeline(tlBox, tl.entries, { onSelect: select, names }) : null;
  if (!chart) put(tlBox, h("p", { class: "muted" }, "No fact links these two actors."));
  const table = h("table", {},
    h("thead", {}, h("tr", {}, ["Date", "Kind", "Dimension", "What", "Sources"].map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", {}, tl.entries.map((e) => {
      const tr = h("tr", { class: "clickable", tabindex: "0", "data-id": e.id,
        onclick: () => select(e.id), onkeydown: (ev) => { if (ev.key === "Enter") select(e.id); } },
      h("td", {}, dateRange(e.date, e.end)),
      h("td", {}, label(e.kind)),
      h("td", {}, h("span", { class: ["chip", `dim-${e.dimension}`] }, dimLabel(e.dimension))),
      h("td", {}, e.title, e.via ? h("span", { class: "muted" }, ` (via ${names[e.via] || e.via})`) : null,
        e.derived ? h("span", { class: "chip derived", title: "derived from a dataset" }, e.derived) : null),
      h("td", { class: "num" }, String(e.citations.length)));
      rowsById.set(e.id, tr);
      return tr;
    })));
  put(chrono, table);
  if (route.q.focus) select(route.q.focus);

  // The index and its change points.
  const depthP = Promise.all([
    api.get("/api/depth", { a: ida, b: idb, by }),
    api.get("/api/changes", { a: ida, b: idb }),
  ]).then(([d, c]) => {
    if (!ctx.current()) return;
    depthChart(depthBox, {
      series: d.series, dimensions: d.dimensions, changes: c.changes,
      onExplain: async (date) => {
        try {
          evidence.explain(await api.get("/api/depth/explain", { a: ida, b: idb, date }), title);
        } catch (e) { depthBox.append(h("p", { class: "notice error" }, e.message)); }
      },
      onChange: (cp) => evidence.change(cp, title),
    });
    depthBox.dataset.changes = String(c.changes.length);
    // What stands behind the index: each dataset consulted and what it said about the pair.
    if (d.consulted && d.consulted.length) {
      depthBox.append(h("ul", { class: "coverage muted", id: "coverage" },
        d.consulted.map((x) => h("li", {}, `${x.dataset}: ${x.note}`))));
    }
  }).catch((e) => put(depthBox, h("p", { class: "notice error" }, e.message)));

  const outlookP = api.get("/api/outlook", { a: ida, b: idb }).then((o) => {
    if (!ctx.current()) return;
    if (!o.drivers.length) { put(outlookBox, h("p", { class: "muted" }, "No driver recorded.")); return; }
    put(outlookBox, h("ul", { class: "drivers" }, o.drivers.map((d) => h("li", {},
      h("a", { href: "#", onclick: (e) => { e.preventDefault(); evidence.fact(d.id); } }, d.title), " ",
      h("span", { class: "muted" }, `${label(d.kind)}, ${label(d.direction)}${d.date ? `, ${d.date}` : ""}`),
      d.indicators.length ? h("ul", {}, d.indicators.map((i) => h("li", {}, i.title, ": ",
        i.evidence.length ? h("a", { href: "#", onclick: (e) => { e.preventDefault(); evidence.fact(i.evidence[0].fact); } },
          `latest: ${i.evidence[0].date || ""} ${i.evidence[0].title}`) : h("span", { class: "muted" }, "no evidence yet")))) : null))));
  }).catch((e) => put(outlookBox, h("p", { class: "notice error" }, e.message)));

  const peersP = api.get("/api/peers", { a: ida, b: idb }).then((p) => {
    if (!ctx.current()) return;
    const dims = p.dimensions; // the analysis decides which dimensions to show
    put(peersBox, h("table", {},
      h("thead", {}, h("tr", {}, h("th", {}, "Dyad"), h("th", { class: "num" }, "Now"), dims.map((d) => h("th", { class: "num", title: dimLabel(d) }, dimLabel(d).slice(0, 5))))),
      h("tbody", {}, p.dyads.map((d) => {
        const last = d.series[d.series.length - 1];
        const by = Object.fromEntries(last ? last.dimensions : []);
        return h("tr", {},
          h("td", {}, h("a", { href: `#/dyad/${encodeURIComponent(d.a)}/${encodeURIComponent(d.b)}` }, d.label)),
          h("td", { class: "num" }, last ? score(last.composite, 1) : ""),
          dims.map((x) => h("td", { class: "num" }, last ? score(by[x], 0) : "")));
      }))));
  }).catch((e) => put(peersBox, h("p", { class: "notice error" }, e.message)));

  const dataP = Promise.all([data.events(eventsBox, ida, idb, members), data.alignment(alignBox, ida, idb)]);
  await Promise.all([depthP, outlookP, peersP, dataP]);
}
