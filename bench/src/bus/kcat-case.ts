// kcat (librdkafka) as the peer: produce N lines from a file, then consume them back, timed.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { benchTopic } from './event.js';
import type { Compression, KcatResult, Plan } from './plan.js';
import type { BenchTopics } from './topics.js';

interface Run {
  readonly seconds: number;
  readonly lines: number;
}

/** Runs kcat, counting newline-terminated lines on stdout; rejects on a non-zero exit. */
async function kcat(args: readonly string[]): Promise<Run> {
  const start = performance.now();
  const child = spawn('kcat', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let lines = 0;
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const [code] = (await once(child, 'close')) as [number | null];
  const seconds = (performance.now() - start) / 1000;
  if (code !== 0) throw new Error(`kcat ${args.join(' ')} exited ${code}: ${stderr.trim()}`);
  return { seconds, lines };
}

/** N bench events, one JSON per line: the same bytes the Node clients send. */
async function writeEvents(file: string, plan: Plan): Promise<void> {
  const out = createWriteStream(file);
  for (let seq = 0; seq < plan.events; seq++) {
    const pad = plan.pads[seq % plan.pads.length] ?? '';
    const line = `${JSON.stringify({ seq, sentAt: 1.7e12 + seq, source: 'bench', pad })}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

export async function kcatCase(
  plan: Plan,
  topics: BenchTopics,
  compression: Compression,
): Promise<KcatResult> {
  const dir = await mkdtemp(join(tmpdir(), 'netwatch-bench-'));
  try {
    const file = join(dir, 'events.jsonl');
    await writeEvents(file, plan);
    const topic = await topics.create(`kcat-${compression}.${benchTopic.name}`);
    const zip = compression === 'gzip' ? ['-z', 'gzip'] : [];
    const produced = await kcat(['-P', '-b', plan.broker, '-t', topic, ...zip, '-X', 'acks=all', '-l', file]);
    // -f '%p\n' prints one short line per message: the payload is fetched and decoded, not printed.
    const consumed = await kcat([
      '-C', '-b', plan.broker, '-t', topic, '-o', 'beginning', '-e', '-q',
      '-c', String(plan.events), '-f', '%p\\n',
    ]);
    if (consumed.lines !== plan.events)
      throw new Error(`kcat consumed ${consumed.lines} of ${plan.events} events`);
    return {
      compression,
      events: plan.events,
      produceSeconds: produced.seconds,
      consumeSeconds: consumed.seconds,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
