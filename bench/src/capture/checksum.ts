// Internet checksums (RFC 1071) for generated TCP, UDP and ICMP: seeded-noise payloads are summed in O(1).

/** Sum of the big-endian 16-bit words in b[from, to), an odd last byte padded with zero; not folded. */
export function sumWords(b: Uint8Array, from: number, to: number): number {
  let sum = 0;
  let i = from;
  for (; i + 1 < to; i += 2) sum += ((b[i] as number) << 8) | (b[i + 1] as number);
  if (i < to) sum += (b[i] as number) << 8;
  return sum;
}

/** Folds carries and complements: the value to store in a checksum field. */
export function finishChecksum(sum: number): number {
  while (sum > 0xffff) sum = (sum % 0x10000) + Math.floor(sum / 0x10000);
  return ~sum & 0xffff;
}

/**
 * Prefix sums over a noise buffer so the checksum of any slice copied to an even offset of the
 * segment costs two lookups: `even[j]` weights bytes at even indices as high bytes, `odd[j]` those at odd ones.
 */
export class SliceSums {
  private readonly even: Float64Array;
  private readonly odd: Float64Array;

  constructor(bytes: Uint8Array) {
    this.even = new Float64Array(bytes.length + 1);
    this.odd = new Float64Array(bytes.length + 1);
    for (let j = 0; j < bytes.length; j++) {
      const v = bytes[j] as number;
      this.even[j + 1] = (this.even[j] as number) + (j % 2 === 0 ? v * 256 : v);
      this.odd[j + 1] = (this.odd[j] as number) + (j % 2 === 1 ? v * 256 : v);
    }
  }

  /** The word sum of bytes[start, start + length) placed at an even offset of the summed data. */
  sum(start: number, length: number): number {
    const t = start % 2 === 0 ? this.even : this.odd;
    return (t[start + length] as number) - (t[start] as number);
  }
}
