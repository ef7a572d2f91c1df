// LLDP parser: every TLV the asset sensor reads, and the malformed shapes 802.1AB §8.2 forbids.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bytes, concat, ip6, text, u16 } from '@netwatch/packet/decode/testing/frame-builder';
import { lldpPayload, lldpTlv, sampleLldp, SWITCH_MAC } from '../testing/discovery-frames.js';
import { lldpCapabilityList, parseLldp } from './lldp.js';

const parse = (b: Uint8Array) => parseLldp(b, 0, b.length);

describe('parseLldp', () => {
  it('reads chassis, port, TTL, names, capabilities and the management address', () => {
    const result = parse(sampleLldp());
    assert.ok(result.ok);
    assert.deepEqual(result.value, {
      chassisIdSubtype: 4, chassisId: '00:1e:49:10:20:30', portIdSubtype: 5, portId: 'ge-0/0/12', ttlSec: 120,
      portDescription: 'uplink to office', systemName: 'core-sw1', systemDescription: 'Juniper EX2300-24T, JunOS 21.4R3',
      capabilities: 0x14, enabledCapabilities: 0x14, managementAddresses: ['192.168.1.2'],
    });
    assert.deepEqual(lldpCapabilityList(0x14), ['bridge', 'router']);
  });

  it('reads a network-address chassis ID and an IPv6 management address', () => {
    const b = concat(lldpTlv(1, concat(bytes(5, 2), ip6('fd00::1'))), lldpTlv(2, concat(bytes(3), SWITCH_MAC)),
      lldpTlv(3, u16(0)), lldpTlv(8, concat(bytes(17, 2), ip6('fd00::2'), bytes(1), new Uint8Array(4), bytes(0))));
    const result = parse(b);
    assert.ok(result.ok);
    assert.equal(result.value.chassisId, 'fd00::1');
    assert.equal(result.value.portId, '00:1e:49:10:20:30');
    assert.equal(result.value.ttlSec, 0);
    assert.deepEqual(result.value.managementAddresses, ['fd00::2']);
  });

  it('refuses malformed LLDPDUs by name', () => {
    const chassis = lldpTlv(1, concat(bytes(4), SWITCH_MAC));
    const port = lldpTlv(2, concat(bytes(7), text('1')));
    const ttl = lldpTlv(3, u16(120));
    const cases: [string, Uint8Array][] = [
      ['missing_chassis_id', concat(port, chassis, ttl)],
      ['missing_port_id', concat(chassis, ttl, port)],
      ['missing_ttl', concat(chassis, port, lldpTlv(5, 'x'))],
      ['missing_ttl', concat(chassis, port)],
      ['tlv_truncated', concat(chassis, port, ttl, bytes(0x0a, 0x10, 0x41))],
      ['tlv_truncated', concat(chassis, port, ttl, bytes(0x0a))],
      ['bad_tlv_length', concat(lldpTlv(1, bytes(4)), port, ttl)],
      ['bad_tlv_length', concat(chassis, port, lldpTlv(3, bytes(1)))],
      ['bad_tlv_length', concat(chassis, port, ttl, lldpTlv(7, bytes(0, 4)))],
      ['bad_tlv_length', concat(chassis, port, ttl, lldpTlv(8, concat(bytes(40, 1), new Uint8Array(10))))],
      ['duplicate_chassis_id', concat(chassis, port, ttl, chassis)],
      ['too_many_tlvs', concat(chassis, port, ttl, ...Array.from({ length: 200 }, () => lldpTlv(127, bytes(0, 0x12, 0xbb, 1))))],
    ];
    for (const [reason, b] of cases) assert.deepEqual(parse(b), { ok: false, reason }, reason);
  });

  it('accepts an LLDPDU that ends without an End TLV', () => {
    const b = lldpPayload();
    const result = parse(b.subarray(0, b.length - 2));
    assert.ok(result.ok);
    assert.equal(result.value.systemName, undefined);
  });
});
