// The latest /stats figures and a bounded rate history (the api's last 10 minutes, then one point per feed push).
import { Publisher } from './publisher.js';
import { Ring } from './ring.js';
import type { RatePoint, Stats } from './types.js';

export class StatsStore {
  readonly publisher: Publisher;
  latest: Stats | undefined;
  private readonly history: Ring<RatePoint>;
  private cache: { version: number; points: RatePoint[] } | undefined;

  constructor(historyCapacity = 1200, publisher = new Publisher()) {
    this.history = new Ring(historyCapacity);
    this.publisher = publisher;
  }

  /** A full /stats answer: replaces the history with the api's. */
  load(stats: Stats): void {
    this.history.clear();
    const points = [...stats.history].sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
    for (const p of points) this.history.push(p);
    this.latest = stats;
    this.publisher.changed();
  }

  /** A feed push (no history): becomes the latest figures and one more history point. */
  push(stats: Stats): void {
    const last = this.history.newestFirst(1)[0];
    if (last === undefined || Date.parse(stats.time) > Date.parse(last.time)) {
      this.history.push({ time: stats.time, pps: stats.pps, bps: stats.bps });
    }
    this.latest = { ...stats, history: [] };
    this.publisher.changed();
  }

  /** History oldest first, cached per version. */
  points(): RatePoint[] {
    const version = this.publisher.version();
    if (this.cache?.version === version) return this.cache.points;
    const points = this.history.newestFirst().reverse();
    this.cache = { version, points };
    return points;
  }
}
