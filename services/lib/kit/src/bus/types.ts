// The bus contract both implementations (in-memory and Kafka) honour, and the contract suite proves.
import type { TopicSpec } from '@netwatch/schemas';
import type { z } from 'zod';

/** Where a delivered message came from. Offsets are decimal strings, as Kafka's are 64-bit. */
export interface MessageMeta {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  /** Milliseconds since the epoch when the message was appended. */
  readonly timestamp: number;
  readonly headers: Readonly<Record<string, string>>;
}

export type Handler<T> = (event: T, meta: MessageMeta) => Promise<void> | void;

/** A raw message: the value as bytes (Kafka) or as published (memory), not parsed. */
export type RawHandler = (value: Buffer | unknown, meta: MessageMeta) => Promise<void> | void;

export interface SubscribeOptions {
  /** Attempts per message before it goes to the dead-letter topic (default 5). */
  readonly maxAttempts?: number;
  /** First retry delay; doubles per attempt up to 5 s (default 200 ms). */
  readonly retryBackoffMs?: number;
  /** A new group starts at the earliest message (default) or only sees new ones. */
  readonly fromBeginning?: boolean;
}

export interface Subscription {
  readonly topic: string;
  readonly group: string;
  /** Partitions this member owns right now (empty until the group has assigned it some). */
  assignment(): readonly number[];
  /** Stops fetching, lets the message in hand finish, commits what succeeded, leaves the group. */
  close(): Promise<void>;
}

/** Publish-side record as the bus sees it, for taps such as `replay --jsonl`. */
export interface PublishedRecord {
  readonly topic: string;
  readonly key: string | null;
  readonly value: unknown;
}

export interface Bus {
  readonly kind: 'memory' | 'kafka';
  /** The service whose dead-letter topic this bus writes to. */
  readonly service: string;
  /**
   * Queues an event for the topic, keyed by the topic's key rule. Returns at once: events are
   * sent in batches. Ordering is kept per key. A full buffer drops the event and counts it.
   */
  publish<S extends z.ZodType>(topic: TopicSpec<S>, event: z.infer<S>): void;
  /** Queues a message as it is, with no key rule or schema: dead letters, tools and tests. */
  publishRaw(
    topicName: string,
    key: string | null,
    value: Buffer | string | object,
    headers?: Record<string, string>,
  ): void;
  /** Resolves when everything published so far has been accepted by the bus. */
  flush(timeoutMs?: number): Promise<void>;
  /**
   * Joins `group` on the topic. Each message is parsed with the topic's schema (tolerantly); a
   * message that fails goes to this service's dead-letter topic and is skipped. The offset is
   * committed only after the handler succeeded and what it published was flushed.
   * Resolves once the member has joined the group.
   */
  subscribe<S extends z.ZodType>(
    topic: TopicSpec<S>,
    group: string,
    handler: Handler<z.infer<S>>,
    options?: SubscribeOptions,
  ): Promise<Subscription>;
  /** Like subscribe, without parsing: for dead-letter topics and diagnostics. */
  subscribeRaw(
    topicName: string,
    group: string,
    handler: RawHandler,
    options?: SubscribeOptions,
  ): Promise<Subscription>;
  /** The full topic name on the bus (with any configured prefix). */
  topicName(name: string): string;
  /** Closes every subscription (committing), flushes, disconnects. */
  close(): Promise<void>;
}
