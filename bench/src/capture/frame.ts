// Writes Ethernet (+802.1Q) / IPv4 or IPv6 / TCP, UDP or ICMP headers into one reused buffer: no allocation per frame.

export const ETHERTYPE_IPV4 = 0x0800;
export const ETHERTYPE_IPV6 = 0x86dd;
export const PROTO_ICMP = 1;
export const PROTO_TCP = 6;
export const PROTO_UDP = 17;
export const PROTO_ICMPV6 = 58;

/** TCP header lengths: SYNs carry MSS, SACK_PERM, TS, NOP, WS (Linux order); the rest NOP, NOP, TS. */
export const TCP_SYN_HEADER = 40;
export const TCP_HEADER = 32;

/** The gateway's MAC: every client frame goes to it and every server frame comes from it. */
const GATEWAY_MAC = Uint8Array.of(0x00, 0x1a, 0x2b, 0x3c, 0x4d, 0x5e);

export class FrameEncoder {
  /** Room for a 1518-byte tagged frame; only the first `length` bytes of a frame are meaningful. */
  readonly buf = Buffer.alloc(2048);

  /** Ethernet header (client MAC 02:00:…, gateway MAC) and an optional 802.1Q tag; returns the L3 offset. */
  ethernet(clientIndex: number, fromClient: boolean, vlan: number, etherType: number): number {
    const b = this.buf;
    const client = fromClient ? 6 : 0;
    const gateway = fromClient ? 0 : 6;
    b.set(GATEWAY_MAC, gateway);
    b[client] = 0x02;
    b[client + 1] = 0x00;
    b.writeUInt32BE(clientIndex >>> 0, client + 2);
    let o = 12;
    if (vlan !== 0) {
      b.writeUInt16BE(0x8100, 12);
      b.writeUInt16BE(vlan & 0x0fff, 14);
      o = 16;
    }
    b.writeUInt16BE(etherType, o);
    return o + 2;
  }

  /** IPv4 header with a correct header checksum (RFC 791 §3.1, RFC 1071); returns the L4 offset. */
  ipv4(o: number, src: number, dst: number, protocol: number, ttl: number, id: number, l4Length: number): number {
    const b = this.buf;
    b[o] = 0x45;
    b[o + 1] = 0;
    b.writeUInt16BE(20 + l4Length, o + 2);
    b.writeUInt16BE(id & 0xffff, o + 4);
    b.writeUInt16BE(0x4000, o + 6); // DF, as Linux sets on TCP and most UDP
    b[o + 8] = ttl;
    b[o + 9] = protocol;
    b.writeUInt16BE(0, o + 10);
    b.writeUInt32BE(src, o + 12);
    b.writeUInt32BE(dst, o + 16);
    let sum = 0;
    for (let i = 0; i < 20; i += 2) sum += (b[o + i] as number) * 256 + (b[o + i + 1] as number);
    while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
    b.writeUInt16BE(~sum & 0xffff, o + 10);
    return o + 20;
  }

  /** IPv6 header; each address is an 8-byte prefix and a 32-bit interface identifier. Returns the L4 offset. */
  ipv6(
    o: number,
    srcPrefix: Uint8Array,
    srcIid: number,
    dstPrefix: Uint8Array,
    dstIid: number,
    nextHeader: number,
    hopLimit: number,
    flowLabel: number,
    l4Length: number,
  ): number {
    const b = this.buf;
    b.writeUInt32BE(((6 << 28) | (flowLabel & 0xfffff)) >>> 0, o);
    b.writeUInt16BE(l4Length, o + 4);
    b[o + 6] = nextHeader;
    b[o + 7] = hopLimit;
    b.set(srcPrefix, o + 8);
    b.writeUInt32BE(0, o + 16);
    b.writeUInt32BE(srcIid >>> 0, o + 20);
    b.set(dstPrefix, o + 24);
    b.writeUInt32BE(0, o + 32);
    b.writeUInt32BE(dstIid >>> 0, o + 36);
    return o + 40;
  }

  /**
   * TCP header with timestamps (RFC 7323); SYNs also carry MSS, SACK_PERM and WS 7. The checksum
   * stays 0, as on a sender's own capture with offload. Returns the payload offset.
   */
  tcp(
    o: number,
    sport: number,
    dport: number,
    seq: number,
    ack: number,
    flags: number,
    window: number,
    tsVal: number,
    tsEcr: number,
    mss: number,
  ): number {
    const b = this.buf;
    const syn = (flags & 0x02) !== 0;
    const headerLength = syn ? TCP_SYN_HEADER : TCP_HEADER;
    b.writeUInt16BE(sport, o);
    b.writeUInt16BE(dport, o + 2);
    b.writeUInt32BE(seq >>> 0, o + 4);
    b.writeUInt32BE(ack >>> 0, o + 8);
    b[o + 12] = (headerLength / 4) << 4;
    b[o + 13] = flags;
    b.writeUInt16BE(window, o + 14);
    b.writeUInt32BE(0, o + 16); // checksum, urgent pointer
    let p = o + 20;
    if (syn) {
      b[p] = 2; // MSS
      b[p + 1] = 4;
      b.writeUInt16BE(mss, p + 2);
      b[p + 4] = 4; // SACK permitted
      b[p + 5] = 2;
      p += 6;
    } else {
      b[p] = 1;
      b[p + 1] = 1;
      p += 2;
    }
    b[p] = 8; // timestamps
    b[p + 1] = 10;
    b.writeUInt32BE(tsVal >>> 0, p + 2);
    b.writeUInt32BE(tsEcr >>> 0, p + 6);
    p += 10;
    if (syn) {
      b[p] = 1; // NOP, then window scale 7
      b[p + 1] = 3;
      b[p + 2] = 3;
      b[p + 3] = 7;
      p += 4;
    }
    return p;
  }

  /** UDP header (checksum 0: "none" in IPv4, and nothing here verifies it in IPv6); returns the payload offset. */
  udp(o: number, sport: number, dport: number, payloadLength: number): number {
    const b = this.buf;
    b.writeUInt16BE(sport, o);
    b.writeUInt16BE(dport, o + 2);
    b.writeUInt16BE(8 + payloadLength, o + 4);
    b.writeUInt16BE(0, o + 6);
    return o + 8;
  }

  /** ICMP/ICMPv6 echo header (RFC 792, RFC 4443 §4.1); returns the payload offset. */
  icmpEcho(o: number, type: number, id: number, seq: number): number {
    const b = this.buf;
    b[o] = type;
    b[o + 1] = 0;
    b.writeUInt16BE(0, o + 2);
    b.writeUInt16BE(id & 0xffff, o + 4);
    b.writeUInt16BE(seq & 0xffff, o + 6);
    return o + 8;
  }

  /** Pads to the 60-byte Ethernet minimum (IEEE 802.3, FCS not captured) with zeros; returns the frame length. */
  finish(length: number): number {
    if (length >= 60) return length;
    this.buf.fill(0, length, 60);
    return 60;
  }
}
