// The flow sensor as a packet analyzer: flows to netwatch.flow.v1, periodic stats to netwatch.sensor.stats.v1.
import { loadConfig } from '@netwatch/kit/config';
import type { AnalyzerContext, PacketAnalyzer } from '@netwatch/packet';
import { topics } from '@netwatch/schemas';
import { z } from 'zod';
import { registerCaptureMetrics } from './capture-metrics.js';
import { type FlowConfig, flowConfigFromEnv, flowEnvShape } from './flow-config.js';
import { FlowTable } from './flow-table.js';
import { emptyTableStats, sensorStatsEvent, type StatsSnapshot } from './sensor-stats.js';

export interface CaptureAnalyzer extends PacketAnalyzer {
  readonly table: FlowTable;
}

/** The flow settings from the environment (NETWATCH_FLOW_*, NETWATCH_HOME_NET…); a bad value exits 2. */
export function flowConfigFromProcess(observer: string, env: NodeJS.ProcessEnv = process.env): FlowConfig {
  return flowConfigFromEnv(loadConfig(z.object(flowEnvShape), env), observer);
}

/**
 * Flows from every packet, published on netwatch.flow.v1 as they end or reach the active
 * timeout, and every `statsIntervalSec` of capture time a netwatch.sensor.stats.v1 record.
 */
export function createCaptureAnalyzer(ctx: AnalyzerContext, config?: FlowConfig): CaptureAnalyzer {
  const settings = config ?? flowConfigFromProcess(ctx.observer);
  const table = new FlowTable(settings, (flow) => ctx.bus.publish(topics.flow, flow), ctx.interfaceNames);
  const interfaces = ctx.captureStats ?? (() => []);
  if (ctx.metrics) registerCaptureMetrics(ctx.metrics, () => table.stats, interfaces);
  let last: StatsSnapshot | null = null;
  let lastSec = 0;

  const snapshot = (atSec: number): StatsSnapshot =>
    ({ atSec, table: table.stats, interfaces: interfaces().map((i) => ({ ...i })) });
  /** Where the first interval starts: the first packet's second, with nothing counted yet. */
  const start = (): StatsSnapshot => ({ atSec: table.startSec, table: emptyTableStats(), interfaces: [] });
  const report = (atSec: number) => {
    const before = last ?? start();
    const now = snapshot(atSec);
    if (atSec > before.atSec) ctx.bus.publish(topics.sensorStats, sensorStatsEvent(before, now, settings.observer));
    last = now;
  };

  return {
    name: 'flows',
    table,
    onPacket: (view, packet, error) => {
      table.onPacket(view, packet, error);
      lastSec = view.tsSec;
    },
    onTime: (tsSec) => {
      table.advance(tsSec);
      if (settings.statsIntervalSec <= 0 || table.startSec < 0) return;
      if (tsSec - (last ?? start()).atSec >= settings.statsIntervalSec) report(tsSec);
    },
    finish: () => {
      table.finish();
      if (settings.statsIntervalSec > 0 && table.startSec >= 0) report(lastSec + 1);
    },
  };
}
