// Conversations between address pairs, summed from flows; bounded by keeping the links that carried the most bytes.
import type { Flow } from '../contract/shapes.js';

/** One client→server address pair and what went between them. */
export interface Link {
  readonly client: string;
  readonly server: string;
  clientInternal: boolean;
  serverInternal: boolean;
  clientName?: string;
  serverName?: string;
  clientCountry?: string;
  serverCountry?: string;
  bytes: number;
  flows: number;
  /** Bytes per application protocol (or transport when none was recognised); a few entries per link. */
  readonly protocols: Map<string, number>;
}

/**
 * Links are keyed by the flow's addresses (the client first), not by device ids, because a device
 * may gain its MAC identity after its flows were counted; ids are resolved when the topology is read.
 * When `capacity` is passed the quarter with the fewest bytes is dropped, so a scan of many
 * addresses cannot grow memory without bound, while the heavy conversations stay.
 */
export class LinkTable {
  private readonly links = new Map<string, Link>();
  pruned = 0;

  constructor(readonly capacity = 20_000) {
    if (!Number.isInteger(capacity) || capacity < 4) throw new RangeError('capacity must be an integer ≥ 4');
  }

  get size(): number {
    return this.links.size;
  }

  /** Counts a flow record; `earlier` is the previous record of the same flow (counters are cumulative). */
  add(flow: Flow, earlier: Flow | undefined): void {
    const key = `${flow.src.ip} ${flow.dst.ip}`;
    let link = this.links.get(key);
    if (link === undefined) {
      if (this.links.size >= this.capacity) this.prune();
      link = {
        client: flow.src.ip,
        server: flow.dst.ip,
        clientInternal: flow.src.internal,
        serverInternal: flow.dst.internal,
        bytes: 0,
        flows: 0,
        protocols: new Map(),
      };
      this.links.set(key, link);
    }
    const delta = Math.max(0, flow.bytes - (earlier?.bytes ?? 0));
    link.bytes += delta;
    if (earlier === undefined) link.flows++;
    const protocol = flow.protocol ?? flow.transport;
    link.protocols.set(protocol, (link.protocols.get(protocol) ?? 0) + delta);
    if (flow.src.name !== undefined) link.clientName = flow.src.name;
    if (flow.dst.name !== undefined) link.serverName = flow.dst.name;
    if (flow.src.country !== undefined) link.clientCountry = flow.src.country;
    if (flow.dst.country !== undefined) link.serverCountry = flow.dst.country;
  }

  /** The `limit` links that carried the most bytes, heaviest first. */
  top(limit: number): Link[] {
    return [...this.links.values()].sort((a, b) => b.bytes - a.bytes).slice(0, limit);
  }

  private prune(): void {
    const keep = Math.floor(this.capacity * 0.75);
    const sorted = [...this.links.entries()].sort((a, b) => b[1].bytes - a[1].bytes);
    for (let i = keep; i < sorted.length; i++) this.links.delete((sorted[i] as [string, Link])[0]);
    this.pruned += sorted.length - keep;
  }
}

/** The protocol a link carried most bytes of, from its bytes per protocol. */
export function mainProtocol(protocols: ReadonlyMap<string, number>): string | undefined {
  let best: string | undefined;
  let bestBytes = -1;
  for (const [name, bytes] of protocols) {
    if (bytes > bestBytes) {
      best = name;
      bestBytes = bytes;
    }
  }
  return best;
}

/** Bytes and flows per protocol name since start; bounded to `capacity` names (the smallest go). */
export class ProtocolTable {
  private readonly rows = new Map<string, { bytes: number; flows: number }>();

  constructor(readonly capacity = 256) {}

  add(flow: Flow, earlier: Flow | undefined): void {
    const name = flow.protocol ?? flow.transport;
    let row = this.rows.get(name);
    if (row === undefined) {
      if (this.rows.size >= this.capacity) this.dropSmallest();
      row = { bytes: 0, flows: 0 };
      this.rows.set(name, row);
    }
    row.bytes += Math.max(0, flow.bytes - (earlier?.bytes ?? 0));
    if (earlier === undefined) row.flows++;
  }

  /** The `limit` protocols with the most bytes, heaviest first. */
  top(limit: number): { name: string; bytes: number; flows: number }[] {
    return [...this.rows.entries()]
      .map(([name, row]) => ({ name, bytes: row.bytes, flows: row.flows }))
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, limit);
  }

  private dropSmallest(): void {
    let smallest: string | undefined;
    let bytes = Infinity;
    for (const [name, row] of this.rows) {
      if (row.bytes < bytes) {
        smallest = name;
        bytes = row.bytes;
      }
    }
    if (smallest !== undefined) this.rows.delete(smallest);
  }
}
