// Bounded readers for the text and address fields the discovery protocols carry.

const utf8 = new TextDecoder('utf-8', { fatal: false });
const HEX = '0123456789abcdef';

/** UTF-8 text of `data[start, end)`; invalid sequences become U+FFFD (never throws). */
export function wireText(data: Uint8Array, start: number, end: number): string {
  return utf8.decode(data.subarray(start, end));
}

/** Like `wireText`, without trailing NUL bytes (some DHCP clients NUL-terminate their strings). */
export function wireTextNoNul(data: Uint8Array, start: number, end: number): string {
  let e = end;
  while (e > start && data[e - 1] === 0) e--;
  return wireText(data, start, e);
}

/** Colon-separated lower-case hex, e.g. `01:02:0a` (MACs, client identifiers). */
export function hexColons(data: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) {
    const v = data[i] as number;
    s += (i === start ? '' : ':') + (HEX[v >> 4] as string) + (HEX[v & 15] as string);
  }
  return s;
}

/** Dotted-quad text of the IPv4 address at `data[at]` (the caller checked the 4 bytes are there). */
export function ipv4Text(data: Uint8Array, at: number): string {
  return `${data[at] as number}.${data[at + 1] as number}.${data[at + 2] as number}.${data[at + 3] as number}`;
}

export function be16(data: Uint8Array, at: number): number {
  return ((data[at] as number) << 8) | (data[at + 1] as number);
}

export function be32(data: Uint8Array, at: number): number {
  return (((data[at] as number) << 24) | ((data[at + 1] as number) << 16) | ((data[at + 2] as number) << 8) |
    (data[at + 3] as number)) >>> 0;
}
