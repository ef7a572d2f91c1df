// Bench workload for enrich: seeded public addresses (mostly IPv4, some IPv6) and flow events between them and a LAN.
import { exampleFor, type FlowEvent } from '@netwatch/schemas';

/** xorshift32: the same addresses every run. */
export function seeded(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
}

/** First octets that are not globally routed unicast (RFC 6890 registry: 0, 10, 127, multicast, reserved). */
const NOT_PUBLIC_V4 = new Set([0, 10, 100, 127, 169, 172, 192, 198, 203, 224, 225, 226, 227, 228, 229, 230, 231, 232,
  233, 234, 235, 236, 237, 238, 239, 240, 241, 242, 243, 244, 245, 246, 247, 248, 249, 250, 251, 252, 253, 254, 255]);

/**
 * `count` distinct external addresses: 90 % IPv4 from public /8s, 10 % IPv6 from 2001::/16 and
 * 2a00::/12 (where RIPE and most European allocations are, so the databases know many of them).
 */
export function externalAddresses(count: number, seed: number): string[] {
  const next = seeded(seed);
  const out = new Set<string>();
  while (out.size < count) {
    const h = next();
    if (h % 10 === 0) {
      const hex = () => (next() & 0xffff).toString(16);
      const prefix = (h >>> 4) % 2 === 0 ? '2001' : `2a0${(h >>> 5) % 10}`;
      out.add(`${prefix}:${hex()}:${hex()}:${hex()}::${hex()}`);
    } else {
      const a = 1 + (next() % 223);
      if (NOT_PUBLIC_V4.has(a)) continue;
      const r = next();
      out.add(`${a}.${r >>> 24}.${(r >>> 16) & 0xff}.${1 + ((r >>> 8) % 254)}`);
    }
  }
  return [...out];
}

/** `count` flow events from 200 LAN hosts (192.168.1.0/24, fd00::/64 for IPv6) to the given external addresses, in seeded order. */
export function flowEvents(count: number, remotes: readonly string[], seed: number): FlowEvent[] {
  const next = seeded(seed);
  const base = exampleFor('netwatch.flow.v1');
  const events: FlowEvent[] = [];
  for (let i = 0; i < count; i++) {
    const remote = remotes[next() % remotes.length] as string;
    const v6 = remote.includes(':');
    const host = 1 + (next() % 200);
    events.push({
      ...base,
      source: { ...base.source, ip: v6 ? `fd00::${host.toString(16)}` : `192.168.1.${host}`, port: 1024 + (next() % 60_000) },
      destination: { ...base.destination, ip: remote },
      network: { ...base.network, type: v6 ? 'ipv6' : 'ipv4' },
    });
  }
  return events;
}
