// `netwatch start`: the whole pipeline in one process, on a capture file or the built-in demo, served on :8080.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  createLogger,
  createMetrics,
  isLoopbackHost,
  loadConfig,
  MemoryBroker,
  MemoryBus,
  serviceEnvShape,
  startOpsServer,
} from '@netwatch/kit';
import { Counter } from 'prom-client';
import { z } from 'zod';
import { analyzerFactories } from '../pipeline/analyzer.js';
import { generateDemoCapture } from '../pipeline/demo-capture.js';
import { runPacketLoop } from '../pipeline/packet-loop.js';
import { usageError } from '../usage-error.js';

export const startHelp = `Usage: netwatch start [--pcap FILE] [--once] [--host ADDR] [--port N]

Runs the whole pipeline in one process with an in-memory bus. With no --pcap it
plays a built-in demo capture (generated on first start) in a loop, at the pace
it was recorded.

  --pcap FILE   play this pcap/pcapng file (in a loop unless --once)
  --once        play the capture once, then stop
  --host ADDR   listen address (default 127.0.0.1; anything else needs
                NETWATCH_METRICS_TOKEN in the environment)
  --port N      listen port (default 8080)
  -h, --help

Serves /healthz, /readyz and /metrics. Stop with Ctrl-C.`;

/** The shared service variables `start` honours, validated like every service's (bad value: exit 2). */
const startEnvSchema = z.object({
  NETWATCH_LOG_LEVEL: serviceEnvShape.NETWATCH_LOG_LEVEL,
  NETWATCH_METRICS_TOKEN: serviceEnvShape.NETWATCH_METRICS_TOKEN,
  NETWATCH_OBSERVER_NAME: serviceEnvShape.NETWATCH_OBSERVER_NAME,
});

export async function startCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      pcap: { type: 'string' },
      once: { type: 'boolean' },
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '8080' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${startHelp}\n`);
    return 0;
  }
  if (positionals.length > 0)
    throw usageError(`start takes no arguments, got: ${positionals.join(' ')}`);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw usageError(`--port must be 0-65535, got ${values.port}`);
  const path = values.pcap ?? ensureDemoCapture();

  const env = loadConfig(startEnvSchema);
  const logger = createLogger('netwatch', env.NETWATCH_LOG_LEVEL);
  const metrics = createMetrics('netwatch');
  const packetsRead = new Counter({
    name: 'netwatch_capture_packets_total',
    help: 'Packets read from the capture source',
    registers: [metrics.registry],
  });
  const broker = new MemoryBroker();
  const bus = new MemoryBus({ broker, service: 'netwatch', metrics: metrics.bus, logger });
  const analyzers = analyzerFactories.map((create) =>
    create({ bus, observer: env.NETWATCH_OBSERVER_NAME }),
  );
  let stopping = false;
  let playing = true;
  const server = await startOpsServer({
    host: values.host,
    port,
    registry: metrics.registry,
    logger,
    readiness: [{ name: 'capture', check: () => playing }],
    ...(env.NETWATCH_METRICS_TOKEN
      ? { metricsToken: env.NETWATCH_METRICS_TOKEN }
      : {}),
  });
  process.stderr.write(
    `netwatch: serving ${server.url} (/healthz, /readyz, /metrics)` +
    (isLoopbackHost(values.host) ? ' on loopback only, without authentication\n' : '\n') +
    `netwatch: playing ${values.pcap ? path : `the demo capture (${path})`}${values.once ? ' once' : ' in a loop'}; ` +
    `analyzers: ${analyzers.length === 0 ? 'none registered yet' : analyzers.map((a) => a.name).join(', ')}\n`,
  );
  const stop = () => {
    if (stopping) process.exit(1);
    stopping = true;
    process.stderr.write('netwatch: stopping\n');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  let rounds = 0;
  do {
    let counted = 0;
    const result = await runPacketLoop({
      path,
      analyzers,
      paced: true,
      shouldStop: () => stopping,
      onSlice: async () => {
        await broker.idle();
      },
      onProgress: (p) => {
        packetsRead.inc(p.packets - counted);
        counted = p.packets;
      },
    });
    packetsRead.inc(result.packets - counted);
    rounds++;
    logger.info(
      { round: rounds, packets: result.packets, errors: result.fileStats.errors },
      'capture played',
    );
  } while (!values.once && !stopping);
  playing = false;
  await bus.close();
  await server.close();
  logger.flush();
  return 0;
}

/** The demo capture lives in the user's cache; generated once, deterministic, about 1 MB. */
function ensureDemoCapture(): string {
  const dir = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'netwatch');
  const path = join(dir, 'demo-v1.pcap');
  if (!existsSync(path)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path, generateDemoCapture());
  }
  return path;
}
