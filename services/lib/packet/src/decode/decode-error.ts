// Named decode error codes (Zeek "weird" style), their names, and a per-code counter for the caller.

/**
 * What `decodePacket` returns: `None` (0) or the first problem met. The decoder stops at that
 * layer but keeps every field it had already filled, so a packet with a good IPv4 header and a
 * cut TCP header still has its addresses. The names in `decodeErrorNames` are stable wire names.
 */
export const DecodeError = {
  None: 0,
  /** `offset`/`caplen` do not describe a range inside `data` (a caller bug, not a packet). */
  BadBounds: 1,
  UnsupportedLinktype: 2,
  EthTruncated: 3,
  VlanTruncated: 4,
  VlanTooDeep: 5,
  SllTruncated: 6,
  Sll2Truncated: 7,
  NullTruncated: 8,
  NullUnknownFamily: 9,
  UnsupportedEthertype: 10,
  ArpTruncated: 11,
  IpUnknownVersion: 12,
  Ipv4Truncated: 13,
  Ipv4BadVersion: 14,
  Ipv4BadHeaderLength: 15,
  Ipv4BadTotalLength: 16,
  Ipv4OptionsTruncated: 17,
  Ipv6Truncated: 18,
  Ipv6BadVersion: 19,
  Ipv6ExtHeaderTruncated: 20,
  Ipv6TooManyExtHeaders: 21,
  TcpTruncated: 22,
  TcpBadDataOffset: 23,
  TcpOptionsTruncated: 24,
  TcpBadOption: 25,
  UdpTruncated: 26,
  UdpBadLength: 27,
  IcmpTruncated: 28,
  Icmpv6Truncated: 29,
  SctpTruncated: 30,
  GreTruncated: 31,
  GreBadFlags: 32,
  GreUnsupportedVersion: 33,
  GreUnsupportedProtocol: 34,
  VxlanTruncated: 35,
  TunnelTooDeep: 36,
} as const;

export type DecodeError = (typeof DecodeError)[keyof typeof DecodeError];

/** `decodeErrorNames[code]` is the snake_case name of a `DecodeError` code ("none" for 0). */
export const decodeErrorNames: readonly string[] = Object.freeze([
  'none',
  'decode_bad_bounds',
  'unsupported_linktype',
  'eth_truncated',
  'vlan_truncated',
  'vlan_too_deep',
  'sll_truncated',
  'sll2_truncated',
  'null_truncated',
  'null_unknown_family',
  'unsupported_ethertype',
  'arp_truncated',
  'ip_unknown_version',
  'ipv4_truncated',
  'ipv4_bad_version',
  'ipv4_bad_header_length',
  'ipv4_bad_total_length',
  'ipv4_options_truncated',
  'ipv6_truncated',
  'ipv6_bad_version',
  'ipv6_ext_header_truncated',
  'ipv6_too_many_ext_headers',
  'tcp_truncated',
  'tcp_bad_data_offset',
  'tcp_options_truncated',
  'tcp_bad_option',
  'udp_truncated',
  'udp_bad_length',
  'icmp_truncated',
  'icmpv6_truncated',
  'sctp_truncated',
  'gre_truncated',
  'gre_bad_flags',
  'gre_unsupported_version',
  'gre_unsupported_protocol',
  'vxlan_truncated',
  'tunnel_too_deep',
]);

/** Number of codes; every code is an integer in [0, DECODE_ERROR_COUNT). */
export const DECODE_ERROR_COUNT = decodeErrorNames.length;

/** The name of a code, or `unknown_<n>` for a number that is not one. */
export function decodeErrorName(code: number): string {
  return decodeErrorNames[code] ?? `unknown_${code}`;
}

/**
 * Counters per decode result, `None` included, so the counts add up to the packets decoded.
 * Float64Array rather than Uint32Array so a long-running sensor never wraps at 2^32.
 */
export class DecodeStats {
  readonly counts = new Float64Array(DECODE_ERROR_COUNT);

  /** Count one result; allocation-free. Out-of-range codes are ignored (they cannot come from the decoder). */
  count(code: number): void {
    if (code >= 0 && code < DECODE_ERROR_COUNT) this.counts[code] = (this.counts[code] as number) + 1;
  }

  /** Results counted so far, `None` included. */
  total(): number {
    let sum = 0;
    for (let i = 0; i < this.counts.length; i++) sum += this.counts[i] as number;
    return sum;
  }

  /** Non-zero counters by name, e.g. `{ none: 1000, tcp_truncated: 2 }` (allocates; for reports). */
  toJSON(): Record<string, number> {
    const out: Record<string, number> = {};
    for (let i = 0; i < this.counts.length; i++) {
      const n = this.counts[i] as number;
      if (n > 0) out[decodeErrorNames[i] as string] = n;
    }
    return out;
  }

  reset(): void {
    this.counts.fill(0);
  }
}
