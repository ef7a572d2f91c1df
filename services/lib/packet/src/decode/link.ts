// Link-layer headers: Ethernet II with up to two VLAN tags, Linux SLL and SLL2, BSD NULL/LOOP.
import { DecodeError } from './decode-error.js';
import { type DecodedPacket, EtherType } from './decoded-packet.js';
import { be16, be32, byteAt } from './read.js';

const ETH_HEADER_LEN = 14;
const VLAN_TAG_LEN = 4;
/** Tags counted before `vlan_too_deep`: one 802.1Q C-tag, or an 802.1ad S-tag plus a C-tag. */
export const MAX_VLAN_TAGS = 2;
const SLL_HEADER_LEN = 16;
const SLL2_HEADER_LEN = 20;
const NULL_HEADER_LEN = 4;

/**
 * Ethernet II header plus VLAN tags from `pos`. Returns the offset of the L3 header (the
 * EtherType is always the two bytes just before it), or a negated `DecodeError`. `outer`
 * says whether to record MACs and VLAN IDs (false for a frame inside VXLAN or GRE/TEB).
 */
export function decodeEthernet(data: Uint8Array, pos: number, end: number, out: DecodedPacket, outer: boolean): number {
  if (end - pos < ETH_HEADER_LEN) return -DecodeError.EthTruncated;
  if (outer) {
    out.dstMacOffset = pos;
    out.srcMacOffset = pos + 6;
  }
  let type = be16(data, pos + 12);
  let p = pos + ETH_HEADER_LEN;
  let tags = 0;
  // IEEE 802.1Q-2018 §9.5–9.6: a tag is TPID (0x8100 C-tag, 0x88a8 S-tag) then TCI =
  // PCP(3) DEI(1) VID(12), followed by the real EtherType. 0x9100 is a pre-802.1ad S-tag.
  while (type === EtherType.VLAN || type === EtherType.QINQ || type === EtherType.QINQ_OLD) {
    if (tags === MAX_VLAN_TAGS) return -DecodeError.VlanTooDeep;
    if (end - p < VLAN_TAG_LEN) return -DecodeError.VlanTruncated;
    const vid = be16(data, p) & 0x0fff;
    if (outer) {
      if (tags === 0) out.vlanOuter = vid;
      else out.vlanInner = vid;
      out.vlanCount = tags + 1;
    }
    type = be16(data, p + 2);
    p += VLAN_TAG_LEN;
    tags++;
  }
  // A type ≤ 1500 is an IEEE 802.3 length (LLC/SNAP follows, 802.3-2022 §3.2.6); the caller
  // reports it as an unsupported EtherType.
  return p;
}

/**
 * Linux "cooked" capture v1 (LINKTYPE_LINUX_SLL, https://www.tcpdump.org/linktypes/LINKTYPE_LINUX_SLL.html):
 * packet type(2) ARPHRD type(2) address length(2) address(8, zero-padded) protocol(2).
 * Returns the L3 offset (protocol at offset 14 of the header) or a negated error.
 */
export function decodeSll(data: Uint8Array, pos: number, end: number, out: DecodedPacket): number {
  if (end - pos < SLL_HEADER_LEN) return -DecodeError.SllTruncated;
  out.sllPacketType = be16(data, pos);
  if (be16(data, pos + 4) === 6) out.srcMacOffset = pos + 6;
  out.etherType = be16(data, pos + 14);
  return pos + SLL_HEADER_LEN;
}

/**
 * Linux cooked capture v2 (LINKTYPE_LINUX_SLL2, https://www.tcpdump.org/linktypes/LINKTYPE_LINUX_SLL2.html):
 * protocol(2) reserved(2) interface index(4) ARPHRD type(2) packet type(1) address length(1) address(8).
 */
export function decodeSll2(data: Uint8Array, pos: number, end: number, out: DecodedPacket): number {
  if (end - pos < SLL2_HEADER_LEN) return -DecodeError.Sll2Truncated;
  out.etherType = be16(data, pos);
  out.sllPacketType = byteAt(data, pos + 10);
  if (byteAt(data, pos + 11) === 6) out.srcMacOffset = pos + 12;
  return pos + SLL2_HEADER_LEN;
}

/**
 * BSD loopback (LINKTYPE_NULL 0: family in the capturing host's byte order; LINKTYPE_LOOP 108:
 * network order, https://www.tcpdump.org/linktypes/LINKTYPE_NULL.html). The family is always
 * small, so a value with its high 16 bits set was written in the other order (libpcap does the
 * same). AF_INET is 2 everywhere; AF_INET6 is 24 (NetBSD/OpenBSD), 28 (FreeBSD) or 30 (macOS).
 * Sets `etherType` to the matching EtherType.
 */
export function decodeNull(data: Uint8Array, pos: number, end: number, out: DecodedPacket): number {
  if (end - pos < NULL_HEADER_LEN) return -DecodeError.NullTruncated;
  let family = be32(data, pos);
  if ((family & 0xffff0000) !== 0) {
    family = ((family >>> 24) | ((family >>> 8) & 0xff00) | ((family & 0xff00) << 8) | ((family & 0xff) << 24)) >>> 0;
  }
  if (family === 2) out.etherType = EtherType.IPV4;
  else if (family === 24 || family === 28 || family === 30) out.etherType = EtherType.IPV6;
  else return -DecodeError.NullUnknownFamily;
  return pos + NULL_HEADER_LEN;
}
