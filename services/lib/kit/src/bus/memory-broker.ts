// The in-memory broker: partitioned topic logs and consumer groups with Kafka's semantics, in one process.
import { partitionFor } from './partitioner.js';
import type { PublishedRecord } from './types.js';

export interface MemoryEntry {
  readonly key: string | null;
  readonly value: unknown;
  readonly headers: Readonly<Record<string, string>>;
  readonly timestamp: number;
}

/** One partition's log: offsets start at 0 and only grow; the head is trimmed once consumed. */
export class MemoryPartition {
  /** Offset of entries[0]. */
  base = 0;
  entries: MemoryEntry[] = [];
  private waiters: Array<() => void> = [];

  get end(): number {
    return this.base + this.entries.length;
  }

  append(entry: MemoryEntry): number {
    this.entries.push(entry);
    if (this.waiters.length > 0) {
      const waiting = this.waiters;
      this.waiters = [];
      for (const wake of waiting) wake();
    }
    return this.end - 1;
  }

  at(offset: number): MemoryEntry | undefined {
    return this.entries[offset - this.base];
  }

  /** Resolves at the next append (or when `wakeAll` is called on close). */
  waitForAppend(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  wakeAll(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const wake of waiting) wake();
  }

  /** Drops entries below `offset`; returns how many went. */
  trimTo(offset: number): number {
    const drop = Math.min(Math.max(0, offset - this.base), this.entries.length);
    if (drop === 0) return 0;
    // splice is O(n); trimming in large steps keeps it amortised cheap.
    this.entries.splice(0, drop);
    this.base += drop;
    return drop;
  }
}

export class MemoryTopic {
  readonly partitions: MemoryPartition[];
  constructor(
    readonly name: string,
    partitionCount: number,
  ) {
    this.partitions = Array.from({ length: partitionCount }, () => new MemoryPartition());
  }
}

/** Committed offsets of one consumer group on one topic, and who is in it. */
export interface MemoryGroup {
  readonly topic: MemoryTopic;
  readonly committed: number[];
  /** Rebalances run one at a time per group. */
  rebalancing: Promise<void>;
  members: Set<GroupMember>;
  /** Messages being handled right now, for `idle()`. */
  inFlight: number;
}

export interface GroupMember {
  readonly joinedAt: number;
  /** Stops the member's partition runners and waits for them. */
  revoke(): Promise<void>;
  /** Starts runners for these partitions. */
  assign(partitions: readonly number[]): void;
}

export interface MemoryBrokerOptions {
  /** Partitions per topic (default 3, like the Kafka deployment). */
  readonly partitions?: number;
  /**
   * Most entries kept per partition before the oldest go even if a group has not consumed them
   * (like Kafka's retention); consumed entries go sooner. Default 50 000.
   */
  readonly retainPerPartition?: number;
}

export type PublishTap = (record: PublishedRecord) => void;

/** Shared by every service in one process: each service gets its own MemoryBus view over it. */
export class MemoryBroker {
  readonly partitionCount: number;
  readonly retainPerPartition: number;
  private readonly topics = new Map<string, MemoryTopic>();
  private readonly groups = new Map<string, MemoryGroup>();
  private readonly taps = new Set<PublishTap>();
  /** Entries dropped by retention before every group consumed them. */
  retentionDropped = 0;

  constructor(options: MemoryBrokerOptions = {}) {
    this.partitionCount = options.partitions ?? 3;
    this.retainPerPartition = options.retainPerPartition ?? 50_000;
    if (!Number.isInteger(this.partitionCount) || this.partitionCount < 1) {
      throw new RangeError('partitions must be a positive integer');
    }
  }

  topic(name: string): MemoryTopic {
    let topic = this.topics.get(name);
    if (topic === undefined) {
      topic = new MemoryTopic(name, this.partitionCount);
      this.topics.set(name, topic);
    }
    return topic;
  }

  topicNames(): string[] {
    return [...this.topics.keys()];
  }

  group(topicName: string, groupId: string, fromBeginning: boolean): MemoryGroup {
    const id = `${groupId}\u0000${topicName}`;
    let group = this.groups.get(id);
    if (group === undefined) {
      const topic = this.topic(topicName);
      group = {
        topic,
        committed: topic.partitions.map((p) => (fromBeginning ? p.base : p.end)),
        rebalancing: Promise.resolve(),
        members: new Set(),
        inFlight: 0,
      };
      this.groups.set(id, group);
    }
    return group;
  }

  /** Every message published on every topic, in publish order (the `--jsonl` window). */
  tap(listener: PublishTap): () => void {
    this.taps.add(listener);
    return () => this.taps.delete(listener);
  }

  append(
    topicName: string,
    key: string | null,
    value: unknown,
    headers: Record<string, string>,
  ): void {
    const topic = this.topic(topicName);
    const partition = topic.partitions[
      partitionFor(key, topic.partitions.length)
    ] as MemoryPartition;
    partition.append({ key, value, headers, timestamp: Date.now() });
    for (const tap of this.taps) tap({ topic: topicName, key, value });
    // Trim in steps of 4096 appends so the cost is amortised and consumed entries do not pile up.
    if ((partition.end & 4095) === 0) this.trim(topic);
  }

  /** Drops what every group has committed, and anything past the retention bound. */
  trim(topic: MemoryTopic): void {
    topic.partitions.forEach((partition, index) => {
      let lowest = partition.end;
      for (const group of this.groups.values()) {
        if (group.topic === topic) lowest = Math.min(lowest, group.committed[index] ?? lowest);
      }
      const retentionFloor = partition.end - this.retainPerPartition;
      if (retentionFloor > lowest)
        this.retentionDropped += retentionFloor - Math.max(lowest, partition.base);
      partition.trimTo(Math.max(lowest, retentionFloor));
    });
  }

  /** True when every group has handled everything published to its topic. */
  caughtUp(): boolean {
    for (const group of this.groups.values()) {
      if (group.members.size === 0) continue;
      if (group.inFlight > 0) return false;
      const partitions = group.topic.partitions;
      for (let i = 0; i < partitions.length; i++) {
        if ((group.committed[i] ?? 0) < (partitions[i] as MemoryPartition).end) return false;
      }
    }
    return true;
  }

  /** Resolves once every group with members has caught up: replay uses it for backpressure. */
  async idle(): Promise<void> {
    while (!this.caughtUp()) await new Promise((resolve) => setImmediate(resolve));
  }
}
