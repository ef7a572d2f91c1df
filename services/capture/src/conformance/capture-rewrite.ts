// Offline edits of a real capture with real tools, for what the lab's kernel cannot make (VLAN tags, a late start).
import { run, runOk } from '@netwatch/packet/testing/lab/process';

/** The VLAN id `addVlanTag` puts on every frame. */
export const VLAN_ID = 100;

/** tcprewrite inserts an 802.1Q tag (VLAN_ID, priority 0) into every Ethernet frame: 4 bytes more each. */
export async function addVlanTag(from: string, to: string): Promise<void> {
  await runOk('tcprewrite', ['--enet-vlan=add', `--enet-vlan-tag=${VLAN_ID}`, '--enet-vlan-cfi=0', '--enet-vlan-pri=0',
    `--infile=${from}`, `--outfile=${to}`], { timeoutMs: 30_000 });
}

/**
 * Drops every frame before the first TCP payload sent from `serverPort`, as if the capture had
 * started in the middle of the download: no handshake, and the server speaks first.
 */
export async function startAtServerData(from: string, to: string, serverPort: number): Promise<number> {
  // Not -c 1: with a display filter, tshark's -c counts frames read, not frames shown.
  const found = await run('tshark', ['-n', '-r', from, '-Y', `tcp.srcport == ${serverPort} && tcp.len > 0`,
    '-T', 'fields', '-e', 'frame.number'], { timeoutMs: 30_000 });
  const first = Number(found.stdout.split('\n')[0]);
  if (found.code !== 0 || !Number.isInteger(first) || first < 2) {
    throw new Error(`no server data from port ${serverPort} in ${from}: ${found.stdout}${found.stderr}`);
  }
  // Without -r, editcap deletes the frames listed (this version has no open-ended "N-" range).
  await runOk('editcap', [from, to, `1-${first - 1}`], { timeoutMs: 30_000 });
  return first;
}

/** editcap cuts every frame to `snaplen` stored bytes (the wire length stays in the record) and writes pcapng. */
export async function truncateToPcapng(from: string, to: string, snaplen: number): Promise<void> {
  await runOk('editcap', ['-s', String(snaplen), '-F', 'pcapng', from, to], { timeoutMs: 30_000 });
}
