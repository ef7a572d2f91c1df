// Compose parity: every netwatch service run natively with exactly the environment docker-compose.yml gives it, until a capture reaches the api.
import assert from 'node:assert/strict';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { testInfra } from '@netwatch/kit/testing/infra';
import { readTopicWithKcat } from '@netwatch/kit/testing/kcat';
import { pollUntil as until } from '@netwatch/kit/testing/wait';
import { generateDemoCapture } from '../pipeline/demo-capture.js';
import { isNetwatch, isSensor, noCompose, resolvedCompose, root, type Secrets } from './compose/compose-fixture.js';
import type { ComposeModel } from './compose/compose-model.js';
import { makeImageTree } from './compose/image-tree.js';
import { imageEnvironment, nativeEnvironment } from './compose/native-env.js';
import { freePort } from './free-port.js';
import { makePublicCapture, PUBLIC_SERVERS } from './public-capture.js';

const skip = noCompose || (process.getuid?.() !== 0 ? 'needs root: records its capture in network namespaces' : false);

describe('every netwatch service, started natively with the environment compose gives it', { skip, timeout: 300_000 }, () => {
  let dir = '';
  let model: ComposeModel;
  let secrets: Secrets;
  const netwatch = () => [...model.services.values()].filter(isNetwatch);
  const children = new Map<string, { child: ChildProcess; output: string; env: Record<string, string> }>();

  before(async () => {
    ({ dir, secrets, model } = await resolvedCompose());
  });

  after(() => {
    for (const { child } of children.values()) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('gets a capture through the sensors, Kafka and enrich to the api, healthy, with metrics behind the token, ' +
    'from the production-only tree', async () => {
    const brokers = testInfra().kafkaBrokers.join(',');
    const home = join(dir, 'home');
    mkdirSync(home);
    const demo = join(dir, 'demo.pcap');
    writeFileSync(demo, generateDemoCapture({ seconds: 20 }));
    const publicCapture = await makePublicCapture(dir);
    const capture = join(dir, 'parity.pcap');
    execFileSync('mergecap', ['-F', 'pcap', '-w', capture, demo, publicCapture], { timeout: 30_000 });
    // Run from the tree as the image has it (production dependencies only), not from this checkout.
    const app = makeImageTree(root, dir);
    const appBin = join(app, 'services/cli/bin/netwatch.js');
    const imageEnv = imageEnvironment(join(root, 'Dockerfile'), app, home);
    assert.ok(existsSync(imageEnv.NETWATCH_API_UI_DIR ?? ''), 'the image ENV points the api at the built UI');

    // Processors first, as they would be subscribed by the time sensors publish; Kafka keeps it all anyway.
    const ordered = netwatch().sort((a, b) => Number(isSensor(a)) - Number(isSensor(b)));
    let apiBase = '';
    for (const service of ordered) {
      const env = nativeEnvironment(service, { kafkaBrokers: brokers, httpPort: await freePort(),
        apiPort: await freePort(), captureFile: capture, imageEnv, path: process.env.PATH ?? '', home });
      if (service.name === 'api') apiBase = `http://127.0.0.1:${env.NETWATCH_API_PORT ?? ''}`;
      const child = spawn(process.execPath, [appBin, ...service.command], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      const entry = { child, output: '', env };
      child.stdout?.on('data', (chunk: Buffer) => (entry.output += chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => (entry.output += chunk.toString()));
      children.set(service.name, entry);
    }

    // Compose's own healthcheck command, run with each service's environment.
    for (const [name, { child, output, env }] of children) {
      await until(`${name} to be healthy`, 60_000, async () => {
        if (child.exitCode !== null) throw new Error(`${name} exited ${String(child.exitCode)}:\n${output}`);
        try {
          execFileSync(process.execPath, [appBin, 'healthcheck'], { env, stdio: 'ignore', timeout: 10_000 });
          return true;
        } catch {
          return undefined;
        }
      }).catch((error: unknown) => {
        throw new Error(`${String(error)}\n${children.get(name)?.output ?? ''}`);
      });
    }

    const api = (path: string) => fetch(`${apiBase}${path}`, { headers: { authorization: `Bearer ${secrets.apiToken}` } });
    assert.equal((await fetch(`${apiBase}/api/v1/flows`)).status, 401, 'the api requires its login');
    const page = await fetch(`${apiBase}/`);
    assert.equal(page.status, 200, 'the api serves the built UI (NETWATCH_API_UI_DIR from the image)');
    assert.match(await page.text(), /<div id="root">/);
    interface Flow { dst: { ip: string; country?: string; geo?: { lat: number; lon: number } } }
    let seen = 'nothing yet';
    const flows = await until('geolocated flows to the public servers at the api', 120_000, async () => {
      const body = (await (await api('/api/v1/flows?limit=1000')).json()) as { flows: Flow[] };
      seen = `${String(body.flows.length)} flows, e.g. ${JSON.stringify(body.flows.slice(0, 2))}`;
      const servers: readonly string[] = PUBLIC_SERVERS;
      const located = body.flows.filter((f) => servers.includes(f.dst.ip) && f.dst.country && f.dst.geo);
      return new Set(located.map((f) => f.dst.ip)).size === PUBLIC_SERVERS.length ? located : undefined;
    }).catch((error: unknown) => {
      const logs = [...children].map(([name, c]) => `--- ${name}\n${c.output.split('\n').slice(-8).join('\n')}`);
      throw new Error(`${String(error)}; the api has ${seen}\n${logs.join('\n')}`);
    });
    assert.ok(flows.length >= PUBLIC_SERVERS.length);
    const devices = (await (await api('/api/v1/devices')).json()) as { devices: unknown[] };
    assert.ok(devices.devices.length > 0, 'devices from the asset sensor and flows');

    // Each sensor's and enrich's topics, read back with kcat, an independent client.
    const prefix = secrets.values.KAFKA_TOPIC_PREFIX;
    for (const topic of ['flow', 'dns', 'tls', 'asset', 'enriched.flow', 'enriched.dns', 'enriched.tls']) {
      await until(`messages on ${prefix}netwatch.${topic}.v1`, 60_000, async () => {
        return readTopicWithKcat(brokers, `${prefix}netwatch.${topic}.v1`, 1).length > 0 ? true : undefined;
      });
    }

    // What Prometheus will do: /metrics with the token from .env, refused without it.
    for (const [name, { env }] of children) {
      const url = `http://127.0.0.1:${env.NETWATCH_HTTP_PORT ?? ''}/metrics`;
      assert.equal((await fetch(url)).status, 401, `${name} /metrics without the token`);
      const scraped = await fetch(url, { headers: { authorization: `Bearer ${secrets.metricsToken}` } });
      assert.equal(scraped.status, 200, `${name} /metrics with the token`);
      assert.match(await scraped.text(), /^netwatch_/m, name);
    }

    for (const [name, { child }] of children) {
      child.kill('SIGTERM');
      const code = await new Promise<number | null>((resolve) => {
        if (child.exitCode !== null) resolve(child.exitCode);
        else child.on('exit', resolve);
      });
      assert.equal(code, 0, `${name} stops cleanly:\n${children.get(name)?.output ?? ''}`);
    }
  });
});
