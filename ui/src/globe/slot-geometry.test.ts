import assert from 'node:assert/strict';
import { test } from 'node:test';
import type * as THREE from 'three';
import { SlotGeometry } from './slot-geometry.js';

const quads = (slots: number) => new SlotGeometry({
  slots,
  vertsPerSlot: 4,
  template: { name: 'aCorner', size: 2, at: (k) => [k % 2, k < 2 ? 0 : 1] },
  groups: [[0, 1, 2], [2, 1, 3]],
  records: { aLook: 4 },
});

test('the template and the indices repeat per slot, offset by the slot\'s first vertex', () => {
  const g = quads(3);
  const corner = g.geometry.getAttribute('aCorner');
  assert.equal(corner.count, 12);
  assert.deepEqual([corner.getX(9), corner.getY(9)], [1, 0], 'vertex 1 of slot 2');
  const index = g.geometry.getIndex();
  assert.ok(index !== null && index.array instanceof Uint16Array, '16-bit indices while they fit');
  assert.deepEqual([...index.array.slice(12, 18)], [8, 9, 10, 10, 9, 11]);
  g.dispose();
});

test('32-bit indices once a vertex number passes 65 535', () => {
  const g = quads(16_385); // 65 540 vertices
  assert.ok(g.geometry.getIndex()?.array instanceof Uint32Array);
  g.dispose();
});

test('the draw range covers every group of the slots below the high mark, points included', () => {
  const g = quads(4);
  g.setHigh(3);
  assert.equal(g.geometry.drawRange.count, 18);
  assert.equal(g.highSlot, 3);
  const points = new SlotGeometry({ slots: 4, vertsPerSlot: 1, groups: [[0]], records: { position: 3 } });
  points.setHigh(2);
  assert.equal(points.geometry.drawRange.count, 2);
  assert.deepEqual([...(points.geometry.getIndex()?.array ?? [])], [0, 1, 2, 3]);
  assert.throws(() => new SlotGeometry({ slots: 1, vertsPerSlot: 1, groups: [], records: {} }), RangeError);
  g.dispose();
  points.dispose();
});

test('showOnly draws the masked groups alone and uploads only what changed; showAll returns to everything', () => {
  const g = quads(4);
  g.setHigh(4);
  const index = g.geometry.getIndex() as THREE.BufferAttribute;
  const drawn = () => [...index.array.slice(0, g.geometry.drawRange.count)];
  g.showOnly(new Uint32Array([0b11, 0, 0b10, 0b01]), 4);
  assert.deepEqual(drawn(), [0, 1, 2, 2, 1, 3, 10, 9, 11, 12, 13, 14]);
  let version = index.version;
  g.showOnly(new Uint32Array([0b11, 0, 0b10, 0b11]), 4);
  assert.deepEqual(index.updateRanges, [{ start: 12, count: 3 }], 'the same start: only the new group is uploaded');
  assert.equal(index.version, version + 1);
  version = index.version;
  g.showOnly(new Uint32Array([0b11, 0, 0b10, 0]), 4);
  assert.equal(g.geometry.drawRange.count, 9);
  assert.equal(index.version, version, 'shorter, with the same start: nothing to upload');
  g.showOnly(new Uint32Array(4), 4);
  assert.equal(g.geometry.drawRange.count, 0, 'nothing to draw');
  g.setHigh(2);
  assert.equal(g.geometry.drawRange.count, 0, 'the high mark no longer sets the draw range');
  g.showAll();
  assert.equal(g.geometry.drawRange.count, 12);
  assert.deepEqual(drawn(), [0, 1, 2, 2, 1, 3, 4, 5, 6, 6, 5, 7]);
  assert.deepEqual(index.updateRanges, [], 'the whole index is uploaded again');
  g.dispose();
});

test('a record is written to every vertex of its slot; flush uploads one range per run of dirty slots', () => {
  const g = quads(32);
  const look = g.geometry.getAttribute('aLook') as THREE.BufferAttribute;
  for (const slot of [3, 4, 5, 9]) g.write(slot, 'aLook', [0.1, 0.2, 0.3, slot]);
  for (let v = 12; v < 24; v++) assert.equal(look.getW(v), Math.floor(v / 4));
  assert.equal(look.getW(11), 0, 'slot 2 untouched');
  const version = look.version;
  g.flush();
  assert.deepEqual(look.updateRanges, [{ start: 3 * 16, count: 3 * 16 }, { start: 9 * 16, count: 16 }]);
  assert.equal(look.version, version + 1, 'marked for upload');
  g.flush();
  assert.equal(look.version, version + 1, 'nothing dirty: nothing uploaded');
  for (let s = 0; s < 8; s++) g.write(s, 'aLook', [0, 0, 0, 1]);
  g.flush();
  assert.deepEqual(look.updateRanges, [], 'more than an eighth dirty: the whole buffer');
  g.dispose();
});
