// Exact conversion of pcapng 64-bit timestamps (if_tsresol units) to seconds + nanoseconds, without floats.
import type { PacketView } from './packet-view.js';

const TWO_32 = 4294967296;
const BIG_1E9 = 1_000_000_000n;

/**
 * Converts a 64-bit tick count (high and low 32-bit halves) in units of 10^-e or 2^-e
 * seconds (draft-ietf-opsawg-pcapng §4.2, if_tsresol: MSB clear means a negative power of
 * 10, MSB set a negative power of 2) plus if_tsoffset seconds into `tsSec`/`tsNsec`.
 * Divisors up to 2^32 (10^0..10^9, 2^0..2^32) use exact Number long division with no
 * allocation; finer resolutions (picoseconds, 2^-64) fall back to BigInt.
 */
export class TimestampConverter {
  private readonly div: number;
  private readonly fast: boolean;
  private readonly divBig: bigint;

  constructor(
    readonly base: 10 | 2,
    readonly exponent: number,
    private readonly offsetSec: number,
  ) {
    this.divBig = BigInt(base) ** BigInt(exponent);
    this.fast = this.divBig <= BigInt(TWO_32);
    this.div = this.fast ? Number(this.divBig) : 0;
  }

  set(view: PacketView, hi: number, lo: number): void {
    if (!this.fast) {
      this.setBig(view, hi, lo);
      return;
    }
    const d = this.div;
    // (hi * 2^32 + lo) / d in three steps whose partial values stay below 2^53.
    const qh = Math.floor(hi / d);
    let r = hi - qh * d;
    r = r * 65536 + (lo >>> 16);
    const q1 = Math.floor(r / d);
    r -= q1 * d;
    r = r * 65536 + (lo & 0xffff);
    const q2 = Math.floor(r / d);
    r -= q2 * d;
    view.tsSec = qh * TWO_32 + q1 * 65536 + q2 + this.offsetSec;
    // r < d <= 2^32. For 10^-e (e <= 9) 1e9/d is an integer. For 2^-e, r * 1e9 is exact
    // in a double (r * 1953125 < 2^53, times 2^9 only moves the exponent) and dividing by
    // 2^e is exact too, so the floor is the true floor.
    view.tsNsec = this.base === 10 ? r * (1e9 / d) : Math.floor((r * 1e9) / d);
  }

  private setBig(view: PacketView, hi: number, lo: number): void {
    const ticks = (BigInt(hi) << 32n) | BigInt(lo);
    view.tsSec = Number(ticks / this.divBig) + this.offsetSec;
    view.tsNsec = Number(((ticks % this.divBig) * BIG_1E9) / this.divBig);
  }
}

/** Decode an if_tsresol byte (draft-ietf-opsawg-pcapng §4.2). */
export function parseTsresol(v: number): { base: 10 | 2; exponent: number } {
  return v & 0x80 ? { base: 2, exponent: v & 0x7f } : { base: 10, exponent: v };
}
