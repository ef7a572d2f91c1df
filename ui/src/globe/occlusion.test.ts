import assert from 'node:assert/strict';
import { test } from 'node:test';
import { behindGlobe, cameraTerm } from './occlusion.js';

const c2 = cameraTerm(0, 0, 1000);
const behind = (x: number, y: number, z: number, margin = 0.5) => behindGlobe(0, 0, 1000, c2, x, y, z, margin);

test('points behind the globe are hidden, points in front of it or beside it are not', () => {
  assert.equal(c2, 1000 * 1000 - 100 * 100);
  assert.equal(behind(0, 0, -100), true);
  assert.equal(behind(0, 0, 100), false);
  assert.equal(behind(150, 0, 0), false, 'beside the globe');
  assert.equal(behind(0, 0, 1000), false, 'at the camera');
});

test('the margin: a point counts as hidden only when the globe is at least that far in front of it', () => {
  // the ray down the axis meets the sphere at z = 100, i.e. 900 from the camera
  assert.equal(behind(0, 0, 99, 0.5), true, '1 behind the surface, margin 0.5');
  assert.equal(behind(0, 0, 99, 2), false, '1 behind the surface, margin 2');
  assert.equal(behind(0, 0, 91, 8), true);
  assert.equal(behind(0, 0, 93, 8), false);
});
