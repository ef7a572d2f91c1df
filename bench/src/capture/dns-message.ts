// DNS queries and answers (RFC 1035 §4.1) for generated traffic, written in place from precomputed names.
import { mix32 } from './addresses.js';

export const QTYPE_A = 1;
export const QTYPE_AAAA = 28;
export const QTYPE_HTTPS = 65;

const LABELS = ['www', 'api', 'cdn', 'img', 'static', 'mail', 'login', 'edge', 'video', 'update'];
const DOMAINS = ['example', 'netwatch', 'shop', 'news', 'stream', 'cloud', 'games', 'social', 'bank', 'maps'];
const TLDS = ['com', 'net', 'org', 'io', 'de', 'co.uk'];

/** 2 048 query names in wire form (labels, zero terminator), built once. */
const NAMES: readonly Uint8Array[] = Array.from({ length: 2048 }, (_, i) => {
  const h = mix32(i + 77);
  const text = `${LABELS[h % LABELS.length]}.${DOMAINS[(h >>> 8) % DOMAINS.length]}${i % 97}.${TLDS[(h >>> 16) % TLDS.length]}`;
  const labels = text.split('.');
  const out = new Uint8Array(text.length + 2);
  let o = 0;
  for (const label of labels) {
    out[o++] = label.length;
    for (let c = 0; c < label.length; c++) out[o++] = label.charCodeAt(c);
  }
  return out;
});

export function dnsName(i: number): Uint8Array {
  return NAMES[i % NAMES.length] ?? (NAMES[0] as Uint8Array);
}

export function queryLength(name: number): number {
  return 12 + dnsName(name).length + 4;
}

/** The response's length: the question echoed, plus one answer (compressed name) unless `answers` is 0. */
export function responseLength(name: number, qtype: number, answers: number): number {
  if (answers === 0) return queryLength(name);
  return queryLength(name) + 12 + (qtype === QTYPE_AAAA ? 16 : 4);
}

function header(b: Buffer, o: number, id: number, flags: number, answers: number): void {
  b.writeUInt16BE(id & 0xffff, o);
  b.writeUInt16BE(flags, o + 2);
  b.writeUInt16BE(1, o + 4); // QDCOUNT
  b.writeUInt16BE(answers, o + 6);
  b.writeUInt32BE(0, o + 8); // NSCOUNT, ARCOUNT
}

function question(b: Buffer, o: number, name: number, qtype: number): number {
  const n = dnsName(name);
  b.set(n, o);
  o += n.length;
  b.writeUInt16BE(qtype, o);
  b.writeUInt16BE(1, o + 2); // class IN
  return o + 4;
}

/** A recursive query (RD set). Returns the end offset. */
export function writeQuery(b: Buffer, o: number, id: number, name: number, qtype: number): number {
  header(b, o, id, 0x0100, 0);
  return question(b, o + 12, name, qtype);
}

/**
 * The answer to `writeQuery`: QR, RD, RA and rcode (0 NOERROR, 3 NXDOMAIN); with one answer the
 * owner name is a pointer to the question (0xc00c, RFC 1035 §4.1.4).
 */
export function writeResponse(
  b: Buffer,
  o: number,
  id: number,
  name: number,
  qtype: number,
  rcode: number,
  answers: number,
  address: number,
): number {
  header(b, o, id, 0x8180 | rcode, answers);
  let p = question(b, o + 12, name, qtype);
  if (answers === 0) return p;
  b.writeUInt16BE(0xc00c, p);
  b.writeUInt16BE(qtype === QTYPE_AAAA ? QTYPE_AAAA : QTYPE_A, p + 2);
  b.writeUInt16BE(1, p + 4);
  b.writeUInt32BE(300, p + 6); // TTL
  if (qtype === QTYPE_AAAA) {
    b.writeUInt16BE(16, p + 10);
    b.writeUInt32BE(0x26064700, p + 12);
    b.writeUInt32BE(0, p + 16);
    b.writeUInt32BE(0, p + 20);
    b.writeUInt32BE(address >>> 0, p + 24);
    p += 28;
  } else {
    b.writeUInt16BE(4, p + 10);
    b.writeUInt32BE(address >>> 0, p + 12);
    p += 16;
  }
  return p;
}
