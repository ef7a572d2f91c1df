// Exact per-conversation tallies from tshark's per-frame fields: the conversation tables round bytes, this does not.
import { type Conversation, type Counts, endpoint, type Transport } from './conversation.js';
import { run } from '@netwatch/packet/testing/lab/process';

const FIELDS = [
  'frame.number', 'frame.len', 'ip.src', 'ip.dst', 'ipv6.src', 'ipv6.dst',
  'tcp.srcport', 'tcp.dstport', 'tcp.stream', 'udp.srcport', 'udp.dstport', 'udp.stream',
  'icmp.type', 'icmpv6.type', 'vlan.id', 'communityid', 'ip.reassembled_in', 'ipv6.reassembled.in',
] as const;

type Row = Record<(typeof FIELDS)[number], string>;

export interface FrameTally {
  /** Every frame counted, IP fragments included (each with its own length). */
  readonly conversations: Conversation[];
  /**
   * The fragments in each conversation that are not the frame completing their datagram: tshark's
   * conversation tables leave these out, counting a fragmented datagram once, as its last frame.
   */
  readonly fragments: Map<Conversation, { aToB: Counts; bToA: Counts }>;
  /** Frames that are not TCP, UDP, ICMP or ICMPv6 over IP (ARP, …): neither tool makes a flow of them. */
  readonly otherFrames: number;
  readonly frames: number;
}

interface Building {
  transport: Transport;
  a: Conversation['a'];
  b: Conversation['b'];
  aToB: { packets: number; bytes: number };
  bToA: { packets: number; bytes: number };
  communityId?: string;
  vlanId?: number;
  origin: string;
}

function transportOf(row: Row): Transport | undefined {
  // An ICMP error quotes the offending IP/UDP/TCP header, and tshark fills udp.* / tcp.* from that
  // quote: the ICMP type decides first. (tshark's conv,udp itself does not count these frames.)
  if (row['icmp.type'] !== '') return 'icmp';
  if (row['icmpv6.type'] !== '') return 'ipv6-icmp';
  if (row['tcp.stream'] !== '') return 'tcp';
  if (row['udp.stream'] !== '') return 'udp';
  return undefined;
}

function parseRows(text: string): Row[] {
  return text.split('\n').filter((line) => line !== '').map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(FIELDS.map((f, i) => [f, cells[i] ?? ''])) as Row;
  });
}

/**
 * Groups frames the way tshark's conversation tables do: TCP and UDP by tshark's stream index
 * (a new TCP stream starts when a port pair is reused after a close), ICMP by address pair and
 * Community ID. `-E occurrence=f` takes the outer header where an ICMP error repeats a field.
 * An IP fragment counts in the conversation of the frame that completes its datagram (tshark's
 * `ip.reassembled_in`, filled by its second pass), in the direction it was sent.
 */
export function tallyFrames(text: string): FrameTally {
  const rows = parseRows(text);
  const byKey = new Map<string, Building>();
  const byFrame = new Map<string, Building>();
  const pendingFragments: Row[] = [];
  let otherFrames = 0;
  for (const row of rows) {
    const transport = transportOf(row);
    const src = row['ip.src'] || row['ipv6.src'];
    const dst = row['ip.dst'] || row['ipv6.dst'];
    if (transport === undefined && (row['ip.reassembled_in'] || row['ipv6.reassembled.in'])) {
      pendingFragments.push(row);
      continue;
    }
    if (transport === undefined || src === '' || dst === '') {
      otherFrames++;
      continue;
    }
    const ports = transport === 'tcp' || transport === 'udp';
    const from = endpoint(src, ports ? Number(row[`${transport}.srcport`]) : undefined);
    const to = endpoint(dst, ports ? Number(row[`${transport}.dstport`]) : undefined);
    const fromText = `${from.ip}|${from.port ?? ''}`;
    const pair = [fromText, `${to.ip}|${to.port ?? ''}`].sort().join(' ');
    const vlan = row['vlan.id'] === '' ? undefined : Number(row['vlan.id']);
    const key = ports
      ? `${transport} ${row[`${transport}.stream`]}`
      : `${transport} ${pair} ${row.communityid} ${vlan ?? ''}`;
    let c = byKey.get(key);
    if (c === undefined) {
      c = {
        transport, a: from, b: to, aToB: { packets: 0, bytes: 0 }, bToA: { packets: 0, bytes: 0 },
        origin: ports ? `tshark ${transport}.stream ${row[`${transport}.stream`]}` : `tshark frame ${row['frame.number']}`,
        ...(row.communityid === '' ? {} : { communityId: row.communityid }),
        ...(vlan === undefined ? {} : { vlanId: vlan }),
      };
      byKey.set(key, c);
    }
    byFrame.set(row['frame.number'], c);
    const counts = fromText === `${c.a.ip}|${c.a.port ?? ''}` ? c.aToB : c.bToA;
    counts.packets++;
    counts.bytes += Number(row['frame.len']);
  }
  const fragments = new Map<Building, { aToB: Counts; bToA: Counts }>();
  for (const row of pendingFragments) {
    const c = byFrame.get(row['ip.reassembled_in'] || row['ipv6.reassembled.in']);
    if (c === undefined) {
      otherFrames++;
      continue;
    }
    // A fragment has no ports: its direction is its source address (both ends differ in address here).
    const aSent = canonicalSource(row) === c.a.ip;
    let extra = fragments.get(c);
    if (extra === undefined) {
      extra = { aToB: { packets: 0, bytes: 0 }, bToA: { packets: 0, bytes: 0 } };
      fragments.set(c, extra);
    }
    for (const counts of aSent ? [c.aToB, extra.aToB] : [c.bToA, extra.bToA]) {
      counts.packets++;
      counts.bytes += Number(row['frame.len']);
    }
  }
  return { conversations: [...byKey.values()], fragments, otherFrames, frames: rows.length };
}

function canonicalSource(row: Row): string {
  return endpoint(row['ip.src'] || row['ipv6.src']).ip;
}

/** Runs tshark over every frame of `path`: two passes (for `reassembled_in`), Community ID post-dissector on. */
export async function tsharkFrames(path: string): Promise<FrameTally> {
  const result = await run('tshark', ['-2', '-n', '-r', path, '--enable-protocol', 'communityid', '-T', 'fields',
    '-E', 'occurrence=f', '-E', 'separator=/t', ...FIELDS.flatMap((f) => ['-e', f])], { timeoutMs: 60_000 });
  if (result.code !== 0) throw new Error(`tshark fields on ${path}: exit ${result.code}\n${result.stderr}`);
  return tallyFrames(result.stdout);
}

/** Capture times (seconds, as decimal text parsed to numbers) of the frames matching a display filter. */
export async function tsharkFrameTimes(path: string, displayFilter: string): Promise<number[]> {
  const result = await run('tshark', ['-n', '-r', path, '-Y', displayFilter, '-T', 'fields', '-e', 'frame.time_epoch'],
    { timeoutMs: 60_000 });
  if (result.code !== 0) throw new Error(`tshark times on ${path}: exit ${result.code}\n${result.stderr}`);
  return result.stdout.split('\n').filter(Boolean).map(Number);
}
