import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { ApiClient, ApiError, queryString } from './api-client.js';

// A real HTTP server on loopback answering like the api (status codes and error bodies from the contract).
let base = '';
const seen: { method: string; url: string; body: string; type: string }[] = [];
const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString()));
  req.on('end', () => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', body, type: req.headers['content-type'] ?? '' });
    const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
      res.end(JSON.stringify(value));
    };
    if (req.url === '/api/v1/auth/login') {
      const { password } = JSON.parse(body) as { password: string };
      if (password === 'right') return json(200, { user: 'admin', expiresAt: '2030-01-01T00:00:00Z' });
      if (password === 'again') return json(429, { error: { code: 'rate_limited', message: 'slow down' } }, { 'Retry-After': '42' });
      return json(401, { error: { code: 'unauthenticated', message: 'wrong name or password' } });
    }
    if (req.url === '/api/v1/auth/logout') return res.writeHead(204).end();
    if (req.url?.startsWith('/api/v1/flows')) return json(200, { flows: [] });
    if (req.url === '/api/v1/devices/nope') return json(404, { error: { code: 'not_found', message: 'unknown device' } });
    return json(401, { error: { code: 'unauthenticated', message: 'sign in' } });
  });
});

before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

test('login posts JSON and maps 401 and 429 (with Retry-After) to ApiError without the unauthorized hook', async () => {
  let unauthorized = 0;
  const api = new ApiClient(base, () => unauthorized++);
  assert.deepEqual(await api.login('admin', 'right'), { user: 'admin' });
  assert.deepEqual(JSON.parse(seen.at(-1)?.body ?? ''), { username: 'admin', password: 'right' });
  await assert.rejects(api.login('admin', 'wrong'), (e: unknown) => e instanceof ApiError && e.status === 401 &&
    e.code === 'unauthenticated');
  await assert.rejects(api.login('admin', 'again'), (e: unknown) => e instanceof ApiError && e.status === 429 &&
    e.retryAfterSec === 42);
  await api.logout();
  assert.deepEqual(seen.at(-1), { method: 'POST', url: '/api/v1/auth/logout', body: '{}', type: 'application/json' },
    'a POST without a body is still JSON (the api refuses other types)');
  assert.equal(unauthorized, 0, 'a failed login is not a lost session');
});

test('a 401 on a data call tells the app; 404 keeps the api error code; queries skip empty values', async () => {
  let unauthorized = 0;
  const api = new ApiClient(base, () => unauthorized++);
  await assert.rejects(api.stats(), (e: unknown) => e instanceof ApiError && e.status === 401);
  assert.equal(unauthorized, 1);
  await assert.rejects(api.device('nope'), (e: unknown) => e instanceof ApiError && e.code === 'not_found');
  await api.flows({ ip: '10.0.0.1', port: 443, protocol: '', limit: 50 });
  assert.equal(seen.at(-1)?.url, '/api/v1/flows?ip=10.0.0.1&port=443&limit=50');
  assert.equal(queryString({ a: undefined }), '');
});

test('an unreachable api is a network_error, status 0', async () => {
  const api = new ApiClient('http://127.0.0.1:1/api/v1');
  await assert.rejects(api.session(), (e: unknown) => e instanceof ApiError && e.status === 0 && e.code === 'network_error');
});
