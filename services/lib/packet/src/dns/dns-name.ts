// Reads one domain name from a DNS message (RFC 1035 §3.1, §4.1.4) with strict compression-pointer rules.
import { DnsError, type DnsErrorCode } from './dns-error.js';

/** RFC 1035 §2.3.4: at most 255 octets in wire form (length bytes and the root's zero included). */
export const MAX_NAME_WIRE_LENGTH = 255;
/** RFC 1035 §2.3.4: labels are 63 octets or fewer (the top two bits of a length byte select the label type). */
export const MAX_LABEL_LENGTH = 63;
const HEADER_LENGTH = 12;

/** Where a read stopped: reused by the caller, so reading a name allocates only its text. */
export class NameCursor {
  /** Offset just past the name in the stream it was read from (past the first pointer, if any). */
  end = 0;
  error: DnsErrorCode = DnsError.NONE;
  /** Labels read (0 for the root). */
  labels = 0;
}

/** `\DDD` escapes for the bytes presentation form cannot show bare (RFC 1035 §5.1, RFC 4343 §2.1). */
const labelChar: string[] = Array.from({ length: 256 }, (_, b) => {
  if (b === 0x2e || b === 0x5c) return `\\${String.fromCharCode(b)}`;
  if (b <= 0x20 || b >= 0x7f) return `\\${String(b).padStart(3, '0')}`;
  return String.fromCharCode(b);
});

/**
 * The name at `at` in the message `data[start, end)`, as presentation text without the trailing
 * dot (the root is `.`), case kept. On failure returns '' with `cursor.error` set.
 *
 * Compression (RFC 1035 §4.1.4): a pointer must land inside the message after the header, and
 * strictly before the start of the run of labels that led to it. Targets therefore strictly
 * decrease, so reading ends after at most (end - start) jumps whatever the bytes say, and
 * loops (a pointer back into its own run) and forward pointers are rejected by name.
 */
export function readName(data: Uint8Array, start: number, end: number, at: number, cursor: NameCursor): string {
  let text = '';
  let pos = at;
  let runStart = at;
  let wireLength = 1; // the terminating zero
  let labels = 0;
  let jumped = false;
  cursor.error = DnsError.NONE;
  for (;;) {
    if (pos >= end) return fail(cursor, DnsError.NAME_TRUNCATED);
    const len = data[pos] as number;
    const kind = len & 0xc0;
    if (kind === 0xc0) {
      if (pos + 1 >= end) return fail(cursor, DnsError.NAME_TRUNCATED);
      const target = start + (((len & 0x3f) << 8) | (data[pos + 1] as number));
      if (!jumped) cursor.end = pos + 2;
      jumped = true;
      if (target >= end || target < start + HEADER_LENGTH) return fail(cursor, DnsError.POINTER_OUT_OF_RANGE);
      if (target >= pos) return fail(cursor, DnsError.POINTER_FORWARD);
      if (target >= runStart) return fail(cursor, DnsError.POINTER_LOOP);
      pos = target;
      runStart = target;
      continue;
    }
    if (kind !== 0) return fail(cursor, DnsError.BAD_LABEL_TYPE);
    if (len === 0) {
      if (!jumped) cursor.end = pos + 1;
      cursor.labels = labels;
      return labels === 0 ? '.' : text;
    }
    wireLength += len + 1;
    if (wireLength > MAX_NAME_WIRE_LENGTH) return fail(cursor, DnsError.NAME_TOO_LONG);
    if (pos + 1 + len > end) return fail(cursor, DnsError.NAME_TRUNCATED);
    if (labels > 0) text += '.';
    for (let i = pos + 1; i <= pos + len; i++) text += labelChar[data[i] as number] as string;
    labels++;
    pos += len + 1;
  }
}

function fail(cursor: NameCursor, error: DnsErrorCode): string {
  cursor.error = error;
  cursor.labels = 0;
  return '';
}
