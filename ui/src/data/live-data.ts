// The app's live data: the api client, the feed and the bounded stores, wired together outside React.
// Feed messages mutate the stores; React sees them through each store's throttled publisher (use-store.ts).
import { type ApiClient } from './api-client.js';
import { AlertStore } from './alert-store.js';
import { ArcStore } from './arc-store.js';
import { DeviceStore } from './device-store.js';
import { LiveFeed, type FeedEvent } from './feed.js';
import { FlowStore } from './flow-store.js';
import { GeoCentroid } from './geo-centroid.js';
import { parseAlert, parseDevice, parseFlow, parseStats, parseWrapped } from './parse.js';
import { isObject, num } from './read.js';
import { Publisher } from './publisher.js';
import { StatsStore } from './stats-store.js';
import type { Flow, Site } from './types.js';

const EXPIRE_EVERY_MS = 5000;

export class LiveData {
  readonly flows = new FlowStore();
  readonly alerts = new AlertStore();
  readonly devices = new DeviceStore();
  readonly stats = new StatsStore();
  readonly arcs = new ArcStore();
  /** where internal endpoints are (when the api locates them): the arcs' origin if no site is configured */
  readonly internalGeo = new GeoCentroid();
  /** bumps (throttled) when arcs change: for React lists beside the globe; the globe itself drains changes */
  readonly arcsPublisher = new Publisher(500);
  readonly sitePublisher = new Publisher(0);
  readonly feed: LiveFeed;
  site: Site | undefined;
  loadErrors: string[] = [];
  private expiryTimer: ReturnType<typeof setInterval> | undefined;
  /** bumps on every start and stop, so a load that finishes after a stop does not restart the feed */
  private generation = 0;

  constructor(private readonly api: ApiClient) {
    this.feed = new LiveFeed({
      url: '/api/v1/feed',
      onEvent: (event, data) => this.onEvent(event, data),
      isAuthorized: async () => {
        const s = await api.session();
        return !s.authRequired || s.authenticated;
      },
    });
  }

  /** Loads recent history (so the globe is not empty for its first seconds), then follows the feed. */
  start(): void {
    const generation = ++this.generation;
    this.expiryTimer = setInterval(() => {
      if (this.arcs.expire(Date.now()) > 0) this.arcsPublisher.changed();
    }, EXPIRE_EVERY_MS);
    void this.load('site', async () => {
      this.site = await this.api.site();
      this.sitePublisher.changed();
    });
    void this.load('stats', async () => {
      const stats = await this.api.stats();
      if (stats !== undefined) this.stats.load(stats);
    });
    void this.load('devices', async () => this.devices.add(await this.api.devices()));
    void this.load('alerts', async () => this.alerts.add(await this.api.alerts(500)));
    // The feed starts after the recent flows are in, so the rings keep their newest-first order.
    void this.load('flows', async () => this.addFlows((await this.api.flows({ limit: 1000 })), 0))
      .finally(() => {
        if (generation === this.generation) this.feed.start();
      });
  }

  stop(): void {
    this.generation++;
    this.feed.stop();
    clearInterval(this.expiryTimer);
  }

  private async load(what: string, fn: () => Promise<void>): Promise<void> {
    try {
      await fn();
    } catch (err) {
      this.loadErrors.push(`${what}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private addFlows(flows: Flow[], dropped: number): void {
    const now = Date.now();
    this.flows.add(flows, dropped);
    // Oldest first, so the arc store sees a long flow's records in order.
    for (let i = flows.length - 1; i >= 0; i--) {
      const flow = flows[i] as Flow;
      this.arcs.addFlow(flow, now);
      for (const end of [flow.src, flow.dst]) {
        if (end.internal && end.geo !== undefined && this.internalGeo.count < 100_000) {
          this.internalGeo.add(end.geo.lat, end.geo.lon);
        }
      }
    }
    if (flows.length > 0) this.arcsPublisher.changed();
  }

  private onEvent(event: FeedEvent, data: unknown): void {
    switch (event) {
      case 'flows':
        this.addFlows(parseWrapped(data, 'flows', parseFlow), isObject(data) ? num(data.dropped) ?? 0 : 0);
        break;
      case 'alerts':
        this.alerts.add(parseWrapped(data, 'alerts', parseAlert));
        break;
      case 'devices':
        this.devices.add(parseWrapped(data, 'devices', parseDevice));
        break;
      case 'stats': {
        const stats = parseStats(data);
        if (stats !== undefined) this.stats.push(stats);
        break;
      }
    }
  }
}
