// Tests for the small helpers beside the schemas: MAC spelling, TCP flag names, severities.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tcpFlagsToNames } from './events/flow.js';
import { mac, normalizeMac } from './primitives.js';
import { fromSuricataSeverity, nameOfSeverity } from './severity.js';

describe('normalizeMac', () => {
  it('writes every common spelling in the ECS form the schema accepts', () => {
    for (const input of ['3c:22:fb:12:34:56', '3C-22-FB-12-34-56', '3c22.fb12.3456']) {
      assert.equal(normalizeMac(input), '3C-22-FB-12-34-56');
      assert.ok(mac.safeParse(normalizeMac(input)).success);
    }
    assert.throws(() => normalizeMac('3c:22:fb:12:34'));
    assert.throws(() => normalizeMac('zz:22:fb:12:34:56'));
  });
});

describe('tcpFlagsToNames', () => {
  it('names bits in RFC 9293 order', () => {
    assert.deepEqual(tcpFlagsToNames(0x12), ['SYN', 'ACK']);
    assert.deepEqual(tcpFlagsToNames(0xc0), ['ECE', 'CWR']);
    assert.deepEqual(tcpFlagsToNames(0), []);
  });
});

describe('severity', () => {
  it('names levels 1..4 and maps Suricata priorities onto them', () => {
    assert.equal(nameOfSeverity(1), 'low');
    assert.equal(nameOfSeverity(4), 'critical');
    assert.throws(() => nameOfSeverity(0), RangeError);
    assert.equal(nameOfSeverity(fromSuricataSeverity(1)), 'high');
    assert.equal(nameOfSeverity(fromSuricataSeverity(2)), 'medium');
    assert.equal(nameOfSeverity(fromSuricataSeverity(3)), 'low');
  });
});
