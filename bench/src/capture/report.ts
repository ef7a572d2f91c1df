// Renders the capture bench results: one markdown table, the ratios against each peer, and the target verdicts.
import { SOFTFLOWD_MAX_FLOWS } from './peers.js';
import { best, type CaseResult, rate } from './plan.js';

/** Targets the capture path is held to. */
export const targets = { flowsRate: 3_500_000, vsSoftflowd: 1.25, replayVsSoftflowd: 1 } as const;

export function formatPps(pps: number): string {
  if (!Number.isFinite(pps)) return '-';
  return pps >= 1e6 ? `${(pps / 1e6).toFixed(2)} M` : `${(pps / 1e3).toFixed(0)} k`;
}

export function formatMiB(bytes: number | undefined): string {
  return bytes === undefined ? '-' : `${(bytes / 2 ** 20).toFixed(0)} MiB`;
}

function cpu(result: CaseResult): string {
  const b = best(result);
  if (b?.userSeconds === undefined || b.sysSeconds === undefined) return '-';
  return `${b.userSeconds.toFixed(2)} + ${b.sysSeconds.toFixed(2)}`;
}

export function render(results: readonly CaseResult[]): string[] {
  const flows = results.find((r) => r.id === 'flows');
  const flowsRate = flows ? rate(flows) : Number.NaN;
  const out = [
    '| tool | packets | seconds (best) | runs (s) | pkt/s | netwatch decode+flows ÷ tool | CPU user + sys (s) | max RSS |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    if (r.error !== undefined) {
      out.push(`| ${r.label} | - | failed: ${r.error.replace(/\|/g, '/').slice(0, 200)} | - | - | - | - | - |`);
      continue;
    }
    const b = best(r);
    const ratio = r.id === 'flows' || !Number.isFinite(flowsRate) ? '-' : `${(flowsRate / rate(r)).toFixed(2)}x`;
    out.push(
      `| ${r.label} | ${r.packets} | ${b ? b.seconds.toFixed(2) : '-'} | ${r.runs.map((x) => x.seconds.toFixed(2)).join(', ')} | ` +
      `${formatPps(rate(r))} | ${ratio} | ${cpu(r)} | ${formatMiB(b?.maxRssBytes)} |`,
    );
  }
  out.push('', 'Targets:');
  const softflowd = results.find((r) => r.id === 'softflowd' && r.error === undefined);
  const replay = results.find((r) => r.id === 'replay' && r.error === undefined);
  const verdict = (ok: boolean) => (ok ? 'MET' : 'MISSED');
  if (flows) {
    out.push(`- ≥ ${formatPps(targets.flowsRate)} pkt/s decode + flows on one core: ${formatPps(flowsRate)} → ${verdict(flowsRate >= targets.flowsRate)}`);
  }
  if (flows && softflowd) {
    const x = flowsRate / rate(softflowd);
    out.push(`- ≥ ${targets.vsSoftflowd}x softflowd (-m ${SOFTFLOWD_MAX_FLOWS}), decode + flows: ${x.toFixed(2)}x → ${verdict(x >= targets.vsSoftflowd)}`);
  }
  if (replay && softflowd) {
    const x = rate(replay) / rate(softflowd);
    out.push(`- whole replay ≥ softflowd: ${formatPps(rate(replay))} vs ${formatPps(rate(softflowd))} pkt/s = ${x.toFixed(2)}x → ${verdict(x >= targets.replayVsSoftflowd)}`);
  }
  return out;
}
