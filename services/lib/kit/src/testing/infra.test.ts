// Proves the real Kafka, Redis and Neo4j started by scripts/dev/infra.sh answer (fails, never skips, when they are not up).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { Redis } from 'ioredis';
import kafkajs from 'kafkajs';
import neo4j from 'neo4j-driver';
import { testInfra } from './infra.js';

const { Kafka, logLevel } = kafkajs;
const unique = (prefix: string): string => `${prefix}-${process.pid}-${randomUUID()}`;

describe('testInfra()', () => {
  test('throws a hint when a variable is missing', () => {
    assert.throws(
      () => testInfra({ NETWATCH_TEST_REDIS_URL: 'redis://127.0.0.1:1' }),
      /NETWATCH_TEST_KAFKA_BROKERS.*run scripts\/dev\/infra\.sh up \(or npm test\) first/,
    );
    assert.throws(
      () =>
        testInfra({ NETWATCH_TEST_KAFKA_BROKERS: 'a:1', NETWATCH_TEST_REDIS_URL: 'redis://b:2' }),
      /NETWATCH_TEST_NEO4J_URL/,
    );
  });

  test('parses brokers and optional Neo4j auth', () => {
    const infra = testInfra({
      NETWATCH_TEST_KAFKA_BROKERS: '127.0.0.1:1, 127.0.0.1:2',
      NETWATCH_TEST_REDIS_URL: 'redis://127.0.0.1:3',
      NETWATCH_TEST_NEO4J_URL: 'bolt://127.0.0.1:4',
    });
    assert.deepEqual(infra, {
      kafkaBrokers: ['127.0.0.1:1', '127.0.0.1:2'],
      redisUrl: 'redis://127.0.0.1:3',
      neo4jUrl: 'bolt://127.0.0.1:4',
      neo4jAuth: null,
    });
  });
});

describe('real infrastructure answers', () => {
  test('Kafka: one broker; create, list and delete a 3-partition topic', {
    timeout: 60_000,
  }, async () => {
    const { kafkaBrokers } = testInfra();
    const kafka = new Kafka({
      clientId: 'netwatch-infra-test',
      brokers: kafkaBrokers,
      logLevel: logLevel.ERROR,
      connectionTimeout: 5_000,
      retry: { retries: 3 },
    });
    const admin = kafka.admin();
    const topic = unique('netwatch-infra-test');
    await admin.connect();
    try {
      const cluster = await admin.describeCluster();
      assert.equal(cluster.brokers.length, 1);
      assert.equal(`${cluster.brokers[0]?.host}:${cluster.brokers[0]?.port}`, kafkaBrokers[0]);

      const created = await admin.createTopics({
        topics: [{ topic, numPartitions: 3, replicationFactor: 1 }],
        waitForLeaders: true,
      });
      assert.equal(created, true);
      assert.ok((await admin.listTopics()).includes(topic), `${topic} is listed`);
      const meta = await admin.fetchTopicMetadata({ topics: [topic] });
      assert.equal(meta.topics[0]?.partitions.length, 3);

      await admin.deleteTopics({ topics: [topic], timeout: 10_000 });
      // Deletion is asynchronous in the controller; wait (bounded) until the topic is gone.
      const deadline = Date.now() + 15_000;
      while ((await admin.listTopics()).includes(topic)) {
        assert.ok(Date.now() < deadline, `${topic} still listed 15 s after delete`);
        await new Promise((r) => setTimeout(r, 200));
      }
    } finally {
      await admin.disconnect();
    }
  });

  test('Redis: PING, SET/GET round trip, DEL', { timeout: 20_000 }, async () => {
    const { redisUrl } = testInfra();
    const redis = new Redis(redisUrl, {
      lazyConnect: true,
      connectTimeout: 5_000,
      maxRetriesPerRequest: 1,
      retryStrategy: () => null,
    });
    const key = unique('netwatch:infra-test');
    try {
      await redis.connect();
      assert.equal(await redis.ping(), 'PONG');
      assert.equal(await redis.set(key, 'hello', 'EX', 60), 'OK');
      assert.equal(await redis.get(key), 'hello');
      assert.equal(await redis.del(key), 1);
      assert.equal(await redis.get(key), null);
    } finally {
      redis.disconnect();
    }
  });

  test('Neo4j: RETURN 1; create, read back and delete a node', { timeout: 30_000 }, async () => {
    const { neo4jUrl, neo4jAuth } = testInfra();
    const driver = neo4j.driver(
      neo4jUrl,
      neo4jAuth ? neo4j.auth.basic(neo4jAuth.user, neo4jAuth.password) : undefined,
      { connectionTimeout: 5_000, maxConnectionPoolSize: 2 },
    );
    const id = unique('infra-test');
    try {
      await driver.verifyConnectivity();
      const one = await driver.executeQuery('RETURN 1 AS one');
      assert.equal(one.records[0]?.get('one').toNumber(), 1);

      await driver.executeQuery('CREATE (:NetwatchInfraTest {id: $id, n: 42})', { id });
      const read = await driver.executeQuery(
        'MATCH (t:NetwatchInfraTest {id: $id}) RETURN t.n AS n',
        { id },
        { routing: neo4j.routing.READ },
      );
      assert.equal(read.records.length, 1);
      assert.equal(read.records[0]?.get('n').toNumber(), 42);

      const del = await driver.executeQuery('MATCH (t:NetwatchInfraTest {id: $id}) DELETE t', {
        id,
      });
      assert.equal(del.summary.counters.updates().nodesDeleted, 1);
    } finally {
      await driver.close();
    }
  });
});
