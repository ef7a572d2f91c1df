// Presentation-form helpers shared by the RDATA formatters: character-strings, hex, base64, addresses, times.
import { formatIp } from '@netwatch/schemas';

/** Character-string bytes in quotes, `"` and `\` escaped, others outside 0x20–0x7e as `\DDD` (RFC 1035 §5.1). */
const quotedChar: string[] = Array.from({ length: 256 }, (_, b) => {
  if (b === 0x22 || b === 0x5c) return `\\${String.fromCharCode(b)}`;
  if (b < 0x20 || b >= 0x7f) return `\\${String(b).padStart(3, '0')}`;
  return String.fromCharCode(b);
});

/** The bytes `data[from, to)` escaped for use inside a quoted character-string. */
export function escapedText(data: Uint8Array, from: number, to: number): string {
  let text = '';
  for (let i = from; i < to; i++) text += quotedChar[data[i] as number] as string;
  return text;
}

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0').toUpperCase());

/** Uppercase hex of `data[from, to)` (as dig prints DS digests and RFC 3597 data). */
export function hexText(data: Uint8Array, from: number, to: number): string {
  let text = '';
  for (let i = from; i < to; i++) text += HEX[data[i] as number] as string;
  return text;
}

export function base64Text(data: Uint8Array, from: number, to: number): string {
  return Buffer.from(data.buffer, data.byteOffset + from, to - from).toString('base64');
}

export function ipv4Text(data: Uint8Array, at: number): string {
  return `${data[at]}.${data[at + 1]}.${data[at + 2]}.${data[at + 3]}`;
}

/** RFC 5952 text of the 16 bytes at `at`. */
export function ipv6Text(data: Uint8Array, at: number): string {
  return formatIp(data.subarray(at, at + 16));
}

export function readU16(data: Uint8Array, at: number): number {
  return ((data[at] as number) << 8) | (data[at + 1] as number);
}

export function readU32(data: Uint8Array, at: number): number {
  return (((data[at] as number) << 24) | ((data[at + 1] as number) << 16) | ((data[at + 2] as number) << 8) |
    (data[at + 3] as number)) >>> 0;
}

/** RRSIG times as YYYYMMDDHHmmSS in UTC (RFC 4034 §3.2). */
export function signatureTime(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}
