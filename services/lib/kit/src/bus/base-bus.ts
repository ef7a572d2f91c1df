// What both buses share: topic naming, key rules, the publish/subscribe front, and the delivery context.
import { dlqTopicName, type Retention, type TopicSpec } from '@netwatch/schemas';
import type { z } from 'zod';
import { type Logger, silentLogger } from '../log.js';
import { type BusMetrics, createMetrics } from '../metrics.js';
import { deadLetterHeaders } from './dead-letter.js';
import { bindPerMessageMetrics, type DeliveryContext } from './deliver.js';
import type { Bus, Handler, RawHandler, SubscribeOptions, Subscription } from './types.js';

export interface BaseBusOptions {
  readonly service: string;
  readonly topicPrefix?: string;
  readonly metrics?: BusMetrics;
  readonly logger?: Logger;
}

/** A message on its way out: full topic name, the registry name for metric labels, retention. */
export interface Outgoing {
  readonly topic: string;
  readonly label: string;
  readonly retention: Retention;
  readonly key: string | null;
  readonly value: Buffer | string | object;
  readonly headers: Record<string, string>;
}

/** What a subscription needs from the bus that opened it. */
export interface JoinRequest {
  readonly topic: string;
  readonly spec: TopicSpec | null;
  readonly group: string;
  readonly options: SubscribeOptions;
  /** Builds the per-message delivery context; `stopping` tells it when the member is closing. */
  readonly context: (stopping: () => boolean) => DeliveryContext;
}

export abstract class BaseBus implements Bus {
  abstract readonly kind: 'memory' | 'kafka';
  readonly service: string;
  protected readonly prefix: string;
  protected readonly metrics: BusMetrics;
  protected readonly logger: Logger;
  protected closed = false;

  constructor(options: BaseBusOptions) {
    this.service = options.service;
    this.prefix = options.topicPrefix ?? '';
    this.metrics = options.metrics ?? createMetrics(options.service, { processMetrics: false }).bus;
    this.logger = options.logger ?? silentLogger();
  }

  topicName(name: string): string {
    return this.prefix + name;
  }

  publish<S extends z.ZodType>(topic: TopicSpec<S>, event: z.infer<S>): void {
    this.checkOpen();
    const message = { topic: this.topicName(topic.name), label: topic.name, retention: topic.retention };
    this.send({ ...message, key: topic.key(event), value: event as object, headers: {} });
  }

  publishRaw(
    topicName: string,
    key: string | null,
    value: Buffer | string | object,
    headers: Record<string, string> = {},
  ): void {
    this.checkOpen();
    this.send({ topic: this.topicName(topicName), label: topicName, retention: 'delete', key, value, headers });
  }

  subscribe<S extends z.ZodType>(
    topic: TopicSpec<S>,
    group: string,
    handler: Handler<z.infer<S>>,
    options: SubscribeOptions = {},
  ): Promise<Subscription> {
    return this.openJoin(topic.name, topic, group, handler as Handler<unknown>, options);
  }

  subscribeRaw(
    topicName: string,
    group: string,
    handler: RawHandler,
    options: SubscribeOptions = {},
  ): Promise<Subscription> {
    return this.openJoin(topicName, null, group, handler, options);
  }

  private openJoin(
    name: string,
    spec: TopicSpec | null,
    group: string,
    handler: Handler<unknown> | RawHandler,
    options: SubscribeOptions,
  ): Promise<Subscription> {
    this.checkOpen();
    const perMessage = bindPerMessageMetrics(this.metrics, name, group);
    const context = (stopping: () => boolean): DeliveryContext => ({
      spec,
      handler,
      options,
      metrics: this.metrics,
      perMessage,
      topicLabel: name,
      logger: this.logger,
      group,
      stopping,
      deadLetter: (raw, meta, reason, error) => {
        const headers = deadLetterHeaders(meta, reason, error, this.service, group);
        this.publishRaw(dlqTopicName(this.service), meta.key, raw as object, headers);
      },
    });
    return this.join({ topic: this.topicName(name), spec, group, options, context });
  }

  private readonly sentByLabel = new Map<string, { inc(n?: number): void }>();

  /** `netwatch_events_sent_total` for a topic, bound once per topic rather than per event. */
  protected sentCounter(label: string): { inc(n?: number): void } {
    let counter = this.sentByLabel.get(label);
    if (counter === undefined) {
      counter = this.metrics.sent.labels({ topic: label });
      this.sentByLabel.set(label, counter);
    }
    return counter;
  }

  private checkOpen(): void {
    if (this.closed) throw new Error(`bus for ${this.service} is closed`);
  }

  /** Hands one message to the implementation (append, or queue for a Kafka batch). */
  protected abstract send(message: Outgoing): void;
  /** Joins a consumer group; resolves once the member is in the group. */
  protected abstract join(request: JoinRequest): Promise<Subscription>;
  abstract flush(timeoutMs?: number): Promise<void>;
  abstract close(): Promise<void>;
}
