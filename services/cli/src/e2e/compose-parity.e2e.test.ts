// Compose parity: docker-compose.yml as compose resolves it, checked, then every netwatch service run natively with exactly that environment.
import assert from 'node:assert/strict';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { hashPassword } from '@netwatch/api';
import { serviceEnvShape } from '@netwatch/kit';
import { testInfra } from '@netwatch/kit/testing/infra';
import { serviceRegistry } from '../services.js';
import { generateDemoCapture } from '../pipeline/demo-capture.js';
import { type ComposeModel, type ComposeService, composeConfig, parseCompose } from './compose/compose-model.js';
import { makeImageTree } from './compose/image-tree.js';
import { imageEnvironment, nativeEnvironment } from './compose/native-env.js';
import { freePort } from './free-port.js';
import { makePublicCapture, PUBLIC_SERVERS } from './public-capture.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const noCompose = (() => {
  try {
    execFileSync('docker-compose', ['version'], { stdio: 'ignore' });
    return false;
  } catch {
    return 'needs docker-compose (apt-get install docker-compose) to resolve the compose file';
  }
})();
const notRoot = process.getuid?.() !== 0 ? 'needs root: records its capture in network namespaces' : false;

/** The secrets .env.template leaves empty, each of which compose must refuse to start without. */
const REQUIRED = ['NETWATCH_CAPTURE_INTERFACES', 'NETWATCH_API_PASSWORD_HASH', 'NETWATCH_METRICS_TOKEN',
  'REDIS_PASSWORD', 'NEO4J_PASSWORD'] as const;

interface Secrets {
  metricsToken: string;
  apiToken: string;
  password: string;
  values: Record<(typeof REQUIRED)[number] | 'NETWATCH_API_TOKEN_SHA256' | 'KAFKA_TOPIC_PREFIX', string>;
}

/** .env.template with some of its variables set; a value with `$` is single-quoted as the template says. */
function envFile(dir: string, name: string, values: Record<string, string>): string {
  const lines = readFileSync(join(root, '.env.template'), 'utf8').split('\n').map((line) => {
    const match = /^([A-Z0-9_]+)=/.exec(line);
    const value = match?.[1] === undefined ? undefined : values[match[1]];
    return value === undefined ? line : `${match?.[1] ?? ''}=${value.includes('$') ? `'${value}'` : value}`;
  });
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n'));
  return path;
}

const isNetwatch = (s: ComposeService) => s.command[0] === 'service';
const isSensor = (s: ComposeService) => s.networkMode === 'host';

/** Polls until `probe` returns a value; the message says what never came. */
async function until<T>(what: string, ms: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch {
      // not there yet
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${String(ms)} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

describe('docker-compose.yml, as compose resolves it', { skip: noCompose, timeout: 300_000 }, () => {
  let dir = '';
  let model: ComposeModel;
  let secrets: Secrets;
  const netwatch = () => [...model.services.values()].filter(isNetwatch);

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'netwatch-compose-'));
    const password = randomBytes(12).toString('hex');
    const apiToken = randomBytes(24).toString('hex');
    const metricsToken = randomBytes(24).toString('hex');
    secrets = {
      metricsToken,
      apiToken,
      password,
      values: {
        NETWATCH_CAPTURE_INTERFACES: 'eth1',
        NETWATCH_API_PASSWORD_HASH: await hashPassword(password),
        NETWATCH_METRICS_TOKEN: metricsToken,
        REDIS_PASSWORD: randomBytes(16).toString('hex'),
        NEO4J_PASSWORD: randomBytes(8).toString('hex'),
        NETWATCH_API_TOKEN_SHA256: createHash('sha256').update(apiToken).digest('hex'),
        KAFKA_TOPIC_PREFIX: `parity.${randomBytes(4).toString('hex')}.`,
      },
    };
    const file = envFile(dir, 'test.env', secrets.values);
    model = parseCompose(composeConfig(root, file, ['docker-compose.yml']));
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses to start while a required secret is empty, naming it', () => {
    for (const missing of REQUIRED) {
      const values: Record<string, string> = { ...secrets.values };
      delete values[missing];
      const file = envFile(dir, `without-${missing}.env`, values);
      assert.throws(() => composeConfig(root, file, ['docker-compose.yml']), (error: { stderr?: string }) => {
        assert.match(String(error.stderr), new RegExp(`set ${missing} in \\.env`), `${missing}: ${String(error.stderr)}`);
        return true;
      });
    }
  });

  it('runs every registered service, each as `service NAME` from the one image', () => {
    const names = netwatch().map((s) => s.command[1]).sort();
    assert.deepEqual(names, Object.keys(serviceRegistry).sort(), 'compose runs exactly the registered services');
    for (const service of netwatch()) {
      assert.equal(service.command.length, 2, service.name);
      assert.equal(service.name, service.command[1], 'the compose service is named after the netwatch service');
      assert.equal(service.image, 'netwatch:local', service.name);
      assert.deepEqual(service.entrypoint, isSensor(service) ? ['netwatch-capture'] : [], service.name);
    }
  });

  it('gives each netwatch service only variables that service reads', async () => {
    for (const service of netwatch()) {
      const definition = await serviceRegistry[service.name]?.();
      assert.ok(definition, service.name);
      const known = new Set(Object.keys({ ...serviceEnvShape, ...definition.env }));
      for (const name of Object.keys(service.environment)) {
        const base = name.endsWith('_FILE') ? name.slice(0, -'_FILE'.length) : name;
        assert.ok(known.has(base), `${service.name}: ${name} is not a variable of netwatch service ${service.name}`);
      }
    }
  });

  it('holds each container to what it needs: sensors raw sockets only, processors nothing', () => {
    for (const service of netwatch()) {
      assert.deepEqual(service.capDrop, ['ALL'], service.name);
      assert.equal(service.readOnly, true, `${service.name} has a read-only root`);
      assert.ok(service.memLimit, `${service.name} has a memory limit`);
      if (isSensor(service)) {
        assert.deepEqual([...service.capAdd].sort(), ['NET_ADMIN', 'NET_RAW'], service.name);
        assert.ok(service.environment.NETWATCH_CAPTURE_INTERFACES, `${service.name} captures the .env interfaces`);
      } else {
        assert.deepEqual(service.capAdd, [], service.name);
        assert.ok(service.securityOpt.includes('no-new-privileges:true'), service.name);
        assert.ok(service.networks.length > 0, service.name);
      }
    }
  });

  it('publishes only on loopback by default, and never Redis or Neo4j; storage is an internal network', () => {
    for (const service of model.services.values()) {
      for (const port of service.ports) assert.equal(port.hostIp, '127.0.0.1', `${service.name} ${String(port.published)}`);
    }
    for (const name of ['redis', 'neo4j']) {
      const service = model.services.get(name);
      assert.ok(service, name);
      assert.deepEqual(service.ports, [], `${name} is not published`);
      assert.deepEqual(service.networks, ['storage'], name);
    }
    assert.equal(model.networks.storage?.internal, true);
    assert.equal(model.networks.processing?.internal, true);
    for (const service of model.services.values()) {
      if (service.networks.includes('storage') && !['redis', 'neo4j'].includes(service.name)) {
        assert.ok(!isSensor(service), `${service.name}: a sensor must not reach storage`);
      }
    }
  });

  it('checks the health of every service and starts netwatch only once Kafka is healthy', () => {
    for (const service of model.services.values()) {
      assert.ok(service.healthcheck && service.healthcheck.length > 1, `${service.name} has a healthcheck`);
    }
    for (const service of netwatch()) {
      assert.deepEqual(service.healthcheck, ['CMD', 'netwatch', 'healthcheck'], service.name);
      assert.equal(service.dependsOn.kafka, 'service_healthy', service.name);
    }
  });

  it('points every service at the Kafka listener of its own network', () => {
    const kafka = model.services.get('kafka');
    assert.ok(kafka);
    const advertised = new Map((kafka.environment.KAFKA_ADVERTISED_LISTENERS ?? '').split(',').map((l) => {
      const [name, address] = l.split('://');
      return [String(name), String(address)] as const;
    }));
    const host = advertised.get('HOST') ?? '';
    const hostPort = Number(host.split(':').pop());
    assert.ok(kafka.ports.some((p) => p.published === hostPort && p.hostIp === '127.0.0.1'),
      `Kafka's advertised host listener ${host} is published on loopback`);
    const listeners = kafka.environment.KAFKA_LISTENERS ?? '';
    const hostTarget = kafka.ports.find((p) => p.published === hostPort)?.target;
    assert.ok(listeners.includes(`HOST://:${String(hostTarget)}`), `the published port reaches the HOST listener`);
    for (const service of netwatch()) {
      const brokers = service.environment.KAFKA_BROKERS;
      if (isSensor(service)) {
        assert.equal(brokers, host, `${service.name} (host network) uses the published listener`);
      } else {
        assert.equal(brokers, advertised.get('INTERNAL'), `${service.name} uses the in-network listener`);
        assert.ok(service.networks.some((n) => kafka.networks.includes(n)), `${service.name} shares a network with kafka`);
      }
    }
  });

  it('gives docker/redis.conf to a real redis-server: password required, append-only, never evicting', async () => {
    const redis = model.services.get('redis');
    assert.ok(redis);
    const password = redis.environment.REDIS_PASSWORD ?? '';
    const data = join(dir, 'redis-data');
    mkdirSync(data);
    const port = await freePort();
    // The container's paths moved here; the listener on loopback and a free port, as for every native run.
    const conf = readFileSync(join(root, 'docker/redis.conf'), 'utf8')
      .replace(/^bind .*$/m, 'bind 127.0.0.1').replace(/^port .*$/m, `port ${String(port)}`)
      .replace(/^dir .*$/m, `dir ${data}`).replace(/^include \/run\/redis\/auth\.conf$/m, `include ${join(dir, 'auth.conf')}`);
    writeFileSync(join(dir, 'redis.conf'), conf);
    writeFileSync(join(dir, 'auth.conf'), `requirepass "${password}"\n`, { mode: 0o600 });
    const server = spawn('redis-server', [join(dir, 'redis.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    server.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    server.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    try {
      const cli = (args: string[], auth?: string) => execFileSync('redis-cli', ['-p', String(port), ...args],
        { encoding: 'utf8', env: { PATH: process.env.PATH, ...(auth ? { REDISCLI_AUTH: auth } : {}) } }).trim();
      await until('redis to answer', 10_000, async () => (cli(['ping'], password) === 'PONG' ? true : undefined))
        .catch((error: unknown) => {
          throw new Error(`${String(error)}\n${log}`);
        });
      assert.match(cli(['get', 'x']), /NOAUTH/);
      assert.equal(cli(['config', 'get', 'maxmemory-policy'], password), 'maxmemory-policy\nnoeviction');
      assert.equal(cli(['config', 'get', 'appendonly'], password), 'appendonly\nyes');
    } finally {
      server.kill('SIGTERM');
    }
  });

  describe('every netwatch service, started natively with the environment compose gives it', { skip: notRoot }, () => {
    const children = new Map<string, { child: ChildProcess; output: string; env: Record<string, string> }>();

    after(() => {
      for (const { child } of children.values()) child.kill('SIGKILL');
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
          const out = execFileSync('kcat', ['-C', '-b', brokers, '-t', `${prefix}netwatch.${topic}.v1`, '-o', 'beginning',
            '-c', '1', '-e', '-q'], { encoding: 'utf8', timeout: 20_000, stdio: ['ignore', 'pipe', 'ignore'] });
          return out.trim() !== '' ? true : undefined;
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
});
