// One bidirectional conversation as either tool sees it: endpoints, per-direction counts, Community ID, VLAN.
import { canonicalIp } from '@netwatch/schemas';

export type Transport = 'tcp' | 'udp' | 'icmp' | 'ipv6-icmp';

export interface Endpoint {
  readonly ip: string;
  /** Absent for ICMP, which has no ports. */
  readonly port?: number;
}

export interface Counts {
  packets: number;
  /** Frame bytes on the wire (link header included). */
  bytes: number;
}

/** `a` is the side that sent the first packet (tshark's "A"; netwatch's source, the client). */
export interface Conversation {
  readonly transport: Transport;
  readonly a: Endpoint;
  readonly b: Endpoint;
  readonly aToB: Counts;
  readonly bToA: Counts;
  readonly communityId?: string;
  readonly vlanId?: number;
  /** Where it came from, for messages: a tshark stream index or a netwatch flow id. */
  readonly origin: string;
}

export function endpointText(endpoint: Endpoint): string {
  const ip = endpoint.ip.includes(':') && endpoint.port !== undefined ? `[${endpoint.ip}]` : endpoint.ip;
  return endpoint.port === undefined ? ip : `${ip}:${endpoint.port}`;
}

/** Same address, same text: both tools' IPv6 goes through one RFC 5952 formatter before comparing. */
export function endpoint(ip: string, port?: number): Endpoint {
  const canonical = canonicalIp(ip);
  return port === undefined ? { ip: canonical } : { ip: canonical, port };
}

/** The counts `from` sent in `c`, or undefined when `from` is neither side. */
export function sentBy(c: Conversation, from: Endpoint): Counts | undefined {
  const text = endpointText(from);
  if (text === endpointText(c.a)) return c.aToB;
  if (text === endpointText(c.b)) return c.bToA;
  return undefined;
}
