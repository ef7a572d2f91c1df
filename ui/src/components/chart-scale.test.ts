import assert from 'node:assert/strict';
import { test } from 'node:test';
import { linePath, niceMax, ticks } from './chart-scale.js';

test('nice maxima are 1, 2, 2.5, 5 or 10 times a power of ten at or above the data', () => {
  assert.equal(niceMax(0), 1);
  assert.equal(niceMax(7), 10);
  assert.equal(niceMax(1.2e6), 2e6);
  assert.equal(niceMax(2100), 2500);
  assert.equal(niceMax(0.03), 0.05);
  assert.deepEqual(ticks(100), [0, 25, 50, 75, 100]);
});

test('the line path spans the box: first time at x 0, last at the width, value 0 at the bottom', () => {
  const d = linePath([{ t: 0, v: 0 }, { t: 10, v: 5 }, { t: 20, v: 10 }], 0, 20, 10, 200, 100);
  assert.equal(d, 'M0.0,100.0L100.0,50.0L200.0,0.0');
  assert.equal(linePath([], 0, 1, 1, 10, 10), '');
});
