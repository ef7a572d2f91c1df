// The capture analyzer on the in-memory bus: flows and stats on their topics, counts that add up, Prometheus figures.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMetrics, MemoryBroker, MemoryBus, silentLogger } from '@netwatch/kit';
import { type FlowEvent, type SensorStatsEvent, strictParse, topics } from '@netwatch/schemas';
import { createCaptureAnalyzer } from './capture-analyzer.js';
import { defaultFlowConfig } from './flow-config.js';
import { httpConversation, T0, type TimedFrame, udpFrame } from './testing/feed.js';
import { feedFrames } from '@netwatch/packet/testing/feed-analyzer';

async function run(frames: readonly TimedFrame[]) {
  const broker = new MemoryBroker();
  const bus = new MemoryBus({ broker, service: 'capture-test', logger: silentLogger() });
  const published: { topic: string; key: string | null; value: unknown }[] = [];
  broker.tap((record) => published.push(record as (typeof published)[number]));
  const metrics = createMetrics('capture-test', { processMetrics: false });
  let received = 0;
  const interfaces = () => [{ name: 'veth-test', received, dropped: 0, ifDropped: 0 }];
  const analyzer = createCaptureAnalyzer(
    { bus, observer: 'sensor-a', metrics, interfaceNames: ['veth-test'], captureStats: interfaces },
    { ...defaultFlowConfig, observer: 'sensor-a', statsIntervalSec: 10 },
  );
  feedFrames(analyzer, frames, T0, () => received++);
  await bus.close();
  return { published, metrics: await metrics.registry.metrics() };
}

describe('createCaptureAnalyzer', () => {
  // 25 s of traffic: an HTTP exchange every 5 s plus one UDP packet a second.
  const frames: TimedFrame[] = [];
  for (let s = 0; s < 25; s++) {
    if (s % 5 === 0) frames.push(...httpConversation(s, '192.168.1.10', 50000 + s));
    frames.push({ at: s + 0.5, frame: udpFrame('192.168.1.10', '192.168.1.1', 40000, 5353, new Uint8Array(20)) });
  }
  frames.sort((a, b) => a.at - b.at);

  it('publishes every flow on netwatch.flow.v1, keyed by the internal host, valid strictly', async () => {
    const { published } = await run(frames);
    const flows = published.filter((r) => r.topic === topics.flow.name);
    assert.equal(flows.length, 6); // five HTTP connections and one UDP conversation
    for (const record of flows) {
      const flow = strictParse(topics.flow.schema, record.value) as FlowEvent;
      assert.equal(record.key, '192.168.1.10');
      assert.equal(flow.observer.hostname, 'sensor-a');
      assert.equal(flow.observer.ingress?.interface?.name, 'veth-test');
    }
    const packets = flows.reduce((n, r) => n + ((r.value as FlowEvent).network.packets ?? 0), 0);
    assert.equal(packets, frames.length);
  });

  it('publishes sensor stats every interval whose packet counts add up to the input', async () => {
    const { published } = await run(frames);
    const stats = published.filter((r) => r.topic === topics.sensorStats.name)
      .map((r) => strictParse(topics.sensorStats.schema, r.value) as SensorStatsEvent);
    assert.equal(stats.length, 3); // at 10 s, 20 s, and the rest at the end
    const sum = (f: (s: SensorStatsEvent['netwatch']['sensor_stats']) => number) =>
      stats.reduce((n, s) => n + f(s.netwatch.sensor_stats), 0);
    assert.equal(sum((s) => s.packets), frames.length);
    assert.equal(sum((s) => s.bytes), frames.reduce((n, f) => n + f.frame.length, 0));
    assert.equal(sum((s) => s.protocols.udp), 25);
    assert.equal(sum((s) => s.protocols.tcp), 50);
    assert.equal(sum((s) => s.flows.created), 6);
    assert.equal(sum((s) => s.interfaces?.[0]?.received ?? 0), frames.length);
    assert.equal(stats[0]?.netwatch.sensor_stats.interval_ns, 10e9);
    const first = stats[0]?.netwatch.sensor_stats;
    assert.equal(first?.packets_per_second, (first?.packets ?? 0) / 10);
  });

  it('exposes the table on /metrics', async () => {
    const { metrics } = await run(frames);
    assert.match(metrics, /netwatch_capture_packets_total\{protocol="udp",service="capture-test"\} 25/);
    assert.match(metrics, /netwatch_flows_created_total\{service="capture-test"\} 6/);
    assert.match(metrics, /netwatch_flows_exported_total\{reason="end",service="capture-test"\} 6/);
    assert.match(metrics, /netwatch_flows_active\{service="capture-test"\} 0/);
    assert.match(metrics, /netwatch_capture_kernel_packets_total\{interface="veth-test",counter="received",/);
  });
});
