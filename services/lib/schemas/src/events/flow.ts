// netwatch.flow.v1: one bidirectional flow (conversation) as the capture sensor exported it.
import { z } from 'zod';
import { eventMeta, eventShape } from '../base.js';
import { endpoint } from '../endpoint.js';
import { network } from '../network.js';
import { count, nanoseconds, timestamp, uint8 } from '../primitives.js';

/**
 * Zeek `conn.log` `conn_state` codes (base/protocols/conn/main.zeek): S0 attempt no reply,
 * S1 established, SF normal close, REJ rejected, S2/S3 half close, RSTO/RSTR reset by
 * originator/responder, RSTOS0/RSTRH reset without handshake, SH/SHR half open, OTH other.
 */
export const connStates = [
  'S0',
  'S1',
  'SF',
  'REJ',
  'S2',
  'S3',
  'RSTO',
  'RSTR',
  'RSTOS0',
  'RSTRH',
  'SH',
  'SHR',
  'OTH',
] as const;

/** Why the flow table exported this record (like IPFIX flowEndReason, RFC 7011 §6.2 / IANA). */
export const exportReasons = ['active_timeout', 'idle_timeout', 'end', 'evicted'] as const;

/** TCP header flag names in bit order, LSB first (RFC 9293 §3.1; ECE/CWR RFC 3168 §6.1). */
export const tcpFlagNames = ['FIN', 'SYN', 'RST', 'PSH', 'ACK', 'URG', 'ECE', 'CWR'] as const;

/** Names of the bits set in a TCP flags byte, in bit order. */
export function tcpFlagsToNames(bits: number): (typeof tcpFlagNames)[number][] {
  return tcpFlagNames.filter((_, i) => (bits >> i) & 1);
}

const tcpFlagName = z.enum(tcpFlagNames);

/** Per-direction TCP detail: the OR of every flags byte seen, and loss/reordering counters. */
const tcpDetails = z.looseObject({
  flags_client: uint8.describe('OR of TCP flags sent by the client (source)'),
  flags_server: uint8.describe('OR of TCP flags sent by the server (destination)'),
  flags_client_names: z.array(tcpFlagName),
  flags_server_names: z.array(tcpFlagName),
  handshake_rtt_ns: nanoseconds.optional().describe('SYN to the ACK of SYN-ACK, at the sensor'),
  retransmits_client: count,
  retransmits_server: count,
  out_of_order_client: count,
  out_of_order_server: count,
  zero_windows: count.optional().describe('Zero-window advertisements, both directions'),
});

/** ICMP/ICMPv6 type and code of the first packet (these flows have no ports). */
const icmpDetails = z.looseObject({ type: uint8, code: uint8 });

export const flowDetails = z.looseObject({
  id: z.string().optional().describe('Sensor\'s own flow id (e.g. a hash table slot generation)'),
  state: z.enum(connStates).describe('Zeek conn_state code'),
  history: z.string().optional().describe('Zeek conn history letters, e.g. ShADadFf'),
  export_reason: z.enum(exportReasons),
  service_source: z
    .enum(['port', 'payload'])
    .optional()
    .describe('How network.protocol was guessed: well-known port or payload inspection'),
  tcp: tcpDetails.optional(),
  icmp: icmpDetails.optional(),
  jitter_ns: nanoseconds.optional().describe('Inter-arrival jitter (RFC 3550 §6.4.1 estimator)'),
  min_ttl: uint8.optional(),
});

export const flowEvent = z.looseObject({
  ...eventShape('flow', { flow: flowDetails }),
  event: eventMeta.extend({ start: timestamp, end: timestamp, duration: nanoseconds }),
  source: endpoint.extend({ bytes: count, packets: count }),
  destination: endpoint.extend({ bytes: count, packets: count }),
  network: network.extend({ bytes: count, packets: count }),
});

export type FlowEvent = z.infer<typeof flowEvent>;
