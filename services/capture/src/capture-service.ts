// `netwatch service capture`: live capture on the configured interfaces, flows and stats published to the bus.
import { packetSensorService } from '@netwatch/packet/live/sensor-service';
import { createCaptureAnalyzer } from './capture-analyzer.js';
import { flowConfigFromEnv, flowEnvShape } from './flow-config.js';

/** The flow sensor sees every packet: no default filter (an operator may still set NETWATCH_CAPTURE_FILTER). */
export const captureService = packetSensorService({
  name: 'capture',
  defaultFilter: '',
  env: flowEnvShape,
  createAnalyzer: (ctx, config) => createCaptureAnalyzer(ctx, flowConfigFromEnv(config, ctx.observer)),
  summary: (analyzer) => ({ table: analyzer.table.stats }),
});
