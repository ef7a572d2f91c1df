// The peer: a naive Server-Sent Events broadcaster on raw node:http, the way most SSE examples are written —
// every flow serialised once and written to every client as its own message, no aggregation, no backpressure.
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Bus, Subscription } from '@netwatch/kit';
import { ApiState } from '@netwatch/api';

export interface NaivePeer {
  readonly url: string;
  readonly counters: { messages: number; bytes: number; flowsSent: number };
  readonly clientCount: number;
  /** Bytes written but not yet taken by the sockets (grows without bound when clients fall behind). */
  readonly bufferedBytes: number;
  close(): Promise<void>;
}

/**
 * Same input path as the API (the same bus topic, consumer group, schema check and ApiState mapping, so
 * each client receives the same Flow objects), same bearer-token check; only the delivery differs.
 */
export async function startNaivePeer(bus: Bus, token: string): Promise<NaivePeer> {
  const digest = createHash('sha256').update(token).digest();
  const clients = new Set<ServerResponse>();
  const counters = { messages: 0, bytes: 0, flowsSent: 0 };
  const state = new ApiState();
  state.listen({
    flow(flow) {
      if (clients.size === 0) return;
      const message = `event: flow\ndata: ${JSON.stringify(flow)}\n\n`;
      for (const res of clients) res.write(message);
      counters.messages += clients.size;
      counters.flowsSent += clients.size;
      counters.bytes += message.length * clients.size;
    },
    alert() {},
    device() {},
    deviceRemoved() {},
  });
  const subscriptions: Subscription[] = await state.subscribe(bus, 'naive-peer');
  const server = createServer((req, res) => {
    const presented = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const ok = presented !== undefined && timingSafeEqual(createHash('sha256').update(presented).digest(), digest);
    if (req.url !== '/feed' || !ok) {
      res.writeHead(ok ? 404 : 401).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store' });
    req.socket.setNoDelay(true);
    res.write(': connected\n\n');
    clients.add(res);
    res.on('close', () => clients.delete(res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/feed`,
    counters,
    get clientCount() {
      return clients.size;
    },
    get bufferedBytes() {
      let bytes = 0;
      for (const res of clients) bytes += res.writableLength;
      return bytes;
    },
    async close() {
      for (const res of clients) res.end();
      await Promise.all(subscriptions.map((s) => s.close()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
