// `netwatch service api` as a real child process: refuses unsafe auth with exit 2, serves, stops cleanly on SIGTERM.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { waitFor } from '@netwatch/kit/testing/wait';
import { healthShape } from './contract/shapes.js';

const fixture = fileURLToPath(new URL('./testing/api-service-fixture.js', import.meta.url));

interface Child {
  readonly process: ChildProcess;
  stderr: string;
}

function start(env: Record<string, string>): Child {
  const child = spawn(process.execPath, [fixture], {
    env: { PATH: process.env.PATH ?? '', NETWATCH_BUS: 'memory', NETWATCH_HTTP_PORT: '0', NETWATCH_API_PORT: '0', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const out: Child = { process: child, stderr: '' };
  child.stderr?.on('data', (d: Buffer) => (out.stderr += d.toString()));
  return out;
}

async function exitCode(child: Child): Promise<number | null> {
  if (child.process.exitCode !== null) return child.process.exitCode;
  const [code] = await once(child.process, 'exit');
  return code as number | null;
}

describe('api service', { timeout: 60_000 }, () => {
  it('exits 2 naming NETWATCH_API_PASSWORD_HASH when it would listen beyond loopback without one', async () => {
    const child = start({ NETWATCH_API_HOST: '0.0.0.0' });
    assert.equal(await exitCode(child), 2);
    assert.match(child.stderr, /netwatch api: NETWATCH_API_PASSWORD_HASH: is required when the API listens on 0\.0\.0\.0/);
  });

  it('exits 2 naming the variable for a placeholder hash', async () => {
    for (const value of ['changeme', '<hash>']) {
      const child = start({ NETWATCH_API_PASSWORD_HASH: value });
      assert.equal(await exitCode(child), 2, value);
      assert.match(child.stderr, /netwatch api: NETWATCH_API_PASSWORD_HASH: is still a placeholder/);
    }
  });

  it('serves on loopback without auth, and stops with exit 0 on SIGTERM', async () => {
    const child = start({ NETWATCH_LOG_LEVEL: 'info', NETWATCH_API_HOST: '127.0.0.1' });
    let port = 0;
    await waitFor(() => {
      const line = child.stderr.split('\n').find((l) => l.includes('"api listening"'));
      port = line === undefined ? 0 : (JSON.parse(line) as { port: number }).port;
      return port > 0 || child.process.exitCode !== null;
    }, 20_000, 'the api to listen');
    assert.ok(port > 0, child.stderr);
    const health = healthShape.parse(await (await fetch(`http://127.0.0.1:${port}/api/v1/health`)).json());
    assert.equal(health.status, 'ok');
    const session = await (await fetch(`http://127.0.0.1:${port}/api/v1/auth/session`)).json();
    assert.deepEqual(session, { authRequired: false, authenticated: true });
    assert.equal((await fetch(`http://127.0.0.1:${port}/metrics`)).status, 404, 'metrics stay on the ops port');
    child.process.kill('SIGTERM');
    assert.equal(await exitCode(child), 0);
  });
});
