// Bench: the API's live feed to 10 concurrent SSE clients (real loopback HTTP, bearer token) while enriched flows are
// published at a fixed rate, against a naive raw node:http SSE broadcaster on the same input in the same run.
// Run: npx tsc -b services/api bench && node bench/dist/feed/main.js [--rate N] [--seconds S] [--clients N]
import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { FlowEvent } from '@netwatch/schemas';
import { availableParallelism, loadavg, totalmem } from 'node:os';
import { cpuModel } from '../cpu-model.js';
import type { Command, Reply } from './protocol.js';
import { type CaseResult, costTable, deliveryTable, ratioLines } from './report.js';
import { type CaseId, startServer } from './servers.js';
import { flowTemplates, nowMs, startPublishing } from './workload.js';

const log = (line: string) => process.stderr.write(`[bench:feed] ${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const LABELS: Record<CaseId, string> = {
  baseline: 'no client (ingest only: publisher, bus, API state)',
  netwatch: 'netwatch API feed (createApi, /api/v1/feed)',
  peer: 'peer: naive node:http SSE broadcaster (every flow to every client)',
};

function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
}

function cases(): CaseId[] {
  const at = process.argv.indexOf('--only');
  if (at < 0) return ['baseline', 'netwatch', 'peer'];
  const ids = (process.argv[at + 1] ?? '').split(',');
  for (const id of ids) if (!(id in LABELS)) throw new Error(`--only: unknown case ${id} (baseline, netwatch, peer)`);
  return ids as CaseId[];
}

/** Sends a command to the client process and waits for the reply of the given type (bounded). */
function ask<T extends Reply['type']>(child: ChildProcess, command: Command, expected: T): Promise<Extract<Reply, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`client process: no '${expected}' reply within 30 s`)), 30_000);
    const onMessage = (reply: Reply) => {
      if (reply.type === 'error') finish(new Error(`client process: ${reply.message}`));
      else if (reply.type === expected) finish(undefined, reply as Extract<Reply, { type: T }>);
    };
    const onExit = (code: number | null) => finish(new Error(`client process exited (${code})`));
    function finish(error?: Error, reply?: Extract<Reply, { type: T }>) {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error !== undefined) reject(error);
      else resolve(reply as Extract<Reply, { type: T }>);
    }
    child.on('message', onMessage);
    child.on('exit', onExit);
    child.send(command);
  });
}

async function waitUntil(check: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

interface Plan {
  readonly rate: number;
  readonly windowMs: number;
  readonly warmupMs: number;
  readonly clients: number;
  readonly templates: readonly FlowEvent[];
  readonly token: string;
}

const WARMUP_ALL_MS = 2_000;

async function warmUp(plan: Plan): Promise<void> {
  const server = await startServer('baseline', plan.token);
  const publisher = startPublishing(server.bus, plan.templates, plan.rate);
  await sleep(WARMUP_ALL_MS);
  publisher.stop();
  await server.settle();
  await server.close();
}

async function runCase(id: CaseId, plan: Plan, child: ChildProcess): Promise<CaseResult> {
  const server = await startServer(id, plan.token);
  try {
    if (id !== 'baseline') {
      await ask(child, { type: 'connect', url: server.url, token: plan.token, clients: plan.clients }, 'connected');
      await waitUntil(() => server.clientCount() === plan.clients, 5_000, `${plan.clients} clients on the server`);
    }
    const publisher = startPublishing(server.bus, plan.templates, plan.rate);
    await sleep(plan.warmupMs);
    // The window starts on a 100 ms boundary: the client process counts receipts in 100 ms slots.
    const fromMs = Math.ceil(nowMs() / 100) * 100;
    await sleep(fromMs - nowMs());
    const toMs = fromMs + plan.windowMs;
    const cpu0 = process.cpuUsage();
    const loop0 = performance.eventLoopUtilization();
    const counters0 = server.counters();
    const published0 = publisher.published;
    const behind0 = publisher.fellBehind;
    let maxBufferedBytes = 0;
    let maxRssBytes = 0;
    const sampler = setInterval(() => {
      maxBufferedBytes = Math.max(maxBufferedBytes, server.bufferedBytes());
      maxRssBytes = Math.max(maxRssBytes, process.memoryUsage.rss());
    }, 100);
    await sleep(toMs - nowMs());
    const windowSec = (nowMs() - fromMs) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const loop = performance.eventLoopUtilization(loop0);
    const counters1 = server.counters();
    const published = publisher.published - published0;
    const fellBehind = publisher.fellBehind - behind0;
    clearInterval(sampler);
    publisher.stop();
    const settleStart = performance.now();
    let giveUp: NodeJS.Timeout | undefined;
    const settled = await Promise.race([server.settle().then(() => true),
      new Promise<boolean>((resolve) => (giveUp = setTimeout(() => resolve(false), 10_000)))]);
    clearTimeout(giveUp);
    const settleMs = settled ? performance.now() - settleStart : undefined;
    const result: CaseResult = {
      id,
      label: LABELS[id],
      windowSec,
      publishedPerSec: published / windowSec,
      publisherFellBehind: fellBehind,
      serverCpuPct: ((cpu.user + cpu.system) / 1000 / (windowSec * 1000)) * 100,
      eventLoopBusy: loop.utilization,
      server: {
        messages: counters1.messages - counters0.messages,
        bytes: counters1.bytes - counters0.bytes,
        flowsSent: counters1.flowsSent - counters0.flowsSent,
        flowsDropped: counters1.flowsDropped - counters0.flowsDropped,
        skipped: counters1.skipped - counters0.skipped,
      },
      maxBufferedBytes,
      maxRssBytes,
      settleMs,
      ...(id === 'baseline'
        ? {}
        : { clients: await ask(child, { type: 'report', fromMs, toMs }, 'report') }),
    };
    if (id !== 'baseline') await ask(child, { type: 'disconnect' }, 'disconnected');
    return result;
  } finally {
    await server.close();
  }
}

async function main(): Promise<void> {
  const plan: Plan = {
    rate: flag('--rate', 5_000),
    windowMs: flag('--seconds', 5) * 1000,
    warmupMs: flag('--warmup', 1) * 1000,
    clients: flag('--clients', 10),
    templates: flowTemplates(8_192),
    token: randomBytes(24).toString('base64url'),
  };
  const header = [
    `- date: ${new Date().toISOString()}`,
    `- cpus: ${availableParallelism()} × ${cpuModel()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM`,
    `- node: ${process.version}`,
    `- load average at start: ${loadavg().map((l) => l.toFixed(2)).join(' ')} (other work on the machine makes every ` +
    'figure noisier; the server, the clients and that work share the cores)',
  ];
  const child = fork(new URL('./clients.js', import.meta.url), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const results: CaseResult[] = [];
  try {
    // JIT warm-up (schema checks, mapping, stores) on a throwaway server, so the first case is not the slowest.
    log(`warm-up: ${plan.rate} flows/s for ${WARMUP_ALL_MS / 1000} s, not measured`);
    await warmUp(plan);
    for (const id of cases()) {
      log(`${id}: ${plan.rate} flows/s for ${plan.warmupMs / 1000} s warm-up + ${plan.windowMs / 1000} s measured` +
        `${id === 'baseline' ? '' : `, ${plan.clients} clients`}`);
      const result = await runCase(id, plan, child);
      results.push(result);
      for (const error of result.clients?.errors ?? []) log(`${id}: ${error}`);
      if (result.publisherFellBehind > 0)
        log(`${id}: the publisher fell behind its schedule by ${result.publisherFellBehind} flows (process too busy)`);
      log(`${id}: server CPU ${result.serverCpuPct.toFixed(0)} %, ` +
        `server counted ${result.server.messages} messages, ${result.server.flowsSent} flows sent, ` +
        `${result.server.flowsDropped} dropped, ${result.server.skipped} skips`);
    }
  } finally {
    child.disconnect();
  }
  const lines = [
    ...header,
    `- command: node bench/dist/feed/main.js ${process.argv.slice(2).join(' ')}`.trimEnd(),
    `- input: enriched flow events (schema example with 8 192 seeded variants: 200 LAN hosts × 2 000 located ` +
    `servers, 6 services) published on the in-memory bus at ${plan.rate} flows/s; ${plan.clients} SSE clients in ` +
    `one child process on 127.0.0.1, each with a bearer token, JSON.parse on every message; ` +
    `${plan.warmupMs / 1000} s warm-up, then ${plan.windowMs / 1000} s measured per case`,
    '- peer: a raw node:http server fed by the same bus subscription and ApiState mapping, writing each flow as ' +
    'its own SSE message to every client (`res.write` in a loop, no aggregation, no backpressure); netwatch: ' +
    'createApi from @netwatch/api, its /api/v1/feed (≤ 200 newest flows per 500 ms per client, plus devices and stats)',
    '- latency: publish time (carried in the flow id) to the client having parsed the message, same machine clock; ' +
    'server CPU: the server process (publisher, bus, API state and delivery) over the measured window',
    '',
    ...deliveryTable(results),
    '',
    ...costTable(results),
    '',
    'netwatch ÷ peer:',
    '',
    ...ratioLines(results),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  log(`failed: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
