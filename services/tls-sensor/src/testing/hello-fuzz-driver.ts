// Runs hostile hellos, record streams and certificate lists through the TLS parsers in a process of its own; prints JSON.
import { seededUint32 } from '@netwatch/packet';
import { parseClientHello } from '../hello/client-hello.js';
import { parseServerHello } from '../hello/server-hello.js';
import { TlsConnection } from '../tls-connection.js';
import { emptyTlsStats, type TlsStats } from '../tls-stats.js';
import { chromeHello } from './chrome-hello.js';
import { leafDer } from './certificates.js';
import { certificateBody, clientHelloBody, ext, HANDSHAKE, handshake, HRR_RANDOM, records, serverHelloBody } from './hello-builder.js';

export interface HelloFuzzReport {
  readonly inputs: number;
  readonly ms: number;
  readonly clientHellos: { parsed: number; malformed: number };
  readonly serverHellos: { parsed: number; malformed: number };
  readonly connections: number;
  readonly stats: TlsStats;
}

const seeds = {
  client: [chromeHello, clientHelloBody({ version: 0x0301, ciphers: [0x002f], extensions: null }),
    clientHelloBody({ ciphers: [0x1301], extensions: [ext.sni('a.b'), ext.alpn(['h2']), ext.keyShare([29, 23]),
      ext.supportedVersions([0x0304]), ext.groups([29]), ext.pointFormats([0]), ext.signatureAlgorithms([0x0403])] })],
  server: [serverHelloBody({ cipher: 0x1301, extensions: [ext.selectedVersion(0x0304), ext.serverKeyShare(29),
    ext.preSharedKey(0)] }),
  serverHelloBody({ random: HRR_RANDOM, cipher: 0x1301, extensions: [ext.retryKeyShare(23)] }),
  serverHelloBody({ cipher: 0xc02f, extensions: [ext.alpn(['h2']), ext.raw(0xff01, Buffer.from([0]))] })],
};
const serverFlight = records(HANDSHAKE, Buffer.concat([handshake(2, seeds.server[2] as Buffer),
  handshake(11, certificateBody([leafDer])), handshake(14, Buffer.alloc(0))]), 300);
const clientFlight = records(HANDSHAKE, handshake(1, chromeHello), 200);

/** A seed mutated: bytes flipped or overwritten with boundary values, truncated, or random bytes altogether. */
function mutate(seed: Buffer, out: Buffer, random: () => number): number {
  const mode = random() % 8;
  if (mode === 0) {
    const length = random() % 600;
    for (let i = 0; i < length; i++) out[i] = random() & 0xff;
    return length;
  }
  seed.copy(out);
  let length = seed.length;
  const edits = 1 + (random() % 4);
  for (let e = 0; e < edits; e++) {
    const at = random() % length;
    const values = [0, 1, 0x7f, 0x80, 0xff, random() & 0xff];
    out[at] = values[random() % values.length] as number;
  }
  if (mode === 1) length = random() % (length + 1);
  return length;
}

export function runHelloFuzz(inputs: number): HelloFuzzReport {
  const random = seededUint32(0x7151);
  const scratch = Buffer.alloc(70_000);
  const stats = emptyTlsStats();
  const clientHellos = { parsed: 0, malformed: 0 };
  const serverHellos = { parsed: 0, malformed: 0 };
  let connections = 0;
  const started = performance.now();
  for (let i = 0; i < inputs; i++) {
    const kind = i % 32;
    try {
      if (kind < 15) {
        const length = mutate(seeds.client[random() % seeds.client.length] as Buffer, scratch, random);
        if (typeof parseClientHello(scratch, 0, length) === 'string') clientHellos.malformed++;
        else clientHellos.parsed++;
      } else if (kind < 30) {
        const length = mutate(seeds.server[random() % seeds.server.length] as Buffer, scratch, random);
        if (typeof parseServerHello(scratch, 0, length) === 'string') serverHellos.malformed++;
        else serverHellos.parsed++;
      } else {
        // Whole connections: a mutated client flight, then a mutated server flight, in random-sized pieces.
        connections++;
        const connection = new TlsConnection(4096 + (random() % 8192), stats);
        for (const [fromClient, flight] of [[true, clientFlight], [false, serverFlight]] as const) {
          const length = mutate(flight, scratch, random);
          for (let at = 0; at < length && connection.state === 'collecting';) {
            const piece = Math.min(length - at, 1 + (random() % 700));
            connection.push(fromClient, scratch, at, piece);
            at += piece;
          }
        }
        connection.handshake();
      }
    } catch (cause) {
      throw new Error(`input ${String(i)} (kind ${String(kind)}) threw`, { cause });
    }
  }
  return { inputs, ms: performance.now() - started, clientHellos, serverHellos, connections, stats };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, '/'))) {
  process.stdout.write(`${JSON.stringify(runHelloFuzz(Number(process.argv[2] ?? 1_000_000)))}\n`);
}
