// Test and bench helper: numbered Ethernet/IPv4 UDP and TCP frames written to pcap, and reading the numbers back.
import { PcapFileWriter } from '../../pcap-writer.js';
import type { PacketView } from '../../packet-view.js';

/** Not the capture end's MAC (OUTSIDE_MAC): the receiving stack sees PACKET_OTHERHOST and never routes them. */
export const FRAME_DST_MAC = [0x02, 0x6e, 0x77, 0x74, 0xff, 0xfe] as const;
const FRAME_SRC_MAC = [0x02, 0x6e, 0x77, 0x74, 0xff, 0xfd] as const;
/** The payload starts with this, then u32 sequence number and u32 stream tag (big-endian). */
export const FRAME_MAGIC = 0x4e575431; // "NWT1"
const ETH_LEN = 14;
const IPV4_LEN = 20;
const UDP_LEN = 8;
const TCP_LEN = 20;
const MIN_FRAME = 60; // IEEE 802.3 minimum without FCS

export interface FrameSpec {
  /** UDP (17) or TCP (6). */
  protocol: 6 | 17;
  dstPort: number;
  /** Frame length in bytes (at least 60, and room for the 12-byte payload marker). */
  length: number;
  /** Distinguishes the streams of one test (e.g. one per interface). */
  tag: number;
}

/**
 * A frame template: Ethernet, IPv4 (TTL 1, benchmark range 198.18.0.0/15 of RFC 2544, valid
 * header checksum), UDP or TCP, payload "NWT1" + seq + tag. `stamp()` writes the sequence number in place.
 */
export class NumberedFrame {
  readonly bytes: Uint8Array;
  private readonly seqAt: number;

  constructor(spec: FrameSpec) {
    const l4 = spec.protocol === 17 ? UDP_LEN : TCP_LEN;
    const length = Math.max(spec.length, MIN_FRAME, ETH_LEN + IPV4_LEN + l4 + 12);
    const f = new Uint8Array(length);
    const v = new DataView(f.buffer);
    f.set(FRAME_DST_MAC, 0);
    f.set(FRAME_SRC_MAC, 6);
    v.setUint16(12, 0x0800);
    const ip = ETH_LEN;
    const ipLength = length - ETH_LEN;
    v.setUint8(ip, 0x45);
    v.setUint16(ip + 2, ipLength);
    v.setUint16(ip + 6, 0x4000); // DF
    v.setUint8(ip + 8, 1); // TTL 1: not routable even if something tried
    v.setUint8(ip + 9, spec.protocol);
    f.set([198, 18, 0, 1], ip + 12);
    f.set([198, 19, 0, 2], ip + 16);
    v.setUint16(ip + 10, ipv4Checksum(f, ip));
    const l4At = ip + IPV4_LEN;
    v.setUint16(l4At, 40000 + spec.tag);
    v.setUint16(l4At + 2, spec.dstPort);
    if (spec.protocol === 17) {
      v.setUint16(l4At + 4, ipLength - IPV4_LEN); // checksum 0: none (RFC 768)
    } else {
      v.setUint8(l4At + 12, 5 << 4); // data offset 5 words
      v.setUint8(l4At + 13, 0x18); // PSH|ACK
      v.setUint16(l4At + 14, 65535);
    }
    const payload = l4At + l4;
    v.setUint32(payload, FRAME_MAGIC);
    v.setUint32(payload + 8, spec.tag);
    this.seqAt = payload + 4;
    this.bytes = f;
  }

  stamp(seq: number): Uint8Array {
    new DataView(this.bytes.buffer).setUint32(this.seqAt, seq);
    return this.bytes;
  }
}

/** RFC 791 header checksum: one's complement of the one's complement sum of the header's 16-bit words. */
function ipv4Checksum(f: Uint8Array, at: number): number {
  let sum = 0;
  for (let i = 0; i < IPV4_LEN; i += 2) sum += ((f[at + i] ?? 0) << 8) | (f[at + i + 1] ?? 0);
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

/**
 * Write `count` frames to a pcap: frame i uses `pick(i)` of the templates and carries sequence
 * number i. Timestamps are 1 µs apart (tcpreplay paces by --pps or --topspeed, not by them).
 * Returns the total bytes written in frames.
 */
export function writeNumberedCapture(
  path: string,
  count: number,
  templates: readonly NumberedFrame[],
  pick: (i: number) => number = () => 0,
): number {
  const w = new PcapFileWriter(path, { snaplen: 65535 });
  let bytes = 0;
  try {
    for (let i = 0; i < count; i++) {
      const t = templates[pick(i)];
      if (t === undefined) throw new Error(`no frame template ${pick(i)}`);
      const frame = t.stamp(i);
      w.write(frame, 1_700_000_000 + Math.floor(i / 1e6), (i % 1e6) * 1000);
      bytes += frame.length;
    }
  } finally {
    w.close();
  }
  return bytes;
}

/** The sequence number and tag of a numbered frame, or -1 for the sequence if the view is not one. */
export function readNumber(view: PacketView, out: { seq: number; tag: number }): { seq: number; tag: number } {
  const b = view.data;
  const o = view.offset;
  out.seq = -1;
  out.tag = -1;
  if (view.caplen < ETH_LEN + IPV4_LEN + UDP_LEN + 12 || b.readUInt16BE(o + 12) !== 0x0800) return out;
  const protocol = b[o + ETH_LEN + 9];
  const payload = o + ETH_LEN + IPV4_LEN + (protocol === 17 ? UDP_LEN : TCP_LEN);
  if (payload + 12 > o + view.caplen || b.readUInt32BE(payload) !== FRAME_MAGIC) return out;
  out.seq = b.readUInt32BE(payload + 4);
  out.tag = b.readUInt32BE(payload + 8);
  return out;
}
