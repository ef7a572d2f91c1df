// Entry: KafkaBus end-to-end throughput across producer settings (batch size, linger, compression).
import { brokerAddress } from './broker.js';
import { kafkaBusProduceOnly, kafkaBusThroughput, type ProducerSettings } from './kafkabus-case.js';
import { padPool } from './payload.js';
import type { Plan } from './plan.js';
import { formatRate } from './stats.js';
import { BenchTopics } from './topics.js';

process.env.KAFKAJS_NO_PARTITIONER_WARNING ??= '1';

const grid: readonly ProducerSettings[] = [
  { compression: 'gzip' },
  { compression: 'gzip', batchMaxEvents: 500 },
  { compression: 'gzip', batchMaxEvents: 4000 },
  { compression: 'gzip', lingerMs: 0 },
  { compression: 'gzip', lingerMs: 20 },
  { compression: 'none' },
  { compression: 'none', batchMaxEvents: 500 },
  { compression: 'none', batchMaxEvents: 1000 },
  { compression: 'none', lingerMs: 20 },
  // Every send fits the broker's 1 MB message.max.bytes even if all events share one partition.
  { compression: 'none', batchMaxBytes: 900 * 1024 },
];

function describe(settings: ProducerSettings): string {
  const bytes = settings.batchMaxBytes ? `, ≤ ${Math.round(settings.batchMaxBytes / 1024)} KiB` : '';
  return `${settings.compression}, batch ${settings.batchMaxEvents ?? 2000}${bytes}, linger ${settings.lingerMs ?? 5} ms`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const eventsAt = args.indexOf('--events');
  const plan: Plan = {
    broker: brokerAddress(undefined),
    events: eventsAt >= 0 ? Number(args[eventsAt + 1]) : 100_000,
    memoryEvents: 0,
    rate: 10_000,
    latencySeconds: 0,
    only: [],
    pads: padPool(),
  };
  const topics = new BenchTopics(plan.broker);
  await topics.connect();
  const rows: string[] = ['| settings | produce only | end to end |', '|---|---|---|'];
  try {
    for (const [index, settings] of grid.entries()) {
      process.stderr.write(`[bench:sweep] ${describe(settings)} …\n`);
      const alone = await kafkaBusProduceOnly(plan, topics, `sweep-p${index}`, settings);
      const e2e = await kafkaBusThroughput(plan, topics, `sweep-e${index}`, settings);
      const t = e2e.throughput;
      rows.push(
        `| ${describe(settings)} | ${formatRate(alone)} | ${t ? formatRate(t.events / t.endToEndSeconds) : '-'} |`,
      );
    }
  } finally {
    await topics.cleanUp();
  }
  process.stdout.write(`${rows.join('\n')}\n`);
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench:sweep] failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
