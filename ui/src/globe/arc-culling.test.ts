import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  arcLife, cullDashes, cullEnds, cullRails, dashT, MIN_LIFE, RIBBON_MARGIN, smoothstep, type CullView,
} from './arc-culling.js';
import { arcFrame, toCartesian, writeArcPoint } from './geo.js';
import { behindGlobe, cameraTerm } from './occlusion.js';
import { mulberry32 } from '../bench/synthetic.js';

const SITE = [50.11, 8.68] as const;
const unitOf = (lat: number, lng: number) => toCartesian(lat, lng).map((v) => v / 100) as [number, number, number];

function viewFrom(lat: number, lng: number, distance: number, timeSec: number): CullView {
  const u = unitOf(lat, lng);
  return {
    camera: [u[0] * distance, u[1] * distance, u[2] * distance], origin: unitOf(SITE[0], SITE[1]), timeSec,
    fadeStartSec: 60, ttlSec: 180, dashLength: 0.22,
  };
}

interface Arcs {
  frames: Float32Array;
  times: Float32Array;
  ends: Float32Array;
  targets: [number, number][];
}

function randomArcs(count: number, seed: number): Arcs {
  const random = mulberry32(seed);
  const arcs: Arcs = {
    frames: new Float32Array(count * 4), times: new Float32Array(count * 4), ends: new Float32Array(count * 3),
    targets: [],
  };
  for (let s = 0; s < count; s++) {
    const lat = (Math.asin(2 * random() - 1) * 180) / Math.PI;
    const lng = random() * 360 - 180;
    const f = arcFrame(SITE[0], SITE[1], lat, lng);
    arcs.frames.set([...f.u, f.angle], s * 4);
    // some long gone, some fading, some dead slots; speeds of both signs
    const lastSeen = random() < 0.1 ? -500 : -random() * 100;
    arcs.times.set([lastSeen, random(), random() < 0.5 ? 0.45 : -0.45, random() < 0.05 ? 0 : 1], s * 4);
    arcs.ends.set(toCartesian(lat, lng, 0.003), s * 3);
    arcs.targets.push([lat, lng]);
  }
  return arcs;
}

/** The dash shader's vertex widths for slot s (arc-shaders.ts), both sides of each of segments + 1 positions. */
function shaderDash(view: CullView, arcs: Arcs, s: number, segments: number): { t: number[]; width: number[] } {
  const [lastSeen, phase, speed, alive] = arcs.times.subarray(s * 4, s * 4 + 4) as unknown as number[];
  const [lat, lng] = arcs.targets[s] as [number, number];
  const frame = arcFrame(SITE[0], SITE[1], lat, lng);
  const [cx, cy, cz] = view.camera;
  const p = new Float32Array(3);
  const t: number[] = [];
  const width: number[] = [];
  const life = arcLife(view, lastSeen as number, alive as number);
  for (let i = 0; i <= segments; i++) {
    const x = i / segments;
    const ti = dashT(view, phase as number, speed as number, x);
    writeArcPoint(frame, ti, p, 0);
    const dash = 1 - x;
    let w = dash > 0 ? (Math.max(1, 2 * dash) + 1) * smoothstep(0, 0.08, ti) : 0;
    if (behindGlobe(cx, cy, cz, cameraTerm(cx, cy, cz), p[0] as number, p[1] as number, p[2] as number,
      RIBBON_MARGIN)) w = 0;
    if (life < MIN_LIFE) w = 0;
    t.push(ti);
    width.push(w);
  }
  return { t, width };
}

test('the shaders\' helpers: smoothstep, life and the dash\'s position', () => {
  assert.equal(smoothstep(0, 1, -1), 0);
  assert.equal(smoothstep(0, 1, 0.5), 0.5);
  assert.equal(smoothstep(0, 1, 2), 1);
  const view = viewFrom(0, 0, 330, 100);
  assert.equal(arcLife(view, 90, 1), 1, 'seen 10 s ago');
  assert.equal(arcLife(view, 90, 0), 0, 'dead slot');
  assert.equal(arcLife(view, 100 - 120, 1), 0.5, 'half way between fade start and ttl');
  assert.equal(arcLife(view, -100, 1), 0, 'past the ttl');
  // at time 100 with speed 0.45 and phase 0.1 the cycle is 45.1: 0.1 of the way, i.e. the head at 0.1 × 1.22
  assert.ok(Math.abs(dashT(view, 0.1, 0.45, 0) - 0.122) < 1e-9);
  assert.ok(Math.abs(dashT(view, 0.1, -0.45, 0) - (1 - 0.122)) < 1e-9, 'negative speed: from the remote end');
  assert.equal(dashT(view, 0.1, 0.45, 1), 0, 'the tail clamped onto the site');
});

test('nothing the dash shader would draw is culled (5 000 random arcs, cameras all round the globe)', () => {
  const arcs = randomArcs(5000, 7);
  const mask = new Uint32Array(5000);
  let kept = 0;
  let total = 0;
  const cameras = [[40, 10, 330, 0], [-30, 170, 330, 12.5], [0, 90, 250, 77], [80, -60, 600, 3]];
  for (const [lat, lng, distance, time] of cameras) {
    const view = viewFrom(lat as number, lng as number, distance as number, time as number);
    cullDashes(view, 5000, arcs.frames, arcs.times, 2, mask);
    for (let s = 0; s < 5000; s++) {
      const { t, width } = shaderDash(view, arcs, s, 2);
      for (let i = 0; i < 2; i++) {
        total++;
        const drawn = ((mask[s] as number) & (1 << i)) !== 0;
        if (drawn) kept++;
        // the quad has area when it has length and some width at either end
        const hasPixels = t[i] !== t[i + 1] && ((width[i] as number) > 0 || (width[i + 1] as number) > 0);
        if (hasPixels) assert.ok(drawn, `slot ${s} segment ${i} has pixels but was culled`);
      }
    }
  }
  // and it does cull: from any side, a good part of the arcs is on the far side or faded
  assert.ok(kept < total * 0.85, `${kept} of ${total} segments kept`);
});

test('the whole far side is culled; a camera over the site keeps the dashes near it', () => {
  const arcs = randomArcs(200, 11);
  arcs.times.fill(0);
  for (let s = 0; s < 200; s++) arcs.times.set([0, 0.05, 0.45, 1], s * 4); // every head near the site
  const mask = new Uint32Array(200);
  cullDashes(viewFrom(-SITE[0], SITE[1] + 180, 330, 0), 200, arcs.frames, arcs.times, 2, mask);
  assert.equal(mask.reduce((n, m) => n + (m === 0 ? 0 : 1), 0), 0, 'the site is on the far side');
  cullDashes(viewFrom(SITE[0], SITE[1], 330, 0), 200, arcs.frames, arcs.times, 2, mask);
  assert.equal(mask.reduce((n, m) => n + (m === 0 ? 0 : 1), 0), 200, 'the site faces the camera');
});

test('rails keep the segments with a visible end; ends show when alive and in front', () => {
  const view = viewFrom(SITE[0], SITE[1], 330, 0);
  // one rail from the site to its antipode: the first part faces the camera, the rest is behind the globe
  const frame = arcFrame(SITE[0], SITE[1], -SITE[0] + 0.5, SITE[1] - 179.5);
  const points = new Float32Array(17 * 3);
  for (let i = 0; i <= 16; i++) writeArcPoint(frame, i / 16, points, i * 3);
  const times = new Float32Array([0, 0, 0.45, 1]);
  const mask = new Uint32Array(1);
  cullRails(view, 1, points, new Int32Array([0]), times, 16, mask);
  const bits = mask[0] as number;
  assert.equal(bits & 1, 1, 'the start, at the site');
  assert.equal(bits & (1 << 15), 0, 'the end, on the far side');
  assert.ok(bits !== 0xffff);
  cullRails(view, 1, points, new Int32Array([-1]), times, 16, mask);
  assert.equal(mask[0], 0, 'a free rail slot');
  const ends = new Float32Array([
    ...toCartesian(SITE[0] + 5, SITE[1] + 5, 0.003), ...toCartesian(-SITE[0], SITE[1] + 180, 0.003),
  ]);
  const endMask = new Uint32Array(2);
  cullEnds(view, 2, ends, new Float32Array([0, 0, 0, 1, 0, 0, 0, 1]), endMask);
  assert.deepEqual([...endMask], [1, 0]);
  cullEnds(view, 2, ends, new Float32Array([-1000, 0, 0, 1, 0, 0, 0, 1]), endMask);
  assert.deepEqual([...endMask], [0, 0], 'faded out');
});
