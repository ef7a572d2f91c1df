// The Kafka bus (kafkajs): idempotent batched producer, consumer groups committing after success.
import { dlqTopicName, type Retention } from '@netwatch/schemas';
import type kafkajs from 'kafkajs';
import { describeError, NetwatchError } from '../errors.js';
import { withTimeout } from '../timeout.js';
import { BaseBus, type BaseBusOptions, type JoinRequest, type Outgoing } from './base-bus.js';
import { encodeValue } from './codec.js';
import { type DeliveryContext, deliver } from './deliver.js';
import { createKafka, type KafkaConnection } from './kafka-client.js';
import { BatchingProducer, type ProducerSettings } from './kafka-producer.js';
import { TopicEnsurer, type TopicSettings } from './kafka-topics.js';
import type { MessageMeta, Subscription } from './types.js';

export interface KafkaBusOptions extends BaseBusOptions {
  readonly connection: KafkaConnection;
  readonly topics: TopicSettings;
  readonly producer?: ProducerSettings;
  /** Consumer session timeout; a member silent this long is removed from its group (default 30 s). */
  readonly sessionTimeoutMs?: number;
  /** How long subscribe() waits for the group to assign partitions (default 60 s). */
  readonly joinTimeoutMs?: number;
}

/**
 * The Kafka consumer group behind `subscribe(topic, group)`: one per topic. Each subscription is
 * its own kafkajs consumer on one topic; members of one Kafka group that subscribe to different
 * topics starve, because kafkajs's assigner only assigns the group leader's topics
 * (tulios/kafkajs#1679). The in-memory broker keys groups by name and topic in the same way.
 */
export function kafkaGroupId(group: string, topic: string): string {
  return `${group}.${topic}`;
}

export class KafkaBus extends BaseBus {
  readonly kind = 'kafka' as const;
  private readonly kafka: kafkajs.Kafka;
  private readonly admin: kafkajs.Admin;
  private readonly batching: BatchingProducer;
  private readonly topicsEnsurer: TopicEnsurer;
  private readonly subscriptions = new Set<Subscription>();
  private readonly retentionByName = new Map<string, Retention>();

  private constructor(private readonly options: KafkaBusOptions) {
    super(options);
    this.kafka = createKafka(options.connection, this.logger);
    this.admin = this.kafka.admin();
    // Idempotent + acks=all: a retried send never duplicates or reorders within a partition.
    this.topicsEnsurer = new TopicEnsurer(this.admin, options.topics);
    this.batching = new BatchingProducer(
      // Idempotent + acks=all: a retried send never duplicates or reorders within a partition.
      () => this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false }),
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
      await bus.batching.connect();
    } catch (cause) {
      await bus.admin.disconnect().catch(() => {});
      await bus.batching.disconnect().catch(() => {});
      throw new NetwatchError(
        'bus_unavailable',
        `cannot reach Kafka at ${options.connection.brokers.join(',')}: ${describeError(cause)}`,
        { cause },
      );
    }
    return bus;
  }

  protected send(message: Outgoing): void {
    if (message.retention !== 'delete') this.retentionByName.set(message.topic, message.retention);
    this.batching.enqueue(message.topic, message.label, {
      key: message.key,
      value: encodeValue(message.value),
      headers: message.headers,
    });
  }

  flush(timeoutMs?: number): Promise<void> {
    return this.batching.flush(timeoutMs);
  }

  protected async join({ topic, spec, group, options, context }: JoinRequest): Promise<Subscription> {
    await this.topicsEnsurer.ensure(topic, spec?.retention ?? 'delete');
    await this.topicsEnsurer.ensure(this.topicName(dlqTopicName(this.service)));
    const consumer = this.kafka.consumer({
      groupId: kafkaGroupId(group, topic),
      sessionTimeout: this.options.sessionTimeoutMs ?? 30_000,
      heartbeatInterval: Math.max(500, Math.floor((this.options.sessionTimeoutMs ?? 30_000) / 10)),
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: 100,
    });
    let stopping = false;
    let assignment: number[] = [];
    const ctx = context(() => stopping);
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
      await withTimeout(joined, this.options.joinTimeoutMs ?? 60_000, () =>
        new NetwatchError('timeout', `joining group ${group} on ${topic} took longer than ${this.options.joinTimeoutMs ?? 60_000} ms`),
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
    await this.batching.disconnect();
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
