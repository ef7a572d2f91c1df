// Drives live captures through the analyzers: decode each packet of a batch once, tick timeouts on the wall clock.
import type { PacketAnalyzer } from '../analyzer.js';
import { AnalyzerFanout } from '../analyzer-fanout.js';
import { createPacketView } from '../packet-view.js';
import type { LiveCaptureError } from './live-capture-error.js';
import type { LiveCaptureGroup } from './live-captures.js';

export interface LiveLoop {
  /** Packets handed to the analyzers so far. */
  readonly packets: number;
  /** Stops capturing, then ends every analyzer (final flow records). */
  stop(): void;
}

/**
 * Starts every capture of `group`. Batches arrive from libpcap through the event loop; each
 * packet is decoded once and given to every analyzer. Once a second the analyzers get the wall
 * clock, so flows on a quiet link still time out.
 */
export function startLiveLoop(
  group: LiveCaptureGroup,
  analyzers: readonly PacketAnalyzer[],
  onError: (error: LiveCaptureError) => void,
): LiveLoop {
  const view = createPacketView();
  const fanout = new AnalyzerFanout(analyzers);
  let packets = 0;
  group.start((batch) => {
    while (batch.next(view)) {
      fanout.dispatch(view);
      packets++;
    }
  }, onError);
  // A quiet link has no packets to move time on: the wall clock does, once a second.
  const tick = setInterval(() => fanout.tick(Math.floor(Date.now() / 1000)), 1000);
  let stopped = false;
  return {
    get packets() {
      return packets;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(tick);
      group.close();
      fanout.finish();
    },
  };
}
