// IP ranges to autonomous systems from ip-location-db's numeric CSVs, in sorted typed arrays searched by bisection.
import { type AutonomousSystem, autonomousSystemOf } from './geo-record.js';

export interface AsnTableStats {
  readonly v4Ranges: number;
  readonly v6Ranges: number;
  readonly systems: number;
  /** Ranges that overlapped the one before; the earlier range was cut short (the later one wins). */
  readonly overlapsClipped: number;
  /** Bytes held in the typed arrays (not counting the organization names). */
  readonly arrayBytes: number;
}

/**
 * The CSV format (ip-location-db README, "CSV Format"): `start,end,asn,organization`, inclusive
 * ranges in ascending order, addresses as decimal integers (IPv6 as 128-bit decimals), the
 * organization quoted when it holds a comma, with `""` for a quote (RFC 4180 §2).
 * IPv4 rows are uint32 starts/ends; IPv6 rows are four big-endian uint32 words each. Each row
 * keeps the index of its system in a shared array of frozen `as` objects, so a lookup returns
 * an existing object and allocates nothing. Every ASN has one organization in these files, so
 * names are decoded once per ASN.
 */
export class AsnTable {
  private constructor(
    private readonly v4Start: Uint32Array,
    private readonly v4End: Uint32Array,
    private readonly v4System: Uint32Array,
    /** v4Bucket[k]: the first row whose start is ≥ k << 16 (k = 0..65536), to narrow the search to one /16. */
    private readonly v4Bucket: Uint32Array,
    private readonly v6Start: Uint32Array,
    private readonly v6End: Uint32Array,
    private readonly v6System: Uint32Array,
    private readonly systems: readonly AutonomousSystem[],
    readonly stats: AsnTableStats,
  ) {}

  /** Builds the table from the bytes of `asn-ipv4-num.csv` and `asn-ipv6-num.csv`. Throws on a malformed row. */
  static fromCsv(v4Csv: Uint8Array, v6Csv: Uint8Array): AsnTable {
    const systems: AutonomousSystem[] = [];
    const indexByAsn = new Map<number, number>();
    const v4 = parseRows(v4Csv, 1, systems, indexByAsn, 'IPv4');
    const v6 = parseRows(v6Csv, 4, systems, indexByAsn, 'IPv6');
    const bucket = bucketIndex(v4.start);
    const arrays = [bucket, v4.start, v4.end, v4.system, v6.start, v6.end, v6.system];
    const arrayBytes = arrays.reduce((n, a) => n + a.byteLength, 0);
    return new AsnTable(v4.start, v4.end, v4.system, bucket, v6.start, v6.end, v6.system, systems, {
      v4Ranges: v4.system.length,
      v6Ranges: v6.system.length,
      systems: systems.length,
      overlapsClipped: v4.clipped + v6.clipped,
      arrayBytes,
    });
  }

  /** The system announcing an IPv4 address (uint32), or undefined. */
  lookupV4(address: number): AutonomousSystem | undefined {
    const starts = this.v4Start;
    // The last row starting at or before the address is at most one row before its /16's first row.
    const top = address >>> 16;
    let lo = Math.max(0, (this.v4Bucket[top] as number) - 1);
    let hi = (this.v4Bucket[top + 1] as number) - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if ((starts[mid] as number) <= address) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    if (found < 0 || address > (this.v4End[found] as number)) return undefined;
    return this.systems[this.v4System[found] as number];
  }

  /** The system announcing the IPv6 address in `words[0..4)` (big-endian uint32 words), or undefined. */
  lookupV6(words: Uint32Array): AutonomousSystem | undefined {
    let lo = 0;
    let hi = this.v6System.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (compare128(this.v6Start, mid * 4, words) <= 0) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    if (found < 0 || compare128(this.v6End, found * 4, words) < 0) return undefined;
    return this.systems[this.v6System[found] as number];
  }
}

/** The /16 bucket index of sorted IPv4 starts. */
function bucketIndex(starts: Uint32Array): Uint32Array {
  const bucket = new Uint32Array(65_537);
  let row = 0;
  for (let k = 0; k <= 65_536; k++) {
    const first = k * 65_536;
    while (row < starts.length && (starts[row] as number) < first) row++;
    bucket[k] = row;
  }
  return bucket;
}

/** Sign of `table[at..at+4) − words[0..4)`, comparing big-endian uint32 words. */
function compare128(table: Uint32Array, at: number, words: Uint32Array): number {
  for (let w = 0; w < 4; w++) {
    const a = table[at + w] as number;
    const b = words[w] as number;
    if (a !== b) return a < b ? -1 : 1;
  }
  return 0;
}

interface Rows {
  start: Uint32Array;
  end: Uint32Array;
  system: Uint32Array;
  clipped: number;
}

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Parses every row; `wordsPerAddress` is 1 (IPv4) or 4 (IPv6). */
function parseRows(csv: Uint8Array, wordsPerAddress: 1 | 4, systems: AutonomousSystem[],
  indexByAsn: Map<number, number>, family: string): Rows {
  let rows = 0;
  for (let i = 0; i < csv.length; i++) if (csv[i] === LF) rows++;
  if (csv.length > 0 && csv[csv.length - 1] !== LF) rows++;
  let start = new Uint32Array(rows * wordsPerAddress);
  let end = new Uint32Array(rows * wordsPerAddress);
  let system = new Uint32Array(rows);
  const decoder = new TextDecoder();
  let n = 0;
  let clipped = 0;
  let at = 0;
  let line = 1;
  const fail = (what: string): never => {
    throw new RangeError(`ASN ${family} CSV line ${line}: ${what}`);
  };
  while (at < csv.length) {
    if (csv[at] === LF || csv[at] === CR) {
      at++;
      if (csv[at - 1] === LF) line++;
      continue;
    }
    at = readDecimal(csv, at, start, n * wordsPerAddress, wordsPerAddress) ?? fail('bad range start');
    at = expectComma(csv, at) ?? fail('missing comma after the start');
    at = readDecimal(csv, at, end, n * wordsPerAddress, wordsPerAddress) ?? fail('bad range end');
    at = expectComma(csv, at) ?? fail('missing comma after the end');
    at = readDecimal(csv, at, scratch, 0, 1) ?? fail('bad AS number');
    const asn = scratch[0] as number;
    at = expectComma(csv, at) ?? fail('missing comma after the AS number');
    // The organization: quoted (RFC 4180) or bare to the end of the line.
    let orgStart = at;
    let orgEnd: number;
    let quoted = false;
    if (csv[at] === QUOTE) {
      quoted = true;
      orgStart = ++at;
      for (;;) {
        if (at >= csv.length) fail('unterminated quoted organization');
        if (csv[at] === QUOTE) {
          if (csv[at + 1] === QUOTE) at += 2;
          else break;
        } else {
          at++;
        }
      }
      orgEnd = at++;
    } else {
      while (at < csv.length && csv[at] !== LF && csv[at] !== CR) at++;
      orgEnd = at;
    }
    if (at < csv.length && csv[at] !== LF && csv[at] !== CR) fail('text after the organization');
    let index = indexByAsn.get(asn);
    if (index === undefined) {
      let name = decoder.decode(csv.subarray(orgStart, orgEnd));
      if (quoted) name = name.replaceAll('""', '"');
      index = systems.length;
      systems.push(autonomousSystemOf(asn, name));
      indexByAsn.set(asn, index);
    }
    system[n] = index;
    if (compareRows(end, start, n, n, wordsPerAddress) < 0) fail('range ends before it starts');
    if (n > 0) {
      if (compareRows(start, start, n, n - 1, wordsPerAddress) < 0) fail('rows are not in ascending order');
      // Overlap with the previous range: cut the previous one short so ranges stay disjoint.
      if (compareRows(start, end, n, n - 1, wordsPerAddress) <= 0) {
        setToPredecessor(end, start, n - 1, n, wordsPerAddress);
        clipped++;
      }
    }
    n++;
  }
  if (n !== rows) {
    start = start.slice(0, n * wordsPerAddress);
    end = end.slice(0, n * wordsPerAddress);
    system = system.slice(0, n);
  }
  return { start, end, system, clipped };
}

const scratch = new Uint32Array(1);

function expectComma(csv: Uint8Array, at: number): number | undefined {
  return csv[at] === COMMA ? at + 1 : undefined;
}

/**
 * A decimal at `csv[at..]` into `words` big-endian uint32 words at `out[o..]`. IPv4 values
 * accumulate in one double (exact below 2⁵³); 128-bit values take four digits at a time:
 * word × 10⁴ + carry stays below 2⁴⁶, so the arithmetic is exact. Undefined on no digits or overflow.
 */
function readDecimal(csv: Uint8Array, at: number, out: Uint32Array, o: number, words: number): number | undefined {
  const first = at;
  const length = csv.length;
  if (words === 1) {
    let value = 0;
    while (at < length) {
      const d = (csv[at] as number) - 48;
      if (d < 0 || d > 9) break;
      value = value * 10 + d;
      if (value > 0xffffffff) return undefined;
      at++;
    }
    out[o] = value;
    return at === first ? undefined : at;
  }
  for (let w = 0; w < words; w++) out[o + w] = 0;
  for (;;) {
    let chunk = 0;
    let scale = 1;
    while (scale < 10_000 && at < length) {
      const d = (csv[at] as number) - 48;
      if (d < 0 || d > 9) break;
      chunk = chunk * 10 + d;
      scale *= 10;
      at++;
    }
    if (scale === 1) break;
    let carry = chunk;
    for (let w = words - 1; w >= 0; w--) {
      const v = (out[o + w] as number) * scale + carry;
      const low = v >>> 0;
      out[o + w] = low;
      carry = (v - low) / 0x1_0000_0000;
    }
    if (carry !== 0) return undefined;
    if (scale < 10_000) break;
  }
  return at === first ? undefined : at;
}

function compareRows(a: Uint32Array, b: Uint32Array, i: number, j: number, words: number): number {
  for (let w = 0; w < words; w++) {
    const x = a[i * words + w] as number;
    const y = b[j * words + w] as number;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** `target[i] = source[j] − 1` over `words` big-endian words (source[j] > 0 here: it follows a row). */
function setToPredecessor(target: Uint32Array, source: Uint32Array, i: number, j: number, words: number): void {
  let borrow = 1;
  for (let w = words - 1; w >= 0; w--) {
    const v = (source[j * words + w] as number) - borrow;
    target[i * words + w] = v < 0 ? v + 0x1_0000_0000 : v;
    borrow = v < 0 ? 1 : 0;
  }
}
