// NBNS parser: first-level name decoding, registrations, responses, node status; malformed names and counts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bytes, concat, u16, u32 } from '@netwatch/packet/decode/testing/frame-builder';
import { nbName, nbnsQueryResponse, nbnsRegistration } from '../testing/discovery-frames.js';
import { parseNbns } from './nbns.js';

const parse = (b: Uint8Array) => parseNbns(b, 0, b.length);

describe('parseNbns', () => {
  it('reads a broadcast registration with its compressed additional record', () => {
    assert.deepEqual(parse(nbnsRegistration('DESKTOP-7QK2', 0x00, '192.168.1.23')), { ok: true, value: {
      transactionId: 0x8e1a, isResponse: false, opcode: 5, rcode: 0, question: { name: 'DESKTOP-7QK2', suffix: 0 },
      records: [{ name: 'DESKTOP-7QK2', suffix: 0, type: 0x20, ttlSec: 300000, group: false,
        addresses: ['192.168.1.23'] }],
      nodeNames: [], unitId: undefined,
    } });
  });

  it('reads a group registration and a positive query response', () => {
    const group = parse(nbnsRegistration('WORKGROUP', 0x1e, '192.168.1.23', true));
    assert.ok(group.ok);
    assert.equal(group.value.records[0]?.group, true);
    assert.equal(group.value.records[0]?.suffix, 0x1e);
    const response = parse(nbnsQueryResponse('NAS', 0x20, '192.168.1.60'));
    assert.ok(response.ok);
    assert.equal(response.value.isResponse, true);
    assert.equal(response.value.opcode, 0);
    assert.deepEqual(response.value.records[0]?.addresses, ['192.168.1.60']);
    assert.equal(response.value.records[0]?.name, 'NAS');
  });

  it('reads a node status response: names and unit ID', () => {
    const names = concat(bytes(2), new Uint8Array([...'NAS            '].map((c) => c.charCodeAt(0))), bytes(0x00, 0x04, 0),
      new Uint8Array([...'WORKGROUP      '].map((c) => c.charCodeAt(0))), bytes(0x00, 0x84, 0),
      bytes(0x00, 0x11, 0x32, 0xaa, 0xbb, 0xcc));
    const b = concat(u16(1), u16(0x8400), u16(0), u16(1), u16(0), u16(0), nbName('*', 0), u16(0x21), u16(1), u32(0),
      u16(names.length), names);
    const result = parse(b);
    assert.ok(result.ok);
    assert.deepEqual(result.value.nodeNames, [{ name: 'NAS', suffix: 0, group: false },
      { name: 'WORKGROUP', suffix: 0, group: true }]);
    assert.equal(result.value.unitId, '00:11:32:aa:bb:cc');
  });

  it('refuses malformed messages by name', () => {
    const good = nbnsRegistration('PC', 0, '10.0.0.1');
    const badChar = good.slice();
    badChar[14] = 0x5a; // 'Z' is outside 'A'..'P'
    const forward = good.slice();
    forward[12 + 34 + 4 + 1] = 0x60; // pointer to a later offset
    const cases: [string, Uint8Array][] = [
      ['truncated', good.subarray(0, 11)],
      ['bad_count', concat(u16(1), u16(0), u16(2), u16(0), u16(0), u16(0))],
      ['bad_name_encoding', badChar],
      ['bad_name_length', concat(good.subarray(0, 12), bytes(31), good.subarray(13))],
      ['name_truncated', good.subarray(0, 30)],
      ['truncated', good.subarray(0, good.length - 3)],
      ['bad_name_pointer', forward],
      ['bad_rdata_length', concat(good.subarray(0, good.length - 8), u16(5), good.subarray(good.length - 6, good.length - 1))],
    ];
    for (const [reason, b] of cases) assert.deepEqual(parse(b), { ok: false, reason }, reason);
  });
});
