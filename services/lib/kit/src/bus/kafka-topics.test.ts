// Two services creating the same topics at once on a real broker: whichever loses the race still waits until the topic is usable.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import kafkajs from 'kafkajs';
import { testInfra } from '../testing/infra.js';
import { TopicEnsurer } from './kafka-topics.js';

const PARTITIONS = 6;

describe('TopicEnsurer racing another instance', { timeout: 90_000 }, () => {
  const kafka = new kafkajs.Kafka({ brokers: testInfra().kafkaBrokers, clientId: 'topics-test',
    logLevel: kafkajs.logLevel.NOTHING });
  const admins = [kafka.admin(), kafka.admin(), kafka.admin()];

  before(() => Promise.all(admins.map((a) => a.connect())));
  after(() => Promise.all(admins.map((a) => a.disconnect())));

  it('resolves only once every partition has a leader, whoever created the topic', async () => {
    const ensurers = admins.map((admin) => new TopicEnsurer(admin, { partitions: PARTITIONS, replicationFactor: 1 }));
    const topics = Array.from({ length: 30 }, (_, i) => `test.race.${randomUUID()}.${String(i)}`);
    await Promise.all(topics.flatMap((topic) => ensurers.map(async (ensurer, i) => {
      await ensurer.ensure(topic);
      // Straight after ensure, as a subscriber would: a client asking for this topic alone (kafkajs
      // refreshes every topic a client knows at once, so a shared one would see the others in flight).
      const probe = kafka.admin();
      await probe.connect();
      try {
        const metadata = await probe.fetchTopicMetadata({ topics: [topic] });
        const partitions = metadata.topics[0]?.partitions ?? [];
        assert.equal(partitions.length, PARTITIONS, `${topic} (ensurer ${String(i)})`);
        assert.ok(partitions.every((p) => p.leader >= 0), `${topic}: every partition has a leader`);
      } catch (error) {
        throw new Error(`${topic} ensurer ${String(i)}: ${String(error)} ${String((error as Error).stack)}`);
      } finally {
        await probe.disconnect();
      }
    })));
  });
});
