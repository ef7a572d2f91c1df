// Entry: runs every bus case in turn, progress on stderr, the result tables on stdout.
import { gzipSync } from 'node:zlib';
import { brokerAddress } from './broker.js';
import { kafkaBusLatency, kafkaBusThroughput } from './kafkabus-case.js';
import { kcatCase } from './kcat-case.js';
import { describeMachine } from './machine.js';
import { memoryCase } from './memory-case.js';
import { padPool } from './payload.js';
import { type CaseResult, type KcatResult, type Plan, parseFlags } from './plan.js';
import { platformaticLatency, platformaticThroughput } from './platformatic-case.js';
import { render } from './report.js';
import { BenchTopics } from './topics.js';

process.env.KAFKAJS_NO_PARTITIONER_WARNING ??= '1';

const log = (line: string) => process.stderr.write(`[bench:bus] ${line}\n`);

/** How well the payload gzips in a 2000-event batch, the size the producers send. */
function gzipRatio(pads: readonly string[]): number {
  const batch = Buffer.from(
    pads
      .slice(0, 2000)
      .map((pad, seq) => JSON.stringify({ seq, sentAt: 1.7e12 + seq, source: 'bench', pad }))
      .join(''),
  );
  return batch.length / gzipSync(batch).length;
}

async function main(): Promise<number> {
  const flags = parseFlags(process.argv.slice(2));
  const plan: Plan = {
    broker: brokerAddress(flags.brokers),
    events: flags.events ?? (flags.quick ? 30_000 : 200_000),
    memoryEvents: flags.events ?? (flags.quick ? 30_000 : 200_000),
    rate: 10_000,
    latencySeconds: flags.quick ? 3 : 10,
    only: flags.only,
    pads: padPool(),
  };
  const header = [
    ...describeMachine(),
    `broker: ${plan.broker}; topics: 3 partitions, RF 1`,
    `command: node bench/dist/bus/main.js ${process.argv.slice(2).join(' ')}`.trimEnd(),
    `payload: ~1 KB JSON events, varied pads, gzip ratio ${gzipRatio(plan.pads).toFixed(1)}:1 per 2000-event batch`,
  ];
  for (const line of header) log(line);
  const wanted = (id: string) => plan.only.length === 0 || plan.only.includes(id);
  const topics = new BenchTopics(plan.broker);
  await topics.connect();
  log(`topic prefix ${topics.prefix}`);
  let cleaned = false;
  const cleanUp = async () => {
    if (cleaned) return;
    cleaned = true;
    const deleted = await topics.cleanUp();
    log(`deleted ${deleted.length} topics under ${topics.prefix}`);
  };
  process.once('SIGINT', () => {
    log('interrupted; deleting bench topics');
    void cleanUp().finally(() => process.exit(130));
  });

  const results: CaseResult[] = [];
  const kcat: KcatResult[] = [];
  let kcatFailed = false;
  const run = async (id: string, label: string, body: () => Promise<CaseResult>) => {
    if (!wanted(id)) return;
    const start = performance.now();
    log(`${label} …`);
    try {
      results.push(await body());
    } catch (error) {
      log(`${label} failed: ${(error as Error).stack ?? String(error)}`);
      results.push({ id, label, compression: '-', error: String((error as Error).message) });
    }
    log(`${label} done in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  };

  try {
    await run('memory', 'memory bus', () => memoryCase(plan));
    for (const compression of ['gzip', 'none'] as const) {
      if (!wanted('kcat')) break;
      log(`kcat ${compression} …`);
      try {
        kcat.push(await kcatCase(plan, topics, compression));
      } catch (error) {
        log(`kcat ${compression} failed: ${(error as Error).message}`);
        kcatFailed = true;
      }
    }
    await run('kafkabus-gzip', 'KafkaBus gzip throughput', () =>
      kafkaBusThroughput(plan, topics, 'kafkabus-gzip', { compression: 'gzip' }),
    );
    await run('kafkabus-none', 'KafkaBus none throughput', () =>
      kafkaBusThroughput(plan, topics, 'kafkabus-none', { compression: 'none' }),
    );
    for (const compression of ['gzip', 'none'] as const) {
      const id = `kafkabus-latency-${compression}`;
      await run(id, `KafkaBus ${compression} latency`, () => kafkaBusLatency(plan, topics, id, { compression }));
    }
    await run('platformatic-gzip', '@platformatic/kafka gzip throughput', () =>
      platformaticThroughput(plan, topics, 'platformatic-gzip', 'gzip'),
    );
    await run('platformatic-none', '@platformatic/kafka none throughput', () =>
      platformaticThroughput(plan, topics, 'platformatic-none', 'none'),
    );
    for (const compression of ['gzip', 'none'] as const) {
      const id = `platformatic-latency-${compression}`;
      await run(id, `@platformatic/kafka ${compression} latency`, () =>
        platformaticLatency(plan, topics, id, compression),
      );
    }
  } finally {
    await cleanUp();
  }
  process.stdout.write(`${[...header.map((l) => `- ${l}`), '', ...render(results, kcat)].join('\n')}\n`);
  return kcatFailed || results.some((r) => r.error !== undefined) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(`failed: ${(error as Error).stack ?? String(error)}`);
    process.exit(1);
  },
);
