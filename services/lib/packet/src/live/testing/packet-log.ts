// Test helper: records what a live capture delivered (number, tag, lengths, timestamps, interface) into typed arrays.
import { createPacketView } from '../../packet-view.js';
import type { LiveBatch } from '../live-batch.js';
import { readNumber } from './numbered-frames.js';

export class PacketLog {
  count = 0;
  /** Packets beyond the capacity: counted, not stored. */
  overflow = 0;
  /** Packets that are not numbered test frames. */
  foreign = 0;
  readonly seq: Int32Array;
  readonly tag: Int32Array;
  readonly tsSec: Float64Array;
  readonly tsNsec: Float64Array;
  readonly caplen: Uint32Array;
  readonly origlen: Uint32Array;
  readonly interfaceIndex: Int32Array;
  private readonly view = createPacketView();
  private readonly number = { seq: 0, tag: 0 };

  constructor(readonly capacity: number) {
    this.seq = new Int32Array(capacity);
    this.tag = new Int32Array(capacity);
    this.tsSec = new Float64Array(capacity);
    this.tsNsec = new Float64Array(capacity);
    this.caplen = new Uint32Array(capacity);
    this.origlen = new Uint32Array(capacity);
    this.interfaceIndex = new Int32Array(capacity);
  }

  /** Pass as (or call from) onBatch. */
  readonly add = (batch: LiveBatch): void => {
    const v = this.view;
    while (batch.next(v)) {
      const n = readNumber(v, this.number);
      if (n.seq < 0) this.foreign++;
      const i = this.count;
      if (i >= this.capacity) {
        this.overflow++;
        continue;
      }
      this.seq[i] = n.seq;
      this.tag[i] = n.tag;
      this.tsSec[i] = v.tsSec;
      this.tsNsec[i] = v.tsNsec;
      this.caplen[i] = v.caplen;
      this.origlen[i] = v.origlen;
      this.interfaceIndex[i] = v.interfaceIndex;
      this.count++;
    }
  };

  total(): number {
    return this.count + this.overflow;
  }
}

/** Resolve when `done()` holds, polling every 20 ms; reject after `timeoutMs` with `what` in the message. */
export async function waitFor(done: () => boolean, timeoutMs: number, what: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
