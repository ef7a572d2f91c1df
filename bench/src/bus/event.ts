// The bench event: a ~1 KB JSON object carrying its sequence number and send time.
import { defineTopic } from '@netwatch/schemas';
import { z } from 'zod';

export const benchEvent = z.looseObject({
  seq: z.number().int().nonnegative(),
  /** Send time in ms on the `now()` clock (epoch-based, sub-ms). */
  sentAt: z.number(),
  source: z.string(),
  pad: z.string(),
});

export type BenchEvent = z.infer<typeof benchEvent>;

/** Spreads keys over the topic's partitions like host-keyed netwatch topics do. */
export function benchKey(seq: number): string {
  return `10.0.${(seq >> 8) & 255}.${seq & 255}`;
}

export const benchTopic = defineTopic({
  name: 'bench.bus.v1',
  schema: benchEvent,
  key: (event) => benchKey(event.seq),
  keyRule: 'seq spread over 65 536 synthetic host addresses',
  retention: 'delete',
  description: 'Bus benchmark events (~1 KB JSON)',
});

/** Milliseconds since the epoch with sub-millisecond resolution; one clock for send and receive. */
export function now(): number {
  return performance.timeOrigin + performance.now();
}
