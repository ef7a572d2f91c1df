// Reads what p0f fingerprints from a SYN or SYN+ACK (IP and TCP header fields, option layout, quirks) without allocating.
import type { DecodedPacket, PacketView } from '@netwatch/packet';
import { Quirk } from './quirks.js';
import { MAX_LAYOUT_OPTIONS, TcpOptionKind } from './tcp-option-kind.js';

const IPV4_MIN_HEADER = 20;
const IPV6_HEADER = 40;
const TCP_MIN_HEADER = 20;
const PROTO_TCP = 6;
/** IPv4 flags/fragment field (RFC 791 §3.1): reserved bit, DF, MF, 13-bit offset. */
const IP4_MBZ = 0x8000;
const IP4_DF = 0x4000;
/** TCP flag bits (RFC 9293 §3.1; ECE/CWR RFC 3168 §6.1). */
const FIN = 0x01;
const SYN = 0x02;
const RST = 0x04;
const PSH = 0x08;
const ACK = 0x10;
const URG = 0x20;
const ECE = 0x40;
const CWR = 0x80;

/** What was seen; `NONE` for anything p0f would not fingerprint. */
export const TcpKind = { NONE: 0, SYN: 1, SYN_ACK: 2 } as const;
export type TcpKind = (typeof TcpKind)[keyof typeof TcpKind];

/** Caller-owned, reused: the fields of one SYN or SYN+ACK in p0f's terms (process.c packet_data). */
export class TcpObservation {
  kind: TcpKind = TcpKind.NONE;
  ipVersion = 0;
  ttl = 0;
  /** IPv4 options length; always 0 for IPv6 (p0f does not walk extension headers). */
  ipOptionsLength = 0;
  /** DSCP (TOS >> 2), p0f's `tos:` flag. */
  dscp = 0;
  /** MSS option value, 0 when absent. */
  mss = 0;
  /** Window scale shift, 0 when absent. */
  windowScale = 0;
  window = 0;
  quirks = 0;
  payloadLength = 0;
  /** Own timestamp (TSval), 0 when absent. */
  tsVal = 0;
  /** IP header plus TCP header length (p0f's tot_hdr, used for the "MTU (actual size)" window test). */
  totalHeaderLength = 0;
  readonly layout = new Uint8Array(MAX_LAYOUT_OPTIONS);
  layoutCount = 0;
  eolPadding = 0;
}

function be16(d: Uint8Array, p: number): number {
  return ((d[p] ?? 0) << 8) | (d[p + 1] ?? 0);
}

function be32(d: Uint8Array, p: number): number {
  return (((d[p] ?? 0) << 24) | ((d[p + 1] ?? 0) << 16) | ((d[p + 2] ?? 0) << 8) | (d[p + 3] ?? 0)) >>> 0;
}

/**
 * Fills `out` from a SYN or SYN+ACK and returns its kind, or returns `TcpKind.NONE` for anything else
 * (the cheap flag test comes first, so other packets cost one comparison). The rules are p0f 3's
 * (process.c parse_packet): the whole IP packet must be captured, IPv4 fragments and IPv6 packets with
 * extension headers are skipped, and flag combinations such as SYN+FIN or SYN+RST are not fingerprinted.
 * Reads only inside the captured bytes and never throws.
 */
export function observeTcp(view: PacketView, packet: DecodedPacket, out: TcpObservation): TcpKind {
  out.kind = TcpKind.NONE;
  if (packet.protocol !== PROTO_TCP || (packet.tcpFlags & SYN) === 0 || packet.l3Offset < 0) return TcpKind.NONE;
  const d = view.data;
  const l3 = packet.l3Offset;
  const capEnd = Math.min(view.offset + view.caplen, d.length);
  let packetLength = capEnd - l3;
  if (packetLength < IPV4_MIN_HEADER + TCP_MIN_HEADER) return TcpKind.NONE;
  const version = (d[l3] ?? 0) >> 4;
  let quirks = 0;
  let ipHeaderLength: number;
  if (version === 4) {
    ipHeaderLength = ((d[l3] ?? 0) & 0x0f) * 4;
    const totalLength = be16(d, l3 + 2);
    const flagsOffset = be16(d, l3 + 6);
    // Trailing bytes beyond the stated length are link padding (or an etherleak), not payload.
    if (packetLength > totalLength) packetLength = totalLength;
    if (packetLength < IPV4_MIN_HEADER + TCP_MIN_HEADER || ipHeaderLength < IPV4_MIN_HEADER) return TcpKind.NONE;
    if (totalLength > packetLength || ipHeaderLength + TCP_MIN_HEADER > packetLength) return TcpKind.NONE;
    if (d[l3 + 9] !== PROTO_TCP || (flagsOffset & ~(IP4_DF | IP4_MBZ)) !== 0) return TcpKind.NONE;
    const tos = d[l3 + 1] ?? 0;
    out.ipOptionsLength = ipHeaderLength - IPV4_MIN_HEADER;
    out.dscp = tos >> 2;
    out.ttl = d[l3 + 8] ?? 0;
    if (tos & 0x03) quirks |= Quirk.ECN; // ECT(0), ECT(1) or CE (RFC 3168 §5)
    if (flagsOffset & IP4_MBZ) quirks |= Quirk.NZ_MBZ;
    const id = be16(d, l3 + 4);
    if (flagsOffset & IP4_DF) {
      quirks |= Quirk.DF;
      if (id !== 0) quirks |= Quirk.NZ_ID;
    } else if (id === 0) {
      quirks |= Quirk.ZERO_ID;
    }
  } else if (version === 6) {
    ipHeaderLength = IPV6_HEADER;
    const totalLength = be16(d, l3 + 4) + IPV6_HEADER;
    if (packetLength > totalLength) packetLength = totalLength;
    if (packetLength < IPV6_HEADER + TCP_MIN_HEADER || totalLength > packetLength) return TcpKind.NONE;
    if (d[l3 + 6] !== PROTO_TCP) return TcpKind.NONE;
    const first = be32(d, l3);
    out.ipOptionsLength = 0;
    out.dscp = (first >>> 22) & 0x3f;
    out.ttl = d[l3 + 7] ?? 0;
    if (first & 0xfffff) quirks |= Quirk.FLOW;
    if ((first >>> 20) & 0x03) quirks |= Quirk.ECN;
  } else {
    return TcpKind.NONE;
  }
  packetLength -= ipHeaderLength;
  const tcp = l3 + ipHeaderLength;
  const offsetByte = d[tcp + 12] ?? 0;
  const flags = d[tcp + 13] ?? 0;
  const headerLength = (offsetByte >> 4) * 4;
  if (headerLength < TCP_MIN_HEADER || headerLength > packetLength) return TcpKind.NONE;
  const type = flags & (SYN | ACK | FIN | RST);
  let kind: TcpKind;
  if (type === SYN) kind = TcpKind.SYN;
  else if (type === (SYN | ACK)) kind = TcpKind.SYN_ACK;
  else return TcpKind.NONE; // SYN+FIN, SYN+RST: p0f drops these "silly combinations"

  out.window = be16(d, tcp + 14);
  if (flags & (ECE | CWR) || offsetByte & 0x01) quirks |= Quirk.ECN; // NS bit (RFC 3540)
  if (be32(d, tcp + 4) === 0) quirks |= Quirk.ZERO_SEQ;
  const ack = be32(d, tcp + 8);
  if (flags & ACK) {
    if (ack === 0) quirks |= Quirk.ZERO_ACK;
  } else if (ack !== 0) {
    // README §5 "ack+": ACK number non-zero, ACK flag not set. (p0f 3.09b's code tests only one bit; see README.)
    quirks |= Quirk.NZ_ACK;
  }
  if (flags & URG) quirks |= Quirk.URG;
  else if (be16(d, tcp + 18) !== 0) quirks |= Quirk.NZ_URG;
  if (flags & PSH) quirks |= Quirk.PUSH;

  out.kind = kind;
  out.ipVersion = version;
  out.payloadLength = packetLength - headerLength;
  out.totalHeaderLength = ipHeaderLength + headerLength;
  out.quirks = quirks | readOptions(d, tcp + TCP_MIN_HEADER, tcp + headerLength, kind, out);
  return kind;
}

/**
 * Walks the options in [p, end) as p0f does (process.c): known kinds are taken at their RFC size
 * whatever their length byte says (a wrong length byte is the `bad` quirk), SACK and unknown kinds
 * use their length byte, and anything that does not fit stops the walk with `bad`. Returns quirks.
 */
function readOptions(d: Uint8Array, p: number, end: number, kind: TcpKind, out: TcpObservation): number {
  let quirks = 0;
  let count = 0;
  out.mss = 0;
  out.windowScale = 0;
  out.tsVal = 0;
  out.eolPadding = 0;
  while (p < end && count < MAX_LAYOUT_OPTIONS) {
    const option = d[p++] ?? 0;
    out.layout[count++] = option;
    if (option === TcpOptionKind.EOL) {
      out.eolPadding = end - p;
      // Padding after EOL should be zero (RFC 9293 §3.2). Like p0f, the scan stops just past the first
      // non-zero byte, so one in the very last position goes unnoticed.
      while (p < end && (d[p++] ?? 0) === 0);
      if (p !== end) {
        quirks |= Quirk.OPT_EOL_NZ;
        p = end;
      }
    } else if (option === TcpOptionKind.NOP) {
      continue;
    } else if (option === TcpOptionKind.MSS) {
      if (p + 3 > end) return finish(out, count, quirks | Quirk.OPT_BAD);
      if (d[p] !== 4) quirks |= Quirk.OPT_BAD;
      out.mss = be16(d, p + 1);
      p += 3;
    } else if (option === TcpOptionKind.WSCALE) {
      if (p + 2 > end) return finish(out, count, quirks | Quirk.OPT_BAD);
      if (d[p] !== 3) quirks |= Quirk.OPT_BAD;
      out.windowScale = d[p + 1] ?? 0;
      if (out.windowScale > 14) quirks |= Quirk.OPT_EXWS;
      p += 2;
    } else if (option === TcpOptionKind.SACK_PERMITTED) {
      if (p + 1 > end) return finish(out, count, quirks | Quirk.OPT_BAD);
      if (d[p] !== 2) quirks |= Quirk.OPT_BAD;
      p += 1;
    } else if (option === TcpOptionKind.TIMESTAMPS) {
      if (p + 9 > end) return finish(out, count, quirks | Quirk.OPT_BAD);
      if (d[p] !== 10) quirks |= Quirk.OPT_BAD;
      out.tsVal = be32(d, p + 1);
      if (out.tsVal === 0) quirks |= Quirk.OPT_ZERO_TS1;
      // A SYN has not seen the peer's TSval yet, so its TSecr should be zero (RFC 7323 §3.2).
      if (kind === TcpKind.SYN && be32(d, p + 5) !== 0) quirks |= Quirk.OPT_NZ_TS2;
      p += 9;
    } else {
      // SACK (RFC 2018 §3: 10..34 bytes) and unknown kinds carry their own length.
      if (p === end) return finish(out, count, quirks | Quirk.OPT_BAD);
      const length = d[p] ?? 0;
      const tooShortOrLong = option === TcpOptionKind.SACK ? length < 10 || length > 34 : length < 2 || length > 40;
      if (tooShortOrLong || p - 1 + length > end) return finish(out, count, quirks | Quirk.OPT_BAD);
      p += length - 1;
    }
  }
  // More than MAX_LAYOUT_OPTIONS options also leaves bytes unread, which p0f counts as malformed.
  return finish(out, count, p !== end ? quirks | Quirk.OPT_BAD : quirks);
}

function finish(out: TcpObservation, count: number, quirks: number): number {
  out.layoutCount = count;
  return quirks;
}
