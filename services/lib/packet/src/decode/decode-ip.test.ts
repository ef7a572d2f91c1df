// IPv4 options and fragments, IPv6 extension header chains and fragments.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LinkType } from '../linktype.js';
import { formatAddress } from './address.js';
import { EtherType, IpProtocol } from './decoded-packet.js';
import { decodeFrame } from './testing/decode-frame.js';
import {
  bytes,
  concat,
  ethernet,
  ipv4,
  ipv6,
  ipv6Ext,
  ipv6Fragment,
  tcp,
  text,
  u32,
  udp,
} from './testing/frame-builder.js';

describe('IPv4 (RFC 791)', () => {
  it('decodes the fixed header', () => {
    const frame = ethernet(
      EtherType.IPV4,
      ipv4({ protocol: IpProtocol.UDP, ttl: 17, id: 0xbeef, df: true, src: '203.0.113.9' }, udp(1, 2, text('abc'))),
    );
    const { err, p } = decodeFrame(frame, LinkType.ETHERNET);
    assert.equal(err, 'none');
    assert.equal(p.ipVersion, 4);
    assert.equal(p.ttl, 17);
    assert.equal(p.ipId, 0xbeef);
    assert.equal(p.dontFragment, true);
    assert.equal(p.moreFragments, false);
    assert.equal(p.isFragment, false);
    assert.equal(p.ipHeaderLength, 20);
    assert.equal(p.ipTotalLength, 31);
    assert.equal(p.protocol, 17);
    assert.equal(formatAddress(frame, p.srcAddrOffset, 4), '203.0.113.9');
    assert.equal(formatAddress(frame, p.dstAddrOffset, 4), '198.51.100.2');
  });

  it('skips options (Router Alert + NOP + EOL) to the transport header', () => {
    const options = concat(bytes(0x94, 4, 0, 0), bytes(1, 1, 1, 0)); // RFC 2113 Router Alert, NOPs, EOL
    const frame = ethernet(EtherType.IPV4, ipv4({ protocol: IpProtocol.TCP, options }, tcp({ dport: 25 }, text('hi'))));
    const { err, p } = decodeFrame(frame, LinkType.ETHERNET);
    assert.equal(err, 'none');
    assert.equal(p.ipHeaderLength, 28);
    assert.equal(p.ipOptionsLength, 8);
    assert.equal(p.l4Offset, 14 + 28);
    assert.equal(p.dstPort, 25);
    assert.equal(p.payloadLength, 2);
  });

  it('decodes the transport header of a first fragment', () => {
    const segment = udp(5000, 6000, new Uint8Array(24), 1000);
    const frame = ethernet(EtherType.IPV4, ipv4({ protocol: IpProtocol.UDP, mf: true, id: 7 }, segment));
    const { err, p } = decodeFrame(frame, LinkType.ETHERNET);
    // The UDP length (1000) runs past this fragment: reported, ports still there.
    assert.equal(err, 'udp_bad_length');
    assert.equal(p.isFragment, true);
    assert.equal(p.moreFragments, true);
    assert.equal(p.fragmentOffset, 0);
    assert.equal(p.srcPort, 5000);
    assert.equal(p.dstPort, 6000);
    assert.equal(p.payloadLength, 24);
  });

  it('gives a non-first fragment no transport header', () => {
    const body = new Uint8Array(48).fill(0xab);
    const frame = ethernet(EtherType.IPV4, ipv4({ protocol: IpProtocol.TCP, fragmentOffset: 1480, id: 7 }, body));
    const { err, p } = decodeFrame(frame, LinkType.ETHERNET);
    assert.equal(err, 'none');
    assert.equal(p.isFragment, true);
    assert.equal(p.moreFragments, false);
    assert.equal(p.fragmentOffset, 1480);
    assert.equal(p.protocol, IpProtocol.TCP);
    assert.equal(p.srcPort, -1);
    assert.equal(p.l4Offset, -1);
    assert.equal(p.payloadOffset, 34);
    assert.equal(p.payloadLength, 48);
  });

  it('treats total length 0 (segmentation offload) as "bounded by the capture"', () => {
    const frame = ethernet(EtherType.IPV4, ipv4({ protocol: IpProtocol.TCP, totalLength: 0 }, tcp({}, text('12345'))));
    const { err, p } = decodeFrame(frame, LinkType.ETHERNET);
    assert.equal(err, 'none');
    assert.equal(p.ipTotalLength, 0);
    assert.equal(p.payloadLength, 5);
  });

  it('keeps the addresses when the lengths are bad', () => {
    const bad = decodeFrame(ipv4({ protocol: 6, ihl: 4 }, tcp({})), LinkType.RAW);
    assert.equal(bad.err, 'ipv4_bad_header_length');
    assert.equal(bad.p.srcAddrOffset, 12);
    const shortTotal = decodeFrame(ipv4({ protocol: 6, totalLength: 19 }, tcp({})), LinkType.RAW);
    assert.equal(shortTotal.err, 'ipv4_bad_total_length');
    assert.equal(shortTotal.p.ttl, 64);
    const cutOptions = ipv4({ protocol: 6, options: new Uint8Array(8) }, new Uint8Array(0)).subarray(0, 24);
    assert.equal(decodeFrame(cutOptions, LinkType.RAW).err, 'ipv4_options_truncated');
  });
});

describe('IPv6 (RFC 8200)', () => {
  it('decodes the fixed header', () => {
    const frame = ethernet(
      EtherType.IPV6,
      ipv6({ nextHeader: 17, hopLimit: 3, flowLabel: 0xabcde, trafficClass: 0xb8, src: 'fe80::1' }, udp(546, 547, text('x'))),
    );
    const { err, p } = decodeFrame(frame, LinkType.ETHERNET);
    assert.equal(err, 'none');
    assert.equal(p.ipVersion, 6);
    assert.equal(p.ttl, 3);
    assert.equal(p.flowLabel, 0xabcde);
    assert.equal(p.tos, 0xb8);
    assert.equal(p.ipTotalLength, 49);
    assert.equal(p.ipv6ExtHeaderCount, 0);
    assert.equal(formatAddress(frame, p.srcAddrOffset, 6), 'fe80::1');
    assert.equal(formatAddress(frame, p.dstAddrOffset, 6), '2001:db8::2');
    assert.equal(p.dstPort, 547);
  });

  it('walks hop-by-hop and fragment headers to TCP in a first fragment', () => {
    const chain = concat(
      ipv6Ext(IpProtocol.FRAGMENT),
      ipv6Fragment(IpProtocol.TCP, 0, true, 0xcafe0001),
      tcp({ sport: 1, dport: 2 }, text('data')),
    );
    const { err, p } = decodeFrame(ethernet(EtherType.IPV6, ipv6({ nextHeader: IpProtocol.HOPOPTS }, chain)), 1);
    assert.equal(err, 'none');
    assert.equal(p.ipv6ExtHeaderCount, 2);
    assert.equal(p.protocol, IpProtocol.TCP);
    assert.equal(p.ipHeaderLength, 56);
    assert.equal(p.isFragment, true);
    assert.equal(p.moreFragments, true);
    assert.equal(p.fragmentOffset, 0);
    assert.equal(p.ipId, 0xcafe0001);
    assert.equal(p.l4Offset, 14 + 56);
    assert.equal(p.dstPort, 2);
    assert.equal(p.payloadLength, 4);
  });

  it('stops after the fragment header of a non-first fragment', () => {
    const fragment = ipv6Fragment(IpProtocol.UDP, 1232, false, 9);
    const chain = concat(ipv6Ext(IpProtocol.FRAGMENT, 1), fragment, new Uint8Array(30));
    const { err, p } = decodeFrame(ipv6({ nextHeader: IpProtocol.HOPOPTS }, chain), LinkType.RAW);
    assert.equal(err, 'none');
    assert.equal(p.ipv6ExtHeaderCount, 2);
    assert.equal(p.isFragment, true);
    assert.equal(p.fragmentOffset, 1232);
    assert.equal(p.protocol, IpProtocol.UDP);
    assert.equal(p.srcPort, -1);
    assert.equal(p.payloadOffset, 40 + 16 + 8);
    assert.equal(p.payloadLength, 30);
  });

  it('treats an atomic fragment (offset 0, M 0; RFC 6946) as a whole datagram', () => {
    const chain = concat(ipv6Fragment(IpProtocol.UDP, 0, false, 1), udp(1, 2, new Uint8Array(0)));
    const { err, p } = decodeFrame(ipv6({ nextHeader: IpProtocol.FRAGMENT }, chain), LinkType.RAW);
    assert.equal(err, 'none');
    assert.equal(p.isFragment, false);
    assert.equal(p.dstPort, 2);
  });

  it('walks routing, destination options and AH', () => {
    const ah = concat(bytes(IpProtocol.UDP, 4), new Uint8Array(2), u32(0x100), u32(1), new Uint8Array(12)); // 24 bytes
    const chain = concat(ipv6Ext(IpProtocol.DSTOPTS, 2), ipv6Ext(IpProtocol.AH), ah, udp(7, 9, text('z')));
    const { err, p } = decodeFrame(ipv6({ nextHeader: IpProtocol.ROUTING }, chain), LinkType.RAW);
    assert.equal(err, 'none');
    assert.equal(p.ipv6ExtHeaderCount, 3);
    assert.equal(p.ipHeaderLength, 40 + 24 + 8 + 24);
    assert.equal(p.dstPort, 9);
  });

  it('stops at ESP and No Next Header', () => {
    const esp = decodeFrame(ipv6({ nextHeader: IpProtocol.ESP }, new Uint8Array(16)), LinkType.RAW);
    assert.equal(esp.err, 'none');
    assert.equal(esp.p.protocol, 50);
    assert.equal(esp.p.payloadLength, 16);
    const none = decodeFrame(ipv6({ nextHeader: IpProtocol.NONE }, new Uint8Array(0)), LinkType.RAW);
    assert.equal(none.err, 'none');
    assert.equal(none.p.protocol, 59);
  });

  it('bounds the chain', () => {
    let chain: Uint8Array = udp(1, 2, new Uint8Array(0));
    for (let i = 0; i < 9; i++) chain = concat(ipv6Ext(i === 0 ? IpProtocol.UDP : IpProtocol.DSTOPTS), chain);
    const { err, p } = decodeFrame(ipv6({ nextHeader: IpProtocol.DSTOPTS }, chain), LinkType.RAW);
    assert.equal(err, 'ipv6_too_many_ext_headers');
    assert.equal(p.ipv6ExtHeaderCount, 8);
  });
});
