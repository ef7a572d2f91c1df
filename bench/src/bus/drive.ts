// The two measurements every bus case runs: bulk throughput and paced publish→consume latency.
import { setImmediate as yieldToLoop, setTimeout as sleep } from 'node:timers/promises';
import { type BenchEvent, now } from './event.js';
import type { Plan } from './plan.js';
import type { Receiver } from './receiver.js';
import { percentile } from './stats.js';

/** The publishing side of a case: a bus, or a client with a batcher in front. */
export interface Endpoint {
  /** Queues one event; returns at once. */
  publish(event: BenchEvent): void;
  /** Resolves when everything queued was acknowledged. */
  flush(): Promise<void>;
}

export interface ThroughputResult {
  readonly events: number;
  /** Publish start until flush() resolved. */
  readonly produceSeconds: number;
  /** Publish start until the consumer had every event. */
  readonly endToEndSeconds: number;
}

export interface LatencyResult {
  readonly sent: number;
  readonly received: number;
  readonly publishRate: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

/** Makes events with consecutive sequence numbers, cycling through the pad pool. */
export class EventSource {
  private seq = 0;
  constructor(private readonly pads: readonly string[]) {}

  next(): BenchEvent {
    const seq = this.seq++;
    return { seq, sentAt: now(), source: 'bench', pad: this.pads[seq % this.pads.length] ?? '' };
  }
}

/** Publishes a few events and waits for them: connections, metadata and JIT settle first. */
export async function warmUp(
  endpoint: Endpoint,
  receiver: Receiver,
  source: EventSource,
  events = 2000,
): Promise<void> {
  const target = receiver.count + events;
  for (let i = 0; i < events; i++) endpoint.publish(source.next());
  await endpoint.flush();
  await receiver.waitFor(target, 30_000);
}

/**
 * Publishes `events` as fast as the endpoint takes them, in chunks, never more than `window`
 * ahead of the consumer (so no buffer overflows), then flushes and waits for the consumer.
 */
export async function throughput(
  endpoint: Endpoint,
  receiver: Receiver,
  source: EventSource,
  events: number,
  { chunk = 1000, window = 50_000, timeoutMs = 60_000 } = {},
): Promise<ThroughputResult> {
  const base = receiver.count;
  const start = performance.now();
  let published = 0;
  while (published < events) {
    const ahead = published - (receiver.count - base);
    if (ahead + chunk > window) {
      await receiver.waitFor(base + published + chunk - window, timeoutMs);
      continue;
    }
    const end = Math.min(events, published + chunk);
    for (; published < end; published++) endpoint.publish(source.next());
    await yieldToLoop();
  }
  await endpoint.flush();
  const flushed = performance.now();
  await receiver.waitFor(base + events, timeoutMs);
  const done = performance.now();
  return {
    events,
    produceSeconds: (flushed - start) / 1000,
    endToEndSeconds: (done - start) / 1000,
  };
}

/** Publishes at `rate` events/s for `seconds`, then reports receive − send latency percentiles. */
export async function pacedLatency(
  endpoint: Endpoint,
  receiver: Receiver,
  source: EventSource,
  rate: number,
  seconds: number,
): Promise<LatencyResult> {
  const total = Math.round(rate * seconds);
  const base = receiver.count;
  receiver.recordLatencies(total);
  const start = performance.now();
  let sent = 0;
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - start) * rate) / 1000));
    for (; sent < due; sent++) endpoint.publish(source.next());
    await sleep(1);
  }
  const publishSeconds = (performance.now() - start) / 1000;
  await endpoint.flush();
  await receiver.waitFor(base + total, 15_000).catch(() => {});
  const sorted = receiver.sortedLatencies();
  return {
    sent: total,
    received: receiver.count - base,
    publishRate: total / publishSeconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.length > 0 ? (sorted[sorted.length - 1] ?? Number.NaN) : Number.NaN,
  };
}

/** A client under test, wired up: what publishes, what receives, where events come from. */
export interface Rig {
  readonly endpoint: Endpoint;
  readonly receiver: Receiver;
  readonly source: EventSource;
  close(): Promise<void>;
}

/** Warms the rig up, takes one measurement (end-to-end rate, or paced latency), and closes it. */
export async function measureRig(
  rig: Rig,
  plan: Plan,
  kind: 'throughput' | 'latency',
): Promise<{ throughput: ThroughputResult } | { latency: LatencyResult }> {
  try {
    await warmUp(rig.endpoint, rig.receiver, rig.source);
    if (kind === 'throughput') return { throughput: await throughput(rig.endpoint, rig.receiver, rig.source, plan.events) };
    return { latency: await pacedLatency(rig.endpoint, rig.receiver, rig.source, plan.rate, plan.latencySeconds) };
  } finally {
    await rig.close();
  }
}
