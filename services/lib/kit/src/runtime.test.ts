// The service runtime as a real child process: exit 2 on bad config, ops endpoints, graceful SIGTERM with Kafka.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import kafkajs from 'kafkajs';
import { kafkaGroupId } from './bus/kafka-bus.js';
import { testInfra } from './testing/infra.js';
import { waitFor } from './testing/wait.js';

const fixture = fileURLToPath(new URL('./testing/fixture-service.js', import.meta.url));

interface Child {
  readonly process: ChildProcess;
  stdout: string;
  stderr: string;
}

function startFixture(env: Record<string, string>): Child {
  const child = spawn(process.execPath, [fixture], {
    env: { PATH: process.env.PATH ?? '', NETWATCH_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: Child = { process: child, stdout: '', stderr: '' };
  child.stdout?.on('data', (d: Buffer) => {
    out.stdout += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    out.stderr += d.toString();
  });
  return out;
}

async function exitCode(child: Child): Promise<number | null> {
  if (child.process.exitCode !== null) return child.process.exitCode;
  const [code] = await once(child.process, 'exit');
  return code as number | null;
}

describe('service runtime', { timeout: 90_000 }, () => {
  it('exits 2 naming the variable when the environment is bad', async () => {
    for (const [name, value] of [
      ['NETWATCH_HTTP_PORT', 'eighty'],
      ['FIXTURE_DELAY_MS', '-1'],
      ['NETWATCH_BUS', 'carrier-pigeon'],
      ['KAFKA_SASL_PASSWORD', 'changeme'],
      ['NETWATCH_METRICS_TOKEN', '<run: openssl rand -hex 32>'],
      ['NETWATCH_METRICS_TOKEN', 'too-short'],
    ] as const) {
      const child = startFixture({ NETWATCH_BUS: 'memory', [name]: value });
      assert.equal(await exitCode(child), 2, `${name}=${value}`);
      assert.match(child.stderr, new RegExp(`netwatch fixture: ${name}: `));
    }
  });

  it('refuses to expose metrics beyond loopback without a token', async () => {
    const child = startFixture({
      NETWATCH_BUS: 'memory',
      NETWATCH_HTTP_HOST: '0.0.0.0',
      NETWATCH_HTTP_PORT: '0',
    });
    assert.equal(await exitCode(child), 2);
    assert.match(child.stderr, /NETWATCH_METRICS_TOKEN: is required/);
  });

  it('serves /healthz, /readyz and /metrics, and exits 0 on SIGTERM', async () => {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const child = startFixture({ NETWATCH_BUS: 'memory', NETWATCH_HTTP_PORT: String(port) });
    await waitFor(() => child.stdout.includes('ready'), 10_000, 'the fixture to start');
    const base = `http://127.0.0.1:${port}`;
    await waitFor(() => child.process.exitCode === null, 100, 'running');
    let ready: Response | undefined;
    for (let i = 0; i < 50 && ready?.status !== 200; i++) {
      ready = await fetch(`${base}/readyz`);
      if (ready.status !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(ready?.status, 200);
    assert.equal((await fetch(`${base}/healthz`)).status, 200);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    assert.match(metrics, /netwatch_process_cpu_seconds_total\{service="fixture"\}/);
    assert.match(metrics, /# TYPE netwatch_events_received_total counter/);
    assert.equal((await fetch(`${base}/nope`)).status, 404);
    child.process.kill('SIGTERM');
    assert.equal(await exitCode(child), 0, child.stderr);
  });

  it('on SIGTERM with Kafka, finishes the message in hand, commits it and exits 0', async () => {
    const { kafkaBrokers } = testInfra();
    const prefix = `rt${randomUUID().slice(0, 8)}.`;
    const topic = `${prefix}netwatch.fixture.v1`;
    const child = startFixture({
      NETWATCH_BUS: 'kafka',
      KAFKA_BROKERS: kafkaBrokers.join(','),
      KAFKA_TOPIC_PREFIX: prefix,
      KAFKA_TOPIC_PARTITIONS: '1',
      NETWATCH_HTTP_PORT: '0',
      FIXTURE_DELAY_MS: '1500',
    });
    await waitFor(
      () => child.stdout.includes('ready'),
      45_000,
      `the fixture to join (stderr: ${child.stderr})`,
    );
    const kafka = new kafkajs.Kafka({ brokers: kafkaBrokers, logLevel: kafkajs.logLevel.NOTHING });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic,
      messages: [0, 1, 2].map((seq) => ({ key: 'fixture', value: JSON.stringify({ seq }) })),
    });
    await producer.disconnect();
    await waitFor(() => child.stdout.includes('begin 0'), 30_000, 'the first message to start');
    child.process.kill('SIGTERM');
    assert.equal(await exitCode(child), 0, child.stderr);
    assert.match(child.stdout, /handled 0/, 'the message in hand finished');
    assert.doesNotMatch(child.stdout, /begin 1/, 'no new work after SIGTERM');
    const admin = kafka.admin();
    await admin.connect();
    try {
      const offsets = await admin.fetchOffsets({ groupId: kafkaGroupId('fixture', topic), topics: [topic] });
      assert.equal(
        offsets[0]?.partitions[0]?.offset,
        '1',
        'offset committed past the finished message',
      );
    } finally {
      await admin.disconnect();
    }
  });
});
