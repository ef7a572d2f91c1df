// `netwatch replay FILE [--jsonl]`: the whole pipeline over a capture, as fast as it can.

import { hostname } from 'node:os';
import { parseArgs } from 'node:util';
import { MemoryBroker, MemoryBus, silentLogger } from '@netwatch/kit';
import { analyzerFactories } from '../pipeline/analyzer.js';
import { JsonlWriter } from '../pipeline/jsonl-writer.js';
import { runPacketLoop } from '@netwatch/packet';
import { usageError } from '../usage-error.js';

export const replayHelp = `Usage: netwatch replay FILE [--jsonl] [--quiet]

Runs the whole pipeline over a pcap or pcapng capture as fast as it can, with an
in-memory bus, and reports what it published.

  --jsonl   print every message published on every topic, in publish order, as one
            line {"topic":…,"key":…,"value":{…}} on stdout
  --quiet   no progress or summary on stderr
  -h, --help

Exit status: 0 done, 1 runtime failure, 2 bad usage or an unreadable file.`;

export async function replayCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      jsonl: { type: 'boolean' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${replayHelp}\n`);
    return 0;
  }
  const [path, ...extra] = positionals;
  if (path === undefined) throw usageError('replay needs a capture FILE');
  if (extra.length > 0) throw usageError(`replay takes one FILE, got also: ${extra.join(' ')}`);

  const broker = new MemoryBroker();
  const bus = new MemoryBus({ broker, service: 'replay', logger: silentLogger() });
  const perTopic = new Map<string, number>();
  broker.tap((record) => perTopic.set(record.topic, (perTopic.get(record.topic) ?? 0) + 1));
  const writer = values.jsonl ? new JsonlWriter(process.stdout) : null;
  if (writer) broker.tap(writer.write);
  const analyzers = analyzerFactories.map((create) => create({ bus, observer: hostname() }));
  const say = (text: string) => {
    if (!values.quiet) process.stderr.write(`${text}\n`);
  };

  const result = await runPacketLoop({
    path,
    analyzers,
    onSlice: async () => {
      await broker.idle();
      await writer?.drain();
    },
    onProgress: (p) =>
      say(
        `replay: ${p.packets.toLocaleString('en')} packets, ${rate(p.packets, p.elapsedMs)} pkt/s`,
      ),
  });
  await bus.close();
  await writer?.drain();

  const errors = Object.entries(result.fileStats.errors);
  say(
    [
      `replay: ${path} (${result.format}): ${result.packets.toLocaleString('en')} packets, ` +
      `${result.bytes.toLocaleString('en')} bytes in ${(result.elapsedMs / 1000).toFixed(2)} s ` +
      `(${rate(result.packets, result.elapsedMs)} pkt/s)`,
      `replay: analyzers: ${analyzers.length === 0 ? 'none registered' : analyzers.map((a) => a.name).join(', ')}`,
      `replay: messages published: ${[...perTopic.values()].reduce((a, b) => a + b, 0)}` +
      [...perTopic].map(([t, n]) => `\n  ${t}: ${n}`).join(''),
      ...(errors.length > 0
        ? [`replay: damage in the file: ${errors.map(([n, c]) => `${n}=${c}`).join(', ')}`]
        : []),
    ].join('\n'),
  );
  return 0;
}

function rate(count: number, ms: number): string {
  return ms > 0 ? Math.round((count * 1000) / ms).toLocaleString('en') : '-';
}
