// Editing: add a record, correct one (the form is filled with its text), or retract one of your
// own. Each change is validated by the server like a fact file; problems come back with line and
// column. Needs the server's token; without one the server is read-only.

import { h, put } from "./dom.js";
import * as api from "./api.js";

const TEMPLATES = {
  event: `[[event]]
id = "my-meeting-2025"
kind = "meeting"            # summit, meeting, visit, signing, exercise, statement, …
date = "2025-06"            # YYYY, YYYY-MM or YYYY-MM-DD
title = "What happened, in your words"
actors = ["NATO"]
targets = ["KOR"]
sources = ["my-source-2025"]

[[source]]
id = "my-source-2025"
url = "https://example.org/article"
publisher = "Publisher"
title = "Title of the document"
`,
  relation: `[[relation]]
id = "my-relation"
kind = "partnership"        # membership, participation, partnership, programme, treaty, …
subject = "KOR"
object = "NATO"
title = "What holds, in your words"
start = "2025-01"
sources = ["mofa-kor-nato"]
`,
  transfer: `[[transfer]]
id = "my-deal"
supplier = "KOR"
recipient = "POL"
system = "K9"
description = "155mm self-propelled howitzer"
category = "artillery"
status = "contract"
ordered = 10
order_date = "2025"
sources = ["sipri-trade-register"]
`,
  driver: `[[driver]]
id = "my-driver"
kind = "threat"             # threat, war, policy, leadership, capability_gap, uncertainty
title = "What pushes the partnership"
date = "2025"
actors = ["PRK"]
affects = ["NATO", "KOR"]
direction = "deepening"
sources = ["mofa-kor-nato"]
`,
  source: `[[source]]
id = "my-source"
url = "https://example.org/document"
publisher = "Publisher"
title = "Title"
`,
};

function diagnostics(list) {
  return h("ul", { class: "diagnostics" }, list.map((d) => h("li", {},
    h("div", { class: "where" }, `${d.file}:${d.line}:${d.column} — ${d.code}`),
    h("div", {}, d.message),
    d.hint ? h("div", { class: "muted" }, `hint: ${d.hint}`) : null)));
}

export async function render(main, route, ctx) {
  const meta = await api.get("/api/meta");
  const edits = await api.get("/api/edits");
  if (!ctx.current()) return;
  const factId = route.q.fact || "";
  let original = null;
  if (factId) original = await api.get(`/api/facts/${encodeURIComponent(factId)}`);
  if (!ctx.current()) return;

  const result = h("div", { id: "edit-result", "aria-live": "polite" });
  const area = h("textarea", { id: "record", class: "code", spellcheck: "false", "aria-label": "Record, as in a fact file (TOML)" });
  area.value = original ? original.toml || "" : TEMPLATES.event;
  const kind = h("select", { id: "template", "aria-label": "Template",
    onchange: (e) => { area.value = TEMPLATES[e.target.value]; } },
  Object.keys(TEMPLATES).map((k) => h("option", { value: k }, k)));
  const tokenInput = h("input", { type: "password", id: "token", autocomplete: "off", value: api.token(), placeholder: "token", "aria-label": "Token" });
  const save = async () => {
    api.setToken(tokenInput.value.trim());
    put(result, h("p", { class: "loading" }, "Validating…"));
    try {
      const out = original
        ? await api.send("PUT", `/api/facts/${encodeURIComponent(original.id)}`, area.value)
        : await api.send("POST", "/api/facts", area.value);
      const added = out.added || [];
      put(result, h("div", { class: "notice ok", "data-outcome": "saved" },
        h("p", {}, `Saved (generation ${out.generation}): `, added.map((r) => `${r.kind} ${r.id}`).join(", ") || "nothing added",
          out.replaced ? ` — replaces ${out.replaced.ns}:${out.replaced.id}` : ""),
        added.filter((r) => r.kind !== "source" && r.kind !== "actor").map((r) =>
          h("p", {}, h("a", { href: `#/dyad/NATO/KOR?focus=${encodeURIComponent(r.id)}` }, `Show ${r.id} in the NATO – South Korea view`))),
        out.warnings && out.warnings.length ? diagnostics(out.warnings) : null));
      ctx.meta.generation = out.generation;
      original = null;
      if (factId) history.replaceState(null, "", "#/edit");
      await listEdits();
    } catch (e) {
      put(result, h("div", { class: "notice error", "data-outcome": e.code },
        h("p", {}, e.message), e.hint ? h("p", { class: "muted" }, e.hint) : null,
        e.diagnostics.length ? diagnostics(e.diagnostics) : null));
    }
  };
  area.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); save(); }
  });

  const mine = h("div", { id: "my-edits" });
  const listEdits = async () => {
    const ed = await api.get("/api/edits");
    if (!ed.records.length && !ed.replaces.length) { put(mine, h("p", { class: "muted" }, "No edits yet.")); return; }
    put(mine,
      ed.records.length ? h("table", {}, h("tbody", {}, ed.records.map((r) => h("tr", {},
        h("td", {}, r.kind), h("td", {}, h("code", {}, r.id)),
        h("td", {}, meta.writable ? h("button", { type: "button", class: "danger", onclick: async () => {
          api.setToken(tokenInput.value.trim());
          try {
            await api.send("DELETE", `/api/facts/${encodeURIComponent(r.id)}`, undefined, undefined,
              r.kind === "source" || r.kind === "actor" ? { kind: r.kind } : undefined);
            await listEdits();
          } catch (e) {
            put(result, h("div", { class: "notice error" }, h("p", {}, e.message), e.diagnostics.length ? diagnostics(e.diagnostics) : null));
          }
        } }, "Retract") : null))))) : null,
      ed.replaces.length ? h("p", {}, "Base records you corrected or retracted: ", ed.replaces.map((k) => `${k.ns}:${k.id}`).join(", ")) : null,
      h("p", { class: "muted" }, `Saved in ${ed.path}`));
  };

  put(main,
    h("h1", {}, original ? `Correct ${original.id}` : "Add facts"),
    meta.writable ? null : h("p", { class: "notice", "data-mode": "read-only" },
      "This server is read-only. Start it with ", h("code", {}, "entente serve --token TOKEN"), " to add and correct facts."),
    h("section", { class: "card" },
      h("p", {}, "Write records as in the fact files (", h("code", {}, "docs/data-format.md"),
        "): each needs at least one source. The server checks them like ", h("code", {}, "entente check"),
        original ? " and saves your version in place of the original." : " and saves them to your data directory."),
      h("div", { class: "controls" },
        original ? null : [h("label", { for: "template" }, "Template"), kind],
        h("label", { for: "token" }, "Token"), tokenInput),
      area,
      h("div", { class: "controls" },
        h("button", { type: "button", class: "primary", id: "save", disabled: !meta.writable, onclick: save },
          original ? "Save correction" : "Validate and save"),
        h("span", { class: "muted" }, "Ctrl+Enter saves")),
      result),
    h("section", { class: "card" }, h("h2", {}, "Your edits"), mine));
  if (edits) await listEdits();
}
