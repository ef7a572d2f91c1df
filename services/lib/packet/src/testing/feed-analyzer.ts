// Test helper: plays timed Ethernet frames through one analyzer as a packet loop would, then finishes it.
import type { PacketAnalyzer } from '../analyzer.js';
import { decodePacket } from '../decode/decode-packet.js';
import { createDecodedPacket } from '../decode/decoded-packet.js';
import { LinkType } from '../linktype.js';
import { createPacketView } from '../packet-view.js';

/** One frame at `at` seconds after the run's base time. */
export interface TimedFrame {
  readonly at: number;
  readonly frame: Uint8Array;
}

/**
 * Decodes each frame once, hands it to `analyzer.onPacket`, ticks `onTime` with the frame's second
 * (as AnalyzerFanout would), calls `afterEach` (e.g. to move a fake capture counter), and finally
 * `finish()`.
 */
export function feedFrames(analyzer: PacketAnalyzer, frames: readonly TimedFrame[], baseSec: number,
  afterEach?: () => void): void {
  const view = createPacketView();
  view.linktype = LinkType.ETHERNET;
  const decoded = createDecodedPacket();
  for (const { at, frame } of frames) {
    view.data = Buffer.from(frame);
    view.caplen = view.origlen = frame.length;
    view.tsSec = baseSec + Math.floor(at);
    view.tsNsec = Math.round((at - Math.floor(at)) * 1e9);
    analyzer.onPacket(view, decoded, decodePacket(view.data, 0, view.caplen, view.linktype, decoded));
    analyzer.onTime?.(view.tsSec);
    afterEach?.();
  }
  analyzer.finish();
}
