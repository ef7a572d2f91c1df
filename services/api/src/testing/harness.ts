// Test harness: a real API on a loopback port over a real in-memory bus, and event builders from the schema examples.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemoryBroker, MemoryBus } from '@netwatch/kit';
import { type AlertEvent, type AssetEvent, exampleFor, type FlowEvent, nameOfSeverity, uuidv7 } from '@netwatch/schemas';
import { Registry } from 'prom-client';
import type { AuthConfig } from '../auth/auth-config.js';
import { type Api, type ApiOptions, createApi } from '../create-api.js';

export const noAuth: AuthConfig = {
  user: 'admin',
  tokenSha256: [],
  sessionTtlMs: 12 * 3_600_000,
  cookieSecure: false,
  loginMaxFailures: 5,
  loginWindowMs: 15 * 60_000,
};

export interface Harness {
  readonly api: Api;
  readonly broker: MemoryBroker;
  readonly bus: MemoryBus;
  readonly registry: Registry;
  readonly base: string;
  readonly server: Server;
  /** Waits until the API's consumers have handled everything published. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(options: Partial<Omit<ApiOptions, 'bus' | 'metrics'>> = {}): Promise<Harness> {
  const broker = new MemoryBroker();
  const bus = new MemoryBus({ broker, service: 'api-test' });
  const registry = new Registry();
  const api = createApi({
    bus,
    metrics: registry,
    authConfig: noAuth,
    site: { name: 'lab', lat: 52.52, lon: 13.405 },
    loopbackOnly: true,
    uiDir: null,
    ...options,
  });
  await api.ready();
  const server = createServer((req, res) => {
    if (!api.handler(req, res)) res.writeHead(404, { 'content-type': 'text/plain' }).end('ops\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    api,
    broker,
    bus,
    registry,
    server,
    base: `http://127.0.0.1:${port}`,
    settle: () => broker.idle(),
    async close() {
      await api.close();
      await bus.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The enriched flow example with another id, addresses and counters (ids as the capture sensor makes them). */
export function flowEvent(changes: {
  id?: string;
  src?: string;
  dst?: string;
  dstPort?: number;
  bytes?: number;
  protocol?: string;
  exportReason?: 'active_timeout' | 'idle_timeout' | 'end' | 'evicted';
  direction?: 'inbound' | 'outbound' | 'internal' | 'external' | 'unknown';
  end?: string;
} = {}): FlowEvent {
  const event = exampleFor('netwatch.enriched.flow.v1');
  event.event.id = uuidv7();
  if (changes.id !== undefined) event.netwatch.flow.id = changes.id;
  if (changes.src !== undefined) event.source.ip = changes.src;
  if (changes.dst !== undefined) event.destination.ip = changes.dst;
  if (changes.dstPort !== undefined) event.destination.port = changes.dstPort;
  if (changes.bytes !== undefined) {
    event.source.bytes = Math.floor(changes.bytes / 4);
    event.destination.bytes = changes.bytes - event.source.bytes;
    event.network.bytes = changes.bytes;
  }
  if (changes.protocol !== undefined) event.network.protocol = changes.protocol;
  if (changes.exportReason !== undefined) event.netwatch.flow.export_reason = changes.exportReason;
  if (changes.direction !== undefined) event.network.direction = changes.direction;
  if (changes.end !== undefined) {
    event.event.end = changes.end;
    event['@timestamp'] = changes.end;
  }
  delete event.source.mac;
  return event;
}

export function assetEvent(
  changes: { mac?: string; ip?: string; hostname?: string; changeFrom?: string } = {},
): AssetEvent {
  const event = exampleFor('netwatch.asset.v1');
  event.event.id = uuidv7();
  if (changes.mac !== undefined) event.host.mac = [changes.mac];
  if (changes.ip !== undefined) event.host.ip = [changes.ip];
  if (changes.hostname !== undefined) event.host.hostname = changes.hostname;
  if (changes.changeFrom !== undefined && event.netwatch.asset.change !== undefined)
    event.netwatch.asset.change.old = changes.changeFrom;
  if (changes.changeFrom === undefined) {
    delete event.netwatch.asset.change;
    event.event.type = ['info'];
  }
  return event;
}

export function alertEvent(changes: { severity?: 1 | 2 | 3 | 4; id?: string } = {}): AlertEvent {
  const event = exampleFor('netwatch.alert.enriched.v1');
  event.event.id = changes.id ?? uuidv7();
  if (changes.severity !== undefined) {
    event.netwatch.alert.severity = changes.severity;
    event.netwatch.alert.severity_name = nameOfSeverity(changes.severity);
    event.event.severity = changes.severity;
  }
  return event;
}
