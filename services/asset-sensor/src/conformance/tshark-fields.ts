// tshark's view of a capture: chosen fields of the frames a display filter keeps, one row per frame.
import { execFileSync } from 'node:child_process';

/** Values of one frame: field → every occurrence in order (empty array when absent). */
export type FieldRow = Record<string, string[]>;

/**
 * Runs `tshark -r pcap -Y filter -T fields` with every occurrence of each field, separated by a
 * character no test value contains, and returns rows by frame number.
 */
export function tsharkFields(pcap: string, filter: string, fields: readonly string[]): Map<number, FieldRow> {
  const args = ['-r', pcap, '-Y', filter, '-T', 'fields', '-E', 'separator=\t', '-E', 'occurrence=a',
    '-E', 'aggregator=\u001f', '-e', 'frame.number', ...fields.flatMap((f) => ['-e', f])];
  const out = execFileSync('tshark', args, { encoding: 'utf8', timeout: 30_000, stdio: ['ignore', 'pipe', 'ignore'] });
  const rows = new Map<number, FieldRow>();
  for (const line of out.split('\n')) {
    if (line === '') continue;
    const cells = line.split('\t');
    const row: FieldRow = {};
    fields.forEach((f, i) => {
      const cell = cells[i + 1] ?? '';
      row[f] = cell === '' ? [] : cell.split('\u001f');
    });
    rows.set(Number(cells[0]), row);
  }
  return rows;
}

/**
 * Restricts a display filter to messages on the wire: tshark also dissects the packet an ICMP or
 * ICMPv6 error quotes (RFC 4443 §3.1), so a DHCPv6 Reply that reached a client which had already
 * closed its socket shows up again inside the port-unreachable. netwatch reads only the former.
 */
export function onTheWire(filter: string): string {
  return `(${filter}) && !icmp && !icmpv6`;
}
