// The partnership network of an organisation on a date: the organisation in the middle, its
// bodies around it, its members on a ring, its partners and the participants of its bodies on
// the outer ring. Everything comes from the as-of-date state (/api/at); the layout is radial.

import { h, s, put, todayIso } from "./dom.js";
import * as api from "./api.js";
import * as evidence from "./evidence.js";

const MEMBER_ROLES = new Set(["member"]);
const PARTNER_ROLES = new Set(["partner", "programme", "participant", "contributor", "treaty", "alliance"]);

function validDate(d) {
  return /^\d{4}(-\d{2}(-\d{2})?)?$/.test(d || "");
}

export async function render(main, route, ctx) {
  const orgQ = route.parts[0] || "NATO";
  const date = validDate(route.q.date) ? route.q.date : todayIso();
  const [state, profile] = await Promise.all([
    api.get("/api/at", { actor: orgQ, date, limit: 1000 }),
    api.get(`/api/actors/${encodeURIComponent(orgQ)}`),
  ]);
  if (!ctx.current()) return;
  const org = state.actor;
  const bodies = profile.parts.filter(([, , kind]) => kind === "body" || kind === "agency");
  const bodyStates = await Promise.all(bodies.map(([id]) => api.get("/api/at", { actor: id, date, limit: 1000 })));
  if (!ctx.current()) return;

  // Nodes and edges.
  const nodes = new Map();
  const edges = [];
  const ties = new Map(); // node id → entries that link it
  const tie = (id, e) => { if (!ties.has(id)) ties.set(id, []); ties.get(id).push(e); };
  const node = (id, name, cls) => { if (!nodes.has(id)) nodes.set(id, { id, name, cls }); return nodes.get(id); };
  node(org, state.name, "center");
  for (const e of state.entries) {
    if (MEMBER_ROLES.has(e.role)) {
      node(e.counterpart, e.counterpart_name, "member");
      edges.push({ from: org, to: e.counterpart, cls: "member" });
      tie(e.counterpart, e);
    }
  }
  bodies.forEach(([id, name], i) => {
    const st = bodyStates[i];
    const active = st.entries.length > 0;
    if (!active) return;
    node(id, name, "body");
    edges.push({ from: org, to: id, cls: "body" });
    for (const e of st.entries) {
      if (e.role !== "participant" && e.role !== "member" && e.role !== "partner") continue;
      node(e.counterpart, e.counterpart_name, "participant");
      edges.push({ from: id, to: e.counterpart, cls: "participant" });
      tie(e.counterpart, e);
      tie(id, e);
    }
  });
  for (const e of state.entries) {
    if (!PARTNER_ROLES.has(e.role)) continue;
    const n = node(e.counterpart, e.counterpart_name, "partner");
    if (n.cls === "participant") n.cls = "partner";
    edges.push({ from: org, to: e.counterpart, cls: e.role === "programme" ? "programme" : "partner" });
    tie(e.counterpart, e);
  }

  // Radial layout: bodies near the centre, members on a ring, partners and participants outside.
  const W = 900;
  const H = 720;
  const cx = W / 2;
  const cy = H / 2;
  const ring = (list, r, offset = 0) => list.forEach((n, i) => {
    const a = offset + (2 * Math.PI * i) / Math.max(list.length, 1) - Math.PI / 2;
    n.x = cx + r * Math.cos(a);
    n.y = cy + r * Math.sin(a);
  });
  const all = [...nodes.values()];
  const byName = (a, b) => a.name.localeCompare(b.name);
  const center = nodes.get(org);
  center.x = cx; center.y = cy;
  ring(all.filter((n) => n.cls === "body").sort(byName), 95, 0.3);
  ring(all.filter((n) => n.cls === "member").sort(byName), 215);
  ring(all.filter((n) => n.cls === "partner" || n.cls === "participant").sort(byName), 320, 0.1);

  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": `${state.name} network on ${state.date}` });
  const edgeLayer = s("g", { class: "edges" });
  const seen = new Set();
  for (const e of edges) {
    const k = `${e.from}>${e.to}>${e.cls}`;
    if (seen.has(k)) continue;
    seen.add(k);
    const a = nodes.get(e.from);
    const b = nodes.get(e.to);
    edgeLayer.append(s("line", { class: ["edge", e.cls], x1: a.x.toFixed(1), y1: a.y.toFixed(1), x2: b.x.toFixed(1), y2: b.y.toFixed(1), "data-from": e.from, "data-to": e.to }));
  }
  svg.append(edgeLayer);
  const nodeLayer = s("g", { class: "nodes" });
  const choose = (n) => {
    for (const g of svg.querySelectorAll(".node.selected")) g.classList.remove("selected");
    svg.querySelector(`.node[data-id="${CSS.escape(n.id)}"]`)?.classList.add("selected");
    evidence.ties(n.name, n.id, state.date, ties.get(n.id) || state.entries.filter((e) => e.counterpart === n.id));
  };
  for (const n of all) {
    const r = n.cls === "center" ? 22 : n.cls === "body" ? 10 : 8;
    const g = s("g", { class: ["node", n.cls], tabindex: "0", role: "button", "data-id": n.id,
      "aria-label": `${n.name} (${n.cls === "center" ? "organisation" : n.cls})`, transform: `translate(${n.x.toFixed(1)},${n.y.toFixed(1)})` },
    s("title", {}, `${n.name} — ${n.cls === "center" ? "organisation" : n.cls}`),
    s("circle", { r }),
    s("text", { y: n.cls === "center" ? 38 : -r - 4, "text-anchor": "middle" }, n.cls === "center" ? n.name : n.id.length <= 6 ? n.id : n.name));
    g.addEventListener("click", () => (n.cls === "center" ? ctx.navigate(`#/actor/${encodeURIComponent(n.id)}`) : choose(n)));
    g.addEventListener("keydown", (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); g.dispatchEvent(new MouseEvent("click")); } });
    nodeLayer.append(g);
  }
  svg.append(nodeLayer);

  const count = (cls) => all.filter((n) => n.cls === cls).length;
  const setDate = (d) => { if (validDate(d)) ctx.navigate(`#/network/${encodeURIComponent(org)}?date=${d}`); };
  const year = Number(date.slice(0, 4));
  const shift = (dy) => setDate(`${year + dy}${date.slice(4)}`);
  const dateInput = h("input", { type: "date", id: "net-date", value: date.length === 10 ? date : "", min: "1949-01-01",
    onchange: (e) => setDate(e.target.value) });
  const members = state.entries.filter((e) => MEMBER_ROLES.has(e.role)).sort((a, b) => (a.since || "").localeCompare(b.since || ""));
  put(main,
    h("div", { class: "title-row" },
      h("h1", {}, `${state.name} on ${state.date}`),
      h("div", { class: "tools", role: "group", "aria-label": "Date" },
        h("button", { type: "button", onclick: () => shift(-1), "aria-label": "One year earlier" }, "− 1 year"),
        h("label", { for: "net-date", class: "sr-only" }, "Date"), dateInput,
        h("button", { type: "button", onclick: () => shift(1), "aria-label": "One year later" }, "+ 1 year"),
        h("button", { type: "button", onclick: () => setDate(todayIso()) }, "Today"))),
    h("p", { id: "net-summary" },
      `${state.member_count} member(s), ${count("partner")} partner(s), ${count("body")} active bod${count("body") === 1 ? "y" : "ies"}, ${count("participant")} other participant(s).`),
    h("div", { class: "card" },
      h("div", { class: "legend" },
        [["center", "organisation"], ["body", "body"], ["member", "member"], ["partner", "partner / programme"], ["participant", "participant in a body"]]
          .map(([c, t]) => h("span", { class: "key" }, h("span", { class: ["swatch", `net-${c}`] }), t))),
      h("div", { class: "chart network", id: "network" }, svg)),
    h("section", { class: "card" }, h("h2", {}, `Members on ${state.date} (${members.length})`),
      h("div", { class: "scroll" }, h("table", {},
        h("thead", {}, h("tr", {}, ["Member", "Since"].map((c) => h("th", { scope: "col" }, c)))),
        h("tbody", {}, members.map((e) => h("tr", { class: "clickable", tabindex: "0",
          onclick: () => choose(nodes.get(e.counterpart)), onkeydown: (ev) => { if (ev.key === "Enter") choose(nodes.get(e.counterpart)); } },
        h("td", {}, e.counterpart_name), h("td", {}, e.since || ""))))))));
  main.dataset.members = String(state.member_count);
}
