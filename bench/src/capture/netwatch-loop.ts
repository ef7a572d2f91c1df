// netwatch in-process on one core: read + decodePacket, and read + decode + the flow table, over a capture file.
import { defaultFlowConfig, FlowTable, type FlowTableStats } from '@netwatch/capture';
import { createDecodedPacket, createPacketView, decodePacket, openCaptureFile } from '@netwatch/packet';

/** Capture-time ticks for timeouts: like the replay loop, once per 16 Ki packets. */
const ADVANCE_EVERY = 16_384;

export interface LoopRun {
  readonly packets: number;
  readonly seconds: number;
  /** Of `seconds`, the time finish() took to export every flow still open. */
  readonly finishSeconds?: number;
  /** Flow records the sink received (decode + flows only). */
  readonly exported?: number;
  /** The table's counters just before finish(), when it holds the most flows. */
  readonly flowStats?: FlowTableStats;
  /** Memory with the table at its fullest (just before finish()), and after. */
  readonly memoryBeforeFinish?: NodeJS.MemoryUsage;
  readonly memoryAfterFinish?: NodeJS.MemoryUsage;
}

/** The reader alone: the ceiling every loop below works under. */
export function readOnly(path: string): LoopRun {
  const reader = openCaptureFile(path);
  const view = createPacketView();
  let packets = 0;
  const start = performance.now();
  while (reader.next(view)) packets++;
  const seconds = (performance.now() - start) / 1000;
  reader.close();
  return { packets, seconds };
}

/** Reads and decodes every packet with one reused record; `sink` keeps the JIT from dropping the decode. */
export function decodeOnly(path: string, maxPackets = Number.POSITIVE_INFINITY): LoopRun {
  const reader = openCaptureFile(path);
  const view = createPacketView();
  const decoded = createDecodedPacket();
  let packets = 0;
  let sink = 0;
  const start = performance.now();
  while (packets < maxPackets && reader.next(view)) {
    sink += decodePacket(view.data, view.offset, view.caplen, view.linktype, decoded) + decoded.srcPort;
    packets++;
  }
  const seconds = (performance.now() - start) / 1000;
  reader.close();
  if (sink === -1) process.stderr.write('');
  return { packets, seconds };
}

/** The same loop feeding the flow table, advancing its clock every 16 Ki packets; finish() is timed too. */
export function decodeAndFlows(path: string, maxPackets = Number.POSITIVE_INFINITY): LoopRun {
  const reader = openCaptureFile(path);
  const view = createPacketView();
  const decoded = createDecodedPacket();
  let exported = 0;
  const table = new FlowTable({ ...defaultFlowConfig, observer: 'bench' }, () => {
    exported++;
  });
  let packets = 0;
  const start = performance.now();
  while (packets < maxPackets && reader.next(view)) {
    const error = decodePacket(view.data, view.offset, view.caplen, view.linktype, decoded);
    table.onPacket(view, decoded, error);
    if (++packets % ADVANCE_EVERY === 0) table.advance(view.tsSec);
  }
  const paused = performance.now();
  // Sampled outside the timing: reading /proc for RSS is not the loop's cost.
  const memoryBeforeFinish = process.memoryUsage();
  const flowStats = table.stats;
  const resumed = performance.now();
  table.finish();
  const finishSeconds = (performance.now() - resumed) / 1000;
  const seconds = finishSeconds + (paused - start) / 1000;
  reader.close();
  return {
    packets,
    seconds,
    finishSeconds,
    exported,
    flowStats,
    memoryBeforeFinish,
    memoryAfterFinish: process.memoryUsage(),
  };
}
