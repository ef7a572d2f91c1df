// The newest alerts in a bounded ring, findable by id so an operator can acknowledge one.
import type { Alert } from '../contract/shapes.js';

export class AlertStore {
  private readonly slots: (Alert | undefined)[];
  private readonly byId = new Map<string, Alert>();
  private seq = 0;
  evicted = 0;

  constructor(readonly capacity = 5_000) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
    this.slots = new Array<Alert | undefined>(capacity);
  }

  /**
   * Stores a new alert. The bus delivers at least once, so an id already held is a redelivery:
   * it is ignored (keeping its acknowledgement) and `false` returned.
   */
  add(alert: Alert): boolean {
    if (this.byId.has(alert.id)) return false;
    const at = this.seq % this.capacity;
    const old = this.slots[at];
    if (old !== undefined) {
      this.byId.delete(old.id);
      this.evicted++;
    }
    this.slots[at] = alert;
    this.byId.set(alert.id, alert);
    this.seq++;
    return true;
  }

  get(id: string): Alert | undefined {
    return this.byId.get(id);
  }

  /** Marks an alert acknowledged; undefined when no such alert is held. */
  acknowledge(id: string): Alert | undefined {
    const alert = this.byId.get(id);
    if (alert !== undefined) alert.acknowledged = true;
    return alert;
  }

  get size(): number {
    return this.byId.size;
  }

  /** Up to `limit` alerts, newest first (by arrival), at least `minSeverity` severe. */
  newest(limit: number, minSeverity = 1): Alert[] {
    const out: Alert[] = [];
    const stop = Math.max(0, this.seq - this.capacity);
    for (let s = this.seq - 1; s >= stop && out.length < limit; s--) {
      const alert = this.slots[s % this.capacity];
      if (alert !== undefined && alert.severity >= minSeverity) out.push(alert);
    }
    return out;
  }
}
