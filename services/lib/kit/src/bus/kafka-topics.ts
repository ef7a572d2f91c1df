// Creates netwatch's topics on first use with the configured partitions (auto-creation is off).

import type { Retention } from '@netwatch/schemas';
import type kafkajs from 'kafkajs';

export interface TopicSettings {
  readonly partitions: number;
  readonly replicationFactor: number;
}

/** How long a topic another client just created may take to get its partition leaders. */
const LEADER_WAIT_MS = 30_000;

/** The protocol error's type, also when kafkajs wraps it after running out of retries. */
function kafkaErrorType(error: unknown): string | undefined {
  const e = error as { type?: string; originalError?: { type?: string } };
  return e.type ?? e.originalError?.type;
}

export class TopicEnsurer {
  private readonly known = new Map<string, Promise<void>>();

  constructor(
    private readonly admin: kafkajs.Admin,
    private readonly settings: TopicSettings,
  ) {}

  /** Creates the topic unless it exists; concurrent callers share one request per topic. */
  ensure(name: string, retention: Retention = 'delete'): Promise<void> {
    let pending = this.known.get(name);
    if (pending === undefined) {
      pending = this.create(name, retention).catch((error: unknown) => {
        this.known.delete(name);
        throw error;
      });
      this.known.set(name, pending);
    }
    return pending;
  }

  private async create(name: string, retention: Retention): Promise<void> {
    try {
      // Resolves false, without an error, when the topic already exists.
      await this.admin.createTopics({
        // kafkajs's own wait retries only LEADER_NOT_AVAILABLE; a KRaft broker may first answer
        // UNKNOWN_TOPIC_OR_PARTITION for a topic its controller has just created, so we wait ourselves.
        waitForLeaders: false,
        topics: [
          {
            topic: name,
            numPartitions: this.settings.partitions,
            replicationFactor: this.settings.replicationFactor,
            configEntries: [{ name: 'cleanup.policy', value: retention }],
          },
        ],
      });
    } catch (error) {
      if (kafkaErrorType(error) !== 'TOPIC_ALREADY_EXISTS') throw error;
    }
    // Whether we or another instance created it a moment ago, a subscriber starting before its
    // leaders are elected fails with UNKNOWN_TOPIC_OR_PARTITION (seen when compose starts every
    // service at once on a fresh Kafka).
    await this.waitForLeaders(name);
  }

  private async waitForLeaders(name: string): Promise<void> {
    const deadline = Date.now() + LEADER_WAIT_MS;
    for (let delay = 50; ; delay = Math.min(delay * 2, 1000)) {
      try {
        const metadata = await this.admin.fetchTopicMetadata({ topics: [name] });
        const partitions = metadata.topics[0]?.partitions ?? [];
        if (partitions.length > 0 && partitions.every((p) => p.leader >= 0)) return;
      } catch (error) {
        if (kafkaErrorType(error) !== 'UNKNOWN_TOPIC_OR_PARTITION') throw error;
      }
      if (Date.now() > deadline) {
        throw new Error(`topic ${name} exists but has no leader for every partition after ${String(LEADER_WAIT_MS)} ms`);
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
