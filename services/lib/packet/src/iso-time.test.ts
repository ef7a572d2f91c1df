// isoTime: RFC 3339 text with nine fraction digits, exact at second boundaries and across cached seconds.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isoTime, packetTime } from './iso-time.js';

describe('isoTime', () => {
  it('keeps every nanosecond digit and carries whole seconds', () => {
    assert.equal(isoTime(1_750_000_000, 0), '2025-06-15T15:06:40.000000000Z');
    assert.equal(isoTime(1_750_000_000, 1), '2025-06-15T15:06:40.000000001Z');
    assert.equal(isoTime(1_750_000_000, 2_500_000_000), '2025-06-15T15:06:42.500000000Z');
    assert.equal(isoTime(1_750_000_000, 999_999_999.6), '2025-06-15T15:06:41.000000000Z');
  });

  it('formats a third second correctly after two are cached', () => {
    assert.equal(packetTime(1_750_000_001, 5), '2025-06-15T15:06:41.000000005Z');
    assert.equal(packetTime(1_750_000_002, 5), '2025-06-15T15:06:42.000000005Z');
    assert.equal(packetTime(1_760_000_000, 123_456_789), '2025-10-09T08:53:20.123456789Z');
  });
});
