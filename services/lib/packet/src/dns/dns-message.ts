// Strict, bounds-checked parser of one DNS message (RFC 1035 §4) into header, sections and EDNS; never throws.
//
// API (shared by the DNS sensor and the asset sensor's mDNS/DNS-SD and NetBIOS name service parsing):
//
//   parseDnsMessage(data, offset, length, options?) → DnsParseResult
//     data[offset, offset + length) is one whole message (UDP payload, or one TCP message without its
//     2-byte length prefix, RFC 7766 §8). Returns { message, error: 0 } or { message: null, error, errorOffset }
//     where error is a DnsError code (names in dnsErrorNames, e.g. 'dns_pointer_loop'). The bytes are not
//     kept: every field is copied into plain objects, so data may be reused after the call.
//   options.rdata: 'text' (default: RDATA in presentation form, see dns-rdata.ts), 'generic' (every RDATA as
//     RFC 3597 `\# len hex`, for protocols that reuse type numbers, e.g. NetBIOS NBSTAT = 33), or 'none' ('').
//     Record.rdataOffset/rdataLength always locate the raw RDATA in `data` for callers with their own formats.
//   options.maxRecords: refuse (COUNT_MISMATCH) messages whose section counts sum above it (default 65535×4).
//   Classes are kept raw: mDNS's unicast-response / cache-flush bit (RFC 6762 §18.12, §10.2) is class & 0x8000.
//   Names are presentation text without the trailing dot (the root is '.'), case as on the wire, special
//   bytes escaped as \. \\ \DDD (RFC 1035 §5.1). Other exports: readName/NameCursor (dns-name.ts), rdataText,
//   dnsTypeName/dnsClassName/dnsRcodeName/dnsOpcodeName (dns-names.ts), readEdns (dns-edns.ts).
//
// Strictness: every length is checked before a read; compression pointers must point backwards before the
// current run of labels (loops and forward or out-of-range pointers are rejected by name); names are at most
// 255 octets, labels 63; section counts that promise more than the bytes hold are COUNT_MISMATCH; bytes after
// the last record are allowed and reported as `trailingBytes` (some stacks pad). One OPT at most, owned by the
// root and only in the additional section (RFC 6891 §6.1.1), else BAD_OPT.
import { type DnsEdns, type EdnsResult, readEdns } from './dns-edns.js';
import { DnsError, type DnsErrorCode } from './dns-error.js';
import { NameCursor, readName } from './dns-name.js';
import { DnsType } from './dns-names.js';
import { genericRdata, rdataText } from './dns-rdata.js';
import { readU16, readU32 } from './dns-text.js';

export { type DnsEdns, type EdnsOptionEntry } from './dns-edns.js';
export { DNS_ERROR_COUNT, DnsError, type DnsErrorCode, type DnsErrorName, dnsErrorNames } from './dns-error.js';
export { MAX_LABEL_LENGTH, MAX_NAME_WIRE_LENGTH, NameCursor, readName } from './dns-name.js';
export {
  dnsClassName, dnsOpcodeName, dnsRcodeName, DnsType, dnsTypeName, dnsTypeValue, EdnsOption,
} from './dns-names.js';
export { genericRdata, rdataText } from './dns-rdata.js';

export const DNS_HEADER_LENGTH = 12;

/** The fixed header (RFC 1035 §4.1.1; AD and CD from RFC 4035 §3.2). */
export interface DnsHeader {
  readonly id: number;
  /** The raw 16-bit word after the id: QR, OPCODE, AA, TC, RD, RA, Z, AD, CD, RCODE. */
  readonly flags: number;
  readonly qr: boolean;
  readonly opcode: number;
  readonly aa: boolean;
  readonly tc: boolean;
  readonly rd: boolean;
  readonly ra: boolean;
  readonly z: boolean;
  readonly ad: boolean;
  readonly cd: boolean;
  /** The header's 4 RCODE bits (see DnsMessage.rcode for the EDNS-extended value). */
  readonly rcode: number;
  readonly qdcount: number;
  readonly ancount: number;
  readonly nscount: number;
  readonly arcount: number;
}

export interface DnsQuestion {
  readonly name: string;
  readonly type: number;
  readonly class: number;
}

export interface DnsRecord {
  readonly name: string;
  readonly type: number;
  readonly class: number;
  readonly ttl: number;
  readonly rdataOffset: number;
  readonly rdataLength: number;
  /** RDATA in presentation form (or as options.rdata asks). */
  readonly data: string;
}

export interface DnsMessage {
  readonly header: DnsHeader;
  readonly questions: readonly DnsQuestion[];
  readonly answers: readonly DnsRecord[];
  readonly authorities: readonly DnsRecord[];
  /** The additional section without the OPT pseudo-record (that is `edns`). */
  readonly additionals: readonly DnsRecord[];
  readonly edns: DnsEdns | null;
  /** 12-bit RCODE: EDNS extended bits above the header's 4 (RFC 6891 §6.1.3). */
  readonly rcode: number;
  /** Bytes after the last record. */
  readonly trailingBytes: number;
}

export type DnsParseResult =
  | { readonly message: DnsMessage; readonly error: 0; readonly errorOffset: -1 } |
  { readonly message: null; readonly error: Exclude<DnsErrorCode, 0>; readonly errorOffset: number };

export interface DnsParseOptions {
  readonly rdata?: 'text' | 'generic' | 'none';
  readonly maxRecords?: number;
}

/** Every question is at least 5 bytes (root name, type, class), every record 11 (root, fixed fields). */
const MIN_QUESTION = 5;
const MIN_RECORD = 11;

class ParseFailure {
  constructor(readonly error: Exclude<DnsErrorCode, 0>, readonly at: number) {}
}

export function parseDnsMessage(
  data: Uint8Array, offset: number, length: number, options: DnsParseOptions = {},
): DnsParseResult {
  const start = offset;
  const end = Math.min(offset + Math.max(0, length), data.length);
  if (end - start < DNS_HEADER_LENGTH) return failed(DnsError.HEADER_TRUNCATED, start);
  const header = readHeader(data, start);
  const counted = header.qdcount + header.ancount + header.nscount + header.arcount;
  const body = end - start - DNS_HEADER_LENGTH;
  // Lying counts are caught before any work: the bytes cannot hold that many entries.
  if (header.qdcount * MIN_QUESTION + (counted - header.qdcount) * MIN_RECORD > body ||
    counted > (options.maxRecords ?? 4 * 0xffff)) {
    return failed(DnsError.COUNT_MISMATCH, start + 4);
  }
  const cursor = new NameCursor();
  const state = { pos: start + DNS_HEADER_LENGTH, edns: null as DnsEdns | null };
  const mode = options.rdata ?? 'text';
  try {
    const questions: DnsQuestion[] = [];
    for (let i = 0; i < header.qdcount; i++) {
      const name = readName(data, start, end, state.pos, cursor);
      if (cursor.error !== DnsError.NONE) throw new ParseFailure(cursor.error, state.pos);
      if (cursor.end + 4 > end) throw new ParseFailure(DnsError.COUNT_MISMATCH, cursor.end);
      questions.push({ name, type: readU16(data, cursor.end), class: readU16(data, cursor.end + 2) });
      state.pos = cursor.end + 4;
    }
    const section = (count: number, additional: boolean): DnsRecord[] => {
      const records: DnsRecord[] = [];
      for (let i = 0; i < count; i++) {
        const record = readRecord(data, start, end, state, cursor, mode, additional);
        if (record !== null) records.push(record);
      }
      return records;
    };
    const answers = section(header.ancount, false);
    const authorities = section(header.nscount, false);
    const additionals = section(header.arcount, true);
    const rcode = state.edns ? (state.edns.extendedRcode << 4) | header.rcode : header.rcode;
    const message: DnsMessage = {
      header, questions, answers, authorities, additionals, edns: state.edns, rcode, trailingBytes: end - state.pos,
    };
    return { message, error: 0, errorOffset: -1 };
  } catch (failure) {
    // Only ParseFailure is thrown inside this function; anything else is a bug and propagates.
    if (failure instanceof ParseFailure) return failed(failure.error, failure.at);
    throw failure;
  }
}

function failed(error: Exclude<DnsErrorCode, 0>, at: number): DnsParseResult {
  return { message: null, error, errorOffset: at };
}

function readHeader(data: Uint8Array, at: number): DnsHeader {
  const flags = readU16(data, at + 2);
  return {
    id: readU16(data, at),
    flags,
    qr: (flags & 0x8000) !== 0,
    opcode: (flags >> 11) & 0xf,
    aa: (flags & 0x0400) !== 0,
    tc: (flags & 0x0200) !== 0,
    rd: (flags & 0x0100) !== 0,
    ra: (flags & 0x0080) !== 0,
    z: (flags & 0x0040) !== 0,
    ad: (flags & 0x0020) !== 0,
    cd: (flags & 0x0010) !== 0,
    rcode: flags & 0xf,
    qdcount: readU16(data, at + 4),
    ancount: readU16(data, at + 6),
    nscount: readU16(data, at + 8),
    arcount: readU16(data, at + 10),
  };
}

/** One resource record (RFC 1035 §4.1.3); returns null for the OPT record, which goes to `state.edns`. */
function readRecord(
  data: Uint8Array, start: number, end: number, state: { pos: number; edns: DnsEdns | null }, cursor: NameCursor,
  mode: 'text' | 'generic' | 'none', additional: boolean,
): DnsRecord | null {
  const at = state.pos;
  if (at >= end) throw new ParseFailure(DnsError.COUNT_MISMATCH, at);
  const name = readName(data, start, end, at, cursor);
  if (cursor.error !== DnsError.NONE) throw new ParseFailure(cursor.error, at);
  const fixed = cursor.end;
  if (fixed + 10 > end) throw new ParseFailure(DnsError.RECORD_TRUNCATED, fixed);
  const type = readU16(data, fixed);
  const cls = readU16(data, fixed + 2);
  const ttl = readU32(data, fixed + 4);
  const rdLength = readU16(data, fixed + 8);
  const rdata = fixed + 10;
  if (rdata + rdLength > end) throw new ParseFailure(DnsError.RDATA_OVERFLOW, fixed + 8);
  state.pos = rdata + rdLength;
  if (type === DnsType.OPT) {
    if (!additional || state.edns !== null || name !== '.') throw new ParseFailure(DnsError.BAD_OPT, at);
    const result: EdnsResult = { edns: null, error: DnsError.NONE };
    readEdns(data, cls, ttl, rdata, rdLength, result);
    if (result.error !== DnsError.NONE) throw new ParseFailure(result.error, rdata);
    if (result.edns === null) throw new ParseFailure(DnsError.BAD_OPT, rdata);
    state.edns = result.edns;
    return null;
  }
  let text = '';
  if (mode === 'text') {
    text = rdataText(data, start, end, type, rdata, rdLength, cursor);
    if (cursor.error !== DnsError.NONE) throw new ParseFailure(cursor.error, rdata);
  } else if (mode === 'generic') {
    text = genericRdata(data, rdata, rdLength);
  }
  return { name, type, class: cls, ttl, rdataOffset: rdata, rdataLength: rdLength, data: text };
}
