// Renders the results as markdown tables, ratios against kcat, and the target verdicts.
import { EVENT_BYTES } from './payload.js';
import type { CaseResult, KcatResult } from './plan.js';
import { formatMiBps, formatMs, formatRate } from './stats.js';

/** Targets the bus is held to. */
export const targets = { endToEndRate: 100_000, p99Ms: 50, pacedRate: 10_000 } as const;

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
}

function kcatRate(kcat: readonly KcatResult[], compression: string): number | undefined {
  const peer = kcat.find((k) => k.compression === (compression === 'gzip' ? 'gzip' : 'none'));
  return peer ? peer.events / peer.produceSeconds : undefined;
}

export function render(results: readonly CaseResult[], kcat: readonly KcatResult[]): string[] {
  const out: string[] = [];
  const thr = results.filter((r) => r.throughput !== undefined);
  out.push(`Throughput (1 publisher → 1 consumer group, ${EVENT_BYTES} B JSON events):`, '');
  out.push(
    ...table(
      ['case', 'events', 'produce (publish+flush)', 'end to end', 'end to end MiB/s', 'vs kcat produce'],
      thr.map((r) => {
        const t = r.throughput;
        if (t === undefined) return [];
        const e2e = t.events / t.endToEndSeconds;
        const peer = kcatRate(kcat, r.compression);
        return [
          r.label,
          String(t.events),
          formatRate(t.events / t.produceSeconds),
          formatRate(e2e),
          formatMiBps(e2e * EVENT_BYTES),
          peer ? `${(e2e / peer).toFixed(2)}x` : '-',
        ];
      }),
    ),
  );
  out.push('', 'kcat (librdkafka) on the same broker, same bytes:', '');
  out.push(
    ...table(
      ['case', 'events', 'produce', 'consume'],
      kcat.map((k) => [
        `kcat ${k.compression}`,
        String(k.events),
        formatRate(k.events / k.produceSeconds),
        k.consumeSeconds ? formatRate(k.events / k.consumeSeconds) : '-',
      ]),
    ),
  );
  const lat = results.filter((r) => r.latency !== undefined);
  out.push('', 'Publish → consume latency, paced:', '');
  out.push(
    ...table(
      ['case', 'paced at', 'sent', 'received', 'p50', 'p99', 'max'],
      lat.map((r) => {
        const l = r.latency;
        if (l === undefined) return [];
        return [
          r.label,
          formatRate(l.publishRate),
          String(l.sent),
          String(l.received),
          formatMs(l.p50),
          formatMs(l.p99),
          formatMs(l.max),
        ];
      }),
    ),
  );
  const failed = results.filter((r) => r.error !== undefined);
  if (failed.length > 0) {
    out.push('', 'Failed cases:');
    for (const r of failed) out.push(`- ${r.label}: ${r.error}`);
  }
  out.push('', 'Ratios (end to end vs kcat produce, same compression):');
  for (const r of thr) {
    const t = r.throughput;
    const peer = kcatRate(kcat, r.compression);
    if (t && peer)
      out.push(`- ${r.label}: ${(t.events / t.endToEndSeconds / peer).toFixed(2)}x kcat ${r.compression === 'gzip' ? 'gzip' : 'none'}`);
  }
  out.push('', 'Targets:');
  for (const r of thr.filter((x) => x.id !== 'memory')) {
    const t = r.throughput;
    if (!t) continue;
    const rate = t.events / t.endToEndSeconds;
    const verdict = rate >= targets.endToEndRate ? 'MET' : 'MISSED';
    out.push(`- ≥ ${formatRate(targets.endToEndRate)} end to end, ${r.label}: ${formatRate(rate)} → ${verdict}`);
  }
  for (const r of lat.filter((x) => x.id !== 'memory')) {
    const l = r.latency;
    if (!l) continue;
    const ok = l.p99 <= targets.p99Ms && l.received === l.sent;
    out.push(`- p99 ≤ ${targets.p99Ms} ms at ${formatRate(targets.pacedRate)}, ${r.label}: ${formatMs(l.p99)} → ${ok ? 'MET' : 'MISSED'}`);
  }
  return out;
}
