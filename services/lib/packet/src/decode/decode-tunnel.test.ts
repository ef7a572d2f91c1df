// Tunnels: GRE (with key and sequence), VXLAN and IP-in-IP, decoded to the inner flow with outer addresses kept.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LinkType } from '../linktype.js';
import { formatAddress, formatMac } from './address.js';
import { EtherType, IpProtocol, TunnelType } from './decoded-packet.js';
import { decodeFrame } from './testing/decode-frame.js';
import { ethernet, gre, ipv4, ipv6, mac, tcp, text, udp, vxlan } from './testing/frame-builder.js';

const INNER_MAC = mac('0a:00:00:00:00:01');
const innerTcp = () =>
  ipv4({ protocol: IpProtocol.TCP, src: '10.0.0.1', dst: '10.0.0.2', ttl: 63 }, tcp({ sport: 3333, dport: 22 }, text('ssh')));
const outer = (protocol: number, payload: Uint8Array) =>
  ethernet(EtherType.IPV4, ipv4({ protocol, src: '192.0.2.10', dst: '192.0.2.20' }, payload));

describe('GRE (RFC 2784, RFC 2890)', () => {
  it('decodes Ethernet/IPv4/TCP inside GRE with checksum, key and sequence (TEB)', () => {
    const inner = ethernet(EtherType.IPV4, innerTcp(), INNER_MAC, INNER_MAC);
    const header = { protocol: EtherType.TEB, checksum: true, key: 0x1234, sequence: 99 };
    const frame = outer(IpProtocol.GRE, gre(header, inner));
    const { err, p } = decodeFrame(frame, LinkType.ETHERNET);
    assert.equal(err, 'none');
    assert.equal(p.tunnelType, TunnelType.GRE);
    assert.equal(p.tunnelDepth, 1);
    assert.equal(p.tunnelId, 0x1234);
    assert.equal(p.outerIpVersion, 4);
    assert.equal(formatAddress(frame, p.outerSrcAddrOffset, 4), '192.0.2.10');
    assert.equal(formatAddress(frame, p.outerDstAddrOffset, 4), '192.0.2.20');
    assert.equal(formatAddress(frame, p.srcAddrOffset, 4), '10.0.0.1');
    assert.equal(formatAddress(frame, p.dstAddrOffset, 4), '10.0.0.2');
    assert.equal(p.ttl, 63);
    assert.equal(p.protocol, IpProtocol.TCP);
    assert.equal(p.dstPort, 22);
    assert.equal(p.payloadLength, 3);
    // Link fields describe the frame on the wire, not the inner one.
    assert.equal(formatMac(frame, p.srcMacOffset), '02:00:00:00:00:0a');
    assert.equal(p.etherType, EtherType.IPV4);
  });

  it('decodes IPv6 directly in GRE, without options', () => {
    const inner = ipv6({ nextHeader: IpProtocol.UDP, src: '2001:db8::a' }, udp(1000, 53, text('q')));
    const { err, p } = decodeFrame(outer(IpProtocol.GRE, gre({ protocol: EtherType.IPV6 }, inner)), 1);
    assert.equal(err, 'none');
    assert.equal(p.tunnelType, TunnelType.GRE);
    assert.equal(p.tunnelId, -1);
    assert.equal(p.ipVersion, 6);
    assert.equal(p.dstPort, 53);
  });

  it('reports versions, flags and protocols it does not follow', () => {
    const pptp = decodeFrame(outer(47, gre({ protocol: 0x880b, version: 1 }, text('ppp'))), 1);
    assert.equal(pptp.err, 'gre_unsupported_version');
    assert.equal(pptp.p.tunnelDepth, 0);
    assert.equal(pptp.p.protocol, 47);
    assert.equal(decodeFrame(outer(47, gre({ protocol: 0x0800, extraFlags: 0x4000 }, innerTcp())), 1).err, 'gre_bad_flags');
    const mpls = decodeFrame(outer(47, gre({ protocol: 0x8847 }, text('label'))), 1);
    assert.equal(mpls.err, 'gre_unsupported_protocol');
    assert.equal(mpls.p.payloadLength, 5);
    const cut = outer(47, gre({ protocol: 0x0800, key: 1, sequence: 2 }, new Uint8Array(0)));
    assert.equal(decodeFrame(cut.subarray(0, cut.length - 1), 1).err, 'gre_truncated');
  });
});

describe('VXLAN (RFC 7348)', () => {
  it('decodes Ethernet/IPv4/TCP inside UDP port 4789', () => {
    const inner = ethernet(EtherType.IPV4, innerTcp(), INNER_MAC, INNER_MAC);
    const frame = outer(IpProtocol.UDP, udp(49152, 4789, vxlan(5001, inner)));
    const { err, p } = decodeFrame(frame, LinkType.ETHERNET);
    assert.equal(err, 'none');
    assert.equal(p.tunnelType, TunnelType.VXLAN);
    assert.equal(p.tunnelDepth, 1);
    assert.equal(p.tunnelId, 5001);
    assert.equal(formatAddress(frame, p.outerSrcAddrOffset, 4), '192.0.2.10');
    assert.equal(formatAddress(frame, p.srcAddrOffset, 4), '10.0.0.1');
    assert.equal(p.srcPort, 3333);
    assert.equal(p.dstPort, 22);
    assert.equal(p.udpLength, 0);
    assert.equal(p.payloadLength, 3);
  });

  it('leaves port 4789 without the I flag as plain UDP, and reports a cut header', () => {
    const plain = decodeFrame(outer(17, udp(1, 4789, vxlan(1, text('x'), 0))), 1);
    assert.equal(plain.err, 'none');
    assert.equal(plain.p.tunnelDepth, 0);
    assert.equal(plain.p.payloadLength, 9);
    assert.equal(decodeFrame(outer(17, udp(1, 4789, text('short'))), 1).err, 'vxlan_truncated');
  });
});

describe('IP in IP and depth', () => {
  it('decodes IPv4-in-IPv4 and IPv6-in-IPv4 (6in4)', () => {
    const a = decodeFrame(outer(IpProtocol.IPIP, innerTcp()), 1);
    assert.equal(a.err, 'none');
    assert.equal(a.p.tunnelType, TunnelType.IP_IN_IP);
    assert.equal(a.p.dstPort, 22);
    const b = decodeFrame(outer(IpProtocol.IPV6, ipv6({ nextHeader: 17 }, udp(1, 2, text('a')))), 1);
    assert.equal(b.err, 'none');
    assert.equal(b.p.ipVersion, 6);
    assert.equal(b.p.outerIpVersion, 4);
  });

  it('follows two levels and reports a third as tunnel_too_deep', () => {
    const two = outer(IpProtocol.GRE, gre({ protocol: 0x0800 }, ipv4({ protocol: 4, src: '10.9.9.9' }, innerTcp())));
    const ok = decodeFrame(two, 1);
    assert.equal(ok.err, 'none');
    assert.equal(ok.p.tunnelDepth, 2);
    assert.equal(ok.p.tunnelType, TunnelType.GRE);
    assert.equal(formatAddress(two, ok.p.outerSrcAddrOffset, 4), '192.0.2.10');
    assert.equal(ok.p.dstPort, 22);
    const three = outer(4, ipv4({ protocol: 4 }, ipv4({ protocol: 4 }, innerTcp())));
    const deep = decodeFrame(three, 1);
    assert.equal(deep.err, 'tunnel_too_deep');
    assert.equal(deep.p.tunnelDepth, 2);
    assert.equal(deep.p.protocol, 4);
  });
});
