// Traffic rates from netwatch.sensor.stats.v1: the latest record per sensor, capture totals, and 10 minutes of history.
import type { SensorStatsEvent } from '@netwatch/schemas';

export const HISTORY_WINDOW_MS = 10 * 60_000;
/** At most one history point per second of event time, so the series stays bounded. */
const HISTORY_MAX_POINTS = 600;
/** A sensor silent for longer than three of its intervals (and at least this) no longer adds to the rates. */
const MIN_STALE_MS = 30_000;
const MAX_SENSORS = 1_000;

interface SensorLatest {
  pps: number;
  bps: number;
  activeFlows: number;
  intervalMs: number;
  receivedAtMs: number;
}

export interface RatePoint {
  readonly timeMs: number;
  pps: number;
  bps: number;
}

export interface CaptureTotals {
  received: number;
  dropped: number;
  ifDropped: number;
}

/**
 * Rates add up over sensors (each sees its own links). Capture counters in the records are per
 * interval (pcap_stats deltas since the previous record), so they are summed into totals since the
 * API started.
 */
export class SensorStatsStore {
  private readonly latest = new Map<string, SensorLatest>();
  private readonly history: RatePoint[] = [];
  readonly capture: CaptureTotals = { received: 0, dropped: 0, ifDropped: 0 };

  constructor(private readonly now: () => number = Date.now) {}

  add(event: SensorStatsEvent): void {
    const stats = event.netwatch.sensor_stats;
    const sensor = event.observer.hostname;
    if (!this.latest.has(sensor) && this.latest.size >= MAX_SENSORS) {
      const oldest = this.latest.keys().next().value as string;
      this.latest.delete(oldest);
    }
    this.latest.delete(sensor);
    this.latest.set(sensor, {
      pps: stats.packets_per_second,
      bps: stats.bits_per_second,
      activeFlows: stats.flows.active,
      intervalMs: stats.interval_ns / 1e6,
      receivedAtMs: this.now(),
    });
    for (const iface of stats.interfaces ?? []) {
      this.capture.received += iface.received;
      this.capture.dropped += iface.dropped;
      this.capture.ifDropped += iface.if_dropped;
    }
    const timeMs = Date.parse(event.event.end ?? event['@timestamp']);
    if (!Number.isNaN(timeMs)) this.record(timeMs);
  }

  /** Sum over sensors still reporting. */
  rates(): { pps: number; bps: number; activeFlows: number } {
    const now = this.now();
    let pps = 0;
    let bps = 0;
    let activeFlows = 0;
    for (const s of this.latest.values()) {
      if (now - s.receivedAtMs > Math.max(MIN_STALE_MS, 3 * s.intervalMs)) continue;
      pps += s.pps;
      bps += s.bps;
      activeFlows += s.activeFlows;
    }
    return { pps, bps, activeFlows };
  }

  /** The last 10 minutes (of event time) of summed rates, oldest first. */
  series(): readonly RatePoint[] {
    return this.history;
  }

  private record(timeMs: number): void {
    const { pps, bps } = this.rates();
    const second = Math.floor(timeMs / 1000) * 1000;
    const last = this.history[this.history.length - 1];
    if (last !== undefined && last.timeMs === second) {
      last.pps = pps;
      last.bps = bps;
    } else if (last === undefined || second > last.timeMs) {
      this.history.push({ timeMs: second, pps, bps });
    } else {
      return; // a late record from the past: the series only moves forward
    }
    const newest = second;
    let drop = 0;
    while (drop < this.history.length && (this.history[drop] as RatePoint).timeMs < newest - HISTORY_WINDOW_MS) drop++;
    if (this.history.length - drop > HISTORY_MAX_POINTS) drop = this.history.length - HISTORY_MAX_POINTS;
    if (drop > 0) this.history.splice(0, drop);
  }
}
