// SVCB/HTTPS RDATA in presentation form (RFC 9460 §2.1, §2.2, §7; Appendix A for value escaping).
import { base64Text, escapedText, ipv4Text, ipv6Text, readU16 } from './dns-text.js';

/** SvcParamKey mnemonics (RFC 9460 §14.3.2; dohpath RFC 9461 §5). */
const keyNames = ['mandatory', 'alpn', 'no-default-alpn', 'port', 'ipv4hint', 'ech', 'ipv6hint', 'dohpath'];

export function svcParamKeyName(key: number): string {
  return keyNames[key] ?? `key${key}`;
}

/**
 * The SvcParams in `data[from, to)` as `key=value` words, or null when malformed: a value cut
 * short, keys not in strictly increasing order (RFC 9460 §2.2 says such an RR is malformed), or
 * a value whose length does not fit its key (§7).
 */
export function svcParamsText(data: Uint8Array, from: number, to: number): string | null {
  let text = '';
  let pos = from;
  let lastKey = -1;
  while (pos < to) {
    if (pos + 4 > to) return null;
    const key = readU16(data, pos);
    const len = readU16(data, pos + 2);
    const value = pos + 4;
    if (value + len > to || key <= lastKey) return null;
    const shown = svcParamValue(data, key, value, value + len);
    if (shown === null) return null;
    text += ` ${svcParamKeyName(key)}${shown}`;
    lastKey = key;
    pos = value + len;
  }
  return text;
}

/** `=value` for one parameter ('' for no-default-alpn), or null if the length is wrong for the key. */
function svcParamValue(data: Uint8Array, key: number, from: number, to: number): string | null {
  const len = to - from;
  switch (key) {
    case 0: { // mandatory: a list of keys
      if (len === 0 || len % 2 !== 0) return null;
      const names: string[] = [];
      for (let i = from; i < to; i += 2) names.push(svcParamKeyName(readU16(data, i)));
      return `=${names.join(',')}`;
    }
    case 1: { // alpn: length-prefixed protocol ids; a comma inside an id is escaped (Appendix A.1)
      if (len === 0) return null;
      const ids: string[] = [];
      for (let i = from; i < to;) {
        const idLen = data[i] as number;
        if (idLen === 0 || i + 1 + idLen > to) return null;
        ids.push(escapedText(data, i + 1, i + 1 + idLen).replace(/,/g, '\\\\,'));
        i += 1 + idLen;
      }
      return `=${ids.join(',')}`;
    }
    case 2:
      return len === 0 ? '' : null;
    case 3:
      return len === 2 ? `=${readU16(data, from)}` : null;
    case 4:
    case 6: {
      const size = key === 4 ? 4 : 16;
      if (len === 0 || len % size !== 0) return null;
      const addresses: string[] = [];
      for (let i = from; i < to; i += size) addresses.push(size === 4 ? ipv4Text(data, i) : ipv6Text(data, i));
      return `=${addresses.join(',')}`;
    }
    case 5:
      return `=${base64Text(data, from, to)}`;
    default:
      return len === 0 ? '' : `="${escapedText(data, from, to)}"`;
  }
}
