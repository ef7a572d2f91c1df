// The machine a run happened on, for the report header.
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const jarsDir = fileURLToPath(new URL('../../../.cache/jars/kafka', import.meta.url));

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    return line?.split(':')[1]?.trim() ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

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
