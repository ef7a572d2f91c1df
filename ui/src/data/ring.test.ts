import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Ring } from './ring.js';

test('a ring keeps the newest items up to its capacity, newest first', () => {
  const r = new Ring<number>(3);
  assert.deepEqual(r.newestFirst(), []);
  for (const n of [1, 2, 3, 4, 5]) r.push(n);
  assert.equal(r.size, 3);
  assert.deepEqual(r.newestFirst(), [5, 4, 3]);
  assert.deepEqual(r.newestFirst(2), [5, 4]);
});

test('replace swaps matching items in place and reports whether any matched', () => {
  const r = new Ring<{ id: string; v: number }>(4);
  r.push({ id: 'a', v: 1 });
  r.push({ id: 'b', v: 1 });
  assert.equal(r.replace({ id: 'a', v: 2 }, (x, y) => x.id === y.id), true);
  assert.equal(r.replace({ id: 'z', v: 2 }, (x, y) => x.id === y.id), false);
  assert.deepEqual(r.newestFirst().map((x) => `${x.id}${x.v}`), ['b1', 'a2']);
});

test('clear empties the ring; a capacity below 1 is refused', () => {
  const r = new Ring<number>(2);
  r.push(1);
  r.clear();
  assert.equal(r.size, 0);
  assert.deepEqual(r.newestFirst(), []);
  assert.throws(() => new Ring(0), RangeError);
});
