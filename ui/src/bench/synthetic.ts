// Deterministic synthetic arcs for the bench: a seeded generator (mulberry32), remote ends uniform on the sphere.
import { RAIL_LIMIT, type ArcVisual, widthForBytes } from '../globe/arc-visual.js';
import { LEGEND_PROTOCOLS, protocolColor, rgbOf } from '../globe/protocol-colors.js';

/** mulberry32 (Tommy Ettinger's public-domain 32-bit generator): uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` arcs from a seed; the RAIL_LIMIT widest (most bytes) keep a rail, as the live globe does. */
export function syntheticArcs(count: number, seed: number, nowMs: number): ArcVisual[] {
  const random = mulberry32(seed);
  const out: ArcVisual[] = [];
  for (let i = 0; i < count; i++) {
    // uniform on the sphere: latitude from asin of a uniform sine
    const lat = (Math.asin(2 * random() - 1) * 180) / Math.PI;
    const lng = random() * 360 - 180;
    const protocol = LEGEND_PROTOCOLS[Math.floor(random() * LEGEND_PROTOCOLS.length)] ?? 'tcp';
    const bytes = 10 ** (2 + random() * 7); // 100 B … 1 GB, log-uniform
    out.push({
      lat, lng, color: rgbOf(protocolColor(protocol)), widthPx: widthForBytes(bytes), lastSeenMs: nowMs,
      phase: random(), speed: random() < 0.5 ? 0.45 : -0.45, rail: false,
    });
  }
  const byWidth = out.map((a, i) => [a.widthPx, i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of byWidth.slice(0, RAIL_LIMIT)) (out[i] as ArcVisual).rail = true;
  return out;
}
