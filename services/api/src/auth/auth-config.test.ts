// Auth settings: off only on loopback without a hash; placeholders and plain text refused naming the variable.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NetwatchError } from '@netwatch/kit';
import { authRequired, loadAuthConfig } from './auth-config.js';
import { hashPassword } from './password.js';

function configError(fn: () => unknown): NetwatchError {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof NetwatchError, String(error));
    assert.equal(error.code, 'config_invalid');
    return error;
  }
  assert.fail('expected a config error');
}

describe('loadAuthConfig', () => {
  it('turns auth off only on loopback with no hash and no tokens', () => {
    const config = loadAuthConfig({}, true);
    assert.equal(authRequired(config, true), false);
    assert.deepEqual([config.user, config.sessionTtlMs, config.loginMaxFailures], ['admin', 12 * 3_600_000, 5]);
    const withToken = loadAuthConfig({ NETWATCH_API_TOKEN_SHA256: 'a'.repeat(64) }, true);
    assert.equal(authRequired(withToken, true), true);
  });

  it('refuses to listen beyond loopback without a hash, naming NETWATCH_API_PASSWORD_HASH', () => {
    for (const env of [{}, { NETWATCH_API_PASSWORD_HASH: '' }]) {
      const error = configError(() => loadAuthConfig(env, false));
      assert.equal(error.details.variable, 'NETWATCH_API_PASSWORD_HASH');
      assert.match(error.message, /^NETWATCH_API_PASSWORD_HASH: is required/);
    }
  });

  it('refuses placeholders and anything but an argon2id PHC string, on loopback too', () => {
    for (const value of ['changeme', 'CHANGE_ME', '<argon2 hash here>', '${PASSWORD_HASH}', 'hunter22', '$2b$12$abc']) {
      for (const loopback of [true, false]) {
        const error = configError(() => loadAuthConfig({ NETWATCH_API_PASSWORD_HASH: value }, loopback));
        assert.equal(error.details.variable, 'NETWATCH_API_PASSWORD_HASH', value);
        assert.ok(!error.message.includes(value) || value === '', 'the value is not echoed');
      }
    }
  });

  it('accepts a real hash beyond loopback and requires auth', async () => {
    const hash = await hashPassword('a long enough password');
    const config = loadAuthConfig({ NETWATCH_API_PASSWORD_HASH: hash, NETWATCH_API_USER: 'ops' }, false);
    assert.deepEqual([config.user, config.passwordHash, authRequired(config, false)], ['ops', hash, true]);
  });

  it('names the variable of any other bad value', () => {
    for (const [name, value] of [
      ['NETWATCH_API_TOKEN_SHA256', 'abc'],
      ['NETWATCH_API_SESSION_TTL', '10s'],
      ['NETWATCH_API_COOKIE_SECURE', 'maybe'],
      ['NETWATCH_API_LOGIN_MAX_FAILURES', '0'],
      ['NETWATCH_API_TRUST_PROXY', 'true'],
      ['NETWATCH_API_TRUST_PROXY', '33'],
      ['NETWATCH_API_TRUST_PROXY', '10.0.0.300'],
      ['NETWATCH_API_TRUST_PROXY', '10.0.0.0/33'],
      ['NETWATCH_API_TRUST_PROXY', 'loopback, proxy.example'],
      ['NETWATCH_API_TRUST_PROXY', ' , '],
    ] as const) {
      const error = configError(() => loadAuthConfig({ [name]: value }, true));
      assert.equal(error.details.variable, name);
    }
  });

  it('reads NETWATCH_API_TRUST_PROXY: off by default, a hop count, or proxy addresses, CIDRs and presets', () => {
    assert.equal(loadAuthConfig({}, true).trustProxy, false);
    assert.equal(loadAuthConfig({ NETWATCH_API_TRUST_PROXY: 'off' }, true).trustProxy, false);
    assert.equal(loadAuthConfig({ NETWATCH_API_TRUST_PROXY: '0' }, true).trustProxy, false);
    assert.equal(loadAuthConfig({ NETWATCH_API_TRUST_PROXY: ' 2 ' }, true).trustProxy, 2);
    assert.deepEqual(
      loadAuthConfig({ NETWATCH_API_TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,fd00::/8, ::1,loopback' }, true).trustProxy,
      ['10.0.0.5', '10.1.0.0/16', 'fd00::/8', '::1', 'loopback'],
    );
    const error = configError(() => loadAuthConfig({ NETWATCH_API_TRUST_PROXY: 'true' }, true));
    assert.match(error.message, /^NETWATCH_API_TRUST_PROXY: trusting every proxy/);
  });
});
