// The DNS sensor's counters: what it saw, paired, gave up on and rejected (by reason), read by metrics and tests.
import { dnsErrorNames } from '@netwatch/packet/dns/dns-message';

/** Reasons a DNS message is skipped before or besides parsing (the parser's own reasons are dns_*). */
export const transportReasons = [
  /** A UDP datagram fragmented at the IP layer: only the first fragment has the DNS header (not reassembled). */
  'dns_ip_fragment',
  /** Fewer UDP payload bytes captured than the UDP length says (snaplen). */
  'dns_capture_truncated',
  /** A TCP length prefix of zero (RFC 7766 §8 frames carry whole messages). */
  'dns_tcp_zero_length',
  /** Bytes of a TCP direction lost in capture: the framing cannot be recovered for that direction. */
  'dns_tcp_gap',
  /** A TCP connection ended in the middle of a message. */
  'dns_tcp_truncated',
] as const;

export type MalformedReason = Exclude<(typeof dnsErrorNames)[number], 'none'> | (typeof transportReasons)[number];

export const malformedReasons: readonly MalformedReason[] = [
  ...dnsErrorNames.filter((n): n is Exclude<typeof n, 'none'> => n !== 'none'), ...transportReasons,
];

export interface DnsStats {
  udpMessages: number;
  tcpMessages: number;
  queries: number;
  responses: number;
  /** Query and response paired. */
  answered: number;
  /** Queries published without a response (timeout, eviction or end of input). */
  unanswered: number;
  /** Of those, pushed out because the pending table was full. */
  evicted: number;
  /** Responses whose query was not seen, published alone. */
  responsesWithoutQuery: number;
  /** A query with the key of one already pending (a retransmission): the first is kept. */
  duplicateQueries: number;
  /** Queries awaiting their response now. */
  pending: number;
  malformed: Record<MalformedReason, number>;
}

export function emptyDnsStats(): DnsStats {
  return {
    udpMessages: 0, tcpMessages: 0, queries: 0, responses: 0, answered: 0, unanswered: 0, evicted: 0,
    responsesWithoutQuery: 0, duplicateQueries: 0, pending: 0,
    malformed: Object.fromEntries(malformedReasons.map((r) => [r, 0])) as Record<MalformedReason, number>,
  };
}
