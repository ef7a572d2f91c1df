import assert from 'node:assert/strict';
import { test } from 'node:test';
import type * as THREE from 'three';
import { SlotGeometry } from './slot-geometry.js';

const quads = (slots: number) => new SlotGeometry({
  slots,
  vertsPerSlot: 4,
  template: { name: 'aCorner', size: 2, at: (k) => [k % 2, k < 2 ? 0 : 1] },
  indices: [0, 1, 2, 2, 1, 3],
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

test('the draw range covers the slots below the high mark: in indices for meshes, vertices for points', () => {
  const g = quads(4);
  g.setHigh(3);
  assert.equal(g.geometry.drawRange.count, 18);
  assert.equal(g.highSlot, 3);
  const points = new SlotGeometry({ slots: 4, vertsPerSlot: 1, records: { position: 3 } });
  points.setHigh(2);
  assert.equal(points.geometry.drawRange.count, 2);
  assert.equal(points.geometry.getIndex(), null);
  g.dispose();
  points.dispose();
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
