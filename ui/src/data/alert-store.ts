// The newest alerts (a ring of 500) with acknowledgements applied in place.
import { Publisher } from './publisher.js';
import { Ring } from './ring.js';
import type { Alert } from './types.js';

const sameId = (a: Alert, b: Alert): boolean => a.id === b.id;

export class AlertStore {
  readonly publisher: Publisher;
  private readonly ring: Ring<Alert>;
  private readonly ids = new Set<string>();
  private cache: { version: number; alerts: Alert[] } | undefined;
  received = 0;

  constructor(capacity = 500, publisher = new Publisher()) {
    this.ring = new Ring(capacity);
    this.publisher = publisher;
  }

  /** Adds new alerts (oldest first in the ring) and replaces known ones (e.g. acknowledged elsewhere). */
  add(alerts: readonly Alert[]): void {
    const sorted = [...alerts].sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
    for (const alert of sorted) {
      if (this.ids.has(alert.id) && this.ring.replace(alert, sameId)) continue;
      this.ring.push(alert);
      this.ids.add(alert.id);
      this.received++;
    }
    if (this.ids.size > this.ring.capacity * 2) this.rebuildIds();
    if (alerts.length > 0) this.publisher.changed();
  }

  /** Applies the api's answer to an acknowledgement. */
  update(alert: Alert): void {
    if (this.ring.replace(alert, sameId)) this.publisher.changed();
  }

  /** Newest first (by time), cached per version. */
  snapshot(): Alert[] {
    const version = this.publisher.version();
    if (this.cache?.version === version) return this.cache.alerts;
    const alerts = this.ring.newestFirst().sort((a, b) => Date.parse(b.time) - Date.parse(a.time));
    this.cache = { version, alerts };
    return alerts;
  }

  private rebuildIds(): void {
    this.ids.clear();
    for (const a of this.ring.newestFirst()) this.ids.add(a.id);
  }
}
