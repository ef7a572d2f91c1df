// `netwatch service capture` in file mode (NETWATCH_CAPTURE_FILE): the same flows on Kafka as `netwatch replay` finds, and clear config errors.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { testInfra } from '@netwatch/kit/testing/infra';
import { readTopicWithKcat } from '@netwatch/kit/testing/kcat';
import { PcapFileWriter } from '@netwatch/packet';
import type { FlowEvent } from '@netwatch/schemas';
import { httpConversation } from './testing/feed.js';

const cli = fileURLToPath(new URL('../../cli/bin/netwatch.js', import.meta.url));
const CONVERSATIONS = 40;

interface Run {
  code: number | null;
  stderr: string;
}

/** Runs the service until it logs `until` (then SIGTERM) or exits by itself; bounded by `timeoutMs`. */
function runService(env: NodeJS.ProcessEnv, until: string | null, timeoutMs = 30_000): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'service', 'capture'], {
      env: { PATH: process.env.PATH, NETWATCH_HTTP_PORT: '0', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    let signalled = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`service did not ${until ? `log ${until}` : 'exit'} within ${timeoutMs} ms:\n${stderr}`));
    }, timeoutMs);
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (until !== null && !signalled && stderr.includes(until)) {
        signalled = true; // once: a second SIGTERM means "stop without draining"
        child.kill('SIGTERM');
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe('netwatch service capture with NETWATCH_CAPTURE_FILE', () => {
  let dir: string;
  let pcap: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'netwatch-capture-file-'));
    pcap = join(dir, 'conversations.pcap');
    const writer = new PcapFileWriter(pcap);
    for (let i = 0; i < CONVERSATIONS; i++) {
      for (const { at, frame } of httpConversation(i * 0.01, `192.168.7.${i + 10}`, 41_000 + i)) {
        writer.write(frame, 1_750_000_000, Math.round(at * 1e9));
      }
    }
    writer.close();
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('publishes to Kafka exactly the flows `netwatch replay` finds in the same file, then stays up until SIGTERM', async () => {
    const brokers = testInfra().kafkaBrokers.join(',');
    const prefix = `test.${randomBytes(4).toString('hex')}.`;
    const run = await runService({
      NETWATCH_BUS: 'kafka',
      KAFKA_BROKERS: brokers,
      KAFKA_TOPIC_PREFIX: prefix,
      KAFKA_TOPIC_PARTITIONS: '1',
      NETWATCH_CAPTURE_FILE: pcap,
    }, '"capture file done"');
    assert.equal(run.code, 0, run.stderr);

    const replayed = execFileSync(process.execPath, [cli, 'replay', pcap, '--jsonl', '--quiet'], { encoding: 'utf8' })
      .split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as { topic: string; value: FlowEvent })
      .filter((m) => m.topic === 'netwatch.flow.v1').map((m) => m.value);
    const onKafka = readTopicWithKcat<FlowEvent>(brokers, `${prefix}netwatch.flow.v1`);
    assert.equal(replayed.length, CONVERSATIONS);
    const summary = (f: FlowEvent) =>
      `${f.network.community_id} ${f.source.packets}/${f.destination.packets} ${f.network.bytes} ${f.netwatch.flow.state}`;
    assert.deepEqual(onKafka.map(summary).sort(), replayed.map(summary).sort());
  });

  it('refuses both a file and interfaces, naming both variables (exit 2)', async () => {
    const run = await runService({ NETWATCH_BUS: 'memory', NETWATCH_CAPTURE_FILE: pcap,
      NETWATCH_CAPTURE_INTERFACES: 'lo' }, null);
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /NETWATCH_CAPTURE_INTERFACES and NETWATCH_CAPTURE_FILE are both set/);
  });

  it('asks for an interface or a file when neither is set (exit 2)', async () => {
    const run = await runService({ NETWATCH_BUS: 'memory' }, null);
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /NETWATCH_CAPTURE_INTERFACES: is required .*NETWATCH_CAPTURE_FILE/);
  });

  it('fails the start on a missing file, naming the path (exit 2)', async () => {
    const missing = join(dir, 'missing.pcap');
    const run = await runService({ NETWATCH_BUS: 'memory', NETWATCH_CAPTURE_FILE: missing }, null);
    assert.equal(run.code, 2, run.stderr);
    assert.ok(run.stderr.includes(missing), run.stderr);
  });
});
