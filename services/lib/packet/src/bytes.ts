// Bounds-unchecked integer reads in either byte order; callers check lengths before calling.

export function u16(b: Uint8Array, o: number, le: boolean): number {
  const b0 = b[o] as number;
  const b1 = b[o + 1] as number;
  return le ? b0 | (b1 << 8) : (b0 << 8) | b1;
}

export function u32(b: Uint8Array, o: number, le: boolean): number {
  const b0 = b[o] as number;
  const b1 = b[o + 1] as number;
  const b2 = b[o + 2] as number;
  const b3 = b[o + 3] as number;
  return le
    ? (b0 | (b1 << 8) | (b2 << 16) | (b3 << 24)) >>> 0
    : ((b0 << 24) | (b1 << 16) | (b2 << 8) | b3) >>> 0;
}

/** Signed 64-bit integer as a Number (exact up to 2^53, which covers every sane time offset). */
export function i64(b: Uint8Array, o: number, le: boolean): number {
  const hi = le ? u32(b, o + 4, le) : u32(b, o, le);
  const lo = le ? u32(b, o, le) : u32(b, o + 4, le);
  const signedHi = hi | 0;
  return signedHi * 4294967296 + lo;
}
