// One message through a handler: decode, retry with backoff, dead-letter — shared by both buses.
import type { TopicSpec } from '@netwatch/schemas';
import { describeError } from '../errors.js';
import type { Logger } from '../log.js';
import type { BusMetrics } from '../metrics.js';
import { decodeValue } from './codec.js';
import type { DeadLetterReason } from './dead-letter.js';
import type { Handler, MessageMeta, RawHandler, SubscribeOptions } from './types.js';

export interface DeliveryContext {
  readonly spec: TopicSpec | null;
  readonly handler: Handler<unknown> | RawHandler;
  readonly options: SubscribeOptions;
  readonly metrics: BusMetrics;
  /** The subscription's per-message counters, bound to their labels once (not per message). */
  readonly perMessage: PerMessageMetrics;
  /** The topic as metrics name it (the registry name, without any prefix). */
  readonly topicLabel: string;
  readonly logger: Logger;
  readonly group: string;
  /** True once the subscription is closing: retries stop and the message is left uncommitted. */
  readonly stopping: () => boolean;
  readonly deadLetter: (
    raw: unknown,
    meta: MessageMeta,
    reason: DeadLetterReason,
    error: string,
  ) => void;
}

export interface PerMessageMetrics {
  readonly received: { inc(): void };
  readonly handlerSeconds: { startTimer(): () => unknown };
}

/** Binds the counters every message touches, so the hot path skips prom-client's label lookup. */
export function bindPerMessageMetrics(metrics: BusMetrics, topic: string, group: string): PerMessageMetrics {
  return {
    received: metrics.received.labels({ topic, group }),
    handlerSeconds: metrics.handlerSeconds.labels({ topic }),
  };
}

/** `done`: commit past it. `abandoned`: stopping mid-retry; leave it for the next owner. */
export type DeliveryOutcome = 'done' | 'abandoned';

const maxBackoffMs = 5000;

export async function deliver(
  ctx: DeliveryContext,
  raw: unknown,
  meta: MessageMeta,
): Promise<DeliveryOutcome> {
  const topicLabel = ctx.topicLabel;
  let event: unknown = raw;
  if (ctx.spec !== null) {
    const decoded = decodeValue(ctx.spec.schema, raw);
    if (!decoded.ok) {
      ctx.metrics.discarded.inc({ topic: topicLabel, reason: 'invalid' });
      ctx.metrics.deadLettered.inc({ topic: topicLabel, reason: decoded.reason });
      ctx.deadLetter(raw, meta, decoded.reason, decoded.error);
      return 'done';
    }
    event = decoded.value;
  }
  ctx.perMessage.received.inc();
  const maxAttempts = Math.max(1, ctx.options.maxAttempts ?? 5);
  let backoff = ctx.options.retryBackoffMs ?? 200;
  for (let attempt = 1; ; attempt++) {
    const stopTimer = ctx.perMessage.handlerSeconds.startTimer();
    try {
      await ctx.handler(event, meta);
      stopTimer();
      return 'done';
    } catch (error) {
      stopTimer();
      ctx.metrics.failed.inc({ topic: topicLabel, stage: 'handle' });
      if (ctx.stopping()) return 'abandoned';
      if (attempt >= maxAttempts) {
        ctx.logger.error(
          {
            topic: meta.topic,
            partition: meta.partition,
            offset: meta.offset,
            attempts: attempt,
            err: describeError(error),
          },
          'handler kept failing; message sent to the dead-letter topic',
        );
        ctx.metrics.discarded.inc({ topic: topicLabel, reason: 'handler_failed' });
        ctx.metrics.deadLettered.inc({ topic: topicLabel, reason: 'handler_failed' });
        ctx.deadLetter(raw, meta, 'handler_failed', describeError(error).slice(0, 1000));
        return 'done';
      }
      if (attempt === 1) {
        ctx.logger.warn(
          {
            topic: meta.topic,
            partition: meta.partition,
            offset: meta.offset,
            err: describeError(error),
          },
          'handler failed; retrying',
        );
      }
      await sleepUnless(backoff, ctx.stopping);
      if (ctx.stopping()) return 'abandoned';
      backoff = Math.min(backoff * 2, maxBackoffMs);
    }
  }
}

/** Sleeps, waking early (every 50 ms check) once `stop` says so. */
async function sleepUnless(ms: number, stop: () => boolean): Promise<void> {
  const until = Date.now() + ms;
  while (!stop() && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(50, until - Date.now())));
  }
}
