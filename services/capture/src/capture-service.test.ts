// End to end on a real link: tcpreplay onto our own veth, `netwatch service capture` on its peer, flows read back from Kafka with kcat.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { testInfra } from '@netwatch/kit/testing/infra';
import { readTopicWithKcat as readTopic } from '@netwatch/kit/testing/kcat';
import { pollUntil as until } from '@netwatch/kit/testing/wait';
import { PcapFileWriter } from '@netwatch/packet';
import { TestNetwork, type VethPair } from '@netwatch/packet/live/testing/network-namespace';
import type { FlowEvent, SensorStatsEvent } from '@netwatch/schemas';
import { httpConversation } from './testing/feed.js';

const cli = fileURLToPath(new URL('../../cli/bin/netwatch.js', import.meta.url));
const CONVERSATIONS = 100;
const notRoot = process.getuid?.() !== 0 ? 'needs root to create network namespaces and capture' : false;

describe('netwatch service capture on a veth', { skip: notRoot }, () => {
  let network: TestNetwork;
  let pair: VethPair;
  let dir: string;
  let pcap: string;
  let frameBytes = 0;
  let service: ChildProcess | undefined;
  let stderr = '';

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'netwatch-capture-'));
    pcap = join(dir, 'conversations.pcap');
    const writer = new PcapFileWriter(pcap);
    for (let i = 0; i < CONVERSATIONS; i++) {
      for (const { at, frame } of httpConversation(i * 0.001, `192.168.7.${(i % 200) + 10}`, 40_000 + i)) {
        writer.write(frame, 1_750_000_000, Math.round(at * 1e9));
        frameBytes += frame.length;
      }
    }
    writer.close();
    network = new TestNetwork();
    pair = network.addVethPair();
  });

  after(() => {
    service?.kill('SIGKILL');
    network?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('turns what tcpreplay sent into exact flows on Kafka, with zero kernel drops in the stats', async () => {
    const infra = testInfra();
    const brokers = infra.kafkaBrokers.join(',');
    const prefix = `test.${randomBytes(4).toString('hex')}.`;
    service = spawn(process.execPath, [cli, 'service', 'capture'], {
      env: {
        ...process.env,
        NETWATCH_BUS: 'kafka',
        KAFKA_BROKERS: brokers,
        KAFKA_TOPIC_PREFIX: prefix,
        KAFKA_TOPIC_PARTITIONS: '1',
        NETWATCH_HTTP_PORT: '0',
        NETWATCH_OBSERVER_NAME: 'veth-sensor',
        NETWATCH_CAPTURE_INTERFACES: pair.outside,
        NETWATCH_FLOW_CLOSED_TIMEOUT: '1s',
        NETWATCH_STATS_INTERVAL: '1s',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    service.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await until('the service to start capturing', 30_000, () => (stderr.includes('"capturing"') ? true : undefined));

    const replayed = await network.replay(pair, pcap, 20_000);
    assert.match(replayed, new RegExp(`Actual: ${CONVERSATIONS * 10} packets`));

    const flows = await until('every flow on Kafka', 30_000, () => {
      const records = readTopic(brokers, `${prefix}netwatch.flow.v1`) as FlowEvent[];
      return records.length >= CONVERSATIONS ? records : undefined;
    });
    assert.equal(flows.length, CONVERSATIONS);
    for (const flow of flows) {
      assert.equal(flow.observer.hostname, 'veth-sensor');
      assert.equal(flow.observer.ingress?.interface?.name, pair.outside);
      assert.equal(flow.netwatch.flow.state, 'SF');
      assert.equal(flow.source.packets, 6);
      assert.equal(flow.destination.packets, 4);
      assert.equal(flow.network.protocol, 'http');
    }
    assert.equal(flows.reduce((n, f) => n + (f.network.bytes ?? 0), 0), frameBytes);

    service.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => service?.on('exit', resolve));
    assert.equal(code, 0, stderr);

    const stats = readTopic(brokers, `${prefix}netwatch.sensor.stats.v1`) as SensorStatsEvent[];
    const sum = (pick: (s: SensorStatsEvent['netwatch']['sensor_stats']) => number) =>
      stats.reduce((n, s) => n + pick(s.netwatch.sensor_stats), 0);
    assert.equal(sum((s) => s.packets), CONVERSATIONS * 10);
    assert.equal(sum((s) => s.interfaces?.[0]?.received ?? 0), CONVERSATIONS * 10, 'pcap_stats saw every packet');
    assert.equal(sum((s) => s.interfaces?.[0]?.dropped ?? 0), 0, 'no kernel drops at 20 k pkt/s');
  });
});
