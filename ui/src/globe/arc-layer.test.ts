import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as THREE from 'three';
import { ArcLayer, DASH_SEGMENTS, PICK_SAMPLES, RAIL_SEGMENTS } from './arc-layer.js';
import { type ArcVisual } from './arc-visual.js';
import { arcFrame, toCartesian, writeArcPoint } from './geo.js';

const visual = (lat: number, lng: number, rail = false): ArcVisual => ({
  lat, lng, color: [1, 0, 0], widthPx: 2, lastSeenMs: Date.now(), phase: 0.5, speed: 0.45, rail,
});

const geometryOf = (o: THREE.Object3D) => (o as THREE.Mesh).geometry;
/** Slots drawn by a part: its draw range over what one slot takes (indices, or vertices for the points). */
const slotsDrawn = (o: THREE.Object3D, perSlot: number) => geometryOf(o).drawRange.count / perSlot;
const DASH_INDICES = (DASH_SEGMENTS - 1) * 6 + 3; // the last segment is one triangle: the dash ends in a point
const RAIL_INDICES = RAIL_SEGMENTS * 6;

test('slots are counted, bounded and reusable; drawing stops at the highest used slot', () => {
  const layer = new ArcLayer({ capacity: 4, fadeStartSec: 60, ttlSec: 180 });
  const { dashes, ends } = layer.parts;
  layer.setOrigin(52.52, 13.405);
  layer.set(0, visual(35.68, 139.69));
  layer.set(2, visual(-33.9, 151.2));
  layer.flush();
  assert.equal(layer.count, 2);
  assert.deepEqual([slotsDrawn(dashes, DASH_INDICES), slotsDrawn(ends, 1)], [3, 3]);
  layer.set(2, visual(-33.9, 151.2)); // an update is not a new arc
  assert.equal(layer.count, 2);
  layer.clear(2);
  assert.equal(layer.count, 1);
  assert.deepEqual([slotsDrawn(dashes, DASH_INDICES), slotsDrawn(ends, 1)], [1, 1]);
  layer.clear(2);
  assert.equal(layer.count, 1, 'clearing twice changes nothing');
  assert.throws(() => layer.set(4, visual(0, 0)), RangeError);
  assert.throws(() => layer.set(1.5, visual(0, 0)), RangeError);
  layer.dispose();
});

test('the three parts are drawn in order: rails, then dashes over them, then end points', () => {
  const layer = new ArcLayer({ capacity: 2, fadeStartSec: 60, ttlSec: 180 });
  assert.deepEqual(layer.object.children, [layer.parts.rails, layer.parts.dashes, layer.parts.ends]);
  assert.ok(layer.parts.ends instanceof THREE.Points);
  // a dash is a short ribbon: a pair of vertices per segment and one at the tail, whatever the arc's length
  assert.equal(geometryOf(layer.parts.dashes).getAttribute('aDash').count, 2 * (DASH_SEGMENTS * 2 + 1));
  layer.dispose();
});

test('a record is copied to every vertex of its slot and a cleared slot is marked dead', () => {
  const layer = new ArcLayer({ capacity: 16, fadeStartSec: 60, ttlSec: 180 });
  const dashes = geometryOf(layer.parts.dashes);
  const time = dashes.getAttribute('aTime') as THREE.BufferAttribute;
  const look = dashes.getAttribute('aLook');
  const end = geometryOf(layer.parts.ends).getAttribute('aTime');
  layer.set(1, visual(10, 20));
  const per = time.count / 16;
  for (let v = per; v < 2 * per; v++) {
    assert.equal(time.getW(v), 1, 'alive');
    assert.equal(look.getW(v), 2, 'width');
    assert.equal(time.getZ(v), Math.fround(0.45), 'dash speed');
  }
  assert.equal(end.getW(1), 1, 'the end point too');
  assert.equal(time.getW(0), 0, 'slot 0 untouched');
  layer.flush();
  assert.deepEqual(time.updateRanges, [{ start: per * 4, count: per * 4 }], 'only slot 1 is uploaded');
  layer.clear(1);
  assert.equal(time.getW(per), 0);
  assert.equal(end.getW(1), 0);
  layer.dispose();
});

test('rails: only arcs that ask for one, at most the rail capacity, lowest free rail reused, freed on clear', () => {
  const layer = new ArcLayer({ capacity: 8, fadeStartSec: 60, ttlSec: 180, railCapacity: 2 });
  const rails = geometryOf(layer.parts.rails);
  const railTime = rails.getAttribute('aTime');
  const perRail = railTime.count / 2;
  layer.setOrigin(0, 0);
  layer.set(0, visual(10, 10, true));
  layer.set(1, visual(20, 20));
  layer.set(2, visual(30, 30, true));
  layer.set(3, visual(40, 40, true)); // no rail left: drawn without one
  assert.equal(layer.railCount, 2);
  assert.equal(slotsDrawn(layer.parts.rails, RAIL_INDICES), 2);
  layer.set(0, visual(10, 10, false)); // no longer among the busiest
  assert.equal(layer.railCount, 1);
  assert.equal(railTime.getW(0), 0, 'its rail is dead');
  layer.set(3, visual(40, 40, true)); // takes the rail freed first
  assert.equal(layer.railCount, 2);
  assert.equal(railTime.getW(0), 1);
  // the rail carries the arc's frame: u and the central angle of (0,0) → (40,40)
  const { u, angle } = arcFrame(0, 0, 40, 40);
  const arc = rails.getAttribute('aArc');
  assert.ok(Math.abs(arc.getW(0) - angle) < 1e-6);
  assert.ok(Math.abs(arc.getX(0) - u[0]) < 1e-6 && Math.abs(arc.getY(0) - u[1]) < 1e-6);
  layer.clear(2); // the arc in rail slot 1: the draw range shrinks to rail slot 0
  assert.equal(layer.railCount, 1);
  assert.equal(railTime.getW(perRail), 0);
  assert.equal(slotsDrawn(layer.parts.rails, RAIL_INDICES), 1);
  layer.dispose();
});

test('moving the site rewrites every arc\'s frame and its rail', () => {
  const layer = new ArcLayer({ capacity: 2, fadeStartSec: 60, ttlSec: 180 });
  layer.setOrigin(52.52, 13.405);
  layer.set(1, visual(35.68, 139.69, true));
  const dashArc = geometryOf(layer.parts.dashes).getAttribute('aArc');
  const railArc = geometryOf(layer.parts.rails).getAttribute('aArc');
  const perDash = dashArc.count / 2;
  assert.ok(Math.abs(dashArc.getW(perDash) - arcFrame(52.52, 13.405, 35.68, 139.69).angle) < 1e-6);
  layer.setOrigin(0, 0);
  const moved = arcFrame(0, 0, 35.68, 139.69).angle;
  assert.ok(Math.abs(dashArc.getW(perDash) - moved) < 1e-6);
  assert.ok(Math.abs(railArc.getW(0) - moved) < 1e-6);
  layer.dispose();
});

test('pick samples run along the arc from the site to the remote end', () => {
  const layer = new ArcLayer({ capacity: 2, fadeStartSec: 60, ttlSec: 180 });
  layer.setOrigin(52.52, 13.405);
  layer.set(1, visual(35.68, 139.69));
  const s = layer.samples;
  const first = (1 * PICK_SAMPLES) * 3;
  const last = (1 * PICK_SAMPLES + PICK_SAMPLES - 1) * 3;
  const near = (o: number, p: readonly number[]) =>
    Math.hypot((s[o] as number) - (p[0] as number), (s[o + 1] as number) - (p[1] as number),
      (s[o + 2] as number) - (p[2] as number)) < 1e-3;
  assert.ok(near(first, toCartesian(52.52, 13.405)));
  assert.ok(near(last, toCartesian(35.68, 139.69)));
  const mid = new Float32Array(3);
  writeArcPoint(arcFrame(52.52, 13.405, 35.68, 139.69), 0.5, mid, 0);
  assert.ok(near(first + ((PICK_SAMPLES - 1) / 2) * 3, [...mid]), 'the middle sample is the arc\'s midpoint');
  // moving the site moves every arc's start
  layer.setOrigin(0, 0);
  assert.ok(near(first, toCartesian(0, 0)));
  layer.dispose();
});

/** A camera at `distance` from the globe's centre over (lat, lng), looking at the centre, in a scene with the layer. */
function sceneWith(layer: ArcLayer, lat: number, lng: number, distance = 330) {
  const scene = new THREE.Scene();
  scene.add(layer.object);
  const camera = new THREE.PerspectiveCamera(50, 16 / 9, 1, 5000);
  const [x, y, z] = toCartesian(lat, lng, distance / 100 - 1);
  camera.position.set(x, y, z);
  camera.lookAt(0, 0, 0);
  scene.updateMatrixWorld();
  camera.updateMatrixWorld();
  return { scene, camera };
}

/** What three.js's WebGLRenderer.render does first: the scene's onBeforeRender, with the camera. */
function beginFrame(scene: THREE.Scene, camera: THREE.Camera): void {
  scene.onBeforeRender({} as THREE.WebGLRenderer, scene, camera, new THREE.BufferGeometry(),
    new THREE.MeshBasicMaterial(), new THREE.Group());
}

test('attached to the scene, each frame draws only what faces the camera; detached, everything again', () => {
  const layer = new ArcLayer({ capacity: 3, fadeStartSec: 60, ttlSec: 180 });
  layer.setOrigin(52.52, 13.405);
  layer.set(0, visual(48.85, 2.35)); // Paris: near the site
  layer.set(1, visual(-52.52, -166.6)); // the site's antipode: its end is on the far side
  layer.set(2, visual(40.4, -3.7));
  layer.clear(2);
  const { scene, camera } = sceneWith(layer, 52.52, 13.405);
  const detach = layer.attach(scene);
  beginFrame(scene, camera);
  assert.equal(slotsDrawn(layer.parts.ends, 1), 1, 'the far end and the cleared slot are left out');
  assert.ok(slotsDrawn(layer.parts.dashes, DASH_INDICES) <= 2);
  assert.ok(geometryOf(layer.parts.dashes).drawRange.count > 0);
  detach();
  assert.equal(slotsDrawn(layer.parts.ends, 1), 2, 'every slot below the high mark again');
  assert.equal(slotsDrawn(layer.parts.dashes, DASH_INDICES), 2);
  layer.dispose();
});

test('a rail share draws the rails of the widest arcs only', () => {
  const layer = new ArcLayer({ capacity: 8, fadeStartSec: 60, ttlSec: 180, railCapacity: 4 });
  layer.setOrigin(52.52, 13.405);
  const widths = [1, 4, 2, 3];
  widths.forEach((w, slot) => layer.set(slot, { ...visual(45 + slot, 10 + slot, true), widthPx: w }));
  const { scene, camera } = sceneWith(layer, 52.52, 13.405);
  layer.attach(scene);
  const frame = () => {
    beginFrame(scene, camera);
    const index = geometryOf(layer.parts.rails).getIndex() as THREE.BufferAttribute;
    const perRail = (RAIL_SEGMENTS + 1) * 2;
    const rails = new Set<number>();
    for (let i = 0; i < geometryOf(layer.parts.rails).drawRange.count; i++) {
      rails.add(Math.floor((index.array[i] as number) / perRail));
    }
    return [...rails].sort();
  };
  assert.deepEqual(frame(), [0, 1, 2, 3], 'all four rails, near the site');
  layer.setRailShare(0.5);
  assert.deepEqual(frame(), [1, 3], 'the two widest: widths 4 and 3');
  layer.set(0, { ...visual(45, 10, true), widthPx: 9 });
  assert.deepEqual(frame(), [0, 1], 'ranked again when a width changes');
  layer.setRailShare(1);
  assert.deepEqual(frame(), [0, 1, 2, 3]);
  layer.dispose();
});
