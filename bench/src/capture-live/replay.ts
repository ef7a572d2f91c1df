// Sends the capture with tcpreplay --topspeed into a veth and reads back what tcpreplay says it sent.
import type { TestNetwork, VethPair } from '@netwatch/packet/live/testing/network-namespace';

export interface Replay {
  /** Packets tcpreplay sent ("Actual: N packets"). */
  sent: number;
  /** tcpreplay's own send time. */
  seconds: number;
  /** tcpreplay's rate ("Rated: ... pps"). */
  pps: number;
  /** Sends that failed ("Failed write attempts: N"). */
  failed: number;
}

function parse(output: string): Replay {
  const actual = /Actual: (\d+) packets \(\d+ bytes\) sent in ([\d.]+) seconds/.exec(output);
  const rated = /Rated: [\d.]+ Bps, [\d.]+ Mbps, ([\d.]+) pps/.exec(output);
  const failed = /Failed write attempts:\s+(\d+)/.exec(output);
  if (actual === null || rated === null) throw new Error(`cannot read tcpreplay's summary:\n${output}`);
  return {
    sent: Number(actual[1]),
    seconds: Number(actual[2]),
    pps: Number(rated[1]),
    failed: failed === null ? 0 : Number(failed[1]),
  };
}

/** tcpreplay --topspeed (preloaded, so the disk is not measured) out of the pair's inside end. */
export async function replayTopSpeed(net: TestNetwork, pair: VethPair, pcap: string): Promise<Replay> {
  const output = await net.runInNamespace('tcpreplay', ['--preload-pcap', '--topspeed', `--intf1=${pair.inside}`, pcap]);
  return parse(output);
}
