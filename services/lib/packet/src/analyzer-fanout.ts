// Hands each packet of any source to every analyzer: decoded once, with capture time ticked per second.
import type { PacketAnalyzer } from './analyzer.js';
import { decodePacket } from './decode/decode-packet.js';
import { createDecodedPacket } from './decode/decoded-packet.js';
import type { PacketView } from './packet-view.js';

/**
 * The one per-packet step every packet loop (file or live) shares. `dispatch` decodes the
 * packet into one reused record and gives it to every analyzer; when capture time enters a
 * later second it first calls their `onTime`, so timeouts follow capture time however the
 * source batches packets. Allocation-free.
 */
export class AnalyzerFanout {
  private readonly decoded = createDecodedPacket();
  private clockSec = -1;

  constructor(readonly analyzers: readonly PacketAnalyzer[]) {}

  dispatch(view: PacketView): void {
    const analyzers = this.analyzers;
    if (view.tsSec > this.clockSec) this.tick(view.tsSec);
    const decoded = this.decoded;
    const error = decodePacket(view.data, view.offset, view.caplen, view.linktype, decoded);
    for (let i = 0; i < analyzers.length; i++) (analyzers[i] as PacketAnalyzer).onPacket(view, decoded, error);
  }

  /** Tells every analyzer the time is now `sec` (capture time, or the wall clock on a quiet link). */
  tick(sec: number): void {
    if (sec > this.clockSec) this.clockSec = sec;
    for (let i = 0; i < this.analyzers.length; i++) (this.analyzers[i] as PacketAnalyzer).onTime?.(sec);
  }

  finish(): void {
    for (const analyzer of this.analyzers) analyzer.finish();
  }
}
