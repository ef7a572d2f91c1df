// Renders the runs as markdown: one row per run, then netwatch against tcpdump and the target verdict.
import { capturedRate, type Capturer, type DrainResult, drainRate, dropPercent, type LiveResult } from './run-result.js';

/** What netwatch is held to on this bench. */
export const target = { rate: 500_000, dropPercent: 0.1 } as const;

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

function median(values: readonly number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const rate = (n: number) => (Number.isFinite(n) ? `${(n / 1000).toFixed(0)} k` : '-');
const percent = (n: number) => `${n.toFixed(3)} %`;
const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}x` : '-');
const nsPer = (seconds: number, packets: number) => (seconds * 1e9) / Math.max(1, packets);

function byCapturer<T extends { capturer: Capturer }>(runs: readonly T[], who: Capturer): T[] {
  return runs.filter((r) => r.capturer === who);
}

export function render(live: readonly LiveResult[], drain: readonly DrainResult[]): string[] {
  const out = ['Live: tcpreplay --topspeed into the veth while capturing on its peer', ''];
  out.push(
    ...table(
      ['capturer', 'round', 'sent', 'offered pkt/s', 'captured', 'captured pkt/s', 'kernel drops', 'drop %', 'if drops', 'CPU ns/pkt'],
      live.map((r) => [
        r.capturer,
        String(r.round),
        String(r.replay.sent),
        rate(r.replay.pps),
        String(r.captured),
        rate(capturedRate(r)),
        String(r.dropped),
        percent(dropPercent(r)),
        String(r.ifDropped),
        nsPer(r.cpuSeconds, r.captured).toFixed(0),
      ]),
    ),
  );
  if (drain.length > 0) {
    out.push('', 'Drain: the ring filled while the capturer was paused, then read as fast as it can', '');
    out.push(
      ...table(
        ['capturer', 'round', 'packets', 'kernel drops while filling', 'seconds', 'drain pkt/s', 'CPU ns/pkt'],
        drain.map((r) => [
          r.capturer,
          String(r.round),
          String(r.packets),
          String(r.dropped),
          r.seconds.toFixed(3),
          rate(drainRate(r)),
          Number.isFinite(r.cpuSeconds) ? nsPer(r.cpuSeconds, r.packets).toFixed(0) : '-',
        ]),
      ),
    );
  }
  const nwLive = byCapturer(live, 'netwatch');
  const tdLive = byCapturer(live, 'tcpdump');
  const nwRate = median(nwLive.map(capturedRate));
  const tdRate = median(tdLive.map(capturedRate));
  const nwDrop = median(nwLive.map(dropPercent));
  const tdDrop = median(tdLive.map(dropPercent));
  const nwDrain = median(byCapturer(drain, 'netwatch').map(drainRate));
  const tdDrain = median(byCapturer(drain, 'tcpdump').map(drainRate));
  const rows = [
    ['live captured pkt/s', rate(nwRate), rate(tdRate), ratio(nwRate, tdRate)],
    ['live kernel drop %', percent(nwDrop), percent(tdDrop), '-'],
  ];
  if (drain.length > 0) rows.push(['drain pkt/s', rate(nwDrain), rate(tdDrain), ratio(nwDrain, tdDrain)]);
  out.push('', ...table(['median over rounds', 'netwatch', 'tcpdump', 'netwatch/tcpdump'], rows), '');
  const liveMet = nwRate >= target.rate && nwDrop < target.dropPercent;
  out.push(
    `target ≥ ${rate(target.rate)} pkt/s with < ${target.dropPercent} % kernel drops: ` +
    (liveMet
      ? 'met live'
      : `not shown live (offered ${rate(median(nwLive.map((r) => r.replay.pps)))} pkt/s, ${percent(nwDrop)} drops)` +
        (drain.length > 0 ? `; netwatch drains ${rate(nwDrain)} pkt/s` : '')),
  );
  return out;
}
