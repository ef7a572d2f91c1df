// Auth building blocks: argon2id hashes, token digests, cookies, sessions and the login limiter.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clearedSessionCookie, readCookie, sessionCookie } from './cookies.js';
import { LoginLimiter } from './login-limiter.js';
import { hashPassword, isArgon2idPhc, verifyPassword } from './password.js';
import { SessionStore } from './sessions.js';
import { bearerToken, tokenDigestHex, TokenSet } from './tokens.js';

describe('password', () => {
  it('hashes with argon2id into a PHC string that verifies only the same password', async () => {
    const phc = await hashPassword('correct horse battery staple');
    assert.match(phc, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.ok(isArgon2idPhc(phc));
    assert.equal(await verifyPassword(phc, 'correct horse battery staple'), true);
    assert.equal(await verifyPassword(phc, 'correct horse battery stapl'), false);
    assert.notEqual(await hashPassword('correct horse battery staple'), phc, 'a fresh salt each time');
  });

  it('refuses an empty password and never throws on a malformed hash', async () => {
    await assert.rejects(hashPassword(''), RangeError);
    assert.equal(await verifyPassword('$argon2id$garbage', 'x'), false);
    for (const bad of ['changeme', '$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA', ''])
      assert.equal(isArgon2idPhc(bad), false, bad);
  });
});

describe('tokens', () => {
  it('accepts a token whose SHA-256 is configured, and nothing else', () => {
    const set = new TokenSet([tokenDigestHex('script-token-1'), tokenDigestHex('script-token-2')]);
    assert.equal(tokenDigestHex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    assert.equal(set.matches('script-token-2'), true);
    assert.equal(set.matches('script-token-3'), false);
    assert.equal(set.matches(''), false);
  });

  it('reads a bearer token (RFC 6750 token68 characters only)', () => {
    assert.equal(bearerToken('Bearer abc.DEF-_~+/='), 'abc.DEF-_~+/=');
    assert.equal(bearerToken('bearer abc'), 'abc');
    assert.equal(bearerToken('Basic YWRtaW46eA=='), undefined);
    assert.equal(bearerToken('Bearer a b'), undefined);
  });
});

describe('cookies', () => {
  it('writes the session cookie with HttpOnly, SameSite=Strict, Path=/ and Secure when asked', () => {
    assert.equal(sessionCookie('abc', 3600, false), 'netwatch_session=abc; Path=/; Max-Age=3600; HttpOnly; SameSite=Strict');
    assert.match(sessionCookie('abc', 3600, true), /; Secure$/);
    assert.match(clearedSessionCookie(false), /^netwatch_session=; Path=\/; Max-Age=0;/);
  });

  it('reads one cookie out of a Cookie header', () => {
    assert.equal(readCookie('a=1; netwatch_session=xyz; b=2', 'netwatch_session'), 'xyz');
    assert.equal(readCookie('netwatch_sessionx=1', 'netwatch_session'), undefined);
    assert.equal(readCookie(undefined, 'netwatch_session'), undefined);
  });
});

describe('SessionStore', () => {
  it('issues 256-bit ids that expire after the TTL', () => {
    let now = 0;
    const store = new SessionStore(1000, 10, () => now);
    const session = store.create('admin');
    assert.equal(Buffer.from(session.id, 'base64url').length, 32);
    assert.equal(store.get(session.id)?.user, 'admin');
    now = 1000;
    assert.equal(store.get(session.id), undefined);
    assert.equal(store.size, 0);
  });

  it('forgets the oldest session beyond capacity, and on delete', () => {
    const store = new SessionStore(60_000, 2);
    const [a, b, c] = [store.create('u'), store.create('u'), store.create('u')];
    assert.equal(store.get(a.id), undefined);
    assert.ok(store.get(b.id) && store.get(c.id));
    store.delete(b.id);
    assert.equal(store.get(b.id), undefined);
  });
});

describe('LoginLimiter', () => {
  it('refuses after N failures until the oldest leaves the window; a success clears the address', () => {
    let now = 0;
    const limiter = new LoginLimiter(3, 60_000, 100, () => now);
    for (let i = 0; i < 3; i++) {
      assert.equal(limiter.check('10.0.0.1').allowed, true);
      limiter.fail('10.0.0.1');
      now += 1000;
    }
    assert.deepEqual(limiter.check('10.0.0.1'), { allowed: false, retryAfterSec: 57 });
    assert.equal(limiter.check('10.0.0.2').allowed, true, 'per address');
    now = 60_001;
    assert.equal(limiter.check('10.0.0.1').allowed, true);
    limiter.fail('10.0.0.1');
    limiter.succeed('10.0.0.1');
    limiter.fail('10.0.0.1');
    assert.equal(limiter.check('10.0.0.1').allowed, true);
  });
});
