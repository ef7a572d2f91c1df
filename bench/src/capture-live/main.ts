// Entry: live capture of a veth flood by netwatch and by tcpdump in the same run; progress on stderr, tables on stdout.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, release, tmpdir } from 'node:os';
import { join } from 'node:path';
import { libpcapVersion } from '@netwatch/packet';
import { haveCommand, TestNetwork } from '@netwatch/packet/live/testing/network-namespace';
import { netwatchDrain, netwatchLive } from './netwatch-case.js';
import { parsePlan } from './plan.js';
import { render } from './report.js';
import type { DrainResult, LiveResult } from './run-result.js';
import { tcpdumpDrain, tcpdumpLive } from './tcpdump-case.js';
import { writeBenchCapture } from './traffic.js';

const log = (line: string) => process.stderr.write(`[bench:capture-live] ${line}\n`);

/**
 * A ring that holds the whole capture with room to spare: TPACKET_V3 stores each packet behind
 * a 48-byte header, a sockaddr_ll and libpcap's 4-byte VLAN reserve, aligned (packet(7),
 * Documentation/networking/packet_mmap.rst), about twice a pcap record of a small packet; three
 * times the file leaves slack for block ends. Capped at what pcap_set_buffer_size's int allows.
 */
function drainBufferKiB(pcap: string): number {
  const bytes = Math.max(256 * 1048576, 3 * statSync(pcap).size);
  return Math.floor(Math.min(bytes, 2 ** 31 - 1) / 1024);
}

/** First line of `command --version`, wherever the tool prints it (tcpreplay uses stderr). */
function version(command: string): string {
  try {
    const out = execFileSync('sh', ['-c', `${command} --version 2>&1`], { encoding: 'utf8' });
    return out.split('\n')[0]?.trim() ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<number> {
  const plan = parsePlan(process.argv.slice(2));
  if (process.getuid?.() !== 0) {
    log('needs root: it creates a network namespace and a veth pair, and live capture needs CAP_NET_RAW and CAP_NET_ADMIN');
    return 2;
  }
  for (const tool of ['tcpreplay', 'tcpdump', 'ip']) {
    if (!haveCommand(tool)) {
      log(`${tool} not found (apt-get install tcpreplay tcpdump iproute2)`);
      return 2;
    }
  }
  const header = [
    `date: ${new Date().toISOString()}`,
    `cpus: ${availableParallelism()}; kernel ${release()}; node ${process.version}`,
    `${libpcapVersion()}; ${version('tcpdump')}; ${version('tcpreplay')}`,
    `command: node bench/dist/capture-live/main.js ${process.argv.slice(2).join(' ')}`.trimEnd(),
    `ring buffer ${plan.bufferKiB} KiB for both; netwatch batch ${plan.batchBytes / 1048576} MiB, ` +
    `timeout ${plan.timeoutMs} ms, immediate ${plan.immediate}, decode ${plan.decode}`,
  ];
  for (const line of header) log(line);

  const dir = mkdtempSync(join(tmpdir(), 'nwt-bench-'));
  const net = new TestNetwork();
  const cleanUp = () => {
    net.destroy();
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => {
    log('interrupted; deleting the namespace and veth pair');
    cleanUp();
    process.exit(130);
  });
  try {
    const pair = net.addVethPair();
    log(`veth ${pair.outside} (capture, root namespace) <-> ${pair.inside} (tcpreplay, namespace ${net.namespace})`);
    let pcap = plan.pcap;
    if (pcap === undefined) {
      pcap = join(dir, 'flood.pcap');
      const bytes = writeBenchCapture(pcap, plan.packets);
      log(`wrote ${plan.packets} frames (${(bytes / plan.packets).toFixed(1)} bytes average, UDP and TCP) to ${pcap}`);
    }
    const live: LiveResult[] = [];
    const drain: DrainResult[] = [];
    for (let round = 1; round <= plan.rounds; round++) {
      for (const run of [netwatchLive, tcpdumpLive]) {
        const r = await run(net, pair, pcap, plan, round);
        log(
          `live ${r.capturer} round ${round}: sent ${r.replay.sent} at ${Math.round(r.replay.pps)} pkt/s in ${r.replay.seconds} s, ` +
          `captured ${r.captured}, received ${r.received}, dropped ${r.dropped}, if dropped ${r.ifDropped}, ` +
          `cpu ${r.cpuSeconds.toFixed(2)} s; ${r.note}`,
        );
        live.push(r);
      }
      if (!plan.drain) continue;
      const kib = drainBufferKiB(pcap);
      for (const r of [
        await netwatchDrain(net, pair, pcap, plan, round, kib),
        await tcpdumpDrain(net, pair, pcap, round, kib, statSync(pcap).size),
      ]) {
        log(
          `drain ${r.capturer} round ${round} (ring ${kib} KiB): ${r.packets} packets in ${r.seconds.toFixed(3)} s, ` +
          `${r.dropped} dropped while filling, cpu ${r.cpuSeconds.toFixed(2)} s`,
        );
        drain.push(r);
      }
    }
    process.stdout.write(`${[...header.map((h) => `- ${h}`), '', ...render(live, drain)].join('\n')}\n`);
    return 0;
  } finally {
    cleanUp();
    log('deleted the namespace and veth pair');
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    log(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(1);
  },
);
