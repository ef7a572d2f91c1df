// CDP parser: device ID, addresses, port, capabilities, software and platform; malformed TLVs refused by name.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bytes, concat, ip6, u16, u32 } from '@netwatch/packet/decode/testing/frame-builder';
import { cdpPayload, cdpTlv, sampleCdp } from '../testing/discovery-frames.js';
import { cdpCapabilityList, parseCdp } from './cdp.js';

const SNAP = bytes(0xaa, 0xaa, 0x03, 0x00, 0x00, 0x0c, 0x20, 0x00);
const parse = (payload: Uint8Array) => {
  const b = concat(SNAP, payload);
  return parseCdp(b, 0, b.length);
};

describe('parseCdp', () => {
  it('reads every TLV the asset sensor uses', () => {
    const result = parse(sampleCdp());
    assert.ok(result.ok);
    assert.deepEqual(result.value, {
      version: 2, ttlSec: 180, deviceId: 'edge-sw2.example.net', addresses: ['192.168.1.3'],
      portId: 'GigabitEthernet0/1', capabilities: 0x28,
      softwareVersion: 'Cisco IOS Software, C2960 Software, Version 15.0(2)SE11', platform: 'cisco WS-C2960-24TT-L',
      nativeVlan: 10,
    });
    assert.deepEqual(cdpCapabilityList(0x28), ['switch', 'igmp']);
  });

  it('reads IPv6 addresses (802.2 protocol type, 0x86dd)', () => {
    const v6 = concat(u32(1), bytes(2, 8, 0xaa, 0xaa, 0x03, 0, 0, 0, 0x86, 0xdd), u16(16), ip6('fd00::3'));
    const result = parse(cdpPayload([cdpTlv(2, v6)]));
    assert.ok(result.ok);
    assert.deepEqual(result.value.addresses, ['fd00::3']);
  });

  it('refuses malformed frames by name', () => {
    const cases: [string, Uint8Array][] = [
      ['truncated', bytes(0xaa, 0xaa, 0x03)],
      ['not_cdp', concat(bytes(0xaa, 0xaa, 0x03, 0x00, 0x00, 0x0c, 0x20, 0x04), bytes(2, 180, 0, 0))],
      ['bad_version', concat(SNAP, bytes(3, 180, 0, 0))],
      ['tlv_truncated', concat(SNAP, bytes(2, 180, 0, 0), bytes(0, 1, 0))],
      ['bad_tlv_length', concat(SNAP, bytes(2, 180, 0, 0), bytes(0, 1, 0, 2))],
      ['tlv_truncated', concat(SNAP, bytes(2, 180, 0, 0), bytes(0, 1, 0, 40, 0x41))],
      ['bad_tlv_length', concat(SNAP, cdpPayload([cdpTlv(4, bytes(1, 2))]))],
      ['bad_address', concat(SNAP, cdpPayload([cdpTlv(2, concat(u32(2), bytes(1, 1, 0xcc), u16(4)))]))],
      ['too_many_tlvs', concat(SNAP, cdpPayload(Array.from({ length: 130 }, () => cdpTlv(0x99, ''))))],
    ];
    for (const [reason, b] of cases) assert.deepEqual(parseCdp(b, 0, b.length), { ok: false, reason }, reason);
  });
});
