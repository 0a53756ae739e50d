// The API client: GET with query parameters, writes with the token, one error shape.

export class ApiError extends Error {
  constructor(status, body) {
    const e = (body && body.error) || {};
    super(e.message || `HTTP ${status}`);
    this.status = status;
    this.code = e.code || "error";
    this.hint = e.hint || null;
    this.suggestions = e.suggestions || [];
    this.diagnostics = e.diagnostics || [];
  }
}

function url(path, params) {
  const u = new URL(path, location.origin);
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== "" && v !== false) u.searchParams.set(k, String(v));
  }
  return u.pathname + u.search;
}

async function read(res) {
  const type = res.headers.get("content-type") || "";
  const body = type.startsWith("application/json") ? await res.json() : await res.text();
  if (!res.ok) throw new ApiError(res.status, typeof body === "object" ? body : null);
  return body;
}

const memo = new Map();

/** GET /api/… → JSON. Answers are kept for the page's life until an edit changes the data. */
export async function get(path, params) {
  const key = url(path, params);
  if (!memo.has(key)) {
    const p = fetch(key, { headers: { Accept: "application/json" } }).then(read);
    memo.set(key, p);
    p.catch(() => memo.delete(key));
  }
  return memo.get(key);
}

export function forget() {
  memo.clear();
}

const TOKEN_KEY = "entente-token";

export function token() {
  return sessionStorage.getItem(TOKEN_KEY) || "";
}

export function setToken(t) {
  if (t) sessionStorage.setItem(TOKEN_KEY, t);
  else sessionStorage.removeItem(TOKEN_KEY);
}

/** A write: POST, PUT or DELETE with the token. */
export async function send(method, path, body, type = "application/toml", params) {
  const headers = { Accept: "application/json" };
  if (token()) headers.Authorization = `Bearer ${token()}`;
  if (body !== undefined) headers["Content-Type"] = type;
  const res = await fetch(url(path, params), { method, headers, body });
  const out = await read(res);
  forget();
  return out;
}
