// The topology the page draws, pure: bounded to the nodes carrying the most bytes, links mapped to node indexes.
import type { Topology, TopologyNode } from '../data/types.js';
import { type LayoutLink } from './force-layout.js';

export interface GraphLink extends LayoutLink {
  bytes: number;
  flows: number;
  protocol?: string;
}

export interface Graph {
  nodes: TopologyNode[];
  links: GraphLink[];
  /** bytes per node (sum of its links) */
  weight: number[];
  droppedNodes: number;
}

export function buildGraph(t: Topology, maxNodes = 150): Graph {
  const bytes = new Map<string, number>();
  for (const l of t.links) {
    bytes.set(l.source, (bytes.get(l.source) ?? 0) + l.bytes);
    bytes.set(l.target, (bytes.get(l.target) ?? 0) + l.bytes);
  }
  const known = new Map(t.nodes.map((n) => [n.id, n]));
  // devices first among equals: they are the user's own network
  const kept = [...known.values()]
    .sort((a, b) => (bytes.get(b.id) ?? 0) - (bytes.get(a.id) ?? 0) || (a.kind === 'device' ? -1 : 1))
    .slice(0, maxNodes);
  const index = new Map(kept.map((n, i) => [n.id, i]));
  const maxBytes = Math.max(1, ...t.links.map((l) => l.bytes));
  const links: GraphLink[] = [];
  for (const l of t.links) {
    const s = index.get(l.source);
    const g = index.get(l.target);
    if (s === undefined || g === undefined) continue;
    const weight = Math.log1p(l.bytes) / Math.log1p(maxBytes);
    const link: GraphLink = { source: s, target: g, weight, bytes: l.bytes, flows: l.flows };
    if (l.protocol !== undefined) link.protocol = l.protocol;
    links.push(link);
  }
  return {
    nodes: kept,
    links,
    weight: kept.map((n) => bytes.get(n.id) ?? 0),
    droppedNodes: known.size - kept.length,
  };
}
