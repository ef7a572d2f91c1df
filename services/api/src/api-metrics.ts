// The API's Prometheus metrics: requests, logins, sessions, feed clients and what the feed sent or skipped.
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

export interface ApiMetrics {
  readonly requests: Counter<'route' | 'status'>;
  readonly requestSeconds: Histogram<'route'>;
  readonly logins: Counter<'outcome'>;
  readonly authFailures: Counter<'method'>;
  readonly sessions: Gauge;
  readonly feedClients: Gauge;
  readonly feedMessages: Counter<'event'>;
  readonly feedSkipped: Counter<'event'>;
  readonly feedFlowsDropped: Counter;
  readonly stateItems: Gauge<'store'>;
}

export interface MetricSources {
  sessions(): number;
  stateSizes(): Record<string, number>;
}

export function createApiMetrics(registry: Registry, sources: MetricSources): ApiMetrics {
  const registers = [registry];
  return {
    requests: new Counter({
      name: 'netwatch_api_requests_total',
      help: 'HTTP requests answered, by route pattern and status class (2xx, 4xx, …)',
      labelNames: ['route', 'status'],
      registers,
    }),
    requestSeconds: new Histogram({
      name: 'netwatch_api_request_duration_seconds',
      help: 'Time to answer a request (the feed counts until its headers are sent)',
      labelNames: ['route'],
      buckets: [0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
      registers,
    }),
    logins: new Counter({
      name: 'netwatch_api_logins_total',
      help: 'Login attempts by outcome (ok, wrong, rate_limited, disabled, invalid)',
      labelNames: ['outcome'],
      registers,
    }),
    authFailures: new Counter({
      name: 'netwatch_api_auth_failures_total',
      help: 'Requests refused with 401, by what they tried (none, cookie, bearer)',
      labelNames: ['method'],
      registers,
    }),
    sessions: new Gauge({
      name: 'netwatch_api_sessions',
      help: 'Login sessions held in memory',
      registers,
      collect() {
        this.set(sources.sessions());
      },
    }),
    feedClients: new Gauge({ name: 'netwatch_api_feed_clients', help: 'Clients connected to the live feed', registers }),
    feedMessages: new Counter({
      name: 'netwatch_api_feed_messages_total',
      help: 'Feed messages written to clients, by event name',
      labelNames: ['event'],
      registers,
    }),
    feedSkipped: new Counter({
      name: 'netwatch_api_feed_skipped_total',
      help: 'Feed messages not written because the client socket was still full (slow client)',
      labelNames: ['event'],
      registers,
    }),
    feedFlowsDropped: new Counter({
      name: 'netwatch_api_feed_flows_dropped_total',
      help: 'Flows not sent to a feed client: beyond 200 per push, or skipped for a slow client',
      registers,
    }),
    stateItems: new Gauge({
      name: 'netwatch_api_state_items',
      help: 'Items held in the in-memory state, by store (flows, devices, alerts, links)',
      labelNames: ['store'],
      registers,
      collect() {
        for (const [store, size] of Object.entries(sources.stateSizes())) this.set({ store }, size);
      },
    }),
  };
}
