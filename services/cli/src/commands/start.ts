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
import { apiEnvShape, createApi, loadAuthConfig, siteFromEnv } from '@netwatch/api';
import { captureEnvShape, openCaptureInterfaces, startLiveLoop } from '@netwatch/capture';
import { enrichConfigFromProcess, startEnrichment } from '@netwatch/enrich';
import { z } from 'zod';
import { analyzerFactories } from '../pipeline/analyzer.js';
import { generateDemoCapture } from '../pipeline/demo-capture.js';
import { runPacketLoop } from '@netwatch/packet';
import { usageError } from '../usage-error.js';

export const startHelp = `Usage: netwatch start [--pcap FILE | --interface IF[,IF…] [--filter BPF]] [--once]
                     [--host ADDR] [--port N]

Runs the whole pipeline in one process with an in-memory bus. With no --pcap or
--interface it plays a built-in demo capture (generated on first start) in a
loop, at the pace it was recorded, stamped with the current time.

  --pcap FILE          play this pcap/pcapng file (in a loop unless --once)
  --interface IF,…     capture live on these interfaces (needs root, or
                       CAP_NET_RAW and CAP_NET_ADMIN); NETWATCH_CAPTURE_* set
                       snaplen, buffer and promiscuous mode
  --filter BPF         pcap-filter(7) expression for live capture
  --once               play the capture once, then stop
  --host ADDR   listen address (default 127.0.0.1; anything else needs
                NETWATCH_METRICS_TOKEN in the environment)
  --port N      listen port (default 8080)
  -h, --help

Serves the UI and the API (/api/v1) with /healthz, /readyz and /metrics. On
loopback without NETWATCH_API_PASSWORD_HASH it needs no login (it says so);
anywhere else it refuses to start without one (make it with
\`netwatch hash-password\`). NETWATCH_SITE_LAT/NETWATCH_SITE_LON place the site
on the globe. Stop with Ctrl-C.`;

/** The shared service variables `start` honours, validated like every service's (bad value: exit 2). */
const startEnvSchema = z.object({
  NETWATCH_LOG_LEVEL: serviceEnvShape.NETWATCH_LOG_LEVEL,
  NETWATCH_METRICS_TOKEN: serviceEnvShape.NETWATCH_METRICS_TOKEN,
  NETWATCH_OBSERVER_NAME: serviceEnvShape.NETWATCH_OBSERVER_NAME,
  NETWATCH_API_UI_DIR: apiEnvShape.NETWATCH_API_UI_DIR,
  NETWATCH_SITE_NAME: apiEnvShape.NETWATCH_SITE_NAME,
  NETWATCH_SITE_LAT: apiEnvShape.NETWATCH_SITE_LAT,
  NETWATCH_SITE_LON: apiEnvShape.NETWATCH_SITE_LON,
});

export async function startCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      pcap: { type: 'string' },
      interface: { type: 'string', short: 'i' },
      filter: { type: 'string' },
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
  if (values.pcap !== undefined && values.interface !== undefined) {
    throw usageError('give --pcap or --interface, not both');
  }
  if (values.filter !== undefined && values.interface === undefined) {
    throw usageError('--filter applies to live capture: add --interface');
  }
  const live = values.interface !== undefined ? openLive(values.interface, values.filter) : null;
  const path = live ? '' : (values.pcap ?? ensureDemoCapture());

  const env = loadConfig(startEnvSchema);
  const logger = createLogger('netwatch', env.NETWATCH_LOG_LEVEL);
  const metrics = createMetrics('netwatch');
  const broker = new MemoryBroker();
  const bus = new MemoryBus({ broker, service: 'netwatch', metrics: metrics.bus, logger });
  const liveNames = live?.interfaceNames() ?? [];
  const analyzers = analyzerFactories.map((create) =>
    create({
      bus,
      observer: env.NETWATCH_OBSERVER_NAME,
      metrics,
      ...(live
        ? {
            interfaceNames: liveNames,
            captureStats: () => live.interfaceStats(),
          }
        : {}),
    }),
  );
  let stopping = false;
  let playing = true;
  const loopbackOnly = isLoopbackHost(values.host);
  // Processors in the same process: sensors → enrich → api, all over the in-memory bus.
  const authConfig = loadAuthConfig(process.env, loopbackOnly);
  const enrichment = await startEnrichment(bus, enrichConfigFromProcess(), logger, metrics);
  const api = createApi({
    bus, logger, metrics, authConfig, loopbackOnly, site: siteFromEnv(env),
    ...(env.NETWATCH_API_UI_DIR === undefined ? {} : { uiDir: env.NETWATCH_API_UI_DIR }),
  });
  await api.ready();
  const server = await startOpsServer({
    host: values.host,
    port,
    registry: metrics.registry,
    logger,
    readiness: [{ name: 'capture', check: () => playing }],
    extra: (req, res) => api.handler(req, res),
    ...(env.NETWATCH_METRICS_TOKEN
      ? { metricsToken: env.NETWATCH_METRICS_TOKEN }
      : {}),
  });
  const login = api.auth.required ? 'login required' : 'on loopback only, no login (set NETWATCH_API_PASSWORD_HASH to require one)';
  process.stderr.write(
    `netwatch: open ${server.url}/ (${login}); API ${server.url}/api/v1, metrics ${server.url}/metrics\n` +
    (env.NETWATCH_SITE_LAT === undefined ? 'netwatch: NETWATCH_SITE_LAT/NETWATCH_SITE_LON unset: the globe ' +
    'cannot place this site\n' : '') +
    (live
      ? `netwatch: capturing on ${liveNames.join(', ')}${values.filter ? ` (filter: ${values.filter})` : ''}; `
      : `netwatch: playing ${values.pcap ? path : `the demo capture (${path})`}${values.once ? ' once' : ' in a loop'}; `) +
      `analyzers: ${analyzers.length === 0 ? 'none registered yet' : analyzers.map((a) => a.name).join(', ')}\n`,
  );
  let wake = () => {};
  const stop = () => {
    if (stopping) process.exit(1);
    stopping = true;
    process.stderr.write('netwatch: stopping\n');
    wake();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  let failed = false;
  if (live) {
    const loop = startLiveLoop(live, analyzers, (error) => {
      logger.error({ err: error, interface: error.interfaceName }, 'capture failed');
      failed = true;
      stop();
    });
    await new Promise<void>((resolve) => {
      wake = resolve;
      if (stopping) resolve();
    });
    loop.stop();
    logger.info({ packets: loop.packets }, 'capture stopped');
  }
  let rounds = 0;
  while (!live && !stopping && (rounds === 0 || !values.once)) {
    const result = await runPacketLoop({
      path,
      analyzers,
      paced: true,
      // Each round replays as if it were happening now, so flows and stats carry today's time.
      retime: true,
      shouldStop: () => stopping,
      onSlice: async () => {
        await broker.idle();
      },
    });
    rounds++;
    logger.info(
      { round: rounds, packets: result.packets, errors: result.fileStats.errors },
      'capture played',
    );
  }
  playing = false;
  await broker.idle();
  await api.close();
  await enrichment.stop();
  await bus.close();
  await server.close();
  logger.flush();
  return failed ? 1 : 0;
}

/** Opens live capture on a comma-separated interface list, with NETWATCH_CAPTURE_* for the rest. */
function openLive(interfaces: string, filter: string | undefined) {
  const captureEnv = loadConfig(z.object(captureEnvShape), {
    ...process.env,
    NETWATCH_CAPTURE_INTERFACES: interfaces,
    ...(filter !== undefined ? { NETWATCH_CAPTURE_FILTER: filter } : {}),
  });
  return openCaptureInterfaces(captureEnv, captureEnv.NETWATCH_CAPTURE_INTERFACES ?? []);
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
