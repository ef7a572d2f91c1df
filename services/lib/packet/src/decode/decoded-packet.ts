// DecodedPacket: the caller-owned, reused record of one packet's L2–L4 fields, plus the numbers it uses.

/** EtherType values the decoder follows (IEEE 802 numbers, https://standards-oui.ieee.org/ethertype/). */
export const EtherType = {
  IPV4: 0x0800,
  ARP: 0x0806,
  /** Transparent Ethernet bridging: an Ethernet frame inside GRE (RFC 1701 §3, used by RFC 2784). */
  TEB: 0x6558,
  /** IEEE 802.1Q customer VLAN tag (C-tag). */
  VLAN: 0x8100,
  IPV6: 0x86dd,
  /** IEEE 802.1ad service VLAN tag (S-tag, QinQ). */
  QINQ: 0x88a8,
  /** Pre-802.1ad QinQ outer tag used by some vendors. */
  QINQ_OLD: 0x9100,
} as const;

/** IP protocol numbers (IANA "Assigned Internet Protocol Numbers"). */
export const IpProtocol = {
  HOPOPTS: 0,
  ICMP: 1,
  IPIP: 4,
  TCP: 6,
  UDP: 17,
  IPV6: 41,
  ROUTING: 43,
  FRAGMENT: 44,
  GRE: 47,
  ESP: 50,
  AH: 51,
  ICMPV6: 58,
  NONE: 59,
  DSTOPTS: 60,
  SCTP: 132,
} as const;

/** `DecodedPacket.tunnelType`. */
export const TunnelType = {
  NONE: 0,
  GRE: 1,
  VXLAN: 2,
  /** IPv4 or IPv6 directly inside IPv4 or IPv6 (protocol 4 or 41; RFC 2003, RFC 4213). */
  IP_IN_IP: 3,
} as const;

/** TCP header flag bits as in `tcpFlags` (RFC 9293 §3.1; NS from RFC 3540, now historic). */
export const TcpFlag = {
  FIN: 0x001,
  SYN: 0x002,
  RST: 0x004,
  PSH: 0x008,
  ACK: 0x010,
  URG: 0x020,
  ECE: 0x040,
  CWR: 0x080,
  NS: 0x100,
} as const;

/** Most TCP option kinds kept in `tcpOptionKinds`; 40 option bytes could hold 40 NOPs, p0f needs far fewer. */
export const MAX_TCP_OPTION_KINDS = 16;

/**
 * One decoded packet, filled in place by `decodePacket`. Only numbers and booleans (and one
 * preallocated Uint8Array), so filling it allocates nothing. Every `*Offset` is an absolute index
 * into the `data` passed to `decodePacket`, or -1 when absent; addresses are not copied — use
 * `formatAddress`/`formatMac` off the hot path. Valid only as long as `data` is (for a
 * capture-file reader: until its next `next()`).
 *
 * Through a tunnel (GRE, VXLAN, IP-in-IP) the L3/L4 fields describe the innermost packet (the
 * flow is the inner one); the link fields and `outer*` describe the outermost one on the wire.
 */
export class DecodedPacket {
  // ---- link ----
  /** LINKTYPE_* passed to decodePacket. */
  linktype = 0;
  l2Offset = -1;
  /** Ethernet source MAC, or the SLL/SLL2 link-layer source address when it is 6 bytes. */
  srcMacOffset = -1;
  dstMacOffset = -1;
  /** EtherType (after any VLAN tags) of the outermost frame, or the one the link header implies. */
  etherType = 0;
  /** VLAN tags seen on the outermost frame (0–2). */
  vlanCount = 0;
  /** VLAN ID (12 bits) of the first tag, -1 if none. */
  vlanOuter = -1;
  /** VLAN ID of the second tag, -1 if none. */
  vlanInner = -1;
  /** SLL/SLL2 packet type (0 to us, 1 broadcast, 2 multicast, 3 to someone else, 4 outgoing), -1 otherwise. */
  sllPacketType = -1;

  // ---- ARP (RFC 826) ----
  isArp = false;
  arpOpcode = 0;
  arpHwType = 0;
  arpProtoType = 0;
  arpHwLength = 0;
  arpProtoLength = 0;
  arpSenderHwOffset = -1;
  arpSenderProtoOffset = -1;
  arpTargetHwOffset = -1;
  arpTargetProtoOffset = -1;

  // ---- L3 ----
  /** 0 (none), 4 or 6. */
  ipVersion = 0;
  l3Offset = -1;
  srcAddrOffset = -1;
  dstAddrOffset = -1;
  /** IPv4 TTL or IPv6 hop limit. */
  ttl = 0;
  /** IPv4 TOS byte or IPv6 traffic class (DSCP << 2 | ECN). */
  tos = 0;
  /** Header plus payload as the IP header states (IPv6: 40 + payload length), not what was captured. */
  ipTotalLength = 0;
  /** IPv4 IHL × 4; IPv6: 40 plus the extension headers walked. */
  ipHeaderLength = 0;
  /** IPv4 identification, or the IPv6 fragment header's 32-bit identification (else 0). */
  ipId = 0;
  dontFragment = false;
  moreFragments = false;
  /** Fragment offset in bytes. */
  fragmentOffset = 0;
  /** Part of a fragmented datagram (offset > 0 or more-fragments set). Non-first fragments have no L4. */
  isFragment = false;
  ipOptionsLength = 0;
  /** IPv6 flow label (20 bits). */
  flowLabel = 0;
  ipv6ExtHeaderCount = 0;
  /** Final IP protocol / IPv6 next header (the transport protocol), -1 if no IP. */
  protocol = -1;

  // ---- tunnel ----
  tunnelType = 0;
  /** Encapsulations walked through (0–2). */
  tunnelDepth = 0;
  /** VXLAN VNI or GRE key of the outermost tunnel, -1 if none. */
  tunnelId = -1;
  outerIpVersion = 0;
  outerSrcAddrOffset = -1;
  outerDstAddrOffset = -1;

  // ---- L4 ----
  l4Offset = -1;
  /** TCP/UDP/SCTP ports; -1 when absent. */
  srcPort = -1;
  dstPort = -1;
  /** 9 flag bits, see `TcpFlag`. */
  tcpFlags = 0;
  /** Unsigned 32-bit sequence and acknowledgement numbers. */
  seq = 0;
  ack = 0;
  /** Raw (unscaled) window. */
  window = 0;
  urgentPointer = 0;
  tcpHeaderLength = 0;
  /** Option values, -1 when the option is absent (RFC 9293 §3.2, RFC 7323). */
  mss = -1;
  windowScale = -1;
  sackPermitted = false;
  hasTimestamps = false;
  tsVal = 0;
  tsEcr = 0;
  /** Option kinds in header order (EOL and NOP included), the first `tcpOptionCount` are valid. */
  readonly tcpOptionKinds = new Uint8Array(MAX_TCP_OPTION_KINDS);
  tcpOptionCount = 0;
  /** Bytes after an EOL option up to the end of the header (p0f's "eol+N"). */
  tcpOptionEolPadding = 0;
  /** UDP length field (header plus data). */
  udpLength = 0;
  /** ICMP/ICMPv6 type and code, -1 when not ICMP. */
  icmpType = -1;
  icmpCode = -1;
  /** Echo request/reply identifier and sequence number (RFC 792, RFC 4443 §4), -1 otherwise. */
  icmpId = -1;
  icmpSeq = -1;

  // ---- payload ----
  /** Start of the L4 payload (or of the IP payload when there is no L4 header we decode). */
  payloadOffset = -1;
  /** Payload bytes present: bounded by caplen and the IP/UDP length, so Ethernet padding is excluded. */
  payloadLength = 0;
}

/** A blank packet to pass to `decodePacket`; make one per loop and reuse it. */
export function createDecodedPacket(): DecodedPacket {
  return new DecodedPacket();
}

/** Clear the L3, L4 and payload fields (also done when entering a tunnel's inner packet). */
export function resetNetworkFields(p: DecodedPacket): void {
  p.isArp = false;
  p.arpOpcode = 0;
  p.arpHwType = 0;
  p.arpProtoType = 0;
  p.arpHwLength = 0;
  p.arpProtoLength = 0;
  p.arpSenderHwOffset = -1;
  p.arpSenderProtoOffset = -1;
  p.arpTargetHwOffset = -1;
  p.arpTargetProtoOffset = -1;
  p.ipVersion = 0;
  p.l3Offset = -1;
  p.srcAddrOffset = -1;
  p.dstAddrOffset = -1;
  p.ttl = 0;
  p.tos = 0;
  p.ipTotalLength = 0;
  p.ipHeaderLength = 0;
  p.ipId = 0;
  p.dontFragment = false;
  p.moreFragments = false;
  p.fragmentOffset = 0;
  p.isFragment = false;
  p.ipOptionsLength = 0;
  p.flowLabel = 0;
  p.ipv6ExtHeaderCount = 0;
  p.protocol = -1;
  p.l4Offset = -1;
  p.srcPort = -1;
  p.dstPort = -1;
  p.tcpFlags = 0;
  p.seq = 0;
  p.ack = 0;
  p.window = 0;
  p.urgentPointer = 0;
  p.tcpHeaderLength = 0;
  p.mss = -1;
  p.windowScale = -1;
  p.sackPermitted = false;
  p.hasTimestamps = false;
  p.tsVal = 0;
  p.tsEcr = 0;
  p.tcpOptionCount = 0;
  p.tcpOptionEolPadding = 0;
  p.udpLength = 0;
  p.icmpType = -1;
  p.icmpCode = -1;
  p.icmpId = -1;
  p.icmpSeq = -1;
  p.payloadOffset = -1;
  p.payloadLength = 0;
}

/** Clear every field (decodePacket does this first). */
export function resetDecodedPacket(p: DecodedPacket): void {
  p.linktype = 0;
  p.l2Offset = -1;
  p.srcMacOffset = -1;
  p.dstMacOffset = -1;
  p.etherType = 0;
  p.vlanCount = 0;
  p.vlanOuter = -1;
  p.vlanInner = -1;
  p.sllPacketType = -1;
  p.tunnelType = 0;
  p.tunnelDepth = 0;
  p.tunnelId = -1;
  p.outerIpVersion = 0;
  p.outerSrcAddrOffset = -1;
  p.outerDstAddrOffset = -1;
  resetNetworkFields(p);
}
