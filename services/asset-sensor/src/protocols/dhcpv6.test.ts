// DHCPv6 parser: client identity and fingerprint from a Solicit, addresses from a Reply, malformed options by name.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bytes, concat, ip6, text, u16, u32 } from '@netwatch/packet/decode/testing/frame-builder';
import { dnsName, LAPTOP_MAC } from '../testing/discovery-frames.js';
import { parseDhcpv6 } from './dhcpv6.js';

const opt = (code: number, value: Uint8Array) => concat(u16(code), u16(value.length), value);
const duid = concat(u16(1), u16(1), u32(0x2a000000), LAPTOP_MAC);
const parse = (b: Uint8Array) => parseDhcpv6(b, 0, b.length);

describe('parseDhcpv6', () => {
  it('reads a Solicit: DUID with its MAC, option request list, vendor class, partial FQDN', () => {
    const fqdn = dnsName('alices-laptop').subarray(0, -1); // partial: no root label (RFC 4704 §4.2)
    const solicit = concat(bytes(1, 0x12, 0x34, 0x56), opt(1, duid), opt(6, concat(u16(23), u16(24), u16(39))),
      opt(16, concat(u32(311), u16(8), text('MSFT 5.0'))), opt(39, concat(bytes(0), fqdn)));
    assert.deepEqual(parse(solicit), { ok: true, value: {
      messageType: 1, transactionId: 0x123456, clientDuid: '00:01:00:01:2a:00:00:00:3c:22:fb:12:34:56',
      duidMac: '3c:22:fb:12:34:56', optionRequest: [23, 24, 39], vendorClass: 'MSFT 5.0', vendorEnterprise: 311,
      fqdn: 'alices-laptop', addresses: [],
    } });
  });

  it('reads the leased addresses of a Reply', () => {
    const iaaddr = opt(5, concat(ip6('fd77:6e77::59'), u32(3600), u32(7200)));
    const reply = concat(bytes(7, 0, 0, 1), opt(1, duid), opt(3, concat(u32(1), u32(1800), u32(2880), iaaddr)));
    const result = parse(reply);
    assert.ok(result.ok);
    assert.deepEqual(result.value.addresses, ['fd77:6e77::59']);
  });

  it('ignores a client FQDN in a message type RFC 4704 §4 does not allow it in (Release)', () => {
    const release = concat(bytes(8, 0, 0, 1), opt(1, duid), opt(39, concat(bytes(0), dnsName('pc'))));
    const result = parse(release);
    assert.ok(result.ok);
    assert.equal(result.value.fqdn, undefined);
    assert.equal(result.value.duidMac, '3c:22:fb:12:34:56');
  });

  it('refuses malformed messages by name', () => {
    const cases: [string, Uint8Array][] = [
      ['truncated', bytes(1, 0)],
      ['option_truncated', concat(bytes(1, 0, 0, 1), u16(1), u16(20), bytes(0, 1))],
      ['option_truncated', concat(bytes(1, 0, 0, 1), bytes(0, 1))],
      ['bad_option_length', concat(bytes(1, 0, 0, 1), opt(6, bytes(0, 23, 0)))],
      ['bad_option_length', concat(bytes(7, 0, 0, 1), opt(3, bytes(0, 0, 0, 1)))],
      ['bad_option_length', concat(bytes(1, 0, 0, 1), opt(16, concat(u32(311), u16(40), text('x'))))],
      ['dns_bad_label_type', concat(bytes(1, 0, 0, 1), opt(39, bytes(0, 0x80, 1, 2)))],
      ['too_many_options', concat(bytes(1, 0, 0, 1), ...Array.from({ length: 70 }, () => opt(99, bytes())))],
    ];
    for (const [reason, b] of cases) assert.deepEqual(parse(b), { ok: false, reason }, reason);
  });
});
