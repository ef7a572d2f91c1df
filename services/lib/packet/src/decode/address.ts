// Address formatting for reports and tests (allocates a string; keep it off the per-packet path).

const HEX = '0123456789abcdef';

/**
 * Text form of the IPv4 (family 4) or IPv6 (family 6) address at `data[offset]`: dotted quad,
 * or RFC 5952 §4 canonical IPv6 (lower case, no leading zeros, the longest run of two or more
 * zero groups — the first on a tie — as "::"), with IPv4-mapped addresses as ::ffff:a.b.c.d (§5).
 * Throws RangeError on an unknown family or an offset whose address is not inside `data`.
 */
export function formatAddress(data: Uint8Array, offset: number, family: number): string {
  const length = family === 4 ? 4 : family === 6 ? 16 : 0;
  if (length === 0) throw new RangeError(`formatAddress: family ${family} is not 4 or 6`);
  if (!Number.isInteger(offset) || offset < 0 || offset + length > data.length) {
    throw new RangeError(`formatAddress: no ${length}-byte address at offset ${offset}`);
  }
  const b = (i: number) => data[offset + i] as number;
  if (family === 4) return `${b(0)}.${b(1)}.${b(2)}.${b(3)}`;
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((b(i) << 8) | b(i + 1));
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return `::ffff:${b(12)}.${b(13)}.${b(14)}.${b(15)}`;
  }
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = (gs: number[]) => gs.map((g) => g.toString(16)).join(':');
  if (bestStart < 0) return hex(groups);
  return `${hex(groups.slice(0, bestStart))}::${hex(groups.slice(bestStart + bestLength))}`;
}

/** "aa:bb:cc:dd:ee:ff" for the 6-byte MAC at `data[offset]`; throws RangeError outside `data`. */
export function formatMac(data: Uint8Array, offset: number): string {
  if (!Number.isInteger(offset) || offset < 0 || offset + 6 > data.length) {
    throw new RangeError(`formatMac: no MAC at offset ${offset}`);
  }
  let s = '';
  for (let i = 0; i < 6; i++) {
    const v = data[offset + i] as number;
    s += (i === 0 ? '' : ':') + (HEX[v >> 4] as string) + (HEX[v & 15] as string);
  }
  return s;
}
