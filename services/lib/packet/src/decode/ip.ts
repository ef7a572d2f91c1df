// IPv4 (RFC 791) and IPv6 (RFC 8200) headers, IPv6 extension header chain, and ARP (RFC 826).
//
// Header checksums are NOT verified: on the sending host, checksum offload means the kernel hands
// the capture tap packets whose checksums the NIC fills in later, so they are routinely wrong in
// captures, and a sensor must not drop or flag traffic for it (Zeek's ignore_checksums, Suricata's
// checksum-validation auto mode).
import { DecodeError } from './decode-error.js';
import { type DecodedPacket, IpProtocol } from './decoded-packet.js';
import { be16, be32, byteAt } from './read.js';

const IPV4_MIN_HEADER_LEN = 20;
const IPV6_HEADER_LEN = 40;
const IPV6_EXT_MIN_LEN = 8;
const IPV6_FRAGMENT_HEADER_LEN = 8;
/** Extension headers walked before `ipv6_too_many_ext_headers`; real traffic has at most 2–3. */
export const MAX_IPV6_EXT_HEADERS = 8;

/**
 * IPv4 header at `pos`. Fills the fixed 20-byte fields first, so a header with bad lengths still
 * yields its addresses. Returns the offset of the IPv4 payload, or a negated `DecodeError`.
 * `ipTotalLength` 0 is kept as 0: TCP segmentation offload on the capturing host leaves it unset.
 */
export function decodeIpv4(data: Uint8Array, pos: number, end: number, out: DecodedPacket): number {
  if (end - pos < IPV4_MIN_HEADER_LEN) return -DecodeError.Ipv4Truncated;
  const vihl = byteAt(data, pos);
  if (vihl >> 4 !== 4) return -DecodeError.Ipv4BadVersion;
  const headerLength = (vihl & 0x0f) * 4;
  out.ipVersion = 4;
  out.l3Offset = pos;
  out.tos = byteAt(data, pos + 1);
  const totalLength = be16(data, pos + 2);
  out.ipTotalLength = totalLength;
  out.ipId = be16(data, pos + 4);
  // RFC 791 §3.1: flags are reserved(1) DF(1) MF(1), then the offset in 8-byte units (13 bits).
  const frag = be16(data, pos + 6);
  out.dontFragment = (frag & 0x4000) !== 0;
  out.moreFragments = (frag & 0x2000) !== 0;
  out.fragmentOffset = (frag & 0x1fff) * 8;
  out.isFragment = out.moreFragments || out.fragmentOffset !== 0;
  out.ttl = byteAt(data, pos + 8);
  out.protocol = byteAt(data, pos + 9);
  out.srcAddrOffset = pos + 12;
  out.dstAddrOffset = pos + 16;
  // RFC 791 §3.1: IHL counts 32-bit words, minimum 5.
  if (headerLength < IPV4_MIN_HEADER_LEN) return -DecodeError.Ipv4BadHeaderLength;
  out.ipHeaderLength = headerLength;
  out.ipOptionsLength = headerLength - IPV4_MIN_HEADER_LEN;
  if (totalLength !== 0 && totalLength < headerLength) return -DecodeError.Ipv4BadTotalLength;
  if (end - pos < headerLength) return -DecodeError.Ipv4OptionsTruncated;
  return pos + headerLength;
}

/** RFC 8200 §4 and the IANA "IPv6 Extension Header Types" registry (RFC 7045): headers we walk. */
function isIpv6ExtensionHeader(nh: number): boolean {
  return (
    nh === IpProtocol.HOPOPTS ||
    nh === IpProtocol.ROUTING ||
    nh === IpProtocol.FRAGMENT ||
    nh === IpProtocol.DSTOPTS ||
    nh === IpProtocol.AH ||
    nh === 135 || // Mobility (RFC 6275)
    nh === 139 || // HIP (RFC 7401)
    nh === 140 // Shim6 (RFC 5533)
  );
}

/**
 * IPv6 header and extension header chain at `pos`. Returns the offset of the upper-layer header
 * (for a non-first fragment: of the fragment data), or a negated `DecodeError`. `protocol` ends
 * as the last Next Header; ESP (50) and No Next Header (59) stop the walk (their contents are
 * not extension headers).
 */
export function decodeIpv6(data: Uint8Array, pos: number, end: number, out: DecodedPacket): number {
  if (end - pos < IPV6_HEADER_LEN) return -DecodeError.Ipv6Truncated;
  const first = be32(data, pos);
  if (first >>> 28 !== 6) return -DecodeError.Ipv6BadVersion;
  out.ipVersion = 6;
  out.l3Offset = pos;
  // RFC 8200 §3: version(4) traffic class(8) flow label(20).
  out.tos = (first >>> 20) & 0xff;
  out.flowLabel = first & 0xfffff;
  const payloadLength = be16(data, pos + 4);
  let nh = byteAt(data, pos + 6);
  out.ttl = byteAt(data, pos + 7);
  out.srcAddrOffset = pos + 8;
  out.dstAddrOffset = pos + 24;
  out.protocol = nh;
  out.ipHeaderLength = IPV6_HEADER_LEN;
  // RFC 2675 §3: payload length 0 with a hop-by-hop header is a jumbogram (length in an option);
  // we record 0 ("not stated") and bound by the capture, like IPv4 under segmentation offload.
  const jumbo = payloadLength === 0 && nh === IpProtocol.HOPOPTS;
  out.ipTotalLength = jumbo ? 0 : IPV6_HEADER_LEN + payloadLength;
  const stated = pos + IPV6_HEADER_LEN + payloadLength;
  const limit = jumbo || stated > end ? end : stated;
  let p = pos + IPV6_HEADER_LEN;
  let count = 0;
  while (isIpv6ExtensionHeader(nh)) {
    if (count === MAX_IPV6_EXT_HEADERS) return -DecodeError.Ipv6TooManyExtHeaders;
    if (limit - p < IPV6_EXT_MIN_LEN) return -DecodeError.Ipv6ExtHeaderTruncated;
    const next = byteAt(data, p);
    let length: number;
    if (nh === IpProtocol.FRAGMENT) {
      // RFC 8200 §4.5: next(1) reserved(1) offset(13 bits, 8-byte units) res(2) M(1) identification(4).
      length = IPV6_FRAGMENT_HEADER_LEN;
      const offsetFlags = be16(data, p + 2);
      out.fragmentOffset = offsetFlags & 0xfff8;
      out.moreFragments = (offsetFlags & 1) !== 0;
      out.ipId = be32(data, p + 4);
      // RFC 6946: an "atomic" fragment (offset 0, M 0) is a whole datagram.
      out.isFragment = out.moreFragments || out.fragmentOffset !== 0;
    } else if (nh === IpProtocol.AH) {
      // RFC 4302 §2.2: AH payload length is in 4-byte units, minus 2.
      length = (byteAt(data, p + 1) + 2) * 4;
    } else {
      // RFC 8200 §4.3–4.6: Hdr Ext Len is in 8-byte units, not counting the first 8 bytes.
      length = (byteAt(data, p + 1) + 1) * 8;
    }
    if (limit - p < length) return -DecodeError.Ipv6ExtHeaderTruncated;
    count++;
    out.ipv6ExtHeaderCount = count;
    p += length;
    nh = next;
    out.protocol = nh;
    out.ipHeaderLength = p - pos;
    // RFC 8200 §4.5: after the fragment header of a non-first fragment comes fragment data.
    if (out.isFragment && out.fragmentOffset !== 0) break;
  }
  return p;
}

const ARP_FIXED_LEN = 8;

/**
 * ARP (RFC 826) at `pos`: htype(2) ptype(2) hlen(1) plen(1) op(2) then sender hw/proto and
 * target hw/proto addresses of hlen/plen bytes. Returns a `DecodeError` (not negated).
 */
export function decodeArp(data: Uint8Array, pos: number, end: number, out: DecodedPacket): DecodeError {
  if (end - pos < ARP_FIXED_LEN) return DecodeError.ArpTruncated;
  const hwLength = byteAt(data, pos + 4);
  const protoLength = byteAt(data, pos + 5);
  out.isArp = true;
  out.l3Offset = pos;
  out.arpHwType = be16(data, pos);
  out.arpProtoType = be16(data, pos + 2);
  out.arpHwLength = hwLength;
  out.arpProtoLength = protoLength;
  out.arpOpcode = be16(data, pos + 6);
  if (end - pos < ARP_FIXED_LEN + 2 * (hwLength + protoLength)) return DecodeError.ArpTruncated;
  out.arpSenderHwOffset = pos + ARP_FIXED_LEN;
  out.arpSenderProtoOffset = out.arpSenderHwOffset + hwLength;
  out.arpTargetHwOffset = out.arpSenderProtoOffset + protoLength;
  out.arpTargetProtoOffset = out.arpTargetHwOffset + hwLength;
  return DecodeError.None;
}
