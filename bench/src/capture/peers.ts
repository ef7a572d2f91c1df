// The peer commands, exactly as run: netwatch replay, softflowd, tcpdump, tshark; each on the same file.
import { fileURLToPath } from 'node:url';
import type { CaptureSummary } from './generate.js';
import type { CaseId } from './plan.js';

const netwatchBin = fileURLToPath(new URL('../../../services/cli/bin/netwatch.js', import.meta.url));

/** softflowd holds every flow of the file: in -r mode it expires flows only when the table is full. */
export const SOFTFLOWD_MAX_FLOWS = 1_048_576;

export interface PeerCommand {
  readonly id: CaseId;
  readonly label: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly packets: number;
}

/**
 * `collector` is the loopback address softflowd exports NetFlow v9 to. No -c: given a control
 * socket path in -r mode, softflowd 1.1.0 blocks in accept() on it and never reads the file.
 */
export function peerCommands(capture: CaptureSummary, collector: string): PeerCommand[] {
  const file = capture.path;
  const softflowd = (maxFlows: number) => ['-r', file, '-n', collector, '-v', '9', '-d', '-m', String(maxFlows)];
  return [
    {
      id: 'replay',
      label: 'netwatch replay --quiet (whole pipeline, subprocess)',
      command: process.execPath,
      args: [netwatchBin, 'replay', file, '--quiet'],
      packets: capture.packets,
    },
    {
      id: 'softflowd',
      label: `softflowd -v 9 -m ${SOFTFLOWD_MAX_FLOWS} (every flow kept whole)`,
      command: 'softflowd',
      args: softflowd(SOFTFLOWD_MAX_FLOWS),
      packets: capture.packets,
    },
    {
      id: 'softflowd-8192',
      label: 'softflowd -v 9, default -m 8192 (flows cut by forced expiry)',
      command: 'softflowd',
      args: softflowd(8192),
      packets: capture.packets,
    },
    {
      id: 'tcpdump',
      label: 'tcpdump -r FILE -w /dev/null (libpcap read loop)',
      command: 'tcpdump',
      args: ['-r', file, '-w', '/dev/null'],
      packets: capture.packets,
    },
    {
      id: 'tshark',
      label: `tshark -n -q -z conv,ip (first ${capture.prefixPackets} packets)`,
      command: 'tshark',
      args: ['-n', '-q', '-z', 'conv,ip', '-r', capture.prefixPath],
      packets: capture.prefixPackets,
    },
  ];
}
