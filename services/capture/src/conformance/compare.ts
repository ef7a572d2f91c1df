// Pairs netwatch flows with tshark conversations and lists every way they differ, with exact numbers.
import { type Conversation, type Counts, endpointText, sentBy } from './conversation.js';

export type DifferenceKind =
  | 'only-tshark' |
  'only-netwatch' |
  'packets' |
  'bytes' |
  'community-id' |
  'initiator';

export interface Difference {
  readonly kind: DifferenceKind;
  /** Transport, VLAN and endpoint pair (unordered). */
  readonly group: string;
  readonly detail: string;
  readonly tshark?: Conversation;
  readonly netwatch?: Conversation;
}

export interface Comparison {
  /** Pairs (tshark, netwatch) found for the same conversation. */
  readonly pairs: { tshark: Conversation; netwatch: Conversation }[];
  readonly differences: Difference[];
}

/** Transport, VLAN and the unordered endpoint pair: what two records must share to be the same conversation. */
export function groupKey(c: Conversation): string {
  const [x, y] = [endpointText(c.a), endpointText(c.b)].sort();
  return `${c.transport}${c.vlanId === undefined ? '' : ` vlan ${c.vlanId}`} ${x} <-> ${y}`;
}

function sameCounts(t: Conversation, n: Conversation): boolean {
  const fromA = sentBy(t, n.a);
  const fromB = sentBy(t, n.b);
  return fromA !== undefined && fromB !== undefined &&
    fromA.packets === n.aToB.packets && fromA.bytes === n.aToB.bytes &&
    fromB.packets === n.bToA.packets && fromB.bytes === n.bToA.bytes;
}

type Rule = (t: Conversation, n: Conversation) => boolean;

// Most specific first: a Community ID and counts both agreeing is the surest pairing.
const RULES: readonly Rule[] = [
  (t, n) => t.communityId === n.communityId && sameCounts(t, n),
  (t, n) => t.communityId === n.communityId,
  sameCounts,
];

function pairGroup(tshark: Conversation[], netwatch: Conversation[]): [Conversation, Conversation][] {
  const pairs: [Conversation, Conversation][] = [];
  for (const rule of RULES) {
    for (const t of [...tshark]) {
      const n = netwatch.find((candidate) => rule(t, candidate));
      if (n === undefined) continue;
      pairs.push([t, n]);
      tshark.splice(tshark.indexOf(t), 1);
      netwatch.splice(netwatch.indexOf(n), 1);
    }
  }
  // One left on each side: the same conversation counted differently.
  const [t] = tshark;
  const [n] = netwatch;
  if (tshark.length === 1 && netwatch.length === 1 && t !== undefined && n !== undefined) {
    pairs.push([t, n]);
    tshark.length = 0;
    netwatch.length = 0;
  }
  return pairs;
}

function countDifferences(group: string, t: Conversation, n: Conversation): Difference[] {
  const differences: Difference[] = [];
  for (const [from, counted] of [[n.a, n.aToB], [n.b, n.bToA]] as const) {
    const truth: Counts | undefined = sentBy(t, from);
    const dir = `${endpointText(from)} sent`;
    if (truth === undefined) continue;
    if (truth.packets !== counted.packets) {
      differences.push({ kind: 'packets', group, detail: `${dir}: tshark ${truth.packets} packets, netwatch ${counted.packets}`,
        tshark: t, netwatch: n });
    }
    if (truth.bytes !== counted.bytes) {
      differences.push({ kind: 'bytes', group, detail: `${dir}: tshark ${truth.bytes} bytes, netwatch ${counted.bytes}`,
        tshark: t, netwatch: n });
    }
  }
  if (t.communityId !== n.communityId) {
    differences.push({ kind: 'community-id', group, detail: `tshark ${t.communityId}, netwatch ${n.communityId}`,
      tshark: t, netwatch: n });
  }
  // netwatch's source is the client; for every conversation that starts inside the capture that is
  // the side that sent the first packet, which is tshark's A.
  if (endpointText(t.a) !== endpointText(n.a)) {
    differences.push({ kind: 'initiator', group,
      detail: `first packet from ${endpointText(t.a)} (tshark A), netwatch source ${endpointText(n.a)}`, tshark: t, netwatch: n });
  }
  return differences;
}

/** Compares the two views of one capture; an empty `differences` means they agree exactly. */
export function compareConversations(tshark: readonly Conversation[], netwatch: readonly Conversation[]): Comparison {
  const groups = new Map<string, { tshark: Conversation[]; netwatch: Conversation[] }>();
  const groupOf = (c: Conversation) => {
    const key = groupKey(c);
    let g = groups.get(key);
    if (g === undefined) groups.set(key, (g = { tshark: [], netwatch: [] }));
    return g;
  };
  for (const c of tshark) groupOf(c).tshark.push(c);
  for (const c of netwatch) groupOf(c).netwatch.push(c);

  const pairs: Comparison['pairs'] = [];
  const differences: Difference[] = [];
  for (const [group, g] of groups) {
    for (const [t, n] of pairGroup(g.tshark, g.netwatch)) {
      pairs.push({ tshark: t, netwatch: n });
      differences.push(...countDifferences(group, t, n));
    }
    for (const t of g.tshark) {
      differences.push({ kind: 'only-tshark', group, detail: `${t.origin}: ${describe(t)}`, tshark: t });
    }
    for (const n of g.netwatch) {
      differences.push({ kind: 'only-netwatch', group, detail: `${n.origin}: ${describe(n)}`, netwatch: n });
    }
  }
  return { pairs, differences };
}

/** `a → b 3 pkts 200 B, back 2 pkts 120 B`: enough to find the conversation in the capture. */
export function describe(c: Conversation): string {
  return `${endpointText(c.a)} → ${endpointText(c.b)} ${c.aToB.packets} pkts ${c.aToB.bytes} B, ` +
    `back ${c.bToA.packets} pkts ${c.bToA.bytes} B${c.communityId === undefined ? '' : ` ${c.communityId}`}`;
}
