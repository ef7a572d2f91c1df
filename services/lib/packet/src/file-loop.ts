// Drives a capture file through analyzers: a tight synchronous loop that yields to the bus in slices (replay, start, file-mode sensors).
import { NetwatchError } from '@netwatch/kit/errors';
import type { PacketAnalyzer } from './analyzer.js';
import { AnalyzerFanout } from './analyzer-fanout.js';
import { openCaptureFile } from './capture-file.js';
import { CaptureFileError } from './capture-file-error.js';
import type { CaptureFileStats } from './capture-types.js';
import { createPacketView } from './packet-view.js';

export interface PacketLoopOptions {
  readonly path: string;
  readonly analyzers: readonly PacketAnalyzer[];
  /** Called every `sliceSize` packets and at the end; awaited, so consumers can catch up. */
  readonly onSlice: () => Promise<void>;
  readonly sliceSize?: number;
  /** Replay at the capture's own pace (start) rather than as fast as possible (replay). */
  readonly paced?: boolean;
  /** Shift packet times so the first packet is stamped with the wall clock at the start. */
  readonly retime?: boolean;
  /** Stops the loop at the next slice (SIGINT, or a test). */
  readonly shouldStop?: () => boolean;
  readonly onProgress?: (progress: PacketLoopProgress) => void;
}

export interface PacketLoopProgress {
  readonly packets: number;
  readonly bytes: number;
  readonly elapsedMs: number;
}

export interface PacketLoopResult extends PacketLoopProgress {
  readonly format: 'pcap' | 'pcapng';
  readonly fileStats: CaptureFileStats;
  readonly stopped: boolean;
}

/** Opens a capture file, turning the reader's error into the CLI's (exit 2, path in the message). */
export function openCaptureOrFail(path: string) {
  try {
    return openCaptureFile(path);
  } catch (error) {
    if (error instanceof CaptureFileError) {
      const code = error.code === 'not_found' ? 'input_not_found' : 'input_unreadable';
      throw new NetwatchError(code, `cannot read capture ${error.message}`, {
        cause: error,
        details: { path },
      });
    }
    throw error;
  }
}

export async function runPacketLoop(options: PacketLoopOptions): Promise<PacketLoopResult> {
  const reader = openCaptureOrFail(options.path);
  const view = createPacketView();
  const fanout = new AnalyzerFanout(options.analyzers);
  const sliceSize = options.sliceSize ?? 16_384;
  const started = performance.now();
  let lastProgress = started;
  let packets = 0;
  let bytes = 0;
  let stopped = false;
  let firstTs = -1;
  let shiftSec = 0;
  let shiftNsec = 0;
  let shifting = false;
  /** How far the capture's clock (at `view`) runs ahead of the wall clock since start, in ms. */
  const msAhead = () => (view.tsSec + view.tsNsec / 1e9 - firstTs) * 1000 - (performance.now() - started);
  try {
    for (;;) {
      let inSlice = 0;
      while (inSlice < sliceSize && reader.next(view)) {
        if (options.retime) {
          if (!shifting) {
            const packetNs = BigInt(view.tsSec) * 1_000_000_000n + BigInt(view.tsNsec);
            const wallNs = BigInt(Date.now()) * 1_000_000n - packetNs;
            shiftSec = Number(wallNs / 1_000_000_000n);
            shiftNsec = Number(wallNs % 1_000_000_000n);
            shifting = true;
          }
          view.tsSec += shiftSec;
          view.tsNsec += shiftNsec;
          if (view.tsNsec >= 1e9) {
            view.tsNsec -= 1e9;
            view.tsSec++;
          } else if (view.tsNsec < 0) {
            view.tsNsec += 1e9;
            view.tsSec--;
          }
        }
        // Decoded once for every analyzer; timeouts follow capture time to the second.
        fanout.dispatch(view);
        inSlice++;
        bytes += view.caplen;
        if (options.paced) {
          if (firstTs < 0) firstTs = view.tsSec + view.tsNsec / 1e9;
          // Pacing: sleep until the capture's clock catches up with the wall clock.
          if (msAhead() > 5) break;
        }
      }
      packets += inSlice;
      fanout.tick(view.tsSec);
      await options.onSlice();
      const now = performance.now();
      if (options.onProgress && now - lastProgress >= 2000) {
        lastProgress = now;
        options.onProgress({ packets, bytes, elapsedMs: now - started });
      }
      if (options.shouldStop?.()) {
        stopped = true;
        break;
      }
      if (inSlice === 0 || (inSlice < sliceSize && !options.paced)) break;
      if (options.paced) {
        const due = msAhead();
        if (due > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(due, 250)));
      }
    }
    fanout.finish();
    await options.onSlice();
    return {
      packets,
      bytes,
      elapsedMs: performance.now() - started,
      format: reader.format,
      fileStats: reader.stats,
      stopped,
    };
  } finally {
    reader.close();
  }
}
