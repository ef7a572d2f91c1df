// The machine and the peer tools' versions, for the report header.
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg, totalmem } from 'node:os';
import { cpuModel } from '../cpu-model.js';

/** The text `pattern` matches in the output of `command args`, or 'not installed'. */
export function toolVersion(command: string, args: readonly string[], pattern: RegExp): string {
  const run = spawnSync(command, args, { encoding: 'utf8' });
  if (run.error) return `${command} not installed`;
  return pattern.exec(`${run.stdout}\n${run.stderr}`)?.[0] ?? `${command} unknown version`;
}

export function describeMachine(): string[] {
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  const versions = [
    toolVersion('softflowd', ['-h'], /softflowd version \d+(?:\.\d+)*/),
    toolVersion('tcpdump', ['--version'], /tcpdump version \d+(?:\.\d+)*/),
    toolVersion('tcpdump', ['--version'], /libpcap version \d+(?:\.\d+)*/),
    toolVersion('tshark', ['--version'], /TShark \(Wireshark\) \d+(?:\.\d+)*/),
  ];
  return [
    `date: ${new Date().toISOString()}`,
    `cpus: ${availableParallelism()} × ${cpuModel()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM`,
    `node: ${process.version}`,
    `peers: ${versions.join('; ')}`,
    `load average at start: ${load} (other work on the machine makes every figure noisier)`,
  ];
}
