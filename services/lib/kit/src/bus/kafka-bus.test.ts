// The bus contract against a real Kafka broker (started by scripts/dev/infra.sh), plus Kafka-only behaviour.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import { defineTopic } from '@netwatch/schemas';
import kafkajs from 'kafkajs';
import { z } from 'zod';
import { NetwatchError } from '../errors.js';
import { createMetrics } from '../metrics.js';
import { busContract } from '../testing/bus-contract.js';
import { waitFor } from '../testing/wait.js';
import { testInfra } from '../testing/infra.js';
import { KafkaBus } from './kafka-bus.js';

const infra = testInfra();
const partitions = 3;

busContract({
  name: 'kafka',
  partitions,
  waitMs: 45_000,
  create: (service, prefix, metrics) =>
    KafkaBus.connect({
      service,
      connection: { brokers: infra.kafkaBrokers, clientId: `contract-${service}` },
      topics: { partitions, replicationFactor: 1 },
      topicPrefix: prefix,
      // The broker's minimum; the slow-consumer test outlasts it to prove heartbeats keep membership.
      sessionTimeoutMs: 6_000,
      metrics: metrics.bus,
    }),
});

const compacted = defineTopic({
  name: 'netwatch.kafka-test.compacted.v1',
  schema: z.looseObject({ id: z.string() }),
  key: (e) => e.id,
  keyRule: 'id',
  retention: 'compact',
  description: 'test',
});

describe('kafka bus specifics', { timeout: 60_000 }, () => {
  it('fails fast with bus_unavailable when no broker answers', async () => {
    const started = Date.now();
    await assert.rejects(
      KafkaBus.connect({
        service: 'nobody',
        connection: { brokers: ['127.0.0.1:1'], clientId: 'nobody', connectionTimeoutMs: 500 },
        topics: { partitions: 1, replicationFactor: 1 },
      }),
      (error: unknown) =>
        error instanceof NetwatchError &&
        error.code === 'bus_unavailable' &&
        /127\.0\.0\.1:1/.test(error.message),
    );
    assert.ok(Date.now() - started < 30_000);
  });

  it('creates topics with the configured partitions and compaction, and gzip-compresses batches', async () => {
    const prefix = `k${randomUUID().slice(0, 8)}.`;
    const metrics = createMetrics('spec', { processMetrics: false });
    const bus = await KafkaBus.connect({
      service: 'spec',
      connection: { brokers: infra.kafkaBrokers, clientId: 'spec' },
      topics: { partitions, replicationFactor: 1 },
      topicPrefix: prefix,
      metrics: metrics.bus,
    });
    try {
      for (let i = 0; i < 10; i++) bus.publish(compacted, { id: `ioc-${i}` });
      await bus.flush();
      const admin = new kafkajs.Kafka({
        brokers: infra.kafkaBrokers,
        logLevel: kafkajs.logLevel.NOTHING,
      }).admin();
      await admin.connect();
      try {
        const name = `${prefix}${compacted.name}`;
        const meta = await admin.fetchTopicMetadata({ topics: [name] });
        assert.equal(meta.topics[0]?.partitions.length, partitions);
        const configs = await admin.describeConfigs({
          includeSynonyms: false,
          resources: [{ type: kafkajs.ConfigResourceTypes.TOPIC, name }],
        });
        const policy = configs.resources[0]?.configEntries.find(
          (e) => e.configName === 'cleanup.policy',
        );
        assert.equal(policy?.configValue, 'compact');
        const offsets = await admin.fetchTopicOffsets(name);
        assert.equal(
          offsets.reduce((sum, p) => sum + Number(p.high), 0),
          10,
        );
      } finally {
        await admin.disconnect();
      }
      const sent = await metrics.registry.getSingleMetric('netwatch_events_sent_total')?.get();
      assert.equal(sent?.values.find((v) => v.labels.topic === compacted.name)?.value, 10);
    } finally {
      await bus.close();
    }
  });

  it('splits a batch the broker refuses as too large, and drops (counting) one event that can never fit', async () => {
    const prefix = `big${randomUUID().slice(0, 8)}.`;
    const metrics = createMetrics('big', { processMetrics: false });
    const bus = await KafkaBus.connect({
      service: 'big',
      connection: { brokers: infra.kafkaBrokers, clientId: 'big' },
      topics: { partitions, replicationFactor: 1 },
      topicPrefix: prefix,
      // Uncompressed, all in one partition, in one 4 MiB send: four times the broker's 1 MB limit.
      producer: { compression: 'none', batchMaxBytes: 4 * 1024 * 1024 },
      metrics: metrics.bus,
    });
    try {
      const pad = 'x'.repeat(1000);
      for (let i = 0; i < 2000; i++) bus.publish(compacted, { id: 'one-key', pad, i });
      bus.publishRaw(compacted.name, 'huge', { id: 'huge', pad: 'y'.repeat(1_500_000) });
      bus.publish(compacted, { id: 'after-the-huge-one' });
      await bus.flush(30_000);
      // A refused request may have been accepted for other partitions; the retry is at-least-once,
      // so check that every event arrived rather than an exact count.
      const seen = new Set<string>();
      const sub = await bus.subscribe(compacted, 'reader', (e) => void seen.add(`${e.id}:${String(e.i ?? '')}`));
      await waitFor(() => seen.size >= 2001, 30_000, 'every event that fits');
      await sub.close();
      for (let i = 0; i < 2000; i++) assert.ok(seen.has(`one-key:${i}`), `event ${i}`);
      assert.ok(seen.has('after-the-huge-one:'), 'the event after the huge one');
      assert.ok(!seen.has('huge:'), 'the huge one was not written');
      const discarded = await metrics.registry.getSingleMetric('netwatch_events_discarded_total')?.get();
      assert.equal(discarded?.values.find((v) => v.labels.reason === 'too_large')?.value, 1);
    } finally {
      await bus.close();
    }
  });
});
