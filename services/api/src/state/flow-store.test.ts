// The flow ring: newest first, bounded, and one entry per flow id with its latest counters.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Flow } from '../contract/shapes.js';
import { FlowStore } from './flow-store.js';

function flow(id: string, bytes = 100): Flow {
  return {
    id,
    start: '2025-06-12T09:00:00.000Z',
    transport: 'udp',
    src: { ip: '192.168.1.2', internal: true },
    dst: { ip: '198.51.100.1', internal: false },
    bytes,
    packets: 1,
    srcBytes: bytes,
    dstBytes: 0,
    final: true,
  };
}

describe('FlowStore', () => {
  it('lists newest first and keeps only the last `capacity` records', () => {
    const store = new FlowStore(3);
    for (const id of ['a', 'b', 'c', 'd', 'e']) store.add(flow(id));
    assert.deepEqual(store.newest(10).map((f) => f.id), ['e', 'd', 'c']);
    assert.deepEqual(store.newest(2).map((f) => f.id), ['e', 'd']);
    assert.equal(store.size, 3);
    assert.equal(store.evicted, 2);
    assert.equal(store.distinct, 5);
  });

  it('replaces an earlier record of the same flow and hands it back', () => {
    const store = new FlowStore(4);
    store.add(flow('a', 10));
    store.add(flow('b'));
    const earlier = store.add(flow('a', 30));
    assert.equal(earlier?.bytes, 10);
    assert.deepEqual(store.newest(10).map((f) => `${f.id}:${f.bytes}`), ['a:30', 'b:100']);
    assert.equal(store.distinct, 2);
    assert.equal(store.size, 2);
  });

  it('forgets an id once its record left the ring, and never returns a stale earlier record', () => {
    const store = new FlowStore(2);
    store.add(flow('a', 10));
    store.add(flow('b'));
    store.add(flow('c'));
    assert.equal(store.add(flow('a', 50)), undefined);
    assert.deepEqual(store.newest(5).map((f) => f.id), ['a', 'c']);
  });

  it('filters while listing', () => {
    const store = new FlowStore(10);
    for (let i = 0; i < 6; i++) store.add(flow(`f${i}`, i));
    assert.deepEqual(store.newest(2, (f) => f.bytes % 2 === 0).map((f) => f.id), ['f4', 'f2']);
  });
});
