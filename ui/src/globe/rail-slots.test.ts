import assert from 'node:assert/strict';
import { test } from 'node:test';
import { arcFrame, writeArcPoint } from './geo.js';
import { RailSlots } from './rail-slots.js';

test('rails: the lowest free slot, none past the capacity, the high mark follows what is held', () => {
  const rails = new RailSlots(8, 2, 16);
  assert.equal(rails.take(5), 0);
  assert.equal(rails.take(3), 1);
  assert.equal(rails.take(7), -1, 'all taken');
  assert.deepEqual([rails.of(5), rails.of(3), rails.of(7)], [0, 1, -1]);
  assert.deepEqual([rails.count, rails.high], [2, 2]);
  assert.equal(rails.release(3), 1);
  assert.equal(rails.release(3), -1, 'nothing left to free');
  assert.deepEqual([rails.count, rails.high], [1, 1]);
  assert.equal(rails.release(5), 0);
  assert.equal(rails.high, 0);
  assert.equal(rails.take(7), 0, 'the freed slot again');
});

test('a share draws the widest arcs\' rails, ranked again when a width changes', () => {
  const rails = new RailSlots(8, 4, 16);
  [1, 4, 2, 3].forEach((width, arc) => {
    rails.take(arc);
    rails.setWidth(arc, width);
  });
  const drawn = () => {
    const mask = new Uint32Array(4).fill(1);
    rails.applyBudget(mask, 4);
    return [...mask];
  };
  assert.deepEqual(drawn(), [1, 1, 1, 1], 'share 1: all');
  rails.setShare(0.5);
  assert.deepEqual(drawn(), [0, 1, 0, 1], 'widths 4 and 3');
  rails.setWidth(0, 9);
  assert.deepEqual(drawn(), [1, 1, 0, 0]);
  rails.setShare(0);
  assert.deepEqual(drawn(), [0, 0, 0, 0]);
});

test('place writes the rail\'s points along its arc, the same as writeArcPoint', () => {
  const rails = new RailSlots(2, 2, 4);
  const frame = arcFrame(10, 20, -30, 140);
  rails.place(1, ...frame.a, ...frame.u, frame.angle);
  const expected = new Float32Array(3);
  for (let i = 0; i <= 4; i++) {
    writeArcPoint(frame, i / 4, expected, 0);
    assert.deepEqual([...rails.points.subarray((5 + i) * 3, (5 + i) * 3 + 3)], [...expected]);
  }
  assert.deepEqual([...rails.points.subarray(0, 15)], new Array<number>(15).fill(0), 'rail 0 untouched');
});
