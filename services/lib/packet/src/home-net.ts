// HOME_NET: the monitored prefixes, matched against address words on the packet path without allocating.
import { int, list } from '@netwatch/kit/config';
import { parseIp } from '@netwatch/schemas';

/** RFC 1918, RFC 6598 (CGNAT), loopback, link-local and ULA (RFC 4193): what a home or lab LAN uses. */
export const DEFAULT_HOME_NET = [
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '::1/128',
  'fc00::/7',
  'fe80::/10',
] as const;

/** ECS network.direction of a conversation, from whether each end is in HOME_NET. */
export type Direction = 'inbound' | 'outbound' | 'internal' | 'external';

/** One prefix as four big-endian 32-bit words (IPv4 uses word 0 only) and a length in bits. */
export interface Cidr {
  readonly version: 4 | 6;
  readonly words: readonly [number, number, number, number];
  readonly bits: number;
}

/** Parses `a.b.c.d/n`, `x::y/n` or a bare address; throws RangeError naming the text when invalid. */
export function parseCidr(text: string): Cidr {
  const slash = text.indexOf('/');
  const addressText = slash < 0 ? text : text.slice(0, slash);
  let bytes: Uint8Array;
  try {
    bytes = parseIp(addressText.trim());
  } catch {
    throw new RangeError(`"${text}" is not an IPv4 or IPv6 prefix (like 192.168.0.0/16 or fd00::/8)`);
  }
  const version = bytes.length === 4 ? 4 : 6;
  const max = version === 4 ? 32 : 128;
  const bitsText = slash < 0 ? String(max) : text.slice(slash + 1).trim();
  const bits = Number(bitsText);
  if (!/^\d{1,3}$/.test(bitsText) || bits > max) {
    throw new RangeError(`"${text}": prefix length must be 0..${max}`);
  }
  const words: [number, number, number, number] = [0, 0, 0, 0];
  for (let i = 0; i < bytes.length; i++) {
    const w = i >> 2;
    words[w] = ((words[w] as number) | ((bytes[i] as number) << (24 - 8 * (i & 3)))) >>> 0;
  }
  for (let w = 0; w < 4; w++) words[w] = ((words[w] as number) & maskWord(bits, w)) >>> 0;
  return { version, words, bits };
}

/** The mask of word `w` (0..3) for a prefix of `bits`. */
function maskWord(bits: number, w: number): number {
  const inWord = Math.min(32, Math.max(0, bits - 32 * w));
  return inWord === 0 ? 0 : inWord === 32 ? 0xffffffff : (0xffffffff << (32 - inWord)) >>> 0;
}

/** A set of prefixes, tested with the address given as words (no strings, no allocation). */
export class HomeNet {
  private readonly v4Net: Uint32Array;
  private readonly v4Mask: Uint32Array;
  private readonly v6Net: Uint32Array;
  private readonly v6Mask: Uint32Array;
  private readonly scratch = new Uint32Array(4);

  constructor(prefixes: readonly string[]) {
    const cidrs = prefixes.map(parseCidr);
    const v4 = cidrs.filter((c) => c.version === 4);
    const v6 = cidrs.filter((c) => c.version === 6);
    this.v4Net = Uint32Array.from(v4, (c) => c.words[0]);
    this.v4Mask = Uint32Array.from(v4, (c) => maskWord(c.bits, 0));
    this.v6Net = new Uint32Array(v6.length * 4);
    this.v6Mask = new Uint32Array(v6.length * 4);
    v6.forEach((c, i) => {
      for (let w = 0; w < 4; w++) {
        this.v6Net[i * 4 + w] = c.words[w] as number;
        this.v6Mask[i * 4 + w] = maskWord(c.bits, w);
      }
    });
  }

  containsV4(address: number): boolean {
    for (let i = 0; i < this.v4Net.length; i++) {
      if (((address & (this.v4Mask[i] as number)) >>> 0) === this.v4Net[i]) return true;
    }
    return false;
  }

  /** The IPv6 address at `words[at .. at + 4)`. */
  containsV6(words: Uint32Array, at: number): boolean {
    outer: for (let i = 0; i < this.v6Net.length; i += 4) {
      for (let w = 0; w < 4; w++) {
        const masked = ((words[at + w] as number) & (this.v6Mask[i + w] as number)) >>> 0;
        if (masked !== this.v6Net[i + w]) continue outer;
      }
      return true;
    }
    return false;
  }

  /** Whether the IPv4 (`version` 4) or IPv6 address at `data[offset..]` is in a home prefix. */
  containsAt(data: Uint8Array, offset: number, version: number): boolean {
    if (version === 4) return this.containsV4(readWord(data, offset));
    for (let w = 0; w < 4; w++) this.scratch[w] = readWord(data, offset + 4 * w);
    return this.containsV6(this.scratch, 0);
  }

  /** Whether the address in text form is in a home prefix (off the hot path). */
  containsText(address: string): boolean {
    const bytes = parseIp(address);
    return this.containsAt(bytes, 0, bytes.length === 4 ? 4 : 6);
  }

  /** network.direction of traffic from `source` to `destination` (address text). */
  direction(source: string, destination: string): Direction {
    return directionOf(this.containsText(source), this.containsText(destination));
  }
}

/** ECS direction relative to the monitored network: traffic leaving it is outbound. */
export function directionOf(sourceIsHome: boolean, destinationIsHome: boolean): Direction {
  if (sourceIsHome) return destinationIsHome ? 'internal' : 'outbound';
  return destinationIsHome ? 'inbound' : 'external';
}

function readWord(data: Uint8Array, at: number): number {
  return (((data[at] as number) << 24) | ((data[at + 1] as number) << 16) | ((data[at + 2] as number) << 8) |
    (data[at + 3] as number)) >>> 0;
}

/** A comma-separated list of CIDR prefixes (`10.0.0.0/8, fd00::/8`); a bare address is a /32 or /128. */
export function cidrList() {
  return list().superRefine((items, ctx) => {
    for (const item of items) {
      try {
        parseCidr(item);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
      }
    }
  });
}

/** The variables every sensor shares: what is home, and the Community ID seed. */
export const homeNetEnvShape = {
  NETWATCH_HOME_NET: cidrList().default([...DEFAULT_HOME_NET]),
  NETWATCH_COMMUNITY_ID_SEED: int(0, 0xffff).default(0),
};
