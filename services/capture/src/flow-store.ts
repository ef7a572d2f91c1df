// Flow records in one growable buffer (no object per flow), an open-addressing index, and the timeout lists.
import { hashKey, KEY_WORDS } from './flow-key.js';
import { I32, RECORD_BYTES, S32, S8, U32, U8 } from './flow-record.js';

const NONE = -1;
/** Timeout lists: open flows expire after the idle timeout, closed TCP after the closed timeout. */
export const List = { OPEN: 0, CLOSED: 1 } as const;

/**
 * The flow records (layout in flow-record.ts) and the structures around them. The buffer grows
 * by doubling up to `maxFlows`, so memory follows the load; growth re-creates the views, so
 * callers read `store.f64` etc. afresh after `insert`.
 */
export class FlowStore {
  capacity = 0;
  size = 0;
  readonly maxFlows: number;
  f64 = new Float64Array(0);
  f32 = new Float32Array(0);
  u32 = new Uint32Array(0);
  i32 = new Int32Array(0);
  u16 = new Uint16Array(0);
  u8 = new Uint8Array(0);

  /** Open-addressing hash index: flow number or -1; linear probing, backward-shift deletion. */
  slots = new Int32Array(0);
  mask = 0;
  /** Flows by list (`List`), oldest first; the idle queue re-queues lazily (see FlowTable.advance). */
  readonly heads = new Int32Array([NONE, NONE]);
  readonly tails = new Int32Array([NONE, NONE]);
  /** Flows in export order, for active timeouts. */
  exportHead = NONE;
  exportTail = NONE;
  /** Free flow numbers, chained through NEXT. */
  private freeHead = NONE;

  constructor(maxFlows: number, initialCapacity = 4096) {
    this.maxFlows = maxFlows;
    this.grow(Math.min(maxFlows, initialCapacity));
  }

  get full(): boolean {
    return this.size >= this.maxFlows;
  }

  /** Bytes held by the records and the index. */
  get allocatedBytes(): number {
    return this.u8.byteLength + this.slots.byteLength;
  }

  /** The flow with the key in `words`, or -1. */
  find(words: Uint32Array, hash: number): number {
    const u32 = this.u32;
    const slots = this.slots;
    const mask = this.mask;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const flow = slots[i] as number;
      if (flow === NONE) return NONE;
      const base = flow * S32 + U32.KEY;
      // Addresses differ most often: compare them first.
      if (u32[base + 3] !== words[3] || u32[base + 7] !== words[7]) continue;
      let k = 0;
      while (k < KEY_WORDS && u32[base + k] === words[k]) k++;
      if (k === KEY_WORDS) return flow;
    }
  }

  /** Takes a free flow number for the key (the caller checked `full` and `find`), its record zeroed. */
  insert(words: Uint32Array, hash: number): number {
    if (this.freeHead === NONE) this.grow(Math.min(this.maxFlows, this.capacity * 2));
    const flow = this.freeHead;
    this.freeHead = this.i32[flow * S32 + I32.NEXT] as number;
    this.size++;
    this.u8.fill(0, flow * S8, flow * S8 + RECORD_BYTES);
    const b32 = flow * S32;
    this.u32.set(words, b32 + U32.KEY);
    this.i32[b32 + I32.PREV] = NONE;
    this.i32[b32 + I32.NEXT] = NONE;
    this.i32[b32 + I32.EXPORT_PREV] = NONE;
    this.i32[b32 + I32.EXPORT_NEXT] = NONE;
    this.u8[flow * S8 + U8.LIST] = 255;
    const slots = this.slots;
    let i = hash & this.mask;
    while (slots[i] !== NONE) i = (i + 1) & this.mask;
    slots[i] = flow;
    return flow;
  }

  /** Removes a flow from the index and its lists and frees its number. */
  remove(flow: number): void {
    const slots = this.slots;
    const mask = this.mask;
    let i = this.homeSlot(flow);
    while (slots[i] !== flow) i = (i + 1) & mask;
    // Backward-shift deletion: pull later members of the probe run into the hole.
    for (let j = (i + 1) & mask; slots[j] !== NONE; j = (j + 1) & mask) {
      const home = this.homeSlot(slots[j] as number);
      const between = i <= j ? home > i && home <= j : home > i || home <= j;
      if (!between) {
        slots[i] = slots[j] as number;
        i = j;
      }
    }
    slots[i] = NONE;
    this.unlink(flow);
    this.unlinkExport(flow);
    this.i32[flow * S32 + I32.NEXT] = this.freeHead;
    this.freeHead = flow;
    this.size--;
  }

  /** Appends a flow to list `which` (taking it off the one it was on). */
  append(flow: number, which: number): void {
    const i32 = this.i32;
    const b = flow * S32;
    this.unlink(flow);
    const tail = this.tails[which] as number;
    this.u8[flow * S8 + U8.LIST] = which;
    i32[b + I32.PREV] = tail;
    i32[b + I32.NEXT] = NONE;
    if (tail === NONE) this.heads[which] = flow;
    else i32[tail * S32 + I32.NEXT] = flow;
    this.tails[which] = flow;
  }

  /** Appends a flow to the export-order list (at creation, and after each active-timeout export). */
  queueExport(flow: number): void {
    const i32 = this.i32;
    const b = flow * S32;
    this.unlinkExport(flow);
    i32[b + I32.EXPORT_PREV] = this.exportTail;
    i32[b + I32.EXPORT_NEXT] = NONE;
    if (this.exportTail === NONE) this.exportHead = flow;
    else i32[this.exportTail * S32 + I32.EXPORT_NEXT] = flow;
    this.exportTail = flow;
  }

  private homeSlot(flow: number): number {
    return hashKey(this.u32, flow * S32 + U32.KEY) & this.mask;
  }

  private unlink(flow: number): void {
    const i32 = this.i32;
    const b = flow * S32;
    const which = this.u8[flow * S8 + U8.LIST] as number;
    if (which > 1) return; // on no list
    const p = i32[b + I32.PREV] as number;
    const n = i32[b + I32.NEXT] as number;
    if (p === NONE) this.heads[which] = n;
    else i32[p * S32 + I32.NEXT] = n;
    if (n === NONE) this.tails[which] = p;
    else i32[n * S32 + I32.PREV] = p;
    i32[b + I32.PREV] = NONE;
    i32[b + I32.NEXT] = NONE;
    this.u8[flow * S8 + U8.LIST] = 255;
  }

  private unlinkExport(flow: number): void {
    const i32 = this.i32;
    const b = flow * S32;
    const p = i32[b + I32.EXPORT_PREV] as number;
    const n = i32[b + I32.EXPORT_NEXT] as number;
    if (p === NONE && this.exportHead !== flow) return;
    if (p === NONE) this.exportHead = n;
    else i32[p * S32 + I32.EXPORT_NEXT] = n;
    if (n === NONE) this.exportTail = p;
    else i32[n * S32 + I32.EXPORT_PREV] = p;
    i32[b + I32.EXPORT_PREV] = NONE;
    i32[b + I32.EXPORT_NEXT] = NONE;
  }

  private grow(capacity: number): void {
    const old = this.capacity;
    if (capacity <= old) throw new RangeError(`flow store cannot grow past ${old} flows`);
    const buffer = new ArrayBuffer(capacity * RECORD_BYTES);
    const u8 = new Uint8Array(buffer);
    u8.set(this.u8);
    this.u8 = u8;
    this.u16 = new Uint16Array(buffer);
    this.u32 = new Uint32Array(buffer);
    this.i32 = new Int32Array(buffer);
    this.f32 = new Float32Array(buffer);
    this.f64 = new Float64Array(buffer);
    // New numbers go on the free list, lowest first.
    for (let flow = capacity - 1; flow >= old; flow--) {
      this.i32[flow * S32 + I32.NEXT] = this.freeHead;
      this.freeHead = flow;
    }
    this.capacity = capacity;
    this.rehash(capacity);
  }

  /** Rebuilds the index at load factor ≤ 1/2 (short probe runs) for `capacity` flows. */
  private rehash(capacity: number): void {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    const oldSlots = this.slots;
    this.slots = new Int32Array(size).fill(NONE);
    this.mask = size - 1;
    for (let i = 0; i < oldSlots.length; i++) {
      const flow = oldSlots[i] as number;
      if (flow === NONE) continue;
      let j = this.homeSlot(flow);
      while (this.slots[j] !== NONE) j = (j + 1) & this.mask;
      this.slots[j] = flow;
    }
  }
}
