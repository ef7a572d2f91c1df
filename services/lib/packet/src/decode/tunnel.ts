// Encapsulation headers: GRE (RFC 2784, key and sequence from RFC 2890) and VXLAN (RFC 7348).
import { DecodeError } from './decode-error.js';
import { type DecodedPacket, resetNetworkFields } from './decoded-packet.js';
import { be16, be32, byteAt } from './read.js';

/** Nested encapsulations followed before `tunnel_too_deep`. */
export const MAX_TUNNEL_DEPTH = 2;
/** IANA-assigned VXLAN UDP port (RFC 7348 §5). */
export const VXLAN_PORT = 4789;
export const VXLAN_HEADER_LEN = 8;

const GRE_BASE_LEN = 4;
const GRE_C = 0x8000; // checksum present (RFC 2784 §2.1): checksum(2) + reserved1(2)
const GRE_K = 0x2000; // key present (RFC 2890 §2)
const GRE_S = 0x1000; // sequence number present (RFC 2890 §2)
// RFC 2784 §2.3: a receiver MUST discard a packet with any of bits 1–5 set unless it implements
// RFC 1701; RFC 2890 gives bits 2 (K) and 3 (S) back, leaving 1 (routing), 4 (strict) and 5.
const GRE_BAD_FLAGS = 0x4000 | 0x0800 | 0x0400;

/**
 * GRE header at `pos` within [pos, end). Returns its length (the payload follows; the protocol
 * type is always at pos + 2) or a negated `DecodeError`. Version 1 is PPTP's enhanced GRE
 * (RFC 2637 §4.1), which carries PPP and is not followed.
 */
export function greHeaderLength(data: Uint8Array, pos: number, end: number): number {
  if (end - pos < GRE_BASE_LEN) return -DecodeError.GreTruncated;
  const flags = be16(data, pos);
  if ((flags & 0x7) !== 0) return -DecodeError.GreUnsupportedVersion;
  if ((flags & GRE_BAD_FLAGS) !== 0) return -DecodeError.GreBadFlags;
  let length = GRE_BASE_LEN;
  if ((flags & GRE_C) !== 0) length += 4;
  if ((flags & GRE_K) !== 0) length += 4;
  if ((flags & GRE_S) !== 0) length += 4;
  if (end - pos < length) return -DecodeError.GreTruncated;
  return length;
}

/** The GRE key (RFC 2890 §2.1; after the checksum word when C is set), or -1 when K is clear. */
export function greKey(data: Uint8Array, pos: number): number {
  const flags = be16(data, pos);
  if ((flags & GRE_K) === 0) return -1;
  return be32(data, pos + GRE_BASE_LEN + ((flags & GRE_C) !== 0 ? 4 : 0));
}

/**
 * VXLAN header (RFC 7348 §5): flags(1) reserved(3) VNI(3) reserved(1). The I flag (0x08) MUST be
 * set for a valid VNI; without it the datagram is left as plain UDP. Caller checks the 8 bytes.
 */
export function vxlanHasVni(data: Uint8Array, pos: number): boolean {
  return (byteAt(data, pos) & 0x08) !== 0;
}

export function vxlanVni(data: Uint8Array, pos: number): number {
  return be32(data, pos + 4) >>> 8;
}

/**
 * Step into an encapsulated packet: the first time, keep the outer addresses and the tunnel's
 * type and ID; then clear the L3/L4 fields for the inner packet. False when already
 * `MAX_TUNNEL_DEPTH` deep (nothing changed).
 */
export function enterTunnel(out: DecodedPacket, type: number, id: number): boolean {
  if (out.tunnelDepth >= MAX_TUNNEL_DEPTH) return false;
  if (out.tunnelDepth === 0) {
    out.tunnelType = type;
    out.tunnelId = id;
    out.outerIpVersion = out.ipVersion;
    out.outerSrcAddrOffset = out.srcAddrOffset;
    out.outerDstAddrOffset = out.dstAddrOffset;
  }
  out.tunnelDepth++;
  resetNetworkFields(out);
  return true;
}
