// Globe arcs aggregated per remote endpoint: bounded (capacity), decaying (a score with a half-life decides what is
// evicted when full) and expiring (an arc unseen for ttlMs is removed). Pure: time comes in as arguments.
import { FlowDeltas } from './flow-deltas.js';
import type { Endpoint, Flow, Geo } from './types.js';

export interface Arc {
  key: string;
  slot: number;
  remote: Endpoint & { geo: Geo };
  /** internal addresses that talked to this remote endpoint (bounded) */
  locals: string[];
  bytes: number;
  /** bytes sent by the local side (outbound) and received by it (inbound) */
  outBytes: number;
  inBytes: number;
  flows: number;
  protocol: string;
  protocolBytes: Map<string, number>;
  firstSeen: number;
  lastSeen: number;
  score: number;
  scoreTime: number;
}

export interface ArcStoreOptions {
  capacity: number;
  ttlMs: number;
  halfLifeMs: number;
}

export const defaultArcOptions: ArcStoreOptions = { capacity: 1500, ttlMs: 180_000, halfLifeMs: 60_000 };

export interface ArcChanges {
  updated: Arc[];
  removedSlots: number[];
}

const MAX_LOCALS = 8;
const MAX_PROTOCOLS = 8;

/** Which side of a flow is remote: the external endpoint with a location; none for local or unlocated traffic. */
export function remoteSide(flow: Flow): 'src' | 'dst' | undefined {
  const { src, dst } = flow;
  if (src.internal && dst.internal) return undefined;
  if (src.internal) return dst.geo ? 'dst' : undefined;
  if (dst.internal) return src.geo ? 'src' : undefined;
  // Transit between two external endpoints: draw the responder, the side a user asks about.
  if (dst.geo) return 'dst';
  return src.geo ? 'src' : undefined;
}

export class ArcStore {
  private readonly arcs = new Map<string, Arc>();
  private readonly freeSlots: number[] = [];
  private readonly dirty = new Set<Arc>();
  private removed: number[] = [];
  private readonly deltas = new FlowDeltas();
  readonly options: ArcStoreOptions;
  /** flows that could not be drawn: local-only or without a location, and evictions (for the UI's honesty line) */
  unlocated = 0;
  localOnly = 0;
  evicted = 0;

  constructor(options: Partial<ArcStoreOptions> = {}) {
    this.options = { ...defaultArcOptions, ...options };
    for (let s = this.options.capacity - 1; s >= 0; s--) this.freeSlots.push(s);
  }

  get size(): number {
    return this.arcs.size;
  }

  get(key: string): Arc | undefined {
    return this.arcs.get(key);
  }

  values(): IterableIterator<Arc> {
    return this.arcs.values();
  }

  addFlow(flow: Flow, now: number): Arc | undefined {
    const side = remoteSide(flow);
    const d = this.deltas.delta(flow.id, flow, flow.final);
    if (side === undefined) {
      if (flow.src.internal && flow.dst.internal) this.localOnly++;
      else this.unlocated++;
      return undefined;
    }
    const remote = flow[side] as Endpoint & { geo: Geo };
    const local = side === 'src' ? flow.dst : flow.src;
    const outBytes = side === 'dst' ? d.srcBytes : d.dstBytes;
    const inBytes = side === 'dst' ? d.dstBytes : d.srcBytes;
    const arc = this.arcs.get(remote.ip) ?? this.create(remote, now);
    if (arc === undefined) return undefined;
    const bytes = outBytes + inBytes;
    arc.remote = remote;
    arc.bytes += bytes;
    arc.outBytes += outBytes;
    arc.inBytes += inBytes;
    if (d.first) arc.flows++;
    arc.lastSeen = Math.max(arc.lastSeen, now);
    arc.score = this.decayed(arc, now) + bytes;
    arc.scoreTime = now;
    if (local.internal && !arc.locals.includes(local.ip)) {
      if (arc.locals.length >= MAX_LOCALS) arc.locals.shift();
      arc.locals.push(local.ip);
    }
    this.countProtocol(arc, flow.protocol ?? flow.transport, bytes);
    this.dirty.add(arc);
    return arc;
  }

  /** Removes arcs unseen for ttlMs; returns how many. */
  expire(now: number): number {
    let n = 0;
    for (const arc of this.arcs.values()) {
      if (now - arc.lastSeen > this.options.ttlMs) {
        this.remove(arc);
        n++;
      }
    }
    return n;
  }

  /** What changed since the last call: the globe layer rewrites only these slots. */
  drainChanges(): ArcChanges {
    const changes = { updated: [...this.dirty], removedSlots: this.removed };
    this.dirty.clear();
    this.removed = [];
    return changes;
  }

  /** Forgets pending changes: for a consumer that starts by reading every arc (values()). */
  resetChanges(): void {
    this.dirty.clear();
    this.removed = [];
  }

  /** The arcs with the most bytes first (for lists beside the globe). */
  top(n: number): Arc[] {
    return [...this.arcs.values()].sort((a, b) => b.bytes - a.bytes).slice(0, n);
  }

  private create(remote: Endpoint & { geo: Geo }, now: number): Arc | undefined {
    if (this.freeSlots.length === 0) this.expire(now);
    if (this.freeSlots.length === 0) this.evictWeakest(now);
    const slot = this.freeSlots.pop();
    if (slot === undefined) return undefined;
    const arc: Arc = {
      key: remote.ip, slot, remote, locals: [], bytes: 0, outBytes: 0, inBytes: 0, flows: 0, protocol: 'unknown',
      protocolBytes: new Map(), firstSeen: now, lastSeen: now, score: 0, scoreTime: now,
    };
    this.arcs.set(arc.key, arc);
    return arc;
  }

  private evictWeakest(now: number): void {
    let weakest: Arc | undefined;
    let weakestScore = Infinity;
    for (const arc of this.arcs.values()) {
      const score = this.decayed(arc, now);
      if (score < weakestScore) {
        weakest = arc;
        weakestScore = score;
      }
    }
    if (weakest !== undefined) {
      this.remove(weakest);
      this.evicted++;
    }
  }

  private remove(arc: Arc): void {
    this.arcs.delete(arc.key);
    this.dirty.delete(arc);
    this.removed.push(arc.slot);
    // nobody draining (no globe open): keep the list bounded, a slot needs clearing once
    if (this.removed.length > this.options.capacity * 2) this.removed = [...new Set(this.removed)];
    this.freeSlots.push(arc.slot);
  }

  private decayed(arc: Arc, now: number): number {
    return arc.score * 2 ** (-(now - arc.scoreTime) / this.options.halfLifeMs);
  }

  private countProtocol(arc: Arc, protocol: string, bytes: number): void {
    const name = protocol.toLowerCase();
    const m = arc.protocolBytes;
    if (!m.has(name) && m.size >= MAX_PROTOCOLS) {
      // keep the map bounded: fold the smallest protocol away
      let smallest: string | undefined;
      for (const [k, v] of m) if (smallest === undefined || v < (m.get(smallest) ?? 0)) smallest = k;
      if (smallest !== undefined) m.delete(smallest);
    }
    m.set(name, (m.get(name) ?? 0) + Math.max(bytes, 1));
    let best = arc.protocol;
    let bestBytes = -1;
    for (const [k, v] of m) {
      if (v > bestBytes) {
        best = k;
        bestBytes = v;
      }
    }
    arc.protocol = best;
  }
}
