// The live feed: changes batched into at most one SSE message per event name per interval, shared by all clients.
import type { ServerResponse } from 'node:http';
import type { ApiMetrics } from '../api-metrics.js';
import type { Alert, Flow } from '../contract/shapes.js';
import type { ApiState, StateListener } from '../state/api-state.js';

export const FEED_MAX_FLOWS = 200;
export const FEED_MAX_DEVICES = 100;
export const FEED_MAX_ALERTS = 100;
const PENDING_DEVICES_MAX = 1_000;

export interface FeedOptions {
  /** Aggregation interval (default 500 ms). */
  readonly intervalMs?: number;
  /** Shortest gap between two `stats` messages (default 1 s). */
  readonly statsIntervalMs?: number;
  /** Comment line to keep proxies from closing an idle stream (default 15 s). */
  readonly keepaliveMs?: number;
  /** A client that could not take a message for this many intervals in a row is disconnected (default 120). */
  readonly maxSkips?: number;
  readonly maxClients?: number;
}

interface Client {
  readonly res: ServerResponse;
  /** Flows this client did not get while its socket was full; reported in its next `dropped`. */
  missedFlows: number;
  missedDevices: Set<string> | undefined;
  missedRemoved: Set<string> | undefined;
  missedAlerts: Alert[] | undefined;
  skips: number;
}

/** Running totals, for tests and the feed benchmark. */
export interface FeedCounters {
  ticks: number;
  flowsIn: number;
  flowsSent: number;
  flowsDropped: number;
  messages: number;
  skipped: number;
  bytes: number;
}

/**
 * Why one shared batch: every client gets the same newest flows, so each message is serialised
 * once per interval however many clients listen, and the browser's load is bounded by the interval,
 * not by the network. A client whose socket is still full (`writableNeedDrain`) is skipped — its
 * share is counted and reported in its next message — so a slow client never makes the server buffer.
 */
export class FeedHub implements StateListener {
  readonly counters: FeedCounters = {
    ticks: 0, flowsIn: 0, flowsSent: 0, flowsDropped: 0, messages: 0, skipped: 0, bytes: 0,
  };

  private readonly clients = new Set<Client>();
  private readonly flowRing = new Array<Flow | undefined>(FEED_MAX_FLOWS);
  private pendingFlows = 0;
  private readonly pendingDevices = new Set<string>();
  private readonly pendingRemoved = new Set<string>();
  private pendingAlerts: Alert[] = [];
  private timer: NodeJS.Timeout | undefined;
  private lastStatsMs = 0;
  private lastKeepaliveMs = Date.now();
  private readonly intervalMs: number;
  private readonly statsIntervalMs: number;
  private readonly keepaliveMs: number;
  private readonly maxSkips: number;
  readonly maxClients: number;

  constructor(
    private readonly state: ApiState,
    private readonly metrics: ApiMetrics | undefined,
    options: FeedOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 500;
    this.statsIntervalMs = options.statsIntervalMs ?? 1_000;
    this.keepaliveMs = options.keepaliveMs ?? 15_000;
    this.maxSkips = options.maxSkips ?? 120;
    this.maxClients = options.maxClients ?? 256;
  }

  get clientCount(): number {
    return this.clients.size;
  }

  /** Bytes written to clients but not yet taken by their sockets: stays bounded however slow a client is. */
  get bufferedBytes(): number {
    let bytes = 0;
    for (const client of this.clients) bytes += client.res.writableLength;
    return bytes;
  }

  /** Starts streaming to a response whose SSE headers the caller has written. */
  add(res: ServerResponse): void {
    const client: Client = {
      res, missedFlows: 0, missedDevices: undefined, missedRemoved: undefined, missedAlerts: undefined, skips: 0,
    };
    this.clients.add(client);
    this.metrics?.feedClients.set(this.clients.size);
    res.on('close', () => this.remove(client));
    if (this.timer === undefined) {
      this.timer = setInterval(() => this.tick(), this.intervalMs);
      this.timer.unref();
    }
  }

  flow(flow: Flow): void {
    if (this.clients.size === 0) return;
    this.flowRing[this.pendingFlows % FEED_MAX_FLOWS] = flow;
    this.pendingFlows++;
    this.counters.flowsIn++;
  }

  device(id: string): void {
    if (this.clients.size === 0) return;
    this.pendingRemoved.delete(id);
    addBounded(this.pendingDevices, id, PENDING_DEVICES_MAX);
  }

  deviceRemoved(id: string): void {
    if (this.clients.size === 0) return;
    this.pendingDevices.delete(id);
    addBounded(this.pendingRemoved, id, PENDING_DEVICES_MAX);
  }

  alert(alert: Alert): void {
    if (this.clients.size === 0) return;
    this.pendingAlerts.push(alert);
    if (this.pendingAlerts.length > FEED_MAX_ALERTS) this.pendingAlerts.shift();
  }

  /** One interval: build each message once, write it to every client that can take it. */
  tick(now = Date.now()): void {
    this.counters.ticks++;
    const flowCount = Math.min(this.pendingFlows, FEED_MAX_FLOWS);
    const flowsJson = flowCount > 0 ? JSON.stringify(this.newestFlows(flowCount)) : '[]';
    const beyond = this.pendingFlows - flowCount;
    const deviceIds = this.pendingDevices.size > 0 ? lastOf(this.pendingDevices, FEED_MAX_DEVICES) : [];
    const removedIds = this.pendingRemoved.size > 0 ? lastOf(this.pendingRemoved, FEED_MAX_DEVICES) : [];
    const devicesMessage = this.devicesMessage(deviceIds, removedIds);
    const alerts = this.pendingAlerts;
    const alertsMessage = alerts.length > 0 ? sse('alerts', JSON.stringify({ alerts })) : '';
    let statsMessage = '';
    if (now - this.lastStatsMs >= this.statsIntervalMs) {
      this.lastStatsMs = now;
      statsMessage = sse('stats', JSON.stringify(this.state.liveStats()));
    }
    let keepalive = '';
    if (now - this.lastKeepaliveMs >= this.keepaliveMs) {
      this.lastKeepaliveMs = now;
      keepalive = ': keepalive\n\n';
    }
    const total = this.pendingFlows;
    this.pendingFlows = 0;
    this.pendingDevices.clear();
    this.pendingRemoved.clear();
    this.pendingAlerts = [];

    for (const client of this.clients) {
      if (client.res.writableNeedDrain || client.res.destroyed) {
        this.skip(client, total, deviceIds, removedIds, alerts, statsMessage !== '');
        continue;
      }
      client.skips = 0;
      let chunk = keepalive;
      const dropped = beyond + client.missedFlows;
      if (flowCount > 0 || client.missedFlows > 0) {
        chunk += `event: flows\ndata: {"flows":${flowsJson},"dropped":${dropped}}\n\n`;
        this.counted('flows', flowCount, dropped);
        client.missedFlows = 0;
      }
      if (client.missedDevices !== undefined || client.missedRemoved !== undefined) {
        const changed = client.missedDevices ?? new Set<string>();
        const removed = client.missedRemoved ?? new Set<string>();
        noteDeviceChanges(changed, removed, deviceIds, removedIds);
        client.missedDevices = undefined;
        client.missedRemoved = undefined;
        const message = this.devicesMessage(lastOf(changed, FEED_MAX_DEVICES), lastOf(removed, FEED_MAX_DEVICES));
        if (message !== '') {
          chunk += message;
          this.counted('devices');
        }
      } else if (devicesMessage !== '') {
        chunk += devicesMessage;
        this.counted('devices');
      }
      if (client.missedAlerts !== undefined) {
        const all = client.missedAlerts.concat(alerts).slice(-FEED_MAX_ALERTS);
        client.missedAlerts = undefined;
        chunk += sse('alerts', JSON.stringify({ alerts: all }));
        this.counted('alerts');
      } else if (alertsMessage !== '') {
        chunk += alertsMessage;
        this.counted('alerts');
      }
      if (statsMessage !== '') {
        chunk += statsMessage;
        this.counted('stats');
      }
      if (chunk !== '') {
        this.counters.bytes += chunk.length;
        client.res.write(chunk);
      }
    }
  }

  /** Ends every stream (server stop). */
  close(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    for (const client of [...this.clients]) {
      client.res.end();
      this.remove(client);
    }
  }

  private remove(client: Client): void {
    if (!this.clients.delete(client)) return;
    this.metrics?.feedClients.set(this.clients.size);
    if (this.clients.size === 0 && this.timer !== undefined) {
      clearInterval(this.timer);
      this.timer = undefined;
      this.pendingFlows = 0;
      this.pendingDevices.clear();
      this.pendingRemoved.clear();
      this.pendingAlerts = [];
    }
  }

  private skip(
    client: Client, flows: number, deviceIds: readonly string[], removedIds: readonly string[], alerts: Alert[],
    stats: boolean,
  ): void {
    client.skips++;
    client.missedFlows += flows;
    const devicesChanged = deviceIds.length > 0 || removedIds.length > 0;
    if (devicesChanged) {
      client.missedDevices ??= new Set();
      client.missedRemoved ??= new Set();
      noteDeviceChanges(client.missedDevices, client.missedRemoved, deviceIds, removedIds);
    }
    if (alerts.length > 0) client.missedAlerts = (client.missedAlerts ?? []).concat(alerts).slice(-FEED_MAX_ALERTS);
    for (const [event, happened] of [['flows', flows > 0], ['devices', devicesChanged],
      ['alerts', alerts.length > 0], ['stats', stats]] as const) {
      if (!happened) continue;
      this.counters.skipped++;
      this.metrics?.feedSkipped.inc({ event });
    }
    if (client.skips >= this.maxSkips) client.res.destroy();
  }

  private counted(event: 'flows' | 'devices' | 'alerts' | 'stats', sent = 0, dropped = 0): void {
    this.counters.messages++;
    this.metrics?.feedMessages.inc({ event });
    if (event !== 'flows') return;
    this.counters.flowsSent += sent;
    this.counters.flowsDropped += dropped;
    if (dropped > 0) this.metrics?.feedFlowsDropped.inc(dropped);
  }

  private newestFlows(count: number): Flow[] {
    const out = new Array<Flow>(count);
    for (let i = 0; i < count; i++) out[i] = this.flowRing[(this.pendingFlows - 1 - i) % FEED_MAX_FLOWS] as Flow;
    return out;
  }

  /** `devices` with the changed devices that still exist, and `removed` when ids were folded away; '' if neither. */
  private devicesMessage(ids: readonly string[], removed: readonly string[]): string {
    const devices = [];
    for (const id of ids) {
      const device = this.state.devices.get(id);
      if (device !== undefined) devices.push(device);
    }
    if (devices.length === 0 && removed.length === 0) return '';
    return sse('devices', JSON.stringify(removed.length === 0 ? { devices } : { devices, removed }));
  }
}

function sse(event: string, data: string): string {
  return `event: ${event}\ndata: ${data}\n\n`;
}

/** Adds to an insertion-ordered set unless present, forgetting the oldest member beyond `max`. */
function addBounded(set: Set<string>, id: string, max: number): void {
  if (set.has(id)) return;
  if (set.size >= max) set.delete(set.values().next().value as string);
  set.add(id);
}

/**
 * Folds one interval's changes into what a client has yet to hear, the later news winning: a device
 * changed after being announced removed is no longer removed, and the other way round. Bounded.
 */
function noteDeviceChanges(
  changed: Set<string>, removed: Set<string>, deviceIds: readonly string[], removedIds: readonly string[],
): void {
  for (const id of deviceIds) {
    removed.delete(id);
    addBounded(changed, id, FEED_MAX_DEVICES);
  }
  for (const id of removedIds) {
    changed.delete(id);
    addBounded(removed, id, FEED_MAX_DEVICES);
  }
}

/** The last `n` members of an insertion-ordered set (the most recently changed). */
function lastOf(set: ReadonlySet<string>, n: number): string[] {
  const all = [...set];
  return all.length <= n ? all : all.slice(all.length - n);
}
