// The feed bench's client process: N concurrent SSE clients on real loopback HTTP with a bearer token, each parsing
// every message as a browser's EventSource handler would (JSON.parse), counting what arrives per 100 ms slot.
import { type ClientRequest, get } from 'node:http';
import { StringDecoder } from 'node:string_decoder';
import type { ClientWindow, Command, LatencySummary, Reply } from './protocol.js';
import { nowMs, publishTimeOf } from './workload.js';

const SLOT_MS = 100;

interface Slot {
  flows: number;
  messages: number;
  bytes: number;
  dropped: number;
}

class FeedClient {
  readonly slots = new Map<number, Slot>();
  request: ClientRequest | undefined;
  /** Why the stream ended before the bench closed it (a server that disconnects slow clients would). */
  endedEarly: string | undefined;
  closing = false;

  constructor(private readonly latencies: { at: number[]; ms: number[] }) {}

  connect(url: string, token: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const request = get(url, {
        agent: false,
        headers: { accept: 'text/event-stream', authorization: `Bearer ${token}` },
      }, (response) => {
        if (response.statusCode !== 200) {
          reject(new Error(`${url}: HTTP ${response.statusCode}`));
          response.resume();
          return;
        }
        const decoder = new StringDecoder('utf8');
        let buffer = '';
        response.on('data', (chunk: Buffer) => {
          const at = nowMs();
          const slot = this.slot(at);
          slot.bytes += chunk.length;
          buffer += decoder.write(chunk);
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            this.message(block, at, slot);
          }
        });
        response.on('close', () => {
          if (!this.closing) this.endedEarly ??= `stream closed by the server at ${new Date().toISOString()}`;
        });
        resolve();
      });
      request.on('error', (error) => {
        if (!this.closing) this.endedEarly ??= error.message;
        reject(error);
      });
      this.request = request;
    });
  }

  /** One SSE block (WHATWG HTML §9.2.6 framing, as the servers write it: `event:` and one `data:` line). */
  private message(block: string, at: number, slot: Slot): void {
    let event = 'message';
    let data: string | undefined;
    for (const line of block.split('\n')) {
      if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('data: ')) data = line.slice(6);
    }
    if (data === undefined) return; // a comment (keepalive, connected) or the retry field
    slot.messages++;
    const parsed = JSON.parse(data) as { id?: string; flows?: { id: string }[]; dropped?: number };
    if (event === 'flows') {
      for (const flow of parsed.flows ?? []) this.received(flow.id, at, slot);
      slot.dropped += parsed.dropped ?? 0;
    } else if (event === 'flow' && parsed.id !== undefined) {
      this.received(parsed.id, at, slot);
    }
  }

  private received(flowId: string, at: number, slot: Slot): void {
    slot.flows++;
    this.latencies.at.push(at);
    this.latencies.ms.push(at - publishTimeOf(flowId));
  }

  private slot(at: number): Slot {
    const key = Math.floor(at / SLOT_MS);
    let slot = this.slots.get(key);
    if (slot === undefined) {
      slot = { flows: 0, messages: 0, bytes: 0, dropped: 0 };
      this.slots.set(key, slot);
    }
    return slot;
  }

  window(fromMs: number, toMs: number): ClientWindow {
    const out = { flows: 0, messages: 0, bytes: 0, dropped: 0 };
    for (const [key, slot] of this.slots) {
      const start = key * SLOT_MS;
      if (start < fromMs || start + SLOT_MS > toMs) continue;
      out.flows += slot.flows;
      out.messages += slot.messages;
      out.bytes += slot.bytes;
      out.dropped += slot.dropped;
    }
    return out;
  }
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
}

let clients: FeedClient[] = [];
let latencies = { at: [] as number[], ms: [] as number[] };
/** Process CPU time sampled every slot, to cut the window out of. */
const cpuSamples: { at: number; cpuMs: number }[] = [];
const sampler = setInterval(() => {
  const usage = process.cpuUsage();
  cpuSamples.push({ at: nowMs(), cpuMs: (usage.user + usage.system) / 1000 });
  if (cpuSamples.length > 2_000) cpuSamples.shift();
}, SLOT_MS);
sampler.unref();

function cpuBetween(fromMs: number, toMs: number): number {
  const first = cpuSamples.find((s) => s.at >= fromMs);
  const last = [...cpuSamples].reverse().find((s) => s.at <= toMs);
  return first === undefined || last === undefined || last.at <= first.at
    ? NaN
    : ((last.cpuMs - first.cpuMs) * (toMs - fromMs)) / (last.at - first.at);
}

function reply(message: Reply): void {
  process.send?.(message);
}

async function handle(command: Command): Promise<void> {
  switch (command.type) {
    case 'connect': {
      latencies = { at: [], ms: [] };
      clients = Array.from({ length: command.clients }, () => new FeedClient(latencies));
      await Promise.all(clients.map((c) => c.connect(command.url, command.token)));
      reply({ type: 'connected', clients: clients.length });
      return;
    }
    case 'report': {
      const { fromMs, toMs } = command;
      const inWindow: number[] = [];
      for (let i = 0; i < latencies.at.length; i++) {
        const at = latencies.at[i] as number;
        if (at >= fromMs && at < toMs) inWindow.push(latencies.ms[i] as number);
      }
      const sorted = Float64Array.from(inWindow).sort();
      const latency: LatencySummary = {
        count: sorted.length, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), max: sorted.at(-1) ?? NaN,
      };
      reply({
        type: 'report', perClient: clients.map((c) => c.window(fromMs, toMs)), latency,
        cpuMs: cpuBetween(fromMs, toMs),
        errors: clients.flatMap((c, i) => (c.endedEarly === undefined ? [] : [`client ${i + 1}: ${c.endedEarly}`])),
      });
      return;
    }
    case 'disconnect': {
      for (const c of clients) {
        c.closing = true;
        c.request?.destroy();
      }
      clients = [];
      latencies = { at: [], ms: [] };
      reply({ type: 'disconnected' });
      return;
    }
  }
}

process.on('message', (command: Command) => {
  handle(command).catch((error: unknown) => reply({ type: 'error', message: (error as Error).message }));
});
process.on('disconnect', () => process.exit(0));
