// Records one scenario to a pcap: servers up, capture on, traffic, a short settle, capture off, servers down.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Capture, type CaptureStats } from '@netwatch/packet/testing/lab/lab-capture';
import type { NetnsLab } from '@netwatch/packet/testing/lab/netns-lab';
import type { Background } from '@netwatch/packet/testing/lab/process';
import type { Scenario } from './scenarios.js';
import { sleep } from '@netwatch/packet/testing/lab/wait';

export interface Recording {
  readonly scenario: string;
  readonly path: string;
  readonly stats: CaptureStats;
}

// Time for the last FIN/ACK and ICMP replies to cross the veth after a client exits.
const SETTLE_MS = 300;

/** Records `scenario` into `<dir>/<name>.pcap` (or .pcapng), capturing on the client's veth (it sees both directions). */
export async function recordScenario(lab: NetnsLab, scenario: Scenario, dir: string): Promise<Recording> {
  const workDir = join(dir, scenario.name);
  mkdirSync(workDir, { recursive: true });
  const ctx = { lab, dir: workDir };
  let servers: Background[] = [];
  let capture: Capture | undefined;
  try {
    servers = await scenario.servers(ctx);
    const path = join(dir, `${scenario.name}.${scenario.format ?? 'pcap'}`);
    const raw = scenario.rewrite ? join(dir, `${scenario.name}.raw.pcap`) : path;
    capture = await Capture.start(lab, lab.cli, raw);
    await scenario.traffic(ctx);
    await sleep(SETTLE_MS);
    const stats = await capture.stop();
    capture = undefined;
    await scenario.rewrite?.(raw, path);
    return { scenario: scenario.name, path, stats };
  } finally {
    await capture?.stop().catch(() => undefined);
    await Promise.all(servers.map((server) => server.stop('SIGTERM', 2000)));
  }
}
