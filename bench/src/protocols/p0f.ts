// Bench: netwatch's p0f-style fingerprinting vs p0f 3 and tshark (SYN fields) on one seeded capture of handshakes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createDecodedPacket, decodePacket, forEachPacket, PcapFileWriter, seededUint32 } from '@netwatch/packet';
import { HandshakeFingerprints, loadSignatureFile } from '@netwatch/asset-sensor/os/index';
import { CRAFTED, craftedFrames } from '@netwatch/asset-sensor/os/testing/crafted-syns';

const HANDSHAKE_ROUNDS = 3000;
/** ACK-only segments per SYN: the packets a sensor mostly sees, which must cost one test. */
const ACKS_PER_SYN = 8;
const CACHE = join('.cache', 'bench');
const CAPTURE = join(CACHE, `p0f-${HANDSHAKE_ROUNDS}x${CRAFTED.length}-${ACKS_PER_SYN}.pcap`);
const log = (line: string) => process.stderr.write(`[bench:p0f] ${line}\n`);

/** Crafted handshakes repeated with fresh client ports (seeded), each followed by ACK-only segments. */
function ensureCapture(): number {
  const base = craftedFrames(CRAFTED);
  const perRound = base.length * (1 + ACKS_PER_SYN);
  if (existsSync(CAPTURE)) return HANDSHAKE_ROUNDS * perRound;
  mkdirSync(CACHE, { recursive: true });
  const random = seededUint32(0xb0f);
  const writer = new PcapFileWriter(CAPTURE);
  let n = 0;
  for (let round = 0; round < HANDSHAKE_ROUNDS; round++) {
    const port = 1024 + (random() % 60000);
    for (const original of base) {
      const frame = Uint8Array.from(original);
      const tcp = 14 + ((frame[14] ?? 0) >> 4 === 6 ? 40 : ((frame[14] ?? 0) & 0x0f) * 4);
      const fromClient = frame[tcp] !== 0 || frame[tcp + 1] !== 80;
      frame.set([port >> 8, port & 0xff], fromClient ? tcp : tcp + 2);
      for (let k = 0; k <= ACKS_PER_SYN; k++) {
        if (k > 0) frame[tcp + 13] = 0x10;
        writer.write(frame, 1_750_000_000 + Math.floor(n / 1e5), (n % 1e5) * 1000);
        n++;
      }
    }
  }
  writer.close();
  return n;
}

function time(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function main(): void {
  const packets = ensureCapture();
  const db = loadSignatureFile();
  log(`capture ${CAPTURE}: ${packets} packets (1 in ${ACKS_PER_SYN + 1} a SYN or SYN+ACK)`);
  let verdicts = 0;
  const netwatch = () => {
    const packet = createDecodedPacket();
    const handshakes = new HandshakeFingerprints(db);
    forEachPacket(CAPTURE, (view) => {
      decodePacket(view.data, view.offset, view.caplen, view.linktype, packet);
      if (handshakes.onPacket(view, packet)) verdicts++;
      return true;
    });
  };
  netwatch(); // warm-up
  verdicts = 0;
  const ours = Math.min(time(netwatch), time(netwatch));
  // p0f insists on a regular file for its log; it writes one line per fingerprint, as netwatch builds a verdict.
  const p0fLog = join(CACHE, 'p0f-bench.log');
  rmSync(p0fLog, { force: true });
  const p0f = time(() => spawnSync('p0f', ['-r', CAPTURE, '-o', p0fLog], { stdio: 'ignore' }));
  const p0fLines = (readFileSync(p0fLog, 'utf8').match(/mod=syn/g) ?? []).length;
  const tshark = time(() => spawnSync('tshark', ['-r', CAPTURE, '-n', '-Y', 'tcp.flags.syn==1', '-T', 'fields',
    '-e', 'ip.ttl', '-e', 'ipv6.hlim', '-e', 'tcp.window_size_value', '-e', 'tcp.options.mss_val',
    '-e', 'tcp.options.wscale.shift', '-e', 'tcp.option_kind'], { stdio: 'ignore' }));
  const rate = (s: number) => `${(packets / s / 1e6).toFixed(2)} M pkt/s`;
  log(`netwatch decode + fingerprint: ${ours.toFixed(3)} s, ${rate(ours)}, ${verdicts / 2} verdicts per run`);
  log(`p0f 3 -r -o: ${p0f.toFixed(3)} s, ${rate(p0f)}, ${p0fLines} syn/syn+ack lines; netwatch is ` +
    `${(p0f / ours).toFixed(2)}x p0f`);
  log(`tshark SYN fields: ${tshark.toFixed(3)} s, ${rate(tshark)}; netwatch is ${(tshark / ours).toFixed(2)}x tshark`);
}

main();
