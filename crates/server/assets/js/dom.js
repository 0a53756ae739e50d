// Building the page safely: every piece of data goes in as text (textContent, attribute values),
// never as markup. Links to sources only ever use http(s) addresses.

const SVG = "http://www.w3.org/2000/svg";

function build(el, attrs, children) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
    else if (k === "class") el.setAttribute("class", Array.isArray(v) ? v.filter(Boolean).join(" ") : v);
    else if (k === "text") el.textContent = String(v);
    else if (k === "href") {
      const safe = safeHref(v);
      if (safe) el.setAttribute("href", safe);
    } else el.setAttribute(k, v === true ? "" : String(v));
  }
  append(el, children);
  return el;
}

/** Appends children: strings become text nodes; arrays are flattened; null is skipped. */
export function append(el, children) {
  for (const c of [children].flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** An HTML element. */
export function h(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

/** An SVG element. */
export function s(tag, attrs, ...children) {
  return build(document.createElementNS(SVG, tag), attrs, children);
}

/** Only in-page links, same-origin paths and http(s) addresses; anything else (javascript:, data:) is dropped. */
export function safeHref(v) {
  const text = String(v).trim();
  if (text.startsWith("#") || (text.startsWith("/") && !text.startsWith("//"))) return text;
  try {
    const u = new URL(text);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}

/** An external link that opens in a new tab and tells the other site nothing. */
export function extLink(url, text) {
  const safe = safeHref(url);
  if (!safe || safe.startsWith("#") || safe.startsWith("/")) return h("span", { class: "muted" }, text || String(url));
  return h("a", { href: safe, target: "_blank", rel: "noopener noreferrer", class: "source-link" }, text || safe);
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

/** Replaces an element's content. */
export function put(el, ...children) {
  clear(el);
  return append(el, children);
}

/** Fractional year of a partial date ("2022", "2022-07", "2022-07-27"): its start (or middle with mid). */
export function yearOf(d, mid = false) {
  if (!d) return null;
  const [y, m, day] = String(d).split("-").map(Number);
  if (!m) return y + (mid ? 0.5 : 0);
  if (!day) return y + (m - 1) / 12 + (mid ? 1 / 24 : 0);
  return y + (m - 1) / 12 + (day - 1) / 365.25;
}

/** The last instant of a partial date, as a fractional year. */
export function yearEnd(d) {
  if (!d) return null;
  const [y, m, day] = String(d).split("-").map(Number);
  if (!m) return y + 1;
  if (!day) return y + m / 12;
  return y + (m - 1) / 12 + day / 365.25;
}

export function todayIso() {
  return new Date().toISOString().slice(0, 10);
}

export function label(s) {
  return String(s).replaceAll("_", " ");
}

export function dateRange(d, end) {
  if (!d) return "undated";
  return end ? `${d} – ${end}` : d;
}

const DIM_LABELS = {
  institutional: "Institutional",
  political: "Political",
  operational: "Operational",
  defence_industrial: "Defence-industrial",
  cyber: "Cyber & technology",
  context: "Context",
  event_data: "Event data",
  composite: "Composite",
};

export function dimLabel(d) {
  return DIM_LABELS[d] || label(d);
}

export const DIMENSIONS = ["institutional", "political", "operational", "defence_industrial", "cyber", "context"];

/** Runs fn at most once per `ms`, with the last arguments. */
export function debounce(fn, ms) {
  let t = null;
  return (...args) => {
    clearTimeout(t);
    t = setTimeout(() => fn(...args), ms);
  };
}

/** A score as every view shows it: "no data" where no source covers it (never 0). */
export const score = (v, digits) => (v == null ? "no data" : v.toFixed(digits));
