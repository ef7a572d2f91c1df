// The machine a run happened on, for the report header.
import { readdirSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { cpuModel } from '../cpu-model.js';

const jarsDir = fileURLToPath(new URL('../../../.cache/jars/kafka', import.meta.url));

/** The broker's version from the jars scripts/dev/infra.sh runs it from. */
function brokerVersion(): string {
  try {
    const jar = readdirSync(jarsDir).find((f) => /^kafka-server-[\d.]+\.jar$/.test(f));
    return jar?.replace(/^kafka-server-|\.jar$/g, '') ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export function describeMachine(): string[] {
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  return [
    `date: ${new Date().toISOString()}`,
    `cpus: ${availableParallelism()} × ${cpuModel()}`,
    `node: ${process.version}`,
    `kafka broker: ${brokerVersion()} (KRaft, single node, loopback)`,
    `load average at start: ${load}`,
  ];
}
