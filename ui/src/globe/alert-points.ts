// Alert sources on the globe: one point per located source address (worst severity wins), and rings for recent
// serious alerts. Objects are reused between updates so react-globe.gl keeps its three.js objects (it binds by
// object identity) and only the changed ones are rebuilt.
import { SEVERITY_COLORS, severityLevelOf, type SeverityName } from '../data/severity.js';
import type { Alert, Endpoint, Geo } from '../data/types.js';

export interface AlertPoint {
  key: string;
  ip: string;
  lat: number;
  lng: number;
  severity: SeverityName;
  color: string;
  count: number;
  unacknowledged: number;
  lastTime: number;
  title: string;
  geo: Geo;
}

export interface AlertLayers {
  points: AlertPoint[];
  rings: AlertPoint[];
}

const MAX_POINTS = 300;
const MAX_RINGS = 40;
const RING_WINDOW_MS = 10 * 60_000;

/** The located endpoint an alert is drawn at: its source, else its destination when only that is located. */
export function alertPlace(alert: Alert): (Endpoint & { geo: Geo }) | undefined {
  if (alert.src?.geo !== undefined) return alert.src as Endpoint & { geo: Geo };
  if (alert.dst?.geo !== undefined) return alert.dst as Endpoint & { geo: Geo };
  return undefined;
}

export class AlertPointCache {
  private readonly byKey = new Map<string, AlertPoint>();
  private last: AlertLayers = { points: [], rings: [] };
  private lastSignature = '';

  /** Points and rings for these alerts (newest first); the same arrays when nothing visible changed. */
  update(alerts: readonly Alert[], now: number): AlertLayers {
    const fresh = new Map<string, AlertPoint>();
    for (const alert of alerts) {
      const place = alertPlace(alert);
      if (place === undefined) continue;
      const key = place.ip;
      const time = Date.parse(alert.time) || 0;
      const name = alert.severityName as SeverityName;
      let p = fresh.get(key);
      if (p === undefined) {
        p = this.byKey.get(key) ?? {
          key, ip: key, lat: place.geo.lat, lng: place.geo.lon, severity: name, color: SEVERITY_COLORS[name],
          count: 0, unacknowledged: 0, lastTime: 0, title: alert.title, geo: place.geo,
        };
        p.count = 0;
        p.unacknowledged = 0;
        p.lastTime = 0;
        p.severity = 'low';
        fresh.set(key, p);
      }
      p.count++;
      if (!alert.acknowledged) p.unacknowledged++;
      if (severityLevelOf(name) > severityLevelOf(p.severity)) p.severity = name;
      if (time > p.lastTime) {
        p.lastTime = time;
        p.title = alert.title;
      }
    }
    for (const p of fresh.values()) p.color = SEVERITY_COLORS[p.severity];
    this.byKey.clear();
    for (const [k, v] of fresh) this.byKey.set(k, v);
    const points = [...fresh.values()]
      .sort((a, b) => severityLevelOf(b.severity) - severityLevelOf(a.severity) || b.lastTime - a.lastTime)
      .slice(0, MAX_POINTS);
    const rings = points
      .filter((p) => p.unacknowledged > 0 && severityLevelOf(p.severity) >= 2 && now - p.lastTime < RING_WINDOW_MS)
      .slice(0, MAX_RINGS);
    // New arrays only when something drawn changed (membership or a colour), so the globe re-digests rarely.
    const signature = `${points.map((p) => `${p.key}:${p.severity}`).join(',')}|${rings.map((p) => p.key).join(',')}`;
    if (signature !== this.lastSignature) {
      this.last = { points, rings };
      this.lastSignature = signature;
    }
    return this.last;
  }
}
