// Link-layer header type numbers (LINKTYPE_*) that netwatch decoders understand, and their names.

/**
 * LINKTYPE_* values as stored in pcap file headers and pcapng IDBs
 * (https://www.tcpdump.org/linktypes.html, draft-ietf-opsawg-pcaplinktype).
 * These are file values, not the platform DLT_* values (DLT_RAW is 12 or 14 on some systems).
 */
export const LinkType = {
  /** BSD loopback: 4-byte address family in the host byte order of the capturing machine. */
  NULL: 0,
  ETHERNET: 1,
  /** Raw IPv4 or IPv6, version nibble decides. */
  RAW: 101,
  /** OpenBSD loopback: 4-byte address family in network byte order. */
  LOOP: 108,
  LINUX_SLL: 113,
  IPV4: 228,
  IPV6: 229,
  LINUX_SLL2: 276,
} as const;

export type KnownLinkType = (typeof LinkType)[keyof typeof LinkType];

const NAMES: ReadonlyMap<number, string> = new Map(
  Object.entries(LinkType).map(([name, value]) => [value, name]),
);

/** Readable name for a link type number ("ETHERNET"), or "LINKTYPE_<n>" when not one we know. */
export function linkTypeName(linktype: number): string {
  return NAMES.get(linktype) ?? `LINKTYPE_${linktype}`;
}
