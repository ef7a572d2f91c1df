import assert from 'node:assert/strict';
import { test } from 'node:test';
import type * as THREE from 'three';
import { ArcLayer, PICK_SAMPLES, type ArcVisual } from './arc-layer.js';
import { toCartesian } from './geo.js';

const visual = (lat: number, lng: number): ArcVisual => ({
  lat, lng, color: [1, 0, 0], widthPx: 2, lastSeenMs: Date.now(), phase: 0.5, speed: 0.45, rail: false,
});

test('slots are counted, bounded and reusable; drawing stops at the highest used slot', () => {
  const layer = new ArcLayer({ capacity: 4, fadeStartSec: 60, ttlSec: 180 });
  const geometries = layer.object.children.map((c) => (c as THREE.Mesh).geometry);
  const slotsDrawn = () => geometries.map((g) => g.drawRange.count / (g.index?.count ?? 1) * 4);
  layer.setOrigin(52.52, 13.405);
  layer.set(0, visual(35.68, 139.69));
  layer.set(2, visual(-33.9, 151.2));
  layer.flush();
  assert.equal(layer.count, 2);
  assert.deepEqual(slotsDrawn(), [3, 3]);
  layer.set(2, visual(-33.9, 151.2)); // an update is not a new arc
  assert.equal(layer.count, 2);
  layer.clear(2);
  assert.equal(layer.count, 1);
  assert.deepEqual(slotsDrawn(), [1, 1]);
  layer.clear(2);
  assert.equal(layer.count, 1, 'clearing twice changes nothing');
  assert.throws(() => layer.set(4, visual(0, 0)), RangeError);
  layer.dispose();
});

test('a record is copied to every vertex of its slot and a cleared slot is marked dead', () => {
  const layer = new ArcLayer({ capacity: 16, fadeStartSec: 60, ttlSec: 180 });
  const ribbon = (layer.object.children[0] as THREE.Mesh).geometry;
  const time = ribbon.getAttribute('aTime') as THREE.BufferAttribute;
  const look = ribbon.getAttribute('aLook');
  layer.set(1, visual(10, 20));
  const per = time.count / 16;
  for (let v = per; v < 2 * per; v++) {
    assert.equal(time.getW(v), 1, 'alive');
    assert.equal(look.getW(v), 2, 'width');
  }
  assert.equal(time.getW(0), 0, 'slot 0 untouched');
  layer.flush();
  assert.deepEqual(time.updateRanges, [{ start: per * 4, count: per * 4 }], 'only slot 1 is uploaded');
  layer.clear(1);
  assert.equal(time.getW(per), 0);
  layer.dispose();
});

test('pick samples run from the site to the remote end', () => {
  const layer = new ArcLayer({ capacity: 2, fadeStartSec: 60, ttlSec: 180 });
  layer.setOrigin(52.52, 13.405);
  layer.set(1, visual(35.68, 139.69));
  const s = layer.samples;
  const first = (1 * PICK_SAMPLES) * 3;
  const last = (1 * PICK_SAMPLES + PICK_SAMPLES - 1) * 3;
  const [sx, sy, sz] = toCartesian(52.52, 13.405);
  const [ex, ey, ez] = toCartesian(35.68, 139.69);
  assert.ok(Math.hypot((s[first] as number) - sx, (s[first + 1] as number) - sy, (s[first + 2] as number) - sz) < 1e-3);
  assert.ok(Math.hypot((s[last] as number) - ex, (s[last + 1] as number) - ey, (s[last + 2] as number) - ez) < 1e-3);
  // moving the site moves every arc's start
  layer.setOrigin(0, 0);
  const [ox, oy, oz] = toCartesian(0, 0);
  assert.ok(Math.hypot((s[first] as number) - ox, (s[first + 1] as number) - oy, (s[first + 2] as number) - oz) < 1e-3);
  layer.dispose();
});
