import assert from 'node:assert/strict';
import { test } from 'node:test';
import { backoffDelay } from './backoff.js';

test('delays double per attempt between half and all of the ceiling, capped', () => {
  const opts = { baseMs: 1000, maxMs: 30_000 };
  assert.equal(backoffDelay(0, 0, opts), 500);
  assert.equal(backoffDelay(0, 0.999999, opts), 1000);
  assert.equal(backoffDelay(3, 0, opts), 4000);
  assert.equal(backoffDelay(3, 0.999999, opts), 8000);
  assert.equal(backoffDelay(50, 0.999999, opts), 30_000);
  assert.equal(backoffDelay(50, 0, opts), 15_000);
});
