// Transport headers: TCP with its options in one pass (RFC 9293), UDP (RFC 768), ICMP (RFC 792),
// ICMPv6 (RFC 4443) and the SCTP common header (RFC 9260). Checksums are not verified (see ip.ts).
//
// Each function takes the L4 offset, the capture end and the end the IP header states (`ipEnd`,
// which may lie beyond the capture when the snap length cut the packet), fills `out` and returns
// a `DecodeError` (not negated). The payload is bounded by both ends, so link-layer padding after
// the IP datagram (a 60-byte minimum Ethernet frame) is never payload.
import { DecodeError } from './decode-error.js';
import { type DecodedPacket, MAX_TCP_OPTION_KINDS } from './decoded-packet.js';
import { be16, be32, byteAt } from './read.js';

const TCP_MIN_HEADER_LEN = 20;
const UDP_HEADER_LEN = 8;
const ICMP_HEADER_LEN = 8;
const SCTP_COMMON_HEADER_LEN = 12;

/** TCP option kinds (IANA "TCP Option Kind Numbers"). */
const OPT_EOL = 0;
const OPT_NOP = 1;
const OPT_MSS = 2; // RFC 9293 §3.2, length 4
const OPT_WSCALE = 3; // RFC 7323 §2.2, length 3
const OPT_SACK_PERMITTED = 4; // RFC 2018 §2, length 2
const OPT_TIMESTAMPS = 8; // RFC 7323 §3.2, length 10

function min(a: number, b: number): number {
  return a < b ? a : b;
}

/** Source and destination ports when at least 4 bytes are there (ICMP errors quote only 8). */
function ports(data: Uint8Array, pos: number, capEnd: number, out: DecodedPacket): void {
  if (capEnd - pos < 4) return;
  out.srcPort = be16(data, pos);
  out.dstPort = be16(data, pos + 2);
}

export function decodeTcp(
  data: Uint8Array,
  pos: number,
  capEnd: number,
  ipEnd: number,
  out: DecodedPacket,
): DecodeError {
  out.l4Offset = pos;
  ports(data, pos, capEnd, out);
  if (capEnd - pos < TCP_MIN_HEADER_LEN || ipEnd - pos < TCP_MIN_HEADER_LEN) return DecodeError.TcpTruncated;
  out.seq = be32(data, pos + 4);
  out.ack = be32(data, pos + 8);
  // RFC 9293 §3.1: data offset(4) reserved(3, the lowest once NS, RFC 3540) then CWR ECE URG ACK PSH RST SYN FIN.
  const offsetByte = byteAt(data, pos + 12);
  out.tcpFlags = ((offsetByte & 0x01) << 8) | byteAt(data, pos + 13);
  out.window = be16(data, pos + 14);
  out.urgentPointer = be16(data, pos + 18);
  const headerLength = (offsetByte >> 4) * 4;
  out.tcpHeaderLength = headerLength;
  if (headerLength < TCP_MIN_HEADER_LEN || ipEnd - pos < headerLength) return DecodeError.TcpBadDataOffset;
  if (capEnd - pos < headerLength) return DecodeError.TcpOptionsTruncated;
  const err = decodeTcpOptions(data, pos + TCP_MIN_HEADER_LEN, pos + headerLength, out);
  out.payloadOffset = pos + headerLength;
  out.payloadLength = min(capEnd, ipEnd) - out.payloadOffset;
  return err;
}

/**
 * TCP options in [p, end) (RFC 9293 §3.2): EOL (0) ends the list, NOP (1) is one byte, every
 * other kind is kind, length (≥ 2, counting both), data. Every kind is recorded in order for
 * p0f-style fingerprints; values are taken only when the length is the one the RFC fixes.
 */
function decodeTcpOptions(data: Uint8Array, p: number, end: number, out: DecodedPacket): DecodeError {
  const kinds = out.tcpOptionKinds;
  let n = 0;
  let err: DecodeError = DecodeError.None;
  while (p < end) {
    const kind = byteAt(data, p);
    if (n < MAX_TCP_OPTION_KINDS) kinds[n++] = kind;
    if (kind === OPT_EOL) {
      out.tcpOptionEolPadding = end - p - 1;
      break;
    }
    if (kind === OPT_NOP) {
      p++;
      continue;
    }
    if (end - p < 2) {
      err = DecodeError.TcpBadOption;
      break;
    }
    const length = byteAt(data, p + 1);
    if (length < 2 || length > end - p) {
      err = DecodeError.TcpBadOption;
      break;
    }
    if (kind === OPT_MSS) {
      if (length === 4) out.mss = be16(data, p + 2);
      else err = DecodeError.TcpBadOption;
    } else if (kind === OPT_WSCALE) {
      if (length === 3) out.windowScale = byteAt(data, p + 2);
      else err = DecodeError.TcpBadOption;
    } else if (kind === OPT_SACK_PERMITTED) {
      if (length === 2) out.sackPermitted = true;
      else err = DecodeError.TcpBadOption;
    } else if (kind === OPT_TIMESTAMPS) {
      if (length === 10) {
        out.hasTimestamps = true;
        out.tsVal = be32(data, p + 2);
        out.tsEcr = be32(data, p + 6);
      } else {
        err = DecodeError.TcpBadOption;
      }
    }
    p += length;
  }
  out.tcpOptionCount = n;
  return err;
}

export function decodeUdp(
  data: Uint8Array,
  pos: number,
  capEnd: number,
  ipEnd: number,
  out: DecodedPacket,
): DecodeError {
  out.l4Offset = pos;
  ports(data, pos, capEnd, out);
  if (capEnd - pos < UDP_HEADER_LEN || ipEnd - pos < UDP_HEADER_LEN) return DecodeError.UdpTruncated;
  const length = be16(data, pos + 4);
  out.udpLength = length;
  out.payloadOffset = pos + UDP_HEADER_LEN;
  let dataEnd = min(capEnd, ipEnd);
  // RFC 768: the length covers header and data, so it is at least 8 and within the IP payload.
  let err: DecodeError = DecodeError.None;
  if (length < UDP_HEADER_LEN || length > ipEnd - pos) err = DecodeError.UdpBadLength;
  else dataEnd = min(dataEnd, pos + length);
  out.payloadLength = dataEnd - out.payloadOffset;
  return err;
}

/**
 * ICMP (RFC 792) or ICMPv6 (RFC 4443 §2.1): type(1) code(1) checksum(2) and 4 bytes that
 * depend on the type; for echo request/reply they are identifier and sequence number.
 */
export function decodeIcmp(
  data: Uint8Array,
  pos: number,
  capEnd: number,
  ipEnd: number,
  out: DecodedPacket,
  v6: boolean,
): DecodeError {
  out.l4Offset = pos;
  const end = min(capEnd, ipEnd);
  if (end - pos >= 2) {
    out.icmpType = byteAt(data, pos);
    out.icmpCode = byteAt(data, pos + 1);
  }
  if (end - pos < ICMP_HEADER_LEN) return v6 ? DecodeError.Icmpv6Truncated : DecodeError.IcmpTruncated;
  const type = out.icmpType;
  // Echo reply/request: 0/8 for ICMP (RFC 792), 129/128 for ICMPv6 (RFC 4443 §4.1–4.2).
  if (v6 ? type === 128 || type === 129 : type === 0 || type === 8) {
    out.icmpId = be16(data, pos + 4);
    out.icmpSeq = be16(data, pos + 6);
  }
  out.payloadOffset = pos + ICMP_HEADER_LEN;
  out.payloadLength = end - out.payloadOffset;
  return DecodeError.None;
}

/** SCTP common header (RFC 9260 §3.1): ports(2+2) verification tag(4) checksum(4); chunks follow. */
export function decodeSctp(
  data: Uint8Array,
  pos: number,
  capEnd: number,
  ipEnd: number,
  out: DecodedPacket,
): DecodeError {
  out.l4Offset = pos;
  ports(data, pos, capEnd, out);
  const end = min(capEnd, ipEnd);
  if (end - pos < SCTP_COMMON_HEADER_LEN) return DecodeError.SctpTruncated;
  out.payloadOffset = pos + SCTP_COMMON_HEADER_LEN;
  out.payloadLength = end - out.payloadOffset;
  return DecodeError.None;
}

/** Any other protocol: no header we know, so the payload starts at the L4 offset. */
export function decodeOpaque(pos: number, capEnd: number, ipEnd: number, out: DecodedPacket): DecodeError {
  out.l4Offset = pos;
  out.payloadOffset = pos;
  const end = min(capEnd, ipEnd);
  out.payloadLength = end > pos ? end - pos : 0;
  return DecodeError.None;
}
