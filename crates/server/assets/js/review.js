// Review: paste an article, see its claims beside the text (each quote highlighted), and accept,
// edit or reject each proposed record. Drafting is the server's (POST /api/propose, the same as
// `entente propose`); accepting saves the record to your edits with the article as its source;
// rejecting is remembered so that the article does not propose it again. Needs the token to save.

import { append, h, put } from "./dom.js";
import * as api from "./api.js";

const enc = new TextEncoder();
const dec = new TextDecoder();

/** The article as read (a page without its markup) with the quotes highlighted: offsets are bytes of its UTF-8 text. */
function highlighted(text, marks) {
  const bytes = enc.encode(text);
  const spans = marks
    .filter((m) => m.start < m.end && m.end <= bytes.length)
    .sort((a, b) => a.start - b.start);
  const out = [];
  let at = 0;
  for (const m of spans) {
    if (m.start < at) continue; // overlapping quotes: the first one wins
    out.push(dec.decode(bytes.slice(at, m.start)));
    out.push(h("mark", { id: `q-${m.id}`, class: m.cls, "data-proposal": m.id, title: m.title },
      dec.decode(bytes.slice(m.start, m.end))));
    at = m.end;
  }
  out.push(dec.decode(bytes.slice(at)));
  return out;
}

function focusQuote(id) {
  for (const el of document.querySelectorAll("#article mark.active")) el.classList.remove("active");
  const m = document.getElementById(`q-${id}`);
  if (m) {
    m.classList.add("active");
    m.scrollIntoView({ block: "center", behavior: "smooth" });
  }
}

function proposalCard(p, answer, meta, tokenInput) {
  const area = h("textarea", { class: "code record", spellcheck: "false", "aria-label": `Record ${p.id}` });
  area.value = p.record;
  const outcome = h("div", { class: "outcome", "aria-live": "polite" });
  const card = h("li", { class: ["card", "proposal", p.standing], "data-id": p.id, "data-key": p.key, "data-standing": p.standing });
  const done = (state, ...msg) => {
    card.dataset.standing = state;
    card.classList.add(state);
    for (const b of card.querySelectorAll("button")) b.disabled = true;
    area.readOnly = true;
    put(outcome, h("p", { class: state === "error" ? "notice error" : "notice ok", "data-outcome": state }, ...msg));
  };
  const accept = async () => {
    api.setToken(tokenInput.value.trim());
    try {
      const out = await api.send("POST", "/api/proposals/accept", JSON.stringify({
        proposed: p.record,
        edited: area.value,
        source: answer.source,
        source_id: answer.source_id,
        replaces: p.action === "correction" ? p.replaces : undefined,
      }), "application/json");
      ctxMeta(meta, out);
      done("accepted", `Saved as ${p.id}`, area.value !== p.record ? " (with your edits)" : "", ". ",
        h("a", { href: `#/edit?fact=${encodeURIComponent(p.id)}` }, "Open the record"));
    } catch (e) {
      put(outcome, h("div", { class: "notice error", "data-outcome": e.code },
        h("p", {}, e.message), e.hint ? h("p", { class: "muted" }, e.hint) : null,
        e.diagnostics.length ? h("ul", { class: "diagnostics" }, e.diagnostics.map((d) =>
          h("li", {}, `${d.line}:${d.column} ${d.code}: ${d.message}`))) : null));
    }
  };
  const reject = async () => {
    api.setToken(tokenInput.value.trim());
    try {
      await api.send("POST", "/api/proposals/reject", JSON.stringify({ key: p.key, source_id: answer.source_id }), "application/json");
      done("rejected", "Rejected: this article will not propose it again.");
    } catch (e) {
      put(outcome, h("p", { class: "notice error", "data-outcome": e.code }, e.message));
    }
  };
  const actionable = p.standing === "fresh" || p.standing === "pending";
  append(card, [
    h("h3", {}, h("button", { type: "button", class: "link", onclick: () => focusQuote(p.id) }, p.title)),
    h("p", { class: "muted" },
      `${p.kind} · ${p.verdict.replace("_", " ")} · confidence ${p.confidence.toFixed(2)} · ${p.standing}`,
      p.action === "correction" ? [" · would replace ", h("code", {}, p.replaces), `: ${p.why}`] : ""),
    p.check && p.check.length ? h("ul", { class: "checks" }, p.check.map((c) => h("li", {}, `Check: ${c}`))) : null,
    h("blockquote", {}, p.quote),
    area,
    actionable ? h("div", { class: "controls" },
      h("button", { type: "button", class: "primary accept", disabled: !meta.writable, onclick: accept }, "Accept"),
      h("button", { type: "button", class: "danger reject", disabled: !meta.writable, onclick: reject }, "Reject"),
      h("span", { class: "muted" }, "Edit the record above before accepting to change it.")) : null,
    outcome]);
  card.addEventListener("focusin", () => focusQuote(p.id));
  return card;
}

function ctxMeta(meta, out) {
  if (out && out.generation !== undefined) meta.generation = out.generation;
}

export async function render(main, route, ctx) {
  const meta = await api.get("/api/meta");
  if (!ctx.current()) return;
  const article = h("textarea", { id: "article-input", class: "code", spellcheck: "false",
    placeholder: "Paste an article: plain text or the page's HTML", "aria-label": "Article" });
  const url = h("input", { id: "article-url", type: "url", placeholder: "https://… (the article's address)", "aria-label": "Address" });
  const title = h("input", { id: "article-title", type: "text", placeholder: "Title", "aria-label": "Title" });
  const date = h("input", { id: "article-date", type: "text", placeholder: "YYYY-MM-DD", "aria-label": "Publication date" });
  const tokenInput = h("input", { type: "password", id: "token", autocomplete: "off", value: api.token(), placeholder: "token", "aria-label": "Token" });
  const results = h("div", { id: "review-result", "aria-live": "polite" });

  const run = async () => {
    put(results, h("p", { class: "loading" }, "Reading the article…"));
    try {
      const headers = { Accept: "application/json", "Content-Type": "text/plain" };
      const q = new URLSearchParams();
      if (url.value.trim()) q.set("url", url.value.trim());
      if (title.value.trim()) q.set("title", title.value.trim());
      if (date.value.trim()) q.set("date", date.value.trim());
      const res = await fetch(`/api/propose?${q}`, { method: "POST", headers, body: article.value });
      const answer = await res.json();
      if (!res.ok) throw new api.ApiError(res.status, answer);
      show(answer);
    } catch (e) {
      put(results, h("div", { class: "notice error", "data-outcome": e.code || "error" },
        h("p", {}, e.message), e.hint ? h("p", { class: "muted" }, e.hint) : null));
    }
  };

  const show = (answer) => {
    const marks = [
      ...answer.proposals.map((p) => ({ id: p.id, start: p.text_start, end: p.text_end, cls: `proposed ${p.standing}`, title: p.title })),
      ...answer.known.map((k, i) => ({ id: `known-${i}`, start: k.text_start, end: k.text_end, cls: "known", title: k.reason })),
    ];
    const fresh = answer.proposals.filter((p) => p.standing === "fresh").length;
    put(results,
      h("p", { id: "review-summary" },
        `${answer.claims} claim(s): ${answer.proposals.length} proposal(s) (${fresh} new to review), `,
        `${answer.known.length} already in the data, ${answer.left.length} left out. Source: `,
        h("code", {}, answer.source_id), answer.source_known ? " (already in the data)" : " (added with the first record you accept)"),
      h("div", { class: "review-grid" },
        h("section", { class: "card" }, h("h2", {}, answer.article.title || "Article"),
          h("div", { id: "article", class: "article-text" }, highlighted(answer.text, marks))),
        h("section", {}, h("h2", {}, "Proposals"),
          answer.proposals.length
            ? h("ol", { id: "proposals", class: "proposals" }, answer.proposals.map((p) => proposalCard(p, answer, meta, tokenInput)))
            : h("p", { class: "muted" }, "Nothing to propose: every claim is in the data or left out."),
          answer.left.length ? h("details", {}, h("summary", {}, `${answer.left.length} claim(s) left out`),
            h("ul", {}, answer.left.map((l) => h("li", {}, h("q", {}, l.quote), ` — ${l.reason}`)))) : null)));
  };

  put(main,
    h("h1", {}, "Review an article"),
    meta.writable ? null : h("p", { class: "notice", "data-mode": "read-only" },
      "This server is read-only: you can see the proposals, but accepting or rejecting needs ",
      h("code", {}, "entente serve --token TOKEN"), "."),
    h("section", { class: "card" },
      h("p", {}, "Paste an article. entente reads its claims, checks each against the data, and drafts a record for each claim the data does not hold (or holds otherwise). Nothing is saved until you accept."),
      article,
      h("div", { class: "controls" },
        h("label", { for: "article-url" }, "Address"), url,
        h("label", { for: "article-title" }, "Title"), title,
        h("label", { for: "article-date" }, "Date"), date,
        h("label", { for: "token" }, "Token"), tokenInput,
        h("button", { type: "button", class: "primary", id: "propose", onclick: run }, "Propose"))),
    results);
}
