// Entry: netwatch's decode + flow tracking against softflowd, tcpdump and tshark on one generated capture.
import { DiscardCollector } from './collector.js';
import { describeCapture, ensureCapture } from './generate.js';
import { InProcess, inProcessCases } from './inprocess.js';
import { describeMachine } from './machine.js';
import { peerCommands } from './peers.js';
import { type CaseResult, parseFlags } from './plan.js';
import { render } from './report.js';
import { runTool } from './run-tool.js';

const log = (line: string) => process.stderr.write(`[bench:capture] ${line}\n`);

async function main(): Promise<number> {
  const plan = parseFlags(process.argv.slice(2));
  const wanted = (id: string) => plan.only.length === 0 || plan.only.includes(id);
  const capture = ensureCapture(plan, log);
  const header = [
    ...describeMachine(),
    `command: node bench/dist/capture/main.js ${process.argv.slice(2).join(' ')}`.trimEnd(),
    describeCapture(capture),
    `each case run ${plan.runs} times, rounds interleaved; the table shows the fastest run`,
  ];
  for (const line of header) log(line);

  const collector = await DiscardCollector.open();
  const inProcess = new InProcess(capture.path);
  const peers = peerCommands(capture, collector.address).filter((p) => wanted(p.id));
  const results: CaseResult[] = [
    ...inProcessCases
      .filter((c) => wanted(c.id))
      .map((c) => ({ ...c, packets: capture.packets, runs: [] })),
    ...peers.map((p) => ({ id: p.id, label: p.label, command: [p.command, ...p.args].join(' '), packets: p.packets, runs: [] })),
  ];
  const softflowdSummaries = new Map<string, string>();
  try {
    log('warm-up: 1 M packets through decode and decode + flows …');
    inProcess.warmUp();
    for (let round = 1; round <= plan.runs; round++) {
      for (const [index, result] of results.entries()) {
        if (result.error !== undefined) continue;
        const peer = peers.find((p) => p.id === result.id);
        try {
          const tool = peer ? await runTool(peer.command, peer.args) : undefined;
          const run = tool ?? inProcess.run(result.id);
          result.runs.push(run);
          if (tool && peer?.command === 'softflowd') {
            softflowdSummaries.set(peer.id, /Flows expired: .*/.exec(tool.output)?.[0] ?? '');
          }
          const pps = result.packets / run.seconds;
          log(`round ${round}: ${result.label}: ${run.seconds.toFixed(2)} s, ${(pps / 1e6).toFixed(3)} M pkt/s`);
        } catch (error) {
          log(`${result.label} failed: ${(error as Error).message}`);
          results[index] = { ...result, error: (error as Error).message };
        }
      }
    }
  } finally {
    await collector.close();
  }
  const details = [
    ...inProcess.flowDetails(),
    ...[...softflowdSummaries].map(([id, line]) => `- ${id}: ${line}`),
    `- NetFlow v9 datagrams softflowd sent to the discard socket (all runs): ${collector.datagrams}`,
    '',
    'Commands:',
    ...results.map((r) => `- ${r.id}: \`${r.command}\``),
  ];
  process.stdout.write(`${[...header.map((l) => `- ${l}`), '', ...render(results), '', ...details].join('\n')}\n`);
  return results.some((r) => r.error !== undefined) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(`failed: ${(error as Error).stack ?? String(error)}`);
    process.exit(1);
  },
);
