// Tests for Community ID v1 against the spec's published baseline and its ordering rules.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { communityId, communityIdFromBytes, IPPROTO, icmpPorts } from './community-id.js';
import { pcapBaselineVectors, readmeTableVectors, type Vector } from './community-id-vectors.js';
import { parseIp } from './ip-bytes.js';

function check(vectors: Vector[]): void {
  for (const [proto, src, dst, sport, dport, seed0, seed1] of vectors) {
    const label = `${proto} ${src}:${sport} -> ${dst}:${dport}`;
    assert.equal(communityId(src, dst, proto, sport ?? 0, dport ?? 0), seed0, `${label} seed 0`);
    assert.equal(communityId(src, dst, proto, sport ?? 0, dport ?? 0, 1), seed1, `${label} seed 1`);
  }
}

describe('communityId', () => {
  it('matches the spec README baseline tables (seed 0 and 1)', () => check(readmeTableVectors));
  it('matches the spec pcap baseline JSON (seed 0 and 1)', () => check(pcapBaselineVectors));

  it('hashes seed ‖ saddr ‖ daddr ‖ proto ‖ 0 ‖ sport ‖ dport, smaller endpoint first', () => {
    // Independent of the implementation: build the spec's byte string by hand.
    const input = Buffer.from([0, 0, 10, 0, 0, 1, 127, 0, 0, 1, 6, 0, 0x04, 0xd2, 0, 80]);
    const expected = `1:${createHash('sha1').update(input).digest('base64')}`;
    assert.equal(communityId('10.0.0.1', '127.0.0.1', 6, 1234, 80), expected);
    assert.equal(communityId('127.0.0.1', '10.0.0.1', 6, 80, 1234), expected);
  });

  it('orders equal addresses by port, smaller first', () => {
    // 10.0.0.5:5353 ↔ 10.0.0.5:53 hashes as (…, 53, 5353) whichever side is the source.
    const input = Buffer.from([0, 0, 10, 0, 0, 5, 10, 0, 0, 5, 17, 0, 0, 53, 0x14, 0xe9]);
    const expected = `1:${createHash('sha1').update(input).digest('base64')}`;
    assert.equal(communityId('10.0.0.5', '10.0.0.5', 17, 5353, 53), expected);
    assert.equal(communityId('10.0.0.5', '10.0.0.5', 17, 53, 5353), expected);
  });

  it('pairs every two-way ICMP/ICMPv6 type with its counterpart (pycommunityid tables)', () => {
    const icmp4 = [
      [8, 0],
      [13, 14],
      [15, 16],
      [10, 9],
      [17, 18],
    ];
    const icmp6 = [
      [128, 129],
      [130, 131],
      [133, 134],
      [135, 136],
      [139, 140],
      [144, 145],
    ];
    const pairs: [number, string, string, number[][]][] = [
      [1, '192.0.2.9', '192.0.2.1', icmp4],
      [58, '2001:db8::9', '2001:db8::1', icmp6],
    ];
    for (const [proto, a, b, table] of pairs) {
      for (const [request = -1, reply = -1] of table) {
        const label = `proto ${proto} type ${request}/${reply}`;
        assert.equal(
          communityId(a, b, proto, request, 0),
          communityId(b, a, proto, reply, 0),
          label,
        );
        assert.equal(icmpPorts(proto, reply, 3).dstPort, request, label);
      }
    }
    // ICMPv4 and ICMPv6 tables differ: 128 is two-way only for ICMPv6.
    assert.equal(icmpPorts(IPPROTO.ICMP, 128, 0).oneWay, true);
  });

  it('is symmetric: swapping endpoints gives the same id', () => {
    const cases: [string, string, number, number, number][] = [
      ['192.168.10.23', '203.0.113.10', 6, 51544, 443],
      ['10.0.0.5', '10.0.0.5', 17, 5353, 53], // equal addresses: ports decide
      ['2001:db8::1', '2001:db8::2', 132, 9, 9],
      ['203.0.113.10', '192.168.10.23', 17, 443, 51544],
    ];
    for (const [a, b, proto, pa, pb] of cases) {
      assert.equal(communityId(a, b, proto, pa, pb), communityId(b, a, proto, pb, pa));
    }
    // ICMP: a request and its reply (type 13 timestamp, 14 its reply) are one flow.
    assert.equal(
      communityId('192.0.2.1', '192.0.2.2', 1, 13, 0),
      communityId('192.0.2.2', '192.0.2.1', 1, 14, 0),
    );
    assert.equal(
      communityId('2001:db8::1', '2001:db8::2', 58, 128, 0),
      communityId('2001:db8::2', '2001:db8::1', 58, 129, 0),
    );
  });

  it('keeps one-way ICMP types in the order seen', () => {
    // Destination unreachable (3) has no counterpart: no swap, code is the "port".
    assert.equal(icmpPorts(IPPROTO.ICMP, 3, 1).oneWay, true);
    const out = communityId('10.0.0.2', '10.0.0.1', 1, 3, 1);
    const back = communityId('10.0.0.1', '10.0.0.2', 1, 3, 1);
    assert.notEqual(out, back);
    const input = Buffer.from([0, 0, 10, 0, 0, 2, 10, 0, 0, 1, 1, 0, 0, 3, 0, 1]);
    assert.equal(out, `1:${createHash('sha1').update(input).digest('base64')}`);
  });

  it('maps two-way ICMP and ICMPv6 types to their counterparts and ignores the code', () => {
    assert.deepEqual(icmpPorts(IPPROTO.ICMP, 8, 0), { srcPort: 8, dstPort: 0, oneWay: false });
    assert.deepEqual(icmpPorts(IPPROTO.ICMP, 10, 0), { srcPort: 10, dstPort: 9, oneWay: false });
    assert.deepEqual(icmpPorts(IPPROTO.ICMPV6, 135, 0), {
      srcPort: 135,
      dstPort: 136,
      oneWay: false,
    });
    assert.deepEqual(icmpPorts(IPPROTO.ICMPV6, 1, 4), { srcPort: 1, dstPort: 4, oneWay: true });
    assert.equal(
      communityId('1.2.3.4', '5.6.7.8', 1, 8, 0),
      communityId('1.2.3.4', '5.6.7.8', 1, 8, 7),
    );
  });

  it('ignores ports for protocols without them', () => {
    assert.equal(
      communityId('1.2.3.4', '5.6.7.8', 46, 1, 2),
      communityId('1.2.3.4', '5.6.7.8', 46),
    );
  });

  it('gives the same result from raw bytes (including subarray views)', () => {
    const packet = new Uint8Array(64);
    packet.set(parseIp('128.232.110.120'), 26);
    packet.set(parseIp('66.35.250.204'), 30);
    const id = communityIdFromBytes(packet.subarray(26, 30), packet.subarray(30, 34), 6, 34855, 80);
    assert.equal(id, '1:LQU9qZlK+B5F3KDmev6m5PMibrg=');
  });

  it('rejects mixed families and out-of-range values', () => {
    assert.throws(() => communityId('1.2.3.4', '::1', 6, 1, 2), RangeError);
    assert.throws(() => communityId('1.2.3.4', '5.6.7.8', 6, 70000, 2), RangeError);
    assert.throws(() => communityId('1.2.3.4', '5.6.7.8', 256, 1, 2), RangeError);
    assert.throws(() => communityId('1.2.3.4', '5.6.7.8', 6, 1, 2, 65536), RangeError);
    assert.throws(() => communityId('1.2.3', '5.6.7.8', 6, 1, 2), TypeError);
  });
});
