// Entry: resident memory of the flow table holding 1 M concurrent flows, against softflowd holding the same.
import { defaultFlowConfig, FlowTable } from '@netwatch/capture';
import { createDecodedPacket, createPacketView, decodePacket, openCaptureFile } from '@netwatch/packet';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DiscardCollector } from './collector.js';
import { parseCount } from './generate.js';
import { describeMachine } from './machine.js';
import { ensureFlowsCapture } from './memory-capture.js';
import { formatMiB } from './report.js';
import { runTool } from './run-tool.js';

const log = (line: string) => process.stderr.write(`[bench:capture-memory] ${line}\n`);
const TARGET_RSS = 300 * 2 ** 20;
/** Room for every flow, as softflowd gets with -m: nothing is evicted. */
const MAX_FLOWS = 1_100_000;

setFlagsFromString('--expose_gc');
const collect = runInNewContext('gc') as () => void;

interface Held {
  readonly activeFlows: number;
  readonly baseline: NodeJS.MemoryUsage;
  readonly full: NodeJS.MemoryUsage;
  readonly storeBytes: number;
  readonly peakRssBytes: number;
}

/** Feeds the capture through decode + FlowTable and measures memory with every flow still in the table. */
function netwatchHolding(path: string, maxFlows: number): Held {
  collect();
  const baseline = process.memoryUsage();
  const table = new FlowTable({ ...defaultFlowConfig, observer: 'bench', maxFlows }, () => {});
  const reader = openCaptureFile(path);
  const view = createPacketView();
  const decoded = createDecodedPacket();
  let packets = 0;
  while (reader.next(view)) {
    table.onPacket(view, decoded, decodePacket(view.data, view.offset, view.caplen, view.linktype, decoded));
    if (++packets % 16_384 === 0) table.advance(view.tsSec);
  }
  reader.close();
  collect();
  const full = process.memoryUsage();
  const stats = table.stats;
  return {
    activeFlows: stats.activeFlows,
    baseline,
    full,
    storeBytes: stats.allocatedBytes,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--flows');
  const flows = at >= 0 ? parseCount('--flows', args[at + 1], 1000) : 1_000_000;
  const maxFlows = Math.max(MAX_FLOWS, Math.ceil(flows * 1.1));
  const header = [...describeMachine(), `command: node --expose-gc bench/dist/capture/memory.js ${args.join(' ')}`.trimEnd()];
  for (const line of header) log(line);
  const path = ensureFlowsCapture(flows, log);
  log(`netwatch: decode + FlowTable (maxFlows ${maxFlows}) over ${2 * flows} packets …`);
  const held = netwatchHolding(path, maxFlows);
  log(`netwatch: ${held.activeFlows} flows held, RSS ${formatMiB(held.full.rss)}`);

  const collector = await DiscardCollector.open();
  const softflowdArgs = ['-r', path, '-n', collector.address, '-v', '9', '-d', '-m', String(maxFlows)];
  log(`softflowd ${softflowdArgs.join(' ')} …`);
  const peer = await runTool('softflowd', softflowdArgs).finally(() => collector.close());
  // softflowd keys ICMP by type, so an echo request and its reply are two of its flows.
  const peerFlows = Number(/Flows expired: (\d+)/.exec(peer.output)?.[1] ?? Number.NaN);

  const perFlow = (bytes: number) => `${(bytes / Math.max(1, held.activeFlows)).toFixed(0)} B`;
  const grown = held.full.rss - held.baseline.rss;
  const out = [
    ...header.map((l) => `- ${l}`),
    `- capture: ${flows} distinct flows (60 % TCP SYN → SYN-ACK, 30 % UDP/53, 10 % ICMP echo; 20 % IPv6), ` +
    `request then reply, 10 µs apart (${((2 * flows * 10) / 1e6).toFixed(0)} s of capture time: no timeout fires)`,
    '',
    '| tool | flows held | resident (RSS) | grown over baseline | per flow | heap used | peak RSS |',
    '|---|---|---|---|---|---|---|',
    `| netwatch FlowTable (maxFlows ${maxFlows}) | ${held.activeFlows} | ${formatMiB(held.full.rss)} | ${formatMiB(grown)} | ` +
    `${perFlow(grown)} | ${formatMiB(held.full.heapUsed)} | ${formatMiB(held.peakRssBytes)} |`,
    `| softflowd -m ${maxFlows} | ${peerFlows} | - | - | ` +
    `${peer.maxRssBytes ? `${(peer.maxRssBytes / peerFlows).toFixed(0)} B` : '-'} | - | ${formatMiB(peer.maxRssBytes)} |`,
    '',
    `- netwatch baseline before the table: RSS ${formatMiB(held.baseline.rss)}, heap used ${formatMiB(held.baseline.heapUsed)}; ` +
    `flow store allocation ${formatMiB(held.storeBytes)} (${perFlow(held.storeBytes)}); ` +
    `array buffers ${formatMiB(held.full.arrayBuffers)}, external ${formatMiB(held.full.external)}`,
    `- softflowd: \`softflowd ${softflowdArgs.join(' ')}\`, peak RSS from /usr/bin/time (${peer.seconds.toFixed(1)} s); ` +
    'in -r mode it expires nothing before end of file, so its peak is with every flow held. It counts an ICMP ' +
    'echo request and its reply as two flows.',
    '',
    'Target:',
    `- ≤ ${formatMiB(TARGET_RSS)} resident with ${flows} concurrent flows: ${formatMiB(held.full.rss)} → ` +
    `${held.full.rss <= TARGET_RSS && held.activeFlows >= flows ? 'MET' : 'MISSED'}` +
    (peer.maxRssBytes ? `; softflowd peaks at ${formatMiB(peer.maxRssBytes)} (${(held.full.rss / peer.maxRssBytes).toFixed(2)}x)` : ''),
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(`failed: ${(error as Error).stack ?? String(error)}`);
    process.exit(1);
  },
);
