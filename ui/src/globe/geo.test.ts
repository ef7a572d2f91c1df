import assert from 'node:assert/strict';
import { test } from 'node:test';
import { arcFrame, arcPeak, centralAngle, GLOBE_RADIUS, toCartesian, writeArcPoint, writeArcPoints } from './geo.js';

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

/** The textbook form the arc frame replaces: spherical linear interpolation between the ends' unit vectors. */
function slerpPoint(lat1: number, lng1: number, lat2: number, lng2: number, t: number): number[] {
  const a = toCartesian(lat1, lng1).map((v) => v / GLOBE_RADIUS);
  const b = toCartesian(lat2, lng2).map((v) => v / GLOBE_RADIUS);
  const angle = Math.acos(a.reduce((s, v, i) => s + v * (b[i] as number), 0));
  const wa = Math.sin((1 - t) * angle) / Math.sin(angle);
  const wb = Math.sin(t * angle) / Math.sin(angle);
  const r = GLOBE_RADIUS * (1 + arcPeak(angle) * Math.sin(Math.PI * t));
  return a.map((v, i) => (wa * v + wb * (b[i] as number)) * r);
}

test('the arc frame (what the shaders evaluate) gives the same points as spherical interpolation', () => {
  const out = new Float32Array(3);
  const pairs = [[52.52, 13.405, 35.68, 139.69], [0, 0, 10, -170], [-33.9, 151.2, 40.7, -74]];
  for (const [lat1, lng1, lat2, lng2] of pairs) {
    const frame = arcFrame(lat1 as number, lng1 as number, lat2 as number, lng2 as number);
    close(Math.hypot(...frame.u), 1);
    close(frame.u[0] * frame.a[0] + frame.u[1] * frame.a[1] + frame.u[2] * frame.a[2], 0, 1e-9);
    for (const t of [0, 0.1, 0.37, 0.5, 0.9, 1]) {
      writeArcPoint(frame, t, out, 0);
      const ref = slerpPoint(lat1 as number, lng1 as number, lat2 as number, lng2 as number, t);
      for (let i = 0; i < 3; i++) close(out[i] as number, ref[i] as number, 1e-3);
    }
  }
});

test('antipodal ends are joined over the north pole; identical ends make a zero-angle frame', () => {
  const out = new Float32Array(3);
  const frame = arcFrame(0, 0, 0, 180);
  close(frame.angle, Math.PI);
  writeArcPoint(frame, 0.5, out, 0);
  close(out[1] as number, GLOBE_RADIUS * (1 + arcPeak(Math.PI)), 1e-3); // straight up the y axis
  const same = arcFrame(10, 10, 10, 10);
  close(same.angle, 0);
  writeArcPoint(same, 0.5, out, 0);
  assert.ok([...out].every(Number.isFinite));
});
