import assert from 'node:assert/strict';
import { test } from 'node:test';
import { frameStats } from './frame-stats.js';
import { mulberry32, syntheticArcs } from './synthetic.js';

test('frame statistics: mean and nearest-rank 95th percentile', () => {
  assert.deepEqual(frameStats([]), { frames: 0, meanMs: 0, p95Ms: 0 });
  const twenty = Array.from({ length: 20 }, (_, i) => i + 1); // 1..20 ms
  assert.deepEqual(frameStats(twenty), { frames: 20, meanMs: 10.5, p95Ms: 19 });
  assert.deepEqual(frameStats([16.7, 16.7, 100]), { frames: 3, meanMs: 44.47, p95Ms: 100 });
});

test('synthetic arcs are deterministic per seed and spread over the sphere', () => {
  assert.equal(mulberry32(1)(), mulberry32(1)());
  const a = syntheticArcs(2000, 7, 0);
  assert.deepEqual(syntheticArcs(2000, 7, 0), a);
  assert.notDeepEqual(syntheticArcs(5, 8, 0), a.slice(0, 5));
  const north = a.filter((x) => x.lat > 0).length;
  assert.ok(north > 900 && north < 1100, `${north} of 2000 in the north`);
  assert.ok(a.every((x) => Math.abs(x.lat) <= 90 && Math.abs(x.lng) <= 180 && x.widthPx >= 1));
});
