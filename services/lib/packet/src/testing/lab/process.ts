// Child processes with a hard time bound: one-shot commands and background servers, both always killable.
import { spawn, type ChildProcess } from 'node:child_process';

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

export interface RunOptions {
  timeoutMs: number;
  input?: string;
  /** Output is capped so a runaway tool cannot fill memory; tshark tables stay far below this. */
  maxOutputBytes?: number;
  /** The child's whole environment (default: this process's). */
  env?: NodeJS.ProcessEnv;
}

const DEFAULT_MAX_OUTPUT = 256 * 1024 * 1024;

// Each child leads its own process group so a timeout kills whatever it forked too (ip netns exec, shells).
function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone: nothing to do.
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.exitCode === null && child.signalCode === null) signalGroup(child.pid, signal);
}

/** Runs a command to completion; SIGKILL after `timeoutMs`. Never rejects on a non-zero exit. */
export function run(cmd: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  const max = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT;
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { detached: true, stdio: ['pipe', 'pipe', 'pipe'], env: options.env ?? process.env });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    let timedOut = false;
    const collect = (into: Buffer[]) => (chunk: Buffer) => {
      outBytes += chunk.length;
      if (outBytes <= max) into.push(chunk);
      else killGroup(child, 'SIGKILL');
    };
    child.stdout.on('data', collect(out));
    child.stderr.on('data', collect(err));
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child, 'SIGKILL');
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        timedOut,
      });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

/** Like `run`, but a non-zero exit, a signal or a timeout is an error naming the command and its stderr. */
export async function runOk(cmd: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  const result = await run(cmd, args, options);
  if (result.code !== 0 || result.timedOut) {
    const why = result.timedOut ? `timed out after ${options.timeoutMs} ms` : `exit ${result.code ?? result.signal}`;
    throw new Error(`${cmd} ${args.join(' ')}: ${why}\n${result.stderr.slice(-2000)}`);
  }
  return result;
}

/** A long-running child (server, capture): output kept for readiness checks, stopped with a bound. */
export class Background {
  readonly child: ChildProcess;
  private out = '';
  private err = '';
  private readonly exited: Promise<void>;
  private readonly deadline: NodeJS.Timeout;

  constructor(
    readonly label: string,
    cmd: string,
    args: readonly string[],
    maxLifetimeMs: number,
  ) {
    this.child = spawn(cmd, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    // Only the tail is kept: enough to see a readiness line or an error message.
    this.child.stdout?.on('data', (chunk: Buffer) => (this.out = (this.out + chunk.toString('utf8')).slice(-65536)));
    this.child.stderr?.on('data', (chunk: Buffer) => (this.err = (this.err + chunk.toString('utf8')).slice(-65536)));
    this.exited = new Promise((resolve) => {
      this.child.on('close', () => resolve());
      this.child.on('error', () => resolve());
    });
    // A hard lifetime: even a test that forgets to stop this cannot leave it running.
    this.deadline = setTimeout(() => killGroup(this.child, 'SIGKILL'), maxLifetimeMs);
    this.deadline.unref();
  }

  get stdout(): string {
    return this.out;
  }

  get stderr(): string {
    return this.err;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Sends `signal`, then SIGKILL if the process group has not exited after `graceMs`. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 3000): Promise<void> {
    clearTimeout(this.deadline);
    if (!this.running) return this.exited;
    killGroup(this.child, signal);
    const timer = setTimeout(() => killGroup(this.child, 'SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
    // Children of the leader that outlived it go too.
    signalGroup(this.child.pid, 'SIGKILL');
  }
}
