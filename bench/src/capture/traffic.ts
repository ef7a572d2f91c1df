// The generator's scheduler: tens of thousands of flows interleaved packet by packet on a ~1 Mpps capture clock.
import { seededUint32 } from '@netwatch/packet';
import { FrameEncoder } from './frame.js';
import { FlowMix } from './flow-mix.js';
import { FrameWriter } from './emit.js';
import { noise } from './payloads.js';
import { type Rng, unit } from './sizes.js';
import { Bit, Kind, NextPacket, Slots } from './slots.js';
import { tcpStep } from './tcp-script.js';
import { dnsStep, icmpStep, udpStreamStep } from './udp-script.js';

/** Bulk-transfer slots, which carry ELEPHANT_SHARE of all packets (~1 800 pps each at 1 Mpps). */
export const ELEPHANT_SLOTS = 256;
const ELEPHANT_SHARE_OF_256 = 115; // 45 %
/** Everything else: DNS, short TCP, ICMP, short UDP; each sees ~18 pps, so a 10-packet flow lives ~0.5 s. */
export const MOUSE_SLOTS = 30_000;

/** 2023-11-14T22:13:20Z: capture time starts here. */
const START_SEC = 1_700_000_000;

export interface TrafficOptions {
  readonly seed: number;
  /** Mean packets per second of capture time. */
  readonly rate?: number;
}

/** A source of frames: each `next()` leaves one frame in `buf[0, length)` stamped `tsSec`/`tsNsec`. */
export class Traffic {
  readonly buf: Buffer;
  length = 0;
  tsSec = START_SEC;
  tsNsec = 0;
  /** Packets and bytes by `Kind`, frames by size class (≤ 100, ≤ 500, ≤ 1000, > 1000 bytes). */
  readonly packetsByKind = new Float64Array(4);
  readonly sizeClasses = new Float64Array(4);
  /** Flows with at least one packet in the file. */
  flows = 0;
  v6Packets = 0;
  vlanPackets = 0;
  bytes = 0;
  readonly mix: FlowMix;

  private readonly slots = new Slots(ELEPHANT_SLOTS + MOUSE_SLOTS);
  private readonly p = new NextPacket();
  private readonly rng: Rng;
  private readonly writer: FrameWriter;
  private readonly meanGapNs: number;
  private nowNs = 0;

  constructor(options: TrafficOptions) {
    this.rng = seededUint32(options.seed);
    this.meanGapNs = 1e9 / (options.rate ?? 1_000_000);
    const enc = new FrameEncoder();
    this.buf = enc.buf;
    this.mix = new FlowMix(this.slots, this.rng);
    this.writer = new FrameWriter(enc, this.slots, noise(options.seed));
    // The capture starts mid-stream, as real ones do: most slots are fast-forwarded into their flow.
    for (let i = 0; i < this.slots.size; i++) {
      const elephant = i < ELEPHANT_SLOTS;
      this.mix.start(i, elephant);
      const skip = elephant ? this.rng() % 3000 : this.rng() % 100 < 40 ? this.rng() % 12 : 0;
      for (let k = 0; k < skip; k++) {
        this.step(i);
        if (this.p.done) this.mix.start(i, elephant);
      }
    }
  }

  get concurrentFlows(): number {
    return this.slots.size;
  }

  get captureSeconds(): number {
    return this.nowNs / 1e9;
  }

  next(): void {
    const r = this.rng();
    const pick = r >>> 8;
    const i = (r & 0xff) < ELEPHANT_SHARE_OF_256 ? pick % ELEPHANT_SLOTS : ELEPHANT_SLOTS + (pick % MOUSE_SLOTS);
    const p = this.p;
    this.step(i);
    // Exponential gaps: Poisson arrivals at the mean rate.
    this.nowNs += -Math.log(1 - unit(this.rng)) * this.meanGapNs;
    const sec = Math.floor(this.nowNs / 1e9);
    this.tsSec = START_SEC + sec;
    this.tsNsec = Math.floor(this.nowNs - sec * 1e9);
    const length = this.writer.write(i, p, START_SEC * 1000 + Math.floor(this.nowNs / 1e6));
    this.length = length;
    this.count(i, length);
    if (p.done) this.mix.start(i, i < ELEPHANT_SLOTS);
  }

  private step(i: number): void {
    const s = this.slots;
    switch (s.kind[i]) {
      case Kind.TCP:
        tcpStep(s, i, this.p, this.rng);
        return;
      case Kind.DNS:
        dnsStep(s, i, this.p);
        return;
      case Kind.UDP_STREAM:
        udpStreamStep(s, i, this.p, this.rng);
        return;
      default:
        icmpStep(s, i, this.p);
    }
  }

  private count(i: number, length: number): void {
    const s = this.slots;
    const kind = s.kind[i] as number;
    const bits = s.bits[i] as number;
    if ((bits & Bit.EMITTED) === 0) {
      s.bits[i] = bits | Bit.EMITTED;
      this.flows++;
    }
    const size = length <= 100 ? 0 : length <= 500 ? 1 : length <= 1000 ? 2 : 3;
    this.packetsByKind[kind] = (this.packetsByKind[kind] ?? 0) + 1;
    this.sizeClasses[size] = (this.sizeClasses[size] ?? 0) + 1;
    if (bits & Bit.V6) this.v6Packets++;
    if (s.vlan[i] !== 0) this.vlanPackets++;
    this.bytes += length;
  }
}
