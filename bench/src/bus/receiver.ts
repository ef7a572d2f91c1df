// Counts what a consumer received, records latencies, and resolves when a target count is reached.
import { now } from './event.js';

export class Receiver {
  count = 0;
  private latencies: Float64Array;
  private recorded = 0;
  private target = Number.POSITIVE_INFINITY;
  private reached: (() => void) | null = null;

  constructor(latencyCapacity = 0) {
    this.latencies = new Float64Array(latencyCapacity);
  }

  /** Call from the handler with the event's send timestamp. */
  got(sentAt: number): void {
    this.count++;
    if (this.recorded < this.latencies.length) this.latencies[this.recorded++] = now() - sentAt;
    if (this.count >= this.target && this.reached !== null) {
      const wake = this.reached;
      this.reached = null;
      wake();
    }
  }

  /** Starts recording latencies afresh (after a warm-up) into room for `capacity` samples. */
  recordLatencies(capacity: number): void {
    this.latencies = new Float64Array(capacity);
    this.recorded = 0;
  }

  /** Resolves once `count` reaches `target`, or rejects after `timeoutMs`. */
  waitFor(target: number, timeoutMs: number): Promise<void> {
    if (this.count >= target) return Promise.resolve();
    this.target = target;
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.reached = null;
        reject(new Error(`received ${this.count} of ${target} events within ${timeoutMs} ms`));
      }, timeoutMs);
      this.reached = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /** The recorded latencies, sorted ascending. */
  sortedLatencies(): Float64Array {
    return this.latencies.slice(0, this.recorded).sort();
  }
}
