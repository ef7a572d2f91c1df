// The in-process netwatch cases (read, decode, decode + flows): warm-up, timed runs, and what the flow table held.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { decodeAndFlows, decodeOnly, type LoopRun, readOnly } from './netwatch-loop.js';
import type { CaseId, Run } from './plan.js';
import { formatMiB, formatPps } from './report.js';

// A full collection before each run, so one run's garbage (a table of 200 k flows) is not the next run's GC work.
setFlagsFromString('--expose_gc');
const collect = runInNewContext('gc') as () => void;

export const inProcessCases: readonly { id: CaseId; label: string; command: string }[] = [
  {
    id: 'read',
    label: 'netwatch read only (in-process)',
    command: 'openCaptureFile + next(view) per packet',
  },
  {
    id: 'decode',
    label: 'netwatch read + decodePacket (in-process, one core)',
    command: 'the same + decodePacket into one reused createDecodedPacket()',
  },
  {
    id: 'flows',
    label: 'netwatch read + decode + FlowTable (in-process, one core)',
    command: 'the same + FlowTable.onPacket, advance(tsSec) every 16 384 packets, finish() (timed)',
  },
];

export class InProcess {
  private lastFlows: LoopRun | undefined;
  private bestFlows: LoopRun | undefined;

  constructor(private readonly path: string) {}

  /** One million packets through each loop, so the timed runs measure optimised code. */
  warmUp(): void {
    decodeOnly(this.path, 1_000_000);
    decodeAndFlows(this.path, 1_000_000);
    collect();
  }

  /** One timed run; CPU time is the whole process' (the loop, plus GC threads working beside it). */
  run(id: CaseId): Run {
    collect();
    const cpu = process.cpuUsage();
    const run = id === 'read' ? readOnly(this.path) : id === 'decode' ? decodeOnly(this.path) : decodeAndFlows(this.path);
    const used = process.cpuUsage(cpu);
    if (id === 'flows') {
      this.lastFlows = run;
      if (this.bestFlows === undefined || run.seconds < this.bestFlows.seconds) this.bestFlows = run;
    }
    return { seconds: run.seconds, userSeconds: used.user / 1e6, sysSeconds: used.system / 1e6 };
  }

  /** What the flow table did and held (last run), and the packet loop's rate without finish() (best run). */
  flowDetails(): string[] {
    const last = this.lastFlows;
    const fastest = this.bestFlows;
    if (!last || !fastest) return [];
    const s = last.flowStats;
    const before = last.memoryBeforeFinish;
    const after = last.memoryAfterFinish;
    const finish = fastest.finishSeconds ?? 0;
    return [
      `- netwatch decode + flows, best run: packet loop ${(fastest.seconds - finish).toFixed(2)} s ` +
      `(${formatPps(fastest.packets / (fastest.seconds - finish))} pkt/s), finish() ${finish.toFixed(2)} s ` +
      `exporting ${fastest.exported} records (${((finish / Math.max(1, fastest.exported ?? 1)) * 1e6).toFixed(1)} µs each)`,
      s
        ? `- flow table before finish(): ${s.activeFlows} active flows, ${s.flowsCreated} created, ${s.evicted} evicted, ` +
        `exported so far ${JSON.stringify(s.exported)}, store ${formatMiB(s.allocatedBytes)}`
        : '- flow table: no stats',
      before && after
        ? `- memory (process, last run): before finish() RSS ${formatMiB(before.rss)}, heap used ${formatMiB(before.heapUsed)}; ` +
        `after finish() RSS ${formatMiB(after.rss)}, heap used ${formatMiB(after.heapUsed)}`
        : '- memory: not sampled',
    ];
  }
}
