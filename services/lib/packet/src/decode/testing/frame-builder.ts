// Test helper: builds Ethernet, VLAN, SLL, ARP, IPv4/IPv6, TCP/UDP/ICMP, GRE and VXLAN headers byte by byte.

export type Bytes = Uint8Array;

export function concat(...parts: Bytes[]): Bytes {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export function bytes(...values: number[]): Bytes {
  return Uint8Array.from(values);
}

export function u16(v: number): Bytes {
  return bytes((v >> 8) & 0xff, v & 0xff);
}

export function u32(v: number): Bytes {
  return bytes((v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff);
}

export function ip4(text: string): Bytes {
  return Uint8Array.from(text.split('.').map(Number));
}

/** IPv6 text (with at most one "::") to 16 bytes. */
export function ip6(text: string): Bytes {
  const [head = '', tail] = text.split('::');
  const h = head === '' ? [] : head.split(':');
  const t = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  return concat(...groups.map((g) => u16(parseInt(g, 16))));
}

export function mac(text: string): Bytes {
  return Uint8Array.from(text.split(':').map((x) => parseInt(x, 16)));
}

export const MAC_A = mac('02:00:00:00:00:0a');
export const MAC_B = mac('02:00:00:00:00:0b');

export function ethernet(etherType: number, payload: Bytes, dst = MAC_B, src = MAC_A): Bytes {
  return concat(dst, src, u16(etherType), payload);
}

/** One 802.1Q-style tag: TPID then TCI (PCP 0, DEI 0, VID), as inserted after the source MAC. */
export function vlanTag(tpid: number, vid: number): Bytes {
  return concat(u16(tpid), u16(vid & 0x0fff));
}

export function ethernetVlan(tags: Bytes[], etherType: number, payload: Bytes): Bytes {
  return concat(MAC_B, MAC_A, ...tags, u16(etherType), payload);
}

export function sll(protocol: number, payload: Bytes, packetType = 0): Bytes {
  return concat(u16(packetType), u16(1), u16(6), MAC_A, bytes(0, 0), u16(protocol), payload);
}

export function sll2(protocol: number, payload: Bytes, packetType = 4): Bytes {
  return concat(u16(protocol), u16(0), u32(3), u16(1), bytes(packetType, 6), MAC_A, bytes(0, 0), payload);
}

export function nullHeader(family: number, payload: Bytes, littleEndian = true): Bytes {
  const f = u32(family);
  return concat(littleEndian ? f.slice().reverse() : f, payload);
}

export interface Ipv4Options {
  src?: string;
  dst?: string;
  protocol: number;
  ttl?: number;
  id?: number;
  df?: boolean;
  mf?: boolean;
  /** Fragment offset in bytes (multiple of 8). */
  fragmentOffset?: number;
  options?: Bytes;
  /** Override the total length field. */
  totalLength?: number;
  /** Override IHL (32-bit words). */
  ihl?: number;
}

export function ipv4(o: Ipv4Options, payload: Bytes): Bytes {
  const options = o.options ?? new Uint8Array(0);
  const headerLength = 20 + options.length;
  const flags = (o.df ? 0x4000 : 0) | (o.mf ? 0x2000 : 0) | ((o.fragmentOffset ?? 0) / 8);
  return concat(
    bytes(0x40 | (o.ihl ?? headerLength / 4), 0),
    u16(o.totalLength ?? headerLength + payload.length),
    u16(o.id ?? 0x1234),
    u16(flags),
    bytes(o.ttl ?? 64, o.protocol),
    u16(0), // checksum: not verified by the decoder
    ip4(o.src ?? '192.0.2.1'),
    ip4(o.dst ?? '198.51.100.2'),
    options,
    payload,
  );
}

export interface Ipv6Options {
  src?: string;
  dst?: string;
  nextHeader: number;
  hopLimit?: number;
  flowLabel?: number;
  trafficClass?: number;
  payloadLength?: number;
}

export function ipv6(o: Ipv6Options, payload: Bytes): Bytes {
  const first = ((6 << 28) | ((o.trafficClass ?? 0) << 20) | (o.flowLabel ?? 0)) >>> 0;
  return concat(
    u32(first),
    u16(o.payloadLength ?? payload.length),
    bytes(o.nextHeader, o.hopLimit ?? 64),
    ip6(o.src ?? '2001:db8::1'),
    ip6(o.dst ?? '2001:db8::2'),
    payload,
  );
}

/** A generic 8-byte-unit extension header (hop-by-hop, routing, destination options) padded with PadN. */
export function ipv6Ext(nextHeader: number, units = 0): Bytes {
  const body = new Uint8Array(6 + units * 8);
  body[0] = 1; // PadN (RFC 8200 §4.2)
  body[1] = body.length - 2;
  return concat(bytes(nextHeader, units), body);
}

export function ipv6Fragment(nextHeader: number, offset: number, more: boolean, id: number): Bytes {
  return concat(bytes(nextHeader, 0), u16(offset | (more ? 1 : 0)), u32(id));
}

export interface TcpOptions {
  sport?: number;
  dport?: number;
  seq?: number;
  ack?: number;
  flags?: number;
  window?: number;
  options?: Bytes;
  /** Override the data offset (32-bit words). */
  dataOffset?: number;
}

export function tcp(o: TcpOptions, payload: Bytes = new Uint8Array(0)): Bytes {
  const options = o.options ?? new Uint8Array(0);
  const headerLength = 20 + options.length;
  const flags = o.flags ?? 0x18;
  return concat(
    u16(o.sport ?? 40000),
    u16(o.dport ?? 443),
    u32(o.seq ?? 1),
    u32(o.ack ?? 0),
    bytes(((o.dataOffset ?? headerLength / 4) << 4) | ((flags >> 8) & 1), flags & 0xff),
    u16(o.window ?? 64240),
    u16(0),
    u16(0),
    options,
    payload,
  );
}

/** Linux SYN options: MSS 1460, SACK_PERM, TS, NOP, WS 7 (20 bytes). */
export function linuxSynOptions(tsVal = 0xdeadbeef, tsEcr = 0): Bytes {
  return concat(bytes(2, 4), u16(1460), bytes(4, 2), bytes(8, 10), u32(tsVal), u32(tsEcr), bytes(1), bytes(3, 3, 7));
}

export function udp(sport: number, dport: number, payload: Bytes, length = 8 + payload.length): Bytes {
  return concat(u16(sport), u16(dport), u16(length), u16(0), payload);
}

export function icmp(type: number, code: number, rest: Bytes, payload: Bytes = new Uint8Array(0)): Bytes {
  return concat(bytes(type, code), u16(0), rest, payload);
}

export function arp(op: number, senderMac: Bytes, senderIp: string, targetMac: Bytes, targetIp: string): Bytes {
  return concat(u16(1), u16(0x0800), bytes(6, 4), u16(op), senderMac, ip4(senderIp), targetMac, ip4(targetIp));
}

export interface GreOptions {
  protocol: number;
  checksum?: boolean;
  key?: number;
  sequence?: number;
  version?: number;
  extraFlags?: number;
}

export function gre(o: GreOptions, payload: Bytes): Bytes {
  const flags =
    (o.checksum ? 0x8000 : 0) |
    (o.key !== undefined ? 0x2000 : 0) |
    (o.sequence !== undefined ? 0x1000 : 0) |
    (o.extraFlags ?? 0) |
    (o.version ?? 0);
  return concat(
    u16(flags),
    u16(o.protocol),
    o.checksum ? u32(0) : new Uint8Array(0),
    o.key !== undefined ? u32(o.key) : new Uint8Array(0),
    o.sequence !== undefined ? u32(o.sequence) : new Uint8Array(0),
    payload,
  );
}

export function vxlan(vni: number, payload: Bytes, flags = 0x08): Bytes {
  return concat(bytes(flags, 0, 0, 0), u32(vni << 8), payload);
}

/** Pad a frame to the 60-byte Ethernet minimum (IEEE 802.3 §3.2.8, FCS not captured). */
export function padTo60(frame: Bytes): Bytes {
  return frame.length >= 60 ? frame : concat(frame, new Uint8Array(60 - frame.length));
}

export const text = (s: string): Bytes => new TextEncoder().encode(s);
