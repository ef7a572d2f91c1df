// Big-endian (network order) integer reads for the decoders; callers check lengths before calling.

export function be16(b: Uint8Array, o: number): number {
  return ((b[o] as number) << 8) | (b[o + 1] as number);
}

/** Unsigned 32-bit (`>>> 0`), so sequence numbers above 2^31 stay positive. */
export function be32(b: Uint8Array, o: number): number {
  return (
    (((b[o] as number) << 24) | ((b[o + 1] as number) << 16) | ((b[o + 2] as number) << 8) | (b[o + 3] as number)) >>>
    0
  );
}

export function byteAt(b: Uint8Array, o: number): number {
  return b[o] as number;
}
