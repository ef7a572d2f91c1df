import assert from 'node:assert/strict';
import { test } from 'node:test';
import { alert, BERLIN, endpoint, TOKYO } from '../testing/fixtures.js';
import { AlertPointCache, alertPlace } from './alert-points.js';

const now = Date.parse('2024-01-01T00:05:00Z');

test('alerts collapse to one point per located source, worst severity and latest title', () => {
  const cache = new AlertPointCache();
  const src = endpoint('198.51.100.7', { geo: BERLIN });
  const { points, rings } = cache.update([
    alert('1', { src, severityName: 'medium', time: '2024-01-01T00:04:00Z', title: 'scan' }),
    alert('2', { src, severityName: 'critical', time: '2024-01-01T00:01:00Z', title: 'exploit' }),
    alert('3', { src: endpoint('10.0.0.5'), dst: endpoint('203.0.113.9', { geo: TOKYO }), severityName: 'low' }),
    alert('4', { src: endpoint('10.0.0.6') }),
  ], now);
  assert.equal(points.length, 2);
  const p = points[0];
  assert.equal(p?.ip, '198.51.100.7');
  assert.equal(p?.severity, 'critical');
  assert.equal(p?.count, 2);
  assert.equal(p?.title, 'scan');
  assert.equal(points[1]?.ip, '203.0.113.9', 'the located destination when the source has no location');
  assert.deepEqual(rings.map((r) => r.ip), ['198.51.100.7'], 'rings only for recent, serious, unacknowledged');
  assert.equal(alertPlace(alert('5')), undefined);
});

test('unchanged alerts give the same arrays and objects (the globe keeps its meshes)', () => {
  const cache = new AlertPointCache();
  const list = [alert('1', { src: endpoint('198.51.100.7', { geo: BERLIN }) })];
  const a = cache.update(list, now);
  const b = cache.update([...list], now);
  assert.equal(a, b);
  const c = cache.update([...list, alert('2', { src: endpoint('198.51.100.7', { geo: BERLIN }), severityName: 'critical' })], now);
  assert.notEqual(c.points, a.points, 'a colour change is a new array');
  assert.equal(c.points[0], a.points[0], 'but the same point object');
});
