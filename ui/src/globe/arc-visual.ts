// How an aggregated arc looks: colour by protocol, width by bytes on a log scale, dash direction by the side that
// sent more, a per-endpoint dash phase so arcs do not pulse in step.
import { type Arc } from '../data/arc-store.js';
import { protocolColor, rgbOf } from './protocol-colors.js';

/** What the arc layer draws for one arc (arc-layer.ts). */
export interface ArcVisual {
  lat: number;
  lng: number;
  /** sRGB 0..1 */
  color: [number, number, number];
  widthPx: number;
  lastSeenMs: number;
  /** 0..1, where the dash is at time 0 */
  phase: number;
  /** arc lengths per second; negative runs from the remote end towards the site */
  speed: number;
  /** also draw a faint line along the whole arc (for the busiest arcs: RAIL_LIMIT) */
  rail: boolean;
}

/** How many arcs keep a rail: the busiest, chosen by the owner of the layer. Thousands of rails are unreadable. */
export const RAIL_LIMIT = 400;

/** 1 px for a few hundred bytes, +0.7 px per factor of 10: 1 KB ≈ 1.3 px, 1 MB ≈ 3.4 px, 1 GB ≈ 5.5 px (capped 6). */
export function widthForBytes(bytes: number): number {
  return Math.min(6, Math.max(1, 1 + 0.7 * (Math.log10(Math.max(bytes, 1)) - 2.5)));
}

/** A stable 0..1 from a string (FNV-1a). */
export function phaseOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) / 0x100000000;
}

export function arcVisual(arc: Arc, rail: boolean): ArcVisual {
  return {
    lat: arc.remote.geo.lat,
    lng: arc.remote.geo.lon,
    color: rgbOf(protocolColor(arc.protocol)),
    widthPx: widthForBytes(arc.bytes),
    lastSeenMs: arc.lastSeen,
    phase: phaseOf(arc.key),
    speed: arc.inBytes > arc.outBytes ? -0.45 : 0.45,
    rail,
  };
}

/** The keys of the `limit` arcs with the most bytes: they keep a rail. */
export function railKeys(arcs: Iterable<Arc>, limit: number): Set<string> {
  const all = [...arcs];
  if (all.length <= limit) return new Set(all.map((a) => a.key));
  all.sort((a, b) => b.bytes - a.bytes);
  return new Set(all.slice(0, limit).map((a) => a.key));
}
