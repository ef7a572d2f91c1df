import assert from 'node:assert/strict';
import { test } from 'node:test';
import { projectSamples, segmentDistance2 } from './picking.js';

// An orthographic-like camera looking down -z from z = 1000: clip x = wx / 200, y = wy / 200, w = 1.
const camera = {
  position: { x: 0, y: 0, z: 1000 },
  viewProjection: [1 / 200, 0, 0, 0, 0, 1 / 200, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1],
};

test('segment distance is measured to the nearest point of the segment', () => {
  assert.equal(segmentDistance2(5, 3, 0, 0, 10, 0), 9);
  assert.equal(segmentDistance2(-3, 4, 0, 0, 10, 0), 25);
  assert.equal(segmentDistance2(1, 1, 2, 2, 2, 2), 2);
});

test('the arc passing nearest the pointer wins, within the pixel limit', () => {
  // two arcs of 3 samples each, in front of the globe (z = 150)
  const samples = new Float32Array([
    -100, 0, 150, 0, 0, 150, 100, 0, 150, // slot 0: horizontal through the centre
    -100, 50, 150, 0, 50, 150, 100, 50, 150, // slot 1: 50 world units higher
  ]);
  const pick = (x: number, y: number) => projectSamples(camera, samples, 3, 2, () => true, x, y, 400, 400, 8);
  // screen: x = (wx / 200 + 1) * 200, y = (1 - wy / 200) * 200 → slot 0 at y = 200, slot 1 at y = 150
  assert.equal(pick(230, 203), 0);
  assert.equal(pick(230, 153), 1);
  assert.equal(pick(230, 175), undefined, 'too far from both');
  assert.equal(projectSamples(camera, samples, 3, 2, (s) => s !== 0, 230, 203, 400, 400, 60), 1, 'unused slots skipped');
});
