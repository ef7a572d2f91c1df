// Per-flow byte deltas: the capture sensor re-exports long flows every active timeout with cumulative counters and
// the same flow id (docs/architecture.md, "Records"), so aggregates must add the difference, not the total.

export interface FlowCounters {
  srcBytes: number;
  dstBytes: number;
}

export interface FlowDelta extends FlowCounters {
  /** no earlier record of this flow is remembered: count it as a new flow */
  first: boolean;
}

export class FlowDeltas {
  // Map keeps insertion order: the first key is the least recently updated one (evicted when full).
  private readonly last = new Map<string, FlowCounters>();

  constructor(private readonly capacity = 20_000) {}

  get size(): number {
    return this.last.size;
  }

  /** The bytes this record adds since the previous record of the same flow; a final record forgets the flow. */
  delta(id: string, now: FlowCounters, final: boolean): FlowDelta {
    const prev = this.last.get(id);
    // Counters only grow; a smaller value means a restarted sensor reusing an id: count it afresh.
    const d = prev === undefined || now.srcBytes < prev.srcBytes || now.dstBytes < prev.dstBytes
      ? { srcBytes: now.srcBytes, dstBytes: now.dstBytes, first: prev === undefined }
      : { srcBytes: now.srcBytes - prev.srcBytes, dstBytes: now.dstBytes - prev.dstBytes, first: false };
    this.last.delete(id);
    if (!final) {
      this.last.set(id, { srcBytes: now.srcBytes, dstBytes: now.dstBytes });
      if (this.last.size > this.capacity) {
        const oldest = this.last.keys().next();
        if (oldest.done !== true) this.last.delete(oldest.value);
      }
    }
    return d;
  }
}
