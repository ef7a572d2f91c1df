// The newest flows (a ring of 2 000) for the Flows page and device connections, with receive counters.
import { Publisher } from './publisher.js';
import { Ring } from './ring.js';
import type { Flow } from './types.js';

export class FlowStore {
  readonly publisher: Publisher;
  private readonly ring: Ring<Flow>;
  private cache: { version: number; flows: Flow[] } | undefined;
  /** flows received (feed and initial load) and flows the api said it did not send (its per-push bound) */
  received = 0;
  droppedByServer = 0;

  constructor(capacity = 2000, publisher = new Publisher()) {
    this.ring = new Ring(capacity);
    this.publisher = publisher;
  }

  get capacity(): number {
    return this.ring.capacity;
  }

  add(flows: readonly Flow[], dropped = 0): void {
    // The feed sends newest first; the ring wants oldest first so that its newest is the feed's newest.
    for (let i = flows.length - 1; i >= 0; i--) this.ring.push(flows[i] as Flow);
    this.received += flows.length;
    this.droppedByServer += dropped;
    if (flows.length > 0 || dropped > 0) this.publisher.changed();
  }

  /** Newest first, one row per flow id (a long flow's later record replaces its earlier ones); cached per version. */
  snapshot(): Flow[] {
    const version = this.publisher.version();
    if (this.cache?.version === version) return this.cache.flows;
    const seen = new Set<string>();
    const flows: Flow[] = [];
    for (const f of this.ring.newestFirst()) {
      if (seen.has(f.id)) continue;
      seen.add(f.id);
      flows.push(f);
    }
    this.cache = { version, flows };
    return flows;
  }
}
