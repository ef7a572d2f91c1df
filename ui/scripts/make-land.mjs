// Generates public/land-110m.json (country outlines for the globe texture) from Natural Earth 1:110m admin-0
// countries (public domain, naturalearthdata.com), as shipped in three-globe's examples. Run: node scripts/make-land.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SCALE = 10; // tenths of a degree: ~11 km, finer than a 4096-pixel-wide texture (~10 km per pixel at the equator)
const source = fileURLToPath(
  new URL('../../node_modules/three-globe/example/country-polygons/ne_110m_admin_0_countries.geojson', import.meta.url),
);
const target = fileURLToPath(new URL('../public/land-110m.json', import.meta.url));

const geojson = JSON.parse(readFileSync(source, 'utf8'));
const rings = [];
for (const feature of geojson.features) {
  const { type, coordinates } = feature.geometry;
  const polygons = type === 'Polygon' ? [coordinates] : coordinates;
  for (const polygon of polygons) {
    for (const ring of polygon) rings.push(encodeRing(ring));
  }
}

/** One ring as [lon0, lat0, dLon1, dLat1, …] in 1/SCALE degrees: deltas keep the file small. */
function encodeRing(ring) {
  const out = [];
  let lastX = 0;
  let lastY = 0;
  for (const [lon, lat] of ring) {
    const x = Math.round(lon * SCALE);
    const y = Math.round(lat * SCALE);
    if (out.length > 0 && x === lastX && y === lastY) continue;
    out.push(x - lastX, y - lastY);
    lastX = x;
    lastY = y;
  }
  return out;
}

const doc = { source: 'Natural Earth 1:110m admin-0 countries (public domain)', scale: SCALE, rings };
writeFileSync(target, JSON.stringify(doc));
console.log(`${rings.length} rings, ${rings.reduce((n, r) => n + r.length / 2, 0)} points -> ${target}`);
