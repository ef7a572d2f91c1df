// The test MMDB writer, checked by the maxmind reader: values of every type, prefixes, IPv4 in IPv6 trees, metadata.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Reader } from 'maxmind';
import { buildMmdb } from './mmdb-writer.js';

const read = (bytes: Buffer) => new Reader<Record<string, unknown>>(bytes);

describe('MMDB test writer', () => {
  it('round-trips every value type, including the 1-, 2- and 3-byte size extensions', () => {
    const value = {
      short: 'Zürich',
      s29: 'x'.repeat(29),
      s300: 'y'.repeat(300),
      s70k: 'z'.repeat(70_000),
      uint: 64_500,
      zero: 0,
      big: 4_000_000_000,
      u64: 1_750_000_000_123n,
      double: -33.8688,
      yes: true,
      no: false,
      list: ['a', 1, { nested: [true] }],
      map: { names: { en: 'Frankfurt', de: 'Frankfurt am Main' } },
    };
    const reader = read(buildMmdb([{ prefix: '192.0.2.0/24', value }], { databaseType: 'Test', ipVersion: 4 }));
    const got = reader.get('192.0.2.77') as Record<string, unknown>;
    assert.deepEqual({ ...got, u64: undefined }, { ...value, u64: undefined });
    // mmdb-lib returns uint64 as a bigint or number depending on size; compare the value.
    assert.equal(BigInt(got.u64 as bigint), 1_750_000_000_123n);
  });

  it('answers inside a prefix, not outside, and a more specific prefix wins inside a wider one', () => {
    const reader = read(buildMmdb([
      { prefix: '10.0.0.0/8', value: { n: 'wide' } },
      { prefix: '10.1.2.0/24', value: { n: 'narrow' } },
    ], { databaseType: 'Test', ipVersion: 4 }));
    assert.deepEqual(reader.get('10.200.0.1'), { n: 'wide' });
    assert.deepEqual(reader.get('10.1.2.3'), { n: 'narrow' });
    assert.deepEqual(reader.get('10.1.3.3'), { n: 'wide' });
    assert.equal(reader.get('11.0.0.1'), null);
    assert.deepEqual(reader.getWithPrefixLength('10.1.2.3')[1], 24);
  });

  it('puts IPv4 under ::/96 in an IPv6 tree, where readers look for it', () => {
    for (const recordSize of [24, 32] as const) {
      const reader = read(buildMmdb([
        { prefix: '203.0.113.0/24', value: { v: 4 } },
        { prefix: '2001:db8::/32', value: { v: 6 } },
      ], { databaseType: 'Test', ipVersion: 6, recordSize }));
      assert.deepEqual(reader.get('203.0.113.9'), { v: 4 }, `record size ${recordSize}`);
      assert.deepEqual(reader.get('2001:db8:ffff::1'), { v: 6 });
      assert.equal(reader.get('2001:db9::1'), null);
      assert.equal(reader.get('198.51.100.1'), null);
      assert.equal(reader.metadata.recordSize, recordSize);
    }
  });

  it('writes the metadata readers need', () => {
    const reader = read(buildMmdb([{ prefix: '::/0', value: { any: true } }],
      { databaseType: 'GeoLite2-City', buildEpoch: 1_700_000_000, languages: ['en', 'de'] }));
    const m = reader.metadata;
    assert.equal(m.databaseType, 'GeoLite2-City');
    assert.equal(m.ipVersion, 6);
    assert.equal(m.binaryFormatMajorVersion, 2);
    assert.deepEqual(m.languages, ['en', 'de']);
    assert.equal(new Date(m.buildEpoch).getTime(), 1_700_000_000_000);
    assert.ok(m.nodeCount >= 1);
    assert.deepEqual(reader.get('2001:db8::1'), { any: true });
  });
});
