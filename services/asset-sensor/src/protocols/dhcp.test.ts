// DHCP parser: the fields asset discovery uses, option overload, and every malformed shape refused by name.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bytes, concat, u32 } from '@netwatch/packet/decode/testing/frame-builder';
import { dhcpAck, dhcpPayload, dhcpRequest, LAPTOP_MAC, option } from '../testing/discovery-frames.js';
import { parseDhcp } from './dhcp.js';

const parse = (b: Uint8Array) => parseDhcp(b, 0, b.length);

describe('parseDhcp', () => {
  it('reads a REQUEST: type, hostname, vendor class, parameter list, requested IP, server and client IDs', () => {
    const result = parse(dhcpRequest());
    assert.ok(result.ok);
    assert.deepEqual(result.value, {
      op: 1, xid: 0x3903f326, clientMac: '3c:22:fb:12:34:56', clientIp: '0.0.0.0', yourIp: '0.0.0.0',
      relayIp: '0.0.0.0', messageType: 3, hostname: 'alices-laptop', domainName: undefined, vendorClass: 'MSFT 5.0',
      parameterRequestList: [1, 3, 6, 15, 31, 33, 43, 44, 46, 47, 119, 121, 249, 252], requestedIp: '192.168.1.23',
      serverId: '192.168.1.1', clientId: '01:3c:22:fb:12:34:56', leaseTimeSec: undefined,
    });
  });

  it('reads an ACK: the assigned address, lease time and domain', () => {
    const result = parse(dhcpAck());
    assert.ok(result.ok);
    assert.equal(result.value.op, 2);
    assert.equal(result.value.messageType, 5);
    assert.equal(result.value.yourIp, '192.168.1.23');
    assert.equal(result.value.leaseTimeSec, 86400);
    assert.equal(result.value.domainName, 'home.arpa');
  });

  it('follows option overload into the file field (RFC 2132 §9.3) and skips PAD', () => {
    const b = dhcpPayload({ op: 1, chaddr: LAPTOP_MAC, options: [bytes(0, 0), option(53, [1]), option(52, [1])],
      fileOptions: [option(12, 'from-file'), bytes(0)] });
    const result = parse(b);
    assert.ok(result.ok);
    assert.equal(result.value.messageType, 1);
    assert.equal(result.value.hostname, 'from-file');
  });

  it('drops trailing NULs of NUL-terminated strings and tolerates a missing END', () => {
    const b = dhcpPayload({ op: 1, chaddr: LAPTOP_MAC, options: [option(12, 'pc\0')] });
    const result = parse(b.subarray(0, b.length - 1));
    assert.ok(result.ok);
    assert.equal(result.value.hostname, 'pc');
  });

  it('refuses malformed messages by name', () => {
    const good = dhcpRequest();
    const cases: [string, Uint8Array][] = [
      ['truncated', good.subarray(0, 239)],
      ['bad_op', concat(bytes(3), good.subarray(1))],
      ['bad_magic', concat(good.subarray(0, 236), u32(0x63825364), good.subarray(240))],
      ['option_truncated', concat(good.subarray(0, 240), bytes(12, 40, 0x41))],
      ['option_truncated', concat(good.subarray(0, 240), bytes(12))],
      ['bad_option_length', dhcpPayload({ op: 1, chaddr: LAPTOP_MAC, options: [option(50, [10, 0, 0])] })],
      ['bad_option_length', dhcpPayload({ op: 1, chaddr: LAPTOP_MAC, options: [option(53, [1, 2])] })],
      ['bad_overload', dhcpPayload({ op: 1, chaddr: LAPTOP_MAC, options: [option(52, [7])] })],
      ['option_truncated', dhcpPayload({ op: 1, chaddr: LAPTOP_MAC, options: [option(52, [1])],
        fileOptions: [concat(bytes(12, 200))] })],
    ];
    for (const [reason, b] of cases) assert.deepEqual(parse(b), { ok: false, reason }, reason);
  });

  it('does not name a MAC for non-Ethernet hardware', () => {
    const b = dhcpRequest();
    b[1] = 6; // IEEE 802 networks
    b[2] = 6;
    const r1 = parse(b);
    assert.ok(r1.ok);
    assert.equal(r1.value.clientMac, undefined);
  });
});
