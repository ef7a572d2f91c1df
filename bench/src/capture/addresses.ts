// Deterministic host addresses for generated traffic: LAN clients, public servers and DNS resolvers, IPv4 and IPv6.

/** First octets of real, routed unicast space, so servers look like internet hosts (no RFC 1918/5737 ranges). */
const SERVER_FIRST_OCTETS = [23, 31, 34, 52, 64, 93, 104, 142, 151, 157, 185, 199, 203, 216];

/** Client /64 (documentation prefix, RFC 3849) and a few large providers' prefixes for servers. */
export const CLIENT_PREFIX6 = Uint8Array.of(0x20, 0x01, 0x0d, 0xb8, 0x01, 0x00, 0x00, 0x10);
export const SERVER_PREFIXES6: readonly Uint8Array[] = [
  Uint8Array.of(0x26, 0x06, 0x47, 0x00, 0x00, 0x10, 0x00, 0x00),
  Uint8Array.of(0x2a, 0x00, 0x14, 0x50, 0x40, 0x01, 0x08, 0x0b),
  Uint8Array.of(0x26, 0x20, 0x01, 0xec, 0x0c, 0x11, 0x00, 0x00),
  Uint8Array.of(0x2a, 0x03, 0x28, 0x80, 0xf1, 0x0c, 0x00, 0x83),
];

/** Resolvers: the LAN router, 1.1.1.1 and 8.8.8.8; in IPv6 Google's and Cloudflare's. */
export const RESOLVERS4: readonly number[] = [0x0a010001, 0x01010101, 0x08080808];
export const RESOLVERS6: readonly { prefix: Uint8Array; iid: number }[] = [
  { prefix: Uint8Array.of(0x20, 0x01, 0x48, 0x60, 0x48, 0x60, 0, 0), iid: 0x8888 },
  { prefix: Uint8Array.of(0x26, 0x06, 0x47, 0x00, 0x47, 0x00, 0, 0), iid: 0x1111 },
];

/** Integer hash (lowbias32) so neighbouring indices get unrelated-looking addresses. */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Client i (< 65 536) as 10.1.x.y, the router being 10.1.0.1. */
export function clientV4(i: number): number {
  return (0x0a010000 + 2 + i) >>> 0;
}

/** Server i as a public-looking IPv4 address. */
export function serverV4(i: number): number {
  const first = SERVER_FIRST_OCTETS[i % SERVER_FIRST_OCTETS.length] ?? 23;
  return ((first << 24) | (mix32(i + 1) & 0x00fffffe) | 1) >>> 0;
}

/** Client i's IPv6 interface identifier (low 32 bits; the upper half stays zero). */
export function clientIid6(i: number): number {
  return 0x1000 + i;
}

export function serverPrefix6(i: number): Uint8Array {
  return SERVER_PREFIXES6[i % SERVER_PREFIXES6.length] ?? CLIENT_PREFIX6;
}

export function serverIid6(i: number): number {
  return mix32(i ^ 0x5bd1e995) | 1;
}
