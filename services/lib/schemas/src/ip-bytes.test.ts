// Tests for IP text <-> bytes conversion and RFC 5952 canonical text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalIp, formatIp, parseIp } from './ip-bytes.js';

describe('parseIp', () => {
  it('parses IPv4 and IPv6 forms into network-order bytes', () => {
    assert.deepEqual([...parseIp('192.0.2.1')], [192, 0, 2, 1]);
    assert.deepEqual([...parseIp('::1')], [...new Array(15).fill(0), 1]);
    assert.deepEqual(
      [...parseIp('2001:DB8::a:1')],
      [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x0a, 0, 1],
    );
    assert.deepEqual([...parseIp('::ffff:192.0.2.1').subarray(10)], [0xff, 0xff, 192, 0, 2, 1]);
    assert.deepEqual([...parseIp('fe80::')].slice(0, 2), [0xfe, 0x80]);
  });

  it('rejects what is not an address', () => {
    for (const bad of ['', '256.1.1.1', '1.2.3', '1::2::3', 'fe80::1%eth0', 'example.com']) {
      assert.throws(() => parseIp(bad), TypeError, bad);
    }
  });
});

describe('formatIp', () => {
  it('writes RFC 5952 canonical text', () => {
    const cases: [string, string][] = [
      ['2001:0DB8:0000:0000:0000:0000:0002:0001', '2001:db8::2:1'],
      ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'], // §4.2.2: one zero group stays
      ['2001:0:0:1:0:0:0:1', '2001:0:0:1::1'], // §4.2.3: the longest run
      ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'], // §4.2.3: first of equal runs
      ['0:0:0:0:0:0:0:0', '::'],
      ['0:0:0:0:0:ffff:c000:0201', '::ffff:192.0.2.1'], // §5: IPv4-mapped
      ['10.1.2.3', '10.1.2.3'],
    ];
    for (const [input, expected] of cases) assert.equal(canonicalIp(input), expected, input);
  });

  it('round-trips bytes', () => {
    const bytes = parseIp('2607:f8b0:400c:c03::1a');
    assert.deepEqual(parseIp(formatIp(bytes)), bytes);
    assert.throws(() => formatIp(new Uint8Array(5)), RangeError);
  });
});
