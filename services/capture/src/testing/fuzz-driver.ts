// Runs hostile frames through the decoder and a FlowTable in a process of its own and prints what it saw as JSON.
// A separate process, because node:test's own bookkeeping shows up in heap figures taken inside a test.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createDecodedPacket, decodePacket, type PacketView } from '@netwatch/packet';
import { FuzzInputs } from '@netwatch/packet/decode/testing/fuzz-inputs';
import { strictParse, topics } from '@netwatch/schemas';
import { defaultFlowConfig } from '../flow-config.js';
import { FlowTable, type FlowTableStats } from '../flow-table.js';

export interface FuzzReport {
  readonly frames: number;
  readonly ms: number;
  /** Heap after warm-up, after another half of the frames, and at the end (bytes, after a full GC). */
  readonly heap: readonly [number, number, number];
  readonly recordsChecked: number;
  readonly stats: FlowTableStats;
}

/** Feeds `n` inputs; time moves 1 µs per packet with a jump back now and then (clocks on the wire lie). */
function feed(table: FlowTable, n: number, seed: number): void {
  const inputs = new FuzzInputs(seed);
  const decoded = createDecodedPacket();
  const view: PacketView = { data: Buffer.from(inputs.buffer.buffer), offset: 0, caplen: 0, origlen: 0,
    tsSec: 1_750_000_000, tsNsec: 0, linktype: 1, interfaceIndex: 0 };
  for (let i = 0; i < n; i++) {
    const input = inputs.next();
    view.offset = input.offset;
    view.caplen = view.origlen = input.caplen;
    view.linktype = input.linktype;
    view.tsNsec += 1000;
    if (view.tsNsec >= 1e9) {
      view.tsNsec -= 1e9;
      view.tsSec++;
    }
    if (i % 100_003 === 0) view.tsSec -= 5;
    const error = decodePacket(view.data, view.offset, view.caplen, view.linktype, decoded);
    try {
      table.onPacket(view, decoded, error);
      if (i % 16_384 === 0) table.advance(view.tsSec);
    } catch (cause) {
      const hex = Buffer.from(inputs.buffer.subarray(input.offset, input.offset + input.caplen)).toString('hex');
      throw new Error(`input ${i} (linktype ${input.linktype}) threw: ${hex}`, { cause });
    }
  }
}

/** Warm-up of 300 k frames, then `frames` more in two halves, with a small table so eviction runs too. */
export function runFuzz(frames: number): FuzzReport {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  let exported = 0;
  let recordsChecked = 0;
  const table = new FlowTable({ ...defaultFlowConfig, maxFlows: 20_000, idleTimeoutSec: 2 }, (flow) => {
    // Every 50th record must still be a valid event, whatever the bytes were.
    if (++exported % 50 === 0) {
      strictParse(topics.flow.schema, flow);
      recordsChecked++;
    }
  });
  feed(table, 300_000, 7);
  gc();
  const warm = process.memoryUsage().heapUsed;
  const started = performance.now();
  feed(table, frames / 2, 0xf10f);
  gc();
  const half = process.memoryUsage().heapUsed;
  feed(table, frames / 2, 0xf11f);
  const ms = performance.now() - started;
  gc();
  const end = process.memoryUsage().heapUsed;
  table.finish();
  return { frames: frames + 300_000, ms, heap: [warm, half, end], recordsChecked, stats: table.stats };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, '/'))) {
  process.stdout.write(`${JSON.stringify(runFuzz(Number(process.argv[2] ?? 1_000_000)))}\n`);
}
