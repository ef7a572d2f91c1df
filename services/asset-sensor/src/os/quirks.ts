// p0f 3 TCP/IP "quirks": one bit each, with the names p0f.fp and p0f's raw signatures use, in p0f's order.

/** Bit per quirk; the order of `QUIRK_NAMES` is the order p0f prints them in a raw signature. */
export const Quirk = {
  /** IPv4 don't-fragment set (RFC 791 §3.1; PMTUD, RFC 1191). */
  DF: 1 << 0,
  /** DF set but the IPv4 identification is non-zero (RFC 6864 §4.1 lets atomic datagrams use any ID). */
  NZ_ID: 1 << 1,
  /** DF not set but the IPv4 identification is zero. */
  ZERO_ID: 1 << 2,
  /** ECN: ECT/CE in the IP header, or ECE/CWR/NS in the TCP header (RFC 3168 §5, §6.1; RFC 3540). */
  ECN: 1 << 3,
  /** The IPv4 reserved ("must be zero") flag bit is set (RFC 791 §3.1). */
  NZ_MBZ: 1 << 4,
  /** Non-zero IPv6 flow label (RFC 6437). */
  FLOW: 1 << 5,
  ZERO_SEQ: 1 << 6,
  NZ_ACK: 1 << 7,
  ZERO_ACK: 1 << 8,
  NZ_URG: 1 << 9,
  URG: 1 << 10,
  PUSH: 1 << 11,
  /** Own timestamp (TSval, RFC 7323 §3.2) is zero. */
  OPT_ZERO_TS1: 1 << 12,
  /** Peer timestamp (TSecr) non-zero on an initial SYN. */
  OPT_NZ_TS2: 1 << 13,
  /** Non-zero bytes after an EOL option. */
  OPT_EOL_NZ: 1 << 14,
  /** Window scale shift above 14 (RFC 7323 §2.3). */
  OPT_EXWS: 1 << 15,
  /** Malformed option list. */
  OPT_BAD: 1 << 16,
} as const;

/** [bit, name] in p0f's printing order (fp_tcp.c dump_sig). */
export const QUIRK_NAMES: readonly (readonly [number, string])[] = [
  [Quirk.DF, 'df'],
  [Quirk.NZ_ID, 'id+'],
  [Quirk.ZERO_ID, 'id-'],
  [Quirk.ECN, 'ecn'],
  [Quirk.NZ_MBZ, '0+'],
  [Quirk.FLOW, 'flow'],
  [Quirk.ZERO_SEQ, 'seq-'],
  [Quirk.NZ_ACK, 'ack+'],
  [Quirk.ZERO_ACK, 'ack-'],
  [Quirk.NZ_URG, 'uptr+'],
  [Quirk.URG, 'urgf+'],
  [Quirk.PUSH, 'pushf+'],
  [Quirk.OPT_ZERO_TS1, 'ts1-'],
  [Quirk.OPT_NZ_TS2, 'ts2+'],
  [Quirk.OPT_EOL_NZ, 'opt+'],
  [Quirk.OPT_EXWS, 'exws'],
  [Quirk.OPT_BAD, 'bad'],
];

/** Quirks that only exist for IPv4 and only for IPv6 (README §5: "ignored for IPv6" / "ignored for IPv4"). */
export const IPV4_ONLY_QUIRKS = Quirk.DF | Quirk.NZ_ID | Quirk.ZERO_ID | Quirk.NZ_MBZ;
export const IPV6_ONLY_QUIRKS = Quirk.FLOW;

/** Comma-separated quirk names in p0f's order; '' for none. */
export function formatQuirks(quirks: number): string {
  const names: string[] = [];
  for (const [bit, name] of QUIRK_NAMES) if (quirks & bit) names.push(name);
  return names.join(',');
}
