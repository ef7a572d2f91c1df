import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GeoCentroid } from '../data/geo-centroid.js';
import { resolveOrigin } from './origin.js';

test('the site wins; else the centroid of internal locations; else 0,0 — and the source says which', () => {
  const c = new GeoCentroid();
  assert.deepEqual(resolveOrigin({ name: 'lab', lat: 1, lon: 2 }, c), { lat: 1, lng: 2, source: 'site', name: 'lab' });
  assert.deepEqual(resolveOrigin(undefined, c), { lat: 0, lng: 0, source: 'default', name: 'site' });
  c.add(10, 170);
  c.add(10, -170);
  const o = resolveOrigin({ name: 'lab' }, c);
  assert.equal(o.source, 'centroid');
  assert.ok(Math.abs(Math.abs(o.lng) - 180) < 1e-9, `across the antimeridian, not 0: ${o.lng}`);
  assert.ok(o.lat > 10, 'the mean of unit vectors lies on the great circle, above the small circle');
});
