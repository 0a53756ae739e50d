// The dashboard's shell: routing (#/view/…), the search box, keyboard shortcuts.

import { h, put, debounce } from "./dom.js";
import * as api from "./api.js";
import * as evidence from "./evidence.js";

const VIEWS = {
  home: () => import("./home.js"),
  dyad: () => import("./dyad.js"),
  actor: () => import("./actor.js"),
  map: () => import("./map.js"),
  network: () => import("./network.js"),
  edit: () => import("./edit.js"),
  review: () => import("./review.js"),
};

const main = document.getElementById("main");
let meta = null;
let routeSeq = 0;

/** "#/dyad/NATO/KOR?members=true" → { view: "dyad", parts: ["NATO", "KOR"], q: {members: "true"} } */
function parseRoute(hash) {
  const raw = hash.replace(/^#\/?/, "");
  const [path, query] = raw.split("?");
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  const q = Object.fromEntries(new URLSearchParams(query || ""));
  const view = parts.shift() || "home";
  return { view, parts, q };
}

export function navigate(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

async function route() {
  const hash = location.hash;
  if (hash && !hash.startsWith("#/")) return; // an in-page anchor, not a route
  const r = parseRoute(hash);
  const load = VIEWS[r.view];
  const mine = ++routeSeq;
  const view = main.dataset.view;
  if (view && view !== r.view) evidence.idle(); // evidence belongs to the view it came from
  for (const a of document.querySelectorAll("header nav a")) {
    if (a.dataset.nav === r.view) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
  main.dataset.state = "loading";
  main.dataset.view = r.view;
  if (!load) {
    put(main, h("h1", {}, "Not found"), h("p", {}, "No such view. ", h("a", { href: "#/" }, "Start again")));
    main.dataset.state = "error";
    return;
  }
  put(main, h("p", { class: "loading" }, "Loading…"));
  try {
    const mod = await load();
    if (mine !== routeSeq) return;
    const ctx = { meta, navigate, current: () => mine === routeSeq };
    await mod.render(main, r, ctx);
    if (mine !== routeSeq) return;
    main.dataset.state = "ready";
    // Which route is ready: a test (or a user script) waiting for a view must not take the previous
    // view's "ready" for it in the moment between a hash change and its handler.
    main.dataset.route = hash;
    // For the first-load benchmark (scripts/bench_serve.sh): when the first view was ready.
    if (!performance.getEntriesByName("entente-ready").length) performance.mark("entente-ready");
    document.title = `${main.querySelector("h1")?.textContent || "entente"} — entente`;
  } catch (e) {
    if (mine !== routeSeq) return;
    showError(e);
  }
}

function showError(e) {
  const children = [h("h1", {}, "Something is wrong"), h("p", { class: "notice error" }, e.message)];
  if (e.hint) children.push(h("p", {}, e.hint));
  if (e.suggestions && e.suggestions.length) {
    children.push(h("p", {}, "Did you mean: ",
      e.suggestions.map((s, i) => [i ? ", " : "", h("a", { href: `#/actor/${encodeURIComponent(s.id)}` }, `${s.label} (${s.id})`)])));
  }
  put(main, ...children);
  main.dataset.state = "error";
}

/* ---------- search box: a combobox with keyboard navigation ---------- */

function initSearch() {
  const input = document.getElementById("q");
  const list = document.getElementById("q-list");
  let hits = [];
  let active = -1;
  let lastQuery = "";

  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };
  const paint = () => {
    put(list, hits.length === 0
      ? h("li", { class: "muted", role: "option", "aria-disabled": "true" }, "No actor matches")
      : hits.map((hit, i) => h("li", {
        id: `q-opt-${i}`, role: "option", "aria-selected": i === active ? "true" : "false", "data-id": hit.id,
        onmousedown: (e) => { e.preventDefault(); choose(hit); },
      }, h("span", {}, h("span", { class: "id" }, hit.id), " ", hit.name),
      h("span", { class: "why" }, hit.matched === hit.name ? hit.kind : `${hit.matched_as}: ${hit.matched}`))));
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    if (active >= 0) input.setAttribute("aria-activedescendant", `q-opt-${active}`);
    else input.removeAttribute("aria-activedescendant");
  };
  const choose = (hit) => {
    if (!hit) return;
    input.value = "";
    close();
    navigate(`#/actor/${encodeURIComponent(hit.id)}`);
  };
  const lookup = debounce(async () => {
    const q = input.value.trim();
    lastQuery = q;
    if (!q) { hits = []; close(); return; }
    try {
      const r = await api.get("/api/search", { q, limit: 8 });
      if (q !== lastQuery) return;
      hits = r.hits;
      active = hits.length ? 0 : -1;
      paint();
      list.dataset.query = q;
    } catch {
      close();
    }
  }, 120);

  input.addEventListener("input", lookup);
  input.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown" && hits.length) {
      e.preventDefault();
      active = (active + 1) % hits.length;
      paint();
    } else if (e.key === "ArrowUp" && hits.length) {
      e.preventDefault();
      active = (active - 1 + hits.length) % hits.length;
      paint();
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (!list.hidden && hits.length) choose(hits[Math.max(active, 0)]);
    } else if (e.key === "Escape") {
      if (!list.hidden) { e.stopPropagation(); close(); } else input.value = "";
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 150));
}

/* ---------- start ---------- */

async function start() {
  // A token handed over in the address (#token=…) is kept for this tab only, and removed from the address.
  if (location.hash.startsWith("#token=")) {
    api.setToken(decodeURIComponent(location.hash.slice(7)));
    history.replaceState(null, "", "#/edit");
  }
  document.getElementById("skip").addEventListener("click", (e) => {
    e.preventDefault();
    main.focus();
  });
  document.addEventListener("keydown", (e) => {
    const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement?.tagName || "");
    if (e.key === "/" && !typing) {
      e.preventDefault();
      document.getElementById("q").focus();
    } else if (e.key === "Escape" && !typing) {
      evidence.idle();
    }
  });
  initSearch();
  // The first view's module loads while the dataset's summary is fetched.
  VIEWS[parseRoute(location.hash).view]?.().catch(() => {});
  try {
    meta = await api.get("/api/meta");
  } catch (e) {
    showError(e);
    return;
  }
  evidence.init(meta);
  window.addEventListener("hashchange", route);
  await route();
}

start();
