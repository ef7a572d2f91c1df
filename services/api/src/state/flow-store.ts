// The newest flows in a fixed ring; a later record of the same flow replaces the earlier one (cumulative counters).
import type { Flow } from '../contract/shapes.js';

/**
 * A ring of `capacity` slots written in order. Each flow id maps to the sequence number of its
 * latest record; when an interim (active timeout) record is followed by a newer one, the old slot
 * is cleared, so a flow appears once, with its latest counters. Memory is bounded by `capacity`.
 */
export class FlowStore {
  private readonly slots: (Flow | undefined)[];
  private readonly latest = new Map<string, number>();
  private seq = 0;
  /** Distinct flow ids seen (a flow whose records were further apart than the ring counts twice). */
  distinct = 0;
  /** Records pushed out of the ring by newer ones. */
  evicted = 0;

  constructor(readonly capacity = 10_000) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
    this.slots = new Array<Flow | undefined>(capacity);
  }

  /** Stores the record; returns the earlier record of the same flow if it was still held. */
  add(flow: Flow): Flow | undefined {
    const earlierSeq = this.latest.get(flow.id);
    let earlier: Flow | undefined;
    if (earlierSeq !== undefined) {
      const at = earlierSeq % this.capacity;
      earlier = this.slots[at];
      this.slots[at] = undefined;
    } else {
      this.distinct++;
    }
    const at = this.seq % this.capacity;
    const old = this.slots[at];
    if (old !== undefined) {
      this.evicted++;
      if (this.latest.get(old.id) === this.seq - this.capacity) this.latest.delete(old.id);
    }
    this.slots[at] = flow;
    this.latest.set(flow.id, this.seq);
    this.seq++;
    return earlier;
  }

  /** Flows held right now (superseded records excluded). */
  get size(): number {
    return this.latest.size;
  }

  /** Up to `limit` flows, newest first, that pass `accept`. */
  newest(limit: number, accept: (flow: Flow) => boolean = () => true): Flow[] {
    const out: Flow[] = [];
    const stop = Math.max(0, this.seq - this.capacity);
    for (let s = this.seq - 1; s >= stop && out.length < limit; s--) {
      const flow = this.slots[s % this.capacity];
      if (flow !== undefined && accept(flow)) out.push(flow);
    }
    return out;
  }
}
