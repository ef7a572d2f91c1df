// A bounded least-recently-used map: a Map for the index and typed-array links, so hits and evictions allocate nothing.

/**
 * Up to `capacity` entries; a `get` hit or a `set` makes the entry the most recent, and a `set`
 * into a full cache reuses the slot of the least recent one. Capacity 0 keeps nothing.
 */
export class LruCache<K, V> {
  readonly capacity: number;
  private readonly index = new Map<K, number>();
  private readonly keys: (K | undefined)[];
  private readonly values: (V | undefined)[];
  /** Links of a doubly linked list through the slots; `head` is the most recent. */
  private readonly next: Int32Array;
  private readonly prev: Int32Array;
  private head = -1;
  private tail = -1;
  private used = 0;
  hits = 0;
  misses = 0;
  evictions = 0;

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 0) throw new RangeError('capacity must be a whole number ≥ 0');
    this.capacity = capacity;
    this.keys = new Array<K | undefined>(capacity);
    this.values = new Array<V | undefined>(capacity);
    this.next = new Int32Array(capacity);
    this.prev = new Int32Array(capacity);
  }

  get size(): number {
    return this.index.size;
  }

  /** The value for `key` (and it becomes the most recent), or undefined. Counts a hit or a miss. */
  get(key: K): V | undefined {
    const slot = this.index.get(key);
    if (slot === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.touch(slot);
    return this.values[slot];
  }

  /** The value without changing recency or counters. */
  peek(key: K): V | undefined {
    const slot = this.index.get(key);
    return slot === undefined ? undefined : this.values[slot];
  }

  set(key: K, value: V): void {
    if (this.capacity === 0) return;
    let slot = this.index.get(key);
    if (slot !== undefined) {
      this.values[slot] = value;
      this.touch(slot);
      return;
    }
    if (this.used < this.capacity) {
      slot = this.used++;
    } else {
      slot = this.tail;
      this.unlink(slot);
      this.index.delete(this.keys[slot] as K);
      this.evictions++;
    }
    this.keys[slot] = key;
    this.values[slot] = value;
    this.index.set(key, slot);
    this.pushFront(slot);
  }

  delete(key: K): boolean {
    const slot = this.index.get(key);
    if (slot === undefined) return false;
    this.index.delete(key);
    this.unlink(slot);
    this.keys[slot] = undefined;
    this.values[slot] = undefined;
    // Keep slots dense: move the last used slot into the hole.
    const last = --this.used;
    if (slot !== last) {
      const lastKey = this.keys[last] as K;
      const wasHead = this.head === last;
      const before = this.prev[last] as number;
      const after = this.next[last] as number;
      this.keys[slot] = lastKey;
      this.values[slot] = this.values[last];
      this.prev[slot] = before;
      this.next[slot] = after;
      if (before >= 0) this.next[before] = slot;
      if (after >= 0) this.prev[after] = slot;
      if (wasHead) this.head = slot;
      if (this.tail === last) this.tail = slot;
      this.index.set(lastKey, slot);
      this.keys[last] = undefined;
      this.values[last] = undefined;
    }
    return true;
  }

  clear(): void {
    this.index.clear();
    this.keys.fill(undefined);
    this.values.fill(undefined);
    this.head = -1;
    this.tail = -1;
    this.used = 0;
  }

  private touch(slot: number): void {
    if (slot === this.head) return;
    this.unlink(slot);
    this.pushFront(slot);
  }

  private unlink(slot: number): void {
    const before = this.prev[slot] as number;
    const after = this.next[slot] as number;
    if (before >= 0) this.next[before] = after;
    else this.head = after;
    if (after >= 0) this.prev[after] = before;
    else this.tail = before;
  }

  private pushFront(slot: number): void {
    this.prev[slot] = -1;
    this.next[slot] = this.head;
    if (this.head >= 0) this.prev[this.head] = slot;
    this.head = slot;
    if (this.tail < 0) this.tail = slot;
  }
}
