// Publishes a store's changes to React at most a few times a second: stores mutate freely per message and call
// `changed()`; subscribers (useSyncExternalStore) see one version bump per interval, never one per message.

export type Listener = () => void;

export interface Scheduler {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
}

const realScheduler: Scheduler = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
};

export class Publisher {
  private readonly listeners = new Set<Listener>();
  private versionNumber = 0;
  private pending = false;
  private lastPublish = Number.NEGATIVE_INFINITY;

  /** @param intervalMs minimum time between two publications (250 ms = at most 4 renders a second) */
  constructor(private readonly intervalMs = 250, private readonly scheduler: Scheduler = realScheduler) {}

  /** The version React compares: it changes only when a publication happens. */
  readonly version = (): number => this.versionNumber;

  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Marks the store changed; the publication happens at once if the interval has passed, else once at its end. */
  changed(): void {
    if (this.pending) return;
    const wait = this.lastPublish + this.intervalMs - this.scheduler.now();
    if (wait <= 0) {
      this.publish();
      return;
    }
    this.pending = true;
    this.scheduler.setTimeout(() => this.publish(), wait);
  }

  private publish(): void {
    this.pending = false;
    this.lastPublish = this.scheduler.now();
    this.versionNumber++;
    for (const listener of [...this.listeners]) listener();
  }
}
