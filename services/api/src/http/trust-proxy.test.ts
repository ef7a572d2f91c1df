// The login limit and X-Forwarded-For: ignored by default (a spoofed header cannot dodge the limit), honoured
// from trusted proxies only when NETWATCH_API_TRUST_PROXY says so.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { AuthConfig } from '../auth/auth-config.js';
import { hashPassword } from '../auth/password.js';
import type { TrustProxy } from '../auth/trust-proxy.js';
import { type Harness, noAuth, startHarness } from '../testing/harness.js';

const PASSWORD = 'a sufficiently long passphrase';
let config: AuthConfig;

before(async () => {
  config = { ...noAuth, passwordHash: await hashPassword(PASSWORD), loginMaxFailures: 3 };
});

async function withApi(trustProxy: TrustProxy | undefined, test: (h: Harness) => Promise<void>): Promise<void> {
  const authConfig = trustProxy === undefined ? config : { ...config, trustProxy };
  const h = await startHarness({ authConfig, loopbackOnly: false });
  try {
    await test(h);
  } finally {
    await h.close();
  }
}

async function login(h: Harness, password: string, forwardedFor?: string): Promise<number> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (forwardedFor !== undefined) headers['x-forwarded-for'] = forwardedFor;
  const res = await fetch(`${h.base}/api/v1/auth/login`, {
    method: 'POST', headers, body: JSON.stringify({ username: 'admin', password }),
  });
  await res.arrayBuffer();
  return res.status;
}

/** Spends the limit of `forwardedFor` with wrong passwords; every attempt must be a plain 401. */
async function exhaust(h: Harness, forwardedFor: (i: number) => string | undefined): Promise<void> {
  for (let i = 0; i < config.loginMaxFailures; i++) assert.equal(await login(h, `wrong ${i}`, forwardedFor(i)), 401);
}

describe('login limit behind proxies', { timeout: 30_000 }, () => {
  it('ignores X-Forwarded-For by default: a new spoofed address per attempt still hits the limit', async () => {
    await withApi(undefined, async (h) => {
      await exhaust(h, (i) => `198.51.100.${i + 1}`);
      assert.equal(await login(h, PASSWORD, '198.51.100.200'), 429, 'a fresh header does not reset the count');
      assert.equal(await login(h, PASSWORD), 429);
    });
  });

  it('ignores X-Forwarded-For from a peer that is not one of the listed proxies', async () => {
    await withApi(['10.9.9.9', '192.0.2.0/24'], async (h) => {
      await exhaust(h, (i) => `198.51.100.${i + 1}`);
      assert.equal(await login(h, PASSWORD, '198.51.100.200'), 429);
    });
  });

  it('keys on the forwarded client when the peer is a trusted proxy (by address list)', async () => {
    await withApi(['loopback'], async (h) => {
      await exhaust(h, () => '198.51.100.1');
      assert.equal(await login(h, PASSWORD, '198.51.100.1'), 429, 'the client behind the proxy is limited');
      assert.equal(await login(h, PASSWORD, '198.51.100.2'), 200, 'another client behind the same proxy is not');
      // The header's leftmost entries come from the client: with one trusted proxy only the rightmost counts.
      assert.equal(await login(h, 'wrong', '203.0.113.77, 198.51.100.1'), 429);
    });
  });

  it('keys on the forwarded client with a hop count, and only as many hops as configured', async () => {
    await withApi(1, async (h) => {
      await exhaust(h, () => '198.51.100.1');
      assert.equal(await login(h, PASSWORD, '198.51.100.1'), 429);
      // A client prepending a fake address is still keyed on what the one trusted proxy saw.
      assert.equal(await login(h, PASSWORD, '192.0.2.50, 198.51.100.1'), 429);
      assert.equal(await login(h, PASSWORD, '198.51.100.3'), 200);
    });
  });
});
