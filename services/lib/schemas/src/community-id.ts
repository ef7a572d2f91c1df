// Community ID v1 flow hash (github.com/corelight/community-id-spec), the cross-tool flow pivot.
import * as crypto from 'node:crypto';
import { parseIp } from './ip-bytes.js';

/** SHA-1 as base64: the one-shot crypto.hash (Node ≥ 20.12) where present, a Hash object otherwise. */
const sha1Base64: (data: Uint8Array) => string =
  typeof crypto.hash === 'function'
    ? (data) => crypto.hash('sha1', data, 'base64')
    : (data) => crypto.createHash('sha1').update(data).digest('base64');

/** IANA protocol numbers the spec treats specially. */
export const IPPROTO = { ICMP: 1, TCP: 6, UDP: 17, ICMPV6: 58, SCTP: 132 } as const;

/**
 * ICMP type → the type that answers it. Types in these tables are two-way: request and
 * reply hash as one flow, the reply type standing in for the port. Every other type is
 * one-way and keeps (type, code). Tables from pycommunityid communityid/icmp.py and
 * icmp6.py, which mirror Zeek's ICMP4_counterpart/ICMP6_counterpart.
 */
const ICMP4_COUNTERPART = new Map<number, number>([
  [8, 0], // echo request ↔ echo reply (RFC 792)
  [0, 8],
  [13, 14], // timestamp ↔ timestamp reply
  [14, 13],
  [15, 16], // information request ↔ reply
  [16, 15],
  [10, 9], // router solicitation ↔ advertisement (RFC 1256)
  [9, 10],
  [17, 18], // address mask request ↔ reply (RFC 950)
  [18, 17],
]);

const ICMP6_COUNTERPART = new Map<number, number>([
  [128, 129], // echo request ↔ reply (RFC 4443 §4)
  [129, 128],
  [130, 131], // MLD query ↔ report (RFC 2710)
  [131, 130],
  [133, 134], // router solicitation ↔ advertisement (RFC 4861)
  [134, 133],
  [135, 136], // neighbor solicitation ↔ advertisement (RFC 4861)
  [136, 135],
  [139, 140], // node information query ↔ reply ("who are you", RFC 4620)
  [140, 139],
  [144, 145], // home agent address discovery request ↔ reply (RFC 6275)
  [145, 144],
]);

export interface IcmpPorts {
  readonly srcPort: number;
  readonly dstPort: number;
  /** One-way messages are hashed in the order seen, never swapped. */
  readonly oneWay: boolean;
}

/** The port equivalents of an ICMP (proto 1) or ICMPv6 (proto 58) message. */
export function icmpPorts(proto: number, type: number, code: number): IcmpPorts {
  const table = proto === IPPROTO.ICMPV6 ? ICMP6_COUNTERPART : ICMP4_COUNTERPART;
  const counterpart = table.get(type);
  return counterpart === undefined
    ? { srcPort: type, dstPort: code, oneWay: true }
    : { srcPort: type, dstPort: counterpart, oneWay: false };
}

function hasPorts(proto: number): boolean {
  return (
    proto === IPPROTO.TCP ||
    proto === IPPROTO.UDP ||
    proto === IPPROTO.SCTP ||
    proto === IPPROTO.ICMP ||
    proto === IPPROTO.ICMPV6
  );
}

/** -1, 0 or 1 comparing two equal-length addresses as big-endian numbers. */
function compareAddr(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

function checkUint(name: string, value: number, max: number): void {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new RangeError(`community id: ${name} must be an integer 0..${max}, got ${value}`);
  }
}

// Hash input: seed(2) saddr(4|16) daddr(4|16) proto(1) pad(1) sport(2) dport(2) ≤ 40 bytes.
// One reused buffer: the packet hot path hashes without allocating an input array.
const scratch = new Uint8Array(40);

/**
 * Community ID v1 over raw network-order address bytes (4 or 16 each, e.g. subarrays of
 * the packet) for the packet hot path. For ICMP/ICMPv6 pass the type as `srcPort` and the
 * code as `dstPort`; for protocols other than TCP, UDP, SCTP and the ICMPs, ports are ignored.
 */
export function communityIdFromBytes(
  src: Uint8Array,
  dst: Uint8Array,
  proto: number,
  srcPort: number,
  dstPort: number,
  seed = 0,
): string {
  if (src.length !== dst.length || (src.length !== 4 && src.length !== 16)) {
    throw new RangeError('community id: addresses must both be IPv4 (4 bytes) or IPv6 (16 bytes)');
  }
  checkUint('proto', proto, 255);
  checkUint('seed', seed, 0xffff);
  const ports = hasPorts(proto);
  let sport = 0;
  let dport = 0;
  let oneWay = false;
  if (ports) {
    checkUint('source port', srcPort, 0xffff);
    checkUint('destination port', dstPort, 0xffff);
    sport = srcPort;
    dport = dstPort;
    if (proto === IPPROTO.ICMP || proto === IPPROTO.ICMPV6) {
      const mapped = icmpPorts(proto, srcPort, dstPort);
      sport = mapped.srcPort;
      dport = mapped.dstPort;
      oneWay = mapped.oneWay;
    }
  }
  // Spec: order the endpoints so the smaller (address, port) comes first; one-way ICMP
  // keeps the order seen (pycommunityid: `if is_one_way or is_lt(...)`).
  const order = compareAddr(src, dst);
  const flip = !oneWay && (order > 0 || (order === 0 && sport > dport));
  const first = flip ? dst : src;
  const second = flip ? src : dst;

  let at = 0;
  scratch[at++] = seed >> 8;
  scratch[at++] = seed & 0xff;
  scratch.set(first, at);
  at += first.length;
  scratch.set(second, at);
  at += second.length;
  scratch[at++] = proto;
  scratch[at++] = 0; // padding byte
  if (ports) {
    const p1 = flip ? dport : sport;
    const p2 = flip ? sport : dport;
    scratch[at++] = p1 >> 8;
    scratch[at++] = p1 & 0xff;
    scratch[at++] = p2 >> 8;
    scratch[at++] = p2 & 0xff;
  }
  const digest = sha1Base64(scratch.subarray(0, at));
  return `1:${digest}`;
}

/**
 * Community ID v1 of a flow given as text addresses, e.g.
 * `communityId('128.232.110.120', '66.35.250.204', 6, 34855, 80)` →
 * `1:LQU9qZlK+B5F3KDmev6m5PMibrg=`. ICMP: ports are type and code.
 */
export function communityId(
  srcIp: string,
  dstIp: string,
  proto: number,
  srcPort = 0,
  dstPort = 0,
  seed = 0,
): string {
  return communityIdFromBytes(parseIp(srcIp), parseIp(dstIp), proto, srcPort, dstPort, seed);
}
