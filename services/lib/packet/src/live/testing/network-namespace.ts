// Test and bench helper: a network namespace and veth pairs of our own (ip(8)), always removable, isolated from real networks.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';

/** One veth pair: `outside` stays in the root namespace (capture here), `inside` is in the test namespace (send from here). */
export interface VethPair {
  readonly outside: string;
  readonly inside: string;
}

/** MAC of every `outside` end; test frames are addressed elsewhere (FRAME_DST_MAC) on purpose. */
export const OUTSIDE_MAC = '02:6e:77:74:00:01';

function ip(args: readonly string[]): void {
  try {
    execFileSync('ip', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const stderr = (err as { stderr?: Buffer }).stderr?.toString().trim() ?? '';
    throw new Error(`ip ${args.join(' ')} failed: ${stderr || String(err)}`, { cause: err });
  }
}

/** Write a sysctl of the root namespace, if this kernel has it (no IPv6 means nothing to disable). */
function rootSysctl(path: string, value: string): void {
  if (existsSync(path)) writeFileSync(path, value);
}

/**
 * A namespace `nwt-<hex>` and veth pairs `nwt-<hex><n>a` (root namespace) / `nwt-<hex><n>b`
 * (inside). Nothing here can reach a real network: the inside ends live in their own namespace,
 * IPv6 is off on every end (no router solicitations or MLD reports to pollute counts), and the
 * outside ends do not forward IPv4 (conf/<if>/forwarding=0). Call destroy() in after().
 */
export class TestNetwork {
  readonly id = `nwt-${randomBytes(3).toString('hex')}`;
  readonly namespace = this.id;
  private readonly pairs: VethPair[] = [];
  private readonly running = new Set<ChildProcess>();
  private destroyed = false;

  constructor() {
    ip(['netns', 'add', this.namespace]);
    try {
      // Links created in or moved into the namespace start with IPv6 off.
      this.inNamespace('sh', ['-c', 'for f in all default; do p=/proc/sys/net/ipv6/conf/$f/disable_ipv6; [ -e $p ] && echo 1 > $p; done; true']);
    } catch (err) {
      this.destroy();
      throw err;
    }
  }

  /** Make a pair, both ends up with IPv6 off, the inside end moved into the namespace. */
  addVethPair(): VethPair {
    const n = this.pairs.length;
    const pair = { outside: `${this.id}${n}a`, inside: `${this.id}${n}b` };
    ip(['link', 'add', pair.outside, 'address', OUTSIDE_MAC, 'type', 'veth', 'peer', 'name', pair.inside, 'netns', this.namespace]);
    this.pairs.push(pair);
    rootSysctl(`/proc/sys/net/ipv6/conf/${pair.outside}/disable_ipv6`, '1');
    rootSysctl(`/proc/sys/net/ipv4/conf/${pair.outside}/forwarding`, '0');
    ip(['link', 'set', pair.outside, 'up']);
    ip(['-n', this.namespace, 'link', 'set', pair.inside, 'up']);
    return pair;
  }

  /** Run a command inside the namespace and wait for it. */
  inNamespace(command: string, args: readonly string[]): string {
    return execFileSync('ip', ['netns', 'exec', this.namespace, command, ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }

  /** Run a command inside the namespace without blocking the event loop; killed after `timeoutMs`. */
  runInNamespace(command: string, args: readonly string[], timeoutMs = 120_000): Promise<string> {
    return runBounded('ip', ['netns', 'exec', this.namespace, command, ...args], timeoutMs, this.running);
  }

  /**
   * tcpreplay a pcap out of a pair's inside end, so it arrives on the outside end; resolves
   * with tcpreplay's output. `pps` undefined means --topspeed.
   */
  replay(pair: VethPair, pcapPath: string, pps: number | undefined, timeoutMs = 120_000): Promise<string> {
    const rate = pps === undefined ? ['--topspeed'] : [`--pps=${pps}`];
    return this.runInNamespace('tcpreplay', [`--intf1=${pair.inside}`, ...rate, pcapPath], timeoutMs);
  }

  /** Kill what still runs in the namespace, delete the veth pairs and the namespace. Idempotent. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const child of this.running) child.kill('SIGKILL');
    for (const pair of this.pairs) {
      try {
        execFileSync('ip', ['link', 'del', pair.outside], { stdio: 'ignore' });
      } catch {
        // Already gone with its peer or deleted by the test.
      }
    }
    try {
      execFileSync('ip', ['netns', 'del', this.namespace], { stdio: 'ignore' });
    } catch {
      // Already gone.
    }
  }
}

/**
 * Run a command, killing it after `timeoutMs`; resolves with stdout+stderr, rejects on a non-zero
 * exit. While it runs it is in `running`, so an interrupted caller can kill it.
 */
export function runBounded(
  command: string,
  args: readonly string[],
  timeoutMs: number,
  running?: Set<ChildProcess>,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    running?.add(child);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      running?.delete(child);
      reject(new Error(`${command} could not start: ${err.message}`, { cause: err }));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      running?.delete(child);
      if (code === 0) resolve(output);
      else reject(new Error(`${command} ${args.join(' ')} ended with ${signal ?? `status ${code}`}:\n${output}`));
    });
  });
}

/** True if `name` is a command on PATH. */
export function haveCommand(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
