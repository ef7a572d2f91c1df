// The in-memory partitioner must place keys exactly where Kafka's default partitioner does.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import kafkajs from 'kafkajs';
import { murmur2, partitionFor } from './partitioner.js';

describe('partitionFor', () => {
  it('agrees with kafkajs DefaultPartitioner (Java client murmur2) for many keys', () => {
    const partitioner = kafkajs.Partitioners.DefaultPartitioner();
    for (const partitions of [1, 3, 6, 7, 64]) {
      const partitionMetadata = Array.from({ length: partitions }, (_, i) => ({
        partitionId: i,
        leader: 0,
        partitionErrorCode: 0,
        replicas: [0],
        isr: [0],
        offlineReplicas: [],
      }));
      for (let i = 0; i < 2000; i++) {
        const key =
          i % 3 === 0
            ? `10.0.${i >> 8}.${i & 255}`
            : i % 3 === 1
              ? `2001:db8::${i.toString(16)}`
              : `ключ-${i}`;
        const expected = partitioner({
          topic: 't',
          partitionMetadata,
          message: { key, value: null },
        });
        assert.equal(
          partitionFor(key, partitions),
          expected,
          `key ${key} with ${partitions} partitions`,
        );
      }
    }
  });

  it('matches the murmur2 values of the Java client for known inputs', () => {
    // From Kafka's UtilsTest.testMurmur2 (org.apache.kafka.common.utils).
    const cases: Array<[string, number]> = [
      ['21', -973932308],
      ['foobar', -790332482],
      ['a-little-bit-long-string', -985981536],
      ['a-little-bit-longer-string', -1486304829],
      ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
      ['abc', 479470107],
    ];
    for (const [input, expected] of cases)
      assert.equal(murmur2(Buffer.from(input)), expected, input);
  });

  it('spreads keyless messages over every partition', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 12; i++) seen.add(partitionFor(null, 4));
    assert.deepEqual([...seen].sort(), [0, 1, 2, 3]);
  });
});
