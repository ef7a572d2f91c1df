// IP address text <-> network-order bytes (RFC 4291 §2.2 parsing, RFC 5952 §4 canonical output).
import { isIPv4, isIPv6 } from 'node:net';

/** Parses dotted-quad IPv4 or RFC 4291 §2.2 IPv6 text (with `::` and a trailing IPv4) to bytes. */
export function parseIp(text: string): Uint8Array {
  if (isIPv4(text)) return parseIpv4(text);
  if (isIPv6(text) && !text.includes('%')) return parseIpv6(text);
  throw new TypeError(`not an IP address: ${JSON.stringify(text)}`);
}

function parseIpv4(text: string): Uint8Array {
  const out = new Uint8Array(4);
  const parts = text.split('.');
  for (let i = 0; i < 4; i++) out[i] = Number(parts[i]);
  return out;
}

// Only called after node:net validated the text, so the shape is known to be well formed.
function parseIpv6(text: string): Uint8Array {
  const out = new Uint8Array(16);
  const groups = (part: string): number[] => {
    if (part === '') return [];
    const words: number[] = [];
    for (const piece of part.split(':')) {
      if (piece.includes('.')) {
        const v4 = parseIpv4(piece);
        words.push(((v4[0] ?? 0) << 8) | (v4[1] ?? 0), ((v4[2] ?? 0) << 8) | (v4[3] ?? 0));
      } else {
        words.push(Number.parseInt(piece, 16));
      }
    }
    return words;
  };
  const gap = text.indexOf('::');
  const head = groups(gap === -1 ? text : text.slice(0, gap));
  const tail = gap === -1 ? [] : groups(text.slice(gap + 2));
  const words = [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
  words.forEach((word, i) => {
    out[i * 2] = word >> 8;
    out[i * 2 + 1] = word & 0xff;
  });
  return out;
}

/**
 * Formats 4 or 16 network-order bytes. IPv6 follows RFC 5952 §4: lowercase, no leading
 * zeros, the longest run (first if tied) of two or more zero groups becomes `::`.
 */
export function formatIp(bytes: Uint8Array): string {
  if (bytes.length === 4) return `${bytes[0]}.${bytes[1]}.${bytes[2]}.${bytes[3]}`;
  if (bytes.length !== 16)
    throw new RangeError(`an IP address is 4 or 16 bytes, got ${bytes.length}`);
  // RFC 5952 §5: IPv4-mapped addresses (RFC 4291 §2.5.5.2) keep the dotted quad.
  if (bytes.subarray(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff) {
    return `::ffff:${formatIp(bytes.subarray(12))}`;
  }
  const words: number[] = [];
  for (let i = 0; i < 16; i += 2) words.push(((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0));
  let bestStart = -1;
  let bestLen = 1; // RFC 5952 §4.2.2: a single zero group is not shortened.
  for (let i = 0; i < 8;) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = (ws: number[]) => ws.map((w) => w.toString(16)).join(':');
  if (bestStart === -1) return hex(words);
  return `${hex(words.slice(0, bestStart))}::${hex(words.slice(bestStart + bestLen))}`;
}

/** The RFC 5952 text of any IP address text, e.g. for a message key. */
export function canonicalIp(text: string): string {
  return formatIp(parseIp(text));
}
