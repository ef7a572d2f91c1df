// Auth over real HTTP: 401 everywhere but health/session/openapi, login and its cookie, tokens, rate limit, CSRF guard.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MemoryBroker, MemoryBus, NetwatchError } from '@netwatch/kit';
import { Registry } from 'prom-client';
import type { AuthConfig } from '../auth/auth-config.js';
import { hashPassword } from '../auth/password.js';
import { tokenDigestHex } from '../auth/tokens.js';
import { errorShape, loginShape, sessionShape } from '../contract/shapes.js';
import { createApi } from '../create-api.js';
import { type Harness, noAuth, startHarness } from '../testing/harness.js';

const PASSWORD = 'a sufficiently long passphrase';
const TOKEN = 'script-token-0123456789abcdef';
let h: Harness;
let config: AuthConfig;

const securedGets = ['/stats', '/site', '/devices', '/devices/x', '/devices/x/flows', '/flows', '/alerts', '/topology',
  '/feed', '/nothing'];

function login(username: string, password: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${h.base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ username, password }),
  });
}

/** The cookie pair (name=value) of a Set-Cookie header. */
function cookiePair(res: Response): string {
  return (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
}

before(async () => {
  const passwordHash = await hashPassword(PASSWORD);
  config = { ...noAuth, passwordHash, tokenSha256: [tokenDigestHex(TOKEN)], loginMaxFailures: 3 };
  h = await startHarness({ authConfig: config, loopbackOnly: false });
});

after(async () => {
  await h.close();
});

describe('auth required', () => {
  it('answers 401 JSON without credentials on every route but health, session and openapi', async () => {
    for (const path of securedGets) {
      const res = await fetch(`${h.base}/api/v1${path}`);
      assert.equal(res.status, 401, path);
      assert.equal(errorShape.parse(await res.json()).error.code, 'unauthenticated');
    }
    const ack = await fetch(`${h.base}/api/v1/alerts/x/ack`, { method: 'POST', headers: { 'content-type': 'application/json' } });
    assert.equal(ack.status, 401);
    for (const path of ['/health', '/openapi.json', '/auth/session'])
      assert.equal((await fetch(`${h.base}/api/v1${path}`)).status, 200, path);
    const session = sessionShape.parse(await (await fetch(`${h.base}/api/v1/auth/session`)).json());
    assert.deepEqual(session, { authRequired: true, authenticated: false });
  });

  it('logs in with the right name and password and sets a strict, HttpOnly session cookie', async () => {
    const wrongPassword = await login('admin', 'not it');
    assert.equal(wrongPassword.status, 401);
    assert.equal(wrongPassword.headers.get('set-cookie'), null);
    assert.equal((await login('root', PASSWORD)).status, 401, 'wrong user name');
    const res = await login('admin', PASSWORD);
    assert.equal(res.status, 200);
    const body = loginShape.parse(await res.json());
    assert.equal(body.user, 'admin');
    const ttl = Date.parse(body.expiresAt) - Date.now();
    assert.ok(ttl > 11.9 * 3_600_000 && ttl <= 12 * 3_600_000, `expires in ${ttl} ms`);
    const setCookie = res.headers.get('set-cookie') ?? '';
    assert.match(setCookie, /^netwatch_session=[A-Za-z0-9_-]{43}; /);
    for (const attribute of ['HttpOnly', 'SameSite=Strict', 'Path=/', 'Max-Age=43200'])
      assert.ok(setCookie.split('; ').includes(attribute), `${attribute} in ${setCookie}`);
    assert.ok(!setCookie.includes('Secure'), 'plain HTTP without NETWATCH_API_COOKIE_SECURE');
    const cookie = cookiePair(res);
    assert.equal((await fetch(`${h.base}/api/v1/flows`, { headers: { cookie } })).status, 200);
    const session = sessionShape.parse(await (await fetch(`${h.base}/api/v1/auth/session`, { headers: { cookie } })).json());
    assert.deepEqual(session, { authRequired: true, authenticated: true, user: 'admin' });

    const logout = await fetch(`${h.base}/api/v1/auth/logout`, {
      method: 'POST', headers: { cookie, 'content-type': 'application/json' },
    });
    assert.equal(logout.status, 204);
    assert.match(logout.headers.get('set-cookie') ?? '', /^netwatch_session=; .*Max-Age=0/);
    assert.equal((await fetch(`${h.base}/api/v1/flows`, { headers: { cookie } })).status, 401, 'session forgotten');
  });

  it('accepts a configured bearer token and refuses any other', async () => {
    const ok = await fetch(`${h.base}/api/v1/devices`, { headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(ok.status, 200);
    for (const authorization of [`Bearer ${TOKEN}x`, 'Bearer ', `Basic ${Buffer.from(`admin:${PASSWORD}`).toString('base64')}`]) {
      const res = await fetch(`${h.base}/api/v1/devices`, { headers: { authorization } });
      assert.equal(res.status, 401, authorization);
      assert.equal(res.headers.get('www-authenticate'), 'Bearer realm="netwatch"');
    }
  });

  it('refuses POSTs that are not application/json (CSRF guard), before anything else', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await fetch(`${h.base}/api/v1/auth/login`, {
        method: 'POST', headers: { 'content-type': type }, body: `username=admin&password=${PASSWORD}`,
      });
      assert.equal(res.status, 415, type);
      assert.equal(errorShape.parse(await res.json()).error.code, 'unsupported_media_type');
    }
    const bad = await fetch(`${h.base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
    assert.equal(bad.status, 400);
    assert.equal(errorShape.parse(await bad.json()).error.code, 'invalid_body');
  });

  it('answers 429 with Retry-After once an address has too many failures, even for the right password', async () => {
    h.api.auth.limiter.succeed('127.0.0.1');
    for (let i = 0; i < config.loginMaxFailures; i++) assert.equal((await login('admin', `wrong ${i}`)).status, 401);
    const limited = await login('admin', PASSWORD);
    assert.equal(limited.status, 429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    assert.ok(retryAfter > 0 && retryAfter <= 15 * 60, `Retry-After ${retryAfter}`);
    assert.equal(errorShape.parse(await limited.json()).error.code, 'rate_limited');
    const metrics = await h.registry.metrics();
    assert.match(metrics, /netwatch_api_logins_total\{outcome="rate_limited"\} 1/);
    assert.match(metrics, /netwatch_api_logins_total\{outcome="wrong"\} [1-9]/);
    h.api.auth.limiter.succeed('127.0.0.1');
  });

  it('marks the cookie Secure when NETWATCH_API_COOKIE_SECURE is on', async () => {
    const secure = await startHarness({ authConfig: { ...config, cookieSecure: true }, loopbackOnly: false });
    try {
      const res = await fetch(`${secure.base}/api/v1/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: PASSWORD }),
      });
      assert.equal(res.status, 200);
      assert.ok((res.headers.get('set-cookie') ?? '').split('; ').includes('Secure'));
    } finally {
      await secure.close();
    }
  });
});

describe('auth off', () => {
  it('is off on loopback with no hash and no tokens: data answers without credentials', async () => {
    const open = await startHarness();
    try {
      assert.equal((await fetch(`${open.base}/api/v1/flows`)).status, 200);
      const session = sessionShape.parse(await (await fetch(`${open.base}/api/v1/auth/session`)).json());
      assert.deepEqual(session, { authRequired: false, authenticated: true });
      const res = await fetch(`${open.base}/api/v1/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'x' }),
      });
      assert.equal(res.status, 400);
      assert.equal(errorShape.parse(await res.json()).error.code, 'auth_disabled');
    } finally {
      await open.close();
    }
  });

  it('cannot be off beyond loopback: createApi refuses, naming NETWATCH_API_PASSWORD_HASH', () => {
    const bus = new MemoryBus({ broker: new MemoryBroker(), service: 'api-test' });
    assert.throws(
      () => createApi({ bus, metrics: new Registry(), authConfig: noAuth, site: { name: 'x' }, loopbackOnly: false }),
      (error: unknown) => error instanceof NetwatchError && error.code === 'config_invalid' &&
        error.details.variable === 'NETWATCH_API_PASSWORD_HASH',
    );
  });
});
