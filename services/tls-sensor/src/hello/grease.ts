// GREASE code points (RFC 8701): reserved values clients send to keep servers tolerant; fingerprints drop them.

/**
 * RFC 8701 §2: cipher suites, extensions, groups, signature algorithms and versions
 * 0x0A0A, 0x1A1A … 0xFAFA — both bytes equal, low nibble of each 0xA.
 */
export function isGrease(value: number): boolean {
  return (value & 0x0f0f) === 0x0a0a && (value >> 8) === (value & 0xff);
}

/** The values that are not GREASE, in their order. */
export function withoutGrease(values: readonly number[]): number[] {
  return values.filter((v) => !isGrease(v));
}
