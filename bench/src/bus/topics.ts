// Bench topics and groups on the shared broker: one unique prefix per run, all deleted at the end.
import { randomBytes } from 'node:crypto';
import kafkajs from 'kafkajs';

export const PARTITIONS = 3;

export class BenchTopics {
  /** `bench.<random>.`: nothing else on the broker starts with it. */
  readonly prefix = `bench.${randomBytes(4).toString('hex')}.`;
  private readonly admin: kafkajs.Admin;
  private readonly groups = new Set<string>();

  constructor(broker: string) {
    const kafka = new kafkajs.Kafka({
      brokers: [broker],
      clientId: 'netwatch-bench-admin',
      logLevel: kafkajs.logLevel.NOTHING,
    });
    this.admin = kafka.admin();
  }

  connect(): Promise<void> {
    return this.admin.connect();
  }

  /** Creates `<prefix><name>` with 3 partitions, RF 1, and returns its full name. */
  async create(name: string): Promise<string> {
    const topic = this.prefix + name;
    await this.admin.createTopics({
      waitForLeaders: true,
      topics: [{ topic, numPartitions: PARTITIONS, replicationFactor: 1 }],
    });
    return topic;
  }

  /** A consumer group id under the prefix, remembered for deletion. */
  group(name: string): string {
    const id = this.prefix + name;
    this.groups.add(id);
    return id;
  }

  /** Deletes every topic with this run's prefix and every group it handed out. */
  async cleanUp(): Promise<string[]> {
    const ours = (await this.admin.listTopics()).filter((t) => t.startsWith(this.prefix));
    if (ours.length > 0) await this.admin.deleteTopics({ topics: ours, timeout: 10_000 });
    if (this.groups.size > 0) await this.admin.deleteGroups([...this.groups]).catch(() => {});
    await this.admin.disconnect();
    return ours;
  }
}
