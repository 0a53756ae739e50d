// The start page: what the dataset holds, and where to begin.

import { h, put } from "./dom.js";

export async function render(main, _route, ctx) {
  const m = ctx.meta;
  const c = m.counts;
  const card = (href, title, text) => h("a", { class: "card start", href }, h("h2", {}, title), h("p", { class: "muted" }, text));
  put(main,
    h("h1", {}, "Security partnerships, with the evidence"),
    h("p", {}, "Every fact here — a membership, a programme, a summit, an arms deal, a driver — has its sources. Select anything to see them."),
    h("div", { class: "card stats" },
      [["actors", c.actors], ["facts", c.facts], ["sources", c.sources], ["arms deals", c.transfers], ["drivers", c.drivers]]
        .map(([k, v]) => h("div", {}, h("b", {}, String(v)), k))),
    h("div", { class: "grid2" },
      card("#/dyad/NATO/KOR", "NATO – South Korea", "The founding case: chronology by dimension, depth index with its change points, drivers and outlook."),
      card("#/actor/KOR", "Republic of Korea", "Codes, memberships, partners, programmes and arms transfers of one actor."),
      card("#/map?supplier=KOR", "Arms flows", "Who bought what from whom, drawn on the map; select a flow for its deals and sources."),
      card("#/network/NATO", "NATO's network", "NATO, its members, bodies and partners as of any date.")),
    h("p", { class: "muted" }, m.writable
      ? "Edits are enabled: add or correct facts in the Edit view."
      : "This server is read-only."));
}
