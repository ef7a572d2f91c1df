// Seeded hostile discovery frames: valid DHCP/ARP/LLDP/CDP/SSDP/NBNS/mDNS frames cut short or bit-flipped, written into one buffer.
import { seededUint32 } from '@netwatch/packet';
import { labFrames } from '../conformance/lab-frames.js';
import {
  BROADCAST, dhcpAck, dhcpPayload, dhcpRequest, dhcpv6ReplyFrame, dhcpv6SolicitFrame, LAPTOP_MAC, option, ROUTER_MAC,
  udpFrame,
} from './discovery-frames.js';

/** The frames mutated: every crafted lab frame plus DHCP client and server messages (one with overload). */
export function fuzzSeeds(): Uint8Array[] {
  const client = (p: Uint8Array) =>
    udpFrame({ srcMac: LAPTOP_MAC, dstMac: BROADCAST, src: '0.0.0.0', dst: '255.255.255.255', sport: 68, dport: 67 }, p);
  const server = (p: Uint8Array) =>
    udpFrame({ srcMac: ROUTER_MAC, dstMac: LAPTOP_MAC, src: '192.168.1.1', dst: '192.168.1.23', sport: 67, dport: 68 }, p);
  return [
    ...labFrames().map((f) => f.frame),
    client(dhcpRequest()),
    server(dhcpAck()),
    client(dhcpPayload({ op: 1, chaddr: LAPTOP_MAC, options: [option(53, [1]), option(52, [3])],
      fileOptions: [option(12, 'overloaded')] })),
    dhcpv6SolicitFrame(),
    dhcpv6ReplyFrame(),
  ];
}

/**
 * A deterministic stream of inputs in `buffer[0, length)`: a seed frame whole (1 in 8), cut at a
 * random point, or with 1–8 bits flipped past the Ethernet header (so the protocol is still found
 * and its own fields are what breaks), sometimes both.
 */
export class DiscoveryFuzz {
  readonly buffer = new Uint8Array(2048);
  length = 0;
  private readonly rand: () => number;
  private readonly seeds = fuzzSeeds();

  constructor(seed: number) {
    this.rand = seededUint32(seed);
  }

  next(): number {
    const { rand, buffer } = this;
    const seed = this.seeds[rand() % this.seeds.length] as Uint8Array;
    buffer.set(seed);
    let length = seed.length;
    const mode = rand() & 7;
    if (mode !== 0) {
      if ((mode & 1) === 1) {
        const flips = 1 + (rand() & 7);
        for (let k = 0; k < flips; k++) {
          const r = rand();
          const at = 14 + (r >>> 3) % (length - 14);
          buffer[at] = (buffer[at] as number) ^ (1 << (r & 7));
        }
      }
      if ((mode & 2) === 2) length = rand() % (length + 1);
    }
    this.length = length;
    return length;
  }
}
