// Address formatting for reports and tests (allocates a string; keep it off the per-packet path).
import { formatIp } from '@netwatch/schemas';

const HEX = '0123456789abcdef';

/**
 * Text form of the IPv4 (family 4) or IPv6 (family 6) address at `data[offset]`: dotted quad, or
 * RFC 5952 canonical IPv6 (schemas' `formatIp`).
 * Throws RangeError on an unknown family or an offset whose address is not inside `data`.
 */
export function formatAddress(data: Uint8Array, offset: number, family: number): string {
  const length = family === 4 ? 4 : family === 6 ? 16 : 0;
  if (length === 0) throw new RangeError(`formatAddress: family ${family} is not 4 or 6`);
  if (!Number.isInteger(offset) || offset < 0 || offset + length > data.length) {
    throw new RangeError(`formatAddress: no ${length}-byte address at offset ${offset}`);
  }
  // One formatter for the whole project: message keys made from packet bytes must equal
  // canonicalIp() of the same address as text.
  return formatIp(data.subarray(offset, offset + length));
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
