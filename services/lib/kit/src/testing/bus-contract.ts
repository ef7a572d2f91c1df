// The bus contract suite: the same tests run against the in-memory bus and a real Kafka broker.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { defineTopic, dlqTopicName } from '@netwatch/schemas';
import { z } from 'zod';
import { deadLetterHeader } from '../bus/dead-letter.js';
import type { Bus, MessageMeta, Subscription } from '../bus/types.js';
import { createMetrics, type Metrics } from '../metrics.js';
import { sleep, waitFor } from './wait.js';

export interface BusFactory {
  readonly name: string;
  /** A bus for `service` whose topics all carry `prefix`, so tests never see each other's data. */
  create(service: string, prefix: string, metrics: Metrics): Promise<Bus>;
  /** Partitions per topic the factory's buses create. */
  readonly partitions: number;
  /** Upper bound for one wait in this implementation (Kafka group joins take seconds). */
  readonly waitMs: number;
}

/** A tiny topic private to the suite, so the contract does not depend on netwatch's event schemas. */
const testTopic = defineTopic({
  name: 'netwatch.contract.v1',
  schema: z.looseObject({
    key: z.string(),
    seq: z.number().int().nonnegative(),
    pad: z.string().optional(),
  }),
  key: (event) => event.key,
  keyRule: 'the key field',
  retention: 'delete',
  description: 'bus contract suite',
});
type TestEvent = z.infer<typeof testTopic.schema>;

interface Seen {
  readonly event: TestEvent;
  readonly meta: MessageMeta;
}

export function busContract(factory: BusFactory): void {
  describe(`bus contract: ${factory.name}`, { timeout: 180_000 }, () => {
    const open: Array<Bus | Subscription> = [];
    const track = <T extends Bus | Subscription>(x: T): T => {
      open.push(x);
      return x;
    };
    after(async () => {
      for (const x of open.reverse()) await x.close().catch(() => {});
    });
    const newBus = async (service = 'contract') => {
      const metrics = createMetrics(service, { processMetrics: false });
      const bus = track(await factory.create(service, `t${randomUUID().slice(0, 8)}.`, metrics));
      return { bus, metrics };
    };
    const collector = (into: Seen[]) => (event: TestEvent, meta: MessageMeta) => {
      into.push({ event, meta });
    };

    it('keeps the order of messages with the same key', async () => {
      const { bus } = await newBus();
      const seen: Seen[] = [];
      track(await bus.subscribe(testTopic, 'order', collector(seen)));
      for (let seq = 0; seq < 100; seq++)
        for (let k = 0; k < 10; k++) bus.publish(testTopic, { key: `host-${k}`, seq });
      await bus.flush();
      await waitFor(() => seen.length >= 1000, factory.waitMs, '1000 messages');
      for (let k = 0; k < 10; k++) {
        const seqs = seen.filter((s) => s.event.key === `host-${k}`).map((s) => s.event.seq);
        assert.deepEqual(
          seqs,
          Array.from({ length: 100 }, (_, i) => i),
          `order of host-${k}`,
        );
        const partitions = new Set(
          seen.filter((s) => s.event.key === `host-${k}`).map((s) => s.meta.partition),
        );
        assert.equal(partitions.size, 1, `host-${k} stays in one partition`);
      }
    });

    it('shares partitions among the members of a group and delivers each message once', async () => {
      const { bus } = await newBus();
      const a: Seen[] = [];
      const b: Seen[] = [];
      const subA = track(await bus.subscribe(testTopic, 'shared', collector(a)));
      const subB = track(await bus.subscribe(testTopic, 'shared', collector(b)));
      await waitFor(
        () =>
          subA.assignment().length > 0 &&
          subB.assignment().length > 0 &&
          subA.assignment().length + subB.assignment().length === factory.partitions,
        factory.waitMs,
        'both members to own partitions',
      );
      const overlap = subA.assignment().filter((p) => subB.assignment().includes(p));
      assert.deepEqual(overlap, [], 'no partition owned twice');
      for (let i = 0; i < 300; i++) bus.publish(testTopic, { key: `k${i % 30}`, seq: i });
      await bus.flush();
      await waitFor(
        () => a.length + b.length >= 300,
        factory.waitMs,
        '300 messages across the group',
      );
      await sleep(200);
      const all = [...a, ...b].map((s) => s.event.seq).sort((x, y) => x - y);
      assert.deepEqual(
        all,
        Array.from({ length: 300 }, (_, i) => i),
        'each message exactly once',
      );
      assert.ok(
        a.length > 0 && b.length > 0,
        `both members got work (a=${a.length}, b=${b.length})`,
      );
      const keysA = new Set(a.map((s) => s.event.key));
      assert.ok(
        b.every((s) => !keysA.has(s.event.key)),
        'a key is handled by one member',
      );
    });

    it('gives every group its own copy of the stream', async () => {
      const { bus } = await newBus();
      const one: Seen[] = [];
      const two: Seen[] = [];
      track(await bus.subscribe(testTopic, 'group-one', collector(one)));
      track(await bus.subscribe(testTopic, 'group-two', collector(two)));
      for (let i = 0; i < 50; i++) bus.publish(testTopic, { key: `k${i % 5}`, seq: i });
      await bus.flush();
      await waitFor(() => one.length >= 50 && two.length >= 50, factory.waitMs, 'both groups');
      assert.equal(one.length, 50);
      assert.equal(two.length, 50);
    });

    it('lets one group name consume several topics, each subscription getting its own topic', async () => {
      // A service such as enrich subscribes to several topics under one name. kafkajs's assigner
      // only hands out the leader's topics (tulios/kafkajs#1679): the bus must not share a Kafka group.
      const { bus } = await newBus();
      const other = defineTopic({ ...testTopic, name: 'netwatch.contract-other.v1' });
      const first: Seen[] = [];
      const second: Seen[] = [];
      track(await bus.subscribe(testTopic, 'shared', collector(first)));
      track(await bus.subscribe(other, 'shared', collector(second)));
      for (let i = 0; i < 20; i++) {
        bus.publish(testTopic, { key: `k${i % 4}`, seq: i });
        bus.publish(other, { key: `k${i % 4}`, seq: 100 + i });
      }
      await bus.flush();
      await waitFor(() => first.length >= 20 && second.length >= 20, factory.waitMs, 'both topics');
      const seqs = (seen: Seen[]) => seen.map((s) => s.event.seq).sort((a, b) => a - b);
      assert.deepEqual(seqs(first), Array.from({ length: 20 }, (_, i) => i));
      assert.deepEqual(seqs(second), Array.from({ length: 20 }, (_, i) => 100 + i));
    });

    it('redelivers what was not committed when a consumer stops and another takes over', async () => {
      const { bus } = await newBus();
      const first: number[] = [];
      let attemptsOn50 = 0;
      const subA = await bus.subscribe(
        testTopic,
        'restart',
        (event) => {
          if (event.seq === 50) {
            attemptsOn50++;
            throw new Error('simulated failure: the process dies while handling 50');
          }
          first.push(event.seq);
        },
        { maxAttempts: 1_000_000, retryBackoffMs: 20 },
      );
      for (let seq = 0; seq < 100; seq++) bus.publish(testTopic, { key: 'one-host', seq });
      await bus.flush();
      await waitFor(() => attemptsOn50 >= 2, factory.waitMs, 'the failing message to be retried');
      await subA.close();
      assert.deepEqual(
        first,
        Array.from({ length: 50 }, (_, i) => i),
        'first member handled 0..49 only',
      );
      const second: number[] = [];
      track(await bus.subscribe(testTopic, 'restart', (event) => void second.push(event.seq)));
      await waitFor(() => second.length >= 50, factory.waitMs, 'redelivery to the new member');
      await sleep(200);
      assert.deepEqual(
        second,
        Array.from({ length: 50 }, (_, i) => 50 + i),
        'resumes at the uncommitted message',
      );
    });

    it('sends malformed and invalid messages to the dead-letter topic and carries on', async () => {
      const { bus, metrics } = await newBus('dlq-svc');
      const good: Seen[] = [];
      const dead: Array<{ value: unknown; meta: MessageMeta }> = [];
      track(await bus.subscribe(testTopic, 'dlq-consumer', collector(good)));
      track(
        await bus.subscribeRaw(
          dlqTopicName('dlq-svc'),
          'dlq-reader',
          (value, meta) => void dead.push({ value, meta }),
        ),
      );
      bus.publishRaw(testTopic.name, 'h', Buffer.from('{not json'), { origin: 'test' });
      bus.publishRaw(testTopic.name, 'h', { key: 'h', seq: -5 });
      bus.publish(testTopic, { key: 'h', seq: 7 });
      await bus.flush();
      await waitFor(
        () => good.length >= 1 && dead.length >= 2,
        factory.waitMs,
        'the valid message and two dead letters',
      );
      assert.deepEqual(
        good.map((s) => s.event.seq),
        [7],
        'the consumer carried on past the bad ones',
      );
      const reasons = dead.map((d) => d.meta.headers[deadLetterHeader.reason]).sort();
      assert.deepEqual(reasons, ['not_json', 'schema_invalid']);
      const invalid = dead.find(
        (d) => d.meta.headers[deadLetterHeader.reason] === 'schema_invalid',
      );
      assert.match(invalid?.meta.headers[deadLetterHeader.error] ?? '', /seq/);
      assert.equal(invalid?.meta.headers[deadLetterHeader.topic], bus.topicName(testTopic.name));
      assert.equal(invalid?.meta.headers[deadLetterHeader.group], 'dlq-consumer');
      const notJson = dead.find((d) => d.meta.headers[deadLetterHeader.reason] === 'not_json');
      assert.equal(notJson?.meta.headers.origin, 'test', 'original headers are kept');
      assert.equal(
        Buffer.from(notJson?.value as Buffer).toString(),
        '{not json',
        'original bytes are kept',
      );
      const discarded = await metrics.registry
        .getSingleMetric('netwatch_events_discarded_total')
        ?.get();
      const invalidCount = discarded?.values.find((v) => v.labels.reason === 'invalid')?.value;
      assert.equal(invalidCount, 2, 'both counted as discarded (invalid)');
      const lettered = await metrics.registry.getSingleMetric('netwatch_events_dead_lettered_total')?.get();
      assert.deepEqual(
        lettered?.values.map((v) => [v.labels.reason, v.value]).sort(),
        [['not_json', 1], ['schema_invalid', 1]],
        'dead letters counted by reason',
      );
    });

    it('dead-letters a message whose handler keeps failing, then handles the next', async () => {
      const { bus } = await newBus('poison-svc');
      const handled: number[] = [];
      const dead: MessageMeta[] = [];
      let attempts = 0;
      track(
        await bus.subscribe(
          testTopic,
          'poison',
          (event) => {
            if (event.seq === 1) {
              attempts++;
              throw new Error('cannot handle 1');
            }
            handled.push(event.seq);
          },
          { maxAttempts: 3, retryBackoffMs: 10 },
        ),
      );
      track(
        await bus.subscribeRaw(
          dlqTopicName('poison-svc'),
          'reader',
          (_v, meta) => void dead.push(meta),
        ),
      );
      for (let seq = 0; seq < 3; seq++) bus.publish(testTopic, { key: 'p', seq });
      await bus.flush();
      await waitFor(
        () => handled.length >= 2 && dead.length >= 1,
        factory.waitMs,
        'poison message handling',
      );
      assert.deepEqual(handled, [0, 2]);
      assert.equal(attempts, 3);
      assert.equal(dead[0]?.headers[deadLetterHeader.reason], 'handler_failed');
      assert.match(dead[0]?.headers[deadLetterHeader.error] ?? '', /cannot handle 1/);
    });

    it('lets a slow consumer fall behind without blocking publishers or other groups', async () => {
      const { bus } = await newBus();
      const slow: number[] = [];
      const fast: number[] = [];
      const delayMs = 25;
      track(
        await bus.subscribe(testTopic, 'slow', async (event) => {
          await sleep(delayMs);
          slow.push(event.seq);
        }),
      );
      track(await bus.subscribe(testTopic, 'fast', (event) => void fast.push(event.seq)));
      const count = 320;
      const started = Date.now();
      for (let i = 0; i < count; i++)
        bus.publish(testTopic, { key: `k${i % 4}`, seq: i, pad: 'x'.repeat(512) });
      await bus.flush();
      assert.ok(Date.now() - started < 5000, 'publishing is not held back by a slow consumer');
      await waitFor(() => fast.length >= count, factory.waitMs, 'the fast group');
      assert.ok(
        slow.length < count / 2,
        `the slow group is still behind (${slow.length}/${count})`,
      );
      // 320 × 25 ms is 8 s in one partition's worth of sequential work: longer than a 6 s session.
      await waitFor(
        () => slow.length >= count,
        factory.waitMs + count * delayMs,
        'the slow group to finish',
      );
      await sleep(300);
      assert.equal(slow.length, count, 'no duplicates: the slow member kept its membership');
      assert.deepEqual(
        [...slow].sort((x, y) => x - y),
        Array.from({ length: count }, (_, i) => i),
      );
    });

    it('keeps keys and headers on the way through', async () => {
      const { bus } = await newBus();
      const seen: Seen[] = [];
      track(await bus.subscribe(testTopic, 'meta', collector(seen)));
      bus.publishRaw(testTopic.name, 'key-1', { key: 'key-1', seq: 1 }, { 'x-trace': 'abc' });
      await bus.flush();
      await waitFor(() => seen.length >= 1, factory.waitMs, 'one message');
      assert.equal(seen[0]?.meta.key, 'key-1');
      assert.equal(seen[0]?.meta.headers['x-trace'], 'abc');
      assert.equal(seen[0]?.meta.topic, bus.topicName(testTopic.name));
      assert.match(seen[0]?.meta.offset ?? '', /^\d+$/);
    });
  });
}
