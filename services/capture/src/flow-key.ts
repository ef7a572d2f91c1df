// The flow key of a decoded packet: canonical (direction-free) 5-tuple + VLANs + tunnel id as 12 words, and its hash.
import { type DecodedPacket, IpProtocol } from '@netwatch/packet';

/** Words per key: [proto|version|vlan, inner vlan, tunnel id, address A ×4, address B ×4, portA<<16|portB]. */
export const KEY_WORDS = 12;
export const KEY_ADDR_A = 3;
export const KEY_ADDR_B = 7;
export const KEY_PORTS = 11;

/**
 * ICMP types that have a reply type, so request and reply are one flow. The pairs are the ones
 * Community ID v1 uses (its spec's "ICMP type mapping"), from RFC 792/950/1256 and RFC 4443/4861/2710.
 */
const icmpv4Counterpart = new Int16Array(256).fill(-1);
const icmpv6Counterpart = new Int16Array(256).fill(-1);
for (const [a, b] of [[8, 0], [13, 14], [15, 16], [10, 9], [17, 18]]) {
  icmpv4Counterpart[a as number] = b as number;
  icmpv4Counterpart[b as number] = a as number;
}
for (const [a, b] of [[128, 129], [133, 134], [135, 136], [130, 131], [139, 140], [144, 145]]) {
  icmpv6Counterpart[a as number] = b as number;
  icmpv6Counterpart[b as number] = a as number;
}

/** Big-endian 32-bit word at `data[at]`. */
function word(data: Uint8Array, at: number): number {
  return (
    (((data[at] as number) << 24) |
      ((data[at + 1] as number) << 16) |
      ((data[at + 2] as number) << 8) |
      (data[at + 3] as number)) >>>
      0
  );
}

/**
 * Reused per-packet key scratch. `extract` fills `words` in canonical order (the smaller
 * address:port first, so both directions of a conversation give the same key), `fromB` says
 * whether this packet was sent by endpoint B, and `hash` is a 32-bit mix of all words.
 */
export class FlowKeyScratch {
  readonly words = new Uint32Array(KEY_WORDS);
  fromB = false;
  hash = 0;
  /** The packet's own source and destination port (after the ICMP type mapping). */
  srcPort = 0;
  dstPort = 0;

  /** Fills the key from an IP packet (`packet.ipVersion` 4 or 6). `portsKnown` false: ports 0. */
  extract(data: Uint8Array, packet: DecodedPacket): void {
    const w = this.words;
    const proto = packet.protocol & 0xff;
    w[0] = (proto | (packet.ipVersion << 8) | (((packet.vlanOuter + 1) & 0x1fff) << 16)) >>> 0;
    w[1] = (packet.vlanInner + 1) & 0x1fff;
    w[2] = packet.tunnelId >>> 0;
    let sport = packet.srcPort < 0 ? 0 : packet.srcPort;
    let dport = packet.dstPort < 0 ? 0 : packet.dstPort;
    if (packet.icmpType >= 0) {
      const counterpart =
        proto === IpProtocol.ICMP ? icmpv4Counterpart[packet.icmpType] : icmpv6Counterpart[packet.icmpType];
      sport = packet.icmpType;
      dport = counterpart !== undefined && counterpart >= 0 ? counterpart : packet.icmpCode;
    }
    this.srcPort = sport;
    this.dstPort = dport;
    const s = packet.srcAddrOffset;
    const d = packet.dstAddrOffset;
    let order: number;
    if (packet.ipVersion === 4) {
      const a = word(data, s);
      const b = word(data, d);
      order = a < b ? -1 : a > b ? 1 : sport - dport;
      const fromB = order > 0;
      w[KEY_ADDR_A] = fromB ? b : a;
      w[KEY_ADDR_B] = fromB ? a : b;
      w[4] = w[5] = w[6] = w[8] = w[9] = w[10] = 0;
      this.fromB = fromB;
    } else {
      order = 0;
      for (let i = 0; i < 16 && order === 0; i += 4) {
        const a = word(data, s + i);
        const b = word(data, d + i);
        order = a < b ? -1 : a > b ? 1 : 0;
      }
      if (order === 0) order = sport - dport;
      const fromB = order > 0;
      const first = fromB ? d : s;
      const second = fromB ? s : d;
      for (let i = 0; i < 4; i++) {
        w[KEY_ADDR_A + i] = word(data, first + 4 * i);
        w[KEY_ADDR_B + i] = word(data, second + 4 * i);
      }
      this.fromB = fromB;
    }
    w[KEY_PORTS] = this.fromB ? ((dport << 16) | sport) >>> 0 : ((sport << 16) | dport) >>> 0;
    this.hash = hashKey(w, 0);
  }

  /** Replaces the ports (a non-first fragment takes its datagram's first fragment's ports). */
  setPorts(portsWord: number): void {
    this.words[KEY_PORTS] = portsWord;
    this.srcPort = this.fromB ? portsWord & 0xffff : portsWord >>> 16;
    this.dstPort = this.fromB ? portsWord >>> 16 : portsWord & 0xffff;
    this.hash = hashKey(this.words, 0);
  }
}

/** MurmurHash3's 32-bit block mix and finaliser over `KEY_WORDS` words at `words[at]`. */
export function hashKey(words: Uint32Array, at: number): number {
  let h = 0x5bd1e995;
  for (let i = 0; i < KEY_WORDS; i++) {
    let k = Math.imul(words[at + i] as number, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
