// The feed bench's results as markdown: what each client received, what it cost, and netwatch against the peer.
import type { ClientWindow, LatencySummary } from './protocol.js';
import type { CaseId, ServerCounters } from './servers.js';

export interface CaseResult {
  readonly id: CaseId;
  readonly label: string;
  readonly windowSec: number;
  readonly publishedPerSec: number;
  /** Flows the publisher skipped in the window because the process was too busy to keep its schedule. */
  readonly publisherFellBehind: number;
  /** Server process CPU (publisher, bus, API state, feed) in % of one core. */
  readonly serverCpuPct: number;
  readonly eventLoopBusy: number;
  /** Server-side counter deltas over the window. */
  readonly server: ServerCounters;
  readonly maxBufferedBytes: number;
  readonly maxRssBytes: number;
  /** How long the bus consumers took to catch up after publishing stopped; undefined if they had not after 10 s. */
  readonly settleMs: number | undefined;
  readonly clients?: {
    readonly perClient: readonly ClientWindow[];
    readonly latency: LatencySummary;
    readonly cpuMs: number;
    readonly errors: readonly string[];
  };
}

const rate = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)} M` : n >= 1e4 ? `${(n / 1e3).toFixed(1)} k` : n.toFixed(0));
const bytesRate = (n: number) => (n >= 2 ** 20 ? `${(n / 2 ** 20).toFixed(2)} MiB` : `${(n / 2 ** 10).toFixed(1)} KiB`);
const ms = (n: number) => (Number.isNaN(n) ? '-' : n >= 100 ? n.toFixed(0) : n.toFixed(1));
const pct = (n: number) => `${n.toFixed(0)} %`;

function perSecond(result: CaseResult, pick: (c: ClientWindow) => number): number[] {
  return (result.clients?.perClient ?? []).map((c) => pick(c) / result.windowSec);
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

export function deliveryTable(results: readonly CaseResult[]): string[] {
  const lines = [
    '| case | flows published/s | flows delivered/s per client (min–max) | flows delivered/s, all clients | ' +
    'flows not delivered, per client/s (`dropped`) | messages/s, all clients | bytes/s, all clients | ' +
    'delivery latency p50 / p99 / max (ms) |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    if (r.clients === undefined) {
      lines.push(`| ${r.label} | ${rate(r.publishedPerSec)} | - | - | - | - | - | - |`);
      continue;
    }
    const flows = perSecond(r, (c) => c.flows);
    const dropped = perSecond(r, (c) => c.dropped);
    const { latency } = r.clients;
    lines.push(`| ${r.label} | ${rate(r.publishedPerSec)} | ${rate(Math.min(...flows))}–${rate(Math.max(...flows))} | ` +
      `${rate(sum(flows))} | ${rate(sum(dropped) / Math.max(1, dropped.length))} | ` +
      `${rate(sum(perSecond(r, (c) => c.messages)))} | ${bytesRate(sum(perSecond(r, (c) => c.bytes)))} | ` +
      `${ms(latency.p50)} / ${ms(latency.p99)} / ${ms(latency.max)} |`);
  }
  return lines;
}

export function costTable(results: readonly CaseResult[]): string[] {
  const lines = [
    '| case | server CPU (one core = 100 %) | server event loop busy | client process CPU (all clients) | ' +
    'most bytes buffered in the server | server RSS (max) | consumers caught up after stop |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    const clientCpu = r.clients === undefined ? '-' : pct((r.clients.cpuMs / (r.windowSec * 1000)) * 100);
    const settle = r.settleMs === undefined ? 'not within 10 s' : `${ms(r.settleMs)} ms`;
    lines.push(`| ${r.label} | ${pct(r.serverCpuPct)} | ${pct(r.eventLoopBusy * 100)} | ${clientCpu} | ` +
      `${bytesRate(r.maxBufferedBytes)} | ${(r.maxRssBytes / 2 ** 20).toFixed(0)} MiB | ${settle} |`);
  }
  return lines;
}

/** netwatch ÷ peer on the figures that matter, and the feed's own CPU above the no-client baseline. */
export function ratioLines(results: readonly CaseResult[]): string[] {
  const by = (id: CaseId) => results.find((r) => r.id === id);
  const nw = by('netwatch');
  const peer = by('peer');
  const base = by('baseline');
  if (nw?.clients === undefined || peer?.clients === undefined) return ['- (ratios need both the netwatch and the peer case)'];
  const ratio = (a: number, b: number) => (b === 0 ? '-' : `${a / b < 0.1 ? (a / b).toPrecision(2) : (a / b).toFixed(2)}x`);
  const total = (r: CaseResult, pick: (c: ClientWindow) => number) => sum(perSecond(r, pick));
  const lines = [
    `- flows delivered/s, all clients: netwatch ${rate(total(nw, (c) => c.flows))}, peer ${rate(total(peer, (c) => c.flows))} → ` +
    `${ratio(total(nw, (c) => c.flows), total(peer, (c) => c.flows))} (netwatch sends at most 200 flows per 500 ms per client by design)`,
    `- bytes/s to the clients: ${ratio(total(nw, (c) => c.bytes), total(peer, (c) => c.bytes))}; ` +
    `messages/s: ${ratio(total(nw, (c) => c.messages), total(peer, (c) => c.messages))}`,
    `- client CPU (what each browser would spend parsing): ${ratio(nw.clients.cpuMs, peer.clients.cpuMs)}`,
    `- server CPU, whole process: ${ratio(nw.serverCpuPct, peer.serverCpuPct)}; server event loop busy: ` +
    `${ratio(nw.eventLoopBusy, peer.eventLoopBusy)} (on a shared machine a saturated process gets less CPU ` +
    'than it wants, so its CPU share understates its load; the event loop does not)',
    `- delivery latency p99: netwatch ${ms(nw.clients.latency.p99)} ms, peer ${ms(peer.clients.latency.p99)} ms → ` +
    `${ratio(nw.clients.latency.p99, peer.clients.latency.p99)}`,
  ];
  if (base !== undefined) {
    const nwFeed = nw.serverCpuPct - base.serverCpuPct;
    const peerFeed = peer.serverCpuPct - base.serverCpuPct;
    // A difference of a few points is within the run-to-run noise of a shared machine: no ratio of noise.
    const feedRatio = nwFeed >= 3 && peerFeed >= 3
      ? ` → ${ratio(nwFeed, peerFeed)}`
      : ' (no ratio: a figure under 3 points is within the noise of a shared machine)';
    lines.push(`- server CPU above the no-client baseline (${pct(base.serverCpuPct)}: publishing, bus, API state), ` +
      `i.e. the delivery itself: netwatch ${pct(nwFeed)}, peer ${pct(peerFeed)}${feedRatio}`);
  }
  for (const r of results) {
    if (r.publisherFellBehind > 0) {
      lines.push(`- ${r.label}: the publisher fell ${r.publisherFellBehind} flows behind its schedule in the window ` +
        '(the server process was too busy to publish at the rate asked: compare its published/s)');
    }
  }
  return lines;
}
