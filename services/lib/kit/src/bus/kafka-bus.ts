// The Kafka bus (kafkajs): idempotent batched producer, consumer groups committing after success.
import { dlqTopicName, type TopicSpec } from '@netwatch/schemas';
import type kafkajs from 'kafkajs';
import type { z } from 'zod';
import { describeError, NetwatchError } from '../errors.js';
import { type Logger, silentLogger } from '../log.js';
import { type BusMetrics, createMetrics } from '../metrics.js';
import { encodeValue } from './codec.js';
import { deadLetterHeaders } from './dead-letter.js';
import { type DeliveryContext, deliver } from './deliver.js';
import { createKafka, type KafkaConnection } from './kafka-client.js';
import { BatchingProducer, type ProducerSettings } from './kafka-producer.js';
import { TopicEnsurer, type TopicSettings } from './kafka-topics.js';
import type {
  Bus,
  Handler,
  MessageMeta,
  RawHandler,
  SubscribeOptions,
  Subscription,
} from './types.js';

export interface KafkaBusOptions {
  readonly service: string;
  readonly connection: KafkaConnection;
  readonly topics: TopicSettings;
  readonly producer?: ProducerSettings;
  readonly topicPrefix?: string;
  /** Consumer session timeout; a member silent this long is removed from its group (default 30 s). */
  readonly sessionTimeoutMs?: number;
  /** How long subscribe() waits for the group to assign partitions (default 60 s). */
  readonly joinTimeoutMs?: number;
  readonly metrics?: BusMetrics;
  readonly logger?: Logger;
}

export class KafkaBus implements Bus {
  readonly kind = 'kafka' as const;
  readonly service: string;
  private readonly kafka: kafkajs.Kafka;
  private readonly admin: kafkajs.Admin;
  private readonly producer: kafkajs.Producer;
  private readonly batching: BatchingProducer;
  private readonly topicsEnsurer: TopicEnsurer;
  private readonly prefix: string;
  private readonly metrics: BusMetrics;
  private readonly logger: Logger;
  private readonly subscriptions = new Set<Subscription>();
  private readonly retentionByName = new Map<string, 'delete' | 'compact'>();
  private closed = false;

  private constructor(private readonly options: KafkaBusOptions) {
    this.service = options.service;
    this.prefix = options.topicPrefix ?? '';
    this.metrics = options.metrics ?? createMetrics(options.service, { processMetrics: false }).bus;
    this.logger = options.logger ?? silentLogger();
    this.kafka = createKafka(options.connection, this.logger);
    this.admin = this.kafka.admin();
    // Idempotent + acks=all: a retried send never duplicates or reorders within a partition.
    this.producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
    });
    this.topicsEnsurer = new TopicEnsurer(this.admin, options.topics);
    this.batching = new BatchingProducer(
      this.producer,
      (topic) => this.topicsEnsurer.ensure(topic, this.retentionByName.get(topic) ?? 'delete'),
      this.metrics,
      this.logger,
      options.producer,
    );
  }

  /** Connects admin and producer; fails with `bus_unavailable` when no broker answers. */
  static async connect(options: KafkaBusOptions): Promise<KafkaBus> {
    const bus = new KafkaBus(options);
    try {
      await bus.admin.connect();
      await bus.producer.connect();
    } catch (cause) {
      await bus.admin.disconnect().catch(() => {});
      await bus.producer.disconnect().catch(() => {});
      throw new NetwatchError(
        'bus_unavailable',
        `cannot reach Kafka at ${options.connection.brokers.join(',')}: ${describeError(cause)}`,
        { cause },
      );
    }
    return bus;
  }

  topicName(name: string): string {
    return this.prefix + name;
  }

  publish<S extends z.ZodType>(topic: TopicSpec<S>, event: z.infer<S>): void {
    const name = this.topicName(topic.name);
    if (topic.retention !== 'delete') this.retentionByName.set(name, topic.retention);
    this.send(name, topic.name, topic.key(event), event as object, {});
  }

  publishRaw(
    topicName: string,
    key: string | null,
    value: Buffer | string | object,
    headers: Record<string, string> = {},
  ): void {
    this.send(this.topicName(topicName), topicName, key, value, headers);
  }

  private send(
    name: string,
    label: string,
    key: string | null,
    value: Buffer | string | object,
    headers: Record<string, string>,
  ): void {
    if (this.closed) throw new Error(`bus for ${this.service} is closed`);
    this.batching.enqueue(name, label, { key, value: encodeValue(value), headers });
  }

  flush(timeoutMs?: number): Promise<void> {
    return this.batching.flush(timeoutMs);
  }

  subscribe<S extends z.ZodType>(
    topic: TopicSpec<S>,
    group: string,
    handler: Handler<z.infer<S>>,
    options: SubscribeOptions = {},
  ): Promise<Subscription> {
    return this.join(topic.name, topic, group, handler as Handler<unknown>, options);
  }

  subscribeRaw(
    topicName: string,
    group: string,
    handler: RawHandler,
    options: SubscribeOptions = {},
  ): Promise<Subscription> {
    return this.join(topicName, null, group, handler, options);
  }

  private async join(
    name: string,
    spec: TopicSpec | null,
    group: string,
    handler: Handler<unknown> | RawHandler,
    options: SubscribeOptions,
  ): Promise<Subscription> {
    const topic = this.topicName(name);
    await this.topicsEnsurer.ensure(topic, spec?.retention ?? 'delete');
    await this.topicsEnsurer.ensure(this.topicName(dlqTopicName(this.service)));
    const consumer = this.kafka.consumer({
      groupId: group,
      sessionTimeout: this.options.sessionTimeoutMs ?? 30_000,
      heartbeatInterval: Math.max(500, Math.floor((this.options.sessionTimeoutMs ?? 30_000) / 10)),
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: 100,
    });
    let stopping = false;
    let assignment: number[] = [];
    const ctx: DeliveryContext = {
      spec,
      handler,
      options,
      metrics: this.metrics,
      logger: this.logger,
      group,
      stopping: () => stopping,
      deadLetter: (raw, meta, reason, error) =>
        this.publishRaw(
          dlqTopicName(this.service),
          meta.key,
          raw as Buffer,
          deadLetterHeaders(meta, reason, error, this.service, group),
        ),
    };
    const joined = new Promise<void>((resolve) => {
      consumer.on(consumer.events.GROUP_JOIN, (event) => {
        assignment = [...(event.payload.memberAssignment[topic] ?? [])].sort((a, b) => a - b);
        resolve();
      });
    });
    try {
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: options.fromBeginning ?? true });
      await consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: 1,
        eachBatch: (payload) => this.handleBatch(payload, ctx, topic),
      });
      await withTimeout(
        joined,
        this.options.joinTimeoutMs ?? 60_000,
        `joining group ${group} on ${topic}`,
      );
    } catch (cause) {
      await consumer.disconnect().catch(() => {});
      throw cause instanceof NetwatchError
        ? cause
        : new NetwatchError('bus_unavailable', `cannot consume ${topic}: ${describeError(cause)}`, {
            cause,
          });
    }
    const subscription: Subscription = {
      topic,
      group,
      assignment: () => assignment,
      close: async () => {
        if (stopping) return;
        stopping = true;
        this.subscriptions.delete(subscription);
        // kafkajs waits for the batch in hand, which commits what succeeded, then leaves the group.
        await consumer.disconnect();
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  /**
   * Handles one fetched batch in order. Progress is committed every 250 ms and at the end, each
   * time only after this bus flushed what the handlers published, so a crash replays rather
   * than loses. Heartbeats go out between messages so a slow handler keeps its membership.
   */
  private async handleBatch(
    {
      batch,
      resolveOffset,
      heartbeat,
      isRunning,
      isStale,
      commitOffsetsIfNecessary,
    }: kafkajs.EachBatchPayload,
    ctx: DeliveryContext,
    topic: string,
  ): Promise<void> {
    let done: string | null = null;
    let lastCommit = Date.now();
    const commit = async () => {
      if (done === null) return;
      await this.batching.flush();
      // The batch payload's commit still works while the consumer is stopping (consumer.commitOffsets
      // is a no-op then), so progress made before a shutdown is not replayed.
      await commitOffsetsIfNecessary({
        topics: [
          {
            topic,
            partitions: [{ partition: batch.partition, offset: (BigInt(done) + 1n).toString() }],
          },
        ],
      });
      done = null;
      lastCommit = Date.now();
    };
    for (const message of batch.messages) {
      if (!isRunning() || isStale()) break;
      const meta: MessageMeta = {
        topic,
        partition: batch.partition,
        offset: message.offset,
        key: message.key?.toString('utf8') ?? null,
        timestamp: Number(message.timestamp),
        headers: decodeHeaders(message.headers),
      };
      const outcome = await deliver(ctx, message.value ?? Buffer.alloc(0), meta);
      if (outcome === 'abandoned') break;
      resolveOffset(message.offset);
      done = message.offset;
      if (Date.now() - lastCommit > 250) {
        await commit();
        await heartbeat();
      }
    }
    await commit();
    await heartbeat();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    try {
      await this.batching.flush(10_000);
    } catch (error) {
      this.logger.error(
        { err: describeError(error), pending: this.batching.pending },
        'events not sent before close',
      );
    }
    this.closed = true;
    await this.producer.disconnect();
    await this.admin.disconnect();
  }
}

function decodeHeaders(headers: kafkajs.IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers === undefined) return out;
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined)
      out[name] = Buffer.isBuffer(first) ? first.toString('utf8') : String(first);
  }
  return out;
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new NetwatchError('timeout', `${what} took longer than ${ms} ms`)),
          ms,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
