// Test helper: Ethernet frames carrying DNS over UDP and TCP, and a runner feeding them to the analyzer.
import { createMetrics, MemoryBroker, MemoryBus, silentLogger } from '@netwatch/kit';
import * as fb from '@netwatch/packet/decode/testing/frame-builder';
import { type DnsEvent, strictParse, topics } from '@netwatch/schemas';
import { createDnsAnalyzer, type DnsAnalyzer } from '../dns-analyzer.js';
import { type DnsConfig, defaultDnsConfig } from '../dns-config.js';
import { feedFrames } from '@netwatch/packet/testing/feed-analyzer';

export const T0 = 1_750_000_000;
export const CLIENT = '192.168.1.10';
export const RESOLVER = '192.168.1.1';

export interface TimedFrame {
  readonly at: number;
  readonly frame: Uint8Array;
}

export interface UdpEnds {
  client?: string;
  server?: string;
  cport?: number;
  sport?: number;
  vlan?: number;
}

/** A DNS message over UDP between client and server, in the direction given. */
export function udpDns(message: Uint8Array, fromClient: boolean, ends: UdpEnds = {}): Uint8Array {
  const client = ends.client ?? CLIENT;
  const server = ends.server ?? RESOLVER;
  const [src, dst] = fromClient ? [client, server] : [server, client];
  const [from, to] = fromClient ? [ends.cport ?? 40000, ends.sport ?? 53] : [ends.sport ?? 53, ends.cport ?? 40000];
  const datagram = fb.udp(from, to, message);
  const ip = client.includes(':') ? fb.ipv6({ src, dst, nextHeader: 17 }, datagram)
    : fb.ipv4({ src, dst, protocol: 17 }, datagram);
  const etherType = client.includes(':') ? 0x86dd : 0x0800;
  const [dstMac, srcMac] = fromClient ? [fb.MAC_B, fb.MAC_A] : [fb.MAC_A, fb.MAC_B];
  if (ends.vlan !== undefined) return fb.ethernetVlan([fb.vlanTag(0x8100, ends.vlan)], etherType, ip);
  return fb.ethernet(etherType, ip, dstMac, srcMac);
}

/** An Ethernet/IPv4/TCP segment of a DNS-over-TCP connection (client port 41000, server 53). */
export function tcpDns(fromClient: boolean, flags: number, seq: number, ack: number,
  payload: Uint8Array = new Uint8Array(0)): Uint8Array {
  const [src, dst, from, to] = fromClient ? [CLIENT, RESOLVER, 41000, 53] : [RESOLVER, CLIENT, 53, 41000];
  const [dstMac, srcMac] = fromClient ? [fb.MAC_B, fb.MAC_A] : [fb.MAC_A, fb.MAC_B];
  return fb.ethernet(0x0800, fb.ipv4({ src, dst, protocol: 6 }, fb.tcp({ sport: from, dport: to, flags, seq, ack },
    payload)), dstMac, srcMac);
}

/** RFC 7766 §8 framing: each message behind its 2-byte length. */
export function tcpFramed(...messages: Uint8Array[]): Uint8Array {
  return fb.concat(...messages.flatMap((m) => [fb.u16(m.length), m]));
}

export interface RunResult {
  events: DnsEvent[];
  analyzer: DnsAnalyzer;
  metrics: string;
}

/** Feeds frames (with onTime after each) and finish(); every event must pass strictParse. */
export async function runFrames(frames: readonly TimedFrame[], config: Partial<DnsConfig> = {}): Promise<RunResult> {
  const broker = new MemoryBroker();
  const bus = new MemoryBus({ broker, service: 'dns-test', logger: silentLogger() });
  const events: DnsEvent[] = [];
  broker.tap((record) => {
    if ((record as { topic: string }).topic === topics.dns.name) {
      events.push(strictParse(topics.dns.schema, (record as { value: unknown }).value));
    }
  });
  const metrics = createMetrics('dns-test', { processMetrics: false });
  const analyzer = createDnsAnalyzer({ bus, observer: 'sensor-a', metrics, interfaceNames: ['veth-test'] },
    { ...defaultDnsConfig, observer: 'sensor-a', ...config });
  feedFrames(analyzer, frames, T0);
  await bus.close();
  return { events, analyzer, metrics: await metrics.registry.metrics() };
}
