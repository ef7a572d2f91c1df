// NetBIOS name service (RFC 1001/1002, UDP 137): names registered, queried and answered, with their addresses.
import { type Parsed, parsed, refused } from './parse-result.js';
import { be16, be32, hexColons, ipv4Text } from './wire-text.js';

const HEADER_LEN = 12;
/** RFC 1002 §4.2.1.1 opcodes. */
export const nbnsOpcodeNames: Readonly<Record<number, string>> = {
  0: 'query', 5: 'registration', 6: 'release', 7: 'wack', 8: 'refresh', 9: 'refresh', 15: 'multihomed_registration',
};
/** RR types (RFC 1002 §4.2.1.3): NB (name → addresses) and NBSTAT (node status). */
const TYPE_NB = 0x20;
const TYPE_NBSTAT = 0x21;
/** Name pointers followed before giving up (RFC 1002 §4.1 uses RFC 883 label compression). */
const MAX_POINTERS = 8;
const MAX_RECORDS = 32;
const MAX_ADDRESSES = 32;

export interface NbnsName {
  /** The 15-character name, trailing spaces removed. */
  readonly name: string;
  /** The 16th byte: the name type (0x00 workstation, 0x20 file server, 0x1b/0x1c/0x1d/0x1e domain roles). */
  readonly suffix: number;
}

export interface NbnsRecord extends NbnsName {
  readonly type: number;
  readonly ttlSec: number;
  /** NB_FLAGS G bit: a group name rather than a unique one. */
  readonly group: boolean;
  readonly addresses: readonly string[];
}

export interface NbnsMessage {
  readonly transactionId: number;
  readonly isResponse: boolean;
  readonly opcode: number;
  readonly rcode: number;
  readonly question: NbnsName | undefined;
  readonly records: readonly NbnsRecord[];
  /** A node status (NBSTAT) response: the names the node holds and its MAC (unit ID). */
  readonly nodeNames: readonly (NbnsName & { readonly group: boolean })[];
  readonly unitId: string | undefined;
}

/** 16 bytes of a decoded name as name + suffix (RFC 1001 §14.1: space-padded to 15, then the type byte). */
function splitName(bytes: number[]): NbnsName {
  let last = 15;
  while (last > 0 && (bytes[last - 1] === 0x20 || bytes[last - 1] === 0)) last--;
  return { name: String.fromCharCode(...bytes.slice(0, last)), suffix: bytes[15] as number };
}

/**
 * Reads the encoded name at `at` (RFC 1001 §14.1 first-level encoding: 32 bytes 'A'..'P', each
 * pair one byte as two nibbles; then scope labels, RFC 1002 §4.1) and returns it with the offset
 * after it, or a reason. Compression pointers must point backwards, so they cannot loop.
 */
function readName(data: Uint8Array, at: number, start: number, end: number):
  { name: NbnsName; next: number } | string {
  let p = at;
  let next = -1;
  for (let hops = 0; ; hops++) {
    if (p >= end) return 'name_truncated';
    const length = data[p] as number;
    if ((length & 0xc0) !== 0xc0) break;
    if (hops === MAX_POINTERS || p + 2 > end) return 'bad_name_pointer';
    const target = start + (be16(data, p) & 0x3fff);
    if (target >= p) return 'bad_name_pointer';
    if (next < 0) next = p + 2;
    p = target;
  }
  if (data[p] !== 32) return 'bad_name_length';
  if (p + 33 > end) return 'name_truncated';
  const bytes: number[] = [];
  for (let i = 0; i < 16; i++) {
    const hi = (data[p + 1 + 2 * i] as number) - 0x41;
    const lo = (data[p + 2 + 2 * i] as number) - 0x41;
    if (hi < 0 || hi > 15 || lo < 0 || lo > 15) return 'bad_name_encoding';
    bytes.push((hi << 4) | lo);
  }
  // Skip the scope labels up to the root label (each a length byte and that many bytes).
  let q = p + 33;
  for (let labels = 0; ; labels++) {
    if (q >= end || labels > 63) return 'name_truncated';
    const length = data[q] as number;
    if (length === 0) {
      q++;
      break;
    }
    if ((length & 0xc0) !== 0) return 'bad_name_length';
    q += 1 + length;
  }
  return { name: splitName(bytes), next: next < 0 ? q : next };
}

/** Parses the NBNS message in the UDP payload `data[offset, offset + length)`. */
export function parseNbns(data: Uint8Array, offset: number, length: number): Parsed<NbnsMessage> {
  const end = offset + length;
  if (length < HEADER_LEN) return refused('truncated');
  const flags = be16(data, offset + 2);
  const qdcount = be16(data, offset + 4);
  const rrCount = be16(data, offset + 6) + be16(data, offset + 8) + be16(data, offset + 10);
  if (qdcount > 1 || rrCount > MAX_RECORDS) return refused('bad_count');
  let p = offset + HEADER_LEN;
  let question: NbnsName | undefined;
  if (qdcount === 1) {
    const name = readName(data, p, offset, end);
    if (typeof name === 'string') return refused(name);
    if (end - name.next < 4) return refused('truncated');
    question = name.name;
    p = name.next + 4;
  }
  const records: NbnsRecord[] = [];
  const nodeNames: (NbnsName & { group: boolean })[] = [];
  let unitId: string | undefined;
  for (let i = 0; i < rrCount; i++) {
    const name = readName(data, p, offset, end);
    if (typeof name === 'string') return refused(name);
    const r = name.next;
    if (end - r < 10) return refused('truncated');
    const type = be16(data, r);
    const ttlSec = be32(data, r + 4);
    const rdLength = be16(data, r + 8);
    const rd = r + 10;
    if (end - rd < rdLength) return refused('truncated');
    if (type === TYPE_NB) {
      // RFC 1002 §4.2.2: NB_FLAGS (G bit 15, ONT bits 14–13) and an IPv4 address per entry.
      if (rdLength % 6 !== 0) return refused('bad_rdata_length');
      const addresses: string[] = [];
      for (let a = rd; a < rd + rdLength && addresses.length < MAX_ADDRESSES; a += 6) {
        addresses.push(ipv4Text(data, a + 2));
      }
      const group = rdLength > 0 && (be16(data, rd) & 0x8000) !== 0;
      records.push({ ...name.name, type, ttlSec, group, addresses });
    } else if (type === TYPE_NBSTAT && (flags & 0x8000) !== 0) {
      // RFC 1002 §4.2.18: name count, 18 bytes per name (16 name bytes + NAME_FLAGS), then the 6-byte unit ID.
      if (rdLength < 1) return refused('bad_rdata_length');
      const count = data[rd] as number;
      if (1 + count * 18 > rdLength) return refused('bad_rdata_length');
      for (let n = 0; n < count; n++) {
        const at = rd + 1 + n * 18;
        const group = ((data[at + 16] as number) & 0x80) !== 0;
        nodeNames.push({ ...splitName(Array.from(data.subarray(at, at + 16))), group });
      }
      const unit = rd + 1 + count * 18;
      if (unit + 6 <= rd + rdLength) unitId = hexColons(data, unit, unit + 6);
      records.push({ ...name.name, type, ttlSec, group: false, addresses: [] });
    } else {
      records.push({ ...name.name, type, ttlSec, group: false, addresses: [] });
    }
    p = rd + rdLength;
  }
  return parsed({ transactionId: be16(data, offset), isResponse: (flags & 0x8000) !== 0, opcode: (flags >> 11) & 0xf,
    rcode: flags & 0xf, question, records, nodeNames, unitId });
}
