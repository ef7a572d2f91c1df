// SSDP (UPnP Device Architecture 2.0 §1): NOTIFY announcements, M-SEARCH requests and their responses.
import { type Parsed, parsed, refused } from './parse-result.js';
import { wireText } from './wire-text.js';

export type SsdpKind = 'notify' | 'search' | 'response';

export interface SsdpMessage {
  readonly kind: SsdpKind;
  /** Response status code (200), undefined for requests. */
  readonly status: number | undefined;
  /** SERVER (NOTIFY, responses): "OS/version UPnP/2.0 product/version". */
  readonly server: string | undefined;
  /** USER-AGENT of an M-SEARCH. */
  readonly userAgent: string | undefined;
  /** NT of a NOTIFY, ST of a search or response: the device or service type. */
  readonly target: string | undefined;
  /** NTS of a NOTIFY: ssdp:alive, ssdp:byebye, ssdp:update. */
  readonly subtype: string | undefined;
  readonly usn: string | undefined;
  readonly location: string | undefined;
}

/** Header lines read from one message; SSDP messages carry about ten. */
const MAX_HEADERS = 64;
const CR = 0x0d;
const LF = 0x0a;

/** The end of the line starting at `p` (the index of its LF, or of CR LF), or -1 if none before `end`. */
function lineEnd(data: Uint8Array, p: number, end: number): number {
  for (let i = p; i < end; i++) if (data[i] === LF) return i;
  return -1;
}

/** Parses the SSDP message in the UDP payload `data[offset, offset + length)` (HTTP/1.1 over UDP). */
export function parseSsdp(data: Uint8Array, offset: number, length: number): Parsed<SsdpMessage> {
  const end = offset + length;
  const firstEnd = lineEnd(data, offset, end);
  if (firstEnd < 0) return refused('no_start_line');
  const startLine = wireText(data, offset, data[firstEnd - 1] === CR ? firstEnd - 1 : firstEnd);
  let kind: SsdpKind;
  let status: number | undefined;
  if (startLine === 'NOTIFY * HTTP/1.1') {
    kind = 'notify';
  } else if (startLine === 'M-SEARCH * HTTP/1.1') {
    kind = 'search';
  } else {
    const match = /^HTTP\/1\.[01] (\d{3})(?: |$)/.exec(startLine);
    if (match === null) return refused('bad_start_line');
    kind = 'response';
    status = Number(match[1]);
  }
  let server: string | undefined;
  let userAgent: string | undefined;
  let target: string | undefined;
  let subtype: string | undefined;
  let usn: string | undefined;
  let location: string | undefined;
  let p = firstEnd + 1;
  for (let count = 0; ; count++) {
    if (count === MAX_HEADERS) return refused('too_many_headers');
    // A datagram cut after the last header line (no blank line) is still usable.
    if (p >= end) break;
    let e = lineEnd(data, p, end);
    if (e < 0) e = end;
    const lineStop = e > p && data[e - 1] === CR ? e - 1 : e;
    if (lineStop === p) break; // the blank line that ends the headers
    const line = wireText(data, p, lineStop);
    const colon = line.indexOf(':');
    if (colon <= 0) return refused('bad_header');
    // RFC 9112 §5: field names are case-insensitive, optional whitespace around the value.
    const name = line.slice(0, colon).trim().toUpperCase();
    const value = line.slice(colon + 1).trim();
    switch (name) {
      case 'SERVER':
        server = value;
        break;
      case 'USER-AGENT':
        userAgent = value;
        break;
      case 'NT':
        if (kind === 'notify') target = value;
        break;
      case 'ST':
        if (kind !== 'notify') target = value;
        break;
      case 'NTS':
        subtype = value;
        break;
      case 'USN':
        usn = value;
        break;
      case 'LOCATION':
        location = value;
        break;
      default: break;
    }
    p = e + 1;
  }
  return parsed({ kind, status, server, userAgent, target, subtype, usn, location });
}
