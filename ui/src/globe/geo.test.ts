import assert from 'node:assert/strict';
import { test } from 'node:test';
import { arcPeak, centralAngle, GLOBE_RADIUS, toCartesian, writeArcPoints } from './geo.js';

const close = (a: number, b: number, eps = 1e-6) => assert.ok(Math.abs(a - b) < eps, `${a} ≈ ${b}`);

test('coordinates follow three-globe: y through the north pole, lng 0 on +z, lng 90 on +x', () => {
  const [nx, ny, nz] = toCartesian(90, 0);
  close(nx, 0);
  close(ny, GLOBE_RADIUS);
  close(nz, 0);
  const [x0, , z0] = toCartesian(0, 0);
  close(x0, 0);
  close(z0, GLOBE_RADIUS);
  const [x90, , z90] = toCartesian(0, 90);
  close(x90, GLOBE_RADIUS);
  close(z90, 0);
  close(Math.hypot(...toCartesian(12, 34, 0.5)), GLOBE_RADIUS * 1.5);
});

test('central angle: a quarter of the equator is π/2, Berlin–Tokyo about 8 900 km', () => {
  close(centralAngle(0, 0, 0, 90), Math.PI / 2);
  const km = centralAngle(52.52, 13.405, 35.68, 139.69) * 6371;
  assert.ok(km > 8850 && km < 8980, `${km}`);
});

test('an arc starts and ends on the surface and peaks in the middle', () => {
  const n = 16;
  const out = new Float32Array((n + 1) * 3);
  writeArcPoints(52.52, 13.405, 35.68, 139.69, n, out, 0);
  const r = (i: number) => Math.hypot(out[i * 3] as number, out[i * 3 + 1] as number, out[i * 3 + 2] as number);
  close(r(0), GLOBE_RADIUS, 1e-3);
  close(r(n), GLOBE_RADIUS, 1e-3);
  const angle = centralAngle(52.52, 13.405, 35.68, 139.69);
  close(r(n / 2), GLOBE_RADIUS * (1 + arcPeak(angle)), 1e-3);
  const [ex, ey, ez] = toCartesian(35.68, 139.69);
  close(out[n * 3] as number, ex, 1e-3);
  close(out[n * 3 + 1] as number, ey, 1e-3);
  close(out[n * 3 + 2] as number, ez, 1e-3);
});

test('antipodal and identical ends still give finite points', () => {
  const out = new Float32Array(9 * 3);
  writeArcPoints(0, 0, 0, 180, 8, out, 0);
  assert.ok([...out].every(Number.isFinite));
  writeArcPoints(10, 10, 10, 10, 8, out, 0);
  assert.ok([...out].every(Number.isFinite));
});
