// A two-host lab: client and server network namespaces joined by one veth pair, torn down whatever happens.
import { randomBytes } from 'node:crypto';
import { Background, run, runOk, type RunOptions, type RunResult } from './process.js';
import { waitFor } from './wait.js';

/** One end of the lab: its namespace, its veth and the addresses on it. */
export interface LabHost {
  readonly role: 'cli' | 'srv';
  readonly netns: string;
  readonly ifname: string;
  /** RFC 1918 test address; the namespaces are isolated, so it can never clash with a real network. */
  readonly v4: string;
  /** RFC 4193 unique local address (fd00::/8). */
  readonly v6: string;
}

const STEP_MS = 10_000;
// A server or capture outliving this is a bug; the lab kills it regardless.
const MAX_PROCESS_LIFETIME_MS = 120_000;

async function ip(args: readonly string[]): Promise<RunResult> {
  return runOk('ip', args, { timeoutMs: STEP_MS });
}

export class NetnsLab {
  readonly cli: LabHost;
  readonly srv: LabHost;
  private readonly created: string[] = [];
  private readonly processes: Background[] = [];

  private constructor(readonly id: string) {
    const host = (role: 'cli' | 'srv', n: number): LabHost =>
      ({ role, netns: `nwc-${id}-${role}`, ifname: `nwc${id}${role[0]}`, v4: `10.77.0.${n}`, v6: `fd77:6e77::${n}` });
    this.cli = host('cli', 1);
    this.srv = host('srv', 2);
  }

  /** Builds the lab; if any step fails, whatever was made is deleted before the error is rethrown. */
  static async create(): Promise<NetnsLab> {
    const lab = new NetnsLab(randomBytes(3).toString('hex'));
    try {
      await lab.build();
      return lab;
    } catch (error) {
      await lab.destroy();
      throw error;
    }
  }

  private async build(): Promise<void> {
    for (const host of [this.cli, this.srv]) {
      await ip(['netns', 'add', host.netns]);
      this.created.push(host.netns);
      await ip(['-n', host.netns, 'link', 'set', 'lo', 'up']);
      // Duplicate address detection would hold IPv6 addresses "tentative" for a second or more.
      await this.execOk(host, 'sysctl', ['-q', '-w', 'net.ipv6.conf.all.accept_dad=0', 'net.ipv6.conf.default.accept_dad=0']);
    }
    // Created inside the client namespace with its peer placed straight into the server's: never in the host's.
    await ip(['-n', this.cli.netns, 'link', 'add', this.cli.ifname, 'type', 'veth', 'peer', 'name', this.srv.ifname,
      'netns', this.srv.netns]);
    for (const host of [this.cli, this.srv]) {
      await this.execOk(host, 'sysctl', ['-q', '-w', `net.ipv6.conf.${host.ifname}.accept_dad=0`]);
      await ip(['-n', host.netns, 'addr', 'add', `${host.v4}/24`, 'dev', host.ifname]);
      await ip(['-n', host.netns, '-6', 'addr', 'add', `${host.v6}/64`, 'dev', host.ifname, 'nodad']);
      await ip(['-n', host.netns, 'link', 'set', host.ifname, 'up']);
    }
    for (const host of [this.cli, this.srv]) {
      await waitFor(`${host.ifname} up with usable IPv6 addresses`, async () => {
        const link = await ip(['-n', host.netns, 'link', 'show', 'dev', host.ifname]);
        const tentative = await ip(['-n', host.netns, '-6', 'addr', 'show', 'dev', host.ifname, 'tentative']);
        return /state UP/.test(link.stdout) && tentative.stdout.trim() === '';
      }, STEP_MS);
    }
  }

  /** Runs a command inside `host`'s namespace (bounded by `timeoutMs`). */
  exec(host: LabHost, cmd: string, args: readonly string[], options: Partial<RunOptions> = {}): Promise<RunResult> {
    return run('ip', ['netns', 'exec', host.netns, cmd, ...args], { timeoutMs: STEP_MS, ...options });
  }

  /** Like `exec`, but a failure is an error with the command's stderr. */
  execOk(host: LabHost, cmd: string, args: readonly string[], options: Partial<RunOptions> = {}): Promise<RunResult> {
    return runOk('ip', ['netns', 'exec', host.netns, cmd, ...args], { timeoutMs: STEP_MS, ...options });
  }

  /** Starts a long-running process inside `host`'s namespace; `destroy` stops it if the caller does not. */
  background(host: LabHost, label: string, cmd: string, args: readonly string[]): Background {
    const child = new Background(label, 'ip', ['netns', 'exec', host.netns, cmd, ...args], MAX_PROCESS_LIFETIME_MS);
    this.processes.push(child);
    return child;
  }

  /**
   * Waits until `server` listens on `port` (and on `address`, if given: two servers may share a port on
   * different addresses). Checked with ss, so no probe traffic is put on the wire.
   */
  async waitListening(
    host: LabHost, transport: 'tcp' | 'udp', port: number, server: Background, address?: string,
  ): Promise<void> {
    const local = address === undefined ? `:${port}` : `${address.includes(':') ? `[${address}]` : address}:${port}`;
    await waitFor(`${server.label} listening on ${transport} ${local} in ${host.netns}`, async () => {
      if (!server.running) throw new Error(`${server.label} exited early: ${server.stderr.slice(-2000)}`);
      const ss = await this.exec(host, 'ss', ['-H', transport === 'tcp' ? '-ltn' : '-lun', `sport = :${port}`]);
      return ss.stdout.split('\n').some((line) => line.split(/\s+/)[3]?.endsWith(local));
    }, STEP_MS);
  }

  /** Stops every process started here, kills anything else left in the namespaces, deletes them. */
  async destroy(): Promise<void> {
    await Promise.all(this.processes.splice(0).map((child) => child.stop('SIGKILL', 1000)));
    for (const netns of this.created.splice(0).reverse()) {
      const pids = await run('ip', ['netns', 'pids', netns], { timeoutMs: STEP_MS });
      for (const pid of pids.stdout.split(/\s+/).filter(Boolean)) {
        try {
          process.kill(Number(pid), 'SIGKILL');
        } catch {
          // Exited between the listing and the kill.
        }
      }
      // Deleting a namespace deletes the veth end inside it, and with it the peer.
      await run('ip', ['netns', 'del', netns], { timeoutMs: STEP_MS });
    }
  }
}
