// A capture with public addresses for the globe test: real lab traffic, rewritten offline with tcprewrite, merged with mergecap.
import { join } from 'node:path';
import { recordScenario } from '@netwatch/capture/conformance/record-scenario';
import { scenario } from '@netwatch/capture/conformance/scenarios';
import { NetnsLab } from '@netwatch/packet/testing/lab/netns-lab';
import { runOk } from '@netwatch/packet/testing/lab/process';

/**
 * Public addresses of well-known sites on several continents. They only ever appear in a file
 * written here: nothing is sent to them (the traffic is between the lab's namespaces).
 */
export const PUBLIC_SERVERS = ['140.82.121.4', '212.58.237.1', '133.237.16.246', '200.42.44.47', '203.2.218.214'] as const;

/** The lab client, which stays private (inside HOME_NET): the arcs start at the site. */
export const LAB_CLIENT = '10.77.0.1';

/**
 * Records the capture conformance suite's HTTP and TLS scenarios once in a fresh NetnsLab, then
 * writes one copy per public server with the lab server's 10.77.0.2 rewritten to it (checksums
 * fixed) and merges them in time order. Returns the merged capture's path.
 */
export async function makePublicCapture(dir: string): Promise<string> {
  const lab = await NetnsLab.create();
  const recorded: string[] = [];
  try {
    for (const name of ['http-v4', 'tls']) recorded.push((await recordScenario(lab, scenario(name), dir)).path);
  } finally {
    await lab.destroy();
  }
  const copies: string[] = [];
  for (const [i, server] of PUBLIC_SERVERS.entries()) {
    const source = recorded[i % recorded.length] as string;
    const copy = join(dir, `public-${String(i)}.pcap`);
    await runOk('tcprewrite', [`--pnat=${lab.srv.v4}/32:${server}/32`, '--fixcsum', `--infile=${source}`,
      `--outfile=${copy}`], { timeoutMs: 30_000 });
    copies.push(copy);
  }
  const merged = join(dir, 'public.pcap');
  await runOk('mergecap', ['-F', 'pcap', '-w', merged, ...copies], { timeoutMs: 30_000 });
  return merged;
}
