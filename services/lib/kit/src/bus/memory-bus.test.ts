// The bus contract against the in-memory implementation, plus what only memory offers (taps, idle).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defineTopic } from '@netwatch/schemas';
import { z } from 'zod';
import { busContract } from '../testing/bus-contract.js';
import { waitFor } from '../testing/wait.js';
import { MemoryBroker } from './memory-broker.js';
import { MemoryBus } from './memory-bus.js';
import type { PublishedRecord } from './types.js';

busContract({
  name: 'memory',
  partitions: 3,
  waitMs: 5_000,
  create: async (service, prefix, metrics) =>
    new MemoryBus({
      broker: new MemoryBroker({ partitions: 3 }),
      service,
      topicPrefix: prefix,
      metrics: metrics.bus,
    }),
});

const topic = defineTopic({
  name: 'netwatch.memory-test.v1',
  schema: z.looseObject({ host: z.string(), n: z.number() }),
  key: (e) => e.host,
  keyRule: 'host',
  retention: 'delete',
  description: 'test',
});

describe('memory broker', () => {
  it('taps every publish in order, across topics', () => {
    const broker = new MemoryBroker();
    const bus = new MemoryBus({ broker, service: 'tap' });
    const seen: PublishedRecord[] = [];
    broker.tap((r) => seen.push(r));
    bus.publish(topic, { host: 'a', n: 1 });
    bus.publishRaw('other.v1', null, { x: 1 });
    bus.publish(topic, { host: 'b', n: 2 });
    assert.deepEqual(
      seen.map((r) => [r.topic, r.key]),
      [
        ['netwatch.memory-test.v1', 'a'],
        ['other.v1', null],
        ['netwatch.memory-test.v1', 'b'],
      ],
    );
  });

  it('idle() waits until every group has handled everything', async () => {
    const broker = new MemoryBroker();
    const bus = new MemoryBus({ broker, service: 'idle' });
    let handled = 0;
    await bus.subscribe(topic, 'g', async () => {
      await new Promise((r) => setTimeout(r, 1));
      handled++;
    });
    for (let n = 0; n < 50; n++) bus.publish(topic, { host: `h${n % 7}`, n });
    assert.ok(handled < 50);
    await broker.idle();
    assert.equal(handled, 50);
    await bus.close();
  });

  it('keeps memory bounded: consumed entries are trimmed, unconsumed ones capped by retention', async () => {
    const broker = new MemoryBroker({ partitions: 1, retainPerPartition: 10_000 });
    const bus = new MemoryBus({ broker, service: 'trim' });
    let handled = 0;
    await bus.subscribe(topic, 'g', () => void handled++);
    for (let n = 0; n < 100_000; n++) {
      bus.publish(topic, { host: 'h', n });
      if (n % 5000 === 4999) await broker.idle(); // as replay does: let the consumer keep up
    }
    await waitFor(() => handled === 100_000, 10_000, 'all handled');
    assert.equal(broker.retentionDropped, 0, 'nothing dropped while the consumer kept up');
    bus.publish(topic, { host: 'h', n: -1 });
    await broker.idle();
    for (let n = 0; n < 8191; n++) bus.publish(topic, { host: 'h', n }); // reach the next trim point
    await broker.idle();
    const log = broker.topic(topic.name).partitions[0];
    assert.ok(log, 'the partition exists');
    assert.equal(log.end, 100_001 + 8191, 'every publish reached the log');
    assert.ok(log.entries.length < 8192, `consumed entries trimmed (left ${log.entries.length})`);
    await bus.close();
    const unconsumed = new MemoryBroker({ partitions: 1, retainPerPartition: 10_000 });
    const lonely = new MemoryBus({ broker: unconsumed, service: 'nobody' });
    await lonely.subscribe(topic, 'stuck', () => new Promise(() => {}));
    for (let n = 0; n < 50_000; n++) lonely.publish(topic, { host: 'h', n });
    const lonelyLog = unconsumed.topic(topic.name).partitions[0];
    assert.ok(lonelyLog, 'the partition exists');
    assert.equal(lonelyLog.end, 50_000, 'every publish reached the log');
    assert.ok(lonelyLog.entries.length <= 10_000 + 4096, `retention caps the log (${lonelyLog.entries.length})`);
    assert.ok(unconsumed.retentionDropped > 0, 'retention drops are counted');
  });
});
