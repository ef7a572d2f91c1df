// netwatch healthcheck against a real HTTP server on loopback: 200 is healthy, 503 and silence are not.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { healthcheckCommand } from './healthcheck.js';

describe('netwatch healthcheck', () => {
  let server: Server;
  let port = 0;
  let status = 200;

  before(async () => {
    server = createServer((req, res) => {
      res.writeHead(req.url === '/readyz' ? status : 404, { 'content-type': 'text/plain' });
      res.end(status === 200 ? 'ready' : 'not ready: capture');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  after(() => server.close());

  it('exits 0 when /readyz answers 200', async () => {
    status = 200;
    assert.equal(await healthcheckCommand([], { NETWATCH_HTTP_PORT: String(port) }), 0);
  });

  it('exits 1 when /readyz answers 503', async () => {
    status = 503;
    assert.equal(await healthcheckCommand([], { NETWATCH_HTTP_PORT: String(port) }), 1);
  });

  it('exits 1 when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const free = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    assert.equal(await healthcheckCommand(['--timeout', '1000'], { NETWATCH_HTTP_PORT: String(free) }), 1);
  });

  it('refuses a bad port, naming the variable', async () => {
    await assert.rejects(healthcheckCommand([], { NETWATCH_HTTP_PORT: 'http' }), /NETWATCH_HTTP_PORT/);
  });
});
