// IP address text to big-endian 32-bit words, without allocating: the key the ASN tables and HOME_NET are searched by.

/** Groups of the IPv6 address being parsed (module scratch: parsing is synchronous). */
const groups = new Uint16Array(8);

/**
 * Parses dotted-quad IPv4 (RFC 791 text form) into `out[0]`, or IPv6 text (RFC 4291 §2.2: full,
 * `::`-compressed, or with a trailing dotted IPv4) into `out[0..4)`. IPv4-mapped IPv6
 * (`::ffff:a.b.c.d`, RFC 4291 §2.5.5.2) is returned as the IPv4 address it carries, since GeoIP
 * data and HOME_NET name it that way. Returns 4, 6, or 0 when the text is not an address.
 */
export function parseIpWords(text: string, out: Uint32Array): 0 | 4 | 6 {
  if (text.indexOf(':') < 0) {
    const v4 = parseV4(text, 0, text.length);
    if (v4 < 0) return 0;
    out[0] = v4;
    return 4;
  }
  if (!parseV6(text)) return 0;
  for (let w = 0; w < 4; w++) out[w] = (((groups[2 * w] as number) << 16) | (groups[2 * w + 1] as number)) >>> 0;
  if (out[0] === 0 && out[1] === 0 && out[2] === 0xffff) {
    out[0] = out[3] as number;
    return 4;
  }
  return 6;
}

/** The IPv4 address in `text[start..end)` as an unsigned 32-bit number, or -1. */
function parseV4(text: string, start: number, end: number): number {
  let value = 0;
  let octets = 0;
  let i = start;
  while (i <= end) {
    let octet = 0;
    let digits = 0;
    while (i < end) {
      const c = text.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      octet = octet * 10 + c;
      digits++;
      i++;
    }
    if (digits === 0 || digits > 3 || octet > 255) return -1;
    value = value * 256 + octet;
    octets++;
    if (i === end) break;
    if (text.charCodeAt(i) !== 46 || octets === 4) return -1;
    i++;
  }
  return octets === 4 ? value : -1;
}

function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** Fills `groups` from IPv6 text; false when malformed. */
function parseV6(text: string): boolean {
  const end = text.length;
  let n = 0;
  let gap = -1;
  let i = 0;
  if (text.charCodeAt(0) === 58) {
    if (text.charCodeAt(1) !== 58) return false;
    gap = 0;
    i = 2;
  }
  while (i < end) {
    const groupStart = i;
    let value = 0;
    let digits = 0;
    while (i < end && digits <= 4) {
      const d = hexDigit(text.charCodeAt(i));
      if (d < 0) break;
      value = value * 16 + d;
      digits++;
      i++;
    }
    if (i < end && text.charCodeAt(i) === 46) {
      // A trailing dotted IPv4 fills the last two groups (RFC 4291 §2.2 form 3).
      const v4 = parseV4(text, groupStart, end);
      if (v4 < 0 || n > 6) return false;
      groups[n++] = v4 >>> 16;
      groups[n++] = v4 & 0xffff;
      i = end;
      break;
    }
    if (digits === 0 || digits > 4 || n === 8) return false;
    groups[n++] = value;
    if (i === end) break;
    if (text.charCodeAt(i) !== 58) return false;
    i++;
    if (text.charCodeAt(i) === 58) {
      if (gap >= 0) return false;
      gap = n;
      i++;
    } else if (i === end) {
      return false;
    }
  }
  if (gap < 0) return n === 8;
  if (n > 7) return false;
  // Move the groups after `::` to the end and zero the gap.
  const tail = n - gap;
  for (let k = 1; k <= tail; k++) groups[8 - k] = groups[n - k] as number;
  for (let k = gap; k < 8 - tail; k++) groups[k] = 0;
  return true;
}
