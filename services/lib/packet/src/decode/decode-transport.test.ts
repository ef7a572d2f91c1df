// TCP with options, UDP, ICMP and ICMPv6 (echo, neighbour solicitation) and SCTP.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LinkType } from '../linktype.js';
import { EtherType, IpProtocol, TcpFlag } from './decoded-packet.js';
import { decodeFrame } from './testing/decode-frame.js';
import {
  bytes,
  concat,
  ethernet,
  icmp,
  ip6,
  ipv4,
  ipv6,
  linuxSynOptions,
  mac,
  tcp,
  text,
  u16,
  u32,
  udp,
} from './testing/frame-builder.js';

function tcpFrame(options: Parameters<typeof tcp>[0], payload: Uint8Array = new Uint8Array(0)): Uint8Array {
  return ethernet(EtherType.IPV4, ipv4({ protocol: IpProtocol.TCP }, tcp(options, payload)));
}

describe('TCP (RFC 9293)', () => {
  it('decodes a Linux SYN: MSS, SACK_PERM, TS, NOP, WS in order', () => {
    const frame = tcpFrame({
      sport: 51000,
      dport: 443,
      seq: 0xfedcba98,
      flags: TcpFlag.SYN | TcpFlag.ECE | TcpFlag.CWR,
      window: 64240,
      options: linuxSynOptions(0x80000001, 0),
    });
    const { err, p } = decodeFrame(frame, LinkType.ETHERNET);
    assert.equal(err, 'none');
    assert.equal(p.srcPort, 51000);
    assert.equal(p.dstPort, 443);
    assert.equal(p.seq, 0xfedcba98);
    assert.equal(p.ack, 0);
    assert.equal(p.tcpFlags, 0x0c2);
    assert.equal(p.window, 64240);
    assert.equal(p.tcpHeaderLength, 40);
    assert.equal(p.mss, 1460);
    assert.equal(p.windowScale, 7);
    assert.equal(p.sackPermitted, true);
    assert.equal(p.hasTimestamps, true);
    assert.equal(p.tsVal, 0x80000001);
    assert.equal(p.tsEcr, 0);
    assert.deepEqual([...p.tcpOptionKinds.subarray(0, p.tcpOptionCount)], [2, 4, 8, 1, 3]);
    assert.equal(p.payloadOffset, 14 + 20 + 40);
    assert.equal(p.payloadLength, 0);
  });

  it('keeps the NS bit and unsigned sequence numbers', () => {
    const { p } = decodeFrame(tcpFrame({ flags: TcpFlag.NS | TcpFlag.ACK, seq: 0xffffffff, ack: 0x80000000 }), 1);
    assert.equal(p.tcpFlags, 0x110);
    assert.equal(p.seq, 4294967295);
    assert.equal(p.ack, 2147483648);
  });

  it('leaves absent options at -1/false and records EOL padding', () => {
    const plain = decodeFrame(tcpFrame({}, text('GET /')), 1).p;
    assert.equal(plain.mss, -1);
    assert.equal(plain.windowScale, -1);
    assert.equal(plain.sackPermitted, false);
    assert.equal(plain.hasTimestamps, false);
    assert.equal(plain.tcpOptionCount, 0);
    assert.equal(plain.payloadLength, 5);
    const eol = decodeFrame(tcpFrame({ options: concat(bytes(2, 4), u16(536), bytes(0, 0, 0, 0)) }), 1);
    assert.equal(eol.err, 'none');
    assert.equal(eol.p.mss, 536);
    assert.deepEqual([...eol.p.tcpOptionKinds.subarray(0, eol.p.tcpOptionCount)], [2, 0]);
    assert.equal(eol.p.tcpOptionEolPadding, 3);
  });

  it('reports malformed options but keeps the header and payload', () => {
    const zeroLength = decodeFrame(tcpFrame({ options: bytes(2, 4, 5, 0xb4, 3, 0, 0, 0) }, text('x')), 1);
    assert.equal(zeroLength.err, 'tcp_bad_option');
    assert.equal(zeroLength.p.mss, 0x5b4);
    assert.equal(zeroLength.p.payloadLength, 1);
    const wrongMssLength = decodeFrame(tcpFrame({ options: bytes(2, 3, 5, 1) }), 1);
    assert.equal(wrongMssLength.err, 'tcp_bad_option');
    assert.equal(wrongMssLength.p.mss, -1);
    const overrun = decodeFrame(tcpFrame({ options: bytes(1, 1, 8, 10) }), 1);
    assert.equal(overrun.err, 'tcp_bad_option');
  });

  it('reports bad data offsets and cut headers', () => {
    assert.equal(decodeFrame(tcpFrame({ dataOffset: 4 }), 1).err, 'tcp_bad_data_offset');
    assert.equal(decodeFrame(tcpFrame({ dataOffset: 15 }), 1).err, 'tcp_bad_data_offset');
    const syn = tcpFrame({ options: linuxSynOptions() });
    const cut = decodeFrame(syn.subarray(0, syn.length - 4), 1);
    assert.equal(cut.err, 'tcp_options_truncated');
    assert.equal(cut.p.srcPort, 40000);
    const short = decodeFrame(syn.subarray(0, 14 + 20 + 10), 1);
    assert.equal(short.err, 'tcp_truncated');
    assert.equal(short.p.ipVersion, 4);
    assert.equal(short.p.dstPort, 443);
  });
});

describe('UDP (RFC 768)', () => {
  it('decodes ports, length and payload', () => {
    const frame = ethernet(EtherType.IPV4, ipv4({ protocol: IpProtocol.UDP }, udp(53, 33000, text('answer'))));
    const { err, p } = decodeFrame(frame, LinkType.ETHERNET);
    assert.equal(err, 'none');
    assert.equal(p.srcPort, 53);
    assert.equal(p.dstPort, 33000);
    assert.equal(p.udpLength, 14);
    assert.equal(p.payloadOffset, 42);
    assert.equal(p.payloadLength, 6);
  });

  it('bounds the payload by the UDP length and reports impossible lengths', () => {
    const shortLength = ethernet(EtherType.IPV4, ipv4({ protocol: 17 }, udp(1, 2, text('abcdef'), 10)));
    const a = decodeFrame(shortLength, 1);
    assert.equal(a.err, 'none');
    assert.equal(a.p.payloadLength, 2);
    assert.equal(decodeFrame(ethernet(0x0800, ipv4({ protocol: 17 }, udp(1, 2, text('ab'), 7))), 1).err, 'udp_bad_length');
    assert.equal(decodeFrame(ethernet(0x0800, ipv4({ protocol: 17 }, bytes(0, 1, 0))), 1).err, 'udp_truncated');
  });
});

describe('ICMP (RFC 792) and ICMPv6 (RFC 4443)', () => {
  it('decodes an ICMP echo request', () => {
    const frame = ethernet(EtherType.IPV4, ipv4({ protocol: IpProtocol.ICMP }, icmp(8, 0, concat(u16(0x1d), u16(3)), text('ping'))));
    const { err, p } = decodeFrame(frame, LinkType.ETHERNET);
    assert.equal(err, 'none');
    assert.equal(p.icmpType, 8);
    assert.equal(p.icmpCode, 0);
    assert.equal(p.icmpId, 0x1d);
    assert.equal(p.icmpSeq, 3);
    assert.equal(p.srcPort, -1);
    assert.equal(p.payloadLength, 4);
  });

  it('decodes ICMPv6 echo reply and neighbour solicitation', () => {
    const echo = ethernet(EtherType.IPV6, ipv6({ nextHeader: 58 }, icmp(129, 0, concat(u16(7), u16(9)))));
    const a = decodeFrame(echo, 1);
    assert.equal(a.err, 'none');
    assert.equal(a.p.icmpType, 129);
    assert.equal(a.p.icmpId, 7);
    assert.equal(a.p.icmpSeq, 9);
    // RFC 4861 §4.3: reserved(4) target(16) then the source link-layer address option.
    const ns = icmp(135, 0, u32(0), concat(ip6('fe80::2'), bytes(1, 1), mac('02:00:00:00:00:0a')));
    const b = decodeFrame(ethernet(EtherType.IPV6, ipv6({ nextHeader: 58, hopLimit: 255, dst: 'ff02::1:ff00:2' }, ns)), 1);
    assert.equal(b.err, 'none');
    assert.equal(b.p.icmpType, 135);
    assert.equal(b.p.icmpCode, 0);
    assert.equal(b.p.icmpId, -1);
    assert.equal(b.p.ttl, 255);
    assert.equal(b.p.payloadLength, 24);
  });

  it('reports short ICMP headers but keeps type and code', () => {
    const v4 = decodeFrame(ipv4({ protocol: 1 }, bytes(3, 3, 0, 0)), LinkType.RAW);
    assert.equal(v4.err, 'icmp_truncated');
    assert.equal(v4.p.icmpType, 3);
    assert.equal(v4.p.icmpCode, 3);
    assert.equal(decodeFrame(ipv6({ nextHeader: 58 }, bytes(1, 0)), LinkType.RAW).err, 'icmpv6_truncated');
  });
});

describe('other protocols', () => {
  it('reads SCTP ports and leaves unknown protocols as payload', () => {
    const sctp = decodeFrame(ipv4({ protocol: IpProtocol.SCTP }, concat(u16(3868), u16(3869), new Uint8Array(8))), 101);
    assert.equal(sctp.err, 'none');
    assert.equal(sctp.p.dstPort, 3869);
    assert.equal(decodeFrame(ipv4({ protocol: IpProtocol.SCTP }, u16(1)), 101).err, 'sctp_truncated');
    const ospf = decodeFrame(ipv4({ protocol: 89 }, new Uint8Array(44)), 101);
    assert.equal(ospf.err, 'none');
    assert.equal(ospf.p.protocol, 89);
    assert.equal(ospf.p.payloadOffset, 20);
    assert.equal(ospf.p.payloadLength, 44);
  });
});
