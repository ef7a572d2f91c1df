// netwatch's own libpcap addon on the outside end while tcpreplay sends into the inside end; every packet decoded.
import {
  createDecodedPacket,
  createPacketView,
  decodePacket,
  DecodeError,
  DecodeStats,
  type LiveBatch,
  type LiveCapture,
  openLiveCapture,
} from '@netwatch/packet';
import type { TestNetwork, VethPair } from '@netwatch/packet/live/testing/network-namespace';
import type { Plan } from './plan.js';
import { replayTopSpeed } from './replay.js';
import type { DrainResult, LiveResult } from './run-result.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The consumer every run uses: decode each packet (unless --no-decode) and count. */
class Consumer {
  readonly decodeStats = new DecodeStats();
  captured = 0;
  batches = 0;
  lastDelivery = 0;
  private readonly view = createPacketView();
  private readonly decoded = createDecodedPacket();

  constructor(private readonly decode: boolean) {}

  readonly onBatch = (batch: LiveBatch): void => {
    const v = this.view;
    this.batches++;
    while (batch.next(v)) {
      if (this.decode) this.decodeStats.count(decodePacket(v.data, v.offset, v.caplen, v.linktype, this.decoded));
      this.captured++;
    }
    this.lastDelivery = performance.now();
  };

  describe(): string {
    const errors = this.decodeStats.total() - (this.decodeStats.counts[DecodeError.None] ?? 0);
    const each = Math.round(this.captured / Math.max(1, this.batches));
    return `${this.batches} batches (${each} packets each), ${this.decode ? `${errors} decode errors` : 'not decoded'}`;
  }
}

function open(pair: VethPair, plan: Plan, bufferKiB: number): LiveCapture {
  return openLiveCapture({
    interface: pair.outside,
    bufferSizeBytes: bufferKiB * 1024,
    batchBytes: plan.batchBytes,
    timeoutMs: plan.timeoutMs,
    immediate: plan.immediate,
  });
}

export async function netwatchLive(
  net: TestNetwork,
  pair: VethPair,
  pcap: string,
  plan: Plan,
  round: number,
): Promise<LiveResult> {
  const capture = open(pair, plan, plan.bufferKiB);
  const consumer = new Consumer(plan.decode);
  const cpuBefore = process.cpuUsage();
  try {
    capture.start(consumer.onBatch);
    const replay = await replayTopSpeed(net, pair, pcap);
    // Settled once nothing new arrived for 6 packet buffer timeouts (at least 300 ms), at most 10 s.
    const quiet = Math.max(300, 6 * plan.timeoutMs);
    const deadline = performance.now() + 10_000;
    let seen = -1;
    while (seen !== consumer.captured && performance.now() < deadline) {
      seen = consumer.captured;
      await sleep(quiet);
    }
    const s = capture.stats();
    const cpu = process.cpuUsage(cpuBefore);
    return {
      capturer: 'netwatch',
      round,
      replay,
      captured: consumer.captured,
      received: s.received,
      dropped: s.dropped,
      ifDropped: s.ifDropped,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      note: consumer.describe(),
    };
  } finally {
    capture.close();
  }
}

export async function netwatchDrain(
  net: TestNetwork,
  pair: VethPair,
  pcap: string,
  plan: Plan,
  round: number,
  bufferKiB: number,
): Promise<DrainResult> {
  const capture = open(pair, plan, bufferKiB);
  const consumer = new Consumer(plan.decode);
  try {
    await replayTopSpeed(net, pair, pcap);
    await sleep(1200); // the kernel hands over the last, partly filled ring block after the buffer timeout
    const waiting = capture.stats();
    const cpuBefore = process.cpuUsage();
    const start = performance.now();
    capture.start(consumer.onBatch);
    const deadline = start + 60_000;
    while (consumer.captured < waiting.received - waiting.dropped && performance.now() < deadline) await sleep(5);
    const cpu = process.cpuUsage(cpuBefore);
    return {
      capturer: 'netwatch',
      round,
      packets: consumer.captured,
      dropped: waiting.dropped,
      seconds: (consumer.lastDelivery - start) / 1000,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
    };
  } finally {
    capture.close();
  }
}
