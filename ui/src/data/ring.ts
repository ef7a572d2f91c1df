// A fixed-capacity ring buffer: pushing past capacity overwrites the oldest item, so memory never grows.

export class Ring<T> {
  private readonly items: (T | undefined)[];
  private head = 0; // index of the next write
  private count = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`ring capacity must be ≥ 1, got ${capacity}`);
    this.items = new Array<T | undefined>(capacity);
  }

  get size(): number {
    return this.count;
  }

  push(item: T): void {
    this.items[this.head] = item;
    this.head = (this.head + 1) % this.capacity;
    if (this.count < this.capacity) this.count++;
  }

  clear(): void {
    this.items.fill(undefined);
    this.head = 0;
    this.count = 0;
  }

  /** Items newest first (a new array). */
  newestFirst(limit = this.count): T[] {
    const n = Math.min(limit, this.count);
    const out = new Array<T>(n);
    for (let i = 0; i < n; i++) {
      out[i] = this.items[(this.head - 1 - i + this.capacity) % this.capacity] as T;
    }
    return out;
  }

  /** Replaces every item equal (by `same`) to `item`; returns whether one was found. */
  replace(item: T, same: (a: T, b: T) => boolean): boolean {
    let found = false;
    for (let i = 0; i < this.capacity; i++) {
      const cur = this.items[i];
      if (cur !== undefined && same(cur, item)) {
        this.items[i] = item;
        found = true;
      }
    }
    return found;
  }
}
