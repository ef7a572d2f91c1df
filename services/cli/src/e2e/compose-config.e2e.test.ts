// docker-compose.yml as compose resolves it: the services, variables, capabilities, ports, networks, listeners and secrets it gives.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { serviceEnvShape } from '@netwatch/kit';
import { pollUntil as until } from '@netwatch/kit/testing/wait';
import { serviceRegistry } from '../services.js';
import { envFile, isNetwatch, isSensor, noCompose, REQUIRED, resolvedCompose, root, type Secrets }
  from './compose/compose-fixture.js';
import { type ComposeModel, composeConfig } from './compose/compose-model.js';
import { freePort } from './free-port.js';

describe('docker-compose.yml, as compose resolves it', { skip: noCompose, timeout: 120_000 }, () => {
  let dir = '';
  let model: ComposeModel;
  let secrets: Secrets;
  const netwatch = () => [...model.services.values()].filter(isNetwatch);

  before(async () => {
    ({ dir, secrets, model } = await resolvedCompose());
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
      // Wait for it: Redis saves on shutdown and refuses to exit if its data folder vanished first.
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
  });
});
