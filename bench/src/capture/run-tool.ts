// Runs a peer command to completion under /usr/bin/time: wall time, CPU seconds, peak RSS and its output's tail.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TIME = '/usr/bin/time';

export interface ToolRun {
  /** Spawn to exit, as measured here (so process start-up is included). */
  readonly seconds: number;
  readonly userSeconds?: number;
  readonly sysSeconds?: number;
  readonly maxRssBytes?: number;
  /** The end of the tool's output, stdout and stderr interleaved (softflowd's summary). */
  readonly output: string;
}

/**
 * Spawns `command args` in its own process group; rejects on a non-zero exit (with the tail of
 * its output) or when it runs longer than `timeoutMs`, killing the group so nothing is left behind.
 */
export async function runTool(command: string, args: readonly string[], timeoutMs = 600_000): Promise<ToolRun> {
  const timed = existsSync(TIME);
  const dir = mkdtempSync(join(tmpdir(), 'netwatch-bench-time-'));
  const report = join(dir, 'time');
  const argv = timed ? ['-f', '%U %S %M', '-o', report, command, ...args] : [...args];
  const started = performance.now();
  const child = spawn(timed ? TIME : command, argv, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  }, timeoutMs);
  // Both streams, last 8 KiB: softflowd prints its summary on stdout, the others complain on stderr.
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-8192);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const [code] = (await once(child, 'close')) as [number | null];
  clearTimeout(timer);
  const seconds = (performance.now() - started) / 1000;
  try {
    if (timedOut) throw new Error(`${command} still running after ${timeoutMs / 1000} s; killed`);
    if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${code}: ${output.trim().slice(-600)}`);
    if (!timed) return { seconds, output };
    const [user, sys, rssKb] = readFileSync(report, 'utf8').trim().split(/\s+/).map(Number);
    return { seconds, userSeconds: user, sysSeconds: sys, maxRssBytes: (rssKb ?? 0) * 1024, output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
