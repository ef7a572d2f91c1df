// Checks tshark against itself: its conversation tables must agree with the per-frame tally used as ground truth.
import { type Conversation, type Counts, endpoint, endpointText, sentBy, type Transport } from './conversation.js';
import type { FrameTally } from './tshark-frames.js';
import { type ConvRow, type ConvTable, figureMatches, splitAddressPort, table } from './tshark-conversations.js';

interface Side {
  frames: number;
  bytes: ConvRow['aToB']['bytes'];
}

function sideProblem(what: string, row: Side, exact: Counts): string | undefined {
  if (row.frames !== exact.packets || !figureMatches(exact.bytes, row.bytes)) {
    return `${what}: table ${row.frames} frames ${row.bytes.value} ${row.bytes.unit}, ` +
      `frames tally ${exact.packets} frames ${exact.bytes} bytes`;
  }
  return undefined;
}

function rowProblems(label: string, row: ConvRow, a: Counts | undefined, b: Counts | undefined): string[] {
  if (a === undefined || b === undefined) return [`${label}: in the table, not in the frame tally`];
  return [sideProblem(`${label} A→B`, row.aToB, a), sideProblem(`${label} B→A`, row.bToA, b)]
    .filter((p): p is string => p !== undefined);
}

/** TCP/UDP rows ↔ tally streams: one row per stream, in first-frame order for repeated port pairs. */
function portTableProblems(rows: readonly ConvRow[], streams: Conversation[], transport: 'tcp' | 'udp'): string[] {
  const problems: string[] = [];
  const unmatched = new Set(streams.filter((c) => c.transport === transport));
  for (const row of [...rows].sort((x, y) => x.relativeStart - y.relativeStart)) {
    const a = splitAddressPort(row.a);
    const b = splitAddressPort(row.b);
    const aText = endpointText(endpoint(a.ip, a.port));
    const bText = endpointText(endpoint(b.ip, b.port));
    const label = `${transport} ${row.a} <-> ${row.b}`;
    const stream = [...unmatched].find((c) => endpointText(c.a) === aText && endpointText(c.b) === bText);
    if (stream === undefined) {
      problems.push(`${label}: in the table, not in the frame tally`);
      continue;
    }
    unmatched.delete(stream);
    problems.push(...rowProblems(label, row, stream.aToB, stream.bToA));
  }
  for (const c of unmatched) problems.push(`${c.origin} ${endpointText(c.a)} → ${endpointText(c.b)}: not in the table`);
  return problems;
}

/** ICMP rows are per address pair; the tally splits a pair by Community ID, so sum it back. */
function icmpTableProblems(rows: readonly ConvRow[], all: Conversation[], transport: 'icmp' | 'ipv6-icmp'): string[] {
  const problems: string[] = [];
  const convs = all.filter((c) => c.transport === transport);
  const seen = new Set<Conversation>();
  for (const row of rows) {
    const a = endpoint(row.a);
    const b = endpoint(row.b);
    const sum = (from: typeof a, to: typeof b): Counts => {
      const total = { packets: 0, bytes: 0 };
      for (const c of convs) {
        const sent = sentBy(c, from);
        if (sent === undefined || sentBy(c, to) === undefined) continue;
        seen.add(c);
        total.packets += sent.packets;
        total.bytes += sent.bytes;
      }
      return total;
    };
    problems.push(...rowProblems(`${transport} ${row.a} <-> ${row.b}`, row, sum(a, b), sum(b, a)));
  }
  for (const c of convs) {
    if (!seen.has(c)) problems.push(`${c.origin} ${endpointText(c.a)} → ${endpointText(c.b)}: not in the table`);
  }
  return problems;
}

function minus(x: Counts, y: Counts): Counts {
  return { packets: x.packets - y.packets, bytes: x.bytes - y.bytes };
}

/** The tally as the tables count it: a fragmented datagram once, as the frame that completes it. */
function asTablesCount(tally: FrameTally): Conversation[] {
  return tally.conversations.map((c) => {
    const extra = tally.fragments.get(c);
    return extra === undefined ? c : { ...c, aToB: minus(c.aToB, extra.aToB), bToA: minus(c.bToA, extra.bToA) };
  });
}

/** Every disagreement between tshark's conversation tables and its own frames, as readable lines. */
export function tsharkConsistencyProblems(tables: readonly ConvTable[], frames: FrameTally): string[] {
  const tally = asTablesCount(frames);
  return [
    ...portTableProblems(table(tables, 'TCP').rows, tally, 'tcp'),
    ...portTableProblems(table(tables, 'UDP').rows, tally, 'udp'),
    ...icmpTableProblems(table(tables, 'IPv4', 'icmp').rows, tally, 'icmp'),
    ...icmpTableProblems(table(tables, 'IPv6', 'icmpv6').rows, tally, 'ipv6-icmp'),
  ];
}

/** Which table (title, filter) holds each transport's conversations. */
const TABLE_OF: Record<Transport, [string, string]> = {
  tcp: ['TCP', '<No Filter>'],
  udp: ['UDP', '<No Filter>'],
  icmp: ['IPv4', 'icmp'],
  'ipv6-icmp': ['IPv6', 'icmpv6'],
};

/** tshark's table row for a conversation of the frame tally (TCP/UDP: its stream's row; ICMP: its address pair's). */
export function tableRowFor(tables: readonly ConvTable[], c: Conversation): ConvRow | undefined {
  const wanted = [endpointText(c.a), endpointText(c.b)].sort().join(' ');
  const [title, filter] = TABLE_OF[c.transport];
  const rowText = (text: string) => {
    if (c.transport !== 'tcp' && c.transport !== 'udp') return endpointText(endpoint(text));
    const { ip, port } = splitAddressPort(text);
    return endpointText(endpoint(ip, port));
  };
  const rows = table(tables, title, filter).rows.filter((r) => [rowText(r.a), rowText(r.b)].sort().join(' ') === wanted);
  return rows.length === 1 ? rows[0] : undefined;
}
