// The in-memory bus: one service's view of a MemoryBroker, honouring the same contract as Kafka.
import { dlqTopicName, type TopicSpec } from '@netwatch/schemas';
import type { z } from 'zod';
import { type Logger, silentLogger } from '../log.js';
import { type BusMetrics, createMetrics } from '../metrics.js';
import { deadLetterHeaders } from './dead-letter.js';
import { type DeliveryContext, deliver } from './deliver.js';
import type { GroupMember, MemoryBroker, MemoryGroup, MemoryPartition } from './memory-broker.js';
import type {
  Bus,
  Handler,
  MessageMeta,
  RawHandler,
  SubscribeOptions,
  Subscription,
} from './types.js';

export interface MemoryBusOptions {
  readonly broker: MemoryBroker;
  readonly service: string;
  readonly topicPrefix?: string;
  readonly metrics?: BusMetrics;
  readonly logger?: Logger;
}

export class MemoryBus implements Bus {
  readonly kind = 'memory' as const;
  readonly service: string;
  private readonly broker: MemoryBroker;
  private readonly prefix: string;
  private readonly metrics: BusMetrics;
  private readonly logger: Logger;
  private readonly subscriptions = new Set<MemorySubscription>();
  private closed = false;

  constructor(options: MemoryBusOptions) {
    this.broker = options.broker;
    this.service = options.service;
    this.prefix = options.topicPrefix ?? '';
    this.metrics = options.metrics ?? createMetrics(options.service, { processMetrics: false }).bus;
    this.logger = options.logger ?? silentLogger();
  }

  topicName(name: string): string {
    return this.prefix + name;
  }

  publish<S extends z.ZodType>(topic: TopicSpec<S>, event: z.infer<S>): void {
    this.append(this.topicName(topic.name), topic.key(event), event, {}, topic.name);
  }

  publishRaw(
    topicName: string,
    key: string | null,
    value: Buffer | string | object,
    headers: Record<string, string> = {},
  ): void {
    this.append(this.topicName(topicName), key, value, headers, topicName);
  }

  private append(
    fullName: string,
    key: string | null,
    value: unknown,
    headers: Record<string, string>,
    label: string,
  ): void {
    if (this.closed) throw new Error(`bus for ${this.service} is closed`);
    this.broker.append(fullName, key, value, headers);
    this.metrics.sent.inc({ topic: label });
  }

  /** Appends are synchronous, so everything published is already on the log. */
  async flush(): Promise<void> {}

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
    if (this.closed) throw new Error(`bus for ${this.service} is closed`);
    const fullName = this.topicName(name);
    const state = this.broker.group(fullName, group, options.fromBeginning ?? true);
    const subscription = new MemorySubscription(fullName, group, state, (stopping) => ({
      spec,
      handler,
      options,
      metrics: this.metrics,
      logger: this.logger,
      group,
      stopping,
      deadLetter: (raw, meta, reason, error) =>
        this.publishRaw(
          dlqTopicName(this.service),
          meta.key,
          raw as object,
          deadLetterHeaders(meta, reason, error, this.service, group),
        ),
    }));
    this.subscriptions.add(subscription);
    await subscription.join();
    return {
      topic: fullName,
      group,
      assignment: () => subscription.assignment(),
      close: async () => {
        this.subscriptions.delete(subscription);
        await subscription.leave();
      },
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.leave()));
    this.subscriptions.clear();
  }
}

/** One member of a group: owns some partitions and runs one delivery loop per partition. */
class MemorySubscription implements GroupMember {
  readonly joinedAt = performance.now();
  private runners: PartitionRunner[] = [];
  private left = false;

  constructor(
    readonly topic: string,
    readonly group: string,
    private readonly state: MemoryGroup,
    private readonly context: (stopping: () => boolean) => DeliveryContext,
  ) {}

  assignment(): readonly number[] {
    return this.runners.map((r) => r.partition);
  }

  async join(): Promise<void> {
    this.state.members.add(this);
    await this.rebalance();
  }

  async leave(): Promise<void> {
    if (this.left) return;
    this.left = true;
    this.state.members.delete(this);
    await this.rebalance();
    await this.revoke();
  }

  /** Stops every member, then hands partitions out in join order (Kafka's range-like spread). */
  private rebalance(): Promise<void> {
    const state = this.state;
    state.rebalancing = state.rebalancing.then(async () => {
      const members = [...state.members].sort((a, b) => a.joinedAt - b.joinedAt);
      await Promise.all(members.map((m) => m.revoke()));
      const count = state.topic.partitions.length;
      members.forEach((member, index) => {
        const owned: number[] = [];
        for (let p = index; p < count; p += members.length) owned.push(p);
        member.assign(owned);
      });
    });
    return state.rebalancing;
  }

  async revoke(): Promise<void> {
    const runners = this.runners;
    this.runners = [];
    await Promise.all(runners.map((r) => r.stop()));
  }

  assign(partitions: readonly number[]): void {
    if (this.left) return;
    this.runners = partitions.map((p) => {
      const runner = new PartitionRunner(this.topic, p, this.state, this.context);
      runner.start();
      return runner;
    });
  }
}

/** Delivers one partition's messages in order, committing each after its handler succeeded. */
class PartitionRunner {
  private stopped = false;
  private done: Promise<void> = Promise.resolve();
  private readonly log: MemoryPartition;
  private readonly ctx: DeliveryContext;

  constructor(
    private readonly topic: string,
    readonly partition: number,
    private readonly state: MemoryGroup,
    context: (stopping: () => boolean) => DeliveryContext,
  ) {
    this.log = state.topic.partitions[partition] as MemoryPartition;
    this.ctx = context(() => this.stopped);
  }

  start(): void {
    this.done = this.loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.log.wakeAll();
    await this.done;
  }

  private async loop(): Promise<void> {
    try {
      await this.deliverUntilStopped();
    } catch (error) {
      // deliver() contains handler failures; reaching here is a bug in the bus itself.
      this.ctx.logger.error(
        { err: error, topic: this.topic, partition: this.partition },
        'partition runner failed',
      );
    }
  }

  private async deliverUntilStopped(): Promise<void> {
    const committed = this.state.committed;
    let sinceYield = 0;
    while (!this.stopped) {
      // A long backlog of synchronous handlers must not starve timers and sockets.
      if (++sinceYield === 1024) {
        sinceYield = 0;
        await new Promise((resolve) => setImmediate(resolve));
        continue;
      }
      let offset = committed[this.partition] ?? 0;
      if (offset < this.log.base) offset = committed[this.partition] = this.log.base;
      const entry = this.log.at(offset);
      if (entry === undefined) {
        await this.log.waitForAppend();
        continue;
      }
      const meta: MessageMeta = {
        topic: this.topic,
        partition: this.partition,
        offset: String(offset),
        key: entry.key,
        timestamp: entry.timestamp,
        headers: entry.headers,
      };
      this.state.inFlight++;
      try {
        const outcome = await deliver(this.ctx, entry.value, meta);
        if (outcome === 'abandoned') return;
        // Commit: in memory the handler's own publishes are already appended, so no flush needed.
        committed[this.partition] = offset + 1;
      } finally {
        this.state.inFlight--;
      }
    }
  }
}
