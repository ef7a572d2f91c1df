// Benchmark: ClientHellos/s through netwatch's TLS analyzer (read + decode + reassembly + parse + JA3/JA4) vs tshark.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MemoryBroker, MemoryBus, silentLogger } from '@netwatch/kit';
import { createDecodedPacket, decodePacket, forEachPacket, PcapFileWriter, seededUint32 } from '@netwatch/packet';
import { createTlsAnalyzer, defaultTlsConfig } from '@netwatch/tls-sensor';
import { leafDer } from '@netwatch/tls-sensor/testing/certificates';
import { certificateBody, clientHelloBody, ext, HANDSHAKE, handshake, records, serverHelloBody }
  from '@netwatch/tls-sensor/testing/hello-builder';
import { tlsConversation } from '@netwatch/tls-sensor/testing/tls-frames';

const log = (line: string) => process.stderr.write(`[bench:tls] ${line}\n`);
const cacheDir = fileURLToPath(new URL('../../../.cache/bench/', import.meta.url));
const HANDSHAKES = Number(process.env.BENCH_TLS_HANDSHAKES ?? 20_000);
const SEED = 0x715;
const T0 = 1_750_000_000;

const cipherPool = [0x1301, 0x1302, 0x1303, 0xc02b, 0xc02f, 0xc02c, 0xc030, 0xcca9, 0xcca8, 0xc013, 0xc014, 0x009c,
  0x009d, 0x002f, 0x0035, 0x00ff];
const alpnPool = [['h2', 'http/1.1'], ['http/1.1'], ['h2'], ['acme-tls/1']];

/** One seeded handshake: a varied ClientHello, then a TLS 1.3 ServerHello or a TLS 1.2 flight with a certificate. */
function handshakeFlights(n: number, random: () => number): [boolean, Uint8Array][] {
  const ciphers = cipherPool.filter(() => random() % 4 !== 0);
  const tls13 = random() % 2 === 0;
  const grease = 0x0a0a + 0x1010 * (random() % 16);
  const hello = clientHelloBody({ sessionId: Buffer.alloc(32, n & 0xff), ciphers: [grease, ...ciphers], extensions: [
    ext.raw(grease), ext.sni(`host-${String(random() % 5000)}.example${String(n % 7)}.test`),
    ext.alpn(alpnPool[random() % alpnPool.length] as string[]), ext.groups([grease, 29, 23, 24]), ext.pointFormats([0]),
    ext.signatureAlgorithms([0x0403, 0x0804, 0x0401, 0x0503, 0x0805, 0x0501, 0x0806, 0x0601]),
    ext.supportedVersions(tls13 ? [grease, 0x0304, 0x0303] : [0x0303]), ext.keyShare([29]), ext.raw(23), ext.raw(35),
    ext.padding(random() % 200)] });
  const server = tls13
    ? records(HANDSHAKE, handshake(2, serverHelloBody({ cipher: 0x1301,
        extensions: [ext.selectedVersion(0x0304), ext.serverKeyShare(29)] })))
    : records(HANDSHAKE, Buffer.concat([handshake(2, serverHelloBody({ cipher: 0xc02f,
        extensions: [ext.raw(0xff01, Buffer.from([0])), ext.alpn(['h2'])] })),
      handshake(11, certificateBody([leafDer])), handshake(14, Buffer.alloc(0))]));
  return [[true, records(HANDSHAKE, handshake(1, hello))], [false, server]];
}

/** Writes (or reuses) the capture: HANDSHAKES connections, 1 ms apart, each a full TCP conversation. */
function ensureCapture(): string {
  const path = `${cacheDir}tls-${String(HANDSHAKES)}-${SEED.toString(16)}.pcap`;
  if (existsSync(path)) return path;
  mkdirSync(cacheDir, { recursive: true });
  const random = seededUint32(SEED);
  const writer = new PcapFileWriter(`${path}.tmp`, { nanosecond: true });
  for (let n = 0; n < HANDSHAKES; n++) {
    const client = `10.${String((n >> 16) & 0xff)}.${String((n >> 8) & 0xff)}.${String(n & 0xff)}`;
    const frames = tlsConversation({ client, server: '198.51.100.10', clientPort: 20000 + (n % 40000), serverPort: 443 },
      handshakeFlights(n, random));
    const start = n * 0.001;
    for (const { at, frame } of frames) {
      const t = start + at;
      writer.write(frame, T0 + Math.floor(t), Math.round((t % 1) * 1e9));
    }
  }
  writer.close();
  renameSync(`${path}.tmp`, path);
  return path;
}

async function runNetwatch(path: string): Promise<{ seconds: number; events: number }> {
  const bus = new MemoryBus({ broker: new MemoryBroker(), service: 'bench-tls', logger: silentLogger() });
  const analyzer = createTlsAnalyzer({ bus, observer: 'bench' }, defaultTlsConfig);
  const decoded = createDecodedPacket();
  const started = process.hrtime.bigint();
  forEachPacket(path, (view) => {
    analyzer.onPacket(view, decoded, decodePacket(view.data, view.offset, view.caplen, view.linktype, decoded));
    return true;
  });
  analyzer.finish();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await bus.close();
  return { seconds, events: analyzer.stats.handshakes + analyzer.stats.clientOnly };
}

function runTshark(path: string): { seconds: number; hellos: number } {
  const started = process.hrtime.bigint();
  const result = spawnSync('tshark', ['-n', '-r', path, '-Y', 'tls.handshake.type == 1', '-T', 'fields',
    '-e', 'tls.handshake.ja3', '-e', 'tls.handshake.ja3_full', '-e', 'tls.handshake.extensions_server_name',
    '-e', 'tls.handshake.extensions_alpn_str', '-e', 'tls.handshake.ciphersuite'], { encoding: 'utf8',
    maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`tshark: ${result.stderr}`);
  return { seconds, hellos: result.stdout.split('\n').filter((l) => l !== '').length };
}

async function main(): Promise<void> {
  const path = ensureCapture();
  log(`capture ${path}: ${String(HANDSHAKES)} handshakes, ${(statSync(path).size / 1e6).toFixed(1)} MB`);
  await runNetwatch(path); // warm-up (JIT)
  const ours = [await runNetwatch(path), await runNetwatch(path), await runNetwatch(path)]
    .sort((a, b) => a.seconds - b.seconds)[0] as { seconds: number; events: number };
  const theirs = runTshark(path);
  if (ours.events !== HANDSHAKES || theirs.hellos !== HANDSHAKES) {
    throw new Error(`counts differ: netwatch ${String(ours.events)} events, tshark ${String(theirs.hellos)} hellos`);
  }
  const oursRate = HANDSHAKES / ours.seconds;
  const theirRate = HANDSHAKES / theirs.seconds;
  process.stdout.write(`netwatch tls analyzer (read+decode+reassembly+parse+JA3/JA4+event): ` +
    `${ours.seconds.toFixed(3)} s, ${oursRate.toFixed(0)} ClientHellos/s (best of 3)\n`);
  process.stdout.write(`tshark 4.0 (ja3, ja3_full, sni, alpn, ciphers): ${theirs.seconds.toFixed(3)} s, ` +
    `${theirRate.toFixed(0)} ClientHellos/s\n`);
  process.stdout.write(`ratio netwatch/tshark: ${(oursRate / theirRate).toFixed(1)}x\n`);
}

main().catch((error: unknown) => {
  log((error as Error).message);
  process.exitCode = 1;
});
