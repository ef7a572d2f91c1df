// Bench: DNS transactions/s through netwatch (file read + decode + DNS analyzer) beside tshark on the same capture,
// and netwatch's DNS parser beside dns-packet (messages/s on the same messages, and behaviour on malformed input).
// Run: npx tsc -b bench && node bench/dist/protocols/dns.js [--transactions N] [--runs R]
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Bus } from '@netwatch/kit';
import { createDecodedPacket, decodePacket, forEachPacket, PcapFileWriter, seededUint32 } from '@netwatch/packet';
import * as fb from '@netwatch/packet/decode/testing/frame-builder';
import { dnsErrorNames, parseDnsMessage } from '@netwatch/packet/dns/dns-message';
import { be16, buildMessage, optRecord, pointerName, rdata } from '@netwatch/packet/dns/testing/dns-builder';
import { createDnsAnalyzer, defaultDnsConfig } from '@netwatch/dns-sensor';
import { describeMachine } from '../capture/machine.js';

type DnsPacketModule = { decode(buf: Buffer): unknown };
const dnsPacket = createRequire(import.meta.url)('dns-packet') as DnsPacketModule;
const log = (line: string) => process.stderr.write(`[bench:dns] ${line}\n`);
const cacheDir = fileURLToPath(new URL('../../../.cache/bench/', import.meta.url));

function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
}

/** Answer sections of the generated responses: a realistic resolver mix, with compression pointers throughout. */
function responseFor(kind: number, id: number, name: string): Uint8Array {
  const ptr = pointerName('', 12);
  // The question's parent domain starts after its first label (offset 12 + length byte + label).
  const parent = 13 + (name.split('.')[0] ?? '').length;
  const q = (type: number) => [{ name, type }];
  const opt = [optRecord(1232)];
  switch (kind) {
    case 0: return buildMessage({ id, flags: 0x8180, questions: q(1), answers: [
      { name: ptr, type: 1, ttl: 60, rdata: rdata.a(`192.0.2.${id & 0xff}`) },
      { name: ptr, type: 1, ttl: 60, rdata: rdata.a(`198.51.100.${id & 0xff}`) }], additionals: opt });
    case 1: return buildMessage({ id, flags: 0x8180, questions: q(28), answers: [
      { name: ptr, type: 28, ttl: 300, rdata: rdata.aaaa(`2001:db8::${(id & 0xfff).toString(16)}`) }],
    additionals: opt });
    case 2: return buildMessage({ id, flags: 0x8180, questions: q(1), answers: [
      { name: ptr, type: 5, ttl: 300, rdata: pointerName('edge', parent) },
      { name: pointerName('edge', parent), type: 1, ttl: 20, rdata: rdata.a(`203.0.113.${id & 0xff}`) }],
    additionals: opt });
    case 3: return buildMessage({ id, flags: 0x8183, questions: q(1), authorities: [{ name: pointerName('', parent),
      type: 6, ttl: 900, rdata: rdata.soa('ns1.example.net', 'hostmaster.example.net', id, 7200, 3600, 1209600, 300) }],
    additionals: opt });
    case 4: return buildMessage({ id, flags: 0x8180, questions: q(65), answers: [{ name: ptr, type: 65, ttl: 300,
      rdata: rdata.svcb(1, '.', [[1, rdata.raw(2, 0x68, 0x32, 2, 0x68, 0x33)], [4, rdata.a('192.0.2.7')]]) }],
    additionals: opt });
    case 5: return buildMessage({ id, flags: 0x8180, questions: q(16), answers: [{ name: ptr, type: 16, ttl: 300,
      rdata: rdata.txt('v=spf1 include:_spf.example.net -all', `id=${id}`) }], additionals: opt });
    default: return buildMessage({ id, flags: 0x8180, questions: q(15), answers: [
      { name: ptr, type: 15, ttl: 300, rdata: rdata.cat([be16(10), pointerName('mx1', parent)]) },
      { name: ptr, type: 15, ttl: 300, rdata: rdata.cat([be16(20), pointerName('mx2', parent)]) }], additionals: opt });
  }
}

const QTYPES = [1, 28, 1, 1, 65, 16, 15];
const LABELS = ['www', 'api', 'cdn', 'img', 'login', 'mail', 'update', 'x7k2q9'];
const DOMAINS = ['example', 'netwatch', 'shop', 'news', 'cloud', 'bank', 'maps', 'games'];
const TLDS = ['com', 'net', 'org', 'io', 'co.uk', 'de'];

/** Writes (or reuses) `transactions` seeded UDP query/response pairs under .cache/bench/. */
function ensureCapture(transactions: number, seed: number): string {
  const path = `${cacheDir}dns-${seed}-${transactions}.pcap`;
  if (existsSync(path)) return path;
  mkdirSync(cacheDir, { recursive: true });
  log(`generating ${transactions} DNS transactions (seed ${seed}) into ${path} …`);
  const rand = seededUint32(seed);
  const tmp = `${path}.tmp-${process.pid}`;
  const out = new PcapFileWriter(tmp);
  let t = 1_750_000_000 * 1e6; // microseconds
  for (let i = 0; i < transactions; i++) {
    const h = rand();
    const kind = h % 7;
    const name = `${LABELS[(h >>> 4) % 8]}.${DOMAINS[(h >>> 8) % 8]}${(h >>> 12) % 500}.${TLDS[(h >>> 20) % 6]}`;
    const id = rand() & 0xffff;
    const client = `10.${(h >>> 3) & 0xff}.${(h >>> 11) & 0xff}.${1 + (i % 250)}`;
    const cport = 1024 + (rand() % 64_000);
    const query = buildMessage({ id, flags: 0x0120, questions: [{ name, type: QTYPES[kind] as number }],
      additionals: [optRecord(1232)] });
    const frame = (fromClient: boolean, message: Uint8Array) => fb.ethernet(0x0800, fb.ipv4({
      src: fromClient ? client : '10.0.0.53', dst: fromClient ? '10.0.0.53' : client, protocol: 17 },
    fb.udp(fromClient ? cport : 53, fromClient ? 53 : cport, message)));
    const write = (data: Uint8Array) => out.write(data, Math.floor(t / 1e6), (t % 1e6) * 1000);
    write(frame(true, query));
    t += 50 + (rand() % 2000);
    write(frame(false, responseFor(kind, id, name)));
    t += 10 + (rand() % 40);
  }
  out.close();
  renameSync(tmp, path);
  return path;
}

/** netwatch: read, decode, DNS analyzer, events built and handed to a bus that only counts them. */
function runNetwatch(path: string): { seconds: number; transactions: number } {
  let published = 0;
  const bus = {
    publish: () => {
      published++;
    },
  } as unknown as Bus;
  const analyzer = createDnsAnalyzer({ bus, observer: 'bench' }, { ...defaultDnsConfig, observer: 'bench' });
  const decoded = createDecodedPacket();
  let lastSec = -1;
  const started = performance.now();
  forEachPacket(path, (view) => {
    analyzer.onPacket(view, decoded, decodePacket(view.data, view.offset, view.caplen, view.linktype, decoded));
    if (view.tsSec !== lastSec) {
      lastSec = view.tsSec;
      analyzer.onTime?.(view.tsSec);
    }
    return true;
  });
  analyzer.finish();
  return { seconds: (performance.now() - started) / 1000, transactions: published };
}

const TSHARK_FIELDS = ['dns.id', 'dns.qry.name', 'dns.qry.type', 'dns.flags.rcode', 'dns.a', 'dns.aaaa', 'dns.cname',
  'dns.mx.mail_exchange', 'dns.txt', 'dns.resp.ttl', 'dns.time'];

/** tshark extracting the same fields; its output is counted, not kept. */
function runTshark(path: string): Promise<{ seconds: number; rows: number }> {
  return new Promise((resolve, reject) => {
    const args = ['-r', path, '-n', '-T', 'fields', ...TSHARK_FIELDS.flatMap((f) => ['-e', f])];
    const started = performance.now();
    const child = spawn('tshark', args, { stdio: ['ignore', 'pipe', 'ignore'] });
    let rows = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      for (const b of chunk) if (b === 10) rows++;
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve({ seconds: (performance.now() - started) / 1000, rows })
      : reject(new Error(`tshark exited ${code}`))));
  });
}

/** Every UDP payload of the capture, copied (both parsers get identical buffers). */
function messagesOf(path: string): Buffer[] {
  const messages: Buffer[] = [];
  const decoded = createDecodedPacket();
  forEachPacket(path, (view) => {
    decodePacket(view.data, view.offset, view.caplen, view.linktype, decoded);
    if (decoded.payloadOffset >= 0) {
      const end = decoded.payloadOffset + decoded.payloadLength;
      messages.push(Buffer.from(view.data.subarray(decoded.payloadOffset, end)));
    }
    return true;
  });
  return messages;
}

function timeParser(messages: readonly Buffer[], parse: (m: Buffer) => unknown): number {
  const started = performance.now();
  for (const m of messages) parse(m);
  return (performance.now() - started) / 1000;
}

/** Malformed inputs: what each parser does with them. */
function malformedCases(): [string, Uint8Array][] {
  const q = { name: 'x.example.com', type: 1 };
  const full = buildMessage({ flags: 0x8180, questions: [q], answers: [{ name: pointerName('', 12), type: 1,
    rdata: rdata.a('192.0.2.1') }] });
  return [
    ['compression loop', buildMessage({ questions: [{ name: pointerName('a', 12), type: 1 }] })],
    ['forward pointer', buildMessage({ questions: [{ name: pointerName('', 20), type: 1 }, q] })],
    ['pointer out of range', buildMessage({ questions: [{ name: pointerName('', 900), type: 1 }] })],
    ['lying counts', buildMessage({ questions: [q], counts: [1, 40, 0, 0] })],
    ['RDLENGTH past the end', full.subarray(0, full.length - 1)],
    ['A record of 5 bytes', buildMessage({ flags: 0x8180, answers: [{ name: 'x', type: 1,
      rdata: rdata.raw(192, 0, 2, 1, 9) }] })],
    ['reserved label type', buildMessage({ questions: [{ name: rdata.raw(0x41, 0), type: 1 }] })],
    ['name over 255 octets', buildMessage({ questions: [{ name: Array(5).fill('a'.repeat(60)).join('.'), type: 1 }] })],
    ['12-byte header cut', rdata.raw(1, 2, 3, 4, 5)],
    ['two OPT records', buildMessage({ questions: [q], additionals: [optRecord(512), optRecord(512)] })],
  ];
}

async function main(): Promise<void> {
  const transactions = flag('--transactions', 200_000);
  const runs = flag('--runs', 3);
  const path = ensureCapture(transactions, 0xd46);
  for (const line of describeMachine()) log(line);
  const lines: string[] = [...describeMachine().map((l) => `- ${l}`),
    `- capture: ${path} (${transactions} UDP transactions, ${2 * transactions} packets, seed 0xd46)`, ''];

  runNetwatch(path); // warm-up
  let best = { seconds: Infinity, transactions: 0 };
  let tshark = { seconds: Infinity, rows: 0 };
  for (let round = 1; round <= runs; round++) {
    const n = runNetwatch(path);
    const t = await runTshark(path);
    log(`round ${round}: netwatch ${n.seconds.toFixed(2)} s (${n.transactions} events), tshark ${t.seconds.toFixed(2)} s`);
    if (n.seconds < best.seconds) best = n;
    if (t.seconds < tshark.seconds) tshark = t;
  }
  const nwRate = best.transactions / best.seconds;
  const tsRate = transactions / tshark.seconds;
  lines.push('| case | time (best of runs) | transactions/s | ratio |', '|---|---|---|---|',
    `| netwatch: read + decode + DNS analyzer + events | ${best.seconds.toFixed(3)} s | ${Math.round(nwRate)} | ` +
    `${(nwRate / tsRate).toFixed(1)}× tshark |`,
    `| tshark -T fields (${TSHARK_FIELDS.length} dns fields) | ${tshark.seconds.toFixed(3)} s | ${Math.round(tsRate)} | 1 |`,
    '', `- netwatch events: ${best.transactions}; tshark rows: ${tshark.rows}`, '');

  const messages = messagesOf(path);
  timeParser(messages, (m) => parseDnsMessage(m, 0, m.length));
  timeParser(messages, (m) => dnsPacket.decode(m));
  let ours = Infinity;
  let theirs = Infinity;
  for (let round = 0; round < runs; round++) {
    ours = Math.min(ours, timeParser(messages, (m) => parseDnsMessage(m, 0, m.length)));
    theirs = Math.min(theirs, timeParser(messages, (m) => dnsPacket.decode(m)));
  }
  const oursRate = messages.length / ours;
  const theirsRate = messages.length / theirs;
  lines.push('| parser (same messages) | messages/s | ratio |', '|---|---|---|',
    `| netwatch parseDnsMessage (RDATA as presentation text) | ${Math.round(oursRate)} | ` +
    `${(oursRate / theirsRate).toFixed(2)}× dns-packet |`,
    `| dns-packet decode | ${Math.round(theirsRate)} | 1 |`, '',
    '| malformed input | netwatch | dns-packet |', '|---|---|---|');
  for (const [label, bytes] of malformedCases()) {
    const result = parseDnsMessage(bytes, 0, bytes.length);
    let peer: string;
    try {
      dnsPacket.decode(Buffer.from(bytes));
      peer = 'accepted';
    } catch (error) {
      peer = `throws "${(error as Error).message}"`;
    }
    const verdict = result.error === 0 ? 'accepted' : `rejected: ${dnsErrorNames[result.error]}`;
    lines.push(`| ${label} | ${verdict} | ${peer} |`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  log(`failed: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
