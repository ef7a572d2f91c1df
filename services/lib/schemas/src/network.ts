// ECS network.*: the conversation's protocols, direction and Community ID.
import { z } from 'zod';
import { communityIdString, count } from './primitives.js';

/**
 * ECS `network.direction` values relative to the monitored network (ECS also has
 * ingress/egress, relative to the observer's interfaces; netwatch does not use them).
 */
export const directions = ['inbound', 'outbound', 'internal', 'external', 'unknown'] as const;

export const network = z.looseObject({
  transport: z.string().min(1).describe('Lowercase IANA keyword: tcp, udp, icmp, ipv6-icmp, sctp'),
  iana_number: z
    .string()
    .regex(/^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/, 'IP protocol number 0..255 as a string')
    .describe('IP protocol number, a string as in ECS (keyword), e.g. "6"'),
  protocol: z.string().min(1).optional().describe('Lowercase application protocol, e.g. dns, tls'),
  direction: z.enum(directions),
  community_id: communityIdString.optional(),
  bytes: count.optional().describe('source.bytes + destination.bytes'),
  packets: count.optional().describe('source.packets + destination.packets'),
  vlan: z.looseObject({ id: z.string() }).optional().describe('ECS keeps VLAN ids as strings'),
  type: z.enum(['ipv4', 'ipv6']),
});
