// Link layers: Ethernet, VLAN and QinQ, ARP, Linux SLL/SLL2, RAW/IPv4/IPv6 and BSD NULL/LOOP.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LinkType } from '../linktype.js';
import { formatAddress, formatMac } from './address.js';
import { EtherType, IpProtocol } from './decoded-packet.js';
import { decodeFrame } from './testing/decode-frame.js';
import {
  arp,
  ethernet,
  ethernetVlan,
  ip4,
  ipv4,
  ipv6,
  mac,
  MAC_A,
  MAC_B,
  nullHeader,
  padTo60,
  sll,
  sll2,
  tcp,
  text,
  udp,
  vlanTag,
} from './testing/frame-builder.js';

const IPV4_TCP = ipv4({ protocol: IpProtocol.TCP }, tcp({ sport: 1234, dport: 80 }, text('hello')));
const IPV6_UDP = ipv6({ nextHeader: IpProtocol.UDP }, udp(5353, 53, text('q')));

describe('Ethernet', () => {
  it('decodes MACs, EtherType and the IPv4/TCP inside', () => {
    const frame = ethernet(EtherType.IPV4, IPV4_TCP);
    const { err, p } = decodeFrame(frame, LinkType.ETHERNET);
    assert.equal(err, 'none');
    assert.equal(p.l2Offset, 0);
    assert.equal(formatMac(frame, p.dstMacOffset), formatMac(MAC_B, 0));
    assert.equal(formatMac(frame, p.srcMacOffset), formatMac(MAC_A, 0));
    assert.equal(p.etherType, 0x0800);
    assert.equal(p.vlanCount, 0);
    assert.equal(p.vlanOuter, -1);
    assert.equal(p.l3Offset, 14);
    assert.equal(p.l4Offset, 34);
    assert.equal(p.payloadOffset, 54);
    assert.equal(p.payloadLength, 5);
  });

  it('excludes trailing padding of a 60-byte frame from the payload', () => {
    const small = ipv4({ protocol: IpProtocol.TCP }, tcp({}, text('x')));
    const frame = padTo60(ethernet(EtherType.IPV4, small));
    assert.equal(frame.length, 60);
    const { err, p } = decodeFrame(frame, LinkType.ETHERNET);
    assert.equal(err, 'none');
    assert.equal(p.ipTotalLength, 41);
    assert.equal(p.payloadLength, 1);
    const udpFrame = padTo60(ethernet(EtherType.IPV4, ipv4({ protocol: IpProtocol.UDP }, udp(1, 2, text('ab')))));
    const u = decodeFrame(udpFrame, LinkType.ETHERNET);
    assert.equal(u.err, 'none');
    assert.equal(u.p.payloadLength, 2);
  });

  it('reads one 802.1Q tag', () => {
    const { err, p } = decodeFrame(ethernetVlan([vlanTag(0x8100, 100)], EtherType.IPV6, IPV6_UDP), LinkType.ETHERNET);
    assert.equal(err, 'none');
    assert.equal(p.vlanCount, 1);
    assert.equal(p.vlanOuter, 100);
    assert.equal(p.vlanInner, -1);
    assert.equal(p.etherType, EtherType.IPV6);
    assert.equal(p.l3Offset, 18);
    assert.equal(p.ipVersion, 6);
    assert.equal(p.dstPort, 53);
  });

  it('reads QinQ (802.1ad S-tag then C-tag, and the old 0x9100)', () => {
    for (const tpid of [0x88a8, 0x9100]) {
      const frame = ethernetVlan([vlanTag(tpid, 2000), vlanTag(0x8100, 4095)], EtherType.IPV4, IPV4_TCP);
      const { err, p } = decodeFrame(frame, LinkType.ETHERNET);
      assert.equal(err, 'none');
      assert.equal(p.vlanCount, 2);
      assert.equal(p.vlanOuter, 2000);
      assert.equal(p.vlanInner, 4095);
      assert.equal(p.l3Offset, 22);
      assert.equal(p.dstPort, 80);
    }
  });

  it('reports a third tag as vlan_too_deep, keeping the first two', () => {
    const tags = [vlanTag(0x88a8, 1), vlanTag(0x8100, 2), vlanTag(0x8100, 3)];
    const { err, p } = decodeFrame(ethernetVlan(tags, EtherType.IPV4, IPV4_TCP), LinkType.ETHERNET);
    assert.equal(err, 'vlan_too_deep');
    assert.equal(p.vlanCount, 2);
    assert.equal(p.ipVersion, 0);
  });

  it('reports non-IP EtherTypes and 802.3 length frames as unsupported', () => {
    assert.equal(decodeFrame(ethernet(0x88cc, new Uint8Array(40)), LinkType.ETHERNET).err, 'unsupported_ethertype');
    assert.equal(decodeFrame(ethernet(46, new Uint8Array(46)), LinkType.ETHERNET).err, 'unsupported_ethertype');
  });
});

describe('ARP (RFC 826)', () => {
  it('decodes a request and a reply', () => {
    const zero = mac('00:00:00:00:00:00');
    const req = padTo60(ethernet(EtherType.ARP, arp(1, MAC_A, '192.0.2.1', zero, '192.0.2.2'), mac('ff:ff:ff:ff:ff:ff')));
    const r = decodeFrame(req, LinkType.ETHERNET);
    assert.equal(r.err, 'none');
    assert.equal(r.p.isArp, true);
    assert.equal(r.p.arpOpcode, 1);
    assert.equal(r.p.arpHwType, 1);
    assert.equal(r.p.arpProtoType, 0x0800);
    assert.equal(formatMac(req, r.p.arpSenderHwOffset), '02:00:00:00:00:0a');
    assert.equal(formatAddress(req, r.p.arpSenderProtoOffset, 4), '192.0.2.1');
    assert.equal(formatAddress(req, r.p.arpTargetProtoOffset, 4), '192.0.2.2');
    assert.equal(r.p.ipVersion, 0);
    const rep = ethernet(EtherType.ARP, arp(2, MAC_B, '192.0.2.2', MAC_A, '192.0.2.1'));
    const s = decodeFrame(rep, LinkType.ETHERNET);
    assert.equal(s.err, 'none');
    assert.equal(s.p.arpOpcode, 2);
    assert.equal(formatMac(rep, s.p.arpTargetHwOffset), '02:00:00:00:00:0a');
    assert.equal(formatAddress(rep, s.p.arpTargetProtoOffset, 4), '192.0.2.1');
  });

  it('reports arp_truncated when the addresses are cut', () => {
    const rep = ethernet(EtherType.ARP, arp(2, MAC_B, '192.0.2.2', MAC_A, '192.0.2.1'));
    const { err, p } = decodeFrame(rep.subarray(0, rep.length - 1), LinkType.ETHERNET);
    assert.equal(err, 'arp_truncated');
    assert.equal(p.arpOpcode, 2);
    assert.equal(p.arpSenderHwOffset, -1);
  });
});

describe('Linux cooked capture', () => {
  it('SLL: packet type, source MAC and protocol', () => {
    const frame = sll(EtherType.IPV4, IPV4_TCP, 4);
    const { err, p } = decodeFrame(frame, LinkType.LINUX_SLL);
    assert.equal(err, 'none');
    assert.equal(p.sllPacketType, 4);
    assert.equal(p.srcMacOffset, 6);
    assert.equal(p.dstMacOffset, -1);
    assert.equal(p.etherType, 0x0800);
    assert.equal(p.l3Offset, 16);
    assert.equal(p.srcPort, 1234);
  });

  it('SLL2: protocol first, 20-byte header', () => {
    const frame = sll2(EtherType.IPV6, IPV6_UDP, 0);
    const { err, p } = decodeFrame(frame, LinkType.LINUX_SLL2);
    assert.equal(err, 'none');
    assert.equal(p.sllPacketType, 0);
    assert.equal(p.srcMacOffset, 12);
    assert.equal(p.etherType, 0x86dd);
    assert.equal(p.l3Offset, 20);
    assert.equal(p.srcPort, 5353);
  });

  it('reports short headers', () => {
    assert.equal(decodeFrame(sll(0x0800, new Uint8Array(0)).subarray(0, 15), LinkType.LINUX_SLL).err, 'sll_truncated');
    assert.equal(decodeFrame(sll2(0x0800, new Uint8Array(0)).subarray(0, 19), LinkType.LINUX_SLL2).err, 'sll2_truncated');
  });
});

describe('raw IP link types', () => {
  it('RAW picks the version from the first nibble', () => {
    const v4 = decodeFrame(IPV4_TCP, LinkType.RAW);
    assert.equal(v4.err, 'none');
    assert.equal(v4.p.ipVersion, 4);
    assert.equal(v4.p.l3Offset, 0);
    const v6 = decodeFrame(IPV6_UDP, LinkType.RAW);
    assert.equal(v6.err, 'none');
    assert.equal(v6.p.ipVersion, 6);
    assert.equal(decodeFrame(Uint8Array.of(0x50, 0), LinkType.RAW).err, 'ip_unknown_version');
    assert.equal(decodeFrame(new Uint8Array(0), LinkType.RAW).err, 'ip_unknown_version');
  });

  it('IPV4 and IPV6 link types fix the version', () => {
    assert.equal(decodeFrame(IPV4_TCP, LinkType.IPV4).p.dstPort, 80);
    assert.equal(decodeFrame(IPV6_UDP, LinkType.IPV6).p.dstPort, 53);
    assert.equal(decodeFrame(IPV6_UDP, LinkType.IPV4).err, 'ipv4_bad_version');
    assert.equal(decodeFrame(IPV4_TCP.subarray(0, 20), LinkType.IPV4).err, 'tcp_truncated');
    assert.equal(decodeFrame(ipv4({ protocol: 6 }, new Uint8Array(40)), LinkType.IPV6).err, 'ipv6_bad_version');
  });
});

describe('BSD NULL and LOOP', () => {
  it('accepts the family in either byte order', () => {
    for (const le of [true, false]) {
      for (const linktype of [LinkType.NULL, LinkType.LOOP]) {
        const v4 = decodeFrame(nullHeader(2, IPV4_TCP, le), linktype);
        assert.equal(v4.err, 'none');
        assert.equal(v4.p.etherType, 0x0800);
        assert.equal(v4.p.l3Offset, 4);
        for (const af6 of [24, 28, 30]) {
          const v6 = decodeFrame(nullHeader(af6, IPV6_UDP, le), linktype);
          assert.equal(v6.err, 'none');
          assert.equal(v6.p.ipVersion, 6);
        }
      }
    }
  });

  it('reports unknown families and short headers', () => {
    assert.equal(decodeFrame(nullHeader(7, IPV4_TCP), LinkType.NULL).err, 'null_unknown_family');
    assert.equal(decodeFrame(Uint8Array.of(2, 0, 0), LinkType.NULL).err, 'null_truncated');
  });
});

describe('bounds and link types', () => {
  it('reports unknown link types', () => {
    assert.equal(decodeFrame(IPV4_TCP, 147).err, 'unsupported_linktype');
  });

  it('formats addresses at the recorded offsets', () => {
    const frame = ethernet(EtherType.IPV4, ipv4({ protocol: 6, src: '10.1.2.3', dst: '10.9.8.7' }, tcp({})));
    const { p } = decodeFrame(frame, LinkType.ETHERNET);
    assert.equal(formatAddress(frame, p.srcAddrOffset, 4), '10.1.2.3');
    assert.equal(formatAddress(frame, p.dstAddrOffset, 4), '10.9.8.7');
    assert.deepEqual(frame.subarray(p.srcAddrOffset, p.srcAddrOffset + 4), ip4('10.1.2.3'));
  });
});
