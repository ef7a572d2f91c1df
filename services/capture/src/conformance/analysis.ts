// One capture seen by both tools: tshark's tables and frame tally, netwatch's flows, and how they compare.
import { type Comparison, compareConversations, type Difference } from './compare.js';
import { netwatchFlows, type NetwatchFlows } from './netwatch-flows.js';
import { type ConvTable, tsharkConversations } from './tshark-conversations.js';
import { type FrameTally, tsharkFrames } from './tshark-frames.js';

export interface Analysis {
  readonly tables: ConvTable[];
  readonly frames: FrameTally;
  readonly flows: NetwatchFlows;
  readonly comparison: Comparison;
}

/** Runs tshark (twice) and netwatch on `path` side by side and compares; `flowEnv` as for `netwatchFlows`. */
export async function analyse(path: string, flowEnv: Record<string, string> = {}): Promise<Analysis> {
  const [tables, frames, flows] = await Promise.all([
    tsharkConversations(path),
    tsharkFrames(path),
    netwatchFlows(path, flowEnv),
  ]);
  return { tables, frames, flows, comparison: compareConversations(frames.conversations, flows.conversations) };
}

/** One line per difference, for assertion messages that say exactly what differs. */
export function formatDifference(d: Difference): string {
  return `${d.kind} ${d.group}: ${d.detail}`;
}

/** Packets in the conversations both tools agree on, the figure a passing comparison covers. */
export function packetsCompared(comparison: Comparison): number {
  return comparison.pairs.reduce((sum, { tshark: t }) => sum + t.aToB.packets + t.bToA.packets, 0);
}
