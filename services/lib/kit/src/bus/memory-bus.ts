// The in-memory bus: one service's view of a MemoryBroker, honouring the same contract as Kafka.
import { BaseBus, type BaseBusOptions, type JoinRequest, type Outgoing } from './base-bus.js';
import { type DeliveryContext, deliver } from './deliver.js';
import type { GroupMember, MemoryBroker, MemoryGroup, MemoryPartition } from './memory-broker.js';
import type { MessageMeta, Subscription } from './types.js';

export interface MemoryBusOptions extends BaseBusOptions {
  readonly broker: MemoryBroker;
}

export class MemoryBus extends BaseBus {
  readonly kind = 'memory' as const;
  private readonly broker: MemoryBroker;
  private readonly subscriptions = new Set<MemorySubscription>();

  constructor(options: MemoryBusOptions) {
    super(options);
    this.broker = options.broker;
  }

  protected send(message: Outgoing): void {
    this.broker.append(message.topic, message.key, message.value, message.headers);
    this.sentCounter(message.label).inc();
  }

  /** Appends are synchronous, so everything published is already on the log. */
  async flush(): Promise<void> {}

  protected async join(request: JoinRequest): Promise<Subscription> {
    const state = this.broker.group(request.topic, request.group, request.options.fromBeginning ?? true);
    const subscription = new MemorySubscription(request.topic, request.group, state, request.context);
    this.subscriptions.add(subscription);
    await subscription.join();
    return {
      topic: request.topic,
      group: request.group,
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
