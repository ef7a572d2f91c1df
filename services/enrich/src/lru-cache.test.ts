// The LRU cache: recency order, eviction of the least recent, delete keeping the list whole, and a model check.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LruCache } from './lru-cache.js';

describe('LruCache', () => {
  it('evicts the least recently used entry, counting hits, misses and evictions', () => {
    const c = new LruCache<string, number>(2);
    c.set('a', 1);
    c.set('b', 2);
    assert.equal(c.get('a'), 1); // a is now the most recent
    c.set('c', 3); // evicts b
    assert.equal(c.get('b'), undefined);
    assert.equal(c.get('a'), 1);
    assert.equal(c.get('c'), 3);
    assert.deepEqual([c.hits, c.misses, c.evictions, c.size], [3, 1, 1, 2]);
  });

  it('peek does not change recency; set of an existing key updates and refreshes it', () => {
    const c = new LruCache<string, number>(2);
    c.set('a', 1);
    c.set('b', 2);
    assert.equal(c.peek('a'), 1);
    c.set('c', 3); // a was least recent despite the peek
    assert.equal(c.peek('a'), undefined);
    c.set('b', 20);
    c.set('d', 4); // c is least recent now
    assert.equal(c.peek('c'), undefined);
    assert.equal(c.peek('b'), 20);
  });

  it('keeps nothing at capacity 0', () => {
    const c = new LruCache<string, number>(0);
    c.set('a', 1);
    assert.equal(c.get('a'), undefined);
    assert.equal(c.size, 0);
  });

  it('behaves like a reference model over random operations', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) >>> 0) % 40;
    const capacity = 16;
    const c = new LruCache<number, number>(capacity);
    const model: number[] = []; // most recent last
    const values = new Map<number, number>();
    for (let i = 0; i < 50_000; i++) {
      const key = next();
      const op = next() % 4;
      if (op === 0) {
        const got = c.get(key);
        const at = model.indexOf(key);
        assert.equal(got, at < 0 ? undefined : values.get(key));
        if (at >= 0) model.push(...model.splice(at, 1));
      } else if (op === 1) {
        const at = model.indexOf(key);
        assert.equal(c.delete(key), at >= 0);
        if (at >= 0) model.splice(at, 1);
      } else {
        c.set(key, i);
        values.set(key, i);
        const at = model.indexOf(key);
        if (at >= 0) model.splice(at, 1);
        model.push(key);
        if (model.length > capacity) model.shift();
      }
      assert.equal(c.size, model.length);
    }
    for (const key of model) assert.equal(c.peek(key), values.get(key));
    c.clear();
    assert.equal(c.size, 0);
    c.set(1, 1);
    assert.equal(c.get(1), 1);
  });
});
