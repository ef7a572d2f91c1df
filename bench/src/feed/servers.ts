// The servers under test behind one interface: netwatch's API (createApi, its real feed) and the naive peer,
// each on its own in-memory bus and a loopback port.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApi, loadAuthConfig, tokenDigestHex } from '@netwatch/api';
import { createMetrics, MemoryBroker, MemoryBus } from '@netwatch/kit';
import { startNaivePeer } from './naive-peer.js';

export type CaseId = 'baseline' | 'netwatch' | 'peer';

/** Running totals on the server side; `messages` counts one per client written to. */
export interface ServerCounters {
  messages: number;
  bytes: number;
  flowsSent: number;
  flowsDropped: number;
  skipped: number;
}

export interface FeedServer {
  readonly url: string;
  readonly bus: MemoryBus;
  counters(): ServerCounters;
  bufferedBytes(): number;
  clientCount(): number;
  /** Resolves when the consumers have handled everything published. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** netwatch's API exactly as `netwatch service api` builds it, auth by bearer token, no UI. */
async function startNetwatch(bus: MemoryBus, token: string): Promise<Omit<FeedServer, 'bus' | 'settle'>> {
  const authConfig = loadAuthConfig({ NETWATCH_API_TOKEN_SHA256: tokenDigestHex(token) }, true);
  const api = createApi({
    bus, metrics: createMetrics('api', { processMetrics: false }), authConfig, site: { name: 'bench', lat: 52.52, lon: 13.4 }, loopbackOnly: true,
    uiDir: null,
  });
  await api.ready();
  const server = createServer((req, res) => {
    if (!api.handler(req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/v1/feed`,
    counters: () => {
      const c = api.feed.counters;
      return {
        messages: c.messages, bytes: c.bytes, flowsSent: c.flowsSent, flowsDropped: c.flowsDropped, skipped: c.skipped,
      };
    },
    bufferedBytes: () => api.feed.bufferedBytes,
    clientCount: () => api.feed.clientCount,
    async close() {
      await api.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function startPeer(bus: MemoryBus, token: string): Promise<Omit<FeedServer, 'bus' | 'settle'>> {
  const peer = await startNaivePeer(bus, token);
  return {
    url: peer.url,
    counters: () => ({ ...peer.counters, flowsDropped: 0, skipped: 0 }),
    bufferedBytes: () => peer.bufferedBytes,
    clientCount: () => peer.clientCount,
    close: () => peer.close(),
  };
}

/** `baseline` is netwatch's API with no client connected: what ingest alone costs (the feed does nothing). */
export async function startServer(id: CaseId, token: string): Promise<FeedServer> {
  const broker = new MemoryBroker();
  const bus = new MemoryBus({ broker, service: `bench-feed-${id}` });
  const server = id === 'peer' ? await startPeer(bus, token) : await startNetwatch(bus, token);
  return {
    ...server,
    bus,
    settle: () => broker.idle(),
    async close() {
      await server.close();
      await bus.close();
    },
  };
}
