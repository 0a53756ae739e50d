// Builds crates/server/assets/world/countries-110m.json, the country shapes of the arms-flow map.
//
// Not part of the build: run once when the shapes should change, and commit the output.
//   cd "$(mktemp -d)" && npm install world-atlas@2.0.2 iso-3166-1@2.1.1
//   node /path/to/entente/crates/server/tools/make_world_map.mjs node_modules > countries-110m.json
//
// Input: world-atlas 2.0.2 (ISC, Mike Bostock), a TopoJSON of Natural Earth's 1:110m admin-0
// countries (public domain). Output: the same topology, with the `land` object dropped and each
// country's ISO 3166-1 alpha-3 code added (`properties.iso3`; world-atlas keys countries by the
// numeric code), so the dashboard can join countries to entente's actor ids.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const modules = process.argv[2] ?? "node_modules";
const require = createRequire(`${process.cwd()}/`);
const iso = require(`${modules}/iso-3166-1`);
const topo = JSON.parse(readFileSync(`${modules}/world-atlas/countries-110m.json`, "utf8"));
delete topo.objects.land;
// Natural Earth names without a numeric code.
const extra = { Kosovo: "XKX", "N. Cyprus": "CYN", Somaliland: "SOL" };
for (const g of topo.objects.countries.geometries) {
  const hit = g.id ? iso.whereNumeric(g.id) : undefined;
  g.properties = { name: g.properties.name, iso3: hit ? hit.alpha3 : extra[g.properties.name] ?? null };
}
topo.license =
  "Country shapes: Natural Earth 1:110m admin-0 countries (public domain), as TopoJSON by world-atlas 2.0.2 " +
  "(ISC licence, Copyright 2013-2019 Michael Bostock); ISO alpha-3 codes added by entente.";
process.stdout.write(JSON.stringify(topo));
