// Malformed input: every named decode error from a crafted frame, and every truncation of valid frames.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LinkType } from '../linktype.js';
import { DecodeError, decodeErrorNames } from './decode-error.js';
import { decodePacket } from './decode-packet.js';
import { createDecodedPacket, EtherType, IpProtocol } from './decoded-packet.js';
import { decodeFrame } from './testing/decode-frame.js';
import {
  arp,
  bytes,
  concat,
  ethernet,
  ethernetVlan,
  gre,
  ipv4,
  ipv6,
  ipv6Ext,
  ipv6Fragment,
  linuxSynOptions,
  MAC_A,
  MAC_B,
  nullHeader,
  sll,
  sll2,
  tcp,
  text,
  udp,
  vlanTag,
  vxlan,
} from './testing/frame-builder.js';

const E = LinkType.ETHERNET;
const v4 = (protocol: number, payload: Uint8Array) => ethernet(EtherType.IPV4, ipv4({ protocol }, payload));
const v6 = (nextHeader: number, payload: Uint8Array) => ethernet(EtherType.IPV6, ipv6({ nextHeader }, payload));
const synFrame = v4(IpProtocol.TCP, tcp({ options: linuxSynOptions() }, text('payload')));

/** One crafted input per error name (decode_bad_bounds is checked separately: it needs bad arguments). */
const CASES: Record<string, [Uint8Array, number]> = {
  none: [synFrame, E],
  unsupported_linktype: [synFrame, 105],
  eth_truncated: [synFrame.subarray(0, 13), E],
  vlan_truncated: [ethernetVlan([vlanTag(0x8100, 1)], 0x0800, new Uint8Array(0)).subarray(0, 16), E],
  vlan_too_deep: [ethernetVlan([vlanTag(0x88a8, 1), vlanTag(0x8100, 2), vlanTag(0x8100, 3)], 0x0800, bytes()), E],
  sll_truncated: [sll(0x0800, new Uint8Array(0)).subarray(0, 10), LinkType.LINUX_SLL],
  sll2_truncated: [sll2(0x0800, new Uint8Array(0)).subarray(0, 10), LinkType.LINUX_SLL2],
  null_truncated: [bytes(2), LinkType.NULL],
  null_unknown_family: [nullHeader(99, new Uint8Array(20)), LinkType.LOOP],
  unsupported_ethertype: [ethernet(0x8847, new Uint8Array(20)), E],
  arp_truncated: [ethernet(EtherType.ARP, arp(1, MAC_A, '1.2.3.4', MAC_B, '5.6.7.8').subarray(0, 20)), E],
  ip_unknown_version: [bytes(0x70, 0, 0, 0), LinkType.RAW],
  ipv4_truncated: [synFrame.subarray(0, 30), E],
  ipv4_bad_version: [ethernet(EtherType.IPV4, ipv6({ nextHeader: 59 }, new Uint8Array(0))), E],
  ipv4_bad_header_length: [ethernet(EtherType.IPV4, ipv4({ protocol: 6, ihl: 2 }, new Uint8Array(20))), E],
  ipv4_bad_total_length: [ethernet(EtherType.IPV4, ipv4({ protocol: 6, totalLength: 10 }, new Uint8Array(20))), E],
  ipv4_options_truncated: [ethernet(0x0800, ipv4({ protocol: 6, ihl: 15, totalLength: 100 }, new Uint8Array(20))), E],
  ipv6_truncated: [v6(59, new Uint8Array(0)).subarray(0, 50), E],
  ipv6_bad_version: [ethernet(EtherType.IPV6, ipv4({ protocol: 6 }, new Uint8Array(40))), E],
  ipv6_ext_header_truncated: [v6(IpProtocol.HOPOPTS, ipv6Ext(59, 1).subarray(0, 12)), E],
  ipv6_too_many_ext_headers: [v6(60, concat(...Array.from({ length: 9 }, () => ipv6Ext(60)))), E],
  tcp_truncated: [synFrame.subarray(0, 40), E],
  tcp_bad_data_offset: [v4(6, tcp({ dataOffset: 3 })), E],
  tcp_options_truncated: [synFrame.subarray(0, 60), E],
  tcp_bad_option: [v4(6, tcp({ options: bytes(3, 9, 0, 0) })), E],
  udp_truncated: [v4(17, bytes(0, 53, 0, 53, 0)), E],
  udp_bad_length: [v4(17, udp(53, 53, new Uint8Array(4), 200)), E],
  icmp_truncated: [v4(1, bytes(8, 0, 0, 0)), E],
  icmpv6_truncated: [v6(58, bytes(128, 0, 0, 0)), E],
  sctp_truncated: [v4(132, bytes(0, 1, 0, 2)), E],
  gre_truncated: [v4(47, bytes(0x20, 0, 0x08, 0x00, 0, 0)), E],
  gre_bad_flags: [v4(47, gre({ protocol: 0x0800, extraFlags: 0x0800 }, new Uint8Array(0))), E],
  gre_unsupported_version: [v4(47, gre({ protocol: 0x880b, version: 1 }, new Uint8Array(0))), E],
  gre_unsupported_protocol: [v4(47, gre({ protocol: 0x88be }, new Uint8Array(8))), E],
  vxlan_truncated: [v4(17, udp(1, 4789, bytes(8, 0, 0, 0))), E],
  tunnel_too_deep: [v4(4, ipv4({ protocol: 41 }, ipv6({ nextHeader: 4 }, new Uint8Array(0)))), E],
};

describe('every named decode error', () => {
  it('has a crafted case for each name, and each case returns its name', () => {
    for (const name of decodeErrorNames) {
      if (name === 'decode_bad_bounds') continue;
      const c = CASES[name];
      assert.ok(c, `no case for ${name}`);
      assert.equal(decodeFrame(c[0], c[1]).err, name);
    }
  });

  it('rejects offsets and lengths outside the buffer as decode_bad_bounds', () => {
    const p = createDecodedPacket();
    const data = new Uint8Array(100);
    for (const [offset, caplen] of [[-1, 10], [0, 101], [99, 2], [0.5, 10], [Number.NaN, 1], [0, -1], [0, Infinity]]) {
      assert.equal(decodePacket(data, offset as number, caplen as number, E, p), DecodeError.BadBounds);
    }
    assert.equal(decodePacket(data, 100, 0, E, p), DecodeError.EthTruncated);
  });

  it('names match the codes one to one', () => {
    const codes = Object.values(DecodeError);
    assert.equal(new Set(codes).size, codes.length);
    assert.deepEqual([...codes].sort((a, b) => a - b), decodeErrorNames.map((_, i) => i));
    assert.equal(new Set(decodeErrorNames).size, decodeErrorNames.length);
  });
});

/** [end of a layer, the error when the cut falls before that end]; cuts at or past the last end decode cleanly. */
type Layers = [number, string][];

function checkEveryCut(frame: Uint8Array, linktype: number, layers: Layers): void {
  const p = createDecodedPacket();
  for (let cut = 0; cut <= frame.length; cut++) {
    const data = frame.slice(0, cut); // exact-size buffer: a read past the end would show as undefined
    const code = decodePacket(data, 0, cut, linktype, p);
    const layer = layers.find(([end]) => cut < end);
    const expected = layer ? layer[1] : 'none';
    assert.equal(decodeErrorNames[code], expected, `cut at ${cut} of ${frame.length}`);
    if (expected === 'none') {
      assert.ok(p.payloadOffset >= 0 && p.payloadOffset + p.payloadLength === cut, `payload at cut ${cut}`);
    }
  }
}

describe('truncation at every byte', () => {
  it('Ethernet/IPv4/TCP SYN with options', () => {
    checkEveryCut(synFrame, E, [
      [14, 'eth_truncated'],
      [34, 'ipv4_truncated'],
      [54, 'tcp_truncated'],
      [74, 'tcp_options_truncated'],
    ]);
  });

  it('Ethernet/VLAN/IPv6/hop-by-hop/fragment/UDP', () => {
    const chain = concat(ipv6Ext(44, 1), ipv6Fragment(17, 0, true, 5), udp(1, 2, text('abcd')));
    const frame = ethernetVlan([vlanTag(0x8100, 7)], EtherType.IPV6, ipv6({ nextHeader: 0 }, chain));
    checkEveryCut(frame, E, [
      [14, 'eth_truncated'],
      [18, 'vlan_truncated'],
      [58, 'ipv6_truncated'],
      [82, 'ipv6_ext_header_truncated'],
      [90, 'udp_truncated'],
    ]);
  });

  it('IPv4/GRE (key, sequence)/Ethernet/IPv4/TCP', () => {
    const inner = ethernet(EtherType.IPV4, ipv4({ protocol: 6 }, tcp({}, text('xyz'))));
    const frame = v4(47, gre({ protocol: EtherType.TEB, key: 1, sequence: 2 }, inner));
    checkEveryCut(frame, E, [
      [14, 'eth_truncated'],
      [34, 'ipv4_truncated'],
      [46, 'gre_truncated'],
      [60, 'eth_truncated'],
      [80, 'ipv4_truncated'],
      [100, 'tcp_truncated'],
    ]);
  });

  it('IPv4/UDP/VXLAN/Ethernet/IPv6/ICMPv6 on SLL2', () => {
    const inner = ethernet(EtherType.IPV6, ipv6({ nextHeader: 58 }, concat(bytes(128, 0, 0, 0, 0, 1, 0, 2), text('p'))));
    const frame = sll2(EtherType.IPV4, ipv4({ protocol: 17 }, udp(5, 4789, vxlan(3, inner))));
    checkEveryCut(frame, LinkType.LINUX_SLL2, [
      [20, 'sll2_truncated'],
      [40, 'ipv4_truncated'],
      [48, 'udp_truncated'],
      [56, 'vxlan_truncated'],
      [70, 'eth_truncated'],
      [110, 'ipv6_truncated'],
      [118, 'icmpv6_truncated'],
    ]);
  });
});
