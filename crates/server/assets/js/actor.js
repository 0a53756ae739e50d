// The actor view: identity and codes, parent and parts, memberships, partners, programmes and
// other relations over time, and arms transfers supplied and received.

import { h, put, label, dateRange, dimLabel, score } from "./dom.js";
import * as api from "./api.js";
import * as evidence from "./evidence.js";

const CODE_NAMES = { iso3: "ISO 3166 alpha-3", iso2: "ISO 3166 alpha-2", cow: "COW", gw: "Gleditsch–Ward", cameo: "CAMEO", fips: "FIPS 10-4", wikidata: "Wikidata" };

const GROUPS = [
  ["Memberships", ["member of", "participant in"]],
  ["Members", ["member", "participant"]],
  ["Partners", ["partner", "partner of"]],
  ["Programmes", ["programme", "programme with"]],
  ["Deployments", ["deployed in", "contributor"]],
  ["Treaties and alliances", ["treaty", "alliance"]],
  ["Offices", ["office holder", "holds office in"]],
];

function actorLink(id, name) {
  return h("a", { href: `#/actor/${encodeURIComponent(id)}` }, name || id);
}

function relTable(rows) {
  return h("div", { class: "scroll" }, h("table", {},
    h("thead", {}, h("tr", {}, ["Role", "Who", "From", "To", "What"].map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", {}, rows.map((r) => h("tr", { class: "clickable", tabindex: "0", "data-id": r.id,
      onclick: (e) => { if (!e.target.closest("a")) evidence.fact(r.id); },
      onkeydown: (e) => { if (e.key === "Enter" && !e.target.closest("a")) evidence.fact(r.id); } },
    h("td", {}, r.role), h("td", {}, actorLink(r.counterpart, r.counterpart_name)),
    h("td", {}, r.start || ""), h("td", {}, r.end || (r.start ? "ongoing" : "")), h("td", {}, r.title))))));
}

function transferTable(rows, side) {
  if (!rows.length) return h("p", { class: "muted" }, "None recorded.");
  return h("div", { class: "scroll" }, h("table", {},
    h("thead", {}, h("tr", {}, ["Ordered", side === "supplier" ? "To" : "From", "System", "Number", "Status"].map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", {}, rows.map((r) => {
      // A deal from the SIPRI register has no fact file: its row is its evidence.
      const show = () => r.derived
        ? evidence.derived({ title: `${r.system} — ${r.description}`, date: r.order_date, derived: r.derived, citations: r.citations })
        : evidence.fact(r.id);
      return h("tr", { class: "clickable", tabindex: "0", "data-id": r.id,
      onclick: (e) => { if (!e.target.closest("a")) show(); },
      onkeydown: (e) => { if (e.key === "Enter") show(); } },
    h("td", {}, r.order_date || ""),
    h("td", {}, side === "supplier" ? actorLink(r.recipient, r.recipient_name) : actorLink(r.supplier, r.supplier_name)),
    h("td", {}, `${r.system} — ${r.description}`, r.derived ? h("span", { class: "chip derived" }, r.derived) : null),
    h("td", { class: "num" }, r.ordered != null ? String(r.ordered) : ""),
    h("td", {}, label(r.status)));
    }))));
}

/** The actor's counterparts ranked by depth today, states then organisations. */
function partnersCard(id) {
  const box = h("div", {}, h("p", { class: "loading" }, "Ranking…"));
  api.get("/api/partners", { actor: id, top: 10 }).then((r) => {
    if (!r.partners.length) { put(box, h("p", { class: "muted" }, "No counterpart in any source.")); return; }
    put(box, h("p", { class: "muted" }, `On ${r.date}, of ${r.considered} counterparts; depth over the dimensions the sources cover, ranked with the others at zero.`),
      h("div", { class: "scroll" }, h("table", {},
        h("thead", {}, h("tr", {}, ["#", "Counterpart", "Depth", "Covered", "Leading", "Sources"].map((c) => h("th", { scope: "col" }, c)))),
        h("tbody", {}, r.partners.map((p) => h("tr", { "data-id": p.id, "data-group": p.group },
          h("td", { class: "num" }, p.group === "state" ? String(p.rank) : `org ${p.rank}`),
          h("td", {}, h("a", { href: `#/dyad/${encodeURIComponent(id)}/${encodeURIComponent(p.id)}` }, p.name)),
          h("td", { class: "num" }, score(p.composite, 1)),
          h("td", { class: "num" }, `${(100 * p.coverage).toFixed(0)}%`),
          h("td", {}, p.leading ? dimLabel(p.leading) : "no data"),
          h("td", { class: "muted" }, p.covered_by.join("; "))))))));
  }).catch((e) => put(box, h("p", { class: "notice error" }, e.message)));
  return h("section", { class: "card", id: "partners" }, h("h2", {}, "Partners, by depth"), box);
}

export async function render(main, route, ctx) {
  const q = route.parts[0] || "KOR";
  const p = await api.get(`/api/actors/${encodeURIComponent(q)}`);
  if (!ctx.current()) return;
  const a = p.actor;
  const [supplied, received] = await Promise.all([
    api.get("/api/transfers", { supplier: a.id, limit: 1000 }),
    api.get("/api/transfers", { recipient: a.id, limit: 1000 }),
  ]);
  if (!ctx.current()) return;
  const codes = Object.entries(a.codes || {});
  const others = [a.short_name && a.short_name !== a.name ? a.name : null, ...(a.aliases || [])].filter(Boolean);
  const used = new Set();
  const sections = GROUPS.map(([title, roles]) => {
    const rows = p.relations.filter((r) => roles.includes(r.role));
    rows.forEach((r) => used.add(r.id));
    return rows.length ? h("section", { class: "card", "data-group": title }, h("h2", {}, `${title} (${rows.length})`), relTable(rows)) : null;
  });
  const rest = p.relations.filter((r) => !used.has(r.id));
  const dyadWith = a.id === "NATO" ? "KOR" : "NATO";
  put(main,
    h("div", { class: "title-row" },
      h("h1", {}, a.short_name || a.name),
      h("div", { class: "tools" },
        h("a", { class: "button", href: `#/dyad/${encodeURIComponent(dyadWith)}/${encodeURIComponent(a.id)}` },
          a.id === "NATO" ? "NATO – South Korea" : `Partnership with NATO`),
        a.kind !== "state" ? h("a", { class: "button", href: `#/network/${encodeURIComponent(a.id)}` }, "Network") : null,
        h("a", { class: "button", href: `#/map?supplier=${encodeURIComponent(a.id)}` }, "Arms flows"))),
    h("div", { class: "grid2" },
      h("section", { class: "card", id: "identity" },
        h("h2", {}, "Identity"),
        h("p", {}, `${a.name} — ${label(a.kind)}`, p.parent_name ? [", part of ", actorLink(a.parent, p.parent_name)] : null),
        h("dl", { class: "codes" },
          h("dt", {}, "entente id"), h("dd", { "data-code": "id" }, a.id),
          codes.map(([k, v]) => [h("dt", {}, CODE_NAMES[k] || k), h("dd", { "data-code": k }, String(v))]),
          others.length ? [h("dt", {}, "Also"), h("dd", {}, others.join(", "))] : null,
          a.demonyms && a.demonyms.length ? [h("dt", {}, "Demonyms"), h("dd", {}, a.demonyms.join(", "))] : null),
        a.note ? h("p", { class: "note" }, a.note) : null),
      h("section", { class: "card", id: "activity" },
        h("h2", {}, "Activity"),
        h("dl", { class: "codes" },
          h("dt", {}, "Relations"), h("dd", {}, String(p.relations.length)),
          h("dt", {}, "Events"), h("dd", {}, String(p.events)),
          h("dt", {}, "Deals supplied"), h("dd", {}, String(p.transfers_supplied)),
          h("dt", {}, "Deals received"), h("dd", {}, String(p.transfers_received))),
        p.parts.length ? [h("h3", {}, "Parts"), h("ul", {}, p.parts.map(([id, name, kind]) => h("li", {}, actorLink(id, name), h("span", { class: "muted" }, ` (${label(kind)})`))))] : null)),
    partnersCard(a.id),
    sections,
    rest.length ? h("section", { class: "card" }, h("h2", {}, `Other relations (${rest.length})`), relTable(rest)) : null,
    h("section", { class: "card", id: "supplied" }, h("h2", {}, `Arms supplied (${supplied.total})`), transferTable(supplied.transfers, "supplier")),
    h("section", { class: "card", id: "received" }, h("h2", {}, `Arms received (${received.total})`), transferTable(received.transfers, "recipient")));
  main.dataset.actor = a.id;
}
