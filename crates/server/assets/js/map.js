// The arms-flow map: countries drawn from Natural Earth's 1:110m shapes (embedded), projected
// with the Natural Earth projection written here, and a curved arrow per supplier → recipient
// with its width by units ordered. Selecting a flow lists its deals and their sources.

import { h, s, put, label } from "./dom.js";
import * as api from "./api.js";
import * as evidence from "./evidence.js";

let world = null;

/** Countries from the TopoJSON: [{iso3, name, rings: [[[lon, lat], …], …]}]. */
async function loadWorld() {
  if (world) return world;
  const res = await fetch("/assets/world/countries-110m.json");
  if (!res.ok) throw new Error("the map's country shapes could not be loaded");
  const topo = await res.json();
  const [sx, sy] = topo.transform.scale;
  const [tx, ty] = topo.transform.translate;
  const arcs = topo.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; });
  });
  const ring = (ids) => {
    const out = [];
    for (const i of ids) {
      const a = i < 0 ? arcs[~i].slice().reverse() : arcs[i];
      out.push(...(out.length ? a.slice(1) : a));
    }
    return out;
  };
  world = topo.objects.countries.geometries.map((g) => {
    const polys = g.type === "Polygon" ? [g.arcs] : g.type === "MultiPolygon" ? g.arcs : [];
    return { iso3: g.properties.iso3, name: g.properties.name, polygons: polys.map((p) => p.map(ring)) };
  });
  return world;
}

/** Natural Earth I (Šavrič et al. 2011), in radians → unit plane. */
function naturalEarth(lon, lat) {
  const l = (lon * Math.PI) / 180;
  const p = (lat * Math.PI) / 180;
  const p2 = p * p;
  const p4 = p2 * p2;
  return [
    l * (0.8707 - 0.131979 * p2 + p4 * (-0.013791 + p4 * (0.003971 * p2 - 0.001529 * p4))),
    p * (1.007226 + p2 * (0.015085 + p4 * (-0.044475 + 0.028874 * p2 - 0.005916 * p4))),
  ];
}

// Small states missing at 1:110m: a point for their flows.
const POINTS = { LUX: [6.13, 49.8], MLT: [14.4, 35.9], SGP: [103.8, 1.35], BHR: [50.55, 26.05], QAT: [51.2, 25.3], BRN: [114.7, 4.5] };

export async function render(main, route, ctx) {
  const q = route.q;
  const params = {
    supplier: q.supplier || "",
    recipient_in: q.recipient_in || "",
    from: q.from || "",
    to: q.to || "",
    weapons_only: q.weapons_only === "true",
  };
  const [countries, all, data] = await Promise.all([
    loadWorld(),
    api.get("/api/transfers", { limit: 1000 }),
    api.get("/api/transfers", { ...params, limit: 1000 }),
  ]);
  if (!ctx.current()) return;
  const suppliers = [...new Map(all.transfers.map((t) => [t.supplier, t.supplier_name])).entries()].sort((a, b) => a[1].localeCompare(b[1]));
  const go = (changes) => {
    const p = new URLSearchParams();
    const next = { ...params, ...changes };
    for (const [k, v] of Object.entries(next)) if (v && v !== "false") p.set(k, v === true ? "true" : v);
    ctx.navigate(`#/map${p.toString() ? `?${p}` : ""}`);
  };

  // Projection to the SVG box.
  const W = 960;
  const H = 500;
  const k = W / (2 * 2.74);
  const project = ([lon, lat]) => {
    const [x, y] = naturalEarth(lon, lat);
    return [W / 2 + x * k, H / 2 - y * k + 10];
  };
  const pathOf = (rings) => rings.map((r) => "M" + r.map((pt) => project(pt).map((v) => v.toFixed(1)).join(",")).join("L") + "Z").join("");
  const centre = new Map();
  for (const c of countries) {
    if (!c.iso3) continue;
    // The centroid of the largest polygon, in projected coordinates.
    let best = null;
    for (const poly of c.polygons) {
      const pts = poly[0].map(project);
      let a = 0; let cx = 0; let cy = 0;
      for (let i = 0; i < pts.length - 1; i++) {
        const [x0, y0] = pts[i]; const [x1, y1] = pts[i + 1];
        const f = x0 * y1 - x1 * y0;
        a += f; cx += (x0 + x1) * f; cy += (y0 + y1) * f;
      }
      if (!best || Math.abs(a) > Math.abs(best.a)) best = { a, x: cx / (3 * a), y: cy / (3 * a) };
    }
    if (best && Number.isFinite(best.x)) centre.set(c.iso3, [best.x, best.y]);
  }
  for (const [iso, pt] of Object.entries(POINTS)) if (!centre.has(iso)) centre.set(iso, project(pt));

  // Flows: one per supplier → recipient.
  const flows = new Map();
  for (const t of data.transfers) {
    const key = `${t.supplier}>${t.recipient}`;
    if (!flows.has(key)) flows.set(key, { key, supplier: t.supplier, recipient: t.recipient, sname: t.supplier_name, rname: t.recipient_name, deals: [], units: 0 });
    const f = flows.get(key);
    f.deals.push(t);
    f.units += t.ordered || 0;
  }
  const list = [...flows.values()].sort((a, b) => b.units - a.units || b.deals.length - a.deals.length);
  const maxUnits = Math.max(1, ...list.map((f) => f.units));
  const suppliersSet = new Set(list.map((f) => f.supplier));
  const recipientsSet = new Set(list.map((f) => f.recipient));

  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": `Map of ${list.length} arms flows` },
    s("defs", {}, s("marker", { id: "arrow", viewBox: "0 0 10 10", refX: "8", refY: "5", markerWidth: "5", markerHeight: "5", orient: "auto-start-reverse" },
      s("path", { d: "M0,0L10,5L0,10Z", fill: "#d55e00" }))));
  const outline = [];
  for (let lat = -90; lat <= 90; lat += 5) outline.push(project([180, lat]));
  for (let lat = 90; lat >= -90; lat -= 5) outline.push(project([-180, lat]));
  svg.append(s("path", { class: "sphere", d: "M" + outline.map((p) => p.map((v) => v.toFixed(1)).join(",")).join("L") + "Z" }));
  const land = s("g", { class: "countries" });
  for (const c of countries) {
    const cls = ["country", suppliersSet.has(c.iso3) ? "supplier" : recipientsSet.has(c.iso3) ? "recipient" : ""];
    land.append(s("path", { class: cls, d: pathOf(c.polygons.flat()), "data-iso3": c.iso3 || "" }, s("title", {}, c.name)));
  }
  svg.append(land);
  const flowLayer = s("g", { class: "flows" });
  const missing = [];
  let selectedKey = null;
  const choose = (f) => {
    selectedKey = f.key;
    for (const g of svg.querySelectorAll(".flow.selected")) g.classList.remove("selected");
    svg.querySelector(`.flow[data-key="${CSS.escape(f.key)}"]`)?.classList.add("selected");
    for (const r of tbody.querySelectorAll("tr.selected")) r.classList.remove("selected");
    tbody.querySelector(`tr[data-key="${CSS.escape(f.key)}"]`)?.classList.add("selected");
    evidence.deals(`${f.sname} → ${f.rname}`, f.deals);
  };
  for (const f of list) {
    const a = centre.get(f.supplier);
    const b = centre.get(f.recipient);
    if (!a || !b) { missing.push(f); continue; }
    const [mx, my] = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
    const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
    const bend = 0.22;
    const c = [mx - dy * bend, my + dx * bend];
    const width = 1.5 + 7 * Math.sqrt(f.units / maxUnits);
    const g = s("g", { class: "flow", tabindex: "0", role: "button", "data-key": f.key, "data-recipient": f.recipient,
      "aria-label": `${f.sname} to ${f.rname}: ${f.deals.length} deal(s), ${f.units} units ordered` },
    s("title", {}, `${f.sname} → ${f.rname}: ${f.deals.length} deal(s), ${f.units} units ordered`),
    s("path", { d: `M${a[0].toFixed(1)},${a[1].toFixed(1)}Q${c[0].toFixed(1)},${c[1].toFixed(1)} ${b[0].toFixed(1)},${b[1].toFixed(1)}`,
      "stroke-width": width.toFixed(1), "marker-end": "url(#arrow)" }));
    g.addEventListener("click", () => choose(f));
    g.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); choose(f); } });
    flowLayer.append(g);
    flowLayer.append(s("text", { class: "flow-label", x: (b[0] + 4).toFixed(1), y: (b[1] - 4).toFixed(1) }, f.recipient));
  }
  svg.append(flowLayer);

  const tbody = h("tbody", {}, list.map((f) => h("tr", { class: "clickable", tabindex: "0", "data-key": f.key,
    onclick: () => choose(f), onkeydown: (e) => { if (e.key === "Enter") choose(f); } },
  h("td", {}, f.sname), h("td", {}, f.rname), h("td", { class: "num" }, String(f.deals.length)),
  h("td", { class: "num" }, String(f.units)),
  h("td", {}, [...new Set(f.deals.map((d) => (d.order_date || "").slice(0, 4)).filter(Boolean))].join(", ")))));

  put(main,
    h("div", { class: "title-row" }, h("h1", {}, "Arms flows"),
      h("p", { class: "muted" }, `${data.total} deal(s) in ${list.length} flow(s)`)),
    h("div", { class: "card" },
      h("div", { class: "controls", role: "group", "aria-label": "Filters" },
        h("label", {}, "Supplier ", h("select", { id: "supplier", onchange: (e) => go({ supplier: e.target.value }) },
          h("option", { value: "" }, "all"),
          suppliers.map(([id, name]) => h("option", { value: id, selected: params.supplier === id }, name)))),
        h("label", {}, h("input", { type: "checkbox", id: "nato-only", checked: params.recipient_in === "NATO",
          onchange: (e) => go({ recipient_in: e.target.checked ? "NATO" : "" }) }), " only NATO members (at the deal's date)"),
        h("label", {}, "From ", h("input", { type: "number", id: "from", min: "1945", max: "2100", value: params.from, size: "5",
          onchange: (e) => go({ from: e.target.value }) })),
        h("label", {}, "to ", h("input", { type: "number", id: "to", min: "1945", max: "2100", value: params.to, size: "5",
          onchange: (e) => go({ to: e.target.value }) })),
        h("label", {}, h("input", { type: "checkbox", id: "weapons", checked: params.weapons_only,
          onchange: (e) => go({ weapons_only: e.target.checked }) }), " weapon systems only")),
      h("div", { class: "chart map", id: "map" }, svg),
      h("div", { class: "legend" },
        h("span", { class: "key" }, h("span", { class: "swatch legend-supplier" }), "supplier"),
        h("span", { class: "key" }, h("span", { class: "swatch legend-recipient" }), "recipient"),
        h("span", { class: "key muted" }, "arrow width: units ordered")),
      missing.length ? h("p", { class: "muted" }, `Not on the map (no shape at this scale): ${missing.map((f) => `${f.sname} → ${f.rname}`).join(", ")}`) : null),
    h("section", { class: "card" }, h("h2", {}, "Flows"),
      h("div", { class: "scroll" }, h("table", {},
        h("thead", {}, h("tr", {}, ["Supplier", "Recipient", "Deals", "Units", "Ordered"].map((c) => h("th", { scope: "col" }, c)))),
        tbody))),
    h("p", { class: "muted" }, "Country shapes: Natural Earth (public domain), via world-atlas (ISC)."));
  if (selectedKey) choose(flows.get(selectedKey));
}
