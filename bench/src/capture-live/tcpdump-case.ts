// The peer: tcpdump -w /dev/null with the same ring buffer on the outside end, its counters read from its exit summary.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { TestNetwork, VethPair } from '@netwatch/packet/live/testing/network-namespace';
import type { Plan } from './plan.js';
import { replayTopSpeed } from './replay.js';
import type { DrainResult, LiveResult } from './run-result.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const CLOCK_TICKS = 100; // USER_HZ: /proc/<pid>/stat times are in 1/100 s on Linux (proc(5))

/** utime + stime of a live process, in seconds (proc(5): fields 14 and 15). */
function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return Number.NaN; // already reaped
  }
}

function count(summary: string, what: string): number {
  const m = new RegExp(`(\\d+) packets? ${what}`).exec(summary);
  return m === null ? 0 : Number(m[1]);
}

class Tcpdump {
  readonly child: ChildProcess;
  stderr = '';
  readonly exited: Promise<void>;

  constructor(pair: VethPair, bufferKiB: number) {
    // -B is pcap_set_buffer_size in KiB; tcpdump's packet buffer timeout is 1000 ms, its snaplen 262144 like ours.
    const args = ['-i', pair.outside, '-w', '/dev/null', '-B', String(bufferKiB), '-n'];
    this.child = spawn('tcpdump', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    this.child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
    this.exited = new Promise((resolve) => this.child.on('close', () => resolve()));
  }

  async listening(): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (!this.stderr.includes('listening on')) {
      if (this.child.exitCode !== null || Date.now() > deadline) throw new Error(`tcpdump did not start:\n${this.stderr}`);
      await sleep(20);
    }
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}

export async function tcpdumpLive(
  net: TestNetwork,
  pair: VethPair,
  pcap: string,
  plan: Plan,
  round: number,
): Promise<LiveResult> {
  const tcpdump = new Tcpdump(pair, plan.bufferKiB);
  try {
    await tcpdump.listening();
    const cpuBefore = cpuSeconds(tcpdump.child.pid);
    const replay = await replayTopSpeed(net, pair, pcap);
    await sleep(2500); // tcpdump reads what is left in its ring after its 1 s buffer timeout
    const cpu = cpuSeconds(tcpdump.child.pid) - cpuBefore;
    tcpdump.child.kill('SIGINT');
    await tcpdump.exited;
    const s = tcpdump.stderr;
    return {
      capturer: 'tcpdump',
      round,
      replay,
      captured: count(s, 'captured'),
      received: count(s, 'received by filter'),
      dropped: count(s, 'dropped by kernel'),
      ifDropped: count(s, 'dropped by interface'),
      cpuSeconds: cpu,
      note: s.trim().split('\n').slice(-3).join('; '),
    };
  } finally {
    tcpdump.kill();
  }
}

/** Bytes the process has passed to write(2) so far (proc(5), /proc/<pid>/io "wchar"). */
function bytesWritten(pid: number | undefined): number {
  try {
    const m = /^wchar: (\d+)$/m.exec(readFileSync(`/proc/${pid}/io`, 'utf8'));
    return m === null ? 0 : Number(m[1]);
  } catch {
    return 0;
  }
}

/**
 * tcpdump stopped (SIGSTOP) while the ring fills, then timed from SIGCONT until it has written
 * the whole capture to /dev/null: its pcap output is `pcapBytes` long when every packet arrived
 * (same snaplen, same record format), less at most one stdio buffer still unflushed. If packets
 * were dropped it never gets there, so it also ends when the writes stall for 500 ms.
 */
export async function tcpdumpDrain(
  net: TestNetwork,
  pair: VethPair,
  pcap: string,
  round: number,
  bufferKiB: number,
  pcapBytes: number,
): Promise<DrainResult> {
  const tcpdump = new Tcpdump(pair, bufferKiB);
  const pid = tcpdump.child.pid;
  try {
    await tcpdump.listening();
    tcpdump.child.kill('SIGSTOP');
    await replayTopSpeed(net, pair, pcap);
    await sleep(1200); // the last, partly filled ring block is handed over after the buffer timeout
    const cpuBefore = cpuSeconds(pid);
    const writtenBefore = bytesWritten(pid);
    const start = performance.now();
    tcpdump.child.kill('SIGCONT');
    let written = writtenBefore;
    let lastWrite = start;
    const STDIO_BUFFER = 8192;
    while (written - writtenBefore < pcapBytes - 24 - STDIO_BUFFER && performance.now() - lastWrite < 500) {
      await sleep(1);
      const now = bytesWritten(pid);
      if (now !== written) {
        written = now;
        lastWrite = performance.now();
      }
    }
    const cpu = cpuSeconds(pid) - cpuBefore;
    tcpdump.child.kill('SIGINT');
    await tcpdump.exited;
    return {
      capturer: 'tcpdump',
      round,
      packets: count(tcpdump.stderr, 'captured'),
      dropped: count(tcpdump.stderr, 'dropped by kernel'),
      seconds: (lastWrite - start) / 1000,
      cpuSeconds: cpu,
    };
  } finally {
    tcpdump.kill();
  }
}
