// The API's in-memory view of the network: bounded stores fed from the bus, and change notices for the live feed.
import { type Bus, type Logger, silentLogger, type Subscription } from '@netwatch/kit';
import { DEFAULT_HOME_NET, HomeNet } from '@netwatch/packet/home-net';
import { type AlertEvent, type AssetEvent, type FlowEvent, type SensorStatsEvent, topics } from '@netwatch/schemas';
import type { Alert, Device, Flow, LiveStats, Stats } from '../contract/shapes.js';
import { AlertStore } from './alert-store.js';
import { DeviceStore } from './device-store.js';
import { FlowStore } from './flow-store.js';
import { LinkTable, ProtocolTable } from './link-table.js';
import { mapAlert } from './map-alert.js';
import { mapAsset } from './map-asset.js';
import { mapFlow } from './map-flow.js';
import { SensorStatsStore } from './sensor-stats-store.js';

export interface StateLimits {
  readonly flows?: number;
  readonly devices?: number;
  readonly alerts?: number;
  readonly links?: number;
}

/** Told of every change as it happens; the feed batches these into one message per interval. */
export interface StateListener {
  flow(flow: Flow): void;
  alert(alert: Alert): void;
  device(id: string): void;
  /** A device id that no longer exists because it was folded into another device. */
  deviceRemoved(id: string): void;
}

export interface ApiStateOptions {
  readonly limits?: StateLimits;
  /** Decides internal/external only when an event has no network.direction (default RFC 1918 etc.). */
  readonly homeNet?: readonly string[];
  readonly logger?: Logger;
  readonly now?: () => number;
}

/** How many protocols /stats lists. */
const TOP_PROTOCOLS = 20;

export class ApiState {
  readonly flows: FlowStore;
  readonly devices: DeviceStore;
  readonly alerts: AlertStore;
  readonly links: LinkTable;
  readonly protocols = new ProtocolTable();
  readonly sensors: SensorStatsStore;
  /** Events the state could not use (a mapping threw): counted, never rethrown into the bus. */
  rejected = 0;
  private readonly homeNet: HomeNet;
  private readonly listeners = new Set<StateListener>();
  private readonly logger: Logger;
  private readonly now: () => number;

  constructor(options: ApiStateOptions = {}) {
    const limits = options.limits ?? {};
    this.flows = new FlowStore(limits.flows ?? 10_000);
    this.devices = new DeviceStore(limits.devices ?? 10_000, (id) => {
      for (const l of this.listeners) l.device(id);
    }, (id) => {
      for (const l of this.listeners) l.deviceRemoved(id);
    });
    this.alerts = new AlertStore(limits.alerts ?? 5_000);
    this.links = new LinkTable(limits.links ?? 20_000);
    this.homeNet = new HomeNet(options.homeNet ?? DEFAULT_HOME_NET);
    this.logger = options.logger ?? silentLogger();
    this.now = options.now ?? Date.now;
    this.sensors = new SensorStatsStore(this.now);
  }

  listen(listener: StateListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Joins group `group` on the four topics the API reads; resolves when every subscription has joined. */
  async subscribe(bus: Bus, group = 'api'): Promise<Subscription[]> {
    return Promise.all([
      bus.subscribe(topics.enrichedFlow, group, (event) => this.guard('flow', () => this.addFlow(event))),
      bus.subscribe(topics.asset, group, (event) => this.guard('asset', () => this.addAsset(event))),
      bus.subscribe(topics.enrichedAlert, group, (event) => this.guard('alert', () => this.addAlert(event))),
      bus.subscribe(topics.sensorStats, group, (event) => this.guard('stats', () => this.addSensorStats(event))),
    ]);
  }

  addFlow(event: FlowEvent): Flow {
    const flow = mapFlow(event, this.homeNet);
    const earlier = this.flows.add(flow);
    this.links.add(flow, earlier);
    this.protocols.add(flow, earlier);
    const startMs = Date.parse(flow.start);
    const endMs = flow.end === undefined ? startMs : Date.parse(flow.end);
    if (flow.src.internal) this.devices.touchFromFlow(flow.src.ip, startMs, endMs, earlier === undefined);
    if (flow.dst.internal) this.devices.touchFromFlow(flow.dst.ip, startMs, endMs, earlier === undefined);
    for (const l of this.listeners) l.flow(flow);
    return flow;
  }

  addAsset(event: AssetEvent): Device | undefined {
    return this.devices.applyAsset(mapAsset(event));
  }

  addAlert(event: AlertEvent): Alert | undefined {
    const alert = mapAlert(event, this.homeNet);
    if (!this.alerts.add(alert)) return undefined;
    for (const l of this.listeners) l.alert(alert);
    return alert;
  }

  addSensorStats(event: SensorStatsEvent): void {
    this.sensors.add(event);
  }

  acknowledge(id: string): Alert | undefined {
    const alert = this.alerts.acknowledge(id);
    if (alert !== undefined) for (const l of this.listeners) l.alert(alert);
    return alert;
  }

  /** Flows touching a device's addresses, newest first; undefined for an unknown device. */
  deviceFlows(id: string, limit: number): Flow[] | undefined {
    const ips = this.devices.ipsOf(id);
    if (ips === undefined) return undefined;
    const set = new Set(ips);
    return this.flows.newest(limit, (f) => set.has(f.src.ip) || set.has(f.dst.ip));
  }

  liveStats(): LiveStats {
    const rates = this.sensors.rates();
    return {
      time: new Date(this.now()).toISOString(),
      pps: rates.pps,
      bps: rates.bps,
      flows: { active: rates.activeFlows, total: this.flows.distinct },
      devices: this.devices.size,
      protocols: this.protocols.top(TOP_PROTOCOLS),
      capture: { ...this.sensors.capture },
    };
  }

  stats(): Stats {
    const history = this.sensors.series().map((p) => ({
      time: new Date(p.timeMs).toISOString(),
      pps: p.pps,
      bps: p.bps,
    }));
    return { ...this.liveStats(), history };
  }

  /** Items held per store, for the gauges. */
  sizes(): Record<'flows' | 'devices' | 'alerts' | 'links', number> {
    return { flows: this.flows.size, devices: this.devices.size, alerts: this.alerts.size, links: this.links.size };
  }

  private guard(kind: string, work: () => unknown): void {
    try {
      work();
    } catch (error) {
      // A record the state cannot use must not be retried and dead-lettered by the bus: count it.
      this.rejected++;
      if ((this.rejected & (this.rejected - 1)) === 0)
        this.logger.warn({ err: error, kind, rejected: this.rejected }, 'event not usable by the api state');
    }
  }
}
