import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FlowDeltas } from './flow-deltas.js';

test('cumulative re-exports of one flow add only their difference', () => {
  const d = new FlowDeltas();
  assert.deepEqual(d.delta('f', { srcBytes: 100, dstBytes: 1000 }, false), { srcBytes: 100, dstBytes: 1000, first: true });
  assert.deepEqual(d.delta('f', { srcBytes: 150, dstBytes: 4000 }, false), { srcBytes: 50, dstBytes: 3000, first: false });
  assert.deepEqual(d.delta('f', { srcBytes: 160, dstBytes: 4000 }, true), { srcBytes: 10, dstBytes: 0, first: false });
  assert.equal(d.size, 0, 'a final record forgets the flow');
  // the same id again is a new flow
  assert.equal(d.delta('f', { srcBytes: 5, dstBytes: 5 }, true).first, true);
});

test('counters that go backwards count afresh; memory is bounded', () => {
  const d = new FlowDeltas(2);
  d.delta('a', { srcBytes: 100, dstBytes: 100 }, false);
  assert.deepEqual(d.delta('a', { srcBytes: 10, dstBytes: 10 }, false), { srcBytes: 10, dstBytes: 10, first: false });
  d.delta('b', { srcBytes: 1, dstBytes: 1 }, false);
  d.delta('c', { srcBytes: 1, dstBytes: 1 }, false);
  assert.equal(d.size, 2);
  // 'a' was the least recently updated: forgotten, so it counts as new
  assert.equal(d.delta('a', { srcBytes: 20, dstBytes: 20 }, false).first, true);
});
