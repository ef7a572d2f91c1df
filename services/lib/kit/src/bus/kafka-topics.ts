// Creates netwatch's topics on first use with the configured partitions (auto-creation is off).

import type { Retention } from '@netwatch/schemas';
import type kafkajs from 'kafkajs';

export interface TopicSettings {
  readonly partitions: number;
  readonly replicationFactor: number;
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
      await this.admin.createTopics({
        waitForLeaders: true,
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
      // Another instance may have created it between our check and our request.
      if ((error as { type?: string }).type === 'TOPIC_ALREADY_EXISTS') return;
      const nested = (error as { errors?: Array<{ type?: string }> }).errors;
      if (nested?.every((e) => e.type === 'TOPIC_ALREADY_EXISTS')) return;
      throw error;
    }
  }
}
