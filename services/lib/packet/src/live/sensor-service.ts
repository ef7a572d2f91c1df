// Makes a `netwatch service NAME` definition for a packet sensor: live capture with its own default BPF filter, or a capture file.
import type { Logger, ServiceContext, ServiceDefinition, ServiceEnv } from '@netwatch/kit';
import type { z } from 'zod';
import type { AnalyzerContext, PacketAnalyzer } from '../analyzer.js';
import type { PacketAnalyzer as Analyzer } from '../analyzer.js';
import { openCaptureOrFail, runPacketLoop } from '../file-loop.js';
import { type CaptureEnv, captureEnvShape, captureSourceOf, openCaptureInterfaces } from './capture-env.js';
import type { LiveCaptureGroup } from './live-captures.js';
import { startLiveLoop } from './live-loop.js';

type CaptureShape = typeof captureEnvShape;

/** The full configuration a sensor's analyzer receives: its own variables, the capture's and the shared ones. */
export type SensorConfig<S extends z.ZodRawShape> = ServiceContext<z.infer<z.ZodObject<S & CaptureShape>>>['config'];

export interface PacketSensorDefinition<S extends z.ZodRawShape, A extends PacketAnalyzer> {
  /** Service name, e.g. `dns-sensor`. */
  readonly name: string;
  /**
   * BPF used when NETWATCH_CAPTURE_FILTER is unset: the kernel drops what the sensor does not
   * read, so each sensor process pays only for its own protocols.
   */
  readonly defaultFilter: string;
  /** The sensor's own variables. */
  readonly env: S;
  createAnalyzer(ctx: AnalyzerContext, config: SensorConfig<S>): A;
  /**
   * Work beside the capture that needs the open interfaces (the asset sensor's opt-in ARP
   * sweep sends through them); stopped before the capture closes. A throw fails the start.
   */
  attach?(group: LiveCaptureGroup, config: SensorConfig<S>, logger: Logger): { stop(): void } | undefined;
  /** What to log when the sensor stops (its counters). */
  summary?(analyzer: A): Record<string, unknown>;
}

/**
 * The service: opens NETWATCH_CAPTURE_INTERFACES (a wrong interface or filter exits 2 naming
 * the variable), runs the sensor's analyzer on every packet, and is not ready once a capture fails.
 */
export function packetSensorService<S extends z.ZodRawShape, A extends PacketAnalyzer>(
  definition: PacketSensorDefinition<S, A>,
): ServiceDefinition<S & CaptureShape> {
  const env = { ...captureEnvShape, ...definition.env } as S & CaptureShape;
  return {
    name: definition.name,
    env,
    async start(ctx) {
      const config = ctx.config;
      // zod cannot see through the generic merge; the capture and shared variables are there by construction.
      const capture = config as unknown as CaptureEnv & ServiceEnv;
      const source = captureSourceOf(capture);
      if (source.kind === 'file') {
        const analyzer = definition.createAnalyzer({ bus: ctx.bus, observer: capture.NETWATCH_OBSERVER_NAME,
          metrics: ctx.metrics }, config);
        return startFileCapture(ctx, analyzer, source.path, source.paced, () => definition.summary?.(analyzer));
      }
      const filter = capture.NETWATCH_CAPTURE_FILTER ?? definition.defaultFilter;
      const group = openCaptureInterfaces({ ...capture, NETWATCH_CAPTURE_FILTER: filter }, source.interfaces);
      const names = group.interfaceNames();
      const analyzer = definition.createAnalyzer({
        bus: ctx.bus,
        observer: capture.NETWATCH_OBSERVER_NAME,
        metrics: ctx.metrics,
        interfaceNames: names,
        captureStats: () => group.interfaceStats(),
      }, config);
      let failed: Error | null = null;
      const loop = startLiveLoop(group, [analyzer], (error) => {
        failed = error;
        ctx.logger.error({ err: error, interface: error.interfaceName }, 'capture failed');
      });
      let attached: { stop(): void } | undefined;
      try {
        attached = definition.attach?.(group, config, ctx.logger);
      } catch (error) {
        loop.stop();
        throw error;
      }
      ctx.addReadiness({ name: 'capture', check: () => failed === null });
      ctx.logger.info({ interfaces: names, filter }, 'capturing');
      return {
        async stop() {
          attached?.stop();
          loop.stop();
          ctx.logger.info({ packets: loop.packets, ...definition.summary?.(analyzer) }, 'capture stopped');
        },
      };
    },
  };
}

/**
 * File mode: reads the capture once through the analyzer (the BPF filter does not apply; each
 * analyzer ignores what is not its own), then stays up, idle, so a compose restart policy does
 * not replay the file again. Slices wait for the bus to accept what was published, so a slow
 * broker slows the reading instead of filling memory.
 */
function startFileCapture(
  ctx: ServiceContext<unknown>,
  analyzer: Analyzer,
  path: string,
  paced: boolean,
  summary: () => Record<string, unknown> | undefined,
): { stop(): Promise<void> } {
  // A missing or unreadable file fails the start (exit 2 naming the path), not the first slice.
  openCaptureOrFail(path).close();
  let stopping = false;
  let failed: unknown = null;
  ctx.logger.info({ file: path, paced }, 'reading capture file');
  const done = runPacketLoop({
    path,
    analyzers: [analyzer],
    paced,
    onSlice: () => ctx.bus.flush(),
    shouldStop: () => stopping,
  }).then((result) => {
    ctx.logger.info({ file: path, packets: result.packets, bytes: result.bytes, stopped: result.stopped,
      damaged: result.fileStats.errors, ...summary() }, 'capture file done');
  }, (error: unknown) => {
    failed = error;
    ctx.logger.error({ err: error, file: path }, 'capture file failed');
  });
  ctx.addReadiness({ name: 'capture', check: () => failed === null });
  return {
    async stop() {
      stopping = true;
      await done;
    },
  };
}
