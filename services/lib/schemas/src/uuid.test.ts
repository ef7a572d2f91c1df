// Tests for the UUIDv7 generator and validator (RFC 9562 §5.7, §6.2).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createUuidV7Generator, isUuidV7, uuidV7Time, uuidv7 } from './uuid.js';

const FORMAT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('uuidv7', () => {
  it('writes the canonical format with version 7 and variant 10', () => {
    for (let i = 0; i < 1000; i++) {
      const id = uuidv7();
      assert.match(id, FORMAT);
      assert.equal(id[14], '7', 'version nibble');
      assert.ok('89ab'.includes(id[19] ?? ''), `variant bits 10 in ${id}`);
      assert.ok(isUuidV7(id));
    }
  });

  it('puts the unix milliseconds in the first 48 bits', () => {
    const ms = Date.parse('2025-06-12T09:14:07.250Z');
    const id = createUuidV7Generator({ now: () => ms })();
    assert.equal(id.slice(0, 13), '0197636b-0412');
    assert.equal(uuidV7Time(id), ms);
    const before = Date.now();
    const live = uuidV7Time(uuidv7());
    assert.ok(live >= before && live <= Date.now() + 1);
  });

  it('is strictly increasing within one millisecond, past counter overflow', () => {
    const next = createUuidV7Generator({ now: () => 1_750_000_000_000 });
    const ids = Array.from({ length: 10_000 }, () => next());
    for (let i = 1; i < ids.length; i++) {
      assert.ok((ids[i - 1] ?? '') < (ids[i] ?? ''), `id ${i} sorts after id ${i - 1}`);
    }
    assert.equal(new Set(ids).size, ids.length);
    // 10 000 ids cannot fit one 12-bit counter: the timestamp must have moved ahead.
    assert.ok(uuidV7Time(ids.at(-1) ?? '') > 1_750_000_000_000);
  });

  it('stays ordered when the clock steps back', () => {
    const times = [1000, 1000, 999, 500, 1001];
    const next = createUuidV7Generator({ now: () => times.shift() ?? 1001 });
    const ids = Array.from({ length: 5 }, () => next());
    assert.deepEqual([...ids].sort(), ids);
  });

  it('orders the process-wide generator over many calls', () => {
    const ids = Array.from({ length: 20_000 }, () => uuidv7());
    assert.deepEqual([...ids].sort(), ids);
  });

  it('takes its random bits from the given source', () => {
    const zeros = createUuidV7Generator({ now: () => 0, random: (b) => b.fill(0) })();
    assert.equal(zeros, '00000000-0000-7000-8000-000000000000');
    const ones = createUuidV7Generator({ now: () => 0, random: (b) => b.fill(0xff) })();
    // Counter seed keeps its top bit clear (room to count); variant forced to 10.
    assert.equal(ones, '00000000-0000-77ff-bfff-ffffffffffff');
  });
});

describe('isUuidV7', () => {
  it('rejects other versions, variants and shapes', () => {
    assert.ok(isUuidV7('0197636B-0412-7092-AE09-A7B03F3B3EB3'));
    assert.ok(!isUuidV7('0197636b-0412-4092-ae09-a7b03f3b3eb3'), 'version 4');
    assert.ok(!isUuidV7('0197636b-0412-7092-ce09-a7b03f3b3eb3'), 'variant 110');
    assert.ok(!isUuidV7('0197636b04127092ae09a7b03f3b3eb3'), 'no hyphens');
    assert.throws(() => uuidV7Time('nope'), TypeError);
  });
});
