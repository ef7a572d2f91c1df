// The service runtime: config, logs, metrics, ops server, bus, and a graceful SIGTERM, around a service's start().
import { z } from 'zod';
import type { Bus } from './bus/types.js';
import { checkBusEnv, type SaslFields } from './bus-config.js';
import { type Env, loadConfig } from './config.js';
import { createBus } from './create-bus.js';
import { describeError, exitCodeFor, NetwatchError } from './errors.js';
import { createLogger, type Logger } from './log.js';
import { createMetrics, type Metrics } from './metrics.js';
import { type OpsServer, type ReadinessCheck, startOpsServer } from './ops-server.js';
import { type ServiceEnv, serviceEnvShape } from './service-config.js';

export interface ServiceContext<C> {
  readonly name: string;
  readonly config: C & ServiceEnv;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly bus: Bus;
  /** Adds a named check to /readyz. */
  addReadiness(check: ReadinessCheck): void;
}

/** What a started service hands back: how to stop it (drain in-flight work, close its clients). */
export interface RunningService {
  stop(): Promise<void>;
}

export interface ServiceDefinition<S extends z.ZodRawShape> {
  readonly name: string;
  /** The service's own variables; the shared ones (bus, logs, ops server) are added. */
  readonly env: S;
  start(ctx: ServiceContext<z.infer<z.ZodObject<S>>>): Promise<RunningService>;
}

export interface RunOptions {
  readonly env?: Env;
  /** Longest a graceful stop may take before the process gives up and exits 1 (default 25 s). */
  readonly stopTimeoutMs?: number;
  readonly exit?: (code: number) => void;
}

/**
 * Runs one service until SIGTERM/SIGINT: then it stops taking work, lets in-flight batches finish,
 * commits offsets and closes clients, and exits 0. A bad config value exits 2 naming the variable.
 */
export async function runService<S extends z.ZodRawShape>(
  definition: ServiceDefinition<S>,
  options: RunOptions = {},
): Promise<void> {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  type Config = z.infer<z.ZodObject<S>> & ServiceEnv;
  let config: Config;
  try {
    config = loadConfig(
      z
        .object({ ...serviceEnvShape, ...definition.env })
        .superRefine((env, ctx) => checkBusEnv(env as SaslFields, ctx)),
      options.env ?? process.env,
    ) as Config;
  } catch (error) {
    process.stderr.write(`netwatch ${definition.name}: ${describeError(error)}\n`);
    exit(exitCodeFor(error));
    return;
  }
  const logger = createLogger(definition.name, config.NETWATCH_LOG_LEVEL);
  const metrics = createMetrics(definition.name);
  const readiness: ReadinessCheck[] = [];
  let ops: OpsServer | undefined;
  let bus: Bus | undefined;
  let running: RunningService | undefined;
  let ready = false;
  readiness.push({ name: 'started', check: () => ready });

  const shutdown = async (reason: string): Promise<number> => {
    ready = false;
    logger.info({ reason }, 'stopping');
    let code = 0;
    for (const [what, step] of [
      ['service', () => running?.stop()],
      ['bus', () => bus?.close()],
      ['ops server', () => ops?.close()],
    ] as const) {
      try {
        await step();
      } catch (error) {
        code = 1;
        logger.error({ err: describeError(error), step: what }, 'error while stopping');
      }
    }
    logger.info({ code }, 'stopped');
    logger.flush();
    return code;
  };

  try {
    ops = await startOpsServer({
      host: config.NETWATCH_HTTP_HOST,
      port: config.NETWATCH_HTTP_PORT,
      registry: metrics.registry,
      logger,
      readiness,
      ...(config.NETWATCH_METRICS_TOKEN ? { metricsToken: config.NETWATCH_METRICS_TOKEN } : {}),
    });
    bus = await createBus(config, definition.name, metrics, logger);
    running = await definition.start({
      name: definition.name,
      config,
      logger,
      metrics,
      bus,
      addReadiness: (check) => readiness.push(check),
    });
    ready = true;
    logger.info({ ops: ops.url, bus: bus.kind }, 'started');
  } catch (error) {
    const code = exitCodeFor(error);
    if (error instanceof NetwatchError && code === 2)
      process.stderr.write(`netwatch ${definition.name}: ${error.message}\n`);
    logger.fatal(
      { err: describeError(error), code: error instanceof NetwatchError ? error.code : 'internal' },
      'cannot start',
    );
    await shutdown('start failed');
    exit(code);
    return;
  }

  await new Promise<void>((resolve) => {
    let stopping = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (stopping) {
        logger.warn({ signal }, 'second signal: exiting without finishing the drain');
        exit(1);
        return;
      }
      stopping = true;
      const timer = setTimeout(() => {
        logger.error(
          { timeoutMs: options.stopTimeoutMs ?? 25_000 },
          'graceful stop timed out; in-flight work may be redelivered',
        );
        exit(1);
      }, options.stopTimeoutMs ?? 25_000);
      timer.unref();
      shutdown(signal).then((code) => {
        clearTimeout(timer);
        process.off('SIGTERM', onSignal);
        process.off('SIGINT', onSignal);
        resolve();
        exit(code);
      });
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
}
