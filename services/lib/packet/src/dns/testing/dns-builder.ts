// Test helper: builds DNS messages byte by byte (uncompressed names unless a pointer is given) for tests and the bench.

export interface BuiltRecord {
  /** Owner name text, or a Uint8Array already in wire form (e.g. a pointer `[0xc0, 12]`). */
  name: string | Uint8Array;
  type: number;
  class?: number;
  ttl?: number;
  rdata: Uint8Array;
}

export interface BuiltMessage {
  id?: number;
  /** The 16-bit flags word (QR, opcode, AA, TC, RD, RA, Z, AD, CD, RCODE). */
  flags?: number;
  questions?: { name: string | Uint8Array; type: number; class?: number }[];
  answers?: BuiltRecord[];
  authorities?: BuiltRecord[];
  additionals?: BuiltRecord[];
  /** Override the four section counts (lying counts). */
  counts?: [number, number, number, number];
}

function cat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export const be16 = (v: number) => Uint8Array.of((v >> 8) & 0xff, v & 0xff);
export const be32 = (v: number) => Uint8Array.of((v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff);
export const ascii = (s: string) => new TextEncoder().encode(s);

/** A name in wire form, labels split on dots ('.' or '' is the root). */
export function wireName(name: string): Uint8Array {
  if (name === '.' || name === '') return Uint8Array.of(0);
  return cat([...name.split('.').map((label) => cat([Uint8Array.of(label.length), ascii(label)])), Uint8Array.of(0)]);
}

/** Wire labels followed by a compression pointer to `target` (RFC 1035 §4.1.4). */
export function pointerName(prefix: string, target: number): Uint8Array {
  const labels = prefix === '' ? [] : prefix.split('.').map((label) => cat([Uint8Array.of(label.length), ascii(label)]));
  return cat([...labels, Uint8Array.of(0xc0 | (target >> 8), target & 0xff)]);
}

const nameBytes = (name: string | Uint8Array) => (typeof name === 'string' ? wireName(name) : name);

function record(r: BuiltRecord): Uint8Array {
  return cat([nameBytes(r.name), be16(r.type), be16(r.class ?? 1), be32(r.ttl ?? 300), be16(r.rdata.length), r.rdata]);
}

export function buildMessage(m: BuiltMessage): Uint8Array {
  const q = m.questions ?? [];
  const an = m.answers ?? [];
  const ns = m.authorities ?? [];
  const ar = m.additionals ?? [];
  const counts = m.counts ?? [q.length, an.length, ns.length, ar.length];
  return cat([
    be16(m.id ?? 0x1234), be16(m.flags ?? 0x0100), ...counts.map(be16),
    ...q.map((x) => cat([nameBytes(x.name), be16(x.type), be16(x.class ?? 1)])),
    ...an.map(record), ...ns.map(record), ...ar.map(record),
  ]);
}

/** RDATA helpers. */
export const rdata = {
  a: (text: string) => Uint8Array.from(text.split('.').map(Number)),
  aaaa: (text: string) => {
    const [head = '', tail] = text.split('::');
    const h = head === '' ? [] : head.split(':');
    const t = tail === undefined || tail === '' ? [] : tail.split(':');
    const groups = [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
    return cat(groups.map((g) => be16(parseInt(g, 16))));
  },
  name: wireName,
  mx: (preference: number, exchange: string) => cat([be16(preference), wireName(exchange)]),
  srv: (priority: number, weight: number, port: number, target: string) =>
    cat([be16(priority), be16(weight), be16(port), wireName(target)]),
  txt: (...strings: string[]) => cat(strings.map((s) => cat([Uint8Array.of(ascii(s).length), ascii(s)]))),
  soa: (mname: string, rname: string, ...numbers: [number, number, number, number, number]) =>
    cat([wireName(mname), wireName(rname), ...numbers.map(be32)]),
  caa: (flags: number, tag: string, value: string) => cat([Uint8Array.of(flags, tag.length), ascii(tag), ascii(value)]),
  /** SVCB/HTTPS: priority, target, then [key, value bytes] pairs in the order given. */
  svcb: (priority: number, target: string, params: [number, Uint8Array][]) =>
    cat([be16(priority), wireName(target), ...params.map(([k, v]) => cat([be16(k), be16(v.length), v]))]),
  /** OPT RDATA from [code, data] options. */
  opt: (options: [number, Uint8Array][]) => cat(options.map(([c, v]) => cat([be16(c), be16(v.length), v]))),
  raw: (...values: number[]) => Uint8Array.from(values),
  cat,
};

/** An OPT pseudo-record (RFC 6891 §6.1.2): UDP size in CLASS, extended RCODE, version and DO in TTL. */
export function optRecord(udpSize: number, extendedRcode = 0, version = 0, dnssecOk = false,
  options: [number, Uint8Array][] = []): BuiltRecord {
  const ttl = ((extendedRcode << 24) | (version << 16) | (dnssecOk ? 0x8000 : 0)) >>> 0;
  return { name: '.', type: 41, class: udpSize, ttl, rdata: rdata.opt(options) };
}
